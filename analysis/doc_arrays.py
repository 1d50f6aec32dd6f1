"""Token attributes of a parsed Doc as plain lists, read once per Doc and shared by the extractors.

``for tok in doc`` makes a spaCy ``Token`` object for every token, and ``tok.pos_`` or
``tok.lemma_`` looks its string up again each time. Two extractors walked every token of every
article that way to find a few candidates (speech verbs, proper nouns), and the quote extractor
walked token by token to the nearest line break for each cue: 1.5 million Token objects for 200 BBC
articles (cProfile). :func:`column` reads one attribute of every token with a single
``Doc.to_array`` and keeps it in ``doc.user_data``, so a walk builds Tokens only for the tokens
that pass an integer test; :func:`paragraph_tokens` finds a paragraph's bounds by bisection in the
line breaks, found once per Doc; :func:`capitalised` tells the entity mender which tokens
start with a capital without a Token each, and :func:`strings` gives it the tokens' words;
:func:`tokens_with` finds a walk's candidates (a part of speech and dependency labels) on the
columns, and :func:`sentence_of` answers ``Span.sent`` from sentence bounds found once per Doc
(:func:`share_sentences` makes it the doc's own).
"""

from __future__ import annotations

import bisect

from spacy.attrs import DEP, IDX, POS, SENT_START
from spacy.tokens import Doc, Span

from analysis.nlp import text_of

_KEY = "presslens.arrays"
_BREAKS = "presslens.line_breaks"
_CAPITAL = "presslens.capitalised"
_STRINGS = "presslens.strings"
_SENTENCES = "presslens.sentence_bounds"
_ENTS = "presslens.ents"


def column(doc: Doc, attr: int) -> list[int]:
    """Attribute ``attr`` (a ``spacy.attrs`` id: POS, LEMMA, LOWER ...) of every token, in order."""
    cache = doc.user_data.setdefault(_KEY, {})
    values = cache.get(attr)
    if values is None:
        values = cache[attr] = doc.to_array(attr).tolist()
    return values


def strings(doc: Doc, attr: int) -> list[str]:
    """The string of attribute ``attr`` (``ORTH``: each token's text, ``LOWER`` ...) of every
    token, in order: the entity mender's walks along a name read words without a Token each."""
    cache = doc.user_data.setdefault(_STRINGS, {})
    values = cache.get(attr)
    if values is None:
        store = doc.vocab.strings
        ids = column(doc, attr)
        names = {h: store[h] for h in set(ids)}  # each distinct word looked up once
        values = cache[attr] = [names[h] for h in ids]
    return values


def tokens_with(doc: Doc, pos: int, deps: frozenset[str]) -> list[int]:
    """Indices of the tokens of part of speech ``pos`` (a ``spacy.symbols`` id: PROPN ...) whose
    dependency label is one of ``deps``, in order: a walk over a doc's subjects builds Tokens
    only for them."""
    tags, labels = column(doc, POS), strings(doc, DEP)
    return [i for i, tag in enumerate(tags) if tag == pos and labels[i] in deps]


def sentence_of(span: Span) -> Span:
    """``span.sent`` as spaCy finds it — the sentence of the span's first token — looked up in
    the doc's sentence bounds (found once per Doc) instead of walked to and checked for
    sentence annotation on every call: the extractors ask for a mention's or a token's sentence
    tens of thousands of times per 200 articles. :func:`share_sentences` makes it the doc's
    ``Span.sent`` (and so ``Token.sent``)."""
    doc = span.doc
    bounds = doc.user_data.get(_SENTENCES)
    if bounds is None:
        bounds = doc.user_data[_SENTENCES] = _sentence_bounds(doc)
    before, after = bounds
    # Span() itself: ``doc[a:b]`` checks its bounds in Python first (spacy.util.normalize_slice),
    # and these are in range by construction (a ≤ span.start < b ≤ len(doc)).
    return Span(doc, before[span.start], after[span.start + 1])


def sentences_back(doc: Doc, start: int, n: int) -> int:
    """The first token of the sentence ``n`` sentences before the one starting at token
    ``start`` (or the doc's first sentence, if there are fewer): the start of a window of the
    sentences before a mention that a rule looks back over."""
    for _ in range(n):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token, the last sentence start at or before it (0 if none: spaCy walks back to
    the doc's start); for each position up to the doc's length, the first sentence start at or
    after it (the doc's length if none)."""
    starts = column(doc, SENT_START)
    before, last = [], 0
    for i, start in enumerate(starts):
        if start == 1:
            last = i
        before.append(last)
    n = len(starts)
    after, nxt = [n] * (n + 1), n
    for i in range(n - 1, -1, -1):
        if starts[i] == 1:
            nxt = i
        after[i] = nxt
    return before, after


def share_sentences(doc: Doc) -> None:
    """Have ``doc``'s ``Span.sent`` and ``Token.sent`` answer by :func:`sentence_of` (the same
    spans), for a doc with sentence annotation (without, spaCy's own raises as before)."""
    if len(doc) and doc.has_annotation("SENT_START") and "sent" not in doc.user_span_hooks:
        doc.user_span_hooks["sent"] = sentence_of


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once per Doc: spaCy builds a Span for every entity of the doc on each
    access, and a rule that looks for the entity holding a token asks once per name (the
    extractors never set a doc's entities)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = doc.ents
    return ents


def capitalised(doc: Doc) -> list[bool]:
    """Whether each token's first character is an upper-case letter (``t.text[:1].isupper()``)."""
    capital = doc.user_data.get(_CAPITAL)
    if capital is None:
        text = text_of(doc)
        capital = doc.user_data[_CAPITAL] = [text[i].isupper() for i in column(doc, IDX)]
    return capital


def _line_breaks(doc: Doc) -> list[int]:
    """Indices of the tokens whose text with its trailing whitespace holds a line break."""
    breaks = doc.user_data.get(_BREAKS)
    if breaks is None:
        text = text_of(doc)
        starts = column(doc, IDX)
        # A token's text with its whitespace is the text from its start to the next token's.
        breaks = []
        at = text.find("\n")
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and (not breaks or breaks[-1] != i):
                breaks.append(i)
            at = text.find("\n", at + 1)
        doc.user_data[_BREAKS] = breaks
    return breaks


def paragraph_tokens(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the paragraph token ``i`` sits in: from the token after the last line break
    before it to the first token at or after it that holds one (inclusive)."""
    breaks = _line_breaks(doc)
    k = bisect.bisect_left(breaks, i)
    lo = breaks[k - 1] + 1 if k > 0 else 0
    hi = breaks[k] if k < len(breaks) else len(doc) - 1
    return lo, hi + 1
