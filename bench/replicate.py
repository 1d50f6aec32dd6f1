"""Fill a large store for benchmarks by replicating the rows of a store of real, analysed articles.

Re-running NLP 50,000 times is not the point of a dashboard benchmark; the query shapes are. So the
stored rows of a real corpus (e.g. ../shared/data/bbc and fakes, analysed once) are copied with
fresh ids and publication dates shifted across 2011–2018, until ``--articles`` originals exist.

    .venv/bin/presslens analyze ../shared/data/fakes/articles.csv ../shared/data/bbc --db /tmp/real.duckdb
    .venv/bin/python bench/replicate.py /tmp/real.duckdb /tmp/big.duckdb --articles 50000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import search_index  # noqa: E402
from analysis.entity_views import PAIRS_REBUILD_SQL  # noqa: E402
from analysis.store import CHILD_TABLES, Store, _columns  # noqa: E402

# Copies are spread over this many days from 2011-01-01 (to the end of 2018).
DATE_SPAN_DAYS = 2920


def replicate(src: Path, dst: Path, *, articles: int) -> dict[str, int]:
    """Write ``articles`` original articles into the new store ``dst``; return its row counts."""
    if dst.exists():
        dst.unlink()
    with Store(dst) as store:
        con = store.con
        con.execute(f"ATTACH '{src}' AS src (READ_ONLY)")
        n_src = con.execute(
            "SELECT count(*) FROM src.articles WHERE duplicate_of IS NULL"
        ).fetchone()[0]
        if n_src == 0:
            raise SystemExit(f"{src} holds no articles")
        copies = -(-articles // n_src)
        # The idmap fixes, for every copy, its new id and its date shift.
        con.execute(f"""
            CREATE TEMP TABLE idmap AS
            SELECT a.id AS old, k, substr(md5(a.id || '-' || k::VARCHAR), 1, 16) AS new,
                   (coalesce(a.published, DATE '2011-01-01' + (hash(a.id) % {DATE_SPAN_DAYS})::INTEGER)
                    + ((k * 37 + hash(a.id) % 11) % {DATE_SPAN_DAYS})::INTEGER) AS published
            FROM src.articles a, range({copies}) r(k)
            WHERE a.duplicate_of IS NULL
            ORDER BY k, a.id
            LIMIT {articles}
        """)
        cols = [c for c in _columns("articles") if c not in ("id", "published", "analysed_at")]
        con.execute("BEGIN")
        con.execute(
            f"INSERT INTO articles (id, published, {', '.join(cols)}) "
            f"SELECT m.new, least(m.published, DATE '2018-12-31'), "
            f"{', '.join('a.' + c for c in cols)} FROM idmap m JOIN src.articles a ON a.id = m.old"
        )
        in_src = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src'"
            ).fetchall()
        }
        for table in CHILD_TABLES:
            if table not in in_src:  # a store written before the table existed
                continue
            rest = [f'"{c}"' for c in _columns(table) if c != "article_id"]
            con.execute(
                f"INSERT INTO {table} (article_id, {', '.join(rest)}) "
                f"SELECT m.new, {', '.join('t.' + c for c in rest)} "
                f"FROM idmap m JOIN src.{table} t ON t.article_id = m.old"
            )
        if "entity_pairs" not in in_src:
            con.execute(PAIRS_REBUILD_SQL)
        if search_index.TABLE not in in_src:
            search_index.rebuild(con)
        con.execute("COMMIT")
        con.execute("DETACH src")
        con.execute("CHECKPOINT")
        return store.counts()


def main() -> None:
    parser = argparse.ArgumentParser(description="Replicate a real store into a large one.")
    parser.add_argument("src", type=Path)
    parser.add_argument("dst", type=Path)
    parser.add_argument("--articles", type=int, default=50_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    counts = replicate(args.src, args.dst, articles=args.articles)
    print(
        f"wrote {args.dst} in {time.perf_counter() - t0:.1f} s: "
        + ", ".join(f"{k} {v:,}" for k, v in counts.items())
    )


if __name__ == "__main__":
    main()
