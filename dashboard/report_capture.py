"""The report's browser work, in one headless Chromium: full-page screenshots of the dashboard's
pages, and the printing of the report's HTML document to PDF.

Screenshots: the pages are walked through in one tab (:class:`Walk`: the app starts once, and
each next page is a switch inside the same session), each captured when drawn — Streamlit has
stopped running the script, the page shows its own title, no skeleton is left and every Plotly
chart has its SVG. Streamlit scrolls inside its main section, so the viewport is grown to the
taller of the main content and the sidebar before the capture: the screenshot holds the whole
page.

Printing: :class:`Printing` opens the document from a temporary file (its charts draw while the
pages are walked) and prints it with ``page.pdf()`` — real text (selectable, searchable), tables paginated, charts as vector SVG.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dashboard.report_timing import Phases, timed

CHROMIUM = os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium")
# How long one page may take to draw; an environment variable so a test can force a timeout.
PAGE_TIMEOUT_S = float(os.environ.get("PRESSLENS_PAGE_TIMEOUT", "60"))
NAVIGATION_TIMEOUT_S = 30.0  # for the page's HTML shell to load (the drawing has PAGE_TIMEOUT_S)
MAX_HEIGHT_PX = 30000

# The page is drawn when Streamlit says its script run is over (the app's own run-state, the
# attribute its frontend sets on the app root), no skeleton placeholder is left, the page's title
# is there and every Plotly chart on it has an SVG with content; and the page has stayed so for
# ``stable`` more polls, so that a pause between two runs is not taken for the end. The check runs
# in the page (``wait_for_function``): no round trip per poll, and no fixed wait after the signal.
_DRAWN_JS = """([stable, title]) => {
  if (document.querySelector('[data-testid="stException"]')) return true;  // said by the caller
  const app = document.querySelector('[data-testid="stApp"]');
  const plots = document.querySelectorAll('.js-plotly-plot');
  // Every page opens with its title: without it the script has not drawn yet. When the caller
  // names the title, it must be that one: after a page switch in the same tab the previous
  // page stays on screen (and its run-state says "not running") until the new run begins.
  const h1 = document.querySelector('[data-testid="stMainBlockContainer"] h1');
  const drawn = app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"]')
    && h1 && (title === null || h1.innerText.trim() === title)
    && Array.from(plots).every(p => p.querySelector('.main-svg'))
    && document.querySelectorAll('[data-testid="stElementContainer"]').length > 0;
  if (!drawn) { window.__presslensDrawn = null; return false; }
  const seen = document.querySelectorAll('[data-testid="stElementContainer"]').length + ':'
    + plots.length;
  const last = window.__presslensDrawn;
  if (!last || last.seen !== seen) { window.__presslensDrawn = {seen, polls: 0}; }
  else { last.polls += 1; }
  return window.__presslensDrawn.polls >= stable;
}"""
_POLL_MS = 100
_ERROR_JS = """() => Array.from(document.querySelectorAll('[data-testid="stException"]'))
  .map(e => e.innerText.slice(0, 300))"""
# The page's full height: the main content or the sidebar (its filters), whichever is taller.
_HEIGHT_JS = """() => {
  const m = document.querySelector('[data-testid="stMain"]') || document.querySelector('section.main');
  const inner = document.querySelector('[data-testid="stMainBlockContainer"]');
  const side = document.querySelector('[data-testid="stSidebarContent"]');
  return Math.ceil(Math.max(document.body.scrollHeight, m ? m.scrollHeight : 0,
                            inner ? inner.getBoundingClientRect().height + 120 : 0,
                            side ? side.scrollHeight + 20 : 0));
}"""
_PLOTS_DRAWN_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
  .every(p => p.querySelector('.main-svg'))"""


class PageFailed(RuntimeError):
    """A page did not draw in time or showed an exception."""


@dataclass
class Shot:
    """One page's screenshot (``png``) or the reason there is none (``error``)."""

    url: str
    png: bytes | None = None
    error: str | None = None


def open_browser(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM if Path(CHROMIUM).exists() else None,
        # One renderer process for all the dashboard's tabs (one site): Streamlit's bundle and
        # plotly.js are compiled once and shared, not once per tab (six tabs used about a third
        # less CPU in two measurements on a loaded 2-core machine).
        args=["--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars", "--process-per-site"],
        headless=True,
    )


