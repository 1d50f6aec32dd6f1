"""Speakers a story names again by a description of their trade, sport, nation or age, and
names the tagger finds in a work's title before its star: BBC sport and entertainment's way.

"said the Tottenham striker", "the American said", "the 24-year-old added" stand for the
person the paragraph is about (its main clause's subject before them), not for the nation or
club their words name, and not for anyone when the text does not say which person it means.
"Only Fools and Horses star David Jason said" speaks as David Jason, not as "Fools".
Each case is an invented passage and the (kind, speaker, words of the quote) it yields.
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
        "Tom Harlow was left frustrated after losing both of his singles on the clay. "
        '"It is just tough because I felt I was in it the whole time," said the American.',
        "It is just tough",
        "Tom Harlow",
        id="nation-adjective-noun-is-the-subject-not-the-nation",
    ),
    pytest.param(
        "Liam Doyle was full of praise for the winger who made the goal. "
        '"It was a lovely cross and I only had to finish it," said the Rovers striker.',
        "It was a lovely cross",
        "Liam Doyle",
        id="club-and-trade-the-article-never-gave-him",
    ),
    pytest.param(
        "Owen Pryce, who will lead the side in the opening tournament, was delighted with "
        'his award. "This is a real honour for the whole squad," said the Bristol fly-half.',
        "This is a real honour",
        "Owen Pryce",
        id="hyphenated-position",
    ),
    pytest.param(
        "Carlos Ibarra reached his first final of the year on Sunday. "
        '"I played my best tennis of the season today," said the Spaniard.',
        "I played my best tennis",
        "Carlos Ibarra",
        id="nation-noun-from-the-lexicon",
    ),
    pytest.param(
        "Martin Keller has signed a new contract with the club. "
        'The 52-year-old Frenchman told the club website: "My aim has always been clear."',
        "My aim has always been clear",
        "Martin Keller",
        id="aged-nation-noun-tagged-a-person",
    ),
    pytest.param(
        "Hannah Reid and Claire Dunn both won their heats in the rain on Saturday. "
        '"It was a good day for the whole team," said the 24-year-old.',
        "It was a good day",
        None,
        id="age-after-a-list-of-athletes-is-nobody",
    ),
    pytest.param(
        "Hannah Reid, 24, and Claire Dunn, 29, both won their heats in the rain on Saturday. "
        '"It was a good day for the whole team," said the 24-year-old.',
        "It was a good day",
        "Hannah Reid",
        id="age-the-article-gave-one-of-them",
    ),
    pytest.param(
        "Wearing a red coat, Lucy Grant told reporters the night was bitterly cold. The younger "
        "stars were also represented by Amy Cole, who plays Juliet in the new film. "
        "The 15-year-old said she was hoping to meet the director.",
        "she was hoping to meet the director",
        "Amy Cole",
        id="age-of-the-one-the-sentence-before-introduced",
    ),
    pytest.param(
        "The book and the film blame the station chief for the delay. The author of the "
        "book, Mitchell Zellner, said in an interview that he stands by the account.",
        "he stands by the account",
        "Mitchell Zellner",
        id="a-description-naming-its-holder-is-theirs",
    ),
    pytest.param(
        "Daniel Radcliffe was mobbed by fans at the premiere on Sunday. "
        '"It was amazing to see so many people," said the Harry Potter star.',
        "It was amazing",
        "Daniel Radcliffe",
        id="a-title-before-the-trade-noun-is-no-holder",
    ),
    pytest.param(
        "Peter Walsh praised the whole cast after the first night in the West End. "
        '"I loved every minute of it," said the actress.',
        "I loved every minute",
        None,
        id="description-of-the-other-sex-is-nobody",
    ),
    pytest.param(
        "Manager Tom Reid praised his side after the draw with the league leaders. "
        '"We were superb at the back all afternoon," said the goalkeeper.',
        "We were superb",
        None,
        id="another-trade-than-the-one-the-article-gave-him",
    ),
    # --- an inverted sentence's subject ("Cheering for X was Y") is the one it is about --------
    pytest.param(
        "Ruth Kendal, Paul Oakes and Sam Tully were among the guests at the music awards in "
        "London.\n\nBest singer winner Helen Armitage told reporters the prize was the high "
        'point of her career. She said: "I never expected this." Cheering for Armitage in the '
        "best singer race was Ruth Kendal, herself nominated for her debut album.\n\nWrapped "
        "in a long silver coat, the Canadian-born singer stopped to sign autographs and "
        'joked: "It is freezing but I love it."',
        "It is freezing",
        "Ruth Kendal",
        id="inverted-subject-after-was-not-the-name-in-the-fronted-phrase",
    ),
    pytest.param(
        "Best actress winner Helen Armitage said the prize was the high point of her career. "
        "Rooting for Armitage in the best actress category was Ruth Kendal, who starred with "
        'her in a play last year.\n\nShivering in a thin dress, the actress told reporters: "It '
        'is cold but worth it."',
        "It is cold",
        "Ruth Kendal",
        id="inverted-subject-is-the-description-holder-over-the-earlier-winner",
    ),
    # --- a club's manager called by the club's nickname and another word for the job --------
    pytest.param(
        "Wrexham striker Dean Cole has rejected a move to Chester after falling out with "
        "Wrexham manager Ian Parks.\n\nThe Dragons boss vowed Cole would not play again after "
        "a row over the cup game.",
        "Cole would not play again",
        "Ian Parks",
        id="club-boss-by-nickname-is-the-one-manager-named",
    ),
    pytest.param(
        "Wrexham manager Ian Parks watched his side lose at Chester.\n\nChester were the "
        "better side. The Chester boss said his players had earned the win.",
        "his players had earned the win",
        None,
        id="boss-of-another-club-named-elsewhere-is-not-the-one-manager",
    ),
    pytest.param(
        "Wrexham boss Ian Parks was left frustrated as his side drew with Chester.\n\nChester "
        "had the better chances in the second half. The Chester boss said his side deserved "
        "to win.",
        "his side deserved to win",
        None,
        id="boss-of-the-club-a-role-sentence-names-is-not-the-other-clubs-boss",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_a_description_speaks_as_the_paragraphs_subject(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker


TITLES = [
    pytest.param(
        "Last week Only Fools and Horses star David Jason criticised British television for "
        'being "too cheap". "We have got to be careful not to dumb down," he said.',
        "We have got to be careful",
        "David Jason",
        id="sitcom-title-run-into-its-stars-name",
    ),
    pytest.param(
        "Lord of the Rings director Peter Jackson has said it will be years before he starts "
        "work on another film. "
        '"It will be a lot of lawyers sitting in a room," said the New Zealander.',
        "It will be a lot of lawyers",
        "Peter Jackson",
        id="film-title-made-the-subject",
    ),
    pytest.param(
        "Sarah Collins's gritty drama Harbour won the short film award on Sunday.\n\n"
        "Set in her home town, Harbour tells the story of a young mother. "
        '"I just start with an image I cannot shake off," she explains.',
        "I just start with an image",
        "Sarah Collins",
        id="a-films-title-is-no-she",
    ),
    pytest.param(
        "Ray Dunmore has said a new film about his life is the start of his retirement. The "
        "film, A Quiet Road, follows Dunmore's life and career. "
        '"I am still going to be making music," he said.',
        "I am still going to be making music",
        "Ray Dunmore",
        id="a-title-in-apposition-to-film-is-no-he",
    ),
    pytest.param(
        "On the show Simon Cowell said the singers were dreadful.",
        "the singers were dreadful",
        "Simon Cowell",
        id="a-name-after-a-shows-noun-it-is-not-joined-to-is-a-person",
    ),
    pytest.param(
        "Sir Ian Grant said his side would still need to be at their best. Striker Mark Dale "
        "is fit again, but the Scot admitted he was unsure whether to start him on Tuesday.",
        "he was unsure whether to start him",
        "Ian Grant",
        id="the-subject-of-the-same-sentence-is-someone-else",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), TITLES)
def test_a_title_before_a_star_is_no_speaker(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker


UNTAGGED = [
    pytest.param(
        "Boss Hamish Dunlop felt his side were never really in danger of going out.\n\n"
        "An early own goal followed by a late strike earned them a 2-1 win. "
        '"It gave us a great advantage," he said after the match. '
        "The strike moved Gary Lorne within 12 of Willie Craig's club scoring record. "
        "But Dunlop said he did not think the record would have any bearing on his future. "
        '"I think if he got it this year he would want to stay on," he added.',
        ["Hamish Dunlop"] * 3,
        id="untagged-subject-after-a-trade-word-and-its-surname-tagged-a-body",
    ),
]


NOT_PEOPLE = [
    pytest.param(
        "The trade talks stalled on Monday. The US said the offer was not good enough.",
        "the offer was not good enough",
        "United States",
        id="the-country-speaks-not-one-of-its-people",
    ),
    pytest.param(
        "The water company has asked for a higher tariff. The Planning Minister did not rule "
        "out cancelling its licence. He added that he would not guess at the outcome.",
        "he would not guess at the outcome",
        None,
        id="an-untagged-office-is-no-persons-name",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), NOT_PEOPLE)
def test_a_country_or_an_office_is_no_untagged_person(model, text, words, speaker):
    found = [q for q in run(model, text) if words in q.text]
    assert len(found) == 1, speakers(model, text)
    assert found[0].speaker == speaker


@pytest.mark.parametrize(("text", "expected"), UNTAGGED)
def test_a_subject_the_tagger_missed_is_who_he_is(model, text, expected):
    assert [q.speaker for q in run(model, text)] == expected, speakers(model, text)
