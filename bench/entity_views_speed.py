"""Time every entity view on a store: median milliseconds over a few runs (target: < 200 ms).

    .venv/bin/python -m bench.entity_views_speed STORE.duckdb [--runs 5]

Build a 50,000-article store first, e.g.::

    .venv/bin/presslens analyze ../shared/data/fakes/articles.csv ../shared/data/bbc --db /tmp/real.duckdb
    .venv/bin/python bench/replicate.py /tmp/real.duckdb /tmp/big.duckdb --articles 50000

Each view runs unfiltered and with a typical dashboard filter (one year), after one warm-up run.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from analysis import entity_views as ev
from analysis.filters import Filters
from analysis.store import Store

TARGET_MS = 200.0


def _median_ms(fn, runs: int) -> tuple[float, int]:
    rows = len(fn())  # warm-up (and the row count shown)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with Store(args.store, read_only=True) as store:
        con = store.con
        counts = store.counts()
        print(
            f"{args.store}: {counts['articles']} articles, {counts['entities']} entity rows, "
            f"{counts['entity_mentions']} mentions"
        )
        top = ev.top_entities(con, label="PERSON", limit=1)
        name = top["name"].iloc[0] if len(top) else "Bashar al-Assad"
        year = Filters(date_from=date(2016, 1, 1), date_to=date(2016, 12, 31))
        cases = {
            "top_entities": lambda f: ev.top_entities(con, f, limit=25),
            "top_entities(label=PERSON)": lambda f: ev.top_entities(con, f, label="PERSON"),
            "top_entities_by_label": lambda f: ev.top_entities_by_label(con, f, limit=25),
            "mentions_over_time(week, top 5)": lambda f: ev.mentions_over_time(
                con, f, granularity="week", top=5
            ),
            "mentions_over_time(month, 1 name)": lambda f: ev.mentions_over_time(
                con, f, names=[name], granularity="month"
            ),
            "cooccurrences(top 100)": lambda f: ev.cooccurrences(con, f, limit=100),
            "cooccurrences(PERSON/GPE)": lambda f: ev.cooccurrences(
                con, f, labels=("PERSON", "GPE"), limit=100
            ),
            f"entity_articles({name})": lambda f: ev.entity_articles(con, f, name=name),
        }
        worst = 0.0
        print(f"{'view':45} {'all (ms)':>10} {'rows':>6} {'2016 (ms)':>10} {'rows':>6}")
        for label, fn in cases.items():
            ms_all, n_all = _median_ms(lambda fn=fn: fn(None), args.runs)
            ms_year, n_year = _median_ms(lambda fn=fn: fn(year), args.runs)
            worst = max(worst, ms_all, ms_year)
            print(f"{label:45} {ms_all:10.1f} {n_all:6d} {ms_year:10.1f} {n_year:6d}")
        verdict = "OK" if worst < TARGET_MS else "OVER"
        print(f"slowest: {worst:.1f} ms (target < {TARGET_MS:.0f} ms): {verdict}")


if __name__ == "__main__":
    main()
