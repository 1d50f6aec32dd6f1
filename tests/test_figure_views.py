"""The figure views on a small hand-built store: concrete values, filters, conflicts, headlines."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis import figure_views as fv
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, Figure
from analysis.store import Store


def _fig(
    article_id,
    text,
    value,
    category,
    *,
    location="Aleppo",
    claimed_by=None,
    low=None,
    high=None,
    unit="people",
    approximate=False,
    start=0,
    scope="event",
):
    return Figure(
        article_id=article_id,
        text=text,
        value=value,
        low=value if low is None and value is not None else low,
        high=value if high is None and value is not None else high,
        approximate=approximate,
        unit=unit,
        category=category,
        subject=None,
        location=location,
        claimed_by=claimed_by,
        start=start,
        end=start + len(text),
        # a kind of incident named: casualties are only paired on evidence of one incident
        sentence=f"… {text} killed in shelling …",
        scope=scope,
    )


def _result(article_id, published, figures, *, source="Daily", tags=("Syria",)):
    art = Article(
        id=article_id,
        title=f"Story {article_id}",
        text="Some text here.",
        source=source,
        published=published,
        tags=tags,
    )
    return ArticleResult(article=art, figures=tuple(figures))


@pytest.fixture()
def con(tmp_path):
    store = Store(tmp_path / "figs.duckdb")
    store.write_batch(
        [
            _result(
                "a1",
                "2016-12-09",
                [
                    _fig("a1", "80%", 80.0, "territory_share", unit="%", claimed_by="Syrian army"),
                    _fig(
                        "a1",
                        "around 100,000",
                        100_000.0,
                        "remaining",
                        approximate=True,
                        claimed_by="Staffan de Mistura",
                        start=40,
                    ),
                ],
            ),
            _result(
                "a2",
                "2016-12-10",
                [
                    _fig(
                        "a2",
                        "85%",
                        85.0,
                        "territory_share",
                        unit="%",
                        claimed_by="pro-regime forces",
                    ),
                    _fig(
                        "a2",
                        "200 more military personnel",
                        200.0,
                        "troops",
                        location="Syria",
                        unit="military personnel",
                        start=30,
                    ),
                    _fig(
                        "a2",
                        "tens of thousands",
                        None,
                        "displaced",
                        low=20_000.0,
                        high=None,
                        approximate=True,
                        claimed_by="Russia",
                        start=60,
                    ),
                ],
                source="Guardian",
            ),
            _result(
                "a3",
                "2016-12-10",
                [
                    _fig("a3", "90%", 90.0, "territory_share", unit="%", claimed_by="Russia"),
                    _fig("a3", "50,000", 50_000.0, "remaining", claimed_by="Red Cross", start=20),
                ],
                source="Times",
            ),
            _result(
                "a4",
                "2016-12-10",
                [
                    _fig(
                        "a4",
                        "85 per cent",
                        85.0,
                        "territory_share",
                        unit="%",
                        claimed_by="pro-regime forces",
                    ),
                ],
                source="Times",
            ),
        ]
    )
    yield store.con
    store.close()


def test_figure_table_joins_title_and_date(con):
    df = fv.figure_table(con, category="territory_share")
    assert len(df) == 4
    first = df.iloc[-1]
    assert first["title"] == "Story a1"
    assert str(first["published"])[:10] == "2016-12-09"
    assert first["estimate"] == 80.0


def test_estimate_of_vague_words_is_their_lower_bound(con):
    """ "tens of thousands" is stored as >= 20,000 (no invented midpoint, no upper bound)."""
    df = fv.figure_table(con, category="displaced")
    assert df["estimate"].tolist() == [20_000.0]
    assert df["low"].tolist() == [20_000.0] and df["high"].isna().all()


def test_timeline_per_day(con):
    df = fv.figure_timeline(con, category="territory_share", location="Aleppo")
    assert [str(d)[:10] for d in df["published"]] == ["2016-12-09", "2016-12-10"]
    assert df["n_figures"].tolist() == [1, 3]
    assert df["estimate_max"].tolist() == [80.0, 90.0]
    assert df["estimate_median"].tolist() == [80.0, 85.0]
    assert list(df["claimants"].iloc[1]) == ["Russia", "pro-regime forces"]


def test_timeline_per_figure_and_location(con):
    df = fv.figure_timeline(con, category="troops", location="Syria", per_day=False)
    assert df["estimate"].tolist() == [200.0]
    assert fv.figure_timeline(con, category="troops", location="Aleppo").empty


def test_filters_restrict_every_view(con):
    only_times = Filters(sources=("Times",))
    assert sorted(fv.figure_table(con, only_times)["article_id"].unique()) == ["a3", "a4"]
    early = Filters(date_to=date(2016, 12, 9))
    assert fv.figure_timeline(con, early, category="territory_share")["n_figures"].tolist() == [1]


def test_conflicting_figures(con):
    same_day = fv.conflicting_figures(con, category="territory_share", window_days=0)
    pairs = {
        (r.estimate_a, r.claimed_by_a, r.estimate_b, r.claimed_by_b) for r in same_day.itertuples()
    }
    # same day (10 Dec), same place: 85 vs 90 twice (two articles say 85); 85 vs 85 is no conflict
    assert pairs == {(85.0, "pro-regime forces", 90.0, "Russia")}
    assert len(same_day) == 2
    assert fv.conflicting_figures(con, category="remaining", window_days=0).empty
    # Within the default incident window (a few days) the Syrian army's 80% of 9 Dec disagrees
    # with the next day's 85% and 90%, and 100,000 people remaining with 50,000.
    window = fv.conflicting_figures(con, category="territory_share")
    assert {(r.estimate_a, r.estimate_b) for r in window.itertuples()} == {
        (80.0, 85.0), (80.0, 90.0), (85.0, 90.0),
    }  # fmt: skip
    remaining = fv.conflicting_figures(con, category="remaining")
    assert remaining[["estimate_a", "estimate_b", "days_apart"]].values.tolist() == [
        [50_000.0, 100_000.0, 1]
    ]


def test_conflicts_respect_minimum_difference(con):
    assert fv.conflicting_figures(con, min_relative_difference=0.1, window_days=0).empty
    assert len(fv.conflicting_figures(con, min_relative_difference=0.05, window_days=0)) == 2


def test_headline_is_the_figure_the_articles_agree_on(con):
    heads = fv.headline_figures(con).set_index("category")
    share = heads.loc["territory_share"]
    # 80 (Daily), 85 (Guardian), 90 (Times), 85 (Times): 85 is given by two outlets; the
    # largest, 90, is only the top of the spread.
    assert (share.estimate, share.n_articles, share.n_event_articles) == (85.0, 2, 4)
    assert (share.estimate_low, share.estimate_high) == (80.0, 90.0)
    assert heads.loc["troops", "text"] == "200 more military personnel"
    # One report each (100,000 and 50,000): nearest the median, then the smaller — not the max.
    assert heads.loc["remaining", "estimate"] == 50_000.0


def test_conflict_groups_agree_with_the_pairs(dashboard_db):
    """On the dashboard store: 93% (officials) and 85% (the Observatory) of Aleppo on 14 Dec;
    on 10 Dec, the day of the (dated) sample, its 85% (pro-regime forces) against a fixture's 90%
    (the Observatory), and de Mistura's around 100,000 remaining against Maria Lopez's 50,000."""
    import duckdb

    from analysis.figure_views import conflict_groups, conflicting_figures

    con = duckdb.connect(str(dashboard_db), read_only=True)  # as the app reads it
    try:
        groups = conflict_groups(con)
        pairs = conflicting_figures(con)
    finally:
        con.close()
    got = {
        (str(g.published)[:10], g.category, g.location, g.estimate_low, g.estimate_high)
        for g in groups.itertuples()
    }
    assert got == {
        ("2016-12-14", "territory_share", "Aleppo", 85.0, 93.0),
        ("2016-12-10", "territory_share", "Aleppo", 85.0, 90.0),
        ("2016-12-10", "remaining", "Aleppo", 50_000.0, 100_000.0),
    }
    g = groups[groups["estimate_high"] == 93.0].iloc[0]
    assert g.claimed_by_low == "Syrian Observatory for Human Rights"
    assert {(p.estimate_a, p.estimate_b) for p in pairs.itertuples()} == {
        (85.0, 93.0), (85.0, 90.0), (50_000.0, 100_000.0),
    }  # fmt: skip


def test_scope_keeps_one_kind_of_count_and_totals_do_not_conflict_with_events(tmp_path):
    """A running total published the same day as an event count, same place, different claimant:
    it is another kind of count, not a contradiction; each view can keep one scope."""
    with Store(tmp_path / "scope.duckdb") as store:
        store.write_batch(
            [
                _result(
                    "b1",
                    "2016-12-12",
                    [
                        _fig("b1", "12", 12.0, "killed", claimed_by="civil defence"),
                        _fig(
                            "b1",
                            "more than 300,000",
                            300_000.0,
                            "killed",
                            claimed_by="the Observatory",
                            scope="total",
                            start=30,
                        ),  # fmt: skip
                    ],
                ),
                _result(
                    "b2",
                    "2016-12-12",
                    [_fig("b2", "15", 15.0, "killed", claimed_by="activists")],
                ),
            ]
        )
        con = store.con
        assert sorted(fv.figure_table(con, category="killed")["estimate"]) == [12, 15, 300_000]
        assert fv.figure_table(con, scope="total")["estimate"].tolist() == [300_000]
        assert sorted(fv.figure_table(con, scope="event")["estimate"]) == [12, 15]
        assert fv.category_counts(con, scope="background").empty
        groups = fv.conflict_groups(con)
        assert len(groups) == 1  # 12 vs 15, both events; the total conflicts with neither
        g = groups.iloc[0]
        assert (g.scope, g.estimate_low, g.estimate_high) == ("event", 12.0, 15.0)
        pairs = fv.conflicting_figures(con)
        assert {(p.estimate_a, p.estimate_b) for p in pairs.itertuples()} == {(12.0, 15.0)}
        event_head = fv.headline_figures(con, scope="event").set_index("category")
        assert event_head.loc["killed", "estimate"] == 12.0  # a tie, settled without the max
        assert fv.headline_figures(con).set_index("category").loc["killed", "estimate"] != 300_000
        with pytest.raises(ValueError, match="scope must be"):
            fv.figure_table(con, scope="events")


def test_headline_money_is_one_currency_and_other_figures_have_no_headline(tmp_path):
    """Three articles give a sum in dollars, one a sum in pounds, the same week and place: the
    headline is the dollars, its event only dollars and its spread none (two sums are two
    sums); the catch-all categories (other counts, other counts of people, other percentages:
    unlike things) get no headline, from the rows or from the summaries."""
    with Store(tmp_path / "money.duckdb") as store:
        store.write_batch(
            [
                _result(f"m{i}", "2017-03-0" + str(i + 1), [
                    _fig(f"m{i}", f"${v} million", v * 1e6, "money", unit="USD"),
                    _fig(f"m{i}", "two incidents", 2.0, "other", unit="incidents", start=40),
                    # the other catch-alls: a quarter of ballet staff, of broadband users …
                    _fig(f"m{i}", "A quarter", 25.0, "percent", unit="%", start=60),
                    _fig(f"m{i}", "35 people", 35.0, "people", unit="people", start=80),
                ], source=f"Outlet{i}")
                for i, v in enumerate([5, 5, 6])
            ]
            + [_result("p1", "2017-03-02", [_fig("p1", "£900 billion", 9e11, "money", unit="GBP")])]
        )  # fmt: skip
        heads = fv.headline_figures(store.con).set_index("category")
        ids = tuple(f"m{i}" for i in range(3)) + ("p1",)
        rows = fv.headline_figures(store.con, Filters(article_ids=ids)).set_index("category")
    assert list(heads.index) == list(rows.index) == ["money"]
    money = heads.loc["money"]
    assert (money.unit, money.estimate) == ("USD", 5e6)
    assert money.n_event_articles == 3  # the pounds are not in it
    # and its spread is the sum itself: other sums of the week pay for other things
    assert (money.estimate_low, money.estimate_high) == (5e6, 5e6)


def test_conflict_groups_pair_only_the_newest_figures_and_agree_with_all_pairs(tmp_path):
    """The table pairs only the newest figures (a self-join of every figure of a large store is
    quadratic), widening its span until it holds ``limit`` rows: it must give the same rows as
    pairing every figure. A year of conflicting reports, one pair every nine days, with a
    lower figure whose widest disagreement is two days older than its newest one (the
    sentences name what was hit: tolls two days apart are paired only then; the higher figures
    are never the later ones, which would be tolls that rose)."""
    import dataclasses
    from datetime import timedelta

    import pandas as pd

    def fig(article_id, text, value, claimant):
        figure = _fig(article_id, text, value, "killed", claimed_by=claimant)
        return dataclasses.replace(figure, sentence=f"… {text} killed in shelling of the market …")

    results = []
    for i in range(40):
        day = date(2016, 1, 1) + timedelta(days=9 * i)
        results.append(_result(f"x{i}", str(day), [fig(f"x{i}", "10", 10.0 + i, "A")]))
        results.append(_result(f"y{i}", str(day), [fig(f"y{i}", "50", 50.0 + i, "B")]))
        results.append(
            _result(f"z{i}", str(day - timedelta(days=2)), [fig(f"z{i}", "90", 90.0 + i, "C")])
        )
    with Store(tmp_path / "year.duckdb") as store:
        store.write_batch(results)
        con = store.con
        everything = _widest(fv.conflicting_figures(con))
        # each x with its z (its widest), each z once (y's widest is that z too)
        assert len(everything) == 40
        for limit in (1, 5, 30, 200):
            got = fv.conflict_groups(con, limit=limit)
            want = everything.head(limit).reset_index(drop=True)
            pd.testing.assert_frame_equal(got, want)


def _widest(pairs):
    """The reference for :func:`conflict_groups`: over every pair, for each lower figure its widest
    disagreement, then each higher figure once, newest first (what the view did in pandas)."""
    pairs = pairs.assign(_gap=pairs["estimate_b"] - pairs["estimate_a"])
    pairs = pairs.sort_values("_gap", ascending=False, kind="stable")
    pairs = pairs.drop_duplicates(["article_id_a", "start_a"])
    pairs = pairs.drop_duplicates(["article_id_b", "start_b"])
    pairs = pairs.sort_values(
        ["published", "category", "location"], ascending=[False, True, True], kind="stable"
    )
    renamed = {
        f"{field}_{side}": f"{field}_{word}"
        for field in ("estimate", "text", "claimed_by", "article_id", "start", "sentence", "title",
                      "published")
        for side, word in (("a", "low"), ("b", "high"))
    }  # fmt: skip
    return pairs.drop(columns="_gap").rename(columns=renamed)


def test_undated_figures_make_no_headline_event(tmp_path):
    """Undated stories are not one event, whether their sums name no place (a postcard's £35
    and an airline's £2.1bn) or the same one (a wedding fee and a party's pledge, both in the
    United Kingdom); a dated one still makes a headline."""
    undated = [
        _result(f"u{i}", None, [_fig(f"u{i}", f"£{v}", v, "money", unit="GBP", location=where)])
        for i, (v, where) in enumerate(
            [(35, None), (1000, None), (2.1e9, None), (135, "United Kingdom"),
             (2.5e8, "United Kingdom")]
        )
    ]  # fmt: skip
    with Store(tmp_path / "undated.duckdb") as store:
        store.write_batch(undated)
        ids = tuple(f"u{i}" for i in range(5))
        for filters in (None, Filters(article_ids=ids)):  # summaries, then rows
            assert "money" not in set(fv.headline_figures(store.con, filters).category)
        store.write_batch(
            [_result("d1", "2017-03-01", [_fig("d1", "£50", 50.0, "money", unit="GBP")])]
        )
        heads = fv.headline_figures(store.con).set_index("category")
    assert heads.loc["money"].estimate == 50.0


def test_figures_whose_place_is_not_given_are_asked_for_as_such(tmp_path):
    # The Figures page's evidence for a "(place not given)" point lists that day's unplaced
    # figures only, not every figure of the day.
    day = "2017-03-01"
    placed = _fig("p1", "12", 12.0, "killed", location="Hama")
    unplaced = _fig("p1", "40%", 40.0, "percent", location=None, start=30)
    unplaced_killed = _fig("p1", "7", 7.0, "killed", location=None, start=60)
    with Store(tmp_path / "np.duckdb") as store:
        store.write_batch([_result("p1", day, [placed, unplaced, unplaced_killed])])
        rows = fv.figure_table(store.con, category="killed", location=fv.NO_PLACE)
        assert rows["text"].tolist() == ["7"] and rows["location"].isna().all()
        assert len(fv.figure_table(store.con, category="killed")) == 2
        assert fv.figure_table(store.con, location="Hama")["text"].tolist() == ["12"]
        series = fv.figure_series(store.con, category="killed")
        assert set(series["location"]) == {"Hama", fv.NO_PLACE}


def test_a_spread_of_one_value_is_the_figure_as_written():
    # "dozens" stands for at least 24: a spread of "24" would be a number nobody reported
    import pandas as pd

    heads = pd.DataFrame(
        {"text": ["dozens", "85%"], "estimate_low": [24.0, 85.0], "estimate_high": [24.0, 93.0],
         "n_articles": [1, 2], "n_event_articles": [1, 3]}
    )  # fmt: skip
    shown = fv.headline_words(heads)
    assert shown["spread"].tolist() == ["dozens", "85 – 93"]
    assert shown["agree"].tolist() == ["1 of 1 article", "2 of 3 articles"]


def test_a_word_that_only_sets_a_floor_is_no_headline(tmp_path):
    """Three outlets say "dozens" were killed, two say 58 and one 70, the same week and place:
    the headline is 58, not "dozens" (no value, no upper bound: a floor, not a figure), its
    spread 58-70; a lone "dozens" still counts nowhere in the headline."""
    rows = [
        _result(f"d{i}", "2017-04-04", [_fig(f"d{i}", "dozens", None, "killed", low=24.0)],
                source=f"Outlet{i}")
        for i in range(3)
    ] + [
        _result(f"n{i}", "2017-04-05", [_fig(f"n{i}", str(v), float(v), "killed")],
                source=f"Wire{i}")
        for i, v in enumerate([58, 58, 70])
    ]  # fmt: skip
    with Store(tmp_path / "floor.duckdb") as store:
        store.write_batch(rows)
        ids = tuple(r.article.id for r in rows)
        for filters in (None, Filters(article_ids=ids)):  # summaries, then rows
            killed = fv.headline_figures(store.con, filters).set_index("category").loc["killed"]
            assert (killed.estimate, killed.text, killed.n_articles) == (58.0, "58", 2)
            assert (killed.estimate_low, killed.estimate_high) == (58.0, 70.0)
            assert killed.n_event_articles == 3


def test_a_sum_one_article_of_several_gives_is_no_money_headline(tmp_path):
    """A week's sums in one currency are unrelated (a fee, a grant, a fine): when no two
    articles give the same sum, none is the money headline (a random one of them had been);
    one article alone in its event still has one."""
    sums = [
        _result(f"s{i}", "2018-05-0" + str(i + 1), [
            _fig(f"s{i}", f"${v},000", v * 1e3, "money", unit="USD", location=None),
        ], source=f"Outlet{i}")
        for i, v in enumerate([40, 75, 120])
    ]  # fmt: skip
    with Store(tmp_path / "sums.duckdb") as store:
        store.write_batch(sums)
        assert "money" not in fv.headline_figures(store.con).category.tolist()
    with Store(tmp_path / "one.duckdb") as store:
        store.write_batch(sums[:1])
        heads = fv.headline_figures(store.con)
    assert heads[heads.category == "money"].estimate.tolist() == [40e3]


def test_all_figures_chart_each_scope_apart(tmp_path):
    # "12 killed" and "14 killed" that day in Homs, and "300,000 killed since 2011" there: All
    # figures had charted one median over the three (14) with a range from 12 to 300,000.
    day = "2017-05-02"
    figures = [
        _fig("h1", "12", 12.0, "killed", location="Homs"),
        _fig("h1", "300,000", 300_000.0, "killed", location="Homs", start=40, scope="total"),
        _fig("h2", "14", 14.0, "killed", location="Homs", start=5),
    ]
    with Store(tmp_path / "scopes.duckdb") as store:
        store.write_batch([_result("h1", day, figures[:2]), _result("h2", day, figures[2:])])
        ids = store.con.execute("SELECT id FROM articles").df()["id"].tolist()
        for filters in (None, Filters(article_ids=ids)):  # the summary, then the rows
            series = fv.figure_series(store.con, filters, category="killed")
            rows = series.set_index("scope")
            assert sorted(rows.index) == ["event", "total"], filters
            # of 12 and 14 the lower, a figure given (not their mean, 13)
            assert (rows.loc["event", "estimate_median"], rows.loc["event", "estimate_max"]) == (
                12.0,
                14.0,
            )
            assert rows.loc["total", "estimate_min"] == 300_000.0
            assert rows["n_figures"].sum() == 3
            # one scope chosen: its own rows, as before
            (only,) = fv.figure_series(store.con, filters, category="killed", scope="total")[
                "scope"
            ]
            assert only == "total"


@pytest.mark.parametrize(
    "unit, group",
    [
        # the nouns that name no group count everyone: one series of the war's toll
        ("people", ""), ("lives", ""), ("deaths", ""), ("victims", ""), (None, ""),
        # "one person was killed", "30 others were injured", "a death toll of 18"
        ("person", ""), ("others", ""), ("toll", ""),
        ("Syrian civilians", "civilians"), ("children", "children"),
        ("rebel fighters", "fighters"),
        # one group whatever the number and spelling of its noun ("one civilian was killed")
        ("civilian", "civilians"), ("Syrian civilian", "civilians"), ("child", "children"),
        ("woman", "women"), ("man", "men"), ("persons", ""), ("policeman", "policemen"),
        ("terrorist", "terrorists"), ("aid worker", "workers"), ("family", "families"),
        ("lorry driver", "drivers"), ("soldier", "soldiers"), ("combattants", "combatants"),
    ],
)  # fmt: skip
def test_a_running_totals_group_is_its_class_with_no_group_named_as_everyone(tmp_path, unit, group):
    with Store(tmp_path / "group.duckdb") as store:
        store.write_batch([_result("g1", "2016-08-15", [
            _fig("g1", "500", 500.0, "killed", unit=unit, scope="total"),
        ])])  # fmt: skip
        (got,) = fv.figure_series(store.con, category="killed")["counted"]
    assert got == group


def test_a_series_from_the_rows_groups_each_unit_as_the_summary_does(tmp_path):
    """The rows' series (a row filter) works out each unit's group once for all its figures:
    it gives the groups the summary kept at write time gives, figure by figure. Invented
    units, one a day at one place, some repeated, one none."""
    units = ["Syrian civilians", "child", "people", None, "others", "aid worker", "policeman"]
    units += ["children", None, "woman", "lorry driver", "civilian", "toll", "rebel fighters"]
    results = [
        _result(f"u{i}", f"2016-05-{i + 1:02d}", [
            _fig(f"u{i}", str(i + 2), float(i + 2), "killed", unit=unit, scope="total"),
            _fig(f"u{i}", "4", 4.0, "killed", unit=unit, location="Homs", start=30),
        ])
        for i, unit in enumerate(units)
    ]  # fmt: skip
    with Store(tmp_path / "units.duckdb") as store:
        store.write_batch(results)
        ids = store.con.execute("SELECT id FROM articles ORDER BY id").df()["id"].tolist()
        summed = fv.figure_series(store.con, category="killed", groups=50)
        rows = fv.figure_series(store.con, Filters(article_ids=ids), category="killed", groups=50)
    assert len(rows) == 2 * len(units)
    assert set(rows["counted"]) == {"", "civilians", "children", "workers", "policemen"} | {
        "women",
        "drivers",
        "fighters",
    }
    pd.testing.assert_frame_equal(rows, summed, check_dtype=False)


def test_one_and_many_of_a_group_are_one_series(tmp_path):
    """One day in Idlib: "one civilian was killed" told by one outlet, "eight civilians" by
    another, "a child" and "three children" by both. The singular's figure had been a series of
    its own ("civilian"), never charted nor compared with the plural's: each group is now one
    point, of both figures, and a point opens both."""
    day = "2017-03-02"
    figures = [
        _fig("s1", "one", 1.0, "killed", location="Idlib", unit="civilian"),
        _fig("s1", "a", 1.0, "killed", location="Idlib", unit="child", start=20),
        _fig("s2", "eight", 8.0, "killed", location="Idlib", unit="civilians"),
        _fig("s2", "three", 3.0, "killed", location="Idlib", unit="children", start=20),
    ]
    with Store(tmp_path / "one-and-many.duckdb") as store:
        store.write_batch(
            [_result("s1", day, figures[:2]), _result("s2", day, figures[2:], source="Wire")]
        )
        ids = store.con.execute("SELECT id FROM articles").df()["id"].tolist()
        for filters in (None, Filters(article_ids=ids)):  # the summary, then the rows
            series = fv.figure_series(store.con, filters, category="killed", groups=5)
            rows = series.set_index("counted")
            assert sorted(rows.index) == ["children", "civilians"], filters
            assert rows["n_figures"].to_dict() == {"children": 2, "civilians": 2}
            assert rows.loc["civilians", "estimate_max"] == 8.0
        on_day = Filters(date_from=day, date_to=day)
        table = fv.figure_table(
            store.con, on_day, category="killed", location="Idlib", counted="civilians", limit=9
        )
        assert sorted(table["text"]) == ["eight", "one"]


def test_running_totals_of_different_groups_are_series_apart(tmp_path):
    """One day in Homs: the war's toll as 300,000 people and as 320,000 lives (two sources'
    figures of everyone killed), 41 women and 76 children. As one point they had been a median
    of 150,038 (shown as "76 children") with a whisker from 41 to 320,000: a figure nobody
    reported. Each group is now its own point, everyone's the median of its two figures; a
    point opens its own group's figures; the day's news tolls of two groups are two points
    too."""
    day = "2016-08-15"
    totals = [
        _fig("t1", "300,000", 300_000.0, "killed", location="Homs", scope="total"),
        _fig("t1", "41", 41.0, "killed", location="Homs", unit="women", start=20, scope="total"),
        _fig("t1", "76", 76.0, "killed", location="Homs", unit="children", start=40,
             scope="total"),
        _fig("t2", "320,000", 320_000.0, "killed", location="Homs", unit="lives", scope="total"),
        # news tolls of two groups: a point each, as the running totals
        _fig("t2", "12", 12.0, "killed", location="Homs", unit="civilians", start=30),
        _fig("t2", "3", 3.0, "killed", location="Homs", unit="children", start=50),
    ]  # fmt: skip
    with Store(tmp_path / "groups.duckdb") as store:
        store.write_batch(
            [_result("t1", day, totals[:3]), _result("t2", day, totals[3:], source="Wire")]
        )
        ids = store.con.execute("SELECT id FROM articles").df()["id"].tolist()
        for filters in (None, Filters(article_ids=ids)):  # the summary, then the rows
            for scope in (None, "total"):
                series = fv.figure_series(
                    store.con, filters, category="killed", scope=scope, groups=5
                )
                rows = series[series["scope"] == "total"].set_index("counted")
                assert sorted(rows.index) == ["", "children", "women"], (filters, scope)
                everyone = rows.loc[""]
                # the lower of 300,000 and 320,000 (their mean, 310,000, no article gave)
                assert (everyone.estimate_median, everyone.n_figures) == (300_000.0, 2)
                assert (everyone.estimate_min, everyone.estimate_max) == (300_000.0, 320_000.0)
                assert everyone.text in ("300,000", "320,000")
                assert (rows.loc["children", "estimate_max"], rows.loc["children", "text"]) == (
                    76.0,
                    "76",
                )
                assert rows.loc["women", "estimate_min"] == 41.0
            events = fv.figure_series(store.con, filters, category="killed", groups=5)
            news = events[events["scope"] == "event"].set_index("counted")
            assert news["estimate_median"].to_dict() == {"children": 3.0, "civilians": 12.0}
            assert news["n_figures"].tolist() == [1, 1]
        # a point's evidence: its group's figures of the day, no other group's
        on_day = Filters(date_from=day, date_to=day)

        def texts(counted):
            rows = fv.figure_table(
                store.con, on_day, category="killed", location="Homs", scope="total",
                counted=counted, limit=50,
            )  # fmt: skip
            return sorted(rows["text"])

        assert texts("") == ["300,000", "320,000"]
        assert texts("children") == ["76"]
        assert texts(None) == ["300,000", "320,000", "41", "76"]


def test_news_of_different_groups_are_points_apart_and_a_part_of_a_charted_toll_is_none(tmp_path):
    """One day's news in Aleppo: 112 civilians killed, 33 children among them (a part of the
    112), 20 fighters, and 30 people and 36 deaths told by two more outlets. As one point they
    had been a median of 33 (shown as "33 children", the children counted twice); now each
    group is its own point, everyone's the median of its two figures, and the children are no
    point of their own: they are inside the civilians' toll, whose point lists them. A part of
    a whole nobody counted ("civilians, among them three children") is the only count there is,
    and stays a point, as does a part of a whole that counts something else (injured among the
    killed), in both paths; "All figures" keys the earlier events the same way."""
    from dataclasses import replace

    import pandas as pd

    day = "2016-08-05"
    whole = _fig("n1", "112", 112.0, "killed", unit="civilians", start=10)
    news = [
        whole,
        replace(_fig("n1", "33", 33.0, "killed", unit="children", start=60), part_of=10),
        _fig("n1", "20", 20.0, "killed", unit="fighters", start=90),
        # a part of an uncounted whole: its offset holds no figure
        replace(_fig("n1", "3", 3.0, "killed", unit="women", start=130), part_of=120),
        _fig("n1", "500", 500.0, "killed", unit="civilians", start=160, scope="background"),
        _fig("n1", "9", 9.0, "killed", unit="rebels", start=190, scope="background"),
        # a part of a whole that counts something else (the 112 killed): charted as injured
        replace(_fig("n1", "30", 30.0, "injured", unit="children", start=220), part_of=10),
    ]
    with Store(tmp_path / "news.duckdb") as store:
        store.write_batch([
            _result("n1", day, news),
            _result("n2", day, [_fig("n2", "30", 30.0, "killed")], source="Wire"),
            _result("n3", day, [_fig("n3", "36", 36.0, "killed", unit="deaths")], source="Post"),
        ])  # fmt: skip
        ids = store.con.execute("SELECT id FROM articles").df()["id"].tolist()
        got = []
        for filters in (None, Filters(article_ids=ids)):  # the summary, then the rows
            series = fv.figure_series(store.con, filters, category="killed", groups=6)
            points = {
                (r.scope, r.counted): (r.n_figures, r.estimate_median, r.text)
                for r in series.itertuples()
            }
            assert points == {
                ("event", ""): (2, 30.0, "30"),  # 30 and 36: the lower, a figure given
                ("event", "civilians"): (1, 112.0, "112"),
                ("event", "fighters"): (1, 20.0, "20"),
                ("event", "women"): (1, 3.0, "3"),
                ("background", "civilians"): (1, 500.0, "500"),
                ("background", "rebels"): (1, 9.0, "9"),
            }, filters
            got.append(series.drop(columns="claimants"))
            injured = fv.figure_series(store.con, filters, category="injured")
            assert injured[["counted", "estimate_median"]].values.tolist() == [["children", 30.0]]
        pd.testing.assert_frame_equal(got[0], got[1], check_dtype=False)
        # a point's figures: its group's, but the part its whole's point lists (parts_of)
        on_day = Filters(date_from=day, date_to=day)

        def table(counted):
            return fv.figure_table(
                store.con, on_day, category="killed", location="Aleppo", scope="event",
                counted=counted, limit=50,
            )  # fmt: skip

        civilians = table("civilians")
        assert civilians["text"].tolist() == ["112"]
        assert table("children").empty  # the part is no point of its own
        assert table("women")["text"].tolist() == ["3"]
        assert sorted(table("")["text"]) == ["30", "36"]
        assert fv.parts_of(civilians, table(None))["text"].tolist() == ["33"]
        assert fv.parts_of(table("fighters"), table(None)).empty


def test_a_timeline_charts_the_groups_most_counted_at_its_places(tmp_path):
    """At a million articles every group's series made 368,000 points over seven years: the
    timeline charts the groups most counted at its places (figure_views.GROUPS_CHARTED), the
    summary and the rows alike, and the page's note says the others are in the table."""
    figs = [
        _fig("c1", str(n), float(n), "killed", location="Homs", unit=unit, start=10 * k)
        for k, (n, unit) in enumerate(
            [(5, "civilians"), (6, "civilians"), (7, "civilians"), (8, "children"),
             (9, "children"), (3, "women"), (4, "fighters"), (2, "fighters"), (11, "")]
        )
    ]  # fmt: skip
    with Store(tmp_path / "cap.duckdb") as store:
        store.write_batch([_result("c1", "2016-08-15", figs)])
        ids = store.con.execute("SELECT id FROM articles").df()["id"].tolist()
        for filters in (None, Filters(article_ids=ids)):  # the summary, then the rows
            series = fv.figure_series(store.con, filters, category="killed", groups=3)
            # civilians 3, children 2, fighters 2 figures; women and everyone 1 each
            assert sorted(series["counted"]) == ["children", "civilians", "fighters"], filters
            assert len(fv.figure_series(store.con, filters, category="killed")) == (
                fv.GROUPS_CHARTED
            )
        counts = fv.category_counts(store.con)
        series = fv.figure_series(store.con, category="killed")
    from dashboard import charts

    note = charts.charted_note(series, counts, category="killed", places=8)
    assert f"of the {fv.GROUPS_CHARTED} groups most counted there" in note


