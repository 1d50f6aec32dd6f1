"""The article index (analysis.article_index): the rows of a row filter's articles gathered from
article-ordered Arrow files instead of a scan of the store give every view exactly the rows the
store gives; an index of another state of the store is never read; the dashboard uses it and
builds it for a large store; the store file is never written.

Run against the multi-article fixture store through the dashboard's reader."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from analysis import (
    article_index,
    article_views,
    attitude_views,
    entity_views,
    figure_views,
    filters,
    place_views,
    quote_views,
    store_lock,
)
from analysis.filters import Filters, pin
from tests.apptest import run_page


@pytest.fixture
def index_dir(tmp_path, monkeypatch):
    where = tmp_path / "index"
    monkeypatch.setenv(article_index.ENV_DIR, str(where))
    monkeypatch.setattr(article_index, "_loaded", {})
    monkeypatch.setattr(filters, "_pinned_rows", type(filters._pinned_rows)())
    monkeypatch.setattr(filters, "_asked", type(filters._asked)())
    monkeypatch.setattr(filters, "_gathered", type(filters._gathered)())
    return where


@pytest.fixture
def reader(corpus_store):
    con = store_lock.open_reader(corpus_store)
    yield con
    con.close()


def _built(reader, store) -> tuple[str, article_index.Index]:
    version = article_views.data_version(reader)
    article_index.build(reader, store)
    index = article_index.ensure(store, version, n_articles=0)
    assert index is not None and index.version == version
    return version, index


def _picks(con):
    speakers = [
        r[0]
        for r in con.execute(
            "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY 1 "
            "ORDER BY count(*) DESC, 1"
        ).fetchall()
    ]
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM entities GROUP BY 1 ORDER BY count(*) DESC, 1"
        ).fetchall()
    ]
    return speakers, names


def test_a_gather_gives_the_store_rows_of_those_articles(reader, corpus_store, index_dir):
    _, index = _built(reader, corpus_store)
    keys = [
        r[0]
        for r in reader.execute("SELECT article_key FROM articles ORDER BY article_key").fetchall()
    ]
    chosen = keys[::3] + [max(keys) + 50]  # a key no article holds gathers nothing
    for table, part in article_index.PARTS.items():
        got = index.gather(table, chosen).to_pandas()
        if table == "articles":
            sql = f"SELECT t.id, {part.select} FROM articles t WHERE t.article_key IN "
        else:
            sql = (  # a keyed table's rows are read by their key, without the article's id
                f"SELECT {'t.article_id, ' if part.key_id else ''}{part.select}"
                + (", t.article_key" if part.keyed else "")
                + f" FROM {table} t JOIN articles a ON a.id = t.article_id WHERE a.article_key IN "
            )
        expected = reader.execute(sql + "(SELECT unnest(?::INTEGER[]))", [chosen]).df()
        assert len(expected) > 0, table
        assert sorted(got.columns) == sorted(expected.columns), table
        assert _rows(got[list(expected.columns)]) == _rows(expected), table
        for column in article_index.PARTS[table].coded:  # names counted by their numbers
            assert index.distinct(table, column, chosen) == expected[column].nunique(), column
    with pytest.raises(ValueError):
        index.distinct("quotes", "polarity", chosen)


def test_a_lists_texts_are_read_from_the_index_by_the_stores_row_ids(
    reader, corpus_store, index_dir
):
    version, index = _built(reader, corpus_store)
    speakers, _ = _picks(reader)
    pinned = pin(reader, Filters(speakers=(speakers[0],)), version=version)
    for table, part in article_index.PARTS.items():
        if not part.texts:
            continue
        [(n,)] = reader.execute(f"SELECT count(*) FROM {table}").fetchall()
        asked = [n - 1, 0, n // 2, n // 3, n + 7]  # a row id no row holds is left out
        got = index.texts(table, asked).to_pandas()
        expected = reader.execute(
            f"SELECT t.rowid AS store_rowid, {part.texts} FROM {table} t "
            "WHERE t.rowid = ANY(?::BIGINT[]) ORDER BY t.rowid",
            [asked],
        ).df()
        assert len(expected) == 4 and expected["store_rowid"].is_monotonic_increasing
        assert list(got.columns) == list(expected.columns), table
        assert _rows(got) == _rows(expected), table
        # a list's kept rows: the gathered copy's with these texts, as the store's whole rows
        rows = filters.rows_in_view(reader, pinned, table)
        assert rows == filters.gathered_name(pinned.id_table, table)
        rowids = [
            r for (r,) in reader.execute(f"SELECT store_rowid FROM {rows} LIMIT 3").fetchall()
        ]
        sql, params = filters.kept_rows(reader, pinned, table, rows, rowids)
        assert params == []
        kept = reader.execute(f"SELECT * FROM {sql} k").df()
        store_sql, store_params = filters.kept_rows(reader, Filters(), table, table, rowids)
        whole = reader.execute(f"SELECT * FROM {store_sql} k", store_params).df()
        shared = [c for c in whole.columns if c in kept.columns]
        # every column a list reads: the copy's and the texts'
        assert {"article_id", "text", "end", "start"} <= set(shared), shared
        assert len(kept) == len(rowids) and ("sentence" in shared or table != "figures")
        assert _rows(kept[shared]) == _rows(whole[shared]), table


def test_an_index_reads_a_batch_only_when_a_view_needs_its_rows(reader, corpus_store, index_dir):
    version, built = _built(reader, corpus_store)
    index = article_index.Index(built.path)  # opened anew: nothing read yet
    assert all(b is None for table in index._batches.values() for b in table._read)
    [(key,)] = reader.execute("SELECT min(article_key) FROM articles").fetchall()
    assert len(index.gather("quotes", [key])) == built.gather("quotes", [key]).num_rows
    assert sum(b is not None for b in index._batches["quotes"]._read) == 1
    assert all(b is None for b in index._batches["figures"]._read)
    # batches that do not match their saved starts: the index is unusable, and built again
    np.save(built.path / "quotes.batches.npy", np.arange(len(index._batches["quotes"]) + 3))
    with pytest.raises(ValueError, match="quotes.arrow"):
        article_index.Index(built.path)


def _plain(value):
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def _rows(frame: pd.DataFrame) -> list[tuple]:
    """The rows as plain values (None for a missing one), in one order."""
    rows = (
        tuple(None if pd.isna(v) else _plain(v) for v in row)
        for row in frame.astype(object).itertuples(index=False)
    )
    return sorted(rows, key=repr)


def test_a_copy_from_the_index_has_the_columns_of_one_from_the_store(
    reader, corpus_store, index_dir, monkeypatch
):
    """The index's column lists (article_index.PARTS) and the store's copies
    (filters.PINNED_ROWS) are two lists of the same columns: they must not drift apart."""
    version, _ = _built(reader, corpus_store)
    speakers, _ = _picks(reader)
    from_index = pin(reader, Filters(speakers=(speakers[0],)), version=version)
    from_store = pin(reader, Filters(speakers=(speakers[0],)), version="no index")
    for table in filters.PINNED_ROWS:
        made = filters.rows_in_view(reader, from_index, table)
        filters.rows_in_view(reader, from_store, table)  # the first ask reads the store
        copied = filters.rows_in_view(reader, from_store, table)
        assert made != table and copied != table, table
        described = [
            {r[0]: r[1] for r in reader.execute(f"DESCRIBE {name}").fetchall()}
            for name in (made, copied)
        ]
        assert described[0] == described[1], table


def test_a_filter_pinned_from_the_index_keeps_the_articles_the_store_keeps(
    reader, corpus_store, index_dir
):
    """Speakers and entities answered by the index's postings (their articles' keys) keep the
    articles the store's quotes and entities keep, with every other condition beside them."""
    version, index = _built(reader, corpus_store)
    speakers, names = _picks(reader)
    [(source,)] = reader.execute(
        "SELECT source FROM articles GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchall()
    [(middle,)] = reader.execute("SELECT median(published) FROM articles").fetchall()
    cases = [
        Filters(speakers=(speakers[0],)),
        Filters(speakers=tuple(speakers[1:4])),
        Filters(entities=(names[0],)),
        Filters(entities=tuple(names[2:5])),
        Filters(speakers=(speakers[0],), entities=(names[0],)),
        Filters(speakers=tuple(speakers[:3]), date_from=middle, sources=(source,)),
        Filters(entities=(names[1],), search=names[0].split()[-1]),
        Filters(speakers=("nobody ever quoted", speakers[2])),
        Filters(speakers=("nobody ever quoted",)),
    ]
    kept = []
    for plain in cases:
        assert filters._indexed_where(reader, plain, version) is not None
        assert filters._indexed_where(reader, plain, "another state") is None
        ids = [
            sorted(r[0] for r in reader.execute(f"SELECT id FROM {f.id_table}").fetchall())
            for f in (pin(reader, plain, version=v) for v in (version, "no index"))
        ]
        assert ids[0] == ids[1], plain
        kept.append(len(ids[0]))
    assert kept[0] > 0 and kept[4] < kept[0] and kept[-1] == 0 and kept[-2] > 0
    # a link's names checked against the index's names as against the store's
    asked = [speakers[0], "nobody ever quoted", names[0]]
    for kind in ("speaker", "entity"):
        found = article_views.known_names(reader, kind, asked, version=version)
        assert found == article_views.known_names(reader, kind, asked)
        stored = speakers if kind == "speaker" else names
        assert found == {n for n in asked if n in stored}, kind
        assert asked[0 if kind == "speaker" else 2] in found, kind
    assert set(index.articles_with("quotes", "speaker", [speakers[0]])) == {
        r[0]
        for r in reader.execute(
            "SELECT a.article_key FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.speaker = ?",
            [speakers[0]],
        ).fetchall()
    }


def test_views_read_the_same_rows_from_the_index_as_from_the_store(reader, corpus_store, index_dir):
    before = hashlib.sha256(corpus_store.read_bytes()).hexdigest()
    version, _ = _built(reader, corpus_store)
    speakers, names = _picks(reader)
    cases = [
        Filters(speakers=(speakers[0],)),
        Filters(speakers=tuple(speakers[1:3])),
        Filters(entities=(names[0],)),
        Filters(search=names[1].split()[-1]),
        Filters(speakers=("nobody ever quoted",)),
    ]
    for plain in cases:
        pinned = pin(reader, plain, version=version)
        assert pinned.id_version == version
        # every table is a copy from the first ask, the per-article sums too
        for table in (*filters.PINNED_ROWS, *filters.INDEXED_ROWS):
            assert filters.rows_in_view(reader, pinned, table) == filters.gathered_name(
                pinned.id_table, table
            )
        for view, kwargs in [
            (quote_views.speaker_stats, {}),
            (entity_views.top_entities, {}),
            (figure_views.figure_table, {}),
            (figure_views.figure_table, {"limit": 5}),
            (figure_views.category_counts, {}),
            (figure_views.figure_series, {"category": "killed"}),
            (figure_views.headline_figures, {}),
            (figure_views.conflict_groups, {}),
            (entity_views.cooccurrences, {}),
            (entity_views.cooccurrences, {"labels": ("PERSON",)}),
            (attitude_views.attitude_matrix, {}),
            (attitude_views.attitude_matrix, {"scorer": "news"}),
            (quote_views.speaker_quotes, {"limit": 5}),
            (entity_views.entity_articles, {"name": names[0]}),
            (article_views.article_list, {"limit": 4}),
            (article_views.corpus_counts, {}),
            (article_views.articles_over_time, {}),
            (entity_views.mentions_over_time, {}),
            (quote_views.sentiment_over_time, {"speakers": tuple(speakers[:3])}),
            (place_views.places, {}),
        ]:
            expected, got = view(reader, plain, **kwargs), view(reader, pinned, **kwargs)
            if isinstance(expected, pd.DataFrame):
                pd.testing.assert_frame_equal(got, expected, check_dtype=False)
            else:
                assert got == expected, (view.__name__, plain)
    assert hashlib.sha256(corpus_store.read_bytes()).hexdigest() == before


def test_lists_under_a_date_range_or_outlets_read_their_texts_from_the_index(
    reader, corpus_store, index_dir, monkeypatch
):
    """Filters no copy serves (a date range, outlets, none) read at the index's data version:
    the few rows a list shows get their texts from the index, its newest articles' rows are
    gathered from it, and the lists are the store's (also when the newest articles first looked
    in hold too few rows and more are looked in)."""
    version, _ = _built(reader, corpus_store)
    [(source,)] = reader.execute(
        "SELECT source FROM articles GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchall()
    [(first, last)] = reader.execute(
        "SELECT min(published), max(published) FROM articles"
    ).fetchall()
    middle = first + (last - first) / 2
    cases = [
        Filters(),
        Filters(sources=(source,)),
        Filters(date_from=middle.date() if hasattr(middle, "date") else middle),
    ]
    for plain in cases:
        read_at = dataclasses.replace(plain, id_version=version)
        rowids = [r for (r,) in reader.execute("SELECT rowid FROM quotes LIMIT 4").fetchall()]
        sql, params = filters.kept_rows(reader, read_at, "quotes", "quotes", rowids)
        assert filters.GATHERED_PREFIX in sql and params == [rowids]
        # the newest articles in view, pinned: their rows are gathered from the index
        newest = filters._pin_newest(reader, read_at, 3)
        [(n_newest,)] = reader.execute(f"SELECT count(*) FROM {newest.id_table}").fetchall()
        assert n_newest == 3 and newest.id_version == version
        assert filters.rows_in_view(reader, newest, "quotes").startswith(filters.GATHERED_PREFIX)
        # the articles in view themselves (an outlet's figure series, which no summary serves)
        in_view = filters.pin_in_view(reader, read_at)
        where, params = filters.articles_where(plain)
        assert sorted(
            i for (i,) in reader.execute(f"SELECT id FROM {in_view.id_table}").fetchall()
        ) == sorted(
            i
            for (i,) in reader.execute(
                f"SELECT a.id FROM articles a WHERE {where}", params
            ).fetchall()
        )
        assert filters.pin_in_view(reader, in_view) is None  # pinned already
        assert filters.pin_in_view(reader, plain) is None  # no data version: no index
        assert filters._pin_newest(reader, plain, 3) is None  # no data version: no index
        # a list's few articles, pinned by their ids (the conflicts' pairs)
        some = [i for (i,) in reader.execute("SELECT id FROM articles LIMIT 3").fetchall()]
        kept = filters.pin_articles(reader, version, [*some, "no such article"])
        assert sorted(
            i for (i,) in reader.execute(f"SELECT id FROM {kept.id_table}").fetchall()
        ) == sorted(some)
        assert filters.rows_in_view(reader, kept, "figures").startswith(filters.GATHERED_PREFIX)
        assert filters.pin_articles(reader, "another state", some) is None
        # the articles in view naming an entity, found by the index (none when too many rows)
        [(name,)] = reader.execute(
            "SELECT name FROM entities GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 OFFSET 5"
        ).fetchall()
        rows = filters.rows_naming(
            reader, read_at, "entities", "name", name, ("mentions", "first_start")
        )
        where, params = filters.articles_where(plain)
        expected = reader.execute(
            f"SELECT e.article_id, e.mentions, e.first_start FROM entities e JOIN articles a "
            f"ON a.id = e.article_id WHERE {where} AND e.name = ? ORDER BY 1, 2, 3",
            [*params, name],
        ).fetchall()
        got = reader.execute(
            f"SELECT article_id, mentions, first_start FROM {rows} ORDER BY 1, 2, 3"
        ).fetchall()
        assert expected and got == expected
        dates = dict(reader.execute("SELECT id, published FROM articles").fetchall())
        assert all(
            dates[i] == d
            for i, d in reader.execute(f"SELECT article_id, published FROM {rows}").fetchall()
        )
        with monkeypatch.context() as patched:  # too many rows to look through: the store's
            patched.setattr(filters, "NAMING_ROWS_MAX", 0)
            assert filters.rows_naming(reader, read_at, "entities", "name", name, ()) is None
        assert filters.rows_naming(reader, plain, "entities", "name", name, ()) is None
        for view, kwargs in [
            (quote_views.speaker_quotes, {"limit": 7}),
            (figure_views.figure_table, {"limit": 9}),
            (figure_views.conflict_groups, {}),
            (entity_views.entity_articles, {"name": name}),
            (entity_views.entity_articles, {"name": name, "limit": 3}),
            (figure_views.figure_series, {"category": "killed"}),
        ]:
            expected, got = view(reader, plain, **kwargs), view(reader, read_at, **kwargs)
            assert len(expected) > 0 or view is figure_views.conflict_groups, view.__name__
            pd.testing.assert_frame_equal(got, expected, check_dtype=False)
        # a speaker and a kind of figure last seen in older articles: the 8 newest articles
        # first looked in hold none of their rows, then 128: the same list
        [(speaker,)] = reader.execute(
            "SELECT q.speaker FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.speaker IS NOT NULL GROUP BY 1 ORDER BY max(a.published), 1 LIMIT 1"
        ).fetchall()
        [(category,)] = reader.execute(
            "SELECT f.category FROM figures f JOIN articles a ON a.id = f.article_id "
            "GROUP BY 1 ORDER BY max(a.published), 1 LIMIT 1"
        ).fetchall()
        with monkeypatch.context() as patched:
            patched.setattr(filters, "NEWEST_ARTICLES", 2)
            for view, kwargs in [
                (quote_views.speaker_quotes, {"speakers": (speaker,)}),
                (figure_views.figure_table, {"category": category}),
            ]:
                expected = view(reader, plain, limit=2, **kwargs)
                got = view(reader, read_at, limit=2, **kwargs)
                assert len(expected) > 0 or not plain.is_empty, view.__name__
                pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    # at another state of the store the index is never read
    other = dataclasses.replace(Filters(), id_version="another state")
    sql, _ = filters.kept_rows(reader, other, "quotes", "quotes", [0])
    assert filters.GATHERED_PREFIX not in sql


def test_conflicts_read_their_sentences_from_the_index(dashboard_db, index_dir):
    con = store_lock.open_reader(dashboard_db)
    try:
        version, _ = _built(con, dashboard_db)
        expected = figure_views.conflict_groups(con, Filters())
        read_at = Filters(id_version=version)
        assert filters.kept_rows(con, read_at, "figures", "figures", [0])[0].count("__texts")
        got = figure_views.conflict_groups(con, read_at)
        assert len(expected) > 0 and expected["sentence_low"].notna().all()
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    finally:
        con.close()


def test_a_filter_of_many_rows_reads_the_store_as_without_an_index(
    reader, corpus_store, index_dir, monkeypatch
):
    version, _ = _built(reader, corpus_store)
    speakers, names = _picks(reader)
    monkeypatch.setattr(filters, "GATHER_ROWS_MAX", 12)
    plain = Filters(entities=(names[0],))
    pinned = pin(reader, plain, version=version)
    # more rows than a gather is worth: the per-article sums are read from the store, the
    # others copied on the second ask as without an index
    assert filters.rows_in_view(reader, pinned, "holder_targets") == "holder_targets"
    assert filters.rows_in_view(reader, pinned, "entities") == "entities"
    assert filters.rows_in_view(reader, pinned, "entities") == f"{pinned.id_table}__entities"
    for view, kwargs in [
        (attitude_views.attitude_matrix, {}),
        (entity_views.cooccurrences, {}),
        (entity_views.top_entities, {}),
        (article_views.corpus_counts, {}),
    ]:
        expected, got = view(reader, plain, **kwargs), view(reader, pinned, **kwargs)
        if isinstance(expected, pd.DataFrame):
            pd.testing.assert_frame_equal(got, expected, check_dtype=False)
        else:
            assert got == expected


def test_gathered_rows_are_kept_within_their_memory_and_gathered_again_when_dropped(
    reader, corpus_store, index_dir, monkeypatch
):
    version, _ = _built(reader, corpus_store)
    speakers, names = _picks(reader)
    monkeypatch.setattr(filters, "GATHERED_BYTES", 1)  # room for one table at a time
    first = pin(reader, Filters(speakers=(speakers[0],)), version=version)
    reader.execute("SELECT * FROM range(3)").fetchone()  # a result left open: no matter
    second = pin(reader, Filters(entities=(names[0],)), version=version)
    plain = Filters(speakers=(speakers[0],))
    # a view that reads the gathered entities (top_entities groups their rows by number)
    expected = entity_views.top_entities_by_label(reader, plain)
    assert filters.rows_in_view(reader, first, "entities").startswith(filters.GATHERED_PREFIX)
    filters.rows_in_view(reader, second, "quotes")
    # the first filter's rows were dropped for the second's, and are gathered again
    assert list(filters._gathered) == [filters.gathered_name(second.id_table, "quotes")]
    pd.testing.assert_frame_equal(entity_views.top_entities_by_label(reader, first), expected)
    assert list(filters._gathered) == [filters.gathered_name(first.id_table, "entities")]
    # the rows are registered on the cursor a view reads with, and gone with it
    name = filters.gathered_name(first.id_table, "entities")
    cur = reader.cursor()
    store_lock.use_store(cur)  # as the dashboard's cursors are
    pd.testing.assert_frame_equal(entity_views.top_entities_by_label(cur, first), expected)
    assert cur.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] > 0
    cur.close()
    other = reader.cursor()
    with pytest.raises(duckdb.CatalogException):
        other.execute(f"SELECT count(*) FROM {name}")
    other.close()
    # a count (make=False) gathers no large copy, but reads one another view gathered
    monkeypatch.setattr(filters, "GATHER_NARROW_ROWS", 0)
    third = pin(reader, Filters(entities=(names[1],)), version=version)
    assert filters.rows_in_view(reader, third, "figures", make=False) == "figures"
    made = filters.rows_in_view(reader, third, "figures")
    assert made.startswith(filters.GATHERED_PREFIX)
    assert filters.rows_in_view(reader, third, "figures", make=False) == made


def test_an_index_of_another_state_is_never_read(reader, corpus_store, index_dir, tmp_path):
    version, _ = _built(reader, corpus_store)
    speakers, _ = _picks(reader)
    other = pin(reader, Filters(speakers=(speakers[0],)), version="another state")
    assert article_index.reader_index(reader, "another state") is None
    # no index for that version: the first ask reads the store, the sums are never copied
    assert filters.rows_in_view(reader, other, "quotes") == "quotes"
    assert filters.rows_in_view(reader, other, "holder_targets") == "holder_targets"
    # the folder is named by the state: a store with one more article has none yet
    copy = tmp_path / "more.duckdb"
    shutil.copy(corpus_store, copy)
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    more = tmp_path / "more.txt"
    more.write_text("Rebels said on Monday that 12 people were killed in Idlib.\n")
    with Store(copy) as store:
        summary, _ = analyze_paths([str(more)], store)
    assert summary.new == 1, summary
    con = store_lock.open_reader(copy)
    try:
        newer = article_views.data_version(con)
        assert newer != version
        assert article_index.ensure(copy, newer, n_articles=0) is None
        # built for the new state, the old state's folder of that store is removed
        first = article_index.build(con, copy)
        assert first.exists() and (first / "done").exists()
    finally:
        con.close()
    assert article_index.folder(corpus_store, version).exists()  # another store's: kept


def test_the_index_command_builds_it_once_and_names_a_bad_store(corpus_store, index_dir, tmp_path):
    cli = [sys.executable, "-m", "dashboard.cli", "index", "--db"]
    env = {**__import__("os").environ, article_index.ENV_DIR: str(index_dir)}
    done = subprocess.run([*cli, str(corpus_store)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "article index in" in done.stdout and str(corpus_store) in done.stdout
    (folder,) = [p for p in index_dir.glob("*/*") if p.is_dir()]
    assert (folder / "done").exists()
    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a store")
    failed = subprocess.run([*cli, str(bad)], capture_output=True, text=True, env=env)
    assert failed.returncode == 2 and str(bad) in failed.stderr
    assert failed.stderr.count("\n") == 1, failed.stderr  # one clear line


def test_a_table_without_rows_is_indexed_empty(corpus_store, index_dir, tmp_path):
    """A store of a few articles may hold no pairs of names named together: its index has an
    empty file of the table's columns (`presslens index` had failed with a TypeError)."""
    import shutil

    import duckdb

    store = tmp_path / "few.duckdb"
    shutil.copy(corpus_store, store)
    with duckdb.connect(str(store)) as con:
        con.execute("DELETE FROM entity_pairs")
    con = store_lock.open_reader(store)
    try:
        version, index = _built(con, store)
        ids = [r[0] for r in con.execute("SELECT id FROM articles LIMIT 3").fetchall()]
    finally:
        con.close()
    assert index.version == version and len(ids) == 3


def test_a_large_store_gets_its_index_built_in_the_background(corpus_store, index_dir, monkeypatch):
    monkeypatch.setattr(article_index, "_building", {})
    con = store_lock.open_reader(corpus_store)
    version = article_views.data_version(con)
    con.close()
    # a small store: nothing is built
    assert article_index.ensure(corpus_store, version, n_articles=10) is None
    assert not article_index._building
    monkeypatch.setattr(article_index, "MIN_ARTICLES", 5)
    assert article_index.ensure(corpus_store, version, n_articles=10) is None  # started
    (child,) = article_index._building.values()
    assert child.wait(timeout=120) == 0
    index = article_index.ensure(corpus_store, version, n_articles=10)
    assert index is not None and index.version == version


def test_a_mapped_index_is_read_into_the_page_cache_once(
    reader, corpus_store, index_dir, monkeypatch
):
    version = article_views.data_version(reader)
    article_index.build(reader, corpus_store)
    asked, done = [], threading.Event()

    def record(where):
        # only this test's index: a read-ahead an earlier test's mapping scheduled may wake
        # now (PREFETCH_AFTER later) and call the patched function with its own index
        if Path(where).is_relative_to(index_dir):
            asked.append(where)
            done.set()

    monkeypatch.setattr(article_index, "prefetch", record)
    monkeypatch.setattr(article_index, "PREFETCH_AFTER", 0.0)
    monkeypatch.setenv(article_index.ENV_PREFETCH, "0")
    assert article_index.ensure(corpus_store, version, n_articles=0) is not None
    assert not done.wait(0.5) and asked == []  # switched off
    monkeypatch.setattr(article_index, "_loaded", {})
    monkeypatch.delenv(article_index.ENV_PREFETCH)
    index = article_index.ensure(corpus_store, version, n_articles=0)
    assert done.wait(10) and asked == [index.path]
    article_index.ensure(corpus_store, version, n_articles=0)  # mapped already: not again
    assert asked == [index.path]


@pytest.mark.parametrize("sendfile", ["kernel", "missing"])
def test_prefetch_reads_every_file_of_the_index_whole(
    reader, corpus_store, index_dir, monkeypatch, sendfile
):
    monkeypatch.setenv(article_index.ENV_PREFETCH, "0")  # only the call below reads
    where = _built(reader, corpus_store)[1].path
    sent: dict[int, int] = {}
    real = os.sendfile

    caller = threading.get_ident()

    def counting(out, in_fd, offset, count):
        if threading.get_ident() != caller:  # an earlier test's delayed prefetch: not counted
            return real(out, in_fd, offset, count)
        if sendfile == "missing":
            raise OSError(22, "Invalid argument")
        n = real(out, in_fd, offset, count)
        inode = os.fstat(in_fd).st_ino
        sent[inode] = sent.get(inode, 0) + n
        return n

    monkeypatch.setattr(os, "sendfile", counting)
    files = article_index.prefetch(where)
    on_disk = {p for p in where.iterdir() if p.suffix in (".arrow", ".npy")}
    assert set(files) == on_disk and len(files) == len(on_disk)
    texts = [i for i, p in enumerate(files) if ".texts." in p.name]
    assert texts and min(texts) > max(i for i, p in enumerate(files) if ".texts." not in p.name)
    if sendfile == "kernel":  # each file sent whole
        assert sent == {p.stat().st_ino: p.stat().st_size for p in files if p.stat().st_size}


@pytest.mark.parametrize("page", ["overview", "speakers", "entities", "figures", "articles"])
def test_pages_run_on_the_index_under_row_filters(page, corpus_store, index_dir, monkeypatch):
    monkeypatch.setenv("PRESSLENS_DB", str(corpus_store))
    monkeypatch.setenv("PRESSLENS_READ_ONLY", "1")
    con = store_lock.open_reader(corpus_store)
    article_index.build(con, corpus_store)
    speakers, names = _picks(con)
    con.close()
    for params in [{"speaker": speakers[0]}, {"q": names[1].split()[-1]}]:
        at = run_page(page, params)
        assert not at.exception, (page, params, at.exception[0].value if at.exception else "")
        assert not at.error, (page, params, [e.value for e in at.error])
    assert article_index._loaded, "the dashboard mapped the index"


def test_a_failed_build_is_said_once_and_not_retried_at_once(
    tmp_path, index_dir, monkeypatch, caplog
):
    monkeypatch.setattr(article_index, "_building", {})
    monkeypatch.setattr(article_index, "_failed", {})
    monkeypatch.setattr(article_index, "MIN_ARTICLES", 5)
    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a store")
    assert article_index.ensure(bad, "v", n_articles=10) is None  # started
    (child,) = article_index._building.values()
    assert child.wait(timeout=120) != 0
    with caplog.at_level("WARNING"):
        assert article_index.ensure(bad, "v", n_articles=10) is None
    assert "failed" in caplog.text and "build.log" in caplog.text
    log_file = article_index._log_path(str(bad.resolve()))
    assert str(bad) in log_file.read_text()  # the child's own message, naming the file
    # within RETRY_AFTER nothing is started again
    assert article_index.ensure(bad, "v", n_articles=10) is None
    assert not article_index._building


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_key_sets_are_numpys_own(seed):
    """The index's set operations on article keys give what NumPy's unique/intersect1d give
    (they are faster than NumPy 2.4's own)."""
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, 500, 800), rng.integers(0, 500, 300)
    assert article_index.unique_keys(a).tolist() == np.unique(a).tolist()
    assert article_index.common_keys(a, b).tolist() == np.intersect1d(a, b).tolist()
    assert article_index.common_keys(a, []).tolist() == []
    assert article_index.unique_keys([]).tolist() == []
    assert article_index.unique_keys(a).dtype == np.int64


def test_the_views_own_sets_never_drop_a_filters_set(reader, corpus_store, index_dir, monkeypatch):
    """The sets views pin for themselves (newest articles, a list's articles) are kept apart
    from the user's filters: many of them drop only their own oldest."""
    version, _ = _built(reader, corpus_store)
    monkeypatch.setattr(filters, "NARROWED_MAX", 2)
    monkeypatch.setattr(filters, "_narrowed", type(filters._narrowed)())
    speakers, _ = _picks(reader)
    users = pin(reader, Filters(speakers=(speakers[0],)), version=version)
    read_at = Filters(id_version=version)
    made = [filters._pin_newest(reader, read_at, k).id_table for k in (3, 4, 5, 6)]
    names = {
        f"memory.main.{t}"
        for (t,) in reader.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory'"
        ).fetchall()
    }
    assert users.id_table in names
    assert set(made[-2:]) <= names and not set(made[:2]) & names


def test_the_matrix_groups_the_indexed_sums_by_number_as_the_store_groups_them_by_name(
    corpus_store, index_dir, tmp_path, monkeypatch
):
    """The attitude matrix of a pinned filter is made from the index's sums with the names as
    numbers (Index.coded_rows): the same frame as the store's SQL for every scorer and size,
    the rows naming one name twice (a speaker about themself) flagged by number alike, and a
    filter of more sums than a gather may take read from the store."""
    store = tmp_path / "self.duckdb"
    shutil.copy(corpus_store, store)
    con = duckdb.connect(str(store))
    # a few speakers talking about themselves, as real stores hold (none in the corpus' texts)
    con.execute(
        "UPDATE holder_targets SET target = holder WHERE rowid IN (SELECT rowid FROM "
        "holder_targets WHERE holder IS NOT NULL ORDER BY n_textblob DESC, rowid LIMIT 40)"
    )
    con.close()
    reader = store_lock.open_reader(store)
    try:
        version, index = _built(reader, store)
        speakers, names = _picks(reader)
        keys = np.arange(len(index._offsets["holder_targets"]) - 1)
        rows = index.coded_rows("holder_targets", keys, ["holder", "target"])
        holders = index.names("holder_targets", "holder", rows["holder"])
        targets = index.names("holder_targets", "target", rows["target"])
        same = [h is not None and h == t for h, t in zip(holders, targets, strict=True)]
        [(n_same,)] = reader.execute(
            "SELECT count(*) FROM holder_targets WHERE holder = target"
        ).fetchall()
        assert rows["same"].tolist() == same and sum(same) == n_same > 0
        # a speaker's articles, a name's, and nearly every article (a broad search)
        cases = [Filters(speakers=(speakers[0],)), Filters(search=names[1].split()[-1])]
        for plain in [*cases, Filters(search="the")]:
            pinned = pin(reader, plain, version=version)
            for kwargs in [{}, {"scorer": "vader"}, {"holders": 3, "targets": 2}, {"holders": 50}]:
                expected = attitude_views.attitude_matrix(reader, plain, **kwargs)
                got = attitude_views.attitude_matrix(reader, pinned, **kwargs)
                assert len(expected) > 0
                pd.testing.assert_frame_equal(got, expected, check_dtype=False)
        monkeypatch.setattr(filters, "GATHER_ROWS_MAX", 1)
        called = []
        monkeypatch.setattr(attitude_views, "_matrix_from_index", lambda *a: called.append(a))
        got = attitude_views.attitude_matrix(reader, pin(reader, cases[0], version=version))
        assert not called and len(got) > 0
    finally:
        reader.close()


def test_mapping_the_pages_reads_every_batch_and_changes_no_gather(reader, corpus_store, index_dir):
    """Index.map_pages (run after the read-ahead) touches every page of the rows' files, ids,
    names and offsets; what a gather gives is the same before and after."""
    version, index = _built(reader, corpus_store)
    keys = np.arange(0, len(index._offsets["quotes"]) - 1, 3)
    before = {t: index.gather(t, keys) for t in article_index.PARTS}
    size = sum(
        p.stat().st_size for p in index.path.iterdir() if ".texts." not in p.name and p.is_file()
    )
    touched = index.map_pages()
    assert touched > 0 and touched * 4096 >= size // 2  # about a page per 4 KB of the files
    assert index.mapped.is_set()
    assert all(b is not None for batches in index._batches.values() for b in batches._read)
    for table, rows in before.items():
        assert index.gather(table, keys).equals(rows), table


def test_views_that_rank_names_by_number_give_the_frames_the_store_gives(
    reader, corpus_store, index_dir, monkeypatch
):
    """The speaker statistics, their timelines and the top entities of a pinned filter group
    the rows in view with their names as numbers (filters.coded_rows_in_view): ranked and tied
    on the numbers, which are in the names' order, they give exactly the store's frame (types
    too: a column of no name as DuckDB types it), for every option; once other views have
    gathered the rows whole, those are read instead."""
    version, _ = _built(reader, corpus_store)
    speakers, names = _picks(reader)
    cases = [
        Filters(speakers=(speakers[0],)),
        Filters(entities=(names[0],)),
        Filters(search=names[1].split()[-1]),
        Filters(search="the"),  # nearly every article: many ties among the names
        Filters(speakers=("nobody ever quoted",)),
    ]
    views = [
        (quote_views.speaker_stats, {}),
        (quote_views.speaker_stats, {"limit": 0}),
        (quote_views.speaker_stats, {"limit": 3, "min_quotes": 2, "scorer": "vader"}),
        # the timelines read the statistics' coded rows (a speaker never quoted: no rows)
        (quote_views.sentiment_over_time, {"speakers": tuple(speakers[:3])}),
        (
            quote_views.sentiment_over_time,
            {
                "speakers": (speakers[1], "nobody ever quoted"),
                "granularity": "year",
                "scorer": "vader",
            },
        ),  # fmt: skip
        (quote_views.sentiment_over_time, {"speakers": ("nobody ever quoted",)}),
        (entity_views.top_entities, {}),
        (entity_views.top_entities, {"limit": 0, "by": "mentions"}),
        (entity_views.top_entities, {"label": entity_views.COVERED_LABELS, "limit": 12}),
        (entity_views.top_entities, {"label": "PERSON", "limit": 5}),
        (entity_views.top_entities, {"label": ("NO SUCH LABEL",)}),
        (entity_views.top_entities, {"label": ()}),
    ]
    coded = []
    real = filters.coded_rows_in_view

    def counted(*args):
        found = real(*args)
        coded.append(found is not None)
        return found

    monkeypatch.setattr(quote_views, "coded_rows_in_view", counted)
    monkeypatch.setattr(entity_views, "coded_rows_in_view", counted)
    for plain in cases:
        pinned = pin(reader, plain, version=version)
        for view, kwargs in views:
            filters._gathered.clear()
            expected = view(reader, plain, **kwargs)
            coded.clear()
            got = view(reader, pinned, **kwargs)
            assert coded == [True], (view.__name__, kwargs)
            pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-12)
            # the rows gathered whole by another view: read there, the same frame
            for table in ("quotes", "entities"):
                filters.rows_in_view(reader, pinned, table)
            coded.clear()
            again = view(reader, pinned, **kwargs)
            assert coded == [False]
            pd.testing.assert_frame_equal(again, expected, check_exact=False, rtol=1e-12)
    assert len(quote_views.speaker_stats(reader, pin(reader, cases[3], version=version))) > 3


