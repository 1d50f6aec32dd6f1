"""Corpus filters shared by every view: which articles a query looks at.

A :class:`Filters` value says which articles are in view (date range, outlets, tags, speakers,
entities, a search in the query language of :mod:`analysis.query`). :func:`article_ids_sql` turns
it into a parameterised SQL subquery over the store's ``articles`` table, so every view function
can write ``WHERE article_id IN (<subquery>)`` without string-building user input into SQL. Near-duplicate copies (``duplicate_of`` set) are never
in view: a syndicated story is counted once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from analysis import query

if TYPE_CHECKING:  # only annotations: the filters stay a light import
    import duckdb
    import pandas as pd
    import pyarrow as pa


@dataclass(frozen=True)
class Filters:
    """What the user has narrowed the corpus to. Empty tuples / None mean "no restriction"."""

    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    search: str = ""
    # A precomputed set of article ids to stay within (None: no such restriction). The dashboard
    # resolves a text search to ids once and passes them on, so the views of one page do not
    # each scan every article's text again.
    article_ids: tuple[str, ...] | None = None
    # A table holding the ids of the articles in view, made by :func:`pin` (never part of a
    # link): set, it stands for every condition above.
    id_table: str | None = None
    # The store's data version the pinned table was made at (with ``id_table``), or, without
    # one, that the filters are read at: which article index (analysis.article_index) may serve
    # the rows of its articles, or the texts of a list's rows (kept_rows).
    id_version: str | None = None
    # Set while the store's summaries are behind its rows (a run's days left to recount at its
    # end: analysis.summaries.pending): every view then reads the rows. Never part of a link.
    from_rows: bool = False

    @property
    def is_empty(self) -> bool:
        return self == Filters()


def article_ids_sql(filters: Filters | None = None) -> tuple[str, list]:
    """``(sql, params)``: a subquery selecting the ids of the articles in view."""
    if filters is not None and filters.id_table is not None:
        # The pinned table itself, not the articles joined to it: DuckDB knows its size, so it
        # hashes these ids and streams the fact table past them (joined through ``articles``,
        # it hashed a speaker's 2.7 million figures to keep 118,000: 1.9 s against 0.2 s).
        return f"SELECT id FROM {filters.id_table}", []
    where, params = articles_where(filters)
    return f"SELECT a.id FROM articles a WHERE {where}", params


def article_keys_sql(filters: Filters | None = None) -> tuple[str, list]:
    """``(sql, params)``: a subquery selecting the integer keys (:mod:`analysis.article_keys`)
    of the articles in view, for the tables that carry them."""
    if filters is not None and filters.id_table is not None:
        return f"SELECT article_key FROM {filters.id_table}", []
    where, params = articles_where(filters)
    return f"SELECT a.article_key FROM articles a WHERE {where}", params


def articles_where(filters: Filters | None = None) -> tuple[str, list]:
    """``(sql, params)``: the condition on ``articles a`` that keeps the articles in view."""
    f = filters or Filters()
    if f.id_table is not None:
        return f"a.id IN (SELECT id FROM {f.id_table})", []
    where = ["a.duplicate_of IS NULL"]
    params: list = []
    if f.date_from:
        where.append("a.published >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("a.published <= ?")
        params.append(f.date_to)
    # The user's picks are a few values: written as constants (in_values), so DuckDB estimates
    # how few rows they keep and joins the fact tables to them, not them to the fact tables (at
    # a million articles a join on ``IN (SELECT unnest(?))``, estimated at a fifth of the
    # articles, hashed 2.6 million figures to keep the 6,670 of one outlet: 0.6 s against 0.16).
    if f.sources:
        sql, values = in_values("a.source", sorted(set(f.sources)))
        where.append(sql)
        params.extend(values)
    if f.tags:
        where.append("len(list_intersect(a.tags, ?::VARCHAR[])) > 0")
        params.append(list(f.tags))
    if f.speakers:
        sql, values = in_values("speaker", sorted(set(f.speakers)))
        where.append(f"a.id IN (SELECT article_id FROM quotes WHERE {sql})")
        params.extend(values)
    if f.entities:
        sql, values = in_values("name", sorted(set(f.entities)))
        where.append(f"a.id IN (SELECT article_id FROM entities WHERE {sql})")
        params.extend(values)
    if f.article_ids is not None:
        where.append("a.id IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(f.article_ids))
    node = query.parse(f.search)  # QueryError (a ValueError) for a malformed query
    if node is not None:
        # The search language (analysis.query) over the store's full-text index.
        sub, sub_params = query.match_sql(node)
        where.append(f"a.id IN ({sub})")
        params.extend(sub_params)
    return " AND ".join(where), params


# The most filters whose articles a reader keeps pinned at once (oldest dropped first). A pinned
# set costs about 24 bytes an article: a search matching most of a million articles, 24 MB.
PINNED_MAX = 24
_pinned: OrderedDict[str, None] = OrderedDict()
_pinned_lock = threading.Lock()


def pin(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    *,
    version: str,
    key: Filters | None = None,
) -> Filters:
    """``filters`` with the articles in view written once to a table in the reader's in-memory
    database (``memory.main``, see :func:`analysis.store_lock.open_reader`) and read from it by
    every view (:attr:`Filters.id_table`).

    Only for the row conditions (tags, speakers, entities, a search, ids): a date range and
    outlets are cheap conditions, and the summaries answer them without the fact tables. Written
    as a subquery, a speaker's articles were looked up again by every query of a page (a scan
    of every quote), and DuckDB, not knowing how few they are, hashed the fact table to join
    them: at a million articles a page's figures under one speaker took 3x the CPU. ``version``
    (the store's data version) is part of the table's name, so new data is never answered from
    an old set. ``key`` (default ``filters``) names the set: the filters as the user gave them,
    when ``filters`` holds a search resolved to ids (hashing hundreds of thousands of ids on
    every view call cost 30 ms each). If the table cannot be made (another thread is making
    it), the filters are returned as they are, which gives the same rows.
    """
    import duckdb  # the filters stay a light import for those that only build SQL

    f = filters or Filters()
    if f.id_table is not None or not (
        f.tags or f.speakers or f.entities or f.search.strip() or f.article_ids is not None
    ):
        return f
    digest = hashlib.sha1(repr((key or f, version)).encode()).hexdigest()[:24]
    name = f"memory.main.in_view_{digest}"
    pinned = dataclasses.replace(f, id_table=name, id_version=version)
    with _pinned_lock:
        known = name in _pinned
    if known:
        # made by an earlier view (CREATE TABLE IF NOT EXISTS ran its query all the same: a
        # search's 21,000 ids joined again by every view of a page, 0.1-0.15 s in all)
        with contextlib.suppress(duckdb.CatalogException):  # dropped meanwhile: made again
            con.execute(f"SELECT 1 FROM {name} LIMIT 0").fetchall()
            with _pinned_lock:
                if name in _pinned:
                    _pinned.move_to_end(name)
            return pinned
    indexed = _indexed_where(con, f, version)
    where, params = indexed or articles_where(f)
    try:
        made = _make_pinned(con, name, where, params)
    finally:
        if indexed is not None:
            con.unregister(PIN_KEYS)
    if not made:
        return f  # not committed yet by another thread: this query reads the articles itself
    _keep_pinned(con, name)
    return pinned


def _make_pinned(con: duckdb.DuckDBPyConnection, name: str, where: str, params: list) -> bool:
    """Write the ids and keys of the articles ``a`` that ``where`` keeps to the table ``name``;
    False when another thread is making it at the same moment and has not committed it yet."""
    import duckdb

    try:
        con.execute(
            f"CREATE TABLE IF NOT EXISTS {name} AS SELECT a.id, a.article_key FROM articles a "
            f"WHERE {where}",
            params,
        )
    except duckdb.TransactionException:  # made at the same moment by another thread
        try:
            con.execute(f"SELECT 1 FROM {name} LIMIT 0")
        except duckdb.CatalogException:
            return False
    return True


def _keep_pinned(
    con: duckdb.DuckDBPyConnection, name: str, kept: OrderedDict | None = None, most: int = 0
) -> None:
    """Count the pinned table ``name`` among those ``kept`` (default: the user's filters', at
    most :data:`PINNED_MAX`), dropping the oldest beyond ``most``."""
    import duckdb

    kept = _pinned if kept is None else kept
    most = most or PINNED_MAX
    with _pinned_lock:
        kept[name] = None
        kept.move_to_end(name)
        old = [kept.popitem(last=False)[0] for _ in range(len(kept) - most)]
    for table in old:
        with contextlib.suppress(duckdb.Error):
            con.execute(f"DROP TABLE IF EXISTS {table}")


# The name under which pin registers the keys of the articles the index found on its cursor.
PIN_KEYS = "presslens_pin_keys"


def _indexed_where(con: duckdb.DuckDBPyConnection, f: Filters, version: str):
    """``articles_where(f)`` with its speakers and entities answered by the article index of the
    store in state ``version`` (their articles' keys, :meth:`Index.articles_with`, registered
    on ``con`` as :data:`PIN_KEYS`), or None without an index or either. At a million articles
    the quotes' scan for a speaker's articles took 60-220 ms of every filter change (in 1,000
    to 270,000 articles), the articles' read by the keys found takes 8-90 ms."""
    import numpy as np
    import pyarrow as pa

    from analysis import article_index

    if not (f.speakers or f.entities):
        return None
    index = article_index.reader_index(con, version)
    if index is None:
        return None
    keys = None
    for picked, table, column in (
        (f.speakers, "quotes", "speaker"),
        (f.entities, "entities", "name"),
    ):
        if picked:
            found = index.articles_with(table, column, sorted(set(picked)))
            keys = found if keys is None else article_index.common_keys(keys, found)
    where, params = articles_where(dataclasses.replace(f, speakers=(), entities=()))
    # a table joined, not a list of constants: 270,000 keys as a list took 0.3 s
    _register(con, PIN_KEYS, pa.table({"article_key": np.asarray(keys, dtype=np.int64)}))
    return f"{where} AND a.article_key IN (SELECT article_key FROM {PIN_KEYS})", params


# The rows of a pinned filter's articles in the fact tables several views of a page read, copied
# once into the reader's memory (see :func:`rows_in_view`), without their long texts (no view
# reading these copies shows them). At a million articles every view that narrows ``entities``
# to a speaker's 3 % of articles scanned all 15 million rows (0.3-0.45 s each, four such views
# on the Entities page); the copy is one such scan, and each view then reads 450,000 rows.
PINNED_ROWS = {
    # what the views reading them need (making a copy reads each column it holds, so no more),
    # with the store's row id, by which a view reads the texts of the few rows it shows
    "quotes": "rowid AS store_rowid, article_id, start, speaker, speaker_label, speaker_role, "
    "polarity, subjectivity, polarity_vader, n_words",
    "entities": "*",
    # (with the incident kinds the store keeps worked out: figures.kinds)
    "figures": 'rowid AS store_rowid, * EXCLUDE (sentence, "end")',
    # the articles in view themselves, for the views that join their dates and outlets (a
    # join to the store's table read its million ids and dates again)
    "articles": "id, title, source, published",
}
# Only for filters of at most this many articles: a copy costs about 130 bytes per row in
# memory (a speaker in 30,000 of a million articles: 450,000 entities, 190,000 figures, 140,000
# quotes, ~100 MB); a broader filter is read from the store as before.
PINNED_ROWS_ARTICLES = 60_000
# The most copies kept at once (oldest dropped first): the tables of two filters. They count
# against the reader's memory limit (measured at a million articles: a speaker's copies 106 MB,
# with a search's 153 MB of the dashboard's 512 MB), and DuckDB spills them to the reader's
# temp folder when queries need the memory.
PINNED_ROWS_MAX = 8
_pinned_rows: OrderedDict[str, None] = OrderedDict()
# The copies asked for once already (the next ask makes them).
_asked: OrderedDict[str, None] = OrderedDict()


# With an article index (analysis.article_index), the rows in view are gathered from it into
# Arrow tables this process keeps, and each view reads them where they are: registered on its
# own cursor, never written into DuckDB (which cost as much again as the gather). At a million
# articles, under a speaker quoted in 4 % of them (1.6 million entity pairs, 300,000 figures),
# the co-occurrences took 0.68-0.73 s of CPU on the store and 0.30 s on gathered rows, the
# headline figures 0.67 s and 0.33 s. A copy of more than this many rows is left to the store
# (it would hold too much memory).
GATHER_ROWS_MAX = 4_000_000
# A view that reads a table once (``make=False``: the counts, the attitude matrix) gathers at
# most this many rows; it reads more from the store unless another view gathered them. For one
# read a gather pays off up to about this size: counting a speaker's 1.4 million quotes,
# mentions and figures at a million articles took 0.3-0.6 s on the store, 0.5-0.9 s gathering
# every column first; the matrix over a million attitude sums 0.2-0.4 s against 0.2-1.0 s.
GATHER_NARROW_ROWS = 100_000
# The most bytes of gathered rows kept at once (the oldest filter's dropped first): the copies
# of a speaker in 4 % of a million articles take about 250 MB.
GATHERED_BYTES = 640 * 1024 * 1024
_gathered: OrderedDict[str, object] = OrderedDict()
_pinned_keys: OrderedDict[str, object] = OrderedDict()
# Tables copied only when an article index serves them (analysis.article_index): a copy of
# their rows made by a scan would cost as much as the one view that reads them.
INDEXED_ROWS = ("holder_targets", "entity_pairs")
# The prefix of the names gathered rows are registered under on a view's cursor.
GATHERED_PREFIX = "presslens_gathered_"


def rows_in_view(
    con: duckdb.DuckDBPyConnection, filters: Filters | None, table: str, *, make: bool = True
) -> str:
    """The table a view reads ``table``'s rows from under ``filters``: a copy of the rows of
    the articles in view in the reader's memory when ``filters`` is pinned (:func:`pin`) to at
    most :data:`PINNED_ROWS_ARTICLES` articles and ``table`` is one of :data:`PINNED_ROWS`,
    made by the second view that asks and read by the others; else ``table`` itself. (The
    first view reads the store: making a copy costs about two reads of the table, so a table
    a page reads once, as the Overview reads each of its tables, is never copied.) The copy
    holds exactly those rows (its name carries the pinned set's, which carries the data
    version), so a view keeps its own ``article_id IN (...)`` condition and gives the same rows
    either way. If the copy cannot be made (another thread is making it), ``table``.
    ``make=False`` reads a copy another view made, never makes one: for a view that reads a
    table once and narrowly (a count), making the copy costs more than it saves.

    When the store has an article index for the pinned set's data version
    (:mod:`analysis.article_index`, a very large store), the rows are gathered from it instead
    (:func:`_gathered_rows`): tens of milliseconds, kept by this process as Arrow tables and
    registered on ``con`` under a name of their own, so made on the first ask (by a view that
    never makes one too, if small), also for the per-article tables of :data:`INDEXED_ROWS`; a
    copy of more than :data:`GATHER_ROWS_MAX` rows is left to the store as without an index."""
    import duckdb  # the filters stay a light import for those that only build SQL

    from analysis import article_index

    f = filters or Filters()
    if f.id_table is None or table not in (*PINNED_ROWS, *INDEXED_ROWS):
        return table
    index = article_index.reader_index(con, f.id_version)
    if index is not None:
        gathered = _gathered_rows(con, index, f.id_table, table, make=make)
        if gathered is not None:
            return gathered
    if table not in PINNED_ROWS:
        return table
    name = f"{f.id_table}__{table}"
    with _pinned_lock:
        known = name in _pinned_rows
        if known:
            _pinned_rows.move_to_end(name)
    if known:
        try:
            con.execute(f"SELECT 1 FROM {name} LIMIT 0")
            return name
        except duckdb.CatalogException:  # dropped meanwhile: made again below
            pass
    if not make:
        return table
    with _pinned_lock:
        first = name not in _asked
        _asked[name] = None
        _asked.move_to_end(name)
        while len(_asked) > 4 * PINNED_ROWS_MAX:
            _asked.popitem(last=False)
    if first:
        return table
    [(n,)] = con.execute(f"SELECT count(*) FROM {f.id_table}").fetchall()
    if n > PINNED_ROWS_ARTICLES:
        return table
    try:
        key = "id" if table == "articles" else "article_id"
        con.execute(
            f"CREATE TABLE IF NOT EXISTS {name} AS SELECT {PINNED_ROWS[table]} FROM {table} "
            f"WHERE {key} IN (SELECT id FROM {f.id_table})"
        )
    except duckdb.TransactionException:  # made at the same moment by another thread
        try:
            con.execute(f"SELECT 1 FROM {name} LIMIT 0")
        except duckdb.CatalogException:
            return table
    with _pinned_lock:
        _pinned_rows[name] = None
        _pinned_rows.move_to_end(name)
        old = [
            _pinned_rows.popitem(last=False)[0] for _ in range(len(_pinned_rows) - PINNED_ROWS_MAX)
        ]
    for dropped in old:
        with contextlib.suppress(duckdb.Error):
            con.execute(f"DROP TABLE IF EXISTS {dropped}")
    return name


def gathered_name(id_table: str, table: str) -> str:
    """The name gathered rows of ``table`` are registered under for the pinned set ``id_table``
    (named by the set, which carries the data version; never the name of a store's table)."""
    return f"{GATHERED_PREFIX}{id_table.rsplit('.', 1)[-1]}__{table}"


def served_by_index(con: duckdb.DuckDBPyConnection, filters: Filters | None):
    """``(index, keys)``: the article index (:mod:`analysis.article_index`) that serves the
    pinned ``filters``, and their articles' integer keys; None without one. For a view that
    counts from the index itself (how many rows, how many different names)."""
    from analysis import article_index

    f = filters or Filters()
    if f.id_table is None:
        return None
    index = article_index.reader_index(con, f.id_version)
    return None if index is None else (index, _keys_of(con, f.id_table))


def coded_rows_in_view(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    table: str,
    columns: tuple[str, ...],
    articles: tuple[str, ...] = (),
    *,
    ranked: bool = False,
):
    """``(name, index)``: ``columns`` of ``table``'s rows in view of the pinned ``filters``, their
    names as numbers (:meth:`Index.coded_table`) and the article's key as ``article_id`` (one
    number per article, as its id is one text), then the ``articles`` columns of each row's
    article (``published``; ``source`` by number), and with ``ranked`` ``article_rank``, the
    rank of the article's id among those in view (:func:`_with_id_ranks`: a view that orders
    or breaks ties on the ids), registered on ``con`` under ``name``; and the article ``index``
    that serves them, whose :meth:`Index.names` reads the names a view keeps.
    None without an index or for more rows than a gather may take (:data:`GATHER_ROWS_MAX`).
    Also None when other views have gathered the rows whole already (:func:`rows_in_view`):
    those are read as fast. For a view that groups the rows in view by name and shows a few
    groups, where no other view of the page reads them (the Overview): at a million articles,
    under a search in 7 % of them, the speaker statistics took 0.8 s of CPU gathering the rows
    with their article ids and names as text and grouping them, 0.3 s so (docs/SPEED.md)."""
    served = served_by_index(con, filters)
    if served is None:
        return None
    # Kept as the whole rows are (:data:`_gathered`), named by the set and the columns, and
    # given the articles' columns asked for later: the Speakers page's statistics and its
    # timelines (which add the day) read the same coded quotes, where each had gathered them
    # again or the timelines the whole rows (under a search in 7 % of a million articles, 0.3 s
    # of CPU), and the Overview's statistics gather no day they do not read.
    name = (
        f"{gathered_name(filters.id_table, table)}__coded_"
        + hashlib.sha1(repr(columns).encode()).hexdigest()[:12]
    )
    with _pinned_lock:  # gathered whole for other views already: read as fast as these
        if gathered_name(filters.id_table, table) in _gathered:
            return None
        rows = _gathered.get(name)
        if rows is not None:
            _gathered.move_to_end(name)
    index, keys = served
    if rows is None:
        if index.count(table, keys) > GATHER_ROWS_MAX:
            return None
        rows = index.coded_table(table, keys, columns, with_key=True)
    missing = tuple(c for c in articles if c not in rows.column_names)
    if missing:
        rows = _with_article_columns(index, rows, keys, missing)
    unranked = ranked and "article_rank" not in rows.column_names
    if unranked:
        rows = _with_id_ranks(index, rows, keys)
    if missing or unranked or name not in _gathered:
        _keep_gathered(name, rows)
    # the article's key as its id (one number per article, as its id is one text)
    _register(con, name, rows.rename_columns(["article_id", *rows.column_names[1:]]))
    return name, index


def _with_article_columns(index, rows: pa.Table, keys, columns: tuple[str, ...]) -> pa.Table:
    """``rows`` (in key order, first their ``article_key``) with the ``columns`` of their
    articles, taken for each row from the articles of these ``keys`` (no join of the rows)."""
    import numpy as np

    found = index.coded_table("articles", keys, columns, with_key=True)
    at = np.searchsorted(
        found.column("article_key").to_numpy(), rows.column("article_key").to_numpy()
    )
    for column in columns:
        rows = rows.append_column(column, found.column(column).take(at))
    return rows


def _with_id_ranks(index, rows: pa.Table, keys) -> pa.Table:
    """``rows`` (in key order, first their ``article_key``) with ``article_rank``: the rank of
    their article's id among the ids of the articles with these ``keys``, in the order DuckDB
    orders text (bytes), so a query may order and break ties on it as on the ids."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from analysis.article_index import unique_keys

    keys = unique_keys(keys)
    order = pc.sort_indices(index.gather_ids(pa.array(keys, pa.int64()))).to_numpy()
    ranks = np.empty(len(keys), dtype=np.int64)
    ranks[order] = np.arange(len(keys), dtype=np.int64)
    at = np.searchsorted(keys, rows.column("article_key").to_numpy())
    return rows.append_column("article_rank", pa.array(ranks[at], pa.int64()))


def named_frame(
    con: duckdb.DuckDBPyConnection, sql: str, params: list, index, table: str, coded: dict
) -> pd.DataFrame:
    """The frame of the query ``sql`` over rows whose names are numbers
    (:func:`coded_rows_in_view`), its ``coded`` columns (result column: ``table``'s coded
    column) read as the names and the frame made by DuckDB as it makes one of text columns (a
    column of no name typed as it types it), so a view that ranked the numbers gives the frame
    it gave ranking the names."""
    import pyarrow as pa

    found = con.sql(sql, params=params).to_arrow_table()
    for column, coded_column in coded.items():
        at = found.schema.get_field_index(column)
        codes = found.column(at).combine_chunks().cast(pa.int64())
        found = found.set_column(at, column, index.name_array(table, coded_column, codes))
    return con.from_arrow(found).df()


def _gathered_rows(con, index, id_table: str, table: str, *, make: bool) -> str | None:
    """The name under which ``table``'s rows of the pinned set ``id_table``'s articles,
    gathered from the article ``index``, are registered on ``con`` (gathered on the first ask,
    then kept); None when they are too many (:data:`GATHER_ROWS_MAX`), or, for ``make=False``,
    not gathered yet and more than :data:`GATHER_NARROW_ROWS`."""
    name = gathered_name(id_table, table)
    with _pinned_lock:
        rows = _gathered.get(name)
        if rows is not None:
            _gathered.move_to_end(name)
    if rows is None:
        keys = _keys_of(con, id_table)
        n_rows = index.count(table, keys)
        if n_rows > (GATHER_ROWS_MAX if make else GATHER_NARROW_ROWS):
            return None
        rows = index.gather(table, keys)
        _keep_gathered(name, rows)
    _register(con, name, rows)
    return name


def _keep_gathered(name: str, rows: pa.Table) -> None:
    """Keep the gathered ``rows`` under ``name``, dropping the oldest beyond
    :data:`GATHERED_BYTES`."""
    with _pinned_lock:
        _gathered[name] = rows
        _gathered.move_to_end(name)
        kept = sum(t.nbytes for t in _gathered.values())
        while kept > GATHERED_BYTES and len(_gathered) > 1:
            kept -= _gathered.popitem(last=False)[1].nbytes


def _register(con: duckdb.DuckDBPyConnection, name: str, rows: pa.Table) -> None:
    """``rows`` readable as ``name`` on ``con``: a view's own cursor, so the name is the
    cursor's, gone when it is closed (a view called on a long-lived connection registers it
    again, replacing the rows it named before). A result left open on ``con`` (after
    fetchone()) makes register() refuse: a new query closes it, as it would have anyway."""
    con.execute("SELECT 1").fetchall()
    con.register(name, rows)


def _keys_of(con, id_table: str):
    """The integer keys of a pinned set's articles (read once: the set never changes)."""
    with _pinned_lock:
        found = _pinned_keys.get(id_table)
    if found is None:
        found = con.execute(f"SELECT article_key FROM {id_table}").fetchnumpy()["article_key"]
        with _pinned_lock:
            _pinned_keys[id_table] = found
            while len(_pinned_keys) > PINNED_MAX:
                _pinned_keys.popitem(last=False)
    return found


def store_rowid(table: str, alias: str) -> str:
    """The expression of the store's row id of ``alias``'s rows, read from ``table`` (the store's
    table, or a copy of its rows in view made by :func:`rows_in_view`)."""
    return f"{alias}.store_rowid" if is_copy(table) else f"{alias}.rowid"


def in_view_sql(column: str, filters: Filters | None, table: str) -> tuple[str, list]:
    """``(sql, params)``: the condition ``column IN (the articles in view)`` on rows read from
    ``table``, or ``TRUE`` when ``table`` is a copy of the rows in view of ``filters``
    (:func:`rows_in_view`), which holds those rows only: there the condition joined the pinned
    set's ids again for nothing (a search's 35,714 articles at a million: 25-35 % of the CPU of
    the headline figures and the speaker statistics)."""
    if is_copy(table):
        return "TRUE", []
    sub, params = article_ids_sql(filters)
    return f"{column} IN ({sub})", list(params)


def is_copy(table: str) -> bool:
    """Whether ``table``, as :func:`rows_in_view` named it, is a copy of the rows in view (made
    in the reader's memory or gathered from an article index), not the store's table."""
    return "." in table or table.startswith(GATHERED_PREFIX)


def in_values(column: str, values) -> tuple[str, list]:
    """``(sql, params)``: ``column IN (?, ?, ...)`` over ``values`` (``FALSE`` when there are
    none). A list of constants is checked while DuckDB scans the table, so the wide columns of
    the rows that do not match are never read; ``IN (SELECT unnest(?))`` is a join, made after
    reading them (at a million articles, 0.1 s against 0.5 s for a few hundred ids)."""
    values = list(values)
    if not values:
        return "FALSE", []
    return f"{column} IN ({', '.join('?' for _ in values)})", values


def kept_rows(
    con: duckdb.DuckDBPyConnection, filters: Filters | None, table: str, rows: str, rowids
) -> tuple[str, list]:
    """``(sql, params)``: a subquery of the whole rows of ``table`` (``quotes``, ``figures``)
    with these store ``rowids``, for the few rows a list shows with their texts, where ``rows``
    is what :func:`rows_in_view` gave for ``table``. When the store has an article index for
    the filters' data version (:attr:`Filters.id_version`), the texts come from it
    (:meth:`Index.texts`), with the rest of the rows from the copy gathered from it or, for
    filters no copy serves (a date range, outlets, none), from the store by row id; else the
    store's rows read by their row ids (at a million articles, 1,000 figures' sentences cost
    0.1-0.2 s there: a block of sentences decompressed for each row)."""
    from analysis import article_index

    rowids = [int(r) for r in rowids]
    index = article_index.reader_index(con, (filters or Filters()).id_version)
    if index is None or not article_index.PARTS[table].texts:
        return f"(SELECT * FROM {table} t WHERE t.rowid = ANY(?::BIGINT[]))", [rowids]
    texts = index.texts(table, rowids)
    name = f"{rows if rows.startswith(GATHERED_PREFIX) else GATHERED_PREFIX + table}__texts"
    _register(con, name, texts)
    long = [c for c in texts.column_names if c != "store_rowid"]
    extra = ", ".join(f'x."{c}"' for c in long)
    if rows.startswith(GATHERED_PREFIX):
        return (
            f"(SELECT t.*, {extra} FROM {rows} t JOIN {name} x ON x.store_rowid = t.store_rowid)",
            [],
        )
    # The store's rows without their long texts, which come from the index: the rows of a
    # date range or an outlet (no copy holds them) read by row id, all but their texts (at a
    # million articles the 500 quotes of the Speakers page took 0.2-0.35 s with them).
    excluded = ", ".join(f'"{c}"' for c in long)
    return (
        f"(SELECT t.* EXCLUDE ({excluded}), {extra} FROM {table} t JOIN {name} x "
        "ON x.store_rowid = t.rowid WHERE t.rowid = ANY(?::BIGINT[]))",
        [rowids],
    )


