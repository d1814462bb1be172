"""Housekeeping forgets old throttle records, dead sessions and spent links, nothing else."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backend import clock
from backend.identity.housekeeping import sweep
from backend.identity.models import LoginFailure, Session, SetPasswordToken, TokenPurpose
from backend.identity.roles import Role
from backend.identity.sessions import start_session
from backend.identity.set_password import issue_token
from tests.identity.factories import make_user

pytestmark = pytest.mark.usefixtures("db")


async def test_sweep_keeps_what_is_live_and_drops_what_is_long_dead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given, sixty days ago: a failure, a session and a link; and today the same
    user = await make_user(Role.VENDOR_ADMIN)
    today = clock.now()
    for when in (today - timedelta(days=60), today):
        monkeypatch.setattr(clock, "now", lambda when=when: when)
        await LoginFailure.create(key="account:x", attempted_at=when)
        await start_session(user, ip_address="", user_agent="")
        await issue_token(user, TokenPurpose.RESET)
    monkeypatch.setattr(clock, "now", lambda: today)

    # when
    removed = await sweep()

    # then
    assert removed == {"login_failures": 1, "sessions": 1, "set_password_tokens": 1}
    assert await LoginFailure.all().count() == 1
    assert await Session.all().count() == 1
    assert await SetPasswordToken.all().count() == 1
