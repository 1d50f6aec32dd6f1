"""Upload helpers: a table's preview with guessed columns, and relabelling what was read from the
temporary upload folder."""

from __future__ import annotations

import json

import pytest

from analysis import upload
from analysis.ingest import IngestError
from analysis.records import Article


def test_json_preview_guesses_the_usual_names_and_keeps_the_others():
    records = [{"headline": "H", "content": "x" * 300, "pub": "2017-01-01", "outlet": "W"}]
    p = upload.table_preview("a.json", json.dumps({"articles": records}).encode())
    assert p.columns == ("headline", "content", "pub", "outlet")
    assert p.guessed["text"] == "content" and p.guessed["title"] == "headline"
    assert p.guessed["source"] == "outlet" and p.guessed["published"] is None
    assert p.rows.loc[0, "content"].endswith("…") and len(p.rows.loc[0, "content"]) == 120


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.ndjson"])
def test_a_json_lines_upload_is_previewed_line_by_line(name):
    # .ndjson is read as JSON lines by analyze, so the uploader takes it as a table too.
    lines = [{"headline": f"H{i}", "body": "y" * 50} for i in range(3)]
    p = upload.table_preview(name, "\n".join(json.dumps(r) for r in lines).encode())
    assert p.columns == ("headline", "body") and len(p.rows) == 3


def test_preview_refuses_what_is_not_a_table():
    with pytest.raises(IngestError, match="not a table"):
        upload.table_preview("a.txt", b"plain")
    with pytest.raises(IngestError, match="invalid JSON"):
        upload.table_preview("a.json", b"{nope")
    # a JSON Lines file names its line (each line parses alone: json's own said "line 1")
    with pytest.raises(IngestError, match=r"invalid JSON on line 3 \(column 7: a string"):
        upload.table_preview("a.jsonl", b'{"a": 1}\n{"a": 2}\n{"a": "cut')


def test_relabel_drops_the_temporary_folder():
    tmp = "/tmp/presslens-upload-x1"
    arts = [
        Article(id="1", title="", text="t", path=f"{tmp}/0/a.txt", url=f"{tmp}/0/a.txt"),
        Article(id="2", title="", text="t", path=f"{tmp}/1/b.html", url="https://e.org/b",
                published="2016-01-01"),
    ]  # fmt: skip
    out = upload.relabel(
        arts, tmp_root=tmp, names={f"{tmp}/0/a.txt": "a.txt", f"{tmp}/1/b.html": "b.html"},
        published="2019-05-02",
    )  # fmt: skip
    assert [(a.path, a.url, a.published) for a in out] == [
        ("upload:a.txt", None, "2019-05-02"),
        ("upload:b.html", "https://e.org/b", "2016-01-01"),  # its own date wins
    ]
