"""Places: which places the articles in view mention and which figures they report where, located
by :func:`analysis.geo.locate` and rolled up to the gazetteer's name for the place (so "Deir
Ezzor" and "Deir ez-Zor" are one point) and to its province or region where that is known.

Pure functions over a DuckDB connection and :class:`~analysis.filters.Filters`, like the other
``*_views`` modules, and one value worked out per state of the store (:class:`Settlement`:
where each of its names lies, and what each article says of its towns), which every view
reads, so that a filter never moves a place. Place names the gazetteer cannot place are
counted, not guessed.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from analysis import geo, summaries
from analysis.article_views import data_version
from analysis.filters import (
    Filters,
    article_ids_sql,
    article_keys_sql,
    in_values,
    in_view_sql,
    is_copy,
    rows_in_view,
)

if TYPE_CHECKING:
    import pyarrow as pa

PLACE_LABELS = ("GPE", "LOC", "FAC")
# The condition on a mention's label, as constants: DuckDB then filters the entities' scan by
# them, where a list parameter made it read and keep every place mention of the store first
# (at a million articles 5.6 million rows).
PLACE_LABELS_SQL = "label IN (" + ", ".join(f"'{label}'" for label in PLACE_LABELS) + ")"
# The most place names located for one view, the most named first (and as many of the places
# figures are reported at, the most reported first). Each name is looked up in the gazetteer in
# Python: a million articles name 306,000 different places (a village named once, a misspelling),
# and locating them all took 45 s for a map whose bubbles for names in one article of a million
# cannot be seen. The names left off are counted (``attrs["rare"]``) and the page says so.
MAPPED_NAMES_MAX = 5_000
# An American city this large is itself in a story naming another state that has a town of its
# name (Cleveland, Ohio, in a story naming Florida); a smaller one (Concord, California: 129,000)
# is that state's town when the story does not name its own state.
STATE_TOWN_MAX_POPULATION = 200_000
# ... and when that state's town has this share of its people at least: Concord, New Hampshire
# (44,000) is meant in a story naming New Hampshire; Harlem, Florida (2,600) is not in one
# naming Florida, nor Albany, Ohio (800) in one naming Ohio.
STATE_TOWN_SHARE = 0.05

# The articles' contexts are read in parts of about this many articles (by a hash of their ids):
# at a million articles, read at once, they took 200-400 MB of the reader's 512 MB while the
# server started, and the first pages opened meanwhile ran out of memory.
CONTEXT_PART_ARTICLES = int(os.environ.get("PRESSLENS_PLACE_PART_ARTICLES", "250000"))
# A place spelled more ways than one counts each of its articles once where the view's entity
# rows are at most this many (the real store's 42,000; a speaker's or a search's rows copied or
# gathered by another view, whatever their number):
# counting them once each reads every place mention of those rows, and at a million articles'
# 30 million rows that took 0.8-1.2 s of CPU where the page's counts from the summaries take
# 0.13 s. Above it the place keeps the sum of its spellings' counts, an article naming two of
# them counted twice, and the page says "up to" (``attrs["articles_up_to"]``).
EXACT_ARTICLES_ROWS_MAX = int(os.environ.get("PRESSLENS_PLACE_EXACT_ROWS", "3000000"))

NO_FIGURES = "mentioned only"
COLUMNS = [
    "place", "lat", "lon", "kind", "country", "region", "n_articles", "n_figures",
    "top_category", "names",
]  # fmt: skip


# The names located for views beyond those settled (a view's own most named, located the first
# time it needs them) are remembered up to this many, the oldest forgotten first: remembered
# without a bound they grew for as long as a server ran.
SEEN_NAMES_MAX = 50_000
# How many states of the store (a store and its data version) keep their settlement: the one
# shown and the one before, which a page still open may read while the new one is made.
SETTLEMENTS_KEPT = 2


@dataclass(frozen=True)
class Settlement:
    """Where the store's place names lie, worked out once for a state of the store
    (:func:`settlement` keeps one per store and data version, for the dashboard's views and the
    reports alike) and read by every view of it, so that a filter neither moves a place nor
    reads every article's places again.

    ``countries``: the countries the whole store is about (:func:`_coverage_countries`), by
    which a name is told from its namesakes abroad (:func:`geo.locate_near`). ``found``: the
    store's most named places and those most reported at (:data:`MAPPED_NAMES_MAX` of each),
    so located, and the names located ahead (:meth:`locate_ahead`); a view's other names are
    located by the same countries when it needs them and remembered in ``seen`` (at most
    :data:`SEEN_NAMES_MAX`). ``contexts``: what each article says of each of those names that is
    no :func:`geo.firm` place (a town, a namesake: "Adra" in a story about Syria is not the
    Spanish town), one row per article and name it mentions (``what`` "m", ``n`` 1) and per
    article, name and category of the figures it reports there ("f", ``n`` figures), with the
    article's ``article_key`` and the context :func:`_settle` reads (``leader, supported,
    alone, tagged``: :func:`_article_contexts`; ``state, within``: :func:`_article_hints`, which
    also adds the names it places to those settled). At a million articles: the 264 towns the
    coverage places, named in 472,000 articles, 1.13 million rows (48 MB), 5-6 s to read."""

    countries: tuple[tuple[str, int], ...]
    found: dict[str, geo.Location | None]
    contexts: pa.Table
    weak: frozenset[str]  # the names ``contexts`` settles
    seen: OrderedDict[str, geo.Location | None] = field(default_factory=OrderedDict)

    def located(self, name: str) -> geo.Location | None:
        """``name`` located by the store's countries (the first time a view needs it)."""
        if name in self.found:
            return self.found[name]
        if name in self.seen:
            return self.seen[name]
        loc = self.seen[name] = geo.locate_near(name, self.countries)
        while len(self.seen) > SEEN_NAMES_MAX:
            try:
                self.seen.popitem(last=False)
            except KeyError:  # another view's thread forgot it first
                break
        return loc

    def locate_ahead(self, names) -> int:
        """Locate ``names`` now (:func:`year_names`: those a view of one year will need), so
        that the view finds them located: at a million articles a year's 5,000 most named
        held 3,400 names and its most reported at 3,200 that the store's did not, and locating
        them took 0.2 s of the year's 0.35 s. Returns how many were new."""
        new = [name for name in names if name not in self.found]
        for name in new:
            self.found[name] = geo.locate_near(name, self.countries)
        return len(new)


