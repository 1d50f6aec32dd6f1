"""Common export shapes of article text, read as ``presslens analyze`` reads them: a text field
that is a list of paragraphs (nested, or a string holding a JSON/Python list literal), an
export with no known text field (the longest text-like field is read and the run says which),
and column mappings per input (``--map PATH:FIELD=COLUMN``, ``--map-file`` JSON or TOML).
Texts are our own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.ingest import FieldMaps, as_body, read_file, read_map_file
from analysis.pipeline import load_articles

P1 = "Every councillor on the harbour committee voted for the new sea wall on Thursday."
P2 = "In a letter to residents, the mayor said work would start before the winter storms."
P3 = "The wall will cost £4.2 million, paid for by the regional flood fund."
PARAGRAPHS = f"{P1}\n\n{P2}\n\n{P3}"


@pytest.mark.parametrize(
    "value",
    [
        [P1, P2, P3],
        [[P1], [P2, [P3]]],
        [{"text": P1}, {"text": P2}, {"content": P3}],
        json.dumps([P1, P2, P3]),
        str([P1, P2, P3]),  # a Python list literal: single quotes
        f"{[P1]}, {[P2]}, {[P3]}",  # lists written one after another
        str([[P1, P2], [P3]]),
    ],
    ids=["list", "nested", "objects", "json-literal", "python-literal", "lists", "nested-literal"],
)
def test_paragraph_lists_become_paragraphs(value):
    assert as_body(value) == PARAGRAPHS


@pytest.mark.parametrize(
    "text",
    [
        "[Updated] The sea wall vote was moved to Friday [see below]",
        "[1, 2, 3]",  # numbers, not paragraphs
        "['unfinished', 'list'",
        "__import__('os').system('true')",
    ],
)
def test_other_strings_stay_as_written(text):
    assert as_body(text) == text


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_json_and_jsonl_with_paragraph_lists(tmp_path):
    a = tmp_path / "a.json"
    a.write_text(json.dumps({"title": "Sea wall approved", "text": [P1, [P2, P3]]}))
    b = _jsonl(
        tmp_path / "b.jsonl",
        [{"headline": "Sea wall: the letter", "body": str([P2, P1, P3])}],
    )
    articles, failures = load_articles([a, b])
    assert not failures
    assert [x.text for x in articles] == [PARAGRAPHS, f"{P2}\n\n{P1}\n\n{P3}"]
    assert all("['" not in x.text and "']" not in x.text for x in articles)


def test_no_known_text_field_reads_the_longest_text_field_and_says_so(tmp_path):
    path = _jsonl(
        tmp_path / "scrape.jsonl",
        [
            {
                "headline": "Sea wall approved",
                "teaser": "Councillors back the wall.",
                "article_paragraphs": [P1, P2, P3],
                "link": "https://example.org/sea-wall",
                "words": 50,
            },
            {
                "headline": "Storm delays sea wall work",
                "teaser": "Work pushed back.",
                "article_paragraphs": str([P2, P3]),
                "link": "https://example.org/sea-wall-delay",
                "words": 32,
            },
        ],
    )
    notes: list[str] = []
    articles, failures = load_articles([path], notes=notes)
    assert not failures
    assert [a.title for a in articles] == ["Sea wall approved", "Storm delays sea wall work"]
    assert articles[0].text == PARAGRAPHS
    assert notes == [
        f"text read from field “article_paragraphs” of {path} (2 records; no known text field "
        "— name another with --map)"
    ]


def test_a_mapped_text_field_that_is_missing_is_not_guessed(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", [{"headline": "Sea wall", "paragraphs": [P1, P2]}])
    docs, failures = read_file(path, field_map={"text": "body_text"})
    assert docs == [] and "no text field" in failures[0].reason


def test_field_maps_per_input(tmp_path):
    (tmp_path / "exports").mkdir()
    a = tmp_path / "exports" / "a.csv"
    a.write_text(f'head,story_body,summary\nSea wall approved,"{P1} {P2}",Short summary here\n')
    b = tmp_path / "b.csv"
    b.write_text(f'head,summary,notes\nLetter to residents,"{P2} {P3}",Internal notes x\n')
    maps = FieldMaps(
        default={"title": "head"},
        by_path=((str(a), {"text": "story_body"}), ("b.csv", {"text": "summary"})),
    )
    articles, failures = load_articles([a, b], field_map=maps)
    assert not failures
    assert [(x.title, x.text) for x in articles] == [
        ("Sea wall approved", f"{P1} {P2}"),
        ("Letter to residents", f"{P2} {P3}"),
    ]
    # A folder and a glob name the files under them.
    assert FieldMaps(by_path=((str(tmp_path / "exports"), {"text": "x"}),)).for_path(a) == {
        "text": "x"
    }
    assert FieldMaps(by_path=(("*.csv", {"text": "y"}),)).for_path(b) == {"text": "y"}
    assert FieldMaps(by_path=(("*.jsonl", {"text": "y"}),)).for_path(b) == {}


@pytest.mark.parametrize(
    ("pattern", "named"),
    [
        ("exports/a.csv", True),  # relative to the working folder
        ("a.csv", True),  # its name
        ("exports", True),  # a folder holding it, as given relative to tmp_path below
        ("*.csv", True),
        ("b.csv", False),  # a typo
        ("*.jsonl", False),
        ("elsewhere", False),
    ],
)
def test_a_mapping_that_names_no_input_is_said(tmp_path, monkeypatch, pattern, named):
    """``--map b.csv:text=story_body`` when the file is a.csv read a.csv by its usual names
    without a word; the closing line now says which mapping named none of the inputs."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exports").mkdir()
    a = tmp_path / "exports" / "a.csv"
    a.write_text(f'head,story_body\nSea wall approved,"{P1} {P2}"\n')
    maps = FieldMaps(by_path=((pattern, {"text": "story_body"}),))
    notes: list[str] = []
    articles, failures = load_articles([Path("exports")], field_map=maps, notes=notes)
    assert not failures and len(articles) == 1
    said = [n for n in notes if n.startswith("--map ")]
    if named:
        assert said == []
    else:
        assert said == [f"--map {pattern}: names none of the inputs, so its columns were not used"]


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_map_file_json_and_toml(tmp_path, suffix):
    if suffix == ".json":
        content = json.dumps({"exports/*.csv": {"text": "story_body", "title": "head"}})
    else:
        content = '["exports/*.csv"]\ntext = "story_body"\ntitle = "head"\n'
    map_file = tmp_path / f"maps{suffix}"
    map_file.write_text(content)
    ((pattern, mapping),) = read_map_file(map_file)
    assert pattern == str(tmp_path / "exports/*.csv")  # relative to the mapping file
    assert mapping == {"text": "story_body", "title": "head"}


