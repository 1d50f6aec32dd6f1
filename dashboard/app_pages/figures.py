"""Figures: the numbers the news reports — troops, share of territory held, people remaining,
displaced, missing, killed — over publication dates, by place, with who claims them. Clicking a
point shows the figures of that day and place with their sentences; conflicting figures (same
kind of count of the same people, place and scope, within a few days, from different claimants,
values that cannot both be true) are flagged with links to both sentences. "Which
figures" separates what the articles report happening from running totals ("the war has killed
300,000 since 2011") and earlier events recalled as background."""

from __future__ import annotations

import dataclasses
from datetime import date

import streamlit as st

from analysis import figure_views
from dashboard import charts, components, data, filters_ui, plain, report_views, reporting
from dashboard.charts import CATEGORY_ORDER, CATEGORY_TITLES, SCOPE_TITLES, SCOPE_WORDS

filters = filters_ui.current()
st.title("Figures")

scope_choice = filters_ui.page_choice(
    "Which figures", list(SCOPE_TITLES), default="all", key="counts",
    format_func=SCOPE_TITLES.get,
    help="News events: what the article reports happening. Running totals: counts over a war or "
    "a period (\"since 2011\", \"in the past three days\"). Earlier events: an event recalled "
    "as background (\"last month\", \"in early April\").",
)  # fmt: skip
scope = None if scope_choice == "all" else scope_choice

counts = data.category_counts(filters, scope=scope)
if counts.empty:
    components.empty(
        filters_ui.empty_message(
            filters,
            "No figures are reported in the articles in view"
            + ("" if scope is None else f" as {SCOPE_TITLES[scope].lower()}; choose All figures")
            + ". Widen the date range or remove an outlet, speaker, entity or tag in the sidebar.",
        )
    )
    reporting.stop_page()

found = counts["category"].tolist()
present = [c for c in CATEGORY_ORDER if c in found] + [c for c in found if c not in CATEGORY_ORDER]
# The page opens on what these articles count most; the buttons keep their fixed order.
opening = figure_views.opening_category(counts) or present[0]
category = filters_ui.page_choice(
    "What is counted", present, default=opening, key="what",
    format_func=lambda c: CATEGORY_TITLES.get(c, c),
)  # fmt: skip
title = CATEGORY_TITLES.get(category, category)
# Money in several currencies is charted one currency at a time: the store keeps no exchange
# rates, and one axis of dollars and pounds (a day's median of both) read as one sum.
unit, units = None, None
if category in ("money", "price"):
    units = data.figure_units(filters, category=category, scope=scope)
    # A choice only among the currencies the chart can place (of dated articles): of undated
    # ones (the BBC's) there is no chart for a choice to change, and the table lists them all.
    unit = figure_views.charted_unit(units)
    charted = figure_views.charted_units(units)
    if unit is not None and len(charted) > 1:
        unit = filters_ui.page_choice(
            "Currency", charted, default=unit, key="currency",
            help="Sums in different currencies are not converted: the chart shows one at a "
            "time (the table below lists them all).",
        )  # fmt: skip
    elif (asked := st.query_params.get("currency")) and asked not in charted:
        # a link's currency with no switch to show it: said, as a link's other misfits are
        st.warning(
            f"{plain.md(f'currency={asked}')} in this link: no sums in it are in dated "
            "articles, which a timeline could place"
            + (f"; the chart shows {plain.md(unit)}" if unit else "")
            + ". The table below lists every currency.",
            icon=":material/link_off:",
        )

# Of a category whose figures are all undated (the BBC's money) there is no timeline: no
# choice of its points' period, which had stood above "cannot be placed in time".
dated = int(counts.set_index("category")["n_dated"].get(category, 0))
per = "auto"
if dated:
    per = filters_ui.page_choice(
        "Points per", charts.PERIOD_CHOICES, default="auto", key="fg_per",
        help=charts.FIGURE_PERIOD_HELP,
    )  # fmt: skip
period = None if per == "auto" else per


