"""Chart factories: a tidy DataFrame in, a Plotly figure out — no Streamlit inside.

Each factory draws one chart of the dashboard from the frame an ``analysis.*_views`` function
returns, with one look across the app (template, fonts, a colour per entity type, a diverging
scale for sentiment). Every point carries ``customdata`` naming what it stands for (a speaker, an
entity, an article id and offset) so a click can narrow the filters or open the evidence. Factories
expect non-empty frames: the pages show an empty state instead of an empty chart.
"""

from __future__ import annotations

import functools
import math
import re
import zlib
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis import figure_parts, figure_views, summaries, uncertainty
from dashboard import label_layout

TEMPLATE = "plotly_white"
FONT = dict(family="Source Sans Pro, Helvetica, Arial, sans-serif", size=13)
LABEL_COLOURS = {
    "PERSON": "#1f77b4",
    "ORG": "#ff7f0e",
    "GPE": "#2ca02c",
    "LOC": "#17becf",
    "NORP": "#9467bd",
    "FAC": "#8c564b",
    "EVENT": "#e377c2",
}
LABEL_NAMES = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "countries & cities",
    "LOC": "places",
    "NORP": "groups & nationalities",
}
# Kinds the Entities page offers no Type button for, but a chart's key can still show (the
# network drew "EVENT" in capitals under ?speaker=Tony+Blair).
OTHER_LABEL_NAMES = {"EVENT": "events", "FAC": "buildings & sites"}


def label_name(label) -> str:
    """A reader's name for an entity type: ``"GPE"`` → ``"countries & cities"``."""
    return LABEL_NAMES.get(label) or OTHER_LABEL_NAMES.get(label) or str(label).lower()


SENTIMENT_SCALE = "RdBu"  # red = negative, blue = positive; symmetric around 0
CATEGORY_TITLES = {
    "troops": "Troop numbers",
    "killed": "People killed",
    "injured": "People injured",
    "missing": "People missing",
    "displaced": "People displaced",
    "remaining": "People remaining / trapped",
    "people": "Other counts of people",
    "territory_share": "Share of territory held",
    "percent": "Other percentages",
    "money": "Money",
    "price": "Prices and rates",
    "other": "Other figures",
}
# What a figure counts (analysis.figures.figure_scope), as the reader chooses it and as a table
# says it; the Figures page and the report both use these.
SCOPE_TITLES = {
    "all": "All figures",
    "event": "News events",
    "total": "Running totals",
    "background": "Earlier events",
}
SCOPE_WORDS = {"event": "news event", "total": "running total", "background": "earlier event"}
# The categories a reader of conflict news looks for first (then the rest by frequency).
CATEGORY_ORDER = (
    "troops",
    "territory_share",
    "remaining",
    "displaced",
    "missing",
    "killed",
    "injured",
)


def in_category_order(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s rows by their ``category`` in the order the Figures page's buttons list the
    categories (:data:`CATEGORY_ORDER`, then the others as ``frame`` has them), each category's
    rows in their own order. The Overview's headline figures and a place's figures had come in
    the categories' code order ("People displaced", "People injured", "People killed", …,
    "Troop numbers"), unlike the buttons."""
    rank = {category: i for i, category in enumerate(CATEGORY_ORDER)}
    ranks = frame["category"].map(lambda c: rank.get(c, len(rank)))
    return frame.iloc[ranks.to_numpy().argsort(kind="stable")].reset_index(drop=True)


PALETTE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
]  # fmt: skip
# The palette less its grey, for a chart whose grey series stands for the rest (the timeline's
# "N other outlets", the figures without a place): an outlet drawn in the palette's grey beside
# the others' grey stack read as part of it (the Overview's "manar" and "6 other outlets").
PALETTE_NO_GREY = [c for c in PALETTE if c != "#7f7f7f"]


NOT_GIVEN = "—"  # a cell the sentence gives nothing for (no unit, place, scope)
OUTLETS_OWN = "(the outlet)"  # an unattributed figure is its outlet's own claim
VALUE_HELP = (
    "The number the figure states (for a range, its middle). None (—) for words that only set "
    "a floor, such as “dozens” or “hundreds”: the Figure column gives the words."
)


def figure_cells(df: pd.DataFrame) -> pd.DataFrame:
    """A figure frame (table, conflicts, headline figures) as every table shows it, on the
    pages and in the reports: ``what`` (the category's title) and ``counts`` (the scope's words)
    beside the columns, and a dash or "(the outlet)" where the sentence gives no unit, place,
    people or claimant — never the word "None"; no ``estimate`` for words that only set a
    floor ("dozens")."""
    out = df.copy()
    for column in [c for c in out.columns if c in ("text", "spread") or c.startswith("text_")]:
        out[column] = out[column].map(grouped_digits)
    if "category" in out:
        out["what"] = out["category"].map(lambda c: CATEGORY_TITLES.get(c, c))
    if "scope" in out:
        out["counts"] = out["scope"].map(lambda s: SCOPE_WORDS.get(s, NOT_GIVEN))
    if "unit" in out and "text" in out:
        out["unit"] = _share_in_words(out)
    if "part_of_text" in out:
        # An increment ("three more died") is recorded as a part of a toll nobody counted, its
        # whole's words being its marker's: "more" alone read as the name of a whole
        out["part_of_text"] = out["part_of_text"].map(_increment_words)
    for column in ("unit", "location", "subject", "part_of_text"):
        if column in out:
            out[column] = out[column].fillna(NOT_GIVEN)
    for column in ("claimed_by", "claimed_by_low", "claimed_by_high"):
        if column in out:
            out[column] = out[column].fillna(OUTLETS_OWN)
    if {"estimate", "value", "high"} <= set(out.columns):
        # A word that only sets a floor ("dozens": at least 24, no value, no upper bound) has
        # no value to show: the Value column read a bare 24 beside "Dozens", a number the
        # article never gave. The cell stays empty (a dash) and the Figure column gives the words.
        floor_only = out["value"].isna() & out["high"].isna()
        out["estimate"] = out["estimate"].where(~floor_only)
    return out


def _increment_words(whole):
    """The Part-of cell of a figure: an increment's marker word (analysis.figure_parts) as "an
    earlier toll (“more”)", any other whole's words as they are."""
    if isinstance(whole, str) and whole.lower() in figure_parts.INCREMENT_MARKERS:
        return f"an earlier toll (“{whole}”)"
    return whole


# A run of five digits or more with no separator in it or around it ("Nearly 174500": a
# source whose thousands separators were lost, or a wire style that writes none)
_UNGROUPED = re.compile(r"(?<![\d.,])\d{5,}(?![\d.,]?\d)")


def grouped_digits(text):
    """A figure's words as written, but a long number in thousands ("Nearly 174,500"): the
    number is what the reader compares across rows; four digits (a year, "1500") stay."""
    if not isinstance(text, str):
        return text
    return _UNGROUPED.sub(lambda m: f"{int(m.group()):,}", text)


def _share_in_words(df: pd.DataFrame) -> pd.Series:
    """The unit column, with a share written in words ("roughly a third", stored as 33.3 with
    the unit "%") given the percentage it stands for ("≈33 %"): a bare "%" beside words with
    no number read as a defect on the Overview's headline figures."""
    number = next((c for c in ("estimate", "value") if c in df), None)
    if number is None:
        return df["unit"]
    worded = (
        df["unit"].eq("%")
        & ~df["text"].fillna("").str.contains(r"\d", regex=True)
        & df[number].notna()
    )
    out = df["unit"].copy()
    out[worded] = [f"≈{v:.0f} %" for v in df.loc[worded, number]]
    return out


def stable_colours(names: Iterable[str], *, palette: Sequence[str] = PALETTE) -> dict[str, str]:
    """A colour for each name that stays the same from one view to the next: each name has its
    own slot in ``palette`` (from a checksum of the name, the same in every process), and
    when two names of one chart want one slot, the first by name keeps it and the other takes
    the next free one. (Colours by rank in view changed with every filter: an outlet green on
    the whole corpus was brown for 2016.)"""
    out: dict[str, str] = {}
    taken: set[int] = set()
    for name in sorted(set(map(str, names))):
        slot = zlib.crc32(name.encode("utf-8")) % len(palette)
        if len(taken) < len(palette):
            while slot in taken:
                slot = (slot + 1) % len(palette)
        taken.add(slot)
        out[name] = palette[slot]
    return out


def _style(fig: go.Figure, *, title: str, height: int = 420) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        title=dict(text=title, x=0, xanchor="left", font=dict(size=16)),
        font=FONT,
        height=height,
        margin=dict(l=10, r=10, t=50, b=10),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="right", x=1),
        hoverlabel=dict(font_size=12),
    )
    return fig


def warm() -> None:
    """Draw one small styled chart and throw it away: Plotly imports its figure classes and
    loads the template at their first use (0.2 s), which the server's start-up does instead of
    the first visitor's page run (:mod:`dashboard.serve`)."""
    _date_axis(_style(go.Figure(go.Bar(x=[pd.Timestamp("2016-12-13")], y=[1])), title=""), [])


# Tick labels as precise as the ticks' spacing: a tick every year or month labelled "2016" or
# "Jan 2016", not "01 Jan 2016" (which read as a day's count on a timeline by month); ticks
# days or weeks apart keep the day. Plotly takes the first stop whose range holds the spacing.
DATE_TICK_STOPS = (
    dict(dtickrange=["M12", None], value="%Y"),
    dict(dtickrange=["M1", "M11"], value="%b %Y"),
    dict(dtickrange=[None, "M1"], value="%d %b %Y"),
)


def _date_axis(fig: go.Figure, dates) -> go.Figure:
    """Dates as dates (never milliseconds), labelled as precisely as the ticks are spaced
    (:data:`DATE_TICK_STOPS`); a single date gets a few days either side, labelled every other
    day from it (nine labels a day apart crowded each other in a half-width chart)."""
    ds = pd.to_datetime(pd.Series(list(dates))).dropna().unique()
    fig.update_xaxes(tickformat="%d %b %Y", tickformatstops=list(DATE_TICK_STOPS), type="date")
    if len(ds) == 1:
        d = pd.Timestamp(ds[0])
        fig.update_xaxes(
            range=[d - pd.Timedelta(days=4), d + pd.Timedelta(days=4)],
            tick0=d, dtick=2 * 86_400_000,
        )  # fmt: skip
    return fig


# A count axis whose largest value is at most this gets a tick at every whole number: Plotly's
# own ticks for counts of 1 to 4 fell at 1.5, 2.5 … (half a mention); above it Plotly's steps
# (1, 2, 5, 10 …) are whole already, and ",d" writes them without decimals.
WHOLE_TICKS_UP_TO = 6


