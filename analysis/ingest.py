"""Reading articles from files, folders, globs and exports into raw, uncleaned documents.

Supported inputs: ``.txt`` (first line = title) and ``.md`` (the same, its markup taken off), ``.html`` (main text and metadata through
trafilatura), ``.json`` (one object, a list, or an object holding an ``articles`` list — a presslens
export reads back — or an API's reply wrapping one), ``.jsonl``, and ``.csv`` (separated by commas,
semicolons, tabs or bars; columns title/text/date/source/url, other names mapped with
``field_map``, globally or per input through :class:`FieldMaps`). Archives are refused by name. A text field that is a
list of paragraphs (nested or not, or a string holding such a list literal, as some scrapers
export) becomes paragraphs separated by blank lines; when a record has no known text field, its
longest text-like field is read, and the document says which (``extra["text_field"]``). Bytes are
decoded as UTF-8 when they are UTF-8 and otherwise through charset-normalizer's detection. Every problem becomes an :class:`IngestError` with one human-readable
reason; the caller turns it into a :class:`~analysis.records.Failure` and carries on with the batch.
"""

from __future__ import annotations

import ast
import codecs
import csv
import errno
import fnmatch
import glob
import io
import json
import logging
import math
import os
import re
import stat
import tomllib
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from analysis.records import Failure

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
MARKDOWN_SUFFIXES = {".md"}  # read as text once their markup is taken off (markdown_as_text)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
# Office and e-book documents, named on the command line: a file of another suffix is read as
# plain text (a story saved without one), but these are containers of their own, which came out
# as "binary file (NUL byte …)" or, for a zipped .docx, "no article text left after cleaning".
DOCUMENT_SUFFIXES = frozenset(
    {".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".xls", ".xlsx", ".ods", ".ppt", ".pptx"}
)
# Compressed archives: their bytes are no text (a .zip had read "binary file, not text (NUL byte
# at offset 5)"), and presslens does not unpack them; the message says what to do instead.
ARCHIVE_SUFFIXES = frozenset({".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar", ".zst"})
# Feeds: named when found in a folder, as archives and documents are (README lists XML among
# what is not read; a feed.xml beside the articles had been passed over unsaid).
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
# The first bytes of each kind, for an archive saved under another name ("articles.txt").
ARCHIVE_MAGIC = (
    (b"PK\x03\x04", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "Zstandard"),
)
# Sidecar metadata for a text file (``story.txt`` + ``story.meta.json``); never an article itself.
SIDECAR_SUFFIX = ".meta.json"

BYTES_PER_MB = 1024 * 1024  # --max-mb counts binary megabytes
DEFAULT_MAX_BYTES = 20 * BYTES_PER_MB
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
WESTERN_ENCODINGS_SET = frozenset(WESTERN_ENCODINGS)
# Column names seen in common news exports (Kaggle/GDELT/newsapi dumps, FA-KES), first match wins.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "content",
        "body",
        "article",
        "article_text",
        "story",
        "full_text",
        "maintext",
        "article_body",  # schema.org's articleBody, as JSON-LD scrapes carry it
    ),
    "title": ("title", "headline", "heading"),
    "published": (
        "published",
        "date",
        "publication_date",
        "pubdate",
        "date_publish",
        "published_at",
        "date_published",  # schema.org's datePublished
    ),
    "source": ("source", "outlet", "publisher", "site", "sitename", "source_name"),
    "url": ("url", "link", "href"),
    "tags": ("tags", "topics", "keywords", "categories"),
    "author": ("author", "authors", "byline"),
}


class IngestError(ValueError):
    """An input cannot be read; ``str(exc)`` is the reason shown to the user."""


@dataclass(frozen=True)
class FieldMaps:
    """Which column holds which field, for every input or per input.

    ``default`` applies to every input (``--map text=body``); each ``(pattern, mapping)`` of
    ``by_path`` applies on top of it to the inputs the pattern names (``--map
    exports/a.csv:text=body``, or a ``--map-file``): a path as given, a folder holding the
    file, or a glob, matched against the file's path as found, its name and its absolute path.
    Later entries win over earlier ones.
    """

    default: Mapping[str, str] = field(default_factory=dict)
    by_path: tuple[tuple[str, Mapping[str, str]], ...] = ()

    def for_path(self, path: Path) -> dict[str, str]:
        out = dict(self.default)
        for pattern, mapping in self.by_path:
            if _path_matches(path, pattern):
                out.update(mapping)
        return out

    def unmatched(self, paths: Iterable[Path]) -> list[str]:
        """The patterns that name none of ``paths`` (the files a run read), in order, once
        each: a mistyped path in ``--map PATH:FIELD=COLUMN`` or a ``--map-file`` otherwise
        left its columns unused without a word, the file read by its usual names."""
        left = list(dict.fromkeys(pattern for pattern, _ in self.by_path))
        for path in paths:
            if not left:
                break
            left = [pattern for pattern in left if not _path_matches(path, pattern)]
        return left


def _path_matches(path: Path, pattern: str) -> bool:
    absolute = str(path.resolve())
    target = Path(pattern).expanduser()
    if not any(ch in pattern for ch in "*?["):
        resolved = target.resolve()
        return (
            absolute == str(resolved) or resolved in path.resolve().parents or pattern == path.name
        )
    return any(
        fnmatch.fnmatch(candidate, pattern) or fnmatch.fnmatch(candidate, str(target.resolve()))
        for candidate in (str(path), path.name, absolute)
    )


def check_mapping(mapping: Mapping, where: str) -> dict[str, str]:
    """``mapping`` as ``{field: column}`` with every field known; ValueError naming ``where``."""
    if not isinstance(mapping, Mapping):
        raise ValueError(f"{where}: expected a table of FIELD = COLUMN, not {mapping!r}")
    unknown = [k for k in mapping if k not in FIELD_ALIASES]
    if unknown:
        raise ValueError(
            f"{where}: unknown field {unknown[0]!r} (one of {', '.join(FIELD_ALIASES)})"
        )
    bad = [k for k, v in mapping.items() if not isinstance(v, str) or not v.strip()]
    if bad:
        raise ValueError(f"{where}: the column for {bad[0]!r} must be a non-empty name")
    return {str(k): str(v).strip() for k, v in mapping.items()}


