"""Parsed and validated documents are kept per process; the query limits still refuse every time."""

from __future__ import annotations

from uuid import uuid4

import httpx
import pytest
from strawberry.extensions.parser_cache import _get_parse_cache

from backend.api import extensions
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


async def test_a_repeated_query_is_parsed_and_validated_once(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = f"query CacheProbe{uuid4().hex} {{ __typename }}"  # a document no test has sent
    parsed = _get_parse_cache(CACHED_DOCUMENTS).cache_info()
    validated: list[object] = []
    validate = extensions.validate_document

    def counting(schema: object, document: object, rules: object) -> object:
        validated.append(document)
        return validate(schema, document, rules)  # type: ignore[arg-type]

    monkeypatch.setattr(extensions, "validate_document", counting)
    for _ in range(3):
        assert "errors" not in await graphql(client, query)

    parse_info = _get_parse_cache(CACHED_DOCUMENTS).cache_info()
    assert parse_info.hits - parsed.hits >= 2
    assert parse_info.maxsize == CACHED_DOCUMENTS
    assert len(validated) == 1


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
