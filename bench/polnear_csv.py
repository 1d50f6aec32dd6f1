"""One CSV of the PolNeAR corpus's articles (US politics 2016, seven outlets: the texts of its
train and dev splits with the title, outlet and date its ``metadata.tsv`` gives), for building a
store of real multi-outlet news other than the war coverage presslens was tuned on:

    .venv/bin/python -m bench.polnear_csv /tmp/polnear.csv
    .venv/bin/presslens analyze /tmp/polnear.csv --db polnear.duckdb --workers 2

The CSV is written outside the project (the corpus stays in ../shared/data).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._corpora import corpus  # noqa: E402

COLUMNS = ("title", "text", "date", "source", "url")


def rows(base: Path):
    """One row per article text of the corpus, its metadata joined by file name."""
    with open(base / "metadata.tsv", encoding="utf-8", newline="") as f:
        meta = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}
    for split in ("train", "dev"):
        for path in sorted((base / split / "text").glob("*.txt")):
            m = meta.get(path.stem, {})
            yield {
                "title": m.get("title", ""),
                "text": path.read_text(encoding="utf-8"),
                "date": m.get("publication_date", ""),
                "source": m.get("publisher", ""),
                "url": f"polnear:{path.stem}",  # the corpus's own name for the article
            }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the CSV to write")
    args = parser.parse_args()
    n = 0
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows(corpus("polnear")):
            writer.writerow(row)
            n += 1
    print(f"{args.out}: {n} articles")


if __name__ == "__main__":
    main()
