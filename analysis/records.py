"""Small typed records that flow from ingestion through extraction into the store.

Every record is a frozen dataclass whose field names match the ``presslens/1`` export contract
(see ARCHITECTURE.md), so ``dataclasses.asdict`` gives the exported object directly. Offsets are
character offsets into the article's clean ``text``, which keeps every chart point traceable back
to the sentence it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One story after cleaning. ``id`` is a hash of ``text``, so the same story has the same id."""

    id: str
    title: str
    text: str
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD or None
    url: str | None = None
    tags: tuple[str, ...] = ()
    path: str | None = None
    n_words: int = 0
    author: str | None = None


@dataclass(frozen=True)
class Quote:
    """A direct quotation or a reported-speech clause, with its (resolved) speaker."""

    article_id: str
    kind: str  # "direct" | "reported"
    text: str
    start: int
    end: int
    # canonical name, e.g. "John Kerry"; one known by a given name alone is the article's own:
    # "Ahmed (in «Rebels launch assault in Aleppo»)" (see local_speaker)
    speaker: str | None = None
    speaker_mention: str | None = None  # what the text says, e.g. "he", "Kerry"
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_label: str | None = None  # PERSON | ORG | GPE | NORP | None
    speaker_role: str | None = None  # e.g. "US secretary of state"
    cue: str | None = None  # e.g. "said"
    polarity: float = 0.0  # TextBlob, the default scorer
    subjectivity: float = 0.0
    polarity_vader: float = 0.0  # VADER compound, stored side by side


# The article-local speaker's name: the name and, in brackets, the article it belongs to.
_LOCAL_SPEAKER = re.compile(r" \(in (?:«[^»]*»|article \w+)\)$")


def local_speaker(name: str, where: str) -> str:
    """``name`` as one article's own speaker: ``where`` is that article's title (else
    ``"article <id>"``). Stored so in ``quotes.speaker``, every view shows it as it is and the
    Speakers page keeps two articles' "Ahmed" apart with no key of its own."""
    return f"{name} (in {where})"


def is_local_speaker(name: str) -> bool:
    """Is ``name`` a speaker made an article's own by :func:`local_speaker`? (The identity pass
    joins no such name to another: its article is the whole of what is known of it.)"""
    return _LOCAL_SPEAKER.search(name) is not None


@dataclass(frozen=True)
class EntityMention:
    """One mention of a named entity, already mapped to its canonical name and corrected label."""

    article_id: str
    name: str  # canonical, e.g. "John Kerry"
    label: str  # PERSON | ORG | GPE | LOC | NORP | ...
    text: str  # as written, e.g. "Kerry"
    start: int
    end: int
    sent_start: int  # offset of the sentence the mention sits in (for co-occurrence)


@dataclass(frozen=True)
class Entity:
    """Per-article aggregate of one canonical entity (the ``entities`` part of the contract)."""

    article_id: str
    name: str
    label: str
    mentions: int
    first_start: int


@dataclass(frozen=True)
class Figure:
    """A number the article reports, with what it counts, where, and who claims it."""

    article_id: str
    text: str  # the number phrase as written, e.g. "around 100,000"
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None  # e.g. "people", "military personnel"
    # troops|killed|injured|missing|displaced|remaining|people|territory_share|percent|money|
    # price (a price of one thing or a rate: analysis.figures._price_or_rate)|other
    category: str
    subject: str | None
    location: str | None
    claimed_by: str | None
    start: int
    end: int
    sentence: str
    # What the figure counts: "event" (what the article reports happening), "total" (a running
    # total over a war or a period: "the conflict has killed more than 300,000 people since
    # 2011", "since Saturday at least 68 …") or "background" (an earlier event recalled: "in
    # early April at least 88 civilians were killed …"). Charts of events use "event" only.
    scope: str = "event"
    # The ``start`` of the figure in the same article this one is a part of ("four children
    # among the 28 dead": the children's figure points at the 28) — or, for a whole nobody
    # counted, the offset of its noun ("killing civilians, including three children"): else
    # None. An article's toll is never a part (:mod:`analysis.figure_parts`).
    part_of: int | None = None


@dataclass(frozen=True)
class Attitude:
    """Sentiment toward one named entity in one sentence, and whose it is: ``holder`` is the
    speaker when the mention sits in a quote, None when it is the article's (the outlet's) own
    sentence. One record per scorer (``scorer`` = "textblob" | "vader" | "news", the learned one)."""

    article_id: str
    holder: str | None
    target: str  # canonical entity name
    target_start: int
    target_end: int
    polarity: float  # -1 .. 1
    label: str  # negative | neutral | positive
    sentence: str
    scorer: str


@dataclass(frozen=True)
class ArticleResult:
    """Everything extracted from one article: what the store writes in one go."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    attitudes: tuple[Attitude, ...] = ()


@dataclass(frozen=True)
class Failure:
    """An input that could not be analysed: the file and one human-readable reason."""

    path: str
    reason: str

    def __str__(self) -> str:
        # One failure, one line: a control character in a file's name (a newline is legal in
        # POSIX names) would otherwise split the message, and a reader would take the second
        # half for another file.
        return f"{_one_line(self.path)}: {_one_line(self.reason)}"


def _one_line(text: str) -> str:
    """``text`` with its control characters (newline, tab, NUL, escape, line separators)
    written as escapes, every other character as it is."""
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in _LINE_BREAKING
        else ch
        for ch in text
    )


_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})


@dataclass
class RunSummary:
    """What one ``analyze`` run did, for the CLI's closing line and the dashboard's upload page."""

    new: int = 0  # articles analysed and written by this run, the re-analysed among them
    known: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    interrupted: bool = False
    # Articles stored from the same inputs before whose text now reads otherwise, removed.
    replaced: int = 0
    # Of ``new``: articles the store held that ``--reanalyse`` analysed again and wrote over
    # their earlier rows (the store gained no article by them).
    reanalysed: int = 0
    # What the run decided that the user should know, e.g. which field a file's text came from
    # when it had no known text field.
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def added(self) -> int:
        """The articles this run added to the store (``new`` but the re-analysed)."""
        return self.new - self.reanalysed
