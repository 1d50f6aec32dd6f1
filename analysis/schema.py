"""Store columns derived from the record dataclasses, so a table's schema is written once.

A record in :mod:`analysis.records` is both what an extractor returns and a row of its store
table: each field is a column of the same name, its SQL type read off the field's annotation
(``str`` → VARCHAR, ``int`` → INTEGER, ``float`` → DOUBLE, ``bool`` → BOOLEAN, ``date`` → DATE,
``tuple[str, ...]`` → VARCHAR[]; ``X | None`` is X, every column being nullable). The store
declares its store-only columns (e.g. ``articles.duplicate_of``) beside these, and the export
takes its field lists from the same records.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing

Column = tuple[str, str]  # (name, SQL type with any constraint, e.g. "VARCHAR PRIMARY KEY")

SQL_TYPES: dict[object, str] = {
    str: "VARCHAR",
    int: "INTEGER",
    float: "DOUBLE",
    bool: "BOOLEAN",
    datetime.date: "DATE",
    tuple[str, ...]: "VARCHAR[]",
}


def sql_type(annotation: object) -> str:
    """The SQL type of a record field's (resolved) annotation; optional is the same type."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return sql_type(args[0])
    try:
        return SQL_TYPES[annotation]
    except (KeyError, TypeError):
        raise TypeError(f"no SQL type for a record field annotated {annotation!r}") from None


def field_names(record: type) -> list[str]:
    """The record's field names, in declaration order (= its table's column order)."""
    return [f.name for f in dataclasses.fields(record)]


def record_columns(
    record: type,
    *,
    order: typing.Sequence[str] | None = None,
    overrides: typing.Mapping[str, str] | None = None,
) -> list[Column]:
    """``(name, SQL type)`` of each field of ``record``, in declaration order or in ``order``
    (which must name every field once); ``overrides`` replaces a field's type, e.g. a
    primary key, or a DATE stored from a ``YYYY-MM-DD`` string field."""
    hints = typing.get_type_hints(record)  # the records use postponed (string) annotations
    names = field_names(record)
    if order is not None:
        if sorted(order) != sorted(names):
            raise ValueError(f"{record.__name__}: column order {list(order)} is not {names}")
        names = list(order)
    overrides = overrides or {}
    return [(n, overrides.get(n) or sql_type(hints[n])) for n in names]


def ddl_of(columns: typing.Sequence[Column]) -> str:
    """The column list of a CREATE TABLE statement (names quoted: ``end`` is a keyword)."""
    return ", ".join(f'"{name}" {sql}' for name, sql in columns)
