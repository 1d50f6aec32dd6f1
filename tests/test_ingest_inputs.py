"""What a new user points presslens at: European spreadsheets (semicolons, a BOM, Latin-1,
columns named "Publication Date"), an API's reply wrapping its articles, a CSV whose quote is
never closed, archives, a file holding only a headline, dates in many notations, and a page
whose only year is its copyright line. Each bad input gets one message naming it and the reason;
the rest of the batch is read."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

from analysis import upload
from analysis.ingest import IngestError, csv_delimiter, normalise_date, read_file
from analysis.pipeline import load_articles

STORY = (
    "The lighthouse on Gull Point will close for repairs in March, the harbour trust said. "
    "Its keeper, Wendel Ashby, said the lamp had not missed a night in forty years."
)
OTHER = (
    "Northfield's rowing club won the estuary regatta on Sunday. Captain Ilse Varga said "
    "the crew had trained through the winter floods."
)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding, newline="")
    return path


# -- spreadsheets ------------------------------------------------------------------------------


@pytest.mark.parametrize("sep", [";", "|", "\t"])
def test_a_csv_separated_by_semicolons_pipes_or_tabs_is_read_by_its_columns(tmp_path, sep):
    # Excel in much of Europe saves ";" — the rows had been read as one column each and stored
    # with titles such as "Lighthouse to close;The lighthouse on …", without a word.
    rows = [
        ["Headline", "Story Text", "Publication Date", "Link"],
        ["Lighthouse to close", STORY, "6 December 2026", "https://example.org/light"],
        ["Rowers win regatta", OTHER, "Dec. 7, 2026", "https://example.org/row"],
    ]
    body = "\r\n".join(sep.join(f'"{c}"' if "," in c else c for c in r) for r in rows)
    path = write(tmp_path / "export.csv", body + "\r\n", encoding="utf-8-sig")  # with a BOM
    docs, failures = read_file(path)
    assert not failures
    assert [(d.title, d.published, d.url) for d in docs] == [
        ("Lighthouse to close", "2026-12-06", "https://example.org/light"),
        ("Rowers win regatta", "2026-12-07", "https://example.org/row"),
    ]
    assert docs[0].text == STORY and docs[0].extra == {"text_field": "Story Text"}


def test_the_separator_is_the_one_the_header_holds_most():
    assert csv_delimiter("title,text\nA;B,C\n") == ","
    assert csv_delimiter("\ufefftitle;text;date\n") == ";"
    assert csv_delimiter("text\nonly one column, with commas\n") == ","
    assert csv_delimiter("title\ttext\n", ".tsv") == "\t"
    # a ".tsv" whose header holds no tab is another export named so; a one-column .tsv keeps
    # the commas of its text
    assert csv_delimiter("title;text\nFerry;Ferries sail.\n", ".tsv") == ";"
    assert csv_delimiter("title,text\n", ".tsv") == ","
    assert csv_delimiter("text\nonly one column, with commas\n", ".tsv") == "\t"


def test_json_nested_past_pythons_reader_is_refused_in_words(tmp_path):
    # 100,000 "[" had ended in a RecursionError, its traceback printed beside the failure
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(IngestError, match=r"^invalid JSON \(nested too deeply"):
        read_file(write(tmp_path / "deep.json", deep))
    good = '{"title": "Kiosk reopens", "text": "The kiosk by the pier reopened on Sunday."}'
    docs, failures = read_file(write(tmp_path / "feed.jsonl", f"{deep}\n{good}\n"))
    assert [d.title for d in docs] == ["Kiosk reopens"]
    assert [str(f) for f in failures] == [
        f"{tmp_path / 'feed.jsonl'}:line 1: invalid JSON (nested too deeply to be an export of "
        "articles)"
    ]


def test_a_record_that_cleaning_empties_is_named_by_its_row_or_line(tmp_path):
    # "export.csv: no article text left after cleaning" had not said which row
    story = "The kiosk by the pier reopened on Sunday after a winter of repairs, its owner said."
    table = f'title,text\nKiosk,"{story}"\nNoise,"{"x" * 5000}"\n'
    feed = '{"title": "Numbers", "text": 12345}\n'
    articles, failures = load_articles(
        [write(tmp_path / "export.csv", table), write(tmp_path / "feed.jsonl", feed)]
    )
    assert [a.title for a in articles] == ["Kiosk"]
    assert [str(f) for f in failures] == [
        f"{tmp_path / 'export.csv'}:row 3: no article text left after cleaning",
        f"{tmp_path / 'feed.jsonl'}:line 1: the text field “text” holds a number",
    ]


def test_a_latin1_semicolon_export_reads_its_accents_and_day_first_dotted_dates(tmp_path):
    content = f"Headline;text;date\nCafé Müller reopens;{OTHER} Renée said so.;06.12.2026 10:00\n"
    docs, failures = read_file(write(tmp_path / "cafe.csv", content, encoding="latin-1"))
    assert not failures
    assert docs[0].title == "Café Müller reopens" and docs[0].text.endswith("Renée said so.")
    assert docs[0].published == "2026-12-06"  # day first, as "6.12.2026" already was


def test_the_upload_preview_splits_a_semicolon_table_into_its_columns():
    content = f"Headline;Body;Publication Date\nLighthouse to close;{STORY};2026-12-06\n"
    preview = upload.table_preview("export.csv", content.encode("utf-8-sig"))
    assert preview.columns == ("Headline", "Body", "Publication Date")
    assert preview.guessed["text"] == "Body" and preview.guessed["published"] == "Publication Date"


def test_json_ld_names_read_as_their_fields(tmp_path):
    record = {
        "headline": "Lighthouse to close",
        "articleBody": STORY,
        "datePublished": "2026-12-06T10:00Z",
    }
    docs, failures = read_file(write(tmp_path / "ld.json", json.dumps([record])))
    assert not failures and not docs[0].extra
    assert (docs[0].title, docs[0].text, docs[0].published) == (
        "Lighthouse to close",
        STORY,
        "2026-12-06",
    )


def test_a_quote_never_closed_is_named_and_the_rows_before_it_kept(tmp_path):
    # The lenient csv reader ran the rest of the file into the open cell: one article holding
    # the next rows' text and dates, stored without a word.
    content = (
        f'title,text,date\nRowers win regatta,"{OTHER}",2026-12-07\n'
        f'Lighthouse to close,"{STORY},2026-12-06\nFerry late,The ferry was late again.,2026-12-08\n'
    )
    docs, failures = read_file(write(tmp_path / "cut.csv", content))
    assert [d.title for d in docs] == ["Rowers win regatta"]
    assert [(Path(f.path).name, f.reason.split(",")[0]) for f in failures] == [
        ("cut.csv:row 3", "a quote opened in this row is never closed")
    ]


def test_quotes_inside_cells_that_close_are_not_taken_for_a_cut(tmp_path):
    content = f'title,text\nLighthouse to close,"{STORY} ""Never,"" he said."\n'
    docs, failures = read_file(write(tmp_path / "ok.csv", content))
    assert not failures and docs[0].text.endswith('"Never," he said.')


# -- JSON an API returns -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "wrap",
    [
        lambda arts: {"status": "ok", "results": arts},
        lambda arts: {"status": "ok", "data": {"items": arts, "total": 2}},
        lambda arts: {"articles": arts},
    ],
)
def test_the_articles_an_api_reply_wraps_are_read_one_by_one(tmp_path, wrap):
    # {"results": [...]} had been one article: both stories run together, its text "guessed"
    # from the field "results", and {"data": {...}} a failure "no text field".
    arts = [
        {"title": "Lighthouse to close", "body": STORY, "date": "2026-12-06"},
        {"title": "Rowers win regatta", "body": OTHER, "date": "2026-12-07"},
    ]
    docs, failures = read_file(write(tmp_path / "reply.json", json.dumps(wrap(arts))))
    assert not failures
    assert [(d.title, d.text, d.published) for d in docs] == [
        ("Lighthouse to close", STORY, "2026-12-06"),
        ("Rowers win regatta", OTHER, "2026-12-07"),
    ]


def test_an_article_whose_paragraphs_are_objects_stays_one_article(tmp_path):
    record = {"headline": "Lighthouse to close", "paras": [{"text": STORY}, {"text": OTHER}]}
    docs, failures = read_file(write(tmp_path / "one.json", json.dumps(record)))
    assert not failures
    assert [(d.title, d.text) for d in docs] == [("Lighthouse to close", f"{STORY}\n\n{OTHER}")]


# -- archives, headlines, and a batch ----------------------------------------------------------


def test_archives_are_named_as_archives_by_suffix_or_by_their_bytes(tmp_path):
    import gzip
    import zipfile

    with zipfile.ZipFile(tmp_path / "stories.zip", "w") as z:
        z.writestr("a.txt", f"Lighthouse to close\n{STORY}\n")
    write(tmp_path / "feed.jsonl.gz", gzip.compress(b'{"text": "x"}\n'))
    write(tmp_path / "renamed.txt", (tmp_path / "stories.zip").read_bytes())
    reasons = {}
    for name in ("stories.zip", "feed.jsonl.gz", "renamed.txt"):
        with pytest.raises(IngestError) as err:
            read_file(tmp_path / name)
        reasons[name] = str(err.value)
    assert reasons == {
        "stories.zip": "a .zip, which presslens does not unpack; extract it and analyse what "
        "it holds",
        "feed.jsonl.gz": "a .gz, which presslens does not unpack; extract it and analyse what "
        "it holds",
        "renamed.txt": "a ZIP archive, which presslens does not unpack; extract it and analyse "
        "what it holds",
    }


def test_a_file_holding_only_a_headline_is_named_and_a_one_line_story_read(tmp_path):
    write(tmp_path / "head.txt", "Lighthouse keeper retires after forty years\n")
    write(tmp_path / "oneline.txt", STORY.replace(". ", "; ") + "\n")
    docs, failures = load_articles([tmp_path / "head.txt", tmp_path / "oneline.txt"])
    assert [(Path(f.path).name, f.reason) for f in failures] == [
        (
            "head.txt",
            "only a headline (“Lighthouse keeper retires after forty years”), no article text "
            "under it",
        )
    ]
    assert [(d.title, d.text[:25]) for d in docs] == [("oneline", "The lighthouse on Gull Po")]


def test_a_folder_of_good_and_bad_inputs_reads_every_good_one_and_names_each_bad_one(tmp_path):
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    write(folder / "light.txt", f"Lighthouse to close\n{STORY}\n")
    write(folder / "sub" / "rowing.csv", f"Headline;Body\nRowers win regatta;{OTHER}\n")
    write(folder / "empty.txt", "")
    write(folder / "head.txt", "Ferry fares to rise\n")
    write(folder / "garbled.txt", b"\x00\x01binary")
    write(folder / "sub" / "utf16.txt", f"Ferry fares to rise\n{OTHER}\n".encode("utf-16"))
    write(folder / "photo.jpg", b"\xff\xd8\xff")  # another kind: passed over without a word
    docs, failures = load_articles([folder])
    assert sorted(d.title for d in docs) == [
        "Ferry fares to rise",
        "Lighthouse to close",
        "Rowers win regatta",
    ]
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert reasons == {
        "empty.txt": "empty file",
        "garbled.txt": "binary file, not text (NUL byte at offset 0)",
        "head.txt": "only a headline (“Ferry fares to rise”), no article text under it",
    }


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "day"),
    [
        ("6 December 2026", "2026-12-06"),
        ("Dec. 6, 2026", "2026-12-06"),
        ("2026-12-06T10:00Z", "2026-12-06"),
        ("Sunday, 6 December 2026 10:00 GMT", "2026-12-06"),
        ("6 Dec 2026, 10:00 BST", "2026-12-06"),
        ("06.12.2026 10:00", "2026-12-06"),
        ("Sun, 06 Dec 2026 10:00:00 +0000", "2026-12-06"),
        # no day given: dateutil had filled in today's month and day
        ("December 2026", None),
        ("2026", None),
        ("6 December", None),
        ("yesterday", None),
        ("N/A", None),
    ],
)
def test_dates_in_many_notations_and_none_made_up(given, day):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "BST" had printed dateutil's UnknownTimezoneWarning
        assert normalise_date(given) == day


def test_a_page_whose_only_year_is_its_copyright_line_is_not_dated(tmp_path):
    # htmldate's extensive search dated it 1 January of the copyright's year.
    page = (
        "<html><head><title>Lighthouse to close</title></head><body><nav>Home | News</nav>"
        f"<article><h1>Lighthouse to close</h1><p>{STORY}</p><p>{OTHER}</p></article>"
        "<footer>Copyright 2026 Gull Point Post. All rights reserved.</footer></body></html>"
    )
    undated = read_file(write(tmp_path / "undated.html", page))[0][0]
    assert undated.published is None and "Copyright" not in undated.text
    bylined = page.replace("<p>The", "<p class='byline'>By Ada Moss, 5 December 2026</p><p>The")
    dated = read_file(write(tmp_path / "dated.html", bylined))[0][0]
    assert dated.published == "2026-12-05"


@pytest.mark.parametrize(
    ("dates", "read"),
    [
        # a British export: 13/12 tells that 06/12 is 6 December, not 12 June
        (["06/12/2026", "13/12/2026 09:30"], ["2026-12-06", "2026-12-13"]),
        # a US one: month first, as before
        (["06/12/2026", "12/13/2026"], ["2026-06-12", "2026-12-13"]),
        # nothing tells: month first
        (["06/12/2026", "07/12/2026"], ["2026-06-12", "2026-07-12"]),
    ],
)
def test_an_exports_slashed_dates_are_read_in_the_order_its_own_dates_tell(tmp_path, dates, read):
    rows = "".join(f'"Story {i}","{STORY}",{d}\n' for i, d in enumerate(dates))
    docs, failures = read_file(write(tmp_path / "dates.csv", "title,text,date\n" + rows))
    assert not failures and [d.published for d in docs] == read


def test_articles_whose_date_names_no_day_are_said_to_be_left_undated(tmp_path):
    # "yesterday" and "December 2026" had left their articles undated without a word.
    arts = [
        {"title": "Lighthouse to close", "body": STORY, "date": "yesterday"},
        {"title": "Rowers win regatta", "body": OTHER, "date": "December 2026"},
        {"title": "Ferry fares to rise", "body": STORY + " Fares rise.", "date": "6 Dec 2026"},
    ]
    path = write(tmp_path / "feed.json", json.dumps(arts))
    notes: list[str] = []
    docs, failures = load_articles([path], notes=notes)
    assert not failures and [d.published for d in docs] == [None, None, "2026-12-06"]
    assert notes == [
        f"2 articles of {path} left undated (a date such as “yesterday” names no day "
        "presslens can read)"
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_read_with_or_without_its_byte_order_mark(tmp_path, encoding):
    # Without the mark it had been refused as "binary file, not text (NUL byte at offset 1)".
    text = f"Café terrace reopens\n{OTHER} Renée Aubert cut the ribbon.\n"
    docs, failures = read_file(write(tmp_path / "story.txt", text.encode(encoding)))
    assert not failures
    assert docs[0].title == "Café terrace reopens" and docs[0].text.endswith("the ribbon.")


def test_bytes_with_nuls_that_are_no_utf16_are_still_refused(tmp_path):
    with pytest.raises(IngestError, match=r"binary file, not text \(NUL byte at offset 0\)"):
        read_file(write(tmp_path / "blob.txt", bytes(range(256)) * 8))


# -- saved web pages ---------------------------------------------------------------------------

SECTION_PAGE = """<!doctype html><html><head><title>Gull Point Post - Latest</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookies">This site uses cookies. Accept</div><h1>Latest</h1><ul>
<li><a href="/light">Lighthouse to close for repairs in March</a> - The trust gave no date.</li>
<li><a href="/row">Rowers win the estuary regatta</a> - A winter of training paid off.</li>
<li><a href="/ferry">Ferry fares to rise by eight per cent</a> - The operator blamed fuel.</li>
</ul><footer>Copyright 2026 Gull Point Post</footer></body></html>"""


def test_a_home_or_section_page_is_named_a_page_of_links(tmp_path):
    # Its menu, cookie notice and headlines had been stored as an article titled "Latest".
    with pytest.raises(IngestError, match=r"^a page of links, not an article \(\d+% of its text"):
        read_file(write(tmp_path / "latest.html", SECTION_PAGE))


def test_an_article_with_a_cookie_notice_and_related_links_is_read_without_them(tmp_path):
    page = f"""<!doctype html><html><head><title>Lighthouse to close | Gull Point Post</title>
