"""Dashboard benchmark: every page on a 50,000-article store — query time, page time, memory.

The store is filled by replicating the stored rows of the analysed real corpora with fresh ids and
shifted dates (``bench/replicate.py``); NLP is not re-run. Then, for each page, run in-process with
Streamlit's AppTest (the page's own code, its own queries):

* **first load** — empty caches: the page's wall time and the time of its store queries;
* **after the first load** — the same page again (the steady state a user clicks around in);
* **filter change** — the page under a new filter (an outlet, a year, a speaker): a cache miss,
  so its store queries run again; the target is ≤ 300 ms of query time.

Finally the real server is started on the store, every page is opened in headless Chromium (also
filtered), and the server's resident memory is read (target ≤ 2 GB).

The machine's load average is printed beside every row: timings taken while other work runs on
the same cores are not comparable. One command per store size (the store is replicated first
if ``--db`` does not exist; see ``bench/replicate.py``):

    .venv/bin/presslens analyze ../shared/data/fakes/articles.csv ../shared/data/bbc/{business,entertainment,politics,sport,tech} --db /tmp/bench/real.duckdb --workers 2
    .venv/bin/python -m bench.dashboard --source /tmp/bench/real.duckdb --db /tmp/bench/big50k.duckdb --articles 50000
    .venv/bin/python -m bench.dashboard --source /tmp/bench/real.duckdb --db /tmp/bench/big1m.duckdb --articles 1000000
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = ("overview", "speakers", "entities", "figures", "articles", "data")
TIMINGS: list[tuple[str, float]] = []
# The same queries' CPU time (every thread of the process: DuckDB's and Streamlit's): on a shared
# machine a query's wall time grows with what else runs, its CPU time much less.
CPU_TIMINGS: list[tuple[str, float]] = []


def _timed(name, fn):
    def wrapper(*args, **kwargs):
        t, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMINGS.append((name, time.perf_counter() - t))
            CPU_TIMINGS.append((name, time.process_time() - cpu))

    return wrapper


def instrument() -> None:
    """Time every store query the pages make (the view functions, wrapped in place)."""

    from analysis import (
        article_views,
        place_views,
    )
    from dashboard import data

    # Each cached function of dashboard.data names its view (``.view``); the view is replaced in
    # its module, where the cached function looks it up when the cache misses.
    for name, fn in list(vars(data).items()):
        view = getattr(fn, "view", None)
        if view is not None:
            setattr(sys.modules[view.__module__], view.__name__, _timed(name, view))
    for name in (
        "filter_options", "top_names", "known_names", "article_detail", "data_version", "search_ids",
    ):  # fmt: skip
        setattr(article_views, name, _timed(name, getattr(article_views, name)))
    # the Places page's work, which its cached functions reach through the store's settlement
    for name in ("settle", "settled_places"):
        setattr(place_views, name, _timed(name, getattr(place_views, name)))


def run_page(page: str, params: dict | None = None) -> tuple[float, float, list[tuple[str, float]]]:
    """(wall s, query s, the queries) of one AppTest run of ``page``."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard" / "streamlit_app.py"), default_timeout=300)
    _share_components(at)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    TIMINGS.clear()
    CPU_TIMINGS.clear()
    t = time.perf_counter()
    at.run()
    wall = time.perf_counter() - t
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    queries = list(TIMINGS)
    return wall, sum(d for _, d in queries), queries


_COMPONENTS: list = []


def _share_components(at) -> None:
    """Give every AppTest of the process one scan of the installed Streamlit components. Each
    new AppTest scans them at its first run (0.8 s here), which a server does once at its start,
    not in a visitor's page run: without this every first load below counted it. Private
    Streamlit API; without it (another Streamlit) the figures include the scan again."""
    if not hasattr(at, "_bidi_component_manager"):
        return
    if not _COMPONENTS:
        try:
            from streamlit.components.v2.component_manager import BidiComponentManager
        except ImportError:
            return
        manager = BidiComponentManager()
        manager.discover_and_register_components(start_file_watching=False)
        _COMPONENTS.append(manager)
    at._bidi_component_manager = _COMPONENTS[0]


