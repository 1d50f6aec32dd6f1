"""Number phrases from tokens: one number with its percent, scale and currency (``_core``),
ranges ("200-300", "between 200 and 300"), and the hedges before and after ("more than",
"up to", "or so") that set its bounds (:func:`match_at`). What a phrase *is not* (a date, an
age) is decided afterwards, by :mod:`analysis.numbers.context`."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace
from typing import NamedTuple

from analysis.numbers.cardinals import (
    Card,
    cardinal,
    denominator,
    fraction_after,
    is_ordinal_word,
)
from analysis.numbers.tokens import (
    CURRENCY_CODES,
    CURRENCY_PREFIX_WORDS,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    LOWER_HEDGES,
    LOWER_SUFFIXES,
    NEAR_BELOW_HEDGES,
    NEAR_HEDGES,
    NEAR_SUFFIXES,
    ONES_WORDS,
    ORDINAL_UNITS,
    PERCENT_WORDS,
    SCALE_WORDS,
    TIME_UNITS,
    UPPER_HEDGES,
    UPPER_SUFFIXES,
    VAGUE_PLURALS,
    VAGUE_QUANTIFIERS,
    Tok,
    number_like,
    times,
    word_parts,
)


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


# -- phrases ------------------------------------------------------------------------------------
def _phrase_at(toks: list[Tok], i: int, seq: tuple[str, ...]) -> int | None:
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


def _longest(toks: list[Tok], i: int, phrases: tuple[str, ...]) -> int | None:
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
class Core:
    end: int
    value: float | None
    low: float | None
    high: float | None
    kind: str = "number"
    vague: bool = False
    scaled: bool = False
    currency: str | None = None


def _currency_prefix(toks: list[Tok], i: int) -> tuple[int, str] | None:
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


def _core(toks: list[Tok], i: int, *, currency: str | None = None) -> Core | None:
    """One number (not a range): vague magnitude, fraction, cardinal; plus %, scale, currency."""
    if i >= len(toks):
        return None
    # Vague magnitudes: "tens of thousands", "hundreds", "several hundred", "a few thousand".
    if toks[i].low in VAGUE_PLURALS:
        return _vague_plural(toks, i)
    quantified = _vague_quantifier(toks, i)
    if quantified is not None:
        return quantified
    frac = _leading_fraction(toks, i)
    if frac is not None:
        j = frac[0]
        slashed = toks[i].kind == "num"
        if slashed and j < len(toks) and toks[j].kind == "slash":
            return None  # "5/17/2018" is a date; "1/2" a fraction
        if slashed and (frac[1] >= 1 or toks[i].text.startswith("0")):
            # A fraction standing alone is a part of something: "6/4" is betting odds and
            # "06/05" a date or a title, never 150 % or 120 %.
            return None
        if frac[1] < 1:
            return _fraction_core(toks, frac, currency)
        # "six quarters" is a count of quarters (periods), not 150 %: read as a cardinal.
    card = cardinal(toks, i, currency=currency is not None)
    if card is None:
        return None
    return _cardinal_core(toks, card, currency)


def _vague_plural(toks: list[Tok], i: int) -> Core | None:
    """ "hundreds", "tens of thousands": 2 to 9 of the magnitude."""
    n = len(toks)
    low = toks[i].low
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
    return Core(j, None, 2 * mag, 9 * mag, vague=True, scaled=True)


def _vague_quantifier(toks: list[Tok], i: int) -> Core | None:
    """ "several hundred", "a few thousand": the quantifier's range of the magnitude."""
    n = len(toks)
    for words, (qlo, qhi) in _vague_quantifier_index().get(toks[i].low, ()):
        end = _phrase_at(toks, i, words)
        if (
            end is not None
            and end < n
            and toks[end].low in ("hundred", "thousand", "million", "billion", "dozen")
        ):
            mag = SCALE_WORDS.get(toks[end].low, 12)
            return Core(end + 1, None, qlo * mag, qhi * mag, vague=True, scaled=True)
    return None


