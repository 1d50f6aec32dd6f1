"""Number-phrase parsing, model-free: a gold table of phrases and of things that are not figures."""

from __future__ import annotations

import pytest

from analysis.numbers import find_numbers, parse_number_phrase

N = None


@pytest.mark.parametrize(
    "text, expected",
    [
        # digits, separators, decimals, suffixes and scale words -> (value, low, high, approx, kind)
        ("100,000", (100_000, 100_000, 100_000, False, "number")),
        ("1.5 million", (1_500_000, 1_500_000, 1_500_000, False, "number")),
        ("2bn", (2e9, 2e9, 2e9, False, "number")),
        ("$3.2m", (3.2e6, 3.2e6, 3.2e6, False, "money")),
        ("£40bn", (4e10, 4e10, 4e10, False, "money")),
        ("12 000", (12_000, 12_000, 12_000, False, "number")),
        ("1500", (1500, 1500, 1500, False, "number")),  # commas stripped by a scraper
        # percentages
        ("85%", (85, 85, 85, False, "percent")),
        ("85 per cent", (85, 85, 85, False, "percent")),
        ("85 percent", (85, 85, 85, False, "percent")),
        ("between 5% and 7%", (N, 5, 7, False, "percent")),
        # number words
        ("two hundred", (200, 200, 200, False, "number")),
        ("a dozen", (12, 12, 12, False, "number")),
        ("half a dozen", (6, 6, 6, False, "number")),
        ("one", (1, 1, 1, False, "number")),
        ("twenty-five", (25, 25, 25, False, "number")),
        ("three hundred and forty-two", (342, 342, 342, False, "number")),
        ("two million", (2e6, 2e6, 2e6, False, "number")),
        # fractions
        ("two-thirds", (2 / 3, 2 / 3, 2 / 3, False, "fraction")),
        ("half", (0.5, 0.5, 0.5, False, "fraction")),
        ("three quarters", (0.75, 0.75, 0.75, False, "fraction")),
        ("two and a half million", (2.5e6, 2.5e6, 2.5e6, False, "number")),
        # vague magnitudes: 2-9 of the magnitude
        ("hundreds", (N, 200, 900, True, "number")),
        ("thousands", (N, 2000, 9000, True, "number")),
        ("tens of thousands", (N, 20_000, 90_000, True, "number")),
        ("hundreds of thousands", (N, 200_000, 900_000, True, "number")),
        ("dozens", (N, 24, 108, True, "number")),
        ("several hundred", (N, 300, 900, True, "number")),
        # ranges
        ("between 200 and 300", (N, 200, 300, False, "number")),
        ("200-300", (N, 200, 300, False, "number")),
        ("200–300", (N, 200, 300, False, "number")),
        ("200 to 300", (N, 200, 300, False, "number")),
        ("1.5-2 million", (N, 1.5e6, 2e6, False, "number")),
        ("two or three", (N, 2, 3, True, "number")),
        # hedges
        ("around 100,000", (100_000, N, N, True, "number")),
        ("about 40", (40, N, N, True, "number")),
        ("some 3,000", (3000, N, N, True, "number")),
        ("nearly 500", (500, N, 500, True, "number")),
        ("almost two-thirds", (2 / 3, N, 2 / 3, True, "fraction")),
        ("more than 200", (200, 200, N, True, "number")),
        ("over 1,000", (1000, 1000, N, True, "number")),
        ("at least 70", (70, 70, N, True, "number")),
        ("up to 300", (300, N, 300, True, "number")),
        ("fewer than 10", (10, N, 10, True, "number")),
        ("200 or more", (200, 200, N, True, "number")),
        ("500-plus", (500, 500, N, True, "number")),
        # a whole number "and" a fraction: of the last scale word, or of a smaller one after it
        ("four hundred and a half", (400.5, 400.5, 400.5, False, "fraction")),
        ("seven hundred and three quarters", (700.75, 700.75, 700.75, False, "fraction")),
        ("three million and one half", (3.5e6, 3.5e6, 3.5e6, False, "number")),
        ("eight billion and a quarter", (8.25e9, 8.25e9, 8.25e9, False, "number")),
        (
            "nine million and two thirds",
            (9e6 + 2e6 / 3, 9e6 + 2e6 / 3, 9e6 + 2e6 / 3, False, "number"),
        ),
        (
            "two billion and a half million",
            (2_000_500_000, 2_000_500_000, 2_000_500_000, False, "number"),
        ),
        ("£4 million and a half", (4.5e6, 4.5e6, 4.5e6, False, "money")),
        # a fraction typed with a spaced hyphen
        ("three - fifths", (0.6, 0.6, 0.6, False, "fraction")),
        ("one – third", (1 / 3, 1 / 3, 1 / 3, False, "fraction")),
        # a scale word with no number before it
        ("hundred thousand", (100_000, 100_000, 100_000, False, "number")),
        ("hundred million euros", (1e8, 1e8, 1e8, False, "money")),
        ("quarter billion", (2.5e8, 2.5e8, 2.5e8, False, "number")),
        # thousands grouped by a narrow no-break or thin space, decimals in the last group
        ("2\u202f500\u202f000.5", (2_500_000.5, 2_500_000.5, 2_500_000.5, False, "number")),
        ("7\u2009080", (7080, 7080, 7080, False, "number")),
        # a spaced upper-case "M" after digits is a million, like the glued "5M"
        ("2,400.5 M", (2.4005e9, 2.4005e9, 2.4005e9, False, "number")),
        # a bound at the end of a clause
        ("60 or greater than", (60, 60, N, True, "number")),
    ],
)
def test_parse_number_phrase(text, expected):
    got = parse_number_phrase(text)
    assert got is not None, text
    value, low, high, approximate, kind = expected
    assert got.value == pytest.approx(value)
    assert got.low == pytest.approx(low)
    assert got.high == pytest.approx(high)
    assert got.approximate is approximate
    assert got.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "in 2011",  # a year
        "2016",  # a bare year read alone
        "the first phase",  # ordinal
        "21st",
        "two hundredth",  # ordinal, not 200
        "aged 12",  # age
        "a 12-year-old",
        "No 10",  # a label
        "10:30",  # clock time
        "3pm",
        "the one that",  # pronoun
        "+44 20 7946 0000",  # phone-like
        "192.168.1.2",  # dotted identifier
        "29km",  # a measurement glued to its unit is not a count
        "a",
        "first",
    ],
)
def test_not_a_figure(text):
    assert parse_number_phrase(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officials said 1,200 people fled on 4 May 2016.", ["1,200"]),
        ("The war began in 2011 and more than 300 died.", ["more than 300"]),
        (
            "He is one of the leaders; the one that spoke.",
            ["one"],
        ),  # "one of" stays; figures.py decides
        ("Talks resume at 10:30 on Friday, the third round.", []),
        ("A 12-year-old and 14 others were hurt.", ["14"]),
        ("The vote was 5/17/2018 and the score 3-2.", []),
        ("They claimed that one had died.", ["one"]),
        ("Casualties 12 15 and 20 were reported", ["12", "15", "20"]),
        # a reading on a scale measures, it counts nothing (written as news writes magnitudes)
        ("A magnitude 6.1 earthquake killed at least 17 people.", ["at least 17"]),
        ("A 6.1-magnitude quake and a magnitude-5.4 aftershock hit 3 towns.", ["3"]),
        ("The 7.8 magnitude quake had a magnitude of 7.8, or 7.8 on the Richter scale.", []),
        ("A 6.1 quake hit 2 villages; 3 earthquakes in a week.", ["2", "3"]),
    ],
)
def test_find_numbers_in_sentences(text, expected):
    assert [m.text for m in find_numbers(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a scale word not smaller than one already used starts a new number
        ("Polls gave 6 hundred and 4 hundred seats to the two blocs.", [600, 400, 2]),
        ("They counted two thousand, then three thousand three thousand more.", [2000, 3000, 3000]),
        ('"Two million three million four million voters," she said.', [2e6, 3e6, 4e6]),
        ("It rose from 9 thousand 2 hundred and 0 in March.", [9200, 0]),
        ("one hundred thousand five hundred and twelve", [100_512]),
        # a number word, percent or scale word before a full stop keeps its meaning
        ("The death toll rose to forty.", [40]),
        ("Turnout fell by 12 percent.", [12]),
        ("Losses reached 3.4 million.", [3.4e6]),
        ("Estimates range from two hundred to four hundred.", [N]),
        # "M" is not a million when glued to a name or on the next line
        ("A basket of 40 M&S products cost more.", [40]),
        # a rise and the level it reached are two figures, not a range
        ("US exports rose 12.3% to $1.15 trillion in 2004.", [12.3, 1.15e12]),
        ("Revenue dipped 1.4% to 86.7bn Swiss francs.", [1.4, 86.7e9]),
        ("Profits jumped 76% to $1.13bn.", [76, 1.13e9]),
        # a change after "by" and the level it reached: written complete, or far apart
        ("Profit rose by 300m dollars to 1.9bn dollars.", [300e6, 1.9e9]),
        ("Sales fell by £45m to £610m in the year.", [45e6, 610e6]),
        ("The rate went up by 0.3% to 5.2%.", [0.3, 5.2]),
        ("Membership dropped by 12,000 to 2.4 million.", [12_000, 2.4e6]),
        ("Staff numbers fell by 40 to 900 in a year.", [40, 900]),
        # a fraction of a percentage point is that many points, no share of a whole
        ("Rates rose by a quarter of a percentage point.", [0.25]),
        ("They cut rates by half a point.", [0.5]),
        ("A three quarters percentage point rise", [0.75]),
        # ... but a bare number near the next one after "by" opens a range
        ("Fares will be cut by 10 to 20% next year.", [N]),
        ("It will cut profits by $3.8m to $4.9m.", [N]),
        ("Fees rose by 5% to 10%.", [N]),
        ("Output grew by 5 to 10 million tonnes.", [N]),
        # a fraction of one or more standing alone is no share
        ("The economy has grown for six quarters.", [6]),
        ("Three quarters of the city was held.", [0.75]),
        ("Attendance 12,480\n\nM Dean (Wirral)", [12_480]),
        # "mm" is millions after a currency sign only: alone it is a calibre
        ("The fund raised $140mm last year.", [140e6]),
        # a four-digit count after "the" stays a count when no event follows
        ("Officials counted the 2000 Syrians who fled.", [2000]),
        ("Two Killed As War Rages In North", [2]),  # a headline's count before "War"
    ],
)
def test_values_in_sentences(text, expected):
    got = [m.parsed.value for m in find_numbers(text)]
    assert got == [pytest.approx(v) if v is not None else v for v in expected]


