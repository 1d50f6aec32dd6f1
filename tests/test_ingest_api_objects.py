"""An API's reply as saved, NewsAPI's the most common: an outlet that is an object
({"id": null, "name": …}), authors as a list of objects, tags as objects, a date wrapped as a
MongoDB export wraps it, and a text cut short with "[+1234 chars]". Each field is read as its
name or value (the object's repr had been stored as the outlet), and the cut is taken off the
text and said in the closing note."""

from __future__ import annotations

import json

from analysis import upload
from analysis.ingest import read_file
from analysis.pipeline import load_articles

FACTORY = (
    "The Millbrook paper mill will close in the spring with the loss of 220 jobs, its owner "
    'said on Thursday. "We looked at every other way," said the firm\'s director, Hanna Lowe.'
)
RIVER = (
    "The river Tamsin burst its banks at Elderford on Sunday, flooding forty homes, the "
    "county council said. Residents were taken to the village school overnight."
)


def _newsapi(tmp_path, articles):
    path = tmp_path / "newsapi.json"
    reply = {"status": "ok", "totalResults": len(articles), "articles": articles}
    path.write_text(json.dumps(reply))
    return path


def test_an_outlet_given_as_an_object_is_its_name(tmp_path):
    path = _newsapi(
        tmp_path,
        [
            {
                "source": {"id": None, "name": "Valley Herald"},
                "author": "Rob Ince",
                "title": "Paper mill to close",
                "publishedAt": "2026-11-19T08:30:00Z",
                "content": FACTORY,
            }
        ],
    )
    (doc,), failures = read_file(path)
    assert not failures
    assert doc.source == "Valley Herald"
    assert doc.author == "Rob Ince"
    assert doc.published == "2026-11-19"


def test_authors_and_tags_given_as_objects_are_their_names(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(
        json.dumps(
            [
                {
                    "title": "Floods at Elderford",
                    "body": RIVER,
                    "authors": [{"name": "Ada Pell"}, {"name": "Jon Rusk"}],
                    "tags": [{"webTitle": "Weather"}, {"id": "uk/floods", "webTitle": "Floods"}],
                    "published": {"$date": "2026-10-04T06:00:00Z"},
                    "source": {"id": "x"},  # no name of its own: no outlet, not its repr
                }
            ]
        )
    )
    (doc,), _ = read_file(path)
    assert doc.author == "Ada Pell, Jon Rusk"
    assert doc.tags == ("Weather", "Floods")
    assert doc.published == "2026-10-04"
    assert doc.source is None


def test_a_text_cut_short_by_the_api_loses_its_mark_and_is_said(tmp_path):
    path = _newsapi(
        tmp_path,
        [
            {"source": {"name": "Valley Herald"}, "title": "Paper mill to close",
             "content": FACTORY + " Union leaders met… [+1,482 chars]"},
            {"source": {"name": "Valley Herald"}, "title": "Floods at Elderford",
             "content": RIVER},
        ],
    )  # fmt: skip
    notes: list[str] = []
    articles, failures = load_articles([path], notes=notes)
    assert not failures
    mill = next(a for a in articles if a.title == "Paper mill to close")
    assert mill.text.endswith("Union leaders met")
    assert "chars" not in mill.text
    assert notes == [
        f"1 article of {path} cut short by the export (“[+N chars]”: an API's free plan gives "
        "the first characters only); what it gives was analysed"
    ]


def test_a_text_that_only_mentions_chars_in_brackets_is_left_whole(tmp_path):
    text = (
        RIVER
        + " The warning sign read [+5 chars] in the middle of the road, a council officer said."
    )
    path = _newsapi(tmp_path, [{"title": "Floods", "content": text}])
    notes: list[str] = []
    (article,), _ = load_articles([path], notes=notes)
    assert "[+5 chars]" in article.text
    assert notes == []


def test_the_upload_preview_shows_an_outlet_object_by_its_name(tmp_path):
    path = _newsapi(
        tmp_path,
        [{"source": {"id": None, "name": "Valley Herald"}, "title": "Mill", "content": FACTORY}],
    )
    preview = upload.table_preview(path.name, path.read_bytes())
    assert preview.rows["source"].tolist() == ["Valley Herald"]
    assert preview.guessed["source"] == "source"
