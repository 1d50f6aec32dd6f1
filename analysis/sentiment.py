"""Sentiment of quoted text: one swappable scorer that maps a string to (polarity, subjectivity).

The quote extractor scores the words a speaker said (never the cue "Kerry said") with whatever
:func:`get_scorer` returns. The default is TextBlob's pattern-lexicon analyser, which works
offline; TextBlob's NLTK-backed features (sentence splitting, noun phrases) are deliberately not
used because their corpora cannot be downloaded in the environments presslens runs in. VADER
(``vaderSentiment``, which ships its own lexicon) is the second scorer: every quote is stored with
both, side by side (:func:`quote_scores`), so the dashboard can switch between them without
re-analysing. Another scorer (a transformer, a stub for tests) plugs in through :func:`register`
without touching the extractor.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
import re
import sys
from collections.abc import Callable, Mapping
from types import SimpleNamespace
from typing import Protocol

log = logging.getLogger(__name__)

DEFAULT_SCORER = "textblob"
# The scorers stored for every quote and attitude, in this order; the first is the default.
STORED_SCORERS = ("textblob", "vader")
# The learned, target-aware scorer of attitudes (analysis/attitude_model.py): it scores a name in
# its sentence, not a text, so it is stored for attitudes only, never for a quote.
LEARNED_SCORER = "news"
# The sentence-reading scorer (analysis/attitude_encoder.py): opt-in (`presslens analyze
# --encoder`), since it costs about twice the parse; its rows exist only for the
# articles analysed with it.
ENCODER_SCORER = "encoder"
# Every scorer an attitude may be stored with, in this order; the default run stores the first three.
ATTITUDE_SCORERS = (*STORED_SCORERS, LEARNED_SCORER, ENCODER_SCORER)
DEFAULT_ATTITUDE_SCORERS = (*STORED_SCORERS, LEARNED_SCORER)


class Scorer(Protocol):
    """Anything that scores a text as (polarity in [-1, 1], subjectivity in [0, 1])."""

    def __call__(self, text: str) -> tuple[float, float]: ...


@functools.lru_cache(maxsize=1)
def _pattern_sentiment():
    # TextBlob's PatternAnalyzer.analyze is this callable plus a namedtuple class built anew on
    # every call (a third of its cost on a short text); the numbers are the same. Looked up
    # through a function, not a module global, so importing this module does no work (the
    # lexicon XML is parsed on first use).
    analyzer = _textblob_en().sentiment
    if not isinstance(analyzer, _LoadedLexicon):
        len(analyzer)  # loads the lexicon XML (a lazy dict until now)
        analyzer.__class__ = _loaded_class(type(analyzer))
    return analyzer


class _LoadedLexicon:
    """Marks a pattern analyser whose lexicon is loaded (see :func:`_loaded_class`)."""


@functools.cache
def _loaded_class(lazy: type) -> type:
    """``lazy`` (pattern's lazy-dict analyser class) with its lookups as a plain dict's: a lazy
    dict sends every ``word in lexicon`` and ``lexicon[word]`` through a method that checks
    whether it is loaded yet, and the analyser makes several per word, a tenth of its time.
    Once loaded the two are the same calls, so the numbers are too."""
    return type(
        lazy.__name__,
        (lazy, _LoadedLexicon),
        {
            "__contains__": dict.__contains__,
            "__getitem__": dict.__getitem__,
            "get": dict.get,
            "__len__": dict.__len__,
            "__iter__": dict.__iter__,
            "keys": dict.keys,
            "items": dict.items,
            "values": dict.values,
        },
    )


def _textblob_en():
    """TextBlob's ``textblob.en`` module, imported without running ``textblob/__init__.py``.

    That file imports TextBlob's NLTK-backed classes, and importing NLTK took 0.5-1.0 s of every
    analysis process's start-up (more than TextBlob's sentiment itself on 200 articles);
    ``textblob.en`` and the ``textblob._text`` it uses need only the standard library. So the
    package is put in ``sys.modules`` unexecuted while those two load, and every ``textblob``
    entry is taken out again afterwards: a later ``import textblob`` elsewhere gets the whole
    package, as if this had not happened (with its own copy of the two modules)."""
    if "textblob" in sys.modules:  # the real package is loaded already: use it
        return importlib.import_module("textblob.en")
    spec = importlib.util.find_spec("textblob")
    if spec is None:
        raise ModuleNotFoundError("No module named 'textblob'", name="textblob")
    before = set(sys.modules)
    sys.modules["textblob"] = importlib.util.module_from_spec(spec)  # not executed
    try:
        return importlib.import_module("textblob.en")
    finally:
        for name in set(sys.modules) - before:
            if name == "textblob" or name.startswith("textblob."):
                del sys.modules[name]


def textblob_score(text: str) -> tuple[float, float]:
    """TextBlob (pattern lexicon) polarity and subjectivity; (0, 0) for empty text."""
    if not text or not text.strip():
        return 0.0, 0.0
    analyzer = _pattern_sentiment()
    if not _textblob_may_score(analyzer, text):
        return 0.0, 0.0
    polarity, subjectivity = analyzer(text)
    return float(polarity), float(subjectivity)


@functools.lru_cache(maxsize=1)
def _vader_analyzer():
    # Built once, like the pattern analyser: loading the VADER lexicon file is the slow part.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_lexicon() -> Mapping[str, float]:
    """VADER's own word valences (lower-case word → -4..4), as its analyser reads them."""
    return _vader_analyzer().lexicon