def whole_counts(fig: go.Figure, values, *, axis: str = "y") -> go.Figure:
    """Ticks of whole numbers only on the count axis ``axis`` ("x" or "y") of ``fig``, whose
    largest value is the largest of ``values`` (for stacked bars: the largest stack)."""
    top = pd.to_numeric(pd.Series(list(values)), errors="coerce").max()
    ticks: dict = dict(tickformat=",d")
    if pd.isna(top) or top <= WHOLE_TICKS_UP_TO:
        ticks.update(tick0=0, dtick=1)
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**ticks)
    return fig


def log_ticks(fig: go.Figure, values, *, axis: str = "y") -> go.Figure:
    """Ticks of a log axis written in full: 1, 2, 5, 10, 20, 50 … over at most three decades,
    1, 10, 100 … 10k, 1M over more. Plotly's own wrote the 2s and 5s between decades as small
    bare digits: on SANA's injured a "2" stood above the 100 (for 200), and a printed report
    read it as two."""
    numbers = pd.to_numeric(pd.Series(list(values)), errors="coerce")
    positive = numbers[numbers > 0]
    if positive.empty:
        return fig
    low = math.floor(math.log10(positive.min()))
    high = math.ceil(math.log10(positive.max()))
    steps = (1, 2, 5) if high - low <= 3 else (1,)
    ticks = [m * 10**k for k in range(low, high + 1) for m in steps]
    ticks = [t for t in ticks if t <= 10**high]
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(
        tickmode="array", tickvals=ticks, ticktext=[_tick_text(t) for t in ticks]
    )
    return fig


def _tick_text(value: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e4, "k")):
        if value >= size:
            return f"{value / (size if suffix != 'k' else 1e3):g}{suffix}"
    return f"{value:,g}"


def _bar_height(n: int) -> int:
    return max(260, min(900, 28 * n + 90))


# A period's length in ms: a bar on a date axis is given its width (Plotly derives it from the
# gap between bars, and a single period would otherwise draw as an invisible 1 ms sliver).
PERIOD_MS = {"day": 86_400_000, "week": 7 * 86_400_000, "month": 30 * 86_400_000,
             "year": 365 * 86_400_000}  # fmt: skip


# Outlets drawn in their own colour on the timeline; the others share one grey stack (a
# thousand outlets made a thousand traces: seven seconds to build, and no legend anyone reads).
TIMELINE_OUTLETS = len(PALETTE_NO_GREY)
OTHERS_GREY = "#b8b8b8"


# The periods grouped by, as pandas offsets: where each period ends (a date filter that ends
# inside the last one leaves it partly counted).
PERIOD_OFFSETS = {
    "day": pd.DateOffset(days=1), "week": pd.DateOffset(weeks=1),
    "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1),
}  # fmt: skip


def partial_periods(periods, granularity: str, span=(None, None)) -> dict:
    """The periods the date range ``span`` (from, to; None: open) covers only in part, each
    with what it holds ("from 10 Mar", "to 20 Sep"): the first and the last."""
    # Only the first and last period matter: found on the column, not period by period (at a
    # million articles the Overview's timeline has 200,000 rows, 0.6 s as Python timestamps)
    days = pd.to_datetime(pd.Series(periods)).dropna()
    if days.empty or granularity not in PERIOD_OFFSETS:
        return {}
    earliest, latest = pd.Timestamp(days.min()), pd.Timestamp(days.max())
    first, last = span
    out = {}
    if first is not None and earliest < pd.Timestamp(first):
        out[earliest] = f"from {pd.Timestamp(first):%-d %b}"
    end = latest + PERIOD_OFFSETS[granularity] - pd.Timedelta(days=1)
    if last is not None and end > pd.Timestamp(last):
        # a period both starts and ends outside the range: one label for both ends
        to = f"to {pd.Timestamp(last):%-d %b}"
        out[latest] = f"{out[latest]} {to}" if latest in out else to
    return out


# A period as a reader names it in a hover: the bar of a month is "Jan 2016", not its first day.
PERIOD_HOVER = {"day": "%d %b %Y", "week": "week of %d %b %Y", "month": "%b %Y", "year": "%Y"}


def articles_over_time(
    df: pd.DataFrame, *, granularity: str = "week", span: tuple = (None, None)
) -> go.Figure:
    """Stacked bars: articles per period, one colour per outlet (the outlets with the most
    articles; the rest together as "N other outlets"). ``span``: the date filter (from, to); a
    period it cuts is drawn faint and says which part it holds, so that a half-counted month
    does not read as a drop."""
    fig = go.Figure()
    partial = partial_periods(df["period"], granularity, span)
    width = 0.8 * PERIOD_MS.get(granularity, PERIOD_MS["day"])
    totals = df.groupby("source", sort=False, dropna=False)["n_articles"].sum()
    rest = None
    # More outlets than colours other than grey: the largest keep theirs, the rest one stack
    # (ten outlets are nine and "1 other outlet": a tenth colour would be the grey, or a repeat).
    if len(totals) > TIMELINE_OUTLETS:
        top = totals.sort_values(ascending=False, kind="stable").index[:TIMELINE_OUTLETS]
        n_rest = len(totals) - len(top)
        rest = f"{n_rest:,} other outlet" + ("s" if n_rest > 1 else "")
        named = df["source"].isin(top)
        others = (
            df[~named].groupby("period", as_index=False)["n_articles"].sum().assign(source=rest)
        )
        df = pd.concat([df[named], others], ignore_index=True)
    # never the grey of the others' stack, whether this view has one or not (an outlet keeps
    # its colour from one filter to the next)
    colours = stable_colours(
        (str(x) for x in df["source"].unique() if x != rest), palette=PALETTE_NO_GREY
    )
    for source, part in df.groupby("source", sort=False, dropna=False):
        fig.add_bar(
            x=part["period"],
            y=part["n_articles"],
            width=[width] * len(part),
            name=str(source),
            marker_color=OTHERS_GREY if source == rest else colours[str(source)],
            marker_opacity=[0.4 if pd.Timestamp(p) in partial else 1.0 for p in part["period"]],
            customdata=np.array([[str(p) for p in part["period"]]]).T,
            hovertemplate="%{x|" + PERIOD_HOVER.get(granularity, "%d %b %Y") + "}: %{y} articles"
            "<extra>" + str(source) + "</extra>",
        )
    totals_by_period = df.groupby("period")["n_articles"].sum()
    for period, words in partial.items():
        # upright above its own bar: level, "to 31 Dec only" ran over three weeks' bars
        fig.add_annotation(
            x=period, y=float(totals_by_period.get(period, 0)), text=f"{words} only",
            showarrow=False, yanchor="bottom", yshift=2, font=dict(size=10, color="#666"),
            textangle=-90,
        )  # fmt: skip
    fig.update_layout(barmode="stack", yaxis_title="articles", xaxis_title=None)
    whole_counts(fig, totals_by_period)
    _date_axis(fig, df["period"])
    periods = pd.to_datetime(pd.Series(list(df["period"]))).dropna().unique()
    if len(periods) == 1:  # room for the one bar, whatever the period's length
        half = pd.Timedelta(milliseconds=PERIOD_MS.get(granularity, PERIOD_MS["day"]))
        d = pd.Timestamp(periods[0])
        # one tick, the bar's own date: over the two days of a day's range Plotly ticked every
        # few hours, "09 Dec 2016" four times then "10 Dec 2016" four times (the sample's view)
        fig.update_xaxes(range=[d - half, d + half], dtick=None, tickvals=[d])
    _style(fig, title=f"Articles per {granularity}", height=390)
    # Eleven outlets wrap to two rows at 1280 px, and a legend above the plot then ran into
    # the title ("Articles per month" touching the first key): below the date axis it has
    # room, as the Entities page's mentions have.
    fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="left", x=0),
        margin=dict(b=60),
    )
    return fig


def top_speakers(df: pd.DataFrame) -> go.Figure:
    """Horizontal bars: quotes per speaker (polarity in the hover; the Speakers page charts it)."""
    df = df.iloc[::-1]  # the most quoted at the top
    fig = go.Figure(
        go.Bar(
            x=df["n_quotes"],
            y=df["speaker"],
            orientation="h",
            marker_color="#1f5fa8",
            customdata=np.stack([df["speaker"], df["polarity"], df["n_articles"]], axis=1),
            hovertemplate="<b>%{customdata[0]}</b><br>%{x} quotes in %{customdata[2]} articles"
            "<br>mean polarity %{customdata[1]:.2f}<extra></extra>",
        )
    )
    fig.update_layout(xaxis_title="quotes", yaxis_title=None)
    whole_counts(fig, df["n_quotes"], axis="x")
    return _style(fig, title="Who is quoted most", height=_bar_height(len(df)))


HIGHLIGHT_LINE = "#111"


def _bold(names, highlight) -> list[str]:
    return [f"<b>{n}</b>" if n in highlight else str(n) for n in names]


def _quote_count_labels(df: pd.DataFrame, highlight=()) -> list[str]:
    """'Name · 16', or 'Name · 3, too few' where there are too few quotes for an interval; the
    names in ``highlight`` in bold."""
    return [
        f"{_bold([s], highlight)[0]} · {n}" + (", too few" if f else "")
        for s, n, f in zip(df["speaker"], df["n_quotes"], df["_few"], strict=True)
    ]


def top_and_highlighted(
    df: pd.DataFrame, highlight: tuple[str, ...], top: int | None
) -> pd.DataFrame:
    """The first ``top`` speakers of ``df`` and, after them, the ones in ``highlight`` that are
    not among them (all of ``df`` when ``top`` is None)."""
    if top is None:
        return df
    shown = df.head(top)
    return pd.concat([shown, df[df["speaker"].isin(highlight) & ~df.index.isin(shown.index)]])


