"""Parsed and validated documents are kept per process; the query limits still refuse every time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
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
        (TOKENS, "more than 1000 tokens"),
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


async def test_a_batch_of_operations_is_refused(client: httpx.AsyncClient) -> None:
    """One operation per request: a batch would multiply a request's cost past every limit."""
    response = await client.post("/graphql", json=[{"query": "{ __typename }"}] * 2)

    assert response.status_code == 400
    assert "batch" in response.text.lower()


def _depth(levels: int) -> str:
    """A valid query ``levels`` fields deep: a license's order, its licenses, their order, ..."""
    inner = "id"
    for level in range(levels - 1):
        inner = f"{'order' if level % 2 == 0 else 'licenses'} {{ {inner} }}"
    return f'{{ license(key: "none") {{ {inner} }} }}'  # no such license: the shape is the test


def _tokens(count: int) -> str:
    """A valid query of exactly ``count`` tokens: spreads of one fragment (2 tokens each, and
    cheap to validate, unlike as many fields side by side)."""
    fields = "__typename" if (count - 9) % 2 == 0 else "__typename __typename"
    spreads = (count - 8 - fields.count(" ") - 1) // 2
    return (
        "{ " + " ".join("...A" for _ in range(spreads)) + f" }} fragment A on Query {{ {fields} }}"
    )


async def test_the_spas_operations_pass_every_limit_with_room_and_one_step_past_fails(
    signed_in: httpx.AsyncClient,
) -> None:
    """The limits are tuned to the SPA's own operations (read from frontend/src): each of them
    validates, its largest depth, alias count and token count lie below the limits, and a query
    one step past a limit is refused while one at the limit is answered."""
    from graphql import TokenKind, parse, validate
    from graphql.language import Lexer, Source
    from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter

    from backend.api.extensions import LIMIT_RULES, MAX_TOKENS
    from backend.api.schema import schema
    from tests.bench.http.operations import _documents, operation

    names = [n for n, text in _documents().items() if not text.lstrip().startswith("fragment")]
    assert len(names) > 40  # the SPA's queries and mutations

    def tokens(text: str) -> int:
        lexer, count = Lexer(Source(text)), 0
        while lexer.advance().kind != TokenKind.EOF:
            count += 1
        return count

    def least(text: str, rules: Callable[[int], list[Any]]) -> int:
        document = parse(text)
        return next(n for n in range(64) if not validate(schema._schema, document, rules(n)))

    depth = aliases = most_tokens = 0
    for name in names:
        text = operation(name)
        assert validate(schema._schema, parse(text, max_tokens=MAX_TOKENS), LIMIT_RULES) == [], name
        depth = max(depth, least(text, lambda n: QueryDepthLimiter(max_depth=n).validation_rules))
        aliases = max(aliases, least(text, lambda n: MaxAliasesLimiter(n).validation_rules))
        most_tokens = max(most_tokens, tokens(text))
    assert depth < MAX_QUERY_DEPTH <= depth + 3
    assert aliases < MAX_ALIASES <= aliases + 15
    assert most_tokens < MAX_TOKENS <= most_tokens * 5

    assert tokens(_tokens(MAX_TOKENS)) == MAX_TOKENS
    assert tokens(_tokens(MAX_TOKENS + 1)) == MAX_TOKENS + 1
    for query, answered in [
        (_depth(MAX_QUERY_DEPTH), True),
        (_depth(MAX_QUERY_DEPTH + 1), False),
        (_tokens(MAX_TOKENS), True),
        (_tokens(MAX_TOKENS + 1), False),
    ]:
        body = await graphql(signed_in, query)
        assert ("errors" not in body) is answered, (query[:60], body)
