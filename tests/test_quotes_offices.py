"""An office noun ("the chancellor", "the Wrexham Town chairman") speaks as the person the
article gives that office, not as whoever is named nearest.

A person named as the next sentence's subject holds the office only if the article gives it
to them or introduces them there; someone it named before without that office is not its
holder. A description naming a body or a town ("the Wrexham Town chairman") is the one whose
title the article gave in a sentence naming that body ("Wrexham Town … Chairman Steve
Hollis"). Each case is an invented passage, the words of one quote and its speaker.
"""

from __future__ import annotations

import pytest

from analysis import entities, quotes
from analysis import nlp as nlp_module


@pytest.fixture(scope="session")
def model():
    return nlp_module.load()


def run(model, text: str):
    doc = model(text)
    mentions, _ = entities.extract(doc, article_id="t")
    return quotes.extract(doc, article_id="t", mentions=mentions)


def speakers(model, text: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in run(model, text)]


CASES = [
    pytest.param(
        "Tom Ashworth has told party members that nothing will block their bid for a fourth "
        "term.\n\nMr Ashworth was speaking to MPs amid new rumours of a feud with Peter "
        "Grayling. A new memoir says the prime minister broke a promise to Mr Grayling. The "
        "chancellor has said he is focused on winning the vote. Mr Ashworth told the meeting "
        "on Monday that the party was united.",
        "focused on winning the vote",
        "Peter Grayling",
        id="office-not-the-next-subject-named-before-without-it",
    ),
    pytest.param(
        "Ian Parks's future as Wrexham Town manager is in doubt after he refused a pay-off.\n\n"
        "Wrexham Town have won only once in ten games but Chairman Steve Hollis says he cannot "
        'afford to sack him. Hollis said: "I offered a settlement so he could leave with '
        'dignity." But the Wrexham Town chairman added: "He then withdrew his agreement, '
        'which was disappointing." Parks was appointed last year.',
        "withdrew his agreement",
        "Steve Hollis",
        id="club-chairman-is-the-one-titled-beside-the-club",
    ),
    # --- the holder introduced right after the description is still its holder ---------------
    pytest.param(
        "The mine reopened on Friday. The provincial governor said the road would be repaired "
        "within a week. Governor Sami Haddad told reporters that two villages had been cut off.",
        "the road would be repaired",
        "Sami Haddad",
        id="holder-titled-in-the-next-sentence",
    ),
    pytest.param(
        "Flooding closed the valley road on Friday. The minister said the repairs would take "
        "months. Transport Minister Ruth Kendal told reporters the budget had been doubled.",
        "the repairs would take months",
        "Ruth Kendal",
        id="holder-first-named-in-the-next-sentence",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_an_office_speaks_as_its_holder(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker
