"""Screenshot reporting: the dashboard's pages as PNG, PDF and a self-contained HTML file.

``presslens report`` starts the dashboard (read-only, on a free local port), opens each page in
headless Chromium with the filters in the URL, waits until every chart has drawn, and saves a
full-page PNG per page; the PDF is those screenshots, one page each, so it looks exactly like the
screen; the HTML report holds the same interactive Plotly figures and tables, obtained by running
each page's own code (Streamlit's ``AppTest``) under the same filters; ``manifest.json`` lists the
files and the filters. Everything started is stopped on success, error and Ctrl-C, and a page
that fails to draw is named in the manifest and on stderr while the others are still written.
The in-app "Download report" buttons use :func:`html_report` and :func:`capture_pdf` too.
"""

from __future__ import annotations

import html
import io
import json
import logging
import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import plotly.io as pio
from plotly.offline import get_plotlyjs

from analysis import query
from analysis.filters import Filters
from dashboard import filters_ui
from dashboard.cli import split_assignment
from dashboard.components import ReportItem

log = logging.getLogger(__name__)

PAGES = ("overview", "speakers", "entities", "figures", "articles", "data")
PAGE_TITLES = {
    "overview": "Overview",
    "speakers": "Speakers",
    "entities": "Entities",
    "figures": "Figures",
    "articles": "Articles",
    "data": "Data",
}
FORMATS = ("png", "pdf", "html")
CHROMIUM = os.environ.get("PRESSLENS_CHROMIUM", "/usr/bin/chromium")
# How long one page may take to draw; an environment variable so a test can force a timeout.
PAGE_TIMEOUT_S = float(os.environ.get("PRESSLENS_PAGE_TIMEOUT", "60"))
NAVIGATION_TIMEOUT_S = 30.0  # for the page's HTML shell to load (the drawing has PAGE_TIMEOUT_S)
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


@dataclass(frozen=True)
class ReportMeta:
    """What the footer of every report names."""

    filters: Filters
    link: str
    data_date: str
    version: str
    generated: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))


def describe_filters(filters: Filters) -> str:
    """The filters in words, e.g. "speaker: John Kerry; from 2016-12-01"."""
    parts = []
    if filters.date_from:
        parts.append(f"from {filters.date_from.isoformat()}")
    if filters.date_to:
        parts.append(f"to {filters.date_to.isoformat()}")
    for attr, name in (
        ("sources", "outlet"), ("tags", "tag"), ("speakers", "speaker"), ("entities", "entity"),
    ):  # fmt: skip
        values = getattr(filters, attr)
        if values:
            parts.append(f"{name}: {', '.join(values)}")
    if filters.search:
        parts.append(f"search: “{filters.search}”")
    return "; ".join(parts) or "none (all articles)"


def page_url(
    base: str, page: str, filters: Filters, page_params: Mapping[str, str] | None = None
) -> str:
    """The link that opens ``page`` under ``filters`` (and the page's own choices)."""
    query = urlencode({**filters_ui.to_query_params(filters), **(page_params or {})}, doseq=True)
    path = "" if page == PAGES[0] else page  # the default page lives at the app's root
    return f"{base.rstrip('/')}/{path}" + (f"?{query}" if query else "")


def footer_text(meta: ReportMeta) -> str:
    return (
        f"Filters: {describe_filters(meta.filters)} · Data: {meta.data_date} · "
        f"presslens {meta.version} · generated {meta.generated} · View: {meta.link}"
    )


# -- HTML --------------------------------------------------------------------------------------
_CSS = """
body{font-family:"Source Sans Pro",Helvetica,Arial,sans-serif;margin:2rem auto;max-width:1200px;
color:#262730;padding:0 1rem}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:2px solid #e6e9ef;
padding-bottom:.3rem}h3{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;font-size:.85rem;width:100%;margin:.5rem 0 1.5rem}
th,td{border-bottom:1px solid #e6e9ef;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f7f8fa}footer{margin-top:3rem;font-size:.8rem;color:#555;border-top:1px solid
#e6e9ef;padding-top:.6rem;word-break:break-all}.note{color:#777;font-size:.85rem}
"""


def _table_html(df: pd.DataFrame, max_rows: int = 200) -> str:
    shown = df.head(max_rows).copy()
    for col in shown.columns:
        shown[col] = shown[col].map(_cell)
    more = (
        f'<p class="note">First {max_rows} of {len(df):,} rows.</p>' if len(df) > max_rows else ""
    )
    # to_html escapes every cell (escape=True by default): article text stays text.
    return shown.to_html(index=False, border=0, na_rep="") + more


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, pd.Timestamp):
        return "" if pd.isna(value) else value.strftime("%Y-%m-%d")
    return str(value)


