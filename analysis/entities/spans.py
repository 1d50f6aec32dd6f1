"""Step 1 of the entity extractor: the candidate mentions of a parsed article, each span mended
where the source's lost punctuation ran names together or on ("Manbij Syria" → Manbij, Syria;
"Jayrud 60 kilometres" → Jayrud), with its name proper, title, sentence and the local evidence
(after "in", before "province", subject of a speech verb) the later steps read."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.attrs import IS_ALPHA, LOWER, ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from analysis import doc_arrays, gazetteer, geo, lexicon
from analysis.english import common_word
from analysis.entities.rules import (
    _WS,
    CLUB_HEAD_WORDS,
    CLUB_NAMES,
    COMPASS_WORDS,
    DATE_WORDS,
    DISTANCE_UNITS,
    FACILITY_HEAD_WORDS,
    FACILITY_WORDS,
    HONORIFICS,
    JUNK_NAMES,
    LABELS,
    LIST_WORDS,
    LOCATIVE_PREPOSITIONS,
    MONTHS_AND_DAYS,
    NAME_EPITHETS,
    NAME_LOWER_WORDS,
    NAME_PARTICLES,
    NEWS_AGENCIES,
    NUMBER_WORDS,
    ORG_HEAD_WORDS,
    PARTY_WORDS,
    PERSON_VERBS,
    PLACE_NOUNS,
    RESCUE_LABELS,
    ROLE_TITLES,
    SEAT_VERBS,
    TITLE_MODIFIERS,
    _norp_group,
    _trim_bounds,
    alias,
    clean_name,
    is_given_name,
    is_junk,
    name_key,
    person_alias,
    state_abbreviation,
    strip_titles,
)
from analysis.nlp import text_of

ROLE_NOUNS = lexicon.words("role_nouns")
KIN_NOUNS = lexicon.words("kin_nouns")
CONTEST_NOUNS = lexicon.words("contest_nouns")
ORG_NAME_WORDS = lexicon.words("org_name_words")
NATIONALITY_NOUNS = lexicon.words("nationality_nouns")
OCCUPATION_NOUNS = lexicon.words("occupation_nouns")
HEADLINE_VERBS = lexicon.words("headline_verbs")
INCIDENT_NOUNS = lexicon.words("incident_nouns")
FACILITY_NOUNS = lexicon.phrases("facility_nouns")
CREDIT_JOB_WORDS = lexicon.words("credit_words")
PLACE_FIRST_WORDS = lexicon.words("place_first_words")
ORG_APPOSITION_NOUNS = lexicon.words("org_apposition_nouns")
ORG_AFTER_NOUNS = lexicon.words("org_after_nouns")
ORG_MODIFIER_NOUNS = lexicon.words("org_modifier_nouns")
FIRM_USE_NOUNS = lexicon.words("firm_use_nouns")
FIRM_RESULT_NOUNS = lexicon.words("firm_result_nouns")
# Kinds of company a name in apposition is called ("Ford, the US car company,"): the same
# list quotes.py reads for "the airline", "the carmaker" as a speaker.
FIRM_KIND_NOUNS = lexicon.words("firm_description_nouns") | {"company", "firm"}
ORG_SUFFIX_WORDS = lexicon.words("org_suffix_words")
ORG_OF_HEADS = lexicon.words("org_of_heads")
ORG_GROUP_NOUNS = lexicon.words("org_group_nouns")
SPORTS_ROLE_NOUNS = lexicon.words("sports_role_nouns")
SPORTS_WORDS = lexicon.words("sports_words")
CLUB_MOVE_WORDS = lexicon.words("club_move_words")
FIXTURE_VERBS = lexicon.words("fixture_verbs")
POSITION_WORDS = lexicon.words("position_words")
FIRM_PLURAL_NOUNS = lexicon.words("firm_plural_nouns")
CLUB_RESULT_NOUNS = lexicon.words("club_result_nouns")
CLUB_STAFF_NOUNS = lexicon.words("club_staff_nouns")
CLUB_ROLE_MODIFIERS = lexicon.words("club_role_modifiers")
CLUB_APPOSITION_NOUNS = lexicon.words("club_apposition_nouns")
SPORTS_REPORT_WORDS = lexicon.words("sports_report_words")
ORG_LIST_HEADS = lexicon.words("org_list_heads")
EVENT_HEAD_WORDS = lexicon.words("event_head_words")
FAIR_HEAD_WORDS = lexicon.words("fair_head_words")
LAW_HEAD_WORDS = lexicon.words("law_head_words")
FOLLOWER_NOUNS = lexicon.words("follower_nouns")
WORK_NOUNS = lexicon.words("work_nouns")
CAST_NOUNS = lexicon.words("cast_nouns")
BAND_MEMBER_NOUNS = lexicon.words("band_member_nouns")
PRODUCT_NOUNS = lexicon.words("product_nouns")
PRODUCT_MODEL_WORDS = lexicon.words("product_model_words")
PRODUCT_VERBS = lexicon.words("product_verbs")
DEAL_NOUNS = lexicon.words("deal_nouns")
INVESTING_WORDS = lexicon.words("investing_words")
ORG_OFFICER_NOUNS = lexicon.words("org_officer_nouns")
# place nouns next to a name, for the entity extractor only ("the cities of al-Rai")
NEAR_PLACE_NOUNS = PLACE_NOUNS | lexicon.words("entity_place_nouns")
# "the UK-based Syrian Observatory", "a London-based group": the seat of whoever is described,
# not a place the story is about. Counted, it made the United Kingdom the sixth most covered
# entity of the FA-KES war reports (202 of its 389 mentions) and the Observatory's most
# frequent companion; such a name is no mention.
SEAT_SUFFIXES = ("-based", "\u2010based", "\u2013based")


def _is_seat(ent: Span) -> bool:
    """``ent`` names where whoever a participle describes sits ("… based in Britain said")."""
    root = ent.root
    prep = root.head
    verb = prep.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "in"
        and verb.lemma_.lower() in SEAT_VERBS
        and verb.dep_ in ("acl", "amod", "relcl")
    )


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
    # in a sports report, put somewhere by "at" alone: "his time at Chelsea", "the defeat at
    # Newcastle" are at the club or its ground (labelling._club_throughout)
    at_club: bool = False
    name: str = ""
    label: str = ""
    fixed: bool = False  # name and label come from an alias/acronym: not open to voting
    person: bool = False  # a person (tagged, titled, or joined to a fuller person name)
    named: bool = False  # after "a witness named": a person, whatever place has the name
    facility: bool = False  # before "airport", "air base", "hospital": a facility's name
    org_cue: bool = False  # "oil giant Yukos", "the Maserati brand", "Everton v Sunderland"
    person_cue: bool = False  # "CEO Carly Fiorina", "Ben Carson, Carly Fiorina and …"
    kin: bool = False  # "her husband, Frank Fiorina": introduced as someone's relative
    # "changed his name, Rafael Edward Cruz", "born Stefani Germanotta": a name the person
    # bore, not a person of its own for short forms to join
    former_name: bool = False
    # an item of a list of people: "sung by Bono, Stevie Wonder and Norah Jones", a line-up,
    # or a name joined by "and" to a person ("Bush and even Obama")
    person_list: bool = False
    # in a sports report, in brackets after a player of a line-up ("Mike Blair (Edinburgh
    # Rugby)", "Jon Dunbar (captain, Leeds)"): the player's club (labelling._decide_label)
    line_up_club: bool = False
    # the article is a sports report or a sentence of it speaks of sport (:func:`names_sport`):
    # a club's nickname or its ground is the club (labelling._club_by_its_name)
    sport_named: bool = False
    # this mention, in its own sentence, is a club or a band however the name is labelled
    # elsewhere: "Chelsea striker", "joined Chelsea for £5m", "bands including Echo and …"
    org_use: bool = False
    # one word this sentence uses as a company's ("Ford's sales", "Ford reported a loss"):
    # not the person of that surname the article names (:func:`used_as_firm`)
    firm_use: bool = False
    # the article is a sports report (:func:`sports_report`): a town it names as a club in one
    # sentence and never puts anything in is the club in its other sentences too
    sports_report: bool = False
    # right after a work's noun ("the film The Aviator", "British movie Vera Drake"): a
    # title's name where the model tagged an organisation (labelling._decide_label)
    work_cue: bool = False
    # tagged PERSON, a film's, a show's or a record's title by its sentence ("his new thriller
    # Hide and Seek", "Closer, starring Jude Law", "Boogeyman took $19m"): no one's name
    # unless the article names him otherwise; tagged ORG, by what its sentence says of it
    # ("The Aviator has taken $75m", "The Aviator is a gorgeous movie"): no body's
    # (labelling._decide_label)
    title_cue: bool = False
    # one word the text itself calls a work or a band, given name or not, however tagged: a
    # work's noun beside it ("the Spider-Man films", "the film Ray"), or a cast's or a band's
    # noun between it and a person ("Ray star Jamie Foxx", "Keane frontman Tom Chaplin"):
    # "work" or "band", else "" (labelling._decide_label)
    work_named: str = ""
    # a made thing's noun right after the name ("the Cell chip", "Symbian phones"), or a
    # product's model name tagged PERSON ("the Mac Mini", "launched the Xbox 360")
    product_cue: bool = False
    # what a deal in a company makes of the name: "object" after "the sale of", "shares in",
    # "a bid for" ("the auction of Yugansk"); "owner" before one ("Gazprom's bid"); else ""
    deal: str = ""
    # one word with a "which" clause ("Euronext, which combines three exchanges"): a thing's
    # name, no person's (labelling._org_by_use)
    which_clause: bool = False
    # a place's name that is a word of a work's title or of an event's name here ("the film
    # Flight of the Phoenix", "the Sundance film festival"): no place in this sentence
    no_place: bool = False
    # the surname of a family ("the Bush family", "the Assad clan"), or perhaps a family's plural
    # ("the Clintons": naming._name_families decides, by the article's people): "family"/"plural"
    family: str = ""
    # tagged PERSON before a noun of a politician's tenure or run ("the Bush administration",
    # "the Obama presidency", "the Trump campaign"): a person's name, whatever town bears it
    tenure: bool = False
    # an acronym the text spells out in brackets right after it ("Tara (Total Abstract
    # Rendering Architecture)"): a thing's or a body's short name, however a name it looks
    spelt_out: bool = False
    # right after "the" ("take on the NRA", "the BBC"): an acronym so written is a body's; a
    # place's acronym the gazetteer does not know is written bare ("in NYC", "LA traffic")
    after_the: bool = False
    # one word after "the" heading its noun phrase ("the Bernabeu", "the Gunners", "the
    # Blues' approach"; not "the Tomlinson review"): no person's name is so written
    the_head: bool = False


def _describes_someone(doc: Doc, ent: Span, label: str) -> bool:
    """Is the lone nationality noun ``ent`` ("Briton") a description of someone, as the model
    tagged it a person, or after "the" at a sentence's start or in lower case ("The Briton, made
    a dame …", "but the Briton faded")? Not a paper's name ("political editor of The
    Scotsman", "Scotsman journalist Hamish MacDonell") nor a people (NORP)."""
    if label == "PERSON":
        return True
    if label == "NORP" or ent.start == 0:
        return False
    before = doc[ent.start - 1]
    return before.lower_ == "the" and (before.is_sent_start or before.text == "the")


# "F.B.I.", "L.G.B.T.": capitals, each with its full stop (The New York Times' house style)
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){3,}")


def undotted_acronym(bare: str) -> str | None:
    """``bare`` without its full stops when it is an acronym of three letters or more written
    with them ("F.B.I." → "FBI", "M.I.T." → "MIT"), which no alias or place table knows dotted
    ("U.S.A." is a country's); else None. Dotted, the name split from its plain spelling
    across a corpus ("F.B.I." beside "FBI"), and the model tags it a place (7 PolNeAR
    articles had "F.B.I." a GPE): no place is written so, so a place label becomes ORG."""
    if not _DOTTED_ACRONYM.fullmatch(bare) or alias(bare) is not None:
        return None
    plain = bare.replace(".", "")
    if gazetteer.place(bare) is not None or gazetteer.place(plain) is not None:
        return None
    return plain


# "(Total Abstract Rendering Architecture": the bracket right after a name, with its words
_BRACKET_AFTER = re.compile(r"\s?\(([^()\n]{3,100})")
# lower-case words an expansion skips in its initials ("Campaign for Nuclear Disarmament")
_EXPANSION_SKIPS = frozenset({"of", "and", "the", "for", "in", "on", "to", "&"})


def spelt_out(bare: str, text: str, end: int) -> bool:
    """Is the one-word name ``bare``, ending at ``end`` of ``text``, an acronym the text spells
    out in brackets right after it: "Tara (Total Abstract Rendering Architecture)", "Nasa
    (National Aeronautics and Space Administration)"? The initials of the bracket's
    capitalised words spell the name. A name so defined is no person's, whatever given name
    it shares ("Tara" had been a person of the BBC store); a person's name is never spelt
    out so."""
    if " " in bare or not 2 <= len(bare) <= 8 or not bare.isalpha():
        return False
    found = _BRACKET_AFTER.match(text, end)
    if found is None:
        return False
    words = [w for w in found.group(1).split() if w.lower() not in _EXPANSION_SKIPS]
    if len(words) != len(bare) or not all(w[:1].isupper() for w in words):
        return False
    return "".join(w[0] for w in words).lower() == bare.lower()


def _town_tagged_date(ent: Span) -> bool:
    """Is the DATE-tagged ``ent`` a town's name the model ran into a date's label ("near
    Manbij on July 19", "Mayadeen is one of …": 11 FA-KES mentions)? Proper nouns only, no
    number, month, weekday or date word; a city the gazetteer knows, or a smaller town where
    the text puts something in it ("fighting raged in Quneitra"). A country's name stays out
    ("the Syria quarter"), and so does a holiday that is some town's name too (no cue)."""
    if any(
        t.pos_ != "PROPN" or t.like_num or t.lower_ in MONTHS_AND_DAYS or t.lower_ in DATE_WORDS
        for t in ent
    ):
        return False
    known = gazetteer.place(ent.text)
    if known is not None:
        return known.kind == "city"
    return gazetteer.town(ent.text) is not None and _locative(ent.doc, ent)


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
    credit_from = credit_tail(text)
    slogans = _slogan_spans(text)
    out: list[_Mention] = []
    report = sports_report(doc)
    sport = report or names_sport(doc)
    work_titles = _untagged_work_titles(doc)
    org_words = _untagged_org_words(doc)
    org_used = doc.user_data[ORG_USE_KEY] = set()  # read by the figures (org_use_tokens)
    # filled by _respan (_work_title, _named_event), read here and by the figures (no_place_tokens)
    no_place = doc.user_data[NO_PLACE_KEY] = set()
    for ent in (piece for span in _spans(doc) for piece in _respan(doc, span)):
        label = ent.label_
        if label == "DATE" and _town_tagged_date(ent):
            label = "GPE"  # "fled a village near Manbij on July 19" (Manbij tagged DATE)
        if label not in LABELS and label not in RESCUE_LABELS:
            continue
        if ent.start_char >= credit_from:
            continue  # the story's byline: its writers, not people it is about
        if any(lo <= ent.start_char and ent.end_char <= hi for lo, hi in slogans):
            continue  # "chanting Feel the Bern": a slogan's word, not Bern the city
        named = _named_person(doc, ent.start) or label in OWNER_LABELS and _owns_person(doc, ent)
        if named:
            label = "PERSON"  # "a witness named Ahmad" (tagged GPE, mapped in Kuwait)
        if text.startswith(SEAT_SUFFIXES, ent.end_char) or _is_seat(ent):
            continue
        if _cut_name_word(doc, ent):
            continue
        surface = text[ent.start_char : ent.end_char]
        lo, hi = _trim_bounds(surface)
        if lo >= hi:
            continue
        lo += _lost_possessive_prefix(surface[lo:hi])
        written = _WS.sub(" ", surface[lo:hi])
        bare, title = strip_titles(written)
        # an editor's brackets inside a quotation ("[Hillary] Clinton", "[W]e"): the name is
        # the words without them (and "We" no name at all)
        bare = bare.replace("[", "").replace("]", "")
        undotted = undotted_acronym(bare)
        if undotted is not None:
            bare = undotted
            if label in ("GPE", "LOC", "FAC"):
                label = "ORG"  # "the F.B.I.", "the I.R.S." (tagged GPE): the body
        if title is None and ent.start > 0:
            prev = doc[ent.start - 1].text.lower().rstrip(".")
            # an honorific is written capitalised: "Polls miss Trump's fall" has no Miss Trump
            if (
                prev in HONORIFICS and doc[ent.start - 1].text[:1].isupper()
            ) or prev in ROLE_TITLES:
                title = prev
        if title is None and label in ("ORG", "GPE"):
            # "Nick Davies, spokesman for the IAAF, said …" (tagged ORG): a role in apposition
            # is a person's, as a title before the name is.
            title = next(
                (
                    c.lower_
                    for c in ent.root.children
                    if c.dep_ == "appos" and c.lower_ in ROLE_NOUNS
                ),
                None,
            )
        place_noun = _next_to_place_noun(doc, ent.start, ent.end) or (
            label == "PERSON" and _place_first_word(bare)
        )
        if (
            title
            and label == "PERSON"
            and ent.end < len(doc)
            and doc[ent.end].text.lower() in PLACE_NOUNS
        ):
            bare, title = written, None  # "Sheikh Maqsoud neighbourhood": the title is the name's
        if is_junk(bare) or (title and not bare) or (label != "PERSON" and _date_debris(bare)):
            continue
        if bare.lower() in NATIONALITY_NOUNS and _describes_someone(doc, ent, label):
            continue  # "the Briton outsprinted her": a description, no one's name
        if label == "PERSON" and any(w.lower() in FOLLOWER_NOUNS for w in bare.split()[1:]):
            continue  # "Trump Supporter", "Jenkins Supporters Cheer": a headline's phrase
        key = name_key(bare)
        if not key:
            continue
        root = ent.root
        person_cue = _person_cue(doc, ent)
        line_up = sport and _line_up_club(doc, ent)
        speaker = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in PERSON_VERBS
        locative = _locative(doc, ent) or place_noun
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
                at_club=locative and report and _at_only(ent),
                place_noun=place_noun,
                named=named,
                facility=_facility_after(doc, ent.end),
                org_cue=_org_cue(doc, ent)
                or (len(key) == 1 and key in org_words)
                # (a sports report's line-up lists players among clubs: "Subs not used: Hislop,
                # Quashie, Cisse, Portsmouth and Arsenal")
                or (not sport and not person_cue and _listed_among_bodies(ent)),
                person_cue=person_cue,
                kin=_kin(doc, ent),
                former_name=_former_name(doc, ent),
                person_list=_in_person_list(doc, ent) or _person_conj(doc, ent),
                org_use=used_as_org(doc, ent) or line_up,
                firm_use=not report and used_as_firm(ent),
                line_up_club=line_up,
                sports_report=report,
                sport_named=sport,
                work_cue=_after_work_noun(doc, ent.start)
                or key in work_titles
                or _work_listed(ent),
                title_cue=(label == "PERSON" and _title_cue(doc, ent))
                or (label == "ORG" and _work_by_its_sentence(doc, ent)),
                work_named=_work_named(doc, ent),
                product_cue=_product_noun_after(doc, ent.end) or _product_model(doc, ent),
                deal="" if report else _deal_use(doc, ent),
                which_clause=_which_clause(ent),
                no_place=ent.start in no_place,
                family=_family_use(doc, ent),
                tenure=(
                    _tenure_noun_after(doc, ent)
                    if label == "PERSON"
                    else label in ("ORG", "GPE", "LOC") and _camp_of_person(doc, ent)
                ),
                spelt_out=spelt_out(bare, text, ent.start_char + hi),
                after_the=ent[0].lower_ == "the"
                or (ent.start > 0 and doc[ent.start - 1].lower_ == "the"),
                the_head=label == "PERSON" and _the_head(doc, ent),
            )
        )
        if out[-1].org_use:
            org_used.update(range(ent.start, ent.end))
    return out


# The doc's tokens the entity pass judged a club's or a band's name in their sentence
# (used_as_org), kept in ``doc.user_data`` so the figures read the judgement, not make it again.
ORG_USE_KEY = "presslens.org_use_tokens"


# The doc's tokens of a place's name that the entity pass found inside a work's title or an
# event's name (:func:`_work_title`, :func:`_named_event`): no place for the map or a figure.
NO_PLACE_KEY = "presslens.no_place_tokens"


def no_place_tokens(doc: Doc) -> set[int]:
    """The tokens of ``doc`` the entity pass judged words of a title or of an event's name, not
    places (empty when it has not run on this doc)."""
    return doc.user_data.get(NO_PLACE_KEY, set())


def org_use_tokens(doc: Doc) -> set[int] | None:
    """The tokens of ``doc`` the entity pass judged a club's or a band's name (None when it has
    not run on this doc)."""
    return doc.user_data.get(ORG_USE_KEY)


# Words between the items of a list of names ("Gordon, Webster and Miller", "Subs: Wright, Weir").
LIST_SEPARATORS = frozenset({",", ";", "and", "&"})
# A list of names is one of people when this many of its other items the model tags PERSON, and
# more of them than it tags places: a line-up ("Gordon, Webster, Miller, Hartley, Neilson"), a
# bill of singers ("by Bono, Stevie Wonder, Norah Jones and Brian Wilson").
PERSON_LIST_MIN = 2
# The most tokens a bracket in a list holds ("(MacFarlane 64)", "(Glasgow)").
BRACKET_MAX = 8


