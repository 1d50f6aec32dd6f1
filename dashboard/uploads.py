"""Analysing uploaded files into the store, each table with the column mapping its uploader
picked, plain text and HTML with the outlet and date given on the Data page.

Files are written to a temporary folder (their names keep the extension that decides how each is
read), read with :func:`analysis.pipeline.load_articles`, relabelled by
:func:`analysis.upload.relabel` so that no article keeps the temporary path as its ``path`` or
``url``, then analysed as one batch. Failures name the file as the user knows it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from analysis import upload
from analysis.records import Failure, RunSummary
from analysis.store import StoreError
from dashboard import data


@dataclass(frozen=True)
class UploadFile:
    name: str
    content: bytes
    field_map: Mapping[str, str] = field(default_factory=dict)  # field -> column (tables)


def analyse(
    files: list[UploadFile],
    *,
    source: str | None = None,
    published: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunSummary:
    """Analyse ``files`` into the store; ``source``/``published`` apply to files that do not
    carry their own (plain text and HTML)."""
    if data.read_only():
        raise StoreError("this dashboard was opened read-only; uploads are disabled")
    from analysis.pipeline import analyze_articles, load_articles  # spaCy only when needed

    with tempfile.TemporaryDirectory(prefix="presslens-upload-") as tmp:
        articles, failures, names = [], [], {}
        notes: list[str] = []  # e.g. which field a table's text was read from
        for i, f in enumerate(files):
            folder = Path(tmp) / str(i)  # a folder per file keeps equal names apart
            folder.mkdir()
            path = folder / upload.saved_name(f.name)
            path.write_bytes(f.content)
            names[str(path)] = f.name
            is_table = path.suffix.lower() in upload.TABLE_SUFFIXES
            read, failed = load_articles(
                [path], field_map=dict(f.field_map) or None,
                source=None if is_table else (source or None), notes=notes,
            )  # fmt: skip
            articles += upload.relabel(
                read, tmp_root=tmp, names=names, published=None if is_table else published
            )
            failures += [_rename(x, names, tmp) for x in failed]
        with data.writer() as target:  # the store's write lock, one batch at a time
            summary = analyze_articles(articles, target, progress=progress, input_failures=failures)
        summary.failures[:0] = failures
        summary.notes[:0] = [_rename_text(note, names, tmp) for note in notes]
    st.cache_data.clear()
    return summary


def _rename_text(text: str, names: Mapping[str, str], tmp: str) -> str:
    """``text`` with each temporary upload path replaced by the file's name as uploaded."""
    for tmp_path, name in names.items():
        text = text.replace(tmp_path, name)
    return text.replace(f"{tmp}/", "")


def _rename(failure: Failure, names: Mapping[str, str], tmp: str) -> Failure:
    path = failure.path
    for tmp_path, name in names.items():
        path = path.replace(tmp_path, name)
    return Failure(path.replace(f"{tmp}/", ""), failure.reason)
