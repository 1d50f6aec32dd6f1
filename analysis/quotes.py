"""Who said what: direct quotations and reported speech, each with a resolved, canonical speaker.

:func:`extract` works on the spaCy parse of an article's clean text (paragraphs separated by a
blank line). It finds quotation spans paragraph by paragraph from the quotation marks alone
(curly, straight, ``''`` and ````...''`` styles; an unclosed quotation runs to the end of its
paragraph, which is both the newspaper convention for a quotation continued in the next paragraph
and the local recovery for a missing closing mark). Speech cues are reporting verbs found in the
dependency parse ("said", "urged", "according to" ...). A quotation becomes speech when a cue
attaches it to a speaker (``“…,” Kerry said`` / ``Carter said: “…”``; quoted words, such as a
programme's title after the verb, are never the speaker) or when it is a stand-alone quoted
sentence following another quotation (the speaker carries on, but not over a sentence of the
narrator's own into a new paragraph); otherwise it is a scare quote or a title and is left out.
A quotation its cue interrupts ("“A,” said X, the bank's chief. “B.”") is one record: its
offsets span the whole, its text is the quoted words, "A … B". A cue whose reported clause is
mostly unquoted gives a ``reported`` record (partial quotations stay inside its text, so nothing
is counted twice); a cue set off by commas inside the clause it reports ("The bridge, Holt said,
would open in May") gives one record over the aside, its text the clause's words on either side
("The bridge … would open in May"); "deny/charge someone something" is no cue.

Speakers are resolved to a canonical name: entity mentions from the entity extractor when given,
else the fullest form of the name in the article ("Kerry" → "John Kerry"); a capitalised name or
acronym the model tagged nothing still names its speaker ("SOHR", "Mr Cable", "Edu"), a day never
does ("… a monitoring group said Saturday"); pronouns go to the
nearest preceding subject of the right kind ("he" never to a person known to be a woman, "she"
never to a man: :func:`person_sex`); role descriptions ("the US defence secretary") go to
the person the article gives that role, by apposition or title ("President Vladimir Putin" is
"the Russian leader"), else by the nearest named person the text does not set apart from it
(a name before an aide's role only says whose aide: "Clinton pollster Douglas Schoen"; a name
set after the description by a comma is its holder however the parse hung it); a pronoun
speaker is never a name in what it says ("Trump is no conservative, he said"), nor a person
named before an unnamed one of its own sentence ("My mother … she still says"), nor the
subject of a clause describing a noun ("in the event that Smith wins, she replied"), nor a
person named before a later main subject it more likely stands for and cannot be ("West, tagged
a place, took a swipe …", "One delegate said …", "The former envoy discussed Smith's plans");
the speaker of a relative clause ("the editor Jane Roe, who said …") goes on as a subject does.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.symbols import AUX, NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from analysis import aggregates, doc_arrays, gazetteer, geo, lexicon, sentiment, speech
from analysis.english import common_word
from analysis.entities.rules import (
    FIRST_NAME_TITLES,
    GENERATION_SUFFIXES,
    HONORIFICS,
    MONTHS_AND_DAYS,
    ORG_HEAD_WORDS,
    ROLE_TITLES,
    alias,
    full_given_name,
    given_name_sex,
    group_noun,
    is_given_name,
    is_sentence_adverb,
    name_sex,
    strip_titles,
    title_sex,
)
from analysis.entities.spans import NAMED_PERSON_NOUNS, body_named_by_place, used_as_firm
from analysis.names import actor_or_none, clean_name, is_actor_name, unbalanced_bracket
from analysis.nlp import text_of
from analysis.records import EntityMention, Quote, local_speaker
from analysis.speech import SPEAKER_LABELS, SPEECH_VERBS

log = logging.getLogger(__name__)

QUOTE_ONLY_VERBS = lexicon.words("quote_only_verbs")
# The lemmas of a cue: speech verbs, and the verbs that are one only beside a quotation.
CUE_VERBS = SPEECH_VERBS | QUOTE_ONLY_VERBS
ACCORDANCE_NOUNS = lexicon.words("accordance_nouns")

OBJECT_CONTENT_VERBS = lexicon.words("object_content_verbs")
DENIAL_VERBS = lexicon.words("denial_verbs")
UTTERANCE_NOUNS = lexicon.words("utterance_nouns")

ROLE_NOUNS = lexicon.words("role_nouns")
ONE_HOLDER_TITLES = lexicon.words("one_holder_titles")
LEAD_PERSON_NOUNS = lexicon.words("lead_person_nouns")
# Who held such an office, and when ("office/holder" → from, to as YYYYMM): "the chancellor" of
# an article that names Gordon Brown, untitled, beside holders of its time (:meth:`_Resolver.
# _listed_holder`).
OFFICE_HOLDERS = lexicon.ranges("office_holders")
LISTED_OFFICES = frozenset(key.split("/")[0] for key in OFFICE_HOLDERS)
# Role nouns that stand for another's title ("the pontiff" is "Pope Francis"): compared as that.
ROLE_SYNONYMS = lexicon.mapping("role_synonyms")
# How many sentences back a description ("the senator said") looks for the subject of the
# paragraph it continues (:meth:`_Resolver._paragraph_subject`).
PARAGRAPH_SUBJECT_SENTENCES = 2
ARABIC_GIVEN_NAMES = lexicon.words("arabic_given_names")
SURNAME_GIVEN_NAMES = lexicon.words("surname_given_names")

NAME_PREFIXES = lexicon.words("name_prefixes")

INSTITUTION_NOUNS = lexicon.words("institution_nouns")
DOCUMENT_NOUNS = lexicon.words("document_nouns")
WRITING_NOUNS = lexicon.words("writing_nouns")
# Nouns for a company named before ("the airline said"): kinds of company, as "company" is.
FIRM_DESCRIPTION_NOUNS = lexicon.words("firm_description_nouns") | {"company", "firm"}
ORG_DESCRIPTION_NOUNS = lexicon.words("org_description_nouns") | FIRM_DESCRIPTION_NOUNS
# Heads that a news agency's name makes the agency itself: "the official SANA news agency said"
# (read as a description, it went to the organisation named before it: Islamic State).
AGENCY_HEADS = frozenset({"agency", "broadcaster", "channel", "network", "television"})
# Heads that a publication's name before them makes the publication itself: "the pro-government
# al-Watan newspaper said", "Time magazine said" (BBC + FA-KES: 8 such speakers had been blank).
# Not "paper": "the Treasury paper says" is a document's words.
PUBLICATION_HEADS = frozenset({"newspaper", "daily", "weekly", "magazine", "tabloid"})
MONITOR_DESCRIPTIONS = lexicon.words("monitor_descriptions")
MONITOR_NAME_WORDS = lexicon.words("monitor_name_words")
PERSON_PRONOUNS = lexicon.words("person_pronouns")
DEICTIC_PRONOUNS = lexicon.words("deictic_pronouns")
GROUP_PRONOUNS = lexicon.words("group_pronouns")
REFERRING_PRONOUNS = lexicon.words("referring_pronouns")

# Double quotation marks. "``" / "''" are the typewriter (and PTB/NYT archive) pair; a straight
# '"' and "''" can open or close, decided from the surrounding characters.
QUOTE_MARK = re.compile(r"``|''|[\"“”„«»]")
OPENERS = frozenset({"“", "„", "«", "``"})
CLOSERS = frozenset({"”", "»"})
QUOTE_TOKENS = frozenset({"“", "”", "„", "«", "»", "``", "''", '"', "‘", "’", "'"})
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Characters before an opening straight quote / after a closing one.
OPEN_CONTEXT = set(" \t\n([{—–-/")
CLOSE_CONTEXT = set(" \t\n.,;:!?)]}—–-…")
# A quotation that ends a sentence or hands over to a cue ends with one of these.
QUOTE_FINAL_PUNCT = tuple(".?!,…—–-:;")

# A reported clause at least this much quoted counts as a direct quotation, not reported speech.
DIRECT_SHARE = 0.6
MIN_REPORTED_TOKENS = 3
# Stand-alone quoted sentences shorter than this are more often slogans or titles than speech.
MIN_STANDALONE_WORDS = 3
# How far (in tokens) a cue may sit after a quotation's closing mark / before its opening mark.
TRAILING_WINDOW = 14
LEADING_WINDOW = 6
# How many sentences back a pronoun or a role description looks for its person.
ANTECEDENT_SENTENCES = 6
# How a clause put before its sentence's subject hangs from the main verb: "*Before he spoke*,
# Pence ...", "*Despite her assurances*, Lynch was ...", "*As he considers* ..., Trump ...".
FRONTED_CLAUSE_DEPS = frozenset({"advcl", "prep", "npadvmod"})
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NARRATIVE_MARKS = lexicon.words("narrative_marks")


@dataclass
class _Quotation:
    """A span between quotation marks (start/end exclude the marks)."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_end: int  # offset just after the closing mark (or the paragraph end)
    para: int
    closed: bool
    tok_start: int = 0
    tok_end: int = 0
    cue: _Cue | None = None
    standalone: bool = False


@dataclass
class _Speaker:
    name: str | None
    mention: str | None
    start: int | None
    end: int | None
    label: str | None
    role: str | None = None


@dataclass
class _Cue:
    verb: Token | None  # None for "according to"
    text: str
    speaker_tok: Token | None
    content: tuple[int, int] | None  # token range of the reported clause
    quotes: list[_Quotation] = field(default_factory=list)
    speaker: _Speaker | None = None
    # token range of the cue's own words inside ``content`` when the cue interrupts the clause
    # ("The bridge, Holt said, would open …"): left out of the record's text
    gap: tuple[int, int] | None = None


# --------------------------------------------------------------------------------------------
# quotation marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _mark_role(text: str, start: int, end: int, mark: str) -> str:
    if mark in OPENERS:
        return "open"
    if mark in CLOSERS:
        return "close"
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in OPEN_CONTEXT and after not in " \t\n":
        return "open"
    if after in CLOSE_CONTEXT or before not in OPEN_CONTEXT:
        return "close"
    return "either"


def find_quotations(text: str) -> list[_Quotation]:
    """Quotation spans, paragraph by paragraph; unbalanced marks are recovered locally."""
    found: list[_Quotation] = []
    for para_no, (p_start, p_end) in enumerate(_paragraphs(text)):
        open_mark: re.Match | None = None
        for m in QUOTE_MARK.finditer(text, p_start, p_end):
            role = _mark_role(text, m.start(), m.end(), m.group())
            if open_mark is None:
                if role != "close":
                    open_mark = m
                # A closing mark with nothing open is a stray: ignore it rather than guess.
                continue
            if role == "open":
                # A second opening mark while one is open: the first was never closed. End it
                # here so the damage stays inside this stretch of the paragraph.
                found.append(_make(text, open_mark, m.start(), m.start(), para_no, False))
                open_mark = m
                continue
            found.append(_make(text, open_mark, m.start(), m.end(), para_no, True))
            open_mark = None
        if open_mark is not None:
            found.append(_make(text, open_mark, p_end, p_end, para_no, False))
    return [q for q in found if q.end > q.start]


def _make(text: str, open_mark: re.Match, end: int, close_end: int, para: int, closed: bool):
    start = open_mark.end()
    # Trim whitespace and the comma that hands over to the cue ("…meetings,” Kerry said").
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return _Quotation(start, end, open_mark.start(), close_end, para, closed)


# --------------------------------------------------------------------------------------------
# names


def _name_key(text: str) -> list[str]:
    words = [
        w
        for w in clean_name(text, phrase=True).split()
        if w.lower().strip(",") not in NAME_PREFIXES
    ]
    return words


class _Names:
    """Canonical names for one article, from its entity mentions (a required input).

    The entity extractor has already joined "Kerry" to "John Kerry" and an acronym the article
    defines to its expansion; this only looks names up, so quotes and entities name an actor the
    same way. A speaker with no mention keeps its own words (a surname that some mentioned person
    carries becomes that person's full name).
    """

    def __init__(self, doc: Doc, mentions: Sequence[EntityMention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._max_end = list(itertools.accumulate((m.end for m in self.mentions), max))
        self.text = text_of(doc)
        self.by_surname: dict[str, str] = {}
        self.by_surname_sex: dict[tuple[str, str], str] = {}  # ("clinton", "F"): "Hillary …"
        # the model's labels, or the entity extractor's where it corrected one ("the Syrian
        # Observatory for Human Rights" tagged FAC is the organisation its mention says)
        # A discourse word the model tagged ("Meanwhilee the coalition …") is no antecedent.
        self.ents = [
            e
            for e in doc_arrays.entities(doc)
            if (
                e.label_ in SPEAKER_LABELS
                or getattr(self.mention_at(e.start_char, e.end_char), "label", None)
                in SPEAKER_LABELS
            )
            and not (len(e) == 1 and is_sentence_adverb(e.text))
        ]
        # A surname alone is the person of that surname the article names the most ("Cruz" is
        # Ted Cruz, not his wife Heidi Cruz named once; as the entity layer joins it): a full
        # name before the surname alone, then the most mentions, then the most words.
        counts: Counter[str] = Counter()
        for m in self.mentions:
            if m.label == "PERSON" and _name_key(m.name):
                counts[" ".join(_name_key(m.name))] += 1
        # every word of the people's names ("Megyn" of Megyn Kelly): no name of a stranger
        self.person_words = frozenset(w.lower() for full in counts for w in full.split())
        for full, n in counts.items():
            surname = full.split()[-1].lower()
            best = self.by_surname.get(surname)
            rank = (" " in full, n, len(full.split()))
            if best is None or rank > (" " in best, counts[best], len(best.split())):
                self.by_surname[surname] = full
            sex = name_sex(full)
            best = self.by_surname_sex.get((surname, sex or ""))
            if sex and (best is None or len(full.split()) > len(best.split())):
                self.by_surname_sex[(surname, sex)] = full

    def mention_at(self, start: int, end: int) -> EntityMention | None:
        """The mention overlapping [start, end) the most (the first of equals). Found by bisection
        and a backward scan bounded by the running maximum of mention ends, so a long article's
        thousands of mentions are not all visited per lookup."""
        best, best_overlap = None, 0
        i = bisect.bisect_left(self._starts, end) - 1
        while i >= 0 and self._max_end[i] > start:
            m = self.mentions[i]
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0 and overlap >= best_overlap:  # >=: scanning backwards, keep the first
                best, best_overlap = m, overlap
            i -= 1
        return best

    def proper(self, words: Span) -> tuple[str, str] | None:
        """The actor an untagged proper name (``words``: "SOHR", "Mr Cable", "Human Rights
        Watch") stands for, as the article or the name tables know it: the entity extractor's
        mention of these words, a known alias or news agency, or the article's named actor
        whose name it is, ends ("Cable" → "Vincent Cable", "Rowling" → "JK Rowling") or whose
        initials it spells ("IFRC" → "International Federation of Red Cross"). None when
        nothing knows it. A title before the name ("Mr", "Dr") makes it a person whatever the
        mention's label (the entity layer had "Vincent Cable" an organisation)."""
        text = clean_name(words.text, phrase=True)
        head = words[-1]
        own = self.mention_at(head.idx, head.idx + len(head))
        if own is not None and own.label in SPEAKER_LABELS:
            found = self.actor(own, words.text)
        elif (known := alias(text)) is not None:
            found = known
        elif (agency := speech.agency_named(text)) is not None:
            found = self.canonical(agency, "ORG", words.start_char, words.end_char)
        else:
            found = self._fuller(text, words.start_char)
        if found is not None and words[0].lower_ in HONORIFICS and len(words) > 1:
            return found[0], "PERSON"
        return found

    def _fuller(self, text: str, at: int) -> tuple[str, str] | None:
        """The article's named actor called ``text``, or whose name ends with ``text``'s words,
        or whose initials spell the acronym ``text``: the one with the fewest other words, the
        nearest before ``at`` (else the first after) of those ("Mistura" is "Staffan de
        Mistura", not the "Syria Staffan de Mistura" a run-in title gave)."""
        # words split at hyphens too: "Abdah" is "Anas al-Abdah"
        bare, title = strip_titles(text)
        key = bare.lower().replace("-", " ").split()
        if not key:
            return None
        acronym = text.isupper() and 2 <= len(text) <= 6 and " " not in text
        sex = title_sex(title)  # "Mrs. Clinton" is no "Bill Clinton"

        def extra(m: EntityMention) -> int | None:
            """How many words ``m``'s name has besides ``key``, or None if it does not fit."""
            if m.label not in SPEAKER_LABELS:
                return None
            if sex and m.label == "PERSON" and name_sex(m.name) not in (None, sex):
                return None
            words = m.name.lower().replace("-", " ").split()
            if len(words) >= len(key) and words[-len(key) :] == key:
                return len(words) - len(key)
            initials = "".join(w[0] for w in m.name.split() if w[:1].isupper())
            return len(words) if acronym and initials == text else None

        best: tuple[tuple[int, int, int], EntityMention] | None = None
        for m in self.mentions:
            n = extra(m)
            if n is None:
                continue
            rank = (n, 0, at - m.start) if m.start < at else (n, 1, m.start)
            if best is None or rank < best[0]:
                best = (rank, m)
        if best is None and len(key) == 1 and (full := self._untagged_full_name(bare)):
            return full, "PERSON"
        return (best[1].name, best[1].label) if best is not None else None

    @staticmethod
    def actor(mention: EntityMention, text: str) -> tuple[str, str]:
        """The speaker's name and label for the entity ``mention`` written ``text``: its
        canonical name, but for a group the plural noun the text calls it ("Democrats said",
        not the mentions' adjective "Democratic": :func:`group_noun`)."""
        if mention.label == "NORP":
            return group_noun(mention.name, text), mention.label
        return mention.name, mention.label

    def canonical(self, text: str, label: str | None, start: int, end: int) -> tuple[str, str]:
        mention = self.mention_at(start, end)
        if mention is not None:
            return self.actor(mention, text)
        name = clean_name(text, phrase=True)
        if label == "ORG":
            # an organisation the model tagged nothing, by a known variant of its name ("the
            # Syrian Observatory said" in a story without the full name)
            known = alias(name)
            if known is not None and known[1] == "ORG":
                return known
        if label == "PERSON" or label is None:
            key = _name_key(name)
            # "Mrs. Clinton" is the woman of that surname, "Mr. Clinton" the man
            sex = title_sex(strip_titles(name)[1])
            if key and sex and (key[-1].lower(), sex) in self.by_surname_sex:
                return self.by_surname_sex[(key[-1].lower(), sex)], "PERSON"
            if key and key[-1].lower() in self.by_surname:
                return self.by_surname[key[-1].lower()], "PERSON"
            if len(key) == 1 and (full := self._untagged_full_name(key[0])) is not None:
                return full, "PERSON"
            if key:
                name = " ".join(key)
        return name, label or "PERSON"

    def _untagged_full_name(self, surname: str) -> str | None:
        """The full name the article writes the surname ``surname`` with, a given name before
        it (:func:`_given_name_like`), where the tagger tagged it nothing ("backed by singers
        Tom Hale, Mira Castell and Ann Lowe. Castell said": Mira Castell). Only one such given
        name: two people of that surname leave it alone."""
        if not surname[:1].isupper() or len(surname) < 3:
            return None
        found = {
            m.group(1)
            for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(surname)}\b", self.text)
            if _given_name_like(m.group(1))
        }
        return f"{found.pop()} {surname}" if len(found) == 1 else None


def _given_name_like(word: str) -> bool:
    """Whether ``word``, capitalised before a surname, may be a given name: one the tables know,
    or a word that is no common English word, title, party or place (a given name the tables
    lack; not "Mr", "Tory", "Leeds", nor a short word: "No Bill goes through …")."""
    if is_given_name(word):
        return True
    low = word.lower()
    if (
        len(word) < 3
        or common_word(low)
        or low in HONORIFICS
        or low in ROLE_TITLES
        or alias(word) is not None
    ):
        return False
    return geo.locate(word) is None


# --------------------------------------------------------------------------------------------
# cues and speakers


# Speech verbs whose infinitive is the message: "urged the council to act", "told them to
# leave", "vowed to form a task force" (a promise made aloud: "He also vowed to …").
INFINITIVE_CONTENT_VERBS = frozenset({"urge", "warn", "call", "ask", "tell", "vow"})


def _content(verb: Token) -> tuple[int, int] | None:
    """Token range of the clause a cue verb reports, or None."""
    parts: list[Token] = []
    objects: list[Token] = []
    for child in verb.children:
        if (
            child.dep_ in ("ccomp", "parataxis", "oprd")
            or child.dep_ == "xcomp"
            and verb.lemma_ in INFINITIVE_CONTENT_VERBS
        ):
            parts.append(child)
        elif child.dep_ == "dobj":
            objects.append(child)
            if verb.lemma_.lower() in OBJECT_CONTENT_VERBS:
                parts.append(child)  # "announced new sanctions": the object is what was said
    if not parts:
        return None
    parts.extend(_condition_after(verb, parts))
    parts.extend(_second_clause_after(verb, parts))
    if any(p.dep_ == "xcomp" for p in parts):
        parts.extend(o for o in objects if o.i < min(p.i for p in parts))
    lo, hi = len(verb.doc), 0
    para_lo, para_hi = _paragraph_tokens(verb)
    for part in parts:
        toks = [t.i for t in part.subtree if para_lo <= t.i < para_hi]
        if not toks:
            continue
        # Leave out narrative clauses tacked on after the reported one ("…, as he was due to …").
        for child in part.children:
            if (
                child.dep_ == "advcl"
                and child.i > part.i
                and any(c.dep_ == "mark" and c.lower_ in NARRATIVE_MARKS for c in child.children)
                and _narrated_after(child, verb)
            ):
                drop = {t.i for t in child.subtree}
                toks = [i for i in toks if i not in drop]
        # A second speech verb hanging inside the clause ("… would be on the frontlines and
        # claimed that one had died", "…, saying that race still matters", "…, though she
        # noted clients …") reports a clause of its own.
        for t in part.subtree:
            if t.i > part.i and t.lemma_.lower() in SPEECH_VERBS and _second_cue(t):
                drop = {d.i for d in t.subtree}
                toks = [i for i in toks if i not in drop and i < min(drop)]
                break
        if not toks:
            continue
        lo, hi = min(lo, min(toks)), max(hi, max(toks) + 1)
    doc = verb.doc
    if hi <= lo:
        return None
    # The span must not swallow the cue verb itself (parse oddities) — keep the side it lies on.
    if lo <= verb.i < hi:
        if verb.i - lo > hi - verb.i:
            hi = verb.i
        else:
            lo = verb.i + 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "mark" or doc[lo].is_space):
        lo += 1
    # ... nor a conjunction whose conjunct was left out ("he found Trump to be “very charming”
    # and [left]", a speech verb's or a narrative clause cut above: 158 quotes of the real and
    # PolNeAR stores had ended in "and" or "but")
    while hi > lo and (
        doc[hi - 1].is_punct
        and doc[hi - 1].text not in "”\"'’"
        and not _closes(doc, lo, hi)
        or doc[hi - 1].is_space
        or doc[hi - 1].pos_ == "CCONJ"
    ):
        hi -= 1
    if hi > lo:
        lo = _first_conjunct(verb, lo, hi, para_lo)
    return (lo, hi) if hi > lo else None


# The conjunctions of a condition: what the reported clause holds only on it.
CONDITION_MARKS = frozenset({"if", "unless"})


def _condition_after(verb: Token, parts: list[Token]) -> list[Token]:
    """The condition after a cue's clause that the parse hung off the cue verb ("He said the
    mayor would look braver if she cut the fares", "if" made the adverbial of "said"): the
    clause holds only on it, so it is the speaker's too (PolNeAR's attributions hold it).
    Only after a clause that follows the verb, and only "if" or "unless": "…, as he left",
    "… because she was asked" may be the narrator's (see :func:`_narrated_after`)."""
    if any(p.i < verb.i for p in parts):
        return []
    last = max(p.right_edge.i for p in parts)
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.left_edge.i > last
        and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
    ]


def _second_clause_after(verb: Token, parts: list[Token]) -> list[Token]:
    """A second reported clause the parse joined to the cue verb, not to the first clause:
    one opened by "that" ("She said the fares were fair, but that few could pay them") or
    holding quoted words ("… was being reviewed, but it was an “urgent priority”"): the
    speaker's by its "that" or its quotation marks. Another joined clause ("He said the plant
    would open in May, but the work was soon delayed") may be the narrator's and is left out;
    so is a joined speech verb, a cue of its own."""
    if any(p.i < verb.i for p in parts):
        return []
    last = max(p.right_edge.i for p in parts)
    doc = verb.doc
    out = []
    for c in verb.children:
        if c.dep_ != "conj" or c.left_edge.i <= last or c.lemma_.lower() in SPEECH_VERBS:
            continue
        marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        quoted = any(QUOTE_MARK.fullmatch(t.text) for t in doc[c.left_edge.i : c.right_edge.i + 1])
        if marked or quoted:
            out.append(c)
    return out


