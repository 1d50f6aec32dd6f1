"""A company's or a body's name is no place because a gazetteer has a namesake; a slogan's word
is no mention; a place's nickname counts as the place (analysis.entities: labelling, spans,
rules).

Model-free rules on hand-built mentions and plain strings first, then invented news sentences
through the real model.
"""

from __future__ import annotations

import pytest

from analysis import entities
from analysis.entities import labelling, naming, spans
from tests.mentions import mention

# -- model-free rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, flags, label",
    [
        # GeoNames lists "Google" as an alternate name of Topeka: the model's company stands,
        # "in" or not ("a stake in Google")
        ("Google", {}, "ORG"),
        ("Google", {"locative": True}, "ORG"),
        # the text calls it a place ("the town of Google"): the gazetteer's place
        ("Google", {"place_noun": True}, "GPE"),
        # an alternate name that spells its place ("Raqqa" for Ar Raqqah) is the place
        ("Raqqa", {}, "GPE"),
        # a village's own name is a place's, whatever city lists it as an alternate name
        ("Palmyra", {}, "GPE"),
    ],
)
def test_an_organisation_known_to_the_gazetteer_only_by_another_places_alternate_name(
    name, flags, label
):
    group = [mention(name, "ORG", **flags), mention(name, "ORG")]
    assert labelling._decide_label(name, group) == label


@pytest.mark.parametrize(
    "name, flags, label",
    [
        ("NRA", {"after_the": True}, "ORG"),  # "took money from the NRA"
        ("NRA", {"after_the": True, "speaker": True}, "ORG"),  # "the NRA said"
        ("NRA", {}, "GPE"),  # no "the": no evidence either way, the model's label
        ("NYC", {"after_the": True, "locative": True}, "GPE"),  # "in the NYC suburbs"
        ("LA", {"after_the": True}, "GPE"),  # two letters: a postal code's or a city's
        ("UAE", {"after_the": True}, "GPE"),  # a country the gazetteer knows
        ("DPRK", {"after_the": True}, "GPE"),  # and one lexicon/country_aliases gives it
        ("PRC", {"after_the": True}, "GPE"),
    ],
)
def test_an_acronym_after_the_that_names_no_known_place_is_a_body(name, flags, label):
    assert labelling._decide_label(name, [mention(name, "GPE", **flags)]) == label


@pytest.mark.parametrize(
    "name, labels, label",
    [
        # "BT has …" tagged a place, "BT said …" an organisation: no place of that name
        ("BT", ["GPE", "GPE", "ORG"], "ORG"),
        ("BT", ["GPE", "GPE"], "GPE"),  # no clue either way: the model's label
        # a place the gazetteer knows keeps its label whatever one mention says
        ("UAE", ["GPE", "GPE", "ORG"], "GPE"),
    ],
)
def test_an_unknown_acronym_the_model_also_tags_an_organisation_is_one(name, labels, label):
    group = [mention(name, model_label) for model_label in labels]
    assert labelling._decide_label(name, group) == label


@pytest.mark.parametrize(
    "text, bare",
    [
        # a text that writes its possessives: "Lions" is a plural, not Lion's (Lyon's)
        ("The Lions flew out on Monday, and Ward's squad is fit.", "Lions"),
        # a text that lost every apostrophe: Syria's
        ("Syrias army shelled the town, and its jets struck again.", "Syria"),
    ],
)
def test_a_lost_possessive_only_where_the_text_lost_its_apostrophes(text, bare):
    word = text.split()[1] if text.startswith("The") else text.split()[0]
    made = mention(word, "ORG")
    naming._restore_possessives([made], text)
    assert made.bare == bare


@pytest.mark.parametrize(
    "nickname, place",
    [
        ("Granite State", ("New Hampshire", "GPE")),
        ("the Hawkeye State", None),  # alias() is given the name without its article
        ("Hawkeye State", ("Iowa", "GPE")),
        ("lone star state", ("Texas", "GPE")),  # any case
        ("Windy City", ("Chicago", "GPE")),
        ("Empire State", None),  # the building's name as much as New York's: left alone
        # leagues and a club the model tags as a person or a place; the two leagues apart
        ("Premiership", ("Premiership", "ORG")),
        ("Zurich Premiership", ("Zurich Premiership", "ORG")),
        ("Everton", ("Everton", "ORG")),
    ],
)
def test_a_places_nickname_and_a_leagues_name_are_aliases(nickname, place):
    assert entities.alias(nickname) == place


