"""Gold-table tests for analysis.entities: merging, aliases, acronyms, label correction, junk.

Model-free rules (name cleaning, titles, keys, junk, aliases, the gazetteer) are tested on plain
strings; the merging logic once more on hand-built ``Doc`` objects (no statistical model); then
invented news sentences run through the real model; then the worked example on the bundled
sample article (ARCHITECTURE.md).
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

from analysis import entities, gazetteer
from analysis.entities.rules import abd_folded
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
        # a bracket opened or closed and not both: the words outside it are the name
        ("Northern Valley Relief Agency (NVRA", "Northern Valley Relief Agency"),
        ("the Harbour Board (Port Authority of Kell", "Harbour Board"),
        ("Wirecast) Coastal patrols", "Coastal patrols"),
        ("Orbis News (ON) Desk", "Orbis News (ON) Desk"),  # balanced: kept
        ("(Wirecast", "Wirecast"),  # a bracket at the edge is the edge's punctuation
        # an article or a former tie the model took into a name's span
        ("an Eastern Rail Authority", "Eastern Rail Authority"),
        ("a Silver Lyre", "Silver Lyre"),
        ("ex-Harbourline", "Harbourline"),
        ("An Giang", "An Giang"),  # a capitalised "An" may be a word of the name
        ("Exmoor", "Exmoor"),
    ],
)
def test_clean_name(written, expected):
    assert entities.clean_name(written) == expected


@pytest.mark.parametrize(
    "written, as_name, as_phrase",
    [
        (
            "a spokesman for the council,",
            "a spokesman for the council",
            "spokesman for the council",
        ),
        ("An Giang", "An Giang", "Giang"),  # in an entity's name "An" may be a word of it
        ("the monitor’s", "monitor", "monitor"),
        ("THE Observatory", "Observatory", "Observatory"),
        ("an  aid worker's", "an aid worker", "aid worker"),
    ],
)
def test_clean_name_of_a_noun_phrase_drops_indefinite_articles(written, as_name, as_phrase):
    # Speakers and claimants found by the parser are noun phrases; quotes and figures clean them
    # with the entities' one rule, told that "a"/"an" are articles there.
    assert entities.clean_name(written) == as_name
    assert entities.clean_name(written, phrase=True) == as_phrase


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
        # a party's short name before a title is none of the name
        ("Green MEP Ann Lowe", "Ann Lowe", "mep"),
        ("Lib Dem MP Tom Hale", "Tom Hale", "mp"),
        ("Labour Party", "Labour Party", None),
        ("Tory Lord Hale", "Hale", "lord"),
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
        ("Tags Homs Ceasefire Talks", True),  # a page's tag list
        ("Latest News We", True),  # site navigation run into the next words
        ("Channel Nine Watch Live TV", True),  # a video player's caption
        ("Live Aid", False),
        ("News Corporation", False),
        ("Slideshow", True),
        ("Civilians", True),  # "Shelling kills 9 Civilians" in a headline
        ("Eastern", True),  # "in the Eastern part of the town"
        ("Eastern Ghouta", False),
        ("US", False),  # all capitals: the country, not the pronoun
        ("Aleppo", False),
        ("Igor Konashenkov", False),
        # the tail of a name cut off before its joining word ("[Army] of Conquest")
        ("of Conquest", True),
        ("for Mill Workers", True),
        ("de Mistura", False),  # a particle opens a name
        ("Of Mice and Men", False),
        # a sentence adverb the model took for a name, its comma lost, or misspelt in the
        # source ("Meanwhilee the coalition denied …"); real one-word names stay
        ("Meanwhile", True),
        ("Meanwhilee", True),
        ("Howver", True),
        ("Rowling", False),
        ("Assad", False),
        ("SOHR", False),
        ("Stil", False),  # one edit from "still", but a short word may be a name
        # a social-media handle is an account, not a name
        ("Twitter @DanaWhit", True),
        ("@Kowalczyk", True),
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
        ("Syrian Arab News Agency", ("SANA", "ORG")),  # the state agency, named both ways
        ("Syrian National Coalition", ("Syrian Coalition", "ORG")),
        ("National Coalition", ("Syrian Coalition", "ORG")),
        ("Syrian Arab Army", ("Syrian Army", "ORG")),
        ("Syrian army", ("Syrian Army", "ORG")),
        ("Free Syrian Army", ("Free Syrian Army", "ORG")),  # no Syrian Army
        ("Jabhat Fath al-Sham", ("Fateh al-Sham Front", "ORG")),
        ("Hezballah", ("Hezbollah", "ORG")),
        ("Russian Federation", ("Russia", "GPE")),
        ("Lib Dems", ("Liberal Democrats", "ORG")),
        ("Agence France-Presse", ("AFP", "ORG")),
        ("Sputnik News", ("Sputnik", "ORG")),
        ("Twitter", ("Twitter", "ORG")),  # the model calls it PERSON after "posted on"
        ("TRT World and Agencies", ("TRT World", "ORG")),
        ("Aamaq", ("Amaq", "ORG")),  # Islamic State's news agency, tagged PERSON
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
        ("Deir Ezzor", "GPE"),  # "Deir ez-Zor" with the article glued on
        ("Khan Sheikhun", None),  # a town below the city threshold: see gazetteer.town
    ],
)
def test_gazetteer_place(name, label):
    place = gazetteer.place(name)
    assert (place.label if place else None) == label


@pytest.mark.parametrize(
    "name, country",
    [
        ("Khan Sheikhun", "SY"),
        ("Khan Sheikhoun", "SY"),  # an alternate name, hyphen and all ("Khan-Sheikhoun")
        ("Jayrud", "SY"),
        ("Aleppo", None),  # a city, not a town: gazetteer.place answers
        ("Of", None),
        ("Albab", None),  # one word is never matched by its glued form ("Al Bab")
    ],
)
def test_gazetteer_town(name, country):
    town = gazetteer.town(name)
    assert (town.country if town else None) == country


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
            "Ms/B-PERSON Okafor/I-PERSON met Nadia/B-PERSON Okafor/I-PERSON .",
            [("Ms Okafor", "Nadia Okafor", "PERSON"), ("Nadia Okafor", "Nadia Okafor", "PERSON")],
            id="title-dropped-for-matching",
        ),
        pytest.param(
            # "Mr" is a man: not the woman of that surname the article names; his title stays
            "Mr/B-PERSON Okafor/I-PERSON met Nadia/B-PERSON Okafor/I-PERSON .",
            [("Mr Okafor", "Mr. Okafor", "PERSON"), ("Nadia Okafor", "Nadia Okafor", "PERSON")],
            id="courtesy-title-of-the-other-sex",
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


@pytest.mark.parametrize(
    "spec, expected",
    [
        # a lone organisation word is no person; it joins the article's organisation naming it
        pytest.param(
            "Fighting/O went/O on/O ,/O the/O Observatory/B-PERSON reported/O",
            [("Observatory", "Observatory", "ORG")],
            id="lone-org-word-is-org",
        ),
        pytest.param(
            "the/B-ORG Coastal/I-ORG Rivers/I-ORG Commission/I-ORG met/O ./O "
            "The/O Commission/B-PERSON voted/O",
            [
                ("Coastal Rivers Commission", "Coastal Rivers Commission", "ORG"),
                ("Commission", "Coastal Rivers Commission", "ORG"),
            ],
            id="lone-org-word-joins-full-org",
        ),
        pytest.param(
            "the/B-ORG Syrian/I-ORG Observatory/I-ORG for/I-ORG Human/I-ORG Rights/I-ORG "
            "counted/O ./O Monitor/B-PERSON figures/O rose/O",
            [
                (
                    "Syrian Observatory for Human Rights",
                    "Syrian Observatory for Human Rights",
                    "ORG",
                ),
                ("Monitor", "Monitor", "ORG"),
            ],
            id="full-org-name-unchanged",
        ),
        pytest.param(
            "Mr/O Monitor/B-PERSON replied/O",
            [("Monitor", "Monitor", "PERSON")],
            id="titled-org-word-stays-person",
        ),
        pytest.param(
            "Jonas/B-PERSON Kerrigan/I-PERSON spoke/O to/O the/O Council/B-ORG",
            [("Jonas Kerrigan", "Jonas Kerrigan", "PERSON"), ("Council", "Council", "ORG")],
            id="person-stays-person",
        ),
        # a person-tagged name ending in an organisation word
        pytest.param(
            "Raids/O in/O Hama/B-PERSON Monitor/I-PERSON Reuters/O",
            [("Hama", "Hama", "GPE")],
            id="place-plus-source-word",
        ),
        pytest.param(
            "fans/O of/O Manchester/B-PERSON United/I-PERSON cheered/O",
            [("Manchester United", "Manchester United", "ORG")],
            id="a-town-and-a-club-word-is-a-club",
        ),
        pytest.param(
            "the/O Syrian/B-PERSON Samir/I-PERSON Haddad/I-PERSON said/O",
            [("Samir Haddad", "Samir Haddad", "PERSON")],
            id="nationality-before-a-name-is-none-of-it",
        ),
        pytest.param(
            "said/O Volkov/B-PERSON Russian/I-PERSON officials/O",
            [("Volkov", "Volkov", "PERSON")],
            id="nationality-after-a-name-is-none-of-it",
        ),
        pytest.param(
            "Observatory/B-PERSON Samir/I-PERSON Haddad/I-PERSON said/O",
            [("Samir Haddad", "Samir Haddad", "PERSON")],
            id="organisation-word-before-a-name-is-none-of-it",
        ),
        pytest.param(
            "strikes/O kill/O 15/O in/O Aleppo/B-ORG Monitor/I-ORG AFP/I-ORG",
            [("Aleppo", "Aleppo", "GPE")],
            id="headline-place-and-source-tagged-org-is-the-place",
        ),
        pytest.param(
            "the/O Middle/B-ORG East/I-ORG Monitor/I-ORG reported/O",
            [("Middle East Monitor", "Middle East Monitor", "ORG")],
            id="a-region-and-monitor-is-an-outlet",
        ),
        pytest.param(
            "fighters/O of/O Liberation/B-PERSON of/I-PERSON Sham/I-PERSON Front/I-PERSON",
            [("Liberation of Sham Front", "Liberation of Sham Front", "ORG")],
            id="name-ending-in-front-is-org",
        ),
        pytest.param(
            "Shells/O fell/O near/O Nabil/B-PERSON al-Haddad/I-PERSON Square/I-PERSON",
            [("Nabil al-Haddad Square", "Nabil al-Haddad Square", "FAC")],
            id="name-ending-in-square-is-facility",
        ),
        pytest.param(
            "the/O Unity/B-FAC Front/I-FAC and/O the/O Greenwich/B-FAC Observatory/I-FAC",
            [
                ("Unity Front", "Unity Front", "ORG"),
                ("Greenwich Observatory", "Greenwich Observatory", "FAC"),
            ],
            id="facility-tagged-front-is-org",
        ),
        pytest.param(
            "Barbara/B-PERSON Castle/I-PERSON campaigned/O",
            [("Barbara Castle", "Barbara Castle", "PERSON")],
            id="surname-that-is-a-building-word",
        ),
        # an organisation and a person the lost comma ran together
        pytest.param(
            "the/B-ORG Syrian/I-ORG Coalition/I-ORG Samir/I-ORG al-Haddad/I-ORG said/O",
            [
                ("Syrian Coalition", "Syrian Coalition", "ORG"),
                ("Samir al-Haddad", "Samir al-Haddad", "PERSON"),
            ],
            id="organisation-then-person",
        ),
        pytest.param(
            "the/B-ORG National/I-ORG Coalition/I-ORG spokesman/I-ORG Omar/I-ORG Zaidan/I-ORG",
            [
                # (the National Coalition is the Syrian Coalition: org_aliases)
                ("National Coalition", "Syrian Coalition", "ORG"),
                ("spokesman Omar Zaidan", "Omar Zaidan", "PERSON"),
            ],
            id="organisation-then-titled-person",
        ),
        pytest.param(
            "the/B-ORG Syrian/I-ORG Coalition/I-ORG Media/I-ORG Office/I-ORG said/O",
            [("Syrian Coalition Media Office", "Syrian Coalition Media Office", "ORG")],
            id="organisation-then-more-of-its-name",
        ),
        pytest.param(
            "the/B-ORG Syrian/I-ORG Revolution/I-ORG General/I-ORG Commission/I-ORG said/O",
            [
                (
                    "Syrian Revolution General Commission",
                    "Syrian Revolution General Commission",
                    "ORG",
                )
            ],
            id="organisation-name-with-its-head-last",
        ),
        pytest.param(
            "shelling/O in/O Quneitra/B-PERSON Jabhat/I-PERSON al-Nusra/I-PERSON fighters/O",
            [("Quneitra", "Quneitra", "GPE"), ("Jabhat al-Nusra", "Nusra Front", "ORG")],
            id="place-then-named-group-tagged-person",
        ),
        pytest.param(
            "raids/O near/O Douma/B-ORG the/I-ORG Observatory/I-ORG said/O",
            [("Douma", "Douma", "GPE"), ("Observatory", "Observatory", "ORG")],
            id="comma-lost-before-the-observatory",
        ),
        # places the model calls people: gazetteer towns, place nouns around the name
        pytest.param(
            "Jets/O bombed/O Khan/B-PERSON Sheikhoun/I-PERSON ,/O Syria/B-GPE",
            [("Khan Sheikhoun", "Khan Sheikhoun", "GPE"), ("Syria", "Syria", "GPE")],
            id="town-in-the-articles-country",
        ),
        pytest.param(
            "Khan/B-PERSON Sheikhoun/I-PERSON smiled/O",
            [("Khan Sheikhoun", "Khan Sheikhoun", "PERSON")],
            id="town-name-without-evidence-stays",
        ),
        pytest.param(
            "Clinton/B-PERSON arrived/O ./O Texas/B-GPE waited/O",
            [("Clinton", "Clinton", "PERSON"), ("Texas", "Texas", "GPE")],
            id="one-word-town-needs-context",
        ),
        pytest.param(
            "the/O village/O of/O Jayrud/B-PERSON",
            [("Jayrud", "Jayrud", "GPE")],
            id="village-of-town",
        ),
        pytest.param(
            "shells/O hit/O the/O al-Fardous/B-PERSON neighborhood/O",
            [("al-Fardous", "al-Fardous", "GPE")],
            id="unknown-name-before-neighborhood",
        ),
        pytest.param(
            "the/O neighbourhoods/O of/O al-Shaar/B-PERSON and/O al-Kalasa/B-PERSON",
            [("al-Shaar", "al-Shaar", "GPE"), ("al-Kalasa", "al-Kalasa", "GPE")],
            id="list-after-noun-of",
        ),
        pytest.param(
            "the/O Bustan/B-PERSON and/O Jamiliyeh/B-PERSON residential/O districts/O",
            [("Bustan", "Bustan", "GPE"), ("Jamiliyeh", "Jamiliyeh", "GPE")],
            id="list-before-noun",
        ),
        pytest.param(
            "the/O al-Bustan/B-NORP quarter/O",
            [("al-Bustan", "al-Bustan", "GPE")],
            id="arabic-article-is-no-nationality",
        ),
        pytest.param(
            "Rockets/O hit/O Sheikh/O Maqsoud/B-PERSON area/O",
            [("Sheikh Maqsoud", "Sheikh Maqsoud", "GPE")],
            id="title-word-inside-place-name",
        ),
        pytest.param(
            "President/O Bashar/B-PERSON al-Assads/I-PERSON ancestral/O village/O",
            [("Bashar al-Assad", "Bashar al-Assad", "PERSON")],
            id="a-persons-village-is-no-place-name",
        ),
        pytest.param(
            "Kurdish/B-NORP areas/O",
            [("Kurdish", "Kurdish", "NORP")],
            id="group-areas-stay-group",
        ),
        pytest.param(
            "the/O Wadi/B-ORG Barada/I-ORG area/O and/O Eastern/B-ORG Qalamoun/I-ORG region/O",
            [
                ("Wadi Barada", "Wadi Barada", "GPE"),
                ("Eastern Qalamoun", "Eastern Qalamoun", "LOC"),
            ],
            id="org-tagged-place-before-place-noun",
        ),
        pytest.param(
            "the/O Syrian/B-ORG Army/I-ORG areas/O and/O NHS/B-ORG region/O",
            [("Syrian Army", "Syrian Army", "ORG"), ("NHS", "NHS", "ORG")],
            id="organisations-have-areas-too",
        ),
        pytest.param(
            "in/O Western/B-NORP Aleppo/I-NORP and/O east/O Homs/B-GPE",
            [("Western Aleppo", "Western Aleppo", "LOC"), ("Homs", "Homs", "GPE")],
            id="compass-word-and-known-place-is-region",
        ),
        pytest.param(
            "MOSCOW/B-GPE -/O Talks/O resumed/O",
            [("MOSCOW", "Moscow", "GPE")],
            id="dateline-capitals",
        ),
        # groups are NORP, whatever the model says
        pytest.param(
            "the/O Alawite/B-PERSON sect/O ,/O Shiites/B-NORP ,/O Kurds/B-NORP and/O "
            "Takfiri/B-ORG gunmen/O",
            [
                ("Alawite", "Alawite", "NORP"),
                ("Shiites", "Shia", "NORP"),
                ("Kurds", "Kurdish", "NORP"),
                ("Takfiri", "Takfiri", "NORP"),
            ],
            id="religious-and-ethnic-groups",
        ),
        pytest.param(
            "Democrats/B-NORP and/O a/O Democrat/B-NORP ,/O the/O Democratic/B-NORP mayor/O "
            ",/O Republicans/B-NORP and/O Latinos/B-PERSON",
            [
                # the plural as written: no lost possessive though "Democrat" is named too
                ("Democrats", "Democratic", "NORP"),
                ("Democrat", "Democratic", "NORP"),
                ("Democratic", "Democratic", "NORP"),
                ("Republicans", "Republican", "NORP"),
                ("Latinos", "Latino", "NORP"),
            ],
            id="party-members-are-one-group",
        ),
        pytest.param(
            "the/O pan-Arab/B-PERSON daily/O",
            [("pan-Arab", "pan-Arab", "NORP")],
            id="pan-prefix",
        ),
        pytest.param(
            "Louise/B-PERSON Christian/I-PERSON argued/O ./O Christian/B-PERSON added/O",
            [
                ("Louise Christian", "Louise Christian", "PERSON"),
                ("Christian", "Louise Christian", "PERSON"),
            ],
            id="group-word-as-surname-stays-person",
        ),
        # spans run together or on once the source lost its punctuation
        pytest.param(
            "the/O town/O of/O Jayrud/B-FAC 60/I-FAC kilometres/I-FAC from/O Damascus/B-GPE",
            [("Jayrud", "Jayrud", "GPE"), ("Damascus", "Damascus", "GPE")],
            id="distance-cut-off",
        ),
        pytest.param(
            "a/O post/O in/O Kafrun/B-GPE hamlet/I-GPE 35/I-GPE km/O south/O of/O Homs/B-GPE",
            [("Kafrun hamlet", "Kafrun hamlet", "GPE"), ("Homs", "Homs", "GPE")],
            id="distance-unit-past-the-name",
        ),
        pytest.param(
            "nine/O victims/O shared/O the/O family/O name/O of/O Barakeh/B-LOC",
            [("Barakeh", "Barakeh", "PERSON")],
            id="family-name-is-no-place",
        ),
        pytest.param(
            "relatives/O with/O the/O surname/O Dallow/B-GPE were/O evacuated/O",
            [("Dallow", "Dallow", "PERSON")],
            id="surname-is-no-place",
        ),
        pytest.param(
            "a/O strike/O near/O Manbij/B-FAC Syria/I-FAC",
            [("Manbij", "Manbij", "GPE"), ("Syria", "Syria", "GPE")],
            id="place-and-country-split",
        ),
        pytest.param(
            "bomb/O kills/O six/O in/O Syrias/O Homs/B-FAC NGO/I-FAC AFP/I-FAC",
            [("Homs", "Homs", "GPE"), ("AFP", "AFP", "ORG")],
            id="headline-source-and-agency",
        ),
        pytest.param(
            "into/O Aleppo/B-PERSON Syrias/I-PERSON largest/O city/O",
            [("Aleppo", "Aleppo", "GPE"), ("Syria", "Syria", "GPE")],
            id="lost-apostrophe-country",
        ),
        pytest.param(
            "in/O Qabr/B-LOC Essit/I-LOC ISIS/I-LOC fighters/O",
            [("Qabr Essit", "Qabr Essit", "LOC"), ("ISIS", "Islamic State", "ORG")],
            id="unknown-place-and-acronym",
        ),
        pytest.param(
            "rein/O in/O Assads/B-PERSON air/I-PERSON force/I-PERSON",
            [("Assad", "Bashar al-Assad", "PERSON")],
            id="person-name-ends-at-lower-case-word",
        ),
        pytest.param(
            "the/B-ORG Green/I-ORG Helmets/I-ORG -/I-ORG a/I-ORG rescue/I-ORG group/I-ORG",
            [("Green Helmets", "Green Helmets", "ORG")],
            id="aside-after-dash",
        ),
        pytest.param(
            "Thursday/O 2/O Jun/O 2016/B-EVENT Six/I-EVENT children/O died/O",
            [],
            id="next-sentences-number-word",
        ),
        pytest.param(
            "Guantanamo/B-FAC Bay/I-FAC ,/O Edinburgh/B-FAC Airport/I-FAC ,/O "
            "BBC/B-ORG Scotland/I-ORG ,/O Time/B-ORG Lords/I-ORG ,/O Nottingham/B-ORG "
            "Forest/I-ORG ,/O UK/B-ORG Government/I-ORG ,/O World/B-EVENT War/I-EVENT Two/I-EVENT",
            [
                ("Guantanamo Bay", "Guantanamo Bay", "FAC"),
                ("Edinburgh Airport", "Edinburgh Airport", "FAC"),
                ("BBC Scotland", "BBC Scotland", "ORG"),
                ("Time Lords", "Time Lords", "ORG"),
                ("Nottingham Forest", "Nottingham Forest", "ORG"),
                ("UK Government", "UK Government", "ORG"),
                ("World War Two", "World War Two", "EVENT"),
            ],
            id="names-made-of-known-words-stay-whole",
        ),
        pytest.param(
            "Jordan/B-PERSON Henderson/I-PERSON scored/O",
            [("Jordan Henderson", "Jordan Henderson", "PERSON")],
            id="person-named-after-places",
        ),
        # "Radio" opens a station's name, "Tal" (hill) a village's
        pytest.param(
            "she told Radio/B-PERSON Dunmore/I-PERSON on Monday",
            [("Radio Dunmore", "Radio Dunmore", "ORG")],
            id="radio-station",
        ),
        pytest.param(
            "shells fell on Tal/B-PERSON Sabeel/I-PERSON overnight",
            [("Tal Sabeel", "Tal Sabeel", "GPE")],
            id="tal-opens-a-village",
        ),
        pytest.param(
            "fans/O queued/O for/O Spider-Man/B-PERSON 2/I-PERSON ./O",
            [],
            id="title-and-number-is-a-work",
        ),
        # two known organisations run together, a comma or an apostrophe lost between them
        pytest.param(
            "jets/O bombed/O Hezbollah/B-ORG Jaish/I-ORG al-Islam/I-ORG depots/O",
            [("Hezbollah", "Hezbollah", "ORG"), ("Jaish al-Islam", "Jaish al-Islam", "ORG")],
            id="two-known-orgs-split",
        ),
        pytest.param(
            "the/O Jaish/B-PERSON al-Islam/I-PERSON Hezbollahs/I-PERSON allies/O",
            [("Jaish al-Islam", "Jaish al-Islam", "ORG"), ("Hezbollah", "Hezbollah", "ORG")],
            id="second-org-with-lost-possessive",
        ),
        pytest.param(
            "fighters/O of/O Hezbollahs/B-ORG Lebanon/I-ORG wing/O and/O Hezbollahs/B-ORG "
            "Lebanese/I-ORG allies/O",
            [
                ("Hezbollah", "Hezbollah", "ORG"),
                ("Lebanon", "Lebanon", "GPE"),
                ("Hezbollah", "Hezbollah", "ORG"),
                ("Lebanese", "Lebanese", "NORP"),
            ],
            id="org-possessive-then-place-or-nationality",
        ),
        pytest.param(
            "envoys/O of/O the/O UN/B-ORG Security/I-ORG Council/I-ORG met/O",
            [("UN Security Council", "UN Security Council", "ORG")],
            id="a-body-and-its-unit-stay-one-name",
        ),
        pytest.param(
            "envoys/O of/O the/O U.N./B-ORG Security/I-ORG Council/I-ORG met/O",
            [("U.N. Security Council", "U.N. Security Council", "ORG")],
            id="a-body-with-full-stops-and-its-unit-stay-one-name",
        ),
        pytest.param(
            "raids/O by/O Hezbollah/B-ORG Hezbollahs/I-ORG units/O",
            [("Hezbollah Hezbollahs", "Hezbollah Hezbollahs", "ORG")],
            id="one-org-twice-is-no-pair",
        ),
        # a relative clause run into the name once its comma was lost
        pytest.param(
            "marches/O against/O the/O Jaish/B-ORG al-Islam/I-ORG which/I-ORG Hezbollah/I-ORG "
            "guards/O broke/O up/O",
            [("Jaish al-Islam", "Jaish al-Islam", "ORG"), ("Hezbollah", "Hezbollah", "ORG")],
            id="relative-clause-cut-off",
        ),
        pytest.param(
            "a/O rally/O for/O the/O Harbour/B-ORG Union/I-ORG who/I-ORG marched/I-ORG",
            [("Harbour Union", "Harbour Union", "ORG")],
            id="relative-clause-of-lower-case-words-dropped",
        ),
        # a company the article names, then a capitalised common word: its product, no one
        pytest.param(
            "Zentrix/B-ORG grew/O ./O Zentrix/B-PERSON Messenger/I-PERSON users/O rose/O ./O "
            "Zentrix/B-PERSON said/O so/O ./O Zentrix/B-ORG fell/O ./O",
            [
                ("Zentrix", "Zentrix", "ORG"),
                ("Zentrix", "Zentrix", "ORG"),
                ("Zentrix", "Zentrix", "ORG"),
            ],
            id="company-product-is-no-person",
        ),
        pytest.param(
            "Orvell/B-ORG shipped/O the/O Orvell/B-PERSON Mini/I-PERSON ./O the/O "
            "Mini/B-PERSON sold/O well/O ./O Orvell/B-ORG grew/O ./O",
            [("Orvell", "Orvell", "ORG"), ("Orvell", "Orvell", "ORG")],
            id="product-and-its-own-word",
        ),
        pytest.param(
            "Marlo/B-ORG ./O Marlo/B-PERSON Ball/I-PERSON sang/O ./O",
            [("Marlo", "Marlo Ball", "PERSON"), ("Marlo Ball", "Marlo Ball", "PERSON")],
            id="one-org-tag-makes-no-company",
        ),
        pytest.param(
            "Dana/B-ORG grew/O ./O Dana/B-PERSON Hope/I-PERSON sang/O ./O",
            [("Dana", "Dana Hope", "PERSON"), ("Dana Hope", "Dana Hope", "PERSON")],
            id="given-name-and-common-word-is-a-person",
        ),
        pytest.param(
            "Zentrix/B-PERSON Messenger/I-PERSON wrote/O ./O Messenger/B-PERSON said/O ./O",
            [
                ("Zentrix Messenger", "Zentrix Messenger", "PERSON"),
                ("Messenger", "Zentrix Messenger", "PERSON"),
            ],
            id="no-company-tagged-no-product",
        ),
    ],
)
def test_corrections_without_model(spec, expected):
    assert _names(spec) == expected


def test_company_then_given_name_is_a_person():
    # a name going on with a given name is someone's, whatever company bears the first word
    names = _names("Orvell/B-ORG hired/O Orvell/B-PERSON Dana/I-PERSON ./O")
    assert ("Orvell Dana", "Orvell Dana", "PERSON") in names


def _parsed_doc(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    """A hand-built Doc with a dependency parse: ``heads`` as absolute token indices."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, ents=ents)


