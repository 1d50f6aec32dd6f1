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
COLUMNS = [("article_id", "VARCHAR"), ("field", "VARCHAR"), ("term", "VARCHAR"), ("tf", "INTEGER")]
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


# The index is kept sorted by term, so that a look-up reads only the row groups whose zone maps
# (min/max per row group) can hold the word: on 8.8 million rows (50,000 articles) a word is
# ~2 ms sorted and ~170 ms unsorted. New batches are appended unsorted; once that unsorted tail
# exceeds a quarter of the sorted part (and a minimum), the table is rewritten in order, so the
# cost of sorting stays proportional to what was written (amortised, like a growing array).
COMPACT_MIN_ROWS = 200_000
COMPACT_FRACTION = 0.25
_SORTED_KEY = "terms_sorted_rows"


def index_articles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> None:
    """Index the stored articles ``ids`` (their old rows must already be deleted); sort the
    index again when its unsorted tail has grown too long."""
    if not ids:
        return
    con.execute(INDEX_SQL, [ids, ids])
    total = con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
    row = con.execute("SELECT value FROM meta WHERE key = ?", [_SORTED_KEY]).fetchone()
    done = int(row[0]) if row else 0
    if total - done > max(COMPACT_MIN_ROWS, COMPACT_FRACTION * done):
        compact(con)


def compact(con: duckdb.DuckDBPyConnection) -> int:
    """Rewrite the index sorted by term; returns its row count. (The per-article index that
    speeds up deleting an article's rows is not rebuilt: a delete scans the sorted table fast.)"""
    con.execute(f"CREATE TABLE {TABLE}_sorted AS SELECT * FROM {TABLE} ORDER BY term, field")
    con.execute(f"DROP TABLE {TABLE}")
    con.execute(f"ALTER TABLE {TABLE}_sorted RENAME TO {TABLE}")
    total = con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
    con.execute("DELETE FROM meta WHERE key = ?", [_SORTED_KEY])
    con.execute("INSERT INTO meta VALUES (?, ?)", [_SORTED_KEY, str(total)])
    return total


def mark_sorted(con: duckdb.DuckDBPyConnection) -> int:
    """Record the whole index as sorted (for a caller that wrote it in term order, e.g.
    ``bench/replicate.py``); returns its row count."""
    total = con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]
    con.execute("DELETE FROM meta WHERE key = ?", [_SORTED_KEY])
    con.execute("INSERT INTO meta VALUES (?, ?)", [_SORTED_KEY, str(total)])
    return total


def rebuild(con: duckdb.DuckDBPyConnection) -> int:
    """Index every stored original again, sorted (for a store filled without the index, e.g.
    copied by ``bench/replicate.py``); returns the number of index rows."""
    con.execute(f"DELETE FROM {TABLE}")
    sql = INDEX_SQL.replace(
        "id IN (SELECT unnest(?::VARCHAR[])) AND duplicate_of IS NULL", "duplicate_of IS NULL"
    )
    con.execute(sql)
    return compact(con)
