"""The learned attitude scorer ("news"): target-aware features of a mention, and a linear model.

The lexicon scorers (TextBlob, VADER) score the words around a name; this module turns what the
attitudes step already knows about a mention into features a multinomial logistic regression
weighs: those two scorers' scores of the governing words and of the sentence's backdrop, the news
lexicon's, the mention's role in its clause and the predicate it is subject or object of ("X
killed …" is not "… killed X"), whether a negation governs it, whether it sits in a quote, and the
lemmas of its dependency neighbourhood, its own modifiers and a small window on either side
(nearer words weigh more). The weights are fitted on NewsMTSC's train split only, by
``bench/fit_attitude_model.py``, and committed as ``analysis/lexicon/attitude_model.tsv`` (one
row per feature: its weight toward negative, neutral, positive); scoring is a sum over the
mention's features and a softmax, so the runtime needs no machine-learning library. The
polarity stored is P(positive) - P(negative), the label the most probable class.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from analysis import lexicon

CLASSES = ("negative", "neutral", "positive")
BIAS = "bias"
# Clause roles, grouped by what happens to the target: the doer of the predicate's action, the
# one it is done to, its owner ("X's ..."), or a name beside another word ("according to X").
AGENT = frozenset({"nsubj", "csubj", "agent"})
PATIENT = frozenset({"dobj", "nsubjpass", "dative", "attr", "oprd"})
WINDOW = 3  # words on either side of the mention that count as its neighbourhood
# Parts of speech that carry an attitude; function words ("the", "of", "was") are left out of
# the word features (they would only learn the corpus's topics).
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "INTJ"})


@functools.cache
def weights() -> Mapping[str, tuple[float, ...]]:
    """Feature name → weights toward :data:`CLASSES`, as committed (read once)."""
    return lexicon.ranges("attitude_model")


@dataclass(frozen=True)
class Shared:
    """The features every mention of one sentence (in one voice) shares — the lemmas of the
    sentence's backdrop — with their weighted sum, computed once per sentence rather than once
    per name (a sentence with five names would otherwise sum the same twenty weights five
    times)."""

    features: Mapping[str, float]
    logits: tuple[float, float, float]


def shared(
    backdrop: Sequence[Token], table: Mapping[str, tuple[float, ...]] | None = None
) -> Shared:
    """The :class:`Shared` features of a sentence's ``backdrop`` (its words in one voice, names
    left out): each content lemma at half weight."""
    return shared_of([t.lemma_.lower() for t in backdrop if t.pos_ in CONTENT_POS], table)


def shared_of(
    lemmas: Sequence[str], table: Mapping[str, tuple[float, ...]] | None = None
) -> Shared:
    """:func:`shared` from the backdrop's content lemmas (lower case), in text order: for a
    caller that has them already."""
    feats = {f"bg={lemma}": 0.5 for lemma in lemmas}
    return Shared(feats, logits(feats, table))


def role_of(span: Span, path: Sequence[Token]) -> str:
    """``agent``, ``patient``, ``owner`` or ``other``: what the mention is to its predicate.
    ``path`` holds the tokens from the mention up to (not including) the predicate."""
    dep = (path[-1] if path else span.root).dep_
    if dep in AGENT:
        return "agent"
    if dep in PATIENT:
        return "patient"
    if dep == "poss":
        return "owner"
    if dep == "pobj" and path and len(path) > 1 and path[-1].lower_ == "by":
        return "agent"  # "was attacked by X"
    return "other"


def features(
    span: Span,
    *,
    predicate: Token | None,
    path: Sequence[Token],
    words: Sequence[Token],
    negated: bool,
    quoted: bool,
    scores: Mapping[str, float],
    name_tokens: set[int],
    tokens: Sequence[Token] | None = None,
) -> dict[str, float]:
    """The features of one mention (its sentence's backdrop words aside: :func:`shared`).
    ``words`` are the governing words (the attitudes step's context), ``scores`` the lexicon
    scores already computed for them and for the backdrop (``gov_textblob``, ``bg_vader`` …),
    ``name_tokens`` the tokens of every name (never a feature: a name carries no attitude),
    ``tokens`` the doc's tokens as a list when the caller has one."""
    f: dict[str, float] = {BIAS: 1.0}
    for key, value in scores.items():
        # The score, and its size: a strong score of either sign says "not neutral".
        f[key] = value
        f[f"abs_{key}"] = abs(value)
    role = role_of(span, path)
    f[f"role={role}"] = 1.0
    if negated:
        f["negated"] = 1.0
    if quoted:
        f["quoted"] = 1.0
    if predicate is not None and predicate.i not in name_tokens:
        lemma = predicate.lemma_.lower()
        f[f"pred={lemma}"] = 1.0
        # The same verb means other things for its doer and its object ("X attacked" / "attacked X").
        f[f"{role}:{lemma}"] = 1.0
        if negated:
            f[f"not:{lemma}"] = 1.0
        # The predicate's own lexicon score, by role: generalises to verbs train never saw.
        f[f"{role}*gov_vader"] = scores.get("gov_vader", 0.0)
    for tok in words:
        if tok.pos_ in CONTENT_POS:
            f[f"w={tok.lemma_.lower()}"] = 1.0
    for tok in span.root.children:
        if (
            tok.i not in name_tokens
            and tok.pos_ in CONTENT_POS
            and not span.start <= tok.i < span.end
        ):
            f[f"mod={tok.lemma_.lower()}"] = 1.0
    doc = tokens if tokens is not None else span.doc
    sent = span.sent
    for side, step, first in (("L", -1, span.start - 1), ("R", 1, span.end)):
        dist, i = 0, first
        while sent.start <= i < sent.end and dist < WINDOW:
            tok = doc[i]
            i += step
            if tok.is_punct or tok.i in name_tokens:
                continue
            dist += 1
            key = f"{side}={tok.lower_}"
            f[key] = max(f.get(key, 0.0), 1.0 / dist)
    return f


def logits(
    feats: Mapping[str, float], table: Mapping[str, tuple[float, ...]] | None = None
) -> tuple[float, float, float]:
    """The weighted sum of ``feats`` toward each class; features the model never saw weigh
    nothing."""
    get = (weights() if table is None else table).get
    z0 = z1 = z2 = 0.0
    for key, value in feats.items():
        w = get(key)
        if w is not None:
            z0 += value * w[0]
            z1 += value * w[1]
            z2 += value * w[2]
    return z0, z1, z2


def predict(
    feats: Mapping[str, float],
    common: Shared | None = None,
    table: Mapping[str, tuple[float, ...]] | None = None,
) -> tuple[float, str]:
    """``(polarity, label)`` of a mention's features and its sentence's ``common`` ones: the
    softmax of the weighted sum, polarity P(positive) - P(negative), label the most probable
    class."""
    z = list(logits(feats, table))
    if common is not None:
        z = [a + b for a, b in zip(z, common.logits, strict=True)]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    p = [v / total for v in e]
    best = max(range(3), key=p.__getitem__)
    return p[2] - p[0], CLASSES[best]