def kept_articles(articles: str, ids) -> tuple[str, list]:
    """``(sql, params)``: the rows (``id, title, source, published``) of the articles with these
    ``ids`` for a list's few kept rows, where ``articles`` is what :func:`rows_in_view` gave for
    the articles: its copy of the articles in view when it is one (held in memory), else the
    store's articles read by their ids as constants."""
    if is_copy(articles):
        return articles, []
    where, params = in_values("a.id", sorted(set(ids)))
    return f"(SELECT id, title, source, published FROM articles a WHERE {where})", params


# The newest articles a newest-first list looks in first (see :func:`newest_first`).
NEWEST_ARTICLES = 2_000


def newest_first(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    limit: int,
    rows: Callable[[Filters | None, str, list], pd.DataFrame],
) -> pd.DataFrame:
    """The first ``limit`` rows of a list ordered newest article first, without ordering every
    row in view: ``rows(view, ids_sql, params)`` returns at most ``limit`` rows of the articles
    ``ids_sql`` selects (the newest k articles in view), in the list's order, reading the fact
    tables through ``rows_in_view(con, view, ...)``. k grows until those articles hold
    ``limit`` rows or are all the articles in view, so the result is exact: no row of an older
    article can come before theirs. (At a million articles, sorting every quote or figure in
    view with its text needed more memory than the dashboard has.)

    When an article index serves the filters' data version, ``view`` is pinned to those k
    articles (:func:`_pin_newest`), so their rows are gathered from the index, not found by a
    scan of the fact table: at a million articles the Speakers page's 500 quotes of a year
    took 0.17 s, most of it reading every quote's article id to find the 2,000 articles'."""
    sub, params = article_ids_sql(filters)
    where, _ = articles_where(filters)  # the same parameters as ``sub``'s
    newest = f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published DESC NULLS LAST, a.id"
    k = max(4 * int(limit), NEWEST_ARTICLES)
    while True:
        narrowed = _pin_newest(con, filters, k)
        if narrowed is not None:
            found = rows(narrowed, *article_ids_sql(narrowed))
        else:
            found = rows(filters, f"{newest} LIMIT {k}", list(params))
        if len(found) >= limit:
            return found
        [(in_view,)] = con.execute(f"SELECT count(*) FROM ({sub})", params).fetchall()
        if k >= in_view:
            return found
        k *= 16


