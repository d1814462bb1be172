"""A request that fails because the database is away answers 503 with a JSON error and
``Retry-After`` (``backend.web.database_unavailable``); any other failure stays a 500."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from backend.postgres_engine import DatabaseUnavailable
from backend.web import auth
from backend.web.database_unavailable import DatabaseUnavailableAnswer


async def test_an_api_call_while_the_database_is_away_answers_503(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def away(*args: object, **kwargs: object) -> None:
        raise DatabaseUnavailable("PostgreSQL has not accepted connections for 5 s")

    monkeypatch.setattr(auth, "actor_from_api_key", away)  # the first query of the request
    response = await client.post(
        "/graphql",
        json={"query": "{ viewer { email } }"},
        headers={"Authorization": "Bearer pp_some_key"},
    )

    assert response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert response.json() == {
        "errors": [
            {
                "message": "The service is briefly unavailable; try again in a few seconds.",
                "extensions": {"code": "SERVICE_UNAVAILABLE"},
            }
        ]
    }
    # the answer went through the other middleware: request id and security headers
    assert len(response.headers["x-request-id"]) == 32
    assert response.headers["x-content-type-options"] == "nosniff"


async def _fails(request: Request) -> Response:
    kind = request.query_params["with"]
    if kind == "lost":
        raise asyncpg.ConnectionDoesNotExistError("connection was closed in the middle")
    if kind == "rollback":
        try:
            raise asyncpg.AdminShutdownError("terminating connection")
        except asyncpg.AdminShutdownError:
            raise asyncpg.InterfaceError("cannot call Transaction.rollback(): closed") from None
    if kind == "duplicate":
        raise asyncpg.UniqueViolationError("duplicate key value")

    async def body() -> AsyncIterator[bytes]:
        yield b"id,email\n"
        raise DatabaseUnavailable("away midway")

    return StreamingResponse(body(), media_type="text/csv")


@pytest.fixture
def bare() -> httpx.AsyncClient:
    app = Starlette(
        routes=[Route("/fails", _fails)], middleware=[Middleware(DatabaseUnavailableAnswer)]
    )
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://t")


@pytest.mark.parametrize("kind", ["lost", "rollback"])
async def test_a_lost_connection_on_any_route_answers_503(
    bare: httpx.AsyncClient, kind: str
) -> None:
    response = await bare.get("/fails", params={"with": kind})
    assert response.status_code == 503
    assert response.json()["errors"][0]["extensions"] == {"code": "SERVICE_UNAVAILABLE"}


async def test_other_database_errors_stay_500(bare: httpx.AsyncClient) -> None:
    response = await bare.get("/fails", params={"with": "duplicate"})
    assert response.status_code == 500


async def test_an_answer_already_begun_is_not_replaced(bare: httpx.AsyncClient) -> None:
    response = await bare.get("/fails", params={"with": "streaming"})
    assert response.status_code == 200  # cut short, as the server can only close it
    assert response.text == "id,email\n"
