"""Conflicts only like with like, and headline figures by agreement, on stores built here.

Each case writes a handful of figures (the fields the extractor would store for sentences like
"At least 20 civilians were killed in Douma, the Observatory said") and checks whether the pair
is listed as a conflict; both answers are tested, so a view that listed everything, or nothing,
fails.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from analysis import figure_views as fv
from analysis import incident_kinds
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, Figure
from analysis.store import Store


def _fig(article_id, text, *, value=None, low=None, high=None, unit="civilians", **kw):
    fields = dict(category="killed", location="Douma", claimed_by=None, scope="event", start=0)
    fields.update(kw)
    if value is not None:
        low = value if low is None else low
        high = value if high is None else high
    return Figure(
        article_id=article_id,
        text=text,
        value=value,
        low=low,
        high=high,
        approximate=value is None,
        unit=unit,
        subject=None,
        end=fields["start"] + len(text),
        # a kind of incident and what it hit named: figures are only paired on evidence of one
        # incident, and tolls published days apart on a target both name
        # (incident_kinds.EVIDENCE_MASK)
        sentence=f"{text} {unit} were killed in air strikes on the market.",
        **fields,
    )


def _store(tmp_path, rows):
    """``rows``: (article id, published, source, figure)."""
    store = Store(tmp_path / "c.duckdb")
    results = []
    for article_id, published, source, fig in rows:
        art = Article(
            id=article_id, title=f"Story {article_id}", text="Text.", source=source,
            published=published,
        )  # fmt: skip
        results.append(ArticleResult(article=art, figures=(fig,)))
    store.write_batch(results)
    return store


def _bounded(text, value, *, low=None, high=None):
    """A figure stored as the extractor stores "at least N" (value and low N, no high) or
    "fewer than N" (value and high N, no low)."""
    day, source, claimant = "2018-02-21", "AFP", "civil defence"
    fig = _fig("y", text, value=value, claimed_by=claimant)
    return ("y", day, source, dataclasses.replace(fig, low=low, high=high))


BASE = ("x", "2018-02-21", "Reuters", _fig("x", "20", value=20.0, claimed_by="Observatory"))


def _other(text="35", *, day="2018-02-21", source="AFP", **kw):
    kw.setdefault("value", 35.0)
    kw.setdefault("claimed_by", "civil defence")
    return ("y", day, source, _fig("y", text, **kw))


@pytest.mark.parametrize(
    "other, conflict",
    [
        pytest.param(_other(), True, id="other-outlet-same-day"),
        pytest.param(
            _other(day="2018-02-21", source="Reuters"), True, id="same-outlet-other-claimant"
        ),
        # a toll reported a day or more before a higher one is the count of its day, since risen
        # (fv.RISING_CATEGORIES); a higher toll before a lower one still disagrees with it
        pytest.param(_other(day="2018-02-22"), False, id="toll-rose-next-day"),
        pytest.param(_other("12", day="2018-02-22", value=12.0), True, id="toll-fell-next-day"),
        pytest.param(_other("12", day="2018-02-24", value=12.0), True, id="three-days-later"),
        pytest.param(_other(day="2018-02-18"), True, id="three-days-before"),
        pytest.param(_other("12", day="2018-02-25", value=12.0), False, id="four-days-later"),
        pytest.param(_other(day="2018-02-17"), False, id="four-days-before"),
        pytest.param(_other(unit="children", value=15.0), False, id="children-vs-civilians-subset"),
        pytest.param(_other(unit="children", value=34.0), False, id="larger-subset-still-no"),
        # one group whatever the number of its noun: "one civilian" is one of the civilians
        pytest.param(_other("one", unit="civilian", value=1.0), True, id="civilian-vs-civilians"),
        pytest.param(_other("one", unit="child", value=1.0), False, id="child-vs-civilians"),
        pytest.param(_other(location="Idlib"), False, id="another-place"),
        pytest.param(_other(day="2018-03-10"), False, id="another-incident-weeks-later"),
        pytest.param(_other(claimed_by="Observatory"), False, id="same-claimant-both-sides"),
        pytest.param(_other(category="injured"), False, id="injured-vs-killed"),
        pytest.param(_other(scope="total", value=300_000.0), False, id="running-total"),
        pytest.param(
            _other("at least 15", value=None, low=15.0), False, id="lower-bound-compatible"
        ),
        pytest.param(_other("dozens", value=None, low=24.0), True, id="dozens-is-more-than-20"),
        # a word of scale is no count of one incident: "hundreds of people were hurt by the
        # shelling" does not contradict the 20 of one strike
        pytest.param(_other("hundreds", value=None, low=200.0), False, id="hundreds-is-scale"),
        pytest.param(_other("thousands", value=None, low=2000.0), False, id="thousands-is-scale"),
        pytest.param(_other("more than 200", value=200.0, low=200.0), True, id="more-than-200"),
        pytest.param(_other("20", value=20.0), False, id="same-number"),
        # As the extractor stores a stated bound: the number is the value, and one end is open.
        pytest.param(_bounded("at least 15", 15.0, low=15.0), False, id="at-least-15-stored"),
        pytest.param(_bounded("more than 12", 12.0, low=12.0), False, id="more-than-12-stored"),
        pytest.param(_bounded("at least 35", 35.0, low=35.0), True, id="at-least-35-is-not-20"),
        pytest.param(_bounded("fewer than 30", 30.0, high=30.0), False, id="fewer-than-30"),
        pytest.param(_bounded("below 10", 10.0, high=10.0), True, id="below-10-is-not-20"),
        pytest.param(_other("about 35", value=35.0, low=None, high=None), True, id="about-35"),
    ],
)
def test_conflicts_only_like_with_like(tmp_path, other, conflict):
    with _store(tmp_path, [BASE, other]) as store:
        pairs = fv.conflicting_figures(store.con)
        groups = fv.conflict_groups(store.con)
    assert (len(pairs) == 1) is conflict and len(pairs) <= 1
    assert len(groups) == len(pairs)


@pytest.mark.parametrize(
    "category, conflict",
    [("killed", False), ("injured", False), ("missing", True), ("displaced", True)],
)
def test_a_toll_that_rose_by_the_next_report_is_no_conflict(tmp_path, category, conflict):
    # 20 one day, 35 the next: the dead and the injured are found and counted for days, so
    # the lower toll is the count of its day, since risen; the missing are found and the
    # displaced go home, so their counts fall as well as rise, and two of them disagree
    rows = [
        ("x", "2018-02-20", "Reuters", _fig("x", "20", value=20.0, category=category)),
        ("y", "2018-02-21", "AFP", _fig("y", "35", value=35.0, category=category,
                                        claimed_by="civil defence")),
    ]  # fmt: skip
    with _store(tmp_path, rows) as store:
        assert (len(fv.conflicting_figures(store.con)) == 1) is conflict
        assert (len(fv.conflict_groups(store.con)) == 1) is conflict
        searched = Filters(search="Story")  # from the rows, not the summary
        assert (len(fv.conflict_groups(store.con, searched)) == 1) is conflict
        # the same two counts the other way round (the higher first) disagree in every category
        store.con.execute("UPDATE articles SET published = DATE '2018-02-22' WHERE id = 'x'")
        assert len(fv.conflicting_figures(store.con)) == 1


def test_two_sums_of_money_never_conflict(tmp_path):
    # a campaign's $1 million of adverts and another's $6 million raised on the same day in the
    # same state are two sums, not two claims about one: money counts unlike things
    def sum_(article_id, value, claimant):
        fig = _fig(article_id, f"${value:,.0f}", value=value, unit="USD", category="money",
                   location="Ohio", claimed_by=claimant)  # fmt: skip
        return (article_id, "2016-03-24", "Wire", fig)

    with _store(tmp_path, [sum_("x", 1e6, "One Nation"), sum_("y", 6e6, "Cruz campaign")]) as store:
        assert fv.conflicting_figures(store.con, category="money").empty
        assert fv.conflict_groups(store.con, category="money").empty


@pytest.mark.parametrize("scope, conflict", [("event", True), ("background", False)])
def test_earlier_events_recalled_never_conflict(tmp_path, scope, conflict):
    # "In early October four suicide bombers … killing 15" and "after at least 17 were killed
    # in an October 2 attack": each recalls its own incident, on a day that is not the
    # article's, so two such tolls of one week are no disagreement
    rows = [
        ("x", "2018-02-21", "Reuters", _fig("x", "15", value=15.0, scope=scope)),
        ("y", "2018-02-20", "AFP", _fig("y", "17", value=17.0, scope=scope, claimed_by="SANA")),
    ]
    with _store(tmp_path, rows) as store:
        assert (len(fv.conflicting_figures(store.con)) == 1) is conflict
        assert (len(fv.conflict_groups(store.con)) == 1) is conflict


def test_an_unattributed_figure_is_its_outlets_claim(tmp_path):
    rows = [
        ("x", "2018-02-21", "Reuters", _fig("x", "20", value=20.0)),
        ("y", "2018-02-21", "Reuters", _fig("y", "35", value=35.0, start=5)),
        ("z", "2018-02-20", "AFP", _fig("z", "50", value=50.0)),
    ]
    with _store(tmp_path, rows) as store:
        pairs = fv.conflicting_figures(store.con)
    # Reuters vs Reuters is one outlet changing its count; each against AFP is a disagreement.
    assert sorted(zip(pairs.estimate_a, pairs.estimate_b, strict=True)) == [(20, 50), (35, 50)]


def test_an_articles_own_figures_never_conflict(tmp_path):
    # A headline's toll and the body's update ("34 killed" ... "the toll rose to 53, the
    # Observatory said") are one article's account; a conflict is between reports.
    toll, update = _fig("x", "34", value=34.0), _fig("x", "53", value=53.0, start=40)
    update = dataclasses.replace(update, claimed_by="SOHR")
    art = Article(id="x", title="Story x", text="Text.", source="Reuters", published="2018-02-21")
    with Store(tmp_path / "c.duckdb") as store:
        store.write_batch([ArticleResult(article=art, figures=(toll, update))])
        assert store.con.execute("SELECT count(*) FROM figures").fetchone() == (2,)
        assert fv.conflicting_figures(store.con).empty
        assert fv.conflict_groups(store.con).empty
    # The same two figures in two articles are a conflict.
    other = dataclasses.replace(update, article_id="y")
    earlier = Article(id="y", title="Story y", text="Text.", source="AFP", published="2018-02-20")
    with Store(tmp_path / "d.duckdb") as store:
        store.write_batch(
            [
                ArticleResult(article=art, figures=(toll,)),
                ArticleResult(article=earlier, figures=(other,)),
            ]
        )
        assert len(fv.conflicting_figures(store.con)) == len(fv.conflict_groups(store.con)) == 1


def test_a_conflict_row_carries_both_sentences(tmp_path):
    with _store(tmp_path, [BASE, _other(day="2018-02-20")]) as store:
        (row,) = fv.conflict_groups(store.con).itertuples()
    assert (row.article_id_low, row.start_low, row.estimate_low) == ("x", 0, 20.0)
    assert (row.article_id_high, row.estimate_high) == ("y", 35.0)
    assert row.sentence_low == "20 civilians were killed in air strikes on the market."
    assert (row.claimed_by_low, row.claimed_by_high, row.days_apart) == (
        "Observatory", "civil defence", 1,
    )  # fmt: skip


def test_one_outlier_does_not_fill_the_table(tmp_path):
    rows = [
        (f"a{k}", "2018-02-21", f"Outlet {k}", _fig(f"a{k}", "20", value=20.0, claimed_by=f"c{k}"))
        for k in range(4)
    ]
    rows.append(("b", "2018-02-21", "Odd", _fig("b", "900", value=900.0, claimed_by="odd")))
    with _store(tmp_path, rows) as store:
        assert len(fv.conflicting_figures(store.con)) == 4
        assert len(fv.conflict_groups(store.con)) == 1


def _head(tmp_path, rows, category="killed"):
    with _store(tmp_path, rows) as store:
        return fv.headline_figures(store.con).set_index("category").loc[category]


def test_headline_is_the_toll_most_outlets_report_not_the_largest(tmp_path):
    rows = [
        ("a", "2018-02-21", "Reuters", _fig("a", "20", value=20.0)),
        ("b", "2018-02-21", "AFP", _fig("b", "20", value=20.0)),
        ("c", "2018-02-20", "BBC", _fig("c", "20", value=20.0)),
        ("d", "2018-02-20", "Odd", _fig("d", "108 million", value=108e6)),
    ]
    head = _head(tmp_path, rows)
    assert (head.estimate, head.n_articles, head.n_event_articles) == (20.0, 3, 4)
    assert (head.estimate_low, head.estimate_high) == (20.0, 108e6)  # the spread is shown


def test_headline_event_is_the_one_most_articles_report(tmp_path):
    """Two articles on Douma (20 and 22) outweigh one on Idlib with a bigger toll."""
    rows = [
        ("a", "2018-02-21", "Reuters", _fig("a", "20", value=20.0)),
        ("b", "2018-02-21", "AFP", _fig("b", "22", value=22.0)),
        ("c", "2018-02-21", "BBC", _fig("c", "70", value=70.0, location="Idlib")),
    ]
    head = _head(tmp_path, rows)
    assert head.location == "Douma" and head.estimate in (20.0, 22.0)
    assert head.n_event_articles == 2


def test_a_running_total_at_the_head_is_said_to_be_one(tmp_path):
    """A war's total that most articles repeat may head the killed, but not as a news event:
    the headline carries its scope, and the Overview's cell names it."""
    from dashboard import charts

    rows = [
        (f"t{k}", "2018-02-21", f"Outlet {k}", _fig(f"t{k}", "more than 300000",
                                                   value=300000.0, scope="total"))
        for k in range(3)
    ]  # fmt: skip
    rows.append(("e", "2018-02-21", "Wire", _fig("e", "12", value=12.0)))
    with _store(tmp_path, rows) as store:
        heads = fv.headline_figures(store.con)
    assert heads.set_index("category").loc["killed", "scope"] == "total"
    cells = charts.headline_cells(heads)
    assert cells["what"].tolist() == ["People killed (running total)"]
    news = heads.assign(scope="event")
    assert charts.headline_cells(news)["what"].tolist() == ["People killed"]
    share = heads.assign(category="territory_share")  # a share is a state: no running total
    assert charts.headline_cells(share)["what"].tolist() == ["Share of territory held"]


