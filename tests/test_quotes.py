"""Gold-table tests for analysis.quotes: direct and reported speech, speakers, and negatives.

Each case is an invented news passage (paragraphs separated by a blank line, as the cleaner
produces) and the complete list of quotes expected from it as (kind, speaker, words the quote
text contains). The list is complete: an extra record (a scare quote taken for speech, a quote
counted twice) fails the case just as a missing one does.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest
from spacy.tokens import Doc

from analysis import aggregates, entities, quotes, sentiment
from analysis import nlp as nlp_module
from analysis.records import EntityMention, Quote
from tests.conftest import SAMPLE
from tests.quote_runs import run, speakers


@pytest.fixture(scope="session")
def model():
    return nlp_module.load()


GOLD = [
    # --- direct speech, trailing cue -----------------------------------------------------
    pytest.param(
        "“We will rebuild every school that was destroyed,” Maria Lopez said.",
        [("direct", "Maria Lopez", "rebuild every school")],
        id="curly-trailing-cue",
    ),
    # --- reported speech, trailing cue the small model hangs off the clause ----------------
    pytest.param(
        "Government troops now hold 90% of the old city, the Syrian Observatory for Human "
        "Rights said on Saturday.",
        [("reported", "Syrian Observatory for Human Rights", "Government troops now hold 90%")],
        id="reported-trailing-cue-misparsed",
    ),
    # --- an inverted cue at the sentence's end in a text stripped of its commas ---------------
    pytest.param(
        "Rebel fire on the western districts killed 40 people said the Syrian Observatory for "
        "Human Rights.",
        [
            (
                "reported",
                "Syrian Observatory for Human Rights",
                "Rebel fire on the western districts killed 40 people",
            )
        ],
        id="inverted-cue-without-comma",
    ),
    pytest.param(
        "Shelling on the market killed 15 people said Observatory chief Rami Abdel Rahman adding "
        "that four of them were children.",
        [
            ("reported", "Rami Abdel Rahman", "Shelling on the market killed 15 people"),
            ("reported", "Rami Abdel Rahman", "four of them were children"),
        ],
        id="inverted-cue-then-adding",
    ),
    pytest.param(
        "Rebel fighters still hold a fifth of the city, the Syrian Observatory for Human Rights "
        "said on Saturday.",
        [("reported", "Syrian Observatory for Human Rights", "Rebel fighters still hold")],
        id="reported-trailing-cue",
    ),
    pytest.param(
        '"The bridge will reopen in March," said Tom Becker, the city engineer.',
        [("direct", "Tom Becker", "bridge will reopen")],
        id="straight-inverted-cue",
    ),
    pytest.param(
        "``The budget is balanced for the first time in a decade,'' Governor Ann Riley said.",
        [("direct", "Ann Riley", "budget is balanced")],
        id="backtick-quotes",
    ),
    pytest.param(
        "''We have no plans to raise taxes,'' Mr. Harlow said on Tuesday.",
        [("direct", "Harlow", "no plans to raise taxes")],
        id="double-apostrophe-quotes",
    ),
    pytest.param(
        "“The workers told me: ‘We are not going back until we are paid,’” said Ruth Okafor.",
        [("direct", "Ruth Okafor", "‘We are not going back")],
        id="single-nested-in-double",
    ),
    pytest.param(
        "“The ceasefire is holding,” said a UN spokesman, Omar Haddad.",
        [("direct", "Omar Haddad", "ceasefire is holding")],
        id="role-apposition-after-cue",
    ),
    # --- direct speech, leading cue -------------------------------------------------------
    pytest.param(
        "Chancellor Petra Vogel said: “Europe cannot wait for others to act on energy prices.”",
        [("direct", "Petra Vogel", "Europe cannot wait")],
        id="colon-intro",
    ),
    pytest.param(
        "Petra Vogel spoke to reporters in Bonn. She called the plan “a betrayal of voters”.",
        # A quoted fragment woven into the cue's clause: the clause is the (reported) record.
        [("reported", "Petra Vogel", "the plan “a betrayal of voters”")],
        id="called-partial-quote-pronoun",
    ),
    # --- continuation and unattributed follow-on ---------------------------------------------
    pytest.param(
        "Mayor Sam Ortiz said: “The flood took everything from these families. We will help them."
        "\n\n“Nobody will be left behind, and nobody will pay for emergency housing.”",
        # One quotation over two paragraphs (the first is left open): one record.
        # Its text is the quoted words, the paragraphs kept, the second opening mark left out.
        [("direct", "Sam Ortiz", "We will help them.\n\nNobody will be left behind")],
        id="two-paragraph-quote",
    ),
    pytest.param(
        "“The talks were difficult,” Helen Marsh said. “We did not agree on everything.”",
        # The cue interrupts one quotation: one record, from the first word to the last, its
        # text the quoted words alone.
        [("direct", "Helen Marsh", "The talks were difficult … We did not agree on everything.")],
        id="uncued-follow-on-sentence",
    ),
    pytest.param(
        "“We will rebuild the bridge,” the mayor, Laura Bennett, said, “and we will do it this year.”",
        [
            (
                "direct",
                "Laura Bennett",
                "We will rebuild the bridge … and we will do it this year.",
            )
        ],
        id="split-quotation-is-one",
    ),
    pytest.param(
        "“The road is closed,” Laura Bennett said on Monday. Engineers from three cities spent the "
        "whole night checking the foundations of the old bridge over the river.\n\n"
        "“It will open again next week,” Bennett said.",
        [
            ("direct", "Laura Bennett", "The road is closed"),
            ("direct", "Laura Bennett", "It will open again"),
        ],
        id="same-speaker-later-is-another-quote",
    ),
    pytest.param(
        "“The road is closed,” Laura Bennett said. “It is open,” Tom Reyes replied.",
        [
            ("direct", "Laura Bennett", "The road is closed"),
            ("direct", "Tom Reyes", "It is open"),
        ],
        id="different-speakers-never-join",
    ),
    pytest.param(
        "“The levee held,” said Laura Bennett, who has run the county's flood service for twenty "
        "years and wrote its emergency plan. “We were lucky this time.”",
        [("direct", "Laura Bennett", "The levee held … We were lucky this time.")],
        id="split-quotation-with-a-long-cue-is-one",
    ),
    # --- titles and partial quotations are not direct quotations ----------------------------
    pytest.param(
        "Laura Bennett told ABC's “Good Morning America” that the levee had held.",
        [("reported", "Laura Bennett", "the levee had held")],
        id="programme-title-is-not-speech",
    ),
    pytest.param(
        "Tom Reyes said the mayor “had no plan at all for the flood”.",
        [("reported", "Tom Reyes", "the mayor “had no plan at all for the flood”")],
        id="partial-quote-inside-reported-speech",
    ),
    # --- reported speech -------------------------------------------------------------------
    pytest.param(
        "Helen Marsh said that the factory would close by the end of the year.",
        [("reported", "Helen Marsh", "factory would close")],
        id="reported-said-that",
    ),
    pytest.param(
        "The health minister, Karim Nasser, warned that hospitals were running out of fuel.",
        [("reported", "Karim Nasser", "hospitals were running out")],
        id="reported-warned-apposition",
    ),
    pytest.param(
        "According to the Red Cross, more than 2,000 families have been displaced.",
        [("reported", "Red Cross", "2,000 families")],
        id="according-to",
    ),
    # the parse took "show" for a verb and "insiders" for its object: still the source
    pytest.param(
        "Mr Pike shouted at the junior staff during meetings, according to show insiders.",
        [("reported", None, "Mr Pike shouted at the junior staff during meetings")],
        id="according-to-a-source-parsed-as-a-gerund",
    ),
    # ... but not a long phrase the clause ran into: its last noun is the clause's
    pytest.param(
        "According to Save the Children more than 4200 schools in Syria have been damaged in "
        "six years of conflict.",
        [],
        id="according-to-a-gerund-phrase-running-into-the-clause",
    ),
    pytest.param(
        "The harvest will be the smallest in twenty years, the farmers’ union said.",
        [("reported", None, "harvest will be the smallest")],
        id="reported-trailing-cue-generic-source",
    ),
    pytest.param(
        "Maria Lopez urged the council to show “some courage” on housing.",
        [("reported", "Maria Lopez", "“some courage”")],
        id="partial-quote-in-reported-speech",
    ),
    pytest.param(
        "Maria Lopez visited the site on Monday. She insisted the project was on schedule.",
        [("reported", "Maria Lopez", "project was on schedule")],
        id="pronoun-resolves-to-person",
    ),
    pytest.param(
        "The World Health Organization announced that the outbreak was over.",
        [("reported", "World Health Organization", "outbreak was over")],
        id="organisation-speaks",
    ),
    pytest.param(
        "Meanwhile, the French foreign minister announced new sanctions against the regime. "
        "Speaking in Brussels, Louis Garnier said the measures would take effect on Monday.",
        [
            ("reported", "Louis Garnier", "new sanctions"),
            ("reported", "Louis Garnier", "measures would take effect"),
        ],
        id="role-description-resolves-to-next-named-person",
    ),
    pytest.param(
        "John Kerry and Boris Johnson met in Paris. Kerry said the talks had been useful.",
        [("reported", "John Kerry", "talks had been useful")],
        id="surname-to-fullest-name",
    ),
    # --- negatives ---------------------------------------------------------------------------
    pytest.param(
        "The so-called “peace dividend” never arrived in the northern provinces.",
        [],
        id="scare-quote",
    ),
    pytest.param(
        "Her memoir, “Letters from Lagos”, sold more than a million copies.",
        [],
        id="book-title",
    ),
    pytest.param(
        "The film “Night Train to Kyiv” opens in cinemas on Friday.",
        [],
        id="film-title",
    ),
    pytest.param(
        "Officials disputed the “40,000” figure published by the ministry last week.",
        [],
        id="number-in-quotes",
    ),
    pytest.param(
        "Protesters carried banners reading “No war” through the centre of the city.",
        [],
        id="slogan",
    ),
    # "deny/charge someone something" withholds or bills: no statement, no one quoted
    pytest.param(
        "Party elders asked whether the delegates could still deny Harold Mbeki the leadership "
        "at the autumn conference in Leeds.",
        [],
        id="deny-someone-something-is-not-speech",
    ),
    pytest.param(
        "The organisers denied Ruth Amsel a seat on the stage during the closing gala dinner.",
        [],
        id="denied-someone-something-is-not-speech",
    ),
    pytest.param(
        "Ruth Amsel denied that she had ever met the developer in private.",
        [("reported", "Ruth Amsel", "she had ever met the developer in private")],
        id="denied-that-is-speech",
    ),
    pytest.param(
        "Ruth Amsel denied the reports of a secret payment from the developer.",
        [("reported", "Ruth Amsel", "the reports of a secret payment")],
        id="denied-the-report-is-speech",
    ),
    # --- robustness ------------------------------------------------------------------------
    pytest.param(
        "“The strike will go ahead, Ian Pike said on Monday.\n\n"
        "Ian Pike said the union would ballot its members again.",
        [("reported", "Ian Pike", "union would ballot")],
        id="unclosed-quote-recovers-per-paragraph",
    ),
    pytest.param(
        "He said it was “a good day” for the city, a spokesman for the mayor told reporters.",
        # two cues share one clause: the clause inside the other, of the same (unnamed)
        # speaker, is one quote, not its words counted twice
        [("reported", None, "a good day")],
        id="nested-reported-cues-counted-once",
    ),
    pytest.param(
        "Abebe Bekele, who chairs the committee, said: “We have the votes.”",
        [("direct", "Abebe Bekele", "We have the votes")],
        id="relative-clause-in-subject",
    ),
    pytest.param(
        "“We answered every question,” said Marta Oyelaran. “We hid nothing. I am hopeful.” "
        "Oyelaran and her coach, who have both denied the charges, await a ruling.",
        [("direct", "Marta Oyelaran", "We hid nothing")],
        id="speech-verb-in-next-subjects-relative-clause-is-no-cue",
    ),
    pytest.param(
        "Former Olympic champion Grace Mensah has criticised the selectors. “They never watched "
        "the trials,” the world 400m record holder told the BBC.",
        [("direct", "Grace Mensah", "They never watched")],
        id="a-sporting-role-describes-the-person-named-before",
    ),
    # --- a trailing cue's speaker phrase opening with a party or an organisation ----------------
    pytest.param(
        "“This is typical of Labour hypocrisy,” said Tory shadow local government secretary "
        "Helen Marsh.",
        [("direct", "Helen Marsh", "typical of Labour hypocrisy")],
        id="party-word-then-role-then-person-after-cue",  # was the Conservative Party
    ),
    pytest.param(
        "“The figures simply do not add up,” said the Observatorys head Omar Haddad.",
        [("direct", "Omar Haddad", "do not add up")],
        id="organisation-then-role-then-person-after-cue",  # was "Observatorys"
    ),
    pytest.param(
        "“We will not give up,” said a spokesman for Tony Blair.",
        [("direct", None, "We will not give up")],
        id="a-person-after-a-preposition-is-not-the-speaker",
    ),
    # --- a fragment, then another speaker's clause: not that speaker's quotation --------------
    pytest.param(
        "Labour say a Green vote could “hand the seat to the Tories”, while the Tories say the "
        "Greens would mean higher bills.",
        [
            ("reported", "Labour Party", "hand the seat to the Tories"),
            ("reported", "Conservative Party", "the Greens would mean higher bills"),
        ],
        id="fragment-then-while-another-speaker-says",  # was a quotation of the Tories
    ),
    pytest.param(
        "The unions dismissed the offer as “an insult”, while the Liberal Democrats said it "
        "was far too late.",
        [("reported", "Liberal Democrats", "it was far too late")],
        id="fragment-then-while-another-speaker-said",  # "an insult" was the Lib Dems'
    ),
    # --- an organisation whose initials spell a pronoun (the model tagged "WHO" WP) ----------
    pytest.param(
        "“Stocks of the vaccine are sufficient for the winter,” WHO said on Friday.",
        [("direct", "World Health Organization", "Stocks of the vaccine")],
        id="who-acronym-trailing-cue",  # had no speaker
    ),
    pytest.param(
        "WHO said the outbreak in the port city was now under control.",
        [("reported", "World Health Organization", "the outbreak in the port city")],
        id="who-acronym-reported",  # was no quote at all
    ),
    pytest.param(
        "WHO WILL PAY FOR THE FLOODS?\n\n“Not the town,” the mayor said.",
        [("direct", None, "Not the town")],
        id="who-in-a-capitalised-headline-stays-a-pronoun",
    ),
    pytest.param(
        "The nurse, who said she had worked a double shift, went home.",
        [],
        id="relative-who-is-no-speaker",
    ),
    # --- verbs whose object is the message: "acknowledged the failures", "stressed the need" --
    pytest.param(
        "The water minister, Ruth Amsel, acknowledged the failures of the flood defences.",
        [("reported", "Ruth Amsel", "the failures of the flood defences")],
        id="acknowledged-an-object",
    ),
    pytest.param(
        "Ruth Amsel stressed the need for new pumps in the lower town.",
        [("reported", "Ruth Amsel", "the need for new pumps")],
        id="stressed-an-object",
    ),
    pytest.param(
        "In her memoir, Ruth Amsel noted the long delays at the border crossings.",
        [("reported", "Ruth Amsel", "the long delays at the border crossings")],
        id="noted-an-object",
    ),
    # "admit" lets in as often as it concedes: its object is no message
    pytest.param(
        "The clinic admitted twelve patients from the flooded villages on Monday.",
        [],
        id="admitted-patients-is-no-statement",
    ),
    # --- a reported clause the parse hung off the verb's object or adverbial -----------------
    pytest.param(
        "In Leeds last week, Ruth Amsel told a gathering of harbour workers that few ministers "
        "understood the risks of the flood season.",
        [("reported", "Ruth Amsel", "few ministers understood the risks of the flood season")],
        id="told-an-audience-that",
    ),
    pytest.param(
        "Ian Pike said after the vote he would not accept the post if it were offered.",
        [("reported", "Ian Pike", "he would not accept the post if it were offered")],
        id="said-after-the-vote-he-would",
    ),
    # a "that" clause after another verb's object is that object's relative clause, and one
    # after "so" a result clause
    pytest.param(
        "The campaign stressed the danger to the harbour that the new tax would bring.",
        [("reported", None, "the danger to the harbour that the new tax would bring")],
        id="a-relative-clause-of-the-object-is-no-clause-of-its-own",
    ),
    pytest.param(
        "Ruth Amsel said Pike tells so many stories that the council no longer listens.",
        [("reported", "Ruth Amsel", "Pike tells so many stories that the council")],
        id="a-result-clause-is-not-what-was-told",
    ),
    # --- a speech verb in the perfect is a finite verb, no participle modifying a noun ---------
    pytest.param(
        "Ruth Amsel has urged the council to cut costs but has said she will keep the ferry "
        "running.",
        [
            ("reported", "Ruth Amsel", "the council to cut costs"),
            ("reported", "Ruth Amsel", "she will keep the ferry running"),
        ],
        id="coordinated-perfect-has-said",
    ),
    pytest.param(
        "The ferry timetable has not yet been agreed by the council.",
        [],
        id="a-passive-perfect-is-no-cue",
    ),
    # --- "vowed to …": the infinitive is the promise made ------------------------------------
    pytest.param(
        "Ruth Amsel vowed to rebuild every flooded school before the spring.",
        [("reported", "Ruth Amsel", "to rebuild every flooded school before the spring")],
        id="vowed-to",
    ),
    # --- a quote-only verb with a clause opened by "that" --------------------------------------
    pytest.param(
        "The Harbour Gazette wrote on Sunday that the ferry contract had been signed in secret.",
        [("reported", "Harbour Gazette", "the ferry contract had been signed in secret")],
        id="wrote-that",
    ),
    pytest.param(
        "Ian Pike pointed out that the pumps had never been tested.",
        [("reported", "Ian Pike", "the pumps had never been tested")],
        id="pointed-out-that",
    ),
    pytest.param("Ruth Amsel wrote a memoir of her years at the ministry.", [], id="wrote-a-book"),
    pytest.param(
        "The engineer asked not to be named because he was not allowed to speak to reporters.",
        [],
        id="asked-not-to-be-named",
    ),
    pytest.param(
        "Ian Pike pointed to the engineers' warning that the pumps would fail.",
        [],
        id="pointed-to-someone-elses-words",
    ),
    # --- a trailing cue the parse hung off the sentence's first clause reports both -----------
    pytest.param(
        "The old pier was supposed to be rebuilt by the council, but the contractor walked away "
        "from the site before the work could start, another engineer said.",
        [
            (
                "reported",
                None,
                "The old pier was supposed to be rebuilt by the council, but the contractor walked",
            )
        ],
        id="trailing-cue-after-two-clauses",
    ),
    pytest.param(
        "Ian Pike said the pumps were safe, but the engineers disagreed, Ruth Amsel added.",
        [
            ("reported", "Ian Pike", "the pumps were safe"),
            ("reported", "Ruth Amsel", "the engineers disagreed"),
        ],
        id="trailing-cue-after-another-speakers-clause",
    ),
    # --- a speech verb set off by a comma inside a reported clause reports its own -----------
    pytest.param(
        "Ruth Amsel told the council that she believes the harbour needs new pumps, saying that "
        "the old ones fail every winter.",
        [
            ("reported", "Ruth Amsel", "she believes the harbour needs new pumps"),
            ("reported", "Ruth Amsel", "the old ones fail every winter"),
        ],
        id="a-clause-ends-before-saying-that",
    ),
    pytest.param(
        "Ian Pike said the long shifts wear down the crews, though he noted that wages have risen.",
        [
            ("reported", "Ian Pike", "the long shifts wear down the crews"),
            ("reported", "Ian Pike", "wages have risen"),
        ],
        id="a-clause-ends-before-though-he-noted",
    ),
    # --- a cue set off by commas inside the clause it reports: one record over the aside -------
    pytest.param(
        "The new bridge, Mayor Jane Holt said, would open to traffic before the winter.",
        [("reported", "Jane Holt", "The new bridge … would open to traffic before the winter")],
        id="cue-interrupts-its-clause-after-the-subject",
    ),
    pytest.param(
        "Jane Holt toured the harbour on Monday. Too often, she added, the council has ignored "
        "the northern districts.",
        [("reported", "Jane Holt", "Too often … the council has ignored the northern districts")],
        id="cue-interrupts-its-clause-after-an-adverb",
    ),
    pytest.param(
        "The ferry service was reliable, Anna Berg said, until the new operator took over.",
        [("reported", "Anna Berg", "was reliable … until the new operator took over")],
        id="cue-interrupts-its-clause-before-a-subordinate-clause",
    ),
    pytest.param(
        "If this plan fails to persuade, Anna Berg argues, there are other ways to raise the "
        "money.",
        [("reported", "Anna Berg", "If this plan fails to persuade … there are other ways")],
        id="cue-after-a-fronted-clause-the-parse-hung-off-it",
    ),
    pytest.param(
        "The trouble now, Anna Berg told me on Friday, is that nobody reads the reports.",
        [("reported", "Anna Berg", "The trouble now … is that nobody reads the reports")],
        id="cue-hung-off-the-clauses-subject",
    ),
    # --- a participle's object is no inverted speaker ---------------------------------------
    pytest.param(
        'Singer Nina Rowe will open the festival in Leeds.\n\nRowe said she was "very '
        'excited", describing Tom Ashworth as "an artist I admire and respect".',
        [("direct", "Nina Rowe", "very excited")],
        id="participles-object-is-not-the-speaker",
    ),
    # --- a passive sentence after a closed quotation is no cue of it --------------------------
    pytest.param(
        'Tess Rowe has pulled out of the indoor meeting in Madrid.\n\n"I pulled my hamstring '
        'on the last bend," said Rowe. "I felt a spasm in my left leg. "The doctor says it is '
        'not serious but it is frustrating." Rowe has now been advised by her coach Mary Dunn '
        "not to rush back into training.",
        [
            ("direct", "Tess Rowe", "I pulled my hamstring"),
            ("direct", "Tess Rowe", "The doctor says it is not serious"),
        ],
        id="passive-sentence-after-a-quotation-is-not-its-cue",
    ),
    # --- a surname that is also a page's furniture word ("Read more") -----------------------
    pytest.param(
        'The song was written by radio DJ Mike Read. "It is a sad song, but a good one," Read '
        "said. Read said all the money would go to the appeal.",
        [
            ("direct", "Mike Read", "It is a sad song"),
            ("reported", "Mike Read", "all the money would go to the appeal"),
        ],
        id="surname-that-is-a-furniture-word",
    ),
]


@pytest.mark.parametrize("text, expected", GOLD)
def test_gold_table(model, text, expected):
    found = run(model, text)
    got = [(q.kind, q.speaker, q.text) for q in found]
    assert len(found) == len(expected), got
    for (kind, speaker, words), q in zip(expected, found, strict=True):
        assert q.kind == kind, got
        assert q.speaker == speaker, got
        assert words in q.text, got
    for q in found:
        assert_provenance(text, q)
        if q.kind == "reported" and q.speaker_start is not None:
            # a clause's words never hold its speaker's mention (a direct quotation interrupted
            # by its cue, "“A,” he said, “B.”", is one record over the cue, and so is a clause,
            # "The bridge, Holt said, would open": its text leaves the aside out)
            inside = q.start < q.speaker_start < q.end
            assert not inside or text[q.speaker_start : q.speaker_end] not in q.text, got


# A reported clause runs on into an adverbial clause its sentence carries ("before she took
# office"); the narrator's clause set off by a comma, or one holding another source's cue, is
# left out. (text, words the clause holds, words it must not hold)
RUN_ON_CLAUSES = [
    pytest.param(
        "Ruth Amsel noted the pumps were installed before she took office.",
        "the pumps were installed before she took office",
        None,
        id="before",
    ),
    pytest.param(
        "The harbour board says the new tolls would cut traffic in the first year as drivers "
        "switched routes.",
        "in the first year as drivers switched routes",
        None,
        id="as",
    ),
    pytest.param(
        "Ian Pike said the ferry would run late while the crew repaired the engine.",
        "the ferry would run late while the crew repaired the engine",
        None,
        id="while",
    ),
    pytest.param(
        "Two fishing boats sank near the harbour mouth after a storm hit the coast, the "
        "coastguard said.",
        "sank near the harbour mouth after a storm hit the coast",
        None,
        id="before-its-own-trailing-cue",
    ),
    pytest.param(
        "The council said the bridge had reopened, as crews cleared the last of the debris.",
        "the bridge had reopened",
        "crews",
        id="set-off-by-a-comma-is-the-narrators",
    ),
    pytest.param(
        "The coastguard said two fishing boats had sunk while the port authority said all "
        "crews were safe.",
        "two fishing boats had sunk",
        "port authority",
        id="another-sources-words",
    ),
]


@pytest.mark.parametrize("text, kept, cut", RUN_ON_CLAUSES)
def test_a_reported_clause_runs_on_into_its_adverbial_clause(model, text, kept, cut):
    found = run(model, text)
    first = found[0]
    assert first.kind == "reported" and kept in first.text, [q.text for q in found]
    assert cut is None or cut not in first.text, [q.text for q in found]


# "according to" set off by commas inside its sentence reports the main clause before it, a
# clause of its own joined after it, or the main clause after it with its subject before it;
# (text, the records' words)
ACCORDING_INSIDE = [
    pytest.param(
        "Ferry fares would rise by 8 percent next year, according to the harbour board, more "
        "than twice the rate of inflation.",
        ["Ferry fares would rise by 8 percent next year"],
        id="the-main-clause-before-not-an-apposition-after",
    ),
    pytest.param(
        "The inspectors tested the pumps in March, according to the engineers' union, and found "
        "them faulty.",
        ["The inspectors tested the pumps in March"],
        id="the-main-clause-before-not-its-second-predicate",
    ),
    pytest.param(
        "Wages rose by 3 percent last year, according to the statistics office, and prices rose "
        "by 5 percent.",
        ["Wages rose by 3 percent last year … and prices rose by 5 percent"],
        id="a-clause-of-its-own-after",
    ),
    pytest.param(
        "Wages rose by 3 percent last year, according to the statistics office, and there were "
        "fewer strikes.",
        ["Wages rose by 3 percent last year … and there were fewer strikes"],
        id="a-clause-of-its-own-opened-by-there",
    ),
    pytest.param(
        "Government forces, according to the monitor, shelled the northern districts overnight.",
        ["Government forces … shelled the northern districts overnight"],
        id="the-subject-before-the-main-clause-after",
    ),
    pytest.param(
        "Wages rose by 3 percent last year, according to the statistics office, and the minister "
        "said prices would fall.",
        ["Wages rose by 3 percent last year", "prices would fall"],
        id="a-clause-after-with-a-cue-of-its-own",
    ),
    pytest.param(
        "After the flood, the council blamed the old pumps while — according to emails released "
        "last week — knowing the pumps had been replaced.",
        ["knowing the pumps had been replaced"],
        id="a-clause-opened-just-before-runs-on-after",
    ),
]


@pytest.mark.parametrize("text, words", ACCORDING_INSIDE)
def test_according_to_inside_its_sentence(model, text, words):
    found = run(model, text)
    assert [q.text for q in found] == words
    for q in found:
        assert_provenance(text, q)
        assert "according" not in q.text


def test_according_to_after_a_cue_reports_the_words_after(model):
    # "reported that, according to …, X": X is what the analysis found, not "reported that"
    text = (
        "The Gazette reported that, according to an analysis of the harbour accounts, 85 of the "
        "154 contracts went to the mayor's donors."
    )
    texts = [q.text for q in run(model, text)]
    assert "85 of the 154 contracts went to the mayor's donors" in texts, texts
    assert "The Gazette reported that" not in texts, texts


# A trailing cue set off by commas with a clause of its own joined after it ("A, X said, and
# B"): both clauses are the source's, the aside left out of the words; a second predicate
# or a joined cue is not taken; (text, the records' words)
JOINED_AFTER_ASIDE = [
    pytest.param(
        "The ferry carried 40 passengers, the coastguard said on Monday, and all of them "
        "were rescued.",
        ["The ferry carried 40 passengers … and all of them were rescued"],
        id="and-a-clause-of-its-own",
    ),
    pytest.param(
        "Rents in the old town rose by a fifth, said the housing board, but wages there stayed "
        "flat.",
        ["Rents in the old town rose by a fifth … but wages there stayed flat"],
        id="but-after-an-inverted-cue",
    ),
    pytest.param(
        "The new library will open in June, Mayor Ruth Abney said at the council meeting, and "
        "its reading rooms will stay open until midnight.",
        ["The new library will open in June … and its reading rooms will stay open until midnight"],
        id="the-cue-with-its-own-adverbial",
    ),
    pytest.param(
        "The ferry carried 40 passengers, the coastguard said on Monday, and there were no "
        "injuries.",
        ["The ferry carried 40 passengers … and there were no injuries"],
        id="a-clause-opened-by-there",
    ),
]


@pytest.mark.parametrize("text, words", JOINED_AFTER_ASIDE)
def test_a_clause_joined_after_a_trailing_aside_is_the_sources(model, text, words):
    found = run(model, text)
    assert [q.text for q in found] == words
    for q in found:
        assert_provenance(text, q)
        assert "said" not in q.text


def test_a_clause_after_a_cue_without_its_commas_is_not_joined(model):
    # no aside: the cue closes its clause and the narrator goes on ("… the board said and
    # then …" is the cue's second predicate)
    text = "The ferry carried 40 passengers, the coastguard said and left the harbour at noon."
    texts = [q.text for q in run(model, text)]
    assert texts == ["The ferry carried 40 passengers"], texts


# A reported clause that ends on a quotation it opened ends at the quotation's closing mark,
# the full stop inside it too; one that begins inside a quotation starts at its opening mark;
# one with its quotations closed inside gains no mark; (text, words)
CLOSING_MARKS = [
    pytest.param(
        'The harbour master said the new tolls were "a tax on fishermen."',
        'the new tolls were "a tax on fishermen."',
        id="straight-mark-after-the-full-stop",
    ),
    pytest.param(
        "Councillor Ada Brink said the budget left the libraries “close to ruin.”",
        "the budget left the libraries “close to ruin.”",
        id="curly-mark-after-the-full-stop",
    ),
    pytest.param(
        'The mayor told reporters the plan was "a disgrace," then left the hall.',
        'the plan was "a disgrace,"',
        id="a-comma-inside-the-closing-mark",
    ),
    pytest.param(
        "Senator Ada Brink praised the mayor on Monday, saying she had “steady hands, but most "
        "of all, she has a good heart.”",
        "she had “steady hands, but most of all, she has a good heart.”",
        id="a-quotation-closing-later-in-the-sentence",
    ),
    pytest.param(
        "Mayor Tom Hale backed the judge, saying the rulings were old and had “nothing to do "
        "with who I am as a person, and they have nothing to do with this race.” He left.",
        "the rulings were old and had “nothing to do with who I am as a person, and they have "
        "nothing to do with this race.”",
        id="a-quotation-closing-later-after-a-participle-cue",
    ),
    pytest.param(
        'The harbour board said "scores" of boats were damaged in the storm.',
        '"scores" of boats were damaged in the storm',
        id="a-clause-that-begins-inside-a-quotation-starts-at-its-mark",
    ),
    pytest.param(
        "The harbour board said “scores” of boats were damaged in the storm.",
        "“scores” of boats were damaged in the storm",
        id="curly-opening-mark-before-the-clause",
    ),
    pytest.param(
        'The mayor said the plan was "sound" and the work would start in May.',
        'the plan was "sound" and the work would start in May',
        id="a-closed-quotation-inside-gains-nothing",
    ),
]


@pytest.mark.parametrize("text, words", CLOSING_MARKS)
def test_a_reported_clause_holds_both_marks_of_its_quotations(model, text, words):
    reported = [q for q in run(model, text) if q.kind == "reported"]
    assert [q.text for q in reported] == [words]
    assert_provenance(text, reported[0])


# A quoted fragment that ends the clause its trailing cue reports, after that clause's own
# words: the clause is the record (reported), as after a leading cue; a quotation after a
# comma is the speaker's sentence and stays direct; (text, (kind, words))
WOVEN_BEFORE_CUE = [
    pytest.param(
        "Raising the ferry fares “would empty the island,” the harbour master said.",
        ("reported", "Raising the ferry fares “would empty the island,”"),
        id="curly-fragment-after-its-subject",
    ),
    pytest.param(
        'The new bypass was "a road to nowhere," Councillor Ada Brink said on Monday.',
        ("reported", 'The new bypass was "a road to nowhere,"'),
        id="straight-fragment-after-its-verb",
    ),
    pytest.param(
        "At the hearing, “we will rebuild every school,” the minister said.",
        ("direct", "we will rebuild every school"),
        id="a-quotation-after-a-comma-stays-direct",
    ),
    pytest.param(
        "“Summer visitors” are “not welcome any more,” the harbour master said.",
        ("direct", "Summer visitors … not welcome any more"),
        id="the-pieces-of-a-clause-that-opens-with-a-quotation-stay-direct",
    ),
]


@pytest.mark.parametrize("text, expected", WOVEN_BEFORE_CUE)
def test_a_fragment_woven_before_its_trailing_cue_is_reported_with_its_clause(
    model, text, expected
):
    found = run(model, text)
    assert [(q.kind, q.text) for q in found] == [expected]
    assert_provenance(text, found[0])


# What the parse hung off the cue verb or cut as a cue of its own that is still the reported
# clause's: a condition after it ("if", "unless"), a bare verb sharing the clause's modal;
# (text, the records' words)
CLAUSE_RUNS_ON = [
    pytest.param(
        'Mayor Ruth Abney promised a "full inquiry" if the audit finds any missing money.',
        ['a "full inquiry" if the audit finds any missing money'],
        id="a-condition-hung-off-the-cue",
    ),
    pytest.param(
        "Councillor Ada Brink said she would sit the contractor down and tell him the work "
        "was late.",
        ["she would sit the contractor down and tell him the work was late"],
        id="a-bare-speech-verb-sharing-the-clauses-modal",
    ),
    pytest.param(
        "The mayor said she found the new budget very sensible and claimed the costs would fall.",
        ["she found the new budget very sensible", "the costs would fall"],
        id="a-finite-speech-verb-is-still-a-cue-of-its-own",
    ),
    pytest.param(
        "Ada Brink said the new ferries were already running every hour, but that many "
        "islanders could not afford them.",
        [
            "the new ferries were already running every hour, but that many islanders could not "
            "afford them"
        ],
        id="a-second-clause-opened-by-that",
    ),
    pytest.param(
        'Patricia Hale said the cost of the plan was being reviewed, but it was an "urgent '
        'priority" for the board.',
        ['the cost of the plan was being reviewed, but it was an "urgent priority" for the board'],
        id="a-second-clause-holding-quoted-words",
    ),
    pytest.param(
        "Mayor Ruth Abney said the plant would open in May, but the work was soon delayed.",
        ["the plant would open in May"],
        id="a-second-clause-that-may-be-the-narrators-is-left-out",
    ),
]


@pytest.mark.parametrize("text, words", CLAUSE_RUNS_ON)
def test_a_reported_clause_keeps_what_the_parse_hung_elsewhere(model, text, words):
    found = run(model, text)
    assert [q.text for q in found] == words
    for q in found:
        assert_provenance(text, q)


def test_the_aside_of_an_interrupted_reported_clause_is_the_narrators(model):
    # the speaker's name and the cue word count as no words of the clause (attitudes read the
    # span's words that are not narrated)
    text = "The new bridge, Mayor Jane Holt said, would open to traffic before the winter."
    (q,) = run(model, text)
    narrated = quotes.narrated_ranges(text, q)
    inside = "".join(c for i, c in enumerate(text) if any(lo <= i < hi for lo, hi in narrated))
    assert "said" in inside and "Holt" in inside and "bridge" not in inside, narrated
    assert "open" not in inside, narrated


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Councillor Janet Reyes said the bridge would reopen in May and added that tolls "
            "would stay.",
            ["the bridge would reopen in May", "tolls would stay"],
        ),
        (
            "The mayor said she found the new budget very sensible and claimed the costs "
            "would fall.",
            ["she found the new budget very sensible", "the costs would fall"],
        ),
        # a closing bracket stays with its opening one
        (
            "The spokesman John Kirby said he could not confirm the veracity of (the reports) "
            "and added that the inquiry went on.",
            ["he could not confirm the veracity of (the reports)", "the inquiry went on"],
        ),
        (
            "Councillor Janet Reyes said the bridge would reopen (in May).",
            ["the bridge would reopen (in May)"],
        ),
    ],
)
def test_a_reported_clause_ends_before_a_conjunction_whose_conjunct_it_left_out(
    model, text, expected
):
    # the second speech verb's clause is a record of its own: the first had kept the "and"
    # between them ("… would reopen in May and")
    assert [q.text for q in run(model, text)] == expected


def assert_provenance(text: str, q: Quote) -> None:
    """The quote's text is the slice its offsets point at, or (a quotation its cue interrupts)
    that slice's quoted pieces, in order, the first at ``start`` and the last at ``end``, joined
    by " … " with none of the words between them."""
    span = text[q.start : q.end]
    pieces = re.split(r" … |\n\n", q.text) if q.text != span else [span]
    assert span.startswith(pieces[0]) and span.endswith(pieces[-1]), (q.text, span)
    at = None
    for piece in pieces:
        found = span.find(piece, at or 0)
        assert found >= 0, (piece, span)
        if at is not None:  # what is left out is the narrator's, outside the marks
            # (or, in a reported clause its cue interrupts, that cue: "…, Holt said, …")
            left_out = span[at:found]
            assert quotes.QUOTE_MARK.search(left_out) or (
                q.kind == "reported" and q.cue in left_out
            ), (q.text, span)
        at = found + len(piece)


# A quotation followed by its speaker and a speech verb with the commas lost (FA-KES texts have
# most of theirs stripped), with the comma after the name only, and with the usual comma: the
# same direct quote of the same speaker each time, its words the quotation's alone.
NO_COMMA_CUES = [
    pytest.param(
        "Rescue workers searched the site on Monday. “The water ran out before noon on the second "
        "day” Maria Lopez spokeswoman for the relief agency told reporters adding the convoy had "
        "been turned back twice.",
        "Maria Lopez",
        "told",
        "The water ran out before noon on the second day",
        id="no-comma-speaker-role-verb",
    ),
    pytest.param(
        "Rescue workers searched the site on Monday. “The water ran out before noon on the second "
        "day” Maria Lopez, spokeswoman for the relief agency, told reporters adding the convoy had "
        "been turned back twice.",
        "Maria Lopez",
        "told",
        "The water ran out before noon on the second day",
        id="comma-after-the-name-only",
    ),
    pytest.param(
        "Rescue workers searched the site on Monday. “The water ran out before noon on the second "
        "day,” Maria Lopez, spokeswoman for the relief agency, told reporters adding the convoy "
        "had been turned back twice.",
        "Maria Lopez",
        "told",
        "The water ran out before noon on the second day",
        id="comma-before-the-closing-mark",
    ),
    pytest.param(
        'Aid arrived on Tuesday. "Nobody in the valley has had clean water since the storm" Paul '
        "Okafor head of the regional health office told the BBC.",
        "Paul Okafor",
        "told",
        "Nobody in the valley has had clean water since the storm",
        id="no-comma-straight-marks",
    ),
    pytest.param(
        'The shelter closed at dawn. "We have nothing left to give the families" the charity '
        "director Paul Okafor added.",
        "Paul Okafor",
        "added",
        "We have nothing left to give the families",
        id="no-comma-cue-parsed-as-a-relative-clause",
    ),
]


@pytest.mark.parametrize("text, speaker, cue, words", NO_COMMA_CUES)
def test_a_quotation_followed_by_its_speaker_without_a_comma_is_direct(
    model, text, speaker, cue, words
):
    found = run(model, text)
    got = [(q.kind, q.speaker, q.cue, q.text) for q in found]
    first = found[0]
    assert (first.kind, first.speaker, first.cue, first.text) == ("direct", speaker, cue, words)
    for q in found:
        assert speaker.split()[-1] not in q.text, got
        assert q.speaker_end <= q.start or q.end <= q.speaker_start, got


# A document is no person: it speaks as the body named as its issuer (before its noun, after
# its "from" or "by"), else as nobody, never as a person named nearby; a bill's name is none.
DOCUMENTS = [
    pytest.param(
        "Runner Dana Kovic has been banned by the Court of Arbitration for Sport (CAS).\n\n"
        'Kovic has always denied wrongdoing. "The agency has proved that Kovic took banned '
        'drugs," said a CAS statement.',
        "The agency has proved",
        "Court of Arbitration for Sport",
        id="body-before-the-noun",
    ),
    pytest.param(
        "James Holt, the shadow home secretary, criticised the plan. A statement from the Home "
        "Office said the rules would be reviewed.",
        "the rules would be reviewed",
        "Home Office",
        id="body-after-from",
    ),
    pytest.param(
        "Fast networks will matter, according to a report published by research consultancy "
        "Brightline. Mark Elder, its author, said prices would fall.",
        "Fast networks will matter",
        "Brightline",
        id="body-after-the-by-of-its-making",
    ),
    pytest.param(
        "Mark Elder has criticised the rules.\n\nThe report said the rules had failed "
        "thousands of families.",
        "the rules had failed",
        None,
        id="no-issuer-named-no-speaker",
    ),
    pytest.param(
        "Critics have attacked the plans. The Prevention of Fraud Bill proposes new powers for "
        "the police.",
        "new powers for the police",
        None,
        id="a-bill-is-no-speaker",
    ),
    pytest.param(
        "Brightway is poised to launch a bid for the exchange, UK media reports say.",
        "Brightway is poised",
        None,
        id="many-reports-of-a-country-are-no-one",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), DOCUMENTS)
def test_a_document_speaks_as_its_issuer_or_nobody(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker


# A quotation opened after a colon cue and ending its sentence is that cue's speaker's, not
# that of the speech verb that opens the next sentence.
COLON_THEN_NEXT_SPEAKER = [
    pytest.param(
        'The council tax deal was announced on Tuesday.\n\nRuth Kendal said: "This is a fair '
        'settlement for every council. It is now up to council leaders to manage their budgets." '
        'Green spokesman Tom Hale called the deal "deeply disappointing".',
        "This is a fair settlement",
        "Ruth Kendal",
        id="next-sentence-calls-something-its-own",
    ),
    pytest.param(
        'The ferry was late again.\n\nThe captain, Ana Costa, said: "The engines failed twice '
        'on the crossing." Mark Elder said the company would pay for the repairs.',
        "The engines failed twice",
        "Ana Costa",
        id="next-sentence-says-something-else",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), COLON_THEN_NEXT_SPEAKER)
def test_a_quotation_after_a_colon_cue_is_that_cues(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert (found[0].kind, found[0].speaker) == ("direct", speaker)


def test_a_fragment_before_the_narrators_words_is_not_a_comma_less_quotation(model):
    text = (
        "The council met on Friday. “I admire the care” of the authors of the plan, Paul Okafor "
        "said."
    )
    found = run(model, text)
    got = [(q.kind, q.speaker, q.text) for q in found]
    assert [(q.kind, q.speaker) for q in found] == [("reported", "Paul Okafor")], got
    assert "of the authors of the plan" in found[0].text, got


def test_offsets_and_speaker_mention_point_into_text(model):
    text = "“We are tired of these meetings,” Kerry said. Kerry is John Kerry, of course."
    (q,) = run(model, text)
    assert text[q.start : q.end] == q.text == "We are tired of these meetings"
    assert text[q.speaker_start : q.speaker_end] == q.speaker_mention == "Kerry"
    assert q.speaker == "John Kerry"
    assert q.cue == "said"


def test_an_interrupted_quotation_holds_only_the_quoted_words(model):
    # The cue and a long narration between the two pieces: the offsets (the reader's mark, the
    # evaluation's match) cover the whole stretch, the text and its scores the quoted words only.
    text = (
        "“The new ferry is a wonderful boat,” Edith Crane, the harbour master, told reporters on "
        "Monday, when dozens of families queued in the cold rain for the first crossing. “But the "
        "timetable is terrible.”"
    )
    (q,) = run(model, text)
    assert q.speaker == "Edith Crane"
    assert q.text == "The new ferry is a wonderful boat … But the timetable is terrible."
    assert q.start == text.index("The new ferry")
    assert q.end == text.index("terrible.") + len("terrible.")
    for narration in ("harbour master", "told", "families", "cold rain"):
        assert narration not in q.text
    scored = sentiment.quote_scores(
        "The new ferry is a wonderful boat But the timetable is terrible."
    )
    assert q.polarity == pytest.approx(scored["polarity"])
    # the word weight is the speaker's 12 words, the joining "…" none of them
    assert aggregates.quote_words(q.text, q.kind) == 12
    assert_provenance(text, q)


def test_mentions_give_canonical_name_and_label(model):
    text = "“The port is open,” Dabrowski said."
    doc = model(text)
    start = text.index("Dabrowski")
    mention = EntityMention("t", "Anna Dabrowska-Nowak", "PERSON", "Dabrowski", start, start + 9, 0)
    (q,) = quotes.extract(doc, article_id="t", mentions=[mention])
    assert (q.speaker, q.speaker_label, q.speaker_mention) == (
        "Anna Dabrowska-Nowak",
        "PERSON",
        "Dabrowski",
    )


def test_unbalanced_marks_do_not_break_the_article(model):
    text = (
        "“This never closes, said nobody.\n\n"
        "”Stray closing mark here.\n\n"
        "“The vote is on Thursday,” Lena Fischer said."
    )
    found = run(model, text)
    assert [(q.speaker, q.text) for q in found][-1] == ("Lena Fischer", "The vote is on Thursday")


def test_sentiment_is_scored_on_quote_text_only(model):
    (q,) = run(model, "“This is a wonderful, excellent result,” Maria Lopez said angrily.")
    assert q.polarity > 0.5
    assert 0.0 <= q.subjectivity <= 1.0


# --- the worked example (ARCHITECTURE.md) ----------------------------------------------------


def clean_sample() -> str:
    """The sample's clean text, built here so that this test does not depend on the cleaner."""
    body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    marker = "World diplomats have pleaded"
    body = body[body.index(marker, body.index(marker) + 1) :]
    body = "\n".join(line for line in body.split("\n") if not line.rstrip().endswith("Read more"))
    return re.sub(r"\n\s*\n+", "\n\n", body).strip()


