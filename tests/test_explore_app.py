"""The exploration features in the running app (AppTest): search in the URL with ranked results
and marked snippets, a clear message for a malformed query, an article list that pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote_plus

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from analysis.filters import Filters
from analysis.records import Article, ArticleResult
from analysis.store import Store
from dashboard import report_views
from tests.apptest import APP, run_page
from tests.corpus_maker import analysed_outlet_stories


@pytest.fixture
def use_db(monkeypatch):
    def _use(db: Path) -> None:
        monkeypatch.setenv("PRESSLENS_DB", str(db))
        monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)

    return _use


def _html(at: AppTest) -> str:
    return "\n".join(str(e.proto.body) for e in at.get("html"))


def test_search_in_the_link_ranks_and_marks_matches(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("articles", {"q": '"safe corridors" OR Geneva'})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.text_input(key="q").value == '"safe corridors" OR Geneva'
    # the two stories of our own, and the sample (Kerry and Lavrov met in Geneva)
    assert "3 article(s) in view; best matches first" in "\n".join(c.value for c in at.caption)
    kwic = _html(at)
    assert "<mark>safe corridors</mark>" in kwic and "<mark>Geneva</mark>" in kwic
    table = at.dataframe[0].value
    assert {"Thousands flee as corridors open", "Kerry presses on with Geneva talks"} < set(
        table["title"]
    )
    assert "snippet" in table.columns


def test_search_is_whole_words_and_reaches_every_page(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("overview", {"q": 'speaker:Kerry -"Boris Johnson"'})
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "1"  # the Geneva story; the sample quotes Johnson too
    at = run_page("overview", {"q": "ale"})  # a piece of "Aleppo" is not a word of it
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Articles"] == "0"


def test_a_malformed_query_says_why_and_is_not_applied(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("overview", {"q": "(Aleppo OR"})
    assert not at.exception
    errors = "\n".join(e.value for e in at.error)
    assert "Search not applied: OR at character 9 needs a term after it" in errors
    assert {m.label: m.value for m in at.metric}["Articles"] == "5"


@pytest.fixture(scope="module")
def many_db(tmp_path_factory) -> Path:
    """250 short articles of our own, written straight to a store (no NLP needed to page)."""
    path = tmp_path_factory.mktemp("many") / "many.duckdb"
    results = [
        ArticleResult(
            article=Article(
                id=f"m{i:03d}", title=f"Report {i:03d}", source="Wire",
                published=f"2017-{1 + i % 12:02d}-{1 + i % 28:02d}",
                text=f"Report number {i} from the wire." + (" Douma." if i % 50 == 0 else ""),
            )
        )
        for i in range(250)
    ]  # fmt: skip
    with Store(path) as store:
        store.write_batch(results)
    return path


@pytest.mark.parametrize("page", ["9", "0", "two"])
def test_a_page_beyond_the_list_in_a_link_is_named(many_db, use_db, page):
    """?page=99 of 38 pages had opened the first page without a word (Streamlit drops a bound
    number out of range), unlike every other value of a link that does not fit."""
    use_db(many_db)
    at = run_page("articles", {"page": page})
    assert not at.exception, at.exception[0].value if at.exception else ""
    said = "\n".join(w.value for w in at.warning).replace("\\=", "=")  # Markdown's escape
    assert f"page={page} in this link is not a page of this list (1 to 3)" in said
    assert at.number_input(key="page").value == 1
    # a page the list has: no notice
    assert not run_page("articles", {"page": "2"}).warning


def test_the_article_list_pages_through_every_article(many_db, use_db):
    use_db(many_db)
    at = run_page("articles", {"page": "3"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.number_input(key="page").value == 3
    assert "250 article(s) in view; 201–250 shown" in "\n".join(c.value for c in at.caption)
    assert len(at.dataframe[0].value) == 50
    # no article names its author: no column of "None"
    assert "author" not in at.dataframe[0].value.columns
    at.number_input(key="page").set_value(1).run()
    assert len(at.dataframe[0].value) == 100
    at = run_page("articles", {"q": "douma"})
    assert "5 article(s) in view; best matches first" in "\n".join(c.value for c in at.caption)


def test_compare_outlets_from_the_link(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("compare", {"vs": "Outlets", "cmp_source": ["Example Times", "Daily Ledger"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert [t.value for t in at.title] == ["Compare"]
    assert at.multiselect(key="cmp_source").value == ["Example Times", "Daily Ledger"]
    sizes = at.dataframe[0].value
    assert sizes["Group"].tolist() == ["Example Times", "Daily Ledger"]
    assert sizes["Articles"].tolist() == [2, 2]
    names = [c.proto.id for c in at.get("plotly_chart")]
    assert len(names) == 4  # attention, who is quoted, tone, figures
    link = "\n".join(c.value for c in at.caption)
    assert "cmp_source=Example+Times&cmp_source=Daily+Ledger" in link


def test_compare_names_an_outlet_in_the_link_that_is_not_in_view(dashboard_db, use_db):
    use_db(dashboard_db)
    link = {"vs": "Outlets", "cmp_source": ["Example Times", "Nowhere Post", "Daily Ledger"]}
    at = run_page("compare", link)
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert "Nowhere Post in this link is not among the choices" in at.warning[0].value
    assert at.multiselect(key="cmp_source").value == ["Example Times", "Daily Ledger"]
    assert at.dataframe[0].value["Group"].tolist() == ["Example Times", "Daily Ledger"]


def test_compare_offers_the_sidebars_outlets_only(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("compare", {"vs": "Outlets", "source": ["Example Times", "Daily Ledger"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    picker = at.multiselect(key="cmp_source")
    assert sorted(picker.options) == ["Daily Ledger", "Example Times"]
    assert sorted(picker.value) == ["Daily Ledger", "Example Times"]
    assert sorted(at.dataframe[0].value["Group"]) == ["Daily Ledger", "Example Times"]
    at = run_page("compare", {"vs": "Outlets", "source": "Daily Ledger"})
    assert not at.exception
    assert "The sidebar keeps one outlet (Daily Ledger)" in "\n".join(c.value for c in at.caption)


def test_compare_searches_names_a_bad_one_and_keeps_the_rest(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("compare", {"vs": "Searches", "cmp_q": "Geneva\ncorridors\n(Aleppo OR"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert "OR at character 9 needs a term after it" in "\n".join(e.value for e in at.error)
    sizes = at.dataframe[0].value
    assert sizes["Group"].tolist() == ["“Geneva”", "“corridors”"]


def test_compare_asks_for_two_groups(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("compare", {"vs": "Speakers"})
    assert not at.exception
    assert "Choose two to four speakers" in "\n".join(i.value for i in at.info)
    at.multiselect(key="cmp_speaker").set_value(["John Kerry", "Maria Lopez"]).run()
    assert not at.exception
    sizes = at.dataframe[0].value
    assert sizes["Group"].tolist() == ["John Kerry", "Maria Lopez"]
    # the quotes of a speaker's articles are everyone's in them, and the table says so
    assert "Quotes in them" in sizes.columns
    assert "every quote and figure they hold (by any speaker)" in "\n".join(
        c.value for c in at.caption
    )


def test_places_map_and_a_place_from_the_link(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("places")
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert [t.value for t in at.title] == ["Places"]
    assert len(at.get("plotly_chart")) == 1
    at = run_page("places", {"place": "Aleppo"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.selectbox(key="place").value == "Aleppo"
    figures = at.dataframe[0].value
    assert (figures["location"] == "Aleppo").all() and len(figures) >= 1
    assert figures["link"].str.startswith("articles?article=").all()
    assert "Articles about Aleppo" in [s.value for s in at.subheader]


def _view_link(at) -> str:
    footer = next(c.value for c in at.caption if "Link to this view" in c.value)
    return footer.split("(", 1)[1].rstrip(")")


def test_the_places_link_carries_the_chosen_place_and_region(dashboard_db, use_db):
    use_db(dashboard_db)
    # no place chosen: the page still ends with its link and report buttons
    at = run_page("places")
    assert not at.exception
    assert _view_link(at).endswith("/places")
    at = run_page("places", {"place": "Aleppo"})
    assert _view_link(at).endswith("/places?place=Aleppo")
    region = at.selectbox(key="region").options[0]
    at = run_page("places", {"region": region})
    assert not at.exception
    assert "region=" in _view_link(at) and at.selectbox(key="region").value == region


TABLE = (
    b"headline,story_body,when,paper,link\n"
    b'"Aid reaches Douma","Aid convoys reached Douma on Tuesday, the UN said, '
    b'carrying food for 40,000 people.",2018-03-06,Wire Daily,https://example.org/aid\n'
)


def test_upload_a_table_with_its_own_column_names(tmp_path, use_db):
    db = tmp_path / "map.duckdb"
    Store(db).close()
    use_db(db)
    at = run_page("data")
    at.file_uploader[0].set_value([("export.csv", TABLE, "text/csv")]).run()
    assert not at.exception, at.exception[0].value if at.exception else ""
    # the preview, and the guesses: "headline" is a title, "link" a URL, and the text the
    # column holding the most text, as `presslens analyze` would read it
    assert at.dataframe[0].value.columns.tolist() == [
        "headline",
        "story_body",
        "when",
        "paper",
        "link",
    ]
    assert at.selectbox(key="map_0_title").value == "headline"
    assert at.selectbox(key="map_0_text").value == "story_body"
    assert not at.button(key="analyse").disabled
    at.selectbox(key="map_0_text").set_value("story_body")
    at.selectbox(key="map_0_published").set_value("when")
    at.selectbox(key="map_0_source").set_value("paper").run()
    at.button(key="analyse").click().run()
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert "1 new article(s)" in "\n".join(s.value for s in at.success)
    with Store(db) as store:  # as the app opened it (DuckDB: one configuration per file)
        row = store.query("SELECT title, source, published, url, path FROM articles").iloc[0]
    assert (row["title"], row["source"], str(row["published"])[:10]) == (
        "Aid reaches Douma",
        "Wire Daily",
        "2018-03-06",
    )
    assert row["url"] == "https://example.org/aid" and row["path"] == "upload:export.csv"


def test_upload_plain_text_with_an_outlet_and_a_date(tmp_path, use_db):
    db = tmp_path / "txt.duckdb"
    Store(db).close()
    use_db(db)
    at = run_page("data")
    text = b"Ceasefire holds\n\nA ceasefire held for a second day in the north, officials said.\n"
    at.file_uploader[0].set_value([("note.txt", text, "text/plain")]).run()
    at.text_input(key="upload_source").set_value("Local Herald")
    from datetime import date

    at.date_input(key="upload_date").set_value(date(2019, 5, 2)).run()
    at.button(key="analyse").click().run()
    assert not at.exception, at.exception[0].value if at.exception else ""
    with Store(db) as store:  # as the app opened it (DuckDB: one configuration per file)
        row = store.query("SELECT source, published, url, path FROM articles").iloc[0]
    assert row["source"] == "Local Herald" and str(row["published"])[:10] == "2019-05-02"
    assert row["path"] == "upload:note.txt" and row["url"] is None
    assert "presslens-upload" not in str(row["path"])


def test_entities_type_lives_in_the_link_and_the_network_has_its_table(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("entities", {"en_type": "People"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert any(s.value == "People" for s in at.get("segmented_control"))
    table = next(d.value for d in at.dataframe if "name_b" in d.value.columns)
    assert len(table) <= 30 and table["weight"].is_monotonic_decreasing
    link = "\n".join(c.value for c in at.caption)
    assert "en_type=People" in link


def test_compare_says_which_outlet_has_no_dates(tmp_path, use_db):
    # BBC's text files carry no date: such an outlet cannot be drawn over time, and the page says
    # so instead of leaving it silently out of the chart
    import json

    from analysis.pipeline import analyze_paths

    folder = tmp_path / "in"
    folder.mkdir()
    texts = {
        "a": "Relief convoys reached the eastern districts on Saturday after a week of talks. "
        "The mayor said 300 families had left the old town.",
        "b": "Engineers restored water to the northern suburbs on Monday. A council official "
        "said 40 wells had been repaired since the spring.",
    }
    for name, source, published in [("a", "Dated Post", "2016-12-10"), ("b", "Undated Wire", None)]:
        (folder / f"{name}.txt").write_text(texts[name], encoding="utf-8")
        meta = {"title": f"Convoys {name}", "source": source}
        if published:
            meta["published"] = published
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        summary, _ = analyze_paths([folder], store)
    assert summary.new == 2, summary
    use_db(db)
    at = run_page("compare", {"vs": "Outlets", "cmp_source": ["Dated Post", "Undated Wire"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    captions = "\n".join(c.value for c in at.caption)
    assert "Not drawn: Undated Wire" in captions
    assert "Dated Post —" not in captions


def test_compare_says_which_outlet_has_no_figures_of_the_places_drawn(tmp_path, use_db):
    # an outlet whose figures are of no category and place drawn (a British outlet beside
    # Syrian ones) was left out of the side-by-side figures without a word
    import json

    from analysis.pipeline import analyze_paths

    folder = tmp_path / "in"
    folder.mkdir()
    texts = {
        "a": "Shelling killed 12 people in Aleppo on Sunday, rescuers said.",
        "b": "Shelling killed 15 people in Aleppo on Sunday, a monitor said.",
        "c": "The council voted on Tuesday to extend library opening hours next year.",
    }
    outlets = {"a": "North Post", "b": "South Wire", "c": "Town Crier"}
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {"title": f"Report {name}", "source": outlets[name], "published": "2016-12-11"}
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        summary, _ = analyze_paths([folder], store)
    assert summary.new == 3, summary
    use_db(db)
    at = run_page("compare", {"vs": "Outlets", "cmp_source": list(outlets.values())})
    assert not at.exception, at.exception[0].value if at.exception else ""
    captions = "\n".join(c.value for c in at.caption)
    assert "Not drawn: Town Crier — none of its news-event figures" in captions
    assert "North Post —" not in captions and "South Wire —" not in captions


def test_compare_draws_one_month_as_bars_side_by_side(dashboard_db, use_db):
    # The dashboard store's dated articles all fall in December 2016: the outlets' shares of
    # that one month were points on one date, two of one share drawn as one
    from dashboard import components

    use_db(dashboard_db)
    at = run_page("compare", {"vs": "Outlets", "cmp_source": ["Example Times", "Daily Ledger"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    items = at.session_state[components.ITEMS_KEY]
    fig = next(i.figure for i in items if i.title == "attention over time")
    assert [t.type for t in fig.data] == ["bar", "bar"] and fig.layout.barmode == "group"
    assert [t.name for t in fig.data] == ["Example Times", "Daily Ledger"]
    assert {x for t in fig.data for x in t.x} == {"December 2016"}
    assert [t.text[0] for t in fig.data] == ["40.0%", "40.0%"]  # 2 of 5 articles each


def test_the_search_hint_names_no_corpus_in_particular(dashboard_db, use_db):
    # it had suggested Douma OR "eastern Ghouta" to a store of floods and strikes
    from dashboard import filters_ui

    use_db(dashboard_db)
    at = run_page("overview")
    hint = at.sidebar.text_input(key="q").placeholder
    assert hint == filters_ui.SEARCH_PLACEHOLDER and "OR" in hint
    for name in ("Douma", "Ghouta", "Aleppo", "Idlib", "Syria"):
        assert name not in hint and name not in filters_ui.SEARCH_HELP


def test_an_entitys_articles_are_a_link_and_open_at_its_first_mention(dashboard_db, use_db):
    use_db(dashboard_db)
    at = run_page("entities")
    assert not at.exception, at.exception[0].value if at.exception else ""
    options = at.selectbox(key="en_pick").options
    second = options[1]
    at = run_page("entities", {"en_pick": second})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.selectbox(key="en_pick").value == second
    table = next(d.value for d in at.dataframe if "open" in d.value.columns)
    assert len(table) >= 1
    assert table["open"].str.contains(r"[?&]at=\d+", regex=True).all()
    assert f"en_pick={quote_plus(second)}" in _view_link(at)
    # a name no article in view holds is said to be left out
    at = run_page("entities", {"en_pick": "Nobody Anywhere"})
    assert not at.exception
    assert any("Nobody Anywhere in this link" in w.value for w in at.warning)


def test_compare_median_table_writes_large_figures_with_separators(dashboard_db, use_db):
    # A median of 11 million people stood as "11000000" beside one of 3.5 (US politics 2016):
    # each group's column is a number column with thousands' separators, as the figure tables.
    import json

    use_db(dashboard_db)
    at = run_page("compare", {"vs": "Outlets", "cmp_source": ["Example Times", "Daily Ledger"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    table = next(t for t in at.dataframe if "Where" in t.value.columns)
    groups = [c for c in table.value.columns if c not in ("What", "Where")]
    assert groups
    config = json.loads(table.proto.columns)
    assert {g: config[g]["type_config"]["format"] for g in groups} == dict.fromkeys(
        groups, "localized"
    )


def test_compare_figures_are_bars_from_zero_and_dots_on_a_log_axis(dashboard_db, use_db):
    # On a log axis a bar starts at an arbitrary floor: a median of 1 drew as no bar beside
    # 11's half-width one. Linear, bars from 0; the log scale (the default only for medians
    # whose typical bar would be a sliver) draws dots, and the title and caption say which.
    from analysis import compare_views
    from analysis.filters import Filters
    from dashboard import compare_charts, components

    use_db(dashboard_db)
    at = run_page("compare", {"vs": "Outlets", "cmp_source": ["Example Times", "Daily Ledger"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        groups = ("source:Example Times", "source:Daily Ledger")
        shown = compare_views.figures_by_place(con, Filters(), groups=groups, limit=24)
    assert at.toggle(key="cmp_log").value is compare_charts.log_by_default(shown)

    def drawn(at):
        items = at.session_state[components.ITEMS_KEY]
        fig = next(i.figure for i in items if i.title == "figures side by side")
        caption = "\n".join(c.value for c in at.caption)
        return fig, caption

    for log in (False, True):
        at = at.toggle(key="cmp_log").set_value(log).run()
        assert not at.exception
        fig, caption = drawn(at)
        if log:
            assert {t.type for t in fig.data} == {"scatter"} and fig.layout.xaxis.type == "log"
            assert fig.layout.title.text.endswith("(log scale: dots, not bars)")
            assert "Dots: each group's median" in caption
        else:
            assert {t.type for t in fig.data} == {"bar"} and fig.layout.xaxis.type != "log"
            assert fig.layout.xaxis.rangemode == "tozero" and "Bars: each group's" in caption


def test_compare_says_how_many_of_a_searchs_articles_are_undated(tmp_path, use_db):
    # A search finding dated news and undated stories (the BBC's, in a mixed archive) was charted
    # over time from its dated articles only, without a word of the others
    import json

    stories = [
        ("a", "Dated Post", "2016-12-10", "The ferry to Kellmoor sailed again on Monday."),
        ("b", "Undated Wire", None, "The ferry strike ended after a vote of the crews."),
        ("c", "Undated Wire", None, "The ferry timetable for the winter was published."),
        ("d", "Dated Post", "2016-12-12", "The harbour bridge reopened to lorries on Friday."),
    ]
    db, summary = analysed_outlet_stories(tmp_path, stories)
    assert summary.new == 4, summary
    use_db(db)
    at = run_page("compare", {"vs": "Searches", "cmp_q": "ferry\nbridge"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    captions = "\n".join(c.value for c in at.caption)
    assert "Partly drawn: “ferry” — 2 of its 3 articles in view have no publication date" in (
        captions
    )
    assert "“bridge” —" not in captions
    # the groups' counts are thousands separated, as every count on the other pages (the table
    # had read 12570 for the BBC's quotes beside the Overview's 26,080)
    columns = json.loads(at.dataframe[0].proto.columns)
    for name in ("Articles", "Quotes in them", "Figures in them"):
        assert columns[name]["type_config"]["format"] == "localized"


def test_entities_timeline_says_how_many_articles_naming_an_entity_are_undated(tmp_path, use_db):
    # An entity named mostly in undated stories (the United Kingdom in the BBC's, in a mixed
    # archive) lay flat on the mentions timeline without a word of them
    stories = [
        ("a", "Dated Post", "2016-12-10", "Officials in Paris said the bridge would reopen."),
        ("b", "Undated Wire", None, "Trains to Paris were cancelled because of the strike."),
        ("c", "Undated Wire", None, "Hotels in Paris reported fewer guests this winter."),
    ]
    db, summary = analysed_outlet_stories(tmp_path, stories)
    assert summary.new == 3, summary
    use_db(db)
    at = run_page("entities", {"entity": "Paris"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    captions = "\n".join(c.value for c in at.caption)
    assert "not on the timeline: 2 naming Paris." in captions


def test_speakers_timeline_says_how_many_of_a_speakers_quotes_are_undated(tmp_path, use_db):
    # A speaker quoted in dated and undated stories was charted over time from the dated quotes
    # only, without a word of the others
    stories = [
        ("a", "Dated Post", "2016-12-10",
         '"The bridge will reopen next month," said Anna Berg, the city engineer.'),
        ("b", "Undated Wire", None,
         '"We have repaired every pier of the bridge," said Anna Berg, the city engineer.'),
    ]  # fmt: skip
    db, summary = analysed_outlet_stories(tmp_path, stories)
    assert summary.new == 2, summary
    use_db(db)
    at = run_page("speakers", {"sp_compare": "Anna Berg"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    captions = "\n".join(c.value for c in at.caption)
    assert "not on the timeline: Anna Berg — 1 of 2." in captions


def test_compare_outlets_by_default_are_those_with_most_articles_in_view(tmp_path, use_db):
    # The store's three largest outlets were compared whatever the sidebar kept: under a
    # speaker only one of them quotes, two groups had no article ("No article in view: …").
    stories = [
        (
            "n1",
            "North Post",
            "2016-05-01",
            "“The ferry runs again,” said harbour master Ilse Varn.",
        ),
        ("n2", "North Post", "2016-05-02", "The ferry to Kellmoor sailed on time on Monday."),
        ("n3", "North Post", "2016-05-03", "Gulls nested on the old ferry pier at Kellmoor."),
        ("s1", "South Wire", "2016-05-01", "The lighthouse at Kellmoor was repainted white."),
        ("s2", "South Wire", "2016-05-02", "A new bakery opened beside the Kellmoor lighthouse."),
        (
            "e1",
            "East Herald",
            "2016-05-04",
            "“We will dredge the bay,” said harbour master Ilse Varn.",
        ),
    ]
    db, summary = analysed_outlet_stories(tmp_path, stories, title="Report")
    assert summary.new == 6, summary
    use_db(db)
    at = run_page("compare", {"vs": "Outlets"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.multiselect(key="cmp_source").value == ["North Post", "South Wire", "East Herald"]
    quoted = run_page("compare", {"vs": "Outlets", "speaker": "Ilse Varn"})
    # an article each: in the order of their names
    assert quoted.multiselect(key="cmp_source").value == ["East Herald", "North Post"]
    assert "No article in view" not in "\n".join(c.value for c in quoted.caption)
    # one outlet in view: no comparison offered, and the page says why
    one = run_page("compare", {"vs": "Outlets", "q": "bakery"})
    assert one.multiselect(key="cmp_source").value == []
    said = "Only one outlet has articles in view (South Wire): widen the filters"
    assert said in "\n".join(c.value for c in one.caption)
    # in one session the default follows the sidebar until the reader picks outlets
    at.multiselect(key="speaker").set_value(["Ilse Varn"]).run()
    assert at.multiselect(key="cmp_source").value == ["East Herald", "North Post"]
    at.multiselect(key="cmp_source").set_value(["South Wire", "East Herald"]).run()
    at.multiselect(key="speaker").set_value([]).run()
    assert at.multiselect(key="cmp_source").value == ["South Wire", "East Herald"]


def test_compare_names_an_outlet_a_date_range_leaves_without_articles(tmp_path, use_db):
    # Under a date range an outlet of undated stories has no article in view: the charts left it
    # out without a word and the figures' note said none of its figures was of the places drawn
    stories = [
        ("a", "North Post", "2016-12-11", "Shelling killed 12 people in Aleppo on Sunday."),
        ("b", "South Wire", "2016-12-11", "Shelling killed 15 people in Aleppo on Sunday."),
        ("c", "Undated Wire", None, "Flooding killed 3 people in Aleppo, rescuers said."),
    ]
    db, summary = analysed_outlet_stories(tmp_path, stories, title="Report")
    assert summary.new == 3, summary
    use_db(db)
    outlets = ["North Post", "South Wire", "Undated Wire"]
    at = run_page("compare", {"vs": "Outlets", "cmp_source": outlets, "from": "2016-01-01"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    captions = "\n".join(c.value for c in at.caption)
    assert "No article in view: Undated Wire — the charts below leave it out." in captions
    assert "Undated Wire — none of its news-event figures" not in captions


def test_speakers_quotes_table_cut_at_its_limit_names_a_speaker_it_holds_none_of(
    tmp_path, use_db, monkeypatch
):
    # The table lists the newest quotes first, cut at its limit: a speaker compared but quoted
    # only in undated articles (Tony Blair beside Donald Trump in a mixed archive) had none of
    # their quotes in it, and the caption did not say so

    from dashboard import report_views

    stories = [
        ("a", "Dated Post", "2016-12-10",
         '"The bridge will reopen next month," said Anna Berg, the city engineer. '
         '"Lorries will wait until spring," said Anna Berg.'),
        ("b", "Undated Wire", None,
         '"We have repaired every pier of the harbour," said Tomas Lind, the port director.'),
    ]  # fmt: skip
    db, summary = analysed_outlet_stories(tmp_path, stories)
    assert summary.new == 2, summary
    use_db(db)
    monkeypatch.setattr(report_views, "QUOTES_SHOWN", 2)
    at = run_page("speakers", {"sp_compare": ["Anna Berg", "Tomas Lind"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    captions = "\n".join(c.value for c in at.caption)
    assert "the 2 newest of their 3. None of Tomas Lind's is among them" in captions


def test_quotes_of_undated_articles_are_not_called_the_newest(tmp_path, use_db, monkeypatch):
    """The BBC's undated stories in the mixed store: "the 500 newest of their 643" named an
    order their quotes do not have."""
    from dashboard import report_views

    stories = [
        ("c", "Undated Wire", None,
         '"The pier is safe," said Tomas Lind, the port director. '
         '"Ferries will sail on Monday," said Tomas Lind.'),
        ("d", "Undated Wire", None,
         '"We have hired twelve divers," said Tomas Lind, the port director.'),
    ]  # fmt: skip
    db, summary = analysed_outlet_stories(tmp_path, stories)
    assert summary.new == 2, summary
    use_db(db)
    at = run_page("speakers", {"sp_compare": ["Tomas Lind"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    captions = "\n".join(c.value for c in at.caption)
    assert "Quotes of Tomas Lind (compared above): all 3, from articles without a publication " \
        "date." in captions  # fmt: skip
    monkeypatch.setattr(report_views, "QUOTES_SHOWN", 2)
    at = run_page("speakers", {"sp_compare": ["Tomas Lind"]})
    captions = "\n".join(c.value for c in at.caption)
    assert "Quotes of Tomas Lind (compared above): 2 of their 3, from articles without a " \
        "publication date." in captions  # fmt: skip
    assert "newest" not in captions.split("Quotes of Tomas Lind")[1].split("\n")[0]


# Two outlets, one speaker each: the Speakers page's picker under one outlet's filter lists
# its speaker; the other is in the store, quoted only in the other outlet.
TWO_SPEAKERS_TWO_OUTLETS = [
    ("a", "Dated Post", "2016-12-10",
     '"The bridge will reopen next month," said Anna Berg, the city engineer.'),
    ("b", "Other Wire", "2016-12-11",
     '"We have repaired every pier of the harbour," said Tomas Lind, the port director.'),
]  # fmt: skip


def test_speakers_compared_can_be_anyone_the_store_quotes(tmp_path, use_db):
    """The picker had offered the 30 most quoted in view only: on the mixed store Bashar
    al-Assad and Vladimir Putin were no choice beside US politics, and a link comparing them was
    refused as "not among the choices". Anyone the store quotes may be compared; one the
    filters leave unquoted is said to be so, not "quoted only in undated articles"."""
    from analysis.filters import Filters
    from dashboard import report_views

    db, summary = analysed_outlet_stories(tmp_path, TWO_SPEAKERS_TWO_OUTLETS)
    assert summary.new == 2, summary
    use_db(db)
    at = run_page("speakers", {"source": "Dated Post", "sp_compare": ["Anna Berg", "Tomas Lind"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert not at.warning, [w.value for w in at.warning]
    assert at.multiselect(key="sp_compare").value == ["Anna Berg", "Tomas Lind"]
    captions = "\n".join(c.value for c in at.caption)
    assert "Not quoted in the articles in view: Tomas Lind." in captions
    assert "quoted only in articles without a publication date" not in captions
    # the report takes the same choice and says the same
    with duckdb.connect(str(db), read_only=True) as con:
        (section,) = report_views.build(
            con, ["speakers"], Filters(sources=("Dated Post",)), link_base="http://dash",
            choices={"sp_compare": ["Anna Berg", "Tomas Lind"]},
        )  # fmt: skip
    items = {i.title: i for i in section.items}
    assert items["Not quoted in the articles in view"].text == "Tomas Lind."
    assert "Not on the timeline" not in items


def test_compare_log_scale_is_in_the_link(dashboard_db, use_db):
    """Compare's log switch is kept in the address and the page's link where it differs from
    the page's default, and a link's value opens the page so (it had been lost)."""
    use_db(dashboard_db)
    params = {"vs": "Outlets", "cmp_source": ["Example Times", "Daily Ledger"]}
    at = run_page("compare", params)
    default = at.toggle(key="cmp_log").value
    flipped = "false" if default else "true"
    at = at.toggle(key="cmp_log").set_value(not default).run()
    assert at.query_params["cmp_log"] == flipped
    assert f"cmp_log={flipped}" in "\n".join(c.value for c in at.caption)
    at = run_page("compare", {**params, "cmp_log": flipped})
    assert not at.exception and at.toggle(key="cmp_log").value is (not default)


def test_an_entitys_articles_can_be_of_any_entity_not_only_the_most_covered(dashboard_db, use_db):
    """The picker had held the chart's 20 most covered names only: on the mixed store Deir
    Ezzor (92 articles) was no choice, and its link was refused as not in view."""
    use_db(dashboard_db)
    at = run_page("entities", {"en_type": "People"})
    top = at.selectbox(key="en_pick").options
    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        names = (
            con.execute(
                "SELECT DISTINCT name FROM entities WHERE label IN ('GPE', 'LOC') ORDER BY name"
            )
            .df()["name"]
            .tolist()
        )
    beyond = next(n for n in names if n not in top[:20])
    at = run_page("entities", {"en_type": "People", "en_pick": beyond})
    assert not at.exception and not at.warning
    assert at.selectbox(key="en_pick").value == beyond
    table = next(d.value for d in at.dataframe if "open" in d.value.columns)
    assert len(table) >= 1


def _clicked_cell(params: dict, cell: list) -> AppTest:
    """The Speakers page with the matrix cell ``cell`` (holder, target, n) clicked."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("app_pages/speakers.py")
    at.session_state["sp_matrix"] = {"selection": {"points": [{"customdata": cell}]}}
    return at.run()


