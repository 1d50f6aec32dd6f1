"""Views over the stored figures: tidy DataFrames for the dashboard's figures page.

Every function takes an open DuckDB connection to a presslens store and optional
:class:`~analysis.filters.Filters`, restricts to the articles in view (``article_id IN
(<article_ids_sql subquery>)``) and returns a pandas DataFrame; options are keyword-only. No
plotting here: chart factories in ``dashboard/`` turn these frames into figures.

A figure's single best number is its ``estimate``: the stated value, else the middle of an
explicit range ("between 20 and 30" → 25), else the one bound it has ("more than 200" → 200;
vague words keep only their lower bound, so "dozens" → 24 and "tens of thousands" → 20,000).

A figure's ``scope`` says what it counts (:func:`analysis.figures.figure_scope`): ``event`` (what
the article reports happening), ``total`` (a running total over a war or a period) or
``background`` (an earlier event recalled). Every view takes ``scope=`` to keep one of them, and
figures only conflict with figures of the same scope: "the war has killed 300,000 since 2011" does
not contradict "12 were killed on Tuesday". The Overview's headline figure per category is chosen
by agreement between articles (:func:`headline_figures`), never as the largest.
"""

from __future__ import annotations

import logging
import re
import weakref
from datetime import date, datetime, timedelta

import duckdb
import pandas as pd

from analysis import article_index, incident_kinds, summaries
from analysis.filters import (
    Filters,
    article_ids_sql,
    coded_rows_in_view,
    in_values,
    is_copy,
    kept_articles,
    kept_rows,
    named_frame,
    newest_first,
    pin_articles,
    pin_in_view,
    rows_in_view,
    served_by_index,
    store_rowid,
)

log = logging.getLogger(__name__)

ESTIMATE_SQL = summaries.ESTIMATE_SQL.format(f="f")
# The groups counted (COUNTED_SQL) a figure timeline charts, the most counted at its places: at
# a million articles the killed figures of every group made 368,000 points over seven years
# (75 groups; the page took 8 s to draw); the three most counted (everyone, civilians, children
# on the Syrian stores) hold most of the figures, the table lists the rest.
GROUPS_CHARTED = 3
# The most points a figure timeline charts: past it, a point is a week's figures (or, past it
# again, a month's) at a place, of a kind and a group, not a day's. At a million articles seven
# years of days made 112,000 points of the killed, 22 MB of chart drawn in 3 s that no reader
# could tell apart; a small archive keeps its days.
SERIES_MAX_POINTS = 10_000
# The periods a reader may chart the points by (figure_series' ``period``; None: the finest
# of day, week and month within SERIES_MAX_POINTS).
SERIES_PERIODS = ("day", "week", "month", "year")
NO_PLACE = summaries.NO_PLACE  # ask for the figures whose place is not given
# The group a figure counts, a key of the series (summaries.COUNTED_SQL), and whether a part's
# whole (its row ``w``) is charted itself, which leaves the part out of them.
COUNTED_SQL = summaries.COUNTED_SQL.format(f="f")
CHARTED_WHOLE_SQL = summaries.CHARTED_WHOLE_SQL.format(f="f", w="w")
FIGURE_COLUMNS = (
    "f.article_id, a.title, a.source, a.published, f.text, f.value, f.low, f.high, "
    f"{ESTIMATE_SQL} AS estimate, f.approximate, f.unit, f.category, f.subject, f.location, "
    'f.claimed_by, f.start, f."end", f.sentence, f.scope, f.part_of'
)
SCOPES = ("event", "total", "background")
# The noun naming an uncounted whole ("civilians, including three children": "civilians"), the
# word at the position ``part_of`` of the article's ``text`` (analysis.figure_parts).
WHOLE_NOUN_SQL = "regexp_extract(substr({text}, {part_of} + 1, 40), '^[A-Za-z]+')"


def _where(
    filters: Filters | None,
    *,
    category: str | None = None,
    location: str | None = None,
    subject: str | None = None,
    scope: str | None = None,
    unit: str | None = None,
    ids: tuple[str, list] | None = None,
    on: str = "f.article_id",
    in_view: bool = True,
    counted: str | None = None,
) -> tuple[str, list]:
    """The WHERE clause shared by the views: articles in view (or ``ids``, a subquery selecting
    some of them, and its parameters) plus optional equality filters (``location=NO_PLACE``:
    the figures whose place is not given). ``on`` is the article id
    the condition is put on (``a.id`` when the query joins ``articles a``: DuckDB's plan
    differs, and each view uses the form measured faster for it at a million articles).
    ``in_view=False`` leaves the articles out of it, for copies of the rows in view.
    ``counted``: the figures of a point of the Figures page's series, those of that group
    counted (:data:`COUNTED_SQL`, '' for everyone) but the parts of a charted whole, which the
    series leave out (:data:`CHARTED_WHOLE_SQL`)."""
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES} or None, not {scope!r}")
    sub, params = ids if ids is not None else article_ids_sql(filters)
    params = list(params) if in_view else []
    clauses = [f"{on} IN ({sub})" if in_view else "TRUE"]
    for column, value in (
        ("category", category), ("location", location), ("subject", subject), ("scope", scope),
        ("unit", unit),
    ):  # fmt: skip
        if column == "location" and value == NO_PLACE:
            clauses.append("f.location IS NULL")
        elif value is not None:
            clauses.append(f"f.{column} = ?")
            params.append(value)
    if counted is not None:
        # the part's whole read from the store's table: it is in the part's article
        clauses.append(
            f"{COUNTED_SQL} = ? AND (f.part_of IS NULL OR NOT EXISTS (SELECT 1 FROM figures w "
            f"WHERE w.article_id = f.article_id AND w.start = f.part_of AND {CHARTED_WHOLE_SQL}))"
        )
        params.append(counted)
    return " AND ".join(clauses), params


def _rows_where(con: duckdb.DuckDBPyConnection, filters: Filters | None, **conditions):
    """``(figures, articles, where, params)``: the tables a view reads the figures in view and
    their articles from (:func:`~analysis.filters.rows_in_view`) and its :func:`_where` on them
    with these ``conditions``, where a copy of the figures in view needs no condition on their
    articles: it holds those rows only (at a million articles a speaker's 320,000 figures'
    ids were hashed against the pinned set's for nothing: the category counts under the 5th
    most quoted took 0.12-0.13 s of CPU, 0.07-0.08 s without; their articles are read from
    the copy of the articles in view, not the store's million)."""
    figures, articles = (rows_in_view(con, filters, t) for t in ("figures", "articles"))
    where, params = _where(filters, in_view=not is_copy(figures), **conditions)
    return figures, articles, where, params


def figure_table(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str | None = None,
    location: str | None = None,
    subject: str | None = None,
    limit: int | None = None,
    scope: str | None = None,
    counted: str | None = None,
) -> pd.DataFrame:
    """Every figure in view with its article's title, source and date, newest article first;
    ``part_of_text`` is the words of the whole a part belongs to ("28" for "four children
    among the 28 dead", "civilians" for "civilians, including three children"), else null.
    ``counted``: that group's figures only (:func:`_where`)."""
    where, params = _where(
        filters, category=category, location=location, subject=subject, scope=scope,
        counted=counted,
    )  # fmt: skip
    order = "a.published DESC NULLS LAST, f.article_id, f.start"

    def select(figure_rows: str, article_rows: str, wholes: str, *, whole_text: bool = True) -> str:
        # An uncounted whole ("civilians, including three children") is named by its noun, read
        # from the article's text (whole_text=False: left null, see _whole_words).
        noun = WHOLE_NOUN_SQL.format(text="a.text", part_of="f.part_of")
        return (
            f"SELECT {FIGURE_COLUMNS}, CASE WHEN f.part_of IS NOT NULL THEN "
            f"{f'coalesce(w.text, {noun})' if whole_text else 'w.text'} END AS part_of_text "
            f"FROM {figure_rows} f "
            f"JOIN {article_rows} a ON a.id = f.article_id "
            f"LEFT JOIN {wholes} w ON w.article_id = f.article_id AND w.start = f.part_of "
        )

    if limit is None:
        wholes = rows_in_view(con, filters, "figures")
        sql = f"{select('figures', 'articles', wholes)} WHERE {where} ORDER BY {order}"
        return con.execute(sql, params).df()

    def newest(view: Filters | None, ids: str, ids_params: list) -> pd.DataFrame:
        where, params = _where(
            filters, category=category, location=location, subject=subject, scope=scope,
            ids=(ids, ids_params), counted=counted,
        )  # fmt: skip
        # The copies of the rows in view (filters.rows_in_view) for what needs no long text: a
        # whole is in its part's article, so in view too.
        figures, articles = (rows_in_view(con, view, t) for t in ("figures", "articles"))
        # Ordered on narrow rows; only the ``limit`` kept are read with their texts, by their
        # articles' ids as constants, which DuckDB checks while it scans (a subquery of the kept
        # row ids read every figure and article text: 0.3 s at a million articles).
        picked = con.execute(
            f"SELECT {store_rowid(figures, 'f')} AS rid, f.article_id "
            f"FROM {figures} f JOIN {articles} a ON a.id = f.article_id "
            f"WHERE {where} ORDER BY {order} LIMIT ?",
            [*params, int(limit)],
        ).fetchall()
        # Only the kept figures are read with their texts, by their row ids; their articles'
        # titles from the copy of the articles in view when there is one, else by their ids
        # as constants; an article's text only for a part whose whole is no figure. (By the
        # articles' ids, 1,000 figures of 1,000 articles took 0.65 s at a million articles:
        # every figure's and article's id checked against a thousand strings.)
        article_rows, article_ids = kept_articles(articles, (a for _, a in picked))
        kept, kept_params = kept_rows(con, view, "figures", figures, (r for r, _ in picked))
        sql = f"""
            WITH kept_f AS MATERIALIZED ({kept})
            {select("kept_f", article_rows, figures, whole_text=False)}
            ORDER BY {order}"""
        found = con.execute(sql, [*kept_params, *article_ids]).df()
        return _whole_words(con, found)

    return newest_first(con, filters, int(limit), newest)


