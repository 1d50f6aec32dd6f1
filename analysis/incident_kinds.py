"""The kinds of incident a figure's sentence tells of: what keeps two incidents from reading as
one incident counted two ways.

Conflicting figures (:func:`analysis.figure_views.conflict_groups`) pair figures of one thing, one
place and a few days. A monitor's "17 killed in a triple bombing in central Damascus" and the
state agency's "two killed by mortar shells on Bab Sharqi" the same day were shown as numbers
that cannot both be true. So each comparable figure carries the kinds its sentence names (air
strikes, shelling, bombs, fighting, shooting, chemical weapons, mines), and two figures whose
sentences name kinds and no kind in common are not paired. A word may name two kinds
("bombing": from the air or a car bomb, "missiles"); a sentence naming none is comparable with
any. Computed in SQL from the figure's sentence (:data:`KINDS_SQL`, one bit per kind), where the
store keeps it: the conflict summary, the copies of the rows in view and the article index carry
the result.

What was hit is told the same way (:data:`TARGETS`: a market, a school, a hospital, a convoy …, in
the bits above the kinds): two figures whose sentences name targets and none in common are two
incidents. And two figures are only paired on evidence that they tell of one incident: a kind
or a target both sentences name. A city at war has several incidents a day; on FA-KES, pairing
by place, days and compatible kinds alone put a strike on one village beside a gas attack on
another town ("7 of the first 12 killed conflicts", an analyst's read), and a chemical attack is
a kind no other incident shares, so one named beside one not is never the same.

The same integer carries the weapon named (:data:`WEAPONS`: a mortar is not a missile, though
both are shelling), who attacked (:data:`SIDES`: rebels' rockets on Damascus and the regime's
bombardment of Ghouta are two incidents), whether the toll is one over a span of days
(:data:`SPAN_PATTERN`: "over the last 48 hours" is no single strike's) and the day of the week
named (:data:`WEEKDAYS`: a day after the other article was published is not its incident).
"""

from __future__ import annotations

# (kind, a regular expression over the lower-cased sentence); a kind's bit is its position.
INCIDENT_KINDS = (
    ("air", r"air ?strikes?|air raids?|warplanes?|jets?\b|helicopters?|barrel bombs?|"
            r"bombing|bombard|missiles?|drones?"),
    ("shelling", r"\bshell(s|ing|ed)?\b|mortars?|rockets?|artillery|missiles?|bombard"),
    ("bomb", r"car bombs?|bombing|bomber|suicide|explosions?|explosives?|blasts?|\bied\b"),
    ("fighting", r"clash(es)?\b|fighting|battles?|ambush"),
    ("shooting", r"snipers?|shooting|gunmen|gunfire|shot dead|executed|execution"),
    ("chemical", r"chemical|chlorine|sarin|toxic gas|poison gas|gas attack|nerve (agent|gas)"),
    ("mine", r"land ?mines?|mine blast"),
)  # fmt: skip


