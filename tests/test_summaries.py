"""The per-day summary tables (analysis.summaries) and the per-article derived tables (entity
pairs, holder_targets): kept equal to a recount from the base tables through every kind of
write, and the views that read them give what the base tables give."""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import date, timedelta

import pandas as pd
import pytest

from analysis import (
    aggregates,
    article_views,
    attitude_views,
    entity_views,
    figure_views,
    holder_targets,
    identity,
    quote_views,
    summaries,
)
from analysis.filters import Filters
from analysis.store import Store
from tests.test_identity import _corpus

# The per-article tables derived in SQL at write time and by the identity pass, like the
# summaries (analysis.aggregates, analysis.holder_targets), with the article keys they carry.
DERIVED = {
    "entity_pairs": aggregates.sentence_pairs_sql(),
    "holder_targets": holder_targets.insert_sql(),
}


def _tables(con) -> dict[str, list[tuple]]:
    return {
        t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
        for t in [*summaries.TABLES, *DERIVED]
    }


def _assert_recounted(con) -> None:
    """The summaries as maintained equal a full recount from the base tables (rolled back)."""
    kept = _tables(con)
    assert kept["sum_articles"], "nothing summarised"
    con.execute("BEGIN")
    try:
        summaries.rebuild(con)
        for table, insert in DERIVED.items():
            con.execute(f"DELETE FROM {table}")
            con.execute(insert)
        recounted = _tables(con)
    finally:
        con.execute("ROLLBACK")
    assert kept["holder_targets"], "no attitudes summed"
    for table in [*summaries.TABLES, *DERIVED]:
        if table.endswith(
            ("_all", "_month", "_year", "_outlet")
        ):  # kept by adding and taking away: up to rounding
            got, want = pd.DataFrame(kept[table]), pd.DataFrame(recounted[table])
            pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-9, obj=table)
        else:
            assert kept[table] == recounted[table], table


def _dated(results, days):
    """The results with their articles published on ``days`` (cycled), None = undated."""
    out = []
    for i, res in enumerate(results):
        day = days[i % len(days)]
        art = dataclasses.replace(res.article, published=None if day is None else str(day))
        out.append(dataclasses.replace(res, article=art))
    return out


def _renamed(res, article_id):
    """``res`` as the result of another article, ``article_id`` (its records follow)."""
    fields = {}
    for f in dataclasses.fields(res):
        value = getattr(res, f.name)
        if f.name == "article":
            fields[f.name] = dataclasses.replace(value, id=article_id)
        elif isinstance(value, tuple):
            fields[f.name] = tuple(dataclasses.replace(r, article_id=article_id) for r in value)
    return dataclasses.replace(res, **fields)


def test_summaries_equal_a_recount_after_analyse_merge_undo_and_a_second_batch(tmp_path):
    days = [date(2016, 12, 10), date(2016, 12, 11), None]
    first = _dated(_corpus(), days)
    with Store(tmp_path / "sums.duckdb") as store:
        store.write_batch(first)
        identity.update(store.con)
        con = store.con
        # the pass joined spellings: the summaries count the canonical names only
        speakers = {r[0] for r in con.execute("SELECT speaker FROM sum_speakers").fetchall()}
        assert "Rami Abdurrahman" not in speakers and "Rami Abdel Rahman" in speakers
        assert {r[0] for r in con.execute("SELECT source FROM sum_articles").fetchall()} == {"FOX"}
        _assert_recounted(con)

        identity.set_undone(con, "person", "Rami Abdurrahman", True)
        speakers = {r[0] for r in con.execute("SELECT speaker FROM sum_speakers").fetchall()}
        assert "Rami Abdurrahman" in speakers
        _assert_recounted(con)
        identity.set_undone(con, "outlet", "fox", True)
        assert {r[0] for r in con.execute("SELECT source FROM sum_articles").fetchall()} == {
            "FOX",
            "fox",
        }
        _assert_recounted(con)
        identity.set_undone(con, "person", "Rami Abdurrahman", False)
        _assert_recounted(con)

        # a second batch: new articles on a new day and on an old one, one article re-analysed
        # onto another day (its old day must lose it), one near-duplicate of a stored article
        second = _dated(_corpus()[:3], [date(2016, 12, 12)])
        second = [_renamed(r, f"b{i}") for i, r in enumerate(second)]
        moved = _dated([first[0]], [date(2016, 12, 13)])
        dup = dataclasses.replace(first[1].article, id="dup1")
        store.write_batch(second + moved, duplicates=[(dup, first[1].article.id)])
        identity.update(con, fresh_ids=[r.article.id for r in second + moved])
        n = con.execute(
            "SELECT n_articles FROM sum_articles WHERE day = DATE '2016-12-13'"
        ).fetchone()
        assert n == (1,)
        assert con.execute("SELECT sum(n_duplicates) FROM sum_articles").fetchone()[0] == 1
        _assert_recounted(con)


