"""What the attitudes step costs: analysis time of BBC articles with and without it.

    .venv/bin/python -m bench.attitudes_speed [--sample 200] [--seed 0] [--rounds 2] [--encoder]

Reads a random sample of ../shared/data/bbc through :func:`analysis.pipeline.load_articles` and
runs :func:`analysis.pipeline.analyse_batch` (parse + every extractor: what ``presslens analyze``
runs per batch) over it, alternately with the attitudes step and with it replaced by a no-op, and
prints the best time of each. Times are CPU seconds of this process (``time.process_time``): the
machine is shared, and wall-clock time there measures the neighbours. Two whole runs still differ
by a few per cent on their own, so it also times the attitudes step itself inside the run with it
(its share of that run is the cleaner figure). Target: attitudes add at most 10%.
``--encoder`` times the run as ``presslens analyze --encoder`` makes it, with the opt-in sentence
encoder's attitudes too (analysis.attitude_encoder).
"""

from __future__ import annotations

import argparse
import random
import time
from unittest import mock

from analysis import attitudes, nlp
from analysis.pipeline import DEFAULT_BATCH_SIZE, analyse_batch, load_articles
from bench._corpora import corpus


def run(
    articles, language, *, with_attitudes: bool, encoder: bool = False
) -> tuple[float, float, int]:
    """(total seconds, seconds inside attitudes.extract, attitudes found)."""
    spent = 0.0
    found = 0
    real = attitudes.extract

    def timed(*args, **kwargs):
        nonlocal spent, found
        t = time.process_time()
        out = real(*args, **kwargs) if with_attitudes else []
        spent += time.process_time() - t
        found += len(out)
        return out

    t0 = time.process_time()
    with mock.patch.object(attitudes, "extract", timed):
        for lo in range(0, len(articles), DEFAULT_BATCH_SIZE):
            analyse_batch(articles[lo : lo + DEFAULT_BATCH_SIZE], language, encoder=encoder)
    return time.process_time() - t0, spent, found


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--encoder", action="store_true", help="with the sentence encoder's attitudes")
    args = ap.parse_args(argv)
    files = sorted(corpus("bbc").glob("*/*.txt"))
    random.Random(args.seed).shuffle(files)
    articles, failures = load_articles(files[: args.sample])
    language = nlp.load()
    analyse_batch(articles[:4], language, encoder=args.encoder)  # warm up: lexicons, models
    with_t, without_t, inside, found = [], [], [], 0
    for _ in range(args.rounds):
        t, _, _ = run(articles, language, with_attitudes=False)
        without_t.append(t)
        t, s, found = run(articles, language, with_attitudes=True, encoder=args.encoder)
        with_t.append(t)
        inside.append(s)
    best_with, best_without = min(with_t), min(without_t)
    share = min(s / t for s, t in zip(inside, with_t, strict=True))
    words = sum(a.n_words for a in articles)
    print(
        f"BBC sample: {len(articles)} articles, {words:,} words ({len(failures)} unreadable); "
        f"{found:,} attitude records (TextBlob, VADER, the learned scorer"
        + (" and the sentence encoder)" if args.encoder else ")")
    )
    print(
        f"without attitudes: {best_without:.2f} s   with: {best_with:.2f} s   (best of {args.rounds})"
    )
    print(
        f"attitudes add {best_with / best_without - 1:+.1%} (run vs run); "
        f"time inside the attitudes step: {share:.1%} of the run with it "
        f"= {share / (1 - share):+.1%} over the rest"
    )


if __name__ == "__main__":
    main()
