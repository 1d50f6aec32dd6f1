"""The DuckDB store: the one piece of shared state between analysis runs and the dashboard.

One file holds the tables ``articles``, ``quotes``, ``entities``, ``entity_mentions``,
``entity_pairs`` (sentence co-occurrences, derived from the mentions) and ``figures``
plus a ``meta`` table recording the schema version. Each batch of analysed articles is written in a
single transaction and re-analysing an article replaces its rows, so an interrupted run leaves every
finished batch and nothing half-written. Column names follow the ``presslens/1`` export contract
(``start`` and ``"end"`` must be double-quoted in SQL: ``end`` is a keyword).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from analysis import search_index
from analysis.records import Article, ArticleResult

log = logging.getLogger(__name__)

SCHEMA_VERSION = "5"  # 2: articles.search_text; 3: entity_pairs; 4: figures.scope; 5: terms

# One statement per table; the column order here is the order rows are inserted in.
TABLES: dict[str, str] = {
    "meta": "key VARCHAR PRIMARY KEY, value VARCHAR",
    "articles": (
        "id VARCHAR PRIMARY KEY, title VARCHAR, source VARCHAR, published DATE, url VARCHAR, "
        "tags VARCHAR[], text VARCHAR, path VARCHAR, n_words INTEGER, author VARCHAR, "
        "duplicate_of VARCHAR, signature BLOB, search_text VARCHAR, "
        "analysed_at TIMESTAMP DEFAULT current_timestamp"
    ),
    "quotes": (
        'article_id VARCHAR, kind VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, '
        "speaker VARCHAR, speaker_mention VARCHAR, speaker_start INTEGER, speaker_end INTEGER, "
        "speaker_label VARCHAR, speaker_role VARCHAR, cue VARCHAR, polarity DOUBLE, "
        "subjectivity DOUBLE"
    ),
    "entities": (
        "article_id VARCHAR, name VARCHAR, label VARCHAR, mentions INTEGER, first_start INTEGER"
    ),
    "entity_mentions": (
        "article_id VARCHAR, name VARCHAR, label VARCHAR, text VARCHAR, start INTEGER, "
        '"end" INTEGER, sent_start INTEGER'
    ),
    # Entities named in the same sentence, per article (weight = sentences naming both, name_a <
    # name_b): pre-aggregated at write time so the co-occurrence network of a large corpus is a
    # sum over a small table rather than a self-join of every mention.
    "entity_pairs": "article_id VARCHAR, name_a VARCHAR, name_b VARCHAR, weight INTEGER",
    "figures": (
        "article_id VARCHAR, text VARCHAR, value DOUBLE, low DOUBLE, high DOUBLE, "
        "approximate BOOLEAN, unit VARCHAR, category VARCHAR, subject VARCHAR, location VARCHAR, "
        'claimed_by VARCHAR, start INTEGER, "end" INTEGER, sentence VARCHAR, scope VARCHAR'
    ),
    # The full-text index (analysis.search_index): filled by SQL from articles.search_text.
    search_index.TABLE: search_index.DDL,
}
CHILD_TABLES = ("quotes", "entities", "entity_mentions", "entity_pairs", "figures", "terms")
# Filled by SQL from entity_mentions inside write_batch's transaction, not from records.
DERIVED_TABLES = ("entity_pairs", "terms")
PAIRS_SQL = """
    INSERT INTO entity_pairs
    WITH s AS (
        SELECT DISTINCT article_id, sent_start, name FROM entity_mentions
        WHERE article_id IN (SELECT unnest(?::VARCHAR[]))
    )
    SELECT x.article_id, x.name, y.name, count(*)::INTEGER
    FROM s x JOIN s y
      ON x.article_id = y.article_id AND x.sent_start = y.sent_start AND x.name < y.name
    GROUP BY x.article_id, x.name, y.name