@functools.cache
def _vague_quantifier_index() -> dict[str, list[tuple[tuple[str, ...], tuple[float, float]]]]:
    """:data:`VAGUE_QUANTIFIERS` as words, grouped by first word, in the table's order: every
    number-like token asks, and the phrase can only start with its first word."""
    index: dict[str, list] = {}
    for quant, bounds in VAGUE_QUANTIFIERS.items():
        words = tuple(quant.split())
        index.setdefault(words[0], []).append((words, bounds))
    return index


def _leading_fraction(toks: list[Tok], i: int) -> tuple[int, float] | None:
    """A fraction standing first: "half", "a half", "two-thirds", "three quarters", "3/4"."""
    n = len(toks)
    low = toks[i].low
    if low == "half":
        return i + 1, 0.5
    if low == "quarter" and i + 1 < n and SCALE_WORDS.get(toks[i + 1].low, 0) >= 1e3:
        return i + 1, 0.25  # "quarter million"; a bare "quarter" is a period or a district
    if "-" in low and len(low.split("-")) == 2 and low.split("-")[0] in ONES_WORDS | {"a": 1}:
        head, tail = low.split("-")
        d = denominator(Tok("word", tail, 0, 0))
        if d is not None and (d[1] or head in ("one", "a")):
            return i + 1, (ONES_WORDS.get(head, 1)) / d[0]
        return None
    return fraction_after(toks, i)


def _fraction_core(toks: list[Tok], frac: tuple[int, float], currency: str | None) -> Core:
    """A leading fraction, alone or of a scale: "half a dozen", "half a million", "two thirds
    of a million", "a quarter million"."""
    n = len(toks)
    j, v = frac
    if (
        j < n
        and toks[j].low in ("a", "an")
        and j + 1 < n
        and toks[j + 1].low in SCALE_WORDS | {"dozen": 12}
    ):
        mag = SCALE_WORDS.get(toks[j + 1].low, 12)
        return Core(j + 2, v * mag, v * mag, v * mag, scaled=True)
    if (
        j + 2 < n
        and toks[j].low == "of"
        and toks[j + 1].low == "a"
        and toks[j + 2].low in SCALE_WORDS
    ):
        mag = SCALE_WORDS[toks[j + 2].low]
        return Core(j + 3, v * mag, v * mag, v * mag, scaled=True)
    if j < n and toks[j].low in ("million", "billion", "trillion", "thousand"):
        mag = SCALE_WORDS[toks[j].low]
        return Core(j + 1, v * mag, v * mag, v * mag, scaled=True)
    return _suffixes(toks, Core(j, v, v, v, kind="fraction"), currency)


def _cardinal_core(toks: list[Tok], card: Card, currency: str | None) -> Core | None:
    """A cardinal and what may follow it: a fraction ("2 1/4", "one and a half", "three
    fifths"), a percent or currency; None when it is the start of an ordinal."""
    n = len(toks)
    j, v = card.end, card.value
    kind = "number"
    if j < n and toks[j].kind == "num" and card.digits and card.words == 1 and not card.scaled:
        fr = fraction_after(toks, j)
        if fr is not None and fr[1] < 1:
            j, v, kind = fr[0], v + fr[1], "fraction"
    if kind == "number" and currency is None:
        ratio = _ratio_after(toks, card)
        if ratio is not None:
            return Core(ratio[0], ratio[1], ratio[1], ratio[1], kind="fraction")
    if j + 1 < n and toks[j].low == "and" and kind == "number":
        fr = fraction_after(toks, j + 1)
        if fr is not None and fr[1] < 1:
            return _and_fraction(toks, card, fr, currency)
    # "three fifths", "one eighth": a plural denominator (or singular after "one") after a
    # one-word numerator is a fraction; any other ordinal after a cardinal is an ordinal
    # ("two hundredth", "one hundred twenty fifth") — not a figure.
    if kind == "number" and j < n:
        d = denominator(toks[j])
        if d is not None:
            plural = d[1]
            if card.words == 1 and not card.scaled and (plural or v == 1):
                if v < d[0]:
                    return _suffixes(
                        toks, Core(j + 1, v / d[0], v / d[0], v / d[0], kind="fraction"), currency
                    )
                if plural:  # "six quarters" (of growth): a count, not 150 %
                    return _suffixes(toks, Core(j, v, v, v), currency)
            return None
        if is_ordinal_word(toks[j]) and toks[j].start - toks[j - 1].end <= 1:
            return None
        if card.ends_tens and toks[j].low in ORDINAL_UNITS:
            return None  # "three hundred twenty second": an ordinal written without a hyphen
    if kind == "fraction":
        return _suffixes(toks, Core(j, v, v, v, kind="fraction"), currency)
    return _suffixes(toks, Core(j, v, v, v, scaled=card.scaled), currency)


