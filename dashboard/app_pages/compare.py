"""Compare: two to four outlets, speakers or searches side by side, within the sidebar's filters —
how much attention each gives over time (count and share of all articles in view), who each
quotes, how each speaker sounds in each group, and what figures each reports for the same
category and place. The groups live in the URL (``vs=Outlets&cmp_source=bbc&cmp_source=sana``),
so a comparison is a link. Clicking a point of the timeline narrows the dates to its period;
clicking a speaker's bar or dot filters on them."""

from __future__ import annotations

import streamlit as st

from analysis import query
from analysis.compare_views import MAX_GROUPS, Group
from dashboard import compare_charts, components, data, filters_ui, plain, report_views, reporting
from dashboard.charts import CATEGORY_TITLES

filters = filters_ui.current()
st.title("Compare")

KINDS = {"source": "Outlets", "speaker": "Speakers", "query": "Searches"}
kind = filters_ui.page_choice(
    "Compare", list(KINDS), key="vs", default="source", format_func=KINDS.get,
    help="Groups of articles to put side by side, within the sidebar's filters",
)  # fmt: skip


def _remember(key: str, values: list[str]) -> None:
    # A list of values for the page's link (filters_ui.remember_page_param keeps one string).
    params = st.session_state.setdefault(filters_ui.PAGE_PARAMS_KEY, {})
    if values:
        params[key] = list(values)


def _clicked(narrow) -> None:
    """A chart's click: ``narrow()`` the filters, the outlets compared kept (they follow the
    view's default while the reader leaves them alone: a click on May 2016 of one outlet's
    line had put the three outlets of most articles in May 2016 in their place)."""
    narrow()
    filters_ui.keep_choice("cmp_source")
    if st.session_state.get("cmp_source"):  # set anew: the link gets them (a default had none)
        st.session_state["cmp_source"] = list(st.session_state["cmp_source"])


errors: list[str] = []
if kind == "source":
    # Within the sidebar's outlets when it names some: another outlet has no article in view.
    sources = list(filters.sources) or list(data.filter_options().sources)
    # by default the three with most articles in view (report_views.compared_outlets)
    in_view = data.outlets_in_view(filters)["source"].tolist()
    shown = report_views.outlets_shown(sources, in_view)
    default = report_views.compared_outlets(sources, in_view)
    if len(filters.sources) == 1:
        st.caption(
            f"The sidebar keeps one outlet ({plain.md(filters.sources[0])}): add outlets to its "
            "filter, or clear it, to compare outlets."
        )
    elif len(shown) == 1:
        st.caption(report_views.one_outlet_in_view(plain.md(shown[0])))
    elif not shown:
        st.caption(report_views.NO_OUTLET_IN_VIEW)
    # the outlets follow the view while the reader leaves them alone, as the Speakers page's
    # compared speakers do; picked by hand (or a link's), they stay
    followed = filters_ui.follow_default("cmp_source", default)
    fitted = filters_ui.fit_link_values("cmp_source", sources, multi=True) or followed
    chosen = st.multiselect(
        "Outlets", sources,
        **({} if fitted else {"default": default}),
        key="cmp_source", bind="query-params", max_selections=MAX_GROUPS,
        placeholder="type to find an outlet",
    )  # fmt: skip
    _remember("cmp_source", chosen)
elif kind == "speaker":
    speakers = data.top_names("speaker", limit=filters_ui.PICKER_LIMIT)
    filters_ui.fit_link_values("cmp_speaker", speakers, multi=True)
    chosen = st.multiselect(
        "Speakers", speakers,
        key="cmp_speaker", bind="query-params", max_selections=MAX_GROUPS,
        placeholder="type to find anyone quoted",
    )  # fmt: skip
    _remember("cmp_speaker", chosen)
    if filters.speakers:
        st.caption(
            "Each group's speaker stands in for the sidebar's speaker filter: a group is the "
            "articles quoting its speaker within the other filters, and shares are of those "
            "articles whoever they quote."
        )
else:
    text = st.text_area(
        "Searches, one per line", key="cmp_q", bind="query-params", height=110,
        placeholder='Douma OR Ghouta\n"chemical attack"\nspeaker:Lavrov',
        help=filters_ui.SEARCH_HELP,
    )  # fmt: skip
    chosen = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        try:
            query.parse(line)
        except query.QueryError as exc:
            errors.append(f"“{line.strip()}”: {exc}")
            continue
        chosen.append(line.strip())
    chosen = list(dict.fromkeys(chosen))[:MAX_GROUPS]
    if text:
        filters_ui.remember_page_param("cmp_q", text)
for message in errors:
    st.error(f"Search left out — {message}.", icon=":material/search_off:")

groups = tuple(Group(kind, value).spec() for value in chosen)
if len(groups) < 2:
    components.empty(
        f"Choose two to four {KINDS[kind].lower()} to compare (type to find one)."
        if kind != "query"
        else "Write two to four searches, one per line, to compare the articles each finds."
    )
    reporting.stop_page()

