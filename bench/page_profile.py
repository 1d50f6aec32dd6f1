"""Where a dashboard page's server CPU goes: cProfile around AppTest runs of one page.

    .venv/bin/python -m bench.page_profile --db /work/stores/scale50k.duckdb figures entities

Each page is run once to fill the caches (the first run of a session pays for the store's
queries), then ``--runs`` times unprofiled to measure the CPU seconds of a warm run, then
``--runs`` more times under cProfile with the same URL (a warm run: what a session pays on
every page switch once the views are cached). The profile is summed up by
where the time goes — Streamlit's cache (hashing the arguments, copying the cached value out),
Plotly (building figures, JSON), Arrow (tables sent to the browser), the store's queries, the
rest of Streamlit (protobufs, widgets) — and the slowest functions are listed. AppTest runs the
page's own code in this process, so everything the server does for a browser tab is counted
except writing to the websocket.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import logging
import os
import pstats
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Where a function's own time is counted: the first prefix of its file path that matches.
BUCKETS = (
    ("streamlit cache", ("streamlit/runtime/caching",)),
    ("plotly", ("plotly/", "_plotly_utils/")),
    ("json", ("json/",)),
    ("arrow / pandas", ("pyarrow/", "pandas/", "streamlit/dataframe_util")),
    ("duckdb", ("duckdb",)),
    ("protobuf", ("google/protobuf",)),
    ("streamlit (other)", ("streamlit/",)),
    ("presslens", ("/dashboard/", "/analysis/")),
)


def bucket(filename: str) -> str:
    for name, prefixes in BUCKETS:
        if any(p in filename for p in prefixes):
            return name
    return "other"


def app(page: str, query: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard" / "streamlit_app.py"), default_timeout=600)
    for k, v in parse_qs(query).items():
        at.query_params[k] = v if len(v) > 1 else v[0]
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    return at


@contextlib.contextmanager
def profiled_threads(prof: cProfile.Profile):
    """Profile the threads started inside the block: AppTest runs the script in a thread of its
    own (as the server does), which a profiler enabled in the main thread would not see. The
    first profile event of a new thread switches cProfile on there."""

    def start(*_):
        sys.setprofile(None)
        prof.enable()

    threading.setprofile(start)
    try:
        yield
    finally:
        threading.setprofile(None)


def profile_page(page: str, query: str, runs: int, top: int) -> None:
    at = app(page, query)
    t = time.perf_counter()
    at.run()
    cold = time.perf_counter() - t
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    # Unprofiled first: the CPU seconds of a warm run (this process's: the script thread, the
    # store reader), which a busy neighbour on the machine inflates far less than wall time.
    cpu = []
    for _ in range(runs):
        fresh = app(page, query)
        t = time.process_time()
        fresh.run()
        cpu.append(time.process_time() - t)
    prof = cProfile.Profile()
    walls = []
    for _ in range(runs):
        fresh = app(page, query)  # a new session, as a page switch with a link would be
        t = time.perf_counter()
        with profiled_threads(prof):
            fresh.run()
        walls.append(time.perf_counter() - t)
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())  # own time of every function
    by_bucket: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():
        by_bucket[bucket(filename)] = by_bucket.get(bucket(filename), 0.0) + own
    print(f"== {page}?{query}  first run {cold:.2f} s, warm runs "
          f"{', '.join(f'{w:.2f}' for w in walls)} s (load {os.getloadavg()[0]:.1f})")  # fmt: skip
    print(f"   CPU of a warm run, unprofiled: median {statistics.median(cpu):.3f} s "
          f"({', '.join(f'{c:.3f}' for c in cpu)})")  # fmt: skip
    print(f"   profiled own time per warm run {total / runs:.3f} s, by where it is spent:")
    for name, own in sorted(by_bucket.items(), key=lambda kv: -kv[1]):
        print(f"   {own / runs:7.3f} s  {own / total:5.1%}  {name}")
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="+", help="page url paths: figures entities …")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--query", default="", help="URL query string, e.g. 'source=bbc'")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--top", type=int, default=40, help="functions listed (cumulative)")
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ["PRESSLENS_DB"] = str(args.db.resolve())
    os.environ["PRESSLENS_READ_ONLY"] = "1"
    for page in args.pages:
        profile_page(page, args.query, args.runs, args.top)


if __name__ == "__main__":
    main()
