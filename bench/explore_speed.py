"""Time the exploration features on a store: median milliseconds over a few runs, each after a
warm-up run (the dashboard's DuckDB connection stays open, so its data is warm after first use).

    .venv/bin/python -m bench.explore_speed STORE.duckdb [--runs 5]

Targets (issue 15, on the 50,000-article store): a boolean search with a phrase and a field prefix
≤ 300 ms; a picker's type-ahead ≤ 100 ms; the Compare page with three outlets ≤ 1.0 s. Build the
store first, e.g.::

    .venv/bin/presslens analyze ../shared/data/fakes/articles.csv --map text=content \
        --map published=date --db /tmp/real.duckdb
    .venv/bin/python bench/replicate.py /tmp/real.duckdb /tmp/big.duckdb --articles 50000

What is timed is what the dashboard runs: the search is resolved to article ids the way every page
resolves it (``article_views.search_ids``) and the Articles page's first page of ranked results
with snippets (``search_views.ranked_list``); the pickers receive every name the store holds
(``article_views.top_names``) and filter them in the browser as the reader types, so the server's
part of type-ahead is that list; Compare runs its five views (``compare_views``).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from analysis import article_views, compare_views, search_views
from analysis.filters import Filters
from analysis.store import Store
from dashboard.filters_ui import PICKER_LIMIT

SEARCHES = (
    '"chemical attack" AND speaker:Assad -Russia',
    'title:"nerve agent" OR (Douma AND source:sana)',
    "Douma OR Ghouta",
    "(Idlib OR Hama) AND NOT ceasefire",
    "syria*",
)
TARGETS_MS = {"search": 300.0, "type-ahead": 100.0, "compare": 1000.0}


def _median_ms(fn, runs: int) -> tuple[float, object]:
    out = fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with Store(args.store, read_only=True) as store:
        con = store.con
        con.execute("SET memory_limit = '512MB'")  # as the dashboard sets it
        counts = store.counts()
        print(f"{args.store}: {counts['articles']:,} articles, {counts['terms']:,} index rows")
        rows = []
        for q in SEARCHES:
            ms, ids = _median_ms(lambda q=q: article_views.search_ids(con, q), args.runs)
            rows.append(("search", f"match   {q}", ms, f"{len(ids):,} articles"))
            ms, _ = _median_ms(
                lambda q=q: search_views.ranked_list(con, Filters(), search=q, limit=100),
                args.runs,
            )
            rows.append(("search", f"ranked  {q} (first 100, snippets)", ms, ""))
        for kind in ("speaker", "entity"):
            ms, names = _median_ms(
                lambda k=kind: article_views.top_names(con, k, limit=PICKER_LIMIT), args.runs
            )
            rows.append(("type-ahead", f"all {kind} names for the picker", ms, f"{len(names):,}"))
        outlets = [s for s in article_views.filter_options(con).sources[:3]]
        groups = tuple(f"source:{s}" for s in outlets)

        def compare():
            compare_views.group_sizes(con, Filters(), groups=groups)
            compare_views.attention_over_time(con, Filters(), groups=groups, granularity="month")
            compare_views.top_speakers(con, Filters(), groups=groups, limit=10)
            compare_views.speaker_sentiment(con, Filters(), groups=groups, limit=12)
            compare_views.figures_by_place(con, Filters(), groups=groups, limit=24)

        ms, _ = _median_ms(compare, args.runs)
        rows.append(("compare", f"five views, outlets {', '.join(outlets)}", ms, ""))
    width = max(len(r[1]) for r in rows)
    for kind, label, ms, note in rows:
        flag = "ok" if ms <= TARGETS_MS[kind] else f"OVER {TARGETS_MS[kind]:.0f} ms"
        print(f"{kind:<10} {label:<{width}} {ms:8.1f} ms  {flag:<12} {note}")


if __name__ == "__main__":
    main()
