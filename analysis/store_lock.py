"""Sharing one DuckDB store file between processes: short lock holds, polite readers, retries.

DuckDB lets one process open a database file read-write *or* any number of processes open it
read-only, never both (https://duckdb.org/docs/current/connect/concurrency). presslens lives
with that rule by holding the file only briefly on both sides:

- a writer (``presslens analyze``, an upload) opens the file read-write for one batch
  transaction at a time and closes it again, so the NLP between batches holds nothing;
- a reader (the dashboard) goes through :class:`SharedReader`: one read-only connection per
  process, opened on demand and closed as soon as it has been idle for a moment or a writer is
  waiting;
- a writer announces itself with a small marker file of its own (``STORE.writer.PID``) while it
  waits for and holds the lock; readers that see it close their connection after their current
  query and wait for the marker to go, so a busy dashboard cannot starve a writer. A marker left
  by a killed writer (its PID gone) is ignored.

Opening retries with back-off while another process holds a conflicting lock, up to a timeout,
and then fails with one clear message naming the holder.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

# How long a writer waits for readers (and other writers) to let go before giving up: one batch
# of another writer can take a while to write, so this is generous.
WRITE_TIMEOUT = float(os.environ.get("PRESSLENS_LOCK_TIMEOUT", "300"))
# How long a reader waits for a writer's batch transaction.
READ_TIMEOUT = float(os.environ.get("PRESSLENS_READ_TIMEOUT", "60"))
# A reader's connection is closed after this long without a query: its lock blocks writers
# that do not announce themselves (a presslens writer is let in at once, see writer_waiting).
# Long enough to outlast a page's rendering between its queries: closing drops DuckDB's cached
# blocks and the filters' pinned article ids (analysis.filters.pin), which then cost again.
IDLE_CLOSE = 5.0
_FIRST_DELAY, _MAX_DELAY = 0.02, 0.5


class LockTimeout(RuntimeError):
    """Another process held the store's lock for longer than the timeout."""


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    text = str(exc)
    # Another process holds the file ("Could not set lock … Conflicting lock is held"), or this
    # process holds it with the other access mode ("… with a different configuration", or, for
    # the reader's attached store, "Unique file handle conflict").
    return any(
        s in text
        for s in ("Conflicting lock", "different configuration", "Unique file handle conflict")
    )


