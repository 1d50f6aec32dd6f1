"""Report benchmark: the wall time of a six-page ``presslens report`` (PNG + PDF + HTML), the
load average before each run printed beside it (the machine is shared).

Builds a store from the bundled sample plus the test fixtures' three dated articles (or uses
``--db``), then runs the command as a user would and prints the time, three runs, median first.

    .venv/bin/python -m bench.report [--db FILE] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from analysis.pipeline import analyze_paths
            from analysis.store import Store

            db = Path(tmp) / "sample.duckdb"
            with Store(db) as store:
                analyze_paths([ROOT / "data", ROOT / "tests" / "fixtures"], store)
        times = []
        for i in range(args.runs):
            out = Path(tmp) / f"report{i}"
            load = os.getloadavg()[0]
            t = time.perf_counter()
            r = subprocess.run(
                [sys.executable, "-m", "dashboard.cli", "report", "--db", str(db), "--out", str(out)],
                cwd=ROOT, capture_output=True, text=True,
            )  # fmt: skip
            times.append(time.perf_counter() - t)
            if r.returncode != 0:
                raise SystemExit(f"report failed ({r.returncode}): {r.stderr[-2000:]}")
            pages = json.loads((out / "manifest.json").read_text())["pages"]
            sizes = {p["page"]: (out / p["png"]).stat().st_size // 1024 for p in pages}
            print(
                f"run {i + 1}: {times[-1]:.1f} s  (load {load:.1f}; {len(pages)} pages, "
                f"PNG KB {sizes})"
            )
    print(f"six-page report (PNG+PDF+HTML): median {statistics.median(times):.1f} s, "
          f"best {min(times):.1f} s over {len(times)} runs (target ≤ 15 s)")  # fmt: skip


if __name__ == "__main__":
    main()
