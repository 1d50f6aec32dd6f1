"""The dashboard as a person uses it, through Streamlit's AppTest: every page on a real store,
filters that round-trip through the URL, links with bad values, empty states, upload, escaping."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from analysis import summaries
from analysis.filters import Filters
from analysis.store import OLDEST_UPGRADABLE, SCHEMA_VERSION
from dashboard import components
from tests.corpus_maker import analysed_stories, write_stories

APP = Path(__file__).resolve().parents[1] / "dashboard" / "streamlit_app.py"
PAGES = ["overview", "speakers", "entities", "figures", "articles", "data"]
TITLES = {p: p.capitalize() for p in PAGES}
# Charts each page draws on the dashboard store (sample + three dated articles).
MIN_CHARTS = {"overview": 3, "speakers": 3, "entities": 3, "figures": 2, "articles": 0, "data": 0}


def _reader_html(at: AppTest) -> str:
    """The reader's markup (the page's other HTML is the layout's style sheet)."""
    return next(h.value for h in at.get("html") if "presslens-article" in h.value)


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
    """What the elements show: their Markdown with the escapes of data values undone."""
    return "\n".join(_shown(str(e.value)) for e in elements)


def _shown(markdown: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "")


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


def test_a_charts_downloads_under_a_filter_name_it(dashboard_db, use_db):
    """A chart saved from a filtered view says so: its file's name carries the filters (as the
    tables' downloads do) and its image the filters under the title — one outlet's "Articles
    per month" had been saved as presslens-articles-over-time.png, its image saying nothing."""
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview", {"source": "Example Times"})
    assert not at.exception
    assert [b for b in at.get("download_button") if b.proto.label == "PNG"]
    filters = Filters(sources=("Example Times",))
    name = components.chart_file_name("Articles over time", filters)
    assert name == "presslens-articles-over-time_Example-Times"
    assert components.chart_file_name("Articles over time", Filters()).endswith("-time")
    fig = go.Figure(go.Bar(x=[1], y=[2])).update_layout(title_text="Articles per month")
    shown = components.exported(fig, Filters(sources=("Example Times",), search="a <b> & c"))
    assert shown.layout.title.text == (
        "Articles per month<br><sup>Filters: outlet: Example Times; "
        "search: “a &lt;b&gt; &amp; c”</sup>"
    )
    assert fig.layout.title.text == "Articles per month"  # the page's own figure unchanged
    assert components.exported(fig, Filters()) is fig  # no filter: nothing to say


def test_overview_counts_the_store(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "5"
    assert int(metrics["Quotes"]) > 22  # the sample alone has 22
    assert int(metrics["Figures"]) >= 8


def test_code_changed_under_a_running_server_is_said(dashboard_db, use_db, monkeypatch):
    """Streamlit re-reads a page from disk but keeps the modules it imported: after an upgrade
    under a running server a page could fail with a traceback. The app says to restart."""
    from dashboard import code_changes

    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview")
    assert not any("code changed on disk" in w.value for w in at.warning)
    monkeypatch.setattr(code_changes, "_LOADED", ())  # as if every file were new
    at = run_page(dashboard_db, "overview")
    assert not at.exception
    assert any("Restart `presslens dashboard`" in w.value for w in at.warning)


def test_overview_most_covered_holds_people_organisations_and_places(dashboard_db, use_db):
    # The chart is titled "people, organisations and places": the tagger's nationalities
    # ("Syrian", NORP) had headed it on FA-KES, above Syria itself.
    from analysis import entity_views

    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        every = entity_views.top_entities(con, limit=12)
    nationalities = set(every.loc[every["label"] == "NORP", "name"])
    assert nationalities  # among the most named of every type
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview")
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    [spec] = [s for s in specs if "Most covered" in json.dumps(s.get("layout", {}).get("title"))]
    names = {name for trace in spec["data"] for name in trace.get("y") or ()}
    assert len(names) >= 5 and not names & nationalities


def test_filters_come_from_the_url_and_narrow_every_view(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview", {"speaker": "Maria Lopez", "source": "Example Times"})
    assert not at.exception
    assert at.multiselect(key="speaker").value == ["Maria Lopez"]
    assert at.multiselect(key="source").value == ["Example Times"]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "1"  # Lopez is quoted in one Example Times article
    # her own quotes apart from every quote of the article she is quoted in
    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        [(hers,)] = con.execute(
            "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.speaker = 'Maria Lopez' AND a.source = 'Example Times'"
        ).fetchall()
    assert metrics["Their quotes"] == f"{hers:,}"
    assert int(metrics["All quotes"].replace(",", "")) > hers
    assert "Quotes" not in metrics
    assert "Maria Lopez" in next(m.help for m in at.metric if m.label == "Their quotes")
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


def test_a_link_dated_beyond_the_articles_shows_none_and_says_so(dashboard_db, use_db):
    # a From after every article (To left at its default, the last article's day) is no
    # range written the wrong way round: turned round, it had shown the last day's articles
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview", {"from": "2099-01-01"})
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Articles"] == "0"
    assert any("beyond the articles' dates" in w.value for w in at.warning)
    # both ends given the wrong way round are still read the right way round
    at = run_page(dashboard_db, "overview", {"from": "2016-12-13", "to": "2016-12-11"})
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


def test_a_year_in_a_link_sets_the_date_pickers(dashboard_db, use_db):
    import duckdb

    use_db(dashboard_db)
    con = duckdb.connect(str(dashboard_db), read_only=True)
    try:
        [(n_2016,)] = con.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND year(published) = 2016"
        ).fetchall()
    finally:
        con.close()
    at = run_page(dashboard_db, "overview", {"year": "2016"})
    assert not at.exception
    assert at.date_input(key="from").value == date(2016, 1, 1)
    assert at.date_input(key="to").value == date(2016, 12, 31)
    assert {m.label: m.value for m in at.metric}["Articles"] == f"{n_2016:,}"
    assert at.query_params.get("year") == "2016"  # the link still reopens the view
    # a year with no articles in the store: its dates hold, and the page says to widen them
    at = run_page(dashboard_db, "overview", {"year": "2015"})
    assert not at.exception
    assert at.date_input(key="to").value == date(2015, 12, 31)
    assert "filters" in _texts(at.info).lower()
    # a date picked in the year's view goes into the link beside the year: the link reopens
    # that view, the year still ending the range the picked date begins
    at = run_page(dashboard_db, "overview", {"year": "2016", "from": "2016-12-12"})
    assert not at.exception
    assert at.date_input(key="from").value == date(2016, 12, 12)
    assert at.date_input(key="to").value == date(2016, 12, 31)
    # no year: dropped with a notice, like any value a link gets wrong
    at = run_page(dashboard_db, "overview", {"year": "last"})
    assert not at.exception
    assert "year=last" in _texts(at.warning)


@pytest.mark.parametrize("page", PAGES[:-1])
def test_empty_states_say_what_to_change(page, dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, page, {"q": "zzqqxx-nothing-matches"})
    assert not at.exception
    assert not at.get("plotly_chart")
    info = _texts(at.info)
    assert "filters" in info.lower() or "widen" in info.lower()
    # the page ends there, but with its foot: the link to this (empty) view and its reports
    captions = _texts(at.caption)
    assert captions.count("Link to this view") == 1 and "zzqqxx-nothing-matches" in captions
    assert {b.label for b in at.get("download_button")} >= {"Report (HTML)", "Report (PDF)"}


def test_figures_of_undated_articles_make_no_headline_and_the_overview_says_why(tmp_path, use_db):
    from analysis.records import Article, ArticleResult, Figure
    from analysis.store import Store

    db = tmp_path / "undated.duckdb"
    text = "The council said the new bridge would cost £40m."
    fig = Figure(
        article_id="u1", text="£40m", value=4e7, low=4e7, high=4e7, approximate=False,
        unit="GBP", category="money", subject=None, location="United Kingdom",
        claimed_by="council", start=40, end=44, sentence=text, scope="event",
    )  # fmt: skip
    with Store(db) as store:
        store.write_batch(
            [ArticleResult(article=Article(id="u1", title="Bridge", text=text), figures=(fig,))]
        )
    use_db(db)
    at = run_page(db, "overview")
    assert not at.exception
    assert "undated articles, which make no event" in _texts(at.info)
    assert "No figures reported" not in _texts(at.info)


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
    assert at.selectbox(key="reader_article").value == art
    body = _reader_html(at)
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
    body = _reader_html(at)
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


def test_upload_of_a_european_spreadsheet_a_headline_and_an_archive(tmp_path, use_db):
    # A semicolon CSV had been previewed as one column ("Headline;Body;Date") and stored as
    # articles titled "Rowers win;Northfield's …"; a file holding only a headline stored with
    # the file's name for a title; a zip saved as .txt refused as "binary file (NUL byte …)".
    import io
    import zipfile

    from analysis.store import Store

    db = tmp_path / "upload.duckdb"
    Store(db).close()
    use_db(db)
    at = run_page(db, "data")
    table = (
        "Headline;Body;Publication Date\r\n"
        "Rowers win the regatta;Northfield's rowing club won the estuary regatta on Sunday, "
        "and “the winter paid off,” said its captain, Ilse Varga.;07.12.2026\r\n"
    ).encode("utf-8-sig")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "Lighthouse to close\nThe lighthouse will close in March.\n")
    at.file_uploader[0].set_value(
        [
            ("regatta.csv", table, "text/csv"),
            ("head.txt", b"Lighthouse keeper retires\n", "text/plain"),
            ("stories.txt", archive.getvalue(), "text/plain"),
        ]
    )
    at.run()
    assert at.selectbox(key="map_0_text").value == "Body"
    assert at.selectbox(key="map_0_published").value == "Publication Date"
    at.button(key="analyse").click().run()
    assert not at.exception
    assert "1 new article(s)" in _texts(at.warning)
    errors = _texts(at.error)
    assert "head.txt: only a headline (“Lighthouse keeper retires”)" in errors
    assert "stories.txt: a ZIP archive, which presslens does not unpack" in errors
    with Store(db) as store:
        rows = store.query("SELECT title, published FROM articles")
    assert list(rows["title"]) == ["Rowers win the regatta"]
    assert str(rows["published"][0])[:10] == "2026-12-07"


def test_the_uploader_takes_every_format_analyze_reads_within_its_size_limit(tmp_path, use_db):
    # It had offered seven types (no Markdown) and Streamlit's 200 MB, while what it analyses
    # stops at analyze's 20 MB with a message to raise --max-mb, which no dashboard user can.
    from analysis import ingest
    from analysis.store import Store

    db = tmp_path / "upload.duckdb"
    Store(db).close()
    use_db(db)
    at = run_page(db, "data")
    uploader = at.file_uploader[0].proto
    # archives and documents are taken, to be refused on the page (test below)
    assert set(uploader.type) >= ingest.SUPPORTED_SUFFIXES | {".zip", ".gz", ".pdf", ".docx"}
    assert uploader.max_upload_size_mb == 20
    story = (
        "# Bridge reopens after **repairs**\n\n"
        "The old bridge reopened on Monday, and “traffic is flowing again,” said Lena Brandt, "
        "the town's [chief engineer](https://example.org/brandt).\n"
    )
    at.file_uploader[0].set_value([("bridge.md", story.encode(), "text/markdown")]).run()
    at.button(key="analyse").click().run()
    assert not at.exception and not at.error
    with Store(db) as store:
        rows = store.query("SELECT title, text FROM articles")
    assert list(rows["title"]) == ["Bridge reopens after repairs"]
    assert "chief engineer" in rows["text"][0] and "https://" not in rows["text"][0]


def test_an_uploaded_archive_is_refused_on_the_page_with_its_reason(tmp_path, use_db):
    # The uploader had refused a .zip itself, its reason shown only on hover: now the page says
    # it, as it says every refusal, and the other files are analysed.
    from analysis.store import Store

    db = tmp_path / "upload.duckdb"
    Store(db).close()
    use_db(db)
    at = run_page(db, "data")
    story = b"Ferry service resumes\n\nThe island ferry sailed again on Friday after the storm.\n"
    at.file_uploader[0].set_value(
        [
            ("coverage.zip", b"PK\x03\x04 zipped stories", "application/zip"),
            ("week.tar.gz", b"\x1f\x8b zipped", "application/gzip"),
        ]
    ).run()
    errors = _texts(at.error)
    assert "coverage.zip: a .zip, which presslens does not unpack; extract it" in errors
    assert "week.tar.gz: a .tar.gz, which presslens does not unpack" in errors
    assert at.button(key="analyse").disabled  # nothing left to analyse
    at.file_uploader[0].set_value(
        [
            ("coverage.zip", b"PK\x03\x04 zipped stories", "application/zip"),
            ("ferry.txt", story, "text/plain"),
        ]
    ).run()
    at.button(key="analyse").click().run()
    assert not at.exception
    assert "1 new article(s)" in _texts(at.success)
    assert _texts(at.error).count("coverage.zip") == 1  # one line, not two
    with Store(db) as store:
        assert list(store.query("SELECT title FROM articles")["title"]) == ["Ferry service resumes"]


