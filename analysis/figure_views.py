"""Views over the stored figures: tidy DataFrames for the dashboard's figures page.

Every function takes an open DuckDB connection to a presslens store and optional
:class:`~analysis.filters.Filters`, restricts to the articles in view (``article_id IN
(<article_ids_sql subquery>)``) and returns a pandas DataFrame; options are keyword-only. No
plotting here: chart factories in ``dashboard/`` turn these frames into figures.

A figure's single best number is its ``estimate``: the stated value, else the middle of its
range ("tens of thousands" → 55,000), else the one bound it has ("more than 200" → 200).

A figure's ``scope`` says what it counts (:func:`analysis.figures.figure_scope`): ``event`` (what
the article reports happening), ``total`` (a running total over a war or a period) or
``background`` (an earlier event recalled). Every view takes ``scope=`` to keep one of them, and
figures only conflict with figures of the same scope: "the war has killed 300,000 since 2011" does
not contradict "12 were killed on Tuesday".
"""

from __future__ import annotations

import logging

import duckdb
import pandas as pd

from analysis.filters import Filters, article_ids_sql

log = logging.getLogger(__name__)

ESTIMATE_SQL = "COALESCE(f.value, (f.low + f.high) / 2, f.low, f.high)"
FIGURE_COLUMNS = (
    "f.article_id, a.title, a.source, a.published, f.text, f.value, f.low, f.high, "
    f"{ESTIMATE_SQL} AS estimate, f.approximate, f.unit, f.category, f.subject, f.location, "
    'f.claimed_by, f.start, f."end", f.sentence, f.scope'
)
SCOPES = ("event", "total", "background")


def _where(
    filters: Filters | None,
    *,
    category: str | None = None,
    location: str | None = None,
    subject: str | None = None,
    scope: str | None = None,
) -> tuple[str, list]:
    """The WHERE clause shared by the views: articles in view plus optional equality filters."""
    if scope is not None and scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES} or None, not {scope!r}")
    sub, params = article_ids_sql(filters)
    clauses = [f"f.article_id IN ({sub})"]
    for column, value in (
        ("category", category), ("location", location), ("subject", subject), ("scope", scope),
    ):  # fmt: skip
        if value is not None:
            clauses.append(f"f.{column} = ?")
            params.append(value)
    return " AND ".join(clauses), params


def figure_table(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str | None = None,
    location: str | None = None,
    subject: str | None = None,
    limit: int | None = None,
    scope: str | None = None,
) -> pd.DataFrame:
    """Every figure in view with its article's title, source and date, newest article first."""
    where, params = _where(
        filters, category=category, location=location, subject=subject, scope=scope
    )
    sql = (
        f"SELECT {FIGURE_COLUMNS} FROM figures f JOIN articles a ON a.id = f.article_id "
        f"WHERE {where} ORDER BY a.published DESC NULLS LAST, f.article_id, f.start"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return con.execute(sql, params).df()


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
        "min(estimate) AS estimate_min, median(estimate) AS estimate_median, "
        "max(estimate) AS estimate_max, "
        "list_sort(list_distinct(list(claimed_by) FILTER (WHERE claimed_by IS NOT NULL))) "
        "AS claimants "
        f"FROM ({base}) GROUP BY published ORDER BY published"
    )
    return con.execute(sql, params).df()


