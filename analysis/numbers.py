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
  "No 10", and "one" used as a pronoun ("the one that"). Ordinals ("first", "21st", "two
  hundredth") are never numbers here.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

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

# Words besides number words that a number phrase can end with; a period glued to one of them
# ends a sentence (see _tokenize). Words that are abbreviations ("approx.", "No.") are not here.
NUMBER_VOCABULARY = frozenset(
    {*DENOMINATORS, *VAGUE_PLURALS, *DOZEN_WORDS, *CURRENCY_WORDS, *CURRENCY_CODES}
    | {w for phrase in PERCENT_WORDS for w in phrase.split()}
    | {"points", "point"}
    | {phrase.split()[-1] for phrase in LOWER_SUFFIXES + UPPER_SUFFIXES + NEAR_SUFFIXES}
)

MONTHS = lexicon.words("months")
YEAR_PREPOSITIONS = lexicon.words("year_prepositions")
AGE_WORDS = lexicon.words("age_words")
LABEL_WORDS = lexicon.words("label_words")
PRONOUN_ONE_BEFORE = lexicon.words("pronoun_one_before")
REPORTING_WORDS = lexicon.words("reporting_words")
TIME_UNITS = lexicon.words("time_units")

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
_GROUP_RE = re.compile(r"\d{3}(?:\.\d+)?")


@dataclass(frozen=True)
class ParsedNumber:
    """What a number phrase says: a value or a range, how hedged, and what kind of number."""

    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    kind: str = "number"  # number | percent | money | fraction
    currency: str | None = None
    vague: bool = False  # "hundreds", "tens of thousands"


@dataclass(frozen=True)
class NumberMatch:
    """A number phrase found in a text: the phrase, its character offsets and its reading."""

    text: str
    start: int
    end: int
    parsed: ParsedNumber
    year_like: bool = False  # a bare 4-digit 1800-2099: a year unless it counts something


@dataclass
class _Tok:
    kind: str
    text: str
    start: int
    end: int
    low: str = ""

    def __post_init__(self) -> None:
        self.low = self.text.lower()


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text):
        kind, word, start, end = m.lastgroup or "other", m.group(), m.start(), m.end()
        glued = end < len(text) and text[end].isalnum()  # "One.Tel", "five.com"
        if (
            kind == "word"
            and word.endswith(".")
            and not glued
            and _vocabulary_word(word[:-1].lower())
        ):
            # The word pattern keeps a final period for abbreviations ("approx.", "No."); at
            # the end of a sentence ("rose to twenty.", "5 percent.") it is punctuation.
            toks += [_Tok("word", word[:-1], start, end - 1), _Tok("other", ".", end - 1, end)]
        else:
            toks.append(_Tok(kind, word, start, end))
    return toks


def _vocabulary_word(low: str) -> bool:
    """A word this module reads: a number word, fraction, magnitude, percent or currency word."""
    parts = re.split(r"[-'’]", low)
    return (
        all(p in ONES_WORDS or p in TENS_WORDS or p in SCALE_WORDS for p in parts)
        or low in NUMBER_VOCABULARY
    )


def _num_value(s: str) -> float:
    return float(s.replace(",", ""))


# -- cardinal numbers ---------------------------------------------------------------------------
@dataclass
class _Card:
    end: int  # index after the last token used
    value: float
    words: int  # number of number words/digit groups used (for the fraction rules)
    scaled: bool = False  # ended with a scale word or suffix ("2 million", "2bn")
    digits: bool = False
    unit_word: bool = False  # a lone unit/teen word ("three") — may be a fraction numerator
    ends_tens: bool = False  # ended with a tens word ("twenty"): "twenty second" is an ordinal


def _word_parts(tok: _Tok) -> list[str] | None:
    """A (possibly hyphenated) number word split into parts, or None if it is not one."""
    parts = re.split(r"[-'’]", tok.low)
    if all(p in ONES_WORDS or p in TENS_WORDS or p in SCALE_WORDS for p in parts):
        return parts
    return None


