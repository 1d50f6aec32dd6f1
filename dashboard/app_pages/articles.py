"""Articles: the filtered list, and a reader showing one article with its quotations coloured by
speaker, entities underlined by type and figures highlighted. The article text is escaped (see
``dashboard.highlight``): a page that contains ``<script>`` or HTML shows as text. The article in
the reader is in the URL (``?article=ID``), so evidence links from other pages open it here."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import article_views
from dashboard import components, data, filters_ui, highlight, kwic, plain, reporting

filters = filters_ui.current()
st.title("Articles")

# One page of the list at a time (any number of articles), best search matches first.
PAGE_SIZE = 100
n_total = data.counts(filters)["articles"]
n_pages = max(1, -(-n_total // PAGE_SIZE))
page_no = 1
raw_page = st.query_params.get("page")
if raw_page is not None and "page" not in st.session_state:
    # Streamlit drops a bound number out of its range without a word: ?page=99 of 38 pages
    # opened the first page as if the link had said nothing.
    fits = raw_page.strip().isdigit() and 1 <= int(raw_page) <= n_pages
    if not fits:
        st.warning(
            f"{plain.md(f'page={raw_page}')} in this link is not a page of this list (1 to "
            f"{n_pages:,}); showing the first.",
            icon=":material/link_off:",
        )
if n_pages > 1:
    page_no = int(
        st.number_input(f"Page (of {n_pages:,})", 1, n_pages, key="page", bind="query-params")
    )
listing = data.ranked_list(
    filters, search=filters.search, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE
)
if listing.empty:
    components.empty(filters_ui.no_articles(filters))
    if not st.query_params.get("article"):  # a link to one article still opens it below
        reporting.stop_page()

first = (page_no - 1) * PAGE_SIZE
st.caption(
    f"{n_total:,} article(s) in view"
    + (f"; {first + 1:,}–{first + len(listing):,} shown" if n_pages > 1 else "")
    + ("; best matches first" if filters.search else "")
)
shown = ["title", "published", "source", "author", "n_words", "n_quotes", "n_figures", "tags"]
if not listing["tags"].map(lambda tags: tags is not None and len(tags) > 0).any():
    shown.remove("tags")  # no article in view has a tag: no empty column
if listing["author"].isna().all():
    shown.remove("author")  # no article in view names its author: no column of dashes
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
    height=components.fit_height(len(listing), 320),
)
if filters.search:  # keyword in context, the matched words marked (the text is escaped)
    with st.expander("Matches in context", expanded=True):
        links = filters_ui.article_links(listing["id"].tolist(), filters=filters)
        rows = listing.assign(href=links).head(20).to_dict("records")
        st.html(kwic.results_html(rows))

# The reader opens the article the URL names (``?article=ID``), by id, whether or not it is in
# the list above: the list shows one page and follows the filters, a link need not. The picker is
# not bound to the URL through Streamlit (a bound selectbox carries its display label, the
# title, so an id in a link would be refused and the first article shown); instead the URL is
# read here and written back when the reader picks another article.
READER_KEY = "reader_article"
ids = listing["id"].tolist()


def _label(title, source, published) -> str:
    """Title · outlet · date: the same headline from two outlets stays two choices."""
    parts = [title if isinstance(title, str) and title else "(untitled)"]
    parts.append(source if isinstance(source, str) else "")
    parts.append(published.strftime("%d %b %Y") if not pd.isna(published) else "")
    return " · ".join(p for p in parts if p)


labels = {r.id: _label(r.title, r.source, r.published) for r in listing.itertuples(index=False)}
linked = st.query_params.get("article")
linked_detail = None
if linked and linked not in labels:
    linked_detail = data.article_detail(linked)
    if linked_detail is None:
        st.warning(
            f"`article={linked[:80].replace('`', '')}` in this link names no article in this "
            "store; showing the newest article in view instead.",
            icon=":material/link_off:",
        )
        linked = None
        del st.query_params["article"]
        st.query_params.pop("at", None)
    else:
        ids.insert(0, linked)
        a = linked_detail.article
        labels[linked] = _label(a["title"], a["source"], a["published"])
if linked and st.session_state.get(READER_KEY) != linked:
    st.session_state[READER_KEY] = linked  # the link wins over an earlier pick
elif st.session_state.get(READER_KEY) not in labels:
    st.session_state.pop(READER_KEY, None)  # a pick the filters no longer list


def _picked() -> None:
    # The URL names what the reader shows, so the address bar is a link to it; a sentence
    # offset belongs to the article it came with.
    st.query_params["article"] = st.session_state[READER_KEY]
    st.query_params.pop("at", None)


st.subheader("Reader")
chosen = st.selectbox(
    "Article", ids, format_func=lambda i: labels.get(i, i), key=READER_KEY, on_change=_picked
)
# The page's link names the article shown, so it reopens on it whatever the store holds then.
filters_ui.remember_page_param("article", chosen)
detail = linked_detail if linked_detail is not None and chosen == linked else None
detail = detail or (data.article_detail(chosen) if chosen else None)
if detail is None:
    components.empty("Choose an article above to read it with its quotes, entities and figures.")
    reporting.stop_page()

art = detail.article
meta = [
    str(art["source"]) if isinstance(art["source"], str) else None,
    art["published"].strftime("%d %b %Y") if not pd.isna(art["published"]) else "undated",
    f"by {art['author']}" if isinstance(art["author"], str) else None,
    f"{int(art['n_words']):,} words",
]
st.markdown(f"#### {plain.md(art['title'] or '(untitled)')}")
st.caption(" · ".join(plain.md(m) for m in meta if m))
if isinstance(art["duplicate_of"], str):
    original = data.article_detail(art["duplicate_of"])
    st.info(
        "This story is a near-duplicate of “"
        + plain.md(original.article["title"] if original is not None else art["duplicate_of"])
        + "”; the lists and counts include it once, under that article.",
        icon=":material/content_copy:",
    )
elif chosen not in set(listing["id"]):
    in_view = data.article_in_view(filters, article_id=chosen)
    where = (
        "on another page of the list above" if in_view else "left out by the filters in the sidebar"
    )
    st.info(
        f"This article is {where}; it is shown because the link names it.",
        icon=":material/filter_alt_off:",
    )
if isinstance(art["url"], str) and art["url"].startswith(("http://", "https://")):
    st.link_button("Original page", art["url"], icon=":material/open_in_new:")

marks_extra = []
at = st.query_params.get("at")
if at and at.isdigit() and chosen == st.query_params.get("article"):
    span = article_views.focus_span(art["text"], int(at), detail.quotes, detail.figures)
    if span is not None:
        marks_extra.append(highlight.focus_mark(*span))
        filters_ui.remember_page_param("at", at)
        st.info(f"You came here from: “{plain.md(art['text'][span[0] : span[1]])}”")

colours = highlight.speaker_colours(detail.quotes["speaker"])
marks = highlight.marks_for(detail.quotes, detail.mentions, detail.figures, colours)
st.html(highlight.legend_html(colours))
if marks_extra:
    # A fixed script (no article content in it): bring the passage the link named into view
    # once the article below is drawn (it comes after this element, hence the polling).
    st.html(
        "<script>(() => { let n = 0; const go = () => { const el = document.querySelector("
        f"'.{highlight.FOCUS_CLASS}'); if (el) el.scrollIntoView({{block: 'center'}}); "
        "else if (n++ < 50) setTimeout(go, 100); }; go(); })();</script>",
        unsafe_allow_javascript=True,
    )
st.html(highlight.article_html(art["text"], marks + marks_extra))

# Recorded for the page's report too, named after the article, so a report of this page says
# which article it shows.
shown_title = art["title"] or "(untitled)"
with st.expander(f"Quotes ({len(detail.quotes)}), figures ({len(detail.figures)})"):
    components.table(
        detail.quotes[["speaker", "speaker_mention", "kind", "text", "polarity"]],
        title=f"Quotes in “{shown_title}”",
    )
    components.table(
        detail.figures[["text", "category", "unit", "location", "claimed_by"]],
        title=f"Figures in “{shown_title}”",
    )
