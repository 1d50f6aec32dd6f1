"""Shared fixtures: the project paths, the spaCy model, and a real store built from the sample."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def ctrl_c_reaches_child() -> None:
    """``preexec_fn`` for a command a test stops with SIGINT, as a user's Ctrl-C in a terminal
    would: the child gets Python's own Ctrl-C handling even when the test run itself was
    started in the background (``make test &``, ``nohup``), where the shell sets SIGINT to be
    ignored and every child inherits that — the command would then run on and the test fail."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


DATA_DIR = ROOT / "data"
SAMPLE = DATA_DIR / "aleppo-diplomats-urge-grace.txt"


@pytest.fixture(scope="session")
def nlp():
    from analysis import nlp as nlp_module

    return nlp_module.load()


@pytest.fixture(scope="session")
def sample_article():
    """The bundled sample, read and cleaned (one Article)."""
    from analysis.pipeline import load_articles

    articles, failures = load_articles([SAMPLE])
    assert not failures
    assert len(articles) == 1
    return articles[0]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """A store file analysed from the bundled ``data/`` folder (built once per test session)."""
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    path = tmp_path_factory.mktemp("store") / "sample.duckdb"
    with Store(path) as store:
        summary, _ = analyze_paths([DATA_DIR], store)
    assert summary.new == 1 and not summary.failures
    return path


FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATED = FIXTURES / "dated_articles.jsonl"


@pytest.fixture(scope="session")
def dashboard_db(tmp_path_factory) -> Path:
    """A store with the sample plus four short dated articles of our own from two outlets, so
    that timelines, outlet filters and conflicting figures have something to show."""
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    path = tmp_path_factory.mktemp("dashboard") / "dashboard.duckdb"
    with Store(path) as store:
        summary, _ = analyze_paths([DATA_DIR, DATED], store)
    assert summary.new == 5 and not summary.failures, summary
    return path


@pytest.fixture(scope="session")
def corpus_files(tmp_path_factory):
    """The multi-outlet corpus of our own writing (``tests/news_corpus.py``), written once:
    its :class:`~tests.news_corpus.CorpusSpec` (files, titles by outlet, syndicated copies)."""
    from tests.news_corpus import write_corpus

    return write_corpus(tmp_path_factory.mktemp("corpus") / "news")


@pytest.fixture(scope="session")
def corpus_store(corpus_files, tmp_path_factory) -> Path:
    """A store analysed from :func:`corpus_files` through ``presslens analyze``'s own path
    (60 articles from five outlets over nine months, plus three syndicated copies kept as
    near-duplicates), built once per test session. Tests that write must copy it first."""
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    path = tmp_path_factory.mktemp("corpus-store") / "corpus.duckdb"
    with Store(path) as store:
        summary, _ = analyze_paths(corpus_files.files, store)
    assert not summary.failures, summary.failures
    assert summary.new == len(corpus_files.titles), summary
    assert summary.duplicates == len(corpus_files.duplicates), summary
    return path


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's, through Playwright) for one test module's real-browser
    tests; per module, as Playwright's sync API allows one instance at a time per thread."""
    from playwright.sync_api import sync_playwright

    from dashboard import report_capture

    with sync_playwright() as p:
        b = report_capture.open_browser(p)
        yield b
        b.close()


@pytest.fixture(autouse=True)
def _summaries_recounted_by_days(monkeypatch):
    """The tests' small stores recount their summaries by days, as a large one does: a store
    of fewer than summaries.WHOLE_RECOUNT_ARTICLES is recounted whole (which the tests compare
    the recount by days with), and the recount by days would go untested."""
    from analysis import summaries

    monkeypatch.setattr(summaries, "WHOLE_RECOUNT_ARTICLES", 0)
    monkeypatch.setattr(summaries, "WHOLE_RECOUNT_ARTICLES_A_DAY", 0)
