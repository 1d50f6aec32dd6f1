"""Corpus labels the other way (analysis.body_labels): a body's name a few articles took for a
person counts as the body; the per-article and corpus joins of the same session ("Ms X" after a
full name tagged ORG, "Radio 4" → "BBC Radio 4"). Every sentence is invented."""

from __future__ import annotations

import pytest

from analysis import body_labels, entity_views, identity
from analysis.entities import aggregate, naming
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, EntityMention
from analysis.store import Store
from tests.mentions import mention


def _mention(
    before: str, name: str, after: str, *, text: str | None = None, others=(), label="PERSON"
):
    """A mention of ``name`` written ``text`` between ``before`` and ``after``; ``others``:
    (text, offset from the mention's start) of the article's other person mentions."""
    text = text or name
    start = len(before)
    return body_labels.Mention(
        "a1",
        start,
        name,
        text,
        before,
        after,
        [(start + d, start + d + len(t), t) for t, d in others],
        label,
    )


@pytest.mark.parametrize(
    "before, name, after, text, others",
    [
        ("The letter was signed by ", "Tavin Orrell", " last week.", "Ms Orrell", ()),
        ("Only ", "Tavin Orrell", " could say.", "Orrell", ()),  # a surname joined to it
        ("The deal was approved by chief executive ", "Quorvane", " on Monday.", None, ()),
        ("Former champion ", "Pell Varo", " lost in three sets.", None, ()),
        ("The move was blocked by Dr ", "Quorvane", ".", None, ()),
        ("Visiting flanker ", "Drusk", " scored twice.", None, ()),
        ("The visitors fielded Abbott, Crane (Dorrit 60), ", "Quillan", ", Brack, Fenn.", None,
         [("Crane", -28), ("Dorrit", -20), ("Brack", 9), ("Fenn", 16)]),
        ("Forwards: Olen Marsk, Tevo Rall, ", "Pell Varo", ", Cai Dunne.", None,
         [("Olen Marsk", -23), ("Tevo Rall", -11), ("Cai Dunne", 11)]),
        ("Sidelined: S Brack, A ", "Quillan", " (Leeds), D Fenn.", None,
         [("S Brack", -14), ("D Fenn", 18)]),
        ("The award went to ", "Quillan", ". He thanked his family.", None, ()),
        ("The award went to ", "Quillan", ", who thanked his family.", None, ()),
        ("The award went to ", "Quillan", ", 33, on Friday.", None, ()),
    ],
)  # fmt: skip
def test_an_article_that_says_its_name_is_a_persons_gives_a_cue(before, name, after, text, others):
    assert body_labels.person_cue(_mention(before, name, after, text=text, others=others))


@pytest.mark.parametrize(
    "before, name, after, text, others",
    [
        ("The shooter was made by ", "Zorvex", "'s studio in Osaka.", None, ()),
        ("", "Zorvex", " said in a statement that sales rose.", None, ()),
        ("Handset maker ", "Zorvex", " has cut prices.", None, ()),
        ("A ", "Zorvex", " console costs $200 in Poland.", None, ()),  # "A" is no initial
        ("The portal ", "Zorvex Europe", " closed the site.", "Zorvex", ()),  # its first word
        # artists' full names in a list say nothing of a band's one word
        ("The gig starred Pell Varo, ", "Quillan", " and Cai Dunne.", None,
         [("Pell Varo", -11), ("Cai Dunne", 12)]),
        # one person before a comma is an apposition, not a list
        ("Said Tevo Rall, ", "Zorvex Games", "' head of sales.", None, [("Tevo Rall", -11)]),
        # someone else named before the pronoun
        ("", "Quillan", " frontman Olen Marsk spoke. He was tired.", None, [("Olen Marsk", 17)]),
    ],
)  # fmt: skip
def test_what_a_firm_shares_with_a_person_is_no_cue(before, name, after, text, others):
    assert not body_labels.person_cue(_mention(before, name, after, text=text, others=others))


def test_a_pronoun_is_no_cue_at_an_organisations_mention():
    """A band's or a team's name of several words takes "who" as a person's does."""
    m = _mention("Sixth came ", "Velvet Harrows", ", who topped the charts.", label="ORG")
    assert not body_labels.person_cue(m)


