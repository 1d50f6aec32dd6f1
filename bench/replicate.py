"""Fill a large store for benchmarks by replicating the rows of a store of real, analysed articles.

Re-running NLP 50,000 times is not the point of a dashboard benchmark; the query shapes are. So the
stored rows of a real corpus (e.g. ../shared/data/bbc and fakes, analysed once) are copied with
fresh ids and publication dates shifted across 2011–2018, until ``--articles`` originals exist.

Copies that repeat the same names would flatter every group-by (a million articles with the 3,000
speakers of the first thousand), so names grow with the store as they do in an archive: the head
of the distribution (names in two or more source articles) repeats in every copy, while each name
of the long tail (one source article) becomes a new name in a third of the copies (``"Ahmad
Saleh 17"``), and outlets split into a new outlet every ten copies (``"Reuters 4"``). A name is
rewritten alike in every table of one copy (speakers, entities, mentions, pairs, figures'
places and claimants, attitudes), so joins between them still hold. The summary tables
(:mod:`analysis.summaries`) are rebuilt at the end.

    .venv/bin/presslens analyze ../shared/data/fakes/articles.csv ../shared/data/bbc --db /tmp/real.duckdb
    .venv/bin/python bench/replicate.py /tmp/real.duckdb /tmp/big.duckdb --articles 50000
"""

from __future__ import annotations

import argparse
import itertools
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import holder_targets, incident_kinds, search_index, summaries  # noqa: E402
from analysis.entity_views import PAIRS_REBUILD_SQL  # noqa: E402
from analysis.store import CHILD_TABLES, Store, _columns  # noqa: E402

log = logging.getLogger(__name__)

# Copies are spread over this many days from 2011-01-01 (to the end of 2018).
DATE_SPAN_DAYS = 2920
# Out of 10 copies, how many give a long-tail name a copy-specific variant (see above); and how
# many copies share one variant of an outlet.
TAIL_RENAME_TENTHS = 3
OUTLET_COPIES = 10
# The name columns of each child table that the identity pass also treats as names.
NAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": ("speaker",),
    "entities": ("name",),
    "entity_mentions": ("name",),
    "entity_pairs": ("name_a", "name_b"),
    "figures": ("location", "claimed_by"),
    "attitudes": ("holder", "target"),
    "holder_targets": ("holder", "target"),
}
# A build of a million articles must not take the shared machine's memory (DuckDB's default is
# 80% of it); DuckDB spills its sorts and joins to disk beyond this.
MEMORY_LIMIT = "6GB"


def _index_memory_mb(memory_limit: str) -> int:
    """The memory an index build may take: 60 % of the machine's, at least ``memory_limit``."""
    import os

    machine = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    number = float(memory_limit.upper().rstrip("B").rstrip("GM") or 0)
    asked = int(number * (1024 if memory_limit.upper().endswith(("G", "GB")) else 1))
    return max(asked, int(machine * 0.6))


