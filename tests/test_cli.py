"""The ``presslens`` command line as a user runs it: exit codes, messages, exports, interrupts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from tests.conftest import SAMPLE, ctrl_c_reaches_child
from tests.corpus_maker import write_articles

CONTRACT = {
    "articles": {"id", "title", "source", "published", "url", "tags", "text", "path", "n_words"},
    "quotes": {
        "article_id",
        "kind",
        "text",
        "start",
        "end",
        "speaker",
        "speaker_mention",
        "speaker_start",
        "speaker_end",
        "speaker_label",
        "speaker_role",
        "cue",
        "polarity",
        "subjectivity",
    },
    "speakers": {"speaker", "n_quotes", "n_words", "polarity", "subjectivity", "n_articles"},
    "entities": {"article_id", "name", "label", "mentions", "first_start"},
    "figures": {
        "article_id",
        "text",
        "value",
        "low",
        "high",
        "approximate",
        "unit",
        "category",
        "subject",
        "location",
        "claimed_by",
        "start",
        "end",
        "sentence",
    },
}
CONTRACT["attitudes"] = {
    "article_id",
    "holder",
    "target",
    "target_start",
    "target_end",
    "polarity",
    "label",
    "sentence",
    "scorer",
}


def presslens(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_help_reads_well():
    result = presslens("--help")
    assert result.returncode == 0
    for command in ("analyze", "export", "dashboard", "report"):
        assert command in result.stdout
    analyze_help = " ".join(presslens("analyze", "--help").stdout.split())
    assert "--workers" in analyze_help
    # the default the help names is the one the pipeline writes with
    from analysis.pipeline import WRITE_EVERY_ARTICLES

    assert f"every N of them (default: {WRITE_EVERY_ARTICLES};" in analyze_help


def test_version_is_the_installed_packages(monkeypatch):
    from importlib.metadata import version

    result = presslens("--version")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"presslens {version('presslens')}\n",
        "",
    )
    # looked up only when asked (the metadata's lookup took 75 ms of every command's start)
    from dashboard import cli

    monkeypatch.setattr(cli, "presslens_version", lambda: pytest.fail("version looked up"))
    cli.build_parser().parse_args(["analyze", "x", "--db", "y"])


@pytest.mark.parametrize(
    "body, code, out, err",
    [
        # an exit handler registered while the command runs (as the store's locks are) still runs
        ("atexit.register(print, 'handler ran'); return 3", 3, "handler ran", ""),
        ("raise ZeroDivisionError('boom')", 1, "", "ZeroDivisionError: boom"),
        ("raise SystemExit(None)", 0, "", ""),
        ("print('x' * 100_000, end=''); return 0", 0, "x" * 100_000, ""),  # all of stdout
    ],
)
def test_run_skips_only_the_teardown(body, code, out, err):
    script = (
        "import atexit\nfrom dashboard import cli\n"
        f"def fake():\n    {body}\n"
        "cli.main = fake\ncli.run()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == code
    assert result.stdout.strip() == out
    assert err in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert presslens().returncode == 2
    assert presslens("analyze", str(SAMPLE), "--workers", "0").returncode == 2
    result = presslens(
        "analyze", str(SAMPLE), "--map", "nonsense", "--db", str(tmp_path / "s.duckdb")
    )
    assert result.returncode == 2 and "expected [PATH:]FIELD=COLUMN" in result.stderr


def test_analyze_json_to_stdout_follows_the_contract(tmp_path):
    db = tmp_path / "s.duckdb"
    result = presslens("analyze", str(SAMPLE), "--db", str(db), "--json", "-", "-q")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "presslens/1"
    for table, fields in CONTRACT.items():
        assert data[table], table
        assert fields <= set(data[table][0]), (table, fields - set(data[table][0]))
    (article,) = data["articles"]
    text = article["text"]
    for quote in data["quotes"]:
        assert text[quote["start"] : quote["end"]].strip("“”\"' ,.") != ""
    assert "1 new, 0 already known, 0 near-duplicate, 0 failed" in result.stderr
    again = presslens("analyze", str(SAMPLE), "--db", str(db), "-q")
    assert "0 new, 1 already known" in again.stderr and again.returncode == 0


def test_an_articles_author_is_exported(tmp_path):
    # The byline is a field the contract allows adding: a reader checks a mapped column by it.
    export = tmp_path / "export.csv"
    export.write_text(
        "body,byline\n"
        '"The harbour board met on Tuesday and agreed to dredge the channel.",Mira Osei\n'
        '"Farmers in the valley said the late frost cost them half the cherry crop.",\n'
    )
    result = presslens(
        "analyze", str(export), "--map", "text=body", "--map", "author=byline",
        "--db", str(tmp_path / "s.duckdb"), "--json", "-", "-q",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    authors = {a["text"][:11]: a["author"] for a in json.loads(result.stdout)["articles"]}
    assert authors == {"The harbour": "Mira Osei", "Farmers in ": None}


def test_some_inputs_failed_exit_1_and_one_line_each(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = presslens(
        "analyze",
        str(SAMPLE),
        str(tmp_path / "empty.txt"),
        str(tmp_path / "nope.txt"),
        "--db",
        str(tmp_path / "s.duckdb"),
        "-q",
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert lines == [
        f"presslens: skipped {tmp_path / 'empty.txt'}: empty file",
        f"presslens: skipped {tmp_path / 'nope.txt'}: no such file or folder",
    ]
    assert "1 new" in result.stderr


def test_a_folder_of_bad_inputs_gets_one_line_for_each_and_no_other(tmp_path):
    # trafilatura's own "discarding data: None" had stood beside the line of a page with no
    # text, naming no file; an archive beside articles had been passed over without a word
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "title.html").write_text("<html><head><title>A title</title></head></html>")
    (folder / "bundle.zip").write_bytes(b"PK\x03\x04 zipped stories")
    result = presslens("analyze", str(folder), "--db", str(tmp_path / "s.duckdb"), "-q")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[:2] == [
        f"presslens: skipped {folder / 'bundle.zip'}: a .zip, which presslens does not unpack; "
        "extract it and analyse what it holds",
        f"presslens: skipped {folder / 'title.html'}: HTML page with no article text",
    ]
    assert len(lines) == 3 and "1 new" in lines[2]


def test_store_that_is_not_duckdb_is_a_usage_error(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("hello\n" * 1000)
    result = presslens("analyze", str(SAMPLE), "--db", str(bad))
    assert result.returncode == 2
    assert f"{bad}: cannot open as a DuckDB store" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_formats(tmp_path, sample_db):
    out = tmp_path / "out"
    assert (
        presslens("export", "--db", str(sample_db), "--format", "csv", "--out", str(out)).returncode
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == [f"{t}.csv" for t in sorted(CONTRACT)]
    quotes = pd.read_csv(out / "quotes.csv")
    assert set(CONTRACT["quotes"]) <= set(quotes.columns) and len(quotes) > 10
    pq = tmp_path / "pq"
    assert (
        presslens(
            "export", "--db", str(sample_db), "--format", "parquet", "--out", str(pq)
        ).returncode
        == 0
    )
    assert len(pd.read_parquet(pq / "figures.parquet")) >= 5
    js = tmp_path / "x.json"
    assert presslens("export", "--db", str(sample_db), "--out", str(js)).returncode == 0
    assert json.loads(js.read_text())["articles"][0]["tags"][0] == "Aleppo"
    missing = presslens("export", "--db", str(tmp_path / "nope.duckdb"), "--out", str(js))
    assert missing.returncode == 2 and "no such store" in missing.stderr


def test_dashboard_on_a_missing_store_is_an_error_like_the_others(tmp_path, capsys):
    """Every usage error starts "presslens: error:"; the missing store's line lacked it."""
    from dashboard import cli

    missing = tmp_path / "news.duckdb"
    assert cli.main(["dashboard", "--db", str(missing), "--port", "8599"]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        f"presslens: error: {missing}: no such store (run `presslens analyze ... --db {missing}`)\n"
    )
    assert not missing.exists()


