"""Pinned filters (analysis.filters.pin): a row filter's articles written once to the reader's
in-memory database give every view exactly the rows the filter's own SQL gives, the store file is
never written, and the pinned sets stay few.

Run against the multi-article fixture store through the dashboard's reader (the store attached
read-only to an in-memory database, analysis.store_lock.open_reader)."""

from __future__ import annotations

import hashlib
import tempfile

import duckdb
import pandas as pd
import pytest

from analysis import (
    article_views,
    attitude_views,
    compare_views,
    entity_views,
    figure_views,
    filters,
    place_views,
    quote_views,
    store_lock,
)
from analysis.filters import Filters, article_ids_sql, pin
from tests.apptest import run_page


@pytest.fixture
def reader(corpus_store):
    con = store_lock.open_reader(corpus_store)
    yield con
    con.close()


def _pinned_tables(con) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = 'memory'"
    ).fetchall()
    return {r[0] for r in rows}


def _ids(con, f: Filters) -> set[str]:
    sql, params = article_ids_sql(f)
    return {r[0] for r in con.execute(sql, params).fetchall()}


def _picks(con):
    speakers = [
        r[0]
        for r in con.execute(
            "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1"
        ).fetchall()
    ]
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM entities GROUP BY 1 ORDER BY count(*) DESC, 1"
        ).fetchall()
    ]
    sources = [
        r[0] for r in con.execute("SELECT DISTINCT source FROM articles ORDER BY 1").fetchall()
    ]
    return speakers, names, sources


def test_a_pinned_filter_selects_the_same_articles_and_views_give_the_same_rows(reader):
    speakers, names, sources = _picks(reader)
    assert len(speakers) >= 3 and len(names) >= 3 and len(sources) >= 2
    cases = [
        Filters(speakers=(speakers[0],)),
        Filters(speakers=tuple(speakers[1:3]), sources=(sources[0],)),
        Filters(entities=(names[0],)),
        Filters(search=names[1].split()[-1]),
        Filters(article_ids=tuple(sorted(_ids(reader, Filters()))[:7])),
        Filters(speakers=("nobody ever quoted",)),
    ]
    for plain in cases[:-1]:  # each keeps some articles, not all
        assert set() != _ids(reader, plain) != _ids(reader, Filters()), plain
    for plain in cases:
        pinned = pin(reader, plain, version="v1")
        assert pinned.id_table is not None and pinned.id_table.startswith("memory.main.")
        assert _ids(reader, pinned) == _ids(reader, plain)
        for view, kwargs in [
            (quote_views.speaker_stats, {}),
            (entity_views.top_entities, {}),
            (figure_views.figure_table, {}),
            (figure_views.category_counts, {}),
            (figure_views.figure_series, {"category": "killed"}),
            (figure_views.headline_figures, {}),
            (figure_views.conflict_groups, {}),
            (entity_views.cooccurrences, {}),
            (attitude_views.attitude_matrix, {}),
            (quote_views.speaker_quotes, {"limit": 5}),  # newest first
            (figure_views.figure_table, {"limit": 3}),
            (entity_views.entity_articles, {"name": names[0]}),
            (article_views.article_list, {"limit": 4}),
            (article_views.corpus_counts, {}),
            (place_views.places, {}),
            (article_views.articles_over_time, {}),
            (entity_views.mentions_over_time, {}),
            (entity_views.top_entities_by_label, {}),
            (quote_views.sentiment_over_time, {"speakers": tuple(speakers[:3])}),
        ]:
            expected, got = view(reader, plain, **kwargs), view(reader, pinned, **kwargs)
            if isinstance(expected, pd.DataFrame):
                pd.testing.assert_frame_equal(got, expected, check_dtype=False)
            else:
                assert got == expected, (view.__name__, plain)
    # the Compare page narrows the view per group: a pinned view must still be narrowed
    groups = (f"source:{sources[0]}", f"source:{sources[1]}", f"query:{names[0].split()[-1]}")
    for plain in cases[:4]:
        pinned = pin(reader, plain, version="v1")
        for view in (compare_views.group_sizes, compare_views.top_speakers):
            expected = view(reader, plain, groups=groups)
            got = view(reader, pinned, groups=groups)
            pd.testing.assert_frame_equal(got, expected, check_dtype=False)
        sizes = compare_views.group_sizes(reader, pinned, groups=groups)
        assert sizes["n_articles"].nunique() > 1 or sizes["n_articles"].sum() == 0, sizes
    # the empty set is a set too: nothing in view
    assert _ids(reader, pin(reader, cases[-1], version="v1")) == set()