def _first_conjunct(verb: Token, lo: int, hi: int, para_lo: int) -> int:
    """Where a trailing cue's clause starts when the parse hung the cue off the sentence's first
    clause: "The pier was to be rebuilt, but the contractor walked away, an engineer said"
    (``said`` a conjunct of ``was``, reporting only "the contractor walked away") reports the
    whole sentence before it, its first clause too (PolNeAR's attributions do). Only for a
    cue after its clause, joined to a first clause that is no speech of its own ("He said A,
    but B, she added": A is his)."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "conj" or hi > verb.i or head.i >= lo:
        return lo
    if head.lemma_.lower() in SPEECH_VERBS:
        return lo
    cc = doc[lo - 1]
    if cc.pos_ != "CCONJ" or cc.head != head or doc[lo - 2].text not in _ASIDE_MARKS:
        return lo
    return max(head.left_edge.i, head.sent.start, para_lo)


# How far past an adverbial clause a speaker's cue may still be its own ("… a monitor said").
_TRAILING_CUE_WORDS = 4


def _second_cue(verb: Token) -> bool:
    """Is the speech ``verb`` inside a reported clause a cue of its own: joined to it ("and
    claimed that …") or an adverbial set off by a comma (", saying that …", ", adding that
    …", ", though she noted …")? Not a bare verb joined to a bare verb of the clause: the two
    share the clause's modal or "to", and its subject ("he would sit the envoy down and tell
    him …" is one clause; "she found … and claimed …" may be the speaker's second cue)."""
    if verb.dep_ == "conj":
        return not (verb.tag_ == "VB" and verb.head.tag_ == "VB")
    first = verb.left_edge.i
    return verb.dep_ == "advcl" and first > 0 and verb.doc[first - 1].text in _ASIDE_MARKS


def _narrated_after(clause: Token, cue: Token) -> bool:
    """Is the adverbial ``clause`` after a reported one the narrator's, not the speaker's? It is
    when set off by a comma or dash ("…, as fighting went on in the north"), or when a speech
    verb other than the ``cue`` is in it or just after it: another source's words ("… while the
    monitor said …", in a text stripped of its commas "… while an activist in the town said
    …"). A clause the speaker's sentence runs on into is theirs ("they were appointed before
    she came", "it would take more hours before details emerge", "… before cops came, a source
    said": PolNeAR's attributions hold those)."""
    doc = clause.doc
    first = clause.left_edge.i
    if first > 0 and doc[first - 1].text in _ASIDE_MARKS:
        return True
    end = min(clause.right_edge.i + 1 + _TRAILING_CUE_WORDS, clause.sent.end)
    return any(
        t.pos == VERB and t.lemma_.lower() in SPEECH_VERBS and t != cue for t in doc[first:end]
    )


_BRACKETS = {")": "(", "]": "["}


def _closes(doc, lo: int, hi: int) -> bool:
    """Is ``doc[hi - 1]`` a closing bracket whose opening one is in ``doc[lo:hi - 1]`` ("the
    veracity of (the reports)": cut, the words read "(the reports")?"""
    opener = _BRACKETS.get(doc[hi - 1].text)
    return opener is not None and any(doc[i].text == opener for i in range(lo, hi - 1))


def _paragraph_tokens(token: Token) -> tuple[int, int]:
    """Token range of the paragraph ``token`` sits in (the parse may run across a break)."""
    return doc_arrays.paragraph_tokens(token.doc, token.i)


def _trim(span: Span) -> Span:
    """A name span without brackets or punctuation at its edges ("the SDF (" → "the SDF")."""
    lo, hi = span.start, span.end
    while hi > lo and span.doc[hi - 1].is_punct:
        hi -= 1
    while lo < hi and span.doc[lo].is_punct:
        lo += 1
    return span.doc[lo:hi] if hi > lo else span


def _role_word(word: str) -> str:
    """The role noun ``word`` (lower case) as the title it stands for (:data:`ROLE_SYNONYMS`):
    a story gives "Pope Francis" his title once and calls him "the pontiff" after."""
    return ROLE_SYNONYMS.get(word, word)


def _role_lemma(token: Token) -> str:
    """The lemma of ``token`` as a role noun: "Sen." in "Florida Sen. Marco Rubio" is the
    senator's title, as "Senator" would be."""
    return _role_word(token.lemma_.lower())


def _role_words(words: Iterable[str]) -> frozenset[str]:
    """The words of a role or a description, lower case, synonyms as their title's noun."""
    return frozenset(_role_word(w.lower()) for w in words)


def _role_span(head: Token, name: Span | None = None) -> str:
    """A role phrase: the noun with its modifiers and "of" phrase, without the name itself."""
    skip = {"appos", "relcl", "acl", "conj", "cc", "punct"}
    keep = [head]
    stack = list(head.children)
    while stack:
        t = stack.pop()
        if t.dep_ in skip or t.dep_ == "det" or (name is not None and name.start <= t.i < name.end):
            continue
        if t.dep_ == "prep" and t.lower_ != "of":
            continue
        keep.append(t)
        stack.extend(t.children)
    keep.sort(key=lambda t: t.i)
    out = " ".join(t.text for t in keep)
    return re.sub(r" ([’']s)\b", r"\1", out).strip()


# A party-state tag after a lawmaker's name, as American news writes it: "Sen. Marco Rubio
# (R-Fla.)", "Sen. Bernie Sanders, I-Vt., said": the party's letter, then the state; or the
# state alone in brackets ("Sen. Rand Paul (Ky.)", as The Washington Post writes it).
_STATE_WORDS = r"([A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*)?)"
_PARTY_STATE_TAG = re.compile(
    r"\s*(?:[(,]\s*([RDI])\s?-\s?" + _STATE_WORDS + r"\s*[),]|\(" + _STATE_WORDS + r"\))"
)
# The party a tag's letter stands for, as a description says it ("the independent Vermont
# senator", "the Democratic senator").
_PARTY_LETTERS = {"R": "republican", "D": "democratic", "I": "independent"}


def _us_state_words(written: str) -> frozenset[str]:
    """The words of the US state ``written`` names ("Fla." → florida; "New York" → new,
    york), lower case as a description writes them; empty when it names none."""
    from analysis import geo  # the gazetteer's tables, read only for a titled name

    state = geo.us_state(written)
    return frozenset(state.lower().split()) if state else frozenset()


def _state_before_title(words: Span, title: Token) -> bool:
    """Whether ``words``, right before the title ``title``, are a US state written as part of
    it ("Florida Sen.", "N.Y. Gov."): proper nouns of its sentence, not a dateline's capitals
    ("WASHINGTON Sen. …" lost its dash), a town's state or words across a line break."""
    return (
        all(t.pos_ == "PROPN" and (not t.is_upper or "." in t.text) for t in words)
        and all(title.sent.start <= t.i for t in words)
        and "\n" not in words.doc[words.start : title.i + 1].text
        # nor a town's state ("PORTLAND, Ore. Sen. …", a dateline that lost its dash)
        and not (words.start > 0 and words.doc[words.start - 1].text == ",")
        and bool(_us_state_words(words.text))
    )


@functools.cache
def _state_names() -> frozenset[str]:
    """The US states' names, lower case ("florida", "new york")."""
    from analysis import geo  # the gazetteer's tables, read only for a titled name

    return frozenset(state.lower() for state, _alone in geo.us_state_spellings().values())


def _states_in(words: frozenset[str]) -> frozenset[str]:
    """The US states whose every word is in ``words`` (a role's or a description's words,
    lower case): "the Florida senator" → florida; "New York Gov." → new york."""
    return frozenset(n for n in _state_names() if set(n.split()) <= words)


def _place_of_title(name: Span, title: Token) -> frozenset[str]:
    """The US state the article gives the person ``name`` with the title ``title``, and the
    party a tag says: written right before the title ("Florida Sen. Marco Rubio", "New York
    Gov. Ana Ruiz": the parse hangs the state off the name, not the title), or in a
    party-state tag right after the name ("Sen. Marco Rubio (R-Fla.)", "Sen. Rand Paul (Ky.)"),
    or after "from" ("the senator from Vermont"). "The Florida senator" is then that person,
    never a senator of another state (:meth:`_Resolver._description`)."""
    doc = name.doc
    found: frozenset[str] = frozenset()
    lo = min(title.i, name.start)
    if title.i <= name.start:
        for size in (2, 1):  # the longest first: "New York", not "York"
            words = doc[max(lo - size, 0) : lo]
            if len(words) == size and _state_before_title(words, title):
                found = _us_state_words(words.text)
                break
    for prep in title.children:
        # "Sanders, the senator from Vermont" (an "of" phrase is in the role already)
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    found = found | _us_state_words(_propn_chain(pobj).text)
    tag = _PARTY_STATE_TAG.match(text_of(doc), name.end_char)
    if tag is not None:
        written = tag.group(2) or tag.group(3)
        state = _us_state_words(written) or _us_state_words(written.split()[0])
        if state:
            party = {_PARTY_LETTERS[tag.group(1)]} if tag.group(1) else set()
            found = found | state | party
    return found


def _propn_chain(token: Token) -> Span:
    """A proper-noun head with its compound proper nouns ("Major General Igor Konashenkov")."""
    lo = min(
        [token.i] + [c.i for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    )
    return token.doc[lo : token.i + 1]


def _given_name_before(ent: Span) -> Span | None:
    """The person's name a one-word entity the tagger did not call a person ends, when an
    untagged given name is compounded onto it ("Mayor Ana Costa told reporters", only "Costa"
    tagged, as an organisation): the given name makes a person's name of the two; None when
    there is none (a company named after its founder is one span, "John Lewis")."""
    if ent.label_ == "PERSON" or len(ent) != 1 or ent.start == 0:
        return None
    first = ent.doc[ent.start - 1]
    if (
        first.pos_ != "PROPN"
        or first.ent_type_
        or first.dep_ != "compound"
        or first.head.i != ent.root.i
        or not is_given_name(first.text)
    ):
        return None
    return ent.doc[first.i : ent.end]


def _his_own(ent: Span) -> bool:
    """Whether ``ent``, a name of two or more proper nouns the tagger called a body, is a man's
    or a woman's by its own sentence: the subject of a clause whose verb (or a verb joined to
    it) takes "his" or "her" thing, no other person named there ("Sebastien Sainsbury had been
    close to a takeover but withdrew his offer": a body's offer would be "its"). A later "he"
    is then that person, not a man named paragraphs before."""
    root = ent.root
    if len(ent) < 2 or root.dep_ != "nsubj" or any(t.pos_ != "PROPN" for t in ent):
        return False
    verb = root.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    owned = any(
        t.lower_ in ("his", "her") and t.dep_ == "poss"
        for v in verbs
        for c in v.children
        if c.dep_ in ("dobj", "attr")
        for t in c.children
    )
    others = any(e.label_ == "PERSON" and e.start != ent.start for e in ent.sent.ents)
    return owned and not others


def _own_qualifier(noun: Token) -> bool:
    """Whether a description names its own body by a proper noun before its noun ("The IS
    group", "the UN humanitarian agency", "the Sana agency"): then it is no description of
    another organisation named before (they had been the Observatory's words). A nationality
    only describes ("the Syrian monitoring group")."""
    return any(
        (t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "GPE")) or t.ent_type_ == "ORG"
        for t in noun.lefts
        if t.dep_ in ("compound", "nmod", "amod")
    )


def _own_name(words: Span) -> tuple[str, str] | None:
    """An unknown proper name as a speaker's name, by its own words ("Edu", "SORH", "Ahmed"),
    titles dropped ("Lt Col Eric Schnaible"): an acronym or a name with "the" is an
    organisation, an organisation's last word ("Brigade") says so too, else a person. None
    for what only looks like a name: a capitalised description or generic word alone after
    an article or a title ("an NGO", "the Archbishop", "Lord"; "Civilians", "Rescuers" in
    a title-cased headline), a name with a common noun or a possessive before it ("Syrian
    state TV", "St Fintian's High School"), a piece of a web address ("Halo.Bungie.Org"), a
    place ("Aleppo") or a possessive that lost its apostrophe ("Kerrys meeting")."""
    head = words[-1]
    doc = head.doc
    dets = {c.lower_ for c in head.children if c.dep_ == "det"}
    if len(words) == 1 and (
        dets or head.tag_ == "NNPS" or head.lower_ in HONORIFICS or head.lower_ in ORG_HEAD_WORDS
    ):
        return None  # "the Archbishop", "Civilians", "Lord", "Association"
    if dets & {"a", "an", "another"}:
        return None  # "an NGO"
    described = _described_kind(words)
    if described is None and any(
        c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ != "PROPN" for c in head.children
    ):
        return None  # "Syrian state TV", "St Fintian's High School", "Assads Bombing"
    if words.start > 0 and not doc[words.start - 1].whitespace_:
        return None  # "Halo.Bungie.Org"
    name = clean_name(words.text, phrase=True)
    if gazetteer.place(name) is not None:
        return None
    if name.endswith("s") and gazetteer.country(name[:-1]) is not None:
        return None
    if described == "ORG" or name.isupper() and len(name) > 1 or "the" in dets:
        return name, "ORG"
    if head.lower_ in ORG_HEAD_WORDS:
        return name, "ORG"
    if body_named_by_place(words):
        return name, "ORG"  # "Hospitals Wales said", untagged: the body, no person
    name = strip_titles(name)[0]  # "Lt Col Eric Schnaible" (not "the General Staff")
    return (name, "PERSON") if name else None


def _described_kind(words: Span) -> str | None:
    """ "PERSON" or "ORG" when what stands right before the proper name ``words`` says what it
    names: a common noun for a person's role or trade ("BP chief executive Lord Browne",
    "Referee Graham Poll", "fertility expert Lord Winston"), or for a kind of body ("anti-virus
    firm F-Secure", "marketing magazine New Media Age"); or a body's possessive before a given
    name ("The Fabian Society's Sundar Katwala"). The model tags such names as often as not;
    the words before them name their kind. None for anything else: "Syrian state TV" ("state"
    is no description), "St Fintian's High School" (no given name after the possessive)."""
    head = words[-1]
    before = [c for c in head.children if c.i < words.start and c.dep_ in ("compound", "poss")]
    if not before:
        return None
    nearest = max(before, key=lambda c: c.i)
    if nearest.dep_ == "poss":
        given = len(words) > 1 and _given_name_like(words[0].text)
        return "PERSON" if given and nearest.pos_ == "PROPN" else None
    if nearest.pos_ != "NOUN" or nearest.tag_ != "NN" or nearest.i != words.start - 1:
        return None
    if _person_noun(nearest) or _epithet_word(nearest) in SPORT_TRADES:
        return "PERSON"
    lemma = nearest.lemma_.lower()
    return "ORG" if lemma in _BODY_DESCRIPTION_NOUNS or lemma in MEDIA_NAME_WORDS else None


def _month_surname(token: Token) -> bool:
    """Whether ``token``, a month's or a day's name, is a surname: a given name or a title
    right before it, run into it ("Theresa May", "Mrs May"), and the model tagged no date."""
    if token.i == 0 or token.ent_type_ in ("DATE", "TIME"):
        return False
    prev = token.doc[token.i - 1]
    return (
        prev.pos_ == "PROPN"
        and prev.head.i == token.i
        and not speech.is_time(prev)
        and (is_given_name(prev.text) or prev.lower_ in MALE_TITLES | FEMALE_TITLES)
    )


_QUESTION_WORDS = frozenset({"why", "how", "what", "when", "where", "who", "whether"})


def _asks(clause: Token) -> bool:
    """Whether the clause headed by ``clause`` is put as a question: a question mark ends it,
    or an auxiliary stands before its subject ("will the prime minister not …", "why did
    they …")."""
    last = max(t.i for t in clause.subtree)
    doc = clause.doc
    if doc[last].text == "?" or last + 1 < len(doc) and doc[last + 1].text == "?":
        return True
    subject = next((c for c in clause.children if c.dep_ in CLAUSE_SUBJECT_DEPS), None)
    if subject is None:
        return False
    before = [c for c in clause.children if c.i < subject.i]
    return any(c.dep_ == "aux" for c in before) and (
        before[0].dep_ == "aux" or before[0].lower_ in _QUESTION_WORDS
    )


# British spellings to American ones (lexicon uk_us_words): "the centre" of a story is the
# "… Information Center" it named, "the organisation" the "World Health Organization".
UK_US_WORDS = lexicon.mapping("uk_us_words")


def _spellings(noun: str) -> set[str]:
    """``noun`` (lower case) and its American spelling, if it has another."""
    return {noun, UK_US_WORDS.get(noun, noun)}


def _name_words(token: Token) -> Span:
    """A proper noun with the proper nouns before it that modify it, however nested ("Human
    Rights Watch", "Mr Cable")."""
    doc = token.doc
    lo = token.i
    while lo > token.sent.start:
        prev = doc[lo - 1]
        if prev.text == "-" and not prev.whitespace_ and lo - 2 >= token.sent.start:
            # "Jean-Michel Lemetayer", "T-Mobile": a name's parts joined by a hyphen
            if doc[lo - 2].text[:1].isupper() and not doc[lo - 2].whitespace_:
                lo -= 2
                continue
            break
        if prev.pos_ != "PROPN" or prev.dep_ != "compound" or not token.is_ancestor(prev):
            break
        lo -= 1
    return doc[lo : token.i + 1]


# Lower-case words an organisation's own name may hold ("Doctors Without Borders" is written
# "Doctors without Borders" too, "Save the Children", "Friends of the Earth").
_NAME_SMALL_WORDS = frozenset({"of", "for", "the", "without", "and", "&", "de", "in", "on"})


def _title_name(words: list[Token]) -> bool:
    """Whether ``words`` read as an organisation's own name: capitalised words, small words only
    inside, no punctuation, no number, at most eight words."""
    if not 1 <= len(words) <= 8 or any(t.is_punct or t.like_num for t in words):
        return False
    if not all(t.is_title or t.is_upper for t in (words[0], words[-1])):
        return False
    return all(t.is_title or t.is_upper or t.lower_ in _NAME_SMALL_WORDS for t in words)


def _name_after(noun: Token) -> list[Token]:
    """The words of a name right after a description noun that name its own body: its
    apposition ("the charity Save the Children", "another monitoring group the Local
    Coordination Committees", a "the" before it dropped), or proper nouns the parser made a
    second subject beside it ("the state news agency SANA did not … but said": SANA's words,
    not the monitor's named sentences before). Empty when no name follows."""
    doc = noun.doc
    nxt = noun.i + 1
    if nxt >= len(doc):
        return []
    for child in noun.children:
        if child.dep_ != "appos":
            continue
        words = sorted(child.subtree, key=lambda t: t.i)
        if words[0].i != nxt:
            continue
        return words[1:] if words[0].lower_ == "the" and len(words) > 1 else words
    first = doc[nxt]
    if first.pos_ == "PROPN" and first.head == noun.head and first.dep_ == noun.dep_:
        words = [first]
        while words[-1].i + 1 < len(doc) and doc[words[-1].i + 1].pos_ == "PROPN":
            words.append(doc[words[-1].i + 1])
        return words
    return []


def _named_by_clause(token: Token) -> Span | None:
    """The person a "named"/"called" clause gives the noun ``token`` ("a witness named Ahmad")."""
    if token.lower_ not in NAMED_PERSON_NOUNS or token.tag_ != "NN":
        return None
    for child in token.children:
        if child.dep_ == "acl" and child.lower_ in ("named", "called"):
            for name in child.children:
                # whatever the model tagged it: the entity extractor makes it a person too
                ent = speech.entity_of(name) if name.dep_ in ("oprd", "attr", "dobj") else None
                if ent is not None and ent.label_ in SPEAKER_LABELS:
                    return ent
    return None


def _apposed_after(role: Token) -> Span | None:
    """The person named after a role description the parse did not join to it: "…," wrote
    the American ambassador at the time, John E. Herbst." (the name hung off the verb). The
    name follows the description and any phrase after it, set off by a comma, and ends the
    clause; it is a person the model tagged, a sibling or dependent of the role noun and not
    itself a subject or object (the description had gone to the person named before)."""
    if role.lemma_.lower() not in ROLE_NOUNS or role.tag_ != "NN":
        return None
    doc = role.doc
    i = role.right_edge.i + 1
    # a phrase of the verb's right after the description ("at the time")
    while i < len(doc) and doc[i].dep_ == "prep" and doc[i].head.i == role.head.i:
        i = doc[i].right_edge.i + 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    ent = speech.entity_of(doc[i + 1])
    if ent is None or ent.label_ != "PERSON" or ent.start != i + 1:
        return None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and not (after.is_punct and after.text in (".", ",", ";")):
        return None
    if ent.root.dep_ not in ("appos", "npadvmod", "dep") or ent.root.head.i not in (
        role.i,
        role.head.i,
    ):
        return None
    return ent


def _np_span(token: Token) -> Span:
    """The noun phrase a subject token heads, without relative clauses or appositions."""
    keep = [
        t.i
        for t in token.subtree
        if not any(
            a.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "prep") and a.i != token.i
            for a in _ancestors_until(t, token)
        )
        and t.dep_ not in ("relcl", "acl", "appos", "punct", "cc", "conj", "prep")
        or t.i == token.i
    ]
    return token.doc[min(keep) : max(keep) + 1]


def _after_relative_clause(appos: Token, noun: Token) -> bool:
    """Does a relative clause of ``noun`` come between it and ``appos``? Then ``appos`` is the
    clause's last words taken for an apposition ("The actor, whose films include Harbour
    Lights and Space Wars: The Last Voyage, said": the film after the colon), not the noun's
    name ("the spokesman, Igor Konashenkov, said")."""
    return any(c.dep_ == "relcl" and noun.i < c.i < appos.i for c in noun.children)


def _in_relative_clause(token: Token, noun: Token) -> bool:
    """Is ``token`` inside a relative clause hung on ``noun`` ("whose films include …")?"""
    return any(a.dep_ == "relcl" for a in _ancestors_until(token, noun))


def _ancestors_until(token: Token, stop: Token) -> list[Token]:
    out, cur = [], token
    # by index: spaCy makes a new Token on each .head, so an identity test never meets the root
    while cur.i != stop.i and cur.head.i != cur.i:
        out.append(cur)
        cur = cur.head
    return out


# Determiners of a noun that is no one in particular ("no other secretary of state had …").
_NO_ONE_DETS = frozenset({"no", "any", "every", "each", "all"})


