"""The entity views on a small hand-built store: concrete counts, filters, duplicates left out.

The store holds four articles (one a near-duplicate of another, which no view may count):

    a1  2016-12-01  Guardian  Aleppo ×3, John Kerry ×2, Islamic State ×1 (Aleppo + Kerry share a
                              sentence twice; Aleppo + Islamic State once)
    a2  2016-12-03  BBC       Aleppo ×1, John Kerry ×1 (same sentence), Syria ×2
    a3  2016-12-20  Guardian  Islamic State ×2, Syria ×1 (same sentence; Syria labelled ORG here:
                              the views still report one Syria, as GPE, the label of most mentions)
    d1  2016-12-02  Daily     a copy of a1 (duplicate_of = a1)
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis import entity_views as ev
from analysis.entities import aggregate
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, EntityMention
from analysis.store import Store

# (name, label, sentence start, start) per mention
MENTIONS = {
    "a1": [
        ("Aleppo", "GPE", 0, 5),
        ("John Kerry", "PERSON", 0, 20),
        ("Aleppo", "GPE", 50, 55),
        ("John Kerry", "PERSON", 50, 70),
        ("Aleppo", "GPE", 100, 101),
        ("Islamic State", "ORG", 100, 120),
    ],
    "a2": [
        ("Aleppo", "GPE", 0, 3),
        ("John Kerry", "PERSON", 0, 30),
        ("Syria", "GPE", 40, 45),
        ("Syria", "GPE", 80, 85),
    ],
    "a3": [
        ("Islamic State", "ORG", 0, 0),
        ("Islamic State", "ORG", 60, 60),
        ("Syria", "ORG", 60, 90),  # another article's label for the same name
    ],
}
ARTICLES = {
    "a1": ("2016-12-01", "Guardian"),
    "a2": ("2016-12-03", "BBC"),
    "a3": ("2016-12-20", "Guardian"),
}


def _result(article_id: str, published: str, source: str, rows) -> ArticleResult:
    mentions = tuple(
        EntityMention(article_id, name, label, name, start, start + len(name), sent)
        for name, label, sent, start in rows
    )
    article = Article(
        id=article_id,
        title=f"Story {article_id}",
        text="x" * 200,
        source=source,
        published=published,
    )
    return ArticleResult(article=article, mentions=mentions, entities=tuple(aggregate(mentions)))


@pytest.fixture()
def con(tmp_path):
    results = [_result(a, *ARTICLES[a], MENTIONS[a]) for a in ("a1", "a2", "a3")]
    dup = Article(id="d1", title="Copy", text="x" * 200, source="Daily", published="2016-12-02")
    with Store(tmp_path / "e.duckdb") as store:
        store.write_batch(results)
        # the copy carries entity rows too, as if analysed before it was found to be a copy
        store.write_batch([_result("d1", "2016-12-02", "Daily", MENTIONS["a1"])])
        store.write_batch([], duplicates=[(dup, "a1")])
        store.con.execute(
            "INSERT INTO entities SELECT 'd1', name, label, mentions, first_start FROM entities "
            "WHERE article_id = 'a1'"
        )
        yield store.con


def _rows(df, *cols):
    return [tuple(r) for r in df[list(cols)].itertuples(index=False)]


def test_top_entities_counts_articles_and_mentions(con):
    df = ev.top_entities(con)
    assert _rows(df, "name", "label", "n_articles", "n_mentions") == [
        ("Aleppo", "GPE", 2, 4),
        ("Islamic State", "ORG", 2, 3),  # ties: by name
        ("John Kerry", "PERSON", 2, 3),
        ("Syria", "GPE", 2, 3),  # one article's ORG tag is outvoted: one row, as GPE
    ]


def test_top_entities_by_label_and_mentions(con):
    assert ev.top_entities(con, label="PERSON")["name"].tolist() == ["John Kerry"]
    assert ev.top_entities(con, label=("ORG", "PERSON"), limit=1)["name"].tolist() == [
        "Islamic State"
    ]
    by_mentions = ev.top_entities(con, by="mentions")
    assert by_mentions["name"].tolist()[0] == "Aleppo"
    with pytest.raises(ValueError):
        ev.top_entities(con, by="weight")


def test_top_entities_respects_date_and_source_filters(con):
    december_early = Filters(date_from=date(2016, 12, 1), date_to=date(2016, 12, 5))
    df = ev.top_entities(con, december_early)
    assert _rows(df, "name", "n_articles", "n_mentions") == [
        ("Aleppo", 2, 4),
        ("John Kerry", 2, 3),
        ("Syria", 1, 2),
        ("Islamic State", 1, 1),
    ]
    guardian = ev.top_entities(con, Filters(sources=("Guardian",)))
    assert _rows(guardian, "name", "n_articles") == [
        ("Islamic State", 2),
        ("Aleppo", 1),
        ("John Kerry", 1),
        ("Syria", 1),
    ]
    assert ev.top_entities(con, Filters(sources=("Daily",))).empty  # the duplicate only


def test_top_entities_by_label_frame(con):
    df = ev.top_entities_by_label(con, limit=1)
    assert _rows(df, "label", "rank", "name", "n_articles") == [
        ("GPE", 1, "Aleppo", 2),
        ("ORG", 1, "Islamic State", 2),
        ("PERSON", 1, "John Kerry", 2),
    ]


def test_mentions_over_time_by_week_and_month(con):
    weekly = ev.mentions_over_time(con, names=["Aleppo", "Islamic State"], granularity="week")
    assert [(str(p)[:10], n, m) for p, n, m in _rows(weekly, "period", "name", "n_mentions")] == [
        ("2016-11-28", "Aleppo", 4),  # 1 and 3 December fall in the week of Monday 28 November
        ("2016-11-28", "Islamic State", 1),
        ("2016-12-19", "Islamic State", 2),
    ]
    monthly = ev.mentions_over_time(con, label="GPE", granularity="month", top=2)
    assert _rows(monthly, "name", "n_mentions", "n_articles") == [
        ("Aleppo", 4, 2),
        ("Syria", 3, 2),
    ]
    daily = ev.mentions_over_time(con, names=["John Kerry"], granularity="day")
    assert [str(p)[:10] for p in daily["period"]] == ["2016-12-01", "2016-12-03"]
    assert ev.mentions_over_time(con, names=[]).empty
    with pytest.raises(ValueError):
        ev.mentions_over_time(con, granularity="fortnight")


def test_cooccurrences_count_shared_sentences(con):
    df = ev.cooccurrences(con)
    assert _rows(df, "name_a", "name_b", "label_a", "label_b", "weight") == [
        ("Aleppo", "John Kerry", "GPE", "PERSON", 3),
        ("Aleppo", "Islamic State", "GPE", "ORG", 1),
        ("Islamic State", "Syria", "ORG", "GPE", 1),
    ]
    assert ev.cooccurrences(con, min_weight=2)["weight"].tolist() == [3]
    assert ev.cooccurrences(con, limit=1)["name_b"].tolist() == ["John Kerry"]
    people_places = ev.cooccurrences(con, labels=("PERSON", "GPE"))
    assert _rows(people_places, "name_a", "name_b") == [("Aleppo", "John Kerry")]
    only_a2 = ev.cooccurrences(con, Filters(sources=("BBC",)))
    assert _rows(only_a2, "name_a", "name_b", "weight") == [("Aleppo", "John Kerry", 1)]


def test_pairs_rebuilt_from_mentions_agree_with_those_written(con):
    # The pairs the store wrote with the batch, and the same pairs rebuilt from the mentions
    # (as bench/replicate.py does for a store copied without them), give the same network.
    # Read from the pairs themselves: a filter by article ids, which the summaries cannot answer.
    ids = tuple(r[0] for r in con.execute("SELECT id FROM articles").fetchall())
    rows = Filters(article_ids=ids)
    written = ev.cooccurrences(con, rows)
    labelled = ev.cooccurrences(con, rows, labels=("PERSON", "GPE"))
    assert len(written) == 3
    assert ev.cooccurrences(con).equals(written), "the summary gives the same network"
    con.execute("DELETE FROM entity_pairs")
    assert ev.cooccurrences(con, rows).empty
    con.execute(ev.PAIRS_REBUILD_SQL)
    stored = con.execute(
        "SELECT * EXCLUDE (article_key) FROM entity_pairs WHERE article_id = 'a1' "
        "ORDER BY name_a, name_b"
    ).fetchall()
    assert stored == [
        ("a1", "Aleppo", "Islamic State", 1),
        ("a1", "Aleppo", "John Kerry", 2),
    ]
    assert ev.cooccurrences(con, rows).equals(written)
    assert ev.cooccurrences(con, rows, labels=("PERSON", "GPE")).equals(labelled)


def test_entity_articles(con):
    df = ev.entity_articles(con, name="Aleppo")
    assert _rows(df, "id", "title", "source", "mentions") == [
        ("a1", "Story a1", "Guardian", 3),
        ("a2", "Story a2", "BBC", 1),
    ]
    assert str(df["published"].iloc[0])[:10] == "2016-12-01"
    syria = ev.entity_articles(con, name="Syria")
    assert _rows(syria, "id", "mentions") == [("a2", 2), ("a3", 1)]
    assert ev.entity_articles(con, name="Syria", limit=1)["id"].tolist() == ["a2"]
    assert ev.entity_articles(con, Filters(sources=("Daily",)), name="Aleppo").empty


@pytest.mark.parametrize("limit", [1, 2, 5, 40])
def test_pairs_of_some_labels_are_the_heaviest_pairs_with_those_labels(corpus_store, limit):
    """With labels, the heaviest pairs are labelled a few at a time until enough have the
    labels: the result must be what filtering the whole ranked network gives."""
    import duckdb

    con = duckdb.connect(str(corpus_store), read_only=True)
    try:
        everything = ev.cooccurrences(con, limit=100_000)
        for labels in (("PERSON",), ("PERSON", "ORG")):
            keep = everything["label_a"].isin(labels) & everything["label_b"].isin(labels)
            want = everything[keep].head(limit).reset_index(drop=True)
            got = ev.cooccurrences(con, labels=labels, limit=limit)
            assert len(got) == min(limit, int(keep.sum()))
            pd.testing.assert_frame_equal(got, want, check_dtype=False)
    finally:
        con.close()


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(sources=("Guardian", "Wire")), Filters(search="x*")],
    ids=["summary", "summary-outlets", "articles"],  # the per-day summary's path and the tables'
)
def test_undated_articles_are_counted_for_the_timelines_note(tmp_path, filters):
    """The articles naming each entity that have no publication date (which the timeline leaves
    out): an undated Wire story naming Aleppo and one naming Syria; a1's dated mentions are
    not counted, nor a name with none undated (John Kerry), nor a name not asked for."""
    results = [_result(a, *ARTICLES[a], MENTIONS[a]) for a in ("a1", "a3")]
    results += [
        _result("u1", None, "Wire", [("Aleppo", "GPE", 0, 1), ("Syria", "GPE", 0, 9)]),
        _result("u2", None, "Wire", [("Aleppo", "GPE", 0, 4)]),
    ]
    with Store(tmp_path / "u.duckdb") as store:
        store.write_batch(results)
        got = ev.undated_articles(
            store.con, filters, names=["Aleppo", "John Kerry", "Islamic State"]
        )
        assert _rows(got, "name", "n_articles") == [("Aleppo", 2)]
        dated = Filters(sources=("Guardian",))  # the outlet of dated stories: none undated
        assert ev.undated_articles(store.con, dated, names=["Aleppo"]).empty