def read_map_file(path: str | Path) -> list[tuple[str, dict[str, str]]]:
    """A mapping file (``.json`` or ``.toml``): input path or glob → ``{field: column}``.
    Relative patterns are taken relative to the mapping file's folder. Raises ValueError with
    the line the user sees."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"--map-file {path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw) if path.suffix.lower() == ".toml" else json.loads(raw)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        kind = "TOML" if path.suffix.lower() == ".toml" else "JSON"
        raise ValueError(f"--map-file {path}: invalid {kind} ({exc})") from None
    if not isinstance(data, dict) or not data:
        raise ValueError(f"--map-file {path}: expected a table of PATH = {{FIELD = COLUMN}}")
    out = []
    for pattern, mapping in data.items():
        anchored = pattern if Path(pattern).is_absolute() else str(path.parent / pattern)
        out.append((anchored, check_mapping(mapping, f"--map-file {path}: {pattern!r}")))
    return out


@dataclass
class RawDocument:
    """One story as read from its input, before cleaning."""

    title: str
    text: str
    path: str
    source: str | None = None
    published: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    author: str | None = None
    extra: dict = field(default_factory=dict)
    # a record's place in its file ("feed.jsonl:line 3"), for a failure to name: None for a file
    # that is one article
    where: str | None = None


# -- finding inputs ---------------------------------------------------------------------------


def expand_inputs(paths: list[str | Path]) -> Iterator[Path | Failure]:
    """Yield every readable file under ``paths`` (files, folders recursively, globs), in order.

    Missing paths and globs matching nothing are yielded as :class:`Failure`; inside folders only
    files with a supported suffix are taken (hidden files and ``*.meta.json`` sidecars skipped).
    Each failure is yielded once: a locked subfolder met both as an argument and inside its
    parent had been named, and counted as failed, twice.
    """
    reported: set[tuple[str, str]] = set()
    for item in _expand_inputs(paths):
        if isinstance(item, Failure):
            key = (item.path, item.reason)
            if key in reported:
                continue
            reported.add(key)
        yield item


def _expand_inputs(paths: list[str | Path]) -> Iterator[Path | Failure]:
    seen: set[Path] = set()
    for raw in paths:
        raw = str(raw)
        if any(ch in raw for ch in "*?[") and not Path(raw).exists():
            shut: dict[Path, str] = {}
            matches = sorted(_glob(raw, shut))
            if not matches:
                yield Failure(raw, "no files match this pattern")
            for folder, problem in shut.items():  # ** passed over them unsaid
                yield Failure(str(folder), problem)
            candidates = [Path(m) for m in matches]
        else:
            candidates = [Path(raw)]
        for path in candidates:
            unreachable = _unreachable_problem(path)
            if unreachable is not None:
                yield Failure(str(path), unreachable)
            elif path.is_dir():
                shut = _shut_folders(path)
                if path in shut:
                    yield Failure(str(path), shut[path])
                    continue
                found = _folder_inputs(path)
                if not shut and not any(_wanted_in_folder(p) for p in found):
                    yield Failure(str(path), _empty_folder_problem(path))
                    found = []
                for p in found:
                    if p not in seen:
                        seen.add(p)
                        yield p
                for p in _unreadable_in_folder(path):
                    yield Failure(str(p), _not_a_file_problem(p))
                for folder, problem in shut.items():
                    yield Failure(str(folder), problem)
            elif path.is_file():
                if path not in seen:
                    seen.add(path)
                    yield path
            else:
                yield Failure(str(path), _not_a_file_problem(path))


def _unreachable_problem(path: Path) -> str | None:
    """Why ``path`` cannot even be looked at, or None: a file inside a folder the user may not
    enter raised PermissionError from ``is_dir()``, a traceback that ended the whole run."""
    try:
        path.stat()
    except PermissionError as exc:
        return f"cannot read ({exc.strerror or exc}: a folder on its path may not be entered)"
    except OSError:
        return None  # missing, a broken link or a loop: _not_a_file_problem names which
    return None


def _shut_folders(folder: Path) -> dict[Path, str]:
    """The folders under ``folder`` (itself included) that cannot be listed, with the reason:
    ``rglob`` passes over them in silence, so a folder of articles the user may not read had been
    "a folder that holds no supported files", and one such subfolder had gone unsaid."""
    shut: dict[Path, str] = {}

    def note(exc: OSError) -> None:
        shut[Path(exc.filename or folder)] = f"cannot read this folder ({exc.strerror or exc})"

    for _ in os.walk(folder, onerror=note):
        pass
    return shut


def _glob(pattern: str, shut: dict[Path, str] | None = None) -> list[str]:
    """``glob.glob(pattern, recursive=True)``, except that ``**`` never enters a directory twice:
    the standard glob follows symbolic links into directories, so a link to a parent (``..``)
    makes ``L/**/*.txt`` run on without end. Directories are walked once each, by identity;
    those ``**`` cannot list go into ``shut``, with the reason."""
    if "**" not in pattern:
        return glob.glob(pattern)
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if any(ch in part for ch in "*?["))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    wanted = parts[fixed:]
    found = []
    seen: set[tuple[int, int]] = set()

    def note(exc: OSError) -> None:
        if shut is not None:
            shut[Path(exc.filename or root)] = f"cannot read this folder ({exc.strerror or exc})"

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=note):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:
            dirnames[:] = []  # a directory met again through a link: its contents are listed
            continue
        seen.add((st.st_dev, st.st_ino))
        rel = Path(dirpath).relative_to(root).parts
        for name in dirnames + filenames:
            if _segments_match(wanted, (*rel, name)):
                found.append(str(Path(dirpath, name)) if fixed else str(Path(*rel, name)))
    return found


def _segments_match(pattern: tuple[str, ...], path: tuple[str, ...]) -> bool:
    """Glob matching of path segments, ``**`` standing for any number of them (hidden names
    are matched only by patterns that start with a dot, as glob does)."""
    if not pattern:
        return not path
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(
            _segments_match(rest, path[i:])
            for i in range(len(path) + 1)
            if not any(p.startswith(".") for p in path[:i])
        )
    if not path or (path[0].startswith(".") and not head.startswith(".")):
        return False
    return fnmatch.fnmatchcase(path[0], head) and _segments_match(rest, path[1:])


def _page_resource(path: Path, root: Path) -> bool:
    """Whether ``path`` lies in the folder a browser saves beside a page ("Save page as…,
    complete": ``Ferry.html`` and ``Ferry_files/``), below ``root``: its ad frames, widgets
    and manifests had been read as articles ("Newsletter") or named as failures."""
    for folder in path.relative_to(root).parents:
        name = folder.name
        if name.endswith("_files"):
            stem = name[: -len("_files")]
            if any((root / folder.parent / f"{stem}{ext}").is_file() for ext in HTML_SUFFIXES):
                return True
    return False


def _empty_folder_problem(folder: Path) -> str:
    """Why a folder gave no input, naming the archives and documents it holds: a folder of one
    downloaded ``articles.zip`` had only listed the suffixes presslens reads, leaving the user to
    guess that the archive was passed over and must be extracted first."""
    problem = f"folder holds no supported files ({', '.join(sorted(SUPPORTED_SUFFIXES))})"
    held = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    archives = [p.name for p in held if p.suffix.lower() in ARCHIVE_SUFFIXES]
    documents = [p.name for p in held if p.suffix.lower() in DOCUMENT_SUFFIXES]
    if archives:
        what = (
            "them and analyse what they hold"
            if len(archives) > 1
            else "it and analyse what it holds"
        )
        problem += (
            f"; it holds {_some_names(archives)}, which presslens does not unpack: extract {what}"
        )
    if documents:
        problem += f"; it holds {_some_names(documents)}: save the text as .txt or .html first"
    feeds = [p.name for p in held if p.suffix.lower() in FEED_SUFFIXES]
    if feeds:
        problem += (
            f"; it holds {_some_names(feeds)}, XML (feeds?) which presslens does not read: save "
            "the articles' pages as .html, or export them as JSON or CSV"
        )
    return problem


def _some_names(names: list[str], shown: int = 3) -> str:
    """``a.zip, b.zip and 4 more``: enough names to recognise, never a screenful."""
    listed = ", ".join(names[:shown])
    return f"{listed} and {len(names) - shown} more" if len(names) > shown else listed


def _folder_inputs(folder: Path) -> list[Path]:
    """The files of ``folder`` (recursively) to read — and the archives and documents beside
    them, which reading refuses, each with its own line: a folder of articles and a .zip had
    read the articles and passed over the archive without a word."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and (_wanted_in_folder(p) or _refused_in_folder(p))
        and not _page_resource(p, folder)
    )