class _Resolver:
    """Speaker resolution for one article, in document order (it remembers earlier speakers)."""

    def __init__(self, doc: Doc, names: _Names, quoted: list[bool], published: str | None = None):
        self.doc = doc
        # the article's month (YYYYMM) from its YYYY-MM-DD date, when dated: an office's
        # holder then (_listed_holder)
        self.month = int(published[:4]) * 100 + int(published[5:7]) if published else None
        self.names = names
        self.quoted = quoted
        self.roles: dict[str, str] = {}  # canonical name → role, from appositions
        # role words → canonical name, and the token where the article gives that role
        self.role_index: list[tuple[frozenset[str], str, int]] = []
        self._spoken_offices: set[str] | None = None  # (see _listed_offices_spoken)
        self._lead_end_at: int | None = None  # (see _lead_end)
        # Antecedent candidates: (token index, speaker, is_subject).
        self.candidates: list[tuple[int, _Speaker, bool]] = []
        sents = self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for n, s in enumerate(sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = n
        # the token of a person named after a work's title that the parse made the subject
        # ("Only Fools and Horses star David Jason criticised …": "Fools" the subject)
        self._titled_subjects: set[int] = set()
        # the token of a person named as an inverted sentence's subject ("Rooting for her was
        # Jane Roe"), whom the parse makes no subject of the main verb (see _inverted_subject)
        self._inverted_subjects: set[int] = set()
        untagged = [
            # (the person the article names in full elsewhere, when it does)
            (i, names.by_surname.get(full.split()[-1].lower(), full), text)
            for i, full, text in _untagged_people(doc, quoted)
        ]
        for _i, full, _text in untagged:
            # so that the surname alone, which the tagger may call a body ("But Souness said"
            # tagged ORG), is that person too
            names.by_surname.setdefault(full.split()[-1].lower(), full)
        works = _work_titles(doc, WORK_NOUNS)
        bodies = _work_titles(doc, _NAMED_BODY_NOUNS)
        for ent in names.ents:
            if ent.label_ == "PERSON" and _titled_subject(ent):
                self._titled_subjects.add(ent.start)
        for ent in names.ents:
            if quoted[ent.start] or _modifier_norp(ent):
                continue
            if len(ent) == 1 and _epithet(ent.root):
                continue  # "The 22-year-old Scot finished fourth": a description, no name
            if self._common_noun_opening(ent):
                continue
            named = _title_before_trade(ent)
            if named is not None:
                # a show's or a work's title run into its star's name is no one a later "he"
                # or "the star" stands for: the star named after it is ("… star David Jason
                # criticised British TV. '…,' he said" was "Fools" speaking)
                if any(
                    t.dep_ in CLAUSE_SUBJECT_DEPS
                    for t in doc[max(0, ent.start - 3) : named.end]
                    if t.i < named.start
                ):
                    self._titled_subjects.add(named.start)
                continue
            if ent.label_ == "PERSON" and _qualifies(ent, ent.root.head):
                # "the Assad regime", "Assads officials": the name describes a noun; a later
                # "he" is not that person ("Jamous pointed out that the Assad regime … He
                # stressed …" had given Assad what Jamous stressed)
                continue
            if _headline_words(ent):
                continue  # no one a later "the alliance" or "he" may stand for
            spk = self._from_entity(ent)
            if spk.label == "ORG" and _his_own(ent):
                spk = dataclasses.replace(spk, label="PERSON")
            keys = {_title_key(ent.text), _title_key(spk.name or "")}
            if keys & works:
                # a film's name the tagger took for a person's ("Arnold's drama Wasp … Wasp
                # tells the story … '…,' she explains" was Wasp's words)
                continue
            if spk.label == "PERSON" and keys & bodies:
                continue  # "Scott's company Scott Free": a firm, though named like a person
            if spk.label == "PERSON" and _inverted_subject(ent):
                self._inverted_subjects.add(ent.start)  # (a person the model may tag FAC)
            is_subj = (
                ent.root.dep_ in ("nsubj", "appos")
                or (ent.root.dep_ == "appos" and ent.root.head.dep_ == "nsubj")
                or _speaks_in_relative(ent.root)
                or ent.start in self._titled_subjects
                or ent.start in self._inverted_subjects
            )
            self.candidates.append((ent.start, spk, is_subj))
            self._learn_role(ent, person=spk.label == "PERSON")
        self.candidates += self._untagged_surnames()
        for i, full, text in untagged:
            start = doc[i].idx
            spk = _Speaker(full, text, start, start + len(text), "PERSON")
            self.candidates.append((i, spk, True))
        self.candidates.sort(key=lambda c: c[0])
        # What the article itself says of its people's sex (titles, kinship nouns): read before
        # any speaker is resolved, so no pronoun resolved here votes for its own antecedent.
        self.sexes = genders(text_of(doc), names.mentions)
        self._chain: dict[int, _Speaker | None] = {}  # pronoun token → whom it stands for
        self._sources: set[int] = set()  # tokens of the sources of "according to" phrases

    def _common_noun_opening(self, ent: Span) -> bool:
        """Whether ``ent`` is one common English word opening its sentence, which the parse
        reads as a common noun and the article names no one by: a capital the sentence gave
        it, not a person's name ("Glamour was also brought to the evening by …", tagged a
        person, had taken the words of "the Australian-born actress" before it). A surname
        the article gives someone in full ("Brown" of Gordon Brown) is still that person."""
        word = ent[0]
        return (
            len(ent) == 1
            and ent.label_ == "PERSON"
            and word.is_sent_start
            and word.pos_ == "NOUN"
            and common_word(word.text)
            and " " not in self.names.by_surname.get(word.lower_, "")
        )

    def _untagged_surnames(self) -> list[tuple[int, _Speaker, bool]]:
        """Antecedent candidates the model tagged nothing: a subject that is the bare surname of
        a person the article names in full ("Hollande denounced the remarks … “…,” he said",
        "Hollande" untagged, had given the quotation to the last person tagged before it)."""
        doc, by_surname = self.doc, self.names.by_surname
        tagged = {i for ent in self.names.ents for i in range(ent.start, ent.end)}
        found = []
        for i in doc_arrays.tokens_with(doc, PROPN, CLAUSE_SUBJECT_DEPS):
            tok = doc[i]
            if (
                tok.dep_ in ("nsubj", "nsubjpass")
                and tok.pos_ == "PROPN"
                and tok.i not in tagged
                and not self.quoted[tok.i]
                and tok.text.lower() in by_surname
                # a word of a longer name ("John Kasich" untagged is no "Tom John")
                and not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN")
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")
            ):
                name = by_surname[tok.text.lower()]
                spk = _Speaker(name, tok.text, tok.idx, tok.idx + len(tok), "PERSON",
                               self.roles.get(name))  # fmt: skip
                found.append((tok.i, spk, True))
        return found

    def _from_entity(self, ent: Span, head: Token | None = None) -> _Speaker:
        if head is not None and ent.start <= head.i < ent.end:
            # The entity layer split the tagger's span ("both also in Eastern Ghouta the
            # Observatory said", commas lost), or grew it into the name it ends ("Universities"
            # + "Scotland said"): the subject's own mention names the speaker, in its words.
            own = self.names.mention_at(head.idx, head.idx + len(head))
            if own is not None and (own.start != ent.start_char or own.end != ent.end_char):
                text = text_of(ent.doc)[own.start : own.end]
                name, label = self.names.actor(own, text)
                return _Speaker(name, text, own.start, own.end, label,
                                self.roles.get(name))  # fmt: skip
        label = ent.label_
        ent = _trim(ent)
        grown = _given_name_before(ent)
        if grown is not None:
            return self._person(grown)
        text = ent.text
        # The small model often tags a lone surname as ORG/GPE; a known surname is a person,
        # unless the sentence uses the word as a firm's ("Ford said its sales fell", beside
        # "Bill Ford"), as the entity layer named it.
        key = _name_key(text)
        surname = None
        if (
            label != "PERSON"
            and key
            and key[-1].lower() in self.names.by_surname
            and not used_as_firm(ent)  # (its parse walk only for a known surname)
        ):
            label = "PERSON"
            surname = self.names.by_surname[key[-1].lower()]
        name, label = self.names.canonical(text, label, ent.start_char, ent.end_char)
        if surname is not None and label != "PERSON" and len(key) == 1:
            # the entity layer kept the tagger's body for a surname alone ("But Souness said",
            # tagged ORG) that is the person the story named in full
            name, label = surname, "PERSON"
        return _Speaker(name, text, ent.start_char, ent.end_char, label, self.roles.get(name))

    def _learn_role(self, ent: Span, *, person: bool = False) -> None:
        """Appositions give roles: "the US secretary of state, John Kerry"; "UN envoy X".
        ``person``: the entity layer made the name a person's whatever the tagger said ("Nick
        Davies, spokesman for the IAAF" tagged ORG is still the spokesman, not "the lawyer"
        the sentence before him)."""
        if ent.label_ != "PERSON" and not person:
            return
        root = ent.root
        role_head = None
        if root.dep_ == "appos" and _role_lemma(root.head) in ROLE_NOUNS:
            role_head = root.head
        elif (
            _role_lemma(root.head) in ROLE_NOUNS
            and root.head.i > ent.end - 1
            # "Mr Blair's spokesman" is not Blair's title, nor is "Carson campaign manager
            # Barry Bennett" or "Former Clinton Pollster Says …" Carson's or Clinton's: a name
            # before an aide's role says whose aide (Ben Carson had been "the campaign
            # manager", Bill Clinton "the former pollster")
            and root.dep_ != "poss"
            and not _whose_role(ent, root.head)
        ):
            role_head = root.head  # "Defence Secretary Ash Carter" parsed name → title
        elif (
            ent.start > 0
            and _role_lemma(before := root.doc[ent.start - 1]) in ROLE_NOUNS
            and before.tag_ == "NN"
            and before.head.i != root.i
        ):
            # "Oscar-winning actress Susan Sarandon" the parse left two appositions of a
            # dateline: the role noun right before a name is its title all the same
            role_head = before
        else:
            for child in root.children:
                if _role_lemma(child) in ROLE_NOUNS and child.i < ent.start:
                    role_head = child  # "UN special envoy Staffan de Mistura"
                elif (
                    child.dep_ == "appos"
                    and _role_lemma(child) in ROLE_NOUNS
                    and child.tag_ == "NN"
                ):
                    role_head = child  # "John Dorrian, the spokesman for the coalition,"
        if role_head is None and len(ent) > 1 and _role_lemma(ent[0]) in ROLE_NOUNS:
            # The model took the title into the name ("Pope Francis" one PERSON span): it is
            # the role all the same, so "the pope" later is he, not the last person named.
            role_head = ent[0]
        if role_head is None or role_head.tag_ in ("NNS", "NNPS"):
            return  # (a plural, "former advisers", is no one person's role)
        if self.quoted[role_head.i]:
            return  # a noun of a quotation the parse ran into the name after it is no title
        role = _role_span(role_head, ent)
        if not role:
            return
        name, label = self.names.canonical(ent.text, "PERSON", ent.start_char, ent.end_char)
        if label != "PERSON":
            # The model took a country's possessive for a name ("Russias Deputy Ambassador
            # Vladimir Safronkov", the apostrophe lost): the title is its envoy's, not its own.
            return
        self.roles.setdefault(name, role)
        # with the state the title is of, written beside it but outside the parse's role
        # phrase ("Florida Sen. Marco Rubio", "Sen. Marco Rubio (R-Fla.)"): "the Florida
        # senator" is then he, not a senator named later or the one named last
        # (not the words of a common noun the role is of: "The actor's friend Budd Schulberg"
        # is no actor)
        owner = {
            t.lower_
            for c in role_head.children
            if c.dep_ == "poss" and c.pos_ == "NOUN"
            for t in c.subtree
        }
        words = _role_words(w for w in role.split() if w.lower().removesuffix("'s") not in owner)
        words |= _place_of_title(ent, role_head)
        self.role_index.append((words, name, ent.start))

    @classmethod
    def antecedents_only(
        cls,
        doc: Doc,
        sent_of: list[int],
        candidates: list[tuple[int, _Speaker, bool]],
        inverted_subjects: frozenset[int],
    ) -> _Resolver:
        """A resolver that only looks antecedents up (:meth:`_antecedent`), from the state
        another one was built with (see :func:`pronoun_referents`)."""
        self = cls.__new__(cls)
        self.doc, self.sent_of, self.candidates = doc, sent_of, candidates
        self._inverted_subjects = set(inverted_subjects)
        return self

    def resolve(self, token: Token) -> _Speaker | None:
        antecedent = _relative_antecedent(token)
        if antecedent is not None:
            # "… spoke to Sen. Lindsey Graham, who said that …": the relative pronoun is the
            # name its clause hangs on, not a pronoun that looks back for someone. The mention
            # is the pronoun, as a "he" resolved to its person is.
            found = self.resolve(antecedent)
            if found is None or found.name is None:
                # Only a named one: "a letter from his doctor that says he …", "a young
                # woman who suggested …" are asides on someone the story names or not at all
                # (on PolNeAR, the unnamed ones were never the speaker the gold gives).
                return None
            end = token.idx + len(token)
            return dataclasses.replace(found, mention=token.text, start=token.idx, end=end)
        if token.pos_ == "PRON":
            return self._pronoun(token)
        person = _person_of_a_split_owner(token)
        if person is not None:
            return self.resolve(person)
        if is_sentence_adverb(token.text):
            # "Meanwhilee the U.S.-led coalition previously denied …": the parse made the
            # sentence's opening word (misspelt, its comma lost) the subject, and the subject
            # a noun hung off it. A discourse word never names a speaker (the model tagged
            # this one a person; as an unknown capitalised word it had named itself).
            noun = next(
                (c for c in token.children if c.i > token.i and c.pos_ in ("NOUN", "PROPN")),
                None,
            )
            found = self.resolve(noun) if noun is not None else None
            return found or _Speaker(None, None, None, None, None)  # still speech: who is unknown
        # (a description that names its holder in apposition is theirs: "The author of the
        # book, Mitchell Zuckoff, said", the parse hanging the name on "book"; a name before
        # the noun or after "of" qualifies it: "the Harry Potter star", "The star of Rain Man")
        epithet = _epithet(token) and not any(
            t.ent_type_ == "PERSON" and t.dep_ == "appos" for t in token.subtree if t.i > token.i
        )
        if _age_described(token) and (
            speech.entity_of(token) is None or epithet or token.ent_type_ == "NORP"
        ):
            # "The 27-year-old said …", "the 31-year-old striker added": BBC sport's way of
            # naming again the person the story is about — the nearest person before who was
            # the subject of a main clause (as "the Wisconsin Republican" is), not a name in
            # passing; else someone the story does not name. ("The 55-year-old Frenchman",
            # tagged a person or a people, is such a description too, not a name.)
            np = _np_span(token)
            prev = self._aged(token, np)
            if prev is None:
                return _Speaker(None, np.text, np.start_char, np.end_char, None)
            return _Speaker(prev.name, np.text, np.start_char, np.end_char, "PERSON",
                            self.roles.get(prev.name))  # fmt: skip
        if epithet and _role_lemma(token) not in ROLE_NOUNS:
            # "said the Gloucester fly-half", "the American said", "said the New Zealander":
            # the person the paragraph is about, called by their trade or nation so as not to
            # name them again; never the nation itself, nor a body a word of it names
            np = _np_span(token)
            topic = self._topic_person(token)
            if topic is None:
                return _Speaker(None, np.text, np.start_char, np.end_char, None)
            return _Speaker(topic.name, np.text, np.start_char, np.end_char, "PERSON",
                            self.roles.get(topic.name))  # fmt: skip
        titled = self._titled_in(token)
        if titled is not None:
            # "Lord of the Rings director Peter Jackson has said …": the parse made the work's
            # title the subject; the one its trade noun names is
            return self._from_entity(titled)
        ent = speech.entity_of(token)
        if ent is None:
            # A name inside the subject phrase or its apposition ("an SDF spokesman, Talal Sello").
            for child in token.children:
                if child.dep_ == "appos" and not _after_relative_clause(child, token):
                    ent = speech.entity_of(child)
                    if ent is not None and ent.label_ == "PERSON":
                        break
                    if child.pos_ == "PROPN" and token.lemma_.lower() in ROLE_NOUNS:
                        # "Russia's defence spokesman, Major General Igor Konashenkov": whatever
                        # the tagger says, the name in apposition to a role noun is a person.
                        chain = _propn_chain(child)
                        name = ent if ent is not None and ent.start <= chain.start else chain
                        spk = self._person(name)
                        spk.role = self.roles.setdefault(spk.name, _role_span(token, name))
                        return spk
                    ent = None
            if ent is None:
                ent = _named_by_clause(token)  # "a witness named Ahmad said"
            if ent is None:
                ent = _apposed_after(token)  # "wrote the ambassador at the time, John Doe."
            if ent is None and (grown := self._grown_organisation(token)) is not None:
                return grown
            if ent is None:
                for t in _np_span(token):
                    e = speech.entity_of(t)
                    # "Mr Hale's spokesman said": the possessor is someone else, not the speaker;
                    # so is a name that qualifies a common noun ("the staunch Assad ally")
                    if e is not None and e.label_ == "PERSON" and e.root.dep_ != "poss":
                        if _qualifies(e, token) or _whose_relation(e.root, token):
                            continue
                        if _served_by(e.root, token):
                            continue
                        ent = e
                        break
        if ent is not None and _party_member(ent, token):
            # "the Wisconsin Republican said", "the Republican said this week": one member of
            # the party, someone the article has named (as "the senator" is), not the party:
            # the nearest person before who was the subject of a main clause ("House Speaker
            # Paul Ryan says no matter what action President Barack Obama takes …"), else
            # nobody named ("Republicans said" stays the group)
            np = _np_span(token)
            # (and not one the article gives another state: "Sen. Tom Hale (R-Ohio) …" is no
            # "Oregon Republican")
            states = _states_in(_role_words(t.text for t in np))
            prev = self._antecedent(
                np.start,
                {"PERSON"},
                fits=lambda spk, idx, _subj: (
                    not self._bracketed(idx)
                    and self._main_subject(spk)
                    and not self._of_another_state(spk.name, states)
                ),
            )
            if prev is None:
                return _Speaker(None, np.text, np.start_char, np.end_char, None)
            return _Speaker(prev.name, np.text, np.start_char, np.end_char, "PERSON",
                            self.roles.get(prev.name))  # fmt: skip
        if ent is not None and _one_of_a_people(ent):
            # "One Syrian living in Raqqa said …": a person the article does not name.
            np = _np_span(token)
            return _Speaker(None, np.text, np.start_char, np.end_char, None)
        if ent is not None:
            spk = self._from_entity(ent, token)
            role = self._role_text(token, ent)
            if role:
                self.roles.setdefault(spk.name, role)
            spk.role = self.roles.get(spk.name)
            return spk
        np = _np_span(token)
        outlet = self._outlet(token, np)
        if outlet is not None:
            return outlet
        if token.lemma_.lower() in ROLE_NOUNS and token.tag_ not in ("NNS", "NNPS"):
            found = self._holder_run_on(token) or self._description(token, np)
            if found is not None and found.name is None:
                voiced = self._voiced_body(token, np)
                if voiced is not None:
                    voiced.role = found.role  # (what a later "he" remembers him by)
                return voiced or found
            return found
        if token.lemma_.lower() in INSTITUTION_NOUNS and any(
            t.ent_type_ in ("NORP", "GPE") for t in np if t.i < token.i
        ):
            words = [t for t in np if t.i <= token.i and t.dep_ != "det" and not t.is_punct]
            if words:
                name = np.doc[words[0].i : token.i + 1].text
                return _Speaker(name, np.text, np.start_char, np.end_char, "ORG")
        named = (
            self._named_organisation(token, np)
            or self._appositive_organisation(token, np)
            or self._proper_name(token)
        )
        if named is not None:
            return named
        org = self._organisation(token) or self._issuer(token)
        if org is not None:
            return _Speaker(org.name, np.text, np.start_char, np.end_char, org.label or "ORG")
        if _indefinite(token) and (named := self._named_after_opening(token)) is not None:
            # "A senior barrister who has resigned says …" opening a story that names him next
            return _Speaker(named.name, np.text, np.start_char, np.end_char, "PERSON")
        # A generic source ("officials", "the report"): keep what the text says, no canonical name.
        text = np.text
        return _Speaker(None, text, np.start_char, np.end_char, None) if text else None

    def _grown_organisation(self, token: Token) -> _Speaker | None:
        """The organisation whose name the subject ``token`` opens where the model tagged only
        the place the name ends with: "Friends of the Earth argued" (the model's "Earth", which
        the entity layer grew into the name: analysis.entities.spans). A plural common noun
        is no name the tagger or :meth:`_proper_name` reads, so the words had no speaker."""
        own = self.names.mention_at(token.idx, token.idx + len(token))
        if (
            own is None
            or own.label != "ORG"
            or own.start != token.idx  # the name's first word: not "the head of the X"
        ):
            return None
        text = text_of(token.doc)[own.start : own.end]
        return _Speaker(own.name, text, own.start, own.end, "ORG", self.roles.get(own.name))

    def _proper_name(self, token: Token) -> _Speaker | None:
        """A speaker the model tagged no entity but the text names: a capitalised name or an
        acronym ("SOHR said", "Human Rights Watch said", "Mr Cable told BBC News", "According
        to SANA", "Edu added"), as :meth:`_Names.proper` knows it, else a speaker named
        before whose name it ends ("Sibai" after "Mohammad Sibai told …"), else by its own
        words (:func:`_own_name`). Not a time ("Saturday", "Date of publication …"), a
        generic word ("Sources") or the short name of a description ("The Observatory said":
        :meth:`_organisation`)."""
        if not token.text[:1].isupper() or speech.is_time(token) and not _month_surname(token):
            return None
        # The tagger may take a name for a common noun or an adjective ("Rowling has already
        # revealed", "… SANA reported"): then only what the article or the tables know.
        proper = token.pos_ == "PROPN"
        if not proper and (token.pos_ not in ("NOUN", "ADJ") or token.tag_ == "NNS"):
            return None
        words = _name_words(token)
        if not is_actor_name(words.text) and not self._surname_of_person(words):
            return None
        noun = token.lemma_.lower()
        descriptions = _DESCRIPTION_WORDS  # "The TV says", "The Observatory said"
        if len(words) == 1 and (noun in descriptions or token.lower_ in descriptions):
            return None
        found = self.names.proper(words)
        if found is None and proper:
            found = self._spoken_before(words) or _own_name(words)
        if found is None:
            return None
        name, label = found
        if label == "GPE" and token.head.lemma_.lower() not in SPEECH_VERBS:
            # a place lent as the subject of a verb hung off its clause ("Aleppo has seen
            # the gravest war crimes … Steifo said adding that …"); a place that speaks is
            # the subject of its speech verb ("Orange said", the company the model took for
            # the town)
            return None
        return _Speaker(name, words.text, words.start_char, words.end_char, label,
                        self.roles.get(name))  # fmt: skip

    def _surname_of_person(self, words: Span) -> bool:
        """Whether ``words``, one capitalised word a page's furniture may be ("Read", "Share"),
        is the surname of a person the article names ("radio DJ Mike Read … Read said"): then
        it is that person, not a link's label."""
        if len(words) != 1:
            return False
        full = self.names.by_surname.get(words[0].lower_)
        return full is not None and " " in full

    def _spoken_before(self, words: Span) -> tuple[str, str] | None:
        """A speaker resolved earlier in the article whose name ends with ``words``."""
        key = strip_titles(clean_name(words.text, phrase=True))[0].lower().split()
        for idx, spk, _subj in reversed(self.candidates):
            if idx >= words.start or not spk.name or not key:
                continue
            if spk.name.lower().split()[-len(key) :] == key:
                return spk.name, spk.label or "PERSON"
        return None

    def _holder_run_on(self, role: Token) -> _Speaker | None:
        """The person a lost comma ran into the body of a role ("the head of the Syrian
        Coalition[,] Anas al-Abdah said"): the model tagged body and person one organisation,
        the entity extractor split off the person (analysis.entities.spans), who ends it."""
        for prep in role.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            ent = speech.entity_of(body) if body is not None else None
            if ent is None or ent.label_ != "ORG":
                return None
            last = ent[-1]
            person = self.names.mention_at(last.idx, last.idx + len(last))
            if (
                person is None
                or person.label != "PERSON"
                or person.start <= ent.start_char
                or person.end != ent.end_char
            ):
                return None
            span = role.doc.char_span(person.start, person.end, alignment_mode="expand")
            if span is None:
                return None
            spk = self._person(span)
            spk.role = self.roles.setdefault(spk.name, _role_span(role, span))
            return spk
        return None

    def _voiced_body(self, role: Token, np: Span) -> _Speaker | None:
        """The organisation an unnamed spokesman speaks for, when the phrase names it: "A
        spokesman for NBC said", "an NBC spokeswoman said" (tagged an organisation). The
        words are the body's, as a statement of it is; the mention stays the spokesman. A
        spokesman for a person ("for Mr Prescott") or for a body the phrase does not name
        ("for the firm") stays no one's; one the phrase names in apposition is that person."""
        if role.lemma_.lower() not in SPOKESPERSON_NOUNS:
            return None
        bodies = [c for c in role.children if c.dep_ == "compound" and c.i < role.i]
        bodies += [
            c
            for prep in role.children
            if prep.dep_ == "prep" and prep.lower_ == "for"
            for c in prep.children
            if c.dep_ == "pobj"
        ]
        for body in bodies:
            ent = speech.entity_of(body)
            if ent is None or ent.label_ != "ORG":
                continue
            named = _apposed_person(body)
            if named is not None:
                # "A spokesman for DLF Builders, Dr Rao, told …": the spokesman the text names
                # (after a body's name; "for the prosecutor, Comptroller Alan Hale," is whom
                # he speaks for, and no organisation: no one's)
                return self._from_entity(named)
            spk = self._from_entity(ent, body)
            if spk.label == "ORG" and spk.name:
                return _Speaker(spk.name, np.text, np.start_char, np.end_char, "ORG")
        return None

    def _outlet(self, token: Token, np: Span) -> _Speaker | None:
        """ "A SANA reporter said", "SANAs correspondent said", "an AFP correspondent said": the
        outlet speaks (:data:`analysis.speech.PRESS_NOUNS`; the figures' claimants read such a
        phrase the same way). None when the head is no press noun or no outlet is named before
        it ("the reporter")."""
        head = token.lemma_.lower()
        # (a capitalised "Magazine" is the name's own word: "Q Magazine said")
        named_head = head in AGENCY_HEADS or (head in PUBLICATION_HEADS and token.is_lower)
        if head not in speech.PRESS_NOUNS and not named_head:
            return None
        for t in reversed(np.doc[np.start : token.i]):  # the name nearest the head
            agency = speech.agency_named(t.text)
            if agency is not None:
                name, _ = self.names.canonical(agency, "ORG", t.idx, t.idx + len(t))
                return _Speaker(name, np.text, np.start_char, np.end_char, "ORG")
            if named_head:  # "the official SANA news agency": only a named agency
                named = (
                    self.names.proper(_name_words(t))
                    if t.pos_ == "PROPN" and t.dep_ == "compound"
                    else None
                )
                if named is not None and named[1] == "ORG":
                    # "the state-run Sana agency" (the model tagged "Sana" a person, the entity
                    # layer knows SANA): that agency, not the last organisation named before
                    return _Speaker(named[0], np.text, np.start_char, np.end_char, "ORG")
                if t.pos_ == "PROPN" and t.dep_ == "compound" and not t.ent_type_:
                    # "the ISIS run Amaq news agency", "the Al Mayadeen broadcaster": an
                    # agency's own name the model missed (not "Turkeys state-run agency")
                    words = _name_words(t)
                    found = self.names.proper(words) or _own_name(words)
                    if found is not None:
                        return _Speaker(found[0], np.text, np.start_char, np.end_char, "ORG")
                if (
                    head in PUBLICATION_HEADS
                    and t.pos_ == "PROPN"
                    and t.dep_ == "compound"
                    and t.ent_type_ in ("PERSON", "ORG")
                    and t.i == token.i - 1
                ):
                    # "Vedomosti newspaper said", "Time magazine said": the publication's own
                    # name, however the model tagged it (not "the Damascus newspaper", a town's)
                    name = _name_words(t).text
                    return _Speaker(name, np.text, np.start_char, np.end_char, "ORG")
                continue
            ent = speech.entity_of(t)
            if ent is None:
                continue
            name, label = self.names.canonical(ent.text, ent.label_, ent.start_char, ent.end_char)
            if label == "ORG":
                return _Speaker(name, np.text, np.start_char, np.end_char, "ORG")
            return None  # "Reuters' Jane Doe" is a person; another name is no outlet
        if head in speech.PRESS_NOUNS and any(
            c.dep_ == "poss" and c.lower_ == "our" for c in token.children
        ):
            return self._own_journalist(token, np)
        return None

    def _own_journalist(self, token: Token, np: Span) -> _Speaker | None:
        """ "our correspondent says": the outlet's own journalist the article named last
        before it, within :data:`ANTECEDENT_SENTENCES` ("says the BBC's Jane Roe in Paris",
        "BBC correspondent Jane Roe said"); else nobody (the outlet's "our" is the article's
        own, which its text does not name)."""
        sent_now = self.sent_of[token.i]
        for idx, spk, _subj in reversed(self.candidates):
            if idx >= token.i or spk.label != "PERSON" or not spk.name:
                continue
            if sent_now - self.sent_of[idx] > ANTECEDENT_SENTENCES:
                break
            if self._named_as_journalist(idx):
                role = self.roles.get(spk.name)
                return _Speaker(spk.name, np.text, np.start_char, np.end_char, "PERSON", role)
        return None

    def _named_as_journalist(self, idx: int) -> bool:
        """Whether the name at token ``idx`` is introduced as an outlet's journalist: an
        outlet's possessive or an outlet and a press noun run into it ("the BBC's Jane Roe",
        "BBC labour affairs correspondent Jane Roe"), no verb or punctuation between."""
        doc = self.doc
        words: list[Token] = []
        for t in reversed(doc[max(doc[idx].sent.start, idx - 6) : idx]):
            if t.pos_ in ("VERB", "AUX", "PUNCT"):
                break
            words.append(t)
        outlet = any(speech.agency_named(t.text) for t in words)
        press = any(t.lemma_.lower() in speech.PRESS_NOUNS or t.tag_ == "POS" for t in words)
        return outlet and press

    def _named_organisation(self, token: Token, np: Span) -> _Speaker | None:
        """ "the Syrian Observatory said" where the model tagged no entity: a capitalised name
        of its own, not a description of an organisation named before (that had given the
        monitor's words to the town mis-tagged as an organisation a sentence earlier)."""
        noun = token.lemma_.lower()
        if token.tag_ != "NNP" or noun not in ORG_DESCRIPTION_NOUNS | INSTITUTION_NOUNS:
            return None
        # the capitalised words up to the noun ("The U.K.-based Syrian Observatory")
        words = [token]
        for t in reversed(np.doc[np.start : token.i]):
            if t.dep_ in ("det", "poss") or t.is_punct or not (t.is_title or t.is_upper):
                break
            if t.i > 0 and t.nbor(-1).text == "-" and not t.nbor(-1).whitespace_:
                break  # "the anti-Assad Syrian Observatory": a modifier, not the name
            words.insert(0, t)
        if len(words) < 2:
            return None
        # and its capitalised "for …"/"of …" ("the Syrian Observatory for Human Rights")
        tail = next((c for c in token.children if c.dep_ == "prep" and c.i == token.i + 1), None)
        if tail is not None and tail.lower_ in ("for", "of"):
            rest = sorted(tail.subtree, key=lambda t: t.i)
            if _title_name([*words, *rest]):
                words += rest
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        name, _ = self.names.canonical(text_of(np.doc)[start:end], "ORG", start, end)
        return _Speaker(name, np.text, np.start_char, np.end_char, "ORG")

    def _appositive_organisation(self, token: Token, np: Span) -> _Speaker | None:
        """ "The humanitarian group Doctors Without Borders added …", "the charity Save the
        Children said": a description noun followed by the organisation's own name, which the
        model tagged no entity. Read as a bare description, it went to the organisation named
        before it (Nusra Front, in a Syria story)."""
        if token.lemma_.lower() not in ORG_DESCRIPTION_NOUNS | INSTITUTION_NOUNS:
            return None
        words = _name_after(token)
        if not words or not _title_name(words):
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        name, _ = self.names.canonical(text_of(np.doc)[start:end], "ORG", start, end)
        return _Speaker(name, np.text, np.start_char, np.end_char, "ORG")

    def _organisation(self, token: Token) -> _Speaker | None:
        """ "the monitor", "the group", "the ministry": an organisation named earlier. One whose
        name holds the noun ("the observatory") first; for the descriptive nouns of
        :data:`ORG_DESCRIPTION_NOUNS`, else the nearest organisation before it."""
        noun = token.lemma_.lower()
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children)
        # "The Observatory added …": the short name capitalised is still the description.
        if not definite or token.tag_ not in ("NN", "NNP"):
            return None
        if noun not in ORG_DESCRIPTION_NOUNS and noun not in INSTITUTION_NOUNS:
            return self._organisation_so_named(token, noun)
        # The nearest organisation whose name holds the noun, however far back: a wire story
        # names "the Syrian Observatory for Human Rights" once and says "the observatory" a
        # dozen sentences on (the nearest organisation then was often another one, the UN).
        for idx, spk, _subj in reversed(self.candidates):
            if idx >= token.i or spk.label != "ORG" or not spk.name:
                continue
            if _spellings(noun) & {w.lower() for w in spk.name.split()}:
                return spk
        if noun in ORG_DESCRIPTION_NOUNS:  # "the group said": not the agency reporting it
            if _own_qualifier(token):
                return None  # "The IS group", "the UN humanitarian agency": no other one
            described = _described_by(noun, token)
            # One named before the words the description's own verb reports, before one named
            # in them: "Its product DiscWarden will reach shops in May, the company said" is
            # the maker's word, not the product's (a product the model took for an
            # organisation, nearest before); but "The four staff of the Union … were killed,
            # the group said", with no other group before, is the Union's.
            said = _content(token.head) if token.dep_ in ("nsubj", "nsubjpass") else None

            def outside(spk: _Speaker, idx: int, is_subj: bool) -> bool:
                return not (said[0] <= idx < said[1]) and fits(spk, idx, is_subj)

            def fits(spk: _Speaker, idx: int, is_subj: bool) -> bool:
                # not a body the article only reports on ("under the control of the Islamic
                # State jihadist group … according to the group which relies on a network of
                # activists" was the Observatory's word; "ISIS members"; "airstrikes on Daesh
                # militants. The alliance also said" the US-led coalition's)
                if (
                    noun in KIND_NOUNS
                    and _other_kind(spk.name, noun)
                    and not self._called(spk, noun)
                ):
                    return False
                return (is_subj or self._not_reported_on(spk)) and described(spk, idx, is_subj)

            found = None
            if said is not None:
                found = self._antecedent(token.i, {"ORG"}, fits=outside)
            if found is None:
                found = self._antecedent(token.i, {"ORG"}, fits=fits)
            if found is not None and noun in FIRM_DESCRIPTION_NOUNS:
                return self._story_firm(token, found, noun) or found
            return found
        return None

    def _story_firm(self, token: Token, nearest: _Speaker, noun: str) -> _Speaker | None:
        """The company the story is about, where the organisation nearest before "the
        airline", "the software giant" is a name in passing: "Computer giant Microsoft …
        The Windows XP Counterfeit Project will mean … the software giant said" is
        Microsoft's, "Delta Air Lines is cutting fares … Delta's new SimpliFares were
        trialled … The airline says" Delta's. Only one named at least three times before,
        before the passing name and more often than any other body, and again from the passing
        name's sentence on, where the passing name is named there once and not called a
        company ("MTN - the South African firm"); a short form of its name counts however the
        model tagged it ("Delta", tagged a place). None when no such company stands out: the
        nearest stays."""
        before = [m for m in self.names.mentions if m.end <= token.idx]

        def times(name: str) -> int:
            short = name.split()[0]
            return sum(m.name == name or (m.text == short and m.label != "ORG") for m in before)

        if not nearest.name or times(nearest.name) > 1 or nearest.start is None:
            return None
        passing = self.doc.char_span(nearest.start, nearest.end, alignment_mode="expand")
        if passing is not None and any(
            c.dep_ == "appos" and c.lemma_.lower() in FIRM_DESCRIPTION_NOUNS
            for c in passing.root.children
        ):
            return None  # "MTN - the South African firm …": the text calls it a company
        # (and named again from the passing name's sentence on: "The order went to Boeing. The
        # manufacturer said" after three sentences on Harwell Air is Boeing's)
        since = passing.sent.start_char if passing is not None else nearest.start
        first_seen: dict[str, int] = {}
        for m in before:
            if m.label == "ORG":
                first_seen.setdefault(m.name, m.start)
        ranked = sorted(((times(n), n) for n in first_seen if n != nearest.name), reverse=True)
        if not ranked:
            return None
        top, name = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0
        short = name.split()[0]
        if (
            top < 3
            or runner_up >= top
            or first_seen[name] > first_seen.get(nearest.name, token.idx)
            or _other_kind(name, noun)
            or not any(m.start >= since and (m.name == name or m.text == short) for m in before)
        ):
            return None
        return _Speaker(name, None, None, None, "ORG", self.roles.get(name))

    def _issuer(self, token: Token) -> _Speaker | None:
        """The body that issued the document ``token`` names ("a CAS statement said", "a
        statement from the Home Office said", "Chelsea's statement added"): a document is no
        person, and speaks as the organisation named before its noun or after its "from" or
        "by" (none for "his statement" or "the report": whose, the words do not say). A
        person's own statement or writing (:data:`WRITING_NOUNS`) named by its owner speaks
        as that person: "Mr Lane's book claimed", "Ms Hale's statement said"."""
        noun = token.lemma_.lower()
        writing = noun in WRITING_NOUNS
        if (noun not in DOCUMENT_NOUNS and not writing) or token.tag_ != "NN":
            return None  # ("UK media reports say": many, and no one's in particular)
        # (or whose it is: "Chelsea's statement added", a body's; "his statement" says not whose)
        near = [c for c in token.children if c.dep_ in ("compound", "poss") and c.i < token.i]
        # (or after the "by" of the verb that made it: "a report published by Analysys")
        makers = [token, *(c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN")]
        near += [
            g
            for m in makers
            for c in m.children
            if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
            for g in c.children
            if g.dep_ == "pobj"
            # (the name in apposition to a noun of its kind: "by research consultancy Analysys")
            for g in (g, *(a for a in g.children if a.dep_ == "appos"))
        ]
        for t in near:
            ent = speech.entity_of(t)
            if ent is None:
                continue
            spk = self._from_entity(ent)
            if spk.label == "ORG" and spk.name and not writing:
                return spk  # (not a country: "a UK report" is one there)
            if spk.label == "PERSON" and spk.name and t.dep_ == "poss":
                return spk
        return None

    def _organisation_so_named(self, token: Token, noun: str) -> _Speaker | None:
        """The organisation a bare "the <noun>" of no list stands for ("the bank", "the
        commission", "the report"), when the article leaves no doubt which:

        - a document noun: the body that issued the nearest document of that noun before it
          ("a World Bank report said … the report added");
        - else the one organisation before it to which the article apposed the noun ("ABN
          Amro, the Netherlands' largest bank"), or, with none, the one whose name of several
          words, as the article writes it, holds it ("the Electoral Commission").

        None for a noun with words of its own ("the German exchange": another one), a person's
        noun, or several such organisations ("the party" of a story naming two): which one,
        the text does not say, and a wrong name is worse than none."""
        if any(c.dep_ != "det" for c in token.children if c.i < token.i) or _person_noun(token):
            return None
        if noun in DOCUMENT_NOUNS:
            for t in reversed(self.doc[: token.i]):
                if t.lemma_.lower() == noun and (issuer := self._issuer(t)) is not None:
                    return issuer
            return None
        apposed: dict[str, _Speaker] = {}
        holding: dict[str, _Speaker] = {}
        for idx, spk, _subj in self.candidates:
            if idx >= token.i or spk.label != "ORG" or not spk.name:
                continue
            # (as the article writes the name: "Labour campaign spokesman" is no "party",
            # though the name tables know it as the Labour Party)
            words = [w.lower() for w in (spk.mention or "").split()]
            if self._apposed(spk, noun):
                apposed.setdefault(spk.name, spk)
            elif len(words) > 1 and _spellings(noun) & set(words):
                holding.setdefault(spk.name, spk)
        # (the one the article called so before one whose name only holds the word: "ABN
        # Amro, the Netherlands' largest bank … after Deutsche Bank … the bank said")
        for fitting in (apposed, holding):
            if fitting:
                return next(iter(fitting.values())) if len(fitting) == 1 else None
        return None

    def _apposed(self, spk: _Speaker, noun: str) -> bool:
        """Whether the article sets ``noun`` in apposition to a mention of the organisation
        ``spk`` ("ABN Amro, the Netherlands' largest bank")."""
        for _i, other, _s in self.candidates:
            if other.name != spk.name or other.start is None or other.end is None:
                continue
            span = self.doc.char_span(other.start, other.end, alignment_mode="expand")
            if span is not None and any(
                c.dep_ == "appos" and c.lemma_.lower() == noun for c in span.root.children
            ):
                return True
        return False

    def _person(self, span: Span) -> _Speaker:
        span = _trim(span)
        own = self.names.mention_at(span.start_char, span.end_char)
        if own is not None and own.label != "PERSON" and own.start > span.start_char:
            # a person's name the entity layer kept only the end of, as a body ("Ana Costa",
            # "Costa" an organisation): the name as written, not the body's
            key = _name_key(clean_name(span.text, phrase=True))
            name = self.names.by_surname.get(key[-1].lower(), " ".join(key)) if key else span.text
        else:
            name, _ = self.names.canonical(span.text, "PERSON", span.start_char, span.end_char)
        return _Speaker(name, span.text, span.start_char, span.end_char, "PERSON")

    def _role_text(self, token: Token, ent: Span) -> str | None:
        if token.lemma_.lower() in ROLE_NOUNS and not (ent.start <= token.i < ent.end):
            return _role_span(token, ent) or None
        return None

    def _pronoun(self, token: Token) -> _Speaker | None:
        word = token.lower_
        if word in DEICTIC_PRONOUNS:
            return _Speaker(None, token.text, token.idx, token.idx + len(token), None)
        if word in PERSON_PRONOUNS:
            want = {"PERSON"}
        elif word in GROUP_PRONOUNS:
            # "they" is a group, never one named person ("Rights groups … which they say …"
            # gave Assad the rights groups' words), and never a place ("Washington", "Idlib":
            # the people there are meant); "it" may be a country ("Turkey said it …").
            want = {"ORG", "NORP"} if word != "it" else {"ORG", "GPE", "NORP"}
        else:
            return None
        fits = None
        own = _pronoun_gender(word)
        if own is not None:
            # "he" is never a person known to be a woman, "she" never a man ("… lambasting
            # Trump's plan. “…,” she said" was Clinton's, not Trump's): the nearest person who
            # agrees, else nobody (no speaker is better than a wrong one)
            sexes = self.sexes

            def fits(spk: _Speaker, _idx: int, _subj: bool) -> bool:
                return person_sex(spk.name, sexes) in (None, own)

        elif word in GROUP_PRONOUNS:
            # A group pronoun reaches back one sentence at most, and never to the outlet or
            # agency the story is credited to ("…, Reuters reported. They say …"): on FA-KES
            # and BBC news, "they" and "it" named a place or an outlet in most of their quotes.
            # "They" after a plural noun ("diplomats", "rebel groups", "the sources") is those
            # people, not an organisation named before them; "it" is the subject of its clause
            # ("Turkey said ... It added"), not any body named in passing.
            sent_now = self.sent_of[token.i]
            doc = token.doc

            def fits(spk: _Speaker, idx: int, is_subj: bool) -> bool:
                if sent_now - self.sent_of[idx] > 1 or is_news_outlet(spk.name):
                    return False
                if word == "it":
                    return is_subj
                return not any(
                    t.tag_ in ("NNS", "NNPS") and not t.ent_type_ for t in doc[idx + 1 : token.i]
                )

        if own is not None:
            # "… when she lost to Elena Marsh. Only last year she insisted …": whom "she" beat
            # or lost to is not "she", and the next "she" carries on that subject, not her
            sexed_fits = fits

            def fits(spk: _Speaker, idx: int, is_subj: bool) -> bool:
                if _object_of_pronoun(self.doc[idx], own):
                    return False
                return sexed_fits(spk, idx, is_subj)

        said = self._said_by(token, person=own is not None)
        if said:
            # The pronoun is never a name inside what its own verb says: in "Also, Trump is no
            # conservative, he said" (or "…, he said, Smith would lose") "he" is someone else,
            # the one the words are about is not their speaker (Trump had been given them).
            gender_fits = fits

            def fits(spk: _Speaker, idx: int, is_subj: bool) -> bool:
                if idx in said:
                    return False
                return gender_fits is None or gender_fits(spk, idx, is_subj)

        asked = self._asked_about(token) if own is not None else set()
        if asked:
            # "Why will the prime minister not take up the offer, he demanded": who asks a
            # question is not the one it asks about, named or called by their office
            # (however the paragraph before ran on about him)
            unasked_fits = fits

            def fits(spk: _Speaker, idx: int, is_subj: bool) -> bool:
                if spk.name in asked:
                    return False
                return unasked_fits is None or unasked_fits(spk, idx, is_subj)

        ranked = self._ranked_antecedent(token.i, want, fits)
        if own is not None:
            ranked = self._past_sources(token, want, fits, ranked)
        found = ranked[1] if ranked is not None else None
        if own is not None:
            # A "he" that is the subject of a sentence between is the same person as this one,
            # and nearer than a name that is no subject ("When the interview steered Allen
            # toward …, he offered his thoughts on … Donald Trump's appeal. “…,” he said":
            # Allen's words, not Trump's)
            chain = self._subject_pronoun_before(token, own)
            if chain is not None:
                # (the quoted sentences that carry on its speaker's words are not counted:
                # "“…,” she said. “But …” Asked about her vote in the event that Smith wins,
                # she replied" is still the speaker, Smith only named in passing)
                distance = self._narrated_distance(chain.i, token.i)
                if ranked is None or (distance, 0, distance) < ranked[0]:
                    via = self._chained(chain)
                    if (via is not None and via.name) or chain.lower_ in ("he", "she"):
                        # (a "he" the resolver could not name stays unnamed: the person named
                        # past it had been refused for it, "The former envoy discussed Smith's
                        # plans. He stated …. For his part, he said …" is not Smith either
                        # time; a possessive "His are …" says too little to refuse anyone)
                        found = via
        if found is not None and own is not None:
            # "My mother has softened with age, but even now she still says …": the person
            # the sentence names without a name, not the one named before it (Barack Obama);
            # as a subject, as the pronoun is ("jabbing her finger at an activist as she said"
            # is still Clinton), and not a noun in what is said ("“I am the son of an
            # immigrant,” he said")
            verb = token.head
            said = {
                t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree
            }
            if _unnamed_between(
                self.doc,
                found,
                token,
                own,
                skip=lambda i: (
                    self.quoted[i] or i in said or self.doc[i].dep_ not in CLAUSE_SUBJECT_DEPS
                ),
            ):
                found = None
        if found is not None and own is not None:
            found = self._office_subject_between(found, token, own) or found
        if found is not None and own is not None and self._other_subject_between(found, token, own):
            found = None
        if found is None or found.name is None:  # none, or an unnamed official (remember)
            role = found.role if found is not None else None
            return _Speaker(None, token.text, token.idx, token.idx + len(token), None, role)
        return _Speaker(
            found.name, token.text, token.idx, token.idx + len(token), found.label, found.role
        )

    # The labels under which the model may have tagged a person's name it took for something
    # else ("West took a swipe", West tagged a place). A tagged person, body, place or
    # nationality is a kind the resolver knows; an untagged capitalised subject is as often a
    # plural noun or a first name ("States typically …", "Megyn was incredulous").
    _MISTAKEN_KINDS = frozenset({"LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})

    def _other_subject_between(self, found: _Speaker, token: Token, own: str) -> bool:
        """Whether, in the sentences from the one naming the person ``found`` up to the one of
        the pronoun ``token`` (of gender ``own``), the subject of a sentence's main verb is
        someone else the pronoun more likely stands for ("he" carries on the subject before
        it, not a person named in passing):

        - after ``found``, a proper name the model tagged a place, a product or the like (no
          "the" before it, no known place, no word of a person the article names): "Standing
          in for Smith at a rally where Jones spoke, West mocked … “…,” he said" is West's,
          whom the resolver cannot name;
        - a role the article gave someone other than ``found``: "The former envoy also
          discussed Smith's plans. He said …" is the envoy's (not taken instead: "the
          candidate" of a story about several is too often the wrong one);
        - after ``found``, a singular noun for someone the story does not name: "One delegate
          said he tried … “Not even one,” he said" is the delegate's.

        A subject that holds ``found`` ("The other man, his cousin Smith, …") or is no one in
        particular ("no other envoy") is passed over. The pronoun's own sentence is
        :func:`_unnamed_between`'s. No speaker is better than a wrong one."""
        if found.start is None or found.end is None:
            return False
        at, end, subjects = self._main_subjects_between(found, token)
        for t in subjects:
            if (
                t.left_edge.i <= at < t.right_edge.i  # "The other man, his cousin Smith"
                or any(c.dep_ == "det" and c.lower_ in _NO_ONE_DETS for c in t.children)
                or any(c.dep_ == "amod" and c.lower_ == "other" for c in t.children)
            ):
                continue
            after = t.i >= end
            if t.pos_ == "PROPN":
                if (
                    after
                    and t.ent_type_ in self._MISTAKEN_KINDS
                    and t.lower_ not in self.names.person_words
                    and gazetteer.place(t.text) is None
                    and not any(c.dep_ == "det" for c in t.children)  # "The Great Debate"
                    and getattr(self.names.mention_at(t.idx, t.idx + len(t)), "label", None)
                    not in SPEAKER_LABELS
                ):
                    return True
            elif t.pos_ == "NOUN" and t.tag_ == "NN" and not t.ent_type_:
                lemma = t.lemma_.lower()
                unnamed = UNNAMED_PERSON_NOUNS.get(lemma)
                if unnamed is None and lemma not in ROLE_NOUNS:
                    if _person_noun(t) and _in_complement(t, at):
                        # "And the French defender believes Smith is suited to the job. “…,” he
                        # said": the one described, not the name in what the subject believes
                        meant = self.resolve(t)
                        if meant is None or meant.name != found.name:
                            return True
                    continue
                if unnamed not in (None, "-", own):
                    continue
                if any(c.dep_ in ("compound", "appos") and c.ent_type_ for c in t.children):
                    continue  # "campaign chairman Paul Manafort": a name, a candidate itself
                meant = self.resolve(t)
                name = meant.name if meant is not None else None
                if name is not None and name != found.name:
                    return True  # a role the article gave someone else
                if name is None and unnamed is not None and after:
                    return True  # someone the story never names ("one delegate")
        return False

    def _past_sources(self, token: Token, want: set[str], fits, ranked):
        """``ranked`` (:meth:`_ranked_antecedent`'s choice for the person pronoun ``token``),
        or past it, when it is the source of an "according to" phrase, the person before it
        who is the main subject of their sentence: "Smith said he was disappointed. The
        figures, according to our correspondent, hold no surprises. '…,' he said" is Smith
        still, the correspondent only vouching for one sentence, no one the story is about.
        A source with no such person before it stays ("According to an official, … He said …")."""
        if ranked is None or not any(
            spk is ranked[1] for idx, spk, _s in self.candidates if idx in self._sources
        ):
            return ranked

        def not_source(spk: _Speaker, idx: int, is_subj: bool) -> bool:
            return idx not in self._sources and (fits is None or fits(spk, idx, is_subj))

        other = self._ranked_antecedent(token.i, want, not_source)
        return other if other is not None and other[0][1] == 0 else ranked

    def _main_subjects_between(self, found: _Speaker, token: Token) -> tuple[int, int, list[Token]]:
        """The tokens of ``found``'s mention (``at``, ``end``) and the subjects of a main verb
        outside quotations from the start of the sentence naming ``found`` up to the sentence
        of the pronoun ``token``, the mention's own words left out: what
        :meth:`_other_subject_between` and :meth:`_office_subject_between` weigh. From the
        sentence's start: a subject before a name that is no subject ("The former envoy
        discussed Smith's plans") comes between them all the same."""
        doc = self.doc
        at, end = _token_at(doc, found.start), _token_at(doc, found.end)
        subjects = [
            t
            for t in doc[doc[min(at, len(doc) - 1)].sent.start : token.sent.start]
            if not at <= t.i < end
            and t.dep_ in CLAUSE_SUBJECT_DEPS
            and t.head.dep_ == "ROOT"
            and not self.quoted[t.i]
        ]
        return at, end, subjects

    def _office_subject_between(self, found: _Speaker, token: Token, own: str) -> _Speaker | None:
        """The holder of an office (:data:`ROLE_TITLES`) that is the last main-clause subject
        between the mention of ``found`` and the pronoun ``token`` (of gender ``own``), when the
        office resolves to a named person of that gender: "Tom Ashworth set out his plans. The
        prime minister is facing questions over his feud with Peter Grayling. He is saying …"
        is Ashworth, not Grayling named after the office (:meth:`_other_subject_between` had
        refused Grayling, leaving "he" no one). Only an office with a holder the article names:
        a bare role ("the candidate", "the official") is not taken for anyone, since in a story
        about several people it too often stands for the wrong one. None when ``found`` is
        itself that sentence's main subject, or another person subject comes after the office."""
        if found.start is None or found.end is None:
            return None
        at, _end, subjects = self._main_subjects_between(found, token)
        office = None
        for t in subjects:
            if t.pos_ == "NOUN" and _role_lemma(t) in ROLE_TITLES and t.tag_ == "NN":
                office = t if self._sitting_office(t) else None
            elif t.pos_ in ("PROPN", "PRON") or t.lemma_.lower() in UNNAMED_PERSON_NOUNS:
                office = None  # someone else, or "he" again, is the subject after it
        if office is None or self._found_is_main_subject(at, office):
            return None
        meant = self.resolve(office)
        if meant is None or meant.name is None or meant.name == found.name:
            return None
        if meant.label != "PERSON" or person_sex(meant.name, self.sexes) not in (None, own):
            return None
        np = _np_span(office)
        return _Speaker(meant.name, np.text, np.start_char, np.end_char, "PERSON", meant.role)

    @staticmethod
    def _sitting_office(office: Token) -> bool:
        """Whether the office noun ``office`` names an office as now held, one holder at a
        time ("the prime minister", "the health secretary"), not one a word before it makes a
        description many may share ("the former envoy", "the deputy leader": the story's
        other people too often fit it)."""
        return not any(
            w.lower_ in OTHER_OFFICE_WORDS or w.lower_ in _PAST_OFFICE_WORDS
            for w in office.subtree
            if w.i < office.i
        )

    def _found_is_main_subject(self, at: int, office: Token) -> bool:
        """Whether the mention starting at token ``at`` is the main-clause subject of the
        sentence of ``office`` or of a later one (then it, not the office, is nearer)."""
        t = self._subject_token(at)
        return (
            self.sent_of[at] >= self.sent_of[office.i]
            and t.dep_ in CLAUSE_SUBJECT_DEPS
            and t.head.dep_ == "ROOT"
        )

    def _said_by(self, token: Token, *, person: bool) -> set[int]:
        """The token indices of what the subject ``token``'s own speech verb says: its
        complement clause ("Trump is no conservative, he said"), empty when ``token`` is no
        speech verb's subject. For a ``person`` pronoun, only when someone before it is a
        speech verb's subject: news writes "Ms. Nwanguma was shocked, she said" of the
        speaker herself, but "X said he will not vote for Trump. Also, Trump is no
        conservative, he said" is X going on."""
        verb = token.head
        if token.dep_ not in CLAUSE_SUBJECT_DEPS or verb.lemma_.lower() not in SPEECH_VERBS:
            return set()
        said = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
        # A clause holding a quotation is the narrator's, the quotation what is said ("Mr.
        # Bush praised his brother's ''faith'' - ''…,'' he said": the parse hangs the
        # narration under "said", and Mr. Bush is "he")
        if any(self.quoted[i] for i in said):
            return set()
        if person and not self._speaker_goes_on(token, said):
            return set()
        return said

    def _asked_about(self, token: Token) -> set[str]:
        """The people a question the subject ``token``'s speech verb reports asks about: named
        in it, or called by an office whose holder the article names ("Why will the prime
        minister not …, he demanded", "Would Mr Hale resign, she asked"). A question is its
        clause's words in a question's order (a "why" or "will" before the subject) or ending
        in a question mark; empty for any other clause, and for one holding a quotation."""
        verb = token.head
        if token.dep_ not in CLAUSE_SUBJECT_DEPS or verb.lemma_.lower() not in SPEECH_VERBS:
            return set()
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        words = [t for c in clauses for t in c.subtree]
        if not words or any(self.quoted[t.i] for t in words):
            return set()
        if not any(_asks(c) for c in clauses):
            return set()
        inside = {t.i for t in words}
        asked = {spk.name for idx, spk, _s in self.candidates if idx in inside and spk.name}
        for t in words:
            if t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat"):
                named = self.names.proper(_name_words(t))  # a name the model left untagged
                if named is not None and named[1] == "PERSON":
                    asked.add(named[0])
            elif t.pos_ == "NOUN" and _role_lemma(t) in ROLE_TITLES and _one_holder_office(t):
                meant = self.resolve(t)
                if meant is not None and meant.name and meant.label == "PERSON":
                    asked.add(meant.name)
        return asked

    def _speaker_goes_on(self, token: Token, said: set[int]) -> bool:
        """Whether the pronoun ``token`` may go on from a person quoted just before: the
        nearest subject person before it (outside ``said``) is a speech verb's subject, in its
        sentence or the one before, or with only quotations between ("Ms. Gil said …. These
        changes are a fact of life. Though Ms. Olivieri has …, she said" is Ms. Olivieri's)."""
        now = self.sent_of[token.i]
        for idx, spk, subj in reversed(self.candidates):
            if idx >= token.i or idx in said or spk.label != "PERSON" or not subj:
                continue  # (a name in passing: "X said he will not vote for Trump")
            if now - self.sent_of[idx] > ANTECEDENT_SENTENCES or not self._speech_subject(spk):
                return False
            sents = self.sents
            return all(
                self.quoted[next((t.i for t in sents[n] if not t.is_punct), sents[n].start)]
                for n in range(self.sent_of[idx] + 1, now)
            )
        return False

    def _narrated_distance(self, a: int, b: int) -> int:
        """How many sentences token ``b``'s is after token ``a``'s, not counting those between
        them that are all quotation (a speaker's words carried on, no narration in them)."""
        first, last = self.sent_of[a], self.sent_of[b]
        quoted = sum(
            all(self.quoted[t.i] or t.is_punct or t.is_space for t in self.sents[n])
            for n in range(first + 1, last)
        )
        return last - first - quoted

    def _speech_subject(self, spk: _Speaker) -> bool:
        """Whether the mention of ``spk`` is the subject of a speech verb."""
        root = self._mention_root(spk)
        return (
            root is not None
            and root.dep_ in CLAUSE_SUBJECT_DEPS
            and root.head.lemma_.lower() in SPEECH_VERBS
        )

    def _mention_root(self, spk: _Speaker) -> Token | None:
        """The head of the phrase the mention of ``spk`` names (up from a compound, an
        apposition or a flat name), or None when the mention is no span of the parse. Not up
        to a common noun the name only qualifies: in "Bush campaign officials looked into it"
        the officials are the subject, not Bush (who had become "the candidate" Trump was)."""
        span = self._mention_span(spk)
        if span is None:
            return None
        root = span.root
        while root.dep_ in ("compound", "appos", "flat") and root.head.i != root.i:
            head = root.head
            if (
                root.dep_ == "compound"
                and head.pos_ == "NOUN"
                and (head.tag_ == "NNS" or head.lemma_.lower() not in ROLE_NOUNS)
            ):
                break
            root = head
        return root

    def _subject_pronoun_before(self, token: Token, own: str) -> Token | None:
        """The nearest pronoun of gender ``own`` before ``token`` (within
        :data:`ANTECEDENT_SENTENCES`) that is the subject of its sentence's main verb, outside
        any quotation (a quoted "he" is the speaker's, not the narrator's)."""
        doc = token.doc
        lo = doc_arrays.sentences_back(doc, token.sent.start, ANTECEDENT_SENTENCES)
        pos = doc_arrays.column(doc, POS)
        # Back over the words, a Token made only for a pronoun.
        for t in (doc[i] for i in range(token.i - 1, lo - 1, -1) if pos[i] == PRON):
            if (
                t.pos == PRON
                and _pronoun_gender(t.lower_) == own
                and t.dep_ in CLAUSE_SUBJECT_DEPS
                and t.head.dep_ == "ROOT"
                and not self.quoted[t.i]
            ):
                return t
        return None

    def _chained(self, token: Token) -> _Speaker | None:
        """The person the pronoun ``token`` stands for (:meth:`_pronoun`), worked out once."""
        if token.i not in self._chain:
            self._chain[token.i] = None  # (a pronoun never stands for itself)
            self._chain[token.i] = self._pronoun(token)
        return self._chain[token.i]

    def _antecedent(
        self, before: int, want: set[str], after: bool = False, fits=None
    ) -> _Speaker | None:
        """The person (or ``want`` label) named nearest before token ``before``; ``fits``, if
        given, is asked of each candidate, its token index and whether it is its clause's
        subject (a pronoun's gender, who may not be meant, how far back it may reach)."""
        ranked = self._ranked_antecedent(before, want, fits)
        return ranked[1] if ranked is not None else None

    def _ranked_antecedent(
        self, before: int, want: set[str], fits=None
    ) -> tuple[tuple[int, int, int], _Speaker] | None:
        """:meth:`_antecedent`'s choice with its rank (sentences back, 0 for a subject else 1,
        sentences back), which a nearer subject pronoun may beat (:meth:`_pronoun`)."""
        sent_now = self.sent_of[before]
        best: tuple[int, int, _Speaker] | None = None
        for idx, spk, is_subj in reversed(self.candidates):
            if idx >= before:
                continue
            distance = sent_now - self.sent_of[idx]
            if distance > ANTECEDENT_SENTENCES:
                break
            if spk.label not in want or (fits is not None and not fits(spk, idx, is_subj)):
                continue
            # Nearer sentences first; within a sentence, subjects beat other mentions; and a
            # mention in the pronoun's own sentence that is no subject ("… the revolt against
            # President Bashar al-Assad, he added") comes after the last sentence's subject.
            # The subject of the main verb beats the subject of a clause under it: "Lopez said
            # Smith is his last choice. He favours Reyes, he said" is Lopez's; and in the
            # pronoun's own sentence the subject of what someone says or of a supposition ("He
            # agreed that Smith may lose, but he said …", "If Smith loses, he said he …") is
            # no more than a name in passing.
            level = self._subject_level(idx) if is_subj else 2
            near = (
                distance
                if (is_subj and (level == 0 or not self._in_passing(idx, before)))
                else max(distance, 1)
            )
            rank = (near, level, distance)
            if best is None or rank < best[:3]:
                best = (*rank, spk)
        return (best[:3], best[3]) if best else None

    def _subject_token(self, idx: int) -> Token:
        """The word of the candidate at token ``idx`` that the parse links to its clause (a
        name's last word, an apposition's head)."""
        t = self.doc[idx]
        while t.dep_ in ("compound", "flat") and t.head.i > t.i:
            t = t.head
        if t.dep_ == "appos":
            t = t.head
        return t

    def _subject_level(self, idx: int) -> int:
        """0 when the candidate at ``idx`` is the subject of its sentence's main verb (or of a
        verb joined to it) or of a speech verb (an aside: "The hashtag, Mr. Abboud said,
        spread"), else 1 (the subject of a clause under it). An inverted sentence's subject
        ("Standing beside him was Tom Hale") is its main verb's, whatever the parse made it."""
        if idx in self._inverted_subjects:
            return 0
        t = self._subject_token(idx)
        verb = t.head
        if verb.dep_ == "conj":
            verb = verb.head
        main = verb.dep_ == "ROOT" or verb.head.i == verb.i
        aside = verb.dep_ == "parataxis" and verb.lemma_.lower() in SPEECH_VERBS
        return 0 if main or aside else 1

    def _in_passing(self, idx: int, pronoun: int) -> bool:
        """Whether the candidate at ``idx`` is the subject of what is said or thought (a
        complement clause: "agreed that Smith may lose"), of a supposition ("if Smith
        loses") or of a clause describing a noun ("in the event that Smith loses"), not of
        something the sentence narrates. What the pronoun's own verb says is
        not such a clause ("Lopez rejected the plan, she wrote": the writer's own account)."""
        t = self._subject_token(idx).head
        own_verb = self.doc[pronoun].head.i
        while t.head.i != t.i:
            if t.dep_ in ("ccomp", "xcomp") and t.head.i != own_verb:
                return True
            if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
                # a clause that describes a noun: "Asked about her vote in the event that
                # Smith wins, she replied" is not Smith replying
                return True
            if t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children
            ):
                return True
            t = t.head
        return False

    def _description(self, token: Token, np: Span) -> _Speaker:
        words = [t for t in np if t.dep_ not in ("det", "poss") and not t.is_punct]
        role = _role_span(token)
        mention = _Speaker(None, np.text, np.start_char, np.end_char, None, role)
        if _indefinite(token):
            # "A senior barrister who has resigned says …" opening a story that names him next
            named = self._named_after_opening(token)
            if named is not None:
                mention.name, mention.label = named.name, "PERSON"
            return mention
        wanted = _role_words(t.text for t in words)
        # "the Indonesian Economics Minister" is "Economics Minister Aburizal Bakrie" of an
        # Indonesian story: a nationality the role was given without names no other office
        # (but "the Russian president" is not "Syrias President" Assad)
        national = frozenset(t.text.lower() for t in words if _nationality(t.text))
        office = token.lemma_.lower() in ROLE_TITLES
        # the body or town the description names ("the Chester chairman")
        marked = _role_words(t.text for t in words if t.i != token.i and _marks_a_description(t))
        states = _states_in(wanted)  # "the Florida senator": only one the article gives Florida
        fitting: list[str] = []
        for role_words, name, at in self.role_index:
            if at > token.i and not office and self.sent_of[at] - self.sent_of[token.i] > 1:
                # A role the article gives only further on is an office's holder ("the
                # foreign minister said … Foreign Minister Ana Ruiz"), but a description many
                # may fit is not one given someone later: "the candidate said" of a debate
                # story is not the "fellow candidate Tom Hale" of its last paragraphs.
                continue
            if (
                not wanted <= role_words
                and not (
                    national
                    and len(wanted - national) > 1  # an office of its own, not "president"
                    and wanted - national <= role_words
                    and not any(_nationality(w) for w in role_words)
                )
                and not self._role_given_with(wanted, marked, role_words, at)
            ):
                continue
            # "the home secretary" is not the shadow home secretary, nor a former or deputy one
            if not (role_words - wanted) & OTHER_OFFICE_WORDS and name not in fitting:
                fitting.append(name)
        if fitting:
            name = self._paragraph_subject(token, fitting)
            if name is not None and self._of_another_state(name, states):
                # "Sen. Tom Hale (R-Ohio) … Hale attacked the plan. “…,” the Oregon senator
                # said": the paragraph's subject is no Oregon senator, the article made him
                # Ohio's
                name = None
            name = name or self._last_named(fitting, token.i)
            mention.name, mention.label = name, "PERSON"
            return mention
        if _someones_aide(token):
            return mention
        # The article names the holder nearby: prefer the next sentence ("Ash Carter said …"),
        # then the previous ones.
        sent_now = self.sent_of[token.i]
        listed = self._listed_holder(token) if _one_holder_office(token) else None
        for idx, spk, _subj in self.candidates:
            near = (
                idx > token.i
                and spk.label == "PERSON"
                and spk.name is not None
                and self.sent_of[idx] - sent_now <= 1
            )
            # Someone who already has a role in this article is not the holder of another one
            # (but is of the one named by the same noun: "the provincial governor said.
            # Governor Talal al-Barazi told …").
            # named in the description itself or before its verb ("the head of the
            # Britain-based monitoring group Rami Abdel Rahman told AFP", "Director of Daraa
            # National Hospital Dr. Farid al-Asfar told SANA"), or as the next sentence's subject
            own = token.left_edge.i <= idx <= max(token.right_edge.i, token.head.i)
            # (but not a name in a clause about the holder: "The actor, whose films include
            # Harbour Lights, said" is the actor's word, not the film's)
            own = own and not _in_relative_clause(self.doc[idx], token)
            if own and _served_by(self.doc[idx], token):
                continue  # "the Tory MP for Sleaford" (a place tagged a person) is no name
            if own and (at := speech.entity_of(self.doc[idx])) and _whose_relation(at.root, token):
                continue  # "the former top aide to President George W. Bush": not Bush
            # (named after it, as a subject, they hold the role only if the article gives
            # them none or this one: "… the official said. U.S. President Barack Obama
            # received …" and "the prime minister said … Tory leader Michael Howard accused
            # the prime minister" are someone else's words)
            later = own or (self._main_subject(spk) and self._named_holder(spk, token))
            # (and not one the article gives another state: "“…,” the Oregon senator said.
            # Sen. Tom Hale (R-Ohio) disagreed" is someone else's words)
            elsewhere = near and self._of_another_state(spk.name, states)
            # (an office one person holds is someone named after it without it only if the
            # article had not named them before: "Mr Hale said …. The prime minister said ….
            # Mr Hale added" is no sign Hale is prime minister)
            later = later and (own or self._office_newcomer(spk, token))
            # (nor one when the article names another holder of it, untitled: "The chancellor
            # denied … But Ann Hale, for the Tories, attacked …" of a story naming Gordon Brown)
            later = later and (own or listed is None or listed.name == spk.name)
            if near and self._holds(spk, token) and later and not elsewhere:
                if not own and (topic := self._office_topic(spk, token)) is not None:
                    spk = topic
                mention.name, mention.label = spk.name, "PERSON"
                self.roles.setdefault(spk.name, role)
                return mention
        # Only someone whose known role is this one ("the chancellor" was Tony Blair, named
        # last, where the article calls Gordon Brown so; "the provincial governor" Assad).
        # A person named before only in brackets is an aside, not the one the story is about
        # ("(Design by Farwa Rizwan / Al Arabiya English)", a picture's credit, was "the
        # secretary"); anyone may be "the official" or "the spokesman": only the one the
        # article called so.
        titled = self._antecedent(
            np.start,
            {"PERSON"},
            fits=lambda spk, idx, _subj: (
                not self._bracketed(idx)
                and self._holds(spk, token)
                and self._known_as(spk, token, strict=True)
                and not self._other_nation(spk, national)
                # "the former president" was introduced as one ("former President George W.
                # Bush"), not as "President Bush" (the article may mean his brother by that)
                and self._same_office(spk, np)
                and self._fits_words(spk, token, national)
            ),
        )
        if titled is not None:
            # The one the article introduced with this role ("President Vladimir Putin … the
            # Russian leader said"), before anyone named last (the Trump he had just praised).
            mention.name, mention.label = titled.name, "PERSON"
            return mention
        generic = token.lemma_.lower() in GENERIC_ROLE_NOUNS
        prev = self._antecedent(
            np.start,
            {"PERSON"},
            fits=lambda spk, idx, _subj: (
                not self._bracketed(idx)
                and self._holds(spk, token)
                and (not generic or self._known_as(spk, token, strict=True))
            ),
        )
        if prev is not None and not self.roles.get(prev.name) and self._beside(prev, np.start):
            # and with no role known, not when another person is named with them: which one
            # the description means, the text does not say (unresolved is better than wrong)
            prev = None
        if prev is not None and self._unnamed_holder_since(prev, token, np.start):
            # "The agency quoted a United Nations spokesman …. The spokesman could not
            # confirm …", "Later the prime minister's spokesman was asked …. The spokesman
            # said": the one the article just introduced without a name, not anyone named
            # before him (a local activist, the aide's master)
            prev = None
        # "the UN's top aid official", "the Homs governor": a description naming a body or a
        # town stands for the person before it only if that person's name or role names it too
        # (Assad was "the UN's top aid official" and "the Civil Defense spokesman"). A country
        # ("Syria's president") or a people ("the Russian president") says too little to decide.
        # An untagged proper noun marks it too ("the UNs top aid official", "Wird Furati head").
        marks = {t.lower_ for t in np if t.i != token.i and _marks_a_description(t)}
        # and the body a phrase after the noun names ("the spokesman for the US-led
        # coalition": a rebel commander named before had been given the coalition's words)
        after = {
            t.lower_
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")
            for t in c.subtree
            if _marks_a_description(t) or t.lemma_.lower() in _BODY_NOUNS
        }
        if prev is not None and prev.name and (marks or after):
            known = set(f"{prev.name} {self.roles.get(prev.name) or ''}".lower().split())
            if after and prev.start is not None:
                # the person named with that body ("Colonel John Dorrian, the spokesman for
                # the coalition, said …") is still its spokesman
                sent = token.doc.char_span(prev.start, prev.end, alignment_mode="expand")
                known |= {t.lower_ for t in sent.sent} if sent is not None else set()
            if not (marks | after) & known:
                prev = None
        if prev is not None and self._set_apart(prev, token, np.start):
            prev = None
        if listed is not None:
            # "… a pledge to Mr Brown. The chancellor has said …" where the article names one
            # holder of the office in a time that fits the other holders it names: they
            prev = listed
        elif _one_holder_office(token) and (
            prev is None or not self._may_stand_for(prev, token, national)
        ):
            # "The prime minister told him …" of a story that names Labour MP Alan Pryce last
            # but never calls anyone prime minister: the holder the reader is assumed to know,
            # the one the story is about if it makes that clear, else no one (a blank is
            # better than the wrong person)
            prev = self._lead_holder(token, national)
        if prev is not None and not office and not self._fits_epithet(prev, token):
            # "Peter Walsh praised the cast. '…,' said the actress" is not he; nor is "said
            # the goalkeeper" the one the article made the manager
            prev = None
        if prev is None and _epithet(token) and not office:
            # "said the Tottenham striker", "the Old Trafford boss added": a trade, not an
            # office, whose club or town the article need not have given its holder when
            # introducing them (Keane was "Matchwinner Keane"): the paragraph's subject
            prev = self._topic_person(token)
        if prev is None and _epithet_word(token) in CLUB_HEADS:
            name = self._club_head_before(token, marks)
            if name is not None:
                mention.name, mention.label = name, "PERSON"
                return mention
        if prev is not None:
            mention.name, mention.label = prev.name, "PERSON"
        return mention

    def _office_topic(self, newcomer: _Speaker, office: Token) -> _Speaker | None:
        """The person the paragraph is about (:meth:`_topic_person`) when the office noun
        ``office`` ("the prime minister", "the chancellor") more likely stands for them than
        for ``newcomer``, named in the next sentence without that office: "Tony Blair has
        rejected calls …. The prime minister told his press conference …. Earlier,
        Conservative MP Michael Mates joined calls …" is Blair's. Only one the article gives
        this office or none, and a newcomer it does not give it."""
        if _role_lemma(office) not in ROLE_TITLES or self._known_as(newcomer, office, strict=True):
            return None
        topic = self._topic_person(office)
        if (
            topic is None
            or topic.name == newcomer.name
            or not self._holds(topic, office)
            or not self._known_as(topic, office)
        ):
            return None
        return topic

    def _club_head_before(self, token: Token, marks: set[str]) -> str | None:
        """The one person the article made a club's manager, boss or coach before the
        description ``token`` ("Magpies manager Graeme Souness … The Toon boss vowed …": a
        nickname for the club, another word for the job). With several, only the one whose
        role names the club the description names ("the Arsenal boss" of a story naming both
        managers); none when that does not decide."""
        heads: dict[str, frozenset[str]] = {}
        for role_words, name, at in self.role_index:
            # (no assistant or former manager)
            if (
                at < token.i
                and role_words & CLUB_HEADS
                and not role_words & OTHER_OFFICE_WORDS
                and name not in heads
            ):
                heads[name] = role_words
        if len(heads) == 1:
            [(name, role_words)] = heads.items()
            # (a club the article names elsewhere, not beside this head, is another club:
            # "Arsenal boss Arsene Wenger … Chelsea won … the Chelsea boss" is not Wenger; a
            # nickname used only here, "the Toon boss", says nothing against him)
            elsewhere = {
                t.lower_
                for t in self.doc
                if t.lower_ in marks and not token.left_edge.i <= t.i <= token.i
            }
            return name if not (elsewhere - role_words) else None
        marked = [
            name
            for role_words, name, at in self.role_index
            if at < token.i and role_words & CLUB_HEADS and marks and marks <= role_words
        ]
        return marked[0] if len(set(marked)) == 1 else None

    def _topic_person(self, token: Token) -> _Speaker | None:
        """The person a description of a trade or a nation (``token``: "the Tottenham
        striker", "the American") stands for: the one named as the main subject of the nearest
        sentence before it that has a person for subject (in its own sentence before it, or up
        to :data:`TOPIC_SENTENCES` sentences of narration back, quoted ones not counted) — the
        one the paragraph is about, as the BBC writes "Keane was full of praise. '…,' said the
        Tottenham striker". None when that sentence's subjects are several people ("Holmes and
        Radcliffe won"), or its one does not fit the description (another sex, age or trade):
        which one the text means, it does not say, and a wrong name is worse than none."""
        np = _np_span(token)
        sent_now = self.sent_of[token.i]
        narrated = 0
        # The subject of the description's own sentence is someone else: "Van Nistelrooy is
        # fit again, but the Scot admitted …" (one clause's subject named again in the next
        # is "he"); the description is the paragraph's subject before it (Ferguson).
        others = set()
        for sent in range(sent_now, -1, -1):
            subjects = [
                (idx, spk)
                for idx, spk, _subj in self.candidates
                if self.sent_of[idx] == sent
                and idx < np.start
                and spk.label == "PERSON"
                and spk.name
                and self._topic_subject(idx, spk)
            ]
            if sent == sent_now:
                others = {spk.name for _i, spk in subjects}
            subjects = [(i, spk) for i, spk in subjects if spk.name not in others]
            if subjects:
                if len({spk.name for _i, spk in subjects}) > 1 or any(
                    self._listed(i) for i, _spk in subjects
                ):
                    return None
                spk = subjects[-1][1]
                return spk if self._fits_epithet(spk, token) else None
            if sent != sent_now and not self._quoted_sentence(sent):
                narrated += 1
                if narrated >= TOPIC_SENTENCES:
                    return None
        return None

    def _titled_in(self, token: Token) -> Span | None:
        """The person named after a work's title and a trade noun in the subject phrase of
        ``token`` when the parse made a word of the title its head (:func:`_titled_subject`)."""
        own = speech.entity_of(token)
        if own is not None and own.label_ == "PERSON" and _title_before_trade(own) is None:
            return None  # a name of its own
        for ent in self.names.ents:
            if (
                ent.start in self._titled_subjects
                and token.left_edge.i <= ent.start <= token.right_edge.i
                and not ent.start <= token.i < ent.end
            ):
                return ent
        return None

    def _topic_subject(self, idx: int, spk: _Speaker) -> bool:
        """Whether the candidate at ``idx`` is the subject (active or passive) of its
        sentence's main verb or of a speech verb: "Roddick was left frustrated", "said Kerr"."""
        if idx in self._titled_subjects or idx in self._inverted_subjects:
            return True
        t = self._subject_token(idx)
        if t.dep_ not in CLAUSE_SUBJECT_DEPS:
            # a name whose first word is another's: "Arsenal's Edu has lifted the lid"
            t = self._mention_root(spk)
            if t is None or t.dep_ not in CLAUSE_SUBJECT_DEPS:
                return False
        verb = t.head.head if t.head.dep_ == "conj" else t.head
        main = verb.dep_ == "ROOT" or verb.head.i == verb.i
        return main or (verb.dep_ == "parataxis" and verb.lemma_.lower() in SPEECH_VERBS)

    def _listed(self, idx: int) -> bool:
        """Whether the candidate at ``idx`` is one of a list of people ("Holmes, Radcliffe and
        Yelling all won"): a description after it may mean any of them."""
        t = self._subject_token(idx)
        if t.dep_ == "conj":
            return True
        return any(
            c.dep_ == "conj" and any(x.ent_type_ == "PERSON" for x in c.subtree) for c in t.children
        )

    def _quoted_sentence(self, sent: int) -> bool:
        """Whether sentence ``sent`` is mostly quoted words (a quotation the parse cut into
        sentences): it is no narration of whom the paragraph is about."""
        span = self.sents[sent]
        words = [t.i for t in span if not t.is_punct and not t.is_space]
        return bool(words) and sum(self.quoted[i] for i in words) * 2 > len(words)

    def _fits_epithet(self, spk: _Speaker, token: Token) -> bool:
        """Whether the person ``spk`` may be the one the description ``token`` names: not of
        the other sex ("the actress" is no Mr), age ("the 24-year-old" is not one the article
        gives 31 years) or club job ("the striker" is not the one it calls the manager), and no
        player one it gives a role of those who do not play (:data:`NON_PLAYER_ROLES`)."""
        sex = _epithet_sex(token)
        if sex and person_sex(spk.name, self.sexes) not in (None, sex):
            return False
        age = _stated_age(token)
        if age is not None and self.ages.get(spk.name, age) != age:
            return False
        word = _epithet_word(token)
        known = self.roles.get(spk.name)
        if known and word in PLAYER_EPITHETS and _role_words(known.split()) & NON_PLAYER_ROLES:
            return False  # "the Romanian international" is no former director of a sport body
        if not known or word not in SPORT_TRADES:
            return True
        if word in CLUB_HEADS and self._of_another_club(known, token):
            return False
        trades = _role_words(known.split()) & SPORT_TRADES
        if not trades or word in trades:
            return True
        return bool(trades & CLUB_HEADS and word in CLUB_HEADS)

    def _of_another_club(self, known: str, token: Token) -> bool:
        """Whether the club job ``token`` ("the Chester boss") names a club the article names
        elsewhere too, and the known role ``known`` ("Wrexham manager") another: the other
        club's man. A name used only in the description ("the Toon boss" of "Magpies manager
        Graeme Souness") may be the club's nickname, and says nothing against him."""
        marks = {t.lower_ for t in _np_span(token) if t.i != token.i and _marks_a_description(t)}
        # (a manager's job is at one club; a player's role may name his country instead:
        # "Wales captain Ryan Giggs … the Manchester United wing")
        if not _role_words(known.split()) & CLUB_HEADS:
            return False
        own = {w.lower() for w in known.split() if w[:1].isupper()} - {token.lower_}
        if not marks or not own or marks & own:
            return False
        np = _np_span(token)
        return any(t.lower_ in marks and not np.start <= t.i < np.end for t in self.doc)

    def _aged(self, token: Token, np: Span) -> _Speaker | None:
        """The person an age description ("the 24-year-old") stands for: one the article
        gives that age before it ("Hayley Yelling, 24,"), else the nearest person before who
        was the subject of a main clause, of no other age the article gives — and not one of
        a list of people ("Holmes, Radcliffe and Yelling all won. The 24-year-old said"): the
        text does not say which."""
        age = _stated_age(token)
        if age is not None:
            aged = [
                spk
                for idx, spk, _s in self.candidates
                if idx < np.start and spk.name and self.ages.get(spk.name) == age
            ]
            if len({spk.name for spk in aged}) == 1:
                return aged[-1]
        introduced = self._just_introduced(np.start)
        if introduced is not None and self._fits_epithet(introduced, token):
            return introduced
        ranked = self._ranked_antecedent(
            np.start,
            {"PERSON"},
            fits=lambda spk, idx, _subj: self._main_subject(spk) and self._fits_epithet(spk, token),
        )
        if ranked is None:
            return None
        prev = ranked[1]
        root = self._mention_root(prev)
        if root is not None and self._listed(root.i):
            return None
        return prev

    def _just_introduced(self, before: int) -> _Speaker | None:
        """The one person the sentence just before token ``before`` introduces, described by a
        clause or an apposition, when that sentence has no person for its subject: "The
        younger stars were represented by Ann Lee, who plays the lead. The 14-year-old said
        …" is Ann Lee, not the subject of a sentence before (a story names a newcomer so)."""
        sent = self.sent_of[before] - 1
        if sent < 0:
            return None
        people = [
            (idx, spk)
            for idx, spk, _s in self.candidates
            if self.sent_of[idx] == sent
            and spk.label == "PERSON"
            and spk.name
            # (not a name in the clause that describes them: "who plays Hermione")
            and not any(a.dep_ in ("relcl", "acl") for a in self.doc[idx].ancestors)
        ]
        if len({spk.name for _i, spk in people}) != 1:
            return None
        if any(self._topic_subject(idx, spk) for idx, spk in people):
            return None  # the subject rule decides
        idx, spk = people[0]
        root = self._mention_root(spk)
        if root is None:
            return None
        described = root.dep_ == "appos" or any(
            c.dep_ in ("relcl", "appos", "acl") for c in root.children
        )
        return spk if described else None

    @functools.cached_property
    def ages(self) -> dict[str, int]:
        """Canonical person name → the age the article gives them beside their name
        ("Hayley Yelling, 24,", "the 31-year-old Dougie Walker"); one given two ages is left
        out."""
        found: dict[str, set[int]] = {}
        for ent in self.names.ents:
            if ent.label_ != "PERSON" or self.quoted[ent.start]:
                continue
            age = _age_beside(ent)
            if age is not None:
                name, label = self.names.canonical(ent.text, "PERSON", ent.start_char, ent.end_char)
                if label == "PERSON":
                    found.setdefault(name, set()).add(age)
        return {name: next(iter(a)) for name, a in found.items() if len(a) == 1}

    def _paragraph_subject(self, token: Token, fitting: list[str]) -> str | None:
        """The person the paragraph is about when the description ``token`` continues it and
        none of ``fitting`` (the people the article titles with the role) is named in it before
        the description: the subject of its own or the previous sentence, whom the article
        gives no other office. "Cruz defends his record in an ad: '…,' the senator says" is
        Cruz, not "Sen. John McCain" named paragraphs before; "Christie said … The governor
        claimed" of a live blog is Christie, not "Ohio Gov. John Kasich" of a later entry."""
        doc = token.doc
        if any(c.dep_ == "poss" for c in token.children):
            return None  # "her boss told her": someone's, not the paragraph's subject
        par_start = text_of(doc).rfind("\n", 0, token.idx) + 1
        sent_now = self.sent_of[token.i]
        own = range(token.left_edge.i, token.right_edge.i + 1)
        # what the description says ("Mr. Trump is so reckless, the vice president said"): its
        # subjects are talked about, not the speaker; one before a quotation introduces it
        # ("Cruz defends his record in an ad: '…,' the senator says")
        said = range(token.head.left_edge.i, token.head.right_edge.i + 1)

        def reported(idx: int) -> bool:
            return (
                self.sent_of[idx] == sent_now
                and idx in said
                and not any(self.quoted[idx + 1 : token.i])
            )

        before = [
            (idx, spk, is_subj)
            for idx, spk, is_subj in self.candidates
            if idx < token.i and doc[idx].idx >= par_start and idx not in own and not reported(idx)
        ]
        if any(spk.name in fitting for _i, spk, _s in before):
            return None  # a holder named in the paragraph: the last one named decides
        # the nearest sentence with a subject, back to the one before the previous (a quotation
        # cut into sentences: "Walking in to chants of 'Marco! Marco!,' the senator said"); in
        # it, the main clause's subject ("Cruz defends his bona fides", not "bona" tagged so)
        near = [c for c in before if sent_now - self.sent_of[c[0]] <= PARAGRAPH_SUBJECT_SENTENCES]
        subjects = [(i, spk) for i, spk, is_subj in near if is_subj and not self._bracketed(i)]
        if not subjects:
            return None
        last = max(self.sent_of[i] for i, _spk in subjects)
        in_last = [(i, spk) for i, spk in subjects if self.sent_of[i] == last]
        idx, spk = min(in_last, key=lambda c: (self._subject_level(c[0]), c[0]))
        if spk.label == "PERSON" and spk.name and self._holds(spk, token):
            if _one_holder_office(token) and not self._known_as(spk, token, strict=True):
                # "Mr Lane said he was beaten. The home secretary said …" of a story that calls
                # Tom Hale Home Secretary: Hale, not the paragraph's untitled subject
                return None
            return spk.name if self._known_as(spk, token) else None
        return None

    def _rival_holder(self, other: _Speaker, spk: _Speaker, office: Token) -> bool:
        """Whether ``other``, named near ``spk``, may as well hold ``office``: someone else the
        article gives no other role ("his wife, publisher Ann Lowe" is no home secretary)."""
        if other.name is None or other.name == spk.name or not self._holds(other, office):
            return False
        return not self.roles.get(other.name) or self._known_as(other, office, strict=True)

    def _spoke_of(self, spk: _Speaker, office: Token) -> bool:
        """Whether ``spk`` is, before ``office``, the subject of a speech verb whose words name
        the same office ("Tom Hale said the chancellor had failed"): someone else than its
        holder, whom no one speaks of in the third person."""
        words = _office_words(office)
        mine = {i for i, c, _s in self.candidates if c.name == spk.name}
        for t in self.doc[: office.i]:
            if t.pos_ != "NOUN" or _office_words(t) != words:
                continue
            verb = next((v for v in t.ancestors if v.lemma_.lower() in SPEECH_VERBS), None)
            subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
            # (not the office speaking itself: "The prime minister said …")
            subjects = [c for c in subjects if not c.left_edge.i <= t.i <= c.right_edge.i]
            if any(w.i in mine for c in subjects for w in c.subtree):
                return True
        return False

    def _office_newcomer(self, spk: _Speaker, office: Token) -> bool:
        """Whether ``spk``, named right after the description ``office``, may be its holder
        when an office one person holds (:func:`_one_holder_office`): the article gives them
        that office, or names them there for the first time (introduced right after it)."""
        if not _one_holder_office(office) or self._known_as(spk, office, strict=True):
            return True
        return not any(c.name == spk.name for i, c, _s in self.candidates if i < office.i)

    def _may_stand_for(self, spk: _Speaker, office: Token, national: frozenset[str]) -> bool:
        """Whether the description ``office`` may stand for ``spk``, whom the article does not
        name beside it: any description may, but an office one person holds
        (:func:`_one_holder_office`: "the prime minister", "the chancellor", "the home
        secretary") only one the article gives that office, or whom it otherwise makes clear:
        the only person it has named before it ("… unveiled by Ann Hale. The home secretary
        said …"), the main subject of its lead ("Tom Hale has defended his plans. … The prime
        minister said …") or of the sentence before it ("…, Mr Hale warned. The prime minister
        also urged …"), where no one else who may hold it is a subject near it. A story may speak
        of the holder the reader is assumed to know without naming them, and the person named
        last is then someone else: an MP, a donor, the man the home secretary refused an
        inquiry. Never one who spoke of that office before (:meth:`_spoke_of`)."""
        if not _one_holder_office(office):
            return True
        if self._known_as(spk, office, strict=True) and self._fits_words(spk, office, national):
            return True
        if self._spoke_of(spk, office):
            return False  # "Tom Hale said the chancellor had failed. … The chancellor said"
        named = [(i, c, s) for i, c, s in self.candidates if i < office.i and c.label == "PERSON"]
        if {c.name for _i, c, _s in named} == {spk.name}:
            return True
        sent_now = self.sent_of[office.i]
        # the paragraph so far, and the sentence before it when the office opens the paragraph
        par_start = text_of(self.doc).rfind("\n", 0, office.idx) + 1
        start = par_start
        if sent_now > 0 and not text_of(self.doc)[start : office.sent.start_char].strip():
            start = min(start, self.sents[sent_now - 1].start_char)
        near = [(i, c, s) for i, c, s in named if self.doc[i].idx >= start]
        if any(self._rival_holder(c, spk, office) and self._main(i, s) for i, c, s in near):
            return False  # "… Mr Hale told MPs. The prime minister said" (Hale no holder)
        if any(
            self._rival_holder(c, spk, office) for i, c, _s in near if self.doc[i].idx >= par_start
        ):
            return False  # "… agendas between Mr Hale and Mr Lowe. But the chancellor said"
        if spk.name in self._lead_subjects():
            return True
        if any(self._rival_holder(c, spk, office) for _i, c, _s in near):
            return False
        # (named, as the main clause's subject: "Labour attacked the claim that Tom Hale
        # planned cuts. The prime minister struggled …" is no sign Hale is prime minister,
        # nor is "“…,” he said. Aid has been sent and the prime minister said …")
        return any(
            c.name == spk.name
            and self._main(i, s)
            and sent_now - self.sent_of[i] <= 1
            and self.doc[i].pos_ != "PRON"
            for i, c, s in near
        )

    def _listed_holder(self, office: Token) -> _Speaker | None:
        """The person the article names, without a title, whom :data:`OFFICE_HOLDERS` lists
        as a holder of the bare office ``office`` ("the prime minister", "the chancellor") when
        it is the only one that fits: each office the article speaks of by its bare name is
        given one person it names who held it, no one two, all in one time, with the holders
        it titles ("Home Secretary Charles Clarke"); of the ways that fill the most offices,
        all give ``office`` this person. "Mr Blair … Mr Brown … the chancellor" names two
        prime ministers but one chancellor, so "the prime minister" there is Blair; one who
        names Blair and Brown and no other office says nothing (each was prime minister)."""
        wanted = _listed_office(office)
        if wanted is None:
            return None
        people: dict[str, _Speaker] = {}
        for i, spk, _s in self.candidates:
            if spk.label == "PERSON" and spk.name and (i < office.i or spk.name not in people):
                people[spk.name] = spk
        titled = {name: _listed_role(role) for name, role in self.roles.items() if role and name}
        fixed = [OFFICE_HOLDERS.get(f"{o}/{name}") for name, o in titled.items() if o]
        fixed = [span for span in fixed if span is not None]
        given = {o for o in titled.values() if o}
        if wanted in given:
            return None  # the article titles its holder: the rules above read that
        offices = sorted(self._listed_offices_spoken() - given | {wanted})
        options = [
            [None]
            + [
                n
                for n in people
                if f"{o}/{n}" in OFFICE_HOLDERS
                and not self.roles.get(n)
                and self._held_then(OFFICE_HOLDERS[f"{o}/{n}"])
            ]
            for o in offices
        ]
        best, holders = 0, set()
        for pick in itertools.product(*options):
            named = [n for n in pick if n is not None]
            if len(named) != len(set(named)):
                continue  # one person, one of these offices
            spans = fixed + [
                OFFICE_HOLDERS[f"{o}/{n}"] for o, n in zip(offices, pick, strict=True) if n
            ]
            if spans and max(s[0] for s in spans) >= min(s[1] for s in spans):
                continue  # no time all of them held their offices together
            if len(named) > best:
                best, holders = len(named), set()
            if len(named) == best:
                holders.add(pick[offices.index(wanted)])
        if len(holders) != 1 or None in holders:
            return None
        return people[holders.pop()]

    def _held_then(self, term: tuple[int, int]) -> bool:
        """Whether a holder's ``term`` (from, to as YYYYMM) takes in the article's month; any
        term does for an undated article. A 2016 story naming Tony Blair and quoting "the prime
        minister" quotes someone else."""
        return self.month is None or term[0] <= self.month <= term[1]

    def _listed_offices_spoken(self) -> set[str]:
        """The offices of :data:`OFFICE_HOLDERS` the article's own narration speaks of by their
        bare name. An office named only inside a quotation is the speaker's word, not an
        office the story deals in: "Mr Brown … The chancellor denied …" with a critic quoted
        saying "the prime minister gave us fear; the chancellor …" is still Brown's story as
        chancellor (counted, the quoted prime minister had made Brown fit either office)."""
        if self._spoken_offices is None:
            self._spoken_offices = {
                o
                for t in self.doc
                if t.pos_ in ("NOUN", "PROPN") and not self.quoted[t.i]
                if (o := _listed_office(t))
            }
        return self._spoken_offices

    def _lead_holder(self, office: Token, national: frozenset[str]) -> _Speaker | None:
        """The one person the lead is about (:meth:`_lead_subjects`) when the office noun
        ``office`` may stand for them (:meth:`_may_stand_for`): "Tom Hale has defended his
        plans. … Mr Hale was sworn in. The prime minister said …" is Hale's."""
        lead = self._lead_subjects()
        if len(lead) != 1:
            return None
        found = next((c for i, c, _s in self.candidates if i < office.i and c.name in lead), None)
        if found is None or not self._holds(found, office):
            return None
        return found if self._may_stand_for(found, office, national) else None

    def _main(self, idx: int, is_subj: bool) -> bool:
        """Whether the candidate at ``idx`` is its sentence's main subject."""
        return is_subj and self._subject_level(idx) == 0

    def _lead_end(self) -> int:
        """Where the article's lead (its first sentence, after a headline if it has one)
        ends, as a character offset: found once per article (every indefinite speaker of the
        story's opening and the lead's subjects ask)."""
        if self._lead_end_at is None:
            self._lead_end_at = 0
            for line in re.finditer(r"[^\n]+", text_of(self.doc)):
                if line.group().rstrip().endswith((".", "!", "?", '"', "”")):
                    # the lead's first sentence, and the headline lines before it
                    at = self.doc.char_span(line.start(), line.end(), alignment_mode="expand")
                    self._lead_end_at = at[0].sent.end_char if at is not None else line.end()
                    break
        return self._lead_end_at

    def _named_after_opening(self, token: Token) -> _Speaker | None:
        """The person a story's opening describes without a name (``token``: "a senior
        barrister", "a top academic", "a US airline attendant") and names as the main subject
        of the next sentence, named there for the first time: "A senior barrister who has
        resigned says … \n\n Ian MacDonald QC quit when …". Only in the lead or the sentence
        after it, and only a person's noun; not an aide, a friend or a lawyer (relation_nouns),
        who speaks for someone else the story may name next, nor a body or a report."""
        lemma = token.lemma_.lower()
        if not (_person_noun(token) or lemma in LEAD_PERSON_NOUNS) or lemma in RELATION_NOUNS:
            return None
        end = self._lead_end()
        if not end:
            return None
        lead = self.sent_of[self.doc.char_span(0, end, alignment_mode="expand")[-1].i]
        sent_now = self.sent_of[token.i]
        if sent_now > lead + 1:
            return None
        start = self.sents[sent_now + 1].start if sent_now + 1 < len(self.sents) else None
        if start is None:
            return None
        before = {c.name for i, c, _s in self.candidates if i < start}
        for i, c, s in self.candidates:
            if self.sent_of[i] == sent_now + 1 and c.label == "PERSON" and self._main(i, s):
                return c if c.name and c.name not in before else None
        return None

    def _lead_subjects(self) -> set[str | None]:
        """The people the article's lead (its first sentence, after a headline if it has one)
        has for a main subject: whom the story is about."""
        end = self._lead_end()
        return {
            c.name
            for i, c, s in self.candidates
            if self.doc[i].idx < end
            and c.label == "PERSON"
            and (self._main(i, s) or self._joined_to_main_subject(i))
        }

    def _joined_to_main_subject(self, idx: int) -> bool:
        """Whether the candidate at ``idx`` is joined to a main subject ("Hale and Lowe face new
        claims": Lowe too is whom the sentence is about)."""
        t = self._subject_token(idx)
        return (
            t.dep_ == "conj" and t.head.dep_ in CLAUSE_SUBJECT_DEPS and t.head.head.dep_ == "ROOT"
        )

    def _of_another_state(self, name: str, states: frozenset[str]) -> bool:
        """Whether the article gives ``name`` a title of another US state than ``states``
        (a description's): "Sen. Tom Hale (R-Ohio)" is never "the Oregon senator"."""
        if not states:
            return False
        return any(n == name and _states_in(words) - states for words, n, _at in self.role_index)

    def _last_named(self, names: list[str], before: int) -> str:
        """Of ``names`` (people the article gave one role, in the order it did), the one it
        named last before token ``before``: "Ohio Gov. John Kasich … Chris Christie added …
        The governor claimed" is Christie. The first when none is named before it."""
        last = {c.name: i for i, c, _s in self.candidates if i < before and c.name in names}
        return max(names, key=lambda n: last.get(n, -1)) if last else names[0]

    def _other_nation(self, spk: _Speaker, national: frozenset[str]) -> bool:
        """Whether the role the article gives ``spk`` names another nation than ``national``
        (a description's nationality words): "the Russian leader" is not "French President"."""
        known = self.roles.get(spk.name) if spk.name else None
        if not known or not national:
            return False
        theirs = {w.lower() for w in known.split() if _nationality(w)}
        return bool(theirs) and not theirs & national

    def _fits_words(self, spk: _Speaker, role: Token, national: frozenset[str]) -> bool:
        """Whether the words before the description's noun are in the role the article gives
        ``spk`` (nationalities and office words aside): "the foreign secretary" is not "Home
        Secretary Charles Clarke", "the two-time champion" not "Olympic champion Bekele"."""
        known = {w.lower() for w in (self.roles.get(spk.name) or "").split()}
        mods = {c.lower_ for c in role.children if c.dep_ in ("amod", "compound", "nmod")}
        return mods - national - OTHER_OFFICE_WORDS <= known

    def _same_office(self, spk: _Speaker, np: Span) -> bool:
        """Whether the description ``np`` and the role the article gives ``spk`` say the same
        of the office (:data:`OTHER_OFFICE_WORDS`: both "former", both "deputy", or neither)."""
        known = self.roles.get(spk.name) if spk.name else None
        theirs = {w.lower() for w in (known or "").split()} & OTHER_OFFICE_WORDS
        return theirs == {t.lower_ for t in np} & OTHER_OFFICE_WORDS

    def _set_apart(self, spk: _Speaker, role: Token, before: int) -> bool:
        """Whether the article, before token ``before``, names ``spk`` and the description
        ``role`` as two people in one sentence ("Mr. Trump's words may have affected the former
        president", "The former president spoke hours after Mr. Trump"): then the
        description is someone else, not ``spk``."""
        noun = role.lemma_.lower()
        mods = {c.lower_ for c in role.children if c.dep_ in ("amod", "compound")}
        sents = {
            self.sent_of[i] for i, c, _s in self.candidates if i < before and c.name == spk.name
        }
        for t in self.doc[:before]:
            if (
                t.i != role.i
                and t.lemma_.lower() == noun
                and t.pos_ == "NOUN"
                and self.sent_of[t.i] in sents
                and not self.quoted[t.i]
                and mods <= {c.lower_ for c in t.children}
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            ):
                roots = [
                    span.root
                    for i, c, _s in self.candidates
                    if c.name == spk.name and self.sent_of[i] == self.sent_of[t.i]
                    for span in [self._mention_span(c)]
                    # (not the description itself, which an earlier quote resolved to ``spk``:
                    # "The prime minister said …" is Mr Blair, no second person beside him)
                    if span is not None and not span.start <= t.i < span.end
                ]
                # two parts of one clause (not the description of that very mention: "Mr.
                # Bush, the former president"; nor two clauses a quotation's sentence ran on)
                verb = _clause_verb(t)
                if any(
                    _clause_verb(r).i == verb.i and t.head.i != r.i and r.head.i != t.i
                    for r in roots
                ):
                    return True
        return False

    def _called(self, spk: _Speaker, noun: str) -> bool:
        """Whether the article calls the organisation ``spk`` a ``noun`` beside one of its
        names: "the charity Save the Children", "the Islamic State group", "the SDF, an
        alliance of …", "the Observatory is a charity"; "the paper" a publication the
        article calls a newspaper, a daily or a magazine ("the Mirror newspaper")."""
        nouns = PUBLICATION_HEADS | {"paper"} if noun in PAPER_DESCRIPTION_NOUNS else {noun}
        for _i, other, _s in self.candidates:
            if other.name != spk.name or other.start is None:
                continue
            span = self.doc.char_span(other.start, other.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            near = [root.head, *root.children]
            if root.head.lemma_ == "be":  # "… is a charity"
                near += [c for c in root.head.children if c.dep_ == "attr"]
            if any(t.lemma_.lower() in nouns and not span.start <= t.i < span.end for t in near):
                return True
        return False

    def _mention_span(self, spk: _Speaker) -> Span | None:
        """The tokens of the mention ``spk`` was found at, or None (no offsets known)."""
        if spk.start is None:
            return None
        return self.doc.char_span(spk.start, spk.end, alignment_mode="expand")

    def _not_reported_on(self, spk: _Speaker) -> bool:
        """Whether the mention of the organisation ``spk`` may be a speaker's: not an object
        of its clause, itself or the people it describes ("Airstrikes hit Daesh militants"),
        nor the object of a preposition of a target (:data:`TARGET_PREPOSITIONS`: "clashes
        between ISIS and the YPG", "under the control of the Islamic State group"). A source
        ("according to", "by"), an origin ("Volunteers from the Harbour Relief Fund") or an
        owner ("The four staff of the Union of … Organisations") may speak."""
        span = self._mention_span(spk)
        if span is None:
            return False
        root = span.root
        # "the Islamic State jihadist group": the description is the organisation's own
        # and a noun it describes ("Nusra Front fighters seized the town"): the body acts
        # where that noun does, and is only reported on as its object ("Airstrikes hit Daesh
        # militants")
        own = root
        while root.head.i != root.i and (
            root.dep_ in ("compound", "amod", "nmod")
            or (root.dep_ == "appos" and root.head.lemma_.lower() in _BODY_NOUNS)
        ):
            root = root.head
        # (the body itself an object is most often a parse of lost commas: "… killed 12
        # civilians on Thursday the Syrian Observatory for Human Rights said")
        if root.dep_ == "dobj" and root.i != own.i and root.lemma_.lower() not in _BODY_NOUNS:
            return False
        if root.dep_ == "pobj":
            prep = root.head
            if prep.lower_ == "of":
                # "The four staff of the Union of … said" is the body's own; "under the
                # control of the Islamic State group" is one reported on
                return prep.head.dep_ != "pobj"
            return prep.lower_ not in TARGET_PREPOSITIONS
        return True

    def _main_subject(self, spk: _Speaker) -> bool:
        """Whether the mention of ``spk`` is the subject of its sentence's main verb or of a
        speech verb: the holder of a role said just before ("… the provincial governor said.
        Governor Talal al-Barazi told …"), not a name inside what was said ("the head of the
        OPCW-UN Joint Mission Sigrid Kaag revealed …. This declaration suggests Assad might …")."""
        root = self._mention_root(spk)
        if root is None:
            return False
        # (or the subject of a speech verb: '"Twelve people … were killed" and dozens more
        # were wounded Shadi al-Jundi told AFP', the parse's root elsewhere)
        return root.dep_ in CLAUSE_SUBJECT_DEPS and (
            root.head.dep_ == "ROOT" or root.head.lemma_.lower() in SPEECH_VERBS
        )

    def _holds(self, spk: _Speaker, role: Token) -> bool:
        """Whether ``spk`` may hold the role noun ``role``: not when the role is an office
        (:data:`ROLE_TITLES`) and the article gives them another office ("Governor Talal
        al-Barazi" is "the provincial governor"; "Syrias President" Assad is not). A
        description that is no office may still describe them ("Former Olympic champion
        Grace Mensah … the world 400m record holder"). Nor, in a dated article, a bare office
        of :data:`OFFICE_HOLDERS` they held at another time (a 2016 story's "the prime
        minister" is not Tony Blair, whom it names)."""
        if self.month is not None and spk.name and (office := _listed_office(role)):
            term = OFFICE_HOLDERS.get(f"{office}/{spk.name}")
            if term is not None and not self._held_then(term):
                return False
        known = self.roles.get(spk.name) if spk.name else None
        noun = _role_lemma(role)
        if not known or noun not in ROLE_TITLES:
            return True
        words = set(_role_words(known.split()))
        if (words - {t.lower_ for t in role.subtree}) & OTHER_OFFICE_WORDS:
            return False  # the shadow foreign secretary is not "the Foreign Secretary"
        return noun in words or not words & ROLE_TITLES or _minister_as_secretary(role, words)

    def _bracketed(self, i: int) -> bool:
        """Whether token ``i`` stands inside brackets opened in its sentence."""
        before = self.doc[self.doc[i].sent.start : i]
        return sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before)

    def _known_as(self, spk: _Speaker, role: Token, *, strict: bool = False) -> bool:
        """Whether the article gives ``spk`` a role with the noun of ``role``, or (unless
        ``strict``) none."""
        known = self.roles.get(spk.name) if spk.name else None
        if not known:
            return not strict
        noun = _role_lemma(role)
        # "the head of US TV network Fox" is its "Chief executive" (one word for the other)
        # and "the Russian leader" is its "President" (a head of state or government)
        nouns = (
            _HEAD_NOUNS if noun in _HEAD_NOUNS else _LEADER_TITLES if noun == "leader" else {noun}
        )
        words = _role_words(known.split())
        return bool(nouns & words) or _minister_as_secretary(role, words)

    def _role_given_with(
        self, wanted: frozenset[str], marked: frozenset[str], role_words: frozenset[str], at: int
    ) -> bool:
        """Whether a description's words ``wanted`` are a role ``role_words`` (given at token
        ``at``) with the body or town ``marked`` it names, which the sentence giving the role
        names too: "Chester have lost again, but Chairman Steve Vaughan says …" makes Vaughan
        "the Chester chairman" (the manager, named after it, had been given his words)."""
        if not marked or not (wanted - marked) or not (wanted - marked) <= role_words:
            return False
        sent = self.doc[at].sent
        # (not a role naming a body of its own: "Arsenal boss Arsene Wenger … drew with
        # Chelsea" is no "Chelsea boss")
        extra = role_words - wanted
        if any(t.text[:1].isupper() and _role_word(t.lower_) in extra for t in sent):
            return False
        return marked <= _role_words(t.text for t in sent)

    def _named_holder(self, spk: _Speaker, role: Token) -> bool:
        """Whether ``spk``, the subject of the sentence after the description ``role``, is
        the holder it names: one the article gives this role, or one it had not named before
        and gives no other (introduced right after: "the provincial governor said. Talal
        al-Barazi told …"), or one named without it who is also the last person named before it.
        Someone else named before is not: the article had given them the office then
        ("rumours of a rift with Gordon Brown … a pledge to Mr Brown. The chancellor has said
        … Mr Blair told MPs" was Brown's word, given to Blair)."""
        if self._known_as(spk, role, strict=True):
            return True
        if not self._known_as(spk, role):
            return False
        before = [
            (i, c.name, s) for i, c, s in self.candidates if i < role.i and c.label == "PERSON"
        ]
        mine = [i for i, name, _s in before if name == spk.name]
        # (named before too, they are its holder when they are the last person named before it
        # as well: "Mr Brown said … “…,” the chancellor said. Mr Brown, on a tour …"; or the
        # last subject, no one else named in a sentence after theirs: "Michael Howard attacked
        # the system under Tony Blair. The Tory leader said …")
        if not mine or before[-1][1] == spk.name:
            return True
        subjects = [name for _i, name, s in before if s]
        later = any(self.sent_of[i] > self.sent_of[mine[-1]] for i, _n, _s in before)
        return bool(subjects) and subjects[-1] == spk.name and not later

    def _unnamed_holder_since(self, spk: _Speaker, role: Token, before: int) -> bool:
        """Whether, between the last mention of ``spk`` before token ``before`` and it, the
        text names the role noun of ``role`` as an unnamed person's: indefinite ("a United
        Nations spokesman") or someone's aide ("the prime minister's spokesman")."""
        mine = [i for i, c, _s in self.candidates if i < before and c.name == spk.name]
        if not mine:
            return False
        noun = role.lemma_.lower()
        return any(
            t.lemma_.lower() == noun
            and t.pos_ == "NOUN"
            and not t.ent_type_
            and (_indefinite(t) or _someones_aide(t))
            for t in self.doc[mine[-1] + 1 : before]
        )

    def _beside(self, spk: _Speaker, before: int) -> bool:
        """Whether another named person, no more a subject than ``spk``'s mention, is named in
        the sentence of ``spk``'s last mention before token ``before``."""
        mine = [(i, s) for i, c, s in self.candidates if i < before and c.name == spk.name]
        if not mine:
            return False
        at, subj = mine[-1]
        return any(
            i < before
            and c.label == "PERSON"
            and c.name
            and c.name != spk.name
            and self.sent_of[i] == self.sent_of[at]
            and (s or not subj)
            for i, c, s in self.candidates
        )

    def remember(self, token_i: int, spk: _Speaker, *, source_only: bool = False) -> None:
        """A resolved speaker is the strongest antecedent for a later pronoun; one given
        only as a ``source_only`` ("according to our correspondent") is a weaker one
        (:meth:`_past_sources`)."""
        tok = self.doc[token_i]
        if spk.label == "ORG" and tok.tag_ == "NN" and tok.lemma_.lower() in SPOKESPERSON_NOUNS:
            # "A UKIP spokesman said …. '…,' he added": the body speaks (_voiced_body), but the
            # later "he" is the spokesman the text does not name, not a person named before him
            spk = dataclasses.replace(spk, name=None, label=None)
        if spk.name is None:
            # "A Syrian human rights activist … said …. He said on condition of anonymity":
            # the one a singular noun for an unnamed person describes is who "he" is next
            tok = self.doc[token_i]
            unnamed = tok.tag_ == "NN" and tok.lemma_.lower() in UNNAMED_PERSON_NOUNS
            if not (spk.role or unnamed) or spk.label is not None:
                return
            # An unnamed official ("An official said … He said …"): the later "he" is that
            # official, unnamed, not a person named before.
            spk = dataclasses.replace(spk, label="PERSON")
        if source_only:
            self._sources.add(token_i)
        self.candidates.append((token_i, spk, True))
        self.candidates.sort(key=lambda c: c[0])


# Prepositions of where someone is ("Democrats on Capitol Hill", "voters in Ohio").
_WHERE_PREPOSITIONS = frozenset({"on", "in", "at", "across", "from", "inside", "outside"})


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun subject stands for ("Graham" of "Graham, who said …",
    "Human Rights Watch, which said …"), or None when ``token`` is no such pronoun."""
    clause = token.head
    if token.tag_ not in ("WP", "WDT") or token.dep_ != "nsubj" or clause.dep_ != "relcl":
        return None
    noun = clause.head
    if (
        token.lower_ == "who"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _WHERE_PREPOSITIONS
        and noun.head.head.pos_ in ("NOUN", "PROPN")
    ):
        # "Democrats on Capitol Hill, who have argued …", "voters in Ohio, who said …": the
        # place where people are is not who speaks; the clause is on the people before it
        noun = noun.head.head
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        noun = noun.head  # "John Bentel, a staffer who told …": the staffer is John Bentel
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.i < token.i else None


def _speaks_in_relative(root: Token) -> bool:
    """Whether the name ``root`` heads is the speaker of a relative clause on it ("there was
    the editor Jane Roe, who … said that …"): a later "she said" goes on from her, as from the
    subject of a speech verb, not to a name in passing after her."""
    return any(
        c.dep_ == "relcl"
        and c.lemma_.lower() in SPEECH_VERBS
        and any(g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in c.children)
        for c in root.children
    )


def _clause_verb(token: Token) -> Token:
    """The verb of the clause ``token`` stands in (itself when it is the root)."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _whose_role(ent: Span, noun: Token) -> bool:
    """Whether the name ``ent``, a compound before the role noun ``noun``, says whose aide the
    role's holder is rather than naming them: the phrase opens before the name ("the Clinton
    pollster", "Former Carson advisers", "two Trump aides") or the role is the title of a
    person named after it ("Carson campaign manager Barry Bennett"). A name that opens the
    phrase is the holder's own, its comma lost ("Maria Lopez spokeswoman for the agency")."""
    return ent.root.dep_ == "compound" and (
        any(c.dep_ in ("det", "amod", "nummod", "poss") and c.i < ent.start for c in noun.children)
        or (noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.ent_type_ == "PERSON")
    )


# Nouns of an aide, a spokesman, a friend or a relative: "the aide to X" is not X.
RELATION_NOUNS = lexicon.words("relation_nouns") | lexicon.words("kin_nouns")


def _whose_relation(name: Token, noun: Token) -> bool:
    """Whether the name whose root is ``name`` says whose aide, spokesman, friend or relative
    the holder of the role noun ``noun`` is: the object of "to", "for" or "of" after it ("said
    the former top aide to President George W. Bush", "a lawyer for Mr. Hale"). The speaker
    is the aide, named elsewhere or not at all. Not when a portfolio runs into the name
    ("Shadow spokesman for sport Hugh Robertson said"): the spokesman is the one named."""
    prep = name.head
    return (
        name.dep_ == "pobj"
        and prep.lower_ in ("to", "for", "of")
        and prep.head.i == noun.i
        and noun.lemma_.lower() in RELATION_NOUNS
        and not _portfolio_before(name)
    )


# Members of a house, named for the seat they hold ("the MP for Sleaford").
_SEAT_HOLDER_NOUNS = frozenset({"mp", "mep", "msp"})


def _served_by(name: Token, noun: Token) -> bool:
    """Whether ``name`` stands in the "for" phrase of the member ``noun``: the seat, not the
    holder ("the Tory MP for Sleaford and North Hykeham", the places tagged a person). (A
    portfolio's "for" may run into the name: "spokesman for health Peter Grayling".)"""
    if noun.lower_ not in _SEAT_HOLDER_NOUNS:
        return False
    for t in _ancestors_until(name, noun):
        if t.dep_ == "prep" and t.lower_ == "for" and t.head.i == noun.i:
            return True
    return False


def _portfolio_before(name: Token) -> bool:
    """Whether the name whose root is ``name`` has, run into it, the lower-case nouns of an
    office's portfolio and no determiner ("for sport Hugh Robertson", "for health Jane
    Roe"): its holder named with no comma; not a role ("for campaign chief Tom Hale") or
    anyone's ("for the sport star Tom Hale")."""
    before = [c for c in name.children if c.i < name.i and c.ent_type_ != "PERSON"]
    return bool(before) and all(
        c.dep_ == "compound"
        and c.pos_ == "NOUN"
        and c.text.islower()
        and _role_lemma(c) not in ROLE_NOUNS
        and c.lemma_.lower() not in RELATION_NOUNS
        and _epithet_word(c) not in TITLE_TRADES
        for c in before
    )


def _qualifies(ent: Span, noun: Token) -> bool:
    """Whether the name ``ent`` is a modifier of the common noun ``noun`` ("the Assad ally",
    "the Trump administration") rather than the noun's own name."""
    lemma = noun.lemma_.lower()
    head = ent.root.head
    if head.tag_ in ("VBN", "VBG") and head.dep_ == "amod" and head.head.i == noun.i:
        return True  # the object of a participle before the noun: "the Oscar-nominated actor"
    return (
        # (a role noun capitalised in a headline too: "Former Clinton Pollster Says …")
        (noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and lemma in ROLE_NOUNS))
        and ent.root.head.i == noun.i
        and ent.root.dep_ in ("compound", "amod", "nmod")
        and ent.end <= noun.i
        # an office after a name is that person's ("Bashar al-Assad president"), but not a
        # plural one after a possessive: "President Bashar al-Assads officials have said" (the
        # apostrophe lost) is what the officials said, not Assad ("said Charles Lister
        # analysts at IHS", a comma lost, is still Lister), nor one the phrase opens before the
        # name ("Former Carson advisers told …", "two Trump aides"); a name before an aide's
        # role says whose aide ("the Clinton pollster", "Carson campaign manager", "a Trump
        # spokesman"); nor one a participle stands between: the name is its object ("the
        # Oscar nominated actor")
        and (
            lemma not in ROLE_NOUNS
            or any(t.tag_ in ("VBN", "VBG") for t in noun.doc[ent.end : noun.i])
            or (noun.tag_ == "NNS" and ent[-1].lower_.endswith(("s", "'s", "’s")))
            or (
                _whose_role(ent, noun)
                and (
                    noun.tag_ in ("NNS", "NNPS")
                    or lemma not in ROLE_TITLES
                    or lemma in GENERIC_ROLE_NOUNS
                )
            )
        )
    )


# Prepositions before a body the story reports on rather than one that speaks ("airstrikes on
# Daesh", "fighting against IS", "clashes between ISIS and the YPG", "under the control of").
TARGET_PREPOSITIONS = frozenset(
    {"against", "at", "between", "into", "on", "over", "toward", "towards", "under", "with"}
)


# "The paper said", "the newspaper reported": a publication named before, the article having
# called it one ("the Mirror newspaper"; a story's "paper" alone may be a document's).
PAPER_DESCRIPTION_NOUNS = frozenset({"newspaper", "paper"})


# Description nouns that say what kind of body speaks: "the charity", "the alliance" stand
# for no body whose name says it is another kind, unless the article calls it so (the
# nearest organisation had been the Assyrian International News Agency, for the Observatory).
KIND_NOUNS = (
    frozenset({"alliance", "charity", "militia", "movement"})
    | FIRM_DESCRIPTION_NOUNS
    | PAPER_DESCRIPTION_NOUNS
)
# A body's name words that make it a public body, no company (see :func:`_other_kind`).
PUBLIC_BODY_WORDS = lexicon.words("public_body_words") | INSTITUTION_NOUNS


# Words in the name of a body a story may call "the charity" without saying so beside its name
# ("the Harbour Relief Fund … the charity said"; a monitor like the Observatory is one too).
CHARITY_NAME_WORDS = (
    frozenset({"aid", "charity", "crescent", "cross", "foundation", "fund", "relief", "trust"})
    | MONITOR_NAME_WORDS
)


def _other_kind(name: str | None, noun: str) -> bool:
    """Whether the organisation ``name`` is by its own name a kind of body other than
    ``noun`` ("… News Agency", "… Ministry", "… Army"), by its head words; for "charity",
    unless its name holds a word of :data:`CHARITY_NAME_WORDS` (Islamic State is no charity);
    for "company", "firm" and the other kinds of company (:data:`FIRM_DESCRIPTION_NOUNS`:
    "airline", "retailer"), a public body's (:data:`PUBLIC_BODY_WORDS`: the Securities and
    Exchange Commission is no company, but "Royal Mail Group" and "Reuters" are)."""
    words = set((name or "").lower().replace("-", " ").split()) - {noun}
    if noun == "charity":
        return not words & CHARITY_NAME_WORDS
    if noun in FIRM_DESCRIPTION_NOUNS:
        return bool(words & PUBLIC_BODY_WORDS)
    if noun in PAPER_DESCRIPTION_NOUNS:
        return True  # no name says it is a paper: only the article calling it one
    return bool(words & (ORG_DESCRIPTION_NOUNS | INSTITUTION_NOUNS | MEDIA_NAME_WORDS))


# Common nouns of a body whose spokesman or official a description names ("the spokesman for
# the coalition", "an official of the ministry").
_BODY_NOUNS = ORG_DESCRIPTION_NOUNS | INSTITUTION_NOUNS | ORG_HEAD_WORDS


def _marks_a_description(t: Token) -> bool:
    """Whether ``t`` in a role description names whose role it is: an organisation, a town,
    an untagged proper noun, a party ("the Tory leader": George Bush, named last, is not) —
    not a country or a nationality, which say too little."""
    if t.ent_type_ == "ORG":
        return True
    if t.ent_type_ == "NORP":
        return t.pos_ == "PROPN" and not _nationality(t.text)
    if t.pos_ != "PROPN" and t.ent_type_ != "GPE":
        return False
    # "Syrias president" (the wire copy lost its apostrophe) is still the country's
    word = t.text.removesuffix("'s").removesuffix("’s")
    return all(gazetteer.country(w) is None for w in (word, word.removesuffix("s")))


def _nationality(word: str) -> bool:
    """Whether ``word`` names a country or its people ("Indonesian", "US", "Syrias")."""
    from analysis.entities.spans import demonym_country

    word = word.removesuffix("'s").removesuffix("’s")
    if word.isupper() and gazetteer.country(word) is not None:
        return True  # "US", "UK"
    word = word.title()
    return any(
        gazetteer.country(w) is not None or demonym_country(w) is not None
        for w in (word, word.removesuffix("s"))
    )


def _apposed_person(body: Token) -> Span | None:
    """The person named in apposition inside the phrase of ``body``, the body a spokesman
    speaks for ("for DLF Builders, Dr Rao,", "for US Immigration, Customs and Enforcement,
    Dean Boyd,"), or None."""
    for t in body.subtree:
        if t.dep_ == "appos" and t.ent_type_ == "PERSON":
            ent = speech.entity_of(t)
            if ent is not None and ent.label_ == "PERSON":
                return ent
    return None


def _person_of_a_split_owner(token: Token) -> Token | None:
    """The person named after a two-word firm's possessive, where the parser split the firm:
    "added Ernst and Young's Sanjay Mehta", "said Marks and Spencer's Ann Lee" are parsed as
    "Ernst" joined by "and" to "Mehta", with "Young's" Mehta's possessor — the speaker is the
    person, not the firm's first word. None for a real pair ("said Labour and Tony Blair":
    no possessive right after the "and")."""
    if token.pos_ != "PROPN" or token.i + 3 >= len(token.doc):
        return None
    joint, owner = token.nbor(1), token.nbor(2)
    if joint.lower_ not in ("and", "&") or owner.dep_ != "poss" or owner.pos_ != "PROPN":
        return None
    person = owner.head
    if person.dep_ == "conj" and person.head.i == token.i and person.ent_type_ == "PERSON":
        return person
    return None


def _indefinite(noun: Token) -> bool:
    """ "An official said", "one minister said", "another Kurd": someone the article has not
    named."""
    return any(
        c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "another", "one")
        for c in noun.children
    )


def _object_of_pronoun(token: Token, own: str) -> bool:
    """Whether the name ``token`` is in a clause whose subject is another pronoun of gender
    ``own`` ("when she lost to Elena Marsh", "he thanked Smith"): not the one that pronoun is."""
    if token.dep_ in CLAUSE_SUBJECT_DEPS:
        return False
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and _pronoun_gender(c.lower_) == own and c.i != token.i
        for c in verb.children
    )


def _in_complement(subject: Token, idx: int) -> bool:
    """Whether token ``idx`` is in the clause the verb of ``subject`` takes as its content
    ("the defender believes [Smith is suited]"): a name spoken of, not the one who speaks."""
    return any(
        c.dep_ in ("ccomp", "xcomp") and c.left_edge.i <= idx <= c.right_edge.i
        for c in subject.head.children
    )


def _person_noun(token: Token) -> bool:
    """Whether ``token`` is a noun for a person (an office, a trade, a relation, someone the
    story does not name): "the Labour peer", "the source" speak for no organisation."""
    lemma = token.lemma_.lower()
    return (
        lemma in ROLE_NOUNS
        or lemma in UNNAMED_PERSON_NOUNS
        or lemma in RELATION_NOUNS
        or _epithet_word(token) in TITLE_TRADES
    )


def _someones_aide(role: Token) -> bool:
    """ "Mr Hale's spokesman", "the prime minister's spokesman", "his spokesman": the aide of a
    person, not that person. ("Syria's president" may still be Assad.)"""
    return any(
        c.dep_ == "poss"
        and (
            c.ent_type_ == "PERSON"
            or c.lower_ in ("his", "her")
            or c.lemma_.lower() in ROLE_NOUNS
            # a name the model left untagged or took for a body ("Sanders's campaign
            # manager"), not a place's or a people's ("Syria's president")
            or (c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "LOC", "NORP"))
        )
        for c in role.children
    )


