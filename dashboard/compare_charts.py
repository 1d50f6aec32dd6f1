"""Chart factories for the Compare page: one colour per group on every chart, so that an outlet
(or speaker, or search) is the same colour in attention, quoting, tone and figures.

Like :mod:`dashboard.charts`: a tidy frame from :mod:`analysis.compare_views` in, a Plotly figure
out, nothing from Streamlit. Lines over time break where a group has no articles for a long
stretch, rather than drawing a straight line across years it never covered.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis import uncertainty
from dashboard import label_layout
from dashboard.charts import (
    CATEGORY_TITLES,
    PALETTE,
    _date_axis,
    _style,
    log_ticks,
    whole_counts,
    with_breaks,
)

# A gap longer than this many periods between two points of a line is drawn as a break.
MAX_GAP_PERIODS = 2
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}


def group_colours(groups) -> dict[str, str]:
    return {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(dict.fromkeys(groups))}


# A period with fewer articles in view than this has a share that says little (one article of
# one is 100 %): its point is drawn hollow, and the hover says "k of n articles".
SHARE_BASE = 5


def attention_notes(
    sizes: pd.DataFrame, attention: pd.DataFrame, *, measure: str, granularity: str, name=str
) -> list[tuple[str, str]]:
    """``(label, words)`` said under the attention chart, on the page and in its report: a group
    with articles in view but none dated is not drawn (BBC text files carry no date: the group
    had been left out without a word), and a share of fewer than :data:`SHARE_BASE` articles is
    a hollow mark. ``sizes``: ``compare_views.group_sizes``; ``attention``: its chart's rows;
    ``name``: how a group's name is written (the page escapes it for Markdown)."""
    notes = []
    drawn = set(attention["grp"])
    undated = [
        g for g, n in zip(sizes["grp"], sizes["n_articles"], strict=True) if n and g not in drawn
    ]
    if undated:
        notes.append(
            ("Not drawn", f"{', '.join(map(name, undated))} — none of its articles in view has a publication "
             "date.")
        )  # fmt: skip
    partly = _partly_undated(sizes, attention)
    if partly:
        notes.append(
            ("Partly drawn", "; ".join(f"{name(g)} — {k:,} of its {n:,} articles in view" for g, k, n in partly)
             + " have no publication date and are not on the chart.")
        )  # fmt: skip
    if measure == "share" and (attention["n_all"] < SHARE_BASE).any():
        marks = "bars" if attention["period"].nunique() == 1 else "points"  # one period: bars
        notes.append(
            (f"Hollow {marks}", f"fewer than {SHARE_BASE} articles in view that {granularity}, "
             "so the share says little (one article of one is 100 %).")
        )  # fmt: skip
    return notes


def _partly_undated(sizes: pd.DataFrame, attention: pd.DataFrame) -> list[tuple[str, int, int]]:
    """``(group, undated, articles)`` of each group drawn from only some of its articles in view:
    on a store mixing the BBC's undated stories with dated news, a search for "election" was
    charted from 340 of its 539 articles without a word of the other 199."""
    dated = attention.groupby("grp")["n_articles"].sum()
    out = []
    for grp, n in zip(sizes["grp"], sizes["n_articles"], strict=True):
        k = int(n) - int(dated.get(grp, 0))
        if grp in dated.index and k > 0:
            out.append((grp, k, int(n)))
    return out


def empty_groups(sizes: pd.DataFrame) -> list[str]:
    """The groups of ``sizes`` (``compare_views.group_sizes``) with no article in view."""
    return [g for g, n in zip(sizes["grp"], sizes["n_articles"], strict=True) if not n]


def empty_groups_note(sizes: pd.DataFrame, name=str) -> str:
    """Said under the groups' table when some, not all, groups have no article in view, or "":
    the charts below had left them out without a word, and the figures' note had said of the
    BBC (all its articles undated, out of view under a date range) that none of its figures
    was of the places drawn. ``name`` as in :func:`attention_notes`."""
    empty = empty_groups(sizes)
    if not empty or len(empty) == len(sizes):
        return ""
    them = "it" if len(empty) == 1 else "them"
    return f"No article in view: {', '.join(map(name, empty))} — the charts below leave {them} out."