def speaker_polarity(
    df: pd.DataFrame,
    *,
    highlight: tuple[str, ...] = (),
    scorer: str = "TextBlob",
    top: int | None = None,
) -> go.Figure:
    """Horizontal bars: mean polarity per speaker with its 95% interval as an error bar,
    labelled with the number of quotes. Speakers with too few quotes for an interval (``few``)
    are drawn faint, without an error bar, below the others and labelled "too few"; they are not
    ranked among the speakers whose tone is measured. Speakers in ``highlight`` (the ones the
    reader filtered on) are outlined and their names set in bold, and shown even beyond the
    first ``top`` speakers. ``scorer`` names the scorer in the title."""
    df = top_and_highlighted(df, highlight, top)
    # Over 60 lines: one Plotly bar trace written out attribute by attribute (colour, interval,
    # labels, hover); split up, each attribute would sit away from the bar it styles.
    few = df["few"] if "few" in df else pd.Series(False, index=df.index)
    # Plotly draws the first row at the bottom: the uncertain ones first, then by polarity.
    df = df.assign(_few=few.astype(bool)).sort_values(["_few", "polarity"], ascending=[False, True])
    marked = [s in highlight for s in df["speaker"]]
    low = df["ci_low"] if "ci_low" in df else df["polarity"]
    high = df["ci_high"] if "ci_high" in df else df["polarity"]
    span = _polarity_span(df["polarity"], low, high)
    fig = go.Figure(
        go.Bar(
            x=df["polarity"],
            y=df["speaker"],
            orientation="h",
            marker=dict(
                color=df["polarity"],
                colorscale=SENTIMENT_SCALE,
                cmin=-0.4,
                cmax=0.4,
                opacity=[0.35 if f else 1.0 for f in df["_few"]],
                line=dict(width=[2 if m else 0 for m in marked], color=HIGHLIGHT_LINE),
            ),
            error_x=dict(
                type="data",
                symmetric=False,
                array=(high - df["polarity"]).fillna(0).clip(lower=0),
                arrayminus=(df["polarity"] - low).fillna(0).clip(lower=0),
                color="#444",
                thickness=1.2,
                width=4,
            ),
            customdata=np.stack(
                [df["speaker"], df["n_quotes"], df["subjectivity"], low, high], axis=1
            ),
            hovertemplate="<b>%{customdata[0]}</b><br>mean polarity %{x:.2f}"
            " (95% interval %{customdata[3]:.2f} … %{customdata[4]:.2f})"
            "<br>subjectivity %{customdata[2]:.2f}<br>%{customdata[1]} quotes<extra></extra>",
        )
    )
    fig.update_layout(
        xaxis=dict(
            # two short lines: the plot is 144 px wide at 1280 px (its names take the rest),
            # and one line ran past the chart's edge ("mean polarity, 95% interva")
            title=TONE_AXIS_TITLE,
            range=[-span, span],
            # three ticks, level: where long names ("International Federation of the Red
            # Cross · 3, too few") left the plot 95 px, Plotly turned its five tick labels
            # on end to fit them
            tickvals=[-(tick := _tone_tick(span)), 0, tick],
            tickangle=0,
        ),
        yaxis=dict(
            title=None,
            tickmode="array",
            tickvals=list(df["speaker"]),
            # The number of quotes beside the name, not on the bar (where it ran into the
            # interval's whiskers).
            ticktext=_quote_count_labels(df, highlight),
        ),
    )
    fig.add_vline(x=0, line_color="#999", line_width=1)
    return _style(
        fig, title=f"Tone of each speaker's words ({scorer})", height=_bar_height(len(df))
    )


TONE_AXIS_TITLE = "mean polarity<br>(95% interval)"


# The tone axis's ticks either side of neutral: the largest of these inside the axis.
TONE_TICKS = (0.1, 0.2, 0.25, 0.4, 0.5, 0.8, 1.0)


def _tone_tick(span: float) -> float:
    """Where :func:`speaker_polarity`'s outer ticks go on an axis ``span`` either side of 0."""
    return max((t for t in TONE_TICKS if t <= span * 0.96), default=TONE_TICKS[0])


def _polarity_span(polarity: pd.Series, low: pd.Series, high: pd.Series) -> float:
    """Half the width of :func:`speaker_polarity`'s value axis. News quotes sit close to
    neutral; the colours are scaled to the data's own range so that a -0.2 reads as clearly
    negative (the axis still shows the true values, and the intervals)."""
    span = max(0.25, float(polarity.abs().max()) * 1.6)
    if high.notna().any():
        span = max(span, float(np.nanmax(np.abs(np.r_[low.dropna(), high.dropna()]))) * 1.05)
    return min(span, 1.05)


def polarity_subjectivity(
    df: pd.DataFrame, *, highlight: tuple[str, ...] = (), top: int | None = None
) -> go.Figure:
    """Scatter: polarity against subjectivity per speaker, sized by number of quotes; speakers in
    ``highlight`` are always named, in bold, with a heavier outline, and shown even beyond the
    first ``top`` speakers."""
    df = top_and_highlighted(df, highlight, top)
    size = df["n_quotes"].astype(float)
    marked = [s in highlight for s in df["speaker"]]
    sizeref = 2.0 * max(size.max(), 1) / (46.0**2)
    x_range, y_range = _scatter_ranges(df)
    radii = [_marker_radius(float(v), sizeref, SCATTER_SIZEMIN) for v in size]
    positions = _scatter_label_positions(df, size, radii, marked, x_range, y_range)
    # each name as drawn, beside its bubble or on a leader: long ones in two lines, chosen in bold
    shown = [
        f"<b>{label_layout.wrap(str(s))}</b>" if m else label_layout.wrap(str(s))
        for s, m in zip(df["speaker"], marked, strict=True)
    ]
    fig = go.Figure(
        go.Scatter(
            x=df["polarity"],
            y=df["subjectivity"],
            mode="markers+text",
            # The most quoted are named where a name fits without covering another name or
            # bubble (the chosen speakers always, in bold): beside the bubble, else further out
            # on a line to it (annotations below); the rest are in the hover.
            text=[
                name if isinstance(pos, str) else ""
                for name, pos in zip(shown, positions, strict=True)
            ],
            textposition=[pos if isinstance(pos, str) else "top center" for pos in positions],
            # the size the placer measures names at; a name at the plot's edge is not cut off
            textfont=dict(size=11),
            cliponaxis=False,
            marker=dict(
                size=size,
                sizemode="area",
                sizeref=sizeref,
                sizemin=SCATTER_SIZEMIN,
                color=df["polarity"],
                colorscale=SENTIMENT_SCALE,
                cmin=-0.5,
                cmax=0.5,
                line=dict(width=[3 if m else 1 for m in marked], color=HIGHLIGHT_LINE),
            ),
            customdata=np.stack([df["speaker"], df["n_quotes"]], axis=1),
            hovertemplate="<b>%{customdata[0]}</b><br>polarity %{x:.2f}, subjectivity %{y:.2f}"
            "<br>%{customdata[1]} quotes<extra></extra>",
        )
    )
    # A leader's name is set in data coordinates (axref/ayref), not in pixels from its bubble:
    # placed for the narrowest plot area, on a wider one its line then keeps clear of what it
    # was placed clear of (in pixels, the bubbles spread and the line crossed them: the 1,400 px
    # report drew Michael Howard's across Tony Blair's bubble).
    sx, sy = label_layout.Canvas(*SCATTER_CANVAS, x_range, y_range).scale()
    for row, radius, pos, name in zip(
        df.itertuples(index=False), radii, positions, shown, strict=True
    ):
        if isinstance(pos, label_layout.Leader):
            fig.add_annotation(
                x=row.polarity, y=row.subjectivity, text=name,
                ax=row.polarity + pos.dx / sx, ay=row.subjectivity - pos.dy / sy,
                axref="x", ayref="y",
                showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor="#9a9a9a",
                standoff=radius, font=dict(size=11, color="#505866"),
            )  # fmt: skip
    # A polarity unit is as many pixels on every screen as on the narrowest plot area the names
    # were placed for: a wider column shows more of the polarity axis (centred on 0) rather than
    # stretching the bubbles apart. Stretched, a leader's line grew with the column: at 1920 px
    # Robert Kilroy-Silk's name sat 120 px from his bubble, across the chart.
    fig.update_layout(
        xaxis=dict(
            title="polarity", range=list(x_range), zeroline=True,
            scaleanchor="y", scaleratio=sx / sy, constrain="range",
        ),
        yaxis=dict(title="subjectivity", range=list(y_range)),
    )  # fmt: skip
    return _style(fig, title="Polarity and subjectivity (size = quotes)", height=460)


# The speakers' scatter: a half-width column of the wide layout; names are placed for the plot
# area it has there at 1280 px with the sidebar open (measured: 323 × 346 px; see label_layout);
# at most this many names, the most quoted first. (420 px, the column's width before the axis's
# margin, set names past the plot's right edge, where the chart cut them: "Michael Howar".)
SCATTER_CANVAS = (320.0, 345.0)
SCATTER_SIZEMIN = 6
SCATTER_MAX_NAMES = 15
# ... and the speakers this many places from either end of the polarity axis, where they fit.
SCATTER_EXTREME_NAMES = 2
# (placed after the names of this many most quoted)
SCATTER_EXTREMES_AFTER = 5


def _marker_radius(size: float, sizeref: float, sizemin: float) -> float:
    """The radius, in pixels, Plotly draws an area-sized marker (plotly.js makeBubbleSizeFn)."""
    return max(math.sqrt(max(size, 0.0) / 2.0 / sizeref), sizemin)


def _scatter_ranges(df: pd.DataFrame) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axes zoomed on the speakers (news quotes sit within ±0.3 of neutral: the full −1…1 range
    piled them in the middle), polarity symmetric about 0, both inside the scales' bounds."""
    pol = df["polarity"].astype(float).abs().max() if len(df) else 0.0
    half = min(1.05, max(0.25, 1.2 * float(pol if pol == pol else 0.0)))
    subj = df["subjectivity"].astype(float) if len(df) else pd.Series([0.0, 1.0])
    low = max(-0.05, float(subj.min()) - 0.1) if subj.notna().any() else -0.05
    high = min(1.05, float(subj.max()) + 0.1) if subj.notna().any() else 1.05
    if high - low < 0.3:
        low, high = max(-0.05, low - 0.15), min(1.05, high + 0.15)
    return (-half, half), (low, high)


def _scatter_label_positions(df, size, radii, marked, x_range, y_range) -> list:
    canvas = label_layout.Canvas(*SCATTER_CANVAS, x_range, y_range)
    # Most quoted first; beyond the first few only the chosen are candidates, and the speakers
    # at the ends of the polarity axis: the most positive and most negative bubbles are the
    # ones a reader wants named (unnamed, they had read as anonymous outliers: review 50).
    order = sorted(range(len(df)), key=lambda i: -float(size.iloc[i]))
    polarity = df["polarity"].astype(float).reset_index(drop=True)
    ends = polarity.dropna().sort_values()
    extremes = [*ends.index[:SCATTER_EXTREME_NAMES], *ends.index[-SCATTER_EXTREME_NAMES:]]
    ends_first = [int(i) for i in extremes if int(i) not in order[:SCATTER_EXTREMES_AFTER]]
    named = set(order[:SCATTER_MAX_NAMES]) | set(ends_first)
    # placed right after the few most quoted, before the leaders of the rest take their room
    rest = [i for i in order if i not in ends_first]
    order = [
        *rest[:SCATTER_EXTREMES_AFTER],
        *dict.fromkeys(ends_first),
        *rest[SCATTER_EXTREMES_AFTER:],
    ]
    texts = [
        label_layout.wrap(str(s)) if (i in named or m) else ""
        for i, (s, m) in enumerate(zip(df["speaker"], marked, strict=True))
    ]
    return label_layout.place_labels(
        df["polarity"].astype(float).tolist(), df["subjectivity"].astype(float).tolist(),
        texts, radii, canvas, order=order, must=marked, leaders=True,
    )  # fmt: skip


