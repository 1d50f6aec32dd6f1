"""Firms the small model tags as people, acronyms an article uses without defining them, and a
player a manager puts in a position: spans._firms_listed (a plural noun of firms before a list
of names), naming._spelt_acronyms (an acronym is the one name of those initials the article
writes out), spans._deployed ("play Kaka forward" is no fixture against a club). Invented
sentences, through the real model; negatives included."""

from __future__ import annotations

import pytest

from analysis import entities


@pytest.fixture(scope="module")
def model():
    from analysis import nlp

    return nlp.load()


def named(model, text: str) -> dict[str, set[tuple[str, str]]]:
    """What each mention's text became: text → {(name, label)}."""
    mentions, _ = entities.extract(model(text), article_id="t")
    out: dict[str, set[tuple[str, str]]] = {}
    for m in mentions:
        out.setdefault(m.text, set()).add((m.name, m.label))
    return out


# -- a plural noun of firms before the names it lists -------------------------------------------
@pytest.mark.parametrize(
    "text, name, label",
    [
        # right before the list (the model reads "publishers" as a verb here)
        ("The sequel will be sold by games publishers Sega in the autumn.", "Sega", "ORG"),
        # with "such as" opening a sentence
        ("Networks such as Grokster and Kazaa were blamed for the losses.", "Grokster", "ORG"),
        # people, not firms: a list no firms' noun opens, a trade's people, a clause's subject
        (
            "Friends such as Matisse and Stravinsky visited her often in Paris.",
            "Stravinsky",
            "PERSON",
        ),
        (
            "Veteran film-makers Ken Loach and Mike Leigh were both nominated for the prize.",
            "Mike Leigh",
            "PERSON",
        ),
        (
            "She toured the firms Gordon Brown praised in his budget speech.",
            "Gordon Brown",
            "PERSON",
        ),
    ],
)
def test_a_plural_noun_of_firms_makes_the_names_it_lists_firms(model, text, name, label):
    assert (name, label) in named(model, text)[name]


# -- an acronym the article spells out without brackets ------------------------------------------
@pytest.mark.parametrize(
    "text, acronym, name",
    [
        (
            "General Motors cut its forecast on Monday. GM said demand had fallen in Europe.",
            "GM",
            "General Motors",
        ),
        (
            "Shares in the London Stock Exchange rose on Tuesday. The LSE has rejected the offer.",
            "LSE",
            "London Stock Exchange",
        ),
        # no expansion but a person's name of those initials
        (
            "Giuseppe Morchio left the carmaker in July. GM said his successor would start soon.",
            "GM",
            "GM",
        ),
        # two names of those initials: neither
        (
            "British Airways and British Aerospace both reported profits. BA said fuel costs had "
            "risen.",
            "BA",
            "BA",
        ),
        # a law's name is no expansion of the body it set up
        ("The Greater London Act is clear on this, the GLA was told by its lawyers.", "GLA", "GLA"),
    ],
)
def test_an_acronym_is_the_one_name_of_its_initials_the_article_writes(model, text, acronym, name):
    assert {n for n, _ in named(model, text)[acronym]} == {name}


# -- a player put in a position is no club -------------------------------------------------------
REPORT = (
    "Milan lost 2-1 to Lazio on Sunday and face United in the Champions League on Wednesday. "
    'Their striker misses the first leg with a broken cheekbone. "They can play Kaka {where} '
    'and bring Serginho on," the United manager said. Milan beat Juventus 3-0 last month.'
)


@pytest.mark.parametrize("where", ["forward", "in midfield"])
def test_a_player_a_manager_plays_somewhere_stays_a_person(model, where):
    assert named(model, REPORT.format(where=where))["Kaka"] == {("Kaka", "PERSON")}