@pytest.fixture(scope="module")
def corpus_con(corpus_store, tmp_path_factory):
    import duckdb

    path = tmp_path_factory.mktemp("sums") / "corpus.duckdb"
    shutil.copy(corpus_store, path)
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def _base(con, filters: Filters) -> Filters:
    """The same articles as ``filters``, given as ids: a filter the summaries cannot answer,
    so the view reads its base tables."""
    from analysis.filters import article_ids_sql

    sql, params = article_ids_sql(filters)
    ids = tuple(sorted(r[0] for r in con.execute(sql, params).fetchall()))
    return dataclasses.replace(filters, article_ids=ids)


def test_a_date_range_reads_its_whole_months_from_the_month_totals_outlets_theirs():
    d = date
    assert summaries._whole_months(d(2015, 1, 1), d(2015, 12, 31)) == (d(2015, 1, 1), d(2016, 1, 1))
    assert summaries._whole_months(d(2015, 1, 15), d(2015, 3, 2)) == (d(2015, 2, 1), d(2015, 3, 1))
    assert summaries._whole_months(d(2016, 1, 31), d(2016, 2, 29)) == (d(2016, 2, 1), d(2016, 3, 1))
    assert summaries._whole_months(d(2015, 12, 5), None) == (d(2016, 1, 1), None)
    assert summaries._whole_months(None, d(2015, 6, 29)) == (None, d(2015, 6, 1))
    # no whole month inside: the cells only
    assert summaries._whole_months(d(2015, 1, 2), d(2015, 1, 31)) is None
    assert summaries._whole_months(d(2015, 1, 15), d(2015, 2, 14)) is None
    dates = Filters(date_from=d(2015, 1, 15), date_to=d(2015, 3, 2))
    table, where, params, one_row_per_key = summaries.table_where("sum_attitudes", dates)
    assert "sum_attitudes_month" in table and (where, params) == ("TRUE", [])
    assert "sum_attitudes_year" not in table and not one_row_per_key  # the days at the ends
    # outlets and dates, or no whole month: the cells
    short = Filters(date_from=d(2015, 1, 2), date_to=d(2015, 1, 30))
    for f in (dataclasses.replace(dates, sources=("BBC",)), short):
        assert summaries.table_where("sum_attitudes", f)[0] == "sum_attitudes"
    # outlets alone: their totals
    table, where, params, _ = summaries.table_where("sum_attitudes", Filters(sources=("BBC", "AP")))
    assert (table, params) == ("sum_attitudes_outlet", ["AP", "BBC"]) and "s.source" in where


def _parts(filters):
    """Which tiers a date range's subquery reads, and over which dates, in order."""
    table, _, _, one_row_per_key = summaries.table_where("sum_entities", filters)
    return re.findall(
        r"FROM sum_entities(_\w+)? WHERE ([^)]*?)(?= UNION|\)$)", table
    ), one_row_per_key