def _band_polygons(part: pd.DataFrame, step: pd.Timedelta | None) -> tuple[list, list, np.ndarray]:
    """The interval band of one speaker's series as closed polygons, one per run of
    consecutive periods (at most ``step`` apart) that all have an interval (upper edge
    forwards, lower edge back), separated by gaps; and which periods have an interval but stand
    alone (no band can be drawn for one period). A single trace filled "tonexty" across periods
    without an interval joined the runs into triangles spanning years, and a band between two
    periods months apart claimed a certainty for the months between."""
    has = part["ci_low"].notna().to_numpy() & part["ci_high"].notna().to_numpy()
    gaps = part["period"].diff().to_numpy()
    xs, ys = [], []
    alone = np.zeros(len(part), dtype=bool)
    periods = list(part["period"])
    low, high = part["ci_low"].tolist(), part["ci_high"].tolist()
    i = 0
    while i < len(part):
        if not has[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(part) and has[j + 1] and (step is None or gaps[j + 1] <= step):
            j += 1
        if j == i:
            alone[i] = True
        else:
            xs += periods[i : j + 1] + periods[i : j + 1][::-1] + [None]
            ys += high[i : j + 1] + low[i : j + 1][::-1] + [None]
        i = j + 1
    return xs, ys, alone


def _period_step(periods) -> pd.Timedelta | None:
    """How far apart two consecutive periods of a series can be: half as far again as the
    closest two (a month of 31 days after February's 28; a week; a year of 366 days)."""
    spacing = pd.Series(sorted(set(pd.to_datetime(pd.Series(list(periods)))))).diff().dropna()
    spacing = spacing[spacing > pd.Timedelta(0)]
    return spacing.min() * 1.5 if len(spacing) else None


def with_breaks(x: pd.Series, y: pd.Series, *, max_gap_days: float) -> tuple[list, list]:
    """``x, y`` as lists with a ``None`` point wherever consecutive ``x`` dates are further apart
    than ``max_gap_days`` (Plotly breaks a line at ``None``)."""
    xs, ys, prev = [], [], None
    for xv, yv in zip(pd.to_datetime(x), y, strict=True):
        if prev is not None and (xv - prev).days > max_gap_days:
            xs.append(None)
            ys.append(None)
        xs.append(xv)
        ys.append(yv)
        prev = xv
    return xs, ys


# The finest period whose count over the span a timeline covers stays readable (at most about
# 60 days, 60 weeks or 120 months): a week's points over the real store's four years were 210
# thin bands; by span the same chart opens by month. The reader's choice overrides it.
PERIOD_SPANS = (("day", 62), ("week", 7 * 60), ("month", 31 * 120))
# The periods a timeline offers, "auto" first (:func:`period_for_span`).
PERIOD_CHOICES = ["auto", "day", "week", "month", "year"]
AUTO_PERIOD_HELP = (
    "auto: by the span of the dates shown — days up to two months, weeks up to about a year, "
    "months up to ten years, else years."
)


def period_for_span(first, last) -> str:
    """The period ``auto`` means for a timeline from ``first`` to ``last`` (dates): day up to
    two months, week up to about 14 months, month up to ten years, else year."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return "week"
    days = (pd.Timestamp(last) - pd.Timestamp(first)).days
    return next((period for period, most in PERIOD_SPANS if days <= most), "year")


def sentiment_over_time(
    df: pd.DataFrame, *, scorer: str = "TextBlob", period: str | None = None
) -> go.Figure:
    """Lines: mean polarity per period for each chosen speaker, in a band of its 95% interval
    (``ci_low``/``ci_high``), over the periods with at least
    :data:`~analysis.uncertainty.MIN_QUOTES` quotes; a period with fewer is a hollow point of
    its own, off the line and without a band (drawn, their [−1, 1] intervals had filled a
    week's chart with full-height stripes, and the line zigzagged between one-quote weeks)."""
    fig = go.Figure()
    hover_day = PERIOD_HOVER.get(period or "day", "%d %b %Y")
    step = _period_step(df["period"])
    few = df["few"] if "few" in df else df["n_quotes"] < uncertainty.MIN_QUOTES
    df = df.assign(few=few.fillna(True).astype(bool))
    # The line breaks where periods are not consecutive: a line across months or years with
    # no measured quote claimed a trend nobody measured.
    gap = step / pd.Timedelta(days=1) if step is not None else float("inf")
    for i, (speaker, part) in enumerate(df.groupby("speaker", sort=True)):
        part = part.sort_values("period", kind="stable")
        colour = PALETTE[i % len(PALETTE)]
        measured, thin = part[~part["few"]], part[part["few"]]
        alone = None
        if "ci_low" in measured and measured["ci_low"].notna().any():
            band_x, band_y, alone = _band_polygons(measured, step)
            fig.add_scatter(
                x=band_x, y=band_y, mode="lines", line=dict(width=0), fill="toself",
                fillcolor=_translucent(colour), showlegend=False, hoverinfo="skip",
                legendgroup=str(speaker),
            )  # fmt: skip
        broken = functools.partial(with_breaks, measured["period"], max_gap_days=gap)
        xs, ys = broken(measured["polarity"])
        quotes = broken(measured["n_quotes"])[1]
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines+markers",
            connectgaps=False,
            name=str(speaker),
            legendgroup=str(speaker),
            # a speaker quoted only in thin periods still has a legend entry (the hollow points)
            showlegend=not measured.empty,
            line=dict(color=colour),
            marker=dict(size=[6 if n is None else _quote_marker(n) for n in quotes]),
            customdata=[[n, speaker] for n in quotes],
            hovertemplate="%{x|" + hover_day + "}: polarity %{y:.2f} over %{customdata[0]} quotes"
            "<extra>%{customdata[1]}</extra>",
            # A period whose neighbours have no interval gets its interval as an error bar.
            error_y=None
            if alone is None or not alone.any()
            else dict(
                type="data",
                symmetric=False,
                color=_translucent(colour),
                thickness=6,
                width=0,
                array=broken(np.where(alone, measured["ci_high"] - measured["polarity"], np.nan))[
                    1
                ],
                arrayminus=broken(
                    np.where(alone, measured["polarity"] - measured["ci_low"], np.nan)
                )[1],
            ),
        )
        if not thin.empty:
            fig.add_scatter(
                x=thin["period"], y=thin["polarity"], mode="markers", name=str(speaker),
                legendgroup=str(speaker), showlegend=measured.empty,
                marker=dict(symbol="circle-open", color=colour, size=8, line=dict(width=1.5)),
                customdata=[[n, speaker] for n in thin["n_quotes"]],
                hovertemplate="%{x|" + hover_day + "}: polarity %{y:.2f} over only "
                "%{customdata[0]} "
                "quote(s), too few for an interval<extra>%{customdata[1]}</extra>",
            )  # fmt: skip
    if df["few"].any():
        # the key says what a hollow point is, in the chart itself (and so in its PNG)
        fig.add_scatter(
            x=[None], y=[None], mode="markers", name=f"hollow: fewer than "
            f"{uncertainty.MIN_QUOTES} quotes", marker=dict(symbol="circle-open", color="#777",
            size=8), hoverinfo="skip",
        )  # fmt: skip
    fig.add_hline(y=0, line_color="#999", line_width=1)
    fig.update_layout(yaxis=dict(title=f"mean polarity ({scorer}), 95% band", range=[-1.05, 1.05]))
    _date_axis(fig, df["period"])
    per = f", per {period}" if period else ""
    _style(fig, title=f"Sentiment over time ({scorer}){per}", height=400)
    return _room_for_legend(fig, [t.name for t in fig.data if t.showlegend is not False])


# The narrowest plot a full-width chart is drawn in (a 1024-px screen with the sidebar open:
# 560 px, less the margins), and what a horizontal legend's entry takes beside its text (the
# line-and-marker symbol and the gap to the next entry), at the charts' 13-px font.
NARROW_PLOT_PX = 540
LEGEND_ITEM_PX, LEGEND_CHAR_PX = 50, 7.0
# A row of such a legend (a line-and-marker symbol's), and the title's line above it.
LEGEND_ROW_PX, TITLE_ROW_PX = 30, 36


def _legend_rows(names, width_px: float = NARROW_PLOT_PX) -> int:
    """How many rows a horizontal legend of ``names`` wraps to at ``width_px``."""
    rows, used = 1, 0.0
    for name in names:
        item = LEGEND_ITEM_PX + LEGEND_CHAR_PX * len(str(name))
        if used and used + item > width_px:
            rows, used = rows + 1, 0.0
        used += item
    return rows


def _room_for_legend(fig: go.Figure, names) -> go.Figure:
    """The title kept above a top legend that wraps on a narrow page: the legend grows upwards
    from the plot, and at 1024 px the Speakers' "Sentiment over time" key (three speakers and
    the hollow points' entry) wrapped to two rows, the first drawn over the title."""
    rows = _legend_rows(names)
    if rows > 1:
        top = TITLE_ROW_PX + LEGEND_ROW_PX * rows
        fig.update_layout(
            title=dict(y=1, yanchor="top", yref="container", pad=dict(t=10)),
            margin=dict(t=top),
            height=(fig.layout.height or 400) + top - (fig.layout.margin.t or 50),
        )
    return fig


def _quote_marker(n: float) -> float:
    """A point's size by its quotes: a period of many quotes weighs more than one of five."""
    return float(np.clip(4 + 2 * np.sqrt(n), 6, 24))


def _translucent(hex_colour: str, alpha: float = 0.18) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def attitude_matrix(df: pd.DataFrame, *, scorer: str = "TextBlob") -> go.Figure:
    """Who speaks about whom, and how: one marker per (holder, target) with attitudes, coloured by
    the mean polarity and sized by how many there are. ``customdata`` = (holder, target) so a
    click can open the sentences. A cell of fewer than
    :data:`~analysis.uncertainty.MIN_CELL_SENTENCES` sentences is drawn faded and its hover says
    so: one sentence's colour is not a settled attitude."""
    size = df["n"].astype(float)
    few = (df["n"] < uncertainty.MIN_CELL_SENTENCES).to_numpy()
    note = np.where(few, "<br><i>few sentences: not a settled attitude</i>", "")
    fig = go.Figure(
        go.Scatter(
            x=df["target"],
            y=df["holder"],
            mode="markers",
            marker=dict(
                size=size,
                sizemode="area",
                sizeref=2.0 * max(size.max(), 1) / (34.0**2),
                sizemin=7,
                color=df["polarity"],
                colorscale=SENTIMENT_SCALE,
                cmin=-0.5,
                cmax=0.5,
                colorbar=dict(title="mean<br>polarity", thickness=12),
                line=dict(width=1, color="#666"),
                opacity=np.where(few, 0.3, 0.95),
            ),
            customdata=np.stack([df["holder"], df["target"], df["n"], note], axis=1),
            hovertemplate="<b>%{customdata[0]}</b> about <b>%{customdata[1]}</b><br>mean "
            "polarity %{marker.color:.2f} over %{customdata[2]} mention(s)%{customdata[3]}"
            "<extra></extra>",
        )
    )
    fig.update_layout(
        xaxis=dict(title="about (target)", tickangle=-35, type="category"),
        yaxis=dict(title="who (holder)", type="category", autorange="reversed"),
    )
    # Rows of their own height above the targets' slanted names (which take up to 150 px).
    height = max(360, 190 + 34 * df["holder"].nunique())
    return _style(fig, title=f"Who speaks about whom, and how ({scorer})", height=height)


def top_entities(df: pd.DataFrame, *, title: str = "Most covered") -> go.Figure:
    """Horizontal bars: articles naming each entity, coloured by type (mentions when every
    entity is in one article only, as in a single-article corpus, where articles say nothing)."""
    by_mentions = int(df["n_articles"].max()) <= 1
    # Plotly draws the first row at the bottom: reverse the ranking so the top is on top.
    df = df.iloc[::-1]
    if by_mentions:
        df = df.sort_values("n_mentions", kind="stable")
    # One trace per type, so the legend says what each colour is (the bars keep the ranking's
    # order through the category array).
    fig = go.Figure()
    labels = list(dict.fromkeys(df["label"].iloc[::-1]))  # in order of first appearance
    for lab in labels:
        part = df[df["label"] == lab]
        fig.add_bar(
            x=part["n_mentions" if by_mentions else "n_articles"],
            y=part["name"],
            orientation="h",
            name=label_name(lab),
            marker_color=LABEL_COLOURS.get(lab, "#7f7f7f"),
            # both counts from the data, whichever the bars show (the hover had called the
            # mentions drawn "articles")
            customdata=np.stack(
                [part["name"], part["label"], part["n_mentions"], part["n_articles"]], axis=1
            ),
            hovertemplate="<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[3]} "
            "articles, %{customdata[2]} mentions<extra></extra>",
        )
    fig.update_layout(
        xaxis_title="mentions" if by_mentions else "articles",
        yaxis=dict(title=None, categoryorder="array", categoryarray=list(df["name"])),
        barmode="overlay",
    )
    whole_counts(fig, df["n_mentions" if by_mentions else "n_articles"], axis="x")
    if len(labels) < 2:
        return _style(fig, title=title, height=_bar_height(len(df)))
    # The key between the title and the bars as one annotation, two types a line: Plotly's
    # own horizontal legend wraps at the plot's width, which long names leave narrow (one
    # type a line, drawn over the title at half the page's width).
    keys = [
        f"<span style='color:{LABEL_COLOURS.get(lab, '#7f7f7f')}'>■</span> {label_name(lab)}"
        for lab in labels
    ]
    lines = ["&nbsp;&nbsp;&nbsp;".join(keys[i : i + 2]) for i in range(0, len(keys), 2)]
    height = _bar_height(len(df)) + 20 * len(lines)
    _style(fig, title=title, height=height)
    fig.update_layout(
        showlegend=False,
        title=dict(y=1, yanchor="top", pad=dict(t=10)),
        margin=dict(t=44 + 20 * len(lines)),
    )
    fig.add_annotation(
        text="<br>".join(lines), xref="paper", x=1, xanchor="right", yref="paper", y=1,
        yanchor="bottom", yshift=6, showarrow=False, align="left", font=dict(size=12),
    )  # fmt: skip
    return fig


def entity_mentions_over_time(df: pd.DataFrame, *, period: str | None = None) -> go.Figure:
    """Lines: mentions per period of each entity, broken where periods without a mention lie
    between (a line across them drew mentions nobody made)."""
    fig = go.Figure()
    hover_day = PERIOD_HOVER.get(period or "day", "%d %b %Y")
    step = _period_step(df["period"])
    gap = step / pd.Timedelta(days=1) if step is not None else float("inf")
    for i, (name, part) in enumerate(df.groupby("name", sort=True)):
        part = part.sort_values("period", kind="stable")
        xs, ys = with_breaks(part["period"], part["n_mentions"], max_gap_days=gap)
        articles = with_breaks(part["period"], part["n_articles"], max_gap_days=gap)[1]
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines+markers",
            connectgaps=False,
            name=str(name),
            line=dict(color=PALETTE[i % len(PALETTE)]),
            customdata=[[name, n] for n in articles],
            hovertemplate="%{x|" + hover_day + "}: %{y} mentions in %{customdata[1]} articles"
            "<extra>%{customdata[0]}</extra>",
        )
    fig.update_layout(yaxis_title="mentions")
    whole_counts(fig, df["n_mentions"])
    _date_axis(fig, df["period"])
    _style(fig, title=f"Mentions per {period}" if period else "Mentions over time", height=400)
    # Five names wrap to two rows in a half-width column, and a legend above the plot then
    # covers the title: below the date axis it has room. Shown for one name too: Plotly hides
    # a lone line's key, and the Entities page filtered on Aleppo drew a line named nowhere.
    fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=-0.15, xanchor="left", x=0),
        margin=dict(b=70),
        showlegend=True,
    )
    return fig


