"""Cardinal numbers and fractions from tokens: "two million three thousand", "1 234 567",
"2bn", "a dozen", "three fifths", "1/2". :func:`cardinal` reads the longest cardinal at a token;
the fraction helpers read a fraction or a denominator word. No hedges, ranges or context here
(:mod:`analysis.numbers.phrases`, :mod:`analysis.numbers.context`)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from analysis.numbers.tokens import (
    CURRENCY_ONLY_SUFFIXES,
    DENOMINATORS,
    DOZEN_WORDS,
    GROUP_RE,
    ONES_WORDS,
    ORDINAL_UNITS,
    SCALE_WORDS,
    SPACED_SCALES,
    SUFFIX_SCALES,
    TENS_WORDS,
    VAGUE_PLURALS,
    Tok,
    currency_word_at,
    num_value,
    times,
    word_parts,
)


# -- cardinal numbers ---------------------------------------------------------------------------
@dataclass
class Card:
    end: int  # index after the last token used
    value: float
    words: int  # number of number words/digit groups used (for the fraction rules)
    scaled: bool = False  # ended with a scale word or suffix ("2 million", "2bn")
    digits: bool = False
    unit_word: bool = False  # a lone unit/teen word ("three") — may be a fraction numerator
    ends_tens: bool = False  # ended with a tens word ("twenty"): "twenty second" is an ordinal


def _digits_at(toks: list[Tok], i: int, *, currency: bool) -> tuple[int, float, bool] | None:
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
            and GROUP_RE.fullmatch(toks[j].text)
            and toks[j].start - toks[j - 1].end == 1
            and not (
                j + 1 < len(toks)
                and toks[j + 1].kind == "num"
                and toks[j + 1].start - toks[j].end == 1
                and not GROUP_RE.fullmatch(toks[j + 1].text)
            )
        ):
            value_str += toks[j].text
            j += 1
            if "." in toks[j - 1].text:
                break
    value = num_value(value_str)
    scaled = False
    if j < len(toks) and toks[j].kind == "word" and toks[j].start == toks[j - 1].end:
        suffix = toks[j].text.rstrip(".")
        scale = SUFFIX_SCALES.get(suffix) or (
            CURRENCY_ONLY_SUFFIXES.get(suffix)
            if currency or currency_word_at(toks, j + 1)
            else None
        )
        if scale:
            return j + 1, times(value, scale), True
        if suffix.lower() in SCALE_WORDS:  # "2million"
            return j + 1, times(value, SCALE_WORDS[suffix.lower()]), True
        return None  # "29km", "180ml", "06F6": a measurement or a code, not a count
    return j, value, scaled


@dataclass
class _Reading:
    """Where :func:`cardinal` is, reading left to right: the value so far (``total`` of finished
    scale groups + ``current``), the kind of the last item, and the scale order. Scale words must
    fall ("two million three thousand"; "hundred" may multiply a group once): ``floor`` is the
    last scale used, and ``mark`` the state after the last scale word, where the number ends
    when a later scale word breaks the order (``restart``)."""

    toks: list[Tok]
    currency: bool
    j: int  # index of the next token
    total: float = 0.0
    current: float | None = None
    last: str | None = None  # the previous item: digit unit teen tens hundred scale and
    words: int = 0
    scaled: bool = False
    digits: bool = False
    floor: float = math.inf
    has_hundred: bool = False
    restart: bool = False
    mark: tuple | None = None

    def save(self) -> None:
        self.mark = (
            self.j,
            self.total,
            self.current,
            self.words,
            self.last,
            self.scaled,
            self.digits,
        )

    def rewind(self) -> None:
        assert self.mark is not None
        self.j, self.total, self.current, self.words, self.last, self.scaled, self.digits = (
            self.mark
        )


def cardinal(toks: list[Tok], i: int, *, currency: bool = False) -> Card | None:
    """The longest cardinal number starting at ``toks[i]``: digits, words or a mix of both."""
    r = _Reading(toks, currency, i)
    # "a hundred", "a dozen", "a million": "a"/"an" is one only before a scale word.
    if (
        toks[i].low in ("a", "an")
        and i + 1 < len(toks)
        and (toks[i + 1].low in SCALE_WORDS or toks[i + 1].low in ("dozen",))
    ):
        r.current, r.last, r.j = 1.0, "unit", i + 1
    elif _bare_hundred(toks, i):
        r.current, r.last = 1.0, "unit"  # "hundred thousand dollars"
    while r.j < len(toks):
        if r.last in ("hundred", "scale"):
            r.save()
        if not _step(r, toks[r.j]):
            break
    if r.restart and r.mark is not None:
        r.rewind()
    if r.last in (None, "and") or r.j == i:
        if r.last == "and":
            r.j -= 1
        else:
            return None
    return Card(
        end=r.j,
        value=r.total + (r.current or 0),
        words=r.words,
        scaled=r.scaled and r.last == "scale",
        digits=r.digits,
        unit_word=r.words == 1 and not r.digits and r.last in ("unit", "teen"),
        ends_tens=r.last == "tens",
    )


def _step(r: _Reading, t: Tok) -> bool:
    """Read token ``t`` into ``r``; False when the number ends before it. The first rule that
    applies decides (each returns None when it does not apply)."""
    for rule in (_digits_step, _dash_step, _and_step, _dozen_step, _spaced_scale_step):
        outcome = rule(r, t)
        if outcome is not None:
            return outcome
    return _words_step(r, t)


def _digits_step(r: _Reading, t: Tok) -> bool | None:
    if not (t.kind == "num" and r.last in (None, "hundred", "scale", "and")):
        return None
    got = _digits_at(r.toks, r.j, currency=r.currency)
    if got is None:
        return False
    k, v, sfx = got
    if r.last in ("hundred", "scale", "and") and (v >= 1000 or sfx or "." in t.text):
        return False
    r.current = (r.current or 0) + v
    r.last, r.j, r.words, r.digits = ("scale" if sfx else "digit"), k, r.words + 1, True
    if sfx:
        r.total += r.current
        r.current, r.scaled = 0.0, True
    return True


def _dash_step(r: _Reading, t: Tok) -> bool | None:
    toks = r.toks
    if (
        t.kind == "dash"
        and r.last == "tens"
        and r.j + 1 < len(toks)
        and toks[r.j + 1].low in ONES_WORDS
    ):
        r.j += 1  # "fifty - two"
        return True
    return None


def _and_step(r: _Reading, t: Tok) -> bool | None:
    toks = r.toks
    if not (t.low == "and" and r.last in ("hundred", "scale") and r.j + 1 < len(toks)):
        return None
    nxt = toks[r.j + 1]
    if fraction_after(toks, r.j + 1) is not None or _is_zero(nxt):
        return False  # "one million and a half" is read by the phrase; "… hundred and 0" is two
    if nxt.kind == "num" or word_parts(nxt) is not None and nxt.low not in SCALE_WORDS:
        r.last, r.j = "and", r.j + 1
        return True
    return False


def _dozen_step(r: _Reading, t: Tok) -> bool | None:
    if not (t.kind == "word" and t.low.rstrip(".") in DOZEN_WORDS and r.last not in (None, "and")):
        return None
    if t.low in ("dozens",) and r.last == "unit" and r.current == 1:
        return False
    if t.low in VAGUE_PLURALS and _year_digits(r.toks[r.j - 1]) and r.words == 1:
        # "21 Jul 2016 Dozens of civilians were killed": a dateline's year (a scraped text may
        # drop the comma or line break after it) and a vague plural are a date and a separate
        # quantity, never one number (2016 dozens = 2,192). Nobody counts "1990 dozens".
        return False
    base = r.current or 1.0
    hundreds = math.floor(base / 100) * 100 if base >= 100 else 0.0
    r.current = hundreds + (base - hundreds) * 12
    r.last, r.j, r.words = "scale", r.j + 1, r.words + 1
    r.total += r.current
    r.current, r.scaled = 0.0, True
    return True


def _spaced_scale_step(r: _Reading, t: Tok) -> bool | None:
    if not (
        t.kind == "word"
        and t.low in SPACED_SCALES
        and t.low not in SCALE_WORDS
        and r.last in ("digit",)
    ):
        return None
    # "2 bn", "2.33 k": spaced abbreviations follow digits only, one space on (not a letter
    # starting the next line) and not glued to more ("35 M&S goods" is a name). A spaced
    # lower-case "m" is a metre unless money precedes or a currency's name follows ("900 m
    # dollars"); "M" is a million.
    if t.text == "m" and not (r.currency or currency_word_at(r.toks, r.j + 1)):
        return False
    if t.start - r.toks[r.j - 1].end > 1:
        return False
    if _glued_after(r.toks, r.j):
        return False
    r.total += times(r.current or 0, SPACED_SCALES[t.low])
    r.current, r.last, r.j, r.scaled = 0.0, "scale", r.j + 1, True
    return True


def _words_step(r: _Reading, t: Tok) -> bool:
    parts = word_parts(t) if t.kind == "word" else None
    if parts is None:
        return False
    for part in parts:  # "twenty-five": each part in turn
        if not _word_part(r, part):
            return False
    r.words += 1
    r.j += 1
    return True


def _word_part(r: _Reading, p: str) -> bool:
    """Add one number word to ``r``; False when it cannot follow what came before."""
    if p in ONES_WORDS:
        v = ONES_WORDS[p]
        kind = "unit" if v < 10 else "teen"
        if not (
            r.last == "tens"
            and kind == "unit"
            and v > 0
            or r.last in (None, "hundred", "scale", "and")
        ):
            return False
        r.current = (r.current or 0) + v
        r.last = kind
        return True
    if p in TENS_WORDS:
        if r.last not in (None, "hundred", "scale", "and"):
            return False
        r.current = (r.current or 0) + TENS_WORDS[p]
        r.last = "tens"
        return True
    if r.last in (None, "and"):  # a scale word needs a number before it
        return False
    scale = SCALE_WORDS[p]
    if r.has_hundred if scale == 100 else scale >= r.floor:
        # "3 hundred and 2 hundred", "two thousand three thousand": a scale word not smaller
        # than one already used starts a new number.
        r.restart = True
        return False
    if scale == 100:
        r.current = (r.current or 1) * 100
        r.last, r.has_hundred = "hundred", True
    else:
        r.total += times(r.current or 1, scale)
        r.current, r.last, r.floor, r.has_hundred = 0.0, "scale", scale, False
    r.scaled = True
    return True


def _glued_after(toks: list[Tok], j: int) -> bool:
    """Whether something other than closing punctuation touches the end of ``toks[j]``."""
    return (
        j + 1 < len(toks)
        and toks[j + 1].start == toks[j].end
        and toks[j + 1].text not in (".", ",", ";", ":", "!", "?", ")")
    )


def _bare_hundred(toks: list[Tok], i: int) -> bool:
    """ "hundred" with no number before it but a larger scale word after: "hundred thousand"."""
    return (
        toks[i].low == "hundred" and i + 1 < len(toks) and SCALE_WORDS.get(toks[i + 1].low, 0) > 100
    )


def _year_digits(tok: Tok) -> bool:
    """A bare four-digit 1900-2099 ("2016", not "2,016"): a year when a vague plural follows."""
    return tok.kind == "num" and re.fullmatch(r"(19|20)\d\d", tok.text) is not None


def _is_zero(tok: Tok) -> bool:
    if tok.kind == "num":
        return num_value(tok.text) == 0
    return ONES_WORDS.get(tok.low) == 0


def denominator(tok: Tok) -> tuple[float, bool] | None:
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


def is_ordinal_word(tok: Tok) -> bool:
    low = tok.low
    if re.fullmatch(r"\d+(st|nd|rd|th)", low):
        return True
    d = denominator(tok)
    return d is not None and not d[1] and low not in ("half", "quarter")


def fraction_after(toks: list[Tok], j: int) -> tuple[int, float] | None:
    """'a half' / 'one third' / 'three quarters' / '1/2' starting at ``toks[j]``."""
    n = len(toks)
    if j >= n:
        return None
    t = toks[j]
    if t.kind == "num" and j + 2 < n and toks[j + 1].kind == "slash" and toks[j + 2].kind == "num":
        den = num_value(toks[j + 2].text)
        return (j + 3, num_value(t.text) / den) if den else None
    if t.low in ("a", "an", "one") and j + 1 < n:
        d = denominator(toks[j + 1])
        if d is not None:
            return j + 2, 1 / d[0]
    if t.low in ONES_WORDS and j + 1 < n:
        d = denominator(toks[j + 1])
        if d is not None and d[1]:
            return j + 2, ONES_WORDS[t.low] / d[0]
    if t.low in ONES_WORDS and j + 2 < n and toks[j + 1].text in ("-", "–"):
        # "one - fourth", "five - eighths": a hyphenated fraction typed with spaces
        d = denominator(toks[j + 2])
        if d is not None and (d[1] or t.low == "one"):
            return j + 3, ONES_WORDS[t.low] / d[0]
    return None
