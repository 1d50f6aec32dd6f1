"""Named entities of one article: one canonical name and one corrected label per thing, counted.

:func:`extract` turns the spaCy entities of a parsed article into :class:`EntityMention` records
(canonical name, corrected label, character offsets of the name proper, sentence start) and the
per-article :class:`Entity` aggregate (mentions, first offset). The work is in three steps:

1. *Clean each mention* — mend spans the source's lost punctuation ran together or on
   (:func:`_respan`: "Manbij Syria" → Manbij, Syria; "Jayrud 60 kilometres" → Jayrud; "Aleppo
   Monitor" → Aleppo; "Fateh al-Sham Front" tagged PERSON → ORG), drop a leading "the" and
   possessives ("Assad’s" → "Assad"), strip titles for matching ("Mr Blair", "Major General Igor
   Konashenkov"), and drop junk the small model tags as names (lone titles, pronouns, numbers,
   one-letter names, lower-case words, page debris).
2. *Name it* — an acronym the article defines joins its expansion ("Syrian Democratic Forces
   (SDF)"); known variants join a corpus-wide canonical name through :data:`ORG_ALIASES`,
   :data:`PERSON_ALIASES`, :data:`NORP_GROUPS` and the country table of
   :mod:`analysis.gazetteer` ("Isis", "Daesh" → Islamic State; "US", "America" → United States;
   "Kurds" → Kurdish); a lone organisation word is no person ("the Observatory said") and joins the
   article's one organisation naming it; a short person name joins the fullest form in the article
   ("Kerry" → "John Kerry"; "Assad" → "Bashar al-Assad").
3. *Label it* — once per canonical name: alias labels first, then places the gazetteer knows
   (countries always, large cities unless the article treats the word as a person: a title, a
   fuller name, a speech verb; towns with more evidence), then places the text calls places ("in
   Quneitra", "the al-Midan neighbourhood", "the town of Hass"), else the most frequent model
   label with a fixed priority on ties.

The rules that need no model (:func:`clean_name`, :func:`name_key`, :func:`is_junk`,
:func:`alias`) are plain functions over strings. :func:`harmonise` is an optional corpus pass that
joins spellings of one person's name ("Rami Abdurrahman" → "Rami Abdel Rahman") and surname-only
people ("Blair" → "Tony Blair") across articles when the corpus agrees.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from analysis import gazetteer, lexicon
from analysis.lexicon import aliases
from analysis.names import is_furniture
from analysis.nlp import text_of
from analysis.records import Entity, EntityMention

log = logging.getLogger(__name__)


# The labels the store keeps (OntoNotes names). FAC and EVENT are kept: "Downing Street",
# "White House", "Geneva talks" are what users look up next to people and places.
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
# Labels the small model sometimes puts on a name it should have called a place or a known
# organisation ("save Aleppo" → WORK_OF_ART). Such mentions are kept only when the name is known
# otherwise (gazetteer, alias, or another mention in the article).
RESCUE_LABELS = ("WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE")
# Tie-break when an article's mentions of one name carry different labels equally often.
LABEL_PRIORITY = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT")

HONORIFICS = lexicon.words("honorifics")
ROLE_TITLES = lexicon.words("role_titles")
TITLE_MODIFIERS = lexicon.words("title_modifiers")
PRONOUNS = lexicon.words("pronouns")
MONTHS_AND_DAYS = lexicon.words("months") | lexicon.words("weekdays")
JUNK_NAMES = lexicon.words("junk_names")
DEBRIS_WORDS = lexicon.words("debris_words")
DEBRIS_PHRASES = lexicon.phrases("debris_phrases")
DATE_WORDS = lexicon.words("date_words")
ORG_FIRST_WORDS = lexicon.words("org_first_words")
ORG_HEAD_WORDS = lexicon.words("org_head_words")
FACILITY_WORDS = lexicon.words("facility_words")
FACILITY_HEAD_WORDS = lexicon.words("facility_head_words")
NORP_GROUPS = lexicon.mapping("norp_groups")
# Prefixes that make a group word an attitude or a movement ("pan-Arab", "anti-Assad"): NORP.
_NORP_PREFIX = re.compile(r"(?:pan|anti|pro|non)-[A-Z]")
COMPASS_WORDS = lexicon.words("compass_words")
NEWS_AGENCIES = lexicon.words("news_agencies")
LIST_WORDS = lexicon.words("list_words")
DISTANCE_UNITS = lexicon.words("distance_units")
NUMBER_WORDS = lexicon.words("number_words")
NAME_LOWER_WORDS = lexicon.words("name_lower_words")
PEERAGE = lexicon.words("peerage")
LOCATIVE_PREPOSITIONS = lexicon.words("locative_prepositions")
PLACE_NOUNS = lexicon.words("place_nouns")
NAME_PARTICLES = lexicon.words("name_particles")
PERSON_VERBS = lexicon.words("person_verbs")

ORG_ALIASES = lexicon.mapping("org_aliases")
CASE_SENSITIVE_ALIASES = lexicon.words("case_sensitive_aliases")
PERSON_ALIASES = lexicon.mapping("person_aliases")


# -- model-free name rules ---------------------------------------------------------------------
_WS = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_PUNCT = " \t\n.,;:!?()[]{}\"“”‘’'«»-–—/|*"


def clean_name(text: str) -> str:
    """The name proper of a mention as written: whitespace collapsed, a leading "the", a leading
    stray "’s", possessives and edge punctuation dropped ("the Syrian Democratic Forces (" →
    "Syrian Democratic Forces"; "Bashar al-Assad’s" → "Bashar al-Assad"). Titles are kept."""
    start, end = _trim_bounds(text)
    return _WS.sub(" ", text[start:end])


def _trim_bounds(text: str) -> tuple[int, int]:
    """Offsets (start, end) of the name proper inside ``text`` (see :func:`clean_name`)."""
    start, end = 0, len(text)
    changed = True
    while changed and start < end:
        changed = False
        piece = text[start:end]
        m = re.match(r"(?:the|The|THE)\s+|['’]s\s+", piece)
        if m:
            start += m.end()
            changed = True
            continue
        m = _POSSESSIVE.search(piece)
        if m and m.start() > 0:
            end = start + m.start()
            changed = True
            continue
        stripped = piece.strip(_EDGE_PUNCT)
        # keep the final dot of an abbreviation ("U.S.", "Gen.") and an initial's dot
        if stripped and piece.rstrip(_EDGE_PUNCT) != piece and re.search(r"\b\w\.$", piece):
            stripped = piece.lstrip(_EDGE_PUNCT).rstrip(_EDGE_PUNCT.replace(".", ""))
        if stripped != piece and stripped:
            lead = piece.index(stripped)
            start, end = start + lead, start + lead + len(stripped)
            changed = True
    return start, end


def strip_titles(name: str) -> tuple[str, str | None]:
    """``(name without leading titles, the last title word or None)``: "Prime Minister Tony
    Blair" → ("Tony Blair", "minister"); "Mr Blair" → ("Blair", "mr")."""
    words = name.split()
    title = None
    k = 0
    cut = 0
    while k < len(words):
        w = words[k].lower().rstrip(".")
        if w in HONORIFICS or w + "." in HONORIFICS or w in ROLE_TITLES:
            title = w
            k += 1
            cut = k
        elif w in TITLE_MODIFIERS and k + 1 < len(words):
            k += 1
        else:
            break
    return " ".join(words[cut:]), title


