"""The pipeline end to end on real inputs: idempotency, duplicates, workers, failures, interrupts."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analysis import dedup, pipeline
from analysis.pipeline import analyze_paths, load_articles
from analysis.store import Store
from tests.conftest import DATA_DIR, SAMPLE
from tests.corpus_maker import write_articles


def test_sample_gives_one_article_and_idempotent_reruns(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        first, ids = analyze_paths([DATA_DIR], store)
        counts = store.counts()
        again, ids_again = analyze_paths([SAMPLE], store)
        assert (first.new, first.known, first.failed) == (1, 0, 0)
        assert (again.new, again.known, again.failed) == (0, 1, 0)
        assert ids == ids_again
        assert store.counts() == counts
        assert counts["articles"] == 1
        assert counts["quotes"] > 10 and counts["entities"] > 10 and counts["figures"] >= 5


def test_reanalyse_replaces_and_keeps_counts(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        analyze_paths([SAMPLE], store)
        counts = store.counts()
        summary, _ = analyze_paths([SAMPLE], store, reanalyse=True)
        assert summary.new == 1
        assert store.counts() == counts
        # the closing line says the one written was in the store: re-analysed, not added
        assert (summary.reanalysed, summary.added, summary.notes) == (1, 0, [])


@pytest.mark.parametrize("reanalyse", [False, True])
def test_a_story_whose_text_now_reads_otherwise_replaces_its_old_version(tmp_path, reanalyse):
    # A story's id is a hash of its cleaned text: an edited file (or a better cleaner) gave it
    # a new id, and the old version stayed beside it, counted twice everywhere.
    (tmp_path / "in").mkdir()
    paths = []
    for k, town in enumerate(("Harwick", "Dunmore", "Ellsby")):
        path = tmp_path / "in" / f"story-{k}.txt"
        path.write_text(
            f"Floods cut off {town}\n\nFloods cut off {town} on Monday, and 120 people were "
            f"moved to shelters. “The water rose in an hour,” said Mara Quinn, the mayor of "
            f"{town}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    with Store(tmp_path / "s.duckdb") as store:
        _, old_ids = analyze_paths(paths, store)
        counts = store.counts()
        edited = paths[0].read_text(encoding="utf-8") + "\nRoads reopened on Tuesday.\n"
        paths[0].write_text(edited, encoding="utf-8")
        summary, ids = analyze_paths(paths, store, reanalyse=reanalyse)
        assert summary.replaced == 1 and summary.new == (3 if reanalyse else 1)
        assert summary.added == 1  # the edited story; the two others re-analysed, or known
        stored = set(store.query("SELECT id FROM articles")["id"])
        assert stored == set(ids) and len(set(old_ids) - stored) == 1
        assert store.counts()["articles"] == counts["articles"] == 3
        # nothing is left of the old version, and the summaries count the store as it is
        for table in ("quotes", "entities", "figures", "terms", "sum_articles"):
            got = store.query(f"SELECT count(*) AS n FROM {table}")["n"][0]
            assert got > 0, table
        gone = list(set(old_ids) - stored)
        assert (
            store.query(
                "SELECT count(*) AS n FROM quotes WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [gone],
            )["n"][0]
            == 0
        )
        assert store.query("SELECT sum(n_articles) AS n FROM sum_articles")["n"][0] == 3


def test_a_story_cleaned_a_little_otherwise_is_no_copy_of_its_old_version(tmp_path):
    # A small change (a page's share counters now cleaned away) leaves the new text a
    # near-duplicate of the old: it must be analysed and replace the old version, not be
    # stored as its copy with the old analysis kept.
    story = tmp_path / "story.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    story.write_text(text, encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store:
        analyze_paths([story], store)
        story.write_text(text.rstrip() + " The talks resume on Friday.\n", encoding="utf-8")
        summary, ids = analyze_paths([story], store)
        assert (summary.new, summary.duplicates, summary.replaced) == (1, 0, 1)
        rows = store.query("SELECT id, duplicate_of FROM articles")
        assert list(rows["id"]) == ids and rows["duplicate_of"].isna().all()
        again, _ = analyze_paths([story], store)
        assert (again.new, again.known, again.replaced) == (0, 1, 0)


def test_a_file_that_fails_now_keeps_its_old_articles(tmp_path):
    paths = write_articles(tmp_path / "in", 2)
    with Store(tmp_path / "s.duckdb") as store:
        analyze_paths(paths, store)
        paths[0].write_text("", encoding="utf-8")  # emptied: fails to read
        summary, _ = analyze_paths(paths, store)
        assert summary.failed == 1 and summary.replaced == 0
        assert store.counts()["articles"] == 2


def test_syndicated_copy_is_counted_once(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    copy = tmp_path / "syndicated.txt"
    # The same story republished with another headline and a credit line: not the same id.
    copy.write_text(
        text.replace("Diplomats urge", "Envoys urge", 1) + "\n\nAdditional reporting by agencies\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "s.duckdb") as store:
        summary, _ = analyze_paths([SAMPLE, copy], store)
        assert (summary.new, summary.duplicates) == (1, 1)
        rows = store.query("SELECT title, duplicate_of FROM articles ORDER BY title")
        assert rows["duplicate_of"].isna().sum() == 1
        assert store.counts()["articles"] == 2


def test_an_outlets_update_of_its_story_is_counted_once(tmp_path):
    """Two versions of one story (same outlet, same headline, a third rewritten: too unlike for
    a copy from anywhere) are one story, stored now or in an earlier run; under another
    outlet's name the same texts are two."""
    from tests.test_dedup import _story_and_update

    story, update = _story_and_update()
    headline = "Diplomats urge Russia and Assad to show grace in Aleppo victory"
    for name, text in (("first", story), ("update", update)):
        (tmp_path / f"{name}.txt").write_text(f"{headline}\n\n{text}\n", encoding="utf-8")
    first, later = tmp_path / "first.txt", tmp_path / "update.txt"
    with Store(tmp_path / "one.duckdb") as store:
        summary, _ = analyze_paths([first, later], store, source="Daily Ledger")
        assert (summary.new, summary.duplicates) == (1, 1)
        summary, _ = analyze_paths([later], store, source="Daily Ledger")  # a later run
        assert (summary.new, summary.known) == (0, 1)
    with Store(tmp_path / "two.duckdb") as store:
        analyze_paths([first], store, source="Daily Ledger")
        summary, _ = analyze_paths([later], store, source="Daily Ledger")
        assert (summary.new, summary.duplicates) == (0, 1)  # the stored story's version
    with Store(tmp_path / "three.duckdb") as store:
        analyze_paths([first], store, source="Daily Ledger")
        summary, _ = analyze_paths([later], store, source="Evening Post")
        assert (summary.new, summary.duplicates) == (1, 0)  # another outlet's own story
        assert store.counts()["articles"] == 2
    with Store(tmp_path / "four.duckdb") as store:  # one outlet's files, read without --source
        summary, _ = analyze_paths([first, later], store)
        assert (summary.new, summary.duplicates) == (1, 1)


