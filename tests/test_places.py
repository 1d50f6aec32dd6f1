"""Places: locating names with the gazetteer data (coordinates, province), rolling places up
to a province or country, and the offline map (no geo trace that would fetch a world map)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pandas as pd
import pytest

from analysis import geo, place_views
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, Entity, Figure
from analysis.store import Store
from dashboard import map_charts


@pytest.mark.parametrize(
    "name, place, region",
    [
        ("Khan Sheikhoun", "Khan Shaykhun", "Idlib"),
        ("Deir Ezzor", "Deir ez-Zor", "Deir ez-Zor"),
        ("Palmyra", "Tadmur", "Homs"),
        ("Aleppo", "Aleppo", "Aleppo"),
    ],
)
def test_towns_are_placed_in_their_province(name, place, region):
    loc = geo.locate(name)
    assert (loc.name, loc.region, loc.country, loc.kind) == (place, region, "SY", "city")
    assert 32 < loc.lat < 38 and 35 < loc.lon < 43  # inside Syria's bounding box


def test_countries_sit_where_their_people_are_and_unknown_names_are_not_guessed():
    syria = geo.locate("Syria")
    assert syria.kind == "country" and 33 < syria.lat < 37 and 35 < syria.lon < 40
    assert geo.locate("Britain").name == "United Kingdom"
    assert geo.locate("Western Ghouta") is None  # a region, in no table
    assert geo.locate("") is None


def _res(aid, figures=(), places=()):
    return ArticleResult(
        article=Article(id=aid, title=aid, text="t", source="Wire", published="2017-04-05"),
        entities=tuple(Entity(aid, p, "GPE", 1, 0) for p in places),
        figures=tuple(
            Figure(aid, str(v), v, v, v, False, "people", cat, None, loc, None, 0, 1, "s", None)
            for cat, loc, v in figures
        ),
    )


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("places") / "p.duckdb"
    rows = [
        _res("a", [("killed", "Khan Sheikhoun", 70), ("injured", "Khan Sheikhoun", 500)],
             ["Khan Sheikhoun", "Idlib"]),
        _res("b", [("killed", "Khan Shaykhun", 86), ("killed", "Aleppo", 5)], ["Aleppo"]),
        _res("c", [], ["Syria", "Narnia"]),
    ]  # fmt: skip
    with Store(path) as store:
        store.write_batch(rows)
    store = Store(path, read_only=True)
    yield store.con
    store.close()


def test_spellings_roll_up_to_one_place(con):
    df = place_views.places(con, Filters())
    assert df.attrs["unlocated"] == 1  # Narnia
    df = df.set_index("place")
    khan = df.loc["Khan Shaykhun"]
    assert khan["n_figures"] == 3 and khan["top_category"] == "killed"
    assert khan["names"] == ("Khan Shaykhun", "Khan Sheikhoun") and khan["region"] == "Idlib"
    assert df.loc["Syria", "top_category"] == place_views.NO_FIGURES


def test_a_province_holds_its_towns_and_a_country_all_its_places(con):
    idlib = place_views.places(con, Filters(), region="Idlib")
    assert set(idlib["place"]) == {"Khan Shaykhun", "Idlib"}
    names = tuple(n for ns in idlib["names"] for n in ns)
    figs = place_views.place_figures(con, Filters(), names=names)
    assert sorted(figs["value"]) == [70, 86, 500]
    syria = place_views.places(con, Filters(), region="Syria")
    assert set(syria["place"]) == {"Khan Shaykhun", "Idlib", "Aleppo", "Syria"}
    assert "Idlib" in place_views.regions(con) and "Syria" in place_views.regions(con)
    arts = place_views.place_articles(con, Filters(), names=names)
    assert set(arts["id"]) == {"a", "b"}


def test_only_the_most_named_places_are_looked_up_and_the_rest_are_counted(con, monkeypatch):
    # Syria, Aleppo, Idlib and the two Khan Sheikhoun spellings are named or reported in one
    # article each, Narnia too: with room for three names, the rest are counted, not located
    monkeypatch.setattr(place_views, "MAPPED_NAMES_MAX", 3)
    df = place_views.places(con, Filters())
    # kept: the three most named (Aleppo, Idlib, Khan Sheikhoun) and the three most reported
    # at (those and Khan Shaykhun); left: Syria and Narnia
    assert df.attrs["rare"] == 2 and df.attrs["mapped_max"] == 3
    assert "Khan Shaykhun" in set(df["place"])  # the most reported place stays
    assert "rarer names (after the 3 most named) are not looked up" in map_charts.places_note(df)
    monkeypatch.undo()
    full = place_views.places(con, Filters())
    assert full.attrs["rare"] == 0 and "rarer" not in map_charts.places_note(full)
    # the entity summary (a view of dates and outlets) and the rows count places alike
    monkeypatch.setattr(place_views.summaries, "covers", lambda filters: False)
    pd.testing.assert_frame_equal(place_views.places(con, Filters()), full)


def test_a_town_named_in_many_articles_is_settled_in_each_of_them(tmp_path, monkeypatch):
    # Saraqib (a town: settled article by article) in 12 articles, 8 reporting a toll there
    rows = [
        _res(f"s{k:02d}", [("killed", "Saraqib", 3 + k)] if k < 8 else [], ["Saraqib", "Syria"])
        for k in range(12)
    ]
    path = tmp_path / "many.duckdb"
    with Store(path) as store:
        store.write_batch(rows)
    with Store(path, read_only=True) as store:
        settlement = place_views.settle(store.con)
        whole = place_views.settled_places(store.con, Filters(), settlement)
        # the settlement holds each article's context for the town: 12 mentions, 8 tolls
        contexts = settlement.contexts.to_pandas()
        assert "Saraqib" in settlement.weak
        assert (contexts["what"] == "m").sum() == 12 and (contexts["what"] == "f").sum() == 8
        # a view given the store's settlement counts as one that works it out itself
        pd.testing.assert_frame_equal(place_views.places(store.con, Filters()), whole)
        # the contexts read in parts (as a large store's are) are the same rows
        monkeypatch.setattr(place_views, "CONTEXT_PART_ARTICLES", 5)
        in_parts = place_views.settle(store.con).contexts.to_pandas()
        order = ["article_key", "what", "category"]
        pd.testing.assert_frame_equal(
            in_parts.sort_values(order).reset_index(drop=True),
            contexts.sort_values(order).reset_index(drop=True),
        )
    saraqib = whole.set_index("place").loc["Saraqib"]
    assert (saraqib["n_articles"], saraqib["n_figures"], saraqib["country"]) == (12, 8, "SY")


def test_a_filter_never_moves_a_place(tmp_path):
    # "Venice": the Italian city, and a district of Los Angeles. The store is about the United
    # States; one wire story names Venice and no other place. Filtered to the wire, that story's
    # Venice stays where the whole store's map draws it (a view had located its names by its
    # own coverage alone, and so drew the same story's Venice in Italy).
    rows = [(f"us{k}", ["United States", "California", "Los Angeles", "Venice"], ["Venice"])
            for k in range(4)]  # fmt: skip
    rows.append(("wire", ["Venice"], ["Venice"]))
    results = [
        dataclasses.replace(r, article=dataclasses.replace(r.article, source=r.article.id[:2]))
        for r in _placed(rows)
    ]
    path = tmp_path / "venice.duckdb"
    with Store(path) as store:
        store.write_batch(results)
    with Store(path, read_only=True) as store:
        settlement = place_views.settle(store.con)
        whole = place_views.settled_places(store.con, Filters(), settlement)
        wire = place_views.settled_places(store.con, Filters(sources=("wi",)), settlement)
        us = place_views.settled_places(store.con, Filters(sources=("us",)), settlement)
    venice = whole[whole["names"].map(lambda names: "Venice" in names)]
    assert list(venice["country"]) == ["US"] and list(venice["n_articles"]) == [5]
    in_wire = wire[wire["names"].map(lambda names: "Venice" in names)]
    assert list(in_wire["country"]) == ["US"] and list(in_wire["n_figures"]) == [1]
    assert list(in_wire["lat"]) == list(venice["lat"])
    # a view's counts are those of its own articles
    in_us = us[us["names"].map(lambda names: "Venice" in names)]
    assert list(in_us["n_articles"]) == [4] and list(in_us["n_figures"]) == [4]


def test_the_names_a_years_map_needs_are_located_ahead(tmp_path, monkeypatch):
    # two places a year: with one name mapped a view, the store's map locates one of the four
    # and each year's map another; locate_ahead does the years' before any view asks
    monkeypatch.setattr(place_views, "MAPPED_NAMES_MAX", 1)
    rows = [
        _res("a1", [], ["Aleppo", "Hama"]),
        _res("a2", [], ["Aleppo"]),
        _res("a3", [], ["Aleppo"]),
        _res("b1", [], ["Homs", "Idlib"]),
        _res("b2", [], ["Homs"]),
    ]
    rows = [
        dataclasses.replace(
            r,
            article=dataclasses.replace(
                r.article, published="2016-03-01" if r.article.id < "b" else "2017-03-01"
            ),
        )
        for r in rows
    ]
    path = tmp_path / "years.duckdb"
    with Store(path) as store:
        store.write_batch(rows)
    with Store(path, read_only=True) as store:
        settlement = place_views.settle(store.con)
        assert set(settlement.found) == {"Aleppo"}
        assert place_views.year_names(store.con) == ["Aleppo", "Homs"]
        assert settlement.locate_ahead(place_views.year_names(store.con)) == 1
        assert settlement.locate_ahead(["Homs"]) == 0

        def no_lookup(name, countries):
            raise AssertionError(f"{name} located by the view")

        monkeypatch.setattr(place_views.geo, "locate_near", no_lookup)
        year = Filters(date_from=dt.date(2017, 1, 1), date_to=dt.date(2017, 12, 31))
        df = place_views.settled_places(store.con, year, settlement)
    assert df["place"].tolist() == ["Homs"] and df.attrs["rare"] == 1


def test_a_store_is_settled_once_per_state_for_every_caller(tmp_path, monkeypatch):
    # the dashboard's views, its Report buttons and `presslens report` all ask place_views for
    # the settlement: one is worked out per store and state, and a new article makes a new one
    path = tmp_path / "once.duckdb"
    with Store(path) as store:
        store.write_batch([_res("a", [("killed", "Aleppo", 5)], ["Aleppo"])])
    settled = []
    real_settle = place_views.settle
    monkeypatch.setattr(place_views, "settle", lambda con: settled.append(1) or real_settle(con))
    with Store(path, read_only=True) as store:
        first = place_views.places(store.con)
        again = place_views.places(store.con, Filters(sources=("Wire",)))
        assert place_views.settlement(store.con) is place_views.settlement(store.con)
    assert len(settled) == 1
    assert first["place"].tolist() == again["place"].tolist() == ["Aleppo"]
    with Store(path) as store:
        store.write_batch([_res("b", [("killed", "Homs", 3)], ["Homs"])])
    with Store(path, read_only=True) as store:
        assert sorted(place_views.places(store.con)["place"]) == ["Aleppo", "Homs"]
    assert len(settled) == 2


def test_the_names_views_locate_beyond_the_settlement_are_bounded(monkeypatch):
    monkeypatch.setattr(place_views, "SEEN_NAMES_MAX", 3)
    settlement = place_views.Settlement((("SY", 1),), {"Aleppo": None}, None, frozenset())
    for name in ("Homs", "Hama", "Idlib", "Raqqa", "Aleppo"):
        settlement.located(name)
    # the settled name stays; of the names views located, the three latest are remembered
    assert list(settlement.found) == ["Aleppo"]
    assert list(settlement.seen) == ["Hama", "Idlib", "Raqqa"]
    assert settlement.located("Raqqa") == geo.locate_near("Raqqa", (("SY", 1),))


def test_the_map_draws_offline(con):
    df = place_views.places(con, Filters())
    fig = map_charts.places_map(df, size_by="n_figures", selected="Aleppo")
    assert {t.type for t in fig.data} == {"scatter"}  # no scattergeo: nothing to download
    spec = json.loads(fig.to_json())
    assert "topojson" not in json.dumps(spec) and "mapbox" not in json.dumps(spec)
    outline = fig.data[0]
    assert len(outline.x) > 8_000 and None in outline.x  # the shipped borders and coasts
    killed = next(t for t in fig.data if t.name == "People killed")
    assert "Khan Shaykhun" in {row[0] for row in killed.customdata}
    assert max(killed.marker.size) == map_charts.MAX_BUBBLE


def test_regions_nations_and_agencies_are_not_villages_abroad():
    from analysis import geo

    # a region or a continent is no point on a map (GeoNames has a Levant in Maine, an Asia in
    # the Philippines); a nation of a country is drawn at that country, not in Arkansas
    assert geo.locate("Levant") is None and geo.locate("Asia") is None
    england = geo.locate("England")
    assert england is not None and england.country == "GB"
    # the news agency is not Sana'a
    assert geo.locate("SANA") is None
    # a province's capital is still the city
    assert geo.locate("Idlib").kind == "city"


def test_each_nation_of_the_uk_is_drawn_in_itself_and_a_compass_word_nowhere():
    from analysis import geo

    # they were all one point, the United Kingdom's centre (seen on the BBC store's map)
    spots = {n: geo.locate(n) for n in ("England", "Scotland", "Wales", "Northern Ireland")}
    assert len({(p.lat, p.lon) for p in spots.values()}) == 4
    assert all(p.country == "GB" and p.kind == "region" for p in spots.values())
    assert spots["Scotland"].lat > 55 > spots["England"].lat  # north of the border
    assert spots["Wales"].lon < -3 < spots["England"].lon  # west of England's centre
    assert spots["Northern Ireland"].lon < -5.5  # across the Irish Sea
    # "Northern" alone names a part of something left unsaid: not Papua New Guinea's province
    assert geo.locate("Northern") is None and geo.locate("north") is None


def test_the_world_outline_never_draws_across_the_date_line():
    from dashboard import map_charts

    xs, _ = map_charts.outline_xy()
    jumps = [
        (a, b)
        for a, b in zip(xs, xs[1:], strict=False)
        if a is not None and b is not None and abs(a - b) > 180
    ]
    assert not jumps  # Russia and Fiji once drew lines across the whole map
    assert sum(x is not None for x in xs) > 1000  # the coasts are all still there


def test_a_small_town_is_the_namesake_in_the_country_the_coverage_is_about():
    # "Madaya", the besieged town near Damascus, is also a larger town in Myanmar
    syria = (("SY", 40), ("MM", 1))
    assert geo.locate("Madaya").country == "MM"
    found = geo.locate_near("Madaya", syria)
    assert (found.country, found.kind) == ("SY", "village")
    assert 33.5 < found.lat < 34 and 36 < found.lon < 36.3
    # coverage of Myanmar keeps its own town; a big city is never moved; nor a region
    assert geo.locate_near("Madaya", (("MM", 5), ("SY", 8))).country == "MM"
    assert geo.locate_near("Paris", (("US", 500), ("FR", 1))).country == "FR"
    assert geo.locate_near("Asia", syria) is None


def test_the_places_view_draws_madaya_in_syria(tmp_path):
    path = tmp_path / "m.duckdb"
    rows = [_res(f"s{i}", [("displaced", "Madaya", 40)] if i < 2 else [], ["Syria", "Damascus"])
            for i in range(4)] + [_res("m", [], ["Madaya"])]  # fmt: skip
    with Store(path) as store:
        store.write_batch(rows)
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters()).set_index("place")
    assert df.loc["Madaya", "country"] == "SY"
    assert df.loc["Madaya", "n_figures"] == 2


@pytest.mark.parametrize(
    "name, place",
    [("Homs province", "Homs"), ("Aleppo City", "Aleppo"), ("west Aleppo", "Aleppo"),
     ("Damascus Countryside", "Damascus"), ("Northern Syria", "Syria")],
)  # fmt: skip
def test_a_part_or_area_of_a_place_is_drawn_at_that_place(name, place):
    assert geo.locate_near(name, (("SY", 10),)).name == place


def test_a_name_no_part_of_which_is_known_stays_undrawn():
    assert geo.locate_near("Narnia province", (("SY", 10),)) is None


def test_an_area_is_drawn_at_its_main_town_under_its_own_name():
    ghouta = geo.locate("Eastern Ghouta")
    douma = geo.locate("Douma")
    assert (ghouta.name, ghouta.kind, ghouta.country) == ("Eastern Ghouta", "area", "SY")
    assert (ghouta.lat, ghouta.lon) == (douma.lat, douma.lon)
    assert geo.locate("East Ghouta").name == "Eastern Ghouta"  # a spelling of the area
    # a region the table does not list is still no point on a map
    assert geo.locate("Levant") is None


@pytest.mark.parametrize(
    "written, gazetteer_name",
    [("Maaret al-Numan", "Ma`arrat an Nu`man"), ("Jisr al-Shaghour", "Jisr Ash Shughur"),
     ("Kafr Zeita", "Kafr Zayta")],
)  # fmt: skip
def test_a_transliteration_geonames_lacks_is_the_town_it_spells(written, gazetteer_name):
    found = geo.locate(written)
    assert found is not None and found.country == "SY" and found.name == gazetteer_name
    assert geo.locate(gazetteer_name) == found  # one bubble for both spellings


def test_a_name_with_an_arabic_article_is_no_namesake_outside_the_arab_world():
    from analysis import geo

    # folding drops the article, so "al-Meridian" (an Aleppo neighbourhood) found Meridian,
    # Mississippi; such a name is placed in the Arab world or nowhere
    assert geo.locate("Meridian").country == "US"
    assert geo.locate("al-Meridian") is None
    assert geo.locate("Al-Shafah") is None
    # the article read off when the whole name is unknown; Arab towns keep their place
    assert geo.locate("Al-Raqqa").country == "SY"
    assert geo.locate("al-Bab").country == "SY" and geo.locate("Al Bab").country == "SY"
    assert geo.locate("El-Arish").country == "EG"
    # a Spanish article is none of this
    assert geo.locate("El Paso").country == "US"


# Where an article's own places say a name is (geo.locate_in_article, per article on the map).
# The sentences are written for these tests.
SYRIAN_STORIES = {
    "sy-adra": "Government shelling killed nine civilians in Adra on Monday, activists in Syria "
    "said. Rebels in Aleppo said they had cut the Castello road. Four people were killed in "
    "Castello on Tuesday. Shelling in Aleppo and Idlib went on, and troops shelled Homs again.",
    "sy-bayan": "Three children were killed in Bayan on Sunday, the monitor in Syria said. "
    "Aleppo and Idlib were shelled again while Moscow and Washington called for talks.",
    "sy-old-city": "Eleven people were killed in the Old City on Wednesday, residents of Homs "
    "said. Syria's army said it had retaken the Northern Province near Aleppo.",
}
BRITISH_STORY = (
    "Officials in Whitehall said 200 jobs would go in Britain, and 50 staff were laid off in "
    "Manchester, the union said. Traders in London were calm."
)


def _analysed_store(nlp, path, texts):
    from analysis.extract import extract_article

    results = [
        extract_article(nlp(text), Article(id=aid, title=aid, text=text, source="Wire"))
        for aid, text in texts.items()
    ]
    with Store(path) as store:
        store.write_batch(results)
    return Store(path, read_only=True)


def test_a_small_place_abroad_is_not_drawn_in_a_story_about_syria(nlp, tmp_path):
    with _analysed_store(nlp, tmp_path / "sy.duckdb", SYRIAN_STORIES) as store:
        held = {r[0] for r in store.con.execute("SELECT name FROM entities").fetchall()}
        df = place_views.places(store.con, Filters())
    assert {"Adra", "Castello", "Bayan", "Old City", "Northern Province"} <= held
    drawn = {n: row["country"] for _, row in df.iterrows() for n in row["names"]}
    # Adra and Castello were drawn in Spain, Bayan in China, the Old City in the United States,
    # the Northern Province in Sri Lanka: the gazetteer has none of them in Syria
    for name in ("Adra", "Castello", "Bayan", "Old City", "Northern Province"):
        assert name not in drawn, name
    # the article's own places stay, and so do capitals abroad it names
    assert {drawn[n] for n in ("Aleppo", "Idlib", "Homs", "Syria")} == {"SY"}
    assert drawn["Moscow"] == "RU" and drawn["Washington"] == "US"


def test_a_british_street_is_not_a_town_abroad(nlp, tmp_path):
    with _analysed_store(nlp, tmp_path / "uk.duckdb", {"uk": BRITISH_STORY}) as store:
        tagged = store.con.execute("SELECT name FROM entities WHERE name = 'Whitehall'").fetchall()
        df = place_views.places(store.con, Filters())
    assert tagged  # the tagger takes Whitehall for a place
    drawn = {n: row["country"] for _, row in df.iterrows() for n in row["names"]}
    assert drawn.get("Whitehall") != "US"  # GeoNames' other name for Atlanta
    assert drawn["London"] == "GB" and drawn["Manchester"] == "GB"


def _placed(rows):
    """The places view over articles given as (id, place entities, figures' places)."""
    results = [
        ArticleResult(
            article=Article(id=aid, title=aid, text="t", source="Wire", published="2005-01-05"),
            entities=tuple(Entity(aid, p, "GPE", 1, 0) for p in places),
            figures=tuple(
                Figure(
                    aid,
                    "5%",
                    5,
                    5,
                    5,
                    False,
                    "percent",
                    "percent",
                    None,
                    loc,
                    None,
                    0,
                    1,
                    "Shares rose by 5% in the quarter.",
                    None,
                )
                for loc in figure_places
            ),  # fmt: skip
        )
        for aid, places, figure_places in rows
    ]
    return results


def test_a_word_or_a_company_is_no_namesake_town(tmp_path):
    rows = [
        # a company the tagger took for a place, in a story naming no other place: Google is
        # one of GeoNames' names for Topeka
        ("google", ["Google"], ["Google"]),
        # capitalised words a figure's place was read from, never tagged a place themselves
        ("gold", ["United States", "Washington"], ["Gold"]),
        ("union", ["United Kingdom", "London"], ["Union"]),
        ("alone", [], ["Union"]),
    ]
    path = tmp_path / "w.duckdb"
    with Store(path) as store:
        store.write_batch(_placed(rows))
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters())
    drawn = {n for names in df["names"] for n in names}
    assert not drawn & {"Google", "Gold", "Union"}
    assert {"United States", "Washington", "United Kingdom", "London"} <= drawn
    assert df.attrs["unlocated"] == 3