def _digits_at(toks: list[_Tok], i: int, *, currency: bool) -> tuple[int, float, bool] | None:
    """Digits at ``toks[i]`` with space-grouped thousands and a glued or spaced scale suffix."""
    t = toks[i]
    if t.kind != "num":
        return None
    value_str = t.text.replace("\u202f", "").replace("\u00a0", "")
    j = i + 1
    # "1 234 567", "40 000", "1 234 567.89": a 1-3 digit head and exactly-3-digit groups one
    # space apart (a plain, no-break, narrow no-break or thin space); only the last group may
    # carry decimals.
    if re.fullmatch(r"\d{1,3}", value_str):
        while (
            j < len(toks)
            and toks[j].kind == "num"
            and _GROUP_RE.fullmatch(toks[j].text)
            and toks[j].start - toks[j - 1].end == 1
            and not (
                j + 1 < len(toks)
                and toks[j + 1].kind == "num"
                and toks[j + 1].start - toks[j].end == 1
                and not _GROUP_RE.fullmatch(toks[j + 1].text)
            )
        ):
            value_str += toks[j].text
            j += 1
            if "." in toks[j - 1].text:
                break
    value = _num_value(value_str)
    scaled = False
    if j < len(toks) and toks[j].kind == "word" and toks[j].start == toks[j - 1].end:
        suffix = toks[j].text.rstrip(".")
        scale = SUFFIX_SCALES.get(suffix) or (
            CURRENCY_ONLY_SUFFIXES.get(suffix) if currency else None
        )
        if scale:
            return j + 1, value * scale, True
        if suffix.lower() in SCALE_WORDS:  # "2million"
            return j + 1, value * SCALE_WORDS[suffix.lower()], True
        return None  # "29km", "180ml", "06F6": a measurement or a code, not a count
    return j, value, scaled


def _cardinal(toks: list[_Tok], i: int, *, currency: bool = False) -> _Card | None:
    """The longest cardinal number starting at ``toks[i]``: digits, words or a mix of both."""
    n = len(toks)
    total = 0.0
    current: float | None = None
    last = None  # kind of the previous item: digit unit teen tens hundred scale
    words = 0
    j = i
    scaled = digits = False
    # Scale order: each scale word must be smaller than the ones before it ("two million three
    # thousand"); "hundred" may multiply a group once. ``mark`` is the state after the last scale
    # word, where the number ends when a scale word breaks the order.
    floor, has_hundred, restart = math.inf, False, False
    mark: tuple | None = None
    # "a hundred", "a dozen", "a million": "a"/"an" is one only before a scale word.
    if (
        toks[i].low in ("a", "an")
        and i + 1 < n
        and (toks[i + 1].low in SCALE_WORDS or toks[i + 1].low in ("dozen",))
    ):
        current, last, j = 1.0, "unit", i + 1
    elif _bare_hundred(toks, i):
        current, last = 1.0, "unit"  # "hundred thousand dollars"
    while j < n:
        t = toks[j]
        if last in ("hundred", "scale"):
            mark = (j, total, current, words, last, scaled, digits)
        if t.kind == "num" and last in (None, "hundred", "scale", "and"):
            got = _digits_at(toks, j, currency=currency)
            if got is None:
                break
            k, v, sfx = got
            if last in ("hundred", "scale", "and") and (v >= 1000 or sfx or "." in t.text):
                break
            current = (current or 0) + v
            last, j, words, digits = ("scale" if sfx else "digit"), k, words + 1, True
            if sfx:
                total += current
                current, scaled = 0.0, True
            continue
        if t.kind == "dash" and last == "tens" and j + 1 < n and toks[j + 1].low in ONES_WORDS:
            j += 1  # "fifty - two"
            continue
        if t.low == "and" and last in ("hundred", "scale") and j + 1 < n:
            nxt = toks[j + 1]
            if _fraction_after(toks, j + 1) is not None or _is_zero(nxt):
                break  # "one million and a half" is read by _core; "… hundred and 0" is two
            if nxt.kind == "num" or _word_parts(nxt) is not None and nxt.low not in SCALE_WORDS:
                last, j = "and", j + 1
                continue
            break
        if t.kind == "word" and t.low.rstrip(".") in DOZEN_WORDS and last not in (None, "and"):
            if t.low in ("dozens",) and last == "unit" and current == 1:
                break
            base = current or 1.0
            hundreds = math.floor(base / 100) * 100 if base >= 100 else 0.0
            current = hundreds + (base - hundreds) * 12
            last, j, words = "scale", j + 1, words + 1
            total += current
            current, scaled = 0.0, True
            continue
        if (
            t.kind == "word"
            and t.low in SPACED_SCALES
            and t.low not in SCALE_WORDS
            and last in ("digit",)
        ):
            # "2 bn", "2.33 k": spaced abbreviations follow digits only, one space on (not a
            # letter starting the next line) and not glued to more ("35 M&S goods" is a name).
            # A spaced lower-case "m" is a metre unless money precedes; "M" is a million.
            if t.text == "m" and not currency or t.start - toks[j - 1].end > 1:
                break
            if _glued_after(toks, j):
                break
            total += (current or 0) * SPACED_SCALES[t.low]
            current, last, j, scaled = 0.0, "scale", j + 1, True
            continue
        parts = _word_parts(t) if t.kind == "word" else None
        if parts is None:
            break
        ok = True
        for p in parts:
            if p in ONES_WORDS:
                v = ONES_WORDS[p]
                kind = "unit" if v < 10 else "teen"
                if (
                    last == "tens"
                    and kind == "unit"
                    and v > 0
                    or last in (None, "hundred", "scale", "and")
                ):
                    current = (current or 0) + v
                else:
                    ok = False
                    break
                last = kind
            elif p in TENS_WORDS:
                if last in (None, "hundred", "scale", "and"):
                    current = (current or 0) + TENS_WORDS[p]
                    last = "tens"
                else:
                    ok = False
                    break
            else:  # scale word
                if last in (None, "and"):
                    ok = False
                    break
                scale = SCALE_WORDS[p]
                if has_hundred if scale == 100 else scale >= floor:
                    # "3 hundred and 2 hundred", "two thousand three thousand": a scale word
                    # not smaller than one already used starts a new number.
                    ok, restart = False, True
                    break
                if scale == 100:
                    current = (current or 1) * 100
                    last, has_hundred = "hundred", True
                else:
                    total += (current or 1) * scale
                    current, last, floor, has_hundred = 0.0, "scale", scale, False
                scaled = True
        if not ok:
            break
        words += 1
        j += 1
    if restart and mark is not None:
        j, total, current, words, last, scaled, digits = mark
    if last in (None, "and") or j == i:
        if last == "and":
            j -= 1
        else:
            return None
    value = total + (current or 0)
    unit_word = words == 1 and not digits and last in ("unit", "teen")
    return _Card(
        end=j,
        value=value,
        words=words,
        scaled=scaled and last == "scale",
        digits=digits,
        unit_word=unit_word,
        ends_tens=last == "tens",
    )


