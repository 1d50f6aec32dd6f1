"""Figures of news other than war: a country's economy, a campaign's spending, a fleet's
aircraft — where they are, what they count and whose they are, through the same
``extract_article`` call ``presslens analyze`` makes.

The sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from analysis.extract import extract_article
from analysis.records import Article


def _figures(nlp, text):
    doc = nlp(text)
    return extract_article(doc, Article(id="t", title="", text=doc.text)).figures


def _fields(nlp, text, field):
    return [(f.text, getattr(f, field)) for f in _figures(nlp, text)]


JOBS_STORY = (
    "Fewer people out of work\n\n"
    "Joblessness dropped by 31,000 to 1.5 million in the three months to August, the Office "
    "for National Statistics said.\n\n"
    "The jobless rate stood at 4.9%, while pay rose 3.1%. Analysts in Leeds had forecast a "
    "smaller drop, and Britain's economy is growing."
)


def test_a_national_body_and_a_one_country_storys_measures_are_that_countrys(nlp):
    """The ONS counts the UK; the rate and pay of a story whose places all lie in Britain,
    told beside its jobless rate, are Britain's too."""
    places = dict(_fields(nlp, JOBS_STORY, "location"))
    assert places["31,000 to 1.5 million"] == "United Kingdom"
    assert places["4.9%"] == "United Kingdom"
    assert places["3.1%"] == "United Kingdom"


@pytest.mark.parametrize(
    "text, figure",
    [
        # a firm's sales are no measure of the country its story is set in
        ("Shop sales at the chain rose 6% in the year, it said. The firm has 40 stores in "
         "Leeds and Britain is its only market.", "6%"),
        # a story of two countries is no one country's
        ("Unemployment in France fell to 9.1% as Germany's factories hired, the report said. "
         "The jobless rate was 7.2%.", "7.2%"),
    ],
)  # fmt: skip
def test_no_country_for_a_figure_the_story_does_not_tie_to_one(nlp, text, figure):
    assert dict(_fields(nlp, text, "location"))[figure] is None


@pytest.mark.parametrize(
    "text",
    [
        "The campaign paid $52,000 to Rising Harbor, a consulting firm, in June.",
        "The campaign paid $52,000 to Assured Victory in June.",
    ],
)
def test_a_place_word_in_a_firms_name_is_no_place(nlp, text):
    assert _fields(nlp, text, "location") == [("$52,000", None)]


def test_a_place_after_the_firm_still_places(nlp):
    text = "The charity paid $8,000 to Bright Stone Ltd in Ohio."
    assert _fields(nlp, text, "location") == [("$8,000", "Ohio")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The navy sent 14 su-25 jets and six F-15 jets to the coast.",
         [("14", "jets"), ("six", "jets")]),
        ("The carrier ordered 30 Boeing 787s and five Airbus A350s.",
         [("30", "planes"), ("five", "planes")]),
        ("The air force bought 24 F-16s.", [("24", "jets")]),
    ],
)  # fmt: skip
def test_a_model_number_is_no_unit_and_no_count(nlp, text, expected):
    figs = _figures(nlp, text)
    assert [(f.text, f.unit) for f in figs] == expected
    assert all(f.subject is None for f in figs)


def test_aircraft_of_a_model_are_no_fighting_men(nlp):
    figs = _figures(nlp, "The government bought 40 F-15 fighters last year.")
    assert [(f.text, f.unit, f.category) for f in figs] == [("40", "fighters", "other")]


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("The fund said the floods would cut one percentage point from Kenya's economic growth "
         "this year.", "one percentage point", "Kenya"),
        ("The merger would give the firm 9% of Norway's oil output.", "9%", "Norway"),
        ("Chile's economy grew by 0.4% in the last quarter.", "0.4%", "Chile"),
        # a firm the tagger took for a place owns no measure
        ("The case was brought by six of Alitalia's rivals.", "six", None),
    ],
)  # fmt: skip
def test_a_countrys_possessive_places_what_it_owns(nlp, text, figure, place):
    assert dict(_fields(nlp, text, "location"))[figure] == place


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("Chile slows\n\nChile's exports fell sharply. Annual growth was 3.2% in 2004, officials "
         "said.", "3.2%", "Chile"),
        ("Chile slows\n\nChile's exports fell sharply. Sales growth at the chain was 3.2% in "
         "2004, it said.", "3.2%", None),
    ],
)  # fmt: skip
def test_growth_is_the_countrys_unless_a_noun_says_whose(nlp, text, figure, place):
    assert dict(_fields(nlp, text, "location"))[figure] == place


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The airline owes 4.1 billion reais and 900 million rupiah.",
         [("4.1 billion reais", "BRL"), ("900 million rupiah", "IDR")]),
        ("The deal is worth 60 billion roubles.", [("60 billion roubles", "RUB")]),
    ],
)  # fmt: skip
def test_currencies_named_after_the_number(nlp, text, expected):
    assert _fields(nlp, text, "unit") == expected


def test_a_mark_a_count_passes_is_no_unit(nlp):
    text = "The number of viruses in circulation passed the 50,000 mark in May."
    assert _fields(nlp, text, "unit") == [("50,000", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The list of the top 50 includes a radio from 1920.", []),
        ("The top 20 firms paid 40% of the tax.", [("20", "top firms"), ("40%", "%")]),
    ],
)  # fmt: skip
def test_the_size_of_a_ranked_list_is_no_count(nlp, text, expected):
    assert _fields(nlp, text, "unit") == expected


def test_the_country_of_a_currency_is_no_place(nlp):
    text = "From Monday, prices will be quoted in the peso, which was trading at 1,893 to the US dollar."
    assert _fields(nlp, text, "location") == [("1,893", None)]


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Chile slows\n\nChile's exports fell. The firm was upbeat about growth even as its "
         "revenues slipped 7% in 2004.", "7%"),
        ("Chile slows\n\nChile's exports fell. Copper was weak.\n\nThe party began its "
         "campaign. Three students were dressed as miners - to unveil a poster about \"the best "
         "economic growth in years\".", "Three"),
    ],
)  # fmt: skip
def test_a_measure_outside_the_figures_clause_ties_nothing(nlp, text, figure):
    assert dict(_fields(nlp, text, "location"))[figure] is None


def test_paying_is_no_measure_of_pay(nlp):
    text = (
        "Chile slows\n\nChile's exports fell. Copper was weak.\n\nThe bank agreed a deal. It "
        "includes $90m to pay back gains from trading, the bank said."
    )
    assert dict(_fields(nlp, text, "location"))["$90m"] is None


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Chile slows\n\nChile's exports fell. Copper was weak.\n\nHalf the world's population "
         "now owns a phone, the report said.", "Half"),
        ("Chile slows\n\nChile's exports fell. Copper was weak.\n\nThe miner said it was cutting "
         "its dividend to 12 cents, a move which should let it focus on growth.", "12"),
    ],
)  # fmt: skip
def test_the_worlds_measures_and_a_firms_growth_are_no_countrys(nlp, text, figure):
    assert dict(_fields(nlp, text, "location"))[figure] is None