def test_the_speakers_statistics_and_timelines_share_one_gather_of_coded_quotes(
    reader, corpus_store, index_dir, monkeypatch
):
    """Under a pinned filter the speaker statistics gather the quotes in view by number once;
    the timelines read the same rows, given their articles' days once (the statistics, as the
    Overview reads them, gather no day), and later statistics gather nothing again."""
    version, _ = _built(reader, corpus_store)
    speakers, _ = _picks(reader)
    pinned = pin(reader, Filters(speakers=(speakers[0],)), version=version)
    gathered = []
    real = article_index.Index.coded_table

    def counted(self, table, *args, **kwargs):
        gathered.append(table)
        return real(self, table, *args, **kwargs)

    monkeypatch.setattr(article_index.Index, "coded_table", counted)
    names = tuple(quote_views.speaker_stats(reader, pinned)["speaker"].head(3))
    assert gathered == ["quotes"]
    quote_views.sentiment_over_time(reader, pinned, speakers=names)
    assert gathered == ["quotes", "articles"]
    quote_views.sentiment_over_time(reader, pinned, speakers=names, granularity="year")
    quote_views.speaker_stats(reader, pinned, limit=5, scorer="vader")
    assert gathered == ["quotes", "articles"]
    assert len(filters._gathered) == 1