def name_key(name: str) -> tuple[str, ...]:
    """Matching key of a (title-stripped) name: folded words, lower-case Arabic particles dropped
    ("Bashar al-Assad" → ("bashar", "assad"); "Ash Carter" keeps "ash")."""
    words = []
    for word in name.replace(".", " ").replace("-", " ").split():
        if word in NAME_PARTICLES:  # lower case as written: "al-Assad", "bin Laden"
            continue
        folded = gazetteer.fold(word)
        if folded:
            words.append(folded)
    return tuple(words)


def is_junk(name: str) -> bool:
    """True for what names nothing: empty (a lone title), one character, no capital letter
    ("state"), no letter at all ("2011"), a pronoun, a month or day, a generic institution word."""
    if len(name) < 2 or not any(c.isupper() for c in name) or not any(c.isalpha() for c in name):
        return True
    low = name.lower()
    if any(w in DEBRIS_WORDS for w in low.split()) or any(p in low for p in DEBRIS_PHRASES):
        return True
    if low in PRONOUNS:
        return not name.isupper()  # "US" is a country, "IT" an industry
    if low in MONTHS_AND_DAYS or low in JUNK_NAMES:
        return True
    # page furniture and generic words only ("GMT", "Showcase Category News", "PM Summit")
    return is_furniture(name)


def _user_case_sensitive(variant: str) -> bool:
    # A user's short all-capital variant ("WHO", "IS") is matched only in capitals, as the
    # curated CASE_SENSITIVE_ALIASES are: "Who" and "is" are words.
    return len(variant) <= 4 and variant.replace(".", "").isupper()


