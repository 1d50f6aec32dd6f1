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
the content is computed, and one Chromium for everything, its one tab walking through the pages
(:mod:`dashboard.report_capture`).
Everything started is stopped on success, error and Ctrl-C. A page that fails to draw is named
on stderr and in the manifest while the rest is still written (exit 1); filters that match no
article are said on stderr, on the title page and in the manifest (exit 3).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from analysis import query
from analysis.filters import Filters
from dashboard import launch, report_capture, report_timing, settings
from dashboard.options import presslens_version, split_assignment
from dashboard.report_pages import (
    CHOICES,
    DEFAULT_PAGES,
    LIST_CHOICES,
    LIST_PARAMS,
    PAGE_TITLES,
    PAGES,
    SWITCH_VALUES,
    ReportMeta,
    describe_filters,
    page_url,
    query_params,
)
from dashboard.report_timing import Phases

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


def parse_choices(items: list[str]) -> dict[str, str | list[str]]:
    """``--choice NAME=VALUE`` (repeatable): page choices as in the URL (:data:`CHOICES`); the
    list choices (:data:`LIST_CHOICES`, e.g. Compare's outlets) gather every value given."""
    choices: dict[str, str | list[str]] = {}
    for item in items:
        name, value = split_assignment(
            item, option="--choice", kind="choice", names=CHOICES, example='what="People killed"'
        )
        allowed = _choice_values().get(name)
        if allowed is not None and value not in allowed:
            # The page would fall back to its default while the manifest and the link named
            # the value given: `--choice what=Killed` reported "People killed" without a word.
            raise ValueError(
                f"--choice {name}={value!r}: choose from " + ", ".join(f'"{v}"' for v in allowed)
            )
        if name in LIST_CHOICES:
            choices.setdefault(name, []).append(value)
        else:
            choices[name] = value
    return choices


def _choice_values() -> dict[str, tuple[str, ...]]:
    """The choices whose values are a page's fixed buttons, with those labels (the others
    name what the data holds: an outlet, a place, an article)."""
    from dashboard import compare_charts
    from dashboard.charts import CATEGORY_TITLES, PERIOD_CHOICES, SCOPE_TITLES
    from dashboard.report_views import (
        ATTITUDE_SCORERS,
        COMPARE_KINDS,
        COMPARE_MEASURES,
        ENTITY_TYPES,
        PLACE_SIZES,
        SCORERS,
    )

    return {
        "what": tuple(CATEGORY_TITLES.values()),
        "counts": tuple(SCOPE_TITLES.values()),
        "fg_per": tuple(PERIOD_CHOICES),
        "ov_per": tuple(PERIOD_CHOICES),
        "sp_per": tuple(PERIOD_CHOICES),
        "en_per": tuple(PERIOD_CHOICES),
        "vs": tuple(COMPARE_KINDS),
        "cmp_per": compare_charts.PERIODS,
        "cmp_show": tuple(COMPARE_MEASURES),
        "pl_size": tuple(PLACE_SIZES),
        "fg_log": tuple(SWITCH_VALUES),
        "cmp_log": tuple(SWITCH_VALUES),
        "en_type": tuple(ENTITY_TYPES),
        "scorer": tuple(SCORERS.values()),
        "attitude_scorer": tuple(ATTITUDE_SCORERS.values()),
    }


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


@dataclass(frozen=True)
class Request:
    """What one ``presslens report`` was asked for, checked."""

    db: Path
    out: Path
    pages: list[str]
    filters: Filters
    choices: dict[str, str | list[str]]
    formats: list[str]
    style: str
    link_base: str
    width: int
    port: int | None = None  # where the screenshots' server listens (None: a free port)

    @property
    def need_shots(self) -> bool:
        return "png" in self.formats or ("pdf" in self.formats and self.style == "screenshot")


