"""The sidebar's speaker and entity pickers (dashboard/filters_ui.py): the most quoted and most
named listed (data.picker_names, worked out once per data version and shared by every run), any
other name the store holds typed whole or in part, or given by a link."""

from __future__ import annotations

from urllib.parse import quote_plus

import duckdb
from streamlit.testing.v1 import AppTest

from dashboard import data, filters_ui
from tests.apptest import APP, run_page


def _use(db, monkeypatch) -> None:
    monkeypatch.setenv("PRESSLENS_DB", str(db))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)


def _articles_quoting(db, speaker: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        [(n,)] = con.execute(
            "SELECT count(DISTINCT a.id) FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.speaker = ? AND a.duplicate_of IS NULL",
            [speaker],
        ).fetchall()
    return n


def _typed(key: str, value: list[str]) -> AppTest:
    """The Overview with the sidebar's picker ``key`` holding ``value`` as the browser sends
    what the reader typed (AppTest sets listed options only: the state is set before the run)."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.session_state[key] = value
    return at.run()


def test_the_pickers_list_the_most_quoted_and_a_link_may_name_anyone_beyond_them(
    dashboard_db, monkeypatch
):
    """Every stored name had been listed, sent to the browser in every run of every page (~2 MB
    on a million articles): the pickers list the head, most quoted or named first."""
    _use(dashboard_db, monkeypatch)
    at = run_page("overview")
    for kind in ("speaker", "entity"):
        by_count = data.picker_names(kind, limit=filters_ui.PICKER_LIMIT).by_count
        listed = at.multiselect(key=kind).options
        assert listed == list(by_count[: filters_ui.SIDEBAR_LISTED])
    assert "John Kerry" in at.multiselect(key="speaker").options
    # A store with more names than the list holds: the list stays short, and a link naming a
    # speaker beyond it still filters on that speaker, listed after the head.
    monkeypatch.setattr(filters_ui, "SIDEBAR_LISTED", 2)
    speakers = data.picker_names("speaker", limit=filters_ui.PICKER_LIMIT).by_count
    assert len(speakers) > 2
    at = run_page("overview")
    assert at.multiselect(key="speaker").options == list(speakers[:2])
    assert len(at.multiselect(key="entity").options) == 2
    other = speakers[-1]
    at = run_page("overview", {"speaker": other})
    assert not at.exception and not at.warning
    assert at.multiselect(key="speaker").value == [other]
    assert at.multiselect(key="speaker").options == [*speakers[:2], other]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == f"{_articles_quoting(dashboard_db, other):,}"
    # a link's name the store does not know is still dropped with the notice above the page
    at = run_page("overview", {"speaker": [other, "Nobody Atall"]})
    assert at.multiselect(key="speaker").value == [other]
    assert ["Nobody Atall" in w.value for w in at.warning] == [True]


def test_a_name_typed_in_part_into_a_sidebar_picker_filters_on_the_stored_name(
    dashboard_db, monkeypatch
):
    """Beyond the listed head, a name is typed (the pickers take any): the one stored name
    containing it is taken; words no name contains are said so beside the pickers, and filter
    nothing."""
    _use(dashboard_db, monkeypatch)
    monkeypatch.setattr(filters_ui, "SIDEBAR_LISTED", 2)
    for kind in ("speaker", "entity"):
        names = data.picker_names(kind, limit=filters_ui.PICKER_LIMIT).by_count
        beyond = next(
            n
            for n in names[2:]
            if len(n) > 4 and sum(n[1:-1].casefold() in m.casefold() for m in names) == 1
        )
        at = _typed(kind, [beyond[1:-1].lower()])
        assert not at.exception, at.exception[0].value if at.exception else ""
        assert not at.warning, [w.value for w in at.warning]
        assert at.multiselect(key=kind).value == [beyond]
        assert beyond in at.multiselect(key=kind).options
        # the filter is the view's: its link holds the stored name
        assert f"?{kind}={quote_plus(beyond)})" in "\n".join(c.value for c in at.caption)
    other = data.picker_names("speaker", limit=filters_ui.PICKER_LIMIT).by_count[-1]
    at = _typed("speaker", [other.lower()])  # a stored name in another case: that name
    assert at.multiselect(key="speaker").value == [other]
    assert {m.label: m.value for m in at.metric}["Articles"] == (
        f"{_articles_quoting(dashboard_db, other):,}"
    )
    at = _typed("speaker", ["zzqx"])
    assert not at.exception and not at.warning
    assert at.multiselect(key="speaker").value == []
    said = "\n".join(c.value for c in at.sidebar.caption)
    assert "No name in the store contains “zzqx”." in said
    # where the names searched stop at the limit, the caption does not say the whole store
    monkeypatch.setattr(filters_ui, "PICKER_LIMIT", 3)
    at = _typed("speaker", ["zzqx"])
    said = "\n".join(c.value for c in at.sidebar.caption)
    assert "None of the 3 names most written about contains “zzqx”" in said
    assert at.multiselect(key="speaker").value == []


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