# The sets the views pin for themselves (a list's newest articles, its own articles, the
# articles in view under outlets) are kept apart from the user's filters (:data:`PINNED_MAX`),
# so that a page's many of them never drop a filter's set; at most this many, oldest dropped.
NARROWED_MAX = 32
_narrowed: OrderedDict[str, None] = OrderedDict()


def _pin_newest(con: duckdb.DuckDBPyConnection, filters: Filters | None, k: int) -> Filters | None:
    """Filters pinned (as :func:`pin` pins) to the newest ``k`` articles in view, when an article
    index serves their data version (:attr:`Filters.id_version`); else None. The table is named
    by the filters (their pinned set's name, which carries the data version), the version and
    ``k``, so a page's lists share it."""
    f = filters or Filters()
    where, params = articles_where(f)
    what = f.id_table or dataclasses.replace(f, id_version=None)
    return _pin_indexed(
        con, f.id_version, "newest", (what, k),
        f"{where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT {int(k)}", params,
    )  # fmt: skip


def pin_in_view(con: duckdb.DuckDBPyConnection, filters: Filters | None) -> Filters | None:
    """Filters pinned (as :func:`pin` pins) to the articles in view under a date range or
    outlets, when an article index serves their data version; else None (also when already
    pinned). For a view no summary serves that reads their rows (an outlet's figure series):
    its rows are then gathered from the index, not found by a scan of the fact table."""
    f = filters or Filters()
    if f.id_table is not None:
        return None
    where, params = articles_where(f)
    what = dataclasses.replace(f, id_version=None)
    return _pin_indexed(con, f.id_version, "view", what, where, params)