def test_headline_counts_outlets_before_articles(tmp_path):
    """One outlet's three reprints of 30 do not outvote two outlets saying 25."""
    rows = [(f"r{k}", "2018-02-21", "Reuters", _fig(f"r{k}", "30", value=30.0)) for k in range(3)]
    rows += [
        ("a", "2018-02-21", "AFP", _fig("a", "25", value=25.0)),
        ("b", "2018-02-21", "BBC", _fig("b", "25", value=25.0)),
    ]
    assert _head(tmp_path, rows).estimate == 25.0


def test_headline_from_the_summaries_is_the_vote_over_the_rows(tmp_path):
    """The vote read from the summaries (sum_figure_votes) chooses what the vote over the figure
    rows chooses, field for field: estimates tied on outlets and articles (the median decides,
    interpolated between the two middle figures when their number is even), articles without
    an outlet (each its own vote), several figures per article, two weeks and two scopes."""
    import random

    from analysis.filters import Filters

    rng = random.Random(7)
    rows = []
    for k in range(60):
        day = f"2018-02-{rng.choice([19, 20, 21, 22, 26, 27]):02d}"
        source = rng.choice(["Reuters", "AFP", "BBC", None, None])
        scope = rng.choice(["event", "event", "total"])
        place = rng.choice(["Douma", "Douma", "Idlib"])
        value = float(rng.choice([20, 22, 25, 30, 31]))
        rows.append((f"a{k:02d}", day, source, _fig(f"a{k:02d}", str(int(value)), value=value,
                                                     location=place, scope=scope)))  # fmt: skip
    with _store(tmp_path, rows) as store:
        # A second figure in some articles, further on.
        extra = (
            store.con.execute("SELECT * FROM figures WHERE article_id < 'a20'")
            .df()
            .assign(start=40, value=31.0, low=31.0, high=31.0, text="31")
        )
        store.con.register("extra", extra)
        store.con.execute("INSERT INTO figures SELECT * FROM extra")
        store.con.execute(incident_kinds.FILL_SQL)  # as a write works them out (figures.kinds)
        from analysis import summaries

        summaries.rebuild(store.con, ["sum_figure_events", "sum_figure_votes"])
        ids = tuple(r[0] for r in store.con.execute("SELECT id FROM articles").fetchall())
        for filters in (Filters(), Filters(sources=("Reuters", "BBC"))):
            rows_only = Filters(sources=filters.sources, article_ids=ids)
            for scope in (None, "event", "total"):
                got = fv.headline_figures(store.con, filters, scope=scope)
                want = fv.headline_figures(store.con, rows_only, scope=scope)
                assert len(got) == 1
                pd.testing.assert_frame_equal(got, want)


