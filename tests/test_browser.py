"""The dashboard in a real browser: the server started as users start it, each page opened in
headless Chromium, charts drawn, no exception shown, screenshots saved (to build/screenshots/ —
look at them); filters in the address bar, a chart click that narrows them, a bad link's notice."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from analysis.filters import Filters
from dashboard import launch, report_capture
from dashboard.report_views import page_url

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
PAGES = ["overview", "speakers", "entities", "figures", "articles", "data"]


@pytest.fixture(scope="module")
def server(dashboard_db, tmp_path_factory):
    # A copy: this test process may hold the original open (AppTest), and DuckDB lets only one
    # process write a file.
    db = tmp_path_factory.mktemp("browser") / "dashboard.duckdb"
    shutil.copy(dashboard_db, db)
    log = db.with_suffix(".log")
    with launch.background_server(db, read_only=False, log=log) as url:
        yield url


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    yield pg
    pg.close()


def _open(page, url):
    page.goto(url, wait_until="domcontentloaded")
    report_capture.wait_drawn(page, 60)


@pytest.mark.parametrize("name", PAGES)
def test_each_page_draws_without_error(name, server, page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    _open(page, page_url(server, name, Filters()))
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_role("heading", name=name.capitalize()).first.is_visible()
    if name in ("overview", "speakers", "entities", "figures"):
        assert page.locator(".js-plotly-plot .main-svg").count() >= 1
    # The report's capture: the viewport grown to the page (Streamlit scrolls inside its main).
    png = report_capture.screenshot(page, page_url(server, name, Filters()), 1400, 60)
    (SHOTS / f"{name}.png").write_bytes(png)


def test_the_headline_table_shows_every_row_whole_and_nothing_below(server, page):
    """The Overview's headline figures are drawn in full: the grid's height holds its header and
    every row (no inner scroll hiding one) and no more (an empty row's strip had shown below)."""
    _open(page, server)
    grid = page.locator('[data-testid="stDataFrame"]').last  # the headline table, the page's last
    grid.scroll_into_view_if_needed()  # (drawn as it comes into view, at the page's end)
    grid.locator('[data-testid="glide-cell-1-0"]').wait_for(state="attached", timeout=30_000)
    rows = int(grid.locator('table[role="grid"]').get_attribute("aria-rowcount")) - 1
    assert 1 <= rows <= 12
    scroller = grid.locator(".dvn-scroller")
    measure = (
        "e => [e.clientHeight, e.scrollHeight, e.firstElementChild.getBoundingClientRect().height]"
    )
    # The grid settles its height a moment after its first cells are drawn (on a loaded
    # machine, after the first measure): the height it settles on is the one a reader sees.
    deadline = time.monotonic() + 15
    while True:
        shown, content, drawn = scroller.evaluate(measure)
        if content <= shown and shown - drawn <= 1 or time.monotonic() > deadline:
            break
        page.wait_for_timeout(250)
    assert content <= shown, (shown, content)  # nothing scrolls inside it
    assert shown - drawn <= 1, (shown, drawn)  # and no strip of an empty row below the last


def test_the_overview_opens_by_its_name_too(server, page):
    """``/overview`` (as each other page opens by its name) shows the Overview with the link's
    filters, not Streamlit's "Page not found"."""
    _open(page, f"{server}/overview?speaker=John+Kerry&speaker=Boris+Johnson")
    assert page.get_by_role("heading", name="Overview").first.is_visible()
    assert page.get_by_text("Page not found").count() == 0
    url = page.url
    assert "speaker=John+Kerry" in url and "speaker=Boris+Johnson" in url, url
    assert page.locator(".js-plotly-plot .main-svg").count() >= 1
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("Boris Johnson").count() >= 1


def test_filter_in_the_link_shows_in_the_sidebar(server, page):
    _open(page, f"{server}/speakers?speaker=John+Kerry")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("John Kerry").count() >= 1
    assert (
        "speaker: John Kerry"
        in page.locator('[data-testid="stCaptionContainer"]').all_inner_texts()[-1]
    )
    png = report_capture.screenshot(page, f"{server}/speakers?speaker=John+Kerry", 1400, 60)
    (SHOTS / "speakers-john-kerry.png").write_bytes(png)


def test_clicking_a_bar_narrows_the_filters_and_the_url(server, page):
    _open(page, f"{server}/")
    chart = page.locator(".js-plotly-plot").nth(1)  # "Who is quoted most"
    bar = chart.locator("g.point path").last  # the top bar: the most quoted speaker
    box = bar.bounding_box()  # Plotly's drag layer sits on top: click where a user would
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => window.location.search.includes('speaker=')", timeout=20000)
    report_capture.wait_drawn(page, 60)
    speakers = parse_qs(urlparse(page.url).query)["speaker"]
    assert speakers == ["John Kerry"]
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "2"


def test_clicking_an_entity_bar_of_any_type_narrows_the_filters(server, page, dashboard_db):
    import duckdb

    from analysis import entity_views

    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        top = entity_views.top_entities(con, limit=20)
    assert top["label"].nunique() > 1  # bars of several types: one trace each
    _open(page, f"{server}/entities")
    chart = page.locator(".js-plotly-plot").first  # "Most covered"
    assert "people" in chart.inner_text()  # the key names the types' colours
    bars = chart.locator("g.point path")
    boxes = [bars.nth(i).bounding_box() for i in range(bars.count())]
    box = min((b for b in boxes if b), key=lambda b: b["y"])  # the top bar, whatever its type
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => window.location.search.includes('entity=')", timeout=20000)
    assert parse_qs(urlparse(page.url).query)["entity"] == [top["name"].iloc[0]]


def test_clicking_a_speaker_on_the_speakers_page_narrows_the_filters_and_the_url(server, page):
    # The tone chart's click had listed the speaker's quotes with nothing in the address: the
    # view a reader drilled into was no link. It filters on them now, as the Overview's bars do.
    _open(page, f"{server}/speakers")
    chart = page.locator(".js-plotly-plot").first  # "Tone of each speaker's words"
    boxes = [b for b in map(lambda p: p.bounding_box(), chart.locator("g.point path").all()) if b]
    box = min(boxes, key=lambda b: b["y"])  # the top bar
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => window.location.search.includes('speaker=')", timeout=20000)
    report_capture.wait_drawn(page, 60)
    [speaker] = parse_qs(urlparse(page.url).query)["speaker"]
    assert page.get_by_text(f"In bold: {speaker}.").count() == 1  # the page says it narrowed
    assert page.locator('[data-testid="stException"]').count() == 0


def test_clicking_a_timeline_bar_narrows_the_dates_and_the_url(server, page):
    # The Overview's articles over time: a day's bar (the store's dated articles: 10, 12 and
    # 14 December 2016) sets From and To to that day; the middle one, so that neither is the
    # store's own first or last date (which the link leaves out).
    _open(page, f"{server}/")
    chart = page.locator(".js-plotly-plot").first  # articles over time
    boxes = sorted((b for b in (p.bounding_box() for p in chart.locator("g.point path").all()) if b),
                   key=lambda b: b["x"])  # fmt: skip
    days = sorted({round(b["x"]) for b in boxes})
    assert len(days) == 3
    box = next(b for b in boxes if round(b["x"]) == days[1])
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => window.location.search.includes('from=')", timeout=20000)
    report_capture.wait_drawn(page, 60)
    params = parse_qs(urlparse(page.url).query)
    assert params["from"] == params["to"] == ["2016-12-12"]
    assert page.locator('[data-testid="stException"]').count() == 0


def test_figures_page_choices_round_trip_through_the_url(server, page):
    _open(page, f"{server}/figures?what=People+remaining+%2F+trapped")
    main = page.locator('[data-testid="stMain"]')
    assert main.get_by_text("People remaining / trapped: all figures").count() == 1
    # A click on a choice writes it to the URL, so the view is a link again.
    main.get_by_role("radio", name="Running totals").click()
    page.wait_for_function("() => window.location.search.includes('counts=Running')", timeout=20000)
    report_capture.wait_drawn(page, 60)
    assert parse_qs(urlparse(page.url).query)["counts"] == ["Running totals"]
    # The rerun the click caused may start after the page last looked idle: wait for what it
    # draws (running totals hold only the displaced, so the page falls back to them).
    main.get_by_text("People displaced: all figures").wait_for(timeout=30000)
    assert main.get_by_text("People displaced: all figures").count() == 1
    png = report_capture.screenshot(page, page.url, 1400, 60)
    (SHOTS / "figures-running-totals.png").write_bytes(png)


@pytest.mark.parametrize("label, suffix", [("Report (HTML)", ".html"), ("Report (PDF)", ".pdf")])
def test_the_pages_report_buttons_download_the_view(server, page, label, suffix):
    """A user's click on the foot's report buttons downloads this page under its filters (they
    had raised in the server, the store's cursor used as a connection, and nothing came)."""
    _open(page, f"{server}/entities?source=Daily+Ledger")
    button = page.get_by_role("button", name=label)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=120_000) as download:
        button.click()
    path = download.value.path()
    # the file name says which view it holds
    assert download.value.suggested_filename == f"presslens-entities-report_Daily-Ledger{suffix}"
    body = Path(path).read_bytes()
    if suffix == ".html":
        text = body.decode("utf-8")
        assert "outlet: Daily Ledger" in text and text.count('class="plotly-graph-div"') >= 2
    else:
        import io

        from pypdf import PdfReader

        pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
        assert "outlet: Daily Ledger" in pdf and "Articles naming" in pdf


