"""The dashboard's pure parts: chart factories, the reader's markup, URL ↔ filters, the views
the pages read (on the dashboard store built from the sample and three dated articles)."""

from __future__ import annotations

import itertools
import math
import zlib
from datetime import date

import duckdb
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import aggregates, article_views, quote_views
from analysis.filters import Filters
from dashboard import charts, filters_ui, highlight, label_layout, report


@pytest.fixture
def con(dashboard_db):
    # Read-only like the app's own connection: DuckDB refuses two configurations of one file
    # in one process, and the AppTest tests may have it open.
    c = duckdb.connect(str(dashboard_db), read_only=True)
    yield c
    c.close()


# -- views --------------------------------------------------------------------------------------
def test_corpus_counts_follow_the_filters(con, monkeypatch):
    everything = article_views.corpus_counts(con)
    assert everything["articles"] == 5
    one = article_views.corpus_counts(con, Filters(sources=("Daily Ledger",)))
    assert one["articles"] == 2 and one["quotes"] < everything["quotes"]
    # the quotes no speaker was found for: in the quote count, said apart
    [(unattributed,)] = con.execute("SELECT count(*) FROM quotes WHERE speaker IS NULL").fetchall()
    assert unattributed > 0 and everything["unattributed"] == unattributed
    # through the per-article rows too (the summaries answer the unfiltered view)
    monkeypatch.setattr(article_views.summaries, "covers", lambda filters: False)
    assert article_views.corpus_counts(con) == everything


def test_a_speakers_own_quotes_are_counted_apart_from_their_articles(con, monkeypatch):
    rows = con.execute(
        "SELECT speaker, count(*), count(DISTINCT article_id) FROM quotes "
        "WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY 2 DESC"
    ).fetchall()
    name, own, _ = rows[0]
    chosen = Filters(speakers=(name,))
    in_articles = article_views.corpus_counts(con, chosen)["quotes"]
    assert article_views.speaker_quote_count(con, chosen) == own < in_articles
    assert article_views.speaker_quote_count(con, Filters()) == 0  # no speaker chosen
    # two speakers: either's quotes; an outlet narrows them
    other = rows[1][0]
    [(both,)] = con.execute(
        "SELECT count(*) FROM quotes WHERE speaker IN (?, ?)", [name, other]
    ).fetchall()
    assert article_views.speaker_quote_count(con, Filters(speakers=(name, other))) == both
    source = con.execute(
        "SELECT a.source FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.speaker = ? GROUP BY 1 ORDER BY count(*) LIMIT 1",
        [name],
    ).fetchone()[0]
    [(there,)] = con.execute(
        "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.speaker = ? AND a.source = ?",
        [name, source],
    ).fetchall()
    narrowed = Filters(speakers=(name,), sources=(source,))
    assert article_views.speaker_quote_count(con, narrowed) == there < own
    # a filter the summaries cannot answer (a search) counts the quotes themselves
    monkeypatch.setattr(article_views.summaries, "covers", lambda filters: False)
    assert article_views.speaker_quote_count(con, narrowed) == there


def test_speaker_stats_are_word_weighted(con):
    stats = quote_views.speaker_stats(con, limit=0).set_index("speaker")
    kerry = con.execute("SELECT text, kind, polarity FROM quotes WHERE speaker = 'John Kerry'").df()
    # the speaker's own words: an interrupted quotation is its pieces joined by " … " (the
    # sample has one), and the "…" standing for the cue is no word of his
    words = pd.Series(
        [aggregates.quote_words(t, k) for t, k in zip(kerry["text"], kerry["kind"], strict=True)]
    )
    assert kerry["text"].str.contains(" … ", regex=False).any()
    assert sum(words) < kerry["text"].str.split().str.len().sum()
    expected = (kerry["polarity"] * words).sum() / words.sum()
    assert stats.loc["John Kerry", "polarity"] == pytest.approx(expected)
    assert stats.loc["John Kerry", "n_articles"] == 2
    assert stats.index[0] == "John Kerry"  # the most quoted first


def test_sentiment_over_time_per_speaker(con):
    df = quote_views.sentiment_over_time(con, speakers=["Maria Lopez"], granularity="day")
    assert [pd.Timestamp(p).date() for p in df["period"]] == [
        date(2016, 12, 10),
        date(2016, 12, 12),
    ]
    assert quote_views.sentiment_over_time(con, speakers=[]).empty


def test_article_detail_and_options(con):
    opts = article_views.filter_options(con)
    assert opts.first_date == date(2016, 12, 10) and opts.last_date == date(2016, 12, 14)
    assert set(opts.sources) == {"Example Times", "Daily Ledger", "The Guardian"}  # + the sample
    assert "Aleppo" in opts.tags
    art_id = con.execute("SELECT id FROM articles WHERE title LIKE 'Diplomats%'").fetchone()[0]
    detail = article_views.article_detail(con, art_id)
    n_quotes = con.execute("SELECT count(*) FROM quotes WHERE article_id = ?", [art_id]).fetchone()
    assert len(detail.quotes) == n_quotes[0] >= 20 and len(detail.figures) >= 7
    text = detail.article["text"]
    for q in detail.quotes.itertuples():
        assert 0 <= q.start < q.end <= len(text)
    assert article_views.article_detail(con, "no-such-id") is None
    assert article_views.known_names(con, "speaker", ["John Kerry", "Nobody"]) == {"John Kerry"}


# -- charts -------------------------------------------------------------------------------------
def test_chart_factories_carry_what_a_click_needs(con):
    stats = quote_views.speaker_stats(con, limit=10)
    fig = charts.top_speakers(stats)
    assert isinstance(fig, go.Figure)
    assert set(fig.data[0].customdata[:, 0]) == set(stats["speaker"])
    assert fig.data[0].y[-1] == stats["speaker"].iloc[0]  # most quoted drawn on top
    pol = charts.speaker_polarity(stats)
    # Each name carries its number of quotes (beside the bar, not on it).
    counts = dict(zip(stats["speaker"], stats["n_quotes"], strict=True))
    for name, tick in zip(pol.layout.yaxis.tickvals, pol.layout.yaxis.ticktext, strict=True):
        assert tick.startswith(f"{name} · {counts[name]}")
    scatter = charts.polarity_subjectivity(stats)
    assert list(scatter.data[0].x) == list(stats["polarity"])


def test_the_tone_charts_axis_title_fits_its_narrow_plot(con):
    """At 1280 px the tone bars' plot is 144 px wide (the names take the rest of the column):
    its axis title in one line, "mean polarity, 95% interval", ran past the chart's edge."""
    title = charts.speaker_polarity(quote_views.speaker_stats(con, limit=10)).layout.xaxis.title
    lines = title.text.split("<br>")
    assert "polarity" in lines[0] and "95% interval" in lines[-1]
    # 13 px Source Sans is about 6.5 px a character: a line of 16 fits in 144 px
    assert max(len(line) for line in lines) <= 16


def test_speaker_charts_mark_the_speakers_filtered_on(con):
    stats = quote_views.speaker_stats(con, limit=0)
    pol = charts.speaker_polarity(stats, highlight=("John Kerry",))
    bar = pol.data[0]
    outlined = {s for s, w in zip(bar.y, bar.marker.line.width, strict=True) if w}
    assert outlined == {"John Kerry"}
    assert any(t.startswith("<b>John Kerry</b> · ") for t in pol.layout.yaxis.ticktext)
    assert sum(t.startswith("<b>") for t in pol.layout.yaxis.ticktext) == 1
    scatter = charts.polarity_subjectivity(stats, highlight=("Maria Lopez",))
    # named in bold, beside its bubble or (hemmed in, a big bubble) on a leader to it
    named = [*scatter.data[0].text, *(a.text for a in scatter.layout.annotations)]
    assert "<b>Maria Lopez</b>" in named
    plain = charts.speaker_polarity(stats)
    assert not any(plain.data[0].marker.line.width)