_Y = "year >= DATE '{}-01-01' AND year < DATE '{}-01-01'"
_M = "month >= DATE '{}-01' AND month < DATE '{}-01'"


@pytest.mark.parametrize(
    "first, last, parts, one_row_per_key",
    [
        # one whole year, or one whole month: one row per key, no grouping needed
        (date(2015, 1, 1), date(2015, 12, 31), [("_year", _Y.format(2015, 2016))], True),
        (date(2016, 2, 1), date(2016, 2, 29), [("_month", _M.format("2016-02", "2016-03"))], True),
        # two years: several rows per key, to be summed
        (date(2014, 1, 1), date(2015, 12, 31), [("_year", _Y.format(2014, 2016))], False),
        # days, then months, then a year, then months, then days
        (
            date(2014, 11, 20),
            date(2016, 2, 10),
            [
                ("_year", _Y.format(2015, 2016)),
                ("_month", _M.format("2014-12", "2015-01")),
                ("_month", _M.format("2016-01", "2016-02")),
                ("", "day >= DATE '2014-11-20' AND day < DATE '2014-12-01'"),
                ("", "day >= DATE '2016-02-01' AND day <= DATE '2016-02-10'"),
            ],
            False,
        ),
        # open ends: every year before or after, then the months beside them
        (
            date(2015, 7, 1),
            None,
            [("_year", "year >= DATE '2016-01-01'"), ("_month", _M.format("2015-07", "2016-01"))],
            False,
        ),
        (None, date(2014, 12, 31), [("_year", "year < DATE '2015-01-01'")], False),
        # eleven months without a whole calendar year in them
        (
            date(2015, 2, 1),
            date(2015, 12, 31),
            [("_month", _M.format("2015-02", "2016-01"))],
            False,
        ),
    ],
)
def test_whole_years_are_read_from_the_year_totals_and_one_alone_needs_no_grouping(
    first, last, parts, one_row_per_key
):
    assert _parts(Filters(date_from=first, date_to=last)) == (parts, one_row_per_key)


