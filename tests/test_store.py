"""The DuckDB store: schema, versioning, clear errors, replacing rows, transactional batches."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from analysis import incident_kinds, summaries
from analysis.records import Article, ArticleResult, Entity, Quote
from analysis.store import OLDEST_UPGRADABLE, SCHEMA_VERSION, OlderStore, Store, StoreError


def _result(article_id: str, n_quotes: int) -> ArticleResult:
    article = Article(
        id=article_id, title="T", text="Some text here.", published="2016-12-10", tags=("Aleppo",)
    )
    quotes = tuple(
        Quote(article_id, "direct", f"q{i}", i, i + 1, speaker="S") for i in range(n_quotes)
    )
    return ArticleResult(
        article=article, quotes=quotes, entities=(Entity(article_id, "Aleppo", "GPE", 2, 0),)
    )


def test_new_store_records_schema_version(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert (
            store.query("SELECT value FROM meta WHERE key='schema_version'").iloc[0, 0]
            == SCHEMA_VERSION
        )
        assert store.counts() == {
            "articles": 0,
            "quotes": 0,
            "entities": 0,
            "entity_mentions": 0,
            "entity_pairs": 0,
            "figures": 0,
            "name_merges": 0,
            "name_raw": 0,
            "attitudes": 0,
            "terms": 0,
            "holder_targets": 0,
        }


def test_reanalysing_replaces_rows(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([_result("a1", 3)])
        store.write_batch([_result("a1", 1)])
        assert store.counts()["quotes"] == 1
        assert store.counts()["articles"] == 1
        assert store.known_ids(["a1", "zz"]) == {"a1"}


def test_failed_batch_leaves_nothing_half_written(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([_result("a1", 2)])
        bad = ArticleResult(
            article=Article(id="a2", title="T", text="x"),
            quotes=(Quote("a2", "direct", "q", "not-an-int", 1),),
        )
        with pytest.raises(duckdb.Error):
            store.write_batch([_result("a3", 1), bad])
        assert store.known_ids(["a1", "a2", "a3"]) == {"a1"}
        assert store.counts()["quotes"] == 2


def test_file_that_is_not_duckdb(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("just some notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="notes.duckdb: cannot open as a DuckDB store"):
        Store(path)
    assert path.read_text().startswith("just some notes")  # untouched


def test_a_csv_given_as_the_store_read_only_says_it_is_no_duckdb_file(tmp_path):
    # what `presslens export --db articles.csv` opens: DuckDB's own words ("Cannot launch
    # in-memory database in read-only mode") said nothing of it
    path = tmp_path / "articles.csv"
    path.write_text("title,text\nA,B\n")
    with pytest.raises(
        StoreError, match=r"articles.csv: not a presslens store \(not a DuckDB file\)"
    ):
        Store(path, read_only=True).con  # noqa: B018 - opening is the test
    assert path.read_text() == "title,text\nA,B\n"


def test_duckdb_file_of_another_application(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a presslens store"):
        Store(path)


def test_schema_version_mismatch_is_explained(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(
        StoreError, match=rf"schema version '0', this presslens needs '{SCHEMA_VERSION}'"
    ):
        Store(path)


def _dump(path, tables):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}
    finally:
        con.close()


def _assert_rows_close(got: list, want: list, table: str) -> None:
    """The rows equal, their floats up to rounding (totals kept by adding and taking away)."""
    assert len(got) == len(want), table
    for g, w in zip(got, want, strict=True):
        floats = [i for i, v in enumerate(w) if isinstance(v, float)]
        assert [v for i, v in enumerate(g) if i not in floats] == [
            v for i, v in enumerate(w) if i not in floats
        ], table
        assert [g[i] for i in floats] == pytest.approx([w[i] for i in floats], rel=1e-9)


def _keyed(path):
    """The articles, entity pairs and holder_targets of the store at ``path``, each row's
    article key replaced by a check that it is its article's."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            "articles": con.execute(
                "SELECT * EXCLUDE (article_key) FROM articles ORDER BY ALL"
            ).fetchall(),
            **{
                table: con.execute(
                    f"SELECT t.* EXCLUDE (article_key), t.article_key = a.article_key FROM {table} t "
                    "LEFT JOIN articles a ON a.id = t.article_id ORDER BY ALL"
                ).fetchall()
                for table in ("entity_pairs", "holder_targets")
            },
        }
    finally:
        con.close()


