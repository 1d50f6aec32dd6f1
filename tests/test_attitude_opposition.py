"""The word that puts an attitude's target on the opposed side (analysis/attitude_opposition.py):
"the fight against X", "strikes on X positions", "accused X of", "recaptured Y from X" — and
the sentences where nothing does."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from analysis import attitude_opposition, attitude_parse


def _governor(nlp, text: str, name: str) -> str | None:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    return attitude_opposition.governor(attitude_parse.Parse(doc), span.root.i)


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("The coalition praised the successful fight against Islamic State.", "State", "against"),
        ("Sanctions against Russia were welcomed by Angela Merkel.", "Russia", "against"),
        # A conjunct stands where its first conjunct does.
        ("Washington welcomed the war on al-Qaeda and the Nusra Front.", "al-Qaeda", "war"),
        ("Washington welcomed the war on al-Qaeda and the Nusra Front.", "Nusra Front", "war"),
        ("Prosecutors accused Paul Manafort of fraud.", "Paul Manafort", "accuse"),
        ("The Nusra Front was defeated in Aleppo.", "Nusra Front", "defeat"),
        # The owner of the thing attacked: one step up from the name.
        ("Jets carried out raids on Islamic State positions.", "State", "raid"),
    ],
)
def test_the_opposing_word_is_found(nlp, text, name, expected):
    assert _governor(nlp, text, name) == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("The campaign for Hillary Clinton raised money.", "Hillary Clinton"),
        ("A report on Donald Trump was published on Monday.", "Donald Trump"),  # "on": a topic
        ("Angela Merkel met Vladimir Putin in Berlin.", "Vladimir Putin"),
        ("The army recaptured Palmyra from Islamic State.", "Palmyra"),  # what is retaken
        # The side helped, not the one it is helped against.
        ("Russia supports Bashar al-Assad against the rebels.", "Bashar al-Assad"),
        ("Angela Merkel praised the strikes.", "Angela Merkel"),  # the doer, not the target
        ("Soldiers killed Jamal Khashoggi in Istanbul.", "Jamal Khashoggi"),  # a victim
    ],
)
def test_no_opposing_word(nlp, text, name):
    assert _governor(nlp, text, name) is None


def test_hand_built_from_of_a_verb_of_taking_back():
    # Model-free: "Troops retook Palmyra from Daesh ." — the "from" of "retake" opposes Daesh.
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Troops", "retook", "Palmyra", "from", "Daesh", "."],
        heads=[1, 1, 1, 1, 3, 1],
        deps=["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        pos=["NOUN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
        lemmas=["troop", "retake", "Palmyra", "from", "Daesh", "."],
    )
    parse = attitude_parse.Parse(doc)
    assert attitude_opposition.governor(parse, 4) == "retake"
    assert attitude_opposition.governor(parse, 2) is None
    assert attitude_opposition.governor(parse, 0) is None