def wait_drawn(page, timeout: float, *, stable_polls: int = 2, title: str | None = None) -> None:
    """Wait until ``page`` is drawn (with ``title`` as its heading, when given) and stays so for
    ``stable_polls`` more polls (a run that is over, not a pause between two deltas); raise
    :class:`PageFailed` on an error or timeout."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # The stable count lives in the page; one left by an earlier wait would let a wait after a
    # click return before the rerun it caused has drawn anything.
    page.evaluate("() => { window.__presslensDrawn = null; }")
    try:
        page.wait_for_function(
            _DRAWN_JS,
            arg=[stable_polls, title],
            polling=_POLL_MS,
            timeout=max(timeout, 0.001) * 1000,
        )
    except PlaywrightTimeout:
        raise PageFailed(f"the page did not finish drawing within {timeout:g} s") from None
    errors = page.evaluate(_ERROR_JS)
    if errors:
        raise PageFailed(f"the page shows an error: {errors[0].splitlines()[0]}")


def _open(page, url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    # Loading the page's shell is not drawing it: navigation gets its own, fixed allowance.
    page.goto(url, wait_until="commit", timeout=NAVIGATION_TIMEOUT_S * 1000)


def _shoot(page, width: int, timeout: float) -> bytes:
    """The full-page PNG of a drawn ``page``."""
    # Of several tabs only the front one has its frames drawn by headless Chromium: a screenshot
    # of another first waits for a new frame, 2–3 s per page with six tabs open (0.3 s in front).
    page.bring_to_front()
    height = min(int(page.evaluate(_HEIGHT_JS)), MAX_HEIGHT_PX)
    # Only the height changes (the width, and so every chart's layout, stays): one drawn poll
    # after the layout has settled is enough.
    page.set_viewport_size({"width": width, "height": max(height, 600)})
    page.wait_for_timeout(100)
    wait_drawn(page, timeout, stable_polls=0)
    # The viewport is the whole page now, so a viewport screenshot is the full page; Playwright's
    # ``full_page`` would resize the view once more, which took 2–3 s per page with several tabs
    # open (0.1–0.4 s this way).
    return page.screenshot(type="png")


def screenshot(page, url: str, width: int, timeout: float) -> bytes:
    """A full-page PNG of one dashboard ``url``."""
    _open(page, url, width)
    wait_drawn(page, timeout)
    return _shoot(page, width, timeout)


# Streamlit's own client-side navigation, as the browser's Back and Forward buttons trigger it:
# the app listens for ``popstate`` and reruns the same session on the page at the new address
# with the new query string (filters and page choices) — no reload, no new session.
_SWITCH_JS = """(url) => {
  history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate', {state: null}));
}"""


# Streamlit fetches an element's code when the first such element arrives: Plotly's (4.7 MB)
# only after the first page's script has sent its first chart, then parses it while the page
# waits (3 s of a 6.5 s first page on a loaded machine). The tab asks for it, and for the
# tables', as soon as the app's own code has loaded — while the server runs the first script.
# The module is the one the app imports later (same address), so nothing is loaded twice; a
# chunk not found (another Streamlit build) is simply left to the app.
PRELOAD_CHUNKS = ("PlotlyChart", "DataFrame")
_PRELOAD_JS = """document.addEventListener('DOMContentLoaded', () => {
  const app = document.querySelector('script[type="module"][src*="/static/js/index."]');
  if (!app) return;
  for (const name of %s) import(new URL('./' + name, app.src).href).catch(() => {});
});"""


def _preload_script() -> str | None:
    """The script that preloads :data:`PRELOAD_CHUNKS` (their files' names carry a hash of the
    installed Streamlit's build), or ``None`` when none is found."""
    import importlib.util
    import json

    spec = importlib.util.find_spec("streamlit")  # its location, without importing it
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "static" / "static" / "js"
    names = []
    for chunk in PRELOAD_CHUNKS:
        found = sorted(folder.glob(f"{chunk}.*.js"))
        if len(found) == 1:
            names.append(found[0].name)
    return _PRELOAD_JS % json.dumps(names) if names else None


class Walk:
    """Dashboard pages captured in one tab, one after another. The first page is opened at
    once (the app starts — JS bundle, websocket session, first script run — while the caller
    does other work, e.g. prints the PDF); :meth:`capture` takes its screenshot, then switches
    the same tab to each next page the way Streamlit's navigation does and takes that one when
    its run is over and it shows its own title (``titles``). Six tabs each starting the app cost
    the shared renderer and the server five start-ups more (20 s against 12 s for the six
    default pages, measured side by side on a loaded 2-core machine). ``labels`` name the pages
    in ``phases``."""

    def __init__(
        self,
        browser,
        urls: list[str],
        titles: list[str],
        width: int,
        *,
        phases: Phases | None = None,
        labels: list[str] | None = None,
    ) -> None:
        from playwright.sync_api import Error as PlaywrightError

        self.width = width
        self.phases = phases
        self.titles = titles
        self.labels = labels or urls
        self.shots = [Shot(url) for url in urls]
        self.context = browser.new_context(device_scale_factor=1)
        preload = _preload_script()
        if preload:
            self.context.add_init_script(preload)
        self.page = self.context.new_page()
        self.opened = False  # whether the tab holds a running app to switch pages in
        try:
            _open(self.page, urls[0], width)
            self.opened = True
        except PlaywrightError as exc:
            self.shots[0].error = str(exc).splitlines()[0]

    def capture(self, timeout: float = PAGE_TIMEOUT_S, *, between=None) -> list[Shot]:
        """Every page's screenshot (or error); ``between()`` is called after each page (e.g.
        to open the PDF's document as soon as it is written, without holding up the walk)."""
        from playwright.sync_api import Error as PlaywrightError

        try:
            for i, (shot, title, label) in enumerate(
                zip(self.shots, self.titles, self.labels, strict=True)
            ):
                if i > 0 and between is not None:
                    between()
                try:
                    if i > 0:
                        self._go(shot.url)
                    if shot.error:
                        continue
                    with timed(self.phases, f"draw {label} (waited)"):
                        wait_drawn(self.page, timeout, title=title)
                    with timed(self.phases, f"screenshot {label}"):
                        shot.png = _shoot(self.page, self.width, timeout)
                except (PageFailed, PlaywrightError) as exc:
                    shot.error = str(exc).splitlines()[0]
                    # A page that did not finish may leave its run going: the next one is
                    # opened afresh rather than switched to inside that session.
                    self.opened = False
        finally:
            self.context.close()
        return self.shots

    def _go(self, url: str) -> None:
        """Show ``url`` in the tab: a page switch inside the running app, or a fresh load."""
        if self.opened:
            # Back to the first view's height, so that the next page's measured height is its
            # own and not the tall viewport the previous screenshot needed.
            self.page.set_viewport_size({"width": self.width, "height": 900})
            self.page.evaluate(_SWITCH_JS, url)
        else:
            _open(self.page, url, self.width)
            self.opened = True


class Printing:
    """``document`` (HTML with plotly.js) on its way to a PDF: the constructor opens it in a page
    of its own and returns at once, so its charts draw (in a renderer of their own) while the
    caller walks the dashboard's pages; :meth:`pdf` waits for the charts and prints — A4
    landscape, page numbers in the footer. :meth:`close` (idempotent) closes the page and
    removes the document's file.

    The document is opened from a file, not handed over with ``set_content``: the print
    rendition loads plotly.js from the installed package by a ``file://`` address
    (:func:`dashboard.report_html.document`), which a page from a file may do, and 5 MB less
    go through the browser's control pipe."""

    def __init__(self, browser, document: str, *, phases: Phases | None = None) -> None:
        self.phases = phases
        self._tmp = tempfile.TemporaryDirectory(prefix="presslens-print-")
        self.page = None
        try:
            path = Path(self._tmp.name) / "report.html"
            path.write_text(document, encoding="utf-8")
            self.page = browser.new_page()
            with timed(phases, "pdf: document opened"):
                self.page.goto(
                    path.as_uri(), wait_until="commit", timeout=NAVIGATION_TIMEOUT_S * 1000
                )
        except BaseException:
            self.close()
            raise

    def pdf(self, footer: str = "") -> bytes:
        from html import escape

        page = self.page
        try:
            # Loading plotly.js and drawing every chart takes, on a loaded machine, as long as
            # drawing a dashboard page: the same allowance.
            with timed(self.phases, "pdf: charts drawn (waited)"):
                page.wait_for_load_state("load", timeout=PAGE_TIMEOUT_S * 1000)
                page.wait_for_function(_PLOTS_DRAWN_JS, timeout=PAGE_TIMEOUT_S * 1000)
            page.emulate_media(media="print")
            template = (
                '<div style="font-size:7px;color:#666;width:100%;padding:0 12mm;display:flex;'
                f'justify-content:space-between"><span>{escape(footer)}</span>'
                '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span>'
                "</div>"
            )
            with timed(self.phases, "pdf: print"):
                return page.pdf(
                    format="A4",
                    landscape=True,
                    print_background=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=template,
                    margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"},
                )
        finally:
            self.close()

    def close(self) -> None:
        page, self.page = self.page, None
        try:
            if page is not None:
                page.close()
        finally:
            self._tmp.cleanup()


def print_pdf(browser, document: str, footer: str = "", *, phases: Phases | None = None) -> bytes:
    """``document`` printed to PDF bytes, start to finish (:class:`Printing`)."""
    return Printing(browser, document, phases=phases).pdf(footer)


def pngs_to_pdf(pngs: list[bytes]) -> bytes:
    """One PDF page per screenshot, at the screenshot's own size (the ``screenshot`` style)."""
    from PIL import Image

    images = [Image.open(io.BytesIO(b)).convert("RGB") for b in pngs]
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=144)
    return buf.getvalue()


def document_pdf(document: str, footer: str = "") -> bytes:
    """Print ``document`` in a browser of its own (the in-app "Report (PDF)" button)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = open_browser(p)
        try:
            return print_pdf(browser, document, footer)
        finally:
            browser.close()
