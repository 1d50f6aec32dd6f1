"""The attribute ruler's one-token rules as a direct lookup, for the same annotations faster.

spaCy's English models map fine-grained tags to coarse POS and morphology with an
``attribute_ruler``: 179 Matcher patterns, of which the first 147 look at one token only (its TAG,
maybe its lower-case form or dependency label) — a table lookup run through the general Matcher,
which cost 13% of presslens's analysis time on 200 BBC articles. :func:`install` moves that prefix
of one-token rules into :class:`TagMap`, a component placed just before the ruler that applies
them by dictionary lookup, in the same order. The rest (32 multi-token, regex, negated and
space rules, still 3% of the analysis time through the Matcher) become :class:`_ArrayRule`
tests over the doc's token arrays, applied after the lookups in their original order, so they
still take precedence, exactly as before; a rule of a shape these cannot express (a quantifier,
another attribute) keeps that rule and every later one in the ruler. tests/test_tagmap.py
checks every token annotation is unchanged on real articles.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

NAME = "presslens_tag_map"
RULER = "attribute_ruler"
TOKEN_KEYS = frozenset({"TAG", "LOWER", "DEP"})
SET_ATTRS = frozenset({"POS", "MORPH", "LEMMA"})
COLUMNS = [POS, MORPH, LEMMA]


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


# What the rest of the rules may test, as token-array columns.
ARRAY_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
ARRAY_READ = [TAG, LOWER, DEP, IS_SPACE]


class _Unsupported(ValueError):
    """A rule :class:`_ArrayRule` cannot express."""


class _ArrayRule:
    """One attribute-ruler rule (its patterns, the attributes it sets on the token at ``index``
    of each match) as tests over the token arrays; what the Matcher would match, computed on
    the values the doc had before the ruler, as the ruler matches before it sets anything."""

    def __init__(self, patterns: list[list[dict]], attrs: dict, index: int, strings) -> None:
        self.patterns = [[self._tests(token, strings) for token in p] for p in patterns]
        self.offsets = []
        for pattern in patterns:
            offset = index if index >= 0 else len(pattern) + index
            if not pattern or not 0 <= offset < len(pattern):
                raise _Unsupported(f"index {index} outside the pattern")
            self.offsets.append(offset)
        self.values = {a: numpy.uint64(v) for a, v in attrs.items()}
        # Per pattern, the values (by attribute) one of which each token must have: a doc
        # without them cannot match, and most rules ("doin'", "gon na") match no doc at all, so
        # they are skipped before any array is compared.
        self.needs = [
            [(attr, _ids(op, value)) for tests in p for attr, op, value in tests if op in _SETS]
            for p in self.patterns
        ]

    @staticmethod
    def _tests(token: dict, strings) -> list[tuple[int, str, object]]:
        tests = []
        for key, spec in token.items():
            if key not in ARRAY_KEYS:
                raise _Unsupported(key)
            attr = ARRAY_KEYS[key]
            if key == "IS_SPACE":
                if not isinstance(spec, bool):
                    raise _Unsupported(f"IS_SPACE {spec!r}")
                tests.append((attr, "==", int(spec)))
            elif isinstance(spec, str):
                tests.append((attr, "==", strings.add(spec)))
            elif isinstance(spec, dict) and len(spec) == 1:
                ((op, value),) = spec.items()
                if op in ("IN", "NOT_IN"):
                    ids = numpy.array(sorted({strings.add(w) for w in value}), dtype=numpy.uint64)
                    tests.append((attr, op, ids))
                elif op == "REGEX":
                    tests.append((attr, op, (re.compile(value), {})))
                else:
                    raise _Unsupported(f"{key} {op}")
            else:
                raise _Unsupported(f"{key} {spec!r}")
        return tests

    @staticmethod
    def _mask(tests, cols: dict[int, numpy.ndarray], strings) -> numpy.ndarray:
        mask = numpy.ones(len(cols[TAG]), dtype=bool)
        for attr, op, value in tests:
            col = cols[attr]
            if op == "==":
                mask &= col == value
            elif op == "IN":
                mask &= numpy.isin(col, value)
            elif op == "NOT_IN":
                mask &= ~numpy.isin(col, value)
            else:  # REGEX: re.search on the attribute's string, as the Matcher does
                regex, seen = value
                for i in numpy.flatnonzero(mask):
                    key = int(col[i])
                    if key not in seen:
                        seen[key] = regex.search(strings[key]) is not None
                    mask[i] = seen[key]
        return mask

    def positions(self, cols: dict[int, numpy.ndarray], present, strings) -> numpy.ndarray:
        """The tokens this rule sets: ``index`` of every match of each pattern. ``present``: the
        set of values of each attribute in the doc."""
        n = len(cols[TAG])
        found = [_NONE]
        for tests, offset, needs in zip(self.patterns, self.offsets, self.needs, strict=True):
            width = len(tests)
            if width > n or any(present[attr].isdisjoint(ids) for attr, ids in needs):
                continue
            starts = numpy.ones(n - width + 1, dtype=bool)
            for k, token_tests in enumerate(tests):
                starts &= self._mask(token_tests, cols, strings)[k : n - width + 1 + k]
            found.append(numpy.flatnonzero(starts) + offset)
        return numpy.concatenate(found) if len(found) > 1 else found[0]


_SETS = ("==", "IN")
_NONE = numpy.zeros(0, dtype=numpy.intp)


def _ids(op: str, value) -> frozenset[int]:
    return frozenset([int(value)] if op == "==" else value.tolist())


def _array_rules(patterns, attrs, indices, strings) -> tuple[list[_ArrayRule], int]:
    """The leading rules that :class:`_ArrayRule` can express, and how many they are."""
    rules = []
    for pattern, values, index in zip(patterns, attrs, indices, strict=True):
        try:
            rules.append(_ArrayRule(pattern["patterns"], values, index, strings))
        except _Unsupported:
            break
    return rules, len(rules)


class TagMap:
    """Applies ordered one-token rules by lookup on the tag, then the rules after them as
    :class:`_ArrayRule` tests; a later rule overrides an earlier one, as in the attribute
    ruler."""

    def __init__(
        self,
        rules: list[tuple[frozenset | None, frozenset | None, frozenset | None, dict]],
        rest: list[_ArrayRule] = (),
        strings=None,
    ):
        self.rest = list(rest)
        self.strings = strings
        # The columns written: the lookups' and whatever else a later rule sets (TAG, DEP).
        self.columns = list(COLUMNS)
        for rule in self.rest:
            self.columns += [a for a in rule.values if a not in self.columns]
        self.by_tag: dict[int, list] = {}
        self.any_tag: list = []
        for order, (tags, lowers, deps, values) in enumerate(rules):
            rule = (order, lowers, deps, [(self.columns.index(a), v) for a, v in values.items()])
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
        arrays = doc.to_array(ARRAY_READ).reshape(len(doc), len(ARRAY_READ))
        read = arrays[:, :3].tolist()  # TAG, LOWER, DEP
        out = doc.to_array(self.columns).reshape(len(doc), len(self.columns))
        changed = False
        for i, (tag, lower, dep) in enumerate(read):
            for _, lowers, deps, values in self.by_tag.get(tag, self.any_tag):
                if (lowers is None or lower in lowers) and (deps is None or dep in deps):
                    for col, value in values:
                        out[i, col] = value
                    changed = True
        if self.rest:
            cols = {attr: arrays[:, k] for k, attr in enumerate(ARRAY_READ)}
            present = {attr: set(col.tolist()) for attr, col in cols.items()}
            for rule in self.rest:
                where = rule.positions(cols, present, self.strings)
                if len(where):
                    for attr, value in rule.values.items():
                        out[where, self.columns.index(attr)] = value
                    changed = True
        if changed:
            doc.from_array(self.columns, out)
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
    # The rules after the lookups, as array tests as far as they can be; the ruler keeps the rest.
    rest, m = _array_rules(patterns[n:], ruler.attrs[n:], ruler.indices[n:], strings)
    ruler.clear()
    ruler.add_patterns(patterns[n + m :])
    return TagMap(rules, rest, strings)


def install(nlp: Language) -> Language:
    """Put a TagMap before the attribute ruler, which is disabled when the TagMap took all its
    rules (no-op for a pipeline without one)."""
    if RULER in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before=RULER)
        if not nlp.get_pipe(RULER).patterns:  # all taken: an empty Matcher still warns per doc
            nlp.disable_pipe(RULER)
    return nlp
