"""Part and whole between the figures of a sentence (analysis.figure_parts), through the same
``extract_article`` call ``presslens analyze`` makes; then what uses it: the headline figure skips
parts, the Figures table names the whole.

The sentences are invented for these tests. Negatives (two separate counts, a "part" larger than
its "whole", different categories) must link nothing.
"""

from __future__ import annotations

import dataclasses

import duckdb
import pandas as pd
import pytest

from analysis import figure_parts, figure_views
from analysis.extract import extract_article
from analysis.filters import Filters
from analysis.records import Article, ArticleResult, Figure
from analysis.store import Store


def _figs(nlp, text):
    doc = nlp(text)
    return list(extract_article(doc, Article(id="t", title="", text=doc.text)).figures)


def _by_text(figs):
    return {f.text: f for f in figs}


@pytest.mark.parametrize(
    "text, part, whole",
    [
        # whole first: including / among them / of whom / N of them
        ("At least 28 people, including four children, were killed in the raids.", "four",
         "At least 28"),
        ("Shelling killed 25 residents including seven women on Tuesday.", "seven", "25"),
        # a phrase of place between the toll and its parts
        ("Air strikes killed 40 people in a crowded market of the old town including nine "
         "children.", "nine", "40"),
        ("The strike killed 14 villagers, among them three boys, the council said.", "three",
         "14"),
        ("The toll rose to 40, 12 of them children, rescuers said on Monday.", "12", "40"),
        ("Floods killed 30 farmers, of whom nine were women.", "nine", "30"),
        # part first: among / of the
        ("Five children were among the 33 dead in the market bombing.", "Five", "33"),
        ("Three nurses were among at least 17 people killed when the clinic was hit.", "Three",
         "at least 17"),
        # a headline's toll right after its dateline (the NER runs it into the date)
        ("2 October 2016 Three killed including 2 women in terrorist rocket attacks "
         "in Homs city.", "2", "Three"),
    ],
)  # fmt: skip
def test_part_points_at_its_whole(nlp, text, part, whole):
    figs = _by_text(_figs(nlp, text))
    assert figs[part].part_of == figs[whole].start, [(f.text, f.part_of) for f in figs.values()]
    assert figs[whole].part_of is None
    assert figure_parts.tolls(figs.values()) == [figs[whole]]


def test_a_list_of_parts_all_point_at_the_whole(nlp):
    figs = _by_text(
        _figs(nlp, "At least 19 civilians - among them six women and four children - died.")
    )
    whole = figs["At least 19"].start
    assert (figs["six"].part_of, figs["four"].part_of) == (whole, whole)


def test_a_whole_loses_the_unit_it_only_borrowed_from_its_part(nlp):
    figs = _by_text(_figs(nlp, "Four children were among the 28 dead after the shelling."))
    assert figs["Four"].unit == "children"
    assert figs["28"].unit is None  # the 28 dead are not all children
    assert figs["Four"].part_of == figs["28"].start


@pytest.mark.parametrize(
    "text",
    [
        # two counts side by side, neither inside the other
        "Rebels killed 12 soldiers and shelling killed 20 civilians in the town.",
        "Gunmen killed 8 people and wounded 30 others, including 5 children.",
        # a "part" larger than the "whole" cannot be one
        "Some 50 students were among 20 people hurt",
        # a share is not a part of a count
        "Of the 300 people who fled, 40% were children.",
    ],
)
def test_no_part_where_there_is_none(nlp, text):
    figs = _figs(nlp, text)
    linked = [(f.text, f.part_of) for f in figs if f.part_of is not None]
    if "including 5 children" in text:
        # the five children are part of the 30 wounded (same category), never of the 8 killed
        wounded = _by_text(figs)["30"].start
        assert linked == [("5", wounded)] or linked == []
    else:
        assert linked == []


def _fig(article_id, start, text, value, *, unit="people", category="killed", part_of=None):
    return Figure(
        article_id=article_id, text=text, value=value, low=value, high=value, approximate=False,
        unit=unit, category=category, subject=None, location="Idlib", claimed_by=None,
        start=start, end=start + len(text), sentence="s", scope="event", part_of=part_of,
    )  # fmt: skip


