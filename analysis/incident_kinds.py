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
    days = ", ".join(f"'{d}'" for d in WEEKDAYS)
    weekday = (
        f"coalesce(list_position([{days}], regexp_extract(lower({{f}}.sentence), "
        f"'\\b({'|'.join(WEEKDAYS)})\\b', 1)), 0) * {1 << WEEKDAY_FIRST_BIT}"
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
# sentence names none).
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


SAME_INCIDENT_SQL = (
    f"({_compatible(KINDS_MASK)} AND {_compatible(TARGETS_MASK)}"
    f" AND ((x.kinds & {KINDS_MASK}) = 0 OR (y.kinds & {KINDS_MASK}) = 0"
    f" OR (x.kinds & {CHEMICAL_BIT}) = (y.kinds & {CHEMICAL_BIT}))"
    f" AND (x.category NOT IN {INCIDENT_CATEGORIES}"
    f" OR (x.kinds & y.kinds & {KINDS_MASK | TARGETS_MASK}) <> 0)"
    # casualties: the days the sentences name, where both name one, are one day (a share held
    # on Friday and on Saturday is one quantity of a place, told of no incident)
    f" AND (x.category NOT IN {INCIDENT_CATEGORIES}"
    f" OR {_incident_day('x')} IS NULL OR {_incident_day('y')} IS NULL"
    f" OR {_incident_day('x')} = {_incident_day('y')}))"
)


def kinds_of(mask: int) -> list[str]:
    """The kinds a ``kinds`` value holds, in INCIDENT_KINDS order."""
    return [kind for bit, (kind, _) in enumerate(INCIDENT_KINDS) if mask >> bit & 1]