@pytest.mark.parametrize(
    ("argv", "usage", "unknown"),
    [
        (["analyze", "story.txt", "--bogus"], "usage: presslens analyze ", "--bogus"),
        (["export", "--out", "x.json", "--colour"], "usage: presslens export ", "--colour"),
        (["report", "--out", "r", "--filters", "a=b"], "usage: presslens report ", "--filters a=b"),
        (["--bogus"], "usage: presslens [-h]", "--bogus"),
    ],
)
def test_an_unknown_option_shows_its_commands_usage(capsys, argv, usage, unknown):
    """`presslens analyze x --bogus` had shown the top level's usage (`presslens [-h] [-v]
    [--version] COMMAND ...`), which lists none of the options a user was looking for."""
    from dashboard import cli

    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(usage)
    assert err.endswith(f"error: unrecognized arguments: {unknown}\n")


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("0", "'0' must be a size above 0"),
        ("-5", "'-5' must be a size above 0"),
        ("nan", "'nan' must be a size above 0"),
        ("big", "'big' is not a number of megabytes"),
    ],
)
def test_a_max_mb_that_lets_no_file_through_is_a_usage_error(tmp_path, capsys, value, said):
    # --max-mb 0 had skipped every file as "too large (…; the limit is 0 MB)"
    from dashboard import cli

    with pytest.raises(SystemExit) as stop:
        cli.main(["analyze", str(SAMPLE), "--db", str(tmp_path / "s.duckdb"), "--max-mb", value])
    assert stop.value.code == cli.EXIT_USAGE
    assert f"argument --max-mb: {said}" in capsys.readouterr().err
    assert not (tmp_path / "s.duckdb").exists()


