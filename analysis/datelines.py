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

# The most days a given date may lie from the article's own before the article's wins.
REDATE_DAYS = 3
# Where a dateline or a stamp may stand: the headline, a photo credit and an agency before it.
REACH = 400

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)\.?"
_DAY_MONTH_YEAR = rf"(?P<day>\d{{1,2}}) {_MONTH},? (?P<year>(?:19|20)\d\d)"
_MONTH_DAY_YEAR = (
    rf"{_MONTH.replace('month', 'month2')} (?P<day2>\d{{1,2}}),? ?(?P<year2>(?:19|20)\d\d)"
)
_EITHER = rf"(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR})"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?"

# In order: the forms that say what they are first.
FORMS = (
    re.compile(rf"\bDate of publication:? {_EITHER}"),
    re.compile(
        rf"(?:^|\s)(?:Published|Updated|Last updated(?: at| on)?|Posted(?: on)?):?\s+"
        rf"(?:{_WEEKDAY}\s+)?{_EITHER}"
    ),
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


def dateline(text: str) -> date | None:
    """The publication date ``text`` prints at its start (see the module docstring), else
    None."""
    head = text[:REACH]
    for form in FORMS:
        for match in form.finditer(head):
            found = _date(match)
            if found is not None:
                return found
    match = OPENING.match(head)
    return _date(match) if match is not None else None


def _date(match: re.Match) -> date | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    try:
        if "dyear" in groups:
            return date(int(groups["dyear"]), int(groups["dmonth"]), int(groups["dday"]))
        if "year" in groups:
            month = _MONTHS[groups["month"][:3].lower()]
            return date(int(groups["year"]), month, int(groups["day"]))
        if "year2" in groups:
            month = _MONTHS[groups["month2"][:3].lower()]
            return date(int(groups["year2"]), month, int(groups["day2"]))
    except (ValueError, KeyError):  # "31 Feb", a month word the table lacks
        return None
    return None


def settled(given: str | None, text: str) -> tuple[str | None, bool]:
    """``(date, redated)``: the article's date as ``YYYY-MM-DD`` — ``given`` unless the text's
    own (:func:`dateline`) is more than :data:`REDATE_DAYS` from it, or there is none given —
    and whether the text's date replaced a given one."""
    own = dateline(text)
    if own is None:
        return given, False
    if given is None:
        return own.isoformat(), False
    try:
        apart = abs((date.fromisoformat(given) - own).days)
    except ValueError:
        return own.isoformat(), True
    return (own.isoformat(), True) if apart > REDATE_DAYS else (given, False)