# (target, a regular expression over the lower-cased sentence): what an incident hit. A target's
# bit is TARGETS_FIRST_BIT plus its position.
TARGETS = (
    ("market", r"\bmarkets?\b|bazaar|souk"),
    ("school", r"\bschools?\b|kindergarten|universit"),
    ("hospital", r"hospital|clinic|medical (centre|center|facilit)"),
    ("convoy", r"convoy|\bbus(es)?\b|evacuees"),
    ("worship", r"mosques?\b|church|shrine"),
    ("bakery", r"baker(y|ies)|bread queue"),
    ("checkpoint", r"checkpoint"),
    ("prison", r"prison|\bjail"),
    ("camp", r"\bcamps?\b"),
    ("gathering", r"wedding|funeral|celebration|graduation"),
    ("police", r"police (station|headquarters)"),
)  # fmt: skip
TARGETS_FIRST_BIT = 8
KINDS_MASK = (1 << len(INCIDENT_KINDS)) - 1
TARGETS_MASK = ((1 << len(TARGETS)) - 1) << TARGETS_FIRST_BIT
# (weapon, a regular expression over the lower-cased sentence): the weapon named, in the bits from
# WEAPONS_FIRST_BIT. A kind holds several weapons ("shelling": mortars, rockets, artillery), so two
# figures of one kind may still be two incidents: on FA-KES "a mortar attack on Al Qousour
# district" had been paired with "15 killed in missile strike" the next day. Two figures whose
# sentences name weapons and none in common are two incidents. "Rocket" and "missile" are one
# weapon here: reports call one strike by either word.
WEAPONS = (
    ("mortar", r"mortars?"),
    ("missile", r"missiles?|rockets?"),
    ("artillery", r"artillery|tank (fire|shells?)"),
    ("barrel bomb", r"barrel bombs?"),
)  # fmt: skip
WEAPONS_FIRST_BIT = 19
WEAPONS_MASK = ((1 << len(WEAPONS)) - 1) << WEAPONS_FIRST_BIT
# A toll over a span of days ("over the last 48 hours", "in two days", "since Thursday") counts
# several strikes, no single one: a figure of a span and one of no span are not two counts of one
# incident (FA-KES: "79 civilians killed over the last 48 hours by air strikes" against "15 killed
# in missile strike" on Deir Ezzor). Its scope stays an event (FA-KES gold takes such a toll for
# the day's); only the pairing reads the bit.
_NUMBER_OF_DAYS = r"(two|three|four|five|six|seven|ten|several|few|\d+)"
SPAN_PATTERN = (
    rf"(over|in|during|within|for) the (last|past|previous) ({_NUMBER_OF_DAYS} )?(days|weeks?|month)"
    rf"|(over|in|during|within|for) the (last|past|previous) (36|48|72|96) hours"
    rf"|\b(over|in|within|during) {_NUMBER_OF_DAYS} days|\b{_NUMBER_OF_DAYS}-day"
    rf"|\bsince (monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week)"
)
SPAN_BIT = 1 << 23
# (side, who it names, how): who carried out the attack (the side's name before an attack word,
# "rebels fired rockets", "Russian air strikes", or after "by", "shelling by the Assad regime"),
# in the bits from SIDES_FIRST_BIT. Two figures whose sentences name attackers and none in common
# are two incidents: FA-KES paired "rebels fired rockets on Damascus killing three civilians" with
# the regime's bombardment of Ghouta. A name that only says who holds a place ("rebel-held", "a
# village held by Islamic State") is not read as an attacker.
_ATTACK_WORDS = (
    r"(air ?strikes?|airstrikes?|air raids?|raids?|warplanes?|jets|planes|aircraft|helicopters?|"
    r"drones?|shelling|shells?|bombardment|bombing|artillery|mortars?|rockets?|"
    r"missiles?|barrel bombs?|attacks?|offensive|fire|fired|shelled|launched|attacked|"
    r"bombarded|car bombs?|suicide)"
)
_BY_WORDS = (
    r"(strikes?|raids?|shelling|bombardment|bombing|attacks?|attacked|fired|launched|carried out|"
    r"shells?|rockets?|mortars?|missiles?|killed)"
)
SIDES = (
    ("government", r"(regime|government|pro-government|pro-regime|loyalist|syrian|russian|russia|"
                   r"assad|army|iranian|hezbollah)"),
    ("opposition", r"(rebels?|insurgents?|jihadists?|militants?|islamic state|isis|isil|daesh|"
                   r"nusra|opposition|terrorists?|armed groups?)"),
    ("coalition", r"(coalition|us-led|u\.s\.-led|american|u\.s\.|israeli|turkish|turkey)"),
)  # fmt: skip
SIDES_FIRST_BIT = 27
SIDES_MASK = ((1 << len(SIDES)) - 1) << SIDES_FIRST_BIT


def _side_pattern(names: str) -> str:
    # "Russia's jets", "regime forces shelled", "carried out by Assad regime warplanes"; the
    # forces alone are no attack ("an attack on government forces" names the attacked).
    return (
        rf"\b{names}(\x27s)? ((forces|troops|army|fighters|militants) )?{_ATTACK_WORDS}\b"
        rf"|\b{_BY_WORDS} by (the )?([a-z-]+ )?{names}\b"
    )


# The day of the week the sentence names ("killed on Thursday", "Saturday's air strikes"), 1
# (Monday) to 7 (Sunday), 0 for none, in three bits from WEEKDAY_FIRST_BIT: with the article's
# date it is the incident's day, and two casualty figures whose days differ are two incidents (on
# the real store 9 of 97 conflicts paired "killed on Saturday" with "killed on Monday" within the
# window).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_FIRST_BIT = 24
CHEMICAL_BIT = 1 << next(b for b, (kind, _) in enumerate(INCIDENT_KINDS) if kind == "chemical")


def _kinds_sql() -> str:
    # One bit per kind and target: the pairing tests two integers, where two lists'
    # intersection doubled the time of a year's pairs at a million articles (0.06 -> 0.13 s).
    bits = [(bit, pattern) for bit, (_kind, pattern) in enumerate(INCIDENT_KINDS)]
    bits += [(TARGETS_FIRST_BIT + i, pattern) for i, (_target, pattern) in enumerate(TARGETS)]
    bits += [(WEAPONS_FIRST_BIT + i, pattern) for i, (_weapon, pattern) in enumerate(WEAPONS)]
    bits += [(SPAN_BIT.bit_length() - 1, SPAN_PATTERN)]
    bits += [(SIDES_FIRST_BIT + i, _side_pattern(names)) for i, (_, names) in enumerate(SIDES)]
    days = ", ".join(f"'{d}'" for d in WEEKDAYS)
    named = "|".join(WEEKDAYS)
    # the day a source spoke is not the incident's ("has reached at least 126 ... the
    # Observatory said on Sunday", of Saturday's bombing): left out before the day is read
    said = f"(said|says|reported|announced|told [a-z]+) (late |early )?(on )?({named})"
    weekday = (
        f"coalesce(list_position([{days}], regexp_extract(regexp_replace(lower({{f}}.sentence), "
        f"'{said}', '', 'g'), '\\b({named})\\b', 1)), 0) * {1 << WEEKDAY_FIRST_BIT}"
    )
    return (
        "("
        + " + ".join(
            f"CASE WHEN regexp_matches(lower({{f}}.sentence), '{pattern}') THEN {1 << bit} ELSE 0 END"
            for bit, pattern in bits
        )
        + f" + {weekday})"
    )


