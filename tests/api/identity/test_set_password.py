"""Set-password links: one use, an expiry, stored hashed; and the reset request."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

import httpx
import pytest

from backend import clock
from backend.identity.models import SetPasswordToken, TokenPurpose
from backend.identity.roles import Role
from backend.identity.set_password import issue_token
from backend.identity.tokens import hash_secret
from backend.notifications.models import OutboxMessage
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user

SET_PASSWORD = """
mutation ($token: String!, $password: String!) {
  setPassword(input: {token: $token, password: $password}) {
    viewer { email }
    userErrors { code message field }
  }
}
"""
RESET = """mutation ($email: String!) {
  requestPasswordReset(input: {email: $email}) { userErrors { code message } } }"""
LOGIN = """mutation ($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) { userErrors { code } } }"""
NEW_PASSWORD = "correct horse battery"

pytestmark = pytest.mark.usefixtures("db")


async def set_password(client: httpx.AsyncClient, token: str, password: str) -> dict[str, object]:
    body = await graphql(client, SET_PASSWORD, {"token": token, "password": password})
    result: dict[str, object] = body["data"]["setPassword"]  # type: ignore[index]
    return result


async def test_an_invitation_link_sets_the_password_and_signs_in(
    client: httpx.AsyncClient,
) -> None:
    # given an invited user without a password
    user = await make_user(Role.RESELLER_OWNER, await make_reseller(), password=None)
    token, _ = await issue_token(user, TokenPurpose.INVITE)

    # when
    result = await set_password(client, token, NEW_PASSWORD)

    # then
    assert result == {"viewer": {"email": user.email}, "userErrors": []}
    assert "pp_session" in client.cookies
    client.cookies.clear()
    login = await graphql(client, LOGIN, {"email": user.email, "password": NEW_PASSWORD})
    assert login["data"] == {"login": {"userErrors": []}}


async def test_only_the_token_hash_is_stored(client: httpx.AsyncClient) -> None:
    user = await make_user(Role.VENDOR_ADMIN, password=None)
    token, row = await issue_token(user, TokenPurpose.INVITE)
    assert token not in row.token_hash
    assert row.token_hash == hash_secret(token)


async def test_a_link_works_once(client: httpx.AsyncClient) -> None:
    user = await make_user(Role.VENDOR_ADMIN, password=None)
    token, _ = await issue_token(user, TokenPurpose.INVITE)
    assert (await set_password(client, token, NEW_PASSWORD))["userErrors"] == []

    again = await set_password(client, token, "another good password")

    assert again == {
        "viewer": None,
        "userErrors": [
            {
                "code": "INVALID",
                "field": ["input", "token"],
                "message": "This link is not valid any more. Ask for a new one.",
            }
        ],
    }


async def test_two_tabs_using_one_link_at_once_give_one_success(
    client: httpx.AsyncClient,
) -> None:
    user = await make_user(Role.VENDOR_ADMIN, password=None)
    token, _ = await issue_token(user, TokenPurpose.INVITE)

    results = await asyncio.gather(
        *(set_password(client, token, f"{NEW_PASSWORD} {n}") for n in range(5))
    )

    assert sorted(bool(r["viewer"]) for r in results) == [False] * 4 + [True]


async def test_an_expired_link_is_refused(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(Role.VENDOR_ADMIN, password=None)
    token, _ = await issue_token(user, TokenPurpose.RESET)
    later = clock.now() + timedelta(hours=1, seconds=1)
    monkeypatch.setattr(clock, "now", lambda: later)

    result = await set_password(client, token, NEW_PASSWORD)

    assert result["userErrors"][0]["code"] == "INVALID"  # type: ignore[index]
    assert (await SetPasswordToken.get(user_id=user.id)).used_at is None


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short", "Use at least 10 characters for the password."),
        ("admin@vendor.example", "The password must not be your email address."),
    ],
)
async def test_a_weak_password_is_refused_and_the_link_still_works(
    client: httpx.AsyncClient, password: str, message: str
) -> None:
    user = await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example", password=None)
    token, _ = await issue_token(user, TokenPurpose.INVITE)

    result = await set_password(client, token, password)

    assert result["userErrors"] == [
        {"code": "INVALID", "field": ["input", "password"], "message": message}
    ]
    assert (await set_password(client, token, NEW_PASSWORD))["userErrors"] == []


async def test_a_new_password_ends_other_sessions_and_old_links(
    client: httpx.AsyncClient,
) -> None:
    user = await make_user(Role.VENDOR_ADMIN)
    await graphql(client, LOGIN, {"email": user.email, "password": "demo-password"})
    old_session = client.cookies["pp_session"]
    first, _ = await issue_token(user, TokenPurpose.RESET)
    second, _ = await issue_token(user, TokenPurpose.RESET)

    assert (await set_password(client, second, NEW_PASSWORD))["userErrors"] == []

    assert (await set_password(client, first, "yet another password"))["userErrors"]
    client.cookies.set("pp_session", old_session)
    assert (await graphql(client, "{ viewer { email } }"))["data"] == {"viewer": None}
    notice = await OutboxMessage.get(template="password_changed")
    assert notice.recipients == [user.email]


async def test_a_reset_request_mails_a_link_that_works(client: httpx.AsyncClient) -> None:
    user = await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example")

    known = await graphql(client, RESET, {"email": "Admin@Vendor.example"})
    unknown = await graphql(client, RESET, {"email": "nobody@vendor.example"})

    assert known == unknown == {"data": {"requestPasswordReset": {"userErrors": []}}}
    [mail] = await OutboxMessage.filter(template="password_reset")
    assert mail.recipients == [user.email]
    match = re.search(r"/set-password\?token=([\w-]+)", mail.text_body)
    assert match is not None
    assert (await set_password(client, match.group(1), NEW_PASSWORD))["userErrors"] == []


async def test_reset_requests_from_one_address_are_throttled(client: httpx.AsyncClient) -> None:
    for _ in range(5):
        await graphql(client, RESET, {"email": "someone@vendor.example"})
    body = await graphql(client, RESET, {"email": "someone@vendor.example"})
    assert body["data"]["requestPasswordReset"]["userErrors"][0]["code"] == "THROTTLED"  # type: ignore[index]
