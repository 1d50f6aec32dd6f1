"""The store's tables, pinned: every table's columns, their types and order, keys and defaults.

The record tables are derived from the dataclasses in analysis/records.py; this pins what that
derivation must produce, so a change to a record (or to the type mapping) that would change a
table shows up here rather than as a store that no longer matches its schema version.
"""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from analysis import export, schema
from analysis.records import Article, ArticleResult, Attitude, Entity, EntityMention, Figure, Quote
from analysis.store import COLUMNS, Store

V, N, D = "VARCHAR", "INTEGER", "DOUBLE"
EXPECTED = {
    "meta": [("key", V), ("value", V)],
    "articles": [
        ("id", V), ("title", V), ("source", V), ("published", "DATE"), ("url", V),
        ("tags", "VARCHAR[]"), ("text", V), ("path", V), ("n_words", N), ("author", V),
        ("duplicate_of", V), ("signature", "BLOB"), ("search_text", V),
        ("analysed_at", "TIMESTAMP"), ("article_key", N),
    ],
    "quotes": [
        ("article_id", V), ("kind", V), ("text", V), ("start", N), ("end", N), ("speaker", V),
        ("speaker_mention", V), ("speaker_start", N), ("speaker_end", N), ("speaker_label", V),
        ("speaker_role", V), ("cue", V), ("polarity", D), ("subjectivity", D),
        ("polarity_vader", D), ("n_words", N),
    ],
    "entities": [("article_id", V), ("name", V), ("label", V), ("mentions", N), ("first_start", N)],
    "entity_mentions": [
        ("article_id", V), ("name", V), ("label", V), ("text", V), ("start", N), ("end", N),
        ("sent_start", N),
    ],
    "entity_pairs": [
        ("article_id", V), ("name_a", V), ("name_b", V), ("weight", N), ("article_key", N),
    ],
    "figures": [
        ("article_id", V), ("text", V), ("value", D), ("low", D), ("high", D),
        ("approximate", "BOOLEAN"), ("unit", V), ("category", V), ("subject", V),
        ("location", V), ("claimed_by", V), ("start", N), ("end", N), ("sentence", V),
        ("scope", V), ("part_of", N), ("kinds", "BIGINT"),
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
    "holder_targets": [
        ("article_id", V), ("holder", V), ("target", V),
        ("n_textblob", N), ("pol_sum_textblob", D), ("n_polarity_textblob", N),
        ("n_vader", N), ("pol_sum_vader", D), ("n_polarity_vader", N),
        ("n_news", N), ("pol_sum_news", D), ("n_polarity_news", N),
        ("article_key", N),
        ("n_encoder", N), ("pol_sum_encoder", D), ("n_polarity_encoder", N),
    ],
}  # fmt: skip
# The per-day summaries (analysis.summaries) and their all-time totals.
B, CELL = "BIGINT", [("day", "DATE"), ("source", V)]
SUMMARY_KEYS = {
    "sum_tags": [("tag", V), ("n_articles", B)],
    "sum_speakers": [
        ("speaker", V), ("n_quotes", B), ("n_articles", B), ("n_words", B), ("w2_sum", D),
        ("pol_sum", D), ("pol2_sum", D), ("pol_vader_sum", D), ("pol_vader2_sum", D),
        ("subj_sum", D),
    ],
    "sum_speaker_labels": [("speaker", V), ("label", V), ("role", V), ("n_quotes", B)],
    "sum_entities": [("name", V), ("label", V), ("n_articles", B), ("n_mentions", B)],
    "sum_figures": [
        ("category", V), ("scope", V), ("n_figures", B), ("n_articles", B),
        ("n_articles_category", B),
    ],
    "sum_figure_places": [("location", V), ("category", V), ("n_figures", B)],
    "sum_entity_pairs": [("name_a", V), ("name_b", V), ("weight", B)],
    "sum_figure_events": [
        ("week", "DATE"), ("category", V), ("location", V), ("scope", V), ("unit_key", V),
        ("n_articles", B),
    ],
    "sum_attitudes": [
        ("scorer", V), ("holder", V), ("target", V), ("n", B), ("n_polarity", B), ("pol_sum", D),
    ],
}  # fmt: skip
EXPECTED["sum_articles"] = CELL + [("n_articles", B), ("n_duplicates", B)]
EXPECTED["sum_figure_days"] = [
    ("day", "DATE"), ("category", V), ("place", V), ("scope", V), ("n_figures", B),
    ("estimate_median", D), ("estimate_min", D), ("estimate_max", D), ("claimants", "VARCHAR[]"),
    ("article_id", V), ("start", "INTEGER"), ("text", V), ("unit", V), ("claimed_by", V),
    ("approximate", "BOOLEAN"), ("counted", V), ("estimates", "DOUBLE[]"),
]  # fmt: skip
EXPECTED["sum_figure_votes"] = CELL + [
    ("week", "DATE"), ("category", V), ("location", V), ("scope", V), ("unit_key", V),
    ("estimate", D), ("n_figures", B), ("n_articles", B), ("article_id", V), ("start", "INTEGER"),
    ("figure_kinds", "STRUCT(article_id VARCHAR, kinds BIGINT)[]"),
]  # fmt: skip
EXPECTED["sum_conflict_figures"] = CELL + [
    ("category", V), ("class", V), ("location", V), ("scope", V), ("estimate", D), ("lo", D),
    ("hi", D), ("claimant", V), ("article_id", V), ("start", "INTEGER"), ("kinds", B),
    ("whole", D),
]  # fmt: skip
EXPECTED["sum_entity_names_all"] = [("name", V), ("label", V), ("n_articles", B), ("n_mentions", B)]
EXPECTED["sum_attitude_holders_all"] = [("scorer", V), ("holder", V), ("n", B)]
EXPECTED["sum_pending"] = [("day", "DATE")]  # the days a run leaves to recount at its end
for _table, _columns in SUMMARY_KEYS.items():
    EXPECTED[_table] = CELL + _columns
    EXPECTED[f"{_table}_all"] = _columns
    EXPECTED[f"{_table}_month"] = [("month", "DATE"), *_columns]
    EXPECTED[f"{_table}_year"] = [("year", "DATE"), *_columns]
    EXPECTED[f"{_table}_outlet"] = [("source", V), *_columns]


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
                "holder_targets",
            ]
        )