def _glued_after(toks: list[_Tok], j: int) -> bool:
    """Whether something other than closing punctuation touches the end of ``toks[j]``."""
    return (
        j + 1 < len(toks)
        and toks[j + 1].start == toks[j].end
        and toks[j + 1].text not in (".", ",", ";", ":", "!", "?", ")")
    )


def _bare_hundred(toks: list[_Tok], i: int) -> bool:
    """ "hundred" with no number before it but a larger scale word after: "hundred thousand"."""
    return (
        toks[i].low == "hundred" and i + 1 < len(toks) and SCALE_WORDS.get(toks[i + 1].low, 0) > 100
    )


def _is_zero(tok: _Tok) -> bool:
    if tok.kind == "num":
        return _num_value(tok.text) == 0
    return ONES_WORDS.get(tok.low) == 0


def _denominator(tok: _Tok) -> tuple[float, bool] | None:
    """(denominator, plural) of a fraction word: "thirds" → (3, True), "twenty-fifth" → (25, False)."""
    low = tok.low
    if low in DENOMINATORS:
        return DENOMINATORS[low], low.endswith("s") and low != "halves" or low == "halves"
    parts = low.split("-")
    if len(parts) == 2 and parts[0] in TENS_WORDS:
        last = parts[1].rstrip("s")
        if last in ORDINAL_UNITS:
            return TENS_WORDS[parts[0]] + ORDINAL_UNITS[last], parts[1].endswith("s")
    return None


def _is_ordinal_word(tok: _Tok) -> bool:
    low = tok.low
    if re.fullmatch(r"\d+(st|nd|rd|th)", low):
        return True
    d = _denominator(tok)
    return d is not None and not d[1] and low not in ("half", "quarter")


# -- phrases ------------------------------------------------------------------------------------
def _phrase_at(toks: list[_Tok], i: int, seq: tuple[str, ...]) -> int | None:
    """Index after the multiword phrase whose words are ``seq``, if it starts at ``toks[i]``."""
    for k, word in enumerate(seq):
        if i + k >= len(toks) or toks[i + k].low != word:
            return None
    return i + len(seq)


@functools.lru_cache(maxsize=64)
def _phrase_index(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by first word, so a lookup only tries the phrases that can match."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(_split_phrase(phrase))
        index.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in index.items()}


def _longest(toks: list[_Tok], i: int, phrases: tuple[str, ...]) -> int | None:
    if i >= len(toks):
        return None
    best = None
    for words in _phrase_index(phrases).get(toks[i].low, ()):
        end = _phrase_at(toks, i, words)
        if end is not None and (best is None or end > best):
            best = end
    return best


