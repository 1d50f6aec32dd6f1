"""Cleaning scraped article text: one story, one rendition, no link debris, tidy whitespace.

Scrapes carry debris that skews every count downstream: a "Topics …" footer (which is really the
article's tags), a share widget's counters ("Get short URL 0 124"), "… Read more" lines that are
links to other stories, a tag list run into the story after its standfirst ("… said. Tags Syria
Idlib war At least 11 …"), a page end of share counts, other stories' headlines and tags before
a comment widget (Sputnik), a links block ("Related", "Read more", "See also" and other
stories' headlines after it, run into the story or as lines of their own), and — as in the bundled
sample — the same story twice (a one-paragraph rendition and the paragraphed one). :func:`clean`
removes all of that and returns paragraphs separated by one blank line, the form every extractor
relies on (a paragraph break is what ends a quotation without a closing mark). A wire headline run
into its dateline by an export that stripped the punctuation and line breaks ("ISIL crucifies 9
men in Syrias Aleppo NGO AFP Sunday 29 Jun 2014 A jihadist group …") is split into headline,
dateline and body paragraphs, so the headline's last place is not read as "Aleppo NGO AFP".
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from analysis import lexicon

# "Topics  Aleppo   Syria   Russia" — Guardian-style footer; tags are separated by 2+ spaces.
TOPICS_FOOTER = re.compile(r"(?:^|\s)Topics(?:\s*:)?\s{2,}(?P<tags>\S.*?)\s*$", re.DOTALL)
# Link lines to other stories: "<headline> Read more", "Read more: <headline>", "Related: …".
LINK_LINE = re.compile(
    r"^(?:.{0,240}\bRead more|(?:Read more|Related|See also|Also read)\s*:.{0,240})\s*$",
    re.IGNORECASE,
)
LINK_LINE_MAX_WORDS = 30
# A share widget scraped with its counters: "24.07.2016Get short URL 0 124" (Sputnik). The
# counters are share counts, not figures of the story.
# A site's sidebar run into the story once the scrape lost its layout: "… Source TRTWorld and
# agencies Related News Iraqs vote violations | … Syrian regime attacks kill 16 civilians in
# Idlib …" (other stories' headlines, whose names and tolls are not this article's). Written
# with both capitals, as a heading, and cut with everything after it in its paragraph.
RELATED_FOOTER = re.compile(r"\s+Related News\s.*$", re.DOTALL)
# Sputnik's page end run into the story: "… ... 43 Topic Violence Erupts as Islamic State Rises
# (1881) Related Kobani in Ruins After Anti-IS Airstrikes Syrian Government Airstrikes Against IS
# Kill 36 Civilians … Tags airstrikes Syria Community standardsDiscussion Comment via Facebook…":
# a share counter, the topic, other stories' headlines (whose tolls are not this article's) and
# the tags, ended by the comment widget's words. Cut from the first of those parts that comes
# after the story's last words (found within the widget's reach, so a story's own "Related"
# stays).
COMMENT_WIDGET = re.compile(r"\s*Community standards\s*Discussion\b.*$", re.DOTALL)
PAGE_END_PARTS = re.compile(r"\s\.\.\.(?:\s+\d+)+(?=\s|$)|\s(?:Topic|Related|Tags)\s")
PAGE_END_REACH = 1500  # characters before the comment widget where the page's end can start
# A tag list run into the story after its standfirst (al-Araby al-Jadeed): "… a monitoring group
# said. Tags Syria Islamic State group IS civilians barrel bombs At least 11 civilians were
# killed …". The tags' names would count as mentions, and a quote or figure of the story's first
# sentence would begin with them. The list ends where the story's first sentence begins:
# a full stop, a capitalised opener ("The", "At", "An"), or else the capitalised word before
# the story's first function word or past-tense verb ("… Idlib Ariha Assad war *Government* air
# raids in a …", "… YPG Turkey *Syrian* regime warplanes bombed …").
TAGS_START = re.compile(r"(?:^|(?<=[.!?\"”’]) )Tags (?=[A-Z0-9a-z])")
# A standfirst that lost its full stop ("… a monitoring group said Tags Nusra Front …"): only
# near the story's start and before a capital, where a sentence would not say "Tags".
TAGS_RUN_ON = re.compile(r"(?<=[a-z]) Tags (?=[A-Z])")
STANDFIRST_REACH = 400
TAG_LIST_MAX_WORDS = 25
SENTENCE_OPENERS = lexicon.words("story_openers")
STORY_FUNCTION_WORDS = lexicon.words("story_function_words")
PAST_VERB = re.compile(r"[a-z]{3,}ed")
# A links block: a "Related" (or "Read more", "See also", "Also read") heading and other
# stories' headlines after it. Their names, quotes and tolls are not this article's (a headline
# "<leader> says …" in it had made that leader the claimant of the story's figure).
LINKS_MARKER = (
    r"(?:Related(?: Coverage| Stories| Articles| Content)?|Read more(?: here)?|See also"
    r"|Also read|More on this story)"
)
# The heading as a paragraph of its own ('"Related:"'), its headlines the paragraphs after it.
LINKS_HEADING = re.compile(r"^[\"“]?" + LINKS_MARKER + r"\s*:?\s*[\"”]?$")
# The heading run into the text with its headlines and the story's first sentence, once the
# scrape lost the layout (Ahram Online: "… AFP Related <headline> <headline> <headline> At least
# 22 people were killed …"): written with its capital, before a headline's capital or number.
RUN_IN_LINKS = re.compile(r"(?<!\S)" + LINKS_MARKER + r"\s+(?=[A-Z0-9\"“‘'])")
LINKS_MAX_WORDS = 90  # a few headlines; a longer run is not read as one
LINKS_MIN_WORDS = 3  # at least one headline between the heading and the story
# Words headlines leave out ("Car bomb kills 12 in market") and a story's sentence has ("A car
# bomb killed 12 people in the market, police said"): the first of them is inside the story.
SENTENCE_CUES = frozenset({"the", "a", "an", "was", "were", "been", "said"})
# Capitalised words that open a story's first sentence: the tag list's openers, and the hedges
# a toll opens with ("Nearly 40 soldiers …").
LINK_STORY_OPENERS = SENTENCE_OPENERS | {"Nearly", "Almost", "About", "Around", "Up", "Some"}
# Full stops that end no sentence: "U.N.", "George W. Bush", "Oct.", "Mr.".
ABBREVIATION = re.compile(
    r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sep|Sept|Oct|Nov|Dec)\."
)
HEADLINE_MAX_WORDS = 25
# A page's share buttons and their counters: "Get short URL 0 212", "Print Tweet Views 729"
# (whose count had been read as 729 people killed).
SHARE_WIDGET = re.compile(
    r"\s*(?<![A-Za-z])(?:Get short URL(?:\s+\d+)*|Print Tweet Views(?:\s+\d+)?)\b\s*",
    re.IGNORECASE,
)
# Tokens that scrapers split off from punctuation ("Aleppo , seen"): rejoin them.
SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w) +(?=[,.;:!?)](?:\s|$))")
SHINGLE_WORDS = 5
# Two renditions of one story share at least this share of their word shingles.
RENDITION_OVERLAP = 0.7
MAX_PARAGRAPHS_FOR_RENDITION_CHECK = 600
NEWS_AGENCIES = lexicon.words("news_agencies")
HEADLINE_CREDITS = lexicon.words("headline_credits")
# "<headline> [credit] <agency> <weekday> <day> <month> <year> <Body…>" at the very start of an
# article: the wire format once its colon, bar and line breaks are gone. A full date after an
# agency's name, and a new sentence after it, make it a dateline, not a sentence naming the
# agency; the headline is one line (no full stop before the agency).
RUN_IN_DATELINE = re.compile(
    r"^(?P<headline>[^\s.!?](?:[^.!?]|\.(?=\S)){8,240}?)\s+(?P<dateline>(?:(?:"
    + "|".join(map(re.escape, sorted(HEADLINE_CREDITS, key=len, reverse=True)))
    + r")\s+)?(?:"
    + "|".join(map(re.escape, sorted(NEWS_AGENCIES | {"AP"}, key=len, reverse=True)))
    + r")\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+\d{1,2}"
    r"\s+[A-Z][a-z]{2,8}\.?\s+(?:19|20)\d\d)\s+(?=[A-Z0-9\"“‘'])"
)


# A web page's publication stamp run into the body's first sentence ("Published July 4 2015 An
# explosion …", "Posted on August 3 2013 by Nazeer Rida At least 12 …", "Last updated at Jul
# 012016 BEIRUT …"): split off as a paragraph of its own, so no sentence, quote or figure of
# the story starts with it. An author after "by" is one or two capitalised words (a third is
# mostly the headline's or the body's first word).
PUBLICATION_STAMP = re.compile(
    r"^(?P<stamp>(?:Published|Updated|Last updated(?: at| on)?|Posted(?: on)?)\s+"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d\d"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*(?:19|20)\d\d)"
    r"(?:\s+by\s+(?:[A-Z][\w'-]+\s+)?[A-Z][\w'-]+)?)(?:\s+(?=[A-Z0-9\"“‘'])|$)"
)

# A news site's time stamp near the story's start, run into its headline and body once the
# scrape lost its layout (Sputnik: "<headline> <photo credit> Middle East 1735 15.04.2017(updated
# 2033 15.04.2017) Topic <topic> (180) 0 54 <body>"): a clock time, a day.month.year date, the
# time it was updated, and the topic's story count and share counters after it. Its numbers
# had been read as figures ("1735" people killed); cut, with what comes before it (the headline
# and its credit) kept as a paragraph of its own. Only near the start, where sites print it, and
# before a new sentence (a date inside a sentence stays).
PAGE_STAMP = re.compile(
    r"(?:(?<!\S)(?:[01]\d|2[0-3])[0-5]\d\s+)?(?<![\d.])\d{2}\.\d{2}\.(?:19|20)\d\d(?![\d.]\d)"
    r"(?:\s*\(updated\s+(?:[01]\d|2[0-3])[0-5]\d\s+\d{2}\.\d{2}\.(?:19|20)\d\d\)|\))?"
    r"(?:\s+Topic\s+[^()\n]{3,120}?\s\(\d+\)(?:\s+\d+){0,3})?(?=\s+[A-Z\"“‘']|\s*$)"
)
PAGE_STAMP_REACH = 400


@dataclass(frozen=True)
class CleanText:
    text: str
    tags: tuple[str, ...] = ()


def clean(raw: str, title: str | None = None) -> CleanText:
    """Clean one article body; see the module docstring for what is removed. ``title``: the
    article's title, a paragraph of its own where the body runs it into the lede
    (:func:`_split_run_in_title`)."""
    text = _normalise_characters(raw)
    paragraphs = _split_run_in_title(_split_run_in_dateline(_paragraphs(text)), title)
    tags: list[str] = []
    kept: list[str] = []
    for para in paragraphs:
        match = TOPICS_FOOTER.search(para)
        if match:
            tags.extend(t.strip() for t in re.split(r"\s{2,}", match["tags"]) if t.strip())
            para = para[: match.start()].strip()
        related = RELATED_FOOTER.search(para)
        if related and related.start() > 0:
            para = para[: related.start()]
        para = _cut_page_end(SHARE_WIDGET.sub(" ", para).strip())
        for part in _cut_run_in_links(para):
            for piece in _cut_tag_list(part):
                if piece and not _is_link_line(piece):
                    kept.append(SPACE_BEFORE_PUNCT.sub("", piece))
    kept = _drop_links_blocks(kept)
    kept = _drop_repeated_paragraphs(kept)
    kept = _drop_second_rendition(kept)
    return CleanText(text="\n\n".join(kept), tags=tuple(dict.fromkeys(tags)))


def _cut_page_end(para: str) -> str:
    """``para`` without Sputnik's page end (:data:`COMMENT_WIDGET`, :data:`PAGE_END_PARTS`)."""
    widget = COMMENT_WIDGET.search(para)
    if widget is None:
        return para
    reach = max(0, widget.start() - PAGE_END_REACH)
    first = PAGE_END_PARTS.search(para, reach, widget.start() + 1)
    end = first.start() if first is not None else widget.start()
    return para[:end].rstrip()