<meta property="og:title" content="Lighthouse to close">
<meta property="article:published_time" content="2026-12-06T10:00:00Z">
<script>var tracker = "load the tracker";</script></head><body>
<div class="consent">We and our partners use cookies. <button>Accept all</button></div>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Lighthouse to close</h1><p>{STORY}</p><p>{OTHER}</p>
<p><a href="/a">Ferry fares to rise</a></p><p><a href="/b">Rowers win regatta</a></p>
<p><a href="/c">Harbour wall repaired</a></p></article>
<script>document.write("Advertisement");</script></body></html>"""
    doc = read_file(write(tmp_path / "light.html", page))[0][0]
    assert (doc.title, doc.published) == ("Lighthouse to close", "2026-12-06")
    assert doc.text.startswith(STORY)
    for junk in ("cookies", "tracker", "Advertisement", "Home", "Sport"):
        assert junk not in doc.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.json", "[]", "no articles in it (an empty list)"),
        ("reply.json", '{"status": "ok", "articles": []}', "no articles in it (an empty list)"),
        ("header.csv", "title;text;date\r\n", "CSV with a header row and no rows under it"),
    ],
)
def test_an_export_with_no_articles_is_named_not_passed_over(tmp_path, name, content, reason):
    # It had read as nothing at all: no article, no failure, no word in the closing line.
    with pytest.raises(IngestError, match="^" + re.escape(reason)):
        read_file(write(tmp_path / name, content))


def test_an_empty_object_among_articles_is_named_as_one(tmp_path):
    path = write(tmp_path / "feed.json", json.dumps([{}, {"title": "Lighthouse", "text": STORY}]))
    docs, failures = read_file(path)
    assert [d.title for d in docs] == ["Lighthouse"]
    assert [(Path(f.path).name, f.reason) for f in failures] == [
        ("feed.json:item 1", "an empty object")
    ]


def test_a_page_saved_complete_is_read_without_the_browsers_resource_folder(tmp_path):
    # "Save page as…, complete" writes Light.html and Light_files/ (ad frames, widgets, a
    # manifest): a widget had been stored as an article "Newsletter", the rest named failures.
    saved = tmp_path / "saved"
    (saved / "Light_files").mkdir(parents=True)
    (saved / "Other_files").mkdir()  # no Other.html beside it: an ordinary folder
    write(saved / "Light.html", f"<html><head><title>Lighthouse to close</title></head><body>"
          f"<article><h1>Lighthouse to close</h1><p>{STORY}</p></article></body></html>")  # fmt: skip
    write(saved / "Light_files" / "widget.html", f"<html><body><p>{OTHER}</p></body></html>")
    write(saved / "Light_files" / "manifest.json", '{"name": "Post", "start_url": "/"}')
    write(saved / "Other_files" / "rowing.txt", f"Rowers win regatta\n{OTHER}\n")
    docs, failures = load_articles([saved])
    assert not failures
    assert sorted(d.title for d in docs) == ["Lighthouse to close", "Rowers win regatta"]


def test_a_page_saved_as_txt_is_read_as_a_page_and_one_saved_as_json_named(tmp_path):
    page = (
        "<!DOCTYPE html>\n<html><head><title>Lighthouse to close</title>"
        "<script>var tracker = 1;</script></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Lighthouse to close</h1><p>{STORY}</p><p>{OTHER}</p></article></body></html>"
    )
    # as .txt its markup had been the article: title "<!DOCTYPE html>", text "<html><head>…"
    doc = read_file(write(tmp_path / "light.txt", page))[0][0]
    assert doc.title == "Lighthouse to close" and doc.text.startswith(STORY)
    with pytest.raises(IngestError, match=r"^an HTML page, not JSON \(name it \.html"):
        read_file(write(tmp_path / "export.json", page))  # a scraper's error page, say


def test_an_rss_feed_is_named_as_xml_not_read_as_a_story(tmp_path):
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Post</title>'
        f"<item><title>Lighthouse to close</title><description>{STORY}</description></item>"
        "</channel></rss>"
    )
    for name in ("feed.xml", "feed.txt"):
        with pytest.raises(IngestError, match=r"^XML \(an RSS or Atom feed\?\)"):
            read_file(write(tmp_path / name, feed))