def filter_params(db: Path) -> dict[str, dict]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        source = con.execute(
            "SELECT source FROM articles WHERE source IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC"
        ).fetchone()
        # the 4th most quoted speaker, and the 5th: the filter changed from one to the other
        # (a process's first row filter maps the article index's pages, the next one reads
        # them mapped, as a server does after its first minutes)
        big = con.execute(
            "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY 1 "
            "ORDER BY count(*) DESC, 1 LIMIT 2 OFFSET 3"
        ).fetchall()
        speaker, speaker_next = (big + [None, None])[:2]
        # a speaker as an analyst picks one: quoted in about 0.1 % of the articles (1,000 of a
        # million), where the 4th most quoted is in 4 %
        (n_articles,) = con.execute("SELECT count(*) FROM articles").fetchone()
        mid = con.execute(
            "SELECT q.speaker FROM quotes q WHERE q.speaker IS NOT NULL GROUP BY 1 "
            "ORDER BY abs(count(DISTINCT q.article_id) - ?), 1 LIMIT 1",
            [max(n_articles // 1000, 5)],
        ).fetchone()
    finally:
        con.close()
    out = {"year 2015": {"from": "2015-01-01", "to": "2015-12-31"}}
    if source:
        out["outlet"] = {"source": source[0]}
    if speaker:
        out["speaker"] = {"speaker": speaker[0]}
    if speaker_next:
        out["speaker-next"] = {"speaker": speaker_next[0]}
    if mid:
        out["speaker-mid"] = {"speaker": mid[0]}
    out["search"] = {"q": "election"}
    return out


async def _first_runs(url: str) -> dict[str, float]:
    """Each page's first run on the server at ``url``, in :data:`PAGES` order, each in a new
    session (seconds from the request to the run's end)."""
    from bench.st_protocol import Session

    out = {}
    for name in PAGES:
        async with Session(url) as session:
            run = await session.run("" if name == "overview" else name)
        if run.errors:
            raise RuntimeError(f"{name}: {run.errors[0]}")
        out[name] = run.seconds
    return out


def server_memory(
    db: Path,
    filters: dict[str, dict],
    first_loads: dict[str, float] | None = None,
    first_wait: float = 0.0,
) -> tuple[float, float]:
    """Resident memory (MB) of the server after every page was opened, plain and filtered, and
    how much of it is mapped files (the article index's pages, which the system can drop and
    read again, not the server's own memory). ``first_loads`` gets each page's first run on the
    server, started a moment before (its start-up warming, ``dashboard/serve.py``, may still be
    running): a session opens the page's link and is timed from its request to the run's end
    (``bench/st_protocol.py``, Streamlit's own websocket protocol, as a browser speaks it; a
    browser then draws the page: on this machine's Chromium 2-5 s more, the client's work),
    ``first_wait`` seconds after the server answers (a reader opening the link a moment after
    its start; 0: at once, while the server's start-up warming still runs)."""
    from urllib.parse import urlencode

    import psutil
    from playwright.sync_api import sync_playwright

    from dashboard import launch, report_capture

    port = launch.free_port()
    with launch.background_server(db, read_only=True, port=port) as url:
        if first_loads is not None:  # before Playwright's own event loop is started here
            time.sleep(first_wait)
            first_loads.update(asyncio.run(_first_runs(url)))
        with sync_playwright() as p:
            browser = report_capture.open_browser(p)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for params in [{}, *filters.values()]:
                for name in PAGES:
                    path = "" if name == "overview" else name
                    page.goto(f"{url}/{path}?{urlencode(params)}", wait_until="domcontentloaded")
                    report_capture.wait_drawn(page, 180)
            browser.close()
        server = next(
            proc
            for proc in psutil.process_iter(["cmdline"])
            if f"--server.port={port}" in " ".join(proc.info["cmdline"] or [])
        )
        procs = [server, *server.children(True)]
        rss = sum(p.memory_info().rss for p in procs)
        mapped = sum(p.memory_info().shared for p in procs)  # file-backed resident pages
    return rss / 1e6, mapped / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("/tmp/bench/real.duckdb"))
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench/big.duckdb"))
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--no-memory", action="store_true", help="skip the browser/memory part")
    parser.add_argument(
        "--first-wait",
        type=float,
        default=0.0,
        help="seconds between the server's start and its first page runs (default: 0)",
    )
    args = parser.parse_args()

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    import streamlit.logger

    streamlit.logger.set_log_level("error")

    if not args.db.exists():
        from bench.replicate import replicate

        if not args.source.exists():
            raise SystemExit(f"{args.source} missing: analyse the real corpora first (see --help)")
        t = time.perf_counter()
        counts = replicate(args.source, args.db, articles=args.articles)
        print(f"replicated {args.source} → {args.db} in {time.perf_counter() - t:.1f} s: {counts}")
    os.environ["PRESSLENS_DB"] = str(args.db.resolve())
    os.environ["PRESSLENS_READ_ONLY"] = "1"
    instrument()
    import duckdb

    con = duckdb.connect(str(args.db), read_only=True)
    n = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NULL").fetchone()[0]
    speakers, entities, outlets, quotes = con.execute(
        "SELECT count(DISTINCT speaker), (SELECT count(DISTINCT name) FROM entities), "
        "(SELECT count(DISTINCT source) FROM articles), count(*) FROM quotes"
    ).fetchone()
    con.close()
    print(f"store: {args.db} ({n:,} articles, {args.db.stat().st_size / 1e6:.0f} MB)")
    print(
        f"distinct speakers {speakers:,}, entities {entities:,}, outlets {outlets:,}; "
        f"quotes {quotes:,}"
    )
    print(
        "load average (1/5/15 min) at the start: " + " ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    print()

    filters = filter_params(args.db)
    print(f"{'page':10} {'first load':>16} {'after first':>12} ", end="")
    print("  ".join(f"{name + ' (query)':>18}" for name in filters), end="")
    print(f"  {'load avg':>8}")
    print(f"{'':10} {'wall / query s':>16} {'wall s':>12} ", end="")
    print("  ".join(f"{'wall / query s':>18}" for _ in filters), end="")
    print(f"  {'1 min':>8}")
    worst_warm = worst_query = worst_cold = 0.0
    slowest: list[tuple[float, str, str]] = []
    for page in PAGES:
        cold_wall, cold_q, queries = run_page(page)
        warm = statistics.median(run_page(page)[0] for _ in range(3))
        cells = []
        for params in filters.values():
            wall, q, queries_f = run_page(page, params)
            cells.append(f"{wall:6.2f} / {q:6.3f}")
            worst_query = max(worst_query, q)
            slowest.extend((d, page, name) for name, d in queries_f)
        worst_warm = max(worst_warm, warm)
        worst_cold = max(worst_cold, cold_wall)
        slowest.extend((d, page, name) for name, d in queries)
        print(
            f"{page:10} {cold_wall:6.2f} / {cold_q:6.3f}  {warm:10.2f}  "
            + "  ".join(f"{c:>18}" for c in cells)
            + f"  {os.getloadavg()[0]:8.1f}",
            flush=True,
        )
    print("\nslowest single queries:")
    for d, page, name in sorted(slowest, reverse=True)[:6]:
        print(f"  {d * 1000:7.1f} ms  {name} ({page})")
    print(f"\nworst first load: {worst_cold:.2f} s (target ≤ 2 s)")
    print(f"worst page time after the first load: {worst_warm:.2f} s (target ≤ 1.0 s)")
    print(f"worst query time on a filter change: {worst_query * 1000:.0f} ms (target ≤ 300 ms)")
    if not args.no_memory:
        first_loads: dict[str, float] = {}
        mb, mapped = server_memory(args.db, filters, first_loads, args.first_wait)
        print(
            "first load on the real server (its first run of each page, request to the run's "
            f"end, {args.first_wait:g} s after it answered): "
            + ", ".join(f"{name} {s:.2f} s" for name, s in first_loads.items())
        )
        print(
            f"server memory after opening every page, plain and filtered: {mb:,.0f} MB, of "
            f"which {mapped:,.0f} MB mapped files (target ≤ 2,000 MB; load average "
            f"{os.getloadavg()[0]:.1f})"
        )


if __name__ == "__main__":
    main()