def vader_score(text: str, *, checked: bool = False) -> tuple[float, float]:
    """VADER compound polarity in [-1, 1]; VADER has no subjectivity, so the second value is the
    share of the text's sentiment-bearing weight (pos + neg), a rough stand-in in [0, 1].
    ``checked``: the caller knows already that :func:`vader_may_score` holds for ``text``."""
    if not text or not text.strip():
        return 0.0, 0.0
    analyzer = _vader_analyzer()
    if not checked and not _vader_may_score(analyzer, text):
        return 0.0, 0.0
    result = _polarity_scores(analyzer, text)
    return float(result["compound"]), float(result["pos"] + result["neg"])


def _polarity_scores(analyzer, text: str) -> dict[str, float]:
    """``analyzer.polarity_scores(text)``, the same dict. Its first pass rebuilds the text a
    character at a time to put each emoji's description in its place (a fifth of VADER's own
    time on the attitudes' groups of words, profile on 200 BBC articles); a text without an
    emoji comes out of it as it went in, stripped, so that pass is skipped for it and the rest
    of the method (vaderSentiment 3.3.2) runs as written there."""
    if not analyzer.emojis.keys().isdisjoint(text):
        return analyzer.polarity_scores(text)
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    text = text.strip()
    sentitext = SentiText(text)
    sentiments: list[float] = []
    words = sentitext.words_and_emoticons
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT:
            sentiments.append(0)
            continue
        if i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of":
            sentiments.append(0)
            continue
        sentiments = analyzer.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = analyzer._but_check(words, sentiments)
    return analyzer.score_valence(sentiments, text)


@functools.lru_cache(maxsize=1)
def _textblob_tables() -> tuple[
    frozenset[str], tuple[str, ...], str, str, tuple[tuple[str, str], ...]
]:
    """What :func:`_textblob_may_score` reads of pattern's English sentiment module: its
    lexicon's words, its emoticons and the sarcasm mark "(!)" (spaces taken out, lower case),
    the punctuation its tokenizer strips, and its contraction splits."""
    sentiment = _pattern_sentiment()
    # The analyser's own module (textblob._text), reached through its method: importing it by
    # name would run textblob/__init__.py and import NLTK (see _textblob_en).
    text = SimpleNamespace(**type(sentiment).__call__.__globals__)
    len(sentiment)  # loads the lexicon XML on first use (a lazy dict)
    marks = {e.lower().replace(" ", "") for group in text.EMOTICONS.values() for e in group}
    return (
        frozenset(dict.keys(sentiment)),
        tuple(sorted(marks | {"(!)"})),
        text.PUNCTUATION.replace(".", ""),
        text.PUNCTUATION,
        tuple(text.replacements.items()),
    )