@pytest.mark.parametrize(
    "text",
    [
        "She finished thirty second in the final.",  # an ordinal written without a hyphen
        "the two hundred forty first session",
        "He was the last but one to arrive.",  # "last but one" is a rank
        "Our first quarter was weak.",  # "quarter" alone is not a fraction
        "They ran One.Tel for years.",  # a name, not "one"
        "Her novel is the 6/4 favourite to win.",  # betting odds
        "The film 06/05 opens in January.",  # a title or a date
        "Rebels fired 120mm mortars at the base.",  # a calibre, not 120 million
        "The border was drawn after the 1967 Six Day War.",  # a year dating an event's name
        "She scored twice in the 2014 World Cup final.",
        "The Thirty Years War reshaped the map.",  # a span of time naming an event
    ],
)
def test_no_figures_in(text):
    assert find_numbers(text) == []


def test_offsets_point_into_the_text():
    text = "Aid groups said around 100,000 people remained."
    (m,) = find_numbers(text)
    assert text[m.start : m.end] == "around 100,000"


def test_year_like_numbers_are_flagged_not_dropped():
    (m,) = find_numbers("Some 2000 people marched.")
    assert m.parsed.value == 2000 and m.parsed.approximate
    (y,) = find_numbers("The 2000 people marched.")
    assert y.year_like


