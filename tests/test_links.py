"""Every link that names an article opens exactly that article — on the multi-outlet corpus
(``corpus_store``), with the target never first in the list: ``/articles?article=ID``, an article
the filters leave out, one beyond the list's first 1,000, a near-duplicate, a bad id, the links
the Figures, Entities and Speakers pages build, "Link to this view", and a sentence link that
outlines exactly its sentence. Through Streamlit's AppTest; ``test_browser_links.py`` does the
same in Chromium."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis import article_views
from analysis.filters import Filters
from tests.apptest import run_page


@pytest.fixture
def corpus(corpus_store, monkeypatch):
    monkeypatch.setenv("PRESSLENS_DB", str(corpus_store))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    return corpus_store


def listing(db: Path, filters: Filters | None = None) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return article_views.article_list(con, filters, limit=None)
    finally:
        con.close()


def shown(markdown: object) -> str:
    """What a Markdown element shows: the escapes of data values (dashboard.plain) undone."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", str(markdown)).replace("\u2060", "")


def heading(at: AppTest) -> str:
    """The reader's heading: the title of the article shown."""
    found = [shown(m.value) for m in at.markdown if str(m.value).startswith("#### ")]
    assert len(found) == 1, found
    return found[0].removeprefix("#### ")


class _Focus(HTMLParser):
    """Collects the text inside the element of class ``presslens-focus``."""

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.text = 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth or ("class", "presslens-focus") in attrs:
            self.depth += 1

    def handle_endtag(self, tag):
        self.depth = max(self.depth - 1, 0)

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def outlined(at: AppTest) -> str:
    """The text of the passage the reader outlines (the one a link pointed at)."""
    parser = _Focus()
    parser.feed(next(h.value for h in at.get("html") if "presslens-article" in h.value))
    return "".join(parser.text)


def test_the_corpus_is_many_articles_from_many_outlets(corpus_store, corpus_files):
    arts = listing(corpus_store)
    assert len(arts) == len(corpus_files.titles) >= 50
    assert arts["source"].nunique() == 5
    assert (arts["published"].max() - arts["published"].min()).days > 180
    assert arts["title"].is_unique
    con = duckdb.connect(str(corpus_store), read_only=True)
    try:
        copies = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
        assert copies.fetchone()[0] == len(corpus_files.duplicates)
        speakers = con.execute("SELECT count(DISTINCT speaker) FROM quotes").fetchone()[0]
        killed = con.execute("SELECT count(*) FROM figures WHERE category = 'killed'").fetchone()
    finally:
        con.close()
    assert speakers >= 8 and killed[0] >= 10


@pytest.mark.parametrize("position", [1, 17, 38, -1])
def test_a_link_opens_the_article_it_names(corpus, position):
    arts = listing(corpus)
    target = arts.iloc[position]
    assert target["id"] != arts.iloc[0]["id"]  # never the first of the list
    at = run_page("articles", {"article": target["id"]})
    assert not at.exception
    assert heading(at) == target["title"]
    assert at.selectbox(key="reader_article").value == target["id"]
    # The page's own link names the same article.
    assert f"article={target['id']}" in "\n".join(str(c.value) for c in at.caption)


def test_picking_another_article_puts_its_id_in_the_url(corpus):
    arts = listing(corpus)
    first, other = arts.iloc[2], arts.iloc[9]
    at = run_page("articles", {"article": first["id"], "at": "0"})
    at.selectbox(key="reader_article").set_value(other["id"]).run()
    assert not at.exception
    assert heading(at) == other["title"]
    assert at.query_params["article"] == other["id"]
    assert "at" not in at.query_params  # an offset belongs to the article it came with


def test_a_link_opens_an_article_the_filters_leave_out(corpus):
    arts = listing(corpus)
    target = arts[arts["source"] == "Daily Ledger"].iloc[3]
    at = run_page("articles", {"article": target["id"], "source": "Capital Post"})
    assert not at.exception
    assert at.multiselect(key="source").value == ["Capital Post"]
    assert heading(at) == target["title"]
    assert any("left out by the filters" in shown(i.value) for i in at.info)


def test_a_link_opens_an_article_whose_filters_match_nothing(corpus):
    target = listing(corpus).iloc[5]
    at = run_page("articles", {"article": target["id"], "q": "no article says zxqv"})
    assert not at.exception
    assert heading(at) == target["title"]


def test_a_link_to_a_near_duplicate_opens_it_and_names_the_original(corpus, corpus_files):
    copy_title, original_title = next(iter(corpus_files.duplicates.items()))
    con = duckdb.connect(str(corpus), read_only=True)
    try:
        copy_id = con.execute("SELECT id FROM articles WHERE title = ?", [copy_title]).fetchone()
    finally:
        con.close()
    at = run_page("articles", {"article": copy_id[0]})
    assert not at.exception
    assert heading(at) == copy_title
    assert any(original_title in shown(i.value) for i in at.info)


def test_a_link_with_an_unknown_id_says_so_and_shows_the_newest(corpus):
    at = run_page("articles", {"article": "0123456789abcdef"})
    assert not at.exception
    assert any("names no article" in shown(w.value) for w in at.warning)
    assert heading(at) == listing(corpus).iloc[0]["title"]


