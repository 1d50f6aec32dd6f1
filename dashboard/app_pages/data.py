"""Data: add articles by upload (the formats ``presslens analyze`` reads), analysed with a
progress bar into the store; and download the tables in view as CSV or JSON (the ``presslens/1``
contract). A bad file gets one line naming it and the reason; the rest are still analysed."""

from __future__ import annotations

import streamlit as st

from analysis import export
from dashboard import data, filters_ui, plain

filters = filters_ui.current()
st.title("Data")

st.subheader("Add articles")
if data.read_only():
    st.info("This dashboard was opened read-only (a report run); uploads are disabled.")
else:
    with st.form("upload", clear_on_submit=True, border=True):
        files = st.file_uploader(
            "Articles: .txt (first line = title), .html, .json, .jsonl, .csv",
            type=["txt", "html", "htm", "json", "jsonl", "csv"],
            accept_multiple_files=True,
        )
        submitted = st.form_submit_button("Analyse", type="primary", icon=":material/play_arrow:")
    if submitted:
        if not files:
            st.warning("Choose one or more files first.")
        else:
            bar = st.progress(0.0, text="reading files …")

            def _progress(done: int, total: int) -> None:
                bar.progress(done / total if total else 1.0, text=f"analysed {done} of {total}")

            summary = data.analyse_uploads(
                [(f.name, f.getvalue()) for f in files], progress=_progress
            )
            bar.progress(1.0, text="done")
            line = (
                f"{summary.new} new article(s), {summary.known} already known, "
                f"{summary.duplicates} near-duplicate(s), {summary.failed} failed"
            )
            (st.success if not summary.failed else st.warning)(line)
            for note in summary.notes:  # e.g. which field a file's text was read from
                st.info(note, icon=":material/info:")
            for failure in summary.failures:
                st.error(plain.md(failure), icon=":material/error:")

st.subheader("Download what is in view")
counts = data.view("counts", filters)
st.caption(
    f"{counts['articles']:,} article(s), {counts['quotes']:,} quotes, {counts['entities']:,} "
    f"entities, {counts['figures']:,} figures under the current filters. The files are built "
    "when you click."
)
if counts["articles"] == 0:
    st.info("Nothing to download: no articles match these filters. Widen them in the sidebar.")
else:

    def _csv_zip() -> bytes:
        return data.csv_zip(filters)

    c1, c2 = st.columns(2)
    c1.download_button(
        "Tables as CSV (zip)", data=_csv_zip, file_name="presslens-tables.zip",
        mime="application/zip", icon=":material/download:", on_click="ignore", width="stretch",
    )  # fmt: skip
    c2.download_button(
        "Everything as JSON (presslens/1)",
        data=lambda: export.dumps(data.export_tables(filters)),
        file_name="presslens.json", mime="application/json", icon=":material/download:",
        on_click="ignore", width="stretch",
    )  # fmt: skip

counts = data.store_counts()
st.caption(
    "Store: "
    + ", ".join(f"{k} {v:,}" for k, v in counts.items())
    + f" · {plain.md(data.db_path())}"
)