def test_a_namesake_is_placed_in_the_country_of_its_own_article(tmp_path):
    # coverage mostly of Myanmar keeps Madaya there; the one Syrian story's Madaya is the
    # Syrian town, a bubble of its own
    rows = [(f"mm{i}", ["Myanmar", "Mandalay", "Madaya"], ["Madaya"]) for i in range(3)]
    rows.append(("sy", ["Syria", "Damascus", "Madaya"], ["Madaya"]))
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        store.write_batch(_placed(rows))
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters())
    madaya = df[df["names"].map(lambda names: "Madaya" in names)].set_index("country")
    assert set(madaya.index) == {"MM", "SY"}
    assert madaya.loc["MM", "n_articles"] == 3 and madaya.loc["SY", "n_articles"] == 1
    assert 33.5 < madaya.loc["SY", "lat"] < 34 and madaya.loc["SY", "n_figures"] == 1


@pytest.mark.parametrize("name", ["Old City", "Northern Province", "North West", "the New Town"])
def test_a_generic_phrase_is_no_place(name):
    assert geo.generic(name) and geo.locate(name) is None
    assert geo.locate_near(name, (("SY", 10),)) is None and geo.country_vote(name) is None


def test_a_state_is_not_a_foreign_city_of_its_name_and_a_bank_no_town():
    # "Florida" found Floridablanca (Colombia) by an alternate name, "Virginia" a South
    # African town, "West Bank" a town called Bank in India
    assert geo.locate("Florida").country == "US" and geo.locate("Virginia").country == "US"
    assert geo.locate_near("West Bank", (("SY", 10),)) is None
    # a state's city of the same country stays the city
    assert geo.locate("Washington").kind == "city" and geo.locate("Quebec").kind == "city"
    assert geo.locate_near("Quneitra province", (("SY", 10),)).country == "SY"