@pytest.mark.parametrize(
    "category, unit, texts",
    [("money", "USD", ["$2 million", "$5 million", "$9 million"]),
     ("percent", "%", ["12%", "40%", "55%"])],
)  # fmt: skip
def test_a_timeline_of_money_or_shares_names_no_group_counted(tmp_path, category, unit, texts):
    """A currency or a percentage is no group of people: the hover had said "1 figure(s)
    that day (news events of usd)" and "(of %)", and the note "of the 3 groups most counted
    there" of the one currency the money chart holds."""
    from dashboard import charts

    figs = [
        _fig("m1", t, float(k + 1), category, location=loc, unit=unit, start=10 * k)
        for k, (t, loc) in enumerate(zip(texts, ["Ohio", "Iowa", None], strict=True))
    ]
    with Store(tmp_path / "money.duckdb") as store:
        store.write_batch([_result("m1", "2016-03-01", figs)])
        series = fv.figure_series(store.con, category=category, places=1)
        counts = fv.category_counts(store.con)
    fig = charts.figure_timeline(series, category=category)
    said = [str(row[10]) for trace in fig.data if trace.customdata is not None
            for row in trace.customdata]  # fmt: skip
    assert said and not any(" of " in words for words in said), said
    note = charts.charted_note(series, counts, category=category, places=1)
    assert note.startswith("1 of the 3 figures in view are charted")
    assert "groups" not in note and "toll" not in note


