"""``presslens report`` end to end: real server, real Chromium, real files — PNGs that are not
blank and hold the whole page, a PDF that is a document (text pypdf can read, every row of a
60-row table, a title page naming the filters), an HTML report with the dashboard's labels and
links into the dashboard, file names that say what they are, a manifest naming the filters, a
filter that matches nothing reported, and no process left behind (also on a page timeout and on
Ctrl-C)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from PIL import Image, ImageStat
from pypdf import PdfReader

from tests.conftest import ctrl_c_reaches_child

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]


def _streamlit_servers() -> set[int]:
    """The dashboard servers of this checkout (others on a shared machine are not ours)."""
    app = str(ROOT / "dashboard" / "streamlit_app.py")
    out = set()
    for p in psutil.process_iter(["pid", "cmdline"]):
        if app in (p.info["cmdline"] or []):
            out.add(p.info["pid"])
    return out


@pytest.fixture
def db(dashboard_db, tmp_path):
    copy = tmp_path / "report.duckdb"
    shutil.copy(dashboard_db, copy)
    return copy


# Sixty killed figures with distinct values, one a sentence: a table no screenshot holds whole.
SIXTY = [101 + 2 * i for i in range(60)]


@pytest.fixture(scope="module")
def sixty_db(tmp_path_factory):
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    folder = tmp_path_factory.mktemp("sixty")
    text = "\n\n".join(f"Officials said {n} people were killed in Idlib." for n in SIXTY)
    (folder / "tolls.txt").write_text(f"Sixty tolls\n\n{text}\n", encoding="utf-8")
    path = folder / "sixty.duckdb"
    with Store(path) as store:
        summary, _ = analyze_paths([folder / "tolls.txt"], store)
    assert summary.new == 1
    return path


def _report(db, out, *args, env=None, **kw):
    cmd = [sys.executable, "-m", "dashboard.cli", "report", "--db", str(db), "--out", str(out)]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, **kw
    )


def _pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_report_of_a_filtered_view(db, tmp_path):
    before = _streamlit_servers()
    out = tmp_path / "rep"
    r = _report(db, out, "--pages", "overview,speakers", "--filter", 'speaker="John Kerry"',
                "--from", "2016-12-01", "--width", "1200",
                env=dict(os.environ, PRESSLENS_REPORT_TIMINGS="1"))  # fmt: skip
    assert r.returncode == 0, r.stderr
    # What a newcomer reads as errors is not there.
    assert "ScriptRunContext" not in r.stderr and "No runtime found" not in r.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["filters"] == {"from": "2016-12-01", "speaker": ["John Kerry"]}
    assert manifest["matched_articles"] >= 1
    assert [p["page"] for p in manifest["pages"]] == ["overview", "speakers"]
    assert all(p["ok"] for p in manifest["pages"])
    # Every file name says what it is.
    assert sorted(p.name for p in out.iterdir()) == [
        "manifest.json",
        "presslens-overview.png",
        "presslens-report.html",
        "presslens-report.pdf",
        "presslens-speakers.png",
    ]
    for name in ("overview", "speakers"):
        img = Image.open(out / f"presslens-{name}.png")
        assert img.width == 1200 and img.height > 900  # the whole page, not the first 900 px
        stat = ImageStat.Stat(img.convert("L"))
        assert stat.stddev[0] > 8  # not a blank page (a blank one is ~0; these are ~18)
    # The PDF is a document: a title page with the filters, the data's dates and the link.
    n_pages, text = _pdf_text(out / "presslens-report.pdf")
    assert n_pages >= 3
    assert "presslens report" in text and "from 2016-12-01; speaker: John Kerry" in text
    assert "articles 2016-12-10" in text
    assert "http://localhost:8501/?from=2016-12-01&speaker=John+Kerry" in text
    assert "Speakers" in text and "Quoted words" in text
    html = (out / "presslens-report.html").read_text()
    assert html.count('class="plotly-graph-div"') >= 3
    assert "John Kerry" in html and "speaker: John Kerry" in html
    assert "Maria Lopez" not in html.split("<footer>")[0]  # filtered out
    # The link reopens the view on the reader's dashboard, not on the report's own server.
    assert manifest["link"] == "http://localhost:8501/?from=2016-12-01&speaker=John+Kerry"
    assert not _streamlit_servers() - before  # the server it started is gone
    # Where the time went: every phase in the manifest, and as a table on stderr when asked.
    phases = {p["phase"]: p for p in manifest["phases"]}
    for name in (
        "server start",
        "browser launch",
        "content (views, charts, HTML)",
        "draw overview (waited)",
        "screenshot speakers",
        "pdf: print",
        "write files",
    ):
        # (the total is rounded to 0.1 s)
        assert 0 <= phases[name]["start"] <= phases[name]["end"] <= manifest["seconds"] + 0.1, name
    assert re.search(r"^screenshot speakers +[\d.]+ +[\d.]+ +[\d.]+$", r.stderr, re.M)


def test_report_of_compare_and_places(db, tmp_path):
    """Pages beyond the default six: Compare with its groups given by --choice, Places on one
    place; their screenshots, and their content in the PDF and the HTML."""
    out = tmp_path / "rep"
    r = _report(db, out, "--pages", "compare,places", "--choice", "cmp_source=Daily Ledger",
                "--choice", "cmp_source=The Guardian", "--choice", "place=Aleppo")  # fmt: skip
    assert r.returncode == 0, r.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["choices"]["cmp_source"] == ["Daily Ledger", "The Guardian"]
    compare, places = manifest["pages"]
    assert compare["ok"] and places["ok"]
    assert "cmp_source=Daily+Ledger&cmp_source=The+Guardian" in compare["url"]
    for row in (compare, places):
        img = Image.open(out / row["png"])
        assert img.height > 900 and ImageStat.Stat(img.convert("L")).stddev[0] > 8
    _, text = _pdf_text(out / "presslens-report.pdf")
    html = (out / "presslens-report.html").read_text()
    for doc in (text, html):
        assert "Groups compared" in doc and "Median figure per category and place" in doc
        assert "Figures reported for Aleppo" in doc and "Articles about Aleppo" in doc
    groups = html.split("Groups compared", 1)[1].split("</table>", 1)[0]
    assert "Daily Ledger" in groups and "The Guardian" in groups and "Example Times" not in groups


def test_the_pdf_holds_every_row_of_a_sixty_row_table(sixty_db, tmp_path):
    out = tmp_path / "rep"
    r = _report(sixty_db, out, "--pages", "figures", "--format", "pdf,html")
    assert r.returncode == 0, r.stderr
    n_pages, text = _pdf_text(out / "presslens-report.pdf")
    assert n_pages >= 3  # title page, charts, then the table over more than one sheet
    # the one article is a .txt file without a date: the table claims no order of time
    assert "People killed: 60 figures, from articles without a publication date" in text
    found = {int(n) for n in re.findall(r"Officials said (\d+) people", text)}
    assert found == set(SIXTY)
    assert text.count("Claimed by") >= 2  # the table header is repeated on each sheet
    html = (out / "presslens-report.html").read_text()
    assert all(f"Officials said {n} people were killed in Idlib." in html for n in SIXTY)
    # The dashboard's labels, not the store's column names.
    assert "Claimed by" in html and "claimed_by" not in html and "n_claimants" not in html


def test_html_links_open_the_dashboard_at_link_base(db, tmp_path):
    out = tmp_path / "rep"
    base = "https://news.example.org/pl"
    r = _report(db, out, "--pages", "figures,entities", "--format", "html",
                "--filter", "source=Daily Ledger", "--link-base", f"{base}/")  # fmt: skip
    assert r.returncode == 0, r.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["link"] == f"{base}/figures?source=Daily+Ledger"
    html = (out / "presslens-report.html").read_text()
    links = re.findall(r'<a href="([^"]+)">open article</a>', html)
    assert links and all(
        link.startswith(f"{base}/articles?article=") and "source=Daily+Ledger" in link
        for link in links
    )
    assert "articles?article=" not in re.sub(r'<a href="[^"]+">', "", html)  # no bare URLs
    assert not list(out.glob("*.png"))  # html only: no server, no screenshots


def test_a_filter_that_matches_nothing_says_so(db, tmp_path):
    out = tmp_path / "rep"
    r = _report(db, out, "--format", "html", "--filter", "speaker=Nobody Atall")
    assert r.returncode == 3
    assert "match no article" in r.stderr and "speaker: Nobody Atall" in r.stderr
    assert "(it holds no speaker “Nobody Atall”)" in r.stderr  # the mistyped value, named
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["matched_articles"] == 0
    assert manifest["unknown_filter_values"] == ["speaker “Nobody Atall”"]
    assert "No article matches these filters" in (out / "presslens-report.html").read_text()


def test_the_filter_values_a_store_holds_nowhere_are_named(db):
    # A report that matches nothing says which value no article has ("Jon Kerry" for "John
    # Kerry"), as the dashboard does of a link's values; values the store holds are not named,
    # also when together they match nothing
    import duckdb

    from analysis.filters import Filters
    from dashboard import report_views

    con = duckdb.connect(str(db), read_only=True)
    try:
        mistyped = Filters(
            sources=("The Guardian", "The Gardian"),
            tags=("Aleppo", "Narnia"),
            speakers=("John Kerry", "Jon Kerry"),
            entities=("Aleppo", "Atlantis"),
        )
        assert report_views.unknown_values(con, mistyped) == (
            "outlet “The Gardian”",
            "tag “Narnia”",
            "speaker “Jon Kerry”",
            "entity “Atlantis”",
        )
        held = Filters(sources=("The Guardian",), speakers=("John Kerry",), tags=("Aleppo",))
        assert report_views.unknown_values(con, held) == ()
        assert report_views.unknown_values(con, Filters()) == ()
    finally:
        con.close()


def test_screenshot_style_pdf(db, tmp_path):
    out = tmp_path / "rep"
    r = _report(db, out, "--pages", "overview,data", "--format", "pdf",
                "--pdf-style", "screenshot")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert not list(out.glob("*.png"))  # pdf only: the screenshots are not kept as files
    reader = PdfReader(out / "presslens-report-screenshots.pdf")
    assert len(reader.pages) == 2
    assert json.loads((out / "manifest.json").read_text())["pdf"] == (
        "presslens-report-screenshots.pdf"
    )


def test_report_names_a_page_that_does_not_draw(db, tmp_path):
    before = _streamlit_servers()
    out = tmp_path / "rep"
    env = dict(os.environ, PRESSLENS_PAGE_TIMEOUT="0.01")
    r = _report(db, out, "--pages", "overview,figures", "--format", "png,html", env=env)
    assert r.returncode == 1
    assert "page overview:" in r.stderr and "page figures:" in r.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert [p["ok"] for p in manifest["pages"]] == [False, False]
    assert (out / "presslens-report.html").exists()  # the rest is still written
    assert not _streamlit_servers() - before


def test_report_of_a_page_choice(db, tmp_path):
    """--choice sets a page's own URL choice: the Figures page on People killed, news events."""
    out = tmp_path / "rep"
    from dashboard import launch

    port = launch.free_port()  # a machine that opens only some ports: the server's is chosen
    r = _report(db, out, "--pages", "figures", "--format", "png,html", "--port", str(port),
                "--choice", 'what="People killed"', "--choice", "counts=News events")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert (out / "presslens-figures.png").stat().st_size > 10_000
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["choices"] == {"what": "People killed", "counts": "News events"}
    assert "what=People+killed" in manifest["pages"][0]["url"]
    html = (out / "presslens-report.html").read_text()
    assert "People killed: all figures" in html and "Troop numbers: all figures" not in html