def _headline_words(ent: Span) -> bool:
    """Whether the tagger's name ``ent`` holds a verb of its sentence: the words of a
    related story's headline run into the text ("NATOs Pledge to Fight Daesh Means Bloc Will
    Operate …" gave "the alliance" of the next paragraphs to "Fight Daesh Means Bloc"), not
    a name. A finite verb, or a base form after an infinitive's "to"; not an auxiliary
    ("Raqqa is Being Silently Slaughtered" is a group's name)."""
    for t in ent:
        if t.pos_ != "VERB":
            continue
        if t.tag_ in ("VBZ", "VBD", "VBP"):
            return True
        if t.tag_ == "VB" and t.i > 0 and t.nbor(-1).tag_ == "TO":
            return True
    return False


def _modifier_norp(ent: Span) -> bool:
    """A nationality or group word that only describes a noun ("the Syrian activists", "Syrian
    government forces"): not something a later "they" or "it" stands for (it made "Syrian" the
    speaker of what "they" said)."""
    return ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound", "nmod")


def _party_member(ent: Span, token: Token) -> bool:
    """ "The Wisconsin Republican", "the lifelong Republican who …": a party word (not a
    nationality) heading a definite, singular phrase — one person of the party."""
    return (
        ent.label_ == "NORP"
        and token.tag_ in ("NNP", "NN")
        and token.text.istitle()  # "the SOHR" is an acronym's organisation
        and not token.text.endswith("s")
        and not _nationality(token.text)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
    )


