"""An office noun ("the chancellor", "the Wrexham Town chairman") speaks as the person the
article gives that office, not as whoever is named nearest.

A person named as the next sentence's subject holds the office only if the article gives it
to them, introduces them there, or named them last before it too; someone else it named
before without that office is not its holder. An office one person holds ("the prime
minister", "the chancellor") that the article gives no one stands only for someone it makes
clear: the only person named, the lead's subject, the named subject of the sentence before
it with no one else near who may hold it; else no one. A description naming a body or a town ("the Wrexham Town chairman") is the one whose
title the article gave in a sentence naming that body ("Wrexham Town … Chairman Steve
Hollis"). Each case is an invented passage, the words of one quote and its speaker.
"""

from __future__ import annotations

import pytest

from analysis import nlp as nlp_module
from tests.quote_runs import run, speakers


@pytest.fixture(scope="session")
def model():
    return nlp_module.load()


CASES = [
    pytest.param(
        "Tom Ashworth has told party members that nothing will block their bid for a fourth "
        "term.\n\nMr Ashworth was speaking to MPs amid new rumours of a feud with Peter "
        "Grayling. A new memoir says the prime minister broke a promise to Mr Grayling. The "
        "chancellor has said he is focused on winning the vote. Mr Ashworth told the meeting "
        "on Monday that the party was united.",
        "focused on winning the vote",
        # (not Mr Ashworth, named next; nor Mr Grayling, named last but never given the office
        # nor the paragraph's subject: the article leaves it to the reader)
        None,
        id="office-not-the-next-subject-named-before-without-it",
    ),
    pytest.param(
        "Ian Parks's future as Wrexham Town manager is in doubt after he refused a pay-off.\n\n"
        "Wrexham Town have won only once in ten games but Chairman Steve Hollis says he cannot "
        'afford to sack him. Hollis said: "I offered a settlement so he could leave with '
        'dignity." But the Wrexham Town chairman added: "He then withdrew his agreement, '
        'which was disappointing." Parks was appointed last year.',
        "withdrew his agreement",
        "Steve Hollis",
        id="club-chairman-is-the-one-titled-beside-the-club",
    ),
    pytest.param(
        'Martin Hale has launched an attack on the cost of the "chaotic" prison system under '
        "Tom Ashworth.\n\nThe Tory leader said councils have spent more than £2bn on prisons "
        "since Labour won power. Mr Hale told a meeting in Kent that the system had failed.",
        "councils have spent",
        "Martin Hale",
        id="office-of-the-last-subject-not-a-name-in-passing",
    ),
    # --- the holder introduced right after the description is still its holder ---------------
    pytest.param(
        "Peter Grayling has set out his plans for the economy. On top of the new deal, Mr "
        'Grayling said taxes would not rise. "We will keep every promise we made," the '
        "chancellor said. Mr Grayling, on a tour of Scotland, met business leaders.",
        "We will keep every promise",
        "Peter Grayling",
        id="office-of-the-one-named-last-before-and-next",
    ),
    pytest.param(
        "The mine reopened on Friday. The provincial governor said the road would be repaired "
        "within a week. Governor Sami Haddad told reporters that two villages had been cut off.",
        "the road would be repaired",
        "Sami Haddad",
        id="holder-titled-in-the-next-sentence",
    ),
    pytest.param(
        "Flooding closed the valley road on Friday. The minister said the repairs would take "
        "months. Transport Minister Ruth Kendal told reporters the budget had been doubled.",
        "the repairs would take months",
        "Ruth Kendal",
        id="holder-first-named-in-the-next-sentence",
    ),
    # --- a portfolio run into the name: the spokesman is the one named, not his master -------
    pytest.param(
        "Ministers have set out plans for school sport. Shadow spokesman for health Peter "
        'Grayling said: "The plan will not work without more money." He said clubs should be '
        "given a bigger role.",
        "clubs should be given",
        "Peter Grayling",
        id="spokesman-for-a-portfolio-then-his-name",
    ),
    pytest.param(
        "Ministers have set out plans for school sport. A spokesman for Peter Grayling said "
        "the plan would not work.",
        "the plan would not work",
        None,
        id="spokesman-for-a-person-is-not-that-person",
    ),
    # --- the office said again, after the first "the prime minister said" was resolved -----
    pytest.param(
        "Tom Ashworth says he will fight the election on the economy.\n\nThe prime minister "
        "said he was ready for the campaign. He told a radio station that the party was "
        'united.\n\nSpeaking at a school in Leeds, the prime minister said: "I am ready, and '
        'so is my party." He added that taxes would not rise.',
        "I am ready",
        "Tom Ashworth",
        id="office-said-again-is-the-holder-its-first-mention-found",
    ),
    # --- a cabinet secretary is "the minister" ----------------------------------------------
    pytest.param(
        "Paid leave for fathers should be doubled, the Work and Pensions Secretary has said.\n\n"
        "Ruth Kendal said the cost of the plan was being studied. Ms Kendal was speaking at a "
        "conference organised by the Fair Work Council. Fathers can take two weeks off at "
        "present, according to the Fair Work Council.\n\nThe minister told delegates that "
        "longer leave would help families.",
        "longer leave would help families",
        "Ruth Kendal",
        id="minister-is-the-secretary-of-state-named-before",
    ),
    pytest.param(
        "Ruth Kendal, general secretary of the Transport Workers Union, met Peter Grayling on "
        "Monday.\n\nThe minister told reporters the talks had gone well.",
        "the talks had gone well",
        None,
        id="a-unions-general-secretary-is-no-minister",
    ),
    pytest.param(
        "Home Secretary Peter Grayling has set out new rules for border checks.\n\n"
        "Mr Grayling said the checks would start in May. The prime minister said the rules "
        "would be fair.",
        "the rules would be fair",
        None,
        id="the-prime-minister-is-no-secretary-of-state",
    ),
    # --- the paragraph's subject holds the office, not a newcomer named after it -------------
    pytest.param(
        "Tom Ashworth has rejected calls for the release of the legal advice on the treaty.\n\n"
        "The prime minister told his monthly press conference the matter was closed. Earlier, "
        "Tory MP Peter Grayling joined calls for an inquiry.",
        "the matter was closed",
        "Tom Ashworth",
        id="office-is-the-paragraphs-subject-not-the-newcomer-after-it",
    ),
    # --- an MP is an office of its own: no prime minister, and "the MP" is the one named ------
    pytest.param(
        "The mayor should not apologise for his remarks to a reporter, Tory MP Peter Grayling "
        "has insisted.\n\nMr Grayling also claimed Tom Ashworth's intervention in the row was "
        "a stunt. But the prime minister says it is time for the mayor to say sorry.",
        "time for the mayor to say sorry",
        None,
        id="an-mp-is-no-prime-minister",
    ),
    pytest.param(
        "Labour MP Ruth Kendal has called for a ban on fixed-odds betting machines.\n\nThe MP "
        "said the machines were ruining lives in her constituency.",
        "ruining lives",
        "Ruth Kendal",
        id="the-mp-is-the-mp-named-before",
    ),
    pytest.param(
        'Former Cabinet minister Peter Grayling said the bill was "largely unnecessary". But '
        'the Tory MP for Sleaford and North Hykeham admitted the role "cannot be frozen".',
        "cannot be frozen",
        None,
        id="the-place-an-mp-is-for-is-no-speaker",
    ),
    # --- an office one person holds, never given anyone: its holder only where it is clear -----
    pytest.param(
        "Tom Ashworth faces questions in the Commons after a week of talk about his feud with "
        "Peter Grayling.\n\nThe meeting was tense. Labour's Alan Pryce said the pair had been "
        'warned by MPs.\n\nOn Tuesday, Deputy Prime Minister Mr Hobbs told reporters: "They '
        'must get in line." The prime minister told Mr Grayling at a dinner last year that he '
        "would stand down before the next election.",
        "he would stand down",
        "Tom Ashworth",
        id="untitled-office-is-the-lead-subject-not-the-mp-named-last",
    ),
    pytest.param(
        "The feud between Tom Ashworth and Peter Grayling has led a Labour donor to say he will "
        'give no more money.\n\nMr Bryant said the party was divided. "The people there need '
        'help, not pledges," he said. Navy ships have helped and the prime minister has said '
        "the government could give millions in aid.",
        "could give millions",
        None,
        id="untitled-office-is-no-donor-named-before",
    ),
    pytest.param(
        "Tom Ashworth and Peter Grayling staged a show of unity on Thursday.\n\nFor the Lib "
        "Dems, Ann Lowe said the chancellor had failed to deal with council tax. Mr Grayling "
        "was not at the launch.\n\nMs Lowe said taxes would rise under all three parties. The "
        'chancellor meanwhile insisted his spending plans were "affordable".',
        "spending plans",
        None,
        id="untitled-office-is-not-one-who-spoke-of-it",
    ),
    pytest.param(
        "Sam Oduya claimed in a newspaper that an agent had sent him to the camp. Mr Oduya, 32, "
        "said he was beaten there. The home secretary said he would not order an inquiry.\n\n"
        "His lawyer Ruth Kendal said he would sue. And Home Secretary Charles Pike told the BBC "
        'on Sunday: "I am not organising an investigation."',
        "would not order an inquiry",
        "Charles Pike",
        id="office-is-the-titled-holder-not-the-paragraph-subject",
    ),
    pytest.param(
        "Tom Ashworth says he is ready for the election.\n\nThe prime minister said he was "
        '"up for it" as the country waits to vote. He told a newspaper life in office was hard.',
        "up for it",
        "Tom Ashworth",
        id="untitled-office-is-the-lead-subject",
    ),
    pytest.param(
        "People could be given the phone number of their local officer under plans unveiled by "
        "Peter Grayling.\n\nThe home secretary said targets would be set for every force.",
        "targets would be set",
        "Peter Grayling",
        id="untitled-office-is-the-only-person-named",
    ),
    pytest.param(
        "Hale and Grayling face new rift claims\n\nTom Hale and Peter Grayling are said to be "
        "at war again.\n\nThe new year had started with a fresh outbreak of the feud. The "
        "prime minister insisted on Wednesday that he had been involved in the plans.",
        "involved in the plans",
        None,
        id="untitled-office-is-neither-of-two-lead-subjects",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_an_office_speaks_as_its_holder(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker


# A common word the tagger took for a person's name where it opens a sentence is no one a
# description before it stands for; a surname of someone named in full still is.
OPENING_WORDS = [
    pytest.param(
        "Among the guests was Nina Harlow, nominated for her role as a singer in Blue Days."
        "\n\nWrapped in a heavy velvet coat, the Canadian-born actress waved to the crowd and "
        'said: "It\'s warm but I love it." Glamour was also brought to the night by model '
        "Tess Avery.",
        "It's warm but I love it.",
        "Nina Harlow",
        id="sentence-opening-common-noun-is-no-holder",
    ),
    pytest.param(
        "Gordon Brown spoke first. Brown said the plan would cost £2bn.",
        "the plan would cost",
        "Gordon Brown",
        id="common-word-surname-of-a-full-name-is-still-the-person",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), OPENING_WORDS)
def test_a_common_word_opening_a_sentence_is_no_person(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker


# A name in apposition to an office noun or after a title is a person's, given name and all,
# though the tagger called only its last word an organisation.
GIVEN_NAMES = [
    pytest.param(
        "The mayor, Ana Costa, said the bridge would open in May.",
        "the bridge would open",
        "Ana Costa",
        id="given-name-in-apposition-to-an-office",
    ),
    pytest.param(
        "Mayor Ana Costa told reporters the cost had doubled.",
        "the cost had doubled",
        "Ana Costa",
        id="given-name-after-a-title",
    ),
    pytest.param(
        "Chairman Steve Hollis said the club was safe.",
        "the club was safe",
        "Steve Hollis",
        id="tagged-person-after-a-title-unchanged",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), GIVEN_NAMES)
def test_a_given_name_before_a_body_makes_a_person(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker
    assert found[0].speaker_label == "PERSON"


# A "he" after a paragraph break is the last paragraph's subject, even one the tagger called a
# body, when its own sentence gives it "his" thing.
def test_he_is_the_subject_a_body_tag_hid(model):
    text = (
        "Ken Hollis stepped down as Rovers chairman in March. In May, he made a proposal to "
        "invest £5m in Dunford City, but this was rejected by the club. Sebastien Sainsworth "
        "had been close to a takeover of Leeds but withdrew his £25m offer last week.\n\n"
        "His efforts failed after he revealed it would take £40m to stage a takeover."
    )
    found = [q for q in run(model, text) if "£40m" in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == "Sebastien Sainsworth"


# A "he" after an office that is its sentence's subject is the office's holder, not a person
# named after the office in passing; a bare role ("the candidate") stays no one, in a story
# about several people it too often stands for the wrong one.
OFFICE_PRONOUNS = [
    pytest.param(
        "Tom Ashworth has promised a fairer tax system. The prime minister is trying to end "
        "talk of a rift with Peter Grayling with a speech in Leeds. He is saying that growth "
        "must reach every region.",
        "growth must reach every region",
        "Tom Ashworth",
        id="he-after-an-office-is-its-holder-not-the-name-after-it",
    ),
    pytest.param(
        "Maria Lund has set out plans for new hospitals. The health secretary wants to calm "
        "fears over a row with Paul Dent. She is saying that waiting times will fall.",
        "waiting times will fall",
        "Maria Lund",
        id="she-after-an-office-is-its-holder",
    ),
    pytest.param(
        "Anna Reyes and Tom Hale are both in the race. The candidate spoke to voters about a "
        "feud with Paul Dent in the morning. He is saying that the vote will be close.",
        "the vote will be close",
        None,
        id="he-after-a-bare-role-stays-no-one",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), OFFICE_PRONOUNS)
def test_a_pronoun_after_an_office_is_its_holder(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker
