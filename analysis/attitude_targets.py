"""Who an attitude can be toward: the named entities of an article, plus what stands for one.

The entity extractor's mentions are the core. Two more kinds of words name a person or a group
in news sentences without being a tagged entity: a pronoun ("he", "his", "her") standing for a
person the article has named (resolved as a pronoun speaker is, :func:`analysis.quotes.
pronoun_referents`; a pronoun nobody can be found for is no target, so the dashboard never shows
"he"), and a proper noun the small spaCy model leaves untagged ("Senator Yates", or "Smith" after
"John Smith") that takes part in its clause — subject, object, possessor. Each becomes an
:class:`EntityMention` with its canonical name (a surname takes the full name of the article's
person who carries it) and the offsets of the words as written. Only attitudes use them: the
entity table keeps the extractor's own mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from analysis import quotes
from analysis.entities import rules
from analysis.records import EntityMention

# Clause roles in which an untagged proper noun is a participant the sentence can judge; a proper
# noun elsewhere is mostly a modifier or a title word ("the Senate vote", "Breakfast with Frost").
PARTICIPANT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr", "dative", "ROOT"}
)
# Words before a name that say what the person is ("Mr", "Senator", "Gen"), not who.
TITLES = rules.HONORIFICS | rules.ROLE_TITLES


def targets(doc: Doc, *, article_id: str, mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """``mentions`` with resolved pronouns and untagged participant names added, in text order."""
    referents = quotes.pronoun_referents(doc, article_id=article_id, mentions=mentions)
    untagged = untagged_names(doc, article_id=article_id, mentions=mentions)
    return sorted([*mentions, *referents, *untagged], key=lambda m: m.start)


def untagged_names(
    doc: Doc, *, article_id: str, mentions: Sequence[EntityMention]
) -> list[EntityMention]:
    """Runs of proper nouns outside every mention whose head is a clause participant
    (:data:`PARTICIPANT_DEPS`), written in title case (an all-capitals run is a transcript's
    speaker label or a heading: "AMY GOODMAN:", "SEE ALSO"), shaped like a person's name
    (:func:`_name`) and not junk (months, days, pronouns, page furniture:
    :func:`analysis.entities.rules.is_junk`)."""
    covered = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    surnames = _surnames(mentions)
    out: list[EntityMention] = []
    # Proper-noun positions from the token array (a Token object per word is the slow part).
    at = [i for i in (doc.to_array(POS) == PROPN).nonzero()[0].tolist() if i not in covered]
    k = 0
    while k < len(at):
        j = k + 1
        while j < len(at) and at[j] == at[j - 1] + 1:
            j += 1
        run = doc[at[k] : at[j - 1] + 1]
        k = j
        canonical = _name(run, surnames)
        if canonical is None:
            continue
        out.append(
            EntityMention(
                article_id=article_id,
                name=canonical,
                # Not stored (an attitude keeps the name only); unknown unless a person's surname.
                label="PERSON" if canonical in surnames.values() else "",
                text=run.text,
                start=run.start_char,
                end=run.end_char,
                sent_start=run.sent.start_char,
            )
        )
    return out


def _name(run: Span, surnames: dict[str, str]) -> str | None:
    """The name a run of proper nouns gives, or None when it is no participant or not shaped
    like a person's name. Only two shapes are trusted, since the small model leaves untagged
    many capitalised words that name nobody ("Executive", "Christmas", "Green Paper"): a title
    and a name ("Mr Cable", "Senator Yates": the name without its title), and the surname of a
    person the article names ("Smith" after "John Smith": that person's full name)."""
    if run.root.dep_ not in PARTICIPANT_DEPS:
        return None
    words = [t for t in run if t.is_alpha]
    if not words or not all(t.text[:1].isupper() and not t.text.isupper() for t in words):
        return None
    titled = 0
    while titled < len(words) and words[titled].lower_.rstrip(".") in TITLES:
        titled += 1
    rest = words[titled:]
    if not rest:
        return None  # a title alone ("the Prime Minister"): a role, not a name
    name = run.doc[rest[0].i : run.end].text.strip()
    if not name[:1].isupper() or rules.is_junk(name):
        return None  # "of Wales" left by "Prince of Wales"
    key = rules.name_key(name)
    if key and key[-1] in surnames:
        return surnames[key[-1]]
    return name if titled else None


def _surnames(mentions: Sequence[EntityMention]) -> dict[str, str]:
    """Folded surname → the longest full name of a person mentioned in the article."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.label != "PERSON":
            continue
        key = rules.name_key(m.name)
        if key and len(m.name.split()) > len(out.get(key[-1], "").split()):
            out[key[-1]] = m.name
    return out