def _chart_clicked_category() -> None:
    """A click on a bar of "Figures by category" charts that kind of figure, as its button
    above does (the click had done nothing; the choice lives in the link)."""
    clicked = filters_ui.selected_customdata("fg_cats")
    if clicked and clicked[0] in present:
        filters_ui.set_page_choice("what", CATEGORY_TITLES.get(clicked[0], clicked[0]))


left, right = st.columns([3, 2])
picked: list[list] = []
with left:
    series = data.figure_series(
        filters, category=category, places=8, scope=scope, unit=unit, period=period
    )
    if series.empty:
        components.empty(
            f"The {title.lower()} figures in view come from undated articles, so they cannot be "
            "placed in time; see the table below."
        )
    else:
        # One switch per category, each with its own default; the link holds the one shown
        # (fg_log=true), as the report's --choice does.
        log = filters_ui.page_toggle(
            "Log scale", key="fg_log", widget_key=f"fg_log_{category}",
            default=charts.timeline_wants_log(series),
            disabled=category in ("territory_share", "percent"),
            help="For figures that run from a handful to many thousands",
        )  # fmt: skip
        components.chart(
            data.figure(
                charts.figure_timeline,
                data.figure_series,
                filters,
                dict(category=category, places=8, scope=scope, unit=unit, period=period),
                category=category,
                log=log,
                unit=unit,
                scope=scope,
            ),
            key="fg_time",
            name=f"{category} over time",
            on_select="rerun",
        )
        note = charts.charted_note(
            series, counts, category=category, places=8, units=units, unit=unit
        )
        key = charts.scope_key_note(series, category=category) if scope is None else ""
        groups = charts.group_note(series, category=category)
        groups = groups and f"{groups} Hover a point for its group; click it for its figures."
        each_point = charts.period_note(series, chosen=period is not None)
        if each_point and period is None:
            each_point += " Choose Day above, or narrow the dates in the sidebar, to chart days."
        for line in (
            key and f"{key} Choose one kind above to chart it alone.",
            groups,
            each_point,
            note,
        ):
            if line:
                st.caption(line)
        state = st.session_state.get("fg_time") or {}
        points = (state.get("selection") or {}).get("points", []) if state else []
        picked = [p["customdata"] for p in points if p.get("customdata")]
with right:
    components.chart(
        data.figure(charts.figures_by_category, data.category_counts, filters, dict(scope=scope)),
        key="fg_cats",
        name="figures by category",
        on_select=_chart_clicked_category,
    )
    st.caption("Click a bar to chart that kind of figure.")

# Only where there is a point chart to click: of undated articles' figures (the BBC's money)
# the heading had stood alone over the next section.
if not series.empty:
    st.subheader("Evidence")
if not picked and not series.empty:
    st.caption(f"Click a point in the chart to see the figures of that "
               f"{charts.point_period(series)} and place, with the sentences they come from.")  # fmt: skip


def show_figure(row, *, part: bool = False) -> None:
    """One figure of a clicked point, with its sentence, claimant, article and (``part``: a
    part of the point's figures) the figure it is part of. (Only there: a point's own figure
    may be part of a toll nobody counted, whose words, "another", "more", say nothing.)"""
    text = row.part_of_text if part and isinstance(row.part_of_text, str) else ""
    whole = f" · part of {plain.md(text)}" if text else ""
    with st.container(border=True):
        st.markdown(
            f"**{plain.md(row.text)}** {plain.md(plain.given(row.unit, ''))} · "
            f"{plain.md(plain.given(row.location, 'place not given'))} · "
            f"{plain.md(SCOPE_WORDS.get(row.scope, row.scope))}{whole}"
        )
        st.text(row.sentence)
        # the outlet beside the date: two outlets' copies of one agency story had stood as two
        # identical cards (title, day, sentence), as if one figure were listed twice
        outlet = f"{plain.md(row.source)}, " if isinstance(row.source, str) and row.source else ""
        st.caption(
            # an unattributed figure is its outlet's own claim, as the tables say
            f"Claimed by {plain.md(plain.given(row.claimed_by, charts.OUTLETS_OWN))} · "
            f"{plain.md(row.title)} ({outlet}{row.published:%d %b %Y})"
        )
        st.page_link(
            "app_pages/articles.py",
            label="Open the article",
            icon=":material/article:",
            # (the sidebar's filters follow by themselves: the reader's widgets keep them
            # in the address, tests/test_browser_links.py)
            query_params={"article": row.article_id, "at": str(row.start)},
        )