def test_an_interrupted_run_counts_only_the_copies_it_stored(tmp_path):
    # A copy waits for its original's write; interrupted before it, neither is stored, and the
    # closing line had still counted the copy among the near-duplicates.
    paths = write_articles(tmp_path / "in", 3)
    last = Path(paths[-1])
    copy = tmp_path / "syndicated.txt"
    copy.write_text(last.read_text(encoding="utf-8") + "\n\nAdditional reporting by agencies\n")

    def progress(done, total):
        if done >= 1:
            raise KeyboardInterrupt

    with Store(tmp_path / "s.duckdb") as store:
        summary, _ = analyze_paths([*paths, copy], store, batch_size=1, progress=progress)
        assert summary.interrupted and store.counts()["articles"] == summary.new == 1
        assert summary.duplicates == 0
        assert summary.notes == [
            "1 near-duplicate(s) of articles not stored in this run not stored either; "
            "the next run takes them"
        ]
        summary, _ = analyze_paths([*paths, copy], store)
        assert (summary.new, summary.known, summary.duplicates, summary.notes) == (2, 1, 1, [])


def test_workers_give_the_same_rows(tmp_path, monkeypatch):
    import sys
    import types

    # "spawn" workers re-import the parent's __main__; after an AppTest test in this session
    # that is the dashboard script. A real `presslens analyze` has the CLI there.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    paths = write_articles(tmp_path / "in", 40) + [SAMPLE]
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "two.duckdb") as two:
        analyze_paths(paths, one, workers=1, batch_size=8)
        analyze_paths(paths, two, workers=2, batch_size=8)
        assert one.counts() == two.counts()
        q = "SELECT article_id, speaker, text FROM quotes ORDER BY ALL"
        assert one.query(q).equals(two.query(q))


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    good = write_articles(tmp_path / "in", 3)
    (tmp_path / "empty.txt").write_text("")
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "word " * (11 * 1024 * 1024))  # ~55 MB
    with Store(tmp_path / "s.duckdb") as store:
        summary, _ = analyze_paths(
            [*good, tmp_path / "empty.txt", big, tmp_path / "gone.txt"], store
        )
        assert summary.new == 3
        assert sorted(f.reason.split(" (")[0] for f in summary.failures) == [
            "empty file",
            "file too large",
            "no such file or folder",
        ]
        assert store.counts()["articles"] == 3