@pytest.mark.parametrize(
    "words, heads, deps, ents, expected",
    [
        pytest.param(
            ["The", "Olympic", "champion", "won", "."],
            [2, 2, 3, 3, 3],
            ["det", "amod", "nsubj", "ROOT", "punct"],
            ["O", "B-PERSON", "O", "O", "O"],
            [],
            id="adjective-before-its-noun-is-no-one",
        ),
        pytest.param(
            ["She", "took", "Olympic", "800", "m", "gold", "."],
            [1, 1, 4, 4, 5, 1, 1],
            ["nsubj", "ROOT", "nmod", "nummod", "compound", "dobj", "punct"],
            ["O", "O", "B-PERSON", "O", "O", "O", "O"],
            [],
            id="adjective-before-a-distance",
        ),
        pytest.param(
            ["Strong", "won", ".", "Strong", "keeper", "Dale", "Pym", "saved", "."],
            [1, 1, 1, 4, 6, 6, 7, 7, 7],
            [
                "nsubj",
                "ROOT",
                "punct",
                "compound",
                "compound",
                "compound",
                "nsubj",
                "ROOT",
                "punct",
            ],
            ["B-ORG", "O", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"],
            # kept, not dropped (its label is the article's vote: one PERSON tag wins)
            [
                ("Strong", "Strong", "PERSON"),
                ("Strong", "Strong", "PERSON"),
                ("Dale Pym", "Dale Pym", "PERSON"),
            ],
            id="club-word-the-article-tags-an-org-stays",
        ),
        pytest.param(
            ["Strong", "said", "no", "."],
            [1, 1, 1, 1],
            ["nsubj", "ROOT", "dobj", "punct"],
            ["B-PERSON", "O", "O", "O"],
            [("Strong", "Strong", "PERSON")],
            id="adjective-word-as-a-subject-stays-a-person",
        ),
        pytest.param(
            ["Mr", "Strong", "rules", "won", "."],
            [1, 2, 3, 3, 3],
            ["compound", "compound", "nsubj", "ROOT", "punct"],
            ["O", "B-PERSON", "O", "O", "O"],
            [("Strong", "Strong", "PERSON")],
            id="titled-adjective-word-stays-a-person",
        ),
    ],
)
def test_adjective_is_no_persons_name(words, heads, deps, ents, expected):
    mentions, _ = entities.extract(_parsed_doc(words, heads, deps, ents), article_id="t")
    assert [(m.text, m.name, m.label) for m in mentions] == expected


def _corpus(*articles: list[str]) -> dict[str, list[EntityMention]]:
    return {
        str(i): [EntityMention(str(i), n, "PERSON", n, 0, 1, 0) for n in names]
        for i, names in enumerate(articles)
    }


def test_spelling_variants_join_the_commonest_spelling():
    corpus = _corpus(
        ["Samir Abdel Karim"],
        ["Samir Abdel Karim"],
        ["Samir Abdel Karim", "Karim"],
        ["Samir Abdulkarim"],
        ["Samir Abdelkarim"],
        ["Samir Abdul-Karim"],
        ["Samir Abd al-Karim"],
    )
    mapping = entities.harmonise(corpus)
    assert mapping == {
        "Samir Abdulkarim": "Samir Abdel Karim",
        "Samir Abdelkarim": "Samir Abdel Karim",
        "Samir Abdul-Karim": "Samir Abdel Karim",
        "Samir Abd al-Karim": "Samir Abdel Karim",
        "Karim": "Samir Abdel Karim",  # the surname counts every spelling's articles
    }


@pytest.mark.parametrize(
    "articles",
    [
        pytest.param([["John Richards"], ["John Richardson"]], id="longer-surname"),
        pytest.param([["David Davis"], ["David Davies"]], id="short-surnames"),
        pytest.param([["Mark Thompson"], ["Mark Thomson"]], id="consonant-differs"),
        pytest.param([["Omar Abdelkarim"], ["Samir Abdulkarim"]], id="other-first-name"),
        pytest.param(
            [["Lina Hutchinson", "Lina Hutchison"]] * 2 + [["Lina Hutchison"]] * 2,
            id="named-together-often",
        ),
        # A "name" whose surname folds away entirely (scrape debris) is no spelling of anything.
        pytest.param([["Rami ’"], ["Rami Abdulrahmanova"]], id="empty-surname"),
    ],
)
def test_spelling_variants_keep_different_people_apart(articles):
    assert entities.spelling_variants([set(a) for a in articles]) == {}


def test_spellings_of_abd_and_its_article_join_though_an_article_names_two():
    # An aggregated page gives both wire spellings: the article's two names are one name,
    # written with "Abdel" and with "Abdul-", which no letter of the name itself tells apart.
    corpus = _corpus(
        ["Samir Abdel Karim"],
        ["Samir Abdel Karim"],
        ["Samir Abdel Karim", "Samir Abdulkarim"],
        ["Samir Abdulkarim"],
        ["Samir Abd al-Karim"],
    )
    assert entities.spelling_variants([{m.name for m in ms} for ms in corpus.values()]) == {
        "Samir Abdulkarim": "Samir Abdel Karim",
        "Samir Abd al-Karim": "Samir Abdel Karim",
    }


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Rami Abdel Rahman", "Rami Abdulrahman", True),
        ("Rami Abdel Rahman", "Rami Abdurrahman", True),  # the article assimilated: "ur-r"
        ("Rami Abdel Rahman", "Rami Abd al-Rahman", True),
        ("Omar Abdur Rashid", "Omar Abdul Rashid", True),
        ("Huda Abd Allah", "Huda Abdullah", True),
        ("Bashar Al-Assad", "Bashar al-Assad", True),
        ("Ali Abdi", "Ali Abd", False),  # "Abdi", a name of its own, keeps its vowel
        ("Rami Abdel Rahim", "Rami Abdel Rahman", False),
    ],
)
def test_abd_folded_drops_only_the_articles_spelling(a, b, same):
    assert (abd_folded(a) == abd_folded(b)) is same


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
        # a given name and a surname that are both US towns: a person, not two places
        (
            "Senator Elizabeth Warren questioned the bank's chief on Tuesday. Warren said the "
            "fines were too small.",
            "Warren",
            "Elizabeth Warren",
            "PERSON",
        ),
        # a full name the model tags an organisation, used as a person's (a role noun before
        # it, a speech verb on its surname): a person, whom the surname joins
        (
            "Former software executive Carly Fiorina toured the plant in Ohio on Friday. "
            "Fiorina said the factory would reopen.",
            "Fiorina",
            "Carly Fiorina",
            "PERSON",
        ),
        # a relative introduced by kinship is not who the surname alone means later
        (
            "Carly Fiorina spoke in Des Moines on Monday. Her husband, Frank Fiorina, sat in "
            "the front row. Fiorina told the crowd that taxes were too high.",
            "Fiorina",
            "Carly Fiorina",
            "PERSON",
        ),
        # an epithet before a full name is no part of the name
        (
            "The crowd booed when he mentioned Crooked Hillary Clinton. Hillary Clinton ignored "
            "the insult.",
            "Hillary Clinton",
            "Hillary Clinton",
            "PERSON",
        ),
        # a campaign headline's verb ends the name the model ran into the headline
        (
            "Kerr Aims Jab At Rival Over Budget.\n\nGovernor Alan Kerr spoke on Monday.",
            "Kerr",
            "Alan Kerr",
            "PERSON",
        ),
        (
            "Whitfield Prompts Running Mate Speculation.\n\nSenator Dana Whitfield met the "
            "nominee.",
            "Whitfield",
            "Dana Whitfield",
            "PERSON",
        ),
        # a surname that is also a nationality, after a given name, is a person's surname
        (
            "Mark Cuban, the basketball team owner, spoke on Sunday. Cuban said he might run "
            "one day.",
            "Cuban",
            "Mark Cuban",
            "PERSON",
        ),
    ],
)
def test_people_of_us_news_keep_their_names(model, text, written, name, label):
    mentions, _ = run(model, text)
    found = {(m.text, m.name, m.label) for m in mentions}
    assert (written, name, label) in found, found
    people = {m.name for m in mentions if m.label == "PERSON"}
    assert people <= {name, "Frank Fiorina"}, found


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
        # an award and a product the small model tags PERSON and NORP
        ("The film earned him an Oscar nomination for best original screenplay.", "Oscar"),
        ("The flaws affect Windows programs, including Internet Explorer.", "Windows"),
        # a vote and a mail service the small model tags PERSON
        ("Markets fell after the Brexit vote, and Brexit worried investors.", "Brexit"),
        ("Her email was less secure than plain Gmail, he said.", "Gmail"),
        # an editor's bracketed letter makes no name of the word it opens
        ("“[W]e will not run his columns again,” the editor said.", "W]e"),
    ],
)
def test_junk_sentences(model, text, absent):
    mentions, _ = run(model, text)
    assert all(m.name != absent and m.text != absent for m in mentions)


