"""The report as HTML: one document written from the report's sections
(:mod:`dashboard.report_views`), in two renditions of the same content.

- ``interactive`` — the HTML report: plotly.js inlined once, every chart interactive, tables whole,
  article links real ``<a href>`` to the dashboard.
- ``print`` — the PDF document, for Chromium to print from a file: plotly.js is loaded from the
  installed package by a ``file://`` address rather than inlined, a title page (filters, the data's dates, the link to the view),
  each dashboard page on a new sheet, charts as static SVG at a fixed width (Chromium prints SVG
  as vector graphics, so text in charts stays sharp and selectable), table headers repeated on
  every sheet, no row cut.

Every value from the store is escaped (``html.escape``): article text stays text.
"""

from __future__ import annotations

import html
import math
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import plotly.io as pio
from plotly.offline import get_plotlyjs

from dashboard.report_views import Item, ReportMeta, Section, Table, describe_filters

PRINT_WIDTH_PX = 1000  # an A4 landscape sheet at 96 dpi, less its margins
# The tallest chart a sheet holds under its page's heading (180 mm of print height at 96 dpi,
# less the heading): a taller one (the Entities page's 710 px bars) went to the next sheet and
# left the heading alone on its own.
PRINT_MAX_HEIGHT_PX = 600
# No ligatures: a printed "fi" drawn as one glyph is extracted as "ﬁ", and a search of the PDF
# for "figures" would miss it.

_CSS = """
body{font-family:"Source Sans Pro","DejaVu Sans",Helvetica,Arial,sans-serif;margin:2rem auto;
max-width:1200px;color:#262730;padding:0 1rem;line-height:1.4;font-variant-ligatures:none}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:2px solid #e6e9ef;
padding-bottom:.3rem}h3{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;font-size:.85rem;width:100%;margin:.5rem 0 1.5rem}
th,td{border-bottom:1px solid #e6e9ef;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f7f8fa}td{max-width:16rem;overflow-wrap:break-word}
.table{overflow-x:auto}
td.mid{min-width:8rem}td.wide{min-width:16rem;max-width:40rem}
table.many td.mid{min-width:6rem}table.many td.wide{min-width:12rem}
td.num{text-align:right;white-space:nowrap}td.date{white-space:nowrap}
td.link{white-space:nowrap}a{color:#1f5fa8}
footer{margin-top:3rem;font-size:.8rem;color:#555;border-top:1px solid #e6e9ef;padding-top:.6rem;
overflow-wrap:anywhere}.note{color:#555;font-size:.9rem}.text{white-space:pre-wrap;
font-size:.95rem}.empty{color:#8a5a00;background:#fff6e0;padding:.5rem .8rem;border-radius:4px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dl.meta dt{font-weight:600}
dl.meta dd{margin:0;overflow-wrap:anywhere}
"""
_PRINT_CSS = """
@page{size:A4 landscape}
body{margin:0;max-width:none;padding:0}
section.page{break-before:page}section.title{padding-top:25mm}
h2{margin-top:0}thead{display:table-header-group}tr,.chart,h3{break-inside:avoid}
h2,h3{break-after:avoid}table{font-size:.78rem}.table{overflow-x:visible}th{white-space:nowrap}
footer{display:none}
"""
# (In print the document's own footer is left out: every sheet's foot and the title page say the
# same, and after a table that filled its last sheet it had taken a sheet of its own.)


def document(sections: list[Section], meta: ReportMeta, *, rendition: str = "interactive") -> str:
    """The report as one self-contained HTML document (``rendition``: interactive or print)."""
    printing = rendition == "print"
    body = [_title_block(meta, printing)]
    n_fig = 0
    for section in sections:
        body.append(f'<section class="page" id="{section.page}">')
        body.append(f"<h2>{html.escape(section.title)}</h2>")
        if section.link and len(sections) > 1:
            # the title page's View link opens the first page only: a report of the Compare
            # and Places pages had no way back to its Places page
            link = html.escape(section.link)
            body.append(f'<p class="note">Open in the dashboard: <a href="{link}">{link}</a></p>')
        for item in section.items:
            if item.figure is not None:
                n_fig += 1
                body.append(_chart(item, f"fig{n_fig}", printing))
            else:
                body.append(f"<h3>{html.escape(item.title)}</h3>")
                body.append(_text(item) if item.table is None else table_html(item.table))
        body.append("</section>")
    body.append(f"<footer>{footer_html(meta)}</footer>")
    css = _CSS + (_PRINT_CSS if printing else "")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>presslens report — {html.escape(describe_filters(meta.filters))}</title>"
        f"<style>{css}</style>{_plotlyjs(printing)}</head><body>"
        + "\n".join(body)
        + "</body></html>"
    )


def _plotlyjs(printing: bool) -> str:
    """plotly.js: inlined in the HTML report (one self-contained file); for printing, the
    package's own copy by address — the browser reads 4.5 MB from disk instead of having them
    passed through its control pipe in the document."""
    bundled = Path(pio.__file__).resolve().parent.parent / "package_data" / "plotly.min.js"
    if printing and bundled.is_file():
        return f'<script src="{html.escape(bundled.as_uri())}"></script>'
    return f"<script>{get_plotlyjs()}</script>"