def _both_ways(tmp_path, rows, category="killed"):
    """The headline read from the summaries, checked equal to the vote over the rows, which
    takes its figures' incident kinds from the conflicts summary or, where that lacks them,
    works them out from their sentences."""
    from analysis.filters import Filters

    with _store(tmp_path, rows) as store:
        ids = tuple(r[0] for r in store.con.execute("SELECT id FROM articles").fetchall())
        got = fv.headline_figures(store.con)
        pd.testing.assert_frame_equal(got, fv.headline_figures(store.con, Filters(article_ids=ids)))
        store.con.execute("DELETE FROM sum_conflict_figures")
        pd.testing.assert_frame_equal(got, fv.headline_figures(store.con, Filters(article_ids=ids)))
        return got.set_index("category").loc[category]


def test_headline_tie_goes_to_the_estimate_nearest_the_interpolated_median(tmp_path):
    """20 and 40 are each given by two outlets; the six figures' median is (29 + 33) / 2 = 31,
    nearer 40 (the lower middle figure alone, 29, would be nearer 20)."""
    values = [("a", 20), ("b", 20), ("c", 29), ("d", 33), ("e", 40), ("f", 40)]
    rows = [(k, "2018-02-21", f"Outlet {k}", _fig(k, str(v), value=float(v))) for k, v in values]
    head = _both_ways(tmp_path, rows)
    assert (head.estimate, head.n_articles, head.n_event_articles) == (40.0, 2, 6)


def test_headline_articles_without_an_outlet_each_count_as_one(tmp_path):
    """Two articles without an outlet saying 25 are two voices; Reuters' three saying 30, one.
    The figure shown is the newest article's."""
    rows = [(f"r{k}", "2018-02-21", "Reuters", _fig(f"r{k}", "30", value=30.0)) for k in range(3)]
    rows += [
        ("n1", "2018-02-20", None, _fig("n1", "25", value=25.0)),
        ("n2", "2018-02-22", None, _fig("n2", "25", value=25.0)),
    ]
    head = _both_ways(tmp_path, rows)
    assert (head.estimate, head.article_id) == (25.0, "n2")


def _said(article_id, text, value, sentence, **kw):
    """A killed figure with the sentence it was read from (the incident kinds come from it)."""
    return dataclasses.replace(_fig(article_id, text, value=value, **kw), sentence=sentence)


def test_headline_spread_is_the_range_of_its_incident_not_of_its_week(tmp_path):
    """A week of one town's reports holds several incidents: the spread ranges over the figures
    of the headline's (the gas attack's 40 and 65), not over a mortar attack's two dead the same
    day (another kind of incident) nor an air raid's nine four days on; "N of M articles"
    counts the articles reporting that incident. Read from the summaries as from the rows."""
    gas = "At least {} people were killed when a chemical attack hit the town, medics said."
    rows = [
        ("a", "2018-02-19", "Reuters", _said("a", "40", 40.0, gas.format(40))),
        ("b", "2018-02-19", "AFP", _said("b", "40", 40.0, gas.format(40))),
        ("c", "2018-02-20", "BBC", _said("c", "65", 65.0, "The toxic gas killed 65, a doctor said.")),
        ("d", "2018-02-19", "SANA", _said("d", "two", 2.0, "Rebel mortar shells killed two people in the town.")),
        ("e", "2018-02-23", "AP", _said("e", "nine", 9.0, "Nine people died as warplanes struck the town.")),
    ]  # fmt: skip
    head = _both_ways(tmp_path, rows)
    assert (head.estimate, head.n_articles, head.n_event_articles) == (40.0, 2, 3)
    assert (head.estimate_low, head.estimate_high) == (40.0, 65.0)


def test_headline_spread_keeps_reports_a_day_apart_not_days_apart(tmp_path):
    """Sentences that name no kind of incident: a toll of the next day is the same incident's
    (a report's update), one three days on is not, unless both name the same target."""
    rows = [
        ("a", "2018-03-05", "Reuters", _said("a", "12", 12.0, "Twelve people were killed in the town.")),
        ("b", "2018-03-05", "AFP", _said("b", "12", 12.0, "Officials said 12 people had died.")),
        ("c", "2018-03-06", "BBC", _said("c", "15", 15.0, "The number of dead rose to 15.")),
        ("d", "2018-03-08", "AP", _said("d", "three", 3.0, "Three people were killed in the town.")),
    ]  # fmt: skip
    head = _both_ways(tmp_path, rows)
    assert (head.estimate, head.n_articles, head.n_event_articles) == (12.0, 2, 3)
    assert (head.estimate_low, head.estimate_high) == (12.0, 15.0)
    # the same target named by both: one incident, reported days later
    market = "{} people were killed at the market in the town."
    rows = [
        (k, day, source, _said(k, str(int(v)), v, market.format(int(v))))
        for k, day, source, v in [
            ("a", "2018-03-05", "Reuters", 12.0), ("b", "2018-03-05", "AFP", 12.0),
            ("d", "2018-03-08", "AP", 20.0),
        ]
    ]  # fmt: skip
    (tmp_path / "target").mkdir()
    head = _both_ways(tmp_path / "target", rows)
    assert (head.n_event_articles, head.estimate_low, head.estimate_high) == (3, 12.0, 20.0)