def test_a_bad_link_opens_with_a_notice(server, page):
    _open(page, f"{server}/?speaker=Nobody+Atall&from=yesterday")
    alert = page.locator('[data-testid="stAlert"]').filter(has_text="Nobody Atall")
    assert alert.count() == 1 and "from=yesterday" in alert.inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_reader_shows_markup_as_text(server, page, tmp_path):
    # The reader of the sample: quotes and figures marked, nothing executed.
    _open(page, f"{server}/articles")
    article = page.locator(".presslens-article")
    assert article.count() == 1
    assert article.locator("span[title*='John Kerry']").count() >= 5


def test_a_read_only_dashboard_started_from_the_command_line_changes_nothing(
    corpus_store, tmp_path, browser
):
    """`presslens dashboard --read-only`, as a user shares one: the sidebar says so, the Data
    page offers no upload, the Entities page no undo of a merge, and the store is unchanged."""
    import hashlib
    import subprocess
    import sys

    db = tmp_path / "shared.duckdb"
    shutil.copy(corpus_store, db)  # the corpus's spellings joined: merges to be undone
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    port = launch.free_port()
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "dashboard.cli", "dashboard", "--db", str(db), "--read-only",
         "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        launch.wait_ready(url, proc)
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        _open(pg, f"{url}/data")
        assert "(read-only)" in pg.locator('[data-testid="stSidebar"]').inner_text()
        assert pg.locator('[data-testid="stFileUploader"]').count() == 0
        assert "uploads and analysis are disabled" in pg.inner_text("body")
        _open(pg, f"{url}/entities")
        assert pg.get_by_role("heading", name="Entities").first.is_visible()
        assert pg.get_by_text("merges can be seen, not undone").count() == 1
        assert pg.get_by_role("button", name="Undo merge").count() == 0
        pg.close()
    finally:
        import os
        import signal

        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=20)
        log.close()
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert "read-only" in (tmp_path / "server.log").read_text()


