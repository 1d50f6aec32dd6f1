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
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, MorphAnalysis

NAME = "presslens_lemmas"
STOCK = "lemmatizer"
READ = [ORTH, POS, MORPH, LEMMA]


class CachedLemmas:
    """Wraps a stock (rule-mode, non-overwriting) lemmatizer."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        # The rules over strings are English's; another language's lemmatizer is asked as is.
        self.english = EnglishRules(lemmatizer) if type(lemmatizer) is EnglishLemmatizer else None
        self.features: dict[int, dict[str, str]] = {}  # morphology id -> its features

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
                value = cache[key] = strings.add(self._lemma(doc, i, orth, pos, morph))
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas)
        return doc

    def _lemma(self, doc: Doc, i: int, orth: int, pos: int, morph: int) -> str:
        univ_pos = POS_NAMES.get(pos, "").lower()
        if self.english is None or univ_pos in ("", "eol", "space"):
            # The stock path (and its warning for a token without a part of speech).
            return self.lemmatizer.lemmatize(doc[i])[0]
        features = self.features.get(morph)
        if features is None:
            features = self.features[morph] = MorphAnalysis.from_id(doc.vocab, morph).to_dict()
        return self.english.lemma(doc.vocab.strings[orth], univ_pos, features)


class EnglishRules:
    """spaCy's ``EnglishLemmatizer.rule_lemmatize``, statement for statement, over strings instead
    of a Token — with each part of speech's index of known lemmas as a set: the tables hold it as
    a list (57,000 nouns), which the stock code searches once per rule."""

    def __init__(self, lemmatizer: EnglishLemmatizer) -> None:
        self.lookups = lemmatizer.lookups
        self.by_pos: dict[str, tuple] = {}

    def _tables(self, univ_pos: str) -> tuple:
        tables = self.by_pos.get(univ_pos)
        if tables is None:
            index_table = self.lookups.get_table("lemma_index", {})
            exc_table = self.lookups.get_table("lemma_exc", {})
            rules_table = self.lookups.get_table("lemma_rules", {})
            known = any(
                (index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))
            )
            tables = self.by_pos[univ_pos] = (
                known,
                frozenset(index_table.get(univ_pos, {})),
                exc_table.get(univ_pos, {}),
                rules_table.get(univ_pos, {}),
            )
        return tables

    def lemma(self, string: str, univ_pos: str, morphology: dict[str, str]) -> str:
        """The first lemma of a token with this text, (lower-case, non-empty) part of speech and
        morphology."""
        if _english_base_form(univ_pos, morphology):
            return string.lower()
        known, index, exceptions, rules = self._tables(univ_pos)
        if not known:
            return string if univ_pos == "propn" else string.lower()
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        return forms[0] if forms else orig


def _english_base_form(univ_pos: str, morphology: dict[str, str]) -> bool:
    """``EnglishLemmatizer.is_base_form`` over the part of speech and features."""
    if univ_pos == "noun" and morphology.get("Number") == "Sing":
        return True
    if univ_pos == "verb" and morphology.get("VerbForm") == "Inf":
        return True
    if univ_pos == "verb" and (
        morphology.get("VerbForm") == "Fin"
        and morphology.get("Tense") == "Pres"
        and morphology.get("Number") is None
    ):
        return True
    if univ_pos == "adj" and morphology.get("Degree") == "Pos":
        return True
    return morphology.get("VerbForm") in ("Inf", "None") or morphology.get("Degree") == "Pos"


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