def _unreadable_in_folder(folder: Path) -> list[Path]:
    """The entries of ``folder`` named as articles (``x.txt``) that are no files to read: a
    symbolic link whose target is gone, a named pipe. They had been passed over unsaid (a
    pipe, opened, would wait for a writer for ever)."""
    return sorted(
        p
        for p in folder.rglob("*")
        if _wanted_in_folder(p)
        and not p.is_file()
        and (p.is_symlink() or p.exists())
        and not p.is_dir()
    )


def _not_a_file_problem(path: Path) -> str:
    """Why ``path``, which is no regular file, is not read."""
    if path.is_symlink() and not path.exists():
        if _link_loops(path):  # "which does not exist" of two links naming each other misled
            return (
                f"a symbolic link that never reaches a file (to {os.readlink(path)}, "
                "which leads back round to it)"
            )
        return f"a broken symbolic link (to {os.readlink(path)}, which does not exist)"
    if not path.exists():
        return "no such file or folder"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    kind = (
        "a named pipe" if stat.S_ISFIFO(mode)
        else "a socket" if stat.S_ISSOCK(mode)
        else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "no regular file"
    )  # fmt: skip
    return f"not a regular file ({kind}), which presslens does not read"


def _link_loops(path: Path) -> bool:
    """Whether following the links from ``path`` comes round again (or runs too deep)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _refused_in_folder(path: Path) -> bool:
    """An archive or a document: what a user would take to be read with the folder's articles
    (a folder's images, style sheets and such pass unnamed: no one expects articles of them)."""
    suffix = path.suffix.lower()
    hidden = path.name.startswith(".")
    refused = ARCHIVE_SUFFIXES | DOCUMENT_SUFFIXES | FEED_SUFFIXES
    return not hidden and suffix in refused


def _wanted_in_folder(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
        return False
    return path.suffix.lower() in SUPPORTED_SUFFIXES


# -- reading one file -------------------------------------------------------------------------


def _megabytes(size: int) -> str:
    """``size`` in the unit ``--max-mb`` counts (2**20 bytes), to three significant digits: the
    message once divided by 10**6 and rounded to whole megabytes, so the default limit read "21 MB"
    and a limit under half a megabyte "0 MB", with the file beside it "0.0 MB"."""
    return f"{size / BYTES_PER_MB:.3g}"


def read_file(
    path: Path,
    *,
    field_map: Mapping[str, str] | FieldMaps | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[RawDocument], list[Failure]]:
    """Read one file into raw documents; failures of single records (a bad JSONL line, an empty
    CSV row) come back alongside. Raises :class:`IngestError` when the whole file is unusable.
    ``field_map`` names the columns of fields, for every file or per file (:class:`FieldMaps`)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"cannot read ({exc.strerror or exc})") from None
    if size == 0:
        raise IngestError("empty file")
    refused = refusal_by_name(path)
    if refused is not None:
        raise IngestError(refused)
    if size > max_bytes:
        raise IngestError(
            f"file too large ({_megabytes(size)} MB; the limit is {_megabytes(max_bytes)} MB — "
            "split it or raise --max-mb)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read ({exc.strerror or exc})") from None
    archive = next((kind for magic, kind in ARCHIVE_MAGIC if data.startswith(magic)), None)
    if archive is not None:
        raise IngestError(_archive_problem(f"{archive} archive"))
    suffix = path.suffix.lower()
    text = decode_bytes(data, stray_nuls=suffix in CSV_SUFFIXES or suffix in JSONL_SUFFIXES)
    if not text.strip():
        raise IngestError("empty file (only whitespace)")
    if isinstance(field_map, FieldMaps):
        fmap = field_map.for_path(path)
    else:
        fmap = dict(field_map or {})
    if suffix in HTML_SUFFIXES or (suffix not in SUPPORTED_SUFFIXES and _looks_like_html(text)):
        return [_read_html(text, path)], []
    if _opens_as_html(text):
        if suffix in TEXT_SUFFIXES:  # a page saved as .txt: its markup had been the article
            return [_read_html(text, path)], []
        raise IngestError(  # a scraper's error page saved under the export's name
            f"an HTML page, not {suffix.lstrip('.').upper()} (name it .html to read it as a page)"
        )
    if _opens_as_feed(text, suffix) and not _looks_like_html(text):
        raise IngestError(
            "XML (an RSS or Atom feed?), which presslens does not read; save the articles' "
            "pages as .html, or export them as JSON or CSV"
        )
    if suffix in JSON_SUFFIXES:
        return _read_json(text, path, fmap)
    if suffix in JSONL_SUFFIXES:
        return _read_jsonl(text, path, fmap)
    if suffix in CSV_SUFFIXES:
        return _read_csv(text, path, fmap, delimiter=csv_delimiter(text, suffix))
    text = unix_lines(text)
    if suffix in MARKDOWN_SUFFIXES:
        text = markdown_as_text(text)
    return [_read_txt(text, path)], []


# Line ends other than "\n": Windows' "\r\n", the old Mac's lone "\r", Unicode's line and
# paragraph separators (what some exporters write for a line break and a paragraph). A text file
# saved with lone "\r" or with U+2028 had no first line: its headline was read as the body's
# first words and the file's name taken for its title.
_LINE_ENDS = re.compile("\r\n?|\u2028|\u2029")


def unix_lines(text: str) -> str:
    """``text`` with every line end a "\\n" (a paragraph separator a blank line)."""
    return _LINE_ENDS.sub(lambda m: "\n\n" if m.group() == "\u2029" else "\n", text)


def refusal_by_name(path: Path) -> str | None:
    """Why a file named ``path`` is not read, by its suffix alone (an archive, an office
    document), or None: the dashboard's uploader says it at once, not after an analysis."""
    suffix = path.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        return (
            f"a {suffix} document, which presslens does not read; save its text as "
            f".txt or .html first (presslens reads {', '.join(sorted(SUPPORTED_SUFFIXES))})"
        )
    if suffix in ARCHIVE_SUFFIXES:
        # "a .tar.gz", not "a .gz": the name the user gave it
        tar = Path(path.stem).suffix.lower() == ".tar"
        return _archive_problem(".tar" * tar + suffix)
    return None


def _archive_problem(kind: str) -> str:
    article = "an" if kind[:1].lower() in "aeiox" else "a"  # "an .xz", "a ZIP", "a .gz"
    return (
        f"{article} {kind}, which presslens does not unpack; extract it and analyse what it holds"
    )


def decode_bytes(data: bytes, *, stray_nuls: bool = False) -> str:
    """Bytes → str: UTF-8 (BOM or not) when valid, UTF-16 by BOM, else detected encoding.

    Raises :class:`IngestError` for binary content or bytes no encoding explains. With
    ``stray_nuls`` (a table, read row by row), a few NUL bytes are kept for the rows that hold
    them to be refused (:data:`NUL_ROW`), not the whole table.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise IngestError(
                "undecodable bytes (UTF-16 byte-order mark, invalid UTF-16)"
            ) from None
    bomless = _bomless_utf16(data)
    if bomless is not None:
        try:
            return data.decode(bomless)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: refused below for its NUL bytes
    # A NUL byte never belongs in a news text, wherever it falls (only its position in the
    # first 8 KB used to count): the file is refused, with the place named.
    nul = data.find(b"\x00")
    if nul >= 0 and not (stray_nuls and data.count(b"\x00") <= 1 + len(data) // STRAY_NUL_BYTES):
        raise IngestError(f"binary file, not text (NUL byte at offset {nul:,})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if UTF8_SEQUENCE.search(data):
        # Valid UTF-8 beside bytes that are not: a file pasted together from two sources. Each
        # undecodable run is read as Windows-1252 (what such runs nearly always are), so both
        # halves come out right instead of the whole file being guessed as one code page.
        codecs.register_error(MIXED_ERRORS, _cp1252_segment)  # idempotent
        try:
            text = data.decode("utf-8-sig", errors=MIXED_ERRORS)
        except UnicodeDecodeError:
            pass  # bytes Windows-1252 does not assign: not that mix; detect below
        else:
            log.info("mixed UTF-8 and Windows-1252 bytes; decoded segment by segment")
            return text
    from charset_normalizer import from_bytes  # imported lazily: only non-UTF-8 input needs it

    matches = list(from_bytes(data))
    if not matches or min(m.chaos for m in matches) > 0.3:
        raise IngestError("undecodable bytes (not UTF-8, and no text encoding fits)")
    best = min(matches, key=lambda m: m.chaos)
    # Short Western texts fit several code pages equally well; news in English and its neighbours
    # is overwhelmingly Windows-1252, so it wins a near tie (cp1250 would turn "à" into "ŕ").
    # A match stands for every code page that decodes the bytes alike (could_be_from_charset):
    # Windows-1252 is often listed under "cp1250" only, and a short Latin-1 CSV had come out
    # as Baltic cp775, "Café Müller" as "Cafķ M³ller".
    for match in matches:
        western = WESTERN_ENCODINGS_SET.intersection(match.could_be_from_charset)
        if western and match.chaos <= best.chaos + 0.05:
            for encoding in (e for e in WESTERN_ENCODINGS if e in western):
                try:
                    text = data.decode(encoding)
                except UnicodeDecodeError:
                    continue
                log.info("decoded with detected encoding %s", encoding)
                return text
    log.info("decoded with detected encoding %s", best.encoding)
    return str(best)


# The export schema this presslens writes (analysis.export.SCHEMA is this one), and reads the
# articles of. An export of another version had been read without a word: its articles' fields
# may be named otherwise, and the run's closing line says so.
EXPORT_SCHEMA = "presslens/1"


# A table with at most one NUL byte in this many is text with a stray NUL or two (a scraper's
# cell): only the rows holding one are refused. A 10,000-row export had been refused whole for
# one NUL in one cell. Binary data holds NULs far more densely.
STRAY_NUL_BYTES = 1000
NUL_ROW = "a NUL byte in this row: binary data, not text"


# A well-formed multi-byte UTF-8 sequence (2, 3 or 4 bytes).
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
MIXED_ERRORS = "presslens-cp1252"


def _bomless_utf16(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 saved without its byte-order mark (as some
    Windows tools save "Unicode" text), else None: Latin letters then have a NUL byte beside
    each, on one side only. Such a file had been refused as "binary file, not text"."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.7 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.7 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _cp1252_segment(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 could not decode, read as Windows-1252. A byte that
    Windows-1252 leaves unassigned means the file is not that mix: the error stands."""
    chunk = exc.object[exc.start : exc.end]
    return chunk.decode("cp1252"), exc.end


def _opens_as_html(text: str) -> bool:
    """Whether ``text`` begins as an HTML page does (a doctype or ``<html``): never a story's
    or an export's first characters."""
    head = text.lstrip("\ufeff \t\r\n")[:20].lower()
    return head.startswith(("<!doctype html", "<html"))


def _opens_as_feed(text: str, suffix: str) -> bool:
    """XML, or a feed without its ``<?xml`` line (``<rss version="2.0">``), which had been read
    as the text of one article, its tags and all."""
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return head.startswith("<?xml") or (
        (suffix in FEED_SUFFIXES or suffix not in SUPPORTED_SUFFIXES)
        and head.startswith(("<rss", "<feed", "<rdf:rdf"))
    )


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head


# Markdown's markup, taken off so that the title is "Harbour pilots warn", not "# Harbour…", and
# no "**" or link target stands in a sentence the extractors read.
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)", re.MULTILINE)
_MD_TRAILING_HASHES = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_MD_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"  # **bold**, __bold__
    r"|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)"  # *italics*, not 2*3*4
    r"|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"  # _italics_, not snake_case
)
_MD_CODE = re.compile(r"`([^`\n]+)`")


