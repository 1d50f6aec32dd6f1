"""Places in British coverage: English counties, "Newcastle", ordinary words that are also some
town's name, and companies GeoNames carries as a town's name (analysis/geo.py)."""

from __future__ import annotations

import pytest

from analysis import geo, place_views
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, Entity, Figure
from analysis.store import Store

BRITISH = (("GB", 300), ("US", 40), ("AU", 5), ("MA", 1))


def _results(rows):
    """Articles given as (id, place entities, figures' places), as the analysis writes them."""

    def figure(aid, loc):
        return Figure(aid, "40", 40, 40, 40, False, "count", "people", None, loc, None, 0, 1,
                      "About 40 people attended.", None)  # fmt: skip

    return [
        ArticleResult(
            article=Article(id=aid, title=aid, text="t", source="Wire", published="2006-03-02"),
            entities=tuple(Entity(aid, p, "GPE", 1, 0) for p in places),
            figures=tuple(figure(aid, loc) for loc in figure_places),
        )
        for aid, places, figure_places in rows
    ]


def _drawn(tmp_path, rows) -> dict[str, str]:
    path = tmp_path / "uk.duckdb"
    with Store(path) as store:
        store.write_batch(_results(rows))
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters())
    return {n: row["country"] for _, row in df.iterrows() for n in row["names"]}


@pytest.mark.parametrize("name", ["Kent", "Norfolk", "Cheshire", "Essex", "Greater Manchester"])
def test_an_english_county_is_a_region_of_the_uk_not_an_american_town(name):
    found = geo.locate(name)
    assert found.country == "GB" and found.kind == "region" and found.region == "England"
    assert 49.5 < found.lat < 55.5 and -4 < found.lon < 2  # in England, not Virginia
    assert geo.firm(name, found) and geo.country_vote(name) == "GB" and geo.vouches(name)
    # however American the coverage, a county is not settled as a small namesake abroad
    # ("Rutland", Vermont; "Kent", Washington) ...
    if name != "Norfolk":
        assert geo.locate_near(name, (("US", 500), ("GB", 1))).country == "GB"


def test_a_city_of_note_named_like_a_county_is_meant_in_coverage_of_its_country():
    # ... but Norfolk, Virginia (238,000 people) is meant in American news, the county in British
    american = geo.locate_near("Norfolk", (("US", 500), ("GB", 1)))
    assert (american.country, american.kind) == ("US", "city") and american.lon < -70
    assert geo.locate_near("Norfolk", (("GB", 300), ("US", 40))).country == "GB"


def test_a_county_named_after_its_town_stays_the_town():
    for name in ("Reading", "York", "Plymouth"):
        found = geo.locate(name)
        assert found.kind == "city" and found.country == "GB"


def test_newcastle_in_british_coverage_is_on_the_tyne():
    found = geo.locate_near("Newcastle", BRITISH)
    assert found.name == "Newcastle upon Tyne" and found.country == "GB"
    assert geo.firm("Newcastle", found) and geo.spelled_as("Newcastle", found)
    # in coverage of Australia it is the New South Wales city, as the gazetteer has it
    assert geo.locate_near("Newcastle", (("AU", 200), ("GB", 3))).country == "AU"
    # a capital, or a city its namesake is a fraction of, is not moved by the coverage
    assert geo.locate_near("Athens", (("US", 500), ("GR", 2))).country == "GR"
    assert geo.locate_near("Birmingham", (("US", 500), ("GB", 2))).country == "GB"


def test_a_common_word_is_no_landmark_and_needs_a_tag_and_a_place():
    sale = geo.locate("Sale")  # Salé, Morocco, by the gazetteer
    settle = geo.locate_in_article
    assert sale.country == "MA" and not geo.firm("Sale", sale)
    assert geo.country_vote("Sale") is None and geo.country_vote("Union") is None
    # a story about English sport: the Greater Manchester town
    assert settle("Sale", sale, leader="GB", supported=False, alone=False).country == "GB"
    # named with no other place, or never tagged a place: nowhere
    assert settle("Sale", sale, leader=None, supported=False, alone=True) is None
    union = geo.locate("Union")
    assert settle("Union", union, leader="US", supported=True, alone=False, tagged=False) is None


def test_a_company_is_never_a_place():
    for name in ("Google", "Toyota"):
        assert geo.locate(name) is None and geo.country_vote(name) is None
        assert geo.locate_near(name, (("US", 50), ("JP", 50))) is None


def test_the_map_of_british_stories_keeps_their_places_in_britain(tmp_path):
    drawn = _drawn(
        tmp_path,
        [
            # a club's name and a town's: the club plays in England
            ("rugby", ["England", "Leeds", "Sale", "Gloucester"], []),
            ("football", ["England", "Newcastle", "Sunderland"], []),
            ("flood", ["United Kingdom", "Kent", "Norfolk"], []),
            # a search firm in a story naming the US, and a trade union's members
            ("tech", ["United States", "Google"], ["Google"]),
            ("strike", ["United States", "Chicago"], ["Union"]),
        ],
    )
    assert drawn["Sale"] == drawn["Newcastle"] == drawn["Kent"] == drawn["Norfolk"] == "GB"
    assert "Google" not in drawn and "Union" not in drawn
    assert drawn["United States"] == drawn["Chicago"] == "US"