def parts_of(point: pd.DataFrame, day: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``day`` (:func:`figure_table` of a point's day and place, all groups) that
    are parts of the ``point``'s figures (:func:`figure_table` with ``counted``): the series
    leave a part of a charted whole out (:data:`CHARTED_WHOLE_SQL`), so a point of "112
    civilians" lists its "33 children" here, under it, and the children's point, if any, holds
    only the children counted on their own."""
    if point.empty or day.empty:
        return day.iloc[:0]
    wholes = set(zip(point["article_id"], point["start"].astype(int), strict=True))
    parts = day[day["part_of"].notna()]
    keep = [
        (a, int(w)) in wholes for a, w in zip(parts["article_id"], parts["part_of"], strict=True)
    ]
    return parts[keep]


def _whole_words(con: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` of :func:`figure_table` with ``part_of_text`` filled for the parts whose whole
    is no figure ("civilians, including three children": "civilians"), read from their
    articles' texts, only theirs."""
    need = rows[rows["part_of"].notna() & rows["part_of_text"].isna()]
    if need.empty:
        return rows
    in_articles, ids = in_values("a.id", sorted(set(need["article_id"])))
    wanted = sorted({(a, int(p)) for a, p in zip(need["article_id"], need["part_of"], strict=True)})
    words = dict(
        ((article_id, part_of), noun)
        for article_id, part_of, noun in con.execute(
            f"""SELECT w.id, w.part_of, {WHOLE_NOUN_SQL.format(text="a.text", part_of="w.part_of")}
                FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::INTEGER[]) AS part_of) w
                JOIN (SELECT id, text FROM articles a WHERE {in_articles}) a ON a.id = w.id""",
            [[a for a, _ in wanted], [p for _, p in wanted], *ids],
        ).fetchall()
    )
    rows = rows.copy()
    for i in need.index:
        rows.at[i, "part_of_text"] = words.get(
            (rows.at[i, "article_id"], int(rows.at[i, "part_of"]))
        )
    return rows


def figure_timeline(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str,
    location: str | None = None,
    subject: str | None = None,
    per_day: bool = True,
    scope: str | None = None,
) -> pd.DataFrame:
    """A category (at a location) over publication dates: "territory share of Aleppo",
    "troop numbers in Syria".

    ``per_day=True`` gives one row per publication date (``published, n_figures, n_articles,
    estimate_min, estimate_median, estimate_max, claimants``); ``per_day=False`` one row per
    figure in date order. Articles without a date are left out (they have no place on a
    timeline).
    """
    where, params = _where(
        filters, category=category, location=location, subject=subject, scope=scope
    )
    base = (
        f"SELECT {FIGURE_COLUMNS} FROM figures f JOIN articles a ON a.id = f.article_id "
        f"WHERE {where} AND a.published IS NOT NULL AND {ESTIMATE_SQL} IS NOT NULL"
    )
    if not per_day:
        return con.execute(base + " ORDER BY a.published, f.article_id, f.start", params).df()
    sql = (
        "SELECT published, count(*) AS n_figures, count(DISTINCT article_id) AS n_articles, "
        "min(estimate) AS estimate_min, quantile_disc(estimate, 0.5) AS estimate_median, "
        "max(estimate) AS estimate_max, "
        "list_sort(list_distinct(list(claimed_by) FILTER (WHERE claimed_by IS NOT NULL))) "
        "AS claimants "
        f"FROM ({base}) GROUP BY published ORDER BY published"
    )
    return con.execute(sql, params).df()


# What a figure counts, for comparing like with like: the head noun of its unit ("civilians" of
# "Syrian civilians"), '' when it names none. 15 children and 34 civilians are not two answers to
# one question: one may be part of the other.
CLASS_SQL = summaries.CLASS_SQL.format(f="f")
# Two figures tell of one incident unless their sentences name kinds of incident and none in
# common (analysis.incident_kinds).
SAME_INCIDENT_SQL = incident_kinds.SAME_INCIDENT_SQL
# The lower toll x a part of the place of the higher y (a neighbourhood's toll beside the city's
# day of raids): both can be true (incident_kinds.NOT_PART_OF_WIDER_SQL).
NOT_PART_OF_WIDER_SQL = incident_kinds.NOT_PART_OF_WIDER_SQL
# A toll that one figure's article says its source has since replaced ("the monitor had
# initially given a death toll of 34", incident_kinds.SUPERSEDED_BIT), or gives as a part of a
# larger one ("31 civilians including 10 when their bus was hit", PART_BIT), is no disagreement
# with another article's figure of that value: that figure is the earlier toll, or the part. The
# real store paired an activist group's 34 with the monitor's 53 of the article that told of its
# update, and "ten civilians killed when airstrikes hit a bus" with that 31. Of one victims
# class (eight killed by rebel missiles is not the "eight women and children" of an air raid's
# nine). ``sup``: these figures of the rows paired.
# (Two anti-joins of equalities, not one with an OR: DuckDB hashes these, where the OR had it
# test every pair against every such figure — a year's conflicts at a million articles 0.14 →
# 0.32 s.)
_NOT_REPLACED_SQL = """NOT EXISTS (
    SELECT 1 FROM sup WHERE sup.category = x.category AND sup.class = x.class
      AND sup.article_id = y.article_id AND sup.estimate = x.estimate)
  AND NOT EXISTS (
    SELECT 1 FROM sup WHERE sup.category = x.category AND sup.class = x.class
      AND sup.article_id = x.article_id AND sup.estimate = y.estimate)"""
# An article whose own source gives the other article's figure, for the other's incident, is no
# disagreement with it: its own other figure is another incident, a part or an earlier toll it
# tells beside that one. The real store paired SANA's "three civilians" of a second rocket attack
# on an Aleppo neighbourhood with another outlet's "seven" of the first, in an article that gives
# that seven itself ("Earlier on Wednesday … seven civilians were killed … on the same
# neighborhood"); and "two injured" on one neighbourhood with the "six" of an article that gives
# the two too. Only the same source's figure (an article that sets SANA's 19 wounded beside the
# monitor's 20 reports a disagreement), of the other's incident (SAME_INCIDENT_SQL: not a barrel
# bomb's 18 in a village beside a missile's 18 in the city) and no earlier event recalled (an
# attack "on Jan. 25" that killed seven is not today's seven). ``told``: the comparable figures
# of every scope (the marks' source).
_TOLD_AS_X = re.sub(r"\bx\.", "told.", SAME_INCIDENT_SQL)  # the told figure in x's place
_TOLD_AS_Y = re.sub(r"\by\.", "told.", SAME_INCIDENT_SQL)
_NOT_TOLD_SQL = f"""NOT EXISTS (
    SELECT 1 FROM told WHERE told.category = x.category AND told.class = x.class
      AND told.location = x.location AND told.article_id = y.article_id
      AND told.estimate = x.estimate AND told.claimant = y.claimant
      AND told.scope IS DISTINCT FROM 'background'
      AND {_TOLD_AS_Y})
  AND NOT EXISTS (
    SELECT 1 FROM told WHERE told.category = x.category AND told.class = x.class
      AND told.location = x.location AND told.article_id = x.article_id
      AND told.estimate = y.estimate AND told.claimant = x.claimant
      AND told.scope IS DISTINCT FROM 'background'
      AND {_TOLD_AS_X})"""
_TOLD_SQL = "SELECT * FROM {src}"
# ``{src}``: the figures read for these marks, whatever their scope. A scope asked for ("News
# events") keeps the pairs of that scope, not the marks: the real store's "At least 22 children"
# (a part of a larger toll, in a paragraph on an earlier day: background) says the article's
# "dozens of children" of the event is that 22 again, and a view of news events had dropped the
# mark with its scope and shown the pair, one conflict more (67) than all figures did (66).
_REPLACED_SQL = (
    "SELECT category, class, article_id, estimate FROM {src} "
    f"WHERE (kinds & {incident_kinds.SUPERSEDED_BIT | incident_kinds.PART_BIT}) <> 0"
)
# Parts of two tolls are two answers to one question only when the tolls are one: "34 civilians,
# among them 15 children" and "53 civilians including 21 children" (the monitor's first toll
# and its update, or two incidents) count children of two different wholes, and where the
# wholes disagree the table shows the wholes. So two parts are paired only when their wholes'
# estimates are equal or one is not counted ("three children were among the dead"); a part is
# never paired with a figure that is no part (incident_kinds.PART_BIT). ``whole``: the estimate
# of the figure a figure is part of (summaries.WHOLE_SQL), NULL when none is counted.
WHOLE_SQL = summaries.WHOLE_SQL.format(w="w")
_SAME_WHOLE_SQL = "(x.whole IS NULL OR y.whole IS NULL OR x.whole = y.whole)"
LOW_SQL = summaries.LOW_SQL.format(f="f")
HIGH_SQL = summaries.HIGH_SQL.format(f="f")
CLAIMANT_SQL = summaries.CLAIMANT_SQL.format(f="f", a="a")


def _with_day(rows: str) -> str:
    """The figures of the query ``rows`` with the day their sentence names (``iday``), which
    the pairing's conditions read (:data:`analysis.incident_kinds.WITH_DAY_SQL`)."""
    return incident_kinds.WITH_DAY_SQL.format(rows=rows)


# Reports of one incident arrive over a few days, across outlets.
INCIDENT_DAYS = 3
# Tolls that rise as an incident's count goes on: the dead and the injured are found and counted
# for days. A lower toll reported a day before a higher one is the count of its day, since risen,
# not a claim against it: of the real store's 37 conflicts 14 were such pairs, every one read a
# toll rising (SOHR's 21 killed at Manbij, then 100 the next day; 22 killed at a school, then 35;
# 70, then SOHR's 126 after the Aleppo convoy bombing). On the same day the same holds where
# either toll is told as a running count ("death toll rises to 70", "hits 43":
# incident_kinds.RISING_BIT): the count of its hour, and a larger one that day is a later count
# (or the rise told is from the lower). A higher toll reported before a lower one, or on the
# same day with no word of rising, still disagrees, as a lower "rises to" a day after a higher
# toll does. (Missing people are found and the displaced go home: those counts fall as well as
# rise, and stay paired.)
RISING_CATEGORIES = ("killed", "injured")
_NOT_RISEN_SQL = (
    f"NOT (x.category IN {RISING_CATEGORIES!r} AND (x.published < y.published"
    f" OR (x.published = y.published AND ((x.kinds | y.kinds) & {incident_kinds.RISING_BIT}) <> 0)))"
)
# What the pairing of figures reads: no texts (see _conflict_pairs).
_NARROW = (
    f"f.article_id, f.start, f.category, f.location, f.scope, a.published, "
    f"{ESTIMATE_SQL} AS estimate"
)


def _comparable_sql(
    where: str, columns: str = FIGURE_COLUMNS, figures: str = "figures", articles: str = "articles"
) -> str:
    """The figures that can conflict (dated, placed, with an estimate), with what a comparison
    needs: victims class, low and high, claimant. One definition for the pairs and the table.
    ``figures`` and ``articles`` are the tables read (copies of the rows in view,
    :func:`~analysis.filters.rows_in_view`, hold the same rows)."""
    return f"""SELECT {columns}, {CLASS_SQL} AS class, {LOW_SQL} AS lo, {HIGH_SQL} AS hi,
                   {CLAIMANT_SQL} AS claimant, f.kinds, {WHOLE_SQL} AS whole
            FROM {figures} f JOIN {articles} a ON a.id = f.article_id
            LEFT JOIN {figures} w ON w.article_id = f.article_id AND w.start = f.part_of
            WHERE {where} AND a.published IS NOT NULL AND f.location IS NOT NULL
              AND {ESTIMATE_SQL} IS NOT NULL AND {summaries.CONFLICT_FIGURE_SQL.format(f="f")}"""


# Figures in bands of ``w`` days (days since 1970 divided by the window) and each figure again
# under its own band and the two beside it: two figures within the window lie in the same or
# neighbouring bands, so the pairs join on the band too, exactly once each. Joined on place
# and class alone, a year's 306,000 killed figures at a million articles made every pair of a
# city's figures and took 13 s; on the band too, 0.6 s (the same 8.5 million pairs).
_BANDS = """banded AS (
            SELECT *, date_diff('day', DATE '1970-01-01', published) // {w} AS band FROM fig
        ), near AS (
            SELECT banded.*, band + k AS near FROM banded, (VALUES (-1), (0), (1)) AS o(k)
        )"""


def conflicting_figures(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str | None = None,
    min_relative_difference: float = 0.0,
    scope: str | None = None,
    window_days: int = INCIDENT_DAYS,
    limit: int | None = None,
) -> pd.DataFrame:
    """Pairs of figures that disagree about the same thing, like with like:

    * same category, same victims class (the head noun of the unit: civilians with civilians,
      never children with civilians — one may be a subset of the other), same place and scope;
    * published within ``window_days`` of each other (one incident, reported across outlets and
      days), in different articles (an article's own figures are its headline and its update,
      or claims it sets side by side itself);
    * different claimants (an unattributed figure is its outlet's own claim);
    * no earlier event recalled ("in early October four suicide bombers … killing 15"): its day
      is not the article's, so two recalled tolls of one week may be two incidents;
    * no toll that rose: a lower count of the killed or injured published a day or more before
      the higher one is the count of its day, since updated (:data:`RISING_CATEGORIES`);
    * casualties told as one incident (:data:`analysis.incident_kinds.SAME_INCIDENT_SQL`): a kind
      or target in common, no two attackers, weapons, days or neighbourhoods named, not the
      city beside elsewhere in its province; incident days (named, else published) two or more
      days apart, a target both name;
    * no figure whose own article's source gives the other's figure for the other's incident
      (its figure is another attack, a part or an earlier toll: :data:`_NOT_TOLD_SQL`);
    * no part's toll below its wider place's ("three killed in one neighbourhood" beside "51
      killed across the city": both can be true, :data:`NOT_PART_OF_WIDER_SQL`);
    * ranges that cannot both be true: "at least 20" does not contradict 25, and a vague "dozens"
      contradicts nothing above 24;
    * counts of like things (no catch-all category: "people", "percent", "other") and no word of
      scale ("hundreds", "thousands": :data:`analysis.summaries.CONFLICT_FIGURE_SQL`).

    ``min_relative_difference`` (e.g. 0.1) ignores pairs closer than that fraction of the larger
    estimate. One row per pair, newest first: ``published, category, unit, location, scope,
    days_apart`` then ``*_a``/``*_b`` columns (estimate, text, claimed_by, article_id, start,
    sentence, title, published), the smaller estimate first — enough to link both sentences.
    """
    where, params = _where(filters, category=category, scope=scope)
    marks, mark_params = "src", []
    if scope is not None:  # the marks of every scope (see _REPLACED_SQL)
        where_all, mark_params = _where(filters, category=category, scope=None)
        marks = f"({_with_day(_comparable_sql(where_all))})"
    band = max(int(window_days), 1)
    sql = f"""
        WITH src AS (
            {_with_day(_comparable_sql(where))}
        ), every AS (SELECT * FROM {marks}), sup AS ({_REPLACED_SQL.format(src="every")}),
        told AS ({_TOLD_SQL.format(src="every")}),
        fig AS (
            SELECT * FROM src
        ), {_BANDS.format(w=band)}
        SELECT greatest(x.published, y.published) AS published, x.category, x.unit, x.location,
               x.scope, abs(date_diff('day', x.published, y.published)) AS days_apart,
               x.estimate AS estimate_a, x.text AS text_a, x.claimed_by AS claimed_by_a,
               x.article_id AS article_id_a, x.start AS start_a, x.sentence AS sentence_a,
               x.title AS title_a, x.published AS published_a,
               y.estimate AS estimate_b, y.text AS text_b, y.claimed_by AS claimed_by_b,
               y.article_id AS article_id_b, y.start AS start_b, y.sentence AS sentence_b,
               y.title AS title_b, y.published AS published_b
        FROM banded x JOIN near y
          ON x.category = y.category AND x.class = y.class AND x.location = y.location
         AND x.band = y.near AND x.scope IS NOT DISTINCT FROM y.scope
         AND abs(date_diff('day', x.published, y.published)) <= ?
         AND x.claimant <> y.claimant AND x.article_id <> y.article_id
         AND x.hi < y.lo AND x.scope IS DISTINCT FROM 'background' AND {SAME_INCIDENT_SQL}
         AND {NOT_PART_OF_WIDER_SQL} AND {_NOT_RISEN_SQL}
        WHERE (y.estimate - x.estimate) >= ? * greatest(abs(x.estimate), abs(y.estimate))
          AND {_NOT_REPLACED_SQL} AND {_NOT_TOLD_SQL} AND {_SAME_WHOLE_SQL}
        ORDER BY published DESC, x.category, x.location, x.estimate, y.estimate,
                 x.article_id, y.article_id
    """
    args = [*params, *mark_params, int(window_days), float(min_relative_difference)]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(int(limit))
    return con.execute(sql, args).df()


CATCH_ALL = summaries.CATCH_ALL  # never the category a page opens on, nor a conflict


def opening_category(counts: pd.DataFrame) -> str | None:
    """The category a page opens on: the one these articles report most figures of that a
    timeline can place (in dated articles: a war corpus, people killed; a business one, money),
    never a catch-all unless nothing else is there. Counted over all figures, the mixed store's
    Figures page had opened on money, two thirds of whose sums are in undated BBC stories, a
    chart of a few points under a note of what it left out, beside 2,499 dated tolls of the
    killed. Where no figure is dated, the most reported. ``counts`` is
    :func:`category_counts`."""
    if counts.empty:
        return None
    named = counts[~counts["category"].isin(CATCH_ALL)]
    pool = named if len(named) else counts
    by = "n_dated" if "n_dated" in pool and pool["n_dated"].sum() > 0 else "n_figures"
    ranked = pool.sort_values([by, "n_figures"], ascending=False, kind="stable")
    return str(ranked["category"].iloc[0])


def headline_figures(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    scope: str | None = None,
) -> pd.DataFrame:
    """One headline figure per category, chosen by agreement, never by size.

    Figures are grouped into events (category, place, scope and publication week; for money
    and counts of other people also the unit: pounds are not dollars, "20 individuals" not "70
    million people"). A figure that is a part of another in its article ("four children among
    the 28 dead", :mod:`analysis.figure_parts`) is not a toll and takes no part. The catch-all
    categories (:data:`analysis.summaries.CATCH_ALL`: other counts, other counts of people, other
    percentages) have no headline: their figures count different things ("two incidents", "30
    million emails"; a quarter of ballet staff and a quarter of broadband users). For each
    category the event most articles report is taken, and in it the estimate the most outlets
    (then articles) give; a tie goes to the estimate nearest the event's median. The maximum is
    nearly always an outlier or a misreading, so it is only shown as the top of the spread.
    A week of one place's reports holds several incidents (a gas attack, a mortar attack the
    same day, an air raid days later): the spread and the articles counted are the winning
    estimate's incident's, the figures nothing says are of another incident than one giving
    that estimate — its days, its kind (:data:`analysis.incident_kinds.MAY_BE_ONE_INCIDENT_SQL`,
    :func:`_in_incidents`). Money has a headline only where two articles agree on a sum, or one
    article is all its event has (its event is any sums of a week: unrelated), and no spread.

    Columns: ``category, estimate, n_articles`` (articles giving that estimate in the event),
    ``n_event_articles`` (articles reporting its incident; money: the event),
    ``estimate_low, estimate_high`` (the spread of the incident's figures) and the chosen
    figure's ``text, unit, location, claimed_by,
    article_id, start, title, published, scope`` (a running total is said to be one where it
    is shown: :data:`SCOPES`).
    """
    if summaries.covers(filters):
        return _headline_from_summaries(con, filters, scope=scope)
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES} or None, not {scope!r}")
    coded = _coded_votes(con, filters, scope)
    if coded is None:
        votes, indexed_kinds = con.execute(*_plain_votes(con, filters, scope)).fetchall(), None
    else:
        votes, indexed_kinds = coded
    chosen = _newest_of_estimates(votes)
    figures = [(row[0], *figure) for row in chosen for figure in row[-1]]
    # The top events' figures' incident kinds as the conflicts summary holds them (worked out
    # at write time; a money figure has no incident), the few it lacks worked out in the same
    # read as the chosen figures' texts. Worked out here from the sentences of the events'
    # articles, the kinds' dozen regular expressions had cost a view at a million articles
    # 0.11-0.25 s of CPU under a speaker, 0.05 s under a search (largely a fixed cost: worked
    # out for the 69 figures needed alone, still 0.05 s); read from the summary, 0.01 s.
    # (None while the summaries are behind the rows: a re-analysed article's may be stale.)
    stale = filters is not None and filters.from_rows
    kinds = {} if stale else _conflict_kinds(con, [f for f in figures if f[0] != "money"])
    lacking = {(f[3], f[4]) for f in figures if f[0] != "money" and (f[3], f[4]) not in kinds}
    if indexed_kinds is not None:
        # the article index holds them, worked out by the same SQL when it was built (under a
        # search at a million articles, 0.05 s of CPU for three figures' sentences)
        kinds |= indexed_kinds(lacking)
        lacking = set()
    texts, more = _figure_texts(con, {row[5] for row in chosen}, lacking)
    kinds |= more
    return _headline_frame(
        con,
        _in_incidents(
            con,  # the spread is the incident's
            [(*row[:4], None, None, *row[4:-1]) for row in chosen],
            [
                (category, estimate, day, article_id, kinds.get((article_id, start)), scope)
                for category, estimate, day, article_id, start, scope in figures
            ],
        ),
        texts,
    )


def _headline_from_summaries(con, filters: Filters | None, *, scope: str | None) -> pd.DataFrame:
    """:func:`headline_figures` for a view of dates and outlets, from the summaries kept at
    write time: the events from ``sum_figure_events``, the vote over the winning events'
    estimates from ``sum_figure_votes``; only the figure shown is read from the figures (at a
    million articles, the vote over the figure rows took a second, grouping them all 50 s)."""
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES} or None, not {scope!r}")
    keys = _top_events(con, filters, scope=scope)
    if not keys:
        return pd.DataFrame(columns=_HEADLINE_COLUMNS).astype(_HEADLINE_TYPES)
    cells, params = summaries.cell_where(filters)
    same = " AND ".join(f"s.{c} IS NOT DISTINCT FROM ?" for c in summaries.EVENT_KEYS)
    conds_sql = " OR ".join(f"({same})" for _ in keys)
    args = [value for *key, _n in keys for value in key]
    category_at = summaries.EVENT_KEYS.index("category")
    n_by_category = {key[category_at]: key[-1] for key in keys}
    sql = f"""
        WITH s AS MATERIALIZED (
            SELECT * FROM sum_figure_votes s WHERE {cells} AND ({conds_sql})
        ), est AS (
            -- The winning events' estimates in view, summed over cells. An outlet is one vote
            -- however many of its articles give the estimate; an article without an outlet is
            -- its own.
            SELECT s.category, s.location, s.estimate, sum(s.n_figures) AS n_figures,
                   sum(s.n_articles)::BIGINT AS n_articles,
                   count(DISTINCT s.source) + coalesce(sum(s.n_articles) FILTER (
                       WHERE s.source IS NULL), 0)::BIGINT AS n_sources,
                   -- the newest figure giving it: the latest day, then article and position
                   arg_min(s.article_id, (s.day IS NULL, -epoch(s.day), s.article_id, s.start))
                       AS article_id,
                   arg_min(s.start, (s.day IS NULL, -epoch(s.day), s.article_id, s.start))
                       AS start,
                   max(s.day) AS published
            FROM s GROUP BY s.category, s.location, s.estimate
        ), ranked AS (
            -- The median of the event's figures (as DuckDB's median interpolates it), from the
            -- figures per estimate: the values at the two middle positions.
            SELECT *, sum(n_figures) OVER (PARTITION BY category ORDER BY estimate) AS upto,
                   sum(n_figures) OVER (PARTITION BY category) AS total
            FROM est
        ), events AS (
            SELECT category,
                   min(estimate) FILTER (WHERE upto >= (total + 1) // 2) AS lo,
                   min(estimate) FILTER (WHERE upto >= total // 2 + 1) AS hi
            FROM ranked GROUP BY category
        ), chosen AS (
            SELECT est.* FROM est JOIN events e USING (category)
            QUALIFY row_number() OVER (
                PARTITION BY category ORDER BY n_sources DESC, n_articles DESC,
                abs(estimate - (e.lo + (e.hi - e.lo) * 0.5)), estimate
            ) = 1
        ), {_incident_ctes(_VOTED_FIGURES)}
        SELECT c.category, c.estimate, c.n_articles, i.n_event_articles, i.estimate_low,
               i.estimate_high, c.location, c.article_id, c.start, c.published
        FROM chosen c LEFT JOIN incident i USING (category)
    """
    chosen = con.execute(sql, [*params, *args]).fetchall()
    picked = [
        (category, estimate, n, n_by_category[category] if n_event is None else n_event, low,
         high, location, article_id, start, published)
        for category, estimate, n, n_event, low, high, location, article_id, start, published
        in chosen
    ]  # fmt: skip
    return _headline_frame(con, picked)


