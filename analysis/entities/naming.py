"""Step 2 of the entity extractor: one canonical name per mention, within the article. Aliases
and defined acronyms fix a name ("Syrian Democratic Forces (SDF)"); a lone organisation word
joins the article's one organisation naming it; a short person name joins the fullest form in the
article ("Kerry" → "John Kerry"), of the sex its courtesy title says ("Mrs. Clinton" is never
"Bill Clinton"); a role title says no sex ("President Obama" is the "Mr. Obama" a story names
most, not the one woman it names in full); a relative is someone first named in full with a
kinship noun; a name given as one someone bore ("his birth name, …") is that person's; a full
name the model tagged a product, with a person's role ("author … Cornel West"), is a person's
though the given-name tables lack its first name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from spacy.tokens import Doc

from analysis import gazetteer, geo, lexicon
from analysis.english import common_word
from analysis.entities.rules import (
    COMPASS_WORDS,
    FIRST_NAME_TITLES,
    HONORIFICS,
    LABELS,
    NAME_LOWER_WORDS,
    ORG_FIRST_WORDS,
    ORG_HEAD_WORDS,
    PEERAGE,
    RESCUE_LABELS,
    ROLE_TITLES,
    _norp_group,
    acronym_initials,
    alias,
    is_given_name,
    name_key,
    name_sex,
    person_alias,
    state_abbreviation,
    title_sex,
    without_generation,
)
from analysis.entities.spans import (
    EVENT_HEAD_WORDS,
    FAIR_HEAD_WORDS,
    LAW_HEAD_WORDS,
    ORG_NAME_WORDS,
    _demonym,
    _Mention,
    undotted_acronym,
)
from analysis.nlp import text_of

CHAMBER_NOUNS = lexicon.words("chamber_nouns")
PERSON_ACRONYMS = lexicon.words("person_acronyms")

_ACRONYM_AFTER = re.compile(r"\s*\(\s*(?P<acr>[A-Z][A-Za-z&.]{1,10})\s*\)")


def _acronyms(doc: Doc, mentions: Sequence[_Mention]) -> dict[str, _Mention]:
    """Acronyms the article defines: "Syrian Democratic Forces (SDF)" → {"SDF": that mention}."""
    text = text_of(doc)
    found: dict[str, _Mention] = {}
    for m in mentions:
        if len(m.key) < 2:
            continue
        hit = _ACRONYM_AFTER.match(text, m.end)
        if not hit:
            continue
        acr = hit.group("acr")
        capitals = [c for c in acr if c.isupper()]
        initials = {w[0].upper() for w in m.bare.replace("-", " ").split() if w[:1].isalpha()}
        # An acronym's first capital is the initial of some word of its expansion (loose on
        # purpose: "Kurdistan Workers' Party (PKK)" is in the original language's order).
        if len(capitals) >= 2 and capitals[0] in initials:
            found.setdefault(acr, m)
    return found


def _name_mentions(doc: Doc, mentions: list[_Mention]) -> None:
    """Set ``name`` (and ``label`` where an alias or acronym fixes it) on every mention, in
    three passes: fixed names, people, acronyms (families first: :func:`_name_families`)."""
    _name_families(mentions)
    _restore_possessives(mentions, text_of(doc))
    _fix_known_names(mentions)
    _name_people(mentions, text_of(doc))
    _join_acronyms(doc, mentions)
    _join_region_parts(doc, mentions)


_PLURAL_ES = ("ses", "shes", "ches", "xes", "zes")


def _name_families(mentions: Sequence[_Mention]) -> None:
    """0. A family is its own group, not the member the article names: "the Bush family" and
    "the Bushes" → "Bush family" (NORP, a group of people), where they had joined Jeb Bush and
    counted as his mentions (and "the Clintons" as Hillary's). A family's name is a person's:
    the surname of a person the article names, or tagged a person and no place's name ("the
    Democrats", "an Iraqi family", "an Aleppo family" are none)."""
    # surnames of the article's full names (a lone "Oscar" tagged a person names no Oscars)
    surnames = {
        m.key[-1]
        for m in mentions
        if m.model_label == "PERSON" and len(m.key) >= 2 and not m.family
    }
    for m in mentions:
        if m.family == "family":
            if " " in m.bare:
                continue  # "Sandy Hook families", "the Gold Star family": no surname alone
            surname = m.bare
            named = name_key(surname) in {(k,) for k in surnames}
            if (
                _norp_group(m.bare) is not None
                or _demonym(surname)
                or not (named or (m.model_label == "PERSON" and gazetteer.place(surname) is None))
            ):
                continue  # "an Iraqi family", "an Aleppo family": a family of a people, a town
        elif m.family == "plural":
            if _norp_group(m.bare) is not None:
                continue  # "the Kurds", beside a Mr Kurd: the people
            word = m.bare
            stems = [word[:-2]] if word.endswith(_PLURAL_ES) else []
            stems.append(word[:-1])
            surname = next((w for w in stems if name_key(w)[-1:] in {(k,) for k in surnames}), "")
            if surname and _demonym(surname):
                continue  # "the Kazakhs": a people, whatever person bears the word
        else:
            continue
        if surname and name_key(surname):
            m.name, m.label, m.fixed = f"{surname} family", "NORP", True


def _fix_known_names(mentions: Sequence[_Mention]) -> None:
    """1. Variants with a fixed canonical name: aliases, "Jaish …"-style organisations, groups."""
    # words of the article's full person names: "Christian" is a group, "Louise Christian" not
    person_words = {
        w
        for m in mentions
        if m.model_label == "PERSON" and len(m.key) >= 2 and not _norp_group(m.bare)
        for w in m.key
    }
    # a nationality word that is the surname of one of the article's people and, alone, the
    # subject of a speech verb is that person ("Mark Cuban … Cuban said"), not a group
    surnames = {
        m.key[-1]
        for m in mentions
        if m.model_label == "PERSON" and len(m.key) >= 2 and not _norp_group(m.bare)
    }
    speaking = {m.key[0] for m in mentions if len(m.key) == 1 and m.speaker} & surnames
    # the last written word of the article's people named with a given name first ("Michael
    # Bloomberg"): not a body's name the model took for a person's ("Said Anti-Daesh", "SANA
    # al-Nusra"), whose last word is no surname
    full_surnames = {
        m.bare.split()[-1].lower()
        for m in mentions
        if m.model_label == "PERSON" and len(m.key) >= 2 and is_given_name(m.key[0])
    }
    for m in mentions:
        if m.fixed:
            continue  # a family (_name_families)
        found = alias(m.bare)
        if found and found[1] == "ORG" and " " not in m.bare and m.bare.lower() in full_surnames:
            # "Bloomberg" is the news agency, but in an article that names Michael Bloomberg it
            # is his surname: the short form joins the person (_name_people), not the alias
            found = None
        group = _norp_group(m.bare) if not (len(m.key) == 1 and m.key[0] in speaking) else None
        # "Mr Jordan" is a person even though Jordan is a country
        if found and not (m.model_label == "PERSON" and m.title and found[1] != "ORG"):
            m.name, m.label, m.fixed = found[0], found[1], True
        elif m.model_label in ("GPE", "LOC") and (state := state_abbreviation(m.bare)):
            # "Pasadena, Calif.", "Rubio (R-Fla.)": the state, not a place named "Fla"
            m.name, m.label, m.fixed = state, "GPE", True
        elif m.key[0] in ORG_FIRST_WORDS and len(m.key) >= 2:
            m.name, m.label, m.fixed = m.bare, "ORG", True
        elif group and not (m.title or (m.model_label == "PERSON" and m.key[0] in person_words)):
            m.name, m.label, m.fixed = group, "NORP", True


def _name_people(mentions: Sequence[_Mention], text: str) -> None:
    """2. People. A title-headed name the model called something else ("Major General Igor
    Konashenkov" as ORG) is a person when a courtesy title precedes it or a first name and
    surname remain once the title is stripped; full names unify their spellings, and short
    forms join the nearest fuller name (or the one organisation naming them)."""
    given_named = _given_named_people(mentions)
    no_people = _no_person_names(mentions)
    products = _company_products(mentions)
    no_people |= set(products.values())  # "Yahoo" tagged PERSON beside "Yahoo Messenger"
    # and "the Mini" beside "the Mac Mini": the product's own word, no one's surname
    product_tails = {key[len(company) :] for key, company in products.items()}
    for m in mentions:
        if m.fixed:
            continue
        if m.key in given_named:
            m.person = True
            continue
        if m.key in products or m.key in product_tails:
            if m.model_label == "PERSON":
                m.model_label = "PRODUCT"  # no entity: "Mac Mini", "Yahoo Messenger"
            continue
        if m.key in no_people:
            if m.model_label == "PERSON":
                m.model_label = "ORG"
            continue
        if len(m.key) == 1 and m.key[0] in ORG_HEAD_WORDS and not m.title:
            m.model_label = "ORG"  # "the Observatory said", "a monitor said": no person
            continue
        if m.model_label == "PERSON" and m.place_noun and not (m.title or m.speaker):
            continue  # "the al-Midan neighbourhood": no person for short forms to join
        if m.model_label == "PERSON" and m.facility and not (m.title or m.speaker):
            continue  # "the Kweyris military airport": a facility's name, no person's
        if m.model_label == "PERSON" and m.org_cue and not (m.title or m.named):
            m.model_label = "ORG"  # "oil giant Yukos", "Everton v Sunderland": no person
            continue
        if m.model_label == "PERSON" and m.firm_use and not (m.title or m.named):
            m.model_label = "ORG"  # "Ford's sales fell", "Ford reported a loss": the firm
            continue
        if m.model_label == "PERSON" and _acronym(m.bare) and not _acronym_person(m):
            # "sarin and VX nerve agents", "CNPC", "RICS": a person is named by name, an
            # acronym names an organisation (or a thing) unless the text makes it someone
            m.model_label = "ORG"
            continue
        titled = m.title and (m.title in HONORIFICS or len(m.key) >= 2)
        # (a name before its bearer's camp or aide, tagged an organisation: spans.tenure)
        # (and one introduced as someone's relative, "his wife, Melania", which the model
        # tagged a place in 6 PolNeAR articles)
        if (
            m.model_label == "PERSON"
            or titled
            or m.tenure
            or _kin_named(m)
            or _known_person_mislabelled(m)
        ):
            m.person = True
    fulls = [m for m in mentions if m.person and len(m.key) >= 2 and not m.former_name]
    _unify_spellings(fulls)
    for m in fulls:  # "George Bush" joins "George W Bush" in the same article
        longer = _longest_containing(m.key, fulls)
        m.name = longer.name if longer is not None else m.name
    fulls.sort(key=lambda f: f.start)
    _join_short_forms(mentions, _joinable_fulls(mentions, fulls), text)
    _unify_spellings([m for m in mentions if not m.fixed and not (m.person and len(m.key) >= 2)])
    _name_former_names(mentions)
    for m in mentions:  # corpus-wide full names of people known by a short form ("Assad")
        if m.person:
            known = person_alias(name_key(m.name))
            sex = title_sex(m.title)  # not a man's full name for "Ms. Trump"
            if known and sex and name_sex(known) not in (None, sex):
                known = None
            m.name = known or m.name
    _keep_first_name_titles(mentions)


def _keep_first_name_titles(mentions: Sequence[_Mention]) -> None:
    """A person the article titles before a first name alone ("Pope Francis", "Prince Harry",
    "Queen Elizabeth") is known by title and name: "Francis" alone says nothing of who, and
    across a corpus would join anyone of that name. The article's other mentions of that one
    word, left unjoined, are that person too ("Pope Francis … Francis said")."""
    titled = {
        m.name: m.title
        for m in mentions
        if m.person and len(m.key) == 1 and m.title in FIRST_NAME_TITLES and m.name == m.bare
    }
    # every mention of that name, whatever the model tagged it: they vote on one label as one
    # name ("Harry", a word of a headline the model called a work, stays the prince's)
    for m in mentions:
        if not m.fixed and m.name in titled:
            m.name = f"{titled[m.name].capitalize()} {m.name}"


def _kin_named(m: _Mention) -> bool:
    """Is ``m`` a relative the text introduces by a kinship noun, named as people are: one word
    ("his wife, Melania") or opening with a given name, and no body's name ("for her mother
    Amnesty International said", a comma lost before the source)?"""
    return bool(
        m.kin
        and (is_given_name(m.key[0]) or (len(m.key) == 1 and _name_word(m.bare)))
        and m.key[-1] not in ORG_HEAD_WORDS
        and alias(m.bare) is None
    )


def _no_person_names(mentions: Sequence[_Mention]) -> set[tuple[str, ...]]:
    """Keys of names that are surely no person's, whatever the model tagged their mentions: an
    acronym the text spells out in brackets ("Tara (Total Abstract Rendering Architecture)",
    a graphics engine, had been the person Tara of the BBC store: spans.spelt_out), or a name
    ending in an acronym the article tags an organisation alone ("Junge SVP", the youth wing
    of "the SVP", tagged PERSON in 3 PolNeAR stores). Not a name the text makes someone's
    (a title, "a man named", a role beside it, a relative)."""
    org_acronyms = {m.key[0] for m in mentions if m.model_label == "ORG" and _acronym(m.bare)}
    found = {
        m.key
        for m in mentions
        if m.spelt_out
        or (len(m.key) >= 2 and m.key[-1] in org_acronyms and m.bare.split()[-1].isupper())
    }
    personal = {m.key for m in mentions if m.title or m.named or m.person_cue or m.kin}
    return found - personal


def _company_products(mentions: Sequence[_Mention]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Keys of person-tagged names that are a company's product or unit, each with the
    company's key: the name of a company the article tags an organisation on its own, twice or
    more ("Yahoo",
    "Mac") followed by capitalised common words ("Yahoo Messenger", "Mac Mini", 48 mentions of
    two "people" in the BBC's technology news). Not a name the text makes someone's (a title,
    "a man named", a role beside it, a relative), nor one opening or going on with a given
    name."""
    # tagged an organisation twice or more: once may be the model's slip ("Zoe" of "Zoe Ball")
    tagged = Counter(m.key for m in mentions if m.model_label == "ORG")
    orgs = {key for key, n in tagged.items() if n >= 2}
    personal = {m.key for m in mentions if m.title or m.named or m.person_cue or m.kin}
    found = {}
    for m in mentions:
        if m.model_label != "PERSON" or len(m.key) < 2 or m.key in personal:
            continue
        words = m.bare.split()
        if len(words) != len(m.key) or is_given_name(words[0]):
            continue  # ("Zoe Ball", "Scott Gray": a given name the model tagged ORG once)
        for k in range(1, len(words)):
            if m.key[:k] in orgs and m.key[:k] not in personal and _product_words(words[k:]):
                found[m.key] = m.key[:k]
                break
    return found


def _product_words(words: Sequence[str]) -> bool:
    """Are ``words`` capitalised common English words, no given names ("Messenger", "Mini")?"""
    return all(
        w.istitle() and not is_given_name(w) and (common_word(w) or geo.ordinary_word(w))
        for w in words
    )


def _known_person_mislabelled(m: _Mention) -> bool:
    """Is the one word ``m``, tagged an organisation or a place, the short form of a person the
    corpus-wide table knows ("Trump" tagged ORG in "By contrast, Trump has just 5 percent",
    "Putin" tagged GPE), which the text never uses as a body or a place ("Trump Tower" is
    another name; "oil giant …", "in …", "the … town" are such uses)?"""
    return (
        len(m.key) == 1
        and m.model_label in ("ORG", "GPE", "LOC", "NORP")
        and person_alias(m.key) is not None
        and not (m.org_cue or m.org_use or m.locative or m.place_noun or m.facility)
    )


def _name_former_names(mentions: Sequence[_Mention]) -> None:
    """A name given as one someone bore ("Mr. Cruz changed his name, Rafael Edward Cruz")
    names the person last mentioned before it under the same surname (Ted Cruz), so the
    corpus never sees it as a person of its own (it had joined his father, Rafael Cruz);
    with no such person ("Lady Gaga, born Stefani Germanotta") it keeps its own words."""
    people = sorted((m for m in mentions if m.person and not m.former_name), key=lambda m: m.start)
    for m in mentions:
        if not (m.former_name and m.person) or m.fixed:
            continue
        surname = without_generation(m.key)[-1]
        before = [
            p
            for p in people
            if p.start < m.start and without_generation(name_key(p.name or p.bare))[-1] == surname
        ]
        m.name = (before[-1].name or before[-1].bare) if before else _plain_name(m)


def _joinable_fulls(mentions: Sequence[_Mention], fulls: Sequence[_Mention]) -> list[_Mention]:
    """The full names a short form may join: not one the article gives a facility ("the Sayyida
    Zeinab shrine", "attacks on Sayyida Zeinab") and never a person's title, speech or naming:
    its "Zeinab" ("the grave of Zeinab") is the saint the shrine is named after, and joined, it
    had made a person of the shrine and its town (FA-KES)."""
    facility = {m.key for m in mentions if m.facility}
    personal = {m.key for m in mentions if m.title or m.speaker or m.named}
    return [f for f in fulls if f.key not in facility or f.key in personal]


def _given_named_people(mentions: Sequence[_Mention]) -> set[tuple[str, ...]]:
    """Keys of the full names the model tagged something else ("Carly Fiorina" as ORG in most
    of the US news of 2016) that are a person's: two or three words opening with a given name,
    no organisation word, never used as an organisation or a place ("oil giant …", "the … town")
    and used as a person's somewhere in the article — a title or a role noun before it, a
    speech verb, a person the model tagged in the same list, or the model's PERSON on it or on
    its surname alone ("Mrs. Fiorina said"). Left an organisation, the name let its short forms
    join another person of that surname ("Fiorina" → her husband Frank Fiorina, named once).
    A first name the given-name tables lack is enough when the model tagged the name only
    with a label we do not keep (a product, a work) and the text gives it a person's role."""
    by_key: dict[tuple[str, ...], list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    found: set[tuple[str, ...]] = set()
    for key, group in by_key.items():
        if not 2 <= len(key) <= 3 or any(m.fixed for m in group):
            continue
        if all(m.model_label == "PERSON" for m in group):
            continue
        # A first name the tables do not know ("Cornel West", tagged a product) is a person's
        # where the model saw no kind we keep in any mention of the name and the text gives it
        # a person's role or a place among people ("academic …", "author and critic …")
        unkept = all(m.model_label in RESCUE_LABELS for m in group)
        if not (is_given_name(key[0]) or (unkept and any(m.person_cue for m in group))):
            continue
        words = group[0].bare.split()
        if len(words) != len(key) or not all(w[:1].isupper() for w in words):
            continue  # "Carly Fiorina to Rubio", "Hillary & Chelsea Clinton Foundation"
        if key[-1] in ORG_HEAD_WORDS or (set(key) & ORG_FIRST_WORDS):
            continue
        if set(key[1:]) & ORG_NAME_WORDS:
            continue  # "rival May Department Stores": an organisation's word, no surname
        if any(m.org_cue or m.place_noun or m.facility for m in group):
            continue
        uses = group + by_key.get((key[-1],), [])
        if any(
            m.model_label == "PERSON" or m.title or m.speaker or m.named or m.person_cue
            for m in uses
        ):
            found.add(key)
    return found


def _acronym(name: str) -> bool:
    """A lone acronym in capitals ("VX", "CNPC"), not an initialled name ("J.K.")."""
    return " " not in name and 2 <= len(name) <= 5 and name.isalpha() and name.isupper()


def _acronym_person(m: _Mention) -> bool:
    """Does the text make the lone acronym ``m`` someone: a title ("Mr JFK"), "a man named",
    a role noun or a person beside it, or a speech verb on initials of two letters or on
    initials the press gives a person (:data:`PERSON_ACRONYMS`, "JFK said")? A speech verb on
    any other acronym of three letters or more is an organisation's, which speaks as people do
    ("BAA said it was working closely with …", "SAIC says none of its money …")."""
    if m.title or m.named or m.person_cue or m.kin:
        return True
    return m.speaker and (len(m.bare) < 3 or m.bare.lower() in PERSON_ACRONYMS)


def _join_short_forms(mentions: Sequence[_Mention], fulls: Sequence[_Mention], text: str) -> None:
    """Short forms join the nearest fuller person name containing them; a one-word mention the
    model gave another label ("Kerry" as GPE, "Johnson" as ORG), or a surname with its
    particle ("Le Pen" as FAC), joins on the surname only."""
    orgs = [m for m in mentions if len(m.key) >= 2 and (m.label or m.model_label) == "ORG"]
    alone = {m.key[0] for m in mentions if len(m.key) == 1}  # the one-word names
    # A title before a lone word that is a fuller name's first name, not its surname ("Prince
    # Charles" beside "Charles Kennedy"), names someone else, known by that first name; so does
    # the word alone in that article ("Charles said he and his wife-to-be …" was Kennedy's).
    titled_firsts = {
        m.key[0]
        for m in mentions
        if m.person
        and m.title in FIRST_NAME_TITLES
        and len(m.key) == 1
        and any(f.key[0] == m.key[0] != f.key[-1] for f in fulls)
        # unless the fuller name bears that title too ("Prince Saud al-Faisal … Prince Saud")
        and not any(f.key[0] == m.key[0] and m.title in f.text.lower().split() for f in fulls)
    }
    # the names of relatives the article introduced: a person whose first full name comes with
    # a kinship noun ("his father, Rafael Cruz"), not one named first on their own ("Hillary
    # Rodham Clinton … my dear sister Hillary Clinton", a figure of speech, had sent every
    # "Clinton" of a story about her to Bill Clinton, named once)
    first_full: dict[str, _Mention] = {}
    for f in fulls:  # (in text order)
        first_full.setdefault(f.name, f)
    kin = {name for name, f in first_full.items() if f.kin}
    titled_sexes = _titled_sexes(mentions)
    for m in mentions:
        if m.fixed or (m.person and len(m.key) >= 2):
            continue
        full = None
        if m.person and len(m.key) == 1 and m.key[0] in titled_firsts:
            m.name = _plain_name(m)
            continue
        candidates = _of_sex(fulls, m.title)
        # a courtesy title goes with a surname: "Mr. Trump" is a name ending in it before the
        # book "Trump Revealed" or "Trump Tower" a headline ran on; else any name holding it
        # ("Mr. Xi" is Xi Jinping, "Ms. Acosta" Melba Acosta Febo)
        titled = title_sex(m.title) is not None and len(m.key) == 1
        if m.person and titled:
            full = _nearest_full(m.key, m.start, candidates, surname_only=True)
            known = person_alias(m.key)
            if full is None and not (known and name_sex(known) in (None, title_sex(m.title))):
                # (not when the name tables know the surname's bearer: "Mr. Obama" is Barack
                # Obama, not the "Obama Speech" of a video's caption)
                full = _nearest_full(m.key, m.start, candidates, surname_only=False)
        elif m.person:
            full = _nearest_full(m.key, m.start, candidates, surname_only=False)
        elif (
            _surname_shape(m.key)
            and not m.firm_use  # "Ford reported a loss … Bill Ford said": the firm
            and (
                m.model_label in ("GPE", "ORG", "NORP", "FAC", *RESCUE_LABELS)
                or (m.model_label == "LOC" and not (m.locative or _after_the(text, m.start)))
            )
        ):
            # (a surname the model tags a building: "directed at Bannon" after "Stephen Bannon";
            # one with its particle: "Le Pen told CNN" after "Marine Le Pen", tagged FAC; a
            # compass word's surname tagged a region, "West said" after "Cornel West", though
            # not "the West" or "in the West")
            full = _nearest_full(m.key, m.start, fulls, surname_only=True)
            if full is None:
                full = _first_name_of_one(m, fulls)
        titled_full = _role_titled_full(m, candidates, text) if full is not None else None
        if titled_full is not None:
            full = titled_full  # "President Bush": the Bush the article calls president
        elif full is not None and len(m.key) == 1:
            full = _main_bearer(m, full, candidates if m.person else fulls, text)
        if (
            full is not None
            and titled_full is None
            and m.person
            and len(m.key) == 1
            and title_sex(m.title) is None
        ):
            full = _named_more_of_other_sex(m, full, fulls, titled_sexes, text)
            if full is None:  # the other bearer, named only "Mr. Obama": as the tables know
                counts = titled_sexes[m.key[0]]  # them, else by that titled name
                sex = max(counts, key=lambda x: counts[x])
                known = person_alias(m.key)
                if not (known and name_sex(known) in (None, sex)):
                    known = f"{_COURTESY[sex]['mr' if sex == 'M' else 'ms']} {m.bare}"
                m.name, m.person = known, True
                continue
        if full is not None and titled_full is None and full.name in kin and len(m.key) == 1:
            # A surname alone is not a relative the article introduced by kinship when another
            # bearer of it is named: "Carly Fiorina … her husband, Frank Fiorina … Fiorina said"
            # is Carly; the writer calls the relative by first name or title. The relative stays
            # one when named again without the kinship noun ("his pastor father, Rafael Cruz …
            # a visit by Rafael Cruz … Mr. Cruz said" is the son). A role title is no nearness:
            # it names the relative it was given to ("her husband, Tom Hale, the president").
            others = [
                f
                for f in candidates
                if f.name not in kin and without_generation(f.key)[-1] == m.key[0]
            ]
            if others:
                before = [f for f in others if f.start <= m.start]
                full = before[-1] if before else others[0]
        if full is not None:
            m.name, m.person = full.name, True
            continue
        known = person_alias(m.key) if m.person else None  # "Obama": "Barack Obama"
        if (
            m.person
            and len(m.key) == 1
            and _other_sex_named(m, fulls)
            and not (known and name_sex(known) in (None, title_sex(m.title)))
        ):
            # "Mrs. Clinton" in a story that names only Bill Clinton: someone the surname alone
            # would give to him, at corpus level too; the title keeps her apart (and lets
            # identity.titled_joins find the woman of that name the corpus knows)
            m.name = f"{_COURTESY[title_sex(m.title)].get(m.title, m.title.capitalize())} {m.bare}"
            continue
        if m.person and len(m.key) == 1 and known and name_sex(known) in (None, title_sex(m.title)):
            # a person's surname the tables know ("Mr. Obama"), not an organisation holding it
            # (a headline run into one: "Obama Sees 'Personal Insult'")
            m.name = known
            continue
        org = _only_org_containing(m, orgs, alone)
        if org is not None and _titled_bearer(m, org):
            # "Ms Orrell" after "party leader Tavin Orrell" (tagged ORG): the courtesy title
            # names a person, the one the fuller name is
            m.name, m.person = org.name or org.bare, True
            continue
        if org is not None:  # "the Observatory" after "the Syrian Observatory for Human Rights"
            m.name, m.person, m.model_label, m.fixed = org.name or org.bare, False, "ORG", org.fixed
            m.label = org.label
        else:
            m.name = _plain_name(m)


# A role title's short and long forms, one spelling each: "Gov. Bush" is "Governor Jeb Bush".
_ROLE_FORMS = {
    "gov": "governor",
    "sen": "senator",
    "gen": "general",
    "col": "colonel",
    "capt": "captain",
    "lt": "lieutenant",
    "cmdr": "commander",
    "sgt": "sergeant",
    "pm": "minister",
    "congresswoman": "congressman",
    "chairwoman": "chairman",
    "spokeswoman": "spokesman",
    "sheik": "sheikh",
}

# A role named in apposition right after a full name: "George Bush, the former president,"
# (an article or "former" first: "Jeb Bush, Gov. Chris Christie and …" is a list).
_APPOSED_ROLE = re.compile(
    r",\s+(?:(?:the|a|an|then|former|late|current|outgoing)\s+)+"
    r"(?:[A-Z][a-z]+\s+)?(?P<role>(?i:first lady)|[A-Za-z-]+)\b"
)
# "first lady" before a full name: a role the title tables lack (no title of a name of its own:
# "the first lady" is said alone), which keeps "President Bush" off "first lady Laura Bush".
_FIRST_LADY_BEFORE = re.compile(r"(?i)\bfirst lady,?\s+$")


def _role(word: str | None) -> str | None:
    """The role title ``word`` names, one spelling per role ("Gov" → "governor"); None for a
    courtesy title ("mr", "mrs": they say a sex, no role) or no title."""
    if word is None or title_sex(word) is not None:
        return None
    word = word.lower().rstrip(".")
    word = _ROLE_FORMS.get(word, word)
    if word == "first lady":
        return word
    return word if word in ROLE_TITLES or word in _ROLE_FORMS.values() else None


def _roles_of(f: _Mention, text: str) -> set[str]:
    """The role titles the article gives the full name ``f`` at this mention: the title before
    it ("former President George W. Bush") or one in apposition after it ("Jeb Bush, the former
    Florida governor,")."""
    roles = {_role(f.title)} - {None}
    if _FIRST_LADY_BEFORE.search(text, max(0, f.start - 20), f.start):
        roles.add("first lady")
    hit = _APPOSED_ROLE.match(text, f.end)
    if hit and (role := _role(hit.group("role"))):
        roles.add(role)
    return roles


def _role_titled_full(m: _Mention, fulls: Sequence[_Mention], text: str) -> _Mention | None:
    """The full name a surname under a role title means when the article names several bearers
    of the surname ("Jeb Bush" and "George W. Bush"): the one bearer it gives that role
    ("President Bush" is "former President George W. Bush", "Gov. Bush" the Bush called
    governor), else the one bearer it gives no other role (with "Gov. Jeb Bush" and "George W.
    Bush", "President Bush" is George); None when that leaves no one or several (the order of
    mentions decides, :func:`_main_bearer`). A role says no sex and is no nearness: without it
    "President Bush" went to whichever Bush the story named first, its candidate."""
    role = _role(m.title)
    if role is None or len(m.key) != 1:
        return None
    bearers: dict[str, list[_Mention]] = defaultdict(list)
    for f in fulls:
        if without_generation(f.key)[-1] == m.key[0]:
            bearers[f.name or f.bare].append(f)
    if len(bearers) < 2:
        return None
    roles = {name: set().union(*(_roles_of(f, text) for f in fs)) for name, fs in bearers.items()}
    same = [name for name, rs in roles.items() if role in rs]
    if not same:
        same = [name for name, rs in roles.items() if not rs]
        if len(same) == len(bearers):
            return None  # no bearer has a role: nothing to tell them apart by
    if len(same) != 1:
        return None
    return min(bearers[same[0]], key=lambda f: abs(f.start - m.start))


def _after_the(text: str, start: int) -> bool:
    """Does the name at ``start`` follow "the" ("the West", "The North")?"""
    return text[max(0, start - 4) : start].lower() == "the "


def _of_sex(fulls: Sequence[_Mention], title: str | None) -> Sequence[_Mention]:
    """The full names a short form under ``title`` may stand for: a courtesy title's sex rules
    out the names whose given name is the other sex's ("Mrs. Clinton" is not "Bill Clinton",
    "Mr. Clinton" not "Hillary Clinton", whichever was named last); a name whose given name
    says nothing ("Jeb Bush", "Barack Obama") stays. No courtesy title: all of them."""
    sex = title_sex(title)
    if sex is None:
        return fulls
    return [f for f in fulls if name_sex(f.name or f.bare) in (None, sex)]


# The title as a name keeps it: "Mrs. Clinton", "Ms. Trump", "Miss Jones", "Mr. Smith".
_COURTESY = {
    "F": {"mrs": "Mrs.", "ms": "Ms.", "miss": "Miss"},
    "M": {"mr": "Mr.", "messrs": "Messrs.", "sir": "Sir"},
}


def _other_sex_named(m: _Mention, fulls: Sequence[_Mention]) -> bool:
    """Does the article name a bearer of ``m``'s surname of the sex other than its courtesy
    title's ("Bill Clinton" for a "Mrs. Clinton")?"""
    sex = title_sex(m.title)
    return sex is not None and any(
        name_sex(f.name or f.bare) not in (None, sex) and _contains(m.key, f.key, surname_only=True)
        for f in fulls
    )


def _titled_sexes(mentions: Sequence[_Mention]) -> dict[str, Counter[str]]:
    """For each surname, how many of the article's mentions of it alone carry a courtesy title
    of each sex ("Mr. Obama" twice: {"obama": {"M": 2}})."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        sex = title_sex(m.title)
        if sex is not None and len(m.key) == 1:
            found[m.key[0]][sex] += 1
    return found


def _named_more_of_other_sex(
    m: _Mention,
    full: _Mention,
    fulls: Sequence[_Mention],
    titled_sexes: dict[str, Counter[str]],
    text: str,
) -> _Mention | None:
    """The person a surname with no courtesy title (alone, or after a role title: "President
    Obama") means, when ``full``, the name it would join, is of one sex and the article calls
    a bearer of the other sex by the surname and a courtesy title more often than it names
    ``full``'s sex ("Mr. Obama" ten times, "the first lady, Michelle Obama" once): a role title
    says no sex, so "President Obama" is the man the story is about, as a reader takes it. That
    person's full name if the article gives one (:func:`_main_bearer`), else None (known only
    by the titled surname); ``full`` otherwise, and always when ``full`` is named before it in
    its own paragraph."""
    sex = name_sex(full.name or full.bare)
    titled = titled_sexes.get(m.key[0])
    if (
        sex is None
        or not titled
        or (full.start <= m.start and "\n" not in text[full.end : m.start])
    ):
        return full  # (named just before, in its paragraph: "Bill Clinton spoke … Clinton said")
    other = "F" if sex == "M" else "M"
    same = [f for f in fulls if without_generation(f.key)[-1] == m.key[0]]
    mine = sum(1 for f in same if name_sex(f.name or f.bare) == sex) + titled[sex]
    theirs = [f for f in same if name_sex(f.name or f.bare) == other]
    if titled[other] + len(theirs) <= mine:
        return full
    if theirs:
        return _main_bearer(m, theirs[0], theirs, text)
    return None


def _main_bearer(m: _Mention, nearest: _Mention, fulls: Sequence[_Mention], text: str) -> _Mention:
    """The person the surname alone ``m`` means when the article names several who bear it
    ("Ted Cruz" named ten times, "his wife, Heidi Cruz" once), of ``fulls`` (those its courtesy
    title's sex allows: :func:`_of_sex`): the nearest fuller name before it in its own
    paragraph ("Bill Clinton spoke with voters … Clinton said"), else the first it names in
    full (a writer calls the others by their full or first name)."""
    if nearest.start <= m.start and "\n" not in text[nearest.end : m.start]:
        return nearest
    # else the first named in full: a story introduces the person it is about first ("Ted Cruz
    # endorses Trump … his wife, Heidi Cruz"; Hillary Clinton, then "Sanders said of Bill
    # Clinton" in a debate story, whose "Clinton said" is still hers)
    first = next((f for f in fulls if without_generation(f.key)[-1] == m.key[0]), None)
    return first if first is not None else nearest


def _spelt_acronyms(mentions: Sequence[_Mention]) -> dict[str, _Mention]:
    """Acronyms the article uses without defining them, each the initials of exactly one name
    of two words or more it writes out ("General Motors … GM said", "the Consumer Electronics
    Show … CES", "Los Angeles … LA"): {"GM": that name's first mention}. The news spells a
    body out first and abbreviates it after; within one article a lone match is that body. A
    person's name is no expansion ("Giuseppe Morchio" is not "GM"), nor a name holding the
    acronym as a word ("BT Together" is no expansion of "BT"), nor a law's name."""
    spelt: dict[str, dict[str, _Mention]] = defaultdict(dict)
    for m in mentions:
        if m.person or m.model_label == "PERSON":
            continue
        # (the name, not the bare words: "General" of "General Motors" is stripped as a title)
        name = m.name or m.bare
        acr = acronym_initials(name)
        # (nor a law's: "the Greater London Act" is no "GLA", the authority it set up)
        law = name.rpartition(" ")[2].lower() in LAW_HEAD_WORDS
        if 2 <= len(acr) <= 6 and acr not in name.split() and not law:
            spelt[acr].setdefault(name, m)
    return {
        acr: next(iter(names.values()))
        for acr, names in spelt.items()
        if len(names) == 1 and any(m.bare == acr for m in mentions)
    }


def _join_acronyms(doc: Doc, mentions: Sequence[_Mention]) -> None:
    """3. Acronyms defined in the article name what they abbreviate; so does one it only uses,
    where it writes out one name of those initials (:func:`_spelt_acronyms`)."""
    acronyms = {**_spelt_acronyms(mentions), **_acronyms(doc, mentions)}
    for m in mentions:
        target = acronyms.get(m.bare)
        if target is not None and target is not m and not m.fixed:
            m.name, m.fixed, m.person = target.name, target.fixed, target.person
            if target.fixed:
                m.label = target.label
            elif target.model_label in LABELS and _named_as_event(target):
                # the kind of thing the name spelt out is, not the model's guess at the
                # letters: "CES" (tagged ORG) is the Consumer Electronics Show, an event
                m.model_label = target.model_label


def _named_as_event(m: _Mention) -> bool:
    """May ``m``'s label pass to an acronym of it: any but an event, and an event only where
    its own last word says so ("Consumer Electronics Show", "Game Developers Conference"), not
    where the model alone tags a body's name one ("the World Economic Forum" meets yearly)?"""
    last = (m.name or m.bare).rpartition(" ")[2].lower()
    return m.model_label != "EVENT" or last in EVENT_HEAD_WORDS or last in FAIR_HEAD_WORDS


def _join_region_parts(doc: Doc, mentions: Sequence[_Mention]) -> None:
    """4. A region's bare name joins the one compass part of it the article names: "Ghouta"
    in a story that names "Eastern Ghouta" (or writes "eastern Ghouta") and no other part of it
    is that part, the rebel-held enclave shelled from 2013 to 2018; the FA-KES store listed
    "Ghouta" (13 articles) apart from "Eastern Ghouta" (64). A story naming two parts ("the
    Eastern Ghouta and Western Ghouta zones", the chemical attack of August 2013 hit both) keeps
    the bare name for the whole; so does a story naming none, and so does a city's name
    ("Aleppo" beside "eastern Aleppo" is the city): only a name the gazetteer holds as a region
    (lexicon/regions.txt) joins. Per article only: a corpus naming both parts has no one part
    for the bare name (see identity.place_joins)."""
    text = text_of(doc)
    parts: dict[tuple[str, ...], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for m in mentions:
        first, _, rest = (m.name or m.bare).partition(" ")
        if rest and first.lower() in COMPASS_WORDS and not m.person:
            key = name_key(rest)  # "Eastern Al-Ghouta": the part of "Ghouta"
            key = key[1:] if len(key) > 1 and key[0] in gazetteer.ARABIC_ARTICLES else key
            parts[key][_compass_root(first)].append(m.name or m.bare)
    for m in mentions:  # "eastern Ghouta" with only "Ghouta" tagged: that part, as written,
        # when it is a place of its own (as spans grows a name: "northern Ghouta" is not)
        word = text[max(0, m.start - 20) : m.start].rstrip(" ").rsplit(None, 1)[-1:]
        whole = f"{word[0]} {m.name or m.bare}" if word else ""
        lower_compass = word and word[0].islower() and word[0] in COMPASS_WORDS
        if lower_compass and not m.person and gazetteer.place(whole) is not None:
            parts[m.key][_compass_root(word[0])].append(whole)
    for m in mentions:
        named = parts.get(m.key)
        if m.fixed or m.person or not named or len(named) != 1:
            continue
        place = gazetteer.place(m.name or m.bare)
        if place is None or place.kind != "region" or (m.name or m.bare).partition(" ")[2]:
            continue
        (spellings,) = named.values()
        # the part as the article most often writes it, capitalised before lower case
        m.name = max(Counter(spellings).items(), key=lambda kv: (kv[1], kv[0][:1].isupper()))[0]
        # the region's own label votes for the part: "airstrikes … on Ghouta" tagged ORG would
        # tie the part's one LOC ("in Eastern Al-Ghouta") and make an organisation of it
        m.model_label = place.label


def _compass_root(word: str) -> str:
    """A compass word's direction: "Eastern", "east" → "east"; "North-western" → "northwest"."""
    return word.lower().replace("-", "").removesuffix("ern")


def _restore_possessives(mentions: Sequence[_Mention], text: str = "") -> None:
    """Drop an "s" the source glued on by losing the apostrophe ("Bashar al-Assads", "Syrias"),
    when the name without it is known: in this article, an alias, or a gazetteer place — the
    last only in a ``text`` that writes no possessive apostrophe anywhere, as the sources that
    lost them do: where the writer kept them ("Woodward's squad"), "the Lions" is a plural, a
    team, not Lion's (a GeoNames name of Lyon)."""
    keys = {m.key for m in mentions}
    apostrophes = _POSSESSIVE_APOSTROPHE.search(text) is not None
    people = {m.key for m in mentions if m.model_label == "PERSON"}
    for m in mentions:
        if m.fixed:
            continue  # "the Clintons": a family's plural (_name_families), no lost possessive
        last = m.bare.rsplit(" ", 1)[-1]
        if not (last.endswith("s") and len(last) > 4 and not last.endswith("ss")) or last.isupper():
            continue
        if alias(m.bare) is not None or gazetteer.place(m.bare) is not None:
            continue  # "Damascus", "Wales": the s is the name's own
        stem = m.bare[:-1]
        key = name_key(stem)
        if _norp_group(m.bare) is not None or (
            m.model_label == "NORP" and gazetteer.place(stem) is None and key not in people
        ):
            # a people's plural ("Democrats", "Saudis", "Russians"), not a lost possessive
            # (as "Syrias" is): cut, the mention read "Democrat" and its quotes "Democrat said".
            # (A family the article names is its person: "the Khans say", tagged NORP.)
            continue
        if (
            key in keys
            or alias(stem) is not None
            or person_alias(key) is not None
            or (m.model_label != "PERSON" and not apostrophes and gazetteer.place(stem) is not None)
        ):
            m.bare, m.key = stem, key
            if m.text.endswith("s"):
                m.text, m.end = m.text[:-1], m.end - 1


# A possessive written with its apostrophe ("Woodward's", "Syria’s"): the source kept them.
_POSSESSIVE_APOSTROPHE = re.compile(r"\w['’]s\b")


def _titled_bearer(m: _Mention, org: _Mention) -> bool:
    """Is the organisation ``org`` the full name of the person ``m`` names with a courtesy
    title ("Ms Orrell" after "Helen Orrell", tagged ORG): two or three words ending in
    ``m``'s, a given name first or a person's word before it ("party leader Tavin Orrell")?
    A firm named after its founder keeps its name ("Mr Sachs" is no Goldman Sachs)."""
    return (
        m.title in HONORIFICS
        and 2 <= len(org.key) <= 3
        and org.key[-1] == m.key[0]
        and (is_given_name(org.bare.split()[0]) or org.person_cue or bool(org.title))
    )


def _only_org_containing(
    m: _Mention, orgs: Sequence[_Mention], alone: Collection[str] = ()
) -> _Mention | None:
    """The one multi-word organisation of the article that the one-word ``m`` is a short form
    of: not a body named after it ("RNC Rules Committee", "Trump Foundation": the RNC, Trump
    are no committee, no foundation), nor two bodies' names hyphened whose other one the
    article names alone too (``alone``: "the merged Gazprom-Rosneft group" beside "Gazprom"
    and "Rosneft", two firms before the merger), and for a chamber's noun only the chamber of
    a place ("the Senate" after "U.S. Senate"; "the House" is not the White House)."""
    if len(m.key) != 1 or m.model_label not in ("ORG", "PERSON") or gazetteer.place(m.bare):
        return None
    if m.place_noun:  # "the town of Qardaha" is no short form of "Qardaha hospital"
        return None
    if m.firm_use:
        # a word its sentence uses as a firm's ("Ford, the US car company, reported …") is
        # the firm, not a product named after it later ("the Ford Freestyle crossover"): it
        # joins only a longer name introduced before it ("Delta Air Lines … Delta's fares")
        orgs = [o for o in orgs if o.start < m.start]
    word = m.key[0]
    found = {
        (o.name or o.bare): o
        for o in orgs
        if word in o.key and o is not m and not _merged_pair(word, o, alone)
    }
    if len(found) > 1:
        found = _named_most(found, orgs)
    if len(found) != 1:
        return None  # (a body named after the word still makes it ambiguous: two "Zabadani …")
    (org,) = found.values()
    if _acronym(m.bare) and len(org.key) >= 2 and org.key[-1] == word:
        # "the SVP" beside "Junge SVP" (its youth wing): an acronym alone is its own body's
        # name, and one with words before it a body named after it
        return None
    return org if not _named_after(word, org) and _chamber_of(word, org) else None


def _merged_pair(word: str, org: _Mention, alone: Collection[str]) -> bool:
    """Is ``org`` two capitalised names joined by a hyphen ("Gazprom-Rosneft"), ``word`` one of
    them and the other named alone in the article (``alone``)? Not "Jabhat al-Nusra" (an
    article), nor "Mercedes-Benz" where "Benz" is never alone."""
    parts = org.bare.split("-")
    if len(parts) != 2 or not all(p.isalpha() and p.istitle() and len(p) >= 3 for p in parts):
        return False
    keys = [name_key(p) for p in parts]
    if (word,) not in keys:
        return False
    others = [k for k in keys if k != (word,)]
    return len(others) == 1 and len(others[0]) == 1 and others[0][0] in alone


def _named_most(found: dict[str, _Mention], orgs: Sequence[_Mention]) -> dict[str, _Mention]:
    """Of the organisations ``found`` a lone word may stand for, the one the article names at
    least three times as often as all the others together ("Fox" in a story naming Fox News
    22 times and its programme Fox & Friends once), else all of them (ambiguous)."""
    counts = Counter(o.name or o.bare for o in orgs)
    best = max(found, key=lambda name: counts[name])
    rest = sum(counts[name] for name in found if name != best)
    return {best: found[best]} if counts[best] >= 3 * rest else found


# Nouns of a body inside another, or named after it: "RNC Rules Committee", "Senate Armed
# Services Committee". (Not "News", "Group": "Fox News", "Carlyle Group" are the firm.)
SUB_BODY_NOUNS = frozenset({"committee", "subcommittee", "commission", "caucus", "panel"})


def _named_after(word: str, org: _Mention) -> bool:
    """Is ``org`` a body inside or named after ``word``, its first word ("RNC Rules Committee",
    "Senate Armed Services Committee")? Then ``word`` alone is the parent, not ``org``."""
    return len(org.key) >= 2 and org.key[0] == word and org.key[-1] in SUB_BODY_NOUNS


def _chamber_of(word: str, org: _Mention) -> bool:
    """May the lone ``word`` stand for ``org``, as far as chambers go: any word but a chamber's
    noun; a chamber's noun only for a chamber, of a place or not: the noun, perhaps after a
    place or its adjective ("U.S. Senate", "European Parliament"; never a party's, "a
    Democratic Senate", nor any other word, "White House"), perhaps before a chamber's "of …"
    ("House of Representatives", "Missouri House of Representatives"; not "American Congress
    of Obstetricians")."""
    if word not in CHAMBER_NOUNS:
        return True
    words = (org.name or org.bare).split()
    at = next((i for i, w in enumerate(words) if name_key(w) == (word,)), None)
    if at is None:
        return False
    before, after = " ".join(words[:at]), [w.lower() for w in words[at + 1 :]]
    if after and not (len(after) == 2 and after[0] == "of" and after[1] in _CHAMBER_OF):
        return False
    if not before:
        return bool(after)
    if gazetteer.place(before) is not None or _demonym(before):
        return True
    # a place's adjective the country table lacks ("European", "Scottish"), not a party's
    return _norp_group(before) is None and before.endswith(_PLACE_ADJECTIVE_ENDINGS)


# What follows "House of", "Congress of" in a chamber's own name.
_CHAMBER_OF = frozenset({"representatives", "commons", "lords", "delegates", "deputies"})
_PLACE_ADJECTIVE_ENDINGS = ("ean", "ian", "ish", "ese")


def _unify_spellings(mentions: Sequence[_Mention]) -> None:
    """Mentions whose names share a key get one spelling: the most frequent, then the longest
    ("Bashar Assad" and "Bashar al-Assad" → "Bashar al-Assad"; "Home office" → "Home Office")."""
    by_key: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for m in mentions:
        by_key[name_key(m.name or m.bare)][m.name or m.bare] += 1
    best = {
        k: max(c.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] for k, c in by_key.items()
    }
    for m in mentions:
        m.name = best[name_key(m.name or m.bare)]


def _plain_name(m: _Mention) -> str:
    """Canonical name of a mention that is no alias and no joined person: the person's name
    without titles; otherwise as written, titles kept (an ORG "General Motors" keeps its first
    word); plural nationality words made singular ("Syrians" → "Syrian") so the people and the
    adjective count together."""
    if m.person:
        if m.title in PEERAGE and len(m.key) == 1:
            return f"{m.title.capitalize()} {m.bare}"  # "Lord Falconer", not "Falconer"
        return m.bare
    name = m.text
    if undotted_acronym(name) == m.bare:
        name = m.bare  # "F.B.I." is the FBI (spans.undotted_acronym)
    if m.model_label == "NORP" and re.search(r"(?:an|i|ese)s$", name):
        name = name[:-1]
    if name.isupper() and len(name) > 3 and " " not in name and gazetteer.place(name):
        name = name.capitalize()  # a dateline's "MOSCOW" is Moscow
    return name


def _contains(short: tuple[str, ...], full: tuple[str, ...], *, surname_only: bool) -> bool:
    """Is the name ``short`` a short form of ``full``? (Keys, see :func:`name_key`; a
    generation after the surname counts for nothing: "Biden" is "Joseph R. Biden Jr".)"""
    full = without_generation(full)
    if len(short) >= len(full):
        return False
    if surname_only:
        return _surname_shape(short) and full[-len(short) :] == short
    if len(short) == 1:
        return short[0] in full
    return short[-1] == full[-1] and set(short) <= set(full)


def _first_name_of_one(m: _Mention, fulls: Sequence[_Mention]) -> _Mention | None:
    """The article's one person whose full name opens with the lone word ``m`` that the model
    tagged a body or a place ("Bernie will run through the last primaries", "a vote against
    Marco", "Well, Donald, those days are over": ORG beside Bernie Sanders, Marco Rubio, Donald
    Trump in 15 PolNeAR articles), else None. Not a place, a people or a known name's
    word ("Orlando", "Charlotte" are towns as well), nor one the text uses as a body's or a
    place's ("in …", "the … group"), nor one two people's names open with."""
    if (
        len(m.key) != 1
        or m.model_label == "NORP"  # "Swiss" beside the "Swiss People's Party": the people
        or _demonym(m.bare)
        or m.org_cue
        or m.org_use
        or m.locative
        or m.place_noun
        or m.facility
        or not m.bare.istitle()
        or not _name_word(m.bare)
        or m.key[0] in ROLE_TITLES
        or m.key[0] in HONORIFICS
        or gazetteer.place(m.bare) is not None
        or alias(m.bare) is not None
        or _norp_group(m.bare) is not None
        or person_alias(m.key) is not None
    ):
        return None
    found = {
        f.name: f
        for f in fulls
        if len(f.key) >= 2
        and f.bare.split()[0] == m.bare  # not "Netflix" of a "Netflix-free" tagged PERSON
        and not _major_place(f.bare.split()[-1])  # nor "Breitbart" of "Breitbart London"
    }
    if len(found) != 1:
        return None
    (full,) = found.values()
    return full


def _major_place(word: str) -> bool:
    """Is ``word`` a country's or a large city's name ("London"), which ends a body's name the
    model took for a person's ("Breitbart London"), not a surname that some small town bears
    too ("Rubio", a town in Venezuela)?"""
    place = gazetteer.place(word)
    return place is not None and (place.kind == "country" or place.population >= 1_000_000)


def _name_word(word: str) -> bool:
    """Is ``word`` written as a person's first name may be: a given name, or a word no
    dictionary has ("Bernie", "Melania", which the given-name tables lack)? Not "Windows" of a
    "Windows Messenger", "Crown" of "Crown Prince Frederik" or "Navy" of "her husband, Navy
    SEAL Ty Woods", common words the model called a person or a place."""
    return is_given_name(word) or not common_word(word)


def _surname_shape(key: tuple[str, ...]) -> bool:
    """Could the key ``key`` be a surname alone: one word, or a particle and one word as the
    particle is written capitalised ("Le Pen", "De Vries", "Van Hollen"; a lower-case "al-"
    is out of the key already)?"""
    return len(key) == 1 or (len(key) == 2 and key[0] in NAME_LOWER_WORDS - {"of", "y"})


def _longest_containing(key: tuple[str, ...], fulls: Sequence[_Mention]) -> _Mention | None:
    best = None
    for f in fulls:
        if _contains(key, f.key, surname_only=False) and (
            best is None or len(f.key) > len(best.key)
        ):
            best = f
    return best


def _nearest_full(
    key: tuple[str, ...], start: int, fulls_by_position: Sequence[_Mention], *, surname_only: bool
) -> _Mention | None:
    """The closest preceding fuller name containing ``key`` (else the closest following one)."""
    before = after = None
    for f in fulls_by_position:
        if not _contains(key, f.key, surname_only=surname_only):
            continue
        if f.start <= start:
            before = f
        elif after is None:
            after = f
    return before or after