@pytest.mark.parametrize(
    "text, found",
    [
        # a dateline's year run into a vague plural (the comma lost): a date and a quantity
        ("3 Mar 2015 Dozens of farmers lost their herds.", [("Dozens", None, 24, 108)]),
        ("By 1998 hundreds of families had moved away.", [("hundreds", None, 200, 900)]),
        # a count of dozens after a small number is still one number
        ("The stall sold 15 dozens of eggs.", [("15 dozens", 180, 180, 180)]),
    ],
)
def test_a_year_before_a_vague_plural_is_no_part_of_it(text, found):
    got = [(m.text, m.parsed.value, m.parsed.low, m.parsed.high) for m in find_numbers(text)]
    assert got == found


@pytest.mark.parametrize(
    "text, found",
    [
        # a year before "to" a sum joins no range: a date, not a sum of that currency
        (
            "Sales fell from £4.1bn in 2002 to £3.7bn in 2003.",
            [("£4.1bn", "GBP"), ("£3.7bn", "GBP")],
        ),
        # a bare number that does close a range with a sum takes its currency
        ("Fees rose from 40 to £55 a head.", [("from 40 to £55", "GBP")]),
        ("The tickets cost between 30 and 45 euros.", [("between 30 and 45 euros", "EUR")]),
        # a poll's score joins no range either, but its first number is a share all the same
        ("The mayor leads 52 to 41 percent.", [("52", None), ("41 percent", None)]),
    ],
)
def test_a_bare_number_takes_a_currency_only_in_a_range(text, found):
    assert [(m.text, m.parsed.currency) for m in find_numbers(text)] == found


