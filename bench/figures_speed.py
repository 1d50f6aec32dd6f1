"""How much time figure extraction adds to spaCy parsing, on BBC News articles.

    .venv/bin/python -m bench.figures_speed [--limit 300]

Reads ``../shared/data/bbc/*/*.txt`` (title on the first line; the body follows), takes an
evenly spaced sample of ``--limit`` files across the sorted list (0 = all 2,225), parses them
with ``nlp.pipe`` and then runs, on every Doc, what ``presslens analyze`` runs
(:func:`analysis.extract.extract_article`: entities, then quotes, then figures with those
mentions and quotes), timing the figures step on its own. Prints the parse time, the figures time
as a percentage of it (target: at most 10%) and the whole extraction time.
"""

from __future__ import annotations

import argparse
import time

from analysis import entities, figures, nlp, quotes
from analysis.extract import extract_article
from bench._analyze import as_article
from bench._corpora import corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    paths = sorted(corpus("bbc").glob("*/*.txt"))
    if args.limit and args.limit < len(paths):
        step = len(paths) / args.limit
        paths = [paths[int(k * step)] for k in range(args.limit)]
    texts = []
    for path in paths:
        raw = path.read_bytes().decode("utf-8", errors="replace")
        texts.append(raw.split("\n", 1)[1].strip() if "\n" in raw else raw)
    model = nlp.load()
    model("warm up the pipeline.")
    t0 = time.perf_counter()
    docs = list(model.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    articles = [as_article(doc.text, key=str(k), clean=False) for k, doc in enumerate(docs)]
    t0 = time.perf_counter()
    results = [extract_article(doc, a) for doc, a in zip(docs, articles, strict=True)]
    whole = time.perf_counter() - t0
    # The figures step alone, given the same mentions and quotes extract_article gave it.
    inputs = []
    for doc, a in zip(docs, articles, strict=True):
        mentions, _ = entities.extract(doc, article_id=a.id)
        inputs.append(
            (doc, a.id, mentions, quotes.extract(doc, article_id=a.id, mentions=mentions))
        )
    t0 = time.perf_counter()
    n_figures = sum(
        len(figures.extract(doc, article_id=i, quotes=q, mentions=m)) for doc, i, m, q in inputs
    )
    extract = time.perf_counter() - t0
    assert n_figures == sum(len(r.figures) for r in results)
    words = sum(len(d) for d in docs)
    print(f"articles: {len(docs)} ({words} tokens) from {corpus('bbc')}")
    print(f"spaCy parse (nlp.pipe): {parse:.2f}s")
    print(f"figures.extract:        {extract:.2f}s  ({n_figures} figures)")
    print(f"extraction adds {100 * extract / parse:.1f}% to parse time (target <= 10%)")
    print(f"all extractors (extract_article): {whole:.2f}s")


if __name__ == "__main__":
    main()
