"""The Overview's store queries under a row filter, in-process and per view: wall and CPU seconds
of each view (the filter pinned first, its copies dropped before each round, so every round is
a filter change), for the 4th and 5th most quoted speakers and a search. Without Streamlit or a
server's start (minutes at a million articles under load), so two checkouts can be run
interleaved from their own folders and compared by CPU on a shared machine:

    cd CHECKOUT && .venv/bin/python -m bench.overview_filters --db big1m.duckdb \\
        --filters speaker4,search --rounds 3 [--frames out.pkl]

``--frames`` saves each view's frame of the first round (pickled), to compare two checkouts'.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--filters", default="speaker4,search")
    parser.add_argument("--search", default="election")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--frames", type=Path)
    args = parser.parse_args()

    from analysis import (
        article_index,
        article_views,
        entity_views,
        figure_views,
        quote_views,
    )
    from analysis import filters as filters_module
    from analysis.filters import Filters, pin
    from analysis.store_lock import SharedReader

    db = str(args.db.resolve())
    reader = SharedReader(db, setup=("SET memory_limit = '512MB'",))  # as the dashboard's
    with reader.cursor() as con:
        version = article_views.data_version(con)
        article_index.ensure(db, version, int(version.split(":", 1)[0]))
        for index in list(article_index._loaded.values()):
            index.mapped.wait(timeout=600)  # as a server a minute after its start
        big = con.execute(
            "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY 1 "
            "ORDER BY count(*) DESC, 1 LIMIT 2 OFFSET 3"
        ).fetchall()
        ids = article_views.search_ids(con, args.search)  # cached by the dashboard per search
    cases = {
        "speaker4": Filters(speakers=(big[0][0],)),
        "speaker5": Filters(speakers=(big[1][0],)),
        "search": Filters(article_ids=tuple(ids)),
    }
    views = [  # the Overview's, in its order (dashboard/app_pages/overview.py)
        ("counts", lambda c, f: article_views.corpus_counts(c, f)),
        ("over_time", lambda c, f: article_views.articles_over_time(c, f, granularity="month")),
        ("speaker_stats", lambda c, f: quote_views.speaker_stats(c, f, limit=12)),
        (
            "top_entities",
            lambda c, f: entity_views.top_entities(
                c, f, label=entity_views.COVERED_LABELS, limit=12
            ),
        ),
        ("headline", lambda c, f: figure_views.headline_figures(c, f)),
    ]
    frames = {}
    for r in range(args.rounds):
        for name in args.filters.split(","):
            for kept in (filters_module._gathered, filters_module._pinned_keys):
                kept.clear()
            key = Filters(search=f"{name} {r} {time.time()}")  # a new pinned set each round
            row = []
            for i, (view, call) in enumerate(views):
                with reader.cursor() as con:
                    t, cpu = time.perf_counter(), time.process_time()
                    f = pin(con, cases[name], version=version, key=key)
                    if i == 0:
                        row.append(("pin", time.perf_counter() - t, time.process_time() - cpu))
                        t, cpu = time.perf_counter(), time.process_time()
                    frame = call(con, f)
                    row.append((view, time.perf_counter() - t, time.process_time() - cpu))
                    if r == 0:
                        frames[(name, view)] = frame
            wall, cpu = sum(x[1] for x in row), sum(x[2] for x in row)
            views_ = ", ".join(f"{v} {w:.2f}/{c:.2f}" for v, w, c in row)
            print(
                f"{name:9} round {r} load {os.getloadavg()[0]:4.1f} wall {wall:5.2f} "
                f"cpu {cpu:5.2f} | {views_}",
                flush=True,
            )
    if args.frames:
        args.frames.write_bytes(pickle.dumps(frames))


if __name__ == "__main__":
    main()
