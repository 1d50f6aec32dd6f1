"""A check the store tests share: the summary tables hold what a full recount gives."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from analysis import summaries


def kept_and_recounted(con: duckdb.DuckDBPyConnection, tables: Sequence[str]) -> tuple[dict, dict]:
    """``(kept, recounted)``: the rows of each of ``tables`` as the store keeps them, and as
    :func:`analysis.summaries.rebuild` gives them (in a transaction rolled back after), each
    table's rows sorted, for the caller to compare."""

    def rows() -> dict:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}

    kept = rows()
    con.execute("BEGIN")
    try:
        summaries.rebuild(con)
        recounted = rows()
    finally:
        con.execute("ROLLBACK")
    return kept, recounted
