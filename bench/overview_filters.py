"""The Overview's store queries under a row filter, in-process and per view: wall and CPU seconds
of each view (the filter pinned first, its copies dropped before each round, so every round is
a filter change), for the 4th and 5th most quoted speakers and a search. Without Streamlit or a
server's start (minutes at a million articles under load), so two checkouts can be run
interleaved from their own folders and compared by CPU on a shared machine:

    cd CHECKOUT && .venv/bin/python -m bench.overview_filters --db big1m.duckdb \\
        --filters speaker4,search --rounds 3 [--frames out.pkl]

``--frames`` saves each view's frame of the first round (pickled), to compare two checkouts'.
``--page figures|speakers|entities`` times that page's views instead, on its opening choices.
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


def _overview_views():
    """The Overview's views, in its order (dashboard/app_pages/overview.py)."""
    from analysis import article_views, entity_views, figure_views, quote_views

    return [
        ("counts", lambda c, f, _: article_views.corpus_counts(c, f)),
        ("over_time", lambda c, f, _: article_views.articles_over_time(c, f, granularity="month")),
        ("speaker_stats", lambda c, f, _: quote_views.speaker_stats(c, f, limit=12)),
        (
            "top_entities",
            lambda c, f, _: entity_views.top_entities(
                c, f, label=entity_views.COVERED_LABELS, limit=12
            ),
        ),
        ("headline", lambda c, f, _: figure_views.headline_figures(c, f)),
    ]


def _figures_views():
    """The Figures page's store views on its opening (all figures, the category it opens on),
    in its order (dashboard/app_pages/figures.py)."""
    from analysis import figure_views
    from dashboard import report_views

    def category(made) -> str:
        counts = made["category_counts"]
        return figure_views.opening_category(counts) or counts["category"].iloc[0]

    return [
        ("category_counts", lambda c, f, _: figure_views.category_counts(c, f)),
        (
            "figure_series",
            lambda c, f, made: figure_views.figure_series(c, f, category=category(made), places=8),
        ),
        (
            "conflict_groups",
            lambda c, f, made: figure_views.conflict_groups(
                c, f, category=category(made), min_relative_difference=0.05, limit=200
            ),
        ),
        (
            "figure_table",
            lambda c, f, made: figure_views.figure_table(
                c, f, category=category(made), limit=report_views.FIGURES_SHOWN
            ),
        ),
    ]


def _speakers_views():
    """The Speakers page's store views on its opening (TextBlob; the speakers compared as it
    picks them; the month's timeline), in its order (dashboard/app_pages/speakers.py)."""
    from analysis import attitude_views, quote_views
    from dashboard import report_views as rv

    def compared(made) -> list[str]:
        names = made["speaker_stats"]["speaker"].tolist()
        dated = set(made["dated"]["speaker"])
        return rv.compared_speakers(names, (), dated=dated)

    return [
        ("speaker_stats", lambda c, f, _: quote_views.speaker_stats(c, f, limit=30)),
        (
            "dated",
            lambda c, f, made: quote_views.sentiment_over_time(
                c, f, speakers=made["speaker_stats"]["speaker"].tolist(), granularity="year"
            ),
        ),
        (
            "timeline",
            lambda c, f, made: quote_views.sentiment_over_time(
                c, f, speakers=compared(made), granularity="month"
            ),
        ),
        (
            "speaker_quotes",
            lambda c, f, made: quote_views.speaker_quotes(
                c, f, speakers=compared(made), limit=rv.QUOTES_SHOWN
            ),
        ),
        (
            "attitude_matrix",
            lambda c, f, _: attitude_views.attitude_matrix(
                c, f, holders=rv.MATRIX_HOLDERS, targets=rv.MATRIX_TARGETS
            ),
        ),
    ]


def _entities_views():
    """The Entities page's store views on its opening (all types; the five most covered over
    months; the most covered's articles), in its order (dashboard/app_pages/entities.py)."""
    from analysis import entity_views
    from dashboard import report_views as rv

    def names(made) -> list[str]:
        return made["top_entities"]["name"].head(5).tolist()

    return [
        ("top_entities", lambda c, f, _: entity_views.top_entities(c, f, label=None, limit=20)),
        (
            "mentions_over_time",
            lambda c, f, made: entity_views.mentions_over_time(
                c, f, names=names(made), granularity="month"
            ),
        ),
        (
            "undated",
            lambda c, f, made: entity_views.undated_articles(c, f, names=names(made)),
        ),
        (
            "cooccurrences",
            lambda c, f, _: entity_views.cooccurrences(
                c, f, labels=None, min_weight=1, limit=rv.NETWORK_LINKS
            ),
        ),
        (
            "entity_articles",
            lambda c, f, made: entity_views.entity_articles(
                c, f, name=names(made)[0], limit=rv.ENTITY_ARTICLES + 1
            ),
        ),
    ]


PAGES = {
    "overview": _overview_views,
    "figures": _figures_views,
    "speakers": _speakers_views,
    "entities": _entities_views,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--filters", default="speaker4,search")
    parser.add_argument("--search", default="election")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--frames", type=Path)
    parser.add_argument(
        "--page",
        default="overview",
        choices=("overview", "figures", "speakers", "entities"),
        help="whose views",
    )
    args = parser.parse_args()

    from analysis import (
        article_index,
        article_views,
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
    views = PAGES[args.page]()
    frames = {}
    for r in range(args.rounds):
        for name in args.filters.split(","):
            for kept in (filters_module._gathered, filters_module._pinned_keys):
                kept.clear()
            key = Filters(search=f"{name} {r} {time.time()}")  # a new pinned set each round
            row = []
            made: dict = {}  # the frames of this round's views, read by the later ones
            for i, (view, call) in enumerate(views):
                with reader.cursor() as con:
                    t, cpu = time.perf_counter(), time.process_time()
                    f = pin(con, cases[name], version=version, key=key)
                    if i == 0:
                        row.append(("pin", time.perf_counter() - t, time.process_time() - cpu))
                        t, cpu = time.perf_counter(), time.process_time()
                    frame = made[view] = call(con, f, made)
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