# The winning events' figures from their vote rows ``s`` (each article once per cell, estimate
# and incident kinds, summaries.FIGURE_KINDS_SQL), with the winning estimates ``chosen``: what
# _incident_ctes reads. Money has no incident (see _in_incidents).
_VOTED_FIGURES = """
    SELECT v.category, v.estimate, v.day AS published, v.fk.article_id AS article_id,
           v.fk.kinds AS kinds, v.scope, v.estimate = c.estimate AS won
    FROM (SELECT category, estimate, day, scope, unnest(figure_kinds) AS fk FROM s) v
    JOIN chosen c USING (category)
    WHERE v.category <> 'money'"""


# The articles that report the headline's incident and the range of their figures, per
# category (_incident_ctes): the figures of the winning event (category, estimate, published,
# article_id, kinds, scope, and ``won``: it gives the winning estimate) that give it, or
# that nothing says tell of another incident than one that does (incident_kinds
# .MAY_BE_ONE_INCIDENT_SQL: its days and kinds). An event is a week of one place's reports,
# which holds several incidents; only the winner's says how far the articles disagree.


def _incident_ctes(given: str) -> str:
    """The CTEs (``given`` … ``incident``) that give, per category, the articles reporting the
    winner's incident (``n_event_articles``) and its spread (``estimate_low``,
    ``estimate_high``). ``given``: a query of the winning events' figures (category, estimate,
    published, article_id, kinds, scope, won)."""
    return f"""given AS ({given}
    ), inc AS (
        SELECT *, {incident_kinds.incident_day_sql("given")} AS iday FROM given
    ), x AS (
        -- the rule reads these alone: the pairs joined once each (at a million articles a
        -- top event's 1,900 figures, 180 of them of the winning estimate)
        SELECT DISTINCT category, published, kinds, iday FROM inc WHERE won
    ), y AS (
        SELECT DISTINCT category, estimate, published, kinds, iday FROM inc
    ), near AS (
        SELECT DISTINCT y.category, y.estimate, y.published, y.kinds FROM y
        JOIN x ON x.category = y.category AND {incident_kinds.MAY_BE_ONE_INCIDENT_SQL}
    ), incident AS (
        SELECT category, count(DISTINCT article_id) AS n_event_articles,
               min(estimate) AS estimate_low, max(estimate) AS estimate_high
        FROM (
            SELECT category, article_id, estimate FROM inc WHERE won
            UNION ALL
            SELECT category, article_id, estimate FROM inc
            SEMI JOIN near USING (category, estimate, published, kinds)
        ) GROUP BY category
    )"""


# The figures given as parameters (a list per column), for the vote over the figure rows.
_GIVEN_FIGURES = """
        SELECT unnest(?::VARCHAR[]) AS category, unnest(?::DOUBLE[]) AS estimate,
               unnest(?::DATE[]) AS published, unnest(?::VARCHAR[]) AS article_id,
               unnest(?::BIGINT[]) AS kinds, unnest(?::VARCHAR[]) AS scope,
               unnest(?::BOOLEAN[]) AS won"""
_INCIDENT_SQL = f"""
    WITH {_incident_ctes(_GIVEN_FIGURES)}
    SELECT category, n_event_articles, estimate_low, estimate_high FROM incident
"""


def _in_incidents(con, picked: list[tuple], figures: list[tuple]) -> list[tuple]:
    """The chosen figures ``picked`` (as :func:`_headline_frame` takes them) with the articles
    of the event (``n_event_articles``) and its spread narrowed to the winner's incident
    (:data:`_INCIDENT_SQL`). ``figures``: the winning events' figures (category, estimate,
    published, article_id, kinds, scope), each article at least once per estimate, day and kinds.
    Money keeps its event: sums have no incident (nor spread, :func:`_headline_frame`)."""
    won = {row[0]: row[1] for row in picked}
    figures = [f for f in figures if f[0] != "money"]
    if not figures:
        return picked
    columns = [list(c) for c in zip(*figures, strict=True)]
    flags = [estimate == won[category] for category, estimate, *_ in figures]
    incidents = {
        category: rest
        for category, *rest in con.execute(_INCIDENT_SQL, [*columns, flags]).fetchall()
    }
    return [
        (category, estimate, n, *incidents[category], *rest)
        if category in incidents
        else (category, estimate, n, n_event, low, high, *rest)
        for category, estimate, n, n_event, low, high, *rest in picked
    ]


