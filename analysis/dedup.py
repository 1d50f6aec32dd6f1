"""Recognising near-duplicate articles across a corpus (syndicated copies of one wire story).

A wire story republished by ten outlets, each with a different standfirst or footer, would count
ten times in every chart. :class:`NearDuplicateIndex` keeps a MinHash signature of every original
article and answers, for a new article, which stored original it copies (estimated Jaccard
similarity of word 5-shingles at or above ``threshold``), through locality-sensitive hashing: a
signature is cut into bands, and only articles sharing a whole band with the new one are compared.
Exact copies never get here: they share an article id. Two versions of one story — an outlet's
update, a paragraph added or a quote changed — share their headline and outlet, and count as one
story at a lower similarity (:data:`VERSION_THRESHOLD`) than copies from anywhere.

The MinHash and the banding are datasketch's (its ``MinHash`` with the "affine32" scheme and
``MinHashLSH``), written out here in a few lines of numpy: importing datasketch imports SciPy, a
second of every run's start-up, for an integral it evaluates once to choose the bands. The
signatures are bit for bit the ones datasketch computes (stored signatures stay comparable) and the
bands the ones it chooses; tests/test_dedup.py checks both against datasketch itself.
"""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np

NUM_PERM = 64
DEFAULT_THRESHOLD = 0.8
# Below this many words, two short texts share too few shingles for a reliable estimate.
MIN_WORDS = 40
SHINGLE_WORDS = 5
# Fixed explicitly: stored signatures are only comparable under the scheme that made them.
SCHEME = "affine32"
# datasketch's permutation seed (its MinHash default), which the stored signatures were made with.
SEED = 1
# Bands × rows per band for NUM_PERM and DEFAULT_THRESHOLD: what datasketch's MinHashLSH chooses by
# minimising the integrated false-positive and false-negative probabilities (equal weights); the
# test recomputes them with datasketch.
BANDS, ROWS = 5, 11

# Under one outlet's one headline, a text is a version of the story at this similarity: the BBC's
# "Brown names 16 March for Budget" twice, its update adding a shadow chancellor's quote, shared
# an estimated 0.64 of their shingles; 9 pairs of FA-KES + BBC (8 of the BBC's) share 0.62-0.83
# under one headline, each counted twice until then (0.83: a copy the bands had not met).
VERSION_THRESHOLD = 0.5
# A headline of fewer words ("Letters", "In brief") is a column's, shared by different stories.
MIN_TITLE_WORDS = 3

_WORD = re.compile(r"\w+")
# MurmurHash3's 32-bit finalizer (datasketch's pre-mix of each shingle hash).
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h → a·h + b (mod 2³², a odd), drawn as datasketch draws them."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _hashvalues(text: str) -> np.ndarray | None:
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    # The first 4 bytes of each shingle's SHA-1, little-endian (datasketch's sha1_hash32).
    digests = b"".join(
        hashlib.sha1(" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")).digest()[:4]
        for i in range(len(words) - SHINGLE_WORDS + 1)
    )
    hv = np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1)
    s1, m1, s2, m2 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s1)
    a, b = _permutations()
    # uint32 arithmetic wraps around: that wrap is the "mod 2³²" of the permutation.
    return (hv * a + b).min(axis=0)


def signature_bytes(text: str) -> bytes | None:
    """The MinHash signature of ``text`` as bytes (stored with the article), or None if too short."""
    values = _hashvalues(text)
    return None if values is None else values.astype("<u8").tobytes()


def title_key(source: str | None, title: str | None) -> tuple[str, str] | None:
    """The outlet and headline under which two texts are versions of one story (case and spacing
    aside), or None when either is missing or the headline is too short to tell stories apart."""
    if not source or not title:
        return None
    words = title.lower().split()
    if len(words) < MIN_TITLE_WORDS:
        return None
    return source.strip().lower(), " ".join(words)


def _from_bytes(signature: bytes) -> np.ndarray:
    return np.frombuffer(signature, dtype="<u8").astype(np.uint32)


def _bands(values: np.ndarray) -> list[bytes]:
    return [values[i * ROWS : (i + 1) * ROWS].tobytes() for i in range(BANDS)]


class NearDuplicateIndex:
    """An in-memory LSH index of original articles, seeded from the store at the start of a run."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        if threshold != DEFAULT_THRESHOLD:
            # BANDS and ROWS are tuned for the default; another threshold needs its own bands.
            raise ValueError(f"the bands are chosen for threshold {DEFAULT_THRESHOLD} only")
        self.threshold = threshold
        self._buckets: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]
        self._sigs: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}
        self._titled: dict[tuple[str, str], list[str]] = {}  # title_key → indexed ids

    def __len__(self) -> int:
        return len(self._sigs)

    def add(
        self, article_id: str, signature: bytes | None, key: tuple[str, str] | None = None
    ) -> None:
        """Index an original article by its stored signature (None: too short to index), and
        by its outlet's headline (:func:`title_key`) when given."""
        if signature is None:
            return
        self.add_title(article_id, key)
        if article_id in self._sigs:
            return
        values = _from_bytes(signature)
        for bucket, key in zip(self._buckets, _bands(values), strict=True):
            bucket.setdefault(key, []).append(article_id)
        self._sigs[article_id] = values
        self._order[article_id] = len(self._order)

    def add_title(self, article_id: str, key: tuple[str, str] | None) -> None:
        """Note the outlet's headline of an indexed (or about to be indexed) article."""
        if key is not None and article_id not in self._titled.get(key, ()):
            self._titled.setdefault(key, []).append(article_id)

    def original_of(
        self, article_id: str, signature: bytes | None, key: tuple[str, str] | None = None
    ) -> str | None:
        """The id of an indexed article that the text with ``signature`` nearly duplicates — or,
        under the same outlet's headline ``key``, is another version of — the most similar
        one, the first indexed among equals."""
        if signature is None:
            return None
        values = _from_bytes(signature)
        candidates: set[str] = set()
        for bucket, band in zip(self._buckets, _bands(values), strict=True):
            candidates.update(bucket.get(band, ()))
        versions = {i for i in self._titled.get(key, ()) if i in self._sigs} if key else set()
        best, best_score = None, 0.0
        for candidate in sorted(candidates | versions, key=self._order.__getitem__):
            if candidate == article_id:
                continue
            score = np.count_nonzero(values == self._sigs[candidate]) / NUM_PERM
            least = VERSION_THRESHOLD if candidate in versions else self.threshold
            if score >= least and score > best_score:
                best, best_score = candidate, score
        return best
