"""Quotes of a test's own sentences as ``presslens analyze`` finds them: the entity extractor
first, its mentions then given to the quote extractor (one helper for the quote tests, which
had each written it out)."""

from __future__ import annotations

from analysis import entities, quotes
from analysis.records import Quote


def run(model, text: str) -> list[Quote]:
    """The quotes of ``text`` parsed by ``model``, with the article's entity mentions."""
    doc = model(text)
    mentions, _ = entities.extract(doc, article_id="t")
    return quotes.extract(doc, article_id="t", mentions=mentions)


def speakers(model, text: str) -> list[tuple[str, str | None, str]]:
    """(kind, speaker, words) of each quote of ``text``: what a failing case prints."""
    return [(q.kind, q.speaker, q.text) for q in run(model, text)]