def test_where_an_article_points_settles_a_weak_place():
    madaya = geo.locate("Madaya")  # Myanmar's, the larger
    settle = geo.locate_in_article
    # the article is about Syria and names nothing in Myanmar: the Syrian town
    assert settle("Madaya", madaya, leader="SY", supported=False, alone=False).country == "SY"
    # ... about Myanmar, or naming nothing anywhere: Myanmar's stays
    assert settle("Madaya", madaya, leader="MM", supported=False, alone=False) == madaya
    assert settle("Madaya", madaya, leader=None, supported=False, alone=True) == madaya
    # a town with no namesake where the article is, is unplaced; a firm place never moves
    adra = geo.locate("Adra")
    assert adra.country == "ES"
    assert settle("Adra", adra, leader="SY", supported=False, alone=False) is None
    assert settle("Adra", adra, leader="ES", supported=True, alone=False) == adra
    for name in ("Moscow", "Geneva", "London", "Aleppo"):
        found = geo.locate(name)
        assert geo.firm(name, found)
        assert settle(name, found, leader="SY", supported=False, alone=False) == found
    # a name that is one of GeoNames' other names for a city is no landmark
    assert not geo.firm("Castello", geo.locate("Castello"))
    # ("Google", Topeka's other name, is no place at all now: lexicon/not_place_names.txt)
    assert not geo.spelled_as("Whitehall", geo.locate("Whitehall"))
    assert geo.spelled_as("Raqqa", geo.locate("Raqqa"))
    assert geo.spelled_as("Quneitra", geo.locate("Quneitra"))
    # capitals and cities found by another name vote, but do not vouch for a town of their
    # country; a country, a city by its own name do
    assert geo.capital("Washington") and geo.capital("Damascus") and not geo.capital("Aleppo")
    assert not geo.vouches("Washington") and not geo.vouches("Castello")
    assert geo.vouches("Syria") and geo.vouches("Aleppo") and geo.vouches("Manchester")


