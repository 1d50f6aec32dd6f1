"""Views over the stored entities: tidy DataFrames for the dashboard's entities page.

Every function takes an open DuckDB connection to a presslens store and optional
:class:`~analysis.filters.Filters` (date range, outlets, tags …), restricts to the articles in view
(``article_id IN (<article_ids_sql subquery>)``, which also leaves near-duplicates out) and returns
a pandas DataFrame; options are keyword-only. No plotting here: chart factories in ``dashboard/``
turn these frames into figures.

One thing, one row: the extractor already gives each thing one canonical name and, per article,
one label; should two articles still disagree on a name's label, the views report the name under
the label that carries most of its mentions in view (``arg_max``), so a name never appears twice.
"""

from __future__ import annotations

import logging

import duckdb
import pandas as pd

from analysis import aggregates, summaries
from analysis.filters import (
    GATHERED_PREFIX,
    Filters,
    article_keys_sql,
    coded_rows_in_view,
    in_values,
    in_view_sql,
    is_copy,
    kept_articles,
    named_frame,
    rows_in_view,
    rows_naming,
)

log = logging.getLogger(__name__)

GRANULARITIES = ("day", "week", "month", "year")
# "The most covered people, organisations and places" (the Overview and its report): not the
# nationalities, events, works and numbers the tagger also labels, or the adjective "Syrian"
# (NORP, in 555 of 1,064 articles on FA-KES + BBC) would head the chart above Syria itself.
COVERED_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")


def _in_view(
    filters: Filters | None, alias: str = "e", table: str = "entities"
) -> tuple[str, list]:
    """``(sql, params)``: the condition that ``alias``'s rows, read from ``table``, are of the
    articles in view (none on a copy of the rows in view, which holds those rows only:
    :func:`analysis.filters.in_view_sql`)."""
    return in_view_sql(f"{alias}.article_id", filters, table)


# One pass over ``entities``: the extractor writes one row per (article, name, label) and gives a
# name one label per article, so summing per-label row counts counts articles without DISTINCT.
# Under a date range and outlets at most, the same sums come from the per-day summary.
_AGG_CTE = f"""
    per_label AS ({{per_label}}),
    agg AS (
        SELECT name, {summaries.NAME_LABEL_SQL.format(label="label", mentions="m")} AS label,
               sum(n)::BIGINT AS n_articles, sum(m)::BIGINT AS n_mentions
        FROM per_label GROUP BY name
    )"""
_NAME_LABEL = summaries.NAME_LABEL_SQL.format(label="label", mentions="m")
# Unfiltered, the totals per name are kept at write time.
_ALL_AGG_CTE = "agg AS (SELECT name, label, n_articles, n_mentions FROM sum_entity_names_all)"


def _agg(con: duckdb.DuckDBPyConnection, filters: Filters | None) -> tuple[str, list]:
    """``(sql, params)``: the CTE ``agg`` — ``name, label, n_articles, n_mentions`` of the
    entities in view, one row per name."""
    if summaries.covers(filters):
        table, where, params, one_row_per_key = summaries.table_where("sum_entities", filters)
        if table.endswith("_all"):
            return _ALL_AGG_CTE, params
        if one_row_per_key:  # a year's or month's totals: one row per name and label already
            per_label = (
                f"SELECT name, label, n_articles AS n, n_mentions AS m FROM {table} s WHERE {where}"
            )
        else:
            per_label = (
                "SELECT name, label, sum(n_articles) AS n, sum(n_mentions) AS m "
                f"FROM {table} s WHERE {where} GROUP BY name, label"
            )
        return _AGG_CTE.format(per_label=per_label), params
    entities = rows_in_view(con, filters, "entities")
    where, params = in_view_sql("e.article_id", filters, entities)
    return _AGG_CTE.format(
        per_label="SELECT e.name, e.label, count(*) AS n, sum(e.mentions) AS m "
        f"FROM {entities} e WHERE {where} GROUP BY e.name, e.label"
    ), params