def html_report(pages: list[tuple[str, list[ReportItem]]], meta: ReportMeta) -> str:
    """A self-contained HTML file (plotly.js inlined once) with each page's figures and tables."""
    body = [
        "<h1>presslens report</h1>",
        f'<p class="note">Filters: {html.escape(describe_filters(meta.filters))}</p>',
    ]
    n_fig = 0
    for title, items in pages:
        body.append(f"<h2>{html.escape(title)}</h2>")
        if not items:
            body.append('<p class="note">Nothing to show under these filters.</p>')
        for item in items:
            body.append(f"<h3>{html.escape(item.title)}</h3>")
            if item.figure is not None:
                n_fig += 1
                body.append(
                    pio.to_html(
                        item.figure,
                        include_plotlyjs=False,
                        full_html=False,
                        div_id=f"fig{n_fig}",
                        config={"displaylogo": False},
                    )
                )
            elif item.table is not None:
                body.append(_table_html(item.table))
    link = html.escape(meta.link)
    body.append(
        f"<footer>{html.escape(footer_text(meta).rsplit(' · View: ', 1)[0])} · "
        f'View: <a href="{link}">{link}</a></footer>'
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>presslens report</title>"
        f"<style>{_CSS}</style><script>{get_plotlyjs()}</script></head><body>"
        + "\n".join(body)
        + "</body></html>"
    )


def collect_items(
    page: str, filters: Filters, db: Path | None, choices: Mapping[str, str] | None = None
) -> list[ReportItem]:
    """Run one page in-process (AppTest) under ``filters`` and the page ``choices`` (URL
    parameters such as ``what``); return what it drew."""
    from streamlit.testing.v1 import AppTest

    from dashboard import components, data

    # Running a page outside a server makes Streamlit warn about its missing runtime; that is
    # expected here and only noise on the report's stderr.
    logging.getLogger("streamlit").setLevel(logging.ERROR)

    saved = {k: os.environ.get(k) for k in (data.ENV_DB, data.ENV_READ_ONLY)}
    if db is not None:
        os.environ[data.ENV_DB] = str(Path(db).resolve())
    os.environ[data.ENV_READ_ONLY] = "1"
    try:
        app = Path(__file__).resolve().parent / "streamlit_app.py"
        at = AppTest.from_file(str(app), default_timeout=PAGE_TIMEOUT_S)
        for key, value in {**filters_ui.to_query_params(filters), **(choices or {})}.items():
            at.query_params[key] = value
        if page != "overview":
            at.switch_page(f"app_pages/{page}.py")
        at.run()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if at.exception:
        raise RuntimeError(f"page {page} raised: {at.exception[0].value}")
    return list(at.session_state[components.ITEMS_KEY])


# -- browser capture ---------------------------------------------------------------------------
# The page is drawn when Streamlit has stopped running the script, no skeleton placeholder is
# left, and every Plotly chart on it has an SVG with content.
_DRAWN_JS = """() => {
  const running = document.querySelector('[data-testid="stStatusWidget"]');
  if (running && running.innerText.toLowerCase().includes('running')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (!document.querySelector('[data-testid="stMainBlockContainer"]')) return false;
  const plots = document.querySelectorAll('.js-plotly-plot');
  for (const p of plots) { if (!p.querySelector('.main-svg')) return false; }
  return document.querySelectorAll('[data-testid="stElementContainer"]').length > 0;
}"""
_ERROR_JS = """() => Array.from(document.querySelectorAll('[data-testid="stException"]'))
  .map(e => e.innerText.slice(0, 300))"""
_HEIGHT_JS = """() => {
  const m = document.querySelector('[data-testid="stMain"]') || document.querySelector('section.main');
  const inner = document.querySelector('[data-testid="stMainBlockContainer"]');
  return Math.ceil(Math.max(document.body.scrollHeight, m ? m.scrollHeight : 0,
                            inner ? inner.getBoundingClientRect().height + 120 : 0));
}"""


class PageFailed(RuntimeError):
    """A page did not draw in time or showed an exception."""


