"""The corpus identity pass: one name per actor, place and outlet across the whole store.

Per-article extraction never guesses across articles, so a corpus keeps the spellings its writers
chose: "Rami Abdel Rahman" / "Rami Abdurrahman", "Donald J. Trump" / "Donald Trump", "Russian
Defence Ministry" / "Russian Defense Ministry", "Observatory" / "Syrian Observatory for Human
Rights", "Deir ez-Zor" / "Deir Ezzor", "fox" / "FOX". After each batch :func:`update` reads the
raw names the store holds, proposes joins with the rules below (pure functions, testable without a
store), and applies them in place, so every view — speakers, entities, figures' places and
claimants, outlets — shows one name per actor with no change to its SQL.

Undo needs no NLP: every value the pass rewrites is logged in ``name_raw`` (the row's article and
offset, the raw value, the value shown), and every join is a row of ``name_merges`` (kind, alias,
canonical, label, evidence = rows rewritten, undone). :func:`set_undone` flips a join's flag and
re-runs the pass, which puts the raw values back; an undone join stays undone on later runs.

Rules (each join goes to the most frequent spelling of its group, counted in articles):

* person — spellings of one full name (:func:`analysis.entities.spelling_variants`, and one
  transliteration key: "Barrack Obama", "Yasser al-Yusef" / "al-Youssef"), unless a writer names
  both in one article (a given name misspelt by one doubled letter in a few articles joins even
  so: "Hilary Clinton"); a possessive "s" the source stripped ("Ban Ki-moons"); a middle name or
  initial ("Hillary Rodham Clinton" → "Hillary Clinton") unless two different middles share that
  short form ("George W. Bush", "George H. W. Bush"); a generation after the surname and a
  short form of the given name ("Joseph R. Biden Jr" → "Joe Biden": lexicon/given_name_forms),
  unless the corpus has two generations ("Bob Casey Jr", "Robert Casey Sr"); a surname alone joins the one full name the
  corpus gives it (:func:`entities.harmonise`: "Trump" → "Donald Trump"; never "Clinton" when
  Hillary and Bill both appear, never a word that is also a first name, never a headline tagged
  PERSON, "… Responds To Question", and no common word to a name of common words only, "Hook"
  to "Sandy Hook"); a surname its article kept under a courtesy title ("Mrs. Clinton" beside
  only "Bill Clinton") joins the one full name of that surname of the title's sex
  (:func:`titled_joins`: "Hillary Clinton"). Different first names
  never join ("Bashar al-Assad" ≠ "Hafez al-Assad"). A speaker one article knows by a given name
  alone ("Ahmed (in «…»)": :func:`analysis.records.local_speaker`) joins nothing.
* org — the same name up to case, hyphens, Arabic articles, British/American spelling and
  transliteration ("Jaysh"/"Jaish", "Jeish al-Fatah"/"Jaish al-Fateh": :func:`vowel_key`),
  but no common noun to a name without its article ("monitor" / "al-Monitor") and no given
  name taken for an article ("Ash Carter" / "Carter": :func:`article_apart`);
  singular and plural, unless one is a people and the other not ("New Yorkers" / the
  magazine "New Yorker"), nor a group's plural noun (the speaker "African-Americans") and the
  adjective its mentions are named by; a typo in a long name unless the letters change a
  compass word ("University of South Carolina" / "… North …") or the stories naming the two
  are about two countries (the US "Department of Education" / the UK's "Department for
  Education": :func:`org_homes`); a lone singular word, not a
  people's ("African"), joins the one multi-word organisation that holds it in most articles
  ("Observatory"); a one-word name that starts the one longer one-word name an article names
  beside it joins it ("Yugansk" → "Yuganskneftegas": :func:`prefix_joins`); a long name
  without its first word joins the one it ends; words run into a
  name where the source lost its commas are dropped: a place, a date or "the" before it, a
  person the corpus names or lower-case words after it ("Syrian Observatory for Human Rights
  Rami Abdel Rahman", "… monitor").
* place — the same gazetteer place, spelled alike; else the same folded key (Arabic articles,
  "East"/"Eastern", doubled letters, "o"/"u", "gh"/"g"), or the same vowel key ("Kefraya" /
  "Kafraya", "al-Hamadaniyeh" / "al-Hamadaniye"), a natural feature's word left out
  ("Euphrates River" / "Euphrates"); else one or two letters apart in a long name, word by
  word, each word keeping its first letter ("Kafr Naha" is not "Kafr Laha"). Two different
  gazetteer places never join, and a town's own name is its place even where GeoNames lists it
  as another's alternate ("Salem" is no Jerusalem, "Monterey" no Monterrey); a common English
  word ("Vine", "Union") and an English county ("Clarke County") join nothing by spelling.
  A province's name joins its spellings ("Idleb province" / "Idlib Province" / "Idlib
  governorate"), never its city ("Homs province" is not Homs). A compass part of a place or a
  province is not it ("Northern Syria" is no Syria, "Eastern Homs" no Homs); the part's
  spellings join each other ("East Aleppo" / "Eastern Aleppo").
* never canonical: mojibake ("JuliÃ¡n Castro") where a correct spelling is in the group; a
  typo's canonical is the spelling the corpus attests most, its longer names' endings counted,
  never a country's possessive that lost its apostrophe ("Russias military"), and never the
  misspelling of an English word another spelling writes right ("Electronic Fronter
  Foundation" is "Electronic Frontier Foundation").
* outlet — case and punctuation, and :data:`OUTLET_ALIASES`; a name given with ``--source`` wins.
* label (before the joins) — a person's name that a few articles tagged a place where their
  text gives no clue, and most tag a person, is a person there (:mod:`analysis.corpus_labels`:
  "Rubio", a city of Venezuela, in "Rubio's amnesty bill", then "Marco Rubio" by the surname's
  join); never a country or a state ("Jordan", "Georgia"), a known town only on overwhelming
  evidence, and not in an article that puts something in it ("in Carson, Calif."); and a
  body's name that a few articles tagged a person with no cue of one, where more articles tag
  it an organisation than give such a cue, is the organisation there (:mod:`analysis.body_labels`:
  "Zorvex's new racing game" beside "games publisher Zorvex"; a band's name, not a footballer
  of that name in a line-up of surnames).
"""

from __future__ import annotations

import difflib
import functools
import heapq
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

# Plain rows (article id, name, label) and NumPy, no pandas: the pass runs inside every batch's
# write, and pandas, imported for it alone, was a third of a second of every `presslens analyze`.
import numpy as np

from analysis import corpus_labels, entities, gazetteer, geo, incident_kinds, lexicon, summaries
from analysis.english import common_word, english_words
from analysis.entities.corpus import CoMentions
from analysis.entities.rules import (
    _JOINING_WORDS,
    GENERATION_SUFFIXES,
    abd_folded,
    acronym_initials,
    fold_abd_article,
    full_given_name,
    name_sex,
    title_sex,
    without_generation,
)
from analysis.records import is_local_speaker

log = logging.getLogger(__name__)

KINDS = ("person", "org", "place", "outlet")
# name_merges' kind of a name relabelled PERSON where a few articles took it for a place
# (analysis.corpus_labels), or ORG where a few took it for a person (analysis.body_labels):
# alias the name, canonical and label the new label, evidence its mentions.
RELABEL_KIND = "label"
ACTOR_LABELS = ("PERSON", "ORG", "NORP")
PLACE_LABELS = ("GPE", "LOC", "FAC")
UK_US_WORDS = lexicon.mapping("uk_us_words")
OUTLET_ALIASES = lexicon.mapping("outlet_aliases")
NAME_ARTICLES = lexicon.words("name_articles")
NAME_ARTICLES |= {"az", "ez", "an", "en", "adh", "ul"}
COMPASS_ADJECTIVES = lexicon.mapping("compass_adjectives")
PLACE_FEATURE_WORDS = lexicon.words("place_feature_words")
_NON_LETTERS = re.compile(r"[^a-z0-9]+")  # digits stay: "G8" is not "G20", "BBC2" not "BBC"
# Words that tell two names of one pattern apart ("University of North/South Carolina",
# "Northern/Southern Command"): a name that differs in one is another organisation, however few
# letters change.
DISTINGUISHING_WORDS = gazetteer.COMPASS_WORDS | {"upper", "lower"}
# English names of counties and their like ("Clark County", "Broward Parish"): written one way,
# never transliterated, so a name a letter or two away is another county ("Clarke County",
# "Brevard County"), not a spelling of it. The gazetteer lists no counties to tell them apart.
ENGLISH_DIVISION_WORDS = frozenset({"county", "parish", "borough", "township"})


def mojibake(name: str) -> bool:
    """Whether ``name`` holds UTF-8 read as cp1252 or Latin-1 ("JuliÃ¡n Castro"): such a
    spelling is never a join's canonical when a correct one is in its group (ftfy's test)."""
    from ftfy.badness import is_bad

    return is_bad(name)


def _unaccented(name: str) -> bool:
    """Whether ``name``'s letters are all ASCII: of two spellings in as many articles, the one
    with its accents is the fuller ("Peña", not "Pena"); punctuation does not count."""
    return all(c.isascii() for c in name if c.isalpha())


@dataclass(frozen=True)
class Merge:
    """One join: ``alias`` is shown as ``canonical``; ``evidence`` = records rewritten."""

    kind: str
    alias: str
    canonical: str
    label: str | None
    evidence: int
    undone: bool = False


# -- pure proposal rules -----------------------------------------------------------------------
def resolve_chains(mapping: Mapping[str, str]) -> dict[str, str]:
    """``mapping`` with every alias pointing at the end of its chain (no value is also a key)."""
    out: dict[str, str] = {}
    for alias in mapping:
        seen = {alias}
        target = mapping[alias]
        while target in mapping and target not in seen:
            seen.add(target)
            target = mapping[target]
        if target != alias:
            out[alias] = target
    return out


