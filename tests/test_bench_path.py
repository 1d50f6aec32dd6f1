"""The evaluations measure what `presslens analyze` stores: bench._analyze runs the pipeline's own
batch function, so its records equal the store's, record for record (issue 11, item 7)."""

from __future__ import annotations

from analysis.pipeline import analyze_paths
from analysis.store import Store
from bench._analyze import analyse
from tests.conftest import DATA_DIR

FIGURE_FIELDS = (
    "text, value, low, high, unit, category, subject, location, claimed_by, start, scope"
)
QUOTE_FIELDS = 'kind, start, "end", speaker, speaker_start, cue'


def test_the_benchmarks_see_what_analyze_stores(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        summary, ids = analyze_paths([DATA_DIR], store)
        assert summary.new == 1
        (text,) = store.con.execute("SELECT text FROM articles WHERE id = ?", ids).fetchone()
        stored_figures = store.con.execute(
            f"SELECT {FIGURE_FIELDS} FROM figures ORDER BY start"
        ).fetchall()
        stored_quotes = store.con.execute(
            f"SELECT {QUOTE_FIELDS} FROM quotes ORDER BY start"
        ).fetchall()
    ((_, result),) = list(analyse([text], keys=["sample"], clean=False))
    figures = sorted(
        [(
            f.text, f.value, f.low, f.high, f.unit, f.category, f.subject, f.location,
            f.claimed_by, f.start, f.scope,
        ) for f in result.figures],
        key=repr,
    )  # fmt: skip
    quotes = sorted(
        [(q.kind, q.start, q.end, q.speaker, q.speaker_start, q.cue) for q in result.quotes],
        key=repr,
    )
    assert len(figures) == 7 and len(quotes) > 20  # one death, restated, is one figure
    assert figures == sorted(stored_figures, key=repr)
    assert quotes == sorted(stored_quotes, key=repr)
