"""The dashboard's one caching module: which store it reads, the open connection, cached views.

Every ``st.cache_*`` of the app lives here (house style). Pages never run NLP and never write
SQL: they call :func:`view` with the name of an ``analysis.*_views`` function and the current
:class:`~analysis.filters.Filters`; results are cached per (store, data version, filters, options),
so a rerun that changes nothing costs nothing and new data (an upload, a run of ``presslens
analyze`` into the same file) is picked up because the data version changes. NLP runs in this
process only to build the sample store on first start and to analyse uploaded files.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from analysis import article_views, entity_views, export, figure_views, quote_views
from analysis.filters import Filters
from analysis.records import Failure, RunSummary
from analysis.store import Store, StoreError

log = logging.getLogger(__name__)

ENV_DB = "PRESSLENS_DB"  # set by `presslens dashboard --db FILE`
ENV_READ_ONLY = "PRESSLENS_READ_ONLY"  # set by `presslens report`: never write, no uploads
# Set by `presslens report`: where "Link to this view" points (the report's own server is gone
# once the report is written; the links should open the user's dashboard).
ENV_LINK_BASE = "PRESSLENS_LINK_BASE"
SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data"
MEMORY_LIMIT = os.environ.get("PRESSLENS_DUCKDB_MEMORY", "512MB")

VIEWS: dict[str, Callable] = {
    "counts": article_views.corpus_counts,
    "articles_over_time": article_views.articles_over_time,
    "article_list": article_views.article_list,
    "speaker_stats": quote_views.speaker_stats,
    "sentiment_over_time": quote_views.sentiment_over_time,
    "speaker_quotes": quote_views.speaker_quotes,
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
}


def default_db() -> Path:
    """The store built from the bundled sample when no ``--db`` is given."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "presslens" / "sample.duckdb"


def db_path() -> Path:
    return Path(os.environ.get(ENV_DB) or default_db()).expanduser().resolve()


def read_only() -> bool:
    return os.environ.get(ENV_READ_ONLY, "") not in ("", "0")


def uses_sample() -> bool:
    return db_path() == default_db().expanduser().resolve()


@st.cache_resource(show_spinner=False)
def _open_store(path: str, read_only_: bool) -> Store:
    # One connection per server process; each query runs on its own cursor (DuckDB connections
    # are not meant to be shared between the threads Streamlit runs sessions in).
    if not read_only_:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        store = Store(path, read_only=read_only_)
    except StoreError:
        # The sample store is ours to rebuild (e.g. made by an older presslens); a user's
        # store is never deleted, its error is shown.
        if read_only_ or Path(path) != default_db().expanduser().resolve():
            raise
        log.warning("rebuilding the sample store %s", path)
        Path(path).unlink(missing_ok=True)
        Path(f"{path}.wal").unlink(missing_ok=True)
        store = Store(path)
    # DuckDB would take up to 80% of the machine's memory for its buffers; a dashboard needs far
    # less, and its result caches live in Python as well.
    store.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    threading.Thread(target=_warm_search, args=(store,), daemon=True).start()
    return store


def _warm_search(store: Store) -> None:
    """Read the text-search column once in the background, so that a reader's first search
    does not pay for loading it (on 50,000 articles: ~0.15–0.4 s cold, ~0.06 s warm)."""
    try:
        con = store.con.cursor()
        try:
            con.execute("SELECT count(*) FROM articles WHERE contains(search_text, chr(0))")
        finally:
            con.close()
    except Exception:  # a closed or changed store: nothing to warm, and nothing is lost
        log.debug("search warm-up skipped", exc_info=True)


def store() -> Store:
    """The open store (raises :class:`StoreError` with a clear message if it cannot be used)."""
    return _open_store(str(db_path()), read_only())


def connection():
    """A fresh cursor on the store, for one query."""
    return store().con.cursor()


def version() -> str:
    """Changes whenever the store's articles change (part of every cache key)."""
    con = connection()
    try:
        return article_views.data_version(con)
    finally:
        con.close()


