"""Context filters: why a number phrase found in text is not a figure in the news sense (a date,
a year, a clock time, an age, a label such as "No 10", a reading on a scale such as "magnitude
6.1", a phone number, a code, "one" used as a pronoun), from the tokens around it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis import lexicon
from analysis.numbers.phrases import ParsedNumber
from analysis.numbers.tokens import Tok

MONTHS = lexicon.words("months")


YEAR_PREPOSITIONS = lexicon.words("year_prepositions")
YEAR_EVENT_NOUNS = lexicon.words("year_event_nouns")


AGE_WORDS = lexicon.words("age_words")


LABEL_WORDS = lexicon.words("label_words")


# "magnitude 6.1", "6.1-magnitude", "6.1 on the Richter scale": a reading on a scale
SCALE_READING_WORDS = lexicon.words("scale_reading_words")
# "a 6.1 quake": a decimal right before a disaster's noun is its magnitude (nobody counts 6.1
# earthquakes); the same table analysis/figures.py reads for a disaster's spread
DISASTER_NOUNS = lexicon.words("disaster_nouns")


PRONOUN_ONE_BEFORE = lexicon.words("pronoun_one_before")


REPORTING_WORDS = lexicon.words("reporting_words")


CLOCK_WORDS = lexicon.words("clock_words")


@dataclass(frozen=True)
class _Around:
    """A number phrase ``toks[i:end]`` and its neighbours, as the context rules read it."""

    toks: list[Tok]
    i: int
    end: int
    parsed: ParsedNumber

    @property
    def tok(self) -> Tok:
        return self.toks[self.i]

    @property
    def prev(self) -> Tok | None:
        return self.toks[self.i - 1] if self.i > 0 else None

    @property
    def nxt(self) -> Tok | None:
        return self.toks[self.end] if self.end < len(self.toks) else None

    @property
    def single(self) -> bool:
        return self.end - self.i == 1

    def after(self, k: int) -> Tok | None:
        """The token ``k`` places after the phrase's end (0 = the next one)."""
        return self.toks[self.end + k] if self.end + k < len(self.toks) else None


def non_figure(toks: list[Tok], i: int, end: int, parsed: ParsedNumber) -> str | None:
    """Why the phrase ``toks[i:end]`` is not a figure (date, age, label ...), or None. The rules
    are tried in this order; the first that applies names the reason."""
    around = _Around(toks, i, end, parsed)
    for rule in (
        _month_date,
        _label,
        _scale_reading,
        _age,
        _clock_time,
        _year,
        _event_name,
        _slash_date,
        _one_as_pronoun,
        _phone,
        _code,
    ):
        reason = rule(around)
        if reason is not None:
            return reason
    return None


def _month_date(a: _Around) -> str | None:
    """ "May 4", "May 2016", "4 May"."""
    prev, nxt, t = a.prev, a.nxt, a.tok
    after_month = prev is not None and prev.low in MONTHS and a.parsed.value is not None
    if after_month and (a.parsed.value <= 31 or year_like(a.toks, a.i, a.end, a.parsed)):
        return "date"
    if (
        nxt is not None
        and nxt.low in MONTHS
        and a.single
        and t.kind == "num"
        and float(t.text.replace(",", "")) <= 31
    ):
        return "date"
    return None


def _label(a: _Around) -> str | None:
    """ "No 10", "number 7", and a docket or file number "No. 14-915" (digits joined by a dash
    after the label are one identifier, no range of 14 to 915 things)."""
    prev = a.prev
    if (
        prev is not None
        and prev.low.rstrip(".") in {w.rstrip(".") for w in LABEL_WORDS}
        and a.tok.kind == "num"
        and (a.single or all(t.kind in ("num", "dash") for t in a.toks[a.i : a.end]))
    ):
        return "label"
    return None


