"""Is this string the name of an actor? One rule for entities, speakers and claimants.

News pages hand the extractors strings that are no names at all: page furniture run into a
sentence ("GMT", "Episode", "Showcase Category News", "UPDATED Regime", "Date"), and the pronouns
and generic nouns that stand for a speaker ("he", "sources", "officials", "a source"). The rule
here is general, not a list of those strings: a name needs at least one word that is *not* a
pronoun, a noun for an anonymous source, a title, a page-furniture word or a time word, and, in
lower case, must end in the noun of a group or institution ("pro-regime forces", "state media"). "PM Summit" (a title and a generic noun) fails; "White House" and "BBC News" pass
("White", "BBC" are no generic words). A speaker or claimant must also not be a platform: a
statement "on Twitter" has the account holder as its author, never Twitter.

The word lists are named constants below, each with its source; they are deliberately small and
hold only words that never name a particular actor on their own.
"""

from __future__ import annotations

import re
import unicodedata


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Personal, demonstrative and relative pronouns and determiners that stand in for a speaker.
PRONOUN_WORDS = _words(
    """i me my we us our you your he him his she her it its they them their this that these those
    who whom whose which what there here one someone somebody anyone nobody everyone everybody
    another other others each both all some any none a an the"""
)
# Nouns for anonymous people and sources: a claim "according to sources" or "an official said"
# has no named claimant. Source: attribution phrases in the FA-KES Syria CSV and the BBC politics
# set ("a source", "officials", "activists", "witnesses", "residents", "a spokesman").
ANONYMOUS_WORDS = _words(
    """source sources official officials spokesman spokeswoman spokesperson spokesmen
    activist activists witness witnesses resident residents people person man men woman women
    analyst analysts expert experts observer observers correspondent correspondents reporter
    reporters journalist journalists report reports statement statements doctors doctor medics
    medic critics critic supporters supporter campaigners campaigner aides aide insiders insider
    diplomats diplomat local locals side sides"""
)
# Nouns for the sides of a conflict or a dispute: a claim by "the government", "police", "the
# rebels" or "a monitor" has a claimant (which side claims a toll matters), even in lower case.
SIDE_NOUNS = _words(
    """government regime opposition rebels militants militia militias fighters forces troops army
    military police monitor monitors organisers organizers authorities coalition alliance"""
)
# Head nouns of institutions that name one only with a qualifier: "state media", "a monitoring
# group", "an aid agency", "the defence ministry" are claimants; bare "ministry" is not.
QUALIFIED_NOUNS = _words(
    """group groups agency agencies media ministry council committee command administration
    embassy parliament court union network observatory"""
)
# Office titles that name a role, not a holder ("the PM", "the minister said").
TITLE_WORDS = _words(
    """president minister pm mp mps secretary chancellor premier senator governor mayor general
    commander chief leader leaders envoy ambassador king queen prince sheikh ayatollah"""
)
# Page furniture of news sites: datelines, time zones, navigation, sharing and gallery labels.
# Source: the scraped pages of the FA-KES CSV ("Wed 05 Apr 2017", "13:45 GMT", "Showcase Category
# News", "UPDATED", "Episode", "Tags …", "Date") and BBC/Guardian page chrome.
FURNITURE_WORDS = _words(
    """gmt utc bst est edt cet pst am pm updated update updates episode episodes showcase category
    categories news date dated time tags tag topics topic share shares comments comment photo
    photos video videos image images gallery caption captions copyright watch
    live latest breaking summit related read more page print email follow subscribe
    advertisement sponsored feature features section edition headline headlines story stories
    article articles file picture pictures"""
)
# Days, months and relative time words ("Sunday", "Yesterday").
TIME_WORDS = _words(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow tonight
    morning evening afternoon night week weekend month year"""
)
# Platforms that carry statements; a speaker or claimant is whoever posted, never the platform.
PLATFORMS = _words(
    """twitter facebook youtube instagram telegram whatsapp tiktok snapchat weibo vkontakte vk
    linkedin reddit"""
)
# Furniture words that, leading a "name", mark the whole of it as a run-in label: "Tags Syria
# Damascus Rebels", "Topics Aleppo Russia", "UPDATED Regime", "Date 12 May". Source: as above.
LEADING_FURNITURE = _words(
    """tags tag topics topic date dated updated update episode showcase category share photo
    video gallery caption copyright"""
)
GENERIC_WORDS = PRONOUN_WORDS | ANONYMOUS_WORDS | TITLE_WORDS | FURNITURE_WORDS | TIME_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _fold(word: str) -> str:
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def is_furniture(name: str) -> bool:
    """True when ``name`` names nothing: no letters, a run-in label ("Tags Syria …", "UPDATED
    Regime"), or every word a generic word — pronoun, anonymous source, title, page furniture,
    time word ("GMT", "Episode", "PM Summit", "Showcase Category News", "Sources", "He")."""
    words = _WORD.findall(name or "")
    if not words:
        return True
    if _fold(words[0]) in LEADING_FURNITURE and len(words) > 1 or _fold(words[0]) == "date":
        return True
    return all(_generic(w) for w in words)


def _generic(word: str) -> bool:
    """A generic word; an acronym in capitals is one only when furniture or a title ("GMT",
    "PM"), so "US", "IT" and "WHO" stay names."""
    folded = _fold(word)
    if len(word) >= 2 and word.isupper():
        return folded in FURNITURE_WORDS or folded in TITLE_WORDS
    return folded in GENERIC_WORDS


def is_actor_name(name: str | None) -> bool:
    """Can ``name`` be a speaker or a claimant? Not empty, not furniture (:func:`is_furniture`),
    not a platform ("Twitter"); in lower case only a side ("the government", "pro-regime
    forces") or a qualified institution ("state media"), never "he", "sources", "ministry" or
    "air strikes"."""
    if not name or not name.strip() or is_furniture(name):
        return False
    words = _WORD.findall(name)
    if not any(c.isupper() for w in words for c in w):
        head = _fold(words[-1])
        if not (head in SIDE_NOUNS or (head in QUALIFIED_NOUNS and len(words) > 1)):
            return False
    return _fold(name.strip()) not in PLATFORMS


def actor_or_none(name: str | None) -> str | None:
    """``name`` when it can name a speaker or claimant (:func:`is_actor_name`), else None: an
    unresolved pronoun or a generic source leaves the field empty."""
    return name if is_actor_name(name) else None