@pytest.fixture(scope="module")
def sample_quotes(model):
    return run(model, clean_sample())


def speaker_of(found: list[Quote], words: str) -> str | None:
    matches = [q for q in found if words in q.text]
    assert len(matches) == 1, (words, [(q.speaker, q.text) for q in matches])
    return matches[0].speaker


@pytest.mark.parametrize(
    "words, speaker",
    [
        ("But what am I supposed to do?", "John Kerry"),
        ("the hardest kind of diplomacy", "John Kerry"),
        ("I know people are tired of these meetings", "John Kerry"),
        ("Fighters … don’t trust", "John Kerry"),
        ("a little grace", "John Kerry"),
        ("Although the deterioration of the situation", "Boris Johnson"),
        ("We agreed our first priority", "Boris Johnson"),
        ("I would ask you to imagine", "Ash Carter"),
        ("particularly in the political", "Ash Carter"),
        ("If countries in the region", "Ash Carter"),
        ("That means getting serious", "Ash Carter"),
        ("200 more military personnel", "Ash Carter"),
        ("US forces were on the frontlines", "Talal Sello"),
        ("Syrian troops had suspended their offensive", "Igor Konashenkov"),
        ("around 100,000 people remained", "Staffan de Mistura"),
        ("heavy clashes were under way", "Syrian Observatory for Human Rights"),
        ("would be “on the frontlines”", "Syrian Democratic Forces"),
        ("tens of thousands of people had left", "Russia"),
    ],
)
def test_worked_example_speakers(sample_quotes, words, speaker):
    assert speaker_of(sample_quotes, words) == speaker


