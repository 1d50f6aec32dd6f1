"""Summary tables kept at write time, so a page's first view never scans quotes or mentions.

At a million articles a dashboard view that groups every quote or entity row takes seconds; the
first view of each page (no filter, or only a date range and outlets) needs far less: counts per
day and outlet. So the store keeps, beside its base tables, one row per **cell** (publication day
× outlet, originals only) and key: articles and their recognised duplicates, tags, speakers (with
the sums a word-weighted mean and its interval need), speakers' labels and roles, entities,
figures by category and scope, the events their headlines vote on and those events'
estimates, entity pairs, and attitudes by holder and target; and, for the tables keyed by a
name, all-time totals (``*_all``) for the unfiltered view, month and year totals (``*_month``,
``*_year``, every outlet) for a date range without outlets and outlet totals (``*_outlet``, all
dates) for outlets without a date range. Every article lies in exactly one cell, so a per-cell
count of distinct articles adds up across cells (and months, and years) without double counting.

They are maintained by recounting whole days from the base tables: :func:`refresh` recounts the
days given, and the writers call it inside their own transaction — ``Store.write_batch`` for the
days of the articles it replaces or adds (and of their originals), the identity pass for the days
of the articles whose names it rewrote or restored; the totals take away what the days' old rows
gave and add what the new ones give. A run of ``presslens analyze`` (or an upload) instead
records its writes' days (:func:`defer`, in each write's transaction) and recounts them all once
at its end; the next recount of any writer takes the days a killed run left. :func:`rebuild`
recounts everything (a store filled by other means, e.g. ``bench/replicate.py``). A view reads
them when :func:`covers` says its filters are only a date range and outlets and the summaries
are not behind the rows; any other filter (tags, speakers, entities, a search, explicit article
ids) needs the rows, and the view falls back to the base tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

import duckdb

from analysis import aggregates, lexicon
from analysis.filters import Filters, in_values

# Words in a quote: the weights of the speaker means, as the one speaker aggregate counts them.
WORDS_SQL = aggregates.QUOTE_WORDS_SQL.format(q="q")
_CELL = [("day", "DATE"), ("source", "VARCHAR")]
# What makes a figure a candidate headline, and its event's week and unit key: shared with
# analysis.figure_views.headline_figures, which votes over the same events.
ESTIMATE_SQL = "COALESCE({f}.value, ({f}.low + {f}.high) / 2, {f}.low, {f}.high)"
# The estimate of the toll a part belongs to ("15" of "34 civilians, among them 15 children":
# 34), read from the whole's row ``{w}`` joined on the part's ``part_of``; NULL for a figure
# that is no part, or part of a whole nobody counted ("among the dead"). Two parts are compared
# only as parts of one toll (analysis.figure_views._SAME_WHOLE_SQL).
WHOLE_SQL = ESTIMATE_SQL.replace("{f}", "{w}")
# Categories whose figures count unlike things ("50 people with breathing problems" and "a
# hospital for 8,000 people"; "13% growth" and "47% of voters"; a loaf's price and a wage an
# hour, analysis.figures._price_or_rate): never a page's first category
# (analysis.figure_views.opening_category), a headline nor a conflict.
CATCH_ALL = ("other", "people", "percent", "price")
_CATCH_ALL_SQL = ", ".join(f"'{c}'" for c in CATCH_ALL)
# A headline figure's conditions on its own numbers (HEADLINE_FIGURE_SQL): apart, for a query
# whose categories are the article index's numbers (analysis.figure_views._coded_votes).
HEADLINE_VALUES_SQL = (
    "{f}.part_of IS NULL AND " + ESTIMATE_SQL + " IS NOT NULL"
    " AND NOT ({f}.value IS NULL AND {f}.high IS NULL)"
)
HEADLINE_FIGURE_SQL = (
    # A part is not a toll ("four children among the 28 dead"), and the catch-all categories
    # count unlike things: a headline "A quarter, 2 of 5 agreeing" had been a quarter of ballet
    # staff beside a quarter of broadband users.
    # A word that only sets a floor ("dozens", "hundreds", "millions": no value, no upper bound)
    # is no figure to headline: "dozens" given by five outlets had outvoted the 58, 70 and 86
    # dead that the others gave for the same attack.
    "{f}.category NOT IN (" + _CATCH_ALL_SQL + ") AND " + HEADLINE_VALUES_SQL
)
WEEK_SQL = "date_trunc('week', {day})::DATE"
# A vote row's articles with the incident kinds of their figures' sentences ({kinds}:
# figures.kinds, incident_kinds.KINDS_SQL): a list of distinct (article_id, kinds),
# sorted so that a recount gives the same value.
FIGURE_KINDS_SQL = (
    "list_sort(list_distinct(list({{'article_id': {f}.article_id, 'kinds': {kinds}}})))"
)
# What can take part in a conflict (analysis.figure_views.conflicting_figures): no catch-all,
# and no word of scale that only sets a floor of a hundred or more ("hundreds", "thousands":
# no value, no upper bound). On FA-KES + 300 BBC articles, 8 of the 40 newest conflicts were
# these: "hundreds of people injured by the bombardment" against one man injured in a rocket
# attack on a street, "hundreds of evacuees" against 13 women among the dead. "Dozens" still
# contradicts 20 killed in one attack. Nor money: two sums at one place and time are two sums
# (on 921 US-politics articles all three "conflicts" were a campaign's adverts against another's
# takings), and what each pays for is not read.
CONFLICT_FIGURE_SQL = (
    "{f}.category NOT IN ("
    + _CATCH_ALL_SQL
    + ", 'money') AND NOT ({f}.value IS NULL AND {f}.high IS NULL AND {f}.low >= 100)"
)
# What a conflict between two figures compares (analysis.figure_views.conflicting_figures):
# the victims class (the head noun of the unit: civilians with civilians, never children with
# civilians), the bounds the words allow ("at least 20" is [20, inf), "dozens" [24, inf), "12"
# [12, 12]) and who stands behind the figure (the claimant, else the outlet that printed it).
#
# One key per group, whatever the number and spelling of its noun: "one civilian was killed" and
# "12 civilians" are one group, "kilometers", "km" and "kilometres" one unit (on FA-KES + BBC,
# 14 figures of "civilian" had been a series apart from the 673 of "civilians", and could never
# conflict with them). The key is the plural, as a series names its group: the noun's own in
# GROUP_FORMS (irregulars, spellings, nouns with no plural), else the plural of a singular of
# the curated nouns of people and incidents (_NOUN_TABLES), else of a singular with an ending of
# people ("terrorist", "journalist", "worker": _PEOPLE_ENDING), else the word as written,
# lowered: a plural, a currency code ("GBP"), a name ("Daesh"), "%". Only known words and
# endings: a rule for every singular had made "daeshes" and "moscows" of the parse's slips.
GROUP_FORMS = lexicon.mapping("group_forms")
_NOUN_TABLES = (
    "people_nouns", "troop_nouns", "armed_nouns", "fighter_nouns", "kin_nouns", "role_nouns",
    "incident_nouns", "dead_nouns", "everyone_nouns",
)  # fmt: skip
# singulars of people by their ending, made plural with an "s" ("civilian", "terrorist")
_PEOPLE_ENDING = r"^[a-z][a-z]+(er|or|ist|ian|ee|ant|ent)$"
# plurals without an -s ("schoolchildren", "gunmen"): no singular to make plural
_IRREGULAR_PLURALS = tuple(k for k in GROUP_FORMS.values() if not k.endswith("s"))


def _plural(noun: str) -> str:
    """The plural of the curated singular ``noun`` by the rules of English spelling (its
    irregulars are GROUP_FORMS')."""
    if noun.endswith("man"):
        return noun[:-3] + "men"  # "chairman", "airman": curated nouns, never "human"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


def _singular(noun: str) -> str | None:
    """The singular of the curated plural ``noun`` ("victims", "casualties", "nurses"), by the
    rules of English spelling; None for a plural in -ves ("lives": GROUP_FORMS')."""
    if noun.endswith("ves"):
        return None
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if re.search(r"(ss|x|z|ch|sh)es$", noun):
        return noun[:-2]
    return noun[:-1]


def _group_forms() -> dict[str, str]:
    """Every noun with a key of its own: the singulars of the curated nouns (_NOUN_TABLES:
    lower-case words not ending in an irregular plural) to their plurals, whichever of the
    two the table lists; each key itself ("children" is no singular to add an "s" to);
    GROUP_FORMS over them; currency words are no group ("pound" stays "pound", as the unit
    keys of money compare it: UNIT_KEY_SQL)."""
    nouns = {
        w
        for table in _NOUN_TABLES
        for w in lexicon.words(table)
        if re.fullmatch(r"[a-z]{3,}", w) and not w.endswith(_IRREGULAR_PLURALS)
    }
    plurals = {w for w in nouns if w.endswith("s") and not w.endswith("ss")}  # not "actress"
    forms = {w: _plural(w) for w in nouns - plurals}
    for w in plurals:
        one = _singular(w)
        if one and one not in forms:
            forms[one] = w
    forms |= {k: k for k in GROUP_FORMS.values()} | dict(GROUP_FORMS)
    return forms | {w: w for w in lexicon.mapping("currency_words")}


_FORMS = _group_forms()
_FORMS_SQL = (
    "map(["
    + ", ".join(f"'{w}'" for w in _FORMS)
    + "], ["
    + ", ".join(f"'{k}'" for k in _FORMS.values())
    + "])"
)
# (the word written out each time it is read: a DuckDB lambda reading it once cost more)
_WORD_SQL = "coalesce(regexp_extract({f}.unit, '(\\S+)$'), '')"
# (lower case before the ending is read: a nation's people keep their capital in the unit,
# "one Syrian" and "12 Syrians" one group, "syrians")
CLASS_SQL = (
    f"coalesce({_FORMS_SQL}[lower({_WORD_SQL})], CASE WHEN regexp_matches(lower({_WORD_SQL}),"
    f" '{_PEOPLE_ENDING}') THEN lower({_WORD_SQL}) || 's' ELSE lower({_WORD_SQL}) END)"
)


def group_key(word: str) -> str:
    """The key of the group the noun ``word`` (as written) counts, as :data:`CLASS_SQL` reads
    it from a unit's last word: the Python twin the lexicon's own lists go through (the tests
    hold the two to one answer)."""
    if word.lower() in _FORMS:
        return _FORMS[word.lower()]
    return word.lower() + "s" if re.search(_PEOPLE_ENDING, word.lower()) else word.lower()


# The group of people a figure counts, a key of the Figures page's series (sum_figure_days):
# its class, with the nouns that name no group ("people", "lives", "deaths", "others", none: a
# bare "470,000 killed") one group, ''. The war's toll of "more than 280,000 people" and of
# "280,000 lives" is one series, the civilians' and the children's tolls two more: one article's
# 41 women, 76 children, quarter of a million people and 470,000 deaths in Syria had been one
# point of 125,038 (FA-KES, 15 Aug 2016), shown as "76 children", that nobody reported. News
# events alike: of 652 days and places of news tolls that mixed groups on FA-KES, 566 mixed
# groups reported on their own (civilians, fighters, everyone) and 86 only a toll and a part
# of it (CHARTED_WHOLE_SQL).
EVERYONE_NOUNS = lexicon.words("everyone_nouns")
# (by their keys: "person" and "persons" are "people", "toll" "tolls")
_EVERYONE_SQL = ", ".join(f"'{w}'" for w in sorted({group_key(w) for w in EVERYONE_NOUNS}))
COUNTED_SQL = f"CASE WHEN {CLASS_SQL} IN ('', {_EVERYONE_SQL}) THEN '' ELSE {CLASS_SQL} END"
# A part ``{f}`` whose whole is charted itself ("33 children" of "112 civilians, 33 of them
# children": the 112, a figure of the same category and scope with an estimate, is charted),
# read from the whole's row ``{w}`` joined on the part's ``part_of`` (NULL: no part, or no such
# whole). The series leave such a part out: it is inside its whole's toll, and a point of its
# own would chart the same dead twice (FA-KES, 5 Aug 2016 in Aleppo: 65, 42 and 10 people
# killed, with 22, 11 and 7 children among them, had been one point of 11, shown as "11
# children"; now one of 26, the median of the tolls of everyone, 65, 42, 10 and five deaths,
# the children listed under it). A part of a whole nobody counted ("civilians, among them
# three children") is the only count there is, and stays; so does a part whose whole counts
# something else (30 children killed among 200 people injured) or is of another scope. (The
# same category and scope: the view finds the whole among the series' own figures, never by
# reading the whole table of figures, 0.4-0.8 s at a million articles.)
CHARTED_WHOLE_SQL = (
    "({w}.start IS NOT NULL AND {w}.category = {f}.category AND {w}.scope = {f}.scope AND "
    + WHOLE_SQL
    + " IS NOT NULL)"
)
# The values a figure allows: a bound it states is a bound ("at least 70" is stored with value
# 70, low 70 and no high: it allows 70 to infinity, "below 8" anything up to 8), a bare value
# ("around half") is itself. Two figures conflict only when these ranges do not meet.
LOW_SQL = "COALESCE({f}.low, CASE WHEN {f}.high IS NULL THEN {f}.value END, '-inf'::DOUBLE)"
HIGH_SQL = "COALESCE({f}.high, CASE WHEN {f}.low IS NULL THEN {f}.value END, 'inf'::DOUBLE)"
# Where a figure's place is not given (the series' label, and the evidence asked for by it).
NO_PLACE = "(place not given)"
CLAIMANT_SQL = "COALESCE({f}.claimed_by, {a}.source, '')"
# Money and counts of people are only comparable within one unit (pounds are not dollars).
UNIT_KEYED = ("money", "price", "people")
UNIT_KEY_SQL = (
    "CASE WHEN {f}.category IN ("
    + ", ".join(f"'{c}'" for c in UNIT_KEYED)
    + ") THEN lower({f}.unit) END"
)
# What makes a headline event (see sum_figure_events), in its tables' column order.
_EVENT = [
    ("week", "DATE"),
    ("category", "VARCHAR"),
    ("location", "VARCHAR"),
    ("scope", "VARCHAR"),
    ("unit_key", "VARCHAR"),
]
EVENT_KEYS = tuple(name for name, _ in _EVENT)
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "sum_articles": _CELL + [("n_articles", "BIGINT"), ("n_duplicates", "BIGINT")],
    "sum_tags": _CELL + [("tag", "VARCHAR"), ("n_articles", "BIGINT")],
    # One row per cell and speaker (NULL: unattributed quotes, which the quote count includes).
    "sum_speakers": _CELL
    + [
        ("speaker", "VARCHAR"),
        ("n_quotes", "BIGINT"),
        ("n_articles", "BIGINT"),
        ("n_words", "BIGINT"),
        ("w2_sum", "DOUBLE"),  # sum of squared weights (analysis.uncertainty)
        ("pol_sum", "DOUBLE"),  # word-weighted sums of the TextBlob polarity ...
        ("pol2_sum", "DOUBLE"),
        ("pol_vader_sum", "DOUBLE"),  # ... of VADER's
        ("pol_vader2_sum", "DOUBLE"),
        ("subj_sum", "DOUBLE"),
    ],
    "sum_speaker_labels": _CELL
    + [("speaker", "VARCHAR"), ("label", "VARCHAR"), ("role", "VARCHAR"), ("n_quotes", "BIGINT")],
    "sum_entities": _CELL
    + [
        ("name", "VARCHAR"),
        ("label", "VARCHAR"),
        ("n_articles", "BIGINT"),
        ("n_mentions", "BIGINT"),
    ],
    # n_articles: distinct articles of the (category, scope); n_articles_category counts each
    # article once per category (at its first scope), so that sums over scopes are exact.
    "sum_figures": _CELL
    + [
        ("category", "VARCHAR"),
        ("scope", "VARCHAR"),
        ("n_figures", "BIGINT"),
        ("n_articles", "BIGINT"),
        ("n_articles_category", "BIGINT"),
    ],
    # Figures by place and category (the Places page's "reported there" counts and the places
    # of its map): a year's counts at a million articles read 5.5 M figure rows (0.12 s).
    "sum_figure_places": _CELL
    + [("location", "VARCHAR"), ("category", "VARCHAR"), ("n_figures", "BIGINT")],
    # Entities named in one sentence (the Entities page's network), summed per pair.
    "sum_entity_pairs": _CELL
    + [("name_a", "VARCHAR"), ("name_b", "VARCHAR"), ("weight", "BIGINT")],
    # The events the Overview's headline figures vote on (analysis.figure_views): figures with
    # an estimate, no part of another, not "other", by place, scope, publication week and unit
    # key. n_articles counts distinct articles, so its sums over cells (and days of a week)
    # are exact; the vote itself reads the winning events' estimates (sum_figure_votes).
    "sum_figure_events": _CELL + _EVENT + [("n_articles", "BIGINT")],
    # The estimates of those events, one row per cell, event and estimate: what the vote
    # counts (articles, outlets, and the figures whose median breaks ties) and, for the
    # estimate that wins, the figure shown (the first of the cell by article and position).
    # With it the vote reads no figure rows but the one shown. ``figure_kinds``: each article
    # giving the estimate with the incident kinds of its sentence (FIGURE_KINDS_SQL), distinct
    # and sorted, from which the headline's spread keeps the figures of the winner's incident
    # and counts their articles (analysis.figure_views._incident_ctes).
    "sum_figure_votes": _CELL
    + _EVENT
    + [
        ("estimate", "DOUBLE"),
        ("n_figures", "BIGINT"),
        ("n_articles", "BIGINT"),
        ("article_id", "VARCHAR"),
        ("start", "INTEGER"),
        ("figure_kinds", "STRUCT(article_id VARCHAR, kinds BIGINT)[]"),
    ],
    # The figures that can conflict (dated, placed, with an estimate), narrow, in day order:
    # the Figures page pairs the newest days' figures, which at a million articles meant
    # reading all 6 M figure rows to find them.
    "sum_conflict_figures": _CELL
    + [
        ("category", "VARCHAR"),
        ("class", "VARCHAR"),
        ("location", "VARCHAR"),
        ("scope", "VARCHAR"),
        ("estimate", "DOUBLE"),
        ("lo", "DOUBLE"),
        ("hi", "DOUBLE"),
        ("claimant", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("start", "INTEGER"),
        ("kinds", "BIGINT"),  # analysis.incident_kinds.KINDS_SQL (its bits run past 31)
        ("whole", "DOUBLE"),  # WHOLE_SQL: the estimate of the toll it is part of
    ],
    # The Figures page's series (analysis.figure_views.figure_series): one row per publication
    # day, category, place, scope and group counted, over every outlet (a median cannot be
    # summed over outlets: a view filtered by outlets reads the rows); "All figures" reads each
    # scope's rows, never one median over a day's tolls and running totals. The day's median is
    # its lower middle figure (quantile_disc: one a figure gave, not the mean of two; a store
    # written before holds DuckDB's mean here, which only picks the figure shown: the chart's
    # median is read from ``estimates``). The figure shown is
    # the one closest to the day's median. A part whose whole is charted is left out
    # (CHARTED_WHOLE_SQL).
    "sum_figure_days": [("day", "DATE")]
    + [
        ("category", "VARCHAR"),
        ("place", "VARCHAR"),
        ("scope", "VARCHAR"),
        ("n_figures", "BIGINT"),
        ("estimate_median", "DOUBLE"),
        ("estimate_min", "DOUBLE"),
        ("estimate_max", "DOUBLE"),
        ("claimants", "VARCHAR[]"),
        ("article_id", "VARCHAR"),
        ("start", "INTEGER"),
        ("text", "VARCHAR"),
        ("unit", "VARCHAR"),
        ("claimed_by", "VARCHAR"),
        ("approximate", "BOOLEAN"),
        # The group counted (COUNTED_SQL: "civilians", "children", '' for everyone), a key of
        # the row in every scope: a day's tolls of civilians, of children and of all the dead
        # at one place are three points, not one median of them. (Last: an upgrade added it.)
        ("counted", "VARCHAR"),
        # Every figure's estimate, in order: a week's or a month's median is the median of its
        # figures, which no day's median gives (the Figures page charts weeks or months where
        # days would be too many points: analysis.figure_views.SERIES_MAX_POINTS).
        ("estimates", "DOUBLE[]"),
    ],
    # Sentiment toward named entities (analysis.attitudes): holder NULL = the article itself.
    "sum_attitudes": _CELL
    + [
        ("scorer", "VARCHAR"),
        ("holder", "VARCHAR"),
        ("target", "VARCHAR"),
        ("n", "BIGINT"),
        ("n_polarity", "BIGINT"),
        ("pol_sum", "DOUBLE"),
    ],
}
# All-time totals of the tables keyed by a name (the cell dropped), for the unfiltered first
# view: per day and outlet, a name that appears in one article a day is hardly summarised at all
# (73,000 entity rows of 75,500 at 5,000 articles), while its total is one row. They are kept
# by adding what a recount of some days adds and taking away what it removes.
TOTALS: dict[str, tuple[str, ...]] = {  # table → its key columns
    "sum_tags": ("tag",),
    "sum_speakers": ("speaker",),
    "sum_speaker_labels": ("speaker", "label", "role"),
    "sum_entities": ("name", "label"),
    "sum_figures": ("category", "scope"),
    "sum_figure_places": ("location", "category"),
    "sum_entity_pairs": ("name_a", "name_b"),
    # Keyed by week too: a week lies in one row, so the unfiltered vote needs no cells.
    "sum_figure_events": EVENT_KEYS,
    "sum_attitudes": ("scorer", "holder", "target"),
}
# Month totals of the same tables (the outlet dropped), for a view of a date range and no
# outlet: the whole months in it are read from them, only the days at its ends from the cells.
# Where every outlet publishes a few articles a day the cells hardly summarise (at a million
# articles 539,000 cells, 46 M attitude rows), while a month of a name is one row: a year's
# attitude rows 5.7 M → 0.9 M, entity pairs 3.0 M → 0.6 M, entities 1.7 M → 0.2 M.
# And outlet totals (``*_outlet``, all dates, in outlet order) for outlets without a date range:
# the cells are in day order, so an outlet's rows were found by reading every cell's outlet
# (46 M attitude rows for 52,000).
# Tier → the key columns it adds to a table's own keys, and how each is made from a cell row.
# Year totals too: a year's 630,000 month rows of entity pairs took 0.08 s to group, while its
# 450,000 year rows, one per pair, give the heaviest pairs in 0.003 s with no grouping at all.
TIERS: dict[str, dict[str, str]] = {
    "_all": {},
    "_month": {"month": "date_trunc('month', day)::DATE"},
    "_year": {"year": "date_trunc('year', day)::DATE"},
    "_outlet": {"source": "source"},
}
_TIER_TYPES = {"month": "DATE", "year": "DATE", "source": "VARCHAR"}
_TIER_ROWS = {"_month": "day IS NOT NULL", "_year": "day IS NOT NULL"}  # undated: no period
# A tier recounted from another's rows rather than the cells (a year is its months' sum: at a
# million articles its cells hold 46 M attitude rows, its months 7 M): tier → (from, its key).
_SUMMED_FROM = {"_year": ("_month", "date_trunc('year', month)::DATE")}
for _table in TOTALS:
    for _tier, _keys in TIERS.items():
        COLUMNS[f"{_table}{_tier}"] = [(k, _TIER_TYPES[k]) for k in _keys] + COLUMNS[_table][
            len(_CELL) :
        ]
# A name's label: the one with most mentions (ties to the last label in sort order, so that
# every view choosing it agrees).
NAME_LABEL_SQL = "arg_max({label}, ({mentions}, {label}))"
# Totals of totals, for the unfiltered first views: grouping a million articles' totals again on
# every first view took half a second or more. Each is recounted from its ``*_all`` table for
# the keys a write touched. table → (the total it sums, its keys, what it selects, which rows).
DERIVED: dict[str, tuple[str, tuple[str, ...], str, str]] = {
    # Per entity name, its labels summed and shown under the label with most mentions: the
    # entity rankings, pickers and count.
    "sum_entity_names_all": (
        "sum_entities",
        ("name",),
        "name, "
        + NAME_LABEL_SQL.format(label="label", mentions="n_mentions")
        + ", sum(n_articles), sum(n_mentions)",
        "TRUE",
    ),
    # Per scorer and holder, the attitudes toward others (the matrix's holders).
    "sum_attitude_holders_all": (
        "sum_attitudes",
        ("scorer", "holder"),
        "scorer, holder, sum(n)",
        "coalesce(holder, '') <> target",
    ),
}
COLUMNS["sum_entity_names_all"] = [
    ("name", "VARCHAR"),
    ("label", "VARCHAR"),
    ("n_articles", "BIGINT"),
    ("n_mentions", "BIGINT"),
]
COLUMNS["sum_attitude_holders_all"] = [
    ("scorer", "VARCHAR"),
    ("holder", "VARCHAR"),
    ("n", "BIGINT"),
]
TABLES = tuple(COLUMNS)
# The days whose cells a run's writes changed and whose recount waits for the run's end
# (:meth:`analysis.store.Store.deferring_summaries`; NULL: undated articles). A recount costs a
# write 0.4-1.6 s of CPU whatever its size (0.8 s for a day of a 200-article store, see
# WHOLE_RECOUNT_ARTICLES), and a run of several writes paid it at each; now the run recounts
# once (200 BBC articles written in four writes: 3.2 → 0.4 s of CPU). Not a summary:
# a bookkeeping table the recount empties. While it holds a day the summaries are behind the
# rows (:func:`pending`), and the views read the rows (``Filters.from_rows``).
PENDING = "sum_pending"
PENDING_COLUMNS = [("day", "DATE")]

# The series' figures: dated, with an estimate and a scope, each under its scope and group
# counted, but the parts of a charted whole (CHARTED_WHOLE_SQL).
_SERIES_FIGURES = f"""(SELECT v.published AS day, f.category,
        coalesce(f.location, '{NO_PLACE}') AS place, f.scope,
        {ESTIMATE_SQL.format(f="f")} AS estimate, f.article_id, f.start, f.text, f.unit,
        f.claimed_by, f.approximate, {COUNTED_SQL.format(f="f")} AS counted
    FROM figures f JOIN v ON v.id = f.article_id
    LEFT JOIN figures w ON w.article_id = f.article_id AND w.start = f.part_of
    WHERE v.published IS NOT NULL AND {ESTIMATE_SQL.format(f="f")} IS NOT NULL
      AND f.scope IS NOT NULL AND NOT {CHARTED_WHOLE_SQL.format(f="f", w="w")})"""
# The figure shown for a day and place: the one closest to its median, then by article and
# place in it (arg_min_null: a field that is NULL in that figure stays NULL).
_SERIES_PICKS = ", ".join(
    f"arg_min_null(b.{c}, (abs(b.estimate - d.med), b.article_id, b.start))"
    for c in ("article_id", "start", "text", "unit", "claimed_by")
)

# The recount of each table over the originals in ``v`` (a CTE of the articles of some days),
# in this order. The figures' incident kinds are stored (figures.kinds, worked out at write
# time: incident_kinds.KINDS_SQL).
_RECOUNT: dict[str, str] = {
    "sum_articles": """
        SELECT v.published, v.source, count(*), coalesce(sum(d.n), 0)
        FROM v LEFT JOIN (
            SELECT duplicate_of AS id, count(*) AS n FROM articles
            WHERE duplicate_of IS NOT NULL GROUP BY duplicate_of
        ) d ON d.id = v.id
        GROUP BY v.published, v.source""",
    "sum_tags": """
        SELECT published, source, tag, count(*) FROM (
            SELECT v.published, v.source, unnest(v.tags) AS tag FROM v
        ) GROUP BY ALL""",
    "sum_speakers": f"""
        SELECT v.published, v.source, q.speaker, count(*), count(DISTINCT q.article_id),
               sum({WORDS_SQL}), sum(({WORDS_SQL})^2),
               sum(q.polarity * {WORDS_SQL}), sum(q.polarity * q.polarity * {WORDS_SQL}),
               sum(q.polarity_vader * {WORDS_SQL}),
               sum(q.polarity_vader * q.polarity_vader * {WORDS_SQL}),
               sum(q.subjectivity * {WORDS_SQL})
        FROM quotes q JOIN v ON v.id = q.article_id GROUP BY ALL""",
    "sum_speaker_labels": """
        SELECT v.published, v.source, q.speaker, q.speaker_label, q.speaker_role, count(*)
        FROM quotes q JOIN v ON v.id = q.article_id WHERE q.speaker IS NOT NULL GROUP BY ALL""",
    "sum_entities": """
        SELECT v.published, v.source, e.name, e.label, count(*), sum(e.mentions)
        FROM entities e JOIN v ON v.id = e.article_id GROUP BY ALL""",
    "sum_entity_pairs": """
        SELECT v.published, v.source, p.name_a, p.name_b, sum(p.weight)
        FROM entity_pairs p JOIN v ON v.id = p.article_id GROUP BY ALL""",
    "sum_figures": """
        SELECT published, source, category, scope, count(*), count(DISTINCT article_id),
               count(DISTINCT article_id) FILTER (WHERE first_scope)
        FROM (
            SELECT v.published, v.source, f.category, f.scope, f.article_id,
                   f.scope IS NOT DISTINCT FROM min(f.scope) OVER (
                       PARTITION BY f.article_id, f.category) AS first_scope
            FROM figures f JOIN v ON v.id = f.article_id
        ) GROUP BY ALL""",
    "sum_figure_places": """
        SELECT v.published, v.source, f.location, f.category, count(*)
        FROM figures f JOIN v ON v.id = f.article_id WHERE f.location IS NOT NULL
        GROUP BY ALL""",
    "sum_figure_events": f"""
        SELECT v.published, v.source, {WEEK_SQL.format(day="v.published")}, f.category,
               f.location, f.scope, {UNIT_KEY_SQL.format(f="f")}, count(DISTINCT f.article_id)
        FROM figures f JOIN v ON v.id = f.article_id
        WHERE {HEADLINE_FIGURE_SQL.format(f="f")}
        GROUP BY ALL""",
    "sum_conflict_figures": f"""
        SELECT v.published, v.source, f.category, {CLASS_SQL.format(f="f")}, f.location,
               f.scope, {ESTIMATE_SQL.format(f="f")}, {LOW_SQL.format(f="f")},
               {HIGH_SQL.format(f="f")}, {CLAIMANT_SQL.format(f="f", a="v")}, f.article_id,
               f.start, f.kinds, {WHOLE_SQL.format(w="w")}
        FROM figures f JOIN v ON v.id = f.article_id
        LEFT JOIN figures w ON w.article_id = f.article_id AND w.start = f.part_of
        WHERE v.published IS NOT NULL AND f.location IS NOT NULL
          AND {ESTIMATE_SQL.format(f="f")} IS NOT NULL
          AND {CONFLICT_FIGURE_SQL.format(f="f")}""",
    "sum_figure_votes": f"""
        SELECT v.published, v.source, {WEEK_SQL.format(day="v.published")}, f.category,
               f.location, f.scope, {UNIT_KEY_SQL.format(f="f")},
               {ESTIMATE_SQL.format(f="f")} AS estimate, count(*), count(DISTINCT f.article_id),
               arg_min(f.article_id, (f.article_id, f.start)),
               arg_min(f.start, (f.article_id, f.start)),
               {FIGURE_KINDS_SQL.format(f="f", kinds="f.kinds")}
        FROM figures f JOIN v ON v.id = f.article_id
        WHERE {HEADLINE_FIGURE_SQL.format(f="f")}
        GROUP BY ALL""",
    "sum_figure_days": f"""
        SELECT b.day, b.category, b.place, b.scope, count(*), any_value(d.med),
               min(b.estimate), max(b.estimate),
               list_sort(list_distinct(list(b.claimed_by) FILTER (WHERE b.claimed_by IS NOT NULL))),
               {_SERIES_PICKS}, bool_or(b.approximate), b.counted, list_sort(list(b.estimate))
        FROM {_SERIES_FIGURES} b JOIN (
            SELECT day, category, place, scope, counted, quantile_disc(estimate, 0.5) AS med
            FROM {_SERIES_FIGURES} x GROUP BY ALL
        ) d ON d.day = b.day AND d.category = b.category AND d.place = b.place
           AND d.scope = b.scope AND d.counted IS NOT DISTINCT FROM b.counted
        GROUP BY ALL""",
    "sum_attitudes": """
        SELECT v.published, v.source, t.scorer, t.holder, t.target, count(*), count(t.polarity),
               sum(t.polarity)
        FROM attitudes t JOIN v ON v.id = t.article_id GROUP BY ALL""",
}


def covers(filters: Filters | None) -> bool:
    """Whether the summaries can answer for ``filters``: a date range and outlets at most."""
    f = filters or Filters()
    return (
        not f.from_rows
        and not f.tags
        and not f.speakers
        and not f.entities
        and not f.search.strip()
        and f.article_ids is None
    )


def cell_where(filters: Filters | None, alias: str = "s") -> tuple[str, list]:
    """``(sql, params)``: the condition on a summary's cells for the articles in view (the same
    date and outlet conditions as :func:`analysis.filters.article_ids_sql`)."""
    f = filters or Filters()
    where, params = ["TRUE"], []
    if f.date_from:
        where.append(f"{alias}.day >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append(f"{alias}.day <= ?")
        params.append(f.date_to)
    if f.sources:  # constants, as in analysis.filters (DuckDB then estimates their rows)
        sql, values = in_values(f"{alias}.source", sorted(set(f.sources)))
        where.append(sql)
        params.extend(values)
    return " AND ".join(where), params


class Summary(NamedTuple):
    """Where a view reads a summary: ``FROM {table} s WHERE {where}`` with ``params``.
    ``one_row_per_key``: the rows are already one per key of the table's totals (the all-time
    totals, or one whole year's or month's), so a view can rank them without grouping."""

    table: str
    where: str
    params: list
    one_row_per_key: bool = False


def table_where(table: str, filters: Filters | None) -> Summary:
    """The summary to read for ``filters`` (which :func:`covers`) — the all-time totals when
    there is no date or outlet condition; for a date range holding a whole month and no outlet
    a subquery of its whole years' totals, the whole months' beside them and the cells of the
    days at its ends; the outlet totals for outlets and no date; else the cells. Each has the
    table's columns but ``day`` (and ``source`` but in the outlet totals and the cells)."""
    f = filters or Filters()
    if table in TOTALS and not (f.date_from or f.date_to or f.sources):
        return Summary(f"{table}_all", "TRUE", [], True)
    if table in TOTALS and not f.sources:
        months = _whole_months(f.date_from, f.date_to)
        if months is not None:
            sql, single = _by_periods(table, f.date_from, f.date_to, *months)
            return Summary(sql, "TRUE", [], single)
    where, params = cell_where(filters)
    if table in TOTALS and not (f.date_from or f.date_to):  # outlets only
        return Summary(f"{table}_outlet", where, params)
    return Summary(table, where, params)


def _whole_months(first: date | None, last: date | None) -> tuple | None:
    """``(start, end)``: the first day of the first whole month in ``first..last`` and the day
    after its last whole month (None: open on that side), or None when it holds no whole month."""
    start = end = None
    if first is not None:
        start = (
            first if first.day == 1 else (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        )
    if last is not None:  # the day after a month's last day, else the first of its month
        after = last + timedelta(days=1)
        end = after if after.day == 1 else last.replace(day=1)
    if start is not None and end is not None and start >= end:
        return None
    return start, end


def _whole_years(start: date | None, end: date | None) -> tuple | None:
    """``(first, after)``: the whole years between the month starts ``start`` (inclusive) and
    ``end`` (exclusive; None: open), as the first day of the first and of the year after the
    last, or None when they hold no whole year."""
    first = start if start is None or start.month == 1 else date(start.year + 1, 1, 1)
    after = end if end is None or end.month == 1 else date(end.year, 1, 1)
    if first is not None and after is not None and first >= after:
        return None
    return first, after


def _by_periods(table: str, first, last, start, end) -> tuple[str, bool]:
    """``(subquery, one_row_per_key)``: ``table``'s rows in ``first..last`` from its year
    totals for the whole years in it, its month totals for the whole months beside them
    (``start``..``end``, see :func:`_whole_months`) and its cells for the days at the ends. The
    dates are written into the SQL (they are dates, not text from a user): the callers give
    ``params`` for their ``where`` only, and some read two tables under one ``where``."""
    cols = ", ".join(c for c, _ in COLUMNS[f"{table}_all"])

    def between(column: str, low, high, *, high_in: bool = False) -> str:
        conds = [f"{column} >= DATE '{low.isoformat()}'"] if low is not None else []
        if high is not None:
            conds.append(f"{column} {'<=' if high_in else '<'} DATE '{high.isoformat()}'")
        return " AND ".join(conds) or f"{column} IS NOT NULL"

    def part(tier: str, column: str, low, high, **kw) -> str:
        return f"SELECT {cols} FROM {table}{tier} WHERE {between(column, low, high, **kw)}"

    years = _whole_years(start, end)
    if years is None:
        parts = [part("_month", "month", start, end)]
    else:
        parts = [part("_year", "year", *years)]
        if start is not None and start < years[0]:
            parts.append(part("_month", "month", start, years[0]))
        if years[1] is not None and (end is None or years[1] < end):
            parts.append(part("_month", "month", years[1], end))
    # One part that is one year's or one month's totals (an open end spans many).
    step = {"years": 1} if years is not None else {"months": 1}
    single = len(parts) == 1 and start is not None and _next(start, **step) == end
    if start is not None and first < start:
        parts.append(part("", "day", first, start))
    if end is not None and last >= end:
        parts.append(part("", "day", end, last, high_in=True))
    return "(" + " UNION ALL ".join(parts) + ")", single and len(parts) == 1


def _next(day: date | None, *, years: int = 0, months: int = 0) -> date | None:
    """The first of the month ``years`` and ``months`` after ``day`` (a month's first)."""
    if day is None:
        return None
    n = day.year * 12 + day.month - 1 + years * 12 + months
    return date(n // 12, n % 12 + 1, 1)


def days_of(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[date | None]:
    """The cells' days that the articles ``ids`` count in: their own, and their originals' for
    near-duplicates (a duplicate is counted in its original's cell)."""
    ids = list(ids)
    if not ids:
        return set()
    rows = con.execute(
        """SELECT coalesce(o.published, a.published) FROM articles a
           LEFT JOIN articles o ON o.id = a.duplicate_of
           WHERE a.id IN (SELECT unnest(?::VARCHAR[]))
           UNION SELECT a.published FROM articles a
           WHERE a.id IN (SELECT unnest(?::VARCHAR[]))""",
        [ids, ids],
    ).fetchall()
    return {r[0] for r in rows}


def defer(con: duckdb.DuckDBPyConnection, days: Iterable[date | None]) -> None:
    """Leave the recount of ``days`` to the next :func:`refresh` (the end of a run), recorded
    in :data:`PENDING`. Runs in the caller's transaction, so the days stay recorded exactly
    when the rows that changed them do."""
    days = sorted(set(days), key=lambda d: (d is None, d))
    if days:
        con.execute(
            f"INSERT INTO {PENDING} SELECT unnest(?::DATE[]) EXCEPT SELECT day FROM {PENDING}",
            [days],
        )


def pending(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether some days' recount is pending (a run writing, or one killed before its end):
    the summaries are then behind the rows, and a view must read the rows."""
    return con.execute(f"SELECT EXISTS (SELECT 1 FROM {PENDING})").fetchone()[0]


def _take_pending(con: duckdb.DuckDBPyConnection) -> set[date | None]:
    """The pending days, removed from :data:`PENDING` (in the caller's transaction: a recount
    rolled back leaves them pending)."""
    days = {r[0] for r in con.execute(f"SELECT DISTINCT day FROM {PENDING}").fetchall()}
    if days:
        con.execute(f"DELETE FROM {PENDING}")
    return days


def refresh(con: duckdb.DuckDBPyConnection, days: Iterable[date | None]) -> None:
    """Recount the summaries of ``days`` (``None``: undated articles) and of the pending ones
    (:func:`defer`) from the base tables. Runs in the caller's transaction."""
    days = set(days) | _take_pending(con)
    if not days:
        return
    dated = sorted(d for d in days if d is not None)
    cond = "published IN (SELECT unnest(?::DATE[]))"
    if None in days:
        cond = f"({cond} OR published IS NULL)"
    in_days = cond.replace("published", "day")
    if _whole_is_cheaper(con, len(days)):
        rebuild(con)
        return
    for table in TOTALS:  # what the old rows of these days gave the totals, taken away
        for tier in TIERS:
            _delta(con, table, tier, in_days, [dated], sign="-", create=True)
    for table in _RECOUNT:
        con.execute(f"DELETE FROM {table} WHERE {in_days}", [dated])
    _recount(con, f"duplicate_of IS NULL AND {cond}", [dated])
    for table in TOTALS:  # ... and what the new rows give, added
        for tier in TIERS:
            _delta(con, table, tier, in_days, [dated], sign="+", create=False)
            _apply_delta(con, table, tier)


# A recount by days keeps the totals by deltas, about nine statements for each table and tier
# whatever the days — one day's recount took 0.8 s of CPU in a store of 200 articles, 1.6 s in
# the real one of 2,878, 1.3 s in a replicated one of 12,000 — and about 9 ms more a day (192
# days of the 12,000: 3.1 s). A whole recount takes about 0.45 ms an article (0.4, 1.3 and 5.7 s
# in the same stores). So a store of fewer articles than this, and this many more for each day
# to recount, is recounted whole: the same tables (tests/test_summaries.py), for less.
WHOLE_RECOUNT_ARTICLES = 2_000
WHOLE_RECOUNT_ARTICLES_A_DAY = 20


def _whole_is_cheaper(con: duckdb.DuckDBPyConnection, n_days: int) -> bool:
    """Whether recounting everything costs less than recounting ``n_days`` days (see
    :data:`WHOLE_RECOUNT_ARTICLES`): always when nothing is summarised yet (a new store's first
    write, whose days are all the store's)."""
    held = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    if held < WHOLE_RECOUNT_ARTICLES + WHOLE_RECOUNT_ARTICLES_A_DAY * n_days:
        return True
    return con.execute("SELECT count(*) = 0 FROM sum_articles").fetchone()[0]


def rebuild(con: duckdb.DuckDBPyConnection, tables: Iterable[str] | None = None) -> None:
    """Recount the summaries ``tables`` (default: all; a cell table brings its totals) from the
    base tables. Runs in the caller's transaction."""
    tables = None if tables is None else set(tables)
    if tables is None:
        cells = set(_RECOUNT)
    else:  # a cell table and its all-time totals go together; other totals are summed anew
        cells = {
            t.removesuffix("_all")
            for t in tables
            if t not in DERIVED and _tier(t) in (None, "_all")
        }
    derived = [
        t for t, (source, *_) in DERIVED.items() if tables is None or t in tables or source in cells
    ]
    for table in cells:
        con.execute(f"DELETE FROM {table}")
    _recount(con, "duplicate_of IS NULL", [], cells)
    for table in TOTALS:
        for tier in TIERS:
            if table in cells or (tables is not None and f"{table}{tier}" in tables):
                _sum_tier(con, table, tier)
    for table in derived:
        _recount_derived(con, table, None)
    if tables is None:  # every day recounted: none is pending any more
        con.execute(f"DELETE FROM {PENDING}")


def _tier(table: str) -> str | None:
    """The tier a summary table's name ends with (None: a cell table or a derived one)."""
    return next((t for t in TIERS if table.endswith(t) and table not in DERIVED), None)


def _tier_sql(
    table: str, tier: str, where: str = "TRUE", *, sign: str = "", cells: str | None = None
) -> str:
    """What ``table``'s cell rows ``where`` (read from ``cells``, default the table) add to its
    ``tier`` (signed): a SELECT of the tier's columns, in order (dated cells only for the
    months)."""
    extra = TIERS[tier]
    picks = ", ".join([*(f"{sql} AS {name}" for name, sql in extra.items()), *TOTALS[table]])
    sums = ", ".join(f"{sign}sum({v}) AS {v}" for v in _values(table))
    rows = f" AND {_TIER_ROWS[tier]}" if tier in _TIER_ROWS else ""
    return f"SELECT {picks}, {sums} FROM {cells or table} WHERE {where}{rows} GROUP BY ALL"


def reading(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """What a reader of the summary ``table`` (a cell table, its ``_all`` totals or a derived
    total) puts after FROM: the table, or, while days are pending (:func:`pending`), the same
    rows counted from the base tables, under the table's name. For the readers that no filter
    sends to the rows (the sidebar's dates, outlets and tags, the pickers' names)."""
    return f"{_counted(table)} AS {table}" if pending(con) else table


def _counted(table: str) -> str:
    """``table`` counted from the base tables: a parenthesised query with its columns."""
    cols = ", ".join(c for c, _ in COLUMNS[table])
    if table in DERIVED:
        source, keys, select, rows = DERIVED[table]
        sql = f"SELECT {select} FROM {_counted(source + '_all')} t WHERE {rows} GROUP BY ALL"
    elif table.endswith("_all"):
        cells = table.removesuffix("_all")
        sql = _tier_sql(cells, "_all", cells=f"{_counted(cells)} c")
    else:
        sql = (
            "WITH v AS (SELECT id, published, source, tags FROM articles "
            f"WHERE duplicate_of IS NULL) SELECT * FROM ({_RECOUNT[table]})"
        )
    return f"(SELECT * FROM ({sql}) t({cols}))"


def _sum_tier(con, table: str, tier: str) -> None:
    """Refill ``table``'s ``tier`` from its cells, or from its month totals for the years
    (month and year totals in date order, outlet totals in outlet order, which a view of some
    then reads alone: DuckDB skips row groups by their min and max)."""
    con.execute(f"DELETE FROM {table}{tier}")
    order = " ORDER BY 1" if TIERS[tier] else ""
    select = _tier_sql(table, tier)
    if tier in _SUMMED_FROM:  # from the finer tier (refilled before it: TIERS is in order)
        finer, key = _SUMMED_FROM[tier]
        picks = ", ".join([f"{key} AS {next(iter(TIERS[tier]))}", *TOTALS[table]])
        sums = ", ".join(f"sum({v}) AS {v}" for v in _values(table))
        select = f"SELECT {picks}, {sums} FROM {table}{finer} GROUP BY ALL"
    con.execute(f"INSERT INTO {table}{tier} {select}{order}")


def _recount_derived(con, table: str, touched: str | None) -> None:
    """Recount the derived total ``table`` from its source's ``*_all`` table for the keys the
    delta table ``touched`` holds (None: every key); a key with nothing left is dropped."""
    source, keys, select, rows = DERIVED[table]
    cond = "TRUE"
    if touched is not None:
        same = " AND ".join(f"t.{k} IS NOT DISTINCT FROM d.{k}" for k in keys)
        cond = f"EXISTS (SELECT 1 FROM {touched} d WHERE {same})"
    con.execute(f"DELETE FROM {table} t WHERE {cond}")
    con.execute(
        f"INSERT INTO {table} SELECT {select} FROM {source}_all t WHERE {rows} AND {cond} "
        f"GROUP BY {', '.join(keys)}"
    )


def _values(table: str) -> list[str]:
    keys = TOTALS[table]
    return [c for c, _ in COLUMNS[table][len(_CELL) :] if c not in keys]


def _delta(con, table: str, tier: str, where: str, params: list, *, sign: str, create: bool):
    """Add the sums of ``table``'s rows ``where`` to ``tier``, signed, to the temp table
    ``_delta_{table}{tier}``."""
    select = _tier_sql(table, tier, where, sign=sign)
    if create:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _delta_{table}{tier} AS {select}", params)
    else:
        con.execute(f"INSERT INTO _delta_{table}{tier} {select}", params)


def _apply_delta(con, table: str, tier: str) -> None:
    """Add ``_delta_{table}{tier}`` to ``{table}{tier}``: the touched keys' rows are replaced
    by their new sums, and dropped when nothing counts in them any more."""
    keys = (*TIERS[tier], *TOTALS[table])
    values = _values(table)
    target, delta, new = f"{table}{tier}", f"_delta_{table}{tier}", f"_new_{table}{tier}"
    same = " AND ".join(f"t.{k} IS NOT DISTINCT FROM d.{k}" for k in keys)
    touched, params = f"EXISTS (SELECT 1 FROM {delta} d WHERE {same})", []
    if TIERS[tier]:  # the touched months or outlets as constants: DuckDB skips the others'
        first = next(iter(TIERS[tier]))  # row groups (a join's keys it does not use so)
        found = [r[0] for r in con.execute(f"SELECT DISTINCT {first} FROM {delta}").fetchall()]
        params = [v for v in found if v is not None]
        conds = [f"t.{first} IN ({', '.join('?' * len(params))})"] if params else []
        if len(params) < len(found):
            conds.append(f"t.{first} IS NULL")
        touched = f"({' OR '.join(conds) or 'FALSE'}) AND {touched}"
    cols = ", ".join(keys)
    # The touched rows found once (with their row ids), summed with the delta, then deleted.
    old = f"_old_{table}{tier}"
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {old} AS SELECT t.rowid AS row_id, t.* "
        f"FROM {target} t WHERE {touched}",
        params,
    )
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {new} AS
        SELECT {cols}, {", ".join(f"sum({v}) AS {v}" for v in values)} FROM (
            SELECT * EXCLUDE (row_id) FROM {old} UNION ALL BY NAME SELECT * FROM {delta}
        ) GROUP BY ALL"""
    )
    con.execute(f"DELETE FROM {target} WHERE rowid IN (SELECT row_id FROM {old})")
    # The first value column is a count (of articles, quotes or figures): zero means gone.
    con.execute(
        f"INSERT INTO {target} SELECT {cols}, {', '.join(values)} FROM {new} WHERE {values[0]} <> 0"
    )
    if tier == "_all":
        for derived, (source, *_) in DERIVED.items():
            if source == table:
                _recount_derived(con, derived, delta)
    for temp in (delta, new, old):
        con.execute(f"DROP TABLE {temp}")


def _recount(
    con: duckdb.DuckDBPyConnection, where: str, params: list, tables: Iterable[str] | None = None
) -> None:
    for table, select in _RECOUNT.items():
        if tables is not None and table not in tables:
            continue
        # In day order (every summary's first column): a view of some days or weeks then reads
        # only the row groups that hold them (DuckDB skips the others by their min and max).
        con.execute(
            f"INSERT INTO {table} WITH v AS (SELECT id, published, source, tags FROM articles "
            f"WHERE {where}) SELECT * FROM ({select}) ORDER BY 1",
            params,
        )
