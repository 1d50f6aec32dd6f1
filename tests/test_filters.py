"""The corpus filters select exactly the articles they name, whatever form their SQL takes.

The user's picks (outlets, speakers, entities) are written into the SQL as constants so that
DuckDB can estimate how few rows they keep; these tests hold the selected articles equal to
the ones computed in Python from the same store, for one pick, several, repeats and none."""

from __future__ import annotations

import itertools

import duckdb
import pytest

from analysis import summaries
from analysis.filters import Filters, article_ids_sql, in_values


@pytest.fixture(scope="module")
def con(corpus_store):
    con = duckdb.connect(str(corpus_store), read_only=True)
    yield con
    con.close()


def _selected(con, filters: Filters) -> set[str]:
    sql, params = article_ids_sql(filters)
    return {r[0] for r in con.execute(sql, params).fetchall()}


def _frames(con):
    arts = con.execute("SELECT id, source, duplicate_of FROM articles").df()
    quotes = con.execute("SELECT article_id, speaker FROM quotes").df()
    ents = con.execute("SELECT article_id, name FROM entities").df()
    return arts[arts.duplicate_of.isna()], quotes, ents


def test_outlets_speakers_and_entities_select_their_articles(con):
    arts, quotes, ents = _frames(con)
    sources = sorted(arts.source.dropna().unique())
    speakers = quotes.speaker.dropna().value_counts().index[:4].tolist()
    names = ents.name.value_counts().index[:4].tolist()
    assert len(sources) >= 3 and len(speakers) >= 3 and len(names) >= 3
    for picked in [sources[:1], sources[1:3], [sources[0], sources[0]]]:
        expected = set(arts[arts.source.isin(picked)].id)
        assert expected and _selected(con, Filters(sources=tuple(picked))) == expected
    for picked in [speakers[:1], speakers[1:4]]:
        expected = set(quotes[quotes.speaker.isin(picked)].article_id) & set(arts.id)
        assert expected and _selected(con, Filters(speakers=tuple(picked))) == expected
    for picked in [names[:1], names[2:4]]:
        expected = set(ents[ents.name.isin(picked)].article_id) & set(arts.id)
        assert expected and _selected(con, Filters(entities=tuple(picked))) == expected
    # combined: the intersection, never the union
    for source, speaker in itertools.product(sources[:2], speakers[:2]):
        expected = set(arts[arts.source == source].id) & set(
            quotes[quotes.speaker == speaker].article_id
        )
        assert _selected(con, Filters(sources=(source,), speakers=(speaker,))) == expected


def test_an_outlet_nobody_wrote_for_selects_nothing(con):
    assert _selected(con, Filters(sources=("no such outlet",))) == set()
    assert _selected(con, Filters(speakers=("Nobody Atall",))) == set()


def test_summary_cells_keep_the_same_outlets(con):
    arts, _, _ = _frames(con)
    sources = sorted(arts.source.dropna().unique())[:2]
    where, params = summaries.cell_where(Filters(sources=tuple(sources)))
    n = con.execute(f"SELECT sum(n_articles) FROM sum_articles s WHERE {where}", params).fetchone()
    assert n[0] == len(arts[arts.source.isin(sources)])


def test_in_values_writes_one_placeholder_per_value_and_false_for_none():
    assert in_values("x", []) == ("FALSE", [])
    assert in_values("s.source", ["a", "b"]) == ("s.source IN (?, ?)", ["a", "b"])
