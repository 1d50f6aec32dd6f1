"""The dashboard's one caching module: which store it reads, the shared reader, cached views.

Every ``st.cache_*`` of the app lives here (house style). Pages never run NLP and never write
SQL: they call :func:`view` with the name of an ``analysis.*_views`` function and the current
:class:`~analysis.filters.Filters`; results are cached per (store, data version, filters, options),
so a rerun that changes nothing costs nothing and new data (an upload, a run of ``presslens
analyze`` into the same file) is picked up because the data version changes. NLP runs in this
process only to build the sample store on first start and to analyse uploaded files.
"""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import os
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from analysis import (
    article_views,
    attitude_views,
    compare_views,
    entity_views,
    export,
    figure_views,
    place_views,
    quote_views,
    search_views,
)
from analysis.filters import Filters
from analysis.records import RunSummary
from analysis.store import Store, StoreError
from analysis.store_lock import SharedReader
from dashboard.settings import (  # noqa: F401 - re-exported: pages and tests read them here
    ENV_DB,
    ENV_LINK_BASE,
    ENV_READ_ONLY,
    SAMPLE_DIR,
    default_db,
)

log = logging.getLogger(__name__)

MEMORY_LIMIT = os.environ.get("PRESSLENS_DUCKDB_MEMORY", "512MB")

VIEWS: dict[str, Callable] = {
    "counts": article_views.corpus_counts,
    "articles_over_time": article_views.articles_over_time,
    "article_list": article_views.article_list,
    "article_in_view": article_views.article_in_view,
    "speaker_stats": quote_views.speaker_stats,
    "sentiment_over_time": quote_views.sentiment_over_time,
    "speaker_quotes": quote_views.speaker_quotes,
    "attitude_matrix": attitude_views.attitude_matrix,
    "attitude_sentences": attitude_views.attitude_sentences,
    "top_entities": entity_views.top_entities,
    "top_entities_by_label": entity_views.top_entities_by_label,
    "mentions_over_time": entity_views.mentions_over_time,
    "cooccurrences": entity_views.cooccurrences,
    "entity_articles": entity_views.entity_articles,
    "figure_table": figure_views.figure_table,
    "figure_timeline": figure_views.figure_timeline,
    "conflicting_figures": figure_views.conflicting_figures,
    "conflict_groups": figure_views.conflict_groups,
    "category_counts": figure_views.category_counts,
    "figure_series": figure_views.figure_series,
    "headline_figures": figure_views.headline_figures,
    "ranked_list": search_views.ranked_list,
    "compare_sizes": compare_views.group_sizes,
    "compare_attention": compare_views.attention_over_time,
    "compare_speakers": compare_views.top_speakers,
    "compare_tone": compare_views.speaker_sentiment,
    "compare_figures": compare_views.figures_by_place,
    "places": place_views.places,
    "place_regions": place_views.regions,
    "place_figures": place_views.place_figures,
    "place_articles": place_views.place_articles,
}


def db_path() -> Path:
    return Path(os.environ.get(ENV_DB) or default_db()).expanduser().resolve()


def read_only() -> bool:
    return os.environ.get(ENV_READ_ONLY, "") not in ("", "0")


def uses_sample() -> bool:
    return db_path() == default_db().expanduser().resolve()


@st.cache_resource(show_spinner=False)
def _open_store(path: str, read_only_: bool) -> SharedReader:
    # The dashboard never holds the store's write lock: it reads through one shared read-only
    # connection that is closed whenever it is idle or a writer (`presslens analyze`, an upload)
    # waits (see analysis.store_lock), so writers and this server take turns on the file.
    # The file is checked (and, for the sample, created) here, once per server process.
    if not read_only_ and Path(path) == default_db().expanduser().resolve():
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            Store(path).close()
        except StoreError:
            # The sample store is ours to rebuild (e.g. made by an older presslens); a user's
            # store is never deleted, its error is shown.
            log.warning("rebuilding the sample store %s", path)
            Path(path).unlink(missing_ok=True)
            Path(f"{path}.wal").unlink(missing_ok=True)
            Store(path).close()
    else:
        Store(path, read_only=True).close()
    # DuckDB would take up to 80% of the machine's memory for its buffers; a dashboard needs far
    # less, and its result caches live in Python as well.
    return SharedReader(path, setup=(f"SET memory_limit = '{MEMORY_LIMIT}'",))


def store() -> SharedReader:
    """The store's reader (raises :class:`StoreError` with a clear message if it cannot be used)."""
    return _open_store(str(db_path()), read_only())


def writer() -> Store:
    """The store opened for writing; it takes the file's lock one batch at a time."""
    if read_only():
        raise StoreError("this dashboard was opened read-only; uploads are disabled")
    store()  # checked (and the sample created) first
    return Store(db_path())


def connection():
    """A cursor on the store for one query: ``with connection() as con: ...``."""
    return store().cursor()


# The data version of the current script run (see start_run).
RUN_VERSION_KEY = "_presslens_data_version"


def start_run() -> None:
    """Called once at the start of every script run: the next :func:`version` asks the store."""
    st.session_state.pop(RUN_VERSION_KEY, None)


def version() -> str:
    """Changes whenever the store's articles change (part of every cache key). Asked of the
    store once per script run, not once per view: a page makes ten or more view calls, and
    under load those queries (and the reader's lock they take) were an eighth of the server's
    time. New data still shows on the next interaction, which starts a new run."""
    known = st.session_state.get(RUN_VERSION_KEY)
    if known is not None:
        return known
    with connection() as con:
        current = article_views.data_version(con)
    st.session_state[RUN_VERSION_KEY] = current
    return current


