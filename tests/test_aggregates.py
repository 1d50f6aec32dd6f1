"""The store's aggregates are defined once (analysis/aggregates.py) and every reader agrees.

The word-weighted speaker aggregate is read by the Speakers page and the report
(``quote_views.speaker_stats``) and by the export's ``speakers`` table; sentence pairs are written
by the store per batch and rebuilt for a replicated store. These tests hold the readers to one
another on a real multi-article store, and fail if a second copy of either SQL text reappears in
the code.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from analysis import aggregates, entity_views, export, quote_views
from analysis.filters import Filters
from analysis.store import TABLES, Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def con(corpus_store):
    c = duckdb.connect(str(corpus_store), read_only=True)
    yield c
    c.close()


def _by_speaker(df: pd.DataFrame) -> pd.DataFrame:
    return df.set_index("speaker").sort_index()


@pytest.mark.parametrize("outlet", [None, "first"])
def test_export_speakers_equal_the_speakers_view_for_every_speaker(corpus_store, con, outlet):
    filters = Filters()
    if outlet:
        first = con.execute(
            "SELECT source FROM articles GROUP BY source ORDER BY count(*) DESC, source LIMIT 1"
        ).fetchone()[0]
        filters = Filters(sources=(first,))
    with Store(corpus_store, read_only=True) as store:
        exported = _by_speaker(export.tables(store, filters=filters)["speakers"])
    shown = _by_speaker(quote_views.speaker_stats(con, filters, limit=0))
    vader = _by_speaker(quote_views.speaker_stats(con, filters, limit=0, scorer="vader"))
    assert len(exported) >= 5  # a real corpus: many speakers over many articles
    assert exported.index.tolist() == shown.index.tolist() == vader.index.tolist()
    for column in ("n_quotes", "n_words", "n_articles"):
        assert exported[column].tolist() == shown[column].tolist(), column
    # The unfiltered Speakers view sums the day × outlet summaries (analysis.summaries), the
    # export the quotes: the same sums in another order, equal to the last bits of a double.
    for column in ("polarity", "subjectivity"):
        assert exported[column].tolist() == pytest.approx(shown[column].tolist(), abs=1e-12), column
    assert exported["polarity_vader"].tolist() == pytest.approx(
        vader["polarity"].tolist(), abs=1e-12
    )
    assert (exported["n_articles"] > 1).any()  # some speaker is aggregated across articles


def _values(df: pd.DataFrame) -> list:
    """The values of ``df`` row by row, None for a missing one whatever the column's type."""
    return [None if pd.isna(v) else v for row in df.itertuples(index=False) for v in row]


def _tied_speakers() -> duckdb.DuckDBPyConnection:
    """A store of quotes whose speakers tie on quotes and words, so that their names rank them
    (Ames, Bell and Cole: two quotes of five words each), with labels and roles tied too."""
    con = duckdb.connect()
    for table in ("articles", "quotes"):
        con.execute(f"CREATE TABLE {table} ({TABLES[table]})")
    rows = [  # (article, speaker, label, role, words, polarity)
        ("a", "Cole", "PERSON", "minister", 2, 0.5), ("b", "Cole", "ORG", None, 3, -0.5),
        ("a", "Bell", "PERSON", None, 4, 0.1), ("c", "Bell", "PERSON", "mayor", 1, 0.2),
        ("b", "Ames", "ORG", "mayor", 5, 0.0), ("c", "Ames", "ORG", "mayor", 0, 0.3),
        ("a", "Dunn", "PERSON", None, 9, 0.9), ("c", "Eads", "PERSON", None, 2, -0.9),
        ("b", "Eads", "PERSON", None, 2, 0.4), ("c", "Eads", "GPE", None, 2, 0.4),
    ]  # fmt: skip
    con.executemany("INSERT INTO articles (id) VALUES (?)", [["a"], ["b"], ["c"]])
    con.executemany(
        'INSERT INTO quotes (article_id, kind, text, start, "end", speaker, speaker_label, '
        "speaker_role, n_words, polarity, subjectivity, polarity_vader) "
        "VALUES (?, 'direct', 'Said so.', 0, 1, ?, ?, ?, ?, ?, 0.5, ?)",
        [[*row, row[-1]] for row in rows],
    )
    return con


def test_speakers_kept_by_a_limit_are_the_head_of_the_whole_ranking(con):
    """With a limit, speaker_stats ranks the speakers on their quotes and words first and
    aggregates only the kept ones' rows whole: the rows (ties between speakers of as many quotes
    and words to the name) are the head of the ranking of every speaker, for every limit,
    floor of quotes and scorer."""
    tied = _tied_speakers()
    every = quote_views.speaker_stats(tied, Filters(article_ids=("a", "b", "c")), limit=0)
    assert every["speaker"].tolist() == ["Eads", "Ames", "Bell", "Cole", "Dunn"]
    for store in (con, tied):
        ids = tuple(r[0] for r in store.execute("SELECT id FROM articles").fetchall())
        for filters in (Filters(article_ids=ids), Filters(article_ids=ids[::2])):
            for min_quotes, scorer in ((1, "textblob"), (2, "vader"), (10_000, "textblob")):
                every = quote_views.speaker_stats(
                    store, filters, limit=0, min_quotes=min_quotes, scorer=scorer
                )
                for limit in (1, 2, 3, 7, len(every), len(every) + 4):
                    got = quote_views.speaker_stats(
                        store, filters, limit=limit, min_quotes=min_quotes, scorer=scorer
                    )
                    want = every.head(limit)
                    # (a column of no name in the head is typed as DuckDB types it: object)
                    assert len(got) == len(want)
                    for a, b in zip(_values(got), _values(want), strict=True):
                        assert a == b or (isinstance(b, float) and a == pytest.approx(b, rel=1e-12))


