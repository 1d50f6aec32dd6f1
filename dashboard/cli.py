"""The ``presslens`` command line: analyse articles, export the store, run the dashboard, report.

Exit status (all subcommands): 0 when everything asked for was done, 1 when some inputs failed (the
rest was still analysed and stored), 2 for a usage error (bad option, unusable store file), 130
when interrupted (every finished batch is kept). Progress goes to stderr; ``--json -`` writes the
export to stdout, so output can be piped.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.options import presslens_version, split_assignment

if TYPE_CHECKING:
    from analysis.records import RunSummary
    from analysis.store import Store

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_DB = "presslens.duckdb"

DESCRIPTION = """\
presslens — who said what, about whom, and which figures, across a body of news coverage.

  presslens analyze articles/ --db news.duckdb     analyse files, folders, globs, exports
  presslens dashboard --db news.duckdb             open the interactive dashboard
  presslens export --db news.duckdb --format csv --out tables/
  presslens report --db news.duckdb --out report/  the pages as HTML, PDF and PNG
  presslens index --db news.duckdb                 speed row filters on a very large store
"""


class _Version(argparse.Action):
    """``--version``, looked up only when asked: the package metadata's lookup took 75 ms of
    every command's start (argparse's own version action takes the string when the parser is
    built)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"presslens {presslens_version()}")  # to stdout, as argparse's own action does
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presslens",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens, to stderr")
    parser.add_argument("--version", action=_Version, help="show presslens's version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # One function per subcommand, in the order `presslens --help` lists them.
    for add in (_add_analyze, _add_export, _add_dashboard, _add_report, _add_index):
        add(sub)
    return parser


def _add_analyze(sub: argparse._SubParsersAction) -> None:
    analyze = sub.add_parser(
        "analyze",
        help="analyse articles into a store",
        description="Read articles (.txt or .md with the title on line 1, .html, .json, .jsonl, "
        ".csv, .tsv; "
        "folders recursively; globs), clean them, extract quotes, entities and figures, and store "
        "them. Articles already in the store are not analysed again. Exit status: 0 all "
        "analysed, 1 some inputs failed (each named on stderr; the rest is stored), 2 usage "
        "error, 130 interrupted (finished batches are kept).",
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
    _add_engine_options(analyze)
    _add_input_options(analyze)
    analyze.add_argument(
        "--reanalyse", action="store_true", help="analyse articles again even if the store has them"
    )
    analyze.add_argument(
        "--write-every",
        type=_positive_int,
        default=None,
        metavar="N",
        help="write finished articles to the store every N of them (default: 256; also every "
        "30 s); a run of N articles or fewer is written once, at its end",
    )
    analyze.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _add_engine_options(analyze: argparse.ArgumentParser) -> None:
    """Where ``analyze`` parses: processes, a Dask cluster."""
    analyze.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="processes that parse in parallel (default: 1; with --engine dask: the cores)",
    )
    analyze.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="where the parse runs: this machine, or a Dask cluster (default: local)",
    )
    analyze.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="with --engine dask: the cluster's scheduler (default: a local cluster)",
    )


def _add_input_options(analyze: argparse.ArgumentParser) -> None:
    """How ``analyze`` reads its inputs: column mappings, outlet, size limit."""
    analyze.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="[PATH:]FIELD=COLUMN",
        help="read FIELD (text, title, published, source, url, tags, author) "
        "from COLUMN of CSV/JSON input; repeatable, e.g. --map text=article_content; with "
        "PATH: (a file, folder or glob) only for those inputs, e.g. --map a.csv:text=body",
    )
    analyze.add_argument(
        "--map-file",
        metavar="FILE",
        help="per-input column mappings, JSON or TOML: PATH or glob → {FIELD: COLUMN}, "
        'e.g. {"exports/*.jsonl": {"text": "paragraphs"}}; --map options apply on top',
    )
    analyze.add_argument("--source", metavar="NAME", help="outlet name for all inputs")
    analyze.add_argument(
        "--max-mb",
        type=_positive_megabytes,
        default=20.0,
        metavar="MB",
        help="skip files larger than this (default: 20)",
    )
    analyze.add_argument(
        "--encoder",
        action="store_true",
        help="also score each attitude with a sentence encoder (all-MiniLM-L6-v2, stored as the "
        "'encoder' scorer): more accurate toward whom (NewsMTSC macro-F1 in README), but "
        "a run takes 2-3 times as long",
    )
    analyze.add_argument(
        "--aliases",
        metavar="FILE",
        help="more name variants for this run: a UTF-8 TSV file, one "
        "'variant<TAB>canonical<TAB>label' a line (label ORG, PERSON, NORP or GPE; '#' "
        "comments); adds to and overrides the curated tables (see docs/DESIGN.md)",
    )