def test_a_score_before_a_percentage_is_a_percentage():
    assert [m.parsed.kind for m in find_numbers("The mayor leads 52 to 41 percent.")] == [
        "percent",
        "percent",
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        # a ratio is a share of the whole it names, not a count of its denominator
        ("One in four homes has no broadband.", [("One in four", 0.25, "fraction")]),
        ("The agency says one in 45 children has the condition.",
         [("one in 45", 1 / 45, "fraction")]),
        ("Two out of five voters had not decided.", [("Two out of five", 0.4, "fraction")]),
        ("One out of every five households uses a food bank.",
         [("One out of every five", 0.2, "fraction")]),
        ("Nearly one in 10 adults smokes.", [("Nearly one in 10", 0.1, "fraction")]),
        # not a span of time, a year, or a larger number over a smaller
        ("The rebels took 2 in 3 days.", [("2", 2, "number"), ("3", 3, "number")]),
        ("She came one in 2005 and left.", [("one", 1, "number")]),
        ("Officers found 5 in 3 cars.", [("5", 5, "number"), ("3", 3, "number")]),
    ],
)  # fmt: skip
def test_a_ratio_is_a_share(text, found):
    got = [(m.text, m.parsed.value, m.parsed.kind) for m in find_numbers(text)]
    assert [(t, pytest.approx(v), k) for t, v, k in found] == got


@pytest.mark.parametrize("text", ["9" * 400 + " in 5 homes", "1 in " + "9" * 400 + " homes"])
def test_a_ratio_of_digits_too_long_for_a_float_does_not_raise(text):
    # a run of digits past a float's range reads as infinite: no whole number opens a ratio
    # (the property test's "99…9" had raised OverflowError in the ratio rule)
    found = find_numbers(text)
    assert all(m.parsed.kind != "fraction" or m.parsed.value < 1 for m in found)
    assert found