def test_bad_uploads_are_each_named_with_the_reason_and_the_rest_analysed(tmp_path, use_db):
    # Inputs a user plausibly drops in: one line of a feed broken, rows of a table with no text,
    # a page of scripts only, JSON nested past Python's recursion (it had failed with a
    # RecursionError's words), a ".tsv" written with semicolons (refused for "no text column").
    import json

    from analysis.store import Store

    db = tmp_path / "upload.duckdb"
    Store(db).close()
    use_db(db)
    at = run_page(db, "data")
    body = (
        "The night bus returns on Friday, and “riders asked for it,” said the operator, Ana Roth."
    )
    feed = json.dumps({"title": "Night bus returns", "text": body}) + '\n{"title": "Cut off", "te\n'
    at.file_uploader[0].set_value(
        [
            ("feed.jsonl", feed.encode(), "application/json"),
            ("sheet.csv", f'title,text\nTram,"{body} Trams too."\nEmpty,\n'.encode(), "text/csv"),
            ("scripts.html", b"<html><body><script>go()</script></body></html>", "text/html"),
            ("deep.json", b"[" * 50_000 + b"]" * 50_000, "application/json"),
            ("semi.tsv", f"title;text\nFerry;{body} Ferries.\n".encode(), "text/plain"),
            # a table with no text column had disabled Analyse for every file beside it
            ("counts.csv", b"stop,riders\n1,20\n2,35\n", "text/csv"),
        ]
    ).run()
    assert (
        "counts.csv: choose the column that holds the article text; until then it is left out"
        in (_texts(at.warning))
    )
    assert at.selectbox(key="map_4_text").value == "text"  # semi.tsv: its columns are read
    at.button(key="analyse").click().run()
    assert not at.exception
    errors = _texts(at.error)
    assert "feed.jsonl:line 2: invalid JSON (column" in errors
    assert "sheet.csv:row 3: empty text" in errors
    assert "scripts.html: HTML page with no article text" in errors
    assert "deep.json: invalid JSON (nested too deeply to be an export of articles)" in errors
    assert "Recursion" not in errors
    assert "3 new article(s)" in _texts(at.warning)
    with Store(db) as store:
        titles = sorted(store.query("SELECT title FROM articles")["title"])
    assert titles == ["Ferry", "Night bus returns", "Tram"]


def test_uploads_that_had_ended_the_page_are_read_or_named(tmp_path, use_db):
    # A page saved under its long headline ("File name too long" for every file beside it), a
    # JSON string escaping half a UTF-16 pair (no UTF-8: a traceback), a table with a NUL in one
    # row (refused whole): the page had shown a traceback or lost the good rows.
    import json

    from analysis.store import Store

    db = tmp_path / "upload.duckdb"
    Store(db).close()
    use_db(db)
    at = run_page(db, "data")
    ferry = (
        "The island ferry will sail twice a day from April, “weather allowing,” said Maren Oddsen."
    )
    hall = "Lowmoor's village hall reopened on Saturday, and “the roof is dry at last,” said the clerk."
    bus = "The night bus to Harrow Moor returns on Friday, the operator said, after a year's pause."
    long_name = "Island ferry to sail twice a day from April after years of complaints " * 5
    at.file_uploader[0].set_value(
        [
            (long_name + ".txt", f"Ferry news\n\n{ferry}\n".encode(), "text/plain"),
            (
                "hall.json",
                json.dumps({"title": "Hall \ud800", "text": hall}).encode(),
                "application/json",
            ),
            ("sheet.csv", f'title,text\nBus,"{bus}"\nBroken,"a\x00b c d"\n'.encode(), "text/csv"),
        ]
    ).run()
    at.button(key="analyse").click().run()
    assert not at.exception
    assert "sheet.csv:row 3: a NUL byte in this row: binary data, not text" in _texts(at.error)
    assert "3 new article(s)" in _texts(at.warning)
    with Store(db) as store:
        stored = store.query("SELECT title, path FROM articles ORDER BY title")
    assert stored["title"].tolist() == ["Bus", "Ferry news", "Hall \ufffd"]
    assert f"upload:{long_name}.txt" in stored["path"].tolist()  # the name as uploaded


def test_an_edited_file_uploaded_again_replaces_its_old_version(tmp_path, use_db):
    # The upload goes through the same triage and removal as `presslens analyze`: the edited
    # story is stored once, under its new text, not beside (or as a copy of) its old one.
    from analysis.store import Store

    db = tmp_path / "upload.duckdb"
    Store(db).close()
    use_db(db)
    story = (
        "Ceasefire holds in the north\n\n"
        "A ceasefire held for a second day, and “we are cautiously hopeful,” said Omar Haddad, "
        "a local council member. Around 2,000 families returned to their homes.\n"
    )
    for text, said in ((story, "1 new article(s)"), (story + "Shops reopened.\n", "1 replaced")):
        at = run_page(db, "data")
        at.file_uploader[0].set_value([("ceasefire.txt", text.encode(), "text/plain")])
        at.run()
        at.button(key="analyse").click().run()
        assert not at.exception
        assert said in _texts(at.success), _texts(at.success)
    with Store(db) as store:
        rows = store.query("SELECT text, duplicate_of FROM articles")
    assert len(rows) == 1 and "Shops reopened" in rows["text"][0]
    assert rows["duplicate_of"].isna().all()


def test_read_only_dashboard_offers_no_upload(dashboard_db, tmp_path, use_db):
    import shutil

    db = tmp_path / "copy.duckdb"  # DuckDB refuses a read-only and a read-write connection
    shutil.copy(dashboard_db, db)  # to one file in one process: use a copy
    use_db(db, read_only=True)
    at = run_page(db, "data")
    assert not at.exception
    assert not at.file_uploader
    assert "read-only" in _texts(at.info)


def test_data_page_says_what_each_count_counts(dashboard_db, use_db):
    """The counts in view are distinct entities and original articles; the store's line counts
    rows (every copy, an entity row per article): both say so, and both agree with the store."""
    import duckdb

    use_db(dashboard_db)
    at = run_page(dashboard_db, "data")
    assert not at.exception
    captions = _texts(at.caption)
    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        names = con.execute("SELECT count(DISTINCT name) FROM entities").fetchone()[0]
        rows = con.execute("SELECT count(*) FROM entities").fetchone()[0]
    assert names < rows  # the fixture names entities in several articles: the counts differ
    assert f"{names:,} distinct entities" in captions
    assert f"{rows:,} entity rows (one per article and name)" in captions


def _opening_title(db) -> str:
    """The category the Figures page opens on: the non-catch-all one with most figures in dated
    articles."""
    import duckdb

    from analysis import figure_views
    from dashboard.charts import CATEGORY_TITLES

    with duckdb.connect(str(db), read_only=True) as con:
        counts = figure_views.category_counts(con)
    named = counts[~counts["category"].isin(("other", "people", "percent"))]
    top = named.sort_values("n_figures", ascending=False, kind="stable").iloc[0]
    assert top["n_figures"] == named["n_figures"].max()
    return CATEGORY_TITLES[figure_views.opening_category(counts)]


def test_the_figures_page_opens_on_what_it_can_chart(tmp_path, use_db):
    """More sums of money in view, all in undated stories, beside a dated story's tolls: the
    page opens on the tolls, a timeline, not on money's empty chart (the mixed store had opened
    on money, two thirds of whose sums are undated); the money is a click away."""
    from tests.test_figure_views import _dated_tolls_beside_undated_sums

    db = tmp_path / "mixed.duckdb"
    _dated_tolls_beside_undated_sums(tmp_path).close()
    use_db(db)
    at = run_page(db, "figures")
    assert not at.exception
    controls = {w.key: w for w in at.segmented_control}
    assert controls["what"].value == "People killed"
    assert "Money" in controls["what"].options
    assert [s.value for s in at.subheader][-1] == "People killed: all figures"
    at = run_page(db, "figures", {"what": "Money"})
    assert "come from undated articles" in _texts(at.info)
    # the table's caption claims no order of time of undated articles' figures
    assert "6 figures, from articles without a publication date" in _texts(at.caption)
    assert "newest" not in _texts(at.caption)
    # the tolls' table, all dated, is just so many figures
    at = run_page(db, "figures")
    assert "2 figures" in _texts(at.caption).split("\n")


def test_the_money_chart_opens_on_a_currency_it_can_chart(tmp_path, use_db):
    """Pounds reported most, all undated; one dated sum in dollars: the chart is of dollars, a
    point in time, named on its axis; no switch offers the pounds, whose chart would be empty
    (the table lists them)."""
    from tests.test_figure_views import _sums_store

    _sums_store(tmp_path).close()
    db = tmp_path / "sums.duckdb"
    use_db(db)
    at = run_page(db, "figures", {"what": "Money"})
    assert not at.exception
    assert "currency" not in {w.key for w in at.segmented_control}
    assert not at.warning
    items = at.session_state[components.ITEMS_KEY]
    chart = next(i.figure for i in items if i.title == "money over time")
    assert chart.layout.yaxis.title.text == "reported figure (USD)"
    at = run_page(db, "figures", {"what": "Money", "currency": "GBP"})  # a link's pounds
    assert "currency=GBP in this link" in _texts(at.warning) and "the chart shows USD" in _texts(
        at.warning
    )
    table = next(t.value for t in at.dataframe if "unit" in t.value.columns)
    assert set(table["unit"]) == {"GBP", "USD"}


def test_undated_money_offers_no_currency_to_chart(tmp_path, use_db):
    """Money in two currencies, all of undated articles (the BBC's): there is no chart for a
    currency switch (or its points' period) to change, so there is none, and the report's heading names no currency
    above a table of both (it had said "in USD" of a table of pounds and dollars)."""
    from analysis.store import Store
    from dashboard import report_views
    from tests.test_figure_views import _fig, _result

    undated = [
        _result(f"m{k}", None, [_fig(f"m{k}", text, value, "money", unit=unit, location=None)])
        for k, (text, value, unit) in enumerate(
            [("$4m", 4e6, "USD"), ("$9m", 9e6, "USD"), ("£2m", 2e6, "GBP")]
        )
    ]
    db = tmp_path / "undated.duckdb"
    with Store(db) as store:
        store.write_batch(undated)
    use_db(db)
    at = run_page(db, "figures", {"what": "Money", "currency": "USD"})
    assert not at.exception
    # nor a period for the points of a chart there is not; the link's currency is said to
    # have nothing to chart, not dropped without a word
    assert not {"currency", "fg_per"} & {w.key for w in at.segmented_control}
    assert "currency=USD in this link: no sums in it are in dated articles" in _texts(at.warning)
    assert "come from undated articles" in _texts(at.info)
    con = duckdb.connect(str(db), read_only=True)
    try:
        (section,) = report_views.build(
            con, ["figures"], report_views.Filters(), link_base="http://dash",
            choices={"what": "Money", "currency": "USD"},
        )  # fmt: skip
    finally:
        con.close()
    items = {i.title: i for i in section.items}
    assert items["Which figures"].text == "Money · All figures"


def test_report_items_record_what_the_page_drew(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "figures")
    items = at.session_state[components.ITEMS_KEY]
    assert any(i.figure is not None for i in items)
    tables = {i.title: i.table for i in items if i.table is not None}
    opening = _opening_title(dashboard_db)
    assert len(tables[f"{opening}: all figures"]) >= 3  # the default category


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
    assert any(t.startswith("<b>Maria Lopez</b> · ") for t in tone.layout.yaxis.ticktext)
    # each quote's verb beside its words: a denial reads differently from a statement
    quotes = next(i.table for i in items if i.title == "Quotes")
    # the link first (in view on a laptop's screen), then who, the verb and the words
    assert list(quotes.columns[:4]) == ["open", "speaker", "cue", "text"]
    assert quotes["cue"].notna().all() and quotes["cue"].str.len().gt(0).all()
    # a quotation carried on from the paragraph before has no verb of its own: a dash, not "None"
    at = run_page(dashboard_db, "speakers", {"speaker": "John Kerry"})
    items = at.session_state[components.ITEMS_KEY]
    cues = next(i.table for i in items if i.title == "Quotes")["cue"].tolist()
    assert "—" in cues and "said" in cues and None not in cues


def test_speakers_page_shows_only_the_quoted_words(dashboard_db, use_db):
    # "“I know … these meetings,” Kerry said. “People are sort of …”" is one quotation its cue
    # interrupts: the Quoted words are its pieces, never the cue or the speaker's name.
    use_db(dashboard_db)
    at = run_page(dashboard_db, "speakers", {"speaker": "John Kerry"})
    assert not at.exception
    items = at.session_state[components.ITEMS_KEY]
    table = next(i.table for i in items if i.title == "Quotes")
    words = table["text"].tolist()
    interrupted = [w for w in words if "I’m tired of these meetings … People are sort of" in w]
    assert len(interrupted) == 1, words
    assert not any("Kerry said" in w for w in words), words
    # no closing mark of a piece either (a reported clause keeps its partial quotations)
    assert (table["kind"] == "direct").any()
    assert not table[table["kind"] == "direct"]["text"].str.contains("”").any(), words


def test_speakers_quotes_table_says_whose_quotes_and_how_many(dashboard_db, use_db, monkeypatch):
    # The table lists the speakers compared above, at most report_views.QUOTES_SHOWN quotes: on
    # the real store it showed 500 of 1,030 quotes under a bare "Quotes" (read as all in view).
    from dashboard import report_views

    use_db(dashboard_db)
    at = run_page(dashboard_db, "speakers", {"speaker": "John Kerry"})
    assert not at.exception
    items = at.session_state[components.ITEMS_KEY]
    n = len(next(i.table for i in items if i.title == "Quotes"))
    assert n > 2
    said = _texts(at.caption)
    assert f"Quotes of John Kerry (compared above): all {n}, newest first." in said
    monkeypatch.setattr(report_views, "QUOTES_SHOWN", 2)
    at = run_page(dashboard_db, "speakers", {"speaker": "John Kerry"})
    items = at.session_state[components.ITEMS_KEY]
    assert len(next(i.table for i in items if i.title == "Quotes")) == 2
    assert f"Quotes of John Kerry (compared above): the 2 newest of their {n}." in _texts(
        at.caption
    )