def test_worked_example_kinds_labels_roles(sample_quotes):
    by_text = {q.text[:30]: q for q in sample_quotes}
    kerry = next(q for q in sample_quotes if q.text.startswith("I know people"))
    assert (kerry.kind, kerry.speaker_label, kerry.speaker_role) == (
        "direct",
        "PERSON",
        "US secretary of state",
    )
    sello = next(q for q in sample_quotes if q.speaker == "Talal Sello")
    assert sello.speaker_role == "SDF spokesman"
    observatory = next(
        q for q in sample_quotes if q.speaker == "Syrian Observatory for Human Rights"
    )
    assert (observatory.kind, observatory.speaker_label) == ("reported", "ORG")
    assert next(q for q in sample_quotes if q.speaker == "Russia").speaker_label == "GPE"
    assert by_text  # every record has text


def test_worked_example_counts_nothing_twice(sample_quotes):
    spans = sorted((q.start, q.end) for q in sample_quotes)
    for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2, "two records overlap: a quotation is counted twice"
    n_quotes = Counter(q.speaker for q in sample_quotes)
    # Kerry's "… I'm not born yesterday." is left open and "But what am I supposed to do?"
    # continues it in the next paragraph: one quotation, so fewer records than paragraphs.
    assert n_quotes["John Kerry"] >= 5
    assert n_quotes["Boris Johnson"] == 1  # one quotation over two paragraphs
    assert n_quotes["Ash Carter"] >= 5


def test_scare_quotes_in_sample_are_not_speech(sample_quotes):
    # “indiscriminate” has no speech cue: it must not become anyone's quote on its own.
    assert not any(q.text.strip("“”") == "indiscriminate" for q in sample_quotes)
    assert not any(q.text == "tired" for q in sample_quotes)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # An untagged surname goes to the person the article names in full.
        (
            "“The shelters are full,” said Maria Lopez, a spokeswoman for the Aid Network.\n\n"
            "Lopez said around 50,000 people remained in the besieged districts.",
            "Maria Lopez",
        ),
        # An institution with a nationality speaks as an organisation.
        (
            "The Russian defence ministry said 500 troops were deployed to the city.",
            "Russian defence ministry",
        ),
        # A description of an organisation named before speaks for it: the one whose name
        # holds the noun, else the nearest one.
        (
            "The Coastal Flood Observatory recorded the highest tide in forty years.\n\n"
            "The observatory said the sea wall at Harwick had been breached in two places.",
            "Coastal Flood Observatory",
        ),
        (
            "Volunteers from the Harbour Relief Fund handed out blankets in the port on Monday.\n\n"
            "The charity said at least 300 families had lost their homes.",
            "Harbour Relief Fund",
        ),
        (
            "Water levels rose again, according to the Riverside Monitoring Network.\n\n"
            "The monitor said three villages had been cut off overnight.",
            "Riverside Monitoring Network",
        ),
        (
            "Flood defences failed, the Coastal Flood Observatory said.\n\n"
            "The Observatory added that two villages had been evacuated.",
            "Coastal Flood Observatory",
        ),
        # A noun of no list stands for the body whose name holds it, or that the article
        # called so, however it was tagged; with no such body, for none.
        (
            "Brightway, the country's largest bank, is to cut 900 jobs.\n\nThe cuts will cost "
            "50m euros. The bank said it was on course for a 5% rise in profits this year.",
            "Brightway",
        ),
        (
            "In a new report, the Boundary Commission says the seats should be redrawn.\n\n"
            "The commission says three seats in the north would be merged.",
            "Boundary Commission",
        ),
        # a kind of company ("the retailer", "the airline") is the company named before it,
        # as "the company" is (lexicon/firm_description_nouns)
        (
            "Shares in Brightway fell on Monday.\n\nThe retailer said sales over Christmas had "
            "been weak.",
            "Brightway",
        ),
        (
            "Voters in the north backed the Green Party and the Harbour Party in May.\n\nThe "
            "party said it would fight every seat.",
            None,
        ),
        (
            "Brightway, the country's largest exchange, held talks with Deutsche Handel.\n\n"
            "The German exchange said the talks had been friendly.",
            None,
        ),
        (
            "Growth will slow next year, a Harbour Bank report said.\n\nThe report said "
            "exports would fall by 3%.",
            "Harbour Bank",
        ),
        # the noun in British spelling, the name in American
        (
            "According to the Coastal Hazards Research Center at Kellock University, there is "
            "little evidence of a boom.\n\nRebuilding is rarely quick, the centre says, but "
            "losses are avoided.",
            "Coastal Hazards Research Center",
        ),
    ],
)
def test_surnames_and_institutions_are_speakers(model, text, speaker):
    found = run(model, text)
    assert found[-1].speaker == speaker, [(q.speaker, q.text) for q in found]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A SANA reporter said 12 people were killed in Homs on Monday.", "SANA"),
        ('"We saw bodies in the street," an AFP correspondent said.', "AFP"),
        ("SANAs correspondent said that shells hit the market.", "SANA"),  # apostrophe lost
        # no outlet named: the reporter stays unnamed
        ("The reporter said the attack continued into the night.", None),
    ],
)
def test_an_outlets_reporter_speaks_for_the_outlet(model, text, speaker):
    # As a figure's claimant is read: the words are the outlet's report.
    (q,) = run(model, text)
    assert q.speaker == speaker, (q.speaker, q.speaker_mention)


# "our correspondent" is the outlet's own journalist the article named just before; with none
# named, nobody (never the outlet or a person named in passing).
OWN_CORRESPONDENT = [
    pytest.param(
        "Prices rose again in March, says the BBC's Jane Roe in Lisbon. Shoppers blame the "
        "euro, but the results may reflect a short winter, our correspondent says.",
        "the results may reflect",
        "Jane Roe",
        id="the-outlets-possessive",
    ),
    pytest.param(
        "Talks will resume on Monday, said BBC labour affairs correspondent Tom Hale. Ministers "
        'believe a deal is "the less painful option", our correspondent added.',
        "a deal is",
        "Tom Hale",
        id="outlet-and-press-noun-before-the-name",
    ),
    pytest.param(
        "Union leader Mark Elder met ministers on Monday. Talks will resume next week, our "
        "correspondent said.",
        "Talks will resume",
        None,
        id="no-journalist-named",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), OWN_CORRESPONDENT)
def test_our_correspondent_is_the_journalist_named_before(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an agency named before the head noun is the agency, not the last organisation named
        (
            "Islamic State fighters attacked the checkpoint at dawn. The official SANA news "
            "agency said nine soldiers were wounded.",
            "SANA",
        ),
        # a capitalised name the model did not tag is the body itself, not the town before it
        (
            "Jets struck a Hezbollah depot on Monday. “Many more were hurt,” the Syrian "
            "Observatory said.",
            "Syrian Observatory for Human Rights",
        ),
    ],
)
def test_an_organisation_named_in_the_subject_is_the_speaker(model, text, speaker):
    q = run(model, text)[-1]
    assert q.speaker == speaker, (q.speaker, q.speaker_mention)


