"""Token scorers: a text scorer of :mod:`analysis.sentiment` applied to a group of a doc's tokens.

The attitudes step scores many short groups of tokens per sentence (the words governing each
name, the sentence's backdrop), and each scorer would tokenise the joined text again and look
each word up in its lexicon, group after group. A token scorer takes the tokens' texts and gives
exactly what the text scorer gives for ``" ".join(tokens)``, doing the per-word part once per
distinct word of the process (a bounded table): TextBlob's tokenizer splits its text at
whitespace and works on each piece alone — contractions, quote marks, punctuation and
abbreviations all stay inside a piece — except where pieces join into an emoticon or "(!)"; a
group whose text, spaces taken out, holds one of those is scored as text. VADER splits at
whitespace too, so whether a group can score at all is known from its tokens. A scorer this
module does not know (one :func:`analysis.sentiment.register` added) scores the joined text.
``tests/test_token_sentiment.py`` compares the two on real parses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from analysis import sentiment

TokenScorer = Callable[[Sequence[str]], tuple[float, float]]

# Distinct words remembered per process before the tables start again: a news vocabulary of a
# few hundred thousand words is tens of megabytes, and a table emptied now and then costs
# only the lookups it repeats.
MAX_WORDS = 300_000

# TextBlob: a token's text → (its pieces in lower case as TextBlob's tokenizer cuts them,
# whether any piece is a word of TextBlob's lexicon).
_TEXTBLOB_WORDS: dict[str, tuple[list[str], bool]] = {}
# VADER: a token's text → whether VADER could give it a valence (a lexicon word, an emoji).
_VADER_WORDS: dict[str, bool] = {}


def get(name: str) -> TokenScorer:
    """The token scorer of the text scorer registered as ``name``."""
    if name == "textblob":
        return textblob_tokens
    if name == "vader":
        return vader_tokens
    text_scorer = sentiment.get_scorer(name)
    return lambda tokens: text_scorer(" ".join(tokens))


def textblob_tokens(tokens: Sequence[str]) -> tuple[float, float]:
    """:func:`analysis.sentiment.textblob_score` of ``" ".join(tokens)``, the same numbers."""
    text = " ".join(tokens)
    if not text.strip():
        return 0.0, 0.0
    if sentiment.textblob_marks_in(text):
        return sentiment.textblob_score(text)
    table = _TEXTBLOB_WORDS
    pieces: list[str] = []
    may_score = False
    for token in tokens:
        entry = table.get(token)
        if entry is None:
            entry = table[token] = _textblob_entry(token)
            if len(table) > MAX_WORDS:
                table.clear()
        pieces.extend(entry[0])
        may_score = may_score or entry[1]
    if not may_score:
        return 0.0, 0.0
    # The analyser's list-of-words branch: the words as its text branch would have cut them.
    polarity, subjectivity = sentiment.pattern_analyzer()(pieces)
    return float(polarity), float(subjectivity)


def _textblob_entry(token: str) -> tuple[list[str], bool]:
    lexicon = sentiment.textblob_lexicon_words()
    if token.isascii() and token.isalpha():
        # A plain word: TextBlob's tokenizer has nothing to split off it (no punctuation, quote
        # mark or contraction) and nothing to join, so it is its one piece; most words are
        # plain, and the tokenizer's dozen regular-expression passes cost more than the rest.
        low = token.lower()
        return [low], low in lexicon
    analyzer = sentiment.pattern_analyzer()
    pieces = [w.lower() for w in " ".join(analyzer.tokenizer(token)).split()]
    return pieces, any(w in lexicon for w in pieces)


def vader_tokens(tokens: Sequence[str]) -> tuple[float, float]:
    """:func:`analysis.sentiment.vader_score` of ``" ".join(tokens)``, the same numbers."""
    table = _VADER_WORDS
    may_score = False
    for token in tokens:
        found = table.get(token)
        if found is None:
            found = table[token] = sentiment.vader_may_score(token)
            if len(table) > MAX_WORDS:
                table.clear()
        if found:
            may_score = True
            break
    if not may_score:
        return 0.0, 0.0
    return sentiment.vader_score(" ".join(tokens), checked=True)
