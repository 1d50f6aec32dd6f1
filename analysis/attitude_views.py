"""Views over the stored attitudes: who speaks about whom, and how, for the Speakers page.

An attitude's holder is a speaker, or None for the article's own voice; the views name the latter
:data:`NARRATOR` so it can sit in a matrix beside the speakers (and map it back to NULL when a
click asks for its sentences). Every function takes an open DuckDB connection and optional
:class:`~analysis.filters.Filters`, restricts to the articles in view and to one ``scorer``, and
returns a tidy DataFrame.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from analysis import filters as filters_module
from analysis import holder_targets, sentiment, summaries
from analysis.filters import (
    Filters,
    article_ids_sql,
    article_keys_sql,
    rows_in_view,
    served_by_index,
)

NARRATOR = "(the article itself)"


def _check(scorer: str) -> None:
    if scorer not in sentiment.ATTITUDE_SCORERS:
        raise ValueError(
            f"unknown scorer {scorer!r}; choose one of {', '.join(sentiment.ATTITUDE_SCORERS)}"
        )


def attitude_scorers(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> list[str]:
    """The scorers the store holds attitudes of, in :data:`~analysis.sentiment.ATTITUDE_SCORERS`
    order: a store analysed before the learned scorer existed has TextBlob and VADER only. Read
    from the all-time summary (a few thousand rows, not every attitude); ``filters`` is accepted
    for the dashboard's cache key and ignored, since a scorer is the store's, not a view's."""
    totals = summaries.reading(con, "sum_attitudes_all")
    found = {r[0] for r in con.execute(f"SELECT DISTINCT scorer FROM {totals}").fetchall()}
    return [s for s in sentiment.ATTITUDE_SCORERS if s in found]


def attitude_matrix(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    scorer: str = "textblob",
    holders: int = 10,
    targets: int = 12,
) -> pd.DataFrame:
    """``holder, target, n, polarity`` (mean) for the ``holders`` holders with most attitudes and
    the ``targets`` most talked-about targets among theirs; a holder talking about themself is
    left out."""
    _check(scorer)
    if summaries.covers(filters):
        return _summary_matrix(con, filters, scorer, holders, targets)
    n, pol_sum, n_polarity = holder_targets.columns_of(scorer)
    served = served_by_index(con, filters)
    # from the index up to as many sums as a gather may take (their arrays are not kept, but a
    # filter over half the archive would group millions in the server's memory)
    if (
        served is not None
        and served[0].count("holder_targets", served[1]) <= filters_module.GATHER_ROWS_MAX
    ):
        return _matrix_from_index(*served, (n, pol_sum, n_polarity), holders, targets)
    keys, params = article_keys_sql(filters)
    # The attitudes in view summed per (holder, target) once, and the holders, targets and
    # cells ranked from those sums: exact (a count is the sum of its pairs' counts, a mean the
    # pairs' polarity sum over their scored attitudes), and at a million articles it groups a
    # speaker's 1.2 million attitudes once, not three times over (0.85 s against 0.45). Read
    # from the per-article sums on the articles' integer keys (analysis.holder_targets); from
    # an article index only if they are few or gathered already (make=False): no other view
    # reads them, and a speaker's million sums at a million articles took 0.2-1.0 s to gather
    # against 0.2-0.4 s for the store's scan.
    sql = f"""
        WITH pairs AS MATERIALIZED (
            SELECT coalesce(holder, ?) AS holder, target, sum({n})::BIGINT AS n,
                   sum({pol_sum}) AS pol_sum, sum({n_polarity})::BIGINT AS n_polarity
            FROM {rows_in_view(con, filters, "holder_targets", make=False)}
            WHERE {n} > 0 AND article_key IN ({keys}) AND coalesce(holder, '') <> target
            GROUP BY ALL
        ),
        h AS (SELECT holder FROM pairs GROUP BY holder ORDER BY sum(n) DESC, holder LIMIT ?),
        g AS (
            SELECT target FROM pairs WHERE holder IN (SELECT holder FROM h)
            GROUP BY target ORDER BY sum(n) DESC, target LIMIT ?
        )
        SELECT holder, target, n, pol_sum / n_polarity AS polarity FROM pairs
        WHERE holder IN (SELECT holder FROM h) AND target IN (SELECT target FROM g)
        ORDER BY holder, target
    """
    return con.execute(sql, [NARRATOR, *params, int(holders), int(targets)]).df()