def test_the_map_is_the_same_whatever_order_the_articles_contexts_come_in(tmp_path, monkeypatch):
    # "Venice" in a story about Italy and in one about the United States: two namesakes, and
    # the first settled keeps the plain name; DuckDB's row order must not choose which
    rows = [
        _res("it", [], ["Venice", "Italy", "Rome"]),
        _res("us", [], ["Venice", "United States", "Los Angeles", "California"]),
    ]
    with Store(tmp_path / "v.duckdb") as store:
        store.write_batch(rows)
    with Store(tmp_path / "v.duckdb", read_only=True) as store:
        full = place_views.places(store.con, Filters())
        read = place_views._in_view

        def reversed_rows(*args):
            mentions, figures = read(*args)
            return mentions[::-1], figures[::-1]

        monkeypatch.setattr(place_views, "_in_view", reversed_rows)
        again = place_views.places(store.con, Filters())
    assert len(full[full["place"].str.startswith("Venice")]) == 2
    pd.testing.assert_frame_equal(again, full)


def test_the_note_says_how_many_places_a_map_by_figures_draws():
    df = pd.DataFrame(
        {"place": ["Aleppo", "Leeds", "Hama"], "n_figures": [4, 0, 1], "n_articles": [5, 2, 1]}
    )
    df.attrs["unlocated"] = 7
    note = map_charts.places_note(df, size_by="n_figures")
    assert note.startswith("3 places, 2 of them with figures (drawn; size by articles")
    assert "7 place names in the articles in view are not in the gazetteer" in note
    assert "of them with figures" not in map_charts.places_note(df, size_by="n_articles")
    # one sentence a part, not one run on with semicolons
    assert "size by articles to see them all). 7 place names" in note and note.endswith(".")


def test_the_map_of_a_region_holds_its_places():
    # Milan, Rome and Italy's own point: all within the drawn ranges (Milan and Rome had fallen
    # off the top and bottom of the map of Italy's places)
    df = pd.DataFrame(
        {
            "place": ["Italy", "Milan", "Rome"], "lat": [42.78, 45.46, 41.89],
            "lon": [12.41, 9.19, 12.51], "n_figures": [3, 3, 1], "n_articles": [13, 2, 3],
            "top_category": ["percent", "percent", "other"],
        }
    )  # fmt: skip
    fig = map_charts.places_map(df, size_by="n_figures")
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    assert all(x0 < x < x1 for x in df["lon"]) and all(y0 < y < y1 for y in df["lat"])


@pytest.mark.parametrize("far_capital", [False, True])
def test_the_map_holds_its_largest_places_and_leaves_out_a_far_one_named_once(far_capital):
    # A dozen places: the one with most figures is the southernmost (it had been cut off by
    # the quantiles of the places, counted one each); a capital named once far away is not
    # worth zooming the map out for
    towns = [("Beira", -19.84, 34.84, 7)] + [
        (f"Town {i}", 40.0 + i * 0.8, 20.0 + i * 1.5, 3) for i in range(11)
    ]
    if far_capital:
        towns.append(("Far capital", -41.29, 174.78, 1))
    df = pd.DataFrame(towns, columns=["place", "lat", "lon", "n_figures"])
    df["n_articles"] = df["n_figures"]
    df["top_category"] = "killed"
    fig = map_charts.places_map(df, size_by="n_figures")
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    inside = df[(df.lon > x0) & (df.lon < x1) & (df.lat > y0) & (df.lat < y1)]["place"]
    assert set(inside) == {"Beira", *(f"Town {i}" for i in range(11))}


def _inside(fig, df) -> set:
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    return set(df[(df.lon > x0) & (df.lon < x1) & (df.lat > y0) & (df.lat < y1)]["place"])


def _towns(prefix: str, n: int, lat: float, lon: float, figures: int, country: str) -> list:
    return [(f"{prefix}{i}", lat + i * 0.05, lon + i * 0.05, figures, country) for i in range(n)]


COLUMNS = ["place", "lat", "lon", "n_figures", "country"]


def test_the_map_opens_where_the_figures_are_and_names_the_places_left_out():
    # Syrian towns with 50 figures each, and one figure each in British and American towns
    # and a Tokyo: 94% of the figures are in Syria, and the map opened on the whole world
    # (its view held the middle 90% of the places, counted one each); it opens on Syria, and
    # the caption names the few figures' places outside it
    rows = _towns("S", 60, 33.0, 36.0, 50, "SY") + _towns("B", 20, 51.0, -1.0, 1, "GB")
    rows += _towns("U", 10, 38.0, -77.0, 1, "US") + [("Tokyo", 35.7, 139.7, 1, "JP")]
    df = pd.DataFrame(rows, columns=COLUMNS).assign(n_articles=1, top_category="killed")
    fig = map_charts.places_map(df, size_by="n_figures")
    assert _inside(fig, df) == {f"S{i}" for i in range(60)}
    (x0, x1) = fig.layout.xaxis.range
    assert x1 - x0 < 30  # a country's width, not the world's
    note = map_charts.places_note(df, size_by="n_figures")
    assert "31 of those drawn lie outside the map's first view" in note
    # sized by articles (one each), the same places are the world's: the map shows them all
    fig = map_charts.places_map(df, size_by="n_articles")
    assert len(_inside(fig, df)) >= 0.9 * len(df)


def test_the_map_of_two_regions_with_their_share_of_the_figures_holds_both():
    # Syria and Britain, two fifths of the figures in Britain: both are where the figures are
    rows = _towns("S", 60, 33.0, 36.0, 10, "SY") + _towns("B", 30, 51.0, -1.0, 13, "GB")
    df = pd.DataFrame(rows, columns=COLUMNS).assign(n_articles=1, top_category="killed")
    inside = _inside(map_charts.places_map(df, size_by="n_figures"), df)
    assert {"S0", "S59", "B0", "B29"} <= inside


