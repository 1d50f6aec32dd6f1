"""One event, one figure: a step after :func:`analysis.figures.extract` that joins a figure the
next sentence restates, and places an event figure in the offensive its sentence names.

News often gives a claim and then the claimant's own words for it: "the SDF … claimed that one
had died. “… one member of these forces was killed,” said an SDF spokesman". The extractor reads
two figures there (it reads sentences one by one, as it should); counted twice, a single death
becomes two. The rule here is deliberately narrow: the same category, the same value (or range;
a headline's bare "29" and the lede's "at least 29" are one: :func:`_same_amount`)
and the same kind of count in two *adjacent* sentences is one figure — the first, with whatever
the second adds (its subject, its place — the second's when the first names only the country
the second's place lies in, or when only the second's sentence names its place). Further apart, the same figure said again (the headline's toll in
the lede and the body) is joined too, but only at the same named place, of the same people and
claimant (:func:`_repeats`); equal numbers of other people or places stay apart. A toll retold
with no place in its sentence or the one before, which the extractor could only put at the
article's main place, is the earlier toll of that amount whose sentence names its place
(:func:`_retold`).

The place: a figure whose place is only the article's main place (its own sentence names no
place) but whose sentence names the objective of an offensive ("the push for Raqqa", "the
battle for Mosul", "the assault on Idlib") is placed there.

Kept apart from ``figures.py`` (which reads one number at a time) because it looks across
sentences; :mod:`analysis.extract` runs it right after the figure extractor.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from analysis import gazetteer, lexicon
from analysis.records import EntityMention, Figure

OFFENSIVE_NOUNS = lexicon.words("offensive_nouns")
# The counts of an incident (killed, injured, missing: figures.py reads them from here).
INCIDENT_CATEGORIES = frozenset({"killed", "injured", "missing"})
# Counts of people that are no casualties: one said again with no place is one figure.
UNPLACED_PEOPLE_CATEGORIES = frozenset({"people", "troops", "displaced"})
# Prepositions that make an offensive a time's mark, not the count's event ("the worst fighting
# since the battle for Aleppo, with air strikes causing hundreds of casualties").
TIME_PREPOSITIONS = frozenset({"since", "before", "after", "until", "till"})
OBJECTIVE_PREPOSITIONS = lexicon.words("objective_prepositions")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def merge_restated(
    figures: Sequence[Figure], doc: Doc, mentions: Sequence[EntityMention] = ()
) -> list[Figure]:
    """``figures`` (in text order) with restatements joined and event places corrected."""
    placed = [_objective_place(f, doc, mentions) for f in figures]
    out: list[Figure] = []
    bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
    sent_of = {f.start: _sentence_index(bounds, f.start) for f in placed}
    placed_sents = _sentences_placing(bounds, mentions)
    joined_into: dict[int, int] = {}  # a joined figure's start → the start of the one it joined
    for fig in placed:
        prev = out[-1] if out else None
        if prev is not None and _restates(prev, fig, sent_of):
            out[-1] = _joined(prev, fig)
            joined_into[fig.start] = prev.start
            continue
        # a toll told with no place near it: the article's place was only a guess
        unplaced = not placed_sents & {sent_of[fig.start], sent_of[fig.start] - 1}
        earlier = next(
            (k for k, e in enumerate(out) if _repeats(e, fig) or unplaced and _retold(e, fig)),
            None,
        )
        if earlier is not None:
            joined_into[fig.start] = out[earlier].start
            out[earlier] = _joined(out[earlier], fig)
            continue
        out.append(fig)
    if not joined_into:
        return out
    # a part whose whole was joined into another figure is a part of that one
    return [
        dataclasses.replace(f, part_of=joined_into[f.part_of])
        if f.part_of in joined_into and joined_into[f.part_of] != f.start
        else f
        for f in out
    ]


def _joined(first: Figure, second: Figure) -> Figure:
    """The first figure, with what its restatement adds."""
    return dataclasses.replace(
        first,
        subject=first.subject or second.subject,
        location=(
            second.location
            if second.location is not None and _named(second) and not _named(first)
            else _finer(first.location, second.location)
        ),
        claimed_by=first.claimed_by or second.claimed_by,
        unit=first.unit or second.unit,
    )


def _named(fig: Figure) -> bool:
    """Whether the figure's own sentence names its place (else it was placed by the article:
    the headline "Mozambique floods: dozens dead" at the Beira of a later sentence, which the
    lede's restatement "in floods in central Mozambique" corrects)."""
    return fig.location is not None and fig.location.lower() in (fig.sentence or "").lower()