def pin_articles(con: duckdb.DuckDBPyConnection, version: str | None, ids) -> Filters | None:
    """Filters pinned (as :func:`pin` pins) to the articles with these ``ids``, when an article
    index serves the store's data ``version``; else None. For a view that shows a few rows of
    articles it found (the conflicts' pairs): their rows are then gathered from the index, not
    found by a scan of the fact table (at a million articles 400 articles' figures took
    0.03-0.3 s to find there, the longer when the figures' ids were not in memory)."""
    where, params = in_values("a.id", sorted(set(ids)))
    return _pin_indexed(con, version, "ids", tuple(params), where, params)


# The most rows of articles :func:`rows_naming` looks through: at a million articles "Syrian"
# in a year's articles (1 million entity rows) took 0.13-0.29 s there against the store's
# 0.34-0.4 s, in all of them (8.4 million rows) 0.4-0.74 s against 0.47 s.
NAMING_ROWS_MAX = 3_000_000


def rows_naming(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    table: str,
    column: str,
    value: str,
    columns: tuple[str, ...],
) -> str | None:
    """The name registered on ``con`` of the rows of ``table`` in view holding ``value`` in
    ``column`` (one of its index postings: an entity's name), as ``article_id, published`` (the
    article's) and ``columns``, found by the article index that serves the filters' data
    version (:meth:`Index.rows_holding`); else None. For a view of one name's articles: at a
    million articles a scan of every entity row for "Syrian" took 0.25-0.7 s, under a year or
    none; their titles are left to the few rows a view shows."""
    import numpy as np
    import pyarrow as pa

    from analysis import article_index

    f = filters or Filters()
    index = article_index.reader_index(con, f.id_version)
    if index is None:
        return None
    if f.id_table is not None:
        in_view = _keys_of(con, f.id_table)
    else:  # a date range, outlets, none: their articles' keys, read in milliseconds
        in_view = con.execute(*article_keys_sql(f)).fetchnumpy()["article_key"]
    keys = article_index.common_keys(index.articles_with(table, column, [value]), in_view)
    if index.count(table, keys) > NAMING_ROWS_MAX:
        return None  # a name in most articles of a broad view: the store's scan is as fast
    found = index.rows_holding(table, column, value, keys, columns)
    row_keys = found.column("article_key").combine_chunks()
    # each article's date, taken for its rows (rows are in key order, as ``keys`` is)
    published = index.article_column("published", keys)
    at = np.searchsorted(keys, row_keys.to_numpy())
    rows = pa.table(
        {
            "article_id": index.gather_ids(row_keys),
            "published": published.take(pa.array(at)),
            **{c: found.column(c) for c in columns},
        }
    )
    name = f"{GATHERED_PREFIX}naming_rows"
    _register(con, name, rows)
    return name


def _pin_indexed(
    con: duckdb.DuckDBPyConnection,
    version: str | None,
    kind: str,
    what: object,
    where: str,
    params: list,
) -> Filters | None:
    """The pinned table of the articles ``a`` that ``where`` (with its tail: an order, a limit)
    keeps, named ``kind`` and by ``what`` and ``version``, as filters at ``version``; None unless
    an article index serves that version (without one, the views' own conditions read the
    store as fast)."""
    import duckdb

    from analysis import article_index

    if article_index.reader_index(con, version) is None:
        return None
    digest = hashlib.sha1(repr((what, version)).encode()).hexdigest()[:24]
    name = f"memory.main.{kind}_{digest}"
    narrowed = Filters(id_table=name, id_version=version)
    with _pinned_lock:
        known = name in _narrowed
        if known:
            _narrowed.move_to_end(name)
    if known:
        with contextlib.suppress(duckdb.CatalogException):  # dropped meanwhile: made again
            con.execute(f"SELECT 1 FROM {name} LIMIT 0").fetchall()
            return narrowed
    if not _make_pinned(con, name, where, params):
        return None  # not committed yet by another thread: the caller reads the store's rows
    _keep_pinned(con, name, _narrowed, NARROWED_MAX)
    return narrowed
