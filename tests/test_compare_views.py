"""Compare views on a store of our own records (two outlets, a handful of quotes and figures),
and the Compare charts' gap-breaking lines."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import compare_views as cv
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, Figure, Quote
from analysis.store import Store
from dashboard import charts, compare_charts, components, label_layout


def _art(aid, source, day, text, speakers=(), figures=()):
    quotes = tuple(
        Quote(aid, "direct", "x", i, i + 1, speaker=s, polarity=p)
        for i, (s, p) in enumerate(speakers)
    )
    figs = tuple(
        Figure(aid, "n", v, v, v, False, "people", cat, None, loc, None, 0, 1, "s", *scope)
        for cat, loc, v, *scope in figures
    )
    return ArticleResult(
        article=Article(id=aid, title="", text=text, source=source, published=day),
        quotes=quotes,
        figures=figs,
    )


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("cmp") / "c.duckdb"
    rows = [
        _art("a", "Wire", "2017-01-05", "Douma shelled.", [("Kerry", 0.5), ("Lavrov", -0.5)],
             [("killed", "Douma", 10)]),
        _art("b", "Wire", "2017-01-20", "Talks in Geneva.", [("Kerry", 0.1)]),
        _art("c", "Post", "2017-01-07", "Douma again.", [("Lavrov", -0.1)],
             [("killed", "Douma", 30), ("killed", "Douma", 50),
              ("killed", "Douma", 90_000, "total")]),  # a war's running total: no event
        _art("d", "Post", "2017-03-01", "Nothing here.", [(None, 0.0), (None, 0.0)],
             [("people", "Douma", 17_000)]),  # "other counts of people": unlike things
    ]  # fmt: skip
    with Store(path) as store:
        store.write_batch(rows)
    store = Store(path, read_only=True)
    yield store.con
    store.close()


GROUPS = ("source:Wire", "source:Post")


def test_parse_group_says_what_is_expected():
    assert cv.parse_group("speaker:John Kerry") == cv.Group("speaker", "John Kerry")
    with pytest.raises(ValueError, match="expected source:NAME"):
        cv.parse_group("author:Smith")
    with pytest.raises(ValueError, match="missing closing quote"):
        cv.parse_group('query:"Douma')


def test_attention_counts_and_shares(con):
    df = cv.attention_over_time(con, Filters(), groups=GROUPS, granularity="month")
    jan = df[df["period"] == pd.Timestamp("2017-01-01")].set_index("grp")
    assert jan.loc["Wire", "n_articles"] == 2 and jan.loc["Post", "n_articles"] == 1
    assert jan.loc["Wire", "share"] == pytest.approx(2 / 3)
    mar = df[df["period"] == pd.Timestamp("2017-03-01")]
    assert mar["grp"].tolist() == ["Post"] and mar["share"].tolist() == [1.0]


def test_a_month_a_group_is_silent_in_is_a_zero_share_not_a_gap(tmp_path):
    # Between a group's first and last month, a month of others' articles only had been left
    # out: the chart's line broke there as for no article at all (ahram's silent months of
    # 2014 on FA-KES read as missing data, not as no attention).
    rows = [
        _art("w1", "Wire", "2017-01-05", "Floods in the valley."),
        _art("p1", "Post", "2017-02-03", "The bridge reopened."),
        _art("w2", "Wire", "2017-03-09", "Floods again."),
        _art("p2", "Post", "2017-05-02", "A new ferry."),  # April: no article in view at all
        _art("w3", "Wire", "2017-06-01", "Dry summer ahead."),
    ]
    with Store(tmp_path / "c.duckdb") as store:
        store.write_batch(rows)
        df = cv.attention_over_time(store.con, Filters(), groups=GROUPS, granularity="month")
    wire = df[df["grp"] == "Wire"].set_index("period")
    feb, may = pd.Timestamp("2017-02-01"), pd.Timestamp("2017-05-01")
    assert wire.loc[feb, "n_articles"] == 0 and wire.loc[feb, "share"] == 0.0
    assert wire.loc[may, "share"] == 0.0 and wire.loc[may, "n_all"] == 1
    assert pd.Timestamp("2017-04-01") not in set(df["period"])  # nothing in view: no share
    # outside its own first and last month a group is not drawn at 0: Post from February on
    post = df[df["grp"] == "Post"]
    assert post["period"].min() == feb and post["period"].max() == may
    assert post.set_index("period").loc[pd.Timestamp("2017-03-01"), "share"] == 0.0


def test_groups_stay_within_the_page_filters(con):
    sizes = cv.group_sizes(con, Filters(search="douma"), groups=GROUPS)
    assert sizes.to_dict("list") == {
        "grp": ["Wire", "Post"], "n_articles": [1, 1], "n_quotes": [2, 1], "n_figures": [1, 3]
    }  # fmt: skip
    searches = cv.group_sizes(con, Filters(), groups=("query:douma", "query:geneva OR nothing"))
    assert searches["n_articles"].tolist() == [2, 2]


def test_an_outlet_group_stays_within_the_sidebars_outlets_and_no_share_passes_one(con):
    # The sidebar keeps Wire: Post has no article in view, and Wire is all of it.
    only_wire = Filters(sources=("Wire",))
    sizes = cv.group_sizes(con, only_wire, groups=GROUPS)
    assert sizes.set_index("grp")["n_articles"].to_dict() == {"Wire": 2, "Post": 0}
    df = cv.attention_over_time(con, only_wire, groups=GROUPS, granularity="month")
    assert set(df["grp"]) == {"Wire"} and (df["share"] == 1.0).all()
    both = cv.group_sizes(con, Filters(sources=("Wire", "Post")), groups=GROUPS)
    assert both["n_articles"].tolist() == [2, 2]


def test_a_speaker_group_stands_in_for_the_sidebars_speakers_shares_included(con):
    groups = ("speaker:Kerry", "speaker:Lavrov")
    kerry = Filters(speakers=("Kerry",))
    sizes = cv.group_sizes(con, kerry, groups=groups)
    assert sizes.set_index("grp")["n_articles"].to_dict() == {"Kerry": 2, "Lavrov": 2}
    df = cv.attention_over_time(con, kerry, groups=groups, granularity="month")
    jan = df[df["period"] == pd.Timestamp("2017-01-01")].set_index("grp")
    # of the three January articles, not of Kerry's two (Lavrov's share was 100 % then)
    assert jan.loc["Lavrov", "share"] == pytest.approx(2 / 3)
    assert (df["share"] <= 1.0).all()


def test_who_each_group_quotes_and_how(con):
    top = cv.top_speakers(con, Filters(), groups=GROUPS)
    wire = top[top["grp"] == "Wire"]
    assert wire["speaker"].tolist() == ["Kerry", "Lavrov"]
    assert wire["share"].tolist() == pytest.approx([2 / 3, 1 / 3])
    # a share is of all the group's quotes, those with no named speaker too (as the group
    # table counts them): Post's one named quote of three is a third, not all of them
    post = top[top["grp"] == "Post"]
    assert post["speaker"].tolist() == ["Lavrov"] and post["rank"].tolist() == [1]
    assert post["share"].tolist() == pytest.approx([1 / 3])
    # every panel on one scale: bars of one length are one share
    fig = compare_charts.who_is_quoted(top, order=["Wire", "Post"])
    ranges = {tuple(fig.layout[name].range) for name in fig.layout if name.startswith("xaxis")}
    assert len(ranges) == 1 and ranges.pop()[1] >= 2 / 3
    tone = cv.speaker_sentiment(con, Filters(), groups=GROUPS).set_index(["grp", "speaker"])
    assert tone.loc[("Wire", "Kerry"), "polarity"] == pytest.approx(0.3)
    assert tone.loc[("Post", "Lavrov"), "polarity"] == pytest.approx(-0.1)


def test_figures_for_the_same_category_and_place(con):
    df = cv.figures_by_place(con, Filters(), groups=GROUPS).set_index("grp")
    # Post's median of 30 and 50 is 30, a figure it gave: the mean of the two middle figures,
    # 40, is a toll no article reported (45 million and 440 had given 22,500,220)
    assert df.loc["Wire", "median"] == 10 and df.loc["Post", "median"] == 30
    assert df.loc["Post", "low"] == 30 and df.loc["Post", "high"] == 50  # the total left out
    # the catch-all "other counts of people" count unlike things (viewers, enrolees, members):
    # no outlet's median of them stands beside another's
    assert set(df["category"]) == {"killed"}
    # in each row the groups run top to bottom as the legend lists them (Wire, then Post):
    # Plotly draws a row's first trace at the bottom, so the traces go in reversed
    fig = compare_charts.figures_side_by_side(df.reset_index(), order=["Wire", "Post"])
    assert [t.name for t in fig.data] == ["Post", "Wire"]
    assert fig.layout.legend.traceorder == "reversed"
    # bars on a linear axis from 0: Post's 30 is a bar three times Wire's 10
    assert [t.type for t in fig.data] == ["bar", "bar"] and fig.layout.xaxis.type is None
    assert fig.layout.xaxis.rangemode == "tozero"
    assert [list(t.x) for t in fig.data] == [[30], [10]]
    # on a log axis, dots in the same order (a bar's length there means nothing)
    fig = compare_charts.figures_side_by_side(df.reset_index(), order=["Wire", "Post"], log=True)
    assert [(t.type, t.mode, t.name) for t in fig.data] == [
        ("scatter", "markers", "Post"),
        ("scatter", "markers", "Wire"),
    ]
    assert fig.layout.xaxis.type == "log" and fig.layout.scattermode == "group"


def test_lines_break_across_long_gaps():
    x = pd.Series(pd.to_datetime(["2011-01-01", "2011-02-01", "2015-06-01"]))
    xs, ys = charts.with_breaks(x, pd.Series([1, 2, 3]), max_gap_days=62)
    assert ys == [1, 2, None, 3] and xs[2] is None
    df = pd.DataFrame(
        {"period": x, "grp": "A", "n_articles": [1, 2, 3], "n_all": [10, 20, 3],
         "share": [0.1, 0.1, 1.0]}
    )  # fmt: skip
    fig = compare_charts.attention(df, measure="share", granularity="month", order=["A"])
    # 3 of 3 articles is 100 % of almost nothing: a hollow point off the line (joined to it,
    # such shares drew 100 % spikes), and the hover says of how few
    line, hollow = fig.data
    assert list(line.y) == [0.1, 0.1, None, None] and line.mode == "lines+markers"
    assert list(hollow.y) == [1.0] and hollow.marker.symbol == "circle-open"
    assert [list(c) for c in hollow.customdata] == [[3, 3]]
    assert [list(c) for c in line.customdata[:2]] == [[1, 10], [2, 20]]
    assert "of %{customdata[1]} articles" in hollow.hovertemplate
    assert hollow.legendgroup == line.legendgroup == "A" and hollow.showlegend is False


def test_figure_timeline_breaks_long_gaps_and_can_use_a_log_axis():
    from dashboard import charts

    days = pd.to_datetime(["2013-08-21", "2013-08-25", "2017-04-04"])
    df = pd.DataFrame(
        {
            "published": days, "location": "Syria", "estimate_median": [1400, 300, 86],
            "estimate_min": [1400, 300, 86], "estimate_max": [1400, 300, 86],
            "approximate": False, "article_id": ["a", "b", "c"], "start": 0, "text": "n",
            "claimed_by": None, "unit": None, "n_figures": 1,
        }
    )  # fmt: skip
    # running totals of one place: one quantity read over time, joined
    fig = charts.figure_timeline(df, category="killed", log=True, scope="total")
    line, points, key = fig.data
    assert list(line.y) == [1400, 300, None, 86]  # no line across three and a half years
    assert points.mode == "markers" and len(points.x) == 3
    # The legend's own entry, a filled circle whatever the place's first figure
    assert key.name == "Syria" and key.marker.symbol == 0 and not points.showlegend
    assert fig.layout.yaxis.type == "log"
    assert charts.spans_orders_of_magnitude([3, 5_000]) is True
    assert charts.spans_orders_of_magnitude([86, 1400]) is False
    # amounts of money at one place are different things: points, no line between them
    money = charts.figure_timeline(df.assign(unit="USD"), category="money", unit="USD")
    assert [t.mode for t in money.data] == ["markers", "markers"]
    assert money.data[0].error_y.array is None  # nor a bar from a share price to a debt
    assert fig.data[1].error_y.array is not None  # a day's range of tolls is one
    # news events (or all figures): two days' tolls at a place are two attacks, no line
    for scope in (None, "event"):
        events = charts.figure_timeline(df, category="killed", scope=scope)
        assert [t.mode for t in events.data] == ["markers", "markers"], scope
    # a share of territory is one quantity however scoped: joined
    share = charts.figure_timeline(df, category="territory_share")
    assert [t.mode for t in share.data][0] == "lines"


def test_all_figures_timeline_draws_each_kind_of_figure_apart():
    from dashboard import charts

    # Homs: two days' news tolls and two days' running totals, one day with both
    rows = [
        ("2016-03-01", "event", 12, 10, 14), ("2016-03-01", "total", 300_000, 300_000, 300_000),
        ("2016-03-05", "event", 4, 4, 4), ("2016-03-09", "total", 310_000, 310_000, 310_000),
        ("2016-03-09", "background", 50, 50, 50),
    ]  # fmt: skip
    df = pd.DataFrame(
        {
            "published": pd.to_datetime([r[0] for r in rows]), "location": "Homs",
            "scope": [r[1] for r in rows], "estimate_median": [r[2] for r in rows],
            "estimate_min": [r[3] for r in rows], "estimate_max": [r[4] for r in rows],
            "n_figures": 1, "approximate": False, "article_id": "a", "start": 0, "text": "n",
            "claimed_by": None, "unit": None,
        }
    )  # fmt: skip
    fig = charts.figure_timeline(df, category="killed", log=True)
    points = [t for t in fig.data if t.customdata is not None]
    by_kind = {t.customdata[0][9]: t for t in points}
    # one trace per kind, each its own marker, no point the median of two kinds
    assert {k: t.marker.symbol for k, t in by_kind.items()} == charts.SCOPE_SYMBOLS
    assert list(by_kind["event"].y) == [12, 4] and list(by_kind["total"].y) == [300_000, 310_000]
    # the whisker spans one kind's figures: 10 to 14, never 10 to 300,000
    assert list(by_kind["event"].error_y.array) == [2, 0]
    assert list(by_kind["event"].error_y.arrayminus) == [2, 0]
    # the running totals are one quantity read over time: joined, dashed; the tolls are not
    (line,) = [t for t in fig.data if t.mode == "lines"]
    assert list(line.y) == [300_000, 310_000] and line.line.dash == "dash"
    # a key to the shapes, named as kinds (not one more place), and the hover names the kind
    keys = {t.name: t.marker.symbol for t in fig.data if t.customdata is None and t.mode == "markers"}  # fmt: skip
    assert keys == {"Homs": 0, "kind: news events": 0, "kind: running totals": 2, "kind: earlier events": 5}  # fmt: skip
    assert by_kind["total"].customdata[0][10] == " (running totals)"
    assert charts.scope_key_note(df[df["scope"] == "event"], category="killed") == ""
    note = charts.scope_key_note(df, category="killed")
    assert "◆ running totals" in note and "dashed line" in note
    # a dashed line only where one is drawn: not for money, nor among a large archive's points
    assert "dashed" not in charts.scope_key_note(df, category="money")
    crowded = pd.concat([df] * 100, ignore_index=True)
    assert "dashed" not in charts.scope_key_note(crowded, category="killed")
    assert not [t for t in charts.figure_timeline(crowded, category="killed").data if t.mode == "lines"]  # fmt: skip
    # approximate: the open form of its kind's shape
    fig = charts.figure_timeline(df.assign(approximate=df["scope"] == "total"), category="killed")
    symbols = {t.customdata[0][9]: t.marker.symbol for t in fig.data if t.customdata is not None}
    assert symbols["total"] == 102 and symbols["event"] == 0
    # one kind chosen (a series of that scope alone): the circles and dotted line of before
    totals = charts.figure_timeline(df[df["scope"] == "total"], category="killed", scope="total")
    assert {t.marker.symbol for t in totals.data if t.customdata is not None} == {0}
    assert [t.line.dash for t in totals.data if t.mode == "lines"] == ["dot"]


def test_figure_timeline_legend_ranks_places_and_greys_the_unplaced():
    from dashboard import charts

    rows = [
        ("2016-01-01", "Homs", 2), ("2016-01-02", "(place not given)", 9),
        ("2016-01-03", "Aleppo", 5), ("2016-01-04", "Aleppo", 4), ("2016-01-05", "Homs", 1),
        ("2016-01-06", "(place not given)", 1),
    ]  # fmt: skip
    df = pd.DataFrame(
        {
            "published": pd.to_datetime([r[0] for r in rows]),
            "location": [r[1] for r in rows], "n_figures": [r[2] for r in rows],
            "estimate_median": 10, "estimate_min": 10, "estimate_max": 10, "approximate": False,
            "article_id": "a", "start": 0, "text": "ten", "claimed_by": None, "unit": None,
        }
    )  # fmt: skip
    fig = charts.figure_timeline(df, category="killed", scope="total")
    legend = [t for t in fig.data if len(t.x) == 1 and t.x[0] is None]
    # by figures given (Aleppo 9, Homs 3), the unplaced last though they give the most
    assert [t.name for t in legend] == ["Aleppo", "Homs", "(place not given)"]
    assert legend[-1].marker.color == charts.NO_PLACE_COLOUR
    # the unplaced figures are from anywhere: never joined, even as running totals
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 2 and all(t.legendgroup != "(place not given)" for t in lines)


def _gaps_px(fig) -> list[float]:
    """The gaps beside each panel's bars in pixels, for a chart COMPARE_WIDTH_PX wide: the
    left margin, and between panels side by side."""
    plot_px = compare_charts.COMPARE_WIDTH_PX - fig.layout.margin.l - fig.layout.margin.r
    domains = sorted(
        fig.layout[name].domain for name in fig.layout if name.startswith("xaxis")
    )  # fmt: skip
    gaps = [float(fig.layout.margin.l)]
    for left, right in zip(domains, domains[1:], strict=False):
        if right[0] > left[1]:  # side by side (two a row: the next row starts at 0)
            gaps.append((right[0] - left[1]) * plot_px)
    return gaps


def test_who_is_quoted_shows_names_whole_with_the_room_they_need():
    """A long name is shown whole, in two lines at a word, in a gap as wide as it: cut to the
    old fixed gap, "Syrian Observatory…" could be any of its namesakes. Only a phrase longer than
    MAX_NAME_CHARS is cut; the hover always has the name whole; two names cut alike stay two
    bars."""
    long_a = "Syrian Observatory for Human Rights"
    long_b = "Syrian Observatory for Human Rights director"
    extreme = (
        "Ministry of Foreign Affairs and Expatriates of the Syrian Arab Republic spokesman"
    )  # fmt: skip
    df = pd.DataFrame(
        {
            "grp": ["A", "A", "A", "B", "B", "C", "C"],
            "speaker": [long_a, long_b, "UN", long_a, "Kremlin", "UN", extreme],
            "share": [0.5, 0.3, 0.2, 0.6, 0.4, 0.7, 0.3],
            "n_quotes": [5, 3, 2, 6, 4, 7, 3],
            "rank": [1, 2, 3, 1, 2, 1, 2],
        }
    )
    fig = compare_charts.who_is_quoted(df, order=["A", "B", "C"])
    for bar in fig.data:
        assert len(set(bar.y)) == len(bar.y)
        for label, (speaker, _) in zip(bar.y, bar.customdata, strict=True):
            shown = label.rstrip("\u200b").replace("<br>", " ")
            if len(speaker) <= compare_charts.MAX_NAME_CHARS:
                assert shown == speaker  # whole
            else:
                assert shown.endswith("…") and len(shown) <= compare_charts.MAX_NAME_CHARS
                assert speaker.startswith(shown[:-1])
            assert label.count("<br>") <= 1
            if len(speaker) > compare_charts.LINE_CHARS and " " in speaker:
                assert "<br>" in label  # two lines, not one long one
        assert "%{customdata[0]}" in bar.hovertemplate  # the name whole in the hover
    first = fig.data[0]
    assert long_a in {cd[0] for cd in first.customdata}
    assert "Syrian Observatory<br>for Human Rights" in set(first.y)
    # every gap beside a panel holds its longest line
    widest = max(
        label_layout.text_size(label, compare_charts.LABEL_FONT_PX)[0]
        for bar in fig.data
        for label in bar.y
    )
    assert all(gap >= widest for gap in _gaps_px(fig)), (_gaps_px(fig), widest)


def test_who_is_quoted_puts_four_panels_of_long_names_two_a_row():
    # four panels side by side with gaps for two-line names left bars a few pixels long
    name = "Spokesman of the Syrian Ministry of Foreign Affairs"
    df = pd.DataFrame(
        {
            "grp": list("ABCD"),
            "speaker": [name] * 4,
            "share": [0.5, 0.4, 0.3, 0.2],
            "n_quotes": [5, 4, 3, 2],
            "rank": [1, 1, 1, 1],
        }
    )
    fig = compare_charts.who_is_quoted(df, order=list("ABCD"))
    axes = [fig.layout[n] for n in fig.layout if n.startswith("xaxis")]
    assert len(axes) == 4 and len({a.domain for a in axes}) == 2  # two columns
    plot_px = compare_charts.COMPARE_WIDTH_PX - fig.layout.margin.l - fig.layout.margin.r
    assert all((a.domain[1] - a.domain[0]) * plot_px >= compare_charts.MIN_PANEL_PX for a in axes)
    widest = label_layout.text_size(fig.data[0].y[0], compare_charts.LABEL_FONT_PX)[0]
    assert all(gap >= widest for gap in _gaps_px(fig))
    # three panels two a row too: the odd one's empty neighbour draws no axes
    three = compare_charts.who_is_quoted(df[df["grp"] != "D"], order=list("ABC"))
    axes = [three.layout[n] for n in three.layout if n.startswith("xaxis")]
    assert len(axes) == 3 and len({a.domain for a in axes}) == 2


def test_small_shares_get_tick_labels_that_differ():
    """Shares of a few per cent (a broadcaster quoting many people): the drawn axis must not read
    "0% 1% 1% 2% 2%" (ticks every half per cent, rounded to whole ones). Drawn by Plotly's own
    static export and read back from the SVG."""
    import re

    df = pd.DataFrame(
        {
            "grp": ["A", "A", "A"],
            "speaker": ["Tony Blair", "Jack Straw", "Charles Clarke"],
            "share": [0.024, 0.019, 0.012],
            "n_quotes": [24, 19, 12],
            "rank": [1, 2, 3],
        }
    )
    fig = compare_charts.who_is_quoted(df, order=["A"])
    svg = components._image(fig, format="svg", width=700, height=300).decode()
    ticks = re.findall(r'class="xtick"[^>]*>(?:<text[^>]*>)?([^<]+)<', svg)
    assert len(ticks) >= 3, svg[:500]
    assert len(set(ticks)) == len(ticks), ticks


@pytest.mark.parametrize(
    ("medians", "log"),
    [
        ([1, 11, 16, 22, 140], False),  # a handful to a hundred: bars from 0 compare
        ([3, 12, 17, 20, 1650], True),  # one row of 1,650 made every other bar a sliver
        ([5], False),  # one row: nothing to compare against
        ([0, 0, 4], False),  # zeros (no log of them) and a single positive one
    ],
)
def test_the_figures_chart_opens_on_a_log_axis_only_when_bars_would_be_slivers(medians, log):
    df = pd.DataFrame({"median": medians})
    assert compare_charts.log_by_default(df) is log


def test_running_totals_of_different_groups_are_charted_and_joined_apart():
    from dashboard import charts

    # Syria's running totals on two days: everyone's toll each day, the civilians' and the
    # children's on the first; one line had zigzagged from 470,000 dead to 41 women
    rows = [
        ("2016-08-15", "", 360_000, 250_000, 470_000, "470,000"),
        ("2016-08-15", "civilians", 5_812, 5_812, 5_812, "5,812"),
        ("2016-08-15", "children", 76, 76, 76, "76"),
        ("2016-09-20", "", 300_000, 300_000, 300_000, "300,000"),
        ("2016-09-20", "civilians", 6_000, 6_000, 6_000, "6,000"),
    ]  # fmt: skip
    df = pd.DataFrame(
        {
            "published": pd.to_datetime([r[0] for r in rows]), "location": "Syria",
            "scope": "total", "counted": [r[1] for r in rows],
            "estimate_median": [r[2] for r in rows], "estimate_min": [r[3] for r in rows],
            "estimate_max": [r[4] for r in rows], "text": [r[5] for r in rows],
            "n_figures": 1, "approximate": False, "article_id": "a", "start": 0,
            "claimed_by": None, "unit": None,
        }
    )  # fmt: skip
    fig = charts.figure_timeline(df, category="killed", scope="total", log=True)

    def by_group(fig) -> dict:
        """Each group's medians and hover words, from the points' own data."""
        got: dict = {}
        for t in (t for t in fig.data if t.customdata is not None):
            for y, cd in zip(t.y, t.customdata, strict=True):
                got.setdefault(cd[11], []).append((y, cd[10]))
        return got

    points = by_group(fig)
    assert [y for y, _ in points[""]] == [360_000, 300_000]
    assert [y for y, _ in points["civilians"]] == [5_812, 6_000]
    assert [y for y, _ in points["children"]] == [76]
    # each group's own line, none between groups; one legend entry for the place
    lines = sorted(list(t.y) for t in fig.data if t.mode == "lines")
    assert lines == [[5_812, 6_000], [360_000, 300_000]]
    assert [t.name for t in fig.data if t.customdata is None and t.showlegend is not False] == [
        "Syria"
    ]
    # the hover names the group: everyone for a toll that names none
    assert points["children"][0][1] == " (running totals of children)"
    assert points[""][0][1] == " (running totals of everyone)"
    # a count of things that names no group is not "everyone"'s
    other = by_group(charts.figure_timeline(df, category="other", scope="total"))
    assert other[""][0][1] == " (running totals)"
    # a series without groups: one series per place, as before
    events = charts.figure_timeline(df.assign(scope="event", counted=None), category="killed")
    assert len([t for t in events.data if t.customdata is not None]) == 1
    # news events of groups: each point its group's, named on hover, one trace for the place
    # and no line (a day's toll and the next day's are two events, whatever the group)
    news = charts.figure_timeline(df.assign(scope="event"), category="killed", scope="event")
    assert len([t for t in news.data if t.customdata is not None]) == 1
    assert not [t for t in news.data if t.mode == "lines"]
    news_points = by_group(news)
    assert [y for y, _ in news_points["civilians"]] == [5_812, 6_000]
    assert news_points["children"][0][1] == " (news events of children)"
    assert news_points[""][0][1] == " (news events of everyone)"


@pytest.mark.parametrize(
    "groups, category, words",
    [
        # the most counted first, ties by name
        (["civilians", "", "children", ""], "killed", "(everyone, children, civilians)"),
        (["", "bombs", "bombs"], "other", "(bombs, no group named)"),
        (["", "a", "b", "c", "d", "e"], "killed", "(everyone, a, b, c and 2 more)"),
        (["civilians"], "killed", None),  # one group: nothing to say
        ([None, None], "killed", None),  # a series without groups
    ],
)
@pytest.mark.parametrize("scope", ["total", "event"])
def test_the_caption_names_the_groups_charted_apart(groups, category, words, scope):
    from dashboard import charts

    series = pd.DataFrame({"scope": scope, "counted": groups, "n_figures": 1})
    note = charts.group_note(series, category=category)
    assert (note == "") if words is None else (words in note and "charted apart" in note)
    # running totals of people are joined, each group's to its own; news events never
    joined = "running totals joined to their own group's only" in note
    assert joined == (words is not None and scope == "total" and category == "killed")


def test_the_caption_counts_the_groups_of_all_scopes_and_says_where_a_part_is():
    """A day's news of civilians and a running total of everyone: two groups charted apart,
    and a part of a toll charted is said to be listed under its toll's point."""
    from dashboard import charts

    series = pd.DataFrame(
        {"scope": ["event", "total"], "counted": ["civilians", ""], "n_figures": [3, 1]}
    )
    note = charts.group_note(series, category="killed")
    assert "(civilians, everyone) are charted apart" in note
    assert "listed under its toll's point" in note


