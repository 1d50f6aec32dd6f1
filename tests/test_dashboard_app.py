"""The dashboard as a person uses it, through Streamlit's AppTest: every page on a real store,
filters that round-trip through the URL, links with bad values, empty states, upload, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import components

APP = Path(__file__).resolve().parents[1] / "dashboard" / "streamlit_app.py"
PAGES = ["overview", "speakers", "entities", "figures", "articles", "data"]
TITLES = {p: p.capitalize() for p in PAGES}
# Charts each page draws on the dashboard store (sample + three dated articles).
MIN_CHARTS = {"overview": 3, "speakers": 3, "entities": 3, "figures": 2, "articles": 0, "data": 0}


def run_page(db: Path, page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    return at.run()


@pytest.fixture
def use_db(monkeypatch):
    def _use(db: Path, *, read_only: bool = False) -> None:
        monkeypatch.setenv("PRESSLENS_DB", str(db))
        if read_only:
            monkeypatch.setenv("PRESSLENS_READ_ONLY", "1")
        else:
            monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)

    return _use


def _texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(page, dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, page)
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert [t.value for t in at.title] == [TITLES[page]]
    charts = at.get("plotly_chart")
    assert len(charts) >= MIN_CHARTS[page]
    # Every page ends with its report buttons and the footer naming the view.
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Report (HTML)" in labels and "Report (PDF)" in labels
    assert "filters: none (all articles)" in _texts(at.caption)
    # Every chart offers PNG and SVG downloads.
    assert labels.count("PNG") == len(charts) and labels.count("SVG") == len(charts)


def test_overview_counts_the_store(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "5"
    assert int(metrics["Quotes"]) > 22  # the sample alone has 22
    assert int(metrics["Figures"]) >= 8


def test_filters_come_from_the_url_and_narrow_every_view(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview", {"speaker": "Maria Lopez", "source": "Example Times"})
    assert not at.exception
    assert at.multiselect(key="speaker").value == ["Maria Lopez"]
    assert at.multiselect(key="source").value == ["Example Times"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "1"  # Lopez is quoted in one Example Times article
    footer = _texts(at.caption)
    assert "speaker: Maria Lopez" in footer and "outlet: Example Times" in footer


def test_changing_a_filter_narrows_the_view_and_the_link_reopens_it(dashboard_db, use_db):
    # (That the browser's address bar follows the widget is checked in the real-browser test.)
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview")
    at.multiselect(key="speaker").set_value(["John Kerry"]).run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Articles"] == "2"
    again = run_page(dashboard_db, "overview", {"speaker": "John Kerry"})
    assert again.multiselect(key="speaker").value == ["John Kerry"]
    assert {m.label: m.value for m in again.metric}["Articles"] == "2"


def test_dates_in_the_url(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview", {"from": "2016-12-11", "to": "2016-12-13"})
    assert not at.exception
    assert str(at.date_input(key="from").value) == "2016-12-11"
    assert {m.label: m.value for m in at.metric}["Articles"] == "1"


def test_invalid_url_values_fall_back_with_a_notice(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(
        dashboard_db, "overview", {"speaker": "Nobody Atall", "from": "yesterday", "tag": "Syria"}
    )
    assert not at.exception
    notice = _texts(at.warning)
    assert "Nobody Atall" in notice and "from=yesterday" in notice
    assert at.multiselect(key="speaker").value == []
    assert at.multiselect(key="tag").value == ["Syria"]  # the valid value is kept
    assert {m.label: m.value for m in at.metric}["Articles"] == "1"


@pytest.mark.parametrize("page", PAGES[:-1])
def test_empty_states_say_what_to_change(page, dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, page, {"q": "zzqqxx-nothing-matches"})
    assert not at.exception
    assert not at.get("plotly_chart")
    info = _texts(at.info)
    assert "filters" in info.lower() or "widen" in info.lower()


def test_empty_store_is_not_an_error(tmp_path, use_db):
    from analysis.store import Store

    db = tmp_path / "empty.duckdb"
    Store(db).close()
    use_db(db)
    for page in PAGES:
        at = run_page(db, page)
        assert not at.exception, (page, at.exception[0].value if at.exception else "")


def test_not_a_store_gives_one_clear_error(tmp_path, use_db):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("these are my notes, not a database")
    use_db(bad)
    at = run_page(bad, "overview")
    assert not at.exception
    assert "cannot open its store" in _texts(at.error) and "notes.duckdb" in _texts(at.error)


def test_reader_opens_the_linked_article_and_marks_evidence(dashboard_db, use_db):
    from analysis.store import Store

    with Store(dashboard_db) as store:  # same configuration as the app's cached connection
        art = store.query("SELECT id FROM articles WHERE title LIKE 'Kerry presses%'")["id"][0]
    use_db(dashboard_db)
    at = run_page(dashboard_db, "articles", {"article": art, "at": "0"})
    assert not at.exception
    assert at.selectbox(key="article").value == art
    body = at.get("html")[-1].value
    assert "Kerry presses" not in body  # the title is not part of the text
    assert "We will keep trying" in body and 'title="John Kerry (direct' in body
    assert "You came here from" in _texts(at.info)


def test_reader_escapes_markup_in_articles(tmp_path, use_db):
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    src = tmp_path / "markup.txt"
    src.write_text(
        "A page with markup\n\nThe minister said the <script>alert('x')</script> tag and "
        "<b>bold</b> text were pasted into the story by mistake, and “that is regrettable,” "
        "she said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "markup.duckdb"
    with Store(db) as store:
        analyze_paths([src], store)
    use_db(db)
    at = run_page(db, "articles")
    assert not at.exception
    body = at.get("html")[-1].value
    assert "<script>" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "&lt;b&gt;bold&lt;/b&gt;" in body


def test_upload_analyses_good_files_and_names_bad_ones(tmp_path, use_db):
    from analysis.store import Store

    db = tmp_path / "upload.duckdb"
    Store(db).close()
    use_db(db)
    at = run_page(db, "data")
    good = (
        "Ceasefire holds in the north\n\n"
        "A ceasefire held for a second day, and “we are cautiously hopeful,” said Omar Haddad, "
        "a local council member. Around 2,000 families returned to their homes.\n"
    )
    at.file_uploader[0].set_value(
        [
            ("ceasefire.txt", good.encode(), "text/plain"),
            ("broken.csv", b"headline,body\nno text column here,at all\n", "text/csv"),
        ]
    )
    at.run()  # a table shows its preview and mapping once uploaded
    at.button(key="analyse").click().run()
    assert not at.exception
    assert "1 new article(s)" in _texts(at.warning)
    errors = _texts(at.error)
    assert "broken.csv" in errors and "/tmp/" not in errors and "presslens-upload" not in errors
    with Store(db) as store:
        assert store.counts()["articles"] == 1


def test_read_only_dashboard_offers_no_upload(dashboard_db, tmp_path, use_db):
    import shutil

    db = tmp_path / "copy.duckdb"  # DuckDB refuses a read-only and a read-write connection
    shutil.copy(dashboard_db, db)  # to one file in one process: use a copy
    use_db(db, read_only=True)
    at = run_page(db, "data")
    assert not at.exception
    assert not at.file_uploader
    assert "read-only" in _texts(at.info)


def test_report_items_record_what_the_page_drew(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "figures")
    items = at.session_state[components.ITEMS_KEY]
    assert any(i.figure is not None for i in items)
    tables = {i.title: i.table for i in items if i.table is not None}
    assert len(tables["Troop numbers: all figures"]) >= 3  # the default category


def test_which_figures_separates_running_totals_from_events(dashboard_db, use_db):
    """The sample's "tens of thousands of people had left the city in the past three days" is a
    running total; choosing Running totals shows it alone, News events leaves it out."""
    use_db(dashboard_db)
    at = run_page(dashboard_db, "figures")
    scope = next(w for w in at.segmented_control if w.key == "counts")
    assert scope.value == "All figures"
    at = scope.set_value("Running totals").run()
    assert not at.exception
    category = next(w for w in at.segmented_control if w.key == "what")
    assert category.value == "People displaced"  # the only category with a running total
    items = at.session_state[components.ITEMS_KEY]
    tables = {i.title: i.table for i in items if i.table is not None}
    table = tables["People displaced: all figures"]
    assert table["text"].tolist() == ["tens of thousands"]
    assert set(table["counts"]) == {"running total"}
    at = next(w for w in at.segmented_control if w.key == "counts").set_value("News events").run()
    items = at.session_state[components.ITEMS_KEY]
    tables = {i.title: i.table for i in items if i.table is not None}
    displaced = tables["People displaced: all figures"]  # the chosen category is kept
    assert "tens of thousands" not in displaced["text"].tolist()
    assert not displaced.empty and set(displaced["counts"]) == {"news event"}


def test_speakers_page_marks_the_speaker_filtered_on(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "speakers", {"speaker": "Maria Lopez"})
    assert not at.exception
    assert "In bold: Maria Lopez. The others are quoted in the same articles." in _texts(at.caption)
    items = at.session_state[components.ITEMS_KEY]
    tone = next(i.figure for i in items if i.figure is not None)
    assert "<b>Maria Lopez</b>" in tone.layout.yaxis.ticktext


def test_figures_page_choices_live_in_the_link(dashboard_db, use_db):
    """?what=displaced&counts=total opens the Figures page on that category and kind of count,
    and the page's own link carries them (with the filters)."""
    use_db(dashboard_db)
    params = {"what": "People displaced", "counts": "Running totals", "tag": "Aleppo"}
    at = run_page(dashboard_db, "figures", params)
    assert not at.exception
    controls = {w.key: w.value for w in at.segmented_control}
    assert controls == {"what": "People displaced", "counts": "Running totals"}
    tables = {
        i.title: i.table for i in at.session_state[components.ITEMS_KEY] if i.table is not None
    }
    assert tables["People displaced: all figures"]["text"].tolist() == ["tens of thousands"]
    footer = "\n".join(m.value for m in at.caption)
    # (People displaced is the default category among running totals, so the link leaves it out.)
    assert "counts=Running+totals" in footer and "what=" not in footer
    assert "tag=Aleppo" in footer
    at = run_page(dashboard_db, "figures", {"what": "People killed"})
    footer = "\n".join(m.value for m in at.caption)
    assert "what=People+killed" in footer
    # The defaults stay out of the link.
    at = run_page(dashboard_db, "figures")
    footer = "\n".join(m.value for m in at.caption)
    assert "what=" not in footer and "counts=" not in footer


def test_a_page_choice_that_does_not_fit_falls_back_with_a_notice(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "figures", {"what": "unicorns"})
    assert not at.exception
    assert any("what=unicorns" in w.value for w in at.warning)
    controls = {w.key: w.value for w in at.segmented_control}
    assert controls["what"] == "Troop numbers"  # the page's default category


def test_the_reader_link_names_the_article(dashboard_db, use_db):
    use_db(dashboard_db)
    import duckdb

    con = duckdb.connect(str(dashboard_db))  # the app's own configuration (read-write)
    try:
        art = con.execute("SELECT id FROM articles WHERE title LIKE 'Kerry%'").fetchone()[0]
    finally:
        con.close()
    at = run_page(dashboard_db, "articles", {"article": art})
    footer = "\n".join(m.value for m in at.caption)
    assert f"article={art}" in footer
