"""Integer article keys: the join key of the per-article tables the filtered views scan whole.

An article's id is a string (a digest, a path, an upload name), and a view filtered by rows (a
speaker, a search) joins a fact table to the articles in view by it. So every article also gets
``articles.article_key``, a small integer unique among the stored articles, and the per-article
tables the filtered views read whole (:data:`KEYED_TABLES`) carry it beside ``article_id``.
Joined on an integer, DuckDB filters the scan itself (it pushes the keys in view into the scan)
and hashes four bytes instead of a string: at 50,000 articles, finding a speaker's attitudes
cost 11 ms instead of 24. At a million articles the gain is the attitude matrix's (with the
narrow sums of :mod:`analysis.holder_targets`); the network's pairs, keyed too, measured no
faster than on the ids (nor did the quotes, entities and figures, tried and left with the string
id alone: what those views pay for is reading millions of rows at all).

Keys are given when an article row is written (the store's largest key + 1, then upwards: the
writer holds the store's lock, so two writers never give the same key); a re-analysed article
gets a new key with its new rows (the old rows, and so the old key, are gone by then: a key may
come back after the article that held the largest was replaced, never while another article
holds it). ``article_id`` stays the key of everything else (links, the export, the identity
pass's log): the integer key is internal to the store and never shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations: the SQL builders stay a light import
    import duckdb

# The tables that carry ``article_key`` beside ``article_id`` (the key is their last column).
KEYED_TABLES = ("entity_pairs", "holder_targets")


def next_key(con: duckdb.DuckDBPyConnection) -> int:
    """The first key above every stored article's."""
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
