"""Data: add articles by upload (the formats ``presslens analyze`` reads), analysed with a
progress bar into the store — a table shows its first rows and which column holds the text,
title, date, outlet and URL (guessed, correctable), plain text and HTML can be given an outlet
and a date; and download the tables in view as CSV or JSON (the ``presslens/1``
contract). A bad file gets one line naming it and the reason; the rest are still analysed."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from analysis import export, ingest, upload
from dashboard import components, data, filters_ui, plain, uploads

# The fields a table's columns can be mapped to, as the pickers name them.
MAPPED_FIELDS = {
    "text": "Text", "title": "Title", "published": "Date", "source": "Outlet", "url": "URL",
}  # fmt: skip


filters = filters_ui.current()
st.title("Data")

st.subheader("Add articles")
if data.read_only():
    st.info(
        "This dashboard was opened read-only (`presslens dashboard --read-only`, or a report "
        "run): uploads and analysis are disabled."
    )
else:
    files = st.file_uploader(
        "Articles: .txt or .md (first line = title), .html, .json, .jsonl, .csv, .tsv",
        type=upload.UPLOAD_TYPES,
        accept_multiple_files=True,
        # A larger file would be refused after its upload, by the limit `analyze` keeps
        # (--max-mb, which a dashboard user cannot raise): the uploader says so before.
        max_upload_size=ingest.DEFAULT_MAX_BYTES // ingest.BYTES_PER_MB,
        key="upload_files",
    )
    files = files or []
    mapped: list[uploads.UploadFile] = []
    for i, f in enumerate(files):
        refused = ingest.refusal_by_name(Path(f.name))
        if refused is not None:  # said at once, as analysing it would say it
            st.error(plain.md(f"{f.name}: {refused}"), icon=":material/error:")
            continue
        if Path(f.name).suffix.lower() not in upload.TABLE_SUFFIXES:
            mapped.append(uploads.UploadFile(f.name, f.getvalue()))
            continue
        try:
            preview = upload.table_preview(f.name, f.getvalue())
        except ValueError:  # IngestError: analysed anyway, so that its failure is named
            mapped.append(uploads.UploadFile(f.name, f.getvalue()))
            continue
        # A table: its first rows, and which column holds which field (guessed from the usual
        # names; the reader corrects the guess here).
        with st.container(border=True):
            st.markdown(f"**{f.name}** — which column holds what?")
            st.dataframe(
                preview.rows, hide_index=True, placeholder=components.NOT_GIVEN,
                height=components.fit_height(len(preview.rows), 230),
            )  # fmt: skip
            cols = st.columns(len(MAPPED_FIELDS))
            fmap = {}
            for col, (fld, label) in zip(cols, MAPPED_FIELDS.items(), strict=True):
                guess = preview.guessed.get(fld)
                choice = col.selectbox(
                    label, list(preview.columns), key=f"map_{i}_{fld}",
                    index=preview.columns.index(guess) if guess else None,
                    placeholder="required" if fld == "text" else "none",
                )  # fmt: skip
                if choice:
                    fmap[fld] = choice
            if "text" not in fmap:
                # left out, not holding up the batch: a table of figures dropped in beside the
                # articles had disabled Analyse for all of them
                st.warning(
                    f"{plain.md(f.name)}: choose the column that holds the article text; "
                    "until then it is left out of the analysis."
                )
                continue
            mapped.append(uploads.UploadFile(f.name, f.getvalue(), fmap))
    has_plain = any(Path(f.name).suffix.lower() not in upload.TABLE_SUFFIXES for f in mapped)
    source, published = None, None
    if has_plain:
        left, right = st.columns(2)
        source = left.text_input(
            "Outlet of the .txt/.html files", key="upload_source",
            placeholder="e.g. The Guardian (left empty: taken from the page, if it says)",
        )  # fmt: skip
        day = right.date_input(
            "Published on", value=None, key="upload_date", format="YYYY-MM-DD",
            help="For files that do not carry their own date",
        )  # fmt: skip
        published = day.isoformat() if day else None
    ready = bool(mapped)
    if st.button("Analyse", type="primary", icon=":material/play_arrow:", key="analyse",
                 disabled=not ready):  # fmt: skip
        bar = st.progress(0.0, text="reading files …")

        def _progress(done: int, total: int) -> None:
            bar.progress(done / total if total else 1.0, text=f"analysed {done} of {total}")

        summary = uploads.analyse(mapped, source=source, published=published, progress=_progress)
        bar.progress(1.0, text="done")
        line = (
            f"{summary.new} new article(s), {summary.known} already known, "
            f"{summary.duplicates} near-duplicate(s), {summary.failed} failed"
            + (f", {summary.replaced} replaced by their new text" if summary.replaced else "")
        )
        (st.success if not summary.failed else st.warning)(line)
        for note in summary.notes:  # e.g. which field a file's text was read from
            st.info(plain.md(note), icon=":material/info:")
        for failure in summary.failures:
            st.error(plain.md(failure), icon=":material/error:")

st.subheader("Download what is in view")
counts = data.counts(filters)
st.caption(
    f"{counts['articles']:,} article(s), {counts['quotes']:,} quotes, {counts['entities']:,} "
    f"distinct entities, {counts['figures']:,} figures under the current filters (syndicated "
    "copies counted once). The files are built when you click."
)
if counts["articles"] == 0:
    st.info("Nothing to download: no articles match these filters. Widen them in the sidebar.")
else:

    def _csv_zip() -> bytes:
        return data.csv_zip(filters)

    c1, c2 = st.columns(2)
    c1.download_button(
        "Tables as CSV (zip)", data=_csv_zip, file_name=filters_ui.file_name("presslens-tables", filters, ".zip"),
        mime="application/zip", icon=":material/download:", on_click="ignore", width="stretch",
    )  # fmt: skip
    c2.download_button(
        "Everything as JSON (presslens/1)",
        data=lambda: export.dumps(data.export_tables(filters)),
        file_name=filters_ui.file_name("presslens", filters, ".json"), mime="application/json", icon=":material/download:",
        on_click="ignore", width="stretch",
    )  # fmt: skip

# Rows as stored, which is not what the line above counts: every syndicated copy is an
# article row, and an entity has a row per article that names it.
counts = data.store_counts()
st.caption(
    f"The store holds {counts['articles']:,} article rows (copies included), "
    f"{counts['quotes']:,} quotes, {counts['entities']:,} entity rows (one per article and "
    f"name), {counts['figures']:,} figures · {plain.md(data.db_path())}"
)
