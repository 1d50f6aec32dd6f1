"""A child process that must not outlive its parent: a thread that notices the parent is gone.

``presslens dashboard`` / ``report`` start a Streamlit server and ``analyze --workers N`` starts
worker processes. If the parent is killed outright (SIGKILL, OOM) nothing runs its clean-up, and
the children would go on serving a port, holding the store, or waiting for work forever. Each
such child calls :func:`watch_parent` at start: a daemon thread polls ``os.getppid()`` and, once
the process has been re-parented (the original parent died), ends it — politely first (SIGTERM,
so Streamlit closes its sessions), then for good. This is portable across start methods and
needs no ``preexec_fn`` (unsafe with threads) and no Linux-only ``prctl``.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
GRACE_SECONDS = 5.0


def watch_parent(parent_pid: int | None = None, *, poll: float = POLL_SECONDS) -> threading.Thread:
    """Start the watch; ``parent_pid`` defaults to the current parent."""
    parent = os.getppid() if parent_pid is None else parent_pid
    thread = threading.Thread(
        target=_watch, args=(parent, poll), name="presslens-parent-watch", daemon=True
    )
    thread.start()
    return thread


def _watch(parent: int, poll: float) -> None:
    while os.getppid() == parent:
        time.sleep(poll)
    log.warning("parent process %d is gone; stopping", parent)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(GRACE_SECONDS)
    os._exit(1)  # SIGTERM was ignored or clean-up hangs: go anyway


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: unwound like Ctrl-C so every ``finally`` runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextlib.contextmanager
def signals_interrupt() -> Iterator[None]:
    """Within the ``with``, SIGTERM and SIGHUP raise :class:`Stopped` (a KeyboardInterrupt), so
    a plain ``kill`` or a closed terminal stops a run the way Ctrl-C does: child servers and
    browsers are stopped, finished batches are kept. (Python's default for SIGTERM is to die on
    the spot, with no clean-up at all.)"""

    def _raise(signum, _frame):
        raise Stopped(signum)

    previous = {s: signal.signal(s, _raise) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def exit_without_teardown() -> None:
    """For a pool's worker process: at exit, leave at once (status 0) instead of freeing every
    object one by one (0.9-1.9 s with the spaCy model and the gazetteer tables loaded), which the
    pool's shutdown, and so the whole run, would wait for. Registered last, the handler runs
    first and skips the ones registered before it; a worker's multiprocessing clean-up has run
    before any of them (``Process._bootstrap``), and a worker's exit status is not read."""
    atexit.register(_leave_now)


def _leave_now() -> None:
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)