def _add_export(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export",
        help="export a store as JSON, CSV or Parquet",
        description="Write the store's tables: one presslens/1 JSON file, "
        "or a folder with one CSV/Parquet file per table.",
    )
    export.add_argument(
        "--db", default=DEFAULT_DB, metavar="FILE", help=f"store to read (default: ./{DEFAULT_DB})"
    )
    export.add_argument(
        "--format", choices=("json", "csv", "parquet"), default="json",
        help="json: one presslens/1 file; csv, parquet: a file per table (default: json)",
    )  # fmt: skip
    export.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="JSON file (- = stdout) or folder for csv/parquet",
    )
    export.add_argument(
        "--partition-by",
        choices=("year", "source"),
        help="with --format parquet: one Hive-partitioned dataset per table (year=2016/…)",
    )


def _add_dashboard(sub: argparse._SubParsersAction) -> None:
    dash = sub.add_parser(
        "dashboard",
        help="open the interactive dashboard",
        description="Start the Streamlit dashboard. Without --db it uses a "
        "store built from the bundled sample article on first start.",
    )
    dash.add_argument("--db", metavar="FILE", help="store to show (default: bundled sample)")
    dash.add_argument(
        "--port", type=_positive_int, default=8501, metavar="N",
        help="the port to serve on (default: 8501)",
    )  # fmt: skip
    dash.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDR",
        help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 = everyone)",
    )
    dash.add_argument(
        "--read-only",
        action="store_true",
        help="show the store without changing it: no uploads, no analysis, no undoing of name "
        "merges (a dashboard shared with others)",
    )


def _add_report(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser(
        "report",
        help="the dashboard pages as a report: HTML, PDF document, PNG screenshots",
        description="Write the dashboard's pages under the given filters as "
        "presslens-report.html (interactive charts, whole tables, links into the dashboard), "
        "presslens-report.pdf (the same document printed: title page, selectable text, "
        "paginated tables, vector charts), a full-page screenshot presslens-<page>.png per page "
        "(taken from the dashboard run read-only on a free local port in headless Chromium) "
        "and manifest.json. Everything started is stopped again, also on error or Ctrl-C. "
        "Exit status: 0 written, 1 a page failed to draw or the PDF could not be printed (the "
        "rest is written), 2 usage error, "
        "3 the filters match no article (the report is written and says so), 130 interrupted.",
    )
    report.add_argument("--db", metavar="FILE", help="store to report on (default: sample)")
    report.add_argument(
        "--pages",
        metavar="LIST",
        help="comma-separated: overview, speakers, entities, figures, articles, compare, places, "
        "data (default: all but compare and places)",
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
        'killed"), counts ("News events", "Running totals", "Earlier events"), fg_log (the '
        "timeline's log scale: true or false), currency (money's, e.g. GBP), article (an "
        "article id for the reader); ov_per, sp_per, en_per, fg_per (a timeline's period: "
        "auto, day, week, month, year); Speakers' scorer (TextBlob, VADER), attitude_scorer "
        '("News model"), sp_compare (one per speaker); Entities\' en_type '
        '("Organisations"), en_pick; Compare\'s vs '
        "(Outlets, Speakers, Searches), cmp_source, cmp_speaker (one per group), cmp_q "
        "(searches, one per line), cmp_per, cmp_show, cmp_log (true or false); "
        "Places' pl_size, region, place; repeatable",
    )
    report.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="articles published on or after"
    )
    report.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="articles published on or before"
    )
    _add_report_output(report)


