"""The answer's media type and status code follow the GraphQL over HTTP specification.

``application/graphql-response+json`` when the client names it at least as gladly as
``application/json``; with it, a request that fails before execution answers 4xx without a
``data`` entry, one that executed answers 200. ``application/json`` keeps 200 for both.
"""

from __future__ import annotations

import httpx
import pytest

from backend.api.app import GRAPHQL_RESPONSE_JSON, JSON, negotiate
from backend.api.extensions import INTROSPECTION_REFUSED
from backend.identity.roles import Role
from tests.identity.factories import make_user, sign_in

pytestmark = pytest.mark.usefixtures("db")

TYPENAME = "{ __typename }"
SYNTAX_ERROR = "{"
UNKNOWN_FIELD = "{ notAField }"
UNCOERCIBLE = {
    "query": "query ($s: Boolean!) { __typename @skip(if: $s) }",
    "variables": {"s": None},
}
SIGNED_IN_ONLY = "{ cart { lines { id } } }"
"""Valid, and refused while it executes (``Sign in first.``, with the field's path)."""
INTROSPECTION = "{ __schema { queryType { name } } }"
URQL_ACCEPT = (
    "application/graphql-response+json, application/graphql+json, application/json, "
    "text/event-stream, multipart/mixed"
)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),
        ("", JSON),
        ("application/json", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", JSON),
        (GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_JSON),
        (URQL_ACCEPT, GRAPHQL_RESPONSE_JSON),
        ("application/json, application/graphql-response+json;q=0.9", JSON),
        ("Application/GraphQL-Response+JSON; charset=utf-8, */*;q=0.1", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json;q=0, application/json", JSON),
        ("text/html", None),
        ("application/json;q=0", None),
        ("application/json;q=0, */*", None),  # the most specific range decides
        ("application/json;q=2", None),  # not a quality: refused rather than guessed
        ("*/*;q=0", None),
    ],
)
def test_the_media_type_follows_the_accept_header(accept: str | None, expected: str | None) -> None:
    assert negotiate(accept) == expected


async def _post(client: httpx.AsyncClient, body: dict[str, object], accept: str) -> httpx.Response:
    return await client.post("/graphql", json=body, headers={"Accept": accept})


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (GRAPHQL_RESPONSE_JSON, GRAPHQL_RESPONSE_JSON),
        (URQL_ACCEPT, GRAPHQL_RESPONSE_JSON),
        (JSON, JSON),
        ("*/*", JSON),
    ],
)
async def test_an_answer_has_the_negotiated_content_type(
    client: httpx.AsyncClient, accept: str, media_type: str
) -> None:
    response = await _post(client, {"query": TYPENAME}, accept)

    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.json()["data"] == {"__typename": "Query"}


async def test_a_get_answers_in_the_negotiated_type_too(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql", params={"query": TYPENAME}, headers={"Accept": GRAPHQL_RESPONSE_JSON}
    )

    assert response.status_code == 200
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_JSON


@pytest.mark.parametrize(
    "body",
    [{"query": SYNTAX_ERROR}, {"query": UNKNOWN_FIELD}, UNCOERCIBLE],
    ids=["parsing", "validation", "variable coercion"],
)
async def test_a_request_failing_before_execution_is_a_400_without_data(
    client: httpx.AsyncClient, body: dict[str, object]
) -> None:
    response = await _post(client, body, GRAPHQL_RESPONSE_JSON)

    assert response.status_code == 400
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_JSON
    payload = response.json()
    assert "data" not in payload
    assert payload["errors"][0]["message"]


@pytest.mark.parametrize(
    "body",
    [{"query": SYNTAX_ERROR}, {"query": UNKNOWN_FIELD}, UNCOERCIBLE],
    ids=["parsing", "validation", "variable coercion"],
)
async def test_with_application_json_such_a_request_is_a_200_with_null_data(
    client: httpx.AsyncClient, body: dict[str, object]
) -> None:
    response = await _post(client, body, JSON)

    assert response.status_code == 200
    assert response.headers["content-type"] == JSON
    assert response.json()["data"] is None


