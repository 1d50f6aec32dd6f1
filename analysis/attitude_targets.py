"""Who an attitude can be toward: the named entities of an article, plus what stands for one.

The entity extractor's mentions are the core. Three more kinds of words name a person or a group
in news sentences without being a tagged entity: a pronoun ("he", "his", "her") standing for a
person the article has named (resolved as a pronoun speaker is, :func:`analysis.quotes.
pronoun_referents`; a pronoun nobody can be found for is no target, so the dashboard never shows
"he"); a role description ("the prime minister") standing for the one person the article gave
that role before it (:func:`described`; none when no one or two people could be meant, so no
target is ever "the president"); and a proper noun the small spaCy model leaves untagged that
takes part in its clause — subject, object, possessor — and that its syntax shows to be someone:
after a title ("Senator Yates"), the surname of a person the article names ("Smith" after "John
Smith"), the doer of a speech verb or a deliberate act ("Hekmatyar blamed ..."), the possessor
of a noun ("Comey's letter"), the object of a verb done to people ("they indicted Yates", "she
said of Obama"), in apposition with a role ("Pistole, the administrator"), or coordinated with a
person ("Wray and Rosenstein"). These syntactic rules hold only for words that are not common
English words in lower case (TextBlob's word-frequency list, :func:`common_words`): "Executive
resigned" and "Police said" name nobody. A capitalised word the parser takes for a common noun
("Pence/NOUN had been ...", a surname it does not know) is tried by the same rules, one word at
a time. Each becomes an :class:`EntityMention` with its canonical name (a surname takes the
full name of the article's person who carries it) and the offsets of the words as written. Only
attitudes use them: the entity table keeps the extractor's own mentions.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from pathlib import Path

from spacy.attrs import IS_ALPHA, IS_LOWER, IS_UPPER, LEMMA, POS
from spacy.strings import hash_string
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span

from analysis import lexicon
from analysis import quotes as quotes_mod
from analysis.entities import rules
from analysis.records import EntityMention, Quote

# Clause roles in which an untagged proper noun is a participant the sentence can judge; a proper
# noun elsewhere is mostly a modifier or a title word ("the Senate vote", "Breakfast with Frost").
PARTICIPANT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr", "dative", "ROOT"}
)
# Words before a name that say what the person is ("Mr", "Senator", "Gen"), not who.
TITLES = rules.HONORIFICS | rules.ROLE_TITLES
# Nouns that, in apposition with a name, say it is a person ("X, the minister", "the lawyer, X").
# Roles only: a plural of people ("civilians", "victims") beside a capitalised word is mostly a
# list the parser strung together ("Airstrikes ... civilians").
APPOSITION_ROLES = lexicon.words("role_nouns") | rules.ROLE_TITLES
# A word that appears this often in TextBlob's frequency list (counts from Project Gutenberg
# books, Wiktionary and the BNC, in lower case) is a common word ("executive" 53, "police" 94,
# "stone" 72), not a name the syntax alone can vouch for; rarer ones ("pence" 4, "clapper" 2)
# are mostly surnames. Fitted by eye on the untagged subjects of the real FA-KES and BBC texts.
COMMON_COUNT = 5
# Clause roles in which a proper noun is the doer of its verb (not "nsubjpass": "X was hit" says
# nothing of who X is), and the verbs whose doer is someone: speech and deliberate acts.
SUBJECT_DEPS = frozenset({"nsubj"})
DOER_VERBS = (
    lexicon.words("speech_verbs") | lexicon.words("person_verbs") | lexicon.words("doer_verbs")
)
# Role nouns a description names a person by ("the president", "the senator"), the words that
# change who holds a role ("the vice president" is not the president), and the rest of the
# words a title may carry ("Prime Minister", "Foreign Secretary").
# Kinship and rank titles ("Father X", "Private X") are left out: "the father", "the private"
# are as often nobody's title.
ROLE_WORDS = APPOSITION_ROLES - rules.HONORIFICS - {"brother", "sister", "father", "private"}
# Their string ids (hashes, the same in every vocabulary), for the token arrays.
ROLE_IDS = frozenset(hash_string(w) for w in ROLE_WORDS)
QUALIFIERS = frozenset({"vice", "deputy", "former", "acting", "interim", "shadow", "junior"})
TITLE_MODIFIERS = rules.TITLE_MODIFIERS
TITLE_RUN_WORDS = ROLE_WORDS | QUALIFIERS | TITLE_MODIFIERS
# Verbs whose direct object is someone ("indicted Yates"); and the speech verb whose "of" names
# whom the words are about ("she said of Obama").
PATIENT_VERBS = lexicon.words("patient_verbs")
ABOUT_VERBS = frozenset({"say"})
# Nouns a surname's possessive names a thing with, not the person's: "Parkinson's disease".
EPONYM_NOUNS = frozenset({"disease", "syndrome", "disorder", "law", "principle"})
# A longer untagged run is mostly a headline or a title ("Rebels Douma Ghouta Airstrikes").
MAX_WORDS = 3
# Endings of English common nouns that a capitalised word with them rarely escapes ("Bombing",
# "Coalition", "Directorate", "Leadership"), however rare the word is in the frequency list.
# "-ator" and "-ative" are roles ("Coordinator", "Representative"): a title, not a name.
NOUN_SUFFIXES = (
    "ing", "tion", "sion", "ment", "ness", "ity", "ism", "orate", "ship", "ator", "ative",
)  # fmt: skip
# A sentence with at least this share of its words capitalised is a headline in title case
# ("Syrian Forces Foil Raid on Castello Kill 29 Militants"): its parse is no evidence of a name.
HEADLINE_SHARE = 0.6


def targets(
    doc: Doc,
    *,
    article_id: str,
    mentions: Sequence[EntityMention],
    quotes: Sequence[Quote] = (),
) -> list[EntityMention]:
    """``mentions`` with resolved pronouns (``quotes``: the article's quote records, which
    tell who a pronoun in a quotation cannot be), untagged participant names and role
    descriptions added, in text order."""
    referents = quotes_mod.pronoun_referents(
        doc, article_id=article_id, mentions=mentions, quotes=quotes
    )
    untagged = untagged_names(doc, article_id=article_id, mentions=mentions)
    roles = [m for m, _ in described(doc, article_id=article_id, mentions=mentions)]
    return sorted([*mentions, *referents, *untagged, *roles], key=lambda m: m.start)


def described(
    doc: Doc, *, article_id: str, mentions: Sequence[EntityMention]
) -> list[tuple[EntityMention, str]]:
    """Role descriptions ("the president", "the prime minister") standing for the one person the
    article gave that role before them, each with the rule ``role``. A person has a role by a
    title before the name ("President Donald Trump", "Prime Minister Theresa May") or by
    apposition ("Sisi, the Egyptian president"); a description is theirs when its words (without
    the article) are among that role's words and a qualifier of the role ("vice", "former") is
    in both. A description two persons could hold ("the president" after President Obama and
    President Putin), or nobody named before it (a one-sentence article's "the president"), is
    left out: nothing in the article says who it is, and the dashboard shows no target "the
    president" that would lump every president together."""
    # Found on the token arrays first: most sentences hold no role noun.
    lemma_ids, pos = doc.to_array([LEMMA, POS]).T
    nouns = ((pos == NOUN) | (pos == PROPN)).nonzero()[0]
    lemmas = lemma_ids[nouns].tolist()
    at = [i for i, lemma in zip(nouns.tolist(), lemmas, strict=True) if lemma in ROLE_IDS]
    if not at:
        return []
    # The descriptions first (a few Token objects); the article's persons only if one is left.
    found = []
    for i in at:
        token = doc[i]
        if token.tag_ in ("NNS", "NNPS") or token.dep_ not in PARTICIPANT_DEPS:
            continue
        children = list(token.children)
        if token.dep_ == "appos" or any(c.dep_ == "appos" for c in children):
            continue  # "the president, Donald Trump": the name is the target
        if any(c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children) for c in children):
            continue  # "the head of the local medical centre": a role of its own
        dets = [c for c in children if c.dep_ == "det" and c.lower_ == "the"]
        if not dets:
            continue  # "a spokesman", "president" (a title): no one in particular
        words = {c.lower_ for c in children if c.dep_ in ("amod", "compound") and c.i < i}
        found.append((i, dets[0].i, words | {token.lemma_.lower()}))
    if not found:
        return []
    spans = [(m, doc.char_span(m.start, m.end, alignment_mode="expand")) for m in mentions]
    spans = [(m, span) for m, span in spans if span is not None]
    holders = _role_holders(spans)
    if not holders:
        return []
    roled = {name for _, name, _ in holders}
    # (first token, canonical name) of each mention of a person.
    people = [(span.start, m.name) for m, span in spans if m.label == "PERSON"]
    covered = {i for _, span in spans for i in range(span.start, span.end)}
    out: list[tuple[EntityMention, str]] = []
    for i, first, words in found:
        if i in covered:
            continue
        who = {
            name
            for start, name, role in holders
            if start < i and words <= role and (role & QUALIFIERS) <= words
        }
        if len(who) != 1:
            continue
        [name] = who
        # A person with no role named since ("Tony Blair ... Mr Blair's spokesman said: 'the
        # prime minister ...'") may be the one meant: the title before is no longer enough.
        last = max(k for k, n in people if n == name and k < i)
        if any(last < k < i for k, n in people if n not in roled):
            continue
        span = doc[first : i + 1]
        mention = EntityMention(
            article_id=article_id,
            name=name,
            label="PERSON",
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            sent_start=span.sent.start_char,
        )
        out.append((mention, "role"))
    return out


