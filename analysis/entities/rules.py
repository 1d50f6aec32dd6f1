"""The model-free name rules of the entity extractor: the word tables it reads, a name's titles
(:func:`strip_titles`; cleaning a name as written, :func:`clean_name`, is shared from
:mod:`analysis.names`), its matching key (:func:`name_key`), junk (:func:`is_junk`), and the
alias tables — curated, plus a user's ``--aliases`` file — that give a variant its canonical name
and label (:func:`alias`, :func:`person_alias`). Plain functions over strings; no spaCy."""

from __future__ import annotations

import functools
import re
from types import MappingProxyType

from analysis import gazetteer, geo, lexicon
from analysis.lexicon import aliases

# Cleaning a name as written is shared with quotes and figures: it lives in analysis.names
# (re-exported here for the entity extractor's modules).
from analysis.names import _WS, _trim_bounds, clean_name, is_furniture  # noqa: F401

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
# A party's short name written before a person's title and name ("Green MEP Ann Lowe", "Lib Dem
# MP Tom Hale"): no part of the name, stripped with the title after it.
PARTY_WORDS = lexicon.words("party_words")


PRONOUNS = lexicon.words("pronouns")


MONTHS_AND_DAYS = lexicon.words("months") | lexicon.words("weekdays")


JUNK_NAMES = lexicon.words("junk_names")
SENTENCE_ADVERBS = lexicon.words("sentence_adverbs")
# A word one edit from a sentence adverb this long is a misspelling of it ("Meanwhilee"); one
# edit from a shorter one may be a name ("Still" → "Stil", "Thus" → "Thun").
MISSPELT_ADVERB_MIN = 7


DEBRIS_WORDS = lexicon.words("debris_words")


DEBRIS_PHRASES = lexicon.phrases("debris_phrases")


DATE_WORDS = lexicon.words("date_words")


ORG_FIRST_WORDS = lexicon.words("org_first_words")


ORG_HEAD_WORDS = lexicon.words("org_head_words")
# Words an organisation's name ends in ("Department", "Committee", "Office"): after a title's
# word they make it the body's own word ("Justice Department", "General Command"), no title.
ORG_WORDS = ORG_HEAD_WORDS | lexicon.words("org_name_words")
CLUB_HEAD_WORDS = lexicon.words("club_head_words")


FACILITY_WORDS = lexicon.words("facility_words")


FACILITY_HEAD_WORDS = lexicon.words("facility_head_words")


NORP_GROUPS = lexicon.mapping("norp_groups")


# Prefixes that make a group word an attitude or a movement ("pan-Arab", "anti-Assad"): NORP.
_NORP_PREFIX = re.compile(r"(?:pan|anti|pro|non)-[A-Z]")


COMPASS_WORDS = gazetteer.COMPASS_WORDS
# Participles that seat whoever is described ("the Observatory based in Britain", "a group
# headquartered in Geneva"): that place is no mention (spans) and no toll's place (figures).
SEAT_VERBS = frozenset({"base", "headquarter", "headquartered"})


NEWS_AGENCIES = lexicon.words("news_agencies")


LIST_WORDS = lexicon.words("list_words")


DISTANCE_UNITS = lexicon.words("distance_units")


NUMBER_WORDS = lexicon.words("number_words")


NAME_LOWER_WORDS = lexicon.words("name_lower_words")


PEERAGE = lexicon.words("peerage")


FIRST_NAME_TITLES = lexicon.words("first_name_titles")


LOCATIVE_PREPOSITIONS = lexicon.words("locative_prepositions")


PLACE_NOUNS = lexicon.words("place_nouns")


NAME_PARTICLES = lexicon.words("name_particles")


PERSON_VERBS = lexicon.words("person_verbs")


# Well-known clubs named with a place ("Real Madrid", "Bayern Munich"): organisations as the
# curated ones are, and found whole in the text by the entity pass (spans._with_known_clubs).
CLUB_NAMES = lexicon.mapping("club_names")
ORG_ALIASES = MappingProxyType({**lexicon.mapping("org_aliases"), **CLUB_NAMES})
# "the Granite State" → New Hampshire: a nickname counts as its place (the model tags it an
# organisation, and a store had counted it as one of its own).
PLACE_NICKNAMES = lexicon.mapping("place_nicknames")


CASE_SENSITIVE_ALIASES = lexicon.words("case_sensitive_aliases")


# The AP's state abbreviations (the list the map reads too), keyed as written without dots or
# spaces (an entity name loses its final dot: "Fla." → "Fla", "N.Y." → "NY"). Not "Wash.":
# "Washington" in the news is mostly the capital, so the join would mix the two.
STATES_BY_UNDOTTED_ABBREVIATION = {
    written.replace(".", "").replace(" ", ""): state
    for written, state in lexicon.mapping("us_state_abbreviations").items()
    if state != "Washington"
}


