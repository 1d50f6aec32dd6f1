"""How long the corpus identity pass's rules take over a store's names (read only).

Every write of ``presslens analyze`` ends with the identity pass (analysis.identity), whose rules
read every name the store holds; in a large store they are most of a write. This reads the
store's raw names as the pass does (``identity._raw_names``), runs the rules
(``identity._propose``) ``--runs`` times in this process — the second run and later find the
names' keys cached, as the second write of a run does — and prints the CPU and wall time of each
and how many joins they propose. ``--code DIR`` runs another checkout's rules (e.g. ``git
archive REV | tar -x -C DIR``) for a before/after; ``--dump FILE`` pickles the joins, to check
that two codes propose the same.

Usage::

    .venv/bin/python -m bench.identity_speed --db big.duckdb [--runs 2] [--code DIR]
        [--dump joins.pkl]
"""

from __future__ import annotations

import argparse
import pickle
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="a presslens store (opened read-only)")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--dump", metavar="FILE", help="pickle the proposed joins, sorted")
    ap.add_argument("--code", metavar="DIR", default=str(ROOT), help="the checkout to time")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(args.code).resolve()))
    import duckdb

    from analysis import identity

    print(f"the rules of {Path(identity.__file__).resolve().parents[1]}")
    con = duckdb.connect(args.db, read_only=True)
    start = time.perf_counter()
    raw = {space: identity._raw_names(con, space) for space in ("actor", "place", "outlet")}
    explicit = {
        r[0]
        for r in con.execute(
            "SELECT value FROM meta WHERE key LIKE ?", [identity._EXPLICIT + "%"]
        ).fetchall()
    }
    # (RawNames of this code; a list of rows in a checkout from before 12-06)
    rows = sum(len(getattr(r, "rows", r)) for r in raw.values())
    print(
        f"{rows:,} raw name rows read in {time.perf_counter() - start:.2f} s; "
        f"peak memory {_peak_mb():,.0f} MB"
    )
    joins: list[tuple] = []
    for run in range(args.runs):
        cpu, wall = time.process_time(), time.perf_counter()
        joins = identity._propose(raw, explicit)
        print(
            f"run {run + 1}: the rules {time.process_time() - cpu:.2f} s CPU, "
            f"{time.perf_counter() - wall:.2f} s wall; {len(joins):,} joins; "
            f"peak memory {_peak_mb():,.0f} MB"
        )
    if args.dump:
        with open(args.dump, "wb") as out:
            pickle.dump(sorted(joins, key=repr), out)
    return 0


def _peak_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    raise SystemExit(main())