def network_layout(nodes: list[str], edges: pd.DataFrame, *, seed: int = 7) -> dict:
    """Force-directed positions (Fruchterman–Reingold, a few hundred steps of numpy) for a
    graph of at most a few hundred nodes; deterministic for a given input.

    Two changes from the textbook version keep a real corpus's network readable: the pull of
    an edge grows with its weight only linearly from 0.3 to 1 (log weights of hundreds of
    sentences pulled the hubs into one clump), and a gravity towards the centre keeps
    components that share no edge from drifting to the corners (which shrank the rest)."""
    n = len(nodes)
    if n == 0:
        return {}
    index = {name: i for i, name in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1) + rng.normal(0, 0.05, (n, 2))
    a = np.zeros((n, n))
    top = max(float(edges["weight"].max()), 1e-9) if len(edges) else 1.0
    for row in edges.itertuples(index=False):
        i, j = index[row.name_a], index[row.name_b]
        a[i, j] = a[j, i] = 0.3 + 0.7 * row.weight / top
    k = 1.6 / math.sqrt(n)  # ideal edge length: larger spreads crowded graphs
    temperature = 0.2
    for _ in range(300):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.linalg.norm(delta, axis=2) + 1e-9
        force = (k * k / dist**2 - a * dist / k)[:, :, None] * delta
        gravity = NETWORK_GRAVITY * pos * np.linalg.norm(pos, axis=1, keepdims=True) / k
        move = force.sum(axis=1) - gravity
        length = np.linalg.norm(move, axis=1, keepdims=True) + 1e-9
        pos += move / length * np.minimum(length, temperature)
        pos -= pos.mean(axis=0)  # keep the graph centred
        temperature *= 0.985
    return {name: tuple(pos[i]) for name, i in index.items()}


NETWORK_GRAVITY = 0.2
# Nodes drawn at least this far apart, rim to rim, in pixels of NETWORK_CANVAS.
NODE_GAP_PX = 4.0


def apart(pos: dict, radii_px: dict, *, rounds: int = 60) -> dict:
    """``pos`` with every two nodes at least their radii (in pixels, as drawn on
    :data:`NETWORK_CANVAS`) and :data:`NODE_GAP_PX` apart: two hubs sharing their neighbours
    came out of the force layout on top of each other (Russia and the United States on the
    real store's Entities page: one disc, one name). Each round pushes every overlapping pair
    apart along the line between them, each by half the overlap; the plot's scale is measured
    again each round, as spreading widens the ranges."""
    names = list(pos)
    if len(names) < 2:
        return dict(pos)
    xy = np.array([pos[n] for n in names], dtype=float)
    radius = np.array([radii_px[n] for n in names], dtype=float)
    need_px = radius[:, None] + radius[None, :] + NODE_GAP_PX
    np.fill_diagonal(need_px, 0.0)
    for _ in range(rounds):
        x_range, y_range = _padded_ranges(xy.tolist())
        scale = label_layout.Canvas(*NETWORK_CANVAS, x_range, y_range, equal_aspect=True).scale()
        # the margin a round's push leaves: spreading widens the ranges and shrinks the scale
        need = need_px * 1.05 / scale[0]
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.linalg.norm(delta, axis=2)
        short = np.clip(need - dist, 0.0, None)
        np.fill_diagonal(short, 0.0)
        if not short.any():
            break
        # two nodes on one spot: apart along a fixed direction, by their order
        same = dist < 1e-9
        direction = np.where(same[:, :, None], np.array([1.0, 0.0]), delta)
        direction = direction / np.maximum(np.linalg.norm(direction, axis=2, keepdims=True), 1e-9)
        sign = np.where(same, np.sign(np.arange(len(names))[:, None] - np.arange(len(names))), 1.0)
        xy += (direction * (short * sign / 2)[:, :, None]).sum(axis=1)
    return {n: (float(x), float(y)) for n, (x, y) in zip(names, xy, strict=True)}


