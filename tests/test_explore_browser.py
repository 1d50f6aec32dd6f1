"""Search, Compare and Places in a real browser (headless Chromium against the server started
as users start it): marked matches, a malformed query's message, the groups in the address bar,
the offline map and a click on it. Screenshots go to build/screenshots/ — look at them."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard import launch, report_capture

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"


@pytest.fixture(scope="module")
def server(dashboard_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("explore-browser") / "dashboard.duckdb"
    shutil.copy(dashboard_db, db)
    with launch.background_server(db, read_only=False, log=db.with_suffix(".log")) as url:
        yield url


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1400, "height": 1000})
    # Nothing for the charts may come from outside the dashboard's own server (the map is drawn
    # offline). Streamlit itself fetches the page icon's Material Symbol from Google Fonts.
    pg.outside = []
    own = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "https://fonts.gstatic.com/")
    pg.on("request", lambda r: None if r.url.startswith(own) else pg.outside.append(r.url))
    yield pg
    pg.close()


def _open(page, url):
    page.goto(url, wait_until="domcontentloaded")
    report_capture.wait_drawn(page, 60)
    assert page.locator('[data-testid="stException"]').count() == 0


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"{name}.png").write_bytes(report_capture.screenshot(page, page.url, 1400, 60))


def test_search_marks_the_matches_and_explains_a_bad_query(server, page):
    _open(page, f"{server}/articles?q=%22safe+corridors%22+OR+Geneva")
    marks = page.locator("mark").all_inner_texts()
    assert "safe corridors" in marks and "Geneva" in marks
    _shot(page, "articles-search")
    box = page.locator('[data-testid="stSidebar"] input[aria-label="Search"]')
    box.fill("(Aleppo OR")
    box.press("Enter")
    alert = page.locator('[data-testid="stAlert"]').filter(has_text="Search not applied")
    alert.wait_for(timeout=20000)
    assert "OR at character 9 needs a term after it" in alert.inner_text()


def test_compare_two_outlets_from_the_link(server, page):
    _open(page, f"{server}/compare?cmp_source=Example+Times&cmp_source=Daily+Ledger")
    assert page.locator(".js-plotly-plot").count() == 4
    assert page.get_by_text("Who each group quotes (share of all its quotes)").count() >= 1
    _shot(page, "compare-outlets")
    assert page.outside == []


def test_places_map_is_offline_and_a_click_opens_the_place(server, page):
    _open(page, f"{server}/places")
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for(timeout=60000)  # the first use loads the gazetteer (a few seconds)
    report_capture.wait_drawn(page, 60)
    assert chart.locator("g.scatterlayer g.trace").count() >= 2  # outline + bubbles
    _shot(page, "places-map")
    bubble = chart.locator("g.scatterlayer g.trace g.points path").first
    box = bubble.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function("() => window.location.search.includes('place=')", timeout=20000)
    report_capture.wait_drawn(page, 60)
    place = parse_qs(urlparse(page.url).query)["place"][0]
    assert page.get_by_text(f"Articles about {place}").count() >= 1
    _shot(page, "places-clicked")
    assert page.outside == []