def test_the_entity_timeline_and_network_by_number_give_the_frames_the_store_gives(
    corpus_store, index_dir, tmp_path, monkeypatch
):
    """The mentions over time, the undated counts and the co-occurrences of a pinned filter
    read the entity rows and pairs in view with their names as numbers (one gather of the
    entity rows, the ranking's, given their articles' dates): ranked and tied on the numbers,
    they give exactly the store's frame for every option (labels picking the pairs, a weight
    floor, a name never seen), also in articles without a date; once the rows are gathered
    whole by another view, those are read instead, the same frame again."""
    store = tmp_path / "undated.duckdb"
    shutil.copy(corpus_store, store)
    con = duckdb.connect(str(store))
    con.execute("UPDATE articles SET published = NULL WHERE article_key % 3 = 0")  # undated
    con.close()
    reader = store_lock.open_reader(store)
    try:
        version, _ = _built(reader, store)
        speakers, names = _picks(reader)
        # the pairs' order by number is their names' because the store writes name_a < name_b
        [(unordered,)] = reader.execute(
            "SELECT count(*) FROM entity_pairs WHERE name_a >= name_b"
        ).fetchall()
        assert unordered == 0
        cases = [
            Filters(speakers=(speakers[0],)),
            Filters(entities=(names[0],)),
            Filters(search=names[1].split()[-1]),
            Filters(search="the"),  # nearly every article: many ties among pairs and names
            Filters(speakers=("nobody ever quoted",)),
        ]
        shown = (*names[:4], "a name never seen")
        views = [
            (entity_views.mentions_over_time, {"names": shown}),
            (entity_views.mentions_over_time, {"names": names[2:9], "granularity": "year"}),
            (entity_views.mentions_over_time, {"names": ("a name never seen",)}),
            (entity_views.undated_articles, {"names": shown}),
            (entity_views.undated_articles, {"names": names[:30]}),
            (entity_views.cooccurrences, {}),
            (entity_views.cooccurrences, {"limit": 7, "min_weight": 2}),
            (entity_views.cooccurrences, {"labels": ("PERSON",), "limit": 5}),
            (entity_views.cooccurrences, {"labels": ("GPE", "ORG"), "limit": 40}),
            (entity_views.cooccurrences, {"labels": ("NO SUCH LABEL",)}),
        ]
        coded = []
        real = filters.coded_rows_in_view

        def counted(*args):
            found = real(*args)
            coded.append(found is not None)
            return found

        monkeypatch.setattr(entity_views, "coded_rows_in_view", counted)
        undated = 0
        for plain in cases:
            pinned = pin(reader, plain, version=version)
            for view, kwargs in views:
                filters._gathered.clear()
                expected = view(reader, plain, **kwargs)
                coded.clear()
                got = view(reader, pinned, **kwargs)
                assert coded and all(coded), (view.__name__, kwargs)
                pd.testing.assert_frame_equal(got, expected)
                if view is entity_views.undated_articles:
                    undated += len(got)
                for table in ("entities", "entity_pairs"):  # gathered whole by another view
                    filters.rows_in_view(reader, pinned, table)
                coded.clear()
                again = view(reader, pinned, **kwargs)
                assert not any(coded), (view.__name__, kwargs)
                pd.testing.assert_frame_equal(again, expected)
        network = entity_views.cooccurrences(reader, pin(reader, cases[3], version=version))
        assert undated > 0 and len(network) > 50 and network["label_a"].notna().all()
    finally:
        reader.close()