@pytest.mark.parametrize(
    "text",
    [
        # a body ("UNs", its apostrophe lost) or a name ("Samir Haddad") in the description
        # that the person named before does not hold: not that person
        "Bashar al-Assad vowed to retake the city. The UNs top aid official said the pause "
        "would not be enough.",
        "Bashar al-Assad vowed to retake the city. Zaid Qutrani head of the press office at "
        "the brigade said the bakeries had closed.",
    ],
)
def test_a_description_naming_another_body_or_name_is_not_the_person_before(model, text):
    q = run(model, text)[-1]
    assert q.speaker != "Bashar al-Assad", (q.speaker, q.speaker_mention)


def test_a_modifier_run_before_an_untagged_name_is_no_part_of_it(model):
    text = (
        "Fighting resumed near the airport on Monday. The London-based Syrian Observatory said "
        "14 people were hurt."
    )
    q = run(model, text)[-1]
    assert q.speaker is not None and "Observatory" in q.speaker, (q.speaker, q.speaker_mention)


def test_a_name_that_qualifies_the_subject_is_not_the_speaker(model):
    text = (
        "Moscow sent more jets. The staunch Assad ally insisted the depot had been hit by rebels."
    )
    q = run(model, text)[-1]
    assert q.speaker is None or "Assad" not in q.speaker, (q.speaker, q.speaker_mention)


def test_he_is_the_last_speaker_not_a_name_in_his_own_words(model):
    text = (
        "Omar Haddad said the talks had failed. The people had risen up against President "
        "Bashar al-Assad and would not stop now, he added."
    )
    q = run(model, text)[-1]
    assert q.speaker == "Omar Haddad", (q.speaker, q.speaker_mention, q.text)


@pytest.mark.parametrize(
    "asked",
    [
        # called by the office the article names him for (undated: the one holder named)
        "the prime minister",
        # named (the model tags the name in the question nothing)
        "Mr Brown",
    ],
)
def test_who_asks_a_question_is_not_the_one_it_asks_about(model, asked):
    # The person named last before "he" is the one the question is about, not its asker.
    text = (
        "Tom Hale has no doubt that it is the prime minister who is rushing the bill through "
        "Parliament. His party believes Gordon Brown is using the issue to look tough. Why "
        f"will {asked} not simply accept the offer of more time for debate, he demanded."
    )
    q = run(model, text)[-1]
    assert q.speaker == "Tom Hale", (q.speaker, q.speaker_mention, q.text)


def test_a_bare_institution_stays_unnamed(model):
    (q,) = run(model, "The ministry said the road to the airport had reopened on Sunday.")
    assert q.speaker is None and q.speaker_mention == "The ministry"
    # With no organisation named before it, a description stays unnamed too.
    (q,) = run(model, "Maria Lopez arrived on Monday. The group said the convoy was delayed.")
    assert q.speaker is None and q.speaker_mention == "The group"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # one member of a party, described: the person named before, not the party
        (
            "Senator Tom Albrecht voted against the bill on Tuesday. The Ohio Republican said "
            "the measure cost far too much.",
            "Tom Albrecht",
        ),
        (
            "Senator Tom Albrecht voted against the bill on Tuesday. \u201cIt costs far too "
            "much,\u201d the Republican said.",
            "Tom Albrecht",
        ),
        # the party's members as a group stay the group
        (
            "Senator Tom Albrecht voted against the bill on Tuesday. Republicans said the "
            "measure cost far too much.",
            "Republicans",
        ),
    ],
)
def test_the_party_member_described_is_the_person_named_before(model, text, speaker):
    q = run(model, text)[-1]
    assert q.speaker == speaker, (q.speaker, q.speaker_mention)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # A nationality describing a noun is not what a later "they" stands for.
        (
            "The Syrian activists had no word on the agent used. They claimed the blast came "
            "from an air raid.",
            "They",
        ),
        ("Syrian government forces advanced on Monday. They said the town had been taken.", "They"),
        # One person of a people is a person the article does not name, not the people.
        ("One Syrian living near the river said the checkpoints had doubled in a month.", None),
    ],
)
def test_a_nationality_word_is_not_a_speaker(model, text, mention):
    (q,) = run(model, text)
    assert q.speaker is None, (q.speaker, q.speaker_mention)
    if mention is not None:
        assert q.speaker_mention == mention
    else:
        assert q.speaker_mention.startswith("One Syrian")


@pytest.mark.parametrize(
    "text",
    [
        # the place's people, not the place
        'Residents fled Jobar on Monday. "We have nothing left," they said.',
        # the agency the story is credited to is not who "they" are
        'Families left the town, Reuters reported. "There is no bread," they told reporters.',
        # and a group named three sentences back is too far for "they"
        "The Civil Defence sent two teams. The road was shelled. The bridge fell. "
        "Hours later, they said the town was cut off.",
        # people named by a plural noun after the organisation are who "they" are
        "Diplomats met United Nations officials on Monday. They said more bodies were found.",
    ],
)
def test_they_is_no_place_outlet_or_distant_group(model, text):
    found = [
        q for q in run(model, text) if q.speaker_mention and q.speaker_mention.lower() == "they"
    ]
    assert found and all(q.speaker is None for q in found), [(q.speaker, q.text) for q in found]


def test_they_is_the_group_named_just_before(model):
    (q,) = run(model, "The YPG took the town on Monday. They said 20 of their fighters died.")
    assert (q.speaker_mention, q.speaker) == ("They", "YPG")


def test_the_group_is_not_the_agency_reporting_it(model):
    found = run(
        model,
        "Jaish al-Islam shelled the district, AFP reported. The group said the toll would rise.",
    )
    # AFP reports the shelling; what "the group" said is the armed group's
    assert [(q.speaker_mention, q.speaker) for q in found] == [
        ("AFP", "AFP"),
        ("The group", "Jaish al-Islam"),
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the news agency that quoted the sentence before is "the agency" reporting
        (
            "“Nine fishermen were rescued off the point,” Ruth Amsel of the Harbour Trust was "
            "quoted by Reuters as saying. Most of the crew had been asleep when the boat "
            "capsized, the agency reported.",
            "Reuters",
        ),
        (
            "“Nine fishermen were rescued off the point,” Ruth Amsel of the Harbour Trust told "
            "Reuters. Most of the crew had been asleep when the boat capsized, the agency "
            "reported.",
            "Reuters",
        ),
        # a wire credit reporting another body's words leaves "the agency" to that body
        (
            "The World Food Programme warned on Monday that stocks were running low in the "
            "north, Reuters reported. Two convoys were turned back at the border, the agency "
            "said.",
            "World Food Programme",
        ),
        # and so does a credit at the story's head
        (
            "GENEVA (Reuters) - The World Food Programme warned on Monday that stocks were "
            "running low in the north. Its trucks had been stopped twice this week by armed men. "
            "Two convoys were turned back at the border, the agency said.",
            "World Food Programme",
        ),
    ],
)
def test_the_agency_is_the_news_agency_that_just_quoted(model, text, speaker):
    found = [q for q in run(model, text) if q.speaker_mention == "the agency"]
    assert [q.speaker for q in found] == [speaker]


def test_a_people_named_as_a_noun_still_speaks(model):
    (q,) = run(model, "The Russians said the convoy had been hit by rebels.")
    assert q.speaker is not None and q.speaker_mention == "Russians"


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # someone new: an indefinite official, and the "he" who goes on speaking
        (
            "Maria Lopez toured the city. An official at the governor's office said ten rockets "
            "hit the stadium. He said the blasts wounded 30 people.",
            ["An official", "He"],
        ),
        # someone's aide is not that someone
        (
            "Tom Hale met the families on Monday. Mr Hale's official spokesman said no one would "
            "forget the day.",
            ["Mr Hale's official spokesman"],
        ),
        ("Maria Lopez toured the city. A spokesman for Ms Lopez said the visit would go on.", None),
        (
            "Tom Hale met the families. The prime minister's spokesman said no one would forget "
            "the day.",
            ["The prime minister's spokesman"],
        ),
        # a description naming another body is not the person named before
        (
            "Tom Hale toured the camp on Monday. The UN's top aid official said the pause would not "
            "be enough.",
            ["The UN's top aid official"],
        ),
    ],
)
def test_a_new_or_anothers_official_is_not_the_person_named_before(model, text, mentions):
    found = run(model, text)
    assert found and all(q.speaker is None for q in found), [(q.speaker, q.text) for q in found]
    if mentions is not None:
        assert [q.speaker_mention for q in found] == mentions


def test_a_definite_role_still_stands_for_the_person_named_before(model):
    (q,) = run(model, "Tom Hale arrived in Leeds. The minister said the plant would stay open.")
    assert q.speaker == "Tom Hale"
    (q,) = run(model, "Bashar al-Assad spoke on Monday. Syria's president said the army would win.")
    assert q.speaker == "Bashar al-Assad"


def test_pronoun_referents_read_the_quotes_antecedents_and_give_the_same(model, sample_article):
    texts = [
        sample_article.text,
        "Maria Lopez toured the city on Monday. She said the bridge would reopen. Her aides agreed.",
        "He arrived late. Tom Hale said his team had won, and he thanked the fans.",
    ]
    found = []
    for text in texts:
        fresh = model(text)
        mentions, _ = entities.extract(fresh, article_id="t")
        alone = quotes.pronoun_referents(fresh, article_id="t", mentions=mentions)
        doc = model(text)
        mentions, _ = entities.extract(doc, article_id="t")
        quotes.extract(doc, article_id="t", mentions=mentions)  # leaves its antecedents
        assert quotes._ANTECEDENTS_KEY in doc.user_data
        after = quotes.pronoun_referents(doc, article_id="t", mentions=mentions)
        assert after == alone
        found.append(after)
    assert {r.name for r in found[1]} == {"Maria Lopez"}  # "She", "Her"
    assert "Tom Hale" in {r.name for r in found[2]}  # "his", "he"; the first "He" has no one


def test_they_is_a_group_never_one_named_person(model):
    found = run(
        model,
        "Tom Hale's forces shelled the town. Rights groups have criticised the shelling, "
        "which they say fails to spare civilians.",
    )
    assert found and all(q.speaker != "Tom Hale" for q in found), [
        (q.speaker, q.text) for q in found
    ]


def test_the_home_secretary_is_not_the_shadow_home_secretary_named_later(model):
    text = (
        "The home secretary confirmed the review of sentencing would begin in the spring. He "
        "said the review would look at short prison terms and at fines.\n\n"
        "Shadow home secretary Peter Wells welcomed the review. But he argued the minister "
        "should have made a statement in the Commons."
    )
    found = {q.text: q.speaker for q in run(model, text)}
    assert found["the review would look at short prison terms and at fines"] is None
    assert found["the review of sentencing would begin in the spring"] is None
    assert found["the minister should have made a statement in the Commons"] == "Peter Wells"


@pytest.mark.parametrize(
    "text",
    [
        'The rebels in the town agreed to a "reconciliation" with the government.',
        'The two ministers agreed on "coordinating political standpoints".',
    ],
)
def test_agreeing_to_something_is_not_speech(model, text):
    assert run(model, text) == []


def test_agreeing_that_is_speech(model):
    (q,) = run(model, "Officials agreed that the talks had failed.")
    assert q.text == "the talks had failed"


LEDE_MONITOR = (
    "Shelling killed nine people in the town of Maarat on Sunday a monitoring group said.\n\n"
    "Army spokesman Adel Nasser said the town had been cleared of militants.\n\n"
    "The Syrian Observatory for Human Rights said most of the dead were farmers."
)


def test_a_monitor_in_a_lede_is_the_monitoring_body_named_later(model):
    found = {q.text: q for q in run(model, LEDE_MONITOR)}
    lede = found["Shelling killed nine people in the town of Maarat on Sunday"]
    # the first monitoring body quoted after it, not the army quoted in between
    assert lede.speaker == "Syrian Observatory for Human Rights"
    assert lede.speaker_mention == "a monitoring group"  # what the text says is kept


@pytest.mark.parametrize(
    "text",
    [
        # a bare "group" may be anyone
        "Gunmen killed four guards at the depot a group said. The Syrian Observatory for Human "
        "Rights said the depot was empty.",
        # no monitoring body quoted after it: the description stays unnamed
        "Shelling killed nine people in Maarat a monitor said. The Red Cross said it had sent "
        "two trucks.",
    ],
)
def test_other_descriptions_and_other_bodies_are_not_the_monitor(model, text):
    lede = run(model, text)[0]
    assert lede.speaker is None, (lede.speaker_mention, lede.speaker)


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("a monitoring group", True),
        ("the Britain-based war monitor", True),
        ("monitor", True),
        ("a rights group", True),
        ("a group", False),
        ("Aleppo Monitor", False),  # a name, not a description
        ("the Syrian Observatory for Human Rights", False),
        ("an official", False),
    ],
)
def test_is_monitor_description(phrase, expected):
    assert quotes.is_monitor_description(phrase) is expected


FAR_OBSERVATORY = (
    "The Syrian Observatory for Human Rights said shelling killed twelve people in Maarat.\n\n"
    "Residents said the market had been full when the first shell landed.\n\n"
    "Doctors at the field hospital said they had run out of blood.\n\n"
    "The army said its units had answered fire from the town.\n\n"
    "Neighbouring villages reported heavy smoke through the afternoon.\n\n"
    "Aid workers said two convoys were waiting at the crossing.\n\n"
    "UN envoy Karin Holm said a ceasefire was needed within days.\n\n"
    "The observatory said the shelling went on until dawn.\n\n"
    "The monitor could not confirm who fired but said the shells came from the south."
)


def test_the_observatory_far_from_its_name_is_still_the_observatory(model):
    # seen on FA-KES: "the observatory" eight sentences after its name went to the UN, named
    # in between, and "the monitor" after it too
    found = {q.text: q for q in run(model, FAR_OBSERVATORY)}
    later = next(q for t, q in found.items() if t.startswith("the shelling went on"))
    assert later.speaker == "Syrian Observatory for Human Rights"
    last = [q for q in found.values() if q.speaker_mention == "The monitor"]
    assert last and all(q.speaker == "Syrian Observatory for Human Rights" for q in last)


def test_an_organisation_the_model_tagged_a_facility_is_still_a_speaker(model):
    # seen on FA-KES: the model tagged "the Syrian Observatory for Human Rights" FAC in one
    # story; the entity extractor's mention says ORG, and "the observatory" later is that body
    from spacy.tokens import Span

    text = FAR_OBSERVATORY
    doc = model(text)
    start = text.index("Syrian Observatory")
    span = doc.char_span(start, start + len("Syrian Observatory for Human Rights"))
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [
        Span(doc, span.start, span.end, label="FAC")
    ]
    mentions, _ = entities.extract(doc, article_id="t")
    mentions = [
        m
        if m.name != "Syrian Observatory for Human Rights"
        else dataclasses.replace(m, label="ORG")
        for m in mentions
    ]
    assert any(m.name == "Syrian Observatory for Human Rights" for m in mentions)
    found = quotes.extract(doc, article_id="t", mentions=mentions)
    later = next(q for q in found if q.text.startswith("the shelling went on"))
    assert later.speaker == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian Coalition Anas al-Abdah said the talks had failed.",
        "The head of the Syrian Coalition Anas al-Abdah said the talks had failed.",
    ],
    ids=["organisation-then-person", "role-of-organisation-then-person"],
)
def test_a_person_run_into_an_organisation_is_the_speaker(model, text):
    # The source lost the comma between the body and its head; the model tags both one
    # organisation. The person who ends the run is who speaks, and the body is no speaker.
    (q,) = run(model, text)
    assert q.speaker == "Anas al-Abdah", (q.speaker, q.speaker_mention)


def test_whom_a_speaker_tells_is_not_the_speaker(model):
    # a comma-less text whose parse leaves "told" without a subject: the addressee after the
    # verb is not an inverted speaker
    text = (
        "Aid was due on Monday. “We are sending a convoy into a besieged area of rural "
        "Damascus” Omar Haddad spokesman for the UN Office for the Coordination of "
        "Humanitarian Affairs (OCHA) told Reuters."
    )
    assert all(q.speaker != "Reuters" for q in run(model, text))


def test_a_cue_with_words_of_its_own_after_a_full_stop_is_a_new_sentence(model):
    # a headline run into the text after a closed quotation: "Assad says" reports its own words
    text = (
        "Omar Haddad spoke to reporters. “We will advise on the exact locations once the convoy "
        "has reached them.” Assad says Syria war will “drag on” for years."
    )
    quotes = run(model, text)
    assert not [
        q for q in quotes if q.text.startswith("We will advise") and "Assad" in (q.speaker or "")
    ]
    assert any("drag on" in q.text and "Assad" in (q.speaker or "") for q in quotes)


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Nusra Front fighters seized the town on Monday. The humanitarian group Doctors "
            "Without Borders added that health workers had fled the area.",
            "Doctors Without Borders",
        ),
        (
            "Nusra Front fighters seized the town on Monday. The charity Save the Children "
            "said that 40 schools had closed.",
            "Save the Children",
        ),
        (
            "Nusra Front fighters seized the town on Monday. The group said that 40 schools "
            "had closed.",
            "Nusra Front",  # a bare description still goes to the organisation named before
        ),
    ],
)
def test_a_description_followed_by_a_name_is_that_organisation(model, text, speaker):
    (q,) = run(model, text)
    assert q.speaker == speaker


def test_an_untagged_monitor_with_its_full_name_or_a_variant_is_one_speaker(model):
    # the model tagged nothing; the name runs on past its noun, and a known short form is the
    # organisation's own name (8 quotes of "Syrian Observatory" stood apart on the real store)
    text = (
        "At least 17 people were killed in central Damascus the Syrian Observatory for Human "
        "Rights said Monday."
    )
    assert [q.speaker for q in run(model, text)] == ["Syrian Observatory for Human Rights"]


def test_a_witness_named_in_a_clause_is_the_speaker(model):
    text = "A witness named Ahmad said he saw the bomber."
    assert [q.speaker for q in run(model, text)] == ["Ahmad"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a broadcaster's description never stands for an armed group named before it
        ("Nusra Front fighters seized the town on Monday. Fighting went on, the TV network said.",
         None),
        # nor a monitor's for the group it reports on; a monitoring body named before it is meant
        ("Islamic State fighters seized the town. “Daesh has driven out the troops,” the London "
         "based monitor said.", None),
        ("The Syrian Observatory for Human Rights counted 20 dead. Islamic State fighters seized "
         "the town. Fighting went on, the monitor said.", "Syrian Observatory for Human Rights"),
        # a plain "the group" still goes to the group named before it
        ("Nusra Front fighters seized the town on Monday. Fighting went on, the group said.",
         "Nusra Front"),
    ],
)  # fmt: skip
def test_a_description_stands_only_for_an_organisation_of_its_kind(model, text, speaker):
    found = [q for q in run(model, text) if "went on" in q.text or "driven out" in q.text]
    assert [q.speaker for q in found] == [speaker]


