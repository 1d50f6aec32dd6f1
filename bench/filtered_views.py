"""The views a row filter (a speaker, a search) makes slow, each called alone on a pinned filter
as the dashboard pins it: CPU seconds of its first call (the store's pages cold in the process)
and the best of three, with the load average. Finer than ``bench.dashboard_views`` (a page run
sums a dozen views and the process's one-off picker lists), so a change to one view can be
compared on a shared machine:

    .venv/bin/python -m bench.filtered_views --db /work/stores/big1m.duckdb [--views attitude_matrix]
        [--speaker NAME] [--no-index]

The speaker is the bench's (``bench.dashboard``: the 4th most quoted) unless ``--speaker``
names one, the search ``election``. Filters are pinned at the store's data version, so the
views use its article index (:mod:`analysis.article_index`) when one is built, as the
dashboard does; ``--no-index`` pins them at another version, so they read the store.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import (  # noqa: E402
    article_index,
    article_views,
    attitude_views,
    entity_views,
    figure_views,
    quote_views,
    store_lock,
)
from analysis.filters import Filters, pin  # noqa: E402

VIEWS = {
    "attitude_matrix": lambda con, f: attitude_views.attitude_matrix(con, f),
    "cooccurrences": lambda con, f: entity_views.cooccurrences(con, f, limit=30),
    "headline_figures": lambda con, f: figure_views.headline_figures(con, f),
    "figure_series": lambda con, f: figure_views.figure_series(con, f, category="killed"),
    "speaker_stats": lambda con, f: quote_views.speaker_stats(con, f),
    "top_entities": lambda con, f: entity_views.top_entities(con, f, limit=25),
    "mentions_over_time": lambda con, f: entity_views.mentions_over_time(con, f),
    "figure_table": lambda con, f: figure_views.figure_table(con, f, category="killed", limit=500),
    "conflict_groups": lambda con, f: figure_views.conflict_groups(con, f, category="killed"),
    "category_counts": lambda con, f: figure_views.category_counts(con, f),
    "corpus_counts": lambda con, f: article_views.corpus_counts(con, f),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--views", default="", help="comma-separated (default: all)")
    parser.add_argument("--speaker", help="the speaker to filter by (default: the 4th most quoted)")
    parser.add_argument("--no-index", action="store_true", help="never read the article index")
    args = parser.parse_args()
    wanted = [v for v in args.views.split(",") if v] or list(VIEWS)
    con = store_lock.open_reader(args.db)
    con.execute("SET memory_limit = '512MB'")  # as the dashboard's reader
    (speaker,) = (
        (args.speaker,)
        if args.speaker
        else con.execute(
            "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY 1 "
            "ORDER BY count(*) DESC LIMIT 1 OFFSET 3"
        ).fetchone()
    )
    version = article_views.data_version(con)
    index = article_index.ensure(args.db, version, n_articles=0)
    if args.no_index:
        version = "bench"
    print(f"article index: {'built, used' if index and not args.no_index else 'not used'}")
    # pinned as dashboard.data pins them: a search resolved to ids first
    ids = tuple(article_views.search_ids(con, "election"))
    runs = {
        "speaker": pin(con, Filters(speakers=(speaker,)), version=version),
        "search": pin(
            con, Filters(article_ids=ids), version=version, key=Filters(search="election")
        ),
    }
    print(f"speaker {speaker!r}; a search for 'election' matches {len(ids):,} articles")
    for run, filters in runs.items():
        for name in wanted:
            cpu = []
            for _ in range(3):
                t = time.process_time()
                VIEWS[name](con, filters)
                cpu.append(time.process_time() - t)
            print(
                f"{run:8} {name:18} cpu first {cpu[0]:.3f} best {min(cpu):.3f} "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
