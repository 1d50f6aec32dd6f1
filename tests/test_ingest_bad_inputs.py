"""Bad inputs no test had tried: a JSON string escaping half a UTF-16 pair, a file name that is
not UTF-8, a stray NUL in one cell of a table, a header naming "text" twice, a text of
punctuation, line ends of the old Mac and of Unicode, broken links and pipes in a folder, NaN
and numbers where text belongs, a date centuries ahead, an export of another schema version, a
name too long to save. Each gets one message naming it and the reason, or is read as meant; the
rest of the batch is read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from analysis import ingest, upload
from analysis.pipeline import load_articles, storable_path

STORY = (
    "The ferry to Skerry Island will sail twice a day from April, the island council said. "
    "Its skipper, Maren Oddsen, said the new boat could carry forty cars in any weather."
)
OTHER = (
    "The village hall in Lowmoor reopened on Saturday after a year of repairs to its roof. "
    "The parish clerk, Tobias Wren, said the dances would start again in the autumn."
)


def _load(*paths: Path, notes: list | None = None):
    return load_articles(list(paths), notes=notes)


def test_a_lone_surrogate_in_json_is_replaced_and_the_batch_goes_on(tmp_path):
    # "\ud800" alone is valid JSON but no UTF-8: hashing the text had ended the whole batch
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([{"title": "Ferry \ud800 news", "text": STORY + " \udc00"}]))
    (tmp_path / "hall.txt").write_text(f"Hall reopens\n\n{OTHER}\n")
    articles, failures = _load(tmp_path)
    assert not failures
    ferry = next(a for a in articles if a.path.endswith("feed.json"))
    assert ferry.title == "Ferry \ufffd news" and ferry.text.endswith("\ufffd")
    ferry.text.encode("utf-8")  # storable
    assert len(articles) == 2


def test_a_file_name_that_is_not_utf8_is_kept_readable(tmp_path):
    # b"caf\xe9.txt" (Latin-1, as old archives unpack) reaches Python as "caf\udce9.txt": the
    # store refused the path, ending the batch
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as f:
        f.write(f"Ferry timetable\n\n{STORY}\n".encode())
    (articles,), failures = _load(tmp_path)
    assert not failures
    assert articles.path == f"{tmp_path}/caf\\xe9.txt"
    assert storable_path(articles.path) == articles.path  # the same name on a re-run


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_nul_in_one_row_refuses_that_row_not_the_table(tmp_path, suffix):
    if suffix == ".csv":
        content = f'title,text\nFerry,"{STORY}"\nHall,"{OTHER[:40]}\x00{OTHER[40:]}"\n'
    else:
        rows = [{"title": "Ferry", "text": STORY}, {"title": "Hall", "text": OTHER}]
        content = "\n".join(json.dumps(r) for r in rows).replace("Lowmoor", "Low\x00moor")
    table = tmp_path / f"export{suffix}"
    table.write_bytes(content.encode())
    articles, failures = _load(table)
    assert [a.title for a in articles] == ["Ferry"]
    (failure,) = failures
    unit = "row 3" if suffix == ".csv" else "line 2"
    assert failure.path == f"{table}:{unit}"
    if suffix == ".csv":
        assert failure.reason == ingest.NUL_ROW
    else:  # a raw NUL is no valid JSON string
        assert failure.reason.startswith("invalid JSON")


def test_a_table_of_binary_bytes_is_still_refused_whole(tmp_path):
    data = b"title,text\n" + bytes(range(256)) * 8
    table = tmp_path / "dump.csv"
    table.write_bytes(data)
    articles, (failure,) = _load(table)
    assert not articles and failure.reason.startswith("binary file, not text (NUL byte")


def test_a_text_column_named_twice_is_named_not_misread(tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f'text,text,title\n"{STORY}",see notes,Ferry\n')
    articles, (failure,) = _load(sheet)
    assert not articles
    assert failure.path == str(sheet)
    assert failure.reason.startswith("CSV with 2 columns named “text”")
    # a column named twice that nothing reads is no matter
    sheet.write_text(f'title,text,note,note\nFerry,"{STORY}",a,b\n')
    (article,), failures = _load(sheet)
    assert not failures and article.title == "Ferry"


@pytest.mark.parametrize("text", ["...\n\n!!! ??? ---\n", "Title\n\n— • — • —\n"])
def test_a_text_of_punctuation_is_no_article(tmp_path, text):
    page = tmp_path / "marks.txt"
    page.write_text(text)
    articles, (failure,) = _load(page)
    assert not articles and failure.reason == "no article text left after cleaning"


@pytest.mark.parametrize(
    ("body", "words"), [("!!! gulls -- ?? nest ...", None), ("!!! gulls -- nest ?? here ...", 7)]
)
def test_three_wordlike_tokens_make_an_article(tmp_path, body, words):
    page = tmp_path / "gulls.txt"
    page.write_text(f"Gulls\n\n{body}\n")
    articles, failures = _load(page)
    assert [a.n_words for a in articles] == ([words] if words else [])
    assert len(failures) == (0 if words else 1)


@pytest.mark.parametrize("line_end", ["\r", "\u2028", "\r\n"])
def test_a_headline_ended_by_any_line_end_is_the_title(tmp_path, line_end):
    # lone "\r" (the old Mac) and U+2028 had left no first line: the file's name became the
    # title and the headline the body's first words
    page = tmp_path / "ferry.txt"
    page.write_bytes(f"Ferry sails twice a day{line_end}{line_end}{STORY}".encode())
    (article,), _ = _load(page)
    assert article.title == "Ferry sails twice a day"
    assert article.text.startswith("The ferry to Skerry Island")


def test_a_paragraph_separator_parts_paragraphs(tmp_path):
    page = tmp_path / "ferry.txt"
    first, second = STORY.split(". ", 1)
    page.write_text(f"Ferry news\n\n{first}.\u2029{second}", encoding="utf-8")
    (article,), _ = _load(page)
    assert article.text == f"{first}.\n\n{second}"


def test_broken_links_and_pipes_in_a_folder_are_named(tmp_path):
    (tmp_path / "ferry.txt").write_text(f"Ferry news\n\n{STORY}\n")
    os.symlink(tmp_path / "moved-away.txt", tmp_path / "hall.txt")
    os.mkfifo(tmp_path / "live.txt")
    articles, failures = _load(tmp_path)
    assert [a.title for a in articles] == ["Ferry news"]
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert reasons == {
        "hall.txt": f"a broken symbolic link (to {tmp_path}/moved-away.txt, which does not exist)",
        "live.txt": "not a regular file (a named pipe), which presslens does not read",
    }
    # given by name, the same reasons
    _, failures = _load(tmp_path / "hall.txt", tmp_path / "live.txt")
    assert [f.reason for f in failures] == [reasons["hall.txt"], reasons["live.txt"]]


def test_a_failure_whose_file_name_holds_a_newline_is_told_on_one_line(tmp_path):
    """A newline is legal in a POSIX file name: its failure is still one line, the newline
    written as an escape, so no reader takes the name's second half for another file."""
    (tmp_path / "ferry.txt").write_text(f"Ferry news\n\n{STORY}\n")
    os.symlink(tmp_path / "gone.txt", tmp_path / "notes\nweek 2.txt")
    _, (failure,) = _load(tmp_path)
    told = str(failure)
    assert "\n" not in told and told.count("\\n") == 1
    assert told == f"{tmp_path}/notes\\nweek 2.txt: {failure.reason}"