def test_figure_timeline_keeps_the_evidence(con):
    from analysis.figure_views import figure_series

    df = figure_series(con, category="territory_share")
    # Aleppo on 10 Dec (the sample's 85% and a fixture's 90%) and 14 Dec (85% and 93%)
    assert len(df) == 2
    by_day = {str(r.published)[:10]: r for r in df.itertuples()}
    day = by_day["2016-12-14"]
    # the median is one of the figures (the lower middle of 85 and 93), never 89
    assert (day.estimate_min, day.estimate_max, day.estimate_median) == (85.0, 93.0, 85.0)
    assert by_day["2016-12-10"].estimate_median == 85.0  # of 85 and 90
    fig = charts.figure_timeline(df, category="territory_share")
    points = {
        (cd[0], int(cd[1]), cd[5], cd[6])
        for trace in fig.data
        if trace.customdata is not None  # the joining line carries no evidence
        for cd in trace.customdata
    }
    assert {p[3] for p in points} == {"2016-12-10", "2016-12-14"}
    assert all(p[2] == "Aleppo" for p in points)
    assert fig.layout.yaxis.range == (0, 105)
    # An approximate day is an open circle (Plotly's symbol 100), an exact one filled (0).
    marked = df.assign(approximate=[True, False])
    symbols = [
        (t.marker.symbol, cd[6]) for t in charts.figure_timeline(marked, category="territory_share").data
        if t.customdata is not None for cd in t.customdata
    ]  # fmt: skip
    assert sorted(symbols) == [(0, "2016-12-14"), (100, "2016-12-10")]
    # ... with a key saying so, and each place's own legend entry filled
    legend = {t.name: t.marker.symbol for t in charts.figure_timeline(marked, category="territory_share").data if t.showlegend is not False and t.customdata is None and t.mode == "markers"}  # fmt: skip
    assert legend == {"Aleppo": 0, "open: approximate": 100}
    # the day's range: a bar and the hover's words
    ranges = {cd[6]: cd[8] for t in fig.data if t.customdata is not None for cd in t.customdata}
    assert ranges["2016-12-14"] == ", from 85 to 93"
    assert all(t.error_y.array is not None for t in fig.data if t.customdata is not None)
    # Many days (a large archive): no bars, which made one block of colour, and small,
    # translucent points; the hover keeps the range.
    days = pd.date_range("2012-01-01", periods=500, freq="D")
    crowded = pd.concat([df.iloc[[1]]] * 500, ignore_index=True).assign(published=days.date)
    fig = charts.figure_timeline(crowded, category="territory_share")
    traces = [t for t in fig.data if t.customdata is not None]
    assert traces and all(t.error_y.array is None for t in traces)
    assert all(t.marker.opacity < 1 for t in traces)
    assert {cd[8] for t in traces for cd in t.customdata} == {", from 85 to 93"}


def test_an_outlets_colour_does_not_change_with_the_view():
    # The same outlet keeps its colour whatever else is in the chart; two outlets never share
    # one while the palette has a free colour.
    many = [f"Outlet {k}" for k in range(9)]
    whole = charts.stable_colours(many)
    assert len(set(whole.values())) == 9
    for k in range(9):
        alone = charts.stable_colours([many[k]])
        assert alone[many[k]] == charts.PALETTE[zlib.crc32(many[k].encode()) % 10]
    over_time = pd.DataFrame(
        {"period": pd.to_datetime(["2017-01-02", "2017-01-09", "2017-01-09"]),
         "source": ["Outlet 3", "Outlet 3", "Outlet 7"], "n_articles": [2, 1, 4]}
    )  # fmt: skip
    one = {t.name: t.marker.color for t in charts.articles_over_time(over_time).data}
    two = {t.name: t.marker.color for t in charts.articles_over_time(over_time[:2]).data}
    # the timeline's palette is the one without the grey of its "N other outlets" stack
    alone = charts.stable_colours(["Outlet 3"], palette=charts.PALETTE_NO_GREY)
    assert one["Outlet 3"] == two["Outlet 3"] == alone["Outlet 3"]


def test_network_layout_is_deterministic_and_spread():
    pairs = pd.DataFrame(
        {
            "name_a": ["A", "A", "B", "C"],
            "name_b": ["B", "C", "C", "D"],
            "label_a": ["PERSON"] * 4,
            "label_b": ["ORG"] * 4,
            "weight": [3, 1, 2, 1],
        }
    )
    one = charts.network_layout(["A", "B", "C", "D"], pairs)
    two = charts.network_layout(["A", "B", "C", "D"], pairs)
    assert one == two
    xs = sorted(p[0] for p in one.values())
    assert xs[-1] - xs[0] > 0.1  # not collapsed onto a point
    fig = charts.cooccurrence_network(pairs)
    names = {n for t in fig.data if t.mode == "markers+text" for n in t.text}
    assert names == {"A", "B", "C", "D"}


def _drawn_nodes(fig) -> dict[str, tuple[float, float, float]]:
    """name → (x, y, radius in pixels) of each node the network draws."""
    return {
        cd[0]: (x, y, size / 2)
        for t in fig.data
        if t.mode == "markers+text"
        for x, y, size, cd in zip(t.x, t.y, t.marker.size, t.customdata, strict=True)
    }


def test_a_clique_among_many_pairs_is_drawn_with_no_node_over_another():
    """One outlet's people on the real store: six named together in one sentence, a trio and
    ten pairs. The force layout drew the six as overlapping discs (their names left to the
    hover); every two nodes now lie rim to rim apart."""
    six = ["Amal Haddad", "Basim Qasir", "Dalia Nour", "Fadi Selim", "Hana Zayed", "Karim Aoun"]
    rows = [(a, b, 1) for a, b in itertools.combinations(six, 2)]
    rows += [("Lina Sabri", "Omar Farid", 1), ("Lina Sabri", "Rana Tamer", 1)]
    rows += [("Omar Farid", "Rana Tamer", 1)]
    rows += [(f"Envoy {i}", f"Minister {i}", 1) for i in range(10)]
    pairs = pd.DataFrame(rows, columns=["name_a", "name_b", "weight"])
    pairs["label_a"], pairs["label_b"] = "PERSON", "PERSON"
    fig = charts.cooccurrence_network(pairs)
    nodes = _drawn_nodes(fig)
    x_range, y_range = tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range)
    canvas = label_layout.Canvas(*charts.NETWORK_CANVAS, x_range, y_range, equal_aspect=True)
    for (a, (xa, ya, ra)), (b, (xb, yb, rb)) in itertools.combinations(nodes.items(), 2):
        gap = math.dist(canvas.to_px(xa, ya), canvas.to_px(xb, yb)) - ra - rb
        assert gap >= charts.NODE_GAP_PX - 0.5, (a, b, gap)


def test_nodes_on_one_spot_are_pushed_apart_and_far_ones_left_alone():
    pos = {"Alpha": (0.0, 0.0), "Beta": (0.0, 0.0), "Gamma": (5.0, 5.0), "Delta": (-5.0, 5.0)}
    out = charts.apart(pos, dict.fromkeys(pos, 10.0))
    assert out["Alpha"] != out["Beta"]
    assert math.isclose(out["Gamma"][0], 5.0) and math.isclose(out["Delta"][1], 5.0)


def test_the_networks_key_names_every_kind_in_words():
    pairs = pd.DataFrame(
        {
            "name_a": ["Harvest Festival", "Old Mill"],
            "name_b": ["Jane Ostrander", "Jane Ostrander"],
            "label_a": ["EVENT", "FAC"],
            "label_b": ["PERSON", "PERSON"],
            "weight": [3, 2],
        }
    )
    names = {t.name for t in charts.cooccurrence_network(pairs).data if t.mode == "markers+text"}
    assert names == {"events", "buildings & sites", "people"}