def _figures_store(
    path: Path, seed: int, *, outlet_named_as_an_id: bool = False, no_summary: bool = False
) -> None:
    """A store of invented figures drawn to tie the headline's events and votes every way its
    SQL orders them: places differing in case and accent or not given, units differing only in
    case ("Pounds", "pounds"), scopes, weeks, articles without an outlet, ranges, floors
    ("dozens"), parts, catch-all categories, undated articles, sentences of several kinds of
    incident, and article ids in an order other than their keys' (written in random order).
    ``no_summary``: no figure's incident kinds kept by the conflicts' summary."""
    import random

    from analysis.records import Article, ArticleResult, Figure
    from analysis.store import Store

    rng = random.Random(seed)
    sources = ["Reuters", "AFP", "BBC", None, None]
    sentences = [  # incident kinds apart (analysis.incident_kinds): the spread is one kind's
        "The figure was given after the air strikes on the market.",
        "A car bomb went off near the school on Tuesday.",
        "Shelling of the old town went on for days.",
        "The count was given by the council.",
    ]
    if outlet_named_as_an_id:
        sources.append("a00")
    results = []
    for k in rng.sample(range(70), 70):
        article_id = f"a{k:02d}"
        day = rng.choice(["2018-02-19", "2018-02-21", "2018-02-26", "2018-03-01", None])
        figures = []
        for n in range(rng.choice([1, 1, 2, 3])):
            value = float(rng.choice([2, 20, 20, 25, 30, 1000]))
            low = high = value
            if rng.random() < 0.15:  # a range, or a floor ("dozens": no value, no upper bound)
                value, high = (None, value + 10) if rng.random() < 0.5 else (None, None)
            figures.append(
                Figure(
                    article_id=article_id, text=str(low), value=value, low=low, high=high,
                    approximate=value is None,
                    unit=rng.choice(["civilians", "Pounds", "pounds", "USD", "people", None]),
                    category=rng.choice(
                        ["killed", "killed", "injured", "money", "money", "people", "price",
                         "other", "troops"]
                    ),
                    subject=None,
                    location=rng.choice(["Douma", "Douma", "douma", "Idlib", "Ärbin", None]),
                    claimed_by=rng.choice([None, "the Observatory"]),
                    start=n * 40, end=n * 40 + 2,
                    sentence=rng.choice(sentences),
                    scope=rng.choice(["event", "event", "total", "background"]),
                    part_of=0 if n and rng.random() < 0.2 else None,
                )
            )  # fmt: skip
        article = Article(
            id=article_id, title=f"Report {k}", text="Text.", source=rng.choice(sources),
            published=day,
        )  # fmt: skip
        results.append(ArticleResult(article=article, figures=tuple(figures)))
    with Store(path) as store:
        store.write_batch(results)
        if no_summary:  # every figure's incident kinds worked out (or read from the index)
            store.con.execute("DELETE FROM sum_conflict_figures")


