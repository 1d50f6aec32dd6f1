"""Which pages a report knows and how it names them, with no pandas or Plotly to import: the
pages and their titles, the page choices ``--choice`` may set, the link that opens a page under
filters, the filters in words, and the facts a report's title page names. ``presslens report``
imports only this before it starts its server (the views and charts,
:mod:`dashboard.report_views`, load in a worker thread while the server starts), and the
dashboard's pages share it through :mod:`dashboard.report_views`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode

from analysis.filters import Filters

# Every page of the dashboard, in its order. A report without ``--pages`` has the six of
# DEFAULT_PAGES: Compare needs groups chosen and Places loads the gazetteer, so they are asked for.
PAGES = ("overview", "speakers", "entities", "figures", "articles", "compare", "places", "data")
DEFAULT_PAGES = ("overview", "speakers", "entities", "figures", "articles", "data")
PAGE_TITLES = {
    "overview": "Overview",
    "speakers": "Speakers",
    "entities": "Entities",
    "figures": "Figures",
    "articles": "Articles",
    "compare": "Compare",
    "places": "Places",
    "data": "Data",
}
# Page choices a report may set, as in the URL (each page reads the ones it has). Labels are the
# ones the page's buttons read, which is what its URL carries.
CHOICES = {
    "what": 'the Figures page\'s category, as its button reads ("People killed")',
    "counts": 'the Figures page\'s kind of count ("News events", "Running totals")',
    "fg_per": 'the Figures timeline\'s points: "auto" (default), "day", "week", "month", "year"',
    "currency": 'the currency the Figures page charts money in, as its button reads ("GBP"; '
    "default: the one with most sums in dated articles)",
    "ov_per": 'the Overview timeline\'s period: "auto" (default), "day", "week", "month", "year"',
    "sp_per": 'the Speakers timeline\'s period: "auto" (default), "day", "week", "month", "year"',
    "en_per": 'the Entities timeline\'s period: "auto" (default), "day", "week", "month", "year"',
    "article": "the article id the Articles page's reader opens",
    "en_type": 'the Entities page\'s type, as its button reads ("Organisations", "People")',
    "en_pick": "the entity whose articles the Entities page lists",
    "scorer": 'the Speakers page\'s sentiment scorer: "TextBlob" (default) or "VADER"',
    "attitude_scorer": 'the scorer of the Speakers page\'s "who speaks about whom": "TextBlob", '
    '"VADER", "News model" or "Sentence encoder"',
    "sp_compare": "a speaker the Speakers page compares over time and lists the quotes of "
    "(repeat for several; default: the speaker filter's, else the three most quoted, those "
    "of dated articles first)",
    "vs": 'what Compare puts side by side: "Outlets" (default), "Speakers" or "Searches"',
    "cmp_source": "an outlet Compare shows (repeat for two to four)",
    "cmp_speaker": "a speaker Compare shows (repeat for two to four)",
    "cmp_q": "Compare's searches, one per line",
    "cmp_per": 'Compare\'s attention period: "week", "month" (default) or "year"',
    "cmp_show": 'Compare\'s attention measure: "Share of all articles" (default) or "Article count"',
    "fg_log": 'the Figures timeline\'s log scale: "true" or "false" (default: on where its '
    "figures run over orders of magnitude)",
    "cmp_log": 'the log scale of Compare\'s figures side by side: "true" or "false" (default: on '
    "where the typical median is under a twentieth of the largest)",
    "pl_size": 'what sizes the Places bubbles: "Figures reported" (default) or "Articles naming it"',
    "region": "the province, region or country Places shows",
    "place": "the place whose figures and articles Places lists",
}
# The page that reads each choice: a page's link carries its own only (the Overview's had carried
# the Figures page's ``what=Money`` of the report's choices).
CHOICE_PAGES = {
    **dict.fromkeys(("what", "counts", "fg_per", "currency", "fg_log"), "figures"),
    "ov_per": "overview",
    **dict.fromkeys(("sp_per", "scorer", "attitude_scorer", "sp_compare"), "speakers"),
    **dict.fromkeys(("en_per", "en_type", "en_pick"), "entities"),
    "article": "articles",
    **dict.fromkeys(
        ("vs", "cmp_source", "cmp_speaker", "cmp_q", "cmp_per", "cmp_show", "cmp_log"), "compare"
    ),
    **dict.fromkeys(("pl_size", "region", "place"), "places"),
}
# A switch's values in a link and in --choice: Streamlit's own spelling of a bound toggle's.
SWITCH_VALUES = {"true": True, "false": False}
LIST_CHOICES = ("cmp_source", "cmp_speaker", "sp_compare")  # repeatable, as in the page's URL
LIST_PARAMS = {"source": "sources", "tag": "tags", "speaker": "speakers", "entity": "entities"}


@dataclass(frozen=True)
class ReportMeta:
    """What the title page and the footer name."""

    filters: Filters
    link: str
    data_date: str
    version: str
    matched: int | None = None  # articles the filters match (None: not counted)
    # Filter values the store holds nowhere ('speaker “Jon Kerry”'): why nothing matched, said
    # beside the exit-3 message as the dashboard says it of a link's values.
    unknown: tuple[str, ...] = ()
    generated: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))


def describe_filters(filters: Filters) -> str:
    """The filters in words, e.g. "speaker: John Kerry; from 2016-12-01"."""
    parts = []
    if filters.date_from:
        parts.append(f"from {filters.date_from.isoformat()}")
    if filters.date_to:
        parts.append(f"to {filters.date_to.isoformat()}")
    for attr, name in (
        ("sources", "outlet"), ("tags", "tag"), ("speakers", "speaker"), ("entities", "entity"),
    ):  # fmt: skip
        values = getattr(filters, attr)
        if values:
            parts.append(f"{name}: {', '.join(values)}")
    if filters.search:
        parts.append(f"search: “{filters.search}”")
    return "; ".join(parts) or "none (all articles)"


def query_params(filters: Filters) -> dict[str, list[str] | str]:
    """The URL query parameters that reopen ``filters`` (as the sidebar writes them)."""
    out: dict[str, list[str] | str] = {}
    if filters.date_from:
        out["from"] = filters.date_from.isoformat()
    if filters.date_to:
        out["to"] = filters.date_to.isoformat()
    for key, attr in LIST_PARAMS.items():
        values = getattr(filters, attr)
        if values:
            out[key] = list(values)
    if filters.search.strip():
        out["q"] = filters.search.strip()
    return out


def page_url(
    base: str, page: str, filters: Filters, page_params: Mapping[str, str | list[str]] | None = None
) -> str:
    """The link that opens ``page`` under ``filters`` and its own choices of ``page_params``
    (another page's, :data:`CHOICE_PAGES`, left out; a parameter no page's choice kept)."""
    own = {k: v for k, v in (page_params or {}).items() if CHOICE_PAGES.get(k, page) == page}
    query = urlencode({**query_params(filters), **own}, doseq=True)
    path = "" if page == PAGES[0] else page  # the default page lives at the app's root
    return f"{base.rstrip('/')}/{path}" + (f"?{query}" if query else "")