# -- reader markup ------------------------------------------------------------------------------
def test_article_html_escapes_and_nests_marks():
    text = "He said “<script>x()</script> 85% & more” today."
    q0, q1 = text.index("“"), text.index("”") + 1
    f0 = text.index("85%")
    marks = [
        highlight.Mark(q0, q1, "quote", 'Kerry "the" <b>', "#1f77b4"),
        highlight.Mark(f0, f0 + 3, "figure", "territory_share", "#f2c200"),
    ]
    out = highlight.article_html(text, marks)
    assert "<script>" not in out and "&lt;script&gt;x()&lt;/script&gt;" in out
    assert "&amp; more" in out
    assert 'title="Kerry &quot;the&quot; &lt;b&gt;"' in out
    # the figure inside the quote carries both tooltips, and the text is intact once unescaped
    assert "Kerry &quot;the&quot; &lt;b&gt; | territory_share" in out
    import html as h
    import re

    assert h.unescape(re.sub(r"<[^>]+>", "", out)) == text


def test_the_readers_key_and_tooltips_name_types_and_counts_in_words():
    # The key had read "PERSON ORG GPE LOC NORP" and a tooltip "Donald Trump · PERSON" or
    # "killed · Orlando", where every chart says "countries & cities" and "People killed".
    import pandas as pd

    key = highlight.legend_html({"Mayor Ortiz": "#1f77b4"})
    assert "countries &amp; cities" in key and "groups &amp; nationalities" in key
    assert not any(label in key for label in ("PERSON", "GPE", "NORP", ">ORG<", ">LOC<"))
    # an entry is never cut at the line's end ("countries &" | "cities")
    assert key.count("white-space:nowrap") == 1 + len(charts.LABEL_NAMES)
    mentions = pd.DataFrame(
        {"name": ["Kellmoor", "Wire Party"], "label": ["GPE", "NORP"], "start": [0, 10],
         "end": [8, 20]}
    )  # fmt: skip
    figures = pd.DataFrame(
        {"category": ["killed"], "location": ["Kellmoor"], "claimed_by": [None], "start": [30],
         "end": [32]}
    )  # fmt: skip
    quotes = pd.DataFrame(columns=["speaker", "kind", "polarity", "start", "end"])
    tips = [m.tooltip for m in highlight.marks_for(quotes, mentions, figures, {})]
    assert tips == [
        "Kellmoor · country or city",
        "Wire Party · group or nationality",
        f"People killed · Kellmoor · claimed by {charts.OUTLETS_OWN}",
    ]


def test_marks_outside_the_text_are_ignored():
    out = highlight.article_html("short", [highlight.Mark(3, 99, "entity", "x", "#000")])
    assert out.endswith(">short</div>")


# -- URL ↔ filters ------------------------------------------------------------------------------
def test_query_params_round_trip():
    f = Filters(
        date_from=date(2016, 12, 1),
        sources=("Example Times",),
        speakers=("John Kerry", "Maria Lopez"),
        search="corridor",
    )
    params = filters_ui.to_query_params(f)
    assert params == {
        "from": "2016-12-01",
        "source": ["Example Times"],
        "speaker": ["John Kerry", "Maria Lopez"],
        "q": "corridor",
    }
    assert filters_ui.filters_from_mapping(params) == f
    assert "speaker=John+Kerry&speaker=Maria+Lopez" in filters_ui.query_string(f)


@pytest.mark.parametrize(
    "params, valid, notice",
    [
        ({"from": ["2016-13-45"]}, {}, "not a date"),
        ({"to": ["1066-10-14"]}, {}, "out of range"),
        ({"speaker": ["John Kerry", "Ghost"]}, {"speaker": ["John Kerry"]}, "Ghost"),
        ({"tag": ["<script>"]}, {}, "\\<script\\>"),  # escaped: shown as text
        ({"source": [""]}, {}, None),
        ({"q": ["aleppo"]}, {"q": ["aleppo"]}, None),
        # a range the wrong way round matches nothing: swapped (said in the sidebar, not here)
        (
            {"from": ["2016-09-20"], "to": ["2016-03-10"]},
            {"from": ["2016-03-10"], "to": ["2016-09-20"]},
            None,
        ),
        (
            {"from": ["2016-03-10"], "to": ["2016-03-10"]},
            {"from": ["2016-03-10"], "to": ["2016-03-10"]},
            None,
        ),
    ],
)
def test_check_url_values(params, valid, notice):
    options = {"speaker": {"John Kerry"}, "tag": {"Syria"}, "source": set(), "entity": set()}
    got, notices = filters_ui.check_url_values(params, options)
    assert got == valid
    if notice:
        assert any(notice in n for n in notices)
    else:
        assert notices == []


def test_report_filter_options():
    f = report.parse_filters(['speaker="John Kerry"', "q=aleppo"], "2016-12-01", None)
    assert f == Filters(date_from=date(2016, 12, 1), speakers=("John Kerry",), search="aleppo")
    for bad in (["speaker"], ["colour=red"]):
        with pytest.raises(ValueError):
            report.parse_filters(bad, None, None)
    with pytest.raises(ValueError):
        report.parse_filters([], "01/12/2016", None)
    assert report.describe_filters(f) == "from 2016-12-01; speaker: John Kerry; search: “aleppo”"
    assert report.page_url("http://h:1", "overview", Filters()) == "http://h:1/"
    assert report.page_url("http://h:1", "figures", f).startswith("http://h:1/figures?from=")


def test_one_period_of_articles_draws_a_visible_bar():
    """A corpus of one week (the bundled sample): the bar has the period's width and the axis
    has room for it — Plotly would otherwise draw a 1 ms sliver nobody can see."""
    df = pd.DataFrame(
        {"period": [pd.Timestamp("2016-12-05")], "source": ["The Guardian"], "n_articles": [1]}
    )
    fig = charts.articles_over_time(df, granularity="week")
    (bar,) = fig.data
    assert list(bar.width) == [0.8 * charts.PERIOD_MS["week"]]
    low, high = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert high - low == pd.Timedelta(days=14) and low < pd.Timestamp("2016-12-05") < high
    # and one tick, its own date: a day's bar (the sample by day) was ticked every few hours,
    # each tick labelled with its date, "09 Dec 2016" four times over
    day = charts.articles_over_time(
        df.assign(period=[pd.Timestamp("2016-12-10")]), granularity="day"
    )
    assert [pd.Timestamp(t) for t in day.layout.xaxis.tickvals] == [pd.Timestamp("2016-12-10")]


def test_one_day_of_mentions_is_labelled_every_other_day_from_it():
    """A store of one publication day: the mentions chart's axis spans a few days either side,
    labelled from that day every other day (a label a day crowded a half-width chart)."""
    day = pd.Timestamp("2016-12-13")
    df = pd.DataFrame(
        {"period": [day, day], "name": ["Aleppo", "Syria"], "n_mentions": [9, 4],
         "n_articles": [3, 2]}
    )  # fmt: skip
    axis = charts.entity_mentions_over_time(df).layout.xaxis
    low, high = (pd.Timestamp(x) for x in axis.range)
    assert low < day < high and high - low == pd.Timedelta(days=8)
    assert pd.Timestamp(axis.tick0) == day and axis.dtick == 2 * 86_400_000


def test_many_outlets_share_one_stack_beyond_the_largest():
    """Thirty outlets: the largest have their own colour, the rest one stack, and every
    article is still counted in its period."""
    weeks = pd.date_range("2016-01-04", periods=4, freq="W-MON")
    df = pd.DataFrame(
        [
            {"period": w, "source": f"Outlet {i:02d}", "n_articles": 30 - i}
            for i in range(30)
            for w in weeks
        ]
    )
    fig = charts.articles_over_time(df, granularity="week")
    names = [t.name for t in fig.data]
    assert len(names) == charts.TIMELINE_OUTLETS + 1
    assert names[: charts.TIMELINE_OUTLETS] == [
        f"Outlet {i:02d}" for i in range(charts.TIMELINE_OUTLETS)
    ]
    assert names[-1] == f"{30 - charts.TIMELINE_OUTLETS} other outlets"
    assert sum(sum(t.y) for t in fig.data) == df["n_articles"].sum()
    rest = fig.data[-1]
    assert rest.marker.color == charts.OTHERS_GREY
    assert list(rest.y) == [sum(30 - i for i in range(charts.TIMELINE_OUTLETS, 30))] * 4