def test_an_extractor_error_fails_one_article_only(tmp_path, monkeypatch):
    from analysis import extract

    paths = write_articles(tmp_path / "in", 4)
    real = extract.extract_article

    def flaky(doc, article):
        if article.title == "Story 2":
            raise RuntimeError("boom")
        return real(doc, article)

    monkeypatch.setattr(extract, "extract_article", flaky)
    with Store(tmp_path / "s.duckdb") as store:
        summary, _ = analyze_paths(paths, store)
        assert summary.new == 3
        (failure,) = summary.failures
        assert failure.path.endswith("story-00002.txt")
        assert failure.reason == "analysis failed (RuntimeError: boom)"


def test_interrupt_keeps_finished_batches(tmp_path):
    paths = write_articles(tmp_path / "in", 30)
    calls = []

    def progress(done, total):
        calls.append(done)
        if done >= 10:
            raise KeyboardInterrupt

    with Store(tmp_path / "s.duckdb") as store:
        summary, _ = analyze_paths(paths, store, batch_size=10, progress=progress)
        assert summary.interrupted
        assert summary.new == 10
        assert store.counts()["articles"] == 10
    # The store is usable afterwards: the rest is analysed by the next run.
    with Store(tmp_path / "s.duckdb") as store:
        summary, _ = analyze_paths(paths, store, batch_size=10)
        assert (summary.new, summary.known) == (20, 10)


@pytest.mark.slow
def test_folder_of_ten_thousand_small_files(tmp_path):
    write_articles(tmp_path / "many", 10_000, n_words=12)
    articles, failures = load_articles([tmp_path / "many"])
    assert len(articles) == 10_000 and not failures
    with Store(tmp_path / "s.duckdb") as store:
        summary = pipeline.analyze_articles(articles, store, batch_size=256)
        assert summary.new == 10_000
        assert store.counts()["articles"] == 10_000


def test_entity_pairs_follow_the_mentions_and_are_replaced(tmp_path):
    from analysis.entity_views import PAIRS_REBUILD_SQL

    with Store(tmp_path / "p.duckdb") as store:
        analyze_paths([SAMPLE], store)
        pairs = store.query("SELECT * FROM entity_pairs ORDER BY ALL")
        assert len(pairs) > 20
        kerry = pairs[(pairs.name_a == "John Kerry") | (pairs.name_b == "John Kerry")]
        assert "Russia" in set(kerry.name_a) | set(kerry.name_b)
        # The same as rebuilding from every stored mention.
        store.con.execute("DELETE FROM entity_pairs")
        store.con.execute(PAIRS_REBUILD_SQL)
        assert store.query("SELECT * FROM entity_pairs ORDER BY ALL").equals(pairs)
        analyze_paths([SAMPLE], store, reanalyse=True)
        assert store.counts()["entity_pairs"] == len(pairs)