def test_report_usage_errors(db, tmp_path):
    r = _report(db, tmp_path / "x", "--pages", "overview,nonsense")
    assert r.returncode == 2 and "nonsense" in r.stderr
    r = _report(db, tmp_path / "x", "--choice", "colour=red")
    assert r.returncode == 2 and "colour" in r.stderr
    r = _report(db, tmp_path / "x", "--filter", "colour=red")
    assert r.returncode == 2 and "colour" in r.stderr
    r = _report(db, tmp_path / "x", "--format", "png,html", "--pdf-style", "screenshot")
    assert r.returncode == 2 and "add pdf to --format" in r.stderr
    assert not (tmp_path / "x").exists()
    (tmp_path / "afile").write_text("keep me")
    r = _report(db, tmp_path / "afile", "--format", "html")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"--out {tmp_path / 'afile'}: cannot make the report's folder (File exists)" in r.stderr
    import socket

    with socket.socket() as taken:  # a port another program listens on
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        r = _report(db, tmp_path / "x", "--port", str(taken.getsockname()[1]))
    assert r.returncode == 2 and "in use" in r.stderr and not (tmp_path / "x").exists()
    notdb = tmp_path / "n.duckdb"
    notdb.write_text("hello")
    r = _report(notdb, tmp_path / "x")
    assert r.returncode == 2 and "n.duckdb" in r.stderr


