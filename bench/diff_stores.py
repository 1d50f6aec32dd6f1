"""Do two presslens stores hold the same rows? Table by table, as multisets, both read-only.

For a change that must keep every output identical (a speed-up, a refactor): analyse the same
inputs into two stores, one with each version of the code, and diff them. Every table present in
both is compared as a multiset of rows (``EXCEPT ALL`` both ways), all columns but the ones that
record *when* a row was written (``articles.analysed_at``) or in which order (the articles'
integer keys, ``article_key``) and the store's own bookkeeping (``meta``); a table or column only one store has is reported, not compared. Floating-point
columns are compared to 9 decimals: DuckDB sums a column in whatever order its threads finish, so
a stored sum (the summaries) can differ in its last bits between two runs of the same code. Exits
1 when any table differs, printing a few of the differing rows.

Usage::

    .venv/bin/python -m bench.diff_stores OLD.duckdb NEW.duckdb [--show 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

# Columns that differ between two runs over the same inputs by design: when a row was written,
# and the articles' integer keys (analysis.article_keys), numbered in the order of the writes.
VOLATILE = {
    "articles": {"analysed_at", "article_key"},
    "entity_pairs": {"article_key"},
    "holder_targets": {"article_key"},
}
SKIPPED_TABLES = {"meta"}
FLOAT_TYPES = {"DOUBLE", "FLOAT", "REAL"}
DECIMALS = 9


def columns(con, db: str) -> dict[str, dict[str, str]]:
    """Table → column → type, in column order."""
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_catalog = ? ORDER BY table_name, ordinal_position",
        [db],
    ).fetchall()
    out: dict[str, dict[str, str]] = {}
    for table, column, type_ in rows:
        out.setdefault(table, {})[column] = type_
    return out


def _select(column: str, type_: str) -> str:
    return f'round("{column}", {DECIMALS})' if type_ in FLOAT_TYPES else f'"{column}"'


def diff(old: Path, new: Path, *, show: int = 5) -> int:
    """Print the comparison; return the number of tables that differ."""
    con = duckdb.connect()
    con.execute(f"ATTACH '{old}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{new}' AS b (READ_ONLY)")
    cols_a, cols_b = columns(con, "a"), columns(con, "b")
    differing = 0
    for table in sorted(set(cols_a) | set(cols_b)):
        if table in SKIPPED_TABLES:
            continue
        if table not in cols_a or table not in cols_b:
            print(f"{table:24s} only in {'new' if table in cols_b else 'old'} store")
            continue
        shared = [c for c in cols_a[table] if c in cols_b[table]]
        only = sorted(set(cols_a[table]) ^ set(cols_b[table]))
        keep = [c for c in shared if c not in VOLATILE.get(table, set())]
        sel = ", ".join(_select(c, cols_a[table][c]) for c in keep)
        n_a = con.execute(f"SELECT count(*) FROM a.{table}").fetchone()[0]
        n_b = con.execute(f"SELECT count(*) FROM b.{table}").fetchone()[0]
        gone = con.execute(
            f"SELECT {sel} FROM a.{table} EXCEPT ALL SELECT {sel} FROM b.{table}"
        ).fetchall()
        added = con.execute(
            f"SELECT {sel} FROM b.{table} EXCEPT ALL SELECT {sel} FROM a.{table}"
        ).fetchall()
        status = "same" if not gone and not added else "DIFFERENT"
        note = f"; columns in one store only: {', '.join(only)}" if only else ""
        print(f"{table:24s} {n_a:8d} {n_b:8d} rows  {status}{note}")
        if gone or added:
            differing += 1
            for row in gone[:show]:
                print(f"    - {row}")
            for row in added[:show]:
                print(f"    + {row}")
    print("identical" if not differing else f"{differing} table(s) differ")
    return differing


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--show", type=int, default=5, help="differing rows printed per table")
    args = ap.parse_args(argv)
    for path in (args.old, args.new):
        if not path.is_file():
            raise SystemExit(f"{path}: no such store")
    return 1 if diff(args.old, args.new, show=args.show) else 0


if __name__ == "__main__":
    sys.exit(main())