@functools.lru_cache(maxsize=1)
def _marks_pattern(marks: tuple[str, ...]) -> re.Pattern[str]:
    """One search for any of the emoticons (and "(!)"), instead of one per mark."""
    return re.compile("|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True)))


def pattern_analyzer():
    """TextBlob's pattern sentiment analyser itself (its ``tokenizer`` and list-of-words
    branch are what :mod:`analysis.token_sentiment` reads)."""
    return _pattern_sentiment()


def textblob_lexicon_words() -> frozenset[str]:
    """The words TextBlob's lexicon rates (lower case)."""
    return _textblob_tables()[0]


def textblob_marks_in(text: str) -> bool:
    """Whether ``text``, spaces taken out, holds one of TextBlob's emoticons or "(!)": the only
    things its tokenizer builds across whitespace."""
    marks = _textblob_tables()[1]
    return _marks_pattern(marks).search("".join(text.split()).lower()) is not None


def vader_may_score(text: str) -> bool:
    """Whether VADER can give ``text`` any valence (see :func:`_vader_may_score`)."""
    return _vader_may_score(_vader_analyzer(), text)


def _textblob_may_score(analyzer, text: str) -> bool:
    """Whether TextBlob's pattern analyser can give ``text`` any polarity. Only three things
    score there: a word of its lexicon, an emoticon and "(!)". Its tokenizer splits the text
    at whitespace after spacing out contractions and quote marks, strips the punctuation off
    each piece's start and (but for an abbreviation's period) its end, and joins emoticons and
    "(!)" back together. So every word it can look up is one of the pieces so split, stripped
    at the start, and cut anywhere between its fully stripped and its unstripped end; with
    none of those in the lexicon and no emoticon in the text (spaces taken out) the analyser
    has nothing to score and returns (0, 0) exactly. About half of the groups of words the
    attitudes step scores have none, and this check costs a fraction of the analyser's pass."""
    words, _marks, lead, trail, contractions = _textblob_tables()
    if textblob_marks_in(text):
        return True
    for a, b in contractions:
        text = text.replace(a, b)
    for q in "“”‘’'\"":
        text = text.replace(q, " ")
    for piece in text.lower().split():
        start = piece.lstrip(lead)
        core = start.rstrip(trail)
        for k in range(len(core), len(start) + 1):
            if start[:k] in words:
                return True
    return False


def _vader_may_score(analyzer, text: str) -> bool:
    """Whether VADER can give ``text`` any valence: only words of its lexicon carry one (its
    boosters, negations and "but" only scale those), as it splits them — on whitespace, with
    the punctuation around a word of more than two letters stripped — and only after an emoji
    has been replaced by its description. A text with neither scores (0, 0) exactly; this
    check costs a fraction of VADER's own pass, and about half of the groups of words the
    attitudes step scores have no lexicon word."""
    from vaderSentiment.vaderSentiment import SentiText  # loaded by _vader_analyzer already

    if not analyzer.emojis.keys().isdisjoint(text):
        return True
    lexicon = analyzer.lexicon
    strip = SentiText._strip_punc_if_word
    return any(strip(w).lower() in lexicon for w in text.split())


def neutral_score(text: str) -> tuple[float, float]:
    """A scorer that always says neutral: for tests and for runs that skip sentiment."""
    return 0.0, 0.0


# Name → scorer factory. Factories (not instances) so that a heavy scorer is only built when chosen.
_FACTORIES: dict[str, Callable[[], Scorer]] = {
    "textblob": lambda: textblob_score,
    "vader": lambda: vader_score,
    "neutral": lambda: neutral_score,
}


def register(name: str, factory: Callable[[], Scorer]) -> None:
    """Make a scorer available under ``name`` (e.g. a transformer-based one)."""
    _FACTORIES[name] = factory


def available() -> tuple[str, ...]:
    """The names :func:`get_scorer` accepts."""
    return tuple(sorted(_FACTORIES))


def get_scorer(name: str = DEFAULT_SCORER) -> Scorer:
    """The scorer registered as ``name``; a clear error naming the choices if there is none."""
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise ValueError(
            f"unknown sentiment scorer {name!r}; choose one of {', '.join(available())}"
        ) from None
    return factory()


def score(text: str) -> tuple[float, float]:
    """Polarity and subjectivity of ``text`` with the default scorer (TextBlob)."""
    return get_scorer()(text)


def quote_scores(text: str) -> dict[str, float]:
    """The sentiment fields stored for a quote: TextBlob ``polarity`` and ``subjectivity`` (the
    default scorer, whatever :func:`get_scorer` returns) and ``polarity_vader``."""
    scorer = get_scorer()
    if scorer is textblob_score:
        polarity, subjectivity = _textblob_by_words(text)
    else:
        polarity, subjectivity = scorer(text)
    return {
        "polarity": polarity,
        "subjectivity": subjectivity,
        "polarity_vader": get_scorer("vader")(text)[0],
    }


def _textblob_by_words(text: str) -> tuple[float, float]:
    """:func:`textblob_score` of ``text``, the same numbers, its words looked up as
    :mod:`analysis.token_sentiment` does (each distinct word cut by TextBlob's tokenizer once per
    process, not once per quote). TextBlob reads whitespace only as where words end (a blank
    line ends a sentence, but its words are scored alike) except in an emoticon or "(!)", and
    a text with one of those is scored as written."""
    from analysis import token_sentiment  # it imports this module

    if textblob_marks_in(text):
        return textblob_score(text)
    return token_sentiment.textblob_tokens(text.split())


def label(polarity: float, *, threshold: float) -> str:
    """``negative`` / ``neutral`` / ``positive`` for a polarity, neutral within ±``threshold``."""
    if polarity >= threshold:
        return "positive"
    if polarity <= -threshold:
        return "negative"
    return "neutral"
