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


def test_vader_is_stored_beside_textblob():
    scores = sentiment.quote_scores("This is a wonderful, excellent result for everyone.")
    assert set(scores) == {"polarity", "subjectivity", "polarity_vader"}
    assert scores["polarity"] > 0.3 and scores["polarity_vader"] > 0.3
    # VADER knows verbs TextBlob's adjective lexicon lacks.
    assert sentiment.get_scorer("vader")("They attacked the convoy")[0] < 0
    assert sentiment.get_scorer("textblob")("They attacked the convoy")[0] == 0
    assert sentiment.get_scorer("vader")("") == (0.0, 0.0)


def test_quote_sentiment_never_includes_the_cue_or_the_speaker(nlp):
    from analysis import quotes
    from analysis.entities import extract as entities

    text = "“We will rebuild the city,” the terrible tyrant Boris Johnson said angrily."
    doc = nlp(text)
    mentions, _ = entities(doc, article_id="x")
    [q] = quotes.extract(doc, article_id="x", mentions=mentions)
    assert q.text == "We will rebuild the city"
    assert (q.polarity, q.polarity_vader) == (0.0, 0.0)


@pytest.mark.parametrize(
    "polarity, label", [(0.3, "positive"), (-0.3, "negative"), (0.05, "neutral")]
)
def test_label_bands(polarity, label):
    assert sentiment.label(polarity, threshold=0.1) == label


def test_t_interval_matches_the_textbook_for_equal_weights():
    import statistics

    from analysis import uncertainty

    xs = [0.1, -0.2, 0.3, 0.0, 0.4, -0.1]
    mean = statistics.fmean(xs)
    low, high = uncertainty.interval(mean, len(xs), len(xs), sum(x * x for x in xs))
    half = 2.571 * statistics.stdev(xs) / len(xs) ** 0.5  # t(0.975, 5)
    assert low == pytest.approx(mean - half) and high == pytest.approx(mean + half)
    # One long quote and three fragments: fewer effective observations, a wider interval.
    w = [40, 1, 1, 1]
    ys = [0.1, -0.2, 0.3, 0.0]
    m = sum(a * b for a, b in zip(w, ys, strict=True)) / sum(w)
    lo2, hi2 = uncertainty.interval(
        m, sum(w), sum(a * a for a in w), sum(a * b * b for a, b in zip(w, ys, strict=True))
    )
    assert hi2 - lo2 > 0  # defined, and the t quantile is large for n_eff ~ 1.2
    assert uncertainty.interval(0.5, 3, 9, 0.75) == pytest.approx((float("nan"),) * 2, nan_ok=True)
    assert uncertainty.t_quantile(1000) == pytest.approx(1.962, abs=1e-3)


def test_speaker_stats_mark_speakers_with_too_few_quotes(sample_db):
    import duckdb

    from analysis import quote_views, uncertainty

    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        tb = quote_views.speaker_stats(con, limit=0)
        vd = quote_views.speaker_stats(con, limit=0, scorer="vader")
    finally:
        con.close()
    kerry = tb.set_index("speaker").loc["John Kerry"]
    assert not kerry["few"] and kerry["ci_low"] < kerry["polarity"] < kerry["ci_high"]
    few = tb[tb["n_quotes"] < uncertainty.MIN_QUOTES]
    assert len(few) and few["few"].all() and few["ci_low"].isna().all()
    # The other scorer's means come from the other column.
    assert not tb.set_index("speaker")["polarity"].equals(vd.set_index("speaker")["polarity"])


def test_textblob_scores_without_importing_nltk():
    """The pattern scorer is loaded without TextBlob's NLTK half (0.5-1 s of every analysis
    process's start-up), gives TextBlob's own numbers, and leaves ``import textblob`` whole."""
    import subprocess
    import sys

    code = """
import sys
from analysis import sentiment
texts = ["This is a wonderful, excellent result.", "The response was not good at all.",
         "The committee meets on Tuesday."]
ours = [sentiment.textblob_score(t) for t in texts]
assert "nltk" not in sys.modules, "nltk was imported"
assert not [m for m in sys.modules if m.split(".")[0] == "textblob"], "textblob left half-loaded"
from textblob import TextBlob
theirs = [tuple(TextBlob(t).sentiment) for t in texts]
assert ours == theirs, (ours, theirs)
assert ours[0][0] > 0.3 and ours[1][0] < 0
print("ok")
"""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Tuesday",  # no VADER word: skipped, (0, 0)
        "told reporters in Geneva",
        "a great victory",  # lexicon words
        "no good",
        "GREAT!!!",
        "kind of sad",
        "the talks :) went on",  # an emoticon is a lexicon entry
        "it was 😀",  # an emoji becomes its description, which scores
        "'hopeful' ,",  # punctuation around a word is stripped
        "",
    ],
)
def test_vader_skips_only_texts_it_would_score_zero(text):
    # The shortcut for texts with no lexicon word must give exactly VADER's own result.
    analyzer = sentiment._vader_analyzer()
    if text.strip():
        full = analyzer.polarity_scores(text)
        expected = (float(full["compound"]), float(full["pos"] + full["neg"]))
    else:
        expected = (0.0, 0.0)
    assert sentiment.vader_score(text) == expected
    may = sentiment._vader_may_score(analyzer, text) if text else False
    assert may or expected == (0.0, 0.0)


