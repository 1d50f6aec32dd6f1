"""spaCy's rule lemmatizer, run over integer arrays with a per-process cache of lemmas.

The stock English lemmatizer builds a ``Token`` and a ``MorphAnalysis`` object for every token and
sets the lemma through a string, even when its cache already knows the answer; that was 5-7% of
presslens's analysis time on 200 BBC articles. :class:`CachedLemmas` reads (word, POS,
morphology, lemma) for a whole Doc as one array, asks the stock lemmatizer only for a combination
it has not seen, and writes the lemmas back in one call — the same lemmas, since the answer for a
combination depends on nothing else (the stock lemmatizer caches on the same key).
tests/test_tagmap.py checks every lemma against the stock pipeline.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

NAME = "presslens_lemmas"
STOCK = "lemmatizer"
READ = [ORTH, POS, MORPH, LEMMA]


class CachedLemmas:
    """Wraps a stock (rule-mode, non-overwriting) lemmatizer."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(READ)
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        cache = self.cache
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:  # set earlier (the attribute ruler), kept as the stock component does
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory(NAME)
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    return CachedLemmas(nlp.get_pipe(STOCK))


def install(nlp: Language) -> Language:
    """Swap the stock rule lemmatizer for the cached one, under the same pipe name (no-op when
    the pipeline has none, or one in another mode)."""
    if STOCK not in nlp.pipe_names:
        return nlp
    stock = nlp.get_pipe(STOCK)
    if getattr(stock, "mode", None) != "rule" or getattr(stock, "overwrite", True):
        return nlp
    nlp.add_pipe(NAME, before=STOCK)
    nlp.remove_pipe(STOCK)
    nlp.rename_pipe(NAME, STOCK)
    return nlp
