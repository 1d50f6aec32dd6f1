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
    Tok,
    num_value,
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
            CURRENCY_ONLY_SUFFIXES.get(suffix) if currency else None
        )
        if scale:
            return j + 1, value * scale, True
        if suffix.lower() in SCALE_WORDS:  # "2million"
            return j + 1, value * SCALE_WORDS[suffix.lower()], True
        return None  # "29km", "180ml", "06F6": a measurement or a code, not a count
    return j, value, scaled


def cardinal(toks: list[Tok], i: int, *, currency: bool = False) -> Card | None:
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
            if fraction_after(toks, j + 1) is not None or _is_zero(nxt):
                break  # "one million and a half" is read by _core; "… hundred and 0" is two
            if nxt.kind == "num" or word_parts(nxt) is not None and nxt.low not in SCALE_WORDS:
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
        parts = word_parts(t) if t.kind == "word" else None
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
    return Card(
        end=j,
        value=value,
        words=words,
        scaled=scaled and last == "scale",
        digits=digits,
        unit_word=unit_word,
        ends_tens=last == "tens",
    )


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