def figures_not_drawn(
    figures: pd.DataFrame, order: list[str], name=str, *, empty: list[str] | tuple = ()
) -> str:
    """The groups of ``order`` none of whose figures is among ``figures`` (the side-by-side
    chart's rows), in words, or "": BBC beside Syrian outlets, 1,106 figures, none of a Syrian
    town, had been left out of the chart without a word. ``name`` as in
    :func:`attention_notes`."""
    # (``empty``: the groups with no article in view, said as such under the groups' table)
    unshown = [g for g in order if g not in set(figures["grp"]) and g not in set(empty)]
    if not unshown:
        return ""
    return (
        f"{', '.join(map(name, unshown))} — none of its news-event figures in view is of these categories "
        "and places."
    )


def attention(df: pd.DataFrame, *, measure: str, granularity: str, order) -> go.Figure:
    """Articles per period of each group: ``measure`` "share" (of all articles in view) or
    "count"."""
    col = "share" if measure == "share" else "n_articles"
    if df["period"].nunique() == 1:
        return _attention_one_period(df, col=col, granularity=granularity, order=order)
    colours = group_colours(order)
    fig = go.Figure()
    gap = MAX_GAP_PERIODS * PERIOD_DAYS[granularity]
    for grp in order:
        part = df[df["grp"] == grp].sort_values("period")
        if part.empty:
            continue
        xs, ys = with_breaks(part["period"], part[col], max_gap_days=gap)
        _, counts = with_breaks(part["period"], part["n_articles"], max_gap_days=gap)
        _, bases = with_breaks(part["period"], part["n_all"], max_gap_days=gap)
        thin = [b is not None and col == "share" and b < SHARE_BASE for b in bases]
        value = (
            "%{y:.1%} (%{customdata[0]} of %{customdata[1]} articles)"
            if col == "share"
            else ("%{y:,} articles")
        )
        custom = [[c, b] for c, b in zip(counts, bases, strict=True)]
        hover = "%{x|%Y-%m-%d}: " + value + "<extra>" + grp.replace("<", "&lt;") + "</extra>"
        # The line joins the shares that say something; a share of too few articles is a
        # hollow point of its own, off the line (joined, "1 of 1 articles" drew 100 % spikes).
        fig.add_scatter(
            x=xs, y=[None if t else y for y, t in zip(ys, thin, strict=True)], name=grp,
            mode="lines+markers", line=dict(color=colours[grp], width=2), marker=dict(size=5),
            customdata=custom, connectgaps=False, hovertemplate=hover, legendgroup=grp,
        )  # fmt: skip
        if any(thin):
            keep = [i for i, t in enumerate(thin) if t]
            fig.add_scatter(
                x=[xs[i] for i in keep], y=[ys[i] for i in keep], name=grp, mode="markers",
                marker=dict(size=8, symbol="circle-open", color=colours[grp]),
                customdata=[custom[i] for i in keep], hovertemplate=hover, legendgroup=grp,
                showlegend=False,
            )  # fmt: skip
    fig = _style(fig, title=_attention_title(col, granularity))
    if col == "share":
        fig.update_yaxes(tickformat=".1~%", rangemode="tozero")
    else:
        whole_counts(fig, df["n_articles"])
    return _date_axis(fig, df["period"])


def _attention_title(col: str, granularity: str) -> str:
    title = "Share of all articles in view" if col == "share" else "Articles"
    return f"{title}, per {granularity}"


# The periods the Compare page's attention chart counts by (its "Per" choice, `cmp_per`).
PERIODS = ("week", "month", "year")
PERIOD_LABELS = {"day": "%d %b %Y", "week": "week of %d %b %Y", "month": "%B %Y", "year": "%Y"}


