"""Recognising near-duplicate articles across a corpus (syndicated copies of one wire story).

A wire story republished by ten outlets, each with a different standfirst or footer, would count
ten times in every chart. :class:`NearDuplicateIndex` keeps a MinHash signature of every original
article and answers, for a new article, which stored original it copies (estimated Jaccard
similarity of word 5-shingles at or above ``threshold``), through locality-sensitive hashing: a
signature is cut into bands, and only articles sharing a whole band with the new one are compared.
Exact copies never get here: they share an article id. Two versions of one story — an outlet's
update, a paragraph added or a quote changed — share their headline and outlet, and count as one
story at a lower similarity (:data:`VERSION_THRESHOLD`) than copies from anywhere. A wire story
(AFP's, Reuters') run by two outlets within days, each with its own lead paragraph or headline in
the text, cut short or run with a paragraph of its own, is one report when most of the shorter run
is found word for word in the other (:data:`WIRE_CONTAINMENT`, :func:`contained`) and neither gives
a figure the other does not (:func:`wire_copy`): a rewrite that changes a toll is another report.
Of two runs in one input, the one giving every figure of the other and more (:func:`fuller_run`)
is the one kept, whichever came first, so its background figures count.

The MinHash and the banding are datasketch's (its ``MinHash`` with the "affine32" scheme and
``MinHashLSH``), written out here in a few lines of numpy: importing datasketch imports SciPy, a
second of every run's start-up, for an integral it evaluates once to choose the bands. The
signatures are bit for bit the ones datasketch computes (stored signatures stay comparable) and the
bands the ones it chooses; tests/test_dedup.py checks both against datasketch itself.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from analysis import lexicon

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
# minimising the integrated false-positive and false-negative probabilities, with a missed copy
# weighted 19 times a needless comparison (RECALL_WEIGHTS; the test recomputes them with
# datasketch). Every candidate is checked on its whole signature, so a false positive costs one
# comparison of 64 numbers, while a copy the bands miss is counted twice in every chart: with
# datasketch's equal weights (5 × 11) a pair sharing 0.8 met in a band 36 % of the time and one
# sharing 0.9 85 % (the BBC's "New York rockers top talent poll" twice, 0.83, was two stories);
# 10 × 6 meets them 95 % and 99.9 % of the time.
RECALL_WEIGHTS = (0.05, 0.95)  # (false positive, false negative)
BANDS, ROWS = 10, 6

# Under one outlet's one headline, a text is a version of the story at this similarity: the BBC's
# "Brown names 16 March for Budget" twice, its update adding a shadow chancellor's quote, shared
# an estimated 0.64 of their shingles; 9 pairs of FA-KES + BBC (8 of the BBC's) share 0.62-0.83
# under one headline, each counted twice until then (0.83: a copy the bands had not met).
VERSION_THRESHOLD = 0.5
# Across outlets, a text is a copy of a wire story when the two ran within WIRE_DAYS of each
# other, their figures agree (wire_copy) and this share of the shorter text's 5-shingles is in the
# other's (contained): the part of one report that the other holds, whatever either adds. The
# Jaccard similarity a signature estimates (0.6 until then) also counts what the longer run adds:
# 17 second runs of an AFP or Reuters story in FA-KES were each counted twice at 0.12-0.65 shared
# (estimated 0.03-0.56), one cut to its first paragraphs (dailysabah's "Suicide bomber kills 4 in
# Assad clans hometown", 0.99 of it in ahram's, 0.39 shared), others adding a witness's paragraph
# or an editor's sign-off, or writing "ISIL" for "Islamic State" throughout. This rule takes the
# 17 and no other report. Two copies at 0.57-0.58 are left: at 0.55 a rewrite adding an attack of
# its own ("Syrian children killed in west Aleppo school attack") is met. Tolls told otherwise at
# 0.7-0.86 ("at least 112" vs "at least 126") stay apart by their figures.
WIRE_CONTAINMENT = 0.6
# The estimated Jaccard similarity from which another outlet's text of the same days is checked
# as a wire original (on its words: the signatures estimate no containment). A run cut to a
# tenth of the other shares about 0.1 of the shingles; unrelated texts share next to none.
WIRE_CANDIDATE = 0.1
# A wire story runs the day it is filed or the next; a text that shares most of it weeks later
# (a look back, an anniversary) is another story.
WIRE_DAYS = 2

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


def _each_shingle(words: list[str]) -> Iterator[str]:
    """The word 5-shingles of ``words`` in order: what a signature hashes and what
    :func:`shingles` compares."""
    return (" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def _hashvalues(text: str) -> np.ndarray | None:
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    # The first 4 bytes of each shingle's SHA-1, little-endian (datasketch's sha1_hash32).
    digests = b"".join(
        hashlib.sha1(shingle.encode("utf-8")).digest()[:4] for shingle in _each_shingle(words)
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
    aside), or None when the headline is missing or too short to tell stories apart. Texts of no
    known outlet share one (""): a folder of one outlet's files read without ``--source`` (the
    BBC's "Asia shares defy post-quake gloom" twice, 0.78 of the shingles shared, had been two
    stories), while a named outlet's story is never a version of an unnamed one's."""
    if not title:
        return None
    words = title.lower().split()
    if len(words) < MIN_TITLE_WORDS:
        return None
    return (source or "").strip().lower(), " ".join(words)


