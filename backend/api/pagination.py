"""Cursor connections with keyset pagination: ``first`` (1 to 100) and ``after``.

A cursor is an opaque base64 token holding the sort key of the row it points at, so a page costs
one indexed query however deep it is, and rows inserted meanwhile never shift a page.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from strawberry import relay
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from backend.api.errors import ClientError

MAX_PAGE_SIZE = 100
NodeT = TypeVar("NodeT", bound=relay.Node)
ModelT = TypeVar("ModelT", bound=Model)
RowT = TypeVar("RowT")


def check_first(first: int) -> int:
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise ClientError(f"`first` must be between 1 and {MAX_PAGE_SIZE}, not {first}.")
    return first


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values), default=str).encode()).decode()


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, UnicodeError):
        raise ClientError("`after` is not a cursor of this list.") from None
    if not isinstance(values, list) or len(values) != size:
        raise ClientError("`after` is not a cursor of this list.")
    return values


def _after(order: Sequence[str], values: Sequence[Any]) -> Q:
    """Rows strictly after ``values`` in the lexicographic ``order`` (``-field`` descending)."""
    alternatives = []
    for i, spec in enumerate(order):
        name = spec.lstrip("-")
        op = "lt" if spec.startswith("-") else "gt"
        equal = {o.lstrip("-"): v for o, v in zip(order[:i], values[:i], strict=True)}
        alternatives.append(Q(**equal, **{f"{name}__{op}": values[i]}))
    return Q(*alternatives, join_type="OR")


async def paginate(
    queryset: QuerySet[ModelT],
    *,
    first: int,
    after: str | None,
    to_node: Callable[[ModelT], NodeT],
    order: Sequence[str] = ("id",),
) -> relay.Connection[NodeT]:
    """One page of ``queryset`` in ``order``, whose last field must be unique (the id)."""
    check_first(first)
    if after is not None:
        values = decode_cursor(after, len(order))
        fields_map = queryset.model._meta.fields_map
        try:  # back to the column's type: PostgreSQL compares a timestamp with a datetime only
            typed = [
                fields_map[spec.lstrip("-")].to_python_value(value)
                for spec, value in zip(order, values, strict=True)
            ]
        except (TypeError, ValueError):
            raise ClientError("`after` is not a cursor of this list.") from None
        queryset = queryset.filter(_after(order, typed))
    rows = await queryset.order_by(*order).limit(first + 1)
    return connection(
        rows,
        first=first,
        after=after,
        cursor_of=lambda row: [getattr(row, spec.lstrip("-")) for spec in order],
        to_node=to_node,
    )


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
    edges = [
        relay.Edge(cursor=encode_cursor(cursor_of(row)), node=to_node(row)) for row in rows[:first]
    ]
    return relay.Connection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=len(rows) > first,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
    )