def _add_index(sub: argparse._SubParsersAction) -> None:
    index = sub.add_parser(
        "index",
        help="build the article index that speeds row filters on a very large store",
        description="Copy the columns the dashboard's filtered views read, ordered by article, "
        "into the article index (Arrow files in $PRESSLENS_INDEX_DIR, default "
        "~/.cache/presslens/index), so that a filter on a speaker, an entity or a search reads "
        "the rows of its articles instead of scanning every row. The dashboard builds it by "
        "itself for a store of 200,000 articles or more (PRESSLENS_INDEX_MIN_ARTICLES); run "
        "this after a large `presslens analyze` to have it ready. Never writes to the store; "
        "an index of an older state of the store is replaced.",
    )
    index.add_argument(
        "--db", default=DEFAULT_DB, metavar="FILE", help=f"store to index (default: ./{DEFAULT_DB})"
    )
    index.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")


def _add_report_output(report: argparse.ArgumentParser) -> None:
    """What ``report`` writes, and where its links point."""
    report.add_argument(
        "--format",
        default="png,pdf,html",
        metavar="LIST",
        help="comma-separated: png, pdf, html (default: all)",
    )
    report.add_argument(
        "--width",
        type=_positive_int,
        default=1400,
        metavar="PX",
        help="the browser window's width for the screenshots (default: 1400)",
    )
    report.add_argument(
        "--port",
        type=_positive_int,
        metavar="N",
        help="the port of the local dashboard the screenshots are taken from (default: any free "
        "port; for a machine that only opens some)",
    )
    report.add_argument(
        "--pdf-style",
        choices=("document", "screenshot"),
        default="document",
        help="document (default): the report printed, text selectable, tables whole; "
        "screenshot: one PDF page per page screenshot, exactly as on screen",
    )
    report.add_argument(
        "--link-base",
        default="http://localhost:8501",
        metavar="URL",
        help="where the report's 'link to this view' points: the dashboard its readers open "
        "(default: http://localhost:8501, where `presslens dashboard` serves)",
    )
    report.add_argument(
        "--out", required=True, metavar="DIR", help="folder the files are written to (made)"
    )


# A warning without -v reads like the command's other lines ("presslens: a.meta.json: ignoring
# published 'soon' (not a date)", beside "presslens: skipped …"), not like a module's log.
_PLAIN_LOG_FORMAT = "presslens: %(message)s"


