"""bench/diff_stores.py: two stores with the same rows are identical, whatever the order they
were written in and their write times; one changed value, or float noise beyond 9 decimals, is
not."""

from __future__ import annotations

import shutil

from analysis.store import Store
from bench.diff_stores import diff


def _fill(path, rows):
    with Store(path) as store:
        for row in rows:
            store.con.execute(
                'INSERT INTO quotes (article_id, kind, start, "end", text, speaker, polarity) '
                "VALUES (?, 'direct', ?, ?, ?, ?, ?)",
                row,
            )
        store.con.execute("INSERT INTO articles (id, title, text) VALUES ('a1', 'T', 'x y z')")


ROWS = [
    ("a1", 0, 10, "We will rebuild.", "Theresa May", 0.25),
    ("a1", 20, 30, "Not now.", "Jeremy Corbyn", -0.1),
]


def test_same_rows_in_another_order_are_identical(tmp_path, capsys):
    _fill(tmp_path / "a.duckdb", ROWS)
    _fill(tmp_path / "b.duckdb", ROWS[::-1])
    assert diff(tmp_path / "a.duckdb", tmp_path / "b.duckdb") == 0
    assert capsys.readouterr().out.strip().endswith("identical")


def test_a_changed_value_is_reported(tmp_path, capsys):
    _fill(tmp_path / "a.duckdb", ROWS)
    shutil.copy(tmp_path / "a.duckdb", tmp_path / "b.duckdb")
    with Store(tmp_path / "b.duckdb") as store:
        store.con.execute("UPDATE quotes SET speaker = 'May' WHERE speaker = 'Theresa May'")
    assert diff(tmp_path / "a.duckdb", tmp_path / "b.duckdb") == 1
    out = capsys.readouterr().out
    assert "quotes" in out and "DIFFERENT" in out and "'May'" in out and "Theresa May" in out


def test_floats_compare_to_nine_decimals(tmp_path):
    _fill(tmp_path / "a.duckdb", ROWS)
    _fill(tmp_path / "b.duckdb", [(*ROWS[0][:5], 0.25 + 1e-13), ROWS[1]])
    _fill(tmp_path / "c.duckdb", [(*ROWS[0][:5], 0.25 + 1e-6), ROWS[1]])
    assert diff(tmp_path / "a.duckdb", tmp_path / "b.duckdb") == 0
    assert diff(tmp_path / "a.duckdb", tmp_path / "c.duckdb") == 1
