"""Sentiment toward named people in news, against NewsMTSC: what presslens stores, and baselines.

    .venv/bin/python -m bench.eval_sentiment [--split devtest_mt] [--limit N] [--fit]
        [--show N] [--uncovered N] [--ablate] [--encoder]

Data: ../shared/data/newsmtsc/{split}.jsonl — one sentence per line (``sentence_normalized``) with
one or more ``targets``, each a mention's character offsets (``from``, ``to``) and the annotated
sentiment toward it (``polarity`` 2 = negative, 4 = neutral, 6 = positive).

Through the same path as ``presslens analyze``: each sentence is cleaned into an article
(:func:`analysis.pipeline.to_article`) and the sentences are parsed and extracted in batches by
:func:`analysis.pipeline.analyse_batch`. A target's prediction is the label stored in the
``attitudes`` record (of the scorer being scored: TextBlob, VADER, or the learned "news" scorer
of :mod:`analysis.attitude_model`) whose mention overlaps the target; no such record — spaCy did
not see a named entity there — counts as neutral. Baselines for the table: TextBlob and VADER on
the whole sentence (the same target-blind score a quote gets), labelled with the same neutral band
as the attitudes of that scorer, and with each tool's customary band (TextBlob 0, VADER ±0.05).

``--encoder`` analyses as ``presslens analyze --encoder`` does, with the sentence encoder's
scorer (:mod:`analysis.attitude_encoder`) stored and scored beside the others.

``--ablate`` scores again without each kind of target :mod:`analysis.attitude_targets` adds
(its rules, :func:`~analysis.attitude_targets.untagged_with_rules`; ``noun``: a capitalised word
the parser took for a common noun; ``role``: a role description), so the table shows what each
kind of row gives.

``--fit`` scores the train split and prints, per scorer, the neutral band that maximises
macro-F1 there (the values in ``analysis.attitudes.THRESHOLDS`` come from it); devtest is never
used to choose them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from unittest import mock

from analysis import attitude_encoder, attitude_targets, attitudes, lexicon, nlp, sentiment
from analysis.ingest import RawDocument
from analysis.pipeline import analyse_batch, to_article
from analysis.records import ArticleResult
from bench._corpora import corpus

LABELS = ("negative", "neutral", "positive")
GOLD = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
CUSTOMARY = {"textblob": 0.0, "vader": 0.05}
BATCH = 64


def load(split: str, limit: int | None = None) -> list[dict]:
    path = corpus("newsmtsc") / f"{split}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return rows[:limit] if limit else rows


def predict(rows: list[dict]) -> list[dict]:
    """One item per target: gold label, the attitude polarity of each stored scorer (None when no
    attitude covers the target) and the sentence-level score of each scorer."""
    language = nlp.load()
    items: list[dict] = []
    articles, kept = [], []
    for row in rows:
        text = row["sentence_normalized"]
        article = to_article(RawDocument(title="", text=text, path=row["primary_gid"]))
        if article is None:  # too short to be an article: every target counts as neutral
            articles.append(None)
        else:
            articles.append(article)
        kept.append(row)
    results: dict[int, ArticleResult] = {}
    todo = [(i, a) for i, a in enumerate(articles) if a is not None]
    for lo in range(0, len(todo), BATCH):
        chunk = todo[lo : lo + BATCH]
        out = analyse_batch([a for _, a in chunk], language)
        for (i, _), res in zip(chunk, out, strict=True):
            if isinstance(res, ArticleResult):
                results[i] = res
    for i, row in enumerate(kept):
        sentence = row["sentence_normalized"]
        res = results.get(i)
        align = offsets(sentence, res.article.text) if res is not None else None
        for target in row["targets"]:
            item = {
                "gold": GOLD[float(target["polarity"])],
                "attitude": {},
                "label": {},
                "sentence": {},
                "text": sentence,
                "target": sentence[target["from"] : target["to"]],
                "result": res,  # the analysis, for --uncovered
                "where": None,  # the target's offsets in the cleaned text
                "holder": {},  # the holder of the attitude found, per scorer
            }
            for name in sentiment.STORED_SCORERS:
                item["sentence"][name] = sentiment.get_scorer(name)(sentence)[0]
            for name in sentiment.ATTITUDE_SCORERS:
                item["attitude"][name] = None
                item["label"][name] = "neutral"
            where = align(target["from"], target["to"]) if align is not None else None
            if where is not None:
                item["where"] = where
                lo, hi = where
                for a in res.attitudes:
                    if (
                        a.target_start < hi
                        and a.target_end > lo
                        and item["attitude"][a.scorer] is None
                    ):
                        item["attitude"][a.scorer] = a.polarity
                        item["holder"][a.scorer] = a.holder
                        item["label"][a.scorer] = a.label
            items.append(item)
    return items


def offsets(sentence: str, cleaned: str) -> Callable[[int, int], tuple[int, int] | None]:
    """Map a character span of the dataset's sentence to the cleaned article text. Cleaning
    trims, normalises whitespace (no-break spaces, runs of spaces) and may drop debris, so the
    two are aligned with :class:`difflib.SequenceMatcher`; a span whose ends fall outside the
    matching blocks maps to the nearest aligned characters, and a span with no aligned
    character at all maps to None."""
    if cleaned == sentence:
        return lambda lo, hi: (lo, hi)
    pos: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, sentence, cleaned, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            pos[a + k] = b + k

    def span(lo: int, hi: int) -> tuple[int, int] | None:
        inside = [pos[i] for i in range(lo, hi) if i in pos]
        return (inside[0], inside[-1] + 1) if inside else None

    return span


def scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Macro-F1 over the three labels, accuracy, and per-label precision/recall."""
    out: dict[str, float] = {}
    f1s = []
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[f"P_{label[:3]}"], out[f"R_{label[:3]}"] = prec, rec
        f1s.append(f1)
    out["macro_f1"] = sum(f1s) / len(f1s)
    out["accuracy"] = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return out