def _scale_reading(a: _Around) -> str | None:
    """ "a magnitude 6.1 earthquake", "a magnitude-6.1 quake", "a 6.1-magnitude quake", "7.2 on
    the Richter scale": a reading on a scale (:data:`SCALE_READING_WORDS`) measures a thing,
    it counts nothing."""
    before = [t.low for t in a.toks[max(0, a.i - 2) : a.i]]
    if before[-1:] in (["-"], ["of"]):
        before = before[:-1]  # "magnitude-6.1", "a magnitude of 6.1"
    if before and before[-1] in SCALE_READING_WORDS:
        return "measure"
    words = [t.low for t in a.toks[a.end : a.end + 4]]
    if words[:1] == ["-"]:
        words = words[1:]  # "6.1-magnitude"
    if words[:1] and words[0] in SCALE_READING_WORDS or words[:3] == ["on", "the", "richter"]:
        return "measure"
    decimal = a.single and a.tok.kind == "num" and "." in a.tok.text
    if decimal and words[:1] and words[0] in DISASTER_NOUNS:
        return "measure"
    return None


def _age(a: _Around) -> str | None:
    """ "aged 12", "12-year-old", "12 - year-old", "12 years old"."""
    prev, nxt = a.prev, a.nxt
    if prev is not None and prev.low in AGE_WORDS:
        return "age"
    if nxt is None:
        return None
    if re.fullmatch(r"years?[-–]olds?", nxt.low):
        return "age"
    following = a.after(1)
    if (
        nxt.kind == "dash"
        and following is not None
        and re.fullmatch(r"years?[-–]olds?", following.low)
    ):
        return "age"
    if nxt.low in ("years", "year") and following is not None and following.low == "old":
        return "age"
    return None


def _clock_time(a: _Around) -> str | None:
    nxt = a.nxt
    if nxt is not None and nxt.low in CLOCK_WORDS:
        return "time"
    return None


def _year(a: _Around) -> str | None:
    """ "in 2011", "since 2015", "the 1960s", "2015-16"; a decade written with an apostrophe
    ("the 30's", "the 1930's")."""
    t, prev, nxt = a.tok, a.prev, a.nxt
    if _decade_apostrophe(a):
        return "year"
    four_digits = a.single and t.kind == "num" and re.fullmatch(r"\d{4}s?", t.text) is not None
    if four_digits and 1800 <= int(t.text[:4]) <= 2099 and a.parsed.kind == "number":
        if prev is not None and prev.low in YEAR_PREPOSITIONS:
            return "year"
        if nxt is not None and (nxt.low in ("s", "'s", "-", "–") or nxt.kind == "slash"):
            return "year"
        if prev is not None and prev.low == "the" and _event_noun_after(a.toks, a.end):
            return "year"  # "the 1967 Six Day War", "the 2014 World Cup", "the 1967 war"
    return None


def _decade_apostrophe(a: _Around) -> bool:
    """ "the 30's", "the 1930's": a round number of tens (or a year ending in 0) with "'s" glued
    on names a decade; "30s" without the apostrophe the tokenizer keeps as one word, no figure
    already. ("the 30's" had been a count of 30.)"""
    t, quote, s = a.tok, a.after(0), a.after(1)
    if not (a.single and t.kind == "num" and a.parsed.kind == "number"):
        return False
    if re.fullmatch(r"[1-9]0|1[89]\d0|20\d0", t.text) is None:
        return False
    return (
        quote is not None
        and s is not None
        and quote.text in ("'", "’")
        and quote.start == t.end
        and s.start == quote.end
        and s.low.rstrip(".,;:!?)") == "s"
    )


def _event_noun_after(toks: list[Tok], start: int) -> bool:
    """An event's noun at ``toks[start]`` or after at most three capitalised words of its
    name."""
    for k, t in enumerate(toks[start : start + 4]):
        if t.low.rstrip(".,;:!?") in YEAR_EVENT_NOUNS:
            return True
        if k == 3 or t.kind != "word" or not t.text[:1].isupper():
            return False
    return False