def state_abbreviation(name: str) -> str | None:
    """The US state an AP abbreviation names ("Calif." → "California", "Fla" → "Florida",
    "N.Y." → "New York": lexicon/us_state_abbreviations.tsv), else None. Matched as written,
    dots and spaces aside: "Ga" is Georgia, "GA" no abbreviation of the AP's."""
    return STATES_BY_UNDOTTED_ABBREVIATION.get(name.replace(".", "").replace(" ", ""))


PERSON_ALIASES = lexicon.mapping("person_aliases")
GIVEN_NAME_FORMS = lexicon.mapping("given_name_forms")
# A generation after a surname ("Joseph R. Biden Jr.", "Bob Casey Jr", "Martin Luther King
# III") is no part of it: "Biden" alone is that man's surname, not "Jr".
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


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
        elif (party := _party_label_size(words, k)) and k + party < len(words):
            k += party  # "Green MEP Ann Lowe": kept unless a title follows
        else:
            break
    rest = words[cut:]
    if title and rest and all(w.lower() in ORG_WORDS for w in rest):
        # "Justice Department" is no Justice named Department (stripped, it had become the
        # article's one other "… Department": the State Department)
        return name, None
    return " ".join(rest), title


def _party_label_size(words: list[str], k: int) -> int:
    """How many of ``words`` from ``k`` on are a party's short name (:data:`PARTY_WORDS`:
    "Tory", "Lib Dem"), else 0."""
    for size in (2, 1):
        if " ".join(words[k : k + size]).lower() in PARTY_WORDS and k + size <= len(words):
            return size
    return 0


@functools.lru_cache(maxsize=1 << 18)  # the identity pass asks again for every name at each write
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


# "Abd" ("servant of") and the article after it, however a transliteration writes them:
# "Abdel Rahman", "Abdul Rahman", "Abd al-Rahman", "Abdurrahman" (the article assimilated to the
# sun letter that follows, which doubles) are one Arabic name, "abd" + "rahman". The optional
# space lets the article start the next word ("Abd allah"); "Abdi", "Abdo" keep their vowel.
_ABD_ARTICLE = re.compile(r"\babd ?(?:[aeiou]?l|[aeiou]([^\W\d_aeiou])(?= ?\1))?")
_NAME_ARTICLES = lexicon.words("name_articles")


@functools.lru_cache(maxsize=1 << 16)
def abd_folded(name: str) -> str:
    """A name's letters as Arabic transliterations of one name share them: folded, glued, the
    Arabic articles after the first word dropped ("al-", "El", "ez-") and "Abd"'s article
    folded (``_ABD_ARTICLE``): "Rami Abdulrahman", "Rami Abdel Rahman" and "Rami Abd al-Rahman"
    are all "ramiabdrahman". Two names with one such form differ only in how the article was
    written, never in the name."""
    first, *rest = gazetteer.fold(name).split() or [""]
    words = [first, *(w for w in rest if w not in _NAME_ARTICLES)]
    return re.sub(r"[^a-z0-9]+", "", fold_abd_article(" ".join(words)))


def fold_abd_article(folded: str) -> str:
    """Folded words (:func:`gazetteer.fold`) with each "Abd"'s article dropped ("abdul rahman",
    "abdur rahman" → "abd rahman"; see ``_ABD_ARTICLE``)."""
    return _ABD_ARTICLE.sub("abd", folded)


# Given names rarer than geo's common ones (lexicon/given_names.txt), for telling a person's
# full name the model tagged something else ("Carly Fiorina" as ORG).
RARER_GIVEN_NAMES = lexicon.words("rarer_given_names")
NAME_EPITHETS = lexicon.words("name_epithets")


def is_given_name(word: str) -> bool:
    """Is ``word`` a given name, common or rarer (lexicon/given_names.txt,
    lexicon/rarer_given_names.txt)?"""
    folded = gazetteer.fold(word)
    return folded in geo.GIVEN_NAMES or folded in RARER_GIVEN_NAMES


# Given names nearly all of whose bearers are one sex (lexicon/given_name_sex.tsv, from the 1990
# US Census lists): "M" or "F".
GIVEN_NAME_SEX = lexicon.mapping("given_name_sex")