def main(args) -> int:
    """``presslens report``: the exit status (0 written, 1 a page failed, 2 usage, 3 the
    filters match nothing, 130 interrupted)."""
    try:
        request = _request(args)
    except ValueError as exc:
        return _usage(str(exc))
    try:
        request.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file of that name, no permission: said, not a traceback
        return _usage(
            f"--out {request.out}: cannot make the report's folder ({exc.strerror or exc}); "
            "give a folder's name"
        )
    phases = Phases()
    try:
        meta, docs, shots, pdf = _run(request, phases)
    except KeyboardInterrupt:
        print("presslens: report interrupted; the server was stopped", file=sys.stderr)
        _exit_if_workers_left(EXIT_INTERRUPTED)
        return EXIT_INTERRUPTED
    except (RuntimeError, TimeoutError) as exc:
        print(f"presslens: report failed: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    with phases.phase("write files"):
        manifest = _write(request, meta, docs, shots, pdf)
    manifest["seconds"] = round(time.monotonic() - phases.origin, 1)
    manifest["phases"] = phases.rows()
    (request.out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    if report_timing.wanted(getattr(args, "verbose", False)):
        print(phases.table(), file=sys.stderr)
    return _closing(manifest, request.out)


def _request(args) -> Request:
    """The command's options, checked (a :class:`ValueError` names the bad one)."""
    filters = parse_filters(args.filter, args.date_from, args.date_to)
    choices = parse_choices(args.choice)
    pages, formats = _pages(args.pages), _formats(args.format)
    style = getattr(args, "pdf_style", "document") or "document"
    if style not in PDF_STYLES:
        raise ValueError(f"--pdf-style {style!r}: choose from {', '.join(PDF_STYLES)}")
    if style == "screenshot" and "pdf" not in formats:
        # asked for and then silently not written: the user meant a PDF of screenshots
        raise ValueError("--pdf-style screenshot makes a PDF: add pdf to --format")
    port = getattr(args, "port", None)
    # (as the server binds: a port a stopped server left in TIME_WAIT is free, it had been "in use")
    if port is not None and not launch.port_free(port):
        raise ValueError(f"--port {port}: that port is in use; choose another or leave it out")
    return Request(
        db=_store(args.db), out=Path(args.out), pages=pages, filters=filters, choices=choices,
        formats=formats, style=style, link_base=args.link_base.rstrip("/"), width=args.width,
        port=port,
    )  # fmt: skip


def _write(request: Request, meta: ReportMeta, docs: dict[str, str], shots, pdf) -> dict:
    """Write the PNGs, the PDF and the HTML; the manifest naming them (not yet written)."""
    out, filters, choices = request.out, request.filters, request.choices
    page_rows = [
        _page_row(out, name, shots.get(name), "png" in request.formats,
                  link=page_url(request.link_base, name, filters, choices))
        for name in request.pages
    ]  # fmt: skip
    written: dict[str, str] = {}
    if isinstance(pdf, PdfFailed):
        written["pdf_error"] = str(pdf)
    elif pdf is not None:
        (out / PDF_NAMES[request.style]).write_bytes(pdf)
        written["pdf"] = PDF_NAMES[request.style]
    if "html" in request.formats:
        (out / HTML_NAME).write_text(docs["interactive"], encoding="utf-8")
        written["html"] = HTML_NAME
    return {
        "presslens": meta.version,
        "generated": meta.generated,
        "db": str(request.db),
        "filters": query_params(filters),
        "filters_text": describe_filters(filters),
        "matched_articles": meta.matched,
        "unknown_filter_values": list(meta.unknown),
        "choices": choices,
        "link": meta.link,
        "data": meta.data_date,
        "width": request.width,
        "formats": request.formats,
        "pdf_style": request.style,
        "pages": page_rows,
        **written,
    }


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
        unknown = manifest.get("unknown_filter_values")
        why = f" (it holds no {', no '.join(unknown)})" if unknown else ""
        print(
            f"presslens: error: the filters ({manifest['filters_text']}) match no article in "
            f"{manifest['db']}{why}; the report was written and says so "
            f"(exit {EXIT_NOTHING_MATCHED})",
            file=sys.stderr,
        )
        return EXIT_NOTHING_MATCHED
    return EXIT_OK


def _run(request: Request, phases: Phases):
    """Compute the content and, where needed, start the server and capture: ``(meta,
    HTML documents by rendition, shots by page, pdf bytes or None)``."""
    need_browser = request.need_shots or "pdf" in request.formats
    # The server is entered from a worker thread, so its exit is on a stack of its own, closed
    # last whatever happens (the pool has waited for that thread by then).
    server_stack = ExitStack()
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix=_POOL_PREFIX)
    interrupted = False
    try:
        # The pool outside the browser's stack: on the way out the browser closes while the
        # server stops, and the pool waits for both of its threads (not after Ctrl-C: below).
        with ExitStack() as stack:
            # Three things at once: the server starts (waiting on its own process, so first),
            # the content is computed and the browser is launched.
            server = None
            if request.need_shots:
                started = launch.background_server(
                    request.db, read_only=True, link_base=request.link_base,
                    warm_places="places" in request.pages, port=request.port,
                )  # fmt: skip
                server = pool.submit(
                    _timed, phases, "server start", server_stack.enter_context, started
                )
            content = pool.submit(
                _timed, phases, "content (views, charts, HTML)", _content, request
            )
            browser = _browser(stack, phases) if need_browser else None
            walk = None
            if server is not None:
                base = server.result()
                urls = [page_url(base, p, request.filters, request.choices) for p in request.pages]
                with phases.phase("first page opened"):  # it draws while the PDF's document opens
                    walk = report_capture.Walk(
                        browser, urls, [PAGE_TITLES[p] for p in request.pages], request.width,
                        phases=phases, labels=request.pages,
                    )  # fmt: skip
            # The PDF's document opens as soon as the content is written: between two pages of
            # the walk, which does not wait for it (its charts then draw in a page of their own
            # while the walk goes on), or after the walk.
            opened = []

            def open_document() -> None:
                if not opened and content.done():
                    docs = content.result()[1]
                    opened.append(_open_document(stack, browser, request, docs, phases))

            shots = {}
            if walk is not None:
                captured = walk.capture(between=open_document)
                shots = dict(zip(request.pages, captured, strict=True))
            meta, docs = content.result()
            open_document()
            printing = opened[0]
            # The screenshots are taken: the server stops while the PDF prints and the browser
            # closes (stopping takes a second or more).
            pool.submit(_timed, phases, "server stop", server_stack.close)
            pdf = _pdf_document(printing, meta)
            with phases.phase("browser close"):
                stack.close()
        if "pdf" in request.formats and request.style == "screenshot":
            pngs = [s.png for s in shots.values() if s.png]
            pdf = report_capture.pngs_to_pdf(pngs) if pngs else None
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        # After Ctrl-C the pool's threads are not waited for: one may wait forever on an
        # import's lock that the interrupted main thread left held (seen in CI: a worker
        # importing a Plotly module, the report then never exiting); the server stops all the
        # same, from here or, if its thread is the one stuck, by its parent-death watch.
        pool.shutdown(wait=not interrupted, cancel_futures=interrupted)
        server_stack.close()
    return meta, docs, shots, pdf


# The names of the report pool's threads (see _exit_if_workers_left).
_POOL_PREFIX = "presslens-report"


def _exit_if_workers_left(code: int) -> None:
    """After Ctrl-C, exit at once with ``code`` while a thread of the report's pool still runs:
    Python joins such threads before it exits, and one stuck on an import's lock would keep the
    report from ever exiting (its server, if not stopped yet, stops with it: the parent-death
    watch of :mod:`analysis.lifeline`)."""
    if any(t.name.startswith(_POOL_PREFIX) and t.is_alive() for t in threading.enumerate()):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _browser(stack: ExitStack, phases: Phases):
    """One headless Chromium, closed with ``stack``."""
    from playwright.sync_api import sync_playwright

    with phases.phase("browser launch"):
        playwright = stack.enter_context(sync_playwright())
        browser = report_capture.open_browser(playwright)
    stack.callback(browser.close)
    return browser


def _open_document(stack: ExitStack, browser, request: Request, docs: dict[str, str], phases):
    """The PDF document opened for printing (``--pdf-style document``; closed with ``stack``),
    :class:`PdfFailed` if Chromium could not open it, or ``None`` when no such PDF is asked for."""
    if "pdf" not in request.formats or request.style != "document":
        return None
    from playwright.sync_api import Error as PlaywrightError

    try:
        printing = report_capture.Printing(browser, docs["print"], phases=phases)
    except PlaywrightError as exc:  # the rest of the report is still written
        return PdfFailed(str(exc).splitlines()[0])
    stack.callback(printing.close)
    return printing


def _pdf_document(printing, meta):
    """The PDF document's bytes, :class:`PdfFailed` if Chromium could not print it, or ``None``
    when no such PDF is asked for."""
    if not isinstance(printing, report_capture.Printing):
        return printing
    from playwright.sync_api import Error as PlaywrightError

    from dashboard import report_html

    try:
        return printing.pdf(report_html.footer_text(meta))
    except PlaywrightError as exc:  # the rest of the report is still written
        return PdfFailed(str(exc).splitlines()[0])


def _timed(phases: Phases, name: str, fn, *args):
    with phases.phase(name):
        return fn(*args)


def _content(request: Request) -> tuple[ReportMeta, dict[str, str]]:
    """The report's title-page facts and its HTML documents by rendition (those the formats
    need), from the store (read-only) — written here, while the server and the browser start,
    not after the screenshots."""
    # Imported here, in the worker thread, while the server starts: Plotly, the views and the
    # HTML writer take a second to import, which the command paid before it started anything.
    import duckdb

    from dashboard import report_html, report_views

    filters, choices, link_base = request.filters, request.choices, request.link_base
    con = duckdb.connect(str(request.db), read_only=True)
    try:
        matched = report_views.matched_articles(con, filters)
        meta = ReportMeta(
            filters=filters,
            link=page_url(link_base, request.pages[0], filters, choices),
            data_date=report_views.data_date(con),
            version=presslens_version(),
            matched=matched,
            # looked up only when nothing matched: a scan of the quotes, at a large store
            unknown=report_views.unknown_values(con, filters) if matched == 0 else (),
        )
        sections = report_views.build(
            con, request.pages, filters, link_base=link_base, choices=choices
        )
    finally:
        con.close()
    docs = {}
    if "html" in request.formats:
        docs["interactive"] = report_html.document(sections, meta)
    if "pdf" in request.formats and request.style == "document":
        docs["print"] = report_html.document(sections, meta, rendition="print")
    return meta, docs


def _pages(text: str | None) -> list[str]:
    pages = [p.strip().lower() for p in (text or ",".join(DEFAULT_PAGES)).split(",") if p.strip()]
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
    from analysis.store import OlderStore, Store, StoreError

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
        try:
            Store(db, read_only=True).close()
        except OlderStore:
            Store(db).close()  # made by an older presslens: upgraded in place, once
    except StoreError as exc:
        raise ValueError(str(exc)) from None
    return db


def _usage(message: str) -> int:
    print(f"presslens: error: {message}", file=sys.stderr)
    return EXIT_USAGE