def name_merges(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every join of names the identity pass recorded (:mod:`analysis.identity`), undone ones
    included: the Entities page's "Merged names" (read here, not from the identity pass, whose
    import loads spaCy: 3.6 s of the page's first load)."""
    return con.execute(
        "SELECT kind, alias, canonical, label, evidence, undone FROM name_merges "
        "ORDER BY undone, evidence DESC, kind, alias"
    ).df()


def top_entities(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    label: str | tuple[str, ...] | None = None,
    limit: int = 25,
    by: str = "articles",
) -> pd.DataFrame:
    """The most covered entities: ``name, label, n_articles, n_mentions``, ranked by ``by``
    ("articles" or "mentions"; the other breaks ties, then the name). ``label`` restricts to one
    label or a tuple of labels; ``limit=0`` means all."""
    if by not in ("articles", "mentions"):
        raise ValueError(f"by must be 'articles' or 'mentions', not {by!r}")
    labels = _label_list(label)
    coded = None if summaries.covers(filters) else _coded_agg(con, filters)
    if coded is not None:
        # names and labels as numbers, in their order: only the names kept are read as text
        agg, index = coded
        # the labels' numbers (-1, which no label has, for none known: no row)
        codes = (index.known_codes("entities", "label", labels) or [-1]) if labels else None
        sql, args = _top_sql(agg, [], codes, "INTEGER", limit, by)
        return named_frame(con, sql, args, index, "entities", {"name": "name", "label": "label"})
    agg, params = _agg(con, filters)
    sql, args = _top_sql(agg, params, labels or None, "VARCHAR", limit, by)
    return con.execute(sql, args).df()


def _top_sql(
    agg: str,
    params: list,
    labels: list | None,
    label_type: str,
    limit: int,
    by: str,
) -> tuple[str, list]:
    """``(sql, params)``: :func:`top_entities` over the CTE ``agg`` (:func:`_agg`, or :func:`_coded_agg` whose
    names and labels are numbers: ``labels`` and ``label_type`` are then numbers too), of the
    ``labels`` only unless None."""
    order = (
        "n_articles DESC, n_mentions DESC"
        if by == "articles"
        else "n_mentions DESC, n_articles DESC"
    )
    sql = f"""
        WITH {agg}
        SELECT name, label, n_articles, n_mentions FROM agg
        {f"WHERE label IN (SELECT unnest(?::{label_type}[]))" if labels is not None else ""}
        ORDER BY {order}, name
        {"LIMIT ?" if limit else ""}
    """
    args = list(params)
    if labels is not None:
        args.append(list(labels))
    if limit:
        args.append(int(limit))
    return sql, args


# The entity rows' columns the views read by number (filters.coded_rows_in_view): one gather per
# filter, shared by the ranking, the timeline, the undated counts and the network's labels.
_CODED_ENTITY_COLUMNS = ("name", "label", "mentions")


def _coded_agg(con: duckdb.DuckDBPyConnection, filters: Filters | None):
    """``(sql, index)``: the CTE ``agg`` of :func:`_agg` over the entity rows in view with their
    names and labels as numbers (:func:`analysis.filters.coded_rows_in_view`), in the names'
    order, so ranked and tied as the names would be; and the article index whose
    :meth:`~analysis.article_index.Index.names` reads them. None where no index serves the
    filters. At a million articles, under a search in 7 % of them, the ranking took 0.3-0.4 s
    of CPU on the gathered copy with the names as text (most of it making the copy)."""
    coded = coded_rows_in_view(con, filters, "entities", _CODED_ENTITY_COLUMNS)
    if coded is None:
        return None
    name, index = coded
    return _AGG_CTE.format(
        per_label="SELECT e.name, e.label, count(*) AS n, sum(e.mentions) AS m "
        f"FROM {name} e GROUP BY e.name, e.label"
    ), index


def top_entities_by_label(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP"),
    limit: int = 10,
) -> pd.DataFrame:
    """The top ``limit`` entities of each label in one frame: ``label, rank, name, n_articles,
    n_mentions`` (rank 1 = most articles)."""
    agg, params = _agg(con, filters)
    sql = f"""
        WITH {agg},
        ranked AS (
            SELECT label, name, n_articles, n_mentions,
                   row_number() OVER (PARTITION BY label
                                      ORDER BY n_articles DESC, n_mentions DESC, name) AS rank
            FROM agg WHERE label IN (SELECT unnest(?::VARCHAR[]))
        )
        SELECT label, rank, name, n_articles, n_mentions FROM ranked WHERE rank <= ?
        ORDER BY label, rank
    """
    return con.execute(sql, [*params, list(labels), int(limit)]).df()


def mentions_over_time(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    names: tuple[str, ...] | list[str] | None = None,
    label: str | None = None,
    granularity: str = "week",
    top: int = 5,
) -> pd.DataFrame:
    """Mentions per period: ``period, name, n_mentions, n_articles`` (long format, one row per
    period and name with any mention; periods are the first day of the day/week/month/year).

    ``names`` picks the entities; without it the ``top`` entities (by articles, of ``label`` if
    given) in view are shown. Articles without a publication date are left out.
    """
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity must be one of {GRANULARITIES}, not {granularity!r}")
    if names is None:
        names = top_entities(con, filters, label=label, limit=top)["name"].tolist()
    names = list(names)
    if not names:
        return pd.DataFrame(
            {
                "period": pd.Series(dtype="datetime64[us]"),
                "name": pd.Series(dtype=object),
                "n_mentions": pd.Series(dtype="int64"),
                "n_articles": pd.Series(dtype="int64"),
            }
        )
    if summaries.covers(filters):
        # From the per-day summary: each article lies in one cell and names an entity with
        # one label, so the sums of its per-cell article counts are exact.
        where, params = summaries.cell_where(filters)
        sql = f"""
            SELECT date_trunc('{granularity}', s.day)::DATE AS period, s.name,
                   sum(s.n_mentions)::BIGINT AS n_mentions, sum(s.n_articles)::BIGINT AS n_articles
            FROM sum_entities s
            WHERE {where} AND s.day IS NOT NULL AND s.name IN (SELECT unnest(?::VARCHAR[]))
            GROUP BY period, s.name
            ORDER BY period, n_mentions DESC, s.name
        """
        return con.execute(sql, [*params, names]).df()
    coded = coded_rows_in_view(con, filters, "entities", _CODED_ENTITY_COLUMNS, ("published",))
    if coded is not None:
        # By number, on the rows the ranking gathered, given their articles' dates (the query
        # below, over them): at a million articles, under a search in 7 % of them, gathering
        # the rows whole with their names and ids as text for this view took 0.2-0.3 s of CPU.
        rows, index = coded
        in_names, codes = in_values("e.name", index.known_codes("entities", "name", names))
        sql = f"""
            SELECT date_trunc('{granularity}', e.published)::DATE AS period, e.name,
                   sum(e.mentions)::BIGINT AS n_mentions, count(DISTINCT e.article_id) AS n_articles
            FROM {rows} e
            WHERE e.published IS NOT NULL AND {in_names}
            GROUP BY period, e.name
            ORDER BY period, n_mentions DESC, e.name
        """
        return named_frame(con, sql, codes, index, "entities", {"name": "name"})
    entities = rows_in_view(con, filters, "entities")
    where, params = _in_view(filters, table=entities)
    sql = f"""
        SELECT date_trunc('{granularity}', a.published)::DATE AS period, e.name,
               sum(e.mentions)::BIGINT AS n_mentions, count(DISTINCT e.article_id) AS n_articles
        FROM {entities} e
        JOIN {rows_in_view(con, filters, "articles")} a ON a.id = e.article_id
        WHERE {where} AND a.published IS NOT NULL
          AND e.name IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY period, e.name
        ORDER BY period, n_mentions DESC, e.name
    """
    return con.execute(sql, [*params, names]).df()


def undated_articles(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    names: tuple[str, ...] | list[str],
) -> pd.DataFrame:
    """``name, n_articles``: of each of ``names``, the articles in view naming it that have no
    publication date, which :func:`mentions_over_time` leaves out (names with none are not
    listed). In an archive mixing the BBC's undated stories with dated news, United Kingdom's
    line showed 49 of its 636 articles without a word of the other 587."""
    names = list(names)
    if summaries.covers(filters):
        # the per-day summary's undated cell (day NULL) holds them; its sums are exact, as above
        where, params = summaries.cell_where(filters)
        sql = f"""
            SELECT s.name, sum(s.n_articles)::BIGINT AS n_articles
            FROM sum_entities s
            WHERE {where} AND s.day IS NULL AND s.name IN (SELECT unnest(?::VARCHAR[]))
            GROUP BY s.name HAVING sum(s.n_articles) > 0 ORDER BY s.name
        """
        return con.execute(sql, [*params, names]).df()
    coded = coded_rows_in_view(con, filters, "entities", _CODED_ENTITY_COLUMNS, ("published",))
    if coded is not None:  # by number, as the timeline (mentions_over_time)
        rows, index = coded
        in_names, codes = in_values("e.name", index.known_codes("entities", "name", names))
        sql = f"""
            SELECT e.name, count(DISTINCT e.article_id) AS n_articles
            FROM {rows} e WHERE e.published IS NULL AND {in_names}
            GROUP BY e.name ORDER BY e.name
        """
        return named_frame(con, sql, codes, index, "entities", {"name": "name"})
    entities = rows_in_view(con, filters, "entities")
    where, params = _in_view(filters, table=entities)
    sql = f"""
        SELECT e.name, count(DISTINCT e.article_id) AS n_articles
        FROM {entities} e
        JOIN {rows_in_view(con, filters, "articles")} a ON a.id = e.article_id
        WHERE {where} AND a.published IS NULL AND e.name IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY e.name ORDER BY e.name
    """
    return con.execute(sql, [*params, names]).df()


# Rebuilds the pairs of every stored article from ``entity_mentions`` (for stores written before
# the table existed, e.g. by bench/replicate.py); the store fills it for new articles with the
# same definition restricted to them (analysis.aggregates, analysis.store.PAIRS_SQL).
PAIRS_REBUILD_SQL = aggregates.sentence_pairs_sql()


# Over 60 lines: the two SQL statements of one view (labels before or after ranking), side by
# side so that a change to one is made to the other.
def cooccurrences(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    labels: tuple[str, ...] | None = None,
    min_weight: int = 1,
    limit: int = 100,
) -> pd.DataFrame:
    """Pairs of entities named in the same sentence, for a network: ``name_a, name_b, label_a,
    label_b, weight`` (weight = number of sentences naming both; ``name_a < name_b``), heaviest
    ``limit`` pairs first. ``labels`` keeps pairs whose both ends have one of those labels.

    Reads the pre-aggregated ``entity_pairs`` table (one row per article and pair), or under a
    date range and outlets at most its summary per day and outlet (``sum_entity_pairs``), or
    for a pinned filter an article index serves its pairs in view by number
    (:func:`_coded_cooccurrences`).
    """
    coded = (
        None
        if summaries.covers(filters)
        else _coded_cooccurrences(con, filters, labels, min_weight, limit)
    )
    if coded is not None:
        return coded
    if summaries.covers(filters):  # the summaries kept at write time (25 M pairs at 1M articles)
        table, where, params, one_row_per_key = summaries.table_where("sum_entity_pairs", filters)
        if one_row_per_key:  # all-time, a year's or a month's totals: one row per pair already
            pairs = f"SELECT name_a, name_b, weight FROM {table} s WHERE {where} AND weight >= ?"
        else:
            pairs = f"""SELECT name_a, name_b, sum(weight)::BIGINT AS weight
                        FROM {table} s WHERE {where}
                        GROUP BY name_a, name_b HAVING sum(weight) >= ?"""
        names, where_e, params_e, _ = summaries.table_where("sum_entities", filters)
        per_label = f"""SELECT name, label, sum(n_mentions) AS m FROM {names} s
                        WHERE {where_e} AND name IN (SELECT name_a FROM top UNION SELECT name_b FROM top)
                        GROUP BY name, label"""
    else:
        # On the articles' integer keys (analysis.article_keys), like the attitude matrix; at a
        # million articles this measured the same as on the string ids (0.5-1.2 s either way:
        # the 25 million pairs are read whole for a filter spread over the archive).
        rows = rows_in_view(con, filters, "entity_pairs")
        keys, params = article_keys_sql(filters)
        # (a copy holds the pairs in view only: no condition, as filters.in_view_sql)
        in_view = "TRUE" if is_copy(rows) else f"p.article_key IN ({keys})"
        params = [] if is_copy(rows) else params
        pairs = f"""SELECT name_a, name_b, sum(weight)::BIGINT AS weight
                    FROM {rows} p WHERE {in_view}
                    GROUP BY name_a, name_b HAVING sum(weight) >= ?"""
        entities = rows_in_view(con, filters, "entities")
        where_e, params_e = _in_view(filters, table=entities)
        per_label = f"""SELECT e.name, e.label, sum(e.mentions) AS m FROM {entities} e
                        WHERE {where_e}
                          AND e.name IN (SELECT name_a FROM top UNION SELECT name_b FROM top)
                        GROUP BY e.name, e.label"""
    # Rank first, then label only the names of the pairs kept. With ``labels``, which decide
    # which pairs are in, the heaviest pairs are labelled a growing number at a time until
    # ``limit`` of them have the labels or no pair is left: exact, and at a million articles
    # labelling every name of every pair took 20 s.
    keep = (
        "WHERE la.label IN (SELECT unnest(?::VARCHAR[])) AND lb.label IN "
        "(SELECT unnest(?::VARCHAR[]))"
        if labels
        else ""
    )
    ranked = int(limit) * (8 if labels else 1)
    while True:
        sql = f"""
            WITH pairs AS ({pairs}),
            top AS MATERIALIZED (  -- read four times below: ranked once
                SELECT least(name_a, name_b) AS name_a, greatest(name_a, name_b) AS name_b,
                       weight FROM pairs
                ORDER BY weight DESC, name_a, name_b LIMIT ?
            ),
            lab AS (SELECT name, {_NAME_LABEL} AS label FROM ({per_label}) GROUP BY name)
            SELECT t.name_a, t.name_b, la.label AS label_a, lb.label AS label_b, t.weight,
                   (SELECT count(*) FROM top) AS n_ranked
            FROM top t LEFT JOIN lab la ON la.name = t.name_a LEFT JOIN lab lb ON lb.name = t.name_b
            {keep}
            ORDER BY t.weight DESC, t.name_a, t.name_b
            LIMIT ?
        """
        args = [*params, int(min_weight), ranked, *params_e]
        args += [list(labels), list(labels)] if labels else []
        found = con.execute(sql, [*args, int(limit)]).df()
        n_ranked = int(found["n_ranked"].iloc[0]) if len(found) else None
        found = found.drop(columns=["n_ranked"])
        if not labels or len(found) >= limit or (n_ranked is not None and n_ranked < ranked):
            return found
        if n_ranked is None:  # nothing passed the labels: were there pairs left to rank?
            (n_pairs,) = con.execute(
                f"SELECT count(*) FROM ({pairs})", [*params, int(min_weight)]
            ).fetchone()
            if n_pairs <= ranked:
                return found
        ranked *= 8


def _coded_cooccurrences(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    labels: tuple[str, ...] | None,
    min_weight: int,
    limit: int,
) -> pd.DataFrame | None:
    """:func:`cooccurrences` over the pairs in view with their names as numbers
    (:func:`analysis.filters.coded_rows_in_view`): grouped and ranked on the numbers, the
    labels of the kept names taken from the entity rows by number (the ranking's gather), and
    only the kept pairs' names read as text. None where no index serves the filters. At a
    million articles, under a search in 7 % of them, gathering the 1.4 million pairs and the
    entity rows with their names as text took most of the view's 0.34-0.5 s of CPU.

    Each end is numbered among its own column's names (``name_a``'s, ``name_b``'s), both in
    byte order as DuckDB orders text, and the store writes every pair with ``name_a <
    name_b`` (:func:`analysis.aggregates.sentence_pairs_sql`; ``bench/replicate.py`` keeps
    it: no row of the real, 50,000- or million-article stores breaks it), so the pairs order
    on their numbers as on their names and least/greatest of the query on the store are the
    pair itself. With ``labels``, more pairs are ranked until ``limit`` of them pass, as there."""
    pairs = coded_rows_in_view(con, filters, "entity_pairs", ("name_a", "name_b", "weight"))
    entities = coded_rows_in_view(con, filters, "entities", _CODED_ENTITY_COLUMNS)
    if pairs is None or entities is None:
        return None
    (pair_rows, index), (entity_rows, _) = pairs, entities
    ranked = int(limit) * (8 if labels else 1)
    while True:
        top = con.sql(
            f"""SELECT name_a, name_b, sum(weight)::BIGINT AS weight FROM {pair_rows}
                GROUP BY name_a, name_b HAVING sum(weight) >= ?
                ORDER BY weight DESC, name_a, name_b LIMIT ?""",
            params=[int(min_weight), ranked],
        ).to_arrow_table()
        found = _labelled_pairs(con, index, entity_rows, top, labels, limit)
        if not labels or len(found) >= limit or top.num_rows < ranked:
            return found
        ranked *= 8


def _labelled_pairs(
    con: duckdb.DuckDBPyConnection,
    index,
    entity_rows: str,
    top,
    labels: tuple[str, ...] | None,
    limit: int,
) -> pd.DataFrame:
    """The frame of :func:`cooccurrences` from the ranked pairs ``top`` (their ends as numbers
    of their own columns' names): their names read, each name's label among the entity rows
    in view by number (``entity_rows``), and the store's last query run on those few rows (the
    same joins, order and types)."""
    import pyarrow as pa

    def as_names(table: str, column: str, codes) -> pa.Array:
        return index.name_array(table, column, codes.combine_chunks().cast(pa.int64()))

    ends = {end: as_names("entity_pairs", end, top.column(end)) for end in ("name_a", "name_b")}
    names = set(ends["name_a"].to_pylist()) | set(ends["name_b"].to_pylist())
    in_names, codes = in_values("e.name", index.known_codes("entities", "name", names))
    lab = con.sql(
        f"""SELECT name, {_NAME_LABEL} AS label FROM (
                SELECT e.name, e.label, sum(e.mentions) AS m FROM {entity_rows} e
                WHERE {in_names} GROUP BY e.name, e.label
            ) GROUP BY name""",
        params=codes,
    ).to_arrow_table()
    lab = pa.table({c: as_names("entities", c, lab.column(c)) for c in ("name", "label")})
    top = pa.table({**ends, "weight": top.column("weight")})
    keep = (
        "WHERE la.label IN (SELECT unnest(?::VARCHAR[])) AND lb.label IN "
        "(SELECT unnest(?::VARCHAR[]))"
        if labels
        else ""
    )
    top_name, lab_name = f"{GATHERED_PREFIX}network_top", f"{GATHERED_PREFIX}network_labels"
    con.register(top_name, top)
    con.register(lab_name, lab)
    try:
        return con.execute(
            f"""SELECT t.name_a, t.name_b, la.label AS label_a, lb.label AS label_b, t.weight
                FROM {top_name} t LEFT JOIN {lab_name} la ON la.name = t.name_a
                LEFT JOIN {lab_name} lb ON lb.name = t.name_b
                {keep}
                ORDER BY t.weight DESC, t.name_a, t.name_b
                LIMIT ?""",
            [*([list(labels), list(labels)] if labels else []), int(limit)],
        ).df()
    finally:
        con.unregister(top_name)
        con.unregister(lab_name)


def entity_articles(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    name: str,
    limit: int | None = None,
) -> pd.DataFrame:
    """The articles in view naming ``name``: ``id, title, published, source, mentions,
    first_start`` — most mentions first, then newest."""
    # With an article index, the rows naming ``name`` in view read from it with their articles'
    # dates, and the titles only of the articles kept
    indexed = rows_naming(con, filters, "entities", "name", name, ("mentions", "first_start"))
    if indexed is not None:
        ranked = f"""
            SELECT e.article_id AS id, sum(e.mentions)::BIGINT AS mentions,
                   min(e.first_start) AS first_start, any_value(e.published) AS published
            FROM {indexed} e GROUP BY e.article_id
            ORDER BY mentions DESC, published DESC NULLS LAST, id
            {"LIMIT ?" if limit is not None else ""}"""
        kept = con.execute(ranked, [] if limit is None else [int(limit)]).df()
        article_rows, ids = kept_articles("articles", kept["id"])
        titles = con.execute(f"SELECT id, title, source FROM {article_rows}", ids).df()
        found = kept.merge(titles, on="id", how="left")
        return found[["id", "title", "published", "source", "mentions", "first_start"]]
    entities = rows_in_view(con, filters, "entities")
    where, params = _in_view(filters, table=entities)
    articles = rows_in_view(con, filters, "articles")  # the articles in view, or all
    # Ranked on narrow rows, titles joined to the rows kept: the most named entity of a million
    # articles is in half of them, and grouping them with their titles took seconds.
    sql = f"""
        WITH per AS (
            SELECT e.article_id AS id, sum(e.mentions)::BIGINT AS mentions,
                   min(e.first_start) AS first_start
            FROM {entities} e
            WHERE e.name = ? AND {where} GROUP BY e.article_id
        ), ranked AS (
            SELECT per.*, a.published FROM per JOIN {articles} a ON a.id = per.id
            ORDER BY per.mentions DESC, a.published DESC NULLS LAST, per.id
            {"LIMIT ?" if limit is not None else ""}
        )
        SELECT r.id, a.title, r.published, a.source, r.mentions, r.first_start
        FROM ranked r JOIN {articles} a ON a.id = r.id
        WHERE a.id IN (SELECT id FROM ranked)
        ORDER BY r.mentions DESC, r.published DESC NULLS LAST, r.id
    """
    args = [name, *params]
    if limit is not None:
        args.append(int(limit))
    return con.execute(sql, args).df()


def _label_list(label: str | tuple[str, ...] | list[str] | None) -> list[str] | None:
    if label is None:
        return None
    return [label] if isinstance(label, str) else list(label)