# The words between a ratio's two numbers: "one in four", "two out of five", "one in every ten",
# "one out of every five".
RATIO_JOINS = (("in", "every"), ("out", "of", "every"), ("out", "of"), ("in",))


def _ratio_after(toks: list[Tok], card: Card) -> tuple[int, float] | None:
    """(end, share) of a ratio that the one-word whole number ``card`` opens: "one in four
    homes" is a share of homes (a quarter), not four homes counted, nor one. Only a smaller
    number over a larger one written plainly ("1 in 45"), not a span of time ("two in three
    days" counts two) nor a year ("one in 2005")."""
    j, n = card.end, len(toks)
    # (a run of digits too long for a float is infinite: no whole number, no ratio)
    if card.words != 1 or card.scaled or card.value < 1 or not math.isfinite(card.value):
        return None
    if card.value != int(card.value):
        return None
    for join in RATIO_JOINS:
        start = _phrase_at(toks, j, join)
        if start is None or start >= n:
            continue
        whole = cardinal(toks, start)
        if whole is None or whole.scaled or whole.value <= card.value:
            return None
        if whole.digits and len(toks[start].text) == 4 and 1800 <= whole.value <= 2099:
            return None  # "one in 2005": a year
        after = toks[whole.end].low.rstrip(".,;:!?)") if whole.end < n else ""
        if after in TIME_UNITS:
            return None  # "two in three days": a count in a span of time
        return whole.end, card.value / whole.value
    return None


def _and_fraction(toks: list[Tok], card: Card, fr: tuple[int, float], currency: str | None) -> Core:
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
        return _suffixes(toks, Core(j, v, v, v, scaled=True), currency)  # a count, not a share
    v += frac
    if scale >= 1e3:
        v *= scale  # "two and a half million": a count again
        return _suffixes(toks, Core(j + 1, v, v, v, scaled=True), currency)
    return _suffixes(toks, Core(j, v, v, v, kind="fraction"), currency)


def _last_scale(v: float) -> float:
    """The scale word a scaled number was written with: the largest whose multiple it is, to
    three decimals ("1.5 million" is 1.5 of a million, not 1,500 of a thousand)."""
    for s in (1e12, 1e9, 1e6, 1e3):
        mantissa = v / s * 1000
        if v >= s and abs(mantissa - round(mantissa)) < 1e-6:
            return s
    return 1.0


def _suffixes(toks: list[Tok], core: Core, currency: str | None) -> Core:
    """Percent signs/words and currency words after a number."""
    j, n = core.end, len(toks)
    if core.kind == "fraction":
        point = _of_a_point(toks, j, core.value)
        if point is not None:
            # "a quarter of a percentage point": 0.25 points, a percentage, not 25 % of one
            core.end, core.kind = point, "percent"
            return core
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


def _of_a_point(toks: list[Tok], j: int, share: float | None) -> int | None:
    """The index after "of a percentage point" ("of a point", "of one per cent point", "half
    a point", and a half's or a quarter's bare "quarter point", "half percentage point") at
    ``toks[j]``, else None ("a third point" is a rank)."""
    k = _phrase_at(toks, j, ("of", "a")) or _phrase_at(toks, j, ("of", "one"))
    k = k or _phrase_at(toks, j, ("a",))
    if k is None and share in (0.25, 0.5, 0.75):
        k = j
    if k is None:
        return None
    end = _longest(toks, k, PERCENT_WORDS) or k
    return _phrase_at(toks, end, ("point",))


def _money_or_core(toks: list[Tok], i: int) -> Core | None:
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


