"""Number phrases in news text: "around 100,000", "tens of thousands", "85 per cent", "$3.2m".

Model-free and testable alone: :func:`find_numbers` scans plain text for number phrases and
:func:`parse_number_phrase` reads one phrase; both return :class:`ParsedNumber` values with a
``value`` (None for a vague magnitude or an explicit range), ``low``/``high`` bounds and an
``approximate`` flag. :mod:`analysis.figures` decides, with the dependency parse, what a number
counts; this module only knows what the characters say.

Conventions (chosen here, relied on by the views):

* An exact number has ``low == high == value``. A symmetric hedge ("around", "about", "some")
  keeps ``value`` and leaves both bounds open (None): the text gives no bound. "more than 200"
  gives ``low=200, high=None``; "up to 300" gives ``low=None, high=300``; "nearly 300" gives
  ``high=300``. Every hedge sets ``approximate``.
* A vague plural magnitude is 2 to 9 of that magnitude: "hundreds" = 200-900, "thousands" =
  2,000-9,000, "tens of thousands" = 20,000-90,000, "dozens" = 24-108; ``value`` is None.
  ("Several" = 3-9, "a few" = 2-5 of the magnitude.)
* Explicit ranges ("between 200 and 300", "200-300", "200 to 300") have ``value=None`` and both
  bounds; they are not marked approximate unless hedged.
* Percentages keep the number as written (``85`` for "85%") with ``kind="percent"``; fractions
  ("two-thirds", "half") have ``kind="fraction"`` and a value in 0..1 (or a mixed number, "two and
  a half").
* With ``figures_only=True`` (the default) :func:`find_numbers` drops what is not a figure in the
  news sense: years, dates, clock times, ages, phone-like digit groups, dotted identifiers,
  "No 10", readings on a scale ("a magnitude 6.1 earthquake") and "one" used as a pronoun
  ("the one that"). Ordinals ("first", "21st", "two
  hundredth") are never numbers here.

The package, one job a module: :mod:`~analysis.numbers.tokens` (tokenizer and number words),
:mod:`~analysis.numbers.cardinals` (cardinals and fractions), :mod:`~analysis.numbers.phrases`
(one number with its unit, ranges and hedges), :mod:`~analysis.numbers.context` (what is not a
figure). This module scans a text with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.numbers.context import (
    AGE_WORDS,
    LABEL_WORDS,
    MONTHS,
    PRONOUN_ONE_BEFORE,
    REPORTING_WORDS,
    YEAR_PREPOSITIONS,
    non_figure,
    year_like,
)
from analysis.numbers.phrases import ParsedNumber, match_at
from analysis.numbers.tokens import (
    CURRENCY_CODES,
    CURRENCY_HEADS,
    CURRENCY_ONLY_SUFFIXES,
    CURRENCY_PREFIX_WORDS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DENOMINATORS,
    DOZEN_WORDS,
    LOWER_HEDGES,
    LOWER_SUFFIXES,
    NEAR_BELOW_HEDGES,
    NEAR_HEDGES,
    NEAR_SUFFIXES,
    NUMBER_VOCABULARY,
    ONES_WORDS,
    ORDINAL_UNITS,
    PERCENT_WORDS,
    SCALE_WORDS,
    SPACED_SCALES,
    SUFFIX_SCALES,
    TENS_WORDS,
    TIME_UNITS,
    UPPER_HEDGES,
    UPPER_SUFFIXES,
    VAGUE_PLURALS,
    VAGUE_QUANTIFIERS,
    first_numeric,
    number_like,
    tokenize,
)

# The tables stay importable from here (figures.py reads CURRENCY_WORDS and TIME_UNITS).
__all__ = [
    "AGE_WORDS",
    "CURRENCY_CODES",
    "CURRENCY_HEADS",
    "CURRENCY_ONLY_SUFFIXES",
    "CURRENCY_PREFIX_WORDS",
    "CURRENCY_SIGNS",
    "CURRENCY_WORDS",
    "DENOMINATORS",
    "DOZEN_WORDS",
    "LABEL_WORDS",
    "LOWER_HEDGES",
    "LOWER_SUFFIXES",
    "MONTHS",
    "NEAR_BELOW_HEDGES",
    "NEAR_HEDGES",
    "NEAR_SUFFIXES",
    "NUMBER_VOCABULARY",
    "ONES_WORDS",
    "ORDINAL_UNITS",
    "PERCENT_WORDS",
    "PRONOUN_ONE_BEFORE",
    "REPORTING_WORDS",
    "SCALE_WORDS",
    "SPACED_SCALES",
    "SUFFIX_SCALES",
    "TENS_WORDS",
    "TIME_UNITS",
    "UPPER_HEDGES",
    "UPPER_SUFFIXES",
    "VAGUE_PLURALS",
    "VAGUE_QUANTIFIERS",
    "YEAR_PREPOSITIONS",
    "NumberMatch",
    "ParsedNumber",
    "find_numbers",
    "parse_number_phrase",
]


@dataclass(frozen=True)
class NumberMatch:
    """A number phrase found in a text: the phrase, its character offsets and its reading."""

    text: str
    start: int
    end: int
    parsed: ParsedNumber
    year_like: bool = False  # a bare 4-digit 1800-2099: a year unless it counts something


def find_numbers(text: str, *, figures_only: bool = True) -> list[NumberMatch]:
    """Every number phrase in ``text``, left to right, non-overlapping.

    With ``figures_only`` (default) phrases that are dates, times, ages, labels ("No 10"), scale
    readings ("magnitude 6.1"), codes or pronouns ("the one that") are left out; bare 4-digit years after a preposition too. Other
    4-digit numbers in 1800-2099 are kept with ``year_like=True`` so a caller with a parse can
    decide ("2000 people" is a count, "in 2011" is not).
    """
    toks = tokenize(text)
    out: list[NumberMatch] = []
    # A phrase starts at most a few words (a hedge: "in the region of") before a number-like
    # word; trying only there keeps the scan linear and cheap on long articles.
    numeric = [k for k, t in enumerate(toks) if number_like(t)]
    candidates: set[int] = set()
    for k in numeric:
        candidates.update(range(max(0, k - 4), k + 1))
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind in ("ident", "time") or i not in candidates:
            i += 1
            continue
        got = match_at(toks, i)
        if got is None:
            i += 1
            continue
        end, parsed, start_tok = got
        if figures_only:
            # skip the hedge words to find the first number token for the context rules
            reason = non_figure(toks, first_numeric(toks, start_tok, end), end, parsed)
            if reason is not None:
                i = end
                continue
        start, stop = toks[start_tok].start, toks[end - 1].end
        out.append(
            NumberMatch(
                text=text[start:stop], start=start, end=stop, parsed=parsed,
                year_like=year_like(toks, first_numeric(toks, start_tok, end), end, parsed),
            )
        )  # fmt: skip
        i = end
    return out


def parse_number_phrase(text: str) -> ParsedNumber | None:
    """Read one number phrase ("around 100,000", "tens of thousands", "85 per cent").

    Returns None when ``text`` is not exactly one number phrase (surrounding punctuation and
    whitespace aside) or is not a figure (a year after a preposition, a date, an age ...).
    """
    stripped = text.strip().strip(".,;:!?()[]\"'“”‘’")
    if not stripped:
        return None
    matches = find_numbers(stripped)
    if len(matches) != 1:
        return None
    m = matches[0]
    if m.start != 0 or m.end != len(stripped) or m.year_like:
        return None  # a bare 4-digit 1800-2099 read alone is a year
    return m.parsed