def markdown_as_text(text: str) -> str:
    """A Markdown article as plain text: headings, block quotes and rules unmarked, links and
    images as their words, bold, italics and code as their text; paragraphs kept."""
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_RULE.sub("", text)
    text = _MD_LINE_MARK.sub("", text)
    text = _MD_TRAILING_HASHES.sub("", text)
    text = _MD_CODE.sub(r"\1", text)
    return _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4), text)


def _read_txt(text: str, path: Path) -> RawDocument:
    lines = text.lstrip("\ufeff").strip().split("\n", 1)
    title = lines[0].strip()
    body = lines[1] if len(lines) > 1 else ""
    if not body.strip():
        if _is_headline(title):
            raise IngestError(f"only a headline (“{title}”), no article text under it")
        # A one-line file is all body: no title to take from it.
        title, body = path.stem, title
    doc = RawDocument(title=title, text=body, path=str(path))
    _apply_sidecar(doc, path)
    return doc


# What ends a sentence, closing quotes and brackets after it allowed: a line that ends so is a
# story written on one line, not a headline.
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
HEADLINE_MAX_WORDS = 20


def _is_headline(line: str) -> bool:
    """Whether a file's only line is a headline: short, and not ending as a sentence does. Such
    a file had been stored as an article whose text was its headline and whose title was the
    file's name."""
    return len(line.split()) <= HEADLINE_MAX_WORDS and not _SENTENCE_END.search(line.strip())


