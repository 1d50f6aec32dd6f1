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
    assert places["31,000"] == "United Kingdom"
    assert places["1.5 million"] == "United Kingdom"
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


AID_STORY = (
    "Aid budget cut\n\n"
    "The United States has cut its aid budget. Officials in Washington said the US would "
    "review its programmes, and US officials defended the cuts.\n\n"
    "Up to 50,000 more people could die of hunger, the charity warned. Some 3,000 aid "
    "workers will lose their jobs."
)

DRAMA_STORY = (
    "New drama\n\n"
    "The drama is set in the United States. It was filmed in the United States, and the US "
    "audience loved it.\n\n"
    "It tells of a mother wrongly convicted of killing two of her babies."
)


@pytest.mark.parametrize(
    "text, figure",
    [
        (AID_STORY, "Up to 50,000"),  # a forecast of deaths
        (AID_STORY, "Some 3,000"),  # a forecast of people's fate
        (DRAMA_STORY, "two"),  # a court's charge
    ],
)
def test_a_forecast_or_a_charge_takes_no_place_from_the_story(nlp, text, figure):
    assert dict(_fields(nlp, text, "location"))[figure] is None


def test_a_forecast_keeps_the_place_its_sentence_names(nlp):
    text = AID_STORY.replace("could die of hunger", "could die of hunger in Malawi")
    assert dict(_fields(nlp, text, "location"))["Up to 50,000"] == "Malawi"


NATIONALS_STORY = (
    "Aid to Africa\n\n"
    "Aid to Africa will not be cut, the prime minister promised. Africa needs help, he said, "
    "and Africa's leaders agree. The disaster in Asia has not changed that.\n\n"
    "The foreign secretary said that about 440 Britons were either dead or missing in the "
    "disaster. Some 140 Britons died in the tsunami, he said. A further 20 Britons died in "
    "Thailand."
)


def test_a_nations_people_abroad_take_no_place_from_the_story(nlp):
    places = dict(_fields(nlp, NATIONALS_STORY, "location"))
    assert places["about 440"] is None
    assert places["Some 140"] is None
    assert places["20"] == "Thailand"  # where its sentence says they died


def test_a_nations_people_killed_away_from_the_storys_place(nlp):
    text = (
        "Floods in Kenya\n\nFloods hit Kenya on Monday. Kenya's government said roads in "
        "Kenya were cut.\n\nThree Britons were killed, the Foreign Office said. Dozens of "
        "people were killed."
    )
    places = dict(_fields(nlp, text, "location"))
    assert places["Three"] is None
    assert places["Dozens"] == "Kenya"


def test_a_nations_people_at_home_keep_the_storys_place(nlp):
    text = (
        "Jobs in Germany\n\nGermany's economy slowed, and factories in Germany cut shifts. "
        "Berlin said Germany would recover. More than 5 million Germans were out of work."
    )
    assert dict(_fields(nlp, text, "location"))["More than 5 million"] == "Germany"


def test_a_disaster_the_tagger_called_a_place_is_no_place(nlp):
    text = "The ministry says 41 Britons have died in the Tsunami, with 158 others missing."
    assert {place for _, place in _fields(nlp, text, "location")} == {None}


@pytest.mark.parametrize(
    "text, figure, unit, value",
    [
        ("The miner paid 900m Canadian dollars for the stake.", "900m", "CAD", 900e6),
        ("Net profit rose to 4.1bn euros.", "4.1bn euros", "EUR", 4_100_000_000),
        ("The club spent 35m pounds on players.", "35m pounds", "GBP", 35e6),
    ],
)
def test_a_sum_in_millions_before_a_currency_name(nlp, text, figure, unit, value):
    (fig,) = _figures(nlp, text)
    assert (fig.text, fig.unit, fig.category, fig.value) == (figure, unit, "money", value)


@pytest.mark.parametrize(
    "text, figure, unit",
    [
        ("The quiz show drew an audience of 4.2 million on Sunday.", "4.2 million", "audience"),
        ("The finale's audience averaged 9.1 million and peaked at 10.4 million.",
         "10.4 million", "audience"),
        ("Her late-night audience slipped by 300,000 to 2.6 million.", "300,000", "audience"),
        ("Her late-night audience slipped by 300,000 to 2.6 million.", "2.6 million", "audience"),
        ("The band played to a 2,000-strong crowd in a tent.", "2,000", "crowd"),
        ("The attendance at the derby was 41,250.", "41,250", "attendance"),
        # a crowd of a bare number borrows nobody else's unit
        ("The film was seen by 3 million viewers. A crowd of 80,000 packed the beach.",
         "80,000", "crowd"),
    ],
)  # fmt: skip
def test_a_bare_number_counts_its_audience(nlp, text, figure, unit):
    assert dict(_fields(nlp, text, "unit"))[figure] == unit


