"""Evaluate analysis.quotes against the PolNeAR attribution corpus (brat standoff annotations).

Two figures are printed per system:

* quotations — gold = attributions whose Content begins with a double quotation mark; predicted =
  our ``direct`` records. A prediction matches a gold Content when it overlaps at least half of the
  gold span (one-to-one, best overlap first). Speaker accuracy is taken over the matched pairs that
  have a gold Source: right when our speaker mention overlaps the gold Source span, or when our
  canonical speaker shares its surname (last word) with the gold Source text.
* quotation fragments — the same, with a discontinuous gold quotation (“A,” he said, “B.”) split
  into its quoted pieces, which is how the extractor (and the dashboard) counts them.
* speech attributions — gold = attributions whose Cue contains a speech verb (said, told, added,
  according to …); predicted = all our records (direct + reported). Recall is over that gold set;
  precision counts a prediction as right when it matches any gold attribution (PolNeAR also
  annotates non-speech sources such as "polls show", which our reported speech may hit).

If textacy is installed, ``textacy.extract.triples.direct_quotations`` is scored the same way as a
baseline. Usage::

    .venv/bin/python bench/eval_quotes.py [--split dev|train] [--limit N] [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import nlp as nlp_module  # noqa: E402
from bench._analyze import analyse  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data/polnear")
# Gold cue words that make an attribution "speech" (PolNeAR cues are free text: "said in a
# statement", "according to", "told reporters" …). Written for this benchmark, independently of
# the extractor's lexicon.
SPEECH_CUE_WORDS = frozenset(
    {
        "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds",
        "adding", "according", "asked", "asks", "explained", "explains", "stated", "states",
        "noted", "notes", "claimed", "claims", "insisted", "insists", "urged", "urges", "warned",
        "warns", "announced", "announces", "argued", "argues", "wrote", "writes", "suggested",
        "suggests", "declared", "replied", "responded", "continued", "tweeted", "stressed",
        "acknowledged", "admitted", "conceded", "recalled", "remarked", "vowed", "promised",
    }
)  # fmt: skip
QUOTE_START = ('"', "“", "''", "``", "„", "«")


@dataclass
class Gold:
    content: list[tuple[int, int]]
    content_text: str
    cue_text: str
    source: list[tuple[int, int]]
    source_text: str


@dataclass
class Pred:
    start: int
    end: int
    speaker: str | None
    speaker_span: tuple[int, int] | None
    kind: str


def parse_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, *text = line.split("\t")
            kind, offsets = info.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            spans[tid] = (kind, frags, text[0] if text else "")
        elif line.startswith("E"):
            _, args = line.split("\t", 1)
            relations.append(dict(a.split(":", 1) for a in args.split()))
    out = []
    for rel in relations:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        _, content, content_text = spans[rel["Content"]]
        cue = spans.get(rel.get("Cue", ""), ("", [], ""))
        src = spans.get(rel.get("Source", ""), ("", [], ""))
        out.append(Gold(content, content_text, cue[2], src[1], src[2]))
    return out


def fragments(text: str, golds: list[Gold]) -> list[Gold]:
    """Discontinuous gold quotations (“A,” he said, “B.”) split into one gold per quoted piece."""
    out = []
    for g in golds:
        for s, e in g.content:
            if text[s:e].lstrip().startswith(QUOTE_START):
                out.append(Gold([(s, e)], text[s:e], g.cue_text, g.source, g.source_text))
    return out


def overlap(a: tuple[int, int], frags: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in frags)


def match(golds: list[Gold], preds: list[Pred]) -> list[tuple[Gold, Pred]]:
    """One-to-one matches: a prediction covering at least half of the gold span, best first."""
    pairs = []
    for gi, g in enumerate(golds):
        size = sum(e - s for s, e in g.content)
        for pi, p in enumerate(preds):
            ov = overlap((p.start, p.end), g.content)
            if size and ov * 2 >= size:
                pairs.append((ov / size, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((golds[gi], preds[pi]))
    return out


def surname(text: str | None) -> str:
    words = re.sub(r"[’']s\b", "", text or "").split()
    return words[-1].strip(".,;:").lower() if words else ""


def speaker_right(g: Gold, p: Pred) -> bool:
    if p.speaker_span and overlap(p.speaker_span, g.source):
        return True
    return bool(p.speaker) and surname(p.speaker) == surname(g.source_text)


def is_quotation(g: Gold) -> bool:
    return g.content_text.lstrip().startswith(QUOTE_START)


def is_speech(g: Gold) -> bool:
    words = set(re.findall(r"[a-z]+", g.cue_text.lower()))
    return bool(words & SPEECH_CUE_WORDS)


def ours(found) -> list[Pred]:
    """Our quote records (from :func:`bench._analyze.analyse`, the ``analyze`` path) as predictions."""
    return [
        Pred(
            q.start,
            q.end,
            q.speaker,
            (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None,
            q.kind,
        )
        for q in found
    ]


def textacy_baseline(doc) -> list[Pred] | None:
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None  # textacy bails out on unbalanced quotation marks: nothing for this doc
    out = []
    for t in triples:
        spk = t.speaker
        span = (spk[0].idx, spk[-1].idx + len(spk[-1])) if spk else None
        out.append(
            Pred(
                t.content.start_char,
                t.content.end_char,
                " ".join(tok.text for tok in spk) if spk else None,
                span,
                "direct",
            )
        )
    return out


class Score:
    def __init__(self):
        self.tp_gold = self.n_gold = self.tp_pred = self.n_pred = 0
        self.spk_right = self.spk_n = 0

    def add(self, golds, preds, all_golds):
        matched = match(golds, preds)
        self.n_gold += len(golds)
        self.tp_gold += len(matched)
        self.n_pred += len(preds)
        # A prediction is right if it matches a gold of this set, or (for the all-speech figure)
        # any gold attribution at all.
        good_preds = {id(p) for _, p in matched}
        if all_golds is not golds:
            good_preds |= {id(p) for _, p in match(all_golds, preds)}
        self.tp_pred += len(good_preds)
        for g, p in matched:
            if g.source:
                self.spk_n += 1
                self.spk_right += speaker_right(g, p)
        return matched

    def line(self, name: str) -> str:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.spk_right / self.spk_n if self.spk_n else 0.0
        return (
            f"{name:34} P={p:.3f} R={r:.3f} F1={f:.3f}  speaker acc={acc:.3f} "
            f"({self.spk_right}/{self.spk_n})  gold={self.n_gold} pred={self.n_pred}"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--errors", action="store_true", help="print misses and wrong speakers")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args(argv)

    split = args.data / args.split
    anns = sorted((split / "attributions").glob("*.ann"))[: args.limit]
    try:
        import textacy  # noqa: F401

        baseline = not args.no_baseline
    except ImportError:
        print("textacy not installed: no baseline")
        baseline = False

    keys = ("ours-quot", "ours-frag", "ours-speech", "tx-quot", "tx-frag", "tx-speech")
    scores = {k: Score() for k in keys}
    textacy_failed = 0
    # Annotation files carry an annotator suffix ("…_5fec.ann"); texts do not.
    texts = [
        (split / "text" / (re.sub(r"_[0-9a-f]{4}$", "", ann.stem) + ".txt")).read_text(
            encoding="utf-8"
        )
        for ann in anns
    ]
    # The gold offsets are into the raw text: analysed as is (clean=False), through the same
    # batch function as `presslens analyze` (entities → quotes, with their mentions).
    t0 = time.perf_counter()
    results = [r for _, r in analyse(texts, keys=[a.stem for a in anns], clean=False)]
    t_ours = time.perf_counter() - t0
    nlp = nlp_module.load() if baseline else None
    for ann, text, result in zip(anns, texts, results, strict=True):
        golds = parse_ann(ann)
        gold_q = [g for g in golds if is_quotation(g)]
        gold_s = [g for g in golds if is_speech(g)]
        gold_f = fragments(text, gold_q)
        preds = ours(result.quotes if result is not None else ())
        direct = [p for p in preds if p.kind == "direct"]
        matched = scores["ours-quot"].add(gold_q, direct, gold_q)
        scores["ours-frag"].add(gold_f, direct, gold_f)
        scores["ours-speech"].add(gold_s, preds, golds)
        if args.errors:
            report_errors(ann.stem, text, gold_q, direct, matched)
        if baseline:
            tx = textacy_baseline(nlp(text))
            if tx is None:
                textacy_failed += 1
                tx = []
            scores["tx-quot"].add(gold_q, tx, gold_q)
            scores["tx-frag"].add(gold_f, tx, gold_f)
            scores["tx-speech"].add(gold_s, tx, golds)

    print(f"PolNeAR {args.split}: {len(anns)} documents")
    print(scores["ours-quot"].line("presslens quotations (direct)"))
    print(scores["ours-frag"].line("presslens quotation fragments"))
    print(scores["ours-speech"].line("presslens speech (direct+reported)"))
    if baseline:
        print(scores["tx-quot"].line("textacy quotations"))
        print(scores["tx-frag"].line("textacy quotation fragments"))
        print(scores["tx-speech"].line("textacy speech"))
        print(f"textacy raised ValueError (unbalanced quotes) on {textacy_failed} documents")
    print(f"presslens parse + extraction time (analyze's batch function): {t_ours:.2f}s")
    return 0


def report_errors(name, text, golds, preds, matched) -> None:
    got = {id(g) for g, _ in matched}
    hit = {id(p) for _, p in matched}
    for g in golds:
        if id(g) not in got:
            s, e = g.content[0][0], g.content[-1][1]
            print(f"MISS {name}: {text[s:e][:110]!r}")
    for p in preds:
        if id(p) not in hit:
            print(f"FP   {name}: {text[p.start : p.end][:110]!r}")
    for g, p in matched:
        if g.source and not speaker_right(g, p):
            print(f"SPK  {name}: gold={g.source_text!r} ours={p.speaker!r}")


if __name__ == "__main__":
    raise SystemExit(main())
