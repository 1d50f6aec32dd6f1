"""Words reported at one remove: the source of an "according to" phrase (not the words of a
title: "The World According to Bex") vouches for one sentence and is no antecedent of a later
"he" over the person the paragraph is about; and a clause a speaker denies was ever said
("denied Jones made that remark") is no one's reported speech; a body's document ("Chelsea's
statement added") speaks as the body, a person's own writing ("Mr Lane's book claimed") as
the person, an unnamed spokesman for a body the phrase names ("A spokesman for NBC said") as
the body; the person after a split firm's possessive ("added Ernst and Young's Sanjay Mehta")
is the speaker. Each case is an invented passage, the words of one quote and its speaker."""

from __future__ import annotations

import pytest

from analysis import nlp as nlp_module
from tests.quote_runs import run, speakers


@pytest.fixture(scope="session")
def model():
    return nlp_module.load()


def _speaker_of(model, text: str, words: str) -> str | None:
    """The speaker of the one quote of ``text`` that holds ``words``."""
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    return found[0].speaker


SOURCES = [
    pytest.param(
        "Lord Fenwick, the minister for rail, spoke to the BBC's transport correspondent Mark "
        'Moss. Lord Fenwick said he was "deeply disappointed by the delays", but insisted the '
        'operators had "done a great deal of work". The new timetable follows a run of bad '
        "reports and, according to our correspondent, holds few surprises. Fixing the network "
        '"is like steering an oil tanker - it takes a long time", he said.',
        "steering an oil tanker",
        "Lord Fenwick",
        id="he-past-an-according-to-source-is-the-paragraph-subject",
    ),
    pytest.param(
        "The BBC's transport correspondent Mark Moss spoke to ministers. Lord Fenwick said he "
        "was disappointed by the delays. The new timetable, according to our correspondent, "
        "holds few surprises. Fixing the network would take years, he said.",
        "Fixing the network would take years",
        "Lord Fenwick",
        id="he-past-an-according-to-aside-is-the-last-speaker",
    ),
    pytest.param(
        "The BBC's political editor Nick Vane reported from Westminster. According to our "
        "correspondent, the vote will be close. He said ministers were nervous.",
        "ministers were nervous",
        "Nick Vane",
        id="he-after-a-source-with-no-one-else-is-the-source",
    ),
]


# A body's document speaks as the body ("Chelsea's statement added"); a person's possessive
# pronoun says not whose ("his statement said").
DOCUMENTS = [
    pytest.param(
        "Wrexham have sacked striker Dean Cole after he failed a drugs test.\n\nWrexham's "
        "statement said the club had acted in the interests of the game.",
        "the club had acted",
        "Wrexham",
        id="a-clubs-statement-speaks-as-the-club",
    ),
    pytest.param(
        "Dean Cole has been sacked after he failed a drugs test.\n\nHis statement said he "
        "would appeal against the decision.",
        "he would appeal",
        None,
        id="his-statement-says-not-whose",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), SOURCES)
def test_an_according_to_source_is_a_weak_antecedent(model, text, words, speaker):
    assert _speaker_of(model, text, words) == speaker


@pytest.mark.parametrize(("text", "words", "speaker"), DOCUMENTS)
def test_a_bodys_document_speaks_as_the_body(model, text, words, speaker):
    assert _speaker_of(model, text, words) == speaker


# A person's own statement or writing, named by its owner, is that person's; a writing no one
# owns ("The diary said") is no one's.
WRITINGS = [
    pytest.param(
        "Ruth Hale left the bank in March. Ms Hale's statement said she had done nothing wrong.",
        "she had done nothing wrong",
        "Ruth Hale",
        id="a-persons-statement",
    ),
    pytest.param(
        "Tom Lane wrote about the cabinet. Mr Lane's book claimed that the two men had fallen "
        "out in 2003.",
        "the two men had fallen out",
        "Tom Lane",
        id="a-persons-book",
    ),
    pytest.param(
        "The diary was found in a drawer. The diary said the meeting had been cancelled.",
        "the meeting had been cancelled",
        None,
        id="nobodys-diary",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), WRITINGS)
