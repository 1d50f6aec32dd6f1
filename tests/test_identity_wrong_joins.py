"""The identity pass's refusals (analysis.identity): names that are spelled alike but name other
places, organisations or people stay apart, while the spellings of one name still join; and a
text whose UTF-8 was read as cp1252 is mended when it is cleaned, so no canonical is mojibake."""

from __future__ import annotations

import pytest

from analysis import identity
from analysis.clean import clean


# -- places -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "a, b",
    [
        # a town's own name that GeoNames also gives another place as an alternate name
        ("Salem", "Jerusalem"),
        ("Monterrey", "Monterey"),
        ("San Pedro Sula", "San Pedro"),
        ("Midway", "Midland"),
        # a common English word, or a short word a letter from a city's name
        ("Vine", "Vienna"),
        ("Lion", "Lyon"),
        ("Rino", "Reno"),
        # English counties a letter or two apart
        ("Broward County", "Brevard County"),
        ("Clarke County", "Clark County"),
        # a word's first letter changed is another village, not a transliteration
        ("Kafr Naha", "Kafr Laha"),
        # a company named with a compass word and a common word, not a part of a town
        ("Western Union", "Union"),
    ],
)
def test_places_spelled_alike_stay_apart(a, b):
    assert identity.place_joins({a: 3, b: 5}) == {}
    assert identity.place_joins({a: 5, b: 3}) == {}


@pytest.mark.parametrize(
    "alias, canonical",
    [
        ("Idleb", "Idlib"),
        ("Deir Ezzor", "Deir ez-Zor"),
        ("Hamah", "Hama"),
        ("Deraa", "Daraa"),
        ("Douma", "Duma"),
        ("Maarat al-Numan", "Maarat al-Nuaman"),
        ("al-Karak", "Karak"),
        ("Khan Sheikhun", "Khan Sheikhoun"),
    ],
)
def test_transliterations_of_one_place_still_join(alias, canonical):
    assert identity.place_joins({alias: 1, canonical: 4}) == {alias: canonical}


def test_a_place_in_mojibake_is_never_the_canonical():
    joins = identity.place_joins({"GuantÃ¡namo Bay": 4, "Guantánamo Bay": 1})
    assert joins == {"GuantÃ¡namo Bay": "Guantánamo Bay"}


# -- organisations ------------------------------------------------------------------------------
def test_a_compass_word_tells_two_organisations_apart():
    names = {"University of South Carolina": 1, "University of North Carolina": 3}
    assert identity.org_joins(names) == {}
    # a letter's typo still joins
    names = {"University of Nortth Carolina": 1, "University of North Carolina": 3}
    assert identity.org_joins(names) == {
        "University of Nortth Carolina": "University of North Carolina"
    }


def test_the_spelling_longer_names_attest_is_the_canonical_of_a_typo():
    names = {
        "Council of Foreign Tariffs": 2,  # invented: the misspelling in one article more
        "Council on Foreign Tariffs": 1,
        "Ruritanian Council on Foreign Tariffs": 1,
        "Freedonian Council on Foreign Tariffs": 1,
    }
    assert identity.org_joins(names)["Council of Foreign Tariffs"] == "Council on Foreign Tariffs"


def _rows(*articles: tuple[str, list[str]]) -> list[tuple[str, str, str]]:
    """(article, name, label) rows of each article's names, the label left to the caller."""
    return [(f"a{i}", name, "") for i, (_, names) in enumerate(articles) for name in names]


# Invented stories: two naming a British body, two a US body of nearly the same name, each with
# the places that tell its country, and one naming a British body's misspelling.
_ORG_STORIES = [
    ("uk", ["Ministry for Rural Schools"]),
    ("uk", ["Ministry for Rural Schools"]),
    ("us", ["Ministry of Rural Schools"]),
    ("us", ["Ministry of Rural Schools"]),
    ("uk", ["Ministry for Rurall Schools"]),
]
_PLACE_STORIES = {
    "uk": ["London", "Leeds", "Ohio"],
    "us": ["Texas", "Ohio", "Boston"],
}


def _places():
    return [
        (f"a{i}", place, "GPE")
        for i, (country, _) in enumerate(_ORG_STORIES)
        for place in _PLACE_STORIES[country]
    ]


def test_an_organisations_home_is_the_country_its_stories_are_about():
    homes = identity.org_homes(_rows(*_ORG_STORIES), _places())
    assert homes["Ministry for Rural Schools"] == "GB"
    assert homes["Ministry of Rural Schools"] == "US"
    # one story tells no home: too few to say
    assert "Ministry for Rurall Schools" not in homes