"""
# Fields of each record type, in table column order (the store adds duplicate_of/analysed_at).
ARTICLE_COLUMNS = [f.name for f in dataclasses.fields(Article)]


class StoreError(RuntimeError):
    """The store file cannot be used (not DuckDB, wrong schema version, locked)."""


def _columns(table: str) -> list[str]:
    cols = []
    for part in TABLES[table].split(", "):
        name = part.split()[0].strip('"')
        cols.append(name)
    return cols


class Store:
    """A presslens DuckDB file. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `presslens analyze` first)")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(
                f"{self.path}: cannot open as a DuckDB store ({_first_line(exc)})"
            ) from None
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: not a presslens store ({_first_line(exc)})") from None
        try:
            self._check_or_create_schema()
        except BaseException:
            self.con.close()
            raise

    # -- schema -----------------------------------------------------------------------------
    def _check_or_create_schema(self) -> None:
        existing = {
            r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if "meta" in existing:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = row[0] if row else None
            if found != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: store schema version {found!r}, this presslens needs "
                    f"{SCHEMA_VERSION!r}; re-analyse into a new --db file"
                )
            return
        if existing:
            raise StoreError(f"{self.path}: a DuckDB file, but not a presslens store")
        if self.read_only:
            raise StoreError(f"{self.path}: empty store (run `presslens analyze` first)")
        self.con.execute("BEGIN")
        for table, ddl in TABLES.items():
            self.con.execute(f"CREATE TABLE {table} ({ddl})")
        for table in CHILD_TABLES:
            self.con.execute(f"CREATE INDEX idx_{table}_article ON {table}(article_id)")
        self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        self.con.execute("COMMIT")

    # -- reading ----------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def counts(self) -> dict[str, int]:
        """Row count of every data table."""
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in TABLES
            if t != "meta"
        }

    def query(self, sql: str, params: Sequence | None = None) -> pd.DataFrame:
        """Run a read query and return a DataFrame."""
        return self.con.execute(sql, params or []).df()

    def signatures(self) -> list[tuple[str, bytes | None]]:
        """(id, MinHash signature) of every stored original, to seed near-duplicate detection."""
        return self.con.execute(
            "SELECT id, signature FROM articles WHERE duplicate_of IS NULL AND signature IS NOT NULL"
        ).fetchall()

    # -- writing ----------------------------------------------------------------------------
    def write_batch(
        self,
        results: Sequence[ArticleResult],
        duplicates: Sequence[tuple[Article, str]] = (),
        signatures: Mapping[str, bytes | None] | None = None,
    ) -> None:
        """Write analysed articles (replacing earlier rows) and near-duplicates in one transaction."""
        if not results and not duplicates:
            return
        ids = [r.article.id for r in results] + [a.id for a, _ in duplicates]
        frames = {t: [] for t in CHILD_TABLES if t not in DERIVED_TABLES}
        article_rows = []
        sigs = signatures or {}
        for res in results:
            article_rows.append(_article_row(res.article, None, sigs.get(res.article.id)))
            frames["quotes"].extend(dataclasses.astuple(q) for q in res.quotes)
            frames["entities"].extend(dataclasses.astuple(e) for e in res.entities)
            frames["entity_mentions"].extend(dataclasses.astuple(m) for m in res.mentions)
            frames["figures"].extend(dataclasses.astuple(f) for f in res.figures)
        for art, original in duplicates:
            article_rows.append(_article_row(art, original, None))
        self.con.execute("BEGIN")
        try:
            for table in CHILD_TABLES:
                self.con.execute(
                    f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
                )
            self.con.execute(
                "DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            )
            self._insert("articles", article_rows, _columns("articles")[:-1])
            for table, rows in frames.items():
                self._insert(table, rows, _columns(table))
            if results:
                self.con.execute(PAIRS_SQL, [[r.article.id for r in results]])
                search_index.index_articles(self.con, [r.article.id for r in results])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _insert(self, table: str, rows: list[tuple], columns: list[str]) -> None:
        if not rows:
            return
        df = pd.DataFrame.from_records(rows, columns=columns)  # noqa: F841 - read by DuckDB below
        cols = ", ".join(f'"{c}"' for c in columns)
        self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM df")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _article_row(article: Article, duplicate_of: str | None, signature: bytes | None) -> tuple:
    a = article
    return (
        a.id,
        a.title,
        a.source,
        a.published,
        a.url,
        list(a.tags),
        a.text,
        a.path,
        a.n_words,
        a.author,
        duplicate_of,
        signature,
        # Lower-cased once here so that a text search is a plain substring scan (3× faster than
        # ILIKE on every query; see analysis.filters).
        f"{a.title or ''}\n{a.text}".lower(),
    )


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