def _repeats(first: Figure, second: Figure) -> bool:
    """The same figure said again further on (the headline's toll in the lede, then in the
    body: 22 % of a real corpus's killed figures): the same amount of the same kind of count,
    at the same named place (an earlier event recalled: or one side silent on it), of the same
    people (or one silent) and the same claimant (or one silent). "Three killed in Aleppo" and
    "three children killed in Aleppo" stay apart; so do equal numbers at two places."""
    return (
        _same_amount(first, second)
        and (first.value is not None or first.low is not None)
        and first.category == second.category
        and first.scope == second.scope
        and (
            first.location is not None
            and first.location == second.location
            # or one or both silent, for an earlier incident recalled: with no place of its own
            # it is left unplaced (figures.extract), not put at the article's town as it was,
            # and stays one event with its retelling ("executed 48 … in a northern village",
            # "48 executed … in the village of Rityan"; a paragraph the source printed twice).
            # Not money or shares: "growth of 4.3%" and "inflation fell to 4.3%" are two.
            or first.scope == "background"
            and first.category in INCIDENT_CATEGORIES
            and _agree(first.location, second.location)
            # a count of people said again where the story places it nowhere ("the millions
            # of people who suffer devastating illnesses", in the opening and again in the
            # speech): one figure, as it was when both took the story's place (figures.extract
            # gives it only in the opening or near the place's name)
            or first.category in UNPLACED_PEOPLE_CATEGORIES
            and _agree(first.location, second.location)
        )
        and _agree(first.unit, second.unit)
        and _agree(first.subject, second.subject)
        and _agree(first.claimed_by, second.claimed_by)
    )


def _retold(first: Figure, second: Figure) -> bool:
    """An incident's toll told again further on with no place near it (the caller checks
    that neither its sentence nor the one before names one), which the extractor put at the
    article's main place: the same amount of the same kind of count, of the same people and
    claimant (or one silent), as an earlier toll whose own sentence names its place. "Warplanes
    bombed Idlib province, killing at least 22 people. … 22 people were killed during the
    airstrikes" is Idlib's 22 again, not a second toll of the Aleppo the article names most
    (it had stood beside another outlet's Aleppo toll as a disagreement)."""
    return (
        first.category in INCIDENT_CATEGORIES
        and first.scope == second.scope == "event"
        and first.value is not None
        and first.value == second.value
        # "at least 22" retold as "22": one bound dropped, none contradicted
        and _agree_amount(first.low, second.low)
        and _agree_amount(first.high, second.high)
        and first.category == second.category
        and _named(first) is not None
        and _named(second) is None
        and _agree(first.unit, second.unit)
        and _agree(first.subject, second.subject)
        and _agree(first.claimed_by, second.claimed_by)
    )


def _same_amount(first: Figure, second: Figure) -> bool:
    """The same number, or the same number with a hedge on one side only: a headline drops the
    lede's "at least" ("Air raids kill 29 civilians", then "killed at least 29 civilians …, a
    monitor said": one toll, the monitor's; the headline's copy had stood as the outlet's own)."""
    if (first.value, first.low, first.high) == (second.value, second.low, second.high):
        return True
    return (
        first.value is not None
        and first.value == second.value
        and (_exact(first) or _exact(second))
    )


def _exact(fig: Figure) -> bool:
    return fig.low == fig.value == fig.high and not fig.approximate


def _same_things(a: str | None, b: str | None) -> bool:
    """Two units of one count of things: one silent, or the same head noun ("shells",
    "rocket shells")."""
    return a is None or b is None or a.lower().split()[-1:] == b.lower().split()[-1:]


def _agree_amount(a: float | None, b: float | None) -> bool:
    return a is None or b is None or a == b


