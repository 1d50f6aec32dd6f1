"""The sidebar's speaker and entity pickers (dashboard/filters_ui.py): every name the store holds,
sorted once per data version and shared by every run (data.picker_names), and a link may still
name one beyond the list when the store knows it."""

from __future__ import annotations

from dashboard import data, filters_ui
from tests.apptest import run_page


def test_the_pickers_list_every_name_sorted_and_a_link_may_name_one_beyond_them(
    dashboard_db, monkeypatch
):
    monkeypatch.setenv("PRESSLENS_DB", str(dashboard_db))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    at = run_page("overview")
    listed = at.multiselect(key="speaker").options
    assert "John Kerry" in listed and "Maria Lopez" in listed
    assert listed == sorted(listed)
    names = data.picker_names("speaker", limit=filters_ui.PICKER_LIMIT)
    assert list(names.ordered) == listed and names.known == set(listed)
    # With the pickers cut to the two names most quoted, a link naming a third one the store
    # knows still filters on it, and the picker lists it.
    monkeypatch.setattr(filters_ui, "PICKER_LIMIT", 2)
    short = data.picker_names("speaker", limit=2).ordered
    other = next(n for n in listed if n not in short)
    at = run_page("overview", {"speaker": other})
    assert not at.exception and not at.warning
    assert at.multiselect(key="speaker").value == [other]
    assert at.multiselect(key="speaker").options == sorted({*short, other})


def test_the_server_warms_the_sidebar_so_the_first_run_queries_none_of_it(
    dashboard_db, monkeypatch, tmp_path
):
    import shutil

    from analysis import article_views

    # No store at the path yet: nothing to warm, and nothing is made there.
    missing = tmp_path / "not-yet.duckdb"
    monkeypatch.setenv("PRESSLENS_DB", str(missing))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    assert filters_ui.warm() is None and not missing.exists()

    # A store of its own path, so that no earlier test's run has cached its lists.
    db = tmp_path / "warmed.duckdb"
    shutil.copy(dashboard_db, db)
    monkeypatch.setenv("PRESSLENS_DB", str(db))
    asked: list[str] = []
    top_names, filter_options = article_views.top_names, article_views.filter_options

    def counted_top_names(con, kind, **kwargs):
        asked.append(kind)
        return top_names(con, kind, **kwargs)

    def counted_filter_options(con):
        asked.append("options")
        return filter_options(con)

    monkeypatch.setattr(article_views, "top_names", counted_top_names)
    monkeypatch.setattr(article_views, "filter_options", counted_filter_options)
    from analysis import geo, place_views

    all_places, all_settle = place_views.settled_places, place_views.settle

    def counted_places(con, filters, settlement, **kwargs):
        asked.append("places")
        return all_places(con, filters, settlement, **kwargs)

    def counted_settle(con):
        asked.append("settle")
        return all_settle(con)

    monkeypatch.setattr(place_views, "settled_places", counted_places)
    monkeypatch.setattr(place_views, "settle", counted_settle)

    geo.locate.cache_clear()
    version = filters_ui.warm()  # what dashboard.serve runs in the background at start
    with data.connection() as con:
        assert version == article_views.data_version(con)
        places = con.execute(
            "SELECT count(DISTINCT name) FROM entities WHERE label IN ('GPE', 'LOC', 'FAC')"
        ).fetchone()[0]
    assert sorted(asked) == ["entity", "options", "places", "settle", "speaker"]
    # and the Places page's map of the whole store, with the gazetteer's look-ups of its places
    assert places > 0 and geo.locate.cache_info().currsize >= places

    # The first page run finds them all cached: the store is not asked for them again.
    asked.clear()
    at = run_page("overview")
    assert not at.exception
    assert "John Kerry" in at.multiselect(key="speaker").options
    assert asked == []
    at = run_page("places")  # the map of the whole store: worked out at the server's start
    assert not at.exception and asked == []