def test_a_persons_own_writing_speaks_as_the_person(model, text, words, speaker):
    assert _speaker_of(model, text, words) == speaker


DENIED = [
    pytest.param(
        "Ruth Kendal directly denied Paul Dent made that remark, and said the party was united.",
        "made that remark",
        id="denied-someone-made-a-remark",
    ),
    pytest.param(
        "The minister denied that Paul Dent had told her about the deal.",
        "told her",
        id="denied-someone-told-her",
    ),
    pytest.param(
        "Ruth Kendal denied that she had said the plan was dead.",
        "the plan was dead",
        id="denied-she-had-said-it",
    ),
]


@pytest.mark.parametrize(("text", "words"), DENIED)
def test_words_denied_ever_said_are_no_ones_speech(model, text, words):
    assert not [q for q in run(model, text) if words in q.text], speakers(model, text)


def test_a_denial_of_anything_else_is_still_speech(model):
    text = (
        "Ruth Kendal denied that the party was split over the budget, and said the "
        "party was united."
    )
    found = {q.text: q.speaker for q in run(model, text)}
    assert found.get("the party was split over the budget") == "Ruth Kendal", found
    assert found.get("the party was united") == "Ruth Kendal", found


def test_a_denial_that_a_thing_suggests_something_is_still_speech(model):
    # "suggest" is a speech verb, but a decision is no one who speaks
    text = "Ruth Kendal denied the ruling would suggest to voters that the plan had been dropped."
    found = [q for q in run(model, text) if q.speaker == "Ruth Kendal"]
    assert found and "the ruling would suggest" in found[0].text, speakers(model, text)


def test_a_suggestion_narrated_before_a_denial_is_still_speech(model):
    # Dent did suggest it; Lund's denial is of the suggestion's substance, not of Dent's words
    text = (
        "Paul Dent has suggested that Ruth Lund is blaming her partner only to win a lighter "
        "sentence, something Ms Lund denies."
    )
    found = {q.speaker: q.text for q in run(model, text)}
    assert "blaming her partner" in found.get("Paul Dent", ""), found
    assert "Ruth Lund" not in found, found


def test_according_to_in_a_titles_words_is_no_source(model):
    """ "The World According to Bex", a show's title, reports no one's words; "According to"
    opening a sentence still does."""
    text = (
        "Meanwhile, Jane Holt will star in a new sitcom, The World According to Bex, written by "
        "Tom Barr, and the comedy duo return for a Christmas special."
    )
    assert [q for q in run(model, text) if q.cue == "according to"] == []
    text = "Sales fell last year. According to the Retail Council, prices rose by 5%."
    assert speakers(model, text) == [("reported", "Retail Council", "prices rose by 5")]


# A publication named before "newspaper", "daily" or "magazine" speaks itself, however the model
# tagged its name (these had no speaker at all); a town's paper is named by no name.
PUBLICATIONS = [
    pytest.param(
        "Flooding closed the coast road on Monday. The pro-government al-Rafid newspaper said "
        "that army engineers had reopened the bridge.",
        "army engineers had reopened the bridge",
        "al-Rafid",
        id="a-paper-the-model-missed",
    ),
    pytest.param(
        "The port will close for a week, the Kestrel Daily newspaper reported on Tuesday.",
        "The port will close for a week",
        "Kestrel Daily",
        id="a-paper-of-two-words",
    ),
    pytest.param(
        "Officials had demanded the papers at the end of last year, Vedomir newspaper said.",
        "Officials had demanded the papers",
        "Vedomir",
        id="a-paper-tagged-a-person",
    ),
    pytest.param(
        "Uganda's New Horizon newspaper said some church leaders were siding with the rebels.",
        "some church leaders were siding with the rebels",
        "New Horizon",
        id="a-countrys-paper-named",
    ),
    pytest.param(
        'The album won the prize. Q Magazine said: "It caught the mood of the country in a way '
        'nobody had predicted."',
        "It caught the mood of the country",
        "Q Magazine",
        id="a-capitalised-kind-is-the-names-own-word",
    ),
    pytest.param(
        "Shelling resumed overnight. A Damascus newspaper said the army had retaken the hill.",
        "the army had retaken the hill",
        None,
        id="a-towns-paper-is-no-name",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), PUBLICATIONS)