def settle(con: duckdb.DuckDBPyConnection) -> Settlement:
    """The :class:`Settlement` of the store ``con`` holds (every article but duplicates),
    worked out anew; :func:`settlement` keeps it for the store's state."""
    _, mentions, kept, _ = _names_in_view(con, None)
    countries = _coverage_countries(mentions)
    found = {name: geo.locate_near(name, countries) for name in sorted(kept)}
    # the names each article settles: those no firm place, the towns called by an ordinary
    # word, which are places only where the article tags them one (geo.needs_tag), and the
    # cities whose namesakes abroad a story about that country means (geo.yields_to_namesake)
    weak = [
        (n, loc.country)
        for n, loc in found.items()
        if loc and (not geo.firm(n, loc) or geo.needs_tag(n, loc) or geo.yields_to_namesake(n, loc))
    ]
    voters = [(n, c, geo.vouches(n)) for n, _ in mentions if (c := geo.country_vote(n)) is not None]
    # and the names some article places by its own words, whatever the coverage says: a US
    # town followed by its state ("Concord, N.H."), a section of a city ("the Sulaymaniyah
    # neighbourhood of Aleppo")
    hints = _article_hints(con, found)
    settled = {n for n, _ in weak}
    weak += sorted(
        {(n, found[n].country if found[n] else "") for _, n, *_ in hints if n not in settled}
    )
    contexts = _article_contexts(con, weak, voters, hints)
    return Settlement(countries, found, contexts, frozenset(n for n, _ in weak))


_SETTLED: OrderedDict[tuple[str, str], Settlement] = OrderedDict()
_SETTLING = threading.Lock()


def settlement(con: duckdb.DuckDBPyConnection) -> Settlement:
    """The :class:`Settlement` of the store ``con`` reads in its present state (its file and
    :func:`~analysis.article_views.data_version`), worked out once and kept for every caller in
    the process: the dashboard's views, its Report buttons and ``presslens report``. Each had
    worked it out again (5-6 s at a million articles). A caller that asks while another works
    it out waits for that one. A store with no file (in memory) is settled on every call."""
    [(path,)] = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    if not path:
        return settle(con)
    key = (os.path.realpath(path), data_version(con))
    with _SETTLING:
        kept = _SETTLED.get(key)
        if kept is None:
            kept = _SETTLED[key] = settle(con)
            while len(_SETTLED) > SETTLEMENTS_KEPT:
                _SETTLED.popitem(last=False)
        _SETTLED.move_to_end(key)
    return kept