def test_a_seat_before_based_is_no_mention(model):
    # "UK-based" says where the monitor sits, not what the story is about; Britain named as an
    # actor later in the same text is still a mention.
    text = (
        "The UK-based monitoring group said 12 people were killed in Idlib. A London-based "
        "charity sent aid. Britain condemned the strikes on Monday."
    )
    mentions, _ = run(model, text)
    written = [m.text for m in mentions]
    assert "UK" not in written and "London" not in written
    assert "Britain" in written and "Idlib" in written


def test_a_seat_in_words_is_no_mention(model):
    # "based in Britain" after the one described says the same as "UK-based"; a place the
    # story is about, or a seat said as the sentence's own news, is still a mention.
    text = (
        "The Network for Civil Rights based in Britain said 22 rebels were killed in Idlib. "
        "A charity headquartered in Geneva sent aid. The agency is based in Paris."
    )
    written = [m.text for m in run(model, text)[0]]
    assert "Britain" not in written and "Geneva" not in written
    assert "Idlib" in written and "Paris" in written


def test_unlisted_town_tagged_date(model):
    # the small model tags this Quneitra DATE (earlier PRODUCT); gazetteer.town knows it, and
    # the text puts fighting in it
    mentions, _ = run(model, "The talks in Astana ended. Fighting raged in Quneitra.")
    assert ("Quneitra", "GPE") in {(m.name, m.label) for m in mentions}


@pytest.mark.parametrize(
    "text, name",
    [
        # invented sentences; the small model tags each town DATE
        ("Rebels fled a village near Manbij on July 19 and regrouped.", "Manbij"),
        (
            "Mayadeen is one of the group's last bastions in Syria. Air strikes on Mayadeen killed 12 people on Sunday.",
            "Mayadeen",
        ),
    ],
)
def test_a_city_the_model_tags_as_a_date_is_a_place(model, text, name):
    mentions, _ = run(model, text)
    assert (name, "GPE") in {(m.name, m.label) for m in mentions}
    # a date stays a date
    assert not any(m.name in ("July", "July 19") for m in mentions)


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


@pytest.mark.parametrize(
    "text, name",
    [
        # the model tags "Army" and "Islam" apart: the known name across the "of" is one
        ("Douma is held by the Army of Islam, which shelled the capital.", "Jaish al-Islam"),
        # "Jabhat" left out, the rest tagged PERSON
        ("Jabhat Fateh al-Sham and its allies attacked the base.", "Fateh al-Sham Front"),
        # tagged "Islamic State of Iraq" (ORG) and "Levant" (LOC)
        ("The Islamic State of Iraq and the Levant claimed the attack.", "Islamic State"),
    ],
)
def test_armed_groups_named_in_english_or_cut_short_are_the_group(model, text, name):
    mentions, _ = run(model, text)
    assert [(m.name, m.label) for m in mentions if m.name == name] == [(name, "ORG")]
    pieces = ("Army", "Islam", "Fateh al-Sham", "Islamic State of Iraq", "Levant")
    assert not [m for m in mentions if m.name in pieces]


def test_an_of_between_capitals_is_no_alias_by_itself(model):
    mentions, _ = run(model, "The Bank of England and the Governor of Texas met.")
    assert "Bank of England" in [m.name for m in mentions]


@pytest.mark.parametrize(
    "text, written, name, label",
    [
        (
            "Jets struck the town of Khan Sheikhoun in Syria on Friday, the Observatory said.",
            "Khan Sheikhoun",
            "Khan Sheikhoun",
            "GPE",
        ),
        (
            "Jets struck the town of Khan Sheikhoun in Syria on Friday, the Observatory said.",
            "Observatory",
            "Observatory",
            "ORG",
        ),
        (
            "Mortar rounds fell on the al-Nour and al-Qasr neighbourhoods of Homs overnight.",
            "al-Qasr",
            "al-Qasr",
            "GPE",
        ),
        (
            "The Alawite minority backs the government, while Sunni and Shiite clerics disagree.",
            "Alawite",
            "Alawite",
            "NORP",
        ),
        (
            "The Alawite minority backs the government, while Sunni and Shiite clerics disagree.",
            "Shiite",
            "Shia",
            "NORP",
        ),
        (
            "Kurds and Druze in the south protested against Takfiri gunmen.",
            "Druze",
            "Druze",
            "NORP",
        ),
        (
            "Kurds and Druze in the south protested against Takfiri gunmen.",
            "Takfiri",
            "Takfiri",
            "NORP",
        ),
        (
            "Air raids kill 12 civilians in Syrias Aleppo Monitor AFP Saturday.",
            "Aleppo",
            "Aleppo",
            "GPE",
        ),
        (
            "The strike hit the village of Jayrud 60 kilometres from the capital.",
            "Jayrud",
            "Jayrud",
            "GPE",
        ),
        (
            "John Kerry met the head of the Syrian Observatory for Human Rights in Geneva.",
            "John Kerry",
            "John Kerry",
            "PERSON",
        ),
        (
            "John Kerry met the head of the Syrian Observatory for Human Rights in Geneva.",
            "Syrian Observatory for Human Rights",
            "Syrian Observatory for Human Rights",
            "ORG",
        ),
        # a first name that is also an award's stays the person's
        (
            "Oscar Pistorius said he was innocent. Oscar told the court he had feared a burglar.",
            "Oscar",
            "Oscar Pistorius",
            "PERSON",
        ),
        # a known place and an area noun, as SANA names the province around Damascus
        (
            "Shelling in Damascus Countryside killed five people. Rebels in Damascus "
            "Countryside fired mortars.",
            "Damascus Countryside",
            "Damascus Countryside",
            "LOC",
        ),
        # a company by the noun before it, whatever the model tagged ("exchange operator")
        (
            "Rival exchange operator Voltrex has also said it may bid for the bourse. Voltrex "
            "declined to comment.",
            "Voltrex",
            "Voltrex",
            "ORG",
        ),
    ],
)
def test_corrected_sentences(model, text, written, name, label):
    test_sentences(model, text, written, name, label)


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


def test_a_place_name_the_model_cut_short_is_read_whole():
    """The model tags "Deir" of "Deir ez-Zor" (the tokenizer splits "ez-Zor" off) and "Ghouta"
    of "eastern Ghouta": the names are grown to what the text writes, so that one place does
    not count under two names."""
    words = ["Strikes", "near", "Deir", "ez", "-", "Zor", "and", "on", "eastern", "Ghouta", "."]
    spaces = [True, True, True, False, False, True, True, True, True, False, False]
    ents = ["O", "O", "B-GPE", "O", "O", "O", "O", "O", "O", "B-LOC", "O"]
    doc = Doc(Vocab(), words=words, spaces=spaces, ents=ents)
    mentions, _ = entities.extract(doc, article_id="t")
    assert [(m.text, m.label) for m in mentions] == [
        ("Deir ez-Zor", "GPE"),
        ("eastern Ghouta", "LOC"),
    ]
    # Neither a spaced hyphen nor a compass word the gazetteer has no such place for grows one.
    words = ["Deir", "ez", "-", "Zor", "and", "northern", "Ghouta", "."]
    spaces = [True, True, True, True, True, True, False, False]
    ents = ["B-GPE", "O", "O", "B-GPE", "O", "O", "B-LOC", "O"]
    doc = Doc(Vocab(), words=words, spaces=spaces, ents=ents)
    texts = [m.text for m in entities.extract(doc, article_id="t")[0]]
    assert "Deir ez-Zor" not in texts and "northern Ghouta" not in texts


def test_a_role_in_apposition_makes_a_person(model):
    # the small model tags this name ORG; "spokesman" in apposition says who it is
    mentions, _ = run(
        model,
        "Nick Davies, spokesman for the athletics body, which handed out the bans, said the "
        "tests were fair.",
    )
    assert {(m.name, m.label) for m in mentions if m.name == "Nick Davies"} == {
        ("Nick Davies", "PERSON")
    }
    # an organisation with a description in apposition stays an organisation
    mentions, _ = run(model, "Hezbollah, the group led by Hassan Nasrallah, said the raid failed.")
    assert ("Hezbollah", "ORG") in {(m.name, m.label) for m in mentions}


def test_islamic_alone_is_a_group_word_not_the_islamic_state(model):
    mentions, _ = run(
        model,
        "Christian and Islamic leaders met in Beirut. Islamic State fighters left Raqqa on Monday.",
    )
    names = {(m.text, m.name, m.label) for m in mentions}
    assert ("Islamic State", "Islamic State", "ORG") in names
    assert not any(m.name == "Islamic State" and m.text == "Islamic" for m in mentions), names
    assert ("Islamic", "Islamic", "NORP") in names
    # nor does the identity pass join it to the Islamic State across a corpus
    from analysis import identity

    joins = identity.org_joins({"Islamic State": 400, "Islamic": 30, "Syrian Observatory": 90})
    assert "Islamic" not in joins


def test_a_seat_of_government_and_a_named_witness_are_no_places(nlp):
    doc = nlp(
        "The White House considered it unacceptable. A witness named Ahmad said he saw the bomber."
    )
    mentions, _ = entities.extract(doc, article_id="a")
    labels = {m.name: m.label for m in mentions}
    assert labels["White House"] == "ORG"
    assert labels["Ahmad"] == "PERSON"


def test_a_nationality_the_model_tagged_a_place_is_a_nationality(nlp):
    # "Kazakh" is also an alternate name of Petropavl: the word + "stan" is a country
    doc = nlp("Talks resumed in the Kazakh capital Astana. An Afghan refugee arrived in Jordan.")
    mentions, _ = entities.extract(doc, article_id="a")
    labels = {m.name: m.label for m in mentions}
    assert labels["Kazakh"] == "NORP" and labels["Astana"] == "GPE" and labels["Jordan"] == "GPE"


def test_a_name_run_into_the_next_over_a_lost_comma_is_two_names(nlp):
    # "Fighting raged in Hassakeh[,] the Syrian Observatory … said": the model tags one place
    doc = nlp(
        "Fighting raged in Hassakeh the Syrian Observatory for Human Rights said on Monday. Aid "
        "reached Idlib the Security Council said."
    )
    mentions, _ = entities.extract(doc, article_id="a")
    names = {(m.name, m.label) for m in mentions}
    assert ("Hassakeh", "GPE") in names and ("Idlib", "GPE") in names
    assert ("Syrian Observatory for Human Rights", "ORG") in names
    assert not any(" the " in m.name for m in mentions)


def test_a_settled_nationality_places_no_figure(nlp):
    from analysis import figures

    text = (
        "Iran and Turkey have hosted negotiations in the Kazakh capital Astana that led to the "
        "creation of four zones which produced a drop in violence."
    )
    doc = nlp(text)
    mentions, _ = entities.extract(doc, article_id="a")
    found = figures.extract(doc, article_id="a", quotes=(), mentions=mentions)
    assert [f.location for f in found if f.text == "four"] != ["Kazakh"]


# -- names the analyst found wrong on the Entities page -------------------------------------
@pytest.mark.parametrize(
    "text, name, label",
    [
        # "Army"/"Council"/"International" alone is no organisation with a person run on
        (
            "The village fell to the Army of Conquest, an alliance of rebel factions, last week.",
            "Jaish al-Fateh",  # its name in Arabic, as most of the coverage writes it
            "ORG",
        ),
        ("Delegates from the Council of Textile Importers met in Leeds.",
         "Council of Textile Importers", "ORG"),
        ("Judges at the International Criminal Court opened a case on Monday.",
         "International Criminal Court", "ORG"),
        # a title-case headline's verb is cut off the name before it
        ("Wed Apr 5 2017 Syrian Army Kills 40 Militants Near Hama", "Syrian Army", "ORG"),
        ("Sat Apr 1 2017 Harakat Al-Nujaba Kills 9 Gunmen in Aleppo Countryside",
         "Harakat Al-Nujaba", "ORG"),
        ("Tue Jan 3 2017 Aleppo Kills", "Aleppo", "GPE"),  # tagged PERSON with the verb
        ("Thu Mar 2 2017 Rebel Group Seizes Palmyra", "Palmyra", "GPE"),
        # known variants of one organisation
        ("Soldiers of the Syrian Arab Army entered the town on Friday.", "Syrian Army", "ORG"),
        ("The National Coalition said the talks had failed.", "Syrian Coalition", "ORG"),
        # a nationality the model tags PERSON
        ("The coach praised Welsh and Scottish players alike.", "Welsh", "NORP"),
        # a person still, with a first name
        ("Irvine Welsh said his new novel was finished.", "Irvine Welsh", "PERSON"),
        # an organisation and a person run together over a lost comma stay two
        ("the Syrian Coalition Omar Haddad said on Monday", "Omar Haddad", "PERSON"),
    ],
)  # fmt: skip
def test_names_the_entities_page_showed_wrong(model, text, name, label):
    mentions, _ = run(model, text)
    assert (name, label) in {(m.name, m.label) for m in mentions}, [
        (m.name, m.label) for m in mentions
    ]
    # no name keeps a headline's verb or opens with a joining word
    assert not any(w in m.name.split() for m in mentions for w in ("Kills", "Seizes")), mentions
    assert not any(m.name.startswith("of ") for m in mentions)
    assert not any(m.name == "Criminal Court" for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Sun Feb 5 2017 Mortar Attack Kills 3 in Damascus",  # the weapon before the verb
        "Mon Mar 6 2017 Kills Five Kurdish Police in Qamishli",  # the verb opens the span
        "Sun May 7 2017 Ahrar Al-Sham Killed in Idlib Raid",  # a participle
    ],
)
def test_a_headline_verb_leaves_no_name_behind(model, text):
    mentions, _ = run(model, text)
    words = ("Kills", "Killed", "Kill")
    assert not any(w in m.name.split() for m in mentions for w in words), mentions
    assert not any(m.name.endswith("Attack") and m.label == "PERSON" for m in mentions), mentions


def test_an_organisation_word_after_an_article_starts_no_person(model):
    # "an International" is one word of a name: "Harbour Facility" is no person run on to it
    mentions, _ = run(model, "Ministers backed the plan for an International Harbour Facility.")
    assert not [m for m in mentions if m.label == "PERSON"], mentions


@pytest.mark.parametrize(
    "text, full, acronym",
    [
        (
            "A clinic in the valley was shelled on Monday, the Northern Valley Relief Agency "
            "(NVRA) said. NVRA teams evacuated the wounded.",
            "Northern Valley Relief Agency",
            "NVRA",
        ),
        (
            "Volunteers of the Coastal Rescue Federation (CRF) reached the village at dawn. "
            "The CRF said two boats were lost.",
            "Coastal Rescue Federation",
            "CRF",
        ),
        # the model ends this name inside its bracket: "the Hill Forts Museum (Qalaat"
        ("He visited the Hill Forts Museum (Qalaat) last week.", "Hill Forts Museum", None),
    ],
)
def test_a_name_cut_inside_its_acronym_bracket_is_the_name_alone(model, text, full, acronym):
    # the model may end the name inside the bracket ("… Agency (NVRA"); the name is the words
    # before it, and the acronym the bracket defines joins it
    mentions, _ = run(model, text)
    assert all(m.name.count("(") == m.name.count(")") for m in mentions), mentions
    assert {m.name for m in mentions if m.text == acronym} <= {full}, mentions
    assert any(m.name == full for m in mentions), mentions


def test_an_acronym_the_model_tags_person_is_no_person(model):
    mentions, _ = run(model, "Inspectors found sarin and VX stockpiles at the depot.")
    assert all(m.label != "PERSON" for m in mentions if m.name == "VX")
    # someone the text makes a person stays one
    mentions, _ = run(model, "Mr JFK said he would go to the moon.")
    assert not [m for m in mentions if m.label == "ORG" and m.name == "JFK"]


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a speech verb is no person's evidence on an acronym: organisations speak too
        (
            "The airport is a hub for budget airlines. But BAA has said it has tried to "
            "involve villagers in its plans.",
            "BAA",
            "ORG",
        ),
        ("At Luton, BAH said it was working closely with all parties.", "BAH", "ORG"),
        # initials the press gives a person are still that person's when they speak
        ("JFK said he would go to the moon.", "JFK", "PERSON"),
        ("Asked about the deal, MBS told reporters that oil output would rise.", "MBS", "PERSON"),
    ],
)
def test_an_acronym_that_speaks_is_a_person_only_by_known_initials(model, text, name, label):
    mentions, _ = run(model, text)
    assert {m.label for m in mentions if m.name == name} == {label}, mentions


@pytest.mark.parametrize(
    "text",
    [
        "The senator told Politico on Wednesday that he backed the bill.",
        "The governor, Politico reported, had already signed the order.",
    ],
)
def test_a_news_site_the_model_calls_a_person_is_an_organisation(model, text):
    # a one-word site name reads as a surname to the model; the curated alias fixes it
    mentions, _ = run(model, text)
    assert {(m.name, m.label) for m in mentions if m.text == "Politico"} == {("Politico", "ORG")}


@pytest.mark.parametrize(
    "text, name",
    [
        ("Ikhbariya said on Monday that five were killed.", "Al-Ikhbariya"),
        ("The report was broadcast by the World Service on Sunday.", "BBC World Service"),
        ("al-Araby al-Jadeed reported the strikes on the valley.", "al-Araby al-Jadeed"),
    ],
)
def test_a_channel_the_model_calls_a_person_is_an_organisation(model, text, name):
    mentions, _ = run(model, text)
    assert (name, "ORG") in {(m.name, m.label) for m in mentions}, mentions


