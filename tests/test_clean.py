"""Cleaning: one story per file, no link debris, Topics footer → tags, tidy whitespace."""

from __future__ import annotations

import pytest

from analysis.clean import article_id, clean


def test_sample_is_one_article_with_its_tags(sample_article):
    assert sample_article.title == "Diplomats urge Russia and Assad to show grace in Aleppo victory"
    assert sample_article.tags == (
        "Aleppo",
        "Syria",
        "Russia",
        "Bashar al-Assad",
        "John Kerry",
        "Boris Johnson",
        "Middle East and North Africa",
    )
    text = sample_article.text
    assert text.count("World diplomats have pleaded") == 1
    assert text.count("Kerry urged Russia to show") == 1
    assert "Read more" not in text
    assert "Aleppo bombing will continue until rebels leave" not in text
    assert "Topics" not in text
    # The paragraphed rendition is the one kept: paragraph breaks carry quotation continuations.
    assert "\n\n“But what am I supposed to do?" in text
    assert "  " not in text


@pytest.mark.parametrize(
    "raw, expected_text, expected_tags",
    [
        ("First paragraph here.\n\n\n\nSecond   one.", "First paragraph here.\n\nSecond one.", ()),
        ("Line one\nwrapped line two.\n\nNext.", "Line one wrapped line two.\n\nNext.", ()),
        (
            "Troops moved in .\n\nOfficials met , then left.",
            "Troops moved in.\n\nOfficials met, then left.",
            (),
        ),
        (
            "Body text of the story.\n\nPolice say the road will reopen Read more\n\nMore body.",
            "Body text of the story.\n\nMore body.",
            (),
        ),
        (
            "Body text.\n\nRead more: Ministers row over budget plans\n\nEnd.",
            "Body text.\n\nEnd.",
            (),
        ),
        (
            "The council met on Monday. Topics  Housing   Local government",
            "The council met on Monday.",
            ("Housing", "Local government"),
        ),
        ("Caf\u00e9 owners\u00a0protested.", "Café owners protested.", ()),
        # cp1252 read as Latin-1: repaired where it can be, and no control character left
        (
            "The so-called \u00e2\u20ac\u0153Islamic State\u00e2\u20ac\u009d group.",
            'The so-called "Islamic State" group.',
            (),
        ),
        (
            "The so-called \u2022\u0081Islamic State group.",
            "The so-called \u2022Islamic State group.",
            (),
        ),
    ],
)
def test_clean_table(raw, expected_text, expected_tags):
    result = clean(raw)
    assert result.text == expected_text
    assert result.tags == expected_tags


def test_a_sentence_that_merely_mentions_reading_is_kept():
    text = "He told reporters he would read more of the report before deciding on Friday."
    assert clean(text).text == text


def test_story_told_twice_keeps_the_paragraphed_rendition():
    paras = [
        "The mayor opened the new bridge on Tuesday after three years of building work.",
        "Traffic had been diverted through the old town for most of that time, angering traders.",
        "The mayor said the bridge would cut journey times by a quarter for commuters.",
    ]
    raw = " ".join(paras) + "\n\n" + "\n\n".join(paras)
    assert clean(raw).text == "\n\n".join(paras)


def test_repeated_paragraph_is_kept_once():
    para = "The mayor said the bridge would cut journey times by a quarter for commuters."
    raw = f"{para}\n\nSomething else happened in between those two.\n\n{para}"
    assert clean(raw).text.count(para) == 1


def test_article_id_depends_only_on_text():
    assert article_id("same text") == article_id("same text")
    assert article_id("same text") != article_id("other text")
    assert len(article_id("x")) == 16


@pytest.mark.parametrize(
    "raw, expected",
    [
        # (the date before it is the site's time stamp: cut too, see below)
        ("03.05.2019Get short URL 0 212 Three people were hurt in the fire.",
         "Three people were hurt in the fire."),
        ("Get short URL 31\n\nThe ferry sank near the port.", "The ferry sank near the port."),
        ("AFP Monday 3 Apr 2017 Print Tweet Views 729 A fire broke out at the depot.",
         "AFP Monday 3 Apr 2017 A fire broke out at the depot."),
        # the words alone, in a sentence about URLs, are not a widget's counters
        ("Readers can get short URLs from the site.", "Readers can get short URLs from the site."),
    ],
)  # fmt: skip
def test_share_widget_counters_are_not_text(raw, expected):
    assert clean(raw).text == expected


