"""Where the extractors plug in: one parsed article in, one :class:`ArticleResult` out.

The order matters and is fixed here: entities first (their canonical names and corrected labels
help the quote extractor name speakers), then quotes (with their sentiment), then figures (which
take the quotes to find who claims a number), then attitudes (sentiment toward each mentioned
entity, whose holder is the speaker of the quote the mention sits in). Each extractor is a plain function over the spaCy
``Doc``; this module only wires them together, so a new extractor is one more line here.
"""

from __future__ import annotations

import dataclasses
import logging

from spacy.tokens import Doc

from analysis import (
    attitudes,
    doc_arrays,
    entities,
    figure_parts,
    figure_restated,
    figures,
    quotes,
)
from analysis.nlp import text_of
from analysis.records import Article, ArticleResult

log = logging.getLogger(__name__)


def extract_article(doc: Doc, article: Article) -> ArticleResult:
    """Run every extractor on ``doc`` (the parse of ``article.text``)."""
    # The extractors ask for sentences by the tens of thousands: looked up, not walked to.
    doc_arrays.share_sentences(doc)
    mentions, ents = entities.extract(doc, article_id=article.id)
    article_quotes = quotes.extract(
        doc, article_id=article.id, mentions=mentions, published=article.published
    )
    # A surname alone ("Clinton") is the one full name the text gives it, else no one.
    article_quotes = quotes.surname_speakers(article_quotes, mentions, text_of(doc))
    # A speaker named by a given name alone is this article's, not every article's "Ahmed".
    article_quotes = quotes.local_first_names(
        article_quotes, mentions, text_of(doc), title=article.title or ""
    )
    article_figures = figures.extract(
        doc,
        article_id=article.id,
        quotes=article_quotes,
        mentions=mentions,
        published=article.published,
    )
    # A part is not a toll: "four children among the 28 dead" points at the 28. The parts are
    # read before the restatements are joined, as a part is told beside its whole ("risen to
    # 86, 30 of them children": with that 86 joined into the headline's, the 30 had stood as a
    # toll); the figures join as read (a whole's unit borrowed from its part included), a part
    # then pointing at the figure its whole joined; then the parts are read again (a whole's
    # borrowed unit dropped).
    text = text_of(doc)
    parts = {f.start: f.part_of for f in figure_parts.link_parts(article_figures, text)}
    article_figures = [dataclasses.replace(f, part_of=parts[f.start]) for f in article_figures]
    # One event, one figure: a claim and its claimant's own words for it are joined.
    article_figures = figure_restated.merge_restated(article_figures, doc, mentions)
    article_figures = figure_parts.link_parts(article_figures, text)
    # Nor is an increment: "three more people died" adds to a toll given before.
    article_figures = figure_parts.mark_increments(article_figures, text)
    # Nor a toll its source has since replaced: "updating a previous toll of 112", or an earlier
    # count of one source's toll that the text says "has risen to" a higher one.
    article_figures = figure_parts.mark_superseded(article_figures, text)
    article_attitudes = attitudes.extract(
        doc, article_id=article.id, mentions=mentions, quotes=article_quotes
    )
    return ArticleResult(
        article=article,
        quotes=tuple(article_quotes),
        entities=tuple(ents),
        mentions=tuple(mentions),
        figures=tuple(article_figures),
        attitudes=tuple(article_attitudes),
    )
