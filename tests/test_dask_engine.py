"""The Dask engine against a real cluster: a ``dask scheduler`` and two ``dask worker`` processes
started here on free localhost ports, talking to the client only over TCP — as on N machines."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.pipeline import analyze_paths
from analysis.store import TABLES, Store
from bench.diff_stores import VOLATILE
from dashboard import cli
from tests.conftest import ROOT, SAMPLE
from tests.corpus_maker import write_articles

pytestmark = pytest.mark.slow
DASK = Path(sys.executable).with_name("dask")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler():
    """Address of a running scheduler with two single-threaded workers (each its own process,
    its own spaCy model)."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    procs = [
        subprocess.Popen(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", port]
            + ["--no-dashboard", "--dashboard-address", "127.0.0.1:0"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        for i in range(2):
            procs.append(
                subprocess.Popen(
                    [DASK, "worker", address, "--nthreads", "1", "--name", f"w{i}"]
                    + ["--no-dashboard", "--host", "127.0.0.1"],
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        deadline = time.monotonic() + 60
        while True:  # the scheduler needs a moment before it accepts connections
            try:
                with Client(address, timeout=5) as client:
                    client.wait_for_workers(2, timeout=120)
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _rows(store: Store) -> dict[str, list[tuple]]:
    """Every row of every data table, sorted (the write time differs between runs, and the
    articles' integer keys follow the order of the writes: bench.diff_stores.VOLATILE)."""
    out = {}
    for table in TABLES:
        if table == "meta":
            continue
        volatile = VOLATILE.get(table)
        skip = f" EXCLUDE ({', '.join(sorted(volatile))})" if volatile else ""
        out[table] = store.con.execute(f"SELECT *{skip} FROM {table} ORDER BY ALL").fetchall()
    return out


def _inputs(folder: Path) -> list[Path]:
    articles = write_articles(folder, 40)
    text = SAMPLE.read_text(encoding="utf-8")
    copy = folder / "syndicated.txt"  # a near-duplicate: triaged on the client, never sent
    copy.write_text(
        text.replace("Diplomats urge", "Envoys urge", 1) + "\n\nBy agencies\n", encoding="utf-8"
    )
    (folder / "empty.txt").write_text("")
    return articles + [SAMPLE, copy, folder / "empty.txt"]


def test_cluster_gives_the_same_rows_as_the_local_engine(tmp_path, scheduler, capsys):
    from distributed import Client

    paths = [str(p) for p in _inputs(tmp_path / "in")]
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    assert cli.main(["analyze", *paths, "--db", str(local), "-q"]) == cli.EXIT_SOME_FAILED
    args = ["analyze", *paths, "--db", str(dask), "-q", "--engine", "dask"]
    assert cli.main([*args, "--scheduler", scheduler]) == cli.EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert err.count("skipped") == 2 and "empty file" in err
    assert "41 new, 0 already known, 1 near-duplicate, 1 failed" in err
    with Store(local, read_only=True) as one, Store(dask, read_only=True) as two:
        expected, got = _rows(one), _rows(two)
    assert len(expected["articles"]) == 42 and len(expected["quotes"]) > 10
    for table in expected:
        assert got[table] == expected[table], table
    # Each worker process loaded the model once (the plugin), and nothing else did.
    with Client(scheduler) as client:
        loaded = client.run(lambda: __import__("analysis.nlp").nlp.load.cache_info().currsize)
    assert sorted(loaded.values()) == [1, 1]


def test_interrupt_keeps_the_batches_that_finished(tmp_path, scheduler):
    from analysis.engines.dask import DaskEngine

    paths = write_articles(tmp_path / "in", 30)
    finished = []

    def progress(done, total):
        if done >= 5:  # the batches of 2 workers are cut to 4 articles (4 per worker)
            finished.append(done)
            raise KeyboardInterrupt

    with Store(tmp_path / "s.duckdb") as store:
        with DaskEngine(scheduler) as engine:
            summary, _ = analyze_paths(paths, store, batch_size=5, progress=progress, engine=engine)
        assert summary.interrupted
        (kept,) = finished
        assert 5 <= kept < 30
        assert summary.new == kept
        assert store.counts()["articles"] == kept
        with DaskEngine(scheduler) as engine:
            rest, _ = analyze_paths(paths, store, batch_size=5, engine=engine)
        assert (rest.new, rest.known) == (30 - kept, kept)
        assert store.counts()["articles"] == 30


def test_unreachable_scheduler_is_one_clear_error(tmp_path, monkeypatch, capsys):
    from analysis.engines import dask as engine_module

    monkeypatch.setattr(engine_module, "CONNECT_TIMEOUT_S", 2)
    address = f"tcp://127.0.0.1:{_free_port()}"
    argv = ["analyze", str(SAMPLE), "--db", str(tmp_path / "s.duckdb"), "--engine", "dask"]
    assert cli.main([*argv, "--scheduler", address]) == cli.EXIT_USAGE
    assert (
        f"presslens: error: cannot reach the Dask scheduler at {address}" in capsys.readouterr().err
    )
    # The store the run would have filled is not left behind empty; one that was there stays.
    assert not (tmp_path / "s.duckdb").exists()
    assert cli.main(["analyze", str(SAMPLE), "--db", str(tmp_path / "s.duckdb")]) == cli.EXIT_OK
    other = tmp_path / "other.txt"  # an article not stored yet: the run needs the scheduler
    other.write_text("Bridge reopens\n\nThe old bridge reopened on Monday, the council said.\n")
    argv[1] = str(other)
    assert cli.main([*argv, "--scheduler", address]) == cli.EXIT_USAGE
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.counts()["articles"] == 1


def test_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path, capsys):
    argv = ["analyze", str(SAMPLE), "--db", str(tmp_path / "s.duckdb")]
    assert cli.main([*argv, "--scheduler", "tcp://127.0.0.1:8786"]) == cli.EXIT_USAGE
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


def test_local_cluster_without_a_scheduler(tmp_path, monkeypatch, capsys):
    import types

    # The nanny spawns its worker, which re-imports __main__ (see test_pipeline's workers test).
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    paths = [str(p) for p in write_articles(tmp_path / "in", 6)]
    db = tmp_path / "s.duckdb"
    argv = ["analyze", *paths, "--db", str(db), "-q", "--engine", "dask", "--workers", "1"]
    assert cli.main(argv) == cli.EXIT_OK
    assert "6 new" in capsys.readouterr().err
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 6