def connect(
    path: str | Path, *, read_only: bool, timeout: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open ``path``, retrying with back-off while a conflicting lock is held elsewhere."""
    return _retrying(
        path, lambda: duckdb.connect(str(path), read_only=read_only), read_only, timeout
    )


# The store's name in a reader's connection (see open_reader).
READER_CATALOG = "presslens_store"


def open_reader(path: str | Path, *, timeout: float | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the store at ``path`` attached read-only as the current
    catalog (:data:`READER_CATALOG`; each cursor must ``USE`` it, see :func:`use_store`).

    The in-memory database is where a reader keeps what it derives from the store for a while
    (:func:`analysis.filters.pin`: the article ids of a filter, made once and read by every
    query of a page) without ever writing to the store file; its lock on the file is the same
    shared read lock as ``duckdb.connect(path, read_only=True)``'s.
    """

    def attach() -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(":memory:")
        try:
            # An in-memory database spills to ".tmp" in the working directory by default (a
            # million-article page filled the project's folder with 10 GB): a temp folder instead.
            con.execute(f"SET temp_directory = {_literal(reader_temp_directory())}")
            con.execute(f"ATTACH {_literal(path)} AS {READER_CATALOG} (READ_ONLY)")
            use_store(con)
        except BaseException:
            con.close()
            raise
        return con

    return _retrying(path, attach, True, timeout)


def reader_temp_directory() -> str:
    """Where a reader's DuckDB spills what does not fit its memory: one folder per process in
    the system's temp folder (DuckDB removes its files when the connection closes)."""
    return os.path.join(tempfile.gettempdir(), f"presslens-reader-{os.getpid()}")


def _literal(value: str | Path) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def use_store(cur: duckdb.DuckDBPyConnection) -> None:
    """Make the attached store the catalog unqualified names resolve in (per cursor: a cursor
    of a reader's connection starts in the in-memory database)."""
    cur.execute(f"USE {READER_CATALOG}")


def _retrying(path, opener, read_only: bool, timeout: float | None):
    """``opener()``, retried with back-off while a conflicting lock is held elsewhere."""
    timeout = (READ_TIMEOUT if read_only else WRITE_TIMEOUT) if timeout is None else timeout
    deadline = time.monotonic() + timeout
    delay = _FIRST_DELAY
    while True:
        try:
            return opener()
        except (duckdb.IOException, duckdb.ConnectionException, duckdb.OperationalError) as exc:
            if not _is_lock_conflict(exc):
                raise
            if time.monotonic() + delay > deadline:
                raise LockTimeout(
                    f"{path}: still locked after {timeout:.0f} s ({_holder(exc)})"
                ) from None
        time.sleep(delay)
        delay = min(_MAX_DELAY, delay * 2)


def _holder(exc: BaseException) -> str:
    text = str(exc)
    start = text.find("Conflicting lock")
    if start < 0:
        return "held by another connection in this process"
    return text[start:].split(". ")[0]


# -- the writer's marker --------------------------------------------------------------------
def marker_path(path: str | Path, pid: int | None = None) -> Path:
    """The marker a writer (this process unless ``pid``) leaves beside the store while it waits
    for or holds the lock. One file per writer: with a single shared file, the first writer to
    finish removed the announcement of a second one still waiting, and a busy reader then
    starved that second writer."""
    return Path(f"{path}.writer.{os.getpid() if pid is None else pid}")


def _marker_pids(path: str | Path) -> list[int]:
    store = Path(path)
    prefix = f"{store.name}.writer."
    try:
        with os.scandir(store.parent) as entries:
            names = [e.name for e in entries if e.name.startswith(prefix)]
    except OSError:
        return []
    return [int(n[len(prefix) :]) for n in names if n[len(prefix) :].isdigit()]


def writer_waiting(path: str | Path) -> bool:
    """True while a live writer has announced that it wants or holds the store."""
    for pid in _marker_pids(path):
        if pid == os.getpid():
            return True  # this process's own writer (an upload in the dashboard)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue  # left behind by a killed writer
        except PermissionError:
            return True
        return True
    return False


@contextlib.contextmanager
def announce_writer(path: str | Path) -> Iterator[None]:
    """Hold the writer marker for the duration of the ``with`` (best effort: a store on
    read-only media has no writer, and a marker that cannot be written only costs politeness)."""
    marker = marker_path(path)
    # Several writers of one process (two uploads at once) share its marker: the last one out
    # removes it.
    with _OWN_LOCK:
        _OWN_WRITERS[marker] = _OWN_WRITERS.get(marker, 0) + 1
    with contextlib.suppress(OSError):  # read-only media: no marker, only less politeness
        marker.write_text(str(os.getpid()))
    try:
        yield
    finally:
        with _OWN_LOCK:
            _OWN_WRITERS[marker] -= 1
            if not _OWN_WRITERS[marker]:
                del _OWN_WRITERS[marker]
                with contextlib.suppress(OSError):
                    marker.unlink()


_OWN_WRITERS: dict[Path, int] = {}
_OWN_LOCK = threading.Lock()


# -- the reader ------------------------------------------------------------------------------
# Every live reader, closed at exit: a DuckDB connection still open in a daemon thread while the
# interpreter shuts down aborts the process ("terminate called after throwing …").
_READERS: weakref.WeakSet[SharedReader] = weakref.WeakSet()


@atexit.register
def _close_readers() -> None:
    for reader in list(_READERS):
        reader.close(wait=False)


class SharedReader:
    """One read-only connection to a store for a whole process, held only while it is used.

    :meth:`cursor` hands out a cursor for one query; the connection is opened on first use and
    closed by a watcher thread once no cursor is out and it has been idle for ``idle`` seconds,
    or as soon as no cursor is out while a writer waits. ``setup`` statements (e.g. a memory
    limit) run on every new connection.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        setup: tuple[str, ...] = (),
        idle: float = IDLE_CLOSE,
        timeout: float = READ_TIMEOUT,
    ) -> None:
        self.path = Path(path)
        self.setup = setup
        self.idle = idle
        self.timeout = timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        self._in_use = 0
        self._last_used = 0.0
        self._cond = threading.Condition()
        self._watcher: threading.Thread | None = None
        self.opened = 0  # how many times a connection was opened (for tests and diagnostics)
        _READERS.add(self)

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._cond:
            # A waiting writer goes first: stop handing out cursors, close once the ones out are
            # back, and wait for its marker to go (cond.wait releases the lock meanwhile).
            deadline = time.monotonic() + self.timeout
            while writer_waiting(self.path) and time.monotonic() < deadline:
                if self._con is not None and not self._in_use:
                    self._close_locked()
                self._cond.wait(0.05)
            if self._con is None:
                self._con = open_reader(self.path, timeout=self.timeout)
                self.opened += 1
                for statement in self.setup:
                    self._con.execute(statement)
                self._start_watcher()
            self._in_use += 1
            cur = self._con.cursor()
        try:
            use_store(cur)
            yield cur
        finally:
            cur.close()
            with self._cond:
                self._in_use -= 1
                self._last_used = time.monotonic()
                self._cond.notify_all()

    def _start_watcher(self) -> None:
        if self._watcher is None or not self._watcher.is_alive():
            self._watcher = threading.Thread(
                target=self._watch, name="presslens-store-reader", daemon=True
            )
            self._watcher.start()

    def _watch(self) -> None:
        with self._cond:
            while self._con is not None:
                self._cond.wait(0.05)
                if self._in_use:
                    continue
                idle = time.monotonic() - self._last_used
                if idle >= self.idle or writer_waiting(self.path):
                    self._close_locked()

    def _close_locked(self) -> None:
        if self._con is not None:
            with contextlib.suppress(duckdb.Error):
                self._con.close()
            self._con = None

    def close(self, *, wait: bool = True) -> None:
        """Close the connection (after the cursors out are back, if ``wait``)."""
        with self._cond:
            while wait and self._in_use:
                self._cond.wait(0.05)
            self._close_locked()
            watcher = self._watcher
        if watcher is not None and watcher is not threading.current_thread():
            watcher.join(timeout=1)
