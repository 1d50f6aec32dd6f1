"""The DuckDB store: the one piece of shared state between analysis runs and the dashboard.

One file holds the tables ``articles``, ``quotes``, ``entities``, ``entity_mentions``,
``entity_pairs`` (sentence co-occurrences, derived from the mentions), ``figures`` and
``attitudes`` (sentiment toward each named entity, with its holder) and ``holder_targets`` (the
attitudes summed per article, holder and target, derived from them), plus the summary tables
(:mod:`analysis.summaries`) and a ``meta`` table recording the schema version. Each batch of analysed articles is written in a
single transaction and re-analysing an article replaces its rows, so an interrupted run leaves every
finished batch and nothing half-written. Column names follow the ``presslens/1`` export contract
(``start`` and ``"end"`` must be double-quoted in SQL: ``end`` is a keyword).
"""

from __future__ import annotations

import contextlib
import datetime
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import numpy as np

from analysis import (
    aggregates,
    article_keys,
    holder_targets,
    incident_kinds,
    search_index,
    store_lock,
    summaries,
)
from analysis.records import Article, ArticleResult, Attitude, Entity, EntityMention, Figure, Quote
from analysis.schema import Column, ddl_of, field_names, record_columns

# pandas only for :meth:`Store.query`'s DataFrame, which DuckDB makes itself: writing a batch
# needs none of it, and its import was a third of a second of every `presslens analyze`.
if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

SCHEMA_VERSION = "39"  # 2: articles.search_text; 3: entity_pairs; 4: figures.scope; 5: name_merges; 6: attitudes, quotes.polarity_vader; 7: terms; 8: sum_* summaries; 9: figures.part_of; 10: sum_figure_events, sum_entity_pairs, sum_figure_days; 11: sum_figure_votes, sum_conflict_figures, sum_entity_names_all, sum_attitude_holders_all; 12: quotes.n_words; 13: articles.article_key, entity_pairs.article_key, holder_targets; 14: holder_targets columns of the encoder scorer; 15: sum_conflict_figures' bounds ("at least 70" allows more); 16: sum_*_month, sum_*_outlet (month and outlet totals); 17: sum_*_year (year totals); 18: sum_conflict_figures.kinds (incident kinds); 19: the kinds carry what was hit (targets); 20: the headline events leave out words that only set a floor ("dozens"); 21: no conflicts of catch-all categories or words of scale ("hundreds"); 22: no headline of a catch-all category; 23: the kinds carry the day of the week the sentence names; 24: the kinds carry the weapon, the attacker and a span of days named; 25: sum_conflict_figures.kinds a BIGINT carrying one strike named, a province's total, a toll since replaced and a part of a larger figure; sides implied by aircraft; the kinds read up to an earlier incident ('after'); 26: no conflicts of money; 27: sum_conflict_figures.whole (a part's toll: parts of two tolls are no conflict); 28: the kinds carry an aircraft downed and a day's toll ('in 24 hours') as a span; 29: the kinds carry a day's span apart from longer ones, a part of the place (a target, a neighbourhood), the attacker implied by whose area was hit, and no hospital where the wounded were treated as a target; 30: the kinds carry the city a place's name stands for or elsewhere in its province, a named area in a place as a part of it, and no hospital that received the wounded as a target; 31: sum_figure_votes.figure_kinds (each article's incident kinds: the headline's spread is its incident's); 32: sum_figure_places (figures by place and category: the Places page); 33: the kinds carry a toll told as rising ('rises to', 'hits'), the group of members, and a neighbourhood named beside unnamed ones; sum_figure_days without the rows of all scopes together; 34: sum_figure_days.counted (a running total's group counted: one series each); 35: every scope's series keyed by group counted, without the parts of a charted whole; 36: sum_figure_days.estimates (a week's or a month's median); 37: one group whatever the number and spelling of its noun (summaries.CLASS_SQL); 38: sum_pending (the days a run's writes leave to recount at its end); 39: figures.kinds (the incident kinds of each figure's sentence, worked out once)