def _read_sidecar(sidecar: Path):
    """The JSON a sidecar holds, or None (said on stderr): in any encoding, as the articles are
    (one saved by Notepad in Windows-1252 had been "'utf-8' codec can't decode byte 0xe9"), and
    a broken one said as an export's JSON is, not in Python's words ("Expecting value: line 2
    column 1 (char 41)")."""
    try:
        return json.loads(decode_bytes(sidecar.read_bytes()))
    except OSError as exc:
        problem = f"cannot read ({exc.strerror or exc})"
    except IngestError as exc:
        problem = str(exc)
    except json.JSONDecodeError as exc:
        problem = f"invalid JSON ({json_problem(exc)})"
    except (ValueError, RecursionError) as exc:
        problem = f"invalid JSON ({exc})"
    log.warning("%s: ignoring unreadable sidecar: %s", sidecar, problem)
    return None


def _apply_sidecar(doc: RawDocument, path: Path) -> None:
    """Fill metadata from ``<name>.meta.json`` beside a text file, when present."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    try:
        if not sidecar.is_file():
            return
    except OSError:  # a stem of near 255 bytes has no room for the suffix: no sidecar
        return
    meta = _read_sidecar(sidecar)
    if meta is None:
        return
    if not isinstance(meta, dict):
        log.warning("%s: ignoring sidecar that is not a JSON object", sidecar)
        return
    # Read as the fields of an export's record are: "tags": "harbour, council" is two tags (it
    # had been one tag per letter), a list of authors one name, a number as text.
    doc.title = _as_text(meta.get("title")).strip() or doc.title
    doc.source = _as_text(meta.get("source")).strip() or doc.source
    doc.url = _as_text(meta.get("url")).strip() or doc.url
    doc.author = _as_text(meta.get("author")).strip() or doc.author
    published = meta.get("published")
    if published not in (None, ""):
        doc.published = normalise_date(published) or doc.published
        if normalise_date(published) is None:
            log.warning("%s: ignoring published %r (not a date)", sidecar, published)
    doc.tags = _as_tags(meta.get("tags")) or doc.tags


def _read_html(text: str, path: Path) -> RawDocument:
    import trafilatura  # imported lazily: heavy, and only HTML needs it
    from trafilatura.settings import set_date_params

    deep = _deep_page(text)
    extracted = trafilatura.bare_extraction(
        text if deep is None else deep,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Without the extensive search: its last resort, a bare year such as the footer's
        # "Copyright 2026", had dated a page that gives no date 2026-01-01. Dates in the page's
        # metadata, <time> elements, its URL and a byline are found without it.
        date_extraction_params=set_date_params(extensive=False),
    )
    meta = _page_fields(extracted)
    body = meta.get("text", "").strip()
    if len(body.split()) < 5:
        raise IngestError("HTML page with no article text")
    title = (meta.get("title") or "").strip()
    lines = body.split("\n")
    if title and lines and lines[0].strip() == title:
        lines = lines[1:]  # trafilatura repeats the headline as the first line of the text
    share = _link_share(lines, text)
    if share is not None:
        raise IngestError(
            f"a page of links, not an article ({share:.0%} of its text is the text of links, "
            "as on a home or section page); save the article's own page"
        )
    tags = tuple(t for t in (meta.get("tags") or []) + (meta.get("categories") or []) if t)
    return RawDocument(
        title=title or path.stem,
        # trafilatura separates paragraphs by one newline; the cleaner expects blank lines.
        text="\n\n".join(line for line in lines if line.strip()),
        path=str(path),
        source=meta.get("sitename") or meta.get("hostname"),
        published=normalise_date(meta.get("date")),
        url=meta.get("url"),
        tags=tags,
        author=meta.get("author"),
    )


# libxml2 drops what lies deeper than this many elements (unless told otherwise): a page of
# tags never closed (an old page's <font> per paragraph) had kept its first 127 paragraphs of
# 300, unsaid, or, deeper still, been refused as "HTML page with no article text".
LIBXML_DEPTH = 255


def _deep_page(text: str):
    """The page parsed with libxml2's depth limit raised (to 2,048) when it nests deeper than
    the usual limit, else None (the usual reading is the one trafilatura makes itself)."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    except (ValueError, lxml.etree.ParserError):
        return None
    depth = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > LIBXML_DEPTH:
            return tree
    return None


def _page_fields(extracted) -> dict:
    """trafilatura's extraction as a dict of its fields (empty when it found nothing)."""
    meta = extracted.as_dict() if extracted is not None else {}
    meta["text"] = meta.get("text") or ""
    return meta


# A page whose text is this share or more whole lines that are links' text, at least LINK_LINES
# of them, and no paragraph of PARAGRAPH_WORDS words besides, lists other pages: a home page's
# "Latest news" with its menu and headlines had been stored as an article. An article's "Read
# more" and related links are a line or two, beside paragraphs of its own.
LINK_SHARE = 0.3
LINK_LINES = 3
PARAGRAPH_WORDS = 30


def _link_share(lines: list[str], html: str) -> float | None:
    """The share of ``lines``' characters that are whole links' texts, when it marks a page of
    links (:data:`LINK_SHARE`, :data:`LINK_LINES`, :data:`PARAGRAPH_WORDS`); else None."""
    import lxml.html  # trafilatura's own parser

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    links = {" ".join(a.text_content().split()) for a in tree.iter("a")} - {""}
    texts = [" ".join(line.split()).lstrip("-•* ") for line in lines if line.strip()]
    linked = [t for t in texts if t in links]
    if any(len(t.split()) >= PARAGRAPH_WORDS for t in texts if t not in links):
        return None
    total = sum(len(t) for t in texts)
    share = sum(len(t) for t in linked) / total if total else 0.0
    return share if len(linked) >= LINK_LINES and share >= LINK_SHARE else None


# Python's JSON reader recurses once per level: a file of 100,000 "[" had ended in a
# RecursionError and its traceback. No article nests that deep.
TOO_DEEP = "nested too deeply to be an export of articles"


