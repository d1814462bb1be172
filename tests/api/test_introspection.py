"""Introspection answers signed-in callers and API keys only; errors suggest no field names."""

from __future__ import annotations

import httpx
import pytest

from backend.api.extensions import INTROSPECTION_REFUSED
from tests.conftest import graphql

pytestmark = pytest.mark.usefixtures("db")

SCHEMA = "{ __schema { queryType { name } } }"
TYPE = '{ __type(name: "License") { name } }'
IN_A_FRAGMENT = "query { ...F } fragment F on Query { __schema { queryType { name } } }"


@pytest.mark.parametrize("query", [SCHEMA, TYPE, IN_A_FRAGMENT], ids=["schema", "type", "fragment"])
async def test_a_stranger_cannot_introspect(client: httpx.AsyncClient, query: str) -> None:
    body = await graphql(client, query)

    assert body["data"] is None
    [error] = body["errors"]  # type: ignore[misc]
    assert error["message"] == INTROSPECTION_REFUSED
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_stranger_may_ask_the_typename(client: httpx.AsyncClient) -> None:
    assert await graphql(client, "{ __typename }") == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize("query", [SCHEMA, TYPE, IN_A_FRAGMENT], ids=["schema", "type", "fragment"])
async def test_a_signed_in_caller_can_introspect(signed_in: httpx.AsyncClient, query: str) -> None:
    body = await graphql(signed_in, query)

    assert "errors" not in body, body
    assert body["data"]


async def test_an_invalid_query_is_told_its_error_without_suggestions(
    client: httpx.AsyncClient,
) -> None:
    body = await graphql(client, "{ viewr { id } __schema { queryType { name } } }")

    messages = [e["message"] for e in body["errors"]]  # type: ignore[index]
    assert messages == ["Cannot query field 'viewr' on type 'Query'."]  # no "Did you mean"
