"""Cursor connections with keyset pagination: ``first``/``after`` forward, ``last``/``before``
backward (1 to 100 rows a page), in a list's default order or the one its ``orderBy`` asks for.

A cursor is an opaque base64 token holding a tag of the ordering it belongs to (the table and
the sort columns) and the sort key of the row it points at, so a page costs one indexed query
however deep it is, rows inserted meanwhile never shift a page, and a cursor of another list or
another sort is refused instead of answering garbage.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, Protocol, TypeVar

import strawberry
from strawberry import relay
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from backend.api.errors import ClientError

MAX_PAGE_SIZE = 100
NodeT = TypeVar("NodeT", bound=relay.Node)
ModelT = TypeVar("ModelT", bound=Model)
RowT = TypeVar("RowT")


@strawberry.enum(description="Which way a list is sorted.")
class SortDirection(Enum):
    ASC = strawberry.enum_value("ASC", description="Smallest, earliest or A first.")
    DESC = strawberry.enum_value("DESC", description="Largest, latest or Z first.")


class SortOrder(Protocol):
    """A list's ``orderBy`` input: a field whose value is the column, and a direction."""

    @property
    def field(self) -> Enum: ...

    @property
    def direction(self) -> SortDirection: ...


def ordering(order_by: SortOrder | None, default: Sequence[str]) -> tuple[str, ...]:
    """The keyset order of ``order_by`` (its column, then the id as tie-breaker, both in its
    direction), or ``default`` when the caller asked for none."""
    if order_by is None:
        return tuple(default)
    sign = "-" if order_by.direction is SortDirection.DESC else ""
    return (f"{sign}{order_by.field.value}", f"{sign}id")


def check_first(first: int, argument: str = "first") -> int:
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise ClientError(f"`{argument}` must be between 1 and {MAX_PAGE_SIZE}, not {first}.")
    return first


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values), default=str).encode()).decode()


def decode_cursor(cursor: str, size: int, argument: str = "after") -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, UnicodeError):
        raise ClientError(f"`{argument}` is not a cursor of this list.") from None
    if not isinstance(values, list) or len(values) != size:
        raise ClientError(f"`{argument}` is not a cursor of this list.")
    return values


def _tag(model: type[Model], order: Sequence[str]) -> str:
    """A short fingerprint of the list (its table) and its order, the first value of a cursor."""
    spec = f"{model._meta.db_table}:{','.join(order)}"
    return hashlib.sha256(spec.encode()).hexdigest()[:12]


def _flip(order: Sequence[str]) -> tuple[str, ...]:
    return tuple(spec[1:] if spec.startswith("-") else f"-{spec}" for spec in order)


def _after(order: Sequence[str], values: Sequence[Any]) -> Q:
    """Rows strictly after ``values`` in the lexicographic ``order`` (``-field`` descending)."""
    alternatives = []
    for i, spec in enumerate(order):
        name = spec.lstrip("-")
        op = "lt" if spec.startswith("-") else "gt"
        equal = {o.lstrip("-"): v for o, v in zip(order[:i], values[:i], strict=True)}
        alternatives.append(Q(**equal, **{f"{name}__{op}": values[i]}))
    return Q(*alternatives, join_type="OR")


def _position(model: type[Model], order: Sequence[str], cursor: str, argument: str) -> list[Any]:
    """The sort key a cursor of this list and order points at, typed like its columns."""
    tag, *values = decode_cursor(cursor, len(order) + 1, argument)
    if tag != _tag(model, order):
        raise ClientError(f"`{argument}` is not a cursor of this list.")
    fields_map = model._meta.fields_map
    try:  # back to the column's type: PostgreSQL compares a timestamp with a datetime only
        return [
            fields_map[spec.lstrip("-")].to_python_value(value)
            for spec, value in zip(order, values, strict=True)
        ]
    except (TypeError, ValueError):
        raise ClientError(f"`{argument}` is not a cursor of this list.") from None