# Every table's columns, in order. A table backed by a record (analysis/records.py) takes its
# columns from the record's fields (analysis.schema), with the store-only columns declared beside
# them; rows are inserted by column name. The other tables are declared here column by column.
COLUMNS: dict[str, list[Column]] = {
    "meta": [("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")],
    # The record's text moves after its metadata, the order of the first stores; published is
    # a YYYY-MM-DD string in the record and a DATE here (DuckDB casts it on insert).
    "articles": record_columns(
        Article,
        order=(
            "id",
            "title",
            "source",
            "published",
            "url",
            "tags",
            "text",
            "path",
            "n_words",
            "author",
        ),
        overrides={"id": "VARCHAR PRIMARY KEY", "published": "DATE"},
    )
    + [
        ("duplicate_of", "VARCHAR"),  # id of the original, for a near-duplicate
        ("signature", "BLOB"),  # MinHash signature (analysis.dedup), originals only
        ("search_text", "VARCHAR"),  # lower-cased title + text, for substring search
        ("analysed_at", "TIMESTAMP DEFAULT current_timestamp"),
        # An integer unique in the store, the join key of the tables the filtered views scan
        # whole (analysis.article_keys); given when the row is written.
        ("article_key", "INTEGER"),
    ],
    # The words of each quote, counted once at write time (aggregates.quote_words): the
    # word-weighted speaker views read this column instead of the quotes' texts, which under
    # a speaker filter at a million articles cost 0.9 s of reading per view.
    "quotes": record_columns(Quote) + [("n_words", "INTEGER")],
    "entities": record_columns(Entity),
    "entity_mentions": record_columns(EntityMention),
    # Entities named in the same sentence, per article (weight = sentences naming both, name_a <
    # name_b): pre-aggregated at write time so the co-occurrence network of a large corpus is a
    # sum over a small table rather than a self-join of every mention.
    "entity_pairs": [
        ("article_id", "VARCHAR"),
        ("name_a", "VARCHAR"),
        ("name_b", "VARCHAR"),
        ("weight", "INTEGER"),
        ("article_key", "INTEGER"),  # the article's (analysis.article_keys)
    ],
    # The incident kinds of each figure's sentence (analysis.incident_kinds.KINDS_SQL), worked
    # out once at write time: the views under a filter, the conflicts and the article index read
    # them instead of a dozen regular expressions over every sentence in view.
    "figures": record_columns(Figure) + [("kinds", "BIGINT")],
    # The full-text index (analysis.search_index): filled by SQL from articles.search_text.
    search_index.TABLE: search_index.COLUMNS,
}
# The corpus identity pass (analysis.identity): the joins it made (alias shown as canonical;
# evidence = records rewritten; undone by a user) and the raw value of every rewritten record
# (space, table, column, the record's article and offset), so that a join can be undone.
COLUMNS["name_merges"] = [
    ("kind", "VARCHAR"),
    ("alias", "VARCHAR"),
    ("canonical", "VARCHAR"),
    ("label", "VARCHAR"),
    ("evidence", "INTEGER"),
    ("undone", "BOOLEAN"),
]
COLUMNS["name_raw"] = [
    ("space", "VARCHAR"),
    ("tbl", "VARCHAR"),
    ("col", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("pos", "INTEGER"),
    ("raw", "VARCHAR"),
    ("shown", "VARCHAR"),
]
# Sentiment toward each named entity in a sentence, and whose it is (analysis/attitudes.py).
COLUMNS["attitudes"] = record_columns(Attitude)
# The attitudes summed per article, holder and target, every scorer side by side: the attitude
# matrix under a row filter reads these instead of every attitude (analysis.holder_targets).
COLUMNS["holder_targets"] = holder_targets.COLUMNS
# Per-day summaries for the dashboard's first views (analysis.summaries): no article_id, so not
# child tables; recounted for the days a batch touches, in the batch's transaction.
COLUMNS.update(summaries.COLUMNS)
# ... or at the end of a run, for the days its writes recorded here (Store.deferring_summaries).
COLUMNS[summaries.PENDING] = summaries.PENDING_COLUMNS
# The CREATE TABLE column list of each table, in creation order.
TABLES: dict[str, str] = {table: ddl_of(columns) for table, columns in COLUMNS.items()}
CHILD_TABLES = ("quotes", "entities", "entity_mentions", "entity_pairs", "figures")
CHILD_TABLES += ("attitudes",)
CHILD_TABLES += ("terms",)
CHILD_TABLES += ("holder_targets",)
# Columns a write works out by SQL from the records' own as it inserts them (Store._insert): each
# figure's incident kinds (refilled by the identity pass where it rewrites a figure's place).
DERIVED_COLUMNS: dict[str, dict[str, str]] = {
    "figures": {"kinds": incident_kinds.KINDS_SQL.format(f="_rows")},
}
# Filled by SQL from entity_mentions (and holder_targets from attitudes) inside write_batch's
# transaction, not from records.
DERIVED_TABLES = ("entity_pairs", "terms", "holder_targets")
# The sentence pairs of the batch's analysed articles (the one definition: analysis.aggregates).
PAIRS_SQL = aggregates.sentence_pairs_sql("SELECT unnest(?::VARCHAR[])")
HOLDER_TARGETS_SQL = holder_targets.insert_sql("SELECT unnest(?::VARCHAR[])")


class StoreError(RuntimeError):
    """The store file cannot be used (not DuckDB, wrong schema version, locked)."""


class OlderStore(StoreError):
    """A store made by an older presslens that opening it read-write upgrades in place."""


# The oldest schema an upgrade starts from: from 7 on, a newer schema only adds tables (the
# summaries, rebuilt from the data) and columns (NULL in the rows stored before). Older stores
# lack derived tables an upgrade cannot rebuild; they are re-analysed.
OLDEST_UPGRADABLE = 7
# Summaries recounted when a store older than the version is upgraded: what they hold changed.
RECOUNTED_AT: dict[int, tuple[str, ...]] = {
    15: ("sum_conflict_figures",),  # a stated bound is a bound (summaries.LOW_SQL, HIGH_SQL)
    18: ("sum_conflict_figures",),  # the incident kinds (analysis.incident_kinds)
    19: ("sum_conflict_figures",),  # and their targets (analysis.incident_kinds.TARGETS)
    20: ("sum_figure_events", "sum_figure_votes"),  # no "dozens" (summaries.HEADLINE_FIGURE_SQL)
    21: ("sum_conflict_figures",),  # no catch-all, no "hundreds" (summaries.CONFLICT_FIGURE_SQL)
    22: ("sum_figure_events", "sum_figure_votes"),  # no catch-all (summaries.HEADLINE_FIGURE_SQL)
    23: ("sum_conflict_figures",),  # the weekday named (analysis.incident_kinds.WEEKDAYS)
    24: ("sum_conflict_figures",),  # weapons, attackers, spans (analysis.incident_kinds)
    25: ("sum_conflict_figures",),  # one strike, a province's total, replaced tolls, parts
    26: ("sum_conflict_figures",),  # no money (summaries.CONFLICT_FIGURE_SQL)
    27: ("sum_conflict_figures",),  # the toll a part belongs to (summaries.WHOLE_SQL)
    28: ("sum_conflict_figures",),  # an aircraft downed, "in 24 hours" (incident_kinds)
    29: ("sum_conflict_figures",),  # a day's span, a part of the place, held areas (same)
    30: ("sum_conflict_figures",),  # the city or elsewhere in its province (same)
    31: ("sum_figure_votes",),  # figure_kinds: the headline's incident (summaries.FIGURE_KINDS_SQL)
    # a toll told as rising, the group of members (incident_kinds.RISING_BIT, GROUP_MASK); no
    # series rows of all scopes together, which no view reads any more (summaries._SERIES_FIGURES)
    33: ("sum_conflict_figures", "sum_figure_votes", "sum_figure_days"),
    # a running total's group counted, a key of its series (summaries.COUNTED_SQL)
    34: ("sum_figure_days",),
    # every scope's series keyed by group counted (news events too), the parts of a charted
    # whole left out (summaries.CHARTED_WHOLE_SQL); "others", "person", "toll" count everyone
    35: ("sum_figure_days",),
    # every figure's estimate (a week's or a month's median: figure_views.SERIES_MAX_POINTS)
    36: ("sum_figure_days",),
    # one group whatever the number and spelling of its noun ("civilian" and "civilians", "km"
    # and "kilometres": summaries.CLASS_SQL), in the series' groups and the conflicts' classes
    37: ("sum_conflict_figures", "sum_figure_days"),
}
# The versions that changed the incident kinds (analysis.incident_kinds.KINDS_SQL) after 39
# stored them in figures.kinds: an older store's figures have their kinds worked out again on
# upgrade, before the summaries that copy them (RECOUNTED_AT) are recounted.
KINDS_CHANGED_AT: tuple[int, ...] = ()
# Summary columns whose type changed, by the version that changed it: altered before the recount.
RETYPED_AT: dict[int, tuple[tuple[str, str, str], ...]] = {
    25: (("sum_conflict_figures", "kinds", "BIGINT"),),  # its bits run past 31
}


def looks_like_duckdb(path: Path) -> bool:
    """Whether the file at ``path`` starts as a DuckDB database does ("DUCK" at byte 8)."""
    try:
        with open(path, "rb") as f:
            return f.read(12)[8:12] == b"DUCK"
    except OSError:
        return False


def _columns(table: str) -> list[str]:
    """The column names of ``table``, in order."""
    return [name for name, _ in COLUMNS[table]]


# The articles stored from some input files (the first parameter) that those files no longer
# give (the ids they give now: the second), as the CTE ``gone``.
_GONE_SQL = """WITH gone AS (
    SELECT id FROM articles WHERE path IN (SELECT unnest(?::VARCHAR[]))
      AND id NOT IN (SELECT unnest(?::VARCHAR[]))
)"""


# A store this large writes differently (:meth:`Store.is_large`). A write is hundreds of small
# statements over the batch's rows and the identity pass's reads of the store's names: in a
# smaller store DuckDB's threads cost more than they give (200 BBC articles into a new store,
# two writes: 1.56 → 1.15 s of wall time and 1.64 → 1.14 s of CPU with one thread; 100 more into
# 50,000 articles: the same either way). In a larger one a write costs seconds whatever its size
# (the identity pass over every name: 13 s of CPU at 50,000 articles), so analysis.pipeline
# does not write the first finished batch at once.
LARGE_STORE_ARTICLES = 20_000


class Store:
    """A presslens DuckDB file. Use as a context manager or call :meth:`close`.

    A read-write store holds the file's lock only inside each of its methods (one batch
    transaction, one lookup), so other processes can read or write between them; see
    :mod:`analysis.store_lock`. Touching :attr:`con` directly opens the file and keeps it open
    until :meth:`release` or :meth:`close`.
    """

    def __init__(
        self, path: str | Path, *, read_only: bool = False, timeout: float | None = None
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.timeout = timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        self._deferring = False  # inside deferring_summaries(): writes record their days
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `presslens analyze` first)")
        if self.path.is_dir():
            # the articles' folder given as --db, which DuckDB called an IO error
            raise StoreError(
                f"{self.path}: a folder, not a store: --db names the store's file "
                "(e.g. --db news.duckdb; `presslens analyze FOLDER --db news.duckdb` fills it)"
            )
        if not read_only and not self.path.parent.is_dir():
            # DuckDB's own words were "IO Error: Cannot open file …: No such file or directory",
            # which reads as if the store itself were missing
            raise StoreError(
                f"{self.path}: its folder {self.path.parent} does not exist (make it first, "
                "or name a store in a folder that does)"
            )
        try:
            with self._session():
                self._check_or_create_schema()
                if not read_only:  # the days a killed run left, recounted now
                    self._refresh_pending()
        except BaseException:
            self.release()
            raise

    # -- connection -------------------------------------------------------------------------
    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection (opened, waiting out other processes' locks, on first use)."""
        if self._con is None:
            self._con = self._open()
        return self._con

    def _open(self) -> duckdb.DuckDBPyConnection:
        try:
            return store_lock.connect(self.path, read_only=self.read_only, timeout=self.timeout)
        except store_lock.LockTimeout as exc:
            raise StoreError(str(exc)) from None
        except duckdb.IOException as exc:
            raise StoreError(
                f"{self.path}: cannot open as a DuckDB store ({_first_line(exc)})"
            ) from None
        except duckdb.Error as exc:
            # a CSV or a text file given as the store: DuckDB's own words ("Cannot launch
            # in-memory database in read-only mode") say nothing of it
            why = _first_line(exc) if looks_like_duckdb(self.path) else "not a DuckDB file"
            raise StoreError(f"{self.path}: not a presslens store ({why})") from None

    @contextlib.contextmanager
    def _session(self):
        """The connection for one operation. A read-write store announces itself to readers,
        opens the file and lets it go afterwards, unless a caller holds :attr:`con` open."""
        if self._con is not None or self.read_only:
            yield self.con
            return
        with store_lock.announce_writer(self.path):
            try:
                yield self.con
            finally:
                self.release()

    def session(self):
        """The connection for one caller's operation, taken and let go as :meth:`_session` does:
        ``with store.session() as con: ...`` (e.g. the identity pass after a batch)."""
        return self._session()

    def release(self) -> None:
        """Close the connection (the lock goes with it); the next use reopens it."""
        if self._con is not None:
            con, self._con = self._con, None
            con.close()

    # -- schema -----------------------------------------------------------------------------
    def _check_or_create_schema(self) -> None:
        existing = {
            r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if "meta" in existing:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            found = row[0] if row else None
            if found != SCHEMA_VERSION:
                self._upgrade(found, existing)
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

    def _upgrade(self, found: str | None, existing: set[str]) -> None:
        """Bring a store of an older schema up to this one, in one transaction: the missing
        tables are created (summaries recounted from the data), the missing columns added
        (NULL in the rows stored before). Refused, with the reason, when the difference is
        more than additions."""
        missing_columns = self._missing_columns(found, existing)
        if self.read_only:
            raise OlderStore(
                f"{self.path}: made by an older presslens (schema {found}, now {SCHEMA_VERSION}); "
                "open it once read-write to upgrade it in place (e.g. `presslens dashboard "
                "--db FILE`, or `presslens analyze` into it)"
            )
        con = self.con
        con.execute("BEGIN")
        try:
            new_tables = [t for t in TABLES if t not in existing]
            for table in new_tables:
                con.execute(f"CREATE TABLE {table} ({TABLES[table]})")
                if table in CHILD_TABLES:
                    con.execute(f"CREATE INDEX idx_{table}_article ON {table}(article_id)")
            altered = sorted({table for table, _, _ in missing_columns})
            for table in altered:  # DuckDB alters no table an index depends on
                con.execute(f"DROP INDEX IF EXISTS idx_{table}_article")
            for table, name, sql in missing_columns:
                # A column added to an existing table has no constraint to hold on old rows.
                sql = sql.replace("PRIMARY KEY", "").replace("NOT NULL", "").strip()
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sql}')
            added = {(t, c) for t, c, _ in missing_columns}
            if ("quotes", "n_words") in added:
                con.execute(f"UPDATE quotes SET n_words = {aggregates.QUOTE_TEXT_WORDS_SQL}")
            if ("figures", "kinds") in added or any(int(found) < v for v in KINDS_CHANGED_AT):
                con.execute(incident_kinds.FILL_SQL)
            if ("articles", "article_key") in added:
                con.execute(article_keys.FILL_ARTICLES_SQL)
            for table in article_keys.KEYED_TABLES:
                if (table, "article_key") in added:
                    con.execute(article_keys.fill_table_sql(table))
            if "holder_targets" in new_tables:  # after the keys it copies
                con.execute(holder_targets.insert_sql())
            for table in altered:
                if table in CHILD_TABLES:
                    con.execute(f"CREATE INDEX idx_{table}_article ON {table}(article_id)")
            for version, columns in RETYPED_AT.items():
                for table, column, sql in columns:
                    if int(found) < version and table in existing:
                        con.execute(f'ALTER TABLE {table} ALTER "{column}" TYPE {sql}')
            new_summaries = [t for t in new_tables if t in summaries.COLUMNS]
            # and the ones whose definition changed since the store's schema
            new_summaries += [
                t
                for version, tables in RECOUNTED_AT.items()
                if int(found) < version
                for t in tables
                if t in existing and t not in new_summaries
            ]
            if new_summaries:  # only these: a million articles' others stay as they are
                summaries.rebuild(con, new_summaries)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        log.warning(
            "%s: upgraded from schema %s to %s (%d tables and %d columns added)",
            self.path,
            found,
            SCHEMA_VERSION,
            len(new_tables),
            len(missing_columns),
        )

    def _missing_columns(self, found: str | None, existing: set[str]) -> list[tuple[str, str, str]]:
        """``(table, column, SQL type)`` this schema has and the store lacks; raises
        :class:`StoreError` when the store cannot be upgraded."""
        refuse = (
            f"{self.path}: store schema version {found!r}, this presslens needs "
            f"{SCHEMA_VERSION!r}; re-analyse into a new --db file"
        )
        if not (found or "").isdigit() or not (
            OLDEST_UPGRADABLE <= int(found) < int(SCHEMA_VERSION)
        ):
            raise StoreError(refuse)
        have: dict[str, set[str]] = {}
        for table, column in self.con.execute(
            "SELECT table_name, column_name FROM duckdb_columns()"
        ).fetchall():
            have.setdefault(table, set()).add(column)
        missing = []
        for table in existing & set(TABLES):
            wanted = dict(COLUMNS[table])
            if have.get(table, set()) - set(wanted):
                raise StoreError(f"{refuse} ({table} has columns this presslens does not know)")
            missing += [(table, c, sql) for c, sql in COLUMNS[table] if c not in have[table]]
        return missing

    # -- reading ----------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored."""
        ids = list(ids)
        if not ids:
            return set()
        with self._session() as con:
            rows = con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            ).fetchall()
        return {r[0] for r in rows}

    def is_large(self) -> bool:
        """Whether the store holds :data:`LARGE_STORE_ARTICLES` articles (originals and copies)
        or more."""
        with self._session() as con:
            held = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        return held >= LARGE_STORE_ARTICLES

    def counts(self) -> dict[str, int]:
        """Row count of every data table (not the summaries: they are derived counts)."""
        with self._session() as con:
            return {
                t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in TABLES
                if t not in ("meta", summaries.PENDING) and t not in summaries.COLUMNS
            }

    def query(self, sql: str, params: Sequence | None = None) -> pd.DataFrame:
        """Run a read query and return a DataFrame."""
        with self._session() as con:
            return con.execute(sql, params or []).df()

    def signatures(self) -> list[tuple[str, bytes | None, str | None, datetime.date | None]]:
        """(id, MinHash signature, source, published) of every stored original, to seed
        near-duplicate detection (a wire copy is another outlet's, of the same days)."""
        with self._session() as con:
            return con.execute(
                "SELECT id, signature, source, published FROM articles "
                "WHERE duplicate_of IS NULL AND signature IS NOT NULL"
            ).fetchall()

    def article_texts(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored text of each of ``ids`` (of those stored)."""
        if not ids:
            return {}
        with self._session() as con:
            return dict(
                con.execute(
                    "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                    [list(ids)],
                ).fetchall()
            )

    def stored_story(self, original: str) -> list[Article]:
        """The stored article ``original`` and its stored copies (in that order): what is
        written again, as copies, when a fuller run of the story takes its place
        (analysis.pipeline._triage)."""
        names = field_names(Article)
        with self._session() as con:
            rows = con.execute(
                f"SELECT {', '.join(names)} FROM articles WHERE id = ? OR duplicate_of = ? "
                "ORDER BY duplicate_of NULLS FIRST, id",
                [original, original],
            ).fetchall()
        story = []
        for row in rows:
            values = dict(zip(names, row, strict=True))
            values["tags"] = tuple(values["tags"] or ())
            # a DATE column: the record's is its ISO text
            values["published"] = values["published"] and values["published"].isoformat()
            story.append(Article(**values))
        return story

    def titled_originals(self, titles: Sequence[str]) -> list[tuple[str, str | None, str | None]]:
        """(id, source, title) of the stored originals headlined one of ``titles`` (case and
        spacing aside): the stories a run's texts may be other versions of (analysis.dedup)."""
        if not titles:
            return []
        with self._session() as con:
            return con.execute(
                "SELECT id, source, title FROM articles WHERE duplicate_of IS NULL "
                "AND signature IS NOT NULL "
                "AND lower(trim(regexp_replace(title, '\\s+', ' ', 'g'))) "
                "IN (SELECT unnest(?::VARCHAR[]))",
                [sorted(set(titles))],
            ).fetchall()

    def superseded(self, paths: Sequence[str], keep: Sequence[str]) -> tuple[set[str], set[str]]:
        """``(stale, copies)``: the ids of the articles stored from ``paths`` that are not among
        ``keep`` (the ids those inputs give now: what :meth:`drop_superseded` removes), and of
        the stored near-duplicates that point at one of them (to be triaged again)."""
        if not paths:
            return set(), set()
        with self._session() as con:
            rows = con.execute(
                f"""{_GONE_SQL} SELECT id, false FROM gone UNION ALL
                    SELECT id, true FROM articles WHERE duplicate_of IN (SELECT id FROM gone)""",
                [list(paths), list(keep)],
            ).fetchall()
        return {i for i, copy in rows if not copy}, {i for i, copy in rows if copy}

    # -- writing ----------------------------------------------------------------------------
    def write_batch(
        self,
        results: Sequence[ArticleResult],
        duplicates: Sequence[tuple[Article, str]] = (),
        signatures: Mapping[str, bytes | None] | None = None,
        *,
        then: Callable[[duckdb.DuckDBPyConnection], Iterable[str]] | None = None,
    ) -> None:
        """Write analysed articles (replacing earlier rows) and near-duplicates in one transaction.
        ``then`` (the corpus identity pass) runs in the same transaction once the rows are in and
        returns the ids of the articles it changed: the summaries recount their days with the
        batch's, once (a recount per write and another per pass were a fifth of the writing),
        or, inside :meth:`deferring_summaries`, at the run's end."""
        if not results and not duplicates:
            return
        ids = [r.article.id for r in results] + [a.id for a, _ in duplicates]
        # The records of each child table; they are inserted by field name.
        frames = {t: [] for t in CHILD_TABLES if t not in DERIVED_TABLES}
        article_rows = []
        sigs = signatures or {}
        for res in results:
            article_rows.append(_article_row(res.article, None, sigs.get(res.article.id)))
            frames["quotes"].extend(res.quotes)
            frames["entities"].extend(res.entities)
            frames["entity_mentions"].extend(res.mentions)
            frames["figures"].extend(res.figures)
            frames["attitudes"].extend(res.attitudes)
        for art, original in duplicates:
            article_rows.append(_article_row(art, original, None))
        with self._session(), self._write_threads():
            self._write(ids, article_rows, frames, [r.article.id for r in results], then)

    @contextlib.contextmanager
    def _write_threads(self):
        """One DuckDB thread for a write into a store that is not :meth:`is_large`, the setting
        as it was afterwards."""
        if self.is_large():
            yield
            return
        before = int(self.con.execute("SELECT current_setting('threads')").fetchone()[0])
        self.con.execute("SET threads = 1")
        try:
            yield
        finally:
            self.con.execute(f"SET threads = {before}")

    def drop_superseded(self, paths: Sequence[str], keep: Sequence[str]) -> int:
        """Delete the articles stored from ``paths`` that are not among ``keep`` (the ids the
        inputs give now), with their rows, in one transaction with the summaries of their days
        and the corpus identity pass; an original another article still points at as its
        near-duplicate stays. Returns how many were deleted."""
        from analysis import identity

        with self._session():
            self.con.execute("BEGIN")
            try:
                stale = [
                    r[0]
                    for r in self.con.execute(
                        f"""{_GONE_SQL} SELECT id FROM gone WHERE id NOT IN (
                               SELECT duplicate_of FROM articles
                               WHERE duplicate_of IS NOT NULL AND id NOT IN (SELECT id FROM gone)
                           ) ORDER BY id""",
                        [list(paths), list(keep)],
                    ).fetchall()
                ]
                if stale:
                    days = summaries.days_of(self.con, stale)
                    for table in (*CHILD_TABLES, "name_raw"):
                        self.con.execute(
                            f"DELETE FROM {table} WHERE article_id IN "
                            "(SELECT unnest(?::VARCHAR[]))",
                            [stale],
                        )
                    self.con.execute(
                        "DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [stale]
                    )
                    changed = set(identity.update_within(self.con, fresh_ids=[]))
                    self._recount(days | summaries.days_of(self.con, changed))
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        if stale:
            log.info("%s: %d article(s) replaced by their inputs' new text", self.path, len(stale))
        return len(stale)

    # -- the summaries -----------------------------------------------------------------------
    @contextlib.contextmanager
    def deferring_summaries(self):
        """Writes inside record the days they change (:func:`analysis.summaries.defer`, in
        their own transaction) instead of recounting the summaries; on leaving, one recount of
        them all, in one transaction (:meth:`refresh_summaries`). A run of several writes paid
        about half a second of CPU at each for it. Left by an exception, the recount is still
        tried; if it fails too, the days stay pending for the next writer (a second Ctrl-C, a
        lock never freed) and the first exception is the one raised."""
        self._deferring = True
        try:
            yield self
        except BaseException:
            self._deferring = False
            try:
                self.refresh_summaries()
            except BaseException as exc:  # noqa: BLE001 - the first error is the one to show
                log.warning("%s: summaries left to recount (%s)", self.path, _first_line(exc))
            raise
        self._deferring = False
        self.refresh_summaries()

    def refresh_summaries(self) -> None:
        """Recount the summaries of the days pending (:meth:`deferring_summaries`, or a run
        killed before its end), in one transaction."""
        with self._session():
            self._refresh_pending()

    def _refresh_pending(self) -> None:
        if not summaries.pending(self.con):
            return
        with self._write_threads():
            self.con.execute("BEGIN")
            try:
                summaries.refresh(self.con, ())
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    def _recount(self, days) -> None:
        """The summaries of ``days`` recounted, in the caller's transaction, or left for the
        end of the run (:meth:`deferring_summaries`)."""
        if self._deferring:
            summaries.defer(self.con, days)
        else:
            summaries.refresh(self.con, days)

    def _write(self, ids, article_rows, frames, analysed_ids, then=None) -> None:
        self.con.execute("BEGIN")
        try:
            days = summaries.days_of(self.con, ids)  # the cells the old rows counted in
            # (and the identity pass's log of their names: analysis.identity reads it as the
            # names first written, which the rewritten rows no longer are)
            for table in (*CHILD_TABLES, "name_raw"):
                self.con.execute(
                    f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
                )
            self.con.execute(
                "DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            )
            if article_rows:
                first = article_keys.next_key(self.con)
                for key, row in enumerate(article_rows, start=first):
                    row["article_key"] = key
                self._insert("articles", {c: [r[c] for r in article_rows] for c in article_rows[0]})
            for table, records in frames.items():
                if records:
                    columns = {
                        c: [getattr(r, c) for r in records] for c in field_names(type(records[0]))
                    }
                    if table == "quotes":
                        columns["n_words"] = [
                            aggregates.quote_words(q.text, q.kind) for q in records
                        ]
                    self._insert(table, columns, DERIVED_COLUMNS.get(table))
            if analysed_ids:
                self.con.execute(PAIRS_SQL, [analysed_ids])
                self.con.execute(HOLDER_TARGETS_SQL, [analysed_ids])
                search_index.index_articles(self.con, analysed_ids)
            changed = set(then(self.con)) if then is not None else set()
            days |= summaries.days_of(self.con, [*ids, *changed])
            self._recount(days)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _insert(
        self, table: str, columns: Mapping[str, list], derived: Mapping[str, str] | None = None
    ) -> None:
        """Append rows given column by column (a list of Python values per column name), and
        the ``derived`` columns worked out by SQL over them (the rows are ``_rows``)."""
        # A dict of NumPy object arrays is a table DuckDB scans directly, each value converted
        # to the column's type on insert (None is NULL) — as fast as a DataFrame or an Arrow
        # table, without importing pandas (pyarrow's array builder imports it too).
        arrays = {c: np.fromiter(v, dtype=object, count=len(v)) for c, v in columns.items()}
        if not arrays or not len(next(iter(arrays.values()))):
            return
        cols = ", ".join(f'"{c}"' for c in arrays)
        names = "".join(f', "{c}"' for c in derived or {})
        values = "".join(f", {sql}" for sql in (derived or {}).values())
        self.con.register("_rows", arrays)
        try:
            self.con.execute(
                f"INSERT INTO {table} ({cols}{names}) SELECT {cols}{values} FROM _rows"
            )
        finally:
            self.con.unregister("_rows")

    def close(self) -> None:
        self.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _article_row(
    article: Article, duplicate_of: str | None, signature: bytes | None
) -> dict[str, object]:
    """The ``articles`` row of ``article`` by column name: its fields and the store-only columns
    (``analysed_at`` is left to its default)."""
    row = {name: getattr(article, name) for name in field_names(Article)}
    row["tags"] = list(article.tags)
    row["duplicate_of"] = duplicate_of
    row["signature"] = signature
    # Lower-cased once here so that a text search is a plain substring scan (3× faster than
    # ILIKE on every query; see analysis.filters).
    row["search_text"] = f"{article.title or ''}\n{article.text}".lower()
    return row


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