def _conflict_kinds(con, figures: list[tuple]) -> dict[tuple[str, int], int]:
    """The incident kinds of the ``figures`` (category, estimate, published, article_id, start,
    scope) that ``sum_conflict_figures`` holds, by (article_id, start): nearly all a headline's
    event has (dated, placed tolls)."""
    if not figures:
        return {}
    in_days, days = in_values("c.day", sorted({f[2] for f in figures}))
    in_ids, ids = in_values("c.article_id", sorted({f[3] for f in figures}))
    rows = con.execute(
        f"SELECT c.article_id, c.start, c.kinds FROM sum_conflict_figures c "
        f"WHERE {in_days} AND {in_ids}",
        [*days, *ids],
    ).fetchall()
    return {(article_id, start): kinds for article_id, start, kinds in rows}


def _figure_texts(
    con, shown: set[str], with_kinds: set[tuple[str, int]] = frozenset()
) -> tuple[dict[tuple[str, int, str], tuple], dict[tuple[str, int], int]]:
    """The figures of the articles ``shown`` with their texts and titles, by (article_id,
    start, category), as :func:`_headline_frame` shows them; and the incident kinds
    (:data:`analysis.incident_kinds.KINDS_SQL`) of the figures ``with_kinds`` (article id,
    start), stored with them (figures.kinds), read in the same pass over the figures."""
    ids = sorted(shown | {article_id for article_id, _ in with_kinds})
    # The figures read by their articles' ids in a query of their own: joined in the vote's
    # query, DuckDB read the figures whole.
    in_figures, fig_ids = in_values("x.article_id", ids)
    in_articles, art_ids = in_values("a.id", sorted(shown))
    keys = sorted(f"{article_id}:{start}" for article_id, start in with_kinds)
    kinds_sql = (
        "CASE WHEN list_contains(?::VARCHAR[], x.article_id || ':' || x.start) THEN x.kinds END"
        if keys
        else "NULL"
    )
    texts, kinds = {}, {}
    for article_id, start, category, kind, *rest in con.execute(
        "WITH x AS (SELECT * FROM figures x WHERE " + in_figures + "), "
        "a AS (SELECT id, title FROM articles a WHERE " + in_articles + ") "
        f"SELECT x.article_id, x.start, x.category, {kinds_sql}, x.text, x.unit, x.claimed_by, "
        "a.title, x.scope "
        "FROM x LEFT JOIN a ON a.id = x.article_id",
        [*fig_ids, *art_ids, *([keys] if keys else [])],
    ).fetchall():
        if article_id in shown:
            texts[(article_id, start, category)] = rest
        if (article_id, start) in with_kinds:
            kinds[(article_id, start)] = kind
    return texts, kinds


def _headline_frame(con, picked: list[tuple], texts: dict | None = None) -> pd.DataFrame:
    """The frame of :func:`headline_figures` from the chosen figures (``category, estimate,
    n_articles, n_event_articles, estimate_low, estimate_high, location, article_id, start,
    published``) with their texts and titles (``texts``, :func:`_figure_texts`, read here
    when not given)."""
    if not picked:
        return pd.DataFrame(columns=_HEADLINE_COLUMNS).astype(_HEADLINE_TYPES)
    if texts is None:
        texts, _ = _figure_texts(con, {row[7] for row in picked})
    rows = []
    for category, estimate, n, n_event, low, high, location, article_id, start, published in sorted(
        picked
    ):
        if category == "money" and n < 2 and n_event > 1:
            # A money "event" is any sums of a week in one currency (sums have no place): a sum
            # one article of several gives is what nobody agrees on. PolNeAR's headline had been
            # a college-savings column's supposed "$100,000" (1 of 8 articles once that column's
            # price was no longer money), the other seven articles' sums unrelated.
            continue
        text, unit, claimed_by, title, scope = texts[(article_id, start, category)]
        if category == "money":
            # Money has no spread: two sums of one place and week are two sums, whatever each
            # pays for (nor do they conflict: summaries.CONFLICT_FIGURE_SQL). PolNeAR's headline
            # "$100,000" (a college's cost) had the spread "12 – 55,000,000,000", a campaign's
            # $12 and a budget's billions from other stories of the week.
            low = high = estimate
        rows.append((category, estimate, n, n_event, low, high, text, unit, location, claimed_by,
                     article_id, start, title, published, scope))  # fmt: skip
    return pd.DataFrame(rows, columns=_HEADLINE_COLUMNS).astype(_HEADLINE_TYPES)


# The columns of headline_figures; the types DuckDB's frames give those that are not text
# (text columns are inferred as DuckDB's are: str, or object when every value is NULL).
_HEADLINE_COLUMNS = [
    "category", "estimate", "n_articles", "n_event_articles", "estimate_low", "estimate_high",
    "text", "unit", "location", "claimed_by", "article_id", "start", "title", "published",
    "scope",
]  # fmt: skip
_HEADLINE_TYPES = {
    "estimate": "float64", "n_articles": "int64", "n_event_articles": "int64",
    "estimate_low": "float64", "estimate_high": "float64", "start": "int32",
    "published": "datetime64[us]",
}  # fmt: skip
_WEEK = summaries.WEEK_SQL.format(day="a.published")
_UNIT_KEY = summaries.UNIT_KEY_SQL.format(f="f")
# Ties between events as many articles report: a named place, the newest week, then names.
_EVENT_ORDER = (
    "n_event_articles DESC, location IS NULL, week DESC NULLS LAST, location, scope, unit_key"
)


# An event has a week: figures of undated articles are no one event, whatever place they name
# ("Money: more than £1,000, 2 of 12 articles" joined postcards, ID cards and an airline's
# £2.1bn from twelve undated BBC stories; with their place, "£162,086, United Kingdom, 1 of 5"
# still joined a sham wedding's fee, a computer's price and a party's pledge).
_DATED = "{e}.week IS NOT NULL"


def _top_events(con, filters: Filters | None, *, scope: str | None) -> list[tuple]:
    """Each category's event most articles report, from the ``sum_figure_events`` summary:
    the event's keys (:data:`analysis.summaries.EVENT_KEYS`) and ``n_event_articles``
    (tuples: a frame would turn NULLs into NaN, which match nothing)."""
    table, where, params, one_row_per_key = summaries.table_where("sum_figure_events", filters)
    where += f" AND {_DATED.format(e='s')}"
    if scope is not None:
        where += " AND s.scope = ?"
        params = [*params, scope]
    keys = ", ".join(summaries.EVENT_KEYS)
    if one_row_per_key:  # one row per event already
        events = f"SELECT {keys}, n_articles AS n_event_articles FROM {table} s WHERE {where}"
    else:
        events = f"""SELECT {keys}, sum(n_articles) AS n_event_articles
                     FROM {table} s WHERE {where} GROUP BY {keys}"""
    return con.execute(
        # The most articles per category first, then the ties ordered: a window ordering all
        # 600,000 events of a million articles took a second.
        f"""WITH e AS ({events}), most AS (
                SELECT category, max(n_event_articles) AS n_event_articles FROM e GROUP BY ALL
            )
            SELECT {keys}, n_event_articles FROM (
                SELECT * FROM e JOIN most USING (category, n_event_articles)
                QUALIFY row_number() OVER (PARTITION BY category ORDER BY {_EVENT_ORDER}) = 1
            )""",
        params,
    ).fetchall()


def _plain_votes(con, filters: Filters | None, scope: str | None) -> tuple[str, list]:
    """``(sql, params)``: :func:`_headline_sql` over the figures in view as their texts."""
    # On a.id, the articles are narrowed first and the figures hashed once against them: under
    # a speaker filter at a million articles 1.0 s, against 2.8 s on f.article_id (a second
    # join). (The series and the timeline measured the other way round: they keep the default.)
    # The copies of the rows in view: the Overview reads the figures only here, so a copy the
    # store's scan makes costs more than it saves (filters.rows_in_view makes it on the second
    # ask), but one gathered from an article index saves: at a million articles under a
    # speaker in 4 % of the articles 0.6-0.7 s of CPU on the store, 0.26 s gathered.
    figures, articles = (rows_in_view(con, filters, t) for t in ("figures", "articles"))
    # copies hold the rows in view only: no condition on the ids (filters.in_view_sql)
    in_view = not (is_copy(figures) and is_copy(articles))
    where, params = _where(filters, scope=scope, on="a.id", in_view=in_view)
    fig = f"""
        SELECT f.article_id AS article, f.start, f.category, f.location, f.scope, a.published,
               a.source, {ESTIMATE_SQL} AS estimate, {_WEEK} AS week, {_UNIT_KEY} AS unit_key
        FROM {figures} f JOIN {articles} a ON a.id = f.article_id
        WHERE {where} AND {summaries.HEADLINE_FIGURE_SQL.format(f="f")}"""
    return _headline_sql(fig, voter="coalesce(fig.source, fig.article)"), params


def _coded_votes(con, filters: Filters | None, scope: str | None) -> tuple | None:
    """``(votes, kinds)``: the rows of :func:`_headline_sql` over the figures in view gathered
    from the article index with their names as numbers
    (:func:`analysis.filters.coded_rows_in_view`), read back as the names and ids: the rows of
    :func:`_plain_votes`; and a function giving the incident kinds of some of their figures
    (article id, start) from the index (:func:`_indexed_kinds`). The names' numbers are in their
    order, so events and votes group, rank and tie on them as on the names; an article is its
    key, and an article without an outlet votes as ``-1 - key`` (no outlet's number). None
    where no index serves the filters, the rows were gathered whole by another view, or an
    outlet is named as some article's id (in the names, it and that article are one vote). At a
    million articles under a speaker in 4 % of them (320,000 figures) the vote took 0.35-0.45 s
    of CPU gathering the rows with their names as text and grouping those."""
    coded = coded_rows_in_view(
        con, filters, "figures", _CODED_COLUMNS, articles=("published", "source")
    )
    if coded is None:
        return None
    name, index = coded
    units, voters_apart = _unit_keys(con, index)
    if not voters_apart:
        return None
    units_name = f"{name}_unit_keys"
    con.register(units_name, units)

    def codes(column: str, values) -> str:  # a list of numbers (-1, which none has, for none)
        return ", ".join(str(int(c)) for c in index.known_codes("figures", column, values) or [-1])

    scope_sql = "TRUE" if scope is None else f"f.scope IN ({codes('scope', [scope])})"
    fig = f"""
        SELECT f.article_id AS article, f.start, f.category, f.location, f.scope, f.published,
               f.source, {ESTIMATE_SQL} AS estimate,
               {summaries.WEEK_SQL.format(day="f.published")} AS week,
               CASE WHEN f.category IN ({codes("category", summaries.UNIT_KEYED)})
                    THEN u.unit_key END AS unit_key
        FROM {name} f LEFT JOIN {units_name} u ON u.unit = f.unit
        WHERE {scope_sql} AND f.category NOT IN ({codes("category", summaries.CATCH_ALL)})
          AND {summaries.HEADLINE_VALUES_SQL.format(f="f")}"""
    rows = con.execute(_headline_sql(fig, voter="coalesce(fig.source, -1 - fig.article)"))
    votes, keys = _named_votes(index, rows.fetchall())
    return votes, lambda wanted: _indexed_kinds(index, keys, wanted)


def _indexed_kinds(index, keys: dict[str, int], wanted: set[tuple[str, int]]) -> dict:
    """The incident kinds (:data:`analysis.incident_kinds.KINDS_SQL`, kept by the article
    ``index``) of the figures ``wanted`` (article id, start), whose articles' keys ``keys``
    holds, by (article id, start)."""
    if not wanted:
        return {}
    ids = {keys[article_id]: article_id for article_id, _ in wanted}
    rows = index.coded_table("figures", sorted(ids), ("start", "kinds"), with_key=True)
    found = ((ids[row["article_key"]], row["start"], row["kinds"]) for row in rows.to_pylist())
    return {(a, start): kinds for a, start, kinds in found if (a, start) in wanted}


# The figures' columns the headline reads from the article index (_coded_votes).
_CODED_COLUMNS = (
    "start", "category", "location", "scope", "unit", "value", "low", "high", "part_of",
)  # fmt: skip
# Per article index: the units' keys (summaries.UNIT_KEY_SQL's lower(unit)) as numbers in
# their order, and whether no outlet is named as an article's id.
_UNIT_KEYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _unit_keys(con, index) -> tuple:
    """``(units, voters_apart)`` of the article ``index``: a table of each unit's number
    (``unit``) and its key's (``unit_key``: its lower case, numbered in the order of the lower
    cases, so "Pounds" and "pounds" are one); and whether no outlet is named as an article's id
    (_coded_votes). Worked out once per index, the lower case by DuckDB as the SQL takes it."""
    import pyarrow as pa

    found = _UNIT_KEYS.get(index)
    if found is None:
        names = index.dictionary("figures", "unit")
        units = con.from_arrow(pa.table({"unit": pa.array(range(len(names)), pa.int32()),
                                         "name": names}))  # fmt: skip
        ranked = units.query(
            "units",
            "SELECT unit, (dense_rank() OVER (ORDER BY lower(name)) - 1)::INTEGER AS unit_key "
            "FROM units ORDER BY unit",
        ).to_arrow_table()
        found = (ranked, not index.any_id_in(index.dictionary("articles", "source")))
        _UNIT_KEYS[index] = found
    return found


