"""One store, several processes: writers take the lock one batch at a time and wait their turn,
the dashboard reads through a shared read-only connection it lets go of, so nobody fails with a
lock error, nobody waits forever, and the dashboard shows new articles on its next rerun. All
with real processes (DuckDB's lock is per process), and a store on read-only media."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from analysis import store_lock
from analysis.store import Store

ROOT = Path(__file__).resolve().parents[1]
WRITER = Path(__file__).resolve().parent / "store_writer.py"
APP = ROOT / "dashboard" / "streamlit_app.py"
PRESSLENS = Path(sys.executable).parent / "presslens"
DATED = Path(__file__).resolve().parent / "fixtures" / "dated_articles.jsonl"


def _writer(db: Path, tag: str, batches: int, size: int, pause: float) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), tag, str(batches), str(size), str(pause)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_writers_and_a_reader_take_turns(tmp_path):
    db = tmp_path / "shared.duckdb"
    Store(db).close()
    reader = store_lock.SharedReader(db, idle=0.05)
    writers = [_writer(db, tag, batches=12, size=5, pause=0.05) for tag in ("a", "b")]
    seen = []
    deadline = time.monotonic() + 240
    while any(w.poll() is None for w in writers) and time.monotonic() < deadline:
        with reader.cursor() as con:
            seen.append(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        time.sleep(0.02)
    outputs = [w.communicate(timeout=60) for w in writers]
    for w, (out, err) in zip(writers, outputs, strict=True):
        assert w.returncode == 0, err
        assert out.strip() == "done 60"
        assert "lock" not in err.lower()
    with reader.cursor() as con:
        final = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        quotes = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    reader.close()
    assert final == (120, 120) and quotes == 120
    assert seen == sorted(seen), "a reader never sees a batch disappear"
    assert len(seen) > 1 and reader.opened > 1, "the reader let go of the file between reads"


def test_reader_waits_for_a_writer_it_sees_and_lets_go_when_idle(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    reader = store_lock.SharedReader(db, idle=0.1)
    with reader.cursor() as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    # Idle: the watcher closes the connection, so a writer in another process gets the file.
    w = _writer(db, "w", batches=1, size=3, pause=0)
    out, err = w.communicate(timeout=120)
    assert w.returncode == 0 and out.strip() == "done 3", err
    with reader.cursor() as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    reader.close()


def test_a_writer_gives_up_with_a_clear_message_when_the_lock_never_frees(tmp_path):
    db = tmp_path / "held.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); "
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(store_lock.LockTimeout, match=r"still locked after 1 s.*PID"):
            store_lock.connect(db, read_only=True, timeout=1.0)
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_writers_marker_is_ignored(tmp_path):
    db = tmp_path / "m.duckdb"
    Store(db).close()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    store_lock.marker_path(db, dead.pid).write_text(str(dead.pid))
    assert not store_lock.writer_waiting(db)
    store_lock.marker_path(db, os.getppid()).write_text("")  # a live process
    assert store_lock.writer_waiting(db)


def test_a_writer_done_leaves_a_waiting_writers_announcement(tmp_path):
    """Each writer has its own marker: the first one done must not clear the second one's (with
    one shared marker, a busy reader then starved the second writer until it stopped reading)."""
    db = tmp_path / "two.duckdb"
    Store(db).close()
    other = store_lock.marker_path(db, os.getppid())  # a live writer waiting in another process
    other.write_text("")
    with store_lock.announce_writer(db), store_lock.announce_writer(db):
        assert store_lock.marker_path(db).exists()
    assert not store_lock.marker_path(db).exists(), "the last of this process's writers removes it"
    assert store_lock.writer_waiting(db), "the other writer is still announced"
    other.unlink()
    assert not store_lock.writer_waiting(db)


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_dashboard_shows_what_an_analyze_process_adds_while_it_is_open(
    sample_db, tmp_path, monkeypatch
):
    db = tmp_path / "live.duckdb"
    shutil.copy(sample_db, db)
    monkeypatch.setenv("PRESSLENS_DB", str(db))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception and not at.error
    assert _metrics(at)["Articles"] == "1"

    analyze = subprocess.Popen(
        [str(PRESSLENS), "analyze", str(DATED), "--db", str(db), "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reruns = 0
    while analyze.poll() is None:  # the dashboard keeps being used while analyze writes
        at.run()
        assert not at.exception, at.exception[0].value
        assert not at.error, at.error[0].value
        reruns += 1
    _, err = analyze.communicate()
    assert analyze.returncode == 0, err
    assert "lock" not in err.lower()
    assert reruns >= 1
    at.run()  # the next interaction shows the new articles
    assert _metrics(at)["Articles"] == "5"


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root")
def test_a_store_on_read_only_media_can_be_viewed(sample_db, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    shutil.copy(sample_db, media / "store.duckdb")
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from streamlit.testing.v1 import AppTest
        os.environ["PRESSLENS_DB"] = {str(media / "store.duckdb")!r}
        try:
            open({str(media / "probe")!r}, "w")
            print("media is writable")
        except OSError:
            pass
        at = AppTest.from_file({str(APP)!r}, default_timeout=120).run()
        print("errors", [e.value for e in at.error], [e.value for e in at.exception])
        print("articles", {{m.label: m.value for m in at.metric}}["Articles"])
        """
    )
    mount = (
        f"mount --bind {media} {media} && mount -o remount,ro,bind {media} && "
        f'exec {sys.executable} -c "$0"'
    )
    proc = subprocess.run(
        ["unshare", "--mount", "sh", "-c", mount, script],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if "Operation not permitted" in proc.stderr or "permission denied" in proc.stderr.lower():
        pytest.skip("cannot mount in this environment")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "media is writable" not in proc.stdout
    assert "errors [] []" in proc.stdout, proc.stdout
    assert "articles 1" in proc.stdout
    # Nothing was created next to the store: no WAL, no marker.
    assert sorted(p.name for p in media.iterdir()) == ["store.duckdb"]


def test_stores_lock_is_free_between_batches(tmp_path):
    """A read-write Store holds the file only inside its methods."""
    db = tmp_path / "free.duckdb"
    store = Store(db)
    store.known_ids(["x"])
    # Released: it can be opened read-only right now (a held read-write connection would refuse).
    con = duckdb.connect(str(db), read_only=True)
    con.close()
    assert not store_lock.marker_path(db).exists()
    store.close()


def test_two_analyze_processes_write_one_store(tmp_path):
    from tests.corpus_maker import write_articles

    db = tmp_path / "two.duckdb"
    write_articles(tmp_path / "a", 40, seed=1)
    write_articles(tmp_path / "b", 40, seed=2)
    runs = [
        subprocess.Popen(
            [str(PRESSLENS), "analyze", str(tmp_path / part), "--db", str(db), "--quiet"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in ("a", "b")
    ]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
        assert "lock" not in err.lower()
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 80
