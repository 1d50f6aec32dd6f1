"""Common English words: which capitalised names are also ordinary words of the language.

The news capitalises an ordinary word in a title, a brand, a headline or a sentence's start
("Vine", "Hook", "Union", "Midway"), and the small model tags some of them as names. The entity
rules (a one-word name no person by its role, a camp no person's), the identity pass (a common
word joins no name by spelling) and the place rules ask :func:`common_word`; the words come from
the lexicon TextBlob ships, read once into the table cache. Below both :mod:`analysis.entities`
and :mod:`analysis.identity`, which the entity rules had imported for it.
"""

from __future__ import annotations

import functools
import importlib.util
import inspect
from pathlib import Path

from analysis import geo, table_cache


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The lower-case words of Brill's tagger lexicon (Brown corpus and Penn Treebank; shipped
    with TextBlob, a dependency, as en-lexicon.txt) tagged other than a proper noun: the common
    English words ("hook", "union", "vine", "midway", "lion"). Names appear there capitalised
    only ("Carter", "Salem"), so a name is no word of it. Read once, from the file, without
    importing TextBlob (it imports NLTK)."""
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-lexicon.txt"
    # kept in the table cache: reading the lexicon's 90,000 lines took 0.2 s of every process
    key = table_cache.digest([path], [inspect.getsource(_read_english_words)])
    return frozenset(table_cache.cached("english-words", key, lambda: _read_english_words(path)))


def _read_english_words(path: Path) -> list[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, tags = line.partition(" ")
        if word.isalpha() and word.islower() and any(not t.startswith("NNP") for t in tags.split()):
            words.add(word)
    return sorted(words)


def common_word(name: str) -> bool:
    """Whether ``name`` is one common English word ("Vine", "Hook", "Union", "Midway"), which
    the news capitalises in a title, a brand or a sentence's start (:func:`english_words`,
    and the place words of lexicon/place_common_words through :func:`geo.common_word`)."""
    word = name.strip()
    # (a word of two letters is a given name's short form or a particle, "Al", "Ed", "Jo": "Al
    # Gore" is no name of common words, and "Gore" joins it)
    if " " in word or not word.isalpha() or len(word) < 3:
        return False
    return word.lower() in english_words() or geo.common_word(word)