def person_joins(
    names_by_article: Sequence[Collection[str]], bodies: Collection[str] = ()
) -> dict[str, str]:
    """Joins of person names (see the module docstring): ``{alias: canonical}``. ``bodies``:
    one-word names the corpus also labels an organisation in two articles or more (a band's,
    a firm's: "Keane", "Ford"), which never join a person's full name alone: a join holds in
    every article, and the body's would go to the person."""
    articles: Counter[str] = Counter()
    for names in names_by_article:
        articles.update(set(names))
    together = CoMentions(names_by_article)
    # Transliterations of the whole name: "Barrack Obama" / "Barack Obama", "Yasser al-Yusef" /
    # "Yasser al-Youssef"; a writer who names both in one article means two people.
    # The exceptions: names that differ only in how an Arabic article is written ("Rami
    # Abdulrahman" / "Rami Abdel Rahman": one name, as two people so named would share one
    # spelling; aggregated pages mix wire copy's spellings), and a given name misspelt by one
    # doubled letter ("Hilary Clinton" in an article with one "Hillary Clinton") in a few
    # articles, the spelling in ten times as many being the same person's.
    first = _group_by(
        articles,
        lambda n: translit_key(n) if len(entities.name_key(n)) >= 2 else "",
        apart=lambda a, b: (
            5 * together(a, b) > articles[a]
            and abd_folded(a) != abd_folded(b)
            and not (
                articles[a] <= MISSPELT_MAX_ARTICLES
                and articles[b] >= 10 * articles[a]
                and doubled_letter_given_name(a, b)
            )
        ),
    )
    # A plural "s" the source's stripped apostrophe left on ("Ban Ki-moons spokesman").
    for name in articles:
        if name.endswith("s") and " " in name and articles.get(name[:-1], 0) > articles[name]:
            first.setdefault(name, name[:-1])
    first = resolve_chains(first)
    renamed = [{first.get(n, n) for n in names} for names in names_by_article]
    merged: Counter[str] = Counter()
    for names in renamed:
        merged.update(names)
    middles = _middle_name_joins(merged, renamed)
    renamed = [{middles.get(n, n) for n in names} for names in renamed]
    titled = titled_joins(Counter(n for names in renamed for n in names))
    renamed = [{titled.get(n, n) for n in names} for names in renamed]
    # A surname alone joins its one full name (entities.harmonise), unless the word is also a
    # first name in the corpus ("Charles": Ray Charles, Charles Clarke, Charles Kennedy).
    firsts = {entities.name_key(n)[0] for names in renamed for n in names if " " in n.strip()}
    # (an Arabic article is no first name: "Al-Barazi" joins "Talal al-Barazi" though the
    # corpus has an "Al Gore")
    joined = {
        alias: canonical
        for alias, canonical in entities.harmonise_names(renamed).items()
        if " " in alias.strip()
        or (
            alias not in bodies
            and not (set(entities.name_key(alias)) - gazetteer.ARABIC_ARTICLES) & firsts
            and _person_name(canonical)
            and not (common_word(alias) and all(map(common_word, canonical.split())))
        )
    }
    return resolve_chains({**first, **middles, **titled, **joined})


# The most articles a given name misspelt by a doubled letter is in for it to join the usual
# spelling though an article names both.
MISSPELT_MAX_ARTICLES = 3


