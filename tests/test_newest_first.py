"""Newest-first lists with a limit (``analysis.filters.newest_first``): the Speakers page's
quotes and the Figures page's table, on the multi-outlet fixture corpus. With a limit, each
looks in the newest articles first and widens the look until it is exact; the result must be
the head of the full list."""

from __future__ import annotations

import duckdb
import pytest

from analysis import figure_views, filters, quote_views
from analysis.filters import Filters


@pytest.fixture(scope="module")
def con(corpus_store):
    c = duckdb.connect(str(corpus_store), read_only=True)
    yield c
    c.close()


def _keys(frame):
    return list(zip(frame["article_id"], frame["start"], frame["end"], strict=True))


LISTS = {
    "quotes": lambda con, f, limit, **kw: quote_views.speaker_quotes(con, f, limit=limit, **kw),
    "figures": lambda con, f, limit, **kw: figure_views.figure_table(con, f, limit=limit, **kw),
}


@pytest.mark.parametrize("newest", [filters.NEWEST_ARTICLES, 1])
@pytest.mark.parametrize("kind", sorted(LISTS))
def test_the_limited_list_is_the_head_of_the_full_list(con, kind, newest, monkeypatch):
    # newest=1: the first look covers few articles, so the look must widen to stay exact.
    monkeypatch.setattr(filters, "NEWEST_ARTICLES", newest)
    view = LISTS[kind]
    (outlet,) = con.execute(
        "SELECT source FROM articles GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
    ).fetchone()
    for f in (Filters(), Filters(sources=(outlet,))):
        full = view(con, f, None)
        assert len(full) > 3
        published = full["published"].tolist()
        assert published == sorted(published, reverse=True), "newest article first"
        for limit in (1, 7, len(full) - 1, len(full) + 5):
            got = view(con, f, limit)
            assert _keys(got) == _keys(full)[:limit]
            assert got["text"].tolist() == full["text"].tolist()[:limit]


def test_a_rare_speaker_widens_the_look(con, monkeypatch):
    monkeypatch.setattr(filters, "NEWEST_ARTICLES", 1)
    full = quote_views.speaker_quotes(con, limit=None)
    counts = full["speaker"].value_counts()
    oldest_rare = full[full["speaker"].isin(counts[counts == 1].index)].iloc[-1]["speaker"]
    got = quote_views.speaker_quotes(con, speakers=[oldest_rare], limit=3)
    assert got["speaker"].tolist() == [oldest_rare]
    assert quote_views.speaker_quotes(con, speakers=["Nobody Quoted Here"], limit=3).empty
