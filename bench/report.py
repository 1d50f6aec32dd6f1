"""Report benchmark: the wall time of a six-page ``presslens report`` (PNG + PDF + HTML), the
load average before each run printed beside it (the machine is shared).

Builds a store from the bundled sample plus the test fixtures' dated articles (or uses ``--db``),
then runs the command as a user would and prints the time of each run, the median, and the
median of each phase the report recorded in its manifest (``--phases``).

    .venv/bin/python -m bench.report [--db FILE] [--runs 3] [--phases]
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
    parser.add_argument("--phases", action="store_true", help="print the median of each phase")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from analysis.pipeline import analyze_paths
            from analysis.store import Store

            db = Path(tmp) / "sample.duckdb"
            with Store(db) as store:
                analyze_paths([ROOT / "data", ROOT / "tests" / "fixtures"], store)
        times, phases = [], {}
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
            manifest = json.loads((out / "manifest.json").read_text())
            pages = manifest["pages"]
            for row in manifest.get("phases", []):
                phases.setdefault(row["phase"], []).append((row["start"], row["end"]))
            sizes = {p["page"]: (out / p["png"]).stat().st_size // 1024 for p in pages}
            print(
                f"run {i + 1}: {times[-1]:.1f} s  (load {load:.1f}; "
                f"{len(pages)} pages, PNG KB {sizes})"
            )
    if args.phases and phases:
        print(f"{'phase (median of runs)':<36} {'start':>6} {'end':>6} {'s':>6}")
        for name, spans in sorted(
            phases.items(), key=lambda kv: statistics.median(s for s, _ in kv[1])
        ):
            start = statistics.median(s for s, _ in spans)
            end = statistics.median(e for _, e in spans)
            length = statistics.median(e - s for s, e in spans)
            print(f"{name:<36} {start:6.2f} {end:6.2f} {length:6.2f}")
    print(f"six-page report (PNG+PDF+HTML): median {statistics.median(times):.1f} s, "
          f"best {min(times):.1f} s over {len(times)} runs (target ≤ 15 s)")  # fmt: skip


if __name__ == "__main__":
    main()
