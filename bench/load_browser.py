"""The protocol client checked against a real browser: the same URLs timed both ways.

For each URL (a page and its query string) on an idle server, one at a time: a fresh headless
Chromium page opens it, and a fresh :class:`bench.st_protocol.Session` opens it, twice each,
alternating, after one untimed open that fills the server's caches for both. The browser is timed
on its own websocket — from the ``rerun_script`` BackMsg it sends to the ``script_finished``
ForwardMsg it receives — which is what the client times, so the two should agree within the
noise; the time until the page is drawn is printed beside it (the browser's own CPU on top).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.st_protocol import Session


def browser_time(page, url: str, timeout: float = 120.0) -> tuple[float, float]:
    """(rerun → script_finished s, goto → drawn s) of opening ``url`` in ``page``."""
    from dashboard.report_capture import wait_drawn

    marks: dict[str, float] = {}

    def on_socket(ws) -> None:
        def sent(payload) -> None:
            if isinstance(payload, bytes) and "sent" not in marks:
                msg = BackMsg()
                msg.ParseFromString(payload)
                if msg.WhichOneof("type") == "rerun_script":
                    marks["sent"] = time.perf_counter()

        def received(payload) -> None:
            if isinstance(payload, bytes) and "sent" in marks and "done" not in marks:
                msg = ForwardMsg()
                msg.ParseFromString(payload)
                if msg.WhichOneof("type") == "script_finished":
                    marks["done"] = time.perf_counter()

        ws.on("framesent", sent)
        ws.on("framereceived", received)

    page.on("websocket", on_socket)
    start = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    deadline = start + timeout
    while "done" not in marks and time.perf_counter() < deadline:
        page.wait_for_timeout(20)
    wait_drawn(page, timeout)
    drawn = time.perf_counter() - start
    if "done" not in marks:
        raise RuntimeError(f"{url}: no script_finished seen within {timeout:g} s")
    return marks["done"] - marks["sent"], drawn


def _client_time(base_url: str, path: str, query: str) -> float:
    async def once():
        async with Session(base_url) as session:
            return await session.run(path, query)

    # In a thread of its own: Playwright's sync API keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        run = pool.submit(asyncio.run, once()).result()
    if run.errors:
        raise RuntimeError(f"{path}?{query}: {run.errors[0]}")
    return run.seconds


def compare(base_url: str, urls: list[tuple[str, str]], repeats: int = 2) -> list[dict]:
    """Time each (path, query) with the browser and the client; print and return the pairs."""
    from playwright.sync_api import sync_playwright

    from dashboard.report_capture import open_browser

    out = []
    with sync_playwright() as p:
        browser = open_browser(p)
        for path, query in urls:
            full = f"{base_url}/{path}" + (f"?{query}" if query else "")
            browser_s, drawn_s, client_s = [], [], []
            _client_time(base_url, path, query)  # untimed: fills the caches for both
            for _ in range(repeats):
                client_s.append(_client_time(base_url, path, query))
                tab = browser.new_page(viewport={"width": 1400, "height": 1000})
                run_s, draw_s = browser_time(tab, full)
                tab.close()
                browser_s.append(run_s)
                drawn_s.append(draw_s)
            row = {
                "url": full,
                "client_s": statistics.median(client_s),
                "browser_s": statistics.median(browser_s),
                "browser_drawn_s": statistics.median(drawn_s),
            }
            out.append(row)
            print(
                f"  {path or 'overview':<9} client {row['client_s']:5.2f} s · browser "
                f"{row['browser_s']:5.2f} s (drawn {row['browser_drawn_s']:5.2f} s)  "
                f"?{query}"
            )
        browser.close()
    return out