@pytest.mark.parametrize("n_outlets", [3, 9, 10, 14])
def test_no_outlet_on_the_timeline_is_drawn_in_the_grey_of_the_others(n_outlets):
    """An outlet drawn in the palette's grey beside the "N other outlets" stack read as one
    more grey of the rest (the Overview's "manar" beside "6 other outlets"): every named outlet
    has a colour of its own, none grey, and the rest (when there is one) is the only grey."""
    weeks = pd.date_range("2016-01-04", periods=2, freq="W-MON")
    df = pd.DataFrame(
        [
            {"period": w, "source": f"Paper {chr(65 + i)}", "n_articles": 20 - i}
            for i in range(n_outlets)
            for w in weeks
        ]
    )
    fig = charts.articles_over_time(df, granularity="week")
    colours = {t.name: t.marker.color for t in fig.data}
    named = {n: c for n, c in colours.items() if "other outlet" not in n}
    assert "#7f7f7f" not in named.values()
    assert len(set(named.values())) == len(named)  # no two outlets share a colour
    assert sum(sum(t.y) for t in fig.data) == df["n_articles"].sum()
    others = [n for n in colours if "other outlet" in n]
    if n_outlets > charts.TIMELINE_OUTLETS:
        n_rest = n_outlets - charts.TIMELINE_OUTLETS
        assert others == [f"{n_rest} other outlet" + ("s" if n_rest > 1 else "")]
        assert colours[others[0]] == charts.OTHERS_GREY
    else:
        assert not others


def test_the_speaker_charts_show_the_top_speakers_and_the_highlighted_beyond_them():
    stats = pd.DataFrame(
        {
            "speaker": ["A", "B", "C", "D"],
            "n_quotes": [9, 7, 5, 3],
            "polarity": [0.1, -0.2, 0.3, 0.0],
            "subjectivity": [0.4, 0.5, 0.6, 0.2],
        }
    )
    assert charts.top_and_highlighted(stats, ("D",), 2)["speaker"].tolist() == ["A", "B", "D"]
    assert charts.top_and_highlighted(stats, ("A",), 2)["speaker"].tolist() == ["A", "B"]
    assert charts.top_and_highlighted(stats, (), None)["speaker"].tolist() == list("ABCD")
    bars = charts.speaker_polarity(stats, highlight=("D",), top=2)
    assert set(bars.data[0].customdata[:, 0]) == {"A", "B", "D"}
    scatter = charts.polarity_subjectivity(stats, highlight=("C",), top=1)
    assert set(scatter.data[0].customdata[:, 0]) == {"A", "C"}


def test_sentiment_band_is_drawn_per_run_of_intervals():
    """The 95% band is one closed polygon per run of periods with an interval; a period whose
    neighbours have none gets an error bar, and no polygon spans a period without an interval
    (filled "tonexty" across such gaps, the band became triangles spanning years)."""
    periods = pd.to_datetime(["2016-01-04", "2016-01-11", "2016-01-18", "2016-02-01", "2016-03-07"])
    nan = float("nan")
    df = pd.DataFrame(
        {
            "period": periods,
            "speaker": "Observatory",
            "n_quotes": [6, 5, 1, 6, 1],
            "polarity": [0.1, 0.2, 0.0, -0.1, 0.3],
            "ci_low": [-0.1, 0.0, nan, -0.3, nan],
            "ci_high": [0.3, 0.4, nan, 0.1, nan],
        }
    )
    fig = charts.sentiment_over_time(df)
    band, line = fig.data[0], fig.data[1]
    assert band.fill == "toself" and line.name == "Observatory"
    # One polygon (the first two weeks: upper edge out, lower edge back), then a gap.
    assert list(band.y) == [0.3, 0.4, 0.0, -0.1, None]
    assert [x is None for x in band.x] == [False] * 4 + [True]
    # The line joins the measured weeks only and breaks (an empty point) where they are not
    # consecutive: weeks 1-2, then 1 February.
    assert list(line.y) == [0.1, 0.2, None, -0.1]
    assert line.connectgaps is False
    # The 1 February week stands alone: its interval is an error bar; the others have none.
    plus, minus = list(line.error_y.array), list(line.error_y.arrayminus)
    assert plus[3] == pytest.approx(0.2) and minus[3] == pytest.approx(0.2)
    assert all(v is None or v != v for k, v in enumerate(plus) if k != 3)  # none elsewhere
    # Two periods with intervals but months apart: no band between them, two error bars.
    far = df.iloc[[0, 4]].assign(ci_low=[-0.1, 0.1], ci_high=[0.3, 0.5], n_quotes=[6, 7])
    fig = charts.sentiment_over_time(pd.concat([far, df.iloc[[1]].assign(speaker="Other")]))
    band, line = fig.data[0], fig.data[1]
    assert list(band.x) == []
    plus = list(line.error_y.array)
    assert plus[0] == pytest.approx(0.2) and plus[2] == pytest.approx(0.2) and plus[1] is None


def test_sentiment_over_time_keeps_its_title_above_a_legend_that_wraps():
    """On a 1024-px page the chart is 560 px wide: a key of three speakers and the hollow
    points' entry wraps to two rows, and the top row had been drawn over the title. The title
    is then pinned to the top with room for both rows below it; a short key changes nothing."""
    periods = pd.to_datetime(["2016-01-04", "2016-01-11"])
    names = ["Ministry of Harbour Affairs", "Coastal Fishermen's Union", "Port Authority"]
    df = pd.DataFrame(
        {
            "period": list(periods) * 3,
            "speaker": [n for n in names for _ in periods],
            "n_quotes": [8, 2] * 3,
            "polarity": [0.1, 0.2] * 3,
            "few": [False, True] * 3,
        }
    )
    fig = charts.sentiment_over_time(df)
    assert fig.layout.margin.t == 96 and fig.layout.height == 446  # title + two rows of key
    assert fig.layout.title.yanchor == "top" and fig.layout.title.yref == "container"
    short = charts.sentiment_over_time(df[df["speaker"] == "Port Authority"])
    assert short.layout.margin.t == 50 and short.layout.height == 400


def test_a_period_of_too_few_quotes_is_a_hollow_point_without_a_band():
    """A week of one or two quotes has an interval of nearly [−1, 1]: drawn as a band, the real
    store's weekly chart was a wall of full-height stripes, and its line zigzagged between
    one-quote weeks. Such a period is a hollow point off the line, the key says what hollow
    means, and a speaker quoted only in such periods keeps a legend entry."""
    periods = pd.to_datetime(["2016-01-04", "2016-01-11", "2016-01-18"])
    df = pd.DataFrame(
        {
            "period": list(periods) * 2,
            "speaker": ["Observatory"] * 3 + ["Ministry"] * 3,
            "n_quotes": [8, 2, 9, 1, 2, 1],
            "polarity": [0.1, 0.9, 0.2, -0.4, 0.5, -0.8],
            "ci_low": [0.0, -1.0, 0.1, float("nan"), -1.0, float("nan")],
            "ci_high": [0.2, 1.0, 0.3, float("nan"), 1.0, float("nan")],
            "few": [False, True, False, True, True, True],
        }
    )
    fig = charts.sentiment_over_time(df, period="week")
    assert fig.layout.title.text == "Sentiment over time (TextBlob), per week"
    traces = {(t.name, t.mode, t.fill): t for t in fig.data}
    # no band reaches a thin week's [−1, 1]
    bands = [t for t in fig.data if t.fill == "toself"]
    assert all(y is None or -1 < y < 1 for t in bands for y in t.y)
    line = traces[("Observatory", "lines+markers", None)]
    assert list(line.y) == [0.1, None, 0.2]  # the thin week breaks the line, is not on it
    hollow = traces[("Observatory", "markers", None)]
    assert list(hollow.y) == [0.9] and hollow.marker.symbol == "circle-open"
    assert "too few for an interval" in hollow.hovertemplate
    # the ministry, quoted only in thin weeks, is in the key by its hollow points
    shown = {t.name for t in fig.data if t.showlegend is not False and t.name}
    assert {"Observatory", "Ministry", "hollow: fewer than 5 quotes"} <= shown
    # no thin week anywhere: no key for hollow points
    fig = charts.sentiment_over_time(df[~df["few"]])
    assert not [t for t in fig.data if (t.name or "").startswith("hollow")]