def test_an_audience_word_elsewhere_counts_nothing_of_the_number(nlp):
    units = dict(_fields(nlp, "The crowd threw 200 bottles at the stage.", "unit"))
    assert units["200"] == "bottles"


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("The singer's tour will take in 45 cities across Canada, Europe and Japan.", "45", None),
        ("The chain runs 300 stores in Italy and Greece.", "300", None),
        ("The chain runs 300 stores in Italy.", "300", "Italy"),
    ],
)
def test_a_count_spread_over_places_listed_is_in_none_of_them(nlp, text, figure, place):
    assert dict(_fields(nlp, text, "location"))[figure] == place


def test_a_crowds_victims_are_no_crowd(nlp):
    units = dict(_fields(nlp, "The crowd stormed the stage and injured 12.", "unit"))
    assert units["12"] != "crowd"


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The brewer's woes - its profits slid to just 20m euros - hit its shares.", "20m euros"),
        ("The airline made 400m euros, compared with a loss of 984m euros in 2003.",
         "984m euros"),
    ],
)  # fmt: skip
def test_the_m_of_a_sum_is_no_place(nlp, text, figure):
    assert dict(_fields(nlp, text, "location"))[figure] is None


def test_a_forecast_of_a_nations_people_at_home_is_that_nations(nlp):
    text = (
        "Drought in Ethiopia\n\nThe rains failed in Ethiopia this year, and farmers in Ethiopia "
        "lost their crops. About 3 million Ethiopians will need food aid, the agency said."
    )
    assert dict(_fields(nlp, text, "location"))["About 3 million"] == "Ethiopia"


def test_one_place_named_with_and_is_no_list(nlp):
    text = "Turnout ranged from 64% in Trinidad and Tobago to 40% elsewhere."
    assert dict(_fields(nlp, text, "location"))["64%"] == "Trinidad and Tobago"


def test_a_count_of_things_takes_no_place_from_a_campaigns_objective(nlp):
    text = (
        "The side now face four away games in Spain, Italy and Wales before ending their "
        "campaign against Portugal in Lisbon."
    )
    assert dict(_fields(nlp, text, "location"))["four"] is None


def test_a_forecast_in_a_sentence_naming_the_storys_place_is_there(nlp):
    text = (
        "Ballot fears\n\nCampaigners fear thousands of residents may not be able to vote in "
        "Glasgow's housing ballot. Glasgow council said every voter in Glasgow would get a "
        "card, and Glasgow's tenants will vote next month."
    )
    assert dict(_fields(nlp, text, "location"))["thousands"] == "Glasgow"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a change after "by" and the level it reached: two figures, neither a range
        ("Operating profit rose by 300m dollars to 1.9bn dollars in 2004.",
         [("300m dollars", 300e6, "USD"), ("1.9bn dollars", 1.9e9, "USD")]),
        ("Sales fell by £45m to £610m.", [("£45m", 45e6, "GBP"), ("£610m", 610e6, "GBP")]),
        ("The jobless rate went up by 0.3% to 5.2%.", [("0.3%", 0.3, "%"), ("5.2%", 5.2, "%")]),
        ("Membership dropped by 12,000 to 2.4 million.",
         [("12,000", 12_000, None), ("2.4 million", 2.4e6, None)]),
        ("Staff numbers fell by 40 to 900.", [("40", 40, None), ("900", 900, None)]),
    ],
)  # fmt: skip
def test_a_change_and_the_level_it_reached_are_two_figures(nlp, text, expected):
    got = [(f.text, f.value, f.unit) for f in _figures(nlp, text)]
    assert [(t, v, u) for t, v, u in got] == [(t, pytest.approx(v), u) for t, v, u in expected]


