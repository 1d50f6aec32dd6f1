"""Places: which places the articles in view mention and which figures they report where, located
by :func:`analysis.geo.locate` and rolled up to the gazetteer's name for the place (so "Deir
Ezzor" and "Deir ez-Zor" are one point) and to its province or region where that is known.

Pure functions over a DuckDB connection and :class:`~analysis.filters.Filters`, like the other
``*_views`` modules. Place names the gazetteer cannot place are counted, not guessed.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analysis import geo
from analysis.filters import Filters, article_ids_sql

PLACE_LABELS = ("GPE", "LOC", "FAC")
NO_FIGURES = "mentioned only"
COLUMNS = [
    "place", "lat", "lon", "kind", "country", "region", "n_articles", "n_figures",
    "top_category", "names",
]  # fmt: skip


def places(
    con: duckdb.DuckDBPyConnection, filters: Filters | None = None, *, region: str = ""
) -> pd.DataFrame:
    """One row per located place: ``place`` (the gazetteer's name), ``lat, lon, kind`` (city or
    country), ``country, region``, ``n_articles`` mentioning it, ``n_figures`` reported there,
    ``top_category`` (the category of most of its figures, or "mentioned only") and ``names``
    (the spellings the store holds). ``region`` keeps the places of that province/region (or
    that country, by name). ``attrs["unlocated"]``: names the gazetteer could not place."""
    sub, params = article_ids_sql(filters)
    mentions = con.execute(
        f"""SELECT name, count(DISTINCT article_id) AS n FROM entities
            WHERE label IN (SELECT unnest(?::VARCHAR[])) AND article_id IN ({sub})
            GROUP BY name""",
        [list(PLACE_LABELS), *params],
    ).fetchall()
    figures = con.execute(
        f"""SELECT location, category, count(*) AS n FROM figures
            WHERE location IS NOT NULL AND article_id IN ({sub}) GROUP BY ALL""",
        params,
    ).fetchall()
    rows: dict[str, dict] = {}
    unlocated: set[str] = set()
    countries = _coverage_countries(mentions)

    def entry(name: str) -> dict | None:
        loc = geo.locate_near(name, countries)
        if loc is None:
            unlocated.add(name)
            return None
        row = rows.setdefault(
            loc.name,
            {"place": loc.name, "lat": loc.lat, "lon": loc.lon, "kind": loc.kind,
             "country": loc.country, "region": loc.region, "n_articles": 0, "n_figures": 0,
             "categories": {}, "names": set()},
        )  # fmt: skip
        row["names"].add(name)
        return row

    for name, n in mentions:
        if (row := entry(name)) is not None:
            row["n_articles"] += int(n)  # spellings rarely share an article; an upper bound
    for name, category, n in figures:
        if (row := entry(name)) is not None:
            row["n_figures"] += int(n)
            row["categories"][category] = row["categories"].get(category, 0) + int(n)
    out = []
    for row in rows.values():
        cats = row.pop("categories")
        row["top_category"] = max(sorted(cats), key=cats.get) if cats else NO_FIGURES
        row["names"] = tuple(sorted(row["names"]))
        out.append(row)
    df = _in_region(pd.DataFrame(out, columns=COLUMNS), region)
    df = df.sort_values(["n_figures", "n_articles", "place"], ascending=[False, False, True])
    df = df.reset_index(drop=True)
    df.attrs["unlocated"] = len(unlocated)
    return df


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
    df = places(con, filters)
    named = set(df["region"].dropna()) | set(df.loc[df["kind"] == "country", "place"])
    return tuple(sorted(named))


def place_figures(
    con: duckdb.DuckDBPyConnection, filters: Filters | None = None, *, names: tuple[str, ...]
) -> pd.DataFrame:
    """The figures reported at any of the place names ``names`` (as the store spells them), with
    their article: ``article_id, title, source, published, category, value, text, location,
    claimed_by, sentence, start``, largest categories first, newest first."""
    sub, params = article_ids_sql(filters)
    sql = f"""
        SELECT f.article_id, a.title, a.source, a.published, f.category, f.value, f.text,
               f.location, f.claimed_by, f.sentence, f.start
        FROM figures f JOIN articles a ON a.id = f.article_id
        WHERE f.location IN (SELECT unnest(?::VARCHAR[])) AND f.article_id IN ({sub})
        ORDER BY f.category, a.published DESC NULLS LAST, f.value DESC
    """
    return con.execute(sql, [list(names), *params]).df()


def place_articles(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    names: tuple[str, ...],
    limit: int = 200,
) -> pd.DataFrame:
    """Articles naming any of ``names`` as a place or reporting a figure there: ``id, title,
    source, published, mentions``, most mentions first."""
    sub, params = article_ids_sql(filters)
    sql = f"""
        WITH hits AS (
            SELECT article_id, sum(mentions) AS mentions FROM entities
            WHERE name IN (SELECT unnest(?::VARCHAR[])) AND label IN ('GPE', 'LOC', 'FAC')
            GROUP BY article_id
            UNION ALL
            SELECT article_id, 0 FROM figures WHERE location IN (SELECT unnest(?::VARCHAR[]))
        )
        SELECT a.id, a.title, a.source, a.published, sum(h.mentions)::INTEGER AS mentions
        FROM hits h JOIN articles a ON a.id = h.article_id
        WHERE a.id IN ({sub})
        GROUP BY ALL ORDER BY mentions DESC, a.published DESC NULLS LAST LIMIT ?
    """
    return con.execute(sql, [list(names), list(names), *params, int(limit)]).df()