def test_a_speakers_clause_inside_its_own_clause_is_counted_once(model):
    text = (
        "The Syrian Observatory for Human Rights said a woman was killed in the blast, saying it "
        "also wounded more than 20 people."
    )
    found = run(model, text)
    # the "saying" clause is a record of its own after the first one's words, which end before
    # it: the wounded are in one record only, not in the first one's words too
    assert [q.speaker for q in found] == ["Syrian Observatory for Human Rights"] * 2
    assert [("wounded more than 20" in q.text) for q in found] == [False, True]


@pytest.mark.parametrize(
    "text",
    [
        # a hyphenated modifier is no part of the name
        "Fighting killed 90 people. The anti-Assad Syrian Observatory for Human Rights reported "
        "on Thursday that 90 people had been killed.",
        # the name cut short before a lower-case last word is still the Observatory
        "A woman and a child were also among the dead the Britain-based Syrian Observatory for "
        "Human rights said.",
    ],
)
def test_the_observatory_under_a_modifier_or_cut_short_is_the_observatory(model, text):
    assert [q.speaker for q in run(model, text)] == ["Syrian Observatory for Human Rights"]


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        # a day after the verb is when, not who; the subject nearest the verb speaks
        ("At least 30 people were killed in shelling on the eastern suburbs a monitoring group "
         "said Saturday.", "a monitoring group", None),
        # page furniture run into the sentence is no subject
        ("Date of publication 4 March 2019 The Harbour Workers Union says the port will close "
         "for a week.", "Harbour Workers Union", "Harbour Workers Union"),
        # a description in apposition to a name (its commas lost) leaves the name the speaker
        ("The Coastal Rescue Service an emergency charity said 12 people were pulled from the "
         "water.", "Coastal Rescue Service", "Coastal Rescue Service"),
    ],
)  # fmt: skip
def test_a_run_in_subject_or_a_day_is_not_the_speaker(model, text, mention, speaker):
    (q,) = run(model, text)
    assert (q.speaker_mention, q.speaker) == (mention, speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an acronym or a news agency the model tags nothing: the name tables know them
        ("SOHR said 12 people died in the shelling of the old market.",
         "Syrian Observatory for Human Rights"),
        ("According to SANA the car bomb damaged two buildings near the stadium.", "SANA"),
        # an agency's own name before "news agency"
        ("The rebel-run Qasioun news agency said 12 people died in the raid.", "Qasioun"),
    ],
)  # fmt: skip
def test_an_untagged_proper_name_is_the_speaker(model, text, speaker):
    (q,) = run(model, text)
    assert q.speaker == speaker, (q.speaker_mention, q.speaker)


def test_an_untagged_name_speaks_and_he_is_him(model):
    found = run(
        model,
        "“We will stay in the league,” Tomasz, 26, said. “The club knows what I want,” he added.",
    )
    assert [q.speaker for q in found] == ["Tomasz", "Tomasz"]


def test_a_description_with_its_own_name_is_no_other_organisation(model):
    # "the state-run Sana agency", "the UN humanitarian agency": they had been the words of the
    # Observatory, the organisation named before
    found = run(
        model,
        "The Syrian Observatory for Human Rights said 12 people were killed in Douma.\n\n"
        "Six had been killed the previous day, the state-run Sana agency said.\n\n"
        "The UN humanitarian agency on Tuesday demanded an investigation into the strikes.",
    )
    assert [q.speaker for q in found] == ["Syrian Observatory for Human Rights", "SANA", None]


def test_according_to_a_method_is_not_speech(model):
    text = (
        "The group says it determines whose planes carry out raids according to type, location "
        "and flight patterns."
    )
    assert [q.cue for q in run(model, text)] == ["says"]


@pytest.mark.parametrize(
    "text",
    [
        "Warez crews, which first surfaced in the 1990s, operate according to a strict code of "
        "honour.",
        "The two clubs share their grounds according to an old principle of rotation.",
        "Bakers still prove the dough according to the same formula their founder used.",
        "The plan ranks the towns according to the steps they are taking to cut waste.",
        "Grants will be shared out according to need.",
    ],
)
def test_according_to_a_code_or_a_principle_is_not_speech(model, text):
    # "in accordance with" (lexicon/accordance_nouns.txt), not "as said by": a BBC story's
    # crews had been quoted as saying "Warez crews, … operate"
    assert run(model, text) == []


def _mention(doc, name, label, words):
    start = doc.text.index(words)
    return EntityMention("t", name, label, words, start, start + len(words), 0)


def test_an_untagged_name_is_the_articles_fuller_name(model):
    # Model-free lookups (the model's tags do not matter): a surname or a "Mr X" goes to the
    # full name the article gives, a title making it a person whatever the entity layer's
    # label; an acronym to the name whose initials it spells; of two names ending the same, the
    # one with fewer other words (not a run-in title's "Ghent Harbour Rescue Watch").
    doc = model.make_doc(
        "Vincent Cable spoke. The International Federation of Red Cross sent aid. Ghent Harbour "
        "Rescue Watch met. Harbour Rescue Watch reported. Mr Cable said. Cable said. IFRC said. "
        "Rescue Watch said."
    )
    names = quotes._Names(
        doc,
        [
            _mention(doc, "Vincent Cable", "ORG", "Vincent Cable"),
            _mention(doc, "International Federation of Red Cross", "ORG",
                     "International Federation of Red Cross"),
            _mention(doc, "Ghent Harbour Rescue Watch", "ORG", "Ghent Harbour Rescue Watch"),
            _mention(doc, "Harbour Rescue Watch", "ORG", "Harbour Rescue Watch"),
        ],
    )  # fmt: skip

    def words(text):
        start = doc.text.rindex(text)
        return doc.char_span(start, start + len(text))

    assert names.proper(words("Mr Cable")) == ("Vincent Cable", "PERSON")
    assert names.proper(words("Cable said")[:1]) == ("Vincent Cable", "ORG")
    assert names.proper(words("IFRC")) == ("International Federation of Red Cross", "ORG")
    assert names.proper(words("Rescue Watch said")[:2]) == ("Harbour Rescue Watch", "ORG")
    assert names.proper(words("sent")) is None


def test_a_capital_that_speaks_is_its_countrys_government(model):
    # "Moscow" and "Russia" speaking are one government; the mention keeps the word written
    found = run(
        model,
        "Moscow denied any involvement in the raids on Tuesday. Russia said it had destroyed "
        "a weapons depot near the river.",
    )
    assert [(q.speaker, q.speaker_mention) for q in found] == [
        ("Russia", "Moscow"),
        ("Russia", "Russia"),
    ]
    # a city's own people speak for themselves
    found = run(model, "The mayor of Moscow said the roads would reopen on Friday.")
    assert all(q.speaker != "Russia" for q in found)
    # whatever the tagger calls the capital (here an organisation); a person keeps their name
    found = run(
        model,
        "Washington said the strikes were lawful. Denzel Washington said the film was his best.",
    )
    assert [(q.speaker, q.speaker_mention) for q in found] == [
        ("United States", "Washington"),
        ("Denzel Washington", "Denzel Washington"),
    ]


def test_a_countrys_government_speaks_as_the_country(model):
    # "the Syrian government", "the Syrian regime", "Damascus" and "Syria": one speaker
    found = run(
        model,
        "The Syrian government said the convoy had been attacked by rebels. Syria said the "
        "report was false.",
    )
    assert [(q.speaker, q.speaker_mention) for q in found] == [
        ("Syria", "The Syrian government"),
        ("Syria", "Syria"),
    ]


def test_a_spokesman_for_a_body_is_not_someone_else_named_before(model):
    # "the spokesman for the coalition" is no rebel commander quoted a sentence before; the
    # person named with that body still is its spokesman
    found = run(
        model,
        "A rebel commander, Omar Haddad, said the town had fallen. Asked about a report of a "
        "drone strike, the spokesman for the US-led coalition said the site was outside its "
        "area of operations.",
    )
    assert [q.speaker for q in found] == ["Omar Haddad", None]
    found = run(
        model,
        "Colonel John Dorrian, the spokesman for the coalition, said planes were active. The "
        "spokesman for the coalition said the strike hit a depot.",
    )
    assert [q.speaker for q in found] == ["John Dorrian", "John Dorrian"]


def test_a_demand_after_a_quotation_is_not_its_cue(model):
    # "“…?” France … has called for an inquiry": the country asks for something in the
    # narrator's words; the question was the envoy's, whose quotation carries on.
    found = run(
        model,
        'Marie Dupont, France’s deputy ambassador, rejected the report. "Nobody has visited the '
        'site" she said. "How can you be sure?" France a permanent member of the council has '
        "called for an independent inquiry into the claims.",
    )
    assert [q.speaker for q in found] == ["Marie Dupont"], [(q.speaker, q.text) for q in found]
    assert "How can you be sure?" in found[0].text
    # a quotation that is the demand's own object is still the demand's
    (q,) = run(model, 'Russia has called for "a thorough and independent investigation".')
    assert q.speaker == "Russia"
    # "also": the one who asks has just spoken
    text = (
        'Peter Holm said the market was strong. "We were the first to sell downloads," he said. '
        '"It is hard to compete with free copies." {} called for a change to the copying law.'
    )
    found = run(model, text.format("The union has"))
    assert [q.speaker for q in found] == ["Peter Holm", "Peter Holm"]
    assert "free copies" in found[-1].text
    found = run(model, text.format("Mr Holm also"))
    assert (found[-1].speaker, found[-1].speaker_mention) == ("Peter Holm", "Holm")


def test_a_countrys_possessive_taken_for_a_name_learns_no_title(model):
    # Model-free: the model tagged "Russias" (its apostrophe lost) a person compounded to the
    # title, the entity layer knows the country. The title is the envoy's, never Russia's.
    words = ["Russias", "Deputy", "Ambassador", "Vladimir", "Safronkov", "spoke", "."]
    parse = [
        (2, "compound", "PROPN"), (2, "compound", "PROPN"), (4, "compound", "PROPN"),
        (4, "compound", "PROPN"), (5, "nsubj", "PROPN"), (5, "ROOT", "VERB"), (5, "punct", "PUNCT"),
    ]  # fmt: skip
    heads, deps, pos = zip(*parse, strict=True)
    doc = Doc(
        model.vocab, words=words, heads=list(heads), deps=list(deps), pos=list(pos),
        lemmas=[w.lower() for w in words],
        ents=["B-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )  # fmt: skip
    mentions = [
        EntityMention("t", "Russia", "GPE", "Russias", 0, 7, 0),
        EntityMention("t", "Vladimir Safronkov", "PERSON", "Vladimir Safronkov", 27, 45, 0),
    ]
    resolver = quotes._Resolver(doc, quotes._Names(doc, mentions), [False] * len(doc))
    assert "Russia" not in resolver.roles
    assert "Ambassador" in resolver.roles["Vladimir Safronkov"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a misspelt sentence adverb the model tagged a person, its subject hung off it
        (
            "Meanwhilee the Turkish-led alliance previously denied a report that it had shelled "
            "the market.",
            "the Turkish-led alliance",
        ),
        ("Meanwhilee the army said it had shelled the market.", "the army"),
        ("Howver the ministry said the bridge would reopen on Monday.", "the ministry"),
    ],
)
def test_a_sentence_adverb_is_no_speaker(model, text, mention):
    (q,) = run(model, text)
    assert q.speaker_mention == mention and q.speaker != text.split()[0], q


# From an analyst's review of the real store (12-05): descriptions and pronouns given to the
# most prominent name instead of the one they describe. Sentences our own.
@pytest.mark.parametrize(
    "text, said, speaker",
    [
        # a role resolves to the person holding it, named next, though that person's title is
        # already known; not to a president named before
        ("Syrias President Bashar al-Assad will stand again. A car bomb killed 12 people in "
         "the city on Monday, the provincial governor said. Governor Omar Khalil told state "
         "television the attackers had fled.", "car bomb", "Omar Khalil"),
        # a person known by another title is not the holder; unresolved rather than wrong
        ("President Bashar al-Assad visited the front on Sunday. The car bomb killed 12 "
         "people, the provincial governor said.", "car bomb", None),
        # two people named in the sentence before, no role known: which one is not said (of
        # people no table of office holders knows: Gordon Brown is the one chancellor there)
        ("Tom Hale appealed for unity after reports claimed Peter Grayling broke a pledge. The "
         "chancellor insisted he would not be distracted from his work.", "distracted", None),
        # nor a person the next sentence names inside what it says ("… suggests Assad might")
        ("The head of the joint mission revealed that there were gaps in the declared "
         "stockpile. This declaration suggests Assad might keep some of it.", "gaps", None),
    ],
)  # fmt: skip
def test_a_role_stands_only_for_someone_holding_it(model, text, said, speaker):
    found = [q for q in run(model, text) if said in q.text]
    assert [q.speaker for q in found] == [speaker]


@pytest.mark.parametrize(
    "text, said",
    [
        # "he" after an unnamed activist is that activist, not the president named in passing
        ("A human rights activist from the city said rebels opposed to President Bashar "
         "al-Assad had retreated to the hills. He said the resistance had been crushed.",
         "crushed"),
        # a name describing a noun ("the Assad regime") is no antecedent of "he"
        ("Residents pointed out that the Assad regime keeps shelling the city. He stressed "
         "that talks were the only way out of the war.", "talks"),
        # "Assads officials" (the apostrophe lost) are the officials, not Assad
        ("The minister called the claims absurd. President Bashar al-Assads officials have said "
         "they would never use poison gas.", "poison gas"),
    ],
)  # fmt: skip
def test_a_pronoun_or_possessor_is_not_the_name_in_passing(model, text, said):
    found = [q for q in run(model, text) if said in q.text]
    assert [q.speaker for q in found] == [None]


@pytest.mark.parametrize(
    "text, said, speaker",
    [
        # "the group" is not a group the story reports on as a belligerent
        ("The town is under the control of the Islamic State jihadist group. Eleven civilians "
         "were killed there on Tuesday according to the group.", "Eleven", None),
        # "the alliance", "the charity": only a body the article calls so
        ("Airstrikes hit Daesh militants near Raqqa on Friday. The alliance also said that "
         "three senior leaders had been killed.", "three senior", None),
        ("The Assyrian International News Agency reported talks on the hostages. The churches "
         "in two villages have been torched, the charity said.", "churches", None),
        ("The Red Crescent, a charity, sent trucks to the city. The convoy was hit by shells, "
         "the charity said.", "convoy", "Red Crescent"),
        # a body whose staff were killed still speaks as "the group"
        ("The four staff of the Union of Medical Relief Organisations were killed, the group "
         "said.", "four staff", "Union of Medical Relief Organisations"),
    ],
)  # fmt: skip
def test_an_organisation_description_fits_a_body_so_described(model, text, said, speaker):
    found = [q for q in run(model, text) if said in q.text]
    assert [q.speaker for q in found] == [speaker]


def test_a_titled_first_name_is_not_a_fuller_name_it_begins(model):
    # "Prince Charles" is no "Charles Kennedy"; neither is "Charles" alone in that article
    text = (
        "Charles Kennedy spoke in Inverness on Friday. Prince Charles and his bride-to-be "
        "posed at the castle. Charles said he and his fiancee were very happy."
    )
    assert [q.speaker for q in run(model, text) if "happy" in q.text] == ["Prince Charles"]
    # a fuller name that bears the title too is the same person
    text = (
        "Foreign Minister Prince Saud al-Faisal spoke in Riyadh. Prince Saud said the war "
        "had to end."
    )
    assert [q.speaker for q in run(model, text) if "war" in q.text] == ["Saud al-Faisal"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the official" is not the person named next because he is the subject there: he is
        # the president, and anyone may be an official
        (
            "Secretary of State Jane Holt spoke to the ministers on Friday. The ministers agreed "
            "to act, the official said. President Tom Vance met his advisers on Saturday to "
            "discuss the options.",
            [(None, "the official")],
        ),
        # the next sentence's subject holds another role: the prime minister is someone else
        (
            "The prime minister said he had dismissed the claims as nonsense. Opposition leader "
            "Mark Dale accused the prime minister of squabbling.",
            [(None, "The prime minister")],
        ),
        # the spokesman just introduced without a name is not the activist named before
        (
            "Local activist Sami Nour told reporters that the convoy was hit. Reuters quoted a UN "
            "spokesman late on Monday. The spokesman said he could not confirm the cause.",
            [("Sami Nour", "Sami Nour"), (None, "The spokesman")],
        ),
        # a nationality before an office the article gave without one is still that office
        (
            "Trade Minister Lena Park said exports had risen. Her deputy, Tom Ito, told reporters "
            "the figures were early. The Kenyan Trade Minister said the rise would last.",
            [
                ("Lena Park", "Lena Park"),
                ("Tom Ito", "Tom Ito"),
                ("Lena Park", "The Kenyan Trade Minister"),
            ],
        ),
        # a party in the description: not a person the article gives no such party
        (
            "Jane Moss has backed the research. Tom Ward opposed it in the US election. But the "
            "Tory leader argued that the research would help patients.",
            [(None, "the Tory leader")],
        ),
        # the shadow foreign secretary is not "the Foreign Secretary"
        (
            "Shadow foreign secretary Paul Green said the party had fought a positive campaign. "
            "The Foreign Secretary told the BBC that his remark was fair.",
            [("Paul Green", "Paul Green"), (None, "The Foreign Secretary")],
        ),
        # a name in brackets (a picture's credit) is no one a description stands for
        (
            "The rebels took the town (Photo by Anna Berg). The secretary said access must be "
            "granted.",
            [(None, "The secretary")],
        ),
        # a related headline's words tagged a name are no body "the alliance" stands for
        (
            "Pledge to Fight Hunger Means Bloc Will Act Alone. The US-led coalition reported on "
            "Friday it had struck a depot. The alliance also said that three leaders had been "
            "killed.",
            [(None, "The alliance")],
        ),
        # a role in apposition after the name is theirs: "the spokesman" next is that person
        (
            "Colonel Tom Reed, the spokesman for the coalition, said planes were active. The "
            "spokesman said the strike hit a depot.",
            [("Tom Reed", "Tom Reed"), ("Tom Reed", "The spokesman")],
        ),
        # "the head" of a body is its chief executive, named as the next sentence's subject
        (
            "The head of the river network said it would close two channels. Chief executive "
            "Dana Ortiz told staff on Friday that the cuts were final.",
            [("Dana Ortiz", "The head"), ("Dana Ortiz", "Dana Ortiz")],
        ),
    ],
)
def test_a_description_goes_to_no_one_it_does_not_fit(model, text, expected):
    # unresolved ("the official", kept as the text says it) is better than a wrong name
    assert [(q.speaker, q.speaker_mention) for q in run(model, text)] == expected


