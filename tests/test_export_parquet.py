"""``presslens export --format parquet --partition-by``: a Hive-partitioned dataset per table that
DuckDB reads back directly, with every row in the partition of its article."""

from __future__ import annotations

import shutil
from urllib.parse import quote

import duckdb
import pytest

from analysis import export
from analysis.records import Article, ArticleResult
from analysis.store import Store
from dashboard import cli


def _read(folder, table):
    return duckdb.sql(
        f"SELECT * FROM read_parquet('{folder}/{table}/**/*.parquet', hive_partitioning = true)"
    ).df()


@pytest.fixture
def store_file(tmp_path, dashboard_db):
    """A private copy: other tests in the session hold the shared store open with another
    configuration, and DuckDB refuses a second, different connection in the same process."""
    path = tmp_path / "store.duckdb"
    shutil.copyfile(dashboard_db, path)
    # The dashboard store's articles are all of 2016: an undated one, from no outlet, gives
    # both partitionings a second partition (the "unknown" one).
    undated = Article(
        id="undated0001", title="Undated note", text="A note with no date.", n_words=5
    )
    with Store(path) as store:
        store.write_batch([ArticleResult(article=undated)])
    return path


@pytest.mark.parametrize("key", ["year", "source"])
def test_partitioned_export_reads_back_with_duckdb(tmp_path, store_file, key):
    dashboard_db = store_file
    out = tmp_path / key
    argv = ["export", "--db", str(dashboard_db), "--format", "parquet", "--out", str(out)]
    assert cli.main([*argv, "--partition-by", key]) == cli.EXIT_OK
    with Store(dashboard_db, read_only=True) as store:
        frames = export.tables(store)
    arts = frames["articles"]
    expected = (arts["published"].str.slice(0, 4) if key == "year" else arts["source"]).fillna(
        export.UNKNOWN_PARTITION
    )
    partition_of = dict(zip(arts["id"], expected.astype(str), strict=True))
    # One folder per value, as Hive names them.
    folders = {p.name for p in (out / "articles").iterdir()}
    assert folders == {f"{key}={quote(v)}" for v in set(partition_of.values())}
    assert len(folders) >= 2
    for table in ("articles", "quotes", "entities", "figures"):
        back = _read(out, table)
        assert len(back) == len(frames[table]) > 0, table
        ids = back["id"] if table == "articles" else back["article_id"]
        assert (back[key].astype(str) == ids.map(partition_of)).all(), table
        assert set(frames[table].columns) <= set(back.columns)
    # Contents survive the round trip (compare the quote texts, offsets and speakers).
    cols = ["article_id", "start", "end", "speaker", "text"]
    got = _read(out, "quotes")[cols].sort_values(cols[:2]).reset_index(drop=True)
    want = frames["quotes"][cols].sort_values(cols[:2]).reset_index(drop=True)
    assert got.astype(object).equals(want.astype(object))
    assert (out / "speakers.parquet").exists()
    # Exporting again replaces the partitions rather than adding a second copy of each row.
    assert cli.main([*argv, "--partition-by", key]) == cli.EXIT_OK
    assert len(_read(out, "quotes")) == len(frames["quotes"])


@pytest.mark.parametrize("first_key", ["year", "source"])
def test_exporting_into_an_earlier_export_leaves_no_old_partition(tmp_path, store_file, first_key):
    """A second export into the same folder holds the second store's rows only: a partition of
    the first that the second lacks (here every dated one) must not be read with it."""
    out = tmp_path / "out"
    argv = ["export", "--format", "parquet", "--out", str(out), "--partition-by"]
    assert cli.main([*argv, first_key, "--db", str(store_file)]) == cli.EXIT_OK
    lone = tmp_path / "lone.duckdb"
    with Store(lone) as store:
        store.write_batch(
            [ArticleResult(article=Article(id="lone0001", title="Lone", text="A lone note."))]
        )
    assert cli.main([*argv, "year", "--db", str(lone)]) == cli.EXIT_OK
    assert {p.name for p in (out / "articles").iterdir()} == {"year=unknown"}
    assert list(_read(out, "articles")["id"]) == ["lone0001"]
    assert len(_read(out, "quotes")) == 0


def test_partition_by_needs_parquet(tmp_path, store_file, capsys):
    argv = ["export", "--db", str(store_file), "--format", "csv", "--out", str(tmp_path)]
    assert cli.main([*argv, "--partition-by", "year"]) == cli.EXIT_USAGE
    assert "--partition-by works with --format parquet only" in capsys.readouterr().err


@pytest.mark.parametrize("partition", [None, "year", "source"])
def test_a_column_with_no_value_keeps_its_declared_type(tmp_path, partition):
    # An export whose articles have no URL (none of the BBC texts has one) wrote `url` as
    # Arrow's null type, which DuckDB reads as "NULL" and Spark refuses; an empty table wrote
    # every text column so. They keep the store's type, as in an export where values exist.
    db = tmp_path / "plain.duckdb"
    story = Article(id="nourl00001", title="Council budget", text="The council met.", n_words=3)
    with Store(db) as store:
        store.write_batch([ArticleResult(article=story)])
    out = tmp_path / "out"
    argv = ["export", "--db", str(db), "--format", "parquet", "--out", str(out)]
    assert cli.main(argv + (["--partition-by", partition] if partition else [])) == cli.EXIT_OK
    for table, column, sql_type in [
        ("articles", "url", "VARCHAR"),
        ("articles", "published", "VARCHAR"),
        ("articles", "tags", "VARCHAR[]"),
        ("quotes", "speaker_role", "VARCHAR"),  # an empty table
        ("quotes", "speaker_start", "INTEGER"),
        ("figures", "approximate", "BOOLEAN"),
    ]:
        files = f"{out}/{table}.parquet" if partition is None else f"{out}/{table}/**/*.parquet"
        described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{files}')").fetchall()
        types = {row[0]: row[1] for row in described}
        assert types[column] == sql_type, (table, column, types[column])