def test_a_timeline_of_too_many_days_charts_weeks_then_months(tmp_path):
    """Past ``max_points`` days a point is a week's figures (past it again, a month's): its
    median is that of the period's figures, not of its days' medians, its range theirs, and
    its figure shown is the day's whose median is nearest; the summary and the rows alike."""
    given = {  # day: the killed figures reported in Homs
        "2016-03-01": [10, 20, 30],  # the week of Monday 29 February: 10 20 30 35 100
        "2016-03-02": [100],
        "2016-03-03": [35],
        "2016-03-09": [50],  # March: 10 20 30 35 50 100
        "2016-04-05": [7],
    }
    results = [
        _result(f"d{i}", day, [
            _fig(f"d{i}", str(v), float(v), "killed", location="Homs", start=10 * k)
            for k, v in enumerate(values)
        ])
        for i, (day, values) in enumerate(given.items())
    ]  # fmt: skip
    with Store(tmp_path / "periods.duckdb") as store:
        store.write_batch(results)
        ids = store.con.execute("SELECT id FROM articles").df()["id"].tolist()
        for filters in (None, Filters(article_ids=ids)):  # the summary, then the rows

            def series(max_points, filters=filters):
                got = fv.figure_series(store.con, filters, category="killed", max_points=max_points)
                got["published"] = pd.to_datetime(got["published"]).dt.strftime("%Y-%m-%d")
                got["last"] = pd.to_datetime(got["last"]).dt.strftime("%Y-%m-%d")
                return got.set_index("published")

            days = series(None)
            assert list(days.index) == list(given) and set(days["period"]) == {"day"}
            assert (days["last"] == days.index).all()
            assert days.loc["2016-03-01", "estimate_median"] == 20.0
            weeks = series(4)  # five days, three weeks
            assert list(weeks.index) == ["2016-02-29", "2016-03-07", "2016-04-04"], filters
            assert set(weeks["period"]) == {"week"}
            first = weeks.loc["2016-02-29"]
            # the median of 10 20 30 35 100, not of the days' medians 20 100 35 (35)
            assert (first["estimate_median"], first["estimate_min"], first["estimate_max"]) == (
                30.0, 10.0, 100.0,
            )  # fmt: skip
            assert (first["n_figures"], first["last"], first["text"]) == (5, "2016-03-06", "35")
            months = series(2)  # three weeks, two months
            assert list(months.index) == ["2016-03-01", "2016-04-01"]
            march = months.loc["2016-03-01"]
            assert (march["period"], march["last"], march["n_figures"]) == (
                "month",
                "2016-03-31",
                6,
            )
            # of 10 20 30 35 50 100 the lower middle figure, one an article gave (not 32.5)
            assert march["estimate_median"] == 30.0


