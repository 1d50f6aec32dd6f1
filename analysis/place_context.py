"""Where a place the gazetteer cannot put in the article's country lies, by what the article says.

War reports name villages no gazetteer lists ("the village of Rityan", "the district of Sevre")
and names a gazetteer puts abroad (Madaya is a town in Myanmar, al-Ismailiya one in Egypt, Ariha
is Jericho's Arabic name). A figure placed there cannot be mapped or rolled up into a province,
yet the article usually says where the place is. :class:`ArticlePlaces` settles such a name with
the known place the article itself nests it in:

1. the words right after the name, in the figure's own sentence first, then anywhere in the
   article: "Rityan north of second city Aleppo", "Sevre in the northwestern province of Idlib",
   "Madaya west of the Syrian capital Damascus", "Jabal al-Turkmen located in the Latakia
   province", a list "al-Ismailiya al-Furqan and al-Jabiryieh in Aleppo city"; or a known place
   written just before it and modifying it ("Aleppos southern Hamdaniya", "Homs Akrameh
   neighbourhood");
2. else, for a name the city tables put abroad or do not know, the province the village table
   (GeoNames cities1000) gives a village of that name in the article's country (Ariha, Idlib);
3. else, for a name no table knows at all, the article's own place: its most-mentioned known place
   in its country, which is also where a figure whose sentence names no place is put; not when
   the figure's sentence names a town of another country beside it (the name may lie there:
   "the Oromia region, which surrounds Addis Ababa"). When the figure's own sentence names it a
   town ("four were killed in the city of Arbin"), only if that
   place is a province's capital, named as its province is ("Homs": the town lies in it, so the
   roll-up is right): a small town the tables lack is still a town, and the article's place is
   often another town ("Douma"), so the name stays.

A name already placed in the article's country, a country or larger region, and a place abroad
that the article does not nest (a strike "in Paris") are left as they are; step 3 is for incident
figures (killed, injured, missing) only, which fall back on the article's place anyway; nothing
is ever taken from another article. The article's country is the one its place mentions point
to most (each mention of a country for itself, of a city for the city's country; small towns,
whose names recur across countries, do not vote). The settled name is the known place as the
article writes it ("Aleppo"): the sentence keeps the village's name for a reader.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from spacy.tokens import Doc, Span

from analysis import gazetteer, geo, lexicon
from analysis.entities.rules import FACILITY_WORDS
from analysis.nlp import text_of

COMPASS_WORDS = gazetteer.COMPASS_WORDS
NESTING_NOUNS = lexicon.words("nesting_nouns")
# Nouns that, right after a name, make it a facility's ("the Salem mosque"): a building or street
# of the article's own place, whatever town abroad carries the name. The entity layer's own
# facility words, and those a figure's place needs beside them.
PLACE_FACILITY_NOUNS = FACILITY_WORDS | lexicon.words("place_facility_nouns")
PHRASE_WORDS = lexicon.words("place_phrase_words")
# The prepositions that nest a place in a larger one ("X in Y", "X near Y", "X outside Y").
NESTING_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "inside"})
# How far the phrase may run each way, in words: a list of names before the preposition
# ("al-Ismailiya al-Furqan Maisaloun and al-Jabiryieh in Aleppo city"), modifiers after it.
MAX_LIST = 8
MAX_MODIFIERS = 6
MAX_NAME_WORDS = 3


class ArticlePlaces:
    """One article's places: settles figure places the gazetteer cannot put in its country."""

    def __init__(self, doc: Doc, place_counts: Mapping[str, int]) -> None:
        self.doc = doc
        self.text = text_of(doc)  # Doc.text is rebuilt on every access
        self._counts = dict(place_counts)
        self._votes = _country_votes(place_counts)
        self.country = _leader(self._votes)
        # The article's own place: its most-mentioned place that the main gazetteer table (no
        # small town, no village: those names recur everywhere) puts in its country.
        self.home = next(
            (
                name
                for name, _ in sorted(place_counts.items(), key=lambda kv: -kv[1])
                if _container(name) and gazetteer.place(name).country == self.country
            ),
            None,
        )
        self._settled: dict[tuple[str, int, bool, str | None], str] = {}
        self._written: dict[str, list[Span]] = {}
        self._others: dict[str, str | None] = {}  # name → the country of the other places
        self._spellings: dict[str, list[Span]] | None = None

    def settle(
        self, name: str | None, sentence: Span, *, incident: bool, named: str | None = None
    ) -> str | None:
        """``name``, or the known place the article nests it in (see the module docstring).
        Only an ``incident`` figure (killed, injured, missing) falls back on the article's own
        place, as it does when its sentence names no place at all, and not when its sentence
        itself names ``name`` a town (``named`` "town", unless that place is the province's
        capital) or gives it its own count in a list of "N in A" pairs (``named`` "list": the
        other towns of the list are no part of it). A name the sentence calls a part of a town
        (``named`` "part": "a Chelsea neighborhood") that the gazetteer has only abroad is a
        part of the article's own place."""
        if name is None or self.country is None:
            return name
        key = (name, sentence.start, incident, named)
        if key not in self._settled:
            self._settled[key] = self._settle(name, sentence, incident, named)
        return self._settled[key]

    def _settle(self, name: str, sentence: Span, incident: bool, named: str | None) -> str:
        # The country the article's other places point to: a namesake abroad ("Hamdaniya" in
        # Iraq, in a story about Aleppo) must not vote for itself.
        if name not in self._others:
            own = _country_votes({name: self._counts.get(name, 0)})
            self._others[name] = _leader((self._votes[0] - own[0], self._votes[1] - own[1]))
        country = self._others[name]
        status = self._status(name, country)
        if status in ("placed", "country") or country is None:
            return name
        home = self.home
        if named == "part":
            if status == "abroad" and home is not None and home != name:
                # "a densely packed Chelsea neighborhood" in a story about New York: a part of
                # the article's town, not the namesake the gazetteer has in London
                return home
            named = None  # otherwise as a name its sentence says nothing of
        facility = self._facility(name)
        found = self._nesting(name, sentence, facility=facility)
        if found is not None:
            return found
        village = gazetteer.village(name)
        if village is not None and village.country == country and village.admin1:
            return village.admin1
        if (
            status == "unknown"
            and incident
            and home is not None
            and (named is None or named == "town" and self._home_holds(name))
            and not _names_a_town_abroad(sentence, country)
        ):
            return home
        if (
            facility
            and incident
            and home is not None
            and named is None
            and not geo.namesake_in(name, country)
        ):
            # "killed at the Salem mosque" in a story about Idlib: a mosque of the article's own
            # place, not Salem, India (a town of the name in the article's country keeps it).
            # Not where a sentence names the place a town (``named``): "… explosives at an
            # airport in Shanghai. Four people were slightly injured" is Shanghai's, though
            # the article also writes "the Shanghai airport" (it had been Orlando's, the
            # story's own place).
            return home
        return name

    def _home_holds(self, town: str) -> bool:
        """Whether a ``town`` the sentence names and no table knows may be put in the article's
        own place: that place is a province's capital, named as its province is (Homs), and the
        article speaks of it at least as often as of the town. A place named once, of another
        event ("a strike … in the province of Aleppo" in a story about the village of Maaret
        Harmeh, named twice), says nothing of where the town lies."""
        home = self.home
        return (
            home is not None
            and _names_its_province(home)
            and self._counts.get(home, 0) >= self._counts.get(town, 0)
        )

    def _status(self, name: str, country: str | None = None) -> str:
        """ "country", "placed" (in ``country``, by default the article's, or a region),
        "abroad" or "unknown" to every gazetteer table."""
        country = country or self.country
        known = gazetteer.country(name) or gazetteer.place(name)
        if known is not None and (known.kind == "country" or not known.country):
            return "country"  # or larger: a continent, a region across borders ("Europe")
        if known is not None and known.country == country:
            return "placed"
        where = geo.locate(name)
        if where is None:
            return "unknown"
        return "placed" if where.country == country else "abroad"

    def _nesting(self, name: str, sentence: Span, *, facility: bool = False) -> str | None:
        """The known place a phrase around ``name`` nests it in, when the gazetteer has no
        place of that name in the container's country (a ``facility``'s name is never a place
        of its own: "the Salem mosque in the city of Ariha" is in Ariha, whatever Salem the
        gazetteer has near the Ariha it knows, Jericho): in ``sentence`` first, then in the
        article, in text order."""
        spans = self._occurrences(name)
        inside = [s for s in spans if sentence.start <= s.start < sentence.end]
        ordered = inside + [s for s in spans if not sentence.start <= s.start < sentence.end]
        for span in ordered:
            found = self._after(span) or self._before(span)
            if found is not None and found != name and (facility or not _known_in(name, found)):
                return found
        if facility:  # "the Salem mosque in the town of Ariha": a village holds a facility too
            for span in ordered:
                found = self._after(span, villages_in=self.country)
                if found is not None and found != name:
                    return found
        return None

    def _facility(self, name: str) -> bool:
        """Whether the article writes ``name`` right before a facility's noun, singular or
        plural ("the Salem mosque", "Salem Schools"), at least as often as it writes it alone:
        a city named seven times and once in "Addis Ababa University" is the city."""
        doc = self.doc
        spans = self._occurrences(name)
        before_facility = 0
        for span in spans:
            if span.end < len(doc):
                word = doc[span.end].lower_
                if word in PLACE_FACILITY_NOUNS or word.removesuffix("s") in PLACE_FACILITY_NOUNS:
                    before_facility += 1
        return before_facility > 0 and 2 * before_facility >= len(spans)

    def _occurrences(self, name: str) -> list[Span]:
        """Where the article writes ``name``: as such, else as a spelling the gazetteer takes
        for it ("al-Ismailiya" for Ismailia)."""
        if name not in self._written:
            doc = self.doc
            out = []
            pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
            for m in re.finditer(pattern, self.text, flags=re.IGNORECASE):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and len(span):
                    out.append(span)
            self._written[name] = out or self._spelled().get(gazetteer.fold(name), [])
        return self._written[name]

    def _spelled(self) -> dict[str, list[Span]]:
        """The article's proper names the gazetteer knows, by the folded canonical name (one
        pass over the article, the first time a name is not written as stored)."""
        if self._spellings is None:
            self._spellings = {}
            doc = self.doc
            for tok in doc:
                if tok.pos_ != "PROPN":
                    continue
                for size in range(min(MAX_NAME_WORDS, tok.i + 1), 0, -1):
                    span = doc[tok.i - size + 1 : tok.i + 1]
                    known = gazetteer.place(span.text) or gazetteer.town(span.text)
                    if known is not None:
                        self._spellings.setdefault(gazetteer.fold(known.name), []).append(span)
                        break
        return self._spellings

    def _after(self, span: Span, *, villages_in: str | None = None) -> str | None:
        """ "X [neighbourhood] [and Y] (in|near|north of|located in) [the northern] [province
        of] KNOWN", and "X neighbourhood of [the city of] KNOWN"; KNOWN may be a village of the
        country ``villages_in``, when given."""
        doc = self.doc
        i = span.end
        words = 0  # the list's words: "al-Hamadaniah" is one, though three tokens
        nested = False  # a nesting noun passed ("X neighbourhood"): "of" then nests too
        while (
            i < len(doc)
            and words < MAX_LIST
            and (
                doc[i].pos_ == "PROPN"
                and (self._known_at(i) is None or self._inside_list(i))
                or doc[i].lower_ in ("and", ",", "-")
                or _nesting_noun(doc[i].lower_)
            )
        ):
            nested = nested or _nesting_noun(doc[i].lower_)
            words += bool(doc[i].whitespace_)
            i += 1
        if i >= len(doc):
            return None
        word = doc[i].lower_
        if word in PHRASE_WORDS and i + 1 < len(doc) and doc[i + 1].lower_ in NESTING_PREPOSITIONS:
            i += 2  # "located in"
        elif word in COMPASS_WORDS and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
            i += 2  # "north of"
        elif word in NESTING_PREPOSITIONS or nested and word == "of":
            i += 1  # "in"; "the Sulaymaniyah neighbourhood of the Syrian city of Aleppo"
        else:
            return None
        for j in range(i, min(len(doc), i + MAX_MODIFIERS + 1)):
            found = self._known_at(j, villages_in=villages_in)
            if found is not None and found.lower() in COMPASS_WORDS:
                # "in Northern Aleppo province": the side of the place after it (a gazetteer
                # holds some country's "Northern" region), not a place of its own
                found = None
            after = j + len(found.split()) if found is not None else j
            if found is not None and not (
                self._abroad(found) and after < len(doc) and doc[after].lower_ == "of"
            ):
                return found
            tok = doc[j]
            if found is not None and tok.pos_ == "PROPN":
                continue  # "the Northern Province of Aleppo": a name abroad, then "of" a place
            if not (
                tok.pos_ in ("DET", "ADJ")
                or tok.lower_ in COMPASS_WORDS | NESTING_NOUNS | PHRASE_WORDS
                or tok.lower_ == "of"
            ):
                return None
        return None

    def _inside_list(self, i: int) -> bool:
        """Whether the known place written from word ``i`` ends a longer name inside a list of
        names that goes on after it ("al-Hamadaniah New Aleppo and al-Muhafaza neighborhoods
        in Aleppo": "New Aleppo" is a neighbourhood of the list, not the place it is in): a
        proper noun of the list right before it, and "and", a comma or a name right after."""
        doc = self.doc
        found = self._known_at(i)
        after = i + len(found.split()) if found is not None else i + 1
        return (
            i > 0
            and doc[i - 1].pos_ == "PROPN"
            and after < len(doc)
            and (doc[after].lower_ in ("and", ",") or doc[after].pos_ == "PROPN")
        )

    def _abroad(self, name: str) -> bool:
        """Whether the gazetteer has ``name`` only in another country than the article's ("the
        Northern Province of Aleppo": Sri Lanka's Northern Province)."""
        known = gazetteer.place(name)
        return (
            known is not None
            and bool(known.country)
            and self.country is not None
            and known.country != self.country
            and not geo.namesake_in(name, self.country)
        )

    def _before(self, span: Span) -> str | None:
        """A known place modifying the name from before it: "Aleppos southern Hamdaniya",
        "Homs Akrameh neighbourhood", "Idlib provinces Maaret al-Numan"."""
        doc = self.doc
        inside = {t.i for t in span} | {t.head.i for t in span}
        i = span.start - 1
        while (
            i >= 0
            and span.start - i <= 3
            and (
                doc[i].pos_ == "ADJ"
                and doc[i].ent_type_ not in ("GPE", "LOC")
                or doc[i].lower_ in COMPASS_WORDS | NESTING_NOUNS
                or doc[i].lower_.rstrip("s") in NESTING_NOUNS
            )
        ):
            i -= 1
        if i < 0 or doc[i].head.i not in inside | set(range(i + 1, span.start)):
            return None
        return self._known_at(i, backwards=True)

    def _known_at(
        self, i: int, *, backwards: bool = False, villages_in: str | None = None
    ) -> str | None:
        """A known place, not a country, written from (or, backwards, up to) word ``i``, the
        longest first; "Aleppos" with its apostrophe stripped is Aleppo. With ``villages_in``, a
        village of that country counts too."""
        doc = self.doc
        if not doc[i].text[:1].isupper():
            return None
        for size in range(MAX_NAME_WORDS, 0, -1):
            lo, hi = (i - size + 1, i + 1) if backwards else (i, i + size)
            if lo < 0 or hi > len(doc):
                continue
            words = doc[lo:hi]
            if not all(t.text[:1].isupper() for t in words):
                continue
            text = words.text
            for cand in (text, re.sub(r"(?:'s|’s|s)$", "", text)):
                if len(cand) >= 3 and _container(cand):
                    return cand
                village = gazetteer.village(cand) if villages_in and len(cand) >= 4 else None
                if village is not None and village.country == villages_in:
                    return cand
        return None