def conflicting_figures(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str | None = None,
    min_relative_difference: float = 0.0,
    scope: str | None = None,
) -> pd.DataFrame:
    """Pairs of figures that disagree: same category, location, scope and publication day,
    different values, different claimants (an unattributed figure counts as its own claimant).

    ``min_relative_difference`` (e.g. 0.1) ignores pairs closer than that fraction of the larger
    estimate. One row per pair: ``published, category, location`` then ``*_a``/``*_b`` columns
    (estimate, text, claimed_by, article_id, title), the smaller estimate first.
    """
    where, params = _where(filters, category=category, scope=scope)
    sql = f"""
        WITH fig AS (
            SELECT row_number() OVER () AS fid, {FIGURE_COLUMNS}
            FROM figures f JOIN articles a ON a.id = f.article_id
            WHERE {where} AND a.published IS NOT NULL AND f.location IS NOT NULL
              AND {ESTIMATE_SQL} IS NOT NULL
        )
        SELECT x.published, x.category, x.location,
               x.estimate AS estimate_a, x.text AS text_a, x.claimed_by AS claimed_by_a,
               x.article_id AS article_id_a, x.title AS title_a,
               y.estimate AS estimate_b, y.text AS text_b, y.claimed_by AS claimed_by_b,
               y.article_id AS article_id_b, y.title AS title_b
        FROM fig x JOIN fig y
          ON x.category = y.category AND x.location = y.location AND x.published = y.published
         AND x.scope IS NOT DISTINCT FROM y.scope
         AND coalesce(x.claimed_by, '') <> coalesce(y.claimed_by, '')
         AND x.estimate < y.estimate
        WHERE (y.estimate - x.estimate) >= ? * greatest(abs(x.estimate), abs(y.estimate))
        ORDER BY x.published, x.category, x.location, x.estimate, y.estimate
    """
    return con.execute(sql, [*params, float(min_relative_difference)]).df()


def headline_figures(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    by: str = "largest",
    scope: str | None = None,
) -> pd.DataFrame:
    """One headline figure per category.

    ``by="largest"``: the figure with the largest estimate (ties: the most recent article).
    ``by="most_reported"``: the estimate reported by the most articles (ties: the larger).
    Columns: ``category, estimate, n_articles`` (articles reporting that estimate in the
    category) and the chosen figure's ``text, unit, location, claimed_by, article_id, title,
    published``.

    Both first choose one estimate per category with a plain GROUP BY, then join back only the
    figures with that estimate: on a large store this is several times faster than ranking
    every figure with window functions.
    """
    if by not in ("largest", "most_reported"):
        raise ValueError(f"by must be 'largest' or 'most_reported', not {by!r}")
    where, params = _where(filters, scope=scope)
    if by == "largest":
        choose = "SELECT category, max(estimate) AS estimate FROM fig GROUP BY category"
    else:
        choose = """
            SELECT category, estimate FROM (
                SELECT category, estimate, row_number() OVER (
                    PARTITION BY category ORDER BY count(DISTINCT article_id) DESC, estimate DESC
                ) AS pick
                FROM fig GROUP BY category, estimate
            ) WHERE pick = 1"""
    sql = f"""
        WITH fig AS MATERIALIZED (
            SELECT f.article_id, f.start, f.category, f.text, f.unit, f.location, f.claimed_by,
                   {ESTIMATE_SQL} AS estimate
            FROM figures f WHERE {where} AND {ESTIMATE_SQL} IS NOT NULL
        ), chosen AS ({choose}
        ), hits AS (
            SELECT fig.*, a.title, a.published FROM fig
            JOIN chosen USING (category, estimate) JOIN articles a ON a.id = fig.article_id
        ), ranked AS (
            SELECT *, count(DISTINCT article_id) OVER (PARTITION BY category) AS n_articles,
                   row_number() OVER (PARTITION BY category
                                      ORDER BY published DESC NULLS LAST, article_id, start)
                   AS rank
            FROM hits
        )
        SELECT category, estimate, n_articles, text, unit, location, claimed_by, article_id,
               title, published
        FROM ranked WHERE rank = 1 ORDER BY category
    """
    return con.execute(sql, params).df()


