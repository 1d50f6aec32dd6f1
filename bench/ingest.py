"""Benchmark: ingestion + cleaning throughput, and what spaCy and the extractors cost on top.

Prints articles/s for reading + cleaning the whole of ../shared/data/bbc and
../shared/data/fakes, then the spaCy parse alone (``nlp.pipe``) and parse + all extractors on the
first ``--nlp-sample`` articles of each, so later work can show what its extraction adds.

    .venv/bin/python bench/ingest.py [--nlp-sample 300]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import nlp  # noqa: E402
from analysis.extract import extract_article  # noqa: E402
from analysis.pipeline import load_articles  # noqa: E402
from bench._corpora import corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nlp-sample", type=int, default=300)
    args = parser.parse_args()
    language = nlp.load()
    print(
        f"{'corpus':8} {'articles':>8} {'ingest+clean':>14} {'spaCy parse':>13} "
        f"{'parse+extract':>14} {'extract adds':>13}"
    )
    for name, paths in (
        (
            "bbc",
            [corpus("bbc") / d for d in ("business", "entertainment", "politics", "sport", "tech")],
        ),
        ("fakes", [corpus("fakes") / "articles.csv"]),
    ):
        t0 = time.perf_counter()
        articles, failures = load_articles(paths)
        ingest_s = time.perf_counter() - t0
        sample = articles[: args.nlp_sample]
        texts = [a.text for a in sample]
        t0 = time.perf_counter()
        docs = list(language.pipe(texts, batch_size=32))
        parse_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        for doc, article in zip(docs, sample, strict=True):
            extract_article(doc, article)
        extract_s = time.perf_counter() - t0
        print(
            f"{name:8} {len(articles):>8} {len(articles) / ingest_s:>10.0f} a/s "
            f"{len(sample) / parse_s:>9.1f} a/s {len(sample) / (parse_s + extract_s):>10.1f} a/s "
            f"{100 * extract_s / parse_s:>12.1f}%"
        )
        if failures:
            print(f"  ({len(failures)} inputs failed, e.g. {failures[0]})")
    print(
        f"(spaCy figures on the first {args.nlp_sample} articles of each corpus; "
        f"model {language.meta['lang']}_{language.meta['name']} {language.meta['version']})"
    )


if __name__ == "__main__":
    main()
