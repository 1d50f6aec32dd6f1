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
role toward its predicate, its neighbouring lemmas, the quotes it speaks or stands beside
(:func:`speech_features`) — with weights fitted on NewsMTSC train; it
is stored for attitudes only (a quote has no target to judge). Targets are the entity mentions
plus what :mod:`analysis.attitude_targets` adds (a pronoun or a role description resolved to
the person it stands for, an untagged name its syntax vouches for). Names are never scored (they carry no attitude, and some are
lexicon words: "Hope", "Justice"). The holder is the
speaker when the mention sits inside a quote (direct or reported), else None: the article's own
voice. A mention inside a quote whose speaker is unknown ("investigators say X hit ...") has
:data:`UNNAMED_HOLDER` as its holder: the attitude is someone's, and None would wrongly make it
the outlet's.
"""

from __future__ import annotations

import collections
import logging
from collections.abc import Sequence

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from analysis import (
    attitude_encoder,
    attitude_model,
    attitude_parse,
    attitude_targets,
    doc_arrays,
    sentiment,
    token_sentiment,
)
from analysis import quotes as quotes_mod
from analysis.nlp import text_of
from analysis.records import Attitude, EntityMention, Quote

log = logging.getLogger(__name__)

# The holder of an attitude quoted from a speaker nobody could name: in brackets, like the
# views' "(the article itself)", so it never passes for a person's name.
UNNAMED_HOLDER = "(an unnamed speaker)"
# Neutral band of each scorer's polarity, fitted on NewsMTSC's train split (bench/eval_sentiment.py
# --fit prints the best band); the evaluation itself runs on the separate devtest_mt split.
THRESHOLDS = {"textblob": 0.02, "vader": 0.07}
# Negators, contrast markers, predicates and separate clauses: the parse walk's (attitude_parse).
NEGATORS = attitude_parse.NEGATORS
CONTRAST = attitude_parse.CONTRAST
CONTRAST_WEIGHT = 0.75  # share of the score taken by the part after the contrast
NEGATION_FACTOR = 0.75  # "not good" is less bad than "bad" is bad
SEPARATE_CLAUSES = attitude_parse.SEPARATE_CLAUSES
PREDICATE_POS = attitude_parse.PREDICATE_POS
# The rest of the sentence (in the same voice, names left out) is the backdrop the attitude sits
# in: it counts at this weight beside the governing words, which decide when they carry
# sentiment. 0.5 fitted on NewsMTSC train (0: 0.47, 0.3: 0.475, 0.6: 0.476, 1.0: 0.477 macro-F1
# for VADER; a weight near the governing words' own would copy the sentence's score onto every
# name, which is what this module exists not to do).
BACKGROUND_WEIGHT = 0.5
# A nationality or people word in these roles only describes a noun ("the Syrian army"): no target.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# Endings of nationality and people adjectives ("Syrian", "Kurdish", "Lebanese", "Iraqi",
# "Slavic"); a name the model tags NORP and uses attributively ("the Ghani administration",
# "anti-Trump") is someone, and stays a target.
DEMONYM_ENDINGS = ("an", "ish", "ese", "i", "ic")
# News words the general lexicons rate neutral ("accused", "indictment", "resign", "praise"):
# lemma -> valence on VADER's -4..4 scale, curated by hand, valences fitted on NewsMTSC train
# (bench/fit_news_lexicon.py). Their normalised sum is added to each scorer's score of the same
# words at this weight, fitted on train (macro-F1 there, VADER / TextBlob with the background at
# 0.5: weight 0.5 gives 0.504 / 0.470, 1.0 0.508 / 0.477, 2.0 0.519 / 0.487, 0 0.490 / 0.393).
NEWS_VALENCES = attitude_parse.NEWS_VALENCES
NEWS_WEIGHT = 2.0
NEWS_ALPHA = attitude_parse.NEWS_ALPHA


def extract(
    doc: Doc,
    *,
    article_id: str,
    mentions: Sequence[EntityMention],
    quotes: Sequence[Quote],
    scorers: Sequence[str] | None = None,
) -> list[Attitude]:
    """One :class:`Attitude` per entity mention in ``doc`` and scorer, in text order. The
    scorers are :data:`~analysis.sentiment.DEFAULT_ATTITUDE_SCORERS`, and the encoder too
    inside :func:`analysis.attitude_encoder.enabled`, unless ``scorers`` names them."""
    if scorers is None:
        scorers = sentiment.DEFAULT_ATTITUDE_SCORERS
        if attitude_encoder.is_enabled():
            scorers = (*scorers, sentiment.ENCODER_SCORER)
    encoded = sentiment.ENCODER_SCORER in scorers
    # The encoder's head reads the learned scorer's probabilities, and the learned scorer both
    # lexicon scorers' scores of the same words (their features).
    learned = sentiment.LEARNED_SCORER in scorers or encoded
    lexical = [n for n in scorers if n not in (sentiment.LEARNED_SCORER, sentiment.ENCODER_SCORER)]
    needed = dict.fromkeys([*lexical, *(sentiment.STORED_SCORERS if learned else ())])
    # Scorers of groups of tokens: the text scorers' numbers, the per-word work done once.
    score_fns = {name: token_sentiment.get(name) for name in needed}
    # Resolved pronouns ("he" → the person named before) and untagged names are targets too,
    # and like names they are never scored.
    mentions = attitude_targets.targets(
        doc, article_id=article_id, mentions=mentions, quotes=quotes
    )
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions]
    name_tokens = {i for span in spans if span is not None for i in range(span.start, span.end)}
    voices = _voices(doc, quotes)
    parse = attitude_parse.Parse(doc)
    # Each quote's speaker (characters as written) and sentence: what a target says itself,
    # and what others say around it, are the learned scorer's features (speech_features).
    spoken = [q for q in quotes if q.speaker_start is not None and q.speaker_end is not None]
    # Scores by words: names in one sentence share their backdrop, and short contexts repeat
    # ("said", "told reporters"). A group of words is joined, scored by each scorer and looked
    # up in the news lexicon once, the first time it comes (as the scorers see it then).
    cache: dict[str, dict[str, float]] = {}

    def score(indices: list[int]) -> dict[str, float]:
        tokens = [parse.text[i] for i in indices]
        text = " ".join(tokens)
        if not text:
            return _ZERO
        found = cache.get(text)
        if found is None:
            news = NEWS_WEIGHT * parse.news_score(indices)
            found = {
                name: max(-1.0, min(1.0, fn(tokens)[0] + news)) for name, fn in score_fns.items()
            }
            cache[text] = found
        return found

    # Per sentence and voice: the backdrop (the sentence's words in that voice, names left
    # out), its scores, and the learned scorer's features of it with its news-lexicon score;
    # the same for every mention there, so built once.
    backdrops: dict[tuple[int, int], tuple[list[int], dict[str, float]]] = {}
    commons: dict[tuple[int, int], tuple[attitude_model.Shared, float]] = {}
    sentences: dict[int, str] = {}
    out: list[Attitude] = []
    # Each scored mention with its labels, and what the encoder is to read (in the same order).
    found: list[tuple[EntityMention, str | None, str, dict[str, tuple[float, str]]]] = []
    to_encode: list[attitude_encoder.Target] = []
    for m, span in zip(mentions, spans, strict=True):
        if span is None or len(span) == 0:
            continue
        if m.label == "NORP" and _nationality_modifier(span):
            # "the Syrian army", "Russian jets": the words are about the army or the jets, and
            # one "Syrian" column would lump the government and its opponents together
            continue
        voice = voices[span.start]
        holder = (quotes[voice].speaker or UNNAMED_HOLDER) if voice >= 0 else None
        root = span.root.i
        predicate, path = parse.predicate(root)
        segments, negated = parse.context(
            span.start, span.end, root, predicate, path, name_tokens, voices
        )
        sent_start, sent_end = parse.sentence(span.start, span.end)
        key = (sent_start, voice)
        if key not in backdrops:
            rest = [
                i
                for i in range(sent_start, sent_end)
                if voices[i] == voice and i not in name_tokens and not parse.is_punct[i]
            ]
            backdrops[key] = rest, score(rest)
        rest, rest_scores = backdrops[key]
        if sent_start not in sentences:
            sentences[sent_start] = parse.span_text(sent_start, sent_end).strip()
        sentence = sentences[sent_start]
        seg_scores = [score(seg) for seg in segments]
        parts: dict[str, float] = {}
        for name in score_fns:
            parts[f"gov_{name}"] = _combine([s[name] for s in seg_scores], negated)
            parts[f"bg_{name}"] = rest_scores[name]
        labelled: dict[str, tuple[float, str]] = {}
        for name in lexical:
            polarity = parts[f"gov_{name}"] + BACKGROUND_WEIGHT * parts[f"bg_{name}"]
            polarity = max(-1.0, min(1.0, polarity))
            labelled[name] = (
                polarity,
                sentiment.label(polarity, threshold=THRESHOLDS.get(name, 0.1)),
            )
        if learned:
            if key not in commons:
                commons[key] = (
                    attitude_model.shared_of(parse.content_lemmas(rest)),
                    parse.news_score(rest),
                )
            common, parts["bg_news"] = commons[key]
            words = [i for seg in segments for i in seg]
            parts["gov_news"] = parse.news_score(words)
            feats = attitude_model.features_at(
                parse,
                span.start,
                span.end,
                root,
                predicate=predicate,
                path=path,
                words=words,
                negated=negated,
                quoted=voice >= 0,
                unnamed=holder == UNNAMED_HOLDER,
                scores=parts,
                name_tokens=name_tokens,
            )
            feats.update(
                speech_features(
                    m,
                    quotes,
                    spoken,
                    voice=voice,
                    sentence=(parse.idx[sent_start], parse.idx[sent_end - 1]),
                )
            )
            labelled[sentiment.LEARNED_SCORER] = attitude_model.predict(feats, common)
            if encoded:
                to_encode.append(
                    attitude_encoder.Target(
                        sentence=(
                            parse.idx[sent_start],
                            parse.idx[sent_end - 1] + parse.length[sent_end - 1],
                        ),
                        start=m.start,
                        end=m.end,
                        news=attitude_model.probabilities(feats, common),
                    )
                )
        found.append((m, holder, sentence, labelled))
    if encoded:  # every sentence of the article with a target, encoded in one go
        scores = iter(attitude_encoder.score(text_of(doc), to_encode))
        for *_, labelled in found:
            labelled[sentiment.ENCODER_SCORER] = next(scores)
    for m, holder, sentence, labelled in found:
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


_ZERO: dict[str, float] = collections.defaultdict(float)  # the scores of no words: all 0.0


def speech_features(
    mention: EntityMention,
    quotes: Sequence[Quote],
    spoken: Sequence[Quote],
    *,
    voice: int,
    sentence: tuple[int, int],
) -> dict[str, float]:
    """The learned scorer's features of what is said around ``mention``: when it is the speaker
    of quotes (``spoken``: the quotes with a speaker span), their TextBlob and VADER scores
    ("X said: we will win" — the words are not in X's own voice, so the parse walk never sees
    them, yet they are how the sentence shows X); and the scores of the other quotes of its
    sentence (``sentence``: its first and last token's character offsets), neither its own
    voice (``voice``: the index of the quote it sits in, -1 for none) nor its own words."""
    f: dict[str, float] = {}
    own = [q for q in spoken if q.speaker_start < mention.end and q.speaker_end > mention.start]
    if own:
        f["spoke"] = 1.0
        f["spoke_textblob"] = sum(q.polarity for q in own) / len(own)
        f["spoke_vader"] = sum(q.polarity_vader for q in own) / len(own)
    lo, hi = sentence
    others = [
        q
        for k, q in enumerate(quotes)
        if k != voice and q.start <= hi and q.end > lo and all(q is not o for o in own)
    ]
    if others:
        f["oq_textblob"] = sum(q.polarity for q in others) / len(others)
        f["oq_vader"] = sum(q.polarity_vader for q in others) / len(others)
    return f


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
) -> tuple[list[list[Token]], bool]:
    """The words that carry the attitude toward ``span``: ``(segments, negated)``, where the
    segments are the context split at contrast markers (in text order) and ``negated`` says
    whether a negation governs the predicate. Tokens of names, negators and words in another
    voice (``voices``: per token, the quote it sits in, -1 for none) are left out. The walk
    itself is :meth:`analysis.attitude_parse.Parse.context`."""
    doc = span.doc
    parse = attitude_parse.Parse(doc)
    root = span.root.i
    predicate, path = parse.predicate(root)
    voices = voices if voices is not None else [-1] * len(doc)
    segments, negated = parse.context(
        span.start, span.end, root, predicate, path, set(name_tokens), voices
    )
    return [[doc[i] for i in seg] for seg in segments], negated


def _voices(doc: Doc, quotes: Sequence[Quote]) -> list[int]:
    """For each token, the index of the quote it sits in (the first, if two overlap), or -1.

    The narrator's words inside a quote's span are nobody's voice but the article's: a direct
    quotation interrupted by its cue is one record (“A,” said X, the bank's chief. “B.”), and a
    quote's own speaker named inside its span (reported speech whose clause took the speaker
    in) is the narrator's naming of them, not something they say about themselves."""
    voices = [-1] * len(doc)
    text = text_of(doc)
    starts = doc_arrays.column(doc, IDX)  # each token's offset, without a Token per word
    for k, q in enumerate(quotes):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        narrated = quotes_mod.narrated_ranges(text, q)
        for i in range(span.start, span.end):
            at = starts[i]
            if voices[i] == -1 and not any(lo <= at < hi for lo, hi in narrated):
                voices[i] = k
    return voices


def _nationality_modifier(span: Span) -> bool:
    """Whether the NORP mention ``span`` is one nationality or people adjective describing a
    noun ("the *Syrian* army", "*Russian* jets")."""
    if len(span) != 1:
        return False
    tok = span[0]
    return (
        tok.dep_ in MODIFIER_DEPS
        and tok.tag_ == "JJ"
        and tok.lower_.endswith(DEMONYM_ENDINGS)
        and "-" not in tok.text
    )


def _predicate(root: Token) -> tuple[Token | None, list[Token]]:
    """The nearest verb or copula above ``root`` (or ``root`` itself) and the tokens between."""
    doc = root.doc
    predicate, path = attitude_parse.Parse(doc).predicate(root.i)
    return (None if predicate is None else doc[predicate]), [doc[i] for i in path]


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