def _wait_drawn(page, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    stable = 0
    last = None
    while time.monotonic() < deadline:
        errors = page.evaluate(_ERROR_JS)
        if errors:
            raise PageFailed(f"the page shows an error: {errors[0].splitlines()[0]}")
        if page.evaluate(_DRAWN_JS):
            count = page.evaluate("() => document.querySelectorAll('.js-plotly-plot').length")
            stable = stable + 1 if count == last else 0
            last = count
            if stable >= 2:  # the same drawn state three polls in a row: the run is over
                return
        else:
            stable = 0
        page.wait_for_timeout(200)
    raise PageFailed(f"the page did not finish drawing within {timeout:g} s")


def _screenshot(page, url: str, width: int, timeout: float) -> bytes:
    page.set_viewport_size({"width": width, "height": 900})
    # Loading the page's shell is not drawing it: navigation gets its own, fixed allowance.
    # (A navigation aborted by a tiny timeout can leave Playwright's page.close() waiting.)
    page.goto(url, wait_until="domcontentloaded", timeout=NAVIGATION_TIMEOUT_S * 1000)
    _wait_drawn(page, timeout)
    # Streamlit scrolls inside its main section, not the document: grow the viewport to the
    # content so the "full page" really is the full page, then let charts re-fit the width.
    height = min(int(page.evaluate(_HEIGHT_JS)), 30000)
    page.set_viewport_size({"width": width, "height": max(height, 600)})
    page.wait_for_timeout(300)
    _wait_drawn(page, timeout)
    return page.screenshot(full_page=True, type="png")


def open_browser(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM if Path(CHROMIUM).exists() else None,
        args=["--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars"],
        headless=True,
    )


def pngs_to_pdf(pngs: list[bytes]) -> bytes:
    """One PDF page per screenshot, at the screenshot's own size."""
    from PIL import Image

    images = [Image.open(io.BytesIO(b)).convert("RGB") for b in pngs]
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=144)
    return buf.getvalue()