def labels(values: list[float | None], threshold: float) -> list[str]:
    return [
        "neutral" if v is None else sentiment.label(v, threshold=threshold) if threshold else
        ("positive" if v > 0 else "negative" if v < 0 else "neutral")
        for v in values
    ]  # fmt: skip


def table(items: list[dict]) -> list[tuple[str, dict[str, float]]]:
    gold = [it["gold"] for it in items]
    rows = []
    for name in scored(items):
        # The label each attitude record stores (the lexicon scorers': their polarity outside
        # the neutral band; the learned scorer's: its most probable class).
        band = f"±{attitudes.THRESHOLDS[name]}" if name in attitudes.THRESHOLDS else "learned"
        rows.append((f"attitudes, {name} ({band})", scores(gold, stored(items, name))))
    # What the attitudes quoted from an unnamed speaker give: the learned scorer without them
    # (those targets then count as neutral, as before they were stored).
    name = sentiment.LEARNED_SCORER
    rows.append((f"  {name}, no unnamed-speaker rows", scores(gold, stored(items, name, True))))
    for name in sentiment.STORED_SCORERS:
        sent = [it["sentence"][name] for it in items]
        band = attitudes.THRESHOLDS[name]
        for b in dict.fromkeys((band, CUSTOMARY[name])):
            rows.append((f"sentence, {name} (±{b})", scores(gold, labels(sent, b))))
    rows.append(("always neutral", scores(gold, ["neutral"] * len(gold))))
    return rows


def scored(items: list[dict]) -> list[str]:
    """The attitude scorers of :data:`~analysis.sentiment.ATTITUDE_SCORERS` that stored any
    attitude for ``items`` (the encoder's only when it was on)."""
    return [
        n
        for n in sentiment.ATTITUDE_SCORERS
        if n != sentiment.ENCODER_SCORER or any(it["attitude"][n] is not None for it in items)
    ]


