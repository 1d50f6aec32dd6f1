"""The store's tables, pinned: every table's columns, their types and order, keys and defaults.

The record tables are derived from the dataclasses in analysis/records.py; this pins what that
derivation must produce, so a change to a record (or to the type mapping) that would change a
table shows up here rather than as a store that no longer matches its schema version.
"""

from __future__ import annotations

from analysis.store import Store

V, N, D = "VARCHAR", "INTEGER", "DOUBLE"
EXPECTED = {
    "meta": [("key", V), ("value", V)],
    "articles": [
        ("id", V), ("title", V), ("source", V), ("published", "DATE"), ("url", V),
        ("tags", "VARCHAR[]"), ("text", V), ("path", V), ("n_words", N), ("author", V),
        ("duplicate_of", V), ("signature", "BLOB"), ("search_text", V),
        ("analysed_at", "TIMESTAMP"),
    ],
    "quotes": [
        ("article_id", V), ("kind", V), ("text", V), ("start", N), ("end", N), ("speaker", V),
        ("speaker_mention", V), ("speaker_start", N), ("speaker_end", N), ("speaker_label", V),
        ("speaker_role", V), ("cue", V), ("polarity", D), ("subjectivity", D),
        ("polarity_vader", D),
    ],
    "entities": [("article_id", V), ("name", V), ("label", V), ("mentions", N), ("first_start", N)],
    "entity_mentions": [
        ("article_id", V), ("name", V), ("label", V), ("text", V), ("start", N), ("end", N),
        ("sent_start", N),
    ],
    "entity_pairs": [("article_id", V), ("name_a", V), ("name_b", V), ("weight", N)],
    "figures": [
        ("article_id", V), ("text", V), ("value", D), ("low", D), ("high", D),
        ("approximate", "BOOLEAN"), ("unit", V), ("category", V), ("subject", V),
        ("location", V), ("claimed_by", V), ("start", N), ("end", N), ("sentence", V),
        ("scope", V),
    ],
    "terms": [("article_id", V), ("field", V), ("term", V), ("tf", N)],
    "name_merges": [
        ("kind", V), ("alias", V), ("canonical", V), ("label", V), ("evidence", N),
        ("undone", "BOOLEAN"),
    ],
    "name_raw": [
        ("space", V), ("tbl", V), ("col", V), ("article_id", V), ("pos", N), ("raw", V),
        ("shown", V),
    ],
    "attitudes": [
        ("article_id", V), ("holder", V), ("target", V), ("target_start", N), ("target_end", N),
        ("polarity", D), ("label", V), ("sentence", V), ("scorer", V),
    ],
}  # fmt: skip


def test_every_table_has_its_pinned_columns_in_order(tmp_path):
    with Store(tmp_path / "s.duckdb") as store, store.session() as con:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() ORDER BY table_name"
            ).fetchall()
        ]
        assert sorted(tables) == sorted(EXPECTED)
        for table, expected in EXPECTED.items():
            got = con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            assert got == expected, table
        keys = con.execute(
            "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
            "WHERE constraint_type = 'PRIMARY KEY' ORDER BY table_name"
        ).fetchall()
        assert keys == [("articles", ["id"]), ("meta", ["key"])]
        defaults = con.execute(
            "SELECT table_name, column_name, column_default FROM information_schema.columns "
            "WHERE column_default IS NOT NULL"
        ).fetchall()
        assert defaults == [("articles", "analysed_at", "current_timestamp")]
        indexed = con.execute("SELECT table_name FROM duckdb_indexes() ORDER BY 1").fetchall()
        assert [r[0] for r in indexed] == sorted(
            [
                "quotes",
                "entities",
                "entity_mentions",
                "entity_pairs",
                "figures",
                "attitudes",
                "terms",
            ]
        )