def year_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The names a view of one year locates: each year's :data:`MAPPED_NAMES_MAX` most named
    places (by the entity summary's year totals) and most reported at (by the figures)."""
    rows = con.execute(
        f"""SELECT name FROM (
                SELECT name, row_number() OVER (
                    PARTITION BY year ORDER BY sum(n_articles) DESC, name) AS k
                FROM sum_entities_year WHERE {PLACE_LABELS_SQL} GROUP BY year, name)
            WHERE k <= {MAPPED_NAMES_MAX}
            UNION
            SELECT name FROM (
                SELECT f.location AS name, row_number() OVER (
                    PARTITION BY year(a.published) ORDER BY count(*) DESC, f.location) AS k
                FROM figures f JOIN articles a ON a.id = f.article_id
                WHERE f.location IS NOT NULL AND a.duplicate_of IS NULL
                  AND a.published IS NOT NULL
                GROUP BY year(a.published), f.location)
            WHERE k <= {MAPPED_NAMES_MAX}
            ORDER BY name"""
    ).fetchall()
    return [name for (name,) in rows]


def places(
    con: duckdb.DuckDBPyConnection, filters: Filters | None = None, *, region: str = ""
) -> pd.DataFrame:
    """One row per located place: ``place`` (the gazetteer's name), ``lat, lon, kind`` (city or
    country), ``country, region``, ``n_articles`` mentioning it, ``n_figures`` reported there,
    ``top_category`` (the category of most of its figures, or "mentioned only") and ``names``
    (the spellings the store holds). ``region`` keeps the places of that province/region (or
    that country, by name). ``attrs["unlocated"]``: names the gazetteer could not place.

    A name is located by the store's :class:`Settlement` (:func:`settlement`): by the coverage of
    the whole store, then, unless that place is :func:`geo.firm`, in each article by the
    article's other places (:func:`geo.locate_in_article`). A name the view ranks among its
    most named but the store does not (a village only a narrow view names often) is located by
    the coverage alone."""
    return settled_places(con, filters, settlement(con), region=region)


def settled_places(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    settlement: Settlement,
    *,
    region: str = "",
) -> pd.DataFrame:
    """:func:`places` by a ``settlement`` of the store already worked out (the dashboard keeps
    one per data version)."""
    by_category, mentions, kept, named = _names_in_view(con, filters)
    found = {name: settlement.located(name) for name in kept}
    settled = {name for name in kept if name in settlement.weak}
    weak_mentions, weak_figures = _in_view(con, filters, settlement, settled)
    # The other names need no article's context: their counts as the first queries gave them
    no_context = (None,) * 7
    mention_rows = [(n, *no_context, k) for n, k in mentions if n not in settled]
    # in a set order, the most counted first: the first spelling of a place sets its point and
    # which of two namesakes keeps the plain name (SQL's row order changed them: Venice, Tallbisah)
    mention_rows += sorted(weak_mentions, key=lambda r: (-r[-1], repr(r)))
    figure_rows = [
        (n, *no_context, c, k) for n, c, k in by_category if n in kept and n not in settled
    ]
    figure_rows += sorted(weak_figures, key=lambda r: (-r[-1], repr(r)))
    rows: dict[str, dict] = {}
    unlocated: set[str] = set()

    def entry(name: str, context: tuple) -> dict | None:
        loc = found[name]
        if context[0] is not None:  # a weak name, settled in its articles
            loc = _settle(name, loc, context)
        if loc is None:
            unlocated.add(name)
            return None
        key = loc.name
        if key in rows and rows[key]["country"] != loc.country:
            key = f"{loc.name} ({loc.country})"  # Madaya in Myanmar and Madaya in Syria
        elif key in rows and loc.region and rows[key]["region"] not in (None, loc.region):
            key = f"{loc.name} ({loc.region})"  # Salem, New Hampshire and Salem, Oregon
        row = rows.setdefault(
            key,
            {"place": key, "lat": loc.lat, "lon": loc.lon, "kind": loc.kind,
             "country": loc.country, "region": loc.region, "n_articles": 0, "n_figures": 0,
             "categories": {}, "names": set(), "spellings": set()},
        )  # fmt: skip
        row["names"].add(name)
        return row

    for name, *context, n in mention_rows:
        if (row := entry(name, tuple(context))) is not None:
            row["n_articles"] += int(n)
            row["spellings"].add((name, *context))
    # the sum of a place's spellings' articles counts twice an article naming two of them
    # ("Homs" and "Homs province": 123 articles for the 91 its list showed); those places'
    # articles are counted once each, from the mentions of their spellings
    spread = {key: row["spellings"] for key, row in rows.items() if len(row["spellings"]) > 1}
    counted = _distinct_articles(con, filters, settlement, spread)
    for key, n in (counted or {}).items():
        rows[key]["n_articles"] = n
    up_to = set(spread) if counted is None else set()
    for name, *context, category, n in figure_rows:
        if (row := entry(name, tuple(context))) is not None:
            row["n_figures"] += int(n)
            row["categories"][category] = row["categories"].get(category, 0) + int(n)
    out = []
    for row in rows.values():
        cats = row.pop("categories")
        del row["spellings"]
        row["top_category"] = max(sorted(cats), key=cats.get) if cats else NO_FIGURES
        row["names"] = tuple(sorted(row["names"]))
        out.append(row)
    df = _in_region(pd.DataFrame(out, columns=COLUMNS), region)
    df = df.sort_values(["n_figures", "n_articles", "place"], ascending=[False, False, True])
    df = df.reset_index(drop=True)
    df.attrs["unlocated"] = len(unlocated)
    # the places whose article count is the sum of their spellings' (EXACT_ARTICLES_ROWS_MAX)
    df.attrs["articles_up_to"] = tuple(p for p in df["place"] if p in up_to)
    df.attrs["rare"] = named - len(kept)
    df.attrs["mapped_max"] = MAPPED_NAMES_MAX
    return df


def _distinct_articles(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    settlement: Settlement,
    spread: dict[str, set[tuple]],
) -> dict[str, int] | None:
    """``{place: articles in view naming any of its spellings}`` for the places of ``spread``
    (place → its spellings as ``(name, weak, leader, supported, alone, tagged, state,
    within)``, the context ``None`` for a name located by the coverage alone), each article
    once. A name located by the coverage counts every article in view naming it as a place; a
    name the settlement settles only those whose context drew it at that place (a namesake's
    articles are another place's). Only the places spelled more ways than one come here (47
    of 860 on the real store), the other places' counts are their one name's. None when the
    entity rows to read are more than :data:`EXACT_ARTICLES_ROWS_MAX`."""
    plain = sorted({(key, name) for key, spellings in spread.items() for name, *ctx in spellings
                    if ctx[0] is None})  # fmt: skip
    weak = sorted(
        {(key, name, *ctx[1:]) for key, spellings in spread.items() for name, *ctx in spellings
         if ctx[0] is not None},
        key=repr,
    )  # fmt: skip
    entities = rows_in_view(con, filters, "entities", make=False) if plain else "entities"
    if plain and not is_copy(entities) and _table_rows(con, entities) > EXACT_ARTICLES_ROWS_MAX:
        return None
    parts, params, registered = [], [], []
    if plain:
        registered.append("_places_plain")
        con.register("_places_plain", pd.DataFrame(plain, columns=["place", "name"]))
        where, where_params = in_view_sql("e.article_id", filters, entities)
        # the names as constants: DuckDB tests them while it scans, the other rows unread
        among, names = in_values("e.name", sorted({name for _, name in plain}))
        parts.append(
            f"""SELECT p.place, e.article_id FROM {entities} e
                JOIN _places_plain p ON p.name = e.name
                WHERE e.{PLACE_LABELS_SQL} AND {among} AND {where}"""
        )
        params += [*names, *where_params]
    if weak:
        columns = ["place", "name", "leader", "supported", "alone", "tagged", "state", "within"]
        frame = pd.DataFrame(weak, columns=columns).astype(
            {"place": "string", "name": "string", "leader": "string", "state": "string",
             "within": "string"}
        )  # fmt: skip
        registered += ["_places_weak", "_places_contexts"]
        con.register("_places_weak", frame)
        con.register("_places_contexts", settlement.contexts)
        keys, key_params = article_keys_sql(filters)
        same = " AND ".join(f"w.{c} IS NOT DISTINCT FROM c.{c}" for c in columns[1:])
        parts.append(
            f"""SELECT w.place, a.id AS article_id FROM _places_contexts c
                JOIN _places_weak w ON {same}
                JOIN ({keys}) v ON v.article_key = c.article_key
                JOIN articles a ON a.article_key = c.article_key
                WHERE c.what = 'm'"""
        )
        params += key_params
    if not parts:
        return {}
    try:
        rows = con.execute(
            f"""SELECT place, count(DISTINCT article_id) FROM ({" UNION ALL ".join(parts)})
                GROUP BY place""",
            params,
        ).fetchall()
    finally:
        for name in registered:
            con.unregister(name)
    return {place: int(n) for place, n in rows}


def _table_rows(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """The rows of the store's ``table`` as DuckDB keeps their number (no scan)."""
    rows = con.execute(
        """SELECT estimated_size FROM duckdb_tables()
           WHERE database_name = current_database() AND schema_name = current_schema()
             AND table_name = ?""",
        [table],
    ).fetchall()  # all: a result left open blocks the connection's next statement
    return int(rows[0][0]) if rows else 0


def _names_in_view(
    con: duckdb.DuckDBPyConnection, filters: Filters | None
) -> tuple[list[tuple], list[tuple[str, int]], set[str], int]:
    """``(by_category, mentions, kept, named)`` of the articles in view: their figures' places
    as ``(place, category, figures)``, the most named places as ``(name, articles)``
    (:data:`MAPPED_NAMES_MAX`), the names a map of them locates (those and the places most
    reported at) and how many names they hold in all (named or reported at)."""
    by_category = _figure_counts(con, filters)
    reported: dict[str, int] = {}
    for name, _category, n in by_category:
        reported[name] = reported.get(name, 0) + int(n)
    figure_names = sorted(reported, key=lambda name: (-reported[name], name))[:MAPPED_NAMES_MAX]
    # Only the most named places come to Python (at a million articles 306,000 names were
    # fetched to keep 5,000: 0.25 s); the rest are counted, and the figure places named below
    # them fetched by name, to count the names in view.
    mentions, n_named = _mention_counts(con, filters, limit=MAPPED_NAMES_MAX)
    others = sorted(set(reported) - {name for name, _ in mentions})
    mentioned_too = _mention_counts(con, filters, names=others)[0]
    kept = {name for name, _ in mentions} | set(figure_names)
    named = n_named + len(others) - len(mentioned_too)  # places named or reported at
    return by_category, mentions, kept, named


def _figure_counts(
    con: duckdb.DuckDBPyConnection, filters: Filters | None
) -> list[tuple[str, str, int]]:
    """``[(place, category, figures)]`` of the figures in view that have a place: from the
    summary kept at write time for a view of dates and outlets (a year's at a million articles
    0.12 s of CPU from the figure rows), else from the rows."""
    if summaries.covers(filters):
        summary = summaries.table_where("sum_figure_places", filters)
        sql = f"""SELECT location, category, sum(n_figures)::BIGINT AS n
                  FROM {summary.table} s WHERE {summary.where} GROUP BY ALL"""
        return con.execute(sql, summary.params).fetchall()
    # Under a speaker or a search, the rows of its articles where another view has copied or
    # gathered them (filters.rows_in_view), or where gathering them costs less than reading
    # the store (make=False: a speaker in 1,000 of a million articles 0.14 → 0.04 s; gathering
    # the 450,000 entity rows of one in 3 % of them cost more than the store's 0.14 + 0.09 s).
    figures = rows_in_view(con, filters, "figures", make=False)
    where, params = in_view_sql("article_id", filters, figures)
    return con.execute(
        f"""SELECT location, category, count(*) AS n FROM {figures}
            WHERE location IS NOT NULL AND {where} GROUP BY ALL""",
        params,
    ).fetchall()


def _mention_counts(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    *,
    limit: int | None = None,
    names: list[str] | None = None,
) -> tuple[list[tuple[str, int]], int]:
    """``([(name, articles naming it)], names in all)`` of the place names in view, the most
    named first: the first ``limit`` of them, or those among ``names``."""
    if names is not None and not names:
        return [], 0
    if summaries.covers(filters):
        # the entity summary's articles per name and label (a name tagged two ways in one
        # article counts it twice, rarely): at a million articles 0.1 s, against 1.9 s for
        # counting the articles of every place mention
        summary = summaries.table_where("sum_entities", filters)
        source, where, where_params = f"{summary.table} s", summary.where, summary.params
        count = "sum(n_articles)::BIGINT"
    else:
        entities = rows_in_view(con, filters, "entities", make=False)
        where, where_params = in_view_sql("article_id", filters, entities)
        source, count = entities, "count(DISTINCT article_id)"
    among = "AND name IN (SELECT unnest(?::VARCHAR[]))" if names is not None else ""
    rows = con.execute(
        f"""SELECT name, {count} AS n, count(*) OVER () AS named FROM {source}
            WHERE {PLACE_LABELS_SQL} AND {where} {among}
            GROUP BY name ORDER BY n DESC, name {f"LIMIT {int(limit)}" if limit else ""}""",
        [*where_params, *([names] if names is not None else [])],
    ).fetchall()
    return [(name, n) for name, n, _ in rows], rows[0][2] if rows else 0


def _settle(name: str, loc: geo.Location | None, context: tuple) -> geo.Location | None:
    """:func:`geo.locate_in_article` for an article context (weak, leader, supported, alone,
    tagged, state, within) as :func:`_article_contexts` reads it; first, what the article's
    own words say of the name (:func:`_article_hints`): the US state it lies in, the city it
    is a section of."""
    _, leader, supported, alone, tagged, state, within = context
    if state:
        return geo.town_in_state(name, state)
    if within and loc is not None:
        # a neighbourhood of the city the text names, not the far city of its name: drawn at
        # that city ("the Sulaymaniyah neighbourhood of Aleppo")
        city = geo.locate(within)
        if city is not None and city.country != loc.country:
            return city
    elif within == "" and loc is not None and leader not in (None, loc.country):
        return None  # "the Sulaymaniyah neighbourhood" in a story about Syria: which city's?
    return geo.locate_in_article(
        name, loc, leader=leader, supported=supported, alone=alone, tagged=tagged
    )


def _article_hints(
    con: duckdb.DuckDBPyConnection, found: dict[str, geo.Location | None]
) -> list[tuple[str, str, str | None, str | None]]:
    """``(article_id, name, state, within)`` for the names of ``found`` an article places by
    its own words, which the coverage's countries cannot (:func:`geo.locate_in_article`):

    ``state``, the US state it lies in: the one the article writes right after it ("Concord,
    N.H.", "Salem, Oregon": :func:`geo.state_of_town`), else, for a town that is no
    metropolis nor capital, the state the article names most of those holding a place of the
    name (:func:`geo.states_holding`: "a town hall in Salem" in a story naming New Hampshire).
    Concord, California (129,000 people) and Salem, Oregon had drawn New Hampshire's primary.

    ``within``, the city it is a section of, when the article calls it a neighbourhood
    (:func:`geo.section_container`: "" when it does not say which): the Iraqi city of
    Sulaymaniyah had drawn the Aleppo neighbourhood. A town's name the article calls an island
    is "" too ("New Providence island": no town in New Jersey).

    Read from the mentions' own text (a few words either side), for the mentions followed by
    a comma and a capital, or by a section noun or "island", only."""
    names = pd.DataFrame({"name": sorted(found)}, dtype="string")
    con.register("_places_found", names)
    try:
        near = con.execute(
            rf"""SELECT m.article_id, m.name,
                       substring(a.text, greatest(m.start - 29, 1), least(m.start, 30)) AS before,
                       substring(a.text, m."end" + 1, 60) AS after
                FROM entity_mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.{PLACE_LABELS_SQL} AND a.duplicate_of IS NULL
                  AND m.name IN (SELECT name FROM _places_found)
                  AND regexp_matches(substring(a.text, m."end" + 1, 16),
                                     '^(,\s*[A-Z]|\s+(neighbou?rhood|quarter|area|district|island)\b)')
                ORDER BY m.article_id, m.start"""
        ).fetchall()
    finally:
        con.unregister("_places_found")
    hints: dict[tuple[str, str], list] = {}
    for article_id, name, before, after in near:
        loc = found.get(name)
        if loc is not None and loc.kind in ("country", "region", "area"):
            continue  # "Iowa, New Hampshire and …": a state or country is placed already
        hint = hints.setdefault((article_id, name), [None, None])
        state = geo.state_of_town(after)
        if state is not None and hint[0] is None and _in_state(name, loc, state):
            hint[0] = state
        within = geo.section_container(before, after)
        if within is not None and not hint[1] and _section(loc):
            hint[1] = within
        elif (
            hint[1] is None
            and loc is not None
            and loc.kind in ("city", "village")
            and re.match(r"\s+island\b", after)
        ):
            # "his home in New Providence island" (the Bahamas) is no town of the name (New
            # Providence, New Jersey): as a section of a city not said, undrawn in a story
            # about another country than the town's
            hint[1] = ""
    _named_states(con, found, hints)
    return [(a, n, s, w) for (a, n), (s, w) in sorted(hints.items()) if s or w is not None]


def _in_state(name: str, loc: geo.Location | None, state: str) -> bool:
    """Whether "``name``, ``state``" places the town ``name`` (located at ``loc`` by the
    coverage) in that state: a place of the name lies there, or the gazetteer knows no place of
    the name at all (a hamlet: "Dixville, N.H."). Not a state's own name in a list of them
    ("New York, New Jersey and Connecticut"), nor a known place that state has none of
    ("Houston, Texas" is, "Suite 29D, New York" no place of New York State)."""
    if geo.us_state(name, after_town=True) is not None:
        return False
    return state in geo.states_holding(name) or loc is None and geo.unknown(name)


def _section(loc: geo.Location | None) -> bool:
    """Whether a name located at ``loc`` may be a section of another city: a city, not a
    metropolis ("the Aleppo neighbourhood of …" is one of Aleppo's)."""
    return loc is not None and loc.kind == "city" and loc.population < geo.METROPOLIS_POPULATION


def _named_states(
    con: duckdb.DuckDBPyConnection,
    found: dict[str, geo.Location | None],
    hints: dict[tuple[str, str], list],
) -> None:
    """Sets the ``state`` of ``hints`` (see :func:`_article_hints`) of a town no state is
    written after, in an article naming a state that holds a place of its name: the one it
    names most. Not for a metropolis or a capital ("Paris" in a story naming Texas is not
    Paris, Texas), nor for a name the gazetteer takes for a state or country."""
    towns = {
        name: holding
        for name, loc in found.items()
        if (holding := geo.states_holding(name))
        and geo.us_state(name, after_town=True) is None
        and (
            loc is None
            and geo.unknown(name)
            or loc is not None
            and loc.kind in ("city", "village")
            and loc.population < geo.METROPOLIS_POPULATION
            and not geo.capital(name)
            and (loc.country != "US" or loc.population < STATE_TOWN_MAX_POPULATION)
        )
    }
    # the states an article names: by an abbreviation, or by a name that is no city's or
    # country's ("Washington" is the capital, "Georgia" the country, "New York" the city)
    spellings = [w for w, (_, alone) in geo.us_state_spellings().items() if alone]
    if not towns or not spellings:
        return
    con.register("_places_towns", pd.DataFrame({"name": sorted(towns)}, dtype="string"))
    con.register("_places_states", pd.DataFrame({"name": spellings}, dtype="string"))
    try:
        rows = con.execute(
            f"""WITH states AS (
                    SELECT e.article_id, e.name, sum(e.mentions) AS n FROM entities e
                    JOIN articles a ON a.id = e.article_id
                    WHERE e.{PLACE_LABELS_SQL} AND a.duplicate_of IS NULL
                      AND e.name IN (SELECT name FROM _places_states)
                    GROUP BY ALL)
                SELECT DISTINCT e.article_id, e.name, s.name, s.n FROM entities e
                JOIN states s USING (article_id)
                WHERE e.{PLACE_LABELS_SQL} AND e.name IN (SELECT name FROM _places_towns)
                ORDER BY ALL"""
        ).fetchall()
    finally:
        con.unregister("_places_towns")
        con.unregister("_places_states")
    named: dict[tuple[str, str], dict[str, int]] = {}
    # the states an article names to place a town in: by an abbreviation, or by a name that is
    # no city's or country's ("Washington" is the capital, "Georgia" the country, "New York"
    # the city); each of them tells a town of its own state is meant, though
    placing = {
        w
        for w in spellings
        if w != geo.us_state(w) or getattr(geo.locate(w), "kind", None) == "region"
    }
    named_any: dict[str, set[str]] = {}  # article → every state it names, by any spelling
    for article_id, name, written, n in rows:
        state = geo.us_state(written)
        named_any.setdefault(article_id, set()).add(state)
        if written in placing and state in towns[name]:
            count = named.setdefault((article_id, name), {})
            count[state] = count.get(state, 0) + int(n)
    for (article_id, name), count in named.items():
        loc = found[name]
        if loc is not None and loc.country == "US" and loc.region in named_any[article_id]:
            continue  # Cleveland, Ohio, in a story naming Ohio and Florida stays in Ohio
        state = max(sorted(count), key=count.get)
        town = geo.town_in_state(name, state)
        if (
            loc is not None
            and loc.country == "US"
            and (town is None or town.population < STATE_TOWN_SHARE * loc.population)
        ):
            continue  # Harlem in a story naming Florida is New York's, not a Florida hamlet
        hint = hints.setdefault((article_id, name), [None, None])
        if hint[0] is None:
            hint[0] = state


def _article_contexts(
    con: duckdb.DuckDBPyConnection,
    weak: list[tuple[str, str]],
    voters: list[tuple[str, str, bool]],
    hints: list[tuple[str, str, str | None, str | None]] = (),
) -> pa.Table:
    """Each article's context for each ``weak`` name it mentions or reports a figure at (a
    name placed at a town or by another of its names, ``(name, country)``), as
    :class:`Settlement` holds it: the country the article's ``voters`` (``(name, country,
    vouches)``) point to most (``leader``), whether one of its other places lies in the weak
    name's country by a name that :func:`geo.vouches` for it (``supported``), whether none
    points anywhere (``alone``), whether it tags the name a place (``tagged``). Only the
    articles naming a weak name are read (at a million articles, reading every article's
    places took 9 s); counted in SQL, so that Python settles a name once per context, not
    once per article."""
    weak_df = pd.DataFrame(weak, columns=["name", "country"])
    weak_df = weak_df.astype({"name": "string", "country": "string"})
    voters_df = pd.DataFrame(voters, columns=["name", "country", "vouches"])
    voters_df = voters_df.astype({"name": "string", "country": "string", "vouches": "bool"})
    import pyarrow as pa

    sub, params = article_ids_sql(None)
    [(n_articles,)] = con.execute(f"SELECT count(*) FROM ({sub})", params).fetchall()
    parts = 1 + n_articles // CONTEXT_PART_ARTICLES
    sql = f"""
        WITH pairs AS (  -- the stored articles (no duplicates) naming a weak name
            SELECT DISTINCT p.article_id, p.name FROM (
                SELECT article_id, name FROM entities
                WHERE {PLACE_LABELS_SQL} AND name IN (SELECT name FROM _places_weak)
                UNION ALL
                SELECT article_id, location FROM figures
                WHERE location IN (SELECT name FROM _places_weak)
            ) p
            WHERE p.article_id IN ({sub}) AND hash(p.article_id) % {parts} = ?),
        ents AS (
            SELECT article_id, name, sum(mentions) AS n FROM entities
            WHERE {PLACE_LABELS_SQL}
              AND article_id IN (SELECT article_id FROM pairs)
              AND (name IN (SELECT name FROM _places_weak)  -- the only names read below
                   OR name IN (SELECT name FROM _places_voters))
            GROUP BY ALL),
        figs AS (
            SELECT article_id, location AS name, category, count(*) AS n FROM figures
            WHERE location IN (SELECT name FROM _places_weak)
              AND article_id IN (SELECT article_id FROM pairs)
            GROUP BY ALL),
        votes AS (
            SELECT e.article_id, v.country, sum(e.n) AS n,
                   coalesce(sum(e.n) FILTER (WHERE v.vouches), 0) AS support
            FROM ents e JOIN _places_voters v USING (name) GROUP BY ALL),
        lead AS (
            SELECT article_id, first(country ORDER BY n DESC, country) AS leader, sum(n) AS total
            FROM votes GROUP BY article_id),
        ctx AS (
            SELECT p.article_id, p.name, l.leader,
                   coalesce(vc.support, 0) - CASE WHEN v.country = w.country AND v.vouches
                                                  THEN coalesce(e.n, 0) ELSE 0 END > 0
                   AS supported,
                   coalesce(l.total, 0) - CASE WHEN v.country IS NOT NULL THEN coalesce(e.n, 0)
                                               ELSE 0 END = 0 AS alone,
                   e.article_id IS NOT NULL AS tagged, h.state, h.within
            FROM pairs p JOIN _places_weak w USING (name)
            LEFT JOIN _places_hints h USING (article_id, name)
            LEFT JOIN ents e USING (article_id, name)
            LEFT JOIN _places_voters v USING (name)
            LEFT JOIN lead l USING (article_id)
            LEFT JOIN votes vc ON vc.article_id = p.article_id AND vc.country = w.country),
        rows AS (
            SELECT article_id, 'm' AS what, name, NULL::VARCHAR AS category, 1 AS n
            FROM ents WHERE name IN (SELECT name FROM _places_weak)
            UNION ALL
            SELECT article_id, 'f', name, category, n FROM figs)
        SELECT a.article_key, r.what, r.name, c.leader, c.supported, c.alone, c.tagged,
               c.state, c.within, r.category, r.n::BIGINT AS n
        FROM rows r JOIN ctx c USING (article_id, name)
        JOIN articles a ON a.id = r.article_id
    """
    hints_df = pd.DataFrame(list(hints), columns=["article_id", "name", "state", "within"])
    hints_df = hints_df.astype("string")
    con.register("_places_weak", weak_df)
    con.register("_places_voters", voters_df)
    con.register("_places_hints", hints_df)
    try:
        tables = [con.sql(sql, params=[*params, part]).to_arrow_table() for part in range(parts)]
        return pa.concat_tables(tables)
    finally:
        con.unregister("_places_weak")
        con.unregister("_places_voters")
        con.unregister("_places_hints")


def _in_view(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    settlement: Settlement,
    names: set[str],
) -> tuple[list[tuple], list[tuple]]:
    """The mentions ``(name, weak, leader, supported, alone, tagged, state, within, articles)``
    and figures ``(name, weak, leader, supported, alone, tagged, state, within, category,
    figures)`` in view of each of
    ``names`` (names the ``settlement`` settles), counted apart by what each of its articles
    says (:func:`_article_contexts`)."""
    if not names:
        return [], []
    keys, params = article_keys_sql(filters)
    con.register("_places_contexts", settlement.contexts)
    try:
        rows = con.execute(
            f"""SELECT c.what, c.name, c.leader, c.supported, c.alone, c.tagged, c.state,
                       c.within, c.category, sum(c.n)::BIGINT AS n
                FROM _places_contexts c JOIN ({keys}) v ON v.article_key = c.article_key
                WHERE c.name IN (SELECT unnest(?::VARCHAR[]))
                GROUP BY ALL""",
            [*params, sorted(names)],
        ).fetchall()
    finally:
        con.unregister("_places_contexts")
    mentions = [(r[1], True, *r[2:8], r[9]) for r in rows if r[0] == "m"]
    figures = [(r[1], True, *r[2:8], r[8], r[9]) for r in rows if r[0] == "f"]
    return mentions, figures


def _coverage_countries(mentions: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """The countries the articles in view are about, as (ISO code, articles naming it or one of
    its places), for telling a small town from its namesake abroad (:func:`geo.locate_near`).
    A name places in several countries share casts no vote: "Madaya" must not vote for Myanmar."""
    weight: dict[str, int] = {}
    for name, n in mentions:
        loc = geo.locate(name)
        if loc is not None and loc.kind != "country" and geo.shared(name):
            continue
        if loc is not None:
            weight[loc.country] = weight.get(loc.country, 0) + int(n)
    return tuple(sorted(weight.items()))


def _in_region(df: pd.DataFrame, region: str) -> pd.DataFrame:
    """The places of ``region``: a province/region, or a country by name (every place in it);
    all of them when ``region`` is empty."""
    if not region:
        return df
    country = df[(df["place"] == region) & (df["kind"] == "country")]
    if not country.empty:
        return df[df["country"] == country["country"].iloc[0]]
    return df[df["region"] == region]


def regions(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> tuple[str, ...]:
    """The provinces/regions and countries of the places in view (for the region picker)."""
    return regions_of(places(con, filters))


def regions_of(df: pd.DataFrame) -> tuple[str, ...]:
    """The provinces/regions and countries of the places of ``df`` (a :func:`places` frame)."""
    named = set(df["region"].dropna()) | set(df.loc[df["kind"] == "country", "place"])
    return tuple(sorted(named))


def in_region(df: pd.DataFrame, region: str) -> pd.DataFrame:
    """The rows of a :func:`places` frame in ``region`` (all when empty), ranked as before."""
    out = _in_region(df, region).reset_index(drop=True)
    out.attrs.update(df.attrs)
    return out


def place_figures(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    names: tuple[str, ...],
    country: str | None = None,
    region: str | None = None,
) -> pd.DataFrame:
    """The figures reported at any of the place names ``names`` (as the store spells them), with
    their article: ``article_id, title, source, published, category, value, text, location,
    claimed_by, sentence, start``, largest categories first, newest first. Given the ``country``
    (and ``region``) of the place or area picked, only where the article places the name there
    (:func:`_elsewhere`)."""
    sub, params = article_ids_sql(filters)
    sql = f"""
        SELECT f.article_id, a.title, a.source, a.published, f.category, f.value, f.text,
               f.location, f.claimed_by, f.sentence, f.start
        FROM figures f JOIN articles a ON a.id = f.article_id
        WHERE f.location IN (SELECT unnest(?::VARCHAR[])) AND f.article_id IN ({sub})
          AND NOT EXISTS (SELECT 1 FROM _places_elsewhere x
                          WHERE x.article_key = a.article_key AND x.name = f.location)
        ORDER BY f.category, a.published DESC NULLS LAST, f.value DESC
    """
    with _elsewhere(con, names, country, region):
        return con.execute(sql, [list(names), *params]).df()


def place_articles(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    names: tuple[str, ...],
    limit: int = 200,
    country: str | None = None,
    region: str | None = None,
) -> pd.DataFrame:
    """Articles naming any of ``names`` as a place or reporting a figure there: ``id, title,
    source, published, mentions``, most mentions first; given the ``country`` (and ``region``)
    picked, only where the article places the name there (:func:`_elsewhere`)."""
    sub, params = article_ids_sql(filters)
    sql = f"""
        WITH hits AS (
            SELECT article_id, name, sum(mentions) AS mentions FROM entities
            WHERE name IN (SELECT unnest(?::VARCHAR[])) AND {PLACE_LABELS_SQL}
            GROUP BY article_id, name
            UNION ALL
            SELECT article_id, location, 0 FROM figures
            WHERE location IN (SELECT unnest(?::VARCHAR[]))
        )
        SELECT a.id, a.title, a.source, a.published, sum(h.mentions)::INTEGER AS mentions
        FROM hits h JOIN articles a ON a.id = h.article_id
        WHERE a.id IN ({sub})
          AND NOT EXISTS (SELECT 1 FROM _places_elsewhere x
                          WHERE x.article_key = a.article_key AND x.name = h.name)
        GROUP BY ALL ORDER BY mentions DESC, a.published DESC NULLS LAST LIMIT ?
    """
    with _elsewhere(con, names, country, region):
        return con.execute(sql, [list(names), list(names), *params, int(limit)]).df()


@contextmanager
def _elsewhere(
    con: duckdb.DuckDBPyConnection,
    names: tuple[str, ...],
    country: str | None,
    region: str | None,
):
    """Registers ``_places_elsewhere`` (``article_key, name``) for the duration: the articles
    whose own context (the :class:`Settlement`'s, as the map reads it: :func:`_settle`) places
    one of ``names`` outside ``country`` (and ``region``). The figures and articles of a picked
    place or area are listed by name, and a name two places share had listed the other's: the
    $250 given in "San Jose, Calif." under San Jose, Costa Rica, which another story's
    "San Jose" is drawn at. Empty when no country nor region is given."""
    pairs: set[tuple[int, str]] = set()
    if country or region:
        settlement_ = settlement(con)
        weak = sorted(n for n in names if n in settlement_.weak)
        if weak:
            con.register("_places_contexts", settlement_.contexts)
            try:
                rows = con.execute(
                    """SELECT DISTINCT article_key, name, leader, supported, alone, tagged,
                              state, within
                       FROM _places_contexts WHERE name IN (SELECT unnest(?::VARCHAR[]))""",
                    [weak],
                ).fetchall()
            finally:
                con.unregister("_places_contexts")
            for key, name, *context in rows:
                loc = _settle(name, settlement_.located(name), (True, *context))
                if (
                    loc is None
                    or country
                    and loc.country != country
                    or region
                    and loc.region != region
                ):
                    pairs.add((key, name))
    keys, found = zip(*sorted(pairs), strict=True) if pairs else ((), ())
    frame = pd.DataFrame({"article_key": pd.Series(keys, dtype="int64"),
                          "name": pd.Series(found, dtype="string")})  # fmt: skip
    con.register("_places_elsewhere", frame)
    try:
        yield
    finally:
        con.unregister("_places_elsewhere")
