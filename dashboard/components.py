"""Building blocks every page uses: a chart with its downloads, a table, an empty state.

Each chart and table drawn through here is also recorded for this run (``report_items``): the
same figure objects and frames the page shows, which the page tests (AppTest) read back.
Downloads are generated only when clicked (``data`` is a callable), so a rerun never pays for
image export.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts import NOT_GIVEN

ITEMS_KEY = "_presslens_report_items"
# A figure's value column, wide enough for "12,000,000" whatever the first rows hold (the grid
# sizes a column by its first rows: a table opening on vague figures clipped the millions).
VALUE_WIDTH = 110


def value_width(values) -> int:
    """The width in pixels of a value column holding ``values``: :data:`VALUE_WIDTH`, or wider
    for the longest number written with its separators (a fixed 110 px showed "more than $4
    trillion" as ",000,000,000,000": review 50)."""
    numbers = pd.Series(values, dtype="float64").dropna().abs()
    if numbers.empty:
        return VALUE_WIDTH
    digits = len(f"{numbers.max():,.0f}")
    return max(VALUE_WIDTH, 8 * digits + 30)  # about 8 px a character, and the cell's padding


@dataclass
class ReportItem:
    """One chart or table as shown on the page."""

    title: str
    figure: go.Figure | None = None
    table: pd.DataFrame | None = None


def start_run() -> None:
    """Forget what the previous run drew (called once per run, before the page)."""
    st.session_state[ITEMS_KEY] = []


def report_items() -> list[ReportItem]:
    return list(st.session_state.get(ITEMS_KEY, []))


def _record(item: ReportItem) -> None:
    st.session_state.setdefault(ITEMS_KEY, []).append(item)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "chart"


def empty(message: str) -> None:
    """An empty state: what is missing and what to change."""
    st.info(message, icon=":material/filter_alt_off:")


def _current_filters():
    from dashboard import filters_ui  # the sidebar's module (it does not import this one)

    return filters_ui.current()


def chart_file_name(name: str, filters) -> str:
    """A chart's download name without its suffix: the chart's, then the view's filters, as
    the tables' downloads are named (:func:`dashboard.filters_ui.file_name`)."""
    from dashboard import filters_ui

    return filters_ui.file_name(f"presslens-{slug(name)}", filters, "")


def _image(fig, **options) -> bytes:
    """The chart drawn by Plotly's static export (kaleido, in the local Chromium). Its first
    call starts a browser tab, which on a loaded machine can fail once ("kaleido_scopes is not
    defined"); a second try then succeeds."""
    try:
        return fig.to_image(**options)
    except Exception:  # kaleido raises its own JavascriptError/TimeoutError classes
        return fig.to_image(**options)


def exported(fig: go.Figure, filters) -> go.Figure:
    """``fig`` as its PNG and SVG downloads draw it: the filters under its title (a chart saved
    from a filtered view, e.g. one outlet's "Articles per month", had said nothing of them)."""
    if filters.is_empty:
        return fig
    out = go.Figure(fig)
    title = out.layout.title.text or ""
    said = plain_filters(filters)
    out.update_layout(
        title_text=f"{title}<br><sup>{said}</sup>" if title else f"<sup>{said}</sup>",
        margin_t=(out.layout.margin.t or 50) + 24,
    )
    return out


def plain_filters(filters) -> str:
    """The filters in words for a chart's image, its markup characters escaped."""
    from dashboard import report_views  # (report_views draws through charts, not this module)

    text = "Filters: " + report_views.describe_filters(filters)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chart(
    fig: go.Figure,
    *,
    key: str,
    name: str,
    on_select: str | Callable = "ignore",
    selection_mode: str | tuple[str, ...] = "points",
):
    """Draw ``fig`` with PNG (2×) and SVG downloads named after ``name``; returns the selection
    event when ``on_select`` is set."""
    filters = _current_filters()
    filename = chart_file_name(name, filters)
    config = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": filename},
        "modeBarButtonsToRemove": ["lasso2d"],
    }
    event = st.plotly_chart(
        fig,
        key=key,
        on_select=on_select,
        selection_mode=selection_mode,
        config=config,
        width="stretch",
    )
    row = st.container(horizontal=True, gap="small")
    row.download_button(
        "PNG",
        data=lambda: _image(exported(fig, filters), format="png", scale=2, width=1200),
        file_name=f"{filename}.png",
        mime="image/png",
        key=f"{key}-png",
        on_click="ignore",
        icon=":material/download:",
        type="tertiary",
        help="Download this chart as a PNG image at twice screen resolution",
    )
    row.download_button(
        "SVG",
        data=lambda: _image(exported(fig, filters), format="svg", width=1200),
        file_name=f"{filename}.svg",
        mime="image/svg+xml",
        key=f"{key}-svg",
        on_click="ignore",
        icon=":material/download:",
        type="tertiary",
        help="Download this chart as an SVG vector image",
    )
    _record(ReportItem(title=name, figure=fig))
    return event


# The grid's rows and header, in pixels (Streamlit's default row height), and its border (one
# pixel each side: a table drawn 569 px tall scrolls within 567, in Chromium).
ROW_HEIGHT, TABLE_BORDER = 35, 2
# Rows in which a cell's text wraps (two or three lines): Streamlit wraps only in rows taller
# than 4rem (64 px).
WRAP_ROW_HEIGHT = 66
# ... four lines: the Overview's headline figures fit the column at 1280 px in narrow columns,
# where "People remaining / trapped (running total)" and an article's title take four.
WRAP4_ROW_HEIGHT = 84


