"""The dashboard's cache (dashboard/data.py): one typed cached function per view, keyed on the
store's data version.

Each function must take exactly its view's options (names, kinds, defaults), hit its cache on a
repeated call, miss on new options or filters, and miss once the store's articles change, so that
what ``presslens analyze`` or an upload adds shows on the next interaction.
"""

from __future__ import annotations

import inspect
import shutil

import pytest
import streamlit as st

from analysis import quote_views
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, Quote
from dashboard import data


def _cached_views() -> dict[str, object]:
    return {name: fn for name, fn in vars(data).items() if hasattr(fn, "view")}


def _options(fn, skip: int) -> list[tuple[str, object, object]]:
    params = list(inspect.signature(fn).parameters.values())[skip:]
    return [(p.name, p.kind, p.default) for p in params]


def test_every_view_has_one_cached_function_with_the_views_options():
    views = _cached_views()
    # The 36 views the pages and the report read, each once (figure_units: the Figures page's
    # currencies; undated_articles: the Entities timeline's note).
    assert len(views) == 36
    assert len({fn.view for fn in views.values()}) == len(views)
    for name, fn in views.items():
        view = fn.view
        assert view.__module__.startswith("analysis.") and view.__module__.endswith("_views")
        # cached: (db, data_version, filters, *options); view: (con, filters, *options)
        assert _options(fn, 3) == _options(view, 2), name
        assert list(inspect.signature(fn).parameters)[:3] == ["db", "data_version", "filters"]


@pytest.fixture
def live_db(sample_db, tmp_path, monkeypatch):
    db = tmp_path / "live.duckdb"
    shutil.copy(sample_db, db)
    monkeypatch.setenv("PRESSLENS_DB", str(db))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    st.cache_data.clear()
    yield db
    st.cache_data.clear()


def test_a_view_runs_once_per_key_and_again_when_the_articles_change(live_db, monkeypatch):
    runs = []
    real = quote_views.speaker_stats

    def counted(con, filters=None, **options):
        runs.append(options)
        return real(con, filters, **options)

    monkeypatch.setattr(quote_views, "speaker_stats", counted)
    first = data.speaker_stats(Filters(), limit=0)
    assert "John Kerry" in first["speaker"].tolist()
    assert data.speaker_stats(Filters(), limit=0).equals(first)
    assert len(runs) == 1  # the second call was a cache hit
    data.speaker_stats(Filters(), limit=5)
    data.speaker_stats(Filters(sources=("nowhere",)), limit=0)
    assert len(runs) == 3  # new options, new filters: misses

    # A batch written while the dashboard is open (what `presslens analyze` does): no cache is
    # cleared, the data version changes, and the next call shows the new speaker.
    text = "“We will rebuild the bridge by spring,” Zara Quill said on Monday."
    new = ArticleResult(
        article=Article(id="cache-test-1", title="Bridge", text=text, source="Test Post"),
        quotes=(
            Quote("cache-test-1", "direct", text[1:39], 1, 39, speaker="Zara Quill",
                  speaker_label="PERSON", polarity=0.2),
        ),
    )  # fmt: skip
    with data.writer() as store:
        store.write_batch([new])
    data.start_run()  # the reader's next interaction is a new script run
    after = data.speaker_stats(Filters(), limit=0)
    assert len(runs) == 4
    assert "Zara Quill" in after["speaker"].tolist()
    assert set(after["speaker"]) - set(first["speaker"]) == {"Zara Quill"}
    assert data.counts(Filters())["articles"] == 2


def test_lookups_are_cached_per_data_version(live_db):
    assert "John Kerry" in data.top_names("speaker")
    assert data.known_names("speaker", ["Nobody Here", "John Kerry"]) == {"John Kerry"}
    ids = data.store_counts()
    assert ids["articles"] == 1
    assert data.article_detail("no-such-id") is None


def test_a_built_chart_is_shared_until_its_view_call_or_the_articles_change(live_db, monkeypatch):
    from dashboard import charts

    data.clear_caches()
    data.start_run()  # a new script run: the data version is asked of this store
    built = []

    def counted(df, **options):
        built.append(options)
        return charts.top_speakers(df, **options)

    def chart(filters: Filters, limit: int = 12):
        return data.figure(counted, data.speaker_stats, filters, dict(limit=limit))

    first = chart(Filters())
    assert "John Kerry" in set(first.data[0].customdata[:, 0])
    # The same view call in another run (or another session): the same figure, not rebuilt.
    data.start_run()
    assert chart(Filters()) is first
    assert len(built) == 1
    # Other filters or view options: another figure, drawn from that view call.
    assert len(chart(Filters(), limit=1).data[0].customdata) == 1
    assert chart(Filters(speakers=("John Kerry",))) is not first
    assert len(built) == 3
    # New articles change the data version: the chart is drawn again, with them.
    text = "“We will rebuild the bridge by spring,” Zara Quill said on Monday."
    new = ArticleResult(
        article=Article(id="cache-test-2", title="Bridge", text=text, source="Test Post"),
        quotes=(
            Quote("cache-test-2", "direct", text[1:39], 1, 39, speaker="Zara Quill",
                  speaker_label="PERSON", polarity=0.2),
        ),
    )  # fmt: skip
    with data.writer() as store:
        store.write_batch([new])
    data.start_run()
    after = chart(Filters(), limit=0)
    assert "Zara Quill" in set(after.data[0].customdata[:, 0])
    # A change the data version does not see (an undone name merge) drops the charts too.
    data.clear_caches()
    assert chart(Filters(), limit=0) is not after
    assert len(built) == 5


def test_the_figure_series_is_shared_not_copied_and_follows_the_articles(live_db):
    # cache_resource: the Figures page reads the (on a large store, ~13,000-point) series on
    # every run, so a hit hands over the same frame instead of unpickling a copy.
    data.clear_caches()
    data.start_run()
    series = data.figure_series(Filters(), category="territory_share")
    assert set(series["location"]) == {"Aleppo"}
    assert data.figure_series(Filters(), category="territory_share") is series
    data.clear_caches()
    assert data.figure_series(Filters(), category="territory_share") is not series