def test_figures_page_choices_live_in_the_link(dashboard_db, use_db):
    """?what=displaced&counts=total opens the Figures page on that category and kind of count,
    and the page's own link carries them (with the filters)."""
    use_db(dashboard_db)
    params = {"what": "People displaced", "counts": "Running totals", "tag": "Aleppo"}
    at = run_page(dashboard_db, "figures", params)
    assert not at.exception
    controls = {w.key: w.value for w in at.segmented_control}
    assert controls == {"what": "People displaced", "counts": "Running totals", "fg_per": "auto"}
    tables = {
        i.title: i.table for i in at.session_state[components.ITEMS_KEY] if i.table is not None
    }
    assert tables["People displaced: all figures"]["text"].tolist() == ["tens of thousands"]
    footer = "\n".join(m.value for m in at.caption)
    # (People displaced is the default category among running totals, so the link leaves it out.)
    assert "counts=Running+totals" in footer and "what=" not in footer
    assert "tag=Aleppo" in footer
    at = run_page(dashboard_db, "figures", {"what": "People killed", "fg_per": "month"})
    footer = "\n".join(m.value for m in at.caption)
    assert "what=People+killed" in footer and "fg_per=month" in footer
    # The defaults stay out of the link.
    at = run_page(dashboard_db, "figures")
    footer = "\n".join(m.value for m in at.caption)
    assert "what=" not in footer and "counts=" not in footer and "fg_per=" not in footer


def test_a_page_choice_that_does_not_fit_falls_back_with_a_notice(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page(dashboard_db, "figures", {"what": "unicorns"})
    assert not at.exception
    assert "what=unicorns" in _texts(at.warning)
    controls = {w.key: w.value for w in at.segmented_control}
    assert controls["what"] == _opening_title(dashboard_db)  # the page's default category


def _log_switch(at: AppTest):
    (switch,) = [t for t in at.toggle if t.label == "Log scale"]
    return switch


def test_the_figures_log_scale_is_in_the_link(dashboard_db, use_db):
    """The log scale was the one choice of the page a link lost: a reader who turned it off
    and sent the link sent the other scale. Kept where it differs from the data's default."""
    use_db(dashboard_db)
    params = {"what": "People killed"}
    at = run_page(dashboard_db, "figures", params)
    default = _log_switch(at).value
    footer = _texts(at.caption)
    assert "fg_log=" not in footer and "fg_log" not in at.query_params
    # the reader flips it: the address and the page's link hold it
    at = _log_switch(at).set_value(not default).run()
    flipped = "false" if default else "true"
    assert at.query_params["fg_log"] == flipped
    assert f"fg_log={flipped}" in _texts(at.caption)
    # a link with it opens the page so, and back at the default the link drops it
    at = run_page(dashboard_db, "figures", {**params, "fg_log": flipped})
    assert not at.exception and _log_switch(at).value is (not default)
    at = _log_switch(at).set_value(default).run()
    assert "fg_log" not in at.query_params and "fg_log=" not in _texts(at.caption)
    # a value no switch takes: named, and the default shown
    at = run_page(dashboard_db, "figures", {**params, "fg_log": "maybe"})
    assert "fg_log=maybe" in _texts(at.warning)
    assert _log_switch(at).value is default


def test_an_untouched_log_scale_follows_the_data_and_stays_out_of_the_link(tmp_path, use_db):
    """One outlet's tolls run from 3 to 5,000 (a log scale), another's from 9 to 12: the
    switch left alone follows the view's default. It had stayed on after the outlet filter,
    the one switch Streamlit kept, and the link then said fg_log=true of a view nobody chose."""
    from analysis.store import Store
    from tests.test_figure_views import _fig, _result

    db = tmp_path / "tolls.duckdb"
    with Store(db) as store:
        store.write_batch(
            [
                _result("w1", "2016-05-02", [_fig("w1", "12 people", 12.0, "killed"),
                        _fig("w1", "9 people", 9.0, "killed", start=30)], source="Wire"),
                _result("d1", "2016-05-03", [_fig("d1", "3 people", 3.0, "killed"),
                        _fig("d1", "5,000 people", 5000.0, "killed", start=30)], source="Desk"),
            ]
        )  # fmt: skip
    use_db(db)
    at = run_page(db, "figures")
    assert _log_switch(at).value is True
    at.multiselect(key="source").set_value(["Wire"]).run()
    assert not at.exception
    assert _log_switch(at).value is False
    assert "fg_log" not in at.query_params and "fg_log=" not in _texts(at.caption)
    # chosen by the reader, it stays chosen when the data's default moves
    at = _log_switch(at).set_value(True).run()
    at.multiselect(key="source").set_value(["Wire", "Desk"]).run()
    assert _log_switch(at).value is True and "fg_log" not in at.query_params


def test_the_reader_link_names_the_article(dashboard_db, use_db):
    use_db(dashboard_db)
    import duckdb

    con = duckdb.connect(str(dashboard_db), read_only=True)  # the app's own configuration
    try:
        art = con.execute("SELECT id FROM articles WHERE title LIKE 'Kerry%'").fetchone()[0]
    finally:
        con.close()
    at = run_page(dashboard_db, "articles", {"article": art})
    footer = "\n".join(m.value for m in at.caption)
    assert f"article={art}" in footer


def _tables(at) -> dict:
    return {i.title: i.table for i in at.session_state[components.ITEMS_KEY] if i.table is not None}


def test_overview_headline_figures_are_chosen_by_agreement(dashboard_db, use_db):
    """Aleppo's share held in the week of 12 December: the officials' 93% and the Observatory's
    85%, one outlet each. The headline is never the maximum: the tie goes to the figure nearer
    the median, then the smaller, with the spread beside it."""
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview")
    assert not at.exception
    heads = _tables(at)["Headline figures"].set_index("what")
    share = heads.loc["Share of territory held"]
    assert share["text"].startswith("85") and share["spread"] == "85 – 93"
    assert share["agree"] == "1 of 2"  # in the column "Articles"
    assert all(link.startswith("articles?article=") for link in heads["open"])


def _four_kinds_store(tmp_path) -> Path:
    """Four counts of one week's floods in Beira, each of another kind."""
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    stories = {
        "a": ("Floods in Beira killed 40 people, the health ministry said on Monday.",
              "2019-03-18"),
        "b": ("Rescuers said 12 people were still missing in Beira after the floods.",
              "2019-03-19"),
        "c": ("The floods displaced 3,000 people in Beira, aid groups said.", "2019-03-19"),
        "d": ("Doctors in Beira treated 25 people injured in the floods.", "2019-03-20"),
    }  # fmt: skip
    write_stories(tmp_path / "news", stories)
    db = tmp_path / "kinds.duckdb"
    with Store(db) as store:
        analyze_paths([tmp_path / "news"], store)
    return db


# The Figures page's buttons (charts.CATEGORY_ORDER); by code, injured had come before killed.
BUTTON_ORDER = ["People displaced", "People missing", "People killed", "People injured"]


def test_figure_tables_list_the_kinds_of_count_as_the_figures_buttons_do(tmp_path, use_db):
    db = _four_kinds_store(tmp_path)
    use_db(db)
    overview = run_page(db, "overview")
    assert not overview.exception
    assert _tables(overview)["Headline figures"]["what"].tolist() == BUTTON_ORDER
    places = run_page(db, "places", {"place": "Beira"})
    assert not places.exception
    assert _tables(places)["Figures for Beira"]["category"].tolist() == BUTTON_ORDER
    figures = run_page(db, "figures")
    assert not figures.exception
    buttons = next(w for w in figures.segmented_control if w.key == "what")
    assert list(buttons.options) == BUTTON_ORDER


def test_conflict_rows_link_to_both_sentences(dashboard_db, use_db):
    import duckdb

    use_db(dashboard_db)
    at = run_page(dashboard_db, "figures")
    assert not at.exception
    table = _tables(at)["Conflicting figures"]
    rows = list(table.itertuples())
    assert rows  # the dated sample and the fixtures disagree on 10 Dec (see test_figure_views)
    # The conflicts of what the page counts (its "What is counted" choice), nothing printed as
    # "None": an unattributed figure is its outlet's claim, a missing unit a dash.
    assert table["what"].nunique() == 1
    shown = ["unit", "counts", "claimed_by_low", "claimed_by_high"]
    assert table[shown].notna().all().all()
    figures = _tables(at)[f"{table['what'].iloc[0]}: all figures"]
    assert figures[["unit", "location", "claimed_by", "counts"]].notna().all().all()
    assert (figures["claimed_by"] == "(the outlet)").any()
    con = duckdb.connect(str(dashboard_db), read_only=True)
    try:
        for row in rows:
            for link, text in ((row.open_low, row.text_low), (row.open_high, row.text_high)):
                query = dict(p.split("=", 1) for p in link.removeprefix("articles?").split("&"))
                body = con.execute("SELECT text FROM articles WHERE id = ?", [query["article"]])
                start = int(query["at"])
                assert body.fetchone()[0][start : start + len(text)] == text
    finally:
        con.close()


def _figures_by_title(at: AppTest) -> dict:
    items = at.session_state[components.ITEMS_KEY]
    return {i.figure.layout.title.text: i.figure for i in items if i.figure is not None}


def test_speakers_page_scorer_switch_intervals_and_attitudes(dashboard_db, use_db):
    """The scorer lives in the link and every sentiment chart names it; the tone chart carries
    95% error bars and marks speakers with too few quotes; the who-about-whom matrix is drawn."""
    use_db(dashboard_db)
    at = run_page(dashboard_db, "speakers")
    assert not at.exception
    figures = _figures_by_title(at)
    tone = figures["Tone of each speaker's words (TextBlob)"]
    bar = tone.data[0]
    assert bar.error_x.array is not None and any(v > 0 for v in bar.error_x.array)
    ticks = tone.layout.yaxis.ticktext
    assert any(t.endswith(", too few") for t in ticks)
    # The uncertain ones sit below the measured ones (Plotly draws the first row at the bottom).
    few = [t.endswith(", too few") for t in ticks]
    assert few == sorted(few, reverse=True)
    matrix = figures["Who speaks about whom, and how (TextBlob)"]
    holders = set(matrix.data[0].customdata[:, 0])
    assert "John Kerry" in holders and "(the article itself)" in holders
    assert any(t.startswith("Sentiment over time (TextBlob), per ") for t in figures)
    assert "scorer=" not in "\n".join(m.value for m in at.caption)  # the default stays out

    at = run_page(dashboard_db, "speakers", {"scorer": "VADER"})
    assert not at.exception
    assert {w.key: w.value for w in at.segmented_control}["scorer"] == "VADER"
    titles = _figures_by_title(at)
    assert "Tone of each speaker's words (VADER)" in titles
    assert "Who speaks about whom, and how (VADER)" in titles
    assert "scorer=VADER" in "\n".join(m.value for m in at.caption)

    at = run_page(dashboard_db, "speakers", {"scorer": "sentiwordnet"})
    assert not at.exception
    assert "scorer=sentiwordnet" in _texts(at.warning)


def test_speakers_timeline_period_is_chosen_by_span_and_lives_in_the_link(dashboard_db, use_db):
    """The timeline opens on the period its span reads best at (a week's points over four years
    were a wall of thin bands), names it in its title and caption, and a reader's period is in
    the link."""
    use_db(dashboard_db)
    at = run_page(dashboard_db, "speakers")
    assert not at.exception
    assert {w.key: w.value for w in at.segmented_control}["sp_per"] == "auto"
    titles = [t for t in _figures_by_title(at) if t.startswith("Sentiment over time")]
    # the dated articles of the test store lie within weeks of each other: auto means days
    assert titles == ["Sentiment over time (TextBlob), per day"]
    assert "Hollow, unjoined: fewer quotes" in _texts(at.caption)
    at = run_page(dashboard_db, "speakers", {"sp_per": "month"})
    assert not at.exception
    assert "Sentiment over time (TextBlob), per month" in _figures_by_title(at)
    assert "sp_per=month" in _texts(at.caption)  # the page's link holds the choice
    at = run_page(dashboard_db, "speakers", {"sp_per": "fortnight"})
    assert not at.exception and "sp_per=fortnight" in _texts(at.warning)


@pytest.mark.parametrize(
    ("page", "key", "title"),
    [("overview", "ov_per", "Articles per {}"), ("entities", "en_per", "Mentions per {}")],
)
def test_overview_and_entities_timelines_choose_their_period_by_span(
    dashboard_db, use_db, page, key, title
):
    # as the speakers' timeline: auto by the span (the test store's dated articles lie within
    # weeks: days), the reader's period in the link, a period that is none said so
    use_db(dashboard_db)
    at = run_page(dashboard_db, page)
    assert not at.exception
    assert {w.key: w.value for w in at.segmented_control}[key] == "auto"
    items = {i.title: i for i in at.session_state[components.ITEMS_KEY]}
    drawn = items["articles over time" if page == "overview" else "mentions over time"]
    if title:
        assert drawn.figure.layout.title.text == title.format("day")
    days = {pd.Timestamp(x).normalize() for t in drawn.figure.data for x in t.x if x is not None}
    # days, not weeks (which start on Mondays) nor months
    assert any(d.day_of_week != 0 for d in days) and any(d.day != 1 for d in days)
    at = run_page(dashboard_db, page, {key: "month"})
    assert not at.exception
    items = {i.title: i for i in at.session_state[components.ITEMS_KEY]}
    drawn = items["articles over time" if page == "overview" else "mentions over time"]
    months = {pd.Timestamp(x) for t in drawn.figure.data for x in t.x if x is not None}
    assert months and all(m.day == 1 for m in months)
    if title:
        assert drawn.figure.layout.title.text == title.format("month")
    assert f"{key}=month" in _texts(at.caption)


def test_the_speakers_compared_by_default_are_those_a_timeline_can_show(tmp_path, use_db):
    # FA-KES beside the BBC: the three most quoted were the Syrian Observatory and two
    # British politicians of undated articles, so the timeline had one line and the quote
    # table one speaker. The default now takes the most quoted of dated articles first, in the
    # page and in its report alike.
    from datetime import date

    from analysis.records import Article, ArticleResult, Quote
    from analysis.store import Store
    from dashboard import report_views

    def story(aid, published, speakers):
        words = "We will reopen the harbour next spring,"
        text = " ".join(f"\u201c{words}\u201d {name} said." for name in speakers)
        quotes, at = [], 0
        for name in speakers:
            quotes.append(Quote(aid, "direct", words, at + 1, at + 1 + len(words), speaker=name,
                                speaker_label="PERSON", cue="said", polarity=0.1))  # fmt: skip
            at += len(f"\u201c{words}\u201d {name} said. ")
        article = Article(id=aid, title=f"Harbour {aid}", text=text, source="Coast Post",
                          published=published)  # fmt: skip
        return ArticleResult(article=article, quotes=tuple(quotes))

    undated = ["Tom Hardwick"] * 4 + ["Jane Ellery"] * 3 + ["Ola Berg"] * 3
    db = tmp_path / "mixed.duckdb"
    with Store(db) as store:
        store.write_batch(
            [story("u1", None, undated), story("d1", date(2016, 5, 2), ["Maria Lopez"] * 2)]
        )
    use_db(db)
    at = run_page(db, "speakers")
    assert not at.exception, at.exception[0].value if at.exception else ""
    compared = at.multiselect(key="sp_compare").value
    assert compared == ["Maria Lopez", "Tom Hardwick", "Jane Ellery"]
    assert "Sentiment over time (TextBlob), per day" in _figures_by_title(at)
    con = duckdb.connect(str(db), read_only=True)
    try:
        (section,) = report_views.build(
            con, ["speakers"], report_views.Filters(), link_base="http://dash"
        )
    finally:
        con.close()
    titles = [i.title for i in section.items]
    assert "Quotes of Maria Lopez, Tom Hardwick, Jane Ellery" in titles, titles


@pytest.mark.parametrize(
    ("page", "key"), [("overview", "ov_per"), ("speakers", "sp_per"), ("entities", "en_per")]
)
def test_a_view_of_undated_articles_offers_no_timeline_period(tmp_path, use_db, page, key):
    # The BBC's articles have no date: the Overview, Speakers and Entities pages had a
    # day/week/month/year switch above "there is no timeline", which changed nothing.
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    story = tmp_path / "harbour.txt"
    story.write_text(
        "Harbour to reopen in spring\n\n"
        "\u201cWe will reopen the harbour next spring,\u201d said Linda Okafor, the mayor of "
        "Portmere. Linda Okafor met Daniel Reyes of the Portmere Harbour Board on Monday.\n",
        encoding="utf-8",
    )
    db = tmp_path / "undated.duckdb"
    with Store(db) as store:
        summary, _ = analyze_paths([story], store)
    assert summary.new == 1
    use_db(db)
    at = run_page(db, page)
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert key not in {w.key for w in at.segmented_control}
    assert "without a publication date" in _texts(at.info) or "no timeline" in _texts(at.info)


def test_speakers_page_offers_the_learned_scorer_for_attitudes_only(dashboard_db, use_db, tmp_path):
    """The matrix's own switch offers the learned scorer ("News model") where the store holds
    its attitudes; the quote charts keep their lexicon scorer, and each chart names its own."""
    use_db(dashboard_db)
    at = run_page(dashboard_db, "speakers", {"attitude_scorer": "News model"})
    assert not at.exception and not at.warning
    controls = {w.key: w for w in at.segmented_control}
    assert controls["attitude_scorer"].value == "News model"
    assert "News model" not in controls["scorer"].options  # quotes have no learned score
    titles = _figures_by_title(at)
    assert "Who speaks about whom, and how (News model)" in titles
    assert "Tone of each speaker's words (TextBlob)" in titles
    assert "attitude_scorer=News+model" in "\n".join(m.value for m in at.caption)

    # A store analysed before the learned scorer existed: not offered; its link falls back.
    old = tmp_path / "old.duckdb"
    shutil.copy(dashboard_db, old)
    con = duckdb.connect(str(old))
    try:
        con.execute("DELETE FROM attitudes WHERE scorer = 'news'")
        summaries.rebuild(con)
    finally:
        con.close()
    use_db(old)
    at = run_page(old, "speakers", {"attitude_scorer": "News model"})
    assert not at.exception
    assert "attitude_scorer=News model" in _texts(at.warning)
    assert "--reanalyse" in "\n".join(m.value for m in at.caption)
    controls = {w.key: w for w in at.segmented_control}
    assert "News model" not in controls["attitude_scorer"].options
    assert "Who speaks about whom, and how (TextBlob)" in _figures_by_title(at)


def test_speakers_page_offers_the_sentence_encoder_once_an_article_has_it(
    dashboard_db, use_db, tmp_path
):
    """Articles analysed with ``--encoder`` bring the fourth scorer to the matrix's switch; the
    matrix then says it covers those articles only."""
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    db = tmp_path / "encoded.duckdb"
    shutil.copy(dashboard_db, db)
    story = tmp_path / "story.txt"
    story.write_text(
        "Council vote\n\nSenator Ellen Marsh praised Mayor Tom Reddick for his honest work. "
        '"Tom Reddick has been a loyal friend to this city," Ellen Marsh said on Monday. '
        "Critics accused Tom Reddick of wasting money on the bridge.",
        encoding="utf-8",
    )
    with Store(db) as store:
        analyze_paths([str(story)], store, encoder=True)
    use_db(db)
    at = run_page(db, "speakers", {"attitude_scorer": "Sentence encoder"})
    assert not at.exception and not at.warning
    controls = {w.key: w for w in at.segmented_control}
    assert controls["attitude_scorer"].value == "Sentence encoder"
    assert "Sentence encoder" not in controls["scorer"].options  # quotes have no such score
    assert "Who speaks about whom, and how (Sentence encoder)" in _figures_by_title(at)
    captions = "\n".join(m.value for m in at.caption)
    assert "presslens analyze --encoder" in captions
    # It says how this scorer reads a name, not the word scorers' way.
    assert "read from the whole sentence" in captions
    assert "govern or modify the name" not in captions


def test_clicking_a_matrix_cell_opens_its_sentences(dashboard_db, use_db):
    use_db(dashboard_db)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.switch_page("app_pages/speakers.py")
    at.session_state["sp_matrix"] = {
        "selection": {"points": [{"customdata": ["John Kerry", "Russia", 1]}]}
    }
    at.run()
    assert not at.exception
    tables = {
        i.title: i.table for i in at.session_state[components.ITEMS_KEY] if i.table is not None
    }
    sentences = tables["Attitudes"]
    assert len(sentences) and set(sentences["holder"]) == {"John Kerry"}
    assert set(sentences["target"]) == {"Russia"}
    # one row a sentence, with how many of its mentions of the target it holds
    assert not sentences.duplicated(["holder", "target", "title", "sentence"]).any()
    assert (sentences["mentions"] >= 1).all()


def test_a_matrix_cells_sentences_say_how_many_are_shown(dashboard_db, use_db, monkeypatch):
    # The cell's hover counts mentions, the table lists sentences, at most
    # data.ATTITUDE_SENTENCES: it had said neither (a cell of 110 mentions on the real store).
    from dashboard import data

    def clicked() -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.switch_page("app_pages/speakers.py")
        at.session_state["sp_matrix"] = {
            "selection": {"points": [{"customdata": ["(the article itself)", "Russia", 1]}]}
        }
        return at.run()

    use_db(dashboard_db)
    at = clicked()
    items = at.session_state[components.ITEMS_KEY]
    n = len(next(i.table for i in items if i.title == "Attitudes"))
    assert n > 1
    assert f"Showing the cells you clicked: {n} sentences, newest first." in _texts(at.caption)
    monkeypatch.setattr(data, "ATTITUDE_SENTENCES", n - 1)
    at = clicked()
    items = at.session_state[components.ITEMS_KEY]
    assert len(next(i.table for i in items if i.title == "Attitudes")) == n - 1
    assert f"Showing the cells you clicked: the {n - 1} newest sentence" in _texts(at.caption)


HINT = "Click a point in the chart"


def test_figures_click_hint_only_with_a_point_chart(dashboard_db, tmp_path, use_db):
    """The dated store has a timeline to click: the hint shows. A store of one undated article
    has no point chart: no hint pointing at one."""
    use_db(dashboard_db)
    at = run_page(dashboard_db, "figures")
    assert not at.exception and HINT in _texts(at.caption)

    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    story = tmp_path / "undated.txt"
    story.write_text("Aleppo toll\n\nOfficials said 20 people were killed in Aleppo.\n")
    db = tmp_path / "undated.duckdb"
    with Store(db) as store:
        analyze_paths([story], store)
    use_db(db)
    at = run_page(db, "figures")
    assert not at.exception
    assert "undated articles" in _texts(at.info)
    assert HINT not in _texts(at.caption)


def test_a_store_of_an_older_presslens_is_upgraded_and_shown(dashboard_db, use_db, tmp_path):
    if int(SCHEMA_VERSION) <= OLDEST_UPGRADABLE:
        pytest.skip("no older schema to upgrade")
    old = tmp_path / "older.duckdb"
    shutil.copy(dashboard_db, old)
    con = duckdb.connect(str(old))
    for table in summaries.COLUMNS:
        con.execute(f"DROP TABLE {table}")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [OLDEST_UPGRADABLE])
    con.close()
    # Read-only, the dashboard cannot upgrade it: one clear message, no traceback.
    use_db(old, read_only=True)
    at = run_page(old, "overview")
    assert not at.exception
    assert "older presslens" in " ".join(e.value for e in at.error)
    # Opened as usual, it is upgraded in place and shown.
    use_db(old)
    at = run_page(old, "overview")
    assert not at.exception and not at.error
    assert [t.value for t in at.title] == [TITLES["overview"]]
    con = duckdb.connect(str(old), read_only=True)
    version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    con.close()
    assert version == SCHEMA_VERSION