def cooccurrence_network(pairs: pd.DataFrame) -> go.Figure:
    """A network: entities as nodes (size = sentences shared, colour = type), an edge for each
    pair named in the same sentence (width = how often)."""
    labels = dict(zip(pairs["name_a"], pairs["label_a"], strict=False))
    labels.update(zip(pairs["name_b"], pairs["label_b"], strict=False))
    strength: dict[str, float] = {}
    for row in pairs.itertuples(index=False):
        strength[row.name_a] = strength.get(row.name_a, 0) + row.weight
        strength[row.name_b] = strength.get(row.name_b, 0) + row.weight
    nodes = sorted(strength, key=lambda s: (-strength[s], s))
    top_strength = max(strength.values())
    diameter = {n: 10 + 22 * math.sqrt(strength[n] / top_strength) for n in nodes}
    pos = apart(network_layout(nodes, pairs), {n: d / 2 for n, d in diameter.items()})
    fig = go.Figure()
    top = float(pairs["weight"].max())
    for row in pairs.itertuples(index=False):
        (x0, y0), (x1, y1) = pos[row.name_a], pos[row.name_b]
        fig.add_scatter(
            x=[x0, x1],
            y=[y0, y1],
            mode="lines",
            line=dict(width=0.6 + 4 * row.weight / top, color="rgba(120,120,120,0.45)"),
            hoverinfo="skip",
            showlegend=False,
        )
    x_range, y_range = _padded_ranges([pos[n] for n in nodes])
    canvas = label_layout.Canvas(*NETWORK_CANVAS, x_range, y_range, equal_aspect=True)
    # Each name on the side of its node clearest of the edges (a hub's name had sat across the
    # edges leaving it), a long one in two lines.
    index = {n: i for i, n in enumerate(nodes)}
    shown = {n: label_layout.wrap(n) for n in nodes}
    edges = [(index[a], index[b]) for a, b in zip(pairs["name_a"], pairs["name_b"], strict=True)]
    placed = label_layout.place_labels(
        [pos[n][0] for n in nodes], [pos[n][1] for n in nodes], [shown[n] for n in nodes],
        [diameter[n] / 2 for n in nodes], canvas,
        edges=edges,
    )  # fmt: skip
    where = dict(zip(nodes, placed, strict=True))
    for label in sorted({labels[n] for n in nodes}):
        names = [n for n in nodes if labels[n] == label]
        s = np.array([strength[n] for n in names], dtype=float)
        fig.add_scatter(
            x=[pos[n][0] for n in names],
            y=[pos[n][1] for n in names],
            mode="markers+text",
            name=label_name(label),
            # Named where the name fits clear of the others; every node is in the hover and
            # in the table beside the chart.
            text=[shown[n] if where[n] else "" for n in names],
            textposition=[where[n] or "top center" for n in names],
            # A white halo: where an edge still passes a name (a hub with edges on every
            # side), the name stays readable over it. Scatter text has no background; an
            # annotation's would, but the name would then no longer be part of the node.
            textfont=dict(size=11, shadow=NAME_HALO),
            marker=dict(
                size=[diameter[n] for n in names],
                color=LABEL_COLOURS.get(label, "#7f7f7f"),
                line=dict(width=1, color="white"),
            ),
            customdata=np.stack([names, s], axis=1),
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} shared sentences"
            "<extra></extra>",
        )
    fig.update_xaxes(visible=False, range=list(x_range))
    fig.update_yaxes(visible=False, range=list(y_range), scaleanchor="x", scaleratio=1)
    fig = _style(fig, title="Named together in a sentence", height=560)
    # The legend below the plot: five kinds wrap to two rows in this column, and above the
    # plot the second row covered the chart's title (seen on a million-article store).
    return fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=0, xanchor="left", x=0),
        margin=dict(b=60),
    )


# The network: three fifths of the wide layout's main column at 1280 px with the sidebar open
# (measured: 464 px), 560 px tall less title and legend. (540 px set "Damascus" past the edge.)
NETWORK_CANVAS = (460.0, 450.0)
# CSS text-shadow: white on every side, drawn the same in the browser and the PNG/SVG export.
NAME_HALO = "0 0 2px white, 0 0 2px white, 0 0 3px white"


def _padded_ranges(points) -> tuple[tuple[float, float], tuple[float, float]]:
    """Axis ranges holding every point with a margin for markers and names."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-6)
    pad = 0.12 * span
    return (min(xs) - pad, max(xs) + pad), (min(ys) - pad, max(ys) + pad)


# Points of one place further apart than this are not joined by a line (a line across years
# without a report would suggest figures nobody reported).
# The Overview's headline table shows three lines of an article's title in its narrow column; a
# longer title is cut at a word with an ellipsis, so the cut shows (the grid hid a fourth line
# under the row's edge: "… kills at least 58 Observatory" read as the title's end: review 50).
HEADLINE_TITLE_CHARS = 48  # three lines of about 16 characters, wrapped at words


def shortened(text, most: int) -> str:
    """``text`` whole if it has at most ``most`` characters, else cut at the last word that
    fits, with an ellipsis."""
    if not isinstance(text, str) or len(text) <= most:
        return text
    cut = text[: most - 1].rsplit(" ", 1)[0] if " " in text[: most - 1] else text[: most - 1]
    return cut.rstrip(" ,;:–-") + "…"


def headline_cells(heads: pd.DataFrame) -> pd.DataFrame:
    """The Overview's headline figures (:func:`analysis.figure_views.headline_figures`) as
    table cells (:func:`figure_cells`, with the agreement and spread in words), the kind of
    count named where the figure is no news event: "People killed (running total)" — a war's
    "more than 300,000" had headed a year's killed as if one event; long titles shortened
    (:data:`HEADLINE_TITLE_CHARS`)."""
    cells = figure_cells(figure_views.headline_words(heads))
    if "title" in cells:
        cells["title"] = cells["title"].map(lambda t: shortened(t, HEADLINE_TITLE_CHARS))
    if "scope" in heads:
        # a share is a state, not a sum that runs on: "half (running total)" read oddly
        shares = heads["category"].isin(("territory_share", "percent"))
        kinds = heads["scope"].map(lambda s: "" if s in (None, "event") or pd.isna(s) else s)
        kinds = kinds.where(~shares, "")
        cells["what"] = [
            f"{what} ({SCOPE_WORDS.get(kind, kind)})" if kind else what
            for what, kind in zip(cells["what"], kinds, strict=True)
        ]
    return cells


def charted_note(
    series: pd.DataFrame,
    counts: pd.DataFrame,
    *,
    category: str,
    places: int,
    units: pd.DataFrame | None = None,
    unit: str | None = None,
) -> str:
    """What a figure timeline of ``series`` (:func:`analysis.figure_views.figure_series`) leaves
    out of the figures in view, or "" when it draws them all: the figures of undated articles
    (no day to put them on), of places beyond the ``places`` most reported, of groups beyond
    the :data:`~analysis.figure_views.GROUPS_CHARTED` most counted there, those that give
    no number ("hundreds"), and the parts of a toll charted (analysis.summaries.
    CHARTED_WHOLE_SQL: "15 children" of "40 civilians"). The figures in view are the ``category``'s in ``counts``
    (:func:`~analysis.figure_views.category_counts`), or ``unit``'s in ``units``
    (:func:`~analysis.figure_views.figure_units`) when the chart holds one currency. On the
    BBC's undated business stories the money chart drew 2 of 201 dollar figures and said
    nothing of the rest."""
    if unit is not None and units is not None:
        total = int(units.set_index("unit")["n_figures"].get(unit, 0))
    else:
        total = int(counts.set_index("category")["n_figures"].get(category, 0))
    charted = int(series["n_figures"].sum()) if not series.empty else 0
    if charted >= total:
        return ""
    # a currency or a percentage is no group counted, nor a toll with parts: the money chart
    # had said "of the 3 groups most counted there, but the parts of a toll charted" of its
    # one currency
    groups = (
        ""
        if category in MEASURED
        else f" and of the {figure_views.GROUPS_CHARTED} groups most counted there, but the "
        "parts of a toll charted (listed under its point)"
    )
    return (
        f"{charted:,} of the {total:,} figures in view are charted: those with a number, from "
        f"dated articles, at the {places} places most reported{groups}. The table below lists "
        "the others too."
    )


def undated_mentions_note(undated: pd.DataFrame, names, name=str) -> str:
    """What an entity timeline leaves out, or "": the articles naming its ``names`` that have
    no publication date (``undated``: :func:`analysis.entity_views.undated_articles`), in the
    order of ``names``, each written by ``name`` (the page escapes it for Markdown). In an
    archive mixing the BBC's undated stories with dated news, United Kingdom's line lay flat
    at 49 of its 636 articles without a word of the other 587."""
    counts = dict(zip(undated["name"], undated["n_articles"], strict=True))
    parts = [f"{int(counts[n]):,} naming {name(n)}" for n in names if counts.get(n)]
    if not parts:
        return ""
    return "Articles without a publication date are not on the timeline: " + ", ".join(parts) + "."


def undated_quotes_note(stats: pd.DataFrame, timeline: pd.DataFrame, chosen, name=str) -> str:
    """What a sentiment timeline of the ``chosen`` speakers draws from only some of their
    quotes, or "": those quoted in articles with no publication date too (``stats``:
    :func:`analysis.quote_views.speaker_stats`, every quote in view; ``timeline``:
    :func:`analysis.quote_views.sentiment_over_time`, the dated ones). A speaker with no dated
    quote at all is said apart (not on the timeline). In an archive mixing the BBC's undated
    stories with dated news, the United Nations' points stood for 48 of its 51 quotes without
    a word of the other 3."""
    dated = timeline.groupby("speaker")["n_quotes"].sum()
    totals = stats.set_index("speaker")["n_quotes"]
    parts = []
    for speaker in chosen:
        if speaker not in dated.index or speaker not in totals.index:
            continue
        undated = int(totals[speaker]) - int(dated[speaker])
        if undated > 0:
            parts.append(f"{name(speaker)} — {undated:,} of {int(totals[speaker]):,}")
    if not parts:
        return ""
    return (
        "Quotes in articles without a publication date are not on the timeline: "
        + "; ".join(parts)
        + "."
    )


def figure_table_caption(shown: int, total: int, limit: int, *, dated: int | None = None) -> str:
    """The caption of a figure table of ``shown`` rows, of ``total`` figures in view, cut at
    ``limit``: the rows are the newest first and those of undated articles last, so a table
    cut at its limit said "The 1,000 most recent" of the BBC's money, 1,948 figures none of
    them dated, and never of how many. ``dated``: how many of the rows shown have a publication
    date (None: all): rows of undated articles alone have no order of time to claim, and a
    mixed table says how many of its rows come last for want of one."""
    dated = shown if dated is None else dated
    figures = f"{shown:,} figure{'' if shown == 1 else 's'}"
    if shown < limit:
        if shown and not dated:
            return f"{figures}, from articles without a publication date"
        if dated < shown:
            return (
                f"{figures}: the newest first, the {shown - dated:,} of articles without a "
                "publication date last"
            )
        return figures
    if not dated:
        return f"{shown:,} of the {total:,} figures, from articles without a publication date"
    return (
        f"{shown:,} of the {total:,} figures: the newest first, those of articles without a "
        "publication date last"
    )


def sentences_caption(shown: int, limit: int, *, dated: int) -> str:
    """How many sentences of the attitude cells clicked the Speakers page lists, ``dated`` of
    them with a publication date, cut at ``limit``, and in what order: "newest first" of a cell
    of the BBC's undated articles (a mixed store) had claimed an order there is none of."""
    noun = f"sentence{'' if shown == 1 else 's'}"
    cut = " (the most listed)" if shown >= limit else ""
    if not dated:
        return f"{shown:,} {noun}{cut}, from articles without a publication date"
    undated = shown - dated
    if undated:
        return (
            f"{shown:,} {noun}{cut}: the {dated:,} of dated articles newest first, then "
            f"{undated:,} of articles without a publication date"
        )
    if shown >= limit:
        return f"the {shown:,} newest {noun}"
    return f"{shown:,} {noun}, newest first"