def test_the_rows_in_view_are_copied_once_per_filter_and_give_the_same_rows(reader, monkeypatch):
    """filters.rows_in_view: the views of a page read one copy of the fact rows of a pinned
    filter's articles, made when a second view asks; a filter of more articles than
    PINNED_ROWS_ARTICLES reads the store."""
    monkeypatch.setattr(filters, "_pinned_rows", type(filters._pinned_rows)())
    monkeypatch.setattr(filters, "_asked", type(filters._asked)())
    speakers, names, _ = _picks(reader)
    plain = Filters(speakers=(speakers[0],))
    pinned = pin(reader, plain, version="v1")
    assert filters.rows_in_view(reader, plain, "entities") == "entities"  # not pinned
    # the first ask reads the store (a table read once is not worth a copy), and so does a
    # view that never makes one
    assert all(filters.rows_in_view(reader, pinned, t) == t for t in filters.PINNED_ROWS)
    assert filters.rows_in_view(reader, pinned, "quotes", make=False) == "quotes"
    assert len(_pinned_tables(reader)) == 1
    copies = {t: filters.rows_in_view(reader, pinned, t) for t in filters.PINNED_ROWS}
    assert all(name == f"{pinned.id_table}__{t}" for t, name in copies.items())
    for table, copy in copies.items():
        key = "id" if table == "articles" else "article_id"
        sql, params = article_ids_sql(plain)
        sql = f"SELECT count(*) FROM {table} WHERE {key} IN ({sql})"
        (n,) = reader.execute(sql, params).fetchone()
        assert n > 0 and reader.execute(f"SELECT count(*) FROM {copy}").fetchone()[0] == n
    # asked again: the same copy, not a new one, also for a view that never makes one
    assert filters.rows_in_view(reader, pinned, "quotes") == copies["quotes"]
    assert filters.rows_in_view(reader, pinned, "quotes", make=False) == copies["quotes"]
    assert len(_pinned_tables(reader)) == 1 + len(copies)
    # the figures' copy keeps the store's row ids (a view reads the texts shown by them)
    (mismatched,) = reader.execute(
        f"SELECT count(*) FROM {copies['figures']} c JOIN figures f ON f.rowid = c.store_rowid "
        "WHERE f.article_id <> c.article_id OR f.start <> c.start"
    ).fetchone()
    assert mismatched == 0
    # a copy holds the rows in view only, so a view reading it drops the ids' condition; on the
    # store's table it keeps it
    for table, copy in copies.items():
        assert filters.in_view_sql("x.article_id", pinned, copy) == ("TRUE", [])
        sql, params = filters.in_view_sql("x.article_id", pinned, table)
        assert sql == f"x.article_id IN (SELECT id FROM {pinned.id_table})" and params == []
    assert filters.in_view_sql("x.article_id", plain, "quotes")[1] == [speakers[0]]
    # too many articles for a copy: the store's own tables, and the same rows
    monkeypatch.setattr(filters, "PINNED_ROWS_ARTICLES", 0)
    other = pin(reader, Filters(entities=(names[0],)), version="v1")
    assert [filters.rows_in_view(reader, other, "entities") for _ in range(3)] == ["entities"] * 3
    for view, kwargs in [(entity_views.top_entities, {}), (figure_views.headline_figures, {})]:
        pd.testing.assert_frame_equal(
            view(reader, other, **kwargs),
            view(reader, Filters(entities=(names[0],)), **kwargs),
            check_dtype=False,
        )


def test_only_the_newest_copies_of_rows_are_kept(reader, monkeypatch):
    monkeypatch.setattr(filters, "PINNED_ROWS_MAX", 2)
    monkeypatch.setattr(filters, "_pinned_rows", type(filters._pinned_rows)())
    speakers, _, _ = _picks(reader)
    made = []
    for s in speakers[:4]:
        pinned = pin(reader, Filters(speakers=(s,)), version="v1")
        filters.rows_in_view(reader, pinned, "quotes")  # the first ask reads the store
        made.append(filters.rows_in_view(reader, pinned, "quotes"))
    kept = {f"memory.main.{t}" for t in _pinned_tables(reader) if t.endswith("__quotes")}
    assert kept == set(made[-2:])


