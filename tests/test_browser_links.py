"""Links that name an article, in a real browser (headless Chromium) against the running server,
on the multi-outlet corpus (``corpus_store``) with the target never first in the list: the
address ``/articles?article=ID``; a Figures evidence card's "Open the article" (the sentence
outlined); the Entities and Speakers tables' "open article" links, clicked where a person
clicks them; and "Link to this view" after picking another article. Screenshots go to
build/screenshots/ (look at them)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import duckdb
import pytest

from analysis.filters import Filters
from dashboard import launch, report_capture, report_views

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
ROW_PX = 35  # Streamlit's data grid: header and rows are 35 px high
WRAP4_ROW_PX = 84  # rows of four wrapped lines (components.WRAP4_ROW_HEIGHT): the quotes


@pytest.fixture(scope="module")
def server(corpus_store, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser-links") / "corpus.duckdb"
    shutil.copy(corpus_store, db)  # this process may hold the original open
    with launch.background_server(db, read_only=True, log=db.with_suffix(".log")) as url:
        yield url


@pytest.fixture(scope="module")
def articles(corpus_store):
    con = duckdb.connect(str(corpus_store), read_only=True)
    try:
        return con.execute(
            "SELECT id, title FROM articles WHERE duplicate_of IS NULL "
            "ORDER BY published DESC NULLS LAST, title, id"
        ).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def context():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = report_capture.open_browser(p)
        ctx = b.new_context(viewport={"width": 1400, "height": 1000})
        yield ctx
        b.close()


@pytest.fixture
def page(context):
    pg = context.new_page()
    yield pg
    pg.close()


def _open(page, url):
    page.goto(url, wait_until="domcontentloaded")
    report_capture.wait_drawn(page, 60)


def _heading(page) -> str:
    """The reader's heading (the title of the article shown)."""
    main = page.locator('[data-testid="stMain"]')
    found = main.locator("h4").all_inner_texts()
    assert len(found) == 1, found
    return found[0].strip()


def _outlined(page) -> str:
    return "".join(page.locator(".presslens-focus").all_inner_texts())


@pytest.mark.parametrize("position", [3, 29, -1])
def test_the_address_opens_the_named_article(server, page, articles, position):
    article_id, title = articles[position]
    assert article_id != articles[0][0]
    # The address `presslens report --choice article=ID` screenshots, too.
    url = report_views.page_url(server, "articles", Filters(), {"article": article_id})
    assert url == f"{server}/articles?article={article_id}"
    _open(page, url)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _heading(page) == title
    # The page keeps the id in its address (it is not replaced by the first article's).
    assert parse_qs(urlparse(page.url).query)["article"] == [article_id]
    if position == 29:
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / "articles-linked.png").write_bytes(report_capture.screenshot(page, url, 1400, 60))


def test_a_figures_evidence_card_opens_its_article_at_the_sentence(server, page):
    _open(page, f"{server}/figures?what=People+killed&from=2017-02-01")
    chart = page.locator(".js-plotly-plot").first
    points = chart.locator(".scatterlayer .points path")
    assert points.count() >= 5
    point = points.nth(points.count() // 2)
    point.scroll_into_view_if_needed()
    box = point.bounding_box()  # Plotly's drag layer sits on top: click where a person would
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    link = page.get_by_role("link", name="Open the article").first
    link.wait_for(timeout=30000)
    report_capture.wait_drawn(page, 60)
    # The card: the nearest block around the link that also holds the caption and sentence.
    card = link.locator("xpath=ancestor::div[.//*[@data-testid='stCaptionContainer']][1]")
    caption = card.locator('[data-testid="stCaptionContainer"]').inner_text()
    title = caption.split(" · ", 1)[1].rsplit(" (", 1)[0]  # "Claimed by X · TITLE (date)"
    sentence = card.locator('[data-testid="stText"]').inner_text().strip()
    link.click()
    page.wait_for_function("() => window.location.pathname.endsWith('/articles')", timeout=20000)
    report_capture.wait_drawn(page, 60)
    assert _heading(page) == title
    assert _outlined(page) == sentence
    # The way back is the same view: the filters stay in the address.
    assert parse_qs(urlparse(page.url).query)["from"] == ["2017-02-01"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "articles-from-figure-evidence.png"))


def _scroll_sideways(page, grid, by: int = 3000) -> None:
    """Scroll a wide table to its last columns (``by`` < 0: back to its first), as a person
    would (the grid draws only the columns in sight)."""
    grid.scroll_into_view_if_needed()
    box = grid.locator("canvas").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(by, 0)
    page.wait_for_timeout(300)


