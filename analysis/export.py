"""Writing the store out: the ``presslens/1`` JSON contract, or one CSV/Parquet file per table.

Field names follow ARCHITECTURE.md exactly; adding fields is allowed by the contract, renaming is
not. Near-duplicate copies are left out (they are counted once, as their original). The per-speaker
aggregate is the store's one definition (:mod:`analysis.aggregates`): word-weighted mean
polarity and subjectivity, as on the Speakers page.
"""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa

from analysis import aggregates
from analysis.filters import Filters, article_ids_sql
from analysis.ingest import EXPORT_SCHEMA
from analysis.records import Article, Attitude, Entity, Figure, Quote
from analysis.schema import field_names
from analysis.store import COLUMNS, Store

# The contract written (analysis.ingest reads it back, and names another version it meets).
SCHEMA = EXPORT_SCHEMA
# The contract's fields of each record table: the record's fields, which are also the table's
# columns (analysis.schema). Articles: the record's columns in the store's order, ``author``
# among them (a field the contract allows adding: a byline a reader checks a mapping by); the
# store-only columns are not records' fields, so never exported.
ARTICLE_FIELDS = [name for name, _ in COLUMNS["articles"] if name in field_names(Article)]
QUOTE_FIELDS = field_names(Quote)
ENTITY_FIELDS = field_names(Entity)
FIGURE_FIELDS = field_names(Figure)
ATTITUDE_FIELDS = field_names(Attitude)
FORMATS = ("json", "csv", "parquet")
# Hive partition keys for a Parquet dataset (``year=2016/``, ``source=BBC/``): what big-data tools
# prune on. An article without the value goes under "unknown" rather than pyarrow's
# ``__HIVE_DEFAULT_PARTITION__``, which readers disagree on.
PARTITIONS = ("year", "source")
UNKNOWN_PARTITION = "unknown"
# The Arrow type of a column the store declares, for a Parquet column whose values are all null:
# pandas hands pyarrow no type for it then, and it was written as Arrow's null type (``url``
# in any export without a URL, ``speaker_role`` in a small one), which DuckDB reads as type
# "NULL" and which differs from the same column of the next export (Parquet's null logical
# type, which not every reader takes). Dates are exported as YYYY-MM-DD text.
ARROW_TYPES = {
    "VARCHAR": pa.large_string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.large_string(),
    "VARCHAR[]": pa.list_(pa.string()),
}


def tables(
    store: Store,
    *,
    article_ids: Sequence[str] | None = None,
    filters: Filters | None = None,
) -> dict[str, pd.DataFrame]:
    """The contract tables as DataFrames, for ``article_ids`` or the articles in view."""
    if article_ids is not None:
        ids_sql = "SELECT unnest(?::VARCHAR[])"
        params: list = [list(article_ids)]
    else:
        ids_sql, params = article_ids_sql(filters)

    def q(sql: str) -> pd.DataFrame:
        return store.query(sql.replace("{ids}", ids_sql), params)

    cols = lambda fields: ", ".join(f'"{f}"' for f in fields)  # noqa: E731
    # The export's dates are YYYY-MM-DD text (the store's are DATEs).
    art_cols = cols(ARTICLE_FIELDS).replace(
        '"published"', "strftime(published, '%Y-%m-%d') AS published"
    )
    arts = q(
        f"SELECT {art_cols} FROM articles WHERE id IN ({{ids}}) AND duplicate_of IS NULL "
        "ORDER BY published NULLS LAST, title"
    )
    quotes = q(
        f"SELECT {cols(QUOTE_FIELDS)} FROM quotes WHERE article_id IN ({{ids}}) "
        "ORDER BY article_id, start"
    )
    # The one speaker aggregate (analysis.aggregates), the same rows the Speakers page shows.
    # Its n_words stays the 32-bit integer the export has always written (Parquet keeps types).
    speakers = q(
        "SELECT speaker, n_quotes, n_words::INTEGER AS n_words, polarity, subjectivity, "
        "polarity_vader, n_articles "
        f"FROM ({aggregates.speaker_totals_sql('{ids}')}) ORDER BY n_quotes DESC, speaker"
    )
    entities = q(
        f"SELECT {cols(ENTITY_FIELDS)} FROM entities WHERE article_id IN ({{ids}}) "
        "ORDER BY article_id, first_start"
    )
    figures = q(
        f"SELECT {cols(FIGURE_FIELDS)} FROM figures WHERE article_id IN ({{ids}}) "
        "ORDER BY article_id, start"
    )
    frames = {
        "articles": arts,
        "quotes": quotes,
        "speakers": speakers,
        "entities": entities,
        "figures": figures,
    }
    # Sentiment toward each named entity, with its holder (None = the article's own voice).
    frames["attitudes"] = q(
        f"SELECT {cols(ATTITUDE_FIELDS)} FROM attitudes WHERE article_id IN ({{ids}}) "
        "ORDER BY article_id, target_start, scorer"
    )
    return frames


def to_contract(frames: dict[str, pd.DataFrame]) -> dict:
    """DataFrames → the ``presslens/1`` JSON object (NaN → null, tags → list)."""
    out: dict = {"schema": SCHEMA}
    for name, df in frames.items():
        records = df.astype(object).where(df.notna(), None).to_dict(orient="records")
        for rec in records:
            for key, value in rec.items():
                if isinstance(value, float) and math.isnan(value):
                    rec[key] = None
                elif hasattr(value, "tolist"):  # numpy arrays (tags) and scalars
                    rec[key] = value.tolist()
        out[name] = records
    return out