def _cut_run_in_links(para: str) -> list[str]:
    """``para`` as the text before a run-in links block and the story after it (the block left
    out; :data:`RUN_IN_LINKS`), or ``[para]`` when it has none or the story's start is not
    clear."""
    match = RUN_IN_LINKS.search(para)
    if match is None:
        return [para]
    words = list(re.finditer(r"\S+", para[match.end() :]))[:LINKS_MAX_WORDS]
    start = _story_start([w.group() for w in words])
    if start is None or start < LINKS_MIN_WORDS:
        return [para]
    before = para[: match.start()].rstrip()
    story = para[match.end() + words[start].start() :]
    return [before, story] if before else [story]


def _bare(word: str) -> str:
    return word.strip("\"“”‘’'-–—(")


def _is_capitalised(word: str) -> bool:
    return _bare(word)[:1].isupper()


def _story_start(words: list[str]) -> int | None:
    """Where the story's first sentence begins in headlines run together and into it: after
    a full stop, else at the sentence holding the first :data:`SENTENCE_CUES` word — backed
    over its lower-case words and numbers to the capitalised run before them, and from that run
    its last opener (:data:`LINK_STORY_OPENERS`), else the run's first word ("… school attack
    *Syrian* rebels launched a …", "… in Aleppo *Nearly* 40 soldiers were killed …")."""
    for k, word in enumerate(words):
        prev = words[k - 1] if k else ""
        if (
            k
            and re.search(r"[.!?][\"”’]?$", prev)
            and not ABBREVIATION.fullmatch(prev)
            and _is_capitalised(word)
        ):
            return k  # "… material left. A car bomb …": the full stop ends the headlines
        if _bare(word) not in SENTENCE_CUES:
            continue
        j = k - 1
        while j > 0 and not _is_capitalised(words[j]):
            j -= 1
        if j <= 0 or not _is_capitalised(words[j]):
            return None
        run = j
        while run > 0 and (_is_capitalised(words[run - 1]) or _bare(words[run - 1]).isdigit()):
            run -= 1
        openers = [i for i in range(run, j + 1) if _bare(words[i]) in LINK_STORY_OPENERS]
        return openers[-1] if openers else run
    return None