# -- a wire headline run into its dateline (invented headlines, in the FA-KES export's shape) --
@pytest.mark.parametrize(
    "raw, paragraphs",
    [
        ("Shelling kills 12 in Syrias Hama Monitor AFP Tuesday 3 Mar 2015 At least 12 people "
         "were killed on Tuesday.",
         ["Shelling kills 12 in Syrias Hama", "Monitor AFP Tuesday 3 Mar 2015",
          "At least 12 people were killed on Tuesday."]),
        ("Car bomb kills 5 in Homs Reuters Friday 6 Feb 2015 \"Five died\" the governor said.",
         ["Car bomb kills 5 in Homs", "Reuters Friday 6 Feb 2015",
          "\"Five died\" the governor said."]),
    ],
)  # fmt: skip
def test_a_headline_run_into_its_dateline_is_split(raw, paragraphs):
    assert clean(raw).text.split("\n\n") == paragraphs


@pytest.mark.parametrize(
    "raw",
    [
        "Officials from AFP Sunday 29 said nothing new about the talks.",  # no month and year
        "Talks ended. Reporters from AFP Sunday 29 Jun 2014 left the hall.",  # not a headline
        "Later the Reuters Friday 6 Feb 2015 edition ran it.\n\nShelling went on.",
    ],
)
def test_an_agency_named_in_a_sentence_is_no_dateline(raw):
    assert clean(raw).text == raw


def test_titles_are_normalised_and_lost_marks_mended():
    from analysis.clean import clean_title

    # what a lossy conversion left of a curly apostrophe and quotation marks (FA-KES titles)
    assert clean_title("Shelling in north of Syria\x95_s Idlib \x95_ monitor") == (
        "Shelling in north of Syria’s Idlib monitor"
    )
    assert clean_title("Town \x95_gas attack\x95_ kills dozens") == "Town gas attack kills dozens"
    # cp1252 read as Latin-1 and layout characters, as in the text; one line
    assert clean_title("Assad\x92s\xa0speech\n resumes") == "Assad's speech resumes"


def test_a_sidebar_of_related_headlines_is_cut():
    from analysis.clean import clean

    body = (
        "Rebels shelled the town on Monday, killing four people. Source Agencies Related News "
        "Storm hits coast | Markets rally Syrian strikes kill 16 civilians in Idlib Follow us"
    )
    text = clean(body).text
    assert text.startswith("Rebels shelled the town") and "16 civilians" not in text
    # a story that only mentions related news keeps its words
    kept = "Officials said the related news reports were wrong about the four deaths."
    assert clean(kept).text == kept


# -- page furniture run into FA-KES stories (invented stories in the outlets' shapes) --
@pytest.mark.parametrize(
    "raw, paragraphs",
    [
        # al-Araby's tag list after the standfirst: the story opens with a capitalised opener ...
        ("4 May 2015 Shelling killed nine people in Hama a monitor said. Tags Syria Hama "
         "regime shelling civilians At least nine people were killed on Monday.",
         ["4 May 2015 Shelling killed nine people in Hama a monitor said.",
          "At least nine people were killed on Monday."]),
        # ... or at the capital before its first function word or past-tense verb
        ("Rockets hit Idlib. Tags Syria Idlib war Government rockets struck a market on Friday.",
         ["Rockets hit Idlib.", "Government rockets struck a market on Friday."]),
        ("Rockets hit Idlib. Tags Syria Idlib Syrian rebels in the south.",
         ["Rockets hit Idlib.", "Syrian rebels in the south."]),
        # ... also after a standfirst that lost its full stop
        ("Shelling killed nine people in Hama a monitor said Tags Syria Hama Nine people died.",
         ["Shelling killed nine people in Hama a monitor said", "Nine people died."]),
        # ... or after a full stop that ends the list
        ("Talks failed. Tags Geneva talks opposition. A new round opens in March.",
         ["Talks failed.", "A new round opens in March."]),
    ],
)  # fmt: skip
def test_a_tag_list_run_into_a_story_is_left_out(raw, paragraphs):
    assert clean(raw).text.split("\n\n") == paragraphs


@pytest.mark.parametrize(
    "raw",
    [
        "The browser's Smart Tags feature was dropped after complaints.",  # a name, mid-sentence
        "Officials checked the bags. Tags are printed at the airport.",  # the word, in a sentence
        "Tags on the crates showed their origin.",
    ],
)
def test_the_word_tags_in_a_sentence_stays(raw):
    assert clean(raw).text == raw