order = [Group(kind, v).label for v in chosen]
sizes = data.compare_sizes(filters, groups=groups)
components.table(
    sizes.rename(
        columns={"grp": "Group", "n_articles": "Articles", "n_quotes": "Quotes in them",
                 "n_figures": "Figures in them"}
    ),
    title="Groups compared",
    # thousands separated, as every count on the other pages (the BBC's 12570 quotes)
    column_config={c: st.column_config.NumberColumn(c, format="localized")
                   for c in ("Articles", "Quotes in them", "Figures in them")},
)  # fmt: skip
# A speaker group's articles quote others too: its own quotes are in the speakers' chart below.
st.caption(
    "Each group's articles within the sidebar's filters, and every quote and figure they hold "
    "(by any speaker)."
)
if int(sizes["n_articles"].sum()) == 0:
    components.empty("None of these groups has articles within the sidebar's filters.")
    reporting.stop_page()
if no_articles := compare_charts.empty_groups_note(sizes, name=plain.md):
    st.caption(no_articles)

st.subheader("Attention over time")
left, right = st.columns([1, 1])
with left:
    granularity = filters_ui.page_choice(
        "Per", list(compare_charts.PERIODS), key="cmp_per", default="month"
    )
with right:
    measure = filters_ui.page_choice(
        "Show", ["share", "count"], key="cmp_show", default="share",
        format_func={"share": "Share of all articles", "count": "Article count"}.get,
    )  # fmt: skip
attention = data.compare_attention(filters, groups=groups, granularity=granularity)
if attention.empty:
    components.empty("None of these groups' articles has a publication date.")
else:
    components.chart(
        data.figure(
            compare_charts.attention,
            data.compare_attention,
            filters,
            dict(groups=groups, granularity=granularity),
            measure=measure,
            granularity=granularity,
            order=order,
        ),
        key="cmp_attention",
        name="attention over time",
        on_select=lambda g=granularity: _clicked(
            lambda: filters_ui.narrow_to_clicked_period("cmp_attention", g)
        ),
    )
    st.caption(f"Click a point to narrow the sidebar's dates to its {granularity}.")
    for label, words in compare_charts.attention_notes(
        sizes, attention, measure=measure, granularity=granularity, name=plain.md
    ):
        st.caption(f"{label}: {words}")

st.subheader("Who each group quotes")
quoted = data.compare_speakers(filters, groups=groups, limit=10)
if quoted.empty:
    components.empty("Nobody is quoted in these groups' articles.")
else:
    components.chart(
        data.figure(
            compare_charts.who_is_quoted,
            data.compare_speakers,
            filters,
            dict(groups=groups, limit=10),
            order=order,
        ),
        key="cmp_quoted",
        name="who is quoted",
        on_select=lambda: _clicked(
            lambda: filters_ui.add_to_filter(
                "speaker", filters_ui.selected_customdata("cmp_quoted")
            )
        ),
    )
    components.chart(
        data.figure(
            compare_charts.tone,
            data.compare_tone,
            filters,
            dict(groups=groups, limit=12),
            order=order,
        ),
        key="cmp_tone",
        name="tone per speaker",
        on_select=lambda: _clicked(
            lambda: filters_ui.add_to_filter(
                "speaker", filters_ui.selected_customdata("cmp_tone", 1)
            )
        ),
    )
    st.caption("Click a bar or a dot to filter on that speaker, as the sidebar's Speakers do.")

st.subheader("Figures reported for the same category and place")
st.caption(
    "News events only: running totals and earlier events recalled are left out, and so are "
    "money and the catch-all counts (other counts of people, percentages, prices), whose "
    "figures at one place count unlike things."
)
figures = data.compare_figures(filters, groups=groups, limit=24)
if figures.empty:
    components.empty("These groups' articles report no figures with a place.")
else:
    # Linear by default: bars whose lengths compare. A log axis is for medians that run from a
    # handful to thousands (it is the default then); it draws dots, since a bar's length on it
    # means nothing.
    log = filters_ui.page_toggle(
        "Log scale", default=compare_charts.log_by_default(figures), key="cmp_log",
        help="For figures that run from a handful to thousands: medians drawn as dots on a "
        "logarithmic axis (bar lengths on a log axis do not compare)",
    )  # fmt: skip
    components.chart(
        data.figure(
            compare_charts.figures_side_by_side,
            data.compare_figures,
            filters,
            dict(groups=groups, limit=24),
            order=order,
            log=log,
        ),
        key="cmp_figures",
        name="figures side by side",
    )
    st.caption(
        ("Dots" if log else "Bars")
        + ": each group's median figure for the category and place (of an even count the lower "
        "middle one: always a figure the group reported); whiskers: its lowest to highest; "
        "hover for how many figures each stands on."
    )
    if unshown := compare_charts.figures_not_drawn(
        figures, order, name=plain.md, empty=compare_charts.empty_groups(sizes)
    ):
        st.caption(f"Not drawn: {unshown}")
    drawn = [g for g in order if g in set(figures["grp"])]
    components.table(
        figures.assign(category=figures["category"].map(lambda c: CATEGORY_TITLES.get(c, c)))
        .pivot_table(
            index=["category", "location"], columns="grp", values="median", aggfunc="first"
        )
        .reindex(columns=drawn)
        .reset_index()
        .rename(columns={"category": "What", "location": "Where"}),
        title="Median figure per category and place",
        # with thousands' separators, as the figure tables: on US politics 2016 a median of
        # "11000000" people displaced stood above one of 3.5 killed
        column_config={g: st.column_config.NumberColumn(g, format="localized") for g in drawn},
    )
