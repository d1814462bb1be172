"""Parsed and validated documents are kept per process; the query limits still refuse every time."""

from __future__ import annotations

import httpx
import pytest
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache

from backend.api.extensions import CACHED_DOCUMENTS, MAX_ALIASES, MAX_QUERY_DEPTH
from tests.conftest import graphql

pytestmark = pytest.mark.usefixtures("db")

DEEP = (
    "{ products { id "
    + "".join("addons { allowedEditions { " for _ in range(MAX_QUERY_DEPTH))
    + "code"
    + " } }" * MAX_QUERY_DEPTH
    + " } }"
)
ALIASES = "{ " + " ".join(f"a{i}: __typename" for i in range(MAX_ALIASES + 1)) + " }"
TOKENS = "{ " + " ".join("__typename" for _ in range(6000)) + " }"


async def test_a_repeated_query_is_parsed_and_validated_once(client: httpx.AsyncClient) -> None:
    query = "query CacheProbe { __typename }"
    parsed = _get_parse_cache(CACHED_DOCUMENTS).cache_info()
    validated = _get_validate_cache(CACHED_DOCUMENTS).cache_info()

    for _ in range(3):
        assert "errors" not in await graphql(client, query)

    parse_info = _get_parse_cache(CACHED_DOCUMENTS).cache_info()
    validate_info = _get_validate_cache(CACHED_DOCUMENTS).cache_info()
    assert parse_info.hits - parsed.hits >= 2
    assert validate_info.hits - validated.hits >= 2
    assert parse_info.maxsize == validate_info.maxsize == CACHED_DOCUMENTS


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (DEEP, "exceeds maximum operation depth"),
        (ALIASES, "aliases found"),
        (TOKENS, "more than 5000 tokens"),
    ],
    ids=["depth", "aliases", "tokens"],
)
async def test_the_limits_refuse_a_query_every_time(
    client: httpx.AsyncClient, query: str, message: str
) -> None:
    for _ in range(3):
        body = await graphql(client, query)
        assert body["data"] is None
        assert message in body["errors"][0]["message"]  # type: ignore[index]
