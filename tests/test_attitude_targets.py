"""Who attitudes are toward beyond tagged names — pronouns resolved to the person named before
them, untagged titled names — and the news lexicon that scores words general lexicons miss; on
sentences of our own (through the batch function ``presslens analyze`` runs) and hand-built
parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from analysis import attitude_targets, attitudes, lexicon
from analysis.pipeline import analyse_batch
from analysis.records import Article, ArticleResult, EntityMention
from bench.eval_sentiment import offsets

SCORERS = ("textblob", "vader")
PRONOUNS = lexicon.words("referring_pronouns")


def analyse(nlp, text: str) -> ArticleResult:
    [result] = analyse_batch([Article(id="t", title="", text=text)], nlp)
    assert isinstance(result, ArticleResult), result
    return result


@pytest.mark.parametrize("scorer", SCORERS)
def test_a_resolved_pronoun_is_a_target_under_its_persons_name(nlp, scorer):
    text = "John Smith arrived in Leeds on Monday. Prosecutors accused him of fraud."
    result = analyse(nlp, text)
    [him] = [a for a in result.attitudes if a.scorer == scorer and a.target_start > 40]
    assert him.target == "John Smith" and text[him.target_start : him.target_end] == "him"
    assert him.label == "negative"


def test_an_unresolved_pronoun_is_no_target(nlp):
    # A first sentence has no antecedent: nothing says who "he" is, so no attitude is stored.
    result = analyse(nlp, "He was accused of fraud and resigned in disgrace.")
    assert result.attitudes == ()


@pytest.mark.parametrize(
    ("text", "pronoun", "person"),
    [
        # A lede's fronted clause: the pronoun is the subject the clause leads up to.
        (
            "Before he announced the endorsement, Mike Pence praised the governor.",
            "he",
            "Mike Pence",
        ),
        (
            "Despite her assurances, Loretta Lynch was criticised by senators.",
            "her",
            "Loretta Lynch",
        ),
    ],
)
def test_a_pronoun_in_a_fronted_clause_is_the_subject_that_follows(nlp, text, pronoun, person):
    result = analyse(nlp, text)
    found = {a.target for a in result.attitudes if text[a.target_start : a.target_end] == pronoun}
    assert found == {person}


def test_a_pronoun_after_a_named_person_keeps_that_person(nlp):
    # With someone named before it, the pronoun is theirs, not the next subject's.
    text = "John Smith led the party for a decade. After he resigned, Peter Jones took over."
    result = analyse(nlp, text)
    he = text.index(" he ") + 1
    assert {a.target for a in result.attitudes if a.target_start == he} == {"John Smith"}


def test_a_fronted_clause_before_a_subject_that_is_no_person_resolves_nothing(nlp):
    result = analyse(nlp, "When he arrived in Berlin, the talks began with Angela Merkel.")
    assert {a.target for a in result.attitudes} == {"Berlin", "Angela Merkel"}


def test_no_pronoun_reaches_the_targets(nlp, sample_article):
    [result] = analyse_batch([sample_article], nlp)
    text = sample_article.text
    spans = {text[a.target_start : a.target_end].lower() for a in result.attitudes}
    assert spans & PRONOUNS  # the sample's "he"/"his" about Kerry are targets ...
    assert not {a.target.lower() for a in result.attitudes} & PRONOUNS  # ... under his name
    kerry = [a for a in result.attitudes if a.target == "John Kerry"]
    assert any(text[a.target_start : a.target_end].lower() in PRONOUNS for a in kerry)


@pytest.mark.parametrize("scorer", SCORERS)
def test_news_words_the_general_lexicons_miss_carry_the_attitude(nlp, scorer):
    result = analyse(nlp, "Prosecutors indicted Mary Jones after the allegations.")
    [att] = [a for a in result.attitudes if a.scorer == scorer and a.target == "Mary Jones"]
    assert att.label == "negative"


def _doc(words, heads, deps, pos, lemmas=None) -> Doc:
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas or [w.lower() for w in words],
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def test_news_score_reads_lemmas_and_is_bounded():
    doc = _doc(
        ["Smith", "was", "indicted", "after", "allegations", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
        ["Smith", "be", "indict", "after", "allegation", "."],
    )
    tokens = list(doc)
    score = attitudes.news_score(tokens)
    assert -1 < score < -0.5  # two strongly negative lemmas, normalised
    assert attitudes.news_score(tokens[:2]) == 0.0  # no lexicon word
    assert all(-4 <= v <= 4 for v in attitudes.NEWS_VALENCES.values())
    assert any("fit_news_lexicon" in line for line in lexicon.header("news_sentiment"))


def _untagged(words, heads, deps, pos, mentions=()) -> list[str]:
    doc = _doc(words, heads, deps, pos)
    return [
        (m.name, m.text)
        for m in attitude_targets.untagged_names(doc, article_id="a", mentions=mentions)
    ]


@pytest.mark.parametrize(
    "words, heads, deps, pos, expected",
    [
        # A title and a name: the name, without its title.
        (["Mr", "Cable", "resigned", "."], [1, 2, 2, 2], ["compound", "nsubj", "ROOT", "punct"],
         ["PROPN", "PROPN", "VERB", "PUNCT"], [("Cable", "Mr Cable")]),
        # A lone capitalised word names nobody we can trust ("Executive", "Christmas").
        (["Executive", "resigned", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"],
         ["PROPN", "VERB", "PUNCT"], []),
        # A title alone is a role, not a name.
        (["Prime", "Minister", "resigned", "."], [1, 2, 2, 2], ["compound", "nsubj", "ROOT", "punct"],
         ["PROPN", "PROPN", "VERB", "PUNCT"], []),
        # All capitals: a transcript's speaker label or a heading.
        (["MR", "GOODMAN", "resigned", "."], [1, 2, 2, 2], ["compound", "nsubj", "ROOT", "punct"],
         ["PROPN", "PROPN", "VERB", "PUNCT"], []),
        # Not a participant of the clause: a modifier ("the Cable vote").
        (["the", "Mr", "Cable", "vote", "failed", "."], [3, 2, 3, 4, 4, 4],
         ["det", "compound", "compound", "nsubj", "ROOT", "punct"],
         ["DET", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT"], []),
    ],
)  # fmt: skip
def test_untagged_names_only_in_the_shapes_of_a_name(words, heads, deps, pos, expected):
    assert _untagged(words, heads, deps, pos) == expected


def _untagged_rules(words, heads, deps, pos, lemmas, mentions=()) -> list[tuple[str, str]]:
    doc = _doc(words, heads, deps, pos, lemmas)
    found = attitude_targets.untagged_with_rules(doc, article_id="a", mentions=mentions)
    return [(m.name, rule) for m, rule in found]


@pytest.mark.parametrize(
    "words, heads, deps, pos, lemmas, expected",
    [
        # The doer of a deliberate act or of speech is someone.
        (["Hekmatyar", "blamed", "the", "government", "."], [1, 1, 3, 1, 1],
         ["nsubj", "ROOT", "det", "dobj", "punct"], ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
         ["Hekmatyar", "blame", "the", "government", "."], [("Hekmatyar", "subject")]),
        (["Cordes", "asked", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"],
         ["PROPN", "VERB", "PUNCT"], ["Cordes", "ask", "."], [("Cordes", "subject")]),
        # ... but a verb a thing or a crowd does says nothing: "Rockets hit", "Scores died".
        (["Katyusha", "hit", "the", "town", "."], [1, 1, 3, 1, 1],
         ["nsubj", "ROOT", "det", "dobj", "punct"], ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
         ["Katyusha", "hit", "the", "town", "."], []),
        # A common word capitalised at the start of a sentence names nobody.
        (["Police", "said", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"],
         ["PROPN", "VERB", "PUNCT"], ["Police", "say", "."], []),
        # ... nor does a word with a common noun's ending, however rare ("Bombing", "Coalition").
        (["Coalition", "said", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"],
         ["PROPN", "VERB", "PUNCT"], ["Coalition", "say", "."], []),
        # The passive subject is not the doer ("Gonzalez was hit" says nothing of who he is).
        (["Zubov", "was", "blamed", "."], [2, 2, 2, 2], ["nsubjpass", "auxpass", "ROOT", "punct"],
         ["PROPN", "AUX", "VERB", "PUNCT"], ["Zubov", "be", "blame", "."], []),
        # In apposition with a role noun, on either side.
        (["Pistole", ",", "the", "minister", ",", "left", "."], [5, 0, 3, 0, 0, 5, 5],
         ["nsubj", "punct", "det", "appos", "punct", "ROOT", "punct"],
         ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"],
         ["Pistole", ",", "the", "minister", ",", "leave", "."], [("Pistole", "appos")]),
        (["The", "lawyer", ",", "Hester", ",", "left", "."], [1, 5, 1, 1, 1, 5, 5],
         ["det", "nsubj", "punct", "appos", "punct", "ROOT", "punct"],
         ["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "VERB", "PUNCT"],
         ["the", "lawyer", ",", "Hester", ",", "leave", "."], [("Hester", "appos")]),
        # A role in capitals is a title, not a name ("Regional Coordinator, Kennedy").
        (["Coordinator", "said", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"],
         ["PROPN", "VERB", "PUNCT"], ["Coordinator", "say", "."], []),
        # A headline in title case is no evidence: its parse is a guess.
        (["Syrian", "Forces", "Foil", "Raid", "On", "Castello", "."], [1, 2, 2, 2, 3, 4, 2],
         ["amod", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
         ["ADJ", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
         ["syrian", "force", "foil", "raid", "on", "Castello", "."], []),
    ],
)  # fmt: skip
def test_an_untagged_name_is_someone_by_its_syntax(words, heads, deps, pos, lemmas, expected):
    assert _untagged_rules(words, heads, deps, pos, lemmas) == expected


@pytest.mark.parametrize(
    "words, heads, deps, pos, lemmas, expected",
    [
        # The possessor of a noun is someone ("Comey's letter") ...
        (["Comey", "'s", "letter", "angered", "them", "."], [2, 0, 3, 3, 3, 3],
         ["poss", "case", "nsubj", "ROOT", "dobj", "punct"],
         ["PROPN", "PART", "NOUN", "VERB", "PRON", "PUNCT"],
         ["Comey", "'s", "letter", "anger", "they", "."], [("Comey", "owner")]),
        # ... but not of an eponym's disease ("Alzheimer's disease") ...
        (["Alzheimer", "'s", "disease", "spread", "."], [2, 0, 3, 3, 3],
         ["poss", "case", "nsubj", "ROOT", "punct"], ["PROPN", "PART", "NOUN", "VERB", "PUNCT"],
         ["Alzheimer", "'s", "disease", "spread", "."], []),
        # ... nor with an article: the title of a work ("the Hitchhiker's Guide").
        (["They", "read", "the", "Hitchhiker", "'s", "Guide", "."], [1, 1, 3, 5, 3, 1, 1],
         ["nsubj", "ROOT", "det", "poss", "case", "dobj", "punct"],
         ["PRON", "VERB", "DET", "PROPN", "PART", "PROPN", "PUNCT"],
         ["they", "read", "the", "Hitchhiker", "'s", "Guide", "."], []),
        # The object of a verb done to people is someone ("indicted Yates") ...
        (["Prosecutors", "indicted", "Yates", "."], [1, 1, 1, 1],
         ["nsubj", "ROOT", "dobj", "punct"], ["NOUN", "VERB", "PROPN", "PUNCT"],
         ["prosecutor", "indict", "Yates", "."], [("Yates", "object")]),
        # ... but not of one done as often to places and things ("attacked Douma").
        (["Troops", "attacked", "Douma", "."], [1, 1, 1, 1],
         ["nsubj", "ROOT", "dobj", "punct"], ["NOUN", "VERB", "PROPN", "PUNCT"],
         ["troop", "attack", "Douma", "."], []),
        # Whom words are about: "said of Obama".
        (["She", "said", "of", "Obama", "that", "he", "failed", "."], [1, 1, 1, 2, 6, 6, 1, 1],
         ["nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "ccomp", "punct"],
         ["PRON", "VERB", "ADP", "PROPN", "SCONJ", "PRON", "VERB", "PUNCT"],
         ["she", "say", "of", "Obama", "that", "he", "fail", "."], [("Obama", "object")]),
        # A surname the parser takes for a common noun, inside the sentence: the same rules.
        (["Yesterday", ",", "Foval", "blamed", "them", "."], [3, 3, 3, 3, 3, 3],
         ["npadvmod", "punct", "nsubj", "ROOT", "dobj", "punct"],
         ["NOUN", "PUNCT", "NOUN", "VERB", "PRON", "PUNCT"],
         ["yesterday", ",", "foval", "blame", "they", "."], [("Foval", "subject")]),
        # ... at the start of a sentence a common noun is capitalised too: no syntax vouches.
        (["Footage", "blamed", "them", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
         ["NOUN", "VERB", "PRON", "PUNCT"], ["footage", "blame", "they", "."], []),
        # ... even after an opening quotation mark.
        (['"', "Footage", "blamed", "them", "."], [2, 2, 2, 2, 2],
         ["punct", "nsubj", "ROOT", "dobj", "punct"], ["PUNCT", "NOUN", "VERB", "PRON", "PUNCT"],
         ['"', "footage", "blame", "they", "."], []),
        # ... not even as the subject of a speech verb: "Footage the observatory said was
        # filmed ..." parses so (the one word such a rule added on 300 real articles).
        (["Footage", "said", "it", "failed", "."], [1, 1, 3, 1, 1],
         ["nsubj", "ROOT", "nsubj", "ccomp", "punct"],
         ["NOUN", "VERB", "PRON", "VERB", "PUNCT"],
         ["footage", "say", "it", "fail", "."], []),
        # ... and a plural is a crowd or a thing, never a name ("Prosecutors", "MEPs").
        (["Yesterday", ",", "Lawmakers", "blamed", "them", "."], [3, 3, 3, 3, 3, 3],
         ["npadvmod", "punct", "nsubj", "ROOT", "dobj", "punct"],
         ["NOUN", "PUNCT", "NOUN", "VERB", "PRON", "PUNCT"],
         ["yesterday", ",", "lawmaker", "blame", "they", "."], []),
    ],
)  # fmt: skip
def test_an_untagged_owner_object_or_noun_parsed_name(words, heads, deps, pos, lemmas, expected):
    assert _untagged_rules(words, heads, deps, pos, lemmas) == expected


def test_a_surname_parsed_as_a_common_noun_takes_the_articles_full_name():
    pence = EntityMention("a", "Mike Pence", "PERSON", "Mike Pence", 100, 110, 90)
    args = ([1, 1, 1], ["nsubj", "ROOT", "punct"], ["NOUN", "VERB", "PUNCT"],
            ["pence", "resign", "."])  # fmt: skip
    assert _untagged_rules(["Pence", "resigned", "."], *args, mentions=[pence]) == [
        ("Mike Pence", "surname")
    ]
    assert _untagged_rules(["Pence", "resigned", "."], *args) == []  # "pence": a common word


def test_a_name_coordinated_with_a_person_is_a_person():
    wray = EntityMention("a", "Chris Wray", "PERSON", "Wray", 13, 17, 0)
    words = ["They", "accused", "Wray", "and", "Rosenstein", "."]
    args = ([1, 1, 1, 2, 2, 1], ["nsubj", "ROOT", "dobj", "cc", "conj", "punct"],
            ["PRON", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"],
            ["they", "accuse", "Wray", "and", "Rosenstein", "."])  # fmt: skip
    assert _untagged_rules(words, *args, mentions=[wray]) == [("Rosenstein", "conj")]
    # Alone, the object of "accused" is someone, and so is the name coordinated with it ...
    assert _untagged_rules(words, *args) == [("Wray", "object"), ("Rosenstein", "conj")]
    # ... but beside no person and after a verb done to things, no evidence ("Chevrolet and
    # Suburban").
    bought = ["They", "bought", "Chevrolet", "and", "Suburban", "."]
    lemmas = ["they", "buy", "Chevrolet", "and", "Suburban", "."]
    assert _untagged_rules(bought, *args[:3], lemmas) == []


def test_an_untagged_surname_takes_the_articles_full_name():
    smith = EntityMention("a", "John Smith", "PERSON", "John Smith", 100, 110, 90)
    got = _untagged(
        ["Smith", "resigned", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"],
        ["PROPN", "VERB", "PUNCT"], mentions=[smith],
    )  # fmt: skip
    assert got == [("John Smith", "Smith")]


def test_eval_maps_targets_onto_the_cleaned_text():
    # Cleaning turns a no-break space into a space and collapses runs of spaces: the target's
    # offsets in the dataset's sentence must follow, or its attitude is never found.
    sentence = "Lauren  Gambino said\xa0Trump lied."
    cleaned = "Lauren Gambino said Trump lied."
    at = sentence.index("Trump")
    lo, hi = offsets(sentence, cleaned)(at, at + 5)
    assert cleaned[lo:hi] == "Trump"
    assert offsets(cleaned, cleaned)(0, 6) == (0, 6)


def test_a_role_description_stands_for_the_person_given_that_role(nlp):
    text = (
        "Prime Minister Theresa May met union leaders in London on Monday. "
        "Critics later accused the prime minister of betraying them."
    )
    result = analyse(nlp, text)
    at = text.index("the prime minister")
    [desc] = [a for a in result.attitudes if a.scorer == "vader" and a.target_start == at]
    assert desc.target == "Theresa May"
    assert text[desc.target_start : desc.target_end] == "the prime minister"


@pytest.mark.parametrize(
    "text",
    [
        # Nobody named before it: a one-sentence article's "the president" is no one's.
        "Critics accused the president of betraying the unions in London.",
        # Two people with that title: either could be meant.
        "President Barack Obama met President Vladimir Putin in Geneva on Monday. "
        "Critics accused the president of betraying the unions.",
        # A qualifier changes the role: the vice president is not the president.
        "Vice President Joe Biden visited Ohio on Monday. "
        "Critics accused the president of betraying the unions.",
        # A role with its own "of" phrase is another role than the one named.
        "President Barack Obama met union leaders in Ohio on Monday. "
        "Critics accused the president of the union of betraying them.",
        # Someone with no role named since may be the one meant.
        "Prime Minister Theresa May met Jeremy Corbyn in London on Monday. "
        "Jeremy Corbyn's spokesman said the prime minister was wrong.",
    ],
)
def test_a_role_description_no_single_person_holds_is_no_target(nlp, text):
    result = analyse(nlp, text)
    at = text.index("the pr")
    assert not [a for a in result.attitudes if a.target_start == at]


def test_eval_ablation_leaves_out_one_kind_of_target():
    # bench.eval_sentiment --ablate scores without each kind: the kind must really be gone, and
    # only it (a name coordinated with the dropped one keeps its own row).
    from bench.eval_sentiment import without

    words = ["They", "accused", "Wray", "and", "Rosenstein", "."]
    args = ([1, 1, 1, 2, 2, 1], ["nsubj", "ROOT", "dobj", "cc", "conj", "punct"],
            ["PRON", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"],
            ["they", "accuse", "Wray", "and", "Rosenstein", "."])  # fmt: skip
    with without(["object"]):
        assert _untagged_rules(words, *args) == [("Rosenstein", "conj")]
    assert _untagged_rules(words, *args) == [("Wray", "object"), ("Rosenstein", "conj")]


def test_class_offsets_are_the_smallest_that_score_best():
    # bench.fit_attitude_model --offsets: the negative logit must rise by more than 0.55 for the
    # first target to be negative (0.6), and not by 1.0, or the neutral ones turn negative too.
    from bench.fit_attitude_model import offsets

    logits = {0: [0.0, 0.55, 0.0], 1: [0.0, 1.0, 0.0], 2: [0.0, 1.0, 0.0]}
    f1, neg, pos = offsets(logits, ["negative", "neutral", "neutral", "neutral"])
    assert (round(f1, 3), neg, pos) == (0.667, 0.6, 0.0)  # no positive target: its F1 is 0