def test_the_map_holds_the_whole_country_of_its_largest_place():
    # Daraa, Syria's southern tip, named with a few figures, had fallen off the map of the
    # Syrian towns reporting most (the middle 90% of the figures)
    rows = _towns("S", 40, 34.5, 36.5, 40, "SY") + [("Daraa", 32.62, 36.10, 1, "SY")]
    rows += [("Baghdad", 33.3, 44.4, 1, "IQ")]
    df = pd.DataFrame(rows, columns=COLUMNS).assign(n_articles=1, top_category="killed")
    inside = _inside(map_charts.places_map(df, size_by="n_figures"), df)
    assert "Daraa" in inside and "S39" in inside


@pytest.mark.parametrize("n_places", [0, 1])
def test_the_map_of_one_place_or_none_opens(n_places):
    df = pd.DataFrame([("Aleppo", 36.2, 37.16, 3, "SY")][:n_places], columns=COLUMNS).assign(
        n_articles=1, top_category="killed"
    )
    fig = map_charts.places_map(df, size_by="n_figures")
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    if n_places:  # a few degrees around the one place
        assert x0 < 37.16 < x1 and y0 < 36.2 < y1 and x1 - x0 < 15
    else:  # the world's middle, no error
        assert x1 - x0 > 180
    assert map_charts.outside_view(df, "n_figures") == []


@pytest.mark.parametrize(
    "name, region",
    [
        # GeoNames lists "Maine" among Des Plaines' names, "Washington" among South River's
        # (NJ), and a Michigan city is called Wyoming: they named Illinois, New Jersey, Michigan
        ("Chicago", "Illinois"),
        ("Elizabeth", "New Jersey"),
        ("Detroit", "Michigan"),
        # a small town's other name ("Saint Barthelemy", "Hidalgo") names no region it lies in
        ("Nice", "Provence-Alpes-Cote d'Azur"),
        ("Monterrey", "Nuevo Leon"),
        # nor "Saint Martin" (Saint-Martin-d'Heres): Lyon's region, a merger of two the village
        # table names apart, is left unnamed, and so is Toulouse's, not named after its neighbour
        ("Lyon", None),
        ("Toulouse", None),
        # the state, not its city: Harlem and Bethpage lie in New York, not in "New York City"
        ("Harlem", "New York"),
        # a region no city is named after: the village table's name, as its villages have it
        ("Douma", "Rif-dimashq"),
        ("London", "England"),
        # Syria's governorates keep their capitals' English names
        ("Hama", "Hamah"),
        ("Damascus", "Damascus"),
        ("Lima", "Lima"),
        # a division named after its city keeps its own name where another division has that
        # name: the District of Columbia is not the state of Washington, nor the autonomous
        # city of Buenos Aires its province
        ("Capitol Hill", "Washington, D.C."),
        ("Washington", "Washington, D.C."),
        ("Seattle", "Washington"),
        ("Buenos Aires", "Buenos Aires F.D."),
        ("La Plata", "Buenos Aires"),
    ],
)
def test_a_city_is_in_its_own_first_level_region(name, region):
    assert geo.locate(name).region == region


def test_a_park_a_town_was_once_called_is_the_park():
    # GeoNames gives "Central Park" as Bethpage's old name (lexicon/mapped_areas.tsv)
    park = geo.locate("Central Park")
    assert park.kind == "area" and park.country == "US" and park.region == "New York"
    assert abs(park.lat - 40.71) < 0.1 and abs(park.lon + 74.0) < 0.1


def test_a_category_has_one_colour_on_every_map():
    # the colours had been given by the categories present: Money purple under one outlet and
    # brown over all of them
    every = map_charts.category_colours(list(map_charts.CATEGORY_TITLES))
    some = map_charts.category_colours(["money", "people"])
    assert some["money"] == every["money"] and some["people"] == every["people"]
    assert set(some) == {"money", "people", map_charts.MENTIONED_ONLY}
    assert set(every) == {*map_charts.CATEGORY_TITLES, map_charts.MENTIONED_ONLY}
    assert len(set(every.values())) == len(every)  # each its own, "mentioned only" grey


def test_the_note_names_the_places_drawn_outside_the_first_view():
    # twenty towns in Syria and one small bubble in Washington: the view holds the towns,
    # and the caption says where the far one went instead of calling every place drawn
    rows = [
        {"place": f"Town {k}", "lat": 35.0 + k * 0.05, "lon": 37.0 + k * 0.05,
         "n_figures": 10 + k, "n_articles": 5}
        for k in range(20)
    ] + [{"place": "Washington", "lat": 38.9, "lon": -77.0, "n_figures": 1, "n_articles": 9}]  # fmt: skip
    df = pd.DataFrame(rows)
    assert map_charts.outside_view(df, "n_figures") == ["Washington"]
    note = map_charts.places_note(df, size_by="n_figures")
    assert "1 of those drawn lies outside the map's first view (Washington)" in note
    assert map_charts.outside_view(df.iloc[:20], "n_figures") == []


def test_a_place_word_of_a_company_or_a_title_is_no_place():
    # "Munich Re" (a reinsurer), "House of Fraser" (a store chain), "Order of the Phoenix" (a
    # book): the model tags the place word alone; grown into the name, it is an organisation,
    # no place on the map, and no figure of the sentence is placed there
    # (lexicon/org_suffix_words.txt, lexicon/org_of_heads.txt)
    from analysis import nlp, pipeline

    text = (
        "Shares in Munich Re fell by 3% on Tuesday after two storms hit the coast.\n\n"
        "The retailer House of Fraser said it would shut eleven stores next year.\n\n"
        "Harry Potter and the Order of the Phoenix sold 900,000 copies in its first week.\n\n"
        "Later, four people were hurt in a fire in Munich."
    )
    art = Article(id="orgplace", title="Markets", text=text, source="BBC")
    (res,) = pipeline.analyse_batch([art], nlp.load(), encoder=False)
    places = {m.name for m in res.mentions if m.label in ("GPE", "LOC")}
    assert not places & {"Fraser", "Phoenix"}
    orgs = {m.name for m in res.mentions if m.label == "ORG"}
    assert {"Munich Re", "House of Fraser"} <= orgs
    located = {f.text: f.location for f in res.figures}
    assert located.get("eleven") != "Fraser" and located.get("900,000") != "Phoenix"
    assert located.get("four") == "Munich"  # the city itself is still a place


def test_a_house_number_is_no_figure_of_the_places_nearby():
    # "10 Downing Street", "221 Baker Street": the number is an address, not a count placed in
    # the town the sentence names (lexicon/address_nouns.txt); "3 Wall Street banks" counts
    from analysis import nlp, pipeline

    text = (
        "Protesters marched in Leeds and later gathered outside 10 Downing Street.\n\n"
        "In York, 3 Wall Street banks opened offices, and 12 people were hurt in a crash."
    )
    art = Article(id="address", title="Protests", text=text, source="BBC")
    (res,) = pipeline.analyse_batch([art], nlp.load(), encoder=False)
    found = {f.text for f in res.figures}
    assert "10" not in found  # had been a figure of 10 in Leeds
    assert {"3", "12"} <= found


def test_a_town_used_as_its_club_lends_its_sentence_no_place():
    # "joined Chelsea for £12m", "Seville midfielder": the clubs, no places on the map nor
    # the fee's place; the same article's fire "in Chelsea" is in the town
    # (lexicon/sports_role_nouns.txt, club_move_words.txt)
    from analysis import nlp, pipeline

    text = (
        "Seville midfielder Tomas Vidal joined Chelsea for £12m on Monday.\n\n"
        "Later, three people were hurt in a fire in Chelsea, police said."
    )
    art = Article(id="clubs", title="Transfers", text=text, source="BBC")
    (res,) = pipeline.analyse_batch([art], nlp.load(), encoder=False)
    labels = [(m.name, m.label) for m in res.mentions if m.name in ("Chelsea", "Seville")]
    assert labels == [("Seville", "ORG"), ("Chelsea", "ORG"), ("Chelsea", "GPE")], labels
    located = {f.text: f.location for f in res.figures}
    assert located.get("£12m") not in ("Chelsea", "Seville")
    assert located.get("three") == "Chelsea"