# From an analyst's review of the PolNeAR store (review47 P1/P7): "he" given to a woman named
# before, "she" to a man, and a name in a non-subject place winning over the subject "he" of the
# sentence between. Sentences our own.
@pytest.mark.parametrize(
    "text, said, speaker",
    [
        # a woman quoted, a man named as the subject after her: "he" is the man
        ("Margaret Olsen praised the budget. Then Gregory Tanner spoke to the crowd. “It is a "
         "disgrace to every taxpayer,” he said.", "disgrace", "Gregory Tanner"),
        # a woman named nearest (not a subject): "he" passes over her to the man before
        ("Gregory Tanner took the stage after a long delay. He attacked the plan of Margaret "
         "Olsen. “Her budget will ruin the county,” he said.", "ruin the county", "Gregory Tanner"),
        # and "she" over a man named nearest to the woman before him
        ("Reporters asked Margaret Olsen about the budget of Gregory Tanner. “His numbers simply "
         "do not add up,” she said.", "do not", "Margaret Olsen"),
        # a man only, and "she": no one named agrees; nobody rather than the man
        ("Gregory Tanner left the hall early. “We will keep fighting,” she said.",
         "keep fighting", None),
        # the article's own title says the sex where the given name does not ("Mrs Lee")
        ("Mrs Jordan Lee met Gregory Tanner on Monday. “We agreed on nothing,” she said.",
         "agreed on nothing", "Jordan Lee"),
    ],
)  # fmt: skip
def test_a_pronoun_speaker_agrees_with_the_persons_sex(model, text, said, speaker):
    found = [q for q in run(model, text) if said in q.text]
    assert [q.speaker for q in found] == [speaker], [(q.speaker, q.speaker_mention) for q in found]


@pytest.mark.parametrize("named", ["Margaret Olsen", "Peter Olsen"])
def test_a_name_inside_the_quotation_is_no_antecedent_of_he_said(model, named):
    # the person named in the quoted words (a woman, or a man: then only its being quoted tells)
    # is not who says them; the man named before is
    text = (
        "On Monday, Gregory Tanner blamed the council for the delays. “This is the legacy of "
        f"{named} and his friends,” he said."
    )
    (q,) = [q for q in run(model, text) if "legacy" in q.text]
    assert q.speaker == "Gregory Tanner", (q.speaker, q.speaker_mention)


def test_he_the_subject_between_carries_the_person_on(model):
    # "he offered" (Allen's) is nearer than the man named only as a possessor after him
    text = (
        "When the host steered Victor Allen toward the race, he offered his thoughts on "
        "Republican front-runner Samuel Drake's appeal.\n\n“I think it is funny,” he said."
    )
    (q,) = [q for q in run(model, text) if "funny" in q.text]
    assert q.speaker == "Victor Allen", (q.speaker, q.speaker_mention)


def test_given_name_sex_reads_the_census_lexicon():
    from analysis.entities.rules import given_name_sex

    assert given_name_sex("Hillary") == "F" and given_name_sex("Donald") == "M"
    # a name both sexes carry says nothing; a short form reads its full form's
    assert given_name_sex("Kelly") is None and given_name_sex("Bernie") == "M"
    # a lone surname says nothing, the article's own title wins over the given name
    assert quotes.person_sex("Warren", {}) is None
    assert quotes.person_sex("Jordan Lee", {"Jordan Lee": "f"}) == "f"
    assert quotes.person_sex("Donald Trump", {}) == "m"
    # past a word before the given name the census does not know; never the surname
    assert quotes.person_sex("Pastor Darrell Scott", {}) == "m"
    assert quotes.person_sex("Rachel Warren", {}) == "f"


def _said(aid: str, name: str, start: int, label: str = "PERSON") -> Quote:
    return Quote(aid, "reported", "the road was closed", start + len(name) + 6,
                 start + len(name) + 25, name, name, start, start + len(name), label, None,
                 "said")  # fmt: skip


def test_a_speaker_known_by_a_given_name_alone_is_the_articles_own():
    """An "Ahmed" quoted with no surname in his article is that article's Ahmed, shown with its
    title; a surname alone, a name with a title ("Pope Francis", "Princes William and Harry")
    or one the article gives in full somewhere stays as it is."""
    text = "Ahmed, a baker, said the road was closed. Musharraf said the road was closed."
    mentions = [
        EntityMention("a1", "Ahmed", "PERSON", "Ahmed", 0, 5, 0),
        EntityMention("a1", "Musharraf", "PERSON", "Musharraf", 42, 51, 42),
    ]
    found = quotes.local_first_names(
        [_said("a1", "Ahmed", 0), _said("a1", "Musharraf", 42)],
        mentions,
        text,
        title="Bakers of the old town count their losses after a week of shelling in the north",
    )
    assert [q.speaker for q in found] == [
        "Ahmed (in «Bakers of the old town count their losses after a week of …»)",
        "Musharraf",
    ]
    assert not quotes.local_first_names(
        [_said("a2", "Ahmed", 0)], [], "Ahmed said the road was closed.", title=""
    )[0].speaker.startswith("Ahmed (in «")
    for text, start in [
        ("Pope Francis said the road was closed.", 5),
        ("Princes William and Harry said the road was closed.", 8),
        ("Sheikh Ahmed said the road was closed.", 7),
    ]:
        name = text[start:].split()[0]
        m = EntityMention("a3", name, "PERSON", name, start, start + len(name), 0)
        q = quotes.local_first_names([_said("a3", name, start)], [m], text, title="A story")
        assert q[0].speaker == name, text
    # a given name that is a common surname too may be someone's surname alone
    text = "Clinton said the road was closed."
    m = EntityMention("a5", "Clinton", "PERSON", "Clinton", 0, 7, 0)
    q = quotes.local_first_names([_said("a5", "Clinton", 0)], [m], text, title="A story")
    assert q[0].speaker == "Clinton"
    text = "Ahmed Karimi runs the bakery. Ahmed said the road was closed."
    q = quotes.local_first_names([_said("a4", "Ahmed", 30)], [], text, title="A story")
    assert q[0].speaker == "Ahmed"


def test_a_given_name_speaker_through_the_article_pipeline(model):
    """Through extract_article (what `presslens analyze` runs): the title qualifies the name."""
    from analysis.extract import extract_article
    from analysis.records import Article, is_local_speaker

    text = (
        'Shops stayed shut in the market on Tuesday. "We have no bread left," said Omar, '
        "a taxi driver who lives near the square."
    )
    article = Article(id="g1", title="Market shut", text=text, n_words=len(text.split()))
    result = extract_article(model(text), article)
    speakers = {q.speaker for q in result.quotes}
    assert "Omar (in «Market shut»)" in speakers, speakers
    assert all(is_local_speaker(s) for s in speakers if s and s.startswith("Omar"))


def test_title_case_headline_says_gives_the_subject_before_says(model):
    """A title-case headline "X Says Y ‘…’": the name after "Says" opens what X said about Y
    (the parse made both names subjects of "Says"); X is the speaker."""
    text = (
        "Maria Lopez Says Tom Becker ‘Is Not Fit To Lead.’\n\n"
        "Mayor Maria Lopez criticised the developer Tom Becker on Monday."
    )
    q = run(model, text)[0]
    assert (q.speaker, q.text) == ("Maria Lopez", "Is Not Fit To Lead"), q


@pytest.mark.parametrize(
    "text",
    [
        # the subject of the main verb, not of the clause he reports
        "Peter Hale is a delegate from Ohio. Hale said Mark Dunne is his last choice. He is "
        "leaning toward the governor, he said, because he values experience.",
        # a supposition's subject in the pronoun's own sentence is a name in passing
        "Peter Hale does not think much of the senator. If Mark Dunne loses the primary, he "
        "said he would back the governor instead.",
    ],
    ids=["main-subject-over-reported-subject", "not-the-subject-of-an-if-clause"],
)
def test_he_is_the_main_subject_not_a_name_in_a_clause(model, text):
    q = run(model, text)[-1]
    assert q.speaker == "Peter Hale", (q.speaker, q.speaker_mention, q.text)


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a description with the body's own name after it is that body, not the monitor named
        # before it
        (
            "Nine people died in the shelling of the town, the Syrian Observatory for Human "
            "Rights said. The state news agency SANA did not give a toll but said the shells "
            "came from the east.",
            "SANA",
        ),
        (
            "Nine people died in the shelling of the town, the Syrian Observatory for Human "
            "Rights said. Another monitoring group the Local Coordination Committees said the "
            "toll was twelve. The Observatory said the shells came from the east.",
            "Local Coordination Committees",
        ),
    ],
)
def test_a_description_followed_by_its_own_name_is_not_the_monitor(model, text, speaker):
    found = [q for q in run(model, text) if "east" in q.text or "twelve" in q.text]
    assert [q.speaker for q in found][:1] == [speaker], [(q.speaker, q.text) for q in found]


def test_another_monitor_is_not_the_monitor_quoted_before(model):
    text = (
        "Nine people died in the shelling of the town, the Syrian Observatory for Human Rights "
        "said. Another monitoring group said the toll was twelve. The Observatory said the "
        "shells came from the east."
    )
    found = [q for q in run(model, text) if "twelve" in q.text]
    assert [q.speaker for q in found] == [None], [(q.speaker, q.text) for q in run(model, text)]


def test_mrs_and_mr_name_the_spouse_of_their_sex(model):
    text = (
        "Margaret Holbrook and her husband, Dennis Holbrook, toured the plant. “We need these "
        "jobs,” Mrs. Holbrook said. “The plant must stay open,” Mr. Holbrook said."
    )
    speakers = {q.text: q.speaker for q in run(model, text)}
    assert speakers == {
        "We need these jobs": "Margaret Holbrook",
        "The plant must stay open": "Dennis Holbrook",
    }, speakers


@pytest.mark.parametrize(
    "text",
    [
        # the quotation a name and a colon introduce
        "Governor Ruth Adler defended the budget on Monday. “We balanced it without cuts,” "
        "she said.\n\n"
        "Rep. Daniel Moss: “This budget hides a deficit that the next governor will inherit.”",
        # the subject of the clause that ends in the colon
        "Governor Ruth Adler defended the budget on Monday. “We balanced it without cuts,” "
        "she said.\n\n"
        "One critic, Rep. Daniel Moss, took a different view in a radio interview on Tuesday: "
        "“This budget hides a deficit that the next governor will inherit.”",
    ],
    ids=["name-colon", "clause-colon"],
)
def test_a_quotation_a_colon_introduces_is_its_introducers(model, text):
    q = run(model, text)[-1]
    assert (q.speaker, q.text[:11]) == ("Daniel Moss", "This budget"), q


def test_a_colon_after_no_named_speaker_keeps_the_speaker_before(model):
    text = (
        "Governor Ruth Adler defended the budget on Monday. “We balanced it without cuts,” "
        "she said. The choice is simple: “Nobody gets a raise until the roads are fixed.”"
    )
    q = run(model, text)[-1]
    assert q.speaker == "Ruth Adler", q


def test_an_untagged_surname_is_the_antecedent_of_he(model):
    """A subject that is the bare surname of a person the article names in full is that
    person for a "he" after it, also where the tagger marked no entity on it (here its tag is
    taken off, as the small model leaves some surnames untagged)."""
    text = (
        "French President Henri Delacroix has joined the leaders who have criticised the "
        "candidate Frank Morrow.\n\n"
        "Delacroix denounced Morrow's remarks as “hurtful” and warned of the consequences.\n"
        "“If the voters choose Morrow, that will have consequences for the whole world,” he said."
    )
    doc = model(text)
    doc.ents = [e for e in doc.ents if e.text != "Delacroix"]
    mentions, _ = entities.extract(doc, article_id="t")
    q = quotes.extract(doc, article_id="t", mentions=mentions)[-1]
    assert q.speaker == "Henri Delacroix", (q.speaker, q.speaker_mention)


def test_a_retort_verb_attributes_the_quotation_before_it(model):
    text = (
        "French President Henri Delacroix has joined the leaders who have criticised the "
        "candidate Frank Morrow.\n\n"
        "“France will always be France,” an angry Delacroix retaliated. “It never gives up, "
        "because it still holds its ideals.”"
    )
    found = run(model, text)
    assert [q.speaker for q in found] == ["Henri Delacroix"], found
    assert "It never gives up" in found[0].text


def test_a_surname_alone_is_the_bearer_the_article_names_most_for_quotes(model):
    text = (
        "Senator Paul Brandt spoke in Des Moines on Monday. Paul Brandt has long opposed the "
        "bill. Paul Brandt will vote against it.\n\n"
        "His rival once mocked a photograph of Anna Brandt, the senator's wife.\n\n"
        "“I do not support people who attack my family,” Brandt said."
    )
    q = run(model, text)[-1]
    assert q.speaker == "Paul Brandt", (q.speaker, q.speaker_mention)


@pytest.mark.parametrize(
    ("text", "speaker", "entity"),
    [
        # a party's members speaking: the plural noun, while the mentions keep the adjective
        (
            "Democrats said the new budget would close three rural hospitals in Vermont.",
            "Democrats",
            "Democratic",
        ),
        # the group's one spelling whatever the article writes ("Shiites" → "Shias")
        (
            "Shiites in the southern villages say the new mosque was paid for by local traders.",
            "Shias",
            "Shia",
        ),
        # the table's plural of the group's noun, not the adjective plus "s"
        (
            "Many Kurds say the new border crossing has cut their trade in half.",
            "Kurds",
            "Kurdish",
        ),
        # a nationality outside the table: the plural the text writes
        (
            "Norwegians now say the fishing quota was set far too low last winter.",
            "Norwegians",
            "Norwegian",
        ),
    ],
)
def test_a_group_speaks_by_its_plural_noun(model, text, speaker, entity):
    doc = model(text)
    mentions, _ = entities.extract(doc, article_id="t")
    (q,) = quotes.extract(doc, article_id="t", mentions=mentions)
    assert (q.speaker, q.speaker_label) == (speaker, "NORP"), (q.speaker, q.speaker_mention)
    assert entity in {m.name for m in mentions}


def test_they_after_a_group_is_the_group_by_its_plural_noun(model):
    found = run(
        model,
        "Republicans in the state senate blocked the vote on Monday. They said the bill "
        "would raise taxes on every farmer in the county.",
    )
    assert [q.speaker for q in found] == ["Republicans"], [
        (q.speaker, q.speaker_mention) for q in found
    ]


def test_a_group_word_is_its_own_plural():
    from analysis.entities.rules import group_noun

    assert group_noun("Druze", "Druze") == "Druze"
    assert group_noun("Chinese", "Chinese") == "Chinese"
    assert group_noun("Swiss", "Swiss") == "Swiss"
    assert group_noun("Republican", "they") == "Republicans"  # a pronoun's group
    assert group_noun("Jewish", "Jews") == "Jews"


def test_a_peoples_plural_is_no_lost_possessive(model):
    # "Democrat" named elsewhere in the article had made "Democrats" read as "Democrat's"
    # with its apostrophe lost: the mention cut to "Democrat", the speaker "Democrat said"
    text = (
        "The Democrat Party chose its candidate in June. Democrats say the primary was fair, "
        "and one Democrat said the count took too long."
    )
    doc = model(text)
    mentions, _ = entities.extract(doc, article_id="t")
    assert "Democrats" in {m.text for m in mentions}
    assert any(
        q.speaker == "Democrats" for q in quotes.extract(doc, article_id="t", mentions=mentions)
    )


def test_a_surname_speaker_is_the_one_full_name_the_text_gives_it():
    """ "Delacroix said" where the model left "Senator Marianne Delacroix" untagged: the full
    name the text writes. With two people of that surname in the text, the bare surname is
    neither: unnamed, not a third person "Delacroix". A given name alone ("Ahmed") is never
    the end of someone else's name ("Mohammed Ahmed")."""
    text = (
        "Former senator Marianne L. Delacroix: we will appeal. Delacroix said the road was closed."
    )
    at = text.index("Delacroix said")
    mentions = [EntityMention("a1", "Delacroix", "PERSON", "Delacroix", at, at + 9, 0)]
    (q,) = quotes.surname_speakers([_said("a1", "Delacroix", at)], mentions, text)
    assert q.speaker == "Marianne L. Delacroix"
    both = "Marianne Delacroix and her husband Paul Delacroix arrived. " + text
    at = both.index("Delacroix said")
    mentions = [EntityMention("a1", "Delacroix", "PERSON", "Delacroix", at, at + 9, 0)]
    (q,) = quotes.surname_speakers([_said("a1", "Delacroix", at)], mentions, both)
    assert q.speaker is None and q.speaker_mention == "Delacroix"
    # the article's mentions name her in full already: the entity layer's choice stands
    full = [*mentions, EntityMention("a1", "Marianne Delacroix", "PERSON", "x", 0, 18, 0)]
    (q,) = quotes.surname_speakers([_said("a1", "Delacroix", at)], full, both)
    assert q.speaker == "Delacroix"
    # one written name is one person, its generation kept: not "Pieter Delacroix" too
    third = "Donor Anton Pieter Delacroix III gave. " + text.split(": ", 1)[1]
    at = third.index("Delacroix said")
    (q,) = quotes.surname_speakers([_said("a1", "Delacroix", at)], [], third)
    assert q.speaker == "Anton Pieter Delacroix III"
    given = "Mohammed Ahmed runs the bakery. Ahmed said the road was closed."
    at = given.index("Ahmed said")
    (q,) = quotes.surname_speakers([_said("a1", "Ahmed", at)], [], given)
    assert q.speaker == "Ahmed"


def _speaker_of(model, text: str, words: str) -> str | None:
    (q,) = [q for q in run(model, text) if words in q.text]
    return q.speaker


def test_a_leader_is_the_one_the_article_titled_not_the_one_named_last(model):
    # "the Brazilian leader" is the president the article introduced, not the footballer he
    # had just praised (named last, an object): the speaker was the footballer
    text = (
        "President Tomas Varela of Brazil spoke to reporters for two hours on Friday. "
        "He also spoke warmly of the striker Marcos Lima after the press conference ended. "
        "“There is no doubt that he is a gifted young man,” the Brazilian leader said."
    )
    assert _speaker_of(model, text, "gifted young man") == "Tomas Varela"