def _in_person_list(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` an item of a list of people's names in its sentence (see
    :data:`PERSON_LIST_MIN`)? The list's items are runs of capitalised words between
    :data:`LIST_SEPARATORS`, each maybe after an initial ("A Henderson", "M Blair") and before a
    bracket ("Simmons (MacFarlane 64)", "A Henderson (Glasgow)": a substitute, a player's club,
    skipped). A town's name in such a list is a player's or a singer's: Henderson, Hartley,
    Vaughan and Bono had been drawn as towns from BBC line-ups and a concert's bill."""
    labels = _list_items(doc, ent.start - 1, -1) + _list_items(doc, ent.end, 1)
    people = labels.count("PERSON")
    places = sum(label in ("GPE", "LOC") for label in labels)
    return people >= PERSON_LIST_MIN and people > places


def _list_items(doc: Doc, i: int, step: int) -> list[str]:
    """The model's labels ("" for none) of the items of a list of names from token ``i`` on,
    walking ``step`` (-1 leftwards, 1 rightwards) away from a name: each item a run of
    capitalised words after a separator, until something no list of names holds (a lower-case
    word, a full stop, a line break)."""
    labels: list[str] = []
    n = len(doc)
    # The tokens' words and shapes as lists: a list runs over many tokens, each read twice.
    texts = doc_arrays.strings(doc, ORTH)
    lowers = doc_arrays.strings(doc, LOWER)
    alpha = doc_arrays.column(doc, IS_ALPHA)
    capital = doc_arrays.capitalised(doc)
    while 0 <= i < n:
        separated = False
        while 0 <= i < n:  # separators, brackets and initials between two items
            text = texts[i]
            if text == (")" if step < 0 else "("):
                close = "(" if step < 0 else ")"
                j = i + step
                while 0 <= j < n and abs(j - i) <= BRACKET_MAX and texts[j] != close:
                    j += step
                if not (0 <= j < n) or texts[j] != close:
                    return labels
                i = j + step
            elif lowers[i] in LIST_SEPARATORS:
                separated = True
                i += step
            elif len(text.rstrip(".")) == 1 and text[:1].isupper():
                i += step  # an initial: "A Henderson", "M. Blair"
            else:
                break
        if not separated or not 0 <= i < n:
            return labels
        j = i
        while 0 <= j < n and alpha[j] and capital[j]:
            j += step
        if j == i:
            return labels
        labels.append(doc[i].ent_type_)
        i = j
    return labels


def _kin(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` introduced as someone's relative: a kinship noun right before it, a comma
    between or not ("her husband, Frank Fiorina", "his son Euan Blair")?"""
    i = ent.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if ent.end < len(doc) and doc[ent.end].tag_ == "POS":
        return False  # "the death of his mother, Chad's ambassador confirmed": a new clause
    return i >= 0 and doc[i].lower_ in KIN_NOUNS


_NAME_NOUNS = frozenset({"name", "surname"})
_BORN_WORDS = frozenset({"born", "née", "nee"})


def _former_name(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` given as a name someone bore rather than as a person: in apposition to the
    noun "name" ("he changed his name, Rafael Edward Cruz, as a teenager") or after "born" /
    "née" ("Lady Gaga, born Stefani Germanotta")? Ted Cruz's birth name had made every later
    "Mr. Cruz" a Rafael Cruz, his father's name."""
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in _NAME_NOUNS:
        return True
    i = ent.start - 1
    # "born" as a word of its own, not the end of "Korean-born" ("South Korean-born Monte
    # Haines" is the man himself)
    return i >= 0 and doc[i].lower_ in _BORN_WORDS and (i == 0 or doc[i - 1].whitespace_ != "")


def _person_cue(doc: Doc, ent: Span) -> bool:
    """Does the text use ``ent`` as a person's name, whatever the model's label: a role noun
    right before it ("former Hewlett-Packard CEO Carly Fiorina", "rival Carly Fiorina") or a
    person the model tagged in the same list ("Ben Carson, Carly Fiorina and Mike Huckabee")?
    The role nouns include a contest's (:data:`CONTEST_NOUNS`: "hopeful", "rival"), and a list
    may be one item a line ("8. Carly Fiorina (7.)" between "7. John Kasich (8.)" and "9. Rand
    Paul (9.)": a ranking of candidates, where the model tags each line alone).
    (Read only for a name that opens with a given name: see naming._name_people.)"""
    nouns = ROLE_NOUNS | CONTEST_NOUNS
    if ent.start > 0 and doc[ent.start - 1].lower_ in nouns:
        return True
    root = ent.root
    if root.dep_ == "appos" and root.head.lower_ in nouns:
        return True  # "One Republican candidate, Carly Fiorina, says …"
    linked = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        linked.append(root.head)
    if any(t.ent_type_ == "PERSON" and not (ent.start <= t.i < ent.end) for t in linked):
        return True
    return _person_in_line_list(doc, ent)


def _cut_name_word(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` one ordinary English word (:func:`geo.ordinary_word`) the model cut off the
    name of a day it did not tag as a name: a capitalised weekday right after it ("Super
    Tuesday", "the Super Tuesday contests", "Black Friday")? Only a word of the day's name, no name of its
    own. (Not any capitalised word after it: "House Speaker", "FBI Director", "Republican
    Sen." keep their body or their people.)"""
    j = ent.end
    if (
        len(ent) != 1
        or j >= len(doc)
        or ent.label_ == "PERSON"
        or ent.text.isupper()  # "aired on BET Tuesday night": an acronym, a channel's name
        or not geo.ordinary_word(ent.text)
    ):
        return False
    after = doc[j]
    return (
        after.text[:1].isupper() and after.lower_ in DAY_NAMES and gazetteer.place(ent.text) is None
    )


# The names of the days of the week (lexicon weekdays.txt).
DAY_NAMES = lexicon.words("weekdays")


def _listed_among_bodies(ent: Span) -> bool:
    """Is the one word ``ent``, no given name, one of a list ("A, B and C") of two or more
    names the model tagged organisations and fewer it tagged people ("Green Day, the Foo
    Fighters and Keane", "Scissor Sisters, Franz Ferdinand, Keane, Joss Stone and McFly")? A
    band or a firm keeps such company; a person's name is written in full, or joined to its
    full form elsewhere, which the labeller weighs first ("Hezbollah, Iran and Assad")."""
    if len(ent) != 1 or is_given_name(ent.text) or _list_noun(ent) is not None:
        return False  # ("classical authors like Cicero, Virgil and Tacitus": the noun says)
    head = ent.root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    sent = ent.sent if ent.doc.has_annotation("SENT_START") else ent.doc[:]
    if any(t.text == ":" for t in ent.doc[sent.start : head.i]):
        return False  # a team sheet's line: "Replacements (from): Bozzi, Coutts, Lund, …"
    members, todo = [], [head]
    while todo:  # the list's heads, joined to its first by "conj" alone
        t = todo.pop()
        members.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    # each other member's head word, as the model tagged its name
    kinds = [t.ent_type_ for t in members if not ent.start <= t.i < ent.end]
    n_orgs, n_people = kinds.count("ORG"), kinds.count("PERSON")
    # (a town among them makes it a team sheet's or a fixture list's: "Subs not used: Hislop,
    # Quashie, Cisse, Portsmouth and Arsenal", a player among clubs)
    return n_orgs >= 2 and n_orgs > n_people and "GPE" not in kinds


def _person_conj(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` joined by "and"/"or" to a person's name, the model's PERSON that is no place
    the gazetteer knows ("Bush and even Obama sent people back", "Cruz and Kasich"), in no
    place phrase ("in Carson and Compton": both towns, the model's people)? Such a pair
    names two people: the model had made places of Bush and Kasich beside them."""
    root = ent.root
    linked = [c for c in root.children if c.dep_ == "conj"]
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if root.dep_ == "conj":
        linked.append(root.head)
    if first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPOSITIONS:
        return False
    if _town_and_state(doc, ent) or _before_place_noun(doc, root):
        return False
    for t in linked:
        if t.ent_type_ != "PERSON" or ent.start <= t.i < ent.end:
            continue
        person = next((e for e in doc_arrays.entities(doc) if e.start <= t.i < e.end), None)
        if person is not None and _surely_a_person(person) and not _place_name(person):
            return True
    return False


def _place_name(ent: Span) -> bool:
    """Is the name of several words ``ent`` one a gazetteer table knows as a place, village or
    more ("Sandy Hook" of "Orlando or Sandy Hook", tagged PERSON)? (One word says too little:
    Obama is a town in Japan.)"""
    name = ent.text
    return " " in name and (
        gazetteer.place(name) is not None or gazetteer.village(name) is not None
    )


def _surely_a_person(ent: Span) -> bool:
    """Is the model's PERSON ``ent`` a person whatever else bears the name: a given name first
    ("Ted Cruz", "Adam"), a person the corpus-wide table knows ("Obama"), or the surname of
    such a full name in the article ("Cruz" of "Sen. Ted Cruz")? Not a firm or a town the
    model called a person too ("Pfizer", "San Pedro Sula", "Macomb")."""
    key = name_key(ent.text)
    if not key:
        return False
    if is_given_name(key[0]) or person_alias(key) is not None:
        return True
    return len(key) == 1 and any(
        e.label_ == "PERSON"
        and len(full := name_key(e.text)) >= 2
        and full[-1] == key[0]
        and is_given_name(full[0])
        for e in doc_arrays.entities(ent.doc)
    )


def _town_and_state(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` followed by a comma and a place ("Carmel, Indiana", "Caracas, Venezuela",
    "Charlottesville, VA"): a town written with its state or country?"""
    j = ent.end
    return (
        j + 1 < len(doc)
        and doc[j].text == ","
        and (
            doc[j + 1].ent_type_ in ("GPE", "LOC")
            or state_abbreviation(doc[j + 1].text) is not None
        )
    )


def _before_place_noun(doc: Doc, root: Token) -> bool:
    """Is the list ``root`` is an item of a list of places: its items before a place noun
    ("Hamilton, Lake and Stark counties") or after one ("the counties of Macomb and Oakland")?"""
    items = [root, *root.conjuncts]
    last = max(t.i for t in items)
    first = min(items, key=lambda t: t.i)
    if last + 1 < len(doc) and doc[last + 1].lemma_.lower() in PLACE_NOUNS:
        return True
    prep = first.head
    return first.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS


# What a numbered list's line holds besides its name: rank numbers, stops, brackets, bullets.
_LIST_LINE_REST = re.compile(r"[\s\d.,;:()#*•·–-]*")


def _list_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The line holding text[start:end] when the rest of it is only a list item's numbers and
    marks, one digit or bullet at least (an item of a ranked list), else None."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    rest = text[lo:start] + " " + text[end:hi]
    if not _LIST_LINE_REST.fullmatch(rest) or not re.search(r"[\d*•·]", rest):
        return None
    return lo, hi


def _person_in_line_list(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` an item of a list written one item a line whose next or previous item is a
    name the model tagged PERSON, alone on its line likewise?"""
    text = text_of(doc)
    line = _list_line(text, ent.start_char, ent.end_char)
    if line is None:
        return False
    lo, hi = line
    before = text[:lo].rstrip()  # the previous non-blank line
    neighbours = [(before.rfind("\n") + 1, len(before))] if before else []
    after = len(text) - len(text[hi:].lstrip())  # the next non-blank line
    if after < len(text):
        end = text.find("\n", after)
        neighbours.append((after, len(text) if end < 0 else end))
    for a, b in neighbours:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and any(
            e.label_ == "PERSON" and _list_line(text, e.start_char, e.end_char) == (a, b)
            for e in span.ents
        ):
            return True
    return False


# One word of a byline: a capitalised name or word of one ("Hazem", "Sabbagh", "MBMB"), a name
# with an Arabic article or particle ("al-Frieh", "el-Zein"), initials ("H.", "R.J", "H.Zain").
_BYLINE_WORD = re.compile(r"(?:[A-Z]\.)*[A-Z][\w'’-]*|[a-z]{1,3}-[A-Z][\w'’-]*|(?:[A-Z]\.?)+")
_SENTENCE_END = (".", "!", "?", '"', "”", "'", "’", ")")


# Campaign slogans ("Feel the Bern", "Make America Great Again"), as whole words in any case.
SLOGANS = lexicon.phrases("slogans")
_SLOGAN = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(SLOGANS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def _slogan_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the slogans in ``text``: a name the model finds inside one is the
    slogan's word ("Feel the Bern" is no mention of Bern, nor "Make America Great Again" a
    building), and a slogan is no entity of its own."""
    if not _SLOGAN.pattern:
        return []
    return [m.span() for m in _SLOGAN.finditer(text)]


def credit_tail(text: str) -> int:
    """Offset where the story's byline starts, else ``len(text)``: the names after its last
    sentence and before its end, with nothing else on that stretch of the line — a name alone on
    the last line, or after the last full stop ("… public and private properties. Hazem Sabbagh",
    SANA's reporters "Manar al-Frieh/Manal / Hazem Sabbagh", "R. Milhem / Ghossoun/H. Said",
    "Youssef Diab Paula Astih and Najla Habriri."). Those are the story's writers, not people
    it is about: counted, a wire's two reporters were among the ten most covered people of
    FA-KES. Two name words at least ("Twitter" after a source line is a share button, not a
    byline); none after a lower-case word without a sentence's end ("… a goal from Wayne Rooney"
    ends a sentence whose full stop was lost); the whole text is no byline of itself."""
    body = text.rstrip()
    end = len(body) - 1 if body.endswith(".") and not body.endswith("..") else len(body)
    # The words of the text's last stretch only (the byline is at most 12 names); the whole
    # text when the walk reaches the stretch's first word, which may be cut.
    first = max(0, end - _CREDIT_REACH)
    found = _credit_start(body, end, first)
    if found is None:
        found = _credit_start(body, end, 0)
    return len(text) if found is None or found < 0 else found


# How far from a text's end its byline's words are looked for first (see credit_tail).
_CREDIT_REACH = 400


def _credit_start(body: str, end: int, first: int) -> int | None:
    """:func:`credit_tail`'s answer from the words of ``body[first:end]``: the byline's offset,
    -1 for none, None when the walk reached the first of those words and ``first`` is not the
    text's start (the words before it are needed)."""
    words = [(first + m.start(), m.group()) for m in re.finditer(r"\S+", body[first:end])]
    k, names = len(words), 0
    while k > 0 and names <= 12:
        word = words[k - 1][1]
        parts = [p for p in word.split("/") if p]  # "Frieh/Manal", "/", "R.J/"
        if word == "and" and names and k > 1:
            k -= 1  # "Paula Astih and Najla Habriri"
        elif all(_BYLINE_WORD.fullmatch(p) for p in parts):
            names += len(parts)
            k -= 1
        else:
            break
    if first > 0 and k <= 1:
        return None  # the walk reached the stretch's first word, perhaps cut: read them all
    if names < 2 or names > 12 or k in (0, len(words)):
        return -1  # no names, a lone word, the whole text, or a long run of capitals
    boundary, tail = words[k - 1], words[k][0]
    if boundary[1].endswith(_SENTENCE_END) or "\n" in body[boundary[0] : tail]:
        return tail
    return -1


# Nouns of a person whom the text then names: "a witness named Ahmad", "a man called Ali".
NAMED_PERSON_NOUNS = lexicon.words("people_nouns") | ROLE_NOUNS | {"witness", "eyewitness"}


# Words that say the name after them is a family's: "the same family name of Qabs", "the
# surname Smith" (tagged LOC, a family's name had become the place of the family's dead).
FAMILY_NAME_WORDS = frozenset({"surname", "surnames", "surnamed"})
FAMILY_NAME_FIRST_WORDS = frozenset({"family", "last", "second"})


def _family_name(doc: Doc, start: int) -> bool:
    """Whether the name at token ``start`` follows "family name (of)", "last name", "surname"."""
    i = start - 1
    if i >= 0 and doc[i].text.lower() == "of":
        i -= 1
    if i < 0:
        return False
    word = doc[i].text.lower()
    return word in FAMILY_NAME_WORDS or (
        word in ("name", "names") and i > 0 and doc[i - 1].text.lower() in FAMILY_NAME_FIRST_WORDS
    )


def _named_person(doc: Doc, start: int) -> bool:
    """Whether the name at token ``start`` follows "<a person noun> named/called", or is a
    family's name (:func:`_family_name`)."""
    if _family_name(doc, start):
        return True
    if start < 2 or doc[start - 1].lower_ not in ("named", "called"):
        return False
    noun = doc[start - 2]
    # one person: "forces called the SDF" names a force
    return noun.lower_ in NAMED_PERSON_NOUNS and noun.tag_ == "NN"


# Nouns of a family that a surname right before them names: "the Bush family", "the Assad clan".
# Not "families": "Sandy Hook families", "military families" are of a place or a kind.
FAMILY_NOUNS = frozenset({"family", "clan", "dynasty"})
# Dependencies of a name's last word on the noun after it that make the two one noun phrase:
# for a family's plural, a noun the name modifies makes its "s" a possessive the source lost
# ("the Assads forces"); for a place run into the next sentence, the words it opens. (Defined
# twice until 12-06, with "poss" in place of "nummod" the first time; the second definition was
# the one both rules read, and is kept.)
_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "nmod"})


def _family_use(doc: Doc, ent: Span) -> str:
    """How ``ent`` may name a family rather than one person: "family" when a family noun follows
    it ("the Bush family", "the Clinton family's foundation": the family, a group, not the Jeb
    Bush or Hillary Clinton the article names in full); "plural" when it is one word after
    "the", ending in "s", that modifies no noun ("the Clintons said", "the Kennedys"), which
    naming keeps as a family only where the article names a person of that surname ("the
    Democrats", "the Philippines" name none); else ""."""
    j = ent.end
    if j < len(doc) and doc[j].lower_ in FAMILY_NOUNS and doc[j].text.islower():
        return "family"
    root = ent.root
    if (
        len(ent) == 1
        and ent.start > 0
        and doc[ent.start - 1].lower_ == "the"
        and ent.text.endswith("s")
        and ent.text[:1].isupper()
        and not ent.text.isupper()
        and root.dep_ not in _MODIFIER_DEPS
        and not (j < len(doc) and doc[j].text in ("'s", "’s"))
    ):
        return "plural"
    return ""


# Nouns a politician's name modifies: "the Bush administration", "the Obama presidency". Read
# only where the model tagged the name a person ("the Aleppo campaign" is a battle's).
TENURE_NOUNS = frozenset({"administration", "administrations", "presidency", "campaign"})


def _tenure_noun_after(doc: Doc, ent: Span) -> bool:
    """Does ``ent`` modify a noun of :data:`TENURE_NOUNS` right after it ("the Bush
    administration")? The gazetteer's Būsh, a city in Egypt, had made a place of "Bush" there."""
    j = ent.end
    return (
        j < len(doc)
        and doc[j].lower_ in TENURE_NOUNS
        and doc[j].text.islower()
        and ent.root.head.i == j
    )


# Nouns of the people around one person (lexicon person_camp_nouns): "the Sanders camp".
PERSON_CAMP_NOUNS = lexicon.words("person_camp_nouns")
# Words that name a body whose aides and delegates these are ("a Senate aide").
_BODY_WORDS = lexicon.words("chamber_nouns") | lexicon.words("org_head_words")
_PLACE_CAMPS = frozenset({"camp", "camps"})


def _camp_of_person(doc: Doc, ent: Span) -> bool:
    """Is the one word ``ent``, tagged an organisation (or a place, but for a camp), a person's
    name before a noun of that person's people ("the Sanders camp has identified …", "a Sanders aide", "a Sanders
    delegate from Vermont")? Not a body's word ("a Senate aide"), an acronym ("a GOP
    delegate"), a common word ("a Treasury aide") or a place ("an Iowa delegate"): the
    organisations and places that have aides and delegates; the alias tables fix the names of
    the others ("a Kremlin aide")."""
    j = ent.end
    word = ent.text
    if not (
        len(ent) == 1
        and j < len(doc)
        and doc[j].lower_ in PERSON_CAMP_NOUNS
        # a camp after a name the model calls a place is a refugee camp ("the Rukban camp"),
        # and so is one the text does not make a subject that acts ("The attack on the Abedin
        # camp was barbaric", tagged ORG): a person's camp identifies, says, plans
        and (doc[j].lower_ not in _PLACE_CAMPS or (ent.label_ == "ORG" and doc[j].dep_ == "nsubj"))
        and doc[j].text.islower()
        and ent.root.head.i == j
        and word.isalpha()
        and word.istitle()
        and word.lower() not in _BODY_WORDS
    ):
        return False
    if gazetteer.place(word) or gazetteer.town(word) or gazetteer.village(word):
        return False
    return not common_word(word)


# Nouns whose owner is a person, never a place: "Anderson's hometown of Odense" (tagged GPE, and
# drawn in Anderson, Indiana), "Salem's widow".
PERSON_OWNED_NOUNS = KIN_NOUNS | {"hometown", "birthplace"}
# The labels of a name that may own one: a person's or a place's ("CNN's sister network" is the
# channel's, tagged ORG).
OWNER_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})


def _owns_person(doc: Doc, ent: Span) -> bool:
    """Whether the name ``ent`` owns, by a possessive, a noun only a person has ("Anderson's
    hometown", "Trayvon's father"): a person's name, whatever town has it (the text's "in
    Jackson's hometown" had made the person tagged so the town of Jackson, Mississippi)."""
    i = ent.end
    return (
        i + 1 < len(doc) and doc[i].text in ("'s", "’s") and doc[i + 1].lower_ in PERSON_OWNED_NOUNS
    )


def _place_first_word(bare: str) -> bool:
    """Does ``bare`` open with an Arabic noun that opens place names ("Bab al-Hawa", "Kafr
    Zita", "Deir ez-Zor"), with a name after it?"""
    first, _, rest = bare.partition(" ")
    return bool(rest) and first[:1].isupper() and first.lower() in PLACE_FIRST_WORDS


# Nouns of a person from a place, after the place's name ("the Larne athlete", "a Kent
# athlete"): the name is where she is from (no person's name modifies "athlete"; "the Holmes
# camp" is another noun).
HOMETOWN_NOUNS = frozenset({"athlete"})
# Words before "of" that make what follows a place: a distance ("within 12 miles of Qardaha"), a
# side ("north of Hama"), a direction ("in the direction of Qardaha"), its people ("the
# residents of Engerwitzdorf", "the people of Larne"), its control ("battles for control of
# Al-Maleh"): PERSON on the real store, 12-04.
_PLACE_OF_WORDS = (
    DISTANCE_UNITS
    | gazetteer.COMPASS_WORDS
    | {"direction", "outskirts", "vicinity"}
    | {"residents", "inhabitants", "villagers", "people", "control"}
)
# Words before "to" that do the same ("close to Qardaha", "next to Incirlik").
_PLACE_TO_WORDS = frozenset({"close", "closer", "near", "nearer", "next"})


# Verbs whose "in" names a work played in, not a place: "starred in Ray" (the film, which the
# list after "in" had made the town Raytown on the BBC map). Not "appeared" or "played": "she
# appeared in Madrid", "played in Seville" are where.
_WORK_VERBS = frozenset({"star", "co-star"})
# "look at", "confidence in": a word and the preposition after which its object is a target
# (lexicon aimed_prepositions), no place.
AIMED_PREPOSITIONS = lexicon.words("aimed_prepositions")


def _aimed_at(prep: Token) -> bool:
    """Is the preposition ``prep`` one whose object is what its head word is aimed at or felt
    about ("swipes at Jeb Bush", "looking at Trump", "confidence in Rubio"), not where
    something is? The model's person there had been made a place for the locative "at"/"in".
    The parse may hang the preposition on the verb of "took swipes at": its object counts."""
    heads = [prep.head, *(c for c in prep.head.children if c.dep_ == "dobj")]
    return any(f"{h.lemma_.lower()} {prep.lower_}" in AIMED_PREPOSITIONS for h in heads)


def _locative(doc: Doc, ent: Span) -> bool:
    """Does the text put ``ent`` where something is: the object of "in"/"near"/… (also the
    second of a list after one: "in Taldao and al-Houla"), after "12 miles of", "north of", "the
    direction of", "the people of", "close to", before "athlete" ("the Larne athlete")?"""
    texts = doc_arrays.strings(doc, ORTH)  # words without a Token each
    lowers = doc_arrays.strings(doc, LOWER)
    root = ent.root
    head = root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.head.lemma_.lower() in _WORK_VERBS:
        return False  # "Foxx has starred in Collateral and Ray": films, not towns
    if root.dep_ == "pobj" and root.head.text.lower() in LOCATIVE_PREPOSITIONS:
        return not (_aimed_at(root.head) or _invested_in(root.head))
    # "strikes in Taldao and [al-Houla]": a name listed after a place-tagged one where
    # something is; not after where someone is ("… by Erika Solomon in Beirut and Anthony
    # Deutsch in Amsterdam", "in" parsed on "Solomon" or on "reporting": a list of people)
    if (
        head is not root
        and head.ent_type_ in ("GPE", "LOC")
        and head.dep_ == "pobj"
        and head.head.text.lower() in LOCATIVE_PREPOSITIONS
        and head.head.head.ent_type_ != "PERSON"
        and head.head.head.lower_ not in CREDIT_JOB_WORDS
    ):
        return True
    start = ent.start
    if (
        start >= 1
        and ent.end < len(doc)
        and lowers[start - 1] in ("the", "a")
        and texts[ent.end] in HOMETOWN_NOUNS
    ):
        return True  # "the Larne athlete", "the Kent athlete": where she is from
    if start < 2:
        return False
    before, word = lowers[start - 1], lowers[start - 2]
    return (before == "of" and word in _PLACE_OF_WORDS) or (
        before == "to" and word in _PLACE_TO_WORDS
    )


def _facility_after(doc: Doc, end: int) -> bool:
    """Is the name ending at token ``end`` followed by a facility noun ("Kweyris military
    airport", "the Incirlik air base", "Bab al-Hawa hospital")?"""
    words = doc_arrays.strings(doc, ORTH)[end : end + 2]
    return any(
        " ".join(words[:n]) in phrases
        for n, phrases in _FACILITY_NOUNS_BY_LENGTH.items()
        if n <= len(words)
    )


# FACILITY_NOUNS by their number of words, each set matched against as many words after a
# name: every place name asks (a loop over the whole list had cost 1 % of the extraction).
_FACILITY_NOUNS_BY_LENGTH: dict[int, frozenset[str]] = {
    n: frozenset(p for p in FACILITY_NOUNS if len(p.split()) == n)
    for n in sorted({len(p.split()) for p in FACILITY_NOUNS})
}


def _org_apposition(noun: Token) -> bool:
    """Whether an apposition after a name says it is a company, a club or a band: its noun is
    one of :data:`ORG_APPOSITION_NOUNS` ("Wipro, India's third-biggest software firm", "Jaish
    al-Islam, a rebel group"), or "one of" their plural ("Seibu Railways, one of his
    companies"). A person's apposition is headed by what she is in it ("the group's leader",
    "a member of the band")."""
    if noun.lemma_.lower() in ORG_APPOSITION_NOUNS or noun.lower_ in ORG_APPOSITION_NOUNS:
        return True
    if noun.lower_ != "one":
        return False
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    plural = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return (
        plural is not None
        and plural.tag_ == "NNS"
        and plural.lemma_.lower() in ORG_APPOSITION_NOUNS
    )


# Describing nouns (of ORG_APPOSITION_NOUNS) after which a name of several words is the
# organisation's too: no person's name follows a band's or a company's noun ("rock band Bloc
# Party", "New York band Scissor Sisters", "media giant Vivendi Universal"). Not "group" or
# "side", nor "company" or "firm": the Syria reports lose the comma before a person ("the
# militant group[,] Abu Mohammad al-Golani"), sport leaves out a role ("open-side Martyn
# Williams").
_WHOLE_NAME_APPOSITION_NOUNS = frozenset({"band", "duo", "trio", "giant"})
# "Everton v Sunderland", "Hearts vs Celtic": a fixture.
_VERSUS = frozenset({"v", "v.", "vs", "vs.", "versus"})


def _org_cue(doc: Doc, ent: Span) -> bool:
    """Does the text treat ``ent`` as a company, a club or a band? A describing noun
    before it ("oil giant Yukos", "English side Saracens", "rock band Keane"), a company's or
    club's noun after it or its possessive ("Yukos shares", "the Maserati brand", "Yukos' parent
    company"), or right after it ("Larne boss Jimmy McGeough"), a fixture against a known place
    or club ("Everton v Sunderland"), or one name taking a plural verb as British English does
    for teams, bands and firms ("Everton have missed", "Hearts are", "Keane were followed"), or
    a plural name taking one ("Scissor Sisters have won")."""
    texts = doc_arrays.strings(doc, ORTH)  # words without a Token each
    lowers = doc_arrays.strings(doc, LOWER)
    start, end = ent.start, ent.end
    root = ent.root
    if _org_name_shape(ent):
        return True  # "Munich Re", "House of Fraser": a place word in a firm's name
    # one word: "the militant group Abu Mohammad al-Golani", "open-side Martyn Williams" are
    # people whose commas or roles the text left out; after "band" or "giant" a name of
    # several words is the band's or the company's ("New York band Scissor Sisters")
    if start >= 1:
        prev = doc[start - 1]
        if (
            prev.lower_ in ORG_APPOSITION_NOUNS
            and prev.text.islower()
            and (" " not in ent.text or prev.lower_ in _WHOLE_NAME_APPOSITION_NOUNS)
            and (
                prev.head.i == root.i
                or (root.head.i == prev.i and root.dep_ == "appos")
                # the parse's two subjects of one verb: "bourse Euronext is working"
                or (prev.head.i == root.head.i and prev.dep_ == root.dep_ == "nsubj")
            )
        ):
            return True
    if any(_org_apposition(c) for c in root.children if c.dep_ == "appos" and c.i >= end):
        return True  # "Wipro, India's third-biggest software firm", "Jaish al-Islam, a group"
    if _group_noun_after(doc, ent) or _org_called(doc, start) or _body_before_person(doc, ent):
        return True
    if _firms_listed(ent):
        return True  # "mobile operators O2 and Vodafone", "broadcasters such as Sky and ITV"
    if _firm_participle_before(doc, ent) or _officer_after(doc, end):
        return True  # "Paris-based Euronext", "Rosneft-owned Yugansk", "Gazprom chief Alexei"
    if _maker_of_goods(ent):
        return True  # "the football games developed by Sega"
    if " " not in ent.text and (_org_noun_apposed(root) or _statement_speaker(ent)):
        return True  # "The unit, Yugansk, was sold", "In a statement, Euronext said"
    k = end
    if k < len(doc) and texts[k].islower() and lowers[k] in ORG_MODIFIER_NOUNS:
        return True  # "Larne boss Jimmy McGeough" ("Schumacher's boss" is a person's)
    if k < len(doc) and texts[k] in ("'s", "'", "\u2019s", "\u2019"):
        k += 1
    if k < len(doc) and texts[k].islower() and lowers[k] in ORG_AFTER_NOUNS:
        return True
    if end + 1 < len(doc) and lowers[end] in _VERSUS and _known_side(doc, end + 1, 1):
        return True
    if start >= 2 and lowers[start - 1] in _VERSUS and _known_side(doc, start - 1, -1):
        return True
    # a plural verb after one name ("Everton have"), or after a name of several words ending in
    # a plural ("Scissor Sisters have won", "Kaiser Chiefs are"): a person takes a singular one
    # ("Tony Adams has")
    plural_name = root.tag_ == "NNPS" or (
        end - start >= 2 and root.i == end - 1 and root.lower_.endswith("s")
    )
    if (
        ((end - start == 1 and root.tag_ == "NNP") or plural_name)
        and not root.text.isupper()  # a dateline: "MOSCOW (Sputnik) Over 130 people were …"
        and root.dep_ in ("nsubj", "nsubjpass")
        and not any(c.dep_ == "conj" for c in root.children)
    ):
        verb = root.head
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i != root.i for c in verb.children):
            return False  # "MOSCOW (Sputnik) Six people were killed": a dateline, no subject
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i > root.i]
        first = auxes[0] if auxes else verb
        return first.lower_ in ("have", "are", "were") and first.i > root.i
    return False


# Nouns of a body of people that a name before them (as their modifier) names: "the Nour
# al-Din al-Zinki rebel group", "the Ahrar al-Sham faction" (the small model tagged the first a
# facility), "the Green Party movement". Not "camp", "family" or "clan", which a person's name
# modifies ("the Clinton camp", "the Assad clan").
GROUP_NOUNS = frozenset(
    {"group", "faction", "movement", "militia", "brigade", "battalion", "coalition", "alliance",
     "organisation", "organization"}
)  # fmt: skip


def _group_noun_after(doc: Doc, ent: Span) -> bool:
    """Does ``ent`` modify a body's noun right after it, at most one lower-case word between
    ("the Nour al-Din al-Zinki rebel group", "the Zinki faction")? Then it names that body."""
    texts = doc_arrays.strings(doc, ORTH)  # words without a Token each
    lowers = doc_arrays.strings(doc, LOWER)
    root = ent.root
    for j in (ent.end, ent.end + 1):
        if j >= len(doc) or not texts[j].islower():
            return False
        if lowers[j] in GROUP_NOUNS:
            return root.head.i == j and root.dep_ in ("compound", "nmod", "amod")
    return False


def _body_before_person(doc: Doc, ent: Span) -> bool:
    """Is the person-tagged ``ent`` a body's name after its noun, run into its spokesman's name
    where the source lost the comma: "a spokesman for the fighting group Nour El Din El Zinki
    Yasser Al Youssef said" (both tagged PERSON)? After "group" one person's name alone is a
    person's ("the militant group[,] Abu Mohammad al-Golani"); a second right after it is the
    spokesman, and the first the group."""
    start, end = ent.start, ent.end
    if ent.label_ != "PERSON" or start < 1 or end >= len(doc):
        return False
    noun = doc[start - 1]
    if not (noun.text.islower() and noun.lower_ in GROUP_NOUNS):
        return False
    nxt = doc[end]
    return nxt.ent_iob_ == "B" and nxt.ent_type_ == "PERSON" and bool(doc[end - 1].whitespace_)


# "Paris-based Euronext", "Rosneft-owned Yugansk", "London-listed Xstrata": a participle of
# where a firm sits, who owns it or where its shares trade, joined by a hyphen to the word
# before it. Not "-controlled" or "-held": "Kurdish-controlled Kobani" is a town.
_FIRM_PARTICIPLES = frozenset({"based", "owned", "listed"})
_HYPHENS = frozenset({"-", "\u2010", "\u2013"})


def _firm_participle_before(doc: Doc, ent: Span) -> bool:
    """Does a hyphened participle of a firm's seat, owner or listing modify ``ent`` right
    before it ("Paris-based Euronext", "Rosneft-owned Yugansk")? A person is described by a
    noun after such a participle ("London-based artist Jo Hale"), a place never by one."""
    start = ent.start
    if start < 1:
        return False
    word = doc[start - 1]
    written = word.lower_.rpartition("-")[2] if "-" in word.text else word.lower_
    hyphened = "-" in word.text or (start >= 2 and doc[start - 2].text in _HYPHENS)
    return (
        written in _FIRM_PARTICIPLES
        and hyphened
        and ent.start <= word.head.i < ent.end
        and word.dep_ in ("amod", "compound", "nmod")
    )


# Verbs of making or selling goods whose agent ("developed by …") is their maker
_MAKING_VERBS = frozenset({"develop", "make", "manufacture", "publish", "produce", "sell"})
# Goods a firm makes, beside PRODUCT_NOUNS: "games" only as the thing made ("the Olympic games"
# are no product, and "games developed by" names no sport)
_MADE_GOODS = frozenset({"game", "games", "chip", "format", "formats", "device", "devices"})


def _maker_of_goods(ent: Span) -> bool:
    """Is the one word ``ent``, no given name, the agent of a verb of making that describes
    goods ("the football games developed by Sega", "the chips were sold by Quorvant")? A film
    or a book is made by a person ("a film made by Leigh": no goods), and a person's name is
    written in full or with a given name ("games developed by Will Wright")."""
    root = ent.root
    if len(ent) != 1 or is_given_name(ent.text) or root.dep_ != "pobj":
        return False
    by = root.head
    verb = by.head
    if by.lower_ != "by" or by.dep_ != "agent" or verb.lemma_.lower() not in _MAKING_VERBS:
        return False
    # the goods the verb describes ("games developed by"), or its subject ("the chips were
    # sold by")
    goods = (
        [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ == "nsubjpass"]
    )
    return any(g.lower_ in PRODUCT_NOUNS or g.lower_ in _MADE_GOODS for g in goods)


def _officer_after(doc: Doc, end: int) -> bool:
    """Is the name ending at token ``end`` followed by a body's officer and that officer's name
    (:data:`ORG_OFFICER_NOUNS`: "Gazprom chief Alexei Miller", "Gazprom chief executive Alexei
    Miller")? Not "Bush chief of staff Andrew Card", the officer of a person's staff."""
    if end >= len(doc) or doc[end].lower_ not in ORG_OFFICER_NOUNS or not doc[end].is_lower:
        return False
    j = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ == "executive")
    return j < len(doc) and doc[j].pos == PROPN and doc[j].text[:1].isupper()


def _org_noun_apposed(root: Token) -> bool:
    """Is the one-word name ``root`` set in apposition after a company's noun ("The unit,
    Yugansk, was sold", "the exchange, Euronext, said")?"""
    noun = root.head
    return (
        root.dep_ == "appos"
        and noun.i < root.i
        and noun.is_lower
        and (noun.lower_ in ORG_APPOSITION_NOUNS or noun.lemma_.lower() in ORG_APPOSITION_NOUNS)
    )


def _statement_speaker(ent: Span) -> bool:
    """Does the one word ``ent``, no given name, speak "in a statement" ("Euronext said in a
    statement", "In a statement, Euronext said")? A company speaks so; a person who does is
    named in full somewhere in the article (labelling's ``joined``) or bears a given name."""
    root = ent.root
    verb = root.head
    if root.dep_ != "nsubj" or is_given_name(ent.text) or verb.lemma_.lower() not in PERSON_VERBS:
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(obj.dep_ == "pobj" and obj.lemma_.lower() == "statement" for obj in prep.children)
        for prep in verb.children
    )


_DEAL_PREPOSITIONS = frozenset({"of", "in", "for", "with"})


def _deal_use(doc: Doc, ent: Span) -> str:
    """What a deal in a company (:data:`DEAL_NOUNS`) makes of ``ent``: "object" after "of",
    "in", "for" or "with" ("the sale of Yugansk", "shares in Gazprom", "a bid for Euronext"),
    "owner" before it ("Gazprom's bid"), else "". Nothing in a sports sentence (the caller
    leaves out sports reports): "Chelsea's bid for Drogba" is a transfer's."""
    root = ent.root
    parsed = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    if _sporty(doc, ent.sent if parsed else doc[:]):
        return ""
    if root.dep_ == "poss" and _deal_noun(root.head):
        return "owner"
    prep = root.head
    if root.dep_ == "pobj" and prep.lower_ in _DEAL_PREPOSITIONS and _deal_noun(prep.head):
        return "object"
    return ""


def _deal_noun(tok: Token) -> bool:
    """Is ``tok`` a deal's noun in lower case, or capitalised opening a sentence ("sale",
    "shares", "stake")?"""
    written = tok.is_lower or (tok.is_sent_start and tok.is_title)  # "Shares in Gazprom rose"
    return (
        tok.pos_ == "NOUN"
        and written
        and (tok.lower_ in DEAL_NOUNS or tok.lemma_.lower() in DEAL_NOUNS)
    )


def _invested_in(prep: Token) -> bool:
    """Is ``prep`` the "in" of trading in or owning part of something ("trade in Gazprom",
    "investors in Euronext", "a stake in Yugansk": :data:`INVESTING_WORDS`), which puts nothing
    in a place?"""
    # (the parse may hang "in" on the verb of "opening up trading in Gazprom": its object counts)
    heads = [prep.head, *(c for c in prep.head.children if c.dep_ == "dobj")]
    return prep.lower_ == "in" and any(
        h.lemma_.lower() in INVESTING_WORDS or h.lower_ in INVESTING_WORDS for h in heads
    )


def _which_clause(ent: Span) -> bool:
    """Has the one-word ``ent`` a relative clause with "which" ("Euronext, which combines the
    Paris and Amsterdam exchanges, …")? People take "who"."""
    if " " in ent.text:
        return False
    return any(
        clause.dep_ == "relcl"
        and any(c.lower_ == "which" and c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        for clause in ent.root.children
    )


def _untagged_org_words(doc: Doc) -> set[tuple[str, ...]]:
    """The name keys of one-word names the model tagged somewhere in ``doc`` whose untagged
    occurrences elsewhere have a company's cue (:func:`_org_cue`: "a front for gas monopoly
    Gazprom", "Euronext chief Jean Martin", untagged): the article uses the word as a body's,
    so its tagged mentions ("necessarily for Gazprom", tagged GPE) are the body's too."""
    texts = doc_arrays.strings(doc, ORTH)
    # (a one-word entity's text is its word's)
    tagged = {texts[e.start] for e in doc_arrays.entities(doc) if len(e) == 1}
    words: set[tuple[str, ...]] = set()
    # (by the doc's words first: a Token only for an occurrence of a tagged word)
    for i in [i for i, text in enumerate(texts) if text in tagged]:
        tok = doc[i]
        if tok.ent_iob_ != "O" or tok.text not in tagged or not tok.text.istitle():
            continue
        # (a word the model knows not is often parsed a common noun: "Korvane chief Jean")
        if tok.pos_ in ("PROPN", "NOUN") and _org_cue(doc, doc[tok.i : tok.i + 1]):
            words.add(name_key(tok.text))
    return words


def _product_model(doc: Doc, ent: Span) -> bool:
    """Is the person-tagged ``ent`` a product's model name, a brand and a model word or a
    number (:data:`PRODUCT_MODEL_WORDS`: "Mac Mini", "Xbox 360"), after "the", "a" or "new",
    or the object of a product verb (:data:`PRODUCT_VERBS`: "launched Mac Mini")? No
    person's name ends in a model word, and "Rooney 23" of a line-up has no article before."""
    words = ent.text.split()
    if ent.label_ != "PERSON" or len(words) < 2:
        return False
    last = words[-1]
    if not (last.lower() in PRODUCT_MODEL_WORDS or last.isdigit()):
        return False
    first = ent[0] if ent[0].lower_ in ("the", "a", "an") else None
    before = first if first is not None else (doc[ent.start - 1] if ent.start else None)
    if before is not None and before.lower_ in ("the", "a", "an", "new"):
        return True
    root = ent.root
    return root.dep_ == "dobj" and root.head.lemma_.lower() in PRODUCT_VERBS


# Words that may come first in a line-up's brackets, before the club: "(captain, Leeds)"
_LINE_UP_ROLES = frozenset({"captain", "capt", "c", "vice-captain", "capt."})


def _line_up_club(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` in brackets right after a player's name, as a line-up writes the player's club
    ("Mike Blair (Edinburgh Rugby), Andy Craig (Glasgow Rugby)", "G Thomas (captain,
    Toulouse)")? The bracket closes after the name or goes on with a comma ("(Toulouse,
    capt)"). The caller asks only in an article that speaks of sport (:func:`names_sport`):
    elsewhere "Tony Smith (Brentwood)" is an MP's seat."""
    start, end = ent.start, ent.end
    if any(t.like_num for t in ent) or ent[0].lower_ in COMPASS_WORDS:
        # "Van Persie (Bergkamp 68)": a substitute and his minute; "Howard Webb (South
        # Yorkshire)": a referee's county, no club
        return False
    i = start - 1
    while i >= 0 and start - i <= 3 and (doc[i].lower_ in _LINE_UP_ROLES or doc[i].text == ","):
        i -= 1  # "(captain, Leeds)"
    if i < 1 or doc[i].text != "(" or end >= len(doc) or doc[end].text not in (")", ","):
        return False
    # a player's name, not a place's ("Kafr Nabl (Idlib)": a town and its province), in a
    # line of three such brackets at least: a line-up
    player = doc[i - 1]
    if player.ent_type_ in ("GPE", "LOC", "FAC", "NORP") or not player.text[:1].isupper():
        return False
    text = text_of(doc)
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    line_end = text.find("\n", ent.end_char)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(_LINE_UP_ITEM.findall(line)) >= _LINE_UP_MIN


# "Mike Blair (Edinburgh Rugby),", "G Bulloch (captain, Glasgow);": a player and his club
_LINE_UP_ITEM = re.compile(r"[A-Z][\w'\u2019-]* \([^()\n]{2,40}\)\s*[,;.]?")
_LINE_UP_MIN = 3


def _at_only(ent: Span) -> bool:
    """Is ``ent`` the object of "at" ("arriving at Liverpool", "the defeat at Newcastle"), the
    only preposition of the locative rules it answers to?"""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "at"


def _the_head(doc: Doc, ent: Span) -> bool:
    """Is the one-word ``ent`` written after "the" and heading its noun phrase ("moved to the
    Bernabeu", "the Gunners won", "the Blues' approach", "with the Beatles")? A person's name
    after "the" modifies a noun ("the Tomlinson review", "the Dickens character", "the Attlee
    government"), likens someone to the person ("the Eminem of Argentina") or follows a person
    as an epithet ("Omar the Chechen"). The caller asks only of names tagged PERSON."""
    words = [t for t in ent if t.lower_ != "the"]
    if len(words) != 1:
        return False
    word = words[0]
    before = doc[word.i - 1] if word.i >= 1 else None
    if before is None or before.lower_ != "the":
        return False
    if word.i >= 2 and doc[word.i - 2].ent_type_ == "PERSON":
        return False  # "Omar the Chechen"
    nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
        return False  # "the Tomlinson review", "the Balco doping scandal"
    if nxt is not None and nxt.lower_ == "of":
        return False  # "the Eminem of Argentina": someone likened to the person
    return word.dep_ not in ("compound", "nmod", "amod")


def _org_called(doc: Doc, start: int) -> bool:
    """Does the name at token ``start`` follow "<a company's or a body's noun> called/named"
    ("a firm called Cambridge Analytica", "a group named Jaish al-Fatah")? A person's noun
    there makes a person (:func:`_named_person`)."""
    if start < 2 or doc[start - 1].lower_ not in ("named", "called"):
        return False
    noun = doc[start - 2]
    return noun.tag_ == "NN" and (noun.lower_ in ORG_APPOSITION_NOUNS or noun.lower_ in GROUP_NOUNS)


_POSSESSIVE_MARKS = ("'s", "'", "\u2019s", "\u2019")
# A score written between two sides ("Chelsea 2-1 Arsenal", "lost 1-0 to Seville", "beaten
# 3-1 by Chelsea"); not "lost 1-0 at Newcastle", where the town is the ground
_SCORE_AFTER = re.compile(r"\s+\d{1,2} ?[-\u2013] ?\d{1,2}\b")
_SCORE_BEFORE = re.compile(r"\b\d{1,2} ?[-\u2013] ?\d{1,2}(?:\s+(?:to|against|over|with|by))?\s+$")
# Nouns of a fixture or of a result that a side follows ("a home tie with Bolton", "the derby
# against Birmingham", "away to Charlton", "losses to Newcastle", "a win over Fulham"), in a
# sentence with a word of SPORTS_WORDS
_FIXTURE_NOUNS = frozenset({"tie", "match", "game", "derby", "clash", "away"}) | CLUB_RESULT_NOUNS


def used_as_firm(ent: Span) -> bool:
    """Does the sentence use the one word ``ent`` as a company's name, for this mention only?
    A company's possession after it or its possessive (:data:`FIRM_USE_NOUNS`: "Ford's
    sales", "Ford shares"), its results as the object of its verb (:data:`FIRM_RESULT_NOUNS`:
    "Ford reported a loss", "Ford cut 3,000 jobs"), or "its" owning the subject of what it
    says ("Ford said its sales fell"; a person says "his"), or a kind of company in apposition
    ("Ford, the US car company, reported …"). Where the article also names a
    person of that surname ("Bill Ford"), the word so used is the firm, not him."""
    words = [t for t in ent if t.text not in _POSSESSIVE_MARKS]  # the tagger's "Ford's"
    if len(words) != 1:
        return False
    root = words[0]
    doc = root.doc
    if gazetteer.country(root.text) is not None:
        return False  # "China's sales abroad": the country's trade
    owned = root.head if root.dep_ in ("poss", "compound") and root.head.i > root.i else None
    if owned is None:  # the parse missed it: the word right after the name or its "'s"
        k = root.i + 1 + (root.i + 1 < len(doc) and doc[root.i + 1].text in _POSSESSIVE_MARKS)
        owned = doc[k] if k < len(doc) and doc[k].pos_ == "NOUN" else None
    if owned is not None and owned.is_lower and owned.lemma_.lower() in FIRM_USE_NOUNS:
        return True
    if any(
        c.dep_ == "appos" and c.is_lower and c.lemma_.lower() in FIRM_KIND_NOUNS
        for c in root.children
    ):
        return True  # "Ford, the US car company, reported …": the sentence calls it a firm
    if root.dep_ != "nsubj":
        return False
    verbs = [root.head, *(c for c in root.head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if any(
        c.dep_ == "dobj" and c.lemma_.lower() in FIRM_RESULT_NOUNS
        for v in verbs
        for c in v.children
    ):
        return True
    said = next((c for c in root.head.children if c.dep_ == "ccomp"), None)
    if said is None or root.head.lemma_.lower() not in PERSON_VERBS:
        return False
    # "its" right after the verb (or its "that") owning the subject of what it says ("Ford
    # said its sales fell"); an "its" further on is another thing's ("Renner warned that
    # unless the industry changed, its decline …")
    verb = root.head
    start = verb.i + 1 + (verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "that")
    its = doc[start] if start < len(doc) else None
    return (
        its is not None
        and its.lower_ == "its"
        and its.dep_ == "poss"
        and its.head.dep_ in ("nsubj", "nsubjpass")
        and its.head.head.i == said.i
    )


def used_as_org(doc: Doc, ent: Span) -> bool:
    """Does the sentence use the place name ``ent`` as a club's or a band's, for this mention
    only (:func:`_club_use`, :func:`_org_listed`)? The entity pass labels such a mention ORG;
    the figures read it again so that the town lends the sentence's figures no place."""
    return _club_use(doc, ent) or _org_listed(ent)


def _club_use(doc: Doc, ent: Span) -> bool:
    """Does the sentence use the town's name ``ent`` as its sports club's? The town named right
    before a club's role or people, or owning them (:data:`SPORTS_ROLE_NOUNS`: "Chelsea
    striker", "Newcastle manager Graeme Souness", "Chelsea's new manager", "the manager of
    Chelsea"), or right after "club" or "side" ("his old club Portsmouth"); as where a player
    moves (:data:`CLUB_MOVE_WORDS`: "joined Chelsea", "a move from Seville") in a sentence
    naming a fee or a sports word; as a side of a fixture ("Chelsea v Birmingham") or, in a
    sentence with a sports word (:data:`SPORTS_WORDS`), one side of a score ("Chelsea 2-1
    Arsenal"), of a fixture's verb (:data:`FIXTURE_VERBS`: "beat Chelsea", "Chelsea host
    Birmingham") or of "against" ("against Seville"). Not "in Seville", "the mayor of Seville",
    "the people of Chelsea": there it is the town. Decided for this mention only: the article
    may name the town elsewhere."""
    texts = doc_arrays.strings(doc, ORTH)  # words without a Token each
    lowers = doc_arrays.strings(doc, LOWER)
    start, end = ent.start, ent.end
    root = ent.root
    k = end + (end < len(doc) and texts[end] in _POSSESSIVE_MARKS)
    if k < len(doc) and _sports_role(doc, k):
        return True  # "Chelsea striker", "Chelsea's manager", "the Seville fans"
    if root.dep_ == "poss" and _sports_role(doc, root.head.i):
        return True  # "Chelsea's new manager"
    if start >= 1 and texts[start - 1] in ("club", "side") and doc[start - 1].pos_ == "NOUN":
        return True  # "a reunion with his old club Portsmouth", "Championship side Wolves"
    owner = doc[start - 2] if start >= 2 else None
    if (
        owner is not None
        and lowers[start - 1] == "of"
        and owner.text.islower()
        and owner.lower_ in SPORTS_ROLE_NOUNS - {"side"}  # "the north side of Chelsea"
        and owner.pos_ == "NOUN"
        and root.dep_ == "pobj"
        and root.head.i == start - 1
    ):
        return True  # "the manager of Chelsea" (not "the manager of Chelsea's market")
    if _player_for(doc, ent):
        return True  # "a fly-half for Llanelli", "the top scorer for Chelsea"
    # "Chelsea v Birmingham": a fixture; not "Clinton vs. Trump", whose other side is a person
    if end + 1 < len(doc) and lowers[end] in _VERSUS and texts[end + 1][:1].isupper():
        return not _own_person(doc, doc[end + 1 : end + 2])
    if start >= 2 and lowers[start - 1] in _VERSUS and texts[start - 2][:1].isupper():
        return not _own_person(doc, doc[start - 2 : start - 1])
    parsed = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    sent = ent.sent if parsed else doc[:]  # a hand-built Doc: one sentence
    # In a sports report every sentence is read as a sports one: "Kluivert's finish put
    # Newcastle ahead" names no sports word of its own. Not for a person's name ("said against
    # Trevor", tagged ORG; "Chelsea", a given name too, counts where tagged a place; a town
    # tagged PERSON that is no given name does: "lost 2-1 to Norwich"), nor for a move: "since
    # moving from Colchester to London" is an athlete's, to a town.
    sentence_sporty = _sporty(doc, sent)
    if ent.label_ == "PERSON":
        club_like = not is_given_name(ent.text) and gazetteer.town(ent.text) is not None
    else:
        club_like = ent.label_ in ("GPE", "LOC", "FAC") or not is_given_name(ent.text)
    sporty = sentence_sporty or (club_like and sports_report(doc))
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "joined Chelsea and then Arsenal": the list's first side
    mover = first.head
    if first.dep_ == "pobj" and first.head.lower_ in ("from", "to", "for"):
        mover = first.head.head  # "signed for Seville", "a move from Chelsea"
    elif first.dep_ != "dobj":
        mover = None  # "joined Chelsea"
    if mover is not None and _club_move(doc, ent, first, mover, sent, sentence_sporty):
        return True
    if not sporty:
        return False
    text = text_of(doc)
    if _SCORE_AFTER.match(text, ent.end_char) or _SCORE_BEFORE.search(
        text, max(sent.start_char, ent.start_char - 12), ent.start_char
    ):
        return True  # "Chelsea 2-1 Arsenal"
    i = first.i if first is not root else start
    before = i - 1 - (i >= 2 and lowers[i - 1] == "the")
    # the side itself, not a word describing a noun after it ("a match with Wimbledon
    # champion Maria Sharapova")
    if before >= sent.start and root.dep_ not in ("compound", "amod", "poss"):
        word = doc[before]
        if word.text.islower() and word.lower_ == "against":
            return True  # "against Seville"
        if word.text.islower() and word.lower_ in FIXTURE_VERBS and not _deployed(doc, ent):
            return True  # "beat Chelsea" (not "play Kaka forward": a player put somewhere)
        if (
            word.lower_ in ("with", "to", "over", "against")
            and before >= 1
            and lowers[before - 1] in _FIXTURE_NOUNS
        ):
            return True  # "a home tie with Bolton", "away to Charlton", "a win over Fulham"
        if word.text.islower() and word.lower_ in CLUB_APPOSITION_NOUNS:
            return True  # "Premiership leaders Chelsea", "their fierce rivals Blackburn"
    if _sporty_club_use(doc, ent, sent):
        return True
    after = end + (end < len(doc) and lowers[end] == "will")
    return (
        root.dep_ != "pobj"  # "will return to Curepipe [to] face the Seychelles": a venue
        and after < sent.end
        and texts[after].islower()
        and lowers[after] in FIXTURE_VERBS
        and doc[after].pos_ in ("VERB", "NOUN")  # "Chelsea host Birmingham" (parsed a noun)
    )


def _deployed(doc: Doc, ent: Span) -> bool:
    """Do the words right after ``ent`` put it in a position on the field (:data:`POSITION_WORDS`:
    "play Kaka forward", "play Gerrard in midfield", "play him as a striker")? Then the object
    of "play" is a player a manager picks, not the side a fixture is against."""
    lowers = doc_arrays.strings(doc, LOWER)
    after = [lowers[i] for i in range(ent.end, min(ent.end + 2, len(doc)))]
    # ("fly-half" is three tokens: "at fly", the word before its hyphen, is enough)
    return bool(after) and (after[0] in POSITION_WORDS or " ".join(after) in POSITION_WORDS)


def _club_move(
    doc: Doc, ent: Span, side: Token, mover: Token, sent: Span, sentence_sporty: bool
) -> bool:
    """Is the town's name ``ent`` (its list's first ``side``) where a player moves or plays, by
    the word ``mover`` it hangs on? "signed for Seville", "played for Liverpool": a club
    whatever else the sentence says (a town is lived in, not signed or played for); "joined
    Newcastle", "a move to Chelsea" (:data:`CLUB_MOVE_WORDS`) where the sentence names a fee or
    a sports word, or where the model itself read the name as an organisation ("Lopez is
    moving on to Chelsea", tagged ORG); "he moved to Newcastle with his family" (tagged GPE)
    stays the town."""
    lemma = mover.lemma_.lower()
    prep = side.head.lower_ if side.dep_ == "pobj" else ""
    if lemma in ("sign", "play") and prep == "for":
        return True
    if lemma not in CLUB_MOVE_WORDS:
        return False
    fee = any(t.ent_type_ == "MONEY" or t.is_currency for t in sent)
    # "turned down a move to Birmingham", "his loan from Sunderland": the noun of a player's
    # move in a sports report ("since moving from Colchester to London", a verb, is a home's)
    move_noun = mover.pos_ == "NOUN" and mover.text.islower() and sports_report(doc)
    return fee or sentence_sporty or ent.label_ == "ORG" or move_noun


def _sporty_club_use(doc: Doc, ent: Span, sent: Span) -> bool:
    """In the sports sentence ``sent``, is the town's name ``ent`` a side by what is next to it?
    Before a club's officer or a player's position (:data:`CLUB_STAFF_NOUNS`: "Liverpool chief
    executive Rick Parry", "Gloucester fly-half"), owning a player or a result ("Chelsea's John
    Terry", "Chelsea's 1-0 defeat": :data:`CLUB_RESULT_NOUNS`), before a result ("a Newcastle
    recovery"), or put ahead in the game ("put Newcastle ahead", "gave Liverpool the lead",
    "bring Chelsea level"). Outside a sports report "Tesco chairman" and "London's mayor" keep
    their places, so these cues count only here."""
    texts = doc_arrays.strings(doc, ORTH)
    lowers = doc_arrays.strings(doc, LOWER)
    end, root = ent.end, ent.root
    k = end + (end < len(doc) and texts[end] in _POSSESSIVE_MARKS)
    k += k < sent.end and lowers[k] in CLUB_ROLE_MODIFIERS
    if k < sent.end and (
        (texts[k] in CLUB_STAFF_NOUNS and doc[k].pos_ in ("NOUN", "ADJ")) or _sports_role(doc, k)
    ):
        return True  # "Liverpool chief executive", "Chelsea assistant boss", "the Sale wing"
    head = root.head
    if root.dep_ in ("poss", "compound") and head.i >= end:
        # (a sports word owned, not modified: "the London club" is a club in London)
        if head.text.islower() and (
            head.lemma_.lower() in CLUB_RESULT_NOUNS
            or (root.dep_ == "poss" and head.text in SPORTS_WORDS)
        ):
            return True  # "Chelsea's 1-0 defeat", "Liverpool's win", "Chelsea's goal"
        if root.dep_ == "poss" and head.ent_type_ == "PERSON" and head.i < sent.end:
            return True  # "Chelsea's John Terry", "Sale's Charlie Hodgson"
        if root.dep_ == "compound" and head.i == end and head.lower_ in _MATCH_NOUNS:
            return True  # "the Newcastle game", "the Barcelona tie": the game against the club
    if root.dep_ == "conj" and root.head.dep_ == "compound" and end < sent.end:
        # "the winners of the Burnley and Blackburn replay": the pair's second side
        nxt = doc[end]
        if nxt.lower_ in _MATCH_NOUNS and root.head.head.i == end:
            return True
    if end < sent.end and lowers[end] in ("ahead", "level"):
        return True  # "put Newcastle ahead", "bring Chelsea level"
    return end + 1 < sent.end and lowers[end] == "the" and lowers[end + 1] == "lead"


# A match's nouns a side's name modifies ("the Newcastle game", "the Burnley and Blackburn
# replay"); not "meeting", "marathon" or "contest", which a town hosts ("the Birmingham
# meeting", "the London marathon")
_MATCH_NOUNS = frozenset({"game", "match", "tie", "replay", "derby", "clash", "fixture"})


def sports_report(doc: Doc) -> bool:
    """Is ``doc`` a sports report: at least three of its sentences, and a quarter of them, hold
    a sports word (:func:`_sporty`) or a match report's (:data:`SPORTS_REPORT_WORDS`)? A war
    or politics story with a few "match", "league" or "tournament" in it is none (at most a
    fifth of the sentences of the FA-KES and PolNeAR stories checked), so a town's club there
    stays a one-sentence matter."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return False  # a hand-built Doc: no sentences to count
    known = doc.user_data.get(_SPORTS_REPORT_KEY)
    if known is None:  # every place name of the article asks: counted once
        report_words = _sport_tokens(doc)[2]
        sents = list(doc.sents)
        sporty = sum(
            _sporty(doc, sent) or _any_within(report_words, sent.start, sent.end) for sent in sents
        )
        known = doc.user_data[_SPORTS_REPORT_KEY] = sporty >= 3 and 4 * sporty >= len(sents)
    return known


_SPORTS_REPORT_KEY = "presslens_sports_report"


def names_sport(doc: Doc) -> bool:
    """Does a sentence of ``doc`` hold a sports word (:func:`_sporty`), or do two of its words
    name a player's position, a match's moment or a squad (:data:`_SPORT_ONLY_WORDS`:
    "Scrum-half Matt Dawson", "Gloucester flanker Andy Hazell", "the initial squad")? A club's
    nickname, its ground or a line-up's bracket is the club's in such an article, a squad's
    list or an interview about a stadium that :func:`sports_report` counts too few sports
    sentences in."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return False
    lowers = doc_arrays.strings(doc, LOWER)
    if sum(w in _SPORT_ONLY_WORDS for w in lowers) >= 2:
        return True
    return any(_sporty(doc, sent) for sent in doc.sents)


# Players' positions, a match's moments and a squad (not "wing", "lock", "prop", "centre",
# "try"; a "death squad" counts once, and the line-up's own shape is asked as well)
_SPORT_ONLY_WORDS = frozenset(
    {"fly-half", "scrum-half", "flanker", "hooker", "left-back", "right-back", "full-back"}
) | {
    "team-mate",
    "centre-back",
    "centre-forward",
    "midfielder",
    "goalkeeper",
    "striker",
    "half-time",
    "full-time",
    "kick-off",
    "injury-time",
    "free-kick",
    "equaliser",
    "semi-final",
    "quarter-final",
    "squad",
}


def _sporty(doc: Doc, sent: Span) -> bool:
    """Does ``sent`` hold a sports word (:data:`SPORTS_WORDS`) or a club's role right after a
    name ("England captain Jonny Wilkinson", "Championship side Wolves"; not "the government
    side", "an army captain")? Worked out once per sentence (kept in ``doc.user_data``): every
    place name of the sentence asks, the entity pass and the figures' alike (3 % of the
    extraction's time when each asked anew)."""
    known = doc.user_data.setdefault("presslens_sporty", {})
    key = (sent.start, sent.end)
    if key not in known:
        words, roles, _ = _sport_tokens(doc)
        known[key] = _any_within(words, sent.start, sent.end) or any(
            _sports_role(doc, i)
            for i in roles[
                bisect.bisect_right(roles, sent.start) : bisect.bisect_left(roles, sent.end)
            ]
        )
    return known[key]


def _sport_tokens(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """The indices, in order, of ``doc``'s sports words (:data:`SPORTS_WORDS`), of its words
    that may be a club's role after a proper noun (:func:`_sports_role` decides: a lower case
    in :data:`SPORTS_ROLE_NOUNS` right after a PROPN) and of its match report's words
    (:data:`SPORTS_REPORT_WORDS`). Found in one pass per doc: each sentence's tests are then
    a bisection, not a walk over its words (every sentence of every article is asked)."""
    found = doc.user_data.get(_SPORT_TOKENS_KEY)
    if found is None:
        texts = doc_arrays.strings(doc, ORTH)
        lowers = doc_arrays.strings(doc, LOWER)
        pos = doc_arrays.column(doc, POS)
        words = [i for i, w in enumerate(texts) if w in SPORTS_WORDS]
        roles = [
            i
            for i in range(1, len(lowers))
            if lowers[i] in SPORTS_ROLE_NOUNS and pos[i - 1] == PROPN
        ]
        report = [i for i, w in enumerate(texts) if w in SPORTS_REPORT_WORDS]
        found = doc.user_data[_SPORT_TOKENS_KEY] = (words, roles, report)
    return found


_SPORT_TOKENS_KEY = "presslens_sport_tokens"


def _any_within(indices: list[int], start: int, end: int) -> bool:
    """Is one of the sorted ``indices`` in ``start:end``?"""
    k = bisect.bisect_left(indices, start)
    return k < len(indices) and indices[k] < end


def _sports_role(doc: Doc, i: int) -> bool:
    """Is token ``i`` a club's role or people (:data:`SPORTS_ROLE_NOUNS`), written in lower
    case as a noun of its own: not the first word of a compound ("a London coach station") nor
    a noun of a part ("the Lebanon side of the border")?"""
    if doc_arrays.strings(doc, LOWER)[i] not in SPORTS_ROLE_NOUNS:
        return False  # most words, told without a Token
    tok = doc[i]
    if not (tok.text.islower() and tok.lower_ in SPORTS_ROLE_NOUNS and tok.pos_ == "NOUN"):
        return False
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or not (nxt.lower_ == "of" or (nxt.pos_ == "NOUN" and nxt.text.islower()))


def _player_for(doc: Doc, ent: Span) -> bool:
    """Is ``ent`` the object of "for" after a player's position or a club's role ("an
    inspirational fly-half for Llanelli and Wales", "a striker for Chelsea"; also its
    conjunct)? The side a player plays for is a club or a nation, no place nor person; a
    position may be hyphenated over three tokens ("fly", "-", "half")."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "for" or prep.i > root.i:
        return False
    role = prep.head
    if not (role.pos_ == "NOUN" and role.text.islower() and role.i < prep.i):
        return False
    word = role.lower_
    if role.i >= 2 and doc[role.i - 1].text == "-":
        word = f"{doc[role.i - 2].lower_}-{word}"  # "fly-half", "full-back"
    return word in SPORTS_ROLE_NOUNS and word not in ("side", "fans", "supporters", "academy")


# "bands including The Libertines, Interpol and Echo and the Bunnymen", "clubs such as Chelsea":
# a name listed after an organisation's plural noun is one of them
_LIST_OPENERS = frozenset({"including", "like", "as"})


def _org_listed(ent: Span) -> bool:
    """Is ``ent`` one of a list that a plural noun of :data:`ORG_APPOSITION_NOUNS` opens with
    "including", "like" or "such as" ("bands including … Echo", "firms like Bayer", "clubs such
    as Seville")? Not "a group of countries including Syria": the noun is singular there."""
    noun = _list_noun(ent)
    return noun is not None and noun.lemma_.lower() in ORG_APPOSITION_NOUNS


def _firms_listed(ent: Span) -> bool:
    """Is ``ent`` one of the names a plural noun of firms (:data:`FIRM_PLURAL_NOUNS`) opens,
    right before the list's first name ("mobile operators O2 and Vodafone", "technology firms
    Earthlink and Webroot", "new publishers Sega") or with "such as", "like", "including"
    ("broadcasters such as Sky and ITV")? A plural names no one person, so the names listed
    are firms; "people such as Matisse and Stravinsky" or "both Watkins and McIlroy" open no
    such list."""
    noun = _list_noun(ent)
    if noun is not None:  # ("Networks such as …" opens its sentence)
        return noun.lower_ in FIRM_PLURAL_NOUNS and (noun.text.islower() or noun.is_sent_start)
    doc, first = ent.doc, ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    start = ent.start
    if first.i < ent.start:  # the list's first name, over its capitalised words
        start = first.i
        while start > 0 and doc[start - 1].ent_type_ and doc[start - 1].text[:1].isupper():
            start -= 1
    if start < 1 or is_given_name(doc[start].text):
        return False  # ("Mike Leigh": a person's name is no firm's, whatever the noun)
    before = doc[start - 1]
    # (whatever its tag: the small model reads "publishers Sega" as a verb and its object)
    if not (before.text.islower() and before.lower_ in FIRM_PLURAL_NOUNS):
        return False
    if start >= 2 and doc[start - 2].text == "-":
        return False  # "film-makers Roger Michell and Mike Leigh": a trade's people
    # (adjacent, whatever the parse: it often hangs such a list on another word; but "the
    # firms Gordon Brown praised" is a clause's subject, no name of the list)
    verb = first.head
    return not (first.dep_ == "nsubj" and verb.dep_ == "relcl" and verb.head.i == before.i)


def _list_noun(ent: Span) -> Token | None:
    """The plural noun that opens, with "including", "like" or "such as", the list ``ent`` is
    one of ("bands including … Echo", "films like Raging Bull"); None when it is no such list
    or the noun is singular ("a group of countries including Syria")."""
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in _LIST_OPENERS:
        return None
    if prep.lower_ == "as" and not (prep.i > 0 and prep.nbor(-1).lower_ == "such"):
        return None
    noun = prep.head
    if prep.lower_ == "as" and noun.lower_ == "such":
        noun = noun.head
    return noun if noun.tag_ == "NNS" else None


def _known_side(doc: Doc, i: int, step: int) -> bool:
    """Is the capitalised run of up to two words from token ``i`` (forward or, with ``step``
    -1, back from ``i - 1``) a known place or organisation ("Sunderland", "Man Utd")?"""
    for n in (2, 1):
        lo, hi = (i, i + n) if step > 0 else (i - n, i)
        if lo < 0 or hi > len(doc):
            continue
        piece = doc[lo:hi]
        if not all(t.text[:1].isupper() for t in piece):
            continue
        found = _piece(piece)
        if found is not None and not (found[0] in ("place", "town") and _own_person(doc, piece)):
            return True
    return False


def _own_person(doc: Doc, piece: Span) -> bool:
    """Is ``piece`` a person's name the model tags on its own, not run into the fixture ("Clinton
    vs. Trump": Clinton is a town in Iowa, but the model's person is the candidate, and the
    other side no club; "Everton v Sunderland", one PERSON span, is a fixture)?"""
    ent = next((e for e in doc_arrays.entities(doc) if e.start <= piece.start < e.end), None)
    return (
        ent is not None
        and ent.label_ == "PERSON"
        and ent.start <= piece.start
        and piece.end <= ent.end
        and not any(t.lower_ in _VERSUS for t in ent)
    )


# What makes a camp a place: a refugee camp is one, a politician's camp is not.
CAMP_WORDS = frozenset({"refugee", "refugees", "displacement", "idp", "displaced"})


def _next_to_place_noun(doc: Doc, start: int, end: int, reach: int = 6) -> bool:
    """Does a place noun name the span ``doc[start:end]`` a place: right after it ("Quneitra
    province"), after "<noun> of" ("the town of Hass") or "<noun> named" ("a region named
    Rojava"), also across a list of names and adjectives ("the al-Hamadaniyeh and al-Midan
    neighborhoods", "the towns of Azaz and nearby Marea", "Harasta residential suburb")?"""

    # The words as a list: each place name looks up to ``reach`` words either way.
    texts = doc_arrays.strings(doc, ORTH)
    lowers = doc_arrays.strings(doc, LOWER)

    def in_list(word: str) -> bool:
        text = word.lower()  # a name ("al-Shaar" too), or a word of LIST_WORDS
        return word != text or text in LIST_WORDS or text in NAME_LOWER_WORDS

    j = end
    while (
        j < min(len(doc), end + reach)
        and in_list(texts[j])
        and texts[j].lower() not in NEAR_PLACE_NOUNS
    ):
        j += 1
    if j < len(doc) and texts[j].lower() in NEAR_PLACE_NOUNS:
        return True
    if j + 1 < len(doc) and lowers[j] in CAMP_WORDS and lowers[j + 1] in ("camp", "camps"):
        return True  # "the Atmeh refugee camp" ("the Clinton camp" is no place)
    if (
        start >= 2
        and lowers[start - 1] in ("named", "called")
        and lowers[start - 2] in NEAR_PLACE_NOUNS
    ):
        return True  # "a de facto autonomous region named Rojava" ("a man named …": a person)
    i = start - 1
    while i > max(0, start - reach) and in_list(texts[i]) and texts[i].lower() != "of":
        i -= 1
    if i < 1 or texts[i].lower() != "of":
        return False
    noun = texts[i - 1]
    # "the International Federation of Red Cross and Red Crescent Societies": a capitalised
    # organisation's word opens the organisation's name, no place noun
    return noun.lower() in NEAR_PLACE_NOUNS and not (
        noun.istitle() and noun.lower() in ORG_HEAD_WORDS
    )


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
    - a name's last word or its credit says what it is, whatever the model's label: a law
      ("Clean Power Plan": LAW, no entity), an event ("the Great Recession" tagged FAC), an
      outlet ("Dallas Morning News" tagged EVENT, "(UPI) —", "the story at Mediaite");
    - a place's name inside a work's title ("the film Flight of the Phoenix") is the title, and
      one naming a village's namesake event ("the Sundance film festival") the event: no place
      (:func:`_work_title`, :func:`_named_event`);
    - a place run into the next sentence's opening words is the place ("east of Damascus
      Monitoring group …", "Hama Army units …" → Damascus, Hama; :func:`_place_into_sentence`);
    - known names run together are split ("Manbij Syria", "Homs NGO AFP" → Homs, AFP;
      "Aleppo Syrias" → Aleppo, Syria[s]); a trailing organisation alias comes off an unknown
      name ("Hassakeh ISIS").
    """
    texts = doc_arrays.strings(doc, ORTH)  # words without a Token each
    label = span.label_
    if label not in LABELS and label not in RESCUE_LABELS:
        return [span]
    start, end = span.start, span.end
    while start < end and texts[start].lower() == "the":
        start += 1
    if end - start < 1 or alias(clean_name(doc[start:end].text)) is not None:
        return [span]
    if label in ("GPE", "LOC", "FAC"):
        titled = _work_title(doc, start, end) or _named_event(doc, start, end)
        if titled is not None:
            return titled
    dated = _dateline_run_in(doc, start, end, label)
    if dated is not None:
        return dated
    cut = _cut_headline_verb(doc, start, end, label)
    if cut is None:  # (an empty cut, "Car Bomb Kills", leaves no name: not "no cut")
        cut = _cut_run_on(doc, start, end, label)
    if cut is None:
        cut = _place_into_sentence(doc, span.start, start, end, label)
    if cut is not None:
        return cut
    end = _drop_trailing_numbers(doc, start, end)
    if label == "PERSON":
        numbered = _numbered_title(doc, start, end)
        if numbered is not None:
            return numbered
        credited = _credit_line(doc, start, end)
        if credited is not None:
            return credited
        if _adjective_of_a_noun(doc, start, end):
            return []
        start, end = _person_bounds(doc, start, end)
    if end <= start:
        return []
    if (start, end) != (span.start, span.end):
        span = Span(doc, start, end, label=label)
    relabelled = (
        _relabel_by_head(doc, start, end, label)
        or _org_nouns_then_place(doc, start, end, label)
        or _relabel_by_kind(doc, start, end, label)
        or _headline_source(doc, start, end, label)
        or _org_then_person(doc, start, end, label)
        or _particle_person(doc, start, end, label)
    )
    if relabelled is not None:
        return relabelled
    places = _hyphened_places(doc, span)
    return places if places is not None else _split_known(doc, span)


def _adjective_of_a_noun(doc: Doc, start: int, end: int) -> bool:
    """Is the person-tagged ``doc[start:end]`` one capitalised adjective modifying a noun after
    it ("the Olympic champion", "double Olympic gold", "the Olympic 800m champion")? A word
    WordNet has only as an adjective is no one's name (a surname is a noun there: "Brown",
    "Young"); used as one ("Strong said", "Mr Strong") it modifies nothing. "Olympic" was the
    person of 6 BBC articles (20 mentions) and stood in their People chart."""
    if end - start != 1 or end >= len(doc):
        return False
    word = doc[start]
    return (
        word.text.istitle()
        and not doc[end].text.istitle()
        and word.dep_ in ("amod", "compound", "nmod")
        and word.head.i >= end
        and geo.adjective_only(word.text)
        and not is_given_name(word.text)
        and _norp_group(word.text) is None  # a group's word ("Jihadi hymns")
        and not (start > 0 and doc[start - 1].text.lower() in HONORIFICS)
        # a club's or a firm's one word, as the article tags it elsewhere ("United keeper")
        and not any(e.label_ == "ORG" and e.text == word.text for e in doc_arrays.entities(doc))
    )


_HYPHENS = frozenset({"-", "\u2013"})


def _hyphened_places(doc: Doc, span: Span) -> list[Span] | None:
    """Two places joined by a hyphen ("the U.S.-Mexico border", "the Beirut-Damascus road",
    "Hasaka-Qamishli"), which the model tags one organisation: the two places, else None.
    Not a place the gazetteer knows whole ("Guinea-Bissau"). As one name it was an
    organisation "U.S.-Mexico" in 11 PolNeAR articles, and neither country was mentioned.
    Written as one token ("U.S.-Mexico"), the pair cannot be cut into two mentions: no name
    (an empty list), rather than a body of that name."""
    if len(span) == 1:
        halves = re.split(r"(?<=\S)[-\u2013](?=[A-Z])", span.text)
        known = [_piece_text(h) for h in halves] if len(halves) == 2 else [None]
        whole = gazetteer.place(span.text)
        return [] if whole is None and _two_places(doc, span, known) else None
    cut = [t.i for t in span[1:-1] if t.text in _HYPHENS and not t.whitespace_]
    if len(cut) != 1 or doc[cut[0] - 1].whitespace_ or _piece(span) is not None:
        return None
    pieces = [Span(doc, span.start, cut[0]), Span(doc, cut[0] + 1, span.end)]
    known = [_piece(p) for p in pieces]
    if not _two_places(doc, span, known):
        return None
    return [Span(doc, p.start, p.end, label=k[1]) for p, k in zip(pieces, known, strict=True)]


# Nouns after two places joined by a hyphen that say the pair is two places: "the Beirut-
# Damascus highway", "the Turkey-Syria border", "Israel-Egypt relations".
_ROUTE_NOUNS = frozenset(
    {"border", "frontier", "road", "highway", "motorway", "route", "railway", "pipeline",
     "line", "corridor", "relations", "talks", "ties", "axis"}
)  # fmt: skip


def _two_places(doc: Doc, span: Span, known: list) -> bool:
    """Are the ``known`` pieces of ``span`` two places that a hyphen pairs: a country among
    them ("U.S.-Mexico"), or a noun of a route or of relations after them ("the Hasaka-
    Qamishli road")? Not a person-tagged pair ("Obama-Clinton" policies: Obama is a town in
    Japan, Clinton one in Iowa), nor a county's or a district's name of two words ("Miami-Dade":
    Dade alone is no place the story names)."""
    if span.label_ == "PERSON":
        return False
    if not all(k is not None and k[0] in ("country", "place") for k in known):
        return False
    if any(k[0] == "country" for k in known):
        return True
    return span.end < len(doc) and doc[span.end].lower_ in _ROUTE_NOUNS


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _dateline_run_in(doc: Doc, start: int, end: int, label: str) -> list[Span] | None:
    """A dateline run into the name that opens its paragraph ("ROME - Bernie Sanders met …",
    tagged ORG whole, made every "Sanders" of the story an organisation named "ROME - Bernie
    Sanders"): the place in capitals, then a dash, at a line's start. The place stays a place;
    the rest is a person where it looks like one (:func:`_person_like`), else keeps the label."""
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return None
    k = start
    while k < end and doc[k].text.isupper() and doc[k].is_alpha:
        k += 1
    if k == start or k >= end - 1 or doc[k].text not in _DASHES:
        return None
    place = doc[start:k].text
    if gazetteer.place(place.title()) is None and gazetteer.place(place) is None:
        return None
    rest = label
    if _person_like(doc, k + 1, end):
        rest = "PERSON"
    return [Span(doc, start, k, label="GPE"), Span(doc, k + 1, end, label=rest)]


# Lower-case words inside a work's title ("Flight of the Phoenix", "Born in the USA").
_TITLE_CONNECTORS = frozenset({"of", "the", "and", "in", "a", "an", "on", "at", "to", "for", "&"})
# Words between a work's noun and its title: "a film called Phoenix", "the song 'Detroit'".
_TITLE_LEADS = frozenset({"called", "titled", "entitled", "named", ",", ":"})
_OPEN_QUOTES = frozenset({'"', "\u201c", "'", "\u2018"})
_CLOSE_QUOTES = frozenset({'"', "\u201d", "'", "\u2019"})
# The longest title read around a place's name, in tokens.
_TITLE_MAX = 10


def _work_title(doc: Doc, start: int, end: int) -> list[Span] | None:
    """The place-tagged name ``doc[start:end]`` as a word of a work's title, or None: the
    capitalised phrase around it (with "of", "the", "in" …) when a work's noun of
    :data:`WORK_NOUNS` stands right before it ("the film Flight of the Phoenix", "the re-make,
    Flight of the Phoenix,", "a song called Detroit"), or right after it ("Phoenix, the film"),
    or the phrase stands alone in quotes ("the hit \u201cDallas\u201d"). Tagged WORK_OF_ART
    (kept only where the title is a known name) and its tokens recorded as no place
    (:func:`no_place_tokens`): a film's or an album's title says nothing of where the story is
    ("Flight of the Phoenix" had put a box-office chart's figures in Phoenix, Arizona). A place
    named after the title ("a film shot in Phoenix") keeps its preposition between and stays,
    and so does one after another name ("the film Sex and the City in London"): the phrase
    grows over untagged words only."""
    # (a doc built without a parser has no sentences: read it as one)
    sent = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
    lo, hi = start, end
    while lo > sent.start and (_title_part(doc[lo - 1]) or _place_of(doc, lo - 1, lo)):
        lo -= 1
    while hi < sent.end and (_title_part(doc[hi]) or _place_of(doc, hi, hi - 1)):
        hi += 1
    while lo < start and not _capital_word(doc[lo]):
        lo += 1
    while hi > end and not _capital_word(doc[hi - 1]):
        hi -= 1
    if hi - lo > _TITLE_MAX:
        return None
    quoted = (
        lo > sent.start
        and hi < len(doc)
        and doc[lo - 1].text in _OPEN_QUOTES
        and doc[hi].text in _CLOSE_QUOTES
        and (doc[lo - 1].text, doc[hi].text) != ("'", "'")  # (a possessive's apostrophe)
    )
    k = lo - 1 if lo - 1 >= sent.start and doc[lo - 1].text in _OPEN_QUOTES else lo
    comma = k - 1 >= sent.start and doc[k - 1].text in (",", ":")
    if k - 1 >= sent.start and doc[k - 1].lower_ in _TITLE_LEADS:
        k -= 1
    # "the film, Phoenix, …": after a comma, the title closes at punctuation (not "the show,
    # London's biggest": a place the phrase goes on to describe)
    closed = hi >= sent.end or doc[hi].is_punct
    before = k - 1 >= sent.start and _work_noun(doc[k - 1]) and (closed or not comma)
    # "Phoenix, the film, …", "Small Island, Levy's fourth novel, …": a work's noun in
    # apposition after the title (not "London, the city's film capital")
    after = any(
        c.dep_ == "appos" and c.i >= hi and _work_noun(c) for t in doc[lo:hi] for c in t.children
    )
    # "the first Pirates of the Caribbean film": a title of several words before the work's
    # noun (a place's name alone there is the place: "the Cannes film festival", "a Paris show")
    named_before = (
        hi < sent.end
        and (lo + (doc[lo].lower_ in ("the", "a", "an")), hi) != (start, end)
        and _work_noun(doc[hi])
        and not (hi + 1 < len(doc) and doc[hi + 1].lower_ in _EVENT_NOUNS)
    )
    if not (quoted or before or after or named_before):
        return None
    doc.user_data.setdefault(NO_PLACE_KEY, set()).update(range(lo, hi))
    return [Span(doc, lo, hi, label="WORK_OF_ART")]


def _title_part(tok: Token) -> bool:
    """Can ``tok`` be a word of a title ("Flight", "of", "the")? Not a word of another name
    (a date's or a number's are: "A Year in Provence")."""
    return (tok.ent_iob_ == "O" or tok.ent_type_ in _TITLE_ENT_TYPES) and (
        _capital_word(tok) or tok.lower_ in _TITLE_CONNECTORS
    )


_TITLE_ENT_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def _place_of(doc: Doc, i: int, nbor: int) -> bool:
    """Is the place-tagged ``doc[i]`` joined by "of" to the title word ``doc[nbor]`` beside it
    ("Pirates of the Caribbean", both tagged places), or a word of the same name as it? A place
    after "in" or "and" is another name ("the film Sex and the City in London")."""
    tok = doc[i]
    if tok.ent_type_ not in ("GPE", "LOC"):
        return False
    if nbor < i:  # growing to the right
        if tok.ent_iob_ == "I":
            return True
        prev = doc[nbor]
        return prev.lower_ == "of" or (
            prev.lower_ == "the" and nbor > 0 and doc[nbor - 1].lower_ == "of"
        )
    nxt = doc[nbor]
    if nxt.ent_iob_ == "I" and nxt.ent_type_ == tok.ent_type_:
        return True
    return nxt.lower_ == "of"


def _capital_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or tok.like_num or "-" in tok.text)


def _after_work_noun(doc: Doc, start: int) -> bool:
    """Does a work's noun stand right before the name at token ``start``, a title's "The"
    between or not ("the film Ray", "Hollywood blockbuster The Aviator")?"""
    i = start - 1 - (start >= 2 and doc[start - 1].lower_ == "the")
    return i >= 0 and _work_noun(doc[i])


# Words of a film's or a show's success that its title, not a person, is the subject of
# ("Boogeyman took $19m", "Spider-Man made $1.6bn", "Hitch topped the box office")
_TAKINGS_VERBS = frozenset({"take", "make", "gross", "earn", "top"})
_TAKINGS_NOUNS = frozenset({"takings", "grossed", "box-office"})
_CINEMA_WORDS = WORK_NOUNS | {"cinema", "cinemas", "weekend", "release", "opening", "films"}


def _title_cue(doc: Doc, ent: Span) -> bool:
    """Does the text call the name ``ent`` (tagged PERSON) a film's, a show's or a record's
    title in its sentence? A work's noun or "hit" before it, over the title's untagged first
    words ("his new thriller Hide and Seek", "TV shows Pop Idol", "the hit Shrek"); the name
    alone in quotation marks ("the single “Getaway”"); "starring" right after it
    ("Closer, starring Jude Law"); or the name, the subject of a verb of takings, with money or
    the box office in the sentence ("Boogeyman took $19m", "Spider-Man made $1.6bn at box
    offices", "Boogeyman has topped the box office"). A person is named as the subject of such
    a verb too ("Carrey topped the box office"): the labeller keeps the model's person where
    the article names him in full or gives him a given name (labelling._decide_label)."""
    start, end = ent.start, ent.end
    sent = ent.sent if doc.has_annotation("SENT_START") else doc[:]
    i = start - 1
    while i > sent.start and start - i <= _TITLE_MAX and _untagged_title_word(doc[i]):
        i -= 1  # "thriller Hide and [Seek]": the title's first words the model left out
    if i < start - 1 and not _capital_word(doc[i + 1]):
        i = start - 1  # (a title starts with a capital: "a film and Seek" is none)
    i -= i >= sent.start and doc[i].lower_ == "the"
    if i >= sent.start and _work_or_hit_noun(doc[i]):
        return True
    if (
        start > sent.start
        and end < sent.end
        and doc[start - 1].text in ('"', "\u201c")
        and doc[end].text in ('"', "\u201d")
    ):
        return True  # "the single “Getaway”": a title in quotes
    return _work_listed(ent) or _work_by_its_sentence(doc, ent)


def _work_by_its_sentence(doc: Doc, ent: Span) -> bool:
    """Does the sentence of ``ent`` say a work's things of it, whatever the model tagged it:
    "starring" a person right after it ("Closer, starring Jude Law"), a verb of takings with
    the box office or money ("The Aviator has taken $75m at the box office"), or a work's noun
    it is ("The Aviator is a gorgeous movie")?"""
    end = ent.end
    sent = ent.sent if doc.has_annotation("SENT_START") else doc[:]
    k = end + (end < sent.end and doc[end].text == ",")
    if k + 1 < sent.end and doc[k].lower_ == "starring" and doc[k + 1].ent_type_ == "PERSON":
        return True  # (not "Hanks, starring in his first comedy")
    root = ent.root
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_ == "be":
        return any(c.dep_ == "attr" and _work_noun(c) for c in verb.children)
    return _takings_subject(doc, ent, sent)


_FILM_PLURALS = frozenset({"films", "movies", "sequels"})


def _work_named(doc: Doc, ent: Span) -> str:
    """What the one-word name ``ent`` (tagged PERSON) is by the words right beside it: "work"
    where films stand right after it as its head ("the Spider-Man films", "the Godzilla
    movies") or a work's noun right before it as its apposition ("the film Ray"), or where a cast's noun
    (:data:`CAST_NOUNS`) stands between it and a person's name ("Ray star Jamie Foxx"); "band"
    where a band member's noun (:data:`BAND_MEMBER_NOUNS`) does ("Keane frontman Tom
    Chaplin"); else "". A given name is no proof of a person here: "Ray" is Ray Charles's
    film."""
    if " " in ent.text.strip():
        return ""
    root, end = ent.root, ent.end
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text.islower() and after.pos_ == "NOUN":
        person_next = end + 1 < len(doc) and doc[end + 1].ent_type_ == "PERSON"
        if after.lower_ in CAST_NOUNS and person_next:
            return "work"
        if after.lower_ in BAND_MEMBER_NOUNS and person_next:
            return "band"
        if after.lower_ in _FILM_PLURALS and root.head.i == after.i:
            # (plural only: "the latest Eminem album", "a Spielberg film" name the maker)
            return "work"
    i = ent.start - 1
    before = doc[i] if i >= 0 else None
    if (
        before is not None
        and _work_noun(before)
        and before.text.islower()
        and (before.head.i == root.i or root.head.i == before.i)
    ):
        return "work"
    return ""


def _work_listed(ent: Span) -> bool:
    """Is ``ent`` one of a list that a plural work's noun opens with "including", "like" or
    "such as" ("films including Raging Bull, Goodfellas and Gangs of New York", "albums such
    as Nevermind")? (as :func:`_org_listed` for bands and firms)"""
    noun = _list_noun(ent)
    return noun is not None and noun.lemma_.lower() in WORK_NOUNS and noun.text.islower()


def _work_or_hit_noun(tok: Token) -> bool:
    """A work's noun, its plural ("TV shows Pop Idol", "the films Closer and Sideways") or
    "hit" as a noun ("the hit Shrek", not "Chelsea hit Smith")."""
    if _work_noun(tok):
        return True
    singular = tok.lower_[:-1] if tok.lower_.endswith("s") else ""
    # ("TV shows Pop Idol": "shows" parsed the verb after "TV")
    tv = tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("tv", "television")
    plural = singular in WORK_NOUNS and tok.text.islower() and (tok.tag_ == "NNS" or tv)
    hit = tok.lower_ == "hit" and tok.pos_ in ("NOUN", "ADJ") and tok.text.islower()
    return plural or hit


def _takings_subject(doc: Doc, ent: Span, sent: Span) -> bool:
    """Is ``ent`` the subject of a verb of takings (:data:`_TAKINGS_VERBS`) in a sentence that
    names money or the box office ("Boogeyman took $19m (£10m)", "Hitch topped the box
    office", "Spider-Man and its sequel made $1.6bn")?"""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in _TAKINGS_VERBS:
        return False
    lowers = [t.lower_ for t in sent]
    box_office = any(
        a == "box" and b in ("office", "offices") for a, b in zip(lowers, lowers[1:], strict=False)
    )
    if box_office or any(w in _TAKINGS_NOUNS for w in lowers):
        return True
    # money alone is no film's ("Ebbers took $400m in loans"): with a cinema's word too
    money = any(t.ent_type_ == "MONEY" for t in root.head.subtree)
    return money and any(w in _CINEMA_WORDS for w in lowers)


def _product_noun_after(doc: Doc, end: int) -> bool:
    """Is the name ending at token ``end`` the modifier of a made thing's noun right after it
    (:data:`PRODUCT_NOUNS`: "the Cell chip", "Symbian phones"), written in lower case?"""
    if end >= len(doc):
        return False
    tok = doc[end]
    return tok.lower_ in PRODUCT_NOUNS and tok.text.islower() and tok.pos_ == "NOUN"


def _untagged_work_titles(doc: Doc) -> set[tuple[str, ...]]:
    """The name keys of the titles written right after a work's noun that the model tagged as
    no name, or as a work ("Scorsese's film The Aviator", untagged): the title's other mentions
    in the article ("The Aviator won five Oscars", tagged ORG) are the work's, as the mention
    after the noun would be (:func:`_after_work_noun`). A title the model tagged a name there
    ("a film Warner Bros made") is left to that mention's own cue."""
    lowers = doc_arrays.strings(doc, LOWER)
    titles: set[tuple[str, ...]] = set()
    for i, word in enumerate(lowers):
        if word not in WORK_NOUNS or not _work_noun(doc[i]):
            continue
        end = i + 1
        while end < len(doc) and end - i <= _TITLE_MAX and _untagged_title_word(doc[end]):
            end += 1
        while end > i + 1 and not _capital_word(doc[end - 1]):
            end -= 1  # (a connector closes no title: "the film Ray and")
        if end > i + 1 and _capital_word(doc[i + 1]):
            key = name_key(clean_name(doc[i + 1 : end].text))
            if key:
                titles.add(key)
    return titles


def _untagged_title_word(tok: Token) -> bool:
    """A title's word ("The", "Aviator", "of") that the model tagged no name, or a work."""
    return tok.ent_type_ in ("", "WORK_OF_ART") and (
        _capital_word(tok) or tok.lower_ in _TITLE_CONNECTORS
    )


def _work_noun(tok: Token) -> bool:
    """Is ``tok`` a work's noun written as one ("film", "album"; "re-make" as one word or three
    tokens), not the verb ("Arsenal play Chelsea", "polls show Obama ahead")?"""
    if tok.lower_ == "make" and tok.i >= 2 and tok.doc[tok.i - 2 : tok.i + 1].text == "re-make":
        return True
    # "the blockbuster West End musicals": a modifier of a common noun after the name, whose
    # name is then no title's
    modifier = tok.dep_ in ("amod", "compound") and tok.head.i > tok.i and tok.head.text.islower()
    return (
        tok.lower_ in WORK_NOUNS
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.text.islower()
        and not modifier
    )


# Lower-case nouns of an event named after a place: "the Sundance film festival", "the
# Glastonbury festival", "the Brit awards".
_EVENT_NOUNS = frozenset({"festival", "awards"})
_EVENT_KINDS = frozenset({"film", "music", "arts", "jazz", "book", "literary", "folk", "rock"})


def _named_event(doc: Doc, start: int, end: int) -> list[Span] | None:
    """The place-tagged name ``doc[start:end]`` as the name of an event written in lower case
    after it ("the Sundance film festival"), or None. Such an event is held in the place of its
    name when that is a city ("the Cannes film festival", "the Glastonbury festival": the name
    stays a place). A name the gazetteer knows only as a village may be a namesake's (the
    Sundance festival is in Utah, not in Sundance, Wyoming) or the village's own (Telluride's,
    Aldeburgh's), which the gazetteer cannot tell: in this sentence it is the event's, tagged
    EVENT and recorded as no place (:func:`no_place_tokens`); the article's other mentions of
    the name say what it is elsewhere ("held each June in Aldeburgh" stays a place: the event's
    mention casts no vote, :func:`analysis.entities.labelling._label_entities`)."""
    k = end
    if k < len(doc) and doc[k].lower_ in _EVENT_KINDS and doc[k].text.islower():
        k += 1
    if k >= len(doc) or doc[k].lower_ not in _EVENT_NOUNS or not doc[k].text.islower():
        return None
    loc = geo.locate(doc[start:end].text)
    if loc is not None and loc.kind not in ("village", "hamlet"):
        return None
    doc.user_data.setdefault(NO_PLACE_KEY, set()).update(range(start, end))
    return [Span(doc, start, end, label="EVENT")]


def _cut_headline_verb(doc: Doc, start: int, end: int, label: str) -> list[Span] | None:
    """A title-case headline's verb the model ran into the name before it cut off, with the
    rest of the headline ("Syrian Army Kills 30 Terrorists", "Hezbollah Al-Nujaba Kills" →
    "Syrian Army", "Hezbollah Al-Nujaba"); a known name after the verb is kept ("Group Seizes
    Palmyra"), and so is a person's name in a person-tagged run ("Jane Doe Slams John Roe" →
    both). What is left before the verb keeps the model's label unless it is a known place
    ("Aleppo Kills" tagged PERSON → Aleppo, GPE), and is no name at all when it ends in an
    incident noun ("Car Bomb Kills"). None when no word of the span is a headline verb."""
    for k in range(start, end):
        if not _headline_verb(doc, start, end, k, label):
            continue
        if k > start and not doc[k - 1].whitespace_:
            continue
        after = _after_headline_verb(doc, k + 1, end, label)
        if k == start or doc[k - 1].lower_ in INCIDENT_NOUNS:
            # "Kills Five Kurdish Police" (the verb opens the span), "Car Bomb Kills"
            return after
        known = _piece(doc[start:k])
        if known is not None and known[0] in ("country", "place", "town"):
            # (a small town's name tagged a person stays one: "Clinton Wades In")
            keep = label == "PERSON" and known[0] == "town"
            return [Span(doc, start, k, label=label if keep else known[1]), *after]
        return [*_respan(doc, Span(doc, start, k, label=label)), *after]
    return None


def _headline_verb(doc: Doc, start: int, end: int, k: int, label: str) -> bool:
    """Is ``doc[k]`` a title-case headline verb inside the name ``doc[start:end]``: one of the
    curated headline verbs, or, in a person-tagged run, a verb's third-person form ("Clinton
    Wades In", "Trump Calls On") by the model's tag or by the lemmatizer's verbs. A given name
    ("Will", "Brooks") or the word after a given name or an initial (the surname of "Bill
    Gates", "Ida B. Wells") is no verb; nor, in an organisation, a word before its fourth
    ("Black Lives Matter")."""
    token = doc[k]
    word = token.text
    if not word.istitle():
        return False
    if word.lower() in HEADLINE_VERBS:
        return True
    if label == "ORG":  # "... Survivors Explain Why ...": the model's own verb tag, late on
        return k >= start + 3 and token.tag_ in ("VBZ", "VBP")
    if label != "PERSON" or end - start < 2 or is_given_name(word):
        return False
    if not (token.tag_ == "VBZ" or _verb_s_form(word.lower())):
        return False
    if k == end - 1 and end < len(doc) and doc[end].pos_ in ("VERB", "AUX"):
        return False  # a plural noun ending a name that is the subject ("Kettle Drums have")
    if k == start:  # "Denounces Clinton", not "Brooks Koepka": a known name must follow
        return _after_headline_verb(doc, k + 1, end, label, known_only=True) != []
    before = doc[k - 1]
    if before.text.endswith("."):
        return False
    if k == start + 1:
        # a surname and a verb ("Clinton Wades In", the text naming a "Hillary Clinton"), not a
        # given name the lexicon lacks and its surname ("Gennifer Flowers", "Philippe Reines")
        return _surname_in(doc, before.text)
    # the surname after a given name ("John Foster Dulles", "Francis Gary Powers"), unless that
    # given name is someone's surname in this text ("Hillary Clinton Slams")
    return not is_given_name(before.text) or _surname_in(doc, before.text)


def _surname_in(doc: Doc, word: str, skip: int = -1) -> bool:
    """Does ``word`` end a name after a given name somewhere in ``doc`` (as "Clinton" in
    "Hillary Clinton said", not "Foster" in "John Foster Dulles")? Not counting the token at
    ``skip``."""
    return any(i != skip for i in _name_ends(doc).get(word, ()))


_NAME_ENDS = "presslens.name_ends"


def _name_ends(doc: Doc) -> dict[str, list[int]]:
    """The words that end a name after a given name in ``doc``, each with the tokens where it
    does: a title-case word after a title-case given name and before no other title-case word.
    Found once per Doc (a walk of every token for each name asked about was 5 % of the
    extractors' time)."""
    ends = doc.user_data.get(_NAME_ENDS)
    if ends is None:
        words = doc_arrays.strings(doc, ORTH)
        last = len(words) - 1
        ends = {}
        for i in range(1, last + 1):
            before = words[i - 1]
            if (
                before.istitle()
                and (i == last or not words[i + 1].istitle())
                and is_given_name(before)
            ):
                ends.setdefault(words[i], []).append(i)
        doc.user_data[_NAME_ENDS] = ends
    return ends


# The stem endings that take "-es" in the third person ("pushes", "fixes", "goes").
_ES_STEMS = ("ses", "xes", "zes", "ches", "shes", "oes")


def _verb_s_form(word: str) -> bool:
    """Is ``word`` (lower case) the third person singular of a verb the lemmatizer knows
    ("slams", "wades", "pushes", "denies")?"""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    verbs = geo.english_verbs()
    return (
        word[:-1] in verbs
        or (word.endswith(_ES_STEMS) and word[:-2] in verbs)  # not "dull" in "Dulles"
        or (word.endswith("ies") and word[:-3] + "y" in verbs)
    )


def _after_headline_verb(
    doc: Doc, start: int, end: int, label: str, *, known_only: bool = False
) -> list[Span]:
    """The words after a headline verb that stay a name: something known ("Palmyra"), or in a
    person-tagged run a surname alone or a full name opening with a given name ("Hillary
    Clinton Slams Donald Trump" → "Donald Trump"), itself cut at a further verb."""
    if start >= end:
        return []
    rest = _piece(doc[start:end])
    if rest is not None:
        if rest[0] == "junk" or (end - start == 1 and geo.ordinary_word(doc[start].text)):
            return []  # (an adjective is no place: "Trump Stands Tall", a town in Syria)
        # a person-tagged word that is also some small town's name stays a person ("Denounces
        # Clinton"); a state or country does not ("Takes Wisconsin")
        keep = label == "PERSON" and rest[0] == "town"
        return [Span(doc, start, end, label=label if keep else rest[1])]
    words = doc[start:end]
    if (
        label == "PERSON"
        and (
            not known_only
            or (len(words) >= 2 and is_given_name(words[0].text))
            or (len(words) == 1 and _surname_in(doc, words[0].text))
        )
        # a word alone is a name only when a given name or someone's surname ("Clinton Email
        # Story Has Moved" leaves no "Moved")
        and (len(words) > 1 or is_given_name(words[0].text) or _surname_in(doc, words[0].text))
        and all(t.is_title for t in words)
        and (len(words) == 1 or (len(words) <= 3 and is_given_name(words[0].text)))
    ):
        return _respan(doc, Span(doc, start, end, label=label))
    return []


def _cut_run_on(doc: Doc, start: int, end: int, label: str) -> list[Span] | None:
    """An aside after a dash ("White Helmets - a rescue service"), a trailing "the
    Observatory" or a relative clause ("the Nusra Front which Nusra fighters …") cut off the
    name, and two known organisations run together split ("ISIL Al-Nusra Front"); None when
    none of these is there."""
    texts = doc_arrays.strings(doc, ORTH)  # words without a Token each
    words = [w.lower() for w in texts[start:end]]
    # "protests against the Nusra Front which Nusra fighters suppressed": the comma before
    # the relative pronoun lost, the model ran the name into the clause's first words
    for k in range(start + 1, end):
        if texts[k] in _RELATIVE_PRONOUNS:
            after = [Span(doc, k + 1, end, label=label)] if k + 1 < end else []
            after = [a for a in after if a[0].text[:1].isupper()]
            before = _respan(doc, Span(doc, start, k, label=label))
            return [*before, *(piece for a in after for piece in _respan(doc, a))]
    two = _two_known_orgs(doc, start, end) or _possessive_org_first(doc, start, end)
    if two is not None:
        return two
    for k in range(start + 1, end - 1):
        if texts[k] in ("-", "–", "—") and doc[k - 1].whitespace_ and texts[k + 1].islower():
            return _respan(doc, Span(doc, start, k, label=label))
    if end - start >= 3 and words[-2] == "the" and words[-1] in ORG_HEAD_WORDS:
        before = _respan(doc, Span(doc, start, end - 2, label=label))
        return [*before, Span(doc, end - 1, end, label="ORG")]
    # "Hassakeh the Syrian Observatory for Human Rights", "Idlib the Security Council", "SARC
    # the International Committee of the Red Cross": a comma lost before a second name
    for k in range(start + 1, end - 1):
        if texts[k] != "the":
            continue
        prev, nxt = doc[k - 1], doc[k + 1]
        if (
            (prev.is_title or prev.is_upper)
            and prev.lower_ not in _NAME_VERBS_BEFORE_THE
            and (nxt.is_title or nxt.is_upper)
        ):
            after = Span(doc, k + 1, end, label=label)
            words_after = {t.lower_ for t in after}
            if label != "ORG" and (
                words_after & ORG_HEAD_WORDS or alias(clean_name(after.text)) is not None
            ):
                after = Span(doc, k + 1, end, label="ORG")
            return [*_respan(doc, Span(doc, start, k, label=label)), *_respan(doc, after)]
    return None


# Relative pronouns that open a clause: in lower case, no word of a name ("The Who" is one).
_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})


def _two_known_orgs(doc: Doc, start: int, end: int) -> list[Span] | None:
    """Two organisations the alias tables know, run together where the source lost the comma
    or the possessive's apostrophe between them ("ISIL Al-Nusra Front", "the Al-Nusra Front
    Al-Qaedas affiliate"): the two, each an organisation; else None. Not a body and a unit
    of it, which share a word ("U.N. Security Council", "BBC World Service": the unit's own
    name has the body's word), nor two spellings of one organisation."""
    for k in range(start + 1, end):
        if not doc[k - 1].whitespace_:
            continue  # inside a word ("al-Nusra")
        first = _org_named(doc[start:k].text)
        second = _org_named(doc[k:end].text)
        if first is None or second is None or first == second:
            continue
        words_first = _folded_words(doc[start:k].text, first)
        if words_first & _folded_words(doc[k:end].text, second):
            continue
        return [Span(doc, start, k, label="ORG"), Span(doc, k, end, label="ORG")]
    return None


def _possessive_org_first(doc: Doc, start: int, end: int) -> list[Span] | None:
    """A known organisation whose possessive lost its apostrophe, run into a known place or
    a nationality after it ("Al-Qaedas Syria affiliate", "Al-Qaedas Syrian affiliate"): the
    two; else None. An organisation's possessive ends its name."""
    for k in range(start + 1, end):
        if not doc[k - 1].whitespace_:
            continue
        written = doc[start:k].text
        if alias(written) is not None or _org_named(written) is None:
            continue
        rest = _piece(doc[k:end])
        if rest is not None and rest[0] in ("country", "place"):
            return [Span(doc, start, k, label="ORG"), Span(doc, k, end, label=rest[1])]
        if end - k == 1 and _demonym(doc[k].text):
            return [Span(doc, start, k, label="ORG"), Span(doc, k, end, label="NORP")]
    return None


def _org_named(text: str) -> str | None:
    """The canonical name of the organisation ``text`` names, also with a lost possessive's
    "s" ("Al-Qaedas"); else None."""
    found = alias(text)
    if found is None and len(text) > 4 and text.endswith("s") and not text.endswith("ss"):
        found = alias(text[:-1])
    return found[0] if found is not None and found[1] == "ORG" else None


def _folded_words(*names: str) -> set[str]:
    """The words of ``names`` in lower case without full stops ("U.N." is "un"), split at
    spaces only ("al-Nusra" is one word), without Arabic articles ("Al Nusra Front" and "al
    Qaeda" share no word of their own)."""
    words = {w.replace(".", "") for name in names for w in name.casefold().split()}
    return words - gazetteer.ARABIC_ARTICLES


def _place_into_sentence(
    doc: Doc, span_start: int, start: int, end: int, label: str
) -> list[Span] | None:
    """A known place the model ran into the opening words of the next sentence or headline,
    whose full stop or dash the source lost ("… east of Damascus[.] Monitoring group …",
    "Daraa[ -] Army units carried out …", "near Damascus[.] Fierce clashes …"): the place alone,
    and of the opening words only a known organisation or a nationality ("Aleppo
    Russian sources" → Aleppo, Russian). Read where the span's last word modifies a lower-case
    noun after it ("units", "group", "clashes") that names no body, building or place ("Idlib
    News network", "the Rastan city centre" stay; after a gerund it may: "Monitoring group"),
    the words after the place are one or two common English words (a headline's "Monitor"
    is its source: "near Damascus - monitor"), and the phrase
    is no name of its own: no determiner before it ("the Washington Post reporter"), and the
    same words in lower case elsewhere in the text ("car bomb", "army units"), or a gerund,
    an adjective, a number or a nationality opening it. None otherwise.
    ``span_start``: the span's start before a leading "the" was dropped."""
    if label == "PERSON" or end >= len(doc) or end - start < 2:
        return None
    if (span_start > 0 and doc[span_start - 1].pos_ in ("DET", "PRON")) or span_start < start:
        return None
    last = doc[end - 1]
    noun = last.head
    if last.dep_ not in _MODIFIER_DEPS or noun.i < end or noun.pos_ != "NOUN":
        return None
    between = doc[end : noun.i + 1]
    if not all(t.is_alpha and t.text.islower() for t in between):
        return None
    if gazetteer.place(doc[start:end].text) is not None:
        return None
    k = next((k for k in range(end - 1, start, -1) if _place_prefix(doc, start, k)), None)
    if k is None or not 1 <= end - k <= 2:
        return None
    opening = doc[k:end]
    if not all(t.is_title and (common_word(t.text) or _demonym(t.text)) for t in opening):
        return None
    # a gerund opens a sentence ("Monitoring group …"), no name of a body or a place
    gerund = opening[0].lower_.endswith("ing")
    if noun.lower_ in ORG_HEAD_WORDS | FACILITY_WORDS | NEAR_PLACE_NOUNS and not gerund:
        return None  # "Idlib News network", "Hama Media center": the span names that
    # The opening words are no name's where the text writes them in lower case with the noun
    # elsewhere ("army units", "air strikes", "car bomb"), or where they open no name at all:
    # a gerund, an adjective of the dictionary ("Fierce clashes"), a number, a nationality. A
    # name's head word needs the former ("London Marathon organisers" stays a name).
    words = [t for t in opening if t.lower_ not in _SOURCE_WORDS] or list(opening)
    lower = " ".join(t.lower_ for t in [*words, *between])
    attested = re.search(rf"\b{re.escape(lower)}\b", text_of(doc)) is not None
    first = words[0]
    loose = (
        gerund
        or len(words) < len(opening)  # a headline's source: it ended at the place
        or (first.tag_ == "JJ" and geo.ordinary_word(first.text))
        or first.tag_ == "CD"
        or _demonym(first.text)
    )
    if any(t.lower_ in _NAME_HEAD_WORDS - _SOURCE_WORDS for t in opening):
        loose = False
    if not (attested or loose):
        return None
    place = _piece(doc[start:k])
    out = [Span(doc, start, k, label=place[1] if place is not None else "LOC")]
    rest = _piece(opening)
    if rest is not None and rest[0] == "org":
        out.append(Span(doc, k, end, label="ORG"))
    elif len(opening) == 1 and _demonym(opening[0].text):
        out.append(Span(doc, k, end, label="NORP"))
    return out


# Last words of the names of bodies, buildings, events and laws: a place's name before one
# with a noun after is that thing's name ("Damascus University students").
_NAME_HEAD_WORDS = (
    ORG_HEAD_WORDS | FACILITY_WORDS | FACILITY_HEAD_WORDS | EVENT_HEAD_WORDS | LAW_HEAD_WORDS
)


# A headline's source word after its place ("… near Damascus - monitor"), no name's head.
_SOURCE_WORDS = frozenset({"monitor"})


def _place_prefix(doc: Doc, start: int, k: int) -> bool:
    """Is ``doc[start:k]`` a known place's name, whole at a space: a country or a city, state
    or region the gazetteer or the alias tables know ("Damascus"), or one of them with an area
    noun ("Damascus Countryside", SANA's name of the province)?"""
    if not doc[k - 1].whitespace_ or doc[start].lower_ in COMPASS_WORDS:
        return False  # ("North American": a compass word opens a name of its own)
    found = _piece(doc[start:k])
    if found is None and k - start >= 2 and doc[k - 1].lower_ in PLACE_NOUNS:
        found = _piece(doc[start : k - 1]) if doc[k - 1].is_title else None
    # (not a small town's name: a surname too, "Turner Broadcasting" is a company)
    return found is not None and found[0] in ("country", "place")


# Capitalised words that begin a name with "the" inside it ("Save the Children", "Stop the War").
_NAME_VERBS_BEFORE_THE = frozenset({"save", "stop", "beat", "keep", "feed", "meet", "free"})


def _drop_trailing_numbers(doc: Doc, start: int, end: int) -> int:
    """The end of the name without numbers that are no part of it: a distance ("Jayrud 60
    kilometres"), a sentence's opening number word ("2016 Six"), a place's count ("Idlib 15").
    The distance's unit may lie past the name's end ("Jadieh village 65 km northwest of Daraa":
    the model tags "Jadieh village 65")."""
    for k in range(start + 1, min(end, len(doc) - 1)):
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
    return end


def _numbered_title(doc: Doc, start: int, end: int) -> list[Span] | None:
    """A person-tagged name ending in numbers: a score run on to a player's name ("Selima Sfar
    2-6 6-2", the model taking "2-" or "2-6 6-"), the name without it; else a title with its
    number, a work or a product ("Spider-Man 2", "Joe 90"), which no person's name is: tagged
    WORK_OF_ART, kept only where the name is known otherwise. None when the name ends in no
    number."""
    dashes = ("-", "\u2013")
    k = end
    while k - start > 1 and (doc[k - 1].text.isdigit() or doc[k - 1].text in dashes):
        k -= 1
    if k in (end, start) or not doc[k].text.isdigit():
        return None
    first = doc[k]
    if not first.whitespace_ and k + 1 < len(doc) and doc[k + 1].text in dashes:
        return _respan(doc, Span(doc, start, k, label="PERSON"))  # a score or a range
    if k + 1 == end:
        return [Span(doc, start, end, label="WORK_OF_ART")]
    return None


def _credit_line(doc: Doc, start: int, end: int) -> list[Span] | None:
    """A wire credit line's job word the model tagged a person ("Writing by John Irish",
    "Editing by …"): the journalist's name after "by" — the rest of the span, or, when the span
    is the job word alone, the capitalised words after "by" that the model left untagged (none
    when it tagged them itself: that name is a mention of its own). None when the span opens with
    no job word before "by"."""
    if doc[start].lower_ not in CREDIT_JOB_WORDS or not doc[start].text[:1].isupper():
        return None
    if start + 1 < end and doc[start + 1].lower_ == "by":
        if start + 2 >= end:
            return []
        return _respan(doc, Span(doc, start + 2, end, label="PERSON"))
    if end - start != 1 or end >= len(doc) or doc[end].lower_ != "by":
        return None
    j = end + 1
    while (
        j < min(len(doc), end + 5)
        and doc[j].text.istitle()
        and doc[j].is_alpha
        and doc[j].ent_iob_ == "O"
    ):
        j += 1
    if j - (end + 1) >= 2:
        return [Span(doc, end + 1, j, label="PERSON")]
    return []


# Possessive determiners never inside a person's name: "Peter Graff Our Standards" (a Reuters
# footer run into the credit line's last name) ends before "Our".
_DETERMINERS = frozenset({"our", "their", "his", "her", "its", "my", "your"})


def _one_side_of_a_dash(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A person's name never spans a dash with spaces around it: the tagger ran a name into
    what a list or a heading sets beside it ("Jonathan Kaplan - England", a referee and his
    country; "Jerry Springer - The Opera"; "Guitar Greats - Jimmy Page"). The side kept is the
    one before the dash, unless only the side after opens with a given name."""
    for k in range(start + 1, end - 1):
        if doc[k].text in ("-", "–", "—") and doc[k - 1].whitespace_ and doc[k].whitespace_:
            if is_given_name(doc[k + 1].text) and not is_given_name(doc[start].text):
                return k + 1, end
            return start, k
    return start, end


def _person_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A person's name ends at its first lower-case word ("Assads air force"), and runs on over
    capitalised words into a place noun ("al-Sheikh [Maqsoud] neighbourhood"), taking a title
    before it along; a sentence's opening word the tagger read as no name is none of it
    ("Without Bloomberg in the mix", "Entrusting Donald Trump with …": see _lead_word)."""
    while end - start > 1 and _lead_word(doc[start]):
        start += 1
    start, end = _one_side_of_a_dash(doc, start, end)
    for k in range(start + 1, end):
        t = doc[k]
        lower = t.text.isalpha() and t.text[:1].islower() and t.text.lower() not in NAME_LOWER_WORDS
        if lower and doc[k - 1].whitespace_:  # a word of its own, not inside "al-Assad"
            end = k
            break
        if t.lower_ in _DETERMINERS and t.text.istitle() and k - start >= 2:
            end = k  # (a title's words stay: "Lose My Breath" is no name to cut)
            break
    # "Syrian Rami Abdel Rahman", "Konashenkov Russian", "Observatory Rami Abdurrahman": a
    # nationality or an organisation's word the model ran into the name is none of it (one at
    # the end makes an organisation: "Fateh al-Sham Front", see _relabel_by_head)
    while end - start > 1 and (
        _demonym(doc[start].text)
        or doc[start].text.lower() in ORG_HEAD_WORDS
        # "Welshman Jimmy Watkins"; but "Scot Ross" is a given name and a surname
        or (end - start > 2 and doc[start].text.lower() in NATIONALITY_NOUNS)
        # "Rapper Eminem", "Striker Nicolas Anelka": a trade written as a title
        or (doc[start].text.istitle() and doc[start].text.lower() in OCCUPATION_NOUNS)
    ):
        start += 1
    start = _after_party_label(doc, start, end)
    while end - start > 1 and _demonym(doc[end - 1].text):
        if end - start == 2 and is_given_name(doc[start].text):
            break  # "Mark Cuban": a given name and a surname that is also a nationality
        end -= 1
    # "Crooked Hillary Clinton", "CNN's Fault Ted Cruz apologized" (a headline run into the
    # text): an epithet, or a word that is no given name before a full name the article gives
    # on its own, is none of the name; the name opens with its given name.
    rest = doc[start + 1 : end].text
    own_name = (  # a word of its own after the lead: "Leys al-Faris" keeps its "Leys"
        end - start >= 3
        and len(rest.split()) >= 2
        and doc[start + 1].whitespace_
        and is_given_name(doc[start + 1].text)
    )
    if own_name and (
        doc[start].lower_ in NAME_EPITHETS
        or (
            not is_given_name(doc[start].text)
            and doc[start].lower_ not in NAME_LOWER_WORDS
            and not _title_word(doc[start].lower_.rstrip("."))
            and any(e.text == rest and e.start != start + 1 for e in doc_arrays.entities(doc))
        )
    ):
        start += 1
    # "Sayyeda Zeinab Area" (a title-case headline): the place noun is no part of a name; the
    # name before it is a place's (see _next_to_place_noun)
    while end - start > 1 and doc[end - 1].text.istitle() and doc[end - 1].lower_ in PLACE_NOUNS:
        end -= 1
    if end - start >= 2 and _headline_noun_after_surname(doc, end - 1):
        end -= 1  # "Lynch Closes The Door on Clinton Probe": the person, not the probe
    j = end
    while (
        j < min(len(doc), end + 2) and doc[j].text.istitle() and doc[j].ent_iob_ not in ("B", "I")
    ):
        j += 1
    if j < len(doc) and doc[j].text.lower() in PLACE_NOUNS:
        end = j
        prev = doc[start - 1].text.lower().rstrip(".") if start > 0 else ""
        if prev in ROLE_TITLES and doc[start - 1].text.istitle():
            start -= 1
    return start, end


def _after_party_label(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starts after a party's short name written before it as a label
    (:data:`PARTY_WORDS`): "Tory Owen Marsh", "Lib Dem Nora Quayle", "Green MEP Ann Lowe" (the
    title after it is stripped as a title). Only before a title or two or more capitalised
    words: "Labour MP" and "Tory Lord" are no one's name."""
    lowers = doc_arrays.strings(doc, LOWER)  # (every person's name asks: no Tokens)
    for size in (2, 1):
        label = " ".join(lowers[start : start + size])
        if label not in PARTY_WORDS or end - start - size < 2:
            continue
        rest = doc[start + size : end]
        first = rest[0].text
        title = first.lower().rstrip(".") in ROLE_TITLES and first[:1].isupper()
        if title or all(t.text.istitle() and t.text.replace("-", "").isalpha() for t in rest):
            return start + size
    return start


# Nouns that end the names of buildings and sites named after people ("Trump Tower", "Grant
# Park", "Carnegie Hall"): no headline noun to cut off a person's name.
_BUILDING_NOUNS = lexicon.words("place_facility_nouns") | frozenset(
    {"tower", "towers", "hall", "center", "centre", "building", "plaza", "house", "library",
     "ranch", "farm", "estate"}
)  # fmt: skip


def _headline_noun_after_surname(doc: Doc, k: int) -> bool:
    """Is ``doc[k]``, the last word of a person-tagged name, a title-case headline's common noun
    run on to the surname before it ("Clinton Probe", "Trump Campaign" in a text naming Hillary
    Clinton, Donald Trump): a common English word that is no given name and no one's surname
    in the text, after a word that is someone's surname there (:func:`_surname_in`) and no
    common given name. A surname that is a common word keeps its name ("Elizabeth Warren":
    "Elizabeth" is no surname; "Paul Singer" beside Rand Paul: "Paul" is a given name)."""
    word, before = doc[k], doc[k - 1]
    return (
        word.lower_ not in _NAME_HEAD_WORDS | PLACE_NOUNS | _BUILDING_NOUNS  # "Trump Tower"
        and word.is_title
        and before.is_title
        and before.whitespace_
        and common_word(word.text)
        and not is_given_name(word.text)
        and not geo.given_name(before.text)  # "Paul Singer", "Scott Farmer": full names
        and _surname_in(doc, before.text)
        and not _surname_in(doc, word.text, skip=k)
    )


# What the tagger calls the opening word of a sentence that is no name: a preposition or
# subordinating conjunction ("Without", "Among"), an adverb ("Meanwhile"), a conjunction, a
# gerund ("Asserting Clinton's role …"), a wh-adverb; a modal only in a question ("Will Cruz's
# gambit work?"). The model runs such a word into the person's name after it.
_LEAD_TAGS = frozenset({"IN", "RB", "CC", "VBG", "WRB"})


def _lead_word(token: Token) -> bool:
    """Is ``token``, a person span's first word, a word of the sentence rather than of the name?
    Not a given name ("Sterling Brown", "Will Rogers") or a name particle ("de", "van")."""
    if not token.text[:1].isupper() or token.lower_ in NAME_PARTICLES:
        return False
    if token.tag_ == "MD":
        return token.sent.text.rstrip().endswith("?")
    return token.tag_ in _LEAD_TAGS and not is_given_name(token.text)


def _title_word(word: str) -> bool:
    """A title or its modifier ("president", "gen", "former"): a name's own lead, kept."""
    return (
        word in HONORIFICS
        or word + "." in HONORIFICS
        or word in ROLE_TITLES
        or word in TITLE_MODIFIERS
    )


# How a nationality is made from its country's name: "Syrian" (Syria), "Iranian" (Iran), "Italian",
# "Iraqi", "Turkish" (Turkey), "Lebanese" (Lebanon).
_DEMONYM_ENDINGS = (
    ("n", ""),
    ("ian", ""),
    ("ian", "y"),
    ("i", ""),
    ("ish", "ey"),
    ("ese", "on"),
    ("ese", "a"),
    ("", "stan"),  # "Kazakh"
    ("", "istan"),  # "Uzbek", "Afghan"
)


def _demonym(word: str) -> bool:
    """A nationality: "Syrian", "Russian", "British"."""
    return word.lower() == "british" or demonym_country(word) is not None


def nationality_word(word: str) -> bool:
    """A nationality, a regular one (:func:`_demonym`) or one no ending makes from its
    country's name (:data:`NATIONALITY_COUNTRIES`: "Thai", "Dutch", "Swiss"). For the labels
    only: a name that is one is a people's word, whatever the gazetteer's alternate names say
    ("Thai" is one of Alor Setar's). The name rules keep :func:`_demonym`, as "French" and
    "Swiss" are surnames and a party's first word too ("Dawn French")."""
    return _demonym(word) or (word.istitle() and word.lower() in NATIONALITY_COUNTRIES)


# Nationalities no regular ending makes from their country's name ("Thai", "Dutch", "Swiss").
NATIONALITY_COUNTRIES = lexicon.mapping("nationality_countries")


def demonym_country(word: str) -> str | None:
    """The country a nationality names ("Syrian" → Syria, "Turkish" → Turkey), else None."""
    if word.lower() == "british":
        return "United Kingdom"
    if len(word) < 5 or not word.istitle():
        return None
    low = word.lower()
    for end, add in _DEMONYM_ENDINGS:
        if low.endswith(end):
            found = gazetteer.country(word[: len(word) - len(end)] + add)
            if found is not None:
                return found.name
    return None


def _relabel_by_head(doc: Doc, start: int, end: int, label: str) -> list[Span] | None:
    """A person- or facility-tagged name ending in an organisation word is an organisation
    ("Fateh al-Sham Front"), or a place with a source word glued on ("Aleppo Monitor"); a
    person-tagged town and club word is a club ("Manchester United"); a person-tagged name
    ending in a facility word is a facility ("Saadallah al-Jabiri Square")."""
    head = doc[end - 1].text.lower()
    club = label == "PERSON" and head in CLUB_HEAD_WORDS and doc[end - 1].text.istitle()
    if end - start >= 2 and club and _piece(doc[start : end - 1]) is not None:
        return [Span(doc, start, end, label="ORG")]  # "Manchester United": a club
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
        return [Span(doc, start, end, label="FAC")]
    if (
        end - start >= 2
        and label in ("PERSON", "GPE")
        and doc[end - 1].text.istitle()
        and head in _SURNAME_BUILDING_WORDS
        and not is_given_name(doc[start].text)
    ):
        # "Trump Tower", "Alton Towers" (tagged PERSON in 6 PolNeAR articles): a building,
        # where no given name opens the name ("John Tower" is a senator)
        return [Span(doc, start, end, label="FAC")]
    return None


# Last words of buildings' names that are surnames too ("John Tower"): a facility's only after
# a word that is no given name (:func:`_relabel_by_head`).
_SURNAME_BUILDING_WORDS = frozenset({"tower", "towers"})


# Labels the model gives a name that an organisation's word at its end contradicts: "Dallas
# Morning News" (EVENT), "National Rifle Association" (GPE), "Greek Federation" (GPE).
_NOT_ORG_LABELS = frozenset({"EVENT", "NORP", "GPE", "LOC"})
# Labels an event's name is never right with ("the Great Recession" as FAC, "the Berlin Film
# Festival" as FAC). Not ORG: a campaign's or a conference's name is a body's too.
_NOT_EVENT_LABELS = frozenset({"FAC", "GPE", "LOC", "NORP", "PERSON"})
# Dashes after a dateline's credit: "NEW YORK, Nov. 19 (UPI) — …", "PARIS (Reuters) - …".
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
# How far into its line a dateline's credit stands (a city, a state and a date before it).
_DATELINE_REACH = 60


# Event head words that are verbs as a headline writes them ("Senators Slam Deal", "Stores
# Open Early").
_VERB_EVENT_HEADS = frozenset({"slam", "open"})


def _relabel_by_kind(doc: Doc, start: int, end: int, label: str) -> list[Span] | None:
    """A name whose own last word, or its place in a dateline, says what it names, whatever the
    model's label: a law or a plan ("Clean Power Plan", "Paris Agreement": LAW, counted as no
    entity), an event ("the Great Recession" tagged FAC), an organisation ("Dallas Morning
    News" tagged EVENT; "UPI" tagged NORP: an acronym names no nationality unless it is a
    group's, and "(UPI) —" after a dateline is the wire), a building ("Absasiyeen Square" or
    "World Trade Center" tagged EVENT). A place the gazetteer knows by the whole name stays one
    ("Newport News")."""
    last = doc[end - 1]
    head = last.text.lower()
    if label not in ("ORG", "PERSON") and _credited_source(doc, start, end):
        # (a person credited is a person: "h/t Jane Smith")
        return [Span(doc, start, end, label="ORG")]
    if end - start == 1:
        # "UPI" (NORP): an acronym, not a nationality or a people in capitals ("SYRIAN") nor
        # a longer word a transcript or a shout capitalises ("CROSSTALK")
        word = last.text
        if label == "NORP" and word.isalpha() and word.isupper() and 3 <= len(word) <= 5:
            if _norp_group(word) or _demonym(word.capitalize()):
                return None
            return [Span(doc, start, end, label="ORG")]
        return None
    if not last.text.istitle() or gazetteer.place(doc[start:end].text) is not None:
        return None
    new = None
    if head in LAW_HEAD_WORDS:
        new = "LAW"
    elif (
        head in EVENT_HEAD_WORDS
        and label in _NOT_EVENT_LABELS
        # a head that is a headline's verb too ends no event the model tagged a person:
        # "Bolton and Gorka Slam ‘Neocons …’" (the "Grand Slam" is tagged a place)
        and not (label == "PERSON" and head in _VERB_EVENT_HEADS)
    ):
        new = "EVENT"
    elif head in FAIR_HEAD_WORDS and label in ("ORG", "FAC", "GPE", "LOC") and end - start >= 3:
        # "the Consumer Electronics Show" (tagged ORG): a trade fair; two words are as often a
        # title's or a magazine's ("Vanity Fair")
        new = "EVENT"
    elif label == "EVENT" and (head in FACILITY_WORDS or head in FACILITY_HEAD_WORDS):
        new = "FAC"
    elif (
        head in ORG_HEAD_WORDS
        and label in _NOT_ORG_LABELS
        # (a place with a headline's "Monitor" glued on stays the place: "Eastern Gouta
        # Monitor"; a "… Centre" or "… Police" station tagged a place is one)
        and (label in ("EVENT", "NORP") or head not in FACILITY_HEAD_WORDS | {"monitor"})
    ):
        new = "ORG"
    if new is None or new == label:
        return None
    return [Span(doc, start, end, label=new)]


# Nouns of a piece of writing that another outlet published: "the story at Mediaite".
# Not "interview": "an interview at Camp David" is given at a place.
_STORY_NOUNS = frozenset({"story", "article", "report", "piece", "column"})


def _credited_source(doc: Doc, start: int, end: int) -> bool:
    """Is the name ``doc[start:end]`` credited as the outlet a story comes from, whatever the
    model tagged it (Mediaite as LOC): a dateline's credit, alone in brackets before a dash
    near the start of its line ("NEW YORK, Nov. 19 (UPI) — …"); after a hat tip ("(h/t
    Mediaite.)"); or a story's host ("read the rest of the story at Mediaite"). A place the
    gazetteer knows is no outlet there ("the report at Geneva")."""
    before = doc[max(start - 3, 0) : start].text.lower().replace(" ", "")
    credited = before.endswith("h/t") or (
        start >= 2 and doc[start - 1].lower_ == "at" and doc[start - 2].lower_ in _STORY_NOUNS
    )
    if not credited and start >= 1 and end + 1 < len(doc) and doc[start - 1].text == "(":
        at = doc[start - 1].idx
        text = text_of(doc)
        credited = (
            doc[end].text == ")"
            and doc[end + 1].text in _DASHES
            and at - (text.rfind("\n", 0, at) + 1) <= _DATELINE_REACH
        )
    return credited and gazetteer.place(doc[start:end].text) is None


def _headline_source(doc: Doc, start: int, end: int, label: str) -> list[Span] | None:
    """ "Aleppo Monitor", "Syria Monitor AFP" tagged an organisation: a headline's place with
    its source words glued on ("… in Aleppo - monitor", "… - AFP"), the place alone (it had
    become a speaker, "the monitor" of the story). Not a region ("Middle East Monitor" is an
    outlet)."""
    if label != "ORG":
        return None
    k = end
    while k - start > 2 and _credit(doc[k - 1].text):
        k -= 1
    if k - start < 2 or doc[k - 1].text.lower() != "monitor":
        return None
    if k - start > 2 and _lost_possessive_prefix(doc[start : k - 1].text):
        start += 1  # "Syrias Aleppo Monitor": the country before the place, its apostrophe lost
    rest = _piece(doc[start : k - 1])
    if rest is None or rest[0] not in ("country", "place", "town") or rest[1] != "GPE":
        return None
    return [Span(doc, start, k - 1, label="GPE")]


def _org_then_person(doc: Doc, start: int, end: int, label: str) -> list[Span] | None:
    """An organisation-tagged span that runs an organisation into a person's name, as a report
    whose commas were lost writes them ("the Syrian Coalition[,] Anas al-Abdah said", "Syrian
    Coalition President Abdul Ahad Steifo"): the organisation — a known one, or a name ending
    in an organisation's word — and the person, whose title stays with the person. The rest is
    a person's name only when it is two to four capitalised words (name particles allowed)
    none of which goes on an organisation's name ("Syrian Coalition Media Office") or names a
    place; else None."""
    if label != "ORG" or end - start < 3:
        return None
    for k in range(start + 1, end - 1):
        if not doc[k - 1].whitespace_:  # inside a word ("al-Nusra")
            continue
        head = doc[k - 1].text
        found = alias(doc[start:k].text)
        # An organisation's word alone is no organisation ("Army", "Council", "International"):
        # it opens one the model tagged whole ("Army of Conquest", "International Criminal
        # Court"), not a name run into a person's.
        if not (
            (found is not None and found[1] == "ORG")
            or (
                sum(t.text[:1].isupper() for t in doc[start:k]) >= 2
                and head.istitle()
                and head.lower() in ORG_HEAD_WORDS
            )
        ):
            continue
        if doc[k].text in _CONNECTORS:  # "Council of Mortgage Lenders": the name goes on
            return None
        person = k
        while person < end - 2 and doc[person].text.lower() in ROLE_TITLES:
            person += 1
        if _person_like(doc, person, end):
            return [Span(doc, start, k, label="ORG"), Span(doc, k, end, label="PERSON")]
        return None
    return None


# Lower-case words inside a person's name that no organisation's name of the same look has:
# not "of", "la", "le", "y" ("Bank of …", "Club la …").
_SURNAME_PARTICLES = NAME_LOWER_WORDS - {"of", "la", "le", "y"}


def _particle_person(doc: Doc, start: int, end: int, label: str) -> list[Span] | None:
    """An organisation-tagged name with a surname's particle inside it and a person's look
    (:func:`_person_like`): "Pieter de Vries", "Ursula von der Leyen" (the model tagged the
    union leader ORG, and his "he said" then found no one). Not where it ends in a known place
    ("Tour de France", "Banco de Chile")."""
    if label != "ORG" or not 3 <= end - start <= 4:
        return None
    inner = [t.text for t in doc[start + 1 : end - 1]]
    if not any(w in _SURNAME_PARTICLES for w in inner) or not doc[end - 1].text[:1].isupper():
        return None
    if _piece(doc[end - 1 : end]) is not None or not _person_like(doc, start, end):
        return None
    return [Span(doc, start, end, label="PERSON")]


def _person_like(doc: Doc, start: int, end: int) -> bool:
    """Are the tokens ``start``..``end`` a person's name by their look: two to four words, each
    capitalised or a name particle ("al-", "bin", "de"), none an organisation's, facility's,
    place's word or a title, the first naming no known place or organisation?"""
    words = doc[start:end].text.split()
    if not 2 <= len(words) <= 4:
        return False
    for word in words:
        low = word.lower()
        stem = low.split("-")[0]
        if low in NAME_PARTICLES or stem in NAME_PARTICLES or low in NAME_LOWER_WORDS:
            continue
        if not word[:1].isupper() or not word.replace("-", "").replace("'", "").isalpha():
            return False
        if (
            low in ORG_HEAD_WORDS
            or low in ORG_NAME_WORDS
            or low in FACILITY_WORDS
            or low in PLACE_NOUNS
            or low in ROLE_TITLES
            or low in ROLE_NOUNS
        ):
            return False
    return _piece(doc[start : start + 1]) is None and alias(words[0]) is None


def _piece(span: Span) -> tuple[str, str, str] | None:
    """What a run of words is when it is something known: ``(kind, label, country code)`` with
    kind one of org (an alias), country (also "Syrias", its apostrophe lost), place (a city,
    state or region), town (:func:`analysis.gazetteer.town`), junk ("NGO"); else None."""
    return _piece_text(span.text)


def _piece_text(text: str) -> tuple[str, str, str] | None:
    """:func:`_piece` of written words."""
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
    last = pieces[-1][0].text
    # "Time Lords"; but a named group after places the model took for one person or place is
    # a place and the group ("Quneitra Jabhat al-Nusra", "Syria Al-Nusra")
    named_group = label != "ORG" and (" " in last or "-" in last)
    if kinds[-1] == "org" and not _credit(last) and not named_group:
        return False
    countries = {w[2] for _, w in pieces if w[0] in ("country", "place", "town")}
    if "" in countries or len(countries) > 1:
        return False  # "Guantanamo Bay", "Edinburgh Airport": one place, with a word that
        # happens to name a town elsewhere; "Europe Union"
    if label == "PERSON":
        # "Jordan Henderson", "Chelsea Clinton": people are named after places. Split only
        # debris: a source credit or a lost apostrophe at the end, or places of one country.
        glued = kinds[-1] == "org" or (kinds[-1] == "country" and pieces[-1][0].text.endswith("s"))
        if not glued and geo.given_name(pieces[0][0].text):
            # "Elizabeth Warren" is two US towns (Elizabeth, NJ; Warren, MI) but a person
            # opens with her given name: split, she became a town and a lone "Warren"
            return False
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
    ents = _with_known_clubs(doc, list(doc_arrays.entities(doc)))
    k = 0
    prev_end = 0
    while k < len(ents):
        ent = ents[k]
        merged = _full_name(doc, ent)
        if merged is None and alias(clean_name(ent.text)) is None:
            merged = _mended(doc, ent, prev_end)
        if merged is None:
            merged = _grown_name(doc, ent, prev_end)
        if merged is None:
            merged = _place_in_org_name(doc, ent, prev_end)
        if merged is None:
            merged = _fields_of_body(doc, ent)
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


def _with_known_clubs(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with every well-known club of :data:`CLUB_NAMES` the text names made one ORG
    span: "Real" + "Madrid" (GPE) → "Real Madrid"; "Arsenal and Real Madrid" (one ORG) →
    "Arsenal", "Real Madrid"; "Real Madrid have made an offer" (untagged) → "Real Madrid". An
    entity the club's name cuts keeps its words outside the name, when a capitalised word
    ends them ("Arsenal"), without the list's glue ("and", ",", "to")."""
    text = text_of(doc)
    if not _CLUB_FIRST_WORDS.intersection(_WORD.findall(text)):
        return ents  # most articles: no club's first word, no search
    clubs = [
        span
        for found in _CLUB_NAME_RE.finditer(text)
        if (span := doc.char_span(found.start(), found.end(), label="ORG")) is not None
    ]
    if not clubs:
        return ents
    kept: list[Span] = []
    inside: set[int] = set()  # clubs inside a longer name of the model's
    for ent in ents:
        cuts = [c for c in clubs if c.start < ent.end and ent.start < c.end]
        if not cuts:
            kept.append(ent)
            continue
        if any(_name_goes_on(doc, ent, c) for c in cuts):
            # "Manchester City Football Club": the club's longer name, one name as tagged
            kept.append(ent)
            inside.update(c.start for c in cuts)
            continue
        lo, hi = ent.start, ent.end
        for c in cuts:
            kept.extend(_club_list_rest(doc, lo, c.start, ent.label_))
            lo = max(lo, c.end)
        kept.extend(_club_list_rest(doc, lo, hi, ent.label_))
    clubs = [c for c in clubs if c.start not in inside]
    return sorted([*kept, *clubs], key=lambda s: s.start)


def _name_goes_on(doc: Doc, ent: Span, club: Span) -> bool:
    """Does the entity ``ent`` go on past the club's name ``club`` with a capitalised word right
    beside it, no list's glue between ("Manchester City Football Club")?"""
    after = club.end < ent.end and _capital_word(doc[club.end])
    before = club.start > ent.start and _capital_word(doc[club.start - 1])
    return after or before


def _club_list_rest(doc: Doc, start: int, end: int, label: str) -> list[Span]:
    """The words ``doc[start:end]`` of an entity beside a club's name, as a span of ``label``
    without a list's glue at either end, or none when no capitalised word is left."""
    while start < end and not _capital_word(doc[start]):
        start += 1
    while end > start and not _capital_word(doc[end - 1]):
        end -= 1
    return [Span(doc, start, end, label=label)] if end > start else []


_WORD = re.compile(r"[\w-]+")
_CLUB_FIRST_WORDS = frozenset(name.split()[0] for name in CLUB_NAMES)
# the clubs' names, longest first, whole words only, in the case they are written in
_CLUB_NAME_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(n) for n in sorted(CLUB_NAMES, key=len, reverse=True))
    + r")(?![\w-])"
)


def _fields_of_body(doc: Doc, ent: Span) -> Span | None:
    """The body's name ``ent`` ("Department for Education", :data:`ORG_LIST_HEADS`) grown by
    the fields listed after it up to "and" ("… and Skills", ", Media and Sport"), or None. The
    model ends such a name at "and" and tags "Skills" an organisation of its own. Each field
    is capitalised common words not tagged a person or a place, and the last not a body's
    head of its own: "the Ministry of Defence and Foreign Office" are two bodies, as are "the
    Department for Education and Ofsted"."""
    texts = doc_arrays.strings(doc, ORTH)
    words = [t for t in ent if t.lower_ != "the"]
    if (
        ent.label_ != "ORG"
        or len(words) < 3
        or words[0].lower_ not in ORG_LIST_HEADS
        or words[1].lower_ not in ("for", "of")
        or not all(t.text[:1].isupper() for t in words[2:])
    ):
        return None

    def field(j: int) -> int:
        """The end of the run of field words from token ``j`` (``j`` itself if none)."""
        while (
            j < len(doc)
            and texts[j][:1].isupper()
            and common_word(texts[j])
            and doc[j].ent_type_ not in ("PERSON", "GPE", "LOC", "NORP")
        ):
            j += 1
        return j

    j = ent.end
    while j + 1 < len(doc) and texts[j] == "," and field(j + 1) > j + 1:
        j = field(j + 1)  # ", Media"
    if not (j + 1 < len(doc) and texts[j] in ("and", "&")):
        return None
    end = field(j + 1)
    if end == j + 1 or texts[end - 1].lower() in ORG_HEAD_WORDS | ORG_LIST_HEADS:
        return None
    return Span(doc, ent.start, end, label="ORG")


# Arabic articles written before a hyphenated word of a place name ("Deir ez-Zor", "Maaret
# al-Numan"), which the tokenizer splits off and the model leaves out of the entity.
_ARTICLES = frozenset({"al", "el", "ez", "az", "ad", "ar", "as", "ash", "at", "an", "es", "ed"})
_COMPASS = frozenset({"eastern", "western", "northern", "southern"})
# One of those articles run into its word, all in lower case: "ezzor", "alzour".
_GLUED_ARTICLE = re.compile(
    "(?:" + "|".join(sorted(_ARTICLES, key=len, reverse=True)) + ")[a-z]{3,}"
)


def _grown_name(doc: Doc, ent: Span, prev_end: int) -> Span | None:
    """``ent`` grown into the name the text writes around it, or None: "Deir" + "ez-Zor" (an
    Arabic article, a hyphen, a capitalised word, written as one word), "Tel" + "Abyad" (a
    place word of :data:`PLACE_FIRST_WORDS` and the untagged capitalised word after it),
    "eastern" + "Ghouta" when the gazetteer knows "Eastern Ghouta" as a place of its own. The
    model tags only "Deir" or only "Ghouta" there, and the name splits in two across a
    corpus."""
    texts = doc_arrays.strings(doc, ORTH)  # words without a Token each
    end = ent.end
    if (
        end + 2 < len(doc)
        and texts[end].lower() in _ARTICLES
        and texts[end + 1] == "-"
        and texts[end + 2][:1].isupper()
        and doc[end - 1].whitespace_ == " "
        and not doc[end].whitespace_
        and not doc[end + 1].whitespace_
    ):
        # The model's label stays: "Ahmed" + "al-Assad" is a person's name grown the same way.
        return Span(doc, ent.start, end + 3, label=ent.label_)
    if (
        end < len(doc)
        and _GLUED_ARTICLE.fullmatch(texts[end])
        and doc[end].ent_iob_ == "O"
        and doc[end - 1].whitespace_ == " "
        and gazetteer.place(f"{texts[end - 1]} {texts[end]}") is not None
        and gazetteer.place(texts[end - 1]) is None
    ):
        # "Deir ezzor": the article glued to the next word, in lower case (no hyphen, no
        # capital), so the model tags "Deir" alone; grown when the gazetteer knows the two words
        # as one place and not the first alone.
        return Span(doc, ent.start, end + 1, label=ent.label_)
    if (
        len(ent) == 1
        and end < len(doc)
        and _place_first_word(f"{ent.text} {texts[end]}")
        and texts[end].istitle()
        and doc[end].ent_iob_ == "O"
        and ent.text_with_ws.endswith(" ")
    ):
        # "the Tel [Abyad] attack": the model tags the place word alone; the name it opens
        # runs on (a lone "Tel" would be a person of its own)
        return Span(doc, ent.start, end + 1, label=ent.label_)
    start = ent.start
    if start - 1 >= max(prev_end, 0) and texts[start - 1].lower() in _COMPASS:
        grown = gazetteer.place(doc[start - 1 : end].text)
        own = gazetteer.place(ent.text)
        if grown is not None and (own is None or grown.name != own.name):
            return Span(doc, start - 1, end, label=grown.label)
    return None


def _place_in_org_name(doc: Doc, ent: Span, prev_end: int) -> Span | None:
    """A place-tagged ``ent`` grown into the organisation's or title's name it is a word of, or
    None: "Munich" + "Re" (:data:`ORG_SUFFIX_WORDS`), "House of" + "Fraser", "Order of the" +
    "Phoenix" (:data:`ORG_OF_HEADS`), "Phoenix" + "consortium" (:data:`ORG_GROUP_NOUNS`). The model tags the place alone; grown and tagged ORG, the
    name is no place, and a figure of the sentence is not placed there."""
    end = ent.end
    head = next((t.i for t in ent if t.text.istitle() and t.lower_ in ORG_OF_HEADS), None)
    if head is not None:
        # "House" tagged apart from "of Fraser" (a place, or a person), "the Order of" (PERSON)
        # apart from "the Phoenix": grown forward over the name written right after "of [the]"
        j = head + 2
        j += j < len(doc) and doc[j].lower_ == "the"
        if (
            j < len(doc)
            and j >= end
            and doc[head + 1].lower_ == "of"
            and doc[j].ent_iob_ == "B"
            and doc[j].ent_type_ in ("GPE", "LOC", "PERSON")
        ):
            j += 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            return Span(doc, ent.start, j, label="ORG")
    if ent.label_ not in ("GPE", "LOC"):
        return None
    if (
        end < len(doc)
        and doc[end].text[:1].isupper()
        and doc[end].lower_ in ORG_SUFFIX_WORDS
        and doc[end].ent_iob_ == "O"
        and doc[end - 1].whitespace_ == " "
    ):
        return Span(doc, ent.start, end + 1, label="ORG")
    if end < len(doc) and doc[end].text.islower() and doc[end].lower_ in ORG_GROUP_NOUNS:
        # "the Phoenix consortium": the group's name (:data:`ORG_GROUP_NOUNS`), not its seat;
        # the noun kept in it, as "Re" of "Munich Re" (alone, the town's name is a town again)
        return Span(doc, ent.start, end + 1, label="ORG")
    start = ent.start - 1
    if start >= 0 and doc[start].lower_ == "the":
        start -= 1
    if (
        start - 1 >= max(prev_end, 0)
        and doc[start].lower_ == "of"
        and doc[start - 1].text.istitle()
        and doc[start - 1].lower_ in ORG_OF_HEADS
    ):
        return Span(doc, start - 1, end, label="ORG")
    start = _org_nouns_before_place(doc, ent, prev_end)
    if start is not None:
        return Span(doc, start, end, label="ORG")
    return None


# Words that make a part or a form of a place, not a body's name, before the place: "Rural
# Damascus" (a province), "Greater Syria", "New Aleppo" (a district), "Middle East", "Central
# London" (geo.GENERIC_PLACE_WORDS and the compass words too).
_PLACE_MODIFIERS = (
    geo.GENERIC_PLACE_WORDS | COMPASS_WORDS | {"rural", "central", "great", "grand", "little"}
)


def _org_noun(tok: Token, *, tagged: bool = False) -> bool:
    """Is ``tok`` a capitalised common noun that can open an organisation's name before a place
    ("Universities", "Athletics", "Transport"): a common English word written
    with a capital, outside any entity (inside the place's when ``tagged``), and no title
    ("Senator"), nationality, month, given name or place of its own?"""
    word = tok.text
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and word.istitle()
        and word.isalpha()
        and (tagged or tok.ent_iob_ == "O")
        and common_word(word)
        and tok.lower_ not in _PLACE_MODIFIERS
        # a title ("Minister for Europe"), not a title's modifier: "Transport", "Education"
        # open agencies' names ("Transport Scotland")
        and tok.lower_ not in ROLE_TITLES
        and tok.lower_ not in HONORIFICS
        and tok.lower_ not in MONTHS_AND_DAYS
        and tok.lower_ not in PLACE_FIRST_WORDS
        and not _demonym(word)
        and not is_given_name(word)
        and gazetteer.place(word) is None
        and gazetteer.lost_possessive(word) is None
    )


def _org_nouns_before_place(doc: Doc, ent: Span, prev_end: int) -> int | None:
    """Where the organisation's name opens that the place ``ent`` ends, or None: "Universities"
    + "Scotland", "Athletics" + "Kenya" (plural capitalised nouns compounded on a country or a
    nation: :func:`_plural_org_nouns`), "Transport for" + "London", "Alternative for" +
    "Germany" (a capitalised noun the place is the object of "for" of, written inside its
    sentence or speaking: "the Commission for Africa", "Transport for London said"). The model
    tags the place alone, so "Universities Scotland … claimed" spoke as Scotland, and the body
    was put on the map. A run of capitals before (a title-case headline's "Bad News for
    Syria") makes no such name: it opens its sentence or follows "the" or a word in lower
    case. Nor does a sentence's opening noun before "for" that says nothing ("Support for
    Israel has waned")."""
    if not _heads_its_phrase(ent):
        return None
    k = ent.start - 1
    if k >= 1 and doc[k].lower_ == "for" and doc[k].head.i == k - 1:
        # "Transport for London": one noun, the head of "for" ("Minister for Europe" is a
        # title: _title_word; "Secretary of State for Scotland" has "of" before, below)
        first = k - 1
        head = doc[first]
        if first < prev_end or not _org_noun(head):
            return None
        speaks = head.dep_ == "nsubj" and head.head.lemma_.lower() in PERSON_VERBS
        if head.is_sent_start and not speaks:
            return None
    else:
        first = ent.start
        while (
            first - 1 >= max(prev_end, 0)
            and ent.start - first < 2
            and doc[first - 1].dep_ == "compound"
            and first <= doc[first - 1].head.i < ent.end
            and doc[first - 1].whitespace_ == " "
            and _org_noun(doc[first - 1])
        ):
            first -= 1
        if first == ent.start or not _plural_org_nouns(doc[first : ent.start], ent):
            return None
    return first if _opens_a_name(doc, first) else None


# The kinds of place a body is named after with a plural noun before ("Universities Scotland",
# "Athletics Kenya"): a nation's, not a town's ("Lake Erie", "Midtown Manhattan" are places).
_NATION_KINDS = frozenset({"country", "state"})


def _plural_org_nouns(words: Span, place: Span) -> bool:
    """Are ``words`` before the place ``place`` a body's plural nouns ("Universities",
    "Athletics", "Hospitals") and ``place`` a country or a nation ("Scotland")? A singular word
    before a place is more often a part or a kind of it ("Upstate New York", "Lake Erie") or a
    name ("Bay Buchanan", a person, whose surname is a town)."""
    found = gazetteer.place(place.text)
    if found is None or found.kind not in _NATION_KINDS:
        return False
    return all(t.tag_ in ("NNS", "NNPS") or _plural_word(t.lower_) for t in words)


def _plural_word(word: str) -> bool:
    """Is ``word`` an English plural, its singular a dictionary word ("colleges", "farmers",
    "universities", "athletics")? The tagger marks a capitalised plural a singular proper
    noun as often as not."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    stems = [word[:-1], word[:-2]] + ([word[:-3] + "y"] if word.endswith("ies") else [])
    return any(common_word(stem) for stem in stems)


def _heads_its_phrase(ent: Span) -> bool:
    """Is the place ``ent``, written in capitals and lower case, the head of its noun phrase,
    as a body's name is ("Universities Scotland claimed", "Transport for London said"), not a
    modifier of a noun after it ("Opposition[-held] Damascus suburb", "Control for Hassakeh
    city": words of a sentence the source ran together) nor a dateline in capitals ("Reports
    MOSCOW (Sputnik)")?"""
    last = ent[-1]
    return not last.text.isupper() and ent.root.dep_ != "compound"


def _opens_a_name(doc: Doc, first: int) -> bool:
    """May a name open at token ``first``: at its sentence's start, or after "the" or a word in
    lower case other than "of"? A run of capitals before is a title-case headline's ("Bad News
    for Syria"), and "of" a title's ("Secretary of State for Scotland")."""
    if first == 0 or doc[first].is_sent_start:
        return True
    before = doc[first - 1]
    return before.lower_ != "of" and (not before.text[:1].isupper() or before.lower_ == "the")


def _org_nouns_then_place(doc: Doc, start: int, end: int, label: str) -> list[Span] | None:
    """A name tagged a person or a place whole that is capitalised plural nouns before a
    nation's name ("Universities Wales" tagged PERSON, "Athletics Ireland" GPE): an organisation,
    as :func:`_org_nouns_before_place` makes one where the model tagged the place alone. Not a
    name the gazetteer knows whole (:func:`body_named_by_place`)."""
    if label not in ("PERSON", "GPE", "LOC") or not body_named_by_place(doc[start:end]):
        return None
    return [Span(doc, start, end, label="ORG")]


def body_named_by_place(words: Span) -> bool:
    """Are ``words`` one or two capitalised plural nouns before a nation's name, opening where
    a name may ("Universities Wales", "Athletics Ireland": :func:`_plural_org_nouns`): a body's
    name, which the gazetteer does not know whole? The quotes read an untagged such name so too
    (it had spoken as a person)."""
    if not 2 <= len(words) <= 3:
        return False
    last = words[-1]
    if not last.text[:1].isupper() or gazetteer.place(last.text) is None:
        return False
    if not all(_org_noun(t, tagged=True) for t in words[:-1]) or not _heads_its_phrase(words):
        return False
    if not _plural_org_nouns(words[:-1], words[-1:]):
        return False
    return gazetteer.place(words.text) is None and _opens_a_name(words.doc, words.start)


def _org_name_shape(ent: Span) -> bool:
    """Is ``ent`` written as a firm's or a title's name around a place word: ending in a word of
    :data:`ORG_SUFFIX_WORDS` ("Munich Re", which the model tags PERSON as often as it tags
    "Munich" alone) or holding "<a word of ORG_OF_HEADS> of" ("House of Fraser")?"""
    if len(ent) < 2:
        return False
    last = ent[-1]
    if last.text[:1].isupper() and last.lower_ in ORG_SUFFIX_WORDS:
        return True
    return any(
        t.text.istitle() and t.lower_ in ORG_OF_HEADS and t.nbor().lower_ == "of" for t in ent[:-1]
    )


_CONNECTORS = frozenset({"of", "and", "the"})  # lower-case words inside a known name
# ... and "in", inside a long one only ("Islamic State in Iraq and the Levant")
_LONG_NAME_CONNECTORS = _CONNECTORS | {"in"}


def _full_name(doc: Doc, ent: Span) -> Span | None:
    """``ent`` grown to the right into the longest known organisation's name it opens, over up
    to six capitalised words and connectors, or None: "Islamic State" + "in Iraq and the
    Levant". The model tags "Iraq" and "Levant" as places of their own there, and a place inside
    an organisation's full name is no place the story is about (the Levant was a top-20 place
    of FA-KES, half of its mentions from this name)."""
    capital = doc_arrays.capitalised(doc)
    found = None
    for end in range(ent.end + 1, min(len(doc), ent.end + 6) + 1):
        i = end - 1
        if not capital[i] and doc[i].lower_ not in _LONG_NAME_CONNECTORS:
            break
        if capital[i] and end - ent.end >= 3:  # three words at least: "X of Y" is _mended's
            grown = alias(clean_name(doc[ent.start : end].text))
            if grown is not None and grown[1] == "ORG":
                found = end
    return None if found is None else Span(doc, ent.start, found, label="ORG")


def _mended(doc: Doc, ent: Span, prev_end: int) -> Span | None:
    """``ent`` grown by up to two capitalised tokens either side into a known alias, or None;
    "of", "and" or "the" may sit between ("Army" + "of Islam", "Islamic State of Iraq" + "and
    the Levant", "Army of" + "Islam": the model tags the pieces apart)."""
    capital = doc_arrays.capitalised(doc)
    for before, after in ((0, 1), (0, 2), (1, 0), (1, 1), (0, 3), (2, 0)):
        start, end = ent.start - before, ent.end + after
        if start < prev_end or end > len(doc):
            continue
        grown = [*range(start, ent.start), *range(ent.end, end)]
        if not capital[grown[-1] if after else start] or not all(
            capital[i] or (doc[i].lower_ in _CONNECTORS and start < i < end - 1) for i in grown
        ):
            continue
        if alias(clean_name(doc[start:end].text)) is not None:
            return Span(doc, start, end, label="ORG")
    return None