def test_headline_figure_is_never_a_part(tmp_path):
    """Three outlets each say "four children among the 28 dead": 4 and 28 get the same votes
    and the tie would go to the smaller estimate, but a part is no toll: the headline is 28."""
    db = tmp_path / "parts.duckdb"
    store = Store(db)
    results = []
    for i, source in enumerate(["A", "B", "C"]):
        art = Article(id=f"p{i}", title=f"t{i}", text="x" * 80, source=source,
                      published="2016-05-0" + str(i + 1))  # fmt: skip
        figs = (
            _fig(art.id, 0, "four", 4, unit="children", part_of=20),
            _fig(art.id, 20, "28", 28, unit=None),
        )
        results.append(ArticleResult(article=art, quotes=(), entities=(), mentions=(),
                                     figures=figs, attitudes=()))  # fmt: skip
    store.write_batch(results)
    store.close()
    with duckdb.connect(str(db), read_only=True) as con:
        heads = figure_views.headline_figures(con)
        killed = heads[heads["category"] == "killed"].iloc[0]
        assert killed["estimate"] == 28
        table = figure_views.figure_table(con)
        parts = table[table["text"] == "four"]
        assert set(parts["part_of_text"]) == {"28"}
        assert table[table["text"] == "28"]["part_of_text"].isna().all()
        # the newest rows (limit): texts read by row id, the same rows
        newest = figure_views.figure_table(con, limit=4)
        assert len(newest) == 4 and list(newest["published"]) == sorted(
            newest["published"], reverse=True
        )
        pd.testing.assert_frame_equal(
            newest.reset_index(drop=True), table.head(4).reset_index(drop=True)
        )


def test_the_newest_figures_name_a_whole_nobody_counted_by_its_noun(tmp_path):
    """ "civilians, including three children": the table names the whole by its noun, read
    from the article's text, whether it shows every figure or the newest few."""
    db = tmp_path / "noun.duckdb"
    text = "A shell hit the market, killing civilians, including three children."
    store = Store(db)
    arts = [
        Article(id=f"n{i}", title=f"t{i}", text=text, source="A", published=f"2016-05-0{i + 1}")
        for i in range(3)
    ]
    start = text.index("three")
    results = [
        ArticleResult(article=art, quotes=(), entities=(), mentions=(), attitudes=(),
                      figures=(_fig(art.id, start, "three", 3, unit="children",
                                    part_of=text.index("civilians")),))
        for art in arts
    ]  # fmt: skip
    store.write_batch(results)
    store.close()
    with duckdb.connect(str(db), read_only=True) as con:
        every = figure_views.figure_table(con)
        newest = figure_views.figure_table(con, limit=2)
    assert set(every["part_of_text"]) == {"civilians"}
    assert list(newest["part_of_text"]) == ["civilians", "civilians"]
    assert list(newest["article_id"]) == ["n2", "n1"]


@pytest.mark.parametrize(
    "text, part, noun",
    [
        ("A shell hit the market, killing civilians, including three children.", "three",
         "civilians"),
        ("Four children were among the dead in the overnight strikes.", "Four", "dead"),
    ],
)  # fmt: skip
def test_part_of_a_whole_nobody_counted_points_at_its_noun(nlp, text, part, noun):
    figs = _by_text(_figs(nlp, text))
    assert text[figs[part].part_of :].startswith(noun)
    assert figure_parts.tolls(figs.values()) == []


def test_children_among_the_dead_beside_a_death_toll_are_a_part(nlp):
    # the verb before the number ("there were nine children among the dead"): a part of the
    # dead, not a toll of its own beside the monitor's (the Overview's headline spread had
    # shown such children as the lowest toll of the attack)
    text = "The monitor put the death toll at 40 saying there were nine children among the dead."
    figs = _by_text(_figs(nlp, text))
    assert text[figs["nine"].part_of :].startswith("dead")
    assert [f.text for f in figure_parts.tolls(figs.values())] == ["40"]


def test_an_uncounted_list_of_parts(nlp):
    text = "Raids killed civilians, among them two women and three boys."
    figs = _by_text(_figs(nlp, text))
    assert figs["two"].part_of == figs["three"].part_of == text.index("civilians")


def test_things_are_no_whole():
    """ "The attacks, including two on markets" counts attacks: no part of a toll."""
    fig = _fig("a", 16, "two", 2, unit=None)
    text = "The attacks, including two on markets, killed 9 people."
    assert (
        figure_parts.link_parts([dataclasses.replace(fig, sentence=text)], text)[0].part_of is None
    )


@pytest.mark.parametrize(
    "text, parts",
    [
        ("The monitor says those killed in two attacks include 14 children and four women.",
         ("14", "four")),
        ("The victims included 51 children 28 women five rescue workers and seven medics.",
         ("51", "28", "five", "seven")),
    ],
)  # fmt: skip
def test_parts_of_the_dead_nobody_counted_are_no_tolls(nlp, text, parts):
    figs = _by_text(_figs(nlp, text))
    for part in parts:
        assert figs[part].category == "killed" and figs[part].part_of is not None, [
            (f.text, f.category, f.part_of) for f in figs.values()
        ]
    assert not [f for f in figure_parts.tolls(figs.values()) if f.category == "killed"]