def capture_pdf(url: str, width: int = 1400) -> bytes:
    """A PDF of one page as the browser draws it (the in-app "Download report" PDF)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = open_browser(p)
        try:
            page = browser.new_page(device_scale_factor=1)
            png = _screenshot(page, url, width, PAGE_TIMEOUT_S)
        finally:
            browser.close()
    return pngs_to_pdf([png])


# -- the command -------------------------------------------------------------------------------
@dataclass
class PageResult:
    page: str
    url: str
    png: str | None = None
    error: str | None = None


# Page choices a report may set, as in the URL (each page reads the ones it has).
CHOICES = {
    "what": 'the Figures page\'s category, as its button reads ("People killed")',
    "counts": 'the Figures page\'s kind of count ("News events", "Running totals")',
    "article": "the article id the Articles page's reader opens",
}


def parse_choices(items: list[str]) -> dict[str, str]:
    """``--choice NAME=VALUE`` (repeatable): page choices as in the URL (:data:`CHOICES`)."""
    return dict(
        split_assignment(
            item, option="--choice", kind="choice", names=CHOICES, example='what="People killed"'
        )
        for item in items
    )


def parse_filters(items: list[str], date_from: str | None, date_to: str | None) -> Filters:
    """``--filter NAME=VALUE`` (repeatable; names as in the URL) plus ``--from``/``--to``."""
    params: dict[str, list[str]] = {}
    for item in items:
        name, value = split_assignment(
            item, option="--filter", kind="filter",
            names=(*filters_ui.LIST_KEYS, filters_ui.TEXT_KEY), example='speaker="John Kerry"',
        )  # fmt: skip
        params.setdefault(name, []).append(value)
    if filters_ui.TEXT_KEY in params:
        params[filters_ui.TEXT_KEY] = [" ".join(params[filters_ui.TEXT_KEY])]
        try:  # a malformed search is a usage error here, not a failed page later
            query.parse(params[filters_ui.TEXT_KEY][0])
        except query.QueryError as exc:
            raise ValueError(f"--filter q: {exc}") from None
    for key, value in (("from", date_from), ("to", date_to)):
        if value:
            try:
                datetime.strptime(value, "%Y-%m-%d")
            except ValueError:
                raise ValueError(f"--{key} {value!r}: expected a date as YYYY-MM-DD") from None
            params[key] = [value]
    return filters_ui.filters_from_mapping(params)


def _data_date(db: Path) -> str:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        first, last, analysed = con.execute(
            "SELECT min(published), max(published), max(analysed_at) FROM articles "
            "WHERE duplicate_of IS NULL"
        ).fetchone()
    finally:
        con.close()
    span = f"articles {first:%Y-%m-%d} – {last:%Y-%m-%d}" if first else "undated articles"
    return f"{span}, analysed {analysed:%Y-%m-%d}" if analysed else span


def main(args) -> int:
    """``presslens report``: returns the exit status (0 all written, 1 a page failed, 2 usage)."""
    from analysis.store import Store, StoreError
    from dashboard import cli, data, launch

    try:
        filters = parse_filters(args.filter, args.date_from, args.date_to)
        choices = parse_choices(args.choice)
    except ValueError as exc:
        return _usage(str(exc))
    pages = [p.strip().lower() for p in (args.pages or ",".join(PAGES)).split(",") if p.strip()]
    unknown = [p for p in pages if p not in PAGES]
    if unknown or not pages:
        return _usage(
            f"--pages: unknown page(s) {', '.join(unknown)} (choose from {', '.join(PAGES)})"
        )
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    if not formats or any(f not in FORMATS for f in formats):
        return _usage(f"--format {args.format!r}: choose from {', '.join(FORMATS)}")

    db = Path(args.db).expanduser().resolve() if args.db else data.default_db()
    if args.db is None and not db.exists():
        # The default store is the sample; build it here, as the dashboard would on first start.
        from analysis.pipeline import analyze_paths

        db.parent.mkdir(parents=True, exist_ok=True)
        with Store(db) as store:
            analyze_paths([data.SAMPLE_DIR], store)
    try:
        Store(db, read_only=True).close()
    except StoreError as exc:
        return _usage(str(exc))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    version = cli.presslens_version()
    started = time.monotonic()
    results: list[PageResult] = []
    pngs: list[bytes] = []
    try:
        link_base = args.link_base.rstrip("/")
        with launch.background_server(db, read_only=True, link_base=link_base) as base:
            results, pngs = _capture_all(
                base, pages, filters, choices, out, args.width, "png" in formats
            )
            meta = ReportMeta(
                filters=filters,
                link=page_url(link_base, pages[0], filters, choices),
                data_date=_data_date(db),
                version=version,
            )
        written: dict[str, str] = {}
        if "pdf" in formats and pngs:
            (out / "report.pdf").write_bytes(pngs_to_pdf(pngs))
            written["pdf"] = "report.pdf"
        if "png" not in formats:
            for r in results:
                if r.png:
                    (out / r.png).unlink(missing_ok=True)
                    r.png = None
        if "html" in formats:
            sections = []
            for r in results:
                try:
                    items = collect_items(r.page, filters, db, choices)
                    sections.append((PAGE_TITLES[r.page], items))
                except Exception as exc:  # one page's failure must not lose the report
                    r.error = r.error or f"HTML: {exc}"
                    sections.append((PAGE_TITLES[r.page], []))
            (out / "report.html").write_text(html_report(sections, meta), encoding="utf-8")
            written["html"] = "report.html"
    except KeyboardInterrupt:
        print("presslens: report interrupted; the server was stopped", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (RuntimeError, TimeoutError) as exc:
        print(f"presslens: report failed: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED

    manifest = {
        "presslens": version,
        "generated": meta.generated,
        "db": str(db),
        "filters": filters_ui.to_query_params(filters),
        "filters_text": describe_filters(filters),
        "choices": choices,
        "link": meta.link,
        "data": meta.data_date,
        "width": args.width,
        "formats": formats,
        "pages": [
            {"page": r.page, "url": r.url, "png": r.png, "ok": r.error is None, "error": r.error}
            for r in results
        ],
        **written,
        "seconds": round(time.monotonic() - started, 1),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    failed = [r for r in results if r.error]
    for r in failed:
        print(f"presslens: page {r.page}: {r.error}", file=sys.stderr)
    print(
        f"presslens: report of {len(results) - len(failed)}/{len(results)} page(s) in "
        f"{manifest['seconds']} s → {out}",
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _capture_all(
    base: str,
    pages: list[str],
    filters: Filters,
    choices: Mapping[str, str],
    out: Path,
    width: int,
    keep_png: bool,
) -> tuple[list[PageResult], list[bytes]]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    results, pngs = [], []
    with sync_playwright() as p:
        browser = open_browser(p)
        try:
            context = browser.new_context(device_scale_factor=1)
            for name in pages:
                url = page_url(base, name, filters, choices)
                result = PageResult(page=name, url=url)
                page = context.new_page()
                try:
                    png = _screenshot(page, url, width, PAGE_TIMEOUT_S)
                    result.png = f"{name}.png"
                    (out / result.png).write_bytes(png)
                    pngs.append(png)
                except (PageFailed, PlaywrightError) as exc:
                    result.error = str(exc).splitlines()[0]
                finally:
                    page.close()
                results.append(result)
        finally:
            browser.close()
    return results, pngs


def _usage(message: str) -> int:
    print(f"presslens: error: {message}", file=sys.stderr)
    return EXIT_USAGE
