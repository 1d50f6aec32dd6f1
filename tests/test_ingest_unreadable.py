"""Inputs the user may not read or that lead nowhere: a folder without read permission, a
file inside a folder that may not be entered, a subfolder of a batch that is locked, and two
symbolic links naming each other. Each is named once with its reason and the rest of the batch
is read; none ends the run with a traceback. Root reads everything, so the permission cases
fake the refusal the system gives (and run for real when the tests run as a user)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from analysis.ingest import expand_inputs
from analysis.pipeline import load_articles

STORY = (
    "Harbour ferry back on schedule\n"
    "The ferry to Gull Island sailed on time on Monday after a week of storms, the harbour "
    "master said. Its captain, Ilse Marwick, said the crossing had been calm."
)
OTHER = (
    "Library opens late on Fridays\n"
    "The library in Brackenford will open until nine on Fridays from March, the town council "
    "said. Its librarian, Owen Tally, said students had asked for the longer hours."
)


def _batch(tmp_path: Path) -> Path:
    root = tmp_path / "batch"
    (root / "locked").mkdir(parents=True)
    (root / "ferry.txt").write_text(STORY)
    (root / "locked" / "library.txt").write_text(OTHER)
    return root


def _refuse(monkeypatch, folder: Path) -> None:
    """Make listing or entering ``folder`` fail as it does for a user without permission."""
    real_scandir, real_stat = os.scandir, os.stat

    def denied(path):
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    def scandir(path="."):
        if Path(path) == folder:
            raise denied(path)
        return real_scandir(path)

    def stat(path, *args, **kwargs):
        if Path(path).parent == folder:
            raise denied(path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)


def _failures(items) -> dict[str, str]:
    return {Path(i.path).name: i.reason for i in items if not isinstance(i, Path)}


def test_a_locked_subfolder_is_named_and_the_rest_is_read(tmp_path, monkeypatch):
    root = _batch(tmp_path)
    _refuse(monkeypatch, root / "locked")
    items = list(expand_inputs([root]))
    assert [i.name for i in items if isinstance(i, Path)] == ["ferry.txt"]
    assert _failures(items) == {"locked": "cannot read this folder (Permission denied)"}


def test_a_locked_folder_is_not_called_empty(tmp_path, monkeypatch):
    # it had been "folder holds no supported files", which sent the user looking for suffixes
    root = _batch(tmp_path)
    _refuse(monkeypatch, root / "locked")
    items = list(expand_inputs([root / "locked"]))
    assert _failures(items) == {"locked": "cannot read this folder (Permission denied)"}


def test_a_file_in_a_folder_that_may_not_be_entered_is_named_not_a_traceback(tmp_path, monkeypatch):
    # is_dir() raised PermissionError, and the whole run ended before any article
    root = _batch(tmp_path)
    _refuse(monkeypatch, root / "locked")
    articles, failures = load_articles([root / "locked" / "library.txt", root / "ferry.txt"])
    assert [a.title for a in articles] == ["Harbour ferry back on schedule"]
    (failure,) = failures
    assert failure.path.endswith("locked/library.txt")
    assert failure.reason.startswith("cannot read (Permission denied")


def test_a_locked_folder_under_a_double_star_glob_is_named(tmp_path, monkeypatch):
    root = _batch(tmp_path)
    _refuse(monkeypatch, root / "locked")
    items = list(expand_inputs([f"{root}/**/*.txt"]))
    assert [i.name for i in items if isinstance(i, Path)] == ["ferry.txt"]
    assert _failures(items) == {"locked": "cannot read this folder (Permission denied)"}


def test_a_folder_named_twice_is_one_failure(tmp_path, monkeypatch):
    # once as an argument, once inside its parent: it had been counted as two failures
    root = _batch(tmp_path)
    _refuse(monkeypatch, root / "locked")
    items = list(expand_inputs([root, root / "locked"]))
    assert sum(not isinstance(i, Path) for i in items) == 1


def test_links_naming_each_other_are_called_a_loop_not_missing(tmp_path):
    root = tmp_path / "batch"
    root.mkdir()
    (root / "ferry.txt").write_text(STORY)
    os.symlink("two.txt", root / "one.txt")
    os.symlink("one.txt", root / "two.txt")
    items = list(expand_inputs([root]))
    assert [i.name for i in items if isinstance(i, Path)] == ["ferry.txt"]
    assert _failures(items) == {
        "one.txt": "a symbolic link that never reaches a file (to two.txt, which leads back "
        "round to it)",
        "two.txt": "a symbolic link that never reaches a file (to one.txt, which leads back "
        "round to it)",
    }
    # named on the command line, the same
    (failure,) = list(expand_inputs([root / "one.txt"]))
    assert "never reaches a file" in failure.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_real_permissions(tmp_path):
    root = _batch(tmp_path)
    (root / "locked").chmod(0)
    try:
        items = list(expand_inputs([root, root / "locked" / "library.txt"]))
    finally:
        (root / "locked").chmod(0o755)
    assert [i.name for i in items if isinstance(i, Path)] == ["ferry.txt"]
    assert set(_failures(items)) == {"locked", "library.txt"}