def test_a_former_office_is_not_someone_set_apart_from_it(model):
    # the text sets "the former governor" and Mr. Pratt apart as two people: his words are
    # not Mr. Pratt's (unresolved is better than wrong)
    text = (
        "Helen Ostrow brought her father to the rally in Dayton on Monday. "
        "Mr. Pratt mocked the family at a news conference nearby. "
        "But Mr. Pratt's attacks may have stung the former governor, who spent his speech "
        "defending his record. "
        "“We built the bridges and the schools,” the former governor said."
    )
    assert _speaker_of(model, text, "built the bridges") != "Pratt"


def test_a_pronoun_speaker_is_not_the_one_its_own_words_are_about(model):
    # "he" said the words, about Pratt: the one they name is not the one saying them
    text = (
        "Samuel Okafor, a retired teacher in Denver, said he will not vote for Pratt this year. "
        "Also, Pratt is no friend of teachers, he said."
    )
    assert _speaker_of(model, text, "no friend of teachers") == "Samuel Okafor"
    # but with no one quoted before, news writes the speaker's own name in what she says
    text = "At the depot in March, Ms. Delgado was stunned by the crowd, she said later."
    assert _speaker_of(model, text, "stunned by the crowd") == "Delgado"


def test_a_pastor_speaks_for_himself_not_for_the_candidate_he_backs(model):
    # "One pastor supporting Mr. Pratt …": the later "he said" is that unnamed pastor's, not
    # the candidate's, who is named only inside the pastor's description
    text = (
        "One pastor supporting Mr. Pratt said he had called dozens of churches. "
        "He has spoken about the vote at every service since May, he said."
    )
    assert _speaker_of(model, text, "spoken about the vote") != "Pratt"


def test_a_name_before_an_aides_role_says_whose_aide(model):
    # "Former Ellen Pratt pollster Dan Hill": the role is Hill's; Pratt only says whose
    text = (
        "Former Ellen Pratt pollster Dan Hill appeared on a talk show on Sunday. Hill described "
        "the trouble Ellen Pratt faces in the primary.\n\n"
        "The former pollster said, “She is behind in every poll we have seen.”"
    )
    assert _speaker_of(model, text, "behind in every poll") == "Dan Hill"


def test_a_description_is_the_name_set_after_it_by_a_comma(model):
    # the parse hangs the name off the verb, not the description: still its apposition
    text = (
        "With the mayor's help, the city was “working to change its image from that of a haven "
        "for smugglers,” wrote the British ambassador at the time, Peter Hale."
    )
    assert _speaker_of(model, text, "change its image") == "Peter Hale"


def test_she_is_not_the_subject_of_a_clause_describing_a_noun(model):
    # "in the event that Ellen Pratt wins" describes a noun of the question: Pratt is no one
    # replying, the singer the sentence before is
    text = (
        "Nora Blake, a singer, spoke to reporters in Austin on Monday.\n\n"
        "Asked about her own plans in the event that Ellen Pratt wins the primary, she "
        "replied: “I will wait and see.”"
    )
    assert _speaker_of(model, text, "wait and see") == "Nora Blake"


def test_she_is_the_unnamed_mother_of_her_own_sentence(model):
    # "My mother … she still says": the mother, whom the writer never names, not the
    # president named in the paragraph before
    text = (
        "Like President Jordan Pratt, I believe in the good sense of voters.\n\n"
        "My mother has mellowed with age, but even now she still says things such as, "
        "“Nobody gets anything for free, you know.”"
    )
    assert _speaker_of(model, text, "Nobody gets anything") is None


def test_a_first_name_the_tables_lack_with_a_role_is_a_person(model):
    # the model tags "Cornel West" a product; with "author and fierce critic" before it, it is
    # a person, and the "he" after "West took a swipe" is his, not Dan Hale's named before
    text = (
        "That is when author and fierce critic Cornel West joined the argument. Speaking for "
        "Pratt at the forum where Lopez and Dan Hale appeared on Friday, West took a swipe at "
        "“my dear friend Ellen Lopez.”\n\n"
        "“I took their money but it did not buy me?” he said, mocking her answer."
    )
    doc = model(text)
    mentions, _ = entities.extract(doc, article_id="t")
    assert ("Cornel West", "PERSON") in {(m.name, m.label) for m in mentions}
    assert _speaker_of(model, text, "did not buy me") == "Cornel West"


def test_he_does_not_skip_a_main_subject_of_unknown_kind(model):
    # "West" (tagged a place, no full name given) is whom "he" stands for: no speaker rather
    # than Dan Hale, who only appeared at the forum
    text = (
        "Speaking for Pratt at the forum where Lopez and Dan Hale appeared on Friday, West took "
        "a swipe at the front-runner.\n\n"
        "“I took their money but it did not buy me?” he said, mocking her answer."
    )
    assert _speaker_of(model, text, "did not buy me") is None


def test_he_still_goes_back_past_a_known_place_subject(model):
    # a main subject that is a known place is no one "he" stands for
    text = (
        "Dan Hale spoke at a rally in Des Moines on Friday. Iowa votes first in the primary "
        "season.\n\n"
        "“We will win this state,” he said."
    )
    assert _speaker_of(model, text, "win this state") == "Dan Hale"


def test_he_is_the_role_subject_not_a_name_in_its_sentence(model):
    # "The former envoy" is the subject; Dan Hale is only discussed: no speaker rather than him
    # (a role the resolver would give someone else is not taken instead)
    text = (
        "Former envoy Tom Reyes spoke on a radio show on Monday.\n\n"
        "The former envoy also weighed the gap between the plans of Mary Lopez and the "
        "Republican nominee Dan Hale. He stated that many conservatives would serve in a Hale "
        "administration. For his part, he said he would be glad to serve."
    )
    assert _speaker_of(model, text, "glad to serve") is None


def test_he_after_an_unnamed_delegate_is_nobody_named(model):
    # the delegate is never named: his words go to no one, not to Dan Hale named before him
    text = (
        "Support for the party is slipping among young voters, thanks to Dan Hale. One Ohio "
        "delegate said he tried to hand out tickets to his neighbours. He could not find a "
        "single taker, he said. “Not one person,” he said."
    )
    assert _speaker_of(model, text, "Not one person") is None


def test_he_goes_on_from_the_speaker_of_a_relative_clause(model):
    # Lund is only the complement of "was", but he is who "said" in the clause on him; Reyes
    # and Hale are names in passing after him
    text = (
        "First there was the columnist Peter Lund, who, after trading barbs with Tom Reyes over "
        'Dan Hale, said on a radio show that "the party has become a hall of mirrors."\n\n'
        'Those who spend their evenings "watching one channel" and "reading fringe blogs," he '
        "said, end up believing almost anything."
    )
    assert _speaker_of(model, text, "reading fringe blogs") == "Peter Lund"


def test_a_quotation_broken_by_its_cue_is_one_even_unnamed(model):
    # the woman is never named: both pieces are still one quotation of one (unknown) speaker
    text = (
        "Dan Hale arrived late to the rally in Reno. A woman in the front row waved a sign at "
        "him.\n\n"
        "“There he is, at last,” she said, laughing. “Right on time, as always.”"
    )
    found = run(model, text)
    assert [(q.speaker, "at last" in q.text, "Right on time" in q.text) for q in found] == [
        (None, True, True)
    ]


def test_the_climb_to_a_stop_ends_at_the_root(model):
    """quotes._ancestors_until climbs heads to ``stop``; given a stop it never meets (a token of
    another sentence) it ends at the root instead of circling there: spaCy builds a new Token
    for each ``.head``, so a test by identity had never seen the root."""
    from analysis.quotes import _ancestors_until

    doc = model("Three dead in Homs. The minister said nothing.")
    first, second = list(doc.sents)
    homs = next(t for t in first if t.text == "Homs")
    # in a daemon thread, so that a climb circling at the root fails instead of stalling the run
    import threading

    found = []
    worker = threading.Thread(
        target=lambda: found.append(_ancestors_until(homs, second[0])), daemon=True
    )
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "the climb did not end at the root"
    out = found[0]
    assert out and out[0].i == homs.i
    assert out[-1].head.i == first.root.i != out[-1].i  # up to the root, which it stops at


def test_she_goes_on_over_her_own_quoted_sentence_past_a_name_in_passing(model):
    # the quoted sentence between "she said" and "she replied" is the singer's words carried
    # on, not narration: Pratt, named in a clause describing a noun, does not come nearer
    text = (
        "Nora Blake, a singer, spoke to reporters in Austin on Monday.\n\n"
        "“I think the senator would never ask his voters to stay home,” she said. “But many "
        "of them will, whatever he asks.”\n\n"
        "Asked about her own plans in the event that Ellen Pratt wins the primary, she "
        "replied: “I will wait and see.”\n\n"
        "“Really,” she added when the host looked surprised."
    )
    assert _speaker_of(model, text, "wait and see") == "Nora Blake"
    assert _speaker_of(model, text, "Really") == "Nora Blake"


def test_a_description_is_not_the_role_the_article_gives_someone_much_later(model):
    # "fellow candidate Dan Hale" in the last paragraph does not make Hale "the candidate" of
    # the first one: the "he" after it is the one the moderator asked, not Hale
    text = (
        "The debate opened with a question on policing for Tom Pratt.\n\n"
        "When the moderator noted that Pratt had not answered the question, the candidate said "
        "families of people hurt by police file lawsuits. “They sue,” he said.\n\n"
        "The exchange drew boos from the hall. The moderators moved on to trade. The hall "
        "grew quiet. Viewers wrote in by the thousand.\n\n"
        "Fellow candidate Dan Hale later spoke about farm subsidies in Iowa."
    )
    assert _speaker_of(model, text, "They sue") == "Tom Pratt"


def test_a_question_then_a_new_sentence_with_its_own_report_is_not_its_cue(model):
    # the closed question ends its sentence; "Hale claimed that …" reports something else
    text = (
        "Tom Pratt spoke about the police on Monday. “They sue,” he said. “Everybody sues, "
        "right?” Later, Dan Hale claimed that the city faces no such problem at all."
    )
    found = run(model, text)
    assert not any("Everybody sues" in q.text and q.speaker == "Dan Hale" for q in found)
    assert any("no such problem" in q.text and q.speaker == "Dan Hale" for q in found)


def _parsed(model, words, parse, ents, lemmas=None):
    """A Doc with the parse given (head, dep, pos per word): the small model's mistakes, fixed."""
    heads, deps, pos = zip(*parse, strict=True)
    return Doc(
        model.vocab, words=words, heads=list(heads), deps=list(deps), pos=list(pos),
        lemmas=lemmas or [w.lower() for w in words], ents=ents,
    )  # fmt: skip


def test_a_quoted_title_after_the_verb_is_not_its_speaker(model):
    # Model-free: the parse made the programme's quoted title the subject of "said" and hung
    # the name off the quotation ("“…,” Hale, an ally, said on “Morning Talk.”"). Quoted words
    # never speak: the name before the verb does.
    words = ["“", "We", "lost", ",", "”", "Hale", ",", "an", "ally", ",", "said", "on", "“",
             "Morning", "Talk", ".", "”"]  # fmt: skip
    parse = [
        (10, "punct", "PUNCT"), (2, "nsubj", "PRON"), (10, "ccomp", "VERB"), (10, "punct", "PUNCT"),
        (10, "punct", "PUNCT"), (1, "appos", "PROPN"), (5, "punct", "PUNCT"), (8, "det", "DET"),
        (5, "appos", "NOUN"), (10, "punct", "PUNCT"), (10, "ROOT", "VERB"), (10, "prep", "ADP"),
        (10, "punct", "PUNCT"), (14, "compound", "PROPN"), (10, "nsubj", "PROPN"),
        (10, "punct", "PUNCT"), (10, "punct", "PUNCT"),
    ]  # fmt: skip
    ents = ["O"] * 5 + ["B-PERSON"] + ["O"] * 7 + ["B-ORG", "I-ORG", "O", "O"]
    lemmas = [{"said": "say", "lost": "lose"}.get(w, w.lower()) for w in words]
    doc = _parsed(model, words, parse, ents, lemmas)
    _, quoted = quotes._placed_quotations(doc, doc.text)
    (cue,) = [c for c in quotes._cue_verbs(doc, quoted) if c.verb.text == "said"]
    assert cue.speaker_tok is not None and cue.speaker_tok.text == "Hale"


def test_a_name_taken_for_a_verb_does_not_end_the_speakers_phrase(model):
    # Model-free: "Tulsa" tagged a verb (and a place) before the chief's title; the quotation
    # is still the chief's, not left without a cue
    words = ["“", "We", "will", "win", ",", "”", "Tulsa", "police", "Chief", "Ann", "Marsh",
             "said", "."]  # fmt: skip
    parse = [
        (3, "punct", "PUNCT"), (3, "nsubj", "PRON"), (3, "aux", "AUX"), (3, "ROOT", "VERB"),
        (3, "punct", "PUNCT"), (3, "punct", "PUNCT"), (3, "dep", "VERB"), (8, "compound", "NOUN"),
        (6, "dobj", "PROPN"), (10, "compound", "PROPN"), (8, "appos", "PROPN"),
        (3, "conj", "VERB"), (3, "punct", "PUNCT"),
    ]  # fmt: skip
    ents = ["O"] * 6 + ["B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    lemmas = [{"said": "say"}.get(w, w.lower()) for w in words]
    doc = _parsed(model, words, parse, ents, lemmas)
    start = doc[9].idx
    mentions = [EntityMention("t", "Ann Marsh", "PERSON", "Ann Marsh", start, start + 9, 0)]
    found = quotes.extract(doc, article_id="t", mentions=mentions)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Ann Marsh")]


def test_a_role_noun_inside_a_quotation_gives_no_title(model):
    # Model-free: "“… and frankly the mayor,” Hale said": the parse hung the name off the
    # quotation's last noun as its apposition; that is no title of Hale's
    words = ["“", "Blame", "the", "mayor", ",", "”", "Hale", "said", "."]
    parse = [
        (7, "punct", "PUNCT"), (7, "ccomp", "VERB"), (3, "det", "DET"), (1, "dobj", "NOUN"),
        (3, "punct", "PUNCT"), (3, "punct", "PUNCT"), (3, "appos", "PROPN"), (7, "ROOT", "VERB"),
        (7, "punct", "PUNCT"),
    ]  # fmt: skip
    ents = ["O"] * 6 + ["B-PERSON", "O", "O"]
    doc = _parsed(model, words, parse, ents)
    _, quoted = quotes._placed_quotations(doc, doc.text)
    start = doc[6].idx
    mentions = [EntityMention("t", "Tom Hale", "PERSON", "Hale", start, start + 4, 0)]
    resolver = quotes._Resolver(doc, quotes._Names(doc, mentions), quoted)
    assert "Tom Hale" not in resolver.roles


def test_whom_a_reporter_is_heard_asking_is_not_the_speaker(model):
    # the reporter asks, Hale is asked: the question is the reporter's (unnamed), not Hale's
    text = (
        "Dan Hale spoke at a rally in Reno on Monday.\n\n"
        "“Should the city build a wall on the river?” a reporter could be heard asking Hale "
        "after the rally."
    )
    found = run(model, text)
    assert [(q.kind, q.speaker, q.speaker_mention) for q in found] == [
        ("direct", None, "a reporter")
    ]


def test_a_quotation_after_the_narrators_own_sentence_does_not_carry_the_speaker_on(model):
    # a pull quote after a sentence of narration is not Pratt going on; with only her
    # quotation before it, it is
    said = "“We cannot print money to pay our debts,” Ellen Pratt said. “It ruins economies.”"
    text = (
        f"{said}\nOn its face, Pratt’s critique is the usual line of attack on tax cuts for the "
        "rich.\n\n“I worry that we will see a return of balanced-budget talk in the party.”\n\n"
        "Some economists disagree with both candidates."
    )
    assert not any("I worry" in q.text for q in run(model, text))
    text = f"{said}\n\n“And the voters know it.”"
    assert _speaker_of(model, text, "voters know it") == "Ellen Pratt"


def test_a_passive_quoted_as_saying_keeps_its_quotation(model):
    text = (
        "“Our survey works where others fail because we call only likely voters,” Hale is "
        "quoted as saying in the firm's statement."
    )
    found = run(model, text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Hale")]


def test_went_on_beside_a_quotation_is_its_cue(model):
    # "went on" is "continued": the interviewer's retort before is not carried on
    text = (
        "“People are bullied when they are 60,” Dan Hale said.\n\n"
        "Ellen Pratt replied with a smile: “It can happen at 40.” She is 40.\n\n"
        "“You know, it happens, right?” Hale went on, as if he had not heard her."
    )
    assert _speaker_of(model, text, "it happens, right") == "Dan Hale"
    # and "went on to say" / "went on a tour" are no cue of their own
    text = "Dan Hale went on a tour of the plant. He went on to say that the plant would stay."
    assert [q.cue for q in run(model, text)] == ["say"]


def test_a_family_speaks_as_the_family_not_its_member(model):
    # "the Hartleys said" had been a quote of "Hartleys" (and its mention Dan Hartley's)
    found = run(
        model,
        "Dan Hartley thanked the volunteers on Monday. Later the Hartleys said they were "
        "grateful for the help of the town.",
    )
    assert "Hartley family" in [q.speaker for q in found], [
        (q.speaker, q.speaker_mention) for q in found
    ]


def test_a_title_the_model_took_into_the_name_is_its_role(model):
    # "Pope Leo" one PERSON span: "the pope" later is he, not the person named last before it
    text = (
        "Governor Ruth Calder met Pope Leo at the Vatican on Monday.\n\n"
        'Calder said the visit was private. "He listens well," Calder said.\n\n'
        "The pontiff greeted Calder at the door of the guest house.\n\n"
        '"I shook her hand and nothing more," the pope told reporters on his plane.'
    )
    found = [q.speaker for q in run(model, text) if "shook" in q.text]
    assert found == ["Pope Leo"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Pope Leo toured the flooded villages on Sunday.\n\n"
            '"No family here should sleep in the cold," the pontiff said.',
            "Pope Leo",
        ),
        (
            "Pope Leo met Governor Ruth Calder at the airport.\n\n"
            "The pontiff said that the relief money would reach the villages by winter.",
            "Pope Leo",
        ),
        # an abbreviated title is the word written out: "Sen." is the senator's title
        (
            "Ohio Sen. Ada Brooks won the primary in her state.\n\n"
            "The Ohio senator told reporters that she would fight on to the convention.",
            "Ada Brooks",
        ),
        (
            'Gov. Alan Kerr met Sen. Ada Brooks on Friday.\n\n"We will fight on," the senator '
            "said.",
            "Ada Brooks",
        ),
    ],
    ids=[
        "pontiff-direct",
        "pontiff-reported-beside-another-office",
        "sen-abbreviation-state-senator",
        "sen-abbreviation-not-the-governor",
    ],
)
def test_a_synonym_of_a_title_stands_for_its_holder(model, text, speaker):
    # "the pontiff" is the one the story introduced as "Pope Leo" (role_synonyms.tsv), as
    # "the pope" would be, not an unnamed speaker; "the senator" the one titled "Sen."
    found = [q.speaker for q in run(model, text)]
    assert found == [speaker], [(q.speaker, q.speaker_mention) for q in run(model, text)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Sen. Tom Hale (R-Ohio) and Sen. Ada Brooks (D-Ore.) toured the flooded plant on "
            "Monday.\n\nThe Oregon senator said that the state would pay for the repairs.",
            "Ada Brooks",
        ),
        (
            "Sen. Ada Brooks (D-Ore.) and Sen. Tom Hale (R-Ohio) toured the flooded plant on "
            "Monday.\n\nThe Ohio senator said that the state would pay for the repairs.",
            "Tom Hale",
        ),
        (
            "Sen. Ada Brooks (D-Ore.) toured the plant. Sen. Tom Hale (R-Ohio) criticised the "
            "plan.\n\n“We will keep the plant open,” the Oregon senator said.",
            "Ada Brooks",
        ),
        (
            "Ada Brooks, the senator from Oregon, toured the flooded plant. Sen. Tom Hale stayed "
            "home.\n\n“We will keep the plant open,” the Oregon senator said.",
            "Ada Brooks",
        ),
        (
            "Sen. Ada Brooks, I-Vt., toured the flooded plant on Monday with Sen. Tom Hale.\n\n"
            "“We will keep the plant open,” the independent Vermont senator said.",
            "Ada Brooks",
        ),
        (
            "Governor Lena Marsh (R-Ind.) met Gov. Carl Dunne of Ohio on the bridge.\n\n"
            "The Indiana governor said that tolls would rise in the spring.",
            "Lena Marsh",
        ),
        (
            "Sen. Tom Hale (Ohio) and Sen. Ada Brooks (Ore.) toured the flooded plant on "
            "Monday.\n\nThe Oregon senator said that the state would pay for the repairs.",
            "Ada Brooks",
        ),
        # the paragraph's subject is no Oregon senator when the article makes him Ohio's
        (
            "Sen. Ada Brooks (D-Ore.) and Sen. Tom Hale (R-Ohio) will debate on Friday.\n\n"
            "Hale attacked the dam project on Monday. “It is a waste of money,” the Oregon "
            "senator said.",
            "Ada Brooks",
        ),
        (
            "Sen. Ada Brooks (D-Ore.) and Sen. Tom Hale (R-Ohio) will debate on Friday.\n\n"
            "Hale attacked the dam project on Monday. “It is a waste of money,” the Ohio "
            "senator said.",
            "Tom Hale",
        ),
        # a state no one named is given stays unresolved: not the senator of another state
        (
            "Sen. Tom Hale (R-Ohio) toured the flooded plant on Monday.\n\n"
            "“We will keep the plant open,” the Oregon senator said.",
            None,
        ),
        # nor is the next sentence's senator of another state
        (
            "The dam vote is on Friday.\n\n“It is a waste of money,” the Oregon senator said. "
            "Sen. Tom Hale (R-Ohio) voted for the dam.",
            None,
        ),
        # a state's party member is not one the article gives another state either
        (
            "Sen. Ada Brooks (R-Ore.) backed the dam. Sen. Tom Hale (R-Ohio) opposed it.\n\n"
            "“It is a waste of money,” the Oregon Republican said.",
            "Ada Brooks",
        ),
        (
            "Sen. Tom Hale (R-Ohio) opposed the dam on Monday.\n\n"
            "“It is a waste of money,” the Oregon Republican said.",
            None,
        ),
        # nor is a dateline's state a title's: Hale is no Oregon senator
        (
            "PORTLAND, Ore. Sen. Tom Hale toured the flooded plant on Monday.\n\n"
            "“We will keep the plant open,” the Oregon senator said.",
            None,
        ),
        # a nationality is in the role already ("British Prime Minister …")
        (
            "British Prime Minister Ruth Calder met French President Alain Morel in Paris.\n\n"
            "“We agreed on nothing,” the British prime minister said.",
            "Ruth Calder",
        ),
        (
            "British Prime Minister Ruth Calder met French President Alain Morel in Paris.\n\n"
            "“We agreed on nothing,” the French president said.",
            "Alain Morel",
        ),
    ],
    ids=[
        "party-state-tag-second",
        "party-state-tag-first",
        "party-state-tag-not-the-last-named",
        "senator-from-state",
        "independent-tag-in-commas",
        "governor-party-state-tag",
        "state-tag-without-party",
        "paragraph-subject-of-another-state",
        "paragraph-subject-of-that-state",
        "state-of-nobody-unresolved",
        "next-sentence-senator-of-another-state",
        "party-member-of-that-state",
        "party-member-of-another-state",
        "dateline-state-is-no-title",
        "nationality-prime-minister",
        "nationality-president",
    ],
)
def test_a_state_description_is_the_holder_of_that_state(model, text, speaker):
    # "the Oregon senator" is the senator the article gives that state, beside the title
    # ("Oregon Sen."), in a party-state tag ("(D-Ore.)") or after "from"; never a senator
    # of another state, and nobody when the article gives no one that state
    found = [q.speaker for q in run(model, text)]
    assert found == [speaker], [(q.speaker, q.speaker_mention) for q in run(model, text)]