def _made_older(src, dst, *, version):
    """A copy of ``src`` as an older presslens left it: no summary tables, no figures.subject,
    no figures.kinds (which the upgrade works out), no quotes.n_words (which the upgrade counts from the texts: the quotes compare equal), no
    article keys and no holder_targets (which it fills from the articles and attitudes)."""
    shutil.copy(src, dst)
    con = duckdb.connect(str(dst))
    for table in [*summaries.COLUMNS, "holder_targets"]:
        con.execute(f"DROP TABLE {table}")
    con.execute("ALTER TABLE articles DROP COLUMN article_key")
    con.execute("DROP INDEX idx_entity_pairs_article")
    con.execute("ALTER TABLE entity_pairs DROP COLUMN article_key")
    con.execute("CREATE INDEX idx_entity_pairs_article ON entity_pairs(article_id)")
    con.execute("DROP INDEX idx_figures_article")  # DuckDB alters no table an index uses
    con.execute("ALTER TABLE figures DROP COLUMN subject")
    con.execute("ALTER TABLE figures DROP COLUMN kinds")
    con.execute("CREATE INDEX idx_figures_article ON figures(article_id)")
    con.execute("DROP INDEX idx_quotes_article")
    con.execute("ALTER TABLE quotes DROP COLUMN n_words")
    con.execute("CREATE INDEX idx_quotes_article ON quotes(article_id)")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
    con.close()


@pytest.mark.skipif(int(SCHEMA_VERSION) <= OLDEST_UPGRADABLE, reason="no older schema to upgrade")
def test_a_store_of_an_older_schema_is_upgraded_in_place(corpus_store, tmp_path):
    old = tmp_path / "older.duckdb"
    _made_older(corpus_store, old, version=int(SCHEMA_VERSION) - 1)
    # Read-only it cannot change: one message saying how to upgrade.
    with pytest.raises(OlderStore, match=r"older presslens .*open it once read-write"):
        Store(old, read_only=True)
    Store(old).close()  # read-write: upgraded
    with Store(old, read_only=True) as store:
        assert store.query("SELECT value FROM meta WHERE key='schema_version'").iloc[0, 0] == (
            SCHEMA_VERSION
        )
    # totals kept by adding and taking away (all-time, per month, year, outlet): equal up to rounding
    summed = [t for t in summaries.COLUMNS if t.endswith(("_all", "_month", "_year", "_outlet"))]
    exact = ["quotes", *(t for t in summaries.COLUMNS if t not in summed)]
    assert all(_dump(old, ["sum_articles", "sum_speakers_all"]).values()), "something recounted"
    assert _dump(old, exact) == _dump(corpus_store, exact), "data kept, summaries recounted"
    # Keys given in the order the articles were stored (the corpus's own were given as they
    # were written, so they may differ): each article one key, its pairs and sums under it.
    keyed = _keyed(old)
    assert keyed == _keyed(corpus_store), "articles, pairs and attitude sums kept or rebuilt"
    con = duckdb.connect(str(old), read_only=True)
    n, distinct, unkeyed = con.execute(
        "SELECT count(*), count(DISTINCT article_key), count(*) - count(article_key) FROM articles"
    ).fetchone()
    con.close()
    assert n == distinct > 0 and unkeyed == 0
    for table in summed:
        _assert_rows_close(_dump(old, [table])[table], _dump(corpus_store, [table])[table], table)
    con = duckdb.connect(str(old), read_only=True)
    n, with_subject = con.execute("SELECT count(*), count(subject) FROM figures").fetchone()
    con.close()
    assert n > 20 and with_subject == 0, "the added column is NULL in the rows stored before"
    assert _kinds(old) == _kinds(corpus_store), "the figures' kinds worked out"


