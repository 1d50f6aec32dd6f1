"""The report's HTML, without a browser: labels and escaping, links only to http(s) URLs, room for
long text, every row, a title page that says when nothing matched."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.filters import Filters
from dashboard.report_html import cell_text, document, table_html
from dashboard.report_views import Item, ReportMeta, Section, Table


def test_cells_read_as_on_the_dashboard():
    assert cell_text(pd.Timestamp("2016-12-10")) == "2016-12-10"
    assert cell_text(pd.NaT) == "" and cell_text(None) == "" and cell_text(float("nan")) == ""
    assert cell_text(True) == "≈" and cell_text(False) == ""
    assert cell_text(100000.0) == "100,000" and cell_text(0.123) == "0.12"
    assert cell_text(["Aleppo", "Syria"]) == "Aleppo, Syria"


def test_a_missing_date_reads_undated_as_on_the_page():
    """A table of dated and undated articles: the page says "undated" where a date is missing
    (the BBC's stories have none), and so does the report; a blank read as a value left out."""
    frame = pd.DataFrame(
        {
            "Published": [pd.Timestamp("2016-12-10"), pd.NaT],
            "Outlet": ["guardian", None],
            "Quotes": [3, 1],
        }
    )
    cells = table_html(Table(frame)).split("<td")
    assert '="date">2016-12-10</td>' in cells[1] and '="date">undated</td>' in cells[4]
    assert cells[5] == "></td>"  # no outlet: no date word in another column


def test_tables_escape_text_and_link_only_web_addresses():
    frame = pd.DataFrame(
        {
            "Sentence": ["<script>alert(1)</script> said the monitor"] * 70,
            "Read": ["https://dash.example/articles?article=a&at=3"] * 69 + ["javascript:alert(1)"],
        }
    )
    html = table_html(Table(frame, links=("Read",), wide=("Sentence",)))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count('<a href="https://dash.example/articles?article=a&amp;at=3">') == 69
    assert "javascript:" not in html
    assert html.count("<tr>") == 71  # the header and every one of the 70 rows
    assert html.count('<td class="wide">') == 70


def test_title_page_says_when_nothing_matched():
    meta = ReportMeta(filters=Filters(speakers=("Nobody",)), link="http://x/?speaker=Nobody",
                      data_date="articles 2016-12-10 – 2016-12-14", version="t", matched=0)  # fmt: skip
    html = document([Section("overview", "Overview", [Item("Nothing to show", text="none")])], meta)
    assert "No article matches these filters" in html
    assert "speaker: Nobody" in html and 'href="http://x/?speaker=Nobody"' in html
    printed = document([], meta, rendition="print")
    assert "@page" in printed and "thead{display:table-header-group}" in printed


def test_each_page_of_a_report_of_several_links_to_its_page():
    # The title page's View link opens the first page: the others had no link to theirs.
    meta = ReportMeta(filters=Filters(), link="http://x/compare?vs=Outlets",
                      data_date="articles 2016-12-10 – 2016-12-14", version="t", matched=3)  # fmt: skip
    sections = [
        Section("compare", "Compare", [], link="http://x/compare?vs=Outlets"),
        Section("places", "Places", [], link="http://x/places?vs=Outlets&region=Idlib"),
    ]
    html = document(sections, meta)
    assert 'Open in the dashboard: <a href="http://x/places?vs=Outlets&amp;region=Idlib">' in html
    # one page: the title page's link is the page's, said once
    alone = document(sections[:1], meta)
    assert "Open in the dashboard" not in alone


@pytest.mark.browser
def test_a_wide_table_scrolls_in_its_box_not_the_whole_report(browser, tmp_path):
    """At 1280 px a quotes table of ten columns (the quoted words at least 22rem, headers kept on
    one line) was 1,394 px wide and the whole report scrolled sideways, its last column out of
    sight. Headers now wrap on screen, the quoted words yield more, and a table still wider
    than the window scrolls in a box of its own; printed, headers stay whole."""
    words = "the harbour board said the new quay would open in the spring after the storms " * 2
    frame = pd.DataFrame(
        {
            "Speaker": ["Harbour Master Ortiz"] * 3,
            "Verb": ["said"] * 3,
            "Quoted words": [words] * 3,
            "Kind": ["reported"] * 3,
            "Polarity (TextBlob)": [0.12] * 3,
            "Polarity (VADER)": [0.3] * 3,
            "Subjectivity": [0.4] * 3,
            "Article": ["Quay to open in spring after a winter of storms"] * 3,
            "Published": ["2016-12-10"] * 3,
            "Read": ["https://dash.example/articles?article=a&at=3"] * 3,
        }
    )
    for n_columns in (10, 30):  # one that fits at 1280 px, one that cannot
        wide = frame.assign(**{f"Extra count {i}": 7 for i in range(n_columns - 10)})
        item = Item("Quotes", table=Table(wide, links=("Read",), wide=("Quoted words",)))
        meta = ReportMeta(filters=Filters(), link="http://x/", data_date="d", version="t")
        path = tmp_path / f"report-{n_columns}.html"
        path.write_text(document([Section("speakers", "Speakers", [item])], meta))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(path.as_uri())
            page_wide, window, table_wide, box = page.evaluate(
                """() => { const b = document.querySelector('div.table');
                  return [document.documentElement.scrollWidth,
                          document.documentElement.clientWidth, b.scrollWidth, b.clientWidth]; }"""
            )
        finally:
            page.close()
        assert page_wide <= window, (n_columns, page_wide)  # the report never scrolls sideways
        assert (table_wide <= box) == (n_columns == 10), (n_columns, table_wide, box)
    printed = document([Section("speakers", "Speakers", [item])], meta, rendition="print")
    assert "th{white-space:nowrap}" in printed and ".table{overflow-x:visible}" in printed


def test_a_figures_table_of_twelve_columns_fits_the_report_at_1280_px(browser, tmp_path):
    """The Figures page's twelve columns (the sentence, the claimants, whose and the article's
    title long) were 1,410 px wide in the report's 1,200-px column at 1280 px, the link last and
    beyond the box's edge: a table of that many columns gives its text less room each."""
    sentence = (
        "The harbour authority said on Tuesday that at least 14 fishing boats had been lost "
        "in the storm that struck the northern coast overnight, and that 3 crews were missing."
    )
    frame = pd.DataFrame(
        {
            "Read": ["https://dash.example/articles?article=b&at=40"] * 3,
            "Figure": ["at least 14 fishing boats and their nets"] * 3,
            "Value": [14] * 3,
            "≈": [True] * 3,
            "Counting": ["boats"] * 3,
            "Where": ["the northern coast"] * 3,
            "Claimed by": ["the regional harbour and coastguard authority"] * 3,
            "Published": ["2016-12-10"] * 3,
            "Sentence": [sentence] * 3,
            "Whose": ["the northern coast's fishing cooperatives"] * 3,
            "Counts": ["news event"] * 3,
            "Article": ["Storm sinks fishing fleet along the northern coast overnight"] * 3,
        }
    )
    item = Item(
        "Boats: all figures",
        table=Table(frame, links=("Read",), wide=("Sentence",), link_text="open"),
    )
    meta = ReportMeta(filters=Filters(), link="http://x/", data_date="d", version="t")
    path = tmp_path / "report.html"
    path.write_text(document([Section("figures", "Figures", [item])], meta))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(path.as_uri())
        table_wide, box = page.evaluate(
            """() => { const b = document.querySelector('div.table');
              return [b.scrollWidth, b.clientWidth]; }"""
        )
    finally:
        page.close()
    assert table_wide <= box, (table_wide, box)
