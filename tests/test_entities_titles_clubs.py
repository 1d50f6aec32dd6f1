"""Entity labels of entertainment and sports news: a film's, a show's or a record's title the
model tags a person is no one (spans._title_cue); a club's nickname, its ground, a town the
model calls an organisation in a sports report, a match noun after a town, a transfer's noun
and a line-up's brackets make clubs, not people or places (labelling._club_by_its_name,
_club_by_the_model, spans._sporty_club_use, _club_move, _line_up_club). Invented sentences,
through the real model."""

from __future__ import annotations

import pytest

from analysis import entities


@pytest.fixture(scope="module")
def model():
    from analysis import nlp

    return nlp.load()


def labels_of(model, text: str, name: str) -> set[str]:
    mentions, _ = entities.extract(model(text), article_id="t")
    return {m.label for m in mentions if m.name == name}


# -- a title tagged PERSON --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, name, labels",
    [
        # a work's noun before the title's first words, a plural work's noun, "starring" after
        ("US audiences flocked to his new thriller Hide and Seek over the weekend.", "Seek",
         set()),
        ("He made remarks about TV shows Pop Idol and The X-Factor.", "Idol", set()),
        ("Other films tipped for awards include Closer, starring Jude Law and Natalie Portman.",
         "Closer", set()),
        ("Other films tipped for awards include Closer, starring Jude Law and Natalie Portman.",
         "Jude Law", {"PERSON"}),
        # a list a plural work's noun opens (tagged PERSON or ORG), not a list of directors
        ("He was nominated for films including Raging Bull, Goodfellas and Gangs of New York.",
         "Goodfellas", set()),
        ("He was nominated for films including Raging Bull, Goodfellas and Gangs of New York.",
         "Raging Bull", set()),
        ("The festival showed films by directors including Scorsese and Spielberg.",
         "Spielberg", {"PERSON"}),
        # a person named in full, a given name, no cinema's word with the money: the person
        ("Jim Carrey returned to comedy this year. Carrey topped the box office with his new "
         "film.", "Jim Carrey", {"PERSON"}),
        ("Critics praised the documentary Michael Moore made last year.", "Michael Moore",
         {"PERSON"}),
        ("Kozlowski took $20m from the firm, prosecutors said.", "Kozlowski", {"PERSON"}),
    ],
)  # fmt: skip
def test_a_title_tagged_a_person_is_no_one(model, text, name, labels):
    assert labels_of(model, text, name) == labels


# Three sentences with sports words: the article is a sports report (spans.sports_report).
_MATCH = (
    "The referee sent off two players before half-time.\n\n"
    "Their striker scored a penalty late on.\n\n"
    "The match was the first of the season.\n\n"
)


# -- clubs in sports reports ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, name, labels",
    [
        # a club's nickname or its ground (club_nicknames, club_grounds)
        (_MATCH + "He scored twice against Spurs last season.", "Spurs", {"ORG"}),
        (_MATCH + "Pompey's manager was pleased with the point.", "Pompey", {"ORG"}),
        (_MATCH + "He spent six years at Anfield before the move. The Anfield club rejected the "
         "offer.", "Anfield", {"ORG"}),
        # a score's side, the town tagged PERSON; a player named in full stays the player
        (_MATCH + "He played in the Leeds side that won the title. They lost 2-1 to Norwich on "
         "Saturday.", "Norwich", {"ORG"}),
        (_MATCH + "Lleyton Hewitt reached the final. The Briton lost 6-4 to Hewitt in the "
         "semi-final.", "Lleyton Hewitt", {"PERSON"}),
        # a ground the model tags a facility stays one
        (_MATCH + "The replay at Ewood Park drew a big crowd.", "Ewood Park", {"FAC"}),
        # a transfer's noun, a match's noun after the town
        (_MATCH + "Bellamy turned down a move to Norwich in January.", "Norwich", {"ORG"}),
        (_MATCH + "The defender missed the Norwich game with a knee injury.", "Norwich",
         {"ORG"}),
        # a trip to the town, a night in it, a move (the verb) to it: the town
        (_MATCH + "The squad faces a trip to Norwich next week. The team stayed in Norwich "
         "overnight.", "Norwich", {"GPE"}),
        (_MATCH + "Since moving from Colchester to Norwich, she has trained twice a day.",
         "Norwich", {"GPE"}),
    ],
)  # fmt: skip
def test_a_clubs_nickname_ground_or_town_in_a_sports_report(model, text, name, labels):
    assert labels_of(model, text, name) == labels


