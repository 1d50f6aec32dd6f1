"""The presslens dashboard's entry point: page set-up, the store, the shared filters, navigation.

Run by ``presslens dashboard`` (``streamlit run dashboard/streamlit_app.py``; the store comes in
``PRESSLENS_DB``). Order matters: the store is opened (and, on first start without ``--db``, built
from the bundled sample with a visible progress bar), then the sidebar filters are drawn from the
URL, then the chosen page runs with those filters, then the page's report buttons are added.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from analysis.store import StoreError
from dashboard import activity, code_changes, components, data, filters_ui, plain, reporting

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

# A local image: a `:material/…:` page icon makes the browser fetch an icon font from the internet.
ICON = Path(__file__).resolve().parent / "assets" / "presslens-icon.png"
st.set_page_config(
    page_title="presslens", page_icon=str(ICON), layout="wide",
    initial_sidebar_state="expanded",
)  # fmt: skip

# The whole run counted as one (dashboard.activity): the server's deferred start-up warming
# waits for the pauses between a visitor's page runs instead of taking the cores from them.
with activity.page_run():
    if code_changes.changed():
        st.warning(
            "presslens's code changed on disk since this dashboard started (an upgrade?). Restart "
            "`presslens dashboard` to use it: until then a page may fail.",
            icon=":material/update:",
        )

    data.start_run()
    try:
        data.store()
    except StoreError as exc:
        st.error(f"presslens cannot open its store. {plain.md(exc)}", icon=":material/error:")
        st.stop()

    if data.uses_sample() and not data.read_only() and data.is_empty():
        # One element, bar and text together: whatever moment the browser first draws it, it
        # shows what is happening (loading the language model comes before the first progress).
        bar = st.progress(
            0.02,
            text="First start: analysing the bundled sample article — loading the language model "
            "(once, about 10–30 s) …",
        )

        def _progress(done: int, total: int) -> None:
            bar.progress(
                done / total if total else 1.0,
                text=f"First start: analysing the bundled sample — {done} of {total} articles",
            )

        summary = data.build_sample(progress=_progress)
        n = summary.new or summary.known  # known: another session built it meanwhile
        bar.progress(1.0, text=f"Sample analysed: {n} article(s)")

    pages = [
        st.Page(
            f"app_pages/{slug}.py",
            title=title,
            icon=icon,
            default=slug == "overview",
            # the default page lives at "/"; its own path is never shown, and "overview" is the
            # same page's hidden second path (below)
            url_path=slug if slug != "overview" else "home",
        )
        for slug, title, icon in PAGES
    ]

    # ``/overview``, the Overview's own name (every other page is reached by its name), shows the
    # Overview with the link's filters: Streamlit keeps the default page at ``/`` only and said
    # "Page not found" there, and cannot switch pages without clearing the link's filters (they are
    # bound to the sidebar's widgets), so the same script is a hidden page at that path too.
    pages.append(
        st.Page("app_pages/overview.py", title="Overview", url_path="overview", visibility="hidden")
    )
    page = st.navigation(pages)
    components.start_run()
    components.narrow_page_layout()
    filters_ui.start_page_params()
    st.sidebar.caption(
        f"Store: {plain.md(data.db_path().name)}" + (" (read-only)" if data.read_only() else "")
    )
    filters = filters_ui.sidebar()
    st.session_state[filters_ui.CURRENT_KEY] = filters
    filters_ui.show_notices()
    reporting.start_page(page.title, page.url_path, filters)
    page.run()
    reporting.end_page()  # unless the page ended itself (reporting.stop_page)