def test_headline_spread_keeps_a_toll_whose_sentence_names_the_province_or_a_span(tmp_path):
    """A toll told "in the province" or "since the war began" is no other incident: the same
    day's bombing counted by the province's officials, the war's toll said either way."""
    bombs = "Twin car bombs in the town wounded {} people."
    rows = [
        ("a", "2018-03-05", "Reuters", _said("a", "74", 74.0, bombs.format(74), category="injured")),
        ("b", "2018-03-05", "AFP", _said("b", "40", 40.0, bombs.format(40), category="injured")),
        ("c", "2018-03-05", "BBC", _said("c", "74", 74.0, bombs.format(74), category="injured")),
        ("d", "2018-03-05", "AP", _said("d", "115", 115.0, "The number of people wounded in the province of Homs rose to 115, the governor said.", category="injured")),
        ("e", "2018-03-05", "Reuters", _said("e", "300000", 300000.0, "The war has killed 300000 people.", scope="total")),
        ("f", "2018-03-05", "AFP", _said("f", "300000", 300000.0, "The war has killed 300000 people.", scope="total")),
        ("g", "2018-03-05", "BBC", _said("g", "350000", 350000.0, "Some 350000 people have been killed across the country.", scope="total")),
    ]  # fmt: skip
    with _store(tmp_path, rows) as store:
        ids = tuple(r[0] for r in store.con.execute("SELECT id FROM articles").fetchall())
        for scope, category, want in (
            ("event", "injured", (74.0, 2, 4, 40.0, 115.0)),
            ("total", "killed", (3e5, 2, 3, 3e5, 3.5e5)),
        ):
            got = fv.headline_figures(store.con, scope=scope)
            rows_only = fv.headline_figures(store.con, Filters(article_ids=ids), scope=scope)
            pd.testing.assert_frame_equal(got, rows_only)
            head = got.set_index("category").loc[category]
            assert (
                head.estimate, head.n_articles, head.n_event_articles, head.estimate_low,
                head.estimate_high,
            ) == want  # fmt: skip


def test_conflicts_from_the_summary_are_the_conflicts_of_the_rows(tmp_path):
    """The pairs made from the narrow summary (sum_conflict_figures) are the pairs made from
    the figure rows, row for row and in order, for a view of outlets and for a short list
    (whose span of days must grow to fill it)."""
    import random

    from analysis.filters import Filters

    rng = random.Random(11)
    rows = []
    for k in range(80):
        day = f"2018-0{rng.choice([1, 2, 3])}-{rng.randint(1, 28):02d}"
        source = rng.choice(["Reuters", "AFP", "BBC", None])
        value = float(rng.choice([10, 20, 35, 60, 100]))
        fig = _fig(
            f"a{k:02d}", str(int(value)), value=value, location=rng.choice(["Douma", "Idlib"]),
            claimed_by=rng.choice([None, "Observatory", "civil defence"]),
            scope=rng.choice(["event", "total"]),
        )  # fmt: skip
        rows.append((f"a{k:02d}", day, source, fig))
    with _store(tmp_path, rows) as store:
        ids = tuple(r[0] for r in store.con.execute("SELECT id FROM articles").fetchall())
        for filters, limit in ((Filters(), 200), (Filters(), 3), (Filters(sources=("AFP",)), 5)):
            got = fv.conflict_groups(store.con, filters, limit=limit)
            rows_only = Filters(sources=filters.sources, article_ids=ids)
            assert len(got) >= (1 if filters.sources else 3)
            pd.testing.assert_frame_equal(
                got, fv.conflict_groups(store.con, rows_only, limit=limit)
            )


def test_pairing_on_day_bands_finds_every_pair_of_the_plain_join(tmp_path, monkeypatch):
    """The pairs are joined on bands of days as well as on place and class (see
    ``figure_views._BANDS``): the same pairs as one band for all, over many days and windows."""
    import random

    rng = random.Random(5)
    rows = []
    for k in range(120):
        day = f"2018-0{rng.choice([1, 2])}-{rng.randint(1, 28):02d}"
        value = float(rng.choice([10, 20, 35, 60]))
        fig = _fig(
            f"b{k:03d}", str(int(value)), value=value, location=rng.choice(["Douma", "Idlib"]),
            claimed_by=rng.choice([None, "Observatory", "civil defence", "SANA"]),
        )  # fmt: skip
        rows.append((f"b{k:03d}", day, rng.choice(["Reuters", "AFP"]), fig))
    with _store(tmp_path, rows) as store:
        banded = {w: fv.conflicting_figures(store.con, window_days=w) for w in (0, 1, 3, 7)}
        grouped = fv.conflict_groups(store.con, window_days=3)
        one_band = (
            "banded AS (SELECT *, 0 AS band FROM fig), "
            "near AS (SELECT banded.*, 0 AS near FROM banded)"
        )
        monkeypatch.setattr(fv, "_BANDS", one_band)
        for w, got in banded.items():
            assert len(got) > (0 if w == 0 else 20), w
            pd.testing.assert_frame_equal(got, fv.conflicting_figures(store.con, window_days=w))
        pd.testing.assert_frame_equal(grouped, fv.conflict_groups(store.con, window_days=3))


