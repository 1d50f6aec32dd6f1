"""Every dashboard page can be reported: the report knows each page the app has, and the
Compare and Places pages' report sections hold what the pages show under the choices given
(``--choice``, as in the page's URL) — groups, charts, whole tables, links. No browser here;
``tests/test_report.py`` runs the command end to end."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analysis.filters import Filters
from dashboard import report, report_html, report_pages, report_views
from tests.corpus_maker import analysed_outlet_stories, analysed_stories

APP_PAGES = Path(__file__).resolve().parents[1] / "dashboard" / "app_pages"


@pytest.fixture
def con(dashboard_db):
    con = duckdb.connect(str(dashboard_db), read_only=True)
    yield con
    con.close()


def _section(con, page: str, choices: dict, filters: Filters | None = None):
    (section,) = report_views.build(
        con, [page], filters or Filters(), link_base="http://dash", choices=choices
    )
    return {item.title: item for item in section.items}


def test_the_report_knows_every_page_of_the_dashboard():
    pages = {p.stem for p in APP_PAGES.glob("*.py") if not p.stem.startswith("_")}
    assert set(report_views.PAGES) == pages
    assert set(report_views.BUILDERS) == pages == set(report_views.PAGE_TITLES)
    assert report._pages("compare,places") == ["compare", "places"]
    # Without --pages: the six that need no choice (Compare needs groups, Places a gazetteer).
    assert report._pages(None) == list(report_views.DEFAULT_PAGES)
    with pytest.raises(ValueError, match="maps"):
        report._pages("overview,maps")


def test_list_choices_gather_every_value():
    choices = report.parse_choices(
        ["vs=Outlets", "cmp_source=Daily Ledger", "cmp_source=The Guardian", "region=Idlib"]
    )
    assert choices == {
        "vs": "Outlets",
        "cmp_source": ["Daily Ledger", "The Guardian"],
        "region": "Idlib",
    }
    url = report_views.page_url("http://dash", "compare", Filters(), choices)
    # the Places page's region is no choice of Compare's link
    assert url == "http://dash/compare?vs=Outlets&cmp_source=Daily+Ledger&cmp_source=The+Guardian"


@pytest.mark.parametrize(
    "item, named",
    [
        ("what=Killed", '"People killed"'),  # the button reads "People killed"
        ("counts=events", '"News events"'),
        ("vs=Outlet", '"Outlets"'),
        ("cmp_per=day", '"week"'),
        ("pl_size=Articles", '"Articles naming it"'),
        ("fg_log=yes", '"true"'),  # a switch, as in the page's link
        ("cmp_log=on", '"false"'),
    ],
)
def test_a_choice_no_button_reads_is_a_usage_error(item, named):
    # It had been passed on: the page drew its default, the link and manifest the value given.
    with pytest.raises(ValueError, match=f"--choice {item.split('=')[0]}=") as caught:
        report.parse_choices([item])
    assert named in str(caught.value)


@pytest.mark.parametrize(
    "item",
    ["what=People killed", "counts=Running totals", "cmp_per=year", "place=Douma",
     "fg_log=true", "cmp_log=false"],
)  # fmt: skip
def test_a_choice_a_button_reads_or_a_name_is_taken(item):
    name, value = item.split("=")
    assert report.parse_choices([item]) == {name: value}


def test_compare_section_holds_the_chosen_outlets(con):
    items = _section(con, "compare", {"cmp_source": ["Daily Ledger", "The Guardian"]})
    groups = items["Groups compared"].table.frame
    assert groups["Group"].tolist() == ["Daily Ledger", "The Guardian"]
    assert groups["Articles"].tolist() == [2, 1]
    assert items["Who each group quotes"].figure is not None
    assert items["Tone per speaker"].figure is not None
    # The median figures per category and place, with one column per group.
    median = items["Median figure per category and place"].table.frame
    assert {"What", "Where"} <= set(median.columns)
    assert set(median.columns) - {"What", "Where"} <= {"Daily Ledger", "The Guardian"}


def test_compare_by_default_takes_the_first_outlets_as_the_page_does(con):
    items = _section(con, "compare", {})
    groups = items["Groups compared"].table.frame["Group"].tolist()
    assert groups == list(report_views.article_views.filter_options(con).sources[:3])


def test_compare_by_default_takes_the_outlets_in_view_as_the_page_does(con):
    # the store's largest outlets had been the groups whatever the filters kept in view
    quoting = con.execute(
        "SELECT source, count(*) AS n FROM articles WHERE duplicate_of IS NULL AND id IN "
        "(SELECT article_id FROM quotes WHERE speaker = 'Maria Lopez') GROUP BY source "
        "ORDER BY n DESC, source"
    ).fetchall()
    largest = list(report_views.article_views.filter_options(con).sources[:3])
    assert [s for s, _ in quoting][:3] != largest  # the test tells them apart
    items = _section(con, "compare", {}, Filters(speakers=("Maria Lopez",)))
    if len(quoting) >= 2:
        groups = items["Groups compared"].table.frame["Group"].tolist()
        assert groups == [s for s, _ in quoting][:3]
    else:  # one outlet quotes her: no comparison, and the report says why
        assert "Groups compared" not in items
        assert f"Only one outlet has articles in view ({quoting[0][0]})" in items["One outlet"].text


def test_compare_within_the_filters_outlets_as_the_page_does(con):
    # the filters' outlets are the groups; one outlet is no comparison, and says so (the
    # report had set two outlets of no article in view beside it, at 0 / 0 / 0)
    sources = list(report_views.article_views.filter_options(con).sources)
    two = Filters(sources=tuple(sources[1:3]))
    groups = _section(con, "compare", {}, two)["Groups compared"].table.frame["Group"].tolist()
    assert groups == sources[1:3]
    items = _section(con, "compare", {}, Filters(sources=(sources[0],)))
    assert "Groups compared" not in items and sources[0] in items["One outlet"].text
    assert "cmp_source" in items["Nothing to show"].text


def test_compare_searches_name_a_bad_one_and_need_two(con):
    items = _section(con, "compare", {"vs": "Searches", "cmp_q": "Kerry\nAND AND\nLopez"})
    assert "AND AND" in items["Search left out"].text
    groups = items["Groups compared"].table.frame["Group"].tolist()
    assert groups == ["“Kerry”", "“Lopez”"]
    items = _section(con, "compare", {"vs": "Speakers", "cmp_speaker": ["John Kerry"]})
    assert "cmp_speaker" in items["Nothing to show"].text  # one group is not a comparison


def test_places_section_lists_places_and_a_region_figures(con):
    items = _section(con, "places", {})
    assert items["Places map"].figure is not None
    places = next(i for t, i in items.items() if t.startswith("Places (")).table.frame
    assert "Aleppo" in places["Place"].tolist()
    assert not any(t.startswith("Figures reported for") for t in items)  # nothing picked
    items = _section(con, "places", {"place": "Aleppo"})
    figures = items["Figures reported for Aleppo"]
    assert (figures.table.frame["Where"] == "Aleppo").all()
    assert figures.table.links == ("Evidence",)
    assert all(
        link.startswith("http://dash/articles?article=") for link in figures.table.frame["Evidence"]
    )
    articles = items["Articles about Aleppo"].table.frame
    assert len(articles) >= 3


def test_compare_and_places_in_the_html_document(con):
    sections = report_views.build(
        con, ["compare", "places"], Filters(), link_base="http://dash",
        choices={"cmp_source": ["Daily Ledger", "Example Times"], "place": "Aleppo"},
    )  # fmt: skip
    meta = report_views.ReportMeta(Filters(), "http://dash/compare", "articles", "test", 5)
    html = report_html.document(sections, meta)
    assert '<section class="page" id="compare">' in html
    assert '<section class="page" id="places">' in html
    assert "Groups compared" in html and "Median figure per category and place" in html
    assert "Figures reported for Aleppo" in html and "Articles about Aleppo" in html
    n_charts = sum(i.figure is not None for s in sections for i in s.items)
    assert html.count('class="plotly-graph-div"') == n_charts >= 4


@pytest.mark.parametrize(
    ("choices", "title"),
    [
        ({}, "Sentiment over time (TextBlob), per day"),  # auto: the test store spans weeks
        ({"sp_per": "month"}, "Sentiment over time (TextBlob), per month"),
        ({"sp_per": "fortnight"}, "Sentiment over time (TextBlob), per day"),  # not a period
    ],
)
def test_speakers_section_draws_the_timeline_at_the_pages_period(con, choices, title):
    timeline = _section(con, "speakers", choices)["Sentiment over time"].figure
    assert timeline.layout.title.text == title


def test_overview_and_entities_sections_draw_their_timelines_at_the_pages_period(con):
    overview = _section(con, "overview", {})["Articles over time"].figure
    assert overview.layout.title.text == "Articles per day"  # auto: the store spans weeks
    overview = _section(con, "overview", {"ov_per": "year"})["Articles over time"].figure
    assert overview.layout.title.text == "Articles per year"
    mentions = _section(con, "entities", {"en_per": "month"})["Mentions over time"].figure
    assert all(pd.Timestamp(x).day == 1 for t in mentions.data for x in t.x if x is not None)


def test_the_command_line_takes_every_choice_the_sections_read():
    # The sections read the timelines' periods and the money's currency, as the pages' links
    # carry them, but `presslens report --choice ov_per=year` (or currency=GBP) was refused as
    # an unknown choice: a view's link could not be reported from the command line.
    choices = report.parse_choices(
        ["ov_per=year", "sp_per=month", "en_per=week", "currency=GBP", "fg_per=day"]
    )
    assert choices == {
        "ov_per": "year", "sp_per": "month", "en_per": "week", "currency": "GBP", "fg_per": "day",
    }  # fmt: skip
    with pytest.raises(ValueError, match="ov_per='fortnight'"):
        report.parse_choices(["ov_per=fortnight"])


def test_the_speakers_section_names_a_speaker_no_date_puts_on_the_timeline(tmp_path):
    # As on the page: one of the speakers compared, quoted only in undated articles, had been
    # missing from the report's timeline without a word.
    stories = {
        "a": ("“The ferry will sail again in June,” said Mayor Elena Varga.", "2017-03-03"),
        "c": ("“Our library stays open,” said councillor Tobias Brandt.", None),
    }
    db = analysed_stories(tmp_path, stories)
    con = duckdb.connect(str(db), read_only=True)
    try:
        items = _section(con, "speakers", {})
    finally:
        con.close()
    assert "Sentiment over time" in items
    note = items["Not on the timeline"].text
    assert note == "Tobias Brandt: quoted only in articles without a publication date."


def test_the_compare_section_names_an_outlet_no_date_puts_on_the_timeline(tmp_path):
    # As on the page: the report had left an outlet of undated articles (the BBC's on the real
    # store) out of its attention chart without a word, and its hollow points unexplained.
    stories = [
        ("a", "Harbour Gazette", "2017-03-03", "The ferry to Kellmoor sailed again on Monday."),
        ("b", "Valley Wire", None, "Farmers in the valley counted 40 flooded fields."),
    ]
    db, _ = analysed_outlet_stories(tmp_path, stories, db_name="undated.duckdb")
    con = duckdb.connect(str(db), read_only=True)
    try:
        items = _section(con, "compare", {"cmp_source": ["Harbour Gazette", "Valley Wire"]})
    finally:
        con.close()
    assert "Attention over time" in items
    note = items["Not drawn over time"].text
    assert note == "Valley Wire — none of its articles in view has a publication date."
    # one article in view in the one month drawn (as bars): its share is hollow, as the page says
    assert items["Hollow bars"].text.startswith("Fewer than 5 articles in view that month")


def test_the_reports_overview_counts_a_speakers_own_quotes_apart_as_the_page(con):
    # Under a speaker filter the page's cards say "Their quotes" and "All quotes"; the
    # report's counts had said "Quotes" of every quote in the articles quoting them.
    filters = Filters(speakers=("Maria Lopez",), sources=("Example Times",))
    counts = _section(con, "overview", {}, filters)["Counts"].table.frame
    shown = dict(zip(counts[""], counts["Count"], strict=True))
    [(hers,)] = con.execute(
        "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.speaker = 'Maria Lopez' AND a.source = 'Example Times'"
    ).fetchall()
    assert list(shown) == ["Articles", "Their quotes", "All quotes", "Speakers", "Entities",
                           "Figures"]  # fmt: skip
    assert shown["Their quotes"] == hers < shown["All quotes"]
    everything = _section(con, "overview", {})["Counts"].table.frame
    assert everything[""].tolist() == ["Articles", "Speakers", "Quotes", "Entities", "Figures"]


@pytest.fixture
def dated_and_undated(tmp_path):
    """A connection to a store of two dated stories and an undated one (as the page tests')."""
    stories = {
        "a": ("The ferry to Kellmoor was cancelled after the storm.", "2017-03-03"),
        "b": ("The new lighthouse at Kellmoor was lit on Friday.", "2017-03-05"),
        "c": ("Divers found a bronze bell off Kellmoor harbour.", None),
    }
    con = duckdb.connect(str(analysed_stories(tmp_path, stories)), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("page", ["overview", "articles", "speakers", "entities", "figures"])
@pytest.mark.parametrize(
    "dates, search, said",
    [
        # the dates alone empty the view of an undated article: the page's words, not "widen"
        (("2017-03-01", "2017-03-31"), "bell",
         "No articles match these filters between these dates. Without the dates, 1 article "
         "matches, none with a publication date, and a date range keeps dated articles only: "
         "clear From and To to see them."),
        (("2018-01-01", "2018-12-31"), "Kellmoor",
         f"{report_views.NO_ARTICLES} Without the dates, 3 articles match, 1 of them without a "
         "publication date, which a date range leaves out."),
        # only dated articles outside the range: widening the dates is the whole advice
        (("2018-01-01", "2018-12-31"), "lighthouse", report_views.NO_ARTICLES),
        ((None, None), "nowhere-to-be-found", report_views.NO_ARTICLES),
    ],
)  # fmt: skip
def test_the_reports_empty_view_says_what_its_dates_leave_out(
    dated_and_undated, page, dates, search, said
):
    # The report had said only "Widen the date range …" where the page said that the dates
    # leave out articles without a publication date (BBC from 2004 to 2005 on FA-KES + BBC).
    date_from, date_to = (pd.Timestamp(d).date() if d else None for d in dates)
    filters = Filters(date_from=date_from, date_to=date_to, search=search)
    items = _section(dated_and_undated, page, {}, filters)
    assert items["Nothing to show"].text == said


@pytest.mark.parametrize(
    "page, said",
    [
        ("speakers", "Nobody is quoted in the articles in view."),
        ("figures", "No figures are reported in the articles in view."),
    ],
)
def test_a_report_section_with_articles_in_view_keeps_its_own_empty_words(
    dated_and_undated, page, said
):
    # Articles match (nobody is quoted in them, no figure): the section's own words, not
    # "No articles match these filters".
    items = _section(dated_and_undated, page, {}, Filters(search="lighthouse"))
    assert items["Nothing to show"].text == said


def test_the_reports_data_date_names_the_undated_articles(dated_and_undated):
    # The title page and footer said "articles 2011-08-01 – 2017-12-14" on FA-KES + BBC and
    # nothing of the BBC's 297 undated articles, which no date range shows.
    said = report_views.data_date(dated_and_undated)
    assert said.startswith("articles 2017-03-03 – 2017-03-05; 1 undated, analysed ")
    assert report_views.data_span(None, None, 3) == "undated articles"
    assert report_views.data_span(pd.Timestamp("2017-03-03"), pd.Timestamp("2017-03-05"), 0) == (
        "articles 2017-03-03 – 2017-03-05"
    )


def test_the_reports_figure_tables_list_the_kinds_of_count_as_the_page_does(tmp_path):
    # As the Figures page's buttons (charts.CATEGORY_ORDER); by code, injured came before killed.
    stories = {
        "a": ("A landslide near Quelimane killed 9 people, officials said.", "2019-04-01"),
        "b": ("Some 600 people fled their homes in Quelimane after the landslide.", "2019-04-02"),
        "c": ("Police said 14 people were wounded in Quelimane when the hillside gave way.",
              "2019-04-02"),
    }  # fmt: skip
    con = duckdb.connect(str(analysed_stories(tmp_path, stories)), read_only=True)
    try:
        overview = _section(con, "overview", {})
        places = _section(con, "places", {"place": "Quelimane"})
    finally:
        con.close()
    order = ["People displaced", "People killed", "People injured"]
    assert overview["Headline figures"].table.frame["What"].tolist() == order
    assert places["Figures reported for Quelimane"].table.frame["What"].tolist() == order


def test_each_report_section_links_to_its_page_under_the_reports_filters(con):
    # each link carries the filters and its own page's choices only: the Overview's had carried
    # the Figures page's category, the Data page's every page's choices
    filters = Filters(sources=("Example Times",), search="Geneva")
    choices = {"what": "Money", "ov_per": "week", "cmp_source": ["A", "B"]}
    sections = report_views.build(
        con, ["overview", "data"], filters, link_base="http://dash/", choices=choices
    )
    assert [s.link for s in sections] == [
        "http://dash/?source=Example+Times&q=Geneva&ov_per=week",
        "http://dash/data?source=Example+Times&q=Geneva",
    ]
    assert report_views.page_url("http://dash", "figures", filters, choices) == (
        "http://dash/figures?source=Example+Times&q=Geneva&what=Money"
    )
    assert report_views.page_url("http://dash", "compare", Filters(), choices) == (
        "http://dash/compare?cmp_source=A&cmp_source=B"
    )
    # every choice a report may set is some page's
    assert set(report_pages.CHOICE_PAGES) == set(report_pages.CHOICES)
    assert set(report_pages.CHOICE_PAGES.values()) <= set(report_pages.PAGES)


def test_the_entities_section_shows_the_pages_type_and_its_strongest_links(con):
    # The page's report had drawn every type and 60 links under a page of organisations and
    # its "30 strongest links".
    from analysis import entity_views

    items = _section(con, "entities", {"en_type": "Organisations"})
    chart = items["Top entities"].figure
    assert chart.layout.title.text.startswith("Most covered: organisations")
    shown = {name for trace in chart.data for name in trace.y}
    orgs = set(entity_views.top_entities(con, label="ORG", limit=20)["name"])
    assert shown == orgs
    every = _section(con, "entities", {})
    assert every["Top entities"].figure.layout.title.text.startswith("Most covered: all types")
    assert report.parse_choices(["en_type=People"]) == {"en_type": "People"}
    with pytest.raises(ValueError, match="Organisations"):
        report.parse_choices(["en_type=Orgs"])


@pytest.mark.parametrize(
    "choices, words, matrix",
    [
        ({}, "TextBlob", "TextBlob"),
        ({"scorer": "VADER"}, "VADER", "VADER"),  # the matrix takes the page's scorer
        ({"scorer": "VADER", "attitude_scorer": "TextBlob"}, "VADER", "TextBlob"),
    ],
)
def test_the_speakers_section_scores_as_the_page_and_draws_its_matrix(con, choices, words, matrix):
    # The report had scored with TextBlob under a page set to VADER, and left out the page's
    # "who speaks about whom" matrix.
    from analysis import quote_views

    items = _section(con, "speakers", choices)
    tone = items["Speaker sentiment"].figure
    assert f"({words})" in tone.layout.title.text
    stats = quote_views.speaker_stats(con, limit=30, scorer=words.lower())
    first = stats.iloc[0]
    drawn = {name: x for trace in tone.data for name, x in zip(trace.y, trace.x, strict=True)}
    assert any(label.startswith(first["speaker"]) and x == pytest.approx(first["polarity"])
               for label, x in drawn.items())  # fmt: skip
    assert f"({matrix})" in items["Who speaks about whom, and how"].figure.layout.title.text


def test_the_report_says_what_its_timelines_leave_undated_as_the_pages_do(tmp_path):
    # A mixed archive: the same names in dated and undated stories. The pages' notes of what
    # their timelines leave out (a search's, an entity's, a speaker's undated articles) and of
    # a group with no article in view are the report's too.
    stories = {
        "a": ("“The ferry to Paris will sail in June,” said Elena Varga.", "2017-03-03"),
        "b": ("“The ferry to Paris is late again,” said Elena Varga.", None),
        "c": ("The harbour bridge in Paris reopened to lorries.", "2017-03-04"),
    }
    db = analysed_stories(tmp_path, stories)
    con = duckdb.connect(str(db), read_only=True)
    try:
        compare = _section(con, "compare", {"vs": "Searches", "cmp_q": "ferry\nbridge"})
        dated = Filters(date_from=pd.Timestamp("2017-01-01").date())
        searches = {"vs": "Searches", "cmp_q": "ferry\nlate"}
        empty = _section(con, "compare", searches, dated)
        entities = _section(con, "entities", {}, Filters(entities=("Paris",)))
        speakers = _section(con, "speakers", {"sp_compare": ["Elena Varga"]})
    finally:
        con.close()
    assert compare["Partly drawn over time"].text == (
        "“ferry” — 1 of its 2 articles in view have no publication date and are not on the chart."
    )
    assert (
        empty["No article in view"].text
        == "No article in view: “late” — the charts below leave it out."
    )
    assert entities["Undated articles"].text == (
        "Articles without a publication date are not on the timeline: 1 naming Paris."
    )
    assert speakers["Undated quotes"].text == (
        "Quotes in articles without a publication date are not on the timeline: Elena Varga — "
        "1 of 2."
    )


def test_the_reports_quotes_table_cut_at_its_limit_names_a_speaker_it_holds_none_of(
    tmp_path, monkeypatch
):
    # As on the page: newest first and cut at its limit, the table held none of a speaker
    # quoted only in undated articles, under a title naming them
    stories = {
        "a": ("“The ferry will sail again in June,” said Elena Varga.", "2017-03-03"),
        "b": ("“The bridge stays shut,” said Elena Varga.", "2017-03-04"),
        "c": ("“Our library stays open,” said Tobias Brandt.", None),
    }
    db = analysed_stories(tmp_path, stories)
    monkeypatch.setattr(report_views, "QUOTES_SHOWN", 2)
    con = duckdb.connect(str(db), read_only=True)
    try:
        items = _section(con, "speakers", {"sp_compare": ["Elena Varga", "Tobias Brandt"]})
    finally:
        con.close()
    assert items["Not among the quotes"].text == (
        "None of Tobias Brandt's is among these 2 newest quotes (quotes in articles without a "
        "publication date come last)."
    )


@pytest.mark.parametrize("scorer, polarity", [(None, "TextBlob"), ("VADER", "VADER")])
def test_the_reports_quotes_table_is_in_the_pages_order(tmp_path, scorer, polarity):
    # As on the page: the link first (last, it was out of a narrow window), then who, how, what
    # and when, and the chosen scorer's polarity before the other's
    stories = {"a": ("“The ferry will sail again in June,” said Elena Varga.", "2017-03-03")}
    db = analysed_stories(tmp_path, stories)
    con = duckdb.connect(str(db), read_only=True)
    try:
        items = _section(con, "speakers", {"scorer": scorer} if scorer else {})
    finally:
        con.close()
    table = next(i.table for title, i in items.items() if title.startswith("Quotes of"))
    assert list(table.frame.columns[:7]) == [
        "Read", "Speaker", "Verb", "Quoted words", "Published", f"Polarity ({polarity})",
        f"Polarity ({'VADER' if polarity == 'TextBlob' else 'TextBlob'})",
    ]  # fmt: skip
    assert table.frame["Speaker"].tolist() == ["Elena Varga"]


def test_the_reports_figure_table_cut_at_its_limit_says_of_how_many(tmp_path, monkeypatch):
    # As on the page: "Money: all figures (1,000)" had been the title of 1,000 of the mixed
    # store's 2,782 money figures, those of undated articles last
    stories = {
        "a": ("Shelling killed 12 people in Aleppo on Sunday.", "2017-03-03"),
        "b": ("Shelling killed 15 people in Aleppo on Monday.", "2017-03-04"),
        "c": ("Flooding killed 3 people in Aleppo.", None),
    }
    db = analysed_stories(tmp_path, stories)
    monkeypatch.setattr(report_views, "FIGURES_SHOWN", 2)
    con = duckdb.connect(str(db), read_only=True)
    try:
        items = _section(con, "figures", {"what": "People killed"})
    finally:
        con.close()
    title = (
        "People killed: 2 of the 3 figures: the newest first, those of articles without a "
        "publication date last"
    )
    assert title in items
    # in the page's order, the link first: last, it had been beyond the report's box at 1280 px
    table = items[title].table
    assert list(table.frame.columns[:8]) == [
        "Read", "Figure", "Value", "≈", "Counting", "Where", "Claimed by", "Published",
    ]  # fmt: skip
    assert table.links == ("Read",) and table.link_text == "open"


@pytest.mark.parametrize(
    ("dated", "title"),
    [
        # undated articles' figures alone (the BBC's in a mixed store): no order of time
        ((), "People killed: 1 figure, from articles without a publication date"),
        # beside dated ones: those come first, newest first, and it says how many come last
        (("a", "b"), "People killed: 3 figures: the newest first, the 1 of articles without a "
         "publication date last"),
    ],
)  # fmt: skip
def test_the_reports_figure_table_of_undated_articles_claims_no_newest(tmp_path, dated, title):
    stories = {
        "a": ("Shelling killed 12 people in Aleppo on Sunday.", "2017-03-03"),
        "b": ("Shelling killed 15 people in Aleppo on Monday.", "2017-03-04"),
        "c": ("Flooding killed 3 people in Aleppo.", None),
    }
    db = analysed_stories(tmp_path, {k: v for k, v in stories.items() if k in dated or k == "c"})
    con = duckdb.connect(str(db), read_only=True)
    try:
        items = _section(con, "figures", {"what": "People killed"})
    finally:
        con.close()
    assert title in items


def test_the_figures_log_scale_is_the_choice_given_else_the_pages_default(con):
    """``--choice fg_log`` sets the timeline's scale as the page's switch does (it had not been
    a choice: a report drew the page's default whatever the link said)."""
    default = _section(con, "figures", {"what": "People killed"})["People killed over time"]
    was_log = default.figure.layout.yaxis.type == "log"
    flipped = {"what": "People killed", "fg_log": "false" if was_log else "true"}
    items = _section(con, "figures", flipped)
    assert (items["People killed over time"].figure.layout.yaxis.type == "log") is not was_log
    link = report_views.page_url("http://dash", "figures", Filters(), flipped)
    assert f"fg_log={flipped['fg_log']}" in link