def _split_phrase(phrase: str) -> list[str]:
    return ["%"] if phrase == "%" else ["+"] if phrase == "+" else phrase.split()


@dataclass
class _Core:
    end: int
    value: float | None
    low: float | None
    high: float | None
    kind: str = "number"
    vague: bool = False
    scaled: bool = False
    currency: str | None = None


def _currency_prefix(toks: list[_Tok], i: int) -> tuple[int, str] | None:
    t = toks[i]
    if t.kind == "sym" and (t.text in CURRENCY_SIGNS or t.text == "US$"):
        return i + 1, CURRENCY_SIGNS.get(t.text, "USD")
    if (
        t.low in CURRENCY_PREFIX_WORDS
        and i + 1 < len(toks)
        and toks[i + 1].text == "$"
        and toks[i + 1].start == t.end
    ):
        return i + 2, CURRENCY_PREFIX_WORDS[t.low]
    if t.low in CURRENCY_CODES and i + 1 < len(toks) and toks[i + 1].kind == "num":
        return i + 1, CURRENCY_CODES[t.low]
    return None


def _fraction_after(toks: list[_Tok], j: int) -> tuple[int, float] | None:
    """'a half' / 'one third' / 'three quarters' / '1/2' starting at ``toks[j]``."""
    n = len(toks)
    if j >= n:
        return None
    t = toks[j]
    if t.kind == "num" and j + 2 < n and toks[j + 1].kind == "slash" and toks[j + 2].kind == "num":
        den = _num_value(toks[j + 2].text)
        return (j + 3, _num_value(t.text) / den) if den else None
    if t.low in ("a", "an", "one") and j + 1 < n:
        d = _denominator(toks[j + 1])
        if d is not None:
            return j + 2, 1 / d[0]
    if t.low in ONES_WORDS and j + 1 < n:
        d = _denominator(toks[j + 1])
        if d is not None and d[1]:
            return j + 2, ONES_WORDS[t.low] / d[0]
    if t.low in ONES_WORDS and j + 2 < n and toks[j + 1].text in ("-", "–"):
        # "one - fourth", "five - eighths": a hyphenated fraction typed with spaces
        d = _denominator(toks[j + 2])
        if d is not None and (d[1] or t.low == "one"):
            return j + 3, ONES_WORDS[t.low] / d[0]
    return None