def test_a_matrix_cells_sentences_of_undated_articles_are_not_called_the_newest(tmp_path, use_db):
    """A cell of the BBC's undated stories in a mixed store: "newest first" named an order
    their sentences do not have; beside a dated one, the undated come last, and it says so."""
    stories = [
        ("c", "Undated Wire", None,
         '"The Harbour Board has failed us badly," said Tomas Lind, the port director. '
         '"The Harbour Board wasted our money," said Tomas Lind.'),
        ("d", "Dated Post", "2016-12-10",
         '"The Harbour Board is a disgrace," said Tomas Lind.'),
    ]  # fmt: skip
    db, summary = analysed_outlet_stories(tmp_path, stories)
    assert summary.new == 2, summary
    use_db(db)
    cell = ["Tomas Lind", "Harbour Board", 1]
    at = _clicked_cell({"source": ["Undated Wire"]}, cell)
    assert not at.exception, at.exception[0].value if at.exception else ""
    captions = "\n".join(c.value for c in at.caption)
    assert "Showing the cells you clicked: 2 sentences, from articles without a publication " \
        "date." in captions  # fmt: skip
    assert "newest" not in captions
    at = _clicked_cell({}, cell)
    captions = "\n".join(c.value for c in at.caption)
    assert "Showing the cells you clicked: 3 sentences: the 1 of dated articles newest first, " \
        "then 2 of articles without a publication date." in captions  # fmt: skip