def _named_votes(index, rows: list[tuple]) -> tuple[list[tuple], dict[str, int]]:
    """The rows of :func:`_headline_sql` over coded figures (:func:`_coded_votes`) with their
    categories, places and scopes as names and their articles as ids; and the articles' keys
    by id."""
    import pyarrow as pa

    def named(column: str, codes: list) -> list:
        return index.names("figures", column, [-1 if c is None else c for c in codes])

    figs = [fig for *_, given in rows for fig in given]
    keys = [f[2] for f in figs]
    ids = index.gather_ids(pa.array(keys, pa.int64())).to_pylist()
    keys_by_id = dict(zip(ids, keys, strict=True))
    ids = iter(ids)
    scopes = iter(named("scope", [f[4] for f in figs]))
    categories = named("category", [row[0] for row in rows])
    locations = named("location", [row[4] for row in rows])
    named_rows = []
    for (_, estimate, n, n_event, _, given), category, location in zip(
        rows, categories, locations, strict=True
    ):
        given = [
            (e, published, next(ids), start, next(scopes)) for e, published, _, start, _ in given
        ]
        named_rows.append((category, estimate, n, n_event, location, given))
    return named_rows, keys_by_id


def _newest_of_estimates(votes: list[tuple]) -> list[tuple]:
    """The chosen figure of each category from the rows of :func:`_headline_sql` (``category,
    estimate, n_articles, n_event_articles, location, figs``): the newest figure giving the
    winning estimate in its event (the latest day, then article id and position), as ``category,
    estimate, n_articles, n_event_articles, location, article_id, start, published, figs``."""
    chosen = []
    for category, estimate, n, n_event, location, figs in votes:
        newest = min(
            (f for f in figs if f[0] == estimate),
            key=lambda f: (f[1] is None, -f[1].toordinal() if f[1] else 0, f[2], f[3]),
        )
        chosen.append((category, estimate, n, n_event, location, newest[2], newest[3], newest[1],
                       figs))  # fmt: skip
    return chosen


# Over 60 lines: one SQL statement whose steps (events, votes, the chosen estimate) read in
# order; split into Python pieces, the query would no longer read as one.
def _headline_sql(fig: str, *, voter: str) -> str:
    """The vote of :func:`headline_figures` over ``fig``, a query of the headline's figures in
    view (``article, start, category, location, scope, published, source, estimate, week,
    unit_key``; the names and articles as text, or as the article index's numbers): each
    category's winning estimate in its top event, ``category, estimate, n_articles,
    n_event_articles, location``, and the event's figures ``figs`` (estimate, published,
    article, start, scope: see :func:`_newest_of_estimates` and :func:`_in_incidents`).
    ``voter``: an outlet's vote (one per outlet; an article without one is its own)."""
    return f"""
        WITH fig AS MATERIALIZED (
            -- Only what the vote needs: a million articles' figures with their texts and
            -- titles did not fit the dashboard's memory; those are read for the one chosen.
            {fig}
        ), events AS (
            SELECT category, location, scope, week, unit_key,
                   count(DISTINCT article) AS n_event_articles
            FROM fig WHERE {_DATED.format(e="fig")} GROUP BY ALL
        ), top_event AS (
            SELECT * FROM events
            QUALIFY row_number() OVER (PARTITION BY category ORDER BY {_EVENT_ORDER}) = 1
        ), top AS MATERIALIZED (
            -- the top events' figures, picked out once: the vote, its median and the
            -- headline's incident (_in_incidents) read these alone (at a million articles
            -- 111 of 176,000; the median of every event and two joins cost a third more CPU)
            SELECT fig.* FROM fig JOIN top_event e ON fig.category = e.category
             AND fig.location IS NOT DISTINCT FROM e.location
             AND fig.scope IS NOT DISTINCT FROM e.scope AND fig.week IS NOT DISTINCT FROM e.week
             AND fig.unit_key IS NOT DISTINCT FROM e.unit_key
        ), votes AS (
            SELECT category, estimate, count(DISTINCT {voter}) AS n_sources,
                   count(DISTINCT article) AS n_articles
            FROM top fig GROUP BY category, estimate
        ), med AS (
            SELECT category, median(estimate) AS med FROM top GROUP BY category
        ), chosen AS (
            SELECT * FROM votes JOIN med USING (category) QUALIFY row_number() OVER (
                PARTITION BY category
                ORDER BY n_sources DESC, n_articles DESC, abs(estimate - med), estimate
            ) = 1
        ), figs AS (
            SELECT category, list((estimate, published, article, start, scope)) AS figs
            FROM top GROUP BY category
        )
        SELECT c.category, c.estimate, c.n_articles, e.n_event_articles, e.location, f.figs
        FROM chosen c JOIN top_event e USING (category) JOIN figs f USING (category)
        ORDER BY c.category
    """