def _parse(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """The arguments; an unknown option is refused by its command's parser, so the usage shown
    is that command's (`presslens analyze x --bogus` had shown `usage: presslens [-h] …
    COMMAND`, which lists none of analyze's options)."""
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        owner = commands.choices.get(args.command, parser) if args.command else parser
        owner.error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = _parse(parser, argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        # -v, for whoever debugs, names the level and the module
        format="%(levelname)s %(name)s: %(message)s" if args.verbose else _PLAIN_LOG_FORMAT,
        handlers=[_BarAwareHandler(sys.stderr)],
    )
    if not args.verbose:
        # trafilatura warns "discarding data: None" of a page with no text, a line beside the
        # run's own "skipped PAGE: HTML page with no article text" that names no file
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    handler = {
        "analyze": _analyze,
        "export": _export,
        "dashboard": _dashboard,
        "report": _report,
        "index": _index,
    }[args.command]
    from analysis import lifeline

    try:
        with lifeline.signals_interrupt():  # kill / hang-up: clean up as on Ctrl-C
            return handler(args)
    except KeyboardInterrupt:
        print("presslens: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _index(args: argparse.Namespace) -> int:
    import time

    from analysis import article_index, store_lock
    from analysis.store import Store, StoreError

    try:
        Store(args.db, read_only=True).close()  # a presslens store of this version
        con = store_lock.open_reader(args.db)
    except (StoreError, store_lock.LockTimeout) as exc:
        return _usage(str(exc))
    started = time.monotonic()
    try:
        folder = article_index.build(con, args.db, stop=lambda: store_lock.writer_waiting(args.db))
    except InterruptedError as exc:
        print(f"presslens: {args.db}: index not built ({exc}); run it again later", file=sys.stderr)
        return EXIT_SOME_FAILED
    finally:
        con.close()
    if not args.quiet:
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(
            f"{args.db}: article index in {folder} ({size:,.0f} MB, "
            f"{time.monotonic() - started:.1f} s)"
        )
    return EXIT_OK


def _analyze(args: argparse.Namespace) -> int:
    from analysis import heap

    # spaCy, DuckDB, pandas: modules that live as long as this process (analysis.heap)
    with heap.loading(freeze=True):
        from analysis.attitude_encoder import EncoderUnavailable, check
        from analysis.engines import EngineError
        from analysis.nlp import ModelNotFound
        from analysis.pipeline import analyze_paths
        from analysis.store import Store, StoreError

    try:
        field_map = _parse_map(args.map, args.map_file)
    except ValueError as exc:
        return _usage(str(exc))
    if args.json and args.json != "-" and Path(args.json).is_dir():
        # said before the analysis, not as a traceback after it
        return _usage(
            f"--json {args.json} is a folder; it takes a file's name "
            f"(e.g. --json {Path(args.json) / 'run.json'})"
        )
    if args.scheduler and args.engine != "dask":
        return _usage("--scheduler needs --engine dask")
    aliases = ()
    if args.aliases:
        from analysis.lexicon.aliases import AliasFileError, read_file

        if args.engine != "local":
            return _usage("--aliases works with the local engine only")
        try:
            aliases = read_file(args.aliases)
        except AliasFileError as exc:
            return _usage(str(exc))
    if args.encoder:
        try:  # one clear message before any article, not one per article
            check()
        except EncoderUnavailable as exc:
            return _usage(str(exc))
    created = not Path(args.db).exists()
    try:
        store = Store(args.db)
    except StoreError as exc:
        return _usage(str(exc))
    bar = _ProgressBar(quiet=args.quiet)
    with store, _engine(args) as engine:
        try:
            summary, ids = analyze_paths(
                args.paths,
                store,
                workers=args.workers or 1,
                engine=engine,
                field_map=field_map,
                source=args.source,
                max_bytes=round(args.max_mb * 1024 * 1024),
                progress=bar.update,
                reanalyse=args.reanalyse,
                aliases=aliases,
                encoder=args.encoder,
                write_every=args.write_every,
            )
        except (ModelNotFound, EngineError, EncoderUnavailable) as exc:
            print(f"presslens: error: {exc}", file=sys.stderr)  # exit 2, like every usage error
            if created:
                _remove_empty_store(store)
            return EXIT_USAGE
        finally:
            bar.close()
        for failure in summary.failures:
            print(f"presslens: skipped {failure.path}: {failure.reason}", file=sys.stderr)
        json_failed = False
        if args.json and not summary.interrupted:
            json_failed = not _write_json(store, ids, args.json)
        if args.encoder and summary.known and not args.reanalyse and not summary.interrupted:
            _note_known_without_encoder(store, ids)
        # A run that read nothing (a mistyped path, an empty folder) into a store it created
        # leaves none: an empty store under the name given opened as a blank dashboard.
        target = args.db
        stored = summary.new or summary.known or summary.duplicates
        if created and not stored and not summary.interrupted:
            _remove_empty_store(store)
            target = f"nothing stored, so no store made at {args.db}"
        print(closing_line(summary, target), file=sys.stderr)
    if summary.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_SOME_FAILED if summary.failures or json_failed else EXIT_OK


def closing_line(summary: RunSummary, target: str) -> str:
    """``analyze``'s last line: what the run did to the store ``target`` names. The counts keep
    their fixed order and words (scripts read them); articles ``--reanalyse`` wrote again over
    their earlier rows come first and apart, as "new" had counted them (a store that gained
    nothing read "3 new", and a note after it said they were "replaced, not added")."""
    parts = []
    if summary.reanalysed:
        n = summary.reanalysed
        parts.append(
            f"{n} article{'' if n == 1 else 's'} re-analysed (replaced "
            f"{'its' if n == 1 else 'their'} earlier rows)"
        )
    parts += [
        f"{summary.added} new",
        f"{summary.known} already known",
        f"{summary.duplicates} near-duplicate",
        f"{summary.failed} failed",
    ]
    if summary.replaced:
        n = summary.replaced
        parts.append(
            f"{n} earlier version{'' if n == 1 else 's'} replaced by "
            f"{'its' if n == 1 else 'their'} new text"
        )
    notes = list(summary.notes)
    if not summary.new and summary.known and not summary.duplicates and not summary.failed:
        # every article was in the store: say that nothing was analysed, and how to
        notes.append("nothing to analyse (--reanalyse analyses them again)")
    return f"presslens: {', '.join(parts)} → {target}" + "".join(f"; {n}" for n in notes)


def _note_known_without_encoder(store, ids: list[str]) -> None:
    """``--encoder`` scores the articles it analyses; articles already stored are not analysed
    again, so say how many of this run's inputs still lack the encoder's attitudes."""
    # Only this run's articles' attitudes are read (a store may hold millions).
    lacking = store.query(
        "SELECT count(*) FROM (SELECT article_id FROM attitudes "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY article_id "
        "HAVING count(*) FILTER (WHERE scorer = 'encoder') = 0)",
        [ids],
    ).iloc[0, 0]
    if lacking:
        print(
            f"presslens: {lacking} already known article(s) were stored without the encoder and "
            "were not analysed again; add --reanalyse to score them with it",
            file=sys.stderr,
        )


class _BarAwareHandler(logging.StreamHandler):
    """Log lines written above ``analyze``'s progress bar, not into it: Ctrl-C's "interrupted:
    64 of 163 articles analysed and stored" had run on after the bar's own line, and the bar was
    drawn again below it."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            from tqdm import tqdm

            tqdm.write(self.format(record), file=self.stream)
        except Exception:  # as logging's own handlers do: a log line never ends the run
            self.handleError(record)


class _ProgressBar:
    """``analyze``'s progress on stderr: a tqdm bar, made on the first report of a non-empty
    batch (so an empty or fully known input prints none), and none at all with ``--quiet``."""

    def __init__(self, *, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None

    def update(self, done: int, total: int) -> None:
        if self.quiet or total == 0:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                unit="article",
                desc="analysing",
                file=sys.stderr,
                dynamic_ncols=True,
            )
        self.bar.n = done
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _write_json(store: Store, ids: list[str], target: str) -> bool:
    """The presslens/1 export of the articles ``ids`` to the file ``target`` (``-`` = stdout);
    False, said on stderr, when the file cannot be written: the analysis is stored by then, and
    a traceback had hidden the closing line that says so. Missing folders are made, as
    ``presslens export`` makes them."""
    from analysis import export

    frames = export.tables(store, article_ids=ids)
    if target == "-":
        sys.stdout.write(export.dumps(frames) + "\n")
        return True
    path = Path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(export.dumps(frames), encoding="utf-8")
    except OSError as exc:
        print(f"presslens: --json {target}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return False
    return True


def _engine(args: argparse.Namespace):
    """The engine ``--engine`` names, as a context manager (None = the local one)."""
    if args.engine == "local":
        return contextlib.nullcontext(None)
    from analysis.engines.dask import DaskEngine

    return DaskEngine(args.scheduler, n_workers=args.workers, encoder=args.encoder)


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
        if args.partition_by and args.format != "parquet":
            return _usage("--partition-by works with --format parquet only")
        problem = _export_out_problem(Path(args.out), args.format)
        if problem:
            return _usage(problem)
        try:
            written = export.write(store, args.out, fmt=args.format, partition_by=args.partition_by)
        except OSError as exc:
            return _usage(f"--out {args.out}: cannot write ({exc.strerror or exc})")
    for path in written:
        print(f"presslens: wrote {path}", file=sys.stderr)
    return EXIT_OK


def _export_out_problem(out: Path, fmt: str) -> str | None:
    """Why ``--out`` cannot take an export of ``fmt``, or None. JSON is one file, CSV and
    Parquet a folder of files: given the other kind of existing path, writing failed with a
    traceback (IsADirectoryError, FileExistsError) instead of saying what to give."""
    if fmt == "json" and out.is_dir():
        return (
            f"--out {out} is a folder; --format json writes one file "
            f"(e.g. --out {out / 'presslens.json'})"
        )
    if fmt != "json" and out.exists() and not out.is_dir():
        return (
            f"--out {out} is a file; --format {fmt} writes a folder of files, one per table "
            "(give a folder's name)"
        )
    return None


def _dashboard(args: argparse.Namespace) -> int:
    from dashboard import launch

    db = Path(args.db) if args.db else None
    _say_sample(db)
    return launch.run(db, args.port, host=args.host, read_only=args.read_only)


def _report(args: argparse.Namespace) -> int:
    from dashboard import report

    _say_sample(args.db)
    return report.main(args)


def _say_sample(db: str | Path | None) -> None:
    """Without --db the dashboard and the report show the bundled sample, while analyze, export
    and index use ./presslens.duckdb: someone who ran `presslens analyze articles/` and then
    `presslens dashboard` in the same folder saw one Guardian article and none of theirs. Said
    when that store is there, on stderr, before anything starts."""
    if db is None and Path(DEFAULT_DB).is_file():
        print(
            f"presslens: no --db: showing the bundled sample; the store `presslens analyze` "
            f"filled in this folder is --db {DEFAULT_DB}",
            file=sys.stderr,
        )


def _remove_empty_store(store) -> None:
    """Take away the store this run created when it stopped on a usage error before writing an
    article (an unreachable scheduler, a missing model) or read no article at all: the run
    changed nothing else, and an empty store left under the name given looked like a finished
    run's."""
    store.close()
    for path in (store.path, store.path.with_name(store.path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _parse_map(items: list[str], map_file: str | None = None):
    """``--map [PATH:]FIELD=COLUMN`` options and a ``--map-file`` as one
    :class:`~analysis.ingest.FieldMaps` (the file first, the options on top)."""
    from analysis.ingest import FIELD_ALIASES, FieldMaps, read_map_file

    default: dict[str, str] = {}
    by_path = read_map_file(map_file) if map_file else []
    for item in items:
        # "PATH:FIELD=COLUMN" when the text before "=" ends in ":FIELD"; a path may hold ":".
        head, _, _ = item.partition("=")
        path, colon, name = head.rpartition(":")
        assignment = (
            item[len(path) + 1 :] if colon and path and name.strip() in FIELD_ALIASES else item
        )
        field, column = split_assignment(
            assignment,
            option="--map",
            kind="field",
            names=FIELD_ALIASES,
            example="text=article_content or exports/a.csv:text=body",
            form="[PATH:]FIELD=COLUMN",
        )  # fmt: skip
        if assignment is item:
            default[field] = column
        else:
            by_path.append((path, {field: column}))
    return FieldMaps(default=default, by_path=tuple(by_path))


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _positive_megabytes(text: str) -> float:
    """``--max-mb``: a size above zero (``--max-mb 0`` or ``-5`` had skipped every file as "too
    large (…; the limit is 0 MB)", a run that could analyse nothing)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of megabytes") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} must be a size above 0 (in MB, e.g. 50)")
    return value


def _usage(message: str) -> int:
    print(f"presslens: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def run() -> None:
    """The ``presslens`` command: :func:`main`, then leave without the interpreter's teardown.

    Python frees every object one by one at exit; after an analysis (the spaCy model, the
    gazetteer tables) that took 0.9-1.9 s of a 200-article run's wall time, for nothing the
    operating system would not do at once. The exit handlers (store locks, readers) and the
    waits for threads still run, as at any exit: only the teardown after them is skipped."""
    outcome: list[object] = []
    atexit.register(_leave, outcome)  # registered first, so it runs after every other handler
    try:
        code = main()
    except SystemExit as exc:  # --help, --version, argparse's usage errors
        code = exc.code
    outcome.append(code)
    sys.exit(code)


def _leave(outcome: list[object]) -> None:
    if not outcome:  # main raised: Python has printed the traceback
        os._exit(1)
    code = outcome[0]
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)


if __name__ == "__main__":
    run()
