"""Keyword in context: search results as HTML, each article's snippet with the matched words
marked.

The snippet and the spans of its matches come from :func:`analysis.search_views.snippet`; every
character of the article (and its title) goes through :func:`html.escape` before a ``<mark>`` is
put around a match, so an article holding ``<script>`` shows as text. Pure Python, no Streamlit.
"""

from __future__ import annotations

import html

STYLE = (
    "<style>.pl-kwic{font-size:0.92rem;line-height:1.45;margin:0 0 .7rem 0}"
    ".pl-kwic mark{background:#ffe066;padding:0 1px;border-radius:2px}"
    ".pl-kwic .pl-meta{color:#666;font-size:.8rem}</style>"
)


def marked(snippet: str, spans) -> str:
    """``snippet`` escaped, with each ``[start, end]`` of ``spans`` inside ``<mark>``."""
    out, pos = [], 0
    for start, end in spans:
        start, end = int(start), int(end)
        if start < pos or end > len(snippet) or start >= end:
            continue
        out.append(html.escape(snippet[pos:start]))
        out.append(f"<mark>{html.escape(snippet[start:end])}</mark>")
        pos = end
    out.append(html.escape(snippet[pos:]))
    return "".join(out)


def results_html(rows) -> str:
    """One block per result: the title (a link to the reader when ``href`` is given), outlet
    and date, then the marked snippet. ``rows``: dicts with ``title, source, published,
    snippet, spans`` and optionally ``href`` (a relative link made by the dashboard)."""
    parts = [STYLE]
    for row in rows:
        title = html.escape(row.get("title") or "(untitled)")
        href = row.get("href")
        if href:
            title = f'<a href="{html.escape(href, quote=True)}" target="_self">{title}</a>'
        day = str(row.get("published") or "")[:10]  # a date or a timestamp: the day
        source = row.get("source")  # NaN (a float) when the outlet is not known
        meta = " · ".join(
            html.escape(m) for m in (source if isinstance(source, str) else "", day)
            if m and m not in ("NaT", "nan", "None")
        )  # fmt: skip
        parts.append(
            f'<div class="pl-kwic"><b>{title}</b> <span class="pl-meta">{meta}</span><br>'
            f"{marked(row.get('snippet') or '', row.get('spans') or [])}</div>"
        )
    return "".join(parts)
