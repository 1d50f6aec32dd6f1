"""Time and peak memory of analysing ONE long article, through the same path as the CLI.

For each size, a text of that many characters is built from real BBC news articles (joined as
paragraphs of one story, so the parser sees ordinary prose), written to a .txt file and analysed
by ``presslens analyze FILE --db NEW`` in a fresh process; the wall time and the peak resident
memory of that process (``os.wait4``'s ru_maxrss) are printed. Target: cost linear in length,
peak RSS <= 1.5 GB for anything within the per-article limit (analysis.pipeline.MAX_ARTICLE_CHARS).

Usage::

    .venv/bin/python bench/long_article.py [--sizes 10000,100000,300000,990000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "bbc"
PRESSLENS = Path(sys.executable).parent / "presslens"


def long_text(chars: int) -> str:
    """Real news paragraphs (BBC, in file order) until ``chars`` characters."""
    parts, total = [], 0
    for path in sorted(BBC.glob("*/*.txt")):
        body = path.read_text(encoding="latin-1").split("\n", 1)[-1].strip()
        parts.append(body)
        total += len(body) + 2
        if total >= chars:
            break
    return "\n\n".join(parts)[:chars].rsplit(" ", 1)[0]


def run(chars: int, workdir: Path) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit status) of analysing one ``chars``-long article."""
    src = workdir / f"long-{chars}.txt"
    src.write_text(f"A long article of {chars} characters\n{long_text(chars)}", encoding="utf-8")
    db = workdir / f"long-{chars}.duckdb"
    started = time.monotonic()
    proc = subprocess.Popen(
        [str(PRESSLENS), "analyze", str(src), "--db", str(db), "--quiet"],
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,300000,990000")
    args = parser.parse_args()
    print(f"{'characters':>10} {'seconds':>8} {'peak RSS MB':>12} {'exit':>5}", flush=True)
    with tempfile.TemporaryDirectory(prefix="presslens-long-") as tmp:
        for chars in (int(s) for s in args.sizes.split(",")):
            seconds, rss, code = run(chars, Path(tmp))
            print(f"{chars:>10,} {seconds:>8.1f} {rss:>12,.0f} {code:>5}", flush=True)


if __name__ == "__main__":
    main()
