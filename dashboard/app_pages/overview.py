"""Overview: the corpus in view at a glance — counts, articles over time, who is quoted most,
what is covered most, and the headline figures. Clicking a speaker or an entity narrows the
filters to it; clicking a bar of the timeline narrows the dates to its period."""

from __future__ import annotations

import streamlit as st

from analysis import entity_views
from dashboard import charts, components, data, filters_ui, report_views, reporting

filters = filters_ui.current()
st.title("Overview")

counts = data.counts(filters)
metrics = report_views.overview_counts(counts, filters, lambda: data.speaker_quote_count(filters))
helps = {}
if filters.speakers:
    # The counts are of the articles quoting the chosen speakers, every quote in them: the
    # speakers' own quotes get a card of their own, so neither is read for the other.
    helps = {
        report_views.THEIR_QUOTES: "The quotes of "
        f"{', '.join(filters.speakers)} in the articles in view.",
        report_views.ALL_QUOTES: "Every quote of the articles in view (those quoting the "
        "speakers chosen), whoever speaks.",
    }
components.metric_row(metrics, helps)
if counts["duplicates"]:
    n = counts["duplicates"]
    st.caption(
        "1 repeated or syndicated copy of an article recognised and counted once."
        if n == 1
        else f"{n:,} repeated or syndicated copies of articles recognised and counted once."
    )

if unattributed := counts.get("unattributed", 0):
    # the speaker charts leave these out: say how much of the speech that is
    share = unattributed / counts["quotes"]
    st.caption(
        f"{unattributed:,} of these {counts['quotes']:,} quotes ({share:.0%}) have no named "
        "speaker (an unnamed source, or a speaker presslens could not tell): they are in the "
        "quote count, in no speaker's bar."
    )

if counts["articles"] == 0:
    components.empty(f"{filters_ui.no_articles(filters)} Or add articles on the Data page.")
    reporting.stop_page()


def _articles_span() -> tuple:
    """The first and last month with dated articles in view (the month query is cached)."""
    months = data.articles_over_time(filters, granularity="month")
    return months["period"].min(), months["period"].max()


# By the span of the articles in view unless the reader chooses: a week's bars over the real
# store's six years were 300 slivers.
granularity = filters_ui.timeline_period("Group articles by", key="ov_per", span_of=_articles_span)
over_time = data.articles_over_time(filters, granularity=granularity)
if over_time.empty:
    components.empty("None of these articles has a publication date, so there is no timeline.")
else:
    components.chart(
        data.figure(
            charts.articles_over_time,
            data.articles_over_time,
            filters,
            dict(granularity=granularity),
            granularity=granularity,
            span=(filters.date_from, filters.date_to),
        ),
        key="ov_time",
        name="articles over time",
        on_select=lambda g=granularity: filters_ui.narrow_to_clicked_period("ov_time", g),
    )
    st.caption(f"Click a bar to narrow the dates to its {granularity}.")
    undated = counts["articles"] - int(over_time["n_articles"].sum())
    if undated > 0:  # say so, rather than let the chart look like the whole corpus
        st.caption(
            f"{undated:,} of these {counts['articles']:,} articles "
            f"{'has' if undated == 1 else 'have'} no publication date and "
            f"{'is' if undated == 1 else 'are'} not on this timeline (they are in every other "
            "count and view)."
        )

left, right = st.columns(2)
with left:
    speakers = data.speaker_stats(filters, limit=12)
    if speakers.empty:
        components.empty("No quotes in these articles. Remove a speaker filter or widen the dates.")
    else:
        components.chart(
            data.figure(charts.top_speakers, data.speaker_stats, filters, dict(limit=12)),
            key="ov_speakers",
            name="top speakers",
            on_select=lambda: filters_ui.add_to_filter(
                "speaker", filters_ui.selected_customdata("ov_speakers")
            ),
        )
        st.caption("Click a bar to filter on that speaker.")
with right:
    ents = data.top_entities(filters, label=entity_views.COVERED_LABELS, limit=12)
    if ents.empty:
        components.empty("No named entities in these articles. Widen the filters.")
    else:
        components.chart(
            data.figure(
                charts.top_entities,
                data.top_entities,
                filters,
                dict(label=entity_views.COVERED_LABELS, limit=12),
                title="Most covered people, organisations and places",
            ),
            key="ov_entities",
            name="top entities",
            on_select=lambda: filters_ui.add_to_filter(
                "entity", filters_ui.selected_customdata("ov_entities")
            ),
        )
        st.caption("Click a bar to filter on that entity.")

st.subheader("Headline figures")
heads = charts.in_category_order(data.headline_figures(filters))  # as the Figures buttons
if heads.empty and counts["figures"]:
    # figures, but none of an event several articles can report: undated articles (an event
    # is a week's), or only the catch-all kinds of count
    components.empty(
        "No headline figures: the figures in these articles are of undated articles, which "
        "make no event, or count unlike things. They are all on the Figures page."
    )
elif heads.empty:
    components.empty("No figures reported in these articles. Widen the filters.")
else:
    st.caption(
        "For each kind of count, the event most articles report, and the figure most outlets "
        "give for it — never simply the largest number. The spread is the range of the "
        "figures the articles give for that incident (its days, its kind of attack), and the "
        "agreement counts the articles reporting it."
    )
    heads = charts.headline_cells(heads).assign(
        open=filters_ui.article_links(heads["article_id"], heads["start"], filters),
        # "2 of 3": the column's label says of what (the words took a column's width)
        agree=[
            f"{n} of {m}"
            for n, m in zip(heads["n_articles"], heads["n_event_articles"], strict=True)
        ],
    )
    components.table(
        heads[
            [
                "open",  # first: in view on a laptop's screen, however wide the rest
                "what",
                "text",
                "unit",
                "location",
                "agree",
                "spread",
                "claimed_by",
                "published",
                "title",
            ]
        ],  # fmt: skip
        title="Headline figures",
        # The widths fit the column at 1280 px with the sidebar open (818 px: at 940 px the
        # table scrolled sideways there, Article cut to "Arti"); on a wider screen Streamlit
        # widens every column in proportion. Rows are tall enough for names and titles to wrap
        # in four lines (in three, "(running total)" and titles' last words were cut off).
        column_config={
            "what": st.column_config.TextColumn("What", width=118),  # "(running total)" too
            "text": st.column_config.TextColumn("Figure", width=80),
            "unit": st.column_config.TextColumn("Counting", width=72),
            "location": st.column_config.TextColumn("Where", width=68),
            "agree": st.column_config.TextColumn(
                "Articles",
                width=62,
                help="Articles giving this figure, of the articles reporting the event",
            ),
            "spread": st.column_config.TextColumn("Spread", width=74),
            "claimed_by": st.column_config.TextColumn("Claimed by", width=92),
            "title": st.column_config.TextColumn("Article", width=104),
            "published": st.column_config.DateColumn("Published", width=84),
            "open": st.column_config.LinkColumn("Read", display_text="open", width=44),
        },
        row_height=components.WRAP4_ROW_HEIGHT,
        # every headline in view without an inner scroll (a kind of count a row: a dozen)
        height=components.rows_height(len(heads), row_height=components.WRAP4_ROW_HEIGHT),
    )