@pytest.mark.parametrize(
    "kind", ["all", "dates", "months", "since", "until", "outlet", "year", "years", "month"]
)
@pytest.mark.parametrize("rows", ["ids", "pending"])
def test_views_from_the_summaries_equal_the_views_from_the_rows(corpus_con, kind, rows):
    """``rows``: how the view is sent to the rows — the same articles given as ids, or the
    same filters while the summaries are behind (a run's days pending: ``Filters.from_rows``)."""
    con = corpus_con
    opts = article_views.filter_options(con)
    filters = Filters()
    span = opts.last_date - opts.first_date
    if kind == "outlet":
        filters = Filters(sources=(opts.sources[1],))
    elif kind == "dates":  # the middle of the corpus's months
        filters = Filters(date_from=opts.first_date + span / 3, date_to=opts.last_date - span / 3)
    elif kind == "months":  # whole months (their totals) and the days at both ends (cells)
        filters = Filters(date_from=opts.first_date + span / 5, date_to=opts.last_date - span / 5)
    elif kind == "since":  # open at the end: whole months to the last
        filters = Filters(date_from=opts.first_date + span / 4)
    elif kind == "until":
        filters = Filters(date_to=opts.last_date - span / 4)
    elif kind in ("year", "years"):  # one year's totals (one row per key), or two years' summed
        year = opts.first_date.year
        first = year - 1 if kind == "years" else year
        filters = Filters(date_from=date(first, 1, 1), date_to=date(year, 12, 31))
    elif kind == "month":  # one month's totals, in the middle of the corpus
        middle = opts.first_date + span / 2
        after = (middle.replace(day=28) + timedelta(days=4)).replace(day=1)
        filters = Filters(date_from=middle.replace(day=1), date_to=after - timedelta(days=1))
    if kind in ("months", "since", "until", "year", "years", "month"):
        assert summaries.table_where("sum_speakers", filters)[0].startswith("(")
        single = summaries.table_where("sum_entity_pairs", filters).one_row_per_key
        assert single == (kind in ("year", "month")), kind
    if kind == "outlet":
        assert summaries.table_where("sum_speakers", filters)[0] == "sum_speakers_outlet"
    base = _base(con, filters) if rows == "ids" else dataclasses.replace(filters, from_rows=True)
    assert summaries.covers(filters) and not summaries.covers(base)
    counts = article_views.corpus_counts(con, filters)
    assert counts["articles"] > 5 and counts["quotes"] > 5
    assert counts == article_views.corpus_counts(con, base)
    if filters == Filters():
        assert counts["duplicates"] == 3
    for gran in ("day", "month"):
        pd.testing.assert_frame_equal(
            article_views.articles_over_time(con, filters, granularity=gran),
            article_views.articles_over_time(con, base, granularity=gran),
        )
    for scorer in ("textblob", "vader"):
        got = quote_views.speaker_stats(con, filters, limit=0, scorer=scorer)
        want = quote_views.speaker_stats(con, base, limit=0, scorer=scorer)
        assert len(got) > 3
        names = tuple(want["speaker"].head(4))
        for gran in ("week", "month"):
            pd.testing.assert_frame_equal(
                quote_views.sentiment_over_time(
                    con, filters, speakers=names, granularity=gran, scorer=scorer
                ),
                quote_views.sentiment_over_time(
                    con, base, speakers=names, granularity=gran, scorer=scorer
                ),
                check_exact=False,
                rtol=1e-9,
                check_dtype=False,
            )
        # mode() breaks ties arbitrarily; the summary takes the first in sort order
        cols = [c for c in want.columns if c not in ("label", "role")]
        pd.testing.assert_frame_equal(got[cols], want[cols], check_exact=False, rtol=1e-9)
    for label in (None, "PERSON"):
        pd.testing.assert_frame_equal(
            entity_views.top_entities(con, filters, label=label, limit=50),
            entity_views.top_entities(con, base, label=label, limit=50),
        )
    pd.testing.assert_frame_equal(
        entity_views.top_entities_by_label(con, filters),
        entity_views.top_entities_by_label(con, base),
    )
    for gran in ("week", "month"):
        got = entity_views.mentions_over_time(con, filters, granularity=gran, top=6)
        assert len(got) > 3
        pd.testing.assert_frame_equal(
            got, entity_views.mentions_over_time(con, base, granularity=gran, top=6)
        )
    for labels in (None, ("PERSON", "GPE")):
        got = entity_views.cooccurrences(con, filters, labels=labels, limit=30)
        assert len(got) > 3
        pd.testing.assert_frame_equal(
            got, entity_views.cooccurrences(con, base, labels=labels, limit=30)
        )
    for scorer in ("textblob", "vader"):
        got = attitude_views.attitude_matrix(con, filters, scorer=scorer)
        assert len(got) > 3
        pd.testing.assert_frame_equal(
            got,
            attitude_views.attitude_matrix(con, base, scorer=scorer),
            check_exact=False,
            rtol=1e-9,
        )
    for scope in (None, "event", "total"):
        pd.testing.assert_frame_equal(
            figure_views.category_counts(con, filters, scope=scope),
            figure_views.category_counts(con, base, scope=scope),
        )
        for category in ("killed", "territory_share"):
            got = figure_views.figure_series(con, filters, category=category, scope=scope)
            want = figure_views.figure_series(con, base, category=category, scope=scope)
            if scope is None and category == "killed":
                assert len(got) > 2
            pd.testing.assert_frame_equal(got, want, check_dtype=False)
        pd.testing.assert_frame_equal(
            figure_views.conflict_groups(con, filters, scope=scope),
            figure_views.conflict_groups(con, base, scope=scope),
        )
        heads = figure_views.headline_figures(con, filters, scope=scope)
        pd.testing.assert_frame_equal(heads, figure_views.headline_figures(con, base, scope=scope))
        if scope is None:  # the comparison is not of two empty frames
            assert len(heads) >= 1


