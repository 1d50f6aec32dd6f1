"""Places: which places the articles in view mention and which figures they report where, located
by :func:`analysis.geo.locate` and rolled up to the gazetteer's name for the place (so "Deir
Ezzor" and "Deir ez-Zor" are one point) and to its province or region where that is known.

Pure functions over a DuckDB connection and :class:`~analysis.filters.Filters`, like the other
``*_views`` modules. Place names the gazetteer cannot place are counted, not guessed.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analysis import geo, summaries
from analysis.filters import Filters, article_ids_sql

PLACE_LABELS = ("GPE", "LOC", "FAC")
# The most place names located for one view, the most named first (and as many of the places
# figures are reported at, the most reported first). Each name is looked up in the gazetteer in
# Python: a million articles name 306,000 different places (a village named once, a misspelling),
# and locating them all took 45 s for a map whose bubbles for names in one article of a million
# cannot be seen. The names left off are counted (``attrs["rare"]``) and the page says so.
MAPPED_NAMES_MAX = 5_000
# The most articles a place placed by the coverage is settled in one by one (by each article's
# own places: :func:`geo.locate_in_article`), the rest counted in the same shares: at a million
# articles its 258 towns were named in 463,000 articles, whose contexts took 5.5 s to read.
CONTEXT_SAMPLE = 500
SAMPLE_SCALE = 1_000_000  # shares of a name's articles are read in millionths


def _sample_share(n_articles: int) -> int:
    """The share of a name's ``n_articles`` articles read for their context, in millionths
    (all of them up to :data:`CONTEXT_SAMPLE`): the articles whose id hashes below it."""
    if n_articles <= CONTEXT_SAMPLE:
        return SAMPLE_SCALE
    return max(1, -(-CONTEXT_SAMPLE * SAMPLE_SCALE // n_articles))


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
    that country, by name). ``attrs["unlocated"]``: names the gazetteer could not place.

    A name is located by the coverage (:func:`geo.locate_near`), then, unless that place is
    :func:`geo.firm`, in each article by the article's other places
    (:func:`geo.locate_in_article`): "Adra" in a story about Syria is not the Spanish town."""
    sub, params = article_ids_sql(filters)
    by_category = con.execute(
        f"""SELECT location, category, count(*) AS n FROM figures
            WHERE location IS NOT NULL AND article_id IN ({sub}) GROUP BY ALL""",
        params,
    ).fetchall()
    reported: dict[str, int] = {}
    for name, _category, n in by_category:
        reported[name] = reported.get(name, 0) + int(n)
    figure_names = sorted(reported, key=lambda name: (-reported[name], name))[:MAPPED_NAMES_MAX]
    # Only the most named places come to Python (at a million articles 306,000 names were
    # fetched to keep 5,000: 0.25 s); the rest are counted, and the kept figure places named
    # below them fetched by name, for their articles.
    mentions, n_named = _mention_counts(con, filters, sub, params, limit=MAPPED_NAMES_MAX)
    articles = dict(mentions)
    others = sorted(set(reported) - set(articles))
    mentioned_too = dict(_mention_counts(con, filters, sub, params, names=others)[0])
    kept = set(articles) | set(figure_names)
    articles.update((n, k) for n, k in mentioned_too.items() if n in kept)
    named = n_named + len(others) - len(mentioned_too)  # places named or reported at
    countries = _coverage_countries(mentions)
    found = {name: geo.locate_near(name, countries) for name in kept}
    # The names whose place each article settles, and the names that vote for a country
    weak = [
        (n, loc.country, _sample_share(articles.get(n, 0) or reported.get(n, 0)))
        for n, loc in found.items()
        if loc and not geo.firm(n, loc)
    ]
    voters = [(n, c, geo.vouches(n)) for n, _ in mentions if (c := geo.country_vote(n)) is not None]
    weak_mentions, weak_figures, sampled = (
        _in_articles(con, sub, params, weak, voters) if weak else ([], [], set())
    )
    if sampled:
        weak_mentions, weak_figures = _scaled(
            weak_mentions, weak_figures, sampled, articles, by_category
        )
    # The other names need no article's context: their counts as the first queries gave them
    settled = {n for n, *_ in weak}
    no_context = (None, None, None, None, None)
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
        row = rows.setdefault(
            key,
            {"place": key, "lat": loc.lat, "lon": loc.lon, "kind": loc.kind,
             "country": loc.country, "region": loc.region, "n_articles": 0, "n_figures": 0,
             "categories": {}, "names": set()},
        )  # fmt: skip
        row["names"].add(name)
        return row

    for name, *context, n in mention_rows:
        if (row := entry(name, tuple(context))) is not None:
            row["n_articles"] += int(n)  # spellings rarely share an article; an upper bound
    for name, *context, category, n in figure_rows:
        if (row := entry(name, tuple(context))) is not None:
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
    df.attrs["rare"] = named - len(kept)
    df.attrs["mapped_max"] = MAPPED_NAMES_MAX
    df.attrs["sampled"] = len(sampled)  # names whose counts are estimated (CONTEXT_SAMPLE)
    return df


