"""The one way the evaluations run the extractors: the batch function ``presslens analyze`` calls.

Every benchmark hands its texts to :func:`analysis.pipeline.analyse_batch` (parse with
``nlp.pipe``, then :func:`analysis.extract.extract_article`: entities, then quotes, then figures),
so what it measures is what a user's store holds. ``clean=True`` also runs ingestion's cleaning
(:func:`analysis.pipeline.to_article`), as ``analyze`` does on a file; ``clean=False`` keeps the
text byte for byte, for gold annotations given as character offsets into the raw text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from analysis import nlp, pipeline
from analysis.clean import article_id
from analysis.ingest import RawDocument
from analysis.records import Article, ArticleResult, Failure

BATCH = pipeline.DEFAULT_BATCH_SIZE


def as_article(text: str, *, key: str, title: str = "", clean: bool = True) -> Article | None:
    """``text`` as the article ``analyze`` would store (None when cleaning leaves nothing)."""
    if clean:
        return pipeline.to_article(RawDocument(title=title, text=text, path=key))
    return Article(id=article_id(text), title=title, text=text, path=key, n_words=len(text.split()))


def analyse(
    texts: Sequence[str],
    *,
    keys: Sequence[str],
    titles: Sequence[str] | None = None,
    clean: bool = True,
) -> Iterator[tuple[str, ArticleResult | None]]:
    """``(key, result)`` for each text, in order; ``None`` when the text yields no article or
    its analysis failed (the failure is printed, as ``analyze`` reports it)."""
    language = nlp.load()
    titles = titles if titles is not None else [""] * len(texts)
    items = list(zip(keys, titles, texts, strict=True))
    for at in range(0, len(items), BATCH):
        chunk = items[at : at + BATCH]
        articles = [
            as_article(text, key=key, title=title, clean=clean) for key, title, text in chunk
        ]
        todo = [a for a in articles if a is not None]
        results = iter(pipeline.analyse_batch(todo, language))
        for (key, _, _), article in zip(chunk, articles, strict=True):
            if article is None:
                yield key, None
                continue
            result = next(results)
            if isinstance(result, Failure):
                print(f"{result.path}: {result.reason}")
                yield key, None
            else:
                yield key, result
