"""The ``presslens`` command line: analyse articles, export the store, run the dashboard, report.

Exit status (all subcommands): 0 when everything asked for was done, 1 when some inputs failed (the
rest was still analysed and stored), 2 for a usage error (bad option, unusable store file), 130
when interrupted (every finished batch is kept). Progress goes to stderr; ``--json -`` writes the
export to stdout, so output can be piped.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable
from pathlib import Path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_DB = "presslens.duckdb"

DESCRIPTION = """\
presslens — who said what, about whom, and which figures, across a body of news coverage.

  presslens analyze articles/ --db news.duckdb     analyse files, folders, globs, exports
  presslens dashboard --db news.duckdb             open the interactive dashboard
  presslens export --db news.duckdb --format csv --out tables/
  presslens report --db news.duckdb --out report/  PNG/PDF/HTML screenshots of the pages
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presslens",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens, to stderr")
    parser.add_argument("--version", action="version", version=f"presslens {presslens_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    analyze = sub.add_parser(
        "analyze",
        help="analyse articles into a store",
        description="Read articles (.txt with the title on line 1, .html, .json, .jsonl, .csv; "
        "folders recursively; globs), clean them, extract quotes, entities and figures, and store "
        "them. Articles already in the store are not analysed again.",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or glob")
    analyze.add_argument(
        "--db",
        default=DEFAULT_DB,
        metavar="FILE",
        help=f"DuckDB store to fill (default: ./{DEFAULT_DB})",
    )
    analyze.add_argument(
        "--json",
        metavar="FILE|-",
        help="also write the presslens/1 export of these inputs (- = stdout)",
    )
    analyze.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        metavar="N",
        help="processes that parse in parallel (default: 1)",
    )
    analyze.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="read FIELD (text, title, published, source, url, tags, author) "
        "from COLUMN of CSV/JSON input; repeatable, e.g. --map text=article_content",
    )
    analyze.add_argument("--source", metavar="NAME", help="outlet name for all inputs")
    analyze.add_argument(
        "--max-mb",
        type=float,
        default=20.0,
        metavar="MB",
        help="skip files larger than this (default: 20)",
    )
    analyze.add_argument(
        "--reanalyse", action="store_true", help="analyse articles again even if the store has them"
    )
    analyze.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    export = sub.add_parser(
        "export",
        help="export a store as JSON, CSV or Parquet",
        description="Write the store's tables: one presslens/1 JSON file, "
        "or a folder with one CSV/Parquet file per table.",
    )
    export.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help="store to read")
    export.add_argument("--format", choices=("json", "csv", "parquet"), default="json")
    export.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="JSON file (- = stdout) or folder for csv/parquet",
    )

    dash = sub.add_parser(
        "dashboard",
        help="open the interactive dashboard",
        description="Start the Streamlit dashboard. Without --db it uses a "
        "store built from the bundled sample article on first start.",
    )
    dash.add_argument("--db", metavar="FILE", help="store to show (default: bundled sample)")
    dash.add_argument("--port", type=_positive_int, default=8501, metavar="N")

    report = sub.add_parser(
        "report",
        help="screenshot the dashboard pages to PNG/PDF/HTML",
        description="Start the dashboard on a free local port (read-only), open each page in "
        "headless Chromium with the filters in its URL, wait until every chart has drawn, and "
        "save a full-page PNG per page, report.pdf (one page per dashboard page), report.html "
        "(the interactive figures and tables) and manifest.json (files and filters). Everything "
        "started is stopped again, also on error or Ctrl-C.",
    )
    report.add_argument("--db", metavar="FILE", help="store to report on (default: sample)")
    report.add_argument(
        "--pages",
        metavar="LIST",
        help="comma-separated: overview, speakers, entities, figures, articles, data "
        "(default: all)",
    )
    report.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a filter as in the dashboard URL: speaker, entity, source, tag or q (text "
        'search), e.g. --filter speaker="John Kerry"; repeatable',
    )
    report.add_argument(
        "--choice",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a page's own choice as in its URL: what (the Figures category, e.g. what=\"People "
        'killed"), counts ("News events", "Running totals", "Earlier events") or article (an '
        "article id for the reader); repeatable",
    )
    report.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    report.add_argument(
        "--format",
        default="png,pdf,html",
        metavar="LIST",
        help="comma-separated: png, pdf, html (default: all)",
    )
    report.add_argument("--width", type=_positive_int, default=1400, metavar="PX")
    report.add_argument(
        "--link-base",
        default="http://localhost:8501",
        metavar="URL",
        help="where the report's 'link to this view' points: the dashboard its readers open "
        "(default: http://localhost:8501, where `presslens dashboard` serves)",
    )
    report.add_argument("--out", required=True, metavar="DIR")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    handler = {"analyze": _analyze, "export": _export, "dashboard": _dashboard, "report": _report}[
        args.command
    ]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("presslens: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _analyze(args: argparse.Namespace) -> int:
    from analysis import export
    from analysis.nlp import ModelNotFound
    from analysis.pipeline import analyze_paths
    from analysis.store import Store, StoreError

    try:
        field_map = _parse_map(args.map)
    except ValueError as exc:
        return _usage(str(exc))
    try:
        store = Store(args.db)
    except StoreError as exc:
        return _usage(str(exc))
    bar = None
    with store:

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if args.quiet or total == 0:
                return
            if bar is None:
                from tqdm import tqdm

                bar = tqdm(
                    total=total,
                    unit="article",
                    desc="analysing",
                    file=sys.stderr,
                    dynamic_ncols=True,
                )
            bar.n = done
            bar.refresh()

        try:
            summary, ids = analyze_paths(
                args.paths,
                store,
                workers=args.workers,
                field_map=field_map,
                source=args.source,
                max_bytes=int(args.max_mb * 1024 * 1024),
                progress=progress,
                reanalyse=args.reanalyse,
            )
        except ModelNotFound as exc:
            print(f"presslens: {exc}", file=sys.stderr)
            return EXIT_USAGE
        finally:
            if bar is not None:
                bar.close()
        for failure in summary.failures:
            print(f"presslens: skipped {failure.path}: {failure.reason}", file=sys.stderr)
        if args.json and not summary.interrupted:
            frames = export.tables(store, article_ids=ids)
            if args.json == "-":
                sys.stdout.write(export.dumps(frames) + "\n")
            else:
                Path(args.json).write_text(export.dumps(frames), encoding="utf-8")
        print(
            f"presslens: {summary.new} new, {summary.known} already known, "
            f"{summary.duplicates} near-duplicate, {summary.failed} failed → {args.db}",
            file=sys.stderr,
        )
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_SOME_FAILED if summary.failures else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from analysis import export
    from analysis.store import Store, StoreError

    try:
        store = Store(args.db, read_only=True)
    except StoreError as exc:
        return _usage(str(exc))
    with store:
        if args.out == "-":
            if args.format != "json":
                return _usage("--out - (stdout) works with --format json only")
            sys.stdout.write(export.dumps(export.tables(store)) + "\n")
            return EXIT_OK
        written = export.write(store, args.out, fmt=args.format)
    for path in written:
        print(f"presslens: wrote {path}", file=sys.stderr)
    return EXIT_OK


def _dashboard(args: argparse.Namespace) -> int:
    from dashboard import launch

    return launch.run(Path(args.db) if args.db else None, args.port)


def _report(args: argparse.Namespace) -> int:
    from dashboard import report

    return report.main(args)


def split_assignment(
    item: str,
    *,
    option: str,
    kind: str,
    names: Iterable[str],
    example: str,
    form: str = "NAME=VALUE",
) -> tuple[str, str]:
    """``NAME=VALUE`` of a repeatable option (``--map``, ``--filter``, ``--choice``), checked:
    NAME one of ``names``, VALUE not empty (surrounding quotes dropped). Raises ValueError with
    the line the user sees."""
    name, sep, value = item.partition("=")
    name, value = name.strip(), value.strip()
    # One surrounding pair of quotes only: a search may end in a "phrase" of its own.
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    if not sep or not name or not value:
        raise ValueError(f"{option} {item!r}: expected {form}, e.g. {example}")
    names = tuple(names)
    if name not in names:
        raise ValueError(f"{option} {item!r}: unknown {kind} {name!r} (one of {', '.join(names)})")
    return name, value


def _parse_map(items: list[str]) -> dict[str, str]:
    from analysis.ingest import FIELD_ALIASES

    return dict(
        split_assignment(
            item,
            option="--map",
            kind="field",
            names=FIELD_ALIASES,
            example="text=article_content",
            form="FIELD=COLUMN",
        )  # fmt: skip
        for item in items
    )


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _usage(message: str) -> int:
    print(f"presslens: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def presslens_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("presslens")
    except PackageNotFoundError:
        return "0.0.0+local"


if __name__ == "__main__":
    raise SystemExit(main())
