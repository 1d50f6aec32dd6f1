"""The corpus pass's acronym join (identity.acronym_joins): an acronym an article writes alone is
the one name other articles spell it out as, on the word of two articles or more; an acronym
spelt out two ways, once, or as a person's initials stays itself. Rules alone, then through a
store of our own records."""

from __future__ import annotations

import pytest

from analysis import identity
from analysis.entities import aggregate
from analysis.records import Article, ArticleResult, EntityMention
from analysis.store import Store


@pytest.mark.parametrize(
    "expansions, labels, joined",
    [
        # two articles spell it out one way: the lone acronym is that firm
        ({"GM": {"General Motors": 2}}, {"GM": "ORG"}, {"GM": "General Motors"}),
        # words an acronym skips
        ({"DTI": {"Department of Trade and Industry": 3}}, {"DTI": "ORG"},
         {"DTI": "Department of Trade and Industry"}),
        # one article is too little
        ({"GM": {"General Motors": 1}}, {"GM": "ORG"}, {}),
        # two expansions: ambiguous
        ({"CSA": {"Child Support Agency": 3, "Conseil Superieur Audiovisuel": 2}},
         {"CSA": "ORG"}, {}),
        # a longer name holding the acronym is no expansion of it
        ({"BT": {"BT Openzone": 2}}, {"BT": "ORG"}, {}),
        # the acronym labelled otherwise, or the expansion a person's name
        ({"LA": {"Los Angeles": 4}}, {"LA": "GPE"}, {}),
        ({"JK": {"Jane Kowalski": 3}}, {"JK": "ORG", "Jane Kowalski": "PERSON"}, {}),
    ],
)  # fmt: skip
def test_a_lone_acronym_joins_its_one_spelling_out(expansions, labels, joined):
    articles = {acr: 3 for acr in expansions}
    assert identity.acronym_joins(articles, expansions, labels) == joined


def _article(i: int, sentences: list[tuple[str, str, str]]) -> ArticleResult:
    """One article of ``sentences``: (sentence, the mention's text in it, its name)."""
    aid, text, mentions = f"g{i:02d}", "", []
    for sentence, written, name in sentences:
        start = len(text) + sentence.index(written)
        mentions.append(
            EntityMention(aid, name, "ORG", written, start, start + len(written), len(text))
        )
        text += sentence + " "
    article = Article(id=aid, title=f"Cars {i}", text=text, source="wire", n_words=9)
    return ArticleResult(article, (), tuple(aggregate(mentions)), tuple(mentions), (), ())


def test_an_acronym_alone_in_one_article_takes_the_name_others_spell_out(tmp_path):
    spelt = [
        ("General Motors cut its forecast.", "General Motors", "General Motors"),
        ("GM said sales fell.", "GM", "General Motors"),
    ]
    corpus = [_article(i, spelt) for i in (1, 2)]
    corpus.append(_article(3, [("GM said it would build a plant.", "GM", "GM")]))
    with Store(tmp_path / "acronyms.duckdb") as store:
        store.write_batch(corpus)
        merges = identity.update(store.con)
        assert store.con.execute(
            "SELECT name FROM entity_mentions WHERE article_id = 'g03'"
        ).fetchall() == [("General Motors",)]
        assert ("org", "GM", "General Motors") in {(m.kind, m.alias, m.canonical) for m in merges}
        # undone, the article's own acronym comes back
        identity.set_undone(store.con, "org", "GM", True)
        assert store.con.execute(
            "SELECT name FROM entity_mentions WHERE article_id = 'g03'"
        ).fetchall() == [("GM",)]