def test_first_start_without_db_builds_the_sample(tmp_path, monkeypatch, browser):
    """`presslens dashboard` with no --db: the sample store is built on first start, visibly,
    and reused afterwards; a stale sample store (e.g. an older schema) is rebuilt."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stale = tmp_path / "presslens" / "sample.duckdb"
    stale.parent.mkdir(parents=True)
    stale.write_text("left over from another version")
    log = tmp_path / "server.log"
    with launch.background_server(None, read_only=False, log=log) as url:
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.goto(url, wait_until="domcontentloaded")
        # The moment the progress shows, it has its bar and says what is happening.
        progress = pg.locator('[data-testid="stProgress"]').first
        progress.wait_for(timeout=60000)
        assert "First start" in progress.inner_text() or "Sample analysed" in progress.inner_text()
        assert progress.locator('[role="progressbar"]').count() == 1
        # A second reader arriving meanwhile waits for the same build instead of failing.
        other = browser.new_page(viewport={"width": 1400, "height": 1000})
        other.goto(url, wait_until="domcontentloaded")
        pg.get_by_text("Sample analysed").wait_for(timeout=120000)
        report_capture.wait_drawn(pg, 120)
        report_capture.wait_drawn(other, 120)
        for p in (pg, other):
            assert p.locator('[data-testid="stMetricValue"]').first.inner_text() == "1"
            p.close()
    assert stale.stat().st_size > 100_000  # a real DuckDB store now
    # Nothing a newcomer would read as an error in the server's log.
    text = log.read_text(errors="replace")
    for noise in ("No runtime found", "missing ScriptRunContext", "Did not auto detect"):
        assert noise not in text


# What a 1024-px screen shows of the Overview: the counts' cards (any part of one whose text
# is cut), its two bar charts' boxes, and the report buttons' boxes and whether their text is cut.
_NARROW_JS = """() => {
  const cut = e => [e, ...e.querySelectorAll('*')].some(x => x.scrollWidth > x.clientWidth + 1);
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const buttons = ['report-html', 'report-pdf'].map(k => document.querySelector('.st-key-' + k));
  return {
    counts: [...document.querySelectorAll('[data-testid="stMetricValue"]')]
      .map(e => [e.textContent, cut(e)]),
    charts: charts.map(box),
    buttons: buttons.map(b => [box(b), cut(b)]),
  };
}"""


def test_a_1024_px_screen_shows_the_counts_charts_and_buttons_whole(server, page):
    """At 1024 px with the sidebar open the page is 560 px wide: Streamlit kept two charts a row
    (270 px each: titles, names and axes cut), the five counts cut to "2,…" and the report
    buttons to "Repor…". The charts now stack, the counts wrap, the buttons keep their width."""
    page.set_viewport_size({"width": 1024, "height": 900})
    _open(page, server)
    page.locator('[data-testid="stPlotlyChart"]').nth(2).wait_for(timeout=60_000)
    shown = page.evaluate(_NARROW_JS)
    assert len(shown["counts"]) == 5
    assert not [text for text, cut in shown["counts"] if cut], shown["counts"]
    timeline, quoted, covered = shown["charts"][:3]
    assert quoted[3] <= covered[1], shown["charts"]  # one below the other, not side by side
    assert covered[2] - covered[0] > 500, covered  # the page's width, not half of it
    (html, html_cut), (pdf, pdf_cut) = shown["buttons"]
    assert not html_cut and not pdf_cut
    assert html[1] == pdf[1], (html, pdf)  # side by side, as on a wide screen


def test_six_counts_at_1280_px_show_their_labels_whole(server, page):
    """Under a speaker filter the Overview has six cards; at 1280 px with the sidebar open the
    second's label was cut to "Their quo…"."""
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, page_url(server, "overview", Filters(speakers=("Maria Lopez",))))
    page.locator('[data-testid="stMetric"]').nth(5).wait_for(timeout=60_000)
    labels = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMetricLabel"]')].map(e =>
             [e.textContent, [e, ...e.querySelectorAll('*')].some(
               x => x.scrollWidth > x.clientWidth + 1)])"""
    )
    assert len(labels) == 6 and "Their quotes" in [text for text, _ in labels]
    assert not [text for text, cut in labels if cut], labels


def test_a_wide_screen_keeps_two_charts_a_row(server, page):
    page.set_viewport_size({"width": 1400, "height": 900})
    _open(page, server)
    page.locator('[data-testid="stPlotlyChart"]').nth(2).wait_for(timeout=60_000)
    _, quoted, covered = page.evaluate(_NARROW_JS)["charts"][:3]
    assert quoted[1] == covered[1] and quoted[2] <= covered[0]


_SIDEWAYS_JS = """g => { const s = g.querySelector('.dvn-scroller');
  return [s.scrollWidth, s.clientWidth]; }"""


@pytest.mark.parametrize(("name", "which"), [("overview", -1), ("entities", 0)])
def test_at_1280_px_the_headline_and_links_tables_fit_without_a_sideways_scroll(
    server, page, name, which
):
    """At 1280 px with the sidebar open the Overview's headline figures (column widths of 940
    px in 818) scrolled sideways, their Article cut to "Arti", and the Entities' links beside
    the network cut their count to "senten"."""
    page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, page_url(server, name, Filters()))
    grid = page.locator('[data-testid="stDataFrame"]').nth(which)
    grid.scroll_into_view_if_needed()
    grid.locator('[data-testid="glide-cell-1-0"]').wait_for(state="attached", timeout=30_000)
    wide, shown = grid.evaluate(_SIDEWAYS_JS)
    assert wide <= shown + 1, (wide, shown)


def test_the_scatter_keeps_its_scale_on_a_wide_screen(server, page):
    """The speakers' names are placed for the plot area at 1280 px; at 1920 the chart had
    stretched the polarity axis with the column and the leaders' lines with it. A polarity unit
    is as many pixels at 1920 px as at 1280 (the wider plot shows more of the axis)."""
    scale_js = """() => [...document.querySelectorAll('.js-plotly-plot')]
      .filter(g => (g.layout.title.text || '').includes('Polarity and subjectivity'))
      .map(g => [g._fullLayout.xaxis._m, g._fullLayout.xaxis._length])"""
    measured = {}
    for width in (1280, 1920):
        page.set_viewport_size({"width": width, "height": 900})
        _open(page, page_url(server, "speakers", Filters()))
        page.wait_for_function(f"() => ({scale_js})().length === 1", timeout=30_000)
        page.wait_for_timeout(500)  # (Plotly redraws at the column's width)
        [measured[width]] = page.evaluate(scale_js)
    (narrow, narrow_len), (wide, wide_len) = measured[1280], measured[1920]
    assert wide_len > 1.5 * narrow_len  # the plot is wider ...
    assert wide == pytest.approx(narrow, rel=0.03)  # ... a polarity unit is not
