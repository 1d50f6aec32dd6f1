"""`presslens analyze` killed with SIGKILL at several points of a run leaves a store that opens,
where every quote/entity/mention/figure row has its article, no near-duplicate points at an
original that was never stored, and a re-run completes the rest. Real processes, real NLP."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from analysis import store_lock, summaries
from analysis.store import CHILD_TABLES, Store, StoreError
from tests.corpus_maker import write_articles
from tests.summary_checks import kept_and_recounted

PRESSLENS = Path(sys.executable).parent / "presslens"
ORIGINALS, COPY_EVERY = 90, 10  # three batches of 32; a syndicated copy of every tenth story
# The summaries compared exactly with a recount (the totals are sums of floats, kept by deltas)
CELLS = [t for t in summaries.TABLES if not t.endswith(("_all", "_month", "_year", "_outlet"))]


def _corpus(folder: Path) -> int:
    paths = write_articles(folder, ORIGINALS)
    for path in paths[::COPY_EVERY]:
        # The copy sorts right after its original; with the copies of later batches written
        # up front (the old order), a kill left them pointing at nothing.
        copy = path.with_name(path.stem + "-copy.txt")
        copy.write_text(path.read_text() + "\nAdditional reporting by agencies\n")
    return ORIGINALS + len(paths[::COPY_EVERY])


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = store_lock.connect(db, read_only=True, timeout=5)
    except Exception:  # being created
        return 0
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except Exception:
        return 0
    finally:
        con.close()


def _check(db: Path) -> int:
    """The store's invariants; returns its article count."""
    try:
        store = Store(db, read_only=True)
    except StoreError as exc:
        # Killed while the file was being created: a DuckDB file with no tables yet, which
        # the next run fills (the start-up is fast enough now for the first kill to land there).
        if "empty store" in str(exc):
            return 0
        raise
    with store:
        for table in CHILD_TABLES:
            orphans = store.query(
                f"SELECT count(*) AS n FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            )["n"][0]
            assert orphans == 0, f"{orphans} {table} rows without their article"
        dangling = store.query(
            "SELECT count(*) AS n FROM articles "
            "WHERE duplicate_of IS NOT NULL AND duplicate_of NOT IN (SELECT id FROM articles)"
        )["n"][0]
        assert dangling == 0, f"{dangling} near-duplicates point at a missing original"
        # An article row is whole (its derived search column is written with it).
        partial = store.query(
            "SELECT count(*) AS n FROM articles WHERE search_text IS NULL OR text IS NULL"
        )["n"][0]
        assert partial == 0
        return store.counts()["articles"]


def _analyze(inputs: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        # a write every 32 articles: this run of 99 is killed between its writes
        [str(PRESSLENS), "analyze", str(inputs), "--db", str(db), "--quiet", "--write-every", "32"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_sigkill_at_several_points_then_a_rerun_completes(tmp_path):
    inputs = tmp_path / "in"
    total = _corpus(inputs)
    db = tmp_path / "crash.duckdb"
    counts = []
    # Kill (1) while the model loads, before anything is written; (2) once the first batch is
    # in; (3) once the second batch is in. Each run resumes what the previous one left.
    for kill_when_at_least in (None, 1, 40):
        proc = _analyze(inputs, db)
        deadline = time.monotonic() + 300
        if kill_when_at_least is None:
            time.sleep(1.0)
        else:
            while _count(db) < kill_when_at_least and proc.poll() is None:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        counts.append(_check(db) if db.exists() else 0)
    # The second kill lands mid-run (what is left waits for the run's last write); the third
    # may come after the run's last write (its two batches ran side by side, and the last
    # write follows the first within a poll), which leaves the store whole: either is checked.
    assert counts == sorted(counts) and counts[1] < total, counts
    proc = _analyze(inputs, db)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert _check(db) == total
    with Store(db, read_only=True) as store:
        dups = store.query("SELECT count(*) AS n FROM articles WHERE duplicate_of IS NOT NULL")
    assert dups["n"][0] == total - ORIGINALS
    # The days a killed run left to recount (its writes' summaries wait for its end) were
    # recounted by the next: the summaries are what a full recount gives.
    with Store(db) as store:
        con = store.con
        assert not summaries.pending(con)
        kept, recounted = kept_and_recounted(con, CELLS)
    assert kept == recounted