def test_overview_says_how_many_articles_its_timeline_leaves_out(tmp_path, use_db):
    # Articles without a date (BBC's text files) cannot be placed in time: the Overview says how
    # many of the articles in view its timeline leaves out, instead of looking like the whole.
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    folder = tmp_path / "news"
    folder.mkdir()
    stories = {
        "a": ("The council in Dunmore approved the new bridge.", "2017-03-03"),
        "b": ("Voters in Dunmore backed the harbour plan on Sunday.", "2017-03-05"),
        "c": ("The mayor of Dunmore opened the new library in the old town hall.", None),
    }
    for name, (text, published) in stories.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        if published:
            meta = json.dumps({"title": f"Story {name}", "published": published})
            (folder / f"{name}.meta.json").write_text(meta, encoding="utf-8")
    db = tmp_path / "undated.duckdb"
    with Store(db) as store:
        summary, _ = analyze_paths([folder], store)
        undated = store.con.execute("SELECT count(*) FROM articles WHERE published IS NULL")
        assert summary.new == 3 and undated.fetchone() == (1,)
    use_db(db)
    at = run_page(db, "overview")
    assert not at.exception
    assert "1 of these 3 articles has no publication date" in _texts(at.caption)
    # A view of dated articles only says nothing of the kind.
    dated = run_page(db, "overview", {"from": "2017-03-01", "to": "2017-03-31"})
    assert "no publication date" not in _texts(dated.caption)
    # the sidebar says what a date range leaves out for want of a date
    said = "1 article without a publication date is left out while a date range is set."
    assert said in _texts(dated.sidebar.caption)
    assert said not in _texts(at.sidebar.caption)  # no range: nothing left out


def _dated_and_undated_store(tmp_path) -> Path:
    """Two dated stories and an undated one, with no quotes."""
    stories = {
        "a": ("The ferry to Kellmoor was cancelled after the storm.", "2017-03-03"),
        "b": ("The new lighthouse at Kellmoor was lit on Friday.", "2017-03-05"),
        "c": ("Divers found a bronze bell off Kellmoor harbour.", None),
    }
    return analysed_stories(tmp_path, stories)


@pytest.mark.parametrize("page", ["overview", "articles"])
def test_an_empty_view_says_when_its_dates_leave_out_undated_articles(tmp_path, use_db, page):
    # On FA-KES + BBC the BBC's 2004–05 articles are undated in the store: BBC from 2004 to 2005
    # matched nothing and the page said to widen the dates, which brings none of them back.
    db = _dated_and_undated_store(tmp_path)
    use_db(db)

    def said(params: dict) -> str:
        at = run_page(db, page, params)
        assert not at.exception
        return _texts(at.info)

    march = {"from": "2017-03-01", "to": "2017-03-31"}
    only_undated = said({**march, "q": "bell"})
    assert "Without the dates, 1 article matches, none with a publication date" in only_undated
    assert "clear From and To" in only_undated
    # some undated among what the dates leave out: said with the outlets among the filters
    mixed = said({"from": "2018-01-01", "to": "2018-12-31", "q": "Kellmoor"})
    assert "remove an outlet, speaker, entity or tag" in mixed
    assert "Without the dates, 3 articles match, 1 of them without a publication date" in mixed
    # only dated articles outside the range: widening the dates is the whole advice
    dated = said({"from": "2018-01-01", "to": "2018-12-31", "q": "lighthouse"})
    assert "No articles match these filters" in dated and "Without the dates" not in dated


