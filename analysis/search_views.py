"""Search results: the matching articles best first (BM25), a page at a time, each with a
keyword-in-context snippet.

The ranking comes from :func:`analysis.query.ranked_sql` over the store's index; the snippet is
cut around the first match in the article's text, with the character spans of every matched
word or phrase in it, so that the dashboard can highlight them (and escape everything else).
Pure functions over a DuckDB connection, like the other ``*_views`` modules.
"""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from analysis import query
from analysis.filters import Filters, article_ids_sql, articles_where, in_values

SNIPPET_CHARS = 220  # about two lines of a results list


def ranked_list(
    con: duckdb.DuckDBPyConnection,
    filters: Filters | None = None,
    *,
    search: str,
    limit: int = 50,
    offset: int = 0,
) -> pd.DataFrame:
    """The page ``offset // limit`` of the articles in ``filters`` matching ``search``, best
    first: the article-list columns plus ``score``, ``snippet`` and ``spans`` (``[start, end]``
    of each highlighted match in ``snippet``)."""
    node = query.parse(search)
    if node is None:  # newest first: the articles in view themselves, no join (1 s at 1M)
        where, page_params = articles_where(filters)
        page = (
            f"SELECT a.id, 0.0 AS score FROM articles a WHERE {where} "
            "ORDER BY a.published DESC NULLS LAST, a.title, a.id LIMIT ? OFFSET ?"
        )
    else:
        ranked, r_params = query.ranked_sql(node)
        sub, params = article_ids_sql(filters)
        page, page_params = (
            f"""
            SELECT r.id, r.score FROM ({ranked}) r JOIN articles a ON a.id = r.id
            WHERE a.id IN ({sub})
            ORDER BY r.score DESC, a.published DESC NULLS LAST, a.title, a.id LIMIT ? OFFSET ?
        """,
            r_params + params,
        )
    # The page's ids first, then its counts and texts, in a query of their own with the ids as
    # constants (analysis.filters.in_values): counting quotes and figures for every match of a
    # broad search would cost more than the search, and joined to the page, the texts of every
    # article were read (1.5 s at a million articles).
    scores = dict(con.execute(page, [*page_params, int(limit), int(offset)]).fetchall())
    in_articles, ids = in_values("a.id", scores)
    in_quotes, _ = in_values("article_id", scores)
    in_figures, _ = in_values("article_id", scores)
    sql = f"""
        WITH page AS (
            SELECT unnest(?::VARCHAR[]) AS id, unnest(?::DOUBLE[]) AS score
        ), qc AS (SELECT article_id, count(*) AS n FROM quotes WHERE {in_quotes} GROUP BY ALL)
        , fc AS (SELECT article_id, count(*) AS n FROM figures WHERE {in_figures} GROUP BY ALL)
        , a AS (
            SELECT id, title, published, source, author, url, tags, n_words, text
            FROM articles a WHERE {in_articles}
        )
        SELECT a.id, a.title, a.published, a.source, a.author, a.url, a.tags, a.n_words,
               coalesce(qc.n, 0) AS n_quotes, coalesce(fc.n, 0) AS n_figures,
               page.score, a.text
        FROM page JOIN a ON a.id = page.id
        LEFT JOIN qc ON qc.article_id = a.id LEFT JOIN fc ON fc.article_id = a.id
        ORDER BY page.score DESC, a.published DESC NULLS LAST, a.title, a.id
    """
    df = con.execute(
        sql, [list(scores), [float(v) for v in scores.values()], *ids, *ids, *ids]
    ).df()
    patterns = highlight_patterns(node)
    cut = [snippet(text or "", patterns) for text in df["text"]]
    df["snippet"] = [c[0] for c in cut]
    df["spans"] = [c[1] for c in cut]
    return df.drop(columns=["text"])


def highlight_patterns(node: query.Node | None) -> list[re.Pattern]:
    """Python patterns for the title/text words and phrases a match holds (not negated ones)."""
    out = []
    for term in query.positive_terms(node):
        if term.field not in ("", "title"):
            continue
        body = r"[\W_]+".join(re.escape(w) for w in term.words)
        tail = r"[^\W_]*" if term.prefix else ""
        out.append(re.compile(rf"(?<![^\W_]){body}{tail}(?![^\W_])", re.IGNORECASE))
    return out


def snippet(
    text: str, patterns: list[re.Pattern], width: int = SNIPPET_CHARS
) -> tuple[str, list[list[int]]]:
    """``(snippet, spans)``: about ``width`` characters of ``text`` around its first match (the
    start of the text if nothing matches), and the ``[start, end]`` of each match inside it."""
    # The first match of each pattern, then every match inside the window only: scanning a
    # whole long article for every match cost more than the search itself.
    firsts = [m.span() for p in patterns if (m := p.search(text))]
    first_hit = min(firsts) if firsts else None
    first = first_hit[0] if first_hit else 0
    start = max(0, first - width // 3)
    if start:  # begin at a word
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > (first_hit[1] if first_hit else start) else end
    hits = sorted({m.span() for p in patterns for m in p.finditer(text, start, end)})
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    body = " ".join(text[start:end].split("\n"))
    spans, last = [], -1
    for s, e in hits:
        if s >= start and e <= end and s >= last:  # overlapping matches: keep the first
            spans.append([s - start + len(prefix), e - start + len(prefix)])
            last = e
    return prefix + body + suffix, spans
