"""Articles/s and words/s of every engine, and of spaCy's own pipeline, on the same texts, in one run.

Runs, as separate processes on the same BBC sample (timed wall clock, start-up and model load
included, a fresh store each time):

- ``spacy1`` / ``spacy2``: spaCy's full stock pipeline alone (``nlp.pipe``, n_process 1 and 2) over
  the cleaned article texts — the parse every spaCy-based tool pays;
- ``local1`` / ``local2``: ``presslens analyze --workers 1`` / ``--workers 2``;
- ``dask1`` / ``dask2``: ``presslens analyze --engine dask --workers 1`` / ``2`` (a local Dask
  cluster of that many single-threaded worker processes);
- ``base1`` / ``base2`` (with ``--baseline DIR``): ``presslens analyze --workers 1`` / ``2`` of
  another checkout (e.g. ``git archive main | tar -x -C DIR``), run with this environment, for a
  before/after ratio (``base1`` is added to the runs unless one is named).

Each checkout's bytecode is compiled first (``compileall``), as an installed copy's is: this
machine's shell sets ``PYTHONDONTWRITEBYTECODE=1``, under which every run compiled the project's
modules anew (about 0.35 s of CPU), while spaCy's own run reads its installed bytecode.

The configurations are interleaved per round and the median of the rounds is reported, with the
load average seen during the runs: this machine is shared, so the ratios between configurations
measured side by side mean more than any absolute figure. Keep samples small on a shared machine.
Beside the wall time, each run's CPU time (user + system, the process and every process it waited
for: pool workers, Dask's nanny and workers) is reported, and the ratios of the one-process runs
by CPU time too: on a loaded machine a run's wall time depends on what else runs, its CPU time
much less (a one-process run on a quiet machine takes about its CPU time in wall time).

Usage::

    .venv/bin/python bench/throughput.py [--sample 200] [--rounds 1] [--runs local1,local2,...]
        [--baseline DIR]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.pipeline import load_articles  # noqa: E402
from bench._corpora import corpus  # noqa: E402

ALL_RUNS = ("spacy1", "spacy2", "local1", "local2", "dask1", "dask2")
# spaCy alone, as a user of the stock model would run it (no presslens code imported).
SPACY_ALONE = """
import json, sys, spacy
texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
nlp.max_length = 12_000_000
for doc in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[3])):
    pass