def test_nan_and_numbers_where_text_belongs(tmp_path):
    export = tmp_path / "export.json"
    export.write_text(
        '[{"title": NaN, "text": ' + json.dumps(STORY) + ', "date": Infinity},'
        ' {"title": "Count", "text": 12345}, {"title": "Flag", "text": true}]'
    )
    (article,), failures = _load(export)
    assert article.title.startswith("The ferry to Skerry")  # not "nan"
    assert article.published is None
    assert [(f.path, f.reason) for f in failures] == [
        (f"{export}:item 2", "the text field “text” holds a number"),
        (f"{export}:item 3", "the text field “text” holds a number"),
    ]


def test_a_date_centuries_ahead_is_left_undated_and_said(tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f'title,text,date\nFerry,"{STORY}",2999-01-01\nHall,"{OTHER}",2016-05-04\n')
    notes: list[str] = []
    articles, _ = _load(sheet, notes=notes)
    assert [a.published for a in articles] == [None, "2016-05-04"]
    assert notes == [f"1 article of {sheet} left undated (a date such as “2999-01-01” names "
                     "no day presslens can read)"]  # fmt: skip


def test_an_export_of_another_schema_version_is_read_and_said(tmp_path):
    newer = tmp_path / "newer.json"
    newer.write_text(
        json.dumps({"schema": "presslens/2", "articles": [{"title": "Ferry", "text": STORY}]})
    )
    current = tmp_path / "current.json"
    current.write_text(
        json.dumps({"schema": "presslens/1", "articles": [{"title": "Hall", "text": OTHER}]})
    )
    notes: list[str] = []
    articles, failures = _load(newer, current, notes=notes)
    assert len(articles) == 2 and not failures
    assert notes == [
        f"{newer} is an export of presslens/2, not the presslens/1 this presslens reads: its "
        "articles' text, title and date were read as far as they are named alike"
    ]


