"""What `presslens analyze` imports: nothing it does not use. pandas (and pyarrow with it) cost
a third of a second of CPU per run, paid only for the write path's DataFrames; the store and
the identity pass now hand DuckDB NumPy columns, so an analysis in one process never loads
them, while a read (``Store.query``) still returns a DataFrame."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SAMPLE

# Runs the CLI in a fresh interpreter (the test process has pandas loaded already) and reports
# which heavy modules the run loaded and what it stored.
PROBE = """
import json, sys
from dashboard.cli import main
code = main(["analyze", sys.argv[1], "--db", sys.argv[2], "-q", "--workers", "1"])
loaded = sorted(m for m in ("pandas", "pyarrow", "plotly", "streamlit") if m in sys.modules)
from analysis.store import Store
with Store(sys.argv[2], read_only=True) as store:
    quotes = store.query("SELECT count(*) AS n FROM quotes")
print(json.dumps({"code": code, "loaded": loaded, "quotes": int(quotes["n"][0]),
                  "frame": type(quotes).__module__.split(".")[0]}))
"""


def test_analyze_in_one_process_loads_no_pandas(tmp_path):
    db = tmp_path / "lean.duckdb"
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(SAMPLE), str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    # Loaded only by the read after the run, not by the analysis.
    assert report["loaded"] == []
    assert report["quotes"] > 0 and report["frame"] == "pandas"
