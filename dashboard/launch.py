"""Starting and stopping the Streamlit server: for ``presslens dashboard`` (in the foreground),
and for ``presslens report`` and the browser tests (in the background, on a free port).

The store reaches the app through the ``PRESSLENS_DB`` environment variable (and read-only mode
through ``PRESSLENS_READ_ONLY``), which keeps the app's command line Streamlit's own. A
background server runs in its own process group so that stopping it stops everything it started.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from dashboard.settings import ENV_DB, ENV_LINK_BASE, ENV_READ_ONLY, ENV_WARM_PLACES, default_db

APP = Path(__file__).resolve().parent / "streamlit_app.py"
# The dashboard listens on this machine only unless `presslens dashboard --host` says otherwise.
LOCAL_HOST = "127.0.0.1"
SERVER_FLAGS = (
    "--server.headless=true",
    "--browser.gatherUsageStats=false",
    "--server.fileWatcherType=none",
    "--server.maxUploadSize=200",
    "--theme.base=light",
    "--theme.primaryColor=#1f5fa8",
    "--client.toolbarMode=minimal",
    # Streamlit runs a full garbage collection after every script run by default: with the
    # gazetteer and the view caches in memory that took ~9% of the server's time under load
    # (bench/load.py), holding the GIL while every other session waited. Python's own
    # collector still runs.
    "--runner.postScriptGC=false",
    # A timeline's click sets the date pickers through the session state while they are given
    # their default (filters_ui.narrow_to_clicked_period): so the clicked dates reach the link
    # in the click's own run (without the default they reached it only after the reader's next
    # click). Streamlit logs a warning with a whole stack trace for that, once a process.
    "--global.disableWidgetStateDuplicationWarning=true",
)


def command(port: int, host: str = LOCAL_HOST) -> list[str]:
    # Through dashboard.serve: the server watches this process and stops if it dies.
    return [
        sys.executable,
        "-m",
        "dashboard.serve",  # `streamlit run`, quieter, stopping when this process dies
        str(os.getpid()),
        "run",
        str(APP),
        f"--server.port={port}",
        f"--server.address={host}",
        *SERVER_FLAGS,
    ]


def environment(
    db: Path | None,
    *,
    read_only: bool = False,
    link_base: str | None = None,
    warm_places: bool = True,
) -> dict[str, str]:
    env = dict(os.environ)
    # glibc gives each thread that finds the arenas busy an arena of its own, up to 8 per core,
    # and memory freed in one arena serves no other: the server's threads (a script run per
    # session, DuckDB's workers, the start-up warming) left 400-450 MB of freed memory held in
    # them at a million articles (bench/dashboard.py's server part: 1,916 MB of its own memory
    # with the default, 1,475 MB with one arena per core). A value the user set is kept.
    env.setdefault("MALLOC_ARENA_MAX", str(max(2, os.cpu_count() or 2)))
    if warm_places:
        env.pop(ENV_WARM_PLACES, None)
    else:
        env[ENV_WARM_PLACES] = "0"
    if link_base:
        env[ENV_LINK_BASE] = link_base
    else:
        env.pop(ENV_LINK_BASE, None)
    if db is not None:
        env[ENV_DB] = str(Path(db).expanduser().resolve())
    else:
        env.pop(ENV_DB, None)
    if read_only:
        env[ENV_READ_ONLY] = "1"
    else:
        env.pop(ENV_READ_ONLY, None)
    return env


def run(db: Path | None, port: int, *, host: str = LOCAL_HOST, read_only: bool = False) -> int:
    """Run the dashboard in the foreground until Ctrl-C (or SIGTERM/SIGHUP, which the CLI turns
    into the same interrupt); returns the exit status. ``read_only``: the app never writes (no
    uploads, no analysis, no undoing of merges)."""
    if db is not None and not Path(db).exists():
        print(
            f"presslens: error: {db}: no such store (run `presslens analyze ... --db {db}`)",
            file=sys.stderr,
        )
        return 2
    if db is not None and Path(db).is_dir():
        print(
            f"presslens: error: {db}: a folder, not a store: --db names the store's file "
            "(e.g. --db news.duckdb; `presslens analyze FOLDER --db news.duckdb` fills it)",
            file=sys.stderr,
        )
        return 2
    if db is not None and not _duckdb_file(db):
        # The server had started on it, and every page then failed in the browser.
        print(
            f"presslens: error: {db}: not a presslens store (not a DuckDB file); give the "
            "--db that `presslens analyze` filled",
            file=sys.stderr,
        )
        return 2
    if read_only and db is None and not default_db().exists():
        print(
            "presslens: error: --read-only: the sample store is built on the first start that may "
            "write it; run `presslens dashboard` once without --read-only, or give --db FILE",
            file=sys.stderr,
        )
        return 2
    if not port_free(port, host):
        # Streamlit would start, print a line and die with exit 1 after ours had announced the
        # dashboard on that port; `presslens report --port` says this as a usage error too.
        print(
            f"presslens: error: --port {port}: that port is in use; choose another "
            "(`--port N`) or stop what listens there",
            file=sys.stderr,
        )
        return 2
    shown = "localhost" if host == LOCAL_HOST else host
    mode = ", read-only" if read_only else ""
    print(
        f"presslens: dashboard on http://{shown}:{port}{mode}  (Ctrl-C stops it)", file=sys.stderr
    )
    proc = subprocess.Popen(command(port, host), env=environment(db, read_only=read_only))
    try:
        return proc.wait()
    except KeyboardInterrupt as exc:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        return 128 + getattr(exc, "signum", signal.SIGINT)


def _duckdb_file(db: Path) -> bool:
    """Whether ``db`` is a DuckDB file, read from its first bytes: no lock taken, so a writer
    holding the store never delays the dashboard's start."""
    from analysis.store import looks_like_duckdb

    return looks_like_duckdb(Path(db))


def port_free(port: int, host: str = LOCAL_HOST) -> bool:
    """Whether a server could listen on ``host:port`` now. With SO_REUSEADDR, as the server
    binds, so a port a stopped server left in TIME_WAIT counts as free."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    """Wait until the server answers its health check; raise if it dies or takes too long."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the dashboard server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        # A short poll: a report's first page waits on this (a health check costs ~1 ms).
        time.sleep(0.05)
    raise TimeoutError(f"the dashboard server did not start within {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    """Stop a background server and its whole process group."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


@contextlib.contextmanager
def background_server(
    db: Path | None,
    *,
    read_only: bool = True,
    port: int | None = None,
    log: Path | None = None,
    link_base: str | None = None,
    warm_places: bool = True,
) -> Iterator[str]:
    """Run the dashboard in the background for the duration of the ``with``; yields its URL.
    ``warm_places=False``: the server does not load the place gazetteer ahead (no Places page
    will be asked for)."""
    port = port or free_port()
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        command(port),
        env=environment(db, read_only=read_only, link_base=link_base, warm_places=warm_places),
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stop() takes down all it started
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, proc)
        yield url
    finally:
        stop(proc)
        if log:
            out.close()