def _typed(page: str, params: dict, key: str, value) -> AppTest:
    """``page`` run with the picker ``key`` holding ``value`` as the browser sends a name the
    reader typed (AppTest's widgets set listed options only, and a run widget's state must be
    one: so the state is set before the first run)."""
    at = AppTest.from_file(str(APP), default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    at.switch_page(f"app_pages/{page}.py")
    at.session_state[key] = value
    return at.run()


def test_a_links_name_no_store_holds_is_left_out_of_the_pages_pickers(dashboard_db, use_db):
    """The pages' name pickers take any name (typed): on a session's first run the link seeds
    them, and they had kept a link's unknown name while the notice said it was left out (the
    Entities page showed "No article in view names" it). Left out, named above the page."""
    use_db(dashboard_db)
    plain = run_page("speakers").multiselect(key="sp_compare").value
    at = run_page("speakers", {"sp_compare": [plain[0], "Nobody Atall"]})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.multiselect(key="sp_compare").value == [plain[0]]
    [notice] = [w.value for w in at.warning]
    assert "Nobody Atall" in notice and "left out" in notice
    at = run_page("entities", {"en_type": "People", "en_pick": "Nobody Atall"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.selectbox(key="en_pick").value == at.selectbox(key="en_pick").options[0]
    assert ["Nobody Atall" in w.value for w in at.warning] == [True]


def test_an_entity_typed_in_part_is_offered_and_the_picker_lists_no_whole_store(
    dashboard_db, use_db
):
    """The picker lists the chart's names only (every stored name had been sent again in each
    run, as the sidebar sends them: 337 kB more per run of the page on the mixed store); any
    other is typed, whole or in part: the stored names containing the words are offered, the
    one such name chosen."""
    from dashboard import data, filters_ui

    use_db(dashboard_db)
    at = run_page("entities", {"en_type": "People"})
    top = at.selectbox(key="en_pick").options
    with duckdb.connect(str(dashboard_db), read_only=True) as con:
        names = con.execute("SELECT DISTINCT name FROM entities ORDER BY name").df()["name"]
    assert len(top) <= 20 < len(names)
    # a name beyond the chart's, by a part of it no other stored name contains
    beyond = next(
        n
        for n in names
        if n not in top and sum(n[1:-1].casefold() in m.casefold() for m in names) == 1
    )
    at = _typed("entities", {"en_type": "People"}, "en_pick", beyond[1:-1].lower())
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.selectbox(key="en_pick").value == beyond
    assert beyond in at.selectbox(key="en_pick").options
    assert f"en_pick={quote_plus(beyond)}" in _view_link(at)
    # words several names contain: those are offered first, none chosen for the reader
    words = "an"
    many = [n for n in data.picker_names("entity", filters_ui.PICKER_LIMIT).ordered
            if words in n.casefold()]  # fmt: skip
    assert len(many) > 1
    at = _typed("entities", {"en_type": "People"}, "en_pick", words)
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.selectbox(key="en_pick").options[: len(many)] == many[: filters_ui.TYPED_MATCHES]
    assert f"names contain “{words}”" in "\n".join(c.value for c in at.caption)
    # a stored name typed in lower case that longer names contain ("deir ezzor", Deir Ezzor
    # City): the name itself is taken
    inside = next(
        n for n in names if sum(n.casefold() in m.casefold() for m in names) > 1 and n not in top
    )
    at = _typed("entities", {"en_type": "People"}, "en_pick", inside.lower())
    assert at.selectbox(key="en_pick").value == inside
    # words no name contains: said so
    at = _typed("entities", {"en_type": "People"}, "en_pick", "zzqx")
    assert "No name in the store contains “zzqx”." in "\n".join(c.value for c in at.caption)


def test_a_speaker_typed_in_part_is_compared(tmp_path, use_db):
    """Anyone the store quotes can be compared without the picker listing everyone: typed in
    part ("lind"), the one stored name containing it is taken."""
    db, summary = analysed_outlet_stories(tmp_path, TWO_SPEAKERS_TWO_OUTLETS)
    assert summary.new == 2, summary
    use_db(db)
    at = run_page("speakers", {"source": "Dated Post"})
    assert at.multiselect(key="sp_compare").options == ["Anna Berg"]
    at = _typed("speakers", {"source": "Dated Post"}, "sp_compare", ["Anna Berg", "lind"])
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert not at.warning, [w.value for w in at.warning]
    assert at.multiselect(key="sp_compare").value == ["Anna Berg", "Tomas Lind"]
    assert "Not quoted in the articles in view: Tomas Lind." in "\n".join(
        c.value for c in at.caption
    )


def test_the_named_together_table_keeps_its_count_in_view(dashboard_db, use_db):
    # In the page's narrower column (about 370 px at 1400) long names ("Aleppo Police Command"
    # beside "al-Hamadaniyeh") pushed the count of sentences, the table's point, out of sight
    # behind a scroll: the three columns have set widths that fit the column together.
    import json

    use_db(dashboard_db)
    at = run_page("entities")
    assert not at.exception, at.exception[0].value if at.exception else ""
    table = next(t for t in at.dataframe if "weight" in t.value.columns)
    config = {k: v for k, v in json.loads(table.proto.columns).items() if k != "_index"}
    assert set(config) == {"name_a", "name_b", "weight"}
    widths = [c.get("width") for c in config.values()]
    assert all(isinstance(w, int) for w in widths), config
    assert sum(widths) <= 370 and config["weight"]["width"] >= 60


def test_compare_says_when_no_article_in_view_names_its_outlet(tmp_path, use_db):
    """A speaker quoted only in texts stored without an outlet (the real store's BBC texts,
    under ?speaker=Tony+Blair): the page had asked to "choose two to four outlets (type to find
    one)" where there were none to find; it says why, and so does the report."""
    stories = [
        ("n1", "North Post", "2016-05-01", "The ferry to Kellmoor sailed on time on Monday."),
        ("s1", "South Wire", "2016-05-02", "The lighthouse at Kellmoor was repainted white."),
        ("u1", None, None, "“The harbour will reopen in spring,” said harbour master Ilse Varn."),
    ]
    db, summary = analysed_outlet_stories(tmp_path, stories, title="Report")
    assert summary.new == 3, summary
    use_db(db)
    at = run_page("compare", {"vs": "Outlets", "speaker": "Ilse Varn"})
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert at.multiselect(key="cmp_source").value == []
    assert report_views.NO_OUTLET_IN_VIEW in "\n".join(c.value for c in at.caption)
    # the same view unfiltered compares the two outlets, without the note
    both = run_page("compare", {"vs": "Outlets"})
    assert both.multiselect(key="cmp_source").value == ["North Post", "South Wire"]
    assert report_views.NO_OUTLET_IN_VIEW not in "\n".join(c.value for c in both.caption)
    with duckdb.connect(str(db), read_only=True) as con:
        (section,) = report_views.build(
            con, ["compare"], Filters(speakers=("Ilse Varn",)), link_base="http://dash"
        )
    assert [i.text for i in section.items if i.title == "No outlet"] == [
        report_views.NO_OUTLET_IN_VIEW
    ]
