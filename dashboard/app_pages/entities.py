"""Entities: the people, organisations and places the coverage is about — top entities by type,
mentions over time, who is named with whom (a network of shared sentences), and an entity's
articles. Clicking a bar or a node narrows the filters to that entity; a point of the timeline,
to that entity and its period. "Merged names" lists the spellings the corpus identity pass
joined (alias → canonical, with the records behind each) and undoes or redoes a join."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, components, data, filters_ui, plain, report_views, reporting

filters = filters_ui.current()
st.title("Entities")

TYPES = report_views.ENTITY_TYPES  # its report reads the same choice
kind = filters_ui.page_choice("Type", list(TYPES), key="en_type", default="All types")
label = TYPES.get(kind or "All types")

top = data.top_entities(filters, label=label, limit=20)
if top.empty:
    components.empty(
        filters_ui.empty_message(
            filters,
            "No entities of this type in the articles in view. Choose another type or widen the "
            "filters in the sidebar.",
        )
    )
    reporting.stop_page()


def _narrow(chart_key: str) -> None:
    filters_ui.add_to_filter("entity", filters_ui.selected_customdata(chart_key))


left, right = st.columns(2)
with left:
    components.chart(
        data.figure(
            charts.top_entities,
            data.top_entities,
            filters,
            dict(label=label, limit=20),
            title=f"Most covered: {(kind or 'all types').lower()}",
        ),
        key="en_top",
        name="top entities",
        on_select=lambda: _narrow("en_top"),
    )
    st.caption("Click a bar to filter on that entity.")
with right:
    names = list(filters.entities) or top["name"].head(5).tolist()

    def _mentions_span() -> tuple:
        """The first and last month these names are mentioned in (the query is cached)."""
        months = data.mentions_over_time(filters, names=names, granularity="month")
        return months["period"].min(), months["period"].max()

    # by the span of the mentions unless the reader chooses (weeks over six years: spikes)
    gran = filters_ui.timeline_period("Period", key="en_per", span_of=_mentions_span)
    over_time = data.mentions_over_time(filters, names=names, granularity=gran)
    if over_time.empty:
        components.empty("These articles have no publication dates; there is no timeline.")
    else:
        components.chart(
            data.figure(
                charts.entity_mentions_over_time,
                data.mentions_over_time,
                filters,
                dict(names=names, granularity=gran),
                period=gran,
            ),
            key="en_time",
            name="mentions over time",
            on_select=lambda g=gran: filters_ui.narrow_to_clicked_period(
                "en_time", g, name_key="entity", name_index=0
            ),
        )
        st.caption(f"Click a point to filter on that name and {gran}.")
        undated = data.undated_articles(filters, names=names)
        note = charts.undated_mentions_note(undated, names, name=plain.md)
        if note:
            st.caption(note)

st.subheader("Who is named with whom")
# The strongest links only: a network of every pair is a hairball nobody can read.
NETWORK_LINKS = report_views.NETWORK_LINKS
# The links' table: two names and their count, in the 2-of-5 column's 318 px at 1280 px with
# the sidebar open (at 135 + 135 + 75 the count, the table's point, was cut to "senten" there).
PAIR_NAME_PX, PAIR_COUNT_PX = 116, 80
pairs = data.cooccurrences(
    filters, labels=(label,) if label else None, min_weight=1, limit=NETWORK_LINKS
)
if pairs.empty:
    components.empty(
        "No two entities share a sentence in the articles in view. Widen the filters or choose "
        "all types."
    )
else:
    net, links = st.columns([3, 2])
    with net:
        components.chart(
            data.figure(
                charts.cooccurrence_network,
                data.cooccurrences,
                filters,
                dict(labels=(label,) if label else None, min_weight=1, limit=NETWORK_LINKS),
            ),
            key="en_network",
            name="entity network",
            on_select=lambda: _narrow("en_network"),
        )
        st.caption(
            f"The {len(pairs)} strongest links. Node size: sentences shared with others; click "
            "a node to filter on it."
        )
    with links:  # the same links, readable: "named with X, in N sentences"
        components.table(
            pairs.sort_values("weight", ascending=False)[["name_a", "name_b", "weight"]],
            title="Named together",
            # Set widths that fit the column (PAIR_NAME_PX): long names ("Aleppo Police
            # Command") had pushed the count, the table's point, out of sight behind a scroll.
            column_config={
                "name_a": st.column_config.TextColumn("Entity", width=PAIR_NAME_PX),
                "name_b": st.column_config.TextColumn("named with", width=PAIR_NAME_PX),
                "weight": st.column_config.NumberColumn(
                    "sentences",
                    format="%d",
                    width=PAIR_COUNT_PX,
                    help="Sentences naming both",
                ),
            },  # fmt: skip
            height=components.fit_height(len(pairs), 520),
        )

st.subheader("An entity's articles")
# in the link, so that a view of one entity's articles is a link too
# The chart's most covered first, then any name the store holds: typed (the picker takes any,
# and offers the stored names containing what was typed), or in a link. On the mixed store Deir
# Ezzor, named in 92 articles, was no choice (US politics filled the top 20) and a link to its
# articles was refused as "not among the choices for the articles in view". The report takes
# any name, too. (Every stored name listed, as the sidebar lists them, sent them all again in
# every run: filters_ui.page_names.)
shown_first = top["name"].tolist()
# The most covered in view until the reader picks another: a speaker filter set in the session
# had left the table on the entity most covered before it, where a fresh link opened on the
# filter's (filters_ui.follow_default; the Speakers page's compared speakers do the same).
filters_ui.follow_default("en_pick", shown_first[0] if shown_first else None)
picks, _ = filters_ui.page_names("entity", "en_pick", shown_first)
filters_ui.fit_link_values("en_pick", picks, takes_any=True)
choice = st.selectbox(
    "Entity", picks, key="en_pick", bind="query-params", accept_new_options=True,
    help="The most covered (the chart's) first. Type any name in the store, or part of one, "
    "and press Enter: the names containing it are offered.",
)  # fmt: skip
filters_ui.remember_page_param("en_pick", choice, top["name"].iloc[0] if len(top) else None)
if choice:
    arts = data.entity_articles(filters, name=choice, limit=report_views.ENTITY_ARTICLES + 1)
    title = report_views.entity_articles_title(choice, arts)
    more = len(arts) > report_views.ENTITY_ARTICLES
    arts = arts.head(report_views.ENTITY_ARTICLES)
    if arts.empty:
        components.empty(f"No article in view names {choice}.")
    else:
        # each link outlines the entity's first mention in its article, as other pages' do
        arts = arts.assign(
            open=filters_ui.article_links(
                arts["id"].tolist(), arts["first_start"].tolist(), filters
            )
        )
        components.table(
            arts[["title", "published", "source", "mentions", "open"]],
            title=title,
            column_config={
                "title": "Article",
                "published": st.column_config.DateColumn("Published"),
                "source": "Outlet",
                "mentions": st.column_config.NumberColumn("Mentions", format="%d"),
                "open": st.column_config.LinkColumn("Read", display_text="open article"),
            },
        )
        if more:  # the table's rows read as all of them otherwise
            st.caption(
                f"The {len(arts):,} articles naming {plain.md(choice)} most; more articles in "
                "view name it: narrow the filters to list them."
            )

st.subheader("Merged names")
merges = data.name_merges()
if merges.empty:
    components.empty(
        "The identity pass joined no names in this store: each actor, place and outlet is "
        "written one way."
    )
else:
    components.table(
        merges.assign(status=merges["undone"].map({True: "undone", False: "merged"}))[
            ["kind", "alias", "canonical", "evidence", "status"]
        ],
        title="Merged names",
        column_config={
            "kind": "Kind",
            "alias": "Written as",
            "canonical": "Shown as",
            "evidence": st.column_config.NumberColumn("Records", format="%d"),
            "status": "Status",
        },
    )
    st.caption(
        "Across the whole store (not only the articles in view): each name on the left is shown "
        "as the name on the right in every view. Records: quotes, mentions, figures and articles "
        "that wrote it so. Kind 'label': a person's name that a few articles took for a place, "
        "counted as the person there, or a body's name a few took for a person with no cue of "
        "one, counted as the body (records: its mentions relabelled). An undone merge stays "
        "undone when more articles are analysed."
    )

    def _choices(undone: bool) -> dict[str, tuple[str, str]]:
        rows = merges[merges["undone"] == undone]
        return {
            f"{r.alias} → {r.canonical} ({r.kind})": (r.kind, r.alias)
            for r in rows.itertuples(index=False)
        }

    def _flip(key: str, choices: dict[str, tuple[str, str]], undone: bool) -> None:
        picked = st.session_state.get(key)
        if picked in choices:
            kind_, alias_ = choices[picked]
            data.set_merge_undone(kind_, alias_, undone)
            st.session_state["en_merge_done"] = (
                f"{'Undone' if undone else 'Merged again'}: {picked}"
            )

    if data.read_only():
        st.caption("This dashboard was opened read-only: merges can be seen, not undone.")
    else:
        active, undone_ = _choices(False), _choices(True)
        left, right = st.columns(2)
        with left:
            st.selectbox("Undo a merge", list(active), index=None, key="en_undo_pick")
            st.button(
                "Undo merge",
                key="en_undo",
                disabled=not active,
                on_click=_flip,
                args=("en_undo_pick", active, True),
            )
        with right:
            st.selectbox("Redo an undone merge", list(undone_), index=None, key="en_redo_pick")
            st.button(
                "Redo merge",
                key="en_redo",
                disabled=not undone_,
                on_click=_flip,
                args=("en_redo_pick", undone_, False),
            )
        if msg := st.session_state.pop("en_merge_done", None):
            st.success(msg)