def _drop_links_blocks(paragraphs: list[str]) -> list[str]:
    """``paragraphs`` without a links heading of its own (:data:`LINKS_HEADING`) and the
    headline-like paragraphs after it (:func:`_is_headline`); the story goes on after them."""
    out: list[str] = []
    in_block = False
    for para in paragraphs:
        if LINKS_HEADING.match(para):
            in_block = True
            continue
        if in_block and _is_headline(para):
            continue
        in_block = False
        out.append(para)
    return out


def _is_headline(para: str) -> bool:
    """A short line in headline style: no sentence ends inside it, and it leaves out the
    words a sentence has (:data:`SENTENCE_CUES`) or is in title case."""
    words = para.split()
    if not words or len(words) > HEADLINE_MAX_WORDS:
        return False
    if any(re.search(r"[.!?][\"”’]?$", w) and not ABBREVIATION.fullmatch(w) for w in words[:-1]):
        return False
    if not any(_bare(w) in SENTENCE_CUES for w in words):
        return True
    capitals = sum(_is_capitalised(w) for w in words)
    return capitals >= 0.7 * len(words)


def _cut_tag_list(para: str) -> list[str]:
    """``para`` as the text before a run-in tag list and the story after it (the list left
    out; :data:`TAGS_START`), or ``[para]`` when it has none or its end is not clear."""
    match = TAGS_START.search(para)
    if match is None:
        match = TAGS_RUN_ON.search(para, 0, STANDFIRST_REACH)
    if match is None:
        return [para]
    words = list(re.finditer(r"\S+", para[match.end() :]))[: TAG_LIST_MAX_WORDS + 1]
    body = None
    for k, word in enumerate(words):
        text = word.group()
        if k > 0 and text in SENTENCE_OPENERS:
            body = k
            break
        if text.endswith(".") and k + 1 < len(words):
            body = k + 1  # "… extremism war. A suicide bomber …": the full stop ends the list
            break
        # A function word, or a verb's past ("bombed", "killed"), is inside the story.
        if k > 0 and (text in STORY_FUNCTION_WORDS or PAST_VERB.fullmatch(text)):
            # Back over the story's first lower-case words to the capital that opens it.
            j = k - 1
            while j > 0 and not words[j].group()[:1].isupper():
                j -= 1
            body = j if j > 0 and words[j].group()[:1].isupper() else None
            break
    if body is None or body >= TAG_LIST_MAX_WORDS or not words[body].group()[:1].isupper():
        return [para]  # no clear start of the story: leave the text as it is
    before = para[: match.start()].rstrip()
    story = para[match.end() + words[body].start() :]
    return [before, story] if before else [story]