def test_report_stops_everything_on_ctrl_c(db, tmp_path):
    before = _streamlit_servers()
    cmd = [sys.executable, "-m", "dashboard.cli", "report", "--db", str(db), "--out",
           str(tmp_path / "rep")]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_reaches_child
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (_streamlit_servers() - before):
        time.sleep(0.2)
    assert _streamlit_servers() - before, "the report did not start a server"
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    # Its stderr read while it stops (communicate, not wait): a pipe nobody reads blocks a
    # process that writes more than the pipe holds, which would look like a report that
    # ignores Ctrl-C; what it wrote is then shown if it does not stop.
    try:
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
        raise AssertionError(
            f"the report did not stop on Ctrl-C; its stderr ended: {err[-3000:]}"
        ) from None
    assert proc.returncode == 130, err[-3000:]
    time.sleep(0.5)
    assert not _streamlit_servers() - before


def test_png_of_a_page_matches_the_dashboard(db, tmp_path):
    """The report's screenshot of a link equals what the browser shows for that link, and holds
    the whole page: main column and sidebar."""
    from playwright.sync_api import sync_playwright

    from dashboard import launch, report_capture

    out = tmp_path / "rep"
    r = _report(db, out, "--pages", "overview", "--from", "2016-12-12", "--format", "png")
    assert r.returncode == 0, r.stderr
    shot = Image.open(out / "presslens-overview.png").convert("L")
    with launch.background_server(db) as url, sync_playwright() as p:
        browser = report_capture.open_browser(p)
        page = browser.new_page(device_scale_factor=1)
        live = Image.open(
            io.BytesIO(report_capture.screenshot(page, f"{url}/?from=2016-12-12", 1400, 60))
        ).convert("L")
        sidebar = page.evaluate(
            "() => document.querySelector('[data-testid=\"stSidebarContent\"]').scrollHeight"
        )
        browser.close()
    assert live.size == shot.size
    assert shot.height >= sidebar  # the sidebar's last filter is in the picture
    # Same layout, same charts: pixel statistics agree closely (ports and timings differ).
    assert abs(ImageStat.Stat(live).mean[0] - ImageStat.Stat(shot).mean[0]) < 2.0


