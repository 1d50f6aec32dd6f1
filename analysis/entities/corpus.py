"""Corpus identity, across articles: joins spellings of one person's name ("Rami Abdurrahman"
→ "Rami Abdel Rahman") and surname-only people ("Blair" → "Tony Blair") when the corpus agrees
(:func:`harmonise`, :func:`spelling_variants`); :mod:`analysis.identity` applies them to a store."""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from analysis import gazetteer
from analysis.entities.rules import (
    NAME_PARTICLES,
    abd_folded,
    edit_distance,
    name_key,
    without_generation,
)
from analysis.records import EntityMention


def harmonise(
    mentions_by_article: Mapping[str, Sequence[EntityMention]],
    *,
    min_share: float = 0.8,
    min_articles: int = 2,
) -> dict[str, str]:
    """Corpus-level joins of person names: ``{"Blair": "Tony Blair", "Rami Abdurrahman": "Rami
    Abdel Rahman", ...}``.

    Spellings of one full name join the most frequent one (:func:`spelling_variants`). A one-word
    PERSON name joins the full PERSON name ending in that word when that full name accounts for
    at least ``min_share`` of the articles naming any full name ending in the word and appears in
    at least ``min_articles`` articles (so "Brown" stays apart when the corpus has both Gordon and
    Nick Brown in comparable measure). Apply with :func:`apply_harmonised`.
    """
    return harmonise_names(
        [
            {m.name for m in mentions if m.label == "PERSON"}
            for mentions in mentions_by_article.values()
        ],
        min_share=min_share,
        min_articles=min_articles,
    )


def harmonise_names(
    names_by_article: Sequence[Collection[str]],
    *,
    min_share: float = 0.8,
    min_articles: int = 2,
) -> dict[str, str]:
    """:func:`harmonise` of each article's PERSON names (the identity pass holds names, not
    mentions)."""
    spellings = spelling_variants(names_by_article)
    full_articles: dict[str, Counter[str]] = defaultdict(Counter)
    singles: set[str] = set()
    for names in names_by_article:
        for name in {spellings.get(n, n) for n in names}:
            words = name.split()
            if len(words) == 1:
                singles.add(name)
            else:
                # the surname, not a generation after it ("Joseph R. Biden Jr" is a Biden)
                key = without_generation(name_key(name))
                full_articles[key[-1] if key else ""][name] += 1
    mapping: dict[str, str] = {}
    for single in singles:
        key = name_key(single)
        if not key:
            continue
        counts = full_articles.get(key[-1])
        if not counts:
            continue
        top, n = counts.most_common(1)[0]
        if n >= min_articles and n >= min_share * sum(counts.values()):
            mapping[single] = top
    return {**spellings, **mapping}


class CoMentions:
    """How many articles name both of two names, asked pair by pair: each name's articles as
    an ascending list of their positions in ``names_by_article``, intersected when asked. The
    rules ask it only of the few pairs of names they might join; a table of every pair named
    together grows with the square of each article's names (a million articles' person names
    held 10 GB of counters and took most of a write's identity pass)."""

    def __init__(self, names_by_article: Iterable[Collection[str]]) -> None:
        self._at: dict[str, list[int]] = defaultdict(list)
        for i, names in enumerate(names_by_article):
            for name in set(names):
                self._at[name].append(i)

    def __call__(self, a: str, b: str) -> int:
        """The articles naming both ``a`` and ``b`` (for ``a == b``, the articles naming it)."""
        small, large = sorted((self._at.get(a, ()), self._at.get(b, ())), key=len)
        if not small:
            return 0
        n = 0
        for i in small:
            j = bisect.bisect_left(large, i)
            n += j < len(large) and large[j] == i
        return n


