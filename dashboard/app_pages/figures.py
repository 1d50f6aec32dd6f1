"""Figures: the numbers the news reports — troops, share of territory held, people remaining,
displaced, missing, killed — over publication dates, by place, with who claims them. Clicking a
point shows the sentence it comes from; conflicting figures (same thing, place and day, different
values from different claimants) are flagged."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import streamlit as st

from dashboard import charts, components, data, filters_ui
from dashboard.charts import CATEGORY_TITLES

filters = filters_ui.current()
st.title("Figures")

table = data.view("figure_table", filters, limit=5000)
if table.empty:
    components.empty(
        "No figures are reported in the articles in view. Widen the date range or remove "
        "speaker, entity or tag filters in the sidebar."
    )
    st.stop()

ORDER = ["troops", "territory_share", "remaining", "displaced", "missing", "killed", "injured"]
present = [c for c in ORDER if c in set(table["category"])] + sorted(
    set(table["category"]) - set(ORDER)
)
category = st.segmented_control(
    "What is counted", present, default=present[0], key="fg_cat",
    format_func=lambda c: CATEGORY_TITLES.get(c, c),
)  # fmt: skip
category = category or present[0]

left, right = st.columns([3, 2])
with left:
    points = data.view("figure_timeline", filters, category=category, per_day=False)
    if points.empty:
        components.empty(
            f"The {CATEGORY_TITLES.get(category, category).lower()} figures in view come from "
            "undated articles, so they cannot be placed in time; see the table below."
        )
        picked = pd.DataFrame()
    else:
        components.chart(
            charts.figure_timeline(points, category=category),
            key="fg_time",
            name=f"{category} over time",
            on_select="rerun",
        )
        sel = st.session_state.get("fg_time")
        picked_points = (sel or {}).get("selection", {}).get("points", []) if sel else []
        keys = {
            (p["customdata"][0], int(p["customdata"][1]))
            for p in picked_points
            if p.get("customdata")
        }
        picked = points[
            [
                (a, int(s)) in keys
                for a, s in zip(points["article_id"], points["start"], strict=True)
            ]
        ]
with right:
    components.chart(charts.figures_by_category(table), key="fg_cats", name="figures by category")

st.subheader("Evidence")
if picked.empty:
    st.caption("Click a point in the chart to see the sentence it comes from.")
else:
    for row in picked.itertuples(index=False):
        with st.container(border=True):
            st.markdown(f"**{row.text}** {row.unit or ''} · {row.location or 'place not given'}")
            st.text(row.sentence)
            who = row.claimed_by or "unattributed"
            st.caption(f"Claimed by {who} · {row.title} ({row.published:%d %b %Y})")
            st.page_link(
                "app_pages/articles.py",
                label="Open the article",
                icon=":material/article:",
                query_params={"article": row.article_id, "at": str(row.start)},
            )

conflicts = data.view("conflicting_figures", filters, min_relative_difference=0.05)
if not conflicts.empty:
    st.subheader(f"Conflicting figures ({len(conflicts)})")
    st.caption("Same thing, same place, same day — different numbers from different claimants.")
    conflicts = conflicts.assign(
        what=conflicts["category"].map(lambda c: CATEGORY_TITLES.get(c, c))
    )
    components.table(
        conflicts[
            ["published", "what", "location", "text_a", "claimed_by_a", "text_b", "claimed_by_b"]
        ],
        title="Conflicting figures",
        column_config={
            "published": st.column_config.DateColumn("Day"),
            "what": "What",
            "location": "Where",
            "text_a": "One figure",
            "claimed_by_a": "claimed by",
            "text_b": "Other figure",
            "claimed_by_b": "claimed by ",
        },
    )

st.subheader("All figures")
shown = table.assign(
    what=table["category"].map(lambda c: CATEGORY_TITLES.get(c, c)),
    open="articles?article=" + table["article_id"].map(quote) + "&at=" + table["start"].astype(str),
)
components.table(
    shown[
        [
            "what",
            "text",
            "estimate",
            "approximate",
            "unit",
            "location",
            "subject",
            "claimed_by",
            "sentence",
            "title",
            "published",
            "open",
        ]
    ],  # fmt: skip
    title="All figures",
    column_config={
        "what": "What",
        "text": "Figure",
        "estimate": st.column_config.NumberColumn("Value", format="localized"),
        "approximate": st.column_config.CheckboxColumn("≈"),
        "unit": "Counting",
        "location": "Where",
        "subject": "Whose",
        "claimed_by": "Claimed by",
        "sentence": st.column_config.TextColumn("Sentence", width="large"),
        "title": "Article",
        "published": st.column_config.DateColumn("Published"),
        "open": st.column_config.LinkColumn("Read", display_text="open article"),
    },
)
