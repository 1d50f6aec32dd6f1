"""Ingestion: every supported format from small fixtures, encodings, and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analysis.ingest import IngestError, decode_bytes, expand_inputs, normalise_date, read_file
from analysis.pipeline import load_articles
from analysis.records import Failure

BODY = (
    "The harbour authority said on Tuesday that the new ferry terminal would open in spring. "
    "Local traders welcomed the news after two years of delays."
)
HTML_PAGE = f"""<!doctype html><html><head><title>Ferry terminal to open in spring</title>
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2021-03-09T10:00:00Z">
<meta property="og:site_name" content="Harbour Times">
<link rel="canonical" href="https://example.org/ferry"></head>
<body><nav>Home | News | Sport</nav><article><h1>Ferry terminal to open in spring</h1>
<p>{BODY}</p><p>The mayor said the opening would bring hundreds of jobs to the town.</p>
</article><footer>Copyright Harbour Times</footer></body></html>"""


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_txt_first_line_is_title(tmp_path):
    path = write(tmp_path / "story.txt", f"Ferry terminal to open\n\n{BODY}\n")
    docs, failures = read_file(path)
    assert not failures
    assert [d.title for d in docs] == ["Ferry terminal to open"]
    assert docs[0].text.strip() == BODY


def test_markdown_is_read_as_text_without_its_markup(tmp_path):
    md = (
        "# Ferry terminal to open ##\n\n"
        "**Port Vell** - The [harbour authority](https://example.org/ha) said the terminal would "
        "open in _spring_. ![the quay](quay.png)\n\n"
        '> "It is a good day," said *Ana Ruiz*, of the traders\' guild.\n\n'
        "---\n- 2*3 cranes, a snake_case_name and `code` stay as written\n"
    )
    docs, failures = read_file(write(tmp_path / "story.md", md))
    assert not failures and [d.title for d in docs] == ["Ferry terminal to open"]
    text = docs[0].text
    assert "Port Vell - The harbour authority said the terminal would open in spring." in text
    assert '"It is a good day," said Ana Ruiz, of the traders\' guild.' in text
    assert "- 2*3 cranes, a snake_case_name and code stay as written" in text
    assert not any(mark in text for mark in ("**", "](", "![", "> ", "---", "#"))
    # a .txt file keeps what it says, stars and all
    docs, _ = read_file(write(tmp_path / "plain.txt", "Title\n\nA **starred** word.\n"))
    assert "**starred**" in docs[0].text


def test_txt_sidecar_metadata(tmp_path):
    path = write(tmp_path / "story.txt", f"Ferry terminal to open\n\n{BODY}\n")
    write(
        tmp_path / "story.meta.json",
        json.dumps({"source": "Harbour Times", "published": "9 March 2021", "tags": ["Transport"]}),
    )
    docs, _ = read_file(path)
    assert (docs[0].source, docs[0].published, docs[0].tags) == (
        "Harbour Times",
        "2021-03-09",
        ("Transport",),
    )
    # The sidecar is metadata, never an article of its own.
    assert [p.name for p in expand_inputs([tmp_path])] == ["story.txt"]


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        # tags as one string: split as an export's tags are (it had made a tag of each letter)
        ({"tags": "harbour; council"}, {"tags": ("harbour", "council")}),
        ({"tags": "ferries"}, {"tags": ("ferries",)}),
        # several authors are one author field; a number is text
        ({"author": ["Ana Ruiz", "Ben Cole"]}, {"author": "Ana Ruiz, Ben Cole"}),
        ({"source": 7}, {"source": "7"}),
        # a date that is none is left out (with a warning), not guessed
        ({"published": "sometime soon"}, {"published": None}),
    ],
)
def test_a_sidecar_field_of_another_shape_is_read_as_an_exports_would_be(
    tmp_path, caplog, meta, expected
):
    path = write(tmp_path / "story.txt", f"Ferry terminal to open\n\n{BODY}\n")
    write(tmp_path / "story.meta.json", json.dumps(meta))
    (doc,), _ = read_file(path)
    assert {field: getattr(doc, field) for field in expected} == expected
    if "published" in meta:
        assert "ignoring published 'sometime soon' (not a date)" in caplog.text


def test_html_main_text_and_metadata(tmp_path):
    path = write(tmp_path / "page.html", HTML_PAGE)
    (doc,), _ = read_file(path)
    assert doc.title == "Ferry terminal to open in spring"
    assert doc.published == "2021-03-09"
    assert doc.author == "Ana Ruiz"
    assert doc.url == "https://example.org/ferry"
    assert doc.source == "Harbour Times"
    assert "new ferry terminal" in doc.text and "hundreds of jobs" in doc.text
    assert "Home | News" not in doc.text and "Copyright" not in doc.text


def test_json_list_object_and_export_shape(tmp_path):
    items = [
        {"title": "A", "text": BODY, "date": "2020-01-02", "source": "X", "url": "u"},
        {"headline": "B", "content": BODY + " Extra.", "tags": ["t1", "t2"]},
    ]
    docs, failures = read_file(write(tmp_path / "a.json", json.dumps(items)))
    assert not failures
    assert [(d.title, d.published, d.source) for d in docs] == [
        ("A", "2020-01-02", "X"),
        ("B", None, None),
    ]
    assert docs[1].tags == ("t1", "t2")
    exported = {"schema": "presslens/1", "articles": items[:1]}
    docs, _ = read_file(write(tmp_path / "b.json", json.dumps(exported)))
    assert [d.title for d in docs] == ["A"]
    docs, _ = read_file(write(tmp_path / "c.json", json.dumps(items[0])))
    assert len(docs) == 1


def test_a_broken_json_file_names_the_line_and_column(tmp_path):
    path = write(tmp_path / "broken.json", '[{"title": "A", "text": "B"}\n {"title" "C"}]')
    with pytest.raises(
        IngestError, match=r"invalid JSON \(line 2, column 2: Expecting .,. delimiter\)"
    ):
        read_file(path)


@pytest.mark.parametrize(
    "text, said",
    [
        # an export cut off mid-sentence: Python's words ended "Unterminated string starting at"
        ('{"title": "Ferry", "text": "The ferry left the harb',
         "line 1, column 28: a string opened there is never closed (the file may be cut off)"),
        ('[{"title": "A", "text": "B"},\n {"title": "C", "text": "D"}',
         "line 2, column 29: the file ends before its JSON does (expecting ',' delimiter; it "
         "may be cut off)"),
        ('{"title" "C"}', "line 1, column 10: Expecting ':' delimiter"),
    ],
)  # fmt: skip
def test_a_broken_json_file_is_said_for_a_person(tmp_path, text, said):
    with pytest.raises(IngestError) as caught:
        read_file(write(tmp_path / "cut.json", text))
    assert f"invalid JSON ({said})" in str(caught.value)
    assert "starting at)" not in str(caught.value)


def test_jsonl_bad_line_is_reported_and_rest_read(tmp_path):
    lines = [
        json.dumps({"title": "A", "text": BODY}),
        "{not json",
        json.dumps({"title": "C", "text": BODY + "!"}),
    ]
    docs, failures = read_file(write(tmp_path / "a.jsonl", "\n".join(lines)))
    assert [d.title for d in docs] == ["A", "C"]
    assert len(failures) == 1 and failures[0].path.endswith("a.jsonl:line 2")
    assert (
        failures[0].reason
        == "invalid JSON (column 2: Expecting property name enclosed in double quotes)"
    )


def test_csv_columns_and_field_map(tmp_path):
    csv_text = (
        'headline,article_content,when,outlet\n"Ferry, at last","'
        + BODY
        + '",3/9/21,Harbour Times\n'
    )
    path = write(tmp_path / "a.csv", csv_text)
    # No known text column: the longest text-like one is read, and the document says which.
    guessed, _ = read_file(path)
    assert guessed[0].text == BODY and guessed[0].extra == {"text_field": "article_content"}
    numbers = write(tmp_path / "n.csv", "id,count\n1,20\n2,30\n")
    with pytest.raises(IngestError, match=r"without a text column .*--map text=COLUMN"):
        read_file(numbers)
    docs, failures = read_file(path, field_map={"text": "article_content", "published": "when"})
    assert not failures
    assert (docs[0].title, docs[0].published, docs[0].source) == (
        "Ferry, at last",
        "2021-03-09",
        "Harbour Times",
    )


def test_csv_empty_row_is_a_failure_of_that_row(tmp_path):
    path = write(tmp_path / "a.csv", f"title,text\nA,{BODY}\nB,\n")
    docs, failures = read_file(path)
    assert [d.title for d in docs] == ["A"]
    assert [str(f) for f in failures] == [f"{path}:row 3: empty text"]


def test_non_utf8_is_decoded(tmp_path):
    text = "Le café où les déménageurs ont été reçus était fermé à Noël, a déclaré le maire."
    path = write(tmp_path / "latin.txt", ("Titre\n\n" + text).encode("cp1252"))
    (doc,), _ = read_file(path)
    assert doc.text.strip() == text


def test_utf8_bom_and_utf16(tmp_path):
    assert decode_bytes("\ufeffHello world".encode("utf-8")) == "Hello world"
    assert decode_bytes("Hello world".encode("utf-16")) == "Hello world"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2016-12-10", "2016-12-10"),
        ("2016-12-10T08:00:00Z", "2016-12-10"),
        ("4/5/17", "2017-04-05"),
        ("10 December 2016", "2016-12-10"),
        ("Dec 10, 2016", "2016-12-10"),
        ("not a date", None),
        ("", None),
        (None, None),
        ("2016-13-45", None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


def test_fakes_csv_reads_every_article():
    path = Path(__file__).resolve().parents[2] / "shared" / "data" / "fakes" / "articles.csv"
    if not path.exists():
        pytest.skip("../shared/data not present")
    articles, failures = load_articles([path])
    assert not failures
    assert len(articles) > 700
    assert all(a.published for a in articles)
    assert not any("\x95" in a.text for a in articles)  # mis-decoded C1 controls repaired


# -- bad input: one clear reason per file, the rest still read --------------------------------


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    return {
        "missing": (tmp_path / "nope.txt", "no such file or folder"),
        "empty": (write(tmp_path / "empty.txt", ""), "empty file"),
        "binary": (
            write(
                tmp_path / "image.txt",
                b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
            ),
            "binary file",
        ),
        "undecodable": (
            write(
                tmp_path / "garbage.txt",
                bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF, 0xFE, 0xC3]) * 40,
            ),
            "undecodable bytes",
        ),
        "html": (
            write(
                tmp_path / "empty.html",
                "<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
            ),
            "HTML page with no article text",
        ),
        "csv": (
            write(tmp_path / "notext.csv", "title,when\nA,2020-01-01\n"),
            "without a text column",
        ),
        "big": (
            write(tmp_path / "huge.txt", "Title\n\n" + "word " * (11 * 1024 * 1024)),
            "file too large",
        ),
    }


@pytest.mark.parametrize(
    ("size", "max_mb", "expected"),
    [
        # the default limit is 20 MB as --max-mb counts them, not "21 MB"
        (21 * 1024 * 1024, 20, "file too large (21 MB; the limit is 20 MB"),
        # a small limit and a small file keep their digits instead of "0.0 MB; the limit is 0 MB"
        (3000, 0.001, "file too large (0.00286 MB; the limit is 0.001 MB"),
        (int(2.5 * 1024 * 1024), 1.5, "file too large (2.5 MB; the limit is 1.5 MB"),
    ],
)
def test_a_file_over_the_size_limit_names_both_sizes_in_the_unit_of_max_mb(
    tmp_path, size, max_mb, expected
):
    path = write(tmp_path / "big.txt", "Title\n\n" + "w" * (size - len("Title\n\n")))
    assert path.stat().st_size == size
    with pytest.raises(IngestError) as caught:
        read_file(path, max_bytes=round(max_mb * 1024 * 1024))
    assert str(caught.value).startswith(expected), str(caught.value)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("budget.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00<< >>"),
        ("minutes.docx", b"PK\x03\x04 word/document.xml"),
        ("figures.xlsx", b"PK\x03\x04 xl/workbook.xml"),
    ],
)
def test_an_office_document_is_named_as_a_format_not_read(tmp_path, name, content):
    # It read as "binary file, not text (NUL byte …)" or "no article text left after cleaning".
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        read_file(path)
    reason = str(caught.value)
    assert reason.startswith(f"a {path.suffix} document, which presslens does not read")
    assert ".txt" in reason and ".html" in reason


def test_each_bad_input_gets_one_clear_reason_and_the_rest_is_read(tmp_path):
    good = write(tmp_path / "good.txt", f"Good story\n\n{BODY}")
    bad = _bad_inputs(tmp_path)
    paths = [p for p, _ in bad.values()] + [good]
    articles, failures = load_articles(paths)
    assert [a.title for a in articles] == ["Good story"]
    assert len(failures) == len(bad)
    for (path, reason), failure in zip(bad.values(), failures, strict=True):
        assert isinstance(failure, Failure)
        assert failure.path == str(path)
        assert reason in failure.reason, (path, failure.reason)
        assert "\n" not in failure.reason


def test_glob_and_folder_expansion(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path / "a.txt", f"A\n\n{BODY}")
    write(tmp_path / "sub" / "b.txt", f"B\n\n{BODY} More.")
    write(tmp_path / "sub" / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / ".hidden.txt", "x")
    # the .pdf is given to reading, which refuses it with its reason (not passed over unsaid)
    assert sorted(p.name for p in expand_inputs([tmp_path])) == ["a.txt", "b.txt", "notes.pdf"]
    assert [p.name for p in expand_inputs([str(tmp_path / "**" / "b.txt")])] == ["b.txt"]
    (failure,) = list(expand_inputs([str(tmp_path / "*.docx")]))
    assert failure.reason == "no files match this pattern"


def test_a_folder_of_only_archives_and_documents_names_them_and_what_to_do(tmp_path):
    # a user's downloaded "coverage.zip" in a folder: the failure had only listed the suffixes
    # presslens reads, never saying that the archive was passed over and must be extracted
    write(tmp_path / "coverage.zip", b"PK\x03\x04 zipped stories")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "more.tar.gz", b"\x1f\x8b zipped")
    write(tmp_path / "brief.docx", b"PK\x03\x04 a document")
    (failure,) = list(expand_inputs([tmp_path]))
    assert failure.reason.startswith("folder holds no supported files (")
    assert "it holds coverage.zip, more.tar.gz, which presslens does not unpack" in failure.reason
    assert "extract them and analyse what they hold" in failure.reason
    assert "it holds brief.docx: save the text as .txt or .html first" in failure.reason


def test_archives_and_documents_beside_articles_are_each_named_with_the_reason(tmp_path):
    # a folder of stories and a .zip had read the stories and passed over the archive unsaid
    from analysis.pipeline import load_articles

    write(
        tmp_path / "harbour.txt",
        b"Harbour reopens\n\nThe harbour reopened on Monday after repairs.",
    )
    write(tmp_path / "bundle.zip", b"PK\x03\x04 zipped stories")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "more.tar.gz", b"\x1f\x8b zipped")
    write(tmp_path / "sub" / "brief.docx", b"PK\x03\x04 a document")
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff no article, and no one expects one")
    articles, failures = load_articles([tmp_path])
    assert [a.title for a in articles] == ["Harbour reopens"]
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert sorted(reasons) == ["brief.docx", "bundle.zip", "more.tar.gz"]
    assert reasons["bundle.zip"].startswith("a .zip, which presslens does not unpack; extract it")
    assert reasons["more.tar.gz"].startswith("a .tar.gz, which presslens does not unpack")
    assert reasons["brief.docx"].startswith("a .docx document, which presslens does not read")


def test_an_empty_folder_says_only_what_presslens_reads(tmp_path):
    write(tmp_path / "photo.jpg", b"\xff\xd8\xff not an article")
    (failure,) = list(expand_inputs([tmp_path]))
    assert failure.reason.startswith("folder holds no supported files (")
    assert "holds photo" not in failure.reason and "unpack" not in failure.reason


def test_a_folder_of_one_archive_is_told_to_extract_it(tmp_path):
    write(tmp_path / "wire.zip", b"PK\x03\x04 zipped")
    (failure,) = list(expand_inputs([tmp_path]))
    assert failure.reason.endswith(
        "it holds wire.zip, which presslens does not unpack: extract it and analyse what it holds"
    )


def test_a_column_of_codes_mapped_to_tags_tags_them_by_its_name(tmp_path):
    # a dataset's 0/1 verdict ("label"), mapped with --map tags=label: "label=0" says what it
    # is in the sidebar's tag picker, a bare "0" would not; words stay as written
    path = tmp_path / "verdicts.csv"
    path.write_text(
        "title,content,label,desk\n"
        f"Flood,{BODY},0,Weather;Rivers\n"
        f"Bridge,{BODY} More.,1,Transport\n"
        f"Ferry,{BODY} Again.,true,Transport\n",
        encoding="utf-8",
    )
    articles, failures = load_articles([path], field_map={"tags": "label"})
    assert not failures
    assert {a.title: a.tags for a in articles} == {
        "Flood": ("label=0",),
        "Bridge": ("label=1",),
        "Ferry": ("label=true",),
    }
    articles, _ = load_articles([path], field_map={"tags": "desk"})
    assert {a.title: a.tags for a in articles}["Flood"] == ("Weather", "Rivers")