async def paginate(
    queryset: QuerySet[ModelT],
    *,
    first: int,
    after: str | None,
    to_node: Callable[[Any], NodeT],
    order: Sequence[str] = ("id",),
    last: int | None = None,
    before: str | None = None,
    columns: Sequence[str] | None = None,
) -> relay.Connection[NodeT]:
    """One page of ``queryset`` in ``order``, whose last field must be unique (the id).

    Forward (``first`` rows after ``after``), or backward when ``before`` or ``last`` is given:
    the ``last`` (else ``first``) rows just before ``before`` (or the list's end), still in
    ``order``. With ``columns`` the rows are read as dicts of those columns (which must include
    the order's), without building a model per row, and ``to_node`` gets the dict."""
    check_first(first)
    if after is not None and before is not None:
        raise ClientError(
            "Give either `after` (next pages) or `before` (previous pages), not both."
        )
    if last is None and before is None:
        return await _forward(
            queryset, first=first, after=after, to_node=to_node, order=order, columns=columns
        )
    if after is not None:
        raise ClientError("`last` pages backward: use it with `before`, not `after`.")
    size = check_first(last, "last") if last is not None else first
    model = queryset.model
    backward = _flip(order)
    if before is not None:
        queryset = queryset.filter(_after(backward, _position(model, order, before, "before")))
    rows = list(await _read(queryset.order_by(*backward).limit(size + 1), columns))
    page = rows[:size][::-1]
    tag = _tag(model, order)
    names = _names(order)
    edges: list[relay.Edge[NodeT]] = [
        LazyEdge(to_node(row), tag, row, names, columns is not None) for row in page
    ]
    return _connection(edges, has_next_page=before is not None, has_previous_page=len(rows) > size)


async def _forward(
    queryset: QuerySet[ModelT],
    *,
    first: int,
    after: str | None,
    to_node: Callable[[Any], NodeT],
    order: Sequence[str],
    columns: Sequence[str] | None,
) -> relay.Connection[NodeT]:
    model = queryset.model
    if after is not None:
        queryset = queryset.filter(_after(order, _position(model, order, after, "after")))
    rows = await _read(queryset.order_by(*order).limit(first + 1), columns)
    tag, names, mapping = _tag(model, order), _names(order), columns is not None
    edges: list[relay.Edge[NodeT]] = [
        LazyEdge(to_node(row), tag, row, names, mapping) for row in rows[:first]
    ]
    return _connection(edges, has_next_page=len(rows) > first, has_previous_page=after is not None)


async def _read(queryset: QuerySet[ModelT], columns: Sequence[str] | None) -> Sequence[Any]:
    """The page's rows: models, or dicts of ``columns``."""
    if columns is None:
        return await queryset
    return await queryset.values(*columns)


def _names(order: Sequence[str]) -> tuple[str, ...]:
    return tuple(spec.lstrip("-") for spec in order)


class LazyEdge(relay.Edge[NodeT]):
    """An edge whose cursor is made when asked: a page's query seldom asks its rows' cursors
    (``pageInfo`` has the two it needs), and making one costs as much as a row's fields. The
    same GraphQL type as ``relay.Edge``. The cursor holds the list's tag and the row's values
    of the order's columns (``names``; a dict's keys when ``mapping``, else attributes)."""

    def __init__(
        self, node: NodeT, tag: str, row: Any, names: tuple[str, ...], mapping: bool
    ) -> None:
        self.node = node
        self._tag = tag
        self._row = row
        self._names = names
        self._mapping = mapping

    @property
    def cursor(self) -> str:  # type: ignore[override]  # read-only here: nothing sets it
        row = self._row
        if self._mapping:
            return encode_cursor([self._tag, *(row[name] for name in self._names)])
        return encode_cursor([self._tag, *(getattr(row, name) for name in self._names)])


def _connection(
    edges: list[relay.Edge[NodeT]], *, has_next_page: bool, has_previous_page: bool
) -> relay.Connection[NodeT]:
    return relay.Connection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=has_next_page,
            has_previous_page=has_previous_page,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )


def position(model: type[Model], order: Sequence[str], cursor: str) -> list[Any]:
    """The sort key an ``after`` cursor of ``model``'s list in ``order`` points at."""
    return _position(model, order, cursor, "after")


def page(
    model: type[Model],
    rows: Sequence[Any],
    *,
    first: int,
    after: str | None,
    to_node: Callable[[Any], NodeT],
    order: Sequence[str],
) -> relay.Connection[NodeT]:
    """The connection of a page of ``model`` in ``order`` read elsewhere (a loader's batch)
    with one row more than ``first``: the same cursors as ``paginate`` gives that list."""
    tag, names = _tag(model, order), _names(order)
    edges: list[relay.Edge[NodeT]] = [
        LazyEdge(to_node(row), tag, row, names, False) for row in rows[:first]
    ]
    return _connection(edges, has_next_page=len(rows) > first, has_previous_page=after is not None)


def connection(
    rows: Sequence[RowT],
    *,
    first: int,
    after: str | None,
    cursor_of: Callable[[RowT], list[Any]],
    to_node: Callable[[RowT], NodeT],
) -> relay.Connection[NodeT]:
    """The connection of a page read with one row more than ``first`` (which tells whether
    there is a next page); ``cursor_of`` gives a row's sort values."""
    edges: list[relay.Edge[NodeT]] = [
        relay.Edge(cursor=encode_cursor(cursor_of(row)), node=to_node(row)) for row in rows[:first]
    ]
    return _connection(edges, has_next_page=len(rows) > first, has_previous_page=after is not None)