@pytest.mark.parametrize(
    "text, name, labels",
    [
        # a player's club in a line-up's brackets, a role before it or not
        ("The squad for the rugby match was named on Monday.\n\nBacks: Tom Hale (Bristol), "
         "Andy Craig (Gloucester), Sam Dunn (captain, Bath).", "Gloucester", {"ORG"}),
        ("The squad for the rugby match was named on Monday.\n\nBacks: Tom Hale (Bristol), "
         "Andy Craig (Gloucester), Sam Dunn (captain, Bath).", "Bath", {"ORG"}),
        # two words of a squad or a position make the article one about sport
        ("The squad was named on Monday, and Gloucester flanker Andy Craig starts.\n\nBacks: "
         "Tom Hale (Bristol), Andy Craig (Gloucester), Sam Dunn (Bath).", "Bristol", {"ORG"}),
        ("The squad was named on Monday.\n\nBacks: Tom Hale (Bristol), Andy Craig "
         "(Gloucester), Sam Dunn (Bath).", "Bristol", {"GPE"}),
        # two brackets are no line-up
        ("The squad for the rugby match was named on Monday.\n\nBacks: Tom Hale (Bristol), "
         "Andy Craig (Gloucester).", "Gloucester", {"GPE"}),
        # a referee's county is no club
        ("The squad for the rugby match was named on Monday.\n\nReferee: Howard Webb (South "
         "Yorkshire)", "South Yorkshire", {"GPE"}),
        # a national side stays the country; a list of no sport keeps its places
        ("The squad for the rugby match was named on Monday.\n\nBacks: Tom Hale (Wales), Andy "
         "Craig (Ireland).", "Ireland", {"GPE"}),
        ("The committee met on Monday.\n\nMembers: Tom Hale (Bristol), Andy Craig (Gloucester), "
         "Sam Dunn (Bath).", "Gloucester", {"GPE"}),
    ],
)  # fmt: skip
def test_a_line_ups_bracket_is_the_players_club(model, text, name, labels):
    assert labels_of(model, text, name) == labels


def test_a_nickname_outside_sport_is_left_to_the_other_rules(model):
    # no sports word in the article: "Blues" is no club here
    assert "ORG" not in labels_of(model, "Jazz fans love Rhythm and Blues.", "Blues")


@pytest.mark.parametrize(
    "text, labels",
    [
        # tagged ORG in a sports report that puts nothing in the town: its club
        (_MATCH + "The decision has got to be left to Chelsea, he said.", {"ORG"}),
        (_MATCH + "He said the Chelsea star was desperate to score.", {"ORG"}),
        # the same report putting people in the town keeps the town a place
        (_MATCH + "The decision has got to be left to Chelsea, he said. He said the Chelsea "
         "star was desperate to score. His parents live in Chelsea.", {"GPE"}),
    ],
)  # fmt: skip
def test_a_town_the_model_calls_an_organisation_in_a_sports_report(model, text, labels):
    assert labels_of(model, text, "Chelsea") == labels


# -- a work, a band, a club or a firm's arm by the words beside the name ------------------------
@pytest.mark.parametrize(
    "text, name, labels",
    [
        # a cast's noun between the name and a person: the film, whatever given name it is
        (
            "Ray star Jamie Foxx was named best actor. Foxx played the singer in the film Ray.",
            "Ray",
            set(),
        ),
        # films after the name, whatever the model tags that mention: the film in them all
        (
            "Marvel earned millions from the hugely popular Spider-Man films. Lee also "
            "created Spider-Man in 1962.",
            "Spider-Man",
            set(),
        ),
        # a band member's noun between the name and a person: the band
        (
            "Award winners Keane and The Streets will play on Saturday. Keane frontman Tom "
            "Chaplin thanked his fans.",
            "Keane",
            {"ORG"},
        ),
        # the object of "for" after a player's position: the club
        (
            "Bennett, an inspirational fly-half for Llanelli and Wales in the 1970s, insisted "
            "the team would win.",
            "Llanelli",
            {"ORG"},
        ),
        # a firm's name and a continent: the firm's arm there
        (
            "Web portal Lycos Europe reported a 500% increase in fake e-mails.",
            "Lycos Europe",
            {"ORG"},
        ),
        # a name ending in a work's noun is the work's
        ("One couple broadcasts The Dawn and Drew Show from Wisconsin.", "Drew Show", set()),
        # the person stays where the text says nothing of the kind
        ("Roy Keane was booked early on. Keane later scored the winner.", "Roy Keane", {"PERSON"}),
        ("Bennett was born in Llanelli and still lives there.", "Llanelli", {"GPE"}),
        ("Jools Holland played the piano all night.", "Jools Holland", {"PERSON"}),
        ("Hotel Rwanda tells the story of a hotel manager.", "Hotel Rwanda", {"FAC"}),
        ("Mr Glazer's two sons, Avi and Joel, lead the bid.", "Avi", {"PERSON"}),
        # a singular work's noun after a name is the maker's work; a county's singer is from it
        ("He wanted the latest Eminem album for Christmas.", "Eminem", {"PERSON"}),
        ("Devon singer Joss Stone won two awards.", "Devon", {"PERSON"}),
        # a player among clubs in a sports report is a player
        ("Subs not used: Hislop, Quashie, Cisse, Portsmouth and Arsenal.", "Quashie", {"PERSON"}),
    ],
)
def test_the_words_beside_a_name_say_what_it_is(model, text, name, labels):
    assert labels_of(model, text, name) == labels