for cd in picked[:5]:
    place, day = cd[5], date.fromisoformat(cd[6])
    # a week's or a month's point (a large archive's): its days in view, each figure its own day
    last = date.fromisoformat(cd[12]) if len(cd) > 12 else day
    # the point's own kind of figure (All figures charts each apart): its figures, no others
    kind = (cd[9] if len(cd) > 9 else "") or scope
    # the point's own group counted ('' : everyone), not the day's other groups' figures
    counted = cd[11] if len(cd) > 11 else None
    on_day = dataclasses.replace(
        filters,
        date_from=max(day, filters.date_from or day),
        date_to=min(last, filters.date_to or last),
    )
    where = dict(category=category, location=place, limit=50, scope=kind)  # NO_PLACE: none given
    rows = data.figure_table(on_day, **where, counted=counted)
    if len(rows) == where["limit"]:  # a month's point of a large archive holds thousands
        st.caption(f"The {len(rows)} most recent of the point's {int(cd[7]):,} figures:")
    for row in rows.itertuples(index=False):
        show_figure(row)
    # the parts of the point's figures, which the chart does not draw again ("33 children" of
    # the "112 civilians" clicked)
    parts = (
        figure_views.parts_of(rows, data.figure_table(on_day, **where))
        if counted is not None
        else rows.iloc[:0]
    )
    if not parts.empty:
        st.caption("Parts of these figures, inside their tolls (not charted again):")
        for row in parts.itertuples(index=False):
            show_figure(row, part=True)

# The conflicting figures' first eight columns: 86 + 96 + 2 × (72 + 62 + 150) = 750 px.
CONFLICT_DAY_PX, CONFLICT_PLACE_PX = 86, 96
CONFLICT_FIGURE_PX, CONFLICT_LINK_PX, CONFLICT_CLAIM_PX = 72, 62, 150
conflicts = data.conflict_groups(
    filters, category=category, min_relative_difference=0.05, limit=200, scope=scope
)
if not conflicts.empty:
    st.subheader(
        f"{title}: conflicting figures ({len(conflicts)}{'+' if len(conflicts) == 200 else ''})"
    )
    st.caption(
        "Like with like: the same kind of count of the same people (civilians with civilians, "
        "never children with civilians), at the same place, within a few days, never an "
        "earlier event recalled, never a toll of the dead or injured that rose by a later day's "
        "report — numbers from different claimants that cannot both be true. "
        "Open either sentence to judge."
    )
    conflicts = charts.figure_cells(conflicts).assign(
        open_low=filters_ui.article_links(
            conflicts["article_id_low"], conflicts["start_low"], filters
        ),
        open_high=filters_ui.article_links(
            conflicts["article_id_high"], conflicts["start_high"], filters
        ),
    )
    components.table(
        conflicts[
            [
                # the two figures, their links and claimants first: in view on a laptop
                "published",
                "location",
                "text_low",
                "open_low",
                "claimed_by_low",
                "text_high",
                "open_high",
                "claimed_by_high",
                "what",
                "unit",
                "counts",
                "days_apart",
            ]
        ],  # fmt: skip
        title="Conflicting figures",
        # The two figures, links and claimants fit the column at 1280 px with the sidebar open
        # (818 px; left to their text, the second claimant was cut off at its edge), the
        # claimants wrapping in two lines; what, counting and days apart are beyond them.
        column_config={
            "published": st.column_config.DateColumn("Day", width=CONFLICT_DAY_PX),
            "what": "What",
            "unit": "Counting",
            "counts": "Counts",
            # A part ("four children among the 28 dead") names its whole: the toll is the whole.
            "part_of_text": "Part of",
            "location": st.column_config.TextColumn("Where", width=CONFLICT_PLACE_PX),
            "days_apart": st.column_config.NumberColumn("Days apart", format="%d"),
            "text_low": st.column_config.TextColumn("Lowest", width=CONFLICT_FIGURE_PX),
            "claimed_by_low": st.column_config.TextColumn("Claimed by", width=CONFLICT_CLAIM_PX),
            "open_low": st.column_config.LinkColumn(
                "Sentence", display_text="open", width=CONFLICT_LINK_PX
            ),
            "text_high": st.column_config.TextColumn("Highest", width=CONFLICT_FIGURE_PX),
            "claimed_by_high": st.column_config.TextColumn("Claimed by ", width=CONFLICT_CLAIM_PX),
            "open_high": st.column_config.LinkColumn(
                "Sentence ", display_text="open", width=CONFLICT_LINK_PX
            ),
        },
        row_height=components.WRAP_ROW_HEIGHT,
    )