@pytest.mark.parametrize(
    ("first", "last", "period"),
    [
        ("2016-03-01", "2016-03-20", "day"),
        ("2016-01-01", "2016-12-31", "week"),
        ("2013-08-01", "2017-12-01", "month"),  # the real store's Syrian outlets
        ("2011-08-01", "2017-12-14", "month"),  # the whole store's articles, one from 2011
        ("1995-01-01", "2017-12-01", "year"),
        (None, None, "week"),  # nothing dated: the old default
    ],
)
def test_auto_period_is_chosen_by_the_span(first, last, period):
    assert charts.period_for_span(first and date.fromisoformat(first),
                                  last and date.fromisoformat(last)) == period  # fmt: skip


def test_the_entity_bars_say_what_each_colour_is_and_keep_the_ranking():
    top = pd.DataFrame(
        {
            "name": ["Syria", "Islamic State", "Aleppo", "John Kerry"],
            "label": ["GPE", "ORG", "GPE", "PERSON"],
            "n_articles": [40, 30, 20, 10],
            "n_mentions": [90, 60, 25, 12],
        }
    )
    fig = charts.top_entities(top)
    assert [t.name for t in fig.data] == ["countries & cities", "organisations", "people"]
    (key,) = fig.layout.annotations  # the key: every type with its colour
    for name, colour in [("countries & cities", "#2ca02c"), ("organisations", "#ff7f0e"),
                         ("people", "#1f77b4")]:  # fmt: skip
        assert f"<span style='color:{colour}'>■</span> {name}" in key.text
    # ranked top to bottom (Plotly draws the first category at the bottom)
    assert list(fig.layout.yaxis.categoryarray) == [
        "John Kerry",
        "Aleppo",
        "Islamic State",
        "Syria",
    ]
    places = fig.data[0]
    assert list(places.y) == ["Aleppo", "Syria"] and list(places.x) == [20, 40]
    assert places.customdata[1][0] == "Syria"  # a click on the bar filters on its name
    # one type: its colour needs no key
    assert not charts.top_entities(top[top.label == "GPE"]).layout.annotations


def test_top_entities_drawn_by_mentions_still_say_their_articles():
    # each in one article (an outlet's few articles): the bars are mentions, and the hover
    # names both counts from the data (it had called the mentions drawn "articles")
    top = pd.DataFrame(
        {"name": ["Carla Ortiz", "Port of Vell"], "label": ["PERSON", "GPE"],
         "n_articles": [1, 1], "n_mentions": [4, 2]}
    )  # fmt: skip
    fig = charts.top_entities(top)
    assert fig.layout.xaxis.title.text == "mentions"
    person = next(t for t in fig.data if t.name == "people")
    assert list(person.x) == [4] and list(person.customdata[0][2:]) == [4, 1]
    assert "%{customdata[3]} articles, %{customdata[2]} mentions" in person.hovertemplate


def test_mentions_over_time_break_where_weeks_without_a_mention_lie_between():
    df = pd.DataFrame(
        {
            "period": pd.to_datetime(["2016-01-04", "2016-01-11", "2016-03-07", "2016-01-04"]),
            "name": ["Aleppo", "Aleppo", "Aleppo", "Idlib"],
            "n_mentions": [3, 5, 2, 1],
            "n_articles": [2, 3, 1, 1],
        }
    )
    fig = charts.entity_mentions_over_time(df)
    aleppo = next(t for t in fig.data if t.name == "Aleppo")
    assert list(aleppo.y) == [3, 5, None, 2] and aleppo.connectgaps is False
    assert [c[1] for c in aleppo.customdata] == [2, 3, None, 1]
    # the legend sits below the date axis: wrapped over two rows above the plot, it hid the title
    assert fig.layout.legend.yanchor == "top" and fig.layout.legend.y < 0
    # one name (the page filtered on an entity) is named too: Plotly hides a lone line's key
    alone = charts.entity_mentions_over_time(df[df["name"] == "Aleppo"])
    assert len(alone.data) == 1 and alone.data[0].name == "Aleppo"
    assert alone.layout.showlegend is True


def test_attitude_cells_of_few_sentences_are_drawn_faded():
    from analysis import uncertainty

    df = pd.DataFrame(
        {"holder": ["A", "A", "B"], "target": ["X", "Y", "X"], "polarity": [0.4, -0.3, 0.1],
         "n": [1, uncertainty.MIN_CELL_SENTENCES, 12]}
    )  # fmt: skip
    fig = charts.attitude_matrix(df)
    opacity = list(fig.data[0].marker.opacity)
    assert opacity[0] < 0.5 and opacity[1] > 0.9 and opacity[2] > 0.9
    notes = [row[3] for row in fig.data[0].customdata]
    assert "few sentences" in notes[0] and notes[1] == notes[2] == ""


def test_figure_cells_are_the_same_on_pages_and_reports():
    # One rule for every figure table: the category's title, the scope's words, and no "None".
    raw = pd.DataFrame(
        {"category": ["killed", "troops"], "scope": ["event", None], "unit": [None, "soldiers"],
         "location": ["Hama", None], "claimed_by_low": [None, "SANA"], "claimed_by": [None, "UN"]}
    )  # fmt: skip
    cells = charts.figure_cells(raw)
    assert cells["what"].tolist() == ["People killed", "Troop numbers"]
    assert cells["counts"].tolist() == ["news event", charts.NOT_GIVEN]
    assert cells["unit"].tolist() == [charts.NOT_GIVEN, "soldiers"]
    assert cells["location"].tolist() == ["Hama", charts.NOT_GIVEN]
    assert cells["claimed_by"].tolist() == [charts.OUTLETS_OWN, "UN"]
    assert cells["claimed_by_low"].tolist() == [charts.OUTLETS_OWN, "SANA"]
    assert raw["unit"].isna().tolist() == [True, False]  # the frame given is left as it was


def test_a_share_in_words_shows_the_percentage_it_stands_for():
    # "roughly a third" is stored as 33.3 with the unit "%": a bare "%" beside words with no
    # number is no unit a reader can read; a share written in digits keeps its "%"
    raw = pd.DataFrame(
        {"category": ["percent", "percent", "killed"], "text": ["roughly a third", "40%", "9"],
         "unit": ["%", "%", "civilians"], "estimate": [33.3333, 40.0, 9.0]}
    )  # fmt: skip
    assert charts.figure_cells(raw)["unit"].tolist() == ["≈33 %", "%", "civilians"]


def test_a_period_the_date_filter_cuts_is_drawn_faint_and_says_what_it_holds():
    """A month filter from the 10th to the 20th: its first and last months are partly counted
    and must not read as drops (seen by an analyst on a March–September range)."""
    df = pd.DataFrame(
        {
            "period": pd.to_datetime(["2016-03-01", "2016-04-01", "2016-09-01"] * 2),
            "source": ["A"] * 3 + ["B"] * 3,
            "n_articles": [4, 24, 22, 1, 5, 3],
        }
    )
    span = (date(2016, 3, 10), date(2016, 9, 20))
    assert charts.partial_periods(df["period"], "month", span) == {
        pd.Timestamp("2016-03-01"): "from 10 Mar",
        pd.Timestamp("2016-09-01"): "to 20 Sep",
    }
    fig = charts.articles_over_time(df, granularity="month", span=span)
    assert [a.text for a in fig.layout.annotations] == ["from 10 Mar only", "to 20 Sep only"]
    assert [a.y for a in fig.layout.annotations] == [5, 25]  # above each stacked bar
    # upright, one bar wide: level, a week's label ran over its neighbours' bars
    assert [a.textangle for a in fig.layout.annotations] == [-90, -90]
    for trace in fig.data:
        assert list(trace.marker.opacity) == [0.4, 1.0, 0.4]
    # whole months, or no date filter: nothing marked
    assert not charts.articles_over_time(
        df, granularity="month", span=(date(2016, 3, 1), date(2016, 9, 30))
    ).layout.annotations
    assert not charts.articles_over_time(df, granularity="month").layout.annotations
    # one period cut at both ends
    one = charts.partial_periods(
        pd.to_datetime(["2016-03-01"]), "month", (date(2016, 3, 10), date(2016, 3, 20))
    )
    assert one == {pd.Timestamp("2016-03-01"): "from 10 Mar to 20 Mar"}


