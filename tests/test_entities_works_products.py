"""Products, firms and works the small model tags as people or organisations, and events named as
bodies (analysis.entities: labelling, naming, spans; analysis.identity for the corpus's short
forms). Model-free rules on hand-built mentions first, then invented sentences through the real
model; negatives included."""

from __future__ import annotations

import pytest

from analysis import identity
from analysis.entities import labelling
from tests.mentions import mention
from tests.test_entities_firms_acronyms import named

# -- a lone person tag outvoted by organisation tags ----------------------------------------


def _group(name: str, labels: str, **flags) -> list:
    """Mentions of ``name``, one per model label in the space-separated ``labels``; those
    tagged PERSON are people by the tag (as naming._name_people makes them)."""
    return [mention(name, label, person=label == "PERSON", **flags) for label in labels.split()]


@pytest.mark.parametrize(
    "name, labels, flags, label",
    [
        # tagged a body twice, a person once, and written as a thing's ("the Quillbox service")
        ("Quillbox", "ORG ORG PERSON", {"after_the": True}, "ORG"),
        ("Telvana Digital", "ORG GPE ORG PERSON", {"product_cue": True}, "ORG"),
        # as often a person as a body: the model's person stands
        ("Quillbox", "ORG PERSON", {"after_the": True}, "PERSON"),
        # a given name first is a person's, whatever the votes
        ("Michael Grady", "ORG ORG PERSON", {"after_the": True}, "PERSON"),
        # nothing written of a thing ("superstar rapper Jay-Z", tagged ORG 3 times in 4), or
        # sport, or a person's cue: the model tags players and singers bodies too
        ("Quillbox", "ORG ORG PERSON", {}, "PERSON"),
        ("Quillbox", "ORG ORG PERSON", {"after_the": True, "sport_named": True}, "PERSON"),
        ("Quillbox", "ORG ORG PERSON", {"after_the": True, "person_cue": True}, "PERSON"),
    ],
)
def test_a_lone_person_tag_outvoted_by_organisation_tags_is_a_body(name, labels, flags, label):
    assert labelling._decide_label(name, _group(name, labels, **flags)) == label


def test_a_titled_person_tag_is_not_outvoted():
    # "Mr Quillbox said" is someone, however often the model calls the word a body
    group = _group("Quillbox", "ORG ORG", after_the=True)
    group.append(mention("Quillbox", "PERSON", person=True, title="mr"))
    assert labelling._decide_label("Quillbox", group) == "PERSON"


# -- through the model ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model():
    from analysis import nlp

    return nlp.load()


# -- a trade fair is an event, and so is its acronym -------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Visitors flocked to the Frankfurt Motor Show on Tuesday.", "Frankfurt Motor Show"),
        ("Hundreds of firms will exhibit at the Dundee Garden Expo.", "Dundee Garden Expo"),
    ],
)
def test_a_trade_fair_is_an_event(model, text, name):
    assert (name, "EVENT") in named(model, text)[name]


def test_an_acronym_is_the_kind_of_thing_it_spells(model):
    text = (
        "At the Consumer Electronics Show in Las Vegas, firms showed new phones. The scheme "
        "was also launched at CES, where Intel showed chips."
    )
    assert named(model, text)["CES"] == {("Consumer Electronics Show", "EVENT")}


def test_a_body_spelt_out_keeps_its_acronym_a_body(model):
    text = "General Motors said sales fell. GM blamed the strong dollar."
    assert named(model, text)["GM"] == {("General Motors", "ORG")}


# -- a firm's short form that its full one-word name starts with (the corpus pass) --------------


def _prefix_joins(*articles: set[str], person: str = "") -> dict[str, str]:
    rows = [(f"a{i}", name, None) for i, names in enumerate(articles) for name in names]
    labels = {name: "ORG" for _, name, _ in rows}
    labels.update({person: "PERSON"} if person else {})
    return identity.prefix_joins(rows, labels)


