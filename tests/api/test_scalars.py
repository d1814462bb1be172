"""The Decimal scalar and introspection for typed clients."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest
from graphql import build_client_schema, get_introspection_query, print_schema

from backend.api.money import _parse_decimal, _serialize_decimal
from backend.api.schema import schema
from tests.conftest import graphql


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1249.00"), "1249.00"),
        (Decimal(0).scaleb(-2), "0.00"),
        (Decimal("5E+1"), "50"),
        (Decimal("12.5"), "12.5"),
        (Decimal("-3.10"), "-3.10"),
    ],
)
def test_decimals_leave_in_plain_notation(value: Decimal, text: str) -> None:
    assert _serialize_decimal(value) == text


@pytest.mark.parametrize("value", ["12.50", "0", 7, "-1.5"])
def test_decimals_are_read_exactly(value: str | int) -> None:
    assert _parse_decimal(value) == Decimal(str(value))


@pytest.mark.parametrize("value", ["twelve", "NaN", "Infinity", 1.5, None, ""])
def test_a_value_that_is_not_a_finite_decimal_is_refused(value: object) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message is the scalar's own
        _parse_decimal(value)


async def test_full_introspection_passes_the_limits(signed_in: httpx.AsyncClient) -> None:
    # typed clients (graphql-codegen, gql, Apollo) introspect with this very query, signed in
    # (tests/api/test_introspection.py: strangers may not)
    body = await graphql(signed_in, get_introspection_query(descriptions=True))
    assert "errors" not in body
    client_schema = build_client_schema(body["data"])  # type: ignore[arg-type]
    assert print_schema(client_schema) == print_schema(schema._schema)