@pytest.mark.parametrize(
    "homes, joined",
    [
        # two countries' bodies: "of" / "for" is no typo between them
        ({"Ministry for Rural Schools": "GB", "Ministry of Rural Schools": "US"}, False),
        # one country's (or no country known): the misnamed body joins as before
        ({"Ministry for Rural Schools": "GB", "Ministry of Rural Schools": "GB"}, True),
        ({}, True),
    ],
)
def test_bodies_of_two_countries_do_not_join_on_near_identical_names(homes, joined):
    names = {"Ministry for Rural Schools": 5, "Ministry of Rural Schools": 2}
    joins = identity.org_joins(names, homes=homes)
    assert joins == ({"Ministry of Rural Schools": "Ministry for Rural Schools"} if joined else {})


def test_a_typo_of_a_body_with_no_home_of_its_own_still_joins():
    homes = identity.org_homes(_rows(*_ORG_STORIES), _places())
    names = {"Ministry for Rural Schools": 2, "Ministry for Rurall Schools": 1}
    assert identity.org_joins(names, homes=homes) == {
        "Ministry for Rurall Schools": "Ministry for Rural Schools"
    }


@pytest.mark.parametrize(
    "a, b, apart",
    [
        ("monitor", "al-Monitor", True),  # a common noun, not the site without its article
        ("Ash Carter", "Carter", True),  # a given name, not the article ash-
        ("Al Gore", "Gore", True),
        ("Al Watan", "al-Watan", False),  # two ways to write one article
        ("Al-Zahraa", "Zahraa", False),
        ("ISIS", "isis", False),  # case only
    ],
)
def test_an_article_or_a_lower_case_word_apart(a, b, apart):
    assert identity.article_apart(a, b) is apart
    assert identity.article_apart(b, a) is apart


# -- people -------------------------------------------------------------------------------------
def test_a_surname_joins_no_headline_or_name_of_common_words():
    corpus = [
        {"Sandy Hook"},
        {"Sandy Hook"},
        {"Sandy Hook"},
        {"Hook"},
        {"Marco Rubio Answers To Reporters"},
        {"Marco Rubio Answers To Reporters"},
        {"Reporters"},
        {"Donald Trump"},
        {"Donald Trump"},
        {"Trump"},
        {"Mike Pence"},
        {"Mike Pence"},
        {"Pence"},
    ]
    joins = identity.person_joins(corpus)
    assert "Hook" not in joins
    assert "Reporters" not in joins
    # a common word is still a surname beside a given name
    assert joins["Trump"] == "Donald Trump"
    assert joins["Pence"] == "Mike Pence"


def test_a_person_in_mojibake_is_never_the_canonical():
    corpus = [{"JuliÃ¡n Castro"}] * 3 + [{"Julián Castro"}]
    assert identity.person_joins(corpus) == {"JuliÃ¡n Castro": "Julián Castro"}
    corpus = [{"Ramón Pérez Díaz"}, {"Ramon Perez Diaz"}]  # a tie: the accents win
    assert identity.person_joins(corpus) == {"Ramon Perez Diaz": "Ramón Pérez Díaz"}


# -- mojibake mended at cleaning ----------------------------------------------------------------
@pytest.mark.parametrize(
    "raw, text",
    [
        ("The mayor, JosÃ© MartÃ\xadnez, spoke.", "The mayor, José Martínez, spoke."),
        ("A visit by Enrique PeÃ±a Nieto.", "A visit by Enrique Peña Nieto."),
        # correct text is left alone
        ("Señor Núñez said “no” — twice.", "Señor Núñez said “no” — twice."),
    ],
)
def test_utf8_read_as_cp1252_is_mended_when_cleaned(raw, text):
    assert clean(raw).text == text


def test_a_surname_still_joins_a_full_name_with_a_short_given_name():
    # "al" is a word of the tagger's lexicon, but "Al Gore" is a person's name
    corpus = [["Al Gore", "Gore"], ["Gore"], ["Al Gore"]]
    assert identity.person_joins(corpus) == {"Gore": "Al Gore"}


# -- names the identity pass once joined wrongly --------------------------------------------------
def test_a_feature_word_off_leaves_no_compass_or_common_word():
    # "Hudson River" may be "Hudson", but "North River" is no "North", "Red River" no "Red"
    assert identity.place_joins({"North River": 1, "North": 6}) == {}
    assert identity.place_joins({"Red River": 1, "Red": 6}) == {}
    assert identity.place_joins({"Orontes River": 1, "Orontes": 6}) == {"Orontes River": "Orontes"}


def test_a_changed_number_is_no_typo():
    # debris of a poll line the model tagged an organisation: another number, another name
    assert identity.org_joins({"Smith 52 percent to": 1, "Smith 53 percent to": 2}) == {}
    assert identity.place_joins({"Route 101 Junction": 1, "Route 107 Junction": 2}) == {}


