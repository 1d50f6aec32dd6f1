"""An office one person holds, said bare ("the prime minister", "the chancellor") in an article
that titles no one with it, is the person it names whom the table of holders
(lexicon ``office_holders``) lists for that office, when only one fits: each office the
article speaks of gets one person it names who held it, no one two, all in one time with the
holders it titles. Two people who each held the office, and nothing else to tell them apart,
leave it to no one. Each case is an invented passage (the holders' names are real, what they
say is not), the words of one quote and its speaker.
"""

from __future__ import annotations

import pytest

from analysis import entities, quotes
from analysis import nlp as nlp_module
from tests.quote_runs import run, speakers


@pytest.fixture(scope="session")
def model():
    return nlp_module.load()


CASES = [
    pytest.param(
        "John Major has told party members that nothing will block their bid for a fifth "
        "term.\n\nMr Major was speaking to MPs amid new rumours of a feud with Norman "
        "Lamont. A new memoir says the prime minister broke a promise to Mr Lamont. The "
        "chancellor has said he is focused on winning the vote. Mr Major told the meeting "
        "on Monday that the party was united.",
        "focused on winning the vote",
        # (Major was chancellor too, but then no one named was prime minister: the reading
        # that gives both offices a holder wins)
        "Norman Lamont",
        id="two-offices-two-holders-of-one-time",
    ),
    pytest.param(
        "Home Secretary Michael Howard has set out new rules for prison visits.\n\nMr Howard "
        "said the rules would start in May. Labour's Tony Blair called them a gimmick, and "
        "John Major's allies defended them. The prime minister said the rules would be fair.",
        "the rules would be fair",
        # (Blair was prime minister too, but not while Howard was home secretary)
        "John Major",
        id="a-titled-holder-dates-the-article",
    ),
    pytest.param(
        "The mayor should not apologise for his remarks to a reporter, Tory MP Boris Johnson "
        "has insisted.\n\nMr Johnson also claimed Tony Blair's intervention in the row was a "
        "stunt. But the prime minister says it is time for the mayor to say sorry.",
        "time for the mayor to say sorry",
        # (Johnson was prime minister later, but the article makes him an MP)
        "Tony Blair",
        id="one-the-article-gives-another-role-is-no-holder",
    ),
    pytest.param(
        "Tony Blair has told party members that nothing will block their bid for a third "
        "term.\n\nMr Blair was speaking to MPs amid new rumours of a feud with Margaret "
        "Thatcher. A new memoir says she broke a promise to him. The prime minister has said "
        "he is focused on winning the vote.",
        "focused on winning the vote",
        # (each was prime minister: the table does not tell which, the text does not either)
        None,
        id="two-holders-of-the-office-and-nothing-else-is-no-one",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_a_bare_office_is_the_one_holder_the_article_names(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "noun", "office"),
    [
        ("The chancellor said so.", "chancellor", "chancellor"),
        ("The premier said so.", "premier", "prime minister"),
        ("The prime minister said so.", "minister", "prime minister"),
        ("The home secretary said so.", "secretary", "home secretary"),
        ("The German chancellor said so.", "chancellor", None),
        ("The Lord Chancellor said so.", "Chancellor", None),
        ("The shadow chancellor said so.", "chancellor", None),
        ("The health secretary said so.", "secretary", None),
        ("Israel's prime minister said so.", "minister", None),
    ],
)
def test_the_offices_the_table_reads_are_bare(model, text, noun, office):
    token = next(t for t in model(text) if t.text == noun)
    assert quotes._listed_office(token) == office


def test_every_holder_left_after_taking_office():
    for key, (start, end) in quotes.OFFICE_HOLDERS.items():
        assert start < end, key
        assert key.split("/")[0] in quotes.LISTED_OFFICES


def test_a_dated_article_gives_the_office_only_to_its_holder_then(model):
    # A story dated after Blair left office, naming him and quoting "the prime minister": the
    # prime minister then is someone the story does not name.
    text = (
        "A report on the war has criticised Tony Blair's decisions.\n\nMr Blair said he "
        "accepted responsibility. The prime minister said the report would be studied "
        "carefully by the government."
    )
    words = "the report would be studied"
    doc = model(text)
    mentions, _ = entities.extract(doc, article_id="t")

    def speaker_of(published):
        found = quotes.extract(doc, article_id="t", mentions=mentions, published=published)
        return next(q.speaker for q in found if words in q.text)

    assert speaker_of(None) == "Tony Blair"  # undated: the one holder named
    assert speaker_of("2004-03-10") == "Tony Blair"
    assert speaker_of("2016-07-06") is None


def test_an_office_named_only_inside_a_quotation_is_not_one_the_story_speaks_of(model):
    # Brown fits either office; the critic's quoted "prime minister" had made the narrated
    # "chancellor" no one's (an office spoken of by the narration only counts).
    text = (
        "Gordon Brown is to freeze fuel duty.\n\nThe chancellor denied he was complacent. "
        'Ann Hale said: "Last week the prime minister gave us fear; this week the chancellor '
        'gives us smugness."'
    )
    doc = model(text)
    mentions, _ = entities.extract(doc, article_id="t")
    _, quoted = quotes._placed_quotations(doc, text)
    resolver = quotes._Resolver(doc, quotes._Names(doc, mentions), quoted)
    assert resolver._listed_offices_spoken() == {"chancellor"}
    chancellor = next(t for t in doc if t.lower_ == "chancellor" and not quoted[t.i])
    assert resolver._listed_holder(chancellor).name == "Gordon Brown"
