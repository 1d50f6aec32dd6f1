"""A doc's dependency parse as plain Python lists, for the attitudes step's walks.

The attitudes step (:mod:`analysis.attitudes`) walks the dependency tree around every mention —
up to its predicate, down the predicate's clause, across its own modifiers — and the learned
scorer (:mod:`analysis.attitude_model`) reads the lemmas, tags and neighbours of the words it
finds. Done on spaCy Token objects, each step builds a new one (``doc[i]``, ``tok.head``,
``tok.children`` all do), and that was most of the step's cost; :class:`Parse` reads the doc's
arrays once (:meth:`spacy.tokens.Doc.to_array`) and answers the same questions by token index,
with the same results (the stored attitudes of 200 BBC articles are identical row for row).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy
from spacy.attrs import (
    DEP,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LENGTH,
    LOWER,
    ORTH,
    POS,
    SENT_START,
)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from analysis import doc_arrays, lexicon, nlp, sentiment

NEGATORS = lexicon.words("negators")
CONTRAST = lexicon.words("contrast")
PREDICATE_POS = frozenset({"VERB", "AUX"})
# Clause-level dependents of a predicate that form a separate statement; left out of the context
# of a mention that is not inside them.
# A "conj" only when the conjunct is itself a predicate: "competent but corrupt" stays one phrase.
SEPARATE_CLAUSES = frozenset({"conj", "ccomp", "advcl", "parataxis", "csubj", "relcl"})
# The news lexicon's valences (analysis.attitudes.NEWS_VALENCES says what they are) and VADER's
# normalisation constant: a sum of valences s becomes s / sqrt(s^2 + 15) in (-1, 1).
NEWS_VALENCES = lexicon.numbers("news_sentiment")
NEWS_ALPHA = 15.0
# Parts of speech that carry an attitude; function words ("the", "of", "was") are left out of
# the learned scorer's word features (they would only learn the corpus's topics).
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "INTJ"})


class Parse:
    """A doc's parse as plain lists, read by index; the strings are the Token attributes of
    the same names (``lemma`` in lower case). Built once per doc from :meth:`Doc.to_array`."""

    def __init__(self, doc: Doc) -> None:
        arr = doc.to_array(
            [HEAD, DEP, POS, LEMMA, LOWER, ORTH, IS_PUNCT, IS_SPACE, SENT_START, IDX, LENGTH]
        )
        n = len(arr)
        strings = doc.vocab.strings

        def columns(k: int, *names) -> list[list]:
            # Each distinct value named once (a doc repeats most of its words), and the names
            # spread over the tokens by numpy: a list of a doc's hashes as Python integers
            # cost more than the rest of the column. One column read several ways is sorted
            # into its distinct values once.
            values, at = numpy.unique(arr[:, k], return_inverse=True)
            at, distinct = at.reshape(-1), values.tolist()
            return [
                numpy.array([name(v) for v in distinct], dtype=object)[at].tolist()
                for name in names
            ]

        # HEAD is stored as an offset from the token, in an unsigned column.
        self.head = (arr[:, 0].astype("int64") + numpy.arange(n)).tolist()
        (self.dep,) = columns(1, strings.__getitem__)
        (self.pos,) = columns(2, POS_NAMES.__getitem__)
        # Each token's news-lexicon valence, looked up once per distinct lemma: every group of
        # words the attitudes step scores sums these (news_score), many groups per sentence.
        self.lemma, self.valence = columns(
            3,
            lambda h: strings[h].lower(),
            lambda h: NEWS_VALENCES.get(strings[h].lower(), 0.0),
        )
        # The words, as the entity layer already read them (shared: never changed here)
        self.lower = doc_arrays.strings(doc, LOWER)
        self.text = doc_arrays.strings(doc, ORTH)
        self.is_punct = arr[:, 6].astype(bool).tolist()
        self.is_space = arr[:, 7].astype(bool).tolist()
        self.idx = arr[:, 9].tolist()
        self.length = arr[:, 10].tolist()
        self.doc_text = nlp.text_of(doc)
        # Sentence bounds as Span.sent finds them: back from a span's first token to one that
        # starts a sentence, forward from its end to the next one.
        # (Running maxima and minima over the token array: the same bounds as a loop, in C.)
        starts = arr[:, 8] == 1
        index = numpy.arange(n)
        # The last sentence start at or before each token (0 before the first).
        self.sent_before = numpy.maximum.accumulate(numpy.where(starts, index, 0)).tolist()
        # The first sentence start at or after each position (n after the last; n + 1 entries).
        after = numpy.minimum.accumulate(numpy.where(starts, index, n)[::-1])[::-1]
        self.sent_from = [*after.tolist(), n]
        # Per sentence (its token bounds), its sentiment words: every mention there asks.
        self._sentiment_words: dict[tuple[int, int], list[int]] = {}
        self.children = _Children(arr[:, 0].astype("int64") + index)

    @functools.cached_property
    def vader_valence(self) -> list[float]:
        """Each token's valence in VADER's lexicon (0 for a word it does not list), looked up
        once per distinct word: the learned scorer weighs the words near a mention by it."""
        table = sentiment.vader_lexicon()
        valences = {w: table.get(w, 0.0) for w in set(self.lower)}
        return [valences[w] for w in self.lower]

    def sentiment_words(self, start: int, end: int) -> list[int]:
        """The tokens of ``start:end`` with a VADER or news-lexicon valence (a sentence's few
        sentiment words: the learned scorer measures only their distance to each mention)."""
        found = self._sentiment_words.get((start, end))
        if found is None:
            vader, news = self.vader_valence, self.valence
            found = [i for i in range(start, end) if vader[i] or news[i]]
            self._sentiment_words[(start, end)] = found
        return found

    def tree_distances(self, root: int, tokens: Sequence[int]) -> dict[int, int]:
        """Token index → number of dependency edges to ``root``, for ``tokens`` (of ``root``'s
        sentence: its tree is connected)."""
        head = self.head
        up: dict[int, int] = {}
        i, d = root, 0
        while i not in up:
            up[i] = d
            if head[i] == i:
                break
            i, d = head[i], d + 1
        out: dict[int, int] = {}
        for j in tokens:
            k, steps = j, 0
            while k not in up and head[k] != k:
                k, steps = head[k], steps + 1
            if k in up:
                out[j] = steps + up[k]
        return out

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The token bounds of the sentence of the span ``start:end`` (as ``Span.sent``)."""
        return self.sent_before[start], self.sent_from[end]

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end`` (``Span.text`` but for its trailing space)."""
        last = end - 1
        return self.doc_text[self.idx[start] : self.idx[last] + self.length[last]]

    def predicate(self, root: int) -> tuple[int | None, list[int]]:
        """The nearest verb or copula above ``root`` (or ``root`` itself) and the tokens
        between."""
        path: list[int] = []
        i = root
        while True:
            if self.pos[i] in PREDICATE_POS or self.dep[i] == "ROOT":
                return i, path
            if self.head[i] == i:
                return None, path
            path.append(i)
            i = self.head[i]

    def context(
        self,
        start: int,
        end: int,
        root: int,
        predicate: int | None,
        path: list[int],
        name_tokens: set[int],
        voices: Sequence[int],
    ) -> tuple[list[list[int]], bool]:
        """:func:`analysis.attitudes.context` of the mention ``start:end`` (its root, predicate and path given),
        by token index."""
        keep: set[int] = set()
        if predicate is not None:
            self._collect(predicate, keep, set(path) | {root})
        # The mention's own modifiers ("the embattled X", "X, a respected diplomat").
        self._subtree(root, keep)
        voice = voices[start]
        negated = False
        governing = set(path)
        if predicate is not None:
            governing.add(predicate)
            governing.update(
                c for c in self.children[predicate] if self.dep[c] in ("acomp", "attr", "xcomp")
            )
        words: list[int] = []
        for i in sorted(keep):
            if start <= i < end or i in name_tokens or self.is_punct[i] or self.is_space[i]:
                continue
            if voices[i] != voice:
                continue  # another voice's words (a quotation the mention is not in)
            if self.dep[i] == "neg" or self.lower[i] in NEGATORS:
                if self.head[i] in governing:
                    negated = not negated
                continue
            words.append(i)
        segments: list[list[int]] = [[]]
        for i in words:
            if self.lower[i] in CONTRAST:
                segments.append([])
            else:
                segments[-1].append(i)
        return [s for s in segments if s] or [[]], negated

    def _collect(self, i: int, keep: set[int], inside: set[int]) -> None:
        """Add ``i`` and its dependents to ``keep``, skipping separate clauses that do not
        lead to the mention (``inside`` holds the tokens on the way down to it: the chain of
        heads from the mention up to ``i``, so a clause below ``i`` leads to the mention
        exactly when its own head word is in that chain)."""
        kids, bounds = self.children.flat()
        dep, pos = self.dep, self.pos
        todo = [i]
        while todo:
            j = todo.pop()
            keep.add(j)
            for c in kids[bounds[j] : bounds[j + 1]]:
                d = dep[c]
                if (
                    d in SEPARATE_CLAUSES
                    and (d != "conj" or pos[c] in PREDICATE_POS)
                    and c not in inside
                ):
                    continue
                todo.append(c)

    def _subtree(self, i: int, into: set[int]) -> set[int]:
        """``into`` with ``i`` and every token below it added."""
        kids, bounds = self.children.flat()
        todo = [i]
        while todo:
            j = todo.pop()
            into.add(j)
            todo.extend(kids[bounds[j] : bounds[j + 1]])
        return into

    def news_score(self, indices: Sequence[int]) -> float:
        """:func:`analysis.attitudes.news_score` of the tokens at ``indices``."""
        valence = self.valence
        total = sum([valence[i] for i in indices])
        return total / (total * total + NEWS_ALPHA) ** 0.5 if total else 0.0

    def content_lemmas(self, indices: Sequence[int]) -> list[str]:
        """The lemmas of the content words (:data:`CONTENT_POS`)."""
        return [self.lemma[i] for i in indices if self.pos[i] in CONTENT_POS]


class _Children:
    """Each token's dependents (their indices, in text order: ``Token.children``), as one
    index array cut per head, ``children[i]`` a list made when asked. A list per token, made
    up front, cost most of :class:`Parse`'s construction: a doc of a thousand tokens is a
    thousand lists, and their allocations set off the garbage collector's passes over the
    parse's whole heap; the walks read the dependents of a few hundred of them."""

    __slots__ = ("_kids", "_bounds")

    def __init__(self, heads: numpy.ndarray) -> None:
        n = len(heads)
        index = numpy.arange(n)
        dependent = heads != index  # a sentence's root is its own head: no one's child
        kids, their_heads = index[dependent], heads[dependent]
        order = numpy.argsort(their_heads, kind="stable")  # by head, in text order within one
        self._kids = kids[order].tolist()
        counts = numpy.bincount(their_heads, minlength=n)
        self._bounds = [0, *numpy.cumsum(counts).tolist()]

    def __getitem__(self, i: int) -> list[int]:
        bounds = self._bounds
        return self._kids[bounds[i] : bounds[i + 1]]

    def __len__(self) -> int:
        return len(self._bounds) - 1

    def flat(self) -> tuple[list[int], list[int]]:
        """Every token's dependents in one list and where each token's start (token ``i``'s
        are ``kids[bounds[i]:bounds[i + 1]]``): for a walk over many tokens."""
        return self._kids, self._bounds