def _attention_one_period(df: pd.DataFrame, *, col: str, granularity: str, order) -> go.Figure:
    """:func:`attention` when the articles in view fall in one period: a bar per group side by
    side, over the period's name. As lines, the groups' points sat on one date (three outlets
    of one share each drew as one point) on an axis of days around the period's first day."""
    colours = group_colours(order)
    period = pd.Timestamp(df["period"].iloc[0])
    label = period.strftime(PERIOD_LABELS.get(granularity, "%d %b %Y"))
    fig = go.Figure()
    for grp in order:
        part = df[df["grp"] == grp]
        if part.empty:
            continue
        row = part.iloc[0]
        # hollow (outlined) where the share stands on too few articles, as the points are
        thin = col == "share" and row["n_all"] < SHARE_BASE
        value = (
            "%{y:.1%} (%{customdata[0]} of %{customdata[1]} articles)"
            if col == "share"
            else "%{y:,} articles"
        )
        fig.add_bar(
            x=[label], y=[row[col]], name=grp,
            marker=dict(color="white" if thin else colours[grp],
                        line=dict(color=colours[grp], width=2)),
            text=[f"{row[col]:.1%}" if col == "share" else f"{int(row[col]):,}"],
            textposition="outside",
            customdata=[[int(row["n_articles"]), int(row["n_all"])]],
            hovertemplate=f"{label}: " + value + "<extra>" + grp.replace("<", "&lt;")
            + "</extra>",
        )  # fmt: skip
    fig = _style(fig, title=_attention_title(col, granularity))
    fig.update_layout(barmode="group", bargap=0.6)
    fig.update_xaxes(type="category")
    if col == "share":
        fig.update_yaxes(tickformat=".1~%", rangemode="tozero")
    else:
        whole_counts(fig, df["n_articles"])
    return fig


# Names in the gap beside each panel are shown whole, in two lines (at the space nearest the
# middle) past LINE_CHARS characters: cut to what a fixed gap held, "Syrian Observatory…" could
# be any of its namesakes. Only a name longer than MAX_NAME_CHARS — a phrase taken for a name —
# is cut. The gap is made as wide as the longest line, measured as label_layout measures names
# (11-px text), for a chart COMPARE_WIDTH_PX wide: a wide page's main column (940 px at 1400).
LINE_CHARS = 18
MAX_NAME_CHARS = 60
LABEL_FONT_PX = 11
COMPARE_WIDTH_PX = 900
# Panels side by side narrower than this leave bars too short to compare: two panels a row.
MIN_PANEL_PX = 120
# Plotly's gap between a tick label and its axis, and a little air.
TICK_GAP_PX = 10


