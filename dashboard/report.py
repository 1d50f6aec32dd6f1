"""``presslens report``: the command — options in, report files and ``manifest.json`` out.

What is written (file names say what they are):

- ``presslens-report.html`` — the report: every page's charts (interactive) and tables (whole,
  with the dashboard's labels and links into the dashboard at ``--link-base``);
- ``presslens-report.pdf`` — the same document printed by Chromium (``--pdf-style document``,
  the default): a title page with the filters, the data's dates and the link to the view, text
  you can select and search, tables paginated, charts as vector graphics; or
  ``presslens-report-screenshots.pdf`` (``--pdf-style screenshot``): one page per screenshot;
- ``presslens-<page>.png`` — a full-page screenshot of each dashboard page as a browser draws it;
- ``manifest.json`` — files, filters, the link, the data's dates, per-page status.

The content comes from :mod:`dashboard.report_views` (the views and chart factories the pages
use), computed once; HTML and PDF are two renditions of it (:mod:`dashboard.report_html`).
Screenshots need the dashboard itself: a read-only server on a free local port, started while
the content is computed, and one Chromium for everything (:mod:`dashboard.report_capture`).
Everything started is stopped on success, error and Ctrl-C. A page that fails to draw is named
on stderr and in the manifest while the rest is still written (exit 1); filters that match no
article are said on stderr, on the title page and in the manifest (exit 3).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

from analysis import query
from analysis.filters import Filters
from dashboard import report_capture, report_html, report_views, settings
from dashboard.options import presslens_version, split_assignment
from dashboard.report_views import (
    CHOICES,
    LIST_PARAMS,
    PAGES,
    ReportMeta,
    describe_filters,
    page_url,
    query_params,
)

FORMATS = ("png", "pdf", "html")
PDF_STYLES = ("document", "screenshot")
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_NOTHING_MATCHED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
HTML_NAME = "presslens-report.html"
PDF_NAMES = {"document": "presslens-report.pdf", "screenshot": "presslens-report-screenshots.pdf"}
__all__ = ["describe_filters", "page_url", "main", "parse_filters", "parse_choices"]


class PdfFailed(str):
    """Why the PDF document could not be printed (it is named like a failed page)."""


def png_name(page: str) -> str:
    return f"presslens-{page}.png"


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
    lists: dict[str, list[str]] = {}
    search: list[str] = []
    for item in items:
        name, value = split_assignment(
            item, option="--filter", kind="filter",
            names=(*LIST_PARAMS, "q"), example='speaker="John Kerry"',
        )  # fmt: skip
        (search if name == "q" else lists.setdefault(name, [])).append(value)
    dates = {}
    if search:
        try:  # a malformed search is a usage error here, not a failed page later
            query.parse(" ".join(search))
        except query.QueryError as exc:
            raise ValueError(f"--filter q: {exc}") from None
    for key, value in (("from", date_from), ("to", date_to)):
        if value:
            try:
                dates[key] = datetime.strptime(value, "%Y-%m-%d").date()
            except ValueError:
                raise ValueError(f"--{key} {value!r}: expected a date as YYYY-MM-DD") from None
    return Filters(
        date_from=dates.get("from"),
        date_to=dates.get("to"),
        search=" ".join(search),
        **{attr: tuple(lists.get(key, ())) for key, attr in LIST_PARAMS.items()},
    )


def main(args) -> int:
    """``presslens report``: the exit status (0 written, 1 a page failed, 2 usage, 3 the
    filters match nothing, 130 interrupted)."""
    try:
        filters = parse_filters(args.filter, args.date_from, args.date_to)
        choices = parse_choices(args.choice)
        pages, formats = _pages(args.pages), _formats(args.format)
        style = getattr(args, "pdf_style", "document") or "document"
        if style not in PDF_STYLES:
            raise ValueError(f"--pdf-style {style!r}: choose from {', '.join(PDF_STYLES)}")
        db = _store(args.db)
    except ValueError as exc:
        return _usage(str(exc))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    link_base = args.link_base.rstrip("/")
    try:
        meta, sections, shots, pdf = _run(
            db, pages, filters, choices, formats, style, link_base, args.width
        )
    except KeyboardInterrupt:
        print("presslens: report interrupted; the server was stopped", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (RuntimeError, TimeoutError) as exc:
        print(f"presslens: report failed: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED

    page_rows = [
        _page_row(out, name, shots.get(name), "png" in formats,
                  link=page_url(link_base, name, filters, choices))
        for name in pages
    ]  # fmt: skip
    written: dict[str, str] = {}
    if isinstance(pdf, PdfFailed):
        written["pdf_error"] = str(pdf)
    elif pdf is not None:
        (out / PDF_NAMES[style]).write_bytes(pdf)
        written["pdf"] = PDF_NAMES[style]
    if "html" in formats:
        (out / HTML_NAME).write_text(report_html.document(sections, meta), encoding="utf-8")
        written["html"] = HTML_NAME
    manifest = {
        "presslens": meta.version,
        "generated": meta.generated,
        "db": str(db),
        "filters": query_params(filters),
        "filters_text": describe_filters(filters),
        "matched_articles": meta.matched,
        "choices": choices,
        "link": meta.link,
        "data": meta.data_date,
        "width": args.width,
        "formats": formats,
        "pdf_style": style,
        "pages": page_rows,
        **written,
        "seconds": round(time.monotonic() - started, 1),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return _closing(manifest, out)


def _page_row(out: Path, name: str, shot, keep_png: bool, *, link: str) -> dict:
    """One page's entry in the manifest (the address it was captured at, or without a
    capture its link); its screenshot written when PNGs are asked for."""
    png = None
    if shot is not None and shot.png and keep_png:
        png = png_name(name)
        (out / png).write_bytes(shot.png)
    error = shot.error if shot is not None else None
    url = shot.url if shot is not None else link
    return {"page": name, "url": url, "png": png, "ok": error is None, "error": error}


def _closing(manifest: dict, out: Path) -> int:
    """Say on stderr what was written and what failed; the exit status."""
    rows = manifest["pages"]
    failed = [r for r in rows if r["error"]]
    for r in failed:
        print(f"presslens: page {r['page']}: {r['error']}", file=sys.stderr)
    if "pdf_error" in manifest:
        print(f"presslens: the PDF could not be printed: {manifest['pdf_error']}", file=sys.stderr)
    print(
        f"presslens: report of {len(rows) - len(failed)}/{len(rows)} page(s) in "
        f"{manifest['seconds']} s → {out}",
        file=sys.stderr,
    )
    if failed or "pdf_error" in manifest:
        return EXIT_SOME_FAILED
    if manifest["matched_articles"] == 0:
        print(
            f"presslens: error: the filters ({manifest['filters_text']}) match no article in "
            f"{manifest['db']}; the report was written and says so (exit {EXIT_NOTHING_MATCHED})",
            file=sys.stderr,
        )
        return EXIT_NOTHING_MATCHED
    return EXIT_OK


def _run(db, pages, filters, choices, formats, style, link_base, width):
    """Compute the content and, where needed, start the server and capture: ``(meta,
    sections, shots by page, pdf bytes or None)``."""
    from dashboard import launch

    need_shots = "png" in formats or ("pdf" in formats and style == "screenshot")
    need_browser = need_shots or "pdf" in formats
    with ExitStack() as stack, ThreadPoolExecutor(max_workers=2) as pool:
        # Three things at once: the content is computed, the server starts (waiting on its own
        # process) and the browser is launched. The server's exit is on a stack of its own, as
        # it is entered from the worker thread.
        content = pool.submit(_content, db, pages, filters, choices, link_base)
        server_stack = stack.enter_context(ExitStack())
        server = None
        if need_shots:
            server = pool.submit(
                server_stack.enter_context,
                launch.background_server(db, read_only=True, link_base=link_base),
            )
        browser = None
        if need_browser:
            from playwright.sync_api import sync_playwright

            playwright = stack.enter_context(sync_playwright())
            browser = report_capture.open_browser(playwright)
            stack.callback(browser.close)
        tabs = None
        if server is not None:
            base = server.result()
            urls = [page_url(base, p, filters, choices) for p in pages]
            tabs = report_capture.Tabs(browser, urls, width)  # they draw while the PDF prints
        meta, sections = content.result()
        pdf = None
        if "pdf" in formats and style == "document":
            from playwright.sync_api import Error as PlaywrightError

            doc = report_html.document(sections, meta, rendition="print")
            try:
                pdf = report_capture.print_pdf(browser, doc, report_html.footer_text(meta))
            except PlaywrightError as exc:  # the rest of the report is still written
                pdf = PdfFailed(str(exc).splitlines()[0])
        shots = dict(zip(pages, tabs.capture(), strict=True)) if tabs is not None else {}
        if "pdf" in formats and style == "screenshot":
            pngs = [s.png for s in shots.values() if s.png]
            pdf = report_capture.pngs_to_pdf(pngs) if pngs else None
    return meta, sections, shots, pdf


def _content(db: Path, pages, filters: Filters, choices: Mapping[str, str], link_base: str):
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        meta = ReportMeta(
            filters=filters,
            link=page_url(link_base, pages[0], filters, choices),
            data_date=report_views.data_date(con),
            version=presslens_version(),
            matched=report_views.matched_articles(con, filters),
        )
        sections = report_views.build(con, pages, filters, link_base=link_base, choices=choices)
    finally:
        con.close()
    return meta, sections


def _pages(text: str | None) -> list[str]:
    pages = [p.strip().lower() for p in (text or ",".join(PAGES)).split(",") if p.strip()]
    unknown = [p for p in pages if p not in PAGES]
    if unknown or not pages:
        raise ValueError(
            f"--pages: unknown page(s) {', '.join(unknown)} (choose from {', '.join(PAGES)})"
        )
    return pages


def _formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    if not formats or any(f not in FORMATS for f in formats):
        raise ValueError(f"--format {text!r}: choose from {', '.join(FORMATS)}")
    return formats


def _store(given: str | None) -> Path:
    """The store to report on; without ``--db`` the sample, built here on first use, as the
    dashboard would."""
    from analysis.store import Store, StoreError

    if given:
        db = Path(given).expanduser().resolve()
    else:
        from analysis.pipeline import analyze_paths

        db = settings.default_db()
        if not db.exists():
            db.parent.mkdir(parents=True, exist_ok=True)
            with Store(db) as store:
                analyze_paths([settings.SAMPLE_DIR], store)
    try:
        Store(db, read_only=True).close()
    except StoreError as exc:
        raise ValueError(str(exc)) from None
    return db


def _usage(message: str) -> int:
    print(f"presslens: error: {message}", file=sys.stderr)
    return EXIT_USAGE