def _role_holders(
    spans: Sequence[tuple[EntityMention, Span]],
) -> list[tuple[int, str, frozenset[str]]]:
    """(first token, canonical name, role words) of each person the article gives a role: the
    role and qualifier words right before the name ("Prime Minister", "Vice President"), or the
    role noun in apposition with it and that noun's modifiers ("Sisi, the Egyptian
    president"). ``spans``: the article's mentions with their tokens."""
    out = []
    for m, span in spans:
        if m.label != "PERSON":
            continue
        doc = span.doc
        role: set[str] = set()
        j = span.start - 1
        while j >= 0 and doc[j].lower_.rstrip(".") in TITLE_RUN_WORDS:
            role.add(doc[j].lower_.rstrip("."))
            j -= 1
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        for noun in nouns:
            if noun.lemma_.lower() in ROLE_WORDS and not (span.start <= noun.i < span.end):
                role.add(noun.lemma_.lower())
                role.update(c.lower_ for c in noun.children if c.dep_ in ("amod", "compound"))
        if role & ROLE_WORDS:
            out.append((span.start, m.name, frozenset(role)))
    return out


def untagged_names(
    doc: Doc, *, article_id: str, mentions: Sequence[EntityMention]
) -> list[EntityMention]:
    """The untagged names of :func:`untagged_with_rules`, without the rules."""
    return [m for m, _ in untagged_with_rules(doc, article_id=article_id, mentions=mentions)]