def _said(article_id, text, value, sentence, **kw):
    return dataclasses.replace(_fig(article_id, text, value=value, **kw), sentence=sentence)


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        pytest.param(
            "17 civilians were killed in a triple bombing in central Douma.",
            "Two civilians were killed by mortar shells on Douma.",
            False,
            id="bombing-vs-mortar-shells",
        ),
        pytest.param(
            "20 civilians were killed in air strikes on Douma.",
            "Russian warplanes killed 35 civilians in Douma.",
            True,
            id="air-strikes-vs-warplanes",
        ),
        pytest.param(
            "20 civilians were killed in air strikes on Douma.",
            "35 civilians were killed in Douma.",
            False,
            id="one-names-no-kind-no-evidence",
        ),
        pytest.param(
            "20 civilians were killed when a market in Douma was hit.",
            "A strike on the Douma market killed 35 civilians.",
            True,
            id="one-target",
        ),
        pytest.param(
            "20 civilians were killed in air strikes on a school in Douma.",
            "Warplanes hit a hospital in Douma killing 35 civilians.",
            False,
            id="two-targets",
        ),
        pytest.param(
            "20 civilians were killed in air strikes on Douma.",
            "A toxic gas attack from the air killed 35 civilians in Douma.",
            False,
            id="a-gas-attack-beside-air-strikes",
        ),
        pytest.param(
            "20 civilians were killed in a gas attack on Douma.",
            "Chlorine dropped on Douma killed 35 civilians.",
            True,
            id="two-words-for-chemical",
        ),
        pytest.param(
            "20 civilians were killed in a bombing of Douma.",
            "Air raids killed 35 civilians in Douma.",
            True,
            id="bombing-may-be-from-the-air",
        ),
        # one kind (shelling), two weapons: two incidents; "rocket" and "missile" are one
        pytest.param(
            "A mortar attack on Douma killed 20 civilians.",
            "A missile strike killed 35 civilians in Douma.",
            False,
            id="a-mortar-is-not-a-missile",
        ),
        pytest.param(
            "A rocket hit Douma, killing 20 civilians.",
            "A missile strike killed 35 civilians in Douma.",
            True,
            id="rocket-and-missile-one-weapon",
        ),
        # two attackers: two incidents; one attacker in two words is one
        pytest.param(
            "Rebels fired shells at Douma, killing 20 civilians.",
            "Regime shelling of Douma killed 35 civilians.",
            False,
            id="rebels-vs-regime",
        ),
        pytest.param(
            "Russian air strikes killed 20 civilians in Douma.",
            "Air raids carried out by the Syrian regime killed 35 civilians in Douma.",
            True,
            id="one-side-two-words",
        ),
        pytest.param(
            "Air strikes on rebel-held Douma killed 20 civilians.",
            "Government warplanes killed 35 civilians in Douma.",
            True,
            id="who-holds-a-place-is-no-attacker",
        ),
        pytest.param(
            "Russian air strikes killed 20 civilians in Douma.",
            "US-led coalition air strikes killed 35 civilians in Douma.",
            False,
            id="russia-vs-the-coalition",
        ),
        # a toll over days counts several strikes: never beside one strike's, but beside another
        # toll over days
        pytest.param(
            "20 civilians were killed in an air strike on Douma.",
            "Air strikes have killed 35 civilians in Douma over the past two days.",
            False,
            id="a-span-of-days-vs-one-strike",
        ),
        pytest.param(
            "Air strikes killed 20 civilians in Douma in three days.",
            "Air strikes have killed 35 civilians in Douma over the last 48 hours.",
            True,
            id="two-spans-of-days",
        ),
        # aircraft are the government's or the coalition's: never the rebels' shelling
        pytest.param(
            "Rebel shelling of Douma killed 20 civilians.",
            "Air raids and shelling killed 35 civilians in Douma.",
            False,
            id="rebel-shelling-vs-air-raids",
        ),
        pytest.param(
            "Air force strikes killed 20 civilians in Douma.",
            "Rebel rockets killed 35 civilians in Douma.",
            False,
            id="the-air-force-vs-rebel-rockets",
        ),
        # the incident a sentence goes on to after the figure's own is not the figure's
        pytest.param(
            "Government air strikes killed 20 civilians in Douma after rebel rocket fire.",
            "Rebels fired rockets at Douma, killing 35 civilians.",
            False,
            id="the-strike-after-the-rockets",
        ),
        pytest.param(
            "The rebel barrage killed 20 civilians in Douma while regime air strikes hit the east.",
            "Regime air strikes killed 35 civilians in Douma.",
            False,
            id="the-barrage-while-air-strikes",
        ),
        pytest.param(
            "20 civilians were killed after a rocket hit Douma.",
            "A missile strike killed 35 civilians in Douma.",
            True,
            id="after-telling-how-is-the-figures-own",
        ),
        # one strike beside the day's strikes: only on the same target
        pytest.param(
            "A shell hit a school in Douma, killing 20 civilians.",
            "Regime shelling of Douma killed 35 civilians.",
            False,
            id="one-shell-vs-the-days-shelling",
        ),
        pytest.param(
            "A shell hit a school in Douma, killing 20 civilians.",
            "Shelling that hit the Douma school killed 35 civilians.",
            True,
            id="one-shell-and-shelling-on-one-school",
        ),
        pytest.param(
            "Regime shelling of Douma killed 20 people including six school children.",
            "A shell hit a school in Douma, killing 35 civilians.",
            False,
            id="schoolchildren-are-no-school",
        ),
        # a province's toll is several incidents' sum
        pytest.param(
            "20 civilians were killed in air strikes on a market in the town of Douma.",
            "Air strikes killed 35 civilians across rebel-held Rif Dimashq province.",
            False,
            id="a-town-vs-the-province",
        ),
        pytest.param(
            "An alleged chemical attack in Rif Dimashq province killed 20 civilians.",
            "Chemical weapons used in the attack killed 35 civilians in Rif Dimashq province.",
            True,
            id="one-attack-named-in-a-province",
        ),
        # an aircraft shot down is its crew's toll, no strike's
        pytest.param(
            "All 20 people aboard a military helicopter died when it was shot down near Douma.",
            "Russian air strikes killed 35 civilians in Douma.",
            False,
            id="a-helicopter-downed-vs-air-strikes",
        ),
        pytest.param(
            "Rebels said they shot down a helicopter over Douma, killing its crew of 20.",
            "All 35 aboard died when the helicopter was downed over Douma.",
            True,
            id="two-tolls-of-one-downing",
        ),
        # a day's toll is several strikes' sum, as the last 48 hours' is
        pytest.param(
            "Missile strikes on Douma killed 20 civilians.",
            "Bombardment of Douma brought to 35 the number killed in 24 hours.",
            False,
            id="one-strike-vs-24-hours",
        ),
    ],
)
def test_two_kinds_of_incident_are_two_incidents(tmp_path, first, second, conflict):
    # (analysis.incident_kinds) every path agrees: the pairs, the page's groups from the
    # summary, and the groups under a filter that reads the rows
    rows = [
        ("x", "2018-02-21", "Reuters", _said("x", "20", 20.0, first, claimed_by="Observatory")),
        ("y", "2018-02-20", "AFP", _said("y", "35", 35.0, second, claimed_by="SANA")),
    ]
    with _store(tmp_path, rows) as store:
        assert (len(fv.conflicting_figures(store.con)) == 1) is conflict
        assert (len(fv.conflict_groups(store.con)) == 1) is conflict
        searched = Filters(search="Story")  # no summary serves a search: the rows are read
        assert (len(fv.conflict_groups(store.con, searched)) == 1) is conflict


@pytest.mark.parametrize("category", ["people", "percent", "other"])
def test_catch_all_categories_never_conflict(tmp_path, category):
    # "50 people were treated for breathing problems" and "the hospital serves 8,000 people"
    # count unlike things, as do "13% growth" and "47% of voters"
    rows = [
        ("x", "2018-02-21", "Reuters", _fig("x", "50", value=50.0, category=category)),
        ("y", "2018-02-20", "AFP", _fig("y", "8,000", value=8000.0, category=category)),
    ]
    with _store(tmp_path, rows) as store:
        assert fv.conflicting_figures(store.con).empty
        assert fv.conflict_groups(store.con).empty
        # and the same pair of tolls of the dead is one
        store.con.execute("UPDATE figures SET category = 'killed'")
        assert len(fv.conflicting_figures(store.con)) == 1


@pytest.mark.parametrize(
    "day_x, day_y, conflict",
    [
        # two days the sentences name: two incidents (Monday 19 and Thursday 22 February)
        ("on Monday", "on Thursday", False),
        # the same day named in articles of two dates (20 and 22 February): Monday 19 February
        ("on Monday", "on Monday", True),
        ("on Monday", "", True),  # one names no day: it may be the same
        # a day after the other article's date: a Tuesday's article (20 February) cannot report
        # Thursday's strike (the 22nd) ...
        ("", "on Thursday", False),
        # ... but a Tuesday's article's Thursday is the week before (the 15th)
        ("on Thursday", "", True),
        # the day a source spoke is not the incident's
        ("", "the monitor said on Thursday", True),
    ],
)
def test_figures_whose_sentences_name_two_days_are_two_incidents(tmp_path, day_x, day_y, conflict):
    rows = []
    for article_id, published, day, value, claimant in (
        # (the higher toll the earlier report: not one that rose, fv.RISING_CATEGORIES)
        ("x", "2018-02-20", day_x, 35.0, "Observatory"),
        ("y", "2018-02-22", day_y, 20.0, "civil defence"),
    ):
        fig = _fig(article_id, str(int(value)), value=value, claimed_by=claimant)
        # (both name the market: two days apart, the days named decide)
        sentence = f"{int(value)} civilians were killed {day} in air strikes on the market."
        sentence = sentence.replace("  ", " ")
        rows.append((article_id, published, "AFP", dataclasses.replace(fig, sentence=sentence)))
    with _store(tmp_path, rows) as store:
        assert (len(fv.conflicting_figures(store.con)) == 1) is conflict
        assert (len(fv.conflict_groups(store.con)) == 1) is conflict


def _article_with(article_id, day, source, figures):
    art = Article(
        id=article_id, title=f"Story {article_id}", text="Text.", source=source, published=day
    )
    return ArticleResult(article=art, figures=tuple(figures))