def stored(items: list[dict], name: str, named_only: bool = False) -> list[str]:
    """The label of the attitude of scorer ``name`` covering each target ("neutral": none);
    ``named_only``: as if attitudes held by :data:`analysis.attitudes.UNNAMED_HOLDER` were not
    stored."""
    return [
        "neutral"
        if named_only and it["holder"].get(name) == attitudes.UNNAMED_HOLDER
        else it["label"][name]
        for it in items
    ]


def fit(items: list[dict]) -> None:
    gold = [it["gold"] for it in items]
    for kind in ("attitude", "sentence"):
        for name in sentiment.STORED_SCORERS:
            values = [it[kind][name] for it in items]
            best = max(
                (scores(gold, labels(values, t / 100))["macro_f1"], t / 100) for t in range(1, 61)
            )
            print(f"{kind:9} {name:9} best band ±{best[1]:.2f}: macro-F1 {best[0]:.3f}")


# The kinds of target --ablate leaves out one at a time: the untagged-name rules and the
# role descriptions of analysis.attitude_targets ("noun": any rule's capitalised word that the
# parser took for a common noun).
KINDS = ("title", "surname", "subject", "owner", "object", "appos", "conj", "noun", "role")


@contextmanager
def without(kinds: Iterable[str]):
    """Analysis as ``presslens analyze`` runs it, except that the targets of ``kinds`` are not
    added (:data:`KINDS`). The rows are dropped from what the rules found, so a name another
    rule vouched for through a dropped one ("Rosenstein", coordinated with the object "Wray")
    stays: the figure without a kind is its own rows' worth, not its chain's."""
    drop = set(kinds)
    untagged, described = attitude_targets.untagged_with_rules, attitude_targets.described

    def kind(doc, mention, rule):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return "noun" if span is not None and span.root.pos_ == "NOUN" else rule

    def keep(real):
        def run(doc, **kwargs):
            return [(m, r) for m, r in real(doc, **kwargs) if kind(doc, m, r) not in drop]

        return run

    with (
        mock.patch.object(attitude_targets, "untagged_with_rules", keep(untagged)),
        mock.patch.object(attitude_targets, "described", keep(described)),
    ):
        yield


def ablate(rows: list[dict]) -> None:
    """Macro-F1 of each attitude scorer with every kind of added target, and without each."""
    print(
        f"\n{'targets':22} {'covered':>7}  "
        + "  ".join(f"{n:>8}" for n in sentiment.DEFAULT_ATTITUDE_SCORERS)
    )
    for drop in ((), *((k,) for k in KINDS), KINDS):
        with without(drop):
            items = predict(rows)
        gold = [it["gold"] for it in items]
        covered = sum(it["attitude"]["textblob"] is not None for it in items)
        f1 = [
            scores(gold, stored(items, n))["macro_f1"] for n in sentiment.DEFAULT_ATTITUDE_SCORERS
        ]
        what = "all" if not drop else "none added" if drop == KINDS else f"without {drop[0]}"
        print(f"{what:22} {covered:7}  " + "  ".join(f"{v:8.3f}" for v in f1))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="devtest_mt")
    ap.add_argument("--limit", type=int, default=None, help="first N sentences only")
    ap.add_argument("--fit", action="store_true", help="choose neutral bands on the train split")
    ap.add_argument(
        "--uncovered",
        type=int,
        default=None,
        metavar="N",
        help="count the targets no attitude covers by cause, with N examples of each",
    )
    ap.add_argument(
        "--show",
        type=int,
        default=0,
        metavar="N",
        help="print N missed targets of each gold label (the learned scorer)",
    )
    ap.add_argument(
        "--encoder",
        action="store_true",
        help="analyse with the sentence encoder too (presslens analyze --encoder) and score it",
    )
    ap.add_argument(
        "--ablate",
        action="store_true",
        help="macro-F1 without each kind of target analysis.attitude_targets adds",
    )
    args = ap.parse_args(argv)
    split = "train" if args.fit else args.split
    rows = load(split, args.limit)
    if args.ablate:
        ablate(rows)
        return
    t0 = time.perf_counter()
    with attitude_encoder.enabled(args.encoder):
        items = predict(rows)
    took = time.perf_counter() - t0
    covered = sum(it["attitude"]["textblob"] is not None for it in items)
    print(
        f"NewsMTSC {split}: {len(rows)} sentences, {len(items)} targets "
        f"({dict(Counter(it['gold'] for it in items))}); an attitude covers {covered} "
        f"({covered / len(items):.0%}); {took:.1f} s"
    )
    if args.fit:
        fit(items)
        return
    show(table(items))
    # The same on the targets an attitude covers: how the scoring does where spaCy saw the name,
    # apart from the targets it never sees (pronouns, missed names: counted neutral above).
    seen = [it for it in items if it["attitude"]["textblob"] is not None]
    print(f"\nonly the {len(seen)} targets an attitude covers:")
    show(table(seen))
    if args.show:
        misses(items, args.show)
    if args.uncovered is not None:
        uncovered(items, args.uncovered)