def _core(toks: list[_Tok], i: int, *, currency: str | None = None) -> _Core | None:
    """One number (not a range): vague magnitude, fraction, cardinal; plus %, scale, currency."""
    n = len(toks)
    if i >= n:
        return None
    t = toks[i]
    low = t.low
    # Vague magnitudes: "tens of thousands", "hundreds", "several hundred", "a few thousand".
    if low in VAGUE_PLURALS:
        mag = VAGUE_PLURALS[low]
        j = i + 1
        while (
            j + 1 < n
            and toks[j].low == "of"
            and toks[j + 1].low in VAGUE_PLURALS
            and VAGUE_PLURALS[toks[j + 1].low] > mag
        ):
            mag *= VAGUE_PLURALS[toks[j + 1].low]
            j += 2
        if low == "tens" and mag == 10:
            return None  # "tens" alone is rare and often not a count
        return _Core(j, None, 2 * mag, 9 * mag, vague=True, scaled=True)
    for quant, (qlo, qhi) in VAGUE_QUANTIFIERS.items():
        end = _phrase_at(toks, i, tuple(quant.split()))
        if (
            end is not None
            and end < n
            and toks[end].low in ("hundred", "thousand", "million", "billion", "dozen")
        ):
            mag = SCALE_WORDS.get(toks[end].low, 12)
            return _Core(end + 1, None, qlo * mag, qhi * mag, vague=True, scaled=True)
    # Fractions standing first: "half", "a half", "two-thirds", "three quarters", "3/4".
    frac: tuple[int, float] | None = None
    if low == "half":
        frac = (i + 1, 0.5)
    elif low == "quarter" and i + 1 < n and SCALE_WORDS.get(toks[i + 1].low, 0) >= 1e3:
        frac = (i + 1, 0.25)  # "quarter million"; a bare "quarter" is a period or a district
    elif "-" in low and len(low.split("-")) == 2 and low.split("-")[0] in ONES_WORDS | {"a": 1}:
        head, tail = low.split("-")
        d = _denominator(_Tok("word", tail, 0, 0))
        if d is not None and (d[1] or head in ("one", "a")):
            frac = (i + 1, (ONES_WORDS.get(head, 1)) / d[0])
    else:
        frac = _fraction_after(toks, i)
        # "5/17/2018" is a date; "1/2" a fraction.
        if frac is not None and t.kind == "num" and frac[0] < n and toks[frac[0]].kind == "slash":
            return None
    if frac is not None:
        j, v = frac
        # "half a dozen", "half a million", "two thirds of a million", "a quarter million"
        if (
            j < n
            and toks[j].low in ("a", "an")
            and j + 1 < n
            and toks[j + 1].low in SCALE_WORDS | {"dozen": 12}
        ):
            mag = SCALE_WORDS.get(toks[j + 1].low, 12)
            return _Core(j + 2, v * mag, v * mag, v * mag, scaled=True)
        if (
            j + 2 < n
            and toks[j].low == "of"
            and toks[j + 1].low == "a"
            and toks[j + 2].low in SCALE_WORDS
        ):
            mag = SCALE_WORDS[toks[j + 2].low]
            return _Core(j + 3, v * mag, v * mag, v * mag, scaled=True)
        if j < n and toks[j].low in ("million", "billion", "trillion", "thousand"):
            mag = SCALE_WORDS[toks[j].low]
            return _Core(j + 1, v * mag, v * mag, v * mag, scaled=True)
        return _suffixes(toks, _Core(j, v, v, v, kind="fraction"), currency)
    card = _cardinal(toks, i, currency=currency is not None)
    if card is None:
        return None
    j, v = card.end, card.value
    # "2 1/4", "one and a half", "twenty and three fifths", "five and a half million"
    kind = "number"
    if j < n and toks[j].kind == "num" and card.digits and card.words == 1 and not card.scaled:
        fr = _fraction_after(toks, j)
        if fr is not None and fr[1] < 1:
            j, v, kind = fr[0], v + fr[1], "fraction"
    if j + 1 < n and toks[j].low == "and" and kind == "number":
        fr = _fraction_after(toks, j + 1)
        if fr is not None and fr[1] < 1:
            return _and_fraction(toks, card, fr, currency)
    # "three fifths", "one eighth": a plural denominator (or singular after "one") after a
    # one-word numerator is a fraction; any other ordinal after a cardinal is an ordinal
    # ("two hundredth", "one hundred twenty fifth") — not a figure.
    if kind == "number" and j < n:
        d = _denominator(toks[j])
        if d is not None:
            plural = d[1]
            if card.words == 1 and not card.scaled and (plural or v == 1):
                return _suffixes(
                    toks, _Core(j + 1, v / d[0], v / d[0], v / d[0], kind="fraction"), currency
                )
            return None
        if _is_ordinal_word(toks[j]) and toks[j].start - toks[j - 1].end <= 1:
            return None
        if card.ends_tens and toks[j].low in ORDINAL_UNITS:
            return None  # "three hundred twenty second": an ordinal written without a hyphen
    if kind == "fraction":
        return _suffixes(toks, _Core(j, v, v, v, kind="fraction"), currency)
    return _suffixes(toks, _Core(j, v, v, v, scaled=card.scaled), currency)


def _and_fraction(
    toks: list[_Tok], card: _Card, fr: tuple[int, float], currency: str | None
) -> _Core:
    """A whole number, "and", a fraction: "two and a half", "one hundred and three quarters",
    "two million and one half", "two and a half million", "one billion and a half million"."""
    j, frac = fr
    v = card.value
    scale = SCALE_WORDS.get(toks[j].low, 0) if j < len(toks) else 0
    if card.scaled:
        # The fraction is of the last scale word ("two million and one half" = 2.5 million)
        # or of a smaller one that follows ("one billion and a half million" = 1,000,500,000).
        last = _last_scale(v)
        if 1e3 <= scale < last:
            v, j = v + frac * scale, j + 1
        else:
            v += frac * last
        return _suffixes(toks, _Core(j, v, v, v, scaled=True), currency)  # a count, not a share
    v += frac
    if scale >= 1e3:
        v *= scale  # "two and a half million": a count again
        return _suffixes(toks, _Core(j + 1, v, v, v, scaled=True), currency)
    return _suffixes(toks, _Core(j, v, v, v, kind="fraction"), currency)


def _last_scale(v: float) -> float:
    for s in (1e12, 1e9, 1e6, 1e3):
        if v >= s and v % s == 0:
            return s
    return 1.0


