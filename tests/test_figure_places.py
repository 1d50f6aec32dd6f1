"""Where a casualty figure happened, as a reader would place it, through the same
``extract_article`` call ``presslens analyze`` makes; and the village table (GeoNames cities1000)
that locates a small place and names its province.

The sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from analysis import figures, gazetteer, geo
from analysis.extract import extract_article
from analysis.records import Article


def _places(nlp, text):
    doc = nlp(text)
    result = extract_article(doc, Article(id="t", title="", text=doc.text))
    return [(f.text, f.location) for f in result.figures]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a two-word name the parser splits ("ezzor" tagged a common noun)
        ("Drone strikes kill 14 civilians in Syrias Deir ezzor.", [("14", "Deir ezzor")]),
        # a compass word is no place: "Northern Syria" is in Syria
        ("Coalition Strikes Kill 9 Civilians in Northern Syria.", [("9", "Syria")]),
        # a neighbourhood is placed in its city, whatever else shares its name
        ("Four people were killed when shells hit the Salah Eddin neighborhood in Aleppo city.",
         [("Four", "Aleppo")]),
        # a region the gazetteer now knows, named in full
        ("Shelling on the Eastern Ghouta region killed six civilians.",
         [("six", "Eastern Ghouta")]),
        # a place the tagger missed is named as written, as its tagged mentions are: not in
        # the gazetteer's own spelling ("Dar‘ā" beside "Daraa"; "Castelló de la Plana" for an
        # Aleppo road)
        ("At least 30 fighters were killed in clashes in Syrias southern Daraa province, a "
         "monitor said.", [("At least 30", "Daraa")]),
        ("Clashes in Northern Daraa killed 12 fighters.", [("12", "Daraa")]),
        ("Air strikes on the Castello road killed eight civilians, the monitor said.",
         [("eight", "Castello")]),
        # the first word of a village's name is not a town of that name ("Tall": At Tall)
        ("A suicide bomber blew himself up inside a hall in Tall Tawil village during a wedding, "
         "killing at least 22 civilians, the monitor said.", [("at least 22", "Tall Tawil")]),
    ],
)  # fmt: skip
def test_the_place_a_reader_takes(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_a_place_modifying_an_incident_noun_places_the_article(nlp):
    """ "the Hasakah province blast": the place modifies a noun, but it says where, so it is
    the article's place for a toll whose own sentence names none."""
    text = (
        "Officials gave details of the Hasakah province bombing on Monday.\n\n"
        "At least 12 people were killed, the officials said."
    )
    assert _places(nlp, text) == [("At least 12", "Hasakah")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia said on Monday that its jets had not struck the market in Atareb. At least 40 "
         "civilians were killed, rescuers said.", [("At least 40", "Atareb")]),
        ("Washington blamed the government for the siege of Madaya. At least 23 people have "
         "starved to death, aid workers said.", [("At least 23", "Madaya")]),
        # held to account, and a law's reach
        ("Officials accused Moscow of bombing the convoy near Aleppo. Twenty aid workers were "
         "killed, the Red Crescent said.", [("Twenty", "Aleppo")]),
        ("The envoy told Moscow that the siege of Madaya must end. At least 23 people have "
         "starved to death, aid workers said.", [("At least 23", "Madaya")]),
        ("Fighters of Daesh, a terrorist group banned in Russia, attacked the town of "
         "Qaryatain. Eleven soldiers were killed, the ministry said.", [("Eleven", "Qaryatain")]),
        # but a place held, defended or suffering is where
        ("Rebels still hold eastern Aleppo. Troops defending Aleppo said 14 civilians were "
         "killed on Monday.", [("14", "Aleppo")]),
        ("Aleppo continues to suffer under the siege. At least 9 people were killed, rescuers "
         "said.", [("At least 9", "Aleppo")]),
    ],
)  # fmt: skip
def test_a_place_that_speaks_or_acts_does_not_place_the_article(nlp, text, expected):
    """ "Russia said", "Washington blamed", "accused Moscow", "banned in Russia": a government
    acting or its law, not where the toll happened (FA-KES had tolls placed in Moscow)."""
    assert _places(nlp, text) == expected


def test_an_actor_modifier_does_not_place_the_article(nlp):
    text = "US forces said on Monday that 12 people were killed."
    assert _places(nlp, text) == [("12", None)]


@pytest.mark.parametrize(
    "name, province",
    [
        ("Armanaz", "Idlib"),  # as GeoNames writes it
        ("al-Asharah", "Deir ez-Zor"),  # "Al `Asharah": apostrophe and article
        ("Al-Atareb", "Aleppo"),  # "Al Atarib": e/i
        ("Qardaha", "Latakia"),  # "Al Qardahah": article and final h
    ],
)
def test_village_table_locates_small_places_with_their_province(name, province):
    found = gazetteer.village(name)
    assert found is not None and found.country == "SY" and found.admin1 == province
    loc = geo.locate(name)
    assert loc is not None and loc.kind == "village" and loc.country == "SY"


def test_village_table_does_not_guess():
    assert gazetteer.village("Notaplace Whatsoever") is None
    assert gazetteer.village("Xy") is None  # too short to look up
    # a city the larger tables know is still located as a city
    assert geo.locate("Aleppo").kind == "city"


def test_a_country_is_narrowed_to_a_small_town_the_article_is_about(nlp):
    """Ras al-Ain (Ra's al `Ayn, ~30,000 people) is in the village table only: a toll "in Syria"
    in an article about the town is placed there."""
    text = (
        "Fighting raged in Ras al-Ain on Monday, residents of Ras al-Ain said.\n\n"
        "At least 9 people were killed in Syria, a monitor said."
    )
    assert _places(nlp, text) == [("At least 9", "Ras al-Ain")]


def test_the_incidents_province_in_another_spelling_beats_a_city_listed_late(nlp):
    """The province where the strikes hit, spelled as no gazetteer lists it ("Deir al-Zur" for
    Deir ez-Zor, commas stripped as in FA-KES), is the place of the tolls whose sentences name
    none: not a city named once at the end in a list of government-held cities."""
    text = (
        "At least 31 civilians including nine children died on Monday when air strikes hit a "
        "market in a Syrian town held by jihadists.\n\n"
        "At least 31 civilians including nine children were killed when air strikes hit a "
        "crowded market in eastern Syria a monitor said. The monitor said the raids hit the "
        "town of Kharabat in Deir al-Zur province near the border with Iraq. It had earlier "
        "given a toll of 20 dead. At least 40 people were also wounded in the raids he added. "
        "The war in Syria has drawn in Russia and Iran. The jihadists now hold only a sliver "
        "of Deir al-Zur. Backed by Russia the government has retaken most of Syria including "
        "the cities Damascus Aleppo Homs and Hama."
    )
    assert {place for _, place in _places(nlp, text)} == {"Deir al-Zur"}


