"""Tests for analysis.table_cache and the gazetteer tables it keeps: a cached table is the table
its builder makes, read back without building, rebuilt when its inputs change or its file is
damaged, and still served when the cache folder cannot be written."""

from __future__ import annotations

import pytest

from analysis import gazetteer, geo, table_cache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(table_cache.ENV_DIR, str(tmp_path / "tables"))
    return tmp_path / "tables"


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_built_once_then_read_back(cache):
    table = {"aleppo": (0, 2), "idlib": (1,)}, ["Aleppo", 3.5]
    build, calls = counting(table)
    assert table_cache.cached("t", "k1", build) == table
    assert table_cache.cached("t", "k1", build) == table
    assert len(calls) == 1
    assert [p.name for p in cache.iterdir()] == ["t-k1.marshal"]


def test_other_inputs_build_afresh(cache):
    build, calls = counting({"a": 1})
    table_cache.cached("t", "k1", build)
    table_cache.cached("t", "k2", build)
    assert len(calls) == 2


def test_digest_follows_the_source_files(tmp_path):
    source = tmp_path / "cities.csv"
    source.write_text("name\nAleppo\n")
    before = table_cache.digest([source], ["code v1"])
    assert table_cache.digest([source], ["code v1"]) == before
    assert table_cache.digest([source], ["code v2"]) != before
    source.write_text("name\nAleppo\nIdlib\n")
    assert table_cache.digest([source], ["code v1"]) != before
    source.unlink()
    assert table_cache.digest([source], ["code v1"]) != before


def test_damaged_file_is_rebuilt(cache, caplog):
    build, calls = counting({"a": (1, 2)})
    table_cache.cached("t", "k", build)
    path = cache / "t-k.marshal"
    path.write_bytes(path.read_bytes()[:3])  # truncated, as by a full disk
    assert table_cache.cached("t", "k", build) == {"a": (1, 2)}
    assert len(calls) == 2 and "unreadable" in caplog.text
    assert table_cache.cached("t", "k", build) == {"a": (1, 2)}  # the rebuilt file is whole
    assert len(calls) == 2


def test_cache_folder_that_is_a_file_still_serves_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv(table_cache.ENV_DIR, str(blocker / "tables"))
    build, calls = counting({"a": 1})
    assert table_cache.cached("t", "k", build) == {"a": 1}
    assert len(calls) == 1


@pytest.mark.parametrize("name", ["places", "towns"])
def test_gazetteer_tables_survive_the_cache_unchanged(name, cache):
    built = getattr(gazetteer, f"_build_{name}")()
    rows, keys = table_cache.cached(name, "test", lambda: gazetteer._encode(built))
    places = [gazetteer.Place(*row) for row in rows]
    decoded = {key: places[i] for key, i in keys.items()}
    assert decoded == built
    assert list(decoded) == list(built)  # the order too: earlier keys win lookups' clashes


def test_village_table_survives_the_cache_unchanged(cache):
    built = gazetteer._build_villages()
    assert len(built) > 100_000
    rows, keys = table_cache.cached("villages", "test", lambda: gazetteer._encode(built))
    assert {key: gazetteer.Village(*rows[i]) for key, i in keys.items()} == built


def test_geo_tables_read_back_give_the_same_locations(cache, monkeypatch):
    names = ["Aleppo", "Khan Sheikhoun", "Deir Ezzor", "Palmyra", "Syria", "Armanaz", "Leesburg"]
    geo._tables.cache_clear()
    geo.locate.cache_clear()
    built = [geo.locate(n) for n in names]
    assert built[0].region == "Aleppo" and built[1].region == "Idlib"
    assert any(p.name.startswith("geo-") for p in cache.iterdir())

    def no_build():
        raise AssertionError("the geo tables were built again instead of read back")

    monkeypatch.setattr(geo, "_build_tables", no_build)
    geo._tables.cache_clear()
    geo.locate.cache_clear()
    try:
        assert [geo.locate(n) for n in names] == built
    finally:
        geo._tables.cache_clear()
        geo.locate.cache_clear()


def test_a_new_version_removes_the_versions_unused_for_a_month(cache):
    import os
    import time

    build, calls = counting({"a": 1})
    table_cache.cached("geo", "old1", build)
    table_cache.cached("geo", "recent", build)
    table_cache.cached("geo-counties", "old2", build)  # another table whose name starts alike
    left = cache / ".geo-old3.marshal.tmp1"  # a killed writer's temporary file
    left.write_bytes(b"x")
    month_ago = time.time() - (table_cache.UNUSED_DAYS + 1) * 24 * 3600
    for name in ("geo-old1.marshal", "geo-counties-old2.marshal", left.name):
        os.utime(cache / name, (month_ago, month_ago))
    table_cache.cached("geo", "new", build)
    assert sorted(p.name for p in cache.iterdir()) == [
        "geo-counties-old2.marshal",
        "geo-new.marshal",
        "geo-recent.marshal",
    ]


def test_a_version_read_is_kept(cache):
    import os
    import time

    build, calls = counting({"a": 1})
    table_cache.cached("t", "used", build)
    month_ago = time.time() - (table_cache.UNUSED_DAYS + 1) * 24 * 3600
    os.utime(cache / "t-used.marshal", (month_ago, month_ago))
    assert table_cache.cached("t", "used", build) == {"a": 1}  # read: marked used
    table_cache.cached("t", "other", build)
    assert sorted(p.name for p in cache.iterdir()) == ["t-other.marshal", "t-used.marshal"]
    assert len(calls) == 2