st.subheader(f"{title}: all figures")
table = data.figure_table(filters, category=category, limit=report_views.FIGURES_SHOWN, scope=scope)
in_view = int(counts.set_index("category")["n_figures"].get(category, len(table)))
dated = int(table["published"].notna().sum())  # undated rows: no order of time to claim
st.caption(
    charts.figure_table_caption(len(table), in_view, report_views.FIGURES_SHOWN, dated=dated)
)
shown = charts.figure_cells(table).assign(
    open=filters_ui.article_links(table["article_id"], table["start"], filters),
)
# The figure, what and where it counts, who claims it and when fit the page's column at 1280 px
# with the sidebar open (818 px: 56 + 100 + value + 36 + 90 + 96 + 130 + 86 with a value of
# 110 to 190 px), claimants wrapping in two lines; the sentence, whose, counts and the article
# come after them. Left to their text, the columns ran past the edge from "Claimed by" on.
FIGURE_LINK_PX, FIGURE_TEXT_PX, FIGURE_APPROX_PX, FIGURE_UNIT_PX = 56, 100, 36, 90
FIGURE_PLACE_PX, FIGURE_CLAIM_PX, FIGURE_DAY_PX = 96, 130, 86
FIGURE_ROWS_IN_VIEW = 10
components.table(
    shown[
        [
            "open",  # first: in view on a laptop's screen, whatever the sentence's width
            "text",
            "estimate",
            "approximate",
            "unit",
            "location",
            "claimed_by",
            "published",
            "sentence",
            "subject",
            "counts",
            "part_of_text",
            "title",
        ]
    ],  # fmt: skip
    title=f"{title}: all figures",
    column_config={
        "text": st.column_config.TextColumn("Figure", width=FIGURE_TEXT_PX),
        "estimate": st.column_config.NumberColumn(
            "Value",
            format="localized",
            width=components.value_width(shown["estimate"]),
            help=charts.VALUE_HELP,
        ),
        "approximate": st.column_config.CheckboxColumn("≈", width=FIGURE_APPROX_PX),
        "unit": st.column_config.TextColumn("Counting", width=FIGURE_UNIT_PX),
        "location": st.column_config.TextColumn("Where", width=FIGURE_PLACE_PX),
        "subject": "Whose",
        "claimed_by": st.column_config.TextColumn("Claimed by", width=FIGURE_CLAIM_PX),
        "counts": "Counts",
        # A part ("four children among the 28 dead") names its whole: the toll is the whole.
        "part_of_text": "Part of",
        "sentence": st.column_config.TextColumn("Sentence", width="large"),
        "title": "Article",
        "published": st.column_config.DateColumn("Published", width=FIGURE_DAY_PX),
        # pinned: in view while the reader scrolls to the sentence and the columns after it
        "open": st.column_config.LinkColumn(
            "Read", display_text="open", width=FIGURE_LINK_PX, pinned=True
        ),
    },
    row_height=components.WRAP_ROW_HEIGHT,
    # ten wrapped rows in view (the default height held five and a half)
    height=components.rows_height(
        len(shown), row_height=components.WRAP_ROW_HEIGHT, most_rows=FIGURE_ROWS_IN_VIEW
    ),
)
