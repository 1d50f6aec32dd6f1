"""Who speaks: the subject of a speech verb, one rule for quotes and for the figures' claimants.

A speech verb's speaker is its subject ("Kerry said"), an inverted subject after it ("…,” said an
SDF spokesman, Talal Sello"), or the subject of the speech verb or sentence root it hangs off
("Johnson added … and said:", "…, saying that …"); a passive subject is never a speaker ("it was
reported", "he was told"). The quote extractor (:mod:`analysis.quotes`) and the figure extractor
(:mod:`analysis.figures`, who claims a number) both ask :func:`subject`; the figure extractor adds
its own last resorts for verbs that are not speech (who holds a territory).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from analysis import lexicon

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
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not (
            child.dep_ == "nsubjpass" or child.lower_ in ("it", "there")
        ):
            return child
        if child.dep_ == "nsubjpass":
            return None  # "it was reported", "he was told": not a speaker
    # Inverted order ("…,” said an SDF spokesman, Talal Sello"; "where, said the UN envoy X,").
    inverted = inverted_subject(verb)
    if inverted is not None:
        return inverted
    # "Johnson added … and said:", "…, saying that …": the subject of the verb it hangs off.
    # Only a speech verb or the sentence root lends its subject, so that "X said the soldiers
    # would be … and claimed …" gives X, not "the soldiers".
    head = verb
    for _ in range(3):
        if head.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or head.head is head:
            break
        head = head.head
        if head.lemma_.lower() in SPEECH_VERBS or head.dep_ == "ROOT":
            for child in head.children:
                if child.dep_ == "nsubj":
                    return child
    return None


def inverted_subject(verb: Token) -> Token | None:
    """The noun phrase right after the verb, up to a comma: its name, else its last noun."""
    if verb.lemma_.lower() == "tell":
        return None  # "… told Reuters": whom one tells is never who speaks
    doc = verb.doc
    i, nouns = verb.i + 1, []
    while (
        i < len(doc) and i <= verb.i + 8 and doc[i].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PRON")
    ):
        if doc[i].pos_ == "PRON" and doc[i].dep_ != "poss":
            break
        nouns.append(doc[i])
        i += 1
    if not nouns or not any(t.pos_ in ("PROPN", "NOUN") for t in nouns):
        return None
    # "… and said repairs had begun": the phrase runs on into the clause the verb reports and is
    # that clause's subject. (Set off by a comma it is the speaker: "where, said the UN envoy
    # X, 100,000 remained" — the parser makes X the subject of "remained" there too.)
    # Right after a quotation ("…” said X a doctor at the clinic") what follows is the speaker.
    after_quote = verb.i > 0 and doc[verb.i - 1].is_quote
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