@pytest.mark.parametrize("name", ["North America", "South America", "Central America"])
def test_a_continent_or_region_is_not_its_largest_country(name):
    # "Central America" had been drawn as a compass part of "America" (the United States)
    assert geo.locate_near(name, (("US", 50), ("MX", 5))) is None
    assert geo.locate_near("America", (("US", 50),)).country == "US"
    assert geo.locate_near("Eastern Ghouta", (("SY", 50),)).kind == "area"  # a region drawn


def test_a_country_is_never_another_countrys_village():
    # Liechtenstein has no town of 15,000: it had fallen through to Lichtenstein, Saxony
    for name, code in (("Liechtenstein", "LI"), ("Greenland", "GL"), ("San Marino", "SM")):
        loc = geo.locate(name)
        assert (loc.country, loc.kind) == (code, "country"), name


def test_a_building_geonames_gives_as_a_citys_english_name_is_in_its_own_city():
    # GeoNames lists "White House" among Casablanca's names; the building is in Washington
    loc = geo.locate("White House")
    assert (loc.name, loc.country, loc.kind) == ("White House", "US", "area")
    assert abs(loc.lat - geo.locate("Washington").lat) < 0.5


@pytest.mark.parametrize(
    "name, ordinary",
    [("Surprise", True), ("Spring", True), ("Bend", True), ("ECONOMY", True),
     ("Economy", False), ("Boston", False), ("York", False), ("ALEPPO", False),
     ("Tamarac", False), ("Central Park", False)],
)  # fmt: skip
def test_an_ordinary_word_is_told_from_a_towns_name(name, ordinary):
    assert geo.ordinary_word(name) is ordinary


def test_a_headline_word_or_a_common_words_other_name_is_no_town(tmp_path):
    rows = [
        # a title in title case and a newsletter in capitals: a figure's place read from a
        # capitalised word the article never tags a place
        ("title", ["United States", "Washington"], ["Surprise", "Spring"]),
        ("caps", ["United States", "New York"], ["ECONOMY"]),
        # tagged a place by the article, the town stays (Bend, Oregon)
        ("oregon", ["United States", "Oregon", "Bend"], ["Bend"]),
        # "a kilo of explosives" in a story naming Germany: kilo is Kiel's other name only
        ("kilo", ["Germany", "Berlin", "Kilo"], []),
        ("tamarac", ["United States", "Florida"], ["Tamarac"]),
    ]
    path = tmp_path / "h.duckdb"
    with Store(path) as store:
        store.write_batch(_placed(rows))
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters())
    drawn = {n: row for _, row in df.iterrows() for n in row["names"]}
    assert not {"Surprise", "Spring", "ECONOMY", "Kilo"} & set(drawn)
    assert drawn["Bend"]["country"] == "US" and drawn["Bend"]["n_figures"] == 1
    # a figure's place the article never tags is counted as a figure, not as an article: the
    # caption says so
    assert (drawn["Tamarac"]["n_articles"], drawn["Tamarac"]["n_figures"]) == (0, 1)
    note = map_charts.places_note(df, "", "n_figures")
    assert "1 place has figures but 0 articles (Tamarac)" in note
    assert "continents and regions" in note


BBC_LIKE_STORIES = {
    "prize": "The award will be handed over in Jackson's hometown of Odense, officials in "
    "Copenhagen said. Denmark and the United States sent envoys.",
    "match": "The defender misses Saturday's cup tie at Villa Park with a knee injury, and the "
    "manager said he would not risk him.",
    "rugby": "Woodward names his Lions squad next month before the tour. Jones hopes to make "
    "the Lions tour, and Wales meet France in Paris on Saturday.",
}


def test_a_ground_a_surname_and_a_touring_side_are_no_towns(nlp, tmp_path):
    # "Villa Park" (Aston Villa's ground; a town in Illinois), "Jackson's hometown" (a person:
    # Jackson is the capital of Mississippi too), the British and Irish "Lions" (Lyon's other name):
    # none is a place in its sentence, none on the map
    with _analysed_store(nlp, tmp_path / "bbc.duckdb", BBC_LIKE_STORIES) as store:
        labels = dict(store.con.execute("SELECT name, label FROM entities").fetchall())
        df = place_views.places(store.con, Filters())
    assert labels.get("Jackson") == "PERSON"  # the owner of a hometown is a person
    drawn = {n for names in df["names"] for n in names}
    assert not drawn & {"Villa Park", "Jackson", "Lion", "Lions"}
    assert {"Odense", "Copenhagen", "Paris"} <= drawn


def test_a_town_named_like_a_ground_is_no_town_in_a_story_that_points_nowhere():
    park = geo.locate("Villa Park")
    assert park is not None and park.country == "US"
    settle = dict(leader=None, supported=False, alone=True, tagged=True)
    assert geo.locate_in_article("Villa Park", park, **settle) is None
    # a town of one word keeps its place in such a story
    assert geo.locate_in_article("Odense", geo.locate("Odense"), **settle) is not None


def test_a_place_word_inside_an_organisations_or_a_polls_name_places_no_figure():
    # "ABC News/Norfolk poll", "the Duchy of Lancaster", "the Phoenix consortium": the names of
    # a poll, an estate and a group of buyers, none the place of a figure (nor the article's
    # main place); the town named on its own still is one
    from analysis import nlp, pipeline

    text = (
        "Nearly half of the voters in the ABC News/Norfolk poll said they would stay home.\n\n"
        "The carmaker was sold for £5 to the Phoenix consortium, which later cut 400 jobs.\n\n"
        "Later, 12 homes burned in Norfolk.\n\n"
        "To count them, they turned to the Leeds Police Department, which reported 40 burglaries "
        "in the city last month."
    )
    duchy = (
        "Managers from the Duchy of Lancaster will be questioned by a committee.\n\n"
        "Officials at the two bodies run the estates that pay for the royal household."
    )
    arts = [
        Article(id="orgwords", title="Polls", text=text, source="BBC"),
        Article(id="duchy", title="Royal estates", text=duchy, source="BBC"),
    ]
    res, estates = pipeline.analyse_batch(arts, nlp.load(), encoder=False)
    assert [(f.text, f.location) for f in estates.figures] == [("two", None)]  # had been Lancaster
    located = {f.text: f.location for f in res.figures}
    assert located.get("Nearly half") is None  # had been Norfolk
    assert located.get("£5") is None and located.get("400") is None  # had been Phoenix
    assert located.get("12") == "Norfolk"
    assert located.get("40") == "Leeds"  # a public body's place word is where it rules
    labels = {(m.name, m.label) for m in res.mentions}
    assert ("Phoenix consortium", "ORG") in labels and ("Phoenix", "GPE") not in labels


def test_a_loose_spelling_finds_only_a_transliterated_village():
    # the loose key is for Arabic names spelled many ways ("Atareb" = Al Atarib); a name in a
    # Latin-script country has one spelling: "Bloomberg" is no Blumberg, Germany
    from analysis import gazetteer

    assert gazetteer.village("Bloomberg") is None
    assert geo.locate("Bloomberg") is None
    assert gazetteer.village("Atareb").country == "SY"


def test_the_english_midlands_are_english():
    # "the Midlands plant" in a British story had been Zimbabwe's Midlands province
    for name in ("Midlands", "West Midlands", "East Midlands"):
        found = geo.locate(name)
        assert (found.country, found.kind) == ("GB", "region"), name
        assert 52.0 < found.lat < 53.6 and -3.2 < found.lon < 0.4, name


@pytest.mark.parametrize(
    "name, leader, supported, country",
    [
        ("San Juan", "PR", False, "PR"),  # Puerto Rico's capital, not Argentina's city
        ("San Juan", None, False, "AR"),  # a story pointing nowhere keeps the coverage's
        ("San Juan", "PR", True, "AR"),  # one naming Argentina's places too keeps Argentina's
        ("Monterey", "US", False, "US"),  # Monterey, California, not Monterrey (a near spelling)
        ("Geneva", "US", False, "CH"),  # a smaller namesake (Geneva, Illinois) is not meant
    ],
)
def test_a_city_sharing_its_name_abroad_is_the_stories_countrys(name, leader, supported, country):
    found = geo.locate(name)
    assert geo.yields_to_namesake(name, found)
    settle = dict(leader=leader, supported=supported, alone=False, tagged=True)
    assert geo.locate_in_article(name, found, **settle).country == country