def json_problem(exc: json.JSONDecodeError, *, unit: str = "file") -> str:
    """What is wrong with a JSON ``unit`` (a file, or a line of JSON Lines), said for a
    person: where, and — when it stops before its JSON does — that it looks cut off. Python's
    own words had read "invalid JSON (line 1, column 29: Unterminated string starting at)" of
    an export cut off mid-sentence."""
    doc = exc.doc if isinstance(exc.doc, str) else ""
    where = (f"line {exc.lineno}, " if unit == "file" else "") + f"column {exc.colno}"
    if exc.msg.startswith("Unterminated string"):
        return f"{where}: a string opened there is never closed (the {unit} may be cut off)"
    if doc.strip() and not doc[exc.pos :].strip():
        return (
            f"{where}: the {unit} ends before its JSON does ({exc.msg[:1].lower()}"
            f"{exc.msg[1:]}; it may be cut off)"
        )
    return f"{where}: {exc.msg}"


def _read_json(text: str, path: Path, fmap: dict) -> tuple[list[RawDocument], list[Failure]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and json_lines(text):  # JSON Lines saved as .json
            return _read_jsonl(text, path, fmap)
        raise IngestError(f"invalid JSON ({json_problem(exc)})") from None
    except RecursionError:
        raise IngestError(f"invalid JSON ({TOO_DEEP})") from None
    records = json_records(data, fmap)
    if not records:  # had read as nothing at all, without a word
        raise IngestError("no articles in it (an empty list)")
    docs, failures = _records_to_docs(records, path, fmap, what="item")
    schema = data.get("schema") if isinstance(data, dict) else None
    if isinstance(schema, str) and schema.startswith("presslens/") and schema != EXPORT_SCHEMA:
        for doc in docs:  # said once in the run's closing line (load_articles)
            doc.extra["schema"] = schema
    return docs, failures


def json_records(data, fmap: Mapping[str, str] | None = None) -> list:
    """The records a JSON export holds: a list; an object's ``articles`` list; the one list of
    articles an API's reply wraps (``{"status": "ok", "data": {"results": [...]}}``), found
    within two levels when the object is no article itself; else the object as one article.
    A wrapped list had been read as one article, its stories run together."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise IngestError("JSON holds neither an article object nor a list of them")
    if isinstance(data.get("articles"), list):
        return data["articles"]
    fmap = fmap or {}
    keys = [str(k) for k in data]
    if any(_find_column(keys, name, fmap) for name in ("text", "title")):
        return [data]
    wrapped = _article_lists(data, fmap)
    return wrapped[0] if len(wrapped) == 1 else [data]


# The fields that make a list's objects articles rather than an article's paragraphs
# ({"text": "…"} each): a headline, a date or a link.
_ARTICLE_FIELDS = ("title", "published", "url")


def _article_lists(data: dict, fmap: Mapping[str, str], depth: int = 2) -> list[list]:
    found = []
    for value in data.values():
        if isinstance(value, dict) and depth > 1:
            found += _article_lists(value, fmap, depth - 1)
        elif _holds_articles(value, fmap):
            found.append(value)
    return found


def _holds_articles(value, fmap: Mapping[str, str]) -> bool:
    """Whether ``value`` is a list of objects, one at least with a headline, date or link."""
    if not (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)):
        return False
    return any(
        _find_column([str(k) for k in item], name, fmap)
        for item in value
        for name in _ARTICLE_FIELDS
    )


def json_lines(text: str) -> bool:
    """Whether every line of ``text`` that holds anything is an object of its own (JSON Lines,
    as many exports write them under a .json name: it had been "invalid JSON (Extra data)")."""
    try:
        return all(isinstance(json.loads(line), dict) for line in text.splitlines() if line.strip())
    except (json.JSONDecodeError, RecursionError):
        return False


def one_json_document(text: str) -> bool:
    """Whether ``text`` as a whole is a JSON list or object (one export, not one per line)."""
    try:
        return isinstance(json.loads(text), list | dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _read_jsonl(text: str, path: Path, fmap: dict) -> tuple[list[RawDocument], list[Failure]]:
    records: list = []
    failures: list[Failure] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((lineno, json.loads(line)))
        except json.JSONDecodeError as exc:
            problem = json_problem(exc, unit="line")
            failures.append(Failure(f"{path}:line {lineno}", f"invalid JSON ({problem})"))
        except RecursionError:
            failures.append(Failure(f"{path}:line {lineno}", f"invalid JSON ({TOO_DEEP})"))
    if not records and failures:
        if one_json_document(text):  # pretty-printed JSON saved as .jsonl: its lines are no JSON
            return _read_json(text, path, fmap)
        raise IngestError(f"no valid JSON line ({len(failures)} invalid)")
    docs, more = _records_to_docs(
        [r for _, r in records], path, fmap, what="line", numbers=[n for n, _ in records]
    )
    return docs, failures + more


def _read_csv(
    text: str, path: Path, fmap: dict, *, delimiter: str
) -> tuple[list[RawDocument], list[Failure]]:
    # The csv module, not pandas: it streams, keeps every cell a string, and handles quoted
    # newlines inside article bodies.
    csv.field_size_limit(DEFAULT_MAX_BYTES * 4)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        records = list(reader)
    except csv.Error as exc:
        raise IngestError(f"malformed CSV ({exc})") from None
    columns = [c for c in (reader.fieldnames or []) if c is not None]
    if not columns:
        raise IngestError("CSV without a header row")
    if not records:  # had read as nothing at all, without a word
        raise IngestError(f"CSV with a header row and no rows under it ({', '.join(columns[:12])})")
    failures = []
    if records and _runs_to_the_end(text, records[-1]):
        failures.append(
            Failure(
                f"{path}:row {len(records) + 1}",
                "a quote opened in this row is never closed, so the rest of the file ran into "
                "one cell (the file may be cut off, or a quote be missing)",
            )
        )
        records.pop()
    _refuse_a_field_named_twice(columns, fmap)
    if "text" in fmap and fmap["text"] not in columns:
        raise IngestError(
            f"CSV without the column {fmap['text']!r} that --map names for the text "
            f"(columns: {', '.join(columns[:12])})"
        )
    if _find_column(columns, "text", fmap) is None and _guess_text_field(records, fmap) is None:
        raise IngestError(
            f"CSV without a text column (columns: {', '.join(columns[:12])}); "
            "name it with --map text=COLUMN"
        )
    # Row numbers as a spreadsheet shows them: the header is row 1.
    docs, more = _records_to_docs(
        records, path, fmap, what="row", numbers=list(range(2, len(records) + 2))
    )
    return docs, more + failures


def _refuse_a_field_named_twice(columns: list[str], fmap: Mapping[str, str]) -> None:
    """Refuse a table whose header names a column it reads twice: the csv module keeps the
    last such cell of each row, unsaid. A sheet headed "text,text,title" had each row's second
    "text" (a note) read as the article, refused as "no article text left after cleaning"."""
    twice = {c for c in columns if columns.count(c) > 1}
    used = {_find_column(columns, name, fmap) for name in FIELD_ALIASES} & twice
    if used:
        name = sorted(used)[0]
        raise IngestError(
            f"CSV with {columns.count(name)} columns named “{name}”, which presslens cannot "
            "tell apart: rename all but the one to read"
        )


def _runs_to_the_end(text: str, last: Mapping) -> bool:
    """Whether the last row read holds a quote never closed: the csv module, lenient, reads such
    a cell to the end of the file, the rows after it run into it without a word (the file's
    quotes are then odd in number, and the cell holds line breaks)."""
    return text.count('"') % 2 == 1 and any(isinstance(v, str) and "\n" in v for v in last.values())


# The separators a spreadsheet writes between columns: Excel in much of Europe writes ";" (the
# comma is there the decimal sign), some database dumps "|".
CSV_DELIMITERS = (",", ";", "\t", "|")


def csv_delimiter(text: str, suffix: str = ".csv") -> str:
    """The column separator of a CSV export: the separator its header line holds most often —
    a comma when it holds none, a tab in a ``.tsv`` unless its header holds another one. A
    semicolon-separated export had been read with commas, each row one column, its header
    taken for the text field and its rows stored as articles whose title ran "Headline;Story…",
    without a word; a ".tsv" of "title;text" had been refused as "without a text column"."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in CSV_DELIMITERS}
    best = max(counts, key=counts.get)  # ties go to the earlier, the comma first
    tsv = suffix.lower() == ".tsv"
    if not counts[best] or tsv and counts["\t"]:
        return "\t" if tsv else ","  # a one-column .tsv keeps its commas in its text
    return best


def column_key(name: str) -> str:
    """A column's name as the aliases are matched: its letters and digits, lower-cased, so that
    "Publication Date", "publication-date" and "datePublished" read as their aliases."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _find_column(columns: list[str], name: str, fmap: Mapping[str, str]) -> str | None:
    if name in fmap:
        if fmap[name] in columns:
            return fmap[name]
        if name == "text":
            return None  # the text named and not there: a clear failure, not a guess
        # A metadata column one mapping names for several exports may be missing from some:
        # those keep their usual names.
    keyed: dict[str, str] = {}
    for column in columns:
        keyed.setdefault(column_key(column), column)  # the first of two that read alike
    for alias in FIELD_ALIASES[name]:
        if column_key(alias) in keyed:
            return keyed[column_key(alias)]
    return None


def _records_to_docs(
    records: list,
    path: Path,
    fmap: dict,
    *,
    what: str,
    numbers: list[int] | None = None,
) -> tuple[list[RawDocument], list[Failure]]:
    docs: list[RawDocument] = []
    failures: list[Failure] = []
    numbers = numbers or list(range(1, len(records) + 1))
    # One guess per file, so that every record of an export reads the same field.
    guessed = _guess_text_field(records, fmap)
    dayfirst = _writes_day_first(records, fmap)
    empty_in: set[str] = set()  # the text fields found empty
    for number, rec in zip(numbers, records, strict=True):
        where = f"{path}:{what} {number}"
        if not isinstance(rec, dict):
            failures.append(Failure(where, "not an object"))
            continue
        columns = [str(k) for k in rec]
        if not columns:
            failures.append(Failure(where, "an empty object"))
            continue
        if any(isinstance(v, str) and "\x00" in v for v in rec.values()):
            failures.append(Failure(where, NUL_ROW))
            continue
        col = {name: _find_column(columns, name, fmap) for name in FIELD_ALIASES}
        extra = {}
        if col["text"] is None and "text" not in fmap and guessed in rec:
            col["text"] = guessed
            extra["text_field"] = guessed
        if col["text"] is None:
            failures.append(
                Failure(
                    where,
                    f"no text field (fields: {', '.join(columns[:12])}); "
                    "name it with --map text=FIELD",
                )
            )
            continue
        value = rec.get(col["text"])
        if isinstance(value, bool | int | float):  # had been "no article text left after cleaning"
            failures.append(Failure(where, f"the text field “{col['text']}” holds a number"))
            continue
        body, truncated = _cut_short(as_body(value))
        if truncated:  # said in the closing line: only the export's first characters were read
            extra["truncated"] = True
        if not body.strip():
            failures.append(Failure(where, "empty text"))
            empty_in.add(col["text"])
            continue
        title = _as_text(rec.get(col["title"])) if col["title"] else ""
        given = _as_text(rec.get(col["published"])).strip() if col["published"] else ""
        published = _publication_day(given, dayfirst=dayfirst) if given else None
        if given and published is None:  # said in the run's closing line: not dropped unseen
            extra["unread_date"] = given[:40]
        docs.append(
            RawDocument(
                title=title.strip() or body.strip().split("\n", 1)[0][:120],
                text=body,
                path=str(path),
                source=_as_text(rec.get(col["source"])).strip() or None if col["source"] else None,
                published=published,
                url=_as_text(rec.get(col["url"])).strip() or None if col["url"] else None,
                tags=_as_tags(rec.get(col["tags"]), col["tags"]) if col["tags"] else (),
                author=_as_text(rec.get(col["author"])).strip() or None if col["author"] else None,
                extra=extra,
                where=where,
            )
        )
    # One line for a table whose text column is empty throughout, not one per row (a 10,000-row
    # export mapped to the wrong column had said "empty text" 10,000 times).
    if not docs and len(failures) > 1 and all(f.reason == "empty text" for f in failures):
        kind = "column" if what == "row" else "field"
        named = f" “{empty_in.pop()}”" if len(empty_in) == 1 else ""
        reason = f"the text {kind}{named} is empty in every {what} ({len(failures):,})"
        failures = [Failure(str(path), reason)]
    return docs, failures


# How far past today a record's date may lie: a story scheduled for tomorrow, an export's
# clock a day ahead. A typed "2999-01-01" had stretched every timeline across ten centuries.
FUTURE_DAYS = 366


def _publication_day(given: str, *, dayfirst: bool) -> str | None:
    """The day a record says it was published, or None when it names none — or one no story
    can have been published on yet (beyond FUTURE_DAYS from today)."""
    day = normalise_date(given, dayfirst=dayfirst)
    if day is not None and date.fromisoformat(day) > date.today() + timedelta(days=FUTURE_DAYS):
        return None
    return day


# A date in figures with slashes: day and month, in an order the export's own dates tell.
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/\d{2,4}\b")


def _writes_day_first(records: list, fmap: Mapping[str, str]) -> bool:
    """Whether an export writes its dates day first: one of them at least has a first number
    over 12 (13/06/2026), and none a second. Read month first, as the US writes them, a British
    export's 06/12/2026 had been 12 June while its 13/12/2026 beside it was 13 December."""
    firsts, seconds = set(), set()
    for rec in records:
        if not isinstance(rec, dict):
            continue
        column = _find_column([str(k) for k in rec], "published", fmap)
        match = _SLASHED.match(str(rec.get(column) or "")) if column else None
        if match:
            firsts.add(int(match[1]))
            seconds.add(int(match[2]))
    return max(firsts, default=0) > 12 and max(seconds, default=0) <= 12


def _guess_text_field(records: list, fmap: Mapping[str, str]) -> str | None:
    """The field holding the most text across ``records``, among those no other field claims
    (title, date, URL …), when no record has a known text field; None if nothing looks like
    text (a few words at least)."""
    dicts = [r for r in records if isinstance(r, dict)]
    if "text" in fmap or not dicts:
        return None
    totals: dict[str, int] = {}
    for rec in dicts:
        columns = [str(k) for k in rec]
        if _find_column(columns, "text", fmap) is not None:
            return None  # the export has a text field; a record without one is a bad record
        claimed = {_find_column(columns, name, fmap) for name in FIELD_ALIASES}
        for key, value in rec.items():
            if key in claimed:
                continue
            text = as_body(value)
            if len(text.split()) >= 3 and not text.lstrip().startswith(("http://", "https://")):
                totals[key] = totals.get(key, 0) + len(text)
    return max(totals, key=totals.get) if totals else None


def as_body(value) -> str:
    """An article body from a field: a string as it is; a list of paragraphs (nested lists,
    or objects with a text field, too) as paragraphs separated by blank lines; a string that
    holds a JSON or Python list literal (``"['Every Republican…', 'In a letter…']"``) as that
    list. Literals are parsed as data (``json``, ``ast.literal_eval``), never run."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n\n".join(p for p in _paragraphs(value) if p)
    if isinstance(value, dict):
        return "\n\n".join(p for p in _paragraphs([value]) if p)
    text = str(value)
    literal = _list_literal(text)
    return text if literal is None else "\n\n".join(p for p in _paragraphs(literal) if p)


def _paragraphs(items) -> Iterator[str]:
    for item in items:
        if isinstance(item, list | tuple):
            yield from _paragraphs(item)
        elif isinstance(item, dict):
            key = _find_column([str(k) for k in item], "text", {})
            if key is not None:
                yield from _paragraphs([item[key]])
        elif item is not None:
            literal = _list_literal(str(item)) if isinstance(item, str) else None
            if literal is not None:
                yield from _paragraphs(literal)
            else:
                yield str(item).strip()


def _list_literal(text: str) -> list | None:
    """The list a string spells (``[...]``, or ``[...], [...]`` — a tuple of lists), or None."""
    stripped = text.strip()
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return None
    try:
        value = json.loads(stripped)
    except ValueError:
        try:
            value = ast.literal_eval(stripped)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
    if isinstance(value, tuple):
        value = list(value)
    if not isinstance(value, list) or not _all_text(value):
        return None
    return value


def _all_text(items) -> bool:
    return all(isinstance(i, str) or (isinstance(i, list | tuple) and _all_text(i)) for i in items)


# The keys under which an API's object field gives its value: NewsAPI's source is
# {"id": null, "name": "Daily Ledger"}, other feeds' authors [{"name": …}], the Guardian's tags
# {"webTitle": …}, a MongoDB export's date {"$date": …}.
_VALUE_KEYS = (
    "name", "title", "webTitle", "display_name", "displayName", "$date", "value", "text", "href",
    "url",
)  # fmt: skip


def _as_text(value) -> str:
    # NaN and infinities (which Python's JSON reader takes) are no value: a title of NaN had
    # been stored as the headline "nan"
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, dict):  # its repr had been the outlet: "{'id': None, 'name': …}"
        return next((_as_text(value[k]) for k in _VALUE_KEYS if value.get(k) not in (None, "")), "")
    if isinstance(value, list):
        return ", ".join(t for t in map(_as_text, value) if t)
    return str(value)


def field_text(value) -> str:
    """A field's value as presslens reads it: an object as its name, a list joined, NaN as
    nothing (the Data page's preview shows what the analysis will take)."""
    return _as_text(value)


# The end NewsAPI puts on a text it cuts short ("… [+1234 chars]"): no words of the article.
_TRUNCATION_MARK = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d[\d,]*\s*chars?\]\s*$")


def _cut_short(body: str) -> tuple[str, bool]:
    """``body`` without an API's truncation mark, and whether it had one."""
    kept = _TRUNCATION_MARK.sub("", body)
    return kept, kept != body


def _as_tags(value, column: str = "") -> tuple[str, ...]:
    """The tags a record's field holds: a list, or a string of them split at ``;``, ``|`` or
    ``,``. A code (a number, true/false) is named by its column: FA-KES's ``label`` column of 0
    (fabricated) and 1 (credible), mapped with ``--map tags=label``, tags ``label=0``, which a
    reader can filter on, not a bare "0"."""
    if isinstance(value, bool | int | float) and not (isinstance(value, float) and value != value):
        value = str(value).lower()
    if isinstance(value, list):
        tags = tuple(t.strip() for t in map(_as_text, value) if t.strip())
    elif isinstance(value, str) and value.strip():
        tags = tuple(p for p in re.split(r"\s*[;|,]\s*", value.strip()) if p)
    else:
        return ()
    return tuple(f"{column}={t}" if column and _CODE.fullmatch(t) else t for t in tags)


# A value that says nothing without its column's name: a number or a truth value.
_CODE = re.compile(r"-?\d+(?:\.\d+)?|true|false|True|False|TRUE|FALSE")


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
)