# -- non-people the analyst found on the People list (facilities, places, clubs, companies,
# -- things, credit lines); invented sentences ---------------------------------------------
@pytest.mark.parametrize(
    "text, name, label",
    [
        # a facility noun after the name: the name is the facility's
        ("Coalition jets took off from the Muwaffaq air base in Jordan.", "Muwaffaq", "FAC"),
        ("A car bomb exploded near the Sayyida Zainab shrine, south of Damascus.",
         "Sayyida Zainab", "FAC"),
        # an Arabic place word opens the name ("gate", "bridge")
        ("Army units shelled Kafr Hamra and Bab Qinnasrin on Sunday.", "Bab Qinnasrin", "GPE"),
        ("Rebels shelled Jisr al-Shughour and Ras al-Ain on Monday.", "Jisr al-Shughour", "GPE"),
        # the text places it: "the cities of", "mountain", "within five kilometres of"
        ("Shells fell on the towns of Nubl and the cities of Tadef and Maskanah.",
         "Maskanah", "GPE"),
        ("Rebels captured the hills near Tal Rifaat and al-Hader mountain.", "al-Hader", "GPE"),
        ("The front line is now within five kilometres of Mhardeh.", "Mhardeh", "GPE"),
        # a club: "side X", a plural verb; a company: "oil giant X", "the X brand"
        ("English side Harlequins signed the winger on a short loan.", "Harlequins", "ORG"),
        ("Gillingham have won their last three matches at home.", "Gillingham", "ORG"),
        ("The court froze the assets of oil giant Sibneft on Monday.", "Sibneft", "ORG"),
        ("Fiat may sell the Lancia brand to a rival.", "Lancia", "ORG"),
        # a credit line's job word is no person, the journalist is
        ("Additional reporting by Lina Haddad in Amman; Writing by Paul Keane",
         "Paul Keane", "PERSON"),
        ("The price of oil rose. Editing by Peter Graff Our Standards: The Trust Principles.",
         "Peter Graff", "PERSON"),
    ],
)  # fmt: skip
def test_places_facilities_clubs_and_companies_are_no_people(model, text, name, label):
    mentions, _ = run(model, text)
    found = {(m.name, m.label) for m in mentions}
    assert (name, label) in found, found
    assert label == "PERSON" or (name, "PERSON") not in found, found
    assert not any(m.name in ("Writing", "Editing") or "Standards" in m.name for m in mentions)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Queues formed for the new Harry Potter book, and Harry's fans were delighted.",
         "Harry Potter"),
        ("Inspired by Britpop, the band recorded a first album.", "Britpop"),
    ],
)  # fmt: skip
def test_a_book_and_a_genre_are_no_people(model, text, name):
    mentions, _ = run(model, text)
    assert not [m for m in mentions if m.label == "PERSON"], mentions


@pytest.mark.parametrize(
    "text, name",
    [
        ("She won the award for best R&B act on Thursday.", "R&B"),
        ("The singer mixes R&B with Reggae on her new album.", "Reggae"),
    ],
)
def test_a_music_genre_is_no_entity(model, text, name):
    mentions, _ = run(model, text)
    assert not [m for m in mentions if m.name == name], mentions


@pytest.mark.parametrize(
    "text, name",
    [
        # journalists listed with the places they report from stay people
        ("Additional reporting by Dana Karim in Cairo and Julian Moss in Paris; Editing by Ann "
         "Leigh", "Julian Moss"),
        ("John Smith, head of the monitoring group, said the village was empty.", "John Smith"),
        ("Mr Brown said he would meet Tony Blair on Friday.", "Tony Blair"),
    ],
)  # fmt: skip
def test_people_next_to_places_and_groups_stay_people(model, text, name):
    mentions, _ = run(model, text)
    assert (name, "PERSON") in {(m.name, m.label) for m in mentions}, mentions


# -- non-people the analyst found on the People list (12-04): villages opening with an Arabic
# -- place word, a region, a club, a film, bands, a tribe; invented sentences ----------------
@pytest.mark.parametrize(
    "text, name, label",
    [
        # "Urum" (heights) opens a place name ("Tal" below, without a model)
        ("The monitor raised its toll for the strike on Urum al-Joz to nineteen.",
         "Urum al-Joz", "GPE"),
        # a place noun before "named", a place noun after the name
        ("The Kurds declared a self-ruled region named Rojava last year.", "Rojava", "GPE"),
        ("The militia defends the autonomous Rojava federation in the north.", "Rojava", "GPE"),
        # bare uplands
        ("Gunmen hid on the barrens of Jurd Qara.", "Jurd Qara", "GPE"),
        # the people or the control of a place
        ("The people of Engerwitzdorf are building their own ski lift.", "Engerwitzdorf", "GPE"),
        # the place word alone tagged, the name it opens runs on
        ("Nobody has yet claimed the Tel Sawan bombing.", "Tel Sawan", "GPE"),
        # a club's boss, a tribe; where an athlete is from
        ("Larne boss Colin Reid refused to discuss the transfer.", "Larne", "ORG"),
        ("The Larne athlete won the indoor title again.", "Larne", "GPE"),
        ("Elders of the al-Shammar tribe met the governor.", "al-Shammar", "ORG"),
        # bands: "band" before a name of two words, a plural name with a plural verb
        ("Scottish band Velvet Harbour sold out their tour.", "Velvet Harbour", "ORG"),
        ("Kettle Drums have split after ten years.", "Kettle Drums", "ORG"),
        ("Rock band Keane won the award.", "Keane", "ORG"),
        ("The critics put Franz Ferdinand and Joss Stone in the top five.",
         "Franz Ferdinand", "ORG"),
    ],
)  # fmt: skip
def test_places_bands_and_clubs_the_people_list_showed(model, text, name, label):
    mentions, _ = run(model, text)
    found = {(m.name, m.label) for m in mentions}
    assert (name, label) in found, found
    assert (name, "PERSON") not in found, found


# -- a town's name used as its sports club's, in its own sentence (lexicon/sports_role_nouns.txt,
# -- sports_words.txt, club_move_words.txt, fixture_verbs.txt); invented sentences ------------
@pytest.mark.parametrize(
    "text, name, label",
    [
        # a club's role or people right after the town, or owned by it
        ("The Chelsea striker signed a new contract on Monday.", "Chelsea", "ORG"),
        ("Seville midfielder Carlos Ruiz was sent off twice this year.", "Seville", "ORG"),
        ("Chelsea's manager said his players were tired.", "Chelsea", "ORG"),
        ("Hundreds of Seville fans travelled north for the game.", "Seville", "ORG"),
        ("He was named the manager of Chelsea in June.", "Chelsea", "ORG"),
        # where a player moves, with a fee or a sports word
        ("He joined Chelsea for £8m last summer.", "Chelsea", "ORG"),
        # a fixture's side
        ("Their side beat Chelsea in the cup tie on Sunday.", "Chelsea", "ORG"),
        ("The league match against Seville ended goalless.", "Seville", "ORG"),
        ("Birmingham host Leeds in the cup replay next week.", "Leeds", "ORG"),
        # the town itself: its people, a flat in it, its police and its mayor
        ("The people of Chelsea voted against the new tower.", "Chelsea", "GPE"),
        ("She rents a small flat in Chelsea near the river.", "Chelsea", "GPE"),
        ("In Seville, police said two men had been arrested.", "Seville", "GPE"),
        ("The mayor of Seville opened the new bridge.", "Seville", "GPE"),
        # a move with neither fee nor sports word, a campaign against a town
        ("He moved to Seville with his family in 1990.", "Seville", "GPE"),
        ("The firm moved to Leeds in 1998 to cut its rents.", "Leeds", "GPE"),
        # a club played or signed for is one without a fee or a sports word; a move to a
        # name the model itself reads as an organisation is a move to the club
        ("Before the final, Ortega had played for Liverpool for two seasons.", "Liverpool", "ORG"),
        ("The winger signed for Portsmouth in the spring.", "Portsmouth", "ORG"),
        ("After the draw, Ortega is moving on to Chelsea.", "Chelsea", "ORG"),
        ("Ortega joined Newcastle in 2001 for £4m.", "Newcastle", "ORG"),
        ("The government side renewed its offensive against Homs overnight.", "Homs", "GPE"),
        # a national side stands for its country and stays a place
        ("England captain Jon Hale was hurt in the match.", "England", "GPE"),
    ],
)  # fmt: skip
def test_a_town_used_as_its_club_is_an_organisation_in_that_sentence(model, text, name, label):
    mentions, _ = run(model, text)
    found = {(m.name, m.label) for m in mentions}
    assert (name, label) in found, found


@pytest.mark.parametrize(
    "text, clubs",
    [
        # a well-known club named with a place (lexicon/club_names.tsv) stays whole, whether
        # the model splits it, runs it into the list's next club or tags nothing at all
        ("Real Madrid striker Tom Hale scored twice on Sunday.", ["Real Madrid"]),
        ("Real Madrid have made an offer for the Danish midfielder.", ["Real Madrid"]),
        ("Tom Hale played at Arsenal, Real Madrid and Paris Saint-Germain in his career.",
         ["Arsenal", "Real Madrid", "Paris St Germain"]),
        ("Bids came from Arsenal and Bayern Munich for the young striker.",
         ["Arsenal", "Bayern Munich"]),
        # a longer name of the club is one name, no club and a person
        ("He said he wanted to play for Manchester City Football Club one day.",
         ["Manchester City Football Club"]),
    ],
)  # fmt: skip
def test_a_well_known_club_named_with_a_place_is_kept_whole(model, text, clubs):
    mentions, _ = run(model, text)
    assert [m.name for m in mentions if m.label == "ORG"] == clubs, mentions
    assert not {"Madrid", "Munich", "Real"} & {m.name for m in mentions}, mentions


def test_a_club_and_its_town_in_one_article_keep_their_own_labels(model):
    # decided per mention: the article's one label for "Chelsea" does not carry over
    mentions, _ = run(
        model,
        "The Chelsea striker scored twice on Saturday.\n\n"
        "He lives in a flat in Chelsea with his brother.",
    )
    labels = [m.label for m in mentions if m.name == "Chelsea"]
    assert labels == ["ORG", "GPE"], mentions


@pytest.mark.parametrize(
    "spec, label",
    [
        # a nationality the gazetteer knows as another place's alternate name (Petropavl) is
        # one whatever the model tagged it; a place called by that very word stays a place
        ("the/O Kazakh/B-GPE capital/O", "NORP"),
        ("the/O Kazakh/B-ORG government/O", "NORP"),
        ("the/O Kazakh/B-PERSON economy/O", "NORP"),
        ("the/O Bangladeshi/B-PERSON population/O", "NORP"),
        # a nationality no regular ending makes ("Thai": Thailand) is one all the same, not
        # Alor Setar, whose alternate name it is
        ("the/O Thai/B-NORP economy/O", "NORP"),
        ("the/O Thai/B-GPE government/O", "NORP"),
        ("a/O visit/O to/O Roman/B-GPE", "GPE"),
    ],
)
def test_a_nationality_is_one_whatever_the_model_tagged_it(spec, label):
    assert [lab for _, _, lab in _names(spec)] == [label]


@pytest.mark.parametrize(
    "text, name, absent",
    [
        # the fields listed after a department's name up to "and" are the name's (lexicon/
        # org_list_heads.txt), not a body of their own
        ("A spokesman for the Department for Education and Skills said no more.",
         "Department for Education and Skills", "Skills"),
        ("The Department for Culture, Media and Sport gave the museum the money.",
         "Department for Culture, Media and Sport", "Sport"),
        # another body after "and" stays one: an acronym-like name, or one after "the"
        ("The Department for Education and Ofsted disagreed on the figures.",
         "Department for Education", "Department for Education and Ofsted"),
        ("The Department of Health and the NHS disagreed on the figures.",
         "Department of Health", "Department of Health and the NHS"),
    ],
)  # fmt: skip
def test_a_departments_fields_after_and_are_its_name(model, text, name, absent):
    mentions, _ = run(model, text)
    names = {m.name for m in mentions}
    assert name in names and absent not in names, names


@pytest.mark.parametrize(
    "text, name, label",
    [
        # an organisation-tagged name right after a work's noun is a title, in all its
        # mentions ("Vera Drake won three prizes" too); a company after another noun stays
        ("Critics loved the British movie Vera Drake.\n\nVera Drake won three prizes.",
         "Vera Drake", None),
        # "blockbuster" is a work's noun too; and a title the model left untagged after the
        # noun makes its tagged mentions elsewhere the title's
        ("The Hollywood blockbuster The Navigator took four awards on Sunday.",
         "Navigator", None),
        ("Lang's film The Navigator was the favourite. The Navigator won four awards.",
         "Navigator", None),
        # a work's noun modifying a common noun after the name makes no title of it
        ("It beat the other blockbuster West End musicals at the awards.", "West End", "GPE"),
        ("The film company Miramax bought the rights.", "Miramax", "ORG"),
    ],
)  # fmt: skip
def test_an_organisation_named_as_a_work_is_its_title(model, text, name, label):
    mentions, _ = run(model, text)
    assert {m.label for m in mentions if m.name == name} == ({label} if label else set())


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a company's noun before or after a name no gazetteer knows makes it the company's,
        # whatever place or people the model tagged it (lexicon/org_apposition_nouns.txt,
        # org_after_nouns.txt); a known place keeps its label
        ("A merger of gas giant Gazprom and oil firm Rosneft was agreed.", "Gazprom", "ORG"),
        ("Rosneft paid $9bn for the Yugansk unit last week.", "Yugansk", "ORG"),
        ("The bank may sell its Clearstream unit next year.", "Clearstream", "ORG"),
        ("Investors in the Leeds unit were told to wait.", "Leeds", "GPE"),
        # a people's adjective before such a noun is no company, nor a person in apposition
        # to a role that a company's noun could name ("producer")
        ("Dana Lowe, the show's co-producer, said the singer had been great.", "Dana Lowe",
         "PERSON"),
        ("The German exchange said it had held talks with the board.", "German", "NORP"),
        ("Worries about costs dragged European shares down on Monday.", "European", "NORP"),
        # a made thing's noun after it (lexicon/product_nouns.txt): a brand, or a product's
        # name that is no person
        ("The virus affects handsets running Symbian phone software.", "Symbian", "ORG"),
        ("Toshiba will build the Cell chip, which was designed by Sony and IBM.", "Cell", None),
        ("China phones are cheap, the minister said.", "China", "GPE"),
        # the economy's bodies by their short forms, and the groups of nations (org_aliases)
        ("The IMF and the Fed both warned about the dollar.", "International Monetary Fund",
         "ORG"),
        ("The IMF and the Fed both warned about the dollar.", "Federal Reserve", "ORG"),
        ("India attends the G7 meeting on Friday.", "G7", "ORG"),
        # sport's governing bodies and a doping laboratory named alone (org_aliases)
        ("He told Uefa's official website that the players were angry.", "Uefa", "ORG"),
        ("One good thing to come out of Balco is that athletes talk.", "Balco", "ORG"),
        ("WADA said the tests were clean.", "World Anti-Doping Agency", "ORG"),
        ('It was "very surprised" by the verdict, the IAAF said.',
         "International Association of Athletics Federations", "ORG"),
        ("Kenji Wada scored twice. Wada said he was happy.", "Kenji Wada", "PERSON"),
    ],
)  # fmt: skip
def test_a_company_or_brand_the_model_tagged_otherwise(model, text, name, label):
    mentions, _ = run(model, text)
    assert {m.label for m in mentions if m.name == name} == ({label} if label else set())


# -- a one-word company the model tagged a person, a place or a people, by the article's own use
# -- of it (lexicon/deal_nouns.txt, investing_words.txt, org_officer_nouns.txt,
# -- product_model_words.txt, product_verbs.txt); invented sentences ---------------------------
@pytest.mark.parametrize(
    "text, name, label",
    [
        # a firm's seat or owner hyphened before it; a body's officer after an untagged mention
        ("Paris-based Korvane has said it is interested in bidding for the exchange.",
         "Korvane", "ORG"),
        ("Rosneft-owned Tarvansk will be spun off as a separate firm.", "Tarvansk", "ORG"),
        ("Korvane chief Pierre Lamont met the board on Friday. Korvane declined to comment on "
         "the talks.", "Korvane", "ORG"),
        # a company's noun in apposition, or a monopoly's before an untagged mention
        ("The unit, Tarvansk, was sold to pay off a tax bill.", "Tarvansk", "ORG"),
        ("Analysts said the deal was a front for gas monopoly Norgaz. We do not know if this "
         "company is linked to Norgaz.", "Norgaz", "ORG"),
        ("Rival pan-European bourse Dorvane is working also on a bid.", "Dorvane", "ORG"),
        # speaking in a statement, or speaking and described by "which", with no given name
        ("In a statement on Thursday, Korvane said any offer would be in cash.", "Korvane",
         "ORG"),
        ("Korvane said in a statement that any offer would be in cash.", "Korvane", "ORG"),
        ("In the meantime, Dorvane, which combines the Oslo and Riga stock exchanges, began "
         "talks. Dorvane said any offer would be in cash.", "Dorvane", "ORG"),
        # what a deal is in or for, and "in" of trading that puts nothing in a place
        ("Analysts expect a bid for Korvane before the summer.", "Korvane", "ORG"),
        ("Investors are keen on shares in Korvane after the results.", "Korvane", "ORG"),
        ("Shares in Velmar rose 5% on Monday.", "Velmar", "ORG"),
        ("The court stopped the auction of Tarvansk last week.", "Tarvansk", "ORG"),
        ("The deal gives foreigners a stake in Velmar for the first time. Velmar will report "
         "profits on Monday.", "Velmar", "ORG"),
        # a person named in full, a transfer, a place the text puts people in, a known place
        ("Jose Mourinho was not at the game. Mourinho said in a statement that he was proud.",
         "Jose Mourinho", "PERSON"),
        ("The referee sent off two players. Chelsea's bid for Drogba was accepted, the striker "
         "said after the match.", "Drogba", "PERSON"),
        ("The London-based artist Jo Hale said she was delighted.", "Jo Hale", "PERSON"),
        ("Residents of Tarvansk fled the fighting.", "Tarvansk", "GPE"),
        ("Trade in Homs resumed after the siege ended.", "Homs", "GPE"),
        ("Fighters entered Kurdish-controlled Kobani on Monday.", "Kobani", "GPE"),
        # a brand and a model word after "the" or "new": a product, no person
        ("Reporters were asked to reveal sources for stories about the Mac Mini.", "Mac Mini",
         None),
        ("A lot of people are going to buy a new Mac Mini this year.", "Mac Mini", None),
        ("Tom Pro said he was happy.", "Tom Pro", "PERSON"),
    ],
)  # fmt: skip
def test_a_company_by_the_articles_use_of_it(model, text, name, label):
    mentions, _ = run(model, text)
    assert {m.label for m in mentions if m.name == name} == ({label} if label else set())


