"""The search language: parsing (gold table, malformed queries) and matching/ranking on a real
store written through :class:`analysis.store.Store` (its full-text index is filled by SQL)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import query
from analysis.filters import Filters, article_ids_sql
from analysis.query import And, Not, Or, QueryError, Term
from analysis.records import Article, ArticleResult, Entity, Quote
from analysis.store import Store


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Douma", Term(("douma",))),
        ("Douma OR Ghouta", Or((Term(("douma",)), Term(("ghouta",))))),
        ("Douma Ghouta", And((Term(("douma",)), Term(("ghouta",))))),
        ("Douma AND Ghouta", And((Term(("douma",)), Term(("ghouta",))))),
        ('"Chemical Attack"', Term(("chemical", "attack"))),
        ("-Russia Aleppo", And((Not(Term(("russia",))), Term(("aleppo",))))),
        ("Aleppo NOT Russia", And((Term(("aleppo",)), Not(Term(("russia",)))))),
        (
            "(Douma OR Ghouta) AND NOT gas",
            And((Or((Term(("douma",)), Term(("ghouta",)))), Not(Term(("gas",))))),
        ),
        ("speaker:Kerry", Term(("kerry",), "speaker")),
        ('speaker:"John Kerry"', Term(("john", "kerry"), "speaker")),
        ("Source:BBC", Term(("bbc",), "source")),
        ('title:"nerve agent"', Term(("nerve", "agent"), "title")),
        (
            "entity:(Assad OR Putin)",
            Or((Term(("assad",), "entity"), Term(("putin",), "entity"))),
        ),
        ("syria*", Term(("syria",), prefix=True)),
        ("al-Assad's", Term(("al", "assad", "s"))),
        # lower-case and/or are words, as in Media Cloud
        ("war and peace", And((Term(("war",)), Term(("and",)), Term(("peace",))))),
        ("10:30", Term(("10", "30"))),
        ("“curly quotes”", Term(("curly", "quotes"))),
        ("   ", None),
    ],
)
def test_parse(text, expected):
    assert query.parse(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("Douma OR", "OR at character 7 needs a term after it"),
        ("OR Douma", "OR at character 1 needs a term before it"),
        ("Douma AND", "AND at character 7 needs a term after it"),
        ("Douma OR OR Ghouta", "OR at character 7 needs a term after it"),
        ("(Douma OR Ghouta", "missing closing parenthesis for the one at character 1"),
        ("Douma)", "“)” at character 6 has no opening parenthesis"),
        ("()", "empty parentheses at character 1"),
        ("NOT", "NOT at character 1 needs a term after it"),
        ('"chemical attack', "missing closing quote for the phrase opened at character 1"),
        ("author:Smith", "unknown field “author:”"),
        ("speaker:", "“speaker:” at character 1 needs a word"),
        ("&&", "has no letters or digits to search for"),
    ],
)
def test_malformed_queries_say_what_is_wrong(text, message):
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        query.parse(text)


def test_a_malformed_query_in_filters_is_a_value_error():
    with pytest.raises(ValueError, match="missing closing quote"):
        article_ids_sql(Filters(search='"open'))


ARTICLES = {
    "a1": ("Gas attack in Douma", "bbc", "Rescuers said the chemical attack in Douma killed 40."),
    "a2": ("Ghouta under siege", "Guardian", "Eastern Ghouta is under siege; the UN appealed."),
    "a3": ("Understanding the talks", "Guardian", "Under pressure, diplomats met in Geneva."),
    "a4": ("Attack on convoy", "Reuters", "An attack on a chemical plant. Douma douma Douma."),
    "a5": ("Syrian army advances", "bbc", "The Syrian army advanced; Syria's government said so."),
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "q.duckdb"
    results = []
    for aid, (title, source, text) in ARTICLES.items():
        art = Article(id=aid, title=title, text=text, source=source, published="2018-04-0" + aid[1])
        quotes = (Quote(aid, "direct", "x", 0, 1, speaker="John Kerry"),) if aid == "a2" else ()
        ents = (Entity(aid, "Bashar al-Assad", "PERSON", 1, 0),) if aid in ("a4", "a5") else ()
        results.append(ArticleResult(article=art, quotes=quotes, entities=ents))
    with Store(path) as store:
        store.write_batch(results)
    store = Store(path, read_only=True)
    yield store.con
    store.close()


def _ids(con, text: str) -> set[str]:
    sql, params = article_ids_sql(Filters(search=text))
    return {r[0] for r in con.execute(sql, params).fetchall()}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Douma", {"a1", "a4"}),
        ("douma OR ghouta", {"a1", "a2", "a4"}),
        ("un", {"a2"}),  # a whole word: not "under", "Understanding"
        ("under", {"a2", "a3"}),
        ('"chemical attack"', {"a1"}),  # a4 has both words, not in a row
        ("chemical attack", {"a1", "a4"}),
        ("Douma -gas", {"a4"}),  # the title counts as text
        ("attack NOT (douma OR convoy)", set()),
        ("NOT attack", {"a2", "a3", "a5"}),
        ("title:attack", {"a1", "a4"}),
        ('title:"gas attack"', {"a1"}),
        ("source:bbc", {"a1", "a5"}),
        ("speaker:kerry", {"a2"}),
        ('speaker:"john kerry" siege', {"a2"}),
        ("entity:assad -syrian", {"a4"}),
        ("syria*", {"a5"}),
        ("syria", {"a5"}),  # "Syria's" is the word syria followed by s
        ('"syria s government"', {"a5"}),
        ("nowhere", set()),
    ],
)
def test_search_matches(con, text, expected):
    assert _ids(con, text) == expected


def test_duplicates_are_never_matched(tmp_path):
    art = Article(id="o", title="Douma", text="Douma today.")
    dup = Article(id="d", title="Douma", text="Douma today.")
    with Store(tmp_path / "d.duckdb") as store:
        store.write_batch([ArticleResult(article=art)], duplicates=[(dup, "o")])
        assert _ids(store.con, "douma") == {"o"}
        assert _ids(store.con, "NOT nothing") == {"o"}


def test_ranking_puts_the_article_using_the_word_most_first(con):
    sql, params = query.ranked_sql(query.parse("douma"))
    rows = con.execute(f"SELECT * FROM ({sql}) ORDER BY score DESC", params).fetchall()
    assert [r[0] for r in rows] == ["a4", "a1"]  # three Doumas in a short text beat two
    assert rows[0][1] > rows[1][1] > 0


def test_rare_words_weigh_more_than_common_ones(con):
    # "attack" is in two articles, "siege" in one: a2 (siege twice) outranks the attack articles
    sql, params = query.ranked_sql(query.parse("attack OR siege"))
    rows = con.execute(f"SELECT * FROM ({sql}) ORDER BY score DESC", params).fetchall()
    assert rows[0][0] == "a2"
    assert {r[0] for r in rows} == {"a1", "a2", "a4"}


def test_reanalysing_replaces_index_rows(tmp_path):
    with Store(tmp_path / "r.duckdb") as store:
        store.write_batch([ArticleResult(article=Article(id="x", title="", text="alpha alpha"))])
        store.write_batch([ArticleResult(article=Article(id="x", title="", text="beta"))])
        rows = store.con.execute("SELECT field, term, tf FROM terms ORDER BY term").fetchall()
        assert rows == [("body", "beta", 1)]


def test_ranked_list_pages_and_cuts_snippets_around_the_match(con):
    from analysis.search_views import ranked_list

    first = ranked_list(con, Filters(), search="douma", limit=1, offset=0)
    second = ranked_list(con, Filters(), search="douma", limit=1, offset=1)
    assert first["id"].tolist() == ["a4"] and second["id"].tolist() == ["a1"]
    snip, spans = second.loc[0, "snippet"], second.loc[0, "spans"]
    assert [snip[s:e] for s, e in spans] == ["Douma"]
    # the filters still apply, and the list without a search is the whole view
    assert ranked_list(con, Filters(sources=("bbc",)), search="douma")["id"].tolist() == ["a1"]
    assert len(ranked_list(con, Filters(), search="")) == 5


def test_snippet_marks_phrases_and_prefixes_but_not_negated_words():
    from analysis.search_views import highlight_patterns, snippet

    text = "x " * 200 + "Syrian forces and the Syria-based group. Russia denied it."
    pats = highlight_patterns(query.parse('syria* "based group" -russia'))
    snip, spans = snippet(text, pats)
    assert snip.startswith("… ") and snip.endswith(" …") is False
    assert [snip[s:e] for s, e in spans] == ["Syrian", "Syria", "based group"]


def test_kwic_html_escapes_the_article():
    from dashboard.kwic import results_html

    out = results_html(
        [{"title": "<b>T</b>", "snippet": "a <script>x</script> Douma", "spans": [[21, 26]],
          "href": 'articles?article=1&q="x"'}]
    )  # fmt: skip
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<mark>Douma</mark>" in out and "&lt;b&gt;T&lt;/b&gt;" in out
    assert 'href="articles?article=1&amp;q=&quot;x&quot;"' in out


def test_the_index_is_sorted_again_when_its_unsorted_tail_grows(tmp_path, monkeypatch):
    from analysis import search_index

    monkeypatch.setattr(search_index, "COMPACT_MIN_ROWS", 3)
    with Store(tmp_path / "c.duckdb") as store:
        store.write_batch([ArticleResult(article=Article(id="x", title="", text="zeta alpha"))])
        store.write_batch([ArticleResult(article=Article(id="y", title="", text="beta gamma"))])
        terms = [r[0] for r in store.con.execute("SELECT term FROM terms").fetchall()]
        assert terms == sorted(terms) and len(terms) == 4  # rewritten in order
        sorted_rows = store.con.execute(
            "SELECT value FROM meta WHERE key = 'terms_sorted_rows'"
        ).fetchone()
        assert sorted_rows == ("4",)
        # still searchable, and re-analysing still replaces an article's rows
        store.write_batch([ArticleResult(article=Article(id="x", title="", text="omega"))])
        assert _ids(store.con, "zeta OR omega OR beta") == {"x", "y"}
        assert _ids(store.con, "zeta") == set()


def test_kwic_leaves_out_an_unknown_outlet_and_date():
    from dashboard.kwic import results_html

    out = results_html([{"title": "T", "source": float("nan"), "published": pd.NaT,
                         "snippet": "s", "spans": []}])  # fmt: skip
    assert "nan" not in out and "NaT" not in out


def test_report_filters_refuse_a_malformed_search():
    from dashboard.report import parse_filters

    assert parse_filters(['q=Douma OR "eastern Ghouta"'], None, None).search == (
        'Douma OR "eastern Ghouta"'
    )
    with pytest.raises(ValueError, match="--filter q: OR at character 7 needs a term after it"):
        parse_filters(["q=Douma OR"], None, None)