@st.cache_data(max_entries=256, show_spinner=False)
def _cached_view(name: str, db: str, data_version: str, filters: Filters, options: str):
    kwargs = json.loads(options)
    for key, value in kwargs.items():  # JSON has no tuples; the views take tuples for lists
        if isinstance(value, list):
            kwargs[key] = tuple(value)
    con = connection()
    try:
        return VIEWS[name](con, filters, **kwargs)
    finally:
        con.close()


@st.cache_data(max_entries=64, show_spinner=False)
def _search_ids(db: str, data_version: str, search: str) -> tuple[str, ...]:
    con = connection()
    try:
        return article_views.search_ids(con, search)
    finally:
        con.close()


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
        resolve(filters),
        json.dumps(options, sort_keys=True, default=str),
    )


@st.cache_data(max_entries=64, show_spinner=False)
def _cached_plain(name: str, db: str, data_version: str, options: str):
    kwargs = json.loads(options)
    con = connection()
    try:
        if name == "filter_options":
            return article_views.filter_options(con)
        if name == "top_names":
            return article_views.top_names(con, **kwargs)
        if name == "known_names":
            return article_views.known_names(con, **kwargs)
        if name == "article_detail":
            return article_views.article_detail(con, **kwargs)
        raise KeyError(name)
    finally:
        con.close()


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


def build_sample(progress: Callable[[int, int], None] | None = None) -> RunSummary:
    """Analyse the bundled ``data/`` folder into the store (first start without ``--db``)."""
    from analysis.pipeline import analyze_paths  # spaCy loads only when there is work for it

    summary, _ = analyze_paths([SAMPLE_DIR], store(), progress=progress)
    st.cache_data.clear()
    return summary


def analyse_uploads(
    files: list[tuple[str, bytes]], progress: Callable[[int, int], None] | None = None
) -> RunSummary:
    """Analyse uploaded files (name, content) into the store; the names keep their extensions,
    which decide how each file is read. Bad files are reported in the summary, not raised."""
    if read_only():
        raise StoreError("this dashboard was opened read-only; uploads are disabled")
    from analysis.pipeline import analyze_paths  # spaCy loads only when there is work for it

    with tempfile.TemporaryDirectory(prefix="presslens-upload-") as tmp:
        paths = []
        for i, (name, content) in enumerate(files):
            # A folder per file keeps two uploads with the same name apart and the name intact
            # (it is what error messages show).
            folder = Path(tmp) / str(i)
            folder.mkdir()
            path = folder / Path(name).name
            path.write_bytes(content)
            paths.append(path)
        summary, _ = analyze_paths(paths, store(), progress=progress)
        # Name each failed file as the user knows it, not by its temporary path.
        summary.failures = [
            Failure(f.path.replace(f"{tmp}/", "").split("/", 1)[-1], f.reason)
            for f in summary.failures
        ]
    st.cache_data.clear()
    return summary


def store_counts() -> dict[str, int]:
    con = connection()
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "quotes", "entities", "figures")
        }
    finally:
        con.close()


class _CursorQueries:
    """The read side of :class:`Store` on one cursor (what :func:`analysis.export.tables` needs)."""

    def __init__(self, con) -> None:
        self.con = con

    def query(self, sql: str, params=None):
        return self.con.execute(sql, params or []).df()


def export_tables(filters: Filters) -> dict:
    """The contract tables (articles, quotes, speakers, entities, figures) for the view. Not
    cached: it holds every article's text, and it is only built when a download is clicked."""
    con = connection()
    try:
        return export.tables(_CursorQueries(con), filters=resolve(filters))
    finally:
        con.close()


# -- exploration views (issue 15): ranked search results, comparisons, places -------------------
# A separate block so that it merges cleanly with changes to the views above.
from analysis import compare_views, place_views, search_views  # noqa: E402

VIEWS.update(
    {
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
)
