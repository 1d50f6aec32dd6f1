"""Views over the stored quotes: tidy DataFrames for the dashboard's speakers page.

Every function takes an open DuckDB connection to a presslens store and optional
:class:`~analysis.filters.Filters`, restricts to the articles in view and returns a pandas
DataFrame; options are keyword-only. Sentiment per speaker is word-weighted (a long quotation
weighs more than a two-word fragment), one rule for every reader
(:mod:`analysis.aggregates`, also behind the export's speakers table), and
comes with a 95% confidence interval (:mod:`analysis.uncertainty`); ``scorer`` picks the stored
polarity (TextBlob, the default, or VADER).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analysis import aggregates, summaries, uncertainty
from analysis.filters import (
    Filters,
    article_ids_sql,
    coded_rows_in_view,
    in_values,
    is_copy,
    kept_articles,
    kept_rows,
    named_frame,
    newest_first,
    rows_in_view,
    store_rowid,
)

GRANULARITIES = ("day", "week", "month", "year")
# The quotes column holding each stored scorer's polarity.
POLARITY_COLUMNS = aggregates.POLARITY_COLUMNS


def _scored(scorer: str) -> str:
    """Columns over analysis.aggregates.weighted_sql with ``scorer``'s polarity as ``polarity``
    and its sums as ``w_sum, w2_sum, wx2_sum`` (what analysis.uncertainty reads)."""
    pol = _polarity_column(scorer)
    return f"{pol} AS polarity, subjectivity, w_sum, w2_sum, wx2_sum_{scorer} AS wx2_sum"


def _polarity_column(scorer: str) -> str:
    try:
        return POLARITY_COLUMNS[scorer]
    except KeyError:
        raise ValueError(
            f"unknown scorer {scorer!r}; choose one of {', '.join(POLARITY_COLUMNS)}"
        ) from None


def speaker_stats(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    limit: int = 25,
    min_quotes: int = 1,
    scorer: str = "textblob",
) -> pd.DataFrame:
    """One row per speaker: ``speaker, label, role, n_quotes, n_words, n_articles, polarity,
    subjectivity`` (word-weighted means; polarity by ``scorer``) and ``ci_low, ci_high, few``
    (the 95% interval of the polarity; ``few`` = too few quotes to say), most quoted first.
    ``limit=0`` means all."""
    _polarity_column(scorer)  # an unknown scorer fails before any SQL runs
    if summaries.covers(filters):
        return _summary_speaker_stats(con, filters, limit, min_quotes, scorer)
    coded = coded_rows_in_view(con, filters, "quotes", _CODED_QUOTE_COLUMNS)
    if coded is not None:  # the names as numbers: only the speakers kept are read as text
        name, index = coded
        sql, params = _speaker_stats_sql(name, None, [], limit, min_quotes, scorer)
        names = {"speaker": "speaker", "label": "speaker_label", "role": "speaker_role"}
        return uncertainty.with_interval(named_frame(con, sql, params, index, "quotes", names))
    quotes = rows_in_view(con, filters, "quotes")
    sub, params = article_ids_sql(filters)
    if is_copy(quotes):  # the copy holds the rows in view only (see filters.in_view_sql)
        sub, params = None, []
    sql, params = _speaker_stats_sql(quotes, sub, params, limit, min_quotes, scorer)
    return uncertainty.with_interval(con.execute(sql, params).df())


# What the speaker aggregate reads of the quotes (analysis.aggregates.speaker_totals_sql), with
# the names as numbers when an article index serves them (filters.coded_rows_in_view).
_CODED_QUOTE_COLUMNS = (
    "speaker", "speaker_label", "speaker_role", "polarity", "subjectivity", "polarity_vader",
    "n_words",
)  # fmt: skip
# ... and of their articles the day, which the timelines add to the same coded rows
_CODED_ARTICLES = ("published",)


def _speaker_stats_sql(
    quotes: str,
    sub: str | None,
    params: list,
    limit: int,
    min_quotes: int,
    scorer: str,
) -> tuple[str, list]:
    """``(sql, params)``: the rows of :func:`speaker_stats` without their intervals, read from ``quotes`` (the
    store's table, a copy of the rows in view, or their rows with the names as numbers: ranked
    and tied on the numbers as on the names, which are in the same order) in the articles of
    the subquery ``sub`` (None: every row of ``quotes``)."""
    # The one speaker aggregate (analysis.aggregates), shared with the export and the report.
    rows, rows_params = quotes, []
    if limit:
        # The speakers kept are ranked first on what the order reads alone, and only their
        # rows aggregated whole (labels' and roles' modes, articles, polarities): at a million
        # articles, under a search in 7 % of them, 687,000 quotes of 15,000 speakers took
        # 0.12 s of CPU so, 0.05 s (same rows: the order is total, a speaker's own).
        in_view = "" if sub is None else f" AND q.article_id IN ({sub})"
        words = aggregates.QUOTE_WORDS_SQL.format(q="q")
        kept = f"""
            SELECT q.speaker FROM {quotes} q WHERE q.speaker IS NOT NULL{in_view}
            GROUP BY q.speaker HAVING count(*) >= ?
            ORDER BY count(*) DESC, sum({words})::BIGINT DESC, q.speaker LIMIT ?"""
        rows = f"(SELECT * FROM {quotes} q WHERE q.speaker IN ({kept}))"
        rows_params = [*params, int(min_quotes), int(limit)]
    sql = f"""
        SELECT speaker, label, role, n_quotes, n_words, n_articles, {_scored(scorer)}
        FROM ({aggregates.speaker_totals_sql(sub, rows)})
        WHERE n_quotes >= ?
        ORDER BY n_quotes DESC, n_words DESC, speaker
    """
    params = [*rows_params, *params, int(min_quotes)]
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    return sql, params


# The summary columns of each scorer's polarity sums (analysis.summaries).
_SUMMARY_POLARITY = {"textblob": "pol", "vader": "pol_vader"}


def _summary_speaker_stats(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None,
    limit: int,
    min_quotes: int,
    scorer: str,
) -> pd.DataFrame:
    """:func:`speaker_stats` from the summary tables (a date range and outlets at most). The
    label and role are each speaker's most frequent (ties to the first in sort order)."""
    pol = _SUMMARY_POLARITY[scorer]
    speakers, where, params, _ = summaries.table_where("sum_speakers", filters)
    labels = summaries.table_where("sum_speaker_labels", filters).table
    most = """SELECT speaker, {col} FROM (
                SELECT speaker, {col}, sum(n_quotes) AS n FROM {labels} s
                WHERE {where} AND {col} IS NOT NULL AND speaker IN (SELECT speaker FROM per)
                GROUP BY ALL)
              QUALIFY row_number() OVER (PARTITION BY speaker ORDER BY n DESC, {col}) = 1"""
    sql = f"""
        WITH per AS (
            SELECT speaker, sum(n_quotes)::BIGINT AS n_quotes, sum(n_words)::BIGINT AS n_words,
                   sum(n_articles)::BIGINT AS n_articles, sum({pol}_sum) AS p,
                   sum(subj_sum) AS sj, sum(w2_sum) AS w2, sum({pol}2_sum) AS px2
            FROM {speakers} s WHERE {where} AND speaker IS NOT NULL
            GROUP BY speaker HAVING sum(n_quotes) >= ?
            ORDER BY n_quotes DESC, n_words DESC, speaker
            {"LIMIT ?" if limit else ""}
        ), lab AS ({most.format(col="label", where=where, labels=labels)}),
        rol AS ({most.format(col="role", where=where, labels=labels)})
        SELECT per.speaker, lab.label, rol.role, n_quotes, n_words, n_articles,
               p / n_words AS polarity, sj / n_words AS subjectivity,
               n_words::DOUBLE AS w_sum, w2 AS w2_sum, px2 AS wx2_sum
        FROM per LEFT JOIN lab USING (speaker) LEFT JOIN rol USING (speaker)
        ORDER BY n_quotes DESC, n_words DESC, per.speaker
    """
    args = [*params, int(min_quotes)] + ([int(limit)] if limit else [])
    args += params * 2
    return uncertainty.with_interval(con.execute(sql, args).df())


