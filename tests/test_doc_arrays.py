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


def test_tokens_with_are_the_tokens_a_walk_finds(docs, nlp):
    from spacy.symbols import NOUN, PROPN

    subjects = frozenset({"nsubj", "nsubjpass"})
    extra = nlp("Marta Lindqvist said the ferry, which Ostholm Lines runs, was late. Ostholm sued.")
    for doc in [*docs, extra]:
        for pos, name in ((PROPN, "PROPN"), (NOUN, "NOUN")):
            expected = [t.i for t in doc if t.pos_ == name and t.dep_ in subjects]
            assert doc_arrays.tokens_with(doc, pos, subjects) == expected
    assert doc_arrays.tokens_with(extra, PROPN, subjects)  # "Lindqvist", "Lines", "Ostholm"


def test_whole_doc_walks_on_the_arrays_find_what_a_token_walk_finds(nlp):
    # The work titles (quotes._work_titles) and untagged one-word org names
    # (entities.spans._untagged_org_words) found from the doc's word lists.
    doc = nlp(
        "Kerner's gritty drama Wasp opens today. The film, A Quiet Harbour, was shot in Leeds. "
        "Lumex chief Jon Pell said Lumex would grow. Talks with Lumex went on."
    )
    assert "wasp" in " ".join(quotes._work_titles(doc, quotes.WORK_NOUNS)).lower()
    from analysis.entities import spans

    reference = set()
    tagged = {e.text for e in doc.ents if len(e) == 1}
    for tok in doc:
        if tok.ent_iob_ != "O" or tok.text not in tagged or not tok.text.istitle():
            continue
        if tok.pos_ in ("PROPN", "NOUN") and spans._org_cue(doc, doc[tok.i : tok.i + 1]):
            reference.add(spans.name_key(tok.text))
    assert spans._untagged_org_words(doc) == reference


def test_sentence_of_is_spacys_sentence_and_shared_as_span_sent(docs, nlp):
    from spacy.tokens import Doc

    for doc in [*docs, nlp("Ostholm Lines said so. Then it rained.\n\nA new line")]:
        spans = [doc[i : i + k] for i in range(len(doc)) for k in (0, 1, 3) if i + k <= len(doc)]
        expected = [(s.sent.start, s.sent.end) for s in spans]
        assert [
            (doc_arrays.sentence_of(s).start, doc_arrays.sentence_of(s).end) for s in spans
        ] == expected
        tokens = [(t.sent.start, t.sent.end) for t in doc]
        doc_arrays.share_sentences(doc)
        assert doc.user_span_hooks["sent"] is doc_arrays.sentence_of
        assert [(s.sent.start, s.sent.end) for s in spans] == expected
        assert [(t.sent.start, t.sent.end) for t in doc] == tokens
    # A doc without sentence annotation keeps spaCy's own (which raises)
    bare = Doc(nlp.vocab, words=["No", "parse", "here"])
    doc_arrays.share_sentences(bare)
    assert "sent" not in bare.user_span_hooks
    with pytest.raises(ValueError):
        _ = bare[0:1].sent


def test_entities_are_the_docs_own_made_once(docs):
    for doc in docs:
        ents = doc_arrays.entities(doc)
        assert [(e.start, e.end, e.label_) for e in ents] == [
            (e.start, e.end, e.label_) for e in doc.ents
        ]
        assert doc_arrays.entities(doc) is ents


def test_sports_sentences_found_on_the_word_index_are_the_word_walks(nlp):
    # (entities.spans._sporty and sports_report: sentences told by bisection in the doc's
    # sports words, club roles and match-report words, not by a walk over each sentence)
    from spacy.symbols import PROPN

    from analysis.entities import spans

    doc = nlp(
        "Harbridge coach Tom Vale praised the midfielder after the draw. The council met "
        "on Monday. Westford captain Ann Lee scored twice in the second half. A Lisbon coach "
        "station was closed. Rain fell.\n\nThe league table stays tight after the replay."
    )
    texts, pos = [t.text for t in doc], [t.pos for t in doc]

    def walked(start, end):
        return any(
            texts[i] in spans.SPORTS_WORDS
            or (i > start and pos[i - 1] == PROPN and spans._sports_role(doc, i))
            for i in range(start, end)
        )

    sents = list(doc.sents)
    assert [spans._sporty(doc, s) for s in sents] == [walked(s.start, s.end) for s in sents]
    assert spans._sporty(doc, doc[:]) == walked(0, len(doc))
    sporty = sum(
        walked(s.start, s.end)
        or any(texts[i] in spans.SPORTS_REPORT_WORDS for i in range(s.start, s.end))
        for s in sents
    )
    assert spans.sports_report(doc) == (sporty >= 3 and 4 * sporty >= len(sents))


def test_figures_mention_lookups_by_bisection_are_the_linear_scans(nlp):
    from analysis import entities

    doc = nlp(
        "Aleppo Monitor said 12 people died in Idlib on Monday. Fighters of the Tabqa Front "
        "fled Raqqa 40 kilometres away, and the Syrian Observatory counted 30 dead in Hama."
    )
    mentions, _ = entities.extract(doc, article_id="a")
    context = figures._Context(doc, quotes=[], mentions=mentions)
    for tok in doc:
        first = next((m for m in mentions if m.start <= tok.idx < m.end), None)
        assert context.mention_at(tok) is first
    cut = set()
    for ent in doc.ents:
        inside = [m for m in mentions if m.start < ent.end_char and ent.start_char < m.end]
        if inside:
            cut.update(t.i for t in ent if not any(m.start <= t.idx < m.end for m in inside))
    assert context._cut_off == frozenset(cut)


def test_sentences_back_is_the_start_of_the_nth_sentence_before(docs):
    for doc in docs:
        sents = list(doc.sents)
        starts = [s.start for s in sents]
        for k, sent in enumerate(sents):
            for n in (0, 1, 3):
                assert doc_arrays.sentences_back(doc, sent.start, n) == starts[max(0, k - n)]