@pytest.mark.parametrize(
    "name, city",
    [
        ("Deir az-Zour", "Deir ez-Zor"),  # the article's sun-letter form, "ou" for "o"
        ("Deir al-Zur", "Deir ez-Zor"),  # its moon-letter form
        ("Deir el-Zour", "Deir ez-Zor"),
    ],
)
def test_a_city_is_found_whichever_way_its_inner_article_is_spelled(name, city):
    from analysis.figures import _country_of

    assert gazetteer.place(name).name == city
    assert _country_of(name) == "SY"
    assert geo.locate(name).country == "SY"


def test_a_loose_spelling_finds_no_namesake_abroad():
    from analysis.figures import _country_of

    # a border town: the Turkish Ceylanpinar carries the name "Ras al Ayn" too
    assert _country_of("Ras al-Ain") == "SY"
    # a leading article is no inner one: "Al-Shafah" is not the Saudi city Ash Shafa
    assert gazetteer.place("Al-Shafah") is None
    # a person's name with an article inside is no place
    assert gazetteer.place("Bashar al-Assad") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a possessive whose apostrophe the source stripped
        ("Air raids on Homss Khalidiya district killed at least 10 people on Friday.",
         [("at least 10", "Homs")]),
        # a city the small model left untagged, modifying the incident noun
        ("Mon 3 Jun 2019 Aleppo car bomb kills seven.", [("seven", "Aleppo")]),
    ],
)  # fmt: skip
def test_places_the_source_or_the_model_garbled(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_a_restatement_names_the_finer_place():
    from analysis.figure_restated import _finer

    assert _finer("Syria", "Ras al-Ain") == "Ras al-Ain"  # a town in the country
    assert _finer("Syria", "Mosul") == "Syria"  # not in it
    assert _finer("Idlib", "Aleppo") == "Idlib"  # the first is already a place, not a country
    assert _finer(None, "Aleppo") == "Aleppo"


@pytest.mark.parametrize(
    "text, expected",
    [
        # "of" after people says whose they are, not where
        ("Six nurses of the Union of Medical Relief Organisations were killed near Homs.",
         [("Six", "Homs")]),
        # what is counted is not where it happened
        ("Video Shows Killing of 3 Yazidi Farmers", [("3", None)]),
        # an agency in capitals is no city, whatever the gazetteer spells alike
        ("Tue 3 May 2016 Shelling Leaves 8 Civilians Dead SANA Reports.", [("8", None)]),
    ],
)  # fmt: skip
def test_names_that_are_not_the_place(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_a_war_total_is_the_countrys_not_the_days_city(nlp):
    doc = nlp(
        "An air strike killed 12 people in Aleppo on Monday. The country's civil war has killed "
        "more than 230,000 people in Syria since 2011, and the conflict has killed more than "
        "9,000 children, a monitor said."
    )
    found = {
        f.text: (f.scope, f.location)
        for f in extract_article(doc, Article(id="t", title="", text=doc.text)).figures
    }
    assert found["12"] == ("event", "Aleppo")
    assert found["more than 230,000"] == ("total", "Syria")
    # no place in its sentence: the country of the article's incidents, not Aleppo
    assert found["more than 9,000"] == ("total", "Syria")


def test_a_wars_totals_are_the_countrys_not_the_areas_of_the_days_news(nlp):
    # the day's news is in an area of Syria; the war's dead and displaced are Syria's
    text = (
        "Mortar fire killed nine civilians in Eastern Ghouta on Sunday. Eastern Ghouta has "
        "been under siege for years. More than 350000 people have been killed and millions "
        "displaced since the war in Syria began in 2011."
    )
    assert _places(nlp, text) == [
        ("nine", "Eastern Ghouta"), ("More than 350000", "Syria"), ("millions", "Syria"),
    ]  # fmt: skip


HEADLINE_INTO_DATELINE = (
    "Russian strikes kill 120 militants in Syria\n\n"
    "MOSCOW Some 120 militants and 60 foreign mercenaries were killed in a series of Russian "
    "air strikes in Syria over the past day, the defence ministry said on Saturday.\n\n"
    "The ministry said the strikes hit command posts near Mayadeen in Deir Ezzor province."
)


def test_a_paragraph_break_ends_the_headline_before_the_dateline(nlp):
    """The parser ran the headline into the dateline ("… in Syria ⏎⏎ MOSCOW Some 120"): "in
    Syria MOSCOW" placed the strike's tolls in Moscow, where the ministry spoke (FA-KES)."""
    doc = nlp(HEADLINE_INTO_DATELINE)
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts[:2] == ["Russian", "MOSCOW"]  # the headline a sentence of its own
    places = {where for _, where in _places(nlp, HEADLINE_INTO_DATELINE)}
    # (Mayadeen, the town the strikes hit in Deir Ezzor province, is a place since the small
    # model's DATE on it is corrected)
    assert places and "Moscow" not in places and places <= {"Syria", "Deir Ezzor", "Mayadeen"}


def test_a_country_is_narrowed_only_to_a_place_inside_it(nlp):
    # "killed in Syria" beside a foreign capital named in the same sentence stays in Syria
    text = "Officials in Moscow said 30 fighters were killed in Syria on Friday."
    assert _places(nlp, text) == [("30", "Syria")]


def test_the_lede_after_a_headline_and_dateline_is_the_news(nlp):
    """The opening sentence is the news however it is dated ("last week"): with the headline
    and dateline now sentences of their own, the lede is still the opening."""
    from analysis import figures

    text = (
        "Village toll rises to 48\n\n"
        "BEIRUT AFP Sunday 12 Jun 2016\n\n"
        "At least 48 people were killed in a village near Hama last week, a monitor said.\n\n"
        "Twenty people were killed in the same village in March."
    )
    doc = nlp(text)
    found = figures.extract(doc, article_id="t", mentions=[], quotes=[])
    scopes = {f.text: f.scope for f in found}
    assert scopes["At least 48"] == "event"  # the lede, "last week" notwithstanding
    assert scopes["Twenty"] == "background"  # a later sentence dated in March


def test_a_dateline_is_where_the_reporter_is_not_where_the_news_happens(nlp):
    text = (
        "Last updated at Oct 082017\n\n"
        "MOSCOW Some 120 extremists were killed in a series of Russian air strikes in Syria over "
        "the past day, the defence ministry said.\n\n"
        "Moscow said the strikes targeted command posts. Fifteen volunteers were killed in the "
        "strike, rescuers said."
    )
    # the toll with no place of its own was put in the article's main place, which the
    # capitals of a "MOSCOW" dateline made Moscow
    assert dict(_places(nlp, text))["Fifteen"] == "Syria"


def test_the_claimants_seat_is_not_where_the_toll_is(nlp):
    text = (
        "Some 40 fighters were killed near Mayadeen in Syria, the defence ministry in Moscow said "
        "on Saturday."
    )
    assert dict(_places(nlp, text))["Some 40"] in ("Syria", "Mayadeen")  # not Moscow


@pytest.mark.parametrize(
    "text, figure",
    [
        (
            "Fighting raged around Hama for a third day. The war monitor based in Britain said 30 "
            "soldiers had been killed in the clashes that began on Sunday.",
            "30",
        ),
        (
            "Shells fell on Daraa overnight. A rights group headquartered in Geneva said 14 "
            "civilians had died in the shelling.",
            "14",
        ),
        # no other place named: the seat was the article's only place, so the toll's
        (
            "The Network for Civil Rights based in Britain said 22 rebels and 17 soldiers had "
            "been killed in the fighting that began on Friday.",
            "22",
        ),
    ],
)
def test_where_the_claimant_is_based_is_not_where_the_toll_is(nlp, text, figure):
    place = dict(_places(nlp, text))[figure]
    assert place not in ("United Kingdom", "Britain", "Geneva", "Switzerland"), place


def test_a_line_break_inside_a_paragraph_ends_no_sentence(nlp):
    doc = nlp("The minister said the talks\nwould resume on Monday.\n\nAides agreed.")
    assert [s.text.split()[0] for s in doc.sents] == ["The", "Aides"]


@pytest.mark.parametrize(
    "sentence, number, scope",
    [
        # a war's toll told without naming the war: no day's attack kills so many
        ("More than 300000 people have been killed and nearly a third of the region has fled.",
         "More than 300000", "total"),
        ("Some 120000 people have died in the five-year insurgency.", "Some 120000", "total"),
        ("At least 140000 people have been killed since the countrys rebellion began.",
         "At least 140000", "total"),
        # a day's toll in the perfect stays the day's
        ("At least 45 people have been killed in the blast.", "At least 45", "event"),
    ],
)  # fmt: skip
def test_a_war_toll_told_without_the_war_is_a_running_total(nlp, sentence, number, scope):
    doc = nlp("Shells hit a market in Homs on Monday, killing 9 people. " + sentence)
    found = {
        f.text: (f.scope, f.location)
        for f in extract_article(doc, Article(id="t", title="", text=doc.text)).figures
    }
    assert found["9"] == ("event", "Homs")
    assert found[number][0] == scope
    if scope == "total":  # the country's, not the day's town
        assert found[number][1] != "Homs"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the source lost the apostrophe of "East Aleppo's": the place is where "in East
        # Aleppo" puts a figure, Aleppo
        ("A Photo essay on East Aleppos ruined souk Sugar had risen to 900 Syrian pounds a "
         "kilo from 300 pounds in May.", [("900", "Aleppo"), ("300 pounds", "Aleppo")]),
        # a name that is a place with its "s" is never cut: the gazetteer lists "Athen" and
        # "Damascu" as variants, which had made the places "Athen" and "Damascu"
        ("Shells hit Douma in Damascus Countryside injuring five children.",
         [("five", "Damascus")]),
    ],
)  # fmt: skip
def test_a_possessive_that_lost_its_apostrophe(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_a_place_never_loses_the_s_of_its_own_name(nlp):
    places = dict(
        _places(nlp, "Four of the twelve runners who competed at the Athens Games failed.")
    )
    assert "Athen" not in places.values()


@pytest.mark.parametrize(
    "word, owner",
    [("Syrias", "Syria"), ("Aleppos", "Aleppo"), ("Idlibs", "Idlib")]
    + [(w, None) for w in ("Athens", "Wales", "Texas", "Homs", "Jarablus", "Kilis", "Tartous")]
    + [(w, None) for w in ("Damascus", "Brits", "Pirates", "Qabs")],
)
def test_a_lost_possessive_is_a_known_name_and_its_s(word, owner):
    found = gazetteer.lost_possessive(word)
    assert (found.name if found else None) == owner


def _context(words, ents, mentions):
    """A figures context on a hand-built Doc (no model) with the entity layer's mentions."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from analysis.figures import _Context
    from analysis.records import EntityMention

    doc = Doc(Vocab(), words=words, ents=ents)
    found = []
    for name, label, first, last in mentions:
        span = doc[first : last + 1]
        found.append(EntityMention("t", name, label, span.text, span.start_char, span.end_char, 0))
    return doc, _Context(doc, quotes=(), mentions=found)


def test_words_the_entity_layer_cut_off_a_name_are_no_place():
    """ "the town of Tabqa 40 kilometres (25 miles)": the model tags "Tabqa 40 kilometres",
    the entity layer keeps "Tabqa"; the distance's noun, which the parse reaches first, had
    made the figure's place "Tabqa 40 kilometres"."""
    words = ["the", "town", "of", "Tabqa", "40", "kilometres", "(", "25", "miles", ")", "up"]
    ents = ["O", "O", "O", "B-FAC", "I-FAC", "I-FAC"] + ["O"] * 5
    doc, ctx = _context(words, ents, [("Tabqa", "GPE", 3, 3)])
    assert (ctx.label(doc[5]), ctx.name(doc[5])) == ("", "kilometres")
    assert (ctx.label(doc[3]), ctx.name(doc[3])) == ("GPE", "Tabqa")
    # an entity the entity layer left whole, or dropped whole, keeps the model's reading
    doc, ctx = _context(words, ents, [])
    assert ctx.label(doc[5]) == "FAC"


# An article whose own place is Douma (named three times before the figure's sentence): each
# figure below names another place in its own sentence, and that place must win.
DOUMA_LEDE = (
    "Government shelling hit Douma again on Monday. Douma has been besieged for years and "
    "Douma's hospitals are full.\n\n"
)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a part of a city is in the city: "the west of Aleppo city"
        ("Two pupils were killed and 11 wounded in a shell attack on a school in the rebel-held "
         "west of Aleppo city on Monday, state media said.",
         [("Two", "Aleppo"), ("11", "Aleppo")]),
        ("Four pupils were killed when a shell hit a school in the north of Aleppo city.",
         [("Four", "Aleppo")]),
        # a town no gazetteer table knows is still a place: its name, not the article's town
        ("At least five civilians were killed in the town of Kafr Sulwan, rescuers said.",
         [("At least five", "Kafr Sulwan")]),
        # a list of "N in A" pairs whose commas were lost: each number takes its own place,
        # whatever the tagger makes of the names
        ("The local council said 45 bodies were found in Zamalka 30 in Kafr Sulwan 22 in Otaya "
         "and 18 in Douma.",
         [("45", "Zamalka"), ("30", "Kafr Sulwan"), ("22", "Otaya"), ("18", "Douma")]),
    ],
)  # fmt: skip
def test_the_sentences_own_place_beats_the_articles(nlp, sentence, expected):
    assert _places(nlp, DOUMA_LEDE + sentence) == expected


