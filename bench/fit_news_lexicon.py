"""Fit the valences of the news lexicon (``analysis/lexicon/news_sentiment.tsv``) on NewsMTSC train.

    .venv/bin/python -m bench.fit_news_lexicon [--candidates N] [--write]

General-purpose lexicons rate much of the vocabulary of news about people neutral: "accused",
"indictment", "probe", "sanctions", "resign" carry no weight in VADER or TextBlob, yet a person in
a sentence holding them is seldom presented well. The word list itself is curated by hand (the
entries of the TSV: words that say something about how a person acted or was treated, not topic
words that merely co-occur with one side in 2016 US politics, such as "server" or "email"); this
script gives each entry its valence from the training split only (never devtest_mt): the shift
of the share of positive minus negative targets in the sentences that hold the word's lemma,
against the split's base rates, shrunk toward 0 for rare words, on VADER's -4..4 scale.

``--candidates N`` prints the N strongest lemmas not yet in the list, to review by hand;
``--write`` rewrites the TSV with the fitted valences (its header is kept).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict

from analysis import lexicon, nlp
from bench._corpora import corpus

GOLD = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
SCALE = 4.0  # VADER's valence range
PRIOR = 5.0  # pseudo-count pulling a rare word's shares toward the base rates
MIN_COUNT = 10  # targets a candidate's lemma must appear beside


def lemma_counts(rows: list[dict]) -> tuple[Counter, dict[str, Counter]]:
    """Gold-label counts of all targets, and per lemma of the targets whose sentence holds it.
    Names are left out (a name is never scored)."""
    language = nlp.load()
    base: Counter = Counter()
    by_lemma: dict[str, Counter] = defaultdict(Counter)
    texts = [row["sentence_normalized"] for row in rows]
    for row, doc in zip(rows, language.pipe(texts, batch_size=64), strict=True):
        lemmas = {
            t.lemma_.lower()
            for t in doc
            if t.is_alpha and t.pos_ != "PROPN" and not t.ent_type_ and len(t) > 2
        }
        for target in row["targets"]:
            gold = GOLD[float(target["polarity"])]
            base[gold] += 1
            for lemma in lemmas:
                by_lemma[lemma][gold] += 1
    return base, by_lemma


def valence(counts: Counter, base: Counter) -> float:
    """Shift of (positive share - negative share) against the base rates, shrunk by
    :data:`PRIOR`, on VADER's scale."""
    total = sum(base.values())
    bp, bn = base["positive"] / total, base["negative"] / total
    n = sum(counts.values())
    pp = (counts["positive"] + PRIOR * bp) / (n + PRIOR)
    pn = (counts["negative"] + PRIOR * bn) / (n + PRIOR)
    return max(-SCALE, min(SCALE, SCALE * ((pp - bp) - (pn - bn))))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidates", type=int, default=0, metavar="N")
    ap.add_argument("--write", action="store_true", help="rewrite the TSV with fitted valences")
    args = ap.parse_args(argv)
    path = corpus("newsmtsc") / "train.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    base, by_lemma = lemma_counts(rows)
    curated = lexicon.numbers("news_sentiment")
    fitted = {w: round(valence(by_lemma[w], base), 2) for w in curated}
    for w in sorted(fitted, key=fitted.get):
        n = sum(by_lemma[w].values())
        print(f"{w:18} {curated[w]:+.2f} -> {fitted[w]:+.2f}  ({n} targets)")
    if args.candidates:
        rest = [
            (valence(c, base), w, sum(c.values()))
            for w, c in by_lemma.items()
            if w not in curated and sum(c.values()) >= MIN_COUNT
        ]
        rest.sort(key=lambda x: -abs(x[0]))
        print("\ncandidates (not in the list):")
        for v, w, n in rest[: args.candidates]:
            print(f"  {w:18} {v:+.2f} ({n})")
    if args.write:
        out = lexicon.path_of("news_sentiment")
        head = [f"# {line}" for line in lexicon.header("news_sentiment")]
        body = [f"{w}\t{v}" for w, v in sorted(fitted.items())]
        out.write_text("\n".join(head + body) + "\n", encoding="utf-8")
        print(f"wrote {len(body)} valences to {out}")


if __name__ == "__main__":
    main()