def test_sputniks_page_end_is_cut_with_the_headlines_of_other_stories():
    story = "Rebels shelled the town on Monday killing four people the ministry said."
    raw = (
        f"{story} ... 12 0 Topic Fighting in Syria (210) Related Airstrikes Kill 36 Civilians in "
        "Raqqa Talks Resume in Geneva Tags Syria Raqqa Community standardsDiscussion Comment "
        "via FacebookComment via Sputnik News"
    )
    assert clean(raw).text == story
    # The widget alone after the share counter; and a story's own "Related" stays.
    assert clean(f"{story} ... 832 Community standardsDiscussion Comment").text == story
    own = "Related talks went on. The ministry said 12 died."
    assert clean(f"{own} Community standardsDiscussion Comment via Facebook").text == own


@pytest.mark.parametrize(
    "raw, stamp, body",
    [
        (
            "Published July 4 2015 An explosion at a mosque killed 25 people.",
            "Published July 4 2015",
            "An explosion at a mosque killed 25 people.",
        ),
        (
            "Posted on August 3 2013 by Lina Haddad At least 12 fighters were killed.",
            "Posted on August 3 2013 by Lina Haddad",
            "At least 12 fighters were killed.",
        ),
        (
            "Last updated at Jul 012016 BEIRUT At least 70 fighters died, a monitor said.",
            "Last updated at Jul 012016",
            "BEIRUT At least 70 fighters died, a monitor said.",
        ),
    ],
)
def test_a_publication_stamp_run_into_the_first_sentence_is_its_own_paragraph(raw, stamp, body):
    assert clean(raw).text.split("\n\n") == [stamp, body]


def test_words_like_a_stamp_in_a_sentence_stay_the_sentence():
    assert clean("Published reports say 12 died on Monday.").text == (
        "Published reports say 12 died on Monday."
    )


@pytest.mark.parametrize(
    "raw, paragraphs",
    [
        (
            "Shelling Kills Four in Border Town AP Photo Middle East 0915 03.02.2018(updated "
            "1140 03.02.2018) Four people died when shells hit a market the mayor said.",
            [
                "Shelling Kills Four in Border Town AP Photo Middle East",
                "Four people died when shells hit a market the mayor said.",
            ],
        ),
        (
            "11.06.2019(updated 2210 11.06.2019) Topic Talks on the River Dam (42) 0 17 Envoys "
            "met for six hours.",
            ["Envoys met for six hours."],
        ),
        (
            "Army Retakes Hill Village Middle East 1305 14.03.2018Get short URL Topic Fighting in "
            "the South (95) 3 8 The army said 12 fighters surrendered.",
            ["Army Retakes Hill Village Middle East", "The army said 12 fighters surrendered."],
        ),
    ],
)
def test_a_sites_time_stamp_near_the_start_is_cut(raw, paragraphs):
    # Its clock times, the topic's story count and the share counters are no figures of the
    # story ("0915" had been read as people killed).
    assert clean(raw).text.split("\n\n") == paragraphs


def test_a_date_inside_a_sentence_stays():
    raw = "The council met on 12.03.2017 and 1500 people came to watch."
    assert clean(raw).text == raw


def test_a_soft_hyphen_and_a_word_joiner_are_no_characters_of_the_text():
    # where a page may break a word: left in, "Doug \xadAndres" was a name of its own
    assert clean("Doug \xadAndres, a spokes\xadman, said the plan\u2060 works.").text == (
        "Doug Andres, a spokesman, said the plan works."
    )


def test_a_run_in_related_links_block_is_cut_and_the_story_kept():
    # Other stories' headlines after a "Related" heading, run into the story's first sentence:
    # a headline's "<leader> says …" had made that leader the claimant of the story's toll.
    raw = (
        "Floods kill 12 in river town officials AFP Monday 3 Mar 2015 Related Minister says "
        "dam repairs finished Storm cuts power to 40000 homes Fishermen rescued off coast "
        "At least 12 people were killed when the river burst its banks the governor said. "
        "Rescue teams reached the town on Tuesday."
    )
    assert clean(raw).text.split("\n\n") == [
        "Floods kill 12 in river town officials",
        "AFP Monday 3 Mar 2015",
        "At least 12 people were killed when the river burst its banks the governor said. "
        "Rescue teams reached the town on Tuesday.",
    ]