def given_name_sex(word: str) -> str | None:
    """ "M" or "F" when the given name ``word`` is nearly always one sex's
    (lexicon/given_name_sex.tsv), else None. A short form the census counts for both sexes
    stands for its full form's ("Bernie" → "Bernard": lexicon/given_name_forms.tsv)."""
    folded = gazetteer.fold(word)
    return GIVEN_NAME_SEX.get(folded) or GIVEN_NAME_SEX.get(GIVEN_NAME_FORMS.get(folded, ""))


# Courtesy titles carry a sex: "Mrs. Clinton" is the woman of that surname, "Mr. Clinton" the
# man, whichever of the two spouses the article named last.
TITLE_SEX = {"mr": "M", "messrs": "M", "sir": "M", "mrs": "F", "ms": "F", "miss": "F"}


def title_sex(title: str | None) -> str | None:
    """ "M" or "F" for a courtesy title ("mr", "Mrs.", "Ms"), else None ("president", "dr")."""
    return TITLE_SEX.get(title.lower().rstrip(".")) if title else None


def name_sex(name: str) -> str | None:
    """ "M" or "F" as the first given name the census knows before the surname says ("Hillary
    Rodham Clinton" "F", "Bill Clinton" "M"), else None; a name of one word says nothing."""
    words = name.split()[:-1]
    return next(filter(None, map(given_name_sex, words)), None)


