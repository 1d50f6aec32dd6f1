"""Recognising near-duplicate articles across a corpus (syndicated copies of one wire story).

A wire story republished by ten outlets, each with a different standfirst or footer, would count
ten times in every chart. :class:`NearDuplicateIndex` keeps a MinHash signature of every original
article (datasketch's MinHash LSH) and answers, for a new article, which stored original it copies
(estimated Jaccard similarity of word 5-shingles at or above ``threshold``). Exact copies never get
here: they share an article id.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
DEFAULT_THRESHOLD = 0.8
# Below this many words, two short texts share too few shingles for a reliable estimate.
MIN_WORDS = 40
SHINGLE_WORDS = 5
# Fixed explicitly: stored signatures are only comparable under the scheme that made them.
SCHEME = "affine32"


def _signature(text: str) -> MinHash | None:
    words = re.findall(r"\w+", text.lower())
    if len(words) < MIN_WORDS:
        return None
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    )
    return mh


def signature_bytes(text: str) -> bytes | None:
    """The MinHash signature of ``text`` as bytes (stored with the article), or None if too short."""
    sig = _signature(text)
    return None if sig is None else sig.hashvalues.astype("<u8").tobytes()


def _from_bytes(signature: bytes) -> MinHash:
    values = np.frombuffer(signature, dtype="<u8")
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """An in-memory LSH index of original articles, seeded from the store at the start of a run."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, article_id: str, signature: bytes | None) -> None:
        """Index an original article by its stored signature (None: too short to index)."""
        if signature is None or article_id in self._sigs:
            return
        sig = _from_bytes(signature)
        self._lsh.insert(article_id, sig)
        self._sigs[article_id] = sig

    def original_of(self, article_id: str, signature: bytes | None) -> str | None:
        """The id of an indexed article that the text with ``signature`` nearly duplicates."""
        if signature is None:
            return None
        sig = _from_bytes(signature)
        best, best_score = None, 0.0
        for candidate in self._lsh.query(sig):
            if candidate == article_id:
                continue
            score = sig.jaccard(self._sigs[candidate])
            if score >= self.threshold and score > best_score:
                best, best_score = candidate, score
        return best
