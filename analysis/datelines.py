"""The publication date an article prints at its start: a dateline ("Monitor AFP Monday 2 Feb
2015"), a publication stamp ("Date of publication 7 July 2016", "Posted on April 2 2017 by …"),
a site's time stamp ("Middle East 1735 15.04.2017") or a date the text opens with ("July 30 2014
Bombs in …", "14 Nov 2017 Air strikes …", "05-02-2015 …").

Exports and scrapes give dates of their own that are not always the article's: in the FA-KES
CSV, 142 of the 611 articles that print a dateline carry a date more than 3 days from it (a
crawl's or an aggregator's date; "US strikes kill 50 Qaeda fighters", AFP's 23 Sep 2014, is dated
10 Oct). Timelines, the weekly headline events and the pairing of conflicting figures (within
3 days) read the date, so the article's own wins when the two disagree by more than
:data:`REDATE_DAYS` (``analysis.pipeline.to_article``), and ``presslens analyze`` says how many.
Only the forms above, near the start: a date in a sentence of the story is not the article's.
"""

from __future__ import annotations

import re
from datetime import date

from analysis.ingest import normalise_date

# The most days a given date may lie from the article's own before the article's wins.
REDATE_DAYS = 3
# Where a dateline or a stamp may stand: the headline, a photo credit and an agency before it.
REACH = 400

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A year is no clock time in a time zone: a match preview's "Tuesday, 1 March 1945 GMT" kicks
# off at 19:45 (the BBC's undated 2005 football previews had been dated 1945 and 2000).
_YEAR = r"(?:19|20)\d\d(?!\s*(?:GMT|BST|UTC|CES?T|[ECMP][SD]?T|local time)\b)"
# A date in words, day first or month first, as the group ``when`` (read by
# ingest.normalise_date, the one reader of dates in words).
_EITHER = rf"(?P<when>\d{{1,2}} {_MONTH},? {_YEAR}|{_MONTH} \d{{1,2}},? ?{_YEAR})"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?"

# In order: the forms that say what they are first.
FORMS = (
    re.compile(rf"\bDate of publication:? {_EITHER}"),
    re.compile(rf"(?:^|\s)(?:Published|Posted(?: on)?):?\s+(?:{_WEEKDAY}\s+)?{_EITHER}"),
    re.compile(rf"(?:^|\s)(?:Updated|Last updated(?: at| on)?):?\s+(?:{_WEEKDAY}\s+)?{_EITHER}"),
    # Sputnik's time stamp: a clock time and day.month.year
    re.compile(
        r"(?:^|\s)(?:[01]\d|2[0-3])[0-5]\d\s+(?P<dday>\d{2})\.(?P<dmonth>\d{2})\."
        r"(?P<dyear>(?:19|20)\d\d)\b"
    ),
    # a wire dateline: a weekday and a full date ("… AFP Monday 2 Feb 2015")
    re.compile(rf"\b{_WEEKDAY} {_EITHER}\b"),
)
# A date the text opens with, a weekday before it or not, or day-month-year in figures; a
# headline after it, not a sentence about the date ("Sept 11 2001 changed everything").
OPENING = re.compile(
    rf"^\s*(?:(?:{_WEEKDAY}\s+)?{_EITHER}"
    r"|(?P<dday>\d{2})[-.](?P<dmonth>\d{2})[-.](?P<dyear>(?:19|20)\d\d))"
    r"(?=\s+[A-Z0-9\"“‘']|\s*$)"
)


# The forms that name the day of publication itself ("Date of publication", "Published",
# "Posted"): the article's date at any distance from a given one. An export's date a day or
# three off such a stamp is its own error (FA-KES: "Published October 17 2016" over a story of
# that Monday, dated the 14th), while a wire dateline or an update may lie a day from the
# publication an export gives.
STAMPS = FORMS[:2]


def dateline(text: str) -> date | None:
    """The publication date ``text`` prints at its start (see the module docstring), else
    None."""
    return _dateline(text)[0]


def _dateline(text: str) -> tuple[date | None, bool]:
    """:func:`dateline`, and whether a form of :data:`STAMPS` gave it."""
    head = text[:REACH]
    for form in FORMS:
        for match in form.finditer(head):
            found = _date(match)
            if found is not None:
                return found, form in STAMPS
    match = OPENING.match(head)
    return (_date(match) if match is not None else None), False


def _date(match: re.Match) -> date | None:
    """The date a :data:`FORMS` or :data:`OPENING` match holds: day.month.year in figures read
    here (as Europe writes it: ``ingest.normalise_date`` reads 05-02-2015 as May 2), a date in
    words by ``ingest.normalise_date``."""
    groups = match.groupdict()
    if groups.get("dyear"):
        try:
            return date(int(match["dyear"]), int(match["dmonth"]), int(match["dday"]))
        except ValueError:  # "31.02.2017"
            return None
    when = groups.get("when")
    # a day run into its year ("Last updated at Jul 012016"): apart for the reader
    when = re.sub(r"\b(\d{1,2})((?:19|20)\d\d)$", r"\1 \2", when) if when else None
    found = normalise_date(when) if when else None
    return date.fromisoformat(found) if found else None


def settled(given: str | None, text: str) -> tuple[str | None, bool]:
    """``(date, redated)``: the article's date as ``YYYY-MM-DD`` — ``given`` unless the text's
    own (:func:`dateline`) is more than :data:`REDATE_DAYS` from it, or a publication stamp
    (:data:`STAMPS`) gives another day, or there is none given — and whether the text's date
    replaced a given one."""
    own, stamped = _dateline(text)
    if own is None:
        return given, False
    if given is None:
        return own.isoformat(), False
    try:
        apart = abs((date.fromisoformat(given) - own).days)
    except ValueError:
        return own.isoformat(), True
    limit = 0 if stamped else REDATE_DAYS
    return (own.isoformat(), True) if apart > limit else (given, False)