@pytest.mark.parametrize("page", ["speakers", "entities", "figures", "places"])
def test_every_page_says_when_no_article_matches(tmp_path, use_db, page):
    # With no article in view each page had its own words: Entities said "no entities of this
    # type … choose another type" on All types (BBC and Syria on the real store).
    db = _dated_and_undated_store(tmp_path)
    use_db(db)
    at = run_page(db, page, {"from": "2017-03-01", "to": "2017-03-31", "q": "bell"})
    assert not at.exception
    said = _texts(at.info)
    assert "No articles match these filters between these dates" in said
    assert "Without the dates, 1 article matches" in said
    assert "of this type" not in said


def test_a_page_with_articles_in_view_keeps_its_own_empty_state(tmp_path, use_db):
    db = _dated_and_undated_store(tmp_path)  # three articles, nobody quoted
    use_db(db)
    said = _texts(run_page(db, "speakers").info)
    assert "Nobody is quoted in the articles in view" in said
    assert "No articles match" not in said


def test_date_pickers_give_way_where_the_filters_keep_only_undated_articles(tmp_path, use_db):
    # An outlet whose articles have no dates (the BBC's on FA-KES + BBC) had the pickers offer
    # the store's whole range, which selects nothing of it: one line says why they are gone.
    db = _dated_and_undated_store(tmp_path)
    use_db(db)
    said = "No article under these filters has a publication date"
    undated = run_page(db, "overview", {"q": "bell"})
    assert not at_exception(undated)
    assert not undated.date_input and said in _texts(undated.sidebar.caption)
    assert {m.label: m.value for m in undated.metric}["Articles"] == "1"
    # some dated article among those kept, or nothing filtered: the pickers, at the store's dates
    for params in ({"q": "Kellmoor"}, {}):
        at = run_page(db, "overview", params)
        assert at.date_input(key="from").value == date(2017, 3, 3)
        assert said not in _texts(at.sidebar.caption)
    # a date the link sets stays in sight, to be cleared
    dated = run_page(db, "overview", {"q": "bell", "from": "2017-03-04"})
    assert dated.date_input(key="from").value == date(2017, 3, 4)
    assert said not in _texts(dated.sidebar.caption)
    # in one session: the filter changed to keep only the undated story, and back
    at = run_page(db, "overview", {"q": "Kellmoor"})
    at.text_input(key="q").set_value("bell").run()
    assert not at.date_input and said in _texts(at.sidebar.caption)
    at.text_input(key="q").set_value("lighthouse").run()
    assert at.date_input(key="to").value == date(2017, 3, 5)
    assert {m.label: m.value for m in at.metric}["Articles"] == "1"


def at_exception(at: AppTest) -> str:
    return at.exception[0].value if at.exception else ""


def test_the_footer_names_the_articles_no_date_range_shows(tmp_path, use_db):
    # On FA-KES + BBC the footer said "data: articles 2011-08-01 – 2017-12-14" and nothing of
    # the BBC's 297 articles without a publication date, which no date range shows.
    db = _dated_and_undated_store(tmp_path)
    use_db(db)
    at = run_page(db, "overview")
    assert not at.exception
    assert "whole store: articles 2017-03-03 – 2017-03-05; 1 undated ·" in _texts(at.caption)


@pytest.mark.parametrize("page", ["overview", "places"])
def test_the_footer_of_a_filtered_view_counts_its_articles_beside_the_stores_dates(
    tmp_path, use_db, page
):
    # Under ?speaker=Tony+Blair the footer's "data: articles 2011-08-01 – 2017-12-14; 2,062
    # undated" was the whole store's and read as the view's: the view's articles are counted,
    # and the dates are said to be the store's
    db = _dated_and_undated_store(tmp_path)
    use_db(db)
    footer = _texts(run_page(db, page, {"q": "Kellmoor"}).caption)
    assert (
        "· in view: 3 articles, 1 undated · whole store: articles 2017-03-03 – 2017-03-05; "
        "1 undated ·"
    ) in footer
    footer = _texts(run_page(db, page, {"q": "lighthouse"}).caption)
    assert "· in view: 1 article · whole store: articles" in footer
    footer = _texts(run_page(db, page, {"q": "bell"}).caption)
    assert "· in view: 1 article, none dated · whole store: articles" in footer
    assert "in view:" not in _texts(run_page(db, page).caption)  # the view is the store


def test_the_footer_of_a_store_of_dated_articles_names_none_undated(tmp_path, use_db):
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    folder = tmp_path / "news"
    write_stories(folder, {"a": ("The ferry to Kellmoor sailed on Monday.", "2017-03-03")})
    db = tmp_path / "dated.duckdb"
    with Store(db) as store:
        analyze_paths([folder], store)
    use_db(db)
    footer = _texts(run_page(db, "overview").caption)
    assert "whole store: articles 2017-03-03 – 2017-03-03 ·" in footer and "undated" not in footer


@pytest.mark.parametrize("dated", [True, False])
def test_figures_evidence_heading_only_over_a_chart_to_click(tmp_path, use_db, dated):
    # Figures of undated articles are not charted (the BBC's money on the real store): the
    # "Evidence" heading, whose evidence is a clicked point, had stood alone over the next table.
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    day = "2017-03-03" if dated else None
    stories = {
        "a": ("Four people were killed when the old bridge at Kellmoor collapsed.", day),
        "b": ("Six people were killed when a bus left the road near Kellmoor.", day),
    }
    write_stories(tmp_path / "news", stories)
    db = tmp_path / "figures.duckdb"
    with Store(db) as store:
        analyze_paths([tmp_path / "news"], store)
    use_db(db)
    at = run_page(db, "figures")
    assert not at.exception
    headings = [h.value for h in at.subheader]
    assert any(h.endswith(": all figures") for h in headings), headings
    assert ("Evidence" in headings) is dated
    assert ("cannot be placed in time" in _texts(at.info)) is not dated


def test_the_compared_speakers_follow_the_speaker_filter_until_picked_by_hand(dashboard_db, use_db):
    # A speaker filter set in the session had left the comparison on the three most quoted of
    # the view the session opened on, while a fresh link with the filter compared its speaker.
    from analysis import quote_views
    from analysis.filters import Filters

    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        names = quote_views.speaker_stats(con, Filters(), limit=30)["speaker"].tolist()
    use_db(dashboard_db)
    at = run_page(dashboard_db, "speakers")
    compared = at.multiselect(key="sp_compare")
    assert compared.value == names[:3]
    fresh = run_page(dashboard_db, "speakers", {"speaker": names[3]})
    assert fresh.multiselect(key="sp_compare").value == [names[3]]
    at.multiselect(key="speaker").set_value([names[3]]).run()
    assert not at.exception
    assert at.multiselect(key="sp_compare").value == [names[3]]  # as the fresh link
    at.multiselect(key="speaker").set_value([]).run()
    assert at.multiselect(key="sp_compare").value == names[:3]  # the filter gone: the default
    # picked by hand: kept whatever the filter then says
    at.multiselect(key="sp_compare").set_value([names[1]]).run()
    at.multiselect(key="speaker").set_value([names[3]]).run()
    assert not at.exception
    assert at.multiselect(key="sp_compare").value == [names[1]]
    at.multiselect(key="speaker").set_value([]).run()
    assert at.multiselect(key="sp_compare").value == [names[1]]


def test_the_entity_whose_articles_are_listed_follows_the_filters_until_picked(
    dashboard_db, use_db
):
    # As the compared speakers: a speaker filter set in the session had left the table on the
    # entity most covered before it, where a fresh link opened on the filtered view's.
    use_db(dashboard_db)
    at = run_page(dashboard_db, "entities")
    first = at.selectbox(key="en_pick").value
    fresh = run_page(dashboard_db, "entities", {"speaker": "Maria Lopez"})
    filtered = fresh.selectbox(key="en_pick").value
    assert filtered != first  # the test tells the two views apart
    at.multiselect(key="speaker").set_value(["Maria Lopez"]).run()
    assert not at.exception
    assert at.selectbox(key="en_pick").value == filtered
    at.multiselect(key="speaker").set_value([]).run()
    assert at.selectbox(key="en_pick").value == first
    # picked by hand: it stays
    at.selectbox(key="en_pick").set_value(filtered).run()
    at.multiselect(key="speaker").set_value(["Maria Lopez"]).run()
    at.multiselect(key="speaker").set_value([]).run()
    assert at.selectbox(key="en_pick").value == filtered


def test_the_figures_page_category_follows_the_outlet_until_chosen(tmp_path, use_db):
    # The page opens on what the articles in view count most; an outlet set in the session had
    # left it on the category of the view before (the BBC's money under People killed).
    from tests.corpus_maker import analysed_outlet_stories

    stories = [
        ("n1", "North Post", "2016-05-01", "Shelling killed 12 people in Harwick on Monday."),
        ("n2", "North Post", "2016-05-02", "Air strikes killed 30 people in Harwick on Tuesday."),
        ("n3", "North Post", "2016-05-03", "Floods killed 4 people in Dunmore on Friday."),
        ("s1", "South Wire", "2016-05-04", "The council spent £3m on the bridge and £2m on roads."),
    ]
    db, summary = analysed_outlet_stories(tmp_path, stories, title="Report")
    assert summary.new == 4, summary
    use_db(db)

    def what(at: AppTest) -> str:
        [picker] = [b for b in at.get("button_group") if b.proto.label == "What is counted"]
        return picker.value

    at = run_page(db, "figures")
    assert what(at) == "People killed"
    assert what(run_page(db, "figures", {"source": "South Wire"})) == "Money"  # a fresh link
    at.multiselect(key="source").set_value(["South Wire"]).run()
    assert not at.exception
    assert what(at) == "Money"
    at.multiselect(key="source").set_value([]).run()
    assert what(at) == "People killed"
    # chosen by the reader: kept
    [picker] = [b for b in at.get("button_group") if b.proto.label == "What is counted"]
    picker.set_value("Money").run()
    at.multiselect(key="source").set_value(["South Wire"]).run()
    at.multiselect(key="source").set_value([]).run()
    assert what(at) == "Money"  # not the default of the view, People killed


def test_an_entitys_articles_say_when_more_name_it_than_are_listed(
    dashboard_db, use_db, monkeypatch
):
    # Bashar al-Assad's 257 articles on FA-KES + BBC were listed as 200 rows under "Articles
    # naming Bashar al-Assad", with nothing said of the 57 others.
    from dashboard import report_views

    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        (named,) = con.execute(
            "SELECT count(DISTINCT article_id) FROM entities WHERE name = 'Aleppo'"
        ).fetchone()
    assert named >= 3
    use_db(dashboard_db)
    said = "articles naming Aleppo most; more articles in view name it"
    at = run_page(dashboard_db, "entities", {"en_pick": "Aleppo"})
    assert len(at.dataframe[1].value) == named and said not in _texts(at.caption)
    monkeypatch.setattr(report_views, "ENTITY_ARTICLES", named - 1)
    at = run_page(dashboard_db, "entities", {"en_pick": "Aleppo"})
    assert not at.exception
    assert len(at.dataframe[1].value) == named - 1
    assert f"The {named - 1} {said}" in _texts(at.caption)
    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        from analysis.filters import Filters

        (section,) = report_views.build(
            con, ["entities"], Filters(), link_base="http://dash", choices={"en_pick": "Aleppo"}
        )
    titles = [item.title for item in section.items]
    assert f"Articles naming Aleppo: the {named - 1} naming it most (more articles" in "\n".join(
        titles
    )


def test_a_speaker_quoted_only_in_undated_articles_is_named_beside_the_timeline(tmp_path, use_db):
    # Of the speakers chosen, one quoted only in undated articles had just been absent from
    # the timeline's key, with nothing said.
    stories = {
        "a": ("“The bridge will open in May,” said Mayor Elena Varga.", "2017-03-03"),
        "b": ("“The harbour needs dredging,” said Mayor Elena Varga.", "2017-04-05"),
        "c": ("“Our library stays open,” said councillor Tobias Brandt.", None),
    }
    db = analysed_stories(tmp_path, stories)
    with duckdb.connect(str(db), read_only=True) as con:
        speakers = {r[0] for r in con.execute("SELECT speaker FROM quotes").fetchall()}
    assert speakers == {"Elena Varga", "Tobias Brandt"}
    use_db(db)
    at = run_page(db, "speakers")
    at.multiselect(key="sp_compare").set_value(["Elena Varga", "Tobias Brandt"]).run()
    assert not at.exception
    said = (
        "Not on the timeline: Tobias Brandt — quoted only in articles without a publication date."
    )
    assert said in _texts(at.caption)
    at.multiselect(key="sp_compare").set_value(["Elena Varga"]).run()
    assert "Not on the timeline" not in _texts(at.caption)


def test_the_overview_counts_syndicated_copies_in_words_that_agree(corpus_store, use_db):
    use_db(corpus_store, read_only=True)
    con = duckdb.connect(str(corpus_store), read_only=True)
    by_day = dict(
        con.execute(
            "SELECT o.published::DATE::VARCHAR, count(*) FROM articles c "
            "JOIN articles o ON c.duplicate_of = o.id GROUP BY 1"
        ).fetchall()
    )
    con.close()
    total = sum(by_day.values())
    assert total > 1
    at = run_page(corpus_store, "overview")
    assert (
        f"{total} repeated or syndicated copies of articles recognised and counted once."
        in _texts(at.caption)
    )
    day = next(day for day, n in by_day.items() if n == 1)
    at = run_page(corpus_store, "overview", {"from": day, "to": day})
    assert "1 repeated or syndicated copy of an article recognised and counted once." in _texts(
        at.caption
    )