def test_a_name_too_long_to_save_is_cut_keeping_its_suffix(tmp_path):
    long = "Ferry sails twice a day " * 20 + ".html"
    saved = upload.saved_name(long)
    assert saved.endswith(".html") and len(saved.encode()) == upload.MAX_NAME_BYTES
    (tmp_path / saved).write_text(f"<html><body><p>{STORY}</p></body></html>")
    arabic = "عبارة" * 40 + ".txt"  # 2 bytes a letter: 400 bytes
    saved = upload.saved_name(arabic)
    assert saved.endswith(".txt") and len(saved.encode()) <= upload.MAX_NAME_BYTES
    (tmp_path / saved).write_text(f"Ferry\n\n{STORY}")
    assert upload.saved_name("../../etc/ferry.txt") == "ferry.txt"
    assert upload.saved_name("..") == "upload" and upload.saved_name("") == "upload"


def test_a_text_file_whose_name_leaves_no_room_for_a_sidecar_is_read(tmp_path):
    # "<stem>.meta.json" beside a 250-byte name is too long to look for: that had failed the file
    page = tmp_path / ("f" * 246 + ".txt")
    page.write_text(f"Ferry news\n\n{STORY}\n")
    (article,), failures = _load(page)
    assert not failures and article.title == "Ferry news"


def test_cli_a_batch_of_bad_inputs_stores_the_rest_and_names_each_once(tmp_path):
    """Through `presslens analyze`: the lone surrogate and the Latin-1 file name had each ended
    the whole run in a traceback, the NUL had refused the table's good row with its bad one."""
    import subprocess
    import sys

    from analysis.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as f:
        f.write(f"Ferry timetable\n\n{STORY}\n".encode())
    (folder / "feed.json").write_text(
        json.dumps({"title": "Hall \ud800", "text": OTHER + " \udc00"})
    )
    third = STORY.replace("ferry", "bus").replace("Skerry Island", "Harrow Moor")
    (folder / "sheet.csv").write_bytes(
        f'title,text\nBus,"{third}"\nBroken,"a\x00b c d e"\n'.encode()
    )
    os.symlink(folder / "gone.txt", folder / "lost.txt")
    db = tmp_path / "s.duckdb"

    def analyse() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "dashboard.cli", "analyze", str(folder), "--db", str(db), "-q"],
            capture_output=True,
            text=True,
            timeout=300,
        )

    run = analyse()
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    skipped = [line for line in run.stderr.splitlines() if line.startswith("presslens: skipped")]
    assert sorted(skipped) == [
        f"presslens: skipped {folder}/lost.txt: a broken symbolic link (to {folder}/gone.txt, "
        "which does not exist)",
        f"presslens: skipped {folder}/sheet.csv:row 3: {ingest.NUL_ROW}",
    ]
    with Store(db) as store:
        stored = store.query("SELECT title, path FROM articles ORDER BY title")
    assert stored["title"].tolist() == ["Bus", "Ferry timetable", "Hall \ufffd"]
    assert f"{folder}/caf\\xe9.txt" in stored["path"].tolist()
    again = analyse()  # the same inputs: all known, nothing replaced
    assert "3 already known" in again.stderr + again.stdout
    with Store(db) as store:
        assert store.counts()["articles"] == 3


def test_a_table_whose_text_column_is_empty_throughout_is_named_once(tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,text,date\n" + "".join(f"Row {i},,2016-05-04\n" for i in range(500)))
    articles, failures = _load(sheet)
    assert not articles
    assert [(f.path, f.reason) for f in failures] == [
        (str(sheet), "the text column “text” is empty in every row (500)")
    ]
    # a row of text among them: each empty row is named, as before
    sheet.write_text(f'title,text\nFerry,"{STORY}"\nHall,\nBus,\n')
    (article,), failures = _load(sheet)
    assert [f.path for f in failures] == [f"{sheet}:row 3", f"{sheet}:row 4"]


def test_a_page_of_tags_never_closed_is_read_past_the_parsers_depth(tmp_path):
    # 300 <font> never closed: libxml2 dropped what lay over 256 deep, the page refused as
    # having no article text
    paragraphs = [STORY, OTHER] * 150
    body = "".join(f"<font size=2><p>{p}" for p in paragraphs)
    page = tmp_path / "old.html"
    page.write_text(f"<html><head><title>Ferry news</title></head><body>{body}</body></html>")
    (article,), failures = _load(page)
    assert not failures
    assert article.title == "Ferry news"
    assert article.text.startswith("The ferry to Skerry Island")
    assert article.text.count("Skerry Island") == 150  # every paragraph, not the first 127
    # deeper than 2,048: nothing is read, and the page is named
    page.write_text("<html><body>" + "<div>" * 3000 + f"<p>{STORY}</p></body></html>")
    articles, (failure,) = _load(page)
    assert not articles and failure.reason == "HTML page with no article text"
