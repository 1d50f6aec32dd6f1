"""The DuckDB store: schema, versioning, clear errors, replacing rows, transactional batches."""

from __future__ import annotations

import duckdb
import pytest

from analysis.records import Article, ArticleResult, Entity, Quote
from analysis.store import SCHEMA_VERSION, Store, StoreError


def _result(article_id: str, n_quotes: int) -> ArticleResult:
    article = Article(
        id=article_id, title="T", text="Some text here.", published="2016-12-10", tags=("Aleppo",)
    )
    quotes = tuple(
        Quote(article_id, "direct", f"q{i}", i, i + 1, speaker="S") for i in range(n_quotes)
    )
    return ArticleResult(
        article=article, quotes=quotes, entities=(Entity(article_id, "Aleppo", "GPE", 2, 0),)
    )


def test_new_store_records_schema_version(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert (
            store.query("SELECT value FROM meta WHERE key='schema_version'").iloc[0, 0]
            == SCHEMA_VERSION
        )
        assert store.counts() == {
            "articles": 0,
            "quotes": 0,
            "entities": 0,
            "entity_mentions": 0,
            "entity_pairs": 0,
            "figures": 0,
            "name_merges": 0,
            "name_raw": 0,
            "attitudes": 0,
            "terms": 0,
        }


def test_reanalysing_replaces_rows(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([_result("a1", 3)])
        store.write_batch([_result("a1", 1)])
        assert store.counts()["quotes"] == 1
        assert store.counts()["articles"] == 1
        assert store.known_ids(["a1", "zz"]) == {"a1"}


def test_failed_batch_leaves_nothing_half_written(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([_result("a1", 2)])
        bad = ArticleResult(
            article=Article(id="a2", title="T", text="x"),
            quotes=(Quote("a2", "direct", "q", "not-an-int", 1),),
        )
        with pytest.raises(duckdb.Error):
            store.write_batch([_result("a3", 1), bad])
        assert store.known_ids(["a1", "a2", "a3"]) == {"a1"}
        assert store.counts()["quotes"] == 2


def test_file_that_is_not_duckdb(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("just some notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="notes.duckdb: cannot open as a DuckDB store"):
        Store(path)
    assert path.read_text().startswith("just some notes")  # untouched


def test_duckdb_file_of_another_application(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a presslens store"):
        Store(path)


def test_schema_version_mismatch_is_explained(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(
        StoreError, match=rf"schema version '0', this presslens needs '{SCHEMA_VERSION}'"
    ):
        Store(path)


def test_read_only_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
