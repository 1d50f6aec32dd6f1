"""A speaker's proper name the model tagged nothing is still the speaker when the words before it
say what it names: a role or a trade ("chief executive Lord Thwaite", "Referee Mark Poll"), a kind
of body ("anti-virus firm F-Secure"), a body's possessive before a given name ("The Fabian
Society's Sundar Katwala"); and a surname that is a month's name is no date after a given name
("Theresa May"). Each case is an invented sentence (the names may be real), the words of one
quote and its speaker.
"""

from __future__ import annotations

import pytest

from analysis import nlp as nlp_module
from tests.quote_runs import run, speakers


@pytest.fixture(scope="session")
def model():
    return nlp_module.load()


CASES = [
    # (each name here the model tags nothing in this sentence)
    pytest.param(
        "Oil firm chief executive Lord Thwaite said the results were strong.",
        "the results were strong",
        "Thwaite",  # (the title dropped, as for any speaker)
        id="a-role-before-a-titled-name",
    ),
    pytest.param(
        "Referee Mark Poll said he applied the laws of the game.",
        "he applied the laws",
        "Mark Poll",
        id="a-trade-before-a-name",
    ),
    pytest.param(
        "Anti-virus firm F-Secure said it had found a new worm on Monday.",
        "it had found a new worm",
        "F-Secure",
        id="a-kind-of-body-before-a-name",
    ),
    pytest.param(
        "The Fabian Society's Sundar Katwala said the change was long overdue.",
        "the change was long overdue",
        "Sundar Katwala",
        id="a-bodys-possessive-before-a-given-name",
    ),
    pytest.param(
        "Theresa May told the BBC the plans were inadequate.",
        "the plans were inadequate",
        "Theresa May",
        id="a-month-after-a-given-name-is-a-surname",
    ),
    # what only looks like such a name stays unnamed
    pytest.param(
        "Syrian state TV said the army had retaken the town.",
        "the army had retaken",
        None,
        id="a-noun-that-describes-nothing",
    ),
    pytest.param(
        "In May officials said the plans would fail.",
        "the plans would fail",
        None,
        id="a-month-alone-is-a-date",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_an_untagged_name_the_words_before_describe_is_the_speaker(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker, speakers(model, text)