def test_a_missing_publication_day_reads_undated_not_none():
    import datetime as dt

    import streamlit as st

    from dashboard import components

    df = pd.DataFrame({"title": ["a", "b"], "published": [dt.date(2016, 12, 10), None]})
    config = {"published": st.column_config.DateColumn("Published"), "title": "Title"}
    shown, cfg = components._undated_as_words(df, config)
    assert list(shown["published"]) == ["2016-12-10", "undated"]
    assert cfg["published"]["label"] == "Published" and cfg["title"] == "Title"
    assert (cfg["published"].get("type_config") or {}).get("type") == "text"
    assert df["published"].isna().sum() == 1, "the caller's frame is left as it was"
    # every day given: the dates stay dates
    full = df.fillna({"published": dt.date(2016, 12, 11)})
    kept, cfg = components._undated_as_words(full, config)
    assert kept is full and cfg["published"] == config["published"]


def test_count_axes_tick_whole_numbers():
    """Mentions of 1 to 4 had ticks at 1.5, 2.5 …: a count axis ticks every whole number while
    the counts are few, and writes Plotly's own (whole) steps without decimals beyond."""
    few = pd.DataFrame(
        {"period": pd.to_datetime(["2025-03-03", "2025-03-10"] * 2), "name": ["A", "A", "B", "B"],
         "n_mentions": [4, 1, 2, 2], "n_articles": [2, 1, 1, 1]}
    )  # fmt: skip
    axis = charts.entity_mentions_over_time(few).layout.yaxis
    assert axis.dtick == 1 and axis.tickformat == ",d"
    many = few.assign(n_mentions=[120, 3, 40, 7])
    axis = charts.entity_mentions_over_time(many).layout.yaxis
    assert axis.dtick is None and axis.tickformat == ",d"
    # the other count charts: quotes, articles, figures
    speakers = pd.DataFrame(
        {"speaker": ["A", "B"], "n_quotes": [2, 1], "polarity": [0.1, 0.0], "n_articles": [1, 1]}
    )
    assert charts.top_speakers(speakers).layout.xaxis.dtick == 1
    entities = pd.DataFrame(
        {"name": ["A", "B"], "label": ["GPE", "GPE"], "n_articles": [3, 2], "n_mentions": [5, 2]}
    )
    assert charts.top_entities(entities).layout.xaxis.dtick == 1
    cats = pd.DataFrame(
        {"category": ["killed", "money"], "n_figures": [3, 1], "n_articles": [2, 1]}
    )
    assert charts.figures_by_category(cats).layout.xaxis.dtick == 1
    # stacked bars: the tallest stack decides (2 + 5 = 7 articles in one week: Plotly's steps)
    weeks = pd.DataFrame(
        {"period": pd.to_datetime(["2025-03-03", "2025-03-03", "2025-03-10"]),
         "source": ["X", "Y", "X"], "n_articles": [2, 5, 1]}
    )  # fmt: skip
    axis = charts.articles_over_time(weeks, granularity="week").layout.yaxis
    assert axis.dtick is None and axis.tickformat == ",d"
    assert charts.articles_over_time(weeks.head(1), granularity="week").layout.yaxis.dtick == 1


def test_a_word_that_only_sets_a_floor_has_no_value_in_the_figure_tables():
    # "dozens" is stored as at least 24, with no value and no upper bound: its estimate (24)
    # is no number the article gave, so the tables' Value cell stays empty beside the words
    raw = pd.DataFrame(
        {"text": ["Dozens", "between 20 and 30", "at least 17", "52"],
         "value": [None, None, 17.0, 52.0], "low": [24.0, 20.0, 17.0, 52.0],
         "high": [None, 30.0, None, 52.0], "estimate": [24.0, 25.0, 17.0, 52.0]}
    )  # fmt: skip
    cells = charts.figure_cells(raw)
    assert cells["estimate"].isna().tolist() == [True, False, False, False]
    assert cells["estimate"].tolist()[1:] == [25.0, 17.0, 52.0]
    assert raw["estimate"].tolist()[0] == 24.0  # the frame given is left as it was


def test_one_period_of_attention_draws_the_groups_side_by_side():
    """One month of articles in view: three outlets of one share each were three points on one
    date (drawn as one) on an axis of days around the 1st. Now a bar per outlet side by side,
    over the month's name."""
    from dashboard import compare_charts

    df = pd.DataFrame(
        {"period": pd.Timestamp("2025-03-01"), "grp": ["A", "B", "C"], "n_articles": [4, 4, 4],
         "n_all": 12, "share": [1 / 3] * 3}
    )  # fmt: skip
    fig = compare_charts.attention(df, measure="share", granularity="month", order=["A", "B", "C"])
    assert [t.type for t in fig.data] == ["bar"] * 3 and fig.layout.barmode == "group"
    assert [list(t.x) for t in fig.data] == [["March 2025"]] * 3
    assert fig.layout.xaxis.type == "category"
    assert [t.text[0] for t in fig.data] == ["33.3%"] * 3
    # a share from too few articles is hollow, as its point is on a line
    thin = df.assign(n_all=3, n_articles=1)
    hollow = compare_charts.attention(thin, measure="share", granularity="month", order=["A"])
    assert hollow.data[0].marker.color == "white"
    counts = compare_charts.attention(df, measure="count", granularity="week", order=["A"])
    assert list(counts.data[0].x) == ["week of 01 Mar 2025"] and counts.layout.yaxis.dtick == 1
    # more periods: lines as before
    two = pd.concat([df, df.assign(period=pd.Timestamp("2025-04-01"))])
    lines = compare_charts.attention(two, measure="share", granularity="month", order=["A"])
    assert lines.data[0].type == "scatter"


def test_a_table_is_as_tall_as_its_rows_up_to_its_height():
    # a fixed height taller than the rows drew empty rows under them (the Entities page's ten
    # links in a frame for thirty)
    from dashboard import components

    assert components.fit_height(10, 520) == "content"
    assert components.fit_height(30, 520) == 520
    assert components.fit_height(0, 320) == "content"


def test_a_downloads_file_name_says_which_view_it_holds():
    import datetime as dt

    from analysis.filters import Filters
    from dashboard.filters_ui import file_name

    view = Filters(
        sources=("BBC",), date_from=dt.date(2016, 1, 1), date_to=dt.date(2016, 12, 31),
        search='"chemical attack" OR Douma',
    )  # fmt: skip
    assert file_name("presslens", view, ".json") == (
        "presslens_BBC_2016-01-01-2016-12-31_chemical-attack-OR-Douma.json"
    )
    assert file_name("presslens", Filters(), ".json") == "presslens.json"
    long = file_name("presslens", Filters(speakers=("Syrian Observatory",) * 20), ".zip")
    assert len(long) <= 110 and long.endswith(".zip")


def test_a_long_number_written_without_separators_is_shown_in_thousands():
    """ "Nearly 174500" (a source that lost its commas) reads "Nearly 174,500" in every table of
    figures; years, short numbers, decimals and numbers already grouped stay as written."""
    raw = pd.DataFrame(
        {
            "text": ["Nearly 174500", "1500", "In 2016 some 25000", "174,500", "99999.5"],
            "text_high": ["about 2000000", "", "12", "3,000", "12.50000"],
            "spread": ["Nearly 174500", "1500", "3 – 100", "174,500", "2 – 12"],
        }
    )
    cells = charts.figure_cells(raw)
    assert cells["text"].tolist() == [
        "Nearly 174,500",
        "1500",
        "In 2016 some 25,000",
        "174,500",
        "99999.5",
    ]
    assert cells["text_high"].tolist() == ["about 2,000,000", "", "12", "3,000", "12.50000"]
    assert cells["spread"][0] == "Nearly 174,500"  # the Overview's spread of a lone figure


