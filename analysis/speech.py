"""Who speaks: the subject of a speech verb, one rule for quotes and for the figures' claimants.

A speech verb's speaker is its subject ("Kerry said"), an inverted subject after it ("…,” said an
SDF spokesman, Talal Sello"), or the subject of the speech verb or sentence root it hangs off
("Johnson added … and said:", "…, saying that …"); a passive subject is never a speaker ("it was
reported", "he was told"), nor a day ("… said Saturday"). A clause run into its cue with its
commas lost gives the verb several subjects: the one nearest it speaks, or the name a description
nearest it stands in apposition to (:func:`_nearest_subject`). The quote extractor
(:mod:`analysis.quotes`) and the figure extractor (:mod:`analysis.figures`, who claims a number)
both ask :func:`subject`; the figure extractor adds its own last resorts for verbs that are not
speech (who holds a territory).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from analysis import lexicon
from analysis.names import TIME_WORDS

SPEECH_VERBS = lexicon.words("speech_verbs")
# The entity labels that can name a speaker.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NEWS_AGENCIES = lexicon.words("news_agencies")
# Heads of a phrase that report for the outlet before them ("a SANA reporter said", "an AFP
# correspondent said"): the words, and the figures, are the outlet's report, as a statement's are
# its issuer's, so quotes and claims of one outlet are counted together whichever of its
# reporters gives them (:func:`agency_named` finds the outlet when the model tags none).
PRESS_NOUNS = frozenset({"reporter", "correspondent", "journalist", "photographer"})


def agency_named(word: str) -> str | None:
    """The news agency ``word`` names, also as a possessive whose apostrophe an export lost
    ("SANAs correspondent"), else None."""
    if word in NEWS_AGENCIES:
        return word
    for ending in ("’s", "'s", "s"):
        if word.endswith(ending) and word[: -len(ending)] in NEWS_AGENCIES:
            return word[: -len(ending)]
    return None


def is_time(token: Token) -> bool:
    """Whether ``token`` is a time expression ("said Saturday", "a day earlier"): a date or a
    time to the model, or a day, month or time word. A day is never a speaker."""
    return token.ent_type_ in ("DATE", "TIME") or token.lower_ in TIME_WORDS


def entity_of(token: Token) -> Span | None:
    """The entity span ``token`` is part of, found from its IOB tags (``doc.ents`` builds every
    entity of the article on each access, which made this linear in article length)."""
    if token.ent_type_ not in SPEAKER_LABELS:
        return None
    doc = token.doc
    lo = token.i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = token.i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return Span(doc, lo, hi, label=token.ent_type)


def subject(verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, an inverted one, or its head's subject."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "it was reported", "he was told": not a speaker
    subjects = [
        c
        for c in verb.children
        if c.dep_ == "nsubj" and c.lower_ not in ("it", "there") and c.pos_ != "PUNCT"
    ]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        after = [c for c in subjects if c.i > verb.i]
        if before and after and verb.i > 0 and verb.nbor(-1).text == ",":
            # "…, in particular the UK, France and Spain, said the report": after a comma the
            # verb is inverted, and the words before it the parse also made its subject are
            # the end of what was said
            return after[0]
        return _nearest_subject(before) if before else subjects[0]
    for clause in verb.children:
        # "The France based Kell Institute … said": the place's "based" parsed as a clause
        # before the verb, its subject the place (see _place_based_name)
        if clause.dep_ in ("csubj", "ccomp") and clause.i < verb.i:
            based = _place_based_name(clause)
            if based is not None:
                return based
    lost = _lost_subject(verb)
    if lost is not None:
        return lost
    # Inverted order ("…,” said an SDF spokesman, Talal Sello"; "where, said the UN envoy X,").
    inverted = inverted_subject(verb)
    if inverted is not None:
        return inverted
    # "Johnson added … and said:", "…, saying that …": the subject of the verb it hangs off.
    # Only a speech verb or the sentence root lends its subject, so that "X said the soldiers
    # would be … and claimed …" gives X, not "the soldiers".
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        # "Smith is quoted as saying …": the passive's subject speaks
        for child in verb.head.head.children:
            if child.dep_ == "nsubjpass":
                return child
    elif verb.dep_ == "pcomp":
        by_saying = _clause_subject_of_prep(verb.head)
        if by_saying is not None:
            return by_saying
    head = verb
    for _ in range(3):
        if head.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or head.head is head:
            break
        # the subject of a passive a verb complements speaks too: "a reporter can be heard
        # asking …", "he was seen saying …"
        deps = ("nsubj", "nsubjpass") if head.dep_ == "xcomp" else ("nsubj",)
        head = head.head
        based = _place_based_name(head)
        if based is not None:
            return based
        if head.lemma_.lower() in SPEECH_VERBS or head.dep_ == "ROOT":
            for child in head.children:
                # "It is hard to say …", "there is no telling …": no one speaks ("It joined
                # the lawsuit, claiming …" is the plaintiff)
                if child.dep_ in deps and not (
                    child.lower_ in ("it", "there") and head.lemma_ == "be"
                ):
                    return child
    return None


def _place_based_name(verb: Token) -> Token | None:
    """The name after a place's "based" that the parse made a verb, its place the subject and
    the name its object ("The UK based Syrian Observatory for Human Rights … said …" parsed
    "UK based Observatory" as a clause, and "said" lent its subject, the UK): the name is the
    one that speaks. None for any other verb, and for a "based" with a subject of its own
    further back ("The group based its claim on …")."""
    if verb.lower_ != "based":
        return None
    place = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    name = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if place is None or name is None or place.right_edge.i != verb.i - 1:
        return None
    if place.ent_type_ not in ("GPE", "LOC") or not _is_name(name):
        return None
    return name


# Prepositions before a gerund whose subject is the clause's: "He answered by saying …", "She
# began with telling …", "After saying …, she left", "He was criticised for saying …". Not
# "in": "Flynn says Trump ‘absolutely right’ in saying …" (a headline without its "is") hangs
# "in saying" off "says", and the one right in saying it is Trump; nor "without": "without
# saying who was responsible" says nothing.
GERUND_PREPOSITIONS = frozenset({"by", "after", "before", "for", "from", "with", "upon", "since"})


def _clause_subject_of_prep(prep: Token) -> Token | None:
    """The subject of the verb a preposition governing a speech gerund hangs off: "Dean began
    by saying …" (Dean), "After saying her foot was swollen, she was whisked off" (she, a
    passive's subject too: she is who said it), "criticised for saying …" (whoever was); None
    when the preposition hangs off a noun ("his role in saying") or its verb has no subject."""
    if prep.dep_ != "prep" or prep.lower_ not in GERUND_PREPOSITIONS:
        return None
    head = prep.head
    if head.pos_ not in ("VERB", "AUX") or head is prep:
        return None
    deps = ("nsubj",) if prep.lower_ == "by" else ("nsubj", "nsubjpass")
    # "Dean appeared on MSNBC and began by saying …": a coordinated verb's subject is the
    # first verb's
    for verb in (head, head.head) if head.dep_ == "conj" else (head,):
        for child in verb.children:
            if child.dep_ in deps and child.lower_ not in ("it", "there"):
                return child
    return None


def _nearest_subject(subjects: list[Token]) -> Token:
    """The speaker among the subjects the parse gave a verb before it. A clause run into its
    cue with its commas lost gives the verb two: "… 48 people killed … a monitoring group said
    Saturday", "Date of publication 3 October 2017 The Islamic State group claims …",
    "Vice-president of the Syrian Coalition X said": the one nearest the verb speaks. But a
    name followed at once by a description, or by a second name set off by a comma or a
    bracket, is one subject in apposition ("The Local Coordination Committees[,] an activist
    collective said", "Colin Asplin, Blackpool Hotel Association said", "the Syrian
    Observatory for Human Rights [SOHR] said"): the name speaks."""
    # The end of a name begun inside an earlier subject's phrase is no subject of its own:
    # "Russia a key ally of Syrias Bashar al-Assad has called" gave "Assad" to the verb too.
    subjects = [s for s in subjects if not _name_ending(s, subjects)]
    nearest = subjects[-1]
    if len(subjects) > 1:
        prev = subjects[-2]
        gap = nearest.doc[prev.right_edge.i + 1 : nearest.left_edge.i]
        # a name right after a noun ending the first phrase is that noun's: "Lavrov speaking
        # … with his German counterpart Frank-Walter Steinmeier said"
        after_noun = nearest.doc[prev.right_edge.i].pos_ == "NOUN"
        # (not across a quotation mark: in '"Rebels attacked the base" the Britain-based
        # Observatory said' the first "subject" is a word of the quotation, and the quote went
        # to the place before the monitor's name)
        if (
            _is_name(prev)
            and all(t.is_punct and not t.is_quote for t in gap)
            and (gap or after_noun or not _is_name(nearest))
        ):
            return prev
    return nearest


def _name_ending(token: Token, subjects: list[Token]) -> bool:
    """Whether ``token`` ends a name the parse split off another of ``subjects``' phrases: a
    name begun inside that phrase or right after it ("opponents of Syrian President | Bashar
    al-Assad said" gave "said" the subjects "opponents" and "Assad")."""
    ent = entity_of(token)
    if ent is None or ent.start >= token.left_edge.i:
        return False
    for other in subjects:
        if other is token:
            continue
        if other.left_edge.i <= ent.start <= other.right_edge.i:
            return True
        # right after a phrase ending in an "of" object (not "Local activist | Amir al-Huwaidi")
        last = other.doc[other.right_edge.i]
        if (
            ent.start == last.i + 1
            and last.i > other.i
            and (last.dep_ == "pobj" or last.head.dep_ == "pobj")
        ):
            return True
    return False


def _is_name(token: Token) -> bool:
    """A proper noun or a token of a speaker-labelled entity."""
    return token.pos_ == "PROPN" or token.ent_type_ in SPEAKER_LABELS


def _lost_subject(verb: Token) -> Token | None:
    """The noun right before a coordinated verb (past its auxiliaries and negation) that the
    parse did not make its subject: "… 160 civilians were killed whilst an international
    coalition source did not deny that …" hung "deny" off "killed" with "source" as the object
    of "whilst", and the subject lent from "said" made the agency that gave the toll deny it.
    (After "and" nothing is lost: "X said the soldiers would be … and claimed …" is X's.)"""
    if verb.dep_ != "conj" or verb.tag_ == "VBG":
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("AUX", "PART", "ADV"):
        i -= 1
    if i < 0 or verb.doc[i].pos_ not in ("NOUN", "PROPN") or verb.doc[i].head.i == verb.head.i:
        return None
    # up to the head of the phrase the noun ends: "Experts and officials say", "an opposition
    # media activist in the nearby town of Aqrab said"
    noun = verb.doc[i]
    while True:
        if noun.dep_ == "conj":
            up = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            up = noun.head.head
        else:
            break
        if up.pos_ not in ("NOUN", "PROPN") or up.i >= noun.i:
            break
        noun = up
    if noun.dep_ == "dobj" and noun.head.i == verb.head.i:
        return None  # the object of the verb it is coordinated with: that verb's subject speaks
    if noun.dep_ != "pobj":
        return noun
    # A phrase ending in a preposition's object is the end of the clause before ("relies on
    # … for its information says …"), unless a clause of its own opens with it ("… whilst
    # an international coalition source did not deny …").
    edge = noun.left_edge.i
    opener = [verb.doc[j].lower_ for j in (edge, edge - 1) if j >= 0]
    return noun if any(w in CLAUSE_OPENERS for w in opener) else None


# Words that open a clause of its own, with its own subject.
CLAUSE_OPENERS = frozenset({"while", "whilst", "whereas", "but", "although", "though"})


def inverted_subject(verb: Token) -> Token | None:
    """The noun phrase right after the verb, up to a comma: its name, else its last noun."""
    if verb.lemma_.lower() == "tell":
        return None  # "… told Reuters": whom one tells is never who speaks
    if verb.tag_ == "VBG":
        # "Keys said she was “very excited”, describing Charles as …": a participle is never
        # inverted; the name after it is its object (the speaker is the subject it hangs off)
        return None
    doc = verb.doc
    i, nouns = verb.i + 1, []
    while (
        i < len(doc) and i <= verb.i + 8 and doc[i].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PRON")
    ):
        if doc[i].pos_ == "PRON" and doc[i].dep_ != "poss" or is_time(doc[i]):
            break  # "… said Saturday": when, not who
        nouns.append(doc[i])
        i += 1
    if not nouns or not any(t.pos_ in ("PROPN", "NOUN") for t in nouns):
        return None
    # "… and said repairs had begun": the phrase runs on into the clause the verb reports and is
    # that clause's subject. (Set off by a comma it is the speaker: "where, said the UN envoy
    # X, 100,000 remained" — the parser makes X the subject of "remained" there too.)
    # Right after a quotation ("…” said X a doctor at the clinic") what follows is the speaker.
    after_quote = verb.i > 0 and doc[verb.i - 1].is_quote
    if verb.lemma_.lower() == "ask" and not after_quote:
        # "a reporter can be heard asking Trump after the event": whom one asks is not who
        # speaks, unless the name comes right after a quotation ("“Why?” asked Trump.")
        return None
    runs_on = i < len(doc) and not doc[i].is_punct and not after_quote
    if runs_on and any(_reported_subject(t, verb) for t in nouns):
        return None
    if (
        verb.i > 0
        and doc[verb.i - 1].pos_ in ("NOUN", "PROPN", "PRON")
        and doc[verb.i - 1].dep_ != "dobj"
    ):
        return None  # "Kerry said the …": the subject is before, what follows is the clause
    for t in nouns:
        ent = entity_of(t)
        if ent is not None and ent.label_ == "PERSON":
            return ent.root
    return [t for t in nouns if t.pos_ in ("PROPN", "NOUN")][-1]


def _reported_subject(token: Token, verb: Token) -> bool:
    """Is ``token`` the subject of the clause ``verb`` reports (its ccomp)?"""
    clause = token.head
    return (
        token.dep_ in ("nsubj", "nsubjpass")
        and clause.i != verb.i
        and clause.dep_ == "ccomp"
        and clause.head.i == verb.i
    )
