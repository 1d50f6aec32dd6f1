"""Views over the stored articles: counts, the article list, one article with its evidence, and
the values the dashboard's filters can take.

Like the other ``*_views`` modules: pure functions over an open DuckDB connection and optional
:class:`~analysis.filters.Filters`, returning DataFrames or plain values; no plotting, no
Streamlit. Near-duplicates are never in view (the filter subquery leaves them out).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from analysis import article_index, summaries
from analysis.filters import (
    PINNED_ROWS,
    Filters,
    article_ids_sql,
    in_values,
    rows_in_view,
    served_by_index,
)

GRANULARITIES = ("day", "week", "month", "year")


def corpus_counts(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> dict[str, int]:
    """``articles, speakers, quotes, entities, figures, duplicates, unattributed`` for the
    articles in view (``duplicates``: syndicated copies of them that were recognised and not
    counted; ``unattributed``: the quotes with no speaker, counted in ``quotes`` but in no
    speaker's row: a reader must know how much of the speech the speaker charts leave out)."""
    if summaries.covers(filters):
        return _summary_counts(con, filters)
    sub, params = article_ids_sql(filters)
    served = served_by_index(con, filters)
    if served is not None:
        # Counted from the article index: its rows per article, its names by number (under a
        # speaker in 4 % of a million articles 0.15-0.4 s of CPU, 0.04-0.1 s counted here).
        index, keys = served
        [(duplicates,)] = con.execute(
            f"SELECT count(*) FROM articles WHERE duplicate_of IN ({sub})", params
        ).fetchall()
        return {
            "articles": len(keys),
            "speakers": index.distinct("quotes", "speaker", keys),
            "quotes": index.count("quotes", keys),
            "entities": index.distinct("entities", "name", keys),
            "figures": index.count("figures", keys),
            "duplicates": int(duplicates),
            "unattributed": index.count_null("quotes", "speaker", keys),
        }
    # the copies of the rows in view if other views made them (filters.rows_in_view): counting
    # reads only the ids, so making them here would cost more than it saves
    quotes, entities, figures, _ = (rows_in_view(con, filters, t, make=False) for t in PINNED_ROWS)
    sql = f"""
        WITH v AS ({sub}),
        q AS (  -- one pass over the quotes for both of their counts
            SELECT count(DISTINCT speaker) AS speakers, count(*) AS quotes,
                   count(*) FILTER (WHERE speaker IS NULL) AS unattributed
            FROM {quotes} WHERE article_id IN (SELECT id FROM v)
        )
        SELECT (SELECT count(*) FROM v), (SELECT speakers FROM q), (SELECT quotes FROM q),
               (SELECT count(DISTINCT name) FROM {entities} WHERE article_id IN (SELECT id FROM v)),
               (SELECT count(*) FROM {figures} WHERE article_id IN (SELECT id FROM v)),
               (SELECT count(*) FROM articles WHERE duplicate_of IN (SELECT id FROM v)),
               (SELECT unattributed FROM q)
    """
    row = con.execute(sql, params).fetchone()
    keys = ("articles", "speakers", "quotes", "entities", "figures", "duplicates", "unattributed")
    return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}


