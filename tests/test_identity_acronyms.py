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


def _joins(expansions, labels, alone_with=("Detroit",)):
    """:func:`identity.acronym_joins` over a corpus of 1,000 articles: each expansion's articles
    name Detroit too; one more article names each acronym alone, beside ``alone_with``."""
    names: dict[str, set[str]] = {}
    for acr, spelt in expansions.items():
        for name, ids in spelt.items():
            for a in ids:
                names.setdefault(a, {"Detroit"}).add(name)
        names[f"alone-{acr}"] = {acr, *alone_with}
    spread: dict[str, int] = {}
    for held in names.values():
        for n in held:
            spread[n] = spread.get(n, 0) + 1
    spread["United States"] = 60
    return identity.acronym_joins(spread, expansions, labels, names, spread, 1000)


def _ids(n: int, tag: str = "") -> set[str]:
    return {f"{tag}{i}" for i in range(n)}


@pytest.mark.parametrize(
    "expansions, labels, joined",
    [
        # two articles spell it out one way: the lone acronym is that firm
        ({"GM": {"General Motors": _ids(2)}}, {"GM": "ORG"}, {"GM": "General Motors"}),
        # words an acronym skips
        ({"DTI": {"Department of Trade and Industry": _ids(3)}}, {"DTI": "ORG"},
         {"DTI": "Department of Trade and Industry"}),
        # one article is too little
        ({"GM": {"General Motors": _ids(1)}}, {"GM": "ORG"}, {}),
        # two expansions: ambiguous
        ({"CSA": {"Child Support Agency": _ids(3), "Conseil Superieur Audiovisuel": _ids(2, "f")}},
         {"CSA": "ORG"}, {}),
        # a longer name holding the acronym is no expansion of it
        ({"BT": {"BT Openzone": _ids(2)}}, {"BT": "ORG"}, {}),
        # the acronym labelled otherwise, or the expansion a person's name
        ({"LA": {"Los Angeles": _ids(4)}}, {"LA": "GPE"}, {}),
        ({"JK": {"Jane Kowalski": _ids(3)}}, {"JK": "ORG", "Jane Kowalski": "PERSON"}, {}),
    ],
)  # fmt: skip
def test_a_lone_acronym_joins_its_one_spelling_out(expansions, labels, joined):
    assert _joins(expansions, labels) == joined


def test_a_lone_acronym_in_a_story_of_other_company_keeps_its_letters():
    expansions = {"TPS": {"Telephone Preference Service": _ids(3)}}
    # beside no name of the spelling-out stories, or only a name most stories give
    assert _joins(expansions, {"TPS": "ORG"}, alone_with=("Canal Plus",)) == {}
    assert _joins(expansions, {"TPS": "ORG"}, alone_with=("United States",)) == {}


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
        ("Opel will cut jobs.", "Opel", "Opel"),
    ]
    corpus = [_article(i, spelt) for i in (1, 2)]
    corpus.append(_article(3, [("GM said it would build a plant.", "GM", "GM"),
                               ("Opel agreed.", "Opel", "Opel")]))  # fmt: skip
    with Store(tmp_path / "acronyms.duckdb") as store:
        store.write_batch(corpus)
        merges = identity.update(store.con)
        assert store.con.execute(
            "SELECT name FROM entity_mentions WHERE article_id = 'g03' AND text = 'GM'"
        ).fetchall() == [("General Motors",)]
        assert ("org", "GM", "General Motors") in {(m.kind, m.alias, m.canonical) for m in merges}
        # undone, the article's own acronym comes back
        identity.set_undone(store.con, "org", "GM", True)
        assert store.con.execute(
            "SELECT name FROM entity_mentions WHERE article_id = 'g03' AND text = 'GM'"
        ).fetchall() == [("GM",)]
