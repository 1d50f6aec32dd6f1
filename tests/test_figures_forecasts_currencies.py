"""Figures: deaths that are no toll (forecast, charged in court, recalled, told with the
missing), people asked (no force), counts over decades, and one unit per currency.

The sentences are invented for these tests, shaped like an analyst's findings on a store of
BBC texts (review of store s58)."""

from __future__ import annotations

import pytest

from analysis.extract import extract_article
from analysis.records import Article


def _figs(nlp, text):
    doc = nlp(text)
    return list(extract_article(doc, Article(id="t", title="", text=text)).figures)


def _one(figs, text):
    found = [f for f in figs if f.text == text]
    assert found, f"no figure {text!r} in {[f.text for f in figs]}"
    return found[0]


@pytest.mark.parametrize(
    "text, number, category",
    [
        # a death to come or that could come is no toll: people the news is about, as "could
        # face" and "at risk" are
        ("Some 30 million babies will die needlessly before 2030, the charity says in a report.",
         "Some 30 million", "people"),
        ("Three million farmers would die if the rains failed again, the agency warned.",
         "Three million", "people"),
        ("Up to 500 villagers could die in the coming weeks, doctors said.", "Up to 500",
         "people"),
        ("Nearly 2,000 patients are expected to die this winter, the report said.",
         "Nearly 2,000", "people"),
        # ... but a past death hedged is still a toll, and a death told is one
        ("At least 20 people may have been killed in the blast, police said.", "At least 20",
         "killed"),
        ("At least 20 people were killed in the blast, police said.", "At least 20", "killed"),
        ("The bus was hit in 2012, and 14 passengers would later die in hospital.", "14",
         "killed"),
        # a court's charge is no toll
        ("The nurse was wrongly convicted of killing three of her patients.", "three", "people"),
        ("A man was charged with murdering two teenagers in the park.", "two", "people"),
        # the dead and the missing counted together are no toll of the dead
        ("The minister said about 300 Canadians were either dead or missing in the earthquake.",
         "about 300", "people"),
        # people interviewed or questioned are a sample, no force
        ("More than a dozen soldiers interviewed said that their pay came from the state.",
         "More than a dozen", "people"),
        ("Some 40 rebels questioned by the researchers said they had joined for money.",
         "Some 40", "people"),
        ("The rebels sent some 400 fighters to the front.", "some 400", "troops"),
    ],
)  # fmt: skip
def test_deaths_and_people_that_are_no_toll_nor_force(nlp, text, number, category):
    assert _one(_figs(nlp, text), number).category == category


def test_deaths_a_speaker_looks_back_on_are_an_earlier_event(nlp):
    figs = _figs(
        nlp,
        'The band played its first show in years. "We owe them everything," the singer said, '
        "referring to the early deaths of three of the group's drummers from heart failure.",
    )
    assert _one(figs, "three").scope == "background"
    # deaths dated to the news's days stay the news
    figs = _figs(
        nlp,
        "The army held a parade. The general referred to the deaths of 12 soldiers on Monday.",
    )
    assert _one(figs, "12").scope == "event"


@pytest.mark.parametrize(
    "text",
    [
        "He spoke of the past. Forty more years; 200 firefighters, over 900 sailors, more than "
        "5,000 civilians dead, but we endured.",
        "He spoke of the past. Over the past four decades 200 firefighters and more than 5,000 "
        "civilians died in the region.",
    ],
)
def test_casualties_counted_over_decades_are_a_running_total(nlp, text):
    figs = [f for f in _figs(nlp, text) if f.category == "killed"]
    assert figs and {f.scope for f in figs} == {"total"}


def test_a_casualty_years_ago_is_no_running_total(nlp):
    figs = _figs(nlp, "The town held a vigil. Five years ago 30 miners died in the pit.")
    assert _one(figs, "30").scope != "total"


def test_every_currency_is_one_unit_its_iso_code(nlp):
    figs = _figs(
        nlp,
        "The firm made 2.5bn Swiss francs in 2004 and its shares closed at 61.5 Swiss francs. "
        "Profits rose to 3bn Australian dollars, up from AUD 2bn a year earlier. The bank "
        "paid 20bn roubles for the unit. Tax cuts worth 4bn rand were announced. The fund "
        "holds 7 trillion South Korean won. The firm sold bonds worth CHF 400m.",
    )
    units = {f.text: f.unit for f in figs if f.category in ("money", "price")}
    assert units == {
        "2.5bn": "CHF",
        "61.5": "CHF",
        "3bn": "AUD",
        "AUD 2bn": "AUD",
        "20bn roubles": "RUB",
        "4bn rand": "ZAR",
        "7 trillion": "KRW",
        "CHF 400m": "CHF",
    }


def test_a_currency_name_without_one_code_keeps_one_form(nlp):
    # "CFA francs" are no Swiss francs; "dinars" are several countries' and keep their name
    figs = _figs(
        nlp,
        "Graft has cost the state 1bn CFA francs ($2m; £1m) a month. Fuel rose to 300 dinars "
        "a litre, and the firm paid 250 dinar in fees.",
    )
    units = {f.text: f.unit for f in figs if f.category in ("money", "price")}
    assert units["1bn"] == "CFA francs"
    assert units["300"] == "dinars"


def test_a_sum_borrows_no_unit_from_a_count_of_things(nlp):
    figs = _figs(
        nlp,
        "The council launched two schemes to help residents, which can cost households thousands.",
    )
    money = _one(figs, "thousands")
    assert (money.category, money.unit) == ("money", None)


def test_won_is_the_currency_only_in_a_sum(nlp):
    figs = _figs(nlp, "The deal will see some 12 trillion won of debt turned into shares.")
    assert (_one(figs, "some 12 trillion").category, _one(figs, "some 12 trillion").unit) == (
        "money",
        "KRW",
    )
    figs = _figs(nlp, "Of the 20 games played, 12 won and 8 lost.")
    assert all(f.category != "money" for f in figs)
