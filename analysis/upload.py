"""Uploaded files before analysis: a preview of a table's columns with the field each one is
guessed to hold (so the dashboard can let the user correct the guess), and the articles read from
an upload relabelled so that nothing keeps the server's temporary upload path.

:func:`table_preview` reads a ``.csv``/``.tsv``/``.json``/``.jsonl`` upload the way
:mod:`analysis.ingest` will (same decoding, same column aliases) and returns its first rows and
the guessed mapping; a mapping the user picks becomes the ``field_map`` of
:func:`analysis.pipeline.load_articles` (the ``--map FIELD=COLUMN`` of the command line).
:func:`relabel` gives each article read from an upload the path ``upload:NAME`` (with the row for
a table), drops a URL that points into the temporary folder, and dates plain text/HTML uploads
with the date the user gave.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import ingest
from analysis.records import Article

FIELDS = ("text", "title", "published", "source", "url", "tags", "author")
TABLE_SUFFIXES = tuple(sorted(ingest.CSV_SUFFIXES | ingest.JSON_SUFFIXES | ingest.JSONL_SUFFIXES))
# What the Data page's uploader takes: every kind of file `presslens analyze` reads (it had
# listed its own seven, without Markdown, .text, .xhtml or .ndjson). With their dots: Streamlit
# reads a bare "text" as the MIME family text/*.
# Archives and office documents are taken too, to be refused on the page with their reason:
# left out, the uploader refused a .zip with a reason shown only on hover.
UPLOAD_TYPES = sorted(
    ingest.SUPPORTED_SUFFIXES | ingest.ARCHIVE_SUFFIXES | ingest.DOCUMENT_SUFFIXES
)
PREVIEW_ROWS = 5


@dataclass(frozen=True)
class TablePreview:
    columns: tuple[str, ...]
    rows: pd.DataFrame  # the first rows, every cell as text
    guessed: dict  # field -> column (or None): what ingest would use without a mapping


def table_preview(name: str, content: bytes, *, rows: int = PREVIEW_ROWS) -> TablePreview:
    """The columns and first ``rows`` of a table upload; :class:`ingest.IngestError` naming the
    reason when it cannot be read as one."""
    suffix = Path(name).suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise ingest.IngestError(f"{name}: not a table ({', '.join(TABLE_SUFFIXES)})")
    text = ingest.decode_bytes(content, stray_nuls=suffix not in ingest.JSON_SUFFIXES)
    if suffix in (".csv", ".tsv"):
        csv.field_size_limit(len(content) + 1)
        reader = csv.DictReader(
            io.StringIO(text, newline=""), delimiter=ingest.csv_delimiter(text, suffix)
        )
        records = [r for _, r in zip(range(rows), reader, strict=False)]
        columns = [c for c in (reader.fieldnames or []) if c is not None]
    else:
        records = _json_records(text, jsonl=suffix in ingest.JSONL_SUFFIXES, name=name)[:rows]
        columns = list(dict.fromkeys(str(k) for r in records if isinstance(r, dict) for k in r))
    if not columns:
        raise ingest.IngestError(f"{name}: no columns found")
    frame = pd.DataFrame(
        [{c: _cell(r.get(c)) for c in columns} for r in records if isinstance(r, dict)],
        columns=columns,
    )
    guessed = {f: ingest._find_column(columns, f, {}) for f in FIELDS}
    if guessed.get("text") is None:  # as analyze does: the field holding the most text
        guessed["text"] = ingest._guess_text_field(records, {})
    return TablePreview(tuple(columns), frame, guessed)


def _json_records(text: str, *, jsonl: bool, name: str) -> list:
    # read as `analyze` reads them: one pretty-printed document under a .jsonl name
    if jsonl and _first_line_unreadable(text) and ingest.one_json_document(text):
        jsonl = False
    if jsonl:  # each line its own JSON: the error names the line (json's own says line 1)
        records = []
        for lineno, line in enumerate(text.splitlines()[:50], 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                problem = ingest.json_problem(exc, unit="line")
                raise ingest.IngestError(
                    f"{name}: invalid JSON on line {lineno} ({problem})"
                ) from None
            except RecursionError:  # had ended the Data page in a traceback
                raise ingest.IngestError(
                    f"{name}: invalid JSON on line {lineno} ({ingest.TOO_DEEP})"
                ) from None
        return records
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and ingest.json_lines(text):  # JSON Lines under a .json name
            return _json_records(text, jsonl=True, name=name)
        raise ingest.IngestError(f"{name}: invalid JSON ({ingest.json_problem(exc)})") from None
    except RecursionError:
        raise ingest.IngestError(f"{name}: invalid JSON ({ingest.TOO_DEEP})") from None
    try:
        return ingest.json_records(data)
    except ingest.IngestError as exc:
        raise ingest.IngestError(f"{name}: {exc}") from None


def _first_line_unreadable(text: str) -> bool:
    line = next((x for x in text.splitlines() if x.strip()), "")
    try:
        json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return True
    return False


# The longest file name most file systems take, in bytes (ext4's NAME_MAX).
MAX_NAME_BYTES = 255


def saved_name(name: str) -> str:
    """The name to save an upload ``name`` under in its own temporary folder: its last part
    (never a path), the stem cut to fit MAX_NAME_BYTES with the suffix kept (it decides how the
    file is read). A page saved under its 300-character headline had ended the whole upload in
    "File name too long"; messages still name the file as uploaded."""
    name = Path(name.replace("\x00", "")).name
    if name in ("", ".", ".."):  # no file's name: the uploader refuses these, a caller may not
        name = "upload"
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    suffix = Path(name).suffix
    if len(suffix.encode("utf-8")) > 16:  # no suffix presslens reads is this long
        suffix = ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    return stem.encode("utf-8")[:room].decode("utf-8", "ignore") + suffix


def _cell(value, width: int = 120) -> str:
    text = ingest.field_text(value)  # NewsAPI's source cell had read "{'id': None, 'name': …}"
    return text if len(text) <= width else text[: width - 1] + "…"


def relabel(
    articles: list[Article], *, tmp_root: str, names: dict[str, str], published: str | None = None
) -> list[Article]:
    """``articles`` read from files under ``tmp_root`` with ``path`` = ``upload:NAME`` (plus the
    ``:row N`` / ``:item N`` a table adds), ``names`` mapping each temporary file path to the name
    the user uploaded; a ``url`` inside ``tmp_root`` is dropped; ``published`` (YYYY-MM-DD)
    dates articles that have no date of their own (plain text and HTML)."""
    out = []
    for art in articles:
        path = art.path or ""
        for tmp_path, name in names.items():
            if path.startswith(tmp_path):
                path = "upload:" + name + path[len(tmp_path) :]
                break
        else:
            if path.startswith(tmp_root):
                path = "upload:" + Path(path).name
        url = art.url if art.url and tmp_root not in art.url else None
        out.append(
            dataclasses.replace(
                art, path=path, url=url, published=art.published or published or None
            )
        )
    return out