def test_conflicts_of_a_store_whose_dates_run_a_century_are_paired_whole(tmp_path):
    """A store of a century (an article of 1900 among those of 2016): the pairing's span, grown
    64-fold while it finds fewer pairs than the limit, had reached before the year 1 — an
    OverflowError on the Figures page. It pairs the whole view instead."""
    results = [
        _result("old", "1900-01-01", [_fig("old", "3", 3.0, "killed")]),
        _result("a", "2016-05-01", [_fig("a", "10", 10.0, "killed", claimed_by="A")]),
        _result("b", "2016-05-01", [_fig("b", "90", 90.0, "killed", claimed_by="B")]),
    ]
    with Store(tmp_path / "century.duckdb") as store:
        store.write_batch(results)
        groups = fv.conflict_groups(store.con)
        assert groups[["estimate_low", "estimate_high"]].values.tolist() == [[10.0, 90.0]]


def _dated_tolls_beside_undated_sums(tmp_path):
    """Three undated business stories of two sums each beside one dated story of two tolls:
    more money in view, but only the tolls can be placed in time."""
    undated = [
        _result(
            f"b{k}", None,
            [_fig(f"b{k}", f"${n} million", n * 1e6, "money", unit="USD", location="Ohio",
                  start=20 * j) for j, n in enumerate((3 + k, 7 + k))],
            source="Ledger",
        )
        for k in range(3)
    ]  # fmt: skip
    dated = _result(
        "w1", "2016-05-02",
        [_fig("w1", "12 people", 12.0, "killed"), _fig("w1", "9 people", 9.0, "killed", start=30)],
        source="Wire",
    )  # fmt: skip
    store = Store(tmp_path / "mixed.duckdb")
    store.write_batch([*undated, dated])
    return store