def test_a_value_column_is_as_wide_as_its_longest_number():
    from dashboard import components

    # tolls and shares: the usual width
    assert components.value_width([3, 58, 12_000_000, None]) == components.VALUE_WIDTH
    assert components.value_width([]) == components.VALUE_WIDTH
    # "more than $4 trillion": 17 characters with separators, none of them cut off
    wide = components.value_width([4e12, 916e6])
    assert wide >= 8 * len("4,000,000,000,000") + 30 > components.VALUE_WIDTH
    assert components.value_width([-4e12]) == wide  # a loss as wide as a gain


def test_a_long_headline_title_is_shortened_where_the_cut_shows():
    from dashboard import charts

    title = "Suspected gas attack on a rebel-held town kills at least 58, a monitor says"
    short = charts.shortened(title, charts.HEADLINE_TITLE_CHARS)
    assert len(short) <= charts.HEADLINE_TITLE_CHARS and short.endswith("…")
    assert title.startswith(short[:-1]) and not short[:-1].endswith(" ")  # cut at a word
    assert charts.shortened("Aleppo diplomats urge grace", 60) == "Aleppo diplomats urge grace"
    assert charts.shortened(None, 60) is None


def test_an_increment_is_shown_as_part_of_an_earlier_toll():
    from dashboard import charts

    cells = charts.figure_cells(
        pd.DataFrame(
            {"part_of_text": ["more", "28", None, "Another"], "text": ["3", "4", "5", "6"]}
        )
    )
    assert cells["part_of_text"].tolist() == [
        "an earlier toll (“more”)", "28", charts.NOT_GIVEN, "an earlier toll (“Another”)"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "granularity, hover", [("day", "%d %b %Y"), ("month", "%b %Y"), ("year", "%Y")]
)
def test_a_timeline_names_its_periods_as_a_reader_would(granularity, hover):
    # a month's bar is "Mar 2016" in its hover, and ticks a month or a year apart are labelled
    # "Mar 2016" or "2016": "01 Mar 2016" read as one day's count
    df = pd.DataFrame(
        {
            "period": pd.to_datetime(["2016-03-01", "2016-04-01", "2017-01-01"]),
            "source": ["A", "A", "B"],
            "n_articles": [4, 2, 3],
        }
    )
    fig = charts.articles_over_time(df, granularity=granularity)
    assert all(t.hovertemplate.startswith("%{x|" + hover + "}:") for t in fig.data)
    stops = {tuple(s.dtickrange): s.value for s in fig.layout.xaxis.tickformatstops}
    assert stops[("M12", None)] == "%Y" and stops[("M1", "M11")] == "%b %Y"
    assert stops[(None, "M1")] == "%d %b %Y"
    # the first stop that holds a spacing is Plotly's: a year's spacing must meet "%Y" first
    assert fig.layout.xaxis.tickformatstops[0].value == "%Y"


@pytest.mark.parametrize(
    "period, breaks", [("day", 2), ("month", 2), ("year", 0)]
)  # fmt: skip
def test_a_timelines_line_breaks_only_across_a_gap_of_its_own_periods(period, breaks):
    # running totals charted one point a year lie a year apart: their line had broken between
    # every two (the gap allowed was two months whatever the points' period)
    x = pd.to_datetime(["2014-01-01", "2015-01-01", "2016-01-01"])
    xs, ys = charts._broken_line(x, [10, 20, 30], period)
    assert sum(v is None for v in ys) == breaks and len(xs) == len(ys)


@pytest.mark.parametrize(
    ("sizes", "dated", "note"),
    [
        # a search finding dated news and undated stories: charted from its dated ones only
        ({"election": 9, "harbour": 4}, {"election": 6, "harbour": 4},
         "election — 3 of its 9 articles in view have no publication date and are not on the "
         "chart."),
        ({"A": 2, "B": 5}, {"A": 1, "B": 2},
         "A — 1 of its 2 articles in view; B — 3 of its 5 articles in view have no publication "
         "date and are not on the chart."),
        # every article dated: nothing to say
        ({"A": 2, "B": 5}, {"A": 2, "B": 5}, None),
        # none dated: not drawn at all, said as such and not as partly drawn
        ({"A": 2, "B": 5}, {"B": 5}, None),
    ],
)  # fmt: skip
def test_compare_says_how_many_of_a_groups_articles_are_undated(sizes, dated, note):
    from dashboard import compare_charts

    size_df = pd.DataFrame({"grp": list(sizes), "n_articles": list(sizes.values())})
    attention = pd.DataFrame(
        {"period": pd.Timestamp("2016-05-01"), "grp": list(dated),
         "n_articles": list(dated.values()), "n_all": 20, "share": 0.1}
    )  # fmt: skip
    notes = dict(
        compare_charts.attention_notes(size_df, attention, measure="share", granularity="month")
    )
    assert notes.get("Partly drawn") == note


def test_an_entity_timeline_says_how_many_articles_naming_its_names_are_undated():
    undated = pd.DataFrame({"name": ["Tony Blair", "United Kingdom"], "n_articles": [158, 587]})
    names = ["United States", "United Kingdom", "Syria", "Tony Blair"]
    assert charts.undated_mentions_note(undated, names) == (
        "Articles without a publication date are not on the timeline: 587 naming United "
        "Kingdom, 158 naming Tony Blair."
    )
    assert charts.undated_mentions_note(undated, ["Syria"]) == ""
    assert charts.undated_mentions_note(undated.iloc[:0], names) == ""


def test_a_sentiment_timeline_says_how_many_of_a_speakers_quotes_are_undated():
    stats = pd.DataFrame({"speaker": ["Ann", "Bo", "Cy"], "n_quotes": [51, 7, 4]})
    timeline = pd.DataFrame(
        {"period": pd.to_datetime(["2016-01-01", "2016-02-01", "2016-01-01"]),
         "speaker": ["Ann", "Ann", "Bo"], "n_quotes": [40, 8, 7]}
    )  # fmt: skip
    # Ann: 48 of 51 dated; Bo: all dated; Cy: none dated (said apart, as not on the timeline)
    assert charts.undated_quotes_note(stats, timeline, ["Ann", "Bo", "Cy"]) == (
        "Quotes in articles without a publication date are not on the timeline: Ann — 3 of 51."
    )
    assert charts.undated_quotes_note(stats, timeline, ["Bo", "Cy"]) == ""


def test_compare_names_a_group_with_no_article_in_view_once():
    from dashboard import compare_charts

    sizes = pd.DataFrame({"grp": ["BBC", "ahram", "nyt"], "n_articles": [0, 148, 0]})
    assert compare_charts.empty_groups_note(sizes) == (
        "No article in view: BBC, nyt — the charts below leave them out."
    )
    assert compare_charts.empty_groups_note(sizes.assign(n_articles=[1, 2, 3])) == ""
    assert compare_charts.empty_groups_note(sizes.assign(n_articles=0)) == ""  # the page stops
    # the figures' note leaves it to that note: BBC had been said to have no figures of the
    # places drawn when it had no article at all
    figures = pd.DataFrame({"grp": ["ahram"]})
    order = ["BBC", "ahram", "breitbart"]
    got = compare_charts.figures_not_drawn(figures, order, empty=compare_charts.empty_groups(sizes))
    assert got.startswith("breitbart — none of its news-event figures")


@pytest.mark.parametrize(
    ("shown", "total", "caption"),
    [
        (1, 1, "1 figure"),
        (23, 23, "23 figures"),
        # cut at its limit: of how many, and in what order (the BBC's money: none dated)
        (1000, 1948, "1,000 of the 1,948 figures: the newest first, those of articles without "
         "a publication date last"),
    ],
)  # fmt: skip
def test_a_figure_table_cut_at_its_limit_says_of_how_many_and_in_what_order(shown, total, caption):
    assert charts.figure_table_caption(shown, total, 1000) == caption


