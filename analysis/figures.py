"""Figures: the numbers an article reports, what they count, where, and who claims them.

:func:`extract` finds number phrases with :mod:`analysis.numbers` (model-free) and reads their
meaning from the spaCy parse of the article:

* ``unit`` — the noun the number counts ("200 more military personnel" → "military personnel";
  "tens of thousands of people" → "people"). A number with no noun of its own ("join the 300
  already involved", "claimed that one had died") borrows the nearest earlier counted noun in
  the sentence or the one before — never a share's "%", and not for a death toll ("had given a
  death toll of 17" counts the dead, whoever they were: no unit).
* ``category`` — decided from the whole clause: first the casualty word written beside the
  number ("Three killed, over 70 injured": killed, then injured; "more than 10 million
  displaced"), then the verb or adjective governing its noun (killed/died → ``killed``,
  fled/left → ``displaced``, remained/trapped → ``remaining`` …; held "in prison" or at a level,
  "stuck above 4 million", nobody remains; "detained" makes captives ``people``), else the noun
  (soldiers → ``troops``, fighters or rebels too outside a sentence of casualties, civilians →
  ``people``); a share of ground governed by occupy/control/hold → ``territory_share`` (not a
  share of a market or of sales); a sum that is a price of one thing or a rate ("a bag of bread
  costs 500 pounds", "$5 per kilo", "a $15 minimum wage", "pay £85 for a passport", a
  share's level "rose 4.5% to 6.2 euros", an exchange rate "1,893 to the US dollar") →
  ``price``, else money → ``money`` ("£2bn a year" too: a sum's period is no duration).
  People in need or suffering ("in need of aid", "suffering malnutrition") are ``people``
  whatever verb the sentence goes on to, and only people go missing or flee
  ("30,000 emails" are ``other``). Refugees a country takes in ("accepting 10,000 refugees from
  Syria") are ``people``, placed where they are taken in or nowhere; "bodies" are the dead only
  where the article speaks of death or says what was done with them, else organisations.
* ``value``/``low``/``high`` — vague words keep their vagueness: "dozens" is ``low=24`` with no
  value and no upper bound (nobody reported 66), "millions" ``low=2,000,000``; the words are in
  ``text``.
* ``subject`` — whose figure it is: a country or group modifying the noun ("US soldiers"), else
  the one in the subject of the governing verb ("the US defence secretary announced …").
* ``location`` — the place of the figure's own clause: attached by "of/in/to" ("85% of Aleppo",
  "sent to Syria"), else the nearest place its sentence puts something in ("killed in an air
  strike on Idlib"), a place inside a country before the country; then the place of the sentence
  it borrowed its noun from; for a toll, a town its sentence names its event or attacker by ("the
  Orlando shooter … killed 49"); only then the article's most-mentioned place.
* ``claimed_by`` — the speaker of the quotation (direct or reported) the number sits in, else the
  subject of the governing speech verb ("Russia claimed …", "said the envoy X"), else "according
  to X". A passive claim verb of the number's own clause names its source before whoever
  relays the sentence ("… were reported by the civil defence rescuers …, Reuters reported").
  Attributions after a closing quotation mark come from the quote records, not re-read.
  A "he said" right after an organisation's claim, by a person that sentence does not name, goes
  on with that organisation's claim (:func:`_body_before`).
  A person the article presents as an organisation's voice (its director, head, spokesman …)
  gives that organisation: "Observatory director Rami Abdel Rahman said" is the Syrian
  Observatory for Human Rights' claim (the sentence still shows who spoke).
  A subject that names no one stands for a body named nearby (:func:`_unnamed_claimant`): "It
  said …" goes on with the organisation the sentence before quotes, "a source at Aleppo Police
  Command" (and "the source" after it) is the command, "the bulletin said" the body that issued
  it; whoever "gave a toll" or "cited figures" claims them.

Not figures: years, dates, times, ages, ordinals, labels ("No 10"), readings on a scale ("a
magnitude 6.1 earthquake"), numbers in names ("Brigade 93", "Rossiya 24", "Channel 4"),
phone-like digit groups (:mod:`analysis.numbers` drops those), a sum the sentence only supposes
("if you earn $100,000 …", "you'd need to put aside $115"), durations ("three days" — skipped, they are not counts of
anything the dashboard charts), a family's size ("two of his six children", unless what the
clause tells happened to them), and a bare "one" that counts nothing in a people category ("one of
his most direct attacks", "the one that"). Fractions are reported as percentages (two-thirds →
66.7, category ``territory_share`` or ``percent``).
"""

from __future__ import annotations

import bisect
import datetime
import difflib
import functools
import logging
import re
from collections import Counter
from collections.abc import Sequence

from spacy.attrs import LIKE_NUM, LOWER, POS
from spacy.symbols import PROPN, VERB
from spacy.tokens import Doc, Span, Token

from analysis import datelines, doc_arrays, entities, gazetteer, geo, lexicon, numbers, speech
from analysis.entities.rules import ORG_HEAD_WORDS, RARER_GIVEN_NAMES, ROLE_TITLES, is_given_name
from analysis.entities.spans import (
    HEADLINE_VERBS,
    NATIONALITY_NOUNS,
    NEAR_PLACE_NOUNS,
    ORG_APPOSITION_NOUNS,
    ORG_SUFFIX_WORDS,
    demonym_country,
    no_place_tokens,
    org_use_tokens,
    used_as_org,
)
from analysis.figure_restated import (
    INCIDENT_CATEGORIES,
    OFFENSIVE_NOUNS,
    TIME_PREPOSITIONS,
    UNPLACED_CATEGORIES,
)
from analysis.ingest import normalise_date
from analysis.names import actor_or_none, clean_name
from analysis.nlp import text_of
from analysis.place_context import PLACE_FACILITY_NOUNS, ArticlePlaces
from analysis.quotes import (
    INSTITUTION_NOUNS,
    MONITOR_NAME_WORDS,
    ROLE_NOUNS,
    is_monitor_description,
    is_news_outlet,
    monitor_named,
)
from analysis.records import EntityMention, Figure, Quote

log = logging.getLogger(__name__)

KILLED_WORDS = lexicon.words("killed_words")
DEAD_NOUNS = lexicon.words("dead_nouns")
KILLING_NOUNS = lexicon.words("killing_nouns")
COMBAT_WORDS = lexicon.words("combat_words")
INJURED_WORDS = lexicon.words("injured_words")
MISSING_WORDS = lexicon.words("missing_words")
DISPLACED_WORDS = lexicon.words("displaced_words")
# Endings of nouns for people not in PEOPLE_NOUNS: fishermen, farmers, journalists, Syrians.
PEOPLE_ENDINGS = re.compile(r"(?:men|man|ers|ors|ists|ians|ees)$")
NEED_WORDS = lexicon.words("need_words")
CHARGE_WORDS = lexicon.words("charge_words")
RISK_WORDS = lexicon.words("risk_words")
ASKED_WORDS = lexicon.words("asked_words")
RECALL_WORDS = lexicon.words("recall_words")
# A currency written as a name: with its country ("Swiss francs") to its ISO code, as the
# signs and codes are read (analysis.numbers); a name several currencies share ("dinars") to
# one form of it; the words that can head such a name (analysis.numbers reads them too).
CURRENCY_NAMES = lexicon.mapping("currency_names")
SHARED_CURRENCY_NAMES = lexicon.mapping("currency_names_shared")
CURRENCY_HEADS = numbers.CURRENCY_HEADS
NEWS_AGENCIES = speech.NEWS_AGENCIES
REMAINING_WORDS = lexicon.words("remaining_words")
CASUALTY_STATES = KILLED_WORDS | INJURED_WORDS | MISSING_WORDS
CASUALTY_CATEGORIES = ("killed", "injured", "missing")
# Sums of money, and prices and rates (see _price_or_rate): both in a currency.
MONEY_CATEGORIES = ("money", "price")
DEPLOY_WORDS = lexicon.words("deploy_words")
# Verbs of holding people captive that make the count one of captives, whoever is held.
DETAINING_VERBS = lexicon.words("detaining_verbs")
CAPTIVE_VERBS = DETAINING_VERBS | lexicon.words("captive_verbs")
POLICE_WORDS = lexicon.words("police_words")
TERRITORY_VERBS = lexicon.words("territory_verbs")
TERRITORY_NOUNS = lexicon.words("territory_nouns")
TROOP_NOUNS = lexicon.words("troop_nouns")
STAFF_TROOP_NOUNS = lexicon.words("staff_troop_nouns")
INVARIANT_PLURALS = lexicon.words("invariant_plurals")
MILITARY_WORDS = lexicon.words("military_words")
TROOP_PHRASES = lexicon.phrases("troop_phrases")
PEOPLE_NOUNS = lexicon.words("people_nouns")
# Fighters of non-state forces, whose count is a force's size unless they are casualties.
ARMED_NOUNS = lexicon.words("armed_nouns")
# People who fight: "about civilians" means not one of these (used by bench/eval_casualties).
COMBATANT_NOUNS = TROOP_NOUNS | ARMED_NOUNS | lexicon.words("fighter_nouns")
CLAIM_VERBS = lexicon.words("claim_verbs")
# Nouns of people by what they do ("reporters", "hurdlers"), singular: their counts are people's.
COUNTED_PERSON_NOUNS = lexicon.words("counted_person_nouns")
# Claim verbs that also tell of growth with the figure for their object ("added 337,000 jobs")
GROWTH_CLAIM_VERBS = frozenset({"add"})
# Verbs whose subject acts (speaks, decides, blames): a place as their subject is a government
# or its people, not where the article's events happen (see _acting). Not "lie" ("Tal Hamis
# lies in Hasakeh") or "continue" ("Aleppo continues to suffer"): a place does those.
ACTOR_VERBS = (lexicon.words("speech_verbs") | lexicon.words("doer_verbs")) - {"lie", "continue"}
# Verbs whose object is held to account or taken sides with: a government, not a place (not
# "defend", "visit", "hold": "troops defending Aleppo", "rebels hold eastern Aleppo" say where)
ACCUSING_VERBS = frozenset({
    "accuse", "blame", "condemn", "criticise", "criticize", "denounce", "censure", "slam",
    "investigate", "sanction", "urge", "warn", "call", "praise", "thank", "congratulate",
    "support", "back", "oppose", "threaten", "sue", "name",
    # spoken to, or the parse's object of a verdict ("led them to conclude Russia was to blame")
    "tell", "ask", "advise", "caution", "answer", "conclude",
})  # fmt: skip
# Verbs of a law's reach ("a group banned in Russia")
BANNING_VERBS = frozenset({"ban", "outlaw", "prohibit", "proscribe"})
QUANTITY_ADJECTIVES = lexicon.words("quantity_adjectives")
MEASURE_UNITS = lexicon.words("measure_units")
MODEL_MAKERS = lexicon.mapping("model_makers")
# Nouns of a level a count passes ("topped the 100,000 mark"): no unit of their own.
THRESHOLD_NOUNS = frozenset({"mark", "barrier", "threshold", "milestone"})
NATIONAL_BODIES = lexicon.mapping("national_bodies")
NATIONAL_MEASURE_WORDS = lexicon.words("national_measure_words")
# A product's model code: letters and digits in one word ("F-16", "su-24", "A380", "MiG-29s"),
# or a maker's bare number in the plural ("Boeing 747s").
MODEL_CODE = re.compile(r"(?P<prefix>[A-Za-z]{1,4})-?\d{2,4}[A-Za-z]?s?|\d{3,4}s")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# INCIDENT_CATEGORIES (defined in figure_restated, which joins the retellings of an incident):
# counts of an incident, which happens in a town; troops are sent to a country ("to Syria").
# UNPLACED_CATEGORIES (also figure_restated's): money, shares and counts of things.
INCIDENT_PREPOSITIONS = lexicon.words("incident_prepositions")
PLACE_OBJECT_VERBS = lexicon.words("place_object_verbs")
STRUCK_PLACE_VERBS = lexicon.words("struck_place_verbs")
DISASTER_NOUNS = lexicon.words("disaster_nouns")
CLAIMANT_BODY_NOUNS = lexicon.words("claimant_body_nouns")
UNNAMED_SOURCE_NOUNS = lexicon.words("unnamed_source_nouns")
CLAIM_DOCUMENT_NOUNS = lexicon.words("claim_document_nouns")
VOICE_ROLE_NOUNS = lexicon.words("voice_role_nouns")
INCIDENT_NOUNS = lexicon.words("incident_nouns")
PLACE_NOUNS = lexicon.words("place_nouns")
COMPASS_WORDS = gazetteer.COMPASS_WORDS
# Prepositions that place an event in the same sentence ("killed in an air strike on Idlib").
SENTENCE_PLACE_PREPOSITIONS = INCIDENT_PREPOSITIONS | {"on", "at", "over", "near"}
VENUE_NOUNS = lexicon.words("venue_nouns")
SPENDING_VERBS = lexicon.words("spending_verbs")
# Dependency roles of a place name used as a modifier ("US forces", "Syria's army"): it names an
# actor, not where things happen.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "npadvmod", "nmod"})
# Mentions in the opening paragraph weigh this much more when choosing the article's main place:
# the lede says where the story happens ("… Aleppo's civilians …").
LEDE_WEIGHT = 3
ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG"})
CLAIMANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# A publisher's note set apart from the story by its mark, "Editor's note:", opening a
# paragraph or a sentence (12 of PolNeAR's 22 HuffPost notes are run into the story's last
# paragraph: "… Now, it may be. Editor’s note: Donald Trump …"), to its paragraph's end: the
# outlet's standing comment on a person ("Editor’s note: Donald Trump … has repeatedly pledged
# to ban all Muslims — 1.6 billion members of an entire religion — …", under every HuffPost
# Trump story of 2016) or on its own reporting (a correction). It reports no news of the story,
# and its numbers had been figures placed wherever each story was (the same "1.6 billion"
# people in 22 articles, the largest bars of the Compare page). The mark is what tells it; a
# sentence merely repeated across an outlet's stories is not dropped (a wire's recurring "the
# war has killed more than 400,000" is background the tables keep).
EDITORS_NOTE = re.compile(
    r"(?:^|\n\n|(?<=[.!?”\"’)])[ \t]+)[(\[*]*[ \t]*Editor[’']?s[’']? note[ \t]*:", re.IGNORECASE
)


def extract(
    doc: Doc,
    *,
    article_id: str,
    quotes: Sequence[Quote],
    mentions: Sequence[EntityMention],
    published: str | None = None,
) -> list[Figure]:
    """Every figure in ``doc`` (the parse of one article's clean text), in text order.
    ``published`` (YYYY-MM-DD) is the article's date: a day the text names just before it is
    the news's own (:func:`figure_scope`).

    ``mentions`` (from :func:`analysis.entities.extract`) and ``quotes`` (from
    :func:`analysis.quotes.extract`) are required: like a spaCy component that declares
    ``requires``, this extractor runs after those two (see :mod:`analysis.extract`), and there is
    no second way of working without them. An article with no entities or quotes passes ``()``.
    """
    ctx = _Context(doc, quotes=quotes, mentions=mentions, published=published)
    figures: list[Figure] = []
    previous: dict[int, _Reading] = {}  # sentence start → last reading with a people unit
    found = []
    for match in numbers.find_numbers(text_of(doc)):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None and len(span):
            found.append((match, span))
    # A name a number begins (_names_after) is that name wherever the article writes it: the
    # tagger knows "50 Cent" for a name in one sentence and not in the next.
    names = {
        _name_key(span)
        for _, span in found
        if _names_after(span) or _spelled_name_start(span) or _digits_begin_a_name(span)
    }
    notes = _editors_notes(ctx.text)
    # (category, counted noun of two words or more) → the places the article's tolls of them
    # were given by their own sentences: a later toll of the same victims with no place of its
    # own is of that event (_same_victims)
    victims_placed: dict[tuple[str, str], set[str]] = {}
    for match, span in found:
        if _numbers_a_name(span) or (names and _name_key(span) in names):
            continue  # "Brigade 93", "Resolution 2254", "Flight 17": a name, not a count
        if any(start <= match.start < end for start, end in notes):
            continue  # the publisher's note, not the story (EDITORS_NOTE)
        if _in_markup(ctx.text, match.start) or _half_of_a_period(span):
            continue  # a tweet's id or date in a tag; "the second half" of a match or a year
        reading = _read(ctx, span, match, previous)
        if reading is None:
            continue
        # The number's sentence, found once: every rule below reads it.
        sent = span.sent
        # Only a count of something lends its unit to a bare number after it: a share ("half
        # of the population") must not make "about 23 million" a percentage.
        if (
            (reading.unit_token is not None or reading.inherited)
            and reading.unit != "%"
            and not _part_of_a_count(span.root, reading.unit_token)
        ):
            previous[sent.start] = reading
        first = sent.start <= ctx.lede_start
        scope = figure_scope(sent, first_sentence=first, published=ctx.published)
        if scope == "background" and _news_before_comparison(sent, span, ctx.published):
            # "pre-tax profits fell to £170m from £194m last year": the date is the compared
            # figure's; the one it is compared with is the news's (revenues of the year just
            # reported had been background beside last year's, off the news charts)
            scope = "event"
        elif scope == "background" and _news_before_time_since(sent, span, ctx.published):
            # the sentence's own news, before the earlier event it recalls ("a day after"): the
            # six children killed in a rocket attack on Thursday had been background beside
            # the 35 killed in air strikes the day before
            scope = "event"
        incident = reading.category in INCIDENT_CATEGORIES
        if (
            scope == "event"
            and not first
            and (incident or reading.category == "displaced")
            and _earlier_weekday(_span_text(sent), ctx.published, ctx.news_day)
        ):
            # a toll dated by a weekday before the news's ("On Tuesday a chemical attack in
            # Idlib killed 80", in a Friday story of Thursday night's strike): an earlier event
            # recalled, placed where its own sentence says (below). Only casualties and the
            # displaced: a campaign's "will accept the nomination on Thursday" is no day gone.
            scope = "background"
        if scope == "event" and not first and incident and _recalled_deaths(span.root, sent):
            # "referring to the premature deaths of two of the band's guitarists": deaths a
            # speaker looks back on, an earlier event (they had been a news toll at New York)
            scope = "background"
        if scope == "event" and not first and _told_since(sent, span):
            # "… resumed Wednesday, days after a bombing killed more than 120 evacuees": the
            # clause the time since an event opens tells that earlier event, not the day's news
            # (the 120 had been a news event of the evacuation's day); placed where its own
            # sentence says (below). Not in the opening, always the news: "Jul 2016 The
            # strikes came a day after the coalition opened an investigation of whether its
            # air strikes near Manbij claimed more than 100 civilians" is the story's toll
            # (FA-KES's gold).
            scope = "background"
        if (
            (incident or reading.category == "displaced")
            and scope != "total"
            and (
                _running_total(reading, sent)
                or _a_rate(span, reading.unit_token)
                or _over_years(_span_text(sent))
            )
        ):
            scope = "total"
        if scope == "event" and figures:
            # a part of a count just given keeps that count's scope: "at least 60000 people have
            # died in government jails during the five-year conflict. He said more than 20000
            # of them had died at Sednaya prison" is a part of the war's total, not a day's
            # toll (it had been the largest news event on the Figures page)
            scope = _scope_of_whole(span, figures[-1]) or scope
        # The sentence's own place: a bare number's place borrowed from the sentence before
        # ("More than 6 million are internally displaced" after a sentence about Idlib) is no
        # answer for a figure the country's (below).
        own_place = None if reading.place_borrowed else reading.location
        claimant = _claimant(ctx, span, reading.category)
        before = None  # the place of the incident the sentence before tells (below)
        national = _national_scope(sent)
        if reading.admitted:
            place = reading.location  # where they were taken in, or nowhere (_admitting)
        elif WORLDWIDE.search(_span_text(sent)):
            # the world's count: only a place its own clause names ("half of all attacks on
            # schools worldwide had occurred in Syria"); a count of another clause than the
            # world's keeps its place ("… downloaded by 100,000 people globally, and an
            # estimated 20,000 of those were from within the UK": the 20,000 are the UK's)
            place = own_place if _placed_beside_the_world(ctx, span) else None
        elif (
            ((incident or reading.category == "displaced") and scope == "total")
            or _national(reading)
            or (national and reading.category not in UNPLACED_CATEGORIES)
        ):
            # A war's running total ("Syria's conflict has killed more than 230,000 people") is
            # the country's: placed where its sentence says, else in the country the article's
            # incidents are in — never narrowed to the city of the day's news (Aleppo held 45
            # of the 137 totals of 100,000 or more on FA-KES); so are the millions it displaced
            # ("… and millions displaced since Syria's war started" is no town's figure), and
            # so are millions displaced in any sentence that names no place ("More than 6
            # million are internally displaced" had been Idlib's, the town of the day's news).
            # A sentence that spreads its count over the country ("air strikes on towns across
            # the country killed at least 44", "600000 Syrians are trapped … across the
            # country", "7000 people killed across Syria" in a story about Qardaha) is the
            # country's too unless it names its own town ("elsewhere in the country … in the
            # town of Rastan"): it is not narrowed to the article's town (ctx.refine), nor does
            # it borrow one. (Where the article's incident place is a district no table
            # knows, the country its places point to: "al-Zablatani" is Damascus's.)
            place = own_place or ctx.incident_country or (ctx.country_name() if national else None)
        elif incident and _disaster_over_a_region(ctx, sent, reading.location):
            # "Dozens were killed in floods in central Mozambique": the sentence spreads its toll
            # over a region of the country, not over the town another sentence names ("40 had
            # died in Beira alone"); the country is the finest place it gives. (A war's strike
            # "on a village in northern Syria" is narrowed as any country is: it hit one town,
            # and the article names it — FA-KES's gold places it there.)
            place = reading.location
        elif incident and scope == "background":
            # An earlier event recalled ("the battle for Aleppo last year that killed nine", "an
            # April 4 attack that killed dozens", "another incident in northern Syria last
            # month") is not the day's news: its own sentence's place, not narrowed to the
            # article's town nor borrowed from it (FA-KES: a chemical attack on Aleppo recalled
            # in a story about Idlib had been Idlib's). No place is better than a wrong one;
            # but the one town the sentence names is its place, where the parse tied it to no
            # number ("an incident in Syrias Idlib province claimed the lives of some 80"), and
            # a place it points back to is the article's ("in the capital", "the same
            # neighbourhood was shelled two days ago").
            place = (
                own_place
                or _only_town_named(ctx, sent)
                or (ctx.incident_place if _points_back(sent) else None)
            )
        elif incident:
            fallback = ctx.incident_fallback(sent)
            if reading.location is None and _nationals_abroad(reading, fallback):
                # a nation's people killed away from the story's place ("Some 440 Britons
                # died", in a story about aid to Africa): their event's place as the sentence
                # (or the one before) tells it, else none
                fallback = None
            place = ctx.refine(reading.location) or fallback
            if reading.location is None and (place is None or gazetteer.country(place) is not None):
                # the article's place is a country or none: a source named after a city ("the
                # Iraqi activist group Mosul Eye") tells where it counts better than a country
                # the article names in another story, often a quotation (PolNeAR: babies killed
                # by IS had been the United States')
                place = _source_city(claimant) or place
            if reading.location is None:
                # a town that names the sentence's event ("the Orlando shooter", "the Orlando
                # nightclub attack killed 49") is where it happened, not the article's home
                # (PolNeAR: an Arkansas story's "Orlando shooter … killed 49" was Arkansas's);
                # else a toll carrying on the incident of the sentence before: its place
                place = (
                    _event_named_by_place(ctx, sent)
                    or (before := _event_place_before(ctx, sent))
                    or _event_antecedent(ctx, sent)
                    or _same_victims(victims_placed, reading)
                    or place
                )
        elif reading.category in UNPLACED_CATEGORIES:
            # Money, shares and counts of things are where their sentence says or nowhere: the
            # article's main place is no answer for "sales rose 2% to $11.1bn" (it put a film
            # studio's takings in "Dennis Quaid" and TimeWarner's sales in "Google").
            place = reading.location
        elif (
            reading.sentence_placed and not _nationals_at_home(reading, ctx.main_place)
        ) or _nationals_abroad(reading, ctx.main_place):
            # a forecast or a court's charge (_read), or a nation's people away from the
            # story's place ("about 440 Britons were dead or missing" in a story about aid to
            # Africa): where its sentence says, or nowhere; the story's place only where the
            # sentence names it too ("thousands of residents may not be able to vote in
            # Edinburgh's transport referendum")
            place = reading.location or (
                ctx.main_place if ctx.names_in(sent, ctx.main_place) else None
            )
        else:
            # a count of people with no place of its own is the story's main place's only
            # where the story ties it there (ctx.local_place): "a database of 200 million
            # Americans" in a story datelined in Iowa is no count of Iowa's
            place = reading.location
            if place is None and not (
                reading.category == "people"
                and ctx.main_place is not None
                and _names_another_country(ctx, sent, ctx.main_place)
            ):
                # (people the sentence puts in another country are not the story's place's,
                # even in its opening: "saved 1,200 Tutsis during the Rwandan genocide" in a
                # story of a Berlin festival had been Berlin's)
                place = ctx.local_place(ctx.main_place, sent)
        if (
            place is None
            and own_place is None
            and not reading.admitted
            and not (incident or reading.category == "displaced")
            and not WORLDWIDE.search(_span_text(sent))
        ):
            # a count of the whole country a story is about: a national body's ("… fell by
            # 20,000, the Office for National Statistics said"), or a national measure's in a
            # story whose places all lie in one country ("The jobless rate held at 4.7%")
            place = _national_body_country(claimant) or _whole_country_measure(ctx, span)
        if own_place is None and ctx.digest_items and place is not None:
            # A digest of unrelated stories ("10 Things to Know for Today": "2. STRONG
            # AFTERSHOCK RATTLES ITALY'S QUAKE ZONE. … the death toll … to 267"): the article's
            # place is one item's story (the Cizre car bomb of item 5 had placed the Italian
            # quake's dead); a figure with no place of its own takes its item's one place, or
            # none.
            place = ctx.item_place(span.start_char, place)
        if place is not None:
            place = _trimmed_place(place)
        if place is not None and (
            _no_place(place) or ctx.named_otherwise(place) or _person_like(place)
        ):
            place = None  # "Google" tagged a place (a figure of a story about the company)
        if (
            place is not None
            and reading.category in UNPLACED_CATEGORIES
            and _only_at_a_firm(ctx.text, place)
        ):
            place = None  # "At Jessops the same image would cost £2.50": a shop, no town
        location = ctx.settle(
            place,
            sent,
            incident=incident,
            # the sentence before names its incident's place after a preposition of
            # place ("at an airport in Shanghai"): a town, not a facility's name
            named=_how_named(span, place)
            if own_place and place == own_place
            else ("town" if before and place == before else None),
        )
        if location is not None and _no_place(location):
            location = None  # what settling left of "Northern Aleppo" or "Northern Syria"
        key = _victims_key(reading)
        if incident and key is not None and own_place and location is not None:
            victims_placed.setdefault(key, set()).add(location)
        figures.append(
            Figure(
                article_id=article_id,
                text=_without_full_stop(match.text),
                value=reading.value,
                low=reading.low,
                high=reading.high,
                approximate=match.parsed.approximate,
                unit=reading.unit,
                category=reading.category,
                subject=reading.subject,
                location=location,
                claimed_by=claimant,
                start=match.start,
                end=match.start + len(_without_full_stop(match.text)),
                sentence=_span_text(sent).strip(),
                scope=scope,
            )
        )
    return _without_conversions(figures, ctx.text)


def _national_body_country(claimant: str | None) -> str | None:
    """The country a national body that claims a figure counts (:data:`NATIONAL_BODIES`: the
    Office for National Statistics → United Kingdom), by name."""
    if not claimant:
        return None
    name = re.sub(r"^(?:the|The)\s+", "", claimant).lower()
    code = NATIONAL_BODIES.get(name)
    country = gazetteer.country_of_code(code) if code else None
    return country.name if country is not None else None


def _whole_country_measure(ctx: _Context, span: Span) -> str | None:
    """The country of a story about one country (:attr:`_Context.whole_country`) for a figure
    whose clause speaks of a measure of the whole country (:data:`NATIONAL_MEASURE_WORDS`:
    unemployment, inflation, the economy, voters …); None for any other figure (a firm's sales,
    a film's takings are no country's). Only the words of the figure's own verb: "optimistic
    about growth even as revenues slipped 11%" is a firm's 11%, and students "dressed … to
    unveil a poster about economic growth" are no country's."""
    country = ctx.whole_country
    if country is None:
        return None
    verb = _governing_verb(span.root)
    # the words the number's phrase hangs on ("The jobless rate held at 4.7%", where the
    # parse makes "held" a modifier of "rate")
    above = {span.root.i, *(t.i for t in span.root.ancestors)}
    if WORLD_OWNED.search(_span_text(span.sent)):
        return None  # "Half the world's population": the world's, no country's
    measures = [
        t
        for t in span.sent
        if (verb is None or _governing_verb(t) == verb or t.i in above or t.head.i in above)
        and t.pos_ in ("NOUN", "PROPN", "ADJ")  # "pay" the noun, not "paid to shareholders"
        and not _firms_growth(ctx, t)
        # bare "growth" only as what the figure measures ("Growth was 1.1%", "annual growth
        # of 6%"), not a firm's aim beside it ("enable it to concentrate on growth")
        and (t.lemma_.lower() != "growth" or t.i in above or t.head.i in above)
    ]
    words = [t.lower_ for t in measures]
    lemmas = {t.lemma_.lower() for t in measures}
    text = f" {' '.join(words)} "  # the measures of two words or more: "house prices"
    spoken = (
        (w in lemmas or w in words) if " " not in w else f" {w} " in text
        for w in NATIONAL_MEASURE_WORDS
    )
    return country if any(spoken) else None


WORLD_OWNED = re.compile(r"\bthe world'?s\b", re.I)


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (``tok`` itself when a verb): whose clause it is in."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _firms_growth(ctx: _Context, tok: Token) -> bool:
    """ "sales growth", "Tesco's growth": growth a noun or a name before it says is a firm's or
    a market's, no measure of the country ("annual growth", "economic growth" are)."""
    return tok.lemma_.lower() == "growth" and any(
        c.dep_ == "compound" or (c.dep_ == "poss" and ctx.label(c) != "GPE") for c in tok.children
    )


def _victims_key(reading: _Reading) -> tuple[str, str] | None:
    """A toll's category and its counted noun when that names whose they are in two words or
    more ("regime fighters", "Turkish soldiers"; not "people", "civilians")."""
    unit = (reading.unit or "").lower()
    if reading.category not in INCIDENT_CATEGORIES or len(unit.split()) < 2:
        return None
    return reading.category, unit


def _same_victims(placed: dict[tuple[str, str], set[str]], reading: _Reading) -> str | None:
    """The one place an earlier toll of the same victims was given by its own sentence ("US-led
    coalition forces killed dozens of regime fighters south of Deir al Zor" … "claiming over 60
    regime fighters were killed by the US-led airstrikes on Saturday": the same strike's toll,
    not one of the article's main place, Dael in Daraa); None when they were placed in two."""
    key = _victims_key(reading)
    places = placed.get(key, set()) if key is not None else set()
    return next(iter(places)) if len(places) == 1 else None


def _without_full_stop(text: str) -> str:
    """The number as written without the sentence's full stop the tokenizer kept on a scale
    suffix ("forecasts of £532m." is "£532m": spaCy reads "m." as an abbreviation)."""
    if len(text) > 2 and text.endswith(".") and text[-2].isalpha() and "." not in text[-4:-1]:
        return text[:-1]
    if re.search(r"\d[a-z]{1,2}\.$", text):
        return text[:-1]  # "$43.1m.": a decimal before the suffix is no abbreviation's dot
    return text


# A digest item's headline: a numbered paragraph in capitals ("5. ELEVEN POLICE KILLED, DOZENS
# WOUNDED IN TURKEY CAR BOMB ATTACK."), as wire round-ups number their stories.
DIGEST_ITEM = re.compile(r"(?m)^\d{1,2}\. (?=[^\n]*[A-Z]{3})[^a-z\n]{10,}$")


# A round-up's label as its first line ("IN BRIEF.", "News in brief", "World briefing",
# "Roundup"): its stories are told one after another, each under a headline of its own.
ROUNDUP_LABEL = re.compile(
    r"\A\s*(?:(?:news|world|nation|national|local|business)\s+)?"
    r"(?:in\s+brief|briefs?|briefly|briefing|round-?up|digest)\W*\n",
    re.I,
)
# A paragraph of one short line (a round-up item's headline, "San Bernardino shooter's friend
# denied bail."), by its words; the item's text after it runs longer.
ITEM_HEADLINE_WORDS = 14
PARAGRAPH = re.compile(r"[^\n]+")


def _digest_items(text: str) -> list[int]:
    """The start offsets of the items of a digest of unrelated stories: three or more numbered
    headlines in capitals (:data:`DIGEST_ITEM`), or, in an article labelled a round-up
    (:data:`ROUNDUP_LABEL`), two or more short headline paragraphs each followed by a longer
    one (a Las Vegas crash and the San Bernardino shooting, told after a Spanish election,
    had both been Spain's); none for any other article."""
    starts = [m.start() for m in DIGEST_ITEM.finditer(text)]
    if len(starts) >= 3:
        return starts
    if not ROUNDUP_LABEL.match(text):
        return []
    paragraphs = list(PARAGRAPH.finditer(text))[1:]  # not the label itself
    heads = [
        para.start()
        for para, after in zip(paragraphs, paragraphs[1:], strict=False)
        if len(para.group().split()) <= ITEM_HEADLINE_WORDS
        and len(after.group()) > 2 * len(para.group())
    ]
    return heads if len(heads) >= 2 else []


def _no_place(name: str) -> bool:
    """Whether ``name`` is an organisation GeoNames gives a town ("Google", a name of Topeka
    since a 2010 stunt; :data:`geo.NOT_PLACE_NAMES`): the tagger calls it a place, and it had
    been the main place of stories about the company, where their figures were placed ("433
    million registered members", "127 million people" at "Google"). An organisation is no
    place; the map already drew none for it. Nor is a compass word alone, what the tagger kept
    of a longer name ("Northern" of "the Northern front", "Northern Province of Aleppo": three
    of the real store's tolls had been placed there). Nor is a disaster's noun the tagger took
    for a place ("died in the Tsunami": a BBC story's 41 Britons had been placed at "Tsunami"),
    nor one letter (the "m" spaCy splits off "20m euros", which the parse may hang "slid to"
    on: four sums in euros had been placed at "m")."""
    # (the compass lexicon the place rules read, gazetteer.COMPASS_WORDS)
    low = name.lower()
    return (
        gazetteer.fold(name) in geo.NOT_PLACE_NAMES
        or low in COMPASS_WORDS
        or low in DISASTER_NOUNS
        or len(low.strip()) < 2
    )


GIVEN_NAMES = geo.GIVEN_NAMES
WEEKDAY_PATTERN = "|".join(sorted(lexicon.words("weekdays")))


# The labels of a longer name that a place's word may end ("State of the Union"): a word of it.
NAME_LABELS = frozenset({"ORG", "EVENT", "WORK_OF_ART", "LAW"})


def _trimmed_place(name: str) -> str | None:
    """A figure's place without what a scrape or the tagger ran into it: markup ("San
    Bernardino.</tweet>" → San Bernardino), a dash and what follows, kept only when the
    gazetteer knows the rest ("NEW HAMPSHIRE - Since" → NEW HAMPSHIRE; "Royal Ballet - Darcey
    Bussell" → none), and a headline's verb after a town ("Manbij Killing" → Manbij)."""
    if "<" in name:
        name = name.split("<", 1)[0].rstrip(" .,;:")
    name = _without_scores(name)
    if " - " in name:
        head = name.split(" - ", 1)[0].strip()
        return head if head and gazetteer.place(head) is not None else None
    words = name.split()
    if len(words) > 1:
        last = words[-1].lower()
        stems = {last, re.sub(r"(?:ing|ed|s)$", "", last)}
        if (
            stems & (KILLED_WORDS | HEADLINE_VERBS)
            or last.endswith("ing")
            and stems & {w.rstrip("s") for w in HEADLINE_VERBS}
        ):
            return " ".join(words[:-1])
    return name or None


# Words a tagger's place may open with, cut off a longer name ("of Ireland" of "Republic of
# Ireland manager").
PLACE_OPENING_JUNK = frozenset({"of", "the", "in", "at", "to"})


def _without_scores(name: str) -> str:
    """A place's name without the words with digits the tagger ran into it ("Stamford Bridge
    3-1" → Stamford Bridge, "Czech Republic 7-5 6-3" → Czech Republic; "HK$6.31bn" → empty)
    and without a preposition it opens with ("of Ireland" → Ireland)."""
    words = name.split()
    while words and any(ch.isdigit() for ch in words[-1]):
        words.pop()
    while words and words[0] in PLACE_OPENING_JUNK:
        words.pop(0)
    return " ".join(words)


def _person_like(name: str) -> bool:
    """Whether the place ``name`` is a person's name the tagger took for a place ("Josh
    Lewsey" of "two game-breakers in Josh Lewsey and Jason Robinson"): two or three
    capitalised words opening with a given name, no place word at its end, and no table of
    places or the map knows it ("Victoria Park", "George Town" stay)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if not is_given_name(words[0]):
        return False
    last = words[-1].lower()
    if last in PLACE_NOUNS or last in PLACE_FACILITY_NOUNS or last in BUILDING_LAST_WORDS:
        return False
    if gazetteer.place(name) or gazetteer.town(name) or gazetteer.country(name):
        return False
    return geo.locate(name) is None


# The prepositions a town's name follows that a shop's or a firm's seldom does ("in Ledbury",
# "near Ledbury"; "at Jessops" is both's).
_AT_BEFORE = re.compile(r"\bat\s+\Z", re.IGNORECASE)
_TOWN_PREPOSITION_BEFORE = re.compile(r"\b(?:in|near|outside|across|from|into)\s+(?:the\s+)?\Z")


def _only_at_a_firm(text: str, name: str) -> bool:
    """Whether the place ``name`` of a sum, a share or a count of things is one word no table
    of places nor the map knows, which the article writes after "at" and never after "in",
    "near", "from" … (:data:`_TOWN_PREPOSITION_BEFORE`): what the tagger took for a town "at
    Jessops" or "an analyst at Jefferies" is a shop or a firm, where a sum is paid, not a
    place ("13 rocket shells on Harfa village" stays in Harfa)."""
    if " " in name or gazetteer.place(name) or gazetteer.town(name) or gazetteer.village(name):
        return False
    if gazetteer.country(name) or geo.locate(name) is not None:
        return False
    return _written_between(text, name, _AT_BEFORE, _WORD_BOUNDARY) and not _written_between(
        text, name, _TOWN_PREPOSITION_BEFORE, _WORD_BOUNDARY
    )


def _editors_notes(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each paragraph of ``text`` that is an editor's note
    (:data:`EDITORS_NOTE`), to its paragraph's end."""
    notes = []
    for m in EDITORS_NOTE.finditer(text):
        end = text.find("\n\n", m.end())
        notes.append((m.start(), len(text) if end < 0 else end))
    return notes


# A sum in brackets right after another sum, or after it and a semicolon: the same money in
# another currency ("70m euros ($91m)", "$800m (£424m)", "6.8bn rand ($1.2bn; £910m)").
# (the currency's words may stand between: "500 Syrian pounds ($1)", the figure being "500")
_CONVERSION_GAP = re.compile(r"\s*(?:(?P<words>[A-Za-z]+(?: [A-Za-z]+)?)\s*)?\(\s*")
_NEXT_CONVERSION_GAP = re.compile(r"\s*[;,]\s*")  # "($1.2bn; £910m)": a second, same bracket


def _converts(gap: re.Match | None) -> bool:
    """Whether the text between two sums is a conversion's opening bracket, after nothing or
    after the first sum's currency words ("Syrian pounds (": not "to the club (")."""
    if gap is None:
        return False
    words = gap.group("words")
    return words is None or words.split()[-1].lower() in CURRENCY_HEADS


def _without_conversions(figures: list[Figure], text: str) -> list[Figure]:
    """``figures`` less the sums that convert the sum before them into another currency: kept,
    each deal was counted twice, once in each currency (the BBC's business stories give most
    sums so: 120 of the store's money figures), and "500 Syrian pounds ($1)" drew a one-dollar
    point on the money chart."""
    out: list[Figure] = []
    converted: Figure | None = None  # the conversion just left out
    for figure in figures:
        before = out[-1] if out else None
        if figure.category in MONEY_CATEGORIES and (
            converted is not None
            and converted.unit != figure.unit
            and _NEXT_CONVERSION_GAP.fullmatch(text, converted.end, figure.start) is not None
            or before is not None
            and before.category in MONEY_CATEGORIES
            and before.unit != figure.unit
            and _converts(_CONVERSION_GAP.fullmatch(text, before.end, figure.start))
        ):
            converted = figure
            continue
        if before is not None and _converted_distance(before, figure, text):
            continue  # "five kilometres (three miles)": one distance, written twice
        converted = None
        out.append(figure)
    return out


# What stands between a distance and its conversion: the first one's unit and a bracket.
_DISTANCE_CONVERSION_GAP = re.compile(r"\s*[A-Za-z]*\s*\(\s*")
# Units of length beside those the entity rules read ("yards", "feet").
LENGTH_UNITS = entities.DISTANCE_UNITS | {"yard", "yards", "foot", "feet"}


def _converted_distance(before: Figure, figure: Figure, text: str) -> bool:
    """Whether ``figure`` converts the distance ``before`` into another unit, in brackets
    right after it ("some five kilometres (three miles) from the town")."""
    return (
        before.unit is not None
        and figure.unit is not None
        and before.unit.lower() in LENGTH_UNITS
        and figure.unit.lower() in LENGTH_UNITS
        and before.unit != figure.unit
        and _DISTANCE_CONVERSION_GAP.fullmatch(text, before.end, figure.start) is not None
    )


# -- context ------------------------------------------------------------------------------------
# A news agency's name in brackets after a dateline's place in capitals ("MOSCOW (Sputnik)",
# "BEIRUT (AP)"), wherever the dateline stands.
# "BEIRUT, Lebanon (AP)" may name the country between.
AGENCY_AFTER = re.compile(
    r"(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?\s*\((?:[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2})\)"
)


class _Context:
    """Per-article lookups: entity mentions by offset, the main place, quotation spans."""

    def __init__(
        self,
        doc: Doc,
        *,
        quotes: Sequence[Quote],
        mentions: Sequence[EntityMention],
        published: str | None = None,
    ) -> None:
        self.doc = doc
        self.published = published
        self.text = text_of(doc)  # Doc.text is rebuilt on every access
        self.quotes = [q for q in quotes if q.speaker]
        self.mentions = list(mentions)
        self.digest_items = _digest_items(self.text)
        self.place_counts: Counter[str] = Counter()
        self.recalled: Counter[str] = Counter()  # mentions in sentences recalling the past
        places = self._places()
        self.main_place = places[0] if places else None
        # The article's incidents are the day's news: a place named only where an earlier
        # event is recalled ("the town of Khan Sheikhoun, where a chemical attack killed nearly
        # 90 on April 4", once, in a story about strikes elsewhere) is not where they happened.
        news = [n for n in places if self.place_counts[n] > self.recalled[n]]
        self.incident_place = _incident_place(news or places)
        # The country of the article's incidents (a running total's place when its sentence
        # names none): the incident place itself when a country, else the country it lies in.
        self.incident_country = None
        self.incident_code: str | None = None  # its ISO code
        if self.incident_place is not None:
            known = gazetteer.country(self.incident_place)
            code = known.country if known is not None else _country_of(self.incident_place)
            named = [c.country for p in places if (c := gazetteer.country(p)) and c.country]
            if code and named and code not in named:
                # "Ariha" is also Jericho's Arabic name: in an article that names Syria (and
                # not Palestine) it is the Idlib town, and the war's toll is Syria's
                code = next((c for c in named if geo.namesake_in(self.incident_place, c)), code)
            country = gazetteer.country_of_code(code) if code else None
            self.incident_country = country.name if country is not None else None
            self.incident_code = code or None
        self._article_places: ArticlePlaces | None = None

    @functools.cached_property
    def lede_start(self) -> int:
        """Where the opening sentence starts: the first that ends as a sentence does, after any
        headline and dateline lines (a paragraph break ends a sentence, analysis.nlp), which
        count as the opening too. The opening is the news, however it is dated."""
        for sent in self.doc.sents:
            if _span_text(sent).rstrip().endswith((".", "!", "?", '"', "”", "'", "’")):
                return sent.start
        return 0

    @functools.cached_property
    def news_day(self) -> datetime.date | None:
        """The day of the article's news, by the weekdays its opening names (:func:`news_day`)."""
        return news_day(_span_text(self.doc[self.lede_start].sent), self.published)

    @functools.cached_property
    def person_words(self) -> frozenset[str]:
        """Each word of the names the article's mentions call a person ("rubio", "marco"): the
        tagger calls "Rubio" an organisation in one sentence and a person in the next."""
        return frozenset(
            w.lower() for m in self.mentions if m.label == "PERSON" for w in m.text.split()
        )

    @functools.cached_property
    def place_words(self) -> frozenset[str]:
        """Each word of the names the article's mentions call a place ("foua", "kafraya"): a
        small town the tagger calls an organisation where "leaving" takes it for its object."""
        return frozenset(
            w.lower()
            for m in self.mentions
            if m.label in PLACE_LABELS
            for w in m.text.split()
            if w[:1].isupper()
        )

    @functools.cached_property
    def incident_told_places(self) -> frozenset[str]:
        """The article's places named in a sentence that tells of harm or an incident ("air
        strikes killed 12 in Douma", "the Aleppo blast", "floods in Beira"): where the
        article's own incidents happened. A place the article names only otherwise ("a
        Madrid-based charity", "a Madrid court settlement") is no place of a toll whose
        sentence names none (a BBC story's count of Pinochet's victims had been Madrid's)."""
        told = set()
        sentences: dict[int, bool] = {}
        for m in self.mentions:
            if m.label not in ("GPE", "LOC"):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            if sent.start not in sentences:
                sentences[sent.start] = any(_tells_harm(t) for t in sent)
            if sentences[sent.start]:
                told.add(m.name)
        for name, start in self.untagged_cities:
            span = self.doc.char_span(start, start + len(name), alignment_mode="expand")
            if span is not None and any(_tells_harm(t) for t in span.sent):
                told.add(name)
        return frozenset(told)

    @functools.cached_property
    def opening_end(self) -> int:
        """The token where the story's opening ends: the opening sentence (:attr:`lede_start`)
        and the one after it, which tells the news where a headline ending in a full stop
        took the opening's place ("… reports in Syria. The U.N. Security Council said … forces
        killed 1300 people")."""
        sent = self.doc[self.lede_start].sent
        if sent.end < len(self.doc):
            sent = self.doc[sent.end].sent
        return sent.end

    def incident_fallback(self, sent: Span) -> str | None:
        """The article's incident place for a toll whose sentence ``sent`` names no place: in
        the opening (:attr:`opening_end`), or where the article ties that place, or the
        country it lies in, to an incident (:attr:`incident_told_places`: a war story's
        "villages in Syria" it tells of beheadings make its one town, Hassake, the toll's);
        else no place rather than a wrong one."""
        place = self.incident_place
        if place is None or sent.start < self.opening_end or self.digest_items:
            return place  # (a digest's item gives its own place: item_place)
        told = self.incident_told_places
        return place if place in told or self.incident_country in told else None

    @functools.cached_property
    def opening_tells_harm(self) -> bool:
        """Whether the story's opening (:attr:`opening_end`) tells of harm or an incident
        (:func:`_tells_harm`): a story of an incident, not of a vote, a firm or a film."""
        return any(_tells_harm(t) for t in self.doc[: self.opening_end])

    def _a_titles_see(self, mention: EntityMention) -> bool:
        """Whether ``mention`` names the see of someone's title ("the bishop of Swansea", "the
        mayor of Leeds"): whom the story speaks of, not where its counts are."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        of = span.root.head
        return (
            span.root.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in ROLE_TITLES
        )

    def _sentence_before(self, sent: Span) -> Span:
        """The sentence before ``sent``, or ``sent`` itself when it is the first."""
        return self.doc[sent.start - 1].sent if sent.start > 0 else sent

    def names_in(self, sent: Span, place: str | None) -> bool:
        """Whether sentence ``sent`` names ``place`` (a mention of it there)."""
        return place is not None and any(
            m.name == place and sent.start_char <= m.start < sent.end_char for m in self.mentions
        )

    def _paragraph(self, at: int) -> tuple[int, int]:
        """The character bounds of the paragraph holding offset ``at``."""
        start = self.text.rfind("\n\n", 0, at)
        end = self.text.find("\n\n", at)
        return (0 if start < 0 else start, len(self.text) if end < 0 else end)

    def local_place(self, place: str | None, sent: Span) -> str | None:
        """``place`` (the article's main place) for a figure of sentence ``sent`` that names
        none, where the story ties the figure to it: the figure is in the opening
        (:attr:`opening_end`), its paragraph names the place, its sentence names the place's
        nationality or tells of fighting or harm, or the article ties the place (or its
        country) to an incident (:attr:`incident_told_places`: a war story's "thousands fled"
        is the town's it tells of; only in a story whose opening tells of harm,
        :attr:`opening_tells_harm`). Else None: a count the story places
        nowhere is no count of the place the story is datelined in (BBC: "two Forbes staff
        members left" had been China's; "up to three Cabinet members" had been "Ted"'s)."""
        if place is None or sent.start < self.opening_end or self.digest_items:
            return place  # (a digest's item gives its own place: item_place)
        start, end = self._paragraph(sent.start_char)
        if any(
            m.name == place
            and start <= m.start < end
            and (self.opening_tells_harm or not self._a_titles_see(m))
            for m in self.mentions
        ):
            return place
        if _names_nationality_of(sent, place):
            return place  # "the Turkish economy … two million people lost their jobs": Turkey's
        if _names_another_country(self, sent, place):
            # "the hotel manager who saved 1,200 Tutsis during the Rwandan genocide", in a story
            # of a film festival in Berlin: the harm is the other country's, not the story's
            return None
        if any(_tells_harm(t) for t in sent):
            # the sentence goes on with the story's fighting or harm ("around 50,000 people
            # remained in the besieged districts" of a story about Aleppo): the story's place
            return place
        if not self.opening_tells_harm:
            # A story of no incident (a vote, a firm, a film) ties a count to its place only
            # by a tagged mention in the paragraph: a city the tagger did not call a place ("the
            # archbishop of Cardiff", the sentence after "rebellion by 34 Labour MPs") must be
            # named in the count's sentence or the one before, and a place the story names
            # where a sentence tells of harm is no incident's ("the revolt … the bishop of
            # Swansea"; BBC: 11 of 19 such places had been wrong, Gateshead for a union's
            # 800,000 workers among them).
            start, end = self._sentence_before(sent).start_char, sent.end_char
            near = any(name == place and start <= at < end for name, at in self.untagged_cities)
            return place if near else None
        if any(name == place and start <= at < end for name, at in self.untagged_cities):
            return place
        told = self.incident_told_places
        return place if place in told or self.incident_country in told else None

    @functools.cached_property
    def whole_country(self) -> str | None:
        """The one country every place the article names lies in, by name: a story of Britain's
        jobs that names only "UK", "London" and "Scotland". None where a place lies in another
        country, or where the country itself is not named and only one place points to it (a
        firm's name the tagger took for a town of the same name is one mention)."""
        codes: Counter[str] = Counter()
        named = False
        for m in self.mentions:
            if m.label not in ("GPE", "LOC"):
                continue
            known = gazetteer.country(m.name)
            code = known.country if known is not None else _country_of(m.name)
            if code:
                codes[code] += 1
                named = named or known is not None
        if len(codes) != 1:
            return None
        code, count = codes.most_common(1)[0]
        if not named and count < 2:
            return None
        country = gazetteer.country_of_code(code)
        return country.name if country is not None else None

    def country_name(self) -> str | None:
        """The country the article's places point to most (:class:`ArticlePlaces`), by name."""
        if self._article_places is None:
            self._article_places = ArticlePlaces(self.doc, self.place_counts)
        code = self._article_places.country
        country = gazetteer.country_of_code(code) if code else None
        return country.name if country is not None else None

    def settle(
        self, place: str | None, sentence: Span, *, incident: bool, named: str | None = None
    ) -> str | None:
        """A place the gazetteer cannot put in the article's country, settled by what the
        article says of it (:mod:`analysis.place_context`); built on the first figure. ``named``:
        how the figure's own sentence names the place (:func:`_how_named`)."""
        if place is None:
            return None
        if self._article_places is None:
            self._article_places = ArticlePlaces(self.doc, self.place_counts)
        return self._article_places.settle(place, sentence, incident=incident, named=named)

    def refine(self, place: str | None) -> str | None:
        """A country narrowed to the article's main place when that lies inside it: "killed in
        Syria" in a story about Idlib is placed in Idlib (a finer answer, not another place)."""
        inner_name = self.incident_place
        if place is None or inner_name is None or inner_name == place:
            return place
        country = gazetteer.country(place)
        if country is None or gazetteer.country(inner_name) is not None:
            return place
        return inner_name if _country_of(inner_name) == country.country else place

    @functools.cached_property
    def _cut_off(self) -> frozenset[int]:
        """Tokens of a spaCy entity that the entity layer cut off the name it kept there: a
        distance ("Tabqa 40 kilometres" → Tabqa), a count, a headline's verb, a country whose
        apostrophe the source lost ("Syrias Aleppo" → Aleppo). They are no part of any name, so
        they take neither the model's label nor its run-on text ("Tabqa 40 kilometres" had
        become a figure's place through "kilometres")."""
        cut: set[int] = set()
        # The mentions an entity overlaps, found by bisection in their starts: a mention ending
        # after the entity's start starts less than the longest mention's length before it
        # (every mention against every entity: 0.7 % of the extraction time on 200 BBC articles).
        order, starts, longest = self._mention_starts
        for ent in doc_arrays.entities(self.doc):
            lo = bisect.bisect_right(starts, ent.start_char - longest)
            hi = bisect.bisect_left(starts, ent.end_char)
            inside = [m for m in (self.mentions[k] for k in order[lo:hi]) if ent.start_char < m.end]
            if inside:
                cut.update(t.i for t in ent if not any(m.start <= t.idx < m.end for m in inside))
        return frozenset(cut)

    def mention_at(self, tok: Token) -> EntityMention | None:
        """The first of the mentions (in their order) that holds ``tok``'s first character."""
        order, starts, longest = self._mention_starts
        at = tok.idx
        first = None
        # Only a mention starting less than the longest mention's length before the token can
        # reach it (every proper noun asks, several times: a walk over every mention each).
        for k in order[bisect.bisect_right(starts, at - longest) : bisect.bisect_right(starts, at)]:
            if at < self.mentions[k].end and (first is None or k < first):
                first = k
        return None if first is None else self.mentions[first]

    @functools.cached_property
    def _mention_starts(self) -> tuple[list[int], list[int], int]:
        """The mentions' positions in :attr:`mentions` sorted by start, their starts in that
        order, and the longest mention's length in characters."""
        order = sorted(range(len(self.mentions)), key=lambda k: self.mentions[k].start)
        starts = [self.mentions[k].start for k in order]
        longest = max((m.end - m.start for m in self.mentions), default=0)
        return order, starts, longest

    def label(self, tok: Token) -> str:
        m = self.mention_at(tok)
        if m is not None:
            return m.label
        if tok.i in no_place_tokens(self.doc):
            # a place's name inside a work's title ("the film Flight of the Phoenix"), which
            # the entity pass kept as no mention: the model's GPE must not place a figure there
            return "WORK_OF_ART"
        return "" if tok.i in self._cut_off else tok.ent_type_

    def name(self, tok: Token) -> str:
        """Canonical name of the entity at ``tok`` (mention name, else the spaCy entity text)."""
        m = self.mention_at(tok)
        if m is not None:
            return m.name
        if tok.ent_type_ and tok.i not in self._cut_off:
            for ent in doc_arrays.entities(tok.doc):
                if ent.start <= tok.i < ent.end:
                    return clean_name(ent.text, phrase=True)
        return tok.text

    def item_place(self, at: int, place: str) -> str | None:
        """``place`` when the digest item holding offset ``at`` (:func:`_digest_items`) names
        it, else the one place the item names, else None. Names in capitals are left out: the
        tagger reads the headline's words as places ("QURANIC SCHOOLS")."""
        starts = [s for s in self.digest_items if s <= at]
        if not starts:
            return None
        start = starts[-1]
        end = next((s for s in self.digest_items if s > start), len(self.text))
        headline_end = self.text.find("\n", start)
        in_item = [
            m
            for m in self.mentions
            if start <= m.start < end
            and m.label in ("GPE", "LOC")
            and not (m.name.isupper() and len(m.name) > 3)
        ]
        named = {m.name for m in in_item}
        if place in named:
            return place
        if len(named) == 1:
            return next(iter(named))
        # the one place the item's headline names ("'Stoic' driver identified in horror on Las
        # Vegas Strip."), not the victim's home town its story names besides
        headed = {m.name for m in in_item if m.start < headline_end}
        return next(iter(headed)) if len(headed) == 1 else None

    def _places(self) -> list[str]:
        """The article's places, most mentioned first (the last resort for a figure whose own
        clause and sentence name no place).

        A GPE/LOC used as a modifier ("US forces", "the UK foreign secretary") does not count: it
        names an actor, not where things happen. Mentions in the lede weigh more.
        """
        counts: Counter[str] = Counter()
        lede_end = self.text.find("\n\n")
        lede_end = lede_end if lede_end > 0 else len(self.text)
        first: dict[str, int] = {}
        for m in self.mentions:
            if m.label not in ("GPE", "LOC") or _no_place(m.name):
                continue
            words = self.text[m.start : m.end]
            if words.isupper() and len(words) <= 5 and gazetteer.place(words) is None:
                continue  # "AFP", "SANA" in a dateline: an agency, whatever the label says
            if words.isupper() and (
                self.text[max(m.start - 2, 0) : m.start] in ("", "\n\n")
                or AGENCY_AFTER.match(self.text, m.end)
            ):
                # "MOSCOW Some 120 …", "… wounded. MOSCOW (Sputnik) The …" (a copy that lost
                # its paragraph breaks): a dateline says where the reporter is
                continue
            if self._ends_a_name(m.end, m.end - m.start) or self.named_otherwise(m.name):
                continue  # "State Of The Union", "Super Tuesday", "Rubio" tagged a place
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if (
                span is not None
                and span.root.dep_ in MODIFIER_DEPS
                and (not _placing(span.root) or _actor_modifier(span.root, span.root.head))
            ):
                continue  # "US forces", and "US airstrikes": who acted, not where
            if span is not None and _acting(span.root):
                continue  # "Moscow denied …", "strikes by Russia": who acts, not where
            if span is not None and _speakers_place(span.root):
                continue  # "an activist who lives in Europe said": where the speaker is
            if span is not None and _in_a_name_gloss(span[0]):
                continue  # "al-Nusra Front (Qaeda branch in the Levant)": what a group is
            if (
                span is not None
                and span.root.head.lower_ == "near"
                and gazetteer.country(m.name) is not None
            ):
                continue  # "killed 50 jihadists near Lebanon": across a border (_near_border)
            counts[m.name] += LEDE_WEIGHT if m.start < lede_end else 1
            first.setdefault(m.name, m.start)
            if m.start >= lede_end and span is not None and _recalls(span.sent, self.published):
                self.recalled[m.name] += 1
        for name, start in self.untagged_cities:
            counts[name] += LEDE_WEIGHT if start < lede_end else 1
            first.setdefault(name, start)
            written = self.doc.char_span(start, start + len(name), alignment_mode="expand")
            if start >= lede_end and written is not None and _recalls(written.sent, self.published):
                self.recalled[name] += 1
        self.place_counts = counts
        return sorted(counts, key=lambda n: (-counts[n], first[n]))

    @functools.cached_property
    def _other_names(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words of the article's person names that open with a given name ("marco",
        "rubio" of "Marco Rubio"; not "Qalamoun Barrens", a place the tagger took for a
        person), and the opening words of its organisation names that end in an organisation's
        word ("valeant" of "Valeant Pharmaceutical International"; not "Qardaha" of "Qardaha
        hospital"), lower case."""
        person, org = set(), set()
        for m in self.mentions:
            words = m.name.lower().split()
            if len(words) < 2:
                continue
            # (each table asked in turn: their union, built per mention, cost more than the rest)
            if m.label == "PERSON" and (words[0] in GIVEN_NAMES or words[0] in RARER_GIVEN_NAMES):
                person.update(words)
            elif m.label == "ORG" and (
                words[-1] in ORG_HEAD_WORDS or words[-1] in ORG_SUFFIX_WORDS
            ):
                org.update(" ".join(words[:k]) for k in range(1, len(words)))
        return frozenset(person), frozenset(org)

    def named_otherwise(self, name: str) -> bool:
        """Whether the place ``name`` is a word the article uses of something else, which the
        tagger took for a place elsewhere: a person's name ("Rubio" beside "Marco Rubio"; a
        country or a US state, a city the gazetteer knows of a million people, and a name the
        article writes after "in", "at" or "near" stay places), the opening of an organisation's name the
        gazetteer knows as no place ("Valeant" beside "Valeant Pharmaceuticals"), or a name
        before a weekday ("Super Tuesday")."""
        low = name.lower()
        person, org = self._other_names
        known = gazetteer.place(name)
        big = known is not None and (
            known.kind in ("country", "state") or (known.population or 0) >= 1_000_000
        )
        if (
            low in person
            and not big
            and not _written_between(
                self.text, name, _PLACE_PREPOSITION_BEFORE, _WORD_BOUNDARY, ignore_case=False
            )
        ):
            return True  # (not where the article also writes "in Charlotte")
        if known is None and gazetteer.town(name) is None and gazetteer.country(name) is None:
            if low in org:
                return True
            if _written_between(self.text, name, _boundary_before(name), _WEEKDAY_AFTER):
                return True
        return False

    def _ends_a_name(self, end: int, length: int) -> bool:
        """Whether the place name of ``length`` characters ending at offset ``end`` ends a
        longer "X of Y" name of something else written there ("UNION" of "STATE OF THE UNION",
        where the article's "State of the Union" is an organisation): a word of that name, no
        place."""
        for other in self.mentions:
            if (
                other.label not in NAME_LABELS
                or len(other.name) <= length
                or " of " not in other.name.lower()  # "Al Raqqa" tagged ORG is the city
            ):
                continue
            before = self.text[max(end - len(other.name), 0) : end]
            if before.lower() == other.name.lower():
                return True
        return False

    @functools.cached_property
    def untagged_cities(self) -> list[tuple[str, int]]:
        """Cities the small model left untagged or took for an organisation ("Aleppo bomb blast
        kills six", "over Al Raqqa massacre" tagged ORG): a proper noun that the gazetteer knows
        as a city (50,000+ people), not tagged a place or a person (those are counted, or not
        places), and not used as an actor's modifier. (name as written, offset)"""
        found = []
        # Only proper nouns matter: found on the POS column, without a Token per word.
        for i, pos in enumerate(doc_arrays.column(self.doc, POS)):
            if pos != PROPN:
                continue
            tok = self.doc[i]
            if self.label(tok) not in ("", "ORG", "NORP", "FAC"):
                continue
            # a city the gazetteer knows, asked first: most proper nouns are none, and the
            # tests below read more of the text
            known, written = _gazetteer_phrase(tok)
            if known is None or known.kind != "city":
                continue
            if self.label(tok) == "ORG" and _settled_org(self, tok):
                continue  # "Chelsea striker": the entity pass made the town's name a club's
            if _word_of_a_name(self, tok):
                continue  # "the Duchy of Lancaster": no city the article is about
            if self._ends_a_name(tok.idx + len(tok), len(tok)):
                continue  # "Obama's Last State Of The Union": the end of a name, no city
            if _agency(tok) or tok.is_upper:
                continue  # "SANA" is an agency, not Sana'a
            if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].pos_ == "PROPN":
                continue  # not the last word of its name
            if self.label(tok) in ("ORG", "FAC") and _translated_name(written, known.name):
                continue  # "the White House" (ORG): GeoNames' English for Casablanca
            if tok.dep_ in MODIFIER_DEPS and not _placing(tok):
                continue
            start = min((t.i for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"),
                        default=tok.i)  # fmt: skip
            span = self.doc[start : tok.i + 1]
            if gazetteer.place(span.text) is None:
                span = self.doc[tok.i : tok.i + 1]
            found.append((span.text, span.start_char))
        return found


# Words that date a sentence to the news's own days ("on Tuesday", "today").
NEWS_DAY_WORDS = re.compile(
    rf"\b(?:{WEEKDAY_PATTERN}|today|yesterday|tonight|this (?:morning|week))\b", re.I
)


def _recalled_deaths(root: Token, sent: Span) -> bool:
    """Whether the count ``root`` is of the deaths ("the deaths of two of …") that a word of
    :data:`RECALL_WORDS` looks back on ("referring to", "paid tribute to", "remembered"), in a
    sentence not dated to the news's days (:data:`NEWS_DAY_WORDS`)."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of":
        return False
    deaths = prep.head
    if deaths.pos_ != "NOUN" or deaths.lemma_.lower() != "death":
        return False
    verb = deaths.head.head if deaths.dep_ == "pobj" else deaths.head
    recalled = verb.lemma_.lower() in RECALL_WORDS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in RECALL_WORDS for c in verb.children
    )  # "paid tribute to the deaths of …"
    return recalled and NEWS_DAY_WORDS.search(_span_text(sent)) is None


def _recalls(sent: Span, published: str | None = None) -> bool:
    """Whether ``sent`` recalls an earlier event (:data:`BACKGROUND`: "on April 4", "last
    month"), as a figure's scope says (:func:`figure_scope`)."""
    return _recalled(_span_text(sent), published)


def _acting(tok: Token) -> bool:
    """Whether a place name is someone acting: the subject of a verb of saying or of a doer
    (:data:`ACTOR_VERBS`: "Russia says", "Moscow has defended", not "Tal Hamis lies in …" or
    "Aleppo fell"), the one held to account ("accused Moscow", "investigating Russia"), the
    agent of a passive ("strikes carried out by Russia"), or a law's reach ("a group banned in
    Russia"). An article about Aleppo that names Russia at every turn still happens in Aleppo.
    (Any verb of a country's was tried too: "Syria making mistakes" in a quote then moved a
    FA-KES toll into Turkey, so only these.)"""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if (
        tok.dep_ == "conj"
        and after is not None
        and after.dep_ == "aux"
        and after.head.i > after.i
        and after.head.lemma_.lower() in ACTOR_VERBS
    ):
        # "… the Fateh al-Sham Front and Moscow has repeatedly demanded …", which the parser
        # joins to the phrase before: the place is the subject of the verb after it, acting
        return True
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "Syria and Russia denied": both act
    head = tok.head
    if tok.dep_ == "nsubj":
        return head.lemma_.lower() in ACTOR_VERBS
    if tok.dep_ == "dobj":  # "accused Moscow", "investigating Russia"
        return head.lemma_.lower() in ACCUSING_VERBS or _made_to_act(tok)
    if _party_between(tok):
        return True
    if _law_reach(tok):
        return True  # "a terrorist group banned in Russia": its law, not where things happen
    return tok.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent"


def _made_to_act(obj: Token) -> bool:
    """Whether the object ``obj`` is the doer of the "to" verb after it, which acts on an
    object of its own ("prompting Ankara to launch a military operation", "forced Moscow to
    withdraw its troops"): a government, not where anything happened ("allowed Aleppo to fall"
    is the town)."""
    return any(
        c.dep_ == "xcomp"
        and c.i > obj.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and any(o.dep_ == "dobj" for o in c.children)
        for c in obj.head.children
    )


def _party_between(tok: Token) -> bool:
    """Whether ``tok`` is one side "between" it and an organisation or a people ("tensions
    between Ankara and the PKK"): a government, where "the road between Aleppo and Hama" joins
    two places."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "between":
        return False
    return any(c.dep_ == "conj" and c.ent_type_ in ("ORG", "NORP", "PERSON") for c in tok.children)


def _law_reach(tok: Token) -> bool:
    """A place after "in" of a verb of banning (:data:`BANNING_VERBS`): "a group outlawed in
    Russia" is where the law holds, not where anything happened."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in BANNING_VERBS


def _placing(modifier: Token) -> bool:
    """Whether a place name used as a modifier still says where: "the Aleppo blast", "Hasakah
    province", "the Al Raqqa massacre" — not "US forces" or "Syria's army"."""
    head = modifier.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return (
        head.lemma_.lower() in INCIDENT_NOUNS
        or head.lower_ in PLACE_NOUNS
        or _country_measure(modifier, head)
    )


def _country_measure(modifier: Token, head: Token) -> bool:
    """A country owning a measure of its own (:data:`NATIONAL_MEASURE_WORDS`): "the UK's
    jobless total", "Japan's economy", "UK unemployment" say where the numbers are, as "US
    forces" do not. A town's ("London's population") is left to the rules of its own."""
    words = [head.lower_, head.lemma_.lower()]
    words += [c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound") and c.i > modifier.i]
    if NATIONAL_MEASURE_WORDS.isdisjoint(words):
        return False
    return (
        gazetteer.country(modifier.doc[modifier.i : _modifier_end(modifier) + 1].text) is not None
    )


# People displaced in this many or more are a country's or a region's, never a town's.
NATIONAL_DISPLACED = 1_000_000
# Words that spread a sentence's count over a whole country: "across Syria", "across the
# country", "throughout the country", "all over the country", "nationwide" (the name after
# "across" must be a country's: "across Idlib province" is a province's). Not "in the
# country": "the Observatory, which monitors violence through sources in the country, said IS
# killed 270 at the Shaer gas field" is Homs's toll.
NATIONAL_SCOPE = re.compile(
    r"\b(?:across|throughout|all over) (?:the (?:whole |entire )?(?:country|nation)\b"
    r"|(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?))"
    r"|\b(?:nationwide|countrywide)\b"
)


# A count spread over the world ("65 million people are displaced worldwide", "across the
# globe"): no country's, whatever the article's main place (PolNeAR's UN story had put the
# world's displaced in the United States).
WORLDWIDE = re.compile(
    r"\b(?:worldwide|globally|world-wide)\b"
    r"|\b(?:around|across|throughout|all over) the (?:world|globe)\b",
    re.I,
)


def _placed_beside_the_world(ctx: _Context, span: Span) -> bool:
    """Whether a figure of a sentence that speaks of the world (:data:`WORLDWIDE`) keeps its
    own place: its clause (the governing verb's, without the clauses joined to it by "and")
    names no world, or names a place itself. Without a verb, as before: the sentence's place."""
    clause = _clause(span.root)
    if clause is None:
        return True
    verb = next(t for t in span.sent if t.i in clause and (t.head.i not in clause or t.head == t))
    joined = {
        t.i
        for c in verb.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
        for t in c.subtree
    }
    own = [t for t in span.sent if t.i in clause and t.i not in joined]
    if not WORLDWIDE.search(" ".join(t.text for t in own)):
        return True
    return any(ctx.label(t) in ("GPE", "LOC") for t in own)


def _national(reading: _Reading) -> bool:
    """Whether ``reading`` counts people displaced in the millions."""
    size = reading.value if reading.value is not None else reading.high
    return reading.category == "displaced" and size is not None and size >= NATIONAL_DISPLACED


def _span_text(span: Span) -> str:
    """``span.text``, cut from the article's text: spaCy joins a span's text token by token on
    every access, and the rules read a figure's sentence many times."""
    return text_of(span.doc)[span.start_char : span.end_char]


# How far before a name the words a rule looks for there may start (see _written_between).
_BEFORE_REACH = 80
_NO_WORD_BEFORE = re.compile(r"(?<![\w-])\Z")
_NO_LETTER_BEFORE = re.compile(r"(?<!\w)\Z")
_LETTER_BEFORE = re.compile(r"(?<=\w)\Z")
_NO_WORD_AFTER = re.compile(r"(?![\w-])")
_WORD_BOUNDARY = re.compile(r"\b")
_WEEKDAY_AFTER = re.compile(rf" (?:{WEEKDAY_PATTERN})\b", re.IGNORECASE)  # "Super Tuesday"
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|outside|across)\s+(?:the\s+)?\Z")


def _boundary_before(name: str) -> re.Pattern:
    """What ``\\b`` before ``name`` asks of the text up to it."""
    return _NO_LETTER_BEFORE if re.match(r"\w", name) else _LETTER_BEFORE


def _written_between(
    text: str, name: str, before: re.Pattern, after: re.Pattern, *, ignore_case: bool = True
) -> bool:
    """Whether ``text`` writes ``name`` (in any case, unless not ``ignore_case``) where
    ``before`` matches up to it (a pattern ending in ``\\Z``) and ``after`` matches from its
    end: the test of ``re.search(before + re.escape(name) + after)`` without compiling a
    pattern for each name (a new name's pattern compiled anew was 2 % of the extractors'
    time, the names of 200 articles overflowing ``re``'s cache)."""
    hay, needle = text, name
    if ignore_case:
        hay, needle = _same_length_lower(text), _same_length_lower(name)
    if not needle:
        return False
    i = hay.find(needle)
    while i != -1:
        if after.match(text, i + len(needle)) and before.search(text, max(0, i - _BEFORE_REACH), i):
            return True
        i = hay.find(needle, i + 1)
    return False


def _same_length_lower(text: str) -> str:
    """``text`` lower-cased, character for character (a letter whose lower case is longer,
    "İ", stays as written), so offsets in it are offsets in ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _national_scope(sent: Span) -> bool:
    """Whether ``sent`` spreads its count over a whole country (:data:`NATIONAL_SCOPE`)."""
    for m in NATIONAL_SCOPE.finditer(_span_text(sent)):
        name = m.group("name")
        if name is None or gazetteer.country(name) is not None:
            return True
        first = name.split()[0]
        if first != name and gazetteer.country(first) is not None:
            return True  # "across Syria Iraq …": the comma the FA-KES copies lost
    return False


# Words that tell an incident in the sentence before a toll that names no place ("a man set off
# explosives at an airport in Shanghai. Four people were slightly injured"), by lemma or as
# written.
EVENT_WORDS = (
    INCIDENT_NOUNS
    | KILLING_NOUNS
    | DISASTER_NOUNS
    | OFFENSIVE_NOUNS
    | {"explosive", "explosives", "shooting", "stabbing", "crash", "collision", "fire", "clash",
       "explode", "detonate", "shoot", "stab", "bomb", "attack", "strike", "hit"}
)  # fmt: skip


def _event_place_before(ctx: _Context, sent: Span) -> str | None:
    """The place of the incident the sentence before ``sent`` tells, when ``sent`` carries on
    its story: it names no place of its own, the two share a paragraph, and the one finer than
    a country that the one before ties to its event by a preposition of place ("… set off
    explosives in the check-in area at an airport in Shanghai. Four people were slightly
    injured"). That toll is of that incident, not of the article's main place (the story was
    Orlando's shooting: the four had been injured at Orlando). A place naming another event
    ("the Orlando shooting") or a time ("since the battle for Aleppo") is no answer; two towns
    named are none."""
    doc = sent.doc
    if sent.start == 0:
        return None

    def names_place(span: Span) -> bool:
        return any(
            span.start_char <= m.start < span.end_char and m.label in ("GPE", "LOC")
            for m in ctx.mentions
        )

    if names_place(sent):
        return None  # a place of its own (the caller's reading did not tie it: no answer here)
    if any(t.lower_ in OTHER_EVENT_WORDS for t in sent):
        return None  # "Another five people were killed in an air raid on …": another incident
    before = doc[sent.start - 1].sent
    while not names_place(before) and not _names_a_name_after(before) and before.start > 0:
        # a sentence between that names no place (a quotation, a reaction) still carries on
        # the story: "… the 2011 terrorist attacks in Benghazi … responded: "What difference
        # does it make?" Her critics cited it as evidence that she couldn't have cared less how
        # four Americans died" (the four had been New York's, the article's main place)
        before = doc[before.start - 1].sent
    if "\n\n" in ctx.text[before.start_char : sent.start_char]:
        return None  # another paragraph: another story
    events = [t for t in before if t.lemma_.lower() in EVENT_WORDS or t.lower_ in EVENT_WORDS]
    # the incident's words and the verbs they hang on ("set off explosives"): a place tied to
    # them, not to who reported it ("… air strikes in Syria the defence ministry in Moscow said")
    anchors = {t.i for t in events} | {t.head.i for t in events}
    towns, names = set(), set()
    for m in ctx.mentions:
        if not (before.start_char <= m.start < before.end_char and m.label in ("GPE", "LOC")):
            continue
        if gazetteer.country(m.name) is not None:
            continue
        named = doc.char_span(m.start, m.end, alignment_mode="expand")
        if named is None or _in_brackets(ctx.text, m.start, m.end):
            continue  # "Sen. Ron Johnson (R-Wis.)": an aside
        root = named.root
        if root.dep_ in MODIFIER_DEPS:
            continue  # "the Orlando shooting": which event, not where this one was
        if root.head.lower_ == "of" and _distance_before(root.head.head):
            continue  # "struck Jayrud 60 kilometres northeast of Damascus": where it is not
        towns.add(m.name)
        if root.dep_ != "pobj" or root.head.lower_ not in SENTENCE_PLACE_PREPOSITIONS:
            continue
        if any(a.lower_ in TIME_PREPOSITIONS for a in root.ancestors):
            continue
        if _reaches(root, anchors):
            names.add(m.name)
    # one town, tied to the incident: "struck Jayrud 60 kilometres northeast of Damascus" names
    # two, and which one the toll is of the preposition does not tell
    return names.pop() if len(names) == 1 and len(towns) == 1 else None


# Who does an incident: a town before one of these names the event it is of ("the Orlando
# shooter", "a Paris gunman").
ATTACKER_NOUNS = frozenset({
    "shooter", "shooters", "gunman", "gunmen", "attacker", "attackers", "bomber", "bombers",
    "killer", "killers", "assailant", "assailants", "hijacker", "hijackers",
})  # fmt: skip


def _event_named_by_place(ctx: _Context, sent: Span) -> str | None:
    """The one town (a place that is no country) ``sent`` uses to name an event or its doer,
    as a modifier of an event noun (:data:`DATED_EVENT_NOUNS`: "the Orlando nightclub attack")
    or of an attacker (:data:`ATTACKER_NOUNS`: "the Orlando shooter"), else None. A country
    there names who acted ("US airstrikes"), and two towns leave it open."""
    names = set()
    # its tagged places, and the cities the tagger missed ("the Tucson mall attack")
    written = [
        (m.name, m.start, m.end)
        for m in ctx.mentions
        if sent.start_char <= m.start < sent.end_char and m.label in ("GPE", "LOC")
    ] + [
        (name, start, start + len(name))
        for name, start in ctx.untagged_cities
        if sent.start_char <= start < sent.end_char
    ]
    for name, start, end in written:
        if gazetteer.country(name) is not None:
            continue
        named = ctx.doc.char_span(start, end, alignment_mode="expand")
        if named is None or named.root.dep_ not in MODIFIER_DEPS:
            continue
        # the nouns the name modifies, up its chain of compounds, and the words between it
        # and them ("Orlando shooter Omar Mateen", parsed flat: the shooter)
        head = named.root.head
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        if head.i < named.end:
            continue
        # only common nouns between ("the Orlando nightclub attack"), not another name or its
        # adjective ("Beirut Syrian government air strikes …": a dateline run into the story)
        for t in ctx.doc[named.end : head.i + 1]:
            if t.lower_ in ATTACKER_NOUNS or t.lemma_.lower() in DATED_EVENT_NOUNS:
                names.add(name)
                break
            if not t.is_lower:
                break
    return names.pop() if len(names) == 1 else None


def _names_a_name_after(sent: Span) -> bool:
    """Whether ``sent`` writes a proper name after a preposition of place, tagged or not ("a
    school in the town of Jisreen", where the tagger saw no place): it may name the place of
    the toll after it, so a toll does not reach past it for an earlier sentence's place."""
    return any(
        t.pos_ == "PROPN"
        and t.dep_ == "pobj"
        and t.head.lower_ in SENTENCE_PLACE_PREPOSITIONS | {"of"}
        for t in sent
    )


# Determiners that make an event noun point back to one told before ("the massacre", "that
# attack"), and words that make it another one.
BACK_DETERMINERS = frozenset({"the", "that", "this"})
OTHER_EVENT_WORDS = frozenset({"another", "other", "elsewhere", "separately", "separate"})


def _event_antecedent(ctx: _Context, sent: Span) -> str | None:
    """The town of the event a definite event noun of ``sent`` points back to ("the massacre
    that killed 49", "the Dec. 2 attack that left 14 people dead"), when the sentence names no
    place: the nearest event told earlier in the article with a town tied to it, as its
    modifier ("the San Bernardino shooting rampage") or after a preposition of place ("the
    mass shooting in Orlando"). The article's most-mentioned place is often another country's
    (a story on airstrikes in Iraq and Syria had filed the Orlando massacre's dead in Iraq).
    None when the nearest such sentence ties two towns to its events, or ``sent`` tells
    another event ("another attack")."""
    if any(t.lower_ in OTHER_EVENT_WORDS for t in sent):
        return None
    if not any(
        t.pos_ == "NOUN"
        and (t.lemma_.lower() in DATED_EVENT_NOUNS or t.lower_ in DATED_EVENT_NOUNS)
        and any(c.dep_ == "det" and c.lower_ in BACK_DETERMINERS for c in t.children)
        for t in sent
    ):
        return None
    written = [
        (m.name, m.start, m.end)
        for m in ctx.mentions
        if m.start < sent.start_char and m.label in ("GPE", "LOC")
    ] + [(name, start, start + len(name)) for name, start in ctx.untagged_cities]
    found: dict[int, set[str]] = {}  # sentence start → towns tied to its events
    for name, start, end in sorted(written, key=lambda w: -w[1]):
        if start >= sent.start_char or gazetteer.country(name) is not None:
            continue
        if found and start < max(found):
            break  # an earlier sentence than the nearest one found
        if _in_brackets(ctx.text, start, end):
            continue  # "Sen. Ron Johnson (R-Wis.)": an aside, not where anything happened
        named = ctx.doc.char_span(start, end, alignment_mode="expand")
        if named is not None and _tied_to_event(named):
            found.setdefault(named.sent.start, set()).add(_without_region_noun(name))
    if not found:
        return None
    towns = found[max(found)]
    if len(towns) == 1:
        town = next(iter(towns))
        inner = ctx.incident_place
        if inner and inner != town and _lies_in(inner, town):
            return inner  # "the attack in Idlib province": the article's Khan Sheikhun, finer
        return town
    # "attacks on pubs in Guildford and Woolwich": no one town, but the region (a known one),
    # else the country, that they all lie in
    where = [geo.locate(town) for town in towns]
    if any(w is None or not w.country for w in where):
        return None
    regions = {w.region for w in where}
    region = regions.pop() if len(regions) == 1 else None
    if region and gazetteer.place(region) is not None:
        return region
    codes = {w.country for w in where}
    country = gazetteer.country_of_code(codes.pop()) if len(codes) == 1 else None
    return country.name if country is not None else None


def _event_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and (
        tok.lemma_.lower() in DATED_EVENT_NOUNS or tok.lower_ in DATED_EVENT_NOUNS
    )


# Nouns a place's name is written before to say what kind of place it is ("Homs province",
# "Aleppo city"), not a smaller place in it ("an Idlib village").
REGION_NOUNS = frozenset({"province", "governorate", "city", "region", "county", "state"})


def _lies_in(town: str, province: str) -> bool:
    """Whether ``town`` lies in the province named ``province`` (the village table, else the
    province the gazetteer gives the town: "Khan Sheikhun" is Idlib's)."""
    if gazetteer.village_in(town, province):
        return True
    where = geo.locate(town)
    return (
        where is not None
        and bool(where.region)
        and where.name != province
        and gazetteer.fold(where.region) == gazetteer.fold(province)
    )


def _without_region_noun(name: str) -> str:
    """``name`` without a last word of :data:`REGION_NOUNS` when the rest is a known place
    ("Homs province" → Homs, the name the gazetteer and the map know)."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in REGION_NOUNS:
        rest = " ".join(words[:-1])
        if gazetteer.place(rest) is not None:
            return rest
    return name


def _tied_to_event(named: Span) -> bool:
    """Whether the place name ``named`` names an event's town: a modifier of an event noun or
    of its doer, with only common nouns between ("the Orlando nightclub attack", "the San
    Bernardino shooting rampage", "the San Bernardino shooter"), or the object of "in", "at"
    or "on" hung on an event noun ("the mass shooting in Orlando"; in a phrase of time too:
    "after the mass shooting in Orlando" is the event a later "the massacre" is)."""
    root = named.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "in Guildford and Woolwich": each town of the pair
    if root.dep_ in MODIFIER_DEPS and root.head.lower_ in REGION_NOUNS:
        root = root.head  # "in Homs province": the province's phrase (not "an Idlib village")
    if root.dep_ in MODIFIER_DEPS:
        head = root.head
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        if head.i < named.end:
            return False
        for t in named.doc[named.end : head.i + 1]:
            if _event_noun(t) or t.lower_ in ATTACKER_NOUNS:
                return True
            if not t.is_lower:
                return False
        return False
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "on"):
        held = root.head.head
        if _event_noun(held):
            return True
        # what the event struck, and where that is: "bomb attacks on pubs in Guildford",
        # "missiles struck an airbase in Homs province"
        if held.dep_ == "pobj" and held.head.lower_ in ("on", "at") and _event_noun(held.head.head):
            return True
        return held.dep_ == "dobj" and held.head.lemma_.lower() in STRUCK_PLACE_VERBS
    return False


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``–``end`` stands inside round brackets with few words
    ("(R-Wis.)", "(Ohio)"): an aside."""
    before = text[max(0, start - 8) : start]
    return "(" in before and ")" not in before[before.rfind("(") :] and ")" in text[end : end + 3]


def _reaches(tok: Token, anchors: set[int]) -> bool:
    """Whether ``tok``'s chain of heads reaches one of ``anchors`` before a claim verb."""
    for a in tok.ancestors:
        if a.i in anchors:
            return True
        if a.lemma_.lower() in CLAIM_VERBS:
            return False
    return False


def _only_town_named(ctx: _Context, sent: Span) -> str | None:
    """The one place finer than a country that ``sent`` names (its tagged mentions), else None
    (none, or several: which one a count is of, the parse did not say), and not in a phrase that
    dates the count (:data:`TIME_PREPOSITIONS`)."""
    names = set()
    for m in ctx.mentions:
        if not (sent.start_char <= m.start < sent.end_char and m.label in ("GPE", "LOC")):
            continue
        if gazetteer.country(m.name) is not None:
            continue
        named = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if named is not None and any(a.lower_ in TIME_PREPOSITIONS for a in named.root.ancestors):
            continue  # "the worst fighting since the battle for Aleppo": a time's mark
        if named is not None and _acting(named.root):
            continue  # "the US accused Damascus of that attack": a government, not a place
        names.add(m.name)
    return names.pop() if len(names) == 1 else None


# Nouns that, after "the" or "same" and with no name, point back to the article's place ("in the
# capital", "the same neighbourhood", "the besieged suburb", "in the same square", "near the
# shrine"); not "the country", a country's.
BACK_PLACE_NOUNS = PLACE_NOUNS | PLACE_FACILITY_NOUNS | {"capital"}


def _points_back(sent: Span) -> bool:
    """Whether ``sent`` names a place by a definite noun of :data:`BACK_PLACE_NOUNS` with no
    name of its own ("a police station in the capital", not "in a northern village")."""
    return any(
        tok.lower_ in BACK_PLACE_NOUNS
        and any(c.lower_ in ("the", "same") for c in tok.children)
        and not any(
            c.dep_ in MODIFIER_NAME_DEPS | {"prep", "appos"} and c.pos_ in ("PROPN", "ADP")
            for c in tok.children
        )  # "the village of Kafr Tamim", "the Midan district": a name of its own
        for tok in sent
    )


def _disaster_over_a_region(ctx: _Context, sent: Span, place: str | None) -> bool:
    """Whether ``sent`` counts the toll of a natural disaster (:data:`DISASTER_NOUNS`) in a
    region of the country ``place``, written after a compass word ("floods in central
    Mozambique", "the quake in eastern Turkey")."""
    if place is None or gazetteer.country(place) is None:
        return False
    if not any(t.lower_ in DISASTER_NOUNS for t in sent):
        return False
    doc = sent.doc
    for tok in sent[:-1]:
        if tok.lower_ in COMPASS_WORDS:
            after = doc[tok.i + 1]
            if place in (after.text, ctx.name(after)):
                return True
    return False


def _incident_place(places: list[str]) -> str | None:
    """Where the article's incidents happen: its main place, or when that is a country, the
    most-mentioned place inside it ("Syria" 5 times, "Aleppo" 3 times → Aleppo)."""
    if not places or gazetteer.country(places[0]) is None:
        return places[0] if places else None
    code = gazetteer.country(places[0]).country
    for name in places[1:]:
        if gazetteer.country(name) is None and _country_of(name) == code:
            return name
    return places[0]


def _country_of(name: str) -> str | None:
    """The country code of a name already taken to be a place (a tagged place mention): a city,
    else a town, else a village ("Ras al-Ain", "Armanaz") — the weaker tables are safe here
    because the text itself says it is a place."""
    known = gazetteer.place(name) or gazetteer.town(name) or gazetteer.village(name)
    if known is not None and known.country:
        return known.country
    # an area of a country no table holds as a place ("Eastern Ghouta"), drawn on the map
    where = geo.locate(name)
    return where.country if where is not None else None


class _Reading:
    __slots__ = (
        "value", "low", "high", "unit", "unit_token", "category", "subject", "location",
        "inherited", "place_borrowed", "admitted", "sentence_placed",
    )  # fmt: skip

    def __init__(self, **kw) -> None:
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


# -- reading one number ----------------------------------------------------------------------
def _read(
    ctx: _Context, span: Span, match: numbers.NumberMatch, previous: dict[int, _Reading]
) -> _Reading | None:
    parsed = match.parsed
    root = span.root
    # "three days", "2011", "the first phase": spaCy's NER agrees it is a date or an ordinal
    # (unless it plainly counts people: "2000 people" tagged DATE).
    date_like = any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") for t in span)
    tail = _noun_after(span)
    if (
        date_like
        and parsed.kind == "number"
        and not _counts_people(root)
        and not (tail is not None and (tail.lower_ in PEOPLE_NOUNS or tail.lower_ in TROOP_NOUNS))
        and not _toll_after_dateline(span)
        and _listed_place(root) is None  # "… 67 in Saqba 61 in Douma": a count, as its neighbours
    ):
        return None
    value, low, high = parsed.value, parsed.low, parsed.high
    # (the noun after the phrase only where the tagger's date took the number's root away: "an
    # estimated 1500 people remain" is read from its own root, as it always was)
    audience = _audience_label(span)
    noun = None if audience is not None else _counted_noun(root) or (tail if date_like else None)
    audience = audience or (_audience_of(root) if noun is None else None)
    noun = noun or audience  # "an audience of 6.3 million": the audience is counted
    if span[-1].text in numbers.CURRENCY_ONLY_SUFFIXES:
        # "900m Canadian dollars": spaCy splits the "m" off and parses it as a verb or a name,
        # which takes the currency's name away from the number; the name read as written is
        # what it counts (analysis.numbers read the "m" as millions only before one)
        noun = _currency_word_after(span) or noun
    if noun is not None and noun.lower_ in THRESHOLD_NOUNS:
        noun = None  # "topped the 100,000 mark": the mark is no unit, what passed it is
    if noun is not None and noun.lemma_.lower() in numbers.TIME_UNITS | {"time", "times"}:
        if parsed.kind != "money":
            return None  # a duration or a frequency, not a count
        noun = None  # "cost the economy £2bn a year": the sum's period, no duration
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.lower_ in ("times", "fold"):
        return None  # a multiplier ("10 times faster"), whatever noun the parse hung it on
    if noun is not None and noun.lower_ in ("year", "years") or _is_age(root):
        return None
    if span[0].tag_ == "LS" and span.end < len(span.doc) and span.doc[span.end].text in (".", ")"):
        return None  # "5. ELEVEN POLICE KILLED": a list's item number
    if noun is None and _parent_of(root):
        return None  # "Scott, a father of seven": who he was, no count the news reports
    if _family_size(root, noun):
        return None  # "two of his six children": his family, no count the news reports
    if _told_in_a_work(root):
        return None  # "the film follows three children": a story's characters, no news count
    if parsed.kind == "fraction" and _ordinal_or_duration(span):
        return None  # "occupied a third tier", "in little more than half an hour"
    if noun is not None and _whose(noun, root):
        return None
    if match.year_like and (noun is None or root.dep_ != "nummod" or _dated(span)):
        return None
    if noun is None and _early_year(span):
        return None  # "converted to Islam in 611": a year of long ago, no count of anything
    if parsed.kind == "fraction":
        value, low, high = (None if v is None else round(v * 100, 4) for v in (value, low, high))
    if parsed.vague:
        # "dozens", "millions": the words give a lower bound (24, 2 million) and nothing more;
        # an upper bound (or a midpoint) would be a number nobody reported.
        value, high = None, None
    reading = _Reading(value=value, low=low, high=high, unit_token=noun, inherited=False)
    prior_location = None
    unit = _unit_text(noun) if noun is not None else None
    if audience is not None:
        # the audience, not its "disappointing" or "prime-time"; a label's word ("Att") as the
        # noun it stands for
        unit = AUDIENCE_LABELS.get(audience.lower_) or audience.lemma_.lower()
    # "had given a death toll of 17": a toll counts the dead, whoever they were; it borrows no
    # victims class from an earlier noun.
    if noun is None and parsed.kind == "number" and not _toll_number(root) and not _margin(span):
        unit, prior_location = _borrow_unit(ctx, span, previous, reading, unit)
    if parsed.kind in ("percent", "fraction"):
        unit = "%"
    elif parsed.kind == "money":
        unit = parsed.currency or unit
    elif unit is not None and unit.lower() in numbers.CURRENCY_WORDS:
        # "billions of dollars", "millions of pounds": a vague number is no money phrase of its
        # own, but the bare currency word is the currency "5 million dollars" and "$" stand
        # for (USD; there is no per-article default to take instead), so the store holds one
        # unit per currency. "Syrian pounds" (a nationality names another currency) is that
        # currency's code already (_currency_unit).
        unit = numbers.CURRENCY_WORDS[unit.lower()]
    reading.unit = unit
    category = _category(ctx, span, root, noun, parsed.kind, unit, reading)
    if category == "displaced" or category is not None and _left_object(span, noun):
        # "leave" with the state it left them in: dead, wounded or missing ("left 35 people
        # dead"); "leave" alone says nothing of people left (see _left_home)
        category = _left_in_state(span, noun) or category
    if category is None:
        return None
    if category in MONEY_CATEGORIES and unit is not None and not _currency_unit_text(unit):
        # "two schemes …, which can cost households thousands": a sum borrows no unit from a
        # count of things (it had been money in "schemes")
        unit = reading.unit = None
    if category == "money":
        if _supposed(span, root):
            return None  # a supposed sum: no money anyone paid, raised or was given
        if _price_or_rate(span, root):
            category = "price"
    if category in ("money", "other") and _exchange_rate(span):
        # "trading at 1,893 to the US dollar", "$1.30 against the euro": one currency's price in
        # another, no count of anything nor a sum anyone paid
        category = "price"
    admitting = _admitting(root, noun) if category == "displaced" else None
    if admitting is not None:
        # "its goal of accepting 10,000 refugees from Syria": a country's intake of people
        # displaced elsewhere, no displacement where they are counted (PolNeAR: the US's
        # 10,000 had been people displaced in Syria)
        category = "people"
    if category == "people" and _workforce(root, noun):
        # "the farm, which employs 300 workers": a firm's staff, no people the news is about
        # (the figure had been drawn as people at the farm's province)
        category = "other"
    if category == "troops" and noun is not None and any(_model_code(c) for c in noun.lefts):
        category = "other"  # "30 F-16 fighters": aircraft of a model, no fighting men
    if category in PEOPLE_CATEGORIES and category != "people" and _asked(noun):
        # "more than a dozen militants interviewed reported …": people asked, a sample of them;
        # no force's size (it had been troops claimed by the militants), toll or displacement
        category = "people"
    no_toll = _no_toll(root, noun) if category == "killed" else None
    if no_toll:
        # "45 million children will die before 2015" (a forecast, as "could face" and "at risk"
        # are), "convicted of killing two of her babies" (a court's charge): people the news is
        # about, no toll of the dead
        category = "people"
    if category == "people" and (no_toll in ("to come", "charged") or _foretold(root, noun)):
        # a forecast ("up to 50,000 more people could die", "1,000 jobs … 300 staff will go")
        # or a court's charge is placed where its own sentence says, or nowhere: the story's
        # main place is no answer (a charity's forecast of deaths had been the United States',
        # the country its story named most)
        reading.sentence_placed = True
    if category == "people" and _by_what_they_do(noun) and not ctx.opening_tells_harm:
        # "three former executives", "15 million customers", "eight reggae artists": people of
        # a firm, a trade or a contest, as a firm's staff are (_workforce). Outside a story of
        # an incident they are where their sentence says or nowhere: the story's main place is
        # no answer (BBC: it had put a firm's executives in "Foodservice" and a singer's
        # fellow artists in "Sizzla", names the tagger took for places)
        reading.sentence_placed = True
    if category == "killed" and _dead_and_wounded(span, noun):
        category = "people"  # "lost over 6,000 dead and wounded": casualties, no toll of the dead
    if category in PEOPLE_CATEGORIES and _fractional(value):
        # People come whole: "clocking 7.37 which left her in third place" is a time, not 7.37
        # people displaced ("1.5 million" is a whole number by then)
        category = "other"
    if category in ("other", "people") and span.text.lower() in ("one", "a", "an"):
        return None  # "one of his most direct attacks": "one" counts nothing reportable
    if category == "displaced" and span.text.lower() in ("one", "a", "an"):
        # one person fleeing or carried away is someone the story describes ("… evacuate the
        # injured with one man in a thick beanie hat carrying a wailing child"), not a count
        # of the displaced, which are crowds ("1 displaced" in digits is still read)
        return None
    if span[-1].lower_ == "one" and _one_for_someone(span, noun, category):
        return None  # "For one, …", "a hopeful one", "one of his advisers said"
    if category in CASUALTY_CATEGORIES and noun is None and unit and not _names_people(unit):
        # "a war that has killed more than 290000" borrowed "arms depots" from the sentence
        # before: whoever was killed, they were no arms depots (nor "tonnes", nor "rockets")
        reading.unit = None
    if category in CASUALTY_CATEGORIES and noun is not None and noun.lower_ in PLACE_NOUNS:
        # a count of places is no toll: "Six Killed … as Evacuation of 4 Syrian Towns Resumes"
        # (a headline's capitals had made the towns its dead)
        category = "other"
    # A small bare number with nothing counted ("Article 5", "won 1-0") says nothing useful.
    small = parsed.value is not None and parsed.value < 10 or match.year_like
    bare = category == "other" and noun is None and parsed.kind == "number"
    if bare and not parsed.approximate and small:
        return None
    reading.category = category
    if reading.subject is None:
        reading.subject = _subject(ctx, root, noun)
    if reading.subject is None and category == "territory_share":
        reading.subject = _holder(ctx, root)
    # The place of the figure's own clause or sentence first; only then the place of the
    # sentence it borrowed its noun from (the article's main place is the caller's last resort).
    own = _location(ctx, root, noun, category) if admitting is None else None
    if admitting is not None:
        # where they are taken in, as the sentence says ("into Germany"), else nowhere: "from
        # Syria" is where they came from, and the article's place is no better answer
        reading.admitted = True
        own = _destination(ctx, admitting, noun if noun is not None else root)
    elif own is None and category not in UNPLACED_CATEGORIES:
        # a count of people "in the city" (no name): the town just named, not the article's
        # (money and counts of things stay where their sentence says, or nowhere); else the
        # city the people counted are named after ("The 29 New Yorkers wounded by a bomb")
        own = _the_city(ctx, span.sent) or _city_of_demonym(noun)
    reading.location = own or prior_location
    reading.place_borrowed = own is None and prior_location is not None
    return reading


# Verbs of a country taking people in ("accepting 10,000 refugees", "resettle 85,000"), and those
# that do with "in"/"into" ("take in 250,000 Syrian refugees", "allow 1 million refugees into
# Germany"); nouns of such an intake ("a cap of 10,000 refugees").
ADMITTING_VERBS = frozenset({"admit", "accept", "resettle", "welcome", "vet"})
INTAKE_VERBS = frozenset({"take", "bring", "let", "allow"})
INTAKE_PREPOSITIONS = frozenset({"in", "into", "to"})
ADMISSION_NOUNS = frozenset(
    {"quota", "cap", "ceiling", "limit", "intake", "admission", "resettlement"}
)


def _admitting(root: Token, noun: Token | None) -> Token | None:
    """The word of a country admitting the displaced people counted (:data:`ADMITTING_VERBS`,
    :data:`INTAKE_VERBS` with "in"/"into", :data:`ADMISSION_NOUNS`), else None."""
    tok = noun if noun is not None else root
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        if lemma in ADMITTING_VERBS:
            return head
        if lemma in INTAKE_VERBS and any(
            c.lower_ in INTAKE_PREPOSITIONS and c.dep_ in ("prt", "prep")
            for c in (*head.children, *tok.children)
        ):
            return head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ADMISSION_NOUNS:
        return head.head
    return None


def _destination(ctx: _Context, admitting: Token, counted: Token) -> str | None:
    """The place people are admitted to, as ``admitting`` or the ``counted`` noun takes it
    ("into Germany", "resettled in Canada"), else the country admitting them ("the U.S. had
    accepted 11,491 Syrian refugees"), else None."""
    for word in (admitting, counted):
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ not in INTAKE_PREPOSITIONS:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and _is_place(ctx, pobj):
                    return _known(ctx, pobj, ctx.name(pobj))
    if admitting.pos_ == "VERB":
        for child in admitting.children:
            if child.dep_ == "nsubj" and ctx.label(child) == "GPE":
                known = gazetteer.country(ctx.name(child))
                if known is not None:
                    return known.name
    return None


# The categories that count people.
PEOPLE_CATEGORIES = frozenset({*CASUALTY_CATEGORIES, "displaced", "remaining", "troops", "people"})


def _names_people(unit: str) -> bool:
    """Whether the head word of a unit ``unit`` names people ("civilians", "fighters",
    "Daesh terrorists"), as :func:`_category` judges a noun."""
    words = unit.split()
    if not words:
        return False  # a space token ("Six Nations\n\n…"): no word, no people
    head = words[-1].lower()
    return (
        head in PEOPLE_NOUNS
        or head in TROOP_NOUNS
        or head in ("member", "members")
        or PEOPLE_ENDINGS.search(head) is not None
    )


def _part_of_a_count(number: Token, noun: Token | None) -> bool:
    """Whether the count is a part of the count before it ("killed 38 civilians including 14
    children"): a bare number after it ("and wounded another 250") counts what the whole
    counted, not the part (the 250 wounded were read as children)."""
    head = noun if noun is not None else number
    while head.dep_ == "conj" and head.head.i != head.i:  # "including a woman and two children"
        head = head.head
    prep = head.head if head.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("including", "among")


def _fractional(value: float | None) -> bool:
    return value is not None and value != int(value)


# Groups that say whose the people counted were ("seven civilians from one family")
KIN_GROUPS = frozenset({"family", "household", "clan", "tribe"})
PERSONS_POS = frozenset({"NOUN", "PROPN", "PRON"})


def _whose(noun: Token, number: Token) -> bool:
    """ "seven civilians from one family", "five members of two families": the families say
    whose the dead were, they are no toll of their own (the real store had "1 killed" beside
    every such toll). "Hundreds of families" (the ``number`` itself) counts them."""
    prep = noun.head
    return (
        noun.lemma_.lower() in KIN_GROUPS
        and noun.dep_ == "pobj"
        and prep.head.i != number.i
        # "from" hung on the verb too ("killed seven civilians from one family")
        and (prep.lower_ == "from" or prep.lower_ == "of" and prep.head.pos_ in PERSONS_POS)
    )


def _toll_after_dateline(span: Span) -> bool:
    """ "2 October 2016 Three killed including 2 women": a headline's count right after its
    dateline's year, which the NER runs into the date, followed by a casualty word."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (
        before is not None
        and after is not None
        and before.like_num
        and len(before.text) == 4
        and span[0].is_alpha  # a word: "Three", not "2016 3"
        and _state_word(after) is not None
    )


def _borrow_unit(
    ctx: _Context, span: Span, previous: dict[int, _Reading], reading: _Reading, unit: str | None
) -> tuple[str | None, str | None]:
    """A bare number borrows what it counts: from the figure before it in its sentence (or the
    previous sentence) — unit, subject and place — or else from the nearest people noun.
    Returns (unit, the borrowed place); sets ``reading.inherited`` and its subject."""
    sent = span.sent
    prior = previous.get(sent.start) or _prior_in_previous_sentence(previous, sent)
    if (
        prior is not None
        and prior.category == "other"
        and _state_word(span.root.head) is not None
        and _nearest_people_noun(span) is not None
    ):
        # "16 civilians were killed in four air strikes while 25 were wounded": the wounded
        # are people, not the air strikes counted in between
        prior = None
    prior_noun = _nearest_people_noun(span) if prior is None else None
    if prior is not None:
        reading.inherited = True
        # "Unison's 800,000 workers, the GMB's 70,000": the unit is borrowed, the owner is the
        # one written before the number
        reading.subject = _possessor_before(ctx, span) or prior.subject
        return prior.unit, prior.location
    if prior_noun is not None:
        reading.inherited = True
        reading.subject = _subject(ctx, prior_noun, prior_noun)
        return _unit_text(prior_noun), None
    return unit, None


# Nouns of a margin between two sides ("a majority of 14", "a lead of 3"): the number is the
# gap, no count of the people or things named nearby (it had borrowed "MPs").
MARGIN_NOUNS = lexicon.words("margin_nouns")


def _margin(span: Span) -> bool:
    """Whether the number is the gap a margin noun is "of" ("won with a majority of 31"), read
    from the words before it (the parse may hang "a majority of 161 to 20" on the 20)."""
    k = span.start
    doc = span.doc
    return k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lemma_.lower() in MARGIN_NOUNS


def _possessor_before(ctx: _Context, span: Span) -> str | None:
    """The actor named with a possessive mark right before the number ("the GMB's 70,000",
    "Amicus' 20,000"), else None."""
    doc = span.doc
    k = span.start - 1
    if k < 1 or doc[k].tag_ != "POS":
        return None
    owner = doc[k - 1]
    return ctx.name(owner) if ctx.label(owner) in ACTOR_LABELS else None


MONTH_WORDS = lexicon.words("months")


# The words a year follows as a bare number ("in 611", "since 1453"); an early year (before 1800,
# which :mod:`analysis.numbers` keeps as a count) is read only after one of them.
EARLY_YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "till", "before", "after", "circa"})


def _early_year(span: Span) -> bool:
    """A year before 1800 written as a bare number after "in"/"since"/… with nothing counted
    ("converted to Islam in 611", "founded in 1453"): :mod:`analysis.numbers` keeps only 1800-2099
    as years. Not a rate ("one in 200": a number before "in") nor a number with a comma."""
    if len(span) != 1 or not re.fullmatch(r"[1-9]\d{2,3}", span.text) or int(span.text) >= 1800:
        return False
    tok = span[0]
    if tok.i == 0 or tok.dep_ != "pobj":
        return False
    prep = tok.doc[tok.i - 1]
    return (
        prep.lower_ in EARLY_YEAR_PREPOSITIONS
        and prep.i == tok.head.i
        and not (prep.i > 0 and prep.nbor(-1).like_num)
    )


def _dated(span: Span) -> bool:
    """A year after a month ("Published September 21 2016 Five medics were killed"): a date
    line run into the lede, whatever noun the parser hangs the year on."""
    before = span.doc[max(span.start - 2, span.sent.start) : span.start]
    return any(t.lower_.rstrip(".") in MONTH_WORDS for t in before)


PERSONAL_PRONOUNS = frozenset({"i", "he", "she", "you"})


def _is_age(root: Token) -> bool:
    if root.head.lower_ in ("aged", "age"):
        return True
    # "when he was 12", "since Obama was 19": a bare number a person is, is their age
    if root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be" and not list(root.children):
        subjects = [c for c in root.head.children if c.dep_ == "nsubj"]
        if subjects and (
            subjects[0].lower_ in PERSONAL_PRONOUNS or subjects[0].ent_type_ == "PERSON"
        ):
            return True
    # "has died in Germany at 50", "who died at 83": the age one died at, not a toll
    prep = root.head if root.dep_ == "pobj" and root.head.lower_ == "at" else None
    if prep is not None and prep.head.lemma_.lower() == "die" and not list(root.children):
        return True
    return any(c.lower_ == "old" for c in root.head.children) and root.head.lower_ in (
        "years",
        "year",
    )


# "a father of seven", "a mother of three": the children a person has, said to describe them
PARENT_NOUNS = frozenset({"father", "mother", "parent", "grandfather", "grandmother"})


def _parent_of(root: Token) -> bool:
    """A bare number after "a father of" / "a mother of": describes a person, counts nothing the
    story reports (the dead man's seven children had been a toll of seven killed)."""
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in PARENT_NOUNS
    )


# -- money that is no sum the news reports ------------------------------------------------------
# A sum a sentence supposes: in a condition on anyone ("if you earn $100,000 a year", "if a
# family saves $40,000"; not "unless Ford cancels a $2.5 billion investment"), after "Let's say" or
# "Suppose", or told to a generic "you" with a modal or a "not" ("you'd need to put aside $115",
# "you don't have to come up with a quarter of a million dollars"). Advice and examples, not
# money anyone paid, raised or was given: a college-savings column's supposed sums had been the
# money headline of PolNeAR's 924 articles.
SUPPOSING_OPENER = re.compile(
    r"^\W*(?:let[’']?s say|let us say|say|suppose|supposing|imagine|assume)\b", re.IGNORECASE
)
SUPPOSING_MARKS = frozenset({"if", "unless"})
WHETHER_VERBS = frozenset({"ask", "know", "see", "wonder", "check", "decide", "determine", "say"})
GENERIC_YOU_AUX = frozenset({"would", "'d", "’d", "could", "might", "should"})
# A price of one thing or a rate ("a bag of bread costs 500 pounds", "the price of bread rose to
# 500 pounds", "$12 an hour", "$5 per kilo", "$100,000 each"): category "price", no headline
# (analysis.summaries.CATCH_ALL), as prices of unlike goods are unlike things; a bread price had
# been FA-KES's money headline. A sum "a year" is a salary or a budget and stays money.
PRICE_NOUNS = frozenset({"price", "fare"})
RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
RATE_NOUNS = (
    MEASURE_UNITS
    | (numbers.TIME_UNITS - {"year", "years", "decade", "decades", "century", "centuries"})
    | {"head", "person", "piece", "unit", "kilo", "loaf", "bag", "gallon", "ticket", "share"}
    | {"barrel", "ounce", "night", "dose", "meal", "seat", "pack", "bottle", "litre", "liter"}
)
# A sum written before one of these is a rate or the price of one thing, not a sum spent or
# raised: "a $15 minimum wage", "the $2 fare", "a $50 ticket".
PRICED_NOUNS = frozenset({"wage", "fare", "price", "ticket", "salary", "toll"})
# Verbs of buying: a sum paid "for a passport" is the price of one thing.
BUYING_VERBS = frozenset({"pay", "charge", "cost", "sell", "buy", "fetch"})
SINGLE_DETERMINERS = frozenset({"a", "an", "one", "each", "every", "per"})


def _supposed(span: Span, root: Token) -> bool:
    """A sum the sentence only supposes (:data:`SUPPOSING_OPENER`): inside an "if"/"unless"
    condition on nobody in particular (:func:`_anyone`), or in a clause whose subject is a
    generic "you" with a modal or a "not"."""
    if SUPPOSING_OPENER.match(_span_text(span.sent)):
        return True
    tok = root
    while tok.head.i != tok.i:
        tok = tok.head
        kids = list(tok.children)
        if (
            tok.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in SUPPOSING_MARKS for c in kids)
            # not a question's "if" ("unclear if it paid $5 million", "asked if it paid …")
            and tok.head.pos_ != "ADJ"
            and not any(c.dep_ == "acomp" for c in tok.head.children)
            and tok.head.lemma_.lower() not in WHETHER_VERBS
            and any(c.dep_ in ("nsubj", "nsubjpass") and _anyone(c) for c in kids)
        ):
            return True
        if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in kids) and any(
            c.dep_ == "aux" and c.lower_ in GENERIC_YOU_AUX or c.dep_ == "neg" for c in kids
        ):
            return True
    return False


def _anyone(subject: Token) -> bool:
    """A subject that is nobody in particular: "you", "one", "a family", "any buyer" (a
    condition on a named one is news: "unless Ford cancels a $2.5 billion investment")."""
    if subject.lower_ in ("you", "one"):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in subject.children)


def _price_or_rate(span: Span, root: Token) -> bool:
    """A price of one thing or a rate, not a sum (:data:`PRICE_NOUNS`, :data:`RATE_WORDS`)."""
    return (
        _rate_after(span)
        or _price_of_one(root)
        or _priced_noun(root)
        or _paid_for_one(span)
        or _share_price(root)
    )


# Nouns of a company's shares, whose level "to"/"at" a sum is one share's price (by lemma).
SHARE_NOUNS = frozenset({"share", "stock"})
# How the clause a share price is told in may hang under the verb whose subject the shares are
# ("fell $12.33 to close at $172.55", "rose … before rallying to 2.20 Canadian dollars").
SHARE_CLAUSE_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp"})


def _share_price(root: Token) -> bool:
    """The sum is the level shares reached or stood at ("Fiat's shares rose 4.5% to 6.2 euros",
    "shares in MCI were up 2.4% at $20.15"): one share's price, not a sum anyone paid."""
    tok = root
    while tok.dep_ in ("nummod", "quantmod", "compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("to", "at", "from"):
        return False
    tok = tok.head
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # (not "valued at": a firm's worth, the parse may give it the shares for a subject)
            return subjects[0].lemma_.lower() in SHARE_NOUNS and tok.lemma_.lower() != "value"
        if tok.dep_ not in SHARE_CLAUSE_DEPS:
            break
    return False


def _priced_noun(root: Token) -> bool:
    """The sum describes a wage, a fare or a ticket ("a $15 minimum wage", :data:`PRICED_NOUNS`)."""
    tok = root
    while tok.dep_ in ("nummod", "quantmod", "compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i != root.i and tok.pos_ == "NOUN" and tok.lemma_.lower() in PRICED_NOUNS


def _paid_for_one(span: Span) -> bool:
    """ "pay £85 for a passport", "sold for $600 each": a verb of buying (:data:`BUYING_VERBS`)
    and "for a/an/one/each <noun>" right after the sum: what one thing costs."""
    doc = span.doc
    after = doc[span.end : span.end + 3]
    if len(after) < 3 or after[0].lower_ != "for" or after[1].lower_ not in SINGLE_DETERMINERS:
        return False
    if after[2].pos_ != "NOUN" or after[2].sent.start != span.sent.start:
        return False
    tok = span.root
    for _ in range(4):
        if tok.pos_ == "VERB":
            return tok.lemma_.lower() in BUYING_VERBS
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _rate_after(span: Span) -> bool:
    """ "$12 an hour", "$12-an-hour", "500 pounds per kilo", "$100,000 each": the words after
    the sum (past its currency's words) make it an amount per unit."""
    doc = span.doc
    i = span.end
    while (
        i < len(doc)
        and i < span.end + 3
        and (
            doc[i].text in ("-", "–")
            or doc[i].lower_ in CURRENCY_HEADS
            or doc[i].pos_ in ("ADJ", "PROPN")
            and doc[i].text[:1].isupper()  # "Syrian pounds"
        )
    ):
        i += 1
    if i >= len(doc) or doc[i].sent.start != span.sent.start:
        return False
    word = doc[i].lower_
    if word in ("apiece", "each") and (i + 1 >= len(doc) or doc[i + 1].pos_ != "NOUN"):
        return True
    j = i + 1
    while j < len(doc) and doc[j].text in ("-", "–"):
        j += 1
    if word not in RATE_WORDS or j >= len(doc):
        return False
    return word == "per" or doc[j].lemma_.lower() in RATE_NOUNS or doc[j].lower_ in RATE_NOUNS


# The words after an exchange rate ("1,893 to the US dollar", "8.30 against the euro", "100
# rupees per dollar"), up to the currency it is priced in.
EXCHANGE_PREPOSITIONS = frozenset({"to", "against", "per"})
EXCHANGE_DETERMINERS = frozenset({"the", "one", "a", "each"})


def _exchange_rate(span: Span) -> bool:
    """Whether the number is an exchange rate: "to"/"against"/"per" right after it, then a
    currency word (:data:`numbers.CURRENCY_WORDS`, "greenback"), past a determiner and a
    country's word ("the US dollar", "the single currency" is no currency word); or the level
    its verb reached "against" a currency written before it (:func:`_against_a_currency`)."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].lower_ not in EXCHANGE_PREPOSITIONS:
        return _against_a_currency(span.root)
    i += 1
    if i < len(doc) and doc[i].lower_ in EXCHANGE_DETERMINERS:
        i += 1
    if i < len(doc) and doc[i].pos_ in ("PROPN", "ADJ") and doc[i].text[:1].isupper():
        i += 1  # "US", "Swiss", "Australian"
    if i >= len(doc) or doc[i].sent.start != span.sent.start:
        return _against_a_currency(span.root)
    return _currency_word(doc[i]) or _against_a_currency(span.root)


def _currency_word(tok: Token) -> bool:
    """A currency's name written in lower case ("dollar", "yen", "greenback")."""
    return tok.text.islower() and (tok.text in numbers.CURRENCY_WORDS or tok.text == "greenback")


def _against_a_currency(root: Token) -> bool:
    """The verb whose "at"/"to" the number is the object of is also measured "against" a
    currency ("Against the yen, the dollar was trading at 105.28 yen")."""
    tok = root
    while tok.dep_ in ("nummod", "quantmod", "compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("to", "at"):
        return False
    verb = tok.head.head
    return verb.pos_ in ("VERB", "AUX") and any(
        prep.dep_ == "prep"
        and prep.lower_ == "against"
        and any(obj.dep_ == "pobj" and _currency_word(obj) for obj in prep.children)
        for prep in verb.children
    )


def _price_of_one(root: Token) -> bool:
    """The sum is what a price comes to ("the price of bread rose to 500 pounds") or what one
    thing costs ("a bag of bread costs 500 pounds", "a college that costs $100,000")."""
    tok = root
    while tok.dep_ in ("nummod", "quantmod", "compound", "nmod") and tok.head.i != tok.i:
        tok = tok.head  # "$" "100,000" → "total"; "500" → "pounds"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at", "from") and tok.head.dep_ == "prep":
        tok = tok.head  # "rose to 500 pounds", "stood at $5"
    if tok.dep_ not in ("dobj", "attr", "npadvmod", "prep", "oprd"):
        return False
    verb = tok.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lemma_.lower() in PRICE_NOUNS:
        return True
    if verb.lemma_.lower() != "cost":
        return False
    if subject.lower_ in ("that", "which"):
        # the thing a relative clause costs: its head, else (a parse that lost the clause) the
        # nearest noun before the pronoun
        if verb.dep_ == "relcl":
            subject = verb.head
        else:
            nouns = [t for t in subject.sent if t.i < subject.i and t.pos_ == "NOUN"]
            if not nouns:
                return False
            subject = nouns[-1]
    return any(c.dep_ == "det" and c.lower_ in SINGLE_DETERMINERS for c in subject.children)


# Kin a count may describe as someone's family ("his six children"), by lemma.
FAMILY_LEMMAS = frozenset(
    {"child", "kid", "son", "daughter", "grandchild", "brother", "sister", "sibling", "stepchild"}
)
# How a count of kin takes part in what its clause tells: as the verb's subject or object, or
# beside someone in it ("killed along with his two sons", "including her three daughters").
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd"})
BESIDE_PREPOSITIONS = frozenset({"with", "including", "among", "alongside", "besides"})


def _family_size(root: Token, noun: Token | None) -> bool:
    """A count of someone's own kin that describes the family, not what happened to them:
    "he died after dinner with his wife and two of his six children", "survived by her three
    sons" (a BBC obituary had given "2 children" and "6 children" killed). The same count is
    news where the clause's verb acts on it: "his three children were killed", "killing a man
    and his two sons", "died along with his two daughters" (then the usual reading rules)."""
    if noun is None or noun.lemma_.lower() not in FAMILY_LEMMAS:
        return False
    owned = noun
    while not any(c.dep_ == "poss" for c in owned.children):
        # "his wife and four daughters": the possessive of the first of the coordinated kin
        if owned.dep_ != "conj" or owned.head.pos_ != "NOUN":
            return False  # "three children were killed": no one's family is described
        owned = owned.head
    # "two of his six children": the partitive's number is what the clause governs
    partitive = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == root.i
    top = root if partitive else noun
    if any(
        c.dep_ in ("acl", "amod", "relcl") and _casualty_word(c)
        for c in (*noun.children, *top.children)
    ):
        return False  # "his two sons, killed in the raid"
    while top.dep_ in ("conj", "appos") and top.head.i != top.i:
        top = top.head
    if top.dep_ in PARTICIPANT_DEPS:
        return False
    return not (top.dep_ == "pobj" and top.head.lower_ in BESIDE_PREPOSITIONS)


# A work that tells a story, and the verbs by which a review says whom its story is about
# ("the film follows three children", "the novel tells of two sisters")
STORY_WORKS = frozenset({
    "film", "movie", "novel", "book", "play", "story", "series", "musical", "sequel", "plot",
    "tale", "comedy", "drama", "thriller", "opera", "sitcom", "episode", "game",
})  # fmt: skip
STORY_VERBS = frozenset({
    "follow", "tell", "feature", "depict", "portray", "center", "centre", "revolve",
    "chronicle", "concern", "star",
})  # fmt: skip


def _told_in_a_work(root: Token) -> bool:
    """Whether the number counts whom a work's story is about, as a review tells it: the
    nearest verb above it is a verb of telling (:data:`STORY_VERBS`) whose subject is a work
    (:data:`STORY_WORKS`): "the film follows three children who are orphaned" counts
    characters, no people in the news (a box-office story's had been a people figure)."""
    tok = root
    # by index: spaCy makes a new Token object on each .head, so `tok.head is not tok` never
    # fails and a verbless sentence ("Three dead in Homs.") had looped forever at its root
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    if tok.lemma_.lower() not in STORY_VERBS:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in STORY_WORKS for c in tok.children
    )


def _workforce(root: Token, noun: Token | None) -> bool:
    """Whether the number counts whom an employer employs: the object of "employ" ("employs
    300 workers", "employing 1,200 people"), or "a workforce/staff of 300"."""
    counted = noun if noun is not None else root
    head = counted.head
    if counted.dep_ == "dobj" and head.lemma_.lower() == "employ":
        return True
    return (
        head.dep_ == "prep"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in ("workforce", "staff", "payroll")
    )


def _ordinal_or_duration(span: Span) -> bool:
    """A fraction word that is an ordinal of the noun after it ("a third tier", "a fourth
    term": one thing's rank, no share) or part of a duration ("half an hour", "more than half a
    day"): neither is a share of anything."""
    doc, last = span.doc, span[-1]
    if last.dep_ == "amod" and last.head.i == span.end and last.head.tag_ == "NN":
        return True
    nxt = doc[span.end : span.end + 2]
    return (
        len(nxt) == 2
        and nxt[0].lower_ in ("a", "an")
        and nxt[1].lemma_.lower() in numbers.TIME_UNITS
    )


def _dead_and_wounded(span: Span, noun: Token | None) -> bool:
    """ "6,000 dead and wounded", "dozens of civilians dead or injured", "300 killed or
    injured": one count of both (as "killed or injured" is, :func:`_or_hurt`)."""
    doc = span.doc
    at = noun.i + 1 if noun is not None and noun.i >= span.end else span.end
    words = doc[at : min(at + 3, span.sent.end)]
    return (
        len(words) == 3
        and _state_word(words[0]) == "killed"
        and words[1].lower_ in ("and", "or")
        and _state_word(words[2]) == "injured"
    )


def _one_for_someone(span: Span, noun: Token | None, category: str) -> bool:
    """ "one" standing for a person or a thing, no count: "For one, Trump …", "a hopeful one",
    "registered as one", and, outside the casualty categories, "one" with no noun or one out of a
    group ("One offered to help", "one of his advisers said", "I remain one of the poor
    members"). "One was killed" and "one of the four killed" still count the dead. The
    words before "one" are the span's own hedge in "more than one attack", "at least one"."""
    root = span[-1]
    if any(
        (c.dep_ == "amod" or c.lower_ in ("a", "an")) and c.i < span.start for c in root.children
    ):
        return True  # "a hopeful one", "the most liberal one" (not "One dead in raid")
    if (
        noun is None
        and root.dep_ == "pobj"
        and root.head.lower_ in ("as", "for")
        and len(span) == 1
    ):
        return True  # "registered as one", "For one, …" (not "responsible for at least one")
    if category in CASUALTY_CATEGORIES:
        return False
    partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    # a hedged count with its noun left out still counts: "the group was behind at least one"
    return partitive or (noun is None and len(span) == 1)


def _noun_after(span: Span) -> Token | None:
    """The noun right after a number phrase whose root the parser put elsewhere ("since then
    more than a quarter of a million people have been killed": "quarter" is the object of
    "since", tagged a date; "million" counts "people")."""
    last = span[-1]
    if last.i == span.root.i or span.end >= len(span.doc):
        return None
    after = span.doc[span.end]
    if last.dep_ == "nummod" and last.head.i == after.i and after.pos_ == "NOUN":
        return after
    return None


def _counts_people(root: Token) -> bool:
    noun = _counted_noun(root)
    return noun is not None and (noun.lower_ in PEOPLE_NOUNS or noun.lower_ in TROOP_NOUNS)


def _counted_noun(root: Token) -> Token | None:
    """The noun a number counts: its head ("200 personnel") or an of-object ("hundreds of men")."""
    tok = root
    # "tens of thousands": the span root is the number; "85 %" root is "%".
    if tok.text == "%" or tok.lower_ in ("percent", "cent"):
        return None
    # ("nmod": "Dozens more people were wounded")
    doc = tok.doc
    if (
        tok.i + 2 < tok.sent.end
        and _model_code(doc[tok.i + 1])
        and doc[tok.i + 2].tag_ == "NNS"
        and tok.head.i in (tok.i + 1, tok.i + 2)
    ):
        # "four F-16 jets": the parse hangs four on F-16, or joins F-16 to the jets before
        return _shared_head(doc[tok.i + 2])
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and tok.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        head = tok.head
        right_of = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if right_of is not None and right_of.lower_ == "of" and right_of.head.i == tok.i:
            # "killed about a hundred of militants SANA news agency reported" (the commas
            # lost): the parse hung the number on the credit after its own of-object
            of_object = next((g for g in right_of.children if g.dep_ == "pobj"), None)
            if (
                of_object is not None
                and of_object.tag_ == "NNS"
                and of_object.lower_ not in SCALE_PLURALS
                and of_object.i < head.i
            ):
                return of_object
        if head.i > tok.i and not _credit(head) and not _hung_on_next_phrase(tok):
            return _shared_head(_plural_it_describes(head) if head.i == tok.i + 1 else head)
        if head.i > tok.i and _credit(head):
            counted = _counted_before_credit(tok, head)
            if counted is not None:
                return counted
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                # "hundreds of thousands": the scale is part of the number, nothing counted
                if pobj.lower_ in SCALE_PLURALS:
                    continue
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    # spaCy sometimes makes the noun the number's child ("two hundred soldiers" → compound).
    for child in tok.rights:
        if child.pos_ == "NOUN" and child.dep_ in ("appos", "npadvmod", "dobj", "pobj"):
            return child
    # "Dozens more people were wounded", parsed as two subjects: the noun after "more"
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "more":
        noun = doc[tok.i + 2]
        if noun.pos_ == "NOUN" and noun.tag_ == "NNS" and noun.dep_ == tok.dep_:
            return noun
    return None


SCALE_PLURALS = frozenset({"tens", "dozens", "hundreds", "thousands", "millions", "billions"})
AUDIENCE_NOUNS = lexicon.words("audience_nouns")
LEVEL_VERBS = lexicon.words("level_verbs")


AUDIENCE_LABELS = lexicon.mapping("audience_labels")


def _audience_label(span: Span) -> Token | None:
    """The label a match report writes its audience under, right before the number ("Att:
    47,111 Ref: A Smith", "Attendance: 32,511", a line's "Attendance 12,480"): a capitalised
    word of :data:`AUDIENCE_LABELS` opening a stretch (the text's, a sentence's or a line's
    start, or after a mark), with a colon after it unless it opens a line. The parse hangs
    such a number on whatever name follows ("Ref"), or on nothing."""
    doc = span.doc
    if not (len(span) == 1 and span[0].like_num) or span.start < 1:
        return None
    colon = doc[span.start - 1].text == ":"
    k = span.start - 2 if colon else span.start - 1
    if k < 0:
        return None
    label = doc[k]
    if label.lower_ not in AUDIENCE_LABELS or not label.text[:1].isupper():
        return None
    before = doc[k - 1] if k > 0 else None
    line_start = before is None or "\n" in before.text or "\n" in before.whitespace_
    if colon:
        opens = line_start or label.is_sent_start or before.is_punct
        return label if opens else None
    return label if line_start else None


def _audience_of(root: Token) -> Token | None:
    """The audience noun (:data:`AUDIENCE_NOUNS`) a bare number counts: its of-object's head
    ("an audience of 6.3 million", "a crowd of 360,000"), the noun a "-strong" the number
    measures qualifies ("a 1,000-strong crowd"), or the subject of the verb the number is the
    object or prepositional object of ("the audience averaged 13.7 million and peaked at 14.2
    million", "its audience fell by 600,000 to 5.9 million", "the attendance was 9,796"; a
    verb joined to another shares its subject), where the verb gives a level
    (:data:`LEVEL_VERBS`: "the crowd injured 12" counts no crowd). Else None: such numbers had
    counted nothing, or borrowed "viewers" from the sentence before for a crowd in Rio.
    A change before the level it reached is read as that level is ("slipped by 300,000 to 2.6
    million": the parse hangs the 300,000 on the million)."""
    if root.dep_ == "quantmod" and root.head.like_num and root.head.i > root.i:
        root = root.head
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in AUDIENCE_NOUNS:
        return head.head
    if head.lower_ == "strong" and head.head.lemma_.lower() in AUDIENCE_NOUNS:
        return head.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
    elif root.dep_ in ("dobj", "attr"):
        verb = head
    else:
        return None
    if verb.lemma_.lower() not in LEVEL_VERBS:
        return None
    for _ in range(2):
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject if subject.lemma_.lower() in AUDIENCE_NOUNS else None
        if verb.dep_ != "conj":
            return None
        verb = verb.head
    return None


def _hung_on_next_phrase(num: Token) -> bool:
    """ "wounded more than 100 a monitoring group said" (the comma lost): the parser hangs the
    number on the next phrase, but a determiner between them starts another phrase; the number
    counts nothing named."""
    head = num.head
    if num.dep_ != "nummod" or head.i <= num.i:
        return False
    if any(c.dep_ == "det" and num.i < c.i < head.i for c in head.children):
        return True
    # "… wounded 50 state media reported": no determiner, but the phrase is the subject of a
    # speech verb after it and the verb before the number has no object of its own
    speaks = head.dep_ == "nsubj" and head.head.i > head.i
    if not (speaks and head.head.lemma_.lower() in speech.SPEECH_VERBS):
        return False
    # only a short source phrase right before the verb ("state media"), not "killed at least
    # 25 members of the Nusra Front the … Observatory said" (the parse's subject, still counted)
    between = num.doc[num.i + 1 : head.head.i]
    if any(t.i != head.i and t.dep_ not in ("compound", "amod") for t in between):
        return False
    verb, prep = _word_before(num)
    return verb is not None and prep is None and not any(c.dep_ == "dobj" for c in verb.children)


def _word_before(num: Token) -> tuple[Token | None, Token | None]:
    """(the verb, the preposition) a number hung on the next phrase follows: "wounded more
    than 100 a …" → (wounded, None); "has risen to at least 112 a …" → (risen, to)."""
    i = num.left_edge.i - 1
    if i < 0:
        return None, None
    prep = None
    if num.doc[i].lower_ in ("at", "to", "of") and i > 0:
        prep, i = num.doc[i], i - 1
    verb = num.doc[i]
    return (verb if verb.pos_ in ("VERB", "AUX") else None), prep


def _counts_through(num: Token, modifier: Token, noun: Token) -> bool:
    """Whether the number the parse hung on a noun's singular modifier, right before it,
    counts the plural noun ("34 bingo halls", "100 server operators": the modifier stays in
    the unit); a number further off is a measure of the modifier's ("two 10-ton trucks")."""
    return num.i == modifier.i - 1 and modifier.tag_ == "NN" and noun.tag_ == "NNS"


def _plural_it_describes(noun: Token) -> Token:
    """The plural noun right after a singular one the parse hung a number on, which the
    singular only describes ("100 server operators": the parse counts "server", the number
    counts the operators). Only a noun right after the number: "24-carat sapphires" measures
    the stones by their carats."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < noun.sent.end else None
    if (
        nxt is not None
        and noun.tag_ == "NN"
        and noun.dep_ == "compound"
        and noun.head.i == nxt.i
        and nxt.tag_ == "NNS"
    ):
        return nxt
    return noun


def _shared_head(noun: Token) -> Token:
    """The noun two coordinated modifiers share: in "70 Syrian regime and rebel fighters" the
    parse counts "regime" and joins "fighters" to it; the people counted are the fighters."""
    low = noun.lower_
    if low in PEOPLE_NOUNS or low in COMBATANT_NOUNS:
        return noun
    for conj in noun.children:
        if (
            conj.dep_ == "conj"
            and conj.pos_ == "NOUN"
            and (conj.lower_ in PEOPLE_NOUNS or conj.lower_ in COMBATANT_NOUNS)
            and not any(c.dep_ == "nummod" for c in conj.children)
        ):
            return conj
    return noun


# The agency or monitor a headline credits after its last figure once the punctuation is gone
# ("Idlib kills at least 58 Observatory Reuters", "Rises to 70 REUTERS"): not what is counted.
# The one-word names of the agency and credit lists the cleaner reads, and the monitor's short name.
CREDIT_WORDS = frozenset(
    w.lower()
    for w in lexicon.words("headline_credits") | lexicon.words("news_agencies") | {"Observatory"}
    if " " not in w
)


# A headline's credit to the state's outlets ("Shelling in Homs kills 14 State media", "… kills
# six Syrian state TV"): the number hung on it, which made the outlet what was counted ("14
# state media", category other; "six state tv" at the head of the Overview's killed).
STATE_OUTLET_NOUNS = frozenset({"media", "tv", "television"})


def _credit(noun: Token) -> bool:
    if not noun.is_lower and noun.lower_ in CREDIT_WORDS:
        return True
    return noun.lower_ in STATE_OUTLET_NOUNS and any(
        c.lower_ == "state" and c.i < noun.i for c in noun.children
    )


def _counted_before_credit(num: Token, credit: Token) -> Token | None:
    """The plural noun between a number and the credit it hangs on, which is what the number
    counts ("kills 3 Hama schoolchildren state media": the schoolchildren)."""
    nouns = [
        c
        for c in credit.children
        if num.i < c.i < credit.i and c.tag_ == "NNS" and c.dep_ in ("compound", "amod", "nmod")
    ]
    return nouns[-1] if nouns else None


# Endings English gives the people of a place ("Yorkers", "Africans", "Lankans", "Zealanders").
DEMONYM_ENDING = re.compile(r"(?:ans|ers|ese|ites|is)$")


def _place_demonym(noun: Token) -> str | None:
    """The people of a place whose name is several words, written as one: "New Yorkers",
    "South Africans", "Sri Lankans". The parse hangs the place's first words on the plural
    as capitalised compounds, which the modifiers kept below skip (they are names), so the
    unit had read "yorkers" (PolNeAR: "29 New Yorkers wounded" → "29 yorkers"). Only a
    capitalised plural with capitalised compound words right before it, none a number."""
    if not (noun.is_title and noun.tag_ in ("NNPS", "NNS") and noun.lower_.endswith("s")):
        return None
    if noun.ent_type_ != "NORP" and not DEMONYM_ENDING.search(noun.lower_):
        return None  # "three Boston Marathons": a name of things, not of people
    first = noun.i
    doc = noun.doc
    while (
        first > 0
        and doc[first - 1].is_title
        and doc[first - 1].pos_ == "PROPN"
        and doc[first - 1].dep_ == "compound"
        and doc[first - 1].head.i in range(first, noun.i + 1)
        and not doc[first - 1].like_num
    ):
        first -= 1
    if first == noun.i or noun.i - first > 2:
        return None  # no place words, or a longer name than a place's ("Tea Party Patriots …")
    return " ".join(t.lower_ for t in doc[first : noun.i + 1])


CITY_DEMONYM_ENDINGS = ("ers", "ians", "ans", "ites")


def _city_of_demonym(noun: Token | None) -> str | None:
    """The city a plural of its people names ("New Yorkers" → New York, "Londoners" → London,
    "Parisians" → Paris), else None; not a country's people ("Syrians", "Israelis"): a
    nationality says who they are, not where they were."""
    if noun is None or not (noun.is_title and noun.tag_ in ("NNPS", "NNS")):
        return None
    written = _place_demonym(noun) or noun.lower_
    for ending in CITY_DEMONYM_ENDINGS:
        if written.endswith(ending):
            known = gazetteer.place(written[: -len(ending)])
            if (
                known is not None
                and known.kind in ("city", "state")
                and known.country
                and gazetteer.country(known.name) is None
            ):
                return known.name
    return None


def _unit_text(noun: Token) -> str:
    """The noun with its classifying modifiers: "military personnel", "service members"; a
    currency as named with its nationality ("Syrian pounds" is SYP: a loaf's 350 Syrian pounds
    had read "350 pounds", as if in sterling; :func:`_currency_unit`)."""
    kind = _model_kind(noun)
    if kind is not None:
        return kind  # "20 Boeing 747s": planes; the model number is no unit
    if _currency_noun(noun):
        return _currency_unit(noun)
    demonym = _place_demonym(noun)
    if demonym is not None:
        # the people of a place keep its capitals: "New Yorkers", not "new yorkers"
        return " ".join(t.text for t in noun.doc[noun.i - len(demonym.split()) + 1 : noun.i + 1])
    words = []
    for left in noun.lefts:
        if left.dep_ in ("amod", "compound") and left.pos_ in ("ADJ", "NOUN", "VERB"):
            if left.lower_ in QUANTITY_ADJECTIVES or left.ent_type_ or left.like_num:
                continue
            if _model_code(left):
                continue  # "12 su-24 jets": the model names which jets, the unit is jets
            if left.i < noun.i and all(
                t.dep_ != "nummod" or _counts_through(t, left, noun)
                for t in left.subtree
                if t.i != left.i
            ):
                words.append(left)
    words = [w for w in words if w.i >= min((c.i for c in noun.lefts), default=noun.i)]
    tokens = sorted(words, key=lambda t: t.i) + [noun]
    # keep only the contiguous modifiers right before the noun
    kept = [noun]
    for t in reversed(tokens[:-1]):
        if kept[0].i - t.i <= 2:
            kept.insert(0, t)
        else:
            break
    # A plural noun for people before the counted one keeps the modifier the parse hung on it
    # ("200 special forces troops": "special" is the modifier of "forces"), which names them
    # with it: without it the unit had read "forces troops", a doubled noun.
    first = kept[0]
    if (
        len(kept) > 1
        and first.tag_ == "NNS"
        and (first.lower_ in PEOPLE_NOUNS or first.lower_ in COMBATANT_NOUNS)
    ):
        kept = [
            c
            for c in first.lefts
            if c.dep_ in ("amod", "compound") and c.i == first.i - 1 and not c.ent_type_
        ] + kept
    doc = noun.doc
    while len(kept) > 1 and kept[0].i > 1 and doc[kept[0].i - 1].text in ("-", "–"):
        # the half of a hyphened modifier the parse kept ("time" of "part-time jobs", "based"
        # of "London-based companies") names nothing on its own: whole with a common word
        # before it, else (a name's: "US-led forces") the noun is the unit
        left = doc[kept[0].i - 2]
        if left.is_lower and left.is_alpha and not left.ent_type_:
            rest = " ".join(_unit_word(t) for t in kept)
            return f"{left.lower_}-{rest}"
        kept.pop(0)
    return " ".join(_unit_word(t) for t in kept)


def _model_code(tok: Token) -> bool:
    """Whether ``tok`` is a product's model code (:data:`MODEL_CODE`: "F-16", "su-24", "747s"
    after its maker), no count and no actor."""
    found = MODEL_CODE.fullmatch(tok.text)
    if found is None:
        return False
    if found.group("prefix") is None:
        return _maker_before(tok) is not None  # "Boeing 747s", not "the 1960s"
    return any(c.isdigit() for c in tok.text) and tok.text.lower() not in NUMBERED_NAMES


def _maker_before(tok: Token) -> str | None:
    """The kind of thing of the maker named right before ``tok`` (:data:`MODEL_MAKERS`)."""
    if tok.i == 0:
        return None
    return MODEL_MAKERS.get(tok.doc[tok.i - 1].lower_)


def _model_kind(noun: Token) -> str | None:
    """The kind of thing a counted model is ("20 Boeing 747s" → planes, "six F-16s" → jets):
    for a plural model code by its maker or its letters (:data:`MODEL_MAKERS`); None for any
    other noun."""
    if not noun.text.endswith("s") or not _model_code(noun):
        return None
    found = MODEL_CODE.fullmatch(noun.text)
    prefix = found.group("prefix") if found else None
    return _maker_before(noun) or (MODEL_MAKERS.get(prefix.lower()) if prefix else None)


def _currency_noun(noun: Token) -> bool:
    """Whether ``noun`` heads a currency's name ("dollars", "francs", "dinars"; "won" only
    with its country, :data:`CURRENCY_NAMES`, being a verb's form too)."""
    low = noun.lower_
    if low in numbers.CURRENCY_WORDS or low in SHARED_CURRENCY_NAMES or _sum_in_won(noun):
        return True
    return low in CURRENCY_HEADS and _named_currency(noun) is not None


LARGE_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion"})


def _sum_in_won(noun: Token) -> bool:
    """ "some 12 trillion won of debt": a noun "won" counted in thousands or more is Korea's
    currency (a won is worth a tenth of a US cent), not a result ("12 won and 8 lost")."""
    if noun.lower_ != "won" or noun.pos_ != "NOUN":
        return False
    for tok in noun.lefts:
        for t in tok.subtree:
            digits = t.text.replace(",", "")
            if t.lower_ in LARGE_SCALE_WORDS or re.fullmatch(r"\d+(?:\.\d+)?bn", t.lower_):
                return True
            if digits.isdigit() and int(digits) >= 1000:
                return True
    return False


def _named_currency(noun: Token) -> str | None:
    """The ISO code of the currency named by ``noun`` with the words right before it
    ("Australian dollars", "Hong Kong dollar", "South African rand"), if the table knows it."""
    doc = noun.doc
    for width in (3, 2, 1):
        if noun.i - width < 0:
            continue
        name = " ".join(t.lower_ for t in doc[noun.i - width : noun.i + 1])
        if name in CURRENCY_NAMES:
            return CURRENCY_NAMES[name]
    return None


def _currency_word_after(span: Span) -> Token | None:
    """The head word of a currency's name right after ``span`` ("dollars" of "… Canadian
    dollars", "euros"): up to two capitalised words of its country before it."""
    doc = span.doc
    for tok in doc[span.end : min(span.end + 3, len(doc))]:
        if tok.lower_ in CURRENCY_HEADS:
            return tok
        if not tok.is_title:
            return None
    return None


def _currency_unit(noun: Token) -> str:
    """The unit a sum in the currency ``noun`` heads is stored in: its ISO code, as a sign or a
    code gives it (a store had "AUD", "Australian dollars" and "Australian dollar" for one
    currency); a name the table lacks keeps the country that names it ("CFA francs": no Swiss
    franc, as the bare "francs" is read); a name several currencies share one form of it."""
    code = _named_currency(noun)
    if code is not None:
        return code
    if _sum_in_won(noun):
        return "KRW"  # (North Korea's won is written with its country: currency_names)
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if (
        before is not None
        and before.head == noun
        and before.pos_ in ("ADJ", "PROPN")
        and (before.is_title or (before.is_upper and len(before) > 1))
    ):
        return f"{before.text} {noun.lower_}"
    return SHARED_CURRENCY_NAMES.get(noun.lower_, noun.lower_)


def _currency_unit_text(unit: str | None) -> bool:
    """Whether a stored unit names a currency: an ISO code or a currency's name."""
    if unit is None:
        return False
    return bool(re.fullmatch(r"[A-Z]{3}", unit)) or unit.split()[-1].lower() in CURRENCY_HEADS


def _unit_word(tok: Token) -> str:
    """A word of a unit as the dashboard shows it: lower case, but a nation's or a group's
    people keep their capital ("200 million Americans", "40 Republicans", "10 Syrians": the
    unit had read "americans"). Not a common noun a headline capitalised ("Kill 9 Civilians"),
    nor a word in capitals ("CIVILIANS")."""
    if not tok.text.istitle():
        return tok.lower_
    low = tok.lower_
    if low in PEOPLE_NOUNS or low in COMBATANT_NOUNS:
        return low
    singular = tok.text[:-1] if low.endswith("s") else tok.text
    if (
        tok.ent_type_ == "NORP"
        or demonym_country(singular) is not None
        or singular.lower() in NATIONALITY_COUNTRIES
        or singular.lower() in NATIONALITY_NOUNS  # "Britons", "Scots"
    ):
        return tok.text
    return low


def _prior_in_previous_sentence(previous: dict[int, _Reading], sent: Span) -> _Reading | None:
    if sent.start == 0:
        return None
    prev_sent = sent.doc[sent.start - 1].sent
    return previous.get(prev_sent.start)


def _nearest_people_noun(span: Span) -> Token | None:
    """The nearest plural people/troop noun before ``span`` in its sentence."""
    for tok in reversed(span.doc[span.sent.start : span.start]):
        low = tok.lower_
        if tok.pos_ == "NOUN" and (low in TROOP_NOUNS or low in PEOPLE_NOUNS) and tok.tag_ == "NNS":
            return tok
    return None


# Subjects that say a verb's number counts the dead: "the death toll rose to 73".
TOLL_SUBJECTS = frozenset({"toll", "death", "fatality"})


def _predicates(root: Token, noun: Token | None) -> list[Token]:
    """Words that say what happened to the counted people, nearest first.

    The noun's own modifiers ("people killed", "20 dead") first, then the chain of heads up to
    the first speech verb (whose clause is the claim, not the event).
    """
    out: list[Token] = []
    anchor = noun if noun is not None else root
    if noun is None and _hung_on_next_phrase(root):
        # "… and wounded more than 100 a monitoring group said" (the comma lost): the number
        # is the object of the verb right before it ("the toll has risen to at least 112 a …":
        # that verb's toll says what is counted)
        verb, _prep = _word_before(root)
        if verb is not None and not any(c.dep_ == "dobj" for c in verb.children):
            out.append(verb)
            out.extend(
                c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in TOLL_SUBJECTS
            )
    for child in anchor.children:
        if child.dep_ in ("acl", "amod", "relcl", "appos", "acomp") and child.i != root.i:
            if _acts_on_a_count(child):
                continue  # "killing 8 persons injuring 55 persons": the next count's verb
            if child.dep_ == "relcl" and any(
                g.dep_ == "nsubj" and g.tag_ not in ("WDT", "WP") for g in child.children
            ):
                continue  # "soldiers, which Washington said …": a clause about the event
            out.append(child)
    for child in root.children:
        if child.dep_ in ("acl", "amod", "relcl") and child.i != anchor.i:
            out.append(child)
    tok = anchor
    steps = 0
    while tok.head.i != tok.i and steps < 8:
        tok = tok.head
        steps += 1
        # A verb's complement says more than the verb: "left 12 people dead" is killed, not
        # displaced; its subject too: "the death toll rose to 73".
        for child in tok.children:
            if (
                child.dep_ in ("acomp", "xcomp", "oprd", "attr", "ccomp")
                and child.i > anchor.i
                and (child.lower_ in CASUALTY_STATES or child.lemma_.lower() in NEED_WORDS)
                # not a clause with a subject of its own: "14 million people saw the
                # character killed off" counts viewers, not the dead
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
            ):
                out.append(child)
            if child.dep_ == "nsubj" and _toll_subject(child):
                out.append(child)
        out.append(tok)
        for child in tok.children:
            if child.dep_ in ("acomp", "xcomp", "oprd", "attr") and child.i > anchor.i:
                out.append(child)
        if tok.lemma_.lower() in CLAIM_VERBS and tok.pos_ in ("VERB", "AUX"):
            break
        if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
            # "the singer, known to millions of viewers, has died": the count is in what
            # describes another noun, and the verbs above say what became of that noun
            break
    return out


def _toll_subject(tok: Token) -> bool:
    """A subject that is a toll ("the death toll rose to 73", "deaths reached 40"); not one
    person's death ("Scalia's death left the court with four conservatives", "the death of
    Justice Scalia"), which says nothing of the count in its clause."""
    if tok.lemma_.lower() not in TOLL_SUBJECTS:
        return False
    if tok.lower_ != "death":
        return True
    return not any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children
    )


def _category(
    ctx: _Context,
    span: Span,
    root: Token,
    noun: Token | None,
    kind: str,
    unit: str | None,
    count: _Reading,
) -> str | None:
    if kind in ("percent", "fraction"):
        held = _is_territory(root, ctx.person_words) and not _share_of_no_ground(span)
        return "territory_share" if held else "percent"
    if kind == "money" or (noun is not None and _currency_noun(noun)):
        return "money"
    if (
        noun is None
        and root.lower_ in SCALE_PLURALS
        and root.dep_ == "dobj"
        and root.head.lemma_.lower() in SPENDING_VERBS
        and not any(c.pos_ == "VERB" for c in root.lefts)  # "… and displaced thousands"
    ):
        return "money"  # "spend billions deporting 11 million people": a sum, no one deported
    # With no noun of its own, the number is judged by the unit it borrowed.
    noun_low = noun.lower_ if noun is not None else (unit or "").split(" ")[-1]
    if noun is not None and noun.lower_ in MEASURE_UNITS:
        return "other"
    if noun is not None and noun_low in BODY_WORDS and not _bodies_of_the_dead(span, noun):
        return "other"  # "the two bodies generating private income": organisations
    people = (
        noun_low in PEOPLE_NOUNS
        or noun_low in TROOP_NOUNS
        or noun_low == "member"
        or (noun is not None and noun.ent_type_ == "NORP")  # "12 Syrians"
        or _counted_person(noun)  # "about 30 reporters", "11 Britons"
    )
    # A state needs people to be in it: "30,000 emails" go missing, nobody is missing. Nouns
    # the lists lack are judged by the endings English gives nouns of people ("fishermen").
    # A unit borrowed from an earlier count speaks for a number with no noun of its own:
    # "12,500 civil servant posts have been axed, and 7,800 relocated" moved no people.
    # The dead are people too: "claimed 6 martyrs and 25 injured" lends "martyrs" to the 25.
    about_people = (
        people
        or (noun is None and not unit)
        or PEOPLE_ENDINGS.search(noun_low) is not None
        or noun_low in DEAD_NOUNS
    )
    troops = (
        (
            noun_low in TROOP_NOUNS
            or (unit or "") in TROOP_PHRASES
            or (
                # "army officers", not "Syrian Army Eliminates" (a headline's verb taken for a noun)
                noun is not None
                and (noun_low in PEOPLE_NOUNS or PEOPLE_ENDINGS.search(noun_low) is not None)
                and any(c.lower_ in ("military", "army") for c in noun.lefts)
            )
        )
        and not (
            # "two medical personnel", "UN staff": people at work, not soldiers
            noun is not None and any(c.lower_ in CIVILIAN_STAFF_WORDS for c in noun.lefts)
        )
        and not (
            # "more than 12,000 advisers selling financial advice": staff, unless the sentence
            # speaks of the armed forces ("300 US military advisers")
            noun_low in STAFF_TROOP_NOUNS and not any(t.lower_ in MILITARY_WORDS for t in span.sent)
        )
    )
    # (the noun the number modifies too, where the reading took none of its own: "an estimated
    # 200 uniformed and plainclothes police officers" had borrowed "security personnel")
    police = _policing(noun, unit) or (
        noun is None and any(t.dep_ == "nummod" and _policing(t.head, None) for t in span)
    )
    if police:
        troops = False  # "police reinforcements": police are no troops, wherever sent
    if about_people and any(
        # (the number's root may be a word of the phrase: "some" of "some 120 soldiers")
        _fate_unknown(t)
        for t in (noun, root, root.head if root.dep_ in ("det", "nummod") else None)
        if t is not None
    ):
        # "the fate of around 200 other soldiers remained unknown", before the verb's own
        # state ("remained": no one is stranded) or a force's size is read
        return "missing"
    # A hurt state written right beside the count is the writer's, whatever the count borrowed
    # or hangs on: "claimed 6 martyrs and 25 injured" (the 25 borrows "martyrs"), "the toll rose
    # to 9 in addition to 31 injured" (the parse takes the "to" of "in addition to" for the
    # toll's). Only injured/missing: a death word beside it agrees with those constructions.
    # Not a hurt word followed by a number: "Kill 83 Injured 100 Terrorists" (a headline) hurt
    # the 100, and the 83 are the killed.
    places = ctx.place_words
    beside, beside_word = _state_beside(span, noun, places) if about_people else (None, None)
    if beside == "displaced" and beside_word is not None and _planned(beside_word):
        beside = None  # "set to see 30000 people evacuated": a plan, no one moved yet
    if (
        beside == "displaced"
        and beside_word is not None
        and _doing_when_hit(beside_word, noun or root, _predicates(root, noun))
    ):
        beside = None  # "killed 14 people including three children fleeing across the river"
    hurt_beside = (
        beside
        if beside in ("injured", "missing")
        and not (beside_word.i + 1 < len(span.doc) and span.doc[beside_word.i + 1].like_num)
        else None
    )
    if (
        noun_low in DEAD_NOUNS
        and not (noun is None and hurt_beside)
        and not (noun is not None and any(c.lower_ in INSTITUTION_BODY_WORDS for c in noun.lefts))
    ):
        return "killed"
    if noun is None and _one_of_the_dead(root):
        return "killed"  # "At least 109 of the dead were evacuees": dead, whatever else they were
    if noun_low in ("injuries", "injured", "wounded"):  # "recorded four deaths and 55 injuries"
        return "injured"
    if _counts_things(noun, about_people):
        # Only people are killed or hurt: "those killed in two attacks", "strikes on two
        # hospitals", "rebels … capture 3 villages" count attacks, buildings and places.
        return "other"
    if noun is None and _numbers_a_title(span):
        return "other"  # "Dead Or Alive 1 sold well": a game's title, nobody dead
    if _an_age(span):
        return "other"  # "people over 60 will make up 30%", "children aged 5": an age
    if noun is None and _one_of_the_most(root):
        return "other"  # "the rate remains one of the lowest": a rank, nobody remaining
    if noun is None and span.start > span.sent.start and _rank_word(span.doc[span.start - 1]):
        return "other"  # "world number two Roddick", "the world No 1": a rank
    if hurt_beside is not None:
        return hurt_beside
    if _object_of_negated_verb(noun if noun is not None else root):
        # "Obama is not admitting 100,000 refugees", "the army did not kill 20 civilians": what
        # a denied or refused act would have done to people happened to nobody; the count is
        # of people only (PolNeAR: a denial gave three "displaced" news events)
        return "troops" if troops else ("people" if people else "other")
    if _killed_by_construction(root, noun):
        return "killed"
    if any(
        t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_ == "population"
        for t in (root, noun)
        if t is not None
    ):
        # "the pre-war population of about 23 million" is no casualty, and a town's size ("a
        # major city with population of over 200000 people has been besieged") no count of
        # people remaining or trapped there: the number or the people it counts
        return "people"
    later = _later_predicate(span, noun if noun is not None else root)
    if later is not None:
        # (a later verb of no casualty state leaves a count of people with a noun of its own
        # people: "90 reporters and 410 editors were offered redundancy")
        return "people" if later == "other" and people and noun is not None else later
    counted = _number_of(root) if noun is None else None
    if counted is not None:
        return counted
    if beside is not None:
        return beside
    listed = _list_state(span, noun) if about_people else None
    if listed is not None:
        return listed
    if about_people and _after_a_kill_word(span):
        return "killed"  # "Israeli Strike on Syrian Town Kills 5 Soldiers" (the verb tagged a noun)
    # "what one rebel dubbed …", "two fighters blew themselves up", "three of its fighters
    # targeted the station": a source, attackers, a part of a group; no force's size
    a_force = not _few(root, count) and not _partitive(root)
    found = _category_of_predicates(
        root,
        noun,
        noun_low,
        about_people=about_people,
        troops=troops,
        a_force=a_force,
        police=police,
        places=places,
    )
    if found is not None:
        return found
    if noun is not None and noun_low in ("refugees", "evacuees"):
        return "displaced"
    if troops:
        return "troops"
    if (
        noun is not None
        and noun_low in ARMED_NOUNS
        and a_force
        and not _casualty_sentence(span)
        # "40 Tory rebels voted against the bill": a party's rebels are no armed force
        and not any(t.lemma_.lower() in POLITICS_WORDS for t in span.sent)
        # "thousands of fighters and civilians shuttled out": a crowd, not a force
        and not any(c.dep_ == "conj" and c.lower_ in PEOPLE_NOUNS for c in noun.children)
    ):
        # "command some 90000 fighters", "dozens of militants attacked": the size of an armed
        # force. In a sentence of deaths or wounds the count is more likely a casualty the
        # parse did not tie to its verb, and stays "people".
        return "troops"
    if people or (noun is not None and noun_low in ARMED_NOUNS):
        return "people"  # (gunmen and militiamen too: "180 gunmen turned themselves in")
    return "other"


def _counted_person(noun: Token | None) -> bool:
    """Whether ``noun`` counts people by what they do or their nation (:data:`COUNTED_PERSON_NOUNS`,
    "Britons"): "the papers employ 521 journalists" is a count of people, which "other" had
    hidden among the counts of things."""
    if noun is None:
        return False
    lemma = noun.lemma_.lower()
    if noun.tag_ == "NNPS" and lemma == noun.lower_:
        lemma = lemma.removesuffix("s")  # the tagger leaves "Britons" its own lemma
    return lemma in COUNTED_PERSON_NOUNS or lemma in NATIONALITY_NOUNS


def _by_what_they_do(noun: Token | None) -> bool:
    """Whether ``noun`` counts people only by what they do (:data:`COUNTED_PERSON_NOUNS`:
    "executives", "customers"), no noun of the lists of the war's people ("civilians",
    "fighters", "residents")."""
    return (
        noun is not None
        and noun.lemma_.lower() in COUNTED_PERSON_NOUNS
        and noun.lower_ not in PEOPLE_NOUNS
        and noun.lower_ not in TROOP_NOUNS
        and noun.lower_ not in ARMED_NOUNS
    )


SENDING_WORDS = frozenset({"deploy", "dispatch", "send", "station", "withdraw", "pull"})
# Words that make a sentence one of casualties (besides the killed/injured lexicons and the
# detaining verbs). (The verbs of killing and capture a headline may capitalise are
# CASUALTY_STEMS, below.)
CASUALTY_EXTRA_WORDS = DETAINING_VERBS | {"casualty", "symptom", "destroy", "victim", "toll"}


# Words of votes and legislatures: "rebels" and "insurgents" in such a sentence are politicians.
POLITICS_WORDS = frozenset({
    "vote", "ballot", "bill", "motion", "caucus", "parliament", "congress", "legislation",
    "amendment", "election", "primary", "delegate", "senate", "mp", "lawmaker", "legislator",
    "backbencher", "speaker", "party", "nomination", "candidate",
})  # fmt: skip


def _partitive(root: Token) -> bool:
    """Whether the count ``root`` is a part of a group it names after "of" and a determiner
    ("three of its fighters", "two of the militants"), not a quantity ("dozens of
    militants")."""
    doc = root.doc
    return (
        root.i + 2 < len(doc)
        and doc[root.i + 1].lower_ == "of"
        and doc[root.i + 2].lower_ in ("its", "their", "the", "his", "her", "those", "these")
    )


# Auxiliaries of a time to come or a mere possibility, and verbs of a plan whose complement is
# what is planned ("is set to see 30000 evacuated", "are expected to leave").
FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "could", "may", "might", "'ll", "wo"})
PLAN_VERBS = frozenset({"set", "expect", "due", "schedule", "plan", "slate"})


def _planned(pred: Token) -> bool:
    """Whether the verb ``pred`` tells what is to happen, not what happened: it, or a verb it
    hangs on up to its clause, has an auxiliary of the future (:data:`FUTURE_AUXILIARIES`:
    "will be evacuated") or is the complement of a verb of a plan ("is set to see more than
    30000 people evacuated"). A planned evacuation's count had made two Aleppo conflicts of
    the people moved so far against the 30000 the deal would move."""
    tok, steps = pred, 0
    while steps < 4:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in tok.children):
            return True
        head = tok.head
        if head.i == tok.i or head.lemma_.lower() in CLAIM_VERBS:
            return False
        if tok.dep_ == "xcomp" and head.lemma_.lower() in PLAN_VERBS:
            return True
        tok, steps = head, steps + 1
    return False


def _asked(noun: Token | None) -> bool:
    """Whether the counted people ``noun`` are the ones a verb of :data:`ASKED_WORDS` asked: its
    participle on them ("militants interviewed", "refugees surveyed by the agency") or they its
    object ("questioned 40 fighters")."""
    if noun is None:
        return False
    if any(
        c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.lemma_.lower() in ASKED_WORDS
        for c in noun.children
    ):
        return True
    verb = noun.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ASKED_WORDS:
        return False
    # (the parse may make the participle the noun's head, "soldiers" its subject: asked, not
    # asking, when the participle has no object of its own)
    return noun.dep_ in ("dobj", "nsubjpass") or (
        noun.dep_ == "nsubj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _no_toll(root: Token, noun: Token | None) -> str | None:
    """Why the death word the count hangs on (its nearest such head, or that head's
    complement) makes no toll, else None: it tells of deaths to come ("to come",
    :func:`_death_to_come`), of a court's charge ("charged", :func:`_charged_with`) or of the
    dead and the missing or hurt together ("or missing": "were either dead or missing", one
    count of both, as "killed or injured" is)."""
    tok = noun if noun is not None else root
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        # ("patients are expected to die", "were dead or missing": the verb's complement)
        for word in [tok, *(c for c in tok.children if c.dep_ in ("xcomp", "acomp"))]:
            if word.lemma_.lower() in KILLED_WORDS or word.lower_ in KILLED_WORDS:
                if _death_to_come(word):
                    return "to come"
                if _charged_with(word):
                    return "charged"
                return "or missing" if _or_missing(word) else None
        if tok.lemma_.lower() in CLAIM_VERBS and tok.pos_ in ("VERB", "AUX"):
            return None
    return None


def _foretold(root: Token, noun: Token | None) -> bool:
    """Whether the verb the counted people hang on tells what is to come or could come
    (:func:`_death_to_come`: "could lose their homes", "will be evacuated", "at risk of
    hunger"), not what happened."""
    tok = noun if noun is not None else root
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return _death_to_come(tok)
    return False


def _or_missing(word: Token) -> bool:
    """``word`` (a word of death) joined by "or"/"and" to a word of the missing or the hurt
    right after it ("dead or missing", "dead and injured")."""
    doc = word.doc
    return any(
        c.dep_ == "conj"
        and _state_word(c) in ("missing", "injured")
        and c.i == word.i + 2
        and doc[word.i + 1].lower_ in ("or", "and")
        for c in word.children
    )


# Modals that, with "have", hedge a death that happened ("20 may have been killed"): a toll.
PAST_POSSIBILITY_AUXILIARIES = frozenset({"may", "might", "could"})


def _death_to_come(pred: Token) -> bool:
    """Whether the death word ``pred`` tells of deaths to come or that could come: planned or
    future (:func:`_planned`: "will die", "would die", "are expected to die") or at risk
    ("risk dying", "at risk of dying"). Not a past death hedged ("may have been killed"),
    which is still a toll. Forecasts of a charity's report had been stored as 45 million
    children killed."""
    if _planned(pred) or (pred.dep_ == "xcomp" and pred.head.lemma_.lower() in PLAN_VERBS):
        # ("are expected to die": the plan verb is also a claim verb, where _planned stops;
        # "two would later die in hospital" is a story's past told forward: they died)
        later = any(c.dep_ == "advmod" and c.lower_ == "later" for c in pred.children)
        return not (later or _past_possibility(pred))
    tok = pred
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in RISK_WORDS:
            return True
    return False


def _past_possibility(pred: Token) -> bool:
    """ "may have been killed", "could have died": a possibility about the past."""
    auxes = {c.lower_ for c in pred.children if c.dep_ in ("aux", "auxpass")}
    return "have" in auxes and bool(auxes & PAST_POSSIBILITY_AUXILIARIES)


def _charged_with(pred: Token) -> bool:
    """Whether the death word ``pred`` is the crime of a court case ("convicted of killing two
    of her babies", "charged with the murder of three men"): its preposition hangs on a word of
    :data:`CHARGE_WORDS`. The count is of a charge, no news toll (a drama's wrongly convicted
    mother had put two babies killed in the United States)."""
    prep = pred.head
    return (
        pred.dep_ in ("pcomp", "pobj")
        and prep.dep_ == "prep"
        and prep.lower_ in ("of", "with", "for")
        and prep.head.lemma_.lower() in CHARGE_WORDS
    )


UNKNOWN_WORDS = frozenset({"unknown", "unclear", "uncertain"})


def _fate_unknown(anchor: Token) -> bool:
    """Whether the counted are those whose fate or whereabouts is unknown ("the fate of some
    200 remains unknown", "the whereabouts of 30 soldiers are unclear"): missing people, not a
    force's size (two such counts had been troops at Raqqa) nor people at large."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ != "of":
        return False
    fate = prep.head
    if fate.lemma_.lower() not in ("fate", "whereabout") and fate.lower_ != "whereabouts":
        return False
    verb = fate.head
    return any(c.dep_ in ("acomp", "attr") and c.lower_ in UNKNOWN_WORDS for c in verb.children)


def _with_a_thing_described(anchor: Token, pred: Token) -> bool:
    """Whether ``anchor`` hangs by "with" on a participle describing a thing, not people
    ("left al-Foua, one of two villages besieged by insurgents, with her two children and 5000
    other people": the parse hangs "with" on "besieged") under a verb of leaving: the state
    is the thing's (the villages are besieged), and the people went with the one who left. Two counts of those who left a besieged village had been people remaining, an
    Overview headline (2, at Idlib)."""
    if pred.dep_ != "acl" or pred.head.pos_ != "NOUN" or _people_word(pred.head):
        return False
    if not any(v.pos_ == "VERB" and v.lemma_.lower() in DISPLACED_WORDS for v in pred.ancestors):
        # "Madaya, a town besieged … with 40000 residents": the town's people, besieged too
        return False
    tok = anchor
    while tok.head.i != tok.i and tok.head.i != pred.i:
        tok = tok.head
    return tok.head.i == pred.i and tok.dep_ == "prep" and tok.lower_ == "with"


def _lost_object(pred: Token, root: Token, noun: Token) -> bool:
    """Whether the fighters ``noun`` counted by ``root`` are what ``pred`` ("lost") has lost:
    its object ("lost 15 fighters"), or a part of them that is ("lost 13 of its fighters",
    "lost two of its commanders and 20 of its fighters", where the parse hangs the count, not
    the noun, on the verb, so a part of a group, no force, must still be the force's dead)."""
    if noun.dep_ == "dobj":
        return True
    head = root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "two of its commanders and 20 of its men": the first of the list
    return _partitive(root) and head.dep_ == "dobj" and head.head.i == pred.i


def _few(root: Token, count: _Reading) -> bool:
    """Whether the count is of fewer than ten ("one rebel", "three fighters", "7"): its
    largest reading as the numbers module parsed it, or "a couple"/"a pair" (vague words the
    numbers module gives no upper bound)."""
    most = next((v for v in (count.high, count.value, count.low) if v is not None), None)
    return (most is not None and most < 10) or root.lower_ in ("couple", "pair")


# The stems of casualty words as a headline capitalises them, which the tagger then leaves
# unlemmatised ("Syrian Army Eliminates Over 75 Nusra Front Militants", "Kills Wounds Dozens"),
# and their nouns ("the elimination of 34 militants").
CASUALTY_STEMS = re.compile(
    r"(?:eliminat|neutrali[sz]|liquidat|execut)(?:e|es|ed|ing|ion|ions)$"  # not "executive"
    r"|kill|wound|captur|surrender|martyr|blew|blown"
)


# A surrender written as a verb, a reflexive pronoun and a particle ("turned themselves in",
# "handed themselves over", "gave themselves up"): fighters who did so are no force's size.
SURRENDER_VERBS = frozenset({"turn", "hand", "give"})
SURRENDER_PARTICLES = frozenset({"in", "over", "up"})
REFLEXIVE_PRONOUNS = frozenset({"themselves", "himself", "herself", "ourselves"})


def _surrenders(verb: Token) -> bool:
    """Whether ``verb`` with its children says someone surrendered ("turned themselves in")."""
    if verb.lemma_.lower() not in SURRENDER_VERBS:
        return False
    words = {c.lower_ for c in verb.children}
    return bool(words & REFLEXIVE_PRONOUNS) and bool(words & SURRENDER_PARTICLES)


def _casualty_sentence(span: Span) -> bool:
    """Whether the sentence speaks of deaths, wounds, captures or surrenders anywhere."""
    for t in span.sent:
        lemma = t.lemma_.lower()
        if CASUALTY_STEMS.match(t.lower_) or _surrenders(t):
            return True
        if (
            lemma in KILLED_WORDS
            or lemma in INJURED_WORDS
            or t.lower_ in DEAD_NOUNS
            or lemma in CASUALTY_EXTRA_WORDS
            or t.lower_ in CASUALTY_STATES
        ):
            return True
    return False


AGE_COMPARISONS = frozenset({"over", "under", "above", "below"})


def _an_age(span: Span) -> bool:
    """A number that says how old people are: after "aged", or after "over"/"under" that follow
    a noun of people ("people over 60", "children under five")."""
    doc, i = span.doc, span.start
    if i <= span.sent.start:
        return False
    if doc[i - 1].lower_ in numbers.AGE_WORDS:  # "aged 5" (the number reader's own list)
        return True
    # the comparison word is the span's own ("over 60") or just before it
    j = i + 1 if doc[i].lower_ in AGE_COMPARISONS else i
    return (
        j - 1 > span.sent.start
        and doc[j - 1].lower_ in AGE_COMPARISONS
        and (doc[j - 2].lower_ in PEOPLE_NOUNS or doc[j - 2].lower_ in ("those", "anyone"))
    )


def _rank_word(tok: Token) -> bool:
    """ "number" or "No" before a number: a rank ("world number two"), not a count."""
    return tok.lower_ == "number" or tok.text in ("No", "No.", "no.")


def _one_of_the_most(root: Token) -> bool:
    """A number "of" a superlative ("one of the lowest", "two of the biggest"): a rank among
    things, no count of people."""
    return any(
        g.tag_ in ("JJS", "RBS") or any(h.tag_ in ("JJS", "RBS") for h in g.children)
        for c in root.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def _later_predicate(span: Span, anchor: Token) -> str | None:
    """What the verb after a conjoined count says of it, when a description of the count comes
    between: "three million have become refugees and over 10.8 million, nearly half of the
    population, are in need of aid". The parser joins the second count to "refugees"; the verb
    after it (whose subject is that description) says what it counts: people in need, or a
    casualty state. None when the count has no such verb of its own."""
    if anchor.dep_ != "conj":
        return None
    doc = span.doc
    for tok in doc[span.end : min(span.end + 12, span.sent.end)]:
        if tok.like_num or tok.dep_ == "cc":
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ in ("VBZ", "VBP", "VBD"):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            # its subject, if the parse gave it one, is the description after the count
            if any(c.i < span.start for c in subjects):
                return None
            if tok.dep_ in ("aux", "auxpass") and tok.head.i > tok.i and tok.head.pos_ == "VERB":
                # "killed 12 fighters and another 30 were sealed off": the count's own verb
                # says what became of it, and a verb of no casualty state makes it none
                verb = tok.head
                words = [verb, *[t for t in verb.subtree if t.i > verb.i][:2]]
                found = next((s for t in words if (s := _state_word(t)) is not None), None)
                return found or "other"
            after = [t for t in tok.subtree if t.i > tok.i]
            if any(t.lemma_.lower() in NEED_WORDS for t in after[:4]):
                return "people"
            return next((s for t in after[:3] if (s := _state_word(t)) is not None), None)
    return None


def _policing(noun: Token | None, unit: str | None) -> bool:
    """A count of police ("3,000 police forces", "riot police reinforcements"; with no noun of
    its own, "police forces numbering 3,000" by its unit): never troops, even when deployed
    (POLICE_WORDS)."""
    if noun is None:
        return any(w in POLICE_WORDS for w in (unit or "").lower().split())
    return noun.lower_ in POLICE_WORDS or any(c.lower_ in POLICE_WORDS for c in noun.lefts)


def _counts_things(noun: Token | None, about_people: bool) -> bool:
    """A plain plural common noun that is no kind of person ("attacks", "hospitals"). Names and
    capitalised words are left alone: the small model often takes a headline word or an
    acronym ("15 SARC volunteers") for the counted noun."""
    return (
        noun is not None
        and not about_people
        and noun.pos_ == "NOUN"
        and noun.tag_ == "NNS"
        and noun.is_lower
        and not noun.ent_type_
        and noun.lower_ not in LIFE_WORDS
    )


def _one_of_the_dead(root: Token) -> bool:
    """The count is a part of the dead ("109 of the dead", "six of the bodies"): on the real
    store "At least 109 of the dead were evacuees" had counted the dead as displaced."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            g.dep_ == "pobj"
            and g.lower_ in DEAD_NOUNS
            # "dozens of dead and injured": casualties of both kinds, not the dead alone
            and not any(h.dep_ == "conj" for h in g.children)
            and not (g.i + 1 < len(g.doc) and g.doc[g.i + 1].lower_ in ("and", "or"))
            for g in c.children
        )
        for c in root.children
    )


def _doing_when_hit(word: Token, anchor: Token, predicates: list[Token]) -> bool:
    """``word`` is the counted people's own present participle of leaving ("three children
    fleeing across the river on rafts") and one of their ``predicates`` kills or wounds them
    ("air strikes killed 14 people including three children fleeing …"): what they were doing
    when hit, not what became of them (the real store had counted such children displaced)."""
    return (
        word.tag_ == "VBG"
        and word.dep_ == "acl"
        and word.head.i == anchor.i
        and any(p.i != word.i and _state_word(p) in ("killed", "injured") for p in predicates)
    )


def _category_of_predicates(
    root: Token,
    noun: Token | None,
    noun_low: str,
    *,
    about_people: bool,
    troops: bool,
    a_force: bool,
    police: bool,
    places: frozenset[str],
) -> str | None:
    """The category the verbs governing the number give it ("killed", "fled", "deployed"), from
    the nearest up; None when a verb rules a casualty out, a claim verb comes first, or none
    names a state."""
    predicates = _predicates(root, noun)
    for pred in predicates:
        if _wounds_taken(pred, noun or root):
            # "six were killed and 12 received wounds" (receiving and suffering are otherwise
            # no casualty's: "children suffering malnutrition")
            return "injured"
        if _not_a_casualty(pred):
            return None
        lemma = pred.lemma_.lower()
        low = pred.lower_
        if _doing_when_hit(pred, noun or root, predicates):
            continue  # "killed 14 people including three children fleeing across the river"
        if _done_by(noun or root, pred):
            continue  # "shot at 41 times by four officers": the four did it, nobody was shot
        if _with_a_thing_described(noun or root, pred):
            continue  # "villages besieged … with her two children and 5000 other people"
        if lemma in KILLED_WORDS or low in KILLED_WORDS:
            if lemma == "kill" and pred.pos_ == "VERB" and _is_agent(noun or root, pred):
                continue  # "20 soldiers killed 5 militants": the 20 did the killing
            if _object_elsewhere(pred, noun or root):
                continue  # "the team executed this flawlessly, drawing crowds of hundreds"
            if _or_hurt(pred):
                return "people"  # "killed or injured": casualties, as "20 casualties" are
            return "killed"
        if lemma in ("claim", "lose", "cost", "take") and _names_lives(pred, noun_low):
            # "claimed the lives of 12 civilians", "50 people lost their lives", "taking 129
            # lives"
            return "killed"
        if (
            lemma == "lose"
            and (noun_low in TROOP_NOUNS or noun_low in ARMED_NOUNS)
            and noun is not None
            and _lost_object(pred, root, noun)
        ):
            # "Damascus lost more than 40 troops", "IS lost 15 fighters", "the group lost 13 of
            # its fighters": a force's dead, not its size
            return "killed"
        if lemma in INJURED_WORDS or low in INJURED_WORDS:
            if lemma == "hurt" and not _hurt_in_body(pred):
                continue  # "the crisis hurt millions", "a way that hurt one candidate"
            if _wound_up(pred):
                continue  # "the band wound up at 38": ended up, nobody wounded
            return "injured"
        if _harm_inflicted(pred):
            return "injured"  # "inflicted harm on an additional 200 civilians"
        if (lemma in MISSING_WORDS or low in MISSING_WORDS) and about_people:
            if _lacking(pred, noun or root):
                continue  # "the club are missing 14 players": without them, not lost
            return "missing"
        if lemma == "leave" and pred.pos_ != "VERB":
            continue  # "six months' paid leave"
        if lemma == "leave" and not _left_home(pred, noun or root, places):
            continue  # "left the hotel", "left big firms", "leaves behind a wife and two sons"
        # Leaving and staying are about people only ("left 3 cars" is not displacement).
        if (lemma in DISPLACED_WORDS or low in DISPLACED_WORDS) and about_people:
            if _planned(pred):
                continue  # "30000 people will be evacuated under the deal": none moved yet
            return "displaced"
        if about_people and _uprooted(pred, noun or root):
            return "displaced"  # "three million Syrians have become refugees"
        if (lemma in REMAINING_WORDS or low in REMAINING_WORDS) and about_people:
            if lemma in ("remain", "stay") and not _what_remains(pred, noun or root):
                continue  # "it remains unclear whether … meet thousands of voters"
            if _level_stuck_at(pred, noun or root):
                continue  # "unemployment stuck above 4 million": a level, nobody stranded
            if _kept_in_custody(pred):
                continue  # "the nine men would remain in prison": detainees, nobody trapped
            if _still_at_work(pred, noun):
                continue  # "the 50,000 remaining coal miners": still employed, not trapped
            if (
                troops
                and lemma in ("remain", "stay")
                and not any(
                    c.lemma_.lower() in REMAINING_WORDS
                    and c.lemma_.lower() not in ("remain", "stay")
                    for c in pred.children
                )
            ):
                # "5,500 troops would remain in the country": a force kept in place is a troop
                # level, not people stranded (PolNeAR: US troops staying in Afghanistan were
                # the Overview's "People remaining / trapped"). Troops trapped or besieged stay
                # "remaining".
                return "troops"
            return "remaining"
        if (
            (troops or (about_people and lemma in DETAINING_VERBS))
            and lemma in CAPTIVE_VERBS
            and not _is_agent(noun or root, pred)
        ):
            # "Iran detained 10 American sailors": captives, not a force; "eight refugees were
            # detained", "the 121 people detained in raids, 77 deported": held, not displaced
            return "people"
        if lemma in DEPLOY_WORDS and (
            troops
            # "three of its fighters armed with guns": an attack's gunmen, no force sent
            or (noun_low in ARMED_NOUNS and a_force)
            or (noun_low == "forces" and not police)
            # "members" only when sent: members "serve" on committees and "join" parties
            or (noun_low == "members" and lemma in SENDING_WORDS and not police)
        ):
            return "troops"
        if lemma in CLAIM_VERBS and pred.pos_ == "VERB":
            return None
        if _own_verb_of_object(pred, noun if noun is not None else root):
            # "a siege which threatens 300000 civilians": the count's own verb, with a subject
            # of its own, names no state; the verbs above it ("rebels were killed during …")
            # are another clause's
            return None
    return None


def _object_of_negated_verb(anchor: Token) -> bool:
    """The count is the direct object (or passive subject) of a verb negated by "not"/"never"
    ("is not admitting 70,000 refugees", "20 civilians were never evacuated")."""
    if anchor.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = anchor.head
    return verb.pos_ == "VERB" and any(
        c.dep_ == "neg" and c.lower_ in ("not", "n't", "never") for c in verb.children
    )


HARM_NOUNS = frozenset({"harm", "injury", "injuries", "wound", "wounds"})


def _harm_inflicted(pred: Token) -> bool:
    """``pred`` is "inflict" with a harm for object, or a harm "inflicted" (the small model
    makes the verb an adjective of its object: "… and inflicted harm on 200 civilians")."""
    lemma = pred.lemma_.lower()
    if lemma == "inflict":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in HARM_NOUNS for c in pred.children)
    return lemma in HARM_NOUNS and (
        pred.head.lemma_.lower() == "inflict"
        or any(c.lemma_.lower() == "inflict" for c in pred.children)
    )


WOUND_TAKING_VERBS = lexicon.words("wound_taking_verbs")


def _wounds_taken(pred: Token, counted: Token) -> bool:
    """``pred`` is a verb of taking (:data:`WOUND_TAKING_VERBS`) with wounds or injuries for
    object and the counted people for subject: "12 received wounds of different severity"
    (the people were injured; "the hospital received 30 patients" is no wound)."""
    if pred.lemma_.lower() not in WOUND_TAKING_VERBS or pred.pos_ != "VERB":
        return False
    takes_wounds = any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("wound", "injury") for c in pred.children
    )
    return takes_wounds and counted.dep_ == "nsubj" and counted.head.i == pred.i


def _or_hurt(pred: Token) -> bool:
    """``pred`` (a word of killing) joined to a word of injury right after it ("were killed or
    injured", "killed and wounded"): one count of both, no toll of the dead."""
    doc = pred.doc
    return any(
        c.dep_ == "conj"
        and (c.lemma_.lower() in INJURED_WORDS or c.lower_ in INJURED_WORDS)
        and c.i == pred.i + 2
        and doc[pred.i + 1].lower_ in ("or", "and")
        for c in pred.children
    )


def _own_verb_of_object(pred: Token, anchor: Token) -> bool:
    """``pred`` is the verb whose direct object the count is, in a clause with its own
    subject, and nothing after the count says what became of it ("forced 13000 residents to
    flee", "left 12 dead")."""
    return (
        anchor.dep_ == "dobj"
        and anchor.head.i == pred.i
        and pred.pos_ == "VERB"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in pred.children)
        and not any(
            c.dep_ in ("xcomp", "ccomp", "oprd", "acomp", "advcl", "conj") and c.i > anchor.i
            for c in pred.children
        )
    )


LIFE_WORDS = lexicon.words("life_words")
# "100,000 public bodies" are institutions, not the dead.
INSTITUTION_BODY_WORDS = frozenset(
    {
        "public",
        "governing",
        "regulatory",
        "professional",
        "statutory",
        "advisory",
        "sporting",
        "appointed",
        "elected",
    }
)
# "bodies" count the dead only where the article speaks of death, harm or its aftermath, or says
# what was done with them ("pulled from the rubble"). Elsewhere they are organisations ("the two
# bodies generating private income for the Queen", "20 other national Olympic bodies": a BBC
# story on royal income had filed 2 "bodies" killed).
BODY_WORDS = frozenset({"bodies", "body"})
DEATH_SCENE_WORDS = (
    KILLED_WORDS
    | KILLING_NOUNS
    | INJURED_WORDS
    | (DEAD_NOUNS - BODY_WORDS)
    | frozenset(
        {
            "corpse", "rubble", "wreckage", "morgue", "mortuary", "grave", "coffin", "victim",
            "funeral", "autopsy",
        }
    )
)  # fmt: skip
BODY_VERBS = frozenset(
    {
        "find", "discover", "recover", "retrieve", "pull", "dig", "lift", "exhume", "bury",
        "dump", "wash", "identify", "strew", "lie", "lay", "repatriate", "collect", "mutilate",
        "count",
    }
)  # fmt: skip


def _bodies_of_the_dead(span: Span, noun: Token) -> bool:
    """Whether the "bodies" ``span`` counts are the dead: they were found, buried, pulled out …
    ("18 bodies pulled from flattened buildings"), they are people's ("65 bodies of
    civilians"), or the article speaks of death anywhere ("he saw at least 80 bodies at the
    hospital" in a story of a gas attack). A number that borrowed "bodies" follows its
    lender."""
    near = (noun.head, noun.head.head, *(c for c in noun.children if c.dep_ in ("acl", "relcl")))
    if any(a.lemma_.lower() in BODY_VERBS for a in near):
        return True
    if any(
        p.dep_ == "pobj" and (p.lower_ in PEOPLE_NOUNS or PEOPLE_ENDINGS.search(p.lower_))
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
    ):
        return True  # "65 bodies of civilians": people's bodies
    return any(
        t.lemma_.lower() in DEATH_SCENE_WORDS or t.lower_ in DEATH_SCENE_WORDS for t in span.doc
    )


# What people leave when they are displaced: their homes, towns, countries (or a place named).
# Source: curated by hand for presslens from the war and politics stores' sentences.
LEFT_PLACE_NOUNS = lexicon.words("left_place_nouns")


# The entity labels of a name that is no place one leaves ("left Goldman Sachs", "left Fox").
NOT_PLACE_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
# Why the displaced leave, when an infinitive says it ("left to seek refuge in Lebanon").
SAFETY_VERBS = frozenset({"seek", "escape", "flee", "find", "avoid", "save"})


def _in_subtree(tok: Token, top: Token) -> bool:
    return top.left_edge.i <= tok.i <= top.right_edge.i and (tok.i == top.i or top in tok.ancestors)


def _left_home(leave: Token, anchor: Token, places: frozenset[str]) -> bool:
    """Whether "leave" says the counted people left their homes, town or country ("10,000 have
    left", "thousands left Aleppo", "forced to leave their villages"). Not leaving something
    else ("left the hotel", "left big firms", "threatened to leave the exchanges", "left to help
    start a firm") nor people left by someone ("leave two behind", "leaves a wife and four
    children", "left thousands waiting", "leave millions without insurance"): a state they are
    left in (homeless, dead) is read from its own word."""
    if any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "behind" for c in leave.children):
        return False
    objects = [c for c in leave.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(_in_subtree(anchor, o) for o in objects):
        # the counted were left: displaced only "without homes" / "without shelter"
        return any(
            p.dep_ == "prep"
            and p.lower_ == "without"
            and any(g.lemma_.lower() in LEFT_PLACE_NOUNS | {"shelter"} for g in p.children)
            for p in leave.children
        )
    if any(
        c.dep_ in ("xcomp", "advcl")
        and any(t.lower_ == "to" and t.i < c.i for t in c.subtree)  # "left to help start"
        and c.lemma_.lower() not in SAFETY_VERBS
        for c in leave.children
    ):
        return False  # "left to help start Wealth-X": quit to do something ("to seek safety" stays)
    dobj = next((c for c in leave.children if c.dep_ == "dobj"), None)
    return (
        dobj is None
        or dobj.lemma_.lower() in LEFT_PLACE_NOUNS
        or dobj.ent_type_ in ("GPE", "LOC")
        or (dobj.is_title and _gazetteer_place(dobj) is not None)  # "left Aleppo", "left Homs"
        or dobj.lower_ in places  # a town the article's mentions call a place elsewhere
        # a name no tagger knows ("leaving Foua and Kafraya"), unless it names a body or a person
        # (a town's unknown name is often tagged a nationality: "Zardana" NORP, not "Syrians")
        or (
            dobj.pos_ == "PROPN"
            and (
                dobj.ent_type_ not in NOT_PLACE_LABELS
                or dobj.tag_ == "NNP"
                and dobj.ent_type_ == "NORP"
            )
        )
    )


def _done_by(anchor: Token, pred: Token) -> bool:
    """The count is in the "by" phrase of ``pred`` (the agent of a passive or of an action
    noun): "shot at 41 times by four officers", "under attack by dozens of women"."""
    tok = anchor
    while tok.head.i != tok.i and tok.i != pred.i:
        if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.i == pred.i:
            return tok.head.dep_ in ("agent", "prep")
        if tok.dep_ == "agent" and tok.head.i == pred.i:
            return True
        tok = tok.head
    return False


def _object_elsewhere(pred: Token, anchor: Token) -> bool:
    """A verb of killing whose direct object is something else than the count, which hangs on
    it from another phrase: "the team executed this flawlessly, … drawing crowds of hundreds"
    (the count is not who was executed). A count that is the verb's subject is judged by
    :func:`_is_agent`; one inside its object is its victim."""
    if pred.pos_ != "VERB":
        return False
    objects = [c for c in pred.children if c.dep_ == "dobj"]
    if not objects or any(_in_subtree(anchor, o) for o in objects):
        return False
    if any(_counted(o) or _names_people(o.lower_) or o.ent_type_ == "NORP" for o in objects):
        return False  # "executed 48 people … among them 10 children": the parse lost the list
    return not any(
        _in_subtree(anchor, c) for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")
    )


def _what_remains(verb: Token, anchor: Token) -> bool:
    """The count is what "remain"/"stay" says stays: its subject ("5,500 troops would remain"),
    or the word describes it ("the remaining 50,000", "4,000 remaining"); not a count inside a
    clause of another subject ("It remains unclear whether … thousands of voters")."""
    if verb.head.i == anchor.i:
        return True  # "the remaining 50,000", "4,000 remaining"
    return any(c.dep_ in ("nsubj", "nsubjpass") and _in_subtree(anchor, c) for c in verb.children)


# People counted by their work or membership: "remaining" before them says who is still in the
# job or the body ("50,000 remaining coal miners have next to no political power", "the 300
# remaining employees"), not who is trapped or left behind somewhere (PolNeAR: a coal story's
# miners had been the Overview's headline "People remaining / trapped").
WORKFORCE_NOUNS = frozenset({
    "miner", "worker", "employee", "job", "member", "staff", "staffer", "workforce",
    "steelworker", "autoworker", "laborer", "labourer",
})  # fmt: skip


# The prepositions of a level: "stuck above 4 million", "remained at 9%".
LEVEL_PREPOSITIONS = frozenset({"above", "below", "at", "over", "under", "around", "near"})
# Where people are kept or held in place by no siege: "remain in prison", "stay in office".
CUSTODY_NOUNS = frozenset({
    "prison", "jail", "gaol", "custody", "detention", "office", "power", "post", "charge",
    "control", "contact", "touch", "business", "coma", "exile",
})  # fmt: skip


def _level_stuck_at(pred: Token, anchor: Token) -> bool:
    """The count is the object of a preposition of a level on the verb of staying ("unemployment
    stuck above 4 million"): what stays is the verb's subject, at that level."""
    if anchor.dep_ == "pobj":
        anchor = anchor.head
    # (the span may start with the preposition: "above 4 million" is rooted at "above")
    return anchor.dep_ == "prep" and anchor.lower_ in LEVEL_PREPOSITIONS and anchor.head.i == pred.i


def _kept_in_custody(pred: Token) -> bool:
    """ "remain in prison", "stayed in office": the place stayed in is custody or a post
    (:data:`CUSTODY_NOUNS`), not a besieged or stricken place."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "behind")
        and any(p.dep_ == "pobj" and p.lemma_.lower() in CUSTODY_NOUNS for p in c.children)
        for c in pred.children
    )


def _still_at_work(pred: Token, noun: Token | None) -> bool:
    """Whether ``pred`` is "remaining" written before ``noun`` as its modifier, and ``noun`` a
    worker or member (:data:`WORKFORCE_NOUNS`)."""
    return (
        noun is not None
        and pred.dep_ == "amod"
        and pred.head.i == noun.i
        and pred.i < noun.i
        and noun.lemma_.lower() in WORKFORCE_NOUNS
    )


def _hurt_in_body(pred: Token) -> bool:
    """ "hurt" of bodies: passive or a state ("20 were hurt", "five people hurt", "left 12
    hurt"), or done by an incident or a weapon ("the blast hurt 20"). Active "hurt" with
    another subject is harm of another kind ("the crisis hurt millions", "a way that hurt one
    candidate", "not hurting like the automakers")."""
    if pred.tag_ == "VBN" or pred.dep_ in ("amod", "acomp", "oprd", "acl"):
        return not any(c.dep_ == "dobj" for c in pred.children)
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in INCIDENT_NOUNS | DISASTER_NOUNS
        for c in pred.children
    )


TOLL_HEDGES = frozenset({"high", "many", "much", "low", "few"})


def _toll_number(root: Token) -> bool:
    """The number a death toll is put at, raised to or given as ("put the death toll at 58",
    "the toll rose to 73", "had given a death toll of 17")."""
    prep = root.head if root.dep_ == "pobj" else None
    if _hung_on_next_phrase(root):
        prep = _word_before(root)[1]  # "has risen to at least 112 a monitoring group said"
    # "put the death toll at as high as 470000": through the "as high as" to its "at"
    while prep is not None and prep.lower_ == "as" and prep.head.lower_ in TOLL_HEDGES:
        prep = prep.head.head if prep.head.dep_ in ("pcomp", "pobj", "advmod") else None
    if prep is None or prep.lower_ not in ("at", "to", "of"):
        return False
    holder = prep.head
    # Up to the verb: "raised the death toll from airstrikes on a market … to 61" hangs "to 61"
    # on a noun of the long phrase between, not on "raised".
    for _ in range(6):
        if holder.lemma_.lower() == "toll" or any(
            c.lemma_.lower() == "toll" or _number_of_dead(c)
            for c in holder.children
            if c.dep_ in ("dobj", "nsubj")
        ):
            return True
        if holder.pos_ in ("VERB", "AUX"):
            # "The death toll in an attack on buses carrying Syrians evacuated from two towns
            # has risen to 112": the parser made the long subject a clause; its subject is
            # still the toll
            return any(
                t.lemma_.lower() == "toll" and t.dep_ == "nsubj"
                for c in holder.children
                if c.dep_ == "csubj"
                for t in c.children
            )
        if holder.head.i == holder.i:
            return False
        holder = holder.head
    return False


def _state_beside(
    span: Span, noun: Token | None, places: frozenset[str]
) -> tuple[str | None, Token | None]:
    """The casualty state written right after the number (or its noun) in its own clause:
    "Three killed, over 70 injured", "more than 10 million displaced", "12 people dead".

    Headlines and lists drop the auxiliary, so the parse often hangs the second count on the
    first verb; the word beside the number is what the writer meant. A verb with an object
    ("20 soldiers killed 5 militants") is an act of the counted, not their state. Returns the
    state and the word that names it; (None, None) when there is none.
    """
    doc = span.doc
    at = max(span.end, noun.i + 1 if noun is not None and noun.i >= span.end else span.end)
    # "One Killed Others Injured": the parser takes "Killed Others" for the counted noun, but
    # the state written right after the number is its own
    if at > span.end and span.end < span.sent.end:
        state = _state_word(doc[span.end])
        if state is not None:
            return state, doc[span.end]
    for tok in doc[at : min(at + 4, span.sent.end)]:
        if tok.is_punct or tok.dep_ == "cc":
            return None, None
        if tok.lower_ in AUXILIARY_WORDS or tok.lower_ in MORE_WORDS:
            continue  # "were", "have been"; "at least 100 more were wounded", "dozens more wounded"
        if tok.i == span.end and tok.lower_ in DEAD_NOUNS:
            return "killed", tok  # "Claims 7 Martyrs 19 Injured": the count's own noun, unparsed
        # "15 Civilians 3 Children Killed" (a headline list, commas lost): the state is written
        # once, after the last item
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (tok.like_num and nxt is not None and nxt.tag_ in ("NNS", "NNPS")) or (
            doc[tok.i - 1].like_num and tok.tag_ in ("NNS", "NNPS")
        ):
            continue  # a count with its noun, not a bare number ("Rises to 11 44 Injured")
        if tok.pos_ == "VERB" and _has_object(tok):
            return None, None
        state = _state_word(tok)
        if (
            state == "displaced"
            and tok.lemma_ == "leave"
            and not _left_home(tok, span.root, places)
        ):
            return None, None  # "two staff members left to help start a firm"
        return (state, tok) if state is not None else (None, None)
    return None, None


# How far a list of counts may run to the state word its last item ends in.
LIST_STATE_WINDOW = 24


def _list_state(span: Span, noun: Token | None) -> str | None:
    """The casualty state written once after a list of counts of people, for every item: "300
    policemen, over 600 soldiers, more than 3,000 civilians dead" — the soldiers are dead too,
    though the parse hangs the state on one item only. Read from the words: only counts with
    their nouns of people, commas and "and" may come between, and the state word must follow
    the last item's noun ("killed 5 soldiers and wounded 10 civilians" is no such list: a
    verb follows "and"; "5,000 troops, 200 killed" neither: the state is the 200's own)."""
    if noun is None or noun.i < span.end:
        return None
    doc = span.doc
    items = 0
    for tok in doc[noun.i + 1 : min(noun.i + LIST_STATE_WINDOW, span.sent.end)]:
        prev = doc[tok.i - 1]
        if tok.text == "," or tok.lower_ == "and":
            continue
        # a further count, or its hedge ("over", "more than", "at least")
        hedge = tok.i < tok.head.i and any(a.like_num for a in list(tok.ancestors)[:2])
        if tok.like_num or hedge:
            items += 1 if tok.like_num else 0
            continue
        if tok.pos_ == "NOUN" and _names_people(tok.lower_):
            continue  # an item's noun ("soldiers"), or "policemen and women"
        if tok.dep_ in ("amod", "compound") and tok.head.i > tok.i and tok.head.pos_ == "NOUN":
            continue  # "600 Syrian soldiers"
        state = _state_word(tok)
        if (
            items
            and state in CASUALTY_CATEGORIES
            and prev.pos_ == "NOUN"
            and _names_people(prev.lower_)
            and _counted(prev)
        ):
            return state
        return None
    return None


def _left_object(span: Span, noun: Token | None) -> bool:
    """The count is what "leave" left ("left 35 people … dead", "leaving injured about 50"), not
    a phrase elsewhere under it ("a clinic serving thousands … has left two patients dead")."""
    anchor = noun if noun is not None else span.root
    if span.start > span.sent.start and span.doc[span.start - 1].lemma_ == "leave":
        return True
    leave = next((t for t in anchor.ancestors if t.lemma_ == "leave" and t.pos_ == "VERB"), None)
    return leave is not None and any(
        c.dep_ in ("dobj", "nsubjpass") and _in_subtree(anchor, c) for c in leave.children
    )


def _left_in_state(span: Span, noun: Token | None) -> str | None:
    """The casualty state "leave" puts the counted people in, when its clause names one: "left
    35 people including 22 children dead", "dozens were left injured", "leaving injured about
    50" — read as displacement by "leave" alone. The state word stands right before the number
    or after the counted words (past "including …" and dashes), before any other clause; None
    when the people were left without one, or no "leave" governs them."""
    doc = span.doc
    anchor = noun if noun is not None else span.root
    leave = next((t for t in anchor.ancestors if t.lemma_ == "leave" and t.pos_ == "VERB"), None)
    before = doc[span.start - 1] if span.start > span.sent.start else None
    if leave is None and before is not None and before.lemma_ == "leave":
        leave = before
    if leave is None:
        return None
    state = _state_word(before) if before is not None else None
    if state in CASUALTY_CATEGORIES:
        return state  # "leaving injured about 50"
    for tok in doc[max(span.end, anchor.i + 1) : min(anchor.i + 9, span.sent.end)]:
        if tok.dep_ == "cc" or tok.text == ";":
            return None
        own_clause = any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if tok.pos_ == "VERB" and tok != leave and tok.lemma_ != "include" and own_clause:
            return None  # a clause of its own
        state = _state_word(tok)
        if state in CASUALTY_CATEGORIES and tok.pos_ in ("ADJ", "ADV", "VERB"):
            return state
    return None


def _state_word(tok: Token) -> str | None:
    """The casualty category a word names ("killed", "wounded", "missing", "fled"), else None."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    for category, words in (
        ("killed", KILLED_WORDS), ("injured", INJURED_WORDS), ("missing", MISSING_WORDS),
        ("displaced", DISPLACED_WORDS),
    ):  # fmt: skip
        if lemma in words or low in words:
            return category
    return None


NATIONALITY_NOUN_COUNTRIES = lexicon.mapping("nationality_noun_countries")


def _nationality_country(noun: Token | None) -> str | None:
    """The country of a plural of a nation's people ("Britons" → United Kingdom, "Americans"
    → United States, "Swiss"), else None; "" for a nationality noun of no one country the
    tables know ("Scots" is Scotland's, no country of the gazetteer's)."""
    if noun is None or not noun.is_title or noun.tag_ not in ("NNPS", "NNS", "NNP"):
        return None
    singular = noun.text[:-1] if noun.lower_.endswith("s") else noun.text
    country = (
        demonym_country(singular)
        or NATIONALITY_COUNTRIES.get(singular.lower())
        or NATIONALITY_NOUN_COUNTRIES.get(singular.lower())
        or NATIONALITY_COUNTRIES.get(noun.lower_)  # "Swiss", "Dutch"
    )
    if country:
        return country
    return "" if singular.lower() in NATIONALITY_NOUNS else None


def _nationals_abroad(reading: _Reading, place: str | None) -> bool:
    """Whether ``reading`` counts a nation's people ("440 Britons", "three Americans") and the
    article's place ``place``, the answer for a count its sentence does not place, lies outside
    their country (or their country is not known): they are counted as that nation's, wherever
    they were; the story's place is no answer (440 Britons dead or missing in the tsunami had
    been Africa's, the place a story of aid named most)."""
    if place is None:
        return False
    country = _nationality_country(reading.unit_token)
    if country is None:
        return False
    home = gazetteer.country(country) if country else None
    if home is None or not home.country:
        return True
    code = _place_code(place)
    if code is None:
        # a continent or a region ("Africa") holds no nation's people as theirs; a name no
        # table knows ("Indonesia Aceh", a tagger's run-on) gives no answer
        known = gazetteer.place(place)
        return known is not None and known.kind in ("continent", "region")
    return code != home.country


def _nationals_at_home(reading: _Reading, place: str | None) -> bool:
    """Whether ``reading`` counts a nation's people and the article's place ``place`` lies in
    their country: "2.2 million Ethiopians will still need aid", foretold in a story about
    Ethiopia, are Ethiopia's."""
    country = _nationality_country(reading.unit_token) if place is not None else None
    home = gazetteer.country(country) if country else None
    return home is not None and bool(home.country) and _place_code(place) == home.country


def _place_code(place: str) -> str | None:
    """The country code of a place's name: the country's own, else the one it lies in."""
    known = gazetteer.country(place)
    return known.country if known is not None else _country_of(place)


def _names_nationality_of(sent: Span, country: str) -> bool:
    """Whether ``sent`` names the nationality of ``country`` ("Turkish" of Turkey), which ties a
    count of people in it to that country when the story is about it."""
    if gazetteer.country(country) is None:
        return False
    return any(
        tok.is_title
        and (demonym_country(tok.text) or NATIONALITY_COUNTRIES.get(tok.lower_)) == country
        for tok in sent
    )


def _names_another_country(ctx: _Context, sent: Span, place: str) -> bool:
    """Whether ``sent`` names a country, by its name or its nationality ("Rwandan"), and none
    of them is the country ``place`` lies in: what it tells happened there, not at ``place``."""
    home = gazetteer.country(place)
    code = home.country if home is not None else _country_of(place)
    if code is None or ctx.names_in(sent, place):
        return False  # (a sentence that names the place itself is about it)
    others = False
    for tok in sent:
        if not tok.is_title:
            continue
        name = demonym_country(tok.text) or NATIONALITY_COUNTRIES.get(tok.lower_)
        if name is None and ctx.label(tok) == "GPE":
            name = ctx.name(tok)
        known = gazetteer.country(name) if name else None
        if known is None:
            continue
        if known.country == code:
            return False
        others = True
    return others


def _tells_harm(tok: Token) -> bool:
    """Whether ``tok`` tells of harm or an incident: a casualty word ("killed", "wounded"), an
    attack's noun ("blast", "shelling"), a strike's verb ("targeted", "pounded"), fighting
    ("battle", "mortar") or a disaster ("earthquake")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    return (
        _state_word(tok) in ("killed", "injured", "missing")
        or low in INCIDENT_NOUNS
        or low in DISASTER_NOUNS
        or low in KILLING_NOUNS
        or lemma in STRUCK_PLACE_VERBS
        or lemma in COMBAT_WORDS
        or low in COMBAT_WORDS
    )


def _has_object(verb: Token) -> bool:
    """A direct object in the verb's own clause (not a count after a comma that the parser
    hung on it: "Three killed, over 70 injured")."""
    doc = verb.doc
    return any(
        c.dep_ == "dobj"
        and not any(t.is_punct for t in doc[verb.i + 1 : c.left_edge.i])
        # "Killed 38 Injured" (the comma lost): a count with its own casualty word is a list item
        and not (c.like_num and any(_casualty_word(g) for g in c.children if g.dep_ == "acl"))
        # "8 persons killed 58 others injured": a counted object followed by its own casualty
        # word is the next list item too
        and not (_counted(c) and c.i + 1 < len(doc) and _casualty_word(doc[c.i + 1]))
        and not _speaker_run_in(c)
        for c in verb.children
    )


def _speaker_run_in(obj: Token) -> bool:
    """A participle's "object" that is the subject of the speech verb after it: "… in addition
    to 12 injured a source told SANA", "… a source at the police command said" (commas lost) is
    an attribution after the count's state, not 12 people who injured a source. The first verb
    after the object, within a few words and no punctuation, is the one."""
    doc = obj.doc
    for tok in doc[obj.i + 1 : min(obj.i + 8, obj.sent.end)]:
        if tok.is_punct:
            return False
        if tok.pos_ in ("VERB", "AUX"):
            return tok.tag_ in ("VBD", "VBZ", "VBP") and tok.lemma_.lower() in speech.SPEECH_VERBS
    return False


# Verbs that displace people when they put them out of a home, a town or a named place.
FORCING_OUT_VERBS = lexicon.words("forcing_out_verbs")


def _uprooted(pred: Token, anchor: Token | None = None) -> bool:
    """Words that make people displaced without a verb of leaving: "become refugees",
    "driven millions from their homes" / "driven out", "forced about 3,000 people from their
    homes", "forced 500 residents out of their homes"."""
    if pred.lemma_.lower() in ("refugee", "evacuee") and pred.dep_ in ("attr", "oprd"):
        return True
    if pred.lemma_.lower() == "drive" and any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("from", "out") for c in pred.children
    ):
        return True
    return (
        pred.lemma_.lower() in FORCING_OUT_VERBS
        and anchor is not None
        and _put_out(pred, anchor)
        and any(_left_place(place) for place in _put_out_of(pred))
    )


def _put_out(pred: Token, anchor: Token) -> bool:
    """The counted are the ones ``pred`` forces out: its object or passive subject ("forced
    3,000 people from", "3,000 were forced from") or the noun it describes ("residents forced
    from their homes"); not a count joined to them ("half the population forced from their
    homes and hundreds of thousands trapped under siege": those are trapped)."""
    if anchor.head.i == pred.i and anchor.dep_ in ("dobj", "nsubjpass"):
        return True
    return pred.head.i == anchor.i and pred.dep_ in ("acl", "relcl")


def _put_out_of(pred: Token) -> list[Token]:
    """The places ``pred`` puts its object out of: the object of its "from" ("from their
    homes") or of "out of" ("out of their homes")."""
    places = []
    for prep in pred.children:
        if prep.dep_ not in ("prep", "prt") or prep.lower_ not in ("from", "out"):
            continue
        heads = [prep] if prep.lower_ == "from" else [c for c in prep.children if c.lower_ == "of"]
        places += [g for h in heads for g in h.children if g.dep_ == "pobj"]
    return places


def _left_place(tok: Token) -> bool:
    """A home, a town or a named place, which people are displaced from (not "their jobs",
    "office", "the party")."""
    return (
        tok.lemma_.lower() in LEFT_PLACE_NOUNS
        or tok.ent_type_ in ("GPE", "LOC")
        or (tok.is_title and _gazetteer_place(tok) is not None)  # "out of Aleppo" (NORP-tagged)
    )


NUMBERED_NAMES = lexicon.words("numbered_names")


# An opening tag with attributes not yet closed before the number: '<tweet id="7479…"'. No
# sentence's end inside it: a broken tag whose attribute runs on into the story's prose
# ('tweet-date=" — Lower the corporate income tax and bring back hundreds of billions') leaves
# the prose's figures to it.
_TAG_CHAR = r"(?:[^<>\n.]|\.(?!\s))"
_OPEN_TAG = re.compile(rf"<[A-Za-z][\w:-]*\s{_TAG_CHAR}*={_TAG_CHAR}*\Z")


def _in_markup(text: str, start: int) -> bool:
    """A number inside an HTML or XML tag that the scraped text kept ('<tweet id="7479869"
    author="@x" datetime="2016-06-29">'): an id, a timestamp or a date of the markup, no
    figure of the story (PolNeAR's embedded tweets gave 126 such "other" figures)."""
    return _OPEN_TAG.search(text, max(0, start - 300), start) is not None


# What makes a "half" one of two periods or of a pitch, not a share: "the first half" of a
# match or of 2004, "the second half", "in their own half".
PERIOD_HALF_BEFORE = frozenset({"first", "second", "opening", "closing", "own", "1st", "2nd"})


def _half_of_a_period(span: Span) -> bool:
    """ "In the first half we played well", "growth slowed in the second half of 2004",
    "pinned in their own half": the half of a match, a year or a pitch, no share of anything
    (BBC sport and business and PolNeAR gave 90 such "percent" and "territory_share"
    figures). Only the bare word "half" right after the word that makes it a period
    ("first-half" too)."""
    if len(span) != 1 or span[0].lower_ != "half":
        return False
    tok = span.doc[span.start - 1] if span.start > span.sent.start else None
    if tok is not None and tok.text in ("-", "–") and tok.i > span.sent.start:
        tok = span.doc[tok.i - 1]  # "first-half possessions"
    return tok is not None and tok.lower_ in PERIOD_HALF_BEFORE


def _numbers_a_name(span: Span) -> bool:
    """A bare number that is part of a name: after a capitalised noun that things are numbered
    by ("Brigade 93"), or one the parse makes a part of the proper name before it ("Russia's
    Rossiya 24 channel", "the France 24 network", "Channel 10 television"), or a house number
    (:func:`_house_number`: "occupants of 10 Downing Street")."""
    before = span.start - 1
    if before < span.sent.start or len(span) != 1 or not span[0].like_num:
        return False
    if _audience_label(span) is not None:
        return False  # a line's "Attendance 12,480": the parse hangs it on the label as a name
    tok = span.doc[before]
    return (
        (tok.is_title and tok.lower_ in NUMBERED_NAMES)
        or _names_go_on(tok, span[0])
        or _house_number(span)
        or _in_a_title(span)
        or _model_number(span[0])
        or _rank_list(span)
        or _hyphened_to_an_activity(span[0])
    )


def _rank_list(span: Span) -> bool:
    """ "in the top 100", "the top 10 of the chart": the size of a ranked list, no count of
    anything the news reports ("the top 100 firms" still counts firms)."""
    doc = span.doc
    before = span.start - 1
    if before < span.sent.start + 1 or doc[before].lower_ != "top":
        return False
    if doc[before - 1].lower_ not in ("the", "its", "their", "a"):
        return False
    head = span.root.head
    return not (span.root.dep_ == "nummod" and head.i > span.root.i and head.tag_ == "NNS")


def _model_number(num: Token) -> bool:
    """A product's model number ("a US air force 767 tanker contract", "a Boeing 777"): the
    tagger marks it a PRODUCT, and no plural noun is counted by it ("767 pages" is a count, so
    is "ten Boeing 747 jets"' ten, which is no PRODUCT). A BBC story's "767 tanker contract"
    had been a figure of 767 "force tanker contract"."""
    if "," in num.text:
        return False
    if num.ent_type_ == "PRODUCT":
        return not (num.dep_ == "nummod" and num.head.tag_ in ("NNS", "NNPS"))
    return _numbered_model_before_a_singular(num)


def _numbered_model_before_a_singular(num: Token) -> bool:
    """ "a 737 patrol aircraft contract": a number of three or four digits between "a" and the
    singular noun it hangs on, with only nouns between (no measure: "a 500 mile trek", no
    adjective: "a 1000 strong force"). "a" cannot count hundreds of one thing, so the number
    names the kind (an aircraft's, an engine's model)."""
    head = num.head
    if not (num.dep_ == "nummod" and num.is_digit and 3 <= len(num.text) <= 4):
        return False
    if head.i <= num.i or head.tag_ != "NN" or head.lower_ in MEASURE_UNITS:
        return False
    between = num.doc[num.i + 1 : head.i]
    if any(t.tag_ != "NN" or t.lower_ in MEASURE_UNITS for t in between):
        return False
    return num.i > 0 and num.doc[num.i - 1].lower_ in ("a", "an")


def _hyphened_to_an_activity(num: Token) -> bool:
    """A number joined by a hyphen to an activity's "-ing" noun that heads its phrase
    ("backed the introduction of 24-drinking", for 24-hour drinking): the number says how
    long or how often, it counts nothing. A thing named by an "-ing" word that describes
    another noun ("a 12-building complex") is left to the reading of that noun."""
    doc = num.doc
    if num.i + 2 >= num.sent.end or doc[num.i + 1].text not in ("-", "–"):
        return False
    word = doc[num.i + 2]
    return (
        word.lower_.endswith("ing")
        and word.tag_ in ("NN", "VBG")
        and word.dep_ not in ("compound", "amod", "nmod")
        and num.head.i == word.i
    )


def _in_a_title(span: Span) -> bool:
    """A number in the title of a film, a book or a song, no count: one the tagger marks part of
    a work's title (WORK_OF_ART); one after a capitalised possessive with no noun after it
    ("displacing Ocean's 12.", "Ocean's 12 fell to number two": "Syria's 12 provinces" counts
    provinces); one inside quote marks around a short title-case phrase ('the novel "Catch 22"
    sold well'). A box-office story's "displacing Ocean's 12" had been 12 people displaced.
    A sentence that tells of killing or casualties is read as a toll whatever its capitals: the
    small model tags the headline "The raid on Aleppo 15 killed" a WORK_OF_ART."""
    sent = span.sent
    titled = (
        span[0].ent_type_ == "WORK_OF_ART"
        or _after_a_possessive_name(span, sent)
        or _in_a_quoted_title(span, sent)
    )
    return titled and not any(_casualty_word(t) or t.lower_ in KILL_FORMS for t in sent)


# What may follow a title's number and still leave it bare ("Ocean's 12." but "Ocean's 12-hour")
_JOINERS = frozenset({"-", "–", "—", "/", ":"})


def _after_a_possessive_name(span: Span, sent: Span) -> bool:
    """ "Ocean's 12" with nothing counted after it: a capitalised non-place possessive right
    before the number, and after it the sentence's end, a verb or punctuation. Not when a number
    comes before it in the sentence: then the possessive's noun is left out as the earlier
    count's ("81 delegates to Rubio's 17", "2,400 billionaires, compared with Forbes's 1,864")."""
    doc = span.doc
    if span.start - 2 < sent.start:
        return False
    if any(t.like_num for t in doc[sent.start : span.start - 2]):
        return False
    nxt = doc[span.end] if span.end < sent.end else None
    if nxt is not None and (nxt.pos_ not in ("VERB", "AUX", "PUNCT") or nxt.text in _JOINERS):
        return False
    name = doc[span.start - 2]
    return (
        doc[span.start - 1].tag_ == "POS"
        and name.is_title
        and name.pos_ == "PROPN"
        and name.ent_type_ not in ("GPE", "LOC", "NORP")
    )


# The quote marks a title may be written in ('the film "Apollo 13"')
_QUOTE_MARKS = frozenset({'"', "'", "“", "”", "‘", "’"})


def _in_a_quoted_title(span: Span, sent: Span) -> bool:
    """Inside quote marks around a short title-case phrase: up to five words either side within
    the sentence, all title-case or numbers ('the novel "Catch 22" sold well')."""
    doc = span.doc

    def _edge(tok: Token) -> bool:
        return tok.text in _QUOTE_MARKS or not (tok.is_title or tok.like_num)

    before = range(span.start - 1, max(sent.start, span.start - 6) - 1, -1)
    start = next((i for i in before if _edge(doc[i])), None)
    end = next((i for i in range(span.end, min(sent.end, span.end + 5)) if _edge(doc[i])), None)
    return (
        start is not None
        and end is not None
        and doc[start].text in _QUOTE_MARKS
        and doc[end].text in _QUOTE_MARKS
        and end - start > 2  # a title, not a quoted number ('"12"')
    )


ADDRESS_NOUNS = lexicon.words("address_nouns")


def _house_number(span: Span) -> bool:
    """A number in digits written before a street's name ("10 Downing Street", "1600
    Pennsylvania Avenue"): one or two capitalised words and a noun of :data:`ADDRESS_NOUNS`
    heading the phrase. Not "3 Wall Street banks" (the street names the banks counted)."""
    doc = span.doc
    if len(span) != 1 or not span[0].text.isdigit():
        return False
    for k in (span.end + 1, span.end + 2):
        if k >= span.sent.end or not all(doc[i].is_title for i in range(span.end, k + 1)):
            return False
        if doc[k].lower_ in ADDRESS_NOUNS:
            return doc[k].dep_ != "compound" and not (
                k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "PROPN")
            )
    return False


# The entity labels of a name a number may begin ("50 Cent", "5 Downing Street")
_NAMES_A_NUMBER_BEGINS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC"})


def _name_key(span: Span) -> tuple[str, str] | None:
    """The number and the word after it ("50", "Cent"), as a name they begin is written."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return (span.text, nxt.text) if nxt is not None and nxt.is_title else None


def _names_after(span: Span) -> bool:
    """A number that begins the name after it: a singular proper noun the tagger takes for a
    name, heading its own phrase ("50 Cent has sold more records": no "50 cent" counted),
    not a count of what a name describes ("300 Hezbollah fighters"), of a people ("one
    Briton", a nationality) or of a group's members in a toll ("killed 14 Hezbollah")."""
    nxt = span.doc[span.end] if span.end < span.sent.end else None
    return (
        len(span) == 1
        and span[0].like_num
        and nxt is not None
        and nxt.tag_ == "NNP"
        and nxt.is_title
        and nxt.ent_type_ in _NAMES_A_NUMBER_BEGINS
        and nxt.dep_ not in ("compound", "amod", "nmod")
        and not (nxt.head.i > nxt.i and nxt.head.pos_ in ("NOUN", "PROPN"))
        # a toll counts a group's members by its name ("killed 14 Hezbollah")
        and not any(_casualty_word(t) or t.lower_ in KILL_FORMS for t in span.sent)
    )


def _digits_begin_a_name(span: Span) -> bool:
    """A number in digits, two or more, before a capitalised singular word in prose that is no
    people's, side's or place's name, where no count can be: the number and the capitalised
    words after it describe one singular noun ("his fledgling 2 Wikid Records label": one
    label), or the capitalised word itself heads the phrase ("signed to 2 Wikid", "a show by 3
    Colours"): two of one name is no count of anything. Not in a toll ("killed 14 Hezbollah"
    counts members), nor a headline in title case."""
    num = span[0]
    if len(span) != 1 or not num.is_digit or int(num.text) < 2 or span.end >= span.sent.end:
        return False
    nxt = span.doc[span.end]
    if nxt.tag_ not in ("NNP", "NN") or not (nxt.is_title and nxt.is_alpha):
        return False  # ("10 A320 aircraft": a model's code, read by _model_number)
    if nxt.ent_type_ == "NORP" or nxt.lower_.endswith("s"):
        return False  # a plural name is counted: "shortlisted for 10 Grammys"
    if _names_people(nxt.text) or demonym_country(nxt.text) or gazetteer.place(nxt.text):
        return False
    if num.dep_ != "nummod" or num.head.i < nxt.i or _casualty_sentence(span):
        return False
    words = [t for t in span.sent if t.is_alpha]
    if sum(1 for t in words if t.is_lower) * 3 < len(words):
        return False  # a headline in title case: "Firm Hires 40 Graduate Trainees"
    head = num.head
    while head.is_title and head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # "2 Wikid Records label": through the name to the noun it describes
    if head.i == nxt.i:
        return nxt.dep_ not in ("compound", "amod", "nmod")
    between = span.doc[nxt.i : head.i]
    if head.tag_ != "NN" or head.lower_ in INVARIANT_PLURALS:
        return False  # "10 Boeing aircraft": aircraft counted
    return all(t.is_title for t in between)


# What may stand before a capitalised number word that opens a sentence-like stretch (a list
# item, a quotation, a clause after a colon or a dash): there the capital says nothing.
_OPENING_MARKS = frozenset({":", '"', "“", "‘", "'", "(", "[", "-", "–", "—", ";", "•", "*"})


def _spelled_name_start(span: Span) -> bool:
    """A number word written with a capital inside a sentence of prose, before a capitalised
    word: the start of a name ("the Six Nations", "the Three Gorges Dam", "the Two Ronnies",
    "Radio Five Live"), no count (BBC sport's "Six Nations" had given 144 figures of 6
    nations). Not a headline in title case ("Five Civilians Killed in …"), not after a mark
    that opens a stretch of its own ("said: Three …"), not before a people or a nationality
    ("Four African leaders", "Three Labour members" keep their count: the word after is an
    adjective, a NORP or a modifier of a noun that follows)."""
    tok = span[0]
    if len(span) != 1 or not tok.is_alpha or not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    prev = span.doc[tok.i - 1]
    if prev.text in _OPENING_MARKS or prev.is_space or "\n" in prev.whitespace_:
        return False
    if _casualty_word(prev) or prev.lower_ in KILL_FORMS:
        return False  # a headline run into its story: "Strike on Syria Kills Five Injures Seven"
    nxt = span.doc[tok.i + 1] if tok.i + 1 < span.sent.end else None
    if nxt is None or not nxt.is_title or nxt.ent_type_ == "NORP" or nxt.pos_ == "ADJ":
        return False
    after = span.doc[nxt.i + 1] if nxt.i + 1 < len(span.doc) else None
    if _names_people(nxt.text) or (after is not None and _names_people(after.text)):
        return False  # "Three Labour members", "Five Marines": a count of people by their side
    words = [t for t in span.sent if t.is_alpha]
    lower = sum(1 for t in words if t.is_lower)
    return lower * 3 >= len(words)  # prose, not a headline in title case


def _names_go_on(name: Token, num: Token) -> bool:
    """A number hung by the parse on the capitalised proper noun right before it, that counts
    nothing after it: a channel's, a chart's or a district's name ("Rossiya 24 state
    television", "Channel 4 show", "Hot 100 chart", "Mazzeh 86 neighborhood"). The parse may
    instead hang the number on the singular noun the name describes ("Russias Rossiya 24 state
    television channel"): a number above one counts no singular noun, so it is the name's too.

    Lists and headlines whose commas were lost put counts after names too; the number stays a
    count after a date ("on Thursday 18 shot dead"), a plural or a form of "kill" ("40
    Civilians 25 YPG Fighters Killed", "Kills 5"); before a casualty word, a measure, a
    preposition ("150 bodies in Hammouriya 100 in Kfar Batna") or a noun phrase of people or
    of plurals ("Deir El-Zour 25 Terrorist Killed", "in Raqqa Ten Syrian civilians were
    killed"); and after a place unless a singular noun follows ("in Scotland 53,000" is a
    count, "the France 24 network" a name)."""
    if name.pos_ != "PROPN" or not name.text[:1].isupper() or name.ent_type_ in ("DATE", "TIME"):
        return False
    if name.lower_ in KILL_FORMS or _casualty_word(name) or name.tag_ in ("NNS", "NNPS"):
        return False
    # the parse hangs the name on the number ("the Top 40": "Top" an amod of "40") as often as
    # the number on the name
    if num.head.i != name.i and name.head.i != num.i:
        head = num.head
        if not (head.i > num.i and head.tag_ == "NN" and num.lower_ not in ("1", "one")):
            return False
    doc = num.doc
    after = doc[num.i + 1] if num.i + 1 < num.sent.end else None
    if after is not None and (
        _casualty_word(after)
        or after.pos_ == "ADP"
        or after.lower_ in MEASURE_UNITS
        or after.lower_ in DEAD_NOUNS
    ):
        return False
    if after is None or after.is_punct or after.pos_ in ("VERB", "AUX", "CCONJ", "DET", "ADV"):
        return name.ent_type_ not in PLACE_LABELS  # "Bet 365 and", "FTSE 100 when", "Joe 90."
    # the noun the words after the number lead to: "Syrian civilians", "state television channel"
    noun = after
    while noun.dep_ in ("amod", "compound", "nmod") and noun.head.i > noun.i:
        noun = noun.head
    return not (
        noun.tag_ in ("NNS", "NNPS")
        or noun.lower_ in PEOPLE_NOUNS
        or noun.lower_ in COMBATANT_NOUNS
        or after.lower_ in PEOPLE_NOUNS
        or after.lower_ in COMBATANT_NOUNS
    )


CIVILIAN_STAFF_WORDS = lexicon.words("civilian_staff_words")
# The forms of "kill" a headline puts before its count (the lemma is not to be trusted there: the
# title-case verb is tagged a noun, "Kills" its own lemma).
KILL_FORMS = frozenset({"kill", "kills", "killed", "killing"})


def _numbers_a_title(span: Span) -> bool:
    """A number that ends a capitalised title rather than counting anything: "Dead Or Alive 1",
    "Grand Theft Auto 5" (a word in it can read as a casualty state). The word before it is
    capitalised inside the sentence, names no place ("Aleppo 15 killed" is a headline's toll)
    and is no form of "kill" ("Town Kills 5"); the word after it counts nothing."""
    doc = span.doc
    before = span.start - 1
    if before <= span.sent.start or span.end - span.start != 1:
        return False
    prev = doc[before]
    if not prev.text.istitle() or prev.ent_type_ in ("GPE", "LOC", "FAC", "NORP"):
        return False
    if prev.lower_ in KILL_FORMS or _casualty_word(prev):
        return False
    after = doc[span.end] if span.end < span.sent.end else None
    return after is None or not (
        after.pos_ in ("NOUN", "PROPN") or _casualty_word(after) or after.lower_ in DEAD_NOUNS
    )


def _after_a_kill_word(span: Span) -> bool:
    """A count right after a form of "kill" ("… Kills 5 Soldiers", "killed 12"): title-case
    headlines get the verb tagged as a noun, and the parse hangs the count elsewhere."""
    before = span.start - 1
    return before >= span.sent.start and span.doc[before].lower_ in KILL_FORMS


def _acts_on_a_count(verb: Token) -> bool:
    """A verb modifying a counted noun whose own object is another count: a list of counts
    with the conjunction lost ("killing 8 persons injuring more than 55 persons" — the parser
    hangs "injuring" on the first "persons"); the verb is the second count's, not the first's."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and _counted(c) for c in verb.children if c.i > verb.i
    )


def _counted(noun: Token) -> bool:
    return noun.like_num or any(g.like_num and g.dep_ == "nummod" for g in noun.children)


def _casualty_word(tok: Token) -> bool:
    lemma, low = tok.lemma_.lower(), tok.lower_
    return lemma in CASUALTY_STATES or low in CASUALTY_STATES


def _wound_up(pred: Token) -> bool:
    """ "Wound up" and "wound down" are "wind up/down" (ended up, brought to a close: "the
    duo wound up at 38 in the chart"), not "wounded": the parse gives the verb a particle."""
    return pred.lower_ == "wound" and any(
        c.dep_ == "prt" and c.lower_ in ("up", "down") for c in pred.children
    )


def _lacking(pred: Token, counted: Token) -> bool:
    """ "Sale are missing 14 players", "the side will be missing three regulars": "missing"
    as a verb with a subject of its own and the count as its object is being without them
    (injured, suspended, away), not people missing (BBC sport)."""
    return (
        pred.lower_ == "missing"
        and pred.pos_ == "VERB"
        and counted.dep_ == "dobj"
        and counted.head.i == pred.i
        and any(c.dep_ == "nsubj" for c in pred.children)
    )


def _not_a_casualty(pred: Token) -> bool:
    """People in need, suffering or receiving something ("1,100 children suffering
    malnutrition", "10.8 million people are in need of aid") are not casualties, whatever verb
    the sentence goes on to."""
    if pred.lemma_.lower() in NEED_WORDS:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(g.lemma_.lower() in NEED_WORDS for g in c.children)
        for c in pred.children
    )


def _names_lives(verb: Token, noun_low: str) -> bool:
    """ "claimed the lives of …", "lost their lives", "claimed 100 civilians" (people as the
    object of "claim"): a way of saying killed."""
    if any(c.lower_ in LIFE_WORDS for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        return True
    # "claimed 100 civilians", not "women who claim he assaulted them" (a claim made: a clause,
    # and the women its subject)
    return (
        verb.lemma_.lower() == "claim"
        and noun_low in PEOPLE_NOUNS
        and noun_low != "people"
        and not any(c.dep_ == "ccomp" for c in verb.children)
        and not (
            verb.dep_ == "relcl"
            and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children)
        )
    )


def _killed_by_construction(root: Token, noun: Token | None) -> bool:
    """Constructions that make a count a death count whatever the nearest word says:

    * the death toll put at / raised to N ("put the death toll at 58");
    * N … among the people killed ("Six civilians were among at least 22 people killed");
    * the object of a kill verb described by another state ("killed at least 26 displaced
      people"): the killing is what happened to them.
    """
    # "puts the death toll … at more than 470000 people": the noun is what "at" governs
    if _toll_number(root) or (noun is not None and _toll_number(noun)):
        return True
    anchor = noun if noun is not None else root
    if (
        anchor.dep_ == "pobj"
        and anchor.head.lower_ == "of"
        and anchor.head.head.lemma_.lower() in KILLING_NOUNS
    ):
        return True
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ == "lives":
        # "has claimed the lives of over 470000 people injured 1.9 million …" (commas lost):
        # the parse makes "lives" the subject of "injured"; the words before it say who died
        lives = anchor.head.head
        before = lives.doc[max(lives.sent.start, lives.i - 3) : lives.i]
        if any(t.lemma_.lower() in ("claim", "take", "cost", "lose") for t in before):
            return True
    if _part_of_the_dead(anchor) and _own_state(anchor) in (None, "killed"):
        # not "the toll also included 55 injured": a count with a state of its own
        return True
    head = anchor.head
    # "A nurse, a hospital employee and two soldiers are among the deceased": the list's head
    subject = anchor
    while subject.dep_ in ("conj", "appos") and subject.head.i != subject.i:
        subject = subject.head
    # "there were 11 children among the dead": the count is the verb's attribute, and the
    # parser hangs "among" on the noun or on the verb
    if subject.dep_ in ("nsubj", "attr") and subject.head.lemma_ == "be":
        for prep in (*subject.head.children, *subject.children):
            if prep.dep_ == "prep" and prep.lower_ == "among":
                for pobj in prep.children:
                    if pobj.lower_ in (
                        "dead",
                        "killed",
                        "fatalities",
                        "deceased",
                        "victims",
                    ) or any(
                        c.lemma_.lower() in KILLED_WORDS or c.lower_ in KILLED_WORDS
                        for c in pobj.children
                        if c.dep_ in ("acl", "amod", "relcl")
                    ):
                        return True
    return (
        noun is not None
        and noun.dep_ in ("dobj", "nsubjpass")
        and head.pos_ == "VERB"
        and head.lemma_.lower() in KILLED_WORDS
        and not _is_agent(noun, head)
        # "8 persons killed 58 others injured": the 58 has its own state, written after it
        # (also after an auxiliary: "… those killed at least 160 people were injured")
        and not _state_written_after(noun)
    )


AUXILIARY_WORDS = frozenset(
    {"were", "was", "are", "is", "have", "has", "had", "been", "be", "being"}
)
# The words of a further count between it and its state ("dozens more wounded", "37 others").
MORE_WORDS = frozenset({"more", "others", "other"})


def _state_written_after(noun: Token) -> bool:
    """A casualty word right after ``noun``, past auxiliaries ("58 others injured", "160
    people were injured")."""
    doc = noun.doc
    i = noun.i + 1
    while i < noun.sent.end and doc[i].lower_ in AUXILIARY_WORDS:
        i += 1
    return i < noun.sent.end and _casualty_word(doc[i])


def _number_of(root: Token) -> str | None:
    """The state of the people a "number of …" counts, for the figure it is put at: "the number
    of people displaced has risen to 3,000", "the number of refugees reached 4 million"."""
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "at"):
        verb = root.head.head
    elif root.dep_ == "dobj" and root.head.lemma_.lower() in ("reach", "hit", "top", "exceed"):
        verb = root.head
    else:
        return None
    for subject in verb.children:
        if subject.dep_ == "nsubj" and subject.lemma_.lower() in ("number", "total"):
            words = [t for t in subject.subtree if t.i > subject.i]
            for t in words:
                state = _state_word(t)
                if state is not None:
                    return state
            if any(t.lower_ in ("refugees", "evacuees") for t in words):
                return "displaced"
    return None


def _number_of_dead(tok: Token) -> bool:
    """ "the number of people killed" (risen to 21): a toll in other words."""
    return tok.lemma_.lower() == "number" and any(
        t.lemma_.lower() in KILLED_WORDS or t.lower_ in DEAD_NOUNS
        for t in tok.subtree
        if t.i > tok.i
    )


def _dead_word(tok: Token) -> bool:
    """ "dead", "victims", "those killed", "the killed civilians": words that name the dead."""
    if tok.lower_ in DEAD_NOUNS or tok.lower_ in ("victims", "killed", "deceased"):
        return True
    return any(
        c.dep_ in ("acl", "amod", "relcl")
        and (c.lemma_.lower() in KILLED_WORDS or c.lower_ in KILLED_WORDS)
        for c in tok.children
    )


def _part_of_the_dead(anchor: Token) -> bool:
    """A count the sentence makes part of the dead, whatever verb it hangs on:

    * "11 children among 18 dead" (a headline: no verb at all);
    * "those killed … include 14 children", "the victims included 51 children";
    * "the number of people killed has risen to 21, including three children".
    """
    for prep in anchor.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "among"
            and any(p.dep_ == "pobj" and _dead_word(p) for p in prep.children)
        ):
            return True
    subject = anchor
    # up a list, also one whose commas were lost ("51 children 28 women five rescue workers":
    # the parse hangs the items on each other)
    for _ in range(6):
        if subject.dep_ not in ("conj", "appos", "nmod") or subject.head.i == subject.i:
            break
        subject = subject.head
    verb = subject.head
    if subject.dep_ == "dobj" and verb.lemma_.lower() == "include":
        return any(c.dep_ == "nsubj" and _dead_word(c) for c in verb.children)
    if subject.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children):
        # "among the killed civilians there are four children" ("among" hung elsewhere)
        return any(
            t.lower_ == "among" and any(p.dep_ == "pobj" and _dead_word(p) for p in t.children)
            for t in anchor.sent
            if t.i < anchor.i
        )
    if subject.dep_ == "pobj" and verb.lower_ == "including":
        before = [t for t in verb.head.subtree if t.i < verb.i]
        return any(
            t.lemma_.lower() in KILLED_WORDS or t.lower_ in KILLED_WORDS or t.lower_ in DEAD_NOUNS
            for t in before
        )
    return False


def _own_state(anchor: Token) -> str | None:
    """The casualty state a word describing the count names ("55 injured", "12 people
    missing"), else None. A participle right after the count counts whatever the parse hung it
    on ("… including 13 civilians and more than 30 wounded": "wounded" joined to "killed")."""
    doc = anchor.doc
    # past an auxiliary and the words of a further count ("37 others were injured", "dozens
    # more wounded", "at least 100 more were wounded")
    i = anchor.i + 1
    while i < anchor.sent.end and (doc[i].lower_ in AUXILIARY_WORDS or doc[i].lower_ in MORE_WORDS):
        i += 1
    after = doc[i] if i < anchor.sent.end else None
    if after is not None and after.tag_ in ("VBN", "JJ") and _state_word(after) is not None:
        return _state_word(after)
    return next(
        (
            state
            for c in anchor.children
            # right after it: in "killed including 13 civilians and 30 wounded" the parse may
            # hang the next count's state on this one
            if c.dep_ in ("acl", "amod")
            and c.i == anchor.i + 1
            and (state := _state_word(c)) is not None
        ),
        None,
    )


def _is_agent(counted: Token, verb: Token) -> bool:
    """Is ``counted`` (or the phrase it heads) the active subject of ``verb``?"""
    tok = counted
    while tok.head.i != tok.i and tok.i != verb.i:
        if tok.head.i == verb.i:
            return tok.dep_ == "nsubj"
        tok = tok.head
    return False


def _is_territory(root: Token, persons: frozenset[str]) -> bool:
    """A share of a place: governed by occupy/control/hold…, or "of <place/territory>". A
    share of a thing that is no place ("controls half of the market", "hold less than 10% of
    the top positions", "take a 20% stake") is another percentage, whatever its verb."""
    of = [p for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "across", "at"):
        return False  # "a home in 92% of UK towns": where, not what is held
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        # "whites will be 47 percent of the country": what people are, a share of the
        # population; ground only when the subject is ground ("the area is 30% of the country")
        return any(c.dep_ == "nsubj" and _territory_word(c) for c in root.head.children)
    if _share_of_a_sum_or_a_group(root):
        return False
    if any(_territory_word(p) for p in of):
        return True
    if any(p.dep_ == "pobj" and p.pos_ == "NOUN" for p in of):
        return False
    if any(_named_no_place(p) for p in of):
        return False
    if _of_no_ground(root):
        return False
    head = root.head
    modifies = (
        root.dep_ in ("nummod", "compound", "amod", "quantmod", "predet") and head.pos_ == "NOUN"
    )
    if modifies and not _territory_word(head):
        return False  # "a 20% stake"
    tok = root
    steps = 0
    while tok.head.i != tok.i and steps < 4:
        tok = tok.head
        steps += 1
        if tok.lemma_.lower() in TERRITORY_VERBS and tok.pos_ == "VERB":
            # "the baht lost 0.3%", "shares in Elan lost 70%": a market's loss, not ground
            return not _holds_no_ground(tok, persons)
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in ("be",):
            break
    return False


# What a share beside a sum, a change or a group is: "$41bn - or 40% of the total debt" (a part
# of the sum), "up 35.4%", "down 3.2%" (a change), "lost 7% this year" (by how much), "households
# that do not own a computer, 40% of the country" (a part of the households).
CHANGE_WORDS = frozenset({"up", "down"})


def _share_of_a_sum_or_a_group(root: Token) -> bool:
    """A share that the parse ties to a sum, a change or a group of people or things, not to
    ground, whatever verb of holding governs it: joined to a sum ("$41bn - or 40%"), governed
    by "up" or "down", a bare measure of a verb ("the dollar has lost 7% this year": the
    parse's npadvmod, how much; "lost 40% of its ground" is its object), or set beside a common
    noun that is no ground ("households …, 40% of the country"). The BBC's business pages gave
    such shares as territory held."""
    head = root.head
    if root.dep_ == "conj" and (head.like_num or head.ent_type_ == "MONEY"):
        return True
    if head.lower_ in CHANGE_WORDS and root.dep_ in ("npadvmod", "pobj"):
        return True
    if root.dep_ == "npadvmod" and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children
    ):
        return True
    return root.dep_ == "appos" and head.pos_ == "NOUN" and not _territory_word(head)


# What an "of" names that is no ground: a company, a people, a person or a product ("controls
# 51% of Yukos", "44% of Britons"), unless the gazetteer knows the name for a place.
NO_PLACE_LABELS = frozenset({"ORG", "NORP", "PERSON", "PRODUCT"})


def _named_no_place(tok: Token) -> bool:
    if tok.dep_ != "pobj" or tok.pos_ != "PROPN" or tok.ent_type_ not in NO_PLACE_LABELS:
        return False
    ent = next((e for e in doc_arrays.entities(tok.doc) if e.start <= tok.i < e.end), None)
    return gazetteer.place(ent.text if ent is not None else tok.text) is None


# What loses or gains a share in the business pages: no armed force's ground.
MARKET_NOUNS = frozenset(
    {"share", "stock", "currency", "index", "price", "value", "market", "baht", "rupiah",
     "dollar", "euro", "pound", "yen", "yuan", "rupee", "peso", "rouble", "ruble", "lira",
     "franc", "won", "bond", "profit", "sale", "revenue", "economy", "rate", "company", "firm",
     "dow", "nasdaq", "nikkei", "ftse", "dax", "fund", "investor"}
)  # fmt: skip


# Words of polls and elections: a share in their sentence is of answers or votes, not of ground.
POLL_WORDS = frozenset({"poll", "survey", "vote", "voter", "ballot", "caucus", "electorate"})


def _share_of_no_ground(span: Span) -> bool:
    """A share that the words around it make a poll's, a vote's or a survey's, whatever verb of
    holding governs it: "six percentage points" (a difference between shares), "(65%)" (a
    survey's answer in brackets), a share in a sentence about a poll or a vote, "54 percent to
    46 percent" and "to Canova's 43 percent" (a result), "by 38 points" (a margin), and a
    share of nothing named that is itself the subject ("the top 1 percent captured 58 percent
    of income growth": people, not ground; "60 percent of the city is held by …" still is)."""
    doc, root = span.doc, span.root
    words = [t.lower_ for t in doc[span.start : min(span.end + 2, len(doc))]]
    if "percentage" in words or "points" in words[len(span) - 1 :]:
        return True
    if span.start > 0 and doc[span.start - 1].text == "(":
        return True
    of_what = any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    if root.dep_ in ("nsubj", "nsubjpass") and not of_what:
        return True
    if any(t.lemma_.lower() in POLL_WORDS for t in span.sent):
        return True  # "held 41 percent in the latest poll": a share of the votes
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "by") and not of_what:
        return True  # not "the supply route to the eastern half of the city"
    after = doc[span.end : span.end + 3]
    return len(after) >= 2 and after[0].lower_ == "to" and any(t.like_num for t in after[1:])


# A holder that holds no ground: a person speaking of a poll or a portfolio ("Rubio held 33
# percent", "he lost his investors 19.3 percent"), a market or its investors ("investors lost
# 20.5 percent"). A person who holds a share "of the country" is still read by its "of".
def _holds_no_ground(verb: Token, persons: frozenset[str]) -> bool:
    if verb.dep_ == "acl" and _plural_thing(verb.head):
        return True  # "with imported films taking the remaining 60%"
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in MARKET_NOUNS:
        return True  # "the currency, which had lost 7%": the holder is what "which" stands for
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (
            c.lemma_.lower() in MARKET_NOUNS
            or c.ent_type_ == "PERSON"
            or (c.pos_ == "PROPN" and c.lower_ in persons)
            or c.lower_ in PERSONAL_PRONOUNS
            or _plural_thing(c)
        )
        for c in verb.children
    )


def _of_no_ground(root: Token) -> bool:
    """An "of" the parse left without a noun for its object ("half of the South Korean's
    market": the possessive split the phrase, the object is missing or a verb further on): the first common noun after it, if no ground, says the share
    is of something else."""
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        if any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in prep.children):
            continue  # (an object the parse found is read by the caller)
        for tok in prep.doc[prep.i + 1 : min(prep.i + 7, prep.sent.end)]:
            if tok.pos_ == "NOUN":
                return not _territory_word(tok)
            if tok.pos_ not in ("DET", "PROPN", "PART", "ADJ", "PUNCT"):
                break
    return False


HOLDING_SIDES = frozenset(
    {
        "militias",
        "paramilitaries",
        "combatants",
        "groups",
        "factions",
        "allies",
        "authorities",
        "armies",
        "tribes",
        "clans",
        "governments",
    }
)


# A holder that is a plural thing, not a force ("foreign films taking the remaining 62.5%"):
# armed groups are named (PROPN), singular ("the army", "the group") or combatants ("rebels").
def _plural_thing(tok: Token) -> bool:
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NNS"
        and not tok.ent_type_
        and tok.lower_ not in COMBATANT_NOUNS
        and tok.lower_ not in HOLDING_SIDES
        and tok.lower_ not in PEOPLE_NOUNS
        and PEOPLE_ENDINGS.search(tok.lower_) is None
    )


def _territory_word(tok: Token) -> bool:
    return tok.lemma_.lower() in TERRITORY_NOUNS or tok.lemma_.lower() == "territory"


# -- subject and location -------------------------------------------------------------------
def _subject(ctx: _Context, root: Token, noun: Token | None) -> str | None:
    """Whose figure: an actor modifying the noun, else the actor in the governing subject."""
    if noun is not None:
        for child in noun.children:
            if _model_code(child) or (_model_code(noun) and child.i == noun.i - 1):
                continue  # "12 su-24 jets", "20 Boeing 747s": a model and its maker, no owner
            if child.i < noun.i and ctx.label(child) in ACTOR_LABELS and child.dep_ in (
                "compound", "amod", "poss", "nmod", "npadvmod",
            ):  # fmt: skip
                return ctx.name(child)
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if ctx.label(pobj) in ACTOR_LABELS:
                        return ctx.name(pobj)
    if noun is None or not (noun.lower_ in TROOP_NOUNS or noun.lower_ in ("personnel", "forces")):
        return None
    # Troop figures: the actor in the subject of the sending/announcing verb.
    tok = noun
    steps = 0
    while tok.head.i != tok.i and steps < 6:
        tok = tok.head
        steps += 1
        for child in tok.children:
            if child.dep_ in ("nsubj", "agent") and child.i != noun.i:
                for t in child.subtree:
                    if ctx.label(t) in ACTOR_LABELS:
                        return ctx.name(t)
    return None


def _takes_lives(verb: Token) -> bool:
    """ "A bomb … claiming the lives of 32 people": "claim" as in killing, no one's claim."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "live") for c in verb.children)


def _claims_an_attack(verb: Token) -> bool:
    """ "Islamic State claimed responsibility for the attack", "a blast claimed by Daesh", "the
    group claims the double bombing that hit a police station … killing 17": who carried an
    attack out, not who gives its toll (Islamic State was shown as the source of the dead of
    its own bombing)."""
    if verb.lemma_.lower() != "claim":
        return False
    if any(
        c.dep_ == "dobj"
        and (
            c.lemma_.lower() in ("responsibility", "credit")
            or c.lemma_.lower() in INCIDENT_NOUNS
            or c.lower_ in INCIDENT_NOUNS
        )
        for c in verb.children
    ):
        return True
    if any(
        c.dep_ == "ccomp"
        and c.tag_ == "VBG"  # not "Russia claims the strike killed 30": its claim of the toll
        and any(s.dep_ == "nsubj" and s.lemma_.lower() in INCIDENT_NOUNS for s in c.children)
        for c in verb.children
    ):
        return True  # the parse of "claims [the attack that hit …] killing 17" as a clause
    attack = verb.head if verb.dep_ in ("acl", "amod") else None
    attack = attack or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return attack is not None and attack.lemma_.lower() in INCIDENT_NOUNS


def _holder(ctx: _Context, root: Token) -> str | None:
    """Who holds a territory share: the subject of occupy/control… or of the verb it hangs from
    ("pro-regime forces claimed to occupy 85%")."""
    tok = root
    steps = 0
    while tok.head.i != tok.i and steps < 4:
        tok = tok.head
        steps += 1
        if tok.pos_ in ("VERB", "AUX"):
            if tok.dep_ == "xcomp":
                continue  # "claimed to occupy": the subject is the claimer's
            return _speaker_of(ctx, tok)
    return None


def _location(ctx: _Context, root: Token, noun: Token | None, category: str) -> str | None:
    """A place attached by of/in/to/into to the number, its noun or their governing verbs (not
    where the counted come from, nor where a meeting about them was held: :func:`_elsewhere`)."""
    listed = _listed_place(root)
    if listed is not None:
        return listed
    anchors = [root] + ([noun] if noun is not None else [])
    tok = noun if noun is not None else root
    steps = 0
    joined = False  # climbed from a list item ("and $153,000 on …") to what it is joined to
    while tok.head.i != tok.i and steps < 4:
        joined = joined or tok.dep_ == "conj"
        tok = tok.head
        steps += 1
        if joined and _counts_something(tok, root, later=False):
            # another item of the list: its places are its own ("$47,000 to a digital firm,
            # as well as $153,000 on …" — the parse may nest the later item in the earlier)
            break
        anchors.append(tok)
        if tok.lemma_.lower() in CLAIM_VERBS:
            break
    # "killing five Dallas police officers": the officers' town, unless the number's own noun
    # or verb names the place ("… officers in Baton Rouge"); the words above the verb are
    # another phrase ("police shootings in Louisiana and of a sniper killing …")
    town = _victims_town(ctx, noun) if category in CASUALTY_CATEGORIES and noun else None
    verb_at = next((k for k, a in enumerate(anchors) if a.pos_ in ("VERB", "AUX")), len(anchors))
    for at, anchor in enumerate(anchors):
        if town is not None and at > verb_at:
            return town
        for child in anchor.children:
            if (
                child.dep_ == "dobj"
                and anchor.pos_ == "VERB"
                and anchor.lemma_.lower() in PLACE_OBJECT_VERBS
                and _is_place(ctx, child)
            ):
                # "fled eastern Aleppo"
                return _finer(ctx, root, _known(ctx, child, _place_name(ctx, child)), category)
            if child.dep_ in ("prep", "dative") and child.lower_ in INCIDENT_PREPOSITIONS:
                if child.i > 0 and child.nbor(-1).lower_ == "according":
                    continue
                for pobj in child.children:
                    if noun is not None and pobj.i == noun.i:
                        continue  # "the killing of 2 Syrian Activist": what is counted
                    if anchor is noun and child.lower_ == "of" and not _named_place(ctx, pobj):
                        continue  # "four staff of the Union …": whose, not where
                    if child.lower_ == "within" and not _within_a_place(ctx, pobj):
                        continue  # "within the comfort zone": only a place's name
                    if pobj.dep_ == "pobj" and _is_place(ctx, pobj):
                        if _in_a_name_gloss(pobj):
                            continue  # "Front (Qaeda branch in the Levant)": no event's place
                        if anchor.pos_ == "VERB" and _where_said(pobj, _clause(root)):
                            continue  # "said in Turkey the attack had killed 1300"
                        if _elsewhere(pobj, root, _clause(root), category):
                            continue
                        if category in UNPLACED_CATEGORIES and _places_listed(ctx, pobj):
                            # "a tour of 60 cities across the US, Europe and Asia": spread over
                            # the places listed, in no one of them (it had been the US's)
                            return None
                        name = _near_border(ctx, pobj, _known(ctx, pobj, ctx.name(pobj)))
                        if name is None:
                            continue
                        return _finer(ctx, root, name, category)
    if town is not None:
        return town
    owner = _owner_place(ctx, root, noun, category) if category in OWNED_CATEGORIES else None
    return owner or _place_in_sentence(ctx, root, category)


# Figures a country owns as a measure of itself ("Chile's economy grew by 0.4%", "9% of
# Norway's oil output"): not tolls, whose place is where they happened.
OWNED_CATEGORIES = UNPLACED_CATEGORIES | {"people"}
# Figures a country that is the subject of their verb measures itself by ("Brazil increased its
# output by 8.4%", "Peru spent $2bn"): shares and sums, not counts of things it sent or bought.
MEASURE_CATEGORIES = frozenset({"percent", "money"})


def _places_listed(ctx: _Context, place: Token) -> bool:
    """Whether the place ``place`` is the first of a list of places joined to it ("across the
    US, Europe, Asia and Australia"); not the words of one name ("Kensington and Chelsea", one
    mention, or a name the gazetteer knows: "Trinidad and Tobago")."""
    mention = ctx.mention_at(place)
    for c in place.children:
        if c.dep_ != "conj" or not _is_place(ctx, c):
            continue
        if mention is not None and mention.start <= c.idx < mention.end:
            continue
        whole = place.doc[place.i : c.i + 1].text
        if gazetteer.place(whole) is None and gazetteer.country(whole) is None:
            return True
    return False


def _owner_place(ctx: _Context, root: Token, noun: Token | None, category: str) -> str | None:
    """The country (or town) whose possessive owns what the figure measures: the counted noun,
    the whole a share is "of" or is cut "from" ("one point from Kenya's economic growth"), or
    the subject of the verb the figure is the change of ("Chile's economy grew by 0.4%").
    Only a common noun is owned so: "Russia's Gazprom" is a firm that acts, no measure."""
    owned = [noun] if noun is not None else []
    tok = root
    reach = 4  # words climbed to the verb; a "with" clause's verb leads on to the one it is in
    for step in range(6):
        if step == reach:
            break
        owned.extend(
            pobj
            for prep in tok.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        )
        if category == "money" and tok.lemma_.lower() in COST_VERBS:
            # (the tagger may take "cost" for a noun; its objects still say who pays)
            payer = _country_charged(ctx, tok, root)
            if payer is not None:
                return payer
        if tok.pos_ in ("VERB", "AUX"):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            owned.extend(subjects)
            # "the gap between US exports and imports has widened to $60bn": the trade measured
            owned.extend(
                pobj
                for subject in subjects
                if subject.lemma_.lower() in GAP_NOUNS
                for prep in subject.children
                if prep.dep_ == "prep" and prep.lower_ == "between"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            )
            if not (
                category in MEASURE_CATEGORIES and tok.dep_ == "pcomp" and tok.head.lower_ == "with"
            ):
                break
            # "The UK economy is expected to slow, with growth falling to 2.5%": the growth
            # told "with" is the measure of the clause's subject, whose owner it is
            reach = step + 3
        if tok.head.i == tok.i:
            break
        tok = tok.head
    for thing in owned:
        if thing.dep_ == "nsubj" and category in MEASURE_CATEGORIES and _country_name(ctx, thing):
            # "Brazil increased its steel output by 8.4%": the country measures itself (a
            # count of things it "supplied" or "sent" is no measure of it, nor where they are)
            return _country_name(ctx, thing)
        if thing.pos_ != "NOUN":
            continue
        for child in thing.children:
            if child.dep_ == "poss" and ctx.label(child) == "GPE":
                name = _place_name(ctx, child)
                if gazetteer.country(name) or gazetteer.place(name):
                    return name  # (not a firm the tagger took for a place: "Alitalia's")
        for mod in thing.lefts:
            # "41% of UK broadband users": a country's name before the noun measured (the
            # parse may hang it on the noun's own modifier)
            for word in (mod, *mod.lefts):
                name = _country_name(ctx, word) if word.dep_ in ("compound", "nmod") else None
                if name:
                    return name
            if (
                category in MEASURE_CATEGORIES
                and mod.dep_ == "amod"
                and mod.pos_ == "ADJ"
                and thing.lower_ not in numbers.CURRENCY_WORDS
                and thing.head.lower_ != "from"
            ):
                # "The German economy grew by 0.4%", "Japanese exports fell 2.1%": a nation's
                # measure (not people of a nation, who may be anywhere: "Syrian refugees"; not
                # a currency, "3.1bn Australian dollars", nor whom a sum came "from American IT
                # giant EDS")
                name = demonym_country(mod.text) or NATIONALITY_COUNTRIES.get(mod.lower_)
                if name and gazetteer.country(name):
                    return name
    return None


# Nouns of a difference between two measures of one owner ("the gap between US exports and
# imports"), whose owner is the measures'.
GAP_NOUNS = frozenset({"gap", "difference", "deficit", "surplus"})
# Verbs whose object is who pays the sum ("could cost the UK £1bn", "cost France 300m euros").
COST_VERBS = frozenset({"cost"})


def _country_charged(ctx: _Context, verb: Token, root: Token) -> str | None:
    """The country a cost verb charges its sum to, written as its object ("cost the UK up to
    £8bn", "cost the UK economy £2bn"): the sum is that country's, as "the UK's economy" is."""
    for obj in verb.children:
        if obj.dep_ not in ("dative", "dobj") or obj.i == root.i:
            continue
        for word in (obj, *(c for c in obj.lefts if c.dep_ in ("compound", "nmod"))):
            name = _country_name(ctx, word)
            if name:
                return name
    return None


def _country_name(ctx: _Context, tok: Token) -> str | None:
    """The country a proper noun tagged a place names ("Brazil", "UK"), else None (a town, or
    a firm the tagger took for a place)."""
    if tok.pos_ != "PROPN" or ctx.label(tok) != "GPE":
        return None
    name = _place_name(ctx, tok)
    return name if name and gazetteer.country(name) else None


# The counted whose town is where they serve or live: "five Dallas police officers", "three
# Aleppo residents". A toll of them with no place of its own happened there.
LOCAL_PEOPLE_NOUNS = POLICE_WORDS | frozenset({
    "officer", "officers", "policeman", "policemen", "firefighter", "firefighters", "deputy",
    "deputies", "resident", "residents", "trooper", "troopers",
})  # fmt: skip


def _victims_town(ctx: _Context, noun: Token) -> str | None:
    """The town (a tagged place finer than a country) that names whose the counted are,
    written before a noun of local people (:data:`LOCAL_PEOPLE_NOUNS`): "the assault that
    killed five Dallas police officers" is Dallas's toll, not that of the "police shootings in
    Louisiana" the same sentence names (nor of the article's main place). A country there
    ("US soldiers") names whose army, not where."""
    if noun.lower_ not in LOCAL_PEOPLE_NOUNS:
        return None
    for tok in noun.lefts:
        names = [tok, *(t for t in tok.lefts if t.dep_ == "compound")]
        for cand in names:
            if cand.dep_ not in ("compound", "nmod") or cand.pos_ != "PROPN":
                continue
            if ctx.label(cand) not in ("GPE", "LOC"):
                continue
            name = ctx.name(cand)
            if gazetteer.country(name) is not None:
                continue
            return name
    return None


# Last words of a publication's name: "the Washington Post" names no place it counts in.
PUBLICATION_WORDS = frozenset({
    "times", "post", "journal", "herald", "tribune", "news", "gazette", "star", "telegraph",
    "daily", "chronicle", "observer", "today", "mail", "express", "globe", "sun", "standard",
    "radio", "tv", "television", "press", "review", "record", "examiner", "independent",
})  # fmt: skip


def _source_city(claimant: str | None) -> str | None:
    """The city a figure's source is named after, its first word or two ("Mosul Eye", "Aleppo
    Media Center", "Raqqa Is Being Slaughtered Silently"): a local group that counts in its
    city. Not a news outlet ("Washington Post", "Moscow Times"), nor a country ("Syria
    Direct"), nor the city alone."""
    if not claimant or is_news_outlet(claimant):
        return None
    words = claimant.split()
    if len(words) < 2 or words[-1].lower() in PUBLICATION_WORDS:
        return None
    for size in (2, 1):
        if size >= len(words):
            continue
        name = " ".join(words[:size])
        known = gazetteer.place(name)
        if known is not None and known.kind == "city" and gazetteer.country(name) is None:
            return name
    return None


# The nouns a sentence names a town with ("the town of Arbin", "Tlajabin village"): not a
# neighbourhood or district, which lies inside a town the article names elsewhere.
TOWN_NOUNS = r"(?:city|cities|town|towns|village|villages)"
_TOWN_NOUN_OF = re.compile(rf"\b{TOWN_NOUNS} of (?:the )?\Z", re.IGNORECASE)
_TOWN_NOUN_AFTER = re.compile(rf" {TOWN_NOUNS}\b", re.IGNORECASE)


def _how_named(span: Span, place: str) -> str | None:
    """How the figure's own sentence names ``place``: "list" (its own "N in A" pair), "town"
    ("the town of Arbin", "the Brussels airport"), "part" ("a Chelsea neighborhood"), else None
    (:meth:`ArticlePlaces.settle`)."""
    if _listed_place(span.root) == place:
        return "list"
    if _named_a_town(span.sent, place) or _city_of_a_hub(span.sent, place):
        return "town"
    return "part" if _named_a_town_part(span.sent, place) else None


def _named_a_town(sent: Span, name: str) -> bool:
    """Whether the sentence itself says ``name`` is a town ("in the city of Arbin", "the
    village of Taduf", "Batbo village"): a town no gazetteer table lists is still a town, not the
    article's main place (often another town). A name it writes without such a noun may be a
    neighbourhood ("al-Midan"), a square or a headline's word, which the article's own place
    answers better (:class:`analysis.place_context.ArticlePlaces`)."""
    if not name.split()[-1][:1].isupper():
        return False  # "Deir el" of "Deir el-Zour", "Adra east": a name cut short or run on
    text = _span_text(sent)
    return _written_between(text, name, _TOWN_NOUN_OF, _NO_WORD_AFTER) or _written_between(
        text, name, _NO_LETTER_BEFORE, _TOWN_NOUN_AFTER
    )


# Places a city gives its name to: "the Brussels airport" is Brussels's, where "the Salem mosque"
# (a facility named after someone) is the article's own town's (ArticlePlaces.settle).
HUB_NOUNS = r"(?:airport|airports|station|stations|port|harbou?r|terminal|metro|subway)"
_HUB_AFTER = re.compile(rf"(?:['’]s)? (?:international )?{HUB_NOUNS}\b", re.IGNORECASE)


def _city_of_a_hub(sent: Span, name: str) -> bool:
    """Whether the sentence writes ``name``, a city (or province) the gazetteer knows by that
    name, before a transport hub its city names ("suicide bombings at the Brussels airport":
    Brussels, not the story's Nice, where the article names no other place for it)."""
    known = gazetteer.place(name)
    if known is None or known.kind not in ("city", "state") or known.name != name:
        return False
    return _written_between(_span_text(sent), name, _NO_WORD_BEFORE, _HUB_AFTER)


def _named_a_town_part(sent: Span, name: str) -> bool:
    """Whether the sentence names ``name`` a part of a town ("a densely packed Chelsea
    neighborhood", "the district of Midan"): a part of the article's town, whatever namesake
    the gazetteer has abroad (:meth:`ArticlePlaces.settle`)."""
    if not name.split()[-1][:1].isupper():
        return False
    text = _span_text(sent)
    return _written_between(text, name, _NO_WORD_BEFORE, _TOWN_PART_AFTER) or _written_between(
        text, name, _TOWN_PART_OF, _NO_WORD_AFTER
    )


# Nouns that, with "the" and no name, point back to the town the sentences before named.
BACK_NOUNS = frozenset({"city", "town"})
BACK_SENTENCES = 2


def _the_city(ctx: _Context, sent: Span) -> str | None:
    """The town that "the city" or "the town" (no name of its own) points back to: the last
    place named in the one or two sentences before, not a country, a province or a part of a
    town ("… the Shahba neighbourhood of Aleppo. The neighbourhood is in the western outskirts
    of the city, which rebels split when they seized its eastern half" is Aleppo's half, not
    the article's main place, Douma). None when the sentence names no such noun or the
    sentences before no such place."""
    back = any(
        tok.lower_ in BACK_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(
            c.dep_ in MODIFIER_NAME_DEPS | {"prep", "appos"} and c.pos_ in ("PROPN", "ADP")
            for c in tok.children
        )  # "the city of Arbin", "the Aleppo city": a name of its own
        for tok in sent
    )
    if not back:
        return None
    start = doc_arrays.sentences_back(ctx.doc, sent.start, BACK_SENTENCES)
    lo, hi = ctx.doc[start].idx, sent.start_char
    text = ctx.text
    for m in sorted(ctx.mentions, key=lambda m: m.start, reverse=True):
        if not (lo <= m.start < hi and m.label == "GPE"):
            continue  # not a river or a region ("the Euphrates", "Eastern Ghouta")
        if gazetteer.country(m.name) is not None or _abroad(ctx, m.name):
            continue
        named = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if named is not None and (
            named.root.dep_ == "conj" or any(c.dep_ == "conj" for c in named.root.children)
        ):
            continue  # "in Aleppo, Idlib, Homs and eastern Ghouta": a list names no one town
        if _listed_beside(ctx, m):
            # the same list with its commas lost, which the parse joins by no conj ("in Aleppo
            # Idlib Homs and eastern Ghouta. … the eastern parts of the city" had placed east
            # Aleppo's 300 000 trapped in Idlib, the list's last town but one)
            continue
        before = text[max(lo, m.start - 15) : m.start].lower().split()
        after = text[m.end : m.end + 15].lower().split()
        wider = {"province", "countryside"}
        if set(before[-2:-1]) & wider or set(after[:1]) & (wider | TOWN_PARTS):
            # "Al-Bab, which lies in the northern province of Aleppo. … attacks on the town":
            # the town is Al-Bab, not the province
            continue
        return m.name
    return None


# What stands between two items of a list of places whose commas the source lost: spaces, "and"
# or "or". (A comma is left out: "Douma, Eastern Ghouta" is a town and its region, and the
# parse joins a list written with commas by conj.)
_LIST_GAP = re.compile(r"\s+(?:(?:and|or)\s+)?")


def _listed_beside(ctx: _Context, mention) -> bool:
    """Whether another place mention, not a country ("Aleppo Syria" is a town and its
    country), stands right before or after ``mention`` with only :data:`_LIST_GAP` between:
    an item of a list of places."""
    for other in ctx.mentions:
        if other is mention or other.label not in PLACE_LABELS:
            continue
        if gazetteer.country(other.name) is not None:
            continue
        if other.end <= mention.start:
            gap = (other.end, mention.start)
        elif other.start >= mention.end:
            gap = (mention.end, other.start)
        else:
            continue
        if gap[1] - gap[0] <= 6 and _LIST_GAP.fullmatch(ctx.text, *gap) is not None:
            return True
    return False


# The prepositions of a list of "N in A" pairs, and how many pairs make one.
LIST_PREPOSITIONS = frozenset({"in", "at"})
LIST_PAIRS = 2
# How far, in words, the list's first number may stand from its "in": its noun and verb ("150
# bodies were counted in …"), not a clause of its own.
LIST_REACH = 12


def _listed_place(root: Token) -> str | None:
    """The place of a number in a list of "N in A" pairs whose commas the source lost ("150
    bodies were counted in Hammouriya 100 in Kfar Batna 67 in Saqba and 40 in Erbin"): each
    number takes the name right after its own "in". The parser hangs every "in" on the verb, so
    the general search gave all the numbers one place (whichever it knew), and the tagger
    glues a number onto the name before it ("Hammouriya 100", an event) or takes a name for an
    organisation: the list's shape, not the labels, says these are places. A list is at least
    two numbers each followed by "in"/"at" and a proper name, each pair run on to the name
    before it or joined by "and"; the first number may have its noun and verb between ("150
    bodies were counted in …"), no other number. None when the number is in no such list."""
    sent = root.sent
    doc = root.doc

    def place_after(i: int) -> int | None:  # the name after "N in", by its first word
        j = i + 1
        if j + 1 < sent.end and doc[j].lower_ in LIST_PREPOSITIONS and doc[j + 1].pos_ == "PROPN":
            return j + 1
        return None

    like_num = doc_arrays.column(doc, LIKE_NUM)  # a Token for no word of the sentence
    pairs = {
        i: at
        for i in range(sent.start, sent.end)
        if like_num[i] and (at := place_after(i)) is not None
    }
    chained = [
        i
        for i in pairs
        if i > sent.start and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].lower_ == "and")
    ]
    if len(pairs) < LIST_PAIRS or not chained:
        return None
    at = pairs.get(root.i)
    if at is None:
        # the list's first number: the first "in <name>" after it, before any other number
        first = min(pairs)
        if (
            root.i >= first
            or not 0 < first - root.i <= LIST_REACH
            or any(t.like_num for t in doc[root.i + 1 : first])
        ):
            return None
        at = next(
            (
                t.i + 1
                for t in doc[root.i + 1 : first]
                if t.lower_ in LIST_PREPOSITIONS and doc[t.i + 1].pos_ == "PROPN"
            ),
            None,
        )
        if at is None:
            return None
    end = at
    while end + 1 < sent.end and (
        doc[end + 1].pos_ == "PROPN" or doc[end + 1].text == "-" and doc[end + 1].whitespace_ == ""
    ):
        end += 1  # "Kfar Batna", "Mesraba Al-Hazza"; up to the next number or "and"
    return doc[at : end + 1].text


def _named_place(ctx: _Context, tok: Token) -> bool:
    """A place by its label or by the gazetteer ("residents of Aleppo"), not merely a proper
    noun ("staff of the Union")."""
    return ctx.label(tok) in ("GPE", "LOC") or _gazetteer_place(tok) is not None


def _within_a_place(ctx: _Context, tok: Token) -> bool:
    """The object of "within" that places a figure: a place's proper name ("from within the
    UK", "flights within India"), never a common noun the tagger took for a place ("well within
    the comfort zone" was tagged LOC)."""
    return _gazetteer_place(tok) is not None or (tok.pos_ == "PROPN" and _named_place(ctx, tok))


def _finer(ctx: _Context, root: Token, place: str, category: str | None = None) -> str:
    """A country is where everything in a war happens: when the sentence also names a place
    inside it ("killed in Syria's Idlib province", "air strikes in Syria hit Douma"), that
    place says where."""
    country = gazetteer.country(place)
    if country is None:
        return place
    inner = _place_in_sentence(ctx, root, category)
    if inner is None or gazetteer.country(inner) is not None:
        return place
    # only a place inside that country: "kill 120 militants in Syria" run into a "MOSCOW"
    # dateline is no toll of Moscow (FA-KES)
    return inner if _country_of(inner) in (country.country, None) else place


def _place_in_sentence(ctx: _Context, root: Token, category: str | None = None) -> str | None:
    """The place nearest to the number among those its sentence puts something in ("killed in
    an air strike on Idlib"): a place after a locative preposition, outside quoted attribution,
    or the object of a verb of an incident striking a place ("… injured when an earthquake
    struck Van in eastern Turkey": Van, the town, not the country the phrase after it names).
    A place inside the clause of the number's verb beats one outside it ("The medical office
    in Eastern Ghouta said two people were killed in strikes on the town of Douma": Douma)."""
    clause = _clause(root)
    best: tuple[tuple[bool, bool, int], str] | None = None
    # every place named, by its first and last word: "A in B" says where in B (below)
    named: dict[int, tuple[int, str]] = {}
    for tok in root.sent:
        side = _side_of_border(tok)
        if side is not None:
            # "on the Syrian side of the border with Iraq": Syria (the country beyond the
            # border, after "with", is where it did not happen)
            rank = (True, clause is not None and tok.i not in clause, abs(tok.i - root.i))
            if best is None or rank < best[0]:
                best = (rank, side)
            continue
        struck = _struck_place(root, tok, clause)
        if not struck and not (
            tok.dep_ == "pobj"
            and (tok.head.lower_ in SENTENCE_PLACE_PREPOSITIONS or _fought_for(tok))
            and not (tok.head.i > 0 and tok.head.nbor(-1).lower_ == "according")
        ):
            continue
        if (
            tok.head.lower_ == "of"
            and ctx.label(tok) not in ("GPE", "LOC")
            and (
                tok.head.head.lower_ not in PLACE_NOUNS | NESTING_NOUNS | COMPASS_WORDS
                or tok.head.head.lower_ in COMPASS_WORDS
                and _distance_before(tok.head.head)
            )
        ):
            # "staff of the Union": whose, unless "the town of …", "the west of Aleppo city" (a
            # part of a place is in it; not "80 km to the north of Hasaka", which is elsewhere)
            # or a tagged place
            continue
        if not struck and _where_said(tok, clause):
            continue  # "Sabra said in Turkey the attack had killed 1300": where it was said
        if not struck and _elsewhere(tok, root, clause, category):
            continue  # "mercenaries from Tunisia", "peace talks in Geneva"
        if not struck and _place_of_another_thing(tok, root, clause):
            continue  # "a campaign in Ireland … the IRA bombs which killed seven"
        if not struck and _place_of_another_count(tok, root):
            continue  # "$200,000 to Newsmax, … and $153,000 on field staff in Iowa"
        if _law_reach(tok):
            # "Deir ez-Zor … has been besieged by Daesh extremist groups outlawed in Russia"
            # had put the city's people in Russia
            continue
        if _in_a_name_gloss(tok):
            continue  # "al-Nusra Front (Qaeda branch in the Levant)": what the group is
        if tok.head.lower_ == "within" and not _within_a_place(ctx, tok):
            continue  # "well within the comfort zone": "within" places only by a place's name
        capital = None if struck else _capital_named(tok)
        if capital is not None:
            # "killed more than 125 people in the French capital": Paris, a town
            rank = (False, clause is not None and tok.i not in clause, abs(tok.i - root.i))
            named[tok.i] = (tok.i, capital)
            if best is None or rank < best[0]:
                best = (rank, capital)
            continue
        # "in Idlib", and "in Idlib province" / "in Aleppo city" (the place modifies a noun);
        # a struck thing's modifier only when the thing is a town or a province ("bombed Idlib
        # province", not "targeted Castello road" or "hit the Badr al-Din institute")
        modified = not struck or (
            tok.lower_ in PLACE_NOUNS and tok.lemma_.lower() not in TOWN_PARTS
        )
        # a struck building named after its town is in that town ("mortar fire struck the
        # Damascus Opera House": Damascus, which FA-KES had filed under the story's Homs); a
        # road's town is where it leads ("the Aleppo road"), not where it was hit
        modified = modified or (
            tok.lower_ in BUILDING_LAST_WORDS and tok.lower_ not in ROUTE_LAST_WORDS
        )
        if tok.lower_ in numbers.CURRENCY_WORDS:
            modified = False  # "1,893 to the US dollar": a currency's country is no place
        for cand in [tok, *(c for c in tok.children if modified and c.dep_ in MODIFIER_NAME_DEPS)]:
            if cand is not tok and _actor_modifier(cand, tok):
                continue  # "in U.S. air strikes": who struck, not where
            if cand is not tok and _in_a_name_gloss(cand):
                continue  # "in the Levant) terrorist organization": a group's gloss
            if _proper(ctx, cand) and _sentence_place(ctx, cand):
                end = _name_end(ctx, cand)
                if end.i == cand.i and cand.lower_ in COMPASS_WORDS:
                    continue  # "Northern" of "in Northern Syria" is no place on its own
                joined = cand.doc[cand.i : end.i + 1].text
                known = end.i > cand.i and gazetteer.place(joined) is not None
                name = _known(ctx, cand, joined if known else _place_name(ctx, end))
                if not struck and cand is tok:
                    # "near Lebanon": by the border, on the side of the article's country
                    name = _near_border(ctx, tok, name)
                    if name is None:
                        continue
                if struck and (gazetteer.country(name) is not None or _abroad(ctx, name)):
                    # "Russia hit Turkey with sanctions": a country struck is no town; nor is a
                    # town abroad in a story whose incidents are in another country ("… after
                    # Russia strike Moscow Some 120 …": a headline run into its dateline)
                    continue
                # Nearest first, but a country only when no finer place is named.
                rank = (
                    gazetteer.country(name) is not None,
                    clause is not None and cand.i not in clause,
                    abs(cand.i - root.i),
                )
                named[cand.i] = (end.i, name)
                if best is None or rank < best[0]:
                    best = (rank, name)
    return _inner_place(root.doc, named, best[1]) if best else None


NATIONALITY_COUNTRIES = lexicon.mapping("nationality_countries")
# How far back from a place a gloss's opening bracket is looked for, in tokens.
GLOSS_REACH = 12


def _in_a_name_gloss(tok: Token) -> bool:
    """Whether ``tok`` stands in brackets that gloss an organisation's name: "al-Nusra Front
    (Qaeda branch in the Levant)" says what the group is, not where anything happened (FA-KES:
    tolls of attacks in Aleppo and Hama had been the Levant's). Not a place's own gloss
    ("Sukhna (in central Homs province)"), which says where."""
    doc = tok.doc
    for j in range(tok.i - 1, max(0, tok.i - GLOSS_REACH) - 1, -1):
        if doc[j].text in (")", ".") or doc[j].is_sent_start:
            return False
        if doc[j].text == "(":
            # (a name of anything but a place: the tagger takes "al-Nusra Front" for a person)
            named = doc[j - 1] if j > 0 else None
            return (
                named is not None
                and (named.pos_ == "PROPN" or named.ent_type_)
                and named.ent_type_ not in ("GPE", "LOC", "FAC")
            )
    return False


def _place_of_another_thing(pobj: Token, root: Token, clause: set[int] | None) -> bool:
    """Whether the place ``pobj``, outside the number's ``clause``, says where another thing
    is than the event a relative clause tells the toll of: the number's verb is a relative
    clause on an event noun ("the IRA bombs which killed seven people") and the place hangs on
    another noun outside that noun's phrase ("a huge campaign in Ireland for an apology after
    … planting the IRA bombs which killed seven": where the campaign was, not the bombs; a BBC
    story had filed the Guildford pub bombs' dead in Ireland). A place on the event noun ("the
    bombs in Guildford which killed seven") or on a verb of the sentence stays."""
    if clause is None or pobj.i in clause or pobj.dep_ != "pobj":
        return False
    verb = next((t for t in root.ancestors if t.i in clause and t.dep_ == "relcl"), None)
    if verb is None and root.dep_ == "relcl":
        verb = root
    if verb is None or min(clause) != verb.left_edge.i or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    event = verb.head
    if event.left_edge.i <= pobj.i <= event.right_edge.i:
        return False
    holder = pobj.head.head
    if holder.left_edge.i <= event.i <= holder.right_edge.i:
        return False  # "a hill in Daraa that rebels seized in a battle that cost 30 lives"
    return (
        holder.pos_ in ("NOUN", "PROPN")
        # "an attack in Aleppo with rockets which killed seven": the incident's own place
        and holder.lower_ not in INCIDENT_NOUNS | KILLING_NOUNS
        and holder.lemma_.lower() not in INCIDENT_NOUNS | KILLING_NOUNS
        # "a school in Aleppo … shells which killed seven": what was hit is where
        and holder.lower_ not in NEAR_PLACE_NOUNS | PLACE_FACILITY_NOUNS
        and holder.lemma_.lower() not in NEAR_PLACE_NOUNS | PLACE_FACILITY_NOUNS
    )


def _counts_something(tok: Token, root: Token, *, later: bool = True) -> bool:
    """``tok`` is a later number than ``root``, or a noun a later number counts (not "one
    field hospital in Kafr Batna", which is a thing's place); any other number with ``later``
    False. Only a later item of a list takes the place from the number: an earlier one's
    place is the sentence's ("Twenty people in Kilis have been killed and almost 70 others
    wounded": the 70 are in Kilis too)."""
    if tok.i == root.i:
        return False
    if tok.like_num and not _of_a_date(tok) and (tok.i > root.i or not later):
        return True
    return any(
        c.dep_ == "nummod"
        and (c.i > root.i or not later)
        and c.i != root.i
        and not _of_a_date(c)
        and c.lower_ not in ("one", "1")
        for c in tok.children
    )


def _of_a_date(num: Token) -> bool:
    """A number of a date or a time, or a rank, no count: tagged so, or a day before its month
    ("8 Jun 2016 Russian air strikes in Aleppo …", where the parse makes 8 count the
    strikes)."""
    if num.ent_type_ in ("DATE", "TIME", "ORDINAL"):
        return True
    if num.i + 1 >= len(num.doc):
        return False
    after = num.doc[num.i + 1]
    word = after.lower_.rstrip(".")
    return after.ent_type_ == "DATE" or (
        len(word) >= 3 and any(month.startswith(word) for month in _MONTH_NAMES.split("|"))
    )


def _place_of_another_count(place: Token, root: Token) -> bool:
    """Whether the parse hangs ``place`` on another item of a list than the number's: going up
    from the place, another number (or a noun it counts) comes before the number, its noun or
    a verb ("It showed $200,000 to Newsmax, $47,000 to a digital firm and $153,000 on field
    coordinators in Iowa": Iowa is the $153,000's, a PolNeAR story had it for all three).
    Another count that is a part of the number's own phrase keeps its place for the number
    too ("12 people, including three children in Idlib"), unless the two are joined as list
    items ("and"), which are siblings whatever the parse nests."""
    own = root.head if root.dep_ == "nummod" else root
    tok = place.head
    steps = 0
    while tok.head.i != tok.i and steps < 12:
        if tok.i in (root.i, own.i) or tok.pos_ in ("VERB", "AUX"):
            return False
        if _counts_something(tok, root):
            # a phrase holding the number is the number's too ("half a million properties in
            # England selling for less than £60,000")
            holds = tok.left_edge.i <= root.i <= tok.right_edge.i
            return not (holds or _part_of_phrase(tok, own))
        tok = tok.head
        steps += 1
    return False


def _part_of_phrase(tok: Token, own: Token) -> bool:
    """``tok`` is inside the phrase of ``own`` with no list's "and" between: a part of it
    ("12 people, including three children"), not the next item of a list."""
    for anc in [tok, *tok.ancestors]:
        if anc.i == own.i:
            return True
        if anc.dep_ == "conj":
            return False
    return False


def _capital_named(tok: Token) -> str | None:
    """The city "the French capital", "the Syrian capital" or "Syria's capital" names (the
    capital of the country its nationality or name modifying "capital" gives), else None. Only
    "capital" with "the" and that one word: "the caliphate's Syrian capital, Raqqa" and "the
    Islamic State group's de facto Syrian capital" are another capital (Raqqa)."""
    if tok.lower_ != "capital":
        return None
    words = [c for c in tok.children if not (c.dep_ == "det" and c.lower_ == "the")]
    if len(words) != 1:
        return None
    for child in words:
        if child.dep_ not in ("amod", "compound", "poss", "nmod") or not child.text[:1].isupper():
            continue
        word = re.sub(r"(?:['’]s?|s)$", "", child.text) if child.dep_ == "poss" else child.text
        country = (
            gazetteer.country(word)
            or gazetteer.country(child.text)
            or gazetteer.country(
                demonym_country(child.text) or NATIONALITY_COUNTRIES.get(child.lower_, "")
            )
        )
        if country is not None and country.country:
            return geo.capital_of(country.country)
    return None


def _inner_place(doc: Doc, named: dict[int, tuple[int, str]], place: str) -> str:
    """The town written right before "in ``place``" among the sentence's ``named`` places
    (first word → (last word, name)), when the gazetteer has it in that province, as many
    times as the text nests them: "the hospital in Kafr Takharim in Idlib" is Kafr Takharim's,
    though "Idlib" stands nearer the number (it had put the hospital's toll beside another
    day's toll of the province). Not a street or a name the gazetteer does not put there
    ("Nisreen Street in al-Tadamun"), nor a country (:func:`_finer` narrows those)."""
    ends = dict(named.values())  # last word → name
    while True:
        start = next((s for s, (_, n) in named.items() if n == place), None)
        if start is None or start < 2 or doc[start - 1].lower_ != "in":
            return place
        inner = ends.get(start - 2)
        if inner is None or inner == place or not gazetteer.village_in(inner, place):
            return place
        place = inner


def _elsewhere(pobj: Token, root: Token, clause: set[int] | None, category: str | None) -> bool:
    """Whether the place ``pobj`` says where the counted come from or where people met, not
    where the figure happened:

    * "from" on the number ``root`` counting people, or on their noun, is their origin ("more
      than 60 mercenaries from Tunisia and Egypt were killed south of Deir Ezzor", "nine people
      from the North Caucasus among the dead"), except for the displaced, who are counted where
      they fled from ("10,000 refugees from Aleppo"), and so on another noun of people ("80
      militants including 9 natives from the North Caucasus"); a verb's "from" ("fled from
      Aleppo") still places, and so does a thing's ("a counter-attack from Mosul", "six statues
      from Palmyra");
    * a meeting's place outside the figure's clause ("peace talks in Geneva have failed to end
      the conflict in which hundreds of thousands were killed"); inside it ("a bomb killed 10
      at a meeting in Aleppo") the meeting is where they died;
    * "from" anywhere in a sum's sentence is who pays it or whence it moves ("a payment from
      Chelsea of £24.5m", "funding of £40m from the Government", "the cost of moving from
      Fleet Street"), not where the sum is: a club and a government had been money's places."""
    prep = pobj.head
    if prep.dep_ != "prep" or prep.i == prep.head.i:
        return False
    holder = prep.head
    if category in MONEY_CATEGORIES and (
        prep.lower_ == "from" or _in_another_relative_clause(pobj, root)
    ):
        return True
    if prep.lower_ == "from":
        return (
            category in PEOPLE_CATEGORIES
            and category != "displaced"
            and holder.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
            and (holder.i in (root.i, root.head.i) or _people_word(holder))
        )
    return (
        (holder.lower_ in VENUE_NOUNS or holder.lemma_.lower() in VENUE_NOUNS)
        and holder.pos_ == "NOUN"
        and clause is not None
        and pobj.i not in clause
    )


def _in_another_relative_clause(pobj: Token, root: Token) -> bool:
    """Whether ``pobj`` sits in a relative clause on another noun than the number's ("funding
    of £40m … after losing the 2005 championships, which are now held in Helsinki"): where
    that noun is, not the sum (the clause holding the number itself still places it)."""
    for tok in pobj.ancestors:
        if tok.dep_ == "relcl":
            return not (tok.left_edge.i <= root.i <= tok.right_edge.i)
    return False


def _people_word(tok: Token) -> bool:
    """Whether ``tok`` is a noun of people ("natives", "evacuees", "fighters")."""
    low = tok.lower_
    return (
        low in PEOPLE_NOUNS
        or low in TROOP_NOUNS
        or tok.lemma_.lower() in PEOPLE_NOUNS
        or PEOPLE_ENDINGS.search(low) is not None
    )


def _near_border(ctx: _Context, pobj: Token, name: str) -> str | None:
    """The place ``name`` after "near": a country near which something happened is across a
    border from it ("troops killed 50 jihadists near Lebanon" in a story on Syria's war): the
    country of the article's incidents, when another; None when that is the same country or
    unknown (the sentence then gives no place). Where the article's incidents are placed in that
    country only through it, the other country it names most, as a place or an actor ("Syria
    troops kill 50 jihadists near Lebanon": Syria). Any other place, and a country after another
    word, is ``name``."""
    if pobj.head.lower_ != "near" or gazetteer.country(name) is None:
        return name
    country = ctx.incident_country
    if country is None or country == name:
        named = Counter(
            known.name
            for m in ctx.mentions
            if m.label == "GPE" and (known := gazetteer.country(m.name)) is not None
        )
        named.pop(name, None)
        country = named.most_common(1)[0][0] if named else None
    return country


def _fought_for(pobj: Token) -> bool:
    """Whether ``pobj`` is the place an offensive was fought for ("in the battle for Aleppo",
    "the fight for Raqqa"; "the siege of" has "of" already): where its dead fell. A name itself,
    not a noun a place modifies ("a takeover battle for US phone firm MCI"), and no battle that
    only dates the count ("the worst fighting since the battle for eastern Aleppo, with air
    strikes causing hundreds of casualties")."""
    offensive = pobj.head.head
    return (
        pobj.head.lower_ == "for"
        and pobj.pos_ == "PROPN"
        and offensive.lemma_.lower() in OFFENSIVE_NOUNS
        and offensive.head.lower_ not in TIME_PREPOSITIONS
    )


# The nouns of a border whose side a nationality names ("on the Syrian side of the border").
BORDER_NOUNS = frozenset({"border", "frontier"})


def _side_of_border(tok: Token) -> str | None:
    """The country of "the <nationality> side of the border" at ``tok`` ("side"), else None:
    "a camp on the Syrian side of the border with Iraq" is in Syria; the parser finds no place in
    "side" and the country after "with" lies across the border."""
    if tok.lower_ != "side" or tok.dep_ != "pobj":
        return None
    if not any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in BORDER_NOUNS for g in c.children)
        for c in tok.children
    ):
        return None
    for child in tok.children:
        if child.dep_ in ("amod", "compound") and child.i < tok.i:
            country = demonym_country(child.text)
            if country is not None:
                return country
    return None


def _distance_before(word: Token) -> bool:
    """A distance just before a word ("80 km to the north of", "20 miles west of"): the place
    after it says where something is not."""
    before = word.doc[max(word.sent.start, word.i - 4) : word.i]
    return any(t.like_num or t.lower_ in entities.DISTANCE_UNITS for t in before)


def _struck_place(root: Token, obj: Token, clause: set[int] | None) -> bool:
    """Whether ``obj`` is what an incident struck (:data:`STRUCK_PLACE_VERBS`) in the number's
    own event: the striking verb governs the number's clause ("struck Van …, killing 17") or
    lies inside it ("17 were killed when an earthquake struck Van"), and struck one place, not
    a list ("hit Tartous Homs and Hasakeh", which no one town answers)."""
    verb = obj.head
    if obj.dep_ != "dobj" or verb.lemma_.lower() not in STRUCK_PLACE_VERBS:
        return False
    if any(c.dep_ == "conj" for c in obj.children):
        return False
    governs = any(a.i == verb.i for a in root.ancestors)
    return governs or (clause is not None and verb.i in clause)


def _abroad(ctx: _Context, name: str) -> bool:
    """Whether the gazetteer puts the town ``name`` in another country than the article's
    incidents (False when it does not know the name or the article has no such country)."""
    known = gazetteer.place(name) or gazetteer.town(name)
    code = ctx.incident_code
    return known is not None and bool(known.country) and bool(code) and known.country != code


def _proper(ctx: _Context, tok: Token) -> bool:
    """A proper name, or a word the entity mentions tag a place whatever its part of speech:
    the small model tags "Aleppo" in "in Aleppo city" an adjective."""
    return tok.pos_ == "PROPN" or (tok.pos_ == "ADJ" and ctx.label(tok) in ("GPE", "LOC"))


def _where_said(pobj: Token, clause: set[int] | None) -> bool:
    """A place attached to a speech verb outside the figure's clause says where a claim was
    made, not where the counted event happened ("Sabra said in Turkey the attack had killed
    1300 people", "told reporters in Geneva that 20 died"), and so does one attached to the one
    who makes it ("the defence ministry in Moscow said", "the monitor based in Britain said", "an
    activist who lives in Europe said")."""
    verb = pobj.head.head
    if verb.lemma_.lower() in entities.SEAT_VERBS and verb.dep_ in ("acl", "amod", "relcl"):
        # "the monitor based in Britain said …": the seat of the one who claims it, up through
        # its name ("the Observatory for Human Rights based in Britain said")
        verb = verb.head
        while verb.dep_ in ("pobj", "prep", "compound", "appos") and verb.head.i != verb.i:
            verb = verb.head
    if verb.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("NOUN", "PROPN"):
        # "the defence ministry in Moscow said …": where the one who claims it sits
        verb = verb.head
    return (
        clause is not None
        and pobj.i not in clause
        and (
            verb.pos_ == "VERB"
            and (verb.lemma_.lower() in CLAIM_VERBS or verb.lemma_.lower() in speech.SPEECH_VERBS)
            # "an activist who lives in Europe … said 10 were killed": the speaker's own place,
            # told in a clause on the speaker, is not the incident's
            or _speakers_place(pobj)
        )
    )


def _described(verb: Token) -> Token | None:
    """The noun a clause headed by ``verb`` describes ("an activist who lives in Europe" →
    activist; "who lives in Europe but is from Idlib": both verbs), else None."""
    while verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in ("relcl", "acl") and verb.pos_ in ("VERB", "AUX"):
        return verb.head
    return None


def _speakers_place(tok: Token) -> bool:
    """Whether the place ``tok`` is told of the one who speaks, in a clause on the speech verb's
    subject ("an activist who lives in Europe said …"): where the speaker is, not where things
    happen."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    who = _described(tok.head.head)
    return (
        who is not None
        and who.dep_ in ("nsubj", "nsubjpass")
        and who.head.lemma_.lower() in CLAIM_VERBS | speech.SPEECH_VERBS
    )


def _actor_modifier(modifier: Token, noun: Token) -> bool:
    """A country modifying an incident noun names who acted, not where ("in U.S. air strikes",
    "in Turkish shelling"); a town there says where ("in the Aleppo blast")."""
    head = noun
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return (
        head.lemma_.lower() in INCIDENT_NOUNS
        and gazetteer.country(modifier.doc[modifier.i : _modifier_end(modifier) + 1].text)
        is not None
    )


def _modifier_end(tok: Token) -> int:
    """The last word of the compound name ``tok`` opens ("United" of "United States air")."""
    end = tok
    while end.dep_ == "compound" and end.head.pos_ == "PROPN" and end.head.i == end.i + 1:
        end = end.head
    return end.i


def _clause(root: Token) -> set[int] | None:
    """Token indices of the clause of the verb that governs the number (its subtree)."""
    tok = root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return {t.i for t in tok.subtree}


def _name_end(ctx: _Context, tok: Token) -> Token:
    """The last word of the place name ``tok`` begins: "Eastern" in "Eastern Ghouta" → Ghouta.
    Only within one name — one entity mention, or a name the gazetteer knows — never across two
    ("in Aleppo Syria", "Hasakeh AFP" in a headline run into a dateline)."""
    end = tok
    while end.dep_ == "compound" and end.head.pos_ == "PROPN" and end.head.i == end.i + 1:
        mention = ctx.mention_at(end.head)
        joined = tok.doc[tok.i : end.head.i + 1].text
        one = mention is not None and mention.start <= tok.idx
        if not (one or gazetteer.place(joined) is not None):
            break
        end = end.head
    # "Syrias Deir ezzor": the parser tags the second word a common noun, but the gazetteer
    # knows the two words as one name.
    nxt = end.i + 1
    word = tok.doc[nxt] if nxt < len(tok.doc) else None
    if (
        word is not None
        and word.is_alpha
        and not word.is_stop
        and gazetteer.place(tok.doc[tok.i : nxt + 1].text) is not None
    ):
        end = word
    return end


# How a place name can modify the noun after a preposition: "in Idlib province", "in Aleppo
# city", "in Hasakah northern Syria" (a town before its country, commas stripped).
MODIFIER_NAME_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
NESTING_NOUNS = lexicon.words("nesting_nouns")


def _known(ctx: _Context, tok: Token, name: str) -> str:
    """A place the gazetteer knows for ``name``: the name itself when it knows it; else the
    known place its phrase nests it in ("Salah Eddin neighbourhood in Aleppo city" → Aleppo: a
    place a map and the province roll-up can use, the sentence keeps the detail), unless the
    gazetteer has a town of the name in it ("Kafr Takharim in Idlib" stays); else the
    known part of a longer name ("Rural Deir Ezzor" → Deir Ezzor); else the name as written."""
    container = _container(ctx, tok)
    if container is not None and _in_town(tok):
        return container  # "Salah Eddin neighbourhood in Aleppo city": whatever else is so named
    if gazetteer.place(name) is not None or geo.county(name):
        return name  # a UK county is whole: "County Durham" is not Durham, North Carolina
    if container is not None:
        # a town the text nests in the province the gazetteer has it in is that town ("the
        # hospital in Kafr Takharim in Idlib"): rolled up to the province, its toll had been
        # set beside another day's toll of the province; any other name is the container's
        return name if gazetteer.village_in(name, container) else container
    words = name.split()
    owner = _possessive_owner(ctx, words[-1]) if words else None
    if owner is not None:
        # "East Aleppos empty marketplace", "in Syrias Hama": the source lost the apostrophe of
        # a possessive that ends the name. "East Aleppo's" is where "East Aleppo" is; a lone
        # country's is the place named after it ("Syria's Hama"), else the country.
        if len(words) > 1:
            return _known(ctx, tok, " ".join([*words[:-1], words[-1][:-1]]))
        owned = _owned_place(ctx, tok) if owner.kind == "country" else None
        return owned or words[-1][:-1]
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start : start + size])
            if part.lower() in COMPASS_WORDS:
                continue  # "Northern Syria" is in Syria, not in a place called Northern
            # "Aleppos Marjeh district": a possessive whose apostrophe the source stripped (not
            # "Athens Olympics" or "Damascus Countryside": the gazetteer lists "Athen" and
            # "Damascu" as variants, so the word must be unknown with its "s")
            if size == 1 and start < len(words) - 1:
                owner = _possessive_owner(ctx, part)
                if owner is not None and owner.kind != "country":
                    return part[:-1]
            rest = words[start + size :]
            if rest and not all(w.lower() in PLACE_NOUNS for w in rest):
                continue  # "Tall" of "Tall Tawil" (a hill's name) is not the town At Tall
            if len(part) >= 4 and part[0].isupper() and _part_here(ctx, part):
                return part
    return name


def _possessive_owner(ctx: _Context, word: str) -> gazetteer.Place | None:
    """The place ``word`` is the lost possessive of (:func:`gazetteer.lost_possessive`), when
    a country or a place of the article's country: "Tal Hamis" is a Syrian town, not Hami
    (China) with its apostrophe lost."""
    owner = gazetteer.lost_possessive(word)
    if owner is None or owner.kind == "country" or _part_here(ctx, word[:-1]):
        return owner
    return None


def _owned_place(ctx: _Context, tok: Token) -> str | None:
    """The place named right after a country's possessive whose apostrophe the source lost
    ("Syrias Hama State media" → Hama), as :func:`_known` reads it, else None."""
    nxt = tok.i + 1
    if nxt >= len(tok.doc) or tok.whitespace_ != " ":
        return None
    word = tok.doc[nxt]
    if not (_proper(ctx, word) and _sentence_place(ctx, word)):
        return None
    end = _name_end(ctx, word)
    for last in range(end.i, word.i - 1, -1):
        # the longest known name from there: "Hama" of the headline "… in Syrias Hama State
        # media" (the mention runs on into its source, "State media")
        written = tok.doc[word.i : last + 1].text
        if gazetteer.place(written) is not None:
            return _known(ctx, word, written)
    return _known(ctx, word, _place_name(ctx, end))


def _part_here(ctx: _Context, part: str) -> bool:
    """Whether a word of a longer place name is itself a place of the article's country:
    "Rural Deir Ezzor" lies in Deir Ezzor, but "Kafr Batna" and "Maaret al-Numan" (Syrian
    towns) are not the Algerian Batna or the Nigerian Numan."""
    known = gazetteer.place(part)
    if known is None:
        return False
    return not (ctx.incident_code and known.country and known.country != ctx.incident_code)


TOWN_PARTS = frozenset({"neighbourhood", "neighborhood", "district", "quarter", "suburb"})
_TOWN_PARTS_RE = "|".join(sorted(TOWN_PARTS))
_TOWN_PART_AFTER = re.compile(rf" (?:{_TOWN_PARTS_RE})\b", re.IGNORECASE)
_TOWN_PART_OF = re.compile(rf"\b(?:{_TOWN_PARTS_RE}) of (?:the )?\Z", re.IGNORECASE)


def _in_town(tok: Token) -> bool:
    """A name for part of a town ("the Salah Eddin neighbourhood", "Marjeh district")."""
    head = tok
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.lower_ in TOWN_PARTS


def _container(ctx: _Context, tok: Token) -> str | None:
    """The known, non-country place the phrase of ``tok`` is nested in, within a few steps:
    "X neighbourhood in Aleppo city", "the town of X in the northern Hama province", "attacks on
    X in Aleppo", "X in the eastern countryside of Hama"."""
    head = tok
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "Salah Eddin neighbourhood": from the name to its noun
    frontier = [head]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        frontier.append(head.head.head)  # "the town of X in …", "attacks on X in …"
    for _ in range(3):
        nxt = []
        for node in frontier:
            for prep in node.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "of", "near", "outside"):
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = _known_place_in(ctx, pobj)
                    if found is not None:
                        return found
                    if pobj.lower_ in NESTING_NOUNS:
                        nxt.append(pobj)  # "in the eastern countryside of Hama"
        frontier = nxt
    return None


def _known_place_in(ctx: _Context, pobj: Token) -> str | None:
    """A known, non-country place named by ``pobj`` or the proper nouns modifying it ("Aleppo
    city", "the northern Hama province"), as the article names it."""
    for cand in [pobj, *(c for c in pobj.children if c.dep_ in ("compound", "amod"))]:
        if cand.pos_ != "PROPN" or _agency(cand):
            continue
        end = _name_end(ctx, cand)
        for name in (_place_name(ctx, end), cand.doc[cand.i : end.i + 1].text):
            if _part_here(ctx, name) and gazetteer.country(name) is None:
                return name
    return None


def _sentence_place(ctx: _Context, tok: Token) -> bool:
    """A place by its (corrected) label, or one the gazetteer knows whatever the small model
    says ("on Idlib" tagged ORG, "in Deir Ezzor" untagged): "on Tuesday" or "at Reuters" are not
    places."""
    if _agency(tok) or tok.i in no_place_tokens(ctx.doc):
        return False  # (a word of a work's title or of an event's name: "album Born in Memphis")
    label = ctx.label(tok)
    if label == "NORP" and ctx.mention_at(tok) is not None:
        return False  # a nationality the entity pass settled ("the Kazakh capital")
    if label == "ORG" and _settled_org(ctx, tok):
        return False  # "joined the Gunners from Seville for £17m": the club, not the town
    if _word_of_a_name(ctx, tok):
        return False  # "a New York Times/CBS News survey", "the Duchy of Lancaster"
    if _described_as_org(tok) or (not label and _firm_name(tok)):
        return False  # "$47,000 to Targeted Victory, a consulting firm"
    return label in PLACE_LABELS or (
        label not in ("PERSON", "DATE", "TIME") and _gazetteer_place(tok) is not None
    )


# The last words of a building's or a ground's name: a place word before them places what
# happened there ("the Damascus Opera House", "Idlib University", "the Aleppo Media Center").
# The nouns of a public body, whose place word names where it rules: "the Chicago Police
# Department … reported 2,521 shooting incidents in the city", "Aleppo Police Command".
PUBLIC_BODY_NOUNS = INSTITUTION_NOUNS | CLAIMANT_BODY_NOUNS
# Words a place is called by before its name, which the model takes into an ORG's name with it
# ("the Syrian Capital Damascus").
PLACE_TITLE_WORDS = frozenset({"capital"})
BUILDING_LAST_WORDS = (
    PLACE_FACILITY_NOUNS | entities.FACILITY_HEAD_WORDS | geo.FACILITY_LAST_WORDS | {"house"}
)


# The last words of a way's name: a town before them is where the way leads ("the Aleppo
# road", "the Damascus-Homs highway"), not where it lies.
ROUTE_LAST_WORDS = frozenset(
    {"road", "highway", "avenue", "lane", "street", "bridge", "roundabout", "route"}
)


def _word_of_a_name(ctx: _Context, tok: Token) -> bool:
    """Whether the place word at ``tok`` is only a word of an organisation's or a poll's name:
    inside an ORG mention that holds other proper words ("New York Times/CBS News", "Duchy of
    Lancaster": York and Lancaster had been the places of the survey's and the duchy's
    figures), or joined by a slash to a name that is no place ("USA TODAY/Suffolk poll",
    untagged). A town the entity pass took for an organisation whole ("Hama", "Al Mayadeen"),
    with a place noun ("Damascus Countryside"), with other places or a nationality ("Aleppo
    Damascus", "the Syrian Capital Damascus"), a building's name, which places what happened
    in it ("the Damascus Opera House", "Aleppo University"), a public body's, which places
    what it rules ("the Chicago Police Department"), and "the Syria/Turkey border" are places
    still."""
    _, written = _gazetteer_phrase(tok)
    mention = ctx.mention_at(tok)
    if mention is not None and mention.label == "ORG":
        own = {w.lower() for w in written.split()}
        words = re.findall(r"[^\W\d_][\w'&.-]*", ctx.text[mention.start : mention.end])
        others = [
            w
            for w in words
            if w[:1].isupper()
            and w.lower() not in own
            and w.lower() not in gazetteer.ARABIC_ARTICLES
            and w.lower() not in PLACE_NOUNS | PLACE_TITLE_WORDS
            and gazetteer.place(w) is None
            and demonym_country(w) is None  # "the Syrian Capital Damascus"
        ]
        public = any(w.lower() in PUBLIC_BODY_NOUNS for w in words)
        if others and words[-1].lower() not in BUILDING_LAST_WORDS and not public:
            return True
    doc = tok.doc
    first = tok.i - len(written.split()) + 1
    for side, other in ((first - 1, first - 2), (tok.i + 1, tok.i + 2)):
        if 0 <= side < len(doc) and 0 <= other < len(doc) and doc[side].text == "/":
            word = doc[other]
            if word.text[:1].isupper() and gazetteer.place(word.text) is None:
                return True
    return False


def _settled_org(ctx: _Context, tok: Token) -> bool:
    """Whether the entity pass labelled the town's name at ``tok`` ORG because its sentence
    uses it as a club's or a band's (:func:`analysis.entities.spans.used_as_org`: "a £2m move
    from Chelsea", "Newcastle manager", "bands including Echo"). The gazetteer's rescue of a
    town the entity pass left ORG for other reasons ("Hama", "Al Mayadeen" in the Syria reports)
    still stands."""
    mention = ctx.mention_at(tok)
    if mention is None or mention.label != "ORG":
        return False
    judged = org_use_tokens(ctx.doc)
    if judged is not None:
        return tok.i in judged  # the entity pass's own judgement of this doc
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and used_as_org(ctx.doc, span)  # mentions made elsewhere


def _agency(tok: Token) -> bool:
    """ "AFP", "SANA" in a dateline: a news agency, or an acronym no gazetteer knows, is no
    place, whatever the label says ("SANA" is also a spelling of Sana'a)."""
    if tok.text in NEWS_AGENCIES:
        return True
    return tok.is_upper and len(tok) <= 5 and _gazetteer_place(tok) is None


def _translated_name(written: str, name: str) -> bool:
    """Whether ``written`` names the gazetteer's place ``name`` only as another language's
    name for it, sharing no word with it ("White House" for Casablanca, "Google" for Topeka),
    not as a spelling of it ("Al Raqqa", "Deir Ezzor" for Deir ez-Zor)."""
    words = gazetteer.fold(written).replace("-", " ").split()
    names = gazetteer.fold(name).replace("-", " ").split()
    return not any(
        difflib.SequenceMatcher(None, w, n).ratio() >= 0.75 for w in words for n in names
    )  # "Raqqa" for "Ar Raqqah", "Hama" for "Hamah": a spelling


def _gazetteer_place(tok: Token):
    """The gazetteer's entry for the proper name ending at ``tok`` ("Deir Ezzor"), else for
    ``tok`` alone."""
    return _gazetteer_phrase(tok)[0]


def _gazetteer_phrase(tok: Token) -> tuple:
    """``(entry, words)``: the gazetteer's entry for the proper name ending at ``tok`` and
    that name as written ("Deir Ezzor"), else for ``tok`` alone (None when it knows neither)."""
    words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if words and words[-1].i == tok.i - 1:
        phrase = tok.doc[min(t.i for t in words) : tok.i + 1].text
        known = gazetteer.place(phrase)
        if known is not None:
            return known, phrase
    return gazetteer.place(tok.text), tok.text


def _place_name(ctx: _Context, tok: Token) -> str:
    """The name of a place token: its mention's name when it is a tagged place, else the name
    it ends as written when the gazetteer knows it ("Syrias Daraa" is Daraa, as the tagged
    mentions of it are: the gazetteer's own spelling, "Dar‘ā", made a second series and map
    point of the same town, and "the Castello road" of Aleppo read "Castelló de la Plana")."""
    if ctx.label(tok) in PLACE_LABELS:
        return ctx.name(tok)
    known, written = _gazetteer_phrase(tok)
    if known is not None:
        return written
    return ctx.name(tok) if ctx.label(tok) else tok.text


def _is_place(ctx: _Context, tok: Token) -> bool:
    if _agency(tok):
        return False
    if _names_history(tok):
        return False  # "perished in the Holocaust": an untagged name after "in", but no place
    if _described_as_org(tok):
        return False  # "$52,000 to Rising Harbor, a consulting firm", whatever its tag
    label = ctx.label(tok)
    if label:
        # The small model tags some cities NORP ("of Aleppo"); the entity mentions fix that.
        return label in PLACE_LABELS
    if tok.pos_ != "PROPN":
        return False
    if tok.i + 1 < tok.sent.end and _numbers_a_name(tok.doc[tok.i + 1 : tok.i + 2]):
        return False  # "breaking into the Top 40", "Channel 4": a name the number ends
    if _firm_name(tok):
        return False  # "$47,000 to Targeted Victory, a consulting firm"
    # an untagged proper noun after "of/in/to" ("85% of Aleppo"); in a headline, where every
    # word is capitalised, only a place the gazetteer knows ("52 Dead In Regime Airstrikes")
    return not _title_cased(tok.sent) or _gazetteer_place(tok) is not None


def _described_as_org(tok: Token) -> bool:
    """Whether the name at ``tok`` is described, in apposition, as a firm, a group or a club
    (:data:`ORG_APPOSITION_NOUNS`: "Rising Harbor, a consulting firm"), and no country is so
    called."""
    head = tok
    while head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head  # "Rising" of "Rising Harbor, a consulting firm"
    if gazetteer.country(head.text) is not None:
        return False
    return any(
        child.dep_ == "appos"
        and (child.lemma_.lower() in ORG_APPOSITION_NOUNS or child.lower_ in ORG_APPOSITION_NOUNS)
        for child in head.children
    )


def _firm_name(tok: Token) -> bool:
    """Whether the untagged proper noun at ``tok`` ends a firm's or a group's name, not a
    place's: capitalised words run into it mid-sentence ("paid $47,000 to Assured Victory") and
    no table of places knows the name or any word of it. An untagged town of several words
    ("in Tall Tawil village", "Deir ezzor") is one the tables know."""
    words = [
        left
        for left in tok.lefts
        if left.dep_ in ("compound", "amod")
        and left.text[:1].isupper()
        and left.i > tok.sent.start
        and left.lower_ not in COMPASS_WORDS
        and left.lower_ not in PLACE_NOUNS
    ]
    if not words:
        return False
    name = tok.doc[min(w.i for w in words) : tok.i + 1].text
    return all(_country_of(part) is None for part in [name, *(t.text for t in [*words, tok])])


def _title_cased(sent: Span) -> bool:
    """A headline's capitalisation: at least four words, nearly every one capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)


# -- event or running total -------------------------------------------------------------------
# A sentence that counts over a whole war or period rather than one event. Written from the
# phrasing of running totals in the Syria coverage (bench/eval_casualties.py shows the misses
# they caused): "since the start of the war", "the conflict has killed", "which began in 2011",
# "the death toll from the six-year conflict", "in Syria's multi-front conflict".
WAR_WORDS = r"(?:war|conflict|uprising|crisis|revolt|revolution|rebellion|insurgency|turmoil)"
_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
CUMULATIVE = re.compile(
    r"\bsince (?:the (?:start|beginning|outbreak|onset)\b|(?:(?:early|late|mid|march|"
    r"january|february|april|may|june|july|august|september|october|november|december) )?"
    r"(?:19|20)\d\d\b|it (?:began|started|erupted|broke out)|then\b)"
    rf"|\b{WAR_WORDS} (?:has|have|had) (?:since |so far |now )?(?:killed|claimed|left|cost|caused)"
    # the war named first, its toll in a clause on it: "the five-year war that has claimed
    # over 300000 lives", "the conflict in Syria which has lasted five years has killed",
    # "a conflict in which more than 300000 people have been killed"
    rf"|\b{WAR_WORDS}\b[^.;]{{0,80}}?\b(?:that|which)\b[^.;]{{0,60}}?\b(?:has|have|had) "
    r"(?:since |so far |now |already )?(?:killed|claimed|left|cost|caused)\b"
    # "Syria's civil war, now in its seventh year, has killed …" (not "a war monitor said the
    # strike has killed …", "regime war planes … have killed")
    rf"|\b{WAR_WORDS}\b(?![- ](?:monitor|plane|jet|crime|ship|zone))[^.;]{{0,40}}?\b(?:has|have|had) "
    r"(?:since |so far |now |already )?(?:killed|claimed|left|cost|caused)\b"
    rf"|\b{WAR_WORDS} in which\b"
    # the millions a war uprooted are its toll, however told: "The war also displaced nearly 10
    # million people" (not "war-displaced families", a kind of people)
    rf"|\b{WAR_WORDS} (?:has |have |had )?(?:also |since |so far |now |already )?"
    r"(?:displaced|uprooted)\b"
    # a count over a span from one month or year to another: "12679 people died of torture from
    # March 2011 to June 2016", "photos taken between May 2011 and August 2013"
    rf"|\bfrom (?:(?:early|mid|late)[- ])?(?:(?:{_MONTH_NAMES}) )?(?:19|20)\d\d "
    rf"(?:to|until|till|through) (?:(?:early|mid|late)[- ])?(?:(?:{_MONTH_NAMES}) )?(?:19|20)\d\d\b"
    rf"|\bbetween (?:(?:early|mid|late)[- ])?(?:(?:{_MONTH_NAMES}) )?(?:19|20)\d\d "
    rf"and (?:(?:early|mid|late)[- ])?(?:(?:{_MONTH_NAMES}) )?(?:19|20)\d\d\b"
    # a war's toll told with its millions displaced: "More than 300000 people have been
    # killed and millions forced to flee their homes"
    r"|\b(?:and|while) (?:displaced |forced |driven |uprooted )?millions\b"
    r"|\b(?:began|broke out|erupted|started|erupting) in (?:(?:early|late|march) )?(?:19|20)\d\d"
    rf"|\b(?:death toll|toll|deaths|dead) (?:from|in|of) (?:the |syria['’]?s? )?(?:[\w-]+ )?"
    rf"{WAR_WORDS}"
    rf"|\bin (?:the |syria['’]?s? |its )(?:[\w-]+ ){{0,2}}{WAR_WORDS}\b(?! in\b)"
    rf"|\b(?:over|throughout|during) the (?:course of the )?(?:[\w-]+ )?{WAR_WORDS}\b"
    r"|\b(?:total|overall|cumulative) (?:death )?toll\b"
    # Totals over a period rather than one event: "since Saturday", "since mid-February",
    # "since the rebel assault began", "in the past two weeks", "in recent weeks".
    r"|\bsince (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:last|early|mid|late)\b"
    rf"|(?:early |mid-?|late )?(?:{_MONTH_NAMES})\b|the (?:end|middle|beginning|start) of\b"
    r"|the (?:[\w-]+ )?(?:assault|offensive|campaign|siege|attack|operation|bombardment"
    rf"|{WAR_WORDS})s? (?:began|started))"
    # "in the past two weeks", "over the past year" (the killing of 5812 civilians documented
    # over a year was one event in one town), "in recent weeks", "during September"
    r"|\b(?:in|over|during) (?:the )?(?:past|last) (?:[\w-]+ )?(?:days?|weeks?|months?|years?)\b"
    r"|(?<!earlier )\bthis year\b"
    r"|\bin recent (?:days|weeks|months)\b|\bso far this (?:year|month)\b"
    rf"|\b(?:during|throughout) (?:the month of )?(?:{_MONTH_NAMES})\b"
    # "45 people have been killed in three days of regime attacks", "the deadliest month"
    r"|\bin (?:the )?(?:[\w-]+ )?(?:days|weeks|months) of\b"
    r"|\b(?:deadliest|bloodiest) (?:week|month|year)\b",
    re.I,
)


def is_cumulative(sentence: str) -> bool:
    """Whether ``sentence`` counts over a whole war or period (see :data:`CUMULATIVE`)."""
    return CUMULATIVE.search(sentence) is not None


# An earlier event recalled as background: dated by a month or a year, or set before the news
# ("last month", "earlier this week", "a day after"). The news itself is dated by weekday in
# wire copy ("on Tuesday"), and the opening sentence (dateline and lede) is always the news.
# Longest name first, so "march" is tried before "mar" (the same lexicon numbers.py reads).
MONTHS = "(?:" + "|".join(sorted(lexicon.words("months"), key=lambda m: (-len(m), m))) + ")"
BACKGROUND = re.compile(
    rf"\b(?:in|on|since|by|during|of|until) (?:(?:early|mid|late)[- ])?{MONTHS}\b"
    rf"|\b{MONTHS}\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? (?:19|20)\d\d)?"  # "Dec. 2" too
    r"|\bin (?:19|20)\d\d\b"
    r"|\b(?:last|previous) (?:week|month|year|summer|winter|spring|autumn)\b"
    r"|\bearlier this (?:week|month|year)\b"
    r"|\b(?:a|one|two|three|several) (?:days?|weeks?|months?|years?) (?:earlier|before|ago)\b"
    r"|\ba (?:day|week) after\b",
    re.I,
)


# Years and decades back, however many ("20 years ago", "four decades earlier", "a decade ago"):
# a recall, unless the sentence holds its count up against that time ("four million fewer
# players than there were a decade ago", "down from the $600,000 it gave four years ago": the
# count compared is the news's own, PolNeAR's campaign stories compare with 2012 so).
YEARS_BACK = re.compile(r"\b(?:[\w-]+ (?:years|decades)|a decade) (?:earlier|before|ago)\b", re.I)
COMPARED_WITH = re.compile(r"\b(?:than|from|compared (?:with|to))\b", re.I)


def _years_back(text: str) -> bool:
    """Whether ``text`` sets something years back (:data:`YEARS_BACK`) without comparing the
    news with it (:data:`COMPARED_WITH` before it)."""
    return any(not COMPARED_WITH.search(text, 0, m.start()) for m in YEARS_BACK.finditer(text))


# The fewest dead a count told in the perfect ("have been killed", "has cost the lives of")
# must have to be a war's running total whatever its sentence names: no day's attack in the
# news kills a hundred thousand, and a war's toll is often told without naming the war
# ("More than 200000 people have been killed and nearly half of the population has fled").
RUNNING_TOTAL_MIN = 100_000
# The same for the displaced: no day's news uproots a million ("more than 10 million have been
# displaced across the war-battered country" is the war's toll, as its dead beside it are), while
# a day's exodus of a hundred thousand from one city is news.
RUNNING_DISPLACED_MIN = 1_000_000


def _running_total(reading: _Reading, sentence: Span) -> bool:
    """A count of :data:`RUNNING_TOTAL_MIN` or more casualties, or of
    :data:`RUNNING_DISPLACED_MIN` or more displaced, told in the perfect."""
    value = reading.value if reading.value is not None else reading.low
    least = RUNNING_DISPLACED_MIN if reading.category == "displaced" else RUNNING_TOTAL_MIN
    return (
        value is not None
        and value >= least
        and any(
            t.lower_ in ("has", "have", "had") and t.dep_ in ("aux", "auxpass") for t in sentence
        )
    )


# A span of years or decades that frames the sentence's counts: "Thirty more years; 300
# policemen, over 600 soldiers … dead", "over the past four decades 2,000 died" (not a time
# ago or to come: "five years ago", "in five years' time", "five years from now").
OVER_YEARS = re.compile(
    r"^\W*(?:[\w-]+ )?(?:more )?(?:years|decades)\b\W*[;:,]"
    r"|\b(?:over|during|across|throughout) (?:the )?(?:past |last |next |first )?[\w-]+ "
    r"(?:more )?(?:years|decades)\b(?!'| (?:ago|earlier|before|later|time|from now))",
    re.I,
)


def _over_years(text: str) -> bool:
    """Whether the sentence ``text`` counts over years or decades (:data:`OVER_YEARS`): its
    casualties are a running total of that span, no one day's news (a speech's three decades of
    a conflict's dead had been news events of the story's city)."""
    return OVER_YEARS.search(text) is not None


# A count per period: "90 people a day die", "30,000 deaths every year", "killed per month".
RATE_AFTER = re.compile(
    r"^(?:a|per|each|every) (?:day|week|month|year)\b(?! (?:ago|after|before|earlier|later))|^annually\b",
    re.I,
)
RATE_BEFORE = re.compile(r"\b(?:each|every) (?:day|week|month|year),?$", re.I)


def _a_rate(span: Span, unit_token: Token | None) -> bool:
    """The count is a rate ("90 people a day die from gun violence", "every year 30,000 are
    killed on the roads"): a period's average, no one incident (PolNeAR: a rate of gun
    deaths had been a killed news event at Vermont). The period is written right after the
    number or its noun, or just before the number."""
    doc = span.doc
    end = max(span.end, unit_token.i + 1 if unit_token is not None else 0)
    after = doc[end : min(end + 3, span.sent.end)].text
    before = doc[max(span.sent.start, span.start - 3) : span.start].text
    return RATE_AFTER.search(after) is not None or RATE_BEFORE.search(before) is not None


def _scope_of_whole(span: Span, whole: Figure) -> str | None:
    """The scope of ``whole`` (the figure just before) when the number ``span`` counts a part
    of it ("N of them", "of those", "of whom") in the same or the next sentence and ``whole``
    is a total or an earlier event's; None otherwise."""
    doc = span.doc
    if not (
        span.end + 1 < len(doc)
        and doc[span.end].lower_ == "of"
        and doc[span.end + 1].lower_ in ("them", "those", "whom")
    ):
        return None
    if whole.scope == "event" or whole.category not in PEOPLE_CATEGORIES:
        return None
    sent = span.sent
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    starts = {sent.start_char} | ({before.start_char} if before is not None else set())
    whole_sent = doc.char_span(whole.start, whole.end, alignment_mode="expand")
    if whole_sent is None or whole_sent.sent.start_char not in starts:
        return None
    return whole.scope


# A month named without a day after a preposition ("… injured in August shelling", "during
# March"): a count over the month, not one day's news, even in the opening sentence, whose
# dateline dates the news by a day ("August 13 2016 …" has no preposition).
MONTH_PERIOD = re.compile(
    rf"\b(?:in|during|since|throughout) (?:(?:early|mid|late)[- ])?{MONTHS}\b(?!\.? ?\d)", re.I
)


# A day named by month and day ("July 31", "on August 10", "Friday June 12 2016"), for
# :func:`_news_days`.
MONTH_DAY = re.compile(
    rf"\b(?:on )?({MONTHS})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? ((?:19|20)\d\d))?", re.I
)
# How many days before its publication a day the article names is still the news's own: wire
# copy dates its news by the day it happened ("On July 31 a tank-backed assault killed at least
# 80", published August 1), and embedded posts carry their day ("(OCHASyria) June 10 2016") —
# as many as a dateline may lie from the date given before the dateline wins.
NEWS_DAYS = datelines.REDATE_DAYS
# How far ahead of its publication a day named without its year is still to come (a primary, a
# vote, a deadline), not last year's.
COMING_DAYS = 183


def _news_days(text: str, published: str | None) -> str:
    """``text`` with every day it names that falls within :data:`NEWS_DAYS` before
    ``published`` (YYYY-MM-DD), or after it, blanked out: the news's own date, and a day to come
    ("the state's primary Aug. 30"), recall nothing. A day without its year is of the year
    published, or of the year before when that would be more than :data:`COMING_DAYS` after it
    ("December 30" in a January 2 story); the date is read by ``ingest.normalise_date``, the
    one reader of dates in words."""
    if not published:
        return text
    try:
        day = datetime.date.fromisoformat(published[:10])
    except ValueError:
        return text

    def named(month: str, number: str, year: int) -> datetime.date | None:
        found = normalise_date(f"{month} {number} {year}")  # None for "February 29 2017"
        return datetime.date.fromisoformat(found) if found else None

    def blank(m: re.Match) -> str:
        month, number, year = m.group(1), m.group(2), m.group(3)
        when = named(month, number, int(year or day.year))
        if when is not None and not year and (when - day).days > COMING_DAYS:
            when = named(month, number, day.year - 1)
        if when is not None and (0 <= (day - when).days <= NEWS_DAYS or when > day):
            return " " * len(m.group(0))
        return m.group(0)

    return MONTH_DAY.sub(blank, text)


def _recalled(text: str, published: str | None) -> bool:
    """Whether ``text`` dates what it tells before the news (:data:`BACKGROUND`, or years
    back: :func:`_years_back`), the news's own days (:func:`_news_days`) aside."""
    if _years_back(text):
        return True
    return _dates_back(text) and (not published or _dates_back(_news_days(text, published)))


# A clause of a time to come before a date ("the deal would be signed in March", "shooting is
# expected to begin in April", "is due to face trial in March"): the date is ahead, no recall
# (an undated BBC story's investment deal to come had been background).
TO_COME_BEFORE = re.compile(
    r"\b(?:will|would|shall|(?:is|are|was|were) (?:(?:due|expected|set|scheduled) )?to"
    r"|expected to|scheduled to|plans? to|planning to)\b[^.;,:]{0,40}$",
    re.I,
)


def _dates_back(text: str) -> bool:
    """Whether ``text`` has a date of :data:`BACKGROUND` that is not a time to come."""
    return any(not _to_come(text, m) for m in BACKGROUND.finditer(text))


def _to_come(text: str, date: re.Match) -> bool:
    """Whether the ``date`` matched in ``text`` is when a clause of a time to come
    (:data:`TO_COME_BEFORE`) happens: "would be signed in March". Only a date after its
    preposition: "would condemn an August 21 attack" names a day gone by."""
    return date.group(0).lower().startswith(("in ", "on ", "by ", "until ")) and bool(
        TO_COME_BEFORE.search(text, max(0, date.start() - 60), date.start())
    )


# A count set in a named historic war or persecution ("some six million people perished in the
# Holocaust", "died during the Second World War", "killed in the Troubles") is history
# recalled, never the day's news, in any sentence: no date in it says so (a BBC story on a
# memorial had drawn the Holocaust's dead as London's news event). Background, not a running
# total: a total is placed in the country of the article's news, history only where its own
# sentence says. "since the Second World War" compares the news with history and is no such
# setting. "the Troubles" (Northern Ireland) only with its capital.
HISTORIC_EVENTS = re.compile(
    r"\b(?i:in|during|throughout) (?i:the )?"
    r"(?:(?i:holocaust|shoah|great war|(?:first|second) world war"
    r"|world war (?:i{1,2}|one|two|1|2)|ww(?:i{1,2}|1|2))\b|Troubles\b)"
)


# An anniversary generations back ("April 24 marked 101 years since the start of the Armenian
# genocide, when … killed 1.5 million", "a century after the massacre"): history recalled, not a
# war's running total told "since the start" (:data:`CUMULATIVE`), which is placed in the country
# of the article's news (a PolNeAR opinion piece had filed the genocide's dead in Azerbaijan).
# No war of the day's news has run for fifty years.
HISTORY_YEARS = 50
ANNIVERSARY = re.compile(
    r"\b(?:(\d+)|a|one|two|three|four|five) (years|decades|centur(?:y|ies)) (?:since|after)\b", re.I
)


def _anniversary_of_history(text: str) -> bool:
    """Whether ``text`` counts :data:`HISTORY_YEARS` or more years since or after what it tells
    (:data:`ANNIVERSARY`)."""
    for m in ANNIVERSARY.finditer(text):
        unit = m.group(2).lower()
        if unit.startswith("centur"):
            return True
        if unit == "decades" and not m.group(1):
            continue  # "two decades after": a generation, not yet history
        number = int(m.group(1)) if m.group(1) else 0
        if number * (10 if unit == "decades" else 1) >= HISTORY_YEARS:
            return True
    return False


def _names_history(tok: Token) -> bool:
    """Whether ``tok`` is a word of a historic event's name set after "in"/"during"
    (:data:`HISTORIC_EVENTS`)."""
    sent = tok.sent
    at = tok.idx - sent.start_char
    return any(m.start() <= at < m.end() for m in HISTORIC_EVENTS.finditer(_span_text(sent)))


# Nouns of an event a year before them dates ("the 2013 attack", "the 1974 pub bombings", "the
# 2011 uprising"): with a year before the article's own, the event is history recalled.
DATED_EVENT_NOUNS = (
    INCIDENT_NOUNS
    | KILLING_NOUNS
    | DISASTER_NOUNS
    | OFFENSIVE_NOUNS
    | lexicon.words("year_event_nouns")
    | {"shooting", "shootings", "stabbing", "stabbings", "killings", "murders", "crash", "fire"}
)
# "the 2013 attack", "the August 2013 chemical attack", "its 1974 pub bombings": the year, then
# at most three words of the event's name before its noun.
DATED_EVENT = re.compile(
    rf"\b(?:the|its|their|a|an)(?: {MONTHS})? ((?:19|20)\d\d)(?:'s)? (?:[\w-]+ ){{0,3}}?"
    rf"(?:{'|'.join(sorted(DATED_EVENT_NOUNS, key=lambda w: (-len(w), w)))})\b",
    re.I,
)


# The word that brings in what a figure is compared with ("to £170m from £194m last year",
# "£75m, compared with £125m a year earlier", "£1,000 cheaper than last year's"), when an earlier
# figure or date follows it: not "fled from Homs in 2013", nor the "than" of "more than 300".
# A "than" only before an earlier time, not a number: "younger than 18" compares no figure.
_EARLIER_TIME = (
    r"last\b|a year\b|the same (?:period|quarter|month|time)\b|(?:the )?previous\b|a decade\b"
)
COMPARISON = re.compile(
    r"\b(?:(?:up |down )?from|compared (?:with|to)|versus)\s+"
    rf"(?=(?:the |its |their |a |an )?(?:[£$€¥]|\d|{_EARLIER_TIME}))"
    rf"|\bthan\s+(?=(?:the |its |their )?(?:{_EARLIER_TIME}))",
    re.I,
)


def _recall_cues(text: str, published: str | None) -> list[int]:
    """Where ``text`` dates something before the news (the cues :func:`_recalled` and
    :func:`_earlier_years_event` read), the news's own days aside."""
    news = _news_days(text, published)
    cues = [m.start() for m in BACKGROUND.finditer(news) if not _to_come(news, m)]
    cues += [m.start() for m in YEARS_BACK.finditer(text)]
    if published and published[:4].isdigit():
        year = int(published[:4])
        cues += [m.start() for m in DATED_EVENT.finditer(text) if int(m.group(1)) < year]
    return sorted(cues)


def _news_before_comparison(sent: Span, span: Span, published: str | None) -> bool:
    """Whether the figure ``span`` is the news a background sentence compares with an earlier
    figure: every date of the sentence that recalls comes after a comparison
    (:data:`COMPARISON`), and the figure before it ("profits fell to £170m from £194m last
    year": the £170m is this year's). The figure compared stays background, as does a
    sentence dated before its comparison ("In 2003 sales rose to £5m from £3m")."""
    text = _span_text(sent)
    if HISTORIC_EVENTS.search(text) or _anniversary_of_history(text):
        return False
    cues = _recall_cues(text, published)
    compared = COMPARISON.search(text)
    return (
        bool(cues)
        and compared is not None
        and compared.start() < cues[0]
        and span.end_char - sent.start_char <= compared.start()
    )


# The time since an earlier event that opens a clause telling it ("days after a bombing killed
# 120", "a week after an air strike killed 20 people", "less than two weeks after IS killed
# 270"): days or longer, the day before included. Not hours: "hours after" is most often the
# same day's news, told by its order ("killing more than 120 ... some 30 hours after the first
# batches reached"). The clause runs to a break of punctuation or to the words of someone
# speaking ("a day after it was announced that air strikes killed 58 civilians UNICEF said 25
# were children": the 25 are UNICEF's news of the day), or to a day of its own ("the day after
# the convention ended and the same day she made two campaign stops").
TIME_SINCE = re.compile(
    r"\b(?<!last )(?<!this )(?<!next )(?<!same )(?:days?|weeks?|months?|years?)\s+after\b", re.I
)  # ("last year after the launch of three models" is a date, not a time since)
CLAUSE_END = re.compile(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:said|says|say|told|reported|reports|according to)\b"
    r"|\bthe same day\b",
    re.I,
)


# Only the words of the time itself before it: the clause opens the sentence ("Just days after
# a chemical attack a woman was killed and 25 others were wounded"), and with no comma to end
# it the sentence's own clause cannot be told from it (the 25 are the day's news).
FRONTED = re.compile(
    r"^\W*(?:(?:just|only|barely|nearly|almost|less|more|than|some|about|a|an|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|several|few|the|\d+)\s+)*$",
    re.I,
)


def _news_before_time_since(sent: Span, span: Span, published: str | None) -> bool:
    """Whether the number ``span`` is the news of a sentence that goes on to recall an earlier
    event by the time since it ("At least six children were killed on Thursday, a day after
    air strikes on a school left 35 dead"): the sentence's words up to that time recall
    nothing (:func:`figure_scope` of them is the news), all the sentence's recall being the
    earlier event's."""
    text = _span_text(sent)
    end = span.end_char - sent.start_char
    since = next((m for m in TIME_SINCE.finditer(text, end)), None)
    return (
        since is not None
        and _scope_of(text, False, published) == "background"
        and _scope_of(text[: since.start()], False, published) == "event"
    )


def _told_since(sent: Span, span: Span) -> bool:
    """Whether the number ``span`` is told in a clause of ``sent`` that a time since an
    earlier event opens (:data:`TIME_SINCE`) after the sentence's own (not :data:`FRONTED`),
    with no end of that clause (:data:`CLAUSE_END`) between them: a recalled event, whatever
    the rest of the sentence tells."""
    text = _span_text(sent)
    at = span.start_char - sent.start_char
    return any(
        not FRONTED.match(text, 0, m.start()) and CLAUSE_END.search(text, m.end(), at) is None
        for m in TIME_SINCE.finditer(text, 0, at)
    )


def _earlier_years_event(text: str, published: str | None) -> bool:
    """Whether ``text`` names an event by a year before the one ``published`` (YYYY-MM-DD) is
    in ("the 2013 attack … killed 1,429" in a 2016 story: the Ghouta attack's toll had been a
    news event of August 2016). With no date, none: an undated story's "the 2005 World
    Championships" may be to come (BBC 2004 copy)."""
    if not (published and published[:4].isdigit()):
        return False
    year = int(published[:4])
    return any(int(m.group(1)) < year for m in DATED_EVENT.finditer(text))


def _recalls_the_event_before(sent: Span, published: str | None) -> bool:
    """Whether ``sent`` points back with "that"/"those" to an event ("accused Damascus of that
    attack, which killed 1,429") told by the sentence before it in its paragraph, and that
    sentence recalls it (:func:`_recalled`, :func:`_earlier_years_event`: "sarin was used in
    Ghouta in 2013."): the toll is of that earlier event, not the day's news."""
    doc = sent.doc
    if sent.start == 0:
        return False
    if not any(
        t.lower_ in ("that", "those")
        and t.dep_ == "det"
        and (t.head.lemma_.lower() in DATED_EVENT_NOUNS or t.head.lower_ in DATED_EVENT_NOUNS)
        for t in sent
    ):
        return False
    before = doc[sent.start - 1].sent
    if "\n\n" in text_of(doc)[before.start_char : sent.start_char]:
        return False  # another paragraph: another story
    return _recalled(before.text, published) or _earlier_years_event(before.text, published)


# A weekday named as an event's day ("On Tuesday an attack killed 80", "Tuesday's attack"), not
# as the day someone spoke ("the Observatory said on Tuesday") nor as a date stamp ("Wed 05 Apr
# 2017", a scrape's publication line) nor a day to come ("next Tuesday").
WEEKDAY = re.compile(rf"\b({WEEKDAY_PATTERN})\b(?!\s*(?:\d|{MONTHS}\b))", re.I)
SPOKEN_ON = re.compile(
    r"\b(?:said|says|say|reported|reports|announced|added|stated|told\s+[\w-]+)"
    r"(?:\s+(?:late|early))?(?:\s+on)?\s*$",
    re.I,
)
# ... nor, the weekday before its verb, a day someone spoke or claimed ("IS on Monday claimed
# the attack", "the monitor on Sunday evening said")
SPOKEN_AFTER = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+(?:said|says|reported|announced|added"
    r"|stated|told|claimed|confirmed|published|issued)\b",
    re.I,
)
# ... nor a day to come, nor the day a campaign began ("a counterattack launched on Sunday":
# its dead may be of any day since)
NOT_YET = re.compile(
    r"\b(?:next|coming|until|till|by|(?:launched|began|begun|started)(?:\s+on)?)\s*$", re.I
)
# A day before the news the opening dates is its eve (wire copy tells a night's strike the
# next day, "killed on Sunday" in a story of Monday's fighting): an earlier event is at least
# this many days before it.
EARLIER_DAYS = 2
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekdays_named(text: str, published: str | None) -> tuple[list, list]:
    """The days ``text`` names by weekday, as dates on or before ``published`` (the weekday's
    last occurrence; the day published itself included): the days of events, and the days
    someone spoke (:data:`SPOKEN_ON`). Nothing without a date."""
    try:
        day = datetime.date.fromisoformat((published or "")[:10])
    except ValueError:
        return [], []
    events, spoken = [], []
    for m in WEEKDAY.finditer(text):
        before = text[max(m.start() - 30, 0) : m.start()]
        if NOT_YET.search(before):
            continue
        back = (day.weekday() - WEEKDAY_NAMES.index(m.group(1).lower())) % 7
        when = day - datetime.timedelta(days=back)
        said = SPOKEN_ON.search(before) or SPOKEN_AFTER.match(text, m.end())
        (spoken if said else events).append(when)
    return events, spoken


def news_day(lede: str, published: str | None) -> datetime.date | None:
    """The earliest day the article's news happened on, by the weekdays its opening sentence
    names: an event's day ("killed 17 on Monday"), else the day before the day someone spoke
    ("…, the governor said Friday": a strike of Thursday night); None when it names none."""
    events, spoken = _weekdays_named(lede, published)
    if events:
        return min(events)
    if spoken:
        return min(spoken) - datetime.timedelta(days=1)
    return None


def _earlier_weekday(text: str, published: str | None, news: datetime.date | None) -> bool:
    """Whether ``text`` (a sentence after the opening) dates what it tells by a weekday before
    the article's news: :data:`EARLIER_DAYS` or more before the day the opening names
    (:func:`news_day`), or, the opening naming none, more than :data:`NEWS_DAYS` before
    publication. Wire copy dates its news by weekday ("on Tuesday"), so a weekday alone is the
    news; one before the news is an earlier event recalled ("On Tuesday a chemical attack in
    Idlib killed 80", in a Friday story about Thursday night's missile strike), not the day's.
    The latest day the sentence names decides: a sentence of the news may recall its start."""
    events, _ = _weekdays_named(text, published)
    if not events or not published:
        return False
    if news is not None:
        return (news - max(events)).days >= EARLIER_DAYS
    day = datetime.date.fromisoformat(published[:10])
    return (day - max(events)).days > NEWS_DAYS


def figure_scope(
    sentence: Span | str, *, first_sentence: bool = False, published: str | None = None
) -> str:
    """``"total"``, ``"background"`` or ``"event"`` for a figure in ``sentence`` of an article
    published on ``published`` (YYYY-MM-DD; a day just before it is the news's, not a recalled
    event's). Given as a span of its article, a sentence pointing back to an earlier event the
    sentence before recalls is background too (:func:`_recalls_the_event_before`)."""
    text = sentence if isinstance(sentence, str) else _span_text(sentence)
    scope = _scope_of(text, first_sentence, published)
    if (
        scope == "event"
        and not first_sentence
        and not isinstance(sentence, str)
        and _recalls_the_event_before(sentence, published)
    ):
        return "background"
    return scope


@functools.lru_cache(maxsize=4096)
def _scope_of(text: str, first_sentence: bool, published: str | None) -> str:
    """:func:`figure_scope` of a sentence's text, worked out once for every figure it holds
    (each figure of a sentence asked its patterns again: 355 of 1,119 calls on 200 BBC texts)."""
    if HISTORIC_EVENTS.search(text) or _anniversary_of_history(text):
        # first: "died in the Second World War" also reads as a war's running total, which
        # is placed in the country of the article's news
        return "background"
    if is_cumulative(text) or (first_sentence and MONTH_PERIOD.search(text)):
        # (a lede's "700 got injured in August shelling" had headlined Aleppo's injured as one
        # event beside a rocket attack's three)
        return "total"
    if not first_sentence and (_recalled(text, published) or _earlier_years_event(text, published)):
        return "background"
    return "event"


# -- who claims it ------------------------------------------------------------------------------
# Head words of what a claim verb's subject can be without being anyone's claim: an incident
# or a weapon ("Air strikes … claimed the lives", "Terrorists Rocket Shells Claim 9"), or the
# victims themselves ("Civilians Killed …"), which the parse makes the subject of a headline.
NOT_CLAIMANT_HEADS = INCIDENT_NOUNS | frozenset(
    {"shell", "shells", "rocket", "rockets", "missile", "missiles", "civilians", "fighters"}
    # what struck ("Coalition war planes carried out 10 air strikes … the Observatory reported")
    | {"planes", "warplanes", "jets", "aircraft", "helicopters", "drones"}
    # what was found, not who says it: "Initial results of tests … point to sarin" (the parse
    # gave "said" two subjects, the results and the ministry that spoke)
    | {"results", "findings"}
    # nor what shows it: "Evidence strongly suggests … killed more than 1400 people Human
    # Rights Watch said" is the rights group's claim
    | {"evidence"}
)


def _names_an_incident(name: str) -> bool:
    """Whether ``name`` is headed by an incident, a weapon, the victims or a finding
    (:data:`NOT_CLAIMANT_HEADS`)."""
    return name.split()[-1].lower() in NOT_CLAIMANT_HEADS


# Words that go on an agency's name ("Sputnik News Agency", "BBC Arabic"), not a photographer's.
AGENCY_NAME_WORDS = frozenset(
    {"news", "agency", "arabic", "english", "world", "international", "television", "tv",
     "monitoring", "service", "online", "radio", "photo", "photos"}
)  # fmt: skip


def _photo_credit(name: str) -> bool:
    """A photo's credit line run into the text, not a source: a news agency and the
    photographer ("Sputnik/ Ilya Pitalev", "REUTERS/Rodi Said", "AP Photo/Hussein Malla" once
    the slash is lost): the agency written in capitals that its name has not ("REUTERS"), or
    followed by "Photo", or by two capitalised words that are no part of an agency's name."""
    words = name.split()
    agency = speech.agency_named(words[0]) or next(
        (a for a in NEWS_AGENCIES if a.upper() == words[0] and a != words[0]), None
    )
    if agency is None and words[0] not in ("AP", "EPA"):
        return False  # AP and EPA credit photos under names the agency list does not hold
    if len(words) < 2:
        return False
    if agency is not None and words[0].isupper() and not agency.isupper():
        return True
    rest = words[1:3]
    return rest[0].lower() in ("photo", "photos") or (
        len(rest) == 2 and all(w.istitle() and w.lower() not in AGENCY_NAME_WORDS for w in rest)
    )


def _actor_or_body(name: str | None) -> str | None:
    """``name`` when it can name a claimant: an actor (:func:`actor_or_none`), or a public body
    written in lower case, a qualifier and its head (:data:`CLAIMANT_BODY_NOUNS`: "port
    authority", "fire service")."""
    if actor_or_none(name) is not None:
        return name
    words = name.split() if name else []
    if len(words) > 1 and name.islower() and words[-1] in CLAIMANT_BODY_NOUNS:
        return name
    return None


def _claimant_or_none(name: str | None) -> str | None:
    """``name`` when it can claim a figure: an actor or public body (:func:`_actor_or_body`)
    that is no incident, weapon, victims or photo credit."""
    who = _actor_or_body(name)
    return None if who is None or _names_an_incident(who) or _photo_credit(who) else who


def _claimant(ctx: _Context, span: Span, category: str | None = None) -> str | None:
    who = _without_dateline(_claimant_as_written(ctx, span, category))
    if who is not None and (_names_an_incident(who) or _photo_credit(who)):
        return None
    if who is not None and is_monitor_description(who):
        # "… killed 44 people, a monitoring group said": the monitor the article quotes by name
        # or, quoted nowhere, the one monitoring body the article names ("… the Syrian
        # Observatory for Human Rights, which tracks the war"; a monitor description had been
        # a claimant of its own in 35 figures of the real store)
        return monitor_named(ctx.quotes, span.start_char) or _monitor_in_article(ctx) or who
    if who is not None:
        # a known variant is its organisation's name ("SOHR", "Syrian Observatory"): one
        # claimant, not three, in the conflicts and the tables
        known = entities.alias(who)
        if known is not None and known[1] == "ORG":
            return known[0]
        # the person speaking for a body the article names is that body ("Observatory
        # director Rami …": the Observatory's figures, not a claimant of their own beside it;
        # the figure's sentence still shows who spoke)
        return _body_spoken_for(ctx, who) or _run_together(ctx, who) or who
    return who


def _without_dateline(name: str | None) -> str | None:
    """``name`` without the dateline a scrape ran into it: the leading weekday, month, day and
    year words ("Wednesday 27 Jul 2016 Syrian state TV says 22 killed …" had made "Jul 2016
    Syrian state TV" a claimant beside "Syrian state TV"). Only a run with a number in it is a
    date ("May" alone may be the prime minister); a name that was all date is none."""
    if name is None:
        return None
    words = name.split()
    k = 0
    while k < len(words) and (
        words[k].lower().strip(".,") in entities.MONTHS_AND_DAYS or words[k].strip(".,").isdigit()
    ):
        k += 1
    if k == 0 or not any(w.strip(".,").isdigit() for w in words[:k]):
        return name
    return " ".join(words[k:]) or None


def _body_spoken_for(ctx: _Context, person: str) -> str | None:
    """The organisation ``person`` speaks for by the roles the article's quotes give them, or
    the titles written before their name (:data:`VOICE_ROLE_NOUNS`: "Observatory director",
    "head of the monitor", "U.N. spokesman"), when it names that organisation; None for a
    person with no such role (a minister's claims stay the minister's) or roles naming two
    bodies."""
    roles = {
        q.speaker_role
        for q in ctx.quotes
        if q.speaker == person and q.speaker_label == "PERSON" and q.speaker_role
    }
    roles |= _titles_before(ctx, person)
    bodies = {body for role in roles if (body := _body_of_role(ctx, role)) is not None}
    return bodies.pop() if len(bodies) == 1 else None


def _titles_before(ctx: _Context, person: str) -> set[str]:
    """The titles written right before the person's name, back to the punctuation before them
    ("… said SOHR director Rami …" → "said SOHR director"): a figure claimed where no quote
    holds the person's role (the claim verb's subject read by this extractor)."""
    titles = set()
    for m in ctx.mentions:
        if m.name != person or m.label != "PERSON":
            continue
        before = re.split(r"[.,;:!?\"“”()]", ctx.text[max(0, m.start - 80) : m.start])[-1]
        words = before.split()[-4:]
        if words and words[-1].lower() in VOICE_ROLE_NOUNS:
            titles.add(" ".join(words))
    return titles


def _body_of_role(ctx: _Context, role: str) -> str | None:
    """The organisation the article names that ``role`` is a voice of: the words before the
    role noun ("World Food Programme spokeswoman") or after its "of" ("head of Syrian
    Observatory") name it in full, by a written form of it in the article ("U.N.", "the
    Observatory"), by a known variant ("SOHR"), or by its head word ("Observatory" for the
    Syrian Observatory for Human Rights) with no other capitalised name before that word
    ("Health Ministry" is not the Defense Ministry named elsewhere)."""
    words = role.split()
    lower = [_no_possessive(w.lower()) for w in words]
    nouns = [
        i
        for i, w in enumerate(lower)
        # the role noun as written: "former Disney directors" are no voice of Disney
        if words[i].lower() in VOICE_ROLE_NOUNS
        and (i == len(words) - 1 or lower[i + 1] in ("of", "for"))
    ]
    if not nouns:
        return None
    i = nouns[-1]
    body, said = (words[i + 2 :], lower[i + 2 :]) if i + 1 < len(words) else (words[:i], lower[:i])
    if not body:
        return None
    forms: dict[str, set[str]] = {}
    for m in ctx.mentions:
        if m.label == "ORG":
            forms.setdefault(m.name, set()).update({m.name, m.text})
    full: set[str] = set()
    by_head: set[str] = set()
    # words of the people the article names, run into a role ("… Observatory Rami …")
    person_words = {w for m in ctx.mentions if m.label == "PERSON" for w in m.text.split()}
    for name, written in forms.items():
        for form in written:
            if speech.agency_named(form.split()[0]) is not None:
                continue  # "AFP Observatory": the wire's credit run into a name
            form_words = [_no_possessive(w) for w in re.sub(r"^the ", "", form.lower()).split()]
            if form_words and _holds_run(said, form_words, body, person_words):
                full.add(name)
        head = _head_word(name)
        own = {w.lower() for w in name.split()}
        for j, w in enumerate(said):
            if w != head or not _holds_run(said[j:], [head], body[j:], person_words):
                continue  # "Hama" is no head word of "Hama Media center"
            before = body[j - 1] if j > 0 else ""
            foreign = (
                before[:1].isupper()
                and before.lower() not in own
                and speech.agency_named(before) is None
            )
            if not foreign:
                by_head.add(name)
    for n in range(len(body), 0, -1):  # a known variant: "SOHR director"
        for k in range(len(body) - n + 1):
            known = entities.alias(" ".join(body[k : k + n]))
            if known is not None and known[1] == "ORG" and known[0] in forms:
                full.add(known[0])
    if full:
        return full.pop() if len(full) == 1 else None
    return by_head.pop() if len(by_head) == 1 else None


def _head_word(name: str) -> str:
    """The head word of an organisation's name, lower case: its last word before any "for" or
    "of" ("Syrian Observatory for Human Rights" → "observatory")."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if w in ("for", "of")), len(words))
    return _no_possessive(words[cut - 1].lower()) if cut else ""


def _no_possessive(word: str) -> str:
    """A word without the possessive its apostrophe was lost from ("Observatorys" →
    "observatory"); role strings come without punctuation."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _holds_run(words: list[str], run: list[str], written: list[str], people: set[str]) -> bool:
    """Whether ``run`` is a stretch of ``words`` that ends the organisation they name: at their
    end, before "of"/"for", or before a person's name run in ("Hama" is not the whole of
    "Hama Media center")."""
    n = len(run)
    for k in range(len(words) - n + 1):
        if words[k : k + n] == run:
            after = words[k + n] if k + n < len(words) else None
            if after is None or after in ("of", "for") or written[k + n] in people:
                return True
    return False


def _run_together(ctx: _Context, name: str) -> str | None:
    """The one claimant a name stands for when lost punctuation ran two names into it: a place
    before a known organisation ("… the city of Ashara Syrian Observatory for Human Rights
    says" → the Observatory), or a body the article names before another known name
    ("According to the Observatory DAESH has lost …" → the Observatory). None for a name
    that is no such pair."""
    words = name.split()
    places = {m.text for m in ctx.mentions if m.label in ("GPE", "LOC")}
    others = {m.name for m in ctx.mentions if m.label == "ORG" and m.name != name}
    bodies = {m.text.lower(): m.name for m in ctx.mentions if m.name in others}
    bodies.update(_bodies_by_head(others))
    for k in range(1, len(words)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        known_right = entities.alias(right)
        if known_right is None or left.replace(".", "").lower() in known_right[0].lower().split():
            continue  # "U.N. Security Council" is one name
        if left in places and known_right[1] == "ORG":
            return known_right[0]
        if left.lower() in bodies:
            return bodies[left.lower()]
    return None


def _monitor_in_article(ctx: _Context) -> str | None:
    """The monitoring body the article names, an organisation whose name says it is one
    (:data:`MONITOR_NAME_WORDS`), when it names exactly one."""
    names = {
        m.name
        for m in ctx.mentions
        if m.label == "ORG" and not MONITOR_NAME_WORDS.isdisjoint(m.name.lower().split())
    }
    return names.pop() if len(names) == 1 else None


def _claimant_as_written(ctx: _Context, span: Span, category: str | None = None) -> str | None:
    # "… killed by Assad regime and Russian airstrikes according to civil defense officials":
    # the source the sentence names outright comes first; the parse had also read a reported
    # clause ("when Assad regime declared … 359 civilians have been killed") that made the
    # accused the claimant.
    source = _according_to(ctx, span)
    if source is not None:  # a generic one ("officials") leaves the field empty
        return _actor_or_body(source)
    relayed = _reported_by(ctx, span)
    if relayed is not None:
        return relayed
    for q in ctx.quotes:
        if q.start <= span.start_char and span.end_char <= q.end:
            return _body_before(ctx, q, span.sent) or _speaker_phrase(ctx, q)
    root = span.root
    tok = root
    steps = 0
    while tok.head.i != tok.i and steps < 10:
        below, tok = tok, tok.head
        steps += 1
        if _claims_an_attack(tok):
            continue
        if _describes_the_speaker(below, tok):
            # "Mr. Paulson, who made billions of dollars on a bet, told investors …": the
            # relative clause is the writer's account of the speaker, not what the speaker says
            break
        if (
            category in MONEY_CATEGORIES
            and below.dep_ == "dobj"
            and below.pos_ == "NOUN"
            and tok.lemma_.lower() == "claim"
        ):
            # "Trump had claimed a loss of $916 million", "claim a refund of $500": a sum
            # claimed as one's due (a tax loss, a benefit) is no claim of the number; whoever
            # reports it ("the Times wrote that …", further up) is its source
            continue
        if tok.lemma_.lower() in GROWTH_CLAIM_VERBS and below.dep_ == "dobj":
            # "The US economy added 337,000 jobs": what was added is the figure, no words
            # said ("he added that 20 died" says them); its subject claims nothing
            continue
        if _gives_a_count(tok, below):
            # "The Observatory gave a toll of 36 dead": whoever gives the toll claims it; a
            # participle's is the subject of the verb it hangs on ("The Observatory reported
            # strikes on the road out of Aleppo giving a toll of eight")
            giver = tok.head if tok.dep_ in ("advcl", "xcomp") and _subject_of(tok) is None else tok
            who = _claimant_or_none(_speaker_of(ctx, giver)) or _body_by_head_noun(ctx, giver)
            if who:
                return who
        if tok.lemma_.lower() in CLAIM_VERBS and tok.pos_ == "VERB" and _passive(tok):
            # "the fighting is reported to have killed 130": whoever reported it is not said,
            # unless "by" names them
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            who = _actor_or_body(_phrase_name(ctx, pobj)) if pobj is not None else None
            if who:
                return who
            continue
        if tok.lemma_.lower() in CLAIM_VERBS and tok.pos_ == "VERB" and not _takes_lives(tok):
            # A subject that names no actor ("a car bomb … claiming eight", "Separate air raids
            # … killed 25 … a monitoring group said") is no claimant: look further up, then at
            # the sentence's end.
            who = (
                _claimant_or_none(_speaker_of(ctx, tok))
                or _unnamed_claimant(ctx, tok)
                or _body_by_head_noun(ctx, tok)
                or _noun_saying(ctx, tok)
            )
            if who:
                return who
    return _source_at_the_end(ctx, span) or _headline_credit(span) or _pollster(ctx, span)


TOLL_GIVING_VERBS = lexicon.words("toll_giving_verbs")


def _gives_a_count(verb: Token, obj: Token) -> bool:
    """``verb`` gives ``obj``, a toll, figure or estimate (:data:`TOLL_GIVING_VERBS`,
    :data:`REPORT_NOUNS`), as its active verb's object: a claim of the count."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in TOLL_GIVING_VERBS
        and obj.dep_ == "dobj"
        and obj.lemma_.lower() in REPORT_NOUNS
        and not _passive(verb)
    )


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject; of two before it (lost commas: "… dozens of dead from army personnel
    and allied militias the head of the monitor said" gave "said" both "militias" and "head"),
    :func:`_of_two_subjects` picks."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    before = [c for c in subjects if c.i < verb.i]
    if len(before) > 1:
        return _of_two_subjects(before[0], before[-1])
    return subjects[0] if subjects else None


def _of_two_subjects(first: Token, nearest: Token) -> Token:
    """Which of a verb's two subjects speaks: the one run into the verb ("… allied militias the
    head of the monitor said", "… eight of them rebels … a monitor said", "Date of publication
    … Syrian activist groups say"), unless it is a description set after a name ("The Syrian
    Center for Policy Research however a Beirut-based NGO has put …") or a name that ends the
    first one's phrase ("opponents of Syrian President Bashar al-Assad said": no Assad)."""
    if nearest.left_edge.lower_ == "the":
        return nearest
    if nearest.left_edge.lower_ in ("a", "an") and first.ent_type_ in ("ORG", "PERSON"):
        return first
    between = first.doc[first.right_edge.i + 1 : nearest.i]
    if (
        nearest.pos_ == "PROPN"
        and any(c.dep_ == "prep" for c in first.children)
        and all(t.pos_ == "PROPN" or t.is_punct for t in between)
    ):
        return first
    return nearest


def _unnamed_claimant(ctx: _Context, verb: Token) -> str | None:
    """The claimant a claim verb's subject stands for without naming it: "It said …" goes on
    with the organisation whose claim the sentence before reports (:func:`_claimant_before`); "a
    source at Aleppo Police Command said" is the command's (:func:`_source_body`); "the bulletin
    said" is the body that issued the bulletin a sentence shortly before. None otherwise."""
    subject = _subject_of(verb)
    if subject is None:
        return None
    if subject.lower_ == "it":
        return _claimant_before(ctx, verb.sent)
    lemma = subject.lemma_.lower()
    if lemma in UNNAMED_SOURCE_NOUNS:
        return _source_body(ctx, subject)
    if lemma in CLAIM_DOCUMENT_NOUNS and _bare_definite(subject):
        return _claimant_before(ctx, verb.sent, document=lemma)
    return None


def _bare_definite(noun: Token) -> bool:
    """ "the source", "the statement": "the" and nothing else before the noun, no words after
    it that say whose it is."""
    lefts = [c for c in noun.lefts if not c.is_punct]
    return (
        len(lefts) == 1
        and lefts[0].lower_ == "the"
        and not any(c.dep_ in ("prep", "acl", "relcl") for c in noun.rights)
    )


# How many sentences back "the source" looks for the nameless source it repeats.
SOURCE_LOOKBACK = 5
# The prepositions that tie a nameless source to the body it speaks for ("a source at …").
SOURCE_BODY_PREPOSITIONS = frozenset({"at", "in", "from", "of", "with", "inside", "within"})


def _source_body(ctx: _Context, noun: Token) -> str | None:
    """The organisation a nameless source speaks for: named right after it ("a source at
    Aleppo Police Command told SANA", "an official at the Health Ministry"), or, for "the
    source" alone, after the nameless source last mentioned a few sentences before in the same
    paragraph ("A source at Hasaka Police Command said … The source added …"). None for a
    source tied to no organisation ("a military source", "a source in Aleppo")."""
    body = _body_named_after(ctx, noun)
    if body is not None or not _bare_definite(noun):
        return body
    earlier = _earlier_source(ctx, noun)
    return _body_named_after(ctx, earlier) if earlier is not None else None


def _body_named_after(ctx: _Context, noun: Token) -> str | None:
    """The organisation named right after ``noun`` and a preposition ("source at [the] X")."""
    doc = noun.doc
    j = noun.i + 1
    if j >= len(doc) or doc[j].lower_ not in SOURCE_BODY_PREPOSITIONS:
        return None
    j += 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    if j >= len(doc):
        return None
    m = ctx.mention_at(doc[j])
    return m.name if m is not None and m.label == "ORG" and m.start == doc[j].idx else None


def _earlier_source(ctx: _Context, noun: Token) -> Token | None:
    """The nameless source mentioned last before ``noun`` (:data:`UNNAMED_SOURCE_NOUNS`), within
    :data:`SOURCE_LOOKBACK` sentences and the same paragraph."""
    doc = noun.doc
    first = doc_arrays.sentences_back(doc, noun.sent.start, SOURCE_LOOKBACK)
    start = max(first, ctx.text.rfind("\n\n", 0, noun.idx) + 1)
    for t in reversed(doc[first : noun.sent.start]):
        if t.idx < start:
            break
        if t.pos_ == "NOUN" and t.lemma_.lower() in UNNAMED_SOURCE_NOUNS:
            return t
    return None


def _claimant_before(
    ctx: _Context, sent: Span, document: str | None = None, depth: int = 0
) -> str | None:
    """The organisation whose claim the sentence just before ``sent`` reports, in the same
    paragraph: "The Britain-based monitor said … It also said a raid killed two women" is the
    monitor's. With ``document`` ("bulletin"), the nearest of the three sentences before that
    mentions that document ("the ministry said in a daily bulletin …"). None when that
    sentence claims nothing or its claimant is a person ("it" is no person)."""
    doc = ctx.doc
    start = sent.start
    for _ in range(1 if document is None else 3):
        if start == 0:
            return None
        before = doc[start - 1].sent
        if "\n\n" in ctx.text[before.start_char : sent.start_char]:
            return None
        if document is None or any(t.lemma_.lower() == document for t in before):
            return _organisation_claiming(ctx, before, depth)
        start = before.start
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The definite phrase right after "said" that ends its sentence, its inverted subject
    ("…, in particular the UK, France and Spain, said the report."; "… said the Britain-based
    group."), which the parse makes an object and the other rules pass over for a name before
    the verb."""
    if verb.lemma_.lower() != "say":
        return None
    for c in verb.rights:
        if c.dep_ in ("dobj", "nsubj", "attr") and c.left_edge.i == verb.i + 1:
            end = c.right_edge.i + 1
            if c.left_edge.lower_ == "the" and (end >= verb.sent.end or verb.doc[end].is_punct):
                return c
    return None


def _named_as_written(mention: str | None, speaker: str | None) -> bool:
    """Whether a quote's speaker is written by name ("the Observatory", "SANA") or by a word of
    its name ("the ministry" for the Russian Defence Ministry, "the commission"), not by a
    description the name does not hold ("the company" resolved to a firm named before, "the
    group" to a constituency), which the quotes resolve less surely."""
    words = (mention or "").split()
    if not words or not speaker:
        return False
    if words[-1].lower() in speaker.lower().split():
        return True
    return any(w[:1].isupper() for w in words if w.lower() not in ("the", "a", "an", "it"))


def _organisation_claiming(ctx: _Context, sent: Span, depth: int) -> str | None:
    """The organisation ``sent`` quotes: the speaker of its last quotation with one (the quotes'
    own rules), else the source it ends on (:func:`_source_at_the_end`: "… the Observatory
    reported"), else the claimant of its first claim verb that has one (a chain of "It said …
    It added …" goes back to the organisation that began it). None when that is a person."""
    quoted = [
        q
        for q in ctx.quotes
        if sent.start_char <= q.start < sent.end_char
        and _named_as_written(q.speaker_mention, q.speaker)
    ]
    if quoted:
        last = quoted[-1]
        if last.speaker_label == "PERSON":
            return _body_spoken_for(ctx, last.speaker)
        return last.speaker
    root = sent.root
    who = _source_at_the_end(ctx, sent.doc[root.i : root.i + 1])
    if who is not None:
        return who
    for verb in sent:
        if (
            verb.pos_ != "VERB"
            or verb.lemma_.lower() not in CLAIM_VERBS
            or _passive(verb)
            or _takes_lives(verb)
            or _claims_an_attack(verb)
        ):
            continue
        subject = _subject_of(verb)
        if subject is not None and subject.lower_ == "it":
            return _claimant_before(ctx, sent, depth=depth + 1) if depth < 3 else None
        inverted = _inverted_subject(verb)
        name = _phrase_name(ctx, inverted) if inverted is not None else _speaker_of(ctx, verb)
        who = (
            _claimant_or_none(name)
            or (name if name and is_monitor_description(name) else None)
            or _unnamed_claimant(ctx, verb)
            or _body_by_head_noun(ctx, verb)
        )
        if who is None:
            continue
        if any(m.name == who and m.label == "PERSON" for m in ctx.mentions):
            return None
        return who
    return None


# Nouns of a poll, whose named organisation is the source of the sentence's shares ("In a
# national CNN/ORC poll released Monday, 31% of Republicans said …").
# Singular only: "an average of recent Hoosier polls" is many pollsters' (or an averager's).
POLL_NOUNS = frozenset({"poll", "polling", "survey"})


def _pollster(ctx: _Context, span: Span) -> str | None:
    """The organisation named right before the one poll or survey of the figure's sentence,
    as written ("CNN/ORC", "Washington Post-ABC News", "Quinnipiac University"), else None:
    "A Quinnipiac University poll … found that 74 percent …" is Quinnipiac's figure, which
    the claim verbs did not reach (the finding verb's subject is the poll, no name). Only
    proper nouns of no date or place ("the April survey", "a Florida poll" name no one)."""
    sent = span.sent
    polls = [t for t in sent if t.lower_ in POLL_NOUNS and t.pos_ == "NOUN"]
    if len(polls) != 1:
        return None  # none, or two polls compared: whose figure is whose is not read here
    doc = sent.doc
    first = polls[0].i
    while first > sent.start and (
        _pollster_word(doc[first - 1])
        or doc[first - 1].text in ("/", "-", "–")
        and first - 2 >= sent.start
        and _pollster_word(doc[first - 2])
    ):
        first -= 1
    if first == polls[0].i:
        return None
    if (
        first - 2 >= sent.start
        and doc[first - 1].lower_ in ("the", "of", "and", "&", "for")
        and doc[first - 2].pos_ == "PROPN"
    ):
        return None  # the end of a longer name ("Rock the Vote"): not read whole here
    return doc[first : polls[0].i].text


def _pollster_word(tok: Token) -> bool:
    """A word of a pollster's name: a proper noun or an organisation's word, not a date's or
    a place's ("September", "Florida")."""
    if tok.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "NORP"):
        return False
    return tok.pos_ == "PROPN" or tok.ent_type_ == "ORG"


def _describes_the_speaker(clause: Token, noun: Token) -> bool:
    """``clause`` is a relative or participle clause (its verb no claim verb) on ``noun``, and
    ``noun`` the subject of a claim verb: the clause describes the one who speaks."""
    return (
        # "Ben Emmerson QC, representing seven of the detainees, said …" (a participle) too
        clause.dep_ in ("relcl", "acl")
        and clause.lemma_.lower() not in CLAIM_VERBS
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ in ("nsubj", "nsubjpass")
        and noun.head.lemma_.lower() in CLAIM_VERBS
        and noun.head.pos_ == "VERB"
    )


def _noun_saying(ctx: _Context, verb: Token) -> str | None:
    """The actor a claim verb in a participle or relative clause hangs on ("…, state media said,
    with a monitor saying at least 17 were killed", "a monitoring group that says 12 died"):
    that clause's verb governs the number, so its noun is the claimant, never the subject of
    the verb further up (the state media had been credited with the monitor's 17). None when
    the noun names no actor ("a statement saying …": whoever issued it, further up, is)."""
    if verb.dep_ not in ("acl", "relcl") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return _claimant_or_none(_phrase_name(ctx, verb.head))


def _body_before(ctx: _Context, quote: Quote, sent: Span) -> str | None:
    """The organisation whose claim the sentence before ``sent`` reports, when ``quote`` (in
    ``sent``) is told by "he"/"she" and the person the pronoun was resolved to is not named in
    that sentence: "The Syrian Observatory … said at least 60000 have died in jails. He said
    more than 20000 of them had died at Sednaya" is the Observatory's voice going on (the
    pronoun had been resolved to another group's director named two sentences back, and the
    Sednaya toll credited to that group). None otherwise, and across a paragraph break."""
    if (quote.speaker_mention or "").lower() not in ("he", "she") or sent.start == 0:
        return None
    doc = ctx.doc
    before = doc[sent.start - 1].sent
    if "\n\n" in ctx.text[before.start_char : sent.start_char]:
        return None
    if any(
        before.start_char <= m.start < before.end_char and m.name == quote.speaker
        for m in ctx.mentions
    ):
        return None  # "Rami Abdel Rahman said …. He said …": the person named just before
    bodies = {
        q.speaker
        for q in ctx.quotes
        if q.speaker_label == "ORG"
        and q.speaker != quote.speaker
        and before.start_char <= q.start < before.end_char
    }
    return bodies.pop() if len(bodies) == 1 else None


def _reported_by(ctx: _Context, span: Span) -> str | None:
    """The source a passive claim verb of the number's own clause names ("Three deaths and 22
    injuries were reported by the civil defence rescuers …, Reuters reported"): the one who
    counted, before whoever relays the sentence (the agency's reported speech, a quote); a
    lower-case body of people at work counts too ("the civil defence rescuers"), as the
    article's one organisation of that name when it names one ("Civil Defence")."""
    tok = span.root
    for _ in range(10):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() not in CLAIM_VERBS or tok.pos_ != "VERB":
            continue
        if not _passive(tok):
            return None  # an active claim verb: its subject is the claimant (the usual rules)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if pobj is None:
            return None
        return _claimant_or_none(_phrase_name(ctx, pobj)) or _working_body(ctx, pobj)
    return None


def _working_body(ctx: _Context, noun: Token) -> str | None:
    """A lower-case body of people at work that names what they work for ("civil defence
    rescuers", "rescue workers"), as the article's one organisation so named ("Civil Defence",
    "Syrian Civil Defence"), else as written; None for people described by an adjective alone ("local
    residents") or a bare plural ("activists")."""
    if not (noun.tag_ == "NNS" and PEOPLE_ENDINGS.search(noun.lower_)):
        return None
    modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod")]
    if not any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in modifiers):
        return None
    start = min(c.left_edge.i for c in modifiers)
    body = noun.doc[start : noun.i].text.lower()
    named = {
        m.name
        for m in ctx.mentions
        if m.label == "ORG" and (m.name.lower() == body or m.name.lower().endswith(f" {body}"))
    }
    return named.pop() if len(named) == 1 else noun.doc[start : noun.i + 1].text


def _body_by_head_noun(ctx: _Context, verb: Token) -> str | None:
    """The organisation a lower-case subject ("the observatory said", "the centre reported")
    stands for: the one organisation the article names whose head word it is (:func:`_head_word`:
    "observatory" of the Syrian Observatory for Human Rights). The wire's copy of one story had
    "the Observatory reported" for that body and "the observatory reported" for no one; two
    bodies of that head word leave it to no one."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        subject is None
        or subject.pos_ != "NOUN"
        or not subject.is_lower
        or not any(c.lower_ == "the" for c in subject.children)
        or any(c.dep_ in ("amod", "compound", "poss") for c in subject.children)
    ):
        return None
    orgs = {m.name for m in ctx.mentions if m.label == "ORG"}
    return _bodies_by_head(orgs).get(subject.lemma_.lower())


def _bodies_by_head(names) -> dict[str, str]:
    """Each head word (:func:`_head_word`) of the organisations ``names`` that heads one of them
    only, with that organisation: "observatory" → the Syrian Observatory for Human Rights.
    ("The observatory", "the Observatory DAESH …" name it; a word two bodies share names neither.)"""
    heads = Counter(_head_word(name) for name in names)
    return {_head_word(n): n for n in names if _head_word(n) and heads[_head_word(n)] == 1}


def _speaker_phrase(ctx: _Context, quote: Quote) -> str | None:
    """The quote's speaker, or, when the speaker as written is one word that only modifies the
    lower-case noun right after it, the two together: "Harbour pilots in Rotterdam warned …"
    is the pilots' claim, never "Harbour"'s (the parse made "Harbour" a verb, "pilots" its
    object). A named person or organisation keeps its name ("US officials" is the US's)."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return quote.speaker
    written = ctx.doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    if written is None or len(written) != 1 or written.end >= len(ctx.doc):
        return quote.speaker
    word, noun = written[0], ctx.doc[written.end]
    if quote.speaker_label in ("PERSON", "ORG", "GPE") or ctx.label(word) in PLACE_LABELS:
        return quote.speaker
    tied = noun.head.i == word.i or word.head.i == noun.i
    if noun.pos_ == "NOUN" and noun.is_lower and tied and noun.idx == word.idx + len(word) + 1:
        return clean_name(f"{word.text} {noun.text}", phrase=True)
    return quote.speaker


# A headline's credit after its words, with the wire's name after it ("… kills at least 58
# Observatory Reuters", "Air raids kill 10 near Syria hospital Monitor AFP", "… rises to 76:
# monitor.", "… car bombings state media").
HEADLINE_CREDIT = re.compile(
    r"(?:^|[\s:–-])(?P<credit>(?:Syrian )?Observatory|[Mm]onitors?|SANA|[Ss]tate (?:media|TV)"
    r"|NGO|[Aa]ctivists)(?:\s+(?:AFP|Reuters|AP))?\s*\.?\s*$"
)


CREDIT_FUNCTION_WORDS = frozenset(
    {"of", "the", "a", "an", "by", "from", "to", "at", "in", "on", "for", "with", "and", "its"}
)


def _headline_credit(span: Span) -> str | None:
    """The credit a headline ends on, after the number (:data:`HEADLINE_CREDIT`); None in a
    sentence of the story ("… said the Observatory." has its verb: the parse finds it)."""
    sent = span.sent
    if any(t.lemma_.lower() in CLAIM_VERBS and t.pos_ == "VERB" for t in sent):
        return None
    match = HEADLINE_CREDIT.search(_span_text(sent))
    if match is None or sent.start_char + match.start("credit") < span.end_char:
        return None
    before = _span_text(sent)[: match.start("credit")].split()
    if before and before[-1].lower() in CREDIT_FUNCTION_WORDS:
        return None  # "… near the offices of state media.": the words' own noun phrase
    last = sent.doc.char_span(
        sent.start_char + match.start("credit"),
        sent.start_char + match.end("credit"),
        alignment_mode="expand",
    )
    if last is not None and _joined_in_prepositions_object(last[-1]):
        # "… drawn criticism from environmental groups and human rights activists.": the
        # words' own phrase, one of a list after a preposition (2 figures of the BBC's); a
        # headline's credit run into its place, which the parse also makes the object of the
        # preposition ("kills 18 in Damascus suburb state TV"), is no list's
        return None
    return match["credit"]


def _joined_in_prepositions_object(tok: Token) -> bool:
    """Whether ``tok`` is a conjunct of a preposition's object ("from groups and activists")."""
    if tok.dep_ != "conj":
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj"


def _source_at_the_end(ctx: _Context, span: Span) -> str | None:
    """The source a sentence ends on, after the number: "… killing 12 people the Observatory
    said", "… targeted the road the Syrian Observatory reported Thursday". With its commas
    lost the parser hangs the claim verb on a noun before it (a relative clause), so the
    number's heads never reach it. The verb says nothing after it (no clause or object of
    its own: "… and the army said 30 rebels died" is another claim) and its subject stands
    after the number."""
    root = span.root
    sent, pos = span.sent, doc_arrays.column(span.doc, POS)
    # Only a verb after the number: the other words need no Token.
    after = range(max(sent.start, span.end), sent.end)
    for verb in (span.doc[i] for i in after if pos[i] == VERB):
        if verb.i < span.end or verb.pos_ != "VERB" or verb.lemma_.lower() not in CLAIM_VERBS:
            continue
        if _passive(verb) or _takes_lives(verb) or _claims_an_attack(verb):
            continue
        if any(
            c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i and not _participle_aside(c)
            for c in verb.children
        ):
            continue
        # the subject after the number (the parse may give the verb two: "Separate air raids
        # … killed 25 civilians … a monitoring group said")
        # (of two, :func:`_of_two_subjects` picks: "… allied militias the head of the monitor
        # said")
        after_root = [c for c in verb.children if c.dep_ == "nsubj" and c.i > root.i]
        before_verb = [c for c in after_root if c.i < verb.i]
        subject = (
            _of_two_subjects(before_verb[0], before_verb[-1])
            if len(before_verb) > 1
            else next(iter(after_root), None)
        )
        if subject is None:
            # "… killing 11 people the Syrian Observatory for Human Rights reported": the
            # parser made the name the object of the verb before; the name ends at the verb
            before = verb.doc[verb.i - 1] if verb.i > 0 else None
            named = ctx.mention_at(before) if before is not None else None
            if named is not None and named.label in ("ORG", "PERSON") and before.i > root.i:
                subject = before
        if subject is not None and subject.i > root.i and subject.lower_ == "it":
            # "… and 19 wounded it said": the organisation the sentence before quotes
            who = _claimant_before(ctx, sent)
            if who:
                return who
            continue
        if subject is None or subject.i <= root.i or subject.lower_ in ("it", "there"):
            continue
        if subject.pos_ == "PRON":
            continue  # "… killed 12 people he said": whom "he" stands for is the quotes' job
        if subject.lemma_.lower() in ROLE_NOUNS and ctx.label(subject) not in CLAIMANT_LABELS:
            # "the head of the monitor said": the body the role is of speaks
            body = next(
                (
                    g
                    for p in subject.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            subject = body if body is not None else subject
        name = _phrase_name(ctx, subject)
        # "a monitoring group said": a description the caller resolves to the monitor named
        who = _claimant_or_none(name) or (name if is_monitor_description(name) else None)
        if who and _names_the_subject(ctx, subject, who):
            return who
        if who is None and (body := _body_by_head_noun(ctx, verb)) is not None:
            return body  # "… landed on eastern Ghouta the observatory reported"
    return None


def _participle_aside(comp: Token) -> bool:
    """Whether ``comp``, a complement after a claim verb, is a participle clause set beside the
    claim ("… Human Rights Watch said on Tuesday contradicting repeated denials"): how it was
    said, not a second thing said, so the verb still ends the claim. It comes after a word of
    the verb's own ("on Tuesday") and has no subject of its own."""
    return (
        comp.dep_ == "xcomp"
        and comp.tag_ == "VBG"
        and comp.i - comp.head.i > 1
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in comp.children)
    )


def _names_the_subject(ctx: _Context, subject: Token, who: str) -> bool:
    """``who`` is written in ``subject``'s own phrase, and is no person named only as an
    owner of a thing that speaks ("the Assad regime's television channel reported": the
    channel, not Assad)."""
    words = list(subject.subtree)
    text = subject.doc[words[0].i : words[-1].i + 1].text
    persons = [t for t in words if ctx.label(t) == "PERSON" and ctx.name(t) == who]
    if persons and ctx.label(subject) != "PERSON" and subject.lemma_.lower() not in ROLE_NOUNS:
        return False
    # "the Observatory" named in full elsewhere in the article: its head word is in the name
    written = who.split()[-1] in text or subject.text in who.split()
    return bool(persons) or written or is_monitor_description(who)


# What a source gives that "according to" may name instead of the source itself ("according
# to a new toll from the Observatory").
REPORT_NOUNS = frozenset(
    {"toll", "report", "reports", "figure", "figures", "count", "tally", "statement", "data",
     "estimate", "estimates", "forecast", "forecasts", "projection", "projections", "survey",
     "study", "research", "analysis", "calculation", "calculations", "statistics", "finding",
     "findings"}
)  # fmt: skip


def _according_to(ctx: _Context, span: Span) -> str | None:
    """The source the number's sentence says it is "according to", as named (None: none)."""
    sent, lowers = span.sent, doc_arrays.strings(span.doc, LOWER)
    # Only an "according" can start it: the other words need no Token.
    for t in (span.doc[i] for i in range(sent.start, sent.end) if lowers[i] == "according"):
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor().lower_ == "to":
            for pobj in t.nbor().children:
                if pobj.dep_ == "pobj":
                    if pobj.lemma_.lower() in REPORT_NOUNS:
                        source = next(
                            (
                                g
                                for p in pobj.children
                                if p.dep_ == "prep" and p.lower_ in ("from", "by", "of")
                                for g in p.children
                                if g.dep_ == "pobj"
                                and g.pos_ in ("NOUN", "PROPN")
                                and g.ent_type_ not in ("DATE", "TIME")
                            ),
                            None,
                        )
                        if source is None:  # "the latest SOHR estimates", "the UN's toll"
                            source = next(
                                (
                                    c
                                    for c in pobj.lefts
                                    if c.dep_ in ("compound", "poss", "nmod", "amod")
                                    # an acronym the tagger took for an adjective: "SOHR"
                                    and (c.pos_ == "PROPN" or c.text.isupper() and len(c) > 2)
                                ),
                                None,
                            )
                        named = _phrase_name(ctx, source) if source is not None else None
                        if actor_or_none(named):
                            return named
                    return _branch_name(ctx, pobj) or _phrase_name(ctx, pobj) or ""
    return None


def _branch_name(ctx: _Context, tok: Token) -> str | None:
    """A company's branch named by the company and a country ("according to eBay UK", "Sony
    Europe said"): the parse heads the phrase with the place, whose name is not the source's.
    The whole name as written, else None."""
    if ctx.label(tok) not in ("GPE", "LOC"):
        return None
    firm = [c for c in tok.lefts if c.dep_ == "compound" and ctx.label(c) == "ORG"]
    if not firm:
        return None
    return tok.doc[firm[0].left_edge.i : tok.i + 1].text


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _speaker_of(ctx: _Context, verb: Token) -> str | None:
    """The subject of a verb. A speech verb's is found by the one rule quotes use too
    (:func:`analysis.speech.subject`: nsubj, inverted subject, the subject its head lends); then,
    for any verb, this extractor's last resorts: the subject of the verb it is conjoined to, a
    person or organisation named right after it, or, when the parser lost the subject, the noun
    phrase just before it ("On Friday pro-regime forces claimed")."""
    # "… says a UK-based monitoring group" (inverted, the comma before it lost: the parser may
    # take the counted noun for the subject)
    for t in verb.rights:
        if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "dobj", "attr", "npadvmod"):
            phrase = verb.doc[t.left_edge.i : t.i + 1].text
            if t.left_edge.i == verb.i + 1 and is_monitor_description(phrase):
                return clean_name(phrase, phrase=True)
    child = _subject_of(verb)
    # "… Deir ezzor province says a UK-based monitoring group" (the comma lost): no subject
    if child is not None and child.lower_ not in PLACE_HEADS:
        if child.lower_ in ("it", "there"):
            return None
        if child.pos_ == "VERB":
            # a headline run into the sentence ("… Truce Deal Reaches 207 MOSCOW (Sputnik)
            # … SANA news agency reported"): a verb the parse made the subject names nobody
            return None
        first = next((t for t in child.subtree if not t.is_punct), child)
        if first.tag_ in ("VBD", "VBN") and first.is_title and not ctx.label(child):
            # a list of what someone did, its subject left out ("- Increased spending on
            # health to 102.8bn rupees - Announced that …"): the act is no speaker
            return None
        return _phrase_name(ctx, child)
    if verb.lemma_.lower() in speech.SPEECH_VERBS:
        who = speech.subject(verb)
        if who is not None and who.lower_ not in PLACE_HEADS:
            return _phrase_name(ctx, who)
    conj_head = verb.head if verb.dep_ == "conj" else None
    if conj_head is not None and conj_head.pos_ in ("VERB", "AUX"):
        for child in conj_head.children:
            if child.dep_ == "nsubj" and child.i < verb.i:
                if conj_head.dep_ in ("ccomp",) and conj_head.head.lemma_.lower() in CLAIM_VERBS:
                    break  # "said the soldiers would be … and claimed": subject of the outer verb
                return _phrase_name(ctx, child)
        if conj_head.dep_ == "ccomp" and conj_head.head.lemma_.lower() in CLAIM_VERBS:
            return _speaker_of(ctx, conj_head.head)
    # Inverted: "said the UN special envoy Staffan de Mistura, ..." (a person before an org)
    window = []
    for t in verb.doc[verb.i + 1 : min(verb.i + 10, verb.sent.end)]:
        if t.is_punct and t.text not in ("-",):
            break
        if t.dep_ == "mark" or t.lower_ == "that":
            break  # "said that terrorist groups in the Eastern Ghouta …": the clause said
        window.append(t)
    for label in ("PERSON", "ORG"):
        for t in window:
            if ctx.label(t) == label:
                return ctx.name(t)
    # Lost subject: the nearest noun to the left whose head chain reaches the verb.
    for t in reversed(verb.doc[verb.sent.start : verb.i]):
        if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME"):
            anc = t
            while anc.head.i != anc.i and anc.i != verb.i:
                anc = anc.head
            if _a_place(ctx, t):
                return None  # "… on the country's eastern Deir ezzor province says …": where
            if anc.i == verb.i and t.dep_ in ("pobj", "nsubj", "npadvmod"):
                return _phrase_name(ctx, t)
            break
    return None


PLACE_HEADS = frozenset(geo.AREA_WORDS | {"village", "neighbourhood", "neighborhood", "area"})


def _a_place(ctx: _Context, tok: Token) -> bool:
    """Whether ``tok`` heads a place ("Aleppo", "the Deir ezzor province"): no claimant."""
    return ctx.label(tok) in ("GPE", "LOC", "FAC") or tok.lower_ in PLACE_HEADS


def _phrase_name(ctx: _Context, tok: Token) -> str:
    """A short name for the noun phrase headed by ``tok``: a named person/org in it (apposition
    first: "an SDF spokesman, Talal Sello"), else the noun with its modifiers."""
    for child in tok.children:
        if child.dep_ == "appos" and ctx.label(child) in CLAIMANT_LABELS:
            return ctx.name(child)
        if child.dep_ in ("appos", "compound") and child.text in NEWS_AGENCIES:
            return child.text  # "the state news agency SANA"
    if ctx.label(tok) in CLAIMANT_LABELS:
        return ctx.name(tok)
    if tok.text in NEWS_AGENCIES:
        return tok.text  # "state news agency SANA", untagged
    left = [
        t
        for t in tok.lefts
        if t.dep_ in ("amod", "compound", "nmod", "poss")
        and not t.is_punct
        and t.ent_type_ not in ("DATE", "TIME")
    ]
    start = min(t.left_edge.i for t in left) if left else tok.i
    # never across a quotation's close or other punctuation: '… of Aleppo" state news agency'
    start = max(
        [start] + [t.i + 1 for t in tok.doc[start : tok.i] if t.is_quote or t.text in ",;:()"]
    )
    described = _description_start(ctx, tok, start)
    if described != start:
        # only where what is left can claim: "Al-Quds hospital" is no "hospital"
        rest = clean_name(tok.doc[described : tok.i + 1].text, phrase=True)
        start = described if _claimant_or_none(rest) else start
    # A name the phrase cuts: "the Syrian Observatory for Human Rights monitor said" (the
    # parser hangs "for Human Rights monitor" apart), or no entity at all where commas were
    # lost ("in Maaret al-Numan the Syrian Observatory for Human Rights said").
    for t in tok.doc[start : tok.i + 1]:
        m = ctx.mention_at(t)
        if m is not None and m.label in ("PERSON", "ORG") and m.start < tok.doc[start].idx:
            return m.name
    named = _named_inside(ctx, tok, start)
    if named is not None:
        return named
    cut = _cut_name_start(tok.doc, start)
    if cut is not None:
        return clean_name(tok.doc[cut : tok.i + 1].text, phrase=True)
    if left:
        words = tok.doc[start : tok.i + 1]
        return clean_name(words.text, phrase=True)
    return tok.text


# A claimant phrase headed by a press noun (speech.PRESS_NOUNS: "SANA reporter") gives the outlet;
# one headed by a role ("UN envoy") or by "source" ("a Hezbollah source": someone close to it,
# not its voice) is kept whole.
KEPT_WHOLE_HEADS = (ROLE_NOUNS | {"source"}) - speech.PRESS_NOUNS


# Words of quantity or time before a source's description, no part of who speaks ("more local
# media reported", "the latest SOHR estimates").
NOT_SOURCE_WORDS = frozenset(
    {"more", "most", "latest", "last", "new", "recent", "other", "further", "several", "many"}
)


def _description_start(ctx: _Context, tok: Token, start: int) -> int:
    """Where a claimant phrase from ``start`` to its head ``tok`` really starts, when the
    lost punctuation ran the words before into it: after a place and its area word, when only
    lower-case words follow them ("… districts of divided Homs city state media said" → "state
    media"; "Aleppo Media Center" is a name and stays whole), and after
    :data:`NOT_SOURCE_WORDS` ("more local media"), and after lower-case nouns run into a
    capitalised name ("sarin gas Turkeys health ministry")."""
    doc = tok.doc
    # a role's place is its post's ("the Hama governor"): kept
    places = () if tok.lemma_.lower() in KEPT_WHOLE_HEADS else doc[start : tok.i]
    for t in reversed(places):
        if ctx.label(t) in ("GPE", "LOC", "FAC"):
            after = t.i + 1
            while after < tok.i and doc[after].lower_ in PLACE_HEADS:
                after += 1
            if all(w.is_lower for w in doc[after : tok.i + 1]):
                start = after
            break
    while start < tok.i and doc[start].lower_ in NOT_SOURCE_WORDS:
        start += 1
    # "… exposure to sarin gas Turkeys health ministry said" (commas lost): lower-case nouns
    # run into a name that starts with a capital end the phrase before it
    named = start
    while named < tok.i and doc[named].is_lower and doc[named].dep_ == "compound":
        named += 1
    if start < named < tok.i and doc[named].pos_ == "PROPN" and doc[named].is_title:
        start = named
    return start


def _named_inside(ctx: _Context, tok: Token, start: int) -> str | None:
    """The organisation or person a claimant phrase names after words the lost punctuation ran
    into it: "al-Alam TV channel SANA reporter" → SANA, "eastern Syria UNICEF" →
    UNICEF, "war-battered country UN estimates" → United Nations, "Defence Ministry statement"
    → the ministry. None when the phrase names no one or is the name itself."""
    doc = tok.doc
    for t in reversed(doc[start : tok.i + 1]):  # the name nearest the head speaks
        m = ctx.mention_at(t)
        agency = speech.agency_named(t.text)
        if agency is None and (m is None or m.label not in ("PERSON", "ORG") or m.start != t.idx):
            continue
        covers_head = m is not None and m.end >= tok.idx + len(tok)
        name = agency if agency is not None else m.name
        if covers_head:
            return None if t.i == start else name
        if tok.lemma_.lower() in KEPT_WHOLE_HEADS:
            if (
                m is not None
                and m.label == "PERSON"
                and m.end == doc[tok.i - 1].idx + len(doc[tok.i - 1])
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
            ):
                # "… said Rami Abdel Rahman head of the Observatory" (the comma lost): the
                # person holds the role; "a Trump spokesman" (no "of") is someone's aide
                return name
            if any(w.dep_ == "cc" for w in doc[t.i + 1 : tok.i]):
                # "according to the Observatory and Kurdish officials": two sources, and the
                # one named is the claimant, not the joined phrase
                return name
            return None if t.i == start else clean_name(doc[t.i : tok.i + 1].text, phrase=True)
        return name
    return None


def _cut_name_start(doc, start: int) -> int | None:
    """Where a capitalised name begins that a phrase starting at ``start`` continues after "for"
    or "of" ("Syrian Observatory for | Human Rights"), else None."""
    if not doc[start].is_title or start < 2 or doc[start - 1].lower_ not in ("for", "of"):
        return None
    i = start - 2
    if not (doc[i].pos_ == "PROPN" and doc[i].is_title):
        return None
    while i > doc[start].sent.start and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title:
        i -= 1
    return i
