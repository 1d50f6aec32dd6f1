"""How much time quote + sentiment extraction adds to the spaCy parse, on the BBC news corpus.

Parses a sample of the BBC articles with ``nlp.pipe`` (timed), then runs
:func:`analysis.quotes.extract` (which scores each quote's sentiment) on every parsed Doc (timed),
and prints the added time as a percentage of the parse time. Target: at most 15%.

Usage::

    .venv/bin/python bench/quotes_speed.py [--sample 300] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import nlp as nlp_module  # noqa: E402
from analysis import quotes  # noqa: E402
from bench._corpora import corpus  # noqa: E402


def read_article(path: Path) -> str:
    """Body of a BBC file: the first line is the title; paragraphs are separated by blank lines."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    return raw.split("\n", 1)[1].strip() if "\n" in raw else raw


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=300, help="number of files (0 = all)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)

    files = sorted(corpus("bbc").rglob("*.txt"))
    total = len(files)
    if args.sample and args.sample < total:
        files = random.Random(args.seed).sample(files, args.sample)
    texts = [read_article(f) for f in files]

    nlp = nlp_module.load()
    nlp("warm up")
    quotes.extract(nlp("“Warm up,” she said."), article_id="warm-up")  # builds lexicons once

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    parse = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_quotes = n_direct = 0
    for i, doc in enumerate(docs):
        found = quotes.extract(doc, article_id=str(i))
        n_quotes += len(found)
        n_direct += sum(q.kind == "direct" for q in found)
    extract = time.perf_counter() - t0

    n_words = sum(len(d) for d in docs)
    print(f"BBC sample: {len(files)} of {total} files, {n_words:,} tokens")
    print(f"spaCy parse (nlp.pipe):        {parse:7.2f}s")
    print(f"quotes + sentiment extraction: {extract:7.2f}s  ({n_quotes} quotes, {n_direct} direct)")
    print(f"added time:                    {100 * extract / parse:6.1f}% of parse time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