@pytest.mark.parametrize(
    "annotation, expected",
    [
        (str, "VARCHAR"),
        (int, "INTEGER"),
        (float, "DOUBLE"),
        (bool, "BOOLEAN"),
        (datetime.date, "DATE"),
        (tuple[str, ...], "VARCHAR[]"),
        (str | None, "VARCHAR"),
        (float | None, "DOUBLE"),
    ],
)
def test_sql_type_of_a_field_annotation(annotation, expected):
    assert schema.sql_type(annotation) == expected


@pytest.mark.parametrize("annotation", [dict[str, int], int | str, list[str], bytes])
def test_a_field_type_with_no_column_type_is_refused(annotation):
    with pytest.raises(TypeError, match="no SQL type"):
        schema.sql_type(annotation)


def test_a_column_order_must_name_every_field_once():
    with pytest.raises(ValueError, match="Entity"):
        schema.record_columns(Entity, order=("article_id", "name", "label", "mentions"))


@pytest.mark.parametrize(
    "table, record", [("quotes", Quote), ("entities", Entity), ("entity_mentions", EntityMention),
                      ("figures", Figure), ("attitudes", Attitude)],
)  # fmt: skip
def test_record_tables_and_export_fields_are_the_record_fields(table, record):
    names = [f.name for f in dataclasses.fields(record)]
    # counted (worked out) by the store when it writes
    store_only = {"quotes": ["n_words"], "figures": ["kinds"]}.get(table, [])
    assert [name for name, _ in COLUMNS[table]] == names + store_only
    fields = {Quote: export.QUOTE_FIELDS, Entity: export.ENTITY_FIELDS,
              Figure: export.FIGURE_FIELDS, Attitude: export.ATTITUDE_FIELDS}  # fmt: skip
    if record in fields:
        assert fields[record] == names


def test_records_are_written_to_the_columns_of_their_field_names(tmp_path):
    """Every field lands in the column of its name (neighbouring fields of one type would swap
    unnoticed if rows were written by position)."""
    article = Article(id="a1", title="T", text="Body.", source="S", published="2016-12-10",
                      url="u", tags=("x", "y"), path="p", n_words=7, author="W")  # fmt: skip
    quote = Quote("a1", "direct", "q", 1, 2, "Sp", "he", 3, 4, "PERSON", "envoy", "said",
                  0.25, 0.5, -0.75)  # fmt: skip
    figure = Figure("a1", "about 5", 5.0, 4.0, 6.0, True, "people", "killed", "civilians",
                    "Aleppo", "UN", 10, 17, "About 5 were killed.", "total")  # fmt: skip
    attitude = Attitude("a1", "Sp", "Aleppo", 8, 14, -0.5, "negative", "s", "vader")
    mention = EntityMention("a1", "Aleppo", "GPE", "Aleppo", 8, 14, 0)
    entity = Entity("a1", "Aleppo", "GPE", 3, 8)
    result = ArticleResult(article, (quote,), (entity,), (mention,), (figure,), (attitude,))
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([result])
        for table, record in [("quotes", quote), ("figures", figure), ("attitudes", attitude),
                              ("entity_mentions", mention), ("entities", entity)]:  # fmt: skip
            row = store.query(f"SELECT * FROM {table}").iloc[0].to_dict()
            if table == "quotes":
                assert row.pop("n_words") == 1  # counted by the store: "q" is one word
            if table == "figures":  # worked out by the store: no kind of incident named
                assert row.pop("kinds") == 0
            assert row == pytest.approx(dataclasses.asdict(record)), table
        art = store.query("SELECT * FROM articles").iloc[0]
        assert art["published"].date() == datetime.date(2016, 12, 10)
        assert list(art["tags"]) == ["x", "y"]
        assert (art["source"], art["url"], art["path"], art["n_words"], art["author"]) == (
            "S", "u", "p", 7, "W"
        )  # fmt: skip
        assert art["search_text"] == "t\nbody."
        assert art["duplicate_of"] is None and art["analysed_at"] is not None
