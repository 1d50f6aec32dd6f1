"""The foot of every page: what the view is (filters, link, data date, version) and the
"Download report" buttons — this page under the current filters as a self-contained HTML
report and as a PDF document, both built like ``presslens report`` builds them (the views and
chart factories of :mod:`dashboard.report_views`, the page's choices from its URL) and only
when clicked. The footer is part of the page, so screenshots carry it too."""

from __future__ import annotations

import dataclasses
import os

import streamlit as st

from analysis.filters import Filters
from dashboard import data, filters_ui, plain, report_capture, report_html, report_views


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
    opts = data.filter_options()  # cached, with the count of undated articles the sidebar says
    return report_views.data_span(opts.first_date, opts.last_date, opts.undated)


def _in_view(filters: Filters) -> str:
    """The articles the filters keep and how many of them have no date, before the store's
    dates: under ?speaker=Tony+Blair the footer's "data: articles 2011-08-01 – 2017-12-14;
    2,062 undated" (the whole store's) read as if it described the view. Nothing when no
    filter is set: the view is the store."""
    if filters.is_empty:
        return ""
    articles, dated = filters_ui.dated_counts(filters)  # cached: the pages count them too
    said = f"in view: {articles:,} article{'' if articles == 1 else 's'}"
    if dated == 0 and articles:
        said += ", none dated"
    elif articles > dated:
        said += f", {articles - dated:,} undated"
    return said + " · "


def _document(page: str, filters: Filters, meta, base: str, choices, rendition: str):
    """``(document, meta)``: the report's HTML and its ``meta`` with the articles in view."""
    with data.connection() as con:
        sections = report_views.build(con, [page], filters, link_base=base, choices=choices)
        # the title page names the articles in view, as `presslens report`'s does
        meta = dataclasses.replace(meta, matched=report_views.matched_articles(con, filters))
    return report_html.document(sections, meta, rendition=rendition), meta


def _pdf(page: str, filters: Filters, meta, base: str, choices) -> bytes:
    document, meta = _document(page, filters, meta, base, choices, "print")
    # the footer of every page counts the articles in view, as the title page does
    return report_capture.document_pdf(document, report_html.footer_text(meta))


# The page the current run shows (title, url path, filters) and whether its foot is drawn yet.
FOOT_KEY = "_presslens_page_foot"


def start_page(title: str, url_path: str, filters: Filters) -> None:
    """Remember the page this run shows, for :func:`end_page` (called before the page runs)."""
    st.session_state[FOOT_KEY] = {"page": (title, url_path, filters), "drawn": False}


def end_page() -> None:
    """Draw the page's foot (:func:`page_report_buttons`) unless this run drew it already."""
    foot = st.session_state.get(FOOT_KEY)
    if foot is None or foot["drawn"]:
        return
    foot["drawn"] = True
    page_report_buttons(*foot["page"])


def stop_page() -> None:
    """End the page here, with its foot: what a page calls instead of ``st.stop()`` when it has
    nothing more to show (no articles in view, nothing chosen yet). With ``st.stop()`` the
    view's link and report buttons, drawn after the page, were never drawn."""
    end_page()
    st.stop()


def page_report_buttons(title: str, url_path: str, filters: Filters) -> None:
    page = url_path or report_views.PAGES[0]  # the default page lives at the app's root
    choices = filters_ui.page_params()
    base = _base_url()
    link = report_views.page_url(base, page, filters, choices)
    meta = report_views.ReportMeta(
        filters=filters, link=link, data_date=_data_date(), version=data.app_version()
    )
    st.divider()
    left, mid, right = st.columns([5, 1.6, 1.6])
    left.caption(
        f"**View** — filters: {plain.md(report_views.describe_filters(filters))} · "
        f"{_in_view(filters)}whole store: {plain.md(meta.data_date)} · "
        f"presslens {plain.md(meta.version)}  \n[Link to this view]({link})"
    )
    name = filters_ui.file_name(f"presslens-{page}-report", filters, "")
    mid.download_button(
        "Report (HTML)",
        data=lambda: _document(page, filters, meta, base, choices, "interactive")[0],
        file_name=f"{name}.html",
        mime="text/html",
        key="report-html",
        on_click="ignore",
        icon=":material/description:",
        width="stretch",
        help="This page's charts (interactive) and tables as one self-contained HTML file",
    )
    right.download_button(
        "Report (PDF)",
        data=lambda: _pdf(page, filters, meta, base, choices),
        file_name=f"{name}.pdf",
        mime="application/pdf",
        key="report-pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        width="stretch",
        help="This page as a PDF document: its charts, its tables in full, selectable text "
        "(takes a few seconds)",
    )
