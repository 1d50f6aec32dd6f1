"""US states and countries sharing a state's name on the map: a state's name is the state, not
a town carrying it, and a country's name that is a state of the country the coverage is about
is that state."""

from __future__ import annotations

import pytest

from analysis import geo, place_views
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, Entity
from analysis.store import Store


@pytest.mark.parametrize(
    "name, lat, lon",
    [
        ("Missouri", (36.0, 40.6), (-95.8, -89.1)),  # not Bozeman, GeoNames' "Missouri"
        ("Wyoming", (41.0, 45.0), (-111.1, -104.0)),  # not Wyoming, Michigan
        ("Delaware", (38.4, 39.9), (-75.8, -75.0)),  # not Delaware, Ohio
        ("Maryland", (37.9, 39.8), (-79.5, -75.0)),  # not Maryland City
        ("Maine", (43.0, 47.5), (-71.1, -66.9)),  # not Des Plaines
    ],
)
def test_a_states_name_is_the_state_not_a_town_carrying_it(name, lat, lon):
    found = geo.locate(name)
    assert found.kind == "region" and found.country == "US"
    assert lat[0] < found.lat < lat[1] and lon[0] < found.lon < lon[1]


def test_a_city_of_note_carrying_a_states_name_stays_the_city():
    assert geo.locate("New York").name == "New York City"
    assert geo.locate("District of Columbia").name == "Washington"


def test_a_country_that_is_a_state_of_the_leading_country_is_the_state():
    american = (("US", 500), ("GE", 4), ("GB", 20))
    georgia = geo.locate_near("Georgia", american)
    assert georgia.country == "US" and georgia.kind == "region"
    assert 30.3 < georgia.lat < 35.0 and -85.7 < georgia.lon < -80.8
    # news of a war elsewhere, or coverage naming the Caucasus country often: the country
    assert geo.locate_near("Georgia", (("SY", 900), ("US", 120), ("GE", 3))).country == "GE"
    assert geo.locate_near("Georgia", (("US", 100), ("GE", 30))).country == "GE"
    assert geo.locate_near("France", american).country == "FR"  # no state of that name


def test_a_citys_other_name_that_smaller_towns_carry_is_no_place():
    # "Newtown" is one of GeoNames' names for Tallahassee, and the own name of small towns in
    # Connecticut, Wales and Sydney: which one the gazetteer cannot tell, Florida it is not
    assert geo.locate("Newtown").name == "Tallahassee"
    assert geo.locate_near("Newtown", (("US", 500), ("GB", 20))) is None


def _story(aid, places):
    return ArticleResult(
        article=Article(id=aid, title=aid, text="t", source="Wire", published="2016-03-01"),
        entities=tuple(Entity(aid, p, "GPE", 1, 0) for p in places),
        figures=(),
    )


def test_the_map_of_american_news_draws_states_as_states(tmp_path):
    rows = [_story(f"us{i}", ["United States", "Ohio", "Iowa", "Texas"]) for i in range(12)]
    rows += [
        _story("ga", ["Georgia", "Atlanta", "United States"]),
        _story("mo", ["Missouri", "Kansas"]),
        _story("wy", ["Wyoming", "Nevada"]),
        _story("nt", ["Newtown", "Connecticut"]),
    ]
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_batch(rows)
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters())
    drawn = {n: row for _, row in df.iterrows() for n in row["names"]}
    assert drawn["Georgia"]["country"] == "US" and drawn["Georgia"]["kind"] == "region"
    assert drawn["Missouri"]["place"] == "Missouri" and drawn["Wyoming"]["place"] == "Wyoming"
    assert "Newtown" not in drawn and "Tallahassee" not in set(df["place"])


@pytest.mark.parametrize(
    "after, state",
    [
        (", N.H., on Tuesday", "New Hampshire"),
        (", New Hampshire, where", "New Hampshire"),
        (", Ore., last week", "Oregon"),
        (", OR, said", "Oregon"),  # a postal code after a town
        (", Calif", "California"),  # the tokenizer took the period
        (", D.C., on Friday", None),
        (", the mayor said", None),
        (", Nov. 3", None),
    ],
)
def test_the_state_written_after_a_town_is_read(after, state):
    assert geo.state_of_town(after) == state


def test_a_town_is_placed_in_the_state_named_for_it():
    concord = geo.town_in_state("Concord", "New Hampshire")
    assert (concord.country, concord.region) == ("US", "New Hampshire")
    assert 42.7 < concord.lat < 43.7 and -72.0 < concord.lon < -71.0
    assert geo.town_in_state("Salem", "Oregon").region == "Oregon"
    # a name the gazetteer has nowhere in the state is drawn at the state itself
    assert geo.town_in_state("Qwertyville", "Vermont").kind == "region"
    assert {"New Hampshire", "California", "North Carolina"} <= geo.states_holding("Concord")


@pytest.mark.parametrize(
    "before, after, container",
    [
        ("shells hit the ", " neighbourhood of the old city of Aleppo on", "Aleppo"),
        ("a rocket fell on ", " area in Aleppo city, a monitor said", "Aleppo"),
        ("mortars struck Aleppo's ", " quarter overnight", "Aleppo"),
        ("mortars struck the ", " neighborhood overnight", ""),
        ("smoke rose over ", " neighbourhoods at dawn", None),  # the city's own parts
        ("fighting in the ", " neighbourhood of Waer", None),  # the city, Waer its part
        ("refugees in the ", " area of Turkey", None),  # a province's area
    ],
)
def test_a_neighbourhood_of_a_city_is_told_from_a_city(before, after, container):
    assert geo.section_container(before, after) == container


