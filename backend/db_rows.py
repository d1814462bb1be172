"""Rows by primary key through prepared statements, for the hot pages (issue 8).

A Tortoise queryset builds its SQL anew each time (pypika terms, copies, quoting): for the 28
orders of a licenses page that is 1.4 ms, of which the statement itself is 0.5 ms (SQLite,
docs/performance.md). ``rows_by_ids`` runs statements whose text is made once per model and
engine, with each list of ids as one parameter (SQLite's ``json_each``, PostgreSQL's ``ANY``),
and converts the columns exactly as ``QuerySet.values()`` does (each field's
``to_python_value`` unless the driver's value is already the field's), so callers see the same
values.

On SQLite the rows of several models come in ONE statement (``UNION ALL`` of each row as a
JSON object): every statement costs a hop to aiosqlite's thread, about 0.4 ms of CPU whatever
it reads. A JSON object holds SQLite's integers, text and nulls exactly; a model with a float or
binary column, whose values JSON would not keep as the driver gives them, is refused (none is
read this way). PostgreSQL, whose driver gives typed values, reads each model by itself.

The rows are attribute namespaces named by the model's fields (``reseller_id``, ...): the
``from_row`` builders of the API types read attributes only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import orjson
from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model


@dataclass(frozen=True, slots=True)
class _Reader:
    """How to read rows of one model on one engine."""

    statement: str
    """PostgreSQL: the rows' columns named by the model's fields; SQLite: each row as one JSON
    object (``row``) with the part's number (``part``, in the text as ``{part}``). Their ids
    are one parameter."""
    conversions: list[tuple[str, Callable[[Any], Any]]]


_readers: dict[tuple[type[Model], str], _Reader] = {}
_NOT_IN_JSON = (fields.FloatField, fields.BinaryField)


def _reader(model: type[Model], dialect: str) -> _Reader:
    """The statements and the conversions of ``model`` on ``dialect``, made once."""
    known = _readers.get((model, dialect))
    if known is not None:
        return known
    meta = model._meta
    projection = meta.fields_db_projection  # the model's own names: constants, never input
    table, pk = meta.db_table, meta.db_pk_column
    if any(isinstance(meta.fields_map[name], _NOT_IN_JSON) for name in projection):
        raise TypeError(f"{model.__name__} has a float or binary column: read it with a queryset")
    if dialect == "postgres":
        columns = ", ".join(f'"{column}" AS "{name}"' for name, column in projection.items())
        statement = f'SELECT {columns} FROM "{table}" WHERE "{pk}" = ANY($1::bigint[])'  # noqa: S608
    else:
        pairs = ", ".join(f"'{name}', \"{column}\"" for name, column in projection.items())
        row = f'SELECT {{part}} AS "part", json_object({pairs}) AS "row"'
        statement = f'{row} FROM "{table}" WHERE "{pk}" IN (SELECT value FROM json_each(?))'  # noqa: S608
    native = {name for _, name, _ in meta.db_native_fields}
    reader = _Reader(
        statement=statement,
        conversions=[
            (name, meta.fields_map[name].to_python_value)
            for name in projection
            if name not in native
        ],
    )
    _readers[(model, dialect)] = reader
    return reader


def _rows(reader: _Reader, rows: list[dict[str, Any]]) -> list[SimpleNamespace]:
    for row in rows:
        for name, convert in reader.conversions:
            row[name] = convert(row[name])
    return [SimpleNamespace(**row) for row in rows]


async def rows_by_ids(
    *wanted: tuple[type[Model], Collection[int]],
) -> list[list[Any]]:
    """For each (model, ids): the rows of ``model`` whose integer primary key is in ``ids``
    (in any order), as namespaces: one statement for them all on SQLite, one per model on
    PostgreSQL."""
    found: list[list[SimpleNamespace]] = [[] for _ in wanted]
    parts: list[tuple[int, str]] = []
    joined: BaseDBAsyncClient | None = None  # SQLite: the connection of the one statement
    for index, (model, ids) in enumerate(wanted):
        if not ids:
            continue
        connection = model._meta.db
        reader = _reader(model, connection.capabilities.dialect)
        if connection.capabilities.dialect == "postgres":
            rows = await connection.execute_query_dict(reader.statement, [list(ids)])
            found[index] = _rows(reader, rows)
        elif joined in (None, connection):
            joined = connection
            parts.append((index, reader.statement.format(part=index)))
        else:
            raise ValueError("rows_by_ids reads the models of one database")
    if joined is not None:
        sql = " UNION ALL ".join(statement for _, statement in parts)
        values = [json.dumps(list(wanted[i][1])) for i, _ in parts]
        rows = await joined.execute_query_dict(sql, values)
        by_part: dict[int, list[dict[str, Any]]] = {i: [] for i, _ in parts}
        for row in rows:
            by_part[row["part"]].append(orjson.loads(row["row"]))
        for index, _ in parts:
            found[index] = _rows(_reader(wanted[index][0], "sqlite"), by_part[index])
    return found