def conflict_groups(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str | None = None,
    min_relative_difference: float = 0.0,
    limit: int = 200,
    scope: str | None = None,
    window_days: int = INCIDENT_DAYS,
) -> pd.DataFrame:
    """The disagreements to show a reader, newest first: for each figure, the pair it makes
    with the most distant figure it conflicts with (see :func:`conflicting_figures` for what
    conflicts), so one outlier does not fill the table with every pair it makes.

    Columns: ``published, category, unit, location, scope, days_apart`` and the lower and higher
    figure's ``estimate, text, claimed_by, article_id, start, sentence, title, published``
    (``*_low``/``*_high``): enough to link both sentences.
    """
    # Only the newest ``limit`` disagreements are shown, so only the newest figures are paired:
    # a self-join of every figure is quadratic in each place's figures (20 GB of pairs at 50,000
    # articles). A pair published on or after ``cutoff`` only involves figures within one window
    # before it, and whether it survives the two de-duplications depends on figures at most three
    # windows before it; so pairing the figures from ``cutoff - 3 windows`` on gives exactly the
    # rows on or after ``cutoff``. The span starts at two windows (6 days; at a million articles
    # four windows paired 21 days of figures into 440,000 pairs, for the 200 rows shown, and
    # one window held 198 of a year's 200 rows, so a second span was paired: a year's conflicts
    # 0.29 → 0.53 s of CPU; from two windows 0.32–0.35 s in one query) and grows until it holds
    # ``limit`` rows or the view.
    first, last = _dates_in_view(con, filters)
    # The view's length in days, against which the span is measured (not the cutoff against the
    # first day: a span grown 64-fold at once can reach before the year 1, an OverflowError on a
    # store whose dates run 70 years, e.g. a few articles of 1945 in one of 2017).
    days = None if first is None or last is None else (_as_day(last) - _as_day(first)).days
    span = 2 * max(window_days, 1)
    while True:
        full = days is None or span >= days
        cutoff = None if full else _as_day(last) - timedelta(days=span)
        kept = _conflict_pairs(
            con,
            filters,
            category=category,
            min_relative_difference=min_relative_difference,
            scope=scope,
            window_days=window_days,
            limit=limit,
            cutoff=None if full else cutoff,
        )
        if full or len(kept) >= limit:
            # the texts only of the pairs shown (read for each span tried, they cost a third
            # of an outlet's conflicts at a million articles)
            return _conflict_texts(con, filters, kept)
        # Grow by what the rows found so far promise, twice over (a sparse view, e.g. one
        # outlet, would otherwise pair its figures five times over before reaching its first
        # years); a window just short of the limit only doubles (198 of 200 rows in a year's
        # last days at a million articles had quadrupled the span: 0.21 s more of pairs).
        span *= max(2, min(64, 2 * limit // max(len(kept), 1)))


def _dates_in_view(con: duckdb.DuckDBPyConnection, filters: Filters | None) -> tuple:
    """The first and last publication day of the articles in view: the span of the pairs
    starts from the view's last day, not the store's (a year filtered out of a store that runs
    years later paired every figure of that year over and over, a minute at a million)."""
    served = None if summaries.covers(filters) else served_by_index(con, filters)
    if served is not None:
        # the articles' days from the index (the articles gathered whole with their titles for
        # this: 0.05 s of CPU under a speaker in 4 % of a million articles)
        import pyarrow.compute as pc

        index, keys = served
        days = pc.min_max(index.article_column("published", keys))
        return days["min"].as_py(), days["max"].as_py()
    if summaries.covers(filters):
        where, params = summaries.cell_where(filters)
        sql = f"SELECT min(s.day), max(s.day) FROM sum_articles s WHERE {where}"
    else:
        sub, params = article_ids_sql(filters)
        articles = rows_in_view(con, filters, "articles")  # the copy the pairing reads too
        sql = f"SELECT min(a.published), max(a.published) FROM {articles} a WHERE a.id IN ({sub})"
    return con.execute(sql, params).fetchone()


# The pairing's costly tests (the incident's, the marks'), read on the candidate pairs copied
# out of the join: written as the join's conditions, DuckDB worked each of them out whole on
# every candidate pair, where a filter skips the rest of a conjunction once a test fails; at a
# million articles a year's conflicts took 0.20 s of CPU to pair, 0.14 s this way. The figures x
# and y are the copy's columns ``x_…`` and ``y_…`` (:data:`_PAIR_COLUMNS`).
_PAIRED = (
    "article_id", "start", "category", "location", "scope", "published", "estimate", "class",
    "claimant", "kinds", "whole", "iday",
)  # fmt: skip
_PAIR_COLUMNS = ", ".join(f"{e}.{c} AS {e}_{c}" for e in "xy" for c in _PAIRED)
_PAIR_TESTS = re.sub(
    r"\b([xy])\.",
    r"\1_",
    f"{SAME_INCIDENT_SQL} AND {NOT_PART_OF_WIDER_SQL} AND {_NOT_RISEN_SQL}"
    " AND (y.estimate - x.estimate) >= ? * greatest(abs(x.estimate), abs(y.estimate))"
    f" AND {_NOT_REPLACED_SQL} AND {_NOT_TOLD_SQL} AND {_SAME_WHOLE_SQL}",
)


def _conflict_pairs(
    con, filters, *, category, min_relative_difference, scope, window_days, limit, cutoff
) -> list[tuple]:
    """The pairs :func:`conflict_groups` shows, published on or after ``cutoff`` (None: all), as
    :data:`_KEPT_COLUMNS` (their texts are read by :func:`_conflict_texts`).

    The pairs are made and de-duplicated in SQL on narrow rows (ids, estimates): from the
    ``sum_conflict_figures`` summary for a view of dates and outlets, else from the figures;
    only the ``limit`` rows kept are joined back to their texts. The orderings reproduce a
    stable sort of the pairs (in :func:`conflicting_figures`' order) by gap, keeping each lower
    figure's widest disagreement, then each higher figure once, then newest first."""
    first_day = None if cutoff is None else cutoff - timedelta(days=3 * window_days)
    # by number where coded rows serve the filters (_coded_comparable), their rows named after
    coded = _coded_comparable(con, filters, category=category, scope=scope, since=first_day)
    if coded is not None:
        source, params, named = coded
    else:
        source, params = _comparable_narrow(
            con, filters, category=category, scope=scope, since=first_day
        )
        named = None
    marks, mark_params = "src", []
    if scope is not None:  # the marks of every scope (see _REPLACED_SQL)
        if coded is not None:
            every, mark_params, _ = _coded_comparable(
                con, filters, category=category, scope=None, since=first_day
            )
        else:
            every, mark_params = _comparable_narrow(
                con, filters, category=category, scope=None, since=first_day
            )
        marks = f"({_with_day(every)})"

    def first_key(group: str) -> str:
        # The pair first within a group by gap (widest first), then newest, then every other
        # column, so that ties fall the same way on every run and thread count: arg_min's key
        # (the group's own columns left out). At a million articles a year's 293,000 pairs
        # took 0.27 s of CPU to rank with row_number() over a window, 0.10 s with arg_min.
        keys = ["-gap", "-(published - DATE '1970-01-01')", "category", "location", "ea", "eb"]
        keys += [k for k in ("ida", "sa", "idb", "sb") if k not in group.split(", ")]
        return ", ".join(keys)

    band = max(int(window_days), 1)
    sql = f"""
        WITH src AS (
            {_with_day(source)}
        ), every AS (SELECT * FROM {marks}), sup AS ({_REPLACED_SQL.format(src="every")}),
        told AS ({_TOLD_SQL.format(src="every")}),
        fig AS (
            -- One figure per identical claim (same thing counted, place, day, claimant, range):
            -- many articles repeating one claim made pairs by the square of their number (19,000
            -- articles on one day of a replicated store made billions).
            SELECT * FROM src
            QUALIFY row_number() OVER (PARTITION BY category, class, location, scope, published,
                    claimant, lo, hi, estimate, whole ORDER BY article_id, start) = 1
        ), {_BANDS.format(w=band)}, cand AS MATERIALIZED (
            SELECT {_PAIR_COLUMNS} FROM banded x JOIN near y
              ON x.category = y.category AND x.class = y.class AND x.location = y.location
             AND x.band = y.near AND x.scope IS NOT DISTINCT FROM y.scope
             AND abs(date_diff('day', x.published, y.published)) <= ?
             AND x.claimant <> y.claimant AND x.article_id <> y.article_id
             AND x.hi < y.lo AND x.scope IS DISTINCT FROM 'background'
             AND {incident_kinds.SHARED_KIND_SQL}
        ), p AS (
            SELECT greatest(x_published, y_published) AS published, x_category AS category,
                   x_location AS location, x_scope AS scope, x_article_id AS ida, x_start AS sa,
                   y_article_id AS idb, y_start AS sb, x_estimate AS ea, y_estimate AS eb,
                   y_estimate - x_estimate AS gap
            FROM cand
            WHERE {_PAIR_TESTS}
        ), widest AS (
            SELECT unnest(w) FROM (
                SELECT arg_min(p, ({first_key("ida, sa")})) AS w FROM p GROUP BY ida, sa
            )
        ), once AS (
            SELECT unnest(w) FROM (
                SELECT arg_min(widest, ({first_key("idb, sb")})) AS w FROM widest GROUP BY idb, sb
            )
        )
        SELECT published, category, location, scope, ida, sa, idb, sb, ea, eb, gap
        FROM once {"WHERE published >= ?" if cutoff is not None else ""}
        ORDER BY published DESC, category, location, gap DESC, ea, eb, ida, sa, idb, sb LIMIT ?
    """
    since = [] if cutoff is None else [cutoff]
    args = [
        *params, *mark_params, int(window_days), float(min_relative_difference), *since,
        int(limit),
    ]  # fmt: skip
    kept = con.execute(sql, args).fetchall()
    return kept if named is None else named(kept)


def _comparable_narrow(con, filters, *, category, scope, since) -> tuple[str, list]:
    """``(sql, params)``: the figures that can conflict in view, published on or after ``since``
    (None: all), as narrow rows (``article_id, start, category, class, location, scope,
    published, estimate, lo, hi, claimant``): from the summary kept at write time when the view
    is of dates and outlets (read in day order, only the days asked for), else from the rows."""
    if not summaries.covers(filters):
        figures, articles, where, params = _rows_where(con, filters, category=category, scope=scope)
        if since is not None:
            where += " AND a.published >= ?"
            params.append(since)
        return _comparable_sql(where, _NARROW, figures, articles), params
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES} or None, not {scope!r}")
    where, params = summaries.cell_where(filters)
    for column, value in (("category", category), ("scope", scope), ("day", since)):
        if value is not None:
            where += f" AND s.{column} {'>=' if column == 'day' else '='} ?"
            params.append(value)
    return (
        "SELECT s.article_id, s.start, s.category, s.location, s.scope, s.day AS published, "
        "s.estimate, s.class, s.lo, s.hi, s.claimant, s.kinds, s.whole "
        f"FROM sum_conflict_figures s WHERE {where}"
    ), params


# The texts of the pairs kept, by position in the list (the pairs' order).
_KEPT_COLUMNS = (
    ("published", "DATE"), ("category", "VARCHAR"), ("location", "VARCHAR"),
    ("scope", "VARCHAR"), ("ida", "VARCHAR"), ("sa", "INTEGER"), ("idb", "VARCHAR"),
    ("sb", "INTEGER"), ("ea", "DOUBLE"), ("eb", "DOUBLE"), ("gap", "DOUBLE"),
)  # fmt: skip


def _conflict_texts(con, filters: Filters | None, kept: list[tuple]) -> pd.DataFrame:
    """The conflict rows of the pairs ``kept`` (as :func:`_conflict_pairs` selects them), with
    both figures' texts, sentences and articles. The texts are read in a query of their own
    (joined to the pairing, DuckDB read every figure): the kept figures found by their row ids
    (:func:`analysis.filters.kept_rows`) when a copy of the rows in view or an article index
    serves the filters, their sentences then read from the index (at a million articles the
    store's whole rows of 400 articles took 0.1-0.4 s); else by the kept figures' article ids."""
    columns = (
        [list(col) for col in zip(*kept, strict=True)] if kept else [[] for _ in _KEPT_COLUMNS]
    )
    unnest = ", ".join(f"unnest(?::{sql_type}[]) AS {name}" for name, sql_type in _KEPT_COLUMNS)
    ids = sorted({*columns[4], *columns[6]})
    # With an article index, the kept pairs' articles pinned: their figures and titles gathered
    # from it (found in the store, at a million articles 0.1-0.25 s of the Figures page's
    # first view of a year, most of it reading every figure's article id)
    view = pin_articles(con, (filters or Filters()).id_version, ids) if ids else None
    view = view or filters
    figures, articles = (rows_in_view(con, view, t, make=False) for t in ("figures", "articles"))
    indexed = article_index.reader_index(con, (filters or Filters()).id_version) is not None
    if is_copy(figures) or indexed:
        # The kept figures' row ids (from the copy, or the store's narrow columns), then their
        # rows with their sentences from the index when there is one (kept_rows): at a million
        # articles the store's whole rows of the conflicts' articles took 0.2-0.4 s.
        ends = sorted(
            {*zip(columns[4], columns[5], strict=True), *zip(columns[6], columns[7], strict=True)}
        )
        in_ids, id_params = in_values("f.article_id", ids)
        rowids = con.execute(
            f"SELECT {store_rowid(figures, 'f')} FROM {figures} f "
            "JOIN (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::INTEGER[]) AS start) k "
            f"ON k.id = f.article_id AND k.start = f.start WHERE {in_ids}",
            [[i for i, _ in ends], [s for _, s in ends], *id_params],
        ).fetchall()
        in_figures, fig_ids = kept_rows(con, view, "figures", figures, (r for (r,) in rowids))
    else:
        where, fig_ids = in_values("f.article_id", ids)
        in_figures = f"(SELECT * FROM figures f WHERE {where})"
    in_articles, art_ids = kept_articles(articles, ids)
    sql = f"""
        WITH k AS (
            SELECT {unnest}, unnest(range(?)) AS ord
        ), f AS (
            SELECT * FROM {in_figures}
        ), a AS (
            SELECT id, title, published FROM {in_articles}
        ), texts AS (
            SELECT f.article_id, f.start, f.category, f.unit, f.text, f.claimed_by, f.sentence,
                   a.title, a.published, {ESTIMATE_SQL} AS estimate
            FROM f JOIN a ON a.id = f.article_id
        )
        SELECT k.published, k.category, x.unit, k.location, k.scope,
               abs(date_diff('day', x.published, y.published)) AS days_apart,
               x.estimate AS estimate_low, x.text AS text_low, x.claimed_by AS claimed_by_low,
               k.ida AS article_id_low, k.sa AS start_low, x.sentence AS sentence_low,
               x.title AS title_low, x.published AS published_low,
               y.estimate AS estimate_high, y.text AS text_high, y.claimed_by AS claimed_by_high,
               k.idb AS article_id_high, k.sb AS start_high,
               y.sentence AS sentence_high, y.title AS title_high, y.published AS published_high
        FROM k
        JOIN texts x ON x.article_id = k.ida AND x.start = k.sa AND x.category = k.category
        JOIN texts y ON y.article_id = k.idb AND y.start = k.sb AND y.category = k.category
        ORDER BY k.ord
    """
    return con.execute(sql, [*columns, len(kept), *fig_ids, *art_ids]).df()


def _as_day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def category_counts(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    scope: str | None = None,
) -> pd.DataFrame:
    """``category, n_figures, n_articles, n_dated`` in view, most reported first. ``n_dated``
    counts the figures of dated articles, the ones a timeline can place: on the mixed store the
    BBC's undated business stories give 2,782 sums of money, of which 834 have a day."""
    if summaries.covers(filters):
        if scope is not None and scope not in SCOPES:
            raise ValueError(f"scope must be one of {SCOPES} or None, not {scope!r}")
        table, where, params, _ = summaries.table_where("sum_figures", filters)
        articles = "n_articles_category"
        if scope is not None:
            where += " AND s.scope = ?"
            params.append(scope)
            articles = "n_articles"
        dated_sql, dated_params = _dated_summary(filters, scope)
        sql = (
            "SELECT c.category, c.n_figures, c.n_articles, "
            "COALESCE(d.n_dated, 0)::BIGINT AS n_dated FROM ("
            "SELECT category, sum(n_figures)::BIGINT AS n_figures, "
            f"sum({articles})::BIGINT AS n_articles FROM {table} s WHERE {where} "
            f"GROUP BY category) c LEFT JOIN ({dated_sql}) d USING (category) "
            "ORDER BY c.n_figures DESC, c.category"
        )
        return con.execute(sql, params + dated_params).df()
    coded = _coded_counts(con, filters, scope=scope)
    if coded is not None:
        return coded
    figures, articles, where, params = _rows_where(con, filters, scope=scope)
    sql = (
        "SELECT f.category, count(*) AS n_figures, count(DISTINCT f.article_id) AS n_articles, "
        "count(*) FILTER (WHERE a.published IS NOT NULL) AS n_dated "
        f"FROM {figures} f JOIN {articles} a ON a.id = f.article_id WHERE {where} "
        "GROUP BY f.category ORDER BY n_figures DESC, f.category"
    )
    return con.execute(sql, params).df()


def _dated_summary(filters: Filters | None, scope: str | None) -> tuple[str, list]:
    """``(sql, params)``: figures of dated articles per category from the summaries. Under a
    date range every article in view is dated, and the summary read holds them all; without
    one the all-time and outlet totals have no day, so the month totals (dated days only) or,
    for outlets, the cells of dated days are read."""
    f = filters or Filters()
    if f.date_from or f.date_to:
        table, where, params, _ = summaries.table_where("sum_figures", filters)
    elif not f.sources:
        table, where, params = "sum_figures_month", "TRUE", []
    else:
        where, params = summaries.cell_where(filters)
        table, where = "sum_figures", where + " AND s.day IS NOT NULL"
    if scope is not None:
        where += " AND s.scope = ?"
        params = [*params, scope]
    return (
        f"SELECT category, sum(n_figures)::BIGINT AS n_dated FROM {table} s WHERE {where} "
        "GROUP BY category",
        list(params),
    )


def figure_series(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str,
    places: int = 8,
    scope: str | None = None,
    unit: str | None = None,
    groups: int = GROUPS_CHARTED,
    max_points: int | None = None,
    period: str | None = None,
) -> pd.DataFrame:
    """A category over publication dates for its ``places`` most reported locations and the
    ``groups`` groups most counted there, one row per day, place, scope and group counted:
    ``published, location, scope, n_figures, estimate_median, estimate_min, estimate_max,
    claimants``, one figure to show (``article_id, start, text, unit, claimed_by,
    approximate`` of the figure closest to the median) and ``counted`` (:data:`COUNTED_SQL`: a
    day's tolls of civilians, of children and of everyone at a place are three rows, news or
    running totals). Where days would make more than ``max_points`` rows (default
    :data:`SERIES_MAX_POINTS`), a row is a week's figures (or a month's: :func:`_in_periods`),
    unless ``period`` (one of :data:`SERIES_PERIODS`) is given; the column ``period`` says
    which, ``published`` is the period's first day and ``last`` its last (a day's row: both
    the day). A part whose whole is charted is left out
    (:data:`CHARTED_WHOLE_SQL`: "33 children" of "112 civilians" is inside the 112; the day's
    figures list it). Sized for a chart whatever the store's size; the day's figures
    themselves come from :func:`figure_table`. ``unit``: the figures of that unit only (money
    in one currency, :func:`figure_units`: a day's median of dollars and pounds is no sum in
    either). ``scope=None`` (all figures) still gives each scope its own rows: one median over
    a day's "10 killed today" and "400,000 killed since 2011" was neither (Syria in 2016:
    whiskers from 24 to 470,000).
    """
    if unit is None and summaries.covers(filters) and not (filters and filters.sources):
        return _summary_series(
            con, filters, category=category, places=places, scope=scope, groups=groups,
            max_points=max_points, period=period,
        )  # fmt: skip
    # Outlets (the summary has no outlet): their articles pinned, their figures gathered from
    # the article index when one serves the store (at 1M the largest outlet's 1,480 articles'
    # figures were found by reading 6 million figures' article ids: 0.18-0.23 s)
    filters = pin_in_view(con, filters) or filters
    coded = _coded_series(
        con, filters, category=category, places=places, scope=scope, unit=unit, groups=groups,
        max_points=max_points, period=period,
    )  # fmt: skip
    if coded is not None:
        return coded
    figures, articles, where, params = _rows_where(
        con, filters, category=category, scope=scope, unit=unit
    )
    # the store's row id (a copy of the rows in view keeps it as a column, and the texts shown)
    rid = store_rowid(figures, "f")
    # Narrow rows, and the one figure shown per day and place read by its row id at the end:
    # a million articles' figures with their texts and sentences took seconds to read.
    ctes = f"""
        picked AS MATERIALIZED (
            SELECT {rid} AS rid, f.article_id, f.start, f.part_of, a.published,
                   coalesce(f.location, '{NO_PLACE}') AS place, f.scope,
                   {ESTIMATE_SQL} AS estimate, f.claimed_by, f.approximate, f.unit
            FROM {figures} f JOIN {articles} a ON a.id = f.article_id
            WHERE {where} AND a.published IS NOT NULL AND {ESTIMATE_SQL} IS NOT NULL
                AND f.scope IS NOT NULL
        ), units AS (
            -- the group counted is the unit's (its last word's): worked out once per unit, not
            -- per figure (its regular expressions and map took a third of the view's CPU under
            -- a speaker at a million articles: 185,000 killed figures, 2,000 units)
            SELECT f.unit, {COUNTED_SQL} AS counted FROM (SELECT DISTINCT unit FROM picked) f
        ), every AS MATERIALIZED (
            SELECT p.* EXCLUDE (unit), u.counted
            FROM picked p JOIN units u ON u.unit IS NOT DISTINCT FROM p.unit
        ), fig AS MATERIALIZED (
            -- but a part whose whole is charted (CHARTED_WHOLE_SQL): the whole, of the same
            -- category and scope, is among these figures (a part's article's)
            SELECT * FROM every f
            WHERE f.part_of IS NULL OR NOT EXISTS (
                SELECT 1 FROM every w
                WHERE w.article_id = f.article_id AND w.start = f.part_of AND w.scope = f.scope
            )
        ), top AS (
            SELECT place FROM fig GROUP BY place ORDER BY count(*) DESC, place LIMIT ?
        ), groups AS (
            SELECT counted FROM fig WHERE place IN (SELECT place FROM top)
            GROUP BY counted ORDER BY count(*) DESC, counted LIMIT ?
        ), day AS (
            SELECT published, place, scope, counted, quantile_disc(estimate, 0.5) AS med FROM fig
            WHERE place IN (SELECT place FROM top) AND counted IN (SELECT counted FROM groups)
            GROUP BY published, place, scope, counted
        ), series AS (
            SELECT f.published, f.place AS location, f.scope, f.counted, count(*) AS n_figures,
                   any_value(d.med) AS estimate_median, min(f.estimate) AS estimate_min,
                   max(f.estimate) AS estimate_max,
                   list_sort(list_distinct(list(f.claimed_by)
                       FILTER (WHERE f.claimed_by IS NOT NULL))) AS claimants,
                   -- the figure closest to the median (ties: by article and place in it)
                   arg_min(f.rid, (abs(f.estimate - d.med), f.article_id, f.start)) AS rid,
                   bool_or(f.approximate) AS approximate,
                   list_sort(list(f.estimate)) AS estimates
            FROM fig f JOIN day d
                ON d.published = f.published AND d.place = f.place AND d.scope = f.scope
                AND d.counted IS NOT DISTINCT FROM f.counted
            GROUP BY f.published, f.place, f.scope, f.counted
        )"""
    rows = """
        SELECT published, location, scope, n_figures, estimate_median, estimate_min,
               estimate_max, claimants, approximate, counted, estimates, rid FROM series"""
    picks = f"JOIN {figures} x ON {store_rowid(figures, 'x')} = q.rid"
    sql, extra = _in_periods(ctes, rows, picks, max_points, period)
    return con.execute(sql, [*params, int(places), int(groups), *extra]).df()


# The columns of the figure shown in each row of a series, read from its row ``x`` (_in_periods).
_SHOWN = "x.article_id, x.start, x.text, x.unit, x.claimed_by"


def _in_periods(
    ctes: str,
    rows: str,
    picks: str,
    max_points: int | None,
    period: str | None = None,
    shown: str = _SHOWN,
) -> tuple[str, list]:
    """``(sql, params)``: the day rows ``rows`` (of :func:`figure_series`, with every figure's
    ``estimates`` and ``rid``, the row id of the day's figure shown; after the CTEs ``ctes``)
    by ``period``, or when it is None as they are, by week where they would be more than
    ``max_points``, or by month where weeks would be too. A period's median is that of its
    figures' estimates, its range theirs, its figure shown that of the day whose median is
    nearest (then the earliest), read by ``picks`` (a join of ``x`` on ``q.rid``) as ``shown``
    (article_id, start, text, unit, claimed_by). Adds
    ``period`` and ``last`` (the period's last day). (Grouped once, the figure shown picked
    from each period's list of days: a join of the periods' medians back to their days had
    taken a fifth more at a million articles.)"""
    if period is not None and period not in SERIES_PERIODS:
        raise ValueError(f"period must be one of {SERIES_PERIODS} or None, not {period!r}")
    keys = "location, scope, counted"
    if max_points is None:
        max_points = SERIES_MAX_POINTS
    sql = f"""
        WITH {ctes}, rows AS MATERIALIZED ({rows}
        ), n AS (
            SELECT count(*) AS days,
                   count(DISTINCT (date_trunc('week', published), {keys})) AS weeks
            FROM rows
        ), g AS (
            SELECT coalesce(?::VARCHAR, CASE WHEN days <= ? THEN 'day' WHEN weeks <= ?
                       THEN 'week' ELSE 'month' END) AS period FROM n
        ), p AS (
            SELECT date_trunc((SELECT period FROM g), published)::DATE AS first, {keys},
                   sum(n_figures)::BIGINT AS n_figures,
                   list_aggr(flatten(list(estimates)), 'quantile_disc', 0.5)
                       AS estimate_median,
                   min(estimate_min) AS estimate_min, max(estimate_max) AS estimate_max,
                   list_sort(list_distinct(flatten(list(claimants)))) AS claimants,
                   bool_or(approximate) AS approximate,
                   list({{'m': estimate_median, 'day': published, 'rid': rid}}) AS days
            FROM rows GROUP BY ALL
        ), q AS (
            SELECT * EXCLUDE (days),
                   list_min(list_transform(days, lambda d: {{
                       'off': abs(d.m - estimate_median), 'day': d.day, 'rid': d.rid
                   }})).rid AS rid
            FROM p
        )
        SELECT q.first AS published, q.location, q.scope, q.n_figures, q.estimate_median,
               q.estimate_min, q.estimate_max, q.claimants, {shown}, q.approximate, q.counted,
               g.period,
               (CASE g.period WHEN 'day' THEN q.first
                    ELSE q.first + ('1 ' || g.period)::INTERVAL - INTERVAL 1 DAY
               END)::DATE AS last
        FROM q {picks} CROSS JOIN g
        ORDER BY published, location, scope, counted
    """
    return sql, [period, int(max_points), int(max_points)]


def figure_units(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str,
    scope: str | None = None,
) -> pd.DataFrame:
    """``unit, n_figures, n_dated`` of a category's figures in view (``n_dated``: of dated
    articles), the most reported first (the Figures page charts money one currency at a time:
    the store keeps no exchange rates)."""
    coded = _coded_figures(con, filters)
    if coded is not None:  # by number, as the page's other views (a gather whole costs more)
        name, index = coded
        where = _coded_where(index, scope=scope, category=category)
        sql = (
            "SELECT f.unit, count(*) AS n_figures, "
            "count(*) FILTER (WHERE f.published IS NOT NULL) AS n_dated "
            f"FROM {name} f WHERE {where} AND f.unit IS NOT NULL "
            "GROUP BY f.unit ORDER BY n_figures DESC, f.unit"
        )
        return named_frame(con, sql, [], index, "figures", {"unit": "unit"})
    figures, articles, where, params = _rows_where(con, filters, category=category, scope=scope)
    sql = (
        "SELECT f.unit, count(*) AS n_figures, "
        "count(*) FILTER (WHERE a.published IS NOT NULL) AS n_dated "
        f"FROM {figures} f JOIN {articles} a ON a.id = f.article_id "
        f"WHERE {where} AND f.unit IS NOT NULL GROUP BY f.unit ORDER BY n_figures DESC, f.unit"
    )
    return con.execute(sql, params).df()


def charted_units(units: pd.DataFrame) -> list[str]:
    """The currencies of ``units`` (:func:`figure_units`) a timeline can place: those with
    figures in dated articles, in its order. A choice among the others changes nothing drawn:
    of the BBC's undated articles the Figures page offered twelve currencies above a chart it
    could not draw, and its report titled a table of every currency "in USD"."""
    return units.loc[units["n_dated"] > 0, "unit"].astype(str).tolist()


def charted_unit(units: pd.DataFrame, chosen: str | None = None) -> str | None:
    """The one currency a money timeline charts: ``chosen`` if the timeline can place it, else
    :func:`opening_unit`; ``None`` where there is nothing to choose (one currency, which needs
    no naming, or none a timeline can place)."""
    charted = charted_units(units)
    if len(units) < 2 or not charted:
        return None
    return chosen if chosen in charted else opening_unit(units)


def opening_unit(units: pd.DataFrame) -> str | None:
    """The currency a money chart opens on: the one with most figures a timeline can place (in
    dated articles), as :func:`opening_category` chooses the category; where none is dated, the
    most reported. ``units`` is :func:`figure_units`."""
    if units.empty:
        return None
    by = "n_dated" if units["n_dated"].sum() > 0 else "n_figures"
    ranked = units.sort_values([by, "n_figures"], ascending=False, kind="stable")
    return str(ranked["unit"].iloc[0])


def _summary_series(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    *,
    category: str,
    places: int,
    scope: str | None,
    groups: int = GROUPS_CHARTED,
    max_points: int | None = None,
    period: str | None = None,
) -> pd.DataFrame:
    """:func:`figure_series` from the per-day summary kept at write time (dates at most: a
    day's median over all outlets cannot be split by outlet). All figures are the rows of each
    scope, never those of scope "*" (one median over events and running totals)."""
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES} or None, not {scope!r}")
    where, params = summaries.cell_where(filters)
    scopes = SCOPES if scope is None else (scope,)
    ctes = f"""
        s AS (
            SELECT s.rowid AS rid, * FROM sum_figure_days s
            WHERE {where} AND s.category = ? AND s.scope IN ({", ".join("?" * len(scopes))})
                AND s.day IS NOT NULL
        ), top AS (
            SELECT place FROM s GROUP BY place ORDER BY sum(n_figures) DESC, place LIMIT ?
        ), groups AS (
            SELECT counted FROM s WHERE place IN (SELECT place FROM top)
            GROUP BY counted ORDER BY sum(n_figures) DESC, counted LIMIT ?
        )"""
    rows = """
        SELECT day AS published, place AS location, scope, n_figures, estimate_median,
               estimate_min, estimate_max, claimants, approximate, counted, estimates, rid
        FROM s WHERE place IN (SELECT place FROM top) AND counted IN (SELECT counted FROM groups)"""
    # the day's figure shown, read from its summary row
    picks = "JOIN sum_figure_days x ON x.rowid = q.rid"
    sql, extra = _in_periods(ctes, rows, picks, max_points, period)
    args = [*params, category, *scopes, int(places), int(groups), *extra]
    return con.execute(sql, args).df()