def test_in_app_report_names_the_articles_in_view(db, monkeypatch):
    """The page's buttons build their document through reporting._document, whose title page
    names the articles in view as the command's does (it had left the line out)."""
    from dashboard import report, report_html, report_views, reporting

    monkeypatch.setenv("PRESSLENS_DB", str(db))
    monkeypatch.setenv("PRESSLENS_READ_ONLY", "1")
    filters = report.parse_filters(["source=Daily Ledger"], None, None)
    meta = report_views.ReportMeta(filters=filters, link="http://x/entities", data_date="d",
                                   version="test")  # fmt: skip
    html, counted = reporting._document("entities", filters, meta, "http://x", {}, "interactive")
    assert "<dt>Articles in view</dt><dd>2</dd>" in html
    # the PDF's page footer counts them too, beside the whole store's dates (not "Data: …",
    # which had read as the view's)
    footer = report_html.footer_text(counted)
    assert "· 2 articles in view · Whole store: d ·" in footer
    assert "<dt>Whole store</dt><dd>d</dd>" in html


def test_in_app_report_document(db):
    """What the page's "Report (PDF)" and "Report (HTML)" buttons produce for a filtered view:
    the same document as the command, for one page."""
    import duckdb

    from dashboard import report, report_capture, report_html, report_views

    filters = report.parse_filters(["source=Daily Ledger"], None, None)
    con = duckdb.connect(str(db), read_only=True)
    try:
        sections = report_views.build(con, ["entities"], filters, link_base="http://x")
        matched = report_views.matched_articles(con, filters)
    finally:
        con.close()
    meta = report_views.ReportMeta(filters=filters, link="http://x/entities?source=Daily+Ledger",
                                   data_date="articles 2016-12-10 – 2016-12-14", version="test",
                                   matched=matched)  # fmt: skip
    html = report_html.document(sections, meta)
    n_charts = sum(i.figure is not None for s in sections for i in s.items)
    assert html.count('class="plotly-graph-div"') == n_charts >= 2
    assert "outlet: Daily Ledger" in html and 'href="http://x/entities?source=Daily+Ledger"' in html
    pdf = report_capture.document_pdf(report_html.document(sections, meta, rendition="print"))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "outlet: Daily Ledger" in text and "Articles naming" in text


