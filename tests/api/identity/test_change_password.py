"""Changing one's own password: the current one is checked, other sessions end."""

from __future__ import annotations

import httpx
import pytest

from backend.identity.models import Session
from backend.identity.roles import Role
from backend.notifications.models import OutboxMessage
from tests.conftest import graphql
from tests.identity.factories import DEMO_PASSWORD, make_user, sign_in

CHANGE = """mutation ($current: String!, $new: String!) {
  changePassword(input: {currentPassword: $current, newPassword: $new}) {
    userErrors { code message field } } }"""

pytestmark = pytest.mark.usefixtures("db")


async def change(client: httpx.AsyncClient, current: str, new: str) -> list[dict[str, object]]:
    body = await graphql(client, CHANGE, {"current": current, "new": new})
    errors: list[dict[str, object]] = body["data"]["changePassword"]["userErrors"]  # type: ignore[index]
    return errors


async def test_the_new_password_works_and_other_sessions_end(client: httpx.AsyncClient) -> None:
    user = await make_user(Role.VENDOR_ADMIN)
    await sign_in(client, user)  # the laptop
    await sign_in(client, user)  # this browser

    assert await change(client, DEMO_PASSWORD, "a brand new password") == []

    assert (await graphql(client, "{ viewer { email } }"))["data"] == {
        "viewer": {"email": user.email}
    }
    assert await Session.filter(revoked_at__isnull=True).count() == 1
    assert await OutboxMessage.filter(template="password_changed").count() == 1


async def test_a_wrong_current_password_or_a_weak_new_one_names_the_field(
    client: httpx.AsyncClient,
) -> None:
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))

    wrong = await change(client, "not it at all", "a brand new password")
    weak = await change(client, DEMO_PASSWORD, "short")

    assert [(e["code"], e["field"]) for e in wrong] == [
        ("INVALID_CREDENTIALS", ["input", "currentPassword"])
    ]
    assert [(e["code"], e["field"]) for e in weak] == [("INVALID", ["input", "newPassword"])]


async def test_guessing_the_current_password_is_throttled(client: httpx.AsyncClient) -> None:
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))
    for n in range(5):
        await change(client, f"guess {n}", "a brand new password")

    errors = await change(client, DEMO_PASSWORD, "a brand new password")

    assert errors[0]["code"] == "THROTTLED"