def write(
    store: Store,
    out: str | Path,
    *,
    fmt: str = "json",
    article_ids: Sequence[str] | None = None,
    filters: Filters | None = None,
    partition_by: str | None = None,
) -> list[Path]:
    """Write the export; ``out`` is a file for JSON (``-`` is not handled here) and a folder for
    CSV/Parquet (one file per table, or with ``partition_by`` one Hive-partitioned Parquet
    folder per table). Returns the files (or dataset folders) written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if partition_by is not None and (fmt != "parquet" or partition_by not in PARTITIONS):
        raise ValueError(
            f"--partition-by works with --format parquet and one of {', '.join(PARTITIONS)}"
        )
    frames = tables(store, article_ids=article_ids, filters=filters)
    out = Path(out)
    if partition_by is not None:
        return write_partitioned(frames, out, partition_by)
    if fmt == "json":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(dumps(frames), encoding="utf-8")
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in frames.items():
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            csv_frame(df).to_csv(path, index=False)
        else:
            df.to_parquet(path, index=False, schema=parquet_schema(name, df))
        written.append(path)
    return written


# A spreadsheet runs a cell that starts with one of these as a formula (`=HYPERLINK(…)`,
# `=cmd|…`, `@SUM(…)`); OWASP's CSV-injection rule is to make such a cell text with a leading '.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` safe for a spreadsheet cell: a string starting a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A contract table ready for CSV: tags joined with "; ", formula-leading text neutralised."""
    df = df.copy()
    if "tags" in df:
        df["tags"] = df["tags"].map(lambda t: "; ".join(t) if t is not None else "")
    for column in df.columns:
        if df[column].dtype == object or pd.api.types.is_string_dtype(df[column]):
            df[column] = df[column].map(neutralise)
    return df


def parquet_schema(name: str, df: pd.DataFrame) -> pa.Schema:
    """The Arrow schema of contract table ``name``: what pyarrow infers from ``df``, with each
    column it can only call null (or a list of null) typed as the store declares it (text when undeclared, as the
    per-speaker aggregate's name), so one table has one schema in every export."""
    schema = pa.Schema.from_pandas(df, preserve_index=False)
    declared = {column: sql.split()[0] for column, sql in COLUMNS.get(name, [])}
    for i, field in enumerate(schema):
        untyped = field.type
        if pa.types.is_list(untyped) or pa.types.is_large_list(untyped):
            untyped = untyped.value_type  # tags, when every list is empty
        if pa.types.is_null(untyped):
            arrow = ARROW_TYPES.get(declared.get(field.name, "VARCHAR"), pa.large_string())
            schema = schema.set(i, field.with_type(arrow))
    return schema


def write_partitioned(frames: dict[str, pd.DataFrame], out: Path, key: str) -> list[Path]:
    """One Hive-partitioned Parquet dataset per table (``out/quotes/year=2016/….parquet``), which
    DuckDB (``read_parquet('out/quotes/**/*.parquet', hive_partitioning = true)``), pandas and
    Spark read directly. Rows of the child tables take the partition value of their article;
    the per-speaker aggregate spans articles, so it stays one plain file. Writing again
    replaces the whole dataset of each table (see :func:`_clear_dataset`)."""
    arts = frames["articles"]
    if key == "year":
        values = arts["published"].str.slice(0, 4)
    else:
        values = arts["source"]
    values = values.where(values.notna() & (values.astype(str).str.strip() != ""))
    of_article = dict(zip(arts["id"], values.fillna(UNKNOWN_PARTITION), strict=True))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in frames.items():
        if name == "speakers":
            path = out / f"{name}.parquet"
            df.to_parquet(path, index=False, schema=parquet_schema(name, df))
            written.append(path)
            continue
        ids = df["id"] if name == "articles" else df["article_id"]
        df = df.drop(columns=[key], errors="ignore").assign(
            **{key: ids.map(of_article).fillna(UNKNOWN_PARTITION)}
        )
        path = out / name
        _clear_dataset(path)
        if df.empty:  # no partition to write; an empty file keeps the table's columns readable
            path.mkdir(exist_ok=True)
            empty = df.drop(columns=[key])
            empty.to_parquet(
                path / "empty.parquet", index=False, schema=parquet_schema(name, empty)
            )
        else:
            df.to_parquet(
                path,
                index=False,
                schema=parquet_schema(name, df),
                partition_cols=[key],
                existing_data_behavior="delete_matching",
                basename_template="part-{i}.parquet",
            )
        written.append(path)
    return written


def _clear_dataset(path: Path) -> None:
    """Remove what an earlier partitioned export left in the dataset folder ``path``: its
    partition folders (``year=…`` or ``source=…``) and its empty-table file. pyarrow's
    ``delete_matching`` replaced only the partitions written again, so a partition the store no
    longer has (another store exported into the same folder, an article re-dated, an export
    partitioned the other way) stayed, and a read of ``**/*.parquet`` counted its rows too.
    Nothing else in the folder is touched."""
    if not path.is_dir():
        return
    for child in path.iterdir():
        if child.is_dir() and child.name.partition("=")[0] in PARTITIONS:
            shutil.rmtree(child)
        elif child.name == "empty.parquet":
            child.unlink()


def dumps(frames: dict[str, pd.DataFrame]) -> str:
    """The contract JSON as text."""
    return json.dumps(to_contract(frames), ensure_ascii=False, indent=1)