def test_the_opening_category_is_the_one_most_reported_in_dated_articles(tmp_path):
    """On the mixed store the Figures page opened on money, two thirds of whose sums are in
    undated BBC stories (a chart of a few points), beside the killed's dated tolls."""
    with _dated_tolls_beside_undated_sums(tmp_path) as store:
        ids = store.con.execute("SELECT id FROM articles ORDER BY id").df()["id"].tolist()
        # the summaries (all time, outlets, a date range) and the rows (a set of articles)
        for filters in (None, Filters(sources=("Ledger", "Wire")), Filters(article_ids=ids)):
            counts = fv.category_counts(store.con, filters).set_index("category")
            assert counts.loc["money", "n_figures"] == 6, filters
            assert counts.loc["money", "n_dated"] == 0, filters
            assert counts.loc["killed", "n_dated"] == 2, filters
            assert fv.opening_category(counts.reset_index()) == "killed", filters
        ranged = fv.category_counts(store.con, Filters(date_from=date(2016, 1, 1)))
        assert ranged["n_dated"].tolist() == ranged["n_figures"].tolist() == [2]
        # only the undated outlet: nothing can be placed, so the most reported
        ledger = fv.category_counts(store.con, Filters(sources=("Ledger",)))
        assert ledger["n_dated"].sum() == 0
        assert fv.opening_category(ledger) == "money"
        events = fv.category_counts(store.con, Filters(sources=("Wire",)), scope="event")
        assert events.set_index("category").loc["killed", "n_dated"] == 2


