"""Evaluate analysis.numbers against Microsoft Recognizers-Text and quantulum3 English test specs.

    .venv/bin/python -m bench.eval_numbers [--show-errors]

Reads ../shared/data/numbers: NumberModel.json, PercentModel.json, NumberRangeModel.json,
OrdinalModel.json (UTF-8 with BOM) and quantulum3/quantities.json. Each case is first put in or
out of scope by the *kind of phrase* it tests (never by whether we get it right); the reasons for
out-of-scope cases are printed with their counts. In-scope scoring:

* Number/Percent: the values we find in the input equal the expected values (as multisets).
* NumberRange: the (low, high) bounds of our hedged or ranged phrases equal the expected
  intervals (open/closed ends are not distinguished: "more than 20" is low=20).
* Ordinal: a negative test — no number phrase of ours may overlap an expected ordinal.
* quantulum3: each expected count (dimensionless), percentage or money amount is found with the
  same value at the same place.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter

from analysis.numbers import find_numbers
from bench._corpora import corpus

WORD_FRACTION = (
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[ -]+)?"
    r"(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
)

# (reason, regex on the expected Text or the input) — checked in order; first hit wins.
NUMBER_OUT_OF_SCOPE = [
    (
        "dates, phone numbers, IP addresses and model codes are deliberately not figures",
        r"\d+/\d+/\d+|\+\d-|\d+\.\d+\.\d+|SCP-|nrs\.|Exercises|LGA|i7",
    ),
    (
        "scientific notation and powers (1e10, 1.1^23) do not occur as counts in news",
        r"\d[eE][-+]?\d|\^|x10",
    ),
    ("South Asian scale words (lakh, crore)", r"lakh|crore"),
    ("continental decimal comma (5,00 / 1.111,11 / 1,3)", r"\d,\d{1,2}\b(?!\d)|\d\.\d{3},"),
    ("negative numbers (counts and shares in news are not negative)", r"^\s*-|minus|negative|^- "),
    (
        "ratio phrases ('one over three', '1 in 21', '2 out of 500')",
        r"\bover\b|\bout of\b|\d in |\bin twenty",
    ),
    ("spoken decimals with 'point'/'nought'", r"\bpoint\b|nought|naught"),
    ("unicode vulgar fraction characters", r"[⅔¾⅙½]"),
    (
        "SI prefix G after digits ('10G'); in news '4G'/'5G' are network names",
        r"\dG\b|\d g\b|\d G\b",
    ),
]


def _load(name: str) -> list[dict]:
    return json.loads((corpus("numbers") / name).read_text(encoding="utf-8-sig"))


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same_multiset(got: list[float], want: list[float]) -> bool:
    if len(got) != len(want):
        return False
    rest = list(want)
    for g in got:
        for k, w in enumerate(rest):
            if _close(g, w):
                del rest[k]
                break
        else:
            return False
    return True


def _number_scope(case: dict) -> str | None:
    texts = [case["Input"]] + [r["Text"] for r in case["Results"]]
    for reason, pattern in NUMBER_OUT_OF_SCOPE:
        if any(re.search(pattern, t) for t in texts):
            return reason
    for r in case["Results"]:
        if r["Resolution"].get("subtype") == "fraction":
            simple = re.fullmatch(
                rf"(?:.+ and )?{WORD_FRACTION}|\d+\s+\d+/\d+|\d+/\d+|(?:half|quarter) million|"
                rf".*(?:and a (?:half|quarter)|{WORD_FRACTION} of a \w+).*|"
                rf"half\s+a\s+dozen|a \w+th",
                r["Text"].strip(),
                re.I,
            )
            if not simple or re.search(r"\w+ (?:and )?\w+[ -]\w+ths?$", r["Text"]):
                return "compound spelled fractions ('one hundred and thirty fifths')"
    return None


def eval_number_model(show: bool) -> tuple[int, int, Counter]:
    ok = total = 0
    out: Counter = Counter()
    for case in _load("NumberModel.json"):
        reason = _number_scope(case)
        if reason:
            out[reason] += 1
            continue
        want = [float(r["Resolution"]["value"]) for r in case["Results"]]
        got = [m.parsed.value for m in find_numbers(case["Input"]) if m.parsed.value is not None]
        total += 1
        if _same_multiset(got, want):
            ok += 1
        elif show:
            print(f"  Number  {case['Input']!r}: want {want}, got {got}")
    return ok, total, out


def eval_percent_model(show: bool) -> tuple[int, int, Counter]:
    ok = total = 0
    out: Counter = Counter()
    for case in _load("PercentModel.json"):
        texts = [case["Input"]] + [r["Text"] for r in case["Results"]]
        if any(re.search(r"minus|negative", t) for t in texts):
            out["negative numbers (counts and shares in news are not negative)"] += 1
            continue
        if any(re.match(r"(per ?cents?|percents?) of", r["Text"]) for r in case["Results"]):
            out["number after the word ('per cent of 22')"] += 1
            continue
        if any(r["Resolution"].get("value") in (None, "null") for r in case["Results"]):
            out["the bare word 'percent' without a number is not a figure"] += 1
            continue
        want = [float(r["Resolution"]["value"].rstrip("%")) for r in case["Results"]]
        got = [m.parsed.value for m in find_numbers(case["Input"]) if m.parsed.kind == "percent"]
        total += 1
        if _same_multiset(got, want):
            ok += 1
        elif show:
            print(f"  Percent {case['Input']!r}: want {want}, got {got}")
    return ok, total, out


RANGE_OUT_OF_SCOPE = [
    ("comparison symbols (<, >=, =)", r"[<>=~]=?\s*-?\d|^\s*[<>=]"),
    ("equality statements ('equals 20', 'equal to 5000')", r"equal"),
    (
        "two-sided comparisons joined by and/but ('greater than 100 and smaller than 300')",
        r"(than|least|most|above|below)\b.*\b(and|but)\b.*\b(than|least|most|above|below)\b",
    ),
    (
        "ordinal ranges ('between the tenth and the fifteenth'): ranks are not figures",
        r"tenth|fifteenth",
    ),
    ("ratio phrases ('2 in 5 or more')", r"\d in \d"),
    ("negative numbers (counts and shares in news are not negative)", r"negative|<-|-30"),
]


def _interval(value: str) -> tuple[float | None, float | None]:
    lo, hi = value.strip("[]()").split(",")
    return (float(lo) if lo else None, float(hi) if hi else None)


def eval_range_model(show: bool) -> tuple[int, int, Counter]:
    ok = total = 0
    out: Counter = Counter()
    for case in _load("NumberRangeModel.json"):
        texts = [case["Input"]] + [r["Text"] for r in case["Results"]]
        reason = next(
            (r for r, p in RANGE_OUT_OF_SCOPE if any(re.search(p, t, re.I) for t in texts)), None
        )
        if reason:
            out[reason] += 1
            continue
        want = [_interval(r["Resolution"]["value"]) for r in case["Results"]]
        got = [
            (m.parsed.low, m.parsed.high)
            for m in find_numbers(case["Input"])
            if m.parsed.approximate or m.parsed.value is None
        ]
        total += 1
        good = len(got) == len(want) and all(
            _close(g[0], w[0]) and _close(g[1], w[1]) for g, w in zip(got, want, strict=True)
        )
        ok += good
        if not good and show:
            print(f"  Range   {case['Input']!r}: want {want}, got {got}")
    return ok, total, out


def eval_ordinal_model(show: bool) -> tuple[int, int, Counter]:
    ok = total = 0
    out: Counter = Counter()
    number_cases = {c["Input"]: c for c in _load("NumberModel.json")}
    for case in _load("OrdinalModel.json"):
        other = number_cases.get(case["Input"])
        spans = [(r["Start"], r["End"] + 1) for r in case["Results"]]
        if other and any(
            r2["Start"] <= s < r2["End"] + 1 for r2 in other["Results"] for s, _ in spans
        ):
            out["the Number spec reads the same words as a fraction ('forty two and a third')"] += 1
            continue
        total += 1
        hits = [
            m
            for m in find_numbers(case["Input"])
            if any(m.start < e and s < m.end for s, e in spans)
        ]
        if not hits:
            ok += 1
        elif show:
            print(f"  Ordinal {case['Input']!r}: produced {[m.text for m in hits]}")
    return ok, total, out


def eval_quantulum(show: bool) -> tuple[int, int, Counter]:
    ok = total = 0
    out: Counter = Counter()
    path = corpus("numbers") / "quantulum3" / "quantities.json"
    for case in json.loads(path.read_text(encoding="utf-8")):
        text = case["req"]
        found = find_numbers(text)
        for res in case["res"]:
            unit, surface, value = res["unit"], res["surface"], float(res["value"])
            if unit not in ("dimensionless", "dollar", "euro", "pound sterling", "percentage"):
                out["physical quantities (metres, grams, degrees …) are not counts"] += 1
                continue
            if re.fullmatch(r"1[89]\d\d|20\d\d", surface.strip()):
                out["years are deliberately not figures"] += 1
                continue
            if value < 0 or re.search(r"[×^]|10−", surface):
                out["negative amounts and scientific notation"] += 1
                continue
            if re.search(r"SCP|Intel|South 32|English 101|sigma", text) and unit == "dimensionless":
                out["model numbers, course codes, company names are not counts"] += 1
                continue
            if re.search(r"sixth|halves", surface):
                out["compound spelled fractions ('one hundred and thirty fifths')"] += 1
                continue
            if unit == "dimensionless" and value < 1 and "/" in surface:
                out[
                    "ratios written with a slash inside measurements ('1/40 of the wavelength')"
                ] += 1
                continue
            total += 1
            start = text.find(surface)
            good = any(
                _close(m.parsed.value if m.parsed.value is not None else _mid(m), value)
                and m.start < start + len(surface)
                and start < m.end
                for m in found
            )
            ok += good
            if not good and show:
                print(
                    f"  quantulum {text!r}: want {surface!r}={value}, got {[m.text for m in found]}"
                )
    return ok, total, out


def _mid(m) -> float | None:
    p = m.parsed
    return (p.low + p.high) / 2 if p.low is not None and p.high is not None else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    rows = [
        ("Recognizers NumberModel", eval_number_model(args.show_errors)),
        ("Recognizers PercentModel", eval_percent_model(args.show_errors)),
        ("Recognizers NumberRangeModel", eval_range_model(args.show_errors)),
        ("Recognizers OrdinalModel (negatives)", eval_ordinal_model(args.show_errors)),
        ("quantulum3 counts/money/percent", eval_quantulum(args.show_errors)),
    ]
    all_ok = all_total = 0
    reasons: Counter = Counter()
    print(f"{'spec':40} {'correct':>8} {'in scope':>9} {'accuracy':>9} {'out of scope':>13}")
    for name, (ok, total, out) in rows:
        acc = ok / total if total else float("nan")
        print(f"{name:40} {ok:8d} {total:9d} {acc:9.1%} {sum(out.values()):13d}")
        all_ok += ok
        all_total += total
        reasons.update(out)
    print(
        f"{'ALL':40} {all_ok:8d} {all_total:9d} {all_ok / all_total:9.1%} {sum(reasons.values()):13d}"
    )
    print("\nOut of scope (cases or results), and why:")
    for reason, n in reasons.most_common():
        print(f"  {n:4d}  {reason}")


if __name__ == "__main__":
    main()
