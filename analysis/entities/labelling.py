"""Step 3 of the entity extractor: one label per canonical name in an article. Alias labels
first, then places the gazetteer knows, then places the text calls places, else the most frequent
model label with a fixed priority on ties."""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from analysis import gazetteer, geo, lexicon
from analysis.english import common_word
from analysis.entities.naming import _kin_named
from analysis.entities.rules import (
    CLUB_HEAD_WORDS,
    COMPASS_WORDS,
    LABEL_PRIORITY,
    LABELS,
    NAME_PARTICLES,
    ORG_HEAD_WORDS,
    _norp_group,
    name_key,
)
from analysis.entities.spans import WORK_NOUNS, _Mention, nationality_word


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
    # The words after the first of the article's names of people ("Isaac Newton", "Jill
    # Shannon", "Nawaf Khalil"): one of them tagged a place alone is the person's name. Not the
    # first word: a headline or dateline run into a name ("Aleppo Mohammad Hazouri", "Mecca
    # Abu Ubaidah", tagged PERSON) starts with a real place. Nor a word with an Arabic
    # article: "Jabhat Fateh al-Sham" names the Levant, "al-Halabi" a family from Aleppo.
    person_words = frozenset(
        word
        for m in mentions
        if m.model_label == "PERSON" and " " in m.name
        for word in m.name.split()[1:]
        if not _ARTICLE.match(word)
    )
    for name, group in groups.items():
        # A mention that is a word of a title or an event's name in its sentence ("the
        # Aldeburgh festival", "the film Flight of the Phoenix") says nothing of what the name
        # is elsewhere: the article's other mentions decide ("takes place in Aldeburgh").
        voters = [m for m in group if not m.no_place] or group
        label = _decide_label(name, voters, countries, person_words)
        club = _club_throughout(group) or _club_name(name, group)
        for m in group:
            m.label = label
            if (m.org_use or club) and label in ("GPE", "LOC") and not _nation(name):
                # "Chelsea striker", "joined Seville for £17m", "bands including Echo and the
                # Bunnymen": in this sentence the town's name is its club's or a band's, no
                # place for the map or for the sentence's figures; its other mentions keep
                # the article's label ("a flat in Chelsea")
                m.label = "ORG"
            if m.no_place and m.label in ("GPE", "LOC", "FAC"):
                # "the film Flight of the Phoenix", "the Sundance film festival": a word of a
                # title or of an event's name in this sentence (spans._work_title and
                # _named_event), whatever the gazetteer or the name's other mentions say
                m.label = m.model_label if m.model_label in LABELS else None


def _club_name(name: str, group: Sequence[_Mention]) -> bool:
    """Is ``name`` a club's full name in a sports report: a town and a club's last word
    (:data:`CLUB_HEAD_WORDS`, or "City"/"County") that the gazetteer knows no place by
    ("Manchester City", "Birmingham City", "Sheffield United", tagged GPE)? "Mexico City" and
    "Kansas City" are places of that very name, and outside sports reports "Aleppo City" is
    the town."""
    head, _, last = name.rpartition(" ")
    return (
        bool(head)
        and last.lower() in CLUB_HEAD_WORDS | {"city", "county"}
        and all(m.sports_report for m in group)
        and gazetteer.place(name) is None
        and gazetteer.place(head) is not None
    )


def _club_by_its_name(name: str, group: Sequence[_Mention]) -> bool:
    """Is ``name`` a club's nickname (:data:`CLUB_NICKNAMES`: "Spurs", "Pompey", "Rovers") or
    its ground (:data:`CLUB_GROUNDS`: "Anfield", "Old Trafford"), named in an article that
    speaks of sport (:attr:`_Mention.sport_named`)? A title or a kin noun with it makes a
    person all the same."""
    return (
        (name in CLUB_NICKNAMES or name in CLUB_GROUNDS)
        and all(m.sport_named for m in group)
        and not any(m.title or m.named or m.kin for m in group)
    )