@functools.lru_cache(maxsize=8)
def _org_alias_table(
    extra: aliases.Active,
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Exact and folded variant → (canonical, label): the curated organisations, then the
    user's ORG and GPE lines (``--aliases``), which win over them."""
    exact = {k: (v, "ORG") for k, v in ORG_ALIASES.items() if k in CASE_SENSITIVE_ALIASES}
    folded = {
        gazetteer.fold(k): (v, "ORG")
        for k, v in ORG_ALIASES.items()
        if k not in CASE_SENSITIVE_ALIASES
    }
    for user in extra.of_label("ORG", "GPE"):
        if _user_case_sensitive(user.variant):
            exact[user.variant] = (user.canonical, user.label)
        else:
            folded[gazetteer.fold(user.variant)] = (user.canonical, user.label)
    return exact, folded


def alias(name: str) -> tuple[str, str] | None:
    """``(canonical, label)`` for a known variant of an organisation or country, else None
    ("Daesh" → ("Islamic State", "ORG"); "Britain" → ("United Kingdom", "GPE"))."""
    exact, folded = _org_alias_table(aliases.active())
    if name in exact:
        return exact[name]
    key = gazetteer.fold(name)
    if key in folded:
        return folded[key]
    # Two/three-letter country codes ("US", "UK") only in capitals: "Us" is a pronoun.
    if len(name) <= 4 and not name.replace(".", "").isupper():
        return None
    place = gazetteer.country(name)
    if place is not None:
        return place.name, place.label
    return None


@functools.lru_cache(maxsize=8)
def _person_alias_table(extra: aliases.Active) -> dict[str, str]:
    table = dict(PERSON_ALIASES)
    for user in extra.of_label("PERSON"):
        table[" ".join(name_key(user.variant))] = user.canonical
    return table


def person_alias(key: tuple[str, ...]) -> str | None:
    """Corpus-wide full name of a person known by a short form ("assad" → "Bashar al-Assad");
    the user's PERSON aliases (``--aliases``) first."""
    return _person_alias_table(aliases.active()).get(" ".join(key))


@functools.lru_cache(maxsize=8)
def _norp_table(extra: aliases.Active) -> dict[str, str]:
    table = dict(NORP_GROUPS)
    for user in extra.of_label("NORP"):
        table[gazetteer.fold(user.variant)] = user.canonical
    return table


# -- per-article extraction --------------------------------------------------------------------
@dataclass(eq=False)
class _Mention:
    text: str  # the name proper as written (titles kept), e.g. "Mr Blair"
    start: int
    end: int
    sent_start: int
    model_label: str
    bare: str  # without titles: "Blair"
    key: tuple[str, ...]
    title: str | None  # a title inside or right before the span
    speaker: bool  # subject of a speech/thought verb
    locative: bool  # after "in"/"near"/…, or next to a place noun (below)
    place_noun: bool = False  # before "province"/"neighbourhood"/…, or after "the town of"
    name: str = ""
    label: str = ""
    fixed: bool = False  # name and label come from an alias/acronym: not open to voting
    person: bool = False  # a person (tagged, titled, or joined to a fuller person name)


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


def sentence_pairs(mentions: Iterable[EntityMention]) -> list[tuple[str, str, str, int]]:
    """Rows of the optional ``entity_pairs`` table for one article's mentions: ``(article_id,
    name_a, name_b, weight)`` with ``name_a < name_b`` and weight = sentences naming both."""
    sentences: dict[tuple[str, int], set[str]] = defaultdict(set)
    for m in mentions:
        sentences[(m.article_id, m.sent_start)].add(m.name)
    weights: Counter[tuple[str, str, str]] = Counter()
    for (article_id, _), names in sentences.items():
        ordered = sorted(names)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                weights[(article_id, a, b)] += 1
    return [(a, x, y, n) for (a, x, y), n in sorted(weights.items())]


def _sentence_starts(doc: Doc) -> tuple[list[int], list[int]]:
    """Token index and character offset of each sentence start (one sentence without a parse)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0], [0]
    tokens, chars = [], []
    for sent in doc.sents:
        tokens.append(sent.start)
        chars.append(sent.start_char)
    return tokens, chars


def _candidates(doc: Doc) -> list[_Mention]:
    """Cleaned, non-junk mentions of the kept (and rescuable) labels."""
    text = text_of(doc)
    sent_tokens, sent_chars = _sentence_starts(doc)
    out: list[_Mention] = []
    for ent in (piece for span in _spans(doc) for piece in _respan(doc, span)):
        label = ent.label_
        if label not in LABELS and label not in RESCUE_LABELS:
            continue
        surface = text[ent.start_char : ent.end_char]
        lo, hi = _trim_bounds(surface)
        if lo >= hi:
            continue
        lo += _lost_possessive_prefix(surface[lo:hi])
        written = _WS.sub(" ", surface[lo:hi])
        bare, title = strip_titles(written)
        if title is None and ent.start > 0:
            prev = doc[ent.start - 1].text.lower().rstrip(".")
            if prev in HONORIFICS or prev in ROLE_TITLES:
                title = prev
        place_noun = _next_to_place_noun(doc, ent.start, ent.end)
        if (
            title
            and label == "PERSON"
            and ent.end < len(doc)
            and doc[ent.end].text.lower() in PLACE_NOUNS
        ):
            bare, title = written, None  # "Sheikh Maqsoud neighbourhood": the title is the name's
        if is_junk(bare) or (title and not bare) or (label != "PERSON" and _date_debris(bare)):
            continue
        key = name_key(bare)
        if not key:
            continue
        root = ent.root
        speaker = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in PERSON_VERBS
        locative = (
            root.dep_ == "pobj" and root.head.text.lower() in LOCATIVE_PREPOSITIONS
        ) or place_noun
        i = bisect.bisect_right(sent_tokens, ent.start) - 1
        sent_start = sent_chars[max(i, 0)]
        # The parser sometimes runs a sentence across a paragraph break; a line break ends it.
        sent_start = text.rfind("\n", sent_start, ent.start_char) + 1 or sent_start
        out.append(
            _Mention(
                text=written,
                start=ent.start_char + lo,
                end=ent.start_char + hi,
                sent_start=sent_start,
                model_label=label,
                bare=bare,
                key=key,
                title=title,
                speaker=speaker,
                locative=locative,
                place_noun=place_noun,
            )
        )
    return out


def _next_to_place_noun(doc: Doc, start: int, end: int, reach: int = 6) -> bool:
    """Does a place noun name the span ``doc[start:end]`` a place: right after it ("Quneitra
    province"), after "<noun> of" ("the town of Hass"), also across a list of names and
    adjectives ("the al-Hamadaniyeh and al-Midan neighborhoods", "the towns of Azaz and nearby
    Marea", "Harasta residential suburb")?"""

    def in_list(t) -> bool:
        text = t.text.lower()  # a name ("al-Shaar" too), or a word of LIST_WORDS
        return t.text != text or text in LIST_WORDS or text in NAME_LOWER_WORDS

    j = end
    while (
        j < min(len(doc), end + reach)
        and in_list(doc[j])
        and doc[j].text.lower() not in PLACE_NOUNS
    ):
        j += 1
    if j < len(doc) and doc[j].text.lower() in PLACE_NOUNS:
        return True
    i = start - 1
    while i > max(0, start - reach) and in_list(doc[i]) and doc[i].text.lower() != "of":
        i -= 1
    return i >= 1 and doc[i].text.lower() == "of" and doc[i - 1].text.lower() in PLACE_NOUNS


def _respan(doc: Doc, span: Span) -> list[Span]:
    """``span`` repaired where the source's lost punctuation ran names into each other or into
    the next words (the Syria news CSV strips every comma and colon), as a list of spans:

    - "Ghouta the Observatory" → "Ghouta", "Observatory" (ORG): "..., the Observatory said";
    - distances, a place's trailing count, a sentence's opening number word cut off ("Jayrud 60
      kilometres" → "Jayrud"; "Idlib 15" → "Idlib"; EVENT "2016 Six" → "2016");
    - a person's name ends at its first lower-case word ("Assads air force" → "Assads"), and runs
      on over capitalised words into a place noun ("al-Sheikh Maqsoud neighbourhood", the model
      tagging "al-Sheikh");
    - a person- or facility-tagged name ending in an organisation word is an organisation
      ("Fateh al-Sham Front"), or a place with a headline's source word glued on ("Aleppo
      Monitor" → "Aleppo");
    - known names run together are split ("Manbij Syria", "Homs NGO AFP" → Homs, AFP;
      "Aleppo Syrias" → Aleppo, Syria[s]); a trailing organisation alias comes off an unknown
      name ("Hassakeh ISIS").
    """
    label = span.label_
    if label not in LABELS and label not in RESCUE_LABELS:
        return [span]
    start, end = span.start, span.end
    while start < end and doc[start].text.lower() == "the":
        start += 1
    if end - start < 1 or alias(clean_name(doc[start:end].text)) is not None:
        return [span]
    words = [t.text.lower() for t in doc[start:end]]
    # an aside after a dash: "White Helmets - a rescue service", "Alan Milburn - the"
    for k in range(start + 1, end - 1):
        if doc[k].text in ("-", "–", "—") and doc[k - 1].whitespace_ and doc[k + 1].text.islower():
            return _respan(doc, Span(doc, start, k, label=label))
    # "X the Observatory"
    if end - start >= 3 and words[-2] == "the" and words[-1] in ORG_HEAD_WORDS:
        before = _respan(doc, Span(doc, start, end - 2, label=label))
        return [*before, Span(doc, end - 1, end, label="ORG")]
    # numbers that are no part of the name
    for k in range(start + 1, end - 1):
        if any(c.isdigit() for c in doc[k].text) and doc[k + 1].text.lower() in DISTANCE_UNITS:
            end = k
            break
    if (
        end - start >= 2
        and doc[end - 1].text.lower() in NUMBER_WORDS
        and doc[end - 1].text.istitle()
        and (any(c.isdigit() for c in doc[end - 2].text) or doc[end - 2].text.lower() in JUNK_NAMES)
    ):
        end -= 1
    last = doc[end - 1].text
    if end - start >= 2 and last.isdigit() and len(last) <= 3 and _piece(doc[start : end - 1]):
        end -= 1
    if label == "PERSON":
        for k in range(start + 1, end):
            t = doc[k]
            lower = (
                t.text.isalpha() and t.text[:1].islower() and t.text.lower() not in NAME_LOWER_WORDS
            )
            if lower and doc[k - 1].whitespace_:  # a word of its own, not inside "al-Assad"
                end = k
                break
        # runs on into a place noun: "al-Sheikh [Maqsoud] neighbourhood", "[Sheikh] Maqsoud area"
        j = end
        while (
            j < min(len(doc), end + 2)
            and doc[j].text.istitle()
            and doc[j].ent_iob_ not in ("B", "I")
        ):
            j += 1
        if j < len(doc) and doc[j].text.lower() in PLACE_NOUNS:
            end = j
            prev = doc[start - 1].text.lower().rstrip(".") if start > 0 else ""
            if prev in ROLE_TITLES and doc[start - 1].text.istitle():
                start -= 1
    if end <= start:
        return []
    if (start, end) != (span.start, span.end):
        span = Span(doc, start, end, label=label)
    # organisation words at the end
    head = doc[end - 1].text.lower()
    if end - start >= 2 and doc[end - 1].text.istitle() and head in ORG_HEAD_WORDS:
        if label == "PERSON":
            rest = _piece(doc[start : end - 1])
            if rest is not None and rest[0] in ("country", "place", "town"):
                return [Span(doc, start, end - 1, label=rest[1])]
            return [Span(doc, start, end, label="ORG")]
        if label == "FAC" and head not in FACILITY_HEAD_WORDS:
            return [Span(doc, start, end, label="ORG")]
    if (
        end - start >= 2
        and label == "PERSON"
        and doc[end - 1].text.istitle()
        and head in FACILITY_WORDS
    ):
        return [Span(doc, start, end, label="FAC")]  # "Saadallah al-Jabiri Square"
    return _split_known(doc, span)


def _piece(span: Span) -> tuple[str, str, str] | None:
    """What a run of words is when it is something known: ``(kind, label, country code)`` with
    kind one of org (an alias), country (also "Syrias", its apostrophe lost), place (a city,
    state or region), town (:func:`analysis.gazetteer.town`), junk ("NGO"); else None."""
    text = span.text
    found = alias(text)
    if found is not None:
        if found[1] == "ORG":
            return ("org", "ORG", "")
        place = gazetteer.country(found[0])
        return ("country", found[1], place.country if place else "")
    if len(text) > 4 and text.endswith("s") and text[:1].isupper():
        place = gazetteer.country(text[:-1])
        if place is not None:
            return ("country", "GPE", place.country)
    place = gazetteer.place(text)
    if place is not None:
        return ("country" if place.kind == "country" else "place", place.label, place.country)
    place = gazetteer.town(text) if " " in text or text.istitle() else None
    if place is not None:
        return ("town", place.label, place.country)
    if text.lower() in JUNK_NAMES:
        return ("junk", "", "")
    return None


def _split_known(doc: Doc, span: Span) -> list[Span]:
    """``span`` split into the known names it runs together (see :func:`_respan`), else as is."""
    label = span.label_
    words: list[tuple[int, int]] = []  # token ranges between spaces ("al-Assad" is one word)
    for t in span:
        if words and not doc[t.i - 1].whitespace_:
            words[-1] = (words[-1][0], t.i + 1)
        else:
            words.append((t.i, t.i + 1))
    if not 2 <= len(words) <= 8:
        return [span]
    n = len(words)
    # fewest known pieces covering all words: best[j] = (pieces, segmentation of words[:j])
    best: list[tuple[int, list] | None] = [(0, [])] + [None] * n
    for j in range(1, n + 1):
        for i in range(j):
            if best[i] is None:
                continue
            piece = Span(doc, words[i][0], words[j - 1][1])
            what = _piece(piece)
            if what is not None and (best[j] is None or best[i][0] + 1 < best[j][0]):
                best[j] = (best[i][0] + 1, [*best[i][1], (piece, what)])
    found = best[n][1] if best[n] is not None else None
    if found is not None and len(found) >= 2 and _plausible_split(label, found):
        return [Span(doc, p.start, p.end, label=w[1]) for p, w in found if w[0] != "junk"]
    if label != "ORG":  # an unknown name with a source glued on: "Hassakeh ISIS", "X AFP"
        for k in range(n - 1, max(0, n - 3) - 1, -1):
            if k == 0:
                break
            tail = Span(doc, words[k][0], span.end)
            if _credit(tail.text):
                head = Span(doc, span.start, words[k - 1][1], label=label)
                return [*_respan(doc, head), Span(doc, tail.start, tail.end, label="ORG")]
    return [span]


def _credit(text: str) -> bool:
    """Is ``text`` an organisation that news text runs into other names: a news agency ("…
    Aleppo Reuters") or an acronym ("Hassakeh ISIS")? Not "Lords" in "Law Lords"."""
    found = alias(text)
    return found is not None and found[1] == "ORG" and (found[0] in NEWS_AGENCIES or text.isupper())


def _plausible_split(label: str, pieces: Sequence[tuple[Span, tuple[str, str, str]]]) -> bool:
    """Is splitting a ``label``-tagged span into these known pieces safer than keeping it?"""
    kinds = [w[0] for _, w in pieces]
    if "org" in kinds[:-1] or "junk" in (kinds[0], kinds[-1]):
        # "BBC Scotland" is a name of its own, an agency credit comes last; "UK Government"
        return False
    if kinds[-1] == "org" and not _credit(pieces[-1][0].text):
        return False  # "Time Lords"
    countries = {w[2] for _, w in pieces if w[0] in ("country", "place", "town")}
    if "" in countries or len(countries) > 1:
        return False  # "Guantanamo Bay", "Edinburgh Airport": one place, with a word that
        # happens to name a town elsewhere; "Europe Union"
    if label == "PERSON":
        # "Jordan Henderson", "Chelsea Clinton": people are named after places. Split only
        # debris: a source credit or a lost apostrophe at the end, or places of one country.
        glued = kinds[-1] == "org" or (kinds[-1] == "country" and pieces[-1][0].text.endswith("s"))
        return glued or ("town" not in kinds and "junk" not in kinds)
    if label == "ORG":
        return "country" in kinds or kinds[-1] == "org"  # "Nottingham Forest" stays
    return True


def _lost_possessive_prefix(name: str) -> int:
    """Characters to skip when a name opens with a country whose apostrophe the source lost
    ("Syrias Aleppo" → skip "Syrias "), else 0."""
    first, _, rest = name.partition(" ")
    if rest and len(first) > 3 and first.endswith("s") and first[:-1].istitle():
        found = alias(first[:-1])
        if found is not None and found[1] == "GPE":
            return len(first) + 1
    return 0


def _date_debris(name: str) -> bool:
    """A non-person name made of date parts: "Sep 2014 US", "AFP Sunday 26", "Feb 092015"."""
    words = name.lower().split()
    has_digits = any(any(c.isdigit() for c in w) for w in words)
    if words and words[0] in DATE_WORDS:
        return True
    if has_digits and any(w in DATE_WORDS or w in MONTHS_AND_DAYS for w in words):
        return True
    return any(sum(c.isdigit() for c in w) >= 5 for w in words)


def _spans(doc: Doc) -> Iterable[Span]:
    """``doc.ents``, with split aliases mended: "Islamic" (NORP) + "State" → "Islamic State";
    "Liberal" + "Democrat" (NORP) → "Liberal Democrat"; "Liberal" (ORG) + "Democrats" (NORP)."""
    ents = list(doc.ents)
    k = 0
    prev_end = 0
    while k < len(ents):
        ent = ents[k]
        merged = None if alias(clean_name(ent.text)) is not None else _mended(doc, ent, prev_end)
        if merged is None:
            yield ent
            prev_end = ent.end
            k += 1
            continue
        yield merged
        prev_end = merged.end
        k += 1
        while k < len(ents) and ents[k].start < merged.end:  # swallowed by the merge
            k += 1


def _mended(doc: Doc, ent: Span, prev_end: int) -> Span | None:
    """``ent`` grown by up to two capitalised tokens either side into a known alias, or None."""
    for before, after in ((0, 1), (0, 2), (1, 0), (1, 1)):
        start, end = ent.start - before, ent.end + after
        if start < prev_end or end > len(doc):
            continue
        extra = [*doc[start : ent.start], *doc[ent.end : end]]
        if not all(t.text[:1].isupper() for t in extra):
            continue
        if alias(clean_name(doc[start:end].text)) is not None:
            return Span(doc, start, end, label="ORG")
    return None


_ACRONYM_AFTER = re.compile(r"\s*\(\s*(?P<acr>[A-Z][A-Za-z&.]{1,10})\s*\)")


def _acronyms(doc: Doc, mentions: Sequence[_Mention]) -> dict[str, _Mention]:
    """Acronyms the article defines: "Syrian Democratic Forces (SDF)" → {"SDF": that mention}."""
    text = text_of(doc)
    found: dict[str, _Mention] = {}
    for m in mentions:
        if len(m.key) < 2:
            continue
        hit = _ACRONYM_AFTER.match(text, m.end)
        if not hit:
            continue
        acr = hit.group("acr")
        capitals = [c for c in acr if c.isupper()]
        initials = {w[0].upper() for w in m.bare.replace("-", " ").split() if w[:1].isalpha()}
        # An acronym's first capital is the initial of some word of its expansion (loose on
        # purpose: "Kurdistan Workers' Party (PKK)" is in the original language's order).
        if len(capitals) >= 2 and capitals[0] in initials:
            found.setdefault(acr, m)
    return found


def _name_mentions(doc: Doc, mentions: list[_Mention]) -> None:
    """Set ``name`` (and ``label`` where an alias or acronym fixes it) on every mention."""
    _restore_possessives(mentions)
    # words of the article's full person names: "Christian" is a group, "Louise Christian" not
    person_words = {
        w
        for m in mentions
        if m.model_label == "PERSON" and len(m.key) >= 2 and not _norp_group(m.bare)
        for w in m.key
    }
    # 1. variants with a fixed canonical name (aliases, groups)
    for m in mentions:
        found = alias(m.bare)
        group = _norp_group(m.bare)
        # "Mr Jordan" is a person even though Jordan is a country
        if found and not (m.model_label == "PERSON" and m.title and found[1] != "ORG"):
            m.name, m.label, m.fixed = found[0], found[1], True
        elif m.key[0] in ORG_FIRST_WORDS and len(m.key) >= 2:
            m.name, m.label, m.fixed = m.bare, "ORG", True
        elif group and not (m.title or (m.model_label == "PERSON" and m.key[0] in person_words)):
            m.name, m.label, m.fixed = group, "NORP", True

    # 2. people. A title-headed name the model called something else ("Major General Igor
    #    Konashenkov" as ORG) is a person when a courtesy title precedes it or a first name
    #    and surname remain once the title is stripped.
    for m in mentions:
        if m.fixed:
            continue
        if len(m.key) == 1 and m.key[0] in ORG_HEAD_WORDS and not m.title:
            m.model_label = "ORG"  # "the Observatory said", "a monitor said": no person
            continue
        if m.model_label == "PERSON" and m.place_noun and not (m.title or m.speaker):
            continue  # "the al-Midan neighbourhood": no person for short forms to join
        if m.model_label == "PERSON" or (m.title and (m.title in HONORIFICS or len(m.key) >= 2)):
            m.person = True
    fulls = [m for m in mentions if m.person and len(m.key) >= 2]
    _unify_spellings(fulls)
    for m in fulls:  # "George Bush" joins "George W Bush" in the same article
        longer = _longest_containing(m.key, fulls)
        m.name = longer.name if longer is not None else m.name
    # Short forms join the nearest fuller person name containing them; a one-word mention the
    # model gave another label ("Kerry" as GPE, "Johnson" as ORG) joins on the surname only.
    fulls.sort(key=lambda f: f.start)
    orgs = [m for m in mentions if len(m.key) >= 2 and (m.label or m.model_label) == "ORG"]
    for m in mentions:
        if m.fixed or (m.person and len(m.key) >= 2):
            continue
        full = None
        if m.person:
            full = _nearest_full(m.key, m.start, fulls, surname_only=False)
        elif len(m.key) == 1 and m.model_label in ("GPE", "ORG", "NORP", *RESCUE_LABELS):
            full = _nearest_full(m.key, m.start, fulls, surname_only=True)
        if full is not None:
            m.name, m.person = full.name, True
            continue
        org = _only_org_containing(m, orgs)
        if org is not None:  # "the Observatory" after "the Syrian Observatory for Human Rights"
            m.name, m.person, m.model_label, m.fixed = org.name or org.bare, False, "ORG", org.fixed
            m.label = org.label
        else:
            m.name = _plain_name(m)
    _unify_spellings([m for m in mentions if not m.fixed and not (m.person and len(m.key) >= 2)])
    for m in mentions:  # corpus-wide full names of people known by a short form ("Assad")
        if m.person:
            m.name = person_alias(name_key(m.name)) or m.name

    # 3. acronyms defined in the article name what they abbreviate
    acronyms = _acronyms(doc, mentions)
    for m in mentions:
        target = acronyms.get(m.bare)
        if target is not None and target is not m and not m.fixed:
            m.name, m.fixed, m.person = target.name, target.fixed, target.person
            if target.fixed:
                m.label = target.label


def _restore_possessives(mentions: Sequence[_Mention]) -> None:
    """Drop an "s" the source glued on by losing the apostrophe ("Bashar al-Assads", "Syrias"),
    when the name without it is known: in this article, an alias, or a gazetteer place."""
    keys = {m.key for m in mentions}
    for m in mentions:
        last = m.bare.rsplit(" ", 1)[-1]
        if not (last.endswith("s") and len(last) > 4 and not last.endswith("ss")) or last.isupper():
            continue
        if alias(m.bare) is not None or gazetteer.place(m.bare) is not None:
            continue  # "Damascus", "Wales": the s is the name's own
        stem = m.bare[:-1]
        key = name_key(stem)
        if (
            key in keys
            or alias(stem) is not None
            or person_alias(key) is not None
            or (m.model_label != "PERSON" and gazetteer.place(stem) is not None)
        ):
            m.bare, m.key = stem, key
            if m.text.endswith("s"):
                m.text, m.end = m.text[:-1], m.end - 1


def _only_org_containing(m: _Mention, orgs: Sequence[_Mention]) -> _Mention | None:
    """The one multi-word organisation of the article that the one-word ``m`` is part of."""
    if len(m.key) != 1 or m.model_label not in ("ORG", "PERSON") or gazetteer.place(m.bare):
        return None
    if m.place_noun:  # "the town of Qardaha" is no short form of "Qardaha hospital"
        return None
    found = {(o.name or o.bare): o for o in orgs if m.key[0] in o.key and o is not m}
    return next(iter(found.values())) if len(found) == 1 else None


def _unify_spellings(mentions: Sequence[_Mention]) -> None:
    """Mentions whose names share a key get one spelling: the most frequent, then the longest
    ("Bashar Assad" and "Bashar al-Assad" → "Bashar al-Assad"; "Home office" → "Home Office")."""
    by_key: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for m in mentions:
        by_key[name_key(m.name or m.bare)][m.name or m.bare] += 1
    best = {
        k: max(c.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] for k, c in by_key.items()
    }
    for m in mentions:
        m.name = best[name_key(m.name or m.bare)]


def _plain_name(m: _Mention) -> str:
    """Canonical name of a mention that is no alias and no joined person: the person's name
    without titles; otherwise as written, titles kept (an ORG "General Motors" keeps its first
    word); plural nationality words made singular ("Syrians" → "Syrian") so the people and the
    adjective count together."""
    if m.person:
        if m.title in PEERAGE and len(m.key) == 1:
            return f"{m.title.capitalize()} {m.bare}"  # "Lord Falconer", not "Falconer"
        return m.bare
    name = m.text
    if m.model_label == "NORP" and re.search(r"(?:an|i|ese)s$", name):
        name = name[:-1]
    if name.isupper() and len(name) > 3 and " " not in name and gazetteer.place(name):
        name = name.capitalize()  # a dateline's "MOSCOW" is Moscow
    return name


def _norp_group(name: str) -> str | None:
    """The group a name is (:data:`NORP_GROUPS`, "pan-Arab"), else None."""
    if _NORP_PREFIX.match(name):
        return name
    return _norp_table(aliases.active()).get(gazetteer.fold(name))


def _contains(short: tuple[str, ...], full: tuple[str, ...], *, surname_only: bool) -> bool:
    """Is the name ``short`` a short form of ``full``? (Keys, see :func:`name_key`.)"""
    if len(short) >= len(full):
        return False
    if surname_only:
        return len(short) == 1 and short[0] == full[-1]
    if len(short) == 1:
        return short[0] in full
    return short[-1] == full[-1] and set(short) <= set(full)


def _longest_containing(key: tuple[str, ...], fulls: Sequence[_Mention]) -> _Mention | None:
    best = None
    for f in fulls:
        if _contains(key, f.key, surname_only=False) and (
            best is None or len(f.key) > len(best.key)
        ):
            best = f
    return best


def _nearest_full(
    key: tuple[str, ...], start: int, fulls_by_position: Sequence[_Mention], *, surname_only: bool
) -> _Mention | None:
    """The closest preceding fuller name containing ``key`` (else the closest following one)."""
    before = after = None
    for f in fulls_by_position:
        if not _contains(key, f.key, surname_only=surname_only):
            continue
        if f.start <= start:
            before = f
        elif after is None:
            after = f
    return before or after


def _label_entities(mentions: list[_Mention]) -> None:
    """One label per canonical name in the article (see the module docstring, step 3)."""
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.name].append(m)
    countries = {
        place.country
        for m in mentions
        if m.label == "GPE" and (place := gazetteer.country(m.name)) is not None
    }
    for name, group in groups.items():
        label = _decide_label(name, group, countries)
        for m in group:
            m.label = label


def _decide_label(
    name: str, group: Sequence[_Mention], countries: Collection[str] = ()
) -> str | None:
    """The label of the article's mentions ``group`` of ``name``; ``countries``: codes of the
    countries the article names."""
    fixed = [m.label for m in group if m.fixed and m.label]
    if fixed:
        return Counter(fixed).most_common(1)[0][0]
    votes = Counter(m.model_label for m in group if m.model_label in LABELS)
    best = max(votes.values(), default=0)
    top = next((lab for lab in LABEL_PRIORITY if best and votes[lab] == best), None)
    person_evidence = any(m.title or m.speaker for m in group)
    # a short form joined ("Kerry" → "John Kerry"); "Waer" to "Al-Waer" is the same name
    key = _loose_key(name_key(name))
    joined = any(m.person and _loose_key(m.key) != key for m in group)
    if not (joined or person_evidence):
        place = gazetteer.place(name)
        if place is not None:
            # Countries, states, regions, and well-known cities the model tagged PERSON, NORP,
            # ORG or WORK_OF_ART ("Aleppo", "Palmyra", "Homs"): the model is wrong.
            return place.label
        first, _, rest = name.partition(" ")
        if first.lower() in COMPASS_WORDS and gazetteer.place(rest):
            return "LOC"  # "Western Aleppo", "east Homs"
        locative = any(m.locative for m in group)
        town = gazetteer.town(name)
        # a town's name is a surname too ("Clinton"): a place where the text says so, or where
        # it is a multi-word name in an article about the town's country ("Khan Sheikhoun")
        if town is not None and (locative or (" " in name and town.country in countries)):
            return town.label
        if locative and top == "PERSON":
            return "GPE"  # "fighting in Quneitra", "Khan Sheikhun countryside"
        # "the Eastern Ghouta region", "the town of Saraqeb" (tagged ORG), "the al-Bustan
        # neighbourhood" (tagged NORP: an Arabic article makes no nationality of it)
        placeable = top == "ORG" or (top == "NORP" and _ARTICLE.match(name) is not None)
        if placeable and _place_like(name) and any(m.place_noun for m in group):
            return "LOC" if votes["LOC"] or first.lower() in COMPASS_WORDS else "GPE"
    if any(m.person for m in group):
        return "PERSON"
    if top == "FAC" and _group_plural(name):
        return "ORG"  # "White Helmets": people, not a building
    return top  # None: only rescue labels and not a known place, not an entity we keep


_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|an|at|az)-", re.IGNORECASE)
PLACE_PLURALS = lexicon.words("place_plurals")


def _group_plural(name: str) -> bool:
    """Does ``name`` end in a plural noun ("White Helmets", "Revolutionary Guards")? A facility is
    a thing; a plural of people-like nouns names a group, an organisation."""
    last = name.split()[-1].lower()
    return (
        len(name.split()) >= 2
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is"))
        and last not in PLACE_PLURALS
    )


def _loose_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """``key`` without Arabic particles, whatever their case ("Al-Waer" ~ "al-Waer" ~ "Waer")."""
    return tuple(w for w in key if w not in NAME_PARTICLES) or key


def _place_like(name: str) -> bool:
    """Could an ORG-tagged ``name`` be a place? Not an acronym ("NHS area") and not ending in an
    organisation word ("Syrian Army areas")."""
    words = name.split()
    return not name.isupper() and words[-1].lower() not in ORG_HEAD_WORDS


# -- optional corpus pass ----------------------------------------------------------------------
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
    names_by_article = [
        {m.name for m in mentions if m.label == "PERSON"}
        for mentions in mentions_by_article.values()
    ]
    spellings = spelling_variants(names_by_article)
    full_articles: dict[str, Counter[str]] = defaultdict(Counter)
    singles: set[str] = set()
    for names in names_by_article:
        for name in {spellings.get(n, n) for n in names}:
            words = name.split()
            if len(words) == 1:
                singles.add(name)
            else:
                full_articles[name_key(words[-1])[-1] if name_key(words[-1]) else ""][name] += 1
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


def spelling_variants(names_by_article: Iterable[Collection[str]]) -> dict[str, str]:
    """``{variant: canonical}`` for full person names the corpus spells several ways ("Rami
    Abdurrahman", "Rami Abdulrahman" → "Rami Abdel Rahman", the spelling in most articles).

    Two names are one when they share the first name and their surnames, written without spaces,
    hyphens and Arabic articles ("Abdel Rahman" → "abdelrahman"), are equal, or long (9 letters
    or more) and one letter apart — two from 11 letters — with the same first letter and last
    three: transliterations differ in vowels and in how the article assimilates ("Abdel",
    "Abdul", "Abdur-"), while "Richards"/"Richardson", "Davis"/"Davies", "Thomson"/"Thompson"
    stay apart. Names often found in one article together are not one: a writer who names both
    means two people (once in five articles is allowed: aggregated pages mix spellings).
    """
    articles: Counter[str] = Counter()
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for names in names_by_article:
        fulls = {n for n in names if len(name_key(n)) >= 2}
        articles.update(fulls)
        for n in fulls:
            together[n].update(fulls)
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in articles:
        by_first[name_key(n)[0]].append(n)
    mapping: dict[str, str] = {}
    for group in by_first.values():
        group.sort(key=lambda n: (-articles[n], -len(n), n))
        canonical: list[str] = []
        for n in group:
            target = next(
                (
                    c
                    for c in canonical
                    if 5 * together[c][n] <= articles[n] and _same_spelling(c, n)
                ),
                None,
            )
            if target is None:
                canonical.append(n)
            else:
                mapping[n] = target
    return mapping


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
    sa, sb = _surname_form(a, articles=True), _surname_form(b, articles=True)
    longest = max(len(sa), len(sb))
    if longest < 9 or not sa or not sb or sa[0] != sb[0] or sa[-3:] != sb[-3:]:
        return False
    return _edit_distance(sa, sb, 2 if longest >= 11 else 1) is not None


def _edit_distance(a: str, b: str, limit: int) -> int | None:
    """Levenshtein distance of ``a`` and ``b`` when it is at most ``limit``, else None."""
    if abs(len(a) - len(b)) > limit:
        return None
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > limit:
            return None
    return row[-1] if row[-1] <= limit else None


def apply_harmonised(
    mentions: Iterable[EntityMention], mapping: Mapping[str, str]
) -> list[EntityMention]:
    """``mentions`` with PERSON names replaced through a :func:`harmonise` mapping."""
    return [
        replace(m, name=mapping[m.name]) if m.label == "PERSON" and m.name in mapping else m
        for m in mentions
    ]