@pytest.mark.parametrize(
    "units, n_figures, shown",
    [
        # a nation's people keep their capital in the unit, one Syrian or many
        (["Syrians", "Syrian"], [2, 1], "(civilians, Syrians)"),
        (["displaced Syrians", "Syrians"], [1, 2], "(civilians, Syrians)"),
        # a headline's capital among many lower-case figures is not how they are written
        (["Fighters", "fighters"], [1, 3], "(civilians, fighters)"),
        (["fighters", "fighters"], [1, 3], "(civilians, fighters)"),
    ],
)
def test_the_group_note_writes_a_group_as_its_units_do(units, n_figures, shown):
    """The group key is lower case ("syrians"): the note had printed it so."""
    from dashboard import charts

    key = "syrians" if "Syrian" in units[0] else "fighters"
    series = pd.DataFrame(
        {
            "scope": "event",
            "counted": [key, key, "civilians"],
            "unit": [*units, "civilians"],
            "n_figures": [*n_figures, 9],
        }
    )
    note = charts.group_note(series, category="displaced")
    assert shown in note
    # the hover too: "of Syrians"
    hover = charts.figure_timeline(
        series.assign(
            published=pd.Timestamp("2016-05-02"), location="Aleppo", estimate_median=5.0,
            estimate_min=5.0, estimate_max=5.0, claimants=[[]] * 3, approximate=False,
            text="5", claimed_by=None, article_id="a", start=0,
        ),
        category="displaced",
    ).to_json()  # fmt: skip
    assert f"of {shown[12:-1]}" in hover