def point_period(series: pd.DataFrame) -> str:
    """The period of a figure timeline's points: "day", "week" or "month" (a large archive's:
    :data:`analysis.figure_views.SERIES_MAX_POINTS`), or the reader's choice, "year" too."""
    return str(series["period"].iloc[0]) if "period" in series and len(series) else "day"


# The Figures timeline's "Points per" choice (figure_views.figure_series' period).
FIGURE_PERIOD_HELP = (
    "auto: a point per day, or per week or month where days would make more than "
    f"{figure_views.SERIES_MAX_POINTS:,} points (a large archive). A week's or a month's point "
    "is the median of its figures (of an even count the lower middle one: always a figure an "
    "article gave)."
)


def period_note(series: pd.DataFrame, *, chosen: bool = False) -> str:
    """The caption of a figure timeline whose points are weeks, months or years, "" for days:
    ``chosen`` by the reader, or made so because days would be more than
    :data:`analysis.figure_views.SERIES_MAX_POINTS` points."""
    period = point_period(series)
    if period == "day":
        return ""
    why = (
        "" if chosen else f": a point per day would be more than {figure_views.SERIES_MAX_POINTS:,}"
    )
    return (
        f"Each point is a {period}'s figures at one place, of one kind and group (their median, "
        f"itself one of the figures; the hover gives their range){why}."
    )


TIMELINE_MAX_GAP_DAYS = 62
# Beyond this many points a timeline draws them small, without lines or bars (a large archive).
TIMELINE_MANY_POINTS = 400
# The catch-all categories and money: their figures at one place are different things (a share price, a
# budget, a debt; a poll's share and a turnout), so no line joins them as if one quantity moved.
UNJOINED_CATEGORIES = frozenset({"money", "price", "percent", "people", "other"})
# The figures without a place (figure_views.NO_PLACE): one grey series, last in the legend, never
# joined (they are figures from anywhere, not one place's).
NO_PLACE = figure_views.NO_PLACE
NO_PLACE_COLOUR = "#9e9e9e"
# Categories whose figures at a place are one quantity however they are scoped: the share of
# territory a side holds moves, and a line between its readings says so.
STOCK_CATEGORIES = frozenset({"territory_share"})


# Each scope's marker under "All figures" (Plotly's symbol numbers; +100 is the open form, an
# approximate figure): a day's news toll and a running total at one place are two series, told
# apart by shape as the places are by colour, never one median over both.
SCOPE_SYMBOLS = {"event": 0, "total": 2, "background": 5}  # circle, diamond, triangle-up
SCOPE_SYMBOL_WORDS = {"event": "●", "total": "◆", "background": "▲"}


def scope_key_note(series: pd.DataFrame, *, category: str) -> str:
    """The caption under an "All figures" timeline of ``category``: which marker is which kind
    of figure, and that they are charted apart ("" when the series holds one scope). The
    dashed line is named only where :func:`figure_timeline` draws it."""
    present = [s for s in SCOPE_SYMBOLS if "scope" in series and (series["scope"] == s).any()]
    if len(present) < 2:
        return ""
    kinds = ", ".join(f"{SCOPE_SYMBOL_WORDS[s]} {SCOPE_WORDS[s]}s" for s in present)
    joined = (
        "; running totals are joined by a dashed line" if _totals_lined(series, category) else ""
    )
    return (
        f"All figures: {kinds}, each charted apart (a point is the {point_period(series)}'s "
        f"median of one kind at one place{joined})."
    )


def group_note(series: pd.DataFrame, *, category: str) -> str:
    """The caption under a timeline whose figures count several groups (civilians, children,
    everyone): each is its own series, news events as running totals, so a point is never a
    median across groups ("" when the figures count one group). A part of a toll charted is no
    point of its own (analysis.summaries.CHARTED_WHOLE_SQL): the note says where it is."""
    if "counted" not in series:
        return ""
    counted = series[series["counted"].notna()]
    if counted["counted"].nunique() < 2:
        return ""
    # the groups most counted first (ties by name)
    sizes = counted.groupby("counted")["n_figures"].sum()
    ranked = sorted(sizes.index, key=lambda g: (-sizes[g], g))
    written = written_groups(counted)
    named = [_group_words(g, category, written) or "no group named" for g in ranked]
    shown = ", ".join(named[:4]) + (f" and {len(named) - 4} more" if len(named) > 4 else "")
    # running totals are joined only where the chart draws their lines
    lined = _totals_lined(series, category, rows=counted)
    joined = ", running totals joined to their own group's only" if lined else ""
    return (
        f"Figures of different groups ({shown}) are charted apart: a point is the "
        f"{point_period(series)}'s median of one group's figures at one place{joined}. A part "
        "of a toll charted "
        "(children among the civilians it counts) is listed under its toll's point, not "
        "charted again."
    )


def _totals_lined(series: pd.DataFrame, category: str, rows: pd.DataFrame | None = None) -> bool:
    """Whether :func:`figure_timeline` draws the running totals among ``rows`` (default: all of
    ``series``) joined by a line, which a caption may then name: a chart of few points, of a
    category whose totals are one quantity."""
    rows = series if rows is None else rows
    return (
        "scope" in rows
        and bool((rows["scope"] == "total").any())
        and len(series) <= TIMELINE_MANY_POINTS
        and joins_points(category, "total")
    )


def joins_points(category: str, scope: str | None) -> bool:
    """Whether a place's points are joined by a line: only where they are readings of one
    quantity — running totals ("Running totals" chosen) or a stock such as a share of territory.
    A day's toll at Aleppo and another's a week later are two attacks, not a toll that moved
    (the dotted line between them had read as a time series: review 50)."""
    if category in UNJOINED_CATEGORIES:
        return False
    return scope == "total" or category in STOCK_CATEGORIES


def figure_timeline(
    df: pd.DataFrame,
    *,
    category: str,
    log: bool = False,
    unit: str | None = None,
    scope: str | None = None,
) -> go.Figure:
    """A category over publication dates, one colour per place: each point is a day's median
    figure there (the bar spans the day's lowest to highest); the hover gives the words of a
    figure and who claims it; ``log``: a logarithmic value axis (for figures that span orders
    of magnitude); ``unit``: the one unit ``df`` holds (a currency), named on the value axis
    and in the title; ``scope``: the figures in view (:data:`SCOPE_TITLES`), which decides
    whether a place's points are joined (:func:`joins_points`). The legend lists the places
    by how many figures they give, the figures without a place last and in grey. ``df`` is
    :func:`analysis.figure_views.figure_series`; where its ``scope`` column holds more than one
    scope (All figures), each scope is its own series of its own marker
    (:data:`SCOPE_SYMBOLS`), running totals joined, with a key to the markers."""
    fig = go.Figure()
    many = len(df) > TIMELINE_MANY_POINTS
    colours = stable_colours(df["location"].unique(), palette=PALETTE_NO_GREY)
    if NO_PLACE in colours:
        colours[NO_PLACE] = NO_PLACE_COLOUR
    # the scopes charted apart (a series without the column is of the one scope asked for)
    scopes = df["scope"].fillna("") if "scope" in df else pd.Series(scope or "", index=df.index)
    mixed = scopes.nunique() > 1
    totals = df.groupby("location", sort=False)["n_figures"].sum()
    order = sorted(totals.index, key=lambda p: (p == NO_PLACE, -totals[p], str(p)))
    # the group counted (civilians, children, everyone: ''): each its own points (the series'
    # rows), named on hover, and a running total's its own line; None where the series has none
    groups = df["counted"] if "counted" in df else pd.Series(None, index=df.index, dtype=object)
    for place in order:
        colour = colours[str(place)]
        for kind in scopes[df["location"] == place].unique():
            part = df[(df["location"] == place) & (scopes == kind)]
            joined = joins_points(category, kind or scope)
            if not many and len(part) > 1 and joined and place != NO_PLACE:
                # the joining line, broken across long gaps (dashed when other kinds share
                # the chart: a running total's line, not a place's), one per group counted:
                # a line from the war's 470,000 dead to a day's 41 women is no toll moving
                for line in _by_group(part, groups):
                    xs, ys = _broken_line(
                        line["published"], line["estimate_median"], point_period(df)
                    )
                    fig.add_scatter(
                        x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                        line=dict(color=colour, width=1, dash="dash" if mixed else "dot"),
                        legendgroup=str(place),
                    )  # fmt: skip
            # a day's range is a bar only where the figures measure one thing
            ranges = not many and category not in UNJOINED_CATEGORIES
            symbol = SCOPE_SYMBOLS.get(kind, 0) if mixed else 0
            _add_timeline_points(
                fig, part, place, colour, many, ranges, symbol, kind or None, category
            )  # fmt: skip
        fig.add_scatter(  # the place's own legend entry: a filled circle whatever its points
            x=[None], y=[None], mode="markers", name=str(place), legendgroup=str(place),
            marker=dict(size=11, color=colour, symbol=0),
        )  # fmt: skip
    if mixed:  # the key to the kinds' markers
        for kind in (k for k in SCOPE_SYMBOLS if (scopes == k).any()):
            fig.add_scatter(
                # "kind:": a key to shapes, not one more place (its grey dot read as one)
                x=[None], y=[None], mode="markers", name=f"kind: {SCOPE_WORDS[kind]}s",
                marker=dict(size=11, color="#555555", symbol=SCOPE_SYMBOLS[kind]),
                legendgroup=f"scope:{kind}",
            )  # fmt: skip
    if df["approximate"].fillna(False).astype(bool).any():  # the key to the open circles
        fig.add_scatter(
            x=[None], y=[None], mode="markers", name="open: approximate",
            marker=dict(size=11, color="#555555", symbol=100),
        )  # fmt: skip
    percent = category in ("territory_share", "percent")
    value_title = f"reported figure ({unit})" if unit else "reported figure"
    fig.update_layout(
        yaxis=dict(title="%" if percent else value_title, rangemode="tozero"),
        xaxis_title="publication date",
    )
    if log and not percent:
        fig.update_yaxes(type="log", rangemode=None, title=f"{value_title} (log scale)")
        log_ticks(fig, pd.concat([df["estimate_min"], df["estimate_max"]]))
    elif percent:
        fig.update_yaxes(range=[0, 105])
    elif (df["estimate_max"].dropna() % 1 == 0).all():  # counts of people: no 2.5 killed
        whole_counts(fig, df["estimate_max"])
    _date_axis(fig, df["published"])
    title = CATEGORY_TITLES.get(category, category)
    return _style(fig, title=f"{title} in {unit}" if unit else title, height=420)


