"""Places: states at their own centre, a country's point inside it, a city's own name beating
another's other name, and names found only under a town's other name (made-up stories)."""

from __future__ import annotations

import math

import pytest

from analysis import geo, place_views
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, Entity, Figure
from analysis.store import Store


@pytest.mark.parametrize(
    "name, lat, lon",
    [
        ("Texas", (25.8, 36.5), (-106.7, -93.5)),
        ("Florida", (24.5, 31.0), (-87.6, -80.0)),
        ("Kerala", (8.2, 12.8), (74.8, 77.5)),
        ("Aceh", (2.0, 6.1), (95.0, 98.3)),
    ],
)
def test_a_state_is_drawn_at_its_own_centre_not_its_countrys(name, lat, lon):
    found = geo.locate(name)
    assert found.kind == "region"
    assert lat[0] < found.lat < lat[1] and lon[0] < found.lon < lon[1]


def _nearest_city_country(lat, lon):
    def distance(city):
        return math.hypot(city["latitude"] - lat, city["longitude"] - lon)

    return min(geo._cities(), key=distance)["countrycode"]


@pytest.mark.parametrize(
    "country, code",
    [("Canada", "CA"), ("United States", "US"), ("Indonesia", "ID"), ("Chile", "CL"),
     ("Norway", "NO"), ("Russia", "RU"), ("Syria", "SY"), ("United Kingdom", "GB")],
)  # fmt: skip
def test_a_country_is_drawn_at_one_of_its_own_cities(country, code):
    found = geo.locate(country)
    assert found.kind == "country"
    assert _nearest_city_country(found.lat, found.lon) == code  # Canada is not in Michigan


def test_a_city_of_note_by_its_own_name_beats_another_citys_other_name():
    harlem = geo.locate("Harlem")  # also GeoNames' old name for Haarlem
    assert harlem.country == "US" and 40.7 < harlem.lat < 40.9
    assert geo.locate("Westminster").country == "GB"  # the City of Westminster
    assert geo.locate("Canton").country == "CN"  # a metropolis keeps its other names


def test_a_name_found_only_under_a_towns_other_name_needs_its_country_to_lead():
    settle = geo.locate_in_article
    diana = geo.locate("Diana")  # one of GeoNames' names for Soran, Iraq
    assert diana.country == "IQ" and not geo.spelled_as("Diana", diana)
    # its own vote makes Iraq lead a story about a princess: no other place supports it
    assert settle("Diana", diana, leader="IQ", supported=False, alone=False) is None
    ash = geo.locate("Ash")  # Nashua's other name, from "the airfield of Ash Shairat"
    assert settle("Ash", ash, leader="SY", supported=True, alone=False) is None
    assert settle("Ash", ash, leader="US", supported=True, alone=False) == ash
    palmyra = geo.locate("Palmyra")
    assert settle("Palmyra", palmyra, leader="SY", supported=True, alone=False) == palmyra


def test_the_leading_countrys_namesake_beats_a_mention_of_the_found_ones():
    settle = geo.locate_in_article
    town = geo.locate("Glastonbury")  # Connecticut's, the larger
    assert town.country == "US"
    british = settle("Glastonbury", town, leader="GB", supported=True, alone=False)
    assert british.country == "GB" and british.lat > 50


def test_words_brands_and_islands_are_not_towns_abroad():
    settle = geo.locate_in_article
    hail = geo.locate("Hail")
    assert geo.common_word("Hail") and geo.common_word("Brits")
    assert settle("Hail", hail, leader="SY", supported=False, alone=False, tagged=False) is None
    assert geo.locate("Yili") is None  # the dairy firm, not Ghulja
    crete = geo.locate("Crete")
    assert crete.country == "GR" and crete.kind == "area"


def _story(aid, places, figure_places=()):
    return ArticleResult(
        article=Article(id=aid, title=aid, text="t", source="Wire", published="2006-03-01"),
        entities=tuple(Entity(aid, p, "GPE", 1, 0) for p in places),
        figures=tuple(
            Figure(
                aid,
                "12",
                12,
                12,
                12,
                False,
                "people",
                "killed",
                None,
                loc,
                None,
                0,
                1,
                "Twelve people were killed near the ridge.",
                None,
            )
            for loc in figure_places
        ),  # fmt: skip
    )