def replicate(
    src: Path, dst: Path, *, articles: int, resume: bool = False, memory_limit: str = MEMORY_LIMIT
) -> dict[str, int]:
    """Write ``articles`` original articles into the new store ``dst``; return its row counts.
    With ``resume``, continue a build of the same arguments that stopped part-way: the tables
    it committed are kept (the copies are deterministic), the others copied."""
    if dst.exists() and not resume:
        dst.unlink()
    with Store(dst) as store:
        con = store.con
        con.execute(f"SET memory_limit = '{memory_limit}'")
        # A million articles in one transaction failed to commit within the memory limit; the
        # copy is a new file, so it commits table by table, in any row order.
        con.execute("SET preserve_insertion_order = false")
        con.execute(f"ATTACH '{src}' AS src (READ_ONLY)")
        n_src = con.execute(
            "SELECT count(*) FROM src.articles WHERE duplicate_of IS NULL"
        ).fetchone()[0]
        if n_src == 0:
            raise SystemExit(f"{src} holds no articles")
        copies = -(-articles // n_src)
        # The idmap fixes, for every copy, its new id and its date: shifted, and wrapped round
        # within the span (clamping at its end put 40% of a 50,000-article store on one day).
        con.execute(f"""
            CREATE TEMP TABLE idmap AS
            SELECT a.id AS old, k, substr(md5(a.id || '-' || k::VARCHAR), 1, 16) AS new,
                   row_number() OVER (ORDER BY k, a.id)::INTEGER AS key,
                   DATE '2011-01-01' + ((coalesce(
                       date_diff('day', DATE '2011-01-01', a.published), hash(a.id) % {DATE_SPAN_DAYS}
                   ) + k * 37 + hash(a.id) % 11) % {DATE_SPAN_DAYS} + {DATE_SPAN_DAYS})::INTEGER
                       % {DATE_SPAN_DAYS} AS published
            FROM src.articles a, range({copies}) r(k)
            WHERE a.duplicate_of IS NULL
            ORDER BY k, a.id
            LIMIT {articles}
        """)
        _name_growth(con)
        cols = [
            c
            for c in _columns("articles")
            if c not in ("id", "published", "source", "analysed_at", "article_key")
        ]
        con.execute("BEGIN")
        done = {t for t in ("articles", *CHILD_TABLES) if _has_rows(con, t)} if resume else set()
        done.discard(search_index.TABLE)  # copied in chunks: a stopped copy is started again
        if resume and _has_rows(con, search_index.TABLE):
            con.execute(f"DELETE FROM {search_index.TABLE}")
        if "articles" in done:
            log.info("resuming: %s already copied", ", ".join(sorted(done)))
        else:
            con.execute(
                f"INSERT INTO articles (id, article_key, published, source, {', '.join(cols)}) "
                f"SELECT m.new, m.key, m.published, "
                f"CASE WHEN m.k >= {OUTLET_COPIES} AND a.source IS NOT NULL "
                f"THEN a.source || ' ' || (m.k // {OUTLET_COPIES})::VARCHAR ELSE a.source END, "
                f"{', '.join('a.' + c for c in cols)} FROM idmap m JOIN src.articles a ON a.id = m.old"
            )
        in_src = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src'"
            ).fetchall()
        }
        for table in CHILD_TABLES:
            if table not in in_src or table in done:  # not in an older store; or resumed
                continue
            t0 = time.perf_counter()
            rest = [c for c in _columns(table) if c != "article_id"]
            quoted = ", ".join(f'"{c}"' for c in rest)
            names = NAME_COLUMNS.get(table, ())
            # One join per name column with the long-tail names (a join, not a subquery per row).
            joins = "".join(f" LEFT JOIN tail n_{c} ON n_{c}.name = t.{c}" for c in names)
            insert = (
                f"INSERT INTO {table} (article_id, {quoted}) "
                f"SELECT m.new, {', '.join(_grown(table, c) for c in rest)} "
                f"FROM idmap m JOIN src.{table} t ON t.article_id = m.old{joins}"
            )
            if table == search_index.TABLE:
                # Rows in term order come in no order of article: kept in the article index
                # (idx_terms_article) row by row, a million articles' terms made no progress in
                # 15 minutes and ran out of memory at 6 GB; the index is made again afterwards,
                # in one pass.
                con.execute(f"DROP INDEX IF EXISTS idx_{table}_article")
                _copy_in_term_order(con, insert, copies)
                # An index is built in memory: DuckDB 2.0 ran out of 6 GB on a million
                # articles' 186 M terms, so the build may take 60 % of the machine's memory.
                con.execute(f"SET memory_limit = '{_index_memory_mb(memory_limit)}MB'")
                con.execute(f"CREATE INDEX idx_{table}_article ON {table}(article_id)")
                # The limit stays raised: the index lives in memory, and going back to 6 GB
                # under it failed ("could not free up enough memory for the new limit").
            else:
                con.execute(insert)
            if table == "figures":  # the kinds read the place, which a copy may have grown
                con.execute(incident_kinds.FILL_SQL)
            con.execute("COMMIT")
            con.execute("BEGIN")
            log.info("%s copied in %.1f s", table, time.perf_counter() - t0)
        if "entity_pairs" not in in_src:
            con.execute(PAIRS_REBUILD_SQL)
        if "holder_targets" not in in_src:  # a source older than the table: summed here
            con.execute(holder_targets.insert_sql())
        if search_index.TABLE not in in_src:
            search_index.rebuild(con)
        else:  # copied in term order above: record it as sorted (see analysis.search_index)
            search_index.mark_sorted(con)
        summaries.rebuild(con)
        con.execute("COMMIT")
        con.execute("DETACH src")
        con.execute("CHECKPOINT")
        return store.counts()


# Rows of the search index sorted at once: the copy of a million articles' index (180 million
# rows) in one ORDER BY ran out of memory at 6 GB; ranges of terms, each sorted and appended in
# turn, give the same order.
TERM_ROWS_PER_CHUNK = 5_000_000