@pytest.mark.parametrize(
    "text, figure, low, high",
    [
        ("Fares will be cut by 10 to 20% next year.", "10 to 20%", 10, 20),
        ("Output grew by 5 to 10 million tonnes.", "5 to 10 million", 5e6, 10e6),
        ("Rents rose from £400 to £550 a month.", "£400 to £550", 400, 550),
        # two sums close together after "by": the size of the change, as a range
        (
            "The move will cut its profits by $3.8m to $4.9m this year.",
            "$3.8m to $4.9m",
            3.8e6,
            4.9e6,
        ),
    ],
)
def test_a_range_after_by_or_from_stays_a_range(nlp, text, figure, low, high):
    (fig,) = [f for f in _figures(nlp, text) if f.text.endswith(figure)]
    assert (fig.value, fig.low, fig.high) == (None, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "The rapper signed the duo to his new 4 Zedrix Records label.",
        "The duo left 4 Zedrix in May and joined a bigger firm.",
        "Tickets for 4 Zedrix sold out within an hour.",
    ],
)
def test_digits_that_begin_a_name_count_nothing(nlp, text):
    assert not _figures(nlp, text)


def test_a_name_begun_by_digits_is_that_name_all_through_the_article(nlp):
    text = (
        "The rapper signed the duo to his new 4 Zedrix Records label. "
        "They were unhappy at 4 Zedrix, he said."
    )
    assert not _figures(nlp, text)


@pytest.mark.parametrize(
    "text, figure, unit",
    [
        ("The bank bought 4 Wall Street firms last year.", "4", "firms"),
        ("The airline is to buy 10 A320 aircraft from Airbus.", "10", "aircraft"),
        ("The carrier will lease 40 Boeing aircraft.", "40", "aircraft"),
        ("The singer was shortlisted for 10 Grammys this year.", "10", "grammys"),
        ("Gunmen killed 12 Hezbollah near the border.", "12", "hezbollah"),
        ("The factory employs 300 Londoners.", "300", "londoners"),
    ],
)
def test_digits_before_capitalised_words_still_count(nlp, text, figure, unit):
    assert dict(_fields(nlp, text, "unit"))[figure] == unit


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Goals: Smith 12, Jones 80. Att: 38,204 Ref: P Brown (Essex).", "38,204"),
        ("Subs not used: Green, Hall. Booked: Hall. Attendance: 21,877", "21,877"),
        ("Rovers 2 United 0\n\nAttendance 12,480\n\nReferee K Lowe (Kent)", "12,480"),
        ("Booked: Ward. Gate: 7,520 Ref: T Hill (Devon).", "7,520"),
    ],
)
def test_a_match_reports_attendance_line_counts_the_attendance(nlp, text, figure):
    fig = next(f for f in _figures(nlp, text) if f.text == figure)
    assert (fig.unit, fig.category) == ("attendance", "other")


def test_a_crowd_label_counts_the_crowd_and_a_sentences_colon_counts_its_noun(nlp):
    assert dict(_fields(nlp, "Booked: Ward. Crowd: 9,100", "unit"))["9,100"] == "crowd"
    # a colon in prose: the number counts the noun after it, as ever
    assert dict(_fields(nlp, "They brought the crowd: 5,000 fans.", "unit"))["5,000"] == "fans"


def test_a_sum_in_millions_ending_a_sentence_ends_it(nlp):
    """ "£250m." is the sum and the sentence's full stop: the next sentence's figures are not
    the claim of the analyst who spoke in the first."""
    text = (
        "Analyst Jane Doe says the fuel bill will come to an extra £90m. Turnover for the "
        "quarter was up 2.1% to £1.2bn, helped by cargo."
    )
    doc = nlp(text)
    assert len(list(doc.sents)) == 2
    claims = dict(_fields(nlp, text, "claimed_by"))
    assert claims["£90m"] == "Jane Doe"
    assert claims["2.1%"] is None


@pytest.mark.parametrize(
    "text, figure",
    [
        ("According to forecasts from the Ministry of Trade, exports will rise 12% this year.",
         "12%"),
        ("Exports will rise 12% this year, according to a survey by the Ministry of Trade.",
         "12%"),
    ],
)  # fmt: skip
def test_according_to_a_forecast_or_survey_names_whose_it_is(nlp, text, figure):
    assert dict(_fields(nlp, text, "claimed_by"))[figure] == "Ministry of Trade"


