"""A writer process for the store-concurrency tests: writes ``batches`` batches of ``size``
synthetic articles (with one quote each) into a store, one write transaction per batch, pausing
between batches as the NLP of a real run would. Run as ``python tests/store_writer.py DB TAG
BATCHES SIZE PAUSE``; prints ``done N`` when every batch is in."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.records import Article, ArticleResult, Quote  # noqa: E402
from analysis.store import Store  # noqa: E402


def result(tag: str, n: int) -> ArticleResult:
    article_id = f"{tag}-{n:05d}"
    text = f"Article {n} of writer {tag}. “We will rebuild the bridge,” the mayor said."
    article = Article(id=article_id, title=f"{tag} {n}", text=text, n_words=len(text.split()))
    quote = Quote(article_id, "direct", "We will rebuild the bridge,", 30, 57, speaker="Mayor")
    return ArticleResult(article=article, quotes=(quote,))


def main() -> None:
    db, tag, batches, size, pause = sys.argv[1:6]
    store = Store(db)
    n = 0
    for _ in range(int(batches)):
        store.write_batch([result(tag, n + i) for i in range(int(size))])
        n += int(size)
        time.sleep(float(pause))
    store.close()
    print(f"done {n}", flush=True)


if __name__ == "__main__":
    main()