def _conflicts_store(path: Path, seed: int) -> None:
    """A store of invented tolls drawn to disagree: a few places (one in two cases, one not
    given) over a week, outlets and claimants (or none), parts of other tolls, three scopes,
    sentences of one incident or of two, article ids in an order other than their keys'."""
    import random

    from analysis.records import Article, ArticleResult, Figure
    from analysis.store import Store

    rng = random.Random(seed)
    results = []
    for k in rng.sample(range(60), 60):
        article_id = f"c{k:02d}"
        day = f"2018-02-{rng.choice([19, 20, 21, 22, 23, 26])}"
        figures = []
        for n in range(rng.choice([1, 2, 2, 3])):
            value = float(rng.choice([5, 10, 12, 20, 35, 40, 250]))
            unit = rng.choice(["civilians", "civilians", "children", "people", None])
            target = rng.choice(["the market", "the market", "a hospital"])
            figures.append(
                Figure(
                    article_id=article_id, text=f"{value:.0f}", value=value, low=value,
                    high=value, approximate=False, unit=unit,
                    category=rng.choice(["killed", "killed", "injured", "troops"]),
                    subject=None, location=rng.choice(["Douma", "Douma", "douma", "Idlib", None]),
                    claimed_by=rng.choice([None, None, "the Observatory", "SANA"]),
                    start=n * 60, end=n * 60 + 2,
                    sentence=f"{value:.0f} {unit or 'people'} were killed in air strikes on "
                    f"{target}.",
                    scope=rng.choice(["event", "event", "event", "total", "background"]),
                    part_of=0 if n and rng.random() < 0.25 else None,
                )
            )  # fmt: skip
        article = Article(
            id=article_id, title=f"Strikes {k}", text="Text.", published=day,
            source=rng.choice(["Reuters", "AFP", "BBC", None]),
        )  # fmt: skip
        results.append(ArticleResult(article=article, figures=tuple(figures)))
    with Store(path) as store:
        store.write_batch(results)