@pytest.mark.parametrize(
    "text, figure, value",
    [
        ("Rates are expected to rise by a quarter of a percentage point to 4.75%.",
         "a quarter of a percentage point", 0.25),
        ("The bank cut rates by half a point on Thursday.", "half a point", 0.5),
        ("Economists expect a quarter point rise in May.", "a quarter point", 0.25),
    ],
)  # fmt: skip
def test_a_fraction_of_a_point_is_a_percentage_not_a_share(nlp, text, figure, value):
    fig = next(f for f in _figures(nlp, text) if f.text == figure)
    assert (fig.value, fig.unit, fig.category) == (pytest.approx(value), "%", "percent")


@pytest.mark.parametrize(
    "text, figure, category",
    [
        ("The bank has more than 9,000 advisers selling pensions.", "more than 9,000", "people"),
        ("Washington sent 300 military advisers to the region.", "300", "troops"),
        ("About 200 advisers will train the army.", "About 200", "troops"),
    ],
)
def test_advisers_are_troops_only_among_the_armed_forces(nlp, text, figure, category):
    assert dict(_fields(nlp, text, "category"))[figure] == category


@pytest.mark.parametrize(
    "text, figure, unit",
    [
        ("More than 100 server operators have been sued.", "More than 100", "server operators"),
        ("The agency shut 12 branch offices.", "12", "branch offices"),
    ],
)
def test_a_number_hung_on_a_singular_modifier_counts_the_plural_after_it(nlp, text, figure, unit):
    assert dict(_fields(nlp, text, "unit"))[figure] == unit


def test_a_hyphened_measure_before_a_plural_is_no_count_of_it(nlp):
    text = "She owns one of the only 24-carat sapphires in the world."
    assert dict(_fields(nlp, text, "unit")).get("24") != "sapphires"


def test_civil_servants_are_people(nlp):
    text = "Thousands of civil servants walked out across Wales on Friday."
    assert dict(_fields(nlp, text, "category"))["Thousands"] == "people"


def test_a_possessive_before_a_number_names_whose_it_is(nlp):
    text = "Unison's 800,000 members, the GMB's 70,000 and Amicus' 20,000 will vote."
    subjects = dict(_fields(nlp, text, "subject"))
    assert (subjects["800,000"], subjects["70,000"], subjects["20,000"]) == (
        "Unison", "GMB", "Amicus",
    )  # fmt: skip


def test_according_to_a_companys_branch_is_the_company_not_the_country(nlp):
    text = "According to Amazon UK there are now more than 200 robots for sale on the site."
    claimant = dict(_fields(nlp, text, "claimed_by"))["more than 200"]
    assert claimant is not None and claimant.startswith("Amazon")


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("Brazil increased its steel output by 8.4% last year.", "8.4%", "Brazil"),
        ("Peru spent $2bn on new roads.", "$2bn", "Peru"),
        ("The poll found 41% of UK broadband users never download films.", "41%",
         "United Kingdom"),
        # a count of things a country sent or supplied is not placed in it
        ("Iran supplied 2,000 rockets.", "2,000", None),
    ],
)  # fmt: skip
def test_a_countrys_own_measure_is_placed_in_it(nlp, text, figure, place):
    assert dict(_fields(nlp, text, "location"))[figure] == place


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("The outbreak is thought to have cost the UK up to £6bn.", "up to £6bn",
         "United Kingdom"),
        ("The plan, which could cost the UK £1bn, was dropped.", "£1bn", "United Kingdom"),
        ("The lorry drivers' strike cost France 250m euros, officials said.", "250m euros",
         "France"),
        # who pays is the object of "cost", not a firm's or a person's sum
        ("The fine cost the company £3m.", "£3m", None),
    ],
)  # fmt: skip
def test_a_sum_a_country_is_cost_is_that_countrys(nlp, text, figure, place):
    assert dict(_fields(nlp, text, "location"))[figure] == place


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Port delays will cost the economy £2bn a year, the hauliers said.", "£2bn"),
        ("She earns £48,000 a year as a nurse.", "£48,000"),
    ],
)
def test_a_sum_a_year_is_money_not_a_duration(nlp, text, figure):
    assert dict(_fields(nlp, text, "category"))[figure] == "money"


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The kwacha was trading at 4,120 to the US dollar.", "4,120"),
        ("The peg keeps the currency around 7.80 to the dollar.", "around 7.80"),
        ("The yen weakened to 109.25 against the dollar by noon.", "109.25"),
        ("The rupee neared 80 rupees to the US dollar.", "80 rupees"),
        ("The euro climbed to $1.42 against the greenback.", "$1.42"),
    ],
)
def test_an_exchange_rate_is_a_rate_not_a_count(nlp, text, figure):
    assert dict(_fields(nlp, text, "category"))[figure] == "price"