def _nesting_noun(word: str) -> bool:
    """A nesting noun, singular or plural ("neighborhoods" of "X and Y neighborhoods in Z")."""
    return word in NESTING_NOUNS or word.removesuffix("s") in NESTING_NOUNS


def _names_its_province(name: str) -> bool:
    """Whether the town ``name`` is the capital its province is named after (Homs, Raqqa,
    Deir ez-Zor; not Douma, in Rif Dimashq): the province and the town lie at one point."""
    town = geo.locate(name)
    if town is None or not town.region:
        return False
    province = geo.locate(town.region)
    return (
        province is not None
        and province.kind == "city"
        and (province.lat, province.lon) == (town.lat, town.lon)
    )


def _container(name: str) -> bool:
    """A known place that can hold a smaller one: a city, state or region, not a country."""
    known = gazetteer.place(name)
    return known is not None and known.kind != "country"


def _known_in(name: str, container: str) -> bool:
    """Whether the gazetteer has a place called ``name`` in the country of ``container``
    ("Khan Sheikhoun in Idlib" keeps its finer name; "Hamdaniya" in Aleppo is no Iraqi town)."""
    country = gazetteer.place(container).country
    if not country:
        return False  # a region ("Eastern Ghouta"): its towns are named by the text alone
    for table in (gazetteer.place, gazetteer.town, gazetteer.village):
        known = table(name)
        if known is not None and known.country == country:
            return True
    return False