def _matrix_from_index(
    index, keys, columns: tuple[str, str, str], holders: int, targets: int
) -> pd.DataFrame:
    """:func:`attitude_matrix` from an article index (:mod:`analysis.article_index`): the
    per-article sums of the articles in view gathered with their names as numbers, grouped and
    ranked on the numbers, and only the names shown read as text. The same frame as the SQL
    (a test holds them alike); at a million articles a search's 690,000 sums took 0.27-0.4 s
    grouped by name in DuckDB, 0.06-0.12 s so."""
    n_col, pol_col, n_pol_col = columns
    rows = index.coded_rows("holder_targets", keys, ["holder", "target", *columns])
    empty = pd.DataFrame(
        {"holder": pd.Series(dtype=object), "target": pd.Series(dtype=object),
         "n": pd.Series(dtype="int64"), "polarity": pd.Series(dtype="float64")}
    )  # fmt: skip
    keep = (rows[n_col] > 0) & ~rows["same"]
    if not keep.any():
        return empty
    holder = rows["holder"][keep] + 1  # 0: the article's own voice (no holder)
    target = rows["target"][keep]
    n_rows = np.asarray(rows[n_col][keep], dtype="float64")
    width = int(target.max()) + 1

    def ranked(totals: np.ndarray, column: str, limit: int) -> dict[int, str]:
        """The ``limit`` numbers (indexes of ``totals``) with most attitudes, ties to the first
        name: only the names that can make the cut are read."""
        codes = np.flatnonzero(totals)
        codes = codes[np.argsort(-totals[codes], kind="stable")]
        if len(codes) > limit > 0:
            codes = codes[totals[codes] >= totals[codes[limit - 1]]]
        if column == "holder":
            names = index.names("holder_targets", "holder", codes - 1)
            names = [NARRATOR if name is None else name for name in names]
        else:
            names = index.names("holder_targets", column, codes)
        order = sorted(zip(totals[codes], names, codes, strict=True), key=lambda r: (-r[0], r[1]))
        return {int(code): name for _, name, code in order[:limit]}

    def picked(totals: np.ndarray, codes: dict[int, str]) -> np.ndarray:
        """Which numbers (indexes of ``totals``) are among ``codes``."""
        found = np.zeros(len(totals), dtype=bool)
        found[list(codes)] = True
        return found

    # The holders and targets ranked on the rows' totals by number (NumPy's bincount: whole
    # numbers, so the same totals as the pairs' sums), and only the rows of the cells shown
    # grouped into pairs: at a million articles, under a search in 7 % of them, numbering the
    # pairs of all 1.3 million sums first took half the view's CPU after the gather.
    holder_totals = np.bincount(holder, weights=n_rows)
    top_h = ranked(holder_totals, "holder", int(holders))
    among = picked(holder_totals, top_h)[holder]
    target_totals = np.bincount(target[among], weights=n_rows[among], minlength=width)
    top_t = ranked(target_totals, "target", int(targets))
    shown = among & picked(target_totals, top_t)[target]
    if not shown.any():
        return empty
    # each shown (holder, target) pair's number, and the sums per pair, each summed over the
    # pair's rows in their order as before (pandas' groupby on the two columns took twice as
    # long as the bincount)
    cell, pair = pd.factorize(holder[shown] * width + target[shown])

    def total(values) -> np.ndarray:
        values = np.nan_to_num(np.asarray(values, dtype="float64"))  # a SQL sum skips NULLs
        return np.bincount(cell, weights=values, minlength=len(pair))

    polarity = rows[pol_col][keep][shown].astype("float64")
    n = total(n_rows[shown]).astype("int64")
    scored = total(~np.isnan(polarity)) > 0  # a sum of no polarity is none, as in SQL
    pol_sum = np.where(scored, total(polarity), np.nan)
    n_polarity = total(rows[n_pol_col][keep][shown])
    pair_h, pair_t = pair // width, pair % width
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(n_polarity != 0, pol_sum / n_polarity, np.nan)
    out = pd.DataFrame(
        {
            "holder": [top_h[h] for h in pair_h],
            "target": [top_t[t] for t in pair_t],
            "n": n,
            "polarity": mean,
        }
    )
    return out.sort_values(["holder", "target"], ignore_index=True)