def untagged_with_rules(
    doc: Doc, *, article_id: str, mentions: Sequence[EntityMention]
) -> list[tuple[EntityMention, str]]:
    """Each untagged name with the rule that made it one (``title``, ``surname``, ``subject``,
    ``owner``, ``object``, ``appos``, ``conj``: :func:`_name`), for the targets report (bench/attitude_targets_report).
    Runs of proper nouns outside every mention whose head is a clause participant
    (:data:`PARTICIPANT_DEPS`), written in title case (an all-capitals run is a transcript's
    speaker label or a heading: "AMY GOODMAN:", "SEE ALSO"), shaped like a person's name
    (:func:`_name`) and not junk (months, days, pronouns, page furniture:
    :func:`analysis.entities.rules.is_junk`)."""
    # Tokens of every mention, and of the article's persons and of the names found here: a run
    # coordinated with one of them ("Wray and Rosenstein") is a person too.
    covered: set[int] = set()
    persons: set[int] = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
            if m.label == "PERSON":
                persons.update(range(span.start, span.end))
    surnames = _surnames(mentions)
    out: list[tuple[EntityMention, str]] = []
    # Proper-noun positions from the token array (a Token object per word is the slow part).
    pos, alpha, lower, upper = doc.to_array([POS, IS_ALPHA, IS_LOWER, IS_UPPER]).T
    at = [i for i in (pos == PROPN).nonzero()[0].tolist() if i not in covered]
    k = 0
    while k < len(at):
        j = k + 1
        while j < len(at) and at[j] == at[j - 1] + 1:
            j += 1
        run = doc[at[k] : at[j - 1] + 1]
        k = j
        found = _name(run, surnames, persons)
        if found is None:
            continue
        out.append(_mention(run, found, article_id, surnames))
        persons.update(range(run.start, run.end))
    # Capitalised words parsed as common nouns ("Pence/NOUN", "Foval/NOUN"): one word at a time,
    # away from the proper-noun runs (a run's own words are judged with it).
    propn = set(at)
    mixed = (pos == NOUN) & (alpha == 1) & (lower == 0) & (upper == 0)
    for i in mixed.nonzero()[0].tolist():
        if i in covered or i - 1 in propn or i + 1 in propn or not doc[i].text[:1].isupper():
            continue
        run = doc[i : i + 1]
        found = _noun_name(run, surnames, persons)
        if found is None:
            continue
        out.append(_mention(run, found, article_id, surnames))
        persons.add(i)
    return sorted(out, key=lambda pair: pair[0].start)