def _club_by_the_model(name: str, group: Sequence[_Mention], place: gazetteer.Place) -> bool:
    """Is the town's name ``name``, tagged an organisation by the model, its club: in a sports
    report, no mention putting anything in it, next to a place noun or before a facility ("in
    Chelsea", "Chelsea council"; "at" is the club's ground, :attr:`_Mention.at_club`)? A
    country or a nation ("England", "Wales") is the national side, which stays the country."""
    return (
        place.kind in ("city", "town")
        and all(m.sports_report for m in group)
        and not any((m.locative and not m.at_club) or m.place_noun or m.facility for m in group)
        and not _nation(name)
    )


def _club_throughout(group: Sequence[_Mention]) -> bool:
    """Is the town's name of the article's mentions ``group`` its club's in every sentence? So
    in a sports report (spans.sports_report) that uses it as a club at least once ("Newcastle
    manager Graeme Souness") and never puts anything in it, next to a place noun or before a
    facility ("in Newcastle", "Newcastle city council", "at Newcastle"): the match report's
    "Newcastle were well beaten", "Newcastle then had Lee Bowyer sent off" name the club as
    much as "Newcastle manager" does. "At" is no place there: "his time at Chelsea", "the
    defeat at Newcastle" are at the club or its ground (:attr:`_Mention.at_club`)."""
    return (
        any(m.org_use for m in group)
        and all(m.sports_report for m in group)
        and not any((m.locative and not m.at_club) or m.place_noun or m.facility for m in group)
    )