def test_a_place_word_in_a_works_title_or_an_events_name_is_no_place():
    # "the remake, Flight of the Phoenix,", "the album Born in Memphis", "the hit show
    # "Dallas"": a title's place word is no place mention and places no figure of its
    # sentence; "the Sundance film festival" (a village's name, the event not held there) is
    # an event; "the Cannes film festival" is in Cannes, and the town named after a title
    # ("opened in Phoenix") is the town (spans._work_title, spans._named_event)
    from analysis import nlp, pipeline

    text = (
        "Cinema takings rose by 8% as the remake, Flight of the Phoenix, drew 40,000 viewers.\n\n"
        'Her third album Born in Memphis sold 12,000 copies, and the hit show "Dallas" '
        "returned with six episodes.\n\n"
        "The director won two prizes at the Sundance film festival and one at the Cannes film "
        "festival.\n\n"
        "The movie Tulsa Nights opened in Phoenix, where 300 fans queued."
    )
    art = Article(id="titles", title="Box office", text=text, source="BBC")
    (res,) = pipeline.analyse_batch([art], nlp.load(), encoder=False)
    places = [(m.name, m.text) for m in res.mentions if m.label in ("GPE", "LOC", "FAC")]
    assert ("Cannes", "Cannes") in places and ("Phoenix", "Phoenix") in places
    assert len([p for p in places if p[0] == "Phoenix"]) == 1  # the town, not the title
    assert not {name for name, _ in places} & {"Memphis", "Dallas", "Sundance", "Tulsa"}
    located = {f.text: f.location for f in res.figures}
    assert located.get("40,000") != "Phoenix" and located.get("12,000") != "Memphis"
    assert located.get("two") != "Sundance"
    assert located.get("300") == "Phoenix"


def test_an_event_named_after_its_town_is_an_event():
    # "the Dakar Rally" (tagged a person), "the Leeds Grand Prix" (a building), "the Boston
    # Marathon" (a place): events, none on the map (lexicon/event_head_words.txt)
    from analysis import nlp, pipeline

    text = (
        "She finished third in the Leeds Grand Prix and then ran the Boston Marathon.\n\n"
        "He crashed on the fourth stage of the Dakar Rally."
    )
    art = Article(id="events", title="Sport", text=text, source="BBC")
    (res,) = pipeline.analyse_batch([art], nlp.load(), encoder=False)
    labels = {(m.name, m.label) for m in res.mentions}
    assert not {lab for name, lab in labels if name.endswith(("Prix", "Marathon", "Rally"))} & {
        "GPE",
        "LOC",
        "FAC",
        "PERSON",
    }


def test_the_figure_summary_counts_the_places_of_every_view_as_the_rows_do(corpus_store):
    # The Places page's "reported there" counts come from sum_figure_places for a view of
    # dates and outlets; they must be the figure rows' own counts in every tier (all time,
    # whole months and years, the days at a range's ends, outlets, both).
    with Store(corpus_store, read_only=True) as store:
        con = store.con
        first, last, outlet = con.execute(
            "SELECT min(published), max(published), mode(source) FROM articles"
        ).fetchone()
        middle = first + (last - first) / 2
        views = [
            Filters(),
            Filters(date_from=first, date_to=last),
            Filters(date_from=first + dt.timedelta(days=3), date_to=middle),
            Filters(date_from=middle),
            Filters(sources=(outlet,)),
            Filters(date_from=first + dt.timedelta(days=3), date_to=middle, sources=(outlet,)),
        ]
        for view in views:
            summed = sorted(place_views._figure_counts(con, view))
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(place_views.summaries, "covers", lambda filters: False)
                counted = sorted(place_views._figure_counts(con, view))
            assert summed == counted, view
            assert counted  # the corpus reports figures somewhere in every view


def test_the_map_holds_the_place_a_reader_picks_and_the_note_counts_it_shown():
    # the first view of a map of Syrian figures leaves London out; picked, London is in view
    # (with a ring), and the note no longer names it among the places outside
    rows = _towns("S", 40, 34.5, 36.5, 40, "SY") + [("London", 51.5, -0.13, 1, "GB")]
    df = pd.DataFrame(rows, columns=COLUMNS).assign(n_articles=1, top_category="killed")
    assert "London" not in _inside(map_charts.places_map(df, size_by="n_figures"), df)
    assert map_charts.outside_view(df, "n_figures") == ["London"]
    fig = map_charts.places_map(df, size_by="n_figures", selected="London")
    assert {"London", "S0", "S39"} <= _inside(fig, df)
    assert map_charts.outside_view(df, "n_figures", "London") == []
    assert "outside the map's first view" not in map_charts.places_note(
        df, size_by="n_figures", selected="London"
    )
    # a pick that is no place of the map changes nothing
    assert map_charts.outside_view(df, "n_figures", "Atlantis") == ["London"]


def test_the_map_names_its_largest_places_without_one_name_over_another():
    # a PNG or PDF of the page has no hover: the largest bubbles carry their names, placed
    # beside them where no name already placed is, the picked place always, none off the map
    towns = [
        ("Aleppo", 36.20, 37.16, 40), ("Idlib", 35.93, 36.63, 20), ("Hama", 35.13, 36.75, 12),
        ("Homs", 34.73, 36.71, 10), ("Damascus", 33.51, 36.29, 30), ("Raqqa", 35.95, 39.01, 9),
        ("Deir ez-Zor", 35.34, 40.14, 8), ("Daraa", 32.62, 36.10, 6), ("Afrin", 36.51, 36.87, 5),
        ("Manbij", 36.53, 37.95, 4), ("Tabqa", 35.84, 38.55, 2), ("Lima", -12.05, -77.04, 1),
    ]  # fmt: skip
    df = pd.DataFrame(towns, columns=["place", "lat", "lon", "n_figures"])
    df["n_articles"] = df["n_figures"]
    df["top_category"] = "killed"
    fig = map_charts.places_map(df, size_by="n_figures", selected="Tabqa")
    named = next(t for t in fig.data if t.mode == "markers+text")
    assert named.hoverinfo == "skip" and named.marker.opacity == 0  # the bubbles get the clicks
    assert {"Aleppo", "Damascus", "Idlib", "Tabqa"} <= set(named.text)
    assert "Lima" not in named.text  # outside the first view
    assert len(named.text) <= map_charts.MAX_LABELS + 1
    # the boxes the names take (in the page's pixels) overlap none another
    box = (tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range))
    labels = map_charts.place_labels(df, "n_figures", "Tabqa", box)
    assert [name for name, *_ in labels] == list(named.text)
    (x0, x1), (y0, y1) = box
    sx, sy = map_charts.PLOT_PX[0] / (x1 - x0), map_charts.PLOT_PX[1] / (y1 - y0)
    rects = []
    for name, lon, lat, at, diameter in labels:
        w, h, g = map_charts.CHAR_PX * len(name), map_charts.LINE_PX, diameter / 2 + 1
        cx, cy = (lon - x0) * sx, (lat - y0) * sy
        left = {"middle right": cx + g, "middle left": cx - g - w}.get(at, cx - w / 2)
        low = {"top center": cy + g, "bottom center": cy - g - h}.get(at, cy - h / 2)
        rects.append((left, low, left + w, low + h))
    for i, a in enumerate(rects):
        assert not any(map_charts._overlap(a, b) for b in rects[i + 1 :]), labels[i]


def test_the_report_lists_a_place_as_the_page_does_without_its_namesake(tmp_path, monkeypatch):
    # Madaya in three stories about Myanmar and in one about Syria: the Syrian town's report
    # section had listed all four articles and figures (it left out the page's "where the
    # place lies"), the page one; both take report_views.place_scope now.
    import duckdb

    from dashboard import report_views
    from tests.apptest import run_page

    rows = [(f"mm{i}", ["Myanmar", "Mandalay", "Madaya"], ["Madaya"]) for i in range(3)]
    rows.append(("sy", ["Syria", "Damascus", "Madaya"], ["Madaya"]))
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        store.write_batch(_placed(rows))
    con = duckdb.connect(str(path), read_only=True)
    try:
        df = place_views.places(con, Filters())
        syrian = df.loc[(df["country"] == "SY") & df["names"].map(lambda n: "Madaya" in n)]
        place = syrian["place"].iloc[0]
        (section,) = report_views.build(
            con, ["places"], Filters(), link_base="http://dash", choices={"place": place}
        )
    finally:
        con.close()
    tables = {i.title: i.table.frame for i in section.items if i.table is not None}
    assert len(tables[f"Articles about {place}"]) == 1
    assert len(tables[f"Figures reported for {place}"]) == 1
    monkeypatch.setenv("PRESSLENS_DB", str(path))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    at = run_page("places", {"place": place})
    assert not at.exception, at.exception[0].value if at.exception else ""
    listed = next(t.value for t in at.dataframe if "mentions" in t.value.columns)
    assert len(listed) == 1