@pytest.mark.parametrize(
    "second, conflict",
    [
        pytest.param(
            "The monitor had initially given a death toll of 20 civilians.", False, id="updated"
        ),
        pytest.param("The toll rose from 20 civilians overnight.", False, id="rose-from"),
        pytest.param("Another 20 civilians were wounded in Douma.", True, id="not-a-toll-replaced"),
    ],
)
def test_a_toll_the_source_replaced_is_no_conflict(tmp_path, second, conflict):
    # y's article tells that its monitor first gave 20: x's 20 is that earlier toll, not a
    # disagreement with y's 35 (incident_kinds.SUPERSEDED_BIT, figure_views._NOT_REPLACED_SQL)
    first = "Air strikes killed 35 civilians in Douma, the monitor said."
    x = _said("x", "20", 20.0, "Air strikes killed 20 civilians in Douma.", claimed_by="activists")
    y = _said("y", "35", 35.0, first, claimed_by="Observatory")
    later = dataclasses.replace(
        _said("y", "20", 20.0, second, claimed_by="Observatory"), start=100, end=102
    )
    store = Store(tmp_path / "c.duckdb")
    with store:
        store.write_batch(
            [
                _article_with("x", "2018-02-21", "Reuters", [x]),
                _article_with("y", "2018-02-20", "AFP", [y, later]),
            ]
        )
        pairs = fv.conflicting_figures(store.con)
        assert bool(((pairs.text_a == "20") & (pairs.text_b == "35")).any()) is conflict
        groups = fv.conflict_groups(store.con)
        assert bool(((groups.text_low == "20") & (groups.text_high == "35")).any()) is conflict
        searched = fv.conflict_groups(store.con, Filters(search="Story"))
        assert bool(((searched.text_low == "20") & (searched.text_high == "35")).any()) is conflict


def test_a_part_of_a_toll_is_no_conflict_with_it(tmp_path):
    # "35 killed including 20 when their bus was hit": another source's 20 on the bus is that
    # part, and a part is never paired with another's whole
    sentence = "Air strikes killed 35 civilians in Douma including 20 when their bus was hit."
    whole = _said("y", "35", 35.0, sentence, claimed_by="civil defence")
    part = dataclasses.replace(
        _said("y", "20", 20.0, sentence, claimed_by="civil defence"), start=56, end=58, part_of=0
    )
    bus = _said("x", "20", 20.0, "Air strikes hit a bus in Douma killing 20 civilians.")
    # (SANA's toll names the bus too: a toll of the bus below one of all Douma's strikes that
    # day would be no disagreement, incident_kinds.NOT_PART_OF_WIDER_SQL)
    wider = _said(
        "z", "50", 50.0, "Air strikes on a bus in Douma killed 50 civilians.", claimed_by="SANA"
    )
    store = Store(tmp_path / "c.duckdb")
    with store:
        store.write_batch(
            [
                _article_with("x", "2018-02-21", "Reuters", [bus]),
                _article_with("y", "2018-02-20", "AFP", [whole, part]),
                _article_with("z", "2018-02-20", "BBC", [wider]),
            ]
        )
        pairs = fv.conflicting_figures(store.con)
        got = set(
            zip(pairs.article_id_a, pairs.text_a, pairs.article_id_b, pairs.text_b, strict=True)
        )
        # the bus's 20 is the part, not a disagreement with the 35; the part is no whole beside
        # SANA's 50; the two wholes, and the bus's 20 beside SANA's 50, still disagree
        assert got == {("y", "35", "z", "50"), ("x", "20", "z", "50")}


def test_a_scope_asked_for_keeps_the_marks_of_every_scope(tmp_path):
    # y's article recalls, in a paragraph of background, that its monitor first gave 20: x's
    # 20 is that earlier toll under a view of news events too, as under all figures (the mark
    # had gone with its scope, and the subset showed one conflict more than the whole)
    first = "Air strikes killed 35 civilians in Douma, the monitor said."
    x = _said("x", "20", 20.0, "Air strikes killed 20 civilians in Douma.", claimed_by="activists")
    y = _said("y", "35", 35.0, first, claimed_by="Observatory")
    earlier = dataclasses.replace(
        _said("y", "20", 20.0, "The monitor had initially given a toll of 20 civilians.",
              claimed_by="Observatory"),
        start=100, end=102, scope="background",
    )  # fmt: skip
    store = Store(tmp_path / "c.duckdb")
    with store:
        store.write_batch(
            [
                _article_with("x", "2018-02-21", "Reuters", [x]),
                _article_with("y", "2018-02-20", "AFP", [y, earlier]),
            ]
        )
        for filters in (None, Filters(search="Story")):
            every = fv.conflict_groups(store.con, filters)
            news = fv.conflict_groups(store.con, filters, scope="event")
            assert every.empty and news.empty
            assert fv.conflicting_figures(store.con, filters, scope="event").empty


@pytest.mark.parametrize(
    "toll_x, toll_y, conflict",
    [
        # two tolls of one strike, and two counts of the children among them: a disagreement
        (31, 31, True),
        # parts of two different tolls (a first toll and its update, or two strikes): the
        # children of 31 and of 48 are no two answers to one question; the tolls are paired
        (31, 48, False),
    ],
)
def test_parts_are_paired_only_as_parts_of_one_toll(tmp_path, toll_x, toll_y, conflict):
    results = []
    for article_id, toll, children, source, claimant in (
        ("x", toll_x, 9, "Reuters", "activists"),
        ("y", toll_y, 14, "AFP", "Observatory"),
    ):
        sentence = f"Air strikes on Douma killed {toll} civilians, among them {children} children."
        whole = _said(article_id, str(toll), float(toll), sentence, claimed_by=claimant)
        at = sentence.index(f" {children} ") + 1
        part = dataclasses.replace(
            _said(article_id, str(children), float(children), sentence, claimed_by=claimant),
            unit="children", start=at, end=at + len(str(children)), part_of=0,
        )  # fmt: skip
        art = Article(
            id=article_id, title=f"Story {article_id}", text="Text.", source=source,
            published="2018-02-21",
        )  # fmt: skip
        results.append(ArticleResult(article=art, figures=(whole, part)))
    store = Store(tmp_path / "c.duckdb")
    with store:
        store.write_batch(results)
        pairs = fv.conflicting_figures(store.con)
        children = pairs[pairs.unit == "children"]
        assert (len(children) == 1) is conflict
        assert (pairs.unit == "civilians").sum() == (toll_x != toll_y)
        for groups in (
            fv.conflict_groups(store.con),  # from the summary
            fv.conflict_groups(store.con, Filters(search="Story")),  # from the rows
        ):
            assert bool(((groups.text_low == "9") & (groups.text_high == "14")).any()) is conflict


def _pair_listed(tmp_path, first, second, *, days=("2018-02-21", "2018-02-20")):
    """Whether x's 20 (``first``) and y's 35 (``second``) are listed as a conflict, asserting
    that every path agrees: the pairs, the page's groups from the summary and the groups read
    from the rows (a search)."""
    rows = [
        ("x", days[0], "Reuters", _said("x", "20", 20.0, first, claimed_by="Observatory")),
        ("y", days[1], "AFP", _said("y", "35", 35.0, second, claimed_by="SANA")),
    ]
    with _store(tmp_path, rows) as store:
        found = {
            len(fv.conflicting_figures(store.con)),
            len(fv.conflict_groups(store.con)),
            len(fv.conflict_groups(store.con, Filters(search="Story"))),
        }
    assert len(found) == 1 and found <= {0, 1}, found
    return found == {1}


