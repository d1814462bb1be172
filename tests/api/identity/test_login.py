"""Signing in and out: the cookie, the throttle, sessions that end."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import httpx
import pytest

from backend import clock
from backend.accounts.models import ResellerStatus
from backend.identity import throttle
from backend.identity.models import Session
from backend.identity.roles import Role
from tests.conftest import graphql
from tests.identity.factories import DEMO_PASSWORD, make_reseller, make_user

LOGIN = """
mutation ($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) {
    viewer { email role reseller { name } }
    userErrors { code message field }
  }
}
"""
LOGOUT = """mutation ($everywhere: Boolean!) {
  logout(input: {everywhere: $everywhere}) { userErrors { code } } }"""
VIEWER = "{ viewer { email role } }"

pytestmark = pytest.mark.usefixtures("db")


async def login(client: httpx.AsyncClient, email: str, password: str) -> dict[str, object]:
    body = await graphql(client, LOGIN, {"email": email, "password": password})
    result: dict[str, object] = body["data"]["login"]  # type: ignore[index]
    return result


async def test_login_sets_an_http_only_session_cookie_and_viewer_follows(
    client: httpx.AsyncClient,
) -> None:
    # given
    reseller = await make_reseller("Acme")
    await make_user(Role.RESELLER_OWNER, reseller, email="owner@acme.example")

    # when
    response = await client.post(
        "/graphql",
        json={
            "query": LOGIN,
            "variables": {"email": " Owner@Acme.example ", "password": DEMO_PASSWORD},
        },
    )

    # then
    assert response.json()["data"]["login"] == {
        "viewer": {
            "email": "owner@acme.example",
            "role": "RESELLER_OWNER",
            "reseller": {"name": "Acme"},
        },
        "userErrors": [],
    }
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("pp_session=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Path=/" in cookie
    body = await graphql(client, VIEWER)
    assert body["data"] == {"viewer": {"email": "owner@acme.example", "role": "RESELLER_OWNER"}}


async def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(
    client: httpx.AsyncClient,
) -> None:
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")

    wrong_password = await login(client, "admin@vendor.example", "not the password")
    unknown = await login(client, "nobody@vendor.example", "not the password")

    assert (
        wrong_password
        == unknown
        == {
            "viewer": None,
            "userErrors": [
                {
                    "code": "INVALID_CREDENTIALS",
                    "field": None,
                    "message": "The email or password is not right.",
                }
            ],
        }
    )
    assert (await graphql(client, VIEWER))["data"] == {"viewer": None}


async def test_repeated_failures_lock_the_account_for_a_while(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an account under attack
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")
    start = clock.now()
    monkeypatch.setattr(clock, "now", lambda: start)
    for _ in range(throttle.ACCOUNT.attempts):
        result = await login(client, "admin@vendor.example", "guess")
        assert result["userErrors"][0]["code"] == "INVALID_CREDENTIALS"  # type: ignore[index]

    # when the right password comes next
    refused = await login(client, "admin@vendor.example", DEMO_PASSWORD)

    # then it is refused without being checked, with a clear message
    assert refused["viewer"] is None
    [error] = refused["userErrors"]  # type: ignore[misc]
    assert error["code"] == "THROTTLED"
    assert error["message"] == "Too many attempts. Try again in 15 minutes."

    # and once the window has passed, the right password works
    monkeypatch.setattr(
        clock, "now", lambda: start + throttle.ACCOUNT.window + timedelta(seconds=1)
    )
    assert (await login(client, "admin@vendor.example", DEMO_PASSWORD))["userErrors"] == []


async def test_a_success_clears_the_failures(client: httpx.AsyncClient) -> None:
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")
    for _ in range(throttle.ACCOUNT.attempts - 1):
        await login(client, "admin@vendor.example", "guess")
    assert (await login(client, "admin@vendor.example", DEMO_PASSWORD))["userErrors"] == []
    for _ in range(throttle.ACCOUNT.attempts - 1):
        await login(client, "admin@vendor.example", "guess")
    assert (await login(client, "admin@vendor.example", DEMO_PASSWORD))["userErrors"] == []


async def test_one_address_guessing_many_accounts_is_throttled(client: httpx.AsyncClient) -> None:
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")
    for n in range(throttle.ADDRESS.attempts):
        await login(client, f"user{n}@vendor.example", "guess")

    result = await login(client, "admin@vendor.example", DEMO_PASSWORD)

    assert result["userErrors"][0]["code"] == "THROTTLED"  # type: ignore[index]


async def test_a_burst_of_concurrent_guesses_checks_at_most_the_limit(
    client: httpx.AsyncClient,
) -> None:
    # given
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")

    # when twenty guesses arrive at once
    results = await asyncio.gather(
        *(login(client, "admin@vendor.example", f"guess {n}") for n in range(20))
    )

    # then no more than the limit were checked: the rest were refused unseen
    codes = [r["userErrors"][0]["code"] for r in results]  # type: ignore[index]
    assert codes.count("INVALID_CREDENTIALS") <= throttle.ACCOUNT.attempts
    assert codes.count("THROTTLED") >= 20 - throttle.ACCOUNT.attempts


async def test_after_logout_the_session_is_dead_even_with_the_old_cookie(
    client: httpx.AsyncClient,
) -> None:
    # given a signed-in user whose cookie an attacker copied
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")
    await login(client, "admin@vendor.example", DEMO_PASSWORD)
    stolen = client.cookies["pp_session"]

    # when the user signs out
    response = await client.post(
        "/graphql", json={"query": LOGOUT, "variables": {"everywhere": False}}
    )

    # then the cookie is cleared, and the copied one no longer works
    assert 'pp_session=""' in response.headers["set-cookie"]
    client.cookies.set("pp_session", stolen)
    assert (await graphql(client, VIEWER))["data"] == {"viewer": None}
    assert await Session.filter(revoked_at__isnull=False).count() == 1


async def test_logout_everywhere_ends_every_session(client: httpx.AsyncClient) -> None:
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")
    await login(client, "admin@vendor.example", DEMO_PASSWORD)
    laptop = client.cookies["pp_session"]
    await login(client, "admin@vendor.example", DEMO_PASSWORD)

    await graphql(client, LOGOUT, {"everywhere": True})

    client.cookies.set("pp_session", laptop)
    assert (await graphql(client, VIEWER))["data"] == {"viewer": None}
    assert await Session.filter(revoked_at__isnull=True).count() == 0


async def test_an_expired_session_is_anonymous(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")
    await login(client, "admin@vendor.example", DEMO_PASSWORD)
    later = clock.now() + timedelta(days=15)
    monkeypatch.setattr(clock, "now", lambda: later)

    assert (await graphql(client, VIEWER))["data"] == {"viewer": None}


async def test_a_suspended_reseller_cannot_sign_in_and_its_sessions_stop(
    client: httpx.AsyncClient,
) -> None:
    reseller = await make_reseller("Acme")
    await make_user(Role.RESELLER_OWNER, reseller, email="owner@acme.example")
    await login(client, "owner@acme.example", DEMO_PASSWORD)

    reseller.status = ResellerStatus.SUSPENDED
    await reseller.save()

    assert (await graphql(client, VIEWER))["data"] == {"viewer": None}
    result = await login(client, "owner@acme.example", DEMO_PASSWORD)
    assert result["userErrors"][0]["code"] == "PERMISSION_DENIED"  # type: ignore[index]
    assert "suspended" in result["userErrors"][0]["message"]  # type: ignore[index]


async def test_production_cookies_are_secure_and_host_only(
    client: httpx.AsyncClient, app: object
) -> None:
    from dataclasses import replace

    from backend.app import create_app
    from backend.settings import Environment

    settings = replace(app.state.settings, env=Environment.PRODUCTION)  # type: ignore[attr-defined]
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")
    transport = httpx.ASGITransport(app=create_app(settings, manage_database=False))
    async with httpx.AsyncClient(
        transport=transport,
        base_url="https://partners.test",
        headers={"Origin": "https://partners.test"},
    ) as production:
        response = await production.post(
            "/graphql",
            json={
                "query": LOGIN,
                "variables": {"email": "admin@vendor.example", "password": DEMO_PASSWORD},
            },
        )
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-pp_session=")
    assert "Secure" in cookie


async def test_signing_in_again_replaces_the_session_and_a_failure_keeps_it(
    client: httpx.AsyncClient,
) -> None:
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")
    await login(client, "admin@vendor.example", DEMO_PASSWORD)
    first = client.cookies["pp_session"]

    await login(client, "admin@vendor.example", "wrong password")
    assert (await graphql(client, VIEWER))["data"]["viewer"] is not None  # type: ignore[index]

    await login(client, "admin@vendor.example", DEMO_PASSWORD)
    assert client.cookies["pp_session"] != first
    assert await Session.filter(revoked_at__isnull=True).count() == 1


async def test_the_viewer_costs_only_the_session_lookup(
    client: httpx.AsyncClient, count_queries: Any
) -> None:
    await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example", name="Vera")
    await login(client, "admin@vendor.example", DEMO_PASSWORD)

    with count_queries() as log:
        body = await graphql(client, "{ viewer { email name role isApiKey } }")

    assert body["data"] == {
        "viewer": {
            "email": "admin@vendor.example",
            "name": "Vera",
            "role": "VENDOR_ADMIN",
            "isApiKey": False,
        }
    }
    assert log.count == 1, log.statements
