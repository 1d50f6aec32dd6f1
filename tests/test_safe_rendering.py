"""Hostile strings from the data or the URL are shown as text: no link, image, HTML or script
comes out of a title, a name or a link parameter, and CSV exports neutralise formula cells.

The AppTest checks render every Markdown body a page produced with a CommonMark renderer (what
Streamlit's Markdown elements do) and look for links off the dashboard and for images; the
browser test (tests/test_browser.py) proves the same in Chromium with a dialog handler."""

from __future__ import annotations

import csv
import html
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from analysis import export
from dashboard import plain
from tests import payloads

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "streamlit_app.py"
PAGES = ["overview", "speakers", "entities", "figures", "articles", "data"]
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MD_ELEMENTS = ("markdown", "caption", "info", "warning", "error", "success", "title", "subheader")


def _render(body: str) -> str:
    return MARKDOWN.render(body)


def _text_of(rendered: str) -> str:
    """The text a reader sees (the invisible word joiners that stop autolinks removed)."""
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).replace(plain.JOINER, "")


@pytest.mark.parametrize("payload", payloads.PAYLOADS)
def test_md_shows_the_payload_as_literal_text(payload):
    rendered = _render(f"before {plain.md(payload)} after")
    assert "<a " not in rendered and "<img" not in rendered and "<script" not in rendered
    assert _text_of(rendered).strip() == f"before {payload} after"


# GitHub-style autolink literals, as Streamlit's Markdown applies them to rendered text
# (mdast-util-gfm-autolink-literal): a bare URL, www. address or e-mail address becomes a link.
AUTOLINK = re.compile(r"(?i)(https?://|www(?=\.))[-.\w]+|[-.\w+]+@[-\w]+(\.[-\w]+)+")


@pytest.mark.parametrize("payload", payloads.PAYLOADS + ("www.evil.example", "me@evil.example"))
def test_md_leaves_nothing_to_autolink(payload):
    assert not AUTOLINK.search(html.unescape(re.sub(r"<[^>]+>", "", _render(plain.md(payload)))))


def test_md_folds_line_breaks_so_a_value_cannot_start_a_block():
    rendered = _render(plain.md("name\n\n# Heading\n- item\n\n> quote"))
    assert "<h1>" not in rendered and "<li>" not in rendered and "<blockquote>" not in rendered


@pytest.mark.parametrize("missing", [None, "", float("nan")])
def test_a_missing_value_shows_its_default_not_nan(missing):
    assert plain.given(missing, "nobody named") == "nobody named"
    assert plain.given("SANA", "nobody named") == "SANA"
    assert plain.given(0.5, "none") == 0.5


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("John Kerry", "John Kerry"),
        ("a=b", "a=b"),
        (3.5, 3.5),
        (None, None),
    ],
)
def test_neutralise_follows_owasp(value, expected):
    assert export.neutralise(value) == expected


@pytest.fixture(scope="module")
def payload_db(tmp_path_factory) -> Path:
    return payloads.build(tmp_path_factory.mktemp("payloads") / "payloads.duckdb")


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_no_formula(cells: list[str]) -> None:
    bad = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert not bad, bad[:5]


def test_cli_csv_export_neutralises_formulas(payload_db, tmp_path):
    out = tmp_path / "csv"
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "export", "--db", str(payload_db)]
        + ["--format", "csv", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    cells = []
    for path in out.glob("*.csv"):
        cells += _cells(path.read_text(encoding="utf-8"))
    _assert_no_formula(cells)
    assert f"'{payloads.DDE}" in cells  # kept, as text


def _run(db: Path, monkeypatch, page: str, params: dict[str, str] | None = None) -> AppTest:
    monkeypatch.setenv("PRESSLENS_DB", str(db))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
    return at.run()


def _assert_inert(at: AppTest) -> str:
    """Every Markdown body on the page renders without an off-site link or an image; returns
    the text they show."""
    shown = []
    for kind in MD_ELEMENTS:
        for element in getattr(at, kind):
            rendered = _render(str(element.value))
            assert "<img" not in rendered and "<script" not in rendered, rendered
            for href in re.findall(r'<a href="([^"]*)"', rendered):
                host = urlparse(html.unescape(href)).hostname
                assert host in (None, "localhost", "127.0.0.1"), (kind, rendered)
            shown.append(_text_of(rendered))
    return "\n".join(shown)


HOSTILE_PARAMS = {
    "speaker": payloads.MD_LINK,
    "entity": payloads.MD_IMAGE,
    "source": payloads.HTML_IMG,
    "from": f"2020-01-01{payloads.MD_LINK}",
    "q": payloads.SCRIPT,
    "category": payloads.MD_LINK,
}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_hostile_data_and_links_as_text(page, payload_db, monkeypatch):
    at = _run(payload_db, monkeypatch, page, HOSTILE_PARAMS)
    assert not at.exception, at.exception[0].value if at.exception else ""
    shown = _assert_inert(at)
    # The "values ignored" notice names the values exactly as they were in the link.
    assert payloads.MD_LINK in shown and payloads.MD_IMAGE in shown


def test_filtered_view_footer_and_speaker_caption_are_text(payload_db, monkeypatch):
    at = _run(payload_db, monkeypatch, "speakers", {"speaker": payloads.SPEAKER})
    assert not at.exception
    shown = _assert_inert(at)
    assert f"In bold: {payloads.SPEAKER}." in shown
    assert f"speaker: {payloads.SPEAKER}" in shown  # the footer


def test_reader_heading_meta_and_came_from_notice_are_text(payload_db, monkeypatch):
    at = _run(payload_db, monkeypatch, "articles", {"article": "payload-0", "at": "3"})
    assert not at.exception
    shown = _assert_inert(at)
    assert payloads.TITLES[0] in shown
    assert "You came here from: “" + payloads.MD_LINK in shown
    assert payloads.HTML_IMG + " Times" in shown and f"by {payloads.FORMULA}" in shown


def test_data_page_csv_zip_neutralises_formulas(payload_db, monkeypatch):
    from analysis.filters import Filters
    from dashboard import data

    monkeypatch.setenv("PRESSLENS_DB", str(payload_db))
    with zipfile.ZipFile(io.BytesIO(data.csv_zip(Filters()))) as zf:
        cells = [c for name in zf.namelist() for c in _cells(zf.read(name).decode("utf-8"))]
    _assert_no_formula(cells)
    assert f"'{payloads.DDE}" in cells and payloads.SPEAKER in cells