def _suffixes(toks: list[_Tok], core: _Core, currency: str | None) -> _Core:
    """Percent signs/words and currency words after a number."""
    j, n = core.end, len(toks)
    if j < n:
        end = _longest(toks, j, PERCENT_WORDS)
        if end is not None:
            core.end, core.kind = end, "percent"
            if _phrase_at(toks, end, ("points",)) or _phrase_at(toks, end, ("point",)):
                core.end += 1  # "3 percentage points"
            return core
        t = toks[j]
        if t.low in CURRENCY_WORDS:
            core.end, core.kind, core.currency = j + 1, "money", CURRENCY_WORDS[t.low]
        elif t.kind == "sym" and t.text in CURRENCY_SIGNS and t.start == toks[j - 1].end:
            core.end, core.kind, core.currency = j + 1, "money", CURRENCY_SIGNS[t.text]
        elif t.low in CURRENCY_CODES:
            core.end, core.kind, core.currency = j + 1, "money", CURRENCY_CODES[t.low]
    if currency:
        core.kind, core.currency = "money", currency
    return core


def _money_or_core(toks: list[_Tok], i: int) -> _Core | None:
    if i >= len(toks):
        return None
    cur = _currency_prefix(toks, i)
    if cur is not None:
        j, code = cur
        core = _core(toks, j, currency=code)
        if core is None:
            return None
        return core
    return _core(toks, i)