def test_the_city_points_back_to_the_city_named_before(nlp):
    """ "the city" with no name of its own is the city the sentences before named, not the
    article's main place."""
    text = (
        "Government shelling hit Idlib again on Monday. Idlib has been besieged for years and "
        "Idlib's hospitals are full.\n\n"
        "Rebels shelled the Midan district of Hama on Sunday. The district lies in the south of "
        "the city which has been split since 2013 when the army seized its northern half."
    )
    assert _places(nlp, text) == [("half", "Hama")]


# From an analyst's review of the real store: places that belonged to something else than the
# counted event (the speaker, the far side of a border, an earlier event, a place named once).
@pytest.mark.parametrize(
    "text, expected",
    [
        # where the speaker lives is not where the dead fell (no place beats Germany)
        ("Air strikes hit the town of Mayadeen in Deir Ezzor on Monday, a monitor said.\n\n"
         "A local activist who now lives in Germany told reporters that 12 people were killed.",
         [("12", None)]),
        # the place an offensive was fought for is where its dead fell, not the day's town
        ("Government shelling hit the town of Talbiseh on Monday, activists said.\n\n"
         "Rights groups say barrel bombs dropped during the battle for Aleppo in 2016 killed at "
         "least 40 civilians.", [("at least 40", "Aleppo")]),
        # a nationality's side of a border is that country, not the one across it
        ("Eleven people were killed by a car bomb near a market on the Turkish side of the "
         "border with Syria, police said.", [("Eleven", "Turkey")]),
        # an earlier event recalled, in a sentence naming no place, takes neither the day's
        # town nor the place of the sentence before
        ("Air strikes killed 15 people in the town of Saraqeb in Idlib province on Sunday.\n\n"
         "The government was blamed for a gas attack last year that killed dozens.",
         [("15", "Saraqeb"), ("dozens", None)]),
        # a town named only where an earlier event is recalled is not the article's place
        ("Air strikes killed 15 people in northern Syria on Sunday, a monitor said.\n\n"
         "The monitor said the dead were all civilians.\n\n"
         "In April 2017 a gas attack on Khan Sheikhoun killed more than 80 people.",
         [("15", "Syria"), ("more than 80", "Khan Sheikhoun")]),
        # a town no table knows, named twice, is not put in a province the article names once
        ("Shelling of the village of Tal Marwan killed six people, activists said. Tal Marwan lies "
         "close to the front line, and Tal Marwan has no doctor.\n\n"
         "Rebels last week took a hill in the province of Homs.", [("six", "Tal Marwan")]),
        # "the X neighbourhood of the city of Y": in Y, not in Iraq's Sulaymaniyah
        ("Shells fell on the Sulaymaniyah neighbourhood of the Syrian city of Aleppo on Monday, "
         "state media said.\n\n"
         "The Sulaymaniyah area was hit by a car bomb in May 2015 that killed at least nine "
         "people.", [("at least nine", "Aleppo")]),
    ],
)  # fmt: skip
def test_a_place_that_is_not_the_counted_events(nlp, text, expected):
    assert _places(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a battle for a company, not for a place
        ("Verizon has won a takeover battle for US phone firm MCI with a bid worth $6.8bn, "
         "reports say.", [("$6.8bn", None)]),
        # a battle that only dates the count ("since the battle for …")
        ("Shelling hit Aleppo on Monday.\n\nSyria is in the throes of its worst fighting since "
         "the battle for eastern Aleppo last year, with air strikes killing hundreds of "
         "civilians, aid agencies said.", [("hundreds", None)]),
        # an earlier event at a place the sentence points back to is the article's
        ("A car bomb killed nine people in Homs on Monday.\n\nThe district has been targeted "
         "before, including on June 19 when at least six people were killed in a car bomb "
         "attack.", [("nine", "Homs"), ("at least six", "Homs")]),
        ("A bomb killed nine people in a square in Hama on Friday.\n\nA similar bomb in the same "
         "square last month killed five people.", [("nine", "Hama"), ("five", "Hama")]),
        # where the monitor reports on, in a clause on it, is no place of the count
        ("The bombs were placed in two tunnels under the old town, said the Observatory, a "
         "British group which reports on Syria through sources on the ground.", [("two", None)]),
    ],
)  # fmt: skip
def test_a_place_words_only_seem_to_name(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_an_earlier_event_told_twice_is_one_figure_though_unplaced(nlp):
    """An earlier event recalled with no place of its own is left unplaced; its retelling with
    the village's name is still the same figure, not a second count (the two had been joined
    only because both took the article's town, which was not theirs)."""
    text = (
        "Rebels shelled the town of Talbiseh on Monday, killing two people.\n\n"
        "The shelling came as the army was accused of executing 31 people earlier this week in "
        "a village in the north.\n\n"
        "Activists said the 31 people were executed in the village of Kafr Tamim earlier this week."
    )
    assert _places(nlp, text) == [("two", "Talbiseh"), ("31", None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the town that names the sentence's attack or its attacker is where the toll was,
        # not the article's home
        ("Senators met in Denver, Colorado, on Friday to debate gun laws in Colorado.\n\n"
         "They said the Tucson gunman had bought his pistol legally before he killed six "
         "people.", [("six", "Tucson")]),
        ("Senators met in Denver, Colorado, on Friday to debate gun laws in Colorado.\n\n"
         "The Tucson mall attack killed six people, one senator said.", [("six", "Tucson")]),
        # a country before an attack names who struck, not where
        ("Senators met in Denver, Colorado, on Friday to debate gun laws in Colorado.\n\n"
         "Russian officials said US airstrikes killed 15 people.", [("15", "Colorado")]),
        # nor a town run in before another name (a dateline: "Tucson Syrian army air strikes")
        ("Senators met in Denver, Colorado, on Friday to debate gun laws in Colorado.\n\n"
         "Tucson Syrian army air strikes killed 15 people, officials said.",
         [("15", "Colorado")]),
    ],
)  # fmt: skip
def test_a_town_naming_the_event_beats_the_articles_home(nlp, text, expected):
    assert _places(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a city's airport is the city's, not the article's own place (review48 P8)
        ("A lorry drove into a crowd in Lyon, killing 40 people.\n\nIn May, gunmen killed 18 "
         "people in attacks at the Madrid airport and a bus station.",
         [("40", "Lyon"), ("18", "Madrid")]),
        # a neighbourhood of the story's town, whatever namesake the gazetteer has abroad
        ("Police in Boston said a gas explosion had shaken the city.\n\nEleven people were "
         "injured in a crowded Chelsea neighborhood on Friday, Boston police said.",
         [("Eleven", "Boston")]),
        # the city its people are named after, where the sentence names no place
        ("The 14 Londoners hurt by the blast were treated in hospital.", [("14", "London")]),
        # a nationality says who they are, not where
        ("Nine Syrians were injured in the blast.", [("Nine", None)]),
    ],
)  # fmt: skip
def test_a_place_named_by_its_city(nlp, text, expected):
    assert _places(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a town the text nests in the province the gazetteer has it in is that town, though
        # the province stands nearer the number
        ("A nurse at the clinic in Saraqib in Idlib said a raid on its gate killed nine people.",
         [("nine", "Saraqib")]),
        ("Rockets fired at a bakery in Jisr al-Shughur in Idlib province killed seven "
         "civilians.", [("seven", "Jisr al-Shughur")]),
        # a town whose name the city tables give a namesake abroad stays rolled up into its
        # province (Ariha is also Jericho: a map would draw it there)
        ("Rockets fired at a bakery in Ariha in Idlib province killed seven civilians.",
         [("seven", "Idlib")]),
        # a town the gazetteer has in another province is not vouched for by the nesting: the
        # province named
        ("A nurse at the clinic in Saraqib in Hama said a raid on its gate killed nine people.",
         [("nine", "Hama")]),
    ],
)  # fmt: skip
def test_a_town_nested_in_its_own_province_is_the_town(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_a_toll_retold_with_no_place_near_it_is_the_earlier_placed_toll(nlp):
    """The retold toll's sentence and the one before name no town: the article's main place
    (Aleppo, named most) was only a guess, and the toll is the Idlib one said again."""
    text = (
        "Jets pounded rebel-held Idlib province on Sunday, killing at least 31 people. "
        "Fighting raged around Aleppo as rebels pushed into Aleppo's southern districts. "
        "Families in Aleppo sheltered in basements. "
        "The monitor counted 19 raids across the province. "
        "31 people died in the raids."
    )
    killed = [(t, p) for t, p in _places(nlp, text) if t != "19"]
    assert killed == [("at least 31", "Idlib")]


def test_a_toll_after_a_sentence_naming_its_place_is_not_merged_elsewhere(nlp):
    """The sentence before names the toll's place: an equal toll of another town is another
    toll."""
    text = (
        "Jets pounded rebel-held Idlib province on Sunday, killing at least 31 people. "
        "In Aleppo, shells hit a crowded market. "
        "31 people died there."
    )
    assert _places(nlp, text) == [("at least 31", "Idlib"), ("31", "Aleppo")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # where the counted come from is no place of theirs: the town after "south of" is
        ("More than 40 foreign fighters from Chechnya, Morocco and Tunisia were killed east of "
         "Palmyra, the ministry said.", [("More than 40", "Palmyra")]),
        ("The army said there were seven gunmen from the Caucasus among the fighters killed "
         "near Mayadin.", [("seven", "Mayadin")]),
        # the displaced are counted where they fled from
        ("About 3,000 families from Aleppo fled to the countryside.", [("About 3,000", "Aleppo")]),
        # a meeting's venue outside the toll's clause says where people met
        ("Several rounds of talks in Vienna and Astana have failed to stop the war in Syria, in "
         "which hundreds of thousands of people are thought to have been killed.",
         [("hundreds of thousands", "Syria")]),
        # a country after "near" is across a border from the story's own country
        ("Syria said its troops killed 30 fighters near Jordan on Sunday.",
         [("30", "Syria")]),
    ],
)  # fmt: skip
def test_an_origin_a_venue_or_a_border_is_not_where(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_a_place_the_parser_joins_to_the_phrase_before_still_acts(nlp):
    """ "… with the Nusra Front and Moscow has often demanded …": the parser makes Moscow a
    conjunct of the Front, but it is the subject of "demanded", acting, and no place the
    article's tolls happen in (it had become the home of an Aleppo clinic's toll)."""
    from analysis import figures

    doc = nlp(
        "The alliance groups rebels with the former Nusra Front and Moscow has repeatedly "
        "demanded that it be disbanded."
    )
    moscow = next(t for t in doc if t.text == "Moscow")
    assert moscow.dep_ == "conj"  # the misparse this guards against
    assert figures._acting(moscow)


def test_a_headline_verb_run_into_a_town_is_no_part_of_it(nlp):
    assert _places(
        nlp, "The militia repelled an assault near the town of Jarablus Killing 35 attackers."
    ) == [("35", "Jarablus")]


def test_a_persons_or_a_days_word_tagged_a_place_places_nothing():
    """ "Rubio" beside "Marco Rubio", "Super" of "Super Tuesday", "Valeant" beside "Valeant
    Pharmaceuticals International": words of other names, no place for a figure (review50
    D2)."""
    from analysis import figures
    from analysis.records import EntityMention

    text = "Marco Rubio and Valeant Pharmaceuticals International lost on Super Tuesday in Ohio."
    mentions = [
        EntityMention(article_id="t", name="Marco Rubio", label="PERSON", text="Marco Rubio",
                      start=0, end=11, sent_start=0),
        EntityMention(article_id="t", name="Valeant Pharmaceuticals International",
                      label="ORG", text="Valeant Pharmaceuticals International", start=16,
                      end=53, sent_start=0),
    ]  # fmt: skip
    ctx = figures._Context.__new__(figures._Context)
    ctx.mentions, ctx.text = mentions, text
    assert ctx.named_otherwise("Rubio")
    assert ctx.named_otherwise("Valeant")
    assert ctx.named_otherwise("Super")
    assert not ctx.named_otherwise("Ohio")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Fresno.</tweet>", "Fresno"),
        ("NEW MEXICO - Since", "NEW MEXICO"),
        ("Royal Opera - Placido Domingo", None),
        ("Jarablus Killing", "Jarablus"),
        ("Deir Ezzor", "Deir Ezzor"),
        # a match's score and a sum the tagger ran into a name, a preposition cut off a longer one
        ("Villa Park 2-0", "Villa Park"),
        ("Slovak Republic 6-4 7-5", "Slovak Republic"),
        ("US$4.2bn", None),
        ("of Ireland", "Ireland"),
        ("al-Bab", "al-Bab"),
    ],
)
def test_a_place_without_what_ran_into_it(name, expected):
    from analysis import figures

    assert figures._trimmed_place(name) == expected


