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


def _kinds_sql() -> str:
    # One bit per kind: the pairing tests two integers, where two lists' intersection doubled
    # the time of a year's pairs at a million articles (0.06 -> 0.13 s).
    return (
        "("
        + " + ".join(
            f"CASE WHEN regexp_matches(lower({{f}}.sentence), '{pattern}') THEN {1 << bit} ELSE 0 END"
            for bit, (_kind, pattern) in enumerate(INCIDENT_KINDS)
        )
        + ")"
    )


# The kinds of the figure aliased ``{f}`` (``.format(f="f")``): an INTEGER, bit i set for the
# i-th kind of INCIDENT_KINDS (0: the sentence names none).
KINDS_SQL = _kinds_sql()
# Two figures aliased x and y (each with a ``kinds`` column) may tell of one incident.
SAME_INCIDENT_SQL = "(x.kinds = 0 OR y.kinds = 0 OR (x.kinds & y.kinds) <> 0)"


def kinds_of(mask: int) -> list[str]:
    """The kinds a ``kinds`` value holds, in INCIDENT_KINDS order."""
    return [kind for bit, (kind, _) in enumerate(INCIDENT_KINDS) if mask >> bit & 1]
