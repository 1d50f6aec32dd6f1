"""Named entities of one article: one canonical name and one corrected label per thing, counted.

:func:`extract` turns the spaCy entities of a parsed article into :class:`EntityMention` records
(canonical name, corrected label, character offsets of the name proper, sentence start) and the
per-article :class:`Entity` aggregate (mentions, first offset). The work is in three steps:

1. *Clean each mention* — mend spans the source's lost punctuation ran together or on
   (:func:`_respan`: "Manbij Syria" → Manbij, Syria; "Jayrud 60 kilometres" → Jayrud; "Aleppo
   Monitor" → Aleppo; "east of Damascus Monitoring group" → Damascus; "Fateh al-Sham Front"
   tagged PERSON → ORG; "the Great Recession" tagged
   FAC → EVENT; "Clean Power Plan" → a law, no entity; "the film Flight of the Phoenix" → a
   title, no place), drop a leading "the" and
   possessives ("Assad’s" → "Assad"), cut a dateline run into a name ("ROME - Bernie Sanders"),
   strip titles for matching ("Mr Blair", "Major General Igor Konashenkov"; not a body's own
   word: "Justice Department"), and drop junk the small model tags as names (lone titles, pronouns, numbers,
   one-letter names, lower-case words, page debris).
2. *Name it* — an acronym the article defines joins its expansion ("Syrian Democratic Forces
   (SDF)"); known variants join a corpus-wide canonical name through :data:`ORG_ALIASES`,
   :data:`PERSON_ALIASES`, :data:`NORP_GROUPS` and the country table of
   :mod:`analysis.gazetteer` ("Isis", "Daesh" → Islamic State; "US", "America" → United States;
   "Kurds" → Kurdish); a family is its own group, not the member the article names ("the Bush
   family", "the Clintons" → "Bush family", "Clinton family", NORP); a lone organisation word is
   no person ("the Observatory said") and joins the article's one organisation naming it, unless
   that one is named after it ("the RNC" is no "RNC Rules Committee") or it is a chamber's noun
   and the longer name no chamber of a place ("the House" is no White House); a short person
   name joins the fullest form in the article ("Kerry" → "John Kerry"; "Assad" → "Bashar
   al-Assad"), and one the corpus-wide table knows is a person even where the model tagged it
   an organisation or a place ("Trump has just 5 percent").
3. *Label it* — once per canonical name: alias labels first, then places the gazetteer knows
   (countries always, large cities unless the article treats the word as a person: a title, a
   fuller name, a speech verb; towns with more evidence; never a city's alternate name that is
   another word against the model's organisation: "search-engine Google" is no Topeka), then
   places the text calls places ("in Quneitra", "the al-Midan neighbourhood", "the town of
   Hass"), else the most frequent model label with a fixed priority on ties; an acronym no
   gazetteer knows is a body where the text treats it as one ("the NRA", "BT said"). A place's
   nickname is the place ("the Granite State" → New Hampshire), and a slogan's words are no
   mention ("Feel the Bern").

The rules that need no model (:func:`clean_name`, :func:`name_key`, :func:`is_junk`,
:func:`alias`) are plain functions over strings. :func:`harmonise` is an optional corpus pass that
joins spellings of one person's name ("Rami Abdurrahman" → "Rami Abdel Rahman") and surname-only
people ("Blair" → "Tony Blair") across articles when the corpus agrees.

One module per job: :mod:`~analysis.entities.rules` (the model-free rules and alias tables),
:mod:`~analysis.entities.spans` (step 1), :mod:`~analysis.entities.naming` (step 2),
:mod:`~analysis.entities.labelling` (step 3), :mod:`~analysis.entities.corpus` (the corpus
pass); this module runs the three steps and aggregates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from analysis.entities.corpus import (
    apply_harmonised,
    edit_distance,
    harmonise,
    harmonise_names,
    spelling_variants,
)
from analysis.entities.labelling import _label_entities
from analysis.entities.naming import _name_mentions
from analysis.entities.rules import (
    CASE_SENSITIVE_ALIASES,
    COMPASS_WORDS,
    DATE_WORDS,
    DEBRIS_PHRASES,
    DEBRIS_WORDS,
    DISTANCE_UNITS,
    FACILITY_HEAD_WORDS,
    FACILITY_WORDS,
    HONORIFICS,
    JUNK_NAMES,
    LABEL_PRIORITY,
    LABELS,
    LIST_WORDS,
    LOCATIVE_PREPOSITIONS,
    MONTHS_AND_DAYS,
    NAME_LOWER_WORDS,
    NAME_PARTICLES,
    NEWS_AGENCIES,
    NORP_GROUPS,
    NUMBER_WORDS,
    ORG_ALIASES,
    ORG_FIRST_WORDS,
    ORG_HEAD_WORDS,
    PEERAGE,
    PERSON_ALIASES,
    PERSON_VERBS,
    PLACE_NOUNS,
    PRONOUNS,
    RESCUE_LABELS,
    ROLE_TITLES,
    SEAT_VERBS,
    TITLE_MODIFIERS,
    alias,
    clean_name,
    is_junk,
    name_key,
    person_alias,
    state_abbreviation,
    strip_titles,
)
from analysis.entities.spans import _candidates
from analysis.records import Entity, EntityMention

# The package's parts (rules, spans, naming, labelling, corpus) stay importable from here, as
# they were when this was one module; the records too (``entities.Entity``).
__all__ = [
    "edit_distance",
    "CASE_SENSITIVE_ALIASES",
    "COMPASS_WORDS",
    "SEAT_VERBS",
    "DATE_WORDS",
    "DEBRIS_PHRASES",
    "DEBRIS_WORDS",
    "DISTANCE_UNITS",
    "Entity",
    "EntityMention",
    "FACILITY_HEAD_WORDS",
    "FACILITY_WORDS",
    "HONORIFICS",
    "JUNK_NAMES",
    "LABELS",
    "LABEL_PRIORITY",
    "LIST_WORDS",
    "LOCATIVE_PREPOSITIONS",
    "MONTHS_AND_DAYS",
    "NAME_LOWER_WORDS",
    "NAME_PARTICLES",
    "NEWS_AGENCIES",
    "NORP_GROUPS",
    "NUMBER_WORDS",
    "ORG_ALIASES",
    "ORG_FIRST_WORDS",
    "ORG_HEAD_WORDS",
    "PEERAGE",
    "PERSON_ALIASES",
    "PERSON_VERBS",
    "PLACE_NOUNS",
    "PRONOUNS",
    "RESCUE_LABELS",
    "ROLE_TITLES",
    "TITLE_MODIFIERS",
    "aggregate",
    "alias",
    "apply_harmonised",
    "clean_name",
    "extract",
    "harmonise",
    "harmonise_names",
    "is_junk",
    "name_key",
    "person_alias",
    "spelling_variants",
    "state_abbreviation",
    "strip_titles",
]


def extract(doc: Doc, *, article_id: str) -> tuple[list[EntityMention], list[Entity]]:
    """Entity mentions of ``doc`` with canonical names and corrected labels, and the per-article
    aggregate (one :class:`Entity` per canonical name, in order of first mention)."""
    raw = _candidates(doc)
    _name_mentions(doc, raw)
    _label_entities(raw)
    kept = [m for m in raw if m.label in LABELS]
    kept.sort(key=lambda m: m.start)
    mentions = [
        EntityMention(
            article_id=article_id,
            name=m.name,
            label=m.label,
            text=m.text,
            start=m.start,
            end=m.end,
            sent_start=m.sent_start,
        )
        for m in kept
    ]
    return mentions, aggregate(mentions)


def aggregate(mentions: Iterable[EntityMention]) -> list[Entity]:
    """One :class:`Entity` per (article, name, label): number of mentions and first offset."""
    counts: Counter[tuple[str, str, str]] = Counter()
    first: dict[tuple[str, str, str], int] = {}
    for m in mentions:
        k = (m.article_id, m.name, m.label)
        counts[k] += 1
        first[k] = min(first.get(k, m.start), m.start)
    return [
        Entity(article_id=a, name=n, label=lab, mentions=counts[(a, n, lab)], first_start=s)
        for (a, n, lab), s in sorted(first.items(), key=lambda kv: kv[1])
    ]