def test_grouped_writes_store_what_per_batch_writes_store(tmp_path, corpus_files, monkeypatch):
    """Finished batches are written (and the identity pass run) together, every
    WRITE_EVERY_ARTICLES:
    the store ends the same as when every batch is written on its own — rows, near-duplicates
    and the identity pass's joins."""
    from bench.diff_stores import diff

    writes = []
    real_write = Store.write_batch

    def counting_write(self, results, *a, **k):
        writes.append(len(results))
        return real_write(self, results, *a, **k)

    monkeypatch.setattr(Store, "write_batch", counting_write)
    stores = {}
    monkeypatch.setattr(pipeline, "WRITE_EVERY_S", 3600.0)
    monkeypatch.setattr(pipeline, "WRITE_PAUSE_FACTOR", 0.0)
    for name, every in (("grouped", 1000), ("per_batch", 1)):
        monkeypatch.setattr(pipeline, "WRITE_EVERY_ARTICLES", every)
        writes.clear()
        stores[name] = tmp_path / f"{name}.duckdb"
        with Store(stores[name]) as store:
            summary, _ = analyze_paths(corpus_files.files, store, batch_size=8)
        assert summary.new == len(corpus_files.titles) and summary.duplicates == 3
        n_writes = len([w for w in writes if w])
        # grouped: a run shorter than one write's worth is written once, at its end
        assert n_writes == (1 if name == "grouped" else math.ceil(summary.new / 8)), writes
    assert diff(stores["per_batch"], stores["grouped"]) == 0


@pytest.mark.parametrize(
    "every_articles, every_s, write_every, expected",
    [
        # the first batch at once; then every second batch fills the 10 waiting articles and is
        # written before the bar moves on; the last one at the end
        (10, 3600.0, None, [0, 5, 5, 15, 15, 25, 25]),
        # the time is up after every batch: each is written as it finishes
        (1000, 0.0, None, [0, 5, 10, 15, 20, 25, 30]),
        # A run of no more articles than a write takes (``--write-every``) is written once, at
        # its end (an early first write would be a second fixed cost in a run of seconds): 30 of
        # 30, when the last batch fills it. One article more (29) and its first batch is written
        # at once, so a store being built shows articles early; the other 25 after the bar's
        # last step (the run's closing write).
        (1000, 3600.0, 30, [0, 0, 0, 0, 0, 0, 30]),
        (1000, 3600.0, 29, [0, 5, 5, 5, 5, 5, 5]),
    ],
)
def test_when_a_run_writes(tmp_path, monkeypatch, every_articles, every_s, write_every, expected):
    monkeypatch.setattr(pipeline, "WRITE_EVERY_ARTICLES", every_articles)
    monkeypatch.setattr(pipeline, "WRITE_EVERY_S", every_s)
    monkeypatch.setattr(pipeline, "WRITE_PAUSE_FACTOR", 0.0)
    paths = write_articles(tmp_path / "in", 30)
    stored = []

    def progress(done, total):
        stored.append(store.counts()["articles"])

    with Store(tmp_path / "s.duckdb") as store:
        summary, _ = analyze_paths(
            paths, store, batch_size=5, progress=progress, write_every=write_every
        )
    assert summary.new == 30
    assert stored == expected


