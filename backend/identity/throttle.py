"""The login throttle, kept in the database so that it holds across server processes.

Each attempt is written down *before* the password is checked, then the attempts in the window
are counted: concurrent guesses all see each other, so no burst gets past the limit. A success
clears the account's record. Refused attempts check no password at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from tortoise.transactions import in_transaction

from backend import clock
from backend.errors import DomainError, ErrorKind
from backend.identity.models import LoginFailure


@dataclass(frozen=True, slots=True)
class Limit:
    prefix: str
    attempts: int
    window: timedelta


ACCOUNT = Limit("account", attempts=5, window=timedelta(minutes=15))
ADDRESS = Limit("address", attempts=30, window=timedelta(minutes=15))
RESET_ADDRESS = Limit("reset-address", attempts=5, window=timedelta(minutes=15))


def key(limit: Limit, value: str) -> str:
    return f"{limit.prefix}:{value.lower()}"[:300]


async def note_attempt(checks: list[tuple[Limit, str]]) -> list[int]:
    """Record one attempt under each (limit, value), then refuse it if any limit is exceeded.

    Returns the ids of the records, for ``forgive`` once the attempt succeeded.
    """
    now = clock.now()
    async with in_transaction():
        ids = [
            (await LoginFailure.create(key=key(limit, value), attempted_at=now)).id
            for limit, value in checks
        ]
    for limit, value in checks:
        since = now - limit.window
        recent = LoginFailure.filter(key=key(limit, value), attempted_at__gt=since)
        if await recent.count() > limit.attempts:
            oldest = await recent.order_by("attempted_at").first()
            retry_at = (oldest.attempted_at if oldest else now) + limit.window
            minutes = max(1, math.ceil((retry_at - now).total_seconds() / 60))
            raise DomainError(
                ErrorKind.THROTTLED,
                f"Too many attempts. Try again in {minutes} minute{'s' * (minutes != 1)}.",
            )
    return ids


async def forgive(ids: list[int]) -> None:
    """Take back the records of an attempt that succeeded."""
    await LoginFailure.filter(id__in=ids).delete()


async def clear(limit: Limit, value: str) -> None:
    await LoginFailure.filter(key=key(limit, value)).delete()