@pytest.mark.parametrize(
    "name, vote, chosen",
    [
        ("Zorvex", body_labels.Vote(org=2, cued=0, bare=3), True),  # the firm in 2 of 5
        ("Zorvex", body_labels.Vote(org=1, cued=0, bare=4), False),  # one article is no vote
        ("Quillan", body_labels.Vote(org=3, cued=2, bare=6), True),  # the band; the player cued
        ("Quillan", body_labels.Vote(org=2, cued=2, bare=6), False),  # as many people: stays
        ("Zorvex", body_labels.Vote(org=5, cued=0, bare=0), False),  # nothing to relabel
        # a given name first: a person's full name unless two to one
        ("Helen Orrell", body_labels.Vote(org=3, cued=0, bare=2), False),
        ("Helen Orrell", body_labels.Vote(org=6, cued=1, bare=2), True),
        ("K Orrell", body_labels.Vote(org=2, cued=0, bare=1), False),  # an initial first
        # a full name whose organisation's mention somewhere gives a person's cue
        ("Pell Varo", body_labels.Vote(org=3, cued=0, bare=1, org_cued=True), False),
        ("Zorvex Games", body_labels.Vote(org=3, cued=0, bare=1), True),
    ],
)
def test_a_name_counts_as_the_body_where_more_articles_make_it_one_than_give_a_persons_cue(
    name, vote, chosen
):
    assert (name in body_labels.body_names({name: vote})) is chosen
    assert not body_labels.body_names({name: vote}, undone={name})


# -- the store step: a corpus of invented articles ----------------------------------------------


def _article(i: int, *sentences: tuple[str, list[tuple[str, str]]]) -> ArticleResult:
    """One article of ``sentences``, each (text, [(name as written, label)]): the names'
    mentions at their offsets, the name as written its own canonical."""
    aid = f"b{i:03d}"
    text, mentions, pos = "", [], 0
    for sentence, names in sentences:
        for name, label in names:
            s = pos + sentence.index(name)
            mentions.append(EntityMention(aid, name, label, name, s, s + len(name), pos))
        text += sentence + " "
        pos = len(text)
    article = Article(id=aid, title=f"Story {i}", text=text, source="Wire", n_words=99)
    return ArticleResult(article, entities=tuple(aggregate(mentions)), mentions=tuple(mentions))


def _corpus() -> list[ArticleResult]:
    """ "Zorvex", a games firm: an organisation in three articles ("games publisher Zorvex"), a
    person with no cue in two ("Zorvex's new title"), and a person in one that calls it "Mr"
    (another bearer: stays). "Quillan", a band in two articles and a person with no cue in two
    more, is a footballer in a line-up of surnames."""
    org, person = "ORG", "PERSON"
    out = [
        _article(i, (f"Games publisher Zorvex cut {i} jobs.", [("Zorvex", org)])) for i in range(3)
    ]
    out += [
        _article(10 + i, (f"Fans queued for Zorvex's new title {i} days.", [("Zorvex", person)]))
        for i in range(2)
    ]
    out.append(_article(20, ("The fund was run by Mr Zorvex for years.", [("Zorvex", person)])))
    out += [
        _article(30 + i, (f"Rock band Quillan played {i} encores.", [("Quillan", org)]))
        for i in range(2)
    ]
    out += [
        _article(40 + i, (f"The album by Quillan sold {i} million.", [("Quillan", person)]))
        for i in range(2)
    ]
    out.append(
        _article(
            50,
            (
                "United: Abbott, Dorrit, Quillan, Brack, Fenn.",
                [(n, person) for n in ("Abbott", "Dorrit", "Quillan", "Brack", "Fenn")],
            ),
        )
    )
    return out


def _label(store: Store, article: str, text: str) -> str:
    return store.con.execute(
        "SELECT label FROM entity_mentions WHERE article_id = ? AND text = ?", [article, text]
    ).fetchone()[0]


