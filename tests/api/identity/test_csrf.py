"""Cross-site request forgery: JSON POSTs only, and cookies count only from the app's origin."""

from __future__ import annotations

import httpx
import pytest

from backend.identity.roles import Role
from tests.identity.factories import make_user, sign_in

UPDATE = """mutation { updateReseller(input: {resellerId: "UmVzZWxsZXI6MQ==", status: SUSPENDED}) {
  userErrors { code } } }"""
LOGOUT = "mutation { logout(input: {}) { userErrors { code } } }"

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def admin_client(client: httpx.AsyncClient) -> httpx.AsyncClient:
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))
    return client


async def test_a_mutation_from_another_origin_is_refused(admin_client: httpx.AsyncClient) -> None:
    response = await admin_client.post(
        "/graphql", json={"query": LOGOUT}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert response.json()["errors"][0]["message"] == "Requests from other sites are not accepted."


async def test_a_cookie_request_without_origin_or_referer_is_refused(
    admin_client: httpx.AsyncClient,
) -> None:
    del admin_client.headers["Origin"]
    response = await admin_client.post("/graphql", json={"query": LOGOUT})
    assert response.status_code == 403


async def test_a_referer_of_the_app_itself_is_enough(admin_client: httpx.AsyncClient) -> None:
    del admin_client.headers["Origin"]
    response = await admin_client.post(
        "/graphql", json={"query": LOGOUT}, headers={"Referer": "http://testserver/account"}
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
async def test_only_json_bodies_are_accepted(
    admin_client: httpx.AsyncClient, content_type: str
) -> None:
    response = await admin_client.post(
        "/graphql", content=f'{{"query": "{LOGOUT}"}}', headers={"Content-Type": content_type}
    )
    assert response.status_code == 415


async def test_a_post_without_a_content_type_is_refused(admin_client: httpx.AsyncClient) -> None:
    response = await admin_client.post("/graphql", content=f'{{"query": "{LOGOUT}"}}')
    assert "content-type" not in response.request.headers
    assert response.status_code == 415


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "Application/JSON;charset=UTF-8"]
)
async def test_a_json_content_type_may_name_its_charset(
    admin_client: httpx.AsyncClient, content_type: str
) -> None:
    response = await admin_client.post(
        "/graphql",
        content='{"query": "{ viewer { role } }"}',
        headers={"Content-Type": content_type},
    )
    assert response.json()["data"] == {"viewer": {"role": "VENDOR_ADMIN"}}


async def test_a_mutation_over_get_is_refused(admin_client: httpx.AsyncClient) -> None:
    response = await admin_client.get("/graphql", params={"query": LOGOUT})
    assert response.status_code == 405 and response.headers["Allow"] == "POST"
    [error] = response.json()["errors"]
    assert "mutations are not allowed when using GET" in error["message"]


async def test_queries_over_get_work(admin_client: httpx.AsyncClient) -> None:
    response = await admin_client.get("/graphql", params={"query": "{ viewer { role } }"})
    assert response.json()["data"] == {"viewer": {"role": "VENDOR_ADMIN"}}


async def test_an_api_key_request_may_come_from_anywhere(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        json={"query": "{ viewer { role } }"},
        headers={"Origin": "https://partner-shop.example", "Authorization": "Bearer ppk_x_y"},
    )
    assert response.status_code == 401  # judged by the key, not refused as cross-site
