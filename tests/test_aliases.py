"""A user's alias file (``presslens analyze --aliases FILE``): its format, its errors, and a store
built with it, through the real command and through worker processes."""

from __future__ import annotations

import json

import duckdb
import pytest

from analysis import entities
from analysis.entities import rules
from analysis.lexicon import aliases
from analysis.lexicon.aliases import Alias, AliasFileError, read_file
from tests.test_cli import presslens

# Two stories naming one company two ways; the small model reads the second name as a person.
ARTICLES = [
    {
        "title": "Depot to close",
        "text": "LONDON - The Northfield Rail Company said on Monday it would close its depot in "
        "Leeds, where 400 people work. Northfield Rail Company has run trains in the north "
        "since 1998.",
    },
    {
        "title": "Talks end",
        "text": "Rail workers protested on Tuesday. A spokesman for Northfield Trains said the "
        "closure was final, and Northfield Trains would not reopen talks with the union.",
    },
]
ALIAS_FILE = (
    "# variant\tcanonical\tlabel\n"
    "\n"
    "Northfield Trains\tNorthfield Rail Company\tORG\n"
    "Blighty\tUnited Kingdom\tGPE\n"
)


def _write(tmp_path, aliases_text: str = ALIAS_FILE):
    inputs = tmp_path / "stories.jsonl"
    inputs.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    alias_file = tmp_path / "aliases.tsv"
    alias_file.write_text(aliases_text, encoding="utf-8")
    return inputs, alias_file


def _entity_names(db) -> set[tuple[str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return set(con.execute("SELECT name, label FROM entities").fetchall())


def test_read_file_skips_comments_and_blank_lines(tmp_path):
    _, alias_file = _write(tmp_path)
    assert read_file(alias_file) == (
        Alias("Northfield Trains", "Northfield Rail Company", "ORG"),
        Alias("Blighty", "United Kingdom", "GPE"),
    )


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("A\tB\tORG\nC\tD\n", 2, "expected 3 tab-separated fields"),
        ("A B ORG\n", 1, "expected 3 tab-separated fields"),
        ("# header\nA\tB\tCITY\n", 2, "unknown label 'CITY'"),
        ("A\t\tORG\n", 1, "cannot be empty"),
        ("A\tB\tORG\na\tC\tORG\n", 2, "already an alias of 'B'"),
        ("# only a comment\n", None, "no alias in it"),
    ],
)
def test_a_bad_file_names_the_file_the_line_and_the_reason(tmp_path, text, line, reason):
    _, alias_file = _write(tmp_path, text)
    with pytest.raises(AliasFileError) as caught:
        read_file(alias_file)
    message = str(caught.value)
    assert message.startswith(f"alias file {alias_file}")
    assert (f", line {line}:" in message) if line else ", line" not in message
    assert reason in message


def test_unreadable_files(tmp_path):
    with pytest.raises(AliasFileError, match="cannot be read"):
        read_file(tmp_path / "missing.tsv")
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("Qu\xe9bec\tQuebec\tGPE\n".encode("latin-1"))
    with pytest.raises(AliasFileError, match="not UTF-8"):
        read_file(latin)


def test_user_aliases_apply_only_inside_using():
    extra = (
        Alias("Northfield Trains", "Northfield Rail Company", "ORG"),
        Alias("Blighty", "United Kingdom", "GPE"),
        Alias("Dave", "David Cameron", "PERSON"),
        Alias("Brexiteers", "Leave campaigners", "NORP"),
        Alias("Daesh", "ISIL", "ORG"),  # a user line wins over the curated table
    )
    assert entities.alias("Northfield Trains") is None
    assert entities.alias("Daesh") == ("Islamic State", "ORG")
    with aliases.using(extra):
        assert entities.alias("northfield trains") == ("Northfield Rail Company", "ORG")
        assert entities.alias("Blighty") == ("United Kingdom", "GPE")
        assert entities.alias("Daesh") == ("ISIL", "ORG")
        assert entities.person_alias(entities.name_key("Dave")) == "David Cameron"
        assert rules._norp_group("brexiteers") == "Leave campaigners"
    assert entities.alias("Northfield Trains") is None
    assert entities.person_alias(entities.name_key("Dave")) is None


@pytest.mark.slow
def test_analyze_with_aliases_merges_the_variants_it_names(tmp_path):
    inputs, alias_file = _write(tmp_path)
    plain, aliased = tmp_path / "plain.duckdb", tmp_path / "aliased.duckdb"
    result = presslens("analyze", str(inputs), "--db", str(plain), "-q")
    assert result.returncode == 0, result.stderr
    result = presslens(
        "analyze", str(inputs), "--db", str(aliased), "--aliases", str(alias_file), "-q"
    )
    assert result.returncode == 0, result.stderr
    assert ("Northfield Trains", "PERSON") in _entity_names(plain), "the variant, unaliased"
    names = _entity_names(aliased)
    assert not any(name == "Northfield Trains" for name, _ in names)
    with duckdb.connect(str(aliased), read_only=True) as con:
        (n_articles,) = con.execute(
            "SELECT count(DISTINCT article_id) FROM entities "
            "WHERE name = 'Northfield Rail Company' AND label = 'ORG'"
        ).fetchone()
    assert n_articles == 2, "both stories now name one organisation"


def test_a_bad_alias_file_is_a_usage_error_before_any_work(tmp_path):
    inputs, alias_file = _write(tmp_path, "Northfield Trains\tNorthfield Rail Company\tCOMPANY\n")
    db = tmp_path / "s.duckdb"
    result = presslens("analyze", str(inputs), "--db", str(db), "--aliases", str(alias_file))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"presslens: error: alias file {alias_file}, line 1: unknown label 'COMPANY' "
        "(one of ORG, PERSON, NORP, GPE)"
    )
    assert not db.exists(), "nothing was analysed"
    result = presslens(
        "analyze", str(inputs), "--db", str(db), "--aliases", str(tmp_path / "nope.tsv")
    )
    assert result.returncode == 2 and "nope.tsv: cannot be read" in result.stderr


@pytest.mark.slow
def test_worker_processes_get_the_aliases(tmp_path):
    from analysis.pipeline import analyze_paths
    from analysis.store import Store

    inputs, alias_file = _write(tmp_path)
    db = tmp_path / "workers.duckdb"
    with Store(db) as store:
        summary, _ = analyze_paths(
            [inputs], store, workers=2, batch_size=1, aliases=read_file(alias_file)
        )
    assert summary.new == 2
    assert not any(name == "Northfield Trains" for name, _ in _entity_names(db))


def test_aliases_need_the_local_engine(tmp_path):
    inputs, alias_file = _write(tmp_path)
    result = presslens(
        "analyze",
        str(inputs),
        "--db",
        str(tmp_path / "s.duckdb"),
        "--aliases",
        str(alias_file),
        "--engine",
        "dask",
    )
    assert result.returncode == 2
    assert "--aliases works with the local engine only" in result.stderr
