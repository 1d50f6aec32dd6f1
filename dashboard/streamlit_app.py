"""The presslens dashboard's entry point: page set-up, the store, the shared filters, navigation.

Run by ``presslens dashboard`` (``streamlit run dashboard/streamlit_app.py``; the store comes in
``PRESSLENS_DB``). Order matters: the store is opened (and, on first start without ``--db``, built
from the bundled sample with a visible progress bar), then the sidebar filters are drawn from the
URL, then the chosen page runs with those filters, then the page's report buttons are added.
"""

from __future__ import annotations

import streamlit as st

from analysis.store import StoreError
from dashboard import components, data, filters_ui, reporting

PAGES = (
    ("overview", "Overview", ":material/dashboard:"),
    ("speakers", "Speakers", ":material/record_voice_over:"),
    ("entities", "Entities", ":material/hub:"),
    ("figures", "Figures", ":material/bar_chart:"),
    ("articles", "Articles", ":material/article:"),
    ("compare", "Compare", ":material/compare_arrows:"),
    ("places", "Places", ":material/map:"),
    ("data", "Data", ":material/upload_file:"),
)

st.set_page_config(
    page_title="presslens", page_icon=":material/newspaper:", layout="wide",
    initial_sidebar_state="expanded",
)  # fmt: skip

try:
    data.store()
except StoreError as exc:
    st.error(f"presslens cannot open its store. {exc}", icon=":material/error:")
    st.stop()

if data.uses_sample() and not data.read_only() and data.is_empty():
    with st.status("First start: analysing the bundled sample article …", expanded=True) as box:
        bar = st.progress(0.0, text="reading data/")

        def _progress(done: int, total: int) -> None:
            bar.progress(done / total if total else 1.0, text=f"{done} of {total} articles")

        summary = data.build_sample(progress=_progress)
        box.update(label=f"Sample analysed: {summary.new} article(s)", state="complete")

pages = [
    st.Page(
        f"app_pages/{slug}.py", title=title, icon=icon, url_path=slug, default=slug == "overview"
    )
    for slug, title, icon in PAGES
]
page = st.navigation(pages)
components.start_run()
filters_ui.start_page_params()
st.sidebar.caption(f"Store: `{data.db_path().name}`" + (" (read-only)" if data.read_only() else ""))
filters = filters_ui.sidebar()
st.session_state[filters_ui.CURRENT_KEY] = filters
filters_ui.show_notices()
page.run()
reporting.page_report_buttons(page.title, page.url_path, filters)