@st.cache_data(max_entries=256, show_spinner=False)
def _cached_view(name: str, db: str, data_version: str, filters: Filters, options: str):
    # The text search is resolved to article ids here, inside the cached call: keyed by the
    # search words, not by the ids they match (tens of thousands on a large store, hashed on
    # every view call of every run before).
    filters = resolve(filters)
    kwargs = json.loads(options)
    for key, value in kwargs.items():  # JSON has no tuples; the views take tuples for lists
        if isinstance(value, list):
            kwargs[key] = tuple(value)
    with connection() as con:
        return VIEWS[name](con, filters, **kwargs)


@st.cache_data(max_entries=64, show_spinner=False)
def _search_ids(db: str, data_version: str, search: str) -> tuple[str, ...]:
    with connection() as con:
        return article_views.search_ids(con, search)


def resolve(filters: Filters | None) -> Filters:
    """``filters`` with its text search replaced by the ids it matches (one scan of the texts
    per search and data version, instead of one per view)."""
    filters = filters or Filters()
    if not filters.search.strip():
        return filters
    ids = _search_ids(str(db_path()), version(), filters.search.strip())
    if filters.article_ids is not None:
        ids = tuple(sorted(set(ids) & set(filters.article_ids)))
    return dataclasses.replace(filters, search="", article_ids=ids)


def view(view_name: str, filters: Filters | None = None, **options):
    """Run the view ``view_name`` (a key of :data:`VIEWS`) over the articles in ``filters``."""
    return _cached_view(
        view_name,
        str(db_path()),
        version(),
        filters or Filters(),
        json.dumps(options, sort_keys=True, default=str),
    )


@st.cache_data(max_entries=64, show_spinner=False)
def _cached_plain(name: str, db: str, data_version: str, options: str):
    kwargs = json.loads(options)
    with connection() as con:
        if name == "filter_options":
            return article_views.filter_options(con)
        if name == "top_names":
            return article_views.top_names(con, **kwargs)
        if name == "known_names":
            return article_views.known_names(con, **kwargs)
        if name == "article_detail":
            return article_views.article_detail(con, **kwargs)
        raise KeyError(name)


def filter_options() -> article_views.FilterOptions:
    return _cached_plain("filter_options", str(db_path()), version(), "{}")


def top_names(kind: str, limit: int = 500) -> tuple[str, ...]:
    return _cached_plain(
        "top_names", str(db_path()), version(), json.dumps({"kind": kind, "limit": limit})
    )


def known_names(kind: str, names: list[str]) -> set[str]:
    return _cached_plain(
        "known_names",
        str(db_path()),
        version(),
        json.dumps({"kind": kind, "names": sorted(names)}),
    )


def article_detail(article_id: str) -> article_views.ArticleDetail | None:
    return _cached_plain(
        "article_detail", str(db_path()), version(), json.dumps({"article_id": article_id})
    )


def is_empty() -> bool:
    return store_counts()["articles"] == 0


@st.cache_resource(show_spinner=False)
def _sample_lock() -> threading.Lock:
    return threading.Lock()


def build_sample(progress: Callable[[int, int], None] | None = None) -> RunSummary:
    """Analyse the bundled ``data/`` folder into the store (first start without ``--db``).
    Two sessions opened at once on first start build it once: the second waits, then finds
    the articles there (one connection cannot run two writes at a time)."""
    from analysis.pipeline import analyze_paths  # spaCy loads only when there is work for it

    with _sample_lock():
        if not is_empty():
            return RunSummary(known=store_counts()["articles"])
        with writer() as target:
            summary, _ = analyze_paths([SAMPLE_DIR], target, progress=progress)
    st.cache_data.clear()
    start_run()  # the store changed within this run
    return summary


def store_counts() -> dict[str, int]:
    with connection() as con:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "quotes", "entities", "figures")
        }


class _CursorQueries:
    """The read side of :class:`Store` on one cursor (what :func:`analysis.export.tables` needs)."""

    def __init__(self, con) -> None:
        self.con = con

    def query(self, sql: str, params=None):
        return self.con.execute(sql, params or []).df()


def csv_zip(filters: Filters) -> bytes:
    """The contract tables in view as one zip of CSV files (formula cells neutralised)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, df in export_tables(filters).items():
            zf.writestr(f"{name}.csv", export.csv_frame(df).to_csv(index=False))
    return buf.getvalue()


def export_tables(filters: Filters) -> dict:
    """The contract tables (articles, quotes, speakers, entities, figures) for the view. Not
    cached: it holds every article's text, and it is only built when a download is clicked."""
    with connection() as con:
        return export.tables(_CursorQueries(con), filters=resolve(filters))


# -- the identity pass's joins (the Entities page's "Merged names") -------------------------------
def name_merges():
    """Every join the identity pass recorded, undone ones included. Not cached: a small table,
    and an undo must show at once."""
    from analysis import identity

    with connection() as con:
        return identity.merges(con)


def set_merge_undone(kind: str, alias: str, undone: bool) -> None:
    """Undo (``undone=True``) or redo a join; the store's names change, so every cached view is
    dropped. No NLP runs: the pass puts the recorded raw names back."""
    from analysis import identity

    with writer() as store, store.session() as con:  # writer() refuses a read-only dashboard
        identity.set_undone(con, kind, alias, undone)
    st.cache_data.clear()
    start_run()  # the store changed within this run
