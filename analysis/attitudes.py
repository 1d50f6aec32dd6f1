"""Attitudes: the sentiment a sentence expresses toward each named entity in it, and whose it is.

For every entity mention (from :mod:`analysis.entities`) this module finds the words that govern or
modify the mention in the dependency parse — the nearest predicate above it (the verb or copula of
its clause, "X *was not a success*", "Y *attacked* X") with that clause's own words, and the
mention's own modifiers ("the *brave* X", "X, a *corrupt* official") — and scores them with each
stored scorer. Coordinated clauses, subordinate clauses and quotations that do not contain the
mention are left out, so two names in one sentence get their own attitudes ("A praised X but
attacked Y"). Negation ("not", "no", "never") governing the predicate flips the score; after a
contrast ("but", "yet", "however") the words that follow weigh more than those before. The rest of
the sentence, in the same voice, is added at half weight as the backdrop (a name in a sentence
about a massacre is rarely neutral): the governing words decide when they carry sentiment, and two
names in one sentence still differ. Each scorer's score of a group of words has the news lexicon's
score added (:data:`NEWS_VALENCES`: "accused", "indictment", "resign", which the general lexicons
rate neutral). Beside the two lexicon scorers, a third, learned one ("news",
:mod:`analysis.attitude_model`) weighs features of the same context — those scores, the mention's
role toward its predicate, its neighbouring lemmas — with weights fitted on NewsMTSC train; it
is stored for attitudes only (a quote has no target to judge). Targets are the entity mentions
plus what :mod:`analysis.attitude_targets` adds (a pronoun resolved to the person it stands
for, an untagged titled name). Names are never scored (they carry no attitude, and some are
lexicon words: "Hope", "Justice"). The holder is the
speaker when the mention sits inside a quote (direct or reported), else None: the article's own
voice. A mention inside a quote whose speaker is unknown ("investigators say X hit ...") has
:data:`UNNAMED_HOLDER` as its holder: the attitude is someone's, and None would wrongly make it
the outlet's.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from analysis import attitude_model, attitude_targets, lexicon, sentiment
from analysis.records import Attitude, EntityMention, Quote

log = logging.getLogger(__name__)

# The holder of an attitude quoted from a speaker nobody could name: in brackets, like the
# views' "(the article itself)", so it never passes for a person's name.
UNNAMED_HOLDER = "(an unnamed speaker)"
# Neutral band of each scorer's polarity, fitted on NewsMTSC's train split (bench/eval_sentiment.py
# --fit prints the best band); the evaluation itself runs on the separate devtest_mt split.
THRESHOLDS = {"textblob": 0.02, "vader": 0.07}
NEGATORS = lexicon.words("negators")
CONTRAST = lexicon.words("contrast")
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
# News words the general lexicons rate neutral ("accused", "indictment", "resign", "praise"):
# lemma -> valence on VADER's -4..4 scale, curated by hand, valences fitted on NewsMTSC train
# (bench/fit_news_lexicon.py). Their normalised sum is added to each scorer's score of the same
# words at this weight, fitted on train (macro-F1 there, VADER / TextBlob with the background at
# 0.5: weight 0.5 gives 0.504 / 0.470, 1.0 0.508 / 0.477, 2.0 0.519 / 0.487, 0 0.490 / 0.393).
NEWS_VALENCES = lexicon.numbers("news_sentiment")
NEWS_WEIGHT = 2.0
# VADER's normalisation constant: a sum of valences s becomes s / sqrt(s^2 + 15) in (-1, 1).
NEWS_ALPHA = 15.0


def extract(
    doc: Doc,
    *,
    article_id: str,
    mentions: Sequence[EntityMention],
    quotes: Sequence[Quote],
    scorers: Sequence[str] = sentiment.ATTITUDE_SCORERS,
) -> list[Attitude]:
    """One :class:`Attitude` per entity mention in ``doc`` and scorer, in text order."""
    learned = sentiment.LEARNED_SCORER in scorers
    # The learned scorer reads both lexicon scorers' scores of the same words (its features).
    lexical = [n for n in scorers if n != sentiment.LEARNED_SCORER]
    needed = dict.fromkeys([*lexical, *(sentiment.STORED_SCORERS if learned else ())])
    score_fns = {name: sentiment.get_scorer(name) for name in needed}
    # Resolved pronouns ("he" → the person named before) and untagged names are targets too,
    # and like names they are never scored.
    mentions = attitude_targets.targets(doc, article_id=article_id, mentions=mentions)
    name_tokens = _name_tokens(doc, mentions)
    voices = _voices(doc, quotes)
    tokens = list(doc)  # one Token object per word, built once (doc[i] builds a new one each time)
    # Scores by (scorer, words): names in one sentence share their backdrop, and short contexts
    # repeat ("said", "told reporters"); scoring is most of this step's cost.
    cache: dict[tuple[str, str], float] = {}

    def score(name: str, tokens: list[Token]) -> float:
        text = " ".join(t.text for t in tokens)
        if not text:
            return 0.0
        key = (name, text)
        if key not in cache:
            value = score_fns[name](text)[0] + NEWS_WEIGHT * news_score(tokens)
            cache[key] = max(-1.0, min(1.0, value))
        return cache[key]

    backdrops: dict[tuple[int, int], list[Token]] = {}
    # The learned scorer's features of a backdrop, and its news-lexicon score, likewise.
    commons: dict[tuple[int, int], tuple[attitude_model.Shared, float]] = {}
    out: list[Attitude] = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        voice = voices[span.start]
        holder = (quotes[voice].speaker or UNNAMED_HOLDER) if voice >= 0 else None
        segments, negated = context(span, name_tokens=name_tokens, voices=voices, tokens=tokens)
        sent = span.sent
        # The backdrop: the sentence's words in the mention's own voice, names left out; the
        # same for every mention of that sentence and voice, so built once.
        if (sent.start, voice) not in backdrops:
            backdrops[sent.start, voice] = [
                t
                for t in tokens[sent.start : sent.end]
                if voices[t.i] == voice and t.i not in name_tokens and not t.is_punct
            ]
        rest = backdrops[sent.start, voice]
        sentence = sent.text.strip()
        parts: dict[str, float] = {}
        for name in score_fns:
            parts[f"gov_{name}"] = _combine([score(name, seg) for seg in segments], negated)
            parts[f"bg_{name}"] = score(name, rest)
        labelled: dict[str, tuple[float, str]] = {}
        for name in lexical:
            polarity = parts[f"gov_{name}"] + BACKGROUND_WEIGHT * parts[f"bg_{name}"]
            polarity = max(-1.0, min(1.0, polarity))
            labelled[name] = (
                polarity,
                sentiment.label(polarity, threshold=THRESHOLDS.get(name, 0.1)),
            )
        if learned:
            if (sent.start, voice) not in commons:
                commons[sent.start, voice] = (attitude_model.shared(rest), news_score(rest))
            common, parts["bg_news"] = commons[sent.start, voice]
            words = [t for seg in segments for t in seg]
            parts["gov_news"] = news_score(words)
            predicate, path = _predicate(span.root)
            feats = attitude_model.features(
                span,
                predicate=predicate,
                path=path,
                words=words,
                negated=negated,
                quoted=voice >= 0,
                scores=parts,
                name_tokens=name_tokens,
                tokens=tokens,
            )
            labelled[sentiment.LEARNED_SCORER] = attitude_model.predict(feats, common)
        for name in scorers:
            polarity, label = labelled[name]
            out.append(
                Attitude(
                    article_id=article_id,
                    holder=holder,
                    target=m.name,
                    target_start=m.start,
                    target_end=m.end,
                    polarity=polarity,
                    label=label,
                    sentence=sentence,
                    scorer=name,
                )
            )
    return out


def news_score(tokens: Sequence[Token]) -> float:
    """The news lexicon's polarity of ``tokens`` in (-1, 1): the sum of the valences of their
    lemmas (:data:`NEWS_VALENCES`), normalised as VADER normalises its own sum."""
    total = sum(NEWS_VALENCES.get(t.lemma_.lower(), 0.0) for t in tokens)
    return total / (total * total + NEWS_ALPHA) ** 0.5 if total else 0.0


def context(
    span: Span,
    *,
    name_tokens: set[int] = frozenset(),
    voices: Sequence[int] | None = None,
    tokens: Sequence[Token] | None = None,
) -> tuple[list[list[Token]], bool]:
    """The words that carry the attitude toward ``span``: ``(segments, negated)``, where the
    segments are the context split at contrast markers (in text order) and ``negated`` says
    whether a negation governs the predicate. Tokens of names, negators and words in another
    voice (``voices``: per token, the quote it sits in, -1 for none) are left out. ``tokens``:
    the doc's tokens as a list, when the caller has one (indexing a Doc builds a Token each
    time, the larger part of this function's cost)."""
    root = span.root
    predicate, path = _predicate(root)
    keep: set[int] = set()
    if predicate is not None:
        _collect(predicate, keep, inside=set(t.i for t in path) | {root.i})
    # The mention's own modifiers ("the embattled X", "X, a respected diplomat").
    for tok in root.subtree:
        keep.add(tok.i)
    own = set(range(span.start, span.end))
    doc = tokens if tokens is not None else span.doc
    voice = voices[span.start] if voices is not None else -1
    negated = False
    governing = {t.i for t in path} | ({predicate.i} if predicate is not None else set())
    if predicate is not None:
        governing |= {c.i for c in predicate.children if c.dep_ in ("acomp", "attr", "xcomp")}
    words: list[Token] = []
    for i in sorted(keep):
        tok = doc[i]
        if i in own or i in name_tokens or tok.is_punct or tok.is_space:
            continue
        if voices is not None and voices[i] != voice:
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


def _voices(doc: Doc, quotes: Sequence[Quote]) -> list[int]:
    """For each token, the index of the quote it sits in (the first, if two overlap), or -1."""
    voices = [-1] * len(doc)
    for k, q in enumerate(quotes):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            if voices[i] == -1:
                voices[i] = k
    return voices


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