"""


def command(run: str, paths: list[str], texts_file: Path, model: str, db: Path, baseline):
    """The command line and working directory of one configuration."""
    if run.startswith("spacy"):
        return [sys.executable, "-c", SPACY_ALONE, str(texts_file), model, run[-1]], ROOT
    cli = [sys.executable, "-m", "dashboard.cli", "analyze", *paths, "--db", str(db), "-q"]
    if run.startswith("local"):
        return cli + ["--workers", run[-1]], ROOT
    if run.startswith("dask"):
        return cli + ["--engine", "dask", "--workers", run[-1]], ROOT
    if run in ("base1", "base2") and baseline:
        return cli + ["--workers", run[-1]], Path(baseline)
    raise SystemExit(
        f"unknown run {run!r}; choose from {', '.join(ALL_RUNS)}, base1, base2 (with --baseline)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=200, help="BBC files (default: 200)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--runs", default=",".join(ALL_RUNS), help="comma-separated configurations")
    ap.add_argument("--baseline", metavar="DIR", help="another presslens checkout to compare")
    args = ap.parse_args(argv)
    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    if args.baseline and not any(r.startswith("base") for r in runs):
        runs.append("base1")

    files = sorted(corpus("bbc").rglob("*.txt"))
    files = random.Random(args.seed).sample(files, min(args.sample, len(files)))
    articles, _ = load_articles(files)
    n_words = sum(a.n_words for a in articles)
    from analysis import nlp as nlp_module

    model = next(
        name for name in nlp_module.candidate_names() if _installed(name)
    )  # the stock model, by the name presslens would load
    print(
        f"{len(articles)} BBC articles, {n_words:,} words; model {model}; "
        f"{os.cpu_count()} cores; runs interleaved over {args.rounds} round(s)",
        flush=True,
    )
    times: dict[str, list[float]] = {r: [] for r in runs}
    cpu: dict[str, list[float]] = {r: [] for r in runs}
    loads: list[float] = []
    for checkout in {ROOT, *([Path(args.baseline)] if args.baseline else [])}:
        _compile_bytecode(checkout)
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.jsonl"
        texts_file.write_text(
            "".join(json.dumps(a.text) + "\n" for a in articles), encoding="utf-8"
        )
        env = dict(os.environ)
        for round_ in range(args.rounds):
            for run in runs:
                db = Path(tmp) / f"{run}-{round_}.duckdb"
                cmd, cwd = command(
                    run, [str(f) for f in files], texts_file, model, db, args.baseline
                )
                run_env = dict(env, PYTHONPATH=str(cwd))
                before = _children_cpu()
                start = time.perf_counter()
                proc = subprocess.run(cmd, cwd=cwd, env=run_env, capture_output=True, text=True)
                elapsed = time.perf_counter() - start
                cpu[run].append(_children_cpu() - before)
                loads.append(os.getloadavg()[0])
                if proc.returncode not in (0, 1):
                    print(proc.stderr[-2000:], file=sys.stderr)
                    raise SystemExit(f"{run} failed (exit {proc.returncode})")
                times[run].append(elapsed)
                print(
                    f"  round {round_ + 1} {run:7s} {elapsed:7.1f} s  (CPU {cpu[run][-1]:.1f} s)",
                    flush=True,
                )
    print(f"\nload average during the runs: {min(loads):.1f}–{max(loads):.1f} on 2 cores")
    print(f"{'run':8s} {'seconds':>8s} {'articles/s':>11s} {'words/s':>9s} {'CPU s':>7s}")
    med = {r: statistics.median(t) for r, t in times.items()}
    med_cpu = {r: statistics.median(t) for r, t in cpu.items()}
    for run in runs:
        print(
            f"{run:8s} {med[run]:8.1f} {len(articles) / med[run]:11.2f} "
            f"{n_words / med[run]:9.0f} {med_cpu[run]:7.1f}"
        )
    ratios = [
        ("local1 / spacy1 (time; target <= 1.15)", "local1", "spacy1"),
        ("local2 / spacy2 (time)", "local2", "spacy2"),
        ("dask2 / local2 (time; target <= 1.10)", "dask2", "local2"),
        ("dask1 / dask2 (speed-up 1 -> 2 workers; target >= 1.8)", "dask1", "dask2"),
        ("local1 / local2 (speed-up 1 -> 2 workers)", "local1", "local2"),
        ("base1 / local1 (articles/s now vs baseline; target >= 1.4)", "base1", "local1"),
        ("base2 / local2 (articles/s now vs baseline, 2 workers)", "base2", "local2"),
        ("base1 / spacy1 (baseline's time vs spaCy's)", "base1", "spacy1"),
        ("base2 / spacy2 (baseline's time vs spaCy's, 2 processes)", "base2", "spacy2"),
    ]
    print()
    for label, a, b in ratios:
        if a in med and b in med:
            print(f"{label}: {med[a] / med[b]:.2f}")
    print("\nthe same by CPU time (one-process runs only):")
    for label, a, b in ratios:
        if a in med_cpu and b in med_cpu and a[-1] == b[-1] == "1":
            print(f"{label}: {med_cpu[a] / med_cpu[b]:.2f}")
    return 0


def _compile_bytecode(checkout: Path) -> None:
    """The bytecode of ``checkout``'s packages written beside them (``__pycache__``, ignored by
    git), whatever ``PYTHONDONTWRITEBYTECODE`` says: see the module docstring."""
    for package in ("analysis", "dashboard"):
        if not compileall.compile_dir(str(checkout / package), quiet=1):
            raise SystemExit(f"cannot compile {checkout / package}")


def _children_cpu() -> float:
    """CPU seconds (user + system) of every child process this one has waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _installed(name: str) -> bool:
    import spacy.util

    return spacy.util.is_package(name)


if __name__ == "__main__":
    raise SystemExit(main())