@pytest.mark.parametrize("command", ["dashboard", "export", "index"])
def test_a_folder_as_the_store_says_what_db_takes(tmp_path, capsys, command):
    from dashboard import cli

    argv = [command, "--db", str(tmp_path)] + (["--out", "x.json"] if command == "export" else [])
    assert cli.main(argv) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert f"presslens: error: {tmp_path}: a folder, not a store: --db names the store's" in err


def test_a_store_in_a_missing_folder_names_the_folder(tmp_path, capsys):
    from dashboard import cli

    story = tmp_path / "pier.txt"
    story.write_text("Pier reopens\nThe pier at Saltmere reopened on Friday, the council said.\n")
    store = tmp_path / "nowhere" / "news.duckdb"
    assert cli.main(["analyze", str(story), "--db", str(store), "-q"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err == (
        f"presslens: error: {store}: its folder {store.parent} does not exist (make it first, "
        "or name a store in a folder that does)\n"
    )
    assert not store.parent.exists()


def test_json_to_a_folder_is_said_before_the_analysis(tmp_path, capsys):
    from dashboard import cli

    folder = tmp_path / "out"
    folder.mkdir()
    db = tmp_path / "s.duckdb"
    argv = ["analyze", str(SAMPLE), "--db", str(db), "--json", str(folder), "-q"]
    assert cli.main(argv) == cli.EXIT_USAGE
    assert f"--json {folder} is a folder; it takes a file's name" in capsys.readouterr().err
    assert not db.exists()


def test_json_into_a_new_folder_is_written_with_the_run(tmp_path):
    """The run's export into a folder not made yet: made, as `presslens export` makes it (it
    was a traceback after the analysis, hiding the closing line)."""
    target = tmp_path / "runs" / "today.json"
    result = presslens(
        "analyze", str(SAMPLE), "--db", str(tmp_path / "s.duckdb"), "--json", str(target), "-q"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text())["schema"] == "presslens/1"
    assert "1 new, 0 already known" in result.stderr


def test_a_warning_reads_like_the_commands_other_lines(tmp_path):
    """Without -v a warning is "presslens: …" as the skipped-file lines are, not a log record
    naming a Python module ("WARNING analysis.ingest: …")."""
    story = tmp_path / "story.txt"
    story.write_text("Harbour reopens\nThe harbour at Portby reopened on Monday after repairs.")
    sidecar = tmp_path / "story.meta.json"
    sidecar.write_text('{"published": "sometime soon"}')
    result = presslens("analyze", str(story), "--db", str(tmp_path / "s.duckdb"), "-q")
    assert result.returncode == 0, result.stderr
    assert f"presslens: {sidecar}: ignoring published 'sometime soon' (not a date)" in (
        result.stderr
    )
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize(
    "inputs", [["no-such-file.txt"], ["empty-folder"], ["empty-folder", "x.md"]]
)
def test_a_run_that_reads_nothing_makes_no_store(tmp_path, monkeypatch, capsys, inputs):
    """A mistyped path or an empty folder used to leave an empty store under --db, which the
    dashboard then opened blank as if it were a finished run's."""
    from dashboard import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty-folder").mkdir()
    db = tmp_path / "news.duckdb"
    assert cli.main(["analyze", *inputs, "--db", str(db), "-q"]) == cli.EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert f"failed → nothing stored, so no store made at {db}" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty-folder"]


def test_a_run_that_reads_nothing_keeps_a_store_that_was_there(tmp_path, sample_db, capsys):
    from dashboard import cli

    db = tmp_path / "kept.duckdb"
    db.write_bytes(sample_db.read_bytes())
    assert cli.main(["analyze", str(tmp_path / "nope.txt"), "--db", str(db), "-q"]) == 1
    assert f"failed → {db}" in capsys.readouterr().err
    assert db.read_bytes() == sample_db.read_bytes()


def test_reanalysed_articles_are_said_apart_from_new_ones(tmp_path, sample_db, capsys):
    """``--reanalyse`` over a store holding the articles: the closing line had said "1 new" and,
    after it, that the one was "replaced, not added"."""
    from dashboard import cli

    db = tmp_path / "again.duckdb"
    db.write_bytes(sample_db.read_bytes())
    assert cli.main(["analyze", str(SAMPLE), "--db", str(db), "--reanalyse", "-q"]) == 0
    err = capsys.readouterr().err
    assert (
        "presslens: 1 article re-analysed (replaced its earlier rows), 0 new, 0 already "
        f"known, 0 near-duplicate, 0 failed → {db}\n"
    ) in err
    assert "not added" not in err
    # without --reanalyse: nothing analysed, and the line says so and how to
    assert cli.main(["analyze", str(SAMPLE), "--db", str(db), "-q"]) == 0
    err = capsys.readouterr().err
    assert (
        f"0 new, 1 already known, 0 near-duplicate, 0 failed → {db}; nothing to analyse "
        "(--reanalyse analyses them again)"
    ) in err


@pytest.mark.parametrize(
    ("counts", "said"),
    [
        ({"new": 3}, "3 new, 0 already known, 0 near-duplicate, 0 failed → s.duckdb"),
        (
            {"new": 3, "reanalysed": 3},
            "3 articles re-analysed (replaced their earlier rows), 0 new,",
        ),
        (
            {"new": 3, "reanalysed": 1},
            "1 article re-analysed (replaced its earlier rows), 2 new,",
        ),
        ({"new": 1, "duplicates": 2}, "1 new, 0 already known, 2 near-duplicate, 0 failed →"),
        ({"known": 2}, "0 new, 2 already known, 0 near-duplicate, 0 failed → s.duckdb; nothing to"),
        ({"new": 2, "replaced": 1}, "0 failed, 1 earlier version replaced by its new text →"),
        ({"new": 2, "replaced": 2}, "0 failed, 2 earlier versions replaced by their new text →"),
    ],
)
def test_the_closing_line_reads_right_in_each_case(counts, said):
    from analysis.records import Failure, RunSummary
    from dashboard.cli import closing_line

    line = closing_line(RunSummary(**counts), "s.duckdb")
    assert line.startswith("presslens: ") and said in line
    assert ("nothing to analyse" in line) == (counts == {"known": 2})
    # a failure is no "nothing to analyse", though nothing was new
    failed = RunSummary(known=2, failures=[Failure("x.txt", "empty")])
    said = "presslens: 0 new, 2 already known, 0 near-duplicate, 1 failed → s.duckdb"
    assert closing_line(failed, "s.duckdb") == said


@pytest.mark.parametrize(
    ("fmt", "out_is", "said"),
    [
        ("json", "folder", "is a folder; --format json writes one file"),
        ("csv", "file", "is a file; --format csv writes a folder of files"),
        ("parquet", "file", "is a file; --format parquet writes a folder of files"),
    ],
)
def test_export_to_the_wrong_kind_of_path_is_a_usage_error(
    tmp_path, sample_db, capsys, fmt, out_is, said
):
    """JSON is one file and CSV/Parquet a folder: the other kind of existing path is named
    with what to give instead, not a Python traceback."""
    from dashboard import cli

    out = tmp_path / "out"
    if out_is == "folder":
        out.mkdir()
    else:
        out.write_text("keep me\n")
    argv = ["export", "--db", str(sample_db), "--format", fmt, "--out", str(out)]
    assert cli.main(argv) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert f"presslens: error: --out {out} {said}" in err
    assert "Traceback" not in err
    assert out_is == "folder" or out.read_text() == "keep me\n"


@pytest.mark.slow
def test_ctrl_c_keeps_finished_batches(tmp_path):
    write_articles(tmp_path / "in", 400, n_words=120)
    db = tmp_path / "s.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-m", "dashboard.cli", "analyze", str(tmp_path / "in"), "--db", str(db)],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=ctrl_c_reaches_child,
    )
    seen = ""
    deadline = time.time() + 240
    while time.time() < deadline:
        chunk = proc.stderr.read(64)
        seen += chunk
        if "/400" in seen and any(f" {n}/400" in seen for n in (32, 64, 96)):
            break
        if not chunk:
            break
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, seen + err
    from analysis.store import Store

    with Store(db) as store:
        kept = store.counts()["articles"]
        assert 32 <= kept < 400
        orphans = store.query(
            "SELECT count(*) AS n FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)"
        )
        assert orphans["n"][0] == 0


