"""The attitudes of each article summed per holder and target: what the attitude matrix reads.

The Speakers page's matrix (:func:`analysis.attitude_views.attitude_matrix`) sums attitudes per
(holder, target) over the articles in view. Stored one row per attitude and scorer, a million
articles hold about 80 million of them, and a speaker's filter read them all to keep the 3 % in
that speaker's articles (1.1-1.2 s of queries). This table holds one row per article, holder and
target with every scorer's count and sums side by side — a fifth of the rows at 50,000 articles
— keyed by the article's integer key (:mod:`analysis.article_keys`), so the matrix under a row
filter scans a narrow table and joins it on an integer.

It is derived from ``attitudes`` in the writer's transaction, like ``entity_pairs`` from the
mentions: :meth:`analysis.store.Store.write_batch` fills it for the articles it writes, the
identity pass refills the articles whose holders or targets it rewrote, and an older store gets
it filled from its attitudes when opened read-write. The columns per scorer follow
:data:`analysis.sentiment.ATTITUDE_SCORERS`: a new scorer means new columns (``SCHEMA_VERSION``
bumped; the rows of articles stored before it hold NULL there, as their attitudes hold no rows
of that scorer).
"""

from __future__ import annotations

from analysis.sentiment import ATTITUDE_SCORERS


def _per_scorer(scorer: str) -> list[tuple[str, str]]:
    return [
        (f"n_{scorer}", "INTEGER"),  # attitudes scored by it
        (f"pol_sum_{scorer}", "DOUBLE"),  # their polarity summed ...
        (f"n_polarity_{scorer}", "INTEGER"),  # ... over this many (a polarity may be NULL)
    ]


# The scorers of schema 13, whose columns come before the key; a scorer added since (the
# encoder, schema 14) has its columns after it, where an upgrade's ALTER TABLE puts them, so a
# new store and an upgraded one have their columns in the same order.
SCHEMA_13_SCORERS = ("textblob", "vader", "news")

COLUMNS: list[tuple[str, str]] = [
    ("article_id", "VARCHAR"),
    ("holder", "VARCHAR"),  # NULL: the article's own voice
    ("target", "VARCHAR"),
    *(c for s in SCHEMA_13_SCORERS for c in _per_scorer(s)),
    ("article_key", "INTEGER"),
    *(c for s in ATTITUDE_SCORERS if s not in SCHEMA_13_SCORERS for c in _per_scorer(s)),
]


def insert_sql(ids_sql: str | None = None) -> str:
    """``INSERT INTO holder_targets`` of the articles of ``ids_sql`` (every article's when
    None), in article key order. The caller deletes the articles' old rows first."""
    where = f"WHERE x.article_id IN ({ids_sql})" if ids_sql is not None else ""
    sums = {"article_key": "any_value(a.article_key) AS k"}
    for s in ATTITUDE_SCORERS:
        only = f"FILTER (WHERE x.scorer = '{s}')"
        n, pol_sum, n_polarity = columns_of(s)
        sums[n] = f"count(*) {only}::INTEGER"
        sums[pol_sum] = f"sum(x.polarity) {only}"
        sums[n_polarity] = f"count(x.polarity) {only}::INTEGER"
    values = ["x.article_id", "x.holder", "x.target", *(sums[c] for c, _ in COLUMNS[3:])]
    return f"""
    INSERT INTO holder_targets ({", ".join(f'"{c}"' for c, _ in COLUMNS)})
    SELECT {", ".join(values)}
    FROM attitudes x JOIN articles a ON a.id = x.article_id
    {where}
    GROUP BY x.article_id, x.holder, x.target
    ORDER BY k
"""


def columns_of(scorer: str) -> tuple[str, str, str]:
    """The count, polarity sum and scored count columns of ``scorer`` (one of
    :data:`~analysis.sentiment.ATTITUDE_SCORERS`, which the caller checks)."""
    if scorer not in ATTITUDE_SCORERS:
        raise ValueError(f"unknown scorer {scorer!r}")
    return f"n_{scorer}", f"pol_sum_{scorer}", f"n_polarity_{scorer}"
