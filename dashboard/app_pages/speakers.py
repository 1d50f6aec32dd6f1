"""Speakers: the tone of each speaker's words (TextBlob polarity and subjectivity of the quoted
words, word-weighted), sentiment over time for chosen speakers, and every quote with its article.
Clicking a speaker in a chart opens their quotes below; a link on each quote opens the article."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, components, data, filters_ui, plain

filters = filters_ui.current()
st.title("Speakers")
st.caption(
    "Polarity runs from −1 (negative) to +1 (positive), subjectivity from 0 (factual) to 1 "
    "(opinion); both are TextBlob scores of the quoted words only, weighted by their length."
)

stats = data.view("speaker_stats", filters, limit=30)
if stats.empty:
    components.empty(
        "Nobody is quoted in the articles in view. Widen the date range, remove speaker, entity "
        "or tag filters, or clear the search."
    )
    st.stop()

# The charts show the speakers of the articles in view; the ones filtered on are marked (and
# shown even when they are not among the most quoted of those articles).
chosen = tuple(filters.speakers)
shown = stats.head(20)
shown = pd.concat([shown, stats[stats["speaker"].isin(chosen) & ~stats.index.isin(shown.index)]])
if chosen:
    st.caption(
        f"In bold: {plain.md(', '.join(chosen))}. The others are quoted in the same articles."
    )

left, right = st.columns(2)
with left:
    bar_event = components.chart(
        charts.speaker_polarity(shown, highlight=chosen),
        key="sp_polarity",
        name="speaker sentiment",
        on_select="rerun",
    )
with right:
    scatter_event = components.chart(
        charts.polarity_subjectivity(shown, highlight=chosen),
        key="sp_scatter",
        name="polarity and subjectivity",
        on_select="rerun",
    )
clicked = filters_ui.selected_customdata("sp_polarity") + filters_ui.selected_customdata(
    "sp_scatter"
)

st.subheader("Sentiment over time")
all_speakers = stats["speaker"].tolist()
default = [s for s in filters.speakers if s in all_speakers] or all_speakers[:3]
chosen = st.multiselect(
    "Speakers to compare", all_speakers, default=default, key="sp_compare", max_selections=8
)
gran = st.segmented_control(
    "Period", ["day", "week", "month", "year"], default="week", key="sp_gran",
    label_visibility="collapsed",
)  # fmt: skip
timeline = data.view("sentiment_over_time", filters, speakers=chosen, granularity=gran or "week")
if not chosen:
    components.empty("Choose one or more speakers above to compare their tone over time.")
elif timeline.empty:
    components.empty(
        "These speakers' quotes are in articles without a publication date; there is nothing "
        "to put on a timeline."
    )
else:
    components.chart(
        charts.sentiment_over_time(timeline), key="sp_time", name="sentiment over time"
    )

st.subheader("Quotes")
focus = list(dict.fromkeys(clicked)) or chosen
if clicked:
    st.caption("Showing the speaker(s) you clicked. Click the chart background to clear.")
quotes = data.view("speaker_quotes", filters, speakers=focus, limit=500)
if quotes.empty:
    components.empty("No quotes from these speakers in view. Choose other speakers above.")
else:
    quotes = quotes.assign(
        open=filters_ui.article_links(quotes["article_id"], quotes["start"], filters)
    )
    components.table(
        quotes[
            ["speaker", "text", "kind", "polarity", "subjectivity", "title", "published", "open"]
        ],
        title="Quotes",
        column_config={
            "speaker": "Speaker",
            "text": st.column_config.TextColumn("Quoted words", width="large"),
            "kind": "Kind",
            "polarity": st.column_config.NumberColumn("Polarity", format="%.2f"),
            "subjectivity": st.column_config.NumberColumn("Subjectivity", format="%.2f"),
            "title": "Article",
            "published": st.column_config.DateColumn("Published"),
            "open": st.column_config.LinkColumn("Read", display_text="open article"),
        },
    )