@pytest.mark.parametrize(
    ("shown", "total", "dated", "caption"),
    [
        # undated articles' figures alone (the BBC's money): no order of time to claim
        (1000, 1948, 0, "1,000 of the 1,948 figures, from articles without a publication date"),
        (23, 23, 0, "23 figures, from articles without a publication date"),
        (1, 1, 0, "1 figure, from articles without a publication date"),
        # a mixed table: the dated newest first, the undated last, how many of them
        (23, 23, 20, "23 figures: the newest first, the 3 of articles without a publication "
         "date last"),
        (1000, 1948, 400, "1,000 of the 1,948 figures: the newest first, those of articles "
         "without a publication date last"),
        (23, 23, 23, "23 figures"),
        (0, 0, 0, "0 figures"),
    ],
)  # fmt: skip
def test_a_figure_table_of_undated_articles_claims_no_newest(shown, total, dated, caption):
    assert charts.figure_table_caption(shown, total, 1000, dated=dated) == caption


@pytest.mark.parametrize(
    ("shown", "dated", "caption"),
    [
        (3, 3, "3 sentences, newest first"),
        (1, 1, "1 sentence, newest first"),
        (200, 200, "the 200 newest sentences"),
        # a cell of undated articles (the BBC's in a mixed store): no "newest"
        (3, 0, "3 sentences, from articles without a publication date"),
        (200, 0, "200 sentences (the most listed), from articles without a publication date"),
        (5, 2, "5 sentences: the 2 of dated articles newest first, then 3 of articles without "
         "a publication date"),
        (200, 150, "200 sentences (the most listed): the 150 of dated articles newest first, "
         "then 50 of articles without a publication date"),
    ],
)  # fmt: skip
def test_attitude_sentences_say_newest_only_of_dated_articles(shown, dated, caption):
    assert charts.sentences_caption(shown, 200, dated=dated) == caption


def _injured(values: list[float]) -> pd.DataFrame:
    days = pd.date_range("2016-09-01", periods=len(values), freq="D")
    return pd.DataFrame(
        {
            "published": days, "location": "Kellmoor", "estimate_median": values,
            "estimate_min": values, "estimate_max": values, "approximate": False,
            "article_id": [f"a{i}" for i in range(len(values))], "start": 0, "text": "n",
            "claimed_by": None, "unit": None, "n_figures": 1,
        }
    )  # fmt: skip


def test_a_log_axis_writes_its_ticks_in_full():
    # Plotly's log ticks wrote the 2s and 5s between decades as bare small digits: a "2" stood
    # above the 100 of a chart of the injured (for 200), and a printed report read it as two
    fig = charts.figure_timeline(_injured([1, 7, 40, 180]), category="injured", log=True)
    axis = fig.layout.yaxis
    assert axis.type == "log" and axis.tickmode == "array"
    assert list(axis.tickvals) == [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    assert list(axis.ticktext)[-4:] == ["100", "200", "500", "1,000"]
    # over many decades, one tick a decade, the large ones short
    fig = charts.figure_timeline(_injured([2, 300, 450_000]), category="killed", log=True)
    assert list(fig.layout.yaxis.ticktext) == ["1", "10", "100", "1,000", "10k", "100k", "1M"]
    # on a linear axis, no such ticks
    assert (
        charts.figure_timeline(_injured([1, 7]), category="injured").layout.yaxis.tickvals is None
    )


def test_the_compare_pages_log_axis_writes_its_ticks_in_full():
    from dashboard import compare_charts

    df = pd.DataFrame(
        {
            "category": "displaced", "location": "Kellmoor", "grp": ["Ledger", "Times"],
            "median": [3.0, 160.0], "low": [2.0, 90.0], "high": [4.0, 300.0], "n_figures": 2,
        }
    )  # fmt: skip
    fig = compare_charts.figures_side_by_side(df, order=["Ledger", "Times"], log=True)
    assert fig.layout.xaxis.type == "log"
    assert list(fig.layout.xaxis.ticktext) == [
        "1",
        "2",
        "5",
        "10",
        "20",
        "50",
        "100",
        "200",
        "500",
        "1,000",
    ]


def test_the_articles_timeline_keeps_its_key_of_outlets_below_the_dates():
    """Eleven outlets' key wrapped to two rows at 1280 px, and above the plot it ran into the
    title ("Articles per month" touching the first key): it sits below the date axis."""
    weeks = pd.date_range("2016-01-04", periods=3, freq="W-MON")
    df = pd.DataFrame(
        [{"period": w, "source": f"Harbour Gazette {i}", "n_articles": 20 - i}
         for i in range(15) for w in weeks]
    )  # fmt: skip
    fig = charts.articles_over_time(df, granularity="week")
    assert fig.layout.title.text == "Articles per week"
    assert fig.layout.legend.yanchor == "top" and fig.layout.legend.y < 0
    assert fig.layout.margin.b >= 50 and fig.layout.legend.orientation == "h"


def test_the_tone_axis_has_three_level_ticks_however_narrow_its_plot():
    """Long names ("... · 3, too few") left the tone chart's plot 95 px at 1280 px, and Plotly
    turned its five tick labels on end: three ticks, level, at round values inside the axis."""
    stats = pd.DataFrame(
        {
            "speaker": ["Federation of Harbour Pilots and Lock Keepers", "Mayor Ortiz"],
            "n_quotes": [3, 12],
            "polarity": [0.28, -0.05],
            "subjectivity": [0.4, 0.5],
        }
    )
    axis = charts.speaker_polarity(stats).layout.xaxis
    low, high = axis.range
    outer = axis.tickvals[-1]
    assert list(axis.tickvals) == [-outer, 0, outer] and axis.tickangle == 0
    assert outer in charts.TONE_TICKS and outer <= high and -outer >= low
    assert charts._tone_tick(0.25) == 0.2 and charts._tone_tick(1.05) == 1.0


def test_the_figures_by_category_bars_have_few_counts_under_them():
    # Beside the timeline, in a third of the column at 1280 px, "1,000 2,000 3,000 4,000" were
    # drawn aslant into each other: at most four counts, level.
    df = pd.DataFrame(
        {"category": ["killed", "other", "money"], "n_figures": [2350, 4100, 1900],
         "n_articles": [400, 900, 300]}
    )  # fmt: skip
    fig = charts.figures_by_category(df)
    assert fig.layout.xaxis.nticks == charts.FEW_TICKS <= 4
    assert fig.layout.xaxis.tickformat == ",d"


# -- chart clicks -------------------------------------------------------------------------------
def test_a_clicked_period_runs_from_its_first_day_to_its_last():
    def point(x):
        return {"x": x, "customdata": ["Aleppo", 3]}

    assert filters_ui.clicked_period([point("2016-12-01")], "month") == (
        date(2016, 12, 1),
        date(2016, 12, 31),
    )
    # Plotly gives a date axis's x with a time of day; a leap year's February; a week from Monday
    assert filters_ui.clicked_period([point("2016-02-01 00:00")], "month")[1] == date(2016, 2, 29)
    assert filters_ui.clicked_period([point("2016-12-12")], "week") == (
        date(2016, 12, 12),
        date(2016, 12, 18),
    )
    assert filters_ui.clicked_period([point("2016-12-14")], "day") == (
        date(2016, 12, 14),
        date(2016, 12, 14),
    )
    # two points (a box select): from the first's first day to the last's last
    assert filters_ui.clicked_period([point("2017-01-01"), point("2015-01-01")], "year") == (
        date(2015, 1, 1),
        date(2017, 12, 31),
    )
    assert filters_ui.clicked_period([], "month") is None
    assert filters_ui.clicked_period([{"customdata": ["Aleppo", 3]}], "month") is None
    assert filters_ui.clicked_period([{"x": "Week of the talks"}], "week") is None