# "Syria\x95_s Aleppo \x95_ monitor": what is left of a curly apostrophe, quotation mark or dash
# after a lossy conversion upstream (FA-KES titles): an apostrophe before "s", else nothing.
_LOST_MARK_S = re.compile(r"(?<=\w)\x95_(?=s\b)")


def clean_title(raw: str) -> str:
    """A title as a reader should see it: one line, characters normalised as the text's are,
    and the remnants of lost punctuation mended ("Syria\x95_s" → "Syria’s")."""
    text = _LOST_MARK_S.sub("’", raw).replace("\x95_", " ")
    return " ".join(_normalise_characters(text).split())


def article_id(text: str) -> str:
    """The article id: a short hash of the clean text, so identical stories share an id."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


# C1 control characters (one scan of the text in C, not a generator over its characters).
_C1_CHARACTER = re.compile("[\x80-\x9f]")


def _normalise_characters(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _C1_CHARACTER.search(text):
        # C1 control characters are cp1252 bytes decoded as Latin-1 somewhere upstream.
        from ftfy import fix_text

        text = fix_text(text)
        # What ftfy cannot map back (0x81, 0x8d, 0x8f, 0x90, 0x9d are no cp1252 character)
        # is no character at all: left in, it showed as a box in the reader.
        text = _C1_CHARACTER.sub("", text)
    else:
        # UTF-8 read as cp1252 or Latin-1 upstream without C1 characters left ("JuliÃ¡n
        # Castro", "Enrique PeÃ±a Nieto": 11 PolNeAR texts): ftfy re-encodes a run and decodes
        # it as UTF-8 only when that succeeds and leaves fewer such sequences, and its test of
        # them is a single regex, so a clean text costs one scan (of its non-ASCII parts).
        if looks_mojibake(text):
            from ftfy import fix_encoding

            text = fix_encoding(text)
    text = unicodedata.normalize("NFC", text)
    # Non-breaking and zero-width spaces are layout, not content; so is a soft hyphen (where a
    # page may break a word: "Doug \xadAndres" had been a speaker's name of its own).
    text = text.replace("\xa0", " ").translate(_INVISIBLE)
    return text


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff\xad\u2060"))

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def looks_mojibake(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, scanning only around the text's non-ASCII characters.

    Every sequence ftfy's test looks for holds a character beyond ASCII (its character classes
    hold none, and each of its alternatives has one: tested), and none is longer than
    :func:`_mojibake_width` characters, so a match lies within that many characters of a
    non-ASCII run. A whole scan of a text took 2.5 ms, a tenth of a second in 200 BBC texts
    (most of which are ASCII, and skip it)."""
    if text.isascii():
        return False
    from ftfy.badness import BADNESS_RE

    width = _mojibake_width()
    # (Windows may overlap: one cannot start where the last stopped, since a match begun
    # before that point may run past it.)
    return any(
        BADNESS_RE.search(text, max(0, run.start() - width), run.end() + width)
        for run in _NON_ASCII.finditer(text)
    )