def test_a_slow_write_makes_the_next_wait(monkeypatch):
    """A write that took long (a large store's identity pass) puts the next one off until
    WRITE_PAUSE_FACTOR times its duration has passed, however many articles wait — up to
    WRITE_MAX_PENDING of them; the writes stay a bounded share of the run."""
    from types import SimpleNamespace

    clock = [100.0]
    writes: list[int] = []

    class SlowStore:
        def write_batch(self, results, *args, **kwargs):
            writes.append(len(results))
            clock[0] += 10.0  # a write of ten seconds

    monkeypatch.setattr(pipeline, "WRITE_MAX_PENDING", 1000)
    writer = pipeline._Writer(SlowStore(), pipeline.RunSummary(), {}, {}, clock=lambda: clock[0])

    def finished(n):
        return [
            SimpleNamespace(article=SimpleNamespace(id=f"a{len(writes)}-{i}")) for i in range(n)
        ]

    writer.add(finished(1))  # the first batch at once
    assert writes == [1]
    clock[0] += 20.0  # 20 s after a 10 s write: too soon, though 300 articles wait
    writer.add(finished(300))
    assert writes == [1]
    clock[0] += 31.0  # 51 s: five times the last write's duration has passed
    writer.add(finished(1))
    assert writes == [1, 301]
    clock[0] += 1.0
    writer.add(finished(999))  # too soon, but as many as memory is allowed to hold
    assert writes == [1, 301]
    writer.add(finished(1))
    assert writes == [1, 301, 1000]
    writer.add(finished(5))
    writer.flush()  # the end of the run writes what waits
    assert writes == [1, 301, 1000, 5]
    assert writer.summary.new == 1307

    # a large store's first batch waits like the others
    writes.clear()
    clock[0] += 100.0
    writer = pipeline._Writer(
        SlowStore(), pipeline.RunSummary(), {}, {}, clock=lambda: clock[0], first_at_once=False
    )
    writer.add(finished(32))
    assert writes == []
    clock[0] += 31.0  # the time a slow run shows its progress after
    writer.add(finished(32))
    assert writes == [64]


def test_a_large_stores_first_batch_is_not_written_at_once(tmp_path, monkeypatch):
    from analysis import store as store_module

    monkeypatch.setattr(store_module, "LARGE_STORE_ARTICLES", 1)
    monkeypatch.setattr(pipeline, "WRITE_EVERY_S", 3600.0)
    paths = write_articles(tmp_path / "in", 12)
    stored = []
    with Store(tmp_path / "s.duckdb") as store:
        analyze_paths(paths[:1], store)  # one article already: a "large" store here

        def progress(done, total):
            stored.append(store.counts()["articles"])

        summary, _ = analyze_paths(paths, store, batch_size=4, progress=progress)
    assert summary.new == 11
    assert stored == [1, 1, 1, 1]  # nothing written before the end of the run
    with Store(tmp_path / "s.duckdb") as store:
        assert store.counts()["articles"] == 12


@pytest.mark.parametrize(
    "n, workers, sizes",
    [
        (200, 1, [32] * 6 + [8]),  # one process: the batch size as asked
        (200, 2, [25] * 8),  # 4 batches per worker instead of 4 + 3
        (10, 2, [2] * 5),
        (1000, 2, [32] * 31 + [8]),  # enough batches already
        (0, 2, []),
    ],
)
def test_a_short_run_is_cut_so_every_worker_has_batches(n, workers, sizes):
    articles = [f"article-{i}" for i in range(n)]
    batches = pipeline.split_batches(articles, 32, workers)
    assert [len(b) for b in batches] == sizes
    assert [a for b in batches for a in b] == articles


def test_a_worker_without_a_model_leaves_the_error_to_its_first_task(monkeypatch):
    """An error in a pool's initializer breaks the pool with no message; a missing model must
    reach the user as ModelNotFound (its message names the fix), raised by the task."""
    from analysis import nlp

    def missing(name=None):
        raise nlp.ModelNotFound("no spaCy model found")

    monkeypatch.setattr(pipeline.lifeline, "watch_parent", lambda pid: None)
    monkeypatch.setattr(pipeline.lifeline, "exit_without_teardown", lambda: None)
    monkeypatch.setattr(pipeline.nlp, "load", missing)
    pipeline._start_worker(0)  # no error here
    with pytest.raises(nlp.ModelNotFound):
        pipeline._analyse_batch_in_worker([])


