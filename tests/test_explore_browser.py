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


# Each name on the map, and the plot's box, as the browser draws them.
_MAP_BOXES_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const b = plot.querySelector('rect.bg').getBoundingClientRect();
  const names = [...plot.querySelectorAll('.cartesianlayer .textpoint text')].map(t => {
    const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.top, r.right, r.bottom];
  });
  return {plot: [b.left, b.top, b.right, b.bottom], names};
}"""


def test_the_maps_names_stay_whole_and_apart_on_a_1024_px_screen(server, page):
    """The map's names are placed for the plot's pixels on the narrowest page
    (:data:`dashboard.map_charts.PLOT_PX`): placed for 800 px, "United Kingdom" ran off the
    map's east edge at 1024 px ("United Kin") and London's name ran into Germany's. The plot
    Streamlit draws at 1024 px with the sidebar open is at least that wide, and each name is
    inside it and clear of the others."""
    from dashboard import map_charts

    page.set_viewport_size({"width": 1024, "height": 900})
    _open(page, f"{server}/places")
    page.locator(".js-plotly-plot .textpoint text").first.wait_for(timeout=60000)
    boxes = page.evaluate(_MAP_BOXES_JS)
    x0, y0, x1, y1 = boxes["plot"]
    assert x1 - x0 >= map_charts.PLOT_PX[0] - 1, boxes["plot"]
    names = boxes["names"]
    assert names
    for name, left, top, right, bottom in names:
        assert left >= x0 - 0.5 and right <= x1 + 0.5 and top >= y0 and bottom <= y1, name
        for other, o_left, o_top, o_right, o_bottom in names:
            if other != name:
                apart = right <= o_left or o_right <= left or bottom <= o_top or o_bottom <= top
                assert apart, (name, other)