def _mention(
    run: Span, found: tuple[str, str], article_id: str, surnames: dict[str, str]
) -> tuple[EntityMention, str]:
    """The untagged name ``run`` as a mention, with the rule that made it one."""
    canonical, rule = found
    return (
        EntityMention(
            article_id=article_id,
            name=canonical,
            # Not stored (an attitude keeps the name only); unknown unless a person's surname.
            label="PERSON" if canonical in surnames.values() else "",
            text=run.text,
            start=run.start_char,
            end=run.end_char,
            sent_start=run.sent.start_char,
        ),
        rule,
    )


def _name(run: Span, surnames: dict[str, str], persons: set[int]) -> tuple[str, str] | None:
    """The name a run of proper nouns gives and the rule that says so, or None when it is no
    participant or not shaped like a name. The small model leaves untagged many capitalised words that name nobody
    ("Executive", "Christmas", "Green Paper"), so only these shapes are trusted: a title and a
    name ("Mr Cable", "Senator Yates": the name without its title); the surname of a person the
    article names ("Smith" after "John Smith": that person's full name); and, for a run that is
    not all common words (:func:`common_words`), a syntax that says it is someone
    (:func:`_someone`). ``persons``: the tokens of the article's persons so far."""
    if run.root.dep_ not in PARTICIPANT_DEPS:
        return None
    words = [t for t in run if t.is_alpha]
    if not words or not all(t.text[:1].isupper() and not t.text.isupper() for t in words):
        return None
    titled = 0
    while titled < len(words) and words[titled].lower_.rstrip(".") in TITLES:
        titled += 1
    rest = words[titled:]
    if not rest:
        return None  # a title alone ("the Prime Minister"): a role, not a name
    name = run.doc[rest[0].i : run.end].text.strip()
    if not name[:1].isupper() or rules.is_junk(name):
        return None  # "of Wales" left by "Prince of Wales"
    key = rules.name_key(name)
    if key and key[-1] in surnames:
        return surnames[key[-1]], "surname"
    if titled:
        return name, "title"
    common = common_words()
    if len(rest) > MAX_WORDS or all(t.lower_ in common or t.lemma_.lower() in common for t in rest):
        return None
    if any(t.lower_.endswith(NOUN_SUFFIXES) or t.lower_ in APPOSITION_ROLES for t in rest):
        return None  # a common noun or a role in capitals: "Bombing", "Regional Coordinator"
    if _headline(run.sent):
        return None
    rule = _someone(run, persons)
    return (name, rule) if rule else None


