"""Text no database stores (NUL, a lone UTF-16 surrogate) is refused before a request runs.

Found by the fuzzer (tests/fuzz): a lone surrogate in a String variable crashed the resolver that
hashed or stored it (a masked INTERNAL_SERVER_ERROR), one in an enum variable crashed the
answer itself (graphql-core quotes the bad value in its error, which no JSON encoder writes: a
plain 500), and NUL failed every PostgreSQL statement it reached. The JSON bodies below are
written by hand: an HTTP client would not encode a lone surrogate, a server still receives one.
"""

from __future__ import annotations

import json

import httpx
import pytest

from backend.api.text_inputs import variable_problem
from tests.conftest import graphql

LICENSE = "query ($key: String!) { license(key: $key) { id } }"
LICENSES = (
    "query ($order: LicenseOrder) { licenses(first: 1, orderBy: $order) { edges { cursor } } }"
)
RESET = (
    "mutation ($input: RequestPasswordResetInput!) "
    "{ requestPasswordReset(input: $input) { userErrors { code } } }"
)


async def _post(client: httpx.AsyncClient, query: str, variables_json: str) -> httpx.Response:
    body = '{"query": %s, "variables": %s}' % (json.dumps(query), variables_json)  # noqa: UP031
    return await client.post(
        "/graphql", content=body.encode(), headers={"Content-Type": "application/json"}
    )


@pytest.mark.parametrize(
    ("query", "variables_json", "message"),
    [
        (
            LICENSE,
            r'{"key": "ABC\ud800DEF"}',
            "Variable '$key' holds a lone UTF-16 surrogate (U+D800), which is not valid Unicode.",
        ),
        (
            LICENSES,  # an enum value: its error quoted the value and the answer failed (500)
            r'{"order": {"field": "CREATED\udfff", "direction": "ASC"}}',
            "Variable '$order' holds a lone UTF-16 surrogate (U+DFFF), which is not valid Unicode"
            " at .field.",
        ),
        (
            LICENSES,
            r'{"order": {"fi\udc00eld": "CREATED_AT", "direction": "ASC"}}',
            "Variable '$order' has a field name that holds a lone UTF-16 surrogate (U+DC00), "
            "which is not valid Unicode.",
        ),
        (
            RESET,
            r'{"input": {"email": "pat\u0000@example.com"}}',
            "Variable '$input' holds the NUL character (U+0000), which text may not contain at "
            ".email.",
        ),
    ],
)
async def test_a_variable_holding_text_no_database_stores_is_refused(
    signed_in: httpx.AsyncClient, query: str, variables_json: str, message: str
) -> None:
    response = await _post(signed_in, query, variables_json)

    assert response.status_code == 200, response.text
    body = response.json()
    assert "data" not in body or body["data"] is None
    [error] = body["errors"]
    assert error["message"] == message
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    assert error["locations"]  # the variable's definition


async def test_a_string_literal_holding_nul_is_refused_at_its_place(
    signed_in: httpx.AsyncClient,
) -> None:
    body = await graphql(signed_in, '{ license(key: "ABC\\u0000DEF") { id } }')

    [error] = body["errors"]  # type: ignore[misc]
    assert error["message"] == (
        "A string in the query holds the NUL character (U+0000), which text may not contain."
    )
    assert error["locations"] == [{"line": 1, "column": 16}]  # the literal


async def test_text_outside_the_basic_plane_and_escapes_pass(signed_in: httpx.AsyncClient) -> None:
    # a surrogate pair is one character (U+1F600): valid Unicode, as is any other escape
    response = await _post(signed_in, LICENSE, r'{"key": "\ud83d\ude00-\u00e9\t"}')
    literal = await graphql(signed_in, '{ license(key: "\\u00e9\\uD83D\\uDE00") { id } }')

    assert response.json()["data"] == {"license": None}
    assert "errors" not in response.json()
    assert literal["data"] == {"license": None}
    assert "errors" not in literal


def test_the_path_inside_a_variable_is_named() -> None:
    value = {"lines": [{"note": "ok"}, {"note": "x\x00"}]}

    assert variable_problem("input", value) == (
        "Variable '$input' holds the NUL character (U+0000), which text may not contain at "
        ".lines[1].note."
    )
    assert variable_problem("input", {"lines": ["é", 1, None, True]}) is None