@functools.cache
def _mojibake_width() -> int:
    """The longest match ftfy's badness expression can make (7 in ftfy 6), read from the
    expression itself; unknown (a Python without ``re._parser``): the whole text."""
    from ftfy.badness import BADNESS_RE

    try:
        return re._parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags).getwidth()[1]
    except (AttributeError, TypeError):
        return 1 << 62


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single newlines inside one are line wrapping."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        # Keep runs of 2+ spaces (the Topics footer needs them); tidy them after the footer check.
        para = re.sub(r"[ \t]*\n[ \t]*", " ", block.strip())
        if para:
            out.append(para)
    return [_tidy_spaces(p) if not re.search(r"\bTopics\b", p) else p for p in out]


def _split_run_in_dateline(paragraphs: list[str]) -> list[str]:
    """The first paragraph as headline, dateline and body when a wire headline runs into its
    dateline (:data:`RUN_IN_DATELINE`); a publication stamp before it as a paragraph of its own
    (:data:`PUBLICATION_STAMP`)."""
    paragraphs = _cut_page_stamp(paragraphs)
    if not paragraphs:
        return paragraphs
    stamp = PUBLICATION_STAMP.match(paragraphs[0])
    if stamp is not None:
        paragraphs = [stamp["stamp"], paragraphs[0][stamp.end() :], *paragraphs[1:]]
    match = RUN_IN_DATELINE.match(paragraphs[0])
    if match is None:
        return paragraphs
    body = paragraphs[0][match.end() :]
    return [match["headline"], match["dateline"], body, *paragraphs[1:]]