def sentiment_over_time(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    speakers: tuple[str, ...] | list[str],
    granularity: str = "week",
    scorer: str = "textblob",
) -> pd.DataFrame:
    """``period, speaker, n_quotes, polarity, subjectivity, ci_low, ci_high, few`` for the chosen
    speakers, one row per period with quotes (periods start on the first day of the
    day/week/month/year). Articles without a publication date are left out."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity must be one of {GRANULARITIES}, not {granularity!r}")
    _polarity_column(scorer)
    if not speakers:
        return pd.DataFrame(
            columns=["period", "speaker", "n_quotes", "polarity", "subjectivity", "ci_low",
                     "ci_high", "few"]
        )  # fmt: skip
    if summaries.covers(filters):
        # From the per-day speaker summary: the same word-weighted sums, by period.
        pol = _SUMMARY_POLARITY[scorer]
        where, params = summaries.cell_where(filters)
        sql = f"""
            SELECT date_trunc('{granularity}', s.day)::DATE AS period, s.speaker,
                   sum(s.n_quotes)::BIGINT AS n_quotes, sum(s.{pol}_sum) / sum(s.n_words) AS polarity,
                   sum(s.subj_sum) / sum(s.n_words) AS subjectivity,
                   sum(s.n_words)::DOUBLE AS w_sum, sum(s.w2_sum)::DOUBLE AS w2_sum,
                   sum(s.{pol}2_sum) AS wx2_sum
            FROM sum_speakers s
            WHERE {where} AND s.day IS NOT NULL AND s.speaker IN (SELECT unnest(?::VARCHAR[]))
            GROUP BY period, s.speaker ORDER BY period, s.speaker
        """
        return uncertainty.with_interval(
            con.execute(sql, [*params, list(speakers)]).df(), blank_few=False
        )
    coded = coded_rows_in_view(con, filters, "quotes", _CODED_QUOTE_COLUMNS, _CODED_ARTICLES)
    if coded is not None:  # the speakers by number, the rows the statistics read (kept)
        name, index = coded
        in_speakers, codes = in_values(
            "q.speaker", index.known_codes("quotes", "speaker", speakers)
        )
        sql = f"""
            SELECT period, speaker, n_quotes, {_scored(scorer)} FROM (
                SELECT date_trunc('{granularity}', q.published)::DATE AS period, q.speaker,
                       {aggregates.weighted_sql("q")}
                FROM {name} q WHERE {in_speakers} AND q.published IS NOT NULL
                GROUP BY period, q.speaker
            ) ORDER BY period, speaker
        """
        found = named_frame(con, sql, codes, index, "quotes", {"speaker": "speaker"})
        return uncertainty.with_interval(found, blank_few=False)
    sub, params = article_ids_sql(filters)
    sql = f"""
        SELECT period, speaker, n_quotes, {_scored(scorer)} FROM (
            SELECT date_trunc('{granularity}', a.published)::DATE AS period, q.speaker,
                   {aggregates.weighted_sql("q")}
            FROM {rows_in_view(con, filters, "quotes")} q
            JOIN {rows_in_view(con, filters, "articles")} a ON a.id = q.article_id
            WHERE q.speaker IN (SELECT unnest(?::VARCHAR[])) AND a.published IS NOT NULL
              AND q.article_id IN ({sub})
            GROUP BY period, q.speaker
        ) ORDER BY period, speaker
    """
    # A period's band is drawn even over a handful of quotes: it is wide, which is the point.
    return uncertainty.with_interval(
        con.execute(sql, [list(speakers), *params]).df(), blank_few=False
    )


def speaker_quotes(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    speakers: tuple[str, ...] | list[str] | None = None,
    limit: int | None = 500,
) -> pd.DataFrame:
    """The quotes in view (of ``speakers`` if given) with their article: ``speaker, kind, text,
    polarity_vader, subjectivity, speaker_mention, cue, article_id, title, published, source,
    start, end`` — newest article first, then in reading order."""
    sub, params = article_ids_sql(filters)
    n_sub = len(params)
    where = ["q.speaker IS NOT NULL"]
    if speakers:
        where.append("q.speaker IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(speakers))
    columns = (
        "q.speaker, q.kind, q.text, q.polarity, q.polarity_vader, q.subjectivity, "
        "q.speaker_mention, q.cue, q.article_id, a.title, a.published, a.source, q.start, "
        'q."end"'
    )
    order = "a.published DESC NULLS LAST, q.article_id, q.start"
    if not limit:
        sql = f"""
            SELECT {columns} FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE q.article_id IN ({sub}) AND {" AND ".join(where)} ORDER BY {order}"""
        return con.execute(sql, params).df()

    def newest(view: Filters | None, ids: str, ids_params: list) -> pd.DataFrame:
        # the copies of the rows in view (filters.rows_in_view), for the narrow rows
        quotes, articles = (rows_in_view(con, view, t) for t in ("quotes", "articles"))
        # Ordered on narrow rows; only the ``limit`` kept are read with their texts, by their
        # row ids (reading a million articles' quote texts alone took seconds), and their
        # articles' titles from the copy in view when there is one (joined to the kept rows,
        # the store's million titles were read: 0.1 s at a million articles).
        picked = con.execute(
            f"""SELECT {store_rowid(quotes, "q")} AS rid, q.article_id
                FROM {quotes} q JOIN {articles} a ON a.id = q.article_id
                WHERE q.article_id IN ({ids}) AND {" AND ".join(where)}
                ORDER BY {order} LIMIT ?""",
            [*ids_params, *params[n_sub:], int(limit)],
        ).fetchall()
        article_rows, article_ids = kept_articles(articles, (a for _, a in picked))
        kept, kept_params = kept_rows(con, view, "quotes", quotes, (r for r, _ in picked))
        sql = f"""
            WITH kept_q AS MATERIALIZED ({kept})
            SELECT {columns} FROM kept_q q JOIN {article_rows} a ON a.id = q.article_id
            ORDER BY {order}"""
        return con.execute(sql, [*kept_params, *article_ids]).df()

    return newest_first(con, filters, int(limit), newest)
