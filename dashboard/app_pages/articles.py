"""Articles: the filtered list, and a reader showing one article with its quotations coloured by
speaker, entities underlined by type and figures highlighted. The article text is escaped (see
``dashboard.highlight``): a page that contains ``<script>`` or HTML shows as text. The article in
the reader is in the URL (``?article=ID``), so evidence links from other pages open it here."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import components, data, filters_ui, highlight, kwic

filters = filters_ui.current()
st.title("Articles")

# One page of the list at a time (any number of articles), best search matches first.
PAGE_SIZE = 100
n_total = data.view("counts", filters)["articles"]
n_pages = max(1, -(-n_total // PAGE_SIZE))
page_no = 1
if n_pages > 1:
    page_no = int(
        st.number_input(f"Page (of {n_pages:,})", 1, n_pages, key="page", bind="query-params")
    )
listing = data.view(
    "ranked_list", filters, search=filters.search, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE
)
if listing.empty:
    components.empty(
        "No articles match these filters. Widen the date range, remove speaker, entity or tag "
        "filters, or clear the search in the sidebar."
    )
    st.stop()

first = (page_no - 1) * PAGE_SIZE
st.caption(
    f"{n_total:,} article(s) in view"
    + (f"; {first + 1:,}–{first + len(listing):,} shown" if n_pages > 1 else "")
    + ("; best matches first" if filters.search else "")
)
shown = ["title", "published", "source", "author", "n_words", "n_quotes", "n_figures", "tags"]
components.table(
    listing[shown[:1] + ["snippet"] + shown[1:] if filters.search else shown],
    title="Articles",
    column_config={
        "title": st.column_config.TextColumn("Title", width="large"),
        "published": st.column_config.DateColumn("Published"),
        "source": "Outlet",
        "author": "Author",
        "n_words": st.column_config.NumberColumn("Words", format="%d"),
        "n_quotes": st.column_config.NumberColumn("Quotes", format="%d"),
        "n_figures": st.column_config.NumberColumn("Figures", format="%d"),
        "tags": st.column_config.ListColumn("Tags"),
        "snippet": st.column_config.TextColumn("In context", width="large"),
    },
    height=min(38 * len(listing) + 40, 320),
)
if filters.search:  # keyword in context, the matched words marked (the text is escaped)
    with st.expander("Matches in context", expanded=True):
        links = filters_ui.article_links(listing["id"].tolist(), filters=filters)
        rows = listing.assign(href=links).head(20).to_dict("records")
        st.html(kwic.results_html(rows))

ids = listing["id"].tolist()
titles = dict(zip(listing["id"], listing["title"].fillna("(untitled)"), strict=True))
linked = st.query_params.get("article")
if linked and linked not in titles:
    detail = data.article_detail(linked)
    if detail is not None:  # a link to an article outside the filters still opens
        ids.insert(0, linked)
        titles[linked] = detail.article["title"] or "(untitled)"
st.subheader("Reader")
chosen = st.selectbox(
    "Article", ids, format_func=lambda i: titles.get(i, i), key="article", bind="query-params"
)
# The page's link names the article shown, so it reopens on it whatever the store holds then.
filters_ui.remember_page_param("article", chosen)
detail = data.article_detail(chosen) if chosen else None
if detail is None:
    components.empty("Choose an article above to read it with its quotes, entities and figures.")
    st.stop()

art = detail.article
meta = [
    str(art["source"]) if isinstance(art["source"], str) else None,
    art["published"].strftime("%d %b %Y") if not pd.isna(art["published"]) else "undated",
    f"by {art['author']}" if isinstance(art["author"], str) else None,
    f"{int(art['n_words']):,} words",
]
st.markdown(f"#### {art['title'] or '(untitled)'}")
st.caption(" · ".join(m for m in meta if m))
if isinstance(art["url"], str) and art["url"].startswith(("http://", "https://")):
    st.link_button("Original page", art["url"], icon=":material/open_in_new:")

at = st.query_params.get("at")
if at and at.isdigit():
    pos = int(at)
    text = art["text"]
    if 0 <= pos < len(text):
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        st.info(f"You came here from: “{text[start : end if end != -1 else len(text)].strip()}”")

colours = highlight.speaker_colours(detail.quotes["speaker"])
marks = highlight.marks_for(detail.quotes, detail.mentions, detail.figures, colours)
st.html(highlight.legend_html(colours))
st.html(highlight.article_html(art["text"], marks))

with st.expander(f"Quotes ({len(detail.quotes)}), figures ({len(detail.figures)})"):
    st.dataframe(
        detail.quotes[["speaker", "speaker_mention", "kind", "text", "polarity"]],
        hide_index=True, width="stretch",
    )  # fmt: skip
    st.dataframe(
        detail.figures[["text", "category", "unit", "location", "claimed_by"]],
        hide_index=True, width="stretch",
    )  # fmt: skip