def test_the_pass_after_a_write_leaves_the_log_a_full_pass_would(tmp_path, corpus_files):
    """A write removes the identity log of the rows it replaces, so the pass after it may skip
    the full check of the log: on the multi-outlet corpus, written in batches and then partly
    re-analysed with one article's text changed, a full pass afterwards finds nothing stale
    and changes no name, and no log row outlives its article."""
    import shutil
    from pathlib import Path

    from analysis import identity

    root = tmp_path / "news"  # a copy of our own, to edit
    shutil.copytree(Path(corpus_files.files[0]).parent, root)
    files = [root / Path(f).name for f in corpus_files.files]
    with Store(tmp_path / "s.duckdb") as store:
        analyze_paths(files, store, batch_size=8)
        story = sorted(root.rglob("*.txt"))[0]  # a new version replaces the old one
        story.write_text(
            story.read_text(encoding="utf-8")
            + "\n\nJohn Kerry said the talks would resume in Geneva on Monday.\n",
            encoding="utf-8",
        )
        summary, _ = analyze_paths([story.parent], store, batch_size=4, reanalyse=True)
        assert summary.replaced == 1
        con = store.con
        log_before = con.execute("SELECT * FROM name_raw ORDER BY ALL").fetchall()
        names_before = con.execute(
            "SELECT article_id, start, name FROM entity_mentions ORDER BY ALL"
        ).fetchall()
        assert log_before, "the corpus's joins are logged"
        identity.update(con)
        assert con.execute("SELECT * FROM name_raw ORDER BY ALL").fetchall() == log_before
        assert (
            con.execute(
                "SELECT article_id, start, name FROM entity_mentions ORDER BY ALL"
            ).fetchall()
            == names_before
        )
        orphans = con.execute(
            "SELECT count(*) FROM name_raw WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0


def test_workers_do_not_run_the_main_script_again(tmp_path, monkeypatch):
    """A spawned worker imports the parent's main script from its file; one with no main guard
    (Streamlit's AppTest leaves the app module as ``__main__``) ran in every worker and broke
    the pool. The workers start without it, and the main module keeps its file."""
    import sys
    import types

    script = tmp_path / "unguarded.py"
    script.write_text('raise SystemExit("the main script ran again in a worker")\n')
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(script)
    fake_main.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", fake_main)
    paths = write_articles(tmp_path / "in", 4)
    with Store(tmp_path / "s.duckdb") as store:
        summary, _ = analyze_paths(paths, store, workers=2, batch_size=1)
    assert summary.new == 4 and not summary.failures
    assert fake_main.__file__ == str(script)


def _wire_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    import csv

    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "text", "source", "date"])
        writer.writerows(rows)
    return path


def test_another_outlets_run_of_a_wire_story_is_counted_once(tmp_path):
    """Two outlets' runs of one wire story, each with its own lead paragraph (too unlike for a
    copy from anywhere), are one report — in one run or the next; a run that reports the toll
    otherwise, or weeks later, is another."""
    from tests.test_dedup import _wire_runs

    first, second = _wire_runs()
    herald = ("Depot blast kills twelve in Valmora", first, "Herald", "2023-03-14")
    courier = ("Twelve dead as fuel depot explodes", second, "Courier", "2023-03-15")
    retold = second.replace("Twelve people", "Fourteen people")
    with Store(tmp_path / "one.duckdb") as store:
        summary, _ = analyze_paths([_wire_csv(tmp_path / "a.csv", [herald, courier])], store)
        assert (summary.new, summary.duplicates) == (1, 1)
        copy = store.query("SELECT id, duplicate_of FROM articles WHERE source = 'Courier'")
        assert copy["duplicate_of"].notna().all()
        # the copy's figures and quotes are not counted a second time
        for table in ("figures", "quotes"):
            n = store.query(
                f"SELECT count(*) AS n FROM {table} WHERE article_id = ?", [copy["id"][0]]
            )
            assert n["n"][0] == 0
    with Store(tmp_path / "two.duckdb") as store:
        analyze_paths([_wire_csv(tmp_path / "h.csv", [herald])], store)
        summary, _ = analyze_paths([_wire_csv(tmp_path / "c.csv", [courier])], store)
        assert (summary.new, summary.duplicates) == (0, 1)  # the stored story's copy
    for other in (
        (courier[0], retold, "Courier", "2023-03-15"),  # a toll of its own
        (courier[0], second, "Courier", "2023-04-20"),  # weeks later
        (courier[0], second, "Herald", "2023-03-15"),  # the same outlet's second story
    ):
        with Store(tmp_path / "three.duckdb") as store:
            summary, _ = analyze_paths([_wire_csv(tmp_path / "o.csv", [herald, other])], store)
            assert (summary.new, summary.duplicates) == (2, 0)
        (tmp_path / "three.duckdb").unlink()


