"""Every response carries the browser-facing defences of ``backend.web.security_headers``."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from backend.app import create_app
from backend.identity.roles import Role
from backend.settings import Settings, load_settings
from backend.web.security_headers import CONTENT_SECURITY_POLICY
from tests.identity.factories import make_reseller, make_user, sign_in

EXPECTED = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
}


def _client(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/", None),
        ("GET", "/licenses", None),
        ("GET", "/assets/index-abc123.js", None),
        ("POST", "/graphql", {"query": "{ __typename }"}),
        ("GET", "/healthz", None),
        ("GET", "/exports/customers.csv", None),
    ],
)
async def test_every_response_carries_the_headers(
    client: httpx.AsyncClient, method: str, path: str, body: object
) -> None:
    response = await client.request(method, path, json=body)

    for name, value in EXPECTED.items():
        assert response.headers[name] == value, (path, name)
    policy = response.headers["content-security-policy"]
    assert policy == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "strict-transport-security" not in response.headers  # served over plain HTTP


def _production(tmp_path: Path, database_url: str, public_url: str) -> Settings:
    return load_settings(
        {
            "PARTNER_PORTAL_DATA_DIR": str(tmp_path / "data"),
            "PARTNER_PORTAL_DATABASE_URL": database_url,
            "PARTNER_PORTAL_ENV": "production",
            "PARTNER_PORTAL_PUBLIC_URL": public_url,
            "PARTNER_PORTAL_SECRET_KEY": "x" * 64,
        }
    )


async def test_https_adds_strict_transport_security(
    tmp_path: Path, database_url: str, dist: Path, db: str
) -> None:
    settings = _production(tmp_path, database_url, "https://portal.example")
    app = create_app(settings, dist=dist, manage_database=False)
    async with _client(app) as client:
        response = await client.get("/healthz")

    assert response.headers["strict-transport-security"].startswith("max-age=31536000")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


async def test_the_graphiql_page_runs_under_the_policy_too(
    client: httpx.AsyncClient, dist: Path
) -> None:
    (dist / "graphiql").mkdir()
    (dist / "graphiql" / "index.html").write_text("<!doctype html><title>GraphiQL</title>")
    await sign_in(client, await make_user(Role.RESELLER_OWNER, await make_reseller()))

    ide = await client.get("/graphql", headers={"Accept": "text/html"})
    api = await client.get("/graphql?query={__typename}", headers={"Accept": "application/json"})

    assert ide.status_code == 200 and "text/html" in ide.headers["content-type"]
    assert ide.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert ide.headers["x-frame-options"] == "DENY"
    assert api.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


async def test_the_way_to_graphiql_carries_the_policy(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 303
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
