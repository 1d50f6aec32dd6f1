"""Load benchmark: many concurrent dashboard sessions switching pages and filters on one store.

    .venv/bin/python -m bench.load /work/stores/big50k.duckdb --sessions 20 --seconds 120

Starts ``presslens dashboard --db STORE`` as a user would (its own process, on a free port), then
runs ``--sessions`` sessions spread over ``--clients`` client processes. A session is not a
browser: it speaks Streamlit's websocket protocol (:mod:`bench.st_protocol`), so the server does
all it does for a browser tab while the clients only parse protobufs and stay far from being the
bottleneck (their CPU share is printed). Each session opens the default page under random
filters (as a shared link would), then loops until the time is up: pause ``--think`` seconds
(a reader looks at the page), pick another page and new filters — outlet, speaker, entity, a
date range, a text search, the page's own choices (sentiment scorer, entity type, what the
Compare page groups by) — and time the run from request to ``script_finished``. Every run
switches page because Streamlit reads the query string afresh on a page change, which is how a
browser carries the URL's filters into another page; a same-page filter change in a browser is
a widget event, which this client does not imitate.

Printed: p50/p95/max page time per page and overall, every error a page showed (exception
elements, error alerts), the server's peak resident memory (psutil, the process tree of
``presslens dashboard`` sampled every 0.2 s), the clients' CPU share, and the load average (the
machine is shared; a busy neighbour shows there). ``--validate N`` then times N of the same URLs
in headless Chromium and with the protocol client, one at a time, on the now idle server
(:mod:`bench.load_browser`), to show the two measure the same thing.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import multiprocessing
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Page-level choices carried in the URL (see the pages' filters_ui.page_choice calls): a reader
# switches them as often as the sidebar filters. Keyed by the page's URL path.
PAGE_CHOICES = {
    "speakers": {"scorer": ("TextBlob", "VADER")},
    "entities": {"en_type": ("All types", "People", "Organisations", "Places")},
    "compare": {"vs": ("Outlets", "Speakers", "Searches")},
}
SEARCHES = ("Aleppo", "chemical attack", "election", "Russia OR Iran", "Idlib -Turkey", "syria*")


@dataclass(frozen=True)
class Choices:
    """What the filters are drawn from: values the store holds (so a filter narrows, it is not
    dropped as unknown)."""

    sources: tuple[str, ...]
    speakers: tuple[str, ...]
    entities: tuple[str, ...]
    years: tuple[int, ...]


def store_choices(store: Path) -> Choices:
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    try:

        def top(sql: str) -> tuple[str, ...]:
            return tuple(r[0] for r in con.execute(sql).fetchall())

        return Choices(
            sources=top(
                "SELECT source FROM articles WHERE source IS NOT NULL "
                "GROUP BY 1 ORDER BY count(*) DESC LIMIT 12"
            ),
            speakers=top(
                "SELECT speaker FROM quotes WHERE speaker IS NOT NULL "
                "GROUP BY 1 ORDER BY count(*) DESC LIMIT 40"
            ),
            entities=top("SELECT name FROM entities GROUP BY 1 ORDER BY count(*) DESC LIMIT 40"),
            years=tuple(
                int(r[0])
                for r in con.execute(
                    "SELECT DISTINCT year(published) FROM articles WHERE published IS NOT NULL "
                    "ORDER BY 1"
                ).fetchall()
            ),
        )
    finally:
        con.close()


def random_query(rng: random.Random, choices: Choices, page: str) -> str:
    """A query string as the sidebar (and the page's own choices) would write it: most views
    are filtered one way, some two ways, some not at all."""
    params: dict[str, str] = {}
    pickers = {
        "source": lambda: choices.sources and rng.choice(choices.sources),
        "speaker": lambda: choices.speakers and rng.choice(choices.speakers),
        "entity": lambda: choices.entities and rng.choice(choices.entities),
        "q": lambda: rng.choice(SEARCHES),
        "year": lambda: choices.years and rng.choice(choices.years),
    }
    for key in rng.sample(list(pickers), k=rng.choice((0, 1, 1, 1, 2))):
        value = pickers[key]()
        if not value:
            continue
        if key == "year":
            params["from"], params["to"] = f"{value}-01-01", f"{value}-12-31"
        else:
            params[key] = str(value)
    for key, values in PAGE_CHOICES.get(page, {}).items():
        if rng.random() < 0.5:
            params[key] = rng.choice(values)
    return urlencode(params)


def page_label(path: str) -> str:
    return path or "overview"


# -- the client processes -------------------------------------------------------------------------
async def _session(base_url, rng, choices, start_at, t0, deadline, think, max_runs, runs) -> None:
    from bench.st_protocol import Session

    await asyncio.sleep(max(0.0, start_at - time.time()))
    async with Session(base_url) as session:
        page = ""
        for _ in itertools.count() if not max_runs else range(max_runs):
            started = time.time() - t0
            run = await session.run(page, random_query(rng, choices, page))
            runs.append({**asdict(run), "started": started})
            if time.time() + think[0] >= deadline:
                return
            await asyncio.sleep(rng.uniform(*think))
            if time.time() >= deadline:
                return
            page = rng.choice([p for p in session.nav if p != session.page])


async def _client(
    base_url, session_ids, choices, t0, ramp, seconds, think, max_runs, seed
) -> list[dict]:
    runs: list[dict] = []
    n = max(1, len(session_ids))
    tasks = []
    for sid in session_ids:
        rng = random.Random(seed * 1000 + sid)
        start_at = t0 + ramp * sid / max(1, n * 1.0) if ramp else t0
        tasks.append(
            _session(base_url, rng, choices, start_at, t0, t0 + seconds, think, max_runs, runs)
        )
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for sid, res in zip(session_ids, results, strict=True):
        if isinstance(res, BaseException):  # a lost connection is an error of that session
            runs.append(
                {"page": "(session)", "query": "", "seconds": 0.0, "elements": 0, "started": 0.0,
                 "errors": [f"session {sid}: {type(res).__name__}: {res}"], "warnings": []}
            )  # fmt: skip
    return runs


def client_process(job: tuple) -> dict:
    """One client process: its share of the sessions on one asyncio loop."""
    cpu0, wall0 = time.process_time(), time.perf_counter()
    runs = asyncio.run(_client(*job))
    return {"runs": runs, "cpu": time.process_time() - cpu0, "wall": time.perf_counter() - wall0}


def run_clients(
    base_url: str,
    choices: Choices,
    *,
    sessions: int,
    seconds: float,
    clients: int,
    think: tuple[float, float] = (0.0, 0.0),
    ramp: float = 0.0,
    max_runs: int = 0,
    seed: int = 1,
) -> tuple[list[dict], float, float]:
    """Run the sessions; returns (every run, client CPU seconds, wall seconds)."""
    clients = max(1, min(clients, sessions))
    t0 = time.time() + 0.5
    # Session i goes to client i % clients; each client spreads its own starts over the ramp.
    jobs = [
        (
            base_url,
            list(range(c, sessions, clients)),
            choices,
            t0,
            ramp,
            seconds,
            think,
            max_runs,
            seed,
        )
        for c in range(clients)
    ]
    if clients == 1:  # no child process needed
        results = [client_process(jobs[0])]
    else:
        # spawn: no forked copy of this process's state; an executor, not a Pool: a client
        # process that dies raises BrokenProcessPool instead of leaving map() waiting forever.
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(clients, mp_context=ctx) as pool:
            results = list(pool.map(client_process, jobs))
    runs = [r for res in results for r in res["runs"]]
    return runs, sum(r["cpu"] for r in results), max(r["wall"] for r in results)


# -- the server ------------------------------------------------------------------------------------
class MemorySampler:
    """Peak resident memory of a process and all its descendants, sampled in a thread. Above
    ``limit`` bytes the process group is killed: the machine is shared, and a runaway server
    would otherwise take other people's work down with it (the kernel's OOM killer)."""

    def __init__(self, pid: int, every: float = 0.2, limit: float = float("inf")) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.every = every
        self.limit = limit
        self.killed = False
        self.peak = 0
        self.cpu = 0.0  # CPU seconds the tree used while sampled (its processes' user + system)
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        import psutil

        while not self._stop.is_set():
            total = 0
            try:
                for proc in [self.root, *self.root.children(recursive=True)]:
                    with contextlib.suppress(psutil.NoSuchProcess):  # ended meanwhile
                        total += proc.memory_info().rss
                        times = proc.cpu_times()
                        used = times.user + times.system
                        self.cpu += used - self._cpu.setdefault(proc.pid, used)
                        self._cpu[proc.pid] = used
            except psutil.NoSuchProcess:
                return
            self.peak = max(self.peak, total)
            if total > self.limit:
                self.killed = True
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.root.pid, signal.SIGKILL)
                return
            self._stop.wait(self.every)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def start_dashboard(store: Path, port: int, log: Path) -> subprocess.Popen:
    """``presslens dashboard --db STORE --port PORT``, as a user types it, in its own process
    group (so that stopping it stops the Streamlit server it starts)."""
    exe = Path(sys.executable).with_name("presslens")
    cmd = [str(exe), "dashboard", "--db", str(store), "--port", str(port)]
    with open(log, "wb") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


# -- the figures --------------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def summarise(runs: list[dict], warmup: float = 0.0) -> dict:
    """Per page and overall; ``steady``: the runs started after the first ``warmup`` seconds
    (cold caches, the sessions' first pages)."""
    by_page: dict[str, list[float]] = {}
    for r in runs:
        if r["page"] != "(session)":
            by_page.setdefault(page_label(r["page"]), []).append(r["seconds"])
    everything = [s for v in by_page.values() for s in v]

    def stats(values: list[float]) -> dict:
        return {
            "n": len(values),
            "p50": percentile(values, 0.50),
            "p95": percentile(values, 0.95),
            "max": max(values, default=float("nan")),
        }

    errors = [
        f"{page_label(r['page'])}?{r['query']}: {e}" for r in runs for e in r["errors"]
    ]  # fmt: skip
    steady = [r["seconds"] for r in runs if r["page"] != "(session)" and r["started"] >= warmup]
    return {
        "pages": {page: stats(v) for page, v in sorted(by_page.items())},
        "overall": stats(everything),
        "steady": stats(steady),
        "errors": errors,
    }


def print_report(summary: dict, meta: dict) -> None:
    print(f"{'page':<11} {'runs':>5} {'p50 s':>7} {'p95 s':>7} {'max s':>7}")
    rows = [
        *summary["pages"].items(),
        ("ALL", summary["overall"]),
        (f"after {meta['warmup']:g}s", summary["steady"]),
    ]
    for page, s in rows:
        print(f"{page:<11} {s['n']:>5} {s['p50']:>7.2f} {s['p95']:>7.2f} {s['max']:>7.2f}")
    print(f"errors: {len(summary['errors'])}")
    for e in summary["errors"][:20]:
        print(f"  {e}")
    print(
        f"server peak RSS (process tree): {meta['peak_rss_mb']:,.0f} MB, CPU "
        f"{meta['server_cpu_s']:.0f} s ({meta['server_cpu_s'] / max(1, summary['overall']['n']):.2f}"
        " s a run) · "
        f"clients: {meta['clients']} processes, {meta['client_cpu_s']:.1f} CPU s in "
        f"{meta['wall_s']:.0f} s ({meta['client_cpu_share']:.0%} of one core) · "
        f"load average before {meta['load_before']} after {meta['load_after']} "
        f"({os.cpu_count()} CPUs)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="the store to serve (opened read-only)")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--clients", type=int, default=2, help="client processes")
    parser.add_argument(
        "--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("MIN", "MAX"),
        help="a session's pause between two page runs, uniform in [MIN, MAX] s (default 1 3)",
    )  # fmt: skip
    parser.add_argument("--ramp", type=float, default=10.0, help="sessions start over RAMP s")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--runs", type=int, default=0, help="a session stops after RUNS page runs (0: no limit)"
    )
    parser.add_argument(
        "--warmup", type=float, default=30.0,
        help="also summarise the runs started after the first WARMUP s (default 30)",
    )  # fmt: skip
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--validate", type=int, default=0, metavar="N",
                        help="then time N URLs in Chromium and with the client, one at a time")  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--kill-above-gb", type=float, default=6.0, metavar="GB",
        help="stop the server if its memory passes this (default 6; the machine is shared)",
    )  # fmt: skip
    args = parser.parse_args(argv)

    from dashboard import launch

    store = args.store.expanduser().resolve()
    if not store.exists():
        print(f"bench.load: {store}: no such store", file=sys.stderr)
        return 2
    choices = store_choices(store)
    port = args.port or launch.free_port()
    url = f"http://127.0.0.1:{port}"
    log = Path(f"/tmp/presslens-load-{port}.log")
    server = start_dashboard(store, port, log)
    try:
        launch.wait_ready(url, server, timeout=120)
        load_before = tuple(round(x, 2) for x in os.getloadavg())
        with MemorySampler(server.pid, limit=args.kill_above_gb * 1e9) as memory:
            runs, cpu, wall = run_clients(
                url, choices, sessions=args.sessions, seconds=args.seconds,
                clients=args.clients, think=tuple(args.think), ramp=args.ramp,
                max_runs=args.runs, seed=args.seed,
            )  # fmt: skip
        load_after = tuple(round(x, 2) for x in os.getloadavg())
        summary = summarise(runs, args.warmup)
        if memory.killed:
            summary["errors"].insert(
                0, f"the server passed {args.kill_above_gb:g} GB and was stopped (--kill-above-gb)"
            )
        meta = {
            "store": str(store),
            "sessions": args.sessions,
            "seconds": args.seconds,
            "think": list(args.think),
            "ramp": args.ramp,
            "warmup": args.warmup,
            "clients": args.clients,
            "client_cpu_s": cpu,
            "wall_s": wall,
            "client_cpu_share": cpu / wall if wall else 0.0,
            "peak_rss_mb": memory.peak / 1e6,
            "server_cpu_s": memory.cpu,
            "load_before": load_before,
            "load_after": load_after,
        }
        print(f"{args.sessions} sessions × {args.seconds:g} s on {store.name} ({url}), think "
              f"{args.think[0]:g}–{args.think[1]:g} s, ramp {args.ramp:g} s")  # fmt: skip
        print_report(summary, meta)
        if args.validate:
            from bench.load_browser import compare

            rng = random.Random(args.seed)
            pages = sorted({r["page"] for r in runs if r["page"] != "(session)"})
            urls = [(p, random_query(rng, choices, p)) for p in rng.choices(pages, k=args.validate)]
            meta["validation"] = compare(url, urls)
        if args.json:
            out = {"meta": meta, **summary, "runs": runs}
            args.json.write_text(json.dumps(out, indent=1, default=str))
    finally:
        launch.stop(server)
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