@pytest.mark.parametrize("command", ["dashboard", "report"])
@pytest.mark.parametrize("analysed_here", [True, False])
def test_without_db_the_dashboard_says_it_shows_the_sample_when_analyze_filled_a_store_here(
    tmp_path, monkeypatch, capsys, command, analysed_here
):
    # `presslens analyze articles/` writes ./presslens.duckdb; `presslens dashboard` without
    # --db showed the bundled sample, silently, to someone looking for their articles.
    from dashboard import cli, launch, report

    monkeypatch.chdir(tmp_path)
    if analysed_here:
        (tmp_path / cli.DEFAULT_DB).write_bytes(b"")
    started = []
    monkeypatch.setattr(launch, "run", lambda db, *a, **k: started.append(db) or 0)
    monkeypatch.setattr(report, "main", lambda args: started.append(args.db) or 0)
    extra = ["--out", str(tmp_path / "r")] if command == "report" else []
    assert cli.main([command, *extra]) == 0
    assert started == [None]  # the sample, as before
    err = capsys.readouterr().err
    assert ("showing the bundled sample" in err) is analysed_here
    if analysed_here:
        assert "--db presslens.duckdb" in err
    (tmp_path / "mine.duckdb").write_bytes(b"")
    assert cli.main([command, "--db", "mine.duckdb", *extra]) == 0
    assert "bundled sample" not in capsys.readouterr().err