def _decide_label(
    name: str,
    group: Sequence[_Mention],
    countries: Collection[str] = (),
    person_words: Collection[str] = (),
) -> str | None:
    """The label of the article's mentions ``group`` of ``name``; ``countries``: codes of the
    countries the article names; ``person_words``: the words of its people's fuller names."""
    fixed = [m.label for m in group if m.fixed and m.label]
    if fixed:
        return Counter(fixed).most_common(1)[0][0]
    votes = Counter(m.model_label for m in group if m.model_label in LABELS)
    best = max(votes.values(), default=0)
    top = next((lab for lab in LABEL_PRIORITY if best and votes[lab] == best), None)
    # (a relative introduced by a kinship noun too: "his wife, Melania", tagged a place)
    person_evidence = any(
        m.title or m.speaker or m.named or m.tenure or _kin_named(m) for m in group
    )
    # a short form joined ("Kerry" → "John Kerry"); "Waer" to "Al-Waer" is the same name
    key = _loose_key(name_key(name))
    joined = any(m.person and _loose_key(m.key) != key for m in group)
    if not joined and top != "FAC" and _club_by_its_name(name, group):
        # "scored against Spurs", "Pompey's manager", "at Anfield", "the Anfield club" (tagged
        # PERSON or GPE): a club's nickname or its ground, in an article about sport, is the
        # club; a ground the model tags a facility stays one ("a replay at Ewood Park")
        return "ORG"
    if (
        any(m.line_up_club for m in group)
        and not (joined or person_evidence)
        and not any(m.locative or m.place_noun for m in group)
        and not _nation(name)
    ):
        # "Mike Blair (Edinburgh Rugby), Andy Craig (Glasgow Rugby)", "R McBryde (Llanelli)"
        # (tagged PERSON or GPE): the club a player of a line-up is with; a country there is
        # a national side, which stays the country
        return "ORG"
    if (
        top == "PERSON"
        and any(m.org_use for m in group)
        and not (joined or person_evidence)
        and not any(m.locative or m.place_noun for m in group)
        and not _nation(name)
        and (gazetteer.place(name) is not None or gazetteer.town(name) is not None)
    ):
        # "a fly-half for Llanelli", "Chelsea striker" (tagged PERSON): a town's name used as
        # its club's, and nowhere put anything in nor said to do what people do, is the club
        return "ORG"
    if name.lower() in THING_NAMES and (not joined or " " in name):
        # "an Oscar nomination": an award, not a person; "Harry Potter" (a book) with its
        # short form "Harry" joined is the book all the same
        return None
    if (
        top == "ORG"
        and any(m.title_cue for m in group)
        and not (joined or person_evidence)
        and not any(m.org_cue or m.org_use for m in group)
    ):
        # "The Aviator has taken $75m at the box office", "The Aviator is a gorgeous movie"
        # (tagged ORG): a film's title, in all its mentions, unless the text makes a band or a
        # firm of it elsewhere ("rock band The Streets")
        return None
    if top == "ORG" and any(m.work_cue for m in group) and not (joined or person_evidence):
        # "the film The Aviator", "low-budget British movie Vera Drake" (tagged ORG): a film's
        # or a book's title, no organisation, in all its mentions ("The Aviator took four
        # awards"); the model's person after such a noun is left alone ("a documentary
        # Michael Moore made")
        return None
    if (
        top in ("PERSON", "ORG", "FAC")
        and (any(m.org_cue for m in group) or (top == "PERSON" and _org_by_use(name, group)))
        and not (joined or any(m.title or m.named for m in group))
    ):
        # "oil giant Yukos", "the Maserati brand", "Everton v Sunderland", "Everton have",
        # "Paris-based Euronext", "Gazprom chief Alexei Miller", "In a statement, Euronext
        # said", or a one-word name a deal is in ("a bid for Euronext", :func:`_org_by_use`): a
        # company or a club, which "says" things as people do (a speech verb is no evidence);
        # a name the model tags a place or a nationality keeps that ("England have won"); one
        # it tags a building is a body where the text says so ("the Nour al-Din al-Zinki rebel
        # group", "a firm called Cambridge Analytica")
        return "ORG"
    if (
        top == "PERSON"
        and not (joined or person_evidence)
        and not any(m.locative or m.place_noun for m in group)
        and _regional_arm(name)
    ):
        return "ORG"  # "Web portal Lycos Europe", "Sony Japan": a firm's arm in a region
    if top == "PERSON" and " " in name and name.rpartition(" ")[2].lower() in WORK_NOUNS:
        return None  # "The Dawn and Drew Show", "Harry Potter Film": a title, no one's name
    if top == "PERSON" and not (joined or person_evidence):
        named = {m.work_named for m in group} - {""}
        if "band" in named and _unknown_name(name, group):
            return "ORG"  # "Keane frontman Tom Chaplin": the band, in all its mentions
        named.discard("band")  # ("Devon singer Joss Stone": the singer's county)
        if named:
            # "the Spider-Man films", "the film Ray", "Ray star Jamie Foxx": a title, whatever
            # given name it is, in all its mentions
            return None
    if (
        top == "PERSON"
        and any(m.title_cue for m in group)
        and not (joined or person_evidence or _person_named_so(name, group))
    ):
        # "his new thriller Hide and Seek", "TV shows Pop Idol", "Closer, starring Jude Law",
        # "Boogeyman took $19m" (tagged PERSON): a title, no one's name, in all its mentions;
        # a given name first ("the documentary Michael Moore made", "the film Ray") or a name
        # a person's word or pronoun follows is the model's person
        return None
    if (
        top == "PERSON"
        and any(m.product_cue for m in group)
        and not (joined or person_evidence)
        and _unknown_name(name, group)
    ):
        # "the so-called Cell chip" (tagged PERSON): a product's name, no one's
        return None
    if top == "PERSON" and _no_one_after_the(name, group, joined):
        # "moved to the Bernabeu", "the Gunners won", "worked with the Beatles" (tagged
        # PERSON): no one's name is written after "the" at the head of its phrase; a plural is
        # a team's or a band's, one word else a venue's, a work's or a thing's, no entity kept
        return "ORG" if _plural_word(name) else None
    if top in ("GPE", "LOC", "NORP") and _unknown_body(name, group, top):
        # "gas giant Gazprom", "the Yugansk unit", "its Clearstream unit", "Symbian phones"
        # (tagged GPE or NORP): a company or its brand by the text's own words, where no
        # gazetteer table knows a place of the name and the text puts nothing in it (a known
        # place keeps its label: "England have won", "China phones")
        return "ORG"
    if top in ("GPE", "LOC") and _body_acronym(name, group):
        # "take on the NRA", "the NRA denied it" (tagged GPE): an acronym after "the" that
        # names no place the gazetteer knows is a body's, whatever verb it is the subject of
        # ("the US", "the UAE" are countries it knows)
        return "ORG"
    if not (joined or person_evidence):
        place = gazetteer.place(name)
        town_like = (
            place.kind in ("city", "town") if place is not None else top in ("GPE", "LOC", "FAC")
        )
        if (
            town_like
            and any(m.person_list for m in group)
            and not any(m.locative for m in group)
            and gazetteer.country(name) is None
        ):
            # a town's name among people's names ("by Bono, Stevie Wonder and Norah Jones", a
            # team's line-up "Gordon, Webster, Miller, Hartley") or joined by "and" to a
            # person ("Bush and even Obama sent people back", "Cruz and Kasich") is a
            # person's, unless the text puts something in it; a country or a state is never
            # one, and a name the model tags an organisation stays one ("Altria Group,
            # Reynolds Tobacco")
            return "PERSON"
        if name in person_words and any(m.firm_use for m in group):
            # "Ford reported a loss … Bill Ford said": the surname the sentence uses as a
            # company's, kept out of the person's mentions (naming), is the company
            return "ORG"
        if _person_not_place(name, group, place, person_words):
            # the model's person stands ("Elizabeth", "Ray", tagged PERSON); a name it tagged
            # a place or a product ("Martin" of Lockheed Martin) is no entity we keep
            return "PERSON" if top == "PERSON" else None
        # "the Kazakh capital Astana" (tagged GPE; an alternate name of Petropavl), "the Thai
        # government" (tagged NORP; an alternate name of Alor Setar), "the Kazakh government"
        # (tagged PERSON or ORG): a nationality, whatever the model or the gazetteer's
        # alternate names say, unless a place is called by that very word ("Roman")
        own_name = place is not None and gazetteer.fold(place.name) == gazetteer.fold(name)
        if top is not None and " " not in name and nationality_word(name) and not own_name:
            return "NORP"
        if place is not None and top == "ORG" and _namesake_alias(name, place, group):
            # "search-engine Google", "investors in Google" (GeoNames lists "Google" as an
            # alternate name of Topeka): the model's organisation stands against a place
            # known by another name, unless the text calls it a place ("the town of …")
            return "ORG"
        if place is not None and top == "ORG" and _club_by_the_model(name, group, place):
            # "could not prevent his side losing 3-2 to Chelsea", "said the Chelsea star"
            # (tagged ORG): in a sports report that puts nothing in the town, the model's
            # organisation is its club
            return "ORG"
        if place is not None:
            # Countries, states, regions, and well-known cities the model tagged PERSON, NORP,
            # ORG or WORK_OF_ART ("Aleppo", "Palmyra", "Homs"): the model is wrong.
            return place.label
        first, _, rest = name.partition(" ")
        if first.lower() in COMPASS_WORDS and gazetteer.place(rest):
            return "LOC"  # "Western Aleppo", "east Homs"
        head, _, last = name.rpartition(" ")
        if last.lower() in AREA_NOUNS and head and gazetteer.place(head):
            return "LOC"  # "Damascus Countryside" (SANA's name for the province), tagged ORG
        if (
            top in ("PERSON", "FAC")
            and any(m.facility for m in group)
            and not any(m.locative and not m.facility for m in group)
        ):
            # "the Kweyris military airport", "the Incirlik air base", "near the Khaled Bin
            # Walid mosque": a facility's name, unless the text puts things in it elsewhere
            return "FAC"
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
        if top in ("GPE", "LOC") and locative:
            # most mentions tagged a place and the text calls it one ("the district of Midan",
            # "a police station in Midan"): one mention tagged PERSON does not make a person
            return top
        if top in ("GPE", "LOC") and _unplaced_word(name, group):
            # "Sideways has been voted the best film", "Million Dollar Baby and Sideways": a
            # common word the model took for a place, which no gazetteer table knows and the
            # text never puts anything in, is a title's or a brand's, no place to map
            return None
    if _person_outvoted(name, group, top, votes) and not (joined or person_evidence):
        # "the Freeview digital service", "the BBC launched Freeview", "five million Freeview
        # set-top boxes" (tagged ORG, ORG, PERSON): a name the model tags an organisation more
        # often than a person, with nothing else to say it is someone's, stays a body
        return "ORG"
    if any(m.person for m in group):
        return "PERSON"
    if top in ("GPE", "LOC") and _person_by_role(name, group):
        # "Kasich, the Ohio governor", "said Griffin, an Obama backer" with the name tagged a
        # place: a role in apposition, a title or a speech verb makes a person of the one word
        # (the place rules above were passed over for that evidence, and the model's place
        # stood)
        return "PERSON"
    if top == "FAC" and _group_plural(name):
        return "ORG"  # "White Helmets": people, not a building
    return top  # None: only rescue labels and not a known place, not an entity we keep