def test_a_wire_story_cut_short_by_one_outlet_is_counted_once(tmp_path):
    """One outlet runs the wire story's first two paragraphs, another the whole with a lead and
    a paragraph of its own: too little shared for a copy by similarity, but the short run is
    all in the long one, figures alike — one report. With a toll of its own, or another event
    told with the story's background paragraph, it is another."""
    from tests.test_dedup import OTHER_EVENT, WIRE_STORY, _cut_and_extended

    cut, extended = _cut_and_extended()
    herald = ("Depot blast kills twelve in Valmora", extended, "Herald", "2023-03-14")
    for text, expected in (
        (cut, (1, 1)),
        (cut.replace("Twelve people", "Fifteen people"), (2, 0)),
        (OTHER_EVENT + WIRE_STORY.split("\n\n")[2], (2, 0)),
    ):
        courier = ("Valmora depot fire", text, "Courier", "2023-03-14")
        with Store(tmp_path / "s.duckdb") as store:
            summary, _ = analyze_paths([_wire_csv(tmp_path / "c.csv", [herald, courier])], store)
            assert (summary.new, summary.duplicates) == expected
        (tmp_path / "s.duckdb").unlink()


def test_a_fuller_run_filed_after_the_short_one_is_the_story_kept(tmp_path):
    """The wire story cut short runs first, the whole of it (with a paragraph giving one more
    figure) later in the same input: the fuller run is kept and the short one is its copy — as
    is a copy of the short one filed between them — so the extra figure counts."""
    from tests.test_dedup import _cut_and_extended

    cut, extended = _cut_and_extended()
    assert dedup.figures_in(extended) > dedup.figures_in(cut)
    courier = ("Valmora depot fire", cut, "Courier", "2023-03-14")
    gazette = ("Depot fire", cut.replace("Firefighters", "Fire crews"), "Gazette", "2023-03-14")
    herald = ("Depot blast kills twelve in Valmora", extended, "Herald", "2023-03-14")
    with Store(tmp_path / "s.duckdb") as store:
        rows = [courier, gazette, herald]
        summary, _ = analyze_paths([_wire_csv(tmp_path / "c.csv", rows)], store)
        assert (summary.new, summary.duplicates) == (1, 2)
        stored = store.query(
            "SELECT a.source, coalesce(o.source, '') AS copy_of FROM articles a "
            "LEFT JOIN articles o ON o.id = a.duplicate_of ORDER BY a.source"
        )
        assert stored.values.tolist() == [
            ["Courier", "Herald"],
            ["Gazette", "Herald"],
            ["Herald", ""],
        ]
        counted = store.query(
            "SELECT a.source, count(f.article_id) AS n FROM articles a "
            "LEFT JOIN figures f ON f.article_id = a.id GROUP BY a.source ORDER BY a.source"
        )
        assert counted["n"].tolist()[:2] == [0, 0] and counted["n"].tolist()[2] > 0