@pytest.mark.parametrize(
    "text, speaker, mention",
    [
        (
            "The warning came from Senator Ada Brooks, who said that the bridge would close "
            "for a year.",
            "Ada Brooks",
            "who",
        ),
        (
            "Reporters reached the Harbour Relief Fund, which said that 40 families had lost "
            "their homes.",
            "Harbour Relief Fund",
            "which",
        ),
        (
            "The plan pleased Republicans in Nebraska, who argued that the new levy would "
            "ruin farmers within a year.",
            "Republicans",
            "who",
        ),
        (
            "The emails went to Tom Reyes, an engineer at the firm who told his staff that "
            "the old server had been wiped.",
            "Tom Reyes",
            "who",
        ),
    ],
    ids=[
        "who-said-person",
        "which-said-body",
        "who-after-a-place-is-the-people",
        "who-after-an-apposition-is-the-named-one",
    ],
)
def test_a_relative_pronoun_speaker_is_its_antecedent(model, text, speaker, mention):
    # the subject of a speech verb in a relative clause is the noun the clause hangs on (a
    # place in a phrase after the people is where they are, not who speaks); the mention is
    # the pronoun, as a resolved "he" is
    found = run(model, text)
    got = [(q.speaker, q.speaker_mention) for q in found]
    assert got == [(speaker, mention)], got


def test_a_relative_pronoun_of_someone_unnamed_gives_no_speaker(model):
    # "a letter … that says", "a young woman who suggested": no named speaker, no record (an
    # aside on someone else more often than the story's source)
    text = "Pam Ortiz showed a letter from her lawyer that says the land had been sold in 1990."
    assert [q.speaker for q in run(model, text)] == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Pam Ortiz ran the campaign for a year.\n\n"
            '"We never had the money," said the former top aide to Governor Alan Kerr.',
            "Pam Ortiz",
        ),
        ("The deal is dead, said a lawyer for Senator Ada Brooks.", None),
        (
            "Tom Reyes, an aide to Senator Ada Brooks, spoke first.\n\n"
            '"The bill will fail," said the aide to Brooks.',
            "Tom Reyes",
        ),
    ],
    ids=["aide-to-a-named-person", "lawyer-for-a-named-person", "the-aide-named-by-role"],
)
def test_the_person_an_aide_works_for_is_not_the_speaker(model, text, speaker):
    # "the aide to X", "a lawyer for X": X is whose aide; the speaker is the aide, the one
    # named before or nobody (unresolved rather than X)
    found = [q.speaker for q in run(model, text)]
    assert found == [speaker], [(q.speaker, q.speaker_mention) for q in run(model, text)]


def test_a_role_several_people_hold_is_the_one_named_last(model):
    # two governors: "the governor" is the one the story named last before it, not the one it
    # introduced first
    text = (
        "Governor Alan Kerr and Governor Ruth Calder met in Des Moines.\n\n"
        "Kerr spoke first. Then Calder said she was working on a new law.\n\n"
        "The governor claimed that crime had gone down by a fifth."
    )
    found = [q.speaker for q in run(model, text) if "crime" in q.text]
    assert found == ["Ruth Calder"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a name before the description's noun says whose campaign manager, whatever the model
        # tags it (here a body): not the candidate
        (
            "Sen. Ada Brooks campaigned in Reno on Monday.\n\n"
            "On Tuesday, Brooks's campaign manager said the senator would stay in the race.",
            None,
        ),
    ],
    ids=["manager-of-a-named-candidate"],
)
def test_someones_aide_is_not_that_someone(model, text, speaker):
    found = [q.speaker for q in run(model, text)]
    assert found == [speaker], [(q.speaker, q.speaker_mention) for q in run(model, text)]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the description continues the paragraph about its subject: not the holder of the
        # office the article titled paragraphs before
        (
            "Sen. Paul Ortiz (Ariz.) voted no last year.\n\n"
            'Dana Whitfield defends her record in a new ad: "I kept my word," the senator says.',
            "Dana Whitfield",
        ),
        # nor the one a later entry of a live blog titles so
        (
            "Ruth Calder said she was working on a new law. The governor claimed that crime had "
            "gone down by a fifth. Later, Ohio Gov. Alan Kerr shook hands with the moderator.",
            "Ruth Calder",
        ),
        # a paragraph subject the article gives another office is not the senator
        (
            "President Ruth Calder spoke on Monday.\n\nSen. Alan Kerr voted no last year.\n\n"
            'Calder defended the plan. "It works," the senator said.',
            "Alan Kerr",
        ),
        # the subject of what the description says is talked about, not the speaker
        (
            "Vice President Alan Kerr spoke in Ohio.\n\n"
            "Kerr listed the stakes. Ruth Calder is so careless, the vice president said, that "
            "she should never hold the codes.",
            "Alan Kerr",
        ),
        # someone's boss is not that someone, however the paragraph is about her
        (
            "Boss Alan Kerr ran the firm.\n\nRuth Calder started there in 1990. Instead, she "
            "said, her boss told her to wait another year.",
            "Alan Kerr",
        ),
    ],
    ids=[
        "paragraph-subject",
        "live-blog-later-holder",
        "subject-with-another-office",
        "subject-of-what-is-said",
        "someones-boss",
    ],
)
def test_a_role_continuing_a_paragraph_is_its_subject(model, text, speaker):
    found = [q.speaker for q in run(model, text) if q.speaker_role]
    assert found == [speaker], [(q.speaker, q.speaker_mention) for q in run(model, text)]


@pytest.mark.parametrize(
    "text, speaker, mention",
    [
        # a name in a relative clause about the described holder is not the holder
        (
            "Tom Reilly spoke at the gala in Cork. The award-winning actor, whose films include "
            "Harbour Lights, Stone River and Space Wars: The Last Voyage, said: \u201cThe "
            "theatre gave me my start.\u201d",
            "Tom Reilly",
            "The award-winning actor",
        ),
        # nor the name of what the holder was nominated for: the paragraph's subject before
        # the description is (a trade, not an office, that the article need not have given him)
        (
            "Tom Reilly spoke at the gala in Cork. The Oscar nominated actor said: \u201cThe "
            "theatre gave me my start.\u201d",
            "Tom Reilly",
            "The Oscar nominated actor",
        ),
        (
            "Actor Tom Reilly spoke at the gala in Cork. The Oscar-nominated actor, whose films "
            "include Harbour Lights, said: \u201cThe theatre gave me my start.\u201d",
            "Tom Reilly",
            "The Oscar-nominated actor",
        ),
        # "the company" is the maker named before, not the product its words are about
        (
            "The software maker Veritone sells tools to studios. Its product DiscWarden will be "
            "added to discs from the middle of next year, the company said.",
            "Veritone",
            "the company",
        ),
        # ... but the group its words name when no other group was named before them
        (
            "Four staff of the Northern Relief Union were killed in the strike on the clinic "
            "on Monday, the group said.",
            "Northern Relief Union",
            "the group",
        ),
    ],
)
def test_a_description_is_not_a_name_in_its_own_clause_or_words(model, text, speaker, mention):
    (q,) = run(model, text)
    assert (q.speaker, q.speaker_mention) == (speaker, mention)


@pytest.mark.parametrize(
    "text, mention",
    [
        # a wire credit's closing bracket run into the subject after it
        ("BEIRUT (Wirecast) Western envoys said the talks had failed.", "Western envoys"),
        # a balanced bracket stays as written
        ("The Harbour Board (HB) said the quay would reopen.", None),
    ],
)
def test_a_speaker_mention_has_no_unbalanced_bracket(model, text, mention):
    q = run(model, text)[-1]
    assert q.speaker_mention.count("(") == q.speaker_mention.count(")"), q.speaker_mention
    assert text[q.speaker_start : q.speaker_end] == q.speaker_mention
    if mention is not None:
        assert q.speaker_mention == mention


def test_an_aside_hung_off_the_opening_clause_interrupts_the_sentence(model):
    # Model-free: the parse hung "he said" off the "Though …" clause, the main clause after the
    # aside being the sentence's root: the aside interrupts the whole sentence, both sides of
    # it reported (the record had been the "Though …" clause alone)
    words = ["Though", "the", "repair", "was", "quick", ",", "he", "said", ",", "rebuilding",
             "the", "pier", "would", "be", "harder", "."]  # fmt: skip
    parse = [
        (3, "mark", "SCONJ"), (2, "det", "DET"), (3, "nsubj", "NOUN"), (13, "advcl", "AUX"),
        (3, "acomp", "ADJ"), (7, "punct", "PUNCT"), (7, "nsubj", "PRON"), (3, "parataxis", "VERB"),
        (7, "punct", "PUNCT"), (13, "csubj", "VERB"), (11, "det", "DET"), (9, "dobj", "NOUN"),
        (13, "aux", "AUX"), (13, "ROOT", "AUX"), (13, "acomp", "ADJ"), (13, "punct", "PUNCT"),
    ]  # fmt: skip
    lemmas = [{"said": "say", "was": "be"}.get(w, w.lower()) for w in words]
    doc = _parsed(model, words, parse, ["O"] * len(words), lemmas)
    _, quoted = quotes._placed_quotations(doc, doc.text)
    (cue,) = quotes._cue_verbs(doc, quoted)
    assert cue.content == (0, 15) and cue.gap == (5, 9), (cue.content, cue.gap)


@pytest.mark.parametrize(
    "text, speakers",
    [
        # someone described by their age is the person the story is about, named before as
        # a main clause's subject (BBC sport's style), not a name in what they say
        (
            "Paul Sherwin wants the captaincy. The 27-year-old, who captained Riverside last "
            "year, said following in the footsteps of Farrow would be a challenge. "
            '"Andy would be a hard act to follow," he said.',
            ["Paul Sherwin", "Paul Sherwin"],
        ),
        # no one named before: someone the story does not name
        (
            'The 31-year-old striker said the move to Ashford was a dream. "I have waited years '
            'for this," he said.',
            [None, None],
        ),
        # an age of someone named in what the speaker says leaves the speaker alone
        (
            'Mark Dunn said the 19-year-old would start on Saturday. "He is ready," he said.',
            ["Mark Dunn", "Mark Dunn"],
        ),
    ],
)
def test_someone_described_by_age_is_the_person_named_before(model, text, speakers):
    assert [q.speaker for q in run(model, text)] == speakers


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the model tags only the place an organisation's name ends with: the body speaks
        (
            "Figures were released on Tuesday. Colleges Scotland, which represents the "
            "principals, claimed that the rise was small.",
            "Colleges Scotland",
        ),
        # untagged: no person by its own words
        (
            "The data came out on Friday. Hospitals Wales, which represents the trusts, claimed "
            "that waiting times had fallen.",
            "Hospitals Wales",
        ),
        ("Schools for Kenya said the new classrooms were finished.", "Schools for Kenya"),
        ("Friends of the Earth argued that the road plan was flawed.", "Friends of the Earth"),
    ],
)
def test_an_organisation_named_with_a_place_speaks_as_itself(model, text, speaker):
    (q,) = run(model, text)
    assert (q.speaker, q.speaker_label) == (speaker, "ORG"), q
    assert q.speaker_mention == speaker


def test_a_surname_alone_is_the_full_name_the_article_gives_it(model):
    # the tagger tags "Mira Castell" nothing: her surname alone is still she
    text = (
        "The scheme is backed by singers Jon Fairley, Mira Castell and composer Ed Hume. "
        'Castell said: "Pupils should learn how the industry works."'
    )
    (q,) = run(model, text)
    assert q.speaker == "Mira Castell", speakers(model, text)


def test_a_short_word_before_a_name_is_no_given_name(model):
    text = (
        "The Safety Bill was passed. No Bill is perfect, the minister said. "
        'Bill said: "We will look at it again."'
    )
    assert "No Bill" not in {q.speaker for q in run(model, text)}, speakers(model, text)


@pytest.mark.parametrize(
    "text",
    [
        # anyone at all, in a column or a page of readers' comments: no one's speech
        "You could not argue that she was being false with her feelings.",
        "If you say hip hop here, people have no idea what you are talking about.",
    ],
)
def test_a_generic_you_is_no_reported_speech(model, text):
    assert run(model, text) == [], speakers(model, text)


def test_the_writers_own_i_is_a_speakerless_source(model):
    # a column's or a reader's own "I" stays reported speech, its writer unnamed
    text = "Whilst I agree that the term is open to interpretation, it is odd that she won."
    assert [(q.kind, q.speaker) for q in run(model, text)] == [("reported", None)]


def test_i_inside_a_quotation_still_reports(model):
    text = '"I told them that the plan would fail," said Nora Quayle.'
    assert [q.speaker for q in run(model, text)] == ["Nora Quayle"], speakers(model, text)
