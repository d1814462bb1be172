"""API keys: shown once, stored hashed, acting as their reseller and role; revocable."""

from __future__ import annotations

import httpx
import pytest

from backend.identity.models import ApiKey
from backend.identity.roles import Role
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in

CREATE = """
mutation ($name: String!, $role: Role!) {
  createApiKey(input: {name: $name, role: $role}) {
    apiKey { id name role prefix active lastUsedAt createdBy }
    secret
    userErrors { code message field }
  }
}
"""
REVOKE = """mutation ($id: ID!) {
  revokeApiKey(input: {apiKeyId: $id}) { apiKey { active revokedAt } userErrors { code } } }"""
KEYS = "{ apiKeys { edges { node { name prefix lastUsedAt active } } } }"
WHO = "{ viewer { name role isApiKey reseller { name } } }"

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def owner_client(client: httpx.AsyncClient) -> httpx.AsyncClient:
    await sign_in(client, await make_user(Role.RESELLER_OWNER, await make_reseller("Acme")))
    return client


async def create(client: httpx.AsyncClient, name: str, role: str) -> dict[str, object]:
    body = await graphql(client, CREATE, {"name": name, "role": role})
    result: dict[str, object] = body["data"]["createApiKey"]  # type: ignore[index]
    return result


async def bearer(client: httpx.AsyncClient, secret: str, query: str) -> httpx.Response:
    return await client.post(
        "/graphql",
        json={"query": query},
        headers={"Authorization": f"Bearer {secret}", "Cookie": ""},
    )


async def test_a_key_is_shown_once_stored_hashed_and_authenticates(
    owner_client: httpx.AsyncClient, app: object
) -> None:
    # when
    created = await create(owner_client, "Web shop", "RESELLER_PURCHASER")

    # then the secret is in the answer, and only its hash is stored
    secret = created["secret"]
    assert isinstance(secret, str)
    assert secret.startswith(created["apiKey"]["prefix"] + "_")  # type: ignore[index]
    stored = await ApiKey.get(name="Web shop")
    assert secret not in stored.secret_hash
    assert created["apiKey"]["createdBy"] is not None  # type: ignore[index]

    # and a request with it acts for the reseller with the key's role
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver",  # type: ignore[arg-type]
    ) as server:
        response = await bearer(server, secret, WHO)
    assert response.json()["data"] == {
        "viewer": {
            "name": "API key Web shop (" + stored.prefix + ")",
            "role": "RESELLER_PURCHASER",
            "isApiKey": True,
            "reseller": {"name": "Acme"},
        },
    }

    # and the list shows when it was last used, never the secret
    body = await graphql(owner_client, KEYS)
    [edge] = body["data"]["apiKeys"]["edges"]  # type: ignore[index]
    assert edge["node"]["lastUsedAt"] is not None
    assert secret not in str(body)


async def test_a_revoked_key_is_refused_with_401(
    owner_client: httpx.AsyncClient, app: object
) -> None:
    created = await create(owner_client, "Old shop", "RESELLER_VIEWER")
    revoked = await graphql(owner_client, REVOKE, {"id": created["apiKey"]["id"]})  # type: ignore[index]
    assert revoked["data"]["revokeApiKey"]["apiKey"]["active"] is False  # type: ignore[index]

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver",  # type: ignore[arg-type]
    ) as server:
        response = await bearer(server, str(created["secret"]), WHO)

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["errors"][0]["message"] == "The API key has been revoked."


async def test_an_unknown_key_is_refused_with_401(client: httpx.AsyncClient) -> None:
    response = await bearer(client, "ppk_nothing_at_all", WHO)
    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "The API key is not valid."


@pytest.mark.parametrize(
    ("name", "role", "field", "code"),
    [
        ("", "RESELLER_VIEWER", "name", "REQUIRED"),
        ("x" * 101, "RESELLER_VIEWER", "name", "INVALID"),
        ("Owner key", "RESELLER_OWNER", "role", "INVALID"),
        ("Admin key", "VENDOR_ADMIN", "role", "INVALID"),
    ],
)
async def test_bad_input_names_the_field(
    owner_client: httpx.AsyncClient, name: str, role: str, field: str, code: str
) -> None:
    result = await create(owner_client, name, role)
    assert result["apiKey"] is None
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [  # type: ignore[attr-defined]
        (code, ["input", field])
    ]
    assert await ApiKey.all().count() == 0


async def test_an_api_key_cannot_manage_keys(owner_client: httpx.AsyncClient, app: object) -> None:
    created = await create(owner_client, "Shop", "RESELLER_PURCHASER")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver",  # type: ignore[arg-type]
    ) as server:
        response = await bearer(server, str(created["secret"]), KEYS)
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