@dataclass(frozen=True)
class Origin:
    """Where and when a text ran: its outlet and day of publication (None when not known)."""

    outlet: str | None
    day: datetime.date | None

    @classmethod
    def of(cls, source: str | None, published: str | datetime.date | None) -> Origin:
        if isinstance(published, str):
            published = _day(published)
        outlet = source.strip().lower() if source and source.strip() else None
        return cls(outlet, published)


def _day(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


_MONTH = "|".join(sorted(lexicon.words("months"), key=len, reverse=True))
# Dates and years are no figures of the story: "Sunday 15 Oct 2017", "Oct 152015" (Jordan Times'
# dateline, day and year run together), "02-06-2016", "in 2011". Each outlet dates its copy.
_DATES = re.compile(
    rf"\b(?:{_MONTH})\.?\s+\d+(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}\s+(?:{_MONTH})\b\.?(?:,?\s+\d{{4}})?"
    r"|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"
    r"|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# "Thirteen civilians" in one copy is "13 civilians" in another's headline.
# Not "one": a pronoun as often as a count ("one of the ...").
_NUMBER_WORDS = {w: str(v) for w, v in lexicon.numbers("ones_words").items() if v >= 2}
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\b", re.IGNORECASE)


def figures_in(text: str) -> frozenset[str]:
    """The numbers ``text`` gives, dates and years aside, spelled ones ("thirteen") as digits."""
    text = _DATES.sub(" ", text)
    spelled = {_NUMBER_WORDS[m.group().lower()] for m in _NUMBER_WORD.finditer(text)}
    return frozenset(_NUMBER.findall(text)) | spelled


def wire_copy(figures: frozenset[str], original_figures: frozenset[str]) -> bool:
    """Whether a text giving ``figures`` is a copy of a wire story giving ``original_figures``
    (their texts being one report's, :func:`contained`): a copy may be cut short or add a
    paragraph of its own, so one's figures are all among the other's; a figure of each that the
    other lacks is a toll or a count reported otherwise — another report, whose numbers must
    count."""
    return figures <= original_figures or original_figures <= figures


def fuller_run(text: str, original_text: str) -> bool:
    """Whether ``text``, a copy of the wire story ``original_text`` runs (:func:`wire_copy`),
    gives every figure of it and more: a later, longer run with the story's background (an
    earlier toll, a count of the displaced). Kept as the story's text, it counts them; as the
    copy, they were lost."""
    return figures_in(text) > figures_in(original_text)


def shingles(text: str) -> frozenset[str]:
    """The word 5-shingles of ``text`` (lower-cased), which a signature is made of."""
    return frozenset(_each_shingle(_WORD.findall(text.lower())))


def contained(first: frozenset[str], second: frozenset[str]) -> float:
    """The share of the smaller set of shingles found in the other: 1.0 for a text cut short
    from the other, whatever the other adds."""
    smaller = min(len(first), len(second))
    return len(first & second) / smaller if smaller else 0.0


def _from_bytes(signature: bytes) -> np.ndarray:
    return np.frombuffer(signature, dtype="<u8").astype(np.uint32)


def _bands(values: np.ndarray) -> list[int]:
    """The hash of each band of a signature: a bucket's key (a collision only adds a candidate,
    which its whole signature then rules out)."""
    return [hash(values[i * ROWS : (i + 1) * ROWS].tobytes()) for i in range(BANDS)]


class NearDuplicateIndex:
    """An in-memory LSH index of original articles, seeded from the store at the start of a run.

    Compact, for a store of millions: the signatures are rows of one array, the buckets hold row
    numbers (a lone one as an int, the usual case, not a list)."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD) -> None:
        if threshold != DEFAULT_THRESHOLD:
            # BANDS and ROWS are tuned for the default; another threshold needs its own bands.
            raise ValueError(f"the bands are chosen for threshold {DEFAULT_THRESHOLD} only")
        self.threshold = threshold
        self._buckets: list[dict[int, int | list[int]]] = [{} for _ in range(BANDS)]
        self._ids: list[str] = []  # the indexed ids, in the order indexed: a row's number
        self._row_of: dict[str, int] = {}
        self._rows = np.empty((1024, NUM_PERM), dtype=np.uint32)  # grown by doubling
        self._titled: dict[tuple[str, str], list[str]] = {}  # title_key → indexed ids
        # wire copies are sought among the texts of a few days (no bands: a similarity of 0.1
        # would need many times the buckets); undated texts are never taken for one
        self._days: dict[int, _Day] = {}  # day's ordinal → the indexed texts dated that day

    def __len__(self) -> int:
        return len(self._ids)

    def add(
        self,
        article_id: str,
        signature: bytes | None,
        key: tuple[str, str] | None = None,
        origin: Origin | None = None,
    ) -> None:
        """Index an original article by its stored signature (None: too short to index), by
        its outlet's headline (:func:`title_key`) and by its outlet and day when given."""
        if signature is None:
            return
        self.add_title(article_id, key)
        if article_id in self._row_of:
            return
        values = _from_bytes(signature)
        if origin is not None and origin.outlet and origin.day:
            day = self._days.setdefault(origin.day.toordinal(), _Day())
            day.ids.append(article_id)
            day.outlets.append(origin.outlet)
            day.rows.append(values)
            day.stacked = None
        row = len(self._ids)
        if row == len(self._rows):
            self._rows = np.concatenate([self._rows, np.empty_like(self._rows)])
        self._rows[row] = values
        for bucket, band in zip(self._buckets, _bands(values), strict=True):
            held = bucket.get(band)
            if held is None:
                bucket[band] = row
            elif isinstance(held, int):
                bucket[band] = [held, row]
            else:
                held.append(row)
        self._ids.append(article_id)
        self._row_of[article_id] = row

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
        candidates: set[int] = set()
        for bucket, band in zip(self._buckets, _bands(values), strict=True):
            held = bucket.get(band)
            if isinstance(held, int):
                candidates.add(held)
            elif held is not None:
                candidates.update(held)
        versions = {self._row_of[i] for i in self._titled.get(key, ()) if i in self._row_of}
        rows = sorted(candidates | versions)  # first indexed first: it wins a tie
        shares = np.count_nonzero(self._rows[rows] == values, axis=1) / NUM_PERM
        best, best_score = None, 0.0
        for row, score in zip(rows, shares.tolist(), strict=True):
            if self._ids[row] == article_id:
                continue
            least = VERSION_THRESHOLD if row in versions else self.threshold
            if score >= least and score > best_score:
                best, best_score = self._ids[row], score
        return best

    def wire_originals(self, article_id: str, signature: bytes | None, origin: Origin) -> list[str]:
        """The indexed texts of other outlets, run within WIRE_DAYS of ``origin``'s day, that
        share an estimated WIRE_CANDIDATE of the text with ``signature`` — most similar first,
        then first indexed: the wire stories it may be a copy of, should their words and figures
        say so (:func:`contained`, :func:`wire_copy`, which the caller checks on the texts: the
        index holds none)."""
        if signature is None or not origin.outlet or not origin.day:
            return []
        values = _from_bytes(signature)
        day = origin.day.toordinal()
        scored = []
        for near in range(day - WIRE_DAYS, day + WIRE_DAYS + 1):
            texts = self._days.get(near)
            if texts is None:
                continue
            # one comparison of the day's signatures at once: a large archive's day holds hundreds
            shares = np.count_nonzero(texts.matrix() == values, axis=1) / NUM_PERM
            for i in np.flatnonzero(shares >= WIRE_CANDIDATE):
                candidate = texts.ids[i]
                if candidate != article_id and texts.outlets[i] != origin.outlet:
                    scored.append((-shares[i], self._row_of[candidate], candidate))
        return [candidate for *_, candidate in sorted(scored)]


@dataclass
class _Day:
    """The indexed texts of one day: ids, outlets and signatures, stacked when first compared."""

    ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    rows: list[np.ndarray] = field(default_factory=list)
    stacked: np.ndarray | None = None

    def matrix(self) -> np.ndarray:
        if self.stacked is None:
            self.stacked = np.vstack(self.rows)
        return self.stacked