_DAY_FIRST_FORMATS = ("%d/%m/%Y", "%d/%m/%y")


def normalise_date(value, *, dayfirst: bool = False) -> str | None:
    """Any common date notation → ``YYYY-MM-DD``; None when it is not a plausible date.
    Figures with slashes are read month first unless ``dayfirst`` (the export's own dates say
    so: :func:`_writes_day_first`)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    for fmt in _DAY_FIRST_FORMATS + _DATE_FORMATS if dayfirst else _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return _parsed_date(text, dayfirst=dayfirst)


# Two days far apart that dateutil fills a notation's missing parts from: a notation read alike
# from both names a whole day.
_FILLERS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
# Day.month.year in figures, as Europe writes it ("06.12.2026 10:00"); dateutil reads it month
# first, as it reads "06/12/2026".
_DOTTED = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\b")


def _parsed_date(text: str, *, dayfirst: bool = False) -> str | None:
    """An unusual notation read by dateutil, when it names a whole day. dateutil fills what a
    notation leaves out from today, so "December 2026" and "2026" had been dated today's day."""
    try:
        from dateutil import parser as dateparser  # lazily: only unusual notations need it
    except ImportError:
        return None
    dayfirst = dayfirst or bool(_DOTTED.match(text))
    try:
        with warnings.catch_warnings():  # "BST" is not known as a zone: the day is all we use
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            days = {
                dateparser.parse(text, default=filler, dayfirst=dayfirst).date()
                for filler in _FILLERS
            }
    except (ValueError, OverflowError):
        return None
    return days.pop().isoformat() if len(days) == 1 else None
