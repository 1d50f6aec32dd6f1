"""Long texts: cut at paragraph/sentence boundaries, parsed in pieces with every offset intact,
and one oversized or unparseable article never takes its batch down with it."""

from __future__ import annotations

import pytest

from analysis import chunking
from analysis.pipeline import analyse_batch, load_articles
from analysis.records import ArticleResult, Failure


def test_split_prefers_paragraphs_then_sentences_then_spaces():
    para = "One sentence here. Another one there.\n\n"
    pieces = chunking.split(para * 10, limit=100)
    assert "".join(pieces) == para * 10
    assert all(len(p) <= 100 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    sentences = "A short sentence ends here. " * 20
    pieces = chunking.split(sentences, limit=100)
    assert "".join(pieces) == sentences and all(p.endswith(". ") for p in pieces[:-1])
    words = "word " * 100
    assert all(p.endswith(" ") for p in chunking.split(words, limit=64)[:-1])
    blob = "x" * 250  # no boundary at all: a hard cut, still lossless
    assert chunking.split(blob, limit=100) == ["x" * 100, "x" * 100, "x" * 50]


def test_a_long_text_parses_in_pieces_with_offsets_intact(nlp, sample_article):
    text = (sample_article.text + "\n\n") * 3
    whole = nlp(text)
    pieces = chunking.parse(nlp, text, limit=len(sample_article.text) // 2)
    assert pieces.text == text
    assert len(chunking.split(text, len(sample_article.text) // 2)) > 3
    # Entities keep their character offsets into the article.
    for ent in pieces.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
    # Cut at paragraph breaks, the pieces parse (nearly) as the whole does.
    one = {(e.start_char, e.end_char, e.label_) for e in whole.ents}
    cut = {(e.start_char, e.end_char, e.label_) for e in pieces.ents}
    assert len(one & cut) / len(one | cut) >= 0.9
    assert sum(1 for s in pieces.sents) >= sum(1 for s in whole.sents) * 0.9


def test_one_bad_article_does_not_lose_its_batch(nlp, sample_article, monkeypatch):
    import dataclasses

    bad = dataclasses.replace(sample_article, id="bad", path="huge.txt", text="boom " * 50)
    good = sample_article

    real_call = type(nlp).__call__

    def failing_call(self, text, *args, **kwargs):
        if text.startswith("boom"):
            raise MemoryError("simulated")
        return real_call(self, text, *args, **kwargs)

    real_pipe = type(nlp).pipe

    def failing_pipe(self, texts, *args, **kwargs):
        texts = list(texts)
        if any(t.startswith("boom") for t in texts):
            raise MemoryError("simulated")
        return real_pipe(self, texts, *args, **kwargs)

    monkeypatch.setattr(type(nlp), "__call__", failing_call)
    monkeypatch.setattr(type(nlp), "pipe", failing_pipe)
    out = analyse_batch([good, bad, good], nlp)
    assert [type(r) for r in out] == [ArticleResult, Failure, ArticleResult]
    assert out[1].path == "huge.txt" and "MemoryError" in out[1].reason
    assert out[0].quotes == out[2].quotes and len(out[0].quotes) > 10


def test_an_article_over_the_size_limit_gets_one_clear_message(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Title\n" + "The council met again today. " * 2000)
    small = tmp_path / "small.txt"
    small.write_text("Title\nThe council met again today and agreed the budget.")
    articles, failures = load_articles([big, small], max_chars=10_000)
    assert [a.path for a in articles] == [str(small)]
    assert len(failures) == 1 and failures[0].path == str(big)
    assert "over the limit of 10,000 per article" in failures[0].reason


@pytest.mark.parametrize("n", [0, 1, 5])
def test_split_of_short_text_is_the_text(n):
    assert chunking.split("ab " * n, limit=100) == ["ab " * n]


OVERSIZED = "Title of a huge one\n" + "The council met again today and talked. " * 26_000  # ~1.04M


def test_the_cli_refuses_an_oversized_article_and_stores_the_rest(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from analysis.store import Store

    big = tmp_path / "huge.txt"
    big.write_text(OVERSIZED)
    good = tmp_path / "good.txt"
    good.write_text("Bridge opens\nThe mayor of Leeds opened the new bridge on Monday morning.")
    db = tmp_path / "s.duckdb"
    presslens = Path(sys.executable).parent / "presslens"
    proc = subprocess.run(
        [str(presslens), "analyze", str(big), str(good), "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stderr  # some inputs failed
    lines = [line for line in proc.stderr.splitlines() if "huge.txt" in line]
    assert len(lines) == 1 and "over the limit of 1,000,000 per article" in lines[0]
    assert "Traceback" not in proc.stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 1


def test_the_upload_page_refuses_an_oversized_article_with_one_message(tmp_path, monkeypatch):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from analysis.store import Store

    db = tmp_path / "upload.duckdb"
    Store(db).close()
    monkeypatch.setenv("PRESSLENS_DB", str(db))
    monkeypatch.delenv("PRESSLENS_READ_ONLY", raising=False)
    app = Path(__file__).resolve().parents[1] / "dashboard" / "streamlit_app.py"
    at = AppTest.from_file(str(app), default_timeout=120)
    at.switch_page("app_pages/data.py")
    at.run()
    at.file_uploader[0].set_value([("huge.txt", OVERSIZED.encode(), "text/plain")]).run()
    at.button(key="analyse").click().run()
    assert not at.exception
    errors = [str(e.value) for e in at.error]
    assert len(errors) == 1 and "huge" in errors[0] and "1,000,000" in errors[0].replace("\\", "")
    assert "/tmp" not in errors[0] and "Traceback" not in errors[0]