def _person_outvoted(name: str, group: Sequence[_Mention], top: str | None, votes) -> bool:
    """Is ``name``, no given name first, tagged an organisation in more of the article's
    mentions than a person, and a person in those others by the model's tag alone (no title,
    no fuller name, no relative's noun: :attr:`_Mention.person` set by nothing but the tag),
    where the article uses it as a thing's or a firm's name somewhere ("the Freeview digital
    service") and says nothing of sport or of a person beside it?"""
    if top != "ORG" or votes["ORG"] <= votes["PERSON"] or geo.given_name(name.split()[0]):
        return False
    if any(m.sport_named or m.person_cue or m.person_list for m in group):
        return False  # the model tags players and singers bodies too ("Juninho", "Kenzie")
    # a thing's use somewhere: "the Freeview service", "the Cell chip", a firm's cue or deal
    if not any(m.after_the or m.product_cue or m.org_cue or m.deal for m in group):
        return False  # ("superstar rapper Jay-Z", tagged ORG three times in four)
    return all(m.model_label == "PERSON" and not m.title for m in group if m.person)


def _person_by_role(name: str, group: Sequence[_Mention]) -> bool:
    """Does the text treat ``name`` as a person's, no mention putting anything in it: a role or
    title with it ("Kasich, the Ohio governor", "President Obama" tagged GPE) where the gazetteer
    knows no country, state or region of that name ("Syria envoy"); or a speech verb ("said
    Griffin") where it knows no place of that name at all ("Moscow said", "Douma said": a
    capital or a town speaks for its government or its council)?"""
    if not (name.isalpha() and name.istitle()) or any(m.locative or m.place_noun for m in group):
        # (one word, written as a name: not "OH" of "Berea, OH", "F.B.I.", "Queen City")
        return False
    if common_word(name):
        return False  # "The West has accused Russia", "the Critics' Circle named": no one
    place = gazetteer.place(name)
    if any(m.title for m in group):
        return place is None or place.kind in ("city", "town")
    return place is None and any(m.speaker for m in group)