@pytest.mark.parametrize(
    "text, parts, whole",
    [
        # the list stands before its whole: every member is a part, not only the one next to it
        ("Two nurses and three boys were among the dead after the clinic was shelled.",
         ("Two", "three"), "dead"),
        ("Four women and six children were among the 40 killed in the raid on the market.",
         ("Four", "six"), "40"),
    ],
)  # fmt: skip
def test_a_list_of_parts_before_its_whole(nlp, text, parts, whole):
    figs = _by_text(_figs(nlp, text))
    at = figs[whole].start if whole in figs else text.index(whole)
    assert [figs[p].part_of for p in parts] == [at] * len(parts), [
        (f.text, f.category, f.part_of) for f in figs.values()
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a whole before its parts is never made a part of them
        "The shelling killed 30 civilians, 12 children among them, in the old city.",
        # two tolls of two categories side by side
        "Five soldiers were killed and nine were among the wounded, the army said.",
    ],
)
def test_a_whole_before_its_list_stays_a_whole(nlp, text):
    figs = _figs(nlp, text)
    assert figs[0].part_of is None, [(f.text, f.category, f.part_of) for f in figs]


@pytest.mark.parametrize(
    "text, increment, marker, toll",
    [
        ("The shelling of the village killed 11 people. Doctors said two more people had died "
         "of their wounds overnight.", "two", "more", "11"),
        ("Rescuers pulled 9 bodies from the rubble, and another four residents died in hospital "
         "on Friday.", "four", "another", "9"),
        ("The strike on the bakery killed 16 people, and a further three died later.", "three",
         "further", "16"),
        ("The ferry fire killed 31 passengers. By Monday the toll had risen by 4.", "4", "risen",
         "31"),
    ],
)  # fmt: skip
def test_an_increment_is_no_toll(nlp, text, increment, marker, toll):
    """ "two more people had died", "another four", "a further three", "rose by 6": an addition
    to a toll, recorded as a part of a whole nobody counted (its marker), so no toll."""
    figs = _by_text(_figs(nlp, text))
    assert text[figs[increment].part_of :].startswith(marker)
    assert [f.text for f in figure_parts.tolls(figs.values())] == [toll]


@pytest.mark.parametrize(
    "text, counts",
    [
        # another category before: the wounded are other people than the dead, all of them
        ("Mortar fire killed 7 people and wounded another 19 in the old market.", ["7", "19"]),
        ("The raid left 23 civilians dead and dozens more injured.", ["23", "dozens"]),
        ("Gunmen killed 13 police officers on Sunday. Another 30 people were wounded.",
         ["13", "30"]),
        # the dead counted just before in its sentence decide, not the lede's "dozens wounded"
        ("A car bomb wounded dozens in the market on Friday. Officials said that the blast "
         "killed 9 people and wounded another 25.", ["25"]),
        # its category at another place: that place's own count
        ("Shelling killed 14 people in Hama and another 8 in Homs.", ["14", "8"]),
        # a toll risen to it: "rises to 8" (a title run into the next words)
        ("Death toll in the flooded valley rises to 8 more rescuers are sent in.", ["8"]),
        # no increment: "more than"
        ("The bombing killed 5 more than the previous attack.", None),
    ],
)  # fmt: skip
def test_another_count_beside_a_toll_is_no_increment(nlp, text, counts):
    figs = _figs(nlp, text)
    if counts is None:
        assert all(f.part_of is None for f in figs)
    else:
        assert [f.text for f in figure_parts.tolls(figs) if f.text in counts] == counts


def test_headline_spread_leaves_increments_out(tmp_path):
    """Three outlets give 40 dead; a fourth, days later, "three more died": the spread of the
    event is 40 – 40, not 3 – 40 (through the summaries and straight from the figures)."""
    db = tmp_path / "incr.duckdb"
    store = Store(db)
    results = []
    for i, source in enumerate(["A", "B", "C", "D"]):
        art = Article(id=f"i{i}", title=f"t{i}", text="x" * 80, source=source,
                      published="2016-05-0" + str(i + 2))  # fmt: skip
        figs = (_fig(art.id, 0, "40", 40, unit=None),)
        if source == "D":
            figs = (_fig(art.id, 10, "three", 3, unit=None, part_of=16),)
        results.append(ArticleResult(article=art, quotes=(), entities=(), mentions=(),
                                     figures=figs, attitudes=()))  # fmt: skip
    store.write_batch(results)
    store.close()
    ids = Filters(article_ids=("i0", "i1", "i2", "i3"))  # not covered by the summaries
    with duckdb.connect(str(db), read_only=True) as con:
        for heads in (figure_views.headline_figures(con), figure_views.headline_figures(con, ids)):
            killed = heads[heads["category"] == "killed"].iloc[0]
            assert killed["estimate"] == 40
            assert (killed["estimate_low"], killed["estimate_high"]) == (40, 40)


