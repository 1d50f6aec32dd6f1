"""Junk never becomes an entity, speaker or claimant: page furniture, pronouns, generic nouns and
platforms (analysis.names), as the extractors apply it."""

from __future__ import annotations

import pytest

from analysis import entities, figures, names, quotes
from analysis.entities import labelling, spans
from tests.mentions import mention


@pytest.mark.parametrize(
    "name",
    [
        "GMT",
        "Episode",
        "Showcase Category News",
        "PM Summit",
        "UPDATED Regime",
        "Date",
        "Tags Syria Damascus Rebels Douma Ghouta Airstrikes",
        "Topics Aleppo Russia",
        "source",
        "Sources",
        "he",
        "He",
        "They",
        "officials",
        "Officials",
        "Witnesses",
        "%",
        "2016",
        "Yesterday",
    ],
)
def test_furniture_pronouns_and_generic_nouns_are_no_names(name):
    assert names.is_furniture(name)
    assert not names.is_actor_name(name)
    assert entities.is_junk(name)


@pytest.mark.parametrize(
    "phrase, is_actor",
    [
        ("air strikes", False),
        ("the airline", False),
        ("a source", False),
        ("pro-regime forces", True),
        ("state media", True),
        ("a monitoring group", True),
        ("police", True),
        ("the government", True),
        ("ministry", False),
        ("the defence ministry", True),
    ],
)
def test_a_lower_case_claimant_must_be_a_group_or_institution(phrase, is_actor):
    assert names.is_actor_name(phrase) is is_actor


@pytest.mark.parametrize(
    "name",
    [
        "White House",
        "Home Office",
        "BBC News",
        "Fox News",
        "Human Rights Watch",
        "Syrian Observatory for Human Rights",
        "US",
        "UN",
        "WHO",
        "IS",
        "Theresa May",
        "Rami Abdel Rahman",
        "al-Bab",
        "Free Syrian Army",
        "Government Forces",
    ],
)
def test_names_that_look_generic_in_part_stay(name):
    assert not names.is_furniture(name)
    assert names.is_actor_name(name)


@pytest.mark.parametrize("platform", ["Twitter", "Facebook", "YouTube", "Telegram"])
def test_a_platform_is_an_entity_but_never_a_speaker_or_claimant(platform):
    assert not entities.is_junk(platform)
    assert not names.is_actor_name(platform)
    assert names.actor_or_none(platform) is None


def test_actor_or_none_keeps_names_and_drops_the_rest():
    assert names.actor_or_none("John Kerry") == "John Kerry"
    assert names.actor_or_none("he") is None
    assert names.actor_or_none(None) is None
    assert names.actor_or_none("  ") is None


def test_a_place_the_text_calls_a_place_is_not_made_a_person_by_one_mention():
    # "the district of Qadam", "a clinic in Qadam" (tagged GPE) and one "Qadam" tagged PERSON
    # (a name the naming step then took for a person's)
    group = [mention("Qadam", "GPE"), mention("Qadam", "GPE"), mention("Qadam", "PERSON")]
    group[0].locative = group[1].locative = True
    group[2].person = True
    assert labelling._decide_label("Qadam", group) == "GPE"
    # without the text's word for it, the person stays
    plain = [mention("Qadam", "GPE"), mention("Qadam", "PERSON")]
    plain[1].person = True
    assert labelling._decide_label("Qadam", plain) == "PERSON"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Shelling hit the Qadam refugee camp on Monday.", True),
        ("Trucks queued at the Qadam border crossing.", True),
        ("Aides in the Qadam camp were upbeat.", False),  # a politician's camp
    ],
)
def test_a_refugee_camp_or_a_border_crossing_names_a_place(nlp, text, expected):
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == "Qadam")
    assert spans._next_to_place_noun(doc, i, i + 1) is expected


