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