# How far into the text a title run into its lede is looked for (after a byline or a site's
# name), and the fewest words a title must have to be recognised in it.
TITLE_REACH = 400
TITLE_MIN_WORDS = 4


def _split_run_in_title(paragraphs: list[str], title: str | None) -> list[str]:
    """``paragraphs`` with the article's ``title`` ended where the text runs it into the lede
    with no stop ("… After Russian Helicopter is Shot Down The President of the UN Security
    Council … said that …": 78 of 1,081 FA-KES texts): the parse read headline and lede as one
    sentence, whose speaker was "Shot Down" and whose figures the headline's place and words
    confused. Only the first paragraphs, within :data:`TITLE_REACH` characters of the text's
    start, and only before a capital, a digit or a quotation mark (the lede's start)."""
    if not title or len(title.split()) < TITLE_MIN_WORDS:
        return paragraphs
    title = " ".join(clean_title(title).split())
    seen = 0
    for k, para in enumerate(paragraphs):
        at = para.find(title, 0, max(0, TITLE_REACH - seen))
        end = at + len(title)
        if at >= 0 and para[end : end + 1] == " " and _LEDE_START.match(para, end + 1):
            head, body = para[:end], para[end + 1 :]
            return [*paragraphs[:k], head, body, *paragraphs[k + 1 :]]
        seen += len(para)
        if seen >= TITLE_REACH:
            break
    return paragraphs


_LEDE_START = re.compile(r"[A-Z0-9\"“‘']")


def _cut_page_stamp(paragraphs: list[str]) -> list[str]:
    """The first paragraph without a site's time stamp near its start (:data:`PAGE_STAMP`),
    the text before the stamp (a headline and its credit) a paragraph of its own."""
    if not paragraphs:
        return paragraphs
    # the share widget's words are often run into the date ("28.04.2017Get short URL Topic …")
    first = SHARE_WIDGET.sub(" ", paragraphs[0])
    stamp = PAGE_STAMP.search(first, 0, PAGE_STAMP_REACH)
    if stamp is None:
        return paragraphs
    parts = [first[: stamp.start()].strip(), first[stamp.end() :].strip()]
    return [part for part in parts if part] + paragraphs[1:]


def _tidy_spaces(para: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", para)


def _is_link_line(para: str) -> bool:
    return len(para.split()) <= LINK_LINE_MAX_WORDS and bool(LINK_LINE.match(para))


def _drop_repeated_paragraphs(paragraphs: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for para in paragraphs:
        key = re.sub(r"\W+", " ", para).strip().lower()
        if len(key.split()) >= 8 and key in seen:
            continue
        seen.add(key)
        out.append(_tidy_spaces(para))
    return out


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """Hashed k-word shingles of ``text`` (lower-cased words, punctuation ignored)."""
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i : i + k])) for i in range(max(1, len(words) - k + 1))}


def _drop_second_rendition(paragraphs: list[str]) -> list[str]:
    """When the text is the same story twice, keep the rendition with more paragraphs.

    Tried at every paragraph boundary: if the parts before and after share most of their
    shingles, one is a copy of the other. The paragraphed rendition wins because paragraph
    breaks carry meaning (quotations that continue across paragraphs).
    """
    n = len(paragraphs)
    if n < 2 or n > MAX_PARAGRAPHS_FOR_RENDITION_CHECK:
        return paragraphs
    sh = [shingles(p) for p in paragraphs]
    best_split, best_score = 0, 0.0
    for k in range(1, n):
        before = set().union(*sh[:k])
        after = set().union(*sh[k:])
        small = min(len(before), len(after))
        if small < 20:
            continue
        score = len(before & after) / small
        if score > best_score:
            best_split, best_score = k, score
    if best_score < RENDITION_OVERLAP:
        return paragraphs
    first, second = paragraphs[:best_split], paragraphs[best_split:]
    return second if len(second) >= len(first) else first