def doubled_letter_given_name(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ only in one doubled letter of the given name ("Hilary Clinton" /
    "Hillary Clinton"), not in the surname nor in any other letter ("Jon" / "John")?"""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or wa[1:] != wb[1:]:
        return False
    short, long = sorted((wa[0], wb[0]), key=len)
    if len(long) != len(short) + 1:
        return False
    return any(
        long[i] == long[i - 1] and long[:i] + long[i + 1 :] == short for i in range(1, len(long))
    )


_TITLED = re.compile(r"(Mr|Mrs|Ms|Miss|Messrs|Sir)\.? (\S+)")


def titled_joins(articles: Mapping[str, int]) -> dict[str, str]:
    """A surname under a courtesy title that its article kept apart ("Mrs. Clinton" in a story
    naming only Bill Clinton in full: :mod:`analysis.entities.naming`) joins the one full name
    of that surname whose given name is not the other sex's (the woman for "Mrs."/"Ms."/
    "Miss", the man for "Mr.", or a name the census does not sex: "Barack", "Jeb"), when that
    name is in at least two articles and four in five of the articles naming any such bearer
    ("Mrs. Clinton" → "Hillary Clinton"; "Mr. Bush" stays when the corpus has George W., Jeb
    and George H. W. Bush alike)."""
    by_surname: dict[str, Counter[str]] = defaultdict(Counter)
    for name, n in articles.items():
        key = without_generation(entities.name_key(name))
        if len(key) >= 2 and not _TITLED.fullmatch(name):
            by_surname[key[-1]][name] += n
    mapping: dict[str, str] = {}
    for name in articles:
        hit = _TITLED.fullmatch(name)
        sex = title_sex(hit.group(1)) if hit else None
        key = entities.name_key(hit.group(2)) if hit else ()
        if not (sex and key):
            continue
        # the title's sex, or a given name the census does not know ("Barack", "Jeb")
        counts = Counter(
            {f: n for f, n in by_surname.get(key[-1], {}).items() if name_sex(f) in (None, sex)}
        )
        if not counts:
            continue
        top, n = counts.most_common(1)[0]
        if n >= 2 and 5 * n >= 4 * sum(counts.values()):
            mapping[name] = top
    return mapping


def _person_name(name: str) -> bool:
    """Whether a full name a surname may join reads as a person's: no joining word written
    as a title's ("Marco Rubio Responds To Question", a headline the model tagged PERSON) and
    at most four words besides a generation. (A common word alone never joins a name of common
    words only: "Hook" is no "Sandy Hook", a school's village, tagged PERSON.)"""
    words = name.split()
    return len(without_generation(entities.name_key(name))) <= 4 and not any(
        w[:1].isupper() and w.lower() in _JOINING_WORDS for w in words[1:]
    )


@functools.lru_cache(maxsize=1 << 18)  # asked for every name at every write
def translit_key(name: str) -> str:
    """A name as transliterations differ in it: articles dropped, "Abd"'s article too ("Abdul
    Rahman" = "Abdel Rahman" = "Abdurrahman"), "o" = "u", "gh" = "g", "y" = "i", doubled letters
    single ("Youssef" = "Yusef", "Barrack" = "Barack", "Jaysh" = "Jaish")."""
    words = [w for w in gazetteer.fold(name).split() if w not in NAME_ARTICLES]
    key = _NON_LETTERS.sub("", fold_abd_article(" ".join(words)))
    key = key.replace("gh", "g").replace("o", "u")
    key = key.replace("y", "i")  # "Jaysh" = "Jaish", "Rudskoy" = "Rudskoi"
    return re.sub(r"(.)\1+", r"\1", key)


def _middle_name_joins(
    articles: Mapping[str, int], names_by_article: Sequence[Collection[str]] = ()
) -> dict[str, str]:
    """ "Donald J. Trump" / "Donald Trump", "Hillary Rodham Clinton" / "Hillary Clinton": names
    that differ only in middle names or initials, joined to the one in more articles; also in
    a generation after the surname and in the short form of the given name ("Joseph R. Biden
    Jr" / "Joe Biden", "William Jefferson Clinton" / "Bill Clinton": lexicon/given_name_forms;
    a different given name is a different person: "Hillary Clinton", "Beau Biden")."""
    by_short: dict[tuple[str, str], list[str]] = defaultdict(list)
    keys = {name: without_generation(entities.name_key(name)) for name in articles}
    # the articles naming each name, so a group reads its own articles, not the corpus's
    where: dict[str, list[int]] = defaultdict(list)
    for i, names in enumerate(names_by_article):
        for name in names:
            where[name].append(i)
    for name, key in keys.items():
        if len(key) >= 2 and len(key[0]) > 1 and len(key[-1]) > 1:
            by_short[(full_given_name(key[0]), key[-1])].append(name)
    mapping: dict[str, str] = {}
    for group in by_short.values():
        # A double-barrelled surname's first half is no middle name to drop: "Dan Lewis" (a
        # report's author) is not "Daniel Day-Lewis" (the actor). Such a name joins only names
        # that write that half too.
        if any(len(keys[n]) == 2 for n in group):
            group = [n for n in group if not double_barrelled(n)]
        longs = {keys[n][1:-1] for n in group if len(keys[n]) > 2}
        # Two different middles ("George W. Bush", "George H. W. Bush"): the short form is
        # ambiguous; initials of one middle ("J." vs "John") count as one.
        if len({m[0][0] for m in longs if m}) > 1 or len(group) < 2:
            continue
        # Two generations ("Bob Casey Jr", "Robert Casey Sr"): father and son, apart.
        generations = {entities.name_key(n)[-1] for n in group} & GENERATION_SUFFIXES
        if len(generations) > 1:
            continue
        # A name with its generation, often named beside the same name without it, is the
        # other generation and stays apart: "Donald Trump Jr" in his father's articles.
        plain = {n for n in group if entities.name_key(n)[-1] not in GENERATION_SUFFIXES}
        together = Counter(
            d
            for i in sorted({i for n in plain for i in where.get(n, ())})
            for d in set(names_by_article[i]) - plain
        )
        # So is one whose group is its very name without the generation and nothing else:
        # "Hank Williams Jr" is not "Hank Williams" (the suffix is there to tell them apart);
        # "Joseph R. Biden Jr" is "Joe Biden", a form that differs otherwise too.
        # And one without a middle name: the formal style that writes a generation writes the
        # middle initial too ("Joseph R. Biden Jr", "James B. Comey Jr"); "Ronald Johnson III",
        # a shooting's victim, is not Senator Ron Johnson.
        twins = {
            n
            for n in group
            if n not in plain and (set(group) - {n} <= {_undated(n, group)} or len(keys[n]) < 3)
        }
        group = [
            n for n in group if n in plain or (5 * together[n] <= articles[n] and n not in twins)
        ]
        if len(group) < 2:
            continue
        # (mojibake last; on a tie the spelling with its accents: "Peña" over "Pena")
        group.sort(key=lambda n: (mojibake(n), -articles[n], _unaccented(n), len(n), n))
        for name in group[1:]:
            # One name under two given names ("Robert Mason", a professor; "Bob Mason", a
            # retired letter carrier) may be two people; the corpus vouches for the join only
            # when the name it goes to recurs ("Joe Biden", "Chuck Grassley").
            if keys[name][0] != keys[group[0]][0] and articles[group[0]] < 2:
                continue
            mapping[name] = group[0]
    return mapping


def double_barrelled(name: str) -> bool:
    """Whether ``name``'s surname is two names joined by a hyphen ("Daniel Day-Lewis", "Helena
    Bonham-Carter"): two capitalised halves, the first no Arabic article ("al-Assad")."""
    last = without_generation(tuple(name.split()))[-1] if name.split() else ""
    head, _, tail = last.partition("-")
    return (
        bool(tail)
        and head[:1].isupper()
        and tail[:1].isupper()
        and head.lower() not in NAME_ARTICLES
        and head.lower() not in gazetteer.ARABIC_ARTICLES
    )


def _undated(name: str, names: Collection[str]) -> str | None:
    """The name in ``names`` that is ``name`` without its generation ("Hank Williams" for
    "Hank Williams Jr"), else None."""
    key = entities.name_key(name)[:-1]
    return next((n for n in names if entities.name_key(n) == key), None)


@functools.lru_cache(maxsize=1 << 18)  # asked for every name at every write
def fold_key(name: str, *, place: bool = False) -> str:
    """Matching key of an organisation or place name: folded, Arabic articles and spaces
    dropped, British spellings made American; for places also compass adjectives ("Eastern" →
    "east"), "gh" → "g", "o" → "u" and doubled letters single ("Khan Sheikhoun" ~
    "Khan Sheikhun", "Eastern Gouta" ~ "East Ghouta", "Deir Ezzor" ~ "Deir al-Zor")."""
    key = "".join(_word_keys(name, place=place))
    return re.sub(r"(.)\1+", r"\1", key) if place else key


@functools.lru_cache(maxsize=1 << 18)  # asked for every name at every write
def vowel_key(name: str) -> str:
    """A looser key than :func:`fold_key` for Arabic names transliterated several ways: the place
    folding ("o" = "u", "gh" = "g", doubled letters single, articles dropped), and also "y" =
    "i", "e" = "a" after a word's first letter and a final "h" after a vowel dropped ("Jaish
    al-Fateh" = "Jeish al-Fatah" = "Jaysh al-Fateh", "Kefraya" = "Kafraya", "al-Hamadaniyeh" =
    "al-Hamadaniye" = "al-Hamadaniya"). Empty for a name this would join too eagerly: a one-word
    key under six letters ("Saad" / "Saeed", "Shaar" / "Shaer", "Sunni" / "Sony") or an acronym
    ("BBC" / "BC"). A word's first letter is kept as written: "Ellen" is no "Allan"."""
    if name.replace(".", "").isupper():
        return ""
    words = [_fold_vowels(w) for w in _word_keys(name, place=True)]
    key = "".join(words)
    return key if len(words) >= 2 or len(key) >= 6 else ""


def _fold_vowels(word: str) -> str:
    """One word of :func:`vowel_key` (already folded as a place's word)."""
    rest = word[1:].replace("y", "i").replace("e", "a")
    return re.sub(r"(?<=[aiu])h$", "", re.sub(r"(.)\1+", r"\1", word[:1] + rest))


@functools.lru_cache(maxsize=1 << 18)
def _word_keys(name: str, *, place: bool = False) -> tuple[str, ...]:
    """The words of :func:`fold_key`, each normalised, none empty."""
    out = []
    for i, word in enumerate(gazetteer.fold(name).replace("'", " ").split()):
        if word in NAME_ARTICLES or word == "the":
            continue
        word = UK_US_WORDS.get(word, word)
        if place:
            word = COMPASS_ADJECTIVES.get(word, word)
            if i > 0 and re.match(r"[ae]([bcdfghjklmnpqrstvwxz])\1", word):
                word = word[2:]  # "Ezzor" = "ez-Zor": the assimilated article glued on
        word = _NON_LETTERS.sub("", word)
        if place:
            # Arabic has no o/u contrast: Deir el-Zour / ez-Zor, Douma / Duma, Homs / Hums
            word = re.sub(r"(.)\1+", r"\1", word.replace("gh", "g").replace("o", "u"))
        if word:
            out.append(word)
    return tuple(out)


def article_apart(a: str, b: str) -> bool:
    """Whether two names of one :func:`fold_key` are two names: a lower-case word is a common
    noun, not a name that drops its article to match it ("monitor" is no "al-Monitor"); and a
    capitalised word apart before one other is a given name, not the article its letters
    spell ("Ash Carter", "Al Gore" are no "Carter", "Gore"; "al-Assad", "Al-Barazi" are
    articles)."""
    if a.islower() != b.islower() and a.lower() != b.lower():
        return True
    for x, y in ((a, b), (b, a)):
        words = x.split()
        if (
            len(words) == 2
            and words[0].istitle()
            and words[0].lower() in NAME_ARTICLES
            and len(re.split(r"[\s-]+", y.strip())) == 1
        ):
            return True
    return False


def _distinguished(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ in a word that tells names of one pattern apart
    (:data:`DISTINGUISHING_WORDS`: "University of South Carolina", "… of North Carolina")."""
    wa, wb = set(gazetteer.fold(a).split()), set(gazetteer.fold(b).split())
    return bool((wa ^ wb) & DISTINGUISHING_WORDS)


# A web address's ending written after a firm's name ("Amazon.com", "Lastminute.com")
_WEB_SUFFIX = re.compile(r"\.(?:com|co\.uk|net)$", re.IGNORECASE)


def org_joins(
    articles: Mapping[str, int],
    people: Collection[str] = (),
    labels: Mapping[str, str] | None = None,
    homes: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Joins of organisation names (``articles``: name → articles naming it; ``people``: the
    person names the corpus holds, for a name run into an organisation's; ``labels``: each
    name's label, where known, for :func:`_people_apart`; ``homes``: each name's country,
    where the corpus tells it, :func:`org_homes`)."""
    labels = labels or {}
    homes = homes or {}
    groups = {name for name, label in labels.items() if label == "NORP"}
    mapping = _group_by(articles, lambda n: fold_key(n), apart=article_apart)
    # transliterations ("Jaysh al-Islam" = "Jaish al-Islam", "Jeish al-Fatah" = "Jaish
    # al-Fateh") of names of two words or more; the vowel key is the looser (e = a, -eh = -a)
    mapping.update(_group_by(articles, lambda n: translit_key(n) if " " in n.strip() else ""))
    mapping.update(_group_by(articles, lambda n: vowel_key(n) if " " in n.strip() else ""))
    # singular and plural of one name ("Local Coordination Committee(s)", "United Nation(s)")
    for name in articles:
        for other in (name + "s", name[:-1] if name.endswith("s") else ""):
            if (
                " " in name
                and articles.get(other, 0) > articles[name]
                and not (other == name + "s" and _people_apart(name, other, labels))
                and not _group_forms(name, other, groups)
            ):
                mapping.setdefault(name, other)
    # a firm's name and its web address ("Amazon.com" / "Amazon"): the spelling in more
    # articles is kept
    for name in articles:
        bare = _WEB_SUFFIX.sub("", name)
        if bare != name and bare in articles and labels.get(bare, "ORG") == "ORG":
            small, large = sorted((name, bare), key=lambda n: (articles[n], n == bare))
            mapping.setdefault(small, large)
    mapping = resolve_chains(mapping)
    merged: Counter[str] = Counter()
    for name, n in articles.items():
        merged[mapping.get(name, name)] += n
    # A lone word joins the multi-word organisation that holds it in most articles: "Observatory"
    # → "Syrian Observatory for Human Rights" (not "Ministry": many ministries share it).
    holders: dict[str, Counter[str]] = defaultdict(Counter)
    for name, n in merged.items():
        words = gazetteer.fold(name).split()
        if words[:1] == ["the"]:  # "the Idlib" is one word with an article, no longer name
            words = words[1:]
        if len(words) >= 2:
            for w in set(words):
                holders[w][name] += n
    # A typo in a long name ("Syrian Obervatory for Human Rights"): one letter in 12 or more, two
    # in 20 or more; never a word that tells names apart ("North" / "South"). The spelling kept
    # is the one the corpus attests most, counting the longer names that end in it ("Council on
    # Foreign Relations", in "European Council on Foreign Relations" too, over the misspelt
    # "Council of Foreign Relations" of one article more), a correct one before mojibake.
    attested = _attested(merged)
    kept = _NearIndex(prefix=3)
    # (a country's possessive that lost its apostrophe is no spelling to keep either: FA-KES
    # writes "Russias military" more often than "Russian military", which the entity layer
    # names its mentions by, as it does "Russian Defense Ministry")
    order = lambda n: (mojibake(n), lost_possessive(n), -attested[n], -merged[n], n)  # noqa: E731
    for name in sorted(merged, key=order):
        key = fold_key(name)
        if len(key) < 12:
            continue
        target = next(
            (
                c
                for c, ck in kept.candidates(key)
                if _near(key, ck, one_from=12, two_from=20)
                and not _distinguished(name, c)
                and not _group_forms(name, c, groups)
                # two countries' bodies of near-identical names are two bodies: the US
                # "Department of Education" is not the UK's "Department for Education"
                and not _abroad(name, c, homes)
                # two peoples' names are two peoples, however few letters part them
                # ("Latino-American" is no typo of "Latin American")
                and not (name in groups and c in groups)
            ),
            None,
        )
        if target is None:
            kept.add(key, (name, key))
        else:
            mapping[name] = target
    # A long name without its first word: "Observatory for Human Rights" → "Syrian Observatory
    # for Human Rights", when that is the only organisation it ends and it is named in 5× the
    # articles ("Ministry of Defence" ends several countries' ministries: no join).
    # The longer names as joined so far: a misspelt one ("Syria Observatory for Human Rights")
    # is the same organisation, not a second that the short name could be.
    joined = resolve_chains(mapping)
    endings: dict[str, set[str]] = defaultdict(set)
    for name in merged:
        words = name.split()
        if len(words) >= 4:
            endings[" ".join(words[1:])].add(joined.get(name, name))
    for name, n in merged.items():
        longer = sorted(endings.get(name, ()))
        if (
            len(name.split()) >= 3
            and len(longer) == 1
            and longer[0] != name
            and merged.get(longer[0], 0) >= 5 * n
        ):
            mapping.setdefault(name, longer[0])
    # A name of two words or more without the acronym of the body that owns it ("Radio 4" →
    # "BBC Radio 4", "Rugby Aid" → "IRB Rugby Aid"), where that is the only longer name of
    # the kind and named in more articles: the station, not a second one. Not a country's
    # acronym ("Supreme Court" is no "US Supreme Court" in a British corpus).
    owned: dict[str, set[str]] = defaultdict(set)
    for name in merged:
        owner, _, rest = name.partition(" ")
        if " " in rest and _owner_acronym(owner):
            owned[rest].add(joined.get(name, name))
    for name, n in merged.items():
        longer = sorted(owned.get(name, ()))
        if len(longer) == 1 and longer[0] != name and merged.get(longer[0], 0) > n:
            mapping.setdefault(name, longer[0])
    # A house number before an address that names a body ("10 Downing Street" → "Downing
    # Street", named in more articles): one seat of government, counted once. Not a year (a
    # number of four digits: "2005 Academy Awards" is an edition).
    for name, n in merged.items():
        number, _, rest = name.partition(" ")
        if number.isdigit() and len(number) <= 3 and " " in rest and merged.get(rest, 0) > n:
            mapping.setdefault(name, joined.get(rest, rest))
    # A long name with debris before it, where the source lost its commas: "Raqqa the Syrian
    # Observatory for Human Rights", "Jun 2016 Syrian Observatory …", "London Based …" (a place,
    # a date, "the" or "based": never a word of a name, so "Free Syrian Army" stays itself).
    for name, n in merged.items():
        words = name.split()
        for k in range(1, min(4, len(words) - 3)):
            rest = " ".join(words[k:])
            if merged.get(rest, 0) >= 5 * n and all(_debris_word(w) for w in words[:k]):
                mapping.setdefault(name, rest)
                break
    # ... or with words after it: a person the corpus names ("Syrian Observatory for Human
    # Rights Rami Abdel Rahman") or lower-case words, never part of a name ("… monitor"); the
    # longest name of two words or more named in 5× the articles ("Human Rights Watch" is no
    # "Human Rights" with debris: "Watch" is neither).
    people = set(people)
    for name, n in merged.items():
        words = name.split()
        for k in range(len(words) - 1, 1, -1):
            rest = words[k:]
            after = " ".join(rest) in people or all(w.islower() for w in rest)
            # the name may be a known variant, named by its canonical in the store ("National
            # Coalition blamed": the "National Coalition" is the Syrian Coalition)
            head = _canonical_org(" ".join(words[:k]))
            if after and merged.get(head, 0) >= 5 * n:
                mapping.setdefault(name, head)
                break
    # The surnames of the people the corpus names in full: the person names, and the names of
    # two or three words no vote calls an organisation or a people (a footballer the model
    # tagged a place, "Rio Ferdinand"; a speaker no mention labels). Such a word alone is as
    # likely the person ("said Ferdinand", tagged ORG in a football report) as the
    # organisation that holds it ("Franz Ferdinand", a band, had taken his quotes).
    surnames = {
        key[-1]
        for name in (*people, *merged)
        if 2 <= len(key := without_generation(entities.name_key(name))) <= 3
        and (name in people or labels.get(name) not in ("ORG", "NORP"))
        and name[:1].isupper()
    }
    for name, n in merged.items():
        if " " in name or name.isupper() or len(name) < 4 or name.endswith("s"):
            # acronyms are defined per article, not guessed across the corpus; a plural is a
            # group's own name ("Democrats" are not the "Liberal Democrats")
            continue
        if gazetteer.fold(name) in entities.NORP_GROUPS or labels.get(name) == "NORP":
            # "Islamic" (an Islamic caliphate, the Islamic headscarf) is no Islamic State, and
            # "African" no short form of "African-American": a people's word, not a name's
            continue
        counts = holders.get(gazetteer.fold(name))
        if not counts or entities.alias(name) is not None:
            continue  # a known organisation or country ("Hamas", "Syria") is a name of its own
        if gazetteer.fold(name) in surnames:
            continue
        top, k = counts.most_common(1)[0]
        # the full name must dominate the short form too: "Hezbollah" is no short form of the
        # rarer "Hezbollah Secretary-General"
        if k >= 3 and k >= 0.8 * sum(counts.values()) and k >= 2 * n:
            mapping[name] = top
    # A news agency's name + "News" is the agency ("told BBC News" is the BBC, "Sana News" the
    # SANA the store names), when the store names the agency too. Only the agencies the lexicon
    # knows: "Sky News", "Fox News" and "ABC News" are outlets whose bare word is another
    # company, a film studio or a network.
    bare_names: dict[str, str] = {}
    for name in sorted(merged, key=lambda n: (-merged[n], n)):
        bare_names.setdefault(gazetteer.fold(name), name)
    for name in merged:
        if name.endswith(" News"):
            bare = bare_names.get(gazetteer.fold(name[: -len(" News")]))
            if bare is not None and bare in entities.NEWS_AGENCIES:
                mapping.setdefault(name, bare)
    return _spelt_canonicals(resolve_chains(mapping))


# A short form a longer one-word name starts with: this many letters at least, and the longer
# this many more ("Yugansk" / "Yuganskneftegas"; not "Sony" / "Sonyx", nor "Nokia" / "Nokias").
PREFIX_MIN_LETTERS = 5
PREFIX_MIN_MORE = 4


def prefix_joins(rows: Rows, labels: Mapping[str, str]) -> dict[str, str]:
    """A one-word organisation's name that another one-word organisation's starts with, which
    an article names beside it: the longer name's short form ("Yugansk", the news's short form
    of "Yuganskneftegas", in stories that write both), joined in every article naming it. Only
    where one longer name of the corpus starts so, or its misspellings besides (one letter
    apart: "Yuganskneftegaz", in fewer articles); acronyms are defined per article, and a name
    a curated table knows, or an English word, is a name of its own."""
    names_in: dict[str, set[str]] = defaultdict(set)
    for article_id, name, _ in rows:
        if labels.get(name) == "ORG" and " " not in name and name.isalpha() and not name.isupper():
            names_in[article_id].add(name)
    together: set[tuple[str, str]] = set()
    for held in names_in.values():
        for short in held:
            for name in held:
                if _starts_name(short, name):
                    together.add((short, name))
    spread = Counter(n for held in names_in.values() for n in held)
    out: dict[str, str] = {}
    for short in {s for s, _ in together}:
        if entities.alias(short) is not None or common_word(short):
            continue  # "Speech" is no short form of "SpeechWorks"
        longer = sorted(
            (n for n in spread if _starts_name(short, n)), key=lambda n: (-spread[n], n)
        )
        top = longer[0]
        if (short, top) in together and all(
            entities.edit_distance(gazetteer.fold(top), gazetteer.fold(n), 1) is not None
            for n in longer[1:]
        ):
            out[short] = top
    return out


def _starts_name(short: str, name: str) -> bool:
    """Does the one word ``name`` start with the word ``short`` and go on for
    :data:`PREFIX_MIN_MORE` letters more (``short`` of :data:`PREFIX_MIN_LETTERS` or more)?"""
    a, b = gazetteer.fold(short), gazetteer.fold(name)
    return len(a) >= PREFIX_MIN_LETTERS and len(b) >= len(a) + PREFIX_MIN_MORE and b.startswith(a)


# An acronym alone joins its expansion on the word of this many articles that spell it out.
ACRONYM_MIN_ARTICLES = 2
# A name in at most this share of the store's articles (or in three) tells where a story is.
RARE_NAME_SHARE = 0.02


def acronym_joins(
    articles: Mapping[str, int],
    expansions: Mapping[str, Mapping[str, Collection[str]]],
    labels: Mapping[str, str],
    names: Mapping[str, Collection[str]],
    spread: Mapping[str, int],
    n_articles: int,
) -> dict[str, str]:
    """An acronym an article writes alone ("GM said", in a story that never spells it out) is
    the one name the corpus's other articles spell it out as ("General Motors … GM", joined
    there by the extractor). ``expansions``: acronym → {name of those initials → the articles
    spelling it out so}; ``names``: article → its names (people, bodies, places), for the
    articles naming an acronym alone or spelling one out; ``spread``: name → articles naming
    it, of ``n_articles``. Only where that is unambiguous:

    * one such name, in :data:`ACRONYM_MIN_ARTICLES` articles or more, no person's, and the
      acronym labelled an organisation as it is ("CSA", spelt out as the Child Support Agency
      and as France's broadcasting council, stays itself);
    * every article naming the acronym alone shares a rarer name (:data:`RARE_NAME_SHARE`)
      with the articles spelling it out: its people, firms or places put it in that company
      ("GM" beside Opel or Rick Wagoner). A sports story's "CSA", a phone's "MDA IV" or the
      French broadcaster "TPS" share none with the Child Support Agency's, the Mobile Data
      Association's or the Telephone Preference Service's stories, and keep their letters.
    """
    rare = max(RARE_NAME_SHARE * n_articles, 3)
    alone: dict[str, list[str]] = defaultdict(list)
    for article, held in names.items():
        for acr in expansions.keys() & set(held):
            alone[acr].append(article)
    out: dict[str, str] = {}
    for acr, spelt_out in expansions.items():
        spelt = {n: ids for n, ids in spelt_out.items() if ids and acronym_initials(n) == acr}
        if acr not in articles or len(spelt) != 1 or labels.get(acr) != "ORG":
            continue
        ((name, ids),) = spelt.items()
        if len(ids) < ACRONYM_MIN_ARTICLES or labels.get(name, "ORG") == "PERSON":
            continue
        company = {n for a in ids for n in names.get(a, ())} - {acr, name}
        if all(
            any(spread.get(n, 0) <= rare for n in set(names[a]) & company)
            for a in alone[acr]
            if a not in ids
        ):
            out[acr] = name
    return out


def acronym_expansions(con) -> dict[str, dict[str, set[str]]]:
    """acronym → {name → article ids}: the organisations' mentions written as an acronym ("GM")
    that the extractor named otherwise ("General Motors", by the article's own spelling out),
    by their raw names: what :func:`acronym_joins` reads."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for text, name, article_id in con.execute(
        """SELECT DISTINCT x.text, coalesce(r.raw, x.name) AS name, x.article_id
           FROM entity_mentions x LEFT JOIN name_raw r
             ON r.space = 'actor' AND r.tbl = 'entity_mentions' AND r.col = 'name'
            AND r.article_id = x.article_id AND r.pos = x.start
           WHERE x.label = 'ORG' AND regexp_full_match(x.text, '[A-Z]{2,6}')"""
    ).fetchall():
        if name != text:
            out[text][name].add(article_id)
    return out


def _acronym_joins(
    raw: Mapping[str, RawNames],
    expansions: Mapping[str, Mapping[str, Collection[str]]],
    labels: Mapping[str, str],
) -> dict[str, str]:
    """:func:`acronym_joins` over the store's raw names (the articles' names read only for the
    articles that name an acronym alone or spell one out)."""
    if not expansions:
        return {}
    rows = [*raw["actor"].rows, *raw["place"].rows]
    spread = _articles(rows)
    involved = {a for names in expansions.values() for ids in names.values() for a in ids}
    involved |= {a for a, name, _ in rows if name in expansions}
    names: dict[str, set[str]] = defaultdict(set)
    for article_id, name, _ in rows:
        if article_id in involved:
            names[article_id].add(name)
    n_articles = len({a for a, _, _ in rows})
    return acronym_joins(spread, expansions, labels, names, spread, n_articles)


# A name's home country needs this many articles that have a country, and this share of them
# in one country: "Department for Education" is in 7 BBC stories, all British; "Department of
# Education" in 4 US ones and 1 about Idlib.
HOME_MIN_ARTICLES = 2
HOME_MIN_SHARE = 0.6


def _owner_acronym(word: str) -> bool:
    """Is ``word`` an acronym of two to five capitals that names no country ("BBC", "IRB";
    not "US", "UK")?"""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper() and not gazetteer.country(word)


def org_homes(orgs: Rows, places: Rows) -> dict[str, str]:
    """The country of each organisation name of ``orgs`` (article, name, label rows), where the
    corpus tells it: the country most of the articles naming it are about, an article being
    about the country most of its places (``places`` rows) lie in (ties: none). A body's name
    says nothing of its country ("Department of Education", "Home Office"); the stories naming
    it do."""
    per_article: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id, name, _ in places:
        code = _country_code(name)
        if code:
            per_article[article_id][code] += 1
    article_country: dict[str, str] = {}
    for article_id, codes in per_article.items():
        (top, n), *rest = codes.most_common(2)
        if not rest or rest[0][1] < n:
            article_country[article_id] = top
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id, name, _ in orgs:
        code = article_country.get(article_id)
        if code:
            votes[name][code] += 1
    homes = {}
    for name, codes in votes.items():
        top, n = codes.most_common(1)[0]
        total = sum(codes.values())
        if total >= HOME_MIN_ARTICLES and n >= HOME_MIN_SHARE * total:
            homes[name] = top
    return homes


@functools.lru_cache(maxsize=1 << 16)
def _country_code(name: str) -> str:
    """The country code of the place ``name`` names (a country, a state, a city), else ""."""
    place = gazetteer.place(name)
    return place.country if place is not None else ""


def _abroad(a: str, b: str, homes: Mapping[str, str]) -> bool:
    """Do the stories place ``a`` and ``b`` in two different countries?"""
    home_a, home_b = homes.get(a), homes.get(b)
    return home_a is not None and home_b is not None and home_a != home_b


def _spelt_canonicals(mapping: Mapping[str, str]) -> dict[str, str]:
    """``mapping`` (alias → canonical, chains resolved) with each group's canonical swapped for
    one of its aliases that spells right the English words the canonical misspells
    (:func:`_better_spelt`): the more attested spelling of "Electronic Fronter Foundation" /
    "… Frontier …" (a typo's join) or "… Sociaty" / "… Society" (one vowel key) is no name to
    show. Of several such aliases, the first in alphabetical order."""
    better: dict[str, str] = {}
    for alias_, canonical in sorted(mapping.items()):
        if canonical not in better and _better_spelt(alias_, canonical):
            better[canonical] = alias_
    if not better:
        return dict(mapping)
    out = {a: better.get(c, c) for a, c in mapping.items()}
    for canonical, alias_ in better.items():
        del out[alias_]
        out[canonical] = alias_
    return out


def _better_spelt(name: str, other: str) -> bool:
    """Whether ``name`` spells right the words in which a spelling ``other`` of the same name
    differs from it, and ``other`` spells them wrong: each such word of ``name`` a common
    English word (:func:`analysis.english.english_words`: "Frontier"), none of ``other``'s ("Fronter"). A
    transliteration ("Jaish" / "Jaysh") or a name's own word is no English word on either side,
    and decides nothing; nor does a British spelling (the lexicon is American: "Defence" is
    no misspelling of "Defense")."""
    words, others = name.split(), other.split()
    if len(words) != len(others):
        return False
    pairs = [(a.lower(), b.lower()) for a, b in zip(words, others, strict=True) if a != b]
    english = english_words()
    return bool(pairs) and all(
        a in english and b not in english and UK_US_WORDS.get(b) != a for a, b in pairs
    )


def _people_apart(a: str, b: str, labels: Mapping[str, str]) -> bool:
    """Whether one of ``a`` and ``b`` is a people (NORP) and the other, labelled, is not: "New
    Yorkers" (the people) is no plural of "New Yorker" (the magazine, ORG) however the letters
    match; an unlabelled name (a claimant) decides nothing. (Asked of a singular joining its
    plural only: a rarer plural joining its singular is a possessive with its apostrophe lost,
    "The New Arabs correspondent", however the model labels it.)"""
    la, lb = labels.get(a), labels.get(b)
    return bool(la and lb and la != lb and "NORP" in (la, lb))


def _group_forms(a: str, b: str, groups: Collection[str]) -> bool:
    """Whether ``a`` and ``b`` are a group's two forms, one a NORP name and the other that
    name with or without a final "s": the adjective its mentions are named by ("African-
    American", "Muslim American") and the plural noun its quotes' speaker is
    (:func:`analysis.entities.rules.group_noun`: "African-Americans said"). Joined, the
    speaker went back to the adjective ("African-American said"). Both are the group's (NORP):
    a rarer plural of an organisation's name, whatever its label, is its possessive with the
    apostrophe lost ("The Daily Planets reporter", :func:`_people_apart`)."""
    if a not in groups or b not in groups:
        return False
    ka, kb = fold_key(a), fold_key(b)
    return ka + "s" == kb or kb + "s" == ka


def lost_possessive(name: str) -> bool:
    """Whether ``name`` opens with a country's possessive whose apostrophe the source lost
    ("Russias military", "Syrias army"): never the spelling a join keeps."""
    first, _, rest = name.partition(" ")
    if not rest or len(first) <= 3 or not first.endswith("s") or not first[:-1].istitle():
        return False
    found = entities.alias(first[:-1])
    return found is not None and found[1] == "GPE"


def _attested(articles: Mapping[str, int]) -> Counter[str]:
    """Articles naming each name alone or as the ending of a longer name of 3+ words
    ("Council on Foreign Relations" in "European Council on Foreign Relations")."""
    out: Counter[str] = Counter(articles)
    for name, n in articles.items():
        words = name.split()
        for k in range(1, len(words) - 2):
            ending = " ".join(words[k:])
            if ending in articles:
                out[ending] += n
    return out


def _canonical_org(name: str) -> str:
    """The canonical name of a known organisation's variant (:func:`entities.alias`), else
    ``name``."""
    found = entities.alias(name)
    return found[0] if found is not None and found[1] == "ORG" else name


# Month and weekday words, short and long ("Jun 2016 Syrian Observatory …").
_DATE_WORDS = lexicon.words("date_words") | {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip


def _debris_word(word: str) -> bool:
    """A word run into a name from the text before it: a date, "the", "based", or a place."""
    w = word.strip("\"'“”,.:;").lower()
    if not w:
        return True
    return (
        w in ("the", "based")
        or w in _DATE_WORDS
        or w.isdigit()
        or (gazetteer.place(w) is not None or gazetteer.town(w) is not None)
    )


# Over 60 lines on purpose: one union-find whose two closures (root, join) share its state and
# whose three passes read in order; split, the passes would hand that state around.
def place_joins(
    articles: Mapping[str, int], cities: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Joins of place names (``articles``: name → articles naming it): names of one gazetteer
    place; names with one folded key (:func:`fold_key`); long names one or two edits apart.
    Two different gazetteer places never join, however close their spellings; nor do two
    names the gazetteer lacks (a neighbourhood's, a village's) whose articles place them in
    different cities (``cities``: name → its city, :func:`home_cities`): "Midan" of the
    Damascus bombings is not the "al-Midan" Aleppo's shelling hits."""
    cities = cities or {}
    # an acronym tagged as a place ("SANA", the news agency) is no spelling of a place
    names = sorted(
        (n for n in articles if not (n.isupper() and len(n) <= 5)),
        key=lambda n: (-articles[n], n),
    )
    rank = {n: i for i, n in enumerate(names)}
    # by name and country, not kind: the gazetteer's "Idlib" is the governorate's entry,
    # "Idleb" only the city's, and the bare name is either in the news. A name that says
    # "province" is the province only, its own group (:func:`_gazetteer_group`).
    geo = {name: _gazetteer_group(name) for name in names}
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    places: dict[str, str | None] = {n: geo[n] for n in names}  # gazetteer place of each group
    # the city of each group of names the gazetteer lacks (a gazetteer place has its own)
    home: dict[str, str | None] = {n: cities.get(n) if geo[n] is None else None for n in names}

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra == rb or (places[ra] and places[rb] and places[ra] != places[rb]):
            return
        if _arabic_namesake(a, b, places[rb], cities) or _arabic_namesake(b, a, places[ra], cities):
            return
        ca, cb = home[ra], home[rb]
        if ca and cb and ca != cb:
            return
        if rank[rb] < rank[ra]:
            ra, rb = rb, ra
        parent[rb] = ra  # the name in more articles stays the root
        places[ra] = places[ra] or places[rb]
        home[ra] = home[ra] or home[rb]

    first_of: dict[str, str] = {}
    for name in names:
        key = fold_key(name, place=True)
        # the feature word off ("Euphrates River" ~ "Euphrates"); the vowel key joins
        # transliterations ("Kefraya" ~ "Kafraya", "al-Hamadaniyeh" ~ "al-Hamadaniye")
        bare = _without_feature_word(name)
        vowels = vowel_key(bare)
        keys = ("key:" + fold_key(bare, place=True), "vowels:" + vowels if vowels else "")
        for group in filter(None, (geo[name], "key:" + key, *keys)):
            if group not in first_of:
                first_of[group] = name
            # a gazetteer's alternate names include other words for the place ("Salem" for
            # Jerusalem, "Big Apple"): only a similar spelling is a spelling of it
            elif group.startswith(("key:", "vowels:")) or _similar(
                fold_key(_place_part(name), place=True),
                fold_key(_place_part(first_of[group]), place=True),
                short=min(_letters(_place_part(n)) for n in (name, first_of[group])) <= 4,
            ):
                join(first_of[group], name)
    # A compass word's part of a place is no name of the place: "Northern Syria" is a region of
    # the country, "eastern Homs" the desert of Homs province a hundred kilometres from the
    # city, "Eastern Aleppo" the besieged half of a city the other half of which the rankings
    # count apart. The map draws the part at its place all the same (geo._core). The part's own
    # spellings join ("East Aleppo", "Eastern Aleppo", "east Aleppo": one direction, one place).
    parts = {n: _compass_part_of(n) for n in names}
    for name, whole in parts.items():
        group = _compass_group(name, whole)
        if group is None:
            continue
        group = f"compass:{_compass_direction(name.partition(' ')[0])}:{group}"
        if group in first_of:
            join(first_of[group], name)
        else:
            first_of[group] = name
    # Still apart: one edit in a long name (8 letters or more; two from 11), same first and last
    # letter, word by word ("Deir Ezour" ~ "Deir Ezzor", "Albu Kamal" ~ "Abu Kamal"; not "Hama
    # province" ~ "Homs province", not "Northwestern" ~ "Northeastern"). Not a common English
    # word, and not an English county's name ("Clarke County" is not "Clark County").
    buckets = _NearIndex(prefix=1)
    for name in names:
        key = fold_key(name, place=True)
        if len(key) < 8 or common_word(name):
            continue
        if name.rsplit(None, 1)[-1].lower() in ENGLISH_DIVISION_WORDS:
            continue
        words = _word_keys(name, place=True)
        candidates = buckets.candidates(key)
        other = next((c for c, ck, cw in candidates if _near_words(key, words, ck, cw)), None)
        if other is None:
            buckets.add(key, (name, key, words))
        else:
            join(other, name)
    best: dict[str, str] = {}
    # the canonical: the group's name in most articles, the place before a compass part of it,
    # a correct spelling before a broken one ("Guantánamo Bay", not "GuantÃ¡namo Bay")
    for name in sorted(names, key=lambda n: (mojibake(n), parts[n] is not None)):
        best.setdefault(root(name), name)
    _name_renamed_places(names, root, places, best)
    _spell_provinces_as_places(names, root, best)
    return {n: best[root(n)] for n in names if best[root(n)] != n}


def _arabic_namesake(name: str, other: str, place: str | None, cities: Mapping[str, str]) -> bool:
    """Whether ``name``, written with an Arabic article, would join ``other``, whose group is
    the gazetteer ``place`` ("name|country") of a country that writes no such article, and
    whose articles place it in no city of such a country (``cities``: :func:`home_cities`):
    folding drops the article, so "al-Baath" (an Aleppo district) had the key of "Bath" in a
    store holding the BBC's rugby reports. "Ferdous", the gazetteer's town in Iran, still joins
    "al-Ferdous" where its articles are Aleppo's (geo.ARABIC_NAME_COUNTRIES: the map's own rule
    for such namesakes)."""
    if place is None or geo.without_arabic_article(name) is None:
        return False
    if place.rsplit("|", 1)[-1] in geo.ARABIC_NAME_COUNTRIES:
        return False
    home = gazetteer.place(cities[other]) if other in cities else None
    return home is None or home.country not in geo.ARABIC_NAME_COUNTRIES


def home_cities(rows: Rows, *, min_articles: int = 3, min_share: float = 0.6) -> dict[str, str]:
    """The city each place name the gazetteer lacks is in, by the articles naming it (``rows``:
    (article_id, name, label)): the gazetteer city named in at least ``min_articles`` of them,
    in ``min_share`` of those naming any city and in twice as many as any other city; none
    for a name whose articles part among cities (a war's reports name Damascus and Aleppo
    side by side: "al-Foua" is in neither) or name none. Read by :func:`place_joins`: one
    neighbourhood name is written with and without its article in both Damascus and
    Aleppo."""
    by_article: dict[str, set[str]] = defaultdict(set)
    for article_id, name, _ in rows:
        by_article[article_id].add(name)
    kinds: dict[str, str | None] = {}

    def city(name: str) -> str | None:
        if name not in kinds:
            place = gazetteer.place(name)
            kinds[name] = place.name if place is not None and place.kind == "city" else None
        return kinds[name]

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with_city: Counter[str] = Counter()
    for names in by_article.values():
        here = {c for c in map(city, names) if c is not None}
        if not here:
            continue
        for name in names:
            if gazetteer.place(name) is None:
                counts[name].update(here)
                with_city[name] += 1
    found: dict[str, str] = {}
    for name, cs in counts.items():
        (top, n), *rest = cs.most_common(2)
        second = rest[0][1] if rest else 0
        if n >= min_articles and n >= min_share * with_city[name] and n >= 2 * second:
            found[name] = top
    return found


def _name_renamed_places(
    names: Sequence[str], root, places: Mapping[str, str | None], best: dict[str, str]
) -> None:
    """A place's group shown under the gazetteer's own name of the place when the corpus writes
    that name and the group's canonical is another name, not a spelling of it: a former name
    ("Bombay" in more articles than "Mumbai", "Peking", "Madras") is no name to show; a spelling
    ("Idleb", "Deir Ezzor") stays the one the corpus writes most. ``places``: root → the
    gazetteer's "name|country" of its group; ``best``: root → canonical."""
    for name in names:
        r = root(name)
        group = places.get(r)
        canonical = best[r]
        if group is None or name == canonical or mojibake(name):
            continue
        own = group.rpartition("|")[0]
        if gazetteer.fold(name) != gazetteer.fold(own) or gazetteer.fold(
            canonical
        ) == gazetteer.fold(own):
            continue
        if _renamed(fold_key(canonical, place=True), fold_key(name, place=True)):
            best[r] = name


# First letters one sound writes two ways ("Qamishli" / "Kamishli", "Cabul" / "Kabul").
_SAME_SOUND = str.maketrans("qc", "kk")


def _renamed(a: str, b: str) -> bool:
    """Are the folded keys ``a`` and ``b`` two names of a place, not two spellings of one: their
    first letters differ (a transliteration keeps its first sound: "Bombay" / "Mumbai", "Peking"
    / "Beijing"), or they share too little ("Calcutta" / "Kolkata", "Madras" / "Chennai")?"""
    if a[:1].translate(_SAME_SOUND) != b[:1].translate(_SAME_SOUND):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() < 0.5


def _spell_provinces_as_places(names: Sequence[str], root, best: dict[str, str]) -> None:
    """A province's group shown under the spelling of its place the corpus shows ("Idlib
    province" beside "Idlib", not "Idleb province" though that is in one article more), when
    one of its names has it; ``names`` by articles, most first; ``best``: root → canonical."""
    shown = set(best.values())
    for r, canonical in list(best.items()):
        if _province_of(canonical) is None or _place_part(canonical) in shown:
            continue
        members = (n for n in names if root(n) == r and not mojibake(n))
        spelled = next((n for n in members if _place_part(n) in shown), None)
        if spelled is not None:
            best[r] = spelled


# Words that make a province of the place before them ("Idleb province", "Homs Governorate").
PROVINCE_WORDS = frozenset({"province", "governorate"})


def _gazetteer_group(name: str) -> str | None:
    """The gazetteer place ``name`` denotes, as "name|country", for joining spellings of it;
    None when the gazetteer knows no such place.

    The tables answer an alternate name too ("Idleb" → Idlib, "Deir Ezzor" → Deir ez-Zor), and
    GeoNames' alternates include other places' own names and plain words: "Salem" (a town in
    New Hampshire) is an old name of Jerusalem, "Monterey" (California) one of Monterrey,
    "San Pedro" one of San Pedro Sula, "Midway" of Midland, "Vine" of Vienna, "Lion" of Lyon.
    So a name found only as another place's alternate is the town that bears it as its own name
    when the gazetteer has one in another country or spelled otherwise ("Salem", New Hampshire;
    "Midway", a US town); and a one-word alternate that is a common English word ("Vine",
    "Lion") is no spelling of a place at all."""
    found = gazetteer.place(name) or gazetteer.town(name)
    if found is None:
        return _province_group(name)
    key = _unarticled(name)
    own_name = _unarticled(found.name)
    if own_name == key:  # its own name, with or without an article ("Karak", "Al Karak")
        return f"{found.name}|{found.country}"
    # (a town's, not a village's: villages share names across the world, "Deraa" in Algeria)
    own = gazetteer.town(name)
    if (
        own is not None
        and _unarticled(own.name) == key
        and (own.country != found.country or entities.edit_distance(key, own_name, 1) is None)
    ):
        return f"{own.name}|{own.country}"
    if " " not in key and common_word(name):
        return None
    return f"{found.name}|{found.country}"


def _province_group(name: str) -> str | None:
    """The group of a province's name, "province:name|country" ("Idleb province", "Idlib
    Province", "Homs Governorate" → one group each with their spellings), else None.

    A province is not its city: "Homs province" (42,000 km², Palmyra in it) had joined "Homs"
    (FA-KES, 39 articles), so a province's toll stood against the city's as conflicting figures
    and village strikes sat on the city's dot. The bare name stays the bare name (the model
    tags "in Idlib province" as "Idlib" mostly, and a writer's "Idlib" is either); the name that
    says "province" or "governorate" keeps saying it (the map still draws it at the place,
    geo._core)."""
    found = _province_of(name)
    return None if found is None else f"province:{found.name}|{found.country}"


def _compass_direction(word: str) -> str:
    """A compass word's direction: "Eastern", "east" → "east"; "North-western" → "northwest"."""
    return word.lower().replace("-", "").removesuffix("ern")


def _compass_group(name: str, whole: gazetteer.Place | None) -> str | None:
    """The group of the whole a compass part is a part of (``whole``: :func:`_compass_part_of`):
    the province's for a part of a province ("southern Idlib province" is in Idlib province,
    not the city), else the place's. Parts of one direction in one group are one part."""
    if whole is None:
        return None
    rest = name.partition(" ")[2]
    return _province_group(rest) or f"{whole.name}|{whole.country}"


def _province_of(name: str) -> gazetteer.Place | None:
    """The known place a province's name is made of ("Idleb province" → Idlib, "Aleppo
    Province" → Aleppo), else None. Not a compass word's province ("Northern Province") or an
    unknown name's."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in PROVINCE_WORDS:
        return None
    rest = " ".join(words[:-1])
    if rest.lower() in gazetteer.COMPASS_WORDS:
        return None
    return gazetteer.place(rest) or gazetteer.town(rest)


def _unarticled(name: str) -> str:
    """``name`` folded, Arabic articles dropped, letters as written ("Al Karak" → "karak")."""
    words = re.split(r"[\s-]+", gazetteer.fold(name))
    return " ".join(w for w in words if w not in NAME_ARTICLES)


def _compass_part_of(name: str) -> gazetteer.Place | None:
    """The known place a compass word makes a part of ("west Aleppo", "Eastern Aleppo", "southern
    Idlib province", "Northern Syria"), else None.

    None when the whole name is a place of its own: one the gazetteer (any of its tables) or
    lexicon/mapped_areas.tsv knows ("East Jerusalem", "North Korea", "South Sudan", "Western
    Sahara", "Eastern Ghouta"), or one whose other words name no place the main table knows
    ("West Bank": "Bank" is only a small town's name). Not yet: "Northern Cyprus" joins Cyprus. A region's compass part is a region of its own
    ("Western Ghouta", "North Caucasus", "eastern Europe"). A country's or a state's, only as an
    adjective or lower case ("Northern Syria", "northern Iraq"): the bare capitalised word names
    other states the gazetteer lacks ("East Germany", "South Yemen", "West Papua", and "Central
    America" is no part of the United States)."""
    first, _, rest = name.partition(" ")
    if not rest or first.lower() not in gazetteer.COMPASS_WORDS:
        return None
    if (
        gazetteer.place(name) is not None
        or gazetteer.town(name) is not None
        or gazetteer.village(name) is not None
        or gazetteer.fold(name) in geo.MAPPED_AREAS
    ):
        return None
    if common_word(rest):
        return None  # "Western Union" (the company) is no part of Union, New Jersey
    whole = gazetteer.place(rest) or _province_of(rest)
    if whole is None or whole.kind in ("city", "town"):
        return whole
    if whole.kind in ("country", "state") and (first.islower() or first.endswith("ern")):
        return whole
    return None


def _place_part(name: str) -> str:
    """``name`` without the province word of a known place's province ("Idleb province" →
    "Idleb", spelled as its place is), else ``name``."""
    return name.rsplit(None, 1)[0] if _province_of(name) is not None else name


def _without_feature_word(name: str) -> str:
    """``name`` without a last word of :data:`PLACE_FEATURE_WORDS` ("Euphrates River" →
    "Euphrates"), unless what is left is a known place: "Jordan River" is not Jordan."""
    head, _, last = name.rpartition(" ")
    if not head or last.lower() not in PLACE_FEATURE_WORDS:
        return name
    if head.lower() in gazetteer.COMPASS_WORDS or common_word(head):
        return name  # "East River" is no "East", "Red River" no "Red": the word names nothing
    if gazetteer.place(head) is not None or gazetteer.town(head) is not None:
        return name
    return head


def _similar(a: str, b: str, *, short: bool = False) -> bool:
    """Keys close enough for an alternate name to be a spelling of its place: one holds the
    other, or they are alike; for a ``short`` name (four letters) only within a longer one
    ("Hama" / "Hamah"): a letter changed in a word that short makes another word ("Rino" is
    not Reno)."""
    if a in b or b in a:
        return True
    return not short and difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


def _letters(name: str) -> int:
    return len(_NON_LETTERS.sub("", gazetteer.fold(name)))


_COMPASS_ROOTS = ("north", "south", "east", "west")


def _near_words(a: str, wa: Sequence[str], b: str, wb: Sequence[str]) -> bool:
    """Two place names one or two edits apart (:func:`_near`) where no word changes much: a
    word of up to six letters may differ by one edit, a longer word by two, and compass words
    must agree."""
    if not _near(a, b):
        return False
    if [r for r in _COMPASS_ROOTS if r in a] != [r for r in _COMPASS_ROOTS if r in b]:
        return False
    if len(wa) != len(wb):
        return True  # glued or split ("Albu Kamal" ~ "Abu Kamal"): _near has bounded it
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        # transliterations differ in vowels and doubled letters, not in a word's first letter:
        # "Kafr Naha" (Aleppo) is not "Kafr Laha" (Homs)
        if x[0] != y[0]:
            return False
        if entities.edit_distance(x, y, 1 if min(len(x), len(y)) <= 6 else 2) is None:
            return False
    return True


class _NearIndex:
    """Items by key, for the keys :func:`_near` may find near one: same first letters
    (``prefix``) and last, at most two letters longer or shorter. :meth:`candidates` gives them
    in the order they were added, as a scan of one list of all would meet them — the first
    near one wins — without meeting the rest (a large store has thousands of long names per
    first and last letter)."""

    def __init__(self, prefix: int) -> None:
        self.prefix = prefix
        self.by_key: dict[tuple[str, str, int], list[tuple[int, object]]] = defaultdict(list)
        self.n = 0

    def add(self, key: str, item: object) -> None:
        self.by_key[(key[: self.prefix], key[-1:], len(key))].append((self.n, item))
        self.n += 1

    def candidates(self, key: str) -> Iterator[object]:
        start, end = key[: self.prefix], key[-1:]
        lists = [self.by_key.get((start, end, len(key) + d), ()) for d in range(-2, 3)]
        return (item for _, item in heapq.merge(*lists, key=lambda pair: pair[0]))


_DIGITS = re.compile(r"\d+")


def _near(a: str, b: str, *, one_from: int = 8, two_from: int = 11) -> bool:
    """One edit apart from ``one_from`` letters, two from ``two_from``; same first and last."""
    longest = max(len(a), len(b))
    if longest < one_from or not a or not b or a[0] != b[0] or a[-1] != b[-1]:
        return False
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False  # a changed number is no typo: "Trump 47 percent" is not "Trump 46 percent"
    limit = 2 if longest >= two_from else 1
    return entities.edit_distance(a, b, limit) is not None


def outlet_joins(counts: Mapping[str, int], explicit: Collection[str] = ()) -> dict[str, str]:
    """Joins of outlet names (``counts``: name → articles); a name in ``explicit`` (given with
    ``--source``) is the canonical of its group."""

    def key(name: str) -> str:
        folded = _NON_LETTERS.sub("", gazetteer.fold(name))
        return OUTLET_ALIASES.get(folded, folded)

    boosted = {n: (c + 10**9 if n in explicit else c) for n, c in counts.items()}
    return _group_by(boosted, key)


def _group_by(articles: Mapping[str, int], key, apart=None) -> dict[str, str]:
    """Names with equal ``key`` joined to the one in most articles (then one without a leading
    "the", then the longer, then A–Z), unless ``apart(name, canonical)`` says they are two."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in articles:
        k = key(name)
        if k:
            groups[k].append(name)
    mapping: dict[str, str] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        # A leading "the" is no fuller name: "the Idlib" never wins a tie against "Idlib".
        # Nor does mojibake ("JuliÃ¡n Castro") against a correct spelling ("Julián Castro"); on
        # a tie the spelling with its accents wins ("Peña" over "Pena").
        group.sort(
            key=lambda n: (
                mojibake(n),
                -articles[n],
                n.lower().startswith("the "),
                -len(n),
                _unaccented(n),
                n,
            )
        )
        for name in group[1:]:
            if apart is None or not apart(name, group[0]):
                mapping[name] = group[0]
    return mapping


# -- the store pass ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Target:
    space: str  # actor | place | outlet
    table: str
    column: str
    article_col: str = "article_id"
    pos: str = "start"
    labels: tuple[str, ...] = ()  # restrict to rows with these labels (entity_mentions)
    # Follows the joins without voting: its names repeat ones already counted elsewhere (an
    # attitude's target is an entity mention, its holder a quote's speaker).
    follows: bool = False
    # A row at the offset of an entity mention follows that mention's space only: an attitude
    # toward the place "Idlib" is not rewritten by a join of the organisation "Idlib" (a
    # mislabelled mention). Rows at no mention (a pronoun, an untagged name) follow both.
    mention_labels: tuple[str, ...] = ()


TARGETS = (
    _Target("actor", "entity_mentions", "name", labels=ACTOR_LABELS),
    _Target("actor", "quotes", "speaker"),
    _Target("actor", "figures", "claimed_by"),
    _Target("place", "entity_mentions", "name", labels=PLACE_LABELS),
    _Target("place", "figures", "location"),
    _Target("outlet", "articles", "source", article_col="id", pos="0"),
    _Target("actor", "attitudes", "holder", pos="target_start", follows=True),
    _Target(
        "actor",
        "attitudes",
        "target",
        pos="target_start",
        follows=True,
        mention_labels=ACTOR_LABELS,
    ),
    _Target(
        "place",
        "attitudes",
        "target",
        pos="target_start",
        follows=True,
        mention_labels=PLACE_LABELS,
    ),
)
_EXPLICIT = "explicit_source:"  # meta keys recording names given with --source


def note_explicit_outlet(con, source: str | None) -> None:
    """Remember that ``source`` was given with ``--source``: it is the canonical of its group."""
    if source:
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [_EXPLICIT + source, source])


def update(con, *, fresh_ids: Iterable[str] = ()) -> list[Merge]:
    """Run the identity pass over the store on ``con`` in one transaction and return the joins
    in force. ``fresh_ids``: articles (re)written since the last pass, whose log is stale."""
    con.execute("BEGIN")
    try:
        merges = _update(con, list(fresh_ids))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return merges


def update_within(con, *, fresh_ids: Iterable[str] = ()) -> set[str]:
    """The identity pass inside the caller's transaction (``Store.write_batch(then=...)``), the
    summaries left to the caller: returns the ids of the articles whose names it changed, whose
    days the caller recounts."""
    changed: set[str] = set()
    _update(con, list(fresh_ids), changed_out=changed)
    return changed


def set_undone(con, kind: str, alias: str, undone: bool = True) -> list[Merge]:
    """Undo (or redo) the join of ``alias`` and re-run the pass; no NLP runs again."""
    con.execute(
        "UPDATE name_merges SET undone = ? WHERE kind = ? AND alias = ?", [undone, kind, alias]
    )
    return update(con)


def _update(con, fresh_ids: list[str], changed_out: set[str] | None = None) -> list[Merge]:
    if fresh_ids:
        con.execute(
            "DELETE FROM name_raw WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [fresh_ids]
        )
    # A log row whose value changed since (re-analysis) is stale. A write removes the log rows
    # of the articles it rewrites (Store._write), so after one (``fresh_ids``) the log holds no
    # other; a pass of its own (an undo, a run with nothing new, articles removed) checks every
    # row — it is the one full scan of the log and the name tables, 2 of a write's 5 s of SQL
    # into a store of 50,000 articles.
    for t in TARGETS if not fresh_ids else ():
        con.execute(
            f"""DELETE FROM name_raw r WHERE r.space = ? AND r.tbl = ? AND r.col = ?
                AND NOT EXISTS (SELECT 1 FROM {t.table} x WHERE x.{t.article_col} = r.article_id
                                AND {_pos(t, "x")} = r.pos AND x.{t.column} = r.shown)""",
            [t.space, t.table, t.column],
        )
    if not fresh_ids:  # (a relabelled mention re-analysed since: its log is stale)
        con.execute(
            f"""DELETE FROM name_raw r WHERE r.space = '{corpus_labels.LOG_SPACE}'
                AND NOT EXISTS (SELECT 1 FROM entity_mentions x WHERE x.article_id =
                                r.article_id AND x.start = r.pos AND x.label = r.shown)"""
        )
    undone = {
        (k, a)
        for k, a in con.execute("SELECT kind, alias FROM name_merges WHERE undone").fetchall()
    }
    # Labels first: a person's name a few articles took for a place is relabelled PERSON
    # there (analysis.corpus_labels), so the person joins below read it with the person's.
    relabelled, relabel_ids = corpus_labels.apply(
        con, undone={a for k, a in undone if k == RELABEL_KIND}
    )
    raw = {space: _raw_names(con, space) for space in ("actor", "place", "outlet")}
    explicit = {
        r[0]
        for r in con.execute(
            "SELECT value FROM meta WHERE key LIKE ?", [_EXPLICIT + "%"]
        ).fetchall()
    }
    proposals = _propose(raw, explicit, acronym_expansions(con))
    maps: dict[str, dict[str, str]] = defaultdict(dict)
    kinds: dict[tuple[str, str], tuple[str, str | None]] = {}
    for kind, alias, canonical, label in proposals:
        if (kind, alias) in undone:
            continue
        space = _space(kind)
        maps[space][alias] = canonical
        kinds[(space, alias)] = (kind, label)
    touched: set[str] = set(relabel_ids)  # articles whose mentions changed
    changed: set[str] = set(relabel_ids)  # articles with any name (or label) changed
    # articles whose attitudes' holders or targets changed (a relabelled mention's target may
    # have been given its raw name back)
    held: set[str] = set(relabel_ids)
    placed: set[str] = set()  # articles whose figures' places changed
    for t in TARGETS:
        ids = _apply(con, t, maps.get(t.space, {}))
        changed |= ids
        if t.table == "entity_mentions":
            touched |= ids
        elif t.table == "attitudes":
            held |= ids
        elif (t.table, t.column) == ("figures", "location"):
            placed |= ids
    if placed:  # the stored kinds read the place (a neighbourhood named as the place is none)
        con.execute(incident_kinds.FILL_ARTICLES_SQL, [sorted(placed)])
    _rebuild_entities(con, sorted(touched))
    _rebuild_holder_targets(con, sorted(held))
    # The summaries count by name and outlet: recount the days of the rewritten articles (or
    # tell the caller which, when it recounts once for its own write as well).
    if changed_out is None:
        summaries.refresh(con, summaries.days_of(con, changed))
    else:
        changed_out |= changed
    evidence = dict(
        ((s, a), n)
        for s, a, n in con.execute(
            "SELECT space, raw, count(*) FROM name_raw "
            "WHERE tbl NOT IN (SELECT unnest(?::VARCHAR[])) GROUP BY space, raw",
            [sorted({t.table for t in TARGETS if t.follows})],
        ).fetchall()
    )
    con.execute("DELETE FROM name_merges WHERE NOT undone")
    out = []
    for space, mapping in maps.items():
        for alias, canonical in mapping.items():
            kind, label = kinds[(space, alias)]
            out.append(Merge(kind, alias, canonical, label, evidence.get((space, alias), 0)))
    for (name, label), n in sorted(relabelled.items()):
        out.append(Merge(RELABEL_KIND, name, label, label, n))
    if out:
        fields = ("kind", "alias", "canonical", "label", "evidence", "undone")
        con.register(
            "_merges",
            {
                f: np.fromiter((getattr(m, f) for m in out), dtype=object, count=len(out))
                for f in fields
            },
        )
        con.execute(f"INSERT INTO name_merges SELECT {', '.join(fields)} FROM _merges")
        con.unregister("_merges")
    log.info("identity pass: %d joins, %d articles rewritten", len(out), len(touched))
    return out


def _space(kind: str) -> str:
    return {"person": "actor", "org": "actor", "place": "place", "outlet": "outlet"}[kind]


def _pos(t: _Target, alias: str) -> str:
    return t.pos if t.pos == "0" else f"{alias}.{t.pos}"


# (article_id, name, label) rows of one name space: each once (an article naming a name with
# one label many times is one row), the strings shared.
Rows = Sequence[tuple[str, str, str | None]]


@dataclass(frozen=True)
class RawNames:
    """The values of one name space as first written: ``rows`` (:data:`Rows`) and
    ``label_votes``, how many values give each (name, label) — a name's label is the one most
    of its mentions and quotes give (:func:`_labels`)."""

    rows: Rows
    label_votes: Mapping[tuple[str, str], int]

    @classmethod
    def of(cls, values: Iterable[tuple[str, str, str | None]]) -> RawNames:
        """The raw names of ``values`` given one by one (article_id, name, label), each a vote."""
        values = list(values)
        votes = Counter((name, label) for _, name, label in values if label is not None)
        return cls(list(dict.fromkeys(values)), votes)


def _raw_names(con, space: str) -> RawNames:
    """Every value of ``space`` in the store, as first written (see :class:`RawNames`).
    Read as distinct rows with the labels' votes counted by DuckDB, each string made once: a
    million articles hold 32 million values, each read as a tuple of three new strings before;
    with a table of every pair of names named together (now :class:`CoMentions`) the pass had
    held 13.7 GB there and not finished, where its 18 million distinct rows sharing their
    strings peak at 5.1 GB (``bench.identity_speed``)."""
    parts = []
    for t in TARGETS:
        if t.space != space or t.follows:
            continue
        label = {
            "entity_mentions": "x.label",
            "quotes": "x.speaker_label",
        }.get(t.table, "NULL")
        where = f"x.{t.column} IS NOT NULL"
        if t.labels:
            where += " AND x.label IN (" + ", ".join(f"'{lab}'" for lab in t.labels) + ")"
        parts.append(
            f"""SELECT x.{t.article_col} AS article_id, coalesce(r.raw, x.{t.column}) AS name,
                       {label}::VARCHAR AS label
                FROM {t.table} x LEFT JOIN name_raw r
                  ON r.space = '{space}' AND r.tbl = '{t.table}' AND r.col = '{t.column}'
                 AND r.article_id = x.{t.article_col} AND r.pos = {_pos(t, "x")}
                WHERE {where}"""
        )
    con.execute(f"CREATE OR REPLACE TEMP TABLE _raw_values AS {' UNION ALL '.join(parts)}")
    try:
        votes = {
            (name, label): n
            for name, label, n in con.execute(
                "SELECT name, label, count(*) FROM _raw_values WHERE label IS NOT NULL "
                "GROUP BY name, label"
            ).fetchall()
        }
        shared: dict[str, str] = {}
        one = shared.setdefault
        cursor = con.execute("SELECT DISTINCT article_id, name, label FROM _raw_values")
        rows: list[tuple[str, str, str | None]] = []
        while chunk := cursor.fetchmany(100_000):
            rows.extend(
                # (a NULL label, a claimant's, stays None)
                (one(article_id, article_id), one(name, name), label and one(label, label))
                for article_id, name, label in chunk
            )
    finally:
        con.execute("DROP TABLE IF EXISTS _raw_values")
    return RawNames(rows, votes)


def _propose(
    raw: Mapping[str, RawNames],
    explicit: Collection[str],
    acronyms: Mapping[str, Mapping[str, int]] | None = None,
) -> list[tuple]:
    """(kind, alias, canonical, label) of every join the rules propose over the raw names
    (``acronyms``: :func:`acronym_expansions`)."""
    out: list[tuple] = []
    actors = raw["actor"].rows
    labels = _labels(raw["actor"].label_votes)
    # Case, hyphens, Arabic articles, British spelling: for every actor, labelled or not (a
    # claimant has no label of its own).
    spelled = _group_by(_articles(actors), fold_key, apart=article_apart)
    actors = [(a, spelled.get(n, n), lab) for a, n, lab in actors]
    people: dict[str, set[str]] = defaultdict(set)  # article -> its person names
    others = []
    for row in actors:
        if is_local_speaker(row[1]):
            continue  # "Ahmed (in «…»)": one article's, no spelling of another's name
        if labels.get(row[1]) == "PERSON":
            people[row[0]].add(row[1])
        else:
            others.append(row)
    person_sets = [people[a] for a in sorted(people)]  # by article id, as before
    mapping = {**spelled, **person_joins(person_sets, _bodies_too(actors))}
    person_names = {n for names in person_sets for n in names}
    homes = org_homes(others, raw["place"].rows)
    mapping.update(org_joins(_articles(others), person_names, labels, homes))
    # (over the names as joined so far: "Yuganskneftegaz" is a spelling of "Yuganskneftegas",
    # not a second longer name for "Yugansk" to be torn between)
    joined = resolve_chains(mapping)
    mapping.update(prefix_joins([(a, joined.get(n, n), lab) for a, n, lab in others], labels))
    mapping.update(_acronym_joins(raw, acronyms or {}, labels))
    for alias, canonical in resolve_chains(mapping).items():
        label = labels.get(canonical) or labels.get(alias)
        out.append(("person" if label == "PERSON" else "org", alias, canonical, label))
    places = raw["place"].rows
    place_labels = _labels(raw["place"].label_votes)
    for alias, canonical in place_joins(_articles(places), home_cities(places)).items():
        out.append(("place", alias, canonical, place_labels.get(canonical)))
    outlets = _articles(raw["outlet"].rows)
    for alias, canonical in outlet_joins(outlets, explicit).items():
        out.append(("outlet", alias, canonical, None))
    return out


def _bodies_too(rows: Rows, min_articles: int = 2, min_share: float = 0.25) -> set[str]:
    """One-word names labelled ORG in at least ``min_articles`` articles and ``min_share`` of
    the articles naming them ("Keane", the band of the entertainment pages, where the sports
    pages' Keane is a footballer); a few articles' label may be the model's slip."""
    bodies: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)
    for article_id, name, label in rows:
        if " " not in name.strip():
            named[name].add(article_id)
            if label == "ORG":
                bodies[name].add(article_id)
    return {
        name
        for name, ids in bodies.items()
        if len(ids) >= min_articles and len(ids) >= min_share * len(named[name])
    }


def _labels(votes: Mapping[tuple[str, str], int]) -> dict[str, str]:
    """Most frequent label of each name, from the values that give each (name, label)
    (:class:`RawNames`; unlabelled values, e.g. claimants, do not vote; a tie goes to the label
    first in alphabetical order), by name in order."""
    best: dict[str, tuple[int, str]] = {}
    for (name, label), n in votes.items():
        held = best.get(name)
        if held is None or n > held[0] or (n == held[0] and label < held[1]):
            best[name] = (n, label)
    return {name: best[name][1] for name in sorted(best)}


def _articles(rows: Rows) -> dict[str, int]:
    """How many articles give each name, by name in order."""
    seen: dict[str, set[str]] = defaultdict(set)
    for article_id, name, _ in rows:
        seen[name].add(article_id)
    return {name: len(seen[name]) for name in sorted(seen)}


def _apply(con, t: _Target, mapping: Mapping[str, str]) -> set[str]:
    """Bring ``t``'s column in line with ``mapping`` (raw → shown): restore rows whose join
    changed or went, rewrite the rest, log each rewrite. Returns the articles touched."""
    m = {  # a table DuckDB scans (NumPy object arrays; no pandas)
        "raw": np.fromiter(mapping, dtype=object, count=len(mapping)),
        "shown": np.fromiter(mapping.values(), dtype=object, count=len(mapping)),
    }
    con.register("_m", m)
    keys = [t.space, t.table, t.column]
    stale = """SELECT r.article_id, r.pos, r.raw, r.shown FROM name_raw r LEFT JOIN _m ON _m.raw = r.raw
                WHERE r.space = ? AND r.tbl = ? AND r.col = ? AND _m.shown IS DISTINCT FROM r.shown"""
    touched = {
        r[0] for r in con.execute(f"SELECT DISTINCT article_id FROM ({stale})", keys).fetchall()
    }
    con.execute(
        f"""UPDATE {t.table} AS x SET {t.column} = s.raw FROM ({stale}) s
            WHERE x.{t.article_col} = s.article_id AND {_pos(t, "x")} = s.pos
              AND x.{t.column} = s.shown""",
        keys,
    )
    con.execute(
        """DELETE FROM name_raw r WHERE r.space = ? AND r.tbl = ? AND r.col = ?
           AND NOT EXISTS (SELECT 1 FROM _m WHERE _m.raw = r.raw AND _m.shown = r.shown)""",
        keys,
    )
    where = ""
    if t.labels:
        where = " AND x.label IN (" + ", ".join(f"'{lab}'" for lab in t.labels) + ")"
    if t.mention_labels:
        where += (
            " AND NOT EXISTS (SELECT 1 FROM entity_mentions e WHERE e.article_id = "
            f"x.{t.article_col} AND e.start = {_pos(t, 'x')} AND e.label NOT IN ("
            + ", ".join(f"'{lab}'" for lab in t.mention_labels)
            + "))"
        )
    fresh = f"""SELECT DISTINCT x.{t.article_col} AS article_id, {_pos(t, "x")} AS pos, x.{t.column} AS raw,
                       _m.shown FROM {t.table} x JOIN _m ON x.{t.column} = _m.raw WHERE TRUE{where}"""
    touched |= {r[0] for r in con.execute(f"SELECT DISTINCT article_id FROM ({fresh})").fetchall()}
    con.execute(
        f"INSERT INTO name_raw SELECT ?, ?, ?, article_id, pos, raw, shown FROM ({fresh})", keys
    )
    con.execute(
        f"""UPDATE {t.table} AS x SET {t.column} = _m.shown FROM _m
            WHERE x.{t.column} = _m.raw{where}"""
    )
    con.unregister("_m")
    return touched


def _rebuild_holder_targets(con, ids: list[str]) -> None:
    """The per-article sums of the rewritten attitudes (analysis.holder_targets)."""
    if not ids:
        return
    from analysis.store import HOLDER_TARGETS_SQL

    con.execute(
        "DELETE FROM holder_targets WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    )
    con.execute(HOLDER_TARGETS_SQL, [ids])


def _rebuild_entities(con, ids: list[str]) -> None:
    """Per-article aggregates of the rewritten mentions: ``entities`` (one row per name and label,
    as :func:`analysis.entities.aggregate` makes it) and the sentence pairs."""
    if not ids:
        return
    from analysis.store import PAIRS_SQL

    in_ids = "article_id IN (SELECT unnest(?::VARCHAR[]))"
    con.execute(f"DELETE FROM entities WHERE {in_ids}", [ids])
    con.execute(
        f"""INSERT INTO entities SELECT article_id, name, label, count(*)::INTEGER,
                   min(start)::INTEGER FROM entity_mentions WHERE {in_ids}
            GROUP BY article_id, name, label""",
        [ids],
    )
    con.execute(f"DELETE FROM entity_pairs WHERE {in_ids}", [ids])
    con.execute(PAIRS_SQL, [ids])