# Review 50 (D1, D2): a toll whose own sentence names no place fell back on the article's
# most-mentioned place (Iraq for the Orlando massacre, Louisiana for five Dallas officers).


@pytest.mark.parametrize(
    "text, expected",
    [
        # a definite event noun points back to the event told earlier with its town
        ("Lawmakers in Iraq and Syria debated new airstrikes after the mass shooting in "
         "Tampa.\n\nIraq's parliament met on Monday. Iraq's ministers spoke for hours.\n\n"
         "A reporter asked about the claim for the attack, and about the massacre that killed "
         "12 people.", [("12", "Tampa")]),
        # "another attack" is another event: no antecedent
        ("Lawmakers in Iraq debated new airstrikes after the mass shooting in Tampa.\n\n"
         "Another attack killed 12 people, a reporter said.", [("12", "Iraq")]),
    ],
)  # fmt: skip
def test_a_definite_event_takes_the_town_of_the_event_it_points_back_to(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_a_toll_of_a_towns_officers_is_that_towns(nlp):
    """ "killed four Denver police officers": Denver's toll, not that of the shootings the
    same sentence places in two other states."""
    text = (
        "Protesters marched in Ohio and Georgia on Sunday.\n\n"
        "The governor spoke of police shootings in Ohio and Georgia and of a sniper killing "
        "four Denver police officers."
    )
    assert _places(nlp, text) == [("four", "Denver")]


def test_a_nationalitys_capital_is_that_countrys_capital(nlp):
    text = (
        "Senators in Texas argued about the war on Friday.\n\n"
        "They condemned the gunmen who killed more than 40 people in the Belgian capital."
    )
    assert _places(nlp, text) == [("more than 40", "Brussels")]


def test_a_toll_carries_on_the_paragraphs_event_past_a_quotation(nlp):
    """A quotation between names no place: the toll is still of the event placed before it,
    and a senator's state in brackets is an aside."""
    text = (
        "Voters in Ohio met the candidate on Monday.\n\n"
        "She had testified about the 2012 bombing in Kabul, and Sen. Mark Hale (R-Ohio) asked "
        'her about it. She replied: "It makes no difference now." Critics said she did not care '
        "how six soldiers died."
    )
    assert _places(nlp, text) == [("six", "Kabul")]


def test_a_roundups_items_keep_their_own_places(nlp):
    """An "IN BRIEF" round-up tells unrelated stories under headlines of their own: a toll is
    its item's, not the first story's country."""
    text = (
        "IN BRIEF.\n\n"
        "Portugal counts votes after tight election.\n\n"
        "Portugal waited for results on Monday after voters split between four parties in "
        "Sunday's election, leaving no party near a majority in Portugal.\n\n"
        "Bus crash on Denver highway.\n\n"
        "A bus left the road on Sunday evening in an incident that left two people dead and "
        "nine injured, police said. The driver, 51, of Boise, Idaho, was unhurt."
    )
    assert [p for p in _places(nlp, text) if p[0] != "four"] == [
        ("two", "Denver"),
        ("nine", "Denver"),
    ]


def test_a_sign_off_glued_to_the_last_word_leaves_the_wounded_wounded(nlp):
    """ "… and more than 20 wounded.--Jane Roe.": the reporter's sign-off is no part of the
    word, so the wounded are not counted as dead."""
    doc = nlp("The attack in Tampa left 9 people dead and more than 20 wounded.--Jane Roe.")
    result = extract_article(doc, Article(id="t", title="", text=doc.text))
    assert [(f.text, f.category) for f in result.figures] == [
        ("9", "killed"),
        ("more than 20", "injured"),
    ]


def test_an_editors_bracket_keeps_its_place_on_the_quoted_toll(nlp):
    text = (
        "The senator spoke about Egypt and Yemen.\n\n"
        "She said: \u201cMaybe 900 people were killed last year [in Yemen] compared to "
        "probably 20,000 in Egypt.\u201d"
    )
    assert ("900", "Yemen") in _places(nlp, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a capital that is one side against an organisation, or made to act, is its
        # government; a dateline with its agency in brackets says where the reporter is
        ("Rebels killed 12 Turkish soldiers and left four others wounded, Kurdish media "
         "reported. MOSCOW (Sputnik) Rebels killed 12 Turkish soldiers. The rebels also "
         "destroyed a tank in northern Syrias Afrin near the border with Turkey. Tensions "
         "between Ankara and the PKK escalated in 2015 after attacks prompting Ankara to "
         "launch a military operation in the southeast.",
         [("12", "Afrin"), ("four", "Afrin")]),
    ],
)  # fmt: skip
def test_a_government_or_a_dateline_is_no_toll_place(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_a_neighbourhood_of_a_long_list_is_placed_in_its_city(nlp):
    """A list of hyphenated neighbourhood names, one of them holding a known city's name ("New
    Homs"), ends "neighborhoods in Homs": a later toll in one of them is Homs's, not the
    article's most-mentioned place."""
    text = (
        "Shells hit Tartus and Homs on Monday.\n\n"
        "Five people were killed by shells fired on al-Qusour al-Zahra New Homs and al-Waer "
        "neighborhoods in Homs. A police source said the shells on al-Zahra neighborhood in "
        "the morning killed three civilians. In Tartus, a bomb in Tartus killed two people "
        "near Tartus port. Tartus police closed roads around Tartus."
    )
    assert ("three", "Homs") in _places(nlp, text)


def test_an_anniversary_generations_back_is_history_not_a_total(nlp):
    """ "… marked 90 years since the massacre, when soldiers killed 4,000 villagers": history
    told by its anniversary, not a running total placed in the article's country."""
    doc = nlp(
        "Leaders met in Baku on Monday.\n\n"
        "The day marked 90 years since the massacre, when soldiers killed some 4,000 "
        "villagers. Baku and Yerevan still dispute it."
    )
    result = extract_article(doc, Article(id="t", title="", text=doc.text))
    toll = next(f for f in result.figures if f.text == "some 4,000")
    assert (toll.location, toll.scope) == (None, "background")


def test_a_source_named_after_a_city_places_a_toll_with_no_place(nlp):
    """A toll whose only places are a quotation's country is placed by its source's city name
    ("the Syrian monitoring group Raqqa Watch"), not in that country."""
    text = (
        "The governor spoke about America on Monday.\n\n"
        '"America must act," she said. "America is strong."\n\n'
        "According to the Syrian monitoring group Raqqa Watch, at least 21 prisoners have "
        "been killed by the militants since the order was given."
    )
    assert ("at least 21", "Raqqa") in _places(nlp, text)


def test_a_newspaper_named_after_a_city_gives_no_place(nlp):
    text = (
        "The governor spoke about America on Monday.\n\n"
        "According to the Chicago Tribune, at least 21 prisoners have been killed by the "
        "gang since the order was given."
    )
    assert ("at least 21", "Chicago") not in _places(nlp, text)


def test_a_place_on_another_noun_is_not_the_place_of_a_relative_clauses_toll(nlp):
    """ "a long campaign in Scotland … the bombs which killed nine people": the campaign was in
    Scotland; the bombs are those the article told before, at two towns of one region."""
    text = (
        "The minister apologised on Monday.\n\n"
        "Four men were wrongly jailed for bomb attacks on shops in Leeds and Bradford in 1981.\n\n"
        "The apology followed a long campaign in Scotland for their release after the four "
        "were wrongly convicted of planting the bombs which killed nine people."
    )
    assert ("nine", "England") in _places(nlp, text)


def test_the_attack_points_back_to_the_struck_place(nlp):
    """ "the attack" with no place points back to the nearest event tied to a town: "missiles
    struck an airbase in Hama province", not the town of the earlier attack the airbase was
    used for."""
    text = (
        "Missiles damaged an airbase used for a gas attack on a village in Idlib.\n\n"
        "Forty missiles struck an air base in Hama province early on Friday. The base was the "
        "launch pad for a gas attack on an Idlib village. State media said four soldiers were "
        "killed in the attack. The civilians of Idlib welcomed the strike."
    )
    assert ("four", "Hama") in _places(nlp, text)


def test_a_later_toll_of_the_same_victims_keeps_their_place(nlp):
    """A toll of "regime soldiers" with no place of its own is that of the earlier toll of
    regime soldiers the article placed, not of the article's main town."""
    text = (
        "Barrel bombs killed 8 people in the town of Nawa in Daraa on Sunday. Nawa was hit "
        "again on Monday.\n\n"
        "A day earlier, coalition jets killed dozens of regime soldiers near Palmyra.\n\n"
        "Moscow said on Monday that over 50 regime soldiers were killed by the coalition "
        "strikes."
    )
    assert ("over 50", "Palmyra") in _places(nlp, text)


def test_the_attack_in_a_province_keeps_the_articles_town_in_it(nlp):
    """ "the attack in Idlib province" points back to the attack the article places in Khan
    Sheikhun, a town of that province: the finer place."""
    text = (
        "A gas attack hit the town of Khan Sheikhun on Tuesday. Rescuers reached Khan Sheikhun "
        "at noon and searched Khan Sheikhun for survivors.\n\n"
        "Doctors treated the victims of the attack in Idlib province. At least 70 people "
        "died in the attack, the doctors said."
    )
    assert ("At least 70", "Khan Sheikhun") in _places(nlp, text)


@pytest.mark.parametrize(
    "name, no_place",
    [("Northern", True), ("Eastern", True), ("south-west", True), ("North", True),
     ("North Korea", False), ("Northern Ireland", False), ("Weston", False), ("Easton", False)],
)  # fmt: skip
def test_a_compass_word_alone_is_no_figures_place(name, no_place):
    # what the tagger or the settling kept of "Northern Aleppo province" had placed three of the
    # real store's tolls at "Northern"; the names that start with one are places
    from analysis import figures

    assert figures._no_place(name) is no_place


@pytest.mark.parametrize(
    "text, expected",
    [
        # a toll the story places nowhere, in a story whose only place is a court's seat
        ("The settlement was signed in Lisbon on Monday. The fund will be run by a charity in "
         "Lisbon.\n\nThe bank had hidden the general's accounts for years. More than 500 people "
         "were killed under his rule, a report says.", [("More than 500", None)]),
        ("The deal was agreed in Lisbon on Monday, lawyers said.\n\nThe bank had hidden the "
         "general's accounts for years. More than 500 people were killed under his rule, a "
         "report says.", [("More than 500", None)]),
        # a place the story ties to an incident stays the toll's
        ("Shelling hit the old quarter of Hama on Monday. The army denied the claims.\n\nThe "
         "monitor gave details later. At least 12 people were killed, rescuers said.",
         [("At least 12", "Hama")]),
        # in the opening, the story's place is the news's
        ("The deal was agreed in Lisbon on Monday. More than 500 people were killed under the "
         "general's rule, a report says.", [("More than 500", "Lisbon")]),
    ],
)  # fmt: skip
def test_a_toll_takes_the_storys_place_only_where_the_story_ties_it_there(nlp, text, expected):
    assert _places(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count of people the story places nowhere is not its dateline's
        ("Voters in Ohio went to the polls on Tuesday. The turnout was high.\n\nThe party's "
         "files held the details of some 180 million Americans, the report said.",
         [("some 180 million", None)]),
        ("Voters in Ohio went to the polls on Tuesday. The turnout was high.\n\nThe campaign's "
         "staff grew fast. About 400 volunteers joined the campaign.", [("About 400", None)]),
        # its paragraph names the story's place: that place's
        ("Voters in Ohio went to the polls on Tuesday. The turnout was high.\n\nTurnout in Ohio "
         "beat the record. About 4,000 people attended the rally.", [("About 4,000", "Ohio")]),
        # its sentence names the story's country's nationality: that country's
        ("Inflation in Turkey rose on Monday. The lira fell.\n\nMarkets were calm. The Turkish "
         "economy shrank in 2001 when two million people lost their jobs.",
         [("two million", "Turkey")]),
        # a story of one country only: "the economy" is that country's
        ("Inflation in Turkey rose on Monday. The lira fell.\n\nMarkets were calm. The economy "
         "shrank in 2001 when two million people lost their jobs.", [("two million", "Turkey")]),
        # a story of two countries: whose economy, the sentence does not say
        ("Inflation in Turkey rose on Monday. The lira fell against the Greek drachma as Athens "
         "markets rallied.\n\nMarkets were calm. The economy shrank in 2001 when two million "
         "people lost their jobs.", [("two million", None)]),
        # its sentence goes on with the story's fighting: the story's place
        ("Government forces now hold most of Homs, officials said on Monday. The army denied "
         "it.\n\nAid workers spoke later. About 20,000 people remain in the besieged districts, "
         "they said.", [("About 20,000", "Homs")]),
        # a war story's town, tied to its strikes, is where its people fled
        ("Air strikes pounded rebel districts of Idlib on Monday. The army denied the claims."
         "\n\nThe monitor gave details later. About 3,000 families fled their homes, the monitor "
         "said.", [("About 3,000", "Idlib")]),
    ],
)  # fmt: skip
def test_a_count_of_people_takes_the_storys_place_only_nearby(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_a_count_of_people_said_again_where_the_story_places_it_nowhere_is_one_figure(nlp):
    """ "The millions of people" in the opening (the story's place) and again in the speech
    (no place of its own): one figure, as when both had taken the story's place."""
    text = (
        "The senator spoke in Ohio of the millions of people who cannot afford care. The crowd "
        "cheered.\n\nShe went on. She told them of the millions of people who cannot afford "
        "care, the paper said."
    )
    assert _places(nlp, text) == [("millions", "Ohio")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a place in one item of a list is that item's, not the other items'
        (
            "The filing showed $80,000 for mailing lists from a vendor, $25,000 to a polling "
            "firm, and $61,000 on organisers in Ohio and Michigan.",
            [("$80,000", None), ("$25,000", None), ("$61,000", "Ohio")],
        ),
        (
            "The campaign spent $90,000 on adverts and $12,000 on staff in Denver.",
            [("$90,000", None), ("$12,000", "Denver")],
        ),
        # the list's items each with its own place
        (
            "Five people were killed in Aleppo and seven in Idlib.",
            [("Five", "Aleppo"), ("seven", "Idlib")],
        ),
        # a part of the number's own phrase lends it its place
        (
            "Shelling killed 12 people, including three children in Idlib.",
            [("12", "Idlib"), ("three", "Idlib")],
        ),
        # a day before its month counts nothing: its noun's place is the toll's
        (
            "12 Mar 2016 Government air strikes in Idlib killed nine civilians on Monday.",
            [("nine", "Idlib")],
        ),
        # an earlier item's place is the sentence's: the later count shares it
        (
            "Fifteen people in Kilis were killed and about 40 others wounded by rockets.",
            [("Fifteen", "Kilis"), ("about 40", "Kilis")],
        ),
        # "one" thing's place is no other count's
        (
            "Medics said at least 25 bodies were taken to one field hospital in Kafr Batna.",
            [("at least 25", "Kafr Batna")],
        ),
        # a place on the verb is every count's
        (
            "Airstrikes killed 20 civilians and wounded 40 others in Harasta.",
            [("20", "Harasta"), ("40", "Harasta")],
        ),
    ],
)
def test_a_place_in_one_item_of_a_list_is_that_items(nlp, text, expected):
    assert _places(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a struck building named after its town is in that town
        (
            "Two people were killed when mortar fire struck the Damascus Opera House.",
            [("Two", "Damascus")],
        ),
        ("Four people were killed when a bomb hit the Homs Central Hospital.", [("Four", "Homs")]),
        # a road named after a town leads there; it is not in it
        ("Five people were killed when rockets hit the Aleppo road.", [("Five", None)]),
    ],
)
def test_a_struck_building_is_in_the_town_its_name_gives(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_an_incident_storys_crowd_is_the_incidents_place(nlp):
    """A story that opens on harm spreads its place over its paragraphs: the queue for bread is
    Douma's, named two sentences before."""
    text = (
        "Air strikes killed 12 people in Douma on Sunday, a monitor said. Rescuers searched "
        "the rubble.\n\n"
        "The town of Douma has been besieged for months. Food is short. Hundreds of people "
        "queued for bread on Monday."
    )
    assert dict(_places(nlp, text))["Hundreds"] == "Douma"


@pytest.mark.parametrize(
    "text, expected",
    [
        # what a group is, in brackets after its name, is no place of the count
        ("Eight civilians were hurt when gunmen from al-Nusra Front (Qaeda branch in the "
         "Levant) fired mortar shells at homes in Aleppo city.", [("Eight", "Aleppo")]),
        ("Army units hit positions of al-Nusra Front (Qaeda branch in the Levant) terrorist "
         "organization and killed 14 gunmen.", [("14", None)]),
        # a place's own gloss still says where
        ("A drone hit a position near the town of Sukhna (in central Homs province) killing "
         "eight fighters.", [("eight", "Sukhna")]),
    ],
)  # fmt: skip
def test_a_groups_gloss_is_no_place(nlp, text, expected):
    assert _places(nlp, text) == expected


def test_the_decapitated_are_killed(nlp):
    doc = nlp("In the town the militants decapitated another four men, the monitor said.")
    result = extract_article(doc, Article(id="t", title="", text=doc.text))
    assert [(f.text, f.category) for f in result.figures] == [("four", "killed")]


def test_a_country_owning_a_measure_is_the_storys_place(nlp):
    # "the UK's jobless total" says where the numbers are (a possessive place had counted for
    # nothing, and a country named once in a comparison became the story's place)
    text = (
        "Jobless total up again\n\n"
        "The UK's jobless total rose for a third month in March, official figures show. The "
        "number of people out of work rose 25,000 to 1.52 million in the three months to "
        "March.\n\n"
        "The UK's jobless rate is still lower than the 9.5% rate in Italy."
    )
    assert dict(_places(nlp, text))["25,000 to 1.52 million"] == "United Kingdom"
    # "US forces" is who acts: no place of the story
    assert not figures._country_measure(*_modifier_and_head(nlp, "US forces moved in."))


def _modifier_and_head(nlp, text):
    doc = nlp(text)
    return doc[0], doc[0].head
