"""A company that shares its name with a person the article names ("Ford" the carmaker, "Bill
Ford" its chairman): where the sentence uses the word as a firm's — its sales, shares or
plants, its results as what it reports or cuts, "its" as the first pronoun of what it says, a
kind of company in apposition ("Ford, the US car company,") —
the word is the company, not the person; elsewhere a bare surname stays the person. Invented
sentences.
"""

from __future__ import annotations

import pytest

from analysis import entities
from analysis import nlp as nlp_module
from tests.quote_runs import run


@pytest.fixture(scope="session")
def model():
    return nlp_module.load()


STORY = (
    "Carmaker Ford reported a loss of $900m for the last quarter. "
    "Peter Ford, the group's chairman, said the firm would close two plants. "
    "Ford said its sales in Europe fell by 12% in the year. "
    "Ford's shares dropped 4% in early trading in London. "
    '"We are deeply disappointed," Mr Ford said.'
)


def _speaker_of(model, text: str, words: str) -> tuple[str | None, str | None]:
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, [(q.speaker, q.text) for q in run(model, text)]
    return found[0].speaker, found[0].speaker_label


def test_a_surname_saying_its_sales_fell_is_the_firm(model):
    speaker, label = _speaker_of(model, STORY, "its sales in Europe")
    assert label == "ORG" and "Peter" not in (speaker or "")


def test_the_person_of_that_name_keeps_his_own_words(model):
    assert _speaker_of(model, STORY, "close two plants") == ("Peter Ford", "PERSON")
    assert _speaker_of(model, STORY, "deeply disappointed") == ("Peter Ford", "PERSON")


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("On Monday, Ford reported a loss of $900m for the year.", id="reports-a-loss"),
        pytest.param("On Monday, Ford's shares fell 4%.", id="its-shares"),
        pytest.param("In May, Ford cut 3,000 jobs at its Leeds site.", id="cuts-jobs"),
        pytest.param("In May, the Ford plant in Leeds closed.", id="its-plant"),
        pytest.param(
            "Ford, the US car company, reported higher profits on Thursday boosted by its loans "
            "unit.",
            id="called-a-company",
        ),
    ],
)
def test_a_bare_surname_used_as_a_firm_is_not_joined_to_the_person(model, sentence):
    text = f"{sentence} Peter Ford, the chairman, said he was sorry for the staff."
    mentions, _ = entities.extract(model(text), article_id="t")
    bare = [m for m in mentions if m.text == "Ford"]
    assert [(m.name, m.label) for m in bare] == [("Ford", "ORG")], mentions


def test_a_bare_surname_said_of_a_person_still_joins_him(model):
    text = (
        "Peter Ford, the chairman, said he was sorry for the staff. "
        "Ford said his own pay would be cut by half."
    )
    assert _speaker_of(model, text, "his own pay") == ("Peter Ford", "PERSON")


def test_an_its_further_on_in_what_a_surname_says_is_another_things(model):
    text = (
        "Peter Ford, the head of the music label, spoke to the BBC. Ford warned that unless "
        "the industry accepted downloading, its decline would go on."
    )
    assert _speaker_of(model, text, "its decline") == ("Peter Ford", "PERSON")


def test_a_surname_called_a_company_reports_as_the_firm(model):
    # the parse hangs "profits" under a clause of "reported", so no result noun is its object:
    # the company apposed to the name says it is the firm
    text = (
        "Halden, the Swedish truck company, reported higher fourth quarter and full-year profits "
        "on Tuesday boosted by a busy period for its leasing unit. Erik Halden, the chairman, "
        "said the year had been hard."
    )
    assert _speaker_of(model, text, "full-year profits") == ("Halden", "ORG")
    assert _speaker_of(model, text, "the year had been hard") == ("Erik Halden", "PERSON")


def test_a_surname_used_as_a_firm_is_no_product_named_after_it_later(model):
    # the firm's word joins no longer name introduced after it (a model named after the firm)
    text = (
        "Halden, the Swedish truck company, reported higher fourth quarter and full-year profits "
        "on Tuesday boosted by a busy period for its leasing unit. Erik Halden, the chairman, "
        "said the year had been hard. New models such as the Halden Roadster van sold well."
    )
    assert _speaker_of(model, text, "full-year profits") == ("Halden", "ORG")
