"""Places: the places the articles in view name and the figures they report there, on a map
drawn offline (a shipped world outline, gazetteer coordinates). Bubbles are sized by the count
and coloured by the place's main category of figures; places roll up to their province or region
(pick "Idlib" to see Khan Sheikhoun's figures) or country. Clicking a bubble opens that place's
figures and articles below. Region and place live in the URL."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, components, data, filters_ui, map_charts, report_views, reporting
from dashboard.charts import CATEGORY_TITLES

filters = filters_ui.current()
st.title("Places")

SIZES = {"n_figures": "Figures reported", "n_articles": "Articles naming it"}
size_by = filters_ui.page_choice(
    "Size by", list(SIZES), key="pl_size", default="n_figures", format_func=SIZES.get
)
with st.spinner("Placing names on the map (the gazetteer loads on first use) …"):
    regions = data.place_regions(filters)
# a region the link names that is none of the articles' in view is said to be left out
# (Streamlit dropped it silently: ``region=Atlantis`` showed the world without a word)
filters_ui.fit_link_values("region", list(regions))
region = st.selectbox(
    "Province, region or country", list(regions), index=None, key="region",
    bind="query-params", placeholder="everywhere (type to find a province or country)",
)  # fmt: skip
filters_ui.remember_page_param("region", region)  # for the page's link
table = data.places(filters, region=region or "")
if table.empty:
    components.empty(
        filters_ui.empty_message(
            filters,
            "No place the gazetteer knows is named in these articles. Widen the filters or "
            "choose another region.",
        )
    )
    reporting.stop_page()


def _pick_from_map() -> None:
    picked = filters_ui.selected_customdata("pl_map")
    if picked:
        st.session_state["place"] = picked[0]


SPELLED = map_charts.spelled_places(table)
# a link may hold the articles' own spelling ("Douma" for the gazetteer's Duma)
filters_ui.fit_link_values(
    "place", table["place"].tolist() + list(SPELLED),
    aliases={option.rsplit(" → ", 1)[0]: place for option, place in SPELLED.items()},
)  # fmt: skip
place = st.session_state.get("place") or st.query_params.get("place")
place = SPELLED.get(place, place)
# after the place is known: the map's first view holds the chosen place, and the caption says so
st.caption(map_charts.places_note(table, region or "", size_by, place))
components.chart(
    data.figure(
        map_charts.places_map,
        data.places,
        filters,
        dict(region=region or ""),
        size_by=size_by,
        selected=place,
    ),
    key="pl_map",
    name="places map",
    on_select=_pick_from_map,
)
place = st.selectbox(
    "Place", table["place"].tolist() + list(SPELLED), index=None, key="place",
    bind="query-params", placeholder="click a bubble, or type a place",
)  # fmt: skip
filters_ui.remember_page_param("place", place)  # the link holds what was chosen
place = SPELLED.get(place, place)

# where the place or area lies: its figures and articles are those placing its names there,
# not a namesake's elsewhere ("San Jose, Calif." under San Jose, Costa Rica)
scope = report_views.place_scope(table, place, region)
if scope is None:
    reporting.stop_page()
names, where, heading = scope.names, scope.where, scope.heading

st.subheader(f"Figures reported for {heading}")
figs = charts.in_category_order(data.place_figures(filters, names=names, **where))
if figs.empty:
    components.empty(f"The articles in view name {heading} but report no figures there.")
else:
    figs = charts.figure_cells(figs).assign(  # "(the outlet)" for no claimant, as elsewhere
        category=figs["category"].map(lambda c: CATEGORY_TITLES.get(c, c)),
        link=filters_ui.article_links(figs["article_id"].tolist(), figs["start"].tolist(), filters),
    )
    components.table(
        figs[["link", "category", "value", "text", "location", "claimed_by", "source",
              "published", "sentence"]],
        title=f"Figures for {heading}",
        column_config={
            "category": "What", "value": st.column_config.NumberColumn(
                "Value", format="%,.0f", width=components.value_width(figs["value"]),
                help="The number the figure states. None (—) for a range or for words such "
                "as “dozens”: the Figure column gives them."),
            "text": "Figure", "location": "Where", "claimed_by": "Claimed by",
            "source": "Outlet", "published": st.column_config.DateColumn("Published"),
            "sentence": st.column_config.TextColumn("Sentence", width="large"),
            "link": st.column_config.LinkColumn("Evidence", display_text="open"),
        },
    )  # fmt: skip

st.subheader(f"Articles about {heading}")
arts = data.place_articles(filters, names=names, limit=report_views.PLACE_ARTICLES, **where)
if note := report_views.place_articles_note(len(arts), heading):
    st.caption(note)
arts = arts.assign(link=filters_ui.article_links(arts["id"].tolist(), filters=filters))
components.table(
    arts[["title", "source", "published", "mentions", "link"]],
    title=f"Articles about {heading}",
    column_config={
        "title": "Article", "source": "Outlet", "mentions": "Mentions",
        "published": st.column_config.DateColumn("Published"),
        "link": st.column_config.LinkColumn("Read", display_text="open article"),
    },
)  # fmt: skip
