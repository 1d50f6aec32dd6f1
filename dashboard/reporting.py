"""The foot of every page: what the view is (filters, link, data date, version) and the
"Download report" buttons — a self-contained HTML file of the charts and tables on the page as
filtered now, and a PDF of the page as the browser draws it. Both are generated only when clicked.
The footer is part of the page, so screenshots and PDFs carry it too."""

from __future__ import annotations

import os

import streamlit as st

from analysis.filters import Filters
from dashboard import components, data, filters_ui, plain, report


def _base_url() -> str:
    """Where links to a view point: the address the page was opened at, or the one a report
    asks for (:data:`dashboard.data.ENV_LINK_BASE`)."""
    override = os.environ.get(data.ENV_LINK_BASE, "").rstrip("/")
    if override:
        return override
    url = st.context.url or ""
    if "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://{rest.split('/', 1)[0]}"
    return f"http://localhost:{st.get_option('server.port')}"


def _data_date() -> str:
    opts = data.filter_options()
    if opts.first_date:
        return f"articles {opts.first_date:%Y-%m-%d} – {opts.last_date:%Y-%m-%d}"
    return "undated articles"


def page_report_buttons(title: str, url_path: str, filters: Filters) -> None:
    from dashboard.cli import presslens_version

    link = report.page_url(_base_url(), url_path, filters, filters_ui.page_params())
    meta = report.ReportMeta(
        filters=filters, link=link, data_date=_data_date(), version=presslens_version()
    )
    items = components.report_items()
    st.divider()
    left, mid, right = st.columns([5, 1.6, 1.6])
    left.caption(
        f"**View** — filters: {plain.md(report.describe_filters(filters))} · "
        f"data: {plain.md(meta.data_date)} · presslens {plain.md(meta.version)}  \n"
        f"[Link to this view]({link})"
    )
    name = f"presslens-{url_path}"
    mid.download_button(
        "Report (HTML)",
        data=lambda: report.html_report([(title, items)], meta),
        file_name=f"{name}.html",
        mime="text/html",
        key="report-html",
        on_click="ignore",
        icon=":material/description:",
        width="stretch",
        help="This page's charts (interactive) and tables as one self-contained HTML file",
    )
    # The PDF is the page as Chromium draws it: the server renders its own URL headless.
    local = report.page_url(
        f"http://127.0.0.1:{st.get_option('server.port')}",
        url_path,
        filters,
        filters_ui.page_params(),
    )
    right.download_button(
        "Report (PDF)",
        data=lambda: report.capture_pdf(local),
        file_name=f"{name}.pdf",
        mime="application/pdf",
        key="report-pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        width="stretch",
        help="This page as it looks now, as a PDF (takes a few seconds)",
    )