def _votes_store(path: Path) -> None:
    """A store where an article without an outlet decides the vote: written first (the
    smallest keys, the numbers the outlets have too), it and two BBC articles give 30 (two
    voices), AFP and Reuters 25 (two voices, fewer articles)."""
    from analysis.records import Article, ArticleResult, Figure
    from analysis.store import Store

    results = []
    for article_id, source, value in [
        ("n", None, 30.0), ("b1", "BBC", 30.0), ("b2", "BBC", 30.0), ("a", "AFP", 25.0),
        ("r", "Reuters", 25.0),
    ]:  # fmt: skip
        figure = Figure(
            article_id=article_id, text=str(value), value=value, low=value, high=value,
            approximate=False, unit="civilians", category="killed", subject=None,
            location="Douma", claimed_by=None, start=0, end=2, sentence="Shelling killed them.",
        )  # fmt: skip
        article = Article(
            id=article_id, title="Shelling", text="Text.", source=source, published="2018-02-21"
        )
        results.append(ArticleResult(article=article, figures=(figure,)))
    with Store(path) as store:
        store.write_batch(results)


def test_headline_figures_by_number_give_the_frame_of_their_names(tmp_path, index_dir, monkeypatch):
    """The headline figures of a pinned filter vote over the figures in view with their names
    as numbers (figure_views._coded_votes: events, votes and ties on the article index's
    numbers, the units' lower cases numbered apart, the incident kinds the conflicts' summary
    lacks read from the index): the same frame, value for value, as the vote over the store's
    rows, for every scope and many filters of random stores; once the rows were gathered
    whole, or where an outlet is named as an article's id (one vote in the names), the vote
    reads the names."""
    coded = []
    real = filters.coded_rows_in_view

    def counted(*args, **kwargs):
        found = real(*args, **kwargs)
        coded.append(found is not None)
        return found

    monkeypatch.setattr(figure_views, "coded_rows_in_view", counted)
    shown = 0
    for seed in range(7):
        store = tmp_path / f"figures{seed}.duckdb"
        if seed < 6:
            _figures_store(store, seed, outlet_named_as_an_id=seed == 5, no_summary=seed == 4)
        else:
            _votes_store(store)
        reader = store_lock.open_reader(store)
        try:
            version, index = _built(reader, store)
            ids = [r[0] for r in reader.execute("SELECT id FROM articles ORDER BY id").fetchall()]
            cases = [
                Filters(article_ids=tuple(ids)),
                Filters(article_ids=tuple(ids[::2])),
                Filters(article_ids=tuple(ids[1::3]), sources=("Reuters", "AFP")),
                Filters(article_ids=tuple(ids), date_from=date(2018, 2, 20)),
                Filters(article_ids=("no such article",)),
            ]
            apart = figure_views._unit_keys(reader, index)[1]
            assert apart == (seed != 5)
            if seed == 6:  # the article without an outlet is a voice of its own
                heads = figure_views.headline_figures(reader, cases[0])
                assert heads.estimate.tolist() == [30.0]
            for plain in cases:
                pinned = pin(reader, plain, version=version)
                for scope in (None, *figure_views.SCOPES):
                    filters._gathered.clear()
                    expected = figure_views.headline_figures(reader, plain, scope=scope)
                    coded.clear()
                    got = figure_views.headline_figures(reader, pinned, scope=scope)
                    assert coded == [True], (seed, plain, scope)
                    pd.testing.assert_frame_equal(got, expected, check_exact=True)
                    shown += len(got)
                    filters.rows_in_view(reader, pinned, "figures")  # gathered whole
                    coded.clear()
                    again = figure_views.headline_figures(reader, pinned, scope=scope)
                    assert coded == [False]
                    pd.testing.assert_frame_equal(again, expected, check_exact=True)
        finally:
            reader.close()
    assert shown > 100


