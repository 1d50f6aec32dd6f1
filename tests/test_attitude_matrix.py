"""The attitude matrix (analysis.attitude_views.attitude_matrix) against its definition computed
in pandas from the stored attitudes: the holders with most attitudes, the targets most talked
about among theirs, and each cell's count and mean polarity (a holder talking about themself
left out). The view ranks from per-(holder, target) sums; this holds it to the rows themselves,
whole and under a speaker filter, pinned or not."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import attitude_views, store_lock
from analysis.filters import Filters, article_ids_sql, pin


@pytest.fixture
def reader(corpus_store):
    con = store_lock.open_reader(corpus_store)
    yield con
    con.close()


def _expected(con, filters: Filters, scorer: str, holders: int, targets: int) -> pd.DataFrame:
    sub, params = article_ids_sql(filters)
    rows = con.execute(
        f"SELECT holder, target, polarity FROM attitudes WHERE scorer = ? AND article_id IN ({sub})",
        [scorer, *params],
    ).df()
    rows["holder"] = rows["holder"].fillna(attitude_views.NARRATOR)
    rows = rows[rows["holder"] != rows["target"]]

    def top(frame: pd.DataFrame, column: str, n: int) -> list[str]:
        counts = frame.groupby(column).size().reset_index(name="n")
        counts = counts.sort_values(["n", column], ascending=[False, True], kind="stable")
        return counts[column].head(n).tolist()

    kept_holders = top(rows, "holder", holders)
    theirs = rows[rows["holder"].isin(kept_holders)]
    kept_targets = top(theirs, "target", targets)
    cells = theirs[theirs["target"].isin(kept_targets)]
    out = (
        cells.groupby(["holder", "target"])
        .agg(n=("polarity", "size"), polarity=("polarity", "mean"))
        .reset_index()
        .sort_values(["holder", "target"], kind="stable")
        .reset_index(drop=True)
    )
    return out


def test_the_matrix_is_its_definition_over_the_rows(reader):
    speaker = reader.execute(
        "SELECT holder FROM attitudes WHERE holder IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1"
    ).fetchone()[0]
    cases = [Filters(), Filters(speakers=(speaker,))]
    cases.append(pin(reader, cases[1], version="v1"))
    for filters in cases:
        for scorer, holders, targets in [
            ("textblob", 10, 12),
            ("textblob", 3, 4),
            ("vader", 3, 4),
            ("textblob", 2, 2),
        ]:
            got = attitude_views.attitude_matrix(
                reader, filters, scorer=scorer, holders=holders, targets=targets
            )
            want = _expected(reader, filters, scorer, holders, targets)
            assert len(want) > 0, (filters, scorer)
            pd.testing.assert_frame_equal(got, want, check_dtype=False)