def _one_of_a_people(ent: Span) -> bool:
    """ "One Syrian", "a Russian", "another Kurd": one person of a people, not the people."""
    return ent.label_ == "NORP" and _indefinite(ent.root)


def _cue_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens :func:`_cue_verbs` looks at: "according", and verbs whose lemma is a
    speech verb — found on integer columns, without a Token per word."""
    strings = doc.vocab.strings
    according = strings.add("according")
    speech_lemmas: dict[int, bool] = {}
    out = []
    for i, (lower, pos, lemma) in enumerate(
        zip(
            doc_arrays.column(doc, LOWER),
            doc_arrays.column(doc, POS),
            doc_arrays.column(doc, LEMMA),
            strict=True,
        )
    ):
        if lower == according:
            out.append(i)
        elif pos in (VERB, AUX):
            is_speech = speech_lemmas.get(lemma)
            if is_speech is None:
                word = strings[lemma].lower()
                # ("go": "“…,” Smith went on", see _goes_on)
                is_speech = speech_lemmas[lemma] = word in CUE_VERBS or word == "go"
            if is_speech:
                out.append(i)
    return out


def _goes_on(verb: Token) -> bool:
    """Whether ``verb`` is "went on" said of a speaker, as "continued" is: "“…,” Smith went
    on." (a cue only beside a quotation); not "went on to say …", "went on a tour"."""
    return (
        verb.lemma_.lower() == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)
        and not any(c.dep_ in ("xcomp", "dobj", "prep", "ccomp") for c in verb.children)
    )