def test_a_part_of_a_restated_whole_points_at_the_whole_it_joined(nlp):
    """The lede restates the headline's toll and gives its part right beside it: the part is
    read beside that restatement, then points at the headline's toll the restatement joined
    (it had stood as a toll of its own, and a conflict paired it with another outlet's)."""
    text = (
        "64 dead in gas attack on rebel town\n\n"
        "The toll from a suspected gas attack on a rebel-held town has risen to 64 "
        "25 of them children a monitor said on Thursday."
    )
    figs = _figs(nlp, text)
    assert [(f.text, f.part_of) for f in figs] == [("64", None), ("25", figs[0].start)]
    assert figure_parts.tolls(figs) == [figs[0]]


def test_a_headline_whole_restated_in_the_lede_stays_the_toll(nlp):
    """The headline's part and whole, then the lede telling both again: the lede's part joins
    the headline's and the headline's whole stays the toll (no part of itself, and no unit
    borrowed from its part)."""
    text = (
        "5 nurses among 21 dead in Homs clinic bombing\n\n"
        "Five nurses were among 21 people killed in Homs on Monday when a bomb hit a clinic, "
        "medics said."
    )
    figs = _by_text(_figs(nlp, text))
    assert figs["21"].part_of is None and figs["21"].unit is None
    assert figs["5"].part_of == figs["21"].start
    assert figure_parts.tolls(figs.values()) == [figs["21"]]


@pytest.mark.parametrize(
    "text, counts",
    [
        # other people killed at the same place: the soldiers' own toll, not more fighters
        ("At least 140 militants, among them 12 minors, had been killed in the battle for the "
         "town, the monitor said. Another 60 soldiers and militiamen were also killed.",
         ["At least 140", "60"]),
        ("Air strikes on the town killed 25 civilians on Monday. Another 9 soldiers were killed "
         "in clashes nearby.", ["25", "9"]),
    ],
)  # fmt: skip
def test_another_count_of_other_people_is_their_own_toll(nlp, text, counts):
    figs = _figs(nlp, text)
    assert [f.text for f in figure_parts.tolls(figs) if f.text in counts] == counts


@pytest.mark.parametrize(
    "text, increment, marker",
    [
        # more of the people counted before, or of people of no kind said
        ("Air strikes on the town killed 25 civilians on Monday. Another 6 civilians died of "
         "their wounds.", "6", "Another"),
        ("The blast killed 18 people at the checkpoint. Four more soldiers died in hospital.",
         "Four", "more"),
    ],
)  # fmt: skip
def test_more_of_the_same_people_is_an_increment(nlp, text, increment, marker):
    figs = _by_text(_figs(nlp, text))
    assert text[figs[increment].part_of :].startswith(marker)


@pytest.mark.parametrize(
    "text, old, new",
    [
        # the words before it say the source replaced it
        ("At least 58 people were killed in the attack the monitor said, updating a previous "
         "toll of 41 dead.", "41", "At least 58"),
        ("The strike on the market killed 33 people, up from 20 reported on Monday.", "20",
         "33"),
        # one source's toll given, then said to have risen
        ("The Observatory said 19 people were killed in the shelling of Jisr. Later the "
         "Observatory said the toll had risen to 27.", "19", "27"),
    ],
)  # fmt: skip
def test_a_replaced_toll_is_the_earlier_part_of_its_update(nlp, text, old, new):
    figs = _by_text(_figs(nlp, text))
    assert figs[old].part_of == figs[new].start, [(f.text, f.part_of) for f in figs.values()]
    assert [f.text for f in figure_parts.tolls(figs.values())] == [new]


def test_a_toll_risen_by_another_source_does_not_replace_a_count(nlp):
    text = (
        "The Observatory said 19 people were killed in the shelling of Jisr. Local activists "
        "said the toll had risen to 27."
    )
    figs = _by_text(_figs(nlp, text))
    assert figs["19"].part_of is None and figs["27"].part_of is None
