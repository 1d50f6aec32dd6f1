"""Corpus labels: a person's name that a few articles took for a place counts as the person.

The entity extractor labels a name once per article (:mod:`analysis.entities.labelling`), from
that article's text alone: where the text gives no clue, a surname the gazetteer also lists as a
town is a place ("Bush", a city of Egypt, in "the Bush tax cuts"; "Rubio", a city of
Venezuela, in "Rubio's amnesty bill"), and a full name the model tagged a place stays one
("Murphy has an ally in Hillary Clinton"). Across a corpus the same name is a person in ten or
a hundred times as many articles. The identity pass (:mod:`analysis.identity`) asks this module
before it reads the names: a name tagged a place (GPE, LOC or FAC) in a few articles and a
person in most others is relabelled PERSON in those articles, so its mentions join the
person's (the entity views count one "Rubio", then "Marco Rubio" by the surname's join), unless

* the name is a country, a state, a continent or a region the gazetteer knows ("Jordan",
  "Georgia", "Washington"), or a county of the UK or of Ireland ("Kent", "Kerry"): never a
  person's by a corpus vote;
* it ends in a word of buildings and places ("Trump Tower", "Kerry County");
* it is a town the gazetteer knows and the vote is not overwhelming (:data:`KNOWN_PLACE_MIN`):
  "Warren", "Kennedy" or "Lincoln" in a handful of articles stay what each article made them;
* the article's own text puts something in it ("in Carson, Calif.", "the town of Kerry",
  "Kerry, Ireland", "the Chelsea neighborhood": :func:`placed_by_text`), read in the text
  around each of its mentions in that article.

Every relabelled mention is logged in ``name_raw`` (space ``label``: the raw label and the one
shown) and each relabelled name is a row of ``name_merges`` (kind ``label``) that can be undone
like a join; a re-run puts back the labels the vote no longer gives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from analysis import body_labels, gazetteer, geo, lexicon
from analysis.entities.rules import (
    FACILITY_HEAD_WORDS,
    FACILITY_WORDS,
    NAME_PARTICLES,
    PLACE_NOUNS,
)

LOG_SPACE = "label"  # name_raw's space of the relabelled mentions (col "label")


@dataclass(frozen=True)
class Threshold:
    """How many articles must tag a name PERSON (``articles``), and what share of the articles
    tagging it a person or a place (``share``), for the rest to count as the person."""

    articles: int
    share: float

    def met(self, person: int, place: int) -> bool:
        return person >= self.articles and person >= self.share * (person + place)


# A name the gazetteer knows no place of: a person in five articles and four in five of those
# that tag it ("Kasich" 47 : 1, "Megyn Kelly" 14 : 1 on PolNeAR; "Balco", the doping lab, 4 : 1
# on the real store, stays).
UNKNOWN_PLACE_MIN = Threshold(5, 0.8)
# A town or city it knows: twenty articles and nine in ten ("Bush" 66 : 5, "Rubio" 83 : 2,
# "Carson" 35 : 2; not "Kennedy" 7 : 2, "Warren" 8 : 1, "Chelsea" 3 : 5).
KNOWN_PLACE_MIN = Threshold(20, 0.9)

# Place nouns, buildings, natural features, counties: a name ending in one is a place's
# ("Trump Tower"); one of them right after a name puts it in a place ("the Chelsea neighborhood").
PLACE_NAME_HEADS = (
    lexicon.words("place_name_heads")
    | PLACE_NOUNS
    | FACILITY_WORDS
    | FACILITY_HEAD_WORDS
    | lexicon.words("place_facility_nouns")
    | lexicon.words("place_feature_words")
)
IRISH_COUNTIES = lexicon.words("irish_counties")
# Prepositions that put a town's name where something is ("a rally in Carson"). Not "at",
# "into", "toward", "around" (the extractor's locatives): "a shot at Bush", "an inquiry into
# Balco", "hostility toward Rubio", "the force around Ronald Reagan" aim at a person.
PLACING_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "across", "throughout"})
_PLACED_BEFORE = re.compile(
    r"\b(?:(?P<prep>" + "|".join(sorted(PLACING_PREPOSITIONS)) + r")(?: downtown)?"
    r"|(?P<noun>\w+) of|county|co\.?)\s+$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^['’]")
_COMMA_PLACE = re.compile(r"^,\s+((?:[A-Z][\w.]*)(?:\s+[A-Z][\w.]*)?)")
_NEXT_WORD = re.compile(r"^[\s-]+(\w+)(?:\s+(\w+))?")
# Words that make a place noun after a name part of another noun: "a Hillary town hall" (a
# meeting), "the Trump city council race".
_COMPOUND_ENDS = frozenset({"hall", "halls", "council", "councils", "meeting", "meetings"})


def relabelled_names(
    votes: Mapping[str, tuple[int, int]], undone: Collection[str] = ()
) -> set[str]:
    """The names whose place mentions count as a person's: ``votes`` gives each name tagged a
    place somewhere the articles tagging it a person and those tagging it a place; ``undone``
    names were undone by hand (see the module docstring for the rule)."""
    out = set()
    for name, (person, place) in votes.items():
        # (the weaker threshold first: most names fail it without a look at the gazetteer)
        if not (place and UNKNOWN_PLACE_MIN.met(person, place)) or name in undone:
            continue
        if not _may_be_person(name):
            continue
        known = gazetteer.place(name) or gazetteer.town(name) or gazetteer.village(name)
        if (KNOWN_PLACE_MIN if known else UNKNOWN_PLACE_MIN).met(person, place):
            out.add(name)
    return out


def _may_be_person(name: str) -> bool:
    """Could ``name`` be a person's at all: written as a name (not "al-Midan", a district), not
    a country, a state, a region or a county ("Jordan", "Georgia", "Washington", "Kerry" stay
    places however many people bear them), and not ending in a building's or a place's word ("Trump Tower")?"""
    words = name.split()
    # (capitalised words, an Arabic particle between them: "Bashar al Assad")
    if not words or not all(w[:1].isupper() or w in NAME_PARTICLES for w in words):
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    if gazetteer.country(name) is not None or gazetteer.fold(name) in geo.NATION_REGIONS:
        return False
    if geo.county(name) or gazetteer.fold(name) in IRISH_COUNTIES:
        return False  # "Kent", "Kerry": a county, as a state
    place = gazetteer.place(name)
    if place is not None and place.kind not in ("city", "town"):
        return False
    return len(words) == 1 or words[-1].lower() not in PLACE_NAME_HEADS


def placed_by_text(before: str, name: str, after: str) -> bool:
    """Does the text around one mention of ``name`` (``before`` and ``after`` it) put something
    in it: after a placing preposition ("a rally in Carson", not "in Bush's view" nor "an ally
    in Hillary Clinton", "wrote in Ron Paul": a name of several words that the corpus makes a
    person's is whom something is found in, not where), after a place noun and "of" ("the town of
    Kerry"), after or before "County", before a place noun ("the Chelsea neighborhood") or
    before a comma and a state or a country ("Warren, Michigan", "Carson, Calif.")?"""
    hit = _PLACED_BEFORE.search(before[-40:])
    if hit is not None and not _POSSESSIVE.match(after):
        if hit.group("noun") is not None:
            if hit.group("noun").lower() in PLACE_NAME_HEADS:
                return True
        elif hit.group("prep") is None or " " not in name:
            return True
    word = _NEXT_WORD.match(after)
    if (
        word is not None
        and word.group(1).lower() in PLACE_NAME_HEADS
        and (word.group(2) or "").lower() not in _COMPOUND_ENDS
    ):
        return True
    comma = _COMMA_PLACE.match(after)
    return comma is not None and _state_or_country(comma.group(1))


def _state_or_country(words: str) -> bool:
    """Is ``words`` (after a comma) a state or a country: "Michigan", "Calif.", "Ireland"? The
    first word alone may be one ("Michigan on Thursday")."""
    for candidate in (words, words.split()[0]):
        if candidate in geo.US_STATE_ABBREVIATIONS:  # "Calif.", "N.H."
            return True
        place = gazetteer.place(candidate)
        if place is not None and place.kind in ("country", "state"):
            return True
    return False


# -- the store step ------------------------------------------------------------------------------
# The place mentions as first written: those tagged GPE, LOC or FAC (a building: "Marco Rubio"
# in "taking shots at Marco Rubio", PolNeAR) and those this module relabelled
# (their raw label in the log, space "label"), with the raw name the joins logged (space
# "actor" once relabelled, "place" before). The log is joined to these rows only, not to every
# mention (on PolNeAR a place mention is one in five).
_PLACED_SQL = """
    WITH placed AS (
        SELECT x.article_id, x.start, x."end", x.label, x.name FROM entity_mentions x
        WHERE x.label IN ('GPE', 'LOC', 'FAC')
        UNION ALL
        SELECT x.article_id, x.start, x."end", l.raw AS label, x.name FROM name_raw l
        JOIN entity_mentions x ON x.article_id = l.article_id AND x.start = l.pos
        WHERE l.space = 'label'
    )
    SELECT p.article_id, p.start, p."end", p.label, coalesce(r.raw, p.name) AS name
    FROM placed p LEFT JOIN name_raw r ON r.space IN ('actor', 'place')
         AND r.tbl = 'entity_mentions' AND r.col = 'name' AND r.article_id = p.article_id
         AND r.pos = p.start
    WHERE p.label IN ('GPE', 'LOC', 'FAC')
"""


def votes(con) -> dict[str, tuple[int, int]]:
    """Each name some article tags a place (as first written): the articles that tag its
    words a person (as a mention's text: "Bush" in "Jeb Bush"'s article counts) and those that
    tag it a place. Two scans of the mentions, the second only of the PERSON ones whose text is
    such a name (a semi-join on a small table)."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _placed AS
            SELECT name, count(DISTINCT article_id) AS n FROM ({_PLACED_SQL}) GROUP BY name"""
    )
    try:
        rows = con.execute(
            """SELECT p.name, coalesce(q.n, 0), p.n FROM _placed p LEFT JOIN (
                   SELECT x.text, count(DISTINCT x.article_id) AS n FROM entity_mentions x
                   WHERE x.label = 'PERSON' AND x.text IN (SELECT name FROM _placed)
                     AND NOT EXISTS (SELECT 1 FROM name_raw l WHERE l.space = 'label'
                                     AND l.article_id = x.article_id AND l.pos = x.start)
                   GROUP BY x.text) q ON q.text = p.name"""
        ).fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS _placed")
    return {name: (person, place) for name, person, place in rows}


def wanted(con, names: Iterable[str]) -> list[tuple[str, int, str]]:
    """(article, offset, raw label) of every place mention of ``names`` (as first written) in
    an article whose text does not put anything in the name (:func:`placed_by_text`)."""
    names = sorted(names)
    if not names:
        return []
    # The mentions first, then the text around each of their articles only: joined in one
    # query, the articles' texts were read whole (2.4 s at a million articles, against 0.4-1.2 s)
    mentions = con.execute(
        f"""SELECT article_id, start, "end", label, name FROM ({_PLACED_SQL})
            WHERE name IN (SELECT unnest(?::VARCHAR[]))""",
        [names],
    ).fetchall()
    if not mentions:
        return []
    con.register(
        "_at",
        {
            "article_id": np.array([m[0] for m in mentions], dtype=object),
            "start": np.array([m[1] for m in mentions], dtype=np.int64),
            "end": np.array([m[2] for m in mentions], dtype=np.int64),
        },
    )
    try:
        around = {
            (aid, start): (before, after)
            for aid, start, before, after in con.execute(
                """SELECT m.article_id, m.start,
                          substr(a.text, greatest(m.start - 59, 1)::BIGINT,
                                 least(m.start, 60)::BIGINT),
                          substr(a.text, m."end" + 1, 40)
                   FROM articles a JOIN _at m ON a.id = m.article_id
                   WHERE a.id IN (SELECT DISTINCT article_id FROM _at)"""
            ).fetchall()
        }
    finally:
        con.unregister("_at")
    rows = [
        (aid, start, label, name, *around[(aid, start)]) for aid, start, _, label, name in mentions
    ]
    groups: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for row in rows:
        groups[(row[0], row[3])].append(row)
    return [
        (aid, start, label)
        for (_, name), group in groups.items()
        if not any(placed_by_text(before, name, after) for *_, before, after in group)
        for aid, start, label, *_ in group
    ]


def apply(con, undone: Collection[str] = ()) -> tuple[dict[tuple[str, str], int], set[str]]:
    """Relabel the store's mentions as the corpus votes (see the module docstring; and
    :mod:`analysis.body_labels`, a body's name a few articles took for a person) and put back
    the labels it no longer gives: returns the relabelled (name, label) pairs with their
    mentions' count, and the articles whose mentions changed either way. A mention's name
    changes space with its label: the join the other space gave it is undone here (its raw
    name restored in the mention and in the attitude toward it), the identity pass then
    applies its new space's joins (a person's mention made an organisation's stays in the
    actors' space: nothing to restore)."""
    want = wanted(con, relabelled_names(votes(con), undone))
    want += body_labels.wanted(con, undone)
    _register_mentions(con, "_want", want)
    try:
        gone = con.execute(
            f"""SELECT l.article_id, l.pos, l.raw FROM name_raw l WHERE l.space = '{LOG_SPACE}'
                AND NOT EXISTS (SELECT 1 FROM _want w WHERE w.article_id = l.article_id
                                AND w.pos = l.pos)"""
        ).fetchall()
        new = con.execute(
            f"""SELECT w.article_id, w.pos, w.raw FROM _want w WHERE NOT EXISTS (
                    SELECT 1 FROM name_raw l WHERE l.space = '{LOG_SPACE}'
                    AND l.article_id = w.article_id AND l.pos = w.pos)"""
        ).fetchall()
    finally:
        con.unregister("_want")
    _set_labels(con, [r for r in gone if r[2] != "PERSON"], restore="actor", new_label=None)
    _set_labels(con, [r for r in gone if r[2] == "PERSON"], restore=None, new_label=None)
    _set_labels(con, [r for r in new if r[2] != "PERSON"], restore="place", new_label="PERSON")
    _set_labels(con, [r for r in new if r[2] == "PERSON"], restore=None, new_label="ORG")
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for name, label in con.execute(
        f"""SELECT coalesce(r.raw, x.name), l.shown FROM name_raw l
            JOIN entity_mentions x ON x.article_id = l.article_id AND x.start = l.pos
            LEFT JOIN name_raw r ON r.space = 'actor' AND r.tbl = 'entity_mentions'
                 AND r.col = 'name' AND r.article_id = l.article_id AND r.pos = l.pos
            WHERE l.space = '{LOG_SPACE}'"""
    ).fetchall():
        counts[(name, label)] += 1
    return dict(counts), {r[0] for r in (*gone, *new)}


def _register_mentions(con, name: str, rows: list[tuple]) -> None:
    """Register ``rows`` (article, offset, raw label) as the table ``name`` (columns
    ``article_id, pos, raw``) for the queries that follow; unregister it after them."""
    con.register(
        name,
        {
            "article_id": np.array([r[0] for r in rows], dtype=object),
            "pos": np.array([r[1] for r in rows], dtype=np.int32),
            "raw": np.array([r[2] for r in rows], dtype=object),
        },
    )


def _set_labels(con, rows: list[tuple], *, restore: str | None, new_label: str | None) -> None:
    """Give the mentions at ``rows`` (article, offset, raw label) ``new_label`` (None: their
    raw label back, the log row dropped), first putting back the names the joins of space
    ``restore`` gave them and their attitudes' targets (None: the mentions keep their space)."""
    if not rows:
        return
    _register_mentions(con, "_rows", rows)
    try:
        for table, column, pos in (
            ()
            if restore is None
            else (
                ("entity_mentions", "name", "start"),
                ("attitudes", "target", "target_start"),
            )
        ):
            logged = f"""FROM name_raw r JOIN _rows w ON w.article_id = r.article_id
                         AND w.pos = r.pos WHERE r.space = '{restore}' AND r.tbl = '{table}'
                         AND r.col = '{column}'"""
            con.execute(
                f"""UPDATE {table} AS x SET {column} = s.raw FROM (SELECT r.article_id, r.pos,
                        r.raw, r.shown {logged}) s
                    WHERE x.article_id = s.article_id AND x.{pos} = s.pos
                      AND x.{column} = s.shown"""
            )
            con.execute(
                f"""DELETE FROM name_raw WHERE (space, tbl, col, article_id, pos) IN
                    (SELECT r.space, r.tbl, r.col, r.article_id, r.pos {logged})"""
            )
        if new_label is None:
            con.execute(
                """UPDATE entity_mentions AS x SET label = w.raw FROM _rows w
                   WHERE x.article_id = w.article_id AND x.start = w.pos"""
            )
            con.execute(
                f"""DELETE FROM name_raw l WHERE l.space = '{LOG_SPACE}' AND EXISTS (
                        SELECT 1 FROM _rows w WHERE w.article_id = l.article_id
                        AND w.pos = l.pos)"""
            )
        else:
            con.execute(
                """UPDATE entity_mentions AS x SET label = ? FROM _rows w
                   WHERE x.article_id = w.article_id AND x.start = w.pos""",
                [new_label],
            )
            con.execute(
                f"""INSERT INTO name_raw SELECT '{LOG_SPACE}', 'entity_mentions', 'label',
                        article_id, pos, raw, ? FROM _rows""",
                [new_label],
            )
    finally:
        con.unregister("_rows")