def test_the_map_keeps_misread_names_off_foreign_towns(tmp_path):
    rows = [
        # a strike on an airfield the tagger cut to "Ash", in a story naming the United States
        _story("sy1", ["Syria", "Homs", "Hama", "United States", "Ash"], ["Ash"]),
        # an oilfield's "Hail" reached a figure's place without a place tag
        _story("sy2", ["Syria", "Homs", "Aleppo"], ["Hail"]),
        # a British music story naming New York: Glastonbury is the Somerset one
        _story("uk1", ["United Kingdom", "London", "Leeds", "New York", "Glastonbury"]),
        _story("us1", ["United States", "Texas", "Harlem"]),
    ]
    path = tmp_path / "n.duckdb"
    with Store(path) as store:
        store.write_batch(rows)
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters())
    drawn = {n: row["country"] for _, row in df.iterrows() for n in row["names"]}
    assert "Ash" not in drawn and "Hail" not in drawn
    assert drawn["Glastonbury"] == "GB" and drawn["Harlem"] == "US"
    assert {drawn[n] for n in ("Syria", "Homs", "Hama", "Aleppo")} == {"SY"}
    texas = df.set_index("place").loc["Texas"]
    assert 25.8 < texas["lat"] < 36.5 and -106.7 < texas["lon"] < -93.5


@pytest.mark.parametrize("name", ["Thai", "Kazakh", "Briton", "Baltic", "Atlantic"])
def test_a_people_or_a_sea_is_no_town(name):
    # other names GeoNames gives Alor Setar, Petropavl, Britton SD; villages called Baltic
    assert geo.locate(name) is None and geo.country_vote(name) is None


def test_venice_is_venezia_and_votes_for_italy():
    found = geo.locate("Venice")
    assert found.country == "IT" and geo.country_vote("Venice") == "IT"


def test_a_given_name_is_no_city_in_a_country_its_article_never_names():
    settle = geo.locate_in_article
    mary = geo.locate("Mary")  # Mary, Turkmenistan (167,000 people)
    assert mary.country == "TM" and geo.given_name("Mary")
    assert not geo.firm("Mary", mary) and geo.country_vote("Mary") is None
    # a British story about a children's programme: unplaced, not a British village of the name
    assert settle("Mary", mary, leader="GB", supported=False, alone=False) is None
    # a story naming Turkmenistan keeps the city
    assert settle("Mary", mary, leader="TM", supported=True, alone=False) == mary
    assert settle("Mary", mary, leader="GB", supported=True, alone=False) is not None
    # a metropolis is itself whatever the name ("Sydney" is no more Sidney's)
    assert geo.firm("Houston", geo.locate("Houston"))


def test_a_city_of_note_that_took_a_larger_citys_other_name_is_no_landmark():
    settle = geo.locate_in_article
    # "Salem" is Salem, Tamil Nadu, by its own name, and also Jerusalem's old one (a mosque's
    # name in Idlib, too): where the article is decides
    salem = geo.locate("Salem")
    assert salem.country == "IN" and not geo.firm("Salem", salem)
    assert settle("Salem", salem, leader="SY", supported=False, alone=False) is None
    assert settle("Salem", salem, leader="IN", supported=True, alone=False) == salem
    # a city of note whose name no larger city carries stays a landmark
    assert geo.firm("Geneva", geo.locate("Geneva"))


def test_the_map_leaves_a_mosque_and_a_first_name_off_far_cities(tmp_path):
    rows = [
        # a mosque named Salem, in a story about Idlib
        _story("sy", ["Salem", "Ariha", "Idlib", "Aleppo", "Syria"], ["Salem"]),
        # a British story about a cartoon: Mary is a puppet, not Turkmenistan's city
        _story("uk", ["Mary", "Leeds", "London", "Scotland"]),
        # Chicago's region is its state, not a suburb that GeoNames also calls "Maine"
        _story("us", ["Chicago", "Texas"]),
    ]
    path = tmp_path / "f.duckdb"
    with Store(path) as store:
        store.write_batch(rows)
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters())
    drawn = {n: row for _, row in df.iterrows() for n in row["names"]}
    assert "Salem" not in drawn and "Mary" not in drawn
    assert drawn["Idlib"]["country"] == "SY" and drawn["Leeds"]["country"] == "GB"
    assert drawn["Chicago"]["region"] == "Illinois"


def test_a_capital_yields_to_a_larger_namesake_in_the_coverages_country():
    """A capital is kept against smaller namesakes ("Athens"), but not against a larger city
    of its name in the country the coverage names far more."""
    american = (("US", 900), ("CR", 2))
    assert geo.locate_near("San Jose", american).country == "US"
    assert geo.locate_near("San Jose", (("CR", 40), ("US", 60))).country == "CR"
    assert geo.locate_near("Athens", american).country == "GR"
