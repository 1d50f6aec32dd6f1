"""What `presslens analyze` imports: nothing it does not use. pandas (and pyarrow with it) cost
a third of a second of CPU per run, paid only for the write path's DataFrames; the store and
the identity pass now hand DuckDB NumPy columns, so an analysis in one process never loads
them, while a read (``Store.query``) still returns a DataFrame."""

from __future__ import annotations

import json
import os
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


# Every page of the dashboard run in a fresh interpreter, as the server runs them; reports which
# NLP modules the pages loaded.
PAGES_PROBE = """
import json, sys
from tests.apptest import run_page
failed = []
for page in ("overview", "speakers", "entities", "figures", "places", "articles", "compare",
             "data"):
    at = run_page(page)
    failed += [page for _ in at.exception]
loaded = sorted(m for m in ("spacy", "thinc", "torch", "textblob") if m in sys.modules)
print(json.dumps({"failed": failed, "loaded": loaded}))
"""


def test_the_dashboards_pages_load_no_nlp_model_code(corpus_store):
    """Reading the store needs no parser: spaCy (with thinc and torch) cost 3.6 s of the Entities
    page's first load at a million articles, imported only to list the merged names."""
    out = subprocess.run(
        [sys.executable, "-c", PAGES_PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PRESSLENS_DB": str(corpus_store), "PRESSLENS_READ_ONLY": "1"},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report == {"failed": [], "loaded": []}
