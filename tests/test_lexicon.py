"""The lexicon package: every table file loads, is named once, says what it is and where its words
come from, is read by some module, and ships in the wheel."""

from __future__ import annotations

import fnmatch
import importlib
import pkgutil
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

import pytest

import analysis
from analysis import lexicon

ROOT = Path(__file__).resolve().parents[1]
NAMES = lexicon.names()


def _load(name: str):
    """A table through the accessor its file kind calls for (what the modules call)."""
    if lexicon.path_of(name).suffix == ".txt":
        return lexicon.phrases(name)
    rows = [line.split("\t") for line in lexicon._entries(name)]
    if all(len(row) == 2 for row in rows):
        try:
            return lexicon.numbers(name)
        except ValueError:
            return lexicon.mapping(name)
    return lexicon.ranges(name)


def test_there_are_the_tables_moved_out_of_the_modules():
    assert len(NAMES) >= 100
    assert {"speech_verbs", "claim_verbs", "org_aliases", "months", "ones_words"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_table_loads_is_not_empty_and_has_a_header(name):
    table = _load(name)
    assert len(table) > 0
    head = lexicon.header(name)
    assert head and head[0].startswith(f"{name}: "), "first header line names the table"
    assert any("source" in line.lower() for line in head), "the header says where words come from"


@pytest.mark.parametrize("name", NAMES)
def test_no_entry_twice_in_a_table(name):
    entries = lexicon._entries(name)
    keys = [e.split("\t")[0] for e in entries]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def test_a_name_is_one_file():
    stems = [p.stem for p in lexicon.HERE.iterdir() if p.suffix in lexicon.SUFFIXES]
    assert len(stems) == len(set(stems))
    with pytest.raises(lexicon.LexiconError, match="no_such_table"):
        lexicon.words("no_such_table")


def _modules():
    for info in pkgutil.walk_packages(analysis.__path__, "analysis."):
        yield importlib.import_module(info.name)


def test_every_table_is_read_by_some_module():
    source = "\n".join(p.read_text() for p in (ROOT / "analysis").rglob("*.py"))
    read = set(re.findall(r'lexicon\.\w+\("(\w+)"\)', source))
    assert set(NAMES) - read == set(), "a table file nothing reads"
    assert read - set(NAMES) == set(), "a module reads a table that has no file"


def test_one_name_one_table_across_modules():
    """No same-name-different-content: a constant name bound to a lexicon table in one module
    is bound to that very table wherever else the name is used."""
    tables = {id(_load(n)) for n in NAMES} | {id(lexicon.words(n)) for n in NAMES}
    by_name: dict[str, dict[str, object]] = {}
    for module in _modules():
        for attr, value in vars(module).items():
            if attr.isupper() and isinstance(value, frozenset | tuple | Mapping):
                by_name.setdefault(attr, {})[module.__name__] = value
    clashes = {
        attr: sorted(where)
        for attr, where in by_name.items()
        if len(where) > 1
        and any(id(v) in tables for v in where.values())
        and len({id(v) for v in where.values()}) > 1
    }
    assert clashes == {}


def test_the_old_clashing_names_are_now_distinct_tables():
    from analysis import entities, figures, numbers, quotes

    assert quotes.SPEECH_VERBS is lexicon.words("speech_verbs")
    assert figures.CLAIM_VERBS is lexicon.words("claim_verbs")
    assert not hasattr(figures, "SPEECH_VERBS") and not hasattr(entities, "UNIT_WORDS")
    assert entities.DISTANCE_UNITS is lexicon.words("distance_units")
    assert numbers.ONES_WORDS["nineteen"] == 19 and "km" in entities.DISTANCE_UNITS
    # the months: one file for numbers, figures and entities
    assert numbers.MONTHS <= entities.MONTHS_AND_DAYS
    assert re.fullmatch(figures.MONTHS, "september") and re.fullmatch(figures.MONTHS, "sept")


def test_tables_keep_their_types_and_cannot_be_changed():
    from analysis import numbers

    assert isinstance(numbers.SCALE_WORDS["hundred"], int)
    assert isinstance(numbers.SCALE_WORDS["thousand"], float)
    assert numbers.VAGUE_QUANTIFIERS["several"] == (3, 9)
    assert numbers.LOWER_HEDGES[0] == "more than", "phrases keep their file order"
    with pytest.raises(TypeError):
        numbers.SCALE_WORDS["gazillion"] = 1  # type: ignore[index]


def test_the_files_ship_in_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["analysis"]
    for path in lexicon.HERE.iterdir():
        if path.suffix in lexicon.SUFFIXES:
            rel = path.relative_to(ROOT / "analysis").as_posix()
            assert any(fnmatch.fnmatch(rel, p) for p in patterns), rel