def test_filter_options_and_pickers_count_what_the_rows_hold(corpus_con):
    con = corpus_con
    opts = article_views.filter_options(con)
    first, last = con.execute(
        "SELECT min(published), max(published) FROM articles WHERE duplicate_of IS NULL"
    ).fetchone()
    assert (opts.first_date, opts.last_date) == (first, last)
    sources = con.execute(
        "SELECT source FROM articles WHERE duplicate_of IS NULL AND source IS NOT NULL "
        "GROUP BY source ORDER BY count(*) DESC, source"
    ).fetchall()
    assert list(opts.sources) == [r[0] for r in sources] and len(sources) == 5
    speakers = con.execute(
        "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker "
        "ORDER BY count(*) DESC, speaker LIMIT 20"
    ).fetchall()
    assert article_views.top_names(con, "speaker", limit=20) == tuple(r[0] for r in speakers)
    names = con.execute(
        "SELECT name FROM entities GROUP BY name ORDER BY count(*) DESC, name LIMIT 20"
    ).fetchall()
    assert article_views.top_names(con, "entity", limit=20) == tuple(r[0] for r in names)


@pytest.mark.parametrize(
    "unit, key",
    [
        # the singular and the plural of a group, regular and irregular: one key, the plural
        ("civilian", "civilians"), ("civilians", "civilians"), ("child", "children"),
        ("children", "children"), ("woman", "women"), ("women", "women"), ("man", "men"),
        ("men", "men"), ("person", "people"), ("persons", "people"), ("people", "people"),
        ("schoolchildren", "schoolchildren"), ("gunman", "gunmen"), ("gunmen", "gunmen"),
        ("family", "families"), ("casualty", "casualties"), ("journalist", "journalists"),
        ("aid worker", "workers"), ("Kurdish fighter", "fighters"), ("life", "lives"),
        # a nation's people, whose unit keeps its capital: one group, lowered
        ("Syrian", "syrians"), ("Syrians", "syrians"), ("Americans", "americans"),
        # a unit's spellings and short forms
        ("kilometres", "kilometres"), ("kilometers", "kilometres"), ("km", "kilometres"),
        ("kilometre", "kilometres"), ("mile", "miles"), ("neighborhoods", "neighbourhoods"),
        # nouns with no plural, currencies, names and signs: as written, lowered
        ("staff", "staff"), ("police", "police"), ("personnel", "personnel"), ("GBP", "gbp"),
        ("pound", "pound"), ("%", "%"), ("Daesh", "daesh"), ("Moscow", "moscow"),
        ("martyred", "martyred"), (None, ""),
    ],
)  # fmt: skip
def test_a_figures_class_is_one_key_per_group(unit, key):
    """CLASS_SQL, and its Python twin group_key, give the group's one key: "one civilian was
    killed" and "12 civilians" are one series, and can conflict."""
    import duckdb

    with duckdb.connect() as con:
        (got,) = con.execute(
            f"SELECT {summaries.CLASS_SQL.format(f='f')} FROM (SELECT ?::VARCHAR AS unit) f",
            [unit],
        ).fetchone()
    assert got == key
    assert summaries.group_key((unit or "").split()[-1] if unit else "") == key


def test_the_groups_of_everyone_are_keys_of_their_nouns():
    """The nouns that count everyone are compared by their keys: "one person", "a toll of 18"
    count everyone as "persons" and "people" do."""
    import duckdb

    with duckdb.connect() as con:
        got = con.execute(
            f"SELECT unit, {summaries.COUNTED_SQL.format(f='f')} FROM (VALUES ('person'), "
            "('persons'), ('toll'), ('death'), ('victim'), ('civilian')) f(unit) ORDER BY unit"
        ).fetchall()
    assert got == [("civilian", "civilians"), ("death", ""), ("person", ""), ("persons", ""),
                   ("toll", ""), ("victim", "")]  # fmt: skip