def test_date_and_outlet_filters_are_left_to_the_summaries(reader):
    _, _, sources = _picks(reader)
    for f in [Filters(), Filters(sources=(sources[0],)), None]:
        got = pin(reader, f, version="v1")
        assert got.id_table is None
    assert not _pinned_tables(reader)


def test_one_table_per_filter_and_data_version_and_the_store_is_never_written(reader, corpus_store):
    before = hashlib.sha256(corpus_store.read_bytes()).hexdigest()
    speakers, _, _ = _picks(reader)
    f = Filters(speakers=(speakers[0],))
    first = pin(reader, f, version="v1")
    again = pin(reader, f, version="v1")
    assert first.id_table == again.id_table and len(_pinned_tables(reader)) == 1
    # pinning a pinned filter changes nothing
    assert pin(reader, first, version="v1") is first
    newer = pin(reader, f, version="v2")  # new data: a new set, never the old one
    assert newer.id_table != first.id_table
    assert hashlib.sha256(corpus_store.read_bytes()).hexdigest() == before


def test_a_set_pinned_once_is_not_looked_up_again_by_the_next_view(reader, monkeypatch):
    speakers, _, _ = _picks(reader)
    f = Filters(speakers=(speakers[1],))
    first = pin(reader, f, version="v1")
    [(n,)] = reader.execute(f"SELECT count(*) FROM {first.id_table}").fetchall()

    def looked_up(*args, **kwargs):
        raise AssertionError("the articles of a pinned set were looked up again")

    with monkeypatch.context() as patched:
        patched.setattr(filters, "articles_where", looked_up)
        assert pin(reader, f, version="v1").id_table == first.id_table
    # a set dropped meanwhile is made again, with the same articles
    reader.execute(f"DROP TABLE {first.id_table}")
    again = pin(reader, f, version="v1")
    assert reader.execute(f"SELECT count(*) FROM {again.id_table}").fetchall() == [(n,)] and n > 0


def test_only_the_newest_sets_are_kept(reader, monkeypatch):
    monkeypatch.setattr(filters, "PINNED_MAX", 3)
    monkeypatch.setattr(filters, "_pinned", type(filters._pinned)())
    speakers, _, _ = _picks(reader)
    made = [pin(reader, Filters(speakers=(s,)), version="v1").id_table for s in speakers[:5]]
    kept = {f"memory.main.{t}" for t in _pinned_tables(reader)}
    assert kept == set(made[-3:])


def test_the_reader_reads_the_store_but_cannot_write_it(reader):
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    with pytest.raises(duckdb.Error):
        reader.execute("CREATE TABLE articles_copy AS SELECT * FROM articles")
    # a cursor starts in the in-memory database: use_store makes the store its catalog
    cur = reader.cursor()
    store_lock.use_store(cur)
    assert cur.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    cur.close()


@pytest.mark.parametrize(
    "page", ["overview", "speakers", "entities", "figures", "places", "articles", "compare", "data"]
)
def test_every_page_runs_under_pinned_row_filters(page, corpus_store, monkeypatch):
    monkeypatch.setenv("PRESSLENS_DB", str(corpus_store))
    monkeypatch.setenv("PRESSLENS_READ_ONLY", "1")
    con = duckdb.connect(str(corpus_store), read_only=True)
    speakers, names, _ = _picks(con)
    con.close()
    for params in [
        {"speaker": speakers[0]},
        {"entity": names[0], "speaker": speakers[1]},
        {"q": names[1].split()[-1]},
    ]:
        at = run_page(page, params)
        assert not at.exception, (page, params, at.exception[0].value if at.exception else "")
        assert not at.error, (page, params, [e.value for e in at.error])


def test_the_reader_spills_to_the_temp_folder_not_the_working_directory(reader):
    (where,) = reader.execute("SELECT current_setting('temp_directory')").fetchone()
    assert where == store_lock.reader_temp_directory()
    assert where.startswith(tempfile.gettempdir())