def test_a_date_range_written_the_wrong_way_round_is_swapped_and_said(corpus_store, use_db):
    """?from=LATER&to=EARLIER matches no article: the page reads the range the right way round
    and says so."""
    import duckdb

    use_db(corpus_store)
    with duckdb.connect(str(corpus_store), read_only=True) as con:
        first, last = con.execute(
            "SELECT min(published), max(published) FROM articles WHERE duplicate_of IS NULL"
        ).fetchone()
        middle = first + (last - first) / 2
        (n,) = con.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND published BETWEEN ? AND ?",
            [first, middle],
        ).fetchone()
    at = run_page(corpus_store, "overview", {"from": str(middle), "to": str(first)})
    assert not at.exception
    # said once, beside the date pickers, not again in the link's notice above the page
    assert f"read as {first} to {middle}" in _texts(at.sidebar.caption)
    assert "read as" not in _texts(at.warning)
    assert n > 0 and at.metric[0].value == f"{n:,}"
    # the pickers set the wrong way round: read so too, said beside them
    at.date_input(key="from").set_value(middle)
    at.date_input(key="to").set_value(first).run()
    assert f"read as {first} to {middle}" in _texts(at.sidebar.caption)
    assert at.metric[0].value == f"{n:,}"


def test_the_overview_says_how_many_quotes_have_no_speaker(corpus_store, use_db):
    """The speaker charts leave out the quotes no speaker was found for: the Overview says how
    many of its quote count they are, under a filter as well."""
    use_db(corpus_store, read_only=True)
    con = duckdb.connect(str(corpus_store), read_only=True)
    total, unattributed = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE speaker IS NULL) FROM quotes q "
        "JOIN articles a ON a.id = q.article_id WHERE a.duplicate_of IS NULL"
    ).fetchone()
    source, in_source = con.execute(
        "SELECT a.source, count(*) FILTER (WHERE q.speaker IS NULL) FROM quotes q "
        "JOIN articles a ON a.id = q.article_id WHERE a.duplicate_of IS NULL "
        "GROUP BY 1 HAVING count(*) FILTER (WHERE q.speaker IS NULL) > 0 ORDER BY 2, 1 LIMIT 1"
    ).fetchone()
    con.close()
    assert 0 < unattributed < total
    at = run_page(corpus_store, "overview")
    assert (
        f"{unattributed:,} of these {total:,} quotes ({unattributed / total:.0%}) have no named speaker"
        in _texts(at.caption)
    )
    at = run_page(corpus_store, "overview", {"source": source})
    assert f"{in_source:,} of these " in _texts(at.caption)


def _said_session_state_warning(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "Session State API" in r.getMessage()]


def test_an_outlet_in_a_link_is_read_as_the_outlet_filter(dashboard_db, use_db):
    # the sidebar says "Outlets": a hand-written outlet= link filters as source= does
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview", {"outlet": "Example Times"})
    assert not at.exception
    assert at.multiselect(key="source").value == ["Example Times"]
    assert at.query_params.get("source") == "Example Times" and "outlet" not in at.query_params
    assert "outlet: Example Times" in _texts(at.caption)
    # an outlet the store lacks is dropped with the notice any unknown outlet gets
    at = run_page(dashboard_db, "overview", {"outlet": "Nowhere Gazette"})
    assert "Nowhere Gazette" in _texts(at.warning)


def test_a_year_link_survives_a_page_switch(dashboard_db, use_db):
    # the sidebar's page links keep only the widgets' parameters: the year went, the address of
    # the next page showing every date while its view kept the year's
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview", {"year": "2016"})
    assert at.query_params.get("year") == "2016"
    del at.query_params["year"]  # as the browser's page switch does
    at.switch_page("app_pages/speakers.py")
    at.run()
    assert not at.exception
    assert at.date_input(key="to").value == date(2016, 12, 31)
    assert at.query_params.get("year") == "2016"
    # dates the reader picked instead of the year's own: no year is put back
    at.date_input(key="from").set_value(date(2016, 3, 1)).run()
    at.date_input(key="to").set_value(date(2016, 6, 30)).run()
    del at.query_params["year"]
    at.switch_page("app_pages/entities.py")
    at.run()
    assert "year" not in at.query_params


@pytest.mark.parametrize("year", ["2025", "2016"])  # outside the store's dates, and inside
def test_a_year_link_sets_the_pickers_without_a_warning_in_the_terminal(
    year, dashboard_db, use_db, caplog, monkeypatch
):
    # Streamlit logs (once per server process, with a whole stack trace) when a widget is given
    # a default and also had its value set through the session state: a year link did both.
    from streamlit.elements.lib import policies

    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    use_db(dashboard_db)
    with caplog.at_level("WARNING", logger="streamlit"):
        at = run_page(dashboard_db, "overview", {"year": year})
    assert not at.exception
    assert at.date_input(key="from").value == date(int(year), 1, 1)
    assert at.date_input(key="to").value == date(int(year), 12, 31)
    assert not _said_session_state_warning(caplog)
    # "Clear all filters" sets the pickers back through the session state too
    first = at.date_input(key="from").value
    with caplog.at_level("WARNING", logger="streamlit"):
        at = next(b for b in at.sidebar.button if b.label == "Clear all filters").click().run()
    assert not at.exception
    assert at.date_input(key="from").value != first  # the store's own first date again
    assert not _said_session_state_warning(caplog)
    # a later run gives the pickers their default again, without a word either
    with caplog.at_level("WARNING", logger="streamlit"):
        at.date_input(key="from").set_value(date(2016, 12, 11)).run()
    assert not at.exception and not _said_session_state_warning(caplog)


def test_a_page_choice_a_link_gets_wrong_falls_back_without_a_warning_in_the_terminal(
    dashboard_db, use_db, caplog, monkeypatch
):
    # set back to the default through the state, as a year link sets the dates
    from streamlit.elements.lib import policies

    monkeypatch.setattr(policies, "_shown_default_value_warning", False)
    use_db(dashboard_db)
    with caplog.at_level("WARNING", logger="streamlit"):
        at = run_page(dashboard_db, "figures", {"what": "Nothing counted"})
    assert not at.exception and "what=Nothing counted" in _texts(at.warning)
    assert not _said_session_state_warning(caplog)


@pytest.fixture(scope="module")
def gaps_db(tmp_path_factory) -> Path:
    """Three short articles of our own, one from an outlet with a byline, one from an outlet
    without, one with no outlet at all; "dozens" is a figure with no value."""
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    folder = tmp_path_factory.mktemp("gaps") / "news"
    folder.mkdir()
    stories = {
        "a": ("Dozens of people were killed when floods swept through Beira on Monday, aid "
              "groups said.", {"source": "Coast Post", "published": "2019-03-18",
                               "author": "Ana Lobo"}),
        "b": ("The health ministry said 40 people had been killed in the floods in Beira.",
              {"source": "River Daily", "published": "2019-03-19"}),
        "c": ("Rescuers said 12 people were still missing in Beira after the floods.",
              {"published": "2019-03-20"}),
    }  # fmt: skip
    for name, (text, meta) in stories.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {"title": f"Floods in Beira ({name})", **meta}
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    db = folder.parent / "gaps.duckdb"
    with Store(db) as store:
        summary, _ = analyze_paths([folder], store)
    assert summary.new == 3, summary
    return db


def test_a_missing_value_reads_as_a_dash_in_every_table(gaps_db, use_db):
    # Streamlit writes a missing cell as a grey "None" (a missing author, an outlet, a value):
    # every table writes the dash the figure tables write for what a sentence does not give
    from dashboard import charts

    use_db(gaps_db, read_only=True)
    pages = {"articles": {}, "places": {"place": "Beira"}, "figures": {"what": "People killed"}}
    for page, params in pages.items():
        at = run_page(gaps_db, page, params)
        assert not at.exception, at.exception[0].value if at.exception else ""
        assert at.dataframe, page
        for table in at.dataframe:
            assert table.proto.placeholder == charts.NOT_GIVEN, page
    # the tables do hold the missing values (shown as dashes)
    listing = run_page(gaps_db, "articles").dataframe[0].value
    assert listing["author"].isna().sum() == 2 and listing["source"].isna().sum() == 1
    places = run_page(gaps_db, "places", {"place": "Beira"}).dataframe
    assert any(t.value.get("source", pd.Series()).isna().any() for t in places)


