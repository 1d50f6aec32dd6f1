"""The learned attitude scorer ("news"): target-aware features of a mention, and a linear model.

The lexicon scorers (TextBlob, VADER) score the words around a name; this module turns what the
attitudes step already knows about a mention into features a multinomial logistic regression
weighs: those two scorers' scores of the governing words and of the sentence's backdrop, the news
lexicon's, the mention's role in its clause and the predicate it is subject or object of ("X
killed …" is not "… killed X"), whether a negation governs it, whether it sits in a quote (and
whether that quote's speaker is unnamed), whether the word governing it opposes it ("the fight
*against* X": :mod:`analysis.attitude_opposition`; the governing words' positive scores are then
turned negative, since they praise the effort against X), and the lemmas of its dependency
neighbourhood, its own modifiers and a small window on either side (nearer words weigh more), and
its surroundings beyond its clause: the word it hangs from ("thanks *to* X"), the sentence's
sentiment words weighed by their distance from it in the parse, and the quotes it speaks or
stands beside (:func:`analysis.attitudes.speech_features`). The weights are fitted on NewsMTSC's
train split only, by ``bench/fit_attitude_model.py``, and committed as
``analysis/lexicon/attitude_model.tsv`` (one row per feature: its weight toward negative,
neutral, positive); scoring is a sum over the mention's features and a softmax, so the runtime
needs no machine-learning library. The polarity stored is P(positive) - P(negative), the label
the most probable class.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from analysis import attitude_opposition, attitude_parse, lexicon

CLASSES = ("negative", "neutral", "positive")
BIAS = "bias"
# Clause roles, grouped by what happens to the target: the doer of the predicate's action, the
# one it is done to, its owner ("X's ..."), or a name beside another word ("according to X").
AGENT = frozenset({"nsubj", "csubj", "agent"})
PATIENT = frozenset({"dobj", "nsubjpass", "dative", "attr", "oprd"})
WINDOW = 3  # words on either side of the mention that count as its neighbourhood
CONTENT_POS = attitude_parse.CONTENT_POS  # the parts of speech whose lemmas are features


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
    return role_at(attitude_parse.Parse(span.doc), span.root.i, [t.i for t in path])


def features(
    span: Span,
    *,
    predicate: Token | None,
    path: Sequence[Token],
    words: Sequence[Token],
    negated: bool,
    quoted: bool,
    unnamed: bool = False,
    scores: Mapping[str, float],
    name_tokens: set[int],
) -> dict[str, float]:
    """The features of one mention (its sentence's backdrop words aside: :func:`shared`).
    ``words`` are the governing words (the attitudes step's context), ``scores`` the lexicon
    scores already computed for them and for the backdrop (``gov_textblob``, ``bg_vader`` …),
    ``name_tokens`` the tokens of every name (never a feature: a name carries no attitude).
    :func:`features_at` on the doc's parse, by token index."""
    return features_at(
        attitude_parse.Parse(span.doc),
        span.start,
        span.end,
        span.root.i,
        predicate=None if predicate is None else predicate.i,
        path=[t.i for t in path],
        words=[t.i for t in words],
        negated=negated,
        quoted=quoted,
        unnamed=unnamed,
        scores=scores,
        name_tokens=name_tokens,
    )


def role_at(parse: attitude_parse.Parse, root: int, path: Sequence[int]) -> str:
    """:func:`role_of` by token index: the dependency of the last token before the predicate
    (the mention's own, when it is the predicate's direct dependent)."""
    last = path[-1] if path else root
    dep = parse.dep[last]
    if dep in AGENT:
        return "agent"
    if dep in PATIENT:
        return "patient"
    if dep == "poss":
        return "owner"
    if dep == "pobj" and path and len(path) > 1 and parse.lower[last] == "by":
        return "agent"  # "was attacked by X"
    return "other"


def features_at(
    parse: attitude_parse.Parse,
    start: int,
    end: int,
    root: int,
    *,
    predicate: int | None,
    path: Sequence[int],
    words: Sequence[int],
    negated: bool,
    quoted: bool,
    unnamed: bool = False,
    scores: Mapping[str, float],
    name_tokens: set[int],
) -> dict[str, float]:
    """:func:`features` of the mention ``start:end`` (``root`` its head token), with its
    predicate, the path up to it and the governing words as token indices of ``parse``."""
    f: dict[str, float] = {BIAS: 1.0}
    opposer = attitude_opposition.governor(parse, root)
    if opposer is not None:
        # "the successful fight against X", "welcomed the strikes on X": the governing words
        # praise the effort against X, which says nothing good of X. Their positive scores are
        # turned negative (a negative one, "the brutal war on X", "protests against X", stays):
        # NewsMTSC train has too few such targets (194 of 6,544) to learn the turn by itself.
        scores = {
            key: -abs(value) if key.startswith("gov_") else value for key, value in scores.items()
        }
    for key, value in scores.items():
        # The score, and its size: a strong score of either sign says "not neutral".
        f[key] = value
        f[f"abs_{key}"] = abs(value)
    role = role_at(parse, root, path)
    f[f"role={role}"] = 1.0
    if negated:
        f["negated"] = 1.0
    if quoted:
        f["quoted"] = 1.0
    if unnamed:
        # Quoted from someone nobody could name: in news, mostly accusers ("prosecutors say",
        # "a source said"), a voice apart from the named speakers'.
        f["unnamed"] = 1.0
    if opposer is not None:
        f["opposed"] = 1.0
        f[f"opp={opposer}"] = 1.0
        for key, value in scores.items():
            if key.startswith("gov_"):
                f[f"opposed*{key}"] = value
    pos, lemma_of = parse.pos, parse.lemma
    if predicate is not None and predicate not in name_tokens:
        lemma = lemma_of[predicate]
        f[f"pred={lemma}"] = 1.0
        # The same verb means other things for its doer and its object ("X attacked" / "attacked X").
        f[f"{role}:{lemma}"] = 1.0
        if negated:
            f[f"not:{lemma}"] = 1.0
        # The predicate's own lexicon score, by role: generalises to verbs train never saw.
        f[f"{role}*gov_vader"] = scores.get("gov_vader", 0.0)
    for i in words:
        if pos[i] in CONTENT_POS:
            f[f"w={lemma_of[i]}"] = 1.0
    for i in parse.children[root]:
        if i not in name_tokens and pos[i] in CONTENT_POS and not start <= i < end:
            f[f"mod={lemma_of[i]}"] = 1.0
    head = parse.head[root]
    if head != root and head not in name_tokens:
        # The word the mention hangs from, with the mention's role under it ("thanks to X",
        # "support for X", "X's success"), and for a prepositional object the word the
        # preposition hangs from ("to>thanks", "for>support").
        f[f"h={parse.dep[root]}>{lemma_of[head]}"] = 1.0
        above = parse.head[head]
        if parse.dep[root] == "pobj" and above != head and above not in name_tokens:
            f[f"h2={lemma_of[head]}>{lemma_of[above]}"] = 1.0
    sent_start, sent_end = parse.sentence(start, end)
    # The sentence's sentiment words weighed by how near they are to the mention in the parse
    # (one edge: its own modifier or verb; four: another clause): the lexicon scores above
    # take all governing words alike, and a word train never saw as a feature still counts.
    vader, news = parse.vader_valence, parse.valence
    sums = {"tv_pos": 0.0, "tv_neg": 0.0, "tn_pos": 0.0, "tn_neg": 0.0}
    words_of = parse.sentiment_words(sent_start, sent_end)
    for j, d in parse.tree_distances(root, words_of).items():
        if d == 0 or j in name_tokens or start <= j < end:
            continue
        for key, v in (("tv", vader[j]), ("tn", news[j])):
            if v:
                sums[f"{key}_pos" if v > 0 else f"{key}_neg"] += v / d
    for key, total in sums.items():
        if total:
            f[key] = total / (total * total + attitude_parse.NEWS_ALPHA) ** 0.5
    for side, step, first in (("L", -1, start - 1), ("R", 1, end)):
        dist, i = 0, first
        while sent_start <= i < sent_end and dist < WINDOW:
            j = i
            i += step
            if parse.is_punct[j] or j in name_tokens:
                continue
            dist += 1
            key = f"{side}={parse.lower[j]}"
            f[key] = max(f.get(key, 0.0), 1.0 / dist)
    return f


@functools.cache
def _lookup() -> dict[str, tuple[float, ...]]:
    """:func:`weights` as a plain dict, for :func:`logits` alone (never changed): a read-only
    mapping's ``get`` costs twice a dict's, and the scorer makes one per feature of every
    mention."""
    return dict(weights())


def logits(
    feats: Mapping[str, float], table: Mapping[str, tuple[float, ...]] | None = None
) -> tuple[float, float, float]:
    """The weighted sum of ``feats`` toward each class; features the model never saw weigh
    nothing."""
    get = (_lookup() if table is None else table).get
    z0 = z1 = z2 = 0.0
    # The weights looked up by map (in C), then summed in the features' order as before.
    for w, value in zip(map(get, feats), feats.values(), strict=True):
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
    p = _probabilities(feats, common, table)
    best = max(range(3), key=p.__getitem__)
    return p[2] - p[0], CLASSES[best]


def probabilities(
    feats: Mapping[str, float],
    common: Shared | None = None,
    table: Mapping[str, tuple[float, ...]] | None = None,
) -> tuple[float, float, float]:
    """The model's probability of each of :data:`CLASSES` for a mention: the softmax of the
    weighted sum of its features and its sentence's ``common`` ones (what the encoder's head
    reads; a fitting script that records this call sees the encoder's, never :func:`predict`'s)."""
    return _probabilities(feats, common, table)


def _probabilities(
    feats: Mapping[str, float],
    common: Shared | None,
    table: Mapping[str, tuple[float, ...]] | None,
) -> tuple[float, float, float]:
    z = list(logits(feats, table))
    if common is not None:
        z = [a + b for a, b in zip(z, common.logits, strict=True)]
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return e[0] / total, e[1] / total, e[2] / total