@pytest.mark.parametrize(
    "text, slogan",
    [
        ("The students chanted “Feel the Bern!” at the rally.", "Feel the Bern"),
        ("a sea of Make America Great Again hats", "Make America Great Again"),
        ("told him to spread the Bern online", "spread the Bern"),
        ("He vowed to put America first in every deal.", None),  # a phrase, no slogan
        ("She moved to Bern last year.", None),  # the city
        ("The Feel the Bernstein tour", None),  # whole words only
    ],
)
def test_slogan_spans(text, slogan):
    found = [text[lo:hi] for lo, hi in spans._slogan_spans(text)]
    assert found == ([slogan] if slogan else [])


# -- invented sentences through the model --------------------------------------------------


@pytest.fixture(scope="module")
def model():
    from analysis import nlp

    return nlp.load()


def _labels(model, text: str) -> set[tuple[str, str]]:
    mentions, _ = entities.extract(model(text), article_id="t")
    return {(m.name, m.label) for m in mentions}


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # a company the gazetteer knows as another city's alternate name
        (
            "The fund is now one of the largest investors in Google, its filing showed.",
            ("Google", "ORG"),
            ("Google", "GPE"),
        ),
        # an acronym after "the", tagged a place by the model
        (
            "The senator has taken thousands of dollars from the NRA over the years.",
            ("NRA", "ORG"),
            ("NRA", "GPE"),
        ),
        (
            "Gun-control groups said the NRA had blocked the bill, and the NRA denied it.",
            ("NRA", "ORG"),
            ("NRA", "GPE"),
        ),
        # a team's plural in a text that writes its possessives is no lost possessive of a
        # city's alternate name ("Lion", Lyon)
        (
            "The Lions squad flies to New Zealand in May, and Woodward's captain is fit again.",
            ("Lions", "ORG"),
            ("Lion", "ORG"),
        ),
        # an acronym the model tags a place once and an organisation once
        (
            "BT has cut its broadband prices. BT said the move would help customers.",
            ("BT", "ORG"),
            ("BT", "GPE"),
        ),
        # a state's nickname is the state
        (
            "Trump won easily in the Granite State on Tuesday, beating his rival by 20 points.",
            ("New Hampshire", "GPE"),
            ("Granite State", "ORG"),
        ),
        (
            "Polls in the Sunshine State show the two candidates level before the primary.",
            ("Florida", "GPE"),
            ("Sunshine State", "GPE"),
        ),
        # a league the model tags as a person
        (
            "The Reds are currently fifth in the Premiership table.",
            ("Premiership", "ORG"),
            ("Premiership", "PERSON"),
        ),
        # a tournament named by its trophy or its kind, tagged a building: an event
        (
            "He kicked two drop goals to help keep alive their Grand Slam hopes.",
            ("Grand Slam", "EVENT"),
            ("Grand Slam", "FAC"),
        ),
        (
            "She reached the final of the Kooyong Classic in Melbourne.",
            ("Kooyong Classic", "EVENT"),
            ("Kooyong Classic", "FAC"),
        ),
        # the places themselves stay places
        ("The referendum was held in Bern on Sunday, officials said.", ("Bern", "GPE"), None),
        ("Flights to NYC were cancelled because of the storm.", ("NYC", "LOC"), None),
        ("Protests spread across the UAE on Friday.", ("United Arab Emirates", "GPE"), None),
    ],
)
def test_names_with_a_namesake_place(model, text, expected, absent):
    found = _labels(model, text)
    assert expected in found, found
    assert absent is None or absent not in found, found


@pytest.mark.parametrize(
    "text, absent",
    [
        ("His ''Feel the Bern'' surge faded in the spring.", "Bern"),
        ('The crowd roared a chant of "Feel the Bern!" as the senator took the stage.', "Bern"),
        (
            'She said the task was not to "make America great again" but to help families.',
            "United States",
        ),
    ],
)
def test_a_slogans_word_is_no_mention(model, text, absent):
    assert absent not in {name for name, _ in _labels(model, text)}


def test_a_headline_verb_ends_no_event(model):
    # "Slam" after a person-tagged surname is the headline's verb, not a tournament's name
    found = _labels(model, "Bolton and Varga Slam ‘Hawks For Hillary’ Group")
    assert not [name for name, label in found if label == "EVENT"], found


@pytest.mark.parametrize(
    "text",
    [
        "Buyers could swap pirated copies of Windows XP for licensed ones at no cost.",
        "The worm switches off the firewall on Windows XP machines.",
    ],
)
def test_a_software_version_is_no_place(model, text):
    assert not {name for name, _ in _labels(model, text)} & {"Windows XP", "Windows"}


def test_a_country_outside_a_slogan_is_still_counted(model):
    found = _labels(model, "America must lead again, she told the crowd in Denver.")
    assert ("United States", "GPE") in found
