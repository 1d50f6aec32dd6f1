"""Side-by-side views of two to four groups of articles: outlets, speakers or saved searches.

A group is written ``kind:value`` — ``source:BBC``, ``speaker:John Kerry``, ``query:Douma OR
Ghouta`` — which is also how the dashboard keeps it in the URL. Each group is the articles in view
(the page's :class:`~analysis.filters.Filters`) narrowed to that outlet, to the articles quoting
that speaker, or to that search. Every view here answers one comparison for all groups in one SQL
statement, as a tidy frame with a ``grp`` column: attention over time (count and share of all
articles in view), who each group quotes, how each group's quotes of a speaker sound, and which
figures each group reports for the same category and place (Media Cloud's attention chart, the
Gender Gap Tracker's "who is quoted", GDELT's tone per outlet, on presslens's own records).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import duckdb
import pandas as pd

from analysis import aggregates, query
from analysis.article_views import GRANULARITIES
from analysis.filters import Filters, article_ids_sql

KINDS = ("source", "speaker", "query")
MAX_GROUPS = 4


@dataclass(frozen=True)
class Group:
    kind: str
    value: str

    @property
    def label(self) -> str:
        return self.value if self.kind != "query" else f"“{self.value}”"

    def spec(self) -> str:
        return f"{self.kind}:{self.value}"


def parse_group(spec: str) -> Group:
    """``kind:value`` → :class:`Group`; ValueError naming the problem otherwise."""
    kind, colon, value = spec.partition(":")
    if not colon or kind not in KINDS or not value.strip():
        raise ValueError(f"group {spec!r}: expected source:NAME, speaker:NAME or query:SEARCH")
    if kind == "query":
        query.parse(value)  # QueryError (a ValueError) says what is wrong with it
    return Group(kind, value.strip())


def group_filters(filters: Filters | None, group: Group) -> Filters:
    """The articles of ``group`` among those in ``filters``: an outlet's articles among them
    (none when ``filters`` keeps other outlets only), a search's among them, and a speaker's
    articles within every filter but the speakers (the group's speaker stands in for them; see
    :func:`base_filters`)."""
    # A pinned table holds the page's articles, not the group's: the group's conditions are
    # written over the filters it was pinned from (it stood for them, so every group had the
    # whole view's articles).
    f = dataclasses.replace(filters or Filters(), id_table=None, id_version=None)
    if group.kind == "source":
        if f.sources and group.value not in f.sources:
            # outside the page's outlets: no article of the view (written over them, the group
            # counted articles the page had left out, and its share of the view reached 1000%)
            return dataclasses.replace(f, sources=(group.value,), article_ids=())
        return dataclasses.replace(f, sources=(group.value,))
    if group.kind == "speaker":
        return dataclasses.replace(f, speakers=(group.value,))
    search = f"({f.search}) AND ({group.value})" if f.search.strip() else group.value
    return dataclasses.replace(f, search=search)


def base_filters(filters: Filters | None, groups: tuple[str, ...]) -> Filters | None:
    """The articles the groups' shares are of: those in ``filters``, but for its speakers when
    a group is a speaker's (who stands in for them), so that every group lies within them and
    no share passes 100 %."""
    if not filters or not filters.speakers:
        return filters
    if not any(parse_group(spec).kind == "speaker" for spec in groups[:MAX_GROUPS]):
        return filters
    return dataclasses.replace(filters, speakers=(), id_table=None, id_version=None)


def _groups_sql(filters: Filters | None, groups: tuple[str, ...]) -> tuple[str, list, list[str]]:
    """``(sql, params, labels)``: ``grp, id`` rows of every group's articles (one UNION ALL)."""
    if not groups:
        raise ValueError("compare at least one group")
    parts, params, labels = [], [], []
    for spec in groups[:MAX_GROUPS]:
        group = parse_group(spec)
        sub, p = article_ids_sql(group_filters(filters, group))
        parts.append(f"SELECT ? AS grp, id FROM ({sub})")
        params += [group.label, *p]
        labels.append(group.label)
    return " UNION ALL ".join(parts), params, labels