def headline_words(heads: pd.DataFrame) -> pd.DataFrame:
    """``headline_figures`` with the agreement and the spread in words, as the Overview and the
    report show them: ``agree`` ("3 of 11 articles") and ``spread`` ("2 – 200", or the figure
    as written when every figure of the event agrees: "dozens", not the 24 it stands for)."""

    def spread(low: float, high: float, text: str) -> str:
        if low == high:
            return text
        return f"{low:,.0f} – {high:,.0f}"

    return heads.assign(
        agree=[
            f"{n} of {m} article{'' if m == 1 else 's'}"
            for n, m in zip(heads["n_articles"], heads["n_event_articles"], strict=True)
        ],
        spread=[
            spread(lo, hi, text)
            for lo, hi, text in zip(
                heads["estimate_low"], heads["estimate_high"], heads["text"], strict=True
            )
        ],
    )


# -- the Figures page's views over the figures in view by number ---------------------------------
#
# Under a row filter the article index serves (a speaker, a search), the page's counts and series
# read the figures in view gathered with their names as the index's numbers (filters
# .coded_rows_in_view), which are in the names' order, and with each article's id as its rank
# among the ids in view: they group, rank and break ties on numbers as on the names, and read as
# text only the names and the figures they show. At a million articles, under a speaker in 4 %
# of them (321,764 figures, 184,728 killed), gathering the figures whole with their texts and
# hashing their ids, places and groups as text took most of the series' 0.4 s of CPU.

# The figures' columns the page's coded views read, one gather for all (kept per pinned set).
_PAGE_COLUMNS = (
    "store_rowid", "start", "category", "location", "scope", "unit", "value", "low", "high",
    "approximate", "claimed_by", "part_of", "kinds",
)  # fmt: skip
# Per article index: the group counted (COUNTED_SQL) and class of each unit's number
# (_counted_units), and the claimant's number of each outlet's (_claimant_codes).
_COUNTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CLAIMANTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _coded_figures(con, filters: Filters | None):
    """``(name, index)``: the figures in view by number (:data:`_PAGE_COLUMNS`, the article's
    ``published`` and ``source``, ``article_rank``), or None (:func:`coded_rows_in_view`)."""
    return coded_rows_in_view(
        con, filters, "figures", _PAGE_COLUMNS, articles=("published", "source"), ranked=True
    )


def _code_of(index, column: str, value: str) -> int:
    """The number of ``value`` in the figures' coded ``column`` (-1, which no row holds, when
    no figure has it)."""
    found = index.known_codes("figures", column, [value])
    return found[0] if found else -1


def _coded_where(index, *, scope: str | None, alias: str = "f", **equal) -> str:
    """The condition on coded figures ``alias`` of :func:`_where`'s equalities (``scope``
    checked as it checks it)."""
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES} or None, not {scope!r}")
    clauses = [
        f"{alias}.{column} = {_code_of(index, column, value)}"
        for column, value in (*equal.items(), ("scope", scope))
        if value is not None
    ]
    return " AND ".join(clauses) or "TRUE"


