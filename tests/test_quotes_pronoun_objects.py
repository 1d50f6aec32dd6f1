"""A pronoun is not the person its own kind of pronoun acted on: in "when she lost to Elena
Marsh. Only last year she insisted …" the second "she" carries on the first, not Marsh. Invented
passages, the words of one quote and its speaker."""

from __future__ import annotations

import pytest

from analysis import nlp as nlp_module
from tests.quote_runs import run


@pytest.fixture(scope="session")
def model():
    return nlp_module.load()


CASES = [
    pytest.param(
        'Anna Volkova makes her return to tennis after two years out of the game. "I always '
        'want to win," said Volkova. The former world number one was 22 when she retired, and '
        "her last event was in Stuttgart in October 2002, when she lost to Elena Marsh. Only "
        "last year she insisted that a comeback was unlikely.",
        "a comeback was unlikely",
        "Anna Volkova",
        id="she-is-not-whom-she-lost-to",
    ),
    pytest.param(
        "Tom Hale opened the new bridge on Monday. Later he thanked Ian Webb for the design. "
        "He said the town had waited too long.",
        "the town had waited too long",
        "Tom Hale",
        id="he-is-not-whom-he-thanked",
    ),
    pytest.param(
        "Ian Webb designed the new bridge. He said the town had waited too long.",
        "the town had waited too long",
        "Ian Webb",
        id="a-subject-named-is-still-he",
    ),
]


@pytest.mark.parametrize("text, words, speaker", CASES)
def test_a_pronoun_is_not_whom_its_kind_acted_on(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert [q.speaker for q in found] == [speaker], [(q.speaker, q.text) for q in run(model, text)]


def test_a_name_in_a_verbless_fragment_ends_the_search(model):
    """A fragment with no verb ("The new coach, Tom Hale.") has a noun for its root: the walk up
    to the name's verb stops there (a Token is a new object each time it is read)."""
    text = "The new coach, Tom Hale. He said the team was ready."
    assert [q.speaker for q in run(model, text)] in (["Tom Hale"], [None])
