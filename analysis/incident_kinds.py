"""The kinds of incident a figure's sentence tells of: what keeps two incidents from reading as
one incident counted two ways.

Conflicting figures (:func:`analysis.figure_views.conflict_groups`) pair figures of one thing, one
place and a few days. A monitor's "17 killed in a triple bombing in central Damascus" and the
state agency's "two killed by mortar shells on Bab Sharqi" the same day were shown as numbers
that cannot both be true. So each comparable figure carries the kinds its sentence names (air
strikes, shelling, bombs, fighting, shooting, chemical weapons, mines), and two figures whose
sentences name kinds and no kind in common are not paired. A word may name two kinds
("bombing": from the air or a car bomb, "missiles"); a sentence naming none is comparable with
any. Computed in SQL from the figure's sentence (:data:`KINDS_SQL`), where the store keeps it:
the conflict summary, the copies of the rows in view and the article index carry the result.
"""

from __future__ import annotations

# (kind, a regular expression over the lower-cased sentence), in the order a list holds them.
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
    # Lists joined two at a time and no lambda: both changed between DuckDB versions.
    sql = "[]::VARCHAR[]"
    for kind, pattern in reversed(INCIDENT_KINDS):
        sql = (
            f"list_concat(CASE WHEN regexp_matches(lower({{f}}.sentence), '{pattern}') "
            f"THEN ['{kind}'] ELSE []::VARCHAR[] END, {sql})"
        )
    return sql


# The kinds of the figure aliased ``{f}`` (``.format(f="f")``), a VARCHAR[] in INCIDENT_KINDS order.
KINDS_SQL = _kinds_sql()
# Two figures aliased x and y (each with a ``kinds`` column) may tell of one incident.
SAME_INCIDENT_SQL = (
    "(len(x.kinds) = 0 OR len(y.kinds) = 0 OR len(list_intersect(x.kinds, y.kinds)) > 0)"
)