def test_speaker_aggregate_weights_quotes_by_their_words():
    con = duckdb.connect()
    con.execute(f"CREATE TABLE quotes ({TABLES['quotes']})")
    rows = [  # (article, text, speaker, polarity, subjectivity, vader)
        ("a", "one two three", "X", 1.0, 0.0, 0.5),
        ("b", "one\n\ntwo  three four", "X", -1.0, 1.0, -0.5),  # paragraphs: 4 words
        ("a", "hello", None, 1.0, 1.0, 1.0),  # no speaker: not aggregated
        ("c", "  ", "Y", 0.3, 0.2, 0.1),  # no words: weighs as one
        # interrupted by its cue: the speaker's 4 words, not the narrator's 5 between the marks
        ("d", 'Rates will rise," said Jo Swift, the economist. "Soon.', "Z", 0.0, 0.0, 0.0),
        # continued by the next paragraph's opening mark, then interrupted: 2 + 2 + 1 words
        ("e", 'One two.\n\n"Three four," she said. "Five.', "Z", 0.0, 0.0, 0.0),
        # the same as written now: its pieces joined by " … ", which is no word
        ("f", "Rates will rise … Soon.", "Z", 0.0, 0.0, 0.0),
    ]
    for article, text, speaker, pol, sub, vader in rows:
        con.execute(
            'INSERT INTO quotes (article_id, kind, text, start, "end", speaker, speaker_label, '
            "polarity, subjectivity, polarity_vader, n_words) "
            "VALUES (?, 'direct', ?, 0, 1, ?, 'PERSON', ?, ?, ?, ?)",
            [article, text, speaker, pol, sub, vader, aggregates.quote_words(text)],
        )
    # the count kept at write time is the count an upgrade makes in SQL for older stores
    in_sql = con.execute(
        f"SELECT {aggregates.QUOTE_TEXT_WORDS_SQL}, n_words FROM quotes"
    ).fetchall()
    assert [a for a, _ in in_sql] == [b for _, b in in_sql] == [3, 4, 1, 1, 4, 5, 4]
    sql = aggregates.speaker_totals_sql("SELECT unnest(['a', 'b', 'c'])")
    got = con.execute(f"SELECT * FROM ({sql}) ORDER BY speaker").df()
    assert tuple(got.columns) == aggregates.SPEAKER_COLUMNS
    x, y = got.to_dict(orient="records")[:2]
    assert (x["speaker"], x["n_quotes"], x["n_words"], x["n_articles"]) == ("X", 2, 7, 2)
    assert x["polarity"] == pytest.approx((3 * 1.0 + 4 * -1.0) / 7)
    assert x["subjectivity"] == pytest.approx(4 / 7)
    assert x["polarity_vader"] == pytest.approx((3 * 0.5 + 4 * -0.5) / 7)
    assert (x["w_sum"], x["w2_sum"]) == (7.0, 25.0)
    assert x["wx2_sum_textblob"] == pytest.approx(7.0)
    assert (y["speaker"], y["n_words"], y["polarity"]) == ("Y", 1, pytest.approx(0.3))
    only_b = con.execute(aggregates.speaker_totals_sql("SELECT 'b'")).df()
    assert only_b["n_quotes"].tolist() == [1] and only_b["n_words"].tolist() == [4]


def test_pairs_written_per_batch_equal_the_rebuilt_and_the_python_pairs(corpus_store, tmp_path):
    copy = tmp_path / "corpus.duckdb"
    shutil.copy(corpus_store, copy)
    c = duckdb.connect(str(copy))
    try:
        written = c.execute("SELECT * FROM entity_pairs ORDER BY ALL").fetchall()
        c.execute("DELETE FROM entity_pairs")
        c.execute(entity_views.PAIRS_REBUILD_SQL)
        rebuilt = c.execute("SELECT * FROM entity_pairs ORDER BY ALL").fetchall()
        # One sentence, counted by hand from its mentions: the pairs of its distinct names.
        article_id, sent_start = c.execute(
            "SELECT article_id, sent_start FROM entity_mentions GROUP BY ALL "
            "HAVING count(DISTINCT name) >= 3 ORDER BY ALL LIMIT 1"
        ).fetchone()
        names = sorted(
            n
            for (n,) in c.execute(
                "SELECT DISTINCT name FROM entity_mentions WHERE article_id = ? AND sent_start = ?",
                [article_id, sent_start],
            ).fetchall()
        )
    finally:
        c.close()
    assert len(written) > 50
    assert written == rebuilt
    pairs = {(a, b) for i, a in enumerate(names) for b in names[i + 1 :]}
    in_article = {(a, b) for art, a, b, *_ in written if art == article_id}
    assert pairs <= in_article


# What a second copy of an aggregate would have to contain: the quote word count and the
# sentence-pair insert. Only analysis/aggregates.py may write them.
_COPIES = (
    re.compile(r"string_split\(\s*replace\("),
    re.compile(r"INSERT\s+INTO\s+entity_pairs", re.IGNORECASE),
)


def test_each_aggregate_is_written_in_one_module():
    sources = [
        p
        for folder in ("analysis", "dashboard", "bench")
        for p in sorted((ROOT / folder).rglob("*.py"))
        if p.name != "aggregates.py"
    ]
    assert len(sources) > 20
    copies = [
        f"{p.relative_to(ROOT)}: {pattern.pattern}"
        for p in sources
        for pattern in _COPIES
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert copies == []