def test_a_publication_named_before_its_kind_speaks(model, text, words, speaker):
    assert _speaker_of(model, text, words) == speaker


# "The paper said" is the publication named before that the article called a newspaper; a
# department's "paper" (a document), with no newspaper named, is no one's.
PAPERS = [
    pytest.param(
        "The Clarion newspaper said on Tuesday it had been handed a dossier. The paper said the "
        "document had been found in a street.",
        "the document had been found in a street",
        "Clarion",
        id="the-paper-is-the-newspaper-named",
    ),
    pytest.param(
        "The Treasury published its plans on Monday. The paper said the deficit would narrow "
        "by 2027.",
        "the deficit would narrow by 2027",
        None,
        id="a-document-is-no-newspaper",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), PAPERS)
def test_the_paper_is_a_newspaper_named_before(model, text, words, speaker):
    assert _speaker_of(model, text, words) == speaker


# An unnamed spokesman for a body the phrase names speaks as that body; one for a person, or
# for a body it does not name, stays no one's.
SPOKESMEN = [
    pytest.param(
        "The network aired the stunt last week. A spokesman for Vantor Television said it had "
        "no comment on the lawsuit.",
        "no comment on the lawsuit",
        "Vantor Television",
        id="a-spokesman-for-a-named-body",
    ),
    pytest.param(
        "The network aired the stunt last week. An NBC spokeswoman said the show would go on.",
        "the show would go on",
        "NBC",
        id="a-bodys-spokeswoman",
    ),
    pytest.param(
        "Maria Lopez toured the flooded city. A spokesman for Ms Lopez said the visit would go on.",
        "the visit would go on",
        None,
        id="a-spokesman-for-a-person-is-not-the-person",
    ),
    pytest.param(
        "The firm cut 300 jobs in March. A spokesman for the firm said the cuts were needed.",
        "the cuts were needed",
        None,
        id="a-spokesman-for-an-unnamed-body",
    ),
    pytest.param(
        "Builders welcomed the decision. A spokesman for Kesari Builders, Dr Anil Rao, told the "
        "BBC this will mean better homes for buyers.",
        "better homes for buyers",
        "Anil Rao",
        id="a-spokesman-the-phrase-names-is-that-person",
    ),
    pytest.param(
        "The insurers will pay the rest. But, a spokesman for the prosecutor, New York State "
        "Comptroller Alan Hevner, said no deal had been signed yet.",
        "no deal had been signed",
        None,
        id="a-spokesman-for-a-named-prosecutor-is-not-the-prosecutor",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), SPOKESMEN)
def test_an_unnamed_spokesman_speaks_as_the_body_named(model, text, words, speaker):
    assert _speaker_of(model, text, words) == speaker


def test_he_after_a_bodys_spokesman_is_not_a_person_named_before(model):
    # the body speaks, but the later "he" is the spokesman, unnamed: not Mr Dykes
    text = (
        "Sir Paul Dykes helped fund the party's campaign. But a UKIP spokesman said Labour had "
        'spent far more. "The only way small parties can be heard is by buying space," he added.'
    )
    assert _speaker_of(model, text, "spent far more") == "UKIP"
    assert _speaker_of(model, text, "buying space") is None


# "added Ernst and Young's Sanjay Mehta": the parser splits a two-word firm; the speaker is the
# person after its possessive, not the firm's first word; a real pair keeps its reading.
SPLIT_OWNERS = [
    pytest.param(
        'Analysts welcomed the ruling. "The change could lift interest in the industry," added '
        "Ernst and Young's Sanjay Mehta.",
        "could lift interest",
        "Sanjay Mehta",
        id="a-person-after-a-split-firms-possessive",
    ),
    pytest.param(
        'Shoppers returned in March. "Trade has picked up strongly," said Marks and Spencer\'s '
        "Ann Lee.",
        "Trade has picked up",
        "Ann Lee",
        id="a-person-after-a-split-retailers-possessive",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), SPLIT_OWNERS)
def test_the_person_after_a_split_firms_possessive_speaks(model, text, words, speaker):
    assert _speaker_of(model, text, words) == speaker