def test_a_firm_alone_is_no_short_form_of_its_hyphened_merger(model):
    # "Norgaz" and "Petrolux" both named alone: the hyphened pair is the merged group, and
    # neither firm's own mentions join it (naming._merged_pair); invented sentences
    text = (
        "Shares in Norgaz and Petrolux rose after the deal. The merged Norgaz-Petrolux group "
        "will rank second. Petrolux said it was pleased."
    )
    mentions, _ = run(model, text)
    names = [m.name for m in mentions]
    assert names.count("Petrolux") == 2 and names.count("Norgaz-Petrolux") == 1, names


# -- one word after "the" heading its phrase, tagged PERSON: a team, a band, a venue or a thing,
# -- no one's name; invented sentences ---------------------------------------------------------
@pytest.mark.parametrize(
    "text, name, label",
    [
        # a plural is a team's or a band's; one word else is no entity kept
        ("The referee sent off two players. The Gunners won only three of their next ten "
         "games.", "Gunners", "ORG"),
        ("He is known for his work with the Beatles and the Kinks.", "Beatles", "ORG"),
        ("Owen, who moved to the Bernabeu from Liverpool last summer, has scored 11 goals.",
         "Bernabeu", None),
        ("Visitors to the Tate sent Bluetooth messages.", "Tate", None),
        # a person's name modifying a noun after "the", an epithet after a person, a people's
        # word describing someone
        ("Officials are yet to respond to the Tomlinson review of exams.", "Tomlinson",
         "PERSON"),
        ("Omar the Chechen was killed in a strike.", "Chechen", "PERSON"),
        ("Critics called him the Eminem of Argentina, and fans agree.", "Eminem", "PERSON"),
    ],
)  # fmt: skip
def test_one_word_after_the_is_no_persons_name(model, text, name, label):
    mentions, _ = run(model, text)
    assert {m.label for m in mentions if m.name == name} == ({label} if label else set())


_MATCH = (
    "The referee sent off two players before half-time.\n\n"
    "Their striker scored a penalty late on.\n\n"
    "The match was the first of the season.\n\n"
)


@pytest.mark.parametrize(
    "text, name, labels",
    [
        # in a sports report that uses the town as its club, "at" is the club or its ground
        (_MATCH + "Bristol manager Tom Hale was sacked. He said his time at Bristol had been "
         "memorable.", "Bristol", {"ORG"}),
        # outside one, or with "in", the town keeps its place where the text puts it
        ("Bristol manager Tom Hale was sacked. He said his time at Bristol had been "
         "memorable.", "Bristol", {"ORG", "GPE"}),
        (_MATCH + "Norwich boss Dan Cole was pleased. The team flew home from a hotel in "
         "Norwich.", "Norwich", {"ORG", "GPE"}),
        (_MATCH + "The championships at Birmingham start on Friday.", "Birmingham", {"GPE"}),
    ],
)  # fmt: skip
def test_at_a_club_in_a_sports_report_is_the_club(model, text, name, labels):
    mentions, _ = run(model, text)
    assert {m.label for m in mentions if m.name == name} == labels, mentions


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a town and "City" that no place is called by, in a sports report: the club
        (_MATCH + "He had been impressed by the form of Hull City all season.", "Hull City", "ORG"),
        # outside one, and a city of that very name, stay places
        ("He had been impressed by the form of Hull City all season.", "Hull City", "GPE"),
        (_MATCH + "Talks went on in Gaza City on Monday.", "Gaza City", "GPE"),
    ],
)  # fmt: skip
def test_a_clubs_full_name_in_a_sports_report_is_the_club(model, text, name, label):
    mentions, _ = run(model, text)
    assert {m.label for m in mentions if m.name == name} == {label}, mentions


# -- the same, by a result, an officer, a standing or a lead (lexicon/club_result_nouns.txt,
# -- club_staff_nouns.txt, club_role_modifiers.txt, club_apposition_nouns.txt); invented -------
@pytest.mark.parametrize(
    "text, name, label",
    [
        # a result owned or after "to/over/with"; a player owned
        ("Bristol's 2-0 defeat ended their unbeaten league run.", "Bristol", "ORG"),
        ("The club suffered a heavy loss to Bristol in the league.", "Bristol", "ORG"),
        ("Norwich's Sam Pike scored twice in the cup replay.", "Norwich", "ORG"),
        # an officer or a role after a modifier; a standing before the name
        ("Bristol chief executive Tom Hale said the club would not sell.", "Bristol", "ORG"),
        ("Derby assistant boss Dan Cole praised the fans after the match.", "Derby", "ORG"),
        ("Premiership leaders Bristol travel north for the match on Sunday.", "Bristol", "ORG"),
        # put ahead or given the lead in a game
        ("A late goal gave Bristol the lead in the cup tie.", "Bristol", "ORG"),
        ("Two goals in the final minutes put Bolton ahead in the league.", "Bolton", "ORG"),
        # no sports word: an officer, an owner and the city's own people keep the place
        ("Leeds city council leader Ann Marsh opened the new library.", "Leeds", "GPE"),
        ("London's mayor John Hale opened the new bridge on Monday.", "London", "GPE"),
        ("Tesco chairman Ian Hale visited Exeter on Monday.", "Exeter", "GPE"),
        # a club in a city, the city only modifying it
        ("The London club has signed a new striker for the cup run.", "London", "GPE"),
    ],
)  # fmt: skip
def test_a_town_is_its_club_by_a_result_an_officer_or_a_lead(model, text, name, label):
    mentions, _ = run(model, text)
    found = {(m.name, m.label) for m in mentions}
    assert (name, label) in found, found


_REPORT = (
    "Newcastle manager Tom Hale praised his players after the match.\n\n"
    "Newcastle were well beaten in the second half.\n\n"
    "The referee sent off two players before half-time.\n\n"
    "Their striker scored a penalty late on."
)


@pytest.mark.parametrize(
    "text, labels",
    [
        # a sports report naming the town as a club once and never putting anything in it
        (_REPORT, ["ORG", "ORG"]),
        # the same report with the players living in the town: the other mentions stay places
        (_REPORT + "\n\nMost of the players live in Newcastle.", ["ORG", "GPE", "GPE"]),
        # no sports report: one sentence about the club says nothing of the others
        ("Newcastle manager Tom Hale praised his players.\n\n"
         "Newcastle voted to build a new library.", ["ORG", "GPE"]),
    ],
)  # fmt: skip
def test_a_sports_report_names_the_club_throughout(model, text, labels):
    mentions, _ = run(model, text)
    assert [m.label for m in mentions if m.name == "Newcastle"] == labels, mentions


@pytest.mark.parametrize(
    "text, name",
    [
        # a band in a list that "bands including" opens; a film one starred in
        ("The support act has toured with bands including Echo and the Bunnymen.", "Echo"),
        ("The actor has starred in Collateral and Ray.", "Ray"),
    ],
)
def test_a_band_or_a_film_named_like_a_town_is_no_place(model, text, name):
    mentions, _ = run(model, text)
    assert not [m for m in mentions if m.name == name and m.label in ("GPE", "LOC")], mentions


@pytest.mark.parametrize(
    "text, absent",
    [
        # a title with a number is a work or a product, no person
        ("Joe 90 is the puppet show I would most like to see as a film.", "Joe 90"),
        ("The firm will help its customers run Linux on every device.", "Linux"),
    ],
)
def test_numbered_titles_and_products_are_no_people(model, text, absent):
    mentions, _ = run(model, text)
    assert not [m for m in mentions if m.name == absent and m.label == "PERSON"], mentions


@pytest.mark.parametrize(
    "text, name",
    [
        # a score run on to a player's name is cut off; the player stays a person
        ("She beat wild card Amina Karoui 2-6 6-2 7-6 in the first round.", "Amina Karoui"),
        # a person with a title or a speech verb keeps the label whatever word opens the name
        ("Israeli negotiator Tal Becker said the talks would resume.", "Tal Becker"),
        ("The historian wrote about Archduke Franz Ferdinand and his wife.",
         "Archduke Franz Ferdinand"),
        ("Chelsea's boss Jose Mourinho praised Michael Owen's goal.", "Michael Owen"),
        ("Gordon Banks has coached the juniors for ten years.", "Gordon Banks"),
    ],
)  # fmt: skip
def test_people_next_to_the_new_cues_stay_people(model, text, name):
    mentions, _ = run(model, text)
    assert (name, "PERSON") in {(m.name, m.label) for m in mentions}, mentions


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a dateline before the subject takes no plural verb of its own
        ("MOSCOW (Sputnik) Six people were killed in a shelling of the old town.", "Moscow",
         "GPE"),
        # a capitalised "Federation of" opens an organisation's name, no place noun
        ("The International Federation of Red Cross and Red Crescent Societies sent tents.",
         "Red Crescent Societies", "ORG"),
    ],
)  # fmt: skip
def test_the_new_cues_leave_other_names_alone(model, text, name, label):
    mentions, _ = run(model, text)
    assert (name, label) in {(m.name, m.label) for m in mentions}, mentions


def test_an_organisation_tagged_name_with_a_surnames_particle_is_a_person(nlp):
    # the model tagged the union leader ORG after "to Antwerp on Thursday", and his "he said"
    # then found no one; a place at the end keeps an organisation's name as it is
    from analysis.extract import extract_article
    from analysis.records import Article

    text = (
        "Pieter de Vries said the strike would spread to Antwerp on Thursday.\n\n"
        '"This is about fairness for every docker," he said.'
    )
    result = extract_article(nlp(text), Article(id="pv", title="Strike", text=text))
    assert ("Pieter de Vries", "PERSON") in {(e.name, e.label) for e in result.entities}
    assert [q.speaker for q in result.quotes] == ["Pieter de Vries", "Pieter de Vries"]
    doc = nlp("The Tour de France will start in Brussels, the organisers said.")
    mentions, _ = entities.extract(doc, article_id="a")
    assert ("Tour de France", "ORG") in {(m.name, m.label) for m in mentions}


def test_an_apposition_that_calls_a_name_a_company_makes_it_one(nlp):
    # names of our own the model tags PERSON; a person's apposition says what she is in it
    # ("the group's leader", "a member of the band")
    text = (
        "Harlan Wexby, a software firm based in Leeds, said profits rose. Marlo Quint, a record "
        "label, said the album would be out in May. The deal was struck with Dorian Kestrel, "
        "Britain's biggest insurer. Tony Adams, a member of the band, said the tour was over. "
        "Abu Hamza al-Karim, the group's leader, said the fight would go on."
    )
    mentions, _ = entities.extract(nlp(text), article_id="a")
    labels = {m.name: m.label for m in mentions}
    assert [labels[n] for n in ("Harlan Wexby", "Marlo Quint", "Dorian Kestrel")] == ["ORG"] * 3
    assert labels["Tony Adams"] == labels["Abu Hamza al-Karim"] == "PERSON"


# -- bylines, an organisation's full name, a lower-case place word (real-store review) ----------


@pytest.mark.parametrize(
    "text, byline",
    [
        # a wire's reporters after the last full stop, joined by slashes, with initials
        ("Shells hit two houses in the old quarter. Karim Haddad/Lina", "Karim Haddad/Lina"),
        ("Two men were hurt. K. Haddad / Lina Saad/R.J", "K. Haddad / Lina Saad/R.J"),
        ("Talks resumed on Monday.\n\nSamir Aoun and Dana Keil.", "Samir Aoun and Dana Keil."),
        ("The road reopened at noon. Omar al-Sayed", "Omar al-Sayed"),
        # not bylines: a sentence whose full stop was lost, a lone word, the whole text
        ("The match ended with a goal from Wayne Rooney", None),
        ("Rebels took the town. Twitter", None),
        ("Karim Haddad", None),
        ("He thanked Mr Blair.", None),
        ("The talks ended. Ministers will meet again in Geneva.", None),
    ],
)
def test_a_byline_at_the_end_of_the_story(text, byline):
    from analysis.entities.spans import credit_tail

    at = credit_tail(text)
    assert (text[at:] or None) == byline


def test_a_byline_is_no_mention_but_the_story_s_people_are(model):
    mentions, _ = run(
        model,
        "Rescuers led by Omar Saleh pulled two children from the rubble on Tuesday. "
        "Lina Darwish/Rami",
    )
    assert [m.name for m in mentions] == ["Omar Saleh"]


@pytest.mark.parametrize(
    "text, place",
    [
        # "Islamic State" tagged, the rest tagged as places; "the" before "Levant" left out
        ("Gunmen of the so-called Islamic State in Iraq and Levant shelled the village near "
         "Homs.", "Homs"),
        # "Islamic" tagged NORP, "Iraq" and "Levant" places
        ("Fighters from the Islamic State in Iraq and the Levant executed three men in "
         "Palmyra.", "Palmyra"),
    ],
)  # fmt: skip
def test_places_inside_an_organisations_full_name_are_no_places(model, text, place):
    mentions, _ = run(model, text)
    assert [(m.name, m.label) for m in mentions] == [("Islamic State", "ORG"), (place, "GPE")]


def test_a_place_whose_article_and_word_are_written_in_lower_case_is_read_whole(model):
    # "Deir ezzor": the model tags "Deir" alone (a place word of many names)
    mentions, _ = run(model, "Air strikes killed 12 people in the eastern Deir ezzor province.")
    assert [(m.text, m.label) for m in mentions] == [("Deir ezzor", "GPE")]


@pytest.mark.parametrize(
    "text, people, places",
    [
        # a bill of singers: Bono is also one of GeoNames' names for Bonn and a US village
        (
            "The charity single was recorded by Bono, Elton John, Dido and Paul McCartney in "
            "one afternoon.",
            {"Bono"},
            set(),
        ),
        # a team's line-up: surnames that are towns (Henderson, Nevada; Hartley, California)
        (
            "Rovers: Walsh, Henderson, Tierney, Hartley, Murray, Doyle, Kelly.",
            {"Henderson", "Hartley", "Tierney"},
            set(),
        ),
        # a list of places stays one, whatever people the sentence names after it; a country
        # in a list is never a person
        (
            "Delegates travelled to Paris, Berlin, Henderson and Reno for the talks with Mr "
            "Smith and Mr Jones.",
            set(),
            {"Paris", "Berlin", "Henderson", "Reno"},
        ),
        (
            "Officials from Switzerland, Liechtenstein and Norway met John Smith and Mary Jones.",
            {"John Smith", "Mary Jones"},
            {"Switzerland", "Liechtenstein", "Norway"},
        ),
    ],
)
def test_a_towns_name_in_a_list_of_people_is_a_persons(model, text, people, places):
    _, ents = run(model, text)
    labels = {e.name: e.label for e in ents}
    assert {n for n in people if labels.get(n) == "PERSON"} == people, labels
    assert {n for n in places if labels.get(n) == "GPE"} == places, labels


def _hand_doc(text_words, ents):
    """A hand-built Doc: ``text_words`` (word, space after) pairs, one IOB tag a word; English
    lexical attributes (the rules read ``lower_``), no parse."""
    words = [w for w, _ in text_words]
    spaces = [s for _, s in text_words]
    return Doc(English().vocab, words=words, spaces=spaces, ents=ents)


def _line_list(*items):
    """A ranked list, one "N. First Last" item a line, with each item's tag."""
    out, tags = [], []
    for n, (first, last, label) in enumerate(items, 1):
        if out:
            out.append(("\n", False))
            tags.append("O")
        out += [(f"{n}.", True), (first, True), (last, False)]
        tags += ["O", f"B-{label}", f"I-{label}"]
    return out, tags


def test_a_full_name_ranked_among_people_one_a_line_is_a_person():
    """A list of candidates one a line ("2. Carly Fiorina" between two lines the model tagged
    PERSON) makes the given-named name a person though the model tagged it ORG; among
    organisations it stays an organisation."""
    words, tags = _line_list(
        ("Marco", "Rubio", "PERSON"), ("Carly", "Fiorina", "ORG"), ("Ben", "Carson", "PERSON")
    )
    found = {m.name: m.label for m in entities.extract(_hand_doc(words, tags), article_id="t")[0]}
    assert found["Carly Fiorina"] == "PERSON", found
    words, tags = _line_list(
        ("Morgan", "Stanley", "ORG"), ("Carly", "Fiorina", "ORG"), ("Wells", "Fargo", "ORG")
    )
    found = {m.name: m.label for m in entities.extract(_hand_doc(words, tags), article_id="t")[0]}
    assert found["Carly Fiorina"] == "ORG", found


@pytest.mark.parametrize("noun", ["rival", "hopeful", "challenger"])
def test_a_contest_noun_before_a_given_named_name_makes_a_person(noun):
    """In "former rival Carly Fiorina" a race's noun before a full name opening with a given name
    says it is a person's (lexicon/contest_nouns), as a role noun does."""
    words = [("The", True), ("senator", True), ("thanked", True), (noun, True)]
    words += [("Carly", True), ("Fiorina", False), (".", False)]
    tags = ["O"] * 4 + ["B-ORG", "I-ORG", "O"]
    found = {m.name: m.label for m in entities.extract(_hand_doc(words, tags), article_id="t")[0]}
    assert found["Carly Fiorina"] == "PERSON", found
    # a given name opening a firm's name with an organisation's word in it stays the firm's
    words = [("Retailer", True), ("Allied", True), ("will", True), ("buy", True), (noun, True)]
    words += [("May", True), ("Department", True), ("Stores", False), (".", False)]
    tags = ["O"] * 5 + ["B-ORG", "I-ORG", "I-ORG", "O"]
    found = {m.name: m.label for m in entities.extract(_hand_doc(words, tags), article_id="t")[0]}
    assert found["May Department Stores"] == "ORG", found


def _place_doc(*sentences):
    """Sentences of (word, tag) pairs; "Eastern Ghouta"-style names tagged as given."""
    words, tags = [], []
    for sentence in sentences:
        for word, tag in sentence:
            words.append((word, True))
            tags.append(tag)
        words[-1] = (words[-1][0], False)
        words.append((".", True))
        tags.append("O")
    return _hand_doc(words, tags)