def test_dashboard_on_a_port_in_use_is_one_usage_error(tmp_path, capsys):
    # It had announced "dashboard on http://localhost:N", then Streamlit's "Port N is not
    # available" and exit 1.
    import socket

    from analysis.store import Store
    from dashboard import cli

    db = tmp_path / "s.duckdb"
    Store(db).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["dashboard", "--db", str(db), "--port", str(port)]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert f"--port {port}: that port is in use" in err
    assert "dashboard on" not in err


def test_dashboard_on_a_file_that_is_no_store_is_one_usage_error(tmp_path, capsys):
    # The server had started, and each page then said it could not open its store.
    from dashboard import cli

    text = tmp_path / "story.txt"
    text.write_text("Bridge reopens\n\nThe bridge reopened on Monday.\n", encoding="utf-8")
    assert cli.main(["dashboard", "--db", str(text), "--port", "8599"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert f"{text}: not a presslens store (not a DuckDB file)" in err
    assert "dashboard on" not in err


def test_a_port_a_stopped_server_left_in_time_wait_is_free_to_serve_on():
    # `presslens report --port N` just after a dashboard on N had said "that port is in use"
    # for a minute: its check bound without SO_REUSEADDR, which the server itself sets.
    import socket

    from dashboard import launch, report

    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = server.accept()
        accepted.close()  # the server's side closes first: its end waits in TIME_WAIT
        client.close()
    assert launch.port_free(port)
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        assert not launch.port_free(listening.getsockname()[1])
    assert report.launch.port_free is launch.port_free  # the report asks the same question


def test_a_log_line_during_the_progress_bar_gets_a_line_of_its_own():
    # Ctrl-C's "interrupted: …" had run on after the bar's text on the bar's own line
    import io
    import logging

    from tqdm import tqdm

    from dashboard import cli

    err = io.StringIO()
    handler = cli._BarAwareHandler(err)
    handler.setFormatter(logging.Formatter("presslens: %(message)s"))
    bar = tqdm(total=10, desc="analysing", file=err)
    bar.update(4)
    record = logging.LogRecord("x", logging.WARNING, "", 0, "interrupted: 4 of 10", None, None)
    handler.emit(record)
    bar.close()
    lines = err.getvalue().replace("\r", "\n").splitlines()
    assert "presslens: interrupted: 4 of 10" in lines


def test_every_options_help_says_what_it_does_not_only_its_default():
    # README: "Every command's --help lists its options with a line each"; export's --format
    # and the dashboard's --port had said only "(default: …)"
    import argparse
    import re

    from dashboard import cli

    parser = cli.build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    bare = []
    for name, sub in commands.choices.items():
        for action in sub._actions:
            said = re.sub(r"\(default:[^)]*\)", "", action.help or "").strip()
            if action.help != argparse.SUPPRESS and not said:
                bare.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert bare == []