def _sums_store(tmp_path):
    """Three undated sums in pounds beside one dated in dollars."""
    pounds = [
        _result(f"p{k}", None,
                [_fig(f"p{k}", f"£{k + 2}m", (k + 2) * 1e6, "money", unit="GBP", location=None)])
        for k in range(3)
    ]  # fmt: skip
    dollars = _result(
        "d1", "2016-05-02", [_fig("d1", "$4m", 4e6, "money", unit="USD", location=None)]
    )
    store = Store(tmp_path / "sums.duckdb")
    store.write_batch([*pounds, dollars])
    return store


def test_a_money_chart_opens_on_the_currency_most_reported_in_dated_articles(tmp_path):
    """Three undated sums in pounds beside one dated in dollars: the dollars can be charted,
    the pounds only listed, so the chart opens on dollars (it had opened on the currency
    reported most, however few of its sums could be placed)."""
    with _sums_store(tmp_path) as store:
        units = fv.figure_units(store.con, category="money")
    assert units["unit"].tolist() == ["GBP", "USD"]  # the buttons: the most reported first
    assert units.set_index("unit")["n_dated"].to_dict() == {"GBP": 0, "USD": 1}
    assert fv.opening_unit(units) == "USD"
    assert fv.opening_unit(units[units["unit"] == "GBP"]) == "GBP"  # none dated: the most
    # the timeline's currency: only one it can place, whatever a link chose
    assert fv.charted_units(units) == ["USD"]
    assert fv.charted_unit(units) == fv.charted_unit(units, "GBP") == "USD"
    undated = units.assign(n_dated=0)
    assert fv.charted_units(undated) == [] and fv.charted_unit(undated, "GBP") is None
    assert fv.charted_unit(units[units["unit"] == "USD"]) is None  # one currency: none named


