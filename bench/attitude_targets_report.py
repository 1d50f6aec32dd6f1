"""Which untagged names the attitudes step turns into targets on real news, by rule, and the junk.

    .venv/bin/python -m bench.attitude_targets_report [--store /work/stores/real12.duckdb]
        [--per-kind 150] [--show]

Reads the texts of an analysed store (read-only: the store is never written) — the first
``--per-kind`` BBC articles (those with no outlet) and as many FA-KES ones (those with one) —
and analyses them through :func:`analysis.pipeline.analyse_batch`, the batch function of
``presslens analyze``, recording what :func:`analysis.attitude_targets.untagged_with_rules` and
:func:`analysis.attitude_targets.described` add beside the tagged entities. It prints, per rule
(``title``, ``surname``, ``subject``, ``owner``, ``object``, ``appos``, ``conj``; ``role``: a
description standing for a person), how many targets it added and how many are junk by the
rules a reader would apply
without judgement: a pronoun, a month or day, page furniture (:func:`analysis.entities.rules.
is_junk`); then the same over every attitude's target. ``--show`` lists each rule's distinct
names, for the judgement the automatic count cannot make (a common noun, a headline's words)."""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from unittest import mock

import duckdb

from analysis import attitude_targets, lexicon, nlp
from analysis.entities import rules
from analysis.pipeline import analyse_batch
from analysis.records import Article, ArticleResult

BATCH = 32
PRONOUNS = lexicon.words("pronouns") | lexicon.words("referring_pronouns")


def load(store: Path, per_kind: int) -> list[Article]:
    con = duckdb.connect(str(store), read_only=True)
    try:
        rows = []
        for where in ("source IS NULL", "source IS NOT NULL"):
            rows += con.execute(
                f"SELECT id, title, text, source FROM articles WHERE {where} "
                "AND duplicate_of IS NULL ORDER BY id LIMIT ?",
                [per_kind],
            ).fetchall()
    finally:
        con.close()
    return [Article(id=i, title=t or "", text=x, source=s) for i, t, x, s in rows]


def junk(name: str) -> str | None:
    """Why ``name`` names nobody, or None."""
    if name.lower() in PRONOUNS:
        return "pronoun"
    if rules.is_junk(name):
        return "junk"
    return None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, default=Path("/work/stores/real12.duckdb"))
    ap.add_argument("--per-kind", type=int, default=150)
    ap.add_argument("--show", action="store_true", help="list each rule's distinct names")
    args = ap.parse_args(argv)
    articles = load(args.store, args.per_kind)
    found: dict[str, Counter[str]] = defaultdict(Counter)

    def recorder(real):
        def record(doc, **kwargs):
            out = real(doc, **kwargs)
            for m, rule in out:
                found[rule][m.name] += 1
            return out

        return record

    language = nlp.load()
    targets: Counter[str] = Counter()
    with (
        mock.patch.object(
            attitude_targets,
            "untagged_with_rules",
            recorder(attitude_targets.untagged_with_rules),
        ),
        mock.patch.object(attitude_targets, "described", recorder(attitude_targets.described)),
    ):
        for lo in range(0, len(articles), BATCH):
            for res in analyse_batch(articles[lo : lo + BATCH], language):
                if isinstance(res, ArticleResult):
                    targets.update(a.target for a in res.attitudes if a.scorer == "textblob")
    print(f"{len(articles)} articles of {args.store}")
    print(f"{'rule':10} {'targets':>8} {'names':>6} {'junk':>5}")
    for rule in ("title", "surname", "subject", "owner", "object", "appos", "conj", "role"):
        names = found.get(rule, Counter())
        bad = {n: junk(n) for n in names if junk(n)}
        print(f"{rule:10} {sum(names.values()):8} {len(names):6} {sum(names[n] for n in bad):5}")
        for n, why in sorted(bad.items()):
            print(f"    junk: {n!r} ({why}) x{names[n]}")
        if args.show and names:
            print("    " + ", ".join(f"{n} x{k}" for n, k in names.most_common()))
    bad_all = {n: junk(n) for n in targets if junk(n)}
    print(
        f"every attitude target (TextBlob rows): {sum(targets.values())}, "
        f"{len(targets)} names; junk {sum(targets[n] for n in bad_all)} rows"
    )
    for n, why in sorted(bad_all.items()):
        print(f"    junk: {n!r} ({why}) x{targets[n]}")


if __name__ == "__main__":
    main()
