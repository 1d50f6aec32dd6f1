"""Which store queries each dashboard page spends its time on: every page run in-process with
Streamlit's AppTest (cold, warm, then under each filter of ``bench/dashboard.py``), printing its
wall time, its total query time (wall and CPU, with the load average: the CPU time is the fairer
figure on a shared machine) and its slowest views. Use it to find what to summarise or
narrow when a page is slow on a large store:

    .venv/bin/python -m bench.dashboard_views --db /work/stores/big1m.duckdb [--pages overview,figures]
        [--filters cold,year,outlet] [--after-prefetch]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--pages", default="", help="comma-separated (default: every page)")
    parser.add_argument(
        "--filters", default="", help="comma-separated runs, e.g. 'warm,outlet' (default: all)"
    )
    parser.add_argument(
        "--after-prefetch",
        action="store_true",
        help="after the first run, wait until the article index is read ahead and mapped, "
        "as a server is a minute after its start",
    )
    parser.add_argument(
        "--as-server",
        action="store_true",
        help="before the first run, do what the server does at its start (the gazetteer, the "
        "sidebar's lists, the article index mapped): 'cold' is then a first visit to a server "
        "a minute after its start",
    )
    args = parser.parse_args()
    os.environ["PRESSLENS_DB"] = str(args.db.resolve())
    os.environ["PRESSLENS_READ_ONLY"] = "1"
    import streamlit.logger

    streamlit.logger.set_log_level("error")
    from bench import dashboard as bd

    bd.instrument()
    pages = [p for p in args.pages.split(",") if p] or list(bd.PAGES)
    runs = [("cold", None), ("warm", None), *bd.filter_params(args.db).items()]
    if args.filters:
        wanted = args.filters.split(",")
        runs = [(name, params) for name, params in runs if name.split()[0] in wanted]
    waited = False
    if args.as_server:
        from analysis import article_index
        from dashboard import filters_ui, serve

        t = time.perf_counter()
        serve.load_gazetteer()
        filters_ui.warm()
        for index in list(article_index._loaded.values()):
            index.mapped.wait(timeout=120)
        print(f"(the server's start-up done: {time.perf_counter() - t:.1f} s)")
        waited = True
    for page in pages:
        for name, params in runs:
            if args.after_prefetch and not waited and name != "cold":
                from analysis import article_index

                t = time.perf_counter()
                for index in list(article_index._loaded.values()):
                    index.mapped.wait(timeout=120)
                print(f"(index read ahead and mapped: waited {time.perf_counter() - t:.1f} s)")
                waited = True
            try:
                wall, total, queries = bd.run_page(page, params)
            except Exception as exc:  # noqa: BLE001 - a page that fails is a finding too
                print(f"{page:9} {name:10} ERROR {str(exc)[:150]}", flush=True)
                continue
            slow = sorted(queries, key=lambda q: -q[1])[:5]
            views = ", ".join(
                f"{n} {d:.2f}" for n, d in slow if d > float(os.environ.get("BENCH_SLOW", "0.1"))
            )
            # CPU of every thread while the page's queries ran (DuckDB runs them on all cores)
            cpu = sum(d for _, d in bd.CPU_TIMINGS)
            load = os.getloadavg()[0]
            print(
                f"{page:9} {name:10} wall {wall:6.2f} q {total:6.2f} cpu {cpu:6.2f} "
                f"load {load:4.1f} | {views}",
                flush=True,
            )


if __name__ == "__main__":
    main()
