"""Forgetting what identity no longer needs: old throttle records, dead sessions, spent links.

Every server process sweeps once an hour; the deletes are idempotent, so processes sweeping at
the same time do no harm.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import timedelta

from tortoise.expressions import Q

from backend import clock
from backend.identity.models import LoginFailure, Session, SetPasswordToken

logger = logging.getLogger(__name__)

INTERVAL_SECONDS = 3600.0
KEEP_FAILURES = timedelta(days=1)
"""Longer than any throttle window."""
KEEP_ENDED = timedelta(days=30)
"""Ended sessions and spent links stay a while, for questions about recent sign-ins."""


async def sweep() -> dict[str, int]:
    """Delete what is past keeping; returns how many rows of each kind went."""
    now = clock.now()
    ended = now - KEEP_ENDED
    return {
        "login_failures": await LoginFailure.filter(attempted_at__lt=now - KEEP_FAILURES).delete(),
        "sessions": await Session.filter(
            Q(expires_at__lt=ended) | Q(revoked_at__lt=ended)
        ).delete(),
        "set_password_tokens": await SetPasswordToken.filter(
            Q(expires_at__lt=ended) | Q(used_at__lt=ended)
        ).delete(),
    }


async def _run(stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            removed = await sweep()
            if any(removed.values()):
                logger.info("housekeeping removed %s", removed)
        except Exception:
            logger.exception("housekeeping failed; trying again later")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), INTERVAL_SECONDS)


@contextlib.asynccontextmanager
async def running_housekeeping() -> AsyncIterator[None]:
    """Sweep now and hourly while the block runs; the ORM must stay up until it ends."""
    stop = asyncio.Event()
    task = asyncio.create_task(_run(stop), name="identity-housekeeping")
    try:
        yield
    finally:
        stop.set()
        await task
