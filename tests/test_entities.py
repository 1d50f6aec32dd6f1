"""Gold-table tests for analysis.entities: merging, aliases, acronyms, label correction, junk.

Model-free rules (name cleaning, titles, keys, junk, aliases, the gazetteer) are tested on plain
strings; the merging logic once more on hand-built ``Doc`` objects (no statistical model); then
invented news sentences run through the real model; then the worked example on the bundled
sample article (ARCHITECTURE.md).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from analysis import entities, gazetteer
from analysis.records import EntityMention

# -- model-free rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Bashar al-Assad’s", "Bashar al-Assad"),
        ("Assad's", "Assad"),
        ("the Syrian Democratic Forces (", "Syrian Democratic Forces"),
        ("The  United\nNations", "United Nations"),
        ("’s Syrian", "Syrian"),
        ("Reuters’", "Reuters"),
        ("U.S.", "U.S."),
        ("“Aleppo”,", "Aleppo"),
        ("Theodore", "Theodore"),  # "the" only as a word
    ],
)
def test_clean_name(written, expected):
    assert entities.clean_name(written) == expected


@pytest.mark.parametrize(
    "name, bare, title",
    [
        ("Mr Blair", "Blair", "mr"),
        ("Prime Minister Tony Blair", "Tony Blair", "minister"),
        ("Major General Igor Konashenkov", "Igor Konashenkov", "general"),
        ("Foreign Secretary Jack Straw", "Jack Straw", "secretary"),
        ("Dr. Ana Ruiz", "Ana Ruiz", "dr"),
        ("Ash Carter", "Ash Carter", None),
        ("President", "", "president"),
    ],
)
def test_strip_titles(name, bare, title):
    assert entities.strip_titles(name) == (bare, title)


@pytest.mark.parametrize(
    "name, key",
    [
        ("Bashar al-Assad", ("bashar", "assad")),
        ("al-Assad", ("assad",)),
        ("Ash Carter", ("ash", "carter")),  # a capitalised "Ash" is a first name, not a particle
        ("Recep Tayyip Erdoğan", ("recep", "tayyip", "erdogan")),
        ("Jean-Marc Ayrault", ("jean", "marc", "ayrault")),
    ],
)
def test_name_key(name, key):
    assert entities.name_key(name) == key


@pytest.mark.parametrize(
    "name, junk",
    [
        ("state", True),
        ("", True),
        ("X", True),
        ("2011", True),
        ("He", True),
        ("Saturday", True),
        ("Youtube Subscribe", True),
        ("Thomson Reuters Trust Principles", True),  # an agency's page footer
        ("Android Youtube Satellite Coverage Partner", True),
        ("US", False),  # all capitals: the country, not the pronoun
        ("Aleppo", False),
        ("Igor Konashenkov", False),
    ],
)
def test_is_junk(name, junk):
    assert entities.is_junk(name) is junk


@pytest.mark.parametrize(
    "variant, expected",
    [
        ("Isis", ("Islamic State", "ORG")),
        ("ISIS", ("Islamic State", "ORG")),
        ("Isil", ("Islamic State", "ORG")),
        ("IS", ("Islamic State", "ORG")),
        ("Daesh", ("Islamic State", "ORG")),
        ("Islamic State", ("Islamic State", "ORG")),
        ("US", ("United States", "GPE")),
        ("U.S.", ("United States", "GPE")),
        ("United States", ("United States", "GPE")),
        ("America", ("United States", "GPE")),
        ("UN", ("United Nations", "ORG")),
        ("United Nations", ("United Nations", "ORG")),
        ("UK", ("United Kingdom", "GPE")),
        ("Britain", ("United Kingdom", "GPE")),
        ("Great Britain", ("United Kingdom", "GPE")),
        ("EU", ("European Union", "ORG")),
        ("European Union", ("European Union", "ORG")),
        ("Syrian Arab Republic", ("Syria", "GPE")),  # pycountry's name → the common one
        ("Russian Federation", ("Russia", "GPE")),
        ("Lib Dems", ("Liberal Democrats", "ORG")),
        ("Agence France-Presse", ("AFP", "ORG")),
        ("Sputnik News", ("Sputnik", "ORG")),
        ("Twitter", ("Twitter", "ORG")),  # the model calls it PERSON after "posted on"
        ("TRT World and Agencies", ("TRT World", "ORG")),
        ("Ap", None),  # only the capitals are the agency
        ("is", None),  # the verb
        ("Us", None),  # the pronoun at a sentence start
        ("Who", None),
        ("Aleppo", None),  # a city: labelled by the gazetteer, but no alias
    ],
)
def test_alias(variant, expected):
    assert entities.alias(variant) == expected


@pytest.mark.parametrize(
    "name, label",
    [
        ("Aleppo", "GPE"),
        ("Palmyra", "GPE"),  # an alternate name of Tadmur
        ("Raqqa", "GPE"),
        ("Wales", "GPE"),
        ("Middle East", "LOC"),
        ("Europe", "LOC"),
        ("Of", None),  # a town in Turkey, below the population threshold
        ("Howard", None),
        ("Kerry", None),  # the Irish county is no city
    ],
)
def test_gazetteer_place(name, label):
    place = gazetteer.place(name)
    assert (place.label if place else None) == label


# -- merging on hand-built Docs (no model) --------------------------------------------------


def _doc(spec: str) -> Doc:
    """``"Word/B-PERSON Word/I-PERSON other ."`` → a Doc with those entities, one sentence."""
    words, ents = [], []
    for item in spec.split():
        word, _, tag = item.partition("/")
        words.append(word.replace("_", " "))
        ents.append(tag or "O")
    return Doc(Vocab(), words=words, ents=ents)


def _names(spec: str) -> list[tuple[str, str, str]]:
    mentions, _ = entities.extract(_doc(spec), article_id="t")
    return [(m.text, m.name, m.label) for m in mentions]


@pytest.mark.parametrize(
    "spec, expected",
    [
        pytest.param(
            "Nadia/B-PERSON Okafor/I-PERSON arrived . Okafor/B-PERSON spoke .",
            [("Nadia Okafor", "Nadia Okafor", "PERSON"), ("Okafor", "Nadia Okafor", "PERSON")],
            id="surname-joins-full-name",
        ),
        pytest.param(
            "Okafor/B-PERSON spoke before Nadia/B-PERSON Okafor/I-PERSON arrived .",
            [("Okafor", "Nadia Okafor", "PERSON"), ("Nadia Okafor", "Nadia Okafor", "PERSON")],
            id="full-name-later-in-article",
        ),
        pytest.param(
            "Mr/B-PERSON Okafor/I-PERSON met Nadia/B-PERSON Okafor/I-PERSON .",
            [("Mr Okafor", "Nadia Okafor", "PERSON"), ("Nadia Okafor", "Nadia Okafor", "PERSON")],
            id="title-dropped-for-matching",
        ),
        pytest.param(
            "Okafor/B-GPE replied to Nadia/B-PERSON Okafor/I-PERSON .",
            [("Okafor", "Nadia Okafor", "PERSON"), ("Nadia Okafor", "Nadia Okafor", "PERSON")],
            id="mislabelled-surname-joins-person",
        ),
        pytest.param(
            "Tom/B-PERSON Brandt/I-PERSON met Lena/B-PERSON Brandt/I-PERSON . Brandt/B-PERSON left",
            [
                ("Tom Brandt", "Tom Brandt", "PERSON"),
                ("Lena Brandt", "Lena Brandt", "PERSON"),
                ("Brandt", "Lena Brandt", "PERSON"),
            ],
            id="shared-surname-nearest-preceding",
        ),
        pytest.param(
            "Bashar/B-PERSON al-Assad/I-PERSON and Assad/B-PERSON 's/O army",
            [
                ("Bashar al-Assad", "Bashar al-Assad", "PERSON"),
                ("Assad", "Bashar al-Assad", "PERSON"),
            ],
            id="arabic-particle",
        ),
        pytest.param(
            "George/B-PERSON W/I-PERSON Bush/I-PERSON and George/B-PERSON Bush/I-PERSON",
            [
                ("George W Bush", "George W Bush", "PERSON"),
                ("George Bush", "George W Bush", "PERSON"),
            ],
            id="shorter-full-name-joins-longer",
        ),
        pytest.param(
            "the/B-ORG Harbour/I-ORG Workers/I-ORG Guild/I-ORG (/O HWG/B-ORG )/O said HWG/B-ORG",
            [
                ("Harbour Workers Guild", "Harbour Workers Guild", "ORG"),
                ("HWG", "Harbour Workers Guild", "ORG"),
                ("HWG", "Harbour Workers Guild", "ORG"),
            ],
            id="acronym-defined-in-text",
        ),
        pytest.param(
            "Isis/B-ORG and Daesh/B-GPE and Islamic/B-NORP State/O",
            [
                ("Isis", "Islamic State", "ORG"),
                ("Daesh", "Islamic State", "ORG"),
                ("Islamic State", "Islamic State", "ORG"),
            ],
            id="alias-and-split-span-mended",
        ),
        pytest.param(
            "the/B-ORG state/I-ORG and Mr/B-PERSON and 2011/B-ORG and He/B-PERSON",
            [],
            id="junk",
        ),
        pytest.param(
            "Aleppo/B-NORP and Aleppo/B-PERSON and Aleppo/B-GPE",
            [("Aleppo", "Aleppo", "GPE")] * 3,
            id="known-city-relabelled",
        ),
        pytest.param(
            "Mr/O Jackson/B-PERSON arrived",
            [("Jackson", "Jackson", "PERSON")],
            id="city-name-with-title-stays-person",
        ),
        pytest.param(
            "Lord/O Falconer/B-PERSON spoke",
            [("Falconer", "Lord Falconer", "PERSON")],
            id="peerage-kept",
        ),
    ],
)
def test_merging_without_model(spec, expected):
    assert _names(spec) == expected


def test_offsets_point_at_the_name_proper():
    doc = _doc("the/B-ORG United/I-ORG Nations/I-ORG 's/I-ORG envoy")
    (m,), (e,) = entities.extract(doc, article_id="a")
    assert doc.text[m.start : m.end] == "United Nations" == m.text
    assert (e.name, e.label, e.mentions, e.first_start) == ("United Nations", "ORG", 1, m.start)


def test_aggregate_counts_per_name_and_first_offset():
    ms = [
        EntityMention("a", "John Kerry", "PERSON", "Kerry", 50, 55, 40),
        EntityMention("a", "John Kerry", "PERSON", "John Kerry", 10, 20, 0),
        EntityMention("a", "Aleppo", "GPE", "Aleppo", 30, 36, 0),
    ]
    assert entities.aggregate(ms) == [
        entities.Entity("a", "John Kerry", "PERSON", 2, 10),
        entities.Entity("a", "Aleppo", "GPE", 1, 30),
    ]


def test_harmonise_joins_surname_when_the_corpus_agrees():
    def m(art, name):
        return EntityMention(art, name, "PERSON", name, 0, 1, 0)

    corpus = {
        "a": [m("a", "Tony Blair")],
        "b": [m("b", "Tony Blair")],
        "c": [m("c", "Blair"), m("c", "Brown")],
        "d": [m("d", "Gordon Brown")],
        "e": [m("e", "Nick Brown")],
        "f": [m("f", "Gordon Brown")],
    }
    mapping = entities.harmonise(corpus)
    assert mapping == {"Blair": "Tony Blair"}  # Brown: Gordon 2 of 3 articles, below 80%
    assert [x.name for x in entities.apply_harmonised(corpus["c"], mapping)] == [
        "Tony Blair",
        "Brown",
    ]


# -- invented sentences through the model ---------------------------------------------------


@pytest.fixture(scope="module")
def model():
    from analysis import nlp

    return nlp.load()


def run(model, text):
    mentions, ents = entities.extract(model(text), article_id="t")
    return mentions, ents


@pytest.mark.parametrize(
    "text, written, name, label",
    [
        (
            "Prime Minister Jane Holloway visited the port on Monday. Holloway said the deal "
            "was fair.",
            "Holloway",
            "Jane Holloway",
            "PERSON",
        ),
        (
            "Sara Lindqvist, the mayor, opened the bridge. Lindqvist's speech was short.",
            "Lindqvist",
            "Sara Lindqvist",
            "PERSON",
        ),
        (
            "The Northern Valley Farmers Union (NVFU) called a strike on Tuesday. The NVFU said "
            "prices had collapsed.",
            "NVFU",
            "Northern Valley Farmers Union",
            "ORG",
        ),
        (
            "Fighters from Isis attacked the village, and Daesh later claimed the raid.",
            "Daesh",
            "Islamic State",
            "ORG",
        ),
        (
            "Officials from Isil and the Islamic State met in secret.",
            "Islamic State",
            "Islamic State",
            "ORG",
        ),
        (
            "The U.S. and Britain signed the accord in Geneva.",
            "U.S.",
            "United States",
            "GPE",
        ),
        (
            "America and the UK sent aid.",
            "UK",
            "United Kingdom",
            "GPE",
        ),
        ("Rebels re-entered Palmyra on Sunday, a monitor said.", "Palmyra", "Palmyra", "GPE"),
        (
            "Government forces shelled Aleppo's eastern districts overnight.",
            "Aleppo",
            "Aleppo",
            "GPE",
        ),
        ("In 2012 the fighting reached Homs.", "Homs", "Homs", "GPE"),
        ("Mr Kennedy said the plan was sound.", "Kennedy", "Kennedy", "PERSON"),
        (
            "Charles Kennedy spoke first. Later Kennedy said the plan was sound.",
            "Kennedy",
            "Charles Kennedy",
            "PERSON",
        ),
        (
            "Major General Petra Novak said the drills would continue.",
            "Petra Novak",
            "Petra Novak",
            "PERSON",
        ),
    ],
)
def test_sentences(model, text, written, name, label):
    mentions, _ = run(model, text)
    found = [(m.name, m.label) for m in mentions if m.text == written]
    assert found, f"no mention written {written!r}: {[(m.text, m.name) for m in mentions]}"
    assert set(found) == {(name, label)}


@pytest.mark.parametrize(
    "text, absent",
    [
        ("He said the state would pay for the repairs.", "state"),
        ("On Saturday, 2011 was recalled by them.", "2011"),
        ("The President said nothing.", "President"),
    ],
)
def test_junk_sentences(model, text, absent):
    mentions, _ = run(model, text)
    assert all(m.name != absent and m.text != absent for m in mentions)


@pytest.mark.xfail(
    reason="the small model tags this Quneitra PRODUCT; a product after 'in' is not relabelled "
    "a place (too many 'in Windows' cases) and it is not in the gazetteer",
    strict=True,
)
def test_unlisted_town_tagged_product(model):
    mentions, _ = run(model, "The talks in Astana ended. Fighting raged in Quneitra.")
    assert ("Quneitra", "GPE") in {(m.name, m.label) for m in mentions}


@pytest.mark.xfail(
    reason="'the Observatory' alone is not tagged by the model, so it cannot join its full name",
    strict=True,
)
def test_untagged_short_org_form(model):
    mentions, _ = run(
        model, "The Observatory said the Syrian Observatory for Human Rights had counted them."
    )
    assert [m.name for m in mentions].count("Syrian Observatory for Human Rights") == 2


def test_split_party_name_is_mended(model):
    mentions, _ = run(
        model, "Liberal Democrat leader Charles Kennedy said the Lib Dems would vote against."
    )
    assert [(m.text, m.name, m.label) for m in mentions if m.label == "ORG"] == [
        ("Liberal Democrat", "Liberal Democrats", "ORG"),
        ("Lib Dems", "Liberal Democrats", "ORG"),
    ]


# -- the worked example (ARCHITECTURE.md) ---------------------------------------------------


@pytest.fixture(scope="module")
def sample(model, sample_article):
    mentions, ents = entities.extract(model(sample_article.text), article_id=sample_article.id)
    return sample_article, mentions, ents


def _by_text(mentions, written):
    return {(m.name, m.label) for m in mentions if m.text == written}


def test_sample_kerry_is_one_person(sample):
    _, mentions, ents = sample
    assert (
        _by_text(mentions, "Kerry")
        == _by_text(mentions, "John Kerry")
        == {("John Kerry", "PERSON")}
    )
    kerry = [e for e in ents if e.name == "John Kerry"]
    assert len(kerry) == 1 and kerry[0].mentions == 6


def test_sample_assad_is_one_person(sample):
    article, mentions, _ = sample
    # "Bashar al-Assad’s army": the mention is the name without the possessive
    first = next(m for m in mentions if m.name == "Bashar al-Assad")
    assert article.text[first.start : first.end + 2] == "Bashar al-Assad’s"
    assert _by_text(mentions, "Assad") == {("Bashar al-Assad", "PERSON")}
    assert {m.name for m in mentions if "Assad" in m.text} == {"Bashar al-Assad"}


def test_sample_isis_is_islamic_state(sample):
    _, mentions, _ = sample
    assert (
        _by_text(mentions, "Isis")
        == _by_text(mentions, "Islamic State")
        == {("Islamic State", "ORG")}
    )


def test_sample_places(sample):
    _, mentions, ents = sample
    labels = {e.name: e.label for e in ents}
    assert labels["Aleppo"] == "GPE" and labels["Palmyra"] == "GPE" and labels["Raqqa"] == "GPE"
    # every Aleppo mention (tagged PERSON, NORP, WORK_OF_ART and GPE by the model) is one place
    assert {m.label for m in mentions if m.name == "Aleppo"} == {"GPE"}
    assert sum(1 for m in mentions if m.name == "Aleppo") >= 6


def test_sample_acronym_people_and_junk(sample):
    _, mentions, ents = sample
    assert _by_text(mentions, "SDF") == {("Syrian Democratic Forces", "ORG")}
    assert _by_text(mentions, "UN") == {("United Nations", "ORG")}
    assert _by_text(mentions, "US") == {("United States", "GPE")}
    names = {e.name: e.label for e in ents}
    assert names["Igor Konashenkov"] == "PERSON"  # the model calls the titled name an ORG
    assert names["Ash Carter"] == "PERSON"
    assert "state" not in names and "Carter" not in names
    # one label per name, one aggregate per name
    assert len(names) == len(ents)


def test_sample_mentions_sit_in_their_sentence(sample):
    article, mentions, _ = sample
    for m in mentions:
        assert article.text[m.start : m.end] == m.text
        assert m.sent_start <= m.start
        assert "\n\n" not in article.text[m.sent_start : m.start]
