"""How much time figure extraction adds to spaCy parsing, on BBC News articles.

    .venv/bin/python -m bench.figures_speed [--limit 300]

Reads ``../shared/data/bbc/*/*.txt`` (title on the first line; the body follows), takes an
evenly spaced sample of ``--limit`` files across the sorted list (0 = all 2,225), parses them
with ``nlp.pipe`` and then runs :func:`analysis.figures.extract` on every Doc. Prints both
times and extraction as a percentage of parse time (target: at most 10%).
"""

from __future__ import annotations

import argparse
import time

from analysis import figures, nlp
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
    t0 = time.perf_counter()
    n_figures = sum(len(figures.extract(doc, article_id=str(k))) for k, doc in enumerate(docs))
    extract = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    print(f"articles: {len(docs)} ({words} tokens) from {corpus('bbc')}")
    print(f"spaCy parse (nlp.pipe): {parse:.2f}s")
    print(f"figures.extract:        {extract:.2f}s  ({n_figures} figures)")
    print(f"extraction adds {100 * extract / parse:.1f}% to parse time (target <= 10%)")


if __name__ == "__main__":
    main()