def conflict_groups(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str | None = None,
    min_relative_difference: float = 0.0,
    limit: int = 200,
    scope: str | None = None,
) -> pd.DataFrame:
    """Where figures disagree, one row per (day, category, location, scope): ``published,
    category, location, scope, n_figures, n_claimants`` and the lowest and highest figure with
    their words, claimant and article (``*_low``/``*_high``), newest first.

    A group is listed when it holds figures from at least two claimants and at least two values
    — which is exactly when some pair of them differs in both (what :func:`conflicting_figures`
    lists pair by pair). One pass of grouping instead of a self-join, so it stays fast on large
    stores (the pairwise join grows with the square of a day's figures).
    """
    where, params = _where(filters, category=category, scope=scope)
    sql = f"""
        WITH fig AS (
            SELECT {FIGURE_COLUMNS} FROM figures f JOIN articles a ON a.id = f.article_id
            WHERE {where} AND a.published IS NOT NULL AND f.location IS NOT NULL
              AND {ESTIMATE_SQL} IS NOT NULL
        )
        SELECT published, category, location, scope, count(*) AS n_figures,
               count(DISTINCT coalesce(claimed_by, '')) AS n_claimants,
               min(estimate) AS estimate_low, arg_min(text, estimate) AS text_low,
               arg_min(claimed_by, estimate) AS claimed_by_low,
               arg_min(article_id, estimate) AS article_id_low,
               max(estimate) AS estimate_high, arg_max(text, estimate) AS text_high,
               arg_max(claimed_by, estimate) AS claimed_by_high,
               arg_max(article_id, estimate) AS article_id_high
        FROM fig GROUP BY published, category, location, scope
        HAVING count(DISTINCT coalesce(claimed_by, '')) > 1 AND max(estimate) > min(estimate)
           AND max(estimate) - min(estimate)
               >= ? * greatest(abs(min(estimate)), abs(max(estimate)))
        ORDER BY published DESC, category, location
        LIMIT ?
    """
    return con.execute(sql, [*params, float(min_relative_difference), int(limit)]).df()


def category_counts(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    scope: str | None = None,
) -> pd.DataFrame:
    """``category, n_figures, n_articles`` in view, most reported first."""
    where, params = _where(filters, scope=scope)
    sql = (
        "SELECT f.category, count(*) AS n_figures, count(DISTINCT f.article_id) AS n_articles "
        f"FROM figures f WHERE {where} GROUP BY f.category ORDER BY n_figures DESC, f.category"
    )
    return con.execute(sql, params).df()


def figure_series(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    category: str,
    places: int = 8,
    scope: str | None = None,
) -> pd.DataFrame:
    """A category over publication dates for its ``places`` most reported locations, one row
    per day and place: ``published, location, n_figures, estimate_median, estimate_min,
    estimate_max, claimants`` and one figure to show (``article_id, start, text, unit,
    claimed_by, approximate`` of the figure closest to the median). Sized for a chart whatever the
    store's size; the day's figures themselves come from :func:`figure_table`.
    """
    where, params = _where(filters, category=category, scope=scope)
    sql = f"""
        WITH fig AS (
            SELECT {FIGURE_COLUMNS}, coalesce(f.location, '(place not given)') AS place
            FROM figures f JOIN articles a ON a.id = f.article_id
            WHERE {where} AND a.published IS NOT NULL AND {ESTIMATE_SQL} IS NOT NULL
        ), top AS (
            SELECT place FROM fig GROUP BY place ORDER BY count(*) DESC, place LIMIT ?
        ), day AS (
            SELECT published, place, median(estimate) AS med FROM fig
            WHERE place IN (SELECT place FROM top) GROUP BY published, place
        )
        SELECT f.published, f.place AS location, count(*) AS n_figures,
               any_value(d.med) AS estimate_median, min(f.estimate) AS estimate_min,
               max(f.estimate) AS estimate_max,
               list_sort(list_distinct(list(f.claimed_by) FILTER (WHERE f.claimed_by IS NOT NULL)))
                   AS claimants,
               arg_min(f.article_id, abs(f.estimate - d.med)) AS article_id,
               arg_min(f.start, abs(f.estimate - d.med)) AS start,
               arg_min(f.text, abs(f.estimate - d.med)) AS text,
               arg_min(f.unit, abs(f.estimate - d.med)) AS unit,
               arg_min(f.claimed_by, abs(f.estimate - d.med)) AS claimed_by,
               bool_or(f.approximate) AS approximate
        FROM fig f JOIN day d ON d.published = f.published AND d.place = f.place
        GROUP BY f.published, f.place ORDER BY f.published, f.place
    """
    return con.execute(sql, [*params, int(places)]).df()