def _mention_counts(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    sub: str,
    params: list,
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
        source, where, where_params = "entities", f"article_id IN ({sub})", params
        count = "count(DISTINCT article_id)"
    among = "AND name IN (SELECT unnest(?::VARCHAR[]))" if names is not None else ""
    rows = con.execute(
        f"""SELECT name, {count} AS n, count(*) OVER () AS named FROM {source}
            WHERE label IN (SELECT unnest(?::VARCHAR[])) AND {where} {among}
            GROUP BY name ORDER BY n DESC, name {f"LIMIT {int(limit)}" if limit else ""}""",
        [list(PLACE_LABELS), *where_params, *([names] if names is not None else [])],
    ).fetchall()
    return [(name, n) for name, n, _ in rows], rows[0][2] if rows else 0


def _settle(name: str, loc: geo.Location | None, context: tuple) -> geo.Location | None:
    """:func:`geo.locate_in_article` for an article context (weak, leader, supported, alone,
    tagged) as :func:`_in_articles` gives it."""
    _, leader, supported, alone, tagged = context
    return geo.locate_in_article(
        name, loc, leader=leader, supported=supported, alone=alone, tagged=tagged
    )


def _in_articles(
    con: duckdb.DuckDBPyConnection,
    sub: str,
    params: list,
    weak: list[tuple[str, str, int]],
    voters: list[tuple[str, str, bool]],
) -> tuple[list[tuple], list[tuple], set[str]]:
    """The mentions ``(name, weak, leader, supported, alone, tagged, articles)`` and figures
    ``(name, weak, leader, supported, alone, tagged, category, figures)`` in view of each
    ``weak`` name (placed at a town or by another of its names, ``(name, country, share)``,
    the share of its articles read in millionths: :func:`_sample_share`), counted
    apart by what each of its articles says: the country the article's ``voters`` (``(name,
    country, vouches)``) point to most, whether one of the other places lies in the weak name's
    country (by a name that :func:`geo.vouches` for it), whether any points anywhere, whether
    the article tags the name a place. Only the articles naming a weak name are read (at a
    million articles, reading every article's places took 9 s), about :data:`CONTEXT_SAMPLE` of
    them a name: the names so sampled are the third value, their counts those of the sample
    (:func:`_scaled` brings them to the name's totals). Counted in SQL, so that the Python side
    settles one name per context, not per article."""
    weak_df = pd.DataFrame(weak, columns=["name", "country", "share"])
    weak_df = weak_df.astype({"name": "string", "country": "string", "share": "int64"})
    voters_df = pd.DataFrame(voters, columns=["name", "country", "vouches"])
    voters_df = voters_df.astype({"name": "string", "country": "string", "vouches": "bool"})
    labels = list(PLACE_LABELS)
    sql = f"""
        WITH sampled AS (  -- a name's articles, or a sample of them: the same on every run
            SELECT DISTINCT p.article_id, p.name FROM (
                SELECT article_id, name FROM entities
                WHERE label IN (SELECT unnest(?::VARCHAR[]))
                  AND name IN (SELECT name FROM _places_weak)
                UNION ALL
                SELECT article_id, location FROM figures
                WHERE location IN (SELECT name FROM _places_weak)
            ) p JOIN _places_weak w USING (name)
            WHERE w.share >= {SAMPLE_SCALE} OR hash(p.article_id) % {SAMPLE_SCALE} < w.share),
        pairs AS (  -- of the articles in view: joined, not "IN", so that the hash is built on
                    -- the sample, not on the million ids in view (2.3 s against 0.9 under the
                    -- dashboard's memory limit)
            SELECT s.article_id, s.name FROM sampled s JOIN ({sub}) v ON v.id = s.article_id),
        ents AS (
            SELECT article_id, name, sum(mentions) AS n FROM entities
            WHERE label IN (SELECT unnest(?::VARCHAR[]))
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
                   e.article_id IS NOT NULL AS tagged
            FROM pairs p JOIN _places_weak w USING (name)
            LEFT JOIN ents e USING (article_id, name)
            LEFT JOIN _places_voters v USING (name)
            LEFT JOIN lead l USING (article_id)
            LEFT JOIN votes vc ON vc.article_id = p.article_id AND vc.country = w.country)
        SELECT 'm' AS what, e.name, c.leader, c.supported, c.alone, c.tagged,
               NULL AS category, count(DISTINCT e.article_id) AS n
        FROM ents e JOIN ctx c USING (article_id, name) GROUP BY ALL
        UNION ALL
        SELECT 'f', f.name, c.leader, c.supported, c.alone, c.tagged, f.category, sum(f.n)
        FROM figs f JOIN ctx c USING (article_id, name) GROUP BY ALL
    """
    con.register("_places_weak", weak_df)
    con.register("_places_voters", voters_df)
    try:
        rows = con.execute(sql, [labels, *params, labels]).fetchall()
    finally:
        con.unregister("_places_weak")
        con.unregister("_places_voters")
    mention_rows = [(r[1], True, *r[2:6], r[7]) for r in rows if r[0] == "m"]
    figure_rows = [(r[1], True, *r[2:6], r[6], r[7]) for r in rows if r[0] == "f"]
    sampled = {name for name, _, share in weak if share < SAMPLE_SCALE}
    return mention_rows, figure_rows, sampled


def _scaled(
    mentions: list[tuple],
    figures: list[tuple],
    sampled: set[str],
    articles: dict[str, int],
    by_category: list[tuple],
) -> tuple[list[tuple], list[tuple]]:
    """The counts of :func:`_in_articles` for the ``sampled`` names brought to their totals:
    each context's share of the sample times the name's articles (``articles``) or its figures
    of the category (``by_category``). Other names' rows are returned as they are."""
    reported = {(n, c): int(k) for n, c, k in by_category}

    def scale(rows: list[tuple], key, total) -> list[tuple]:
        in_sample: dict = {}
        for row in rows:
            if row[0] in sampled:
                in_sample[key(row)] = in_sample.get(key(row), 0) + int(row[-1])
        return [
            (*row[:-1], round(int(row[-1]) * total(row) / in_sample[key(row)]))
            if row[0] in sampled and total(row)
            else row
            for row in rows
        ]

    mentions = scale(mentions, lambda r: r[0], lambda r: articles.get(r[0], 0))
    figures = scale(figures, lambda r: (r[0], r[-2]), lambda r: reported.get((r[0], r[-2]), 0))
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