# The categories that count people: a figure whose noun names no group ("280,000 people",
# "470,000 deaths", a bare "470,000 killed") counts everyone.
PEOPLE_COUNTS = frozenset({"killed", "injured", "missing", "displaced", "remaining"})
# The categories whose unit is a measure, not a group counted: a currency or a percentage. Their
# series' "group" is that unit lower-cased (summaries.COUNTED_SQL), which the hover had shown as
# "1 figure(s) that day (running totals of usd)" and "(news events of %)" on US politics 2016.
MEASURED = frozenset({"money", "price", "percent"})


def _by_group(part: pd.DataFrame, groups: pd.Series) -> list[pd.DataFrame]:
    """The pieces of ``part`` that a line may join: its rows of each group counted
    (``groups``: the series' ``counted``), of two rows or more. (Lines only: the points of all
    groups are one trace, each naming its group, as a trace per group cost 8 ms each, 4.7 s
    for a large archive's 500 places and groups.)"""
    pieces = part.groupby(groups.loc[part.index], dropna=False, sort=False)
    return [piece for _, piece in pieces if len(piece) > 1]


def written_groups(series: pd.DataFrame) -> dict[str, str]:
    """The groups counted of a figure series (its keys, in lower case: summaries.CLASS_SQL)
    as their figures' units write them, where that is with a capital: a nation's people
    ("Syrians", "one Syrian") keep it in the unit, and a note printing "syrians" wrote them as
    no article does. By the units of the figures the series shows, weighted by their points'
    figures: a headline's "Fighters" among many "fighters" leaves them in lower case."""
    if not {"counted", "unit"} <= set(series.columns):
        return {}
    upper: dict[str, int] = {}
    for counted, unit, n in zip(
        series["counted"], series["unit"], series.get("n_figures", 1), strict=False
    ):
        if not counted or not isinstance(unit, str) or not unit.split():
            continue
        word = unit.split()[-1]
        if summaries.group_key(word) == counted:
            upper[counted] = upper.get(counted, 0) + (n if word[0].isupper() else -n)
    return {g: g[0].upper() + g[1:] for g, n in upper.items() if n > 0}


def _group_words(counted: str | None, category: str, written: dict | None = None) -> str:
    """The hover's words for a point's group counted: "civilians" (as the units write it,
    ``written``: "Syrians"), "everyone" for a count of people that names no group, "" where the
    series has no groups (or a count of things that names none)."""
    if counted is None or category in MEASURED:
        return ""
    if counted:
        return (written or {}).get(counted, counted)
    return "everyone" if category in PEOPLE_COUNTS else ""


def _add_timeline_points(
    fig: go.Figure,
    part: pd.DataFrame,
    place,
    colour: str,
    many: bool,
    ranges: bool = True,
    symbol: int = 0,
    scope: str | None = None,
    category: str = "",
) -> None:
    """One place's (and scope's) points of :func:`figure_timeline`: the day's median, the
    day's range as an error bar, an open ``symbol`` for an approximate figure, the words and
    claimant on hover (and its group counted: "civilians", of the
    ``category``'s words). The approximate and the exact points are two traces of one symbol
    each: a symbol per point is checked point by point (0.2 s for the 46,000 points of a
    million articles)."""
    approximate = part["approximate"].fillna(False).astype(bool)
    for marker, points in ((symbol, part[~approximate]), (symbol + 100, part[approximate])):
        if not points.empty:
            _add_timeline_trace(fig, points, place, colour, many, marker, ranges, scope, category)


def _day_range(low, high) -> str:
    """The hover's words for a day's range of figures (none when they agree)."""
    if pd.isna(low) or pd.isna(high) or low == high:
        return ""
    return f", from {low:,.0f} to {high:,.0f}"


def _add_timeline_trace(
    fig: go.Figure,
    part: pd.DataFrame,
    place,
    colour: str,
    many: bool,
    symbol: int,
    ranges: bool = True,
    scope: str | None = None,
    category: str = "",
) -> None:
    # the kind of figure and its group, after the day's count: "3 figure(s) that day (news
    # events of civilians)"
    kind = f" ({SCOPE_WORDS[scope]}s" if scope in SCOPE_WORDS else ""
    groups = part["counted"] if "counted" in part else pd.Series(None, part.index, object)
    groups = groups.astype(object).where(groups.notna(), None)
    counted = ["" if g is None else g for g in groups]  # '': none, or everyone
    # the words of each group once (46,000 points of a million articles hold a few dozen)
    said = {}
    written = written_groups(part)  # "Syrians", as the units write them
    for g in groups.unique():
        words = _group_words(g, category, written)
        said[g] = (
            (f"{kind} of {words})" if kind else f" (of {words})")
            if words
            else (f"{kind})" if kind else "")
        )
    kinds = [said[g] for g in groups]
    # a point's period (figure_views.SERIES_MAX_POINTS: a large archive's are weeks or months)
    period = point_period(part)
    last = part["last"] if "last" in part else part["published"]
    fig.add_scatter(
        x=part["published"],
        y=part["estimate_median"],
        mode="markers",
        legendgroup=str(place),
        name=str(place),
        showlegend=False,  # the legend's own filled circle below: this trace's first point
        # would show an open one for a place whose first figure is approximate
        line=dict(color=colour, width=1, dash="dot"),
        # Plotly's symbol numbers (100 = "circle-open", 0 = "circle"); many points are drawn
        # small and translucent, so that where they crowd shows as a darker band
        marker=dict(
            size=5 if many else 11, color=colour, symbol=symbol, opacity=0.45 if many else 1.0
        ),
        # The day's range as a bar, unless there are many days: at a million articles every
        # day's bar of a country spanned 1 to 100,000 and the chart was one block of colour
        # (the hover still gives the range).
        error_y=None
        if many or not ranges
        else dict(
            type="data",
            symmetric=False,
            array=(part["estimate_max"] - part["estimate_median"]).clip(lower=0),
            arrayminus=(part["estimate_median"] - part["estimate_min"]).clip(lower=0),
            thickness=1.2,
            width=3,
            color=colour,
        ),
        customdata=np.stack(
            [
                part["article_id"],
                part["start"],
                part["text"],
                part["claimed_by"].fillna(OUTLETS_OWN),
                part["unit"].fillna(""),
                [str(place)] * len(part),
                pd.to_datetime(part["published"]).dt.strftime("%Y-%m-%d"),
                part["n_figures"],
                [
                    _day_range(lo, hi)
                    for lo, hi in zip(part["estimate_min"], part["estimate_max"], strict=True)
                ],
                # the kind of figure: the evidence below shows that kind's figures only
                [scope or ""] * len(part),
                kinds,
                # the group counted: the evidence shows that group's figures only
                counted,
                # the period's last day: the evidence shows the figures of all its days
                pd.to_datetime(last).dt.strftime("%Y-%m-%d"),
            ],
            axis=1,
        ),
        hovertemplate="%{x|" + PERIOD_HOVER.get(period, PERIOD_HOVER["day"]) + "}, "
        "%{customdata[5]}: <b>%{customdata[2]}</b> %{customdata[4]}<br>claimed by "
        f"%{{customdata[3]}}<br>%{{customdata[7]}} figure(s) that {period}"
        "%{customdata[10]}%{customdata[8]}<extra></extra>",
    )


def _broken_line(x, y, period: str = "day") -> tuple[list, list]:
    """``x, y`` in date order with a ``None`` point between neighbours more than
    TIMELINE_MAX_GAP_DAYS apart (:func:`with_breaks`), or two periods apart where the points
    are ``period``'s (a year's points are a year apart: the line had broken between each)."""
    gap = max(TIMELINE_MAX_GAP_DAYS, 2 * PERIOD_DAYS.get(period, 1))
    pairs = sorted(zip(pd.to_datetime(x), y, strict=True), key=lambda p: p[0])
    return with_breaks([d for d, _ in pairs], [v for _, v in pairs], max_gap_days=gap)


# The most days a period's points lie apart (figure_timeline's weeks, months and years).
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}


def spans_orders_of_magnitude(values, *, orders: float = 2.0) -> bool:
    """True when the positive ``values`` run over more than ``orders`` powers of ten (the
    figures page then starts on a log axis)."""
    v = pd.Series(values).dropna()
    v = v[v > 0]
    return len(v) > 1 and math.log10(v.max() / v.min()) > orders


def timeline_wants_log(series: pd.DataFrame) -> bool:
    """Whether the Figures timeline of ``series`` (:func:`analysis.figure_views.figure_series`)
    opens on a log axis: its points and the bars from each lowest to highest figure together
    run over orders of magnitude. The points alone no longer tell since a point is its lowest
    middle figure (a day's 3 and 5,000 is a point at 3 and a bar up to 5,000)."""
    drawn = [series[c] for c in ("estimate_min", "estimate_median", "estimate_max") if c in series]
    return spans_orders_of_magnitude(pd.concat(drawn, ignore_index=True) if drawn else [])


FEW_TICKS = 4  # the count axis of a chart in a narrow column


def figures_by_category(df: pd.DataFrame) -> go.Figure:
    """Horizontal bars: how many figures of each category are reported (``df`` is
    :func:`analysis.figure_views.category_counts`)."""
    df = df.sort_values("n_figures")
    fig = go.Figure(
        go.Bar(
            x=df["n_figures"],
            y=[CATEGORY_TITLES.get(c, c) for c in df["category"]],
            orientation="h",
            marker_color="#4c78a8",
            customdata=np.stack([df["category"], df["n_articles"]], axis=1),
            hovertemplate="%{y}: %{x} figures in %{customdata[1]} articles<extra></extra>",
        )
    )
    fig.update_layout(xaxis_title="figures reported", yaxis_title=None)
    whole_counts(fig, df["n_figures"], axis="x")
    # At most four counts under bars beside the page's timeline: in its third of the column at
    # 1280 px, "1,000 2,000 3,000 4,000" did not fit level and were drawn aslant into each other.
    fig.update_xaxes(nticks=FEW_TICKS)
    return _style(fig, title="Figures reported, by what they count", height=_bar_height(len(df)))