def _summary_matrix(
    con: duckdb.DuckDBPyConnection, filters: Filters | None, scorer: str, holders: int, targets: int
) -> pd.DataFrame:
    """:func:`attitude_matrix` from the summary tables (a date range and outlets at most)."""
    table, where, params, _ = summaries.table_where("sum_attitudes", filters)
    holders_sql = "SELECT holder FROM t GROUP BY holder ORDER BY sum(n) DESC, holder LIMIT ?"
    holders_args: list = [int(holders)]
    if table.endswith("_all"):  # the holders' totals are kept (a million articles: 0.7 s)
        holders_sql = (
            "SELECT coalesce(holder, ?) AS holder FROM sum_attitude_holders_all "
            "WHERE scorer = ? ORDER BY n DESC, coalesce(holder, ?) LIMIT ?"
        )
        holders_args = [NARRATOR, scorer, NARRATOR, int(holders)]
    sql = f"""
        WITH t AS (
            SELECT coalesce(holder, ?) AS holder, target, n, n_polarity, pol_sum
            FROM {table} s
            WHERE {where} AND scorer = ? AND coalesce(holder, '') <> target
        ),
        h AS ({holders_sql}),
        g AS (
            SELECT target FROM t WHERE holder IN (SELECT holder FROM h)
            GROUP BY target ORDER BY sum(n) DESC, target LIMIT ?
        )
        SELECT holder, target, sum(n)::BIGINT AS n, sum(pol_sum) / sum(n_polarity) AS polarity
        FROM t WHERE holder IN (SELECT holder FROM h) AND target IN (SELECT target FROM g)
        GROUP BY holder, target ORDER BY holder, target
    """
    args = [NARRATOR, *params, scorer, *holders_args, int(targets)]
    return con.execute(sql, args).df()


def attitude_sentences(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    scorer: str = "textblob",
    pairs: tuple[tuple[str, str], ...] | list = (),
    limit: int = 200,
) -> pd.DataFrame:
    """The attitudes of the (holder, target) ``pairs`` (all when empty) with their sentence and
    article, one row per sentence: ``holder, target, label, polarity, mentions, sentence,
    article_id, title, published, target_start`` — newest first. A sentence naming the target
    twice holds two attitudes (one per mention, scored each): its row gives their mean
    polarity, their labels (``"negative / neutral"`` when they differ), how many there are
    (``mentions``) and the first mention's position (listed once per attitude, the same
    sentence stood in the list twice or more)."""
    _check(scorer)
    sub, params = article_ids_sql(filters)
    where = ["x.scorer = ?", f"x.article_id IN ({sub})"]
    args: list = [NARRATOR, scorer, *params]
    if pairs:
        where.append(
            "list_value(coalesce(x.holder, ?), x.target) IN (SELECT unnest(?::VARCHAR[][]))"
        )
        args += [NARRATOR, [list(p) for p in pairs]]
    sql = f"""
        SELECT coalesce(x.holder, ?) AS holder, x.target,
               string_agg(DISTINCT x.label, ' / ' ORDER BY x.label) AS label,
               avg(x.polarity) AS polarity, count(*) AS mentions, x.sentence,
               x.article_id, a.title, a.published, min(x.target_start) AS target_start
        FROM attitudes x JOIN articles a ON a.id = x.article_id
        WHERE {" AND ".join(where)}
        GROUP BY ALL
        ORDER BY a.published DESC NULLS LAST, x.article_id, target_start, holder, x.target
        LIMIT ?
    """
    return con.execute(sql, [*args, int(limit)]).df()
