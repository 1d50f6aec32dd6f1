"""Attitudes: the sentiment a sentence expresses toward each named entity in it, and whose it is.

For every entity mention (from :mod:`analysis.entities`) this module finds the words that govern or
modify the mention in the dependency parse — the nearest predicate above it (the verb or copula of
its clause, "X *was not a success*", "Y *attacked* X") with that clause's own words, and the
mention's own modifiers ("the *brave* X", "X, a *corrupt* official") — and scores only those with
each stored scorer. Coordinated clauses, subordinate clauses and quotations that do not contain the
mention are left out, so two names in one sentence get their own attitudes ("A praised X but
attacked Y"). Negation ("not", "no", "never") governing the predicate flips the score; after a
contrast ("but", "yet", "however") the words that follow weigh more than those before. Names are
never scored (they carry no attitude, and some are lexicon words: "Hope", "Justice"). The holder is
the speaker when the mention sits inside a quote (direct or reported), else None: the article's own
voice. Mentions inside a quote whose speaker is unknown get no attitude, since None would wrongly
make them the outlet's.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from analysis import sentiment
from analysis.records import Attitude, EntityMention, Quote

log = logging.getLogger(__name__)

# Neutral band of each scorer's polarity, fitted on NewsMTSC's train split (bench/eval_sentiment.py
# --fit prints the best band); the evaluation itself runs on the separate devtest_mt split.
THRESHOLDS = {"textblob": 0.01, "vader": 0.05}
# Words that negate the predicate they attach to (spaCy marks most as dep "neg"; "no" is a det).
NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "neither", "nor", "none"})
# Contrast markers: what follows outweighs what precedes ("competent but corrupt").
CONTRAST = frozenset({"but", "yet", "however", "nevertheless", "nonetheless", "although"})
CONTRAST_WEIGHT = 0.75  # share of the score taken by the part after the contrast
NEGATION_FACTOR = 0.75  # "not good" is less bad than "bad" is bad
# Clause-level dependents of a predicate that form a separate statement; left out of the context
# of a mention that is not inside them.
# A "conj" only when the conjunct is itself a predicate: "competent but corrupt" stays one phrase.
SEPARATE_CLAUSES = frozenset({"conj", "ccomp", "advcl", "parataxis", "csubj", "relcl"})
PREDICATE_POS = frozenset({"VERB", "AUX"})
# The rest of the sentence (in the same voice, names left out) is the backdrop the attitude sits
# in: it counts at this weight beside the governing words, which decide when they carry
# sentiment. 0.5 fitted on NewsMTSC train (0: 0.47, 0.3: 0.475, 0.6: 0.476, 1.0: 0.477 macro-F1
# for VADER; a weight near the governing words' own would copy the sentence's score onto every
# name, which is what this module exists not to do).
BACKGROUND_WEIGHT = 0.5


def extract(
    doc: Doc,
    *,
    article_id: str,
    mentions: Sequence[EntityMention],
    quotes: Sequence[Quote],
    scorers: Sequence[str] = sentiment.STORED_SCORERS,
) -> list[Attitude]:
    """One :class:`Attitude` per entity mention in ``doc`` and scorer, in text order."""
    score_fns = {name: sentiment.get_scorer(name) for name in scorers}
    name_tokens = _name_tokens(doc, mentions)
    regions = [(q.start, q.end, q.speaker) for q in quotes]
    out: list[Attitude] = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        region = _region(regions, m.start)
        if region is not None and region[2] is None:
            continue  # quoted, but nobody knows whose words they are
        holder = region[2] if region is not None else None
        segments, negated = context(span, name_tokens=name_tokens, region=region, regions=regions)
        rest = _background(span.sent, name_tokens=name_tokens, region=region, regions=regions)
        sentence = span.sent.text.strip()
        for name, fn in score_fns.items():
            polarity = _combine([_score(fn, seg) for seg in segments], negated)
            polarity += BACKGROUND_WEIGHT * _score(fn, rest)
            polarity = max(-1.0, min(1.0, polarity))
            out.append(
                Attitude(
                    article_id=article_id,
                    holder=holder,
                    target=m.name,
                    target_start=m.start,
                    target_end=m.end,
                    polarity=polarity,
                    label=sentiment.label(polarity, threshold=THRESHOLDS.get(name, 0.1)),
                    sentence=sentence,
                    scorer=name,
                )
            )
    return out


def context(
    span: Span,
    *,
    name_tokens: set[int] = frozenset(),
    region: tuple[int, int, str | None] | None = None,
    regions: Sequence[tuple[int, int, str | None]] = (),
) -> tuple[list[list[Token]], bool]:
    """The words that carry the attitude toward ``span``: ``(segments, negated)``, where the
    segments are the context split at contrast markers (in text order) and ``negated`` says
    whether a negation governs the predicate. Tokens of names, negators and other quotations are
    left out of the segments."""
    root = span.root
    predicate, path = _predicate(root)
    keep: set[int] = set()
    if predicate is not None:
        _collect(predicate, keep, inside=set(t.i for t in path) | {root.i})
    # The mention's own modifiers ("the embattled X", "X, a respected diplomat").
    for tok in root.subtree:
        keep.add(tok.i)
    own = set(range(span.start, span.end))
    doc = span.doc
    negated = False
    governing = {t.i for t in path} | ({predicate.i} if predicate is not None else set())
    if predicate is not None:
        governing |= {c.i for c in predicate.children if c.dep_ in ("acomp", "attr", "xcomp")}
    words: list[Token] = []
    for i in sorted(keep):
        tok = doc[i]
        if i in own or i in name_tokens or tok.is_punct or tok.is_space:
            continue
        if _region(regions, tok.idx) != region:
            continue  # another voice's words (a quotation the mention is not in)
        if tok.dep_ == "neg" or tok.lower_ in NEGATORS:
            if tok.head.i in governing:
                negated = not negated
            continue
        words.append(tok)
    segments: list[list[Token]] = [[]]
    for tok in words:
        if tok.lower_ in CONTRAST:
            segments.append([])
        else:
            segments[-1].append(tok)
    return [s for s in segments if s] or [[]], negated


def _background(
    sent: Span,
    *,
    name_tokens: set[int],
    region: tuple[int, int, str | None] | None,
    regions: Sequence[tuple[int, int, str | None]],
) -> list[Token]:
    """The sentence's words in the mention's own voice, names left out: the backdrop."""
    return [
        t
        for t in sent
        if t.i not in name_tokens and not t.is_punct and _region(regions, t.idx) == region
    ]


def _predicate(root: Token) -> tuple[Token | None, list[Token]]:
    """The nearest verb or copula above ``root`` (or ``root`` itself) and the tokens between."""
    path: list[Token] = []
    tok = root
    while True:
        if tok.pos_ in PREDICATE_POS or tok.dep_ == "ROOT":
            return tok, path
        if tok.head.i == tok.i:
            return None, path
        path.append(tok)
        tok = tok.head


def _collect(tok: Token, keep: set[int], *, inside: set[int]) -> None:
    """Add ``tok`` and its dependents to ``keep``, skipping separate clauses that do not lead to
    the mention (``inside`` holds the tokens on the way down to it)."""
    keep.add(tok.i)
    for child in tok.children:
        separate = child.dep_ in SEPARATE_CLAUSES and (
            child.dep_ != "conj" or child.pos_ in PREDICATE_POS
        )
        if separate and not _leads_to(child, inside):
            continue
        _collect(child, keep, inside=inside)


def _leads_to(tok: Token, inside: set[int]) -> bool:
    return any(t.i in inside for t in tok.subtree)


def _name_tokens(doc: Doc, mentions: Sequence[EntityMention]) -> set[int]:
    out: set[int] = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _region(
    regions: Sequence[tuple[int, int, str | None]], offset: int
) -> tuple[int, int, str | None] | None:
    """The quotation (start, end, speaker) holding ``offset``, if any."""
    for r in regions:
        if r[0] <= offset < r[1]:
            return r
    return None


def _score(fn, tokens: list[Token]) -> float:
    if not tokens:
        return 0.0
    return fn(" ".join(t.text for t in tokens))[0]


def _combine(scores: list[float], negated: bool) -> float:
    """One polarity from the segments' scores: after a contrast, the last scored segment takes
    :data:`CONTRAST_WEIGHT` of the weight; a governing negation flips (and damps) the result."""
    scored = [s for s in scores if s != 0.0]
    if not scored:
        polarity = 0.0
    elif len(scored) == 1:
        polarity = scored[0]
    else:
        before = sum(scored[:-1]) / len(scored[:-1])
        polarity = CONTRAST_WEIGHT * scored[-1] + (1 - CONTRAST_WEIGHT) * before
    if negated:
        polarity = -NEGATION_FACTOR * polarity
    return max(-1.0, min(1.0, polarity))
