"""Per-Doc token columns and paragraph bounds give what a token-by-token walk gives."""

from __future__ import annotations

import json

import pytest
from spacy.attrs import LEMMA, LOWER, ORTH, POS

from analysis import doc_arrays, figures, quotes
from analysis.speech import SPEECH_VERBS
from tests.conftest import DATED, SAMPLE


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [SAMPLE.read_text(encoding="utf-8")] + [
        json.loads(line)["text"] for line in DATED.read_text(encoding="utf-8").splitlines()
    ]
    # Breaks of every shape: blank lines, a break inside a token's trailing space, none at all.
    texts += ["One line.\nTwo lines.\n\n\nThree, after blanks.", "No break at all here."]
    return [nlp(t) for t in texts]


def _walk_paragraph(token):
    """The token walk doc_arrays.paragraph_tokens replaces."""
    doc = token.doc
    lo = token.i
    while lo > 0 and "\n" not in doc[lo - 1].text_with_ws:
        lo -= 1
    hi = token.i
    while hi < len(doc) - 1 and "\n" not in doc[hi].text_with_ws:
        hi += 1
    return lo, hi + 1


def test_paragraph_bounds_match_the_token_walk(docs):
    for doc in docs:
        for tok in doc:
            assert doc_arrays.paragraph_tokens(doc, tok.i) == _walk_paragraph(tok)


def test_columns_are_the_token_attributes_and_read_once(docs):
    doc = docs[0]
    assert doc_arrays.column(doc, POS) == [t.pos for t in doc]
    assert doc_arrays.column(doc, LEMMA) == [t.lemma for t in doc]
    assert doc_arrays.column(doc, POS) is doc_arrays.column(doc, POS)
    for doc in docs:
        assert doc_arrays.capitalised(doc) == [t.text[:1].isupper() for t in doc]


def test_cue_candidates_hold_every_token_the_cue_rule_looks_at(docs):
    for doc in docs:
        expected = [
            t.i
            for t in doc
            if t.lower_ == "according"
            # ("go": "“…,” Smith went on", a cue beside a quotation: quotes._goes_on)
            or (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS | {"go"})
        ]
        assert quotes._cue_candidates(doc) == expected
    assert any(quotes._cue_candidates(doc) for doc in docs)  # the sample has speech verbs


def test_strings_are_the_tokens_words_and_lower_case_words(docs, nlp):
    # Odd words too: capitals, an apostrophe, a hyphen, a non-ASCII letter, a line break.
    for doc in [*docs, nlp("Ça va. O'Neill's half-time QUIP\n\nran on.")]:
        assert doc_arrays.strings(doc, ORTH) == [t.text for t in doc]
        assert doc_arrays.strings(doc, LOWER) == [t.lower_ for t in doc]
        # read once per Doc: the second call gives the same list
        assert doc_arrays.strings(doc, ORTH) is doc_arrays.strings(doc, ORTH)


def test_spans_text_cut_from_the_article_is_spacys(docs):
    # figures._span_text stands for Span.text on every sentence the figures read
    for doc in docs:
        for sent in doc.sents:
            assert figures._span_text(sent) == sent.text
            if len(sent) > 1:
                assert figures._span_text(sent[1:]) == sent[1:].text