_SPAN_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})


def _event_name(a: _Around) -> str | None:
    """ "the Six Day War", "the Thirty Years War": a capitalised number word and a span of time
    that name an event count nothing (a headline's "Two Killed As War Rages" still counts)."""
    t, nxt, after = a.tok, a.nxt, a.after(1)
    if not (a.single and t.kind == "word" and t.text[:1].isupper()):
        return None
    if nxt is None or after is None or not nxt.text[:1].isupper():
        return None
    named = nxt.low.rstrip("'") in _SPAN_WORDS and after.low.rstrip(".,;:!?") in YEAR_EVENT_NOUNS
    return "name" if named else None


# The denominators a fraction written with a slash has in the news ("1/3 of", "3/4 majority");
# "9/11" (denominator 11) or "4/20" reads as a month and a day, the name of a day, and "2/9" or
# "8/13" as betting odds: neither is a share.
SLASH_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 100})


def _slash_date(a: _Around) -> str | None:
    """ "5/17", "17/5/2018", and "9/11" (read as the fraction 9 over 11 by the number reader):
    a month and day (or odds, "2/9") whose denominator is no usual fraction's, not followed by
    "of"."""
    t, prev, nxt = a.tok, a.prev, a.nxt
    if (
        a.parsed.kind == "fraction"
        and a.end - a.i == 3
        and t.kind == "num"
        and a.toks[a.i + 1].kind == "slash"
        and a.toks[a.i + 2].kind == "num"
        and 1 <= int(t.text) <= 12
        and 1 <= int(a.toks[a.i + 2].text) <= 31
        and int(a.toks[a.i + 2].text) not in SLASH_FRACTION_DENOMINATORS
        and (nxt is None or nxt.low != "of")
    ):
        return "date"
    slash_next = nxt is not None and nxt.kind == "slash" and a.end < len(a.toks) - 1
    if slash_next and t.kind == "num" and a.toks[a.end + 1].kind == "num":
        return "date"
    if t.kind == "num" and prev is not None and prev.kind == "slash":
        return "date"
    return None


def _one_as_pronoun(a: _Around) -> str | None:
    """ "the one that", "one by one", "the last but one": "one" that counts nothing."""
    if not (a.single and a.tok.low == "one"):
        return None
    prev, nxt = a.prev, a.nxt
    before_prev = a.toks[a.i - 2].low if a.i > 1 else ""
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
    return None


def _phone(a: _Around) -> str | None:
    if a.single and a.tok.kind == "num" and _phone_like(a.toks, a.i):
        return "phone"
    return None


def _code(a: _Around) -> str | None:
    """ "SCP173", "A320", "SCP-173", "MH-17", "401(k)": a name, not a count."""
    t, prev, i = a.tok, a.prev, a.i
    # "401(k) plans", "501(c)(3)": a section of a law, a letter in brackets right after digits
    bracket = a.toks[a.end : a.end + 3]
    if (
        a.single
        and t.kind == "num"
        and len(bracket) == 3
        and bracket[0].text == "("
        and bracket[0].start == t.end
        and bracket[1].kind == "word"
        and len(bracket[1].text) <= 2
        and bracket[2].text == ")"
    ):
        return "code"
    if t.kind == "num" and prev is not None and prev.kind == "word" and prev.end == t.start:
        return "code"
    if (
        t.kind == "num"
        and prev is not None
        and prev.kind == "dash"
        and prev.start == a.toks[i - 2].end
        if i > 1
        else False
    ):
        return "code"
    return None


def _phone_like(toks: list[Tok], i: int) -> bool:
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


def year_like(toks: list[Tok], i: int, end: int, parsed: ParsedNumber) -> bool:
    t = toks[i]
    return (
        end - i == 1
        and t.kind == "num"
        and re.fullmatch(r"\d{4}", t.text) is not None
        and 1800 <= int(t.text) <= 2099
        and parsed.kind == "number"
    )