def _namesake_alias(name: str, place: gazetteer.Place, group: Sequence[_Mention]) -> bool:
    """Is ``name`` only a gazetteer alternate name of a city or town called something else, not
    a spelling of it ("Google" for Topeka, not "Raqqa" for Ar Raqqah nor "Hamah" for Hama), and
    never called a place by the text ("the town of …", "… province")? An alternate name that
    is another word entirely is a namesake at best, no evidence against the model's
    organisation; "in" is none for it either ("investors in Google", "a stake in Google"). A
    country, a state or a region keeps its alternate names ("Holland" is the Netherlands)."""
    if place.kind not in ("city", "town") or any(m.place_noun for m in group):
        return False
    if any(
        found is not None and gazetteer.fold(found.name) == gazetteer.fold(name)
        for found in (gazetteer.town(name), gazetteer.village(name))
    ):
        return False  # a town's or a village's own name ("FAIRVIEW, W.Va.", "Palmyra")
    written, own = _letters_only(name), _letters_only(place.name)
    if not written or not own or written in own or own in written:
        return False
    return difflib.SequenceMatcher(None, written, own).ratio() < _SPELLING_RATIO


# Letters-only names this alike are spellings of one name ("Raqqa" / "Ar Raqqah" 0.71, "Deir
# Ezzor" / "Deir ez-Zor" 1.0, "Aleppo" / "Halab" 0.36, "Google" / "Topeka" 0.33): the
# threshold identity's place joins use for an alternate name that spells its place.
_SPELLING_RATIO = 0.6


