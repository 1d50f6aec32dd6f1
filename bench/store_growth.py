"""What adding articles to a large store costs: ``presslens analyze`` of BBC texts into a copy of it.

A newsroom keeps one store and adds each day's articles to it, so the cost of a run into a store
of 50,000 articles matters as much as a run into a new one: every write runs the corpus identity
pass, which reads every name the store holds. This copies ``--store`` (never written) to a
temporary directory, brings the copy to the code's schema with a first, untimed run of one
article, then times ``presslens analyze --workers 1`` of ``--sample`` BBC texts into it — wall
clock and CPU (the process and its children) — and prints how many writes the run made and
their share of the CPU (from the run's ``-v`` log). With ``--baseline DIR`` the same is done
with another checkout (e.g. ``git archive REV | tar -x -C DIR``), on a copy of its own, for a
before/after ratio; the runs alternate per round.

Usage::

    .venv/bin/python -m bench.store_growth --store big.duckdb [--sample 200] [--rounds 1]
        [--baseline DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._corpora import corpus  # noqa: E402
from bench.throughput import _children_cpu  # noqa: E402

# the run's own log line for each write (analysis.pipeline, -v): "wrote N article(s) in S s"
_WRITE_LINE = re.compile(r"wrote (\d+) article\(s\) in ([\d.]+) s")


def _run(code: Path, paths: list[str], db: Path) -> tuple[float, float, str]:
    cmd = [sys.executable, "-m", "dashboard.cli", "-v", "analyze", *paths, "--db", str(db)]
    cmd += ["--workers", "1", "-q"]
    env = dict(os.environ, PYTHONPATH=str(code))
    before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=code, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        print(proc.stderr[-2000:], file=sys.stderr)
        raise SystemExit(f"analyze failed in {code} (exit {proc.returncode})")
    return elapsed, _children_cpu() - before, proc.stdout + proc.stderr


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True, help="the large store (copied, never written)")
    ap.add_argument("--sample", type=int, default=200, help="BBC texts to add (default: 200)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--baseline", metavar="DIR", help="another presslens checkout to compare")
    args = ap.parse_args(argv)

    files = sorted(str(p) for p in corpus("bbc").rglob("*.txt"))
    picked = random.Random(args.seed).sample(files, min(args.sample + 1, len(files)))
    first, sample = picked[:1], picked[1:]
    codes = {"now": ROOT}
    if args.baseline:
        codes["baseline"] = Path(args.baseline).resolve()
    print(
        f"{len(sample)} BBC texts into a copy of {args.store} "
        f"({Path(args.store).stat().st_size / 1e6:,.0f} MB); runs alternate over "
        f"{args.rounds} round(s)",
        flush=True,
    )
    wall: dict[str, list[float]] = {k: [] for k in codes}
    cpu: dict[str, list[float]] = {k: [] for k in codes}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            for label, code in codes.items():
                db = Path(tmp) / f"{label}.duckdb"
                shutil.copyfile(args.store, db)
                _run(code, first, db)  # the copy brought to this code's schema, untimed
                elapsed, used, log = _run(code, sample, db)
                writes = [(int(n), float(s)) for n, s in _WRITE_LINE.findall(log)]
                wall[label].append(elapsed)
                cpu[label].append(used)
                summary = next((ln for ln in log.splitlines() if "presslens:" in ln), "")
                print(
                    f"  round {round_ + 1} {label:8s} {elapsed:7.1f} s  (CPU {used:.1f} s; "
                    f"{len(writes)} writes: {', '.join(f'{n} in {s:.1f} s' for n, s in writes)}; "
                    f"load {os.getloadavg()[0]:.1f})  {summary.strip()}",
                    flush=True,
                )
                db.unlink()
    for label in codes:
        print(
            f"{label:8s} wall {statistics.median(wall[label]):7.1f} s  "
            f"CPU {statistics.median(cpu[label]):7.1f} s  "
            f"{len(sample) / statistics.median(wall[label]):.2f} articles/s"
        )
    if args.baseline:
        ratio = statistics.median(cpu["baseline"]) / statistics.median(cpu["now"])
        print(f"baseline / now by CPU: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
