"""Views over the stored figures: tidy DataFrames for the dashboard's figures page.

Every function takes an open DuckDB connection to a presslens store and optional
:class:`~analysis.filters.Filters`, restricts to the articles in view (``article_id IN
(<article_ids_sql subquery>)``) and returns a pandas DataFrame; options are keyword-only. No
plotting here: chart factories in ``dashboard/`` turn these frames into figures.

A figure's single best number is its ``estimate``: the stated value, else the middle of its
range ("tens of thousands" → 55,000), else the one bound it has ("more than 200" → 200).
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
    'f.claimed_by, f.start, f."end", f.sentence'
)


def _where(
    filters: Filters | None,
    *,
    category: str | None = None,
    location: str | None = None,
    subject: str | None = None,
) -> tuple[str, list]:
    """The WHERE clause shared by the views: articles in view plus optional equality filters."""
    sub, params = article_ids_sql(filters)
    clauses = [f"f.article_id IN ({sub})"]
    for column, value in (("category", category), ("location", location), ("subject", subject)):
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
) -> pd.DataFrame:
    """Every figure in view with its article's title, source and date, newest article first."""
    where, params = _where(filters, category=category, location=location, subject=subject)
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
) -> pd.DataFrame:
    """A category (at a location) over publication dates: "territory share of Aleppo",
    "troop numbers in Syria".

    ``per_day=True`` gives one row per publication date (``published, n_figures, n_articles,
    estimate_min, estimate_median, estimate_max, claimants``); ``per_day=False`` one row per
    figure in date order. Articles without a date are left out (they have no place on a
    timeline).
    """
    where, params = _where(filters, category=category, location=location, subject=subject)
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
) -> pd.DataFrame:
    """Pairs of figures that disagree: same category, location and publication day, different
    values, different claimants (an unattributed figure counts as its own claimant).

    ``min_relative_difference`` (e.g. 0.1) ignores pairs closer than that fraction of the larger
    estimate. One row per pair: ``published, category, location`` then ``*_a``/``*_b`` columns
    (estimate, text, claimed_by, article_id, title), the smaller estimate first.
    """
    where, params = _where(filters, category=category)
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
) -> pd.DataFrame:
    """One headline figure per category.

    ``by="largest"``: the figure with the largest estimate (ties: the most recent article).
    ``by="most_reported"``: the estimate reported by the most articles (ties: the larger).
    Columns: ``category, estimate, n_articles`` (articles reporting that estimate in the
    category) and the chosen figure's ``text, unit, location, claimed_by, article_id, title,
    published``.
    """
    if by not in ("largest", "most_reported"):
        raise ValueError(f"by must be 'largest' or 'most_reported', not {by!r}")
    where, params = _where(filters)
    order = (
        "estimate DESC, published DESC NULLS LAST"
        if by == "largest"
        else "n_articles DESC, estimate DESC, published DESC NULLS LAST"
    )
    sql = f"""
        WITH fig AS (
            SELECT {FIGURE_COLUMNS} FROM figures f JOIN articles a ON a.id = f.article_id
            WHERE {where} AND {ESTIMATE_SQL} IS NOT NULL
        ), counted AS (
            SELECT *, count(DISTINCT article_id) OVER (PARTITION BY category, estimate)
                   AS n_articles
            FROM fig
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY category ORDER BY {order}, article_id,
                   start) AS rank
            FROM counted
        )
        SELECT category, estimate, n_articles, text, unit, location, claimed_by, article_id,
               title, published
        FROM ranked WHERE rank = 1 ORDER BY category
    """
    return con.execute(sql, params).df()
