"""The date an article prints at its start wins over a disagreeing date its export gives
(analysis/datelines.py, through analysis.pipeline.load_articles as `presslens analyze` reads)."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from analysis.datelines import dateline
from analysis.pipeline import load_articles


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ferry sinks off the cape Monitor AFP Tuesday 4 Mar 2014 Rescuers searched", (2014, 3, 4)),
        ("Date of publication 9 June 2016 At least 12 people drowned", (2016, 6, 9)),
        ("Posted on May 3 2017 by Lena Ortiz Flood defences fail", (2017, 5, 3)),
        ("Last updated at Jun 092016 Rescue teams reached the valley", (2016, 6, 9)),
        ("Dam Bursts Upstream Middle East 0815 21.06.2017(updated 0930 21.06.2017) Water rose",
         (2017, 6, 21)),
        ("August 14 2015 Landslide buries three villages", (2015, 8, 14)),
        ("12 Feb 2016 Heavy snow closes the pass", (2016, 2, 12)),
        ("18-03-2015 Storm Cuts Power to the Valley", (2015, 3, 18)),
        ("Friday 09 October 2015 40 Homes Flooded", (2015, 10, 9)),
        # a date of the story, not the article's
        ("Sept 11 2001 changed everything, the senator said.", None),
        ("The accord of March 3 2005 was recalled by the minister.", None),
        ("Councillors met to discuss the sea wall.", None),
        # a kick-off time in a time zone after a day with no year: no year at all
        ("Riverside Park Tuesday, 1 March 1945 GMT Both strikers are doubts", None),
        ("Kingsholm Friday, 25 February 2000 GMT The hosts rest their captain", None),
        ("The Oval Saturday 12 March 1930 local time Rain is forecast", None),
        # a clock time after the year is no part of it
        ("Flood warning Monitor AFP Tuesday 4 Mar 2014 1945 GMT Rescuers searched", (2014, 3, 4)),
    ],
)  # fmt: skip
def test_the_date_an_article_prints_at_its_start(text, expected):
    assert dateline(text) == (date(*expected) if expected else None)


def test_the_articles_own_date_wins_and_analyze_says_how_many(tmp_path):
    path = tmp_path / "export.csv"
    rows = [
        # the export's date is a crawl's, five weeks late: the dateline wins
        ("Bridge reopens", "Bridge reopens Wire Monday 2 Mar 2015 The old bridge reopened.",
         "4/6/15"),
        # a day apart: the export's is kept
        ("Port closes", "Port closes Wire Monday 2 Mar 2015 The port closed for repairs.",
         "3/3/15"),
        # no date given: the dateline's
        ("Road works", "Date of publication 5 May 2016 Road works began on the bypass.", ""),
        # no dateline: the export's
        ("Quiet day", "Nothing much happened in the town today at all.", "7/7/16"),
        # a publication stamp names the day itself: it wins a day or three from the export's
        ("Mill fire", "Published June 8 2016 Fire gutted the old mill on Monday.", "6/5/16"),
        # an update is not the publication: the export's date within three days is kept
        ("Dam work", "Updated June 8 2016 Work on the dam resumed.", "6/6/16"),
    ]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "content", "date"])
        writer.writerows(rows)
    notes: list[str] = []
    articles, failures = load_articles([path], notes=notes)
    assert not failures
    assert {a.title: a.published for a in articles} == {
        "Bridge reopens": "2015-03-02",
        "Port closes": "2015-03-03",
        "Road works": "2016-05-05",
        "Quiet day": "2016-07-07",
        "Mill fire": "2016-06-08",
        "Dam work": "2016-06-06",
    }
    assert notes == [
        f"2 articles of {path} dated by the date printed at the start of the text (a publication "
        "stamp, or a dateline more than 3 days from the date given)"
    ]
