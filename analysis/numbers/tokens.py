"""Tokens for number phrases: the tokenizer, the lexicon tables number words come from, and the
small predicates every other part of :mod:`analysis.numbers` asks of one token (is it a number
word, a number-like token, what is its digit value)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from analysis import lexicon

ONES_WORDS = lexicon.numbers("ones_words")


TENS_WORDS = lexicon.numbers("tens_words")


SCALE_WORDS = lexicon.numbers("scale_words")


DOZEN_WORDS = lexicon.words("dozen_words")


SUFFIX_SCALES = lexicon.numbers("suffix_scales")


CURRENCY_ONLY_SUFFIXES = lexicon.numbers("currency_only_suffixes")


SPACED_SCALES = lexicon.numbers("spaced_scales")


VAGUE_PLURALS = lexicon.numbers("vague_plurals")


VAGUE_QUANTIFIERS = lexicon.ranges("vague_quantifiers")


DENOMINATORS = lexicon.numbers("denominators")


TIME_UNITS = lexicon.words("time_units")


ORDINAL_UNITS = lexicon.numbers("ordinal_units")


LOWER_HEDGES = lexicon.phrases("lower_hedges")


UPPER_HEDGES = lexicon.phrases("upper_hedges")


NEAR_BELOW_HEDGES = lexicon.phrases("near_below_hedges")


NEAR_HEDGES = lexicon.phrases("near_hedges")


LOWER_SUFFIXES = lexicon.phrases("lower_suffixes")


UPPER_SUFFIXES = lexicon.phrases("upper_suffixes")


NEAR_SUFFIXES = lexicon.phrases("near_suffixes")


PERCENT_WORDS = lexicon.phrases("percent_words")


CURRENCY_SIGNS = lexicon.mapping("currency_signs")


CURRENCY_PREFIX_WORDS = lexicon.mapping("currency_prefix_words")


CURRENCY_CODES = lexicon.mapping("currency_codes")


CURRENCY_WORDS = lexicon.mapping("currency_words")


# The words that can head a currency's name: its own word ("dollars"), a name several
# currencies share ("dinars"), the last word of a name with its country ("Canadian dollars",
# "South Korean won"). Read by figures.py too.
CURRENCY_HEADS = frozenset(
    {*CURRENCY_WORDS, *lexicon.mapping("currency_names_shared")}
    | {name.split()[-1] for name in lexicon.mapping("currency_names")}
)


# Words besides number words that a number phrase can end with; a period glued to one of them
# ends a sentence (see tokenize). Words that are abbreviations ("approx.", "No.") are not here.
NUMBER_VOCABULARY = frozenset(
    {*DENOMINATORS, *VAGUE_PLURALS, *DOZEN_WORDS, *CURRENCY_WORDS, *CURRENCY_CODES}
    | {w for phrase in PERCENT_WORDS for w in phrase.split()}
    | {"points", "point"}
    | {phrase.split()[-1] for phrase in LOWER_SUFFIXES + UPPER_SUFFIXES + NEAR_SUFFIXES}
)


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


_TOKEN_RE = re.compile(
    rf"""(?P<ident>(?:https?://|www\.)\S+|\d+(?:\.\d+){{2,}}|\d+(?:-\d+){{2,}}|\+\d[\d-]{{6,}})
      |(?P<time>\d{{1,2}}[:.]\d{{2}}\s?(?:[ap]\.?m\.?|GMT|BST|ET|GMT)\b|\d{{1,2}}:\d{{2}})
      |(?P<num>{_NUM})
      |(?P<word>[A-Za-z]+\.?(?:[-'’][A-Za-z]+)*)
      |(?P<sym>US\$|[%$£€¥₹+])
      |(?P<dash>[-–—~])
      |(?P<slash>/)
      |(?P<other>\S)""",
    re.VERBOSE,
)


# A thousands group after a space ("1 234 567.89"); only the last group carries decimals.
GROUP_RE = re.compile(r"\d{3}(?:\.\d+)?")


class Tok:
    """One token of :func:`tokenize`: its kind (the pattern group that matched: ``num``,
    ``word``, ``sym`` ...), its text, its character offsets and its text in lower case.

    A plain class with slots, not a dataclass: the tokenizer makes one per word of every
    sentence with a number, and a dataclass's generated ``__init__`` calling ``__post_init__``
    cost twice this."""

    __slots__ = ("kind", "text", "start", "end", "low")

    def __init__(self, kind: str, text: str, start: int, end: int) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.low = text.lower()

    def __repr__(self) -> str:
        return (
            f"Tok(kind={self.kind!r}, text={self.text!r}, start={self.start!r}, "
            f"end={self.end!r}, low={self.low!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tok):
            return NotImplemented
        fields = ("kind", "text", "start", "end", "low")
        return all(getattr(self, f) == getattr(other, f) for f in fields)

    __hash__ = None  # mutable, and equal by value: as the dataclass it replaces


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    append = toks.append
    size = len(text)
    for m in _TOKEN_RE.finditer(text):
        kind, word = m.lastgroup or "other", m.group()
        start, end = m.span()
        if kind != "word":  # most tokens: neither rule below applies
            append(Tok(kind, word, start, end))
            continue
        glued = end < size and text[end].isalnum()  # "One.Tel", "five.com"
        if word[-1] == "." and not glued and _vocabulary_word(word[:-1].lower()):
            # The word pattern keeps a final period for abbreviations ("approx.", "No."); at
            # the end of a sentence ("rose to twenty.", "5 percent.") it is punctuation.
            toks += [Tok("word", word[:-1], start, end - 1), Tok("other", ".", end - 1, end)]
        elif (
            "-" in word
            and word.split("-")[0].lower() in _HYPHEN_SCALES
            and toks
            and toks[-1].kind == "num"
            and text[toks[-1].end : start].isspace()
        ):
            # "an 11 million-person population", "a 2 billion-dollar budget": the scale is the
            # number's and the rest a compound adjective; read as one word the scale was lost
            # and the count read 11 (PolNeAR). Only after digits: "a million-dollar home"
            # stays a word.
            scale = word.split("-")[0]
            cut = start + len(scale)
            toks += [
                Tok("word", scale, start, cut),
                Tok("dash", "-", cut, cut + 1),
                Tok("word", word[len(scale) + 1 :], cut + 1, end),
            ]
        else:
            append(Tok(kind, word, start, end))
    return toks


# Scale words a hyphenated compound adjective can start with after digits (see tokenize).
_HYPHEN_SCALES = frozenset({"thousand", "million", "billion", "trillion"})


# The joints of a number word ("twenty-five", "o'clock"), compiled once: every word asks.
_WORD_PARTS_RE = re.compile(r"[-'’]")


@functools.lru_cache(maxsize=65_536)  # asked of every sentence's last word
def _vocabulary_word(low: str) -> bool:
    """A word this module reads: a number word, fraction, magnitude, percent or currency word."""
    parts = _WORD_PARTS_RE.split(low)
    return (
        all(p in ONES_WORDS or p in TENS_WORDS or p in SCALE_WORDS for p in parts)
        or low in NUMBER_VOCABULARY
    )


def num_value(s: str) -> float:
    return float(s.replace(",", ""))


def times(value: float, scale: float) -> float:
    """``value`` times ``scale`` in decimal arithmetic: a figure as written, "4.1bn" is
    4,100,000,000 (in floats it had been 4,099,999,999.9999995). A float's shortest repr is
    the decimal it was read from, so the product is exact to the written digits."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def word_parts(tok: Tok) -> list[str] | None:
    """A (possibly hyphenated) number word split into parts, or None if it is not one."""
    low = tok.low
    # Most words have no joint: no regex for them (the same one part).
    parts = _WORD_PARTS_RE.split(low) if "-" in low or "'" in low or "’" in low else [low]
    if all(p in ONES_WORDS or p in TENS_WORDS or p in SCALE_WORDS for p in parts):
        return parts
    return None


def number_like(t: Tok) -> bool:
    if t.kind in ("num", "sym"):
        return True
    if t.kind != "word":
        return False
    # Asked of every word of every article: answered once per distinct word of the process.
    found = _NUMBER_LIKE_WORDS.get(t.low)
    if found is None:
        found = _NUMBER_LIKE_WORDS[t.low] = _number_like_word(t)
        if len(_NUMBER_LIKE_WORDS) > MAX_WORDS:
            _NUMBER_LIKE_WORDS.clear()
    return found


# Words remembered by number_like before its table starts again (a bounded memory).
MAX_WORDS = 300_000
_NUMBER_LIKE_WORDS: dict[str, bool] = {}


def _number_like_word(t: Tok) -> bool:
    """:func:`number_like` of a word token (it depends on the word's lower case alone)."""
    low = t.low
    return (
        low in VAGUE_PLURALS
        or low in DENOMINATORS
        or low in SCALE_WORDS
        or low in DOZEN_WORDS
        or low == "half"
        or word_parts(t) is not None
        or ("-" in low and low.split("-")[0] in ONES_WORDS)
    )


def first_numeric(toks: list[Tok], i: int, end: int) -> int:
    for k in range(i, end):
        if toks[k].kind == "num" or word_parts(toks[k]) is not None or toks[k].low in VAGUE_PLURALS:
            return k
    return i


def currency_word_at(toks: list[Tok], j: int) -> bool:
    """Whether a currency's name starts at ``toks[j]``: a currency word ("dollars", "euros",
    "yen"), or up to two capitalised words of its country before one ("Canadian dollars",
    "Hong Kong dollars", "South Korean won"). A scale suffix that is only money's ("900m") is
    money's before one: "900m Canadian dollars" is no 900 metres."""
    for k in range(j, min(j + 3, len(toks))):
        t = toks[k]
        if t.kind != "word":
            return False
        if t.low in CURRENCY_HEADS and (k > j or t.low in CURRENCY_WORDS):
            return True  # a bare head needs its own word: "900m won" is no sum
        if not t.text[:1].isupper():
            return False
    return False