@pytest.mark.parametrize(
    "raw, story",
    [
        (
            "Related Farmers protest grain prices Port strike enters second week Nearly 300 "
            "workers walked out at the harbour on Friday.",
            "Nearly 300 workers walked out at the harbour on Friday.",
        ),
        (
            "Read more here Council approves bridge budget Local traders warned the mayor about "
            "a drop in sales.",
            "Local traders warned the mayor about a drop in sales.",
        ),
        (
            "See also U.N. envoy visits camp The envoy met families in the camp.",
            "The envoy met families in the camp.",
        ),
    ],
)
def test_the_story_after_a_links_block_starts_at_its_first_sentence(raw, story):
    assert clean(raw).text == story


def test_related_in_a_sentence_is_no_links_block():
    raw = "Related charges were dropped. The court said Related Holdings Ltd paid the fine."
    assert clean(raw).text == raw


def test_a_links_heading_of_its_own_and_its_headlines_are_dropped():
    raw = (
        'The senator spoke for an hour.\n\n"Related:"\n\nSenate Passes Farm Bill After '
        "Long Night.\n\nGovernor Signs Water Deal\n\nThe vote is expected on Thursday, "
        "aides said, and the bill may change."
    )
    assert clean(raw).text.split("\n\n") == [
        "The senator spoke for an hour.",
        "The vote is expected on Thursday, aides said, and the bill may change.",
    ]


_MOJIBAKE_CASES = [
    "The mayor of Zürich met Señora Núñez at the café on Thursday.",
    "“We will rebuild,” the minister said — and the crowd cheered.",
    "Prices rose by 3% to £1,200 – a record – while the € fell.",
    "Plain ASCII only: nothing to repair here, and nothing scanned.",
    "A × B², the ratio at 45° north, «quoted» ‹once›.",
    "Ñ",
    "",
]


def _mojibaked(text: str) -> str:
    """``text`` as UTF-8 bytes read as Windows-1252 (what an upstream decode did wrong)."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


@pytest.mark.parametrize("text", [*_MOJIBAKE_CASES, *map(_mojibaked, _MOJIBAKE_CASES)])
def test_the_mojibake_test_scans_only_around_non_ascii_and_agrees_with_ftfy(text):
    from ftfy.badness import is_bad

    from analysis.clean import looks_mojibake

    assert looks_mojibake(text) == is_bad(text)
    # in the middle of a long ASCII text, as at either end
    padding = "The council met again. " * 40
    for placed in (padding + text, text + padding, padding + text + padding):
        assert looks_mojibake(placed) == is_bad(placed)


def test_the_mojibake_test_finds_something_in_what_an_upstream_decode_broke():
    from analysis.clean import looks_mojibake

    assert looks_mojibake(_mojibaked("Señora Núñez spoke at the café."))
    assert not looks_mojibake("Señora Núñez spoke at the café.")


def test_ftfys_mojibake_sequences_all_hold_a_character_beyond_ascii():
    # What lets looks_mojibake skip ASCII: no character class of ftfy's holds one, and no
    # alternative of its expression matches pure ASCII (each ASCII-only string tried).
    import re
    import string

    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    from analysis.clean import _mojibake_width

    for name, chars in MOJIBAKE_CATEGORIES.items():
        assert not [c for c in map(chr, range(128)) if re.fullmatch(f"[{chars}]", c)], name
    assert 4 <= _mojibake_width() <= 12
    ascii_text = string.printable * 3 + " A  a Ab. a, b! " + "".join(map(chr, range(128)))
    assert BADNESS_RE.search(ascii_text) is None


def test_a_title_run_into_the_lede_ends_its_own_paragraph():
    # the parse had read headline and lede as one sentence ("… Market Town After Truce
    # Collapses The mayor of the town said …"): its speaker was the headline's last words
    raw = (
        "Posted on May 3 2016 by Dana Ray\n\nRebels Shell Market Town After Truce Collapses "
        "The mayor of the town said that nine people died."
    )
    title = "Rebels Shell Market Town After Truce Collapses"
    assert clean(raw, title=title).text.split("\n\n") == [
        "Posted on May 3 2016 by Dana Ray",
        title,
        "The mayor of the town said that nine people died.",
    ]
    # a title the text gives apart, or does not give, or that is a phrase of a sentence: as is
    apart = "Rebels Shell Market Town\n\nThe mayor said so."
    assert clean(apart, title="Rebels Shell Market Town").text == apart
    said = "The mayor said rebels shell market town after truce collapses. Nine died."
    assert clean(said, title=title).text == said
    # (a stamp paragraph ending in the byline's name keeps the whole name)
    assert (
        clean("Posted on May 3 2016 by Dana Ray\n\nRebels shelled it.").text.split("\n\n")[0]
        == "Posted on May 3 2016 by Dana Ray"
    )