def without_generation(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name's key without a generation after the surname: ("joseph", "r", "biden", "jr") →
    ("joseph", "r", "biden"); a key of one or two words stays ("Jr" alone is no name)."""
    if len(key) >= 3 and key[-1] in GENERATION_SUFFIXES:
        return key[:-1]
    return key


def full_given_name(word: str) -> str:
    """The full given name a short form stands for ("joe" → "joseph", "bill" → "william":
    lexicon/given_name_forms.tsv), else ``word``; keys are folded lower case."""
    return GIVEN_NAME_FORMS.get(word, word)


# Lower-case words that join the words of a name and never open one: a span that starts with
# one is the tail of a name cut off before it ("[Army] of Conquest", "[Ministry] of Defence").
_JOINING_WORDS = frozenset({"of", "for", "and", "or", "on", "in", "at", "to", "from", "with", "by"})


def edit_distance(a: str, b: str, limit: int) -> int | None:
    """Levenshtein distance of ``a`` and ``b`` when it is at most ``limit``, else None."""
    if abs(len(a) - len(b)) > limit:
        return None
    # Only the cells within ``limit`` of the diagonal: a path of at most ``limit`` edits never
    # leaves that band, so the cells outside it count as more than the limit (the identity
    # pass asks this of hundreds of thousands of pairs of long names in a large store).
    over = limit + 1
    row = [j if j <= limit else over for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        lo, hi = max(1, i - limit), min(len(b), i + limit)
        prev = row[lo - 1]
        row[lo - 1] = i if lo == 1 and i <= limit else over
        best = row[lo - 1]
        for j in range(lo, hi + 1):
            cost = prev + (ca != b[j - 1])
            prev = row[j]
            cell = min(prev + 1, row[j - 1] + 1, cost, over)
            row[j] = cell
            if cell < best:
                best = cell
        if hi < len(b):
            row[hi + 1] = over
        if best > limit:
            return None
    return row[-1] if row[-1] <= limit else None


@functools.lru_cache(maxsize=65_536)  # 0.1 ms a word, and every mention's name is asked
@functools.lru_cache(maxsize=65_536)  # every one-word name asks, a dozen edit distances each
def is_sentence_adverb(word: str) -> bool:
    """Whether the one word ``word`` is a discourse adverb that opens a sentence ("Meanwhile",
    "However": :data:`SENTENCE_ADVERBS`) or a misspelling of one a single edit away
    ("Meanwhilee", "Howver"): the small model tags one run into its sentence as a person."""
    low = word.lower()
    if low in SENTENCE_ADVERBS:
        return True
    return any(
        len(adverb) >= MISSPELT_ADVERB_MIN and edit_distance(low, adverb, 1) is not None
        for adverb in SENTENCE_ADVERBS
    )


@functools.lru_cache(maxsize=65_536)  # every mention of a name, by several rules, asks
def is_junk(name: str) -> bool:
    """True for what names nothing: empty (a lone title), one character, no capital letter
    ("state"), no letter at all ("2011"), a pronoun, a month or day, a generic institution word,
    the tail of a name opening with a joining word ("of Conquest"), a social-media handle
    ("@Milbank"), a sentence adverb or its misspelling ("Meanwhilee": :func:`is_sentence_adverb`).
    """
    if len(name) < 2 or not any(c.isupper() for c in name) or not any(c.isalpha() for c in name):
        return True
    if name.split()[0] in _JOINING_WORDS:
        return True
    if any(w.startswith("@") for w in name.split()):
        # a social-media handle ("Follow Ian Hale on Twitter @IanHale", "@Milbank"): an
        # account, whose owner the text names apart, not a name the model should count
        return True
    low = name.lower()
    if any(w in DEBRIS_WORDS for w in low.split()) or any(p in low for p in DEBRIS_PHRASES):
        return True
    if low in PRONOUNS:
        return not name.isupper()  # "US" is a country, "IT" an industry
    if low in MONTHS_AND_DAYS or low in JUNK_NAMES:
        return True
    if " " not in name and is_sentence_adverb(name):
        return True  # "Meanwhilee the US-led coalition denied …" (tagged PERSON)
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
    """Exact and folded variant → (canonical, label): the curated organisations and places'
    nicknames, then the user's ORG and GPE lines (``--aliases``), which win over them."""
    exact = {k: (v, "ORG") for k, v in ORG_ALIASES.items() if k in CASE_SENSITIVE_ALIASES}
    folded = {
        gazetteer.fold(k): (v, "ORG")
        for k, v in ORG_ALIASES.items()
        if k not in CASE_SENSITIVE_ALIASES
    }
    for nickname, place in PLACE_NICKNAMES.items():
        folded[gazetteer.fold(nickname)] = (place, "GPE")
    for user in extra.of_label("ORG", "GPE"):
        if _user_case_sensitive(user.variant):
            exact[user.variant] = (user.canonical, user.label)
        else:
            folded[gazetteer.fold(user.variant)] = (user.canonical, user.label)
    return exact, folded


def alias(name: str) -> tuple[str, str] | None:
    """``(canonical, label)`` for a known variant of an organisation or country, else None
    ("Daesh" → ("Islamic State", "ORG"); "Britain" → ("United Kingdom", "GPE"))."""
    return _alias(name, aliases.active())


# Remembered per name and user alias set: every mention asks, by several rules and for each
# way of cutting a span (40,000 calls for 200 BBC articles).
@functools.lru_cache(maxsize=65_536)
def _alias(name: str, extra: aliases.Active) -> tuple[str, str] | None:
    exact, folded = _org_alias_table(extra)
    if name in exact:
        return exact[name]
    key = gazetteer.folded(name)
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


def _norp_group(name: str) -> str | None:
    """The group a name is (:data:`NORP_GROUPS`, "pan-Arab"), else None."""
    if _NORP_PREFIX.match(name):
        return name
    return _norp_table(aliases.active()).get(gazetteer.fold(name))


def group_noun(name: str, written: str = "") -> str:
    """What the text calls the group whose mentions are named ``name`` (NORP), when the group
    itself acts or speaks: the plural noun ("Democrats said", "Kurds say"), where the mention's
    canonical name is the adjective by design ("Democratic", "Kurdish"), which read as a
    speaker gave "Democratic said". One spelling per group of the table, whatever the article
    wrote ("Shiites" → "Shias", the canonical's own plural; "Kurds", "Jews": the table's
    plural of the group's singular noun); else ``written`` (the mention as the text has it)
    when a plural ("Russians", "Saudis", "Muslim Americans"), with capitals; else ``name``
    (a group word that is its own plural: "Druze", "Chinese", "British"). A family is its
    name ("the Clintons said" → "Clinton family": naming._name_families)."""
    if name.endswith(" family"):
        return name
    table = _norp_table(aliases.active())
    key = gazetteer.fold(name)
    if table.get(key + "s") == name:
        return name + "s"
    for variant, group in table.items():
        # "kurds" beside "kurd", both the group "Kurdish": the noun's plural
        if group == name and variant.endswith("s") and table.get(variant[:-1]) == name:
            return " ".join(w[:1].upper() + w[1:] for w in variant.split())
    words = written.split()
    last = words[-1] if words else ""
    if last.endswith("s") and not last.endswith("ss") and gazetteer.fold(written) != key:
        return " ".join(w[:1].upper() + w[1:] for w in words)
    return name


# Words an acronym skips ("Department of Trade and Industry", DTI; "Food & Agriculture
# Organisation", FAO).
ACRONYM_SKIPPED_WORDS = frozenset({"of", "for", "and", "&", "the", "on", "in", "de", "du", "des"})


def acronym_initials(name: str) -> str:
    """The capitals an acronym of ``name`` would spell: "London Stock Exchange" → "LSE",
    "National Hi-Tech Crime Unit" → "NHTCU"; "" where a word to spell is not capitalised, or
    fewer than two are left. Read by an article's acronyms (analysis.entities.naming) and by the
    corpus's (analysis.identity.acronym_joins)."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIPPED_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)