def _sums(con) -> dict[str, list[tuple]]:
    return {t: _tables(con)[t] for t in summaries.TABLES}


def test_a_runs_writes_recount_once_at_its_end_what_a_recount_gives(tmp_path, monkeypatch):
    """Inside ``Store.deferring_summaries`` (a run of ``presslens analyze``) the writes record
    their days instead of recounting: the summaries stay as they were, the days are pending and
    the views read the rows; at the end one recount of them all, equal to a full recount —
    through new days, a day written twice, an article re-analysed onto another day, a
    near-duplicate, an undated article and the identity pass's rewrites of earlier days."""
    days = [date(2016, 12, 10), date(2016, 12, 11), None]
    first = _dated(_corpus(), days)
    recounts = []
    real_refresh = summaries.refresh
    monkeypatch.setattr(
        summaries, "refresh", lambda con, d: recounts.append(set(d)) or real_refresh(con, d)
    )
    with Store(tmp_path / "run.duckdb") as store:
        con = store.con
        store.write_batch(first[:4])  # a store that holds summaries before the run
        identity.update(con)
        recounts.clear()
        before = _sums(con)
        second = [_renamed(r, f"b{i}") for i, r in enumerate(_dated(_corpus()[:3], [None]))]
        moved = _dated([first[0]], [date(2016, 12, 13)])
        dup = dataclasses.replace(first[1].article, id="dup1")
        with store.deferring_summaries():
            for batch, dups in ((first[4:], []), (second + moved, [(dup, first[1].article.id)])):
                ids = [r.article.id for r in batch]
                store.write_batch(
                    batch, dups, then=lambda c, ids=ids: identity.update_within(c, fresh_ids=ids)
                )
                assert summaries.pending(con) and _sums(con) == before
            assert not summaries.covers(dataclasses.replace(Filters(), from_rows=True))
        assert len(recounts) == 1 and not summaries.pending(con)
        _assert_recounted(con)
        n = con.execute("SELECT n_articles FROM sum_articles WHERE day = DATE '2016-12-13'")
        assert n.fetchone() == (1,)


def test_a_run_stopped_keeps_its_writes_counted_and_a_killed_ones_days_wait_for_the_next(
    tmp_path, monkeypatch
):
    """A run left by an exception (Ctrl-C) still recounts what it wrote. A run whose recount
    never happened (killed outright; here the recount fails) leaves its days pending: the
    summaries are behind, the views read the rows, a read-only store opens, and the next
    writer — any write, or merely opening the store read-write — recounts them."""
    results = _dated(_corpus(), [date(2016, 12, 10), date(2016, 12, 11), None])
    results = [  # tagged, for the sidebar's tags
        dataclasses.replace(r, article=dataclasses.replace(r.article, tags=("aid",) * (i % 2)))
        for i, r in enumerate(results)
    ]
    path = tmp_path / "stopped.duckdb"
    with Store(path) as store:
        with pytest.raises(KeyboardInterrupt), store.deferring_summaries():
            store.write_batch(results[:5])
            raise KeyboardInterrupt
        assert not summaries.pending(store.con)
        _assert_recounted(store.con)
        store.release()

        def killed(con, days):
            raise KeyboardInterrupt  # the recount never finished

        monkeypatch.setattr(summaries, "refresh", killed)
        with pytest.raises(KeyboardInterrupt), store.deferring_summaries():
            store.write_batch(results[5:])
        monkeypatch.undo()

    def lists(con):  # what no filter sends to the rows: the sidebar's lists, the pickers'
        names = [article_views.top_names(con, kind) for kind in ("speaker", "entity")]
        return article_views.filter_options(con), names, attitude_views.attitude_scorers(con)

    with Store(path, read_only=True) as reader:
        con = reader.con
        assert summaries.pending(con)
        assert con.execute("SELECT sum(n_articles) FROM sum_articles").fetchone() == (5,)
        filters = dataclasses.replace(Filters(), from_rows=True)
        counts = article_views.corpus_counts(con, filters)
        assert counts["articles"] == len(results)
        listed = lists(con)
        assert listed[0].undated == 3 and listed[0].tags == ("aid",)
        assert "Hillary Clinton" in listed[1][0]
    with Store(path) as store:  # opened read-write: the killed run's days recounted
        assert not summaries.pending(store.con)
        _assert_recounted(store.con)
        assert article_views.corpus_counts(store.con, Filters()) == counts
        assert lists(store.con) == listed