def _cue_verbs(doc: Doc, quoted: list[bool]) -> list[_Cue]:
    cues: list[_Cue] = []
    for i in _cue_candidates(doc):
        if quoted[i]:
            continue  # a cue inside a quotation is the speaker quoting someone else
        tok = doc[i]
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cue = _according_to(tok)
            if cue is not None:
                cues.append(cue)
            continue
        goes_on = _goes_on(tok)
        if tok.pos_ not in ("VERB", "AUX") or not (tok.lemma_.lower() in CUE_VERBS or goes_on):
            continue
        modifier = tok.dep_ in ("amod", "acl", "compound") or (
            tok.tag_ == "VBN"
            and tok.dep_ != "ROOT"
            # a perfect is a finite verb, no participle modifying a noun: "… but has said she
            # will hold firm" (coordinated under the subject of the first verb)
            and not (
                any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
                and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            )
        )
        if modifier and not any(c.dep_ == "nsubj" for c in tok.children):
            continue  # "the so-called …", "a film called …": not a speech act
        if _agreeing_to(tok):
            continue  # "agreed to a “reconciliation”": a deal, not a statement
        if _withholding(tok):
            continue  # "to deny Trump the nomination": a refusal to give, not a statement
        subj = speech.subject(tok)
        if subj is not None and quoted[subj.i]:
            # "“…,” Flynn, a top aide, said on Fox News's “Fox and Friends.”": the parse took
            # the programme's quoted title after the verb for its subject (or, the verb hung
            # off the quotation, lent it the quotation's own "we"). Quoted words are never the
            # speaker: the one named before the verb is (the show had spoken).
            subj = _named_before(tok, quoted)
        if goes_on:
            content = None
        elif tok.lemma_.lower() in QUOTE_ONLY_VERBS:
            content = _content(tok) if _marked_clause(tok) else None
        else:
            content = _content(tok)
        if tok.lemma_ == "call" and any(c.dep_ == "oprd" for c in tok.children):
            content = None  # "called the talks “…”": only a quotation makes it speech
        if content and subj is not None and content[0] <= subj.i < content[1] and subj.i > tok.i:
            # Inverted cue inside the clause ("where, said the UN envoy X, 100,000 remained"):
            # the clause starts after the speaker's phrase.
            j = subj.i
            while j < content[1] and doc[j].text != ",":
                j += 1
            content = (j + 1, content[1]) if content[1] - j > MIN_REPORTED_TOKENS else None
        gap = None
        if content is None and not goes_on and tok.lemma_.lower() not in QUOTE_ONLY_VERBS:
            content = _clause_hung_elsewhere(tok)
        if content is None and not goes_on and tok.lemma_.lower() not in QUOTE_ONLY_VERBS:
            interrupted = _interrupted_clause(tok, subj, quoted)
            if interrupted is not None:
                content, gap = interrupted
        if content is None and not goes_on and tok.lemma_.lower() not in QUOTE_ONLY_VERBS:
            trailing = _trailing_clause(tok, quoted)
            if trailing is not None:
                content, speaker = trailing
                # The speaker stands between the clause's comma and the verb, whatever the
                # parse lent the verb as a subject (the clause's own subject, "forces").
                subj = subj if subj is not None and content[1] < subj.i < tok.i else speaker
        inverted = _inverted_speaker(tok)
        if inverted is not None and (
            subj is None
            or (subj.i < tok.i and subj.pos_ == "NOUN" and not subj.ent_type_)
            # the parse gave the verb several subjects: the clause before it ran into it ("“…”
            # a district inhabited by Alawites … of President Bashar al-Assad said Talal
            # al-Barazi.")
            or sum(c.dep_ == "nsubj" for c in tok.children) > 1
        ):
            # "… killed 1102 people said the Observatory" (a text without its commas): the
            # parse makes the clause's last noun the subject and the speaker an object; the
            # clause is everything before the verb.
            before = [
                c.left_edge.i
                for c in tok.children
                if c.i < tok.i and c.dep_ in ("ccomp", "nsubj", "csubj", "advcl", "dobj")
            ]
            first = max(min(before, default=tok.i), tok.sent.start)
            subj = inverted
            content = (first, tok.i) if tok.i - first > MIN_REPORTED_TOKENS else content
        if subj is not None and subj.i > tok.i:
            subj = _person_ending(subj) or subj
        if (
            content
            and gap is None
            and subj is not None
            and content[0] <= subj.i < min(content[1], tok.i)
        ):
            content = _before_speaker(doc, content, subj, quoted)
        if content and gap is None and subj is not None:
            joined = _joined_after_aside(tok, subj, content, quoted)
            if joined is not None:
                content, gap = joined
        if content and (_denies_words(tok) or _denied(tok)):
            content = None  # (a quotation hung on the verb is still the speaker's)
        cues.append(_Cue(tok, tok.text, subj, content, gap=gap))
    return cues


# Verbs that make an utterance noun a speech act: "made that quote", "gave a pledge".
_UTTERING_VERBS = frozenset({"make", "give", "issue", "utter"})


def _denies_words(verb: Token) -> bool:
    """Whether the cue ``verb`` denies that someone said something: "Smith denied Jones
    made that remark", "… disputed that Jones had told them …", "denied he had said it". The
    clause is a report of words the speaker says were never said: not the speaker's words
    (stored as theirs, "Jones made that remark" read as Smith's own claim), nor the other's,
    so no reported speech at all. A denial of anything else ("denied the party was split",
    "denied the decision would suggest …": a thing, no one, the subject) is still what the
    speaker said."""
    if verb.lemma_.lower() not in DENIAL_VERBS:
        return False
    return any(
        clause.dep_ == "ccomp" and _someones_speech(clause, verb) for clause in verb.children
    )


def _denied(verb: Token) -> bool:
    """Whether the cue ``verb`` is itself what a denial says was never said: "said" in "Kendal
    denied that she had said the plan was dead" reports no one's words (:func:`_denies_words`).
    Not a speech act narrated before the denial: in "Dent has suggested that Lund lied,
    something Lund denies" Dent did suggest it (the parse may hang it under "denies")."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.i < verb.i
        and head.lemma_.lower() in DENIAL_VERBS
        and _someones_speech(verb, head)
    )


def _someones_speech(clause: Token, denial: Token) -> bool:
    """Whether the clause headed by ``clause`` (under the denial verb ``denial``) says that
    someone spoke: a speech verb or "made/gave" an utterance noun ("made that quote"), its
    subject a person or a body. The small model often takes "Jones" in "denied Jones made …"
    for the denial's object: that object is the clause's subject then."""
    if clause.pos_ not in ("VERB", "AUX"):
        return False
    lemma = clause.lemma_.lower()
    uttered = lemma in SPEECH_VERBS or (
        lemma in _UTTERING_VERBS
        and any(c.dep_ == "dobj" and c.lemma_.lower() in UTTERANCE_NOUNS for c in clause.children)
    )
    if not uttered:
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        subj = next((c for c in denial.children if c.dep_ == "dobj" and c.i < clause.i), None)
    return subj is not None and _someone(subj)


def _someone(tok: Token) -> bool:
    """Whether the subject ``tok`` is someone who may speak: a name, a pronoun, a body or
    a noun for a person ("the minister"), not a thing ("the decision would suggest …")."""
    lemma = tok.lemma_.lower()
    return (
        tok.pos_ in ("PROPN", "PRON")
        or tok.ent_type_ in SPEAKER_LABELS
        or lemma in ROLE_NOUNS
        or lemma in UNNAMED_PERSON_NOUNS
    )


def _joined_after_aside(
    verb: Token, subj: Token, content: tuple[int, int], quoted: list[bool]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "The ferry carried 40 passengers, the coastguard said on Monday, and all of them were
    rescued.": a trailing cue set off by commas, with a clause of its own joined after it by
    "and" or "but", which the parse hangs off the cue verb. The cue is an aside between the
    two clauses, and both are what the source said, as a clause joined after "according to"
    is (PolNeAR's attributions hold both). Returns the record's token range over both clauses
    and the aside (its marks included, the conjunction left in the second clause), or None.
    A second predicate ("…, he said, and left") has no subject of its own and a joined cue
    ("…, he said, and the mayor added …") reports its own clause: neither is taken."""
    doc = verb.doc
    lo = min(subj.left_edge.i, verb.i)
    if lo == 0 or doc[lo - 1].text not in _ASIDE_MARKS:
        return None
    lo -= 1
    if content[1] > lo or any(doc[i].is_alpha for i in range(content[1], lo)):
        return None  # the clause must end at the aside's opening mark
    conj = next((c for c in verb.children if c.i > verb.i and _own_clause(c, verb)), None)
    if conj is None:
        return None
    cc = next(
        (c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < conj.left_edge.i), None
    )
    if cc is None or doc[cc.i - 1].text not in _ASIDE_MARKS or cc.i - lo > MAX_INTERRUPTING_CUE:
        return None
    if any(quoted[i] for i in range(lo, cc.i)):
        return None
    para_lo, para_hi = _paragraph_tokens(verb)
    toks = [t.i for t in conj.subtree if t.sent == verb.sent and para_lo <= t.i < para_hi]
    hi = max(toks) + 1
    while hi > cc.i and (
        doc[hi - 1].is_punct and doc[hi - 1].text not in "”\"'’" or doc[hi - 1].is_space
    ):
        hi -= 1
    if hi - cc.i <= MIN_REPORTED_TOKENS:
        return None
    return (content[0], hi), (lo, cc.i)


def _marked_clause(verb: Token) -> bool:
    """Whether a quote-only verb ("write", "point out") has a clause of its own opened by
    "that" ("The Times wrote that …", "pointed out that …"): then it reports that clause, as
    "said that" does. Without one its object or infinitive is seldom a message ("wrote a
    memoir", "pointed to the rubble"). Never "ask": what is asked ("asked whether …", "asked
    not to be named") is no statement of the asker's."""
    lemma = verb.lemma_.lower()
    if lemma == "ask":
        return False
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return False  # "pointed to the institute's predictions that …": the institute's words
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )


def _named_before(verb: Token, quoted: list[bool]) -> Token | None:
    """The first name in the phrase right before ``verb``, back to a quotation or the start of
    the sentence ("…,” Flynn, a top Trump surrogate, said"), as the root of its entity; None
    when the phrase names no one."""
    doc, lo = verb.doc, verb.i
    while lo > max(verb.sent.start, verb.i - MAX_TRAILING_SPEAKER - 2) and not (
        quoted[lo - 1] or doc[lo - 1].text in QUOTE_TOKENS
    ):
        lo -= 1
    for t in doc[lo : verb.i]:
        ent = speech.entity_of(t)
        if ent is not None and ent.label_ in SPEAKER_LABELS:
            return ent.root
    return None


# Tokens that end a speaker's phrase after its cue: the person named after them is someone else
# ("said a spokesman for Tony Blair", "said Labour and Tony Blair").
_PHRASE_BREAKS = frozenset({"ADP", "CCONJ", "SCONJ", "PUNCT", "PRON", "AUX", "PART", "DET"})


def _person_ending(subj: Token) -> Token | None:
    """The person a speaker's phrase after its cue ends with, when the parse took a party or
    nationality word opening it for the speaker: "“…,” said Tory shadow local government
    secretary Caroline Spelman" (the model parsed "shadow" as a verb whose subject is "Tory"
    and whose object is the name; "Tory" became the speaker, the Conservative Party). Only a
    name of the model's NORP or ORG opening the phrase, then lower-case role words, then a
    PERSON, with no preposition, conjunction or punctuation between; else None."""
    if subj.ent_type_ not in ("NORP", "ORG"):
        return None
    doc = subj.doc
    i = subj.i + 1
    while i < len(doc) and doc[i].ent_type_ == subj.ent_type_ and doc[i].ent_iob_ == "I":
        i += 1  # the rest of the party's name ("Liberal Democrat")
    for j in range(i, min(len(doc), i + 8)):
        t = doc[j]
        if t.ent_type_ == "PERSON":
            return speech.entity_of(t).root if j > i else None
        if t.pos_ in _PHRASE_BREAKS or not t.is_lower:
            return None
    return None


def _before_speaker(
    doc: Doc, content: tuple[int, int], subj: Token, quoted: list[bool]
) -> tuple[int, int] | None:
    """The reported clause ``content`` cut before its speaker's phrase, which the parse ran it
    into: "“The toll rose after the debris was removed” Rami Abdel Rahman head of the
    Observatory told AFP" (a text with its commas lost) made the clause run from the quotation
    over the speaker up to the verb. A quote's words never hold its own speaker."""
    lo, hi = content
    cut = subj.i
    while (
        cut > lo
        and subj.is_ancestor(doc[cut - 1])
        and not quoted[cut - 1]
        and doc[cut - 1].text not in QUOTE_TOKENS
    ):
        cut -= 1
    hi = min(hi, cut)
    # Keep a closing mark; drop the comma or dash before the speaker.
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].text in ",;:—–-"):
        hi -= 1
    return (lo, hi) if hi > lo else None


# Speech verbs written before their speaker ("…, said X", "…, added X", "…, wrote X").
INVERTING_VERBS = frozenset(
    {"say", "add", "state", "report", "write", "claim", "explain", "note", "insist", "confirm"}
)


def _inverted_speaker(verb: Token) -> Token | None:
    """The named speaker after a cue that ends its sentence ("… said the Observatory.", "…
    said Rami Abdel Rahman adding …"), parsed as the verb's object; None when there is none.
    Only verbs whose speaker may follow them: "told the BBC" names a listener."""
    if verb.lemma_.lower() not in INVERTING_VERBS:
        return None
    for child in verb.children:
        if child.i <= verb.i or child.dep_ not in ("dobj", "attr", "nsubj", "npadvmod", "oprd"):
            continue
        if child.pos_ != "PROPN" and child.ent_type_ not in ("ORG", "PERSON", "NORP", "GPE"):
            continue
        if speech.is_time(child):
            continue  # "… a monitoring group said Saturday.": when, not who
        end = child.right_edge.i + 1
        after = verb.doc[end] if end < len(verb.doc) else None
        if after is not None and _opens_quotation(after):
            # "Lopez Says Becker ‘Is Unfit’" (a title-case headline): a name followed by a
            # quotation is what the quotation is about, the speaker stands before the verb
            continue
        if after is None or after.is_punct or after.lower_ in ("adding", "and", "on", "in"):
            return child
    # "… said the Observatory adding that …": the name is parsed as "adding"'s subject
    for child in verb.children:
        if child.i > verb.i and child.tag_ == "VBG" and child.lemma_.lower() in SPEECH_VERBS:
            for sub in child.children:
                if sub.dep_ == "nsubj" and verb.i < sub.i < child.i and sub.pos_ == "PROPN":
                    return sub
    return None


def _opens_quotation(tok: Token) -> bool:
    """Whether ``tok`` is a quotation mark that opens a quotation: a curly or angled opener,
    or a straight mark with a space before it and the quoted word run on after it."""
    if tok.text in ("‘", "“", "„", "«", "``"):
        return True
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (
        tok.text in ('"', "'")
        and not tok.whitespace_
        and (before is None or bool(before.whitespace_))
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].is_alpha
    )


# Two nouns for the one who leads a body: a "head" the article called "chief executive".
_HEAD_NOUNS = frozenset({"head", "chief"})
# The titles "the leader" of a country stands for.
_LEADER_TITLES = frozenset(
    {"leader", "president", "premier", "prime", "chancellor", "king", "queen"}
)


# Secretaries who are no ministers: a union's general secretary, a leader's press secretary.
_NOT_MINISTER_SECRETARY_WORDS = frozenset(
    {"general", "secretary-general", "press", "private", "permanent", "company", "party"}
)


def _one_holder_office(office: Token) -> bool:
    """Whether the role noun ``office`` names an office one person holds at a time, as now
    held: a head of government or state (:data:`ONE_HOLDER_TITLES`: "the prime minister",
    "the chancellor", "the president") or a secretary or minister with a portfolio ("the home
    secretary", "the foreign minister"), not a former or deputy one (see
    :meth:`_Resolver._sitting_office`)."""
    noun = _role_lemma(office)
    if noun in ("minister", "secretary"):
        portfolio = any(c.dep_ in ("amod", "compound", "nmod") for c in office.children)
        one = portfolio or noun == "minister" and office.i > 0 and office.nbor(-1).lower_ == "prime"
    else:
        one = noun in ONE_HOLDER_TITLES
    return one and _Resolver._sitting_office(office)


def _listed_office(office: Token) -> str | None:
    """The office of :data:`OFFICE_HOLDERS` the bare description ``office`` names ("the prime
    minister", "the PM", "the premier", "the chancellor", "the home secretary"); None for any
    other, and for one a word or a place sets apart ("the German chancellor", "the Lord
    Chancellor", "the shadow chancellor", "Israel's prime minister")."""
    noun = _role_lemma(office)
    mods = [c for c in office.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in mods):
        return None
    words = [c.lower_ for c in mods if c.dep_ != "poss"]
    if noun in ("premier", "pm") and not words:
        return "prime minister"
    if noun == "chancellor" and not words:
        return "chancellor"
    if noun in ("minister", "secretary") and len(words) == 1:
        name = f"{words[0]} {noun}"
        return name if name in LISTED_OFFICES else None
    return None


def _listed_role(role: str) -> str | None:
    """The office of :data:`OFFICE_HOLDERS` a title the article gives someone is ("Prime
    Minister", "Chancellor of the Exchequer", "Home Secretary"), or None."""
    words = role.lower().removesuffix(" of the exchequer").split()
    name = " ".join(words)
    if name in ("premier", "pm"):
        return "prime minister"
    return name if name in LISTED_OFFICES else None


def _office_words(office: Token) -> tuple[str, frozenset[str]]:
    """The role noun ``office`` and the words before it that say which office ("prime",
    "home"), lower case: "the chancellor" and "the Chancellor's" are one office."""
    mods = frozenset(c.lower_ for c in office.children if c.dep_ in ("amod", "compound"))
    return _role_lemma(office), mods


def _minister_as_secretary(role: Token, role_words: Iterable[str]) -> bool:
    """Whether "the minister" (``role``, bare: not "the prime minister") may be one the article
    gave the role ``role_words`` of a secretary of state: a British cabinet secretary is a
    minister ("the Trade and Industry Secretary … The minister told delegates …"), a general or
    press secretary is not."""
    words = set(role_words)
    return (
        _role_lemma(role) == "minister"
        and not any(c.dep_ in ("amod", "compound", "nmod") for c in role.children)
        and "secretary" in words
        and not words & _NOT_MINISTER_SECRETARY_WORDS
    )


# Role nouns anyone quoted may be described by: "the official", "the spokesman" stand for
# the person the article calls so, never merely the person named last (Barack Obama had
# been "the official" of a State Department briefing; a local activist a UN spokesman).
GENERIC_ROLE_NOUNS = frozenset({"official", "spokesman", "spokeswoman", "spokesperson"})
# The ones who speak for a body, not in their own name (see _Resolver._voiced_body).
SPOKESPERSON_NOUNS = GENERIC_ROLE_NOUNS - {"official"}


# Words that make a role another office than the bare role: "the home secretary" does not
# stand for the shadow home secretary, "the president" not for a former or vice president.
OTHER_OFFICE_WORDS = frozenset(
    {"shadow", "former", "ex", "deputy", "vice", "acting", "junior", "assistant", "under"}
)
# Words before an office that say its holder held it once ("the then chancellor").
_PAST_OFFICE_WORDS = frozenset({"then", "late", "outgoing", "erstwhile"})


def _agreeing_to(verb: Token) -> bool:
    """ "agree to/on/with/upon …" with no clause of its own: accepting something, not saying it
    ("agreed that …" and "“…,” agreed Cram" stay speech)."""
    return (
        verb.lemma_.lower() == "agree"
        and any(
            c.dep_ == "prep" and c.lower_ in ("to", "on", "with", "upon") for c in verb.children
        )
        and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    )


# Speech verbs whose double-object form hands something over or withholds it, not a statement:
# "to deny Trump the nomination", "denied the press a photograph", "charged each guest a fee"
# ("denied the report", "denied that …" and "charged that …" stay speech).
TRANSFER_VERBS = frozenset({"deny", "charge"})


def _withholding(verb: Token) -> bool:
    """ "deny/charge someone something": an indirect object (the parse's ``dative``, or a
    second noun object before the first) beside a direct one, and no clause of its own."""
    if verb.lemma_.lower() not in TRANSFER_VERBS:
        return False
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    dative = any(c.dep_ == "dative" and c.i > verb.i for c in verb.children)
    return bool(objects) and (dative or len(objects) > 1)


# What may follow a trailing cue verb to the end of its sentence: "… said on Saturday.",
# "… said in a statement late on Friday."
_AFTER_TRAILING_CUE = frozenset(
    {"prep", "pobj", "npadvmod", "advmod", "punct", "det", "compound", "amod", "nummod", "poss"}
)
MAX_TRAILING_SPEAKER = 8


def _trailing_clause(verb: Token, quoted: list[bool]) -> tuple[tuple[int, int], Token] | None:
    """ "Government forces control 90% of Aleppo, the Syrian Observatory said on Saturday.": the
    small model often hangs such a cue verb off the reported clause (as its advcl or ccomp),
    leaving the verb with no clause of its own. When the sentence is the clause, a comma, a short
    speaker phrase and the verb (and adverbials), the clause is the content; returns it with the
    speaker's token."""
    sent = verb.sent
    if verb.head is verb or verb.head.i > verb.i or verb.head.sent != sent:
        return None
    if verb.dep_ not in ("advcl", "ccomp", "parataxis", "conj"):
        return None
    if any(t.dep_ not in _AFTER_TRAILING_CUE for t in verb.subtree if t.i > verb.i):
        return None
    comma = next(
        (i for i in range(verb.i - 1, max(sent.start, verb.i - MAX_TRAILING_SPEAKER - 2), -1)
         if verb.doc[i].text == ","),
        None,
    )  # fmt: skip
    if (
        comma is None
        or comma - sent.start < MIN_REPORTED_TOKENS
        or any(quoted[i] for i in range(sent.start, comma))
    ):
        return None
    phrase = list(verb.doc[comma + 1 : verb.i])
    if not phrase or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in phrase):
        return None
    speaker = (
        next(
            (
                t
                for t in phrase
                if (e := speech.entity_of(t)) is not None and e.label_ in SPEAKER_LABELS
            ),
            None,
        )
        or [t for t in phrase if t.pos_ in ("PROPN", "NOUN", "PRON")][-1]
    )
    if (e := speech.entity_of(speaker)) is not None:
        speaker = e.root
    lo = sent.start
    while lo < comma and (verb.doc[lo].is_punct or verb.doc[lo].is_space):
        lo += 1
    return ((lo, comma), speaker) if comma > lo else None


# Speech verbs whose object is the one spoken to, so that a "that" clause after it is what was
# said ("told a meeting of island leaders that …"); after another verb's object it is that
# object's relative clause ("emphasizing the threat that a Trump presidency would constitute").
ADDRESSEE_VERBS = frozenset({"tell", "warn"})


def _clause_hung_elsewhere(verb: Token) -> tuple[int, int] | None:
    """The reported clause the parse hung off something else than its speech verb: a "that"
    clause after the verb's object or adverbial, made a relative clause of its last noun ("he
    told a meeting of island leaders that few people understood …", "told his protégés on a
    regular basis that …"), or a clause with a subject of its own made the verb's adverbial
    ("Trump tweeted in the early hours that Machado was …", "Trump said after the convention
    he would not accept …"). A relative clause proper has no "that" marking it (its "that" is
    its subject or object: "told the leaders that came"), an adverbial one opens with its own
    conjunction ("said so because he was …"): neither is taken."""
    doc = verb.doc
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "advcl":
            clause = child
            opener = doc[clause.left_edge.i]
            marks = [c for c in clause.children if c.dep_ == "mark"]
            if opener.lower_ == "that" and opener.dep_ in ("mark", "advmod"):
                pass  # "tweeted … that Machado was …"
            elif marks or clause.tag_ in ("VBG", "VBN") or opener.pos_ == "SCONJ":
                continue  # "… because he was", "…, saying", "… after he left"
        elif child.dep_ in ("dobj", "prep", "dative") and verb.lemma_.lower() in ADDRESSEE_VERBS:
            clause = next(
                (
                    t
                    for t in child.subtree
                    if t.dep_ in ("relcl", "acl")
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
                ),
                None,
            )
            if clause is None:
                continue
        else:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            continue
        if any(t.lower_ in ("so", "such") for t in doc[verb.i : clause.left_edge.i]):
            continue  # "tells so many lies that Clinton could …": a result clause
        toks = [t.i for t in clause.subtree if t.sent == verb.sent]
        lo, hi = min(toks), max(toks) + 1
        while lo < hi and (
            doc[lo].is_punct or doc[lo].lower_ == "that" or doc[lo].dep_ in ("mark", "prep")
        ):
            if doc[lo].dep_ == "prep":
                lo = doc[lo].right_edge.i  # "after the convention": the verb's, not the clause's
            lo += 1
        while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in "”\"'’"):
            hi -= 1
        if hi - lo >= MIN_REPORTED_TOKENS:
            return lo, hi
    return None


# The longest cue phrase that may interrupt a clause ("…, Mr. Obama said, …", "…, the
# senator said then, …"); a longer one is a sentence of its own, not an aside.
MAX_INTERRUPTING_CUE = 12
_ASIDE_MARKS = frozenset({",", "—", "–", "--"})