@pytest.mark.parametrize(
    "first, second, published, conflict",
    [
        # a day apart: the reports of one day's shelling of a town (the lower toll the later
        # report: one that rose by the next day's is no disagreement, fv.RISING_CATEGORIES)
        ("Shelling of Douma killed 20 civilians.", "Douma was shelled: 35 civilians died.",
         "2018-02-21", True),
        # three days apart, nothing in common but the town and the shelling: another day's
        ("Shelling of Douma killed 20 civilians.", "Douma was shelled: 35 civilians died.",
         "2018-02-23", False),
        # ... unless both name what was hit
        ("Shelling of the Douma bakery killed 20 civilians.",
         "Shells hit the bakery in Douma: 35 civilians died.", "2018-02-23", True),
        # ... or the later names a day at most one from the earlier's (Monday 19 February)
        ("Douma was shelled on Monday: 20 civilians died.", "Shelling of Douma killed 35 civilians.",
         "2018-02-23", True),
        ("Douma was shelled on Saturday: 20 civilians died.",
         "Shelling of Douma killed 35 civilians.", "2018-02-23", False),
    ],
)  # fmt: skip
def test_tolls_published_days_apart_need_evidence_of_one_incident(
    tmp_path, first, second, published, conflict
):
    assert _pair_listed(tmp_path, first, second, days=(published, "2018-02-20")) is conflict


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        # a neighbourhood's 20 beside the town's 35 of a day's shelling: both can be true
        (
            "Mortar fire on the Al-Nour neighbourhood killed 20 civilians.",
            "Mortar fire across Douma killed 35 civilians on the day.",
            False,
        ),
        # two named neighbourhoods are a part too, and what was hit is
        (
            "Mortars fell on the Al-Nour and Al-Jalaa neighbourhoods, killing 20 civilians.",
            "Mortar fire across Douma killed 35 civilians on the day.",
            False,
        ),
        (
            "Mortar fire hit the main bakery, killing 20 civilians.",
            "Mortar fire across Douma killed 35 civilians on the day.",
            False,
        ),
        # neighbourhoods of no name are the town
        (
            "Mortar fire on residential neighbourhoods killed 20 civilians.",
            "Mortar fire across Douma killed 35 civilians on the day.",
            True,
        ),
        # two tolls of the one neighbourhood disagree
        (
            "Mortar fire on the Al-Nour neighbourhood killed 20 civilians.",
            "Mortar fire killed 35 civilians in the Al-Nour neighbourhood of Douma.",
            True,
        ),
        # ... as does a toll of the named area it lies in
        (
            "Mortar fire on the Al-Nour neighbourhood killed 20 civilians.",
            "Mortar fire killed 35 civilians in the Old Town area of Douma.",
            True,
        ),
        # the wider toll told of one strike: the part's toll is that strike's, told lower
        (
            "A mortar shell on the Al-Nour neighbourhood killed 20 civilians.",
            "A single mortar shell killed 35 civilians in Douma.",
            True,
        ),
    ],
)
def test_a_parts_lower_toll_is_no_conflict_with_the_wider_places(tmp_path, first, second, conflict):
    assert _pair_listed(tmp_path, first, second) is conflict


def test_a_parts_higher_toll_than_the_wider_places_is_a_conflict(tmp_path):
    # the part counted above the whole: "35 killed at the bakery" beside "20 killed in Douma"
    first = "Mortar fire across Douma killed 20 civilians on the day."
    second = "Mortar fire on the Al-Nour neighbourhood killed 35 civilians."
    assert _pair_listed(tmp_path, first, second)


@pytest.mark.parametrize(
    "second, conflict",
    [
        # whose areas were hit tells who hit them, where no attacker is named
        ("Bombardment of opposition-held parts of Douma killed 35 civilians.", False),
        ("Bombardment of government-held parts of Douma killed 35 civilians.", True),
        # an advance is the advancing side's attack
        ("Loyalist troops advancing under a bombardment killed 35 civilians in Douma.", False),
        ("Bombardment of Douma killed 35 civilians.", True),
    ],
)
def test_the_side_whose_area_was_hit_is_not_the_attacker(tmp_path, second, conflict):
    first = "Insurgents fired rockets on Douma, killing 20 civilians."
    assert _pair_listed(tmp_path, first, second) is conflict


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        # where the wounded were taken or the dead were seen is no incident's target
        (
            "The bodies of 20 civilians were brought to a hospital in Douma.",
            "Doctors said 35 civilians had died in hospitals around Douma.",
            False,
        ),
        (
            "Shelling hit a hospital in Douma, killing 20 civilians.",
            "35 civilians died when shells struck the hospital in Douma.",
            True,
        ),
    ],
)
def test_a_hospital_where_victims_were_taken_is_not_what_was_hit(tmp_path, first, second, conflict):
    assert _pair_listed(tmp_path, first, second) is conflict


@pytest.mark.parametrize(
    "second, conflict",
    [
        ("Continued shelling attacks on Douma have killed 35 civilians.", False),
        ("Shelling on Douma over the last 24 hours killed 35 civilians.", True),
    ],
)
def test_a_days_toll_and_a_toll_of_days_are_two_spans(tmp_path, second, conflict):
    first = "Shelling killed 20 civilians in Douma in the past 24 hours."
    assert _pair_listed(tmp_path, first, second) is conflict


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        # one name is a city and the province around it: the city's toll and one of villages
        # elsewhere in the province are two incidents
        ("Missiles fired on the eastern city of Douma killed 20 civilians.",
         "Missiles fired on villages of Douma province killed 35 civilians.", False),
        ("Missiles fired on the eastern city of Douma killed 20 civilians.",
         "Missiles fired on the Douma countryside killed 35 civilians.", False),
        # a toll of the city and its countryside holds the city's
        ("Missiles fired on the eastern city of Douma killed 20 civilians.",
         "Missiles fired on the city and its countryside killed 35 civilians.", True),
        # two tellings of the city, two of the countryside: one incident each
        ("Missiles fired on the eastern city of Douma killed 20 civilians.",
         "Missiles fired on Douma city killed 35 civilians.", True),
        ("Missiles fired on the Douma countryside killed 20 civilians.",
         "Missiles fired on villages of Douma province killed 35 civilians.", True),
    ],
)  # fmt: skip
def test_the_city_and_elsewhere_in_its_province_are_two_incidents(
    tmp_path, first, second, conflict
):
    assert _pair_listed(tmp_path, first, second) is conflict


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        # two neighbourhoods named: two attacks of the day
        ("Rockets fired on the Al-Nour neighbourhood killed 20 civilians.",
         "Rockets fired on the Bab Tuma neighbourhood killed 35 civilians.", False),
        ("Rockets fired on the Al-Nour neighbourhood killed 20 civilians.",
         "Rockets fired on the district of Qassaa killed 35 civilians.", False),
        # one neighbourhood, spelt two ways
        ("Rockets fired on the Al-Hamidiyah neighbourhood killed 20 civilians.",
         "Rockets fired on the neighbourhood of Hamidiyeh killed 35 civilians.", True),
        # a neighbourhood of no name, or of the town itself, names none
        ("Rockets fired on a crowded neighbourhood killed 20 civilians.",
         "Rockets fired on the Bab Tuma neighbourhood killed 35 civilians.", True),
        ("Rockets fired on the Al-Nour neighbourhood killed 20 civilians.",
         "Rockets fired on a neighbourhood of Douma killed 35 civilians.", True),
        # where the attackers are ("the eastern neighbourhoods") is no list of parts hit
        ("Gunmen in the eastern neighbourhoods fired rockets on the Al-Nour neighbourhood, "
         "killing 20 civilians.",
         "Rockets fired on the Bab Tuma neighbourhood killed 35 civilians.", False),
        ("Gunmen in the eastern neighbourhoods fired rockets on the Al-Nour neighbourhood, "
         "killing 20 civilians.",
         "Rockets fired on the Al-Nour neighbourhood killed 35 civilians.", True),
    ],
)  # fmt: skip
def test_two_named_neighbourhoods_are_two_incidents(tmp_path, first, second, conflict):
    assert _pair_listed(tmp_path, first, second) is conflict