NEW_HAMPSHIRE_STORIES = {
    "nh1": "The senator spoke to a crowd of 400 at a diner in Concord, N.H., on Friday. "
    "Voters in Salem, New Hampshire, lined up in the snow to hear her.",
    "nh2": "The governor held a town meeting in Salem on Sunday. New Hampshire votes on "
    "Tuesday, and the governor said New Hampshire would decide the race.",
    "or1": "Lawmakers met in Salem, Ore., to pass the budget, officials said.",
}


def test_a_us_town_is_drawn_in_the_state_its_article_gives_it(nlp, tmp_path):
    from tests.test_places import _analysed_store

    with _analysed_store(nlp, tmp_path / "nh.duckdb", NEW_HAMPSHIRE_STORIES) as store:
        df = place_views.places(store.con, Filters())
    drawn = {(n, row["region"]) for _, row in df.iterrows() for n in row["names"]}
    # Concord had been drawn in California, Salem in Oregon and Tamil Nadu
    assert ("Concord", "New Hampshire") in drawn
    assert ("Salem", "New Hampshire") in drawn and ("Salem", "Oregon") in drawn
    assert not {r for n, r in drawn if n in ("Concord", "Salem")} - {"New Hampshire", "Oregon"}


SYRIAN_NEIGHBOURHOOD_STORIES = {
    "sy1": "Rebels fired shells at the Sulaymaniyah neighbourhood of the Syrian city of Aleppo "
    "on Monday, killing four people, the monitor said. Aleppo has been divided since 2012.",
    "iq1": "Kurdish officials met in Sulaymaniyah on Monday to discuss the budget of Iraq.",
}


def test_a_neighbourhood_is_drawn_at_its_city_not_a_city_abroad(nlp, tmp_path):
    from tests.test_places import _analysed_store

    with _analysed_store(nlp, tmp_path / "sy.duckdb", SYRIAN_NEIGHBOURHOOD_STORIES) as store:
        df = place_views.places(store.con, Filters())
    rows = {row["place"]: row for _, row in df.iterrows()}
    assert "Sulaymaniyah" in rows["Aleppo"]["names"]  # the Aleppo story's
    iraqi = [row for row in rows.values() if row["country"] == "IQ" and row["kind"] == "city"]
    assert [row["n_articles"] for row in iraqi] == [1]  # the Iraqi story's stays in Iraq


def test_a_states_name_that_is_only_another_name_of_its_city_is_the_state():
    # "Oklahoma" had been Oklahoma City (681,000, which GeoNames also calls so): the state; a
    # metropolis keeps the name ("New York"), and so does a city that is its district's only
    # one ("District of Columbia")
    found = geo.locate("Oklahoma")
    assert (found.name, found.kind) == ("Oklahoma", "region")
    assert geo.locate("New York").name == "New York City"
    assert geo.locate("District of Columbia").name == "Washington"


ISLAND_STORIES = {
    "bs1": "The novelist retired to a villa on New Providence island, near Nassau, where he "
    "wrote three more books. Two of them were filmed in Hollywood, and the Bahamas gave him a "
    "state funeral.",
    "us1": "Commuters in New Providence, New Jersey, waited an hour for the train on Monday.",
}


def test_a_name_the_article_calls_an_island_is_no_town_abroad(nlp, tmp_path):
    # "New Providence island" (the Bahamas) had been New Providence, New Jersey, in a story
    # naming an American place too; the town the other story places in New Jersey stays there
    from tests.test_places import _analysed_store

    with _analysed_store(nlp, tmp_path / "bs.duckdb", ISLAND_STORIES) as store:
        df = place_views.places(store.con, Filters())
    rows = [row for _, row in df.iterrows() if "New Providence" in row["names"]]
    assert [(row["region"], row["n_articles"]) for row in rows] == [("New Jersey", 1)]


NAMESAKE_STORIES = {
    "ca1": "A retired nurse in San Jose, Calif., gave the senator $300 in March, records show.",
    "cr1": "Coffee growers marched through San Jose on Tuesday to demand better prices, and "
    "the government of Costa Rica promised talks.",
}


def test_a_picked_place_lists_only_the_figures_its_articles_place_there(nlp, tmp_path):
    # the map drew the $300 of "San Jose, Calif." in California, but the figures and articles
    # listed for San Jose, Costa Rica (picked, or its country) were read by name and held it
    from tests.test_places import _analysed_store

    with _analysed_store(nlp, tmp_path / "sj.duckdb", NAMESAKE_STORIES) as store:
        df = place_views.places(store.con, Filters())
        rows = [row for _, row in df.iterrows() if "San Jose" in row["names"]]
        listed = {}
        for row in rows:
            where = dict(country=row["country"], region=row["region"])
            figs = place_views.place_figures(store.con, Filters(), names=row["names"], **where)
            arts = place_views.place_articles(store.con, Filters(), names=row["names"], **where)
            listed[(row["country"], row["region"])] = (list(figs["text"]), len(arts))
        costa_rica = place_views.place_figures(
            store.con, Filters(), names=("San Jose",), country="CR"
        )
    assert listed[("US", "California")] == (["$300"], 1)
    assert listed[("CR", "San Jose")] == ([], 1)
    assert costa_rica.empty