@pytest.mark.parametrize(
    "content, reason",
    [
        ('{"a.csv": {"body": "x"}}', "unknown field 'body'"),
        ('{"a.csv": "text"}', "expected a table"),
        ('{"a.csv": {"text": ""}}', "must be a non-empty name"),
        ("{not json", "invalid JSON"),
    ],
)
def test_a_bad_map_file_names_the_file_and_the_reason(tmp_path, content, reason):
    map_file = tmp_path / "maps.json"
    map_file.write_text(content)
    with pytest.raises(ValueError, match=reason) as info:
        read_map_file(map_file)
    assert str(map_file) in str(info.value)


def presslens(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard.cli", *args], capture_output=True, text=True, timeout=300
    )


def test_cli_two_exports_with_different_columns_in_one_run(tmp_path):
    """Two exports, two names for the text column, one run; the third file has no known text
    field, and the closing line says which field was read."""
    a = tmp_path / "wire.csv"
    a.write_text(f'head,story_body\nSea wall approved,"{P1}\n\n{P2}"\n')
    b = _jsonl(tmp_path / "paper.jsonl", [{"title": "Letter to residents", "copy": [P2, P3]}])
    c = _jsonl(tmp_path / "scrape.jsonl", [{"title": "Wall cost", "paras": [P3, P1]}])
    maps = tmp_path / "maps.toml"
    maps.write_text('["paper.jsonl"]\ntext = "copy"\n')
    db = tmp_path / "s.duckdb"
    run = presslens(
        "analyze", str(a), str(b), str(c), "--db", str(db), "-q",
        "--map", "title=head", "--map", f"{a}:text=story_body", "--map-file", str(maps),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("presslens: 3 new, 0 already known, 0 near-duplicate, 0 failed")
    assert f"text read from field “paras” of {c} (1 record;" in last
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT title, text FROM articles ORDER BY title").fetchall()
    finally:
        con.close()
    assert rows == [
        ("Letter to residents", f"{P2}\n\n{P3}"),
        ("Sea wall approved", f"{P1}\n\n{P2}"),
        ("Wall cost", f"{P3}\n\n{P1}"),
    ]


@pytest.mark.parametrize(
    "option, message",
    [
        (["--map", "a.csv:body=x"], "unknown field 'a.csv:body'"),
        (["--map", "text="], "expected [PATH:]FIELD=COLUMN"),
        (["--map-file", "no-such-maps.json"], "cannot read"),
    ],
)
def test_cli_bad_map_options_are_usage_errors(tmp_path, option, message):
    run = presslens("analyze", "x.txt", "--db", str(tmp_path / "s.duckdb"), *option)
    assert run.returncode == 2
    assert message in run.stderr


def test_upload_page_offers_the_field_the_text_would_come_from(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from analysis.store import Store

    db = tmp_path / "upload.duckdb"
    Store(db).close()
    monkeypatch.setenv("PRESSLENS_DB", str(db))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    app = Path(__file__).resolve().parents[1] / "dashboard" / "streamlit_app.py"
    at = AppTest.from_file(str(app), default_timeout=120)
    at.switch_page("app_pages/data.py")
    at.run()
    scrape = json.dumps({"title": "Sea wall approved", "paras": str([P1, P2, P3])})
    at.file_uploader[0].set_value([("scrape.json", scrape.encode(), "application/json")]).run()
    # The column picker offers the field analyze would read: the one holding the most text.
    assert at.selectbox(key="map_0_text").value == "paras"
    at.button(key="analyse").click().run()
    assert not at.exception and not at.error
    with Store(db) as store:
        assert store.query("SELECT text FROM articles")["text"].tolist() == [PARAGRAPHS]