def _letters_only(name: str) -> str:
    """``name`` folded, letters only ("Deir ez-Zor" → "deirezzor")."""
    return "".join(c for c in gazetteer.fold(name) if c.isalpha())


def _body_acronym(name: str, group: Sequence[_Mention]) -> bool:
    """Is ``name`` an acronym that names no place, town or village the gazetteer knows, that no
    mention puts anything in, and that the article treats as a body's: written after "the"
    ("the NRA"; three capitals or more, as a place's unknown acronym is written bare: "flights
    to NYC"), or tagged an organisation by the model in one mention at least ("BT said", where
    "BT has" was tagged a place; two letters too, which the states' postal codes and cities'
    acronyms, "TX", "LA", never are)?"""
    body_use = any(m.model_label == "ORG" for m in group) or (
        len(name) >= 3 and any(m.after_the for m in group)
    )
    return (
        len(name) >= 2
        and name.isalpha()
        and name.isupper()
        and body_use
        and not any(m.locative or m.place_noun for m in group)
        and gazetteer.place(name) is None
        and gazetteer.town(name) is None
        and gazetteer.village(name) is None
    )


def _unknown_body(name: str, group: Sequence[_Mention], top: str) -> bool:
    """Does the article treat ``name``, tagged ``top`` (a place or a people), as a company's or
    a club's (:attr:`_Mention.org_cue`), or as a brand (:attr:`_Mention.product_cue`), where
    nothing says it is a place or a people (:func:`_unknown_name`)? A people's name of several
    words or a plural ("British Muslim", "Eurosceptics have said") stays a people."""
    if top == "NORP" and (" " in name or name.endswith("s")):
        return False
    return any(m.org_cue or m.product_cue or m.deal for m in group) and _unknown_name(name, group)


def _org_by_use(name: str, group: Sequence[_Mention]) -> bool:
    """Does the article use the one word ``name``, tagged a person and no given name, as a
    company's where no company's noun says so? It speaks and has a "which" clause ("Euronext,
    which combines three exchanges", "Euronext said"), or outside a sports report, where a
    player is bought and sold, it is what a deal is in or for ("a bid for Euronext", "shares
    in Euronext"; not "Blair's bid", a person's run)."""
    if " " in name or geo.given_name(name):
        return False
    if any(m.which_clause for m in group) and any(m.speaker for m in group):
        return True
    return any(m.deal == "object" and not m.sports_report for m in group)


def _no_one_after_the(name: str, group: Sequence[_Mention], joined: bool) -> bool:
    """Is the one-word ``name`` heading its phrase after "the" (:attr:`_Mention.the_head`) in
    one mention at least, no given name nor a people's word ("the Briton", "the Scot" describe
    someone), never joined to a fuller person's name nor given a title, a kin noun or a
    family's use?"""
    return (
        any(m.the_head for m in group)
        and not joined
        and not geo.given_name(name)
        and not nationality_word(name)
        and not any(
            m.title or m.named or m.tenure or m.family == "family" or _kin_named(m) for m in group
        )
    )


def _regional_arm(name: str) -> bool:
    """Is ``name`` a firm's name and a continent's or a country's ("Lycos Europe", "Sony
    Japan")? No person's name ends in one after a word that is no given name ("Jools Holland"
    ends in another name of the Netherlands, and "Michael Jordan" starts with a given name)."""
    head, _, last = name.rpartition(" ")
    if not head or geo.given_name(head.split()[0]) or gazetteer.place(head) is not None:
        return False  # ("Sayeda Zeinab Syria": a place and its country)
    if common_word(head):
        return False  # "Hotel Rwanda", a film: an English word and a country
    place = gazetteer.place(last)
    return place is not None and (
        place.kind == "continent"
        or (place.kind == "country" and gazetteer.fold(place.name) == gazetteer.fold(last))
    )