def test_a_median_of_an_even_count_is_one_of_the_figures(tmp_path):
    """Two outlets' tolls of one day in Deir ez-Zor, 440 and 45 million (a misread figure): the
    point is 440, the lower of the two, not their mean of 22,500,220 that no article gave; by
    day, by week and month, from the summary and the rows, and on the per-day timeline."""
    results = [
        _result("lo", "2016-06-01", [_fig("lo", "440", 440.0, "killed", location="Deir Ezzor")]),
        _result(
            "hi",
            "2016-06-01",
            [_fig("hi", "45 million", 45_000_000.0, "killed", location="Deir Ezzor")],
            source="Wire",
        ),
        _result("x", "2016-06-20", [_fig("x", "12", 12.0, "killed", location="Deir Ezzor")]),
    ]
    with Store(tmp_path / "even.duckdb") as store:
        store.write_batch(results)
        ids = store.con.execute("SELECT id FROM articles").df()["id"].tolist()
        for filters in (None, Filters(article_ids=ids)):  # the summary, then the rows
            for period in ("day", "week", "month"):
                got = fv.figure_series(store.con, filters, category="killed", period=period)
                first = got.sort_values("published").iloc[0]
                # a month's: the middle of 12, 440 and 45 million
                assert first["estimate_median"] == 440.0, (filters, period)
                assert first["text"] == "440", (filters, period)
        day = fv.figure_timeline(store.con, category="killed", location="Deir Ezzor")
        assert day["estimate_median"].tolist() == [440.0, 12.0]