def test_a_regions_bare_name_is_the_one_compass_part_its_article_names():
    """The bare "Ghouta" in a story about shelling of "Eastern Ghouta" is Eastern Ghouta; a story naming
    Eastern and Western Ghouta keeps the bare name for the whole; a city's name is the city
    beside its compass part ("Aleppo" and "eastern Aleppo")."""
    shelled = [("Shells", "O"), ("hit", "O"), ("Eastern", "B-LOC"), ("Ghouta", "I-LOC")]
    again = [("Rockets", "O"), ("fell", "O"), ("on", "O"), ("Ghouta", "B-LOC"), ("later", "O")]
    names = [m.name for m in entities.extract(_place_doc(shelled, again), article_id="t")[0]]
    assert names == ["Eastern Ghouta", "Eastern Ghouta"]
    west = [("and", "O"), ("Western", "B-LOC"), ("Ghouta", "I-LOC")]
    doc = _place_doc(shelled + west, again)
    names = [m.name for m in entities.extract(doc, article_id="t")[0]]
    assert names == ["Eastern Ghouta", "Western Ghouta", "Ghouta"]
    city = [("Shells", "O"), ("hit", "O"), ("Eastern", "B-GPE"), ("Aleppo", "I-GPE")]
    again = [("Rockets", "O"), ("fell", "O"), ("on", "O"), ("Aleppo", "B-GPE"), ("later", "O")]
    names = [m.name for m in entities.extract(_place_doc(city, again), article_id="t")[0]]
    assert names[-1] == "Aleppo", names


@pytest.mark.parametrize(
    "text, expected",
    [
        # a courtesy title carries a sex: "Mrs." is the woman of that surname, "Mr." the man,
        # whichever spouse the article named last
        (
            "Margaret Holbrook and her husband, Dennis Holbrook, arrived at the rally in Reno. "
            "Mrs. Holbrook spoke first. Mr. Holbrook stayed near the stage until Mrs. Holbrook "
            "finished.",
            ["Margaret Holbrook", "Dennis Holbrook", "Margaret Holbrook"],
        ),
        (
            "Dennis Holbrook introduced his wife, Margaret Holbrook, to the crowd. Mr. Holbrook "
            "then left, and Mrs. Holbrook took questions.",
            ["Dennis Holbrook", "Margaret Holbrook"],
        ),
    ],
)
def test_a_courtesy_title_picks_the_bearer_of_its_sex(model, text, expected):
    mentions, _ = run(model, text)
    titled = [m.name for m in mentions if m.text == "Holbrook"]
    assert titled == expected, [(m.text, m.name) for m in mentions]


def test_a_birth_name_is_no_person_of_its_own(model):
    # the son took his father's name at birth and changed it: "Mr. Pardo" after the birth
    # name is the son, not the father the birth name would spell
    text = (
        "Senator Luis Pardo grew up in Houston. As a teenager, Mr. Pardo dropped his birth "
        "name, Ramon Alberto Pardo. His father, Ramon Pardo, is a pastor. Mr. Pardo said the "
        "church shaped him."
    )
    mentions, _ = run(model, text)
    names = [(m.text, m.name) for m in mentions if m.label == "PERSON"]
    assert ("Ramon Alberto Pardo", "Luis Pardo") in names, names
    assert [n for t, n in names if t == "Pardo"] == ["Luis Pardo", "Luis Pardo"], names


def test_a_relative_named_again_without_the_kin_noun_is_still_the_relative(model):
    text = (
        "Senator Luis Pardo toured Iowa. He sent his father, Ramon Pardo, to the churches. "
        "Voters met Ramon Pardo at a diner. Mr. Pardo later spoke at a rally."
    )
    mentions, _ = run(model, text)
    last = max((m for m in mentions if m.text == "Pardo"), key=lambda m: m.start)
    assert last.name == "Luis Pardo", [(m.text, m.name) for m in mentions]


# -- AP state abbreviations, the GOP, bodies the model tags buildings (review 48) ----------


def test_an_ap_state_abbreviation_tagged_a_place_is_the_state():
    # "Fla" alone had been placed at Florencia, Colombia; "Calif" nowhere
    spec = "She/O moved/O from/O Ocala/B-GPE ,/O Fla./B-GPE ,/O to/O Chico/B-GPE ,/O Calif./B-GPE"
    names = [(n, lab) for _, n, lab in _names(spec + " ./O")]
    assert ("Florida", "GPE") in names and ("California", "GPE") in names, names
    assert entities.state_abbreviation("N.Y.") == "New York"
    # in the AP's spelling only: capitals are no abbreviation of its list, a person no state
    assert entities.state_abbreviation("GA") is None
    spec = "Ms/B-PERSON Fla/I-PERSON spoke ./O"
    assert [lab for _, _, lab in _names(spec)] == ["PERSON"]


def test_the_gop_is_the_republican_party():
    assert entities.alias("GOP") == ("Republican Party", "ORG")
    assert entities.alias("G.O.P.") == ("Republican Party", "ORG")


def test_a_surname_tagged_a_building_joins_the_person():
    spec = "Rita/B-PERSON Delgado/I-PERSON arrived ./O Critics/O turned/O on/O Delgado/B-FAC ./O"
    assert _names(spec)[-1] == ("Delgado", "Rita Delgado", "PERSON")


@pytest.mark.parametrize(
    "text, written",
    [
        (
            "A commander of the Liwa al-Tawhid rebel group said the town had fallen.",
            "Liwa al-Tawhid",
        ),
        (
            "The campaign hired a firm called Bellweather Analytics to study voters.",
            "Bellweather Analytics",
        ),  # fmt: skip
        ("Donors paid a company named Northgate Signals for the polling.", "Northgate Signals"),
    ],
)
def test_a_name_the_text_calls_a_body_is_an_organisation(model, text, written):
    # a body's noun after the name, or "<a firm's noun> called/named" before it: the small
    # model had tagged "Nour al-Din al-Zinki" (before "rebel group") and "Cambridge Analytica"
    # (after "a firm called") buildings
    from analysis.entities.spans import _candidates

    found = {m.text: m for m in _candidates(model(text))}
    assert found[written].org_cue
    mentions, _ = run(model, text)
    assert {m.name: m.label for m in mentions}[written] == "ORG"


def test_a_persons_name_before_a_camp_is_no_body(model):
    from analysis.entities.spans import _candidates

    text = "Aides in the Delgado camp said Rita Delgado would speak on Friday."
    assert not any(m.org_cue for m in _candidates(model(text)))


def test_a_short_form_does_not_make_a_person_of_a_shrine():
    # the article names the shrine and, once, the saint it is named after: the saint's short
    # name stays hers, the shrine's name no person's
    spec = (
        "Pilgrims/O filled/O the/O Sayyida/B-PERSON Ruqayya/I-PERSON shrine/O ./O "
        "Shells/O fell/O near/O Sayyida/B-PERSON Ruqayya/I-PERSON ./O "
        "It/O holds/O the/O tomb/O of/O Ruqayya/B-PERSON ./O"
    )
    found = [(n, lab) for _, n, lab in _names(spec)]
    assert found[:2] == [("Sayyida Ruqayya", "FAC")] * 2, found
    assert found[2] == ("Ruqayya", "PERSON"), found


@pytest.mark.parametrize(
    "text, name, junk",
    [
        # a sentence's opening preposition the model ran into the name after it
        (
            "Without Kessler in the mix, Morgan and Daniels were tied at 44 percent.",
            "Kessler",
            "Without Kessler",
        ),
        # a gerund opening the sentence
        (
            "Entrusting Donald Marsh with the nuclear codes is a risky proposition.",
            "Donald Marsh",
            "Entrusting Donald Marsh",
        ),
        # a closing quotation mark with no space after it: its words are no part of the name
        (
            "“It was a long and bitter fight,”Linda Moreau said on Tuesday.",
            "Linda Moreau",
            "fight,”Linda Moreau",
        ),
    ],
    ids=["preposition", "gerund", "glued-quotation-mark"],
)
def test_a_name_carries_no_word_of_the_sentence_before_it(model, text, name, junk):
    _, ents = run(model, text)
    names = {e.name for e in ents}
    assert name in names and junk not in names, names


def test_will_opening_a_sentence_is_a_name_unless_the_sentence_asks(model):
    """The tagger reads a sentence's opening "Will" as a modal either way: only in a question
    is it the verb ("Will Dunmore's plan work?"), elsewhere the given name."""
    _, ents = run(model, "Will Rogers agreed with the mayor. Will Dunmore's plan work any better?")
    names = {e.name for e in ents}
    assert "Will Rogers" in names and "Dunmore" in names, names


def test_a_surname_alone_is_the_bearer_the_article_names_most(model):
    """Two people share a surname; the one named in full once (the senator's wife, the last
    named before the surname, in the paragraph before) is not the one the surname alone means."""
    text = (
        "Senator Paul Brandt spoke in Des Moines on Monday. Paul Brandt has long opposed the "
        "bill. Paul Brandt will vote against it.\n\n"
        "His rival once mocked a photograph of Anna Brandt, the senator's wife.\n\n"
        "Brandt said he would not forgive it."
    )
    mentions, _ = run(model, text)
    last = [m for m in mentions if m.text == "Brandt"][-1]
    assert last.name == "Paul Brandt", [(m.text, m.name) for m in mentions]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the bearer just named in the surname's own paragraph
        (
            "Senator Paul Brandt spoke on Monday. Paul Brandt opposed the bill. Paul Brandt "
            "left early.\n\n"
            "The developer Oscar Brandt visited the school. Brandt said the school was too small.",
            "Oscar Brandt",
        ),
        # a title's sex rules out the bearer of the other sex
        (
            "Senator Paul Brandt spoke on Monday. Paul Brandt opposed the bill. His wife, Anna "
            "Brandt, ran the campaign.\n\n"
            "Mrs. Brandt said the race was close.",
            "Anna Brandt",
        ),
    ],
    ids=["same-paragraph", "title-sex"],
)
def test_a_shared_surname_goes_to_the_bearer_its_paragraph_or_title_means(model, text, expected):
    mentions, _ = run(model, text)
    last = [m for m in mentions if m.text.endswith("Brandt") and " " not in m.text.strip()][-1]
    assert last.name == expected, [(m.text, m.name) for m in mentions]


# -- title-case headlines the model tags as one name (review48b item 6); invented sentences ----


@pytest.mark.parametrize(
    "text, names",
    [
        # a verb's third-person form after a full name ends it (the lemmatizer's verbs)
        ("Maria Lopez Wins Mayoral Race In Springfield.", {"Maria Lopez"}),
        ("Oscar Delaney Blasts Reporters For Coverage Of His Trip.", {"Oscar Delaney"}),
        # a second full name after the verb is a person of its own
        (
            "Jane Whitmore Slams Peter Hollis Over Budget Plan.\n\nThe senator spoke on Friday.",
            {"Jane Whitmore", "Peter Hollis"},
        ),
        # a surname alone before the verb, the article naming her in full
        (
            "Whitmore Wades In: Urges Voters To Back The School Levy.\n\n"
            "Senator Jane Whitmore spoke on Friday.",
            {"Jane Whitmore"},
        ),
        # the verb opening the run, a surname the article gives after it
        (
            "The Governor Backs Delaney And Denounces Whitmore.\n\n"
            "Jane Whitmore left the room early.",
            {"Jane Whitmore"},
        ),
    ],
)
def test_a_headline_verb_ends_the_person_name(model, text, names):
    mentions, _ = run(model, text)
    people = {m.name for m in mentions if m.label == "PERSON"}
    assert names <= people, people
    verbs = {"Wins", "Blasts", "Slams", "Wades", "Denounces"}
    assert not any(set(m.name.split()) & verbs for m in mentions), people


@pytest.mark.parametrize(
    "text, names",
    [
        # surnames and given names that are also verbs or verb forms stay names
        (
            "Bill Gates met Will Smith and Hope Hicks, while Rush Limbaugh talked to Chuck "
            "Grassley and Mark Warner.",
            {"Bill Gates", "Will Smith", "Hope Hicks", "Rush Limbaugh", "Chuck Grassley"},
        ),
        (
            "Ida B. Wells and Sarah Huckabee Sanders spoke. Kurt Wells lost the race.",
            {"Ida B. Wells", "Sarah Huckabee Sanders", "Kurt Wells"},
        ),
        ("Brooks Koepka won the open. Koepka said so.", {"Brooks Koepka"}),
        # a given name the lexicon lacks, or a middle given name, before a verb-like surname
        (
            "Gennika Flowers and Francis Gary Powers met the press. Flowers said little. "
            "Later John Foster Dulles arrived.",
            {"Gennika Flowers", "Francis Gary Powers", "John Foster Dulles"},
        ),
    ],
)
def test_names_with_verb_like_words_are_kept_whole(model, text, names):
    mentions, _ = run(model, text)
    people = {m.name for m in mentions if m.label == "PERSON"}
    assert names <= people, people


def test_an_organisation_cut_at_its_headline_verb(model):
    # the model's own verb tag, from the fourth word on, ends an organisation-tagged headline
    # (a hand-tagged parse: the model tags this run one ORG only in some contexts)
    from analysis.entities import spans

    words = [
        "Harbor",
        "Town",
        "Fishermen",
        "Explain",
        "Why",
        "Whitmore",
        "Offers",
        "Needed",
        "Change",
    ]
    tags = ["NNP", "NNP", "NNPS", "VBP", "WRB", "NNP", "VBZ", "VBN", "NNP"]
    doc = Doc(model.vocab, words=words, tags=tags)
    cut = spans._cut_headline_verb(doc, 0, len(words), "ORG")
    assert [(c.text, c.label_) for c in cut] == [("Harbor Town Fishermen", "ORG")]
    # "Black Lives Matter": a verb tag before the fourth word is part of the name
    doc = Doc(model.vocab, words=["Black", "Lives", "Matter"], tags=["NNP", "NNPS", "VBP"])
    assert spans._cut_headline_verb(doc, 0, 3, "ORG") is None


# -- labels the model's own words contradict (a name's last word, a dateline, a credit) -------


@pytest.mark.parametrize(
    "text, written, name, label",
    [
        # an event's name the model tags a building
        (
            "Families lost homes in the Great Recession, and towns have not recovered from the "
            "Great Recession.",
            "Great Recession",
            "Great Recession",
            "EVENT",
        ),
        # a newspaper's name the model tags an event
        (
            "About forty people marched outside the Tulsa Evening News after it backed the mayor. "
            "The Tulsa Evening News said it stood by the editorial.",
            "Tulsa Evening News",
            "Tulsa Evening News",
            "ORG",
        ),
        # a wire's credit after a dateline, tagged a nationality
        (
            "BOSTON, March 3 (UPI) — A city council in Boston voted on Tuesday to rename a park.",
            "UPI",
            "UPI",
            "ORG",
        ),
        # a website a story is credited to, tagged a place
        ("Read the rest of the story at Newsreelia.", "Newsreelia", "Newsreelia", "ORG"),
        # a surname with its particle, tagged an organisation, after the person's full name
        (
            "The mayor, Michel De Vries, opened the bridge on Friday. De Vries said the work had "
            "taken four years.",
            "De Vries",
            "Michel De Vries",
            "PERSON",
        ),
        # a group's name run into its spokesman's, both tagged PERSON
        (
            "A spokesman for the Syrian fighting group Nour El Din El Zinki Yasser Al Youssef "
            "said the Kurdish-led forces attacked them.",
            "Nour El Din El Zinki",
            "Nour al-Din al-Zinki",  # the group's name in the alias table
            "ORG",
        ),
    ],
)
def test_labels_the_name_itself_contradicts(model, text, written, name, label):
    test_sentences(model, text, written, name, label)


def test_a_plan_or_an_act_is_no_entity(model):
    # tagged LAW, EVENT or ORG by the model: a law names no person, organisation or place
    text = (
        "The fate of the Clean Water Plan was thrown into doubt when judges in Denver blocked "
        "it. The Clean Water Plan is the main tool of the agency. President Obama's Clean "
        "Energy Plan has not kicked in."
    )
    mentions, _ = run(model, text)
    assert not [m for m in mentions if m.name.endswith("Plan")], mentions
    assert ("Denver", "GPE") in {(m.name, m.label) for m in mentions}


def test_relabel_by_kind_reads_the_last_word():
    from analysis.entities import spans

    vocab = Vocab()

    def relabel(words, label):
        doc = Doc(vocab, words=words)
        out = spans._relabel_by_kind(doc, 0, len(words), label)
        return None if out is None else [(s.text, s.label_) for s in out]

    assert relabel(["Qudsiyeen", "Square"], "EVENT") == [("Qudsiyeen Square", "FAC")]
    assert relabel(["Great", "Slowdown"], "FAC") is None  # no event's word
    assert relabel(["Great", "Depression"], "FAC") == [("Great Depression", "EVENT")]
    assert relabel(["Riverside", "Herald", "News"], "EVENT") == [("Riverside Herald News", "ORG")]
    assert relabel(["Human", "Rights", "Campaign"], "ORG") is None  # a body's name too
    assert relabel(["Open", "Skies", "Treaty"], "ORG") == [("Open Skies Treaty", "LAW")]
    # a town the gazetteer knows by the whole name; a place with a source word glued on
    assert relabel(["Newport", "News"], "GPE") is None
    assert relabel(["Eastern", "Ghouta", "Monitor"], "LOC") is None
    # an acronym tagged a nationality is an organisation's, unless it is a group's
    assert relabel(["UPI"], "NORP") == [("UPI", "ORG")]
    assert relabel(["Kurds"], "NORP") is None  # no acronym
    assert relabel(["IRAQI"], "NORP") is None  # a nationality in capitals
    assert relabel(["CROSSTALK"], "NORP") is None  # a transcript's word, no acronym


def test_a_headline_about_a_persons_supporters_names_no_one(model):
    # "Jenkins Supporters Cheer" (tagged PERSON): the people around him, no person's name
    mentions, _ = run(model, "Jenkins Supporters Cheer As Results Come In")
    assert not [m for m in mentions if m.label == "PERSON"], mentions
    # a surname that is a noun of the kind is a surname ("Backer")
    mentions, _ = run(model, "The lawyer Tom Backer filed the suit on Monday.")
    assert ("Tom Backer", "PERSON") in {(m.name, m.label) for m in mentions}


