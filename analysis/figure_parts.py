"""Part and whole: which figure of an article counts a part of another ("four children among the 28
dead", "28 people, including four children", "86 dead, 30 of them children").

An article's toll is the whole, not the first or most prominent number: a lede such as "Four
children are among the 28 dead" gives the children first. This step, run by
:mod:`analysis.extract` after the figure extractor, links each part to its whole by setting the
part's ``part_of`` to the whole's ``start`` offset (figures are keyed by article and offset), so
that whatever picks a toll — the Overview's headline figure, the conflicts table, the casualty
evaluation (:func:`tolls`) — can skip the parts, and the Figures page can say "part of 28".

The relation is read from the words between two figures of one sentence, model-free (the small
parser often hangs "among" or "including" on the wrong word):

* whole first: "W [people], including P", "W … among them P", "W, of whom P", "W, mostly P";
* part first: "P [children] (were|are) among [the] W", "P of the W", "P out of W";
* "W … P of them/of whom": a figure followed by "of them" right after another one;
* a list continues a part: "among them four women and four children" — both are parts;
* a whole nobody counted: "killing civilians, including three children", "four children were
  among the dead", "those killed … include 14 children" — ``part_of`` is then the offset of the
  whole's noun ("civilians", "dead", "killed").

An increment ("three more people died of their wounds", "another four", "a further nine", "the
toll rose by 5") adds to a toll given before and is no toll either: :func:`mark_increments`, run
after :func:`link_parts`, records it like a part of a whole nobody counted, ``part_of`` pointing
at its marker ("more", "another", "rose"). "Killing six and wounding another ten" is no
increment: the ten are other people than the dead; nor is "287 fighters were killed … Another
120 soldiers were also killed": soldiers are other people than the fighters counted before.

A toll the source has since replaced ("updating a previous toll of 112", "up from 98", or one
source's lower count before its "toll has risen to 126") is no toll either:
:func:`mark_superseded` records it as the earlier part of the toll that replaced it.

Only figures of the same category are linked, and never a part larger than its whole. A whole
that merely borrowed its unit from its own part ("Four children are among the 28 dead": the
extractor lends "children" to the bare 28) loses that unit: the dead are whoever they were.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from analysis import incident_kinds, lexicon
from analysis.records import Figure

# Figures whose parts mean nothing here: a share of a share, a sum of money.
UNLINKED = frozenset({"percent", "territory_share", "money", "price", "other"})
# The longest run of words allowed between a whole and its part (its unit and the marker):
# further apart, the two numbers are in different clauses.
MAX_GAP_WORDS = 6
WORD = r"[\w'’-]+"
# Whole, then the words that introduce its parts.
PART_AFTER = re.compile(
    rf"^(?:{WORD}\s+){{0,4}}?(?:including|includ(?:es|ed)|among\s+(?:them|whom)|amongst\s+them"
    r"|of\s+whom|mostly|most\s+of\s+them|mainly)(?:\s+(?:were|are|was|is))?\s*$",
    re.I,
)
# Part, then the words that set it inside the whole that follows.
PART_BEFORE = re.compile(
    rf"^(?:{WORD}\s+){{0,3}}?(?:(?:were|are|was|is|being)\s+)?(?:among(?:st)?|of|out\s+of)"
    r"\s+(?:the\s+|those\s+)?$",
    re.I,
)
# What follows a part whose whole came just before: "86 dead, 30 of them children".
OF_THEM = re.compile(r"^\s*(?:of\s+(?:them|whom|those)|among\s+them)\b", re.I)
# An uncounted whole: "killing civilians, including three children" / "three children were among
# the dead". Its noun must name people (or the dead): "attacks, including two" is no whole.
# "killed" and "victims" name the dead too: "Three killed including 2 women", "those killed in
# two attacks include 14 children", "the victims included 51 children".
WHOLE_NOUNS = (
    lexicon.words("people_nouns") | lexicon.words("dead_nouns") | frozenset({"killed", "victims"})
)
WHOLE_BEFORE = re.compile(
    r"\b(?P<noun>[a-z]+)\s*[,(–—-]?\s*(?:including|among\s+them|among\s+whom)\s*$"
)
WHOLE_INCLUDES = re.compile(
    rf"\b(?P<noun>killed|victims|dead)\b(?:\s+{WORD}){{0,8}}?\s+includ(?:e|es|ed)\s*$", re.I
)
# (the verb may come before the number: "saying there were 11 children among the dead")
WHOLE_AFTER = re.compile(
    rf"^\s*(?:{WORD}\s+)?(?:(?:were|are|was|is)\s+)?among(?:st)?\s+(?:the\s+)?(?P<noun>[a-z]+)\b"
)
# What joins two parts of one list: "four women and four children", "two men, three boys".
LIST_JOIN = re.compile(rf"^(?:{WORD}\s+){{0,2}}?(?:and|as\s+well\s+as)\s*$|^(?:{WORD}\s+){{0,2}}$")


# A phrase of place between a whole and the words that introduce its parts ("killed at least 58
# people in a rebel-held town in Idlib including 11 children"): read without it, the gap is the
# whole's noun and its marker, as in "killed 58 people including 11 children".
PLACE_PHRASE = re.compile(
    rf"\b(?:in|near|at|outside|across)\s+(?:{WORD}[\s,]+){{1,8}}?"
    r"(?=(?:including|includ(?:es|ed)|among\s+(?:them|whom)|of\s+whom)\b)",
    re.I,
)


def link_parts(figures: Sequence[Figure], text: str) -> list[Figure]:
    """``figures`` (one article's, in text order) with ``part_of`` set on each part."""
    out = list(figures)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if not _linkable(a, b):
            continue
        raw = text[a.end : b.start]
        gap = _words(raw)
        placed = _words(PLACE_PHRASE.sub(" ", raw))  # the gap without a phrase of place
        if gap is None and placed is None:
            continue
        if (
            gap is not None
            and a.part_of is not None
            and a.part_of != b.start  # "6 children among 19 dead": the whole is no item
            and LIST_JOIN.match(gap)
            and _fits(b, _whole(out, a))
        ):
            out[i] = dataclasses.replace(b, part_of=a.part_of)  # the list goes on
        elif (
            any(g is not None and PART_AFTER.match(g) for g in (gap, placed))
            or OF_THEM.match(text[b.end : b.end + 20])
        ) and _fits(b, a):
            out[i] = dataclasses.replace(b, part_of=a.start)
        elif gap is not None and PART_BEFORE.match(gap) and _fits(a, b):
            out[i - 1] = dataclasses.replace(a, part_of=b.start)
            out[i] = _own_unit(b, a, text)
    # Then parts of a whole nobody counted: "killing civilians, including three children".
    for i, fig in enumerate(out):
        if fig.part_of is not None or fig.category in UNLINKED:
            continue
        whole = _uncounted_whole(text, fig)
        counted = whole is not None and any(
            f.start != fig.start and f.sentence == fig.sentence and 0 <= whole - f.end <= 25
            for f in out
        )  # the noun is a counted figure's unit: that figure is the whole, and it did not fit
        if whole is not None and not counted:
            out[i] = fig = dataclasses.replace(fig, part_of=whole)
        prev = out[i - 1] if i else None
        gap = _words(text[prev.end : fig.start]) if prev is not None else None
        if (
            fig.part_of is None
            and prev is not None
            and prev.part_of is not None
            and _whole(out, prev) is None
            and _linkable(prev, fig)
            and gap is not None
            and LIST_JOIN.match(gap)
        ):
            out[i] = dataclasses.replace(fig, part_of=prev.part_of)  # "… and four children"
    # A list before its whole is all parts: "three children and two women were among the dead"
    # linked only the two women, who stand next to the whole; the three children then stood as
    # a toll of their own, and a conflict paired them with another article's children.
    wholes = {f.part_of for f in out}
    for i in range(len(out) - 1, 0, -1):
        prev, fig = out[i - 1], out[i]
        if (
            fig.part_of is not None
            and fig.part_of >= fig.end  # the whole comes after the list
            and prev.part_of is None
            and prev.start not in wholes
            and _linkable(fig, prev)
            and (gap := _words(text[prev.end : fig.start])) is not None
            and LIST_JOIN.match(gap)
            and (_whole(out, fig) is None or _fits(prev, _whole(out, fig)))
        ):
            out[i - 1] = dataclasses.replace(prev, part_of=fig.part_of)
    return out


def _uncounted_whole(text: str, fig: Figure) -> int | None:
    """The offset of an uncounted whole the figure is a part of, in its own sentence: "killing
    civilians, including three children" (before it) or "four children were among the dead"
    (after it). None when there is none."""
    sentence_start = text.rfind(fig.sentence[:30], 0, fig.start + 1) if fig.sentence else -1
    before = text[max(sentence_start, fig.start - 80, 0) : fig.start]
    m = WHOLE_BEFORE.search(before) or WHOLE_INCLUDES.search(before)
    if m and m.group("noun").lower() in WHOLE_NOUNS:
        return fig.start - len(before) + m.start("noun")
    after = text[fig.end : fig.end + 60]
    m = WHOLE_AFTER.match(after)
    if m and m.group("noun").lower() in WHOLE_NOUNS:
        return fig.end + m.start("noun")
    return None


def tolls(figures: Sequence[Figure]) -> list[Figure]:
    """The figures that are no part of another: the candidates for an article's toll."""
    return [f for f in figures if f.part_of is None]


def _linkable(a: Figure, b: Figure) -> bool:
    return (
        a.sentence == b.sentence
        and a.category == b.category
        and a.category not in UNLINKED
        and b.part_of is None
    )


def _words(gap: str) -> str | None:
    """The gap between two figures as plain words, or None when it is too long to be one
    phrase (or crosses a quotation or a semicolon, which end one)."""
    if any(c in gap for c in ';"“”'):
        return None
    words = re.sub(r"[,()–—:]|\s-\s", " ", gap).split()
    return " ".join(words) + " " if len(words) <= MAX_GAP_WORDS else None


def _amount(f: Figure) -> float | None:
    return f.value if f.value is not None else f.low


def _fits(part: Figure, whole: Figure | None) -> bool:
    """A part is never larger than its whole (when both say how many)."""
    if whole is None:
        return False
    p, w = _amount(part), _amount(whole)
    return p is None or w is None or p <= w


def _whole(figures: list[Figure], part: Figure) -> Figure | None:
    return next((f for f in figures if f.start == part.part_of), None)


def _own_unit(whole: Figure, part: Figure, text: str) -> Figure:
    """Drop a unit the whole only borrowed from its part: "among the 28 dead" names no
    "children" after 28, so the 28 dead are not all children."""
    if whole.unit is None or whole.unit != part.unit:
        return whole
    after = text[whole.end : whole.end + 40].lower()
    if re.match(rf"^\s*(?:{WORD}\s+)?{re.escape(whole.unit.lower())}\b", after):
        return whole
    return dataclasses.replace(whole, unit=None)


# An increment: a count added to one already given, not a toll of its own ("three more people
# died of their wounds", "another 12 were killed", "a further nine", "the toll rose by 5"). The
# marker comes right before the number ...
# (the verbs of a toll that rose "by" it)
RISE_WORDS = ("rose", "risen", "rising", "increased", "climbed", "jumped")
INCREMENT_BEFORE = re.compile(
    rf"\b(?P<marker>another|further|additional|(?:{'|'.join(RISE_WORDS)})"
    r"(?=\s+by\s))(?:\s+by)?\s+(?:(?:at\s+least|about|around|some|nearly|almost)\s+)?$",
    re.I,
)
# ... or "more" right after it ("three more", "dozens more"; never "five more than").
INCREMENT_AFTER = re.compile(r"^\s+(?P<marker>more)\b(?!\s+than\b)", re.I)
# A toll that rose to it is no increment, whatever follows: "Death toll rises to 8 more
# casualties reported" (a title run into its standfirst).
RISEN_TO = re.compile(
    r"\b(?:rose|rises|risen|rising|climbed|climbs|jumped|increased|reached|reaches|mounted)"
    r"\s+to\s+$",
    re.I,
)
# Markers that also join a second category to a first: "killing six and wounding another ten",
# "48 killed and dozens more wounded" — the ten and the dozens are then the whole count of the
# wounded, other people than the dead, not an addition to an earlier count of wounded.
CONTRAST_MARKERS = frozenset({"another", "further", "additional", "more"})
# Every marker word an increment's ``part_of`` points at (what a table shows as its whole).
INCREMENT_MARKERS = CONTRAST_MARKERS | frozenset(RISE_WORDS)


def mark_increments(figures: Sequence[Figure], text: str) -> list[Figure]:
    """``figures`` (one article's, in text order) with each increment recorded as a part of a
    whole nobody counted: ``part_of`` is the offset of its marker ("more", "another", "rose"),
    so that, like a part, it is no candidate for a toll (headline, spread, conflicts, :func:`tolls`).

    "three more people had died of serious injuries", days after a strike, had set the low end
    of a gas attack's spread of tolls at 3. Not an increment: a marker after a count of another
    category ("killed six and wounded another ten"), nor one at another place than the earlier
    count it adds to ("20 were killed in Aleppo and another 39 in Idlib": Idlib's own toll);
    see :func:`_adds_to_earlier`."""
    out = list(figures)
    for i, fig in enumerate(out):
        if fig.part_of is not None or fig.category in UNLINKED:
            continue
        before = text[max(fig.start - 40, 0) : fig.start]
        m = INCREMENT_BEFORE.search(before)
        if m:
            marker = fig.start - len(before) + m.start("marker")
        elif (m := INCREMENT_AFTER.match(text[fig.end : fig.end + 20])) and not RISEN_TO.search(
            before
        ):
            marker = fig.end + m.start("marker")
        else:
            continue
        if m.group("marker").lower() in CONTRAST_MARKERS and not _adds_to_earlier(
            out[:i], fig, text
        ):
            continue
        out[i] = dataclasses.replace(fig, part_of=marker)
    return out


# How far back (in characters before the figure's sentence) an earlier count it may add to is
# looked for: about one sentence.
INCREMENT_WINDOW = 300


def _adds_to_earlier(earlier: Sequence[Figure], fig: Figure, text: str) -> bool:
    """Whether "more"/"another"/"a further" before or after ``fig`` adds to a count given just
    before (in its sentence or the one before): a count of its category at its place ("15 were
    killed … three more died", "killing 12 … Five more civilians were killed in Sabqa"), or no
    count at all. A count of another category only ("killing six and wounding another ten",
    "at least 75 dead. State media said another 22 were wounded") makes it the other people,
    and one of its category only at other places makes it this place's own count."""
    # In its own sentence the nearest count before it decides: "killed at least 16 people and
    # wounded another 40" (a count of the dead, in a lede that also said "dozens wounded").
    own = [f for f in earlier if f.sentence == fig.sentence and f.category not in UNLINKED]
    if own and own[-1].category != fig.category:
        return False
    sentence_start = text.rfind(fig.sentence[:30], 0, fig.start + 1) if fig.sentence else -1
    window_start = (sentence_start if sentence_start >= 0 else fig.start) - INCREMENT_WINDOW
    near = [
        f
        for f in earlier
        if f.category not in UNLINKED and window_start <= f.start and f.end <= fig.start
    ]
    # The same count said again (a title's "13 killed", then "another 13 were killed") adds
    # nothing: no increment.
    same = [f for f in near if f.category == fig.category and _amount(f) != _amount(fig)]
    if same:
        # ... at its place, and of the people it counts: "287 IS fighters had been killed …
        # Another 120 soldiers … were also killed" is the soldiers' own toll, not 120 more
        # fighters (see _same_people)
        return any(
            (not f.location or not fig.location or f.location == fig.location)
            and _same_people(f, fig)
            for f in same
        )
    return not near


# Whom a count counts, by the head noun of its unit, in three kinds that never overlap: a
# state's troops, fighters of armed groups (and the police and guards the fighter nouns name),
# and the people no side arms (civilians, children, residents …). A generic noun ("people",
# "others", "victims", "casualties") or none may count anyone.
TROOP_KIND = lexicon.words("troop_nouns")
FIGHTER_KIND = (
    lexicon.words("armed_nouns")
    | lexicon.words("fighter_nouns")
    | frozenset({"militia", "militias", "combatants"})
)
GENERIC_PEOPLE = frozenset(
    {"people", "person", "persons", "individuals", "others", "casualties", "victims", "members",
     "man", "men", "dead", "bodies", "killed", "injured", "wounded"}
)  # fmt: skip
UNARMED_KIND = (
    lexicon.words("people_nouns")
    | {"minors", "kids", "toddlers", "evacuees", "teachers", "elderly", "displaced"}
) - (TROOP_KIND | FIGHTER_KIND | GENERIC_PEOPLE)


def _people_kind(fig: Figure) -> str | None:
    """ "troops", "fighters" or "unarmed" for the head noun of ``fig``'s unit (its last word:
    "police officers", "Kurdish forces"); None for a generic noun, or none."""
    head = (fig.unit or "").lower().split()[-1:] or [""]
    if head[0] in GENERIC_PEOPLE:
        return None
    if head[0] in TROOP_KIND:
        return "troops"
    if head[0] in FIGHTER_KIND:
        return "fighters"
    return "unarmed" if head[0] in UNARMED_KIND else None


def _same_people(earlier: Figure, fig: Figure) -> bool:
    """Whether ``fig`` may count more of the people ``earlier`` counted: of one kind
    (:func:`_people_kind`), or either of no known kind ("15 people were killed … three more
    children died": more of the dead)."""
    a, b = _people_kind(earlier), _people_kind(fig)
    return a is None or b is None or a == b


# A toll its source has since replaced ("updating a previous toll of 112 dead", "up from 98", "had
# earlier reported 12 dead"): the words just before it, as the views read them
# (incident_kinds.SUPERSEDED_PATTERN, lower case).
SUPERSEDED = re.compile(incident_kinds.SUPERSEDED_PATTERN)
# A toll said to have risen to its number ("the death toll has risen to 126", "climbed to at
# least 43"): the source's update of a toll it gave before.
ROSE_TO = re.compile(
    rf"\b(?:toll|number|tally)\b(?:\s+{WORD}){{0,12}}?\s+(?:(?:has|had|have)\s+)?"
    r"(?:rose|risen|rises|climbed|climbs|jumped|increased|mounted)\s+to\s+"
    r"(?:(?:at\s+least|about|around|some|nearly|more\s+than|over)\s+)?$",
    re.I,
)


def mark_superseded(figures: Sequence[Figure], text: str) -> list[Figure]:
    """``figures`` (one article's, in text order) with each toll the article says its source
    has replaced recorded as the earlier part of the toll that replaced it: ``part_of`` is that
    toll's ``start``, so that only the latest count is a toll (:func:`tolls`) — an update is no
    second event, nor a disagreement with it. Two ways the text says so:

    * the words before the old count ("… said updating a previous toll of 112 dead", "up from
      98"): it is replaced by the nearest other count of its category in its sentence, else
      by the nearest higher count of its source within about a sentence (:func:`_replacing`);
    * a toll said to have risen to N ("the toll has risen to 126") replaces an earlier lower
      count of its category given before in the article by the same named source, at the same
      place, of the same people (:func:`_same_people`): "98 evacuees were killed, the monitor
      said … the monitor's toll has since risen to 126". A count of another source, or of no
      source, stays its own: the text does not say the two are one toll."""
    out = list(figures)
    for i, fig in enumerate(out):
        if fig.part_of is not None or fig.category in UNLINKED:
            continue
        start = _sentence_start(text, fig)
        if SUPERSEDED.search(re.sub(r"\s+", " ", text[start : fig.start].lower())):
            later = _replacing(out, fig)
            if later is not None:
                out[i] = dataclasses.replace(fig, part_of=later.start)
    for j, new in enumerate(out):
        if new.part_of is not None or new.category in UNLINKED or new.claimed_by is None:
            continue
        if not ROSE_TO.search(text[max(new.start - 120, _sentence_start(text, new)) : new.start]):
            continue
        for i in range(j):
            old = out[i]
            if (
                old.part_of is None
                and old.category == new.category
                and old.scope == new.scope
                and old.claimed_by == new.claimed_by
                and old.location == new.location
                and _amount(old) is not None
                and _amount(new) is not None
                and _amount(old) < _amount(new)
                and _same_people(old, new)
            ):
                out[i] = dataclasses.replace(old, part_of=new.start)
    return out


def _sentence_start(text: str, fig: Figure) -> int:
    at = text.rfind(fig.sentence[:30], 0, fig.start + 1) if fig.sentence else -1
    return at if at >= 0 else max(fig.start - INCREMENT_WINDOW, 0)


def _replacing(figures: Sequence[Figure], old: Figure) -> Figure | None:
    """The count that replaced ``old``: another count of its category, no part, of another
    amount, in its sentence ("126 killed … updating a previous toll of 112"), the nearest; else
    the nearest within :data:`INCREMENT_WINDOW` by the same named source, higher, of the same
    people. A count of another source nearby is not the update ("an initial death toll of 47",
    given by the monitor, beside an agency's 25 children, had been made part of the 25)."""
    others = [
        f
        for f in figures
        if f.start != old.start
        and f.category == old.category
        and f.part_of is None
        and _amount(f) is not None
        and _amount(old) is not None
        and _amount(f) != _amount(old)
    ]
    own = [f for f in others if f.sentence == old.sentence]
    near = [
        f
        for f in others
        if abs(f.start - old.start) <= INCREMENT_WINDOW + len(old.sentence)
        and old.claimed_by is not None
        and f.claimed_by == old.claimed_by
        and _amount(f) > _amount(old)
        and _same_people(old, f)
    ]
    return min(own or near, key=lambda f: abs(f.start - old.start), default=None)