def _interrupted_clause(
    verb: Token, subj: Token | None, quoted: list[bool]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "The new bridge, Mayor Holt said, would open before the winter.": a cue set off by
    commas inside the clause it reports, which the parse hangs off that clause's verb (as a
    parataxis) with no clause of its own. Returns the clause's token range over the aside and
    the aside's own range (its marks included); None unless the cue, with its speaker before it,
    stands between two commas (or dashes) with words of the clause on both sides."""
    if verb.dep_ != "parataxis" or subj is None or subj.i > verb.i:
        return None
    head, doc = verb.head, verb.doc
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in CLAUSE_SUBJECT_DEPS and head.i < verb.i:
        head = head.head  # "The difference now, he told me, is …": hung off the clause's subject
    elif head.dep_ in ("advcl", "csubj") and head.i < verb.i < head.head.i:
        # "Though the first repair was quick, he said, the second would be harder": hung off
        # the clause that opens the sentence, its main clause after the aside
        head = head.head
    if head is verb or head.pos_ not in ("VERB", "AUX") or head.sent != verb.sent:
        return None
    # The aside runs from its speaker's phrase to the cue's last word; what the parse hung off
    # the cue before the speaker is the clause's ("If it fails, Mr. Ortiz argues, there are …").
    lo, hi = subj.left_edge.i, verb.right_edge.i + 1
    if lo < verb.left_edge.i or hi - lo > MAX_INTERRUPTING_CUE:
        return None
    # the aside's marks: one before it, one closing it (the parse puts it in or out of the
    # verb's subtree)
    if doc[lo].text not in _ASIDE_MARKS:
        if lo == 0 or doc[lo - 1].text not in _ASIDE_MARKS:
            return None
        lo -= 1
    if doc[hi - 1].text not in _ASIDE_MARKS:
        if hi >= len(doc) or doc[hi].text not in _ASIDE_MARKS:
            return None
        hi += 1
    if any(quoted[i] for i in range(lo, hi)):
        return None
    para_lo, para_hi = _paragraph_tokens(verb)
    clause = [
        t.i
        for t in itertools.chain(head.subtree, verb.subtree)
        if not lo <= t.i < hi and para_lo <= t.i < para_hi and t.sent == verb.sent
    ]
    left = [i for i in clause if i < lo and not doc[i].is_punct]
    right = [i for i in clause if i >= hi and not doc[i].is_punct]
    if not left or len(right) < 2:
        return None
    first, last = min(clause), max(clause) + 1
    while first < lo and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > hi and (
        doc[last - 1].is_punct and doc[last - 1].text not in "”\"'’" or doc[last - 1].is_space
    ):
        last -= 1
    return (first, last), (lo, hi)


# The longest "to …" phrase taken for a source the parse read as a gerund ("to show insiders").
MAX_GERUND_SOURCE = 4


def _according_to(tok: Token) -> _Cue | None:
    doc = tok.doc
    to = doc[tok.i + 1]
    if (
        tok.text == "According"
        and not tok.is_sent_start
        and tok.nbor(-1).is_title
        and tok.i + 2 < len(doc)
        and doc[tok.i + 2].is_title
    ):
        return None  # a title's words: "the new sitcom The World According to Bex, …"
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        # "according to show insiders": the parse took the source's first word for a verb
        # (a gerund's object, "to" its preposition): the source is the phrase's last noun
        # (a short phrase only: "according to Save the Children more than 4200 schools …"
        # ran the clause into it)
        phrase = list(to.subtree)
        nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN") and t.i > to.i]
        if not nouns or len(phrase) > MAX_GERUND_SOURCE or any(t.is_punct for t in phrase):
            return None
        pobj = nouns[-1]
    heads = [pobj, *(c for c in pobj.children if c.dep_ == "conj")]
    if any(h.lemma_.lower() in ACCORDANCE_NOUNS or h.lower_ in ACCORDANCE_NOUNS for h in heads):
        return None  # "according to plan", "… according to type, location, flight patterns"
    sent = tok.sent
    phrase = {t.i for t in tok.subtree} | {tok.i, to.i} | {t.i for t in pobj.subtree}
    rest = [t.i for t in sent if t.i not in phrase and not t.is_punct]
    if not rest:
        return None
    lo, hi = min(rest), max(rest) + 1
    gap = None
    if lo < tok.i < hi:  # "…, according to X, …" in the middle
        lo, hi, gap = _around_according(tok, max(phrase) + 1, lo, hi)
    while hi > lo and doc[hi - 1].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return _Cue(None, "according to", pobj, (lo, hi) if hi > lo else None, gap=gap)


def _around_according(
    tok: Token, after: int, lo: int, hi: int
) -> tuple[int, int, tuple[int, int] | None]:
    """The words an "according to" phrase inside its sentence (``tok`` "according", ``after``
    the token past its source) reports: ``(lo, hi, gap)``, the gap the phrase left out of the
    record's text when the words run on both sides of it.

    The sentence's main clause before the phrase is what the source said ("The top 1 percent
    would gain 19.9 percent, according to the foundation, more than twice …"; "They watched
    the videos, according to their lawyers, and said …": the lawyers said they watched), and
    a clause of its own joined after the phrase is too ("…, according to the office, and the
    top 10 percent paid …"). A main clause after the phrase takes its subject before it along
    ("Government forces, according to the monitor, shelled the town")."""
    doc = tok.doc
    root = tok.sent.root
    first, last = tok.i, after
    if first > lo and doc[first - 1].text in _ASIDE_MARKS:
        first -= 1
    if last < hi and doc[last].text in _ASIDE_MARKS:
        last += 1
    # Only a phrase set off by commas is read so (in a text stripped of its commas a headline
    # or dateline runs into the sentence: "Relentless bombardment According to the TV station
    # cluster munitions were …", "… Against IS Help Assad According to the UN official …").
    aside = first < tok.i and last > after
    if root.i < tok.i and first < tok.i and not _runs_on_after(root, doc[first - 1], after):
        if aside and any(_own_clause(t, root) for t in doc[after:hi]):
            return lo, hi, (first, last)
        return lo, tok.i, None
    subject = next(
        (c for c in root.children if c.dep_ in CLAUSE_SUBJECT_DEPS and c.i < tok.i), None
    )
    if root.i >= after and aside and subject is not None and _just_the_subject(subject, lo, first):
        return lo, hi, (first, last)
    # otherwise the longer side, the phrase counted with the words after it (which a
    # dateline before it seldom outweighs)
    return (lo, tok.i, None) if tok.i - lo >= hi - tok.i else (after, hi, None)


def _runs_on_after(root: Token, last_before: Token, after: int) -> bool:
    """Does the clause before an "according to" phrase (its last word ``last_before``) run on
    after it, so that the words after are the ones reported? A cue whose clause follows ("The
    AP reported that, according to an analysis, 85 of the meetings …") does, and so does a
    clause opened just before the phrase ("… blamed a video while — according to emails —
    knowing …")."""
    if last_before.dep_ in ("mark", "cc") or last_before.pos_ in ("SCONJ", "CCONJ"):
        return True
    return root.lemma_.lower() in CUE_VERBS and any(
        c.dep_ == "ccomp" and c.i >= after for c in root.children
    )


# The longest subject an "according to" phrase may follow inside the clause it reports.
MAX_FRONTED_SUBJECT = 6


def _just_the_subject(subject: Token, lo: int, end: int) -> bool:
    """Are the words ``doc[lo:end]`` before an "according to" phrase just the clause's short
    subject ("The attacks, according to the agency, killed …")? A dateline the parse ran into
    the sentence ("Sep 30 2016 Warplanes of …, according to …") is no one's words."""
    doc = subject.doc
    words = [t for t in doc[lo:end] if not t.is_punct]
    return (
        subject.left_edge.i == lo
        and subject.right_edge.i < end
        and 0 < len(words) <= MAX_FRONTED_SUBJECT
        and not any(t.like_num or (t.is_upper and len(t) > 2) for t in words)
    )


def _own_clause(verb: Token, root: Token) -> bool:
    """Is ``verb`` a clause joined to the ``root`` with a subject of its own ("and the top 10
    percent paid …", "and there were eight more": an expletive "there" opens one too), not a
    second predicate of the same subject ("and said …")?"""
    return (
        verb.dep_ == "conj"
        and verb.head == root
        and any(c.dep_ in CLAUSE_SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)
        and verb.lemma_.lower() not in SPEECH_VERBS  # "…, and CBS reported": a cue of its own
    )


# --------------------------------------------------------------------------------------------
# attaching quotations to cues


def _attach(doc: Doc, text: str, quotations: list[_Quotation], cues: list[_Cue]) -> None:
    # ``text`` is ``doc.text``, passed in: Doc.text joins every token on each access, and
    # reading it once per quotation made extraction quadratic in article length.
    by_verb = {c.verb.i: c for c in cues if c.verb is not None}
    for q in quotations:
        if _is_title(text, q):
            continue  # "told MSNBC’s “Morning Joe”": a programme, a book, a nickname
        leading = _leading_cue(doc, q, by_verb)
        if leading is not None and _whole_sentences_after_colon(text, q):
            trailing = None  # "Ms Essex said: “… level.” Dai Lloyd called it …": hers
        else:
            trailing = _trailing_cue(doc, text, q, by_verb)
            leading = None if trailing else leading
        if leading is not None and _is_partial(text, q):
            # "called the talks “the hardest kind of diplomacy”": a quoted fragment inside the
            # cue's own clause. The clause is the record (reported), the fragment stays inside it.
            if leading.content is None or leading.content[1] < q.tok_end:
                lo = leading.content[0] if leading.content else leading.verb.i + 1
                leading.content = (min(lo, q.tok_start), q.tok_end)
            continue
        if trailing is not None and _woven_before_cue(text, q, trailing):
            # "Using the tax “is a misguided approach,” Mr. Burman said": the fragment ends
            # the clause the cue reports, whose words before it are the quotation's subject.
            # The clause is the record (reported), as after a leading cue.
            trailing.content = (trailing.content[0], max(trailing.content[1], q.tok_end))
            continue
        q.cue = trailing or leading
        if q.cue is None and not _is_partial(text, q):
            # A quotation that fills most of a cue's clause is that cue's direct quotation; a
            # partial one woven into the clause ("arguing that Trump “lashed out at …”") is not:
            # the clause becomes a reported record with the quoted words inside it.
            for cue in cues:
                if cue.content and cue.content[0] < q.tok_end and q.tok_start < cue.content[1]:
                    share = _quoted_share(doc, cue.content, quotations)
                    if share >= DIRECT_SHARE:
                        q.cue = cue
                    break
        if q.cue is not None:
            q.cue.quotes.append(q)


def _woven_before_cue(text: str, q: _Quotation, cue: _Cue) -> bool:
    """Is ``q`` a quoted fragment woven into the end of the clause its trailing ``cue``
    reports ("Not paying taxes “makes me smart,” Trump said")? The clause starts before the
    fragment, in its sentence, and runs into it; the fragment follows a word of the clause
    and opens in lower case (:func:`_is_partial`). A quotation after a comma ("In a
    statement, “we will …,” she said") is the speaker's sentence: it stays direct; so do the
    pieces of a clause that opens with a quotation ("“Family values people” are “not out to
    bash gays,” he said": PolNeAR's quotations are those that open their clause)."""
    if cue.content is None or not _is_partial(text, q):
        return False
    lo, hi = cue.content
    if not lo < q.tok_start < hi:
        return False
    return not QUOTE_MARK.search(text, cue.verb.doc[lo].idx, q.open_at)


TITLE_CONTEXT = lexicon.words("title_context")
TITLE_MAX_WORDS = 8
TITLE_SMALL_WORDS = lexicon.words("title_small_words")


def _is_title(text: str, q: _Quotation) -> bool:
    """A short, title-cased quoted span after a possessive or a title word is a title."""
    inner = text[q.start : q.end].strip().rstrip(".,")
    words = inner.split()
    if not words or len(words) > TITLE_MAX_WORDS or inner.endswith(("?", "!")):
        return False
    capitalised = all(
        w[0].isupper() or not w[0].isalpha() or w.lower() in TITLE_SMALL_WORDS for w in words
    )
    if not capitalised:
        return False
    before = text[max(0, q.open_at - 40) : q.open_at].rstrip()
    last = before.split()[-1].lower() if before.split() else ""
    return last.endswith(("'s", "’s")) or last.strip(",:") in TITLE_CONTEXT


def _is_partial(text: str, q: _Quotation) -> bool:
    """A quoted fragment woven into the sentence: a word before it and a lower-case start."""
    before = text[max(0, q.open_at - 3) : q.open_at].rstrip()
    first = text[q.start : q.start + 1]
    return bool(before) and before[-1].isalnum() and not first.isupper()


def _quoted_share(doc: Doc, content: tuple[int, int], quotations: list[_Quotation]) -> float:
    lo, hi = doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1])
    inside = sum(max(0, min(hi, q.close_end) - max(lo, q.open_at)) for q in quotations)
    return inside / max(1, hi - lo)


def _trailing_cue(doc: Doc, text: str, q: _Quotation, by_verb: dict[int, _Cue]) -> _Cue | None:
    """``“…,” Kerry said`` / ``“…,” said an SDF spokesman``: a cue right after the closing mark."""
    if not q.closed:
        return None
    inner = text[q.start : q.close_end].rstrip("”\"'’» ")
    bare = not inner.endswith(QUOTE_FINAL_PUNCT) and text[q.close_end : q.close_end + 1] != ","
    if bare and not _opens_sentence(text, q):
        return None
    i = q.tok_end
    limit = min(len(doc), i + TRAILING_WINDOW)
    while i < limit:
        tok = doc[i]
        if tok.text in (".", "!", "?", ";") or tok.text in OPENERS or tok.text == '"':
            return None
        if "\n" in tok.text_with_ws:
            return None  # a cue never reaches across a paragraph break
        if tok.i in by_verb:
            # A speech verb in a relative clause on the next sentence's subject ("Tzekos and
            # Thanou, who have all denied the charges") is not the quotation's cue.
            # (One hung off a word inside the quotation is the parse running the quotation
            # and its cue together: "“We have nothing left” Paul Okafor added".)
            cue = by_verb[tok.i]
            speaker = cue.speaker_tok
            between = speaker is not None and q.tok_end <= speaker.i < tok.i
            if tok.dep_ in ("relcl", "acl") and not (
                between and q.tok_start <= tok.head.i < q.tok_end
            ):
                return None
            # A quotation with no comma to hand over (a text with its commas lost: "“…” Rami
            # Abdel Rahman head of the Observatory told AFP") is the cue's only when the cue's
            # speaker's phrase follows its closing mark ("“I admire the mechanics” of the
            # plans, Mr. Holtz-Eakin said" is a fragment of the narrator's sentence).
            # (The phrase may be parsed as subjects of their own: "the group's hospitals
            # director for the area Ahmed Dbais said" gave "said" two, the name speaking.)
            phrase = min(
                (c.left_edge.i for c in tok.children if c.dep_ == "nsubj" and c.i >= q.tok_end),
                default=speaker.left_edge.i if speaker is not None else len(doc),
            )
            if bare and not (between and phrase <= q.tok_end):
                return None
            # A quotation closed by a full stop (or a question or exclamation mark), then a
            # cue with words of its own after it ("“… those locations.” Assad says Syria war
            # will “drag on”": a headline the page ran in; "“Who pays, right?” Later, Smith
            # claimed that …"): a new sentence, reporting something else.
            # So is a fragment woven into a sentence, then a speaker of its own named after it
            # with words of its own ("Labour say a vote for them could “let the Tories in”,
            # while the Tories say the Lib Dems would mean …"): the fragment is its own
            # sentence's. (With no speaker between, "…”, arguing that …" goes on the same
            # speaker's sentence: its cue still.)
            if (
                (inner.endswith((".", "?", "!")) or (between and _is_partial(text, q)))
                and cue.content is not None
                and cue.content[0] > tok.i
                and cue.content[1] - cue.content[0] >= 2
            ):
                return None
            # A closed quotation, then a sentence whose subject asks for something (_demands)
            # ("“How do you know that?” Russia … has called for an investigation"): a demand
            # in the narrator's words, not the quotation's cue (the words were the envoy's).
            # "Mr Zombic *also* called for …" says the subject has just spoken: still his.
            # A closed quotation, then a new sentence in the passive ("“… in great shape.”
            # Holmes has been advised by her coach not to rush back"): what the subject was
            # told, no cue of the words before it (which had then no speaker at all).
            if inner.endswith((".", "?", "!")) and any(
                c.dep_ == "nsubjpass" and c.i >= q.tok_end for c in tok.children
            ):
                return None
            if (
                speaker is not None
                and speaker.i < tok.i
                and _demands(tok)
                and not any(c.lower_ == "also" for c in tok.children)
            ):
                return None
            return cue
        if (
            tok.pos_ == "VERB"
            and tok.dep_ not in ("relcl", "acl", "amod", "compound")
            # (a name the tagger took for a verb is still the speaker's phrase: "“…,” Tulsa
            # police Chief Chuck Jordan said", "Tulsa" a verb and a place)
            and not tok.ent_type_
            # (nor does a passive the cue complements end it: "“…?” a reporter can be heard
            # asking Smith", "“…,” Smith is quoted as saying"; "Smith's office declined to
            # comment" does)
            and not (
                any(c.dep_ == "auxpass" for c in tok.children)
                and any(
                    t.i in by_verb and t.dep_ in ("xcomp", "pcomp") and t.i < limit
                    for c in tok.children
                    for t in (c, *c.children)
                )
            )
        ):
            return None
        i += 1
    return None


def _demands(verb: Token) -> bool:
    """Whether ``verb`` asks for something after it: "called for a thorough investigation",
    "asked for help", "appealed for calm", "called on Moscow to …" ("on" only after "call":
    "wrote on Twitter" says where the words were said)."""
    return any(
        c.dep_ == "prep"
        and c.i > verb.i
        and (c.lower_ == "for" or c.lower_ == "on" and verb.lemma_.lower() == "call")
        for c in verb.children
    )


def _opens_sentence(text: str, q: _Quotation) -> bool:
    """A quotation of at least :data:`MIN_STANDALONE_WORDS` words that starts its sentence (a
    paragraph, or the text after a full stop, a question or exclamation mark or a colon)."""
    if len(text[q.start : q.end].split()) < MIN_STANDALONE_WORDS:
        return False
    before = text[max(0, q.open_at - 3) : q.open_at].rstrip(" \t")
    return not before or before.endswith(("\n", ".", "?", "!", ":", "…"))


def _whole_sentences_after_colon(text: str, q: _Quotation) -> bool:
    """Whether ``q`` opens after a colon ("Ms Essex said: “…”") and its words end their own
    sentence (a full stop, a question or exclamation mark inside the closing mark): the
    colon's cue introduced it, and a speech verb after it begins the next sentence, another
    speaker's ("… at a local level.” Dai Lloyd called the announcement “disappointing”")."""
    if not q.closed:
        return False
    before = text[max(0, q.open_at - 3) : q.open_at].rstrip(" \t")
    inner = text[q.start : q.close_end].rstrip("”\"'’» ")
    return before.endswith(":") and inner.endswith((".", "?", "!"))


def _leading_cue(doc: Doc, q: _Quotation, by_verb: dict[int, _Cue]) -> _Cue | None:
    """``Carter said: “…”`` / ``He called the talks “…”``: a cue just before the opening mark."""
    i = q.tok_start - 1
    while i >= 0 and (doc[i].text in QUOTE_TOKENS or doc[i].is_space):
        i -= 1
    if i >= 0 and doc[i].text in (":", ","):
        i -= 1
    stop = max(-1, i - LEADING_WINDOW)
    while i > stop:
        tok = doc[i]
        if tok.is_punct and tok.text not in ("-", "–") or "\n" in tok.text_with_ws:
            return None
        if tok.i in by_verb:
            return by_verb[tok.i]
        # A verb, auxiliary or clause subject in between means the quotation sits inside a
        # clause of its own ("said the soldiers would be “on the frontlines”").
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("nsubj", "nsubjpass", "expl"):
            return None
        i -= 1
    return None


def _is_standalone(text: str, q: _Quotation, para_start: int) -> bool:
    """A quoted sentence of its own: starts a sentence and ends with sentence punctuation."""
    before = text[para_start : q.open_at].rstrip()
    if before and not before.endswith((".", "?", "!", "”", '"', "''", ":", "…")):
        return False
    inner = text[q.start : q.end]
    if len(inner.split()) < MIN_STANDALONE_WORDS:
        return False
    if not q.closed:
        return True
    after = text[q.close_end : q.close_end + 2]
    return inner.rstrip().endswith(QUOTE_FINAL_PUNCT) or after[:1] in ("", "\n") or after[:1] == ","


# --------------------------------------------------------------------------------------------
# public API


def extract(
    doc: Doc,
    *,
    article_id: str,
    mentions: Sequence[EntityMention],
    published: str | None = None,
) -> list[Quote]:
    """Direct quotations and reported speech in ``doc``, in text order, with resolved speakers.

    ``mentions`` (from :func:`analysis.entities.extract`, run first) are required: speakers are
    named the way the entity extractor names them, with no second naming path. ``published``
    (the article's date as YYYY-MM-DD, when known) tells who held an office then."""
    text = text_of(doc)
    quotations, quoted = _placed_quotations(doc, text)
    names = _Names(doc, mentions)
    cues = _cue_verbs(doc, quoted)
    _attach(doc, text, quotations, cues)
    resolver = _Resolver(doc, names, quoted, published)
    # The antecedents as the article gives them, before the walk adds its speakers: what
    # pronoun_referents reads for the same doc (it rebuilt them: a tenth of the attitudes step).
    doc.user_data[_ANTECEDENTS_KEY] = (
        mentions,
        resolver.sent_of,
        list(resolver.candidates),
        frozenset(resolver._inverted_subjects),
    )
    walk = _Walk(
        doc=doc,
        text=text,
        article_id=article_id,
        quotations=quotations,
        resolver=resolver,
        para_starts=[s for s, _ in _paragraphs(text)],
        scorer=sentiment.quote_scores,
    )
    # Walk records in text order so that a pronoun sees the speakers before it.
    items: list[tuple[int, str, object]] = [(q.open_at, "q", q) for q in quotations]
    items += [
        (doc[c.content[0]].idx if c.content else c.verb.idx, "c", c)
        for c in cues
        if not c.quotes and c.content and c.content[1] - c.content[0] >= 2
    ]
    items.sort(key=lambda x: (x[0], x[1]))
    for _, kind, item in items:
        if kind == "c":
            walk.reported(item)
        else:
            walk.direct(item)
    out = _named_later(_join_pieces(walk.out, walk.pieces, text, walk.para_starts, walk.scorer))
    out = _without_repeats_inside(out)
    log.debug("article %s: %d quotes", article_id, len(out))
    return out


def _without_repeats_inside(found: list[Quote]) -> list[Quote]:
    """``found`` without the reported speech that lies inside another quote of the same speaker
    ("… a woman was killed in the blast, saying it also wounded more than 20 people": the
    Observatory's words were counted twice, its clause and the clause inside it). Speech of
    another speaker inside a quote stays: "… weapons which rights groups say kill
    indiscriminately" is the rights groups' claim inside the government's words."""
    inside: set[int] = set()
    by_speaker: dict[str | None, list[int]] = {}
    for i, q in enumerate(found):
        by_speaker.setdefault(q.speaker, []).append(i)
    # per speaker, in order of start (the longer first): one sweep, not a pair of loops (a long
    # article quotes thousands of times)
    for indices in by_speaker.values():
        widest: tuple[int, int] | None = None  # the span reaching furthest so far
        for i in sorted(indices, key=lambda i: (found[i].start, -found[i].end)):
            q = found[i]
            covered = widest is not None and widest[1] >= q.end and widest != (q.start, q.end)
            if covered and q.kind == "reported":
                inside.add(i)
            if widest is None or q.end > widest[1]:
                widest = (q.start, q.end)
    return [q for i, q in enumerate(found) if i not in inside]


_MONITOR = re.compile(
    r"(?:an?|another) (?:[\w-]+ ){0,3}?(?:"
    + "|".join(re.escape(d) for d in sorted(MONITOR_DESCRIPTIONS, key=len, reverse=True))
    + r")s?",
    re.I,
)
_MONITOR_END = re.compile(rf"(?:^|\s)(?:{_MONITOR.pattern})$", re.I)


def is_monitor_description(phrase: str) -> bool:
    """Whether ``phrase`` describes a monitoring body without naming it ("a monitor", "the
    monitoring group", "Britain-based war monitor"), an article or not."""
    words = re.sub(r"^(?:an?|another|the) ", "", phrase.strip(), flags=re.I)
    if " " in words and not words.split()[-1].islower():
        return False  # a name: "Aleppo Monitor", "Syrian Observatory"
    return bool(words) and _MONITOR.fullmatch(f"a {words}") is not None


def _is_monitor(q: Quote) -> bool:
    return (
        q.speaker is not None
        and q.speaker_label == "ORG"
        and not MONITOR_NAME_WORDS.isdisjoint(q.speaker.lower().split())
    )


def monitor_named(quotes: Sequence[Quote], offset: int, *, after_only: bool = False) -> str | None:
    """The monitoring body an article quotes that "a monitor" or "the monitor" at ``offset``
    stands for (:data:`MONITOR_NAME_WORDS`: its name says it is one; never an armed group, a
    government or an aid agency quoted in between): the nearest quoted before it ("the monitor
    said"), else the first quoted after it (wire copy's lede, "… killed 16 civilians, a
    monitoring group said", names the Syrian Observatory for Human Rights paragraphs later)."""
    if not after_only:
        before = [q for q in quotes if q.start < offset and _is_monitor(q)]
        if before:
            return before[-1].speaker
    return next((q.speaker for q in quotes if q.start > offset and _is_monitor(q)), None)


def _named_later(quotes: list[Quote]) -> list[Quote]:
    """A quote whose speaker is "a monitor" or "a monitoring group" is given the monitoring body
    quoted after it (:func:`monitor_named`). Only these descriptions: "an official" or "a group"
    may be anyone."""
    out = list(quotes)
    for i, q in enumerate(out):
        if q.speaker is not None or not q.speaker_mention:
            continue
        # the description's last words ("more than 90 a monitoring group" when the comma
        # before it was lost)
        if not _MONITOR_END.search(q.speaker_mention.strip()):
            continue
        name = monitor_named(out, q.start, after_only=True)
        # "Another monitoring group said …" is not the monitor quoted before it, whoever is
        # quoted after ("… said the Observatory. Another monitor said …, the Observatory
        # added" gave the other monitor's toll to the Observatory)
        another = q.speaker_mention.strip().lower().startswith("another ")
        if another and any(p.speaker == name for p in out[:i] if p.start < q.start):
            name = None
        if name is not None:
            out[i] = dataclasses.replace(q, speaker=name, speaker_label="ORG")
    return out


# Where extract leaves its resolver's antecedents on the doc (see pronoun_referents).
_ANTECEDENTS_KEY = "presslens.quote_antecedents"


def pronoun_referents(
    doc: Doc,
    *,
    article_id: str,
    mentions: Sequence[EntityMention],
    quotes: Sequence[Quote] = (),
) -> list[EntityMention]:
    """Third-person singular pronouns ("he", "his", "her") of ``doc`` resolved to the person the
    article named before them, the way a pronoun speaker is resolved: one
    :class:`EntityMention` per pronoun, with the person's canonical name and the pronoun's own
    text and offsets. A pronoun with no such person (an article's first sentence, "he" before
    any name) stands for the subject its fronted clause leads up to, if that is a person
    (:func:`_cataphor`: "Before he spoke, Pence ..."); otherwise it is left out: nothing in the
    article says who it is.

    Two checks pass over a nearer person for the next one. A pronoun agrees with the person's
    gender where the article shows it (:func:`genders`: "Ms Hewitt", "she said" for her quote),
    so "his" after "Patricia Hewitt ... Tony Blair" is Blair's. And in a direct quotation
    (``quotes``: the article's quote records) "he" or "her" is never the speaker, who would say
    "I" or "me"; reported speech is the narrator's ("Roche said she was shocked": her own)."""
    # Found on the token arrays first: most articles' pronouns are few, and building a Token
    # per word (or the resolver, for an article with none) is most of this step's cost.
    lower, pos = doc_arrays.column(doc, LOWER), doc_arrays.column(doc, POS)
    wanted = {doc.vocab.strings[w] for w in REFERRING_PRONOUNS}
    at = [i for i, tag in enumerate(pos) if tag == PRON and lower[i] in wanted]
    if not at:
        return []
    kept = doc.user_data.get(_ANTECEDENTS_KEY)
    if kept is not None and kept[0] is mentions:  # made by extract for this doc and mentions
        resolver = _Resolver.antecedents_only(doc, kept[1], kept[2], kept[3])
    else:
        _, quoted = _placed_quotations(doc, text_of(doc))
        resolver = _Resolver(doc, _Names(doc, mentions), quoted)
    text = text_of(doc)
    gender = genders(text, mentions, quotes)
    direct = [
        (q.start, q.end, q.speaker, narrated_ranges(text, q))
        for q in quotes
        if q.kind == "direct" and q.speaker is not None
    ]
    out = []
    for i in at:
        tok = doc[i]
        own = _pronoun_gender(tok.lower_)
        not_meant = {
            speaker
            for lo, hi, speaker, gaps in direct
            if lo <= tok.idx < hi and not any(a <= tok.idx < b for a, b in gaps)
        }

        def fits(spk: _Speaker, _idx=0, _subj=False, own=own, not_meant=not_meant) -> bool:
            return spk.name not in not_meant and person_sex(spk.name, gender) in (None, own)

        found = resolver._antecedent(tok.i, {"PERSON"}, fits=fits)
        if found is not None and _unnamed_between(doc, found, tok, own):
            continue  # "A man cried out as others tried to comfort him": the man, unnamed
        if found is None:
            found = _cataphor(tok, resolver.candidates)
            if found is not None and not fits(found):
                found = None
        if found is None or not found.name:
            continue
        out.append(
            EntityMention(
                article_id=article_id,
                name=found.name,
                label="PERSON",
                text=tok.text,
                start=tok.idx,
                end=tok.idx + len(tok),
                sent_start=tok.sent.start_char,
            )
        )
    return out


# Singular nouns for a person a story may never name, with the gender they say ("-": either).
UNNAMED_PERSON_NOUNS = lexicon.mapping("unnamed_person_nouns")


def _age_described(token: Token) -> bool:
    """Is ``token`` someone described by their age ("the 27-year-old", "a 31-year-old
    striker"): the "old" of "N-year-old", or a noun that age describes?"""

    def old(t: Token) -> bool:
        return t.lower_ == "old" and any(
            c.dep_ == "npadvmod"
            and c.lower_ in ("year", "years")
            and any(g.like_num for g in c.children)
            for c in t.children
        )

    return old(token) or (
        token.pos_ == "NOUN" and any(c.dep_ == "amod" and old(c) for c in token.children)
    )


# Nouns a story calls the person it is about by ("the Tottenham striker", "the American"):
# trades, sport's positions and honours, nations' nouns — with the sex the noun says.
EPITHET_NOUNS = lexicon.mapping("epithet_nouns")
OCCUPATION_NOUNS = lexicon.words("occupation_nouns")
NATIONALITY_NOUNS = lexicon.words("nationality_nouns")
NATION_EPITHETS = lexicon.words("nation_epithets")
# A club's jobs and a team's positions, one person holds one of at a time: "said the
# goalkeeper" is not the one the article made the manager. (Show business's trades are not:
# a singer is often an actor too, and "the star", "the champion" say no trade at all.)
SPORT_TRADES = frozenset(
    {"striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "forward"}
    | {"manager", "boss", "coach", "chairman", "referee", "prop", "flanker", "hooker", "lock"}
    | {"fly-half", "scrum-half", "full-back", "wing"}
)
# Trades written between a work's title and its maker's or star's name ("Only Fools and
# Horses star David Jason"): show business's and sport's, not an aide's ("Clinton aide …").
TITLE_TRADES = OCCUPATION_NOUNS | frozenset(EPITHET_NOUNS)
# One trade under several words: "the Old Trafford boss" is United's manager.
CLUB_HEADS = frozenset({"boss", "manager", "coach"})
# What a story calls a player by, and the roles of those it quotes who do not play.
PLAYER_EPITHETS = SPORT_TRADES - CLUB_HEADS - {"chairman", "referee"} | {"international"}
NON_PLAYER_ROLES = lexicon.words("non_player_roles")
# How many sentences of narration back the subject of a description's paragraph may be.
TOPIC_SENTENCES = 3
# People's nouns of a nation that are also the whole people ("the French", "the Swiss",
# "the Chinese said"): the nation's, not one person's.
_PEOPLE_ENDINGS = ("sh", "ch", "ese", "ss")


def _title_before_trade(ent: Span) -> Span | None:
    """The person named right after ``ent`` when ``ent`` is a person's name the tagger found
    in a work's or a show's title written before a trade noun and that person's name: "Only
    Fools and Horses star David Jason" ("Fools"), "Lord of the Rings director Peter Jackson"
    ("Rings"), "Harry Potter star Daniel Radcliffe". The title is no person; the star is."""
    if ent.label_ != "PERSON":
        return None
    doc = ent.doc
    j = ent.end
    # the rest of the title: "and Horses", "of the Rings"
    while j < min(len(doc), ent.end + 4) and (
        doc[j].lower_ in _NAME_SMALL_WORDS or (doc[j].text[:1].isupper() and not doc[j].ent_type_)
    ):
        j += 1
    if j + 1 >= len(doc) or not doc[j].text.islower():
        return None
    if _epithet_word(doc[j]) not in TITLE_TRADES:
        return None
    named = doc[j + 1]
    if named.ent_type_ != "PERSON" or named.ent_iob_ != "B":
        return None
    return next((e for e in doc_arrays.entities(doc) if e.start == named.i), None)


def _titled_subject(ent: Span) -> bool:
    """Whether the person ``ent``, named right after a trade noun ("director Peter Jackson",
    "star David Jason"), is the subject of its clause though the parse made a word of the
    work's title before it the subject ("Lord of the Rings director Peter Jackson has said",
    "Only Fools and Horses star David Jason criticised"): up from the name through the
    title's words only, to a subject."""
    doc = ent.doc
    if ent.start == 0:
        return False
    trade = doc[ent.start - 1]
    if not trade.text.islower() or _epithet_word(trade) not in TITLE_TRADES:
        return False
    t = ent.root
    seen = 0
    while t.dep_ not in CLAUSE_SUBJECT_DEPS and t.head.i != t.i and seen < 8:
        if t.head.pos_ not in ("PROPN", "NOUN", "ADP", "CCONJ") or t.dep_ in ("relcl", "acl"):
            return False
        t, seen = t.head, seen + 1
    if t.dep_ not in CLAUSE_SUBJECT_DEPS or t.i in range(ent.start, ent.end):
        return False
    # (the subject a title word before the trade noun, no other person named between)
    return t.i < trade.i and all(
        doc[k].ent_type_ != "PERSON" or _title_before_trade_start(doc, k)
        for k in range(t.i, trade.i)
    )


# What may stand before an inverted subject's "was": a participle, a preposition or an adverb
# fronted for the subject to come last ("Rooting for her was …", "Among the guests was …").
_FRONTED_TAGS = frozenset({"VBG", "VBN", "IN", "RB", "JJ"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _inverted_subject(ent: Span) -> bool:
    """Whether the name ``ent`` is the subject of an inverted sentence, after "was" and a
    fronted phrase ("Rooting for Smith in the best actress category was Jane Roe, …",
    "Standing beside him was Tom Hale"): the one the sentence introduces and is about, not
    the name in the fronted phrase, though the parse makes the name no subject (an "attr",
    or the subject of the fronted participle)."""
    doc = ent.doc
    left = ent.root.left_edge.i
    sent = ent.sent
    if left - 1 <= sent.start:
        return False
    verb = doc[left - 1]
    if verb.lemma_.lower() != "be" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    opening = doc[sent.start]
    return opening.tag_ in _FRONTED_TAGS and not any(
        t.dep_ in _SUBJECT_DEPS or t.tag_ in ("WP", "WDT", "PRP") for t in doc[sent.start : verb.i]
    )


def _title_before_trade_start(doc: Doc, k: int) -> bool:
    """Whether token ``k``, tagged a person, is in a title before a trade noun and a name."""
    ent = next((e for e in doc_arrays.entities(doc) if e.start <= k < e.end), None)
    return ent is not None and _title_before_trade(ent) is not None


WORK_NOUNS = lexicon.words("work_nouns")
# Bodies whose name may look like a person's ("Scott's company Scott Free", "the label Def
# Jam"): a name written as theirs is no person.
_NAMED_BODY_NOUNS = frozenset({"company", "label", "studio", "band"})


def _title_key(text: str) -> str:
    """A title as compared across its mentions: "A Different Story" is "different story"."""
    words = text.lower().split()
    if words and words[0] in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


def _work_titles(doc: Doc, nouns: frozenset[str]) -> frozenset[str]:
    """The titles (:func:`_title_key`) of the article's works (or bodies) of ``nouns`` that
    the tagger may take for people's names: the capitalised words the parse joins to such a
    noun right before them, the noun someone's or "the" one ("Arnold's gritty drama Wasp",
    "The film, A Different Story, chronicles …", "Scott's company Scott Free"). Their other
    mentions are that work too, no person a pronoun or a description stands for. ("On the
    show Simon Cowell said" joins no name to "show".)"""
    found = set()
    texts, lowers = doc_arrays.strings(doc, ORTH), doc_arrays.strings(doc, LOWER)
    pos = doc_arrays.column(doc, POS)
    # (by the doc's word lists first: a Token only for a noun of ``nouns``)
    for i, lower in enumerate(lowers):
        if not (lower in nouns and pos[i] == NOUN and texts[i].islower()):
            continue
        noun = doc[i]
        if not any(c.dep_ in ("det", "poss") for c in noun.children):
            continue
        at = noun.i + 1
        comma = at < len(doc) and doc[at].text == ","
        if comma:
            at += 1  # "The film, A Different Story,"
        if at < len(doc) and doc[at].lower_ in ("a", "an", "the"):
            at += 1
        end = at
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end == at:
            continue
        title = doc[at:end]
        if comma and (noun.dep_ == "pobj" or is_given_name(title[0].text)):
            # "The author of the book, Mitchell Zuckoff, said": the name is the author's
            continue
        joined = title.root.head.i == noun.i or at <= noun.head.i < end
        # (or right after the noun, which the parse hung elsewhere: "Arnold's gritty drama
        # Wasp is about …"; but not after a place's noun: "On the show Simon Cowell said")
        if joined or (at == noun.i + 1 and noun.dep_ != "pobj"):
            found.add(_title_key(title.text))
    return frozenset(found)


def _untagged_people(doc: Doc, quoted: list[bool]) -> list[tuple[int, str, str]]:
    """People the tagger left untagged where they are a sentence's subject: a run of two or
    three capitalised words that opens with a given name (or whose last word the story uses
    alone elsewhere), after any trade or title word
    capitalised at the sentence's start ("Boss Graeme Souness felt Newcastle were never in
    danger" had no person, so the story's "he said" went to the last man named, "Jackie
    Milburn's club record"). Each as (token index, full name, the words as written)."""
    found = []
    for i in doc_arrays.tokens_with(doc, PROPN, CLAUSE_SUBJECT_DEPS):
        tok = doc[i]
        if not (
            tok.dep_ in CLAUSE_SUBJECT_DEPS
            and tok.pos_ == "PROPN"
            and not tok.ent_type_
            and not quoted[tok.i]
        ):
            continue
        if any(c.dep_ in ("det", "poss") for c in tok.children):
            continue  # "The Planning Minister": a description, no name
        left = tok.i
        while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].pos_ == "PROPN":
            left -= 1
        words = list(doc[left : tok.i + 1])
        while words and _epithet_word(words[0]) in _UNTAGGED_LEAD_WORDS:
            words = words[1:]
        if not 2 <= len(words) <= 3 or any(w.ent_type_ or not w.is_title for w in words):
            continue
        if any(_epithet_word(w) in _UNTAGGED_LEAD_WORDS | INSTITUTION_NOUNS for w in words):
            continue  # "Foreign Secretary", "Planning Minister": an office
        surname = tok.text
        alone = any(
            t.text == surname and t.i != tok.i and doc[t.i - 1].text != words[-2].text
            for t in doc
            if t.i > 0
        )
        # (a given name the tables know, or a surname the story uses alone elsewhere: "Boss
        # Graeme Souness felt … But Souness said")
        if not (is_given_name(words[0].text) or alone):
            continue
        text = doc[words[0].i : tok.i + 1].text
        found.append((words[0].i, text, text))
    return found


def _epithet_word(token: Token) -> str:
    """The noun ``token`` heads as the lexicons write it: "fly-half" from "fly", "-", "half"."""
    doc = token.doc
    if (
        token.i >= 2
        and doc[token.i - 1].text == "-"
        and not doc[token.i - 1].whitespace_
        and not doc[token.i - 2].whitespace_
    ):
        return f"{doc[token.i - 2].lower_}-{token.lower_}"
    return token.lower_


def _epithet(token: Token) -> bool:
    """Is ``token`` the head of a definite description of one person by their trade, sport
    or nation ("the Tottenham striker", "the Gloucester fly-half", "the American", "the
    55-year-old Frenchman"), which a story uses for someone it has named?"""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
        return False
    # the phrase opens with "the" (which the parse may hang on a word of it: "the Gloucester
    # fly-half"), and no other determiner: "a striker", "his agent", "Arsenal's striker" are
    # someone else
    before = [t for t in token.subtree if t.i < token.i]
    if not before or before[0].lower_ != "the":
        return False
    if any(t.dep_ in ("det", "poss") for t in before[1:]):
        return False
    word = _epithet_word(token)
    if word in EPITHET_NOUNS or word in OCCUPATION_NOUNS:
        return True
    if word in NATIONALITY_NOUNS or word in NATION_EPITHETS:
        return True
    return token.text[:1].isupper() and not word.endswith(_PEOPLE_ENDINGS) and _demonym(token.text)


def _demonym(word: str) -> bool:
    """Whether ``word`` is a people's word ("American", "Russian"), not a country's name ("the
    US said", "the Netherlands said": the country speaks)."""
    from analysis.entities.spans import demonym_country

    return gazetteer.country(word) is None and demonym_country(word) is not None


def _epithet_sex(token: Token) -> str | None:
    """ "m" or "f" when the description's noun says it ("the actress", "the Frenchman")."""
    word = _epithet_word(token)
    sex = EPITHET_NOUNS.get(word)
    if sex in ("m", "f"):
        return sex
    if word in OCCUPATION_NOUNS or word in NATIONALITY_NOUNS:
        return "f" if word.endswith("woman") else "m" if word.endswith("man") else None
    return None


def _age_number(old: Token) -> int | None:
    """The years of an "N-year-old" whose "old" is ``old``."""
    for c in old.children:
        if c.dep_ == "npadvmod" and c.lower_ in ("year", "years"):
            for g in c.children:
                if g.like_num and g.text.isdigit():
                    return int(g.text)
    return None


def _stated_age(token: Token) -> int | None:
    """The age a description gives ("the 24-year-old", "the 31-year-old striker"), or None."""
    if token.lower_ == "old":
        return _age_number(token)
    for c in token.children:
        if c.dep_ == "amod" and c.lower_ == "old":
            return _age_number(c)
    return None


def _age_beside(ent: Span) -> int | None:
    """The age written beside the person ``ent``: "Hayley Yelling, 24, won", "the 31-year-old
    Dougie Walker"."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 3]
    if (
        len(after) == 3
        and after[0].text == ","
        and after[1].text.isdigit()
        and after[2].text in (",", ")", ".")
        and 10 <= int(after[1].text) <= 99
    ):
        return int(after[1].text)
    for j in range(ent.start - 1, max(ent.start - 5, -1), -1):
        t = doc[j]
        if t.lower_ == "old":
            return _age_number(t)
        if t.is_punct and t.text != "-":
            break
    return None


def _unnamed_between(doc: Doc, found: _Speaker, tok: Token, gender: str | None, skip=None) -> bool:
    """Whether a person the story does not name ("a man", "the suicide bomber", "the pilot")
    stands in ``tok``'s own sentence between the named person ``found`` and the pronoun
    ``tok``, of a gender the pronoun fits: the pronoun most likely stands for them. A noun in
    a person's name or beside it ("observatory chief Rami Abdel Rahman") is no such person,
    nor one at a token index ``skip`` (when given) says to pass over."""
    sent = tok.sent
    lo = sent.start if found.start is None else max(sent.start, _token_at(doc, found.end))
    for t in doc[lo : tok.i]:
        if skip is not None and skip(t.i):
            continue
        said = UNNAMED_PERSON_NOUNS.get(t.lemma_.lower()) if t.tag_ == "NN" else None
        if said is None or t.ent_type_ == "PERSON":
            continue
        if any(c.ent_type_ == "PERSON" for c in t.children if c.dep_ in ("compound", "appos")):
            continue
        if t.head.ent_type_ == "PERSON" and t.dep_ in ("compound", "appos"):
            continue
        if said == "-" or gender is None or said == gender:
            return True
    return False


def _token_at(doc: Doc, char: int | None) -> int:
    """The index of the first token starting at or after character ``char``."""
    if char is None:
        return 0
    span = doc.char_span(char, char, alignment_mode="expand")
    if span is not None:
        return span.start
    return next((t.i for t in doc if t.idx >= char), len(doc))


# Words in the name of a broadcaster or channel ("Orient TV", "Al Jazeera", "Sky News").
MEDIA_NAME_WORDS = frozenset({"tv", "television", "channel", "radio", "news", "media", "network"})
# Nouns that describe the name after them as a body's ("anti-virus firm F-Secure", "marketing
# magazine New Media Age"): the kinds of organisation, and of publication or studio.
_BODY_DESCRIPTION_NOUNS = (
    ORG_DESCRIPTION_NOUNS
    | INSTITUTION_NOUNS
    | frozenset({"magazine", "newspaper", "paper", "studio", "website", "publisher"})
)
# Words that, alone and capitalised, describe a speaker rather than name one ("The TV says",
# "The Observatory said"): made once, not on every speaker looked up.
_DESCRIPTION_WORDS = (
    ORG_DESCRIPTION_NOUNS | INSTITUTION_NOUNS | ROLE_NOUNS | ORG_HEAD_WORDS | MEDIA_NAME_WORDS
)


def _described_by(noun: str, token: Token):
    """Which organisations named before a description noun (``token``) it may stand for (a
    ``fits`` for :meth:`_Resolver._antecedent`): never the agency reporting it, but "the
    agency" a news agency named in its own or the sentence before; "the TV network", "the
    channel" only an outlet or a body with a media word in its name; "the monitor", "the
    watchdog", "the observatory" only a monitoring body. (The nearest organisation had taken the
    words of a TV network and of a London-based monitor: Nusra Front, Islamic State.)"""

    def words(name: str) -> set[str]:
        return set(name.lower().replace("-", " ").split())

    def fits(spk: _Speaker, idx: int, _subj: bool) -> bool:
        # (a UN agency speaks as "the agency"; "the station" is a radio's or a TV's)
        if noun in AGENCY_HEADS - {"agency"} or noun == "station":
            return is_news_outlet(spk.name) or bool(words(spk.name) & MEDIA_NAME_WORDS)
        if is_news_outlet(spk.name):
            return noun == "agency" and _agency_just_named(spk, idx, token)
        if noun in ("monitor", "watchdog", "observatory"):
            return bool(words(spk.name) & MONITOR_NAME_WORDS)
        return True

    return fits


def _agency_just_named(spk: _Speaker, idx: int, token: Token) -> bool:
    """Is ``spk``, named at token ``idx``, the news agency (AFP, Reuters, SANA: no broadcaster)
    "the agency" (``token``) means? It is when named in its sentence or the one before as the
    one quoting ("… was quoted by AFP as saying. Hundreds had gathered for the meal, the agency
    reported": AFP's report, not the Observatory's named before AFP; "told Reuters") or when
    the description says so ("the news agency reported"). A wire credit further back, or one
    reporting another body's words ("The WFP warned …, Reuters reported. …, the agency said"),
    leaves "the agency" to the body (a UN agency, a ministry's)."""
    if speech.agency_named(spk.name or "") is None:
        return False
    doc = token.doc
    sent = token.sent
    before = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    if not before <= idx < token.i:
        return False
    if any(c.lower_ == "news" for c in token.lefts):
        return True
    named = doc[idx]
    quoting = named.head.lower_ == "by" or (
        named.dep_ in ("dobj", "dative") and named.head.lemma_ == "tell"
    )
    return quoting


def is_news_outlet(name: str | None) -> bool:
    """Whether ``name`` is a news agency or one of its outlets ("Reuters", "BBC News")."""
    if not name:
        return False
    low = name.lower()
    return any(low == a or low.startswith(a + " ") for a in _AGENCIES_LOWER)


_AGENCIES_LOWER = frozenset(a.lower() for a in speech.NEWS_AGENCIES)
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
# Titles that say a person's gender ("Mr Blair", "Ms Lomax"); "Dr", "Prof" and "Lord"'s peers
# in the honorifics list say nothing of it, or (Lord, Sir) only of most.
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "messrs"})
FEMALE_TITLES = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "lady", "dame", "baroness"})
# Words before an untagged name that are no part of it: a trade, an office, an honorific.
_UNTAGGED_LEAD_WORDS = (
    OCCUPATION_NOUNS | ROLE_NOUNS | ROLE_TITLES | NAME_PREFIXES | MALE_TITLES | FEMALE_TITLES
)
# Kinship nouns of lexicon/kin_nouns.txt that say the sex of the person they introduce ("her
# husband, Bill Clinton", "his daughter Ivanka Trump": a name no census list sexes); "spouse",
# "cousin" say none.
MALE_KIN = frozenset(
    {"husband", "son", "father", "brother", "widower", "nephew", "uncle", "grandson",
     "grandfather", "stepfather", "stepson", "son-in-law"}
)  # fmt: skip
FEMALE_KIN = frozenset(
    {"wife", "daughter", "mother", "sister", "widow", "niece", "aunt", "granddaughter",
     "grandmother", "stepmother", "stepdaughter", "daughter-in-law"}
)  # fmt: skip