def fit_height(n_rows: int, most: int) -> int | str:
    """A table's ``height``: as tall as its rows ("content") up to ``most`` pixels, then
    scrolling. A fixed height taller than the rows drew empty rows below them (the Entities
    page's ten links in a frame for thirty)."""
    return "content" if (n_rows + 1) * ROW_HEIGHT + TABLE_BORDER <= most else most


# The grid's header row, in pixels: a default row's height whatever the rows' own (measured in
# Chromium: eight rows of 66 px under the header fill 563 px; taken as 38, the Overview's
# headline table drew a strip of an empty row below its last).
HEADER_HEIGHT = ROW_HEIGHT
# A table of at most this many rows is drawn whole; a longer one scrolls inside this height.
WHOLE_ROWS = 12


def rows_height(n_rows: int, *, row_height: int = ROW_HEIGHT, most_rows: int = WHOLE_ROWS) -> int:
    """A table's ``height`` in pixels that shows its ``n_rows`` rows of ``row_height`` whole,
    up to ``most_rows`` of them. Streamlit's default height (about ten default rows, 400 px)
    hid the Overview's sixth headline figure, in rows tall enough to wrap, behind an inner
    scroll nobody saw."""
    return HEADER_HEIGHT + max(min(n_rows, most_rows), 1) * row_height + TABLE_BORDER


def table(df: pd.DataFrame, *, title: str, **kwargs):
    """``st.dataframe`` that is also recorded for the page's report. A missing value reads as
    a dash in every table, as the figure tables' cells the sentence gives nothing for do
    (Streamlit writes a grey "None": an author, an outlet, a value not given)."""
    _record(ReportItem(title=title, table=df))
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    kwargs.setdefault("placeholder", NOT_GIVEN)
    df, kwargs["column_config"] = _undated_as_words(df, kwargs.get("column_config"))
    return st.dataframe(df, **kwargs)


def _undated_as_words(df: pd.DataFrame, config: dict | None) -> tuple[pd.DataFrame, dict | None]:
    """A date column with missing days shown as ISO dates and "undated" (Streamlit shows a
    missing date as a grey "None", which read as a value on a corpus of undated articles)."""
    if not config:
        return df, config
    config, shown = dict(config), df
    for column, cfg in list(config.items()):
        dated = isinstance(cfg, dict) and (cfg.get("type_config") or {}).get("type") == "date"
        if not dated or column not in df or not df[column].isna().any():
            continue
        if shown is df:  # the caller's frame (and the report's copy of it) stays as it was
            shown = df.copy()
        shown[column] = [
            "undated" if pd.isna(v) else pd.Timestamp(v).date().isoformat() for v in df[column]
        ]
        config[column] = st.column_config.TextColumn(cfg.get("label"), help=cfg.get("help"))
    return shown, config


# Below 1280 px (a laptop's 1024 with the sidebar open leaves the page 560 px) Streamlit keeps
# columns side by side until 640: two charts a row were drawn 270 px wide, their titles, names
# and axes cut ("Most covered people, organisations an", "yrian Observatory for Human Rights"),
# the Overview's counts cut to "2,…" and the report buttons to "Repor…". On such a page a row of
# charts (or of a chart and its table) stacks, the counts wrap three a row, and the report
# buttons (reporting.page_report_buttons) keep their width, the caption beside them narrower.
# The charts' name placement assumes 1280's columns at the narrowest (charts.SCATTER_CANVAS),
# which stacked charts at 1024 exceed.
NARROW_PAGE_PX = 1279
NARROW_PAGE_CSS = f"""<style>
@media (max-width: {NARROW_PAGE_PX}px) {{
  [data-testid="stMain"] [data-testid="stHorizontalBlock"]:has([data-testid="stPlotlyChart"]),
  [data-testid="stMain"] [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"])
    {{ flex-wrap: wrap; }}
  [data-testid="stMain"] [data-testid="stHorizontalBlock"]:has([data-testid="stPlotlyChart"])
    > [data-testid="stColumn"] {{ flex: 1 1 100%; min-width: 100%; }}
  [data-testid="stMain"] [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"])
    > [data-testid="stColumn"] {{ min-width: 9rem; }}
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] .st-key-report-pdf)
    {{ flex-wrap: nowrap; }}
  [data-testid="stColumn"]:has(.st-key-report-html),
  [data-testid="stColumn"]:has(.st-key-report-pdf) {{ min-width: 10rem; }}
}}
</style>"""


def narrow_page_layout() -> None:
    """The page's layout rules for narrow screens (:data:`NARROW_PAGE_CSS`), once per run."""
    st.html(NARROW_PAGE_CSS)


SPACED_CARDS = 5  # a row of more cards than this has half the usual gap between them


def metric_row(values: dict[str, int], helps: dict[str, str] | None = None) -> None:
    """One bordered card per count; ``helps``: a card's tooltip by its label (a card of six
    holds about 16 characters of label, so what a short label leaves out goes there)."""
    # Six cards (the Overview under a speaker filter) at 1280 px left a label 69 px: "Their
    # quotes" (73) was cut to "Their quo…"; half the gap between them gives each 7 px more.
    cols = st.columns(len(values), gap="xsmall" if len(values) > SPACED_CARDS else "small")
    for col, (label, value) in zip(cols, values.items(), strict=True):
        col.metric(label, f"{value:,}", border=True, help=(helps or {}).get(label))
    _record(
        ReportItem(
            title="Counts",
            table=pd.DataFrame({"what": list(values), "count": list(values.values())}),
        )
    )