def _coded_counts(con, filters: Filters | None, *, scope: str | None) -> pd.DataFrame | None:
    """:func:`category_counts` of the figures in view by number; None where no coded rows
    serve the filters."""
    coded = _coded_figures(con, filters)
    if coded is None:
        return None
    name, index = coded
    sql = (
        "SELECT f.category, count(*) AS n_figures, count(DISTINCT f.article_id) AS n_articles, "
        "count(*) FILTER (WHERE f.published IS NOT NULL) AS n_dated "
        f"FROM {name} f WHERE {_coded_where(index, scope=scope)} "
        "GROUP BY f.category ORDER BY n_figures DESC, f.category"
    )
    return named_frame(con, sql, [], index, "figures", {"category": "category"})


def _counted_units(con, index) -> tuple:
    """``(units, names)`` of the article ``index``: a table of each unit's number (``unit``, and
    a row of none), the number of the group it counts (``counted``, :data:`COUNTED_SQL`,
    numbered in the groups' order as DuckDB orders them) and of its victims class (``class``,
    :data:`CLASS_SQL`, compared for equality only), and the groups' names by number. Worked out
    once per index, by DuckDB as the views' SQL works them out."""
    import pyarrow as pa

    found = _COUNTED.get(index)
    if found is None:
        names = index.dictionary("figures", "unit")
        codes = pa.array([*range(len(names)), None], pa.int32())
        units = con.from_arrow(
            pa.table({"code": codes, "unit": pa.concat_arrays([names, pa.nulls(1, names.type)])})
        )
        grouped = units.query(
            "units",
            f"SELECT f.code, {COUNTED_SQL} AS counted, {CLASS_SQL} AS class FROM units f",
        ).to_arrow_table()
        ranked = con.from_arrow(grouped).query(
            "grouped",
            "SELECT code AS unit, (dense_rank() OVER (ORDER BY counted) - 1)::INTEGER AS counted, "
            "(dense_rank() OVER (ORDER BY class) - 1)::INTEGER AS class, counted AS name "
            "FROM grouped ORDER BY counted",
        )
        table = ranked.to_arrow_table()
        by_number = dict(zip(table.column("counted").to_pylist(), table.column("name").to_pylist(),
                             strict=True))  # fmt: skip
        groups = pa.array([by_number[n] for n in range(len(by_number))], pa.string())
        found = (table.select(["unit", "counted", "class"]), groups)
        _COUNTED[index] = found
    return found


def _place_codes(index) -> tuple[str, int]:
    """``(sql, no_place)``: the place of a coded figure ``f`` as a number in the places' order
    with :data:`NO_PLACE` among them (a name's number doubled; no place given the odd number
    where its words fall between two names, or that name's if some place is written so), and
    the number of no place."""
    import bisect

    names = index.dictionary("figures", "location")
    at = bisect.bisect_left(names, NO_PLACE, key=lambda name: name.as_py())
    no_place = 2 * at if at < len(names) and names[at].as_py() == NO_PLACE else 2 * at - 1
    return f"CASE WHEN f.location IS NULL THEN {no_place} ELSE 2 * f.location END", no_place


def _coded_series(
    con, filters: Filters | None, *, category, places, scope, unit, groups, max_points, period
) -> pd.DataFrame | None:
    """:func:`figure_series` of the figures in view by number (the same steps as its SQL: the
    places, groups and scopes as numbers, the article's id as its rank among those in view);
    None where no coded rows serve the filters. Only the figures shown are read with their
    texts, from the index."""
    coded = _coded_figures(con, filters)
    if coded is None:
        return None
    name, index = coded
    units, groups_by_number = _counted_units(con, index)
    units_name = f"{name}_counted"
    con.register(units_name, units)
    place, no_place = _place_codes(index)
    where = _coded_where(index, scope=scope, category=category, unit=unit)
    null_counted = f"(SELECT counted FROM {units_name} WHERE unit IS NULL)"
    ctes = f"""
        every AS MATERIALIZED (
            SELECT f.store_rowid AS rid, f.article_id, f.article_rank AS rank, f.start,
                   f.part_of, f.published, {place} AS place, f.scope,
                   {ESTIMATE_SQL} AS estimate, f.claimed_by, f.approximate,
                   coalesce(u.counted, {null_counted}) AS counted
            FROM {name} f LEFT JOIN {units_name} u ON u.unit = f.unit
            WHERE {where} AND f.published IS NOT NULL AND {ESTIMATE_SQL} IS NOT NULL
                AND f.scope IS NOT NULL
        ), fig AS MATERIALIZED (
            -- but a part whose whole is charted (CHARTED_WHOLE_SQL), as figure_series: only
            -- the parts are looked for among the figures
            SELECT * FROM every f WHERE f.part_of IS NULL
            UNION ALL
            SELECT * FROM every f
            WHERE f.part_of IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM every w
                WHERE w.article_id = f.article_id AND w.start = f.part_of AND w.scope = f.scope
            )
        ), top AS (
            SELECT place FROM fig GROUP BY place ORDER BY count(*) DESC, place LIMIT ?
        ), groups AS (
            SELECT counted FROM fig WHERE place IN (SELECT place FROM top)
            GROUP BY counted ORDER BY count(*) DESC, counted LIMIT ?
        ), charted AS MATERIALIZED (
            -- the figures charted, picked out once for the medians and the rows
            SELECT * FROM fig
            WHERE place IN (SELECT place FROM top) AND counted IN (SELECT counted FROM groups)
        ), day AS (
            SELECT published, place, scope, counted, quantile_disc(estimate, 0.5) AS med
            FROM charted GROUP BY published, place, scope, counted
        ), series AS (
            SELECT f.published, f.place AS location, f.scope, f.counted, count(*) AS n_figures,
                   any_value(d.med) AS estimate_median, min(f.estimate) AS estimate_min,
                   max(f.estimate) AS estimate_max,
                   -- made distinct and sorted per period (_in_periods), a day's too
                   list(f.claimed_by) FILTER (WHERE f.claimed_by IS NOT NULL) AS claimants,
                   arg_min(f.rid, (abs(f.estimate - d.med), f.rank, f.start)) AS rid,
                   bool_or(f.approximate) AS approximate,
                   list(f.estimate) AS estimates  -- a median's: in any order
            FROM charted f JOIN day d
                ON d.published = f.published AND d.place = f.place AND d.scope = f.scope
                AND d.counted IS NOT DISTINCT FROM f.counted
            GROUP BY f.published, f.place, f.scope, f.counted
        )"""
    rows = """
        SELECT published, location, scope, n_figures, estimate_median, estimate_min,
               estimate_max, claimants, approximate, counted, estimates, rid FROM series"""
    picks = f"JOIN {name} x ON x.store_rowid = q.rid"
    # the shown figure's row id where its text goes: read from the index below
    shown = "x.article_id, x.start, q.rid AS text, x.unit, x.claimed_by"
    sql, extra = _in_periods(ctes, rows, picks, max_points, period, shown)
    found = con.sql(sql, params=[int(places), int(groups), *extra]).to_arrow_table()
    con.unregister(units_name)
    return _named_series(con, index, found, groups_by_number, no_place)


def _named_series(con, index, found, groups_by_number, no_place: int) -> pd.DataFrame:
    """The frame of :func:`figure_series` from its rows by number ``found`` (:func:`_coded_series`):
    the places, scopes, groups, claimants, units and articles named, the texts of the figures
    shown read from the index; the frame made by DuckDB as it makes the plain path's."""
    import pyarrow as pa
    import pyarrow.compute as pc

    def names(column: str, codes) -> pa.Array:
        return index.name_array("figures", column, codes)

    def put(table, column: str, values: pa.Array):
        return table.set_column(table.schema.get_field_index(column), column, values)

    places = found.column("location").combine_chunks()
    halves = pc.divide(places, 2)  # a name's number doubled (_place_codes)
    named_places = pc.if_else(
        pc.equal(places, no_place), pa.scalar(NO_PLACE), names("location", halves)
    )
    claimants = found.column("claimants").combine_chunks()
    named_claimants = pa.ListArray.from_arrays(
        claimants.offsets, names("claimed_by", claimants.flatten()), mask=claimants.is_null()
    )
    keys = found.column("article_id").combine_chunks().cast(pa.int64())
    rids = found.column("text").combine_chunks().cast(pa.int64())
    shown = index.coded_table(
        "figures", article_index.unique_keys(keys.to_numpy()), ("store_rowid", "text")
    )
    at = pc.index_in(rids, value_set=shown.column("store_rowid").combine_chunks())
    texts = shown.column("text").combine_chunks().take(at)
    counted = found.column("counted").combine_chunks()
    named = {
        "location": named_places,
        "scope": names("scope", found.column("scope").combine_chunks()),
        "claimants": named_claimants,
        "article_id": index.gather_ids(keys),
        "text": texts,
        "unit": names("unit", found.column("unit").combine_chunks()),
        "claimed_by": names("claimed_by", found.column("claimed_by").combine_chunks()),
        "counted": groups_by_number.take(counted.cast(pa.int64())),
    }
    for column, values in named.items():
        found = put(found, column, values)
    return con.from_arrow(found).df()


def _claimant_codes(index) -> tuple:
    """``(outlets, empty)`` of the article ``index``: a table of each outlet's number
    (``source``) and the number of the same words as a claimant (``claimant``: a figure's
    ``claimed_by`` number when some figure is claimed so, else one past them), and the number
    of no claimant (''): :data:`CLAIMANT_SQL` by number, compared for equality only."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    found = _CLAIMANTS.get(index)
    if found is None:
        claimed = index.dictionary("figures", "claimed_by")
        outlets = index.dictionary("articles", "source")
        at = pc.index_in(outlets, value_set=claimed).to_numpy(zero_copy_only=False)
        apart = len(claimed) + np.arange(len(outlets))
        codes = np.where(np.isnan(at), apart, np.nan_to_num(at)).astype(np.int64)
        table = pa.table({"source": pa.array(range(len(outlets)), pa.int32()), "claimant": codes})
        empty = index.known_codes("figures", "claimed_by", [""]) or [
            int(codes[c]) for c in index.known_codes("articles", "source", [""])
        ]
        found = (table, empty[0] if empty else -1)
        _CLAIMANTS[index] = found
    return found


def _coded_comparable(con, filters: Filters | None, *, category, scope, since) -> tuple | None:
    """``(sql, params, named)``: :func:`_comparable_narrow` over the figures in view by number
    (the category and scope as their names, for the pairing's tests; the places, classes and
    claimants as numbers; the article's id as its rank among those in view), and ``named``,
    which gives the pairs kept (:func:`_conflict_pairs`) their places and article ids; None
    where the summary serves the filters or no coded rows do."""
    import pyarrow as pa

    if summaries.covers(filters):
        return None
    coded = _coded_figures(con, filters)
    if coded is None:
        return None
    name, index = coded
    units, _ = _counted_units(con, index)
    claimants, empty = _claimant_codes(index)
    tables = {"counted": units, "claimants": claimants}
    for column in ("category", "scope"):
        names = index.dictionary("figures", column)
        tables[column] = pa.table({"code": pa.array(range(len(names)), pa.int32()), "name": names})
    for suffix, table in tables.items():
        con.register(f"{name}_{suffix}", table)
    where = _coded_where(index, scope=scope, alias="x", category=category)
    params = []
    if since is not None:
        where += " AND x.published >= ?"
        params.append(since)
    sql = f"""
        SELECT f.article_rank AS article_id, f.start, f.category, f.location, f.scope,
               f.published, {ESTIMATE_SQL} AS estimate, f.class, {LOW_SQL} AS lo,
               {HIGH_SQL} AS hi, f.claimant, f.kinds, {WHOLE_SQL} AS whole
        FROM (
            SELECT x.article_rank, x.article_id AS article_key, x.start, x.part_of,
                   c.name AS category, x.location, s.name AS scope, x.published, x.value,
                   x.low, x.high, u.class, coalesce(x.claimed_by, m.claimant, {empty}) AS claimant,
                   x.kinds
            FROM {name} x JOIN {name}_category c ON c.code = x.category
            LEFT JOIN {name}_scope s ON s.code = x.scope
            LEFT JOIN {name}_counted u ON u.unit IS NOT DISTINCT FROM x.unit
            LEFT JOIN {name}_claimants m ON m.source = x.source
            WHERE {where} AND x.published IS NOT NULL AND x.location IS NOT NULL
        ) f
        LEFT JOIN {name} w ON w.article_id = f.article_key AND w.start = f.part_of
        WHERE {ESTIMATE_SQL} IS NOT NULL AND {summaries.CONFLICT_FIGURE_SQL.format(f="f")}"""

    def named(kept: list[tuple]) -> list[tuple]:
        if not kept:
            return kept
        ranks = sorted({row[4] for row in kept} | {row[6] for row in kept})
        keys = dict(
            con.execute(
                f"SELECT DISTINCT article_rank, article_id FROM {name} "
                "WHERE article_rank IN (SELECT unnest(?::BIGINT[]))",
                [ranks],
            ).fetchall()
        )
        ids = index.gather_ids(pa.array([keys[r] for r in ranks], pa.int64())).to_pylist()
        id_of = dict(zip(ranks, ids, strict=True))
        places = index.names("figures", "location", [row[2] for row in kept])
        return [
            (published, category, place, scope, id_of[ida], sa, id_of[idb], *rest)
            for (published, category, _, scope, ida, sa, idb, *rest), place in zip(
                kept, places, strict=True
            )
        ]

    return sql, params, named