def test_a_places_article_list_cut_at_its_length_says_so():
    from dashboard import report_views

    full = report_views.PLACE_ARTICLES
    assert report_views.place_articles_note(full - 1, "Aleppo") == ""
    note = report_views.place_articles_note(full, "Aleppo")
    assert note.startswith(f"The {full} articles naming Aleppo most; more name it.")


def test_a_place_spelled_two_ways_counts_each_article_once(tmp_path, monkeypatch):
    # Deir ez-Zor written two ways, and Saraqib (a town, settled article by article) too: an
    # article naming both spellings is one article of the place, not two (the sum of the
    # spellings' counts had given the map 5 and 4 articles for the lists' 3 and 3)
    rows = [
        _res("d1", [], ["Deir Ezzor", "Deir ez-Zor", "Syria"]),
        _res("d2", [], ["Deir Ezzor", "Deir ez-Zor", "Syria"]),
        _res("d3", [("killed", "Deir Ezzor", 4)], ["Deir Ezzor", "Syria"]),
        _res("s1", [], ["Saraqib", "Saraqeb", "Syria"]),
        _res("s2", [], ["Saraqib", "Syria"]),
        _res("s3", [], ["Saraqeb", "Syria"]),
    ]
    path = tmp_path / "spellings.duckdb"
    with Store(path) as store:
        store.write_batch(rows)
    with Store(path, read_only=True) as store:
        settlement = place_views.settle(store.con)
        assert "Saraqeb" in settlement.weak or "Saraqib" in settlement.weak
        whole = place_views.settled_places(store.con, Filters(), settlement).set_index("place")
        lists = {
            place: len(place_views.place_articles(store.con, names=whole.loc[place, "names"]))
            for place in ("Deir ez-Zor", "Saraqib")
        }
        # the rows (a speaker's or a search's view) count as the summaries do
        monkeypatch.setattr(place_views.summaries, "covers", lambda filters: False)
        rows_view = place_views.settled_places(store.con, Filters(), settlement)
    assert whole.loc["Deir ez-Zor", "names"] == ("Deir Ezzor", "Deir ez-Zor")
    assert whole.loc["Deir ez-Zor", "n_articles"] == 3 == lists["Deir ez-Zor"]
    assert whole.loc["Saraqib", "n_articles"] == 3 == lists["Saraqib"]
    assert whole.loc["Syria", "n_articles"] == 6  # one spelling: its own count
    pd.testing.assert_frame_equal(rows_view.set_index("place"), whole)


def test_a_large_stores_place_spelled_two_ways_says_up_to(tmp_path, monkeypatch):
    # past EXACT_ARTICLES_ROWS_MAX entity rows the spellings' counts are summed, as before,
    # and the map's hover and its caption say "up to": 2 articles naming both, 1 one spelling
    rows = [
        _res("d1", [], ["Deir Ezzor", "Deir ez-Zor", "Syria"]),
        _res("d2", [], ["Deir Ezzor", "Deir ez-Zor", "Syria"]),
        _res("d3", [("killed", "Deir Ezzor", 4)], ["Deir Ezzor", "Syria"]),
    ]
    path = tmp_path / "large.duckdb"
    with Store(path) as store:
        store.write_batch(rows)
    monkeypatch.setattr(place_views, "EXACT_ARTICLES_ROWS_MAX", 5)
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters())
    assert df.attrs["articles_up_to"] == ("Deir ez-Zor",)
    counts = df.set_index("place")["n_articles"]
    assert (counts["Deir ez-Zor"], counts["Syria"]) == (5, 3)
    hovers = {
        row[0]: row[2] for trace in map_charts.places_map(df, size_by="n_articles").data
        if trace.customdata is not None for row in trace.customdata
    }  # fmt: skip
    assert hovers == {"Deir ez-Zor": "up to 5", "Syria": "3"}
    note = map_charts.places_note(df, size_by="n_articles")
    assert "1 place spelled more ways than one (Deir ez-Zor) count up to" in note
    # under the limit: each article once, and nothing said
    monkeypatch.setattr(place_views, "EXACT_ARTICLES_ROWS_MAX", 3_000_000)
    with Store(path, read_only=True) as store:
        df = place_views.places(store.con, Filters())
    assert df.attrs["articles_up_to"] == () and "up to" not in map_charts.places_note(df)
    assert df.set_index("place").loc["Deir ez-Zor", "n_articles"] == 3


def _label_boxes(fig, labels) -> list[tuple]:
    """The names' boxes in the pixels of the narrow page :func:`map_charts.place_labels` places
    them for, from the figure's own view."""
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    sx, sy = map_charts.PLOT_PX[0] / (x1 - x0), map_charts.PLOT_PX[1] / (y1 - y0)
    out = []
    for name, lon, lat, at, diameter in labels:
        w, h, g = map_charts.CHAR_PX * len(name), map_charts.LINE_PX, diameter / 2 + 1
        cx, cy = (lon - x0) * sx, (lat - y0) * sy
        left = {"middle right": cx + g, "middle left": cx - g - w}.get(at, cx - w / 2)
        low = {"top center": cy + g, "bottom center": cy - g - h}.get(at, cy - h / 2)
        out.append((name, left, low, left + w, low + h))
    return out


def test_the_map_opens_with_its_names_inside_the_frame():
    # A speaker's map: most figures in Britain (its east edge), a few in America. The view held
    # both by their points, so the United Kingdom's name ran off the map's right edge
    # ("United Kingdo"); the view now widens to hold the names of the places it names
    rows = [
        ("United Kingdom", 52.54, -1.38, 15, "GB"), ("England", 52.26, -1.16, 10, "GB"),
        ("United States", 37.22, -93.30, 4, "US"), ("London", 51.51, -0.13, 3, "GB"),
        ("Scotland", 56.01, -3.72, 1, "GB"), ("Ireland", 53.18, -6.80, 1, "IE"),
    ]  # fmt: skip
    df = pd.DataFrame(rows, columns=COLUMNS).assign(n_articles=1, top_category="people")
    fig = map_charts.places_map(df, size_by="n_figures")
    named = next(t for t in fig.data if t.mode == "markers+text")
    assert {"United Kingdom", "United States"} <= set(named.text)
    assert _inside(fig, df) == set(df["place"])
    box = (tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range))
    labels = map_charts.place_labels(df, "n_figures", None, box)
    for name, left, low, right, high in _label_boxes(fig, labels):
        assert left >= 0 and right <= map_charts.PLOT_PX[0], name
        assert low >= 0 and high <= map_charts.PLOT_PX[1], name
    # the United Kingdom's name is where it is looked for first, to its right
    assert dict((n, at) for n, _, _, at, _ in labels)["United Kingdom"] == "middle right"


def test_a_name_that_would_run_off_the_map_is_set_inside_it_or_left_to_the_hover():
    # the view given (a reader's region, or the caller's box): a place at its east edge gets
    # its name to its left, and never one past the edge
    df = pd.DataFrame(
        [("Eastmost Town", 10.0, 19.9, 5), ("Middle Town", 10.0, 10.0, 2)],
        columns=["place", "lat", "lon", "n_figures"],
    )
    labels = map_charts.place_labels(df, "n_figures", None, ((0.0, 20.0), (5.0, 15.0)))
    assert [(n, at) for n, _, _, at, _ in labels] == [
        ("Eastmost Town", "middle left"),
        ("Middle Town", "middle right"),
    ]
