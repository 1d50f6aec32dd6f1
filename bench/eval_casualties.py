"""Casualty figures against FA-KES gold: is our largest civilian `killed` figure the gold count?

    .venv/bin/python -m bench.eval_casualties [--show N]

Data: ../shared/data/fakes/articles.csv (text column ``content``) joined to ``dev_gold.csv`` on
``unit_id``. Only articles with exactly one gold row (one event) and ``nb_civilians > 0`` are
scored. Our answer is the largest ``killed`` figure "about civilians" — its unit is not a
combatant noun (soldiers, fighters, troops, militants … see ``figures.COMBATANT_NOUNS``; a
figure with no unit counts as civilian) and it counts an event, not a running total over the whole
war or period, nor an earlier event recalled as background (``Figure.scope`` must be
"event": not "the war has killed more than 300,000 people since 2011", not "in early April at
least 88 civilians were killed"); when an article reports no event figure, its largest
background one (the article may be about an earlier event). The figure with every scope
included is printed too. The value is the stated value, else the lower bound
("at least 70" → 70). Vague magnitudes ("dozens") have no value and never match.

Encoding: the CSV decodes as UTF-8 (checked: strict decoding succeeds; cp1252/latin-1 would turn
its multi-byte characters into "Ã"-style mojibake). It does hold stray C1 control characters
(U+0080-U+009F, left over from an earlier mis-decoding of curly quotes); they are replaced by a
space. The source stripped all commas and apostrophes, so "1,500" is "1500" — the number parser
reads plain digit runs, and a run of space-separated numbers stays separate numbers.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter

import pandas as pd

from analysis import figures, nlp
from bench._corpora import corpus


def load() -> pd.DataFrame:
    folder = corpus("fakes")
    articles = pd.read_csv(folder / "articles.csv", encoding="utf-8")
    gold = pd.read_csv(folder / "dev_gold.csv")
    rows = gold.groupby("unit_id").size()
    single = gold[gold["unit_id"].isin(rows[rows == 1].index) & (gold["nb_civilians"] > 0)]
    df = single.merge(articles, on="unit_id", how="inner")
    df["content"] = df["content"].map(lambda t: re.sub(r"[\x80-\x9f]+", " ", str(t)))
    return df


def civilian_killed(
    figs, *, scopes: tuple[str, ...] = ("event",), every_scope: bool = False
) -> list[float]:
    """Values of the killed figures about civilians: not combatants, and (unless asked) about
    the article's event (``Figure.scope``, decided by the extractor)."""
    out = []
    for f in figs:
        if f.scope not in scopes and not every_scope:
            continue
        if f.category != "killed":
            continue
        head = (f.unit or "").split(" ")[-1]
        if head in figures.COMBATANT_NOUNS:
            continue
        value = (
            f.value
            if f.value is not None
            else (None if f.high is not None and f.low is not None and f.low != f.high else f.low)
        )
        if value is not None:
            out.append(value)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print N misses")
    args = ap.parse_args()
    df = load()
    model = nlp.load()
    t0 = time.perf_counter()
    reasons: Counter = Counter()
    hits = 0
    shown = 0
    alt = Counter()
    for row, doc in zip(
        df.itertuples(), model.pipe(df["content"].tolist(), batch_size=32), strict=True
    ):
        figs = figures.extract(doc, article_id=str(row.unit_id))
        gold = float(row.nb_civilians)
        civ = civilian_killed(figs) or civilian_killed(figs, scopes=("background",))
        every = civilian_killed(figs, every_scope=True)
        alt["largest, totals and background included"] += bool(every) and max(every) == gold
        alt["first in the text (not the largest)"] += bool(civ) and civ[0] == gold
        if civ and max(civ) == gold:
            hits += 1
            continue
        killed_any = [f for f in figs if f.category == "killed"]
        values = {f.value for f in figs} | {f.low for f in figs}
        if not killed_any:
            reason = "no killed figure" + (
                " (gold number found, other category)"
                if gold in values
                else " (gold number not extracted at all)"
                if gold not in values
                else ""
            )
        elif not civ:
            reason = "only combatant/vague killed figures"
        elif gold in civ:
            reason = "gold is a civilian killed figure, but not the largest"
        elif gold in values:
            reason = "wrong killed figure (gold number found, other category)"
        else:
            reason = "wrong killed figure (gold number not extracted)"
        reasons[reason] += 1
        if shown < args.show:
            shown += 1
            print(f"- {row.unit_id} gold={gold:g} ours={civ} [{reason}]")
            for f in figs:
                print(f"    {f.text!r} {f.category} unit={f.unit} :: {f.sentence[:110]}")
    n = len(df)
    print(f"articles scored (single gold event, nb_civilians > 0): {n}")
    print(f"exact match of largest civilian killed figure: {hits}/{n} = {hits / n:.3f}")
    for name, k in alt.items():
        print(f"  variant – {name}: {k}/{n} = {k / n:.3f}")
    print("misses (largest rule) by reason:")
    for reason, k in reasons.most_common():
        print(f"  {k:4d}  {reason}")
    print(f"(parse + extraction time {time.perf_counter() - t0:.1f}s)")


if __name__ == "__main__":
    main()