def test_two_peoples_names_a_letter_apart_stay_two():
    labels = {"Latino-Canadian": "NORP", "Latin Canadian": "NORP"}
    joins = identity.org_joins({"Latino-Canadian": 1, "Latin Canadian": 3}, labels=labels)
    assert joins == {}
    # an organisation's typo still joins
    joins = identity.org_joins({"Coalition for Clean Rivers": 9, "Coalition for Clean Rivres": 1})
    assert joins == {"Coalition for Clean Rivres": "Coalition for Clean Rivers"}


def test_a_neighbourhood_of_two_cities_does_not_join_across_them():
    # "Shaar" of the Homs reports and "al-Shaar" of the Aleppo reports: two neighbourhoods
    rows = [(f"h{i}", "Shaar", "GPE") for i in range(3)] + [
        (f"h{i}", "Homs", "GPE") for i in range(3)
    ]
    rows += [(f"a{i}", "al-Shaar", "GPE") for i in range(4)]
    rows += [(f"a{i}", "Aleppo", "GPE") for i in range(4)]
    cities = identity.home_cities(rows)
    assert cities == {"Shaar": "Homs", "al-Shaar": "Aleppo"}
    articles = {"Shaar": 3, "al-Shaar": 4, "Homs": 3, "Aleppo": 4}
    assert identity.place_joins(articles, cities) == {}
    assert identity.place_joins(articles) == {"Shaar": "al-Shaar"}
    # reports that name both cities alike place the name in neither: its spellings join
    rows += [(f"a{i}", "Homs", "GPE") for i in range(4)]
    assert identity.place_joins(articles, identity.home_cities(rows)) == {"Shaar": "al-Shaar"}


# -- names of one shape that are others' in a corpus of several kinds of news -------------------
@pytest.mark.parametrize(
    "plain, barrelled",
    [
        ("Dan Lewis", "Daniel Day-Lewis"),  # a report's author is not the actor
        ("Clive Smith", "Clive Stafford-Smith"),  # a shop's manager is not the lawyer
    ],
)
def test_a_double_barrelled_surname_is_no_middle_name(plain, barrelled):
    """The first half of a hyphenated surname is no middle name to drop, whichever of the two
    names the corpus holds more often."""
    for a, b in ((plain, barrelled), (barrelled, plain)):
        assert identity.person_joins([{a}, {b}, {b}, {b}]) == {}


def test_middle_names_and_arabic_articles_still_join():
    # an Arabic name's hyphenated half is written apart elsewhere: still one person
    assert identity.person_joins([{"Rami Abdul-Rahman"}, {"Rami Abdel Rahman"}] * 2) == {
        "Rami Abdul-Rahman": "Rami Abdel Rahman"
    }
    assert identity.person_joins([{"Talal Z. al-Barazi"}, {"Talal al-Barazi"}] * 2) == {
        "Talal Z. al-Barazi": "Talal al-Barazi"
    }
    assert identity.double_barrelled("Daniel Day-Lewis")
    assert not identity.double_barrelled("Talal al-Barazi")
    assert not identity.double_barrelled("Jean-Claude Juncker")


def test_a_lone_surname_of_a_named_person_joins_no_organisation():
    """A football report's "said Ferdinand" (tagged ORG) is Rio Ferdinand's, not the band
    Franz Ferdinand's, when the corpus names the player; with no such person it joins."""
    labels = {"Franz Ferdinand": "ORG", "Ferdinand": "ORG"}
    names = {"Ferdinand": 3, "Franz Ferdinand": 30}
    assert identity.org_joins(names, labels=labels) == {"Ferdinand": "Franz Ferdinand"}
    # the player as a person, or as a speaker the model tagged a place
    assert identity.org_joins(names, people={"Rio Ferdinand"}, labels=labels) == {}
    player = {**names, "Rio Ferdinand": 4}
    assert identity.org_joins(player, labels={**labels, "Rio Ferdinand": "GPE"}) == {}
    # a lone word of an organisation still joins it ("Observatory", "Aston")
    assert identity.org_joins({"Aston": 3, "Aston Villa": 30}, labels=labels) == {
        "Aston": "Aston Villa"
    }


def test_a_name_with_an_arabic_article_joins_no_place_outside_the_arab_world():
    """Folding drops the article: "al-Baath" (an Aleppo district) had the key of Bath, England;
    its own transliterations still join, and a gazetteer namesake abroad that the articles
    place in a Syrian city joins too ("Ferdous", the gazetteer's town in Iran)."""
    assert identity.place_joins({"al-Baath": 4, "Bath": 7}) == {}
    assert identity.place_joins({"al-Rastan": 3, "Rastan": 30}) == {"al-Rastan": "Rastan"}
    assert identity.place_joins({"al-Fardous": 1, "Ferdous": 3}, {"Ferdous": "Aleppo"}) == {
        "al-Fardous": "Ferdous"
    }
