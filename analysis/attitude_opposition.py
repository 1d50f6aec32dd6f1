"""Whether an attitude's target is opposed by the word that governs it: "the fight *against* X".

In war and politics news a name is often the object of an effort against it — "the fight against
ISIS", "strikes on Islamic State positions", "accused Yates of …", "recaptured Palmyra from
Daesh" — and the sentence's sentiment words then describe that effort ("a *successful* fight",
"*welcomed* the strikes", "*liberated*"): scored as they stand, they make the attitude toward X
positive, the opposite of what the sentence says of X. :func:`governor` finds the word by which
the parse puts the target on the opposed side — a preposition of opposition ("against"), the
"on" of an attack noun, the object of a verb of attack or blame, the "from" of a verb of taking
back — and the learned scorer (:mod:`analysis.attitude_model`) gets it as a feature, beside the
clause's lexicon scores turned by it, so the fit on NewsMTSC train decides what it is worth.
The word lists are lexicon files (``opposition_*``), each saying why its words are there.
"""

from __future__ import annotations

from analysis import attitude_parse, lexicon

PREPOSITIONS = lexicon.words("opposition_prepositions")
NOUNS = lexicon.words("opposition_nouns")
VERBS = lexicon.words("opposition_verbs")
FROM_VERBS = lexicon.words("opposition_from_verbs")
# The prepositions that follow an attack noun (:data:`NOUNS`): "war on X", "raids upon X".
ON = frozenset({"on", "upon"})
# A name that modifies a noun stands on that noun's side: "strikes on [Islamic State positions]",
# "the campaign against [ISIS's fighters]"; one step up, never further ("positions of the
# army of X" is too far to say whose side X is on).
OWNER_DEPS = frozenset({"compound", "poss", "nmod"})
NOMINAL = frozenset({"NOUN", "PROPN"})
# The object roles of a verb: its direct object, or the subject of its passive.
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


def governor(parse: attitude_parse.Parse, root: int) -> str | None:
    """The word (lower case) that puts the mention headed by token ``root`` on the opposed side,
    or None: "against" in "the fight against X"; the attack noun of "strikes on X"; the verb of
    "accused X", "X was defeated"; the verb of "recaptured Palmyra from X". A conjunct counts
    as its first conjunct ("against ISIS and Nusra")."""
    head, dep, pos = parse.head, parse.dep, parse.pos
    i = root
    # "against ISIS and [Nusra]": the conjunct's role is the first conjunct's.
    while dep[i] == "conj" and head[i] != i and pos[head[i]] in NOMINAL:
        i = head[i]
    if dep[i] in OWNER_DEPS and head[i] != i and pos[head[i]] == "NOUN":
        i = head[i]
        while dep[i] == "conj" and head[i] != i and pos[head[i]] in NOMINAL:
            i = head[i]
    up = head[i]
    if up == i:
        return None
    if dep[i] == "pobj":
        word = parse.lower[up]
        if word in PREPOSITIONS:
            return word
        above = head[up]
        if above == up:
            return None
        if word in ON and pos[above] == "NOUN" and parse.lemma[above] in NOUNS:
            return parse.lemma[above]
        if word == "from" and pos[above] == "VERB" and parse.lemma[above] in FROM_VERBS:
            return parse.lemma[above]
        return None
    if dep[i] in OBJECT_DEPS and pos[up] == "VERB" and parse.lemma[up] in VERBS:
        return parse.lemma[up]
    return None
