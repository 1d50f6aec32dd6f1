"""Names as written: cleaning one (:func:`clean_name`), and whether it names an actor — one rule
for entities, speakers and claimants.

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

import functools
import re
import unicodedata

from analysis import lexicon

PRONOUN_WORDS = lexicon.words("pronoun_words")
ANONYMOUS_WORDS = lexicon.words("anonymous_words")
SIDE_NOUNS = lexicon.words("side_nouns")
QUALIFIED_NOUNS = lexicon.words("qualified_nouns")
TITLE_WORDS = lexicon.words("title_words")
FURNITURE_WORDS = lexicon.words("furniture_words")
TIME_WORDS = lexicon.words("time_words")
PLATFORMS = lexicon.words("platforms")
LEADING_FURNITURE = lexicon.words("leading_furniture")
GENERIC_WORDS = PRONOUN_WORDS | ANONYMOUS_WORDS | TITLE_WORDS | FURNITURE_WORDS | TIME_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _fold(word: str) -> str:
    text = unicodedata.normalize("NFKD", word)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=65_536)  # every candidate speaker and name asks
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


# -- cleaning a name as written ------------------------------------------------------------
_WS = re.compile(r"\s+")


_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


_EDGE_PUNCT = " \t\n.,;:!?()[]{}\"“”‘’'«»-–—/|*"


@functools.lru_cache(maxsize=65_536)  # a mention's words are cleaned by many rules
def clean_name(text: str, *, phrase: bool = False) -> str:
    """The name proper of a mention as written: whitespace collapsed, a leading "the" (or a
    lower-case "a"/"an" or "ex-" before a capitalised word), a leading
    stray "’s", possessives and edge punctuation dropped ("the Syrian Democratic Forces (" →
    "Syrian Democratic Forces"; "Bashar al-Assad’s" → "Bashar al-Assad"). Titles are kept.

    With ``phrase`` the text is a noun phrase (a speaker or a claimant the parser found, "a
    spokesman"), not an entity span, so a leading "a"/"an" is an article too; in an entity's
    name it can be a word of the name ("An Giang")."""
    start, end = _trim_bounds(text, _PHRASE_LEAD if phrase else _NAME_LEAD)
    return _WS.sub(" ", text[start:end])


# (in an entity's name, a lower-case "a"/"an" before a capitalised word is an article the
# model took into the span, "an International Finance Facility", "a Golden Globe"; and "ex-"
# is the former tie of someone, "ex-Yukos boss": the name is Yukos's)
_NAME_LEAD = re.compile(r"(?:the|The|THE)\s+|['’]s\s+|an?\s+(?=[A-Z])|ex-(?=[A-Z])")
_PHRASE_LEAD = re.compile(r"(?:the|an?)\s+|['’]s\s+", re.I)


@functools.lru_cache(maxsize=65_536)
def _trim_bounds(text: str, article: re.Pattern[str] = _NAME_LEAD) -> tuple[int, int]:
    """Offsets (start, end) of the name proper inside ``text`` (see :func:`clean_name`)."""
    start, end = 0, len(text)
    changed = True
    while changed and start < end:
        changed = False
        piece = text[start:end]
        m = article.match(piece)
        if m:
            start += m.end()
            changed = True
            continue
        m = _POSSESSIVE.search(piece)
        if m and m.start() > 0:
            end = start + m.start()
            changed = True
            continue
        cut = unbalanced_bracket(piece)
        if cut is not None:
            start, end = start + cut[0], start + cut[1]
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


def unbalanced_bracket(piece: str) -> tuple[int, int] | None:
    """Offsets of ``piece`` without a bracket it opens and never closes, or closes and never
    opened, else None. The model ends a name before an acronym's closing bracket ("Qatar Red
    Crescent Society (QRCS" of "… Society (QRCS) said") and starts one after a credit's
    ("Reuters) Western powers" of "(Reuters) Western powers said"): the name is the words
    outside the bracket ("Qatar Red Crescent Society", whose acronym the article's definition
    then joins to it; "Western powers"). A bracket at the very edge is left to the edge
    punctuation's strip."""
    opened: list[int] = []
    for i, c in enumerate(piece):
        if c == "(":
            opened.append(i)
        elif c == ")":
            if opened:
                opened.pop()
            elif 0 < i < len(piece) - 1:
                return i + 1, len(piece)  # the words after a bracket closed before the name
    if opened and opened[0] > 0:
        return 0, opened[0]  # the words before the first bracket left open
    return None
