"""Corpus labels the other way: a body's name that a few articles took for a person counts as the body.

The extractor labels a name once per article, from that article alone; where the text says
nothing of what a name is, the model's tag stands, and the small model tags a firm, a product
or a band a person often enough ("Zorvex's new racing game", "the album by Quillan", tagged
PERSON). Across a corpus the same name is an organisation wherever an article says so ("games
publisher Zorvex", "rock band Quillan"). This vote, asked by :mod:`analysis.corpus_labels` before the identity pass
reads the names, relabels ORG the PERSON mentions of a name in the articles that give no cue of
a person (:func:`person_cue`: a title or a role before it, a given name before it, a fuller
name or a titled form it was joined to, "he" or "she" after it before anyone else is named, a
line-up of players' surnames around it) where at least two articles tag it an organisation,
they outnumber those that give such a cue, and they are a quarter of its articles at least
(:func:`body_names`). An article that gives a cue keeps its person ("Quillan" among "Abbott,
Dorrit, Quillan, Brack" is a footballer of that name). A name whose first word is a given name
or an initial (a film named after its heroine; a politician the model tags an organisation in
most articles) needs a larger, two-to-one vote, as a person's full name is what it looks like,
and a full name that one of its organisation's mentions gives a person's cue is never voted.

The relabelled mentions are logged and undone as :mod:`analysis.corpus_labels` does its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from analysis import gazetteer, geo, lexicon
from analysis.entities.rules import RARER_GIVEN_NAMES

# A player's position before a name ("hooker Sebastien Bruno", "flanker Serge Betsen"): the
# sports roles' words that name one player, and rugby's forwards the roles list leaves out.
SPORTS_POSITIONS = (
    lexicon.words("sports_role_nouns")
    - {"fans", "supporters", "squad", "side", "academy", "players"}
) | {"hooker", "prop", "lock", "wing", "centre", "number"}

# Words before a name that make its bearer a person: courtesy titles (without their dots: "Mr."
# is "Mr"), offices, occupations ("Mr", "chancellor", "singer", "analyst").
UNDOTTED_HONORIFICS = frozenset(w.rstrip(".") for w in lexicon.words("honorifics"))
PERSON_WORDS_BEFORE = (
    UNDOTTED_HONORIFICS
    | SPORTS_POSITIONS
    | lexicon.words("role_titles")
    | lexicon.words("role_nouns")
    | lexicon.words("occupation_nouns")
    | lexicon.words("lead_person_nouns")
    | lexicon.words("title_words")
)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*)\s+$")
_PRONOUN_START = re.compile(r"[\"“]?(?:He|She)\b")
_WHO_AFTER = re.compile(r"^,\s+who\b")
_LIST_REACH = 40  # characters around a name in which a list's other names are read
_AGE_AFTER = re.compile(r"^,\s+\d{2},")  # "Keane, 33, was booked"
_SENTENCE_END = re.compile(r"[.!?][\"'’”]?\s+(?=[A-Z\"“])")
_LIST_SEPARATOR = re.compile(r"^(?:\s*\([^()]{1,20}\))?(?:[,;]|\s+and)\s+$")
_PLACE_PREPOSITIONS = frozenset({"in", "from", "to", "near", "at", "into", "outside"})
_GAP = 28  # the longest gap between two items of a list, an aside in brackets included
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Mention:
    """One PERSON mention of a name as first written, with what the article says around it:
    ``before`` and ``after`` (the text on each side), ``others`` (start, end, text of the
    article's other PERSON mentions)."""

    article_id: str
    start: int
    name: str
    text: str
    before: str
    after: str
    others: Sequence[tuple[int, int, str]] = ()
    label: str = "PERSON"


def person_cue(m: Mention) -> bool:
    """Does the article say ``m``'s name is a person's at this mention? See the module
    docstring; what a firm shares with a person ("said", "'s", a list of names) is no cue. A
    pronoun ("He …", ", who") counts at a person's mention only: the model's organisation of
    several words that "who" follows is a band or a team as often ("the Velvet Harrows, who")."""
    if _short_form(m):
        return True
    word = _WORD_BEFORE.search(m.before)
    if word is not None:
        first = word.group(1)
        if first.rstrip(".").lower() in PERSON_WORDS_BEFORE:
            return True  # "Ms", "chancellor", "singer", "analyst", "hooker"
        if first[:1].isupper() and (geo.given_name(first) or first.lower() in RARER_GIVEN_NAMES):
            return True  # "Helen Quillan" written apart from a one-word mention
        if _initial(first, m.before[: word.start()]):
            return True  # "D Brack", "A Quillan": a player's initial
    if _AGE_AFTER.match(m.after) or _listed_among_people(m):
        return True
    return m.label == "PERSON" and _pronoun_after(m)


def _initial(word: str, before: str) -> bool:
    """Is ``word`` a capital initial ("D", "S."), not "A" or "I" unless a list's separator
    comes before it ("(Leeds), A Quillan"; not "A Zorvex console costs $200")?"""
    letter = word.rstrip(".")
    if len(letter) != 1 or not letter.isupper():
        return False
    return letter not in "AI" or before.rstrip()[-1:] in (",", ";", "(")


def _surname_like(text: str) -> bool:
    """One word, or an initial and a word ("Brack", "M Dorrit"): a line-up's name."""
    words = text.split()
    return len(words) == 1 or (len(words) == 2 and len(words[0].rstrip(".")) == 1)


def _short_form(m: Mention) -> bool:
    """Is the mention's text a person's short form of its name: a surname that the article
    joined to a fuller name ("Orrell" to "Tavin Orrell") or written with a title ("Ms
    Orrell")? A firm's short forms are its first word or an acronym ("Zorvex" of "Zorvex
    Europe", "ZG")."""
    text, name = _POSSESSIVE.sub("", m.text), _POSSESSIVE.sub("", m.name)
    if text.lower() == name.lower() or " " not in name:
        return False
    last = name.split()[-1].lower()
    words = text.lower().split()
    return words[-1] == last and (len(words) == 1 or words[0].rstrip(".") in UNDOTTED_HONORIFICS)


def _pronoun_after(m: Mention) -> bool:
    """Does the sentence after the mention's start with "He" or "She", no one else named
    between ("Quillan was booked. He …"; not "Quillan frontman Olen Marsk spoke. He …"), or is
    the name followed by ", who" ("Orrell, who won the award")?"""
    if _WHO_AFTER.match(m.after):
        return True
    end = m.start + len(m.text)
    stop = _SENTENCE_END.search(m.after)
    if stop is None or not _PRONOUN_START.match(m.after[stop.end() :]):
        return False
    at = end + stop.end()
    return not any(end <= s < at for s, _, _ in m.others)


def _listed_among_people(m: Mention) -> bool:
    """Is the mention an item of a list whose next or previous item is a person's name, two
    people named near, in a line-up of surnames (two one-word person's names near: "Heinze, Ronaldo, Phil Neville,
    Keane, Scholes") or, for a name of several words, of any people ("Olivier Milloud,
    William Servat, Sebastien Bruno")? Lists of artists run full names and bands ("Eric
    Clapton, Keane and Jools Holland"), which says nothing of a band's one word."""
    end = m.start + len(m.text)
    near = [
        o
        for o in m.others
        if o[2] != m.text and o[1] >= m.start - _LIST_REACH and o[0] <= end + _LIST_REACH
    ]
    if len(near) < 2 or not any(_next_in_list(m, o) for o in near):
        return False  # (one person before a comma is an apposition: "Tevo Rall, ZG's head")
    return " " in m.name or sum(_surname_like(o[2]) for o in near) >= 2


def _next_in_list(m: Mention, other: tuple[int, int, str]) -> bool:
    """Is ``other`` (start, end, text) the item right before or after ``m`` in a list: only a
    comma, a semicolon or "and" between, and perhaps an aside in brackets ("O'Shea (Ronaldo
    60), Quillan", "Olen Marsk (Leeds), Tevo Rall")?"""
    start, end, _ = other
    if end <= m.start and m.start - end <= _GAP:
        gap = m.before[len(m.before) - (m.start - end) :]
    elif start >= m.start + len(m.text) and start - m.start - len(m.text) <= _GAP:
        gap = m.after[: start - m.start - len(m.text)]
    else:
        return False
    return _LIST_SEPARATOR.match(gap) is not None


@dataclass(frozen=True)
class Vote:
    """A name's articles: tagging it an organisation, and tagging it a person with a cue of
    one (``cued``) or with none (``bare``)."""

    org: int
    cued: int
    bare: int
    org_cued: bool = False  # an organisation's mention somewhere gives a person cue


# At most three articles tagging a name a person for each tagging it an organisation: a body
# of a quarter of its articles at least, as the identity pass counts a one-word name a body's
# too (identity._bodies_too). A person the model tags a body now and then (a famous surname in
# a million articles, "Trump" of the Trump Organization's short form) is no vote's.
_PERSON_PER_ORG = 3


def body_names(votes: Mapping[str, Vote], undone: Collection[str] = ()) -> set[str]:
    """The names whose bare person mentions count as the organisation's (module docstring)."""
    out = set()
    for name, v in votes.items():
        if not v.bare or name in undone or not _written_as_a_name(name):
            continue
        if " " in name and v.org_cued:
            continue  # a full name the model tagged a body where its article names a person
        if _person_shaped(name):
            # a given name or an initial first: the organisation's articles two to one
            if v.org >= 3 and v.org >= 2 * (v.cued + v.bare):
                out.add(name)
        elif v.org >= 2 and v.org > v.cued and _PERSON_PER_ORG * v.org >= v.cued + v.bare:
            out.add(name)
    return out


def _person_shaped(name: str) -> bool:
    """Is ``name`` of several words, the first a given name ("Helen Orrell", "Vera Drake")
    or an initial ("K Morgan", "J-P Grandclaude", as line-ups write players)?"""
    first, _, rest = name.partition(" ")
    if not rest:
        return False
    letters = first.replace("-", "").replace(".", "")
    return (
        geo.given_name(first)
        or first.lower() in RARER_GIVEN_NAMES
        or (letters.isalpha() and letters.isupper() and len(letters) <= 2)
    )


def _written_as_a_name(name: str) -> bool:
    """Capitalised, not all lower-case words ("Zorvex", "Zorvex Europe", "O2")."""
    return name[:1].isupper() or name[:1].isdigit()


# -- the store step -------------------------------------------------------------------------------
# Each mention's name and label as first written: its name before the actor joins (log space
# "actor"), its label before a corpus relabel (log space "label").
_FIRST_WRITTEN_SQL = """
    SELECT x.article_id, x.start, x."end", x.text, coalesce(r.raw, x.name) AS name,
           coalesce(l.raw, x.label) AS label
    FROM entity_mentions x
    LEFT JOIN name_raw r ON r.space = 'actor' AND r.tbl = 'entity_mentions' AND r.col = 'name'
         AND r.article_id = x.article_id AND r.pos = x.start
    LEFT JOIN name_raw l ON l.space = 'label' AND l.article_id = x.article_id
         AND l.pos = x.start
"""


def wanted(con, undone: Collection[str] = ()) -> list[tuple[str, int, str]]:
    """(article, offset, raw label "PERSON") of every mention the vote makes an organisation."""
    votes, mentions, cued = read_votes(con)
    chosen = body_names(votes, undone)
    return [
        (m.article_id, m.start, "PERSON")
        for m in mentions
        if m.label == "PERSON"
        and m.name in chosen
        and m.article_id not in cued[m.name]
        and not _placed(m)
    ]


def _placed(m: Mention) -> bool:
    """Is the mention a place the gazetteer knows, after a preposition of place ("the detainee,
    from Leeds", "travel to Leeds"), or the start of a longer place's name ("Newcastle-upon-Tyne
    Central")? No organisation there: the person's label stays for
    another pass to mend."""
    if not (gazetteer.place(m.name) or gazetteer.town(m.name)):
        return False
    word = _WORD_BEFORE.search(m.before)
    return m.after.startswith("-") or (
        word is not None and word.group(1).lower() in _PLACE_PREPOSITIONS
    )


def read_votes(con, min_org: int = 2):
    """The votes of every name some ``min_org`` articles tag an organisation and some a
    person (:class:`Vote`), the mentions read (a person's, and an organisation's of a name of
    several words), and each name's articles that give a person cue."""
    # (the mentions as first written are read three times, never held: the candidates'
    # names, their mentions, the person mentions of their articles; at a million articles a
    # table of every mention would hold 32 million rows)
    first = f"({_FIRST_WRITTEN_SQL})"
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _voted AS
               SELECT name, count(DISTINCT article_id) FILTER (label = 'ORG') AS n_org
               FROM {first} WHERE label IN ('ORG', 'PERSON') GROUP BY name
               HAVING count(DISTINCT article_id) FILTER (label = 'ORG') >= ?
                  AND count(*) FILTER (label = 'PERSON') > 0
                  AND ? * count(DISTINCT article_id) FILTER (label = 'ORG')
                      >= count(DISTINCT article_id) FILTER (label = 'PERSON')""",
            [min_org, _PERSON_PER_ORG],
        )
        # (an organisation's mentions are read for a name of several words only: a person's
        # full name the model tagged a body says so in some article: "Ms Orrell" after
        # "Tavin Orrell", "director Tavin Orrell")
        rows = con.execute(
            f"""SELECT f.article_id, f.start, f.label, f.text, f.name,
                      substr(a.text, greatest(f.start - 59, 1)::BIGINT, least(f.start, 60)::BIGINT),
                      substr(a.text, f."end" + 1, 300)
               FROM {first} f JOIN articles a ON a.id = f.article_id
               WHERE f.name IN (SELECT name FROM _voted)
                 AND (f.label = 'PERSON' OR (f.label = 'ORG' AND contains(f.name, ' ')))"""
        ).fetchall()
        orgs = dict(con.execute("SELECT name, n_org FROM _voted").fetchall())
        others: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for aid, s, e, text in con.execute(
            f"""SELECT article_id, start, "end", text FROM {first} f WHERE label = 'PERSON'
               AND article_id IN (SELECT unnest(?::VARCHAR[]))""",
            [sorted({r[0] for r in rows})],
        ).fetchall():
            others[aid].append((s, e, text))
    finally:
        con.execute("DROP TABLE IF EXISTS _voted")
    mentions = [
        Mention(aid, s, name, text, before, after, [o for o in others[aid] if o[0] != s], label)
        for aid, s, label, text, name, before, after in rows
    ]
    cued: dict[str, set[str]] = defaultdict(set)
    person: dict[str, set[str]] = defaultdict(set)
    org_cued: set[str] = set()
    for m in mentions:
        if m.label == "PERSON":
            person[m.name].add(m.article_id)
        if person_cue(m):
            if m.label == "PERSON":
                cued[m.name].add(m.article_id)
            else:
                org_cued.add(m.name)
    votes = {
        name: Vote(orgs.get(name, 0), len(cued[name]), len(ids - cued[name]), name in org_cued)
        for name, ids in person.items()
    }
    return votes, mentions, cued
