"""Integer article keys: the join key of the per-article tables the filtered views scan whole.

An article's id is a string (a digest, a path, an upload name), and a view filtered by rows (a
speaker, a search) joins a fact table to the articles in view by it: at a million articles the
Entities network read 25 million ``entity_pairs`` rows and hashed each one's 16-character id.
So every article also gets ``articles.article_key``, a small integer unique in its store, and
the per-article tables those views read whole (``entity_pairs``, ``holder_targets``) carry it
beside ``article_id``. Joined on an integer, DuckDB filters the scan itself (it pushes the keys
in view into the scan as a range and membership filter) and hashes four bytes instead of a
string: the probe half of such a view costs about half as much.

Keys are given when an article row is written (the store's largest key + 1, then upwards: the
writer holds the store's lock, so two writers never give the same key) and never reused while
the store lives; a re-analysed article gets a new key with its new rows. ``article_id`` stays
the key of everything else (links, the export, the identity pass's log): the integer key is
internal to the store and never shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations: the SQL builders stay a light import
    import duckdb

# The tables that carry ``article_key`` beside ``article_id`` (the key is their last column).
KEYED_TABLES = ("entity_pairs", "holder_targets")


def next_key(con: duckdb.DuckDBPyConnection) -> int:
    """The first key free in the store (keys are never reused while it lives)."""
    # fetchall: a result left unfetched keeps the connection busy for the insert that follows
    [(largest,)] = con.execute("SELECT max(article_key) FROM articles").fetchall()
    return (largest or 0) + 1


# Give keys to the articles that have none (a store written before keys existed), in the
# order they were stored.
FILL_ARTICLES_SQL = """
    UPDATE articles SET article_key = k.key
    FROM (
        SELECT id, (SELECT coalesce(max(article_key), 0) FROM articles)
                   + row_number() OVER (ORDER BY rowid) AS key
        FROM articles WHERE article_key IS NULL
    ) k
    WHERE articles.id = k.id
"""


def fill_table_sql(table: str) -> str:
    """The UPDATE that copies each article's key to ``table``'s rows of it (an upgrade)."""
    return (
        f"UPDATE {table} SET article_key = a.article_key FROM articles a "
        f"WHERE a.id = {table}.article_id"
    )