def spelling_variants(names_by_article: Iterable[Collection[str]]) -> dict[str, str]:
    """``{variant: canonical}`` for full person names the corpus spells several ways ("Rami
    Abdurrahman", "Rami Abdulrahman" → "Rami Abdel Rahman", the spelling in most articles).

    Two names are one when they share the first name and their surnames, written without spaces,
    hyphens and Arabic articles ("Abdel Rahman" → "abdelrahman"), are equal, or long (9 letters
    or more) and one letter apart — two from 11 letters — with the same first letter and last
    three: transliterations differ in vowels and in how the article assimilates ("Abdel",
    "Abdul", "Abdur-"), while "Richards"/"Richardson", "Davis"/"Davies", "Thomson"/"Thompson"
    stay apart. Names often found in one article together are not one: a writer who names both
    means two people (once in five articles is allowed: aggregated pages mix spellings), unless
    the names differ only in how an Arabic article is written (:func:`rules.abd_folded`: "Rami
    Abdulrahman" / "Rami Abdel Rahman" are one name, whoever bears it).
    """
    articles: Counter[str] = Counter()
    fulls_by_article = [{n for n in names if len(name_key(n)) >= 2} for names in names_by_article]
    for fulls in fulls_by_article:
        articles.update(fulls)
    together = CoMentions(fulls_by_article)
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in articles:
        by_first[name_key(n)[0]].append(n)
    mapping: dict[str, str] = {}
    for group in by_first.values():
        group.sort(key=lambda n: (-articles[n], -len(n), n))
        # The canonicals a name may be a spelling of, by the two keys _same_spelling needs
        # equal (the glued surname; the first letter and last three of the surname with its
        # articles), each list in the canonicals' order: a name meets its few candidates, not
        # the whole group (a common first name's is thousands of names in a large store).
        canonical: list[str] = []
        by_key: dict[tuple, list[int]] = defaultdict(list)
        for n in group:
            candidates = sorted({i for key in _spelling_keys(n) for i in by_key.get(key, ())})
            target = next(
                (
                    canonical[i]
                    for i in candidates
                    if (
                        5 * together(canonical[i], n) <= articles[n]
                        or abd_folded(canonical[i]) == abd_folded(n)
                    )
                    and _same_spelling(canonical[i], n)
                ),
                None,
            )
            if target is None:
                for key in _spelling_keys(n):
                    by_key[key].append(len(canonical))
                canonical.append(n)
            else:
                mapping[n] = target
    return mapping


def _spelling_keys(name: str) -> tuple[tuple, ...]:
    """Keys two names must share one of to be :func:`_same_spelling` (a superset test)."""
    glued, with_articles = _surname_form(name), _surname_form(name, articles=True)
    return (("glued", glued), ("ends", with_articles[:1], with_articles[-3:]))


@functools.lru_cache(maxsize=1 << 18)  # every pair of a first name's group asks for both
def _surname_form(name: str, *, articles: bool = False) -> str:
    """The surname(s) of a full name, glued, without Arabic articles ("Abd al-Karim" →
    "abdkarim"), or with them (→ "abdalkarim")."""
    words = name_key(name)[1:] if not articles else gazetteer.fold(name).split()[1:]
    return "".join(w for w in words if articles or w not in NAME_PARTICLES)


def _same_spelling(a: str, b: str) -> bool:
    """Are the full names ``a`` and ``b`` (same first name) spellings of one name? See
    :func:`spelling_variants`."""
    sa, sb = _surname_form(a), _surname_form(b)
    if sa == sb:
        return bool(sa)
    if sa and sb and abd_folded(a) == abd_folded(b):
        return True  # "Abdel Rahman" / "Abd al-Rahman": short surnames the letters test refuses
    sa, sb = _surname_form(a, articles=True), _surname_form(b, articles=True)
    longest = max(len(sa), len(sb))
    if longest < 9 or not sa or not sb or sa[0] != sb[0] or sa[-3:] != sb[-3:]:
        return False
    return edit_distance(sa, sb, 2 if longest >= 11 else 1) is not None


def apply_harmonised(
    mentions: Iterable[EntityMention], mapping: Mapping[str, str]
) -> list[EntityMention]:
    """``mentions`` with PERSON names replaced through a :func:`harmonise` mapping."""
    return [
        replace(m, name=mapping[m.name]) if m.label == "PERSON" and m.name in mapping else m
        for m in mentions
    ]