def test_a_word_that_only_sets_a_floor_shows_no_invented_value(gaps_db, use_db):
    # "Dozens" is stored as at least 24 with no value: the Value cell is empty beside the
    # words, never a bare 24 (README: no invented value is stored)
    use_db(gaps_db, read_only=True)
    at = run_page(gaps_db, "figures", {"what": "People killed"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    table = next(t.value for t in at.dataframe if "estimate" in t.value.columns)
    rows = table.set_index("text")
    assert pd.isna(rows.loc["Dozens", "estimate"]) and rows.loc["40", "estimate"] == 40
    at = run_page(gaps_db, "places", {"place": "Beira"})
    figs = next(t.value for t in at.dataframe if "value" in t.value.columns).set_index("text")
    assert pd.isna(figs.loc["Dozens", "value"]) and figs.loc["40", "value"] == 40


def test_the_headline_table_fits_its_column_at_1280_px(dashboard_db, use_db):
    # At 1280 px with the sidebar open the main column is about 818 px wide: the headline
    # table's columns are given widths that fit it (at 940 px of widths it scrolled sideways
    # there, the Article column cut to "Arti"; Streamlit widens them on a wider screen) and
    # leave its article titles room, and rows in which long names wrap (Streamlit wraps only
    # in rows taller than 4rem).
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview")
    table = next(t for t in at.dataframe if "spread" in t.value.columns)
    config = {k: v for k, v in json.loads(table.proto.columns).items() if k != "_index"}
    assert set(config) == set(table.value.columns)
    widths = [c.get("width") for c in config.values()]
    assert all(isinstance(w, int) for w in widths), config
    assert sum(widths) <= 810 and config["title"]["width"] >= 100
    assert table.proto.row_height > 64


def test_the_entities_links_table_fits_its_column_at_1280_px(dashboard_db, use_db):
    # Beside the network the links' table has two fifths of the 818-px column at 1280 px (318
    # px): at 135 + 135 + 75 px its count, the table's point, was cut to "senten" there.
    use_db(dashboard_db)
    at = run_page(dashboard_db, "entities")
    table = next(t for t in at.dataframe if "name_b" in t.value.columns)
    config = {k: v for k, v in json.loads(table.proto.columns).items() if k != "_index"}
    widths = [config[c]["width"] for c in ("name_a", "name_b", "weight")]
    assert sum(widths) <= 316 and min(widths) >= 80


def test_the_conflicting_figures_show_both_claimants_at_1280_px(dashboard_db, use_db):
    # Left to their text the conflicts' columns ran past the 818-px column at 1280 px, the
    # second claimant cut off at its edge: the figures, links and claimants have widths that fit.
    use_db(dashboard_db)
    at = run_page(dashboard_db, "figures")
    table = next(t for t in at.dataframe if "claimed_by_high" in t.value.columns)
    columns = list(table.value.columns)
    assert columns.index("claimed_by_high") == 7  # the eighth: the rest come after it
    config = json.loads(table.proto.columns)
    first = [config[c]["width"] for c in columns[:8]]
    assert sum(first) <= 810 and table.proto.row_height > 64


def _column_widths(table) -> tuple[list[str], dict]:
    """A drawn table's columns and its column configuration (widths, pinning)."""
    return list(table.value.columns), json.loads(table.proto.columns)


@pytest.mark.parametrize(
    "scorer, polarity", [("TextBlob", "polarity"), ("VADER", "polarity_vader")]
)
def test_the_quotes_table_shows_who_what_when_and_tone_at_1280_px(
    dashboard_db, use_db, monkeypatch, scorer, polarity
):
    # Left to their text the quoted words ran one line past the 818-px column at 1280 px, the
    # date and the scores beyond its edge: the link, speaker, verb, words (wrapping), day and the
    # chosen scorer's polarity have widths that fit, the link pinned while the rest scrolls.
    import streamlit

    heights = []
    draw = streamlit.dataframe

    def spy(df, *args, **kwargs):
        if "cue" in df.columns:
            heights.append(kwargs.get("height"))
        return draw(df, *args, **kwargs)

    monkeypatch.setattr(streamlit, "dataframe", spy)
    use_db(dashboard_db)
    at = run_page(dashboard_db, "speakers", {"speaker": "John Kerry", "scorer": scorer})
    assert not at.exception
    table = next(t for t in at.dataframe if "cue" in t.value.columns)
    columns, config = _column_widths(table)
    assert columns[:6] == ["open", "speaker", "cue", "text", "published", polarity]
    assert sum(config[c]["width"] for c in columns[:6]) <= 810
    assert config["open"]["pinned"] is True and table.proto.row_height > 64
    assert {"title", "kind", "subjectivity"} <= set(columns[6:])
    # the rows of four lines in view whole, up to eight (the default height held four and a half)
    assert heights == [
        components.rows_height(len(table.value), row_height=table.proto.row_height, most_rows=8)
    ]


def test_the_all_figures_table_shows_what_where_who_and_when_at_1280_px(dashboard_db, use_db):
    # Left to their text the columns ran past the 818-px column from "Claimed by" on: the figure,
    # its value, what and where it counts, its claimant and its day fit, the link pinned.
    use_db(dashboard_db)
    at = run_page(dashboard_db, "figures")
    table = next(t for t in at.dataframe if "sentence" in t.value.columns)
    columns, config = _column_widths(table)
    first = ["open", "text", "estimate", "approximate", "unit", "location", "claimed_by"]
    assert columns[:8] == [*first, "published"]
    assert sum(config[c]["width"] for c in columns[:8]) <= 810
    assert config["open"]["pinned"] is True and table.proto.row_height > 64


def test_the_headline_table_shows_every_row_without_an_inner_scroll(
    dashboard_db, use_db, monkeypatch
):
    # Streamlit's default height (about 400 px) held five and a half of the headline table's
    # 66-px rows: the last ones hid behind a scroll inside the table. Its height is now its
    # header and all its rows (up to a dozen, then it scrolls).
    import streamlit

    heights = {}
    draw = streamlit.dataframe

    def spy(df, *args, **kwargs):
        if "spread" in df.columns:
            heights["headline"] = (len(df), kwargs.get("height"), kwargs.get("row_height"))
        return draw(df, *args, **kwargs)

    monkeypatch.setattr(streamlit, "dataframe", spy)
    use_db(dashboard_db)
    at = run_page(dashboard_db, "overview")
    assert not at.exception
    n, height, row_height = heights["headline"]
    assert 1 <= n <= components.WHOLE_ROWS and isinstance(height, int)
    # the header (a default row, 35 px in Chromium), every row, the border (1 px each side):
    # no inner scroll, no empty strip (tests/test_browser.py measures the table drawn)
    assert height == 35 + n * row_height + 2
    # eight rows, as the real store's, are all shown; thirty scroll within a dozen
    assert components.rows_height(8, row_height=66) == 35 + 8 * 66 + 2 > 400
    assert components.rows_height(30, row_height=66) == components.rows_height(12, row_height=66)


def _spread_store(db: Path) -> None:
    """Four Syrian towns reporting 15 to 30 figures each, six far cities one each."""
    from analysis.records import Article, ArticleResult, Entity, Figure
    from analysis.store import Store

    towns = {"Aleppo": 30, "Homs": 25, "Idlib": 20, "Douma": 15, "London": 1, "New York": 1,
             "Tokyo": 1, "Sydney": 1, "Lima": 1, "Toronto": 1}  # fmt: skip
    results = []
    for k, (town, n) in enumerate(towns.items()):
        sentence = f"In {town}, twelve were reported dead."
        figures = tuple(
            Figure(f"a{k}", "twelve", 12.0, None, None, False, "people", "killed", None, town,
                   None, 13, 19, sentence)
            for _ in range(n)
        )  # fmt: skip
        results.append(
            ArticleResult(
                article=Article(id=f"a{k}", title=f"News from {town}", text=sentence, source="W"),
                entities=(Entity(f"a{k}", town, "GPE", 1, 0),),
                figures=figures,
            )
        )
    with Store(db) as store:
        store.write_batch(results)


def test_the_places_map_opens_where_the_figures_are(tmp_path, use_db):
    # 90 of the 96 figures are Syrian, one each in six far cities: the map had opened on the
    # whole world; it opens on Syria and the caption names the cities left outside
    db = tmp_path / "spread.duckdb"
    _spread_store(db)
    use_db(db, read_only=True)
    at = run_page(db, "places")
    assert not at.exception, at.exception[0].value if at.exception else ""
    fig = _figures_by_title(at)["Where the articles report figures and name places"]
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    assert 30 < x0 < 37 and 37 < x1 < 45 and y0 < 33.5 and y1 > 36.3  # Syria, Duma to Aleppo
    assert "6 of those drawn lie outside the map's first view" in _texts(at.caption)
    # sized by articles (one each), the ten places are the world's: the map holds most
    at = run_page(db, "places", {"pl_size": "Articles naming it"})
    fig = _figures_by_title(at)["Where the articles report figures and name places"]
    (x0, x1) = fig.layout.xaxis.range
    assert x1 - x0 > 180
    # a far place picked (London, one figure): the first view holds it, and the caption no
    # longer names it outside
    at = run_page(db, "places", {"place": "London"})
    assert not at.exception
    fig = _figures_by_title(at)["Where the articles report figures and name places"]
    (x0, x1), (y0, y1) = fig.layout.xaxis.range, fig.layout.yaxis.range
    assert x0 < -0.13 < x1 and y0 < 51.5 < y1 and x1 > 37.2  # London and Aleppo
    assert "(London" not in _texts(at.caption) and ", London" not in _texts(at.caption)
    # one place chosen by the region picker: its own few degrees
    at = run_page(db, "places", {"region": "Tokyo"})
    assert not at.exception
    fig = _figures_by_title(at)["Where the articles report figures and name places"]
    (x0, x1) = fig.layout.xaxis.range
    assert x0 < 139.7 < x1 and x1 - x0 < 15


def test_a_region_the_link_names_that_is_not_in_view_is_said_to_be_left_out(tmp_path, use_db):
    # Streamlit dropped an unknown region silently: the map of everywhere, without a word
    db = tmp_path / "spread.duckdb"
    _spread_store(db)
    use_db(db, read_only=True)
    at = run_page(db, "places", {"region": "Atlantis"})
    assert not at.exception
    assert "region=Atlantis in this link is not among the choices" in _texts(at.warning)
    assert at.selectbox(key="region").value is None
    at = run_page(db, "places", {"region": "Aleppo"})  # a known one is taken, without a notice
    assert not at.warning and at.selectbox(key="region").value == "Aleppo"
    # and its tables are headed by the places in it ("for everywhere in Aleppo" had read oddly)
    assert "Figures reported for places in Aleppo" in [s.value for s in at.subheader]


def test_the_place_picker_finds_a_place_by_the_articles_spelling(tmp_path, use_db):
    # The map's names are the gazetteer's ("Ar Raqqah"); a reader types the articles' ("Raqqa")
    from analysis.records import Article, ArticleResult, Entity
    from analysis.store import Store

    db = tmp_path / "spellings.duckdb"
    with Store(db) as store:
        store.write_batch(
            [
                ArticleResult(
                    article=Article(id=f"r{k}", title=f"r{k}", text="t", source="Wire"),
                    entities=(Entity(f"r{k}", "Raqqa", "GPE", 1, 0),),
                )
                for k in range(2)
            ]
        )
    use_db(db, read_only=True)
    at = run_page(db, "places")
    assert not at.exception, at.exception[0].value if at.exception else ""
    picker = at.selectbox(key="place")
    assert {"Ar Raqqah", "Raqqa → Ar Raqqah"} <= set(picker.options)
    # chosen by the spelling, the place is shown, and the link holds the choice
    at = run_page(db, "places", {"place": "Raqqa → Ar Raqqah"})
    assert [s.value for s in at.subheader][:1] == ["Figures reported for Ar Raqqah"]
    at = run_page(db, "places", {"place": "Ar Raqqah"})  # plain links as before
    assert [s.value for s in at.subheader][:1] == ["Figures reported for Ar Raqqah"]
    # a link holding the articles' own spelling alone opens its place, as the picker does
    at = run_page(db, "places", {"place": "Raqqa"})
    assert not at.exception and not at.warning
    assert [s.value for s in at.subheader][:1] == ["Figures reported for Ar Raqqah"]
    # ... and the address bar then holds the place, so a reload keeps it (it had dropped it)
    assert at.query_params.get("place") in ("Ar Raqqah", ["Ar Raqqah"]), at.query_params
    # a place no article in view names is said to be left out, not silently dropped
    at = run_page(db, "places", {"place": "Atlantis"})
    assert not at.exception
    assert "Atlantis in this link is not among the choices" in at.warning[0].value
    assert not [s.value for s in at.subheader if s.value.startswith("Figures reported")]


def test_money_is_charted_one_currency_at_a_time(tmp_path, use_db):
    """Dollars and pounds on one axis read as one sum (a day's median of both): with money in
    two currencies the Figures page asks which, and charts that one, named on the axis."""
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    rows = [
        ("Port deal signed", "2016-03-01", "The port authority agreed to pay $40 million for "
         "new cranes, officials said on Tuesday."),
        ("Port deal grows", "2016-03-08", "The port authority will now pay $55 million for the "
         "cranes, the minister said."),
        ("Stadium sold", "2016-03-02", "The club sold its stadium for £900 million, its chairman "
         "said on Wednesday."),
    ]  # fmt: skip
    src = tmp_path / "money.jsonl"
    undated = {
        "title": "Bridge repaired",
        "source": "Example Times",
        "text": "The city council spent $12 million on repairs to the old bridge, it said.",
    }  # no date: in the table, not on the timeline, and the chart says so
    src.write_text(
        "\n".join(
            json.dumps({"title": t, "date": d, "source": "Example Times", "text": x})
            for t, d, x in rows
        )
        + "\n"
        + json.dumps(undated),
        encoding="utf-8",
    )
    db = tmp_path / "money.duckdb"
    with Store(db) as store:
        analyze_paths([src], store)
    use_db(db)
    at = run_page(db, "figures", {"what": "Money"})
    assert not at.exception
    controls = {w.key: w for w in at.segmented_control}
    assert controls["what"].value == "Money"
    assert controls["currency"].value == "USD"  # the most reported first
    assert set(controls["currency"].options) == {"USD", "GBP"}

    def timeline(at):
        items = at.session_state[components.ITEMS_KEY]
        return next(i.figure for i in items if i.title == "money over time")

    chart = timeline(at)
    assert chart.layout.yaxis.title.text == "reported figure (USD)"
    values = [y for trace in chart.data if trace.y is not None for y in trace.y if y is not None]
    assert values and max(values) < 100e6  # no £900 million among the dollars
    assert "2 of the 3 figures in view are charted" in " ".join(c.value for c in at.caption)
    at = controls["currency"].set_value("GBP").run()
    assert not at.exception
    chart = timeline(at)
    assert chart.layout.yaxis.title.text == "reported figure (GBP)"
    values = [y for trace in chart.data if trace.y is not None for y in trace.y if y is not None]
    assert values == [900e6]
    assert not any("figures in view are charted" in c.value for c in at.caption)  # all drawn
    # the page's report charts the same currency, named in its choices
    import duckdb

    from analysis.filters import Filters
    from dashboard import report_views

    con = duckdb.connect(str(db), read_only=True)
    try:
        for chosen, expected in ((None, "USD"), ("GBP", "GBP")):
            choices = {"what": "Money", **({"currency": chosen} if chosen else {})}
            (section,) = report_views.build(
                con, ["figures"], Filters(), link_base="http://dash", choices=choices
            )
            items = {i.title: i for i in section.items}
            assert items["Which figures"].text.endswith(f"in {expected}")
            chart = items["Money over time"].figure
            assert chart.layout.yaxis.title.text == f"reported figure ({expected})"
            charted = items.get("Charted")
            assert (charted is not None) == (expected == "USD"), charted
    finally:
        con.close()


def _scopes_store(db: Path) -> None:
    """Homs on 2 May 2017: two news tolls (12 and 14 killed) and a running total (300,000
    killed since 2011)."""
    from analysis.records import Article, ArticleResult, Figure
    from analysis.store import Store

    def fig(article, text, value, start, scope):
        sentence = f"In Homs {text} were killed."
        return Figure(article, text, value, value, value, False, "people", "killed", None,
                      "Homs", None, start, start + len(text), sentence, scope=scope)  # fmt: skip

    results = [
        ArticleResult(
            article=Article(
                id=aid, title=f"Homs {aid}", text="Homs.", source="W", published=date(2017, 5, 2)
            ),
            figures=tuple(figs),
        )  # fmt: skip
        for aid, figs in (
            ("h1", [fig("h1", "12", 12.0, 8, "event"), fig("h1", "300,000", 3e5, 40, "total")]),
            ("h2", [fig("h2", "14", 14.0, 8, "event")]),
        )
    ]
    with Store(db) as store:
        store.write_batch(results)


def _figures_report(db: Path, **choices: str) -> dict:
    """The report's Figures section on the store ``db`` with the page's ``choices`` (as
    ``--choice`` gives them): its items by title."""
    from analysis.filters import Filters
    from dashboard import report_views

    con = duckdb.connect(str(db), read_only=True)
    try:
        (section,) = report_views.build(
            con, ["figures"], Filters(), link_base="http://dash", choices=choices
        )
    finally:
        con.close()
    return {i.title: i for i in section.items}


def test_all_figures_chart_tolls_and_running_totals_apart(tmp_path, use_db):
    """All figures: a day's news tolls and a running total at one place are two points of two
    shapes (one median over 12, 14 and 300,000 was neither), the caption says which is which,
    and a clicked running total opens that day's running totals only; the report says the
    same."""
    db = tmp_path / "scopes.duckdb"
    _scopes_store(db)
    use_db(db, read_only=True)
    at = run_page(db, "figures", {"what": "People killed"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    chart = _figures_by_title(at)["People killed"]
    medians = {t.customdata[0][9]: list(t.y) for t in chart.data if t.customdata is not None}
    assert medians == {"event": [12.0], "total": [300_000.0]}  # 12 and 14: the lower middle
    assert "● news events, ◆ running totals" in _texts(at.caption)
    assert "Choose one kind above to chart it alone." in _texts(at.caption)
    assert next(w for w in at.toggle if w.key == "fg_log_killed").value is True
    # the running total clicked: its sentence, not the day's tolls
    point = next(t.customdata[0] for t in chart.data if t.customdata is not None and t.customdata[0][9] == "total")  # fmt: skip
    at.session_state["fg_time"] = {"selection": {"points": [{"customdata": list(point)}]}}
    at.run()
    assert not at.exception
    shown = [_shown(m.value) for m in at.markdown if m.value.startswith("**")]
    assert len(shown) == 1 and shown[0].startswith("**300,000**") and "running total" in shown[0]
    # one kind chosen: no key to shapes
    at = run_page(db, "figures", {"what": "People killed", "counts": "News events"})
    assert not at.exception
    assert "● news events" not in _texts(at.caption)

    items = _figures_report(db, what="People killed")
    assert "◆ running totals" in items["Which marker is which"].text
    assert "above" not in items["Which marker is which"].text  # no switch in a report
    # the page's default scale: 13 beside 300,000 on a log axis, as the page opens
    assert items["People killed over time"].figure.layout.yaxis.type == "log"
    symbols = {t.marker.symbol for t in items["People killed over time"].figure.data if t.customdata is not None}  # fmt: skip
    assert symbols == {0, 2}


def test_running_totals_of_different_groups_are_points_apart_each_opening_its_own(tmp_path, use_db):
    """Running totals in Homs on one day: the war's toll (300,000 people, 320,000 lives: two
    outlets' figures of everyone killed), 41 women and 76 children. They had been one point of
    150,038 that nobody reported; now each group is its own point, the caption says so, and the
    children's point opens the children's figure alone."""
    from analysis.records import Article, ArticleResult, Figure
    from analysis.store import Store

    def fig(article, text, value, start, unit):
        sentence = f"Since 2011 {text} {unit} were killed in Homs."
        return Figure(article, text, value, value, value, False, unit, "killed", None, "Homs",
                      None, start, start + len(text), sentence, scope="total")  # fmt: skip

    given = {
        "w1": [fig("w1", "300,000", 3e5, 5, "people"), fig("w1", "41", 41.0, 40, "women"),
               fig("w1", "76", 76.0, 70, "children")],
        "w2": [fig("w2", "320,000", 3.2e5, 5, "lives")],
    }  # fmt: skip
    db = tmp_path / "groups.duckdb"
    with Store(db) as store:
        store.write_batch([
            ArticleResult(
                article=Article(id=aid, title=f"Homs {aid}", text="Homs.", source=aid.upper(),
                                published=date(2016, 8, 15)),
                figures=tuple(figs),
            )
            for aid, figs in given.items()
        ])  # fmt: skip
    use_db(db, read_only=True)
    at = run_page(db, "figures", {"what": "People killed", "counts": "Running totals"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    chart = _figures_by_title(at)["People killed"]
    points = {
        cd[11]: (y, list(cd))
        for t in chart.data
        if t.customdata is not None
        for y, cd in zip(t.y, t.customdata, strict=True)
    }
    assert {g: y for g, (y, _) in points.items()} == {"": 3e5, "children": 76.0, "women": 41.0}
    assert "(everyone, children, women) are charted apart" in _texts(at.caption)
    for group, texts in (("children", ["**76**"]), ("", ["**300,000**", "**320,000**"])):
        point = points[group][1]
        at.session_state["fg_time"] = {"selection": {"points": [{"customdata": point}]}}
        at.run()
        assert not at.exception
        shown = sorted(
            _shown(m.value).split(" ")[0] for m in at.markdown if m.value.startswith("**")
        )
        assert shown == texts, (group, shown)
    # the report says the same
    items = _figures_report(db, what="People killed", counts="Running totals")
    assert "(everyone, children, women) are charted apart" in items["Groups counted"].text


def test_news_of_different_groups_are_points_apart_and_a_toll_lists_its_parts(tmp_path, use_db):
    """A day's news in Idlib: 40 civilians killed, 15 children among them, and 6 fighters.
    They had been one point of 15 ("15 children"); now the civilians and the fighters are a
    point each, the children none of their own (they are inside the 40), the hover names the
    group, and the civilians' point opens the 40 with the 15 listed under it as its part."""
    from dataclasses import replace

    from analysis.records import Article, ArticleResult, Figure
    from analysis.store import Store

    def fig(text, value, start, unit):
        sentence = f"Today {text} {unit} were killed in an air strike on Idlib."
        return Figure("n1", text, value, value, value, False, unit, "killed", None, "Idlib",
                      None, start, start + len(text), sentence, scope="event")  # fmt: skip

    figures = (
        fig("40", 40.0, 5, "civilians"),
        replace(fig("15", 15.0, 40, "children"), part_of=5),
        fig("6", 6.0, 80, "fighters"),
    )
    db = tmp_path / "news.duckdb"
    with Store(db) as store:
        store.write_batch([
            ArticleResult(
                article=Article(id="n1", title="Idlib strike", text="Idlib.", source="Wire",
                                published=date(2016, 10, 26)),
                figures=figures,
            )
        ])  # fmt: skip
    use_db(db, read_only=True)
    at = run_page(db, "figures", {"what": "People killed", "counts": "News events"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    chart = _figures_by_title(at)["People killed"]
    points = {
        cd[11]: (y, cd[10], list(cd))
        for t in chart.data
        if t.customdata is not None
        for y, cd in zip(t.y, t.customdata, strict=True)
    }
    assert {g: y for g, (y, _, _) in points.items()} == {"civilians": 40.0, "fighters": 6.0}
    assert points["civilians"][1] == " (news events of civilians)"
    assert "(civilians, fighters) are charted apart" in _texts(at.caption)
    # the part is not charted, and the note of what is says so
    assert "2 of the 3 figures in view are charted" in _texts(at.caption)
    assert "but the parts of a toll charted (listed under its point)" in _texts(at.caption)
    at.session_state["fg_time"] = {
        "selection": {"points": [{"customdata": points["civilians"][2]}]}
    }
    at.run()
    assert not at.exception
    shown = [_shown(m.value) for m in at.markdown if m.value.startswith("**")]
    assert [s.split(" ")[0] for s in shown] == ["**40**", "**15**"]
    assert shown[1].endswith("part of 40") and "part of" not in shown[0]
    assert "Parts of these figures, inside their tolls" in _texts(at.caption)
    # the fighters' point: its figure alone, no parts
    at.session_state["fg_time"] = {"selection": {"points": [{"customdata": points["fighters"][2]}]}}
    at.run()
    shown = [_shown(m.value).split(" ")[0] for m in at.markdown if m.value.startswith("**")]
    assert shown == ["**6**"]
    # the report says the same
    items = _figures_report(db, what="People killed", counts="News events")
    assert "(civilians, fighters) are charted apart" in items["Groups counted"].text


def test_a_timeline_of_too_many_days_charts_weeks_each_opening_its_days(
    tmp_path, use_db, monkeypatch
):
    """Past figure_views.SERIES_MAX_POINTS days a point is a week's figures: the hover and the
    caption say so, and a clicked week opens the figures of every day of it in view, each
    under its own article's day; the report says the same."""
    from analysis import figure_views
    from analysis.records import Article, ArticleResult, Figure
    from analysis.store import Store

    def fig(article, text, value):
        sentence = f"In Homs {text} people were killed."
        return Figure(article, text, value, value, value, False, "people", "killed", None,
                      "Homs", None, 8, 8 + len(text), sentence, scope="event")  # fmt: skip

    given = {"k1": (date(2016, 3, 1), "12"), "k2": (date(2016, 3, 3), "30"),
             "k3": (date(2016, 3, 9), "8")}  # fmt: skip
    db = tmp_path / "weeks.duckdb"
    with Store(db) as store:
        store.write_batch([
            ArticleResult(
                article=Article(id=aid, title=f"Homs {aid}", text="Homs.", source="W",
                                published=day),
                figures=(fig(aid, text, float(text)),),
            )
            for aid, (day, text) in given.items()
        ])  # fmt: skip
    monkeypatch.setattr(figure_views, "SERIES_MAX_POINTS", 2)  # three days, two weeks
    use_db(db, read_only=True)
    at = run_page(db, "figures", {"what": "People killed"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    chart = _figures_by_title(at)["People killed"]
    (trace,) = [t for t in chart.data if t.customdata is not None]
    assert [str(x)[:10] for x in trace.x] == ["2016-02-29", "2016-03-07"]
    assert list(trace.y) == [12.0, 8.0]  # the week's median of 12 and 30: its lower middle
    assert "week of" in trace.hovertemplate and "figure(s) that week" in trace.hovertemplate
    assert "Each point is a week's figures at one place" in _texts(at.caption)
    week = list(trace.customdata[0])
    at.session_state["fg_time"] = {"selection": {"points": [{"customdata": week}]}}
    at.run()
    assert not at.exception
    shown = sorted(_shown(m.value) for m in at.markdown if m.value.startswith("**"))
    assert [s.split("**")[1] for s in shown] == ["12", "30"]  # not the next week's 8
    days = [c.value for c in at.caption if c.value.startswith("Claimed by")]
    assert any("01 Mar 2016" in d for d in days) and any("03 Mar 2016" in d for d in days)
    # each card names its outlet beside the day: two outlets' copies of one story had stood
    # as two identical cards
    assert all(d.endswith(("(W, 01 Mar 2016)", "(W, 03 Mar 2016)")) for d in days), days
    # the reader's own choice of points, in the link: days whatever their number, or months
    for per, xs, said in (
        ("day", ["2016-03-01", "2016-03-03", "2016-03-09"], None),
        ("month", ["2016-03-01"], "Each point is a month's figures at one place, of one kind "
         "and group (their median, itself one of the figures; the hover gives their range)."),
    ):  # fmt: skip
        at = run_page(db, "figures", {"what": "People killed", "fg_per": per})
        assert not at.exception, at.exception[0].value if at.exception else ""
        chart = _figures_by_title(at)["People killed"]
        (trace,) = [t for t in chart.data if t.customdata is not None]
        assert [str(x)[:10] for x in trace.x] == xs
        notes = [c.value for c in at.caption if c.value.startswith("Each point is")]
        assert notes == ([said] if said else []), notes

    items = _figures_report(db, what="People killed")
    assert items["Points"].text.startswith("Each point is a week's figures")
    items = _figures_report(db, what="People killed", fg_per="day")  # --choice fg_per=day
    assert "Points" not in items
    (trace,) = [t for t in items["People killed over time"].figure.data if t.customdata is not None]
    assert len(trace.x) == 3


def test_the_speakers_compared_live_in_the_link_and_the_pages_report(dashboard_db, use_db):
    # The speakers chosen to compare over time had not been in the link: "Link to this view"
    # and the page's report showed the three most quoted whoever the reader had chosen.
    from urllib.parse import quote_plus

    import duckdb

    from analysis import quote_views
    from analysis.filters import Filters
    from dashboard import report_views

    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        names = quote_views.speaker_stats(con, Filters(), limit=30)["speaker"].tolist()
    assert len(names) >= 4
    picked = [names[3], names[1]]
    use_db(dashboard_db)
    at = run_page(dashboard_db, "speakers", {"sp_compare": picked})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.multiselect(key="sp_compare").value == picked
    said = _texts(at.caption)
    assert f"Quotes of {', '.join(picked)} (compared above)" in said
    assert "sp_compare=" + "&sp_compare=".join(quote_plus(n) for n in picked) in said
    # the default three are no choice of the reader's: the link names none
    at = run_page(dashboard_db, "speakers")
    assert at.multiselect(key="sp_compare").value == names[:3]
    assert "sp_compare" not in _texts(at.caption)
    at = at.multiselect(key="sp_compare").set_value([names[2]]).run()
    assert f"sp_compare={quote_plus(names[2])}" in _texts(at.caption)
    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        (section,) = report_views.build(
            con, ["speakers"], Filters(), link_base="http://dash", choices={"sp_compare": picked}
        )
    assert f"Quotes of {', '.join(picked)}" in {item.title for item in section.items}


def _timeline_click_script():
    # (AppTest runs this function's body as the app: imports inside)
    import streamlit as st

    from dashboard import filters_ui

    st.session_state["sp_time"] = {
        "selection": {"points": [{"x": "2016-12-01", "customdata": [3, "John Kerry"]}]}
    }
    filters_ui.narrow_to_clicked_period("sp_time", "month", name_key="speaker", name_index=1)


def test_a_timeline_click_narrows_the_dates_to_its_period_and_the_filter_to_its_line():
    # What the Speakers, Entities, Overview and Compare timelines do when a point is clicked:
    # the sidebar's pickers (bound to the link) set, before they are drawn.
    at = AppTest.from_function(_timeline_click_script).run()
    assert not at.exception
    assert at.session_state["from"] == date(2016, 12, 1)
    assert at.session_state["to"] == date(2016, 12, 31)
    assert at.session_state["speaker"] == ["John Kerry"]


def test_a_click_on_a_category_bar_charts_that_category(dashboard_db, use_db):
    from urllib.parse import urlencode

    # The Figures page's "Figures by category": a bar's click sets "What is counted" (through
    # filters_ui.set_page_choice, which the click's callback calls), without Streamlit's
    # warning of a widget given a default and a state.
    use_db(dashboard_db)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.switch_page("app_pages/figures.py")
    at.run()
    what = next(c for c in at.segmented_control if c.key == "what")
    other = next(o for o in what.options if o != what.value)
    at.session_state["what"] = other
    at.session_state["_presslens_clicked_what"] = True  # as set_page_choice leaves it
    at.run()
    assert not at.exception and not at.warning
    assert next(c for c in at.segmented_control if c.key == "what").value == other
    assert "_presslens_clicked_what" not in at.session_state
    assert urlencode({"what": other}) in _texts(at.caption)  # the page's link holds it


def test_a_compare_click_keeps_the_outlets_compared(dashboard_db, use_db):
    # A click on the Compare page narrows the filters (a period, a speaker) to look closer at
    # the outlets compared: they stay, where a change of the sidebar's filters moves them to
    # the new view's default (the outlets of most articles in it).
    def narrowed(kept: bool) -> list[str]:
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.switch_page("app_pages/compare.py")
        at.run()
        assert not at.exception
        if kept:  # as the click's callback leaves it (filters_ui.keep_choice)
            at.session_state["_presslens_picked_cmp_source"] = True
        at.session_state["from"] = at.session_state["to"] = date(2016, 12, 12)  # a day's bar
        at.run()
        return next(m for m in at.multiselect if m.key == "cmp_source").value

    use_db(dashboard_db)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.switch_page("app_pages/compare.py")
    before = next(m for m in at.run().multiselect if m.key == "cmp_source").value
    assert narrowed(kept=False) != before
    assert narrowed(kept=True) == before