def _copy_in_term_order(con, insert: str, copies: int) -> None:
    """Run ``insert`` (the search index's copy) in term order, one range of terms at a time."""
    n_src = con.execute(f"SELECT count(*) FROM src.{search_index.TABLE}").fetchone()[0]
    chunks = max(1, -(-n_src * copies // TERM_ROWS_PER_CHUNK))
    cuts = []
    if chunks > 1:
        probs = ", ".join(str(i / chunks) for i in range(1, chunks))
        cuts = sorted(
            set(
                con.execute(
                    f"SELECT quantile_disc(term, [{probs}]) FROM src.{search_index.TABLE}"
                ).fetchone()[0]
            )
        )
    bounds = [None, *cuts, None]
    for lo, hi in itertools.pairwise(bounds):
        where = " AND ".join(
            w
            for w in (
                "t.term >= ?" if lo is not None else "",
                "t.term < ?" if hi is not None else "",
            )
            if w
        )
        params = [b for b in (lo, hi) if b is not None]
        con.execute(f"{insert} WHERE {where or 'true'} ORDER BY t.term, t.field", params)
        con.execute("COMMIT")
        con.execute("BEGIN")
    log.info("search index copied in %d ranges of terms", len(bounds) - 1)


def _has_rows(con, table: str) -> bool:
    return con.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]


def _name_growth(con) -> None:
    """The temp table ``tail`` (names of one source article) and the macro
    ``grown(name, tail, k)``: the name as copy ``k`` writes it."""
    parts = []
    for table, columns in NAME_COLUMNS.items():
        if table in ("entity_pairs", "holder_targets"):
            continue  # derived from the mentions, the attitudes
        for column in columns:
            parts.append(f"SELECT article_id, {column} AS name FROM src.{table}")
    con.execute(f"""
        CREATE TEMP TABLE tail AS
        SELECT name FROM ({" UNION ALL ".join(parts)}) WHERE name IS NOT NULL
        GROUP BY name HAVING count(DISTINCT article_id) = 1
    """)
    # ``tail`` is the name itself when it is a long-tail name (joined per column, see below).
    con.execute(f"""
        CREATE TEMP MACRO grown(name, tail, k) AS
        CASE WHEN k > 0 AND tail IS NOT NULL AND hash(name, k) % 10 < {TAIL_RENAME_TENTHS}
             THEN name || ' ' || k::VARCHAR ELSE name END
    """)


def _grown(table: str, column: str) -> str:
    """The SELECT expression copying ``column`` of ``table`` (source alias ``t``, copy ``m.k``)."""
    names = NAME_COLUMNS.get(table, ())
    if table == "entity_pairs" and column in names:
        # The pair stays ordered (name_a < name_b) after its names are rewritten.
        fn = "least" if column == "name_a" else "greatest"
        return f"{fn}(grown(t.name_a, n_name_a.name, m.k), grown(t.name_b, n_name_b.name, m.k))"
    if column in names:
        return f"grown(t.{column}, n_{column}.name, m.k)"
    if column == "article_key":  # the copy's own (the source may be older than the keys)
        return "m.key"
    if (table, column) == ("figures", "kinds"):  # worked out after the copy (and the source
        return "NULL"  # may be older than the column)
    return f't."{column}"'


def add_summaries(path: Path) -> None:
    """Give a store replicated before the summary tables existed (schema 7) its summaries:
    create and fill them, and record the current schema version."""
    import duckdb

    from analysis.store import SCHEMA_VERSION, TABLES

    con = duckdb.connect(str(path))
    try:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        con.execute("BEGIN")
        for table in (*summaries.TABLES, summaries.PENDING):
            con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({TABLES[table]})")
        summaries.rebuild(con)
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Replicate a real store into a large one.")
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue a build of dst (same src and --articles) that stopped part-way",
    )
    parser.add_argument("--memory-limit", default=MEMORY_LIMIT, help="DuckDB's, e.g. 10GB")
    parser.add_argument(
        "--summaries-only",
        action="store_true",
        help="only add the summary tables to dst, a store replicated before they existed",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.summaries_only:
        t0 = time.perf_counter()
        add_summaries(args.dst)
        print(f"summaries of {args.dst} built in {time.perf_counter() - t0:.1f} s")
        return
    t0 = time.perf_counter()
    counts = replicate(
        args.src,
        args.dst,
        articles=args.articles,
        resume=args.resume,
        memory_limit=args.memory_limit,
    )
    print(
        f"wrote {args.dst} in {time.perf_counter() - t0:.1f} s: "
        + ", ".join(f"{k} {v:,}" for k, v in counts.items())
    )


if __name__ == "__main__":
    main()