@pytest.mark.parametrize(
    "text, found",
    [
        # a decade written with an apostrophe is no count
        ("Prices fell in the 30's and rose again.", []),
        ("Jazz bands of the 1920's toured the coast.", []),
        ("The band of the 60’s reformed.", []),
        # a count after a possessive, or with a spaced quote, still is
        ("The club's 30 players trained.", ["30"]),
    ],
)
def test_a_decade_with_an_apostrophe_is_no_figure(text, found):
    assert [m.text for m in find_numbers(text)] == found


@pytest.mark.parametrize(
    "text, found",
    [
        # a margin "plus or minus" is no negative number
        ("The margin of error is plus or minus 3.5 percentage points.",
         [("3.5 percentage points", 3.5)]),
        # a minus alone still is
        ("Overnight it fell to minus 12 degrees.", [("minus 12", -12)]),
    ],
)  # fmt: skip
def test_a_margin_either_way_is_not_negative(text, found):
    assert [(m.text, m.parsed.value) for m in find_numbers(text)] == found


@pytest.mark.parametrize(
    "text, found",
    [
        # "m" before a currency's name is a million, with or without its country's adjective
        ("The miner paid 900m Canadian dollars for the stake.", [("900m", 900e6)]),
        ("The club spent 35m euros and 2m pounds on players.",
         [("35m euros", 35e6), ("2m pounds", 2e6)]),
        ("Its rival lost 80m yen and 120m Hong Kong dollars.",
         [("80m yen", 80e6), ("120m", 120e6)]),
        ("The bank lent 45 m dollars to the farm.", [("45 m dollars", 45e6)]),
        # alone, or before anything else, it is still a metre
        ("She swam the 800m in a record time.", []),
        ("He won the 400m Olympic final.", []),
        ("The 900m wall was built in 2004.", []),
    ],
)  # fmt: skip
def test_a_million_before_a_currency_name(text, found):
    assert [(m.text, m.parsed.value) for m in find_numbers(text)] == found


@pytest.mark.parametrize(
    "text, value",
    [
        ("4.1bn", 4_100_000_000),
        ("$0.7bn", 700_000_000),
        ("£3.3m", 3_300_000),
        ("1.15 million", 1_150_000),
        ("4.1 billion", 4_100_000_000),
        ("2.3 trillion", 2_300_000_000_000),
        ("9.7 bn", 9_700_000_000),
        ("14.96bn euros", 14_960_000_000),
    ],
)
def test_a_decimal_times_a_scale_is_exact(text, value):
    # no float error: "4.1bn" had been stored as 4099999999.9999995
    assert parse_number_phrase(text).value == value


def test_a_range_borrowing_its_scale_is_exact():
    parsed = parse_number_phrase("4.1-4.3bn")
    assert (parsed.low, parsed.high) == (4_100_000_000, 4_300_000_000)


def test_number_tokens_compare_and_print_as_before():
    # Tok is a slotted class now (it was a dataclass): equal by its fields, its repr the same.
    from analysis.numbers.tokens import Tok, tokenize

    tok = Tok("word", "Dozens", 4, 10)
    assert tok.low == "dozens"
    assert tok == Tok("word", "Dozens", 4, 10) and tok != Tok("word", "Dozens", 4, 11)
    assert repr(tok) == "Tok(kind='word', text='Dozens', start=4, end=10, low='dozens')"
    toks = tokenize("They counted 11 million-person crowds, roughly twenty.")
    assert [(t.kind, t.text) for t in toks] == [
        ("word", "They"),
        ("word", "counted"),
        ("num", "11"),
        ("word", "million"),
        ("dash", "-"),
        ("word", "person"),
        ("word", "crowds"),
        ("other", ","),
        ("word", "roughly"),
        ("word", "twenty"),
        ("other", "."),
    ]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("several hundred marchers", 300, 900), ("a few thousand fans came", 2000, 5000)],
)
def test_vague_quantifiers_still_read(text, low, high):
    (match,) = find_numbers(text)
    assert (match.parsed.low, match.parsed.high) == (low, high)
