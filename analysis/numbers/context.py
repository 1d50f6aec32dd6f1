"""Context filters: why a number phrase found in text is not a figure in the news sense (a date,
a year, a clock time, an age, a label such as "No 10", a phone number, a code, "one" used as a
pronoun), from the tokens around it."""

from __future__ import annotations

import re

from analysis import lexicon
from analysis.numbers.phrases import ParsedNumber
from analysis.numbers.tokens import Tok

MONTHS = lexicon.words("months")


YEAR_PREPOSITIONS = lexicon.words("year_prepositions")


AGE_WORDS = lexicon.words("age_words")


LABEL_WORDS = lexicon.words("label_words")


PRONOUN_ONE_BEFORE = lexicon.words("pronoun_one_before")


REPORTING_WORDS = lexicon.words("reporting_words")


TIME_UNITS = lexicon.words("time_units")


def non_figure(toks: list[Tok], i: int, end: int, parsed: ParsedNumber) -> str | None:
    """Why the phrase ``toks[i:end]`` is not a figure (date, age, label ...), or None."""
    t = toks[i]
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[end] if end < len(toks) else None
    single = end - i == 1
    after_month = prev is not None and prev.low in MONTHS and parsed.value is not None
    if after_month and (parsed.value <= 31 or year_like(toks, i, end, parsed)):
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