def test_tone_per_group_weighs_words_and_marks_too_few_quotes(tmp_path):
    # A plain mean had given Compare another tone than the Speakers page (word-weighted) for
    # the same speaker and outlet; and one quote drew a filled dot beside a group's sixteen
    # (Jeb Bush in Politico at +0.88 on US politics 2016).
    from analysis import quote_views, uncertainty

    def quote(aid, i, words, polarity):
        return Quote(aid, "direct", " ".join(["word"] * words), i, i + 1, speaker="Mayor Ortiz",
                     polarity=polarity)  # fmt: skip

    many = tuple(quote("m", i, 10 if i == 0 else 2, 0.8 if i == 0 else -0.2) for i in range(6))
    rows = [
        ArticleResult(article=Article(id="m", title="", text="Harbour works.", source="Wire",
                                      published="2018-05-02"), quotes=many),
        ArticleResult(article=Article(id="o", title="", text="Bridge works.", source="Post",
                                      published="2018-05-03"), quotes=(quote("o", 0, 3, 0.9),)),
    ]  # fmt: skip
    with Store(tmp_path / "tone.duckdb") as store:
        store.write_batch(rows)
        tone = cv.speaker_sentiment(store.con, Filters(), groups=GROUPS).set_index("grp")
        wire = quote_views.speaker_stats(store.con, Filters(sources=("Wire",)))
    # (10 × 0.8 + 5 × 2 × −0.2) / 20 = 0.3, as the Speakers page says of the same quotes
    assert tone.loc["Wire", "polarity"] == pytest.approx(0.3)
    assert wire.set_index("speaker").loc["Mayor Ortiz", "polarity"] == pytest.approx(0.3)
    fig = compare_charts.tone(tone.reset_index(), order=["Wire", "Post"])
    symbols = {t.name: t.marker.symbol for t in fig.data if t.x != (None,)}
    assert symbols == {"Wire": "circle", "Post": "circle-open"}
    assert f"hollow: fewer than {uncertainty.MIN_QUOTES} quotes" in {t.name for t in fig.data}
    post = next(t for t in fig.data if t.name == "Post")
    assert "too few to say" in post.hovertemplate
    # each dot names its speaker, which a click on it filters on (the Compare page)
    assert list(post.customdata[:, 1]) == list(post.y)