def test_a_share_of_a_move_against_a_currency_stays_a_share(nlp):
    text = "The pound fell 1.2% against the dollar."
    assert dict(_fields(nlp, text, "category"))["1.2%"] == "percent"


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Some 90 MPs rebelled, but the government won with a majority of 27.", "27"),
        ("About 40 backbenchers voted against, cutting a majority of 161 to 20.", "161"),
    ],
)
def test_a_majoritys_size_borrows_no_counted_noun(nlp, text, figure):
    units = dict(_fields(nlp, text, "unit"))
    assert units[figure] is None


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Shares in the grocer were up 3.1% at $14.20 in early trading.", "$14.20"),
        ("Fiat's shares on the Milan exchange rose 2.5% by noon to 7.1 euros.", "7.1 euros"),
        ("The carrier's shares fell $2.10 on Monday to close at $31.40.", "$31.40"),
        ("Against the Japanese yen, the dollar was trading at 103.10 yen.", "103.10 yen"),
    ],
)
def test_a_share_price_or_a_currencys_level_is_a_price(nlp, text, figure):
    assert dict(_fields(nlp, text, "category"))[figure] == "price"


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Sales rose 4% to $2.3bn, the company said.", "$2.3bn"),
        ("The bank's profits fell to £51m from £60m.", "£51m"),
        # a firm's worth, though the parse gives "valued" the shares for a subject
        ("Its shares closing Tuesday at 650p, the firm is valued at £1.9bn.", "£1.9bn"),
    ],
)  # fmt: skip
def test_a_sum_reached_by_sales_or_a_value_stays_money(nlp, text, figure):
    assert dict(_fields(nlp, text, "category"))[figure] == "money"


def test_people_saved_in_another_countrys_genocide_are_not_the_festivals(nlp):
    text = (
        "Berlin cheers new film\n\n"
        "The drama opened the Berlin festival on Friday to warm applause from the audience.\n\n"
        "Its star was given a standing ovation. The film tells the true story of a teacher who "
        "hid 300 Tutsis from the killers during the Rwandan genocide. It was shot in Kigali."
    )
    assert dict(_fields(nlp, text, "location"))["300"] is None


@pytest.mark.parametrize(
    "text, figure",
    [
        ("In Brian O'Driscoll and Paul O'Connell, Ireland now have the two front-runners for "
         "the captaincy.", "two"),
        ("They have two world class game-breakers in Josh Lewsey and Jason Robinson.", "two"),
    ],
)  # fmt: skip
def test_a_persons_name_the_tagger_took_for_a_place_places_nothing(nlp, text, figure):
    assert dict(_fields(nlp, text, "location"))[figure] is None


def test_a_distance_converted_in_brackets_is_one_figure(nlp):
    text = "The rebels are trying to capture a hill some five kilometres (three miles) away."
    assert [f.text for f in _figures(nlp, text)] == ["some five"]


def test_a_sum_in_millions_ending_the_text_loses_the_full_stop(nlp):
    text = "The tour helped push their earnings up to $43.1m."
    assert [f.text for f in _figures(nlp, text)] == ["up to $43.1m"]


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("Japan's economy is expected to slow next year, with growth falling to 1.1%.",
         "1.1%", "Japan"),
        ("The UK economy is set to slow, with growth falling from 3% to 2.4%.", "2.4%",
         "United Kingdom"),
        ("The gap between US exports and imports has widened to $48bn.", "$48bn",
         "United States"),
        # a firm's growth told "with" is no country's
        ("The firm expects to grow, with sales rising 5% this year.", "5%", None),
    ],
)  # fmt: skip
def test_a_countrys_measure_told_with_its_economy_or_trade_gap_is_its(nlp, text, figure, place):
    assert dict(_fields(nlp, text, "location"))[figure] == place


