"""Tests for analysis.sentiment: the default TextBlob scorer and the swappable registry."""

from __future__ import annotations

import pytest

from analysis import sentiment


@pytest.mark.parametrize(
    "text, sign",
    [
        ("This is a wonderful, excellent result for everyone.", 1),
        ("The situation is terrible and the response was awful.", -1),
        ("The committee meets on Tuesday at the town hall.", 0),
        ("", 0),
    ],
)
def test_textblob_polarity_sign(text, sign):
    polarity, subjectivity = sentiment.score(text)
    assert -1.0 <= polarity <= 1.0 and 0.0 <= subjectivity <= 1.0
    if sign > 0:
        assert polarity > 0.3
    elif sign < 0:
        assert polarity < -0.3
    else:
        assert polarity == 0.0


def test_subjective_text_scores_higher_than_factual():
    _, opinion = sentiment.score("I think this is a beautiful and amazing plan.")
    _, fact = sentiment.score("The plan was published on Monday.")
    assert opinion > fact


def test_registry_swaps_scorer():
    sentiment.register("constant", lambda: lambda text: (0.5, 0.25))
    assert sentiment.get_scorer("constant")("anything") == (0.5, 0.25)
    assert "textblob" in sentiment.available()
    assert sentiment.get_scorer("neutral")("great") == (0.0, 0.0)


def test_unknown_scorer_names_the_choices():
    with pytest.raises(ValueError, match="textblob"):
        sentiment.get_scorer("no-such-scorer")
