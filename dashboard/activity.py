"""Whether a page run is under way in this server process, so start-up work can wait its turn.

A server warms, at its start, the work a first visitor would otherwise wait for
(:func:`dashboard.data.warm`): what every page reads (the store's version, its index, the
sidebar's lists) and what one page reads (the Places page's map of the whole store, 20-30 s of
CPU at a million articles). The second kind, done while a visitor's first page ran, took half of
this machine's two cores and of Python's lock from it: the real server's first runs of the pages
took 2.5-3.4 s at a million articles where the same runs after the warming took about 1 s. So
each script run is counted here (:func:`page_run`, around the whole script in
``streamlit_app.py``), and the warming of one page's data waits (:func:`wait_idle`) until no run
has been under way for a moment: the visitor's pages first, the warming in the pauses between
them. A page that needs a value still being warmed waits for it on Streamlit's cache lock, as
before; one whose value was not warmed yet computes it itself.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# How long the server must have been without a page run before deferred warming starts: the
# next page of a visitor's first minute (a link followed, the sidebar used) usually starts within
# this of the last one's end.
QUIET_SECONDS = 2.0

_lock = threading.Condition()
_running = 0
# Counted from the moment the server starts (this module is imported as its start-up warming
# begins): a first visitor's request arrives within a second or two of the server answering.
_last_end = time.monotonic()


@contextmanager
def page_run() -> Iterator[None]:
    """Count a script run as under way while its body runs (however it ends: Streamlit's stop
    and rerun are exceptions)."""
    global _running, _last_end
    with _lock:
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            _last_end = time.monotonic()
            _lock.notify_all()


def busy() -> bool:
    """Whether a page run is under way or ended less than :data:`QUIET_SECONDS` ago."""
    with _lock:
        return _running > 0 or time.monotonic() - _last_end < QUIET_SECONDS


def wait_idle(quiet: float = QUIET_SECONDS, timeout: float | None = None) -> bool:
    """Block until no page run has been under way for ``quiet`` seconds (counting from the
    server's start when none has run). Returns False if ``timeout`` seconds passed first."""
    deadline = None if timeout is None else time.monotonic() + timeout
    with _lock:
        while True:
            now = time.monotonic()
            if _running == 0 and now - _last_end >= quiet:
                return True
            wait = quiet if _running else quiet - (now - _last_end)
            if deadline is not None:
                if now >= deadline:
                    return False
                wait = min(wait, deadline - now)
            _lock.wait(wait)