def _negative_at(toks: list[Tok], i: int) -> int | None:
    """Index of the number after a minus ("minus five", "-9.2"), or None."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.low == "minus" and i >= 2 and (toks[i - 2].low, toks[i - 1].low) == ("plus", "or"):
        return None  # "plus or minus 3 points": a margin either way, no negative number
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


class Match(NamedTuple):
    """A number phrase read at a token: the index after it, its reading, and the index of its
    first token ("from 200" alone starts at the number, not at "from")."""

    end: int
    parsed: ParsedNumber
    start: int


def match_at(toks: list[Tok], i: int) -> Match | None:
    """The longest number phrase starting at ``toks[i]``: hedge + number (+ range / suffix)."""
    n = len(toks)
    hedge, j = _hedge_before(toks, i)
    between: bool | None = False
    if hedge is None:
        if toks[i].low == "between":
            between, j = True, i + 1
        elif toks[i].low == "from" and i + 1 < n:
            j = i + 1
            between = None  # "from X to Y": a range only when "to Y" follows
    core = _signed_core(toks, j)
    if core is None:
        return None
    if between is False and hedge is None and _change_then_level(toks, i, core):
        # no "to" range: "by 400m euros" ends here, "to 2.5bn euros" is a phrase of its own
        got = (core.value, core.low, core.high, core.end, core.vague)
    else:
        got = _range_after(toks, core, between)
    if got is None:
        return None
    value, lo, hi, end, approximate = got
    if between is True and value is not None:
        return None  # "between 2011" without a second number: not a range phrase
    # Suffix hedges: "200 or more", "200-plus", "500 or so".
    if value is not None and hedge in (None, "near"):
        hedge, end = _hedge_after(toks, end, hedge)
    if hedge is not None:
        approximate = True
        if value is not None:
            lo, hi = _hedged_bounds(hedge, value)
    start_tok = i
    if between is None and value is not None:
        start_tok = i + 1  # "from 200" alone: the number, not the preposition
    parsed = ParsedNumber(
        value=value,
        low=lo,
        high=hi,
        approximate=approximate,
        kind=core.kind,
        currency=core.currency,
        vague=core.vague,
    )
    return Match(end, parsed, start_tok)


def _hedge_before(toks: list[Tok], i: int) -> tuple[str | None, int]:
    """The longest hedge at ``toks[i]`` ("more than", "up to", "nearly", "around") and the
    index after it; (None, i) without one."""
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
    if hedge is not None and j < len(toks) and toks[j].low == "some" and hedge != "near":
        j += 1  # "more than some 200" is odd; tolerate "some" after a hedge
    return hedge, j


def _signed_core(toks: list[Tok], j: int) -> Core | None:
    """The number at ``toks[j]``, negated after a minus ("minus five", "-9.2")."""
    sign = 1.0
    neg = _negative_at(toks, j)
    if neg is not None:
        sign, j = -1.0, neg
    core = _money_or_core(toks, j)
    if core is None or sign > 0:
        return core
    return replace(
        core,
        value=-core.value if core.value is not None else None,
        low=-core.low if core.low is not None else None,
        high=-core.high if core.high is not None else None,
    )


def _change_then_level(toks: list[Tok], i: int, core: Core) -> bool:
    """ "by X to Y": a change and the level it reached, two figures, not one range, where X is
    an amount complete in itself and Y more than twice it ("rose by 400m euros to 2.5bn euros",
    "up by 0.3% to 5.2%"; "cut profits by $3.8m to $4.9m" is a range of the cut), X is written
    in full before a Y written with a scale ("slipped by 300,000 to 2.6 million": a range would
    share the scale, "2 to 3 million"), or Y is more than ten times X ("fell by 40 to 900": no
    range spans so much). A bare X near Y still opens a range ("cut by 10 to 20%", "grew by 5
    to 10 million": the unit or scale written once belongs to both)."""
    end = core.end
    if i == 0 or toks[i - 1].low != "by" or end + 1 >= len(toks) or toks[end].low != "to":
        return False
    level = _money_or_core(toks, end + 1)
    if level is None or level.value is None or core.value is None:
        return False
    change = abs(core.value)
    if core.kind == "percent" or core.currency is not None or core.scaled:
        return level.value > 2 * change
    if level.scaled:
        if change >= 1000:
            return True  # written in full: no scale of Y's is shared
        change = times(change, _last_scale(level.value))
    return level.value > 10 * change


def _joins_range(toks: list[Tok], core: Core, end: int, between: bool | None) -> bool:
    """Does ``toks[end]`` join ``core`` to a second number ("-", "to", "and" after "between",
    "or" between small number words: "two or three")?"""
    joiner = toks[end]
    value = core.value
    return (
        (joiner.kind == "dash" and joiner.text in "-–~" and between is not True)
        or (joiner.low in ("to", "through") and between is not True)
        or (joiner.low == "and" and between is True)
        or (
            joiner.low == "or"
            and core.kind == "number"
            and not core.vague
            and value is not None
            and value < 100
            and end + 1 < len(toks)
            and word_parts(toks[end + 1]) is not None
        )
    )


def _range_after(
    toks: list[Tok], core: Core, between: bool | None
) -> tuple[float | None, float | None, float | None, int, bool] | None:
    """(value, low, high, end, approximate) of ``core`` or of the range it opens: "200-300",
    "200 to 300", "between 200 and 300", "from 200 to 300", "5k-20k". None for a score ("3-2")."""
    n = len(toks)
    end = core.end
    value, lo, hi = core.value, core.low, core.high
    approximate = core.vague
    if end < n and _joins_range(toks, core, end, between) and end + 1 < n:
        joiner = toks[end]
        other = _money_or_core(toks, end + 1)
        if (
            other is not None
            and other.value is not None
            and core.value is not None
            and not _unlike(core, other)
        ):
            a, b = core.value, other.value
            if other.scaled and not core.scaled and a < b and b / max(a, 1e-9) > 100:
                a = times(a, _last_scale(b)) if _last_scale(b) > 1 else a  # "1.5-2 million"
            if a < b or not _a_year(core):
                # A bare number takes the kind of the number after it ("10 to 20%", a poll's
                # "46 to 40 percent"), unless a year joins no range with it: "(£3.24bn) in 2003
                # to £2.89bn in 2004" had read the year 2003 as a sum of pounds.
                if other.kind == "percent" and core.kind == "number":
                    core.kind = "percent"
                if other.kind == "money" and core.kind == "number":
                    core.kind, core.currency = "money", other.currency
            if a < b:
                value, lo, hi, end = None, a, b, other.end
                approximate = joiner.low == "or"
            elif joiner.kind == "dash" and a >= b:
                return None  # "3-2": a score, not a range or two figures
    return value, lo, hi, end, approximate


def _a_year(core: Core) -> bool:
    """Whether ``core`` is a bare whole number a year can be (1800-2099, as year_like reads)."""
    v = core.value
    return (
        core.kind == "number"
        and not core.scaled
        and v is not None
        and float(v).is_integer()
        and 1800 <= v <= 2099
    )


def _unlike(core: Core, other: Core) -> bool:
    """Two numbers no range can join: a percentage and anything but a percentage, money and a
    percentage ("rose 12.3% to $1.15 trillion" is a rise and a level, not 12.3 to 1.15
    trillion). A bare number takes the other's kind ("10 to 20%", "5 to 10 million dollars")."""
    kinds = {core.kind, other.kind}
    return core.kind == "percent" and other.kind != "percent" or kinds == {"money", "percent"}


def _hedge_after(toks: list[Tok], end: int, hedge: str | None) -> tuple[str | None, int]:
    """A hedge after the number ("or more", "or fewer", "or so", "-plus"): (kind, new end),
    else ``(hedge, end)`` unchanged."""
    n = len(toks)
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
            if e + 1 < n and number_like(toks[e + 1]):
                continue
            e += 1
        return kind, e
    if (
        hedge is None
        and end + 1 < n
        and toks[end].kind == "dash"
        and toks[end + 1].low == "plus"
        and toks[end].start == toks[end - 1].end
    ):
        return "lower", end + 2  # "200-plus"
    return hedge, end


def _hedged_bounds(hedge: str, value: float) -> tuple[float | None, float | None]:
    """(low, high) of a hedged number: "more than 200" (200, None), "up to 300" and "nearly
    300" (None, 300), "around 100" (None, None)."""
    if hedge == "lower":
        return value, None
    if hedge in ("upper", "below"):
        return None, value
    return None, None