def test_vader_shortcut_is_taken_for_plain_narration():
    # The point of the check: words VADER does not know are not run through it.
    analyzer = sentiment._vader_analyzer()
    assert not sentiment._vader_may_score(analyzer, "The minister said on Tuesday")
    assert sentiment._vader_may_score(analyzer, "a great victory")
    assert sentiment._vader_may_score(analyzer, "it was 😀")


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Tuesday",  # no lexicon word: skipped, (0, 0)
        "a great victory",
        "it was : ) fun",  # an emoticon the tokenizer joins back together
        "a great ( ! ) idea",  # the sarcasm mark
        "don't like it",
        "DON'T",
        "'good'",
        "...good...",
        "U.S. good",
        "“nice”",
        "\n\nbad",
        "he said :-(",
        "so funny xd",  # the one emoticon without a symbol
        "Max Dunn",  # "xd" across two words, spaces taken out: checked, and scored zero
    ],
)
def test_textblob_skips_only_texts_it_would_score_zero(text):
    analyzer = sentiment._pattern_sentiment()
    polarity, subjectivity = analyzer(text)
    assert sentiment.textblob_score(text) == (float(polarity), float(subjectivity))
    assert sentiment._textblob_may_score(analyzer, text) or (polarity, subjectivity) == (0, 0)


def test_textblob_shortcut_is_taken_for_plain_narration():
    analyzer = sentiment._pattern_sentiment()
    assert not sentiment._textblob_may_score(analyzer, "The minister said on Tuesday")
    assert sentiment._textblob_may_score(analyzer, "a great victory")
    assert sentiment._textblob_may_score(analyzer, "it was : ) fun")


def test_loaded_textblob_lexicon_reads_as_a_plain_dict():
    # Once loaded, the analyser's lexicon lookups are dict's own; the scores are unchanged.
    analyzer = sentiment.pattern_analyzer()
    assert type(analyzer).__contains__ is dict.__contains__
    assert "good" in analyzer and analyzer["good"] == dict.__getitem__(analyzer, "good")
    assert sentiment.pattern_analyzer() is analyzer
    polarity, subjectivity = sentiment.textblob_score("The parade was not very good at all.")
    assert polarity < 0 and subjectivity > 0


@pytest.mark.parametrize(
    "text",
    [
        "We will not accept this terrible, shameful deal.\n\nIt is a disgrace.",
        "“It’s a wonderful day,” she said; “we're very happy :) really”",
        "They didn't   know... Dr. Smith's plan was (!) brilliant",
        "",
        "   ",
        "'Quite good' - or 'bad'?",
    ],
)
def test_quote_scores_read_words_as_the_text_scorer_does(text):
    polarity, subjectivity = sentiment.textblob_score(text)
    scores = sentiment.quote_scores(text)
    assert (scores["polarity"], scores["subjectivity"]) == (polarity, subjectivity)


@pytest.mark.parametrize(
    "text",
    [
        "  The rescue was a great relief, but the losses were terrible.  ",
        "It is kind of sad and not at all hopeful",
        "The mayor was VERY angry!!! Hardly a good day?",
        "no one was happy, nor was anyone proud",
        "the crowd cheered 😀 and then wept",  # an emoji: VADER's own pass
        "at least it was not the worst outcome",
    ],
)
def test_vader_polarity_without_the_emoji_pass_is_vaders_own(text):
    # A text without an emoji skips VADER's character-by-character emoji pass: same dict.
    analyzer = sentiment._vader_analyzer()
    assert sentiment._polarity_scores(analyzer, text) == analyzer.polarity_scores(text)
