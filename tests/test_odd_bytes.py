"""Encodings and odd bytes: a file mixing UTF-8 and Windows-1252 comes out right segment by
segment (never as mojibake), a NUL byte refuses the file wherever it falls, and a symbolic-link
cycle is never followed twice, in folders and in ``**`` globs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.ingest import IngestError, decode_bytes, expand_inputs, read_file

PRESSLENS = Path(sys.executable).parent / "presslens"


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Café au lait\n".encode() + "Café noir\n".encode("cp1252"), "Café au lait\nCafé noir\n"),
        # Both in one line, and cp1252's curly quotes and dash next to UTF-8's.
        (
            "“Mixed” — ".encode() + "“quotes” – here".encode("cp1252"),
            "“Mixed” — “quotes” – here",
        ),
    ],
)
def test_mixed_utf8_and_cp1252_decode_segment_by_segment(data, expected):
    assert decode_bytes(data) == expected


def test_a_mixed_file_is_stored_right_through_the_cli(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(
        "Café society\n".encode()
        + "The café owners met on Monday and agreed the new rules for the square.\n".encode()
        + "Prices at the Café Central rose by a fifth, the owners said.\n".encode("cp1252")
    )
    db = tmp_path / "m.duckdb"
    proc = subprocess.run(
        [str(PRESSLENS), "analyze", str(path), "--db", str(db), "--json", "-", "--quiet"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Café Central" in proc.stdout and "CafĂ©" not in proc.stdout and "Ã©" not in proc.stdout


@pytest.mark.parametrize("offset", [0, 100, 8191, 8192, 50_000])
def test_a_nul_byte_refuses_the_file_wherever_it_falls(tmp_path, offset):
    text = bytearray(b"Title\n" + b"The council met today and agreed the budget. " * 1200)
    text[offset] = 0
    path = tmp_path / "nul.txt"
    path.write_bytes(bytes(text))
    with pytest.raises(IngestError, match=f"NUL byte at offset {offset:,}"):
        read_file(path)


def _cycle(tmp_path: Path) -> Path:
    root = tmp_path / "L"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "story.txt").write_text("Title\nThe council met today and agreed the budget.")
    (root / "a" / "b" / "deep.txt").write_text("Title\nThe mayor opened the new bridge today.")
    os.symlink("..", root / "a" / "b" / "up")  # → a
    os.symlink("../..", root / "a" / "b" / "top")  # → L
    os.symlink("../../..", root / "a" / "b" / "above")  # → tmp_path (holds L itself)
    return root


@pytest.mark.parametrize("how", ["folder", "glob", "glob-in-folder"])
def test_symlink_cycles_are_never_followed_twice(tmp_path, how, monkeypatch):
    root = _cycle(tmp_path)
    arg = {
        "folder": str(root),
        "glob": f"{root}/**/*.txt",
        "glob-in-folder": "L/**/*.txt",
    }[how]
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    found = list(expand_inputs([arg]))
    assert time.monotonic() - started < 5
    names = sorted(Path(p).name for p in found)
    assert names == ["deep.txt", "story.txt"], found


def test_glob_without_double_star_is_unchanged(tmp_path):
    root = _cycle(tmp_path)
    found = list(expand_inputs([f"{root}/a/*.txt"]))
    assert [Path(p).name for p in found] == ["story.txt"]
