"""The word tables the extractors read, kept as data files beside this module, read once each.

Every table is one file in this folder, named once for the whole code base: ``<name>.txt`` holds
one entry per line (a word list or an ordered list of phrases), ``<name>.tsv`` a mapping, one
``key<TAB>value`` per line (several values make a tuple). Each file opens with ``# `` header
lines saying what the table is, which code reads it and where its words come from; entries
follow, one per line, taken literally (no trailing comments; a lone ``#`` is an entry). The
accessors below read a file the first time it is asked for and cache the result for the life of
the process, so importing a module that names twenty tables reads twenty small files once. They
return immutable values (frozensets, tuples, read-only mappings): a table is shared by every
caller. How to add one, and the user's ``--aliases`` file: ``docs/DESIGN.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

HERE = Path(__file__).parent
SUFFIXES = (".txt", ".tsv")


class LexiconError(ValueError):
    """A table file that is missing or malformed (a bug in the package, not in user input)."""


def names() -> list[str]:
    """Every table this package holds, by name (the file name without its suffix)."""
    return sorted(p.stem for p in HERE.iterdir() if p.suffix in SUFFIXES)


def path_of(name: str) -> Path:
    """The file holding table ``name`` (exactly one of ``name.txt`` / ``name.tsv``)."""
    found = [HERE / f"{name}{suffix}" for suffix in SUFFIXES if (HERE / f"{name}{suffix}").exists()]
    if len(found) != 1:
        raise LexiconError(f"lexicon table {name!r}: expected one file, found {len(found)}")
    return found[0]


def header(name: str) -> list[str]:
    """The header lines of table ``name`` (without their ``# ``)."""
    return [line[2:] for line in _lines_with_header(name)[0]]


@functools.cache
def _lines_with_header(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    lines = path_of(name).read_text(encoding="utf-8").splitlines()
    n_header = 0
    while n_header < len(lines) and lines[n_header].startswith("# "):
        n_header += 1
    entries = tuple(line for line in lines[n_header:] if line)
    return tuple(lines[:n_header]), entries


def _entries(name: str) -> tuple[str, ...]:
    return _lines_with_header(name)[1]


@functools.cache
def words(name: str) -> frozenset[str]:
    """A word list (``name.txt``) as a set: membership tests, order does not matter."""
    return frozenset(_entries(name))


@functools.cache
def phrases(name: str) -> tuple[str, ...]:
    """A list (``name.txt``) in file order, for the tables whose order matters (longest
    hedge first, a regex alternation)."""
    return _entries(name)


def _rows(name: str) -> Iterator[tuple[str, list[str]]]:
    for line in _entries(name):
        key, *values = line.split("\t")
        if not values:
            raise LexiconError(f"{path_of(name).name}: {line!r} has no tab-separated value")
        yield key, values


@functools.cache
def mapping(name: str) -> Mapping[str, str]:
    """A ``key<TAB>value`` table (``name.tsv``) of strings, in file order."""
    return MappingProxyType({key: values[0] for key, values in _rows(name)})


def _number(text: str) -> int | float:
    # "100" stays an int and "1000.0" a float, as the tables were written in code before.
    return int(text) if text.lstrip("-").isdigit() else float(text)


@functools.cache
def numbers(name: str) -> Mapping[str, int | float]:
    """A ``word<TAB>number`` table (``name.tsv``), e.g. number words to their values."""
    return MappingProxyType({key: _number(values[0]) for key, values in _rows(name)})


@functools.cache
def ranges(name: str) -> Mapping[str, tuple[int | float, ...]]:
    """A ``word<TAB>low<TAB>high`` table (``name.tsv``): a word to a tuple of numbers."""
    return MappingProxyType({key: tuple(_number(v) for v in values) for key, values in _rows(name)})