def speaker_quote_count(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> int:
    """How many quotes the filters' speakers have in the articles in view (0 when no speaker is
    chosen). A speaker filter keeps the articles that quote one of them, and the corpus counts
    are of those articles: their every quote, which a reader takes for the speaker's own (the
    Overview showed 2,595 quotes under a speaker with 475). Under a date range and outlets
    besides, the speakers' summary answers (their articles are all in view); else the quotes of
    the articles in view are counted."""
    f = filters or Filters()
    names = sorted(set(f.speakers))
    if not names:
        return 0
    rest = dataclasses.replace(f, speakers=())
    if summaries.covers(rest):
        table, where, params, _ = summaries.table_where("sum_speakers", rest)
        cond, values = in_values("s.speaker", names)
        sql = f"SELECT sum(n_quotes) FROM {table} s WHERE {where} AND {cond}"
        return int(con.execute(sql, [*params, *values]).fetchone()[0] or 0)
    sub, params = article_ids_sql(f)
    cond, values = in_values("speaker", names)
    sql = f"SELECT count(*) FROM quotes WHERE {cond} AND article_id IN ({sub})"
    return int(con.execute(sql, [*values, *params]).fetchone()[0] or 0)


def _summary_counts(con: duckdb.DuckDBPyConnection, filters: Filters | None) -> dict[str, int]:
    """:func:`corpus_counts` from the summary tables (a date range and outlets at most)."""
    parts, params = [], []
    for table, column in (
        ("sum_articles", "sum(n_articles)"),
        ("sum_speakers", "count(DISTINCT speaker)"),
        ("sum_speakers", "sum(n_quotes)"),
        ("sum_entities", "count(DISTINCT name)"),  # sum_entity_names_all unfiltered
        ("sum_figures", "sum(n_figures)"),
        ("sum_articles", "sum(n_duplicates)"),
        ("sum_speakers", "sum(n_quotes) FILTER (WHERE speaker IS NULL)"),
    ):
        table, where, args, _ = summaries.table_where(table, filters)
        if table == "sum_entities_all":  # one row per name there
            table, column = "sum_entity_names_all", "count(*)"
        parts.append(f"(SELECT {column} FROM {table} s WHERE {where})")
        params += args
    row = con.execute(f"SELECT {', '.join(parts)}", params).fetchone()
    keys = ("articles", "speakers", "quotes", "entities", "figures", "duplicates", "unattributed")
    return {k: int(v or 0) for k, v in zip(keys, row, strict=True)}


def articles_over_time(
    con: duckdb.DuckDBPyConnection, filters: Filters | None = None, *, granularity: str = "week"
) -> pd.DataFrame:
    """``period, source, n_articles``: articles per period and outlet ("unknown" when the
    outlet is not known); undated articles are left out."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity must be one of {GRANULARITIES}, not {granularity!r}")
    if summaries.covers(filters):
        where, params = summaries.cell_where(filters)
        sql = f"""
            SELECT date_trunc('{granularity}', day)::DATE AS period,
                   coalesce(source, 'unknown') AS source, sum(n_articles)::BIGINT AS n_articles
            FROM sum_articles s WHERE {where} AND day IS NOT NULL
            GROUP BY ALL ORDER BY period, source
        """
        return con.execute(sql, params).df()
    sub, params = article_ids_sql(filters)
    sql = f"""
        SELECT date_trunc('{granularity}', published)::DATE AS period,
               coalesce(source, 'unknown') AS source, count(*) AS n_articles
        FROM {rows_in_view(con, filters, "articles")} WHERE id IN ({sub}) AND published IS NOT NULL
        GROUP BY ALL ORDER BY period, source
    """
    return con.execute(sql, params).df()


def outlets_in_view(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """``source, n_articles``: the outlets of the articles in view (dated or not), the most
    articles first; articles of no known outlet are left out. The Compare page's default
    outlets: the store's three largest had been compared under a speaker only one of them
    quotes ("No article in view: ahram, manar")."""
    if summaries.covers(filters):
        where, params = summaries.cell_where(filters)
        sql = f"""
            SELECT source, sum(n_articles)::BIGINT AS n_articles
            FROM sum_articles s WHERE {where} AND source IS NOT NULL
            GROUP BY source HAVING sum(n_articles) > 0 ORDER BY n_articles DESC, source
        """
        return con.execute(sql, params).df()
    sub, params = article_ids_sql(filters)
    sql = f"""
        SELECT source, count(*) AS n_articles
        FROM {rows_in_view(con, filters, "articles")} WHERE id IN ({sub}) AND source IS NOT NULL
        GROUP BY source ORDER BY n_articles DESC, source
    """
    return con.execute(sql, params).df()


def article_list(
    con: duckdb.DuckDBPyConnection, filters: Filters | None = None, *, limit: int | None = 1000
) -> pd.DataFrame:
    """``id, title, published, source, author, url, tags, n_words, n_quotes, n_figures``, newest
    first (undated last)."""
    sub, params = article_ids_sql(filters)
    sql = f"""
        SELECT a.id, a.title, a.published, a.source, a.author, a.url, a.tags, a.n_words,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes,
               (SELECT count(*) FROM figures f WHERE f.article_id = a.id) AS n_figures
        FROM articles a WHERE a.id IN ({sub})
        ORDER BY a.published DESC NULLS LAST, a.title, a.id
    """
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    return con.execute(sql, params).df()


@dataclass(frozen=True)
class ArticleDetail:
    """One article with everything extracted from it (offsets index into ``article['text']``)."""

    article: dict
    quotes: pd.DataFrame
    mentions: pd.DataFrame
    figures: pd.DataFrame


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleDetail | None:
    """The article ``article_id`` and its quotes, entity mentions and figures; None if unknown."""
    row = con.execute(
        "SELECT id, title, published, source, author, url, tags, text, n_words, duplicate_of "
        "FROM articles WHERE id = ?",
        [article_id],
    ).df()
    if row.empty:
        return None
    q = con.execute(
        'SELECT kind, text, start, "end", speaker, speaker_mention, speaker_start, speaker_end, '
        "speaker_role, cue, polarity, subjectivity FROM quotes WHERE article_id = ? "
        "ORDER BY start",
        [article_id],
    ).df()
    m = con.execute(
        'SELECT name, label, text, start, "end" FROM entity_mentions WHERE article_id = ? '
        "ORDER BY start",
        [article_id],
    ).df()
    f = con.execute(
        "SELECT text, value, low, high, approximate, unit, category, subject, location, "
        'claimed_by, start, "end", sentence FROM figures WHERE article_id = ? ORDER BY start',
        [article_id],
    ).df()
    return ArticleDetail(article=row.iloc[0].to_dict(), quotes=q, mentions=m, figures=f)


def article_in_view(
    con: duckdb.DuckDBPyConnection, filters: Filters | None = None, *, article_id: str
) -> bool:
    """Whether ``article_id`` is among the articles ``filters`` select (a link may name one the
    filters leave out; the reader opens it anyway and says so)."""
    sub, params = article_ids_sql(filters)
    row = con.execute(f"SELECT ? IN ({sub})", [article_id, *params]).fetchone()
    return bool(row and row[0])


# A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) before
# whitespace, or at a line break. Only a fallback: the stored figure sentences and quote spans
# are exact, and a link normally points at one of those.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")


def focus_span(
    text: str, pos: int, quotes: pd.DataFrame, figures: pd.DataFrame
) -> tuple[int, int] | None:
    """The span a link to offset ``pos`` of ``text`` points at, as ``(start, end)``.

    Links carry the start offset of the evidence they come from: a figure's start (the span
    is the figure's stored sentence, located around it), a quotation's start (the quotation).
    Any other offset gets the sentence around it. None when ``pos`` is not inside the text.
    """
    if not 0 <= pos < len(text):
        return None
    for f in figures.itertuples(index=False):
        if int(f.start) == pos and isinstance(f.sentence, str) and f.sentence:
            # The sentence occurrence that holds the figure (a sentence may repeat verbatim).
            at = text.rfind(f.sentence, 0, pos + len(f.sentence))  # starts at or before pos
            if at != -1 and at + len(f.sentence) >= int(f.end):
                return at, at + len(f.sentence)
    for q in quotes.itertuples(index=False):
        if int(q.start) == pos:
            return int(q.start), int(q.end)
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    end_match = _SENTENCE_END.search(text, pos)
    end = end_match.end() if end_match else len(text)
    # Leading whitespace is not part of the sentence; a line break is not either.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


@dataclass(frozen=True)
class FilterOptions:
    """What the corpus offers to filter on (all articles, not just those in view)."""

    first_date: date | None
    last_date: date | None
    sources: tuple[str, ...]
    tags: tuple[str, ...]
    undated: int = 0  # originals without a publication date: no date range keeps them


def filter_options(con: duckdb.DuckDBPyConnection) -> FilterOptions:
    """Date range, outlets and tags of the stored originals (from the summary tables)."""
    cells = summaries.reading(con, "sum_articles")  # (the rows while a run writes)
    first, last, undated = con.execute(
        "SELECT min(day), max(day), coalesce(sum(n_articles) FILTER (WHERE day IS NULL), 0) "
        f"FROM {cells}"
    ).fetchone()
    sources = [
        r[0]
        for r in con.execute(
            f"SELECT source FROM {cells} WHERE source IS NOT NULL "
            "GROUP BY source ORDER BY sum(n_articles) DESC, source"
        ).fetchall()
    ]
    tags = [
        r[0]
        for r in con.execute(
            f"SELECT tag FROM {summaries.reading(con, 'sum_tags_all')} "
            "ORDER BY n_articles DESC, tag"
        ).fetchall()
    ]
    return FilterOptions(
        first_date=_as_date(first),
        last_date=_as_date(last),
        sources=tuple(sources),
        tags=tuple(tags),
        undated=int(undated),
    )


def top_names(con: duckdb.DuckDBPyConnection, kind: str, *, limit: int = 500) -> tuple[str, ...]:
    """The most frequent speakers (``kind="speaker"``, by quotes) or entities (``"entity"``, by
    articles), for filter pickers."""
    # From the summary tables (analysis.summaries): quotes per speaker; entity rows per name,
    # i.e. articles (counted once per label: the distinct count costs ~5x and differs only for
    # a name under two labels in one article).
    if kind == "speaker":
        sql = (
            f"SELECT speaker FROM {summaries.reading(con, 'sum_speakers_all')} "
            "WHERE speaker IS NOT NULL ORDER BY n_quotes DESC, speaker LIMIT ?"
        )
    elif kind == "entity":
        names = summaries.reading(con, "sum_entity_names_all")
        sql = f"SELECT name FROM {names} ORDER BY n_articles DESC, name LIMIT ?"
    else:
        raise ValueError(f"kind must be 'speaker' or 'entity', not {kind!r}")
    return tuple(r[0] for r in con.execute(sql, [int(limit)]).fetchall())


def known_names(
    con: duckdb.DuckDBPyConnection, kind: str, names: list[str], *, version: str | None = None
) -> set[str]:
    """The subset of ``names`` that are stored speakers / entities (to validate a link); from
    the names of the store's article index when it has one for data ``version`` (a scan of the
    quotes at a million articles: 25 ms of every page)."""
    if not names:
        return set()
    table, column = {"speaker": ("quotes", "speaker"), "entity": ("entities", "name")}[kind]
    index = article_index.reader_index(con, version)
    if index is not None:
        return index.known(table, column, names)
    rows = con.execute(
        f"SELECT DISTINCT {column} FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))",
        [list(names)],
    ).fetchall()
    return {r[0] for r in rows}


def search_ids(con: duckdb.DuckDBPyConnection, search: str) -> tuple[str, ...]:
    """Ids of the articles whose title or text contains ``search`` (case-insensitive)."""
    sql, params = article_ids_sql(Filters(search=search))
    return tuple(r[0] for r in con.execute(sql, params).fetchall())


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """A string that changes whenever articles are added or re-analysed, or a name merge is
    made or undone (which rewrites names without re-analysing an article): for cache keys, the
    reader's pinned sets and the article index (:mod:`analysis.article_index`)."""
    [(n, last)] = con.execute("SELECT count(*), max(analysed_at) FROM articles").fetchall()
    [merges] = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE undone), "
        "coalesce(sum(hash(kind, alias, canonical, undone)), 0) FROM name_merges"
    ).fetchall()
    return f"{n}:{last}|{merges[0]}:{merges[1]}:{merges[2]}"


def _as_date(value) -> date | None:
    if value is None or pd.isna(value):
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value