def test_a_bodys_name_some_articles_took_for_a_person_counts_as_the_body(tmp_path):
    with Store(tmp_path / "bodies.duckdb") as store:
        store.write_batch(_corpus())
        merges = identity.update(store.con)
        assert _label(store, "b010", "Zorvex") == "ORG"
        assert _label(store, "b011", "Zorvex") == "ORG"
        assert _label(store, "b020", "Zorvex") == "PERSON"  # "Mr Zorvex": a person's cue
        assert _label(store, "b040", "Quillan") == "ORG"  # the band
        assert _label(store, "b050", "Quillan") == "PERSON"  # the footballer of a line-up
        assert ("label", "Zorvex", "ORG", 2) in {
            (m.kind, m.alias, m.canonical, m.evidence) for m in merges
        }
        top = entity_views.top_entities(store.con, Filters(), limit=50).set_index("name")
        assert top.loc["Zorvex", ["label", "n_articles"]].tolist() == ["ORG", 6]

        # undone, the articles' own labels come back; redone, the body again
        identity.set_undone(store.con, "label", "Zorvex", True)
        assert _label(store, "b010", "Zorvex") == "PERSON"
        identity.set_undone(store.con, "label", "Zorvex", False)
        assert _label(store, "b010", "Zorvex") == "ORG"

        # more articles giving a person's cue tip the vote back: the labels return
        more = [
            _article(60 + i, (f"Chairman Zorvex resigned after {i} years.", [("Zorvex", "PERSON")]))
            for i in range(3)
        ]
        store.write_batch(more)
        identity.update(store.con, fresh_ids=[r.article.id for r in more])
        assert _label(store, "b010", "Zorvex") == "PERSON"
        assert _label(store, "b040", "Quillan") == "ORG"  # (its vote unchanged)


# -- "Ms X" after a full name the model tagged an organisation (analysis.entities.naming) --------


@pytest.mark.parametrize(
    "short, title, full, flags, bearer",
    [
        ("Orrell", "ms", "Tavin Orrell", {"person_cue": True}, True),  # "party leader …"
        ("Orrell", "mr", "Tavin Orrell", {"title": "leader"}, True),
        ("Sachs", "mr", "Goldman Sachs", {}, False),  # a firm named after its founder
        ("Orrell", None, "Tavin Orrell", {"person_cue": True}, False),  # no courtesy title
        ("Orrell", "ms", "Orrell Savings Bank", {"person_cue": True}, False),  # not its end
    ],
)
def test_a_courtesy_title_makes_the_one_organisation_ending_in_the_name_its_bearer(
    short, title, full, flags, bearer
):
    m = mention(short, "PERSON", title=title)
    org = mention(full, "ORG", **flags)
    assert naming._titled_bearer(m, org) is bearer


# -- a station's name without its owner's acronym (analysis.identity.org_joins) ------------------


@pytest.mark.parametrize(
    "articles, joins",
    [
        ({"Radio 4": 9, "BBC Radio 4": 53}, {"Radio 4": "BBC Radio 4"}),
        ({"Radio 1": 4, "BBC Radio 1": 5}, {"Radio 1": "BBC Radio 1"}),
        ({"Radio 1": 5, "BBC Radio 1": 5}, {}),  # the short name as common
        ({"Supreme Court": 5, "US Supreme Court": 9}, {}),  # a country's acronym
        ({"Radio 4": 2, "BBC Radio 4": 9, "RTE Radio 4": 9}, {}),  # two owners
        ({"10 Downing Street": 6, "Downing Street": 20}, {"10 Downing Street": "Downing Street"}),
        ({"10 Downing Street": 6, "Downing Street": 6}, {}),
    ],
)
def test_a_stations_name_joins_the_one_name_its_owners_acronym_starts_and_an_address_its_number(
    articles, joins
):
    got = identity.org_joins(articles, labels=dict.fromkeys(articles, "ORG"))
    assert {a: c for a, c in got.items() if a in joins or c in articles} == joins


@pytest.mark.parametrize(
    "before, name, after, placed",
    [
        ("The detainee, who is from ", "Leeds", ", was freed.", True),
        ("Worshippers had to travel to ", "Leeds", " for prayers.", True),
        ("A seat in ", "Newcastle", "-upon-Tyne Central fell.", True),
        ("Their coach guided ", "Leeds", " to a 9-3 win.", False),  # the club
        ("The fans travelled to ", "Zorvex", " on Friday.", False),  # no place the gazetteer knows
    ],
)
def test_a_known_towns_name_put_somewhere_keeps_its_label(before, name, after, placed):
    assert body_labels._placed(_mention(before, name, after)) is placed


def test_a_person_the_model_tags_a_body_now_and_then_is_no_votes():
    """A quarter of its articles at least must tag a name an organisation: a famous surname
    tagged a body in two articles of a hundred stays a person in the others."""
    assert not body_labels.body_names({"Dravitch": body_labels.Vote(org=2, cued=0, bare=98)})
    assert body_labels.body_names({"Dravitch": body_labels.Vote(org=2, cued=0, bare=6)})