@pytest.mark.parametrize(
    "text, figure, unit",
    [
        ("Seven Leeds-based companies have been given 30 days to respond.", "Seven",
         "companies"),
        ("The retailer will cut 300 part-time jobs.", "300", "part-time jobs"),
    ],
)  # fmt: skip
def test_a_hyphened_modifier_is_whole_or_left_out_of_the_unit(nlp, text, figure, unit):
    assert dict(_fields(nlp, text, "unit"))[figure] == unit


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Staff at Jessops will share a bonus pool of £3m.", "£3m"),
        ("Simon Rubinsohn, chief economist at Gerrard, said inflation of 0.7% was a surprise.",
         "0.7%"),
    ],
)  # fmt: skip
def test_a_shop_or_firm_written_after_at_is_no_place_of_a_sum(nlp, text, figure):
    assert dict(_fields(nlp, text, "location"))[figure] is None


@pytest.mark.parametrize(
    "text, figure, place",
    [
        ("The German economy grew by 0.3% in the second quarter, figures showed.", "0.3%",
         "Germany"),
        ("Canadian exports fell 1.8% in March.", "1.8%", "Canada"),
        ("French unemployment rose to 9.9% in May.", "9.9%", "France"),
    ],
)  # fmt: skip
def test_a_nations_adjective_on_a_measure_places_it_in_the_country(nlp, text, figure, place):
    assert dict(_fields(nlp, text, "location"))[figure] == place


def test_a_nations_adjective_on_people_does_not_place_them(nlp):
    text = "About 300 Syrian refugees arrived in the port on Tuesday."
    assert dict(_fields(nlp, text, "location"))["About 300"] != "Syria"


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The miner rejected an offer worth 2.2bn Australian dollars from a rival.", "2.2bn"),
        ("The £320m system from American IT giant Acme was nowhere near working.", "£320m"),
    ],
)
def test_a_nations_adjective_on_a_currency_or_a_supplier_places_no_sum(nlp, text, figure):
    assert dict(_fields(nlp, text, "location"))[figure] is None


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The paper offered voluntary redundancy to about 40 reporters.", "about 40"),
        ("Only 11 Britons finished the desert race.", "11"),
        ("The selectors will pick three hurdlers for the indoor championships.", "three"),
        # a later verb of no casualty state leaves a count of people people
        ("Some 70 editors and 210 photographers were offered new contracts.", "210"),
    ],
)
def test_people_counted_by_what_they_do_are_people(nlp, text, figure):
    assert dict(_fields(nlp, text, "category"))[figure] == "people"


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The shop sold 3,000 speakers and 200 chairs last week.", "3,000"),
        ("The shop sold 3,000 speakers and 200 chairs last week.", "200"),
        ("The firm employs 450 engineers at the plant.", "450"),  # a firm's staff stays other
    ],
)
def test_things_and_a_firms_staff_stay_other(nlp, text, figure):
    assert dict(_fields(nlp, text, "category"))[figure] == "other"


HOUSING_BILL_STORY = (
    "Ministers offered changes to the housing bill on Monday. The bill returns to the Lords "
    "next week.\n\n"
    "The bill passed by 301 votes to 199, despite a rebellion by 41 Labour MPs. The revolt "
    "shrank after the minister wrote to the bishop of Swansea. Critics said the changes came "
    "late."
)


def test_a_count_of_people_takes_no_place_the_story_names_after_it(nlp):
    """A story of a vote is no incident's: its MPs are not where the paragraph names a bishop's
    see."""
    assert dict(_fields(nlp, HOUSING_BILL_STORY, "location"))["41"] is None


def test_a_count_of_people_takes_the_place_named_just_before(nlp):
    text = (
        "Ministers offered changes to the housing bill on Monday. The bill returns to the "
        "Lords next week.\n\n"
        "The minister spoke in Swansea on Friday. Later 41 Labour MPs voted against the bill."
    )
    assert dict(_fields(nlp, text, "location"))["41"] == "Swansea"


def test_a_firms_people_take_no_place_the_story_names_elsewhere(nlp):
    """Executives and customers are a firm's, not a town's: outside a story of an incident they
    are where their sentence says or nowhere (a firm's name the tagger took for a place had
    been their place)."""
    text = (
        "Shares in the retailer Foodservice fell on Monday. The firm's results were delayed."
        "\n\nAnalysts expect more losses. Three former top executives agreed last year to "
        "settle fraud charges."
    )
    assert dict(_fields(nlp, text, "location"))["Three"] is None