@pytest.mark.parametrize(
    "name, expected",
    [("White Helmets", "ORG"), ("Revolutionary Guards", "ORG"), ("Golan Heights", "FAC")],
)
def test_a_facility_named_by_a_plural_is_a_group(name, expected):
    assert labelling._decide_label(name, [mention(name, "FAC")]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He said 30 civilians were killed in Idlib on Monday, according to sources.",
        "A source said 45 people were killed in the attack on Douma.",
        "Officials said on Twitter that 12 soldiers died near Hama.",
    ],
)
def test_no_pronoun_generic_noun_or_platform_speaks_or_claims(nlp, text):
    doc = nlp(text)
    mentions, _ = entities.extract(doc, article_id="a")
    found = quotes.extract(doc, article_id="a", mentions=mentions)
    numbers = figures.extract(doc, article_id="a", quotes=found, mentions=mentions)
    assert found, "the sentence reports speech"
    assert all(q.speaker is None for q in found)
    assert all(f.claimed_by is None for f in numbers)


def test_a_named_claimant_is_kept(nlp):
    doc = nlp("The White Helmets, a civil defence group, said 20 people were killed in Idlib.")
    mentions, ents = entities.extract(doc, article_id="a")
    found = quotes.extract(doc, article_id="a", mentions=mentions)
    numbers = figures.extract(doc, article_id="a", quotes=found, mentions=mentions)
    assert ("White Helmets", "ORG") in {(e.name, e.label) for e in ents}
    assert [q.speaker for q in found] == ["White Helmets"]
    assert [f.claimed_by for f in numbers] == ["White Helmets"]


@pytest.mark.parametrize(
    "name, locative, person_words, expected",
    [
        # "Mandolin and Elizabeth" (a film), "Lockheed Martin": a given name tagged a town
        ("Elizabeth", False, (), None),
        ("Martin", False, (), None),
        # "a strike in Elizabeth": the text puts things there
        ("Elizabeth", True, (), "GPE"),
        # a state is no given name here ("Arlington, Virginia")
        ("Virginia", False, (), "GPE"),
        # a word of a fuller person's name in the article ("Jill Shannon … Shannon helped")
        ("Shannon", False, ("Shannon",), None),
        # a place not in either list stays a place
        ("Aleppo", False, ("Ali", "Hassan"), "GPE"),
    ],
)
def test_a_given_name_tagged_a_place_is_no_place_unless_the_text_says_so(
    name, locative, person_words, expected
):
    group = [mention(name, "GPE")]
    group[0].locative = locative
    assert labelling._decide_label(name, group, (), frozenset(person_words)) == expected


@pytest.mark.parametrize("locative, expected", [(False, "PERSON"), (True, "GPE")])
def test_a_given_name_the_model_tags_a_person_stays_one_without_a_place_word(locative, expected):
    # "films such as Elizabeth" (tagged PERSON) had been made Elizabeth, New Jersey, by the
    # gazetteer overriding the model; "a strike in Elizabeth" is the town
    group = [mention("Elizabeth", "PERSON")]
    group[0].locative = locative
    assert labelling._decide_label("Elizabeth", group) == expected


def test_a_given_name_in_a_firms_name_is_no_town(nlp):
    text = (
        "The contract went to Lockheed Martin, which beat two European rivals. "
        "Elizabeth, a film about the queen, won two prizes."
    )
    labels = {m.name: m.label for m in entities.extract(nlp(text), article_id="t")[0]}
    assert labels.get("Martin") not in ("GPE", "LOC")
    assert labels.get("Elizabeth") not in ("GPE", "LOC")


def test_remembered_name_cleaning_answers_as_the_first_time():
    # clean_name, _trim_bounds and is_furniture are remembered per text: asked again, with and
    # without ``phrase``, they give the first answers.
    texts = [
        "the Ostholm Lines (",
        "a spokesman",
        "An Giang",
        "Marta Lindqvist’s",
        "Sources",
        "GMT",
    ]
    clean_name, is_furniture = names.clean_name, names.is_furniture
    first = [(clean_name(t), clean_name(t, phrase=True), is_furniture(t)) for t in texts]
    again = [(clean_name(t), clean_name(t, phrase=True), is_furniture(t)) for t in texts]
    assert again == first
    assert first[0][0] == "Ostholm Lines" and first[1][1] == "spokesman"
    assert first[2][0] == "An Giang" and first[3][0] == "Marta Lindqvist"
    assert first[4][2] and first[5][2] and not first[0][2]
