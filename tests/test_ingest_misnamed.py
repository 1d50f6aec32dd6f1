"""Exports under the other JSON name, and feeds beside articles. JSON Lines saved as .json (many
exports do) had failed "invalid JSON (Extra data)", and a pretty-printed JSON list saved as
.jsonl "no valid JSON line (122 invalid)": both are read as what they are, by `analyze` and by
the Data page's preview alike. A feed (.xml, .rss, .atom) in a folder is named with its reason,
as README says, not passed over; an RSS file without its ``<?xml`` line is no article. A
``story.meta.json`` sidecar is read in any encoding, and a broken one said in a person's words."""

from __future__ import annotations

import json

from analysis import upload
from analysis.ingest import expand_inputs, read_file
from analysis.pipeline import load_articles

STORIES = [
    {
        "title": "Pier to be rebuilt",
        "text": "The pier at Saltmere will be rebuilt next year at a cost of six million "
        "pounds, the harbour board said on Tuesday.",
    },
    {
        "title": "Choir wins prize",
        "text": "The Kestrel Valley choir won first prize at the national festival on "
        "Saturday, its conductor, Nina Apsley, said.",
    },
]


def test_json_lines_saved_as_json_are_read_line_by_line(tmp_path):
    path = tmp_path / "export.json"
    path.write_text("\n".join(json.dumps(s) for s in STORIES) + "\n")
    docs, failures = read_file(path)
    assert not failures
    assert [d.title for d in docs] == ["Pier to be rebuilt", "Choir wins prize"]
    assert docs[1].where == f"{path}:line 2"
    assert upload.table_preview(path.name, path.read_bytes()).guessed["text"] == "text"


def test_a_broken_json_list_is_still_named_as_invalid(tmp_path):
    # "Extra data" after a list is no JSON Lines: the message stays
    path = tmp_path / "export.json"
    path.write_text(json.dumps(STORIES) + "\n[1, 2]\n")
    articles, failures = load_articles([path])
    assert not articles
    (failure,) = failures
    assert failure.reason.startswith("invalid JSON (")


def test_a_pretty_printed_list_saved_as_jsonl_is_read_as_one_document(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(STORIES, indent=2))
    docs, failures = read_file(path)
    assert not failures
    assert [d.title for d in docs] == ["Pier to be rebuilt", "Choir wins prize"]
    assert upload.table_preview(path.name, path.read_bytes()).columns == ("title", "text")


def test_json_lines_with_one_bad_line_still_name_that_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(STORIES[0]) + "\n{broken\n" + json.dumps(STORIES[1]) + "\n")
    docs, failures = read_file(path)
    assert len(docs) == 2
    assert [f.path for f in failures] == [f"{path}:line 2"]


def test_a_feed_in_a_folder_is_named_and_the_articles_are_read(tmp_path):
    (tmp_path / "pier.txt").write_text(f"Pier to be rebuilt\n{STORIES[0]['text']}\n")
    (tmp_path / "feed.xml").write_text('<?xml version="1.0"?><rss><channel></channel></rss>')
    (tmp_path / "news.rss").write_text(
        '<rss version="2.0"><channel><item><title>Pier</title>'
        "<description>The pier will be rebuilt.</description></item></channel></rss>"
    )
    articles, failures = load_articles([tmp_path])
    assert [a.title for a in articles] == ["Pier to be rebuilt"]
    assert sorted(f.path.rsplit("/", 1)[1] for f in failures) == ["feed.xml", "news.rss"]
    assert all(f.reason.startswith("XML (an RSS or Atom feed?)") for f in failures)


def test_a_folder_of_feeds_only_says_so(tmp_path):
    (tmp_path / "feed.atom").write_text('<feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    (failure,) = list(expand_inputs([tmp_path]))
    assert "it holds feed.atom, XML (feeds?) which presslens does not read" in failure.reason


def test_a_sidecar_saved_in_windows_1252_is_read(tmp_path):
    story = tmp_path / "pier.txt"
    story.write_text(f"Pier to be rebuilt\n{STORIES[0]['text']}\n")
    (tmp_path / "pier.meta.json").write_bytes(
        '{"source": "Café Courier", "published": "2026-11-02"}'.encode("cp1252")
    )
    (doc,), _ = read_file(story)
    assert (doc.source, doc.published) == ("Café Courier", "2026-11-02")


def test_a_broken_sidecar_is_said_in_a_persons_words_and_the_story_read(tmp_path, caplog):
    story = tmp_path / "pier.txt"
    story.write_text(f"Pier to be rebuilt\n{STORIES[0]['text']}\n")
    sidecar = tmp_path / "pier.meta.json"
    sidecar.write_text('{"source": "Saltmere Post", "published": \n')
    (doc,), failures = read_file(story)
    assert not failures and doc.source is None
    (said,) = [r.getMessage() for r in caplog.records if "sidecar" in r.getMessage()]
    assert said == (
        f"{sidecar}: ignoring unreadable sidecar: invalid JSON (line 2, column 1: the file ends "
        "before its JSON does (expecting value; it may be cut off))"
    )