def attention_over_time(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    groups: tuple[str, ...],
    granularity: str = "month",
) -> pd.DataFrame:
    """``period, grp, n_articles, n_all, share``: each group's dated articles per period, all
    articles in view in that period, and the group's share of them (0–1). Between a group's
    first and last period, a period with articles in view but none of the group's is a 0: it
    had been left out, and the chart's line broke there as for no data at all (ahram's three
    silent months of 2014 on FA-KES read as missing, not as no attention)."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity must be one of {GRANULARITIES}, not {granularity!r}")
    gsql, gparams, _ = _groups_sql(filters, groups)
    sub, params = article_ids_sql(base_filters(filters, groups))
    sql = f"""
        WITH g AS ({gsql}),
        per AS (
            SELECT date_trunc('{granularity}', a.published)::DATE AS period, g.grp,
                   count(*) AS n_articles
            FROM g JOIN articles a ON a.id = g.id WHERE a.published IS NOT NULL GROUP BY ALL
        ),
        alls AS (
            SELECT date_trunc('{granularity}', published)::DATE AS period, count(*) AS n_all
            FROM articles WHERE id IN ({sub}) AND published IS NOT NULL GROUP BY ALL
        ),
        span AS (SELECT grp, min(period) AS p0, max(period) AS p1 FROM per GROUP BY grp)
        SELECT alls.period, span.grp, coalesce(per.n_articles, 0) AS n_articles, alls.n_all,
               coalesce(per.n_articles, 0) / alls.n_all AS share
        FROM span JOIN alls ON alls.period BETWEEN span.p0 AND span.p1
        LEFT JOIN per ON per.period = alls.period AND per.grp = span.grp
        ORDER BY alls.period, span.grp
    """
    return con.execute(sql, gparams + params).df()


def group_sizes(
    con: duckdb.DuckDBPyConnection, filters: Filters | None = None, *, groups: tuple[str, ...]
) -> pd.DataFrame:
    """``grp, n_articles, n_quotes, n_figures`` of each group (in the order given)."""
    gsql, gparams, labels = _groups_sql(filters, groups)
    sql = f"""
        WITH g AS ({gsql})
        SELECT grp, count(*) AS n_articles,
               sum((SELECT count(*) FROM quotes q WHERE q.article_id = g.id)) AS n_quotes,
               sum((SELECT count(*) FROM figures f WHERE f.article_id = g.id)) AS n_figures
        FROM g GROUP BY grp
    """
    df = con.execute(sql, gparams).df().set_index("grp").reindex(labels).fillna(0)
    return df.astype(int).reset_index()


def top_speakers(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    groups: tuple[str, ...],
    limit: int = 10,
) -> pd.DataFrame:
    """``grp, speaker, n_quotes, share, rank``: the ``limit`` speakers each group quotes most
    (``share``: of all the group's quotes, those with no named speaker included, as the group
    table counts them: of the named ones only, SANA's share of sana's quotes had read 75 %
    where 28 of 145 were named and SANA's were 14 % of them all)."""
    gsql, gparams, _ = _groups_sql(filters, groups)
    sql = f"""
        WITH g AS ({gsql}),
        c AS (
            SELECT g.grp, q.speaker, count(*) AS n_quotes
            FROM g JOIN quotes q ON q.article_id = g.id GROUP BY ALL
        ),
        r AS (
            -- shares over every quote; the unnamed ones ranked last, then left out
            SELECT *, n_quotes / sum(n_quotes) OVER (PARTITION BY grp) AS share,
                   row_number() OVER (
                       PARTITION BY grp ORDER BY speaker IS NULL, n_quotes DESC, speaker) AS rank
            FROM c
        )
        SELECT grp, speaker, n_quotes, share, rank FROM r
        WHERE speaker IS NOT NULL AND rank <= ? ORDER BY grp, rank
    """
    return con.execute(sql, gparams + [int(limit)]).df()


def speaker_sentiment(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    groups: tuple[str, ...],
    limit: int = 12,
) -> pd.DataFrame:
    """``grp, speaker, n_quotes, polarity``: mean quote polarity of the speakers most quoted
    across the groups (top ``limit`` by quotes over all groups), in each group that quotes them;
    weighted by the quotes' words, as the Speakers page weighs them (a plain mean had given
    Compare another tone than the Speakers page for the same speaker and outlet)."""
    gsql, gparams, _ = _groups_sql(filters, groups)
    w = aggregates.QUOTE_WORDS_SQL.format(q="q")
    sql = f"""
        WITH g AS ({gsql}),
        c AS (
            SELECT g.grp, q.speaker, count(*) AS n_quotes,
                   sum(q.polarity * {w}) / sum({w}) AS polarity
            FROM g JOIN quotes q ON q.article_id = g.id WHERE q.speaker IS NOT NULL GROUP BY ALL
        ),
        top AS (
            SELECT speaker FROM c GROUP BY speaker ORDER BY sum(n_quotes) DESC, speaker LIMIT ?
        )
        SELECT grp, speaker, n_quotes, polarity FROM c WHERE speaker IN (SELECT speaker FROM top)
        ORDER BY speaker, grp
    """
    return con.execute(sql, gparams + [int(limit)]).df()


def figures_by_place(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    groups: tuple[str, ...],
    limit: int = 30,
) -> pd.DataFrame:
    """``category, location, grp, n_figures, median, low, high``: the news-event figures each
    group reports per (category, place), for the ``limit`` category–place pairs that most groups
    report (the ones a comparison can be made on), then the most figures."""
    gsql, gparams, _ = _groups_sql(filters, groups)
    sql = f"""
        WITH g AS ({gsql}),
        f AS (
            SELECT g.grp, f.category, f.location, f.value
            FROM g JOIN figures f ON f.article_id = g.id
            WHERE f.location IS NOT NULL AND f.value IS NOT NULL
              -- no catch-all category (summaries.CATCH_ALL: other counts of people were TV
              -- viewers beside committee members) and no money (sums of unrelated things)
              AND f.category NOT IN ('other', 'people', 'percent', 'price', 'money')
              -- news events only: a war's running total beside a day's toll read as outlets
              -- disagreeing by a factor of 10,000
              AND coalesce(f.scope, 'event') = 'event'
        ),
        pairs AS (
            SELECT category, location FROM f GROUP BY ALL
            ORDER BY count(DISTINCT grp) DESC, count(*) DESC, category, location LIMIT ?
        )
        SELECT category, location, grp, count(*) AS n_figures,
               -- the lower middle figure, one a group gave: DuckDB's median, the mean of the
               -- two middle ones, gave 22,500,220 killed for 440 and 45 million
               quantile_disc(value, 0.5) AS median,
               min(value) AS low, max(value) AS high
        FROM f JOIN pairs USING (category, location)
        GROUP BY ALL ORDER BY category, location, grp
    """
    return con.execute(sql, gparams + [int(limit)]).df()
