"""The array view of a parse the attitudes step walks (analysis/attitude_parse.py) answers as
spaCy's own Token and Span attributes do, on the bundled sample article's parse."""

from __future__ import annotations

from analysis import attitude_parse


def test_parse_arrays_match_the_tokens(nlp, sample_article):
    doc = nlp(sample_article.text)
    parse = attitude_parse.Parse(doc)
    for tok in doc:
        i = tok.i
        assert parse.head[i] == tok.head.i
        assert parse.dep[i] == tok.dep_ and parse.pos[i] == tok.pos_
        assert parse.lemma[i] == tok.lemma_.lower() and parse.lower[i] == tok.lower_
        assert parse.text[i] == tok.text
        assert parse.is_punct[i] == tok.is_punct and parse.is_space[i] == tok.is_space
        assert parse.children[i] == [c.i for c in tok.children]


def test_parse_sentences_match_span_sent(nlp, sample_article):
    doc = nlp(sample_article.text)
    parse = attitude_parse.Parse(doc)
    for ent in doc.ents:
        sent = ent.sent
        assert parse.sentence(ent.start, ent.end) == (sent.start, sent.end)
        assert parse.span_text(sent.start, sent.end).strip() == sent.text.strip()
        # A mention's own subtree, as Token.subtree gives it.
        assert parse._subtree(ent.root.i, set()) == {t.i for t in ent.root.subtree}


def _edges(a, b) -> int:
    """Dependency edges between tokens ``a`` and ``b`` of one sentence, from spaCy's ancestors."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next(t for t in up_a if t in up_b)
    return up_a.index(common) + up_b.index(common)


def test_tree_distances_count_the_edges_between_tokens(nlp, sample_article):
    doc = nlp(sample_article.text)
    parse = attitude_parse.Parse(doc)
    for ent in doc.ents:
        sent = ent.sent
        found = parse.tree_distances(ent.root.i, range(sent.start, sent.end))
        assert found == {t.i: _edges(ent.root, t) for t in sent}


def test_vader_valence_is_vaders_own_word_valence(nlp):
    from analysis import sentiment

    doc = nlp("The brave doctors saved a terrible day, Mr Smith said.")
    parse = attitude_parse.Parse(doc)
    valence = parse.vader_valence
    table = sentiment.vader_lexicon()
    assert valence == [table.get(t.lower_, 0.0) for t in doc]
    assert valence[1] > 0 and valence[5] < 0 and valence[0] == 0.0
    # The sentence's sentiment words: "brave", "saved", "terrible" (VADER's), none of the rest.
    assert [doc[i].lower_ for i in parse.sentiment_words(0, len(doc))] == [
        "brave",
        "saved",
        "terrible",
    ]


def test_parse_values_and_dependents_by_index(nlp, sample_article):
    # The columns are spread from each distinct value (numpy), the dependents cut from one
    # flat list: the same answers as the tokens', the news valence of each lemma included.
    doc = nlp(sample_article.text)
    parse = attitude_parse.Parse(doc)
    kids, bounds = parse.children.flat()
    assert len(parse.children) == len(doc)
    for tok in doc:
        i = tok.i
        assert kids[bounds[i] : bounds[i + 1]] == [c.i for c in tok.children]
        lemma = tok.lemma_.lower()
        assert parse.valence[i] == attitude_parse.NEWS_VALENCES.get(lemma, 0.0)


def test_parse_of_a_made_up_sentence(nlp):
    doc = nlp("The mayor angrily denied the charges, and her aides praised the brave firefighters.")
    parse = attitude_parse.Parse(doc)
    for tok in doc:
        assert parse.children[tok.i] == [c.i for c in tok.children]
        assert parse.head[tok.i] == tok.head.i and parse.pos[tok.i] == tok.pos_
    assert parse.lemma[doc[3].i] == doc[3].lemma_.lower()