@pytest.mark.parametrize(
    "first, conflict",
    [
        # the hospitals that took the wounded in were not hit
        ("Shelling of Douma killed 20 civilians, and hospitals received 60 wounded.", False),
        ("Shelling of the hospital in Douma killed 20 civilians.", True),
    ],
)
def test_hospitals_that_received_the_wounded_were_not_hit(tmp_path, first, conflict):
    # a toll of days beside one day's: one incident only on a target both name
    second = "Continued shelling attacks on the hospital in Douma have killed 35 civilians."
    assert _pair_listed(tmp_path, first, second) is conflict


@pytest.mark.parametrize(
    "first, conflict",
    [
        # Tuesday 20 February: Saturday's shelling is three days before the other's report
        ("Shelling of Douma on Saturday killed 20 civilians.", False),
        ("Shelling of Douma on Monday killed 20 civilians.", True),
        ("Shelling of Douma killed 20 civilians.", True),
    ],
)
def test_a_day_named_days_before_the_others_report_is_another_incident(tmp_path, first, conflict):
    second = "Shelling of Douma killed 35 civilians."
    days = ("2018-02-20", "2018-02-20")
    assert _pair_listed(tmp_path, first, second, days=days) is conflict


@pytest.mark.parametrize(
    "told, conflict",
    [
        # the 20's article gives the 35 itself, from its own source, for the same rockets: its
        # 20 is another attack, not a disagreement
        (dict(claimed_by="SANA"), False),
        # from another source: the article reports the disagreement
        (dict(claimed_by="Observatory"), True),
        # an earlier attack recalled, or one of another weapon, is not the other's incident
        (dict(claimed_by="SANA", scope="background"), True),
        (dict(claimed_by="SANA", sentence="A barrel bomb dropped on Douma killed 35 civilians."),
         True),
    ],
)  # fmt: skip
def test_an_article_that_gives_the_others_figure_does_not_disagree_with_it(
    tmp_path, told, conflict
):
    rockets = "Rockets fired on Douma killed {} civilians."
    own = _said("x", "20", 20.0, rockets.format(20), claimed_by="SANA")
    also = dataclasses.replace(
        _said("x", "35", 35.0, "Earlier, " + rockets.format(35), start=60), **told
    )
    other = _said("y", "35", 35.0, rockets.format(35), claimed_by="Observatory")
    first = Article(id="x", title="Story x", text="Text.", source="SANA", published="2018-02-21")
    earlier = Article(id="y", title="Story y", text="Text.", source="AFP", published="2018-02-20")
    with Store(tmp_path / "c.duckdb") as store:
        store.write_batch(
            [
                ArticleResult(article=first, figures=(own, also)),
                ArticleResult(article=earlier, figures=(other,)),
            ]
        )
        found = {
            len(fv.conflicting_figures(store.con)),
            len(fv.conflict_groups(store.con)),
            len(fv.conflict_groups(store.con, Filters(search="Story"))),
        }
    assert len(found) == 1 and found <= {0, 1}, found
    assert (found == {1}) is conflict


def test_the_votes_incident_kinds_are_each_figures_own_with_or_without_a_conflict_row(tmp_path):
    """sum_figure_votes takes a figure's incident kinds from the figure (figures.kinds, worked
    out when it is written), whether sum_conflict_figures holds it or not (a toll with no place,
    an undated article's): either way each figure's own."""
    strike = "An air strike on the market killed {} people, medics said."
    rows = [
        ("a", "2018-02-19", "Reuters", _said("a", "12", 12.0, strike.format(12))),
        ("b", "2018-02-19", "AFP", _said("b", "7", 7.0, strike.format(7), location=None)),
        ("c", None, "AP", _said("c", "5", 5.0, "Five people were killed in the shelling.")),
    ]
    with _store(tmp_path, rows) as store:
        got = store.con.execute(
            "SELECT fk.article_id, fk.kinds "
            "FROM (SELECT unnest(figure_kinds) AS fk FROM sum_figure_votes) ORDER BY 1"
        ).fetchall()
        want = store.con.execute(
            f"SELECT article_id, {incident_kinds.KINDS_SQL.format(f='f')} FROM figures f ORDER BY 1"
        ).fetchall()
        placed = store.con.execute("SELECT article_id FROM sum_conflict_figures").fetchall()
    assert got == want and len({kinds for _, kinds in want}) == 2 and all(k for _, k in want)
    assert placed == [("a",)]


SAME_DAY = ("2018-02-21", "2018-02-21")


@pytest.mark.parametrize(
    "first, second, days, conflict",
    [
        # a toll told as rising is the count of its hour: a larger toll that day is a later count
        ("The death toll from air strikes on Douma rises to 20, medics said.",
         "Air strikes on Douma killed at least 35 civilians on Wednesday.", SAME_DAY, False),
        ("Toll in Douma air raid hits 20 as rescuers search the rubble.",
         "Air strikes on Douma killed 35 civilians, the civil defence said.", SAME_DAY, False),
        ("The number of civilians killed in the Douma air strikes has risen to 20.",
         "Air strikes on Douma killed 35 civilians, the civil defence said.", SAME_DAY, False),
        # ... and a rise told to the higher toll is a rise from a lower one
        ("Air strikes on Douma killed 20 civilians, the monitor said.",
         "The toll from the air strikes on Douma climbed to 35 by the evening.", SAME_DAY, False),
        # no word of rising: two counts of one day disagree
        ("Air strikes on Douma killed 20 civilians, the monitor said.",
         "Air strikes on Douma killed 35 civilians, the civil defence said.", SAME_DAY, True),
        # a toll that "rises to" fewer a day after a higher one still disagrees with it
        ("The death toll from air strikes on Douma rises to 20, medics said.",
         "Air strikes on Douma killed at least 35 civilians.", ("2018-02-22", "2018-02-21"),
         True),
        # "hit" of a strike is no rise of a toll
        ("Air strikes hit 20 homes in Douma as the raids went on.",
         "Air strikes on Douma killed 35 civilians, the civil defence said.", SAME_DAY, True),
    ],
)  # fmt: skip
def test_a_toll_told_as_rising_the_same_day_is_no_conflict(tmp_path, first, second, days, conflict):
    assert _pair_listed(tmp_path, first, second, days=days) is conflict


@pytest.mark.parametrize(
    "first, second, conflict",
    [
        # members of two groups are two classes of people
        ("Air strikes on a Douma clinic killed 20 members of the rebel alliance working there.",
         "Air strikes on a Douma clinic killed 35 members of the medical staff.", False),
        ("Air strikes on Douma killed 20 Hezbollah members, the monitor said.",
         "Air strikes on Douma killed 35 members of the Nusra Front.", False),
        # members of one group are one
        ("Air strikes on Douma killed 20 members of Hezbollah, the monitor said.",
         "Air strikes on Douma killed 35 Hezbollah members, state media said.", True),
        ("Air strikes on a Douma clinic killed 20 members of its staff.",
         "Air strikes on a Douma clinic killed 35 members of staff.", True),
    ],
)  # fmt: skip
def test_members_of_two_groups_are_two_classes(tmp_path, first, second, conflict):
    rows = [
        ("x", "2018-02-21", "Reuters",
         _said("x", "20", 20.0, first, claimed_by="Observatory", unit="members")),
        ("y", "2018-02-21", "AFP",
         _said("y", "35", 35.0, second, claimed_by="SANA", unit="members")),
    ]  # fmt: skip
    with _store(tmp_path, rows) as store:
        assert (len(fv.conflicting_figures(store.con)) == 1) is conflict
        assert (len(fv.conflict_groups(store.con)) == 1) is conflict
        searched = Filters(search="Story")  # from the rows, not the summary
        assert (len(fv.conflict_groups(store.con, searched)) == 1) is conflict
