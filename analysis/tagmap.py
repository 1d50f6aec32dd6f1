"""The attribute ruler's one-token rules as a direct lookup, for the same annotations faster.

spaCy's English models map fine-grained tags to coarse POS and morphology with an
``attribute_ruler``: 179 Matcher patterns, of which the first 147 look at one token only (its TAG,
maybe its lower-case form or dependency label) — a table lookup run through the general Matcher,
which cost 13% of presslens's analysis time on 200 BBC articles. :func:`install` moves that prefix
of one-token rules into :class:`TagMap`, a component placed just before the ruler that applies
them by dictionary lookup, in the same order; the ruler keeps the rest (multi-token, regex,
negated rules), which come later in the original order and so still take precedence, exactly as
before. tests/test_tagmap.py checks every token annotation is unchanged on real articles.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

NAME = "presslens_tag_map"
RULER = "attribute_ruler"
TOKEN_KEYS = frozenset({"TAG", "LOWER", "DEP"})
SET_ATTRS = frozenset({"POS", "MORPH", "LEMMA"})
COLUMNS = [POS, MORPH, LEMMA]
READ = [TAG, LOWER, DEP]


def _values(spec, strings) -> frozenset[int] | None:
    """A token-pattern value (``"NN"`` or ``{"IN": [...]}``) as the set of string ids it accepts."""
    if spec is None:
        return None
    words = spec["IN"] if isinstance(spec, dict) else [spec]
    return frozenset(strings.add(w) for w in words)


def _is_lookup(pattern: dict) -> bool:
    """A rule a table can apply: one pattern of one token, testing only TAG/LOWER/DEP by equality
    or membership, setting only POS/MORPH/LEMMA on that token."""
    if len(pattern["patterns"]) != 1 or len(pattern["patterns"][0]) != 1:
        return False
    (token,) = pattern["patterns"][0]
    for key, spec in token.items():
        if key not in TOKEN_KEYS:
            return False
        if isinstance(spec, dict) and set(spec) != {"IN"}:
            return False
    return pattern.get("index", 0) == 0 and set(pattern["attrs"]) <= SET_ATTRS


class TagMap:
    """Applies ordered one-token rules by lookup on the tag; a later rule overrides an earlier
    one, as in the attribute ruler."""

    def __init__(
        self, rules: list[tuple[frozenset | None, frozenset | None, frozenset | None, dict]]
    ):
        self.by_tag: dict[int, list] = {}
        self.any_tag: list = []
        for order, (tags, lowers, deps, values) in enumerate(rules):
            rule = (order, lowers, deps, [(COLUMNS.index(a), v) for a, v in values.items()])
            if tags is None:
                self.any_tag.append(rule)
            else:
                for tag in tags:
                    self.by_tag.setdefault(tag, []).append(rule)
        # Rules without a tag test join every tag's list, in rule order.
        for tag, tag_rules in self.by_tag.items():
            self.by_tag[tag] = sorted(tag_rules + self.any_tag)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        read = doc.to_array(READ).tolist()
        out = doc.to_array(COLUMNS)
        changed = False
        for i, (tag, lower, dep) in enumerate(read):
            for _, lowers, deps, values in self.by_tag.get(tag, self.any_tag):
                if (lowers is None or lower in lowers) and (deps is None or dep in deps):
                    for col, value in values:
                        out[i, col] = value
                    changed = True
        if changed:
            doc.from_array(COLUMNS, out)
        return doc


@Language.factory(NAME)
def make_tag_map(nlp: Language, name: str) -> TagMap:
    """Take the leading one-token rules out of the pipeline's attribute ruler into a TagMap."""
    ruler = nlp.get_pipe(RULER)
    patterns = ruler.patterns
    n = 0
    while n < len(patterns) and _is_lookup(patterns[n]):
        n += 1
    strings = nlp.vocab.strings
    rules = []
    for pattern, attrs in zip(patterns[:n], ruler.attrs[:n], strict=True):
        (token,) = pattern["patterns"][0]
        rules.append(
            (
                _values(token.get("TAG"), strings),
                _values(token.get("LOWER"), strings),
                _values(token.get("DEP"), strings),
                {a: numpy.uint64(v) for a, v in attrs.items()},
            )
        )
    ruler.clear()
    ruler.add_patterns(patterns[n:])
    return TagMap(rules)


def install(nlp: Language) -> Language:
    """Put a TagMap before the attribute ruler (no-op for a pipeline without one)."""
    if RULER in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before=RULER)
    return nlp
