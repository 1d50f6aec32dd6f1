"""Token scorers give exactly the text scorers' numbers for the joined tokens.

The attitudes step scores groups of a doc's tokens with :mod:`analysis.token_sentiment`, which does
TextBlob's tokenising and both lexicons' lookups once per word; these tests hold it to the text
scorers on real parses (every group of up to six tokens of the sample article, and scattered
groups like the attitudes step's) and on token lists built to cross TextBlob's tokenizer.
"""

from __future__ import annotations

import random

import pytest

from analysis import sentiment, token_sentiment


def _groups(doc, rng: random.Random) -> list[list[str]]:
    texts = [t.text for t in doc]
    groups = [texts[i : i + k] for k in range(1, 7) for i in range(len(texts) - k + 1)]
    for sent in doc.sents:
        words = [t.text for t in sent]
        groups.append(words)
        for _ in range(20):  # scattered, like a backdrop with its names left out
            groups.append([w for w in words if rng.random() < 0.6])
    return groups


@pytest.mark.parametrize("name", ["textblob", "vader"])
def test_token_scorer_matches_text_scorer_on_the_sample(nlp, sample_article, name):
    doc = nlp(sample_article.text)
    text_scorer = sentiment.get_scorer(name)
    token_scorer = token_sentiment.get(name)
    groups = _groups(doc, random.Random(7))
    scored = 0
    for tokens in groups:
        expected = text_scorer(" ".join(tokens))
        assert token_scorer(tokens) == expected, tokens
        scored += expected != (0.0, 0.0)
    # The sample has sentiment words: a comparison of zeros alone would prove nothing.
    assert scored > 1000


@pytest.mark.parametrize(
    "tokens",
    [
        [":", ")"],  # an emoticon the tokenizer joins across pieces
        ["a", "great", "(", "!", ")", "idea"],  # the sarcasm mark
        ["great", ":-", "("],
        ["so", "funny", "x", "d"],
        ["Max", "Dunn", "good"],  # "xd" across words, spaces taken out
        ["do", "n't", "like", "it"],
        ["DON'T", "like"],
        ["'", "good", "'"],
        ["...", "good", "..."],
        ["U.S.", "good"],
        ["“", "nice", "”"],
        ["\n\n", "bad", "\n\n", "good"],  # paragraph breaks: TextBlob's end of sentence
        ["very", "good", "!"],  # "!" boosts the word before it
        ["not", "a", "good", "deal"],  # negation kept across small words
        ["really", "not", "good"],
        ["It", "was", "😀"],  # VADER reads emojis
        ["The", "minister", "said"],  # nothing to score
        [],
        [" "],
    ],
)
@pytest.mark.parametrize("name", ["textblob", "vader"])
def test_token_scorer_matches_text_scorer_on_tricky_tokens(tokens, name):
    assert token_sentiment.get(name)(tokens) == sentiment.get_scorer(name)(" ".join(tokens))


def test_token_scorer_of_a_registered_scorer_scores_the_joined_text():
    seen = []

    def stub(text):
        seen.append(text)
        return 0.5, 0.25

    sentiment.register("stub-tokens", lambda: stub)
    assert token_sentiment.get("stub-tokens")(["a", "b"]) == (0.5, 0.25)
    assert seen == ["a b"]


def test_word_tables_are_bounded(monkeypatch):
    monkeypatch.setattr(token_sentiment, "MAX_WORDS", 5)
    token_sentiment._TEXTBLOB_WORDS.clear()
    for i in range(20):
        token_sentiment.textblob_tokens([f"word{i}", "good"])
    assert len(token_sentiment._TEXTBLOB_WORDS) <= 6
    assert token_sentiment.textblob_tokens(["good"]) == sentiment.textblob_score("good")


def test_plain_words_are_their_own_textblob_piece():
    # A word of ASCII letters alone skips TextBlob's tokenizer: it would cut nothing off it.
    analyzer = sentiment.pattern_analyzer()
    for word in ["Wonderful", "terrible", "MAYOR", "x", "I", "END", "etc", "Dr", "nt", "s"]:
        pieces = [w.lower() for w in " ".join(analyzer.tokenizer(word)).split()]
        assert token_sentiment._textblob_entry(word) == (
            pieces,
            any(p in sentiment.textblob_lexicon_words() for p in pieces),
        )
    for tokens in (["a", "wonderful", "brave", "mayor"], ["not", "really", "good", "!"]):
        assert token_sentiment.textblob_tokens(tokens) == sentiment.textblob_score(" ".join(tokens))