def _noun_name(run: Span, surnames: dict[str, str], persons: set[int]) -> tuple[str, str] | None:
    """:func:`_name` for one capitalised word the parser takes for a common noun, which needs
    more than a proper noun does: a word the lemmatiser leaves whole (a plural, "Prosecutors",
    "Rockets", "MEPs", is a common noun or a crowd), not a common word even as a surname (the
    surname of a mistagged "person" such as "Assad Airstrikes"), and, at the start of its
    sentence, where every word is capitalised, only the surname of a person the article names
    ("Footage posted ..." is no one's doing; nor is "Footage the observatory said was filmed
    ...", which the parser reads as the subject of "said": tried on real news, the only word
    a first-word subject rule added was that one)."""
    token = run[0]
    if token.lemma_.lower() != token.lower_ or token.lower_ in common_words():
        return None
    found = _name(run, surnames, persons)
    if found is not None and found[1] != "surname" and _first_word(token):
        return None
    return found


def _first_word(token) -> bool:
    """Whether ``token`` is the first word of its sentence (opening quotes and brackets aside:
    '"Delivery of the benefits ...' capitalises "Delivery" too)."""
    sent = token.sent
    return all(not t.is_alpha for t in token.doc[sent.start : token.i])


def _someone(run: Span, persons: set[int]) -> str | None:
    """The rule by which the run's place in its clause says it is a person or a group, if one
    does: the subject of a speech verb or a deliberate act (:data:`DOER_VERBS`: "Hekmatyar
    blamed ..."; not "Rockets hit ..."), the possessor of a noun ("Comey's letter": ``owner``),
    the object of a verb done to people (:data:`PATIENT_VERBS`: "indicted Yates") or of "said
    of" (``object``), in apposition with a role noun
    ("Pistole, the TSA administrator"; "the lawyer, Hester"), or coordinated with a person
    ("Wray and Rosenstein", "Trump and Cohen")."""
    root = run.root
    head = root.head
    if root.dep_ in SUBJECT_DEPS and head.pos_ == "VERB" and head.lemma_.lower() in DOER_VERBS:
        return "subject"
    # A name owns without an article: "Comey's letter", not "the Hitchhiker's Guide".
    # Owning a proper noun is mostly the parse of a list ("illnesses like Parkinson's, Multiple
    # Sclerosis"), and an eponym's disease names no one ("Alzheimer's disease").
    if (
        root.dep_ == "poss"
        and root.tag_ not in ("NNPS", "NNS")  # "the Actors' Equity": a body's name, a plural
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in EPONYM_NOUNS
        and not any(c.dep_ == "det" for c in root.children)
    ):
        return "owner"
    if root.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in PATIENT_VERBS:
        return "object"
    if (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in ABOUT_VERBS
    ):
        return "object"
    if root.dep_ == "appos" and head.lemma_.lower() in APPOSITION_ROLES:
        return "appos"
    if any(c.dep_ == "appos" and c.lemma_.lower() in APPOSITION_ROLES for c in root.children):
        return "appos"
    if root.dep_ == "conj" and head.i in persons:
        return "conj"
    return None


def _headline(sent: Span) -> bool:
    """Whether ``sent`` is written in title case, as headlines are (its first word, capitalised
    in any sentence, aside)."""
    words = [t for t in sent if t.is_alpha][1:]
    capitalised = sum(t.text[:1].isupper() for t in words)
    return len(words) >= 3 and capitalised >= HEADLINE_SHARE * len(words)


@functools.cache
def common_words() -> frozenset[str]:
    """Lower-case words at least :data:`COMMON_COUNT` times in TextBlob's word-frequency list
    (``textblob/en/en-spelling.txt``, which TextBlob's spelling corrector reads): the common
    English words that a capitalised word can be without naming anyone."""
    # Found without importing TextBlob (its __init__ imports NLTK: analysis.sentiment says why).
    spec = importlib.util.find_spec("textblob")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("No module named 'textblob'", name="textblob")
    path = Path(spec.origin).parent / "en" / "en-spelling.txt"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if count.isdigit() and int(count) >= COMMON_COUNT:
            out.add(word.lower())
    return frozenset(out)


def _surnames(mentions: Sequence[EntityMention]) -> dict[str, str]:
    """Folded surname → the longest full name of a person mentioned in the article."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.label != "PERSON":
            continue
        key = rules.name_key(m.name)
        if key and len(m.name.split()) > len(out.get(key[-1], "").split()):
            out[key[-1]] = m.name
    return out