def _sentences_placing(
    bounds: Sequence[tuple[int, int]], mentions: Sequence[EntityMention]
) -> set[int]:
    """The indices of the sentences (``bounds``: each one's start and end offsets) that name a
    place finer than a country (a country named says nothing of which of its towns: "the
    Britain-based monitor")."""
    starts = [start for start, _ in bounds]
    out: set[int] = set()
    for m in mentions:
        if m.label in PLACE_LABELS and gazetteer.country(m.name) is None:
            out.add(bisect.bisect_right(starts, m.start) - 1)
    return out


def _finer(first: str | None, second: str | None) -> str | None:
    """The first figure's place, unless it is only a country and the restatement names a place
    in it ("killed nine in Syria" … "strikes in Aleppo province killing nine")."""
    if first is None or second is None:
        return first or second
    country = gazetteer.country(first)
    if country is None or gazetteer.country(second) is not None:
        return first
    inner = gazetteer.place(second) or gazetteer.town(second) or gazetteer.village(second)
    return second if inner is not None and inner.country == country.country else first


def _restates(first: Figure, second: Figure, sent_of: dict[int, int]) -> bool:
    same_amount = _same_amount(first, second)
    return (
        same_amount
        and (first.value is not None or first.low is not None)
        and first.category == second.category
        and first.scope == second.scope
        and sent_of[second.start] - sent_of[first.start] == 1
        and (first.subject is None or second.subject is None or first.subject == second.subject)
        # a count of things is of the things it names: "two US-backed groups clashed near
        # Jarabulus" and "captured two villages" the next sentence are two counts (a toll's
        # noun varies as it is retold: "people", "civilians")
        and (first.category in INCIDENT_CATEGORIES or _same_things(first.unit, second.unit))
        and _same_place(_named(first), _named(second))  # not three in Aleppo, three in Idlib
    )


def _named(fig: Figure) -> str | None:
    """The figure's place when its own sentence names it (else it is the article's main place,
    which says nothing of this figure)."""
    return fig.location if fig.location and fig.location in fig.sentence else None


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.lower() == b.lower()


def _same_place(first: str | None, second: str | None) -> bool:
    """One place, or one silent, or a country and a place in it (see :func:`_finer`)."""
    if first is None or second is None or first == second:
        return True
    return _finer(first, second) != first or _finer(second, first) != second


def _sentence_index(bounds: Sequence[tuple[int, int]], offset: int) -> int:
    """The index of the sentence (``bounds``: each one's start and end offsets, in order) that
    holds ``offset``, or -1 (a walk of the Doc's sentences for each figure had built them all
    anew each time)."""
    i = bisect.bisect_right(bounds, (offset, float("inf"))) - 1
    return i if i >= 0 and offset < bounds[i][1] else -1


# Money, shares and counts of things are where their sentence puts them, or nowhere (figures.py
# reads them from here): an offensive's objective is no place of theirs ("three away fixtures
# in Italy, France and Scotland before completing their campaign against Ireland" are no
# fixtures in Ireland).
UNPLACED_CATEGORIES = frozenset({"money", "price", "percent", "other"})


def _objective_place(fig: Figure, doc: Doc, mentions: Sequence[EntityMention]) -> Figure:
    if fig.location and fig.location in fig.sentence:
        return fig  # the sentence itself names the place
    if fig.category in UNPLACED_CATEGORIES:
        return fig
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None:
        return fig
    for tok in span.sent:
        if (
            tok.lower_ in OFFENSIVE_NOUNS
            and tok.pos_ == "NOUN"
            and tok.head.lower_ not in TIME_PREPOSITIONS
        ):
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in OBJECTIVE_PREPOSITIONS:
                    continue
                for pobj in prep.children:
                    place = _place_at(pobj, mentions)
                    if pobj.dep_ == "pobj" and place:
                        return dataclasses.replace(fig, location=place)
    return fig


def _place_at(tok, mentions: Sequence[EntityMention]) -> str | None:
    for m in mentions:
        if m.start <= tok.idx < m.end:
            return m.name if m.label in PLACE_LABELS else None
    return tok.text if tok.ent_type_ in PLACE_LABELS else None