@pytest.mark.parametrize(
    "table",
    [
        "sum_articles",
        "sum_tags_all",
        "sum_speakers_all",
        "sum_entity_names_all",
        "sum_attitudes_all",
    ],
)
def test_a_summary_counted_from_the_rows_holds_what_the_summary_holds(corpus_con, table):
    """What a reader reads while days are pending (``summaries.reading``): the same rows."""
    got = corpus_con.execute(f"SELECT * FROM {summaries._counted(table)}").df()
    want = corpus_con.execute(f"SELECT * FROM {table}").df()
    assert len(want) > 3 or table == "sum_tags_all"  # (the corpus's articles have no tags)
    order = list(want.columns)
    got, want = (
        f.sort_values(order, ignore_index=True).astype(
            {c: float for c in f.select_dtypes("number")}
        )
        for f in (got, want)
    )
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-9)


def test_a_deferred_pipeline_run_recounts_once(tmp_path, corpus_files, monkeypatch):
    """``presslens analyze``'s own path: a run of several writes (and the removal of the
    versions its inputs no longer give) recounts the summaries once, at its end, to what a full
    recount gives."""
    from analysis import pipeline

    monkeypatch.setattr(pipeline, "WRITE_EVERY_S", 3600.0)
    monkeypatch.setattr(pipeline, "WRITE_PAUSE_FACTOR", 0.0)
    recounts = []
    real_refresh = summaries.refresh
    monkeypatch.setattr(
        summaries, "refresh", lambda con, d: recounts.append(set(d)) or real_refresh(con, d)
    )
    with Store(tmp_path / "piped.duckdb") as store:
        summary, _ = pipeline.analyze_paths(
            corpus_files.files[:30], store, batch_size=8, write_every=8
        )
        assert summary.new >= 20
        assert len(recounts) == 1
        assert not summaries.pending(store.con)
        _assert_recounted(store.con)


def test_a_small_store_is_recounted_whole_for_less(tmp_path, monkeypatch):
    """Below summaries.WHOLE_RECOUNT_ARTICLES (and as many more a day recounted) a recount
    rebuilds everything, which there costs less than the deltas; the tables are the same."""
    monkeypatch.setattr(summaries, "WHOLE_RECOUNT_ARTICLES", 2_000)
    monkeypatch.setattr(summaries, "WHOLE_RECOUNT_ARTICLES_A_DAY", 20)
    results = _dated(_corpus(), [date(2016, 12, 10), date(2016, 12, 11), None])
    rebuilds = []
    real_rebuild = summaries.rebuild
    monkeypatch.setattr(
        summaries, "rebuild", lambda con, *a: rebuilds.append(a) or real_rebuild(con, *a)
    )
    with Store(tmp_path / "small.duckdb") as store:
        store.write_batch(results[:5])
        store.write_batch(results[5:])
        assert rebuilds == [(), ()]
        _assert_recounted(store.con)
        assert summaries._whole_is_cheaper(store.con, 1)
        monkeypatch.setattr(summaries, "WHOLE_RECOUNT_ARTICLES", len(results) - 20 * 2)
        assert summaries._whole_is_cheaper(store.con, 3)  # 10 < 10 - 40 + 60
        assert not summaries._whole_is_cheaper(store.con, 2)