async def test_an_operation_that_executed_is_a_200_even_when_refused(
    client: httpx.AsyncClient,
) -> None:
    response = await _post(client, {"query": SIGNED_IN_ONLY}, GRAPHQL_RESPONSE_JSON)

    assert response.status_code == 200
    payload = response.json()
    assert payload["data"] is None
    assert payload["errors"][0]["path"] == ["cart"]
    assert payload["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_an_anonymous_introspection_is_a_401(client: httpx.AsyncClient) -> None:
    response = await _post(client, {"query": INTROSPECTION}, GRAPHQL_RESPONSE_JSON)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    payload = response.json()
    assert "data" not in payload
    assert payload["errors"] == [
        {"message": INTROSPECTION_REFUSED, "extensions": {"code": "UNAUTHENTICATED"}}
    ]


async def test_a_signed_in_introspection_is_answered(client: httpx.AsyncClient) -> None:
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))

    response = await _post(client, {"query": INTROSPECTION}, GRAPHQL_RESPONSE_JSON)

    assert response.status_code == 200
    assert response.json()["data"] == {"__schema": {"queryType": {"name": "Query"}}}


@pytest.mark.parametrize("accept", ["text/html", "application/json;q=0"])
async def test_a_client_accepting_neither_type_gets_406(
    client: httpx.AsyncClient, accept: str
) -> None:
    response = await _post(client, {"query": TYPENAME}, accept)

    assert response.status_code == 406
    assert response.headers["content-type"] == JSON
    assert GRAPHQL_RESPONSE_JSON in response.json()["errors"][0]["message"]


async def test_a_get_without_a_query_is_not_negotiated(client: httpx.AsyncClient) -> None:
    # the browser's address bar: GraphiQL's page (for a stranger, the way to sign in), not a 406
    response = await client.get("/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fgraphql"


async def test_a_refused_api_key_answers_in_the_negotiated_type(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/graphql",
        json={"query": TYPENAME},
        headers={"Accept": GRAPHQL_RESPONSE_JSON, "Authorization": "Bearer ppk_x_y"},
    )

    assert response.status_code == 401
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_JSON
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert response.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}


@pytest.mark.parametrize(
    ("method", "body", "headers", "status", "code", "message"),
    [
        (
            "POST",
            b"{not json",
            {"Content-Type": "application/json"},
            400,
            "BAD_REQUEST",
            "Unable to parse request body as JSON",
        ),
        (
            "POST",
            b'{"variables": {}}',
            {"Content-Type": "application/json"},
            400,
            "BAD_REQUEST",
            "No GraphQL query found in the request",
        ),
        ("PUT", b"", {}, 405, "METHOD_NOT_ALLOWED", "GraphQL only supports GET and POST requests."),
    ],
)
async def test_a_request_that_cannot_be_read_gets_a_graphql_error_in_json(
    client: httpx.AsyncClient,
    method: str,
    body: bytes,
    headers: dict[str, str],
    status: int,
    code: str,
    message: str,
) -> None:
    response = await client.request(
        method, "/graphql", content=body, headers={**headers, "Accept": GRAPHQL_RESPONSE_JSON}
    )

    assert response.status_code == status
    assert response.headers["content-type"] == GRAPHQL_RESPONSE_JSON
    assert response.json() == {"errors": [{"message": message, "extensions": {"code": code}}]}
    if status == 405:
        assert response.headers["Allow"] == "GET, POST"


async def test_a_mutation_over_get_is_refused_in_json(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql", params={"query": "mutation { logout { userErrors { code } } }"}
    )

    assert response.status_code == 405
    assert response.headers["content-type"] == JSON
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "METHOD_NOT_ALLOWED"}
    assert response.headers["Allow"] == "POST"


async def test_an_answer_quoting_a_lone_surrogate_is_still_json(client: httpx.AsyncClient) -> None:
    # an unknown operation name, quoted by the error, holding what no UTF-8 can encode
    body = '{"query": "query A { __typename }", "operationName": "B\\ud800"}'
    response = await client.post(
        "/graphql", content=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error == {
        "message": 'Unknown operation named "B\ud800".',
        "extensions": {"code": "BAD_REQUEST"},
    }