def _click_link_cell(context, page, grid, row: int, *, first: bool = False, row_px: int = ROW_PX):
    """Click the "open article" link in ``row`` of ``grid`` as a person would (the grid is a
    canvas: move along the row until the pointer becomes a hand); return the page it opens.
    ``first``: the link is the table's first column (else its last, scrolled to); ``row_px``:
    the height of the table's rows (its header's is :data:`ROW_PX`)."""
    _scroll_sideways(page, grid, -3000 if first else 3000)
    canvas = grid.locator("canvas").first
    box = canvas.bounding_box()
    y = box["y"] + ROW_PX + row_px * row + row_px / 2
    xs = range(int(box["x"] + box["width"]) - 5, int(box["x"]), -10)
    for x in reversed(xs) if first else xs:
        page.mouse.move(x, y)
        if canvas.evaluate("c => getComputedStyle(c).cursor") == "pointer":
            break
    else:
        pytest.fail("no link in that row")
    with context.expect_page() as opened:
        page.mouse.click(x - 3, y)
    new = opened.value
    new.wait_for_load_state("domcontentloaded")
    report_capture.wait_drawn(new, 60)
    return new


@pytest.mark.parametrize("name", ["entities", "speakers"])
def test_an_open_article_link_in_a_table_opens_that_article(server, context, page, name):
    _open(page, f"{server}/{name}")
    # The table with the article links: on Entities the second ("Named together" comes first,
    # "Merged names" after it), on Speakers the first (the quotes).
    grids = page.locator('[data-testid="stDataFrame"]')
    grid = grids.nth(1) if name == "entities" else grids.first
    rows = int(grid.locator('table[role="grid"]').get_attribute("aria-rowcount")) - 1
    assert rows >= 3
    for row in (1, min(rows, 8) - 1):
        # the "Article" column of each table (Speakers: the link, speaker, verb, quoted words,
        # day, three scores, kind, article; the link first, in view on a laptop's screen)
        title_col = 0 if name == "entities" else 9
        if name == "speakers":  # read before the table scrolls sideways to its last columns
            quote = grid.locator(f'[data-testid="glide-cell-3-{row}"]').inner_text()
            _scroll_sideways(page, grid)
        title = grid.locator(f'[data-testid="glide-cell-{title_col}-{row}"]').inner_text()
        new = _click_link_cell(
            context, page, grid, row, first=name == "speakers",
            row_px=WRAP4_ROW_PX if name == "speakers" else ROW_PX,
        )  # fmt: skip
        try:
            assert _heading(new) == title
            if name == "speakers":  # the link points at the quotation: it is outlined
                _assert_outlines_quote(_outlined(new), quote)
        finally:
            new.close()


def _assert_outlines_quote(outlined: str, quote: str) -> None:
    """The reader outlines a quotation's whole stretch; the table shows its quoted words only,
    the pieces of a quotation its cue interrupts joined by " … " (analysis.quotes.PIECE_JOINER):
    the stretch opens with the first piece, ends with the last and holds every one in order."""
    from analysis.quotes import PIECE_JOINER

    pieces = [p for p in " ".join(quote.split()).split(PIECE_JOINER.strip()) if p.strip()]
    stretch = " ".join(outlined.split())
    assert stretch.startswith(pieces[0].strip()) and stretch.endswith(pieces[-1].strip()), (
        outlined,
        quote,
    )
    at = 0
    for piece in pieces:
        at = stretch.find(piece.strip(), at)
        assert at >= 0, (piece, outlined)
        at += len(piece.strip())


def test_link_to_this_view_names_the_article_picked(server, context, page, articles):
    first_id, _ = articles[7]
    other_id, other_title = articles[40]
    _open(page, f"{server}/articles?article={first_id}")
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Article")
    picker.click()
    page.keyboard.type(other_title)
    page.get_by_role("option").filter(has_text=other_title).first.click()
    page.wait_for_function(
        f"() => window.location.search.includes('article={other_id}')", timeout=20000
    )
    report_capture.wait_drawn(page, 60)
    assert _heading(page) == other_title
    href = page.get_by_role("link", name="Link to this view").get_attribute("href")
    assert parse_qs(urlparse(href).query)["article"] == [other_id]
    fresh = context.new_page()
    try:
        _open(fresh, href)
        assert _heading(fresh) == other_title
    finally:
        fresh.close()
