"""Where ``presslens analyze --workers 1`` spends its wall-clock time, phase by phase, unprofiled.

A profiler slows Python code several times more than spaCy's compiled parse, so its shares
overstate presslens's own work; this bench instead times the phases of one real run (the CLI's
own code path, :func:`analysis.pipeline.analyze_paths`, in this process) by wrapping the
functions that make them: start-up imports, the model load, spaCy's ``nlp.pipe``, the extractors
(and the one-time table loads inside them), the store writes and the identity pass. Run it on a
sample of BBC files, the same sample as bench/throughput.py for the same ``--sample`` and
``--seed``.

Usage::

    .venv/bin/python -m bench.phases [--sample 200] [--seed 0] [--cpu]

``--cpu`` times the phases by this process's CPU time (``time.process_time``, every thread)
instead of the wall clock: on a shared, loaded machine a phase's wall time is mostly waiting.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START = time.perf_counter()
START_CPU = time.process_time()  # (the same starting point, for --cpu)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=200, help="BBC files (default: 200)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cpu", action="store_true", help="CPU time instead of the wall clock")
    args = ap.parse_args(argv)
    clock = time.process_time if args.cpu else time.perf_counter

    from bench._corpora import corpus

    files = sorted(corpus("bbc").rglob("*.txt"))
    files = random.Random(args.seed).sample(files, min(args.sample, len(files)))

    spent: dict[str, float] = defaultdict(float)
    # Nested phases (a table load inside an extractor) are charged to the innermost one only.
    stack: list[list[float]] = []

    def timed(name, fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            stack.append([0.0])
            t0 = clock()
            try:
                return fn(*a, **k)
            finally:
                took = clock() - t0
                inner = stack.pop()[0]
                spent[name] += took - inner
                if stack:
                    stack[-1][0] += took

        return wrapper

    def timed_iter(name, fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            it = iter(fn(*a, **k))
            while True:
                t0 = clock()
                try:
                    item = next(it)
                except StopIteration:
                    spent[name] += clock() - t0
                    return
                spent[name] += clock() - t0
                if stack:
                    stack[-1][0] += clock() - t0
                yield item

        return wrapper

    t0 = clock()
    import spacy  # noqa: F401 - what spaCy's own run pays too

    spent["import spaCy"] = clock() - t0
    t0 = clock()
    from analysis import (
        extract,
        gazetteer,
        geo,
        identity,
        nlp,
        pipeline,
        sentiment,
        store,
    )

    spent["import presslens"] = clock() - t0

    nlp.load = functools.lru_cache(maxsize=4)(timed("model load", nlp.load.__wrapped__))
    pipeline._parses = timed_iter("spaCy nlp.pipe", pipeline._parses)
    extract.extract_article = timed("extractors (per article)", extract.extract_article)
    for name in ("_places", "_towns", "_villages"):
        cached = getattr(gazetteer, name)
        setattr(gazetteer, name, functools.lru_cache(maxsize=1)(timed("gazetteer tables", cached)))
    geo._tables = functools.lru_cache(maxsize=1)(timed("gazetteer tables", geo._tables.__wrapped__))
    sentiment._pattern_sentiment = functools.lru_cache(maxsize=1)(
        timed("TextBlob load", sentiment._pattern_sentiment.__wrapped__)
    )
    store.Store.write_batch = timed("store writes", store.Store.write_batch)
    store.Store.refresh_summaries = timed("summaries recount", store.Store.refresh_summaries)
    # each opening of the file (a DuckDB database made) and closing (a checkpoint after a write)
    store.Store._open = timed("store open + close", store.Store._open)
    store.Store.release = timed("store open + close", store.Store.release)
    identity.update = timed("identity pass", identity.update)
    identity.update_within = timed("identity pass", identity.update_within)
    pipeline._triage = timed("triage (near-duplicates)", pipeline._triage)
    pipeline.load_articles = timed("read + clean inputs", pipeline.load_articles)

    with tempfile.TemporaryDirectory() as tmp:
        open_store = timed("store schema check", store.Store)
        with open_store(Path(tmp) / "phases.duckdb") as st:
            run = clock()
            summary, _ = pipeline.analyze_paths([str(f) for f in files], st, workers=1)
            total_run = clock() - run
    total = clock() - (START_CPU if args.cpu else START)
    accounted = sum(spent.values())
    load = os.getloadavg()[0]
    print(f"{summary.new} articles analysed; load average {load:.1f} on {os.cpu_count()} cores")
    print(f"{'phase':32s} {'seconds':>8s} {'share':>6s}")
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:32s} {secs:8.2f} {secs / total:6.1%}")
    print(f"{'other':32s} {total - accounted:8.2f} {(total - accounted) / total:6.1%}")
    print(f"{'total (process)':32s} {total:8.2f}   (analyze_paths {total_run:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
