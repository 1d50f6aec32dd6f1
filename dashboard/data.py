"""The dashboard's one caching module: which store it reads, the shared reader, cached views.

Every ``st.cache_*`` of the app lives here (house style). Pages never run NLP and never write
SQL: they call the function here named after the view they show (``data.speaker_stats(filters,
limit=30)``), one typed, cached function per ``analysis.*_views`` view; results are cached per
(store, data version, filters, options), so a rerun that changes nothing costs nothing and new
data (an upload, a run of ``presslens analyze`` into the same file) is picked up because the data
version changes. NLP runs in this process only to build the sample store on first start and to
analyse uploaded files.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import logging
import os
import threading
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import pandas as pd
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
    summaries,
)
from analysis.filters import Filters, pin
from analysis.records import RunSummary
from analysis.store import OlderStore, Store, StoreError
from analysis.store_lock import SharedReader
from dashboard import activity
from dashboard.settings import (  # noqa: F401 - re-exported: pages and tests read them here
    ENV_DB,
    ENV_LINK_BASE,
    ENV_READ_ONLY,
    ENV_WARM_PLACES,
    SAMPLE_DIR,
    default_db,
)

log = logging.getLogger(__name__)

MEMORY_LIMIT = os.environ.get("PRESSLENS_DUCKDB_MEMORY", "512MB")


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
        try:
            Store(path, read_only=True).close()
        except OlderStore:
            if read_only_:
                raise
            Store(path).close()  # made by an older presslens: upgraded in place, once
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
    _article_index(current)
    return current


def warm(picker_limit: int) -> str | None:
    """Work out at server start what a process's first page run needs whatever the page: the
    store checked and opened, its data version, its article index mapped, the sidebar's dates,
    outlets and tags, the pickers' name lists (:func:`picker_names` with ``picker_limit``) and,
    unless ``PRESSLENS_WARM_PLACES=0``, the Places page's map of the whole store — that one in
    the first pause of :data:`dashboard.activity.QUIET_SECONDS` without a page run.
    Called by :mod:`dashboard.serve` in a background thread once Streamlit's runtime is up; the
    first visitor's run then finds them cached (a run that needs one meanwhile waits for it
    instead of computing it again: Streamlit locks each cached value while it is computed). On a
    million articles that was 1–1.5 s of the first page. Returns the data version warmed, or
    None when there is nothing to warm: a store not yet made, or the sample before its first
    run builds it (with a progress bar the visitor sees)."""
    path = db_path()
    if not path.exists():
        return None
    store()
    with connection() as con:
        current = article_views.data_version(con)
    if current.startswith("0:"):
        return None
    _article_index(current)
    _filter_options(str(path), current)
    for kind in ("speaker", "entity"):
        _picker_names(str(path), current, kind, picker_limit)
    if os.environ.get(ENV_WARM_PLACES, "1") != "0":
        # One page's data, 20-30 s of CPU at a million articles: only in a pause between page
        # runs, never beside a visitor's first pages (dashboard.activity)
        activity.wait_idle()
        # The Places page's unfiltered map, which its first visitor would wait for: every place
        # in the store located and settled in its articles (the gazetteer itself is loaded by
        # dashboard.serve at start), and so the settlement every filtered map reads. At a
        # million articles that was 2.3-2.6 s of the page.
        _all_places(str(path), current, Filters())
        # and the names a year's map locates beyond the store's own (the year links are the
        # filters a reader tries first): at a million articles 48,000 names, 1.8 s here
        with connection() as con:
            names = place_views.year_names(con)
        _place_settlement().locate_ahead(names)
    return current


def _article_index(data_version: str) -> None:
    """Map the store's article index for this data version if it is built, and on a very large
    store start building it if not (:mod:`analysis.article_index`): the row filters' views then
    gather the rows of their articles instead of scanning every row. Never stops a page."""
    from analysis import article_index

    try:
        n_articles = int(data_version.split(":", 1)[0])
        article_index.ensure(db_path(), data_version, n_articles)
    except Exception as exc:  # noqa: BLE001 - the views read the store without it
        log.warning("article index of %s not used: %s", db_path(), exc)


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


def pinned(con, filters: Filters | None, data_version: str) -> Filters:
    """``filters`` resolved (:func:`resolve`) and its articles in view pinned in the reader's
    memory for the views of a page (:func:`analysis.filters.pin`); filters that are not pinned
    (a date range, outlets, none) carry the data version they are read at, so that a list's
    texts may come from the article index (:func:`analysis.filters.kept_rows`)."""
    # named by the search words, not the ids they resolve to
    f = pin(con, resolve(filters), version=data_version, key=filters or Filters())
    if summaries.pending(con):  # a run is writing (or was killed): its days not yet recounted
        f = dataclasses.replace(f, from_rows=True)
    return f if f.id_table is not None else dataclasses.replace(f, id_version=data_version)


# -- the cached views: one function per view -------------------------------------------------
# Each view of analysis/*_views.py has one typed function here, cached by st.cache_data. A page
# calls it with the current Filters and the view's own options; _keyed fills in the store's path,
# its data version (it changes whenever the articles do, so a new batch or an upload is a new key
# and shows on the next interaction) and the filters, which are the first arguments of the
# cached function and so part of its key. A text search is resolved to article ids inside the
# cached function (resolve), so the key holds the search words, not the tens of thousands of ids
# they can match on a large store (hashed on every view call of every run otherwise). The connection is not an argument: the function
# takes a cursor from the shared reader when it runs, so a cache hit opens nothing. Options
# mirror the view's, defaults included (tests/test_data_cache.py holds them equal).
ENTRIES = 16  # results kept per view (34 views): a session's recent filter choices, not every one

P = ParamSpec("P")
T = TypeVar("T")
Cached = Callable[Concatenate[str, str, Filters, P], T]
Keyed = Callable[Concatenate[Filters | None, P], T]


def _keyed(view: Callable[..., object]) -> Callable[[Cached[P, T]], Keyed[P, T]]:
    """The page-facing form of the cached function of ``view``: called with the filters and the
    view's options; the store, its data version and the resolved filters are filled in."""

    def decorate(cached: Cached[P, T]) -> Keyed[P, T]:
        @functools.wraps(cached)
        def call(filters: Filters | None, /, *args: P.args, **kwargs: P.kwargs) -> T:
            return cached(str(db_path()), version(), filters or Filters(), *args, **kwargs)

        call.view = view  # type: ignore[attr-defined] - read by tests/test_data_cache.py
        return call

    return decorate