PRONOUNS = lexicon.words("pronouns") | lexicon.words("referring_pronouns")


def cause(item: dict, language) -> str:
    """Why no attitude covers ``item``'s target, from the parse of its cleaned sentence."""
    res, where = item["result"], item["where"]
    if res is None or where is None:
        return "sentence not analysed (too short) or target cut by cleaning"
    if item["target"].lower() in PRONOUNS:
        return "pronoun with no person named before it"
    doc = language(res.article.text)
    span = doc.char_span(*where, alignment_mode="expand")
    words = [t for t in span if t.is_alpha]
    if not words or not item["target"][:1].isupper() or words[0].pos_ == "DET":
        return "a description, not a name ('the president')"
    if all(t.pos_ == "PROPN" for t in words):
        if len(words) == 1:
            return "lone proper noun untagged, no rule vouches for it"
        return "proper-noun run untagged, no rule vouches for it"
    if words[0].pos_ in ("NOUN", "ADJ", "VERB"):
        return "capitalised word the parser takes for a common word"
    return "other"


def uncovered(items: list[dict], n: int) -> None:
    """The targets no attitude covers, counted by :func:`cause` and gold label."""
    language = nlp.load()
    by_cause: dict[str, list[dict]] = {}
    for it in items:
        if it["attitude"]["textblob"] is None:
            by_cause.setdefault(cause(it, language), []).append(it)
    total = sum(len(v) for v in by_cause.values())
    print(f"\n{total} targets no attitude covers (counted neutral), by cause:")
    print(f"{'cause':62} {'n':>4} {'neg':>4} {'neu':>4} {'pos':>4}")
    for why, group in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        c = Counter(it["gold"] for it in group)
        print(f"{why:62} {len(group):4} {c['negative']:4} {c['neutral']:4} {c['positive']:4}")
        for it in group[:n]:
            print(f"    [{it['target']}] {it['gold']}: {it['text'][:120]!r}")


def misses(items: list[dict], n: int) -> None:
    """The first ``n`` targets of each gold label that the attitudes path labels wrongly."""
    name = scored(items)[-1]
    for gold in LABELS:
        print(f"\nmissed {gold} targets ({name}):")
        wrong = [it for it in items if it["gold"] == gold and it["label"][name] != gold]
        for it in wrong[:n]:
            value = it["attitude"][name]
            shown = "none" if value is None else f"{value:+.2f}"
            print(f"  [{it['target']}] {shown}  {it['text'][:160]}")


def show(rows: list[tuple[str, dict[str, float]]]) -> None:
    print(f"{'scorer':34} {'macro-F1':>8} {'acc':>6}  P/R neg      P/R neu      P/R pos")
    for name, s in rows:
        print(
            f"{name:34} {s['macro_f1']:8.3f} {s['accuracy']:6.3f}  "
            f"{s['P_neg']:.2f}/{s['R_neg']:.2f}    {s['P_neu']:.2f}/{s['R_neu']:.2f}    "
            f"{s['P_pos']:.2f}/{s['R_pos']:.2f}"
        )


if __name__ == "__main__":
    main()