def _kinds(path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT article_id, start, kinds FROM figures ORDER BY ALL").fetchall()
    finally:
        con.close()


def test_an_upgrade_from_schema_38_works_out_the_stored_figures_kinds(corpus_store, tmp_path):
    """Schema 39 stores each figure's incident kinds (figures.kinds): a schema-38 store gets
    them worked out from the sentences, as a write works them out, and no summary recounted."""
    old = tmp_path / "older.duckdb"
    shutil.copy(corpus_store, old)
    con = duckdb.connect(str(old))
    con.execute("DROP INDEX idx_figures_article")  # DuckDB alters no table an index uses
    con.execute("ALTER TABLE figures DROP COLUMN kinds")
    con.execute("CREATE INDEX idx_figures_article ON figures(article_id)")
    con.execute("UPDATE sum_articles SET n_articles = n_articles + 1000")  # what it must not
    con.execute("UPDATE meta SET value = '38' WHERE key = 'schema_version'")
    con.close()
    Store(old).close()
    got, want = _dump(old, ["figures"]), _dump(corpus_store, ["figures"])
    assert got == want and len(got["figures"]) > 20
    con = duckdb.connect(str(old), read_only=True)
    computed = con.execute(
        f"SELECT count(*) FILTER (WHERE kinds = {incident_kinds.KINDS_SQL.format(f='f')}), "
        "count(*) FILTER (WHERE kinds <> 0), count(*) FROM figures f"
    ).fetchone()
    con.close()
    assert computed[0] == computed[2] and computed[1] > 0
    marked = _dump(old, ["sum_articles"])["sum_articles"]
    assert marked and all(row[2] > 1000 for row in marked)


def test_an_upgrade_counts_only_the_summaries_that_are_new(corpus_store, tmp_path):
    """A million articles' summaries take many minutes to recount: an upgrade that adds one
    summary counts that one and leaves the others as they are."""
    old = tmp_path / "older.duckdb"
    shutil.copy(corpus_store, old)
    con = duckdb.connect(str(old))
    new = [
        "sum_figure_events", "sum_figure_events_all", "sum_entity_pairs", "sum_entity_pairs_all",
        "sum_figure_days", "sum_figure_votes", "sum_conflict_figures",
        "sum_entity_names_all", "sum_attitude_holders_all",
    ]  # fmt: skip
    for table in new:
        con.execute(f"DROP TABLE {table}")
    # A mark on a summary that is not new: a recount would wipe it.
    con.execute("UPDATE sum_articles SET n_articles = n_articles + 1000")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", ["9"])
    con.close()
    Store(old).close()
    got = _dump(old, new)
    assert got == _dump(corpus_store, new) and all(got.values())
    marked = _dump(old, ["sum_articles"])["sum_articles"]
    assert marked and all(row[2] > 1000 for row in marked)


def test_an_upgrade_to_year_totals_sums_them_from_the_month_totals(corpus_store, tmp_path):
    """Schema 17 added the year totals: a schema-16 store gets them summed from its month
    totals (a million articles' cells are not grouped again), equal to the ones kept at write
    time, and nothing else recounted."""
    old = tmp_path / "older.duckdb"
    shutil.copy(corpus_store, old)
    years = [t for t in summaries.COLUMNS if t.endswith("_year")]
    assert len(years) == len(summaries.TOTALS)
    con = duckdb.connect(str(old))
    for table in years:
        con.execute(f"DROP TABLE {table}")
    con.execute("UPDATE sum_articles SET n_articles = n_articles + 1000")  # what it must not
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", ["16"])
    con.close()
    Store(old).close()
    got, want = _dump(old, years), _dump(corpus_store, years)
    assert got["sum_entities_year"] and got["sum_attitudes_year"]  # (the corpus has no tags)
    for table in years:
        _assert_rows_close(got[table], want[table], table)
    marked = _dump(old, ["sum_articles"])["sum_articles"]
    assert marked and all(row[2] > 1000 for row in marked)


def test_an_upgrade_recounts_a_summary_whose_definition_changed(corpus_store, tmp_path):
    """Schema 15 changed the bounds ``sum_conflict_figures`` keeps ("at least 70" allows more):
    a schema-14 store gets that summary recounted, and only that one."""
    old = tmp_path / "older.duckdb"
    shutil.copy(corpus_store, old)
    con = duckdb.connect(str(old))
    con.execute("UPDATE sum_conflict_figures SET lo = -1, hi = -1")  # what a recount wipes
    con.execute("UPDATE sum_articles SET n_articles = n_articles + 1000")  # what it must not
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", ["14"])
    con.close()
    Store(old).close()
    kept = ["sum_conflict_figures"]
    got = _dump(old, kept)
    assert got == _dump(corpus_store, kept) and all(got.values())
    marked = _dump(old, ["sum_articles"])["sum_articles"]
    assert marked and all(row[2] > 1000 for row in marked)


def _upgraded_from(corpus_store, tmp_path, version: str, *changes: str):
    """A copy of the corpus store as schema ``version`` left it (``changes``: what that schema
    held differently), its articles' totals marked (what no recount may touch), then opened by
    this presslens: upgraded in place. Returns its path."""
    old = tmp_path / "older.duckdb"
    shutil.copy(corpus_store, old)
    con = duckdb.connect(str(old))
    for change in changes:
        con.execute(change)
    con.execute("UPDATE sum_articles SET n_articles = n_articles + 1000")  # what it must not
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
    con.close()
    Store(old).close()
    return old


def _only_recounted(old, corpus_store, kept: list[str]) -> None:
    """The upgraded store's ``kept`` summaries are a new store's, and nothing else was
    recounted (the articles' totals keep their mark)."""
    got = _dump(old, kept)
    assert got == _dump(corpus_store, kept) and all(got.values())
    marked = _dump(old, ["sum_articles"])["sum_articles"]
    assert marked and all(row[2] > 1000 for row in marked)


def test_an_upgrade_to_schema_27_adds_and_counts_the_toll_of_each_part(corpus_store, tmp_path):
    """Schema 27 added ``sum_conflict_figures.whole`` (the toll a part belongs to: parts of two
    tolls are no conflict): a schema-26 store gets the column, that summary recounted, and
    nothing else."""
    old = _upgraded_from(
        corpus_store, tmp_path, "26",
        "ALTER TABLE sum_conflict_figures DROP COLUMN whole",
        "UPDATE sum_conflict_figures SET kinds = -1",  # what a recount wipes
    )  # fmt: skip
    _only_recounted(old, corpus_store, ["sum_conflict_figures"])
    con = duckdb.connect(str(old), read_only=True)
    parts, wholes = con.execute(
        "SELECT count(*) FILTER (WHERE f.part_of IS NOT NULL), count(s.whole) "
        "FROM sum_conflict_figures s JOIN figures f USING (article_id, start)"
    ).fetchone()
    con.close()
    assert wholes > 0 and wholes <= parts, (parts, wholes)


def test_an_upgrade_to_schema_29_recounts_the_incident_kinds(corpus_store, tmp_path):
    """Schema 29 gave the kinds of ``sum_conflict_figures`` new bits (a day's span, a part of
    the place, the side implied by whose area was hit): a schema-28 store gets that summary
    recounted, its kinds as a new store computes them, and nothing else."""
    from analysis import incident_kinds

    # the kinds as schema 28 left them: none of the new bits
    new_bits = incident_kinds.DAY_SPAN_BIT | incident_kinds.PLACE_PART_BIT
    old = _upgraded_from(
        corpus_store, tmp_path, "28", f"UPDATE sum_conflict_figures SET kinds = kinds & ~{new_bits}"
    )
    _only_recounted(old, corpus_store, ["sum_conflict_figures"])
    con = duckdb.connect(str(old), read_only=True)
    (parts,) = con.execute(
        f"SELECT count(*) FROM sum_conflict_figures WHERE kinds & {new_bits} <> 0"
    ).fetchone()
    con.close()
    assert parts > 0, "the corpus has figures of a part of a place: the bits are back"


def test_an_upgrade_to_schema_30_recounts_the_incident_kinds(corpus_store, tmp_path):
    """Schema 30 gave the kinds of ``sum_conflict_figures`` new bits (the city or elsewhere in
    its province, the neighbourhood named): a schema-29 store gets that summary recounted, its
    kinds as a new store computes them, and nothing else."""
    from analysis import incident_kinds

    # kinds a schema-29 store cannot hold: both new place bits and a neighbourhood's key on
    # every row (whatever the corpus's sentences name, only a recount takes them off)
    stale = incident_kinds.CITY_BIT | incident_kinds.ELSEWHERE_BIT | incident_kinds.PART_NAME_MASK
    old = _upgraded_from(
        corpus_store, tmp_path, "29", f"UPDATE sum_conflict_figures SET kinds = kinds | {stale}"
    )
    _only_recounted(old, corpus_store, ["sum_conflict_figures"])


def test_an_upgrade_to_schema_31_adds_and_counts_the_incident_kinds_of_the_votes(
    corpus_store, tmp_path
):
    """Schema 31 added ``sum_figure_votes.figure_kinds`` (each article's incident kinds: the
    headline's spread ranges over its incident): a schema-30 store gets the column, that
    summary recounted, and nothing else."""
    old = _upgraded_from(
        corpus_store, tmp_path, "30",
        "ALTER TABLE sum_figure_votes DROP COLUMN figure_kinds",
        "UPDATE sum_figure_votes SET n_figures = -1",  # what a recount wipes
    )  # fmt: skip
    _only_recounted(old, corpus_store, ["sum_figure_votes"])
    con = duckdb.connect(str(old), read_only=True)
    (unkinded,) = con.execute(
        "SELECT count(*) FROM sum_figure_votes WHERE len(figure_kinds) = 0 OR figure_kinds IS NULL"
    ).fetchone()
    con.close()
    assert unkinded == 0, "every estimate's articles with their kinds"


def test_an_upgrade_to_schema_32_adds_and_counts_the_figures_by_place(corpus_store, tmp_path):
    """Schema 32 added ``sum_figure_places`` and its totals (figures by place and category: the
    Places page): a schema-31 store gets the tables, counted, and nothing else recounted."""
    tables = ["sum_figure_places", *(f"sum_figure_places{tier}" for tier in summaries.TIERS)]
    old = _upgraded_from(corpus_store, tmp_path, "31", *(f"DROP TABLE {table}" for table in tables))
    _only_recounted(old, corpus_store, tables)


def test_an_upgrade_to_schema_33_recounts_the_kinds_and_classes(corpus_store, tmp_path):
    """Schema 33 gave the kinds a toll told as rising and the group of members, and left out
    the series rows of all scopes together (scope "*", which no view reads any more): a
    schema-32 store gets the conflict figures, the votes (which carry the kinds) and the
    series recounted, as a new store counts them, and nothing else."""
    from analysis import incident_kinds

    stale = incident_kinds.RISING_BIT | incident_kinds.GROUP_MASK  # on every row: a recount's
    old = _upgraded_from(
        corpus_store, tmp_path, "32",
        f"UPDATE sum_conflict_figures SET kinds = kinds | {stale}",
        "UPDATE sum_figure_votes SET n_figures = -1",  # what a recount wipes
        "INSERT INTO sum_figure_days SELECT * REPLACE ('*' AS scope) FROM sum_figure_days",
    )  # fmt: skip
    _only_recounted(
        old, corpus_store, ["sum_conflict_figures", "sum_figure_votes", "sum_figure_days"]
    )
    with duckdb.connect(str(corpus_store), read_only=True) as con:  # nor does a new store
        scopes = {
            s for (s,) in con.execute("SELECT DISTINCT scope FROM sum_figure_days").fetchall()
        }
    assert scopes and "*" not in scopes, scopes


def test_an_upgrade_to_schema_34_keys_the_running_totals_by_group(corpus_store, tmp_path):
    """Schema 34 added ``sum_figure_days.counted`` (a running total's group counted: the
    civilians', the children's and everyone's tolls of a day are apart): a schema-33 store gets
    the column, the series recounted as a new store counts them, and nothing else."""
    old = _upgraded_from(
        corpus_store, tmp_path, "33",
        "ALTER TABLE sum_figure_days DROP COLUMN counted",
        "ALTER TABLE sum_figure_days DROP COLUMN estimates",  # schema 36's
        "UPDATE sum_figure_days SET n_figures = -1",  # what a recount wipes
    )  # fmt: skip
    _only_recounted(old, corpus_store, ["sum_figure_days"])
    with duckdb.connect(str(old), read_only=True) as con:
        by_scope = dict(
            con.execute(
                "SELECT scope, count(*) FILTER (WHERE counted IS NOT NULL) = count(*) "
                "FROM sum_figure_days GROUP BY scope"
            ).fetchall()
        )
    # a group for every running total (and, since schema 35, for every other scope's row)
    assert by_scope.pop("total") is True and by_scope and all(by_scope.values()), by_scope


def test_an_upgrade_to_schema_35_keys_every_scope_by_group_without_charted_parts(
    corpus_store, tmp_path
):
    """Schema 35 keys the news events' and the earlier events' series by group counted too,
    and leaves out a part whose whole is charted ("33 children" of "112 civilians"): a schema-34
    store (groups for running totals only) gets its series recounted as a new store counts
    them, and nothing else."""
    old = _upgraded_from(
        corpus_store, tmp_path, "34",
        "UPDATE sum_figure_days SET counted = NULL WHERE scope <> 'total'",
        "ALTER TABLE sum_figure_days DROP COLUMN estimates",  # schema 36's
        "UPDATE sum_figure_days SET n_figures = -1",  # what a recount wipes
    )  # fmt: skip
    _only_recounted(old, corpus_store, ["sum_figure_days"])
    with duckdb.connect(str(old), read_only=True) as con:
        ungrouped = con.execute("SELECT count(*) FROM sum_figure_days WHERE counted IS NULL")
        assert ungrouped.fetchone() == (0,)
        # the corpus holds parts of charted tolls, and the series count none of them
        charted, parts = con.execute(
            "SELECT (SELECT sum(n_figures) FROM sum_figure_days), "
            "count(*) FILTER (WHERE f.part_of IS NOT NULL AND w.start IS NOT NULL) "
            "FROM figures f JOIN articles a ON a.id = f.article_id "
            "LEFT JOIN figures w ON w.article_id = f.article_id AND w.start = f.part_of "
            "AND w.scope IS NOT NULL AND coalesce(w.value, w.low, w.high) IS NOT NULL "
            "WHERE a.published IS NOT NULL AND f.scope IS NOT NULL "
            "AND coalesce(f.value, f.low, f.high) IS NOT NULL"
        ).fetchone()
        dated = con.execute(
            "SELECT count(*) FROM figures f JOIN articles a ON a.id = f.article_id "
            "WHERE a.published IS NOT NULL AND f.scope IS NOT NULL "
            "AND coalesce(f.value, f.low, f.high) IS NOT NULL"
        ).fetchone()[0]
    assert parts > 0 and charted == dated - parts, (charted, dated, parts)


def test_an_upgrade_to_schema_36_keeps_every_figures_estimate_for_weeks_and_months(
    corpus_store, tmp_path
):
    """Schema 36 added ``sum_figure_days.estimates`` (every figure's estimate: a week's or a
    month's median is that of its figures, analysis.figure_views.SERIES_MAX_POINTS): a
    schema-35 store gets the column and its series recounted as a new store counts them, and
    nothing else."""
    old = _upgraded_from(
        corpus_store, tmp_path, "35",
        "ALTER TABLE sum_figure_days DROP COLUMN estimates",
        "UPDATE sum_figure_days SET n_figures = -1",  # what a recount wipes
    )  # fmt: skip
    _only_recounted(old, corpus_store, ["sum_figure_days"])
    with duckdb.connect(str(old), read_only=True) as con:
        wrong = con.execute(
            "SELECT count(*) FROM sum_figure_days WHERE len(estimates) <> n_figures "
            "OR list_min(estimates) <> estimate_min OR list_max(estimates) <> estimate_max"
        ).fetchone()
    assert wrong == (0,)


def test_an_upgrade_to_schema_37_keys_one_group_whatever_its_nouns_number(corpus_store, tmp_path):
    """Schema 37 keys a group by one word whatever the number and spelling of its noun ("one
    civilian" among the civilians, "km" as "kilometres"): a schema-36 store, its classes and
    groups the noun as written, gets the conflicts' classes and the series recounted as a new
    store counts them, and nothing else."""
    from analysis import summaries

    old = _upgraded_from(
        corpus_store, tmp_path, "36",
        # as schema 36 keyed the civilians of "one civilian": apart, by the noun as written
        "UPDATE sum_conflict_figures SET class = 'civilian' WHERE class = 'civilians'",
        "UPDATE sum_figure_days SET counted = 'civilian' WHERE counted = 'civilians'",
        "UPDATE sum_conflict_figures SET kinds = -1",  # what a recount wipes
        "UPDATE sum_figure_days SET n_figures = -1",
    )  # fmt: skip
    _only_recounted(old, corpus_store, ["sum_conflict_figures", "sum_figure_days"])
    with duckdb.connect(str(old), read_only=True) as con:
        classes = [
            c for (c,) in con.sql("SELECT DISTINCT class FROM sum_conflict_figures").fetchall()
        ]
        groups = [g for (g,) in con.sql("SELECT DISTINCT counted FROM sum_figure_days").fetchall()]
    # every class and group is its own key: no singular left beside its plural
    assert classes and all(summaries.group_key(c) == c for c in classes), classes
    assert groups and all(summaries.group_key(g) == g for g in groups if g), groups


def test_a_store_older_than_the_upgrades_or_with_unknown_columns_is_refused(corpus_store, tmp_path):
    too_old = tmp_path / "too-old.duckdb"
    _made_older(corpus_store, too_old, version=OLDEST_UPGRADABLE - 1)
    with pytest.raises(StoreError, match="re-analyse into a new --db file"):
        Store(too_old)
    unknown = tmp_path / "unknown.duckdb"
    _made_older(corpus_store, unknown, version=int(SCHEMA_VERSION) - 1)
    con = duckdb.connect(str(unknown))
    con.execute("ALTER TABLE quotes ADD COLUMN mood VARCHAR")
    con.close()
    with pytest.raises(StoreError, match="quotes has columns this presslens does not know"):
        Store(unknown)
    assert _dump(unknown, ["meta"])["meta"] == [("schema_version", str(int(SCHEMA_VERSION) - 1))]


def test_read_only_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


@pytest.mark.parametrize("read_only", [False, True])
def test_a_folder_given_as_the_store_is_named_as_one(tmp_path, read_only):
    """The articles' folder passed as --db read "cannot open as a DuckDB store (IO Error …)"."""
    with pytest.raises(StoreError, match="a folder, not a store: --db names the store's file"):
        Store(tmp_path, read_only=read_only)
