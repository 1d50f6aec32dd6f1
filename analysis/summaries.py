"""Summary tables kept at write time, so a page's first view never scans quotes or mentions.

At a million articles a dashboard view that groups every quote or entity row takes seconds; the
first view of each page (no filter, or only a date range and outlets) needs far less: counts per
day and outlet. So the store keeps, beside its base tables, one row per **cell** (publication day
× outlet, originals only) and key: articles and their recognised duplicates, tags, speakers (with
the sums a word-weighted mean and its interval need), speakers' labels and roles, entities, and
figures by category and scope. Every article lies in exactly one cell, so a per-cell count of
distinct articles adds up across cells without double counting.

They are maintained by recounting whole days from the base tables: :func:`refresh` recounts the
days given, and the writers call it inside their own transaction — ``Store.write_batch`` for the
days of the articles it replaces or adds (and of their originals), the identity pass for the days
of the articles whose names it rewrote or restored. :func:`rebuild` recounts everything (a store
filled by other means, e.g. ``bench/replicate.py``). A view reads them when :func:`covers` says
its filters are only a date range and outlets; any other filter (tags, speakers, entities, a
search, explicit article ids) needs the rows, and the view falls back to the base tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import duckdb

from analysis.filters import Filters

# Words in a quote, as analysis.quote_views counts them (the weights of the speaker means).
WORDS_SQL = (
    "greatest(1, len(list_filter(string_split(replace(q.text, chr(10), ' '), ' '), "
    "lambda w: w <> '')))"
)
_CELL = [("day", "DATE"), ("source", "VARCHAR")]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "sum_articles": _CELL + [("n_articles", "BIGINT"), ("n_duplicates", "BIGINT")],
    "sum_tags": _CELL + [("tag", "VARCHAR"), ("n_articles", "BIGINT")],
    # One row per cell and speaker (NULL: unattributed quotes, which the quote count includes).
    "sum_speakers": _CELL
    + [
        ("speaker", "VARCHAR"),
        ("n_quotes", "BIGINT"),
        ("n_articles", "BIGINT"),
        ("n_words", "BIGINT"),
        ("w2_sum", "DOUBLE"),  # sum of squared weights (analysis.uncertainty)
        ("pol_sum", "DOUBLE"),  # word-weighted sums of the TextBlob polarity ...
        ("pol2_sum", "DOUBLE"),
        ("pol_vader_sum", "DOUBLE"),  # ... of VADER's
        ("pol_vader2_sum", "DOUBLE"),
        ("subj_sum", "DOUBLE"),
    ],
    "sum_speaker_labels": _CELL
    + [("speaker", "VARCHAR"), ("label", "VARCHAR"), ("role", "VARCHAR"), ("n_quotes", "BIGINT")],
    "sum_entities": _CELL
    + [
        ("name", "VARCHAR"),
        ("label", "VARCHAR"),
        ("n_articles", "BIGINT"),
        ("n_mentions", "BIGINT"),
    ],
    # n_articles: distinct articles of the (category, scope); n_articles_category counts each
    # article once per category (at its first scope), so that sums over scopes are exact.
    "sum_figures": _CELL
    + [
        ("category", "VARCHAR"),
        ("scope", "VARCHAR"),
        ("n_figures", "BIGINT"),
        ("n_articles", "BIGINT"),
        ("n_articles_category", "BIGINT"),
    ],
}
TABLES = tuple(COLUMNS)

# The recount of each table over the originals in ``v`` (a CTE of the articles of some days).
_RECOUNT: dict[str, str] = {
    "sum_articles": """
        SELECT v.published, v.source, count(*), coalesce(sum(d.n), 0)
        FROM v LEFT JOIN (
            SELECT duplicate_of AS id, count(*) AS n FROM articles
            WHERE duplicate_of IS NOT NULL GROUP BY duplicate_of
        ) d ON d.id = v.id
        GROUP BY v.published, v.source""",
    "sum_tags": """
        SELECT published, source, tag, count(*) FROM (
            SELECT v.published, v.source, unnest(v.tags) AS tag FROM v
        ) GROUP BY ALL""",
    "sum_speakers": f"""
        SELECT v.published, v.source, q.speaker, count(*), count(DISTINCT q.article_id),
               sum({WORDS_SQL}), sum(({WORDS_SQL})^2),
               sum(q.polarity * {WORDS_SQL}), sum(q.polarity * q.polarity * {WORDS_SQL}),
               sum(q.polarity_vader * {WORDS_SQL}),
               sum(q.polarity_vader * q.polarity_vader * {WORDS_SQL}),
               sum(q.subjectivity * {WORDS_SQL})
        FROM quotes q JOIN v ON v.id = q.article_id GROUP BY ALL""",
    "sum_speaker_labels": """
        SELECT v.published, v.source, q.speaker, q.speaker_label, q.speaker_role, count(*)
        FROM quotes q JOIN v ON v.id = q.article_id WHERE q.speaker IS NOT NULL GROUP BY ALL""",
    "sum_entities": """
        SELECT v.published, v.source, e.name, e.label, count(*), sum(e.mentions)
        FROM entities e JOIN v ON v.id = e.article_id GROUP BY ALL""",
    "sum_figures": """
        SELECT published, source, category, scope, count(*), count(DISTINCT article_id),
               count(DISTINCT article_id) FILTER (WHERE first_scope)
        FROM (
            SELECT v.published, v.source, f.category, f.scope, f.article_id,
                   f.scope IS NOT DISTINCT FROM min(f.scope) OVER (
                       PARTITION BY f.article_id, f.category) AS first_scope
            FROM figures f JOIN v ON v.id = f.article_id
        ) GROUP BY ALL""",
}


def covers(filters: Filters | None) -> bool:
    """Whether the summaries can answer for ``filters``: a date range and outlets at most."""
    f = filters or Filters()
    return (
        not f.tags
        and not f.speakers
        and not f.entities
        and not f.search.strip()
        and f.article_ids is None
    )


def cell_where(filters: Filters | None, alias: str = "s") -> tuple[str, list]:
    """``(sql, params)``: the condition on a summary's cells for the articles in view (the same
    date and outlet conditions as :func:`analysis.filters.article_ids_sql`)."""
    f = filters or Filters()
    where, params = ["TRUE"], []
    if f.date_from:
        where.append(f"{alias}.day >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append(f"{alias}.day <= ?")
        params.append(f.date_to)
    if f.sources:
        where.append(f"{alias}.source IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(f.sources))
    return " AND ".join(where), params


def days_of(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[date | None]:
    """The cells' days that the articles ``ids`` count in: their own, and their originals' for
    near-duplicates (a duplicate is counted in its original's cell)."""
    ids = list(ids)
    if not ids:
        return set()
    rows = con.execute(
        """SELECT coalesce(o.published, a.published) FROM articles a
           LEFT JOIN articles o ON o.id = a.duplicate_of
           WHERE a.id IN (SELECT unnest(?::VARCHAR[]))
           UNION SELECT a.published FROM articles a
           WHERE a.id IN (SELECT unnest(?::VARCHAR[]))""",
        [ids, ids],
    ).fetchall()
    return {r[0] for r in rows}


def refresh(con: duckdb.DuckDBPyConnection, days: Iterable[date | None]) -> None:
    """Recount the summaries of ``days`` (``None``: undated articles) from the base tables.
    Runs in the caller's transaction."""
    days = set(days)
    if not days:
        return
    dated = sorted(d for d in days if d is not None)
    cond = "published IN (SELECT unnest(?::DATE[]))"
    if None in days:
        cond = f"({cond} OR published IS NULL)"
    for table in TABLES:
        con.execute(f"DELETE FROM {table} WHERE {cond.replace('published', 'day')}", [dated])
    _recount(con, f"duplicate_of IS NULL AND {cond}", [dated])


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Recount every summary from the base tables. Runs in the caller's transaction."""
    for table in TABLES:
        con.execute(f"DELETE FROM {table}")
    _recount(con, "duplicate_of IS NULL", [])


def _recount(con: duckdb.DuckDBPyConnection, where: str, params: list) -> None:
    for table, select in _RECOUNT.items():
        con.execute(
            f"INSERT INTO {table} WITH v AS (SELECT id, published, source, tags FROM articles "
            f"WHERE {where}) {select}",
            params,
        )