def _person_named_so(name: str, group: Sequence[_Mention]) -> bool:
    """Is ``name`` written as a person's: its first word a given name ("Michael Moore",
    "Ray"), or a mention listed among people or given a person's cue ("CEO Carly Fiorina")?"""
    return geo.given_name(name.split()[0]) or any(m.person_cue or m.kin for m in group)


def _plural_word(name: str) -> bool:
    """Does the one word ``name`` end as an English plural ("Gunners", "Beatles", "Blues"; not
    "Boss", "Darius", "Paris")?"""
    return name.endswith("s") and not name.endswith(("ss", "us", "is"))


def _unknown_name(name: str, group: Sequence[_Mention]) -> bool:
    """Is ``name`` no place, town or village the gazetteer knows, no nationality or people, no
    word of English's vocabulary (:func:`geo.ordinary_word`: "German", "European", "Celtic",
    adjectives before "shares", "group" or "exchange" that make no company of themselves), and
    put nothing in nor called a place by any mention of ``group``?"""
    return (
        not any(m.locative or m.place_noun for m in group)
        and not nationality_word(name)
        and not geo.ordinary_word(name)
        and _norp_group(name) is None
        and gazetteer.place(name) is None
        and gazetteer.town(name) is None
        and gazetteer.village(name) is None
    )


def _unplaced_word(name: str, group: Sequence[_Mention]) -> bool:
    """Is ``name`` one word of English's ordinary vocabulary (:func:`geo.ordinary_word`: a verb,
    an adjective, an adverb) that names no place the gazetteer knows, town or village, and
    that no mention of ``group`` uses as a place ("in", "the town of")?"""
    return (
        name.isalpha()  # (not "B.C.", British Columbia)
        and name.istitle()
        and name.lower() not in COMPASS_WORDS  # "the South", "the Northeast": regions
        and name not in _STATE_ABBREVIATIONS  # "Everett, Wash.": the state
        and not any(m.locative or m.place_noun for m in group)
        and geo.ordinary_word(name)
        and gazetteer.town(name) is None
        and gazetteer.village(name) is None
    )


def _nation(name: str) -> bool:
    """A country or one of the United Kingdom's nations ("France", "England", "Wales"): its
    name before "captain" or after "against" is a national side, which stands for the country
    in its sport; it stays a place (the clubs' rule is for towns and their districts)."""
    return gazetteer.country(name) is not None or gazetteer.fold(name) in geo.NATION_REGIONS


def _person_not_place(
    name: str,
    group: Sequence[_Mention],
    place: gazetteer.Place | None,
    person_words: Collection[str],
) -> bool:
    """Whether a one-word name is a person's (or a firm's, or a film's), not the town of that
    name, when the text never puts anything in it: a common given name (:func:`geo.given_name`:
    "Elizabeth" the film and "Ray" the film, tagged PERSON, and "Lockheed Martin"'s "Martin",
    tagged a product, had been made Elizabeth, New Jersey, Raytown and Martin, Slovakia, by the
    gazetteer's override below) or a later word of a fuller person's name in the article ("Jill
    Shannon" … "Shannon helped …"). A town of that name is meant where the text says so ("in
    Elizabeth", "the town of Shannon": :attr:`_Mention.locative`), and a country or a state
    ("Virginia", "Georgia") is never a person's name here."""
    if " " in name or any(m.locative for m in group):
        return False
    if place is not None and place.kind not in ("city", "town"):
        return False
    return geo.given_name(name) or name in person_words


_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|an|at|az)-", re.IGNORECASE)


PLACE_PLURALS = lexicon.words("place_plurals")
# The AP's abbreviations of the US states without their dots ("Wash", "Mass", "Ind").
_STATE_ABBREVIATIONS = frozenset(
    k.replace(".", "").replace(" ", "") for k in lexicon.mapping("us_state_abbreviations")
)
THING_NAMES = lexicon.words("thing_names")
CLUB_NICKNAMES = lexicon.words("club_nicknames")
CLUB_GROUNDS = lexicon.words("club_grounds")
# Nouns that make a known place's name the name of the area around or within it.
AREA_NOUNS = frozenset(
    {"countryside", "province", "governorate", "district", "region", "suburbs", "outskirts"}
)


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