def test_the_figures_page_by_number_gives_the_frames_of_their_names(
    tmp_path, index_dir, monkeypatch
):
    """The Figures page's counts, series and conflicts of a pinned filter read the figures in
    view with their names as numbers and their articles' ids as ranks (figure_views
    ._coded_figures): the same frames, value for value, as the store's rows give, for every
    scope, category, currency and period of random stores (places in other cases, accents or
    none, units differing in case, articles without an outlet, ids in another order than their
    keys); once the rows were gathered whole, the views read the names."""
    coded = []
    real = filters.coded_rows_in_view

    def counted(*args, **kwargs):
        found = real(*args, **kwargs)
        coded.append(found is not None)
        return found

    monkeypatch.setattr(figure_views, "coded_rows_in_view", counted)
    monkeypatch.setattr(figure_views, "INCIDENT_DAYS", 3)
    views = {
        "counts": lambda con, f, scope, category: figure_views.category_counts(con, f, scope=scope),
        "series": lambda con, f, scope, category: figure_views.figure_series(
            con, f, category=category, scope=scope, places=2, groups=2
        ),
        "units": lambda con, f, scope, category: figure_views.figure_units(
            con, f, category=category, scope=scope
        ),
        "weeks": lambda con, f, scope, category: figure_views.figure_series(
            con, f, category=category, scope=scope, period="week", unit="pounds"
        ),
        "few points": lambda con, f, scope, category: figure_views.figure_series(
            con, f, category=category, scope=scope, max_points=3
        ),
        "conflicts": lambda con, f, scope, category: figure_views.conflict_groups(
            con, f, category=category, scope=scope, limit=5
        ),
        "every conflict": lambda con, f, scope, category: figure_views.conflict_groups(
            con, f, scope=scope, window_days=10
        ),
    }
    asked = [  # (scope, category, view): every view, scope and category, not every triple
        *((s, "killed", v) for s in (None, "event", "total") for v in views),
        *((None, "money", v) for v in ("counts", "units", "weeks", "series")),
        *(("background", "killed", v) for v in ("conflicts", "every conflict")),
        *((None, "no such category", v) for v in ("series", "conflicts")),
    ]
    rows = dict.fromkeys(views, 0)
    for seed in range(4):  # figures of every kind, then tolls that disagree
        store = tmp_path / f"figures{seed}.duckdb"
        if seed < 2:
            _figures_store(store, seed, outlet_named_as_an_id=seed == 1)
        else:
            _conflicts_store(store, seed)
        reader = store_lock.open_reader(store)
        try:
            version, _ = _built(reader, store)
            ids = [r[0] for r in reader.execute("SELECT id FROM articles ORDER BY id").fetchall()]
            cases = [
                Filters(article_ids=tuple(ids)),
                Filters(article_ids=tuple(ids[1::2]), sources=("Reuters", "AFP")),
                Filters(article_ids=("no such article",)),
            ]
            for plain in cases:
                pinned = pin(reader, plain, version=version)
                for scope, category, view in asked:
                    call = views[view]
                    filters._gathered.clear()
                    expected = call(reader, plain, scope, category)
                    coded.clear()
                    got = call(reader, pinned, scope, category)
                    assert coded and all(coded), (seed, plain, scope, category, view)
                    pd.testing.assert_frame_equal(got, expected, check_exact=True)
                    rows[view] += len(got)
                    filters.rows_in_view(reader, pinned, "figures")  # gathered whole
                    coded.clear()
                    again = call(reader, pinned, scope, category)
                    assert not any(coded)
                    pd.testing.assert_frame_equal(again, expected, check_exact=True)
            # outlets and dates: the series pins their articles itself (filters.pin_in_view)
            for plain in (
                Filters(sources=("AFP", "BBC")),
                Filters(sources=("Reuters", "BBC"), date_from=date(2018, 2, 21)),
            ):
                filters._gathered.clear()
                expected = views["series"](reader, plain, None, "killed")
                coded.clear()
                at_version = dataclasses.replace(plain, id_version=version)
                got = views["series"](reader, at_version, None, "killed")
                assert coded == [True]
                pd.testing.assert_frame_equal(got, expected, check_exact=True)
                rows["series"] += len(got)
        finally:
            reader.close()
    assert all(n > 10 for n in rows.values()), rows
