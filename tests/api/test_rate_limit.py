"""Rate limiting on query cost (``backend.api.rate_limit``): a budget of points per caller and
window, the RateLimit headers, a refusal that runs nothing and spends nothing, a budget per API
key, session and address, and on PostgreSQL one budget shared by every server process."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace
from typing import Any

import httpx
import pytest
from tortoise import connections

from backend.api.rate_limit import InProcessLimiter, PostgresLimiter, limiter_for
from backend.identity.api_keys import create_api_key
from backend.identity.models import ApiKey
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.settings import Settings
from tests.conftest import ENGINE
from tests.identity.factories import make_reseller, make_user, sign_in
from tests.support.servers import ServerProcess

BUDGET = 4
VIEWER = "{ viewer { email } }"
CREATE_KEY = 'mutation { createApiKey(input: {name: "Shop", role: RESELLER_VIEWER}) { secret } }'


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, rate_limit_points=BUDGET, rate_limit_window=3600)


async def post(client: httpx.AsyncClient, query: str, **headers: str) -> httpx.Response:
    return await client.post("/graphql", json={"query": query}, headers=headers)


@pytest.fixture
async def owner(client: httpx.AsyncClient, db: str) -> httpx.AsyncClient:
    await sign_in(client, await make_user(Role.RESELLER_OWNER, await make_reseller()))
    return client


async def test_each_response_carries_the_budget_in_headers_and_extensions(
    owner: httpx.AsyncClient,
) -> None:
    response = await post(owner, VIEWER)

    assert response.status_code == 200
    reset = int(response.headers["RateLimit-Reset"])
    assert 3590 < reset <= 3600
    assert response.headers["RateLimit-Policy"] == f'"points";q={BUDGET};w=3600'
    assert response.headers["RateLimit"] == f'"points";r={BUDGET - 1};t={reset}'
    assert response.headers["RateLimit-Limit"] == str(BUDGET)
    assert response.headers["RateLimit-Remaining"] == str(BUDGET - 1)
    assert "Retry-After" not in response.headers
    report = response.json()["extensions"]["cost"]
    assert report["points"] == 1 and report["possibleNodes"] == 0
    assert (report["limit"], report["remaining"]) == (BUDGET, BUDGET - 1)
    assert report["resetAt"].endswith("Z")


async def test_over_its_budget_a_caller_is_refused_whole_until_the_window_resets(
    owner: httpx.AsyncClient, settings: Settings
) -> None:
    # given a session that spent its budget
    for _ in range(BUDGET):
        assert (await post(owner, VIEWER)).status_code == 200

    # when it asks for a change
    refused = await post(owner, CREATE_KEY)

    # then it is refused with 429, nothing runs
    assert refused.status_code == 429
    body = refused.json()
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["message"].startswith("Rate limit exceeded: this request costs 1 points and 0")
    assert refused.headers["RateLimit-Remaining"] == "0"
    assert refused.headers["Retry-After"] == refused.headers["RateLimit-Reset"]
    assert await ApiKey.all().count() == 0

    # and when the window has passed, the same request goes through
    limiter = limiter_for(settings)
    clock = limiter.clock  # type: ignore[attr-defined]
    limiter.clock = lambda: clock() + 3600  # type: ignore[attr-defined]
    again = await post(owner, CREATE_KEY)
    assert again.status_code == 200 and again.json()["data"]["createApiKey"]["secret"]
    assert again.headers["RateLimit-Remaining"] == str(BUDGET - 1)


async def test_a_request_that_does_not_fit_spends_nothing(owner: httpx.AsyncClient) -> None:
    # given two points left
    for _ in range(BUDGET - 2):
        await post(owner, VIEWER)

    # when a document of three mutations (three points) comes, it is refused
    three = (
        "mutation { " + " ".join(f"{a}: logout {{ userErrors {{ code }} }}" for a in "abc") + " }"
    )
    refused = await post(owner, three)
    assert refused.status_code == 429
    assert refused.headers["RateLimit-Remaining"] == "2"

    # and the two points are still there, for one-point requests
    assert [(await post(owner, VIEWER)).status_code for _ in range(3)] == [200, 200, 429]


async def test_api_keys_sessions_and_addresses_each_have_their_own_budget(
    owner: httpx.AsyncClient, app: Any
) -> None:
    for _ in range(BUDGET):
        await post(owner, VIEWER)
    assert (await post(owner, VIEWER)).status_code == 429

    reseller_owner = await make_user(Role.RESELLER_OWNER, await make_reseller())
    _, secret = await create_api_key(
        actor=actor_for(reseller_owner), reseller_id=None, name="Shop", role=Role.RESELLER_VIEWER
    )
    keyed = await post(owner, VIEWER, Authorization=f"Bearer {secret}")
    assert keyed.status_code == 200 and keyed.headers["RateLimit-Remaining"] == str(BUDGET - 1)

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as anonymous:
        response = await post(anonymous, "{ __typename }")
        assert response.status_code == 200
        assert response.headers["RateLimit-Remaining"] == str(BUDGET - 1)


async def test_an_invalid_request_is_not_charged(owner: httpx.AsyncClient) -> None:
    assert (await post(owner, "{ nothingHere }")).status_code == 200
    assert (await post(owner, VIEWER)).headers["RateLimit-Remaining"] == str(BUDGET - 1)


async def test_concurrent_requests_of_one_caller_never_spend_more_than_the_budget(
    settings: Settings, db: str
) -> None:
    # one limiter of the run's engine, fifty spends at once (on PostgreSQL, on the pool's
    # connections: the upsert's row lock decides)
    kind = PostgresLimiter if ENGINE == "postgres" else InProcessLimiter
    limiter = kind(points=20, window=3600)
    allowed = await asyncio.gather(*(limiter.spend("key:1", 1) for _ in range(50)))
    assert Counter(a.allowed for a in allowed) == {True: 20, False: 30}
    assert sorted(a.remaining for a in allowed if a.allowed) == list(range(20))
    if ENGINE == "postgres":
        [row] = await connections.get("default").execute_query_dict(
            "SELECT used, allowed FROM identity_rate_limit_window WHERE key = 'key:1'"
        )
        assert row == {"used": 20, "allowed": False}


@pytest.mark.skipif(ENGINE != "postgres", reason="several processes share one PostgreSQL database")
async def test_two_server_processes_draw_on_one_budget(settings: Settings, db: str) -> None:
    # given a partner's API key and two processes allowing it ten points an hour
    reseller_owner = await make_user(Role.RESELLER_OWNER, await make_reseller())
    _, secret = await create_api_key(
        actor=actor_for(reseller_owner), reseller_id=None, name="Shop", role=Role.RESELLER_VIEWER
    )
    env = {"PARTNER_PORTAL_RATE_LIMIT_POINTS": "10"}
    with (
        ServerProcess(settings.database_url, settings.data_dir, env=env) as one,
        ServerProcess(settings.database_url, settings.data_dir, env=env) as two,
    ):
        # when thirty requests go at once, alternately to each
        async with httpx.AsyncClient(timeout=60) as http:
            responses = await asyncio.gather(
                *(
                    http.post(
                        f"{(one, two)[n % 2].base_url}/graphql",
                        json={"query": VIEWER},
                        headers={"Authorization": f"Bearer {secret}"},
                    )
                    for n in range(30)
                )
            )

    # then ten are answered and twenty refused, whichever process took them
    assert Counter(r.status_code for r in responses) == {200: 10, 429: 20}
    assert {r.headers["RateLimit-Remaining"] for r in responses if r.status_code == 429} == {"0"}