@_keyed(article_views.corpus_counts)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def counts(db: str, data_version: str, filters: Filters) -> dict[str, int]:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return article_views.corpus_counts(con, filters)


@_keyed(article_views.speaker_quote_count)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def speaker_quote_count(db: str, data_version: str, filters: Filters) -> int:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return article_views.speaker_quote_count(con, filters)


@_keyed(article_views.articles_over_time)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def articles_over_time(
    db: str, data_version: str, filters: Filters, *, granularity: str = "week"
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return article_views.articles_over_time(con, filters, granularity=granularity)


@_keyed(article_views.outlets_in_view)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def outlets_in_view(db: str, data_version: str, filters: Filters) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return article_views.outlets_in_view(con, filters)


@_keyed(article_views.article_list)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def article_list(
    db: str, data_version: str, filters: Filters, *, limit: int | None = 1000
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return article_views.article_list(con, filters, limit=limit)


@_keyed(article_views.article_in_view)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def article_in_view(db: str, data_version: str, filters: Filters, *, article_id: str) -> bool:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return article_views.article_in_view(con, filters, article_id=article_id)


@_keyed(quote_views.speaker_stats)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def speaker_stats(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    limit: int = 25,
    min_quotes: int = 1,
    scorer: str = "textblob",
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return quote_views.speaker_stats(
            con, filters, limit=limit, min_quotes=min_quotes, scorer=scorer
        )


@_keyed(quote_views.sentiment_over_time)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def sentiment_over_time(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    speakers: Sequence[str],
    granularity: str = "week",
    scorer: str = "textblob",
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return quote_views.sentiment_over_time(
            con, filters, speakers=tuple(speakers), granularity=granularity, scorer=scorer
        )


@_keyed(quote_views.speaker_quotes)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def speaker_quotes(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    speakers: Sequence[str] | None = None,
    limit: int | None = 500,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return quote_views.speaker_quotes(con, filters, speakers=_tuple(speakers), limit=limit)


@_keyed(attitude_views.attitude_matrix)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def attitude_matrix(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    scorer: str = "textblob",
    holders: int = 10,
    targets: int = 12,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return attitude_views.attitude_matrix(
            con, filters, scorer=scorer, holders=holders, targets=targets
        )


@_keyed(attitude_views.attitude_scorers)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def attitude_scorers(db: str, data_version: str, filters: Filters) -> list[str]:
    with connection() as con:
        return attitude_views.attitude_scorers(con, filters)


# The Speakers page's sentences of the matrix cells clicked, at most (newest first).
ATTITUDE_SENTENCES = 200


@_keyed(attitude_views.attitude_sentences)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def attitude_sentences(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    scorer: str = "textblob",
    pairs: Sequence[tuple[str, str]] = (),
    limit: int = 200,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return attitude_views.attitude_sentences(
            con, filters, scorer=scorer, pairs=tuple(tuple(p) for p in pairs), limit=limit
        )


@_keyed(entity_views.top_entities)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def top_entities(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    label: str | tuple[str, ...] | None = None,
    limit: int = 25,
    by: str = "articles",
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return entity_views.top_entities(con, filters, label=label, limit=limit, by=by)


@_keyed(entity_views.top_entities_by_label)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def top_entities_by_label(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP"),
    limit: int = 10,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return entity_views.top_entities_by_label(con, filters, labels=labels, limit=limit)


@_keyed(entity_views.mentions_over_time)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def mentions_over_time(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    names: Sequence[str] | None = None,
    label: str | None = None,
    granularity: str = "week",
    top: int = 5,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return entity_views.mentions_over_time(
            con, filters, names=_tuple(names), label=label, granularity=granularity, top=top
        )


@_keyed(entity_views.undated_articles)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def undated_articles(
    db: str, data_version: str, filters: Filters, *, names: Sequence[str]
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return entity_views.undated_articles(con, filters, names=_tuple(names))


@_keyed(entity_views.cooccurrences)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def cooccurrences(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    labels: tuple[str, ...] | None = None,
    min_weight: int = 1,
    limit: int = 100,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return entity_views.cooccurrences(
            con, filters, labels=labels, min_weight=min_weight, limit=limit
        )


@_keyed(entity_views.entity_articles)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def entity_articles(
    db: str, data_version: str, filters: Filters, *, name: str, limit: int | None = None
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return entity_views.entity_articles(con, filters, name=name, limit=limit)


@_keyed(figure_views.figure_table)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def figure_table(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    category: str | None = None,
    location: str | None = None,
    subject: str | None = None,
    limit: int | None = None,
    scope: str | None = None,
    counted: str | None = None,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return figure_views.figure_table(
            con, filters, category=category, location=location, subject=subject,
            limit=limit, scope=scope, counted=counted,
        )  # fmt: skip


@_keyed(figure_views.figure_timeline)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def figure_timeline(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    category: str,
    location: str | None = None,
    subject: str | None = None,
    per_day: bool = True,
    scope: str | None = None,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return figure_views.figure_timeline(
            con, filters, category=category, location=location, subject=subject,
            per_day=per_day, scope=scope,
        )  # fmt: skip


@_keyed(figure_views.conflicting_figures)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def conflicting_figures(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    category: str | None = None,
    min_relative_difference: float = 0.0,
    scope: str | None = None,
    window_days: int = 3,
    limit: int | None = None,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return figure_views.conflicting_figures(
            con, filters, category=category, min_relative_difference=min_relative_difference,
            scope=scope, window_days=window_days, limit=limit,
        )  # fmt: skip


@_keyed(figure_views.conflict_groups)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def conflict_groups(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    category: str | None = None,
    min_relative_difference: float = 0.0,
    limit: int = 200,
    scope: str | None = None,
    window_days: int = 3,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return figure_views.conflict_groups(
            con, filters, category=category, min_relative_difference=min_relative_difference,
            limit=limit, scope=scope, window_days=window_days,
        )  # fmt: skip


@_keyed(figure_views.category_counts)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def category_counts(
    db: str, data_version: str, filters: Filters, *, scope: str | None = None
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return figure_views.category_counts(con, filters, scope=scope)


@_keyed(figure_views.figure_series)
# Shared, not copied (cache_resource): on the 50,000-article store a category's series is
# ~13,000 points, and unpickling cache_data's copy cost 0.11 s of CPU on every run of the
# Figures page, which reads it only to check it is not empty and to choose the log scale (the
# chart itself comes built from data.figure). Callers never modify the frame.
@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def figure_series(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    category: str,
    places: int = 8,
    scope: str | None = None,
    unit: str | None = None,
    groups: int = figure_views.GROUPS_CHARTED,
    max_points: int | None = None,
    period: str | None = None,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return figure_views.figure_series(
            con, filters, category=category, places=places, scope=scope, unit=unit,
            groups=groups, max_points=max_points, period=period,
        )  # fmt: skip


@_keyed(figure_views.figure_units)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def figure_units(
    db: str, data_version: str, filters: Filters, *, category: str, scope: str | None = None
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return figure_views.figure_units(con, filters, category=category, scope=scope)


@_keyed(figure_views.headline_figures)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def headline_figures(
    db: str, data_version: str, filters: Filters, *, scope: str | None = None
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return figure_views.headline_figures(con, filters, scope=scope)


@_keyed(search_views.ranked_list)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def ranked_list(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    search: str,
    limit: int = 50,
    offset: int = 0,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return search_views.ranked_list(con, filters, search=search, limit=limit, offset=offset)


@_keyed(compare_views.group_sizes)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def compare_sizes(
    db: str, data_version: str, filters: Filters, *, groups: tuple[str, ...]
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return compare_views.group_sizes(con, filters, groups=groups)


@_keyed(compare_views.attention_over_time)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def compare_attention(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    groups: tuple[str, ...],
    granularity: str = "month",
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return compare_views.attention_over_time(
            con, filters, groups=groups, granularity=granularity
        )


@_keyed(compare_views.top_speakers)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def compare_speakers(
    db: str, data_version: str, filters: Filters, *, groups: tuple[str, ...], limit: int = 10
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return compare_views.top_speakers(con, filters, groups=groups, limit=limit)


@_keyed(compare_views.speaker_sentiment)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def compare_tone(
    db: str, data_version: str, filters: Filters, *, groups: tuple[str, ...], limit: int = 12
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return compare_views.speaker_sentiment(con, filters, groups=groups, limit=limit)


@_keyed(compare_views.figures_by_place)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def compare_figures(
    db: str, data_version: str, filters: Filters, *, groups: tuple[str, ...], limit: int = 30
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return compare_views.figures_by_place(con, filters, groups=groups, limit=limit)


def _place_settlement() -> place_views.Settlement:
    """Where the store's place names lie (:func:`analysis.place_views.settlement`), worked out
    once per data version and shared by every view, session and report of the process: at a
    million articles 5-6 s, which each filter change had paid again in part (0.5-0.9 s of
    queries for a year)."""
    with connection() as con:
        return place_views.settlement(con)


@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def _all_places(db: str, data_version: str, filters: Filters) -> pd.DataFrame:
    """Every place in view: what the region picker and each region's map are cut from (each
    computed anew had located every name of the view two and three times over)."""
    settlement = _place_settlement()
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return place_views.settled_places(con, filters, settlement)


@_keyed(place_views.places)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def places(db: str, data_version: str, filters: Filters, *, region: str = "") -> pd.DataFrame:
    return place_views.in_region(_all_places(db, data_version, filters), region)


@_keyed(place_views.regions)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def place_regions(db: str, data_version: str, filters: Filters) -> tuple[str, ...]:
    return place_views.regions_of(_all_places(db, data_version, filters))


@_keyed(place_views.place_figures)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def place_figures(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    names: tuple[str, ...],
    country: str | None = None,
    region: str | None = None,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return place_views.place_figures(
            con, filters, names=tuple(names), country=country, region=region
        )


@_keyed(place_views.place_articles)
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def place_articles(
    db: str,
    data_version: str,
    filters: Filters,
    *,
    names: tuple[str, ...],
    limit: int = 200,
    country: str | None = None,
    region: str | None = None,
) -> pd.DataFrame:
    with connection() as con:
        filters = pinned(con, filters, data_version)  # in the cache: keyed by the search words
        return place_views.place_articles(
            con, filters, names=tuple(names), limit=limit, country=country, region=region
        )


def _tuple(values: Sequence[str] | None) -> tuple[str, ...] | None:
    # A page may hand over a list; the views are given tuples (as they were when options went
    # through the cache as JSON), and None stays "not given".
    return None if values is None else tuple(values)


# -- lookups that do not depend on the filters: keyed on the store and its data version -------
@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def _filter_options(db: str, data_version: str) -> article_views.FilterOptions:
    with connection() as con:
        return article_views.filter_options(con)


def filter_options() -> article_views.FilterOptions:
    return _filter_options(str(db_path()), version())


@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def _top_names(db: str, data_version: str, kind: str, limit: int) -> tuple[str, ...]:
    with connection() as con:
        return article_views.top_names(con, kind, limit=limit)


def top_names(kind: str, limit: int = 500) -> tuple[str, ...]:
    return _top_names(str(db_path()), version(), kind, limit)


@dataclasses.dataclass(frozen=True)
class PickerNames:
    """The names a picker matches what the reader typed against, sorted; the same as a set
    (the values a link may carry); and most written about first (the sidebar lists the head)."""

    ordered: tuple[str, ...]
    known: frozenset[str]
    by_count: tuple[str, ...]


@st.cache_resource(max_entries=ENTRIES, show_spinner=False)
def _picker_names(db: str, data_version: str, kind: str, limit: int) -> PickerNames:
    # Sorted and made a set once per data version, not on every run of every session (on the
    # 50,000-article store: 50,000 entity names, 9,000 speakers). cache_resource: both are
    # immutable, so a hit needs no copy (cache_data would unpickle 60,000 strings per run).
    with connection() as con:
        names = article_views.top_names(con, kind, limit=limit)
    return PickerNames(ordered=tuple(sorted(names)), known=frozenset(names), by_count=names)


def picker_names(kind: str, limit: int) -> PickerNames:
    """The ``limit`` names of ``kind`` (``speaker`` or ``entity``) most written about, sorted."""
    return _picker_names(str(db_path()), version(), kind, limit)


@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def _known_names(db: str, data_version: str, kind: str, names: tuple[str, ...]) -> set[str]:
    with connection() as con:
        return article_views.known_names(con, kind, list(names), version=data_version)


def known_names(kind: str, names: list[str]) -> set[str]:
    return _known_names(str(db_path()), version(), kind, tuple(sorted(names)))


@st.cache_data(max_entries=ENTRIES, show_spinner=False)
def _article_detail(
    db: str, data_version: str, article_id: str
) -> article_views.ArticleDetail | None:
    with connection() as con:
        return article_views.article_detail(con, article_id)


def article_detail(article_id: str) -> article_views.ArticleDetail | None:
    return _article_detail(str(db_path()), version(), article_id)


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
    with connection() as con:
        return entity_views.name_merges(con)


def set_merge_undone(kind: str, alias: str, undone: bool) -> None:
    """Undo (``undone=True``) or redo a join; the store's names change, so every cached view is
    dropped. No NLP runs: the pass puts the recorded raw names back."""
    from analysis import identity

    with writer() as store, store.session() as con:  # writer() refuses a read-only dashboard
        identity.set_undone(con, kind, alias, undone)
    clear_caches()  # the names changed under the same data version
    start_run()  # the store changed within this run


# -- built charts: one Plotly figure per chart, view call and data version, for every session --
# Building a figure is most of a warm page run's CPU: Plotly validates every point and property
# as a trace is added (0.27 s for the ~13,000 points of the Figures timeline on the 50,000-
# article store, against 0.07 s to serialise it), and a page switch or a filter another session
# already chose would build it again. So a page asks for the figure, not the frame, and gets the
# one built for the same view call. cache_resource, not cache_data: a hit returns the figure
# itself (cache_data would pickle it, and unpickling re-validates every point). A cached figure
# is never changed afterwards: st.plotly_chart and the downloads only read it, and the HTML
# report copies it before resizing it.
FIGURES = 48  # built charts kept; the largest (13,000 points) holds about 5 MB


def _qualified(fn: Callable[..., object]) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


@st.cache_resource(max_entries=FIGURES, show_spinner=False)
def _figure(
    db: str,
    data_version: str,
    filters: Filters,
    chart: str,
    view: str,
    view_options: tuple,
    chart_options: tuple,
    _build: Callable[[], object],
):
    # The key is everything the figure is drawn from: the store and its data version, the
    # view's name, filters and options, the chart factory's name and options. _build (not
    # hashed) draws it from exactly those.
    return _build()


def figure(
    chart: Callable[..., T],
    view: Keyed[P, object],
    filters: Filters | None,
    view_options: dict | None = None,
    /,
    **chart_options,
) -> T:
    """``chart(view(filters, **view_options), **chart_options)``, built once per store, data
    version and arguments and shared by every session. ``view`` is one of the cached view
    functions above (its frame comes from its own cache when the figure has to be built)."""
    filters = filters or Filters()
    view_options = dict(view_options or {})

    def build():
        return chart(view(filters, **view_options), **chart_options)

    return _figure(
        str(db_path()),
        version(),
        filters,
        _qualified(chart),
        _qualified(view),
        tuple(sorted(view_options.items())),
        tuple(sorted(chart_options.items())),
        build,
    )


def clear_caches() -> None:
    """Drop every cached view and built chart (for a change the data version does not see)."""
    st.cache_data.clear()
    figure_series.__wrapped__.clear()  # the one view shared through cache_resource
    _figure.clear()


@st.cache_resource(show_spinner=False)
def app_version() -> str:
    """The installed presslens version, read once per server (the page footer shows it on
    every run; reading the package metadata scans the installed distributions)."""
    from dashboard.options import presslens_version

    return presslens_version()