# The kinds and targets of the figure aliased ``{f}`` (``.format(f="f")``): an INTEGER, bit i set
# for the i-th kind of INCIDENT_KINDS, bit TARGETS_FIRST_BIT + i for the i-th of TARGETS (0: the
# sentence names none), then the weapons (bits 19-22), a span of days (23), the weekday (24-26)
# and the attackers (27-29); bit 31 is left clear (the summary's column is a signed INTEGER).
KINDS_SQL = _kinds_sql()


def _compatible(mask: int) -> str:
    return (
        f"((x.kinds & {mask}) = 0 OR (y.kinds & {mask}) = 0 OR (x.kinds & y.kinds & {mask}) <> 0)"
    )


# The categories of figures that count an incident's casualties: only they need a kind or a
# target in common to be paired (a share of a city held, the people remaining in it, are one
# quantity of a place at a time, told of no incident). The same three as
# analysis.figures.INCIDENT_CATEGORIES, written again: importing figures would load spaCy into
# the light modules that read the kinds (summaries, filters).
INCIDENT_CATEGORIES = ("killed", "injured", "missing")


# Two figures aliased x and y (each with ``kinds`` and ``category`` columns) may tell of one
# incident: no kinds or targets that rule it out, a chemical attack on both sides or neither
# (where both name a kind), and, for casualties, a kind or target in common.
def _incident_day(e: str) -> str:
    """The day of the week the sentence of the figure aliased ``e`` names, as the date on or
    before its article's ``published`` (NULL when it names none)."""
    wd = f"(({e}.kinds >> {WEEKDAY_FIRST_BIT}) & 7)"
    return (
        f"CASE WHEN {wd} = 0 THEN NULL "
        f"ELSE {e}.published::DATE - ((isodow({e}.published) - {wd} + 7) % 7)::INTEGER END"
    )


def _reported_by(e: str, other: str) -> str:
    """The day the sentence of the figure aliased ``e`` names falls on or before the day the
    figure aliased ``other`` was published (or names none): an article of a Monday cannot report
    the next Thursday's strike (FA-KES: "has killed eight civilians", published Monday 20
    November, against "nine civilians were killed Thursday", the 23rd)."""
    return f"({_incident_day(e)} IS NULL OR {_incident_day(e)} <= {other}.published::DATE)"


SAME_INCIDENT_SQL = (
    f"({_compatible(KINDS_MASK)} AND {_compatible(TARGETS_MASK)}"
    # two weapons named and none in common ("a mortar attack", "a missile strike"), two
    # attackers ("rebels fired rockets", "regime bombardment"): two incidents
    f" AND {_compatible(WEAPONS_MASK)} AND {_compatible(SIDES_MASK)}"
    f" AND ((x.kinds & {KINDS_MASK}) = 0 OR (y.kinds & {KINDS_MASK}) = 0"
    f" OR (x.kinds & {CHEMICAL_BIT}) = (y.kinds & {CHEMICAL_BIT}))"
    f" AND (x.category NOT IN {INCIDENT_CATEGORIES}"
    f" OR (x.kinds & y.kinds & {KINDS_MASK | TARGETS_MASK}) <> 0)"
    # casualties: the days the sentences name, where both name one, are one day (a share held
    # on Friday and on Saturday is one quantity of a place, told of no incident)
    f" AND (x.category NOT IN {INCIDENT_CATEGORIES}"
    f" OR {_incident_day('x')} IS NULL OR {_incident_day('y')} IS NULL"
    f" OR {_incident_day('x')} = {_incident_day('y')})"
    # casualties: a day named after the other figure's article was published is not its
    # incident; a toll over a span of days is no single strike's (both of a span, or neither)
    f" AND (x.category NOT IN {INCIDENT_CATEGORIES}"
    f" OR ({_reported_by('x', 'y')} AND {_reported_by('y', 'x')}"
    f" AND (x.kinds & {SPAN_BIT}) = (y.kinds & {SPAN_BIT}))))"
)


def kinds_of(mask: int) -> list[str]:
    """The kinds a ``kinds`` value holds, in INCIDENT_KINDS order."""
    return [kind for bit, (kind, _) in enumerate(INCIDENT_KINDS) if mask >> bit & 1]
