"""What a report says about each dashboard page: its charts and tables under the report's filters,
built from the same ``analysis.*_views`` functions and ``dashboard.charts`` factories the pages
call, with the pages' default choices (or those in ``--choice``), and the pages' column labels.

No Streamlit here: a report runs these functions on one read-only DuckDB cursor, once, and the
HTML and the PDF document are both written from the result (:mod:`dashboard.report_html`).
Tables are whole (the page's own row limits, not the 10 rows a screenshot shows), and article
links are absolute, to the dashboard at ``link_base``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go

from analysis import (
    article_views,
    attitude_views,
    compare_views,
    entity_views,
    figure_views,
    place_views,
    query,
    quote_views,
)
from analysis.filters import Filters
from dashboard import charts, compare_charts, map_charts
from dashboard.charts import CATEGORY_ORDER, CATEGORY_TITLES, SCOPE_TITLES
from dashboard.report_pages import (  # noqa: F401 - re-exported: pages and tests name them here
    CHOICES,
    DEFAULT_PAGES,
    LIST_CHOICES,
    LIST_PARAMS,
    PAGE_TITLES,
    PAGES,
    SWITCH_VALUES,
    ReportMeta,
    describe_filters,
    page_url,
    query_params,
)

COMPARE_KINDS = {"Outlets": "source", "Speakers": "speaker", "Searches": "query"}
COMPARE_MEASURES = {"Share of all articles": "share", "Article count": "count"}
PLACE_SIZES = {"Figures reported": "n_figures", "Articles naming it": "n_articles"}
# The Speakers page's quotes table, on the page and in its report: at most this many, newest first.
QUOTES_SHOWN = 500
# The Figures page's table of a category's figures, on the page and in its report: at most this
# many, newest first.
FIGURES_SHOWN = 1000


@dataclass(frozen=True)
class Table:
    """A table as the page labels it: ``frame`` has the page's column labels; ``links`` names
    the columns holding URLs (shown as links reading ``link_text``); ``wide`` the long-text
    columns that get the room."""

    frame: pd.DataFrame
    links: tuple[str, ...] = ()
    wide: tuple[str, ...] = ()
    link_text: str = "open article"


@dataclass(frozen=True)
class Item:
    """One chart, table or paragraph of a page, under a heading."""

    title: str
    figure: go.Figure | None = None
    table: Table | None = None
    text: str | None = None  # a note or an article's text (escaped when written)


@dataclass(frozen=True)
class Section:
    """One dashboard page in the report."""

    page: str
    title: str
    items: list[Item] = field(default_factory=list)
    link: str = ""  # the page in the dashboard, under the report's filters and choices


def data_span(first, last, undated: int) -> str:
    """The stored articles' dates in words, and how many have none: no date range shows those
    (on FA-KES + BBC the footer said "articles 2011-08-01 – 2017-12-14" and nothing of the
    BBC's 297 undated articles). The page's footer and the report's both say it so."""
    if not first:
        return "undated articles"
    span = f"articles {first:%Y-%m-%d} – {last:%Y-%m-%d}"
    return f"{span}; {undated:,} undated" if undated else span


def data_date(con) -> str:
    """The dates of the stored articles and when they were analysed, in words."""
    first, last, undated, analysed = con.execute(
        "SELECT min(published), max(published), count(*) FILTER (WHERE published IS NULL), "
        "max(analysed_at) FROM articles WHERE duplicate_of IS NULL"
    ).fetchone()
    span = data_span(first, last, undated)
    return f"{span}, analysed {analysed:%Y-%m-%d}" if analysed else span


def resolve(con, filters: Filters) -> Filters:
    """``filters`` with its text search replaced by the ids it matches (one scan, not one per
    view), as the dashboard does."""
    if not filters.search.strip():
        return filters
    ids = article_views.search_ids(con, filters.search.strip())
    return dataclasses.replace(filters, search="", article_ids=ids)


def matched_articles(con, filters: Filters) -> int:
    return article_views.corpus_counts(con, resolve(con, filters))["articles"]


# Each list filter: its name in a message, and the query of the values the store holds.
_FILTER_VALUES = (
    ("sources", "outlet", "SELECT DISTINCT source FROM articles WHERE source IN ({})"),
    (
        "tags",
        "tag",
        "SELECT DISTINCT t FROM (SELECT unnest(tags) AS t FROM articles) WHERE t IN ({})",
    ),
    ("speakers", "speaker", "SELECT DISTINCT speaker FROM quotes WHERE speaker IN ({})"),
    ("entities", "entity", "SELECT DISTINCT name FROM entities WHERE name IN ({})"),
)


def unknown_values(con, filters: Filters) -> tuple[str, ...]:
    """The filter values the store holds nowhere, each named with its kind ('speaker “Jon
    Kerry”'): a report whose filters match nothing says which value was mistyped."""
    unknown = []
    for attr, what, sql in _FILTER_VALUES:
        wanted = list(getattr(filters, attr))
        if not wanted:
            continue
        placeholders = ", ".join("?" for _ in wanted)
        held = {row[0] for row in con.execute(sql.format(placeholders), wanted).fetchall()}
        unknown += [f"{what} “{value}”" for value in wanted if value not in held]
    return tuple(unknown)


def build(
    con,
    pages: list[str],
    filters: Filters,
    *,
    link_base: str,
    choices: Mapping[str, str | list[str]] | None = None,
) -> list[Section]:
    """The report's sections, one per page, from the views on ``con``."""
    ctx = _Ctx(con, resolve(con, filters), filters, link_base.rstrip("/"), dict(choices or {}))
    return [
        Section(
            p, PAGE_TITLES[p], BUILDERS[p](ctx), page_url(ctx.link_base, p, filters, ctx.choices)
        )
        for p in pages
    ]


@dataclass
class _Ctx:
    con: object
    view_filters: Filters  # the search resolved to ids, for the views
    filters: Filters  # as the user gave them, for links
    link_base: str
    choices: dict[str, str | list[str]]

    def links(self, article_ids, starts=None) -> list[str]:
        keep = urlencode(query_params(self.filters), doseq=True)
        starts = starts if starts is not None else [None] * len(article_ids)
        out = []
        for article_id, start in zip(article_ids, starts, strict=True):
            params = {"article": article_id}
            if start is not None and not pd.isna(start):
                params["at"] = str(int(start))
            out.append(
                f"{self.link_base}/articles?" + urlencode(params) + (f"&{keep}" if keep else "")
            )
        return out


def _labelled(df: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    return df[list(labels)].rename(columns=dict(labels))


def _empty(message: str) -> list[Item]:
    return [Item(title="Nothing to show", text=message)]


NO_ARTICLES = (
    "No articles match these filters. Widen the date range, remove an outlet, speaker, entity "
    "or tag, or clear the search."
)


def no_articles(filters: Filters, counts: Callable[[Filters], tuple[int, int]]) -> str:
    """The empty view's message, on the page and in its report: which filters to loosen, and,
    when the date range alone empties it of articles without a publication date, that. "Widen
    the date range" cannot bring those back: on FA-KES + BBC, the BBC's 2004–05 articles are
    undated in the store, and BBC from 2004 to 2005 said to widen the dates. ``counts(f)``
    gives the articles matching ``f`` and how many of them are dated — the page's cached
    counts, the report's on its connection (:func:`_dated_counts`)."""
    if not (filters.date_from or filters.date_to):
        return NO_ARTICLES
    total, dated = counts(dataclasses.replace(filters, date_from=None, date_to=None))
    undated = total - dated
    if not undated:  # what they match is dated, outside the range: widening the dates finds it
        return NO_ARTICLES
    if not dated:
        return (
            "No articles match these filters between these dates. Without the dates, "
            f"{undated:,} article{'s' if undated > 1 else ''} match{'' if undated > 1 else 'es'}, "
            "none with a publication date, and a date range keeps dated articles only: clear "
            "From and To to see them."
        )
    return (
        f"{NO_ARTICLES} Without the dates, {total:,} articles match, {undated:,} of them "
        "without a publication date, which a date range leaves out."
    )


def _dated_counts(con) -> Callable[[Filters], tuple[int, int]]:
    """:func:`no_articles`'s counts on the report's connection, from the views the page's
    cached counts come from (the articles in view; those of them a yearly timeline places)."""

    def counts(filters: Filters) -> tuple[int, int]:
        total = article_views.corpus_counts(con, filters)["articles"]
        years = article_views.articles_over_time(con, filters, granularity="year")
        return total, int(years["n_articles"].sum())

    return counts


def _no_articles(ctx: _Ctx) -> str:
    return no_articles(ctx.view_filters, _dated_counts(ctx.con))


def _empty_view(ctx: _Ctx, message: str) -> list[Item]:
    """A section's empty state as its page says it (``filters_ui.empty_message``): ``message``
    when articles are in view, else :func:`no_articles`. The Speakers, Entities and Figures
    sections had said "Nobody is quoted in the articles in view" and the like when no article
    matched, where the page and the report's other sections said which filters to loosen."""
    if article_views.corpus_counts(ctx.con, ctx.view_filters)["articles"]:
        return _empty(message)
    return _empty(_no_articles(ctx))


def _period(ctx: _Ctx, key: str, months) -> str:
    """A timeline's period as its page chooses it: the link's ``key`` (``ov_per``, ``sp_per``,
    ``en_per``), else "auto": by the span of ``months()``'s periods (charts.period_for_span)."""
    per = str(ctx.choices.get(key, "auto"))
    if per in quote_views.GRANULARITIES:
        return per
    monthly = months()
    return charts.period_for_span(monthly["period"].min(), monthly["period"].max())


# The Overview's cards under a speaker filter: the chosen speakers' own quotes, and every quote
# of the articles quoting them.
THEIR_QUOTES, ALL_QUOTES = "Their quotes", "All quotes"


def overview_counts(
    counts: Mapping[str, int], filters: Filters, own_quotes: Callable[[], int]
) -> dict[str, int]:
    """The Overview's counts by label, on the page and in its report. Under a speaker filter
    the counts are of the articles quoting them, every quote in them, so the speakers' own
    quotes (``own_quotes()``) get a card of their own and the rest reads "All quotes": the
    report had said "Quotes 155" of Hillary Clinton in Politico's first half of 2016 where
    the page said "Their quotes 46, All quotes 155"."""
    shown = {k.capitalize(): counts[k] for k in ("articles", "speakers", "quotes", "entities")}
    shown["Figures"] = counts["figures"]
    if not filters.speakers:
        return shown
    return {
        "Articles": shown["Articles"],
        THEIR_QUOTES: own_quotes(),
        ALL_QUOTES: shown.pop("Quotes"),
        **{k: v for k, v in shown.items() if k != "Articles"},
    }


# -- the pages ---------------------------------------------------------------------------------
def _overview(ctx: _Ctx) -> list[Item]:
    con, f = ctx.con, ctx.view_filters
    counts = article_views.corpus_counts(con, f)
    what = overview_counts(counts, f, lambda: article_views.speaker_quote_count(con, f))
    items = [
        Item("Counts", table=Table(pd.DataFrame({"": list(what), "Count": list(what.values())})))
    ]
    if counts["articles"] == 0:
        return items + _empty(_no_articles(ctx))
    per = _period(
        ctx, "ov_per", lambda: article_views.articles_over_time(con, f, granularity="month")
    )
    over_time = article_views.articles_over_time(con, f, granularity=per)
    if not over_time.empty:
        items.append(
            Item(
                "Articles over time",
                charts.articles_over_time(
                    over_time, granularity=per, span=(f.date_from, f.date_to)
                ),
            )
        )
    speakers = quote_views.speaker_stats(con, f, limit=12)
    if not speakers.empty:
        items.append(Item("Top speakers", charts.top_speakers(speakers)))
    ents = entity_views.top_entities(con, f, label=entity_views.COVERED_LABELS, limit=12)
    if not ents.empty:
        title = "Most covered people, organisations and places"
        items.append(Item("Top entities", charts.top_entities(ents, title=title)))
    heads = charts.in_category_order(figure_views.headline_figures(con, f))  # as the page
    if not heads.empty:
        heads = charts.headline_cells(heads).assign(
            open=ctx.links(heads["article_id"], heads["start"]),
        )
        labels = {
            "what": "What", "text": "Figure", "unit": "Counting", "location": "Where",
            "agree": "Agreeing", "spread": "Spread", "claimed_by": "Claimed by",
            "title": "Article", "published": "Published", "open": "Read",
        }  # fmt: skip
        items.append(
            Item("Headline figures", table=Table(_labelled(heads, labels), links=("Read",)))
        )
    return items


# The Speakers page compares at most this many speakers over time.
MAX_COMPARED = 8
# The Speakers page's scorers (its ``scorer`` choice: the key → the label its link carries), and
# its matrix's (``attitude_scorer``); its report had scored with TextBlob whatever the page's.
SCORERS = {"textblob": "TextBlob", "vader": "VADER"}
ATTITUDE_SCORERS = {**SCORERS, "news": "News model", "encoder": "Sentence encoder"}
# The matrix's holders and targets, on the page and in its report.
MATRIX_HOLDERS, MATRIX_TARGETS = 10, 12


def _scorer(ctx: _Ctx, key: str, scorers: Mapping[str, str], default: str) -> str:
    """The scorer a link's ``key`` names by its label ("VADER"), else ``default``."""
    by_label = {label: name for name, label in scorers.items()}
    return by_label.get(str(ctx.choices.get(key, "")), default)


def outlets_shown(sources: Sequence[str], in_view: Sequence[str]) -> list[str]:
    """Those of ``sources`` (the filters' outlets, else the store's) with articles in view,
    in the order of ``in_view`` (the outlets in view, most articles first)."""
    allowed = set(sources)
    return [s for s in in_view if s in allowed]


def compared_outlets(sources: Sequence[str], in_view: Sequence[str]) -> list[str]:
    """The outlets Compare puts side by side unless chosen: the three of ``sources`` with most
    articles in view (:func:`outlets_shown`), none where fewer than two have any (one outlet
    is no comparison). The store's three largest had been compared whatever the filters kept:
    under Tony Blair, quoted in the BBC's articles only, the BBC beside ahram and manar, two
    groups of no article."""
    shown = outlets_shown(sources, in_view)
    return shown[:3] if len(shown) >= 2 else []


def one_outlet_in_view(outlet: str) -> str:
    """What Compare says where one outlet alone has articles in view (the page, the report)."""
    return f"Only one outlet has articles in view ({outlet}): widen the filters to compare outlets."


# What Compare says where no article in view names its outlet (the page, the report): under
# ?speaker=Tony+Blair on the real store, quoted in BBC texts stored without an outlet, the
# page asked to "choose two to four outlets (type to find one)", of which there was none.
NO_OUTLET_IN_VIEW = (
    "No article in view names its outlet: compare speakers or searches instead, or widen the "
    "filters."
)


def compared_speakers(
    names: list[str],
    filtered: tuple[str, ...] | list[str],
    chosen: list[str] | None = None,
    *,
    known: Collection[str] = (),
    dated: Collection[str] = (),
) -> list[str]:
    """The speakers the Speakers page compares over time and lists the quotes of: those
    ``chosen`` (its ``sp_compare`` choice) among ``names`` (the most quoted in view) or
    ``known`` (any other speaker the store quotes: the page offers them all), else the
    sidebar's speakers among the most quoted, else the three most quoted, those quoted in
    dated articles (``dated``) first. On FA-KES beside the BBC the three most quoted were the
    Syrian Observatory, Tony Blair and Michael Howard: a timeline of one line, "not on the
    timeline: Tony Blair, Michael Howard", and a quote table of the Observatory's alone."""
    allowed = set(names) | set(known)
    picked = [s for s in dict.fromkeys(chosen or ()) if s in allowed][:MAX_COMPARED]
    on_timeline = [s for s in names if s in set(dated)]
    most = on_timeline + [s for s in names if s not in set(dated)]
    return picked or [s for s in filtered if s in names] or most[:3]


def _dated_speakers(ctx: _Ctx, names: list[str]) -> set[str]:
    """Those of ``names`` quoted in dated articles in view: the speakers a timeline can show."""
    years = quote_views.sentiment_over_time(
        ctx.con, ctx.view_filters, speakers=names, granularity="year"
    )
    return set(years["speaker"])


def _speakers(ctx: _Ctx) -> list[Item]:
    con, f = ctx.con, ctx.view_filters
    scorer = _scorer(ctx, "scorer", SCORERS, "textblob")
    stats = quote_views.speaker_stats(con, f, limit=30, scorer=scorer)
    if stats.empty:
        return _empty_view(ctx, "Nobody is quoted in the articles in view.")
    chosen = tuple(ctx.filters.speakers)
    shown = stats.head(20)
    shown = pd.concat(
        [shown, stats[stats["speaker"].isin(chosen) & ~stats.index.isin(shown.index)]]
    )
    items = [
        Item(
            "Speaker sentiment",
            charts.speaker_polarity(shown, highlight=chosen, scorer=SCORERS[scorer]),
        ),
        Item("Polarity and subjectivity", charts.polarity_subjectivity(shown, highlight=chosen)),
    ]
    names = stats["speaker"].tolist()
    asked = _listed(ctx.choices.get("sp_compare"))
    known = article_views.known_names(con, "speaker", [s for s in asked if s not in names])
    compare = compared_speakers(
        names, chosen, asked, known=known, dated=_dated_speakers(ctx, names)
    )
    per = _period(
        ctx,
        "sp_per",
        lambda: quote_views.sentiment_over_time(
            con, f, speakers=compare, granularity="month", scorer=scorer
        ),
    )
    timeline = quote_views.sentiment_over_time(
        con, f, speakers=compare, granularity=per, scorer=scorer
    )
    if not timeline.empty:
        chart = charts.sentiment_over_time(timeline, scorer=SCORERS[scorer], period=per)
        items.append(Item("Sentiment over time", chart))
    off = [s for s in compare if s not in set(timeline["speaker"])]
    # as the page says it: a speaker chosen beyond the most quoted may have no quote in view
    in_stats = set(stats["speaker"])
    absent = [
        s for s in off
        if s not in in_stats and quote_views.speaker_quotes(con, f, speakers=[s], limit=1).empty
    ]  # fmt: skip
    if absent:
        items.append(Item("Not quoted in the articles in view", text=", ".join(absent) + "."))
    undated = [s for s in off if s not in absent]
    if undated:  # as the page says it: they are missing from the chart for want of a date
        items.append(
            Item(
                "Not on the timeline",
                text=f"{', '.join(undated)}: quoted only in articles without a publication date.",
            )
        )
    partly = charts.undated_quotes_note(stats, timeline, compare)
    if partly:
        items.append(Item("Undated quotes", text=partly))
    quotes = quote_views.speaker_quotes(con, f, speakers=compare, limit=QUOTES_SHOWN)
    if not quotes.empty:
        quotes = quotes.assign(
            open=ctx.links(quotes["article_id"], quotes["start"]), cue=quotes["cue"].fillna("—")
        )
        # In the page's order: the link, who, how, what and when, the chosen scorer's polarity
        # first (the link had been last, where the page had moved it from)
        polarity = {"polarity": "Polarity (TextBlob)", "polarity_vader": "Polarity (VADER)"}
        chosen = "polarity_vader" if scorer == "vader" else "polarity"
        labels = {
            "open": "Read", "speaker": "Speaker", "cue": "Verb", "text": "Quoted words",
            "published": "Published", chosen: polarity[chosen],
            **{c: label for c, label in polarity.items() if c != chosen},
            "subjectivity": "Subjectivity", "kind": "Kind", "title": "Article",
        }  # fmt: skip
        items.append(
            Item(
                f"Quotes of {', '.join(compare)}",
                table=Table(_labelled(quotes, labels), links=("Read",), wide=("Quoted words",)),
            )
        )
        # as the page says it: cut at its limit, newest first, the table can hold none of a
        # speaker quoted only in undated articles (Tony Blair beside Donald Trump)
        missing = [s for s in compare if s not in set(quotes["speaker"])]
        if missing and len(quotes) >= QUOTES_SHOWN:
            items.append(
                Item(
                    "Not among the quotes",
                    text=f"None of {', '.join(missing)}'s is among these {len(quotes):,}"
                    # (of undated articles alone: none is newer than another)
                    + (" newest" if quotes["published"].notna().any() else "")
                    + " quotes (quotes in articles without a publication date come last).",
                )
            )
    return items + _attitudes(ctx, scorer)


def _attitudes(ctx: _Ctx, page_scorer: str) -> list[Item]:
    """The page's "Who speaks about whom, and how" matrix, by its scorer (``attitude_scorer``;
    by default the page's own when the store holds it): the report had left it out."""
    con, f = ctx.con, ctx.view_filters
    held = attitude_views.attitude_scorers(con, f) or list(SCORERS)
    default = page_scorer if page_scorer in held else held[0]
    scorer = _scorer(ctx, "attitude_scorer", ATTITUDE_SCORERS, default)
    scorer = scorer if scorer in held else default
    matrix = attitude_views.attitude_matrix(
        con, f, scorer=scorer, holders=MATRIX_HOLDERS, targets=MATRIX_TARGETS
    )
    if matrix.empty:
        return []
    chart = charts.attitude_matrix(matrix, scorer=ATTITUDE_SCORERS[scorer])
    return [Item("Who speaks about whom, and how", chart)]


# The Entities page's types (its ``en_type`` choice: the label shown → the tagger's label) and
# the links its network draws: the page's report had drawn every type and 60 links under a page
# of organisations and its "30 strongest links".
ENTITY_TYPES = {"All types": None, **{v.capitalize(): k for k, v in charts.LABEL_NAMES.items()}}
NETWORK_LINKS = 30


def _entities(ctx: _Ctx) -> list[Item]:
    con, f = ctx.con, ctx.view_filters
    kind = str(ctx.choices.get("en_type", "All types"))
    kind = kind if kind in ENTITY_TYPES else "All types"
    label = ENTITY_TYPES[kind]
    top = entity_views.top_entities(con, f, label=label, limit=20)
    if top.empty:
        return _empty_view(ctx, "No entities in the articles in view.")
    title = f"Most covered: {kind.lower()}"
    items = [Item("Top entities", charts.top_entities(top, title=title))]
    names = list(ctx.filters.entities) or top["name"].head(5).tolist()
    per = _period(
        ctx,
        "en_per",
        lambda: entity_views.mentions_over_time(con, f, names=names, granularity="month"),
    )
    over_time = entity_views.mentions_over_time(con, f, names=names, granularity=per)
    if not over_time.empty:
        items.append(
            Item("Mentions over time", charts.entity_mentions_over_time(over_time, period=per))
        )
        undated = entity_views.undated_articles(con, f, names=names)
        note = charts.undated_mentions_note(undated, names)
        if note:
            items.append(Item("Undated articles", text=note))
    pairs = entity_views.cooccurrences(
        con, f, labels=(label,) if label else None, min_weight=1, limit=NETWORK_LINKS
    )
    if not pairs.empty:
        items.append(Item("Who is named with whom", charts.cooccurrence_network(pairs)))
    # the entity the page's link picked (en_pick), else the most covered
    first = str(ctx.choices.get("en_pick") or top["name"].iloc[0])
    arts = entity_views.entity_articles(con, f, name=first, limit=ENTITY_ARTICLES + 1)
    title = entity_articles_title(first, arts)
    arts = arts.head(ENTITY_ARTICLES)
    if not arts.empty:
        arts = arts.assign(open=ctx.links(arts["id"], arts["first_start"]))
        labels = {
            "title": "Article", "published": "Published", "source": "Outlet",
            "mentions": "Mentions", "open": "Read",
        }  # fmt: skip
        items.append(
            Item(
                title,
                table=Table(_labelled(arts, labels), links=("Read",), wide=("Article",)),
            )
        )
    return items


# The articles an entity's table lists (the page's and the report's), most mentions first.
ENTITY_ARTICLES = 200


def entity_articles_title(name: str, fetched: pd.DataFrame) -> str:
    """The title of the table of the articles naming ``name``, from the rows ``fetched`` (one
    more than :data:`ENTITY_ARTICLES` asked for): where more articles name it than are listed,
    it says so (Bashar al-Assad's 257 articles had been listed as "Articles naming Bashar
    al-Assad", 200 rows, as if those were all)."""
    if len(fetched) <= ENTITY_ARTICLES:
        return f"Articles naming {name}"
    return (
        f"Articles naming {name}: the {ENTITY_ARTICLES} naming it most (more articles in view "
        "name it; narrow the filters to list them)"
    )


def _switch(ctx: _Ctx, key: str, default: bool) -> bool:
    """A page's switch as ``--choice key=true|false`` gives it (the page's link), else the
    page's own default for the data (:func:`dashboard.filters_ui.page_toggle`)."""
    given = SWITCH_VALUES.get(str(ctx.choices.get(key, "")))
    return default if given is None else given


def _figures(ctx: _Ctx) -> list[Item]:
    con, f = ctx.con, ctx.view_filters
    scope_label = ctx.choices.get("counts", SCOPE_TITLES["all"])
    scope = {v: k for k, v in SCOPE_TITLES.items()}.get(scope_label, "all")
    scope = None if scope == "all" else scope
    counts = figure_views.category_counts(con, f, scope=scope)
    if counts.empty:
        return _empty_view(ctx, "No figures are reported in the articles in view.")
    found = counts["category"].tolist()
    present = [c for c in CATEGORY_ORDER if c in found] + [
        c for c in found if c not in CATEGORY_ORDER
    ]
    by_title = {CATEGORY_TITLES.get(c, c): c for c in present}
    opening = figure_views.opening_category(counts) or present[0]
    category = by_title.get(ctx.choices.get("what", ""), opening)
    title = CATEGORY_TITLES.get(category, category)
    # money one currency at a time, as the page charts it (the most dated unless chosen)
    unit, currencies = None, None
    if category in ("money", "price"):
        currencies = figure_views.figure_units(con, f, category=category, scope=scope)
        unit = figure_views.charted_unit(currencies, ctx.choices.get("currency"))
    which = f"{title} · {SCOPE_TITLES[scope or 'all']}" + (f" · in {unit}" if unit else "")
    items = [Item("Which figures", text=which)]
    per = str(ctx.choices.get("fg_per", "auto"))
    period = per if per in figure_views.SERIES_PERIODS else None
    series = figure_views.figure_series(
        con, f, category=category, places=8, scope=scope, unit=unit, period=period
    )
    if not series.empty:
        # the page's own default scale: news tolls beside running totals of 400,000 (All
        # figures) lay flat along the foot of a linear axis
        log = charts.timeline_wants_log(series)
        if category not in ("territory_share", "percent"):  # as the page's switch (fg_log)
            log = _switch(ctx, "fg_log", log)
        chart = charts.figure_timeline(series, category=category, unit=unit, scope=scope, log=log)
        items.append(Item(f"{title} over time", chart))
        key = charts.scope_key_note(series, category=category) if scope is None else ""
        if key:
            items.append(Item("Which marker is which", text=key))
        groups = charts.group_note(series, category=category)
        if groups:
            items.append(Item("Groups counted", text=groups))
        each_point = charts.period_note(series, chosen=period is not None)
        if each_point:
            items.append(Item("Points", text=each_point))
        note = charts.charted_note(
            series, counts, category=category, places=8, units=currencies, unit=unit
        )
        if note:
            items.append(Item("Charted", text=note))
    items.append(Item("Figures by category", charts.figures_by_category(counts)))
    conflicts = figure_views.conflict_groups(  # of what the page counts, as the page shows them
        con, f, category=category, min_relative_difference=0.05, limit=200, scope=scope
    )
    if not conflicts.empty:
        conflicts = charts.figure_cells(conflicts).assign(
            open_low=ctx.links(conflicts["article_id_low"], conflicts["start_low"]),
            open_high=ctx.links(conflicts["article_id_high"], conflicts["start_high"]),
        )
        labels = {
            "published": "Day", "what": "What", "unit": "Counting", "counts": "Counts",
            "location": "Where", "days_apart": "Days apart", "text_low": "Lowest",
            "claimed_by_low": "Claimed by (lowest)", "open_low": "Lowest: sentence",
            "text_high": "Highest", "claimed_by_high": "Claimed by (highest)",
            "open_high": "Highest: sentence",
        }  # fmt: skip
        items.append(
            Item(
                f"{title}: conflicting figures",
                table=Table(
                    _labelled(conflicts, labels), links=("Lowest: sentence", "Highest: sentence")
                ),
            )
        )
    table = figure_views.figure_table(con, f, category=category, limit=FIGURES_SHOWN, scope=scope)
    table = charts.figure_cells(table).assign(open=ctx.links(table["article_id"], table["start"]))
    # In the page's order (the link first, then the figure, what and where it counts, who
    # claims it and when, then the sentence): last, the link had been out of the report's box.
    labels = {
        "open": "Read", "text": "Figure", "estimate": "Value", "approximate": "≈",
        "unit": "Counting", "location": "Where", "claimed_by": "Claimed by",
        "published": "Published", "sentence": "Sentence", "subject": "Whose", "counts": "Counts",
        "title": "Article",
    }  # fmt: skip
    # cut at FIGURES_SHOWN rows, as on the page: of how many, and in what order (it had said "all
    # figures (1,000)" of the mixed store's 2,782 money figures)
    in_view = int(counts.set_index("category")["n_figures"].get(category, len(table)))
    dated = int(table["published"].notna().sum())  # undated rows: no order of time to claim
    caption = charts.figure_table_caption(len(table), in_view, FIGURES_SHOWN, dated=dated)
    items.append(
        Item(
            f"{title}: all figures ({len(table):,})"
            if len(table) < FIGURES_SHOWN and dated == len(table)
            else f"{title}: {caption}",
            table=Table(
                _labelled(table, labels), links=("Read",), wide=("Sentence",), link_text="open"
            ),
        )
    )
    return items


def _articles(ctx: _Ctx) -> list[Item]:
    con, f = ctx.con, ctx.view_filters
    listing = article_views.article_list(con, f, limit=1000)
    if listing.empty:
        return _empty(_no_articles(ctx))
    listing = listing.assign(open=ctx.links(listing["id"]))
    labels = {
        "title": "Title", "published": "Published", "source": "Outlet", "author": "Author",
        "n_words": "Words", "n_quotes": "Quotes", "n_figures": "Figures", "tags": "Tags",
        "open": "Read",
    }  # fmt: skip
    items = [
        Item(
            f"Articles ({len(listing):,})",
            table=Table(_labelled(listing, labels), links=("Read",), wide=("Title",)),
        )
    ]
    chosen = ctx.choices.get("article")
    detail = article_views.article_detail(con, chosen or listing["id"].iloc[0])
    if detail is None:
        return items + _empty(f"No article {chosen} in the store.")
    reader = _reader(detail)
    # An article opened (?article=…, the page's reader): its report is that article, so the
    # reader leads and the list follows — the PDF of one article had opened with pages of the
    # 1,000-row list, the article itself after them.
    return reader + items if chosen else items + reader


def _reader(detail) -> list[Item]:
    """The reader's items: the article's text under its outlet, date and length, then its quotes."""
    art = detail.article
    meta = [
        art["source"] if isinstance(art["source"], str) else None,
        art["published"].strftime("%d %b %Y") if not pd.isna(art["published"]) else "undated",
        f"{int(art['n_words']):,} words",
        art["url"] if isinstance(art["url"], str) else None,
    ]
    items = [
        Item(
            f"Reader: {art['title'] or '(untitled)'}",
            text=" · ".join(m for m in meta if m) + "\n\n" + art["text"],
        )
    ]
    if not detail.quotes.empty:
        labels = {"speaker": "Speaker", "speaker_mention": "As written", "kind": "Kind",
                  "text": "Quoted words", "polarity": "Polarity"}  # fmt: skip
        items.append(
            Item(
                "Quotes in this article",
                table=Table(_labelled(detail.quotes, labels), wide=("Quoted words",)),
            )
        )
    return items


def _data(ctx: _Ctx) -> list[Item]:
    counts = article_views.corpus_counts(ctx.con, ctx.view_filters)
    rows = {k.capitalize(): counts[k] for k in ("articles", "quotes", "entities", "figures")}
    frame = pd.DataFrame({"In view": list(rows), "Count": list(rows.values())})
    return [Item("What the Data page downloads under these filters", table=Table(frame))]


def _compare(ctx: _Ctx) -> list[Item]:
    con, f = ctx.con, ctx.view_filters
    kind = COMPARE_KINDS.get(str(ctx.choices.get("vs", "Outlets")), "source")
    chosen, notes = _compare_groups(ctx, kind)
    chosen = list(dict.fromkeys(chosen))[: compare_views.MAX_GROUPS]
    groups = tuple(compare_views.Group(kind, v).spec() for v in chosen)
    if len(groups) < 2:
        option = {"source": "cmp_source", "speaker": "cmp_speaker", "query": "cmp_q"}[kind]
        return notes + _empty(f"Choose two to four groups to compare (--choice {option}=…).")
    order = [compare_views.Group(kind, v).label for v in chosen]
    sizes = compare_views.group_sizes(con, f, groups=groups)
    labels = {"grp": "Group", "n_articles": "Articles", "n_quotes": "Quotes",
              "n_figures": "Figures"}  # fmt: skip
    items = [*notes, Item("Groups compared", table=Table(_labelled(sizes, labels)))]
    if int(sizes["n_articles"].sum()) == 0:
        return items + _empty("None of these groups has articles within the filters.")
    if no_articles := compare_charts.empty_groups_note(sizes):  # as the page says it
        items.append(Item("No article in view", text=no_articles))
    per = str(ctx.choices.get("cmp_per", "month"))
    per = per if per in compare_charts.PERIODS else "month"
    measure = COMPARE_MEASURES.get(str(ctx.choices.get("cmp_show", "")), "share")
    attention = compare_views.attention_over_time(con, f, groups=groups, granularity=per)
    if not attention.empty:
        fig = compare_charts.attention(attention, measure=measure, granularity=per, order=order)
        items.append(Item("Attention over time", fig))
        items += _attention_notes(sizes, attention, measure=measure, granularity=per)
    quoted = compare_views.top_speakers(con, f, groups=groups, limit=10)
    if not quoted.empty:
        items.append(
            Item("Who each group quotes", compare_charts.who_is_quoted(quoted, order=order))
        )
        tone = compare_views.speaker_sentiment(con, f, groups=groups, limit=12)
        items.append(Item("Tone per speaker", compare_charts.tone(tone, order=order)))
    figures = compare_views.figures_by_place(con, f, groups=groups, limit=24)
    if not figures.empty:
        items.append(
            Item("Figures reported for the same category and place",
                 compare_charts.figures_side_by_side(
                     figures, order=order,
                     log=_switch(ctx, "cmp_log", compare_charts.log_by_default(figures))))
        )  # fmt: skip
        if unshown := compare_charts.figures_not_drawn(
            figures, order, empty=compare_charts.empty_groups(sizes)
        ):  # as the page says it
            items.append(Item("Not drawn", text=unshown))
        median = (
            figures.pivot_table(
                index=["category", "location"], columns="grp", values="median", aggfunc="first"
            )
            .reindex(columns=[g for g in order if g in set(figures["grp"])])
            .reset_index()
            .assign(category=lambda d: d["category"].map(lambda c: CATEGORY_TITLES.get(c, c)))
            .rename(columns={"category": "What", "location": "Where"})
        )
        median.columns.name = None
        items.append(Item("Median figure per category and place", table=Table(median)))
    return items


def _attention_notes(
    sizes: pd.DataFrame, attention: pd.DataFrame, *, measure: str, granularity: str
) -> list[Item]:
    """What the page says under its attention chart (:func:`compare_charts.attention_notes`),
    as items: the report had left the BBC, 297 undated articles, out of the chart without a
    word."""
    # the figures' chart has a "Not drawn" too
    titles = {"Not drawn": "Not drawn over time", "Partly drawn": "Partly drawn over time"}
    return [
        Item(titles.get(label, label), text=words[:1].upper() + words[1:])
        for label, words in compare_charts.attention_notes(
            sizes, attention, measure=measure, granularity=granularity
        )
    ]


def _compare_groups(ctx: _Ctx, kind: str) -> tuple[list[str], list[Item]]:
    """The values of the groups to compare, as the page picks them (its default: the three
    outlets with most articles in view), and a note for each search left out as malformed."""
    if kind == "source":
        # within the filters' outlets when they name some, as on the page: another outlet has
        # no article in view (the report had listed two outlets of none beside the one kept)
        kept = list(ctx.filters.sources)
        sources = kept or list(article_views.filter_options(ctx.con).sources)
        picked = _listed(ctx.choices.get("cmp_source"))
        if picked:
            return picked, []
        if len(kept) == 1:
            note = (
                f"The filters keep one outlet ({kept[0]}): add outlets to them, or clear them, "
                "to compare outlets."
            )
            return [], [Item("One outlet", text=note)]
        in_view = article_views.outlets_in_view(ctx.con, ctx.view_filters)["source"].tolist()
        shown = outlets_shown(sources, in_view)
        notes = [Item("One outlet", text=one_outlet_in_view(shown[0]))] if len(shown) == 1 else []
        if not shown:
            notes = [Item("No outlet", text=NO_OUTLET_IN_VIEW)]
        return compared_outlets(sources, in_view), notes
    if kind == "speaker":
        return _listed(ctx.choices.get("cmp_speaker")), []
    chosen, notes = [], []
    for line in str(ctx.choices.get("cmp_q", "")).splitlines():
        if not line.strip():
            continue
        try:
            query.parse(line)
        except query.QueryError as exc:  # as on the page: said, and left out
            notes.append(Item("Search left out", text=f"“{line.strip()}”: {exc}"))
            continue
        chosen.append(line.strip())
    return chosen, notes


def _listed(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _places(ctx: _Ctx) -> list[Item]:
    con, f = ctx.con, ctx.view_filters
    region = str(ctx.choices.get("region", ""))
    table = place_views.places(con, f, region=region)
    if table.empty:
        return _empty(
            "No place the gazetteer knows is named in these articles. Widen the filters or "
            "choose another region."
        )
    size_by = PLACE_SIZES.get(str(ctx.choices.get("pl_size", "")), "n_figures")
    place = ctx.choices.get("place")
    place = map_charts.spelled_places(table).get(place, place)  # "Raqqa → Ar Raqqah"
    place = place if place in set(table["place"]) else None
    note = map_charts.places_note(table, region or "", size_by, place)
    listing = table.assign(
        top_category=table["top_category"].map(lambda c: CATEGORY_TITLES.get(c, c))
    )
    labels = {"place": "Place", "country": "Country", "region": "Province or region",
              "n_articles": "Articles naming it", "n_figures": "Figures reported",
              "top_category": "Main category"}  # fmt: skip
    items = [
        Item("Places map", map_charts.places_map(table, size_by=size_by, selected=place)),
        Item("Places in view", text=note),
        Item(f"Places ({len(table):,})", table=Table(_labelled(listing, labels))),
    ]
    scope = place_scope(table, place, region)
    return items + (_place_detail(ctx, scope) if scope else [])


@dataclass(frozen=True)
class PlaceScope:
    """What the Places page lists below its map: the chosen place's (or region's) spellings,
    where it lies (``country``, ``region``: a namesake elsewhere is left out, "San Jose,
    Calif." under San Jose, Costa Rica) and its heading."""

    names: tuple[str, ...]
    country: str | None
    region: str | None
    heading: str

    @property
    def where(self) -> dict[str, str | None]:
        return {"country": self.country, "region": self.region}


def place_scope(table: pd.DataFrame, place: str | None, region: str | None) -> PlaceScope | None:
    """The scope of the Places page's lists for a chosen ``place`` (a row of ``table``, a
    :func:`place_views.places` frame) or ``region``; ``None`` when neither is chosen. The page
    and its report both take it: the report had listed namesakes' figures and articles too
    (Frankfurt am Main: 11 articles in the report, 4 on the page)."""
    if place:
        row = table.loc[table["place"] == place].iloc[0]
        return PlaceScope(
            tuple(row["names"]), row["country"],
            row["region"] if isinstance(row["region"], str) else None, place,
        )  # fmt: skip
    if region:
        countries = set(table["country"].dropna())
        return PlaceScope(
            tuple(n for ns in table["names"] for n in ns),
            next(iter(countries)) if len(countries) == 1 else None,
            region if (table["region"] == region).any() else None,
            f"places in {region}",
        )
    return None


PLACE_ARTICLES = 200  # the articles a place's list holds, most mentions first


def place_articles_note(shown: int, heading: str) -> str:
    """What the list of a place's articles holds, when cut at :data:`PLACE_ARTICLES` (it had
    listed Aleppo's 200 of its 341 articles under a bare "Articles about Aleppo")."""
    if shown < PLACE_ARTICLES:
        return ""
    return (
        f"The {shown:,} articles naming {heading} most; more name it. Narrow the filters in "
        "the sidebar (dates, outlets) to list the others."
    )


def _place_detail(ctx: _Ctx, scope: PlaceScope) -> list[Item]:
    """The figures reported at a place and the articles naming it, as the page lists them."""
    con, f, heading = ctx.con, ctx.view_filters, scope.heading
    figs = charts.in_category_order(
        place_views.place_figures(con, f, names=scope.names, **scope.where)
    )
    if figs.empty:
        items = _empty(f"The articles in view name {heading} but report no figures there.")
    else:
        figs = figs.assign(
            category=figs["category"].map(lambda c: CATEGORY_TITLES.get(c, c)),
            open=ctx.links(figs["article_id"], figs["start"]),
        )
        labels = {"category": "What", "value": "Value", "text": "Figure", "location": "Where",
                  "claimed_by": "Claimed by", "source": "Outlet", "published": "Published",
                  "sentence": "Sentence", "open": "Evidence"}  # fmt: skip
        table = Table(_labelled(figs, labels), links=("Evidence",), wide=("Sentence",))
        items = [Item(f"Figures reported for {heading}", table=table)]
    arts = place_views.place_articles(
        con, f, names=scope.names, limit=PLACE_ARTICLES, **scope.where
    )
    arts = arts.assign(open=ctx.links(arts["id"]))
    labels = {"title": "Article", "source": "Outlet", "published": "Published",
              "mentions": "Mentions", "open": "Read"}  # fmt: skip
    table = Table(_labelled(arts, labels), links=("Read",), wide=("Article",))
    items.append(Item(f"Articles about {heading}", table=table))
    if note := place_articles_note(len(arts), heading):
        items.append(Item("Articles listed", text=note))
    return items


BUILDERS: dict[str, Callable[[_Ctx], list[Item]]] = {
    "overview": _overview,
    "speakers": _speakers,
    "entities": _entities,
    "figures": _figures,
    "articles": _articles,
    "compare": _compare,
    "places": _places,
    "data": _data,
}