def footer_text(meta: ReportMeta) -> str:
    # "Whole store": the dates are the store's, whatever the filters ("Data: articles
    # 2011-08-01 – 2017-12-14" under a BBC speaker's filter had read as the view's)
    in_view = f"{meta.matched:,} articles in view · " if meta.matched is not None else ""
    return (
        f"Filters: {describe_filters(meta.filters)} · {in_view}Whole store: {meta.data_date} · "
        f"presslens {meta.version} · generated {meta.generated} · View: {meta.link}"
    )


def footer_html(meta: ReportMeta) -> str:
    link = html.escape(meta.link)
    head = html.escape(footer_text(meta).rsplit(" · View: ", 1)[0])
    return f'{head} · View: <a href="{link}">{link}</a>'


def _title_block(meta: ReportMeta, printing: bool) -> str:
    link = html.escape(meta.link)
    rows = [
        ("Filters", html.escape(describe_filters(meta.filters))),
        ("Whole store", html.escape(meta.data_date)),
        ("View", f'<a href="{link}">{link}</a>'),
        ("Generated", html.escape(f"{meta.generated} by presslens {meta.version}")),
    ]
    if meta.matched is not None:
        rows.insert(1, ("Articles in view", f"{meta.matched:,}"))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    warn = (
        '<p class="empty">No article matches these filters: every page below is empty.</p>'
        if meta.matched == 0
        else ""
    )
    return (
        f'<section class="title"><h1>presslens report</h1><dl class="meta">{dl}</dl>{warn}'
        "</section>"
    )


def _chart(item: Item, div_id: str, printing: bool) -> str:
    fig = item.figure
    config = {"displaylogo": False}
    if printing:
        # A fixed size the sheet holds; static, so no toolbar is printed.
        fig = pio.from_json(fig.to_json())
        fig.update_layout(width=PRINT_WIDTH_PX)
        if (fig.layout.height or 0) > PRINT_MAX_HEIGHT_PX:
            fig.update_layout(height=PRINT_MAX_HEIGHT_PX)
        config = {"staticPlot": True}
    plot = pio.to_html(fig, include_plotlyjs=False, full_html=False, div_id=div_id, config=config)
    return f'<div class="chart">{plot}</div>'


def _text(item: Item) -> str:
    return f'<div class="text">{html.escape(item.text or "")}</div>'


# From this many columns a table's text columns are narrower (the ``many`` rule of _CSS).
MANY_COLUMNS = 11


def table_html(table: Table) -> str:
    """Every row of ``table``, with its labels, links as ``<a href>`` and room for long text."""
    df = table.frame
    numeric = {c for c in df.columns if pd.api.types.is_numeric_dtype(df[c].dtype)}
    dates = {c for c in df.columns if _is_dates(df[c])}
    # Text of some length (titles, names) gets room to stay on a few lines; the long text
    # (``table.wide``: sentences, quoted words) the most.
    mid = {
        c
        for c in df.columns
        if c not in numeric and len(df) and df[c].map(lambda v: len(cell_text(v))).max() > 30
    }
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = []
    for values in df.itertuples(index=False, name=None):
        cells = []
        for col, value in zip(df.columns, values, strict=True):
            if col in table.links:
                cells.append(_link_cell(value, table.link_text))
            else:
                cls = (
                    "wide" if col in table.wide else "num" if col in numeric else
                    "date" if col in dates else "mid" if col in mid else ""
                )  # fmt: skip
                attr = f' class="{cls}"' if cls else ""
                text = cell_text(value)
                if not text and col in dates:
                    text = "undated"  # as the page's tables say it (components._undated_as_words)
                cells.append(f"<td{attr}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    # In a box of its own that scrolls sideways when the window is narrower than the table: at
    # 1280 px the Quotes of Tony Blair (ten columns, the quoted words at least 22rem wide, now
    # 16rem) were 1,394 px wide and the whole report scrolled sideways, its last column ("open
    # article") out of sight. On screen headers wrap at their spaces ("Polarity (TextBlob)" had
    # kept a column 130 px wide); printed, nothing scrolls and headers stay whole (_PRINT_CSS).
    # A table of many columns gives its text less room each (MANY_COLUMNS): the twelve of a
    # Figures table were 1,410 px wide in the 1,200-px page at 1280, the link beyond its edge.
    many = ' class="many"' if len(df.columns) >= MANY_COLUMNS else ""
    table_tag = f"<table{many}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    return f'<div class="table">{table_tag}</div>'


def _is_dates(column: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(column.dtype):
        return True
    values = column.dropna()
    return len(values) > 0 and isinstance(values.iloc[0], date)


def _link_cell(value, text: str) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return "<td></td>"
    return f'<td class="link"><a href="{html.escape(value)}">{html.escape(text)}</a></td>'


def cell_text(value) -> str:
    """A value as a reader expects it: dates as YYYY-MM-DD, ≈ for a true flag, numbers rounded."""
    if value is None or value is pd.NaT or value is pd.NA:
        return ""
    if hasattr(value, "tolist") and not isinstance(value, str | pd.Timestamp):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return "≈" if value else ""
    if isinstance(value, pd.Timestamp | datetime | date):
        return "" if pd.isna(value) else value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