def test_a_short_form_joins_the_one_longer_name_it_starts_beside_it():
    joins = _prefix_joins({"Volgansk", "Volganskpetrol"}, {"Volgansk", "Rosneft"}, {"Volgansk"})
    assert joins == {"Volgansk": "Volganskpetrol"}


def test_a_misspelling_of_the_longer_name_leaves_the_join_to_the_commoner_spelling():
    joins = _prefix_joins(
        {"Volgansk", "Volganskpetrol"}, {"Volganskpetrol"}, {"Volgansk", "Volganskpetrul"}
    )
    assert joins == {"Volgansk": "Volganskpetrol"}


@pytest.mark.parametrize(
    "articles",
    [
        # never named together: no evidence the two are one
        ({"Volgansk"}, {"Volganskpetrol"}),
        # two longer names start so: which one is unknown
        ({"Volgansk", "Volganskpetrol"}, {"Volgansk", "Volganskgasprom"}),
        # too short a form, or too little more ("Nokia" / "Nokias")
        ({"Tula", "Tulanefteprom"},),
        ({"Nokia", "Nokias"},),
        # an English word is a name of its own ("Speech" beside "SpeechWorks")
        ({"Rocket", "Rocketlabs"},),
    ],
)
def test_no_prefix_join_without_one_longer_name_beside_it(articles):
    assert _prefix_joins(*articles) == {}


def test_a_person_starts_no_body():
    assert _prefix_joins({"Morgan", "Morganstone"}, person="Morganstone") == {}


# -- a firm by its goods ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, label",
    [
        # the maker of goods: games, chips, handsets (tagged PERSON or a place)
        ("The football games developed by Sega will be withdrawn next year.", "Sega", "ORG"),
        ("Handsets made by Telvix were recalled on Monday.", "Telvix", "ORG"),
        ("The chips were sold by Quorvant last year.", "Quorvant", "ORG"),
        # a firm's profits
        ("Analysts said Telvix profits would fall.", "Telvix", "ORG"),
        # a person makes films, and a name with a given name is a person's
        ("A film made by Leigh won the prize.", "Leigh", "PERSON"),
        ("The games developed by Will Wright sold millions.", "Will Wright", "PERSON"),
    ],
)
def test_a_name_that_makes_goods_or_profits_is_a_firm(model, text, name, label):
    assert (name, label) in named(model, text)[name]


# -- a film's title tagged an organisation ------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The Aviator has taken $75m at the box office so far. Critics said The Aviator "
            "leads the shortlist.",
            "Aviator",
        ),
        (
            "Critics agree that The Ferryman is a gorgeous movie. The Ferryman leads the race.",
            "Ferryman",
        ),
    ],
)
def test_a_title_its_sentence_calls_a_work_is_no_entity(model, text, name):
    assert name not in named(model, text)


def test_a_band_the_text_calls_one_stays_a_body(model):
    text = "Rock band The Streets have taken the prize. The Streets are touring."
    assert named(model, text)["Streets"] == {("Streets", "ORG")}


# -- a name listed among bodies -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("Nokia, Motorola and Telvix will cut prices.", "Telvix"),
        ("The BBC, ITV and Merrow said they would bid.", "Merrow"),
    ],
)
def test_a_name_listed_among_bodies_is_a_body(model, text, name):
    assert named(model, text)[name] == {(name, "ORG")}


@pytest.mark.parametrize(
    "text, name",
    [
        # a plural noun of people opens the list
        ("He cited classical authors like Cicero, Virgil and Tacitus.", "Cicero"),
        # a team sheet's line
        ("Subs not used: Hislop, Quashie, Cisse, Portsmouth and Arsenal.", "Quashie"),
    ],
)
def test_a_list_of_people_or_a_team_sheet_makes_no_body(model, text, name):
    assert all(label != "ORG" for _, label in named(model, text).get(name, set()))


def test_a_person_named_in_full_stays_a_person_among_bodies(model):
    text = "Hezbollah, the Revolutionary Guards and Assad are blamed. Bashar al-Assad denied it."
    assert named(model, text)["Assad"] == {("Bashar al-Assad", "PERSON")}
