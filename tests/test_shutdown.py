"""Stopping presslens by any signal leaves nothing running: `presslens dashboard` stops its
Streamlit server on SIGTERM and SIGHUP as on Ctrl-C; a SIGKILLed dashboard's server notices and
stops by itself; `analyze --workers 2` killed with SIGKILL takes its workers with it. Real
processes throughout (Linux /proc to find the children)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from dashboard import launch
from tests.corpus_maker import write_articles

PRESSLENS = Path(sys.executable).parent / "presslens"
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has finished; only its parent's wait is missing


def _descendants(pid: int) -> set[int]:
    found, frontier = set(), {pid}
    while frontier:
        children = {
            int(p.name)
            for p in Path("/proc").iterdir()
            if p.name.isdigit() and _ppid(int(p.name)) in frontier
        }
        frontier = children - found
        found |= children
    return found


def _wait_gone(pids: set[int], timeout: float) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = {p for p in pids if _alive(p)}
        if not left:
            return set()
        time.sleep(0.2)
    return {p for p in pids if _alive(p)}


def _serving(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
            return True
    except OSError:
        return False


def _start_dashboard(db: Path) -> tuple[subprocess.Popen, int]:
    port = launch.free_port()
    proc = subprocess.Popen(
        [str(PRESSLENS), "dashboard", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so that a signal to the test's group never reaches it
    )
    deadline = time.monotonic() + 90
    while not _serving(port):
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "the dashboard did not start"
        time.sleep(0.3)
    return proc, port


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port`` (from /proc/net/tcp*)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:  # 0A = LISTEN
                found.add(addr)
    return found


@pytest.fixture
def db(sample_db, tmp_path) -> Path:
    path = tmp_path / "store.duckdb"
    shutil.copy(sample_db, path)
    return path


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_dashboard_stops_its_server_on_a_signal(db, signum):
    proc, port = _start_dashboard(db)
    children = _descendants(proc.pid)
    assert children, "the server runs as a child process"
    # Localhost only by default: 127.0.0.1, in /proc/net/tcp's little-endian hex.
    assert _listening_addresses(port) == {"0100007F"}
    os.kill(proc.pid, signum)  # the parent only, as `kill PID` does
    assert proc.wait(timeout=30) == 128 + signum
    assert _wait_gone(children, 15) == set()
    assert not _serving(port)


def test_a_sigkilled_dashboards_server_stops_by_itself(db):
    proc, port = _start_dashboard(db)
    children = _descendants(proc.pid)
    proc.kill()
    proc.wait()
    assert _wait_gone(children, 20) == set(), "the server outlived its parent"
    assert not _serving(port)


def test_analyze_workers_die_with_a_sigkilled_parent(tmp_path):
    inputs = tmp_path / "in"
    write_articles(inputs, 100)  # four batches: more than one, so the workers run
    proc = subprocess.Popen(
        [str(PRESSLENS), "analyze", str(inputs), "--db", str(tmp_path / "w.duckdb")]
        + ["--workers", "2", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    children: set[int] = set()
    while len(children) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.3)
        children = _descendants(proc.pid)
    assert len(children) >= 2, "the workers started"
    time.sleep(1)
    children = _descendants(proc.pid)
    proc.kill()
    proc.wait()
    assert _wait_gone(children, 30) == set(), "workers (or their resource tracker) lived on"