def test_a_kinship_word_for_someone_named_before_makes_no_relative(model):
    # "my dear sister Laura Pemberton" is a figure of speech for the woman the story is about,
    # named first on her own: her surname alone stays hers, not her husband's, named once
    text = (
        "Laura Pemberton faced hard questions in the debate on Saturday.\n\n"
        "Pemberton said she would cut taxes for working families.\n\n"
        'The union leader Ray Ortiz called her "my dear sister Laura Pemberton" at a rally on '
        "Sunday.\n\n"
        "Former mayor Tom Pemberton, her husband, did not speak."
    )
    mentions, _ = run(model, text)
    (alone,) = [m for m in mentions if m.text == "Pemberton"]
    assert alone.name == "Laura Pemberton"


def test_a_role_title_gives_no_sex_to_join_the_one_woman_named(model):
    # "President Kessler" is the "Mr. Kessler" the story goes on about, not the first lady,
    # the one bearer of the surname the article names in full
    text = (
        "President Kessler opened the summit in Geneva on Monday.\n\n"
        '"We are here to listen," Mr. Kessler said. Mr. Kessler then met the other leaders.\n\n'
        "The first lady, Anna Kessler, visited a school."
    )
    mentions, _ = run(model, text)
    names = [m.name for m in mentions if m.text == "Kessler"]
    assert names and "Anna Kessler" not in names, names


@pytest.mark.parametrize(
    "text, gone, kept",
    [
        # a title after a work's noun, in quotes, or before the noun: no place
        ("The studio said its comedy Weekend in Denver earned $4m.", "Denver", ()),
        ('Viewers loved the drama "Berlin Calling" last winter.', "Berlin", ()),
        ("The old Return to Paris film was shown twice.", "Paris", ()),
        ("Little Tokyo, her second novel, sold well.", "Tokyo", ()),
        # an apposition of another noun is no title's ("the show's home", "the city's film hub")
        ("Madrid, the show's home, was sold out.", None, ("Madrid",)),
        ("Mumbai, the country's film capital, grew fast.", None, ("Mumbai",)),
        # a place after the title, or a verb where a work's noun could stand, stays
        ("The film Weekend Away opened in Denver on Friday.", None, ("Denver",)),
        ("Leeds play Chelsea in London on Sunday.", None, ("London",)),
        # an event named after a city is in it; after a village, it is the event's name
        ("She spoke at the Cannes film festival.", None, ("Cannes",)),
        ("She spoke at the Sundance film festival.", "Sundance", ()),
    ],
)
def test_a_place_word_of_a_title_or_an_event_is_no_place(model, text, gone, kept):
    mentions, _ = run(model, text)
    places = {m.name for m in mentions if m.label in ("GPE", "LOC", "FAC")}
    assert gone not in places
    assert set(kept) <= places


# -- review items of the seventh session (invented sentences) --------------------------------


@pytest.mark.parametrize(
    "text, place, gone",
    [
        # a headline's place run into the next sentence's opening words, its stop lost
        (
            "Government troops shelled villages south of Aleppo Monitoring group figures "
            "showed twelve dead, the monitoring group said.",
            "Aleppo",
            "Aleppo Monitoring",
        ),
        (
            "Heavy fighting was reported near Homs Fierce clashes between the two sides lasted "
            "until dawn.",
            "Homs",
            "Homs Fierce",
        ),
        # an organisation's word opens the sentence: the text writes it in lower case too
        (
            "Hama Army units stormed the hills on Monday while other army units held the road.",
            "Hama",
            "Hama Army",
        ),
    ],
)
def test_a_place_run_into_the_next_sentence_is_the_place(model, text, place, gone):
    mentions, _ = run(model, text)
    names = {m.name for m in mentions}
    assert place in names and gone not in names, names


@pytest.mark.parametrize(
    "text, name",
    [
        ("Damascus University students marched on Monday.", "Damascus University"),
        ("Several Washington Post reporters asked questions.", "Washington Post"),
        ("Turner Broadcasting executives met on Monday.", "Turner Broadcasting"),  # a town
        ("Thousands of Central American migrants crossed the border.", "Central American"),
        # a common given name before a surname that is a common word: no headline's noun
        ("Rand Paul met the donor Paul Singer on Friday.", "Paul Singer"),
    ],
)
def test_a_place_name_before_a_noun_phrase_stays_whole(model, text, name):
    mentions, _ = run(model, text)
    assert name in {m.name for m in mentions}


def test_a_compass_words_surname_joins_its_bearer_but_the_west_stays_a_region(model):
    text = (
        "That is where author and liberal firebrand Cornel West took the debate. On Sunday, "
        "West landed a sharp dig at his rival."
    )
    mentions, _ = run(model, text)
    assert [(m.text, m.name, m.label) for m in mentions if m.text == "West"] == [
        ("West", "Cornel West", "PERSON")
    ]
    mentions, _ = run(
        model,
        "Author Ramon West spoke on Monday. West said the party had failed, and voters in "
        "the West agreed.",
    )
    assert ("West", "LOC") in {(m.name, m.label) for m in mentions}


@pytest.mark.parametrize(
    "text",
    [
        "Justice Department Ends Clinton Probe; Congress Steps In.\n\nHillary Clinton will not "
        "be charged, officials said on Friday.",
        "Senate Panel Widens Clinton Probe.\n\nLawmakers said Hillary Clinton would be asked "
        "to testify.",
    ],
)
def test_a_headline_noun_after_a_surname_is_no_part_of_the_name(model, text):
    mentions, _ = run(model, text)
    people = {m.name for m in mentions if m.label == "PERSON"}
    assert people == {"Hillary Clinton"}, people


def test_a_common_word_the_model_calls_a_place_is_none(model):
    mentions, _ = run(
        model, "Sideways has been voted the best film of the year by the critics' circle."
    )
    assert "Sideways" not in {m.name for m in mentions if m.label in ("GPE", "LOC")}
    # a region the lexicon knows stays one, and so does a state's abbreviation
    mentions, _ = run(model, "Ice is melting across the Arctic faster than expected.")
    assert ("Arctic", "LOC") in {(m.name, m.label) for m in mentions}
    mentions, _ = run(model, "The senator spoke to supporters in Everett, Wash., on Tuesday.")
    assert "Wash" in {m.name for m in mentions if m.label == "GPE"}


def test_a_festivals_place_word_casts_no_vote_on_the_place(model):
    # the village's festival is the event in its sentences; "in Aldeburgh" stays a place
    mentions, _ = run(
        model,
        "The film won at the Aldeburgh festival. The Aldeburgh festival takes place each June "
        "in Aldeburgh.",
    )
    labels = [m.label for m in mentions if m.name == "Aldeburgh"]
    assert labels == ["EVENT", "EVENT", "GPE"], labels


@pytest.mark.parametrize(
    "written", ["Nour El Din El Zinki", "Nour al-Din al-Zinki", "Nureddin al-Zanki"]
)
def test_an_armed_group_named_after_a_person_is_an_organisation(written):
    assert entities.alias(written) == ("Nour al-Din al-Zinki", "ORG")


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a role title names the bearer of the surname the article gives that role, not the
        # one it named first ("President Clinton" is the former president, not Hillary)
        (
            "Hillary Clinton held a rally in Toledo on Monday.\n\nFormer President Bill Clinton "
            "visited a factory in Dayton the same day.\n\nThe turnout was large.\n\n"
            '"We are going to win Ohio," President Clinton said at the factory.',
            "Bill Clinton",
        ),
        # the role in apposition after the full name ("…, the former governor of …")
        (
            "Former President George W. Bush opened a library in Dallas.\n\nJeb Bush, the "
            "former governor of Florida, attended with his wife.\n\nThe crowd was large.\n\n"
            '"My brother did a fine job," Gov. Bush said.',
            "Jeb Bush",
        ),
        # "first lady" is a role too, and a role names a relative the article introduced
        # by kinship (the surname alone would not)
        (
            "Former first lady Mary Hale wrote the book.\n\nHer husband, Tom Hale, left office "
            "in 2009.\n\nThe book sold well.\n\n"
            '"It is a fine book," President Hale said.',
            "Tom Hale",
        ),
        # no role given to anyone: the order of mentions decides, as before (the first named)
        (
            "Jeb Bush toured a school in Miami.\n\nGeorge W. Bush sent a letter.\n\n"
            "The pupils sang.\n\n"
            '"Schools matter," Mr. Bush said.',
            "Jeb Bush",
        ),
    ],
)
def test_a_role_title_names_the_bearer_given_that_role(model, text, speaker):
    from analysis import pipeline
    from analysis.records import Article

    (result,) = pipeline.analyse_batch(
        [Article(id="t", title="", text=text, n_words=len(text.split()))], model
    )
    assert [q.speaker for q in result.quotes] == [speaker], result.quotes
    last = max((m for m in result.mentions if m.label == "PERSON"), key=lambda m: m.start)
    assert last.name == speaker, result.mentions  # the titled surname itself, not only the quote


# -- families, bodies named after a word, chambers, persons the gazetteer has a city for ------


@pytest.mark.parametrize(
    "text, family",
    [
        (
            "Walter Hensley raised money in Denver on Monday. The Hensley family has given to "
            "the party for decades.",
            "Hensley family",
        ),
        (
            "Dan Hartley thanked the volunteers. Later the Hartleys said they were grateful.",
            "Hartley family",
        ),
        (
            "Tom Birch spoke to reporters. Critics said the Birches had too much influence.",
            "Birch family",
        ),
    ],
)
def test_a_family_is_its_own_group_not_its_member(model, text, family):
    # "the Bush family" had joined Jeb Bush and counted as his mention
    mentions, _ = run(model, text)
    fams = [m for m in mentions if m.name == family]
    assert fams and all(m.label == "NORP" for m in fams), mentions
    person = next(m.name for m in mentions if m.label == "PERSON")
    assert all(m.start != f.start for m in mentions if m.name == person for f in fams)


@pytest.mark.parametrize(
    "text",
    [
        # a plural joins a family only where the article names a person of that surname
        "Anna Reyes met voters. The Democrats said they would win.",
        # and never a people's, whoever bears the word ("Kazakhs" beside a Mr Kazakh)
        "Omar Kazakh spoke. The town is Horgos to the Chinese and Khorgos to the Kazakhs, a "
        "border post.",
        "Dan Hartley spoke. An Iraqi family fled to Turkey.",
    ],
)
def test_a_peoples_plural_is_no_family(model, text):
    mentions, _ = run(model, text)
    assert not [m for m in mentions if m.name.endswith(" family")], mentions


@pytest.mark.parametrize(
    "text, lone, joined_wrongly",
    [
        # a chamber's noun is no short form of a name that is not the chamber of a place
        ("The White House said the bill would fail. The House passed it on Friday.",
         "House", "White House"),
        ("The American Congress of Obstetricians met on Monday. Congress was in recess.",
         "Congress", "American Congress of Obstetricians"),
        # a body named after a word is not that word's short form
        ("The DNC Rules Committee met on Monday. The DNC said it was pleased.",
         "DNC", "DNC Rules Committee"),
        # a title's word before an organisation's noun is the body's own word
        ("The State Department declined to comment. The Justice Department said nothing.",
         "Justice Department", "State Department"),
    ],
)  # fmt: skip
def test_a_lone_word_joins_no_other_body(model, text, lone, joined_wrongly):
    mentions, _ = run(model, text)
    written = [m for m in mentions if m.text == lone]
    assert written and all(m.name != joined_wrongly for m in written), mentions


@pytest.mark.parametrize(
    "text, lone, full",
    [
        ("The U.S. Senate met on Monday. The Senate voted 52 to 48.", "Senate", "U.S. Senate"),
        ("The European Parliament met on Monday. The Parliament voted 400 to 212.",
         "Parliament", "European Parliament"),
        ("The Missouri House of Representatives met on Monday. The bill stalled in the House.",
         "House", "Missouri House of Representatives"),
    ],
)  # fmt: skip
def test_a_chambers_noun_joins_the_chamber_of_a_place(model, text, lone, full):
    # (the chamber's rule above keeps these joins)
    mentions, _ = run(model, text)
    assert {m.name for m in mentions if m.text == lone} == {full}, mentions


@pytest.mark.parametrize(
    "text, name",
    [
        # Būsh is a city in Egypt: a person before "administration", wherever the article is
        ("Officials of the Bush administration declined to testify in 2007.", "Bush"),
    ],
)
def test_a_persons_name_that_a_city_bears_stays_a_person(model, text, name):
    mentions, _ = run(model, text)
    assert {m.label for m in mentions if m.text == name} == {"PERSON"}, mentions


@pytest.mark.parametrize(
    "text, person",
    [
        # a dateline run into a name the model tagged an organisation whole
        ("The visit is not an endorsement.\n\nMADRID - Joe Manning met privately with the "
         "king on Saturday. He left on Sunday.", "Joe Manning"),
        # a short form the corpus-wide table knows, tagged an organisation
        ("By contrast, Trump has just 5 percent support among young voters.", "Donald Trump"),
    ],
)  # fmt: skip
def test_a_person_the_model_ran_into_other_words_or_tagged_a_body(model, text, person):
    mentions, _ = run(model, text)
    assert person in {m.name for m in mentions if m.label == "PERSON"}, mentions
    assert not [m for m in mentions if m.label == "ORG" and person.split()[-1] in m.name]


def test_a_super_pac_is_no_name():
    assert entities.is_junk("PAC") and entities.is_junk("Super PAC")
    assert not entities.is_junk("Priorities USA Action")


def test_a_title_before_a_first_name_alone_stays_with_it(model):
    # "Pope Leo" is known by title and name; the lone "Leo" later in the article is he too
    mentions, _ = run(
        model,
        "Pope Leo visited a school in Lisbon on Sunday. Leo told the children to be kind. "
        "Later Leo met the mayor.",
    )
    assert {m.name for m in mentions if m.label == "PERSON"} == {"Pope Leo"}
    # a full name's first name is no titled first name: "Leo Harmon" keeps his own name
    mentions, _ = run(model, "Leo Harmon won the race in Dublin. Harmon said it was hard.")
    assert {m.name for m in mentions if m.label == "PERSON"} == {"Leo Harmon"}


@pytest.mark.parametrize(
    "text, written, expected",
    [
        # a one-word name joined by "and" to a person is a person's, not the Egyptian town
        # or a place the model made of an unknown surname
        ("Bush and even Obama deported people too, Hale told the crowd.", "Bush", {"PERSON"}),
        (
            "Sen. Ted Cruz spoke first. Voters here are as keen on Cruz and Kasich as they are "
            "on the governor.",
            "Kasich",
            {"PERSON"},
        ),
        # two towns in a place phrase stay towns whatever the model tags them
        ("Ruiz campaigned in Carson and Compton on Monday.", "Compton", {"GPE"}),
        # the news agency, unless the article names a person of that surname
        (
            "The bank's shares fell 8 percent in an hour, according to Bloomberg.",
            "Bloomberg",
            {"ORG"},
        ),
        (
            "Former mayor Michael Bloomberg spoke first. Bloomberg said the city was safer "
            "than ever.",
            "Bloomberg",
            {"PERSON"},
        ),
        # an ordinary word the model cut off a name it did not tag is no entity of its own
        ("Nine states vote just before Super Tuesday, when the race may end.", "Super", set()),
        ("The campaign is heading into the Super Tuesday contests.", "Super", set()),
        # an acronym before a weekday is a name of its own ("aired on BET Tuesday night")
        ("The awards show aired on BET Tuesday night.", "BET", {"ORG"}),
        # a place of several words the model tags a person makes no person of the name
        # joined to it
        ("What can be done so that Orlando or Sandy Hook never happens again?", "Orlando", {"GPE"}),
        # an agency's name that opens a longer name does not split it into a person
        (
            "Investment doubled last year, Bloomberg New Energy Finance found.",
            "Bloomberg New Energy Finance",
            {"ORG"},
        ),
        # not a body or a people before a title: "House Speaker", "Republican Sen."
        ("House Speaker Dan Hale said no on Monday.", "House", {"ORG"}),
        ("Republican Sen. Ada Brooks said no on Monday.", "Republican", {"NORP"}),
        # nor are towns with their state, or counties
        ("Ohio's Hamilton, Lake and Stark counties went for the governor.", "Lake", {"LOC"}),
        # what a word is aimed at or felt about is no place: "at" and "in" there say no where
        (
            "Ruiz also took repeated swipes at fellow Republican hopeful Jeb Bush.",
            "Jeb Bush",
            {"PERSON"},
        ),
        ("The crowd was laughing at Jeb Bush by the end of the night.", "Jeb Bush", {"PERSON"}),
        ("Ruiz took a jab at Trump over his taxes.", "Trump", {"PERSON"}),
        (
            "Donors said their confidence in Marco Rubio was growing. Few lost confidence "
            "in Rubio after the debate.",
            "Rubio",
            {"PERSON"},
        ),
        # a person against a person is a race, no fixture of clubs (Clinton is a town in Iowa)
        (
            "Polls show the race tightening, with Clinton vs. Trump still close in Ohio.",
            "Trump",
            {"PERSON"},
        ),
        ("Many voters dread a contest of Clinton versus Trump.", "Trump", {"PERSON"}),
        # a name before its bearer's camp, aide or delegate is a person's (not a body's, a
        # place's or a refugee camp's)
        (
            "Like the pollsters, the Sanders camp has identified the economy as the weak point.",
            "Sanders",
            {"PERSON"},
        ),
        ("A Ruvalcaba aide told reporters the rally was cancelled.", "Ruvalcaba", {"PERSON"}),
        ("A Senate aide said the bill was dead.", "Senate", {"ORG"}),
        ("An Iowa delegate said the vote was close.", "Iowa", {"GPE"}),
        ("Refugees fled to the Rukban camp last year.", "Rukban", {"GPE"}),
        (
            "“The attack on the Abedin camp was nothing short of cruel,” the envoy said.",
            "Abedin",
            {"ORG"},
        ),
        # a role in apposition makes a person of a one-word name the model calls a place
        ("Kasich, the Ohio governor, declined to comment.", "Kasich", {"PERSON"}),
        ("Wexford, a campaign spokesman, said the rally would go ahead.", "Wexford", {"PERSON"}),
        ("The mayor praised Cardiff, a lovely city.", "Cardiff", {"GPE"}),
        # so does a speech verb, for a name the gazetteer knows as no place (a town is one)
        ("“We expected more from the debate,” said Griffin.", "Griffin", {"PERSON"}),
        ("Moscow said the talks had failed.", "Moscow", {"GPE"}),
        # nor a common word ("the West", a region)
        ("The West has warned Moscow against new strikes.", "West", {"LOC"}),
        # only a one-word name is made a person so (a city's nickname speaks for it)
        ("Queen City said the rally would go ahead.", "Queen City", {"GPE"}),
        # but a place after "in" stays one
        ("Donors met in Carson on Friday to hear the plan.", "Carson", {"GPE"}),
    ],
    ids=[
        "and-a-person",
        "and-a-person-unknown-place",
        "towns-in-a-place-phrase",
        "agency",
        "agency-name-a-person-bears",
        "day-name-word",
        "day-name-word-in-a-phrase",
        "acronym-before-a-weekday",
        "place-beside-a-place-tagged-person",
        "agency-opening-a-longer-name",
        "title-after-a-body",
        "title-after-a-people",
        "counties",
        "aimed-at-a-person",
        "laughing-at-a-person",
        "a-jab-at-a-known-person",
        "confidence-in-a-person",
        "person-versus-person",
        "person-versus-person-model-org",
        "a-persons-camp",
        "a-persons-aide",
        "a-bodys-aide",
        "a-states-delegate",
        "a-refugee-camp",
        "a-camp-that-does-not-act",
        "role-in-apposition",
        "role-in-apposition-town-name",
        "place-in-apposition",
        "speaker-town-name",
        "speaker-capital",
        "speaker-common-word",
        "speaker-nickname-of-several-words",
        "in-a-place",
    ],
)
def test_names_the_model_takes_for_other_things(model, text, written, expected):
    mentions, _ = run(model, text)
    found = {m.label for m in mentions if m.text == written}
    assert found == expected, [(m.text, m.name, m.label) for m in mentions]


