"""The store's full-text index: one row per (article, field, word) with the word's frequency.

DuckDB's own full-text extension (``fts``, BM25) is downloaded from DuckDB's extension server on
first use, which an offline install cannot reach; this is the same inverted index kept as an
ordinary table, filled by SQL in the store's write transaction. ``field`` is ``body`` (title and
text, from the lower-cased ``search_text`` column) or ``title``. Words are runs of letters and
digits (RE2 ``[\\p{L}\\p{N}]+``, the class :data:`analysis.query.WORD_RE` uses for queries), so
"al-Assad's" indexes "al", "assad" and "s" and the phrase "al-Assad" finds it. Near-duplicates
are not indexed: they are never in view.
"""

from __future__ import annotations

import duckdb

TABLE = "terms"
DDL = "article_id VARCHAR, field VARCHAR, term VARCHAR, tf INTEGER"
_TOKENS = r"regexp_extract_all({col}, '[\p{{L}}\p{{N}}]+')"
INDEX_SQL = f"""
    INSERT INTO terms
    SELECT id, 'body', term, count(*)::INTEGER FROM (
        SELECT id, unnest({_TOKENS.format(col="search_text")}) AS term FROM articles
        WHERE id IN (SELECT unnest(?::VARCHAR[])) AND duplicate_of IS NULL
    ) GROUP BY ALL
    UNION ALL
    SELECT id, 'title', term, count(*)::INTEGER FROM (
        SELECT id, unnest({_TOKENS.format(col="lower(coalesce(title, ''))")}) AS term FROM articles
        WHERE id IN (SELECT unnest(?::VARCHAR[])) AND duplicate_of IS NULL
    ) GROUP BY ALL
"""


def index_articles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """Index the stored articles ``ids`` (their old rows must already be deleted)."""
    if ids:
        con.execute(INDEX_SQL, [ids, ids])


def rebuild(con: duckdb.DuckDBPyConnection) -> int:
    """Index every stored original again (for a store filled without the index, e.g. copied by
    ``bench/replicate.py``); returns the number of index rows."""
    con.execute(f"DELETE FROM {TABLE}")
    sql = INDEX_SQL.replace(
        "id IN (SELECT unnest(?::VARCHAR[])) AND duplicate_of IS NULL", "duplicate_of IS NULL"
    )
    con.execute(sql)
    return con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
