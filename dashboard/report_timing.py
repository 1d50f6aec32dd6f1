"""Where a ``presslens report`` spends its time: each phase (server start, browser launch, content,
per-page drawing, PDF print, HTML build …) recorded with its start and end since the command
began, so overlapping phases show as overlapping. ``presslens report --verbose`` (or
``PRESSLENS_REPORT_TIMINGS=1``) prints the table on stderr; the manifest always carries it, which
is how ``bench.report`` reports the phases of each run.

Phases run on several threads at once (content, server start, browser), hence the lock.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass

ENV_TIMINGS = "PRESSLENS_REPORT_TIMINGS"


@dataclass(frozen=True)
class Phase:
    """One timed phase: seconds since the report began, at its start and its end."""

    name: str
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


class Phases:
    """The phases of one report, in the order they ended."""

    def __init__(self) -> None:
        self.origin = time.monotonic()
        self.done: list[Phase] = []
        self._lock = threading.Lock()

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.monotonic() - self.origin
        try:
            yield
        finally:
            self.add(name, start)

    def add(self, name: str, start: float) -> None:
        """Record ``name`` as begun at ``start`` (seconds since the origin) and ended now."""
        with self._lock:
            self.done.append(Phase(name, start, time.monotonic() - self.origin))

    def rows(self) -> list[dict]:
        """The phases by start time, for the manifest (seconds, rounded to 10 ms)."""
        ordered = sorted(self.done, key=lambda p: (p.start, p.end))
        return [
            {"phase": p.name, "start": round(p.start, 2), "end": round(p.end, 2),
             "seconds": round(p.seconds, 2)}
            for p in ordered
        ]  # fmt: skip

    def table(self) -> str:
        """The phases as a text table: start and end since the report began, and the length."""
        rows = self.rows()
        width = max([len(r["phase"]) for r in rows] + [5])
        lines = [f"{'phase':<{width}}  {'start':>6}  {'end':>6}  {'s':>6}"]
        lines += [
            f"{r['phase']:<{width}}  {r['start']:6.2f}  {r['end']:6.2f}  {r['seconds']:6.2f}"
            for r in rows
        ]
        return "\n".join(lines)


def wanted(verbose: bool) -> bool:
    """Whether to print the table: ``--verbose`` or the environment variable set."""
    return verbose or os.environ.get(ENV_TIMINGS, "") not in ("", "0")


def timed(phases: Phases | None, name: str) -> AbstractContextManager:
    """``phases.phase(name)``, or nothing when no one records (e.g. the in-app PDF button)."""
    return nullcontext() if phases is None else phases.phase(name)