def test_a_name_beside_a_firm_the_model_calls_a_person_stays_no_person(model):
    # "Pfizer and Allergan": the model's person is no given name, known person or surname of a
    # full name in the article, so the name beside it is not made a person
    mentions, _ = run(
        model, "Pfizer's deal with Allergan would close in May, Pfizer and Allergan said."
    )
    assert "PERSON" not in {m.label for m in mentions if m.text == "Allergan"}


def test_an_editors_brackets_are_no_part_of_the_name(model):
    # "[Hillary] Clinton" in a quotation: the name is the words without the editor's brackets
    mentions, _ = run(model, "“It lets [Hillary] Clinton win the state,” Hale said.")
    assert {m.name for m in mentions if "Clinton" in m.text} == {"Hillary Clinton"}


@pytest.mark.parametrize(
    "text, name",
    [
        # capitalised common nouns compounded on the place the model tags alone
        ("Figures were released on Tuesday. Colleges Scotland, which represents the "
         "principals, claimed that the rise was small.", "Colleges Scotland"),
        # ... or tagged whole a place or a person
        ("Farmers Ireland said the harvest was poor.", "Farmers Ireland"),
        # a noun whose "for" the place is the object of
        ("Schools for Kenya said the new classrooms were finished.", "Schools for Kenya"),
        # "Friends" opens "<Noun> of the <place>" (lexicon/org_of_heads.txt)
        ("Friends of the Earth said the road plan was flawed.", "Friends of the Earth"),
    ],
)  # fmt: skip
def test_an_organisation_named_with_a_place_is_the_organisation(model, text, name):
    # the model tags only the place: the body's name is whole, an organisation, and no place
    mentions, _ = run(model, text)
    found = [(m.name, m.label) for m in mentions]
    assert (name, "ORG") in found, found
    place = name.split()[-1]
    assert (place, "GPE") not in found and (place, "LOC") not in found, found


@pytest.mark.parametrize(
    "text, place",
    [
        # a title before "for": the place stays a place, no body "Minister for Europe"
        ("The Minister for Europe, Alan Brooke, flew to Oslo on Monday.", "Europe"),
        # a headline's run of capitals is no name
        ("Bad News for Norway as the Talks Stall", "Norway"),
        # a sentence's opening noun before "for" that does not speak
        ("Support for Norway has waned since the vote.", "Norway"),
        # a singular word before a place is a part or a kind of it, or a person's name
        ("Flooding hit Upstate New York and Lake Erie overnight.", "Erie"),
        ("Flooding hit Upstate New York and Lake Erie overnight.", "New York"),
        ("The campaign hired Bay Buchanan last spring.", "Buchanan"),
        # a place after a verb or a preposition
        ("Aid reached Malawi on Friday.", "Malawi"),
    ],
)  # fmt: skip
def test_a_place_after_a_title_or_a_headline_stays_a_place(model, text, place):
    mentions, _ = run(model, text)
    assert not [m for m in mentions if m.label == "ORG" and place in m.name], [
        (m.name, m.label) for m in mentions
    ]


@pytest.mark.parametrize(
    "spec, expected",
    [
        # an acronym the text spells out in brackets names a thing or a body, no person
        pytest.param(
            "the/O engine/O ,/O Vera/B-ORG (/O Visual/O Engine/O for/O Rendering/O "
            "Art/O )/O ,/O was/O sold/O ./O Vera/B-PERSON ran/O on/O phones/O",
            [("Vera", "Vera", "ORG"), ("Vera", "Vera", "ORG")],
            id="acronym-spelt-out",
        ),
        # a name ending in an acronym the article tags alone: a body named after that one
        pytest.param(
            "the/O KDP/B-ORG youth/O wing/O ,/O Jonge/B-PERSON KDP/I-PERSON ,/O marched/O ./O "
            "The/O KDP/B-ORG lost/O",
            [("KDP", "KDP", "ORG"), ("Jonge KDP", "Jonge KDP", "ORG"), ("KDP", "KDP", "ORG")],
            id="name-ending-in-an-organisations-acronym",
        ),
        # a person's name followed by other words in brackets stays the person's
        pytest.param(
            "Vera/B-PERSON Holm/I-PERSON (/O Labour/O )/O spoke/O ./O Vera/B-PERSON left/O",
            [("Vera Holm", "Vera Holm", "PERSON"), ("Vera", "Vera Holm", "PERSON")],
            id="person-with-a-bracket",
        ),
    ],
)
def test_names_no_person_bears(spec, expected):
    assert _names(spec) == expected


@pytest.mark.parametrize(
    "spec, expected",
    [
        # a given name alone the model tags a body or a place is the one person it opens
        pytest.param(
            "Ingrid/B-PERSON Okafor/I-PERSON won ./O Aides/O said/O Ingrid/B-ORG will/O run/O",
            [("Ingrid Okafor", "Ingrid Okafor", "PERSON"), ("Ingrid", "Ingrid Okafor", "PERSON")],
            id="given-name-tagged-org-joins-its-person",
        ),
        # (whose surname a small town bears too: Rubio, Venezuela)
        pytest.param(
            "Ingrid/B-PERSON Rubio/I-PERSON won/O ./O Aides/O said/O Ingrid/B-ORG will/O run/O",
            [("Ingrid Rubio", "Ingrid Rubio", "PERSON"), ("Ingrid", "Ingrid Rubio", "PERSON")],
            id="given-name-of-a-surname-that-is-a-town",
        ),
        # ... not a town of that name, nor a name two people's open with
        pytest.param(
            "Orlando/B-PERSON Reyes/I-PERSON visited/O Orlando/B-GPE",
            [("Orlando Reyes", "Orlando Reyes", "PERSON"), ("Orlando", "Orlando", "GPE")],
            id="town-named-like-the-person",
        ),
        # a people's name is no first name ("Swiss" beside the "Swiss People's Party")
        pytest.param(
            "Swiss/B-PERSON Farmers/I-PERSON Party/I-PERSON won/O ./O Swiss/B-NORP voters/O",
            [
                ("Swiss Farmers Party", "Swiss Farmers Party", "PERSON"),
                ("Swiss", "Swiss", "NORP"),
            ],
            id="people-is-no-first-name",
        ),
        pytest.param(
            "Ingrid/B-PERSON Okafor/I-PERSON met/O Ingrid/B-PERSON Brandt/I-PERSON ./O "
            "Ingrid/B-ORG won/O",
            [
                ("Ingrid Okafor", "Ingrid Okafor", "PERSON"),
                ("Ingrid Brandt", "Ingrid Brandt", "PERSON"),
                ("Ingrid", "Ingrid", "ORG"),
            ],
            id="given-name-of-two-people",
        ),
        # an acronym written with full stops is its plain spelling, and no place
        pytest.param(
            "the/O F.B.I./B-GPE and/O the/O FBI/B-ORG and/O the/O N.Q.R./B-LOC",
            [("F.B.I.", "FBI", "ORG"), ("FBI", "FBI", "ORG"), ("N.Q.R.", "NQR", "ORG")],
            id="dotted-acronym",
        ),
        # a known dotted name keeps its table's reading
        pytest.param(
            "flew/O to/O the/O U.S.A./B-GPE",
            [("U.S.A.", "United States", "GPE")],
            id="dotted-country",
        ),
    ],
)
def test_names_the_us_stores_showed_wrong(spec, expected):
    assert _names(spec) == expected


def test_a_programme_split_over_its_and_is_one_name(model):
    # the model tags "Fox" and "Friends" apart (a person and a body): the programme's name
    # is whole (lexicon/org_aliases.tsv)
    mentions, _ = run(model, "On Tuesday the candidate appeared on Fox and Friends again.")
    assert [(m.name, m.label) for m in mentions] == [("Fox & Friends", "ORG")]


def test_a_relative_the_model_calls_a_place_is_a_person(model):
    # "His wife, Florence": introduced by a kinship noun, a person, whatever town or body the
    # model takes the name for (tagged ORG here; Florence is also a city the gazetteer knows)
    mentions, _ = run(model, "Mayor Ray Holt came later. His wife, Florence, stayed home.")
    assert ("Florence", "PERSON") in [(m.name, m.label) for m in mentions]


@pytest.mark.parametrize(
    "text, places, absent",
    [
        # two places joined by a hyphen, tagged one name: the two places
        ("Trucks on the Latakia-Aleppo highway were stopped.", {"Latakia", "Aleppo"},
         "Latakia-Aleppo"),
        ("The United States-Canada border is long.", {"United States", "Canada"},
         "United States-Canada"),
        # written as one token: no name rather than a body of that name
        ("Agents patrol the U.S.-Mexico border every night.", set(), "U.S.-Mexico"),
        # a place the gazetteer knows whole stays whole
        ("The minister flew to Guinea-Bissau on Monday.", {"Guinea-Bissau"}, None),
        # two towns with no route after them are one county's name
        ("Democrats won most of Miami-Dade and lost the rest.", {"Miami-Dade"}, "Dade"),
    ],
)  # fmt: skip
def test_places_joined_by_a_hyphen_are_the_places(model, text, places, absent):
    mentions, _ = run(model, text)
    found = {m.name for m in mentions if m.label in ("GPE", "LOC")}
    assert places <= found, [(m.name, m.label) for m in mentions]
    assert absent is None or absent not in {m.name for m in mentions}


@pytest.mark.parametrize(
    "text, name",
    [
        # a nationality noun before a name is no word of it (lexicon/nationality_nouns.txt)
        ("He held off the challenge of Welshman Rory Blane over the final lap.", "Rory Blane"),
        ("Briton Anna Marsh finished third in the final.", "Anna Marsh"),
        # alone, it is a description of someone ("the Briton"), no name
        ("Anna Marsh led early, but the Briton faded in the last lap.", "Anna Marsh"),
        # before a surname alone, it is a given name ("Scot" is one)
        ("The group's director, Scot Ross, said the ads were false.", "Scot Ross"),
    ],
)
def test_a_nationality_noun_before_a_name_is_no_part_of_it(model, text, name):
    mentions, _ = run(model, text)
    assert [(m.name, m.label) for m in mentions if m.label == "PERSON"] == [(name, "PERSON")]


@pytest.mark.parametrize(
    "text, names",
    [
        # a trade written as a title is no word of the name (lexicon/occupation_nouns.txt)
        ("Rapper Eminem topped the chart again this week.", ["Eminem"]),
        ("Striker Tomas Varga scored twice for the visitors.", ["Tomas Varga"]),
        ("Comedian Lena Hartley is to make her first film.", ["Lena Hartley"]),
        # a name never spans a dash with spaces around it
        ("The referee is Jonah Kettle - England and the touch judge Owen Pryce - Wales.",
         ["Jonah Kettle", "Owen Pryce"]),
        ("It was produced by the makers of Jerry Springer - The Opera last year.",
         ["Jerry Springer"]),
        # a hyphen inside a name is the name's
        ("Daniel Day-Lewis won again.", ["Daniel Day-Lewis"]),
    ],
)  # fmt: skip
def test_a_trade_or_a_spaced_dash_is_no_part_of_a_persons_name(model, text, names):
    mentions, _ = run(model, text)
    assert [m.name for m in mentions if m.label == "PERSON"] == names


@pytest.mark.parametrize(
    "text, names",
    [
        # a party's short name written as a label is no word of the name (lexicon/party_words)
        ("Tory Owen Marsh said the plan was a mess.", ["Owen Marsh"]),
        ("Lib Dem Nora Quayle raised it with ministers.", ["Nora Quayle"]),
        ("Lib Dem MP Nora Quayle raised it with ministers.", ["Nora Quayle"]),
        # a surname that is a party's word stays the surname
        ("Damian Green said the plan was a mess.", ["Damian Green"]),
    ],
)
def test_a_party_word_is_no_part_of_a_persons_name(model, text, names):
    mentions, _ = run(model, text)
    assert [m.name for m in mentions if m.label == "PERSON"] == names


@pytest.mark.parametrize(
    "spec, expected",
    [
        # a lone word beside two bodies holding it is the one the article names far more
        pytest.param(
            "Orbis/B-ORG News/I-ORG said/O ./O Orbis/B-ORG News/I-ORG said/O ./O "
            "Orbis/B-ORG News/I-ORG said/O ./O Orbis/B-ORG Sports/I-ORG ran/O ./O "
            "Orbis/B-ORG said/O",
            [("Orbis News", "Orbis News", "ORG")] * 3
            + [("Orbis Sports", "Orbis Sports", "ORG"), ("Orbis", "Orbis News", "ORG")],
            id="word-of-the-body-named-most",
        ),
        pytest.param(
            "Orbis/B-ORG News/I-ORG said/O ./O Orbis/B-ORG Sports/I-ORG ran/O ./O "
            "Orbis/B-ORG said/O",
            [
                ("Orbis News", "Orbis News", "ORG"),
                ("Orbis Sports", "Orbis Sports", "ORG"),
                ("Orbis", "Orbis", "ORG"),
            ],
            id="word-of-two-bodies-named-alike",
        ),
    ],
)
def test_a_lone_word_of_several_bodies(spec, expected):
    assert _names(spec) == expected


def test_a_common_word_after_a_kinship_noun_is_no_relative(model):
    # "her husband, Navy SEAL Tom Hale": "Navy" is no person for the kinship noun before it
    mentions, _ = run(model, "Jane Hale, whose husband, Navy SEAL Tom Hale, died, spoke out.")
    assert ("Navy", "PERSON") not in [(m.name, m.label) for m in mentions]


def test_a_religion_is_a_group_not_an_organisation(model):
    # a religion's name is NORP, as its people's are (lexicon/norp_groups.tsv)
    mentions, _ = run(model, "Critics said the proposed ban singled out Islam unfairly.")
    assert [(m.name, m.label) for m in mentions if m.text == "Islam"] == [("Islam", "NORP")]


def test_a_possessive_after_a_kinship_noun_opens_a_new_clause(model):
    # "to mourn his mother, Chad's ambassador said": the country's ambassador speaks; no
    # relative named Chad
    mentions, _ = run(
        model, "He flew home to mourn the death of his mother, Chad's ambassador said on Friday."
    )
    assert ("Chad", "GPE") in [(m.name, m.label) for m in mentions]


def test_people_joined_by_a_hyphen_are_no_places(model):
    # "Obama-Clinton" (tagged PERSON): no town Clinton, however the gazetteer knows one
    mentions, _ = run(model, 'Trump cited "Obama-Clinton" policies, which he said had harmed jobs.')
    assert not [m for m in mentions if m.label in ("GPE", "LOC")], mentions


def test_a_religion_inside_an_organisations_english_name_is_the_organisation(model):
    # "Jaish al-Islam (Army of Islam)": the model tags "Islam" alone; "Army of" before it makes
    # the alias (lexicon/org_aliases.tsv), no religion
    mentions, _ = run(
        model, "The clashes pitted the rebel faction Jaish al-Islam (Army of Islam) against rivals."
    )
    assert {(m.name, m.label) for m in mentions} == {("Jaish al-Islam", "ORG")}, mentions


def test_a_papers_name_that_is_a_nationality_noun_stays(model):
    # "The Scotsman" (a paper) is no description of someone, as "the Briton" is
    mentions, _ = run(model, "Mr Law, political editor of The Scotsman, said the vote was close.")
    assert "Scotsman" in {m.name for m in mentions}, mentions


@pytest.mark.parametrize(
    "spec, expected",
    [
        # a person-tagged name ending in "Tower" is a building, unless a given name opens it
        pytest.param(
            "donors/O met/O at/O Brandt/B-PERSON Tower/I-PERSON",
            [("Brandt Tower", "Brandt Tower", "FAC")],
            id="building",
        ),
        pytest.param(
            "Senator/O John/B-PERSON Tower/I-PERSON spoke/O",
            [("John Tower", "John Tower", "PERSON")],
            id="person-named-tower",
        ),
    ],
)
def test_a_tower_is_a_building_unless_a_given_name_opens_it(spec, expected):
    assert _names(spec) == expected


def test_remembered_lookups_answer_as_the_first_time(monkeypatch):
    # gazetteer keeps each name's folded key, alias / is_junk / is_sentence_adverb their
    # answers per name: asked again (and after the memo starts over) they answer the same.
    names = ["Deir ez-Zor", "Deir az-Zour", "Britain", "Daesh", "Meanwhilee", "Sources", "Øresund"]
    first = [
        (gazetteer.place(n), gazetteer.country(n), entities.alias(n), entities.is_junk(n))
        for n in names
    ]
    assert [gazetteer.folded(n) for n in names] == [gazetteer.fold(n) for n in names]
    monkeypatch.setattr(gazetteer, "MAX_KEYS", 1)  # every new name empties the memo
    again = [
        (gazetteer.place(n), gazetteer.country(n), entities.alias(n), entities.is_junk(n))
        for n in names
    ]
    assert again == first
    assert first[2][2] is not None and first[4][3] and first[5][3]  # a country; two junk names