def _fit(name: str, width: int = MAX_NAME_CHARS) -> str:
    """``name`` cut to ``width`` characters at a word where it can be, with an ellipsis."""
    if len(name) <= width:
        return name
    cut = name[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.-") + "…"


def _label(name: str) -> str:
    """A bar's label: ``name`` whole (cut only past :data:`MAX_NAME_CHARS`), in two lines when
    longer than :data:`LINE_CHARS`."""
    return label_layout.wrap(_fit(name), LINE_CHARS)


def _labels(names) -> list[str]:
    """Each name as a label, two names cut alike told apart (a bar per label)."""
    out: list[str] = []
    for name in names:
        label = _label(str(name))
        while label in out:
            label += "\u200b"  # invisible, but another category
        out.append(label)
    return out


def _panel_grid(n: int, label_px: float) -> tuple[int, int, float]:
    """Rows, columns and the horizontal spacing (a fraction of the plot's width) for ``n``
    panels whose names are ``label_px`` wide: every gap holds the names, and the panels go two a
    row where side by side they would be narrower than :data:`MIN_PANEL_PX`."""
    plot_px = COMPARE_WIDTH_PX - label_px - 10  # less the margins: left (names), right
    cols = n
    while cols > 1 and (plot_px - (cols - 1) * label_px) / cols < MIN_PANEL_PX:
        cols = max(1, min(cols - 1, 2))
    rows = -(-n // cols)
    return rows, cols, (min(label_px / plot_px, 0.9 / max(cols - 1, 1)) if cols > 1 else 0.0)


def who_is_quoted(df: pd.DataFrame, *, order) -> go.Figure:
    """One panel per group: the speakers it quotes most, by share of all its quotes, on one
    scale for every panel (each panel's own had drawn 2.7 % and 57.5 % as bars of a length).
    Names are whole (two lines where long), the gap beside each panel as wide as they need."""
    groups = [g for g in order if (df["grp"] == g).any()]
    colours = group_colours(order)
    parts = {g: df[df["grp"] == g].sort_values("rank", ascending=False) for g in groups}
    labels = {g: _labels(parts[g]["speaker"]) for g in groups}
    every = [label for g in groups for label in labels[g]] or [""]
    label_px = max(label_layout.text_size(lb, LABEL_FONT_PX)[0] for lb in every) + TICK_GAP_PX
    rows, cols, spacing = _panel_grid(len(groups), label_px)
    n = max(len(parts[g]) for g in groups)
    two_lines = any("<br>" in label for label in every)
    bar_px = 34 if two_lines else 26  # a two-line name needs the room of two
    # two a row: an odd panel's empty neighbour draws no axes
    cells = [[{} if r * cols + c < len(groups) else None for c in range(cols)] for r in range(rows)]
    fig = make_subplots(
        rows=rows, cols=cols, specs=cells, subplot_titles=groups, horizontal_spacing=spacing,
        vertical_spacing=min(0.3, 90 / (rows * (60 + bar_px * n))) if rows > 1 else 0.0,
    )  # fmt: skip
    for i, grp in enumerate(groups):
        part = parts[grp]
        fig.add_bar(
            x=part["share"], y=labels[grp], orientation="h", name=grp, showlegend=False,
            marker_color=colours[grp], customdata=part[["speaker", "n_quotes"]],
            # the name whole in the hover, whatever the label holds
            hovertemplate="%{customdata[0]}: %{customdata[1]} quotes (%{x:.1~%})<extra></extra>",
            row=i // cols + 1, col=i % cols + 1,
        )  # fmt: skip
    fig.update_xaxes(tickformat=".1~%")
    top = float(df["share"].max()) if len(df) else 1.0
    fig.update_xaxes(range=[0, min(1.0, top * 1.08)])
    fig = _style(
        fig,
        title="Who each group quotes (share of all its quotes)",
        height=60 + rows * (60 + bar_px * n),
    )
    # the first column's names in the left margin, as wide as the gaps between panels
    fig.update_layout(margin=dict(t=90, l=round(label_px)))
    return fig


def tone(df: pd.DataFrame, *, order) -> go.Figure:
    """Mean quote polarity (−1…1, TextBlob's: the quotes' ``polarity``, word-weighted) of each
    speaker in each group, a dot per group; hollow where the group quotes the speaker fewer
    than :data:`~analysis.uncertainty.MIN_QUOTES` times, as the Speakers page marks "too few":
    on US politics 2016 one quote of Jeb Bush in Politico stood at +0.88, a filled dot beside
    Breitbart's sixteen."""
    colours = group_colours(order)
    speakers = list(dict.fromkeys(df.sort_values("speaker")["speaker"]))
    size = 8 + 10 * df["n_quotes"] / max(df["n_quotes"].max(), 1)
    fig = go.Figure()
    for grp in order:
        part = df[df["grp"] == grp]
        if part.empty:
            continue
        few = part["n_quotes"] < uncertainty.MIN_QUOTES
        for rows, hollow in ((part[~few], False), (part[few], True)):
            if rows.empty:
                continue
            fig.add_scatter(
                x=rows["polarity"], y=rows["speaker"], mode="markers", name=grp,
                legendgroup=grp, showlegend=not hollow or bool(few.all()),
                marker=dict(size=size.loc[rows.index],
                            symbol="circle-open" if hollow else "circle",
                            color=colours[grp], line=dict(width=2 if hollow else 1,
                            color=colours[grp] if hollow else "white")),
                # the speaker too: what a click filters on (the Compare page)
                customdata=rows[["n_quotes", "speaker"]],
                hovertemplate="%{y}: %{x:+.2f} over %{customdata[0]} quote(s)"
                + (", too few to say" if hollow else "") + "<extra>"
                + grp.replace("<", "&lt;") + "</extra>",
            )  # fmt: skip
    if (df["n_quotes"] < uncertainty.MIN_QUOTES).any():
        # the key says what a hollow dot is, in the chart itself (and so in its PNG)
        fig.add_scatter(
            x=[None], y=[None], mode="markers",
            name=f"hollow: fewer than {uncertainty.MIN_QUOTES} quotes",
            marker=dict(symbol="circle-open", color="#777", size=8), hoverinfo="skip",
        )  # fmt: skip
    fig.add_vline(x=0, line=dict(color="#999", width=1, dash="dot"))
    fig = _style(
        fig,
        title="Tone of each speaker's quotes, per group (TextBlob)",
        height=140 + 28 * len(speakers),
    )
    fig.update_xaxes(range=[-1, 1], title="mean TextBlob polarity (−1 negative … +1 positive)")
    fig.update_yaxes(categoryorder="array", categoryarray=speakers[::-1])
    return fig


# The typical bar of a linear chart must stay this share of the longest at least, else the chart
# opens on a log scale (dots): SANA's and Rami Abdel Rahman's medians run from 3 to 1,650 people
# displaced in Aleppo, and on a linear axis every bar but that one was a sliver.
READABLE_BAR_SHARE = 1 / 20


def log_by_default(df: pd.DataFrame) -> bool:
    """Whether the figures side by side (``df``: :func:`figures_side_by_side`'s) read better on
    a log axis: when the median of the medians is under :data:`READABLE_BAR_SHARE` of the
    largest (ahram's and manar's, 1 to 140 with 16 typical, stay linear)."""
    medians = pd.to_numeric(df["median"], errors="coerce").dropna()
    medians = medians[medians > 0]
    return bool(len(medians) > 1 and medians.median() < READABLE_BAR_SHARE * medians.max())


def figures_side_by_side(df: pd.DataFrame, *, order, log: bool = False) -> go.Figure:
    """Median figure (bar) and range (whisker: lowest to highest) each group reports per
    category and place, on a linear axis from 0, where a bar twice as long is twice the figure.
    ``log``: dots on a logarithmic axis instead of bars (a bar's length on a log axis starts at
    an arbitrary floor: a median of 1 drew as no bar beside 11's half-width one, 11 times more
    looking like twice). In each row the groups run top to bottom in the legend's order (Plotly
    draws a horizontal group's first bar at the bottom: the traces go in reversed and the
    legend is read reversed)."""
    colours = group_colours(order)
    df = df.assign(
        row=[
            f"{CATEGORY_TITLES.get(c, c)} · {p}"
            for c, p in zip(df["category"], df["location"], strict=True)
        ]
    )
    rows = list(dict.fromkeys(df["row"]))
    fig = go.Figure()
    for grp in reversed(list(order)):
        part = df[df["grp"] == grp]
        if part.empty:
            continue
        common = dict(
            x=part["median"], y=part["row"], orientation="h", name=grp,
            error_x=dict(type="data", symmetric=False, array=part["high"] - part["median"],
                         arrayminus=part["median"] - part["low"], thickness=1),
            customdata=part[["n_figures", "low", "high"]],
            hovertemplate="%{y}: median %{x:,.0f} (%{customdata[1]:,.0f}–%{customdata[2]:,.0f}, "
            "%{customdata[0]} figures)<extra>" + grp.replace("<", "&lt;") + "</extra>",
        )  # fmt: skip
        if log:
            fig.add_scatter(
                **common, mode="markers", marker=dict(color=colours[grp], size=9, symbol="diamond")
            )
        else:
            fig.add_bar(**common, marker_color=colours[grp])
    scale = " (log scale: dots, not bars)" if log else ""
    fig = _style(
        fig,
        title=f"Figures each group reports, per category and place{scale}",
        height=160 + 22 * len(rows) * max(1, len(order)) // 2,
    )
    fig.update_layout(barmode="group", scattermode="group", legend_traceorder="reversed")
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1])
    if log:
        fig.update_xaxes(type="log", title="median value (log scale)")
        log_ticks(fig, pd.concat([df["low"], df["high"]]), axis="x")  # 200, not a small "2"
    else:
        fig.update_xaxes(rangemode="tozero", title="median value; whisker: lowest to highest")
    return fig