def _pronoun_gender(word: str) -> str | None:
    return "m" if word in MALE_PRONOUNS else "f" if word in FEMALE_PRONOUNS else None


def genders(
    text: str, mentions: Sequence[EntityMention], quotes: Sequence[Quote] = ()
) -> dict[str, str]:
    """Canonical person name → "m" or "f", where the article shows it: a gendered title written
    before the person's name ("Mr Blair", "Mrs Patricia Hewitt") or a kinship noun ("his
    daughter Ivanka Trump"), and the pronoun a quote of
    theirs is attributed with ("..., she said." resolved to them). A person shown both ways, or
    not at all, is left out (a pronoun may then be theirs)."""
    votes: dict[str, list[int]] = {}
    for m in mentions:
        if m.label != "PERSON":
            continue
        before = text[max(0, m.start - 16) : m.start].split()[-1:]
        first = text[m.start : m.end].split()[:1]  # "Ms Hewitt" is often the mention itself
        titles = {w.lower() for w in (*before, *first)}
        # and a kinship noun just before the name ("his daughter Ivanka", "her husband, Bill")
        titles |= {w.lower().rstrip(",") for w in before}
        male, female = MALE_TITLES | MALE_KIN, FEMALE_TITLES | FEMALE_KIN
        sign = 1 if titles & male else -1 if titles & female else 0
        if sign:
            votes.setdefault(m.name, []).append(sign)
    for q in quotes:
        if q.speaker is None or q.speaker_mention is None:
            continue
        said = _pronoun_gender(q.speaker_mention.lower())
        if said is not None:
            votes.setdefault(q.speaker, []).append(1 if said == "m" else -1)
    out = {}
    for name, signs in votes.items():
        if all(v > 0 for v in signs):
            out[name] = "m"
        elif all(v < 0 for v in signs):
            out[name] = "f"
    return out


def person_sex(name: str | None, known: dict[str, str]) -> str | None:
    """ "m" or "f" for the person of canonical name ``name``: as the article shows it
    (``known``, from :func:`genders`), else as their given name says (lexicon/given_name_sex.tsv:
    "Hillary Clinton" "f", "Donald Trump" "m"), else None. A name of one word says nothing: a
    lone surname may be a given name too ("Warren", "Kelly"); the first word the census knows
    before the surname is read, past a word it does not ("Pastor Darrell Scott")."""
    if not name:
        return None
    if name in known:
        return known[name]
    words = strip_titles(name)[0].split()
    sex = next(filter(None, map(given_name_sex, words[:-1])), None)
    return sex.lower() if sex else None


def narrated_ranges(text: str, q: Quote) -> list[tuple[int, int]]:
    """The character ranges inside quote ``q``'s span that are the narrator's: for a direct
    quote, the cue of a quotation interrupted by it ("“A,” said X, the bank's chief. “B.”":
    :data:`analysis.aggregates.CUE_GAP`, the stretch its word count leaves out), marks
    included; for any quote, its speaker's words."""
    out: list[tuple[int, int]] = []
    if q.kind == "direct":
        out += [
            (q.start + m.start() + 1, q.start + m.end())
            for m in aggregates.CUE_GAP_RE.finditer(text[q.start : q.end])
        ]
    elif PIECE_JOINER in q.text and q.text != text[q.start : q.end]:
        # a reported clause its cue interrupts ("The bridge, Holt said, would open"): the
        # aside between its two pieces
        before, _, after = q.text.partition(PIECE_JOINER)
        out.append((q.start + len(before), q.end - len(after)))
    if q.speaker_start is not None and q.speaker_end is not None:
        out.append((q.speaker_start, q.speaker_end))
    return out


def _cataphor(tok: Token, candidates: Sequence[tuple[int, _Speaker, bool]]) -> _Speaker | None:
    """The person a pronoun with no one named before it stands for when it sits in a clause put
    before its sentence's subject and that subject is a person: "Before he announced the
    endorsement, Pence praised Trump", "Despite her assurances, Lynch was blasted". News
    ledes open this way; the subject the clause leads up to is who it is about. Used only when
    no person was named before the pronoun (else "After he resigned, Jones took over" would take
    the resigning man for Jones)."""
    x = tok
    root = tok.sent.root
    while x.head.i != x.i and x.head.i != root.i:
        x = x.head
    if x.head.i != root.i or x.dep_ not in FRONTED_CLAUSE_DEPS or x.i > root.i:
        return None
    subject = next((c for c in root.children if c.dep_ in CLAUSE_SUBJECT_DEPS), None)
    # The clause, pronoun and all, ends before the subject begins.
    if subject is None or x.right_edge.i >= subject.left_edge.i:
        return None
    for idx, spk, _subj in candidates:
        if subject.left_edge.i <= idx <= subject.i and spk.label == "PERSON" and spk.name:
            return spk
    return None


def _placed_quotations(doc: Doc, text: str) -> tuple[list[_Quotation], list[bool]]:
    """The quotations of ``text`` placed on ``doc``'s tokens (those that cover none dropped),
    and for each token whether it is inside a quotation."""
    quotations = find_quotations(text)
    quoted = [False] * len(doc)
    for q in quotations:
        span = doc.char_span(q.open_at, q.close_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        inner = doc.char_span(q.start, q.end, alignment_mode="expand") or span
        q.tok_start, q.tok_end = span.start, span.end
        for i in range(inner.start, inner.end):
            quoted[i] = True
    return [q for q in quotations if q.tok_end > q.tok_start], quoted


@dataclass
class _Walk:
    """The records of one article as :func:`extract` walks quotations and reported-speech cues
    in text order: what is out so far, and the last speaker (a quotation with no cue carries
    it on)."""

    doc: Doc
    text: str
    article_id: str
    quotations: list[_Quotation]
    resolver: _Resolver
    para_starts: list[int]
    scorer: object
    out: list[Quote] = field(default_factory=list)
    pieces: list[_Quotation | None] = field(default_factory=list)  # behind each direct record
    last_speaker: tuple[int, _Speaker] | None = None  # (paragraph, speaker) of the last record
    consumed: set[int] = field(default_factory=set)

    def _anyones(self, cue: _Cue, spk: _Speaker) -> bool:
        """Whether ``cue``, outside any quotation, has "you" for its speaker: anyone at all
        ("you could argue that …", "if you say hip hop here, …" of a column or a page of
        readers' comments), no one's reported speech. The writer's own "I" is kept: a column's
        author is its source, as PolNeAR annotates op-eds ("I should say that …"), though the
        page may not name them."""
        tok = cue.speaker_tok
        return (
            tok is not None
            and spk.name is None
            and tok.lower_ == "you"
            and not self.resolver.quoted[tok.i]
        )

    def reported(self, cue) -> None:
        """A record of reported speech for ``cue``'s content clause, unless it is too short,
        mostly a quotation already recorded, or has no speaker."""
        doc, text = self.doc, self.text
        lo, hi = cue.content
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        attached = [q for q in self.quotations if q.cue and q.open_at < end and q.close_end > start]
        if attached and _quoted_share(doc, cue.content, attached) >= DIRECT_SHARE / 2:
            return  # its quotation is already a direct record
        for q in attached:
            # Clip the clause before a quotation that another cue owns ("He noted how …:
            # “If …,” Carter said").
            if q.open_at > start:
                end = min(end, q.open_at)
        body = text[start:end].rstrip(" :,;—–-\n")
        end = _through_quotation(text, start, start + len(body), self.quotations)
        start = _from_opening_mark(text, start, end)
        if len(body.split()) < MIN_REPORTED_TOKENS:
            return
        spk = _cue_speaker(cue, self.resolver)
        words = None
        if cue.gap is not None:
            # The cue interrupts its clause: the record spans the whole, its words are the
            # clause's on either side of the aside, as an interrupted quotation's are.
            gap_start, gap_end = doc[cue.gap[0]].idx, doc[cue.gap[1] - 1].idx
            gap_end += len(doc[cue.gap[1] - 1])
            if not start < gap_start < gap_end < end:
                return
            words = (
                text[start:gap_start].rstrip(" ,—–-\n")
                + PIECE_JOINER
                + text[gap_end:end].lstrip(" ,—–-\n")
            )
        elif spk is not None and spk.start is not None and start < spk.start < end:
            # A quote's words never hold its own speaker: the clause ends before them.
            body = text[start : spk.start].rstrip(" :,;—–-\n")
            end = start + len(body)
            if len(body.split()) < MIN_REPORTED_TOKENS:
                return
        for q in self.quotations:
            if q.cue is None and q.open_at >= start and q.close_end <= end + 1:
                self.consumed.add(id(q))
        if spk is None or self._anyones(cue, spk):
            return
        self.out.append(
            _record(
                self.article_id, "reported", text, start, end, spk, cue.text, self.scorer, words
            )
        )
        self.pieces.append(None)
        self.last_speaker = (_para_of(self.para_starts, start), spk)

    def direct(self, q: _Quotation) -> None:
        """A record for quotation ``q``: its cue's speaker, or the speaker before it carried on;
        not for a scare quote, a title or a slogan."""
        if id(q) in self.consumed:
            return
        para_no = q.para
        if q.cue is not None:
            spk = _cue_speaker(q.cue, self.resolver)
            cue_text = q.cue.text
        else:
            if not _is_standalone(self.text, q, self.para_starts[para_no]):
                return  # a scare quote, a title, a slogan: not speech
            # No cue: the one a colon introduces it with ("Rep. Ann Lowe: “…”", "Lowe put it
            # bluntly on CNN: “…”"), else the speaker of the quotation just before carries on,
            # in this paragraph or (a paragraph that is only a quotation) from the previous one.
            spk, cue_text = self._introduced_by(q), None
            if spk is None:
                if self.last_speaker is None or self.last_speaker[0] < para_no - 1:
                    return
                if self.last_speaker[0] < para_no and self._narrated_since_last(q):
                    return
                spk = self.last_speaker[1]
        if spk is None:
            # A cue with no recoverable subject ("“…,” was the reply"): still speech, speaker unknown.
            spk = _Speaker(None, None, None, None, None)
        self.out.append(
            _record(
                self.article_id, "direct", self.text, q.start, q.end, spk, cue_text, self.scorer
            )
        )
        self.pieces.append(q)
        self.last_speaker = (para_no, spk)

    def _narrated_since_last(self, q: _Quotation) -> bool:
        """Whether a sentence of the narrator's own stands between the last record and the
        quotation ``q`` (not the record's, nor its cue's): "“…,” Lopez said. On its face,
        Lopez's critique is the usual one.¶“I worry that …” (a pull quote of someone else)" —
        the speaker carries on into a new paragraph only from the quotation or cue ending
        the one before."""
        last = self.out[-1]
        doc, r = self.doc, self.resolver
        first = r.sent_of[min(_token_at(doc, last.end - 1), len(doc) - 1)]
        cue_sent = (
            r.sent_of[min(_token_at(doc, last.speaker_start), len(doc) - 1)]
            if last.speaker_start is not None and last.speaker_start >= last.start
            else first
        )
        for n in range(max(first, cue_sent) + 1, r.sent_of[q.tok_start]):
            if any(t.is_alpha and not r.quoted[t.i] for t in r.sents[n]):
                return True
        return False

    def _introduced_by(self, q: _Quotation) -> _Speaker | None:
        """The named actor a colon before quotation ``q`` introduces it with: the name that is
        all the words before the colon ("Sen. Ann Lowe: “…”"), or the subject of the clause
        ending in it ("Lowe, a Democrat, gave the idea a try on the radio: “…”"). None when no
        colon, or when what it names is no named speaker ("The rule is simple: “…”")."""
        doc = self.doc
        i = q.tok_start - 1
        while i >= 0 and (doc[i].text in QUOTE_TOKENS or doc[i].is_space):
            i -= 1
        if i < 1 or doc[i].text != ":":
            return None
        lo = doc[i].sent.start
        while lo < i and (doc[lo].is_space or doc[lo].is_punct):
            lo += 1
        words = [t for t in doc[lo:i] if not t.is_space]
        if not words or any("\n" in t.text_with_ws for t in words[:-1]):
            return None
        if all(t.is_upper or not t.is_alpha for t in words):
            return None  # a section's label in capitals ("ECONOMY: “…”"), no speaker
        subjects = [t for t in words if t.dep_ in ("nsubj", "nsubjpass") and lo <= t.head.i < i]
        if subjects:
            # the main clause's subject, not one of a clause under it
            head = min(subjects, key=lambda t: sum(1 for _ in t.head.ancestors))
        elif all(t.pos_ == "PROPN" or t.is_punct or t.ent_type_ for t in words):
            head = words[-1]  # the words are a name and its title
        else:
            return None
        spk = self.resolver.resolve(head)
        if spk is None or not spk.name or spk.label not in SPEAKER_LABELS:
            return None
        return spk


# A quotation closing right after a reported clause: its mark, after the sentence's or the
# clause's own punctuation inside it ('… an "unintentional error."', "… “a partner,” he said").
_CLOSING_AFTER = re.compile(r"[.,!?;:…]{0,2}(?:''|[\"”])")


def _opens_unclosed(body: str) -> bool:
    """Does ``body`` open a quotation it does not close: its last mark an opening one (“, or a
    straight mark or '' after a space, a bracket or nothing: not the closing mark of a
    quotation the clause began inside)?"""
    last = max(body.rfind('"'), body.rfind("“"), body.rfind("”"), body.rfind("''"))
    if last < 0 or body[last] == "”":
        return False
    if body[last] == "“":
        return True
    return last == 0 or body[last - 1] in OPEN_CONTEXT


def _through_closing_mark(text: str, start: int, end: int) -> int:
    """Where a reported clause that ends inside a quotation it opened ends: at the quotation's
    closing mark just after it ('the Tories offered a "hard right agenda."'). The parse hangs
    the closing mark (and the full stop before it) off the cue verb, not off the clause, so
    the clause had ended on the quoted words with the mark opened and never closed (64 of the
    4,015 reported records of the FA-KES and BBC store). Only a mark right after the clause
    (its punctuation between) closes it; else the clause ends where it did."""
    if not _opens_unclosed(text[start:end]):
        return end
    closing = _CLOSING_AFTER.match(text, end)
    return closing.end() if closing else end


_MARKS = re.compile(r"''|[\"“”]")


def _closes_unopened(body: str) -> bool:
    """Does ``body`` close a quotation opened before it: its first mark a closing one (”, or a
    straight mark or '' after a word and before a space, punctuation or nothing)?"""
    first = _MARKS.search(body)
    if first is None or first.group() == "“":
        return False
    if first.group() == "”":
        return True
    at, after = first.start(), first.end()
    return (
        at > 0
        and body[at - 1] not in OPEN_CONTEXT
        and (after == len(body) or body[after] in CLOSE_CONTEXT)
    )


def _from_opening_mark(text: str, start: int, end: int) -> int:
    """Where a reported clause that begins inside a quotation starts: at the quotation's opening
    mark just before it ('… the monitor said "dozens" of fighters were killed': the parse left
    the mark out of the clause, which began 'dozens" of …'), as :func:`_through_closing_mark`
    ends one at its closing mark."""
    if start == 0 or not _closes_unopened(text[start:end]):
        return start
    for mark in ("''", "“", '"'):
        at = start - len(mark)
        if text.startswith(mark, at) and (at == 0 or text[at - 1] in OPEN_CONTEXT):
            return at
    return start


# A sentence's end inside a quotation: the quoted words run on into another sentence.
_SENTENCE_END = re.compile(r"[.!?…]\s")


def _through_quotation(text: str, start: int, end: int, quotations: list[_Quotation]) -> int:
    """Where a reported clause that ends inside a quotation it opened ends: at that
    quotation's closing mark when it closes later in the same sentence ("… they were old and
    had “nothing to do with who I am, and nothing to do with this race,” she said": the
    parse hung the words after the comma off the cue verb and the clause had ended on "am"):
    the quoted words up to the mark are the speaker's. A quotation another cue owns was cut
    before (``reported``); one running on past a sentence's end is left as it was. Else the
    mark just after the clause (:func:`_through_closing_mark`)."""
    for q in quotations:
        if (
            q.cue is None
            and q.closed
            and start <= q.open_at < end < q.close_end
            and "\n" not in text[end : q.close_end]
            and not _SENTENCE_END.search(text, end, q.close_end)
        ):
            return q.close_end
    return _through_closing_mark(text, start, end)


# A quotation interrupted by its cue ("“A,” he said, “B.”") is one quotation, also when the cue
# carries a long description of the speaker ("said David Gorski, an associate professor of …");
# within one paragraph the gap is at most this long.
MAX_CUE_GAP = 300


def _continues(text: str, prev: Quote, p: _Quotation, rec: Quote, q: _Quotation,
               para_starts: list[int]) -> bool:  # fmt: skip
    """Whether the direct record ``rec`` (quotation ``q``) carries on ``prev`` (quotation ``p``)
    as one quotation: same speaker, and either interrupted only by the cue within a paragraph, or
    an unclosed quotation continued by the next paragraph's opening mark."""
    if rec.speaker != prev.speaker:
        return False
    if p.para == q.para:
        # (an unnamed speaker too: a quotation broken only by its own cue is one person's,
        # “Here she is,” he said. “Right on time.”, whoever the resolver could not name)
        gap = text[p.close_end : q.open_at]
        return (
            len(gap) <= MAX_CUE_GAP
            and not QUOTE_MARK.search(gap)
            and (p.cue is not None and (q.cue is None or q.cue is p.cue))
        )
    return (
        rec.speaker is not None
        and not p.closed
        and q.para == p.para + 1
        and q.para < len(para_starts)
        and q.open_at == para_starts[q.para]
    )


# What stands in a record's text for the narrator's words between two pieces of one quotation
# ("“A,” said X, the bank's chief. “B.”" is "A … B"), and between a paragraph's unclosed
# quotation and the next paragraph's that carries it on (only the opening mark is left out).
PIECE_JOINER = " … "
PARAGRAPH_JOINER = "\n\n"
_WORD = re.compile(r"\w")


def _joiner(text: str, p: _Quotation, q: _Quotation) -> str:
    """What joins quotation ``p`` and the next piece ``q`` of the same record: a paragraph break,
    " … " for the words left out between them, a space when only marks were (a quotation opened
    again inside it: "read you the question: “As you know …")."""
    if q.para != p.para:
        return PARAGRAPH_JOINER
    return PIECE_JOINER if _WORD.search(text, p.end, q.start) else " "


def _join_pieces(
    out: list[Quote], pieces: list[_Quotation | None], text: str, para_starts: list[int], scorer
) -> list[Quote]:
    """Merge the pieces of one quotation into one record. Its offsets run from the first piece
    to the last (the reader marks the whole stretch, the evaluation matches it); its ``text``
    and its sentiment are the quoted words only: the pieces joined (:func:`_joiner`), never
    the cue, the speaker's name or the narration between them."""
    merged: list[Quote] = []
    words: list[list[str]] = []
    last: list[_Quotation | None] = []
    for rec, q in zip(out, pieces, strict=True):
        if (
            q is not None
            and merged
            and last[-1] is not None
            and _continues(text, merged[-1], last[-1], rec, q, para_starts)
        ):
            prev = merged[-1]
            words[-1].append(rec.text)
            joiner = _joiner(text, last[-1], q)
            merged[-1] = dataclasses.replace(
                prev,
                text=prev.text + joiner + rec.text,
                end=rec.end,
                cue=prev.cue or rec.cue,
                **scorer(" ".join(words[-1])),
            )
            last[-1] = q
            continue
        merged.append(rec)
        words.append([rec.text])
        last.append(q)
    return merged


def _para_of(para_starts: list[int], offset: int) -> int:
    n = 0
    for i, s in enumerate(para_starts):
        if s <= offset:
            n = i
    return n


LAW_NAME_WORDS = lexicon.words("law_name_words")


def _law_named(spk: _Speaker | None) -> bool:
    """Whether ``spk`` is a bill, a law or a treaty by its name ("Prevention of Terrorism
    Bill"): a text that proposes or says something, no speaker (its mention stays)."""
    if spk is None or not spk.name or spk.label == "PERSON" or is_news_outlet(spk.name):
        return False
    words = spk.name.split()
    return len(words) > 1 and words[-1].lower() in LAW_NAME_WORDS


def _cue_speaker(cue: _Cue, resolver: _Resolver) -> _Speaker | None:
    if cue.speaker is None and cue.speaker_tok is not None:
        cue.speaker = resolver.resolve(cue.speaker_tok)
        if _law_named(cue.speaker):
            cue.speaker = dataclasses.replace(cue.speaker, name=None, label=None)
        if cue.speaker is not None:
            resolver.remember(cue.speaker_tok.i, cue.speaker, source_only=cue.verb is None)
    return cue.speaker


# What a country's government is called when it speaks ("the Syrian regime said").
GOVERNMENT_NOUNS = lexicon.words("government_nouns")


def _government(spk: _Speaker) -> str | None:
    """The speaker's name, or for a capital that speaks, its country's: "Moscow denied any
    involvement" is Russia's word, as "Washington said" is the United States' (on FA-KES + BBC
    "Moscow" spoke 18 times beside "Russia"'s 15, two speakers for one government). The
    mention keeps the word the article wrote."""
    # Whatever the tagger called it: "Moscow had announced", "Ankara said" and "Washington
    # said" came tagged a person or an organisation. A person of that name is known by more
    # than the one word (the article's fuller name: "Denzel Washington"); a place may have two
    # ("New Delhi").
    if not spk.name:
        return spk.name
    words = spk.name.split()
    if len(words) == 2 and words[1].lower() in GOVERNMENT_NOUNS:
        # "the Syrian government said", "the Syrian regime said": Syria's word, as
        # "Damascus said" is (one government had been three speakers on FA-KES)
        from analysis.entities.spans import demonym_country

        return demonym_country(words[0]) or spk.name
    if spk.label != "GPE" and len(words) > 1:
        return spk.name
    from analysis import geo  # the gazetteer's tables, read only for a place that speaks

    if not geo.capital(spk.name):
        return spk.name
    code = geo.country_vote(spk.name)
    country = gazetteer.country_of_code(code) if code else None
    return country.name if country is not None else spk.name


def _balanced_mention(spk: _Speaker) -> tuple[str | None, int | None, int | None]:
    """The speaker's words as written, with their offsets, less a bracket they close and never
    opened or open and never close: the parse ran a wire credit into the subject after it
    ("(Reuters) Western powers said" gave the mention "Reuters) Western powers")."""
    mention, start, end = spk.mention, spk.start, spk.end
    if mention is None or start is None or end != start + len(mention):
        return mention, start, end
    cut = unbalanced_bracket(mention)
    if cut is None:
        return mention, start, end
    lo, hi = cut
    # (the words kept, without the spaces the cut leaves at either edge)
    lo += len(mention[lo:hi]) - len(mention[lo:hi].lstrip())
    hi -= len(mention[lo:hi]) - len(mention[lo:hi].rstrip())
    if lo >= hi:
        return mention, start, end
    return mention[lo:hi], start + lo, start + hi


def _record(article_id, kind, text, start, end, spk: _Speaker, cue, scorer, words=None) -> Quote:
    """The record of one quote; its text ``words`` when given (a clause its cue interrupts),
    else the slice its offsets point at."""
    body = text[start:end] if words is None else words
    mention, m_start, m_end = _balanced_mention(spk)
    return Quote(
        article_id=article_id,
        kind=kind,
        text=body,
        start=start,
        end=end,
        speaker=actor_or_none(_government(spk)),  # never "he", "sources" or "Twitter"
        speaker_mention=mention,
        speaker_start=m_start,
        speaker_end=m_end,
        speaker_label=spk.label,
        speaker_role=spk.role,
        cue=cue,
        **scorer(body),
    )


# A local speaker's name shows at most this much of its article's title.
_LOCAL_TITLE_CHARS = 60


def surname_speakers(
    quotes: Sequence[Quote], mentions: Sequence[EntityMention], text: str
) -> list[Quote]:
    """``quotes`` with a speaker known by a surname alone ("Clinton") given the one full name
    the article writes for it, where the model tagged that name nothing ("Former secretary of
    state Hillary Rodham Clinton:" before a quotation; the entity layer then had no fuller
    name to join "Clinton" to, and the store a third speaker beside Hillary and Bill Clinton).
    Two people of that surname in the text ("Hillary Clinton", "Bill Clinton") make the bare
    surname no one's: the speaker is left unnamed (its mention keeps the word), not a person
    of neither name. A full name is a given name (:func:`is_given_name`), capitalised middle
    names or initials, then the surname."""
    found: dict[str, str | None] = {}
    for q in quotes:
        name = q.speaker
        if q.speaker_label != "PERSON" or not name or " " in name or name in found:
            continue
        if not name.istitle() or any(_surname(m.name) == name != m.name for m in mentions):
            continue  # the article's mentions name that person in full already
        key = gazetteer.fold(name)
        if (is_given_name(name) or key in ARABIC_GIVEN_NAMES) and key not in SURNAME_GIVEN_NAMES:
            continue  # "Ahmed" is a given name (local_first_names), no "Mohammed Ahmed"
        fuller: dict[str, str] = {}  # given name → the full name as first written
        seen: set[int] = set()  # where the names found end: one name per surname written
        # (a lookahead, so "Secretary Hillary Clinton" is tried from "Hillary" too; and the
        # first given name of one written name only: "Luther Stan Pate" is no "Stan Pate")
        pattern = (
            rf"(?=\b([A-Z][a-z]+)((?: (?:[A-Z]\.|[A-Z][a-z]+))*) {re.escape(name)}\b"
            r"((?:,? (?:Jr|Sr)\b\.?|,? I{2,3}\b|,? IV\b)?))"
        )
        for match in re.finditer(pattern, text):
            given = match.group(1)
            full = f"{given}{match.group(2)} {name}"
            end = match.start() + len(full)
            low = given.lower()  # (not a title, nor a month: "in May Clinton said")
            if end in seen or not is_given_name(given):
                continue
            if low not in FIRST_NAME_TITLES | HONORIFICS | MONTHS_AND_DAYS:
                seen.add(end)
                fuller.setdefault(full_given_name(low), full + match.group(3))
        if len(fuller) == 1:
            found[name] = next(iter(fuller.values()))
        elif len(fuller) > 1:
            found[name] = None
    if not found:
        return list(quotes)
    return [
        dataclasses.replace(q, speaker=found[q.speaker])
        if q.speaker in found and q.speaker_label == "PERSON"
        else q
        for q in quotes
    ]


def _surname(name: str) -> str:
    """The last word of a person's name, its generation left out ("Luther Stan Pate IV")."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in GENERATION_SUFFIXES]
    return words[-1] if words else ""


def local_first_names(
    quotes: Sequence[Quote], mentions: Sequence[EntityMention], text: str, *, title: str
) -> list[Quote]:
    """``quotes`` with a speaker known only by a given name made the article's own: "Ahmed (in
    «Rebels launch assault in Aleppo»)". A witness or resident quoted as "Ahmed" — never with a
    surname in the article, else the entity pass would have joined the short form to it — is
    one person of this article; keyed "Ahmed" alone, the Speakers page counted every article's
    Ahmed as one speaker (FA-KES: a witness of a wedding bombing and a resident of western
    Aleppo). Not a name any mention of it bears a title before ("Pope Francis", "Prince Harry",
    "Sheikh Ahmed"): such a person is known by that one name. Given names: the Census lists
    (:func:`analysis.entities.rules.is_given_name`) and lexicon/arabic_given_names, less those
    that are common surnames too (lexicon/surname_given_names: "Clinton", "Joseph", "Scott")."""
    qualified: dict[str, str] = {}
    for q in quotes:
        name = q.speaker
        if q.speaker_label != "PERSON" or not name or name in qualified or " " in name:
            continue
        key = gazetteer.fold(name)
        if not (is_given_name(name) or key in ARABIC_GIVEN_NAMES) or key in SURNAME_GIVEN_NAMES:
            continue  # no given name, or one that is also a common surname ("Clinton")
        if any(key in gazetteer.fold(m.name).split() and m.name != name for m in mentions):
            continue  # the article gives a fuller name somewhere ("Scott Richter")
        if re.search(rf"\b{re.escape(name)}\s+(?:al-)?[A-Z][a-z]", text):
            continue  # … or writes one the model left untagged
        if any(_titled(text, m) for m in mentions if m.name == name):
            continue
        short = title.strip()
        if len(short) > _LOCAL_TITLE_CHARS:
            short = short[:_LOCAL_TITLE_CHARS].rsplit(" ", 1)[0] + " …"
        where = f"«{short}»" if short else f"article {quotes[0].article_id[:8]}"
        qualified[name] = local_speaker(name, where)
    if not qualified:
        return list(quotes)
    return [
        dataclasses.replace(q, speaker=qualified[q.speaker]) if q.speaker in qualified else q
        for q in quotes
    ]


def _titled(text: str, m: EntityMention) -> bool:
    """Does a title stand before the mention ``m``, or open its text ("Pope Francis", "Princes
    William and Harry", "Sheikh Ahmed")?"""
    words = text[max(0, m.start - 20) : m.start].split()[-1:] + m.text.split()[:1]
    titles = FIRST_NAME_TITLES | HONORIFICS | ROLE_TITLES
    for word in (w.lower().rstrip(".") for w in words):
        if word in titles or (word.endswith("s") and word[:-1] in titles):
            return True
    return False