def test_a_tall_chart_prints_under_its_pages_heading():
    """A chart taller than a sheet went to the next sheet and left the page's heading alone on
    its own (the Entities page's 710 px bars): in print a chart is at most a sheet's height."""
    import plotly.graph_objects as go

    from analysis.filters import Filters
    from dashboard import report_capture, report_html
    from dashboard.report_views import Item, ReportMeta, Section

    fig = go.Figure(go.Bar(x=list(range(40)), y=[f"name {i}" for i in range(40)], orientation="h"))
    fig.update_layout(height=900)
    section = Section(page="entities", title="Entities", items=[Item("Top entities", fig)])
    meta = ReportMeta(filters=Filters(), link="http://x", data_date="d", version="t")
    pdf = report_capture.document_pdf(report_html.document([section], meta, rendition="print"))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    sheet = next(t for t in pages if t.startswith("Entities"))
    assert "name 0" in sheet  # the chart on the heading's sheet


def test_a_table_filling_its_last_sheet_leaves_no_sheet_to_the_footer():
    """A table whose rows filled the last sheet (the Places page's 84 places under a speaker)
    pushed the document's own footer onto a 14th sheet holding nothing else; every sheet's foot
    says the same, so in print the document's footer is left out."""
    import pandas as pd

    from analysis.filters import Filters
    from dashboard import report_capture, report_html
    from dashboard.report_views import Item, ReportMeta, Section, Table

    meta = ReportMeta(filters=Filters(), link="http://x", data_date="d", version="t", matched=3)
    frame = pd.DataFrame({"Place": [f"Town {i}" for i in range(18)], "Articles": range(18)})
    section = Section(page="places", title="Places", items=[Item("Places", table=Table(frame))])
    document = report_html.document([section], meta, rendition="print")
    pdf = report_capture.document_pdf(document, report_html.footer_text(meta))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == 2 and "Town 17" in pages[-1]
    assert all("3 articles in view · Whole store: d" in sheet for sheet in pages)  # each foot


def test_an_interrupted_report_exits_though_a_worker_of_its_pool_is_stuck():
    # A worker that never ends (in CI one waited for good on an import's lock that the
    # interrupted main thread had left held) would keep Python from exiting: after Ctrl-C the
    # report exits at once with 130; with no worker left it returns as usual.
    stuck = (
        "import sys, threading\n"
        "from dashboard import report\n"
        "threading.Thread(target=threading.Event().wait, name=report._POOL_PREFIX + '_0').start()\n"
        "report._exit_if_workers_left(report.EXIT_INTERRUPTED)\n"
        "sys.exit(0)\n"
    )
    r = subprocess.run([sys.executable, "-c", stuck], cwd=ROOT, timeout=60, capture_output=True)
    assert r.returncode == 130
    free = "from dashboard import report\nreport._exit_if_workers_left(130)\nprint('returned')\n"
    r = subprocess.run([sys.executable, "-c", free], cwd=ROOT, timeout=60, capture_output=True)
    assert r.returncode == 0 and b"returned" in r.stdout