def test_a_fuller_run_of_a_stored_story_takes_its_place(tmp_path):
    """The wire story cut short is stored with another outlet's copy of it; a later run brings
    the whole story (one more figure): it is analysed and stored as the story, the stored short
    run and its copy are written again as its copies (their rows gone, the summaries as a
    recount gives them), and the closing line says so. A run that cannot be analysed leaves
    the stored story as it was."""
    from analysis import summaries
    from tests.summary_checks import kept_and_recounted
    from tests.test_dedup import _cut_and_extended

    cut, extended = _cut_and_extended()
    courier = ("Valmora depot fire", cut, "Courier", "2023-03-14")
    gazette = ("Depot fire", cut.replace("Firefighters", "Fire crews"), "Gazette", "2023-03-15")
    herald = ("Depot blast kills twelve in Valmora", extended, "Herald", "2023-03-16")

    def stored(store):
        return store.query(
            "SELECT a.source, a.published, coalesce(o.source, '') AS copy_of, "
            "(SELECT count(*) FROM figures f WHERE f.article_id = a.id) AS figures, "
            "(SELECT count(*) FROM entity_mentions m WHERE m.article_id = a.id) AS mentions "
            "FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of ORDER BY a.source"
        )

    with Store(tmp_path / "s.duckdb") as store:
        first = _wire_csv(tmp_path / "first.csv", [courier, gazette])
        summary, _ = analyze_paths([first], store)
        assert (summary.new, summary.duplicates) == (1, 1)
        before = stored(store)
        assert before["copy_of"].tolist() == ["", "Courier"]
        assert before["figures"][0] > 0
        # the story's fuller run, in an input that fails to analyse it: nothing changes
        later = _wire_csv(tmp_path / "later.csv", [herald])

        def failing(articles, batch_size):
            from analysis.records import Failure

            yield [Failure(str(later), "the parser gave up") for _ in articles]

        summary, _ = analyze_paths([later], store, engine=failing)
        assert summary.failed == 1 and not summary.notes
        assert stored(store).equals(before)
        summary, _ = analyze_paths([later], store)
        assert (summary.new, summary.duplicates) == (1, 0)
        assert summary.notes == [
            "1 stored article(s) now the near-duplicate of a fuller run of the story in this run"
        ]
        after = stored(store)
        assert after[["source", "copy_of"]].values.tolist() == [
            ["Courier", "Herald"],
            ["Gazette", "Herald"],
            ["Herald", ""],
        ]
        # the copies keep their dates and lose their rows; what the stored run counted, the
        # fuller one counts, and more of the story's names
        assert after["published"].tolist() == before["published"].tolist() + [after["published"][2]]
        assert after["figures"].tolist()[:2] == [0, 0] and after["mentions"].tolist()[:2] == [0, 0]
        assert after["figures"][2] >= before["figures"][0]
        assert after["mentions"][2] > before["mentions"][0]
        con = store.con
        assert not summaries.pending(con)
        tables = [t for t in summaries.TABLES if not t.endswith(("_month", "_year"))]
        kept, recounted = kept_and_recounted(con, tables)
        assert kept == recounted
        # the next run of the first input finds both known
        summary, _ = analyze_paths([first], store)
        assert (summary.known, summary.new) == (2, 0)


def test_a_run_opens_the_store_once_before_the_parse_and_once_after(tmp_path, monkeypatch):
    """The lookups before the parse share one opening of the file, and the last write, the
    removal of superseded versions and the summaries' recount another (an opening and closing
    costs ~20 ms of CPU); the file is not held while the engine parses."""
    from analysis.records import ArticleResult

    opened: list[str] = []
    real_open = Store._open

    def counting_open(self):
        opened.append("open")
        return real_open(self)

    folder = tmp_path / "in"
    folder.mkdir()
    for i, town in enumerate(("Skerry", "Lowmoor", "Brackwater")):
        (folder / f"{i}.txt").write_text(
            f"Ferry news {i}\n\nThe ferry to {town} sails twice a day again, the harbour "
            f"master of {town} said on Tuesday after the storm had passed."
        )
    held_while_parsing = []

    def engine(articles, batch_size):
        held_while_parsing.append(store._con is not None)
        yield [ArticleResult(a) for a in articles]

    store = Store(tmp_path / "s.duckdb")
    monkeypatch.setattr(Store, "_open", counting_open)
    with store:
        summary, _ = analyze_paths([folder], store, engine=engine)
    assert summary.new == 3
    assert held_while_parsing == [False]
    assert len(opened) == 2
    with store:
        summary, _ = analyze_paths([folder], store, engine=engine)  # all known: no write
    assert summary.known == 3 and len(opened) == 4