def _negative_at(toks: list[_Tok], i: int) -> int | None:
    """Index of the number after a minus ("minus five", "-9.2"), or None."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.low in ("minus", "negative") and i + 1 < len(toks):
        return i + 1
    if (
        t.kind == "dash"
        and t.text == "-"
        and i + 1 < len(toks)
        and toks[i + 1].kind == "num"
        and toks[i + 1].start == t.end
        and (i == 0 or toks[i - 1].kind not in ("num", "word", "sym") or toks[i - 1].end < t.start)
        and (i == 0 or toks[i - 1].kind not in ("num",))
    ):
        return i + 1
    return None


def _match_at(toks: list[_Tok], i: int) -> tuple[int, ParsedNumber] | None:
    """The longest number phrase starting at ``toks[i]``: hedge + number (+ range / suffix)."""
    n = len(toks)
    hedge = None
    j = i
    for kind, phrases in (
        ("lower", LOWER_HEDGES),
        ("upper", UPPER_HEDGES),
        ("below", NEAR_BELOW_HEDGES),
        ("near", NEAR_HEDGES),
    ):
        end = _longest(toks, i, phrases)
        if end is not None and (hedge is None or end > j):
            hedge, j = kind, end
    if hedge is not None and j < n and toks[j].low == "some" and hedge != "near":
        j += 1  # "more than some 200" is odd; tolerate "some" after a hedge
    between = False
    if hedge is None:
        if toks[i].low == "between":
            between, j = True, i + 1
        elif toks[i].low == "from" and i + 1 < n:
            j = i + 1
            between = None  # "from X to Y": a range only when "to Y" follows
    sign = 1.0
    neg = _negative_at(toks, j)
    if neg is not None:
        sign, j = -1.0, neg
    core = _money_or_core(toks, j)
    if core is None:
        return None
    if sign < 0:
        core = replace(core, value=-core.value if core.value is not None else None,
                       low=-core.low if core.low is not None else None,
                       high=-core.high if core.high is not None else None)  # fmt: skip
    end = core.end
    value, lo, hi = core.value, core.low, core.high
    approximate = core.vague
    # Ranges: "200-300", "200 to 300", "between 200 and 300", "from 200 to 300", "5k-20k".
    if end < n:
        joiner = toks[end]
        ok_join = (
            (joiner.kind == "dash" and joiner.text in "-–~" and between is not True)
            or (joiner.low in ("to", "through") and between is not True)
            or (joiner.low == "and" and between is True)
            or (
                joiner.low == "or"
                and core.kind == "number"
                and not core.vague
                and value is not None
                and value < 100
                and end + 1 < n
                and _word_parts(toks[end + 1]) is not None
            )
        )
        if ok_join and end + 1 < n:
            other = _money_or_core(toks, end + 1)
            if other is not None and other.value is not None and core.value is not None:
                a, b = core.value, other.value
                if other.scaled and not core.scaled and a < b and b / max(a, 1e-9) > 100:
                    a *= _last_scale(b) if _last_scale(b) > 1 else 1  # "1.5-2 million"
                if other.kind == "percent" and core.kind == "number":
                    core.kind = "percent"
                if other.kind == "money" and core.kind == "number":
                    core.kind, core.currency = "money", other.currency
                if a < b:
                    value, lo, hi, end = None, a, b, other.end
                    approximate = joiner.low == "or"
                elif joiner.kind == "dash" and a >= b:
                    return None  # "3-2": a score, not a range or two figures
    if between is True and value is not None:
        return None  # "between 2011" without a second number: not a range phrase
    # Suffix hedges: "200 or more", "200-plus", "500 or so".
    if value is not None and hedge in (None, "near"):
        for kind, phrases in (
            ("lower", LOWER_SUFFIXES),
            ("upper", UPPER_SUFFIXES),
            ("near", NEAR_SUFFIXES),
        ):
            e = _longest(toks, end, phrases)
            if e is None:
                continue
            if e < n and toks[e].low == "than":
                # "… and more than 300" starts another phrase; "200 or greater than" is a bound
                if e + 1 < n and _number_like(toks[e + 1]):
                    continue
                e += 1
            hedge, end = kind, e
            break
        if (
            hedge is None
            and end + 1 < n
            and toks[end].kind == "dash"
            and toks[end + 1].low == "plus"
            and toks[end].start == toks[end - 1].end
        ):
            hedge, end = "lower", end + 2  # "200-plus"
    if hedge is not None:
        approximate = True
        if value is not None:
            if hedge == "lower":
                lo, hi = value, None
            elif hedge == "upper" or hedge == "below":
                lo, hi = None, value
            else:
                lo, hi = None, None
    start_tok = i
    if between is None and value is not None:
        start_tok = i + 1  # "from 200" alone: the number, not the preposition
    return (
        end,
        ParsedNumber(
            value=value,
            low=lo,
            high=hi,
            approximate=approximate,
            kind=core.kind,
            currency=core.currency,
            vague=core.vague,
        ),
        start_tok,
    )  # type: ignore[return-value]


def _non_figure(toks: list[_Tok], i: int, end: int, parsed: ParsedNumber) -> str | None:
    """Why the phrase ``toks[i:end]`` is not a figure (date, age, label ...), or None."""
    t = toks[i]
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[end] if end < len(toks) else None
    single = end - i == 1
    after_month = prev is not None and prev.low in MONTHS and parsed.value is not None
    if after_month and (parsed.value <= 31 or _year_like(toks, i, end, parsed)):
        return "date"  # "May 4", "May 2016"
    if (
        nxt is not None
        and nxt.low in MONTHS
        and single
        and t.kind == "num"
        and float(t.text.replace(",", "")) <= 31
    ):
        return "date"
    if (
        prev is not None
        and prev.low.rstrip(".") in {w.rstrip(".") for w in LABEL_WORDS}
        and single
        and t.kind == "num"
    ):
        return "label"  # "No 10", "number 7"
    if prev is not None and prev.low in AGE_WORDS:
        return "age"
    if nxt is not None and re.fullmatch(r"years?[-–]olds?", nxt.low):
        return "age"
    if (
        nxt is not None
        and nxt.kind == "dash"
        and end + 1 < len(toks)
        and re.fullmatch(r"years?[-–]olds?", toks[end + 1].low)
    ):
        return "age"
    if (
        nxt is not None
        and nxt.low in ("years", "year")
        and end + 1 < len(toks)
        and toks[end + 1].low == "old"
    ):
        return "age"
    if nxt is not None and nxt.low in (
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "o'clock",
        "o’clock",
        "gmt",
        "bst",
    ):
        return "time"
    four_digits = single and t.kind == "num" and re.fullmatch(r"\d{4}s?", t.text) is not None
    if four_digits and 1800 <= int(t.text[:4]) <= 2099 and parsed.kind == "number":
        if prev is not None and prev.low in YEAR_PREPOSITIONS:
            return "year"  # "in 2011", "since 2015"
        if nxt is not None and (nxt.low in ("s", "'s", "-", "–") or nxt.kind == "slash"):
            return "year"  # "the 1960s", "2015-16"
    slash_next = nxt is not None and nxt.kind == "slash" and end < len(toks) - 1
    if slash_next and t.kind == "num" and toks[end + 1].kind == "num":
        return "date"
    if t.kind == "num" and prev is not None and prev.kind == "slash":
        return "date"
    if single and t.low == "one":
        before_prev = toks[i - 2].low if i > 1 else ""
        complementizer = (
            prev is not None
            and prev.low == "that"
            and (before_prev.endswith("ed") or before_prev in REPORTING_WORDS)
        )  # "claimed that one had died": "that" introduces a clause, "one" is a count
        if prev is not None and prev.low in PRONOUN_ONE_BEFORE and not complementizer:
            return "pronoun"
        if prev is not None and prev.low == "but" and before_prev in ("last", "next"):
            return "ordinal"  # "the last but one": the one before the last
        if nxt is not None and nxt.low in ("another", "by", "day", "way", "time", "thing", "hand"):
            return "pronoun"
    if single and t.kind == "num" and _phone_like(toks, i):
        return "phone"
    if t.kind == "num" and prev is not None and prev.kind == "word" and prev.end == t.start:
        return "code"  # "SCP173", "A320": a name, not a count
    if (
        t.kind == "num"
        and prev is not None
        and prev.kind == "dash"
        and prev.start == toks[i - 2].end
        if i > 1
        else False
    ):
        return "code"  # "SCP-173", "MH-17"
    return None


def _phone_like(toks: list[_Tok], i: int) -> bool:
    """A digit group in a run of space-separated groups that reads as a phone number: a group
    with a leading zero, or 7+ digits over groups of 3+ ("0800 555 0199", "020 7946 0000")."""
    run = [i]
    k = i
    while k > 0 and toks[k - 1].kind == "num" and toks[k].start - toks[k - 1].end == 1:
        k -= 1
        run.insert(0, k)
    k = i
    while k + 1 < len(toks) and toks[k + 1].kind == "num" and toks[k + 1].start - toks[k].end == 1:
        k += 1
        run.append(k)
    groups = [toks[k].text for k in run]
    if any(re.fullmatch(r"0\d+", g) for g in groups):
        return True
    return len(groups) >= 2 and all(len(g) >= 3 for g in groups) and sum(map(len, groups)) >= 7


def _year_like(toks: list[_Tok], i: int, end: int, parsed: ParsedNumber) -> bool:
    t = toks[i]
    return (
        end - i == 1
        and t.kind == "num"
        and re.fullmatch(r"\d{4}", t.text) is not None
        and 1800 <= int(t.text) <= 2099
        and parsed.kind == "number"
    )


def find_numbers(text: str, *, figures_only: bool = True) -> list[NumberMatch]:
    """Every number phrase in ``text``, left to right, non-overlapping.

    With ``figures_only`` (default) phrases that are dates, times, ages, labels ("No 10"), codes
    or pronouns ("the one that") are left out; bare 4-digit years after a preposition too. Other
    4-digit numbers in 1800-2099 are kept with ``year_like=True`` so a caller with a parse can
    decide ("2000 people" is a count, "in 2011" is not).
    """
    toks = _tokenize(text)
    out: list[NumberMatch] = []
    # A phrase starts at most a few words (a hedge: "in the region of") before a number-like
    # word; trying only there keeps the scan linear and cheap on long articles.
    numeric = [k for k, t in enumerate(toks) if _number_like(t)]
    candidates: set[int] = set()
    for k in numeric:
        candidates.update(range(max(0, k - 4), k + 1))
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind in ("ident", "time") or i not in candidates:
            i += 1
            continue
        got = _match_at(toks, i)
        if got is None:
            i += 1
            continue
        end, parsed, start_tok = got  # type: ignore[misc]
        if figures_only:
            core_i = start_tok
            # skip the hedge words to find the first number token for the context rules
            reason = _non_figure(toks, _first_numeric(toks, start_tok, end), end, parsed)
            if reason is not None:
                i = end
                continue
            del core_i
        start, stop = toks[start_tok].start, toks[end - 1].end
        out.append(
            NumberMatch(
                text=text[start:stop], start=start, end=stop, parsed=parsed,
                year_like=_year_like(toks, _first_numeric(toks, start_tok, end), end, parsed),
            )
        )  # fmt: skip
        i = end
    return out


def _number_like(t: _Tok) -> bool:
    if t.kind in ("num", "sym"):
        return True
    if t.kind != "word":
        return False
    low = t.low
    return (
        low in VAGUE_PLURALS
        or low in DENOMINATORS
        or low in SCALE_WORDS
        or low in DOZEN_WORDS
        or low == "half"
        or _word_parts(t) is not None
        or ("-" in low and low.split("-")[0] in ONES_WORDS)
    )


def _first_numeric(toks: list[_Tok], i: int, end: int) -> int:
    for k in range(i, end):
        if (
            toks[k].kind == "num"
            or _word_parts(toks[k]) is not None
            or toks[k].low in VAGUE_PLURALS
        ):
            return k
    return i


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