def _country_votes(place_counts: Mapping[str, int]) -> tuple[Counter[str], Counter[str]]:
    """Votes for the article's country, (places inside a country, countries): each mention of a
    known place inside a country votes for its country, each mention of a country for itself. A
    small town's name is too often another country's town ("Madaya" is in Myanmar) to vote."""
    inner: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for name, n in place_counts.items():
        country = gazetteer.country(name)
        if country is not None and country.country:
            countries[country.country] += n
            continue
        known = gazetteer.place(name)
        if known is not None and known.country:
            inner[known.country] += n
    return inner, countries


def _names_a_town_abroad(sentence: Span, country: str) -> bool:
    """Whether ``sentence`` names a known town or region (not a country) of another country
    than ``country``: a name no table knows beside it may lie there ("the Oromia region, which
    surrounds Addis Ababa", in a US-based exile's story, is no part of Pennsylvania)."""
    for ent in sentence.ents:
        if ent.label_ not in ("GPE", "LOC") or ent.text.isupper():
            continue  # "MOSCOW (Sputnik)": a dateline run into the sentence says nothing
        known = gazetteer.place(ent.text)
        if known is not None and known.kind != "country" and known.country not in ("", country):
            return True
    return False


def _leader(votes: tuple[Counter[str], Counter[str]]) -> str | None:
    """The country with the most votes, places inside it and the country itself together;
    a tie goes to the one with more places inside it (a country named is often an actor)."""
    inner, countries = votes
    total = inner + countries
    return max(total, key=lambda c: (total[c], inner[c])) if total else None