def test_a_link_beyond_the_first_page_listed_opens(corpus_store, tmp_path, monkeypatch):
    """1,000 newer one-paragraph notes push the corpus out of the list; a link still opens."""
    from analysis.records import Article, ArticleResult
    from analysis.store import Store

    db = tmp_path / "big.duckdb"
    shutil.copy(corpus_store, db)
    target = listing(corpus_store).iloc[4]
    notes = [
        Article(
            id=f"note{i:05d}",
            title=f"Briefing note {i}",
            text=f"Briefing note number {i} for the evening desk.",
            source="Desk notes",
            published=f"2018-{1 + i % 12:02d}-{1 + i % 28:02d}",
            n_words=8,
        )
        for i in range(1000)
    ]
    with Store(db) as store:
        store.write_batch([ArticleResult(article=a) for a in notes])
    assert target["id"] not in set(listing(db).head(1000)["id"])
    monkeypatch.setenv("PRESSLENS_DB", str(db))
    at = run_page("articles", {"article": target["id"]})
    assert not at.exception
    assert "1–100 shown" in "\n".join(str(c.value) for c in at.caption)  # the list pages
    assert heading(at) == target["title"]
    assert any("on another page of the list" in shown(i.value) for i in at.info)


def _figure(db: Path, category: str = "killed") -> pd.Series:
    """A figure of ``category`` from an article that is not the newest."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT f.article_id, f.start, f.sentence, a.title FROM figures f "
            "JOIN articles a ON a.id = f.article_id WHERE f.category = ? AND "
            "a.duplicate_of IS NULL ORDER BY a.published, f.start",
            [category],
        ).df()
    finally:
        con.close()
    return rows.iloc[len(rows) // 2]


def test_a_sentence_link_outlines_exactly_that_sentence(corpus):
    fig = _figure(corpus)
    at = run_page("articles", {"article": fig["article_id"], "at": str(fig["start"])})
    assert not at.exception
    assert heading(at) == fig["title"]
    assert outlined(at) == fig["sentence"]
    assert any(fig["sentence"] in shown(i.value) for i in at.info)


def test_figures_page_links_open_the_figures_article(corpus):
    at = run_page("figures", {"what": "People killed"})
    assert not at.exception
    table = next(t for t in at.dataframe if "open" in t.value.columns)
    rows = table.value
    assert len(rows) >= 10
    for _, row in rows.iloc[[3, len(rows) // 2, -1]].iterrows():
        query = parse_qs(urlparse(row["open"]).query)
        opened = run_page("articles", {k: v[0] for k, v in query.items()})
        assert not opened.exception
        assert heading(opened) == row["title"]
        assert outlined(opened) == row["sentence"]


@pytest.mark.parametrize("page", ["entities", "speakers"])
def test_entity_and_speaker_links_open_the_named_article(corpus, page):
    at = run_page(page)
    assert not at.exception
    table = next(t for t in at.dataframe if "open" in t.value.columns).value
    assert len(table) >= 3
    for _, row in table.iloc[[1, -1]].iterrows():
        query = parse_qs(urlparse(row["open"]).query)
        assert set(query) <= {"article", "at"}  # no filters set: nothing else to keep
        opened = run_page("articles", {k: v[0] for k, v in query.items()})
        assert not opened.exception
        assert heading(opened) == row["title"]


def test_report_choice_article_collects_that_article(corpus_store):
    """``presslens report --choice article=ID`` builds the Articles section's reader from that
    id (the report's content comes from the same views as the page), not the first listed."""
    from dashboard import report_views

    target = listing(corpus_store).iloc[11]
    con = duckdb.connect(str(corpus_store), read_only=True)
    try:
        (section,) = report_views.build(
            con, ["articles"], Filters(), link_base="http://localhost:8501",
            choices={"article": target["id"]},
        )  # fmt: skip
    finally:
        con.close()
    titles = [i.title for i in section.items]
    assert f"Reader: {target['title']}" in titles, titles


def _articles_titles(store, choices) -> list[str]:
    from dashboard import report_views

    con = duckdb.connect(str(store), read_only=True)
    try:
        (section,) = report_views.build(
            con, ["articles"], Filters(), link_base="http://localhost:8501", choices=choices
        )
    finally:
        con.close()
    return [i.title for i in section.items]


def test_an_articles_report_leads_with_the_article_it_names(corpus_store):
    """The PDF of one article (the page's reader names it: ``article=ID``) starts with that
    article and its quotes, the list of articles after them (it had printed pages of the list
    first); with no article named the list leads, the newest article's reader after it."""
    target = listing(corpus_store).iloc[5]
    titles = _articles_titles(corpus_store, {"article": target["id"]})
    assert titles[0] == f"Reader: {target['title']}", titles
    assert titles[-1].startswith("Articles ("), titles
    plain = _articles_titles(corpus_store, {})
    assert plain[0].startswith("Articles ("), plain
    assert plain[1].startswith("Reader: "), plain


EMPTY_QUOTES = pd.DataFrame({"start": [], "end": []})
EMPTY_FIGURES = pd.DataFrame({"start": [], "end": [], "sentence": []})


@pytest.mark.parametrize(
    "pos, expected",
    [
        (0, "The road was cut on Monday."),
        (30, "Convoys waited."),
        (50, "“We have no fuel,” she said."),
        (76, "Talks resume in May."),
        (999, None),
    ],
)
def test_focus_span_without_a_record_is_the_sentence_around_the_offset(pos, expected):
    text = (
        "The road was cut on Monday. Convoys waited.\n\n“We have no fuel,” she said. "
        "Talks resume in May."
    )
    span = article_views.focus_span(text, pos, EMPTY_QUOTES, EMPTY_FIGURES)
    assert (text[span[0] : span[1]] if span else None) == expected


def test_focus_span_of_a_quote_is_the_quotation_and_a_repeated_sentence_its_own_copy():
    text = "Ten were killed. Officials said so.\n\nTen were killed. Officials said so again."
    figures = pd.DataFrame({"start": [37], "end": [40], "sentence": ["Ten were killed."]})
    quotes = pd.DataFrame({"start": [17], "end": [34]})
    assert article_views.focus_span(text, 37, quotes, figures) == (37, 53)
    assert article_views.focus_span(text, 17, quotes, figures) == (17, 34)
