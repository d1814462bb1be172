"""Serving the SPA, its assets and the health check."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from backend.app import create_app
from backend.settings import Settings
from backend.web import health


async def test_client_side_routes_get_the_app(client: httpx.AsyncClient) -> None:
    for path in ("/", "/shop", "/licenses/ABC-123", "/account/api-keys"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert "<title>Partner Portal</title>" in response.text
        assert response.headers["cache-control"] == "no-cache"


async def test_hashed_assets_are_cached_for_good(client: httpx.AsyncClient) -> None:
    response = await client.get("/assets/index-abc123.js")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


async def test_a_missing_asset_is_a_404_not_the_app(client: httpx.AsyncClient) -> None:
    for path in ("/assets/index-old999.js", "/favicon.ico", "/robots.txt"):
        response = await client.get(path)
        assert response.status_code == 404, path


async def test_root_files_of_the_build_are_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/favicon.svg")
    assert response.status_code == 200
    assert "max-age=3600" in response.headers["cache-control"]


async def test_unknown_api_paths_are_404(client: httpx.AsyncClient) -> None:
    for path in ("/graphql/nope", "/exports/nope.csv", "/.well-known/x"):
        response = await client.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"error": "not found"}


async def test_an_invoices_pdf_is_the_apis_not_the_apps(client: httpx.AsyncClient) -> None:
    response = await client.get("/invoices/SW52b2ljZToy/pdf")
    assert response.status_code == 401  # the PDF route's answer without a session


async def test_pages_of_the_app_that_share_a_prefix_with_the_api_are_the_app(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/invoices", "/invoices/SW52b2ljZToy"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert "Partner Portal" in response.text


async def test_path_traversal_stays_inside_the_build(client: httpx.AsyncClient) -> None:
    response = await client.get("/..%2f..%2fetc%2fpasswd")
    assert "root:" not in response.text


async def test_an_unbuilt_app_says_how_to_build_it(
    settings: Settings, tmp_path: Path, db: str
) -> None:
    app = create_app(settings, dist=tmp_path / "missing", manage_database=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
        response = await client.get("/shop")
    assert response.status_code == 503
    assert "make run" in response.text


async def test_healthz(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert len(response.headers["x-request-id"]) == 32


async def test_healthz_reports_a_database_that_does_not_answer(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Unreachable:
        async def execute_query(self, sql: str) -> None:
            raise OSError("connection refused")

    monkeypatch.setattr(health.connections, "get", lambda name: Unreachable())
    response = await client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}
