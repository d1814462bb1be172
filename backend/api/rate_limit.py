"""Rate limiting on query cost: each caller spends points (``backend.api.cost``) from a budget
of ``rate_limit_points`` per ``rate_limit_window`` seconds, the window starting at the caller's
first request in it.

The caller is its API key, else its session, else its address (anonymous requests). A request
that does not fit what remains is refused whole and spends nothing: the client waits until the
window resets (``Retry-After``). On PostgreSQL the windows are rows of
``identity_rate_limit_window``, updated by one atomic upsert per request, so every server
process draws on the same budget; on SQLite (one process) they are kept in the process.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from tortoise import connections

from backend.identity.actor import Actor
from backend.settings import Settings


@dataclass(frozen=True, slots=True)
class Allowance:
    allowed: bool
    """Whether the request fitted, and was charged."""
    points: int
    limit: int
    remaining: int
    reset_at: float
    """When the window ends, in seconds since the epoch."""

    def reset_in(self, now: float) -> int:
        """Whole seconds until the window resets (at least 1 while it lasts)."""
        return max(1, int(self.reset_at - now + 0.999))


class RateLimiter(Protocol):
    points: int
    window: int

    async def spend(self, caller: str, points: int) -> Allowance: ...


def caller_of(actor: Actor) -> str:
    if actor.api_key_id is not None:
        return f"key:{actor.api_key_id}"
    if actor.session_id is not None:
        return f"session:{actor.session_id}"
    return f"address:{actor.ip_address or 'unknown'}"


class InProcessLimiter:
    """The windows in a dict, for the one process of a SQLite deployment."""

    PRUNE_AT = 50_000

    def __init__(self, points: int, window: int, clock: Callable[[], float] = time.time) -> None:
        self.points = points
        self.window = window
        self.clock = clock
        self.windows: dict[str, tuple[float, int]] = {}

    async def spend(self, caller: str, points: int) -> Allowance:
        now = self.clock()
        start, used = self.windows.get(caller, (now, 0))
        if now - start >= self.window:
            start, used = now, 0
        allowed = used + points <= self.points
        if allowed:
            used += points
        if len(self.windows) >= self.PRUNE_AT:
            self.windows = {k: w for k, w in self.windows.items() if now - w[0] < self.window}
        self.windows[caller] = (start, used)
        return Allowance(allowed, points, self.points, self.points - used, start + self.window)


UPSERT = """
INSERT INTO identity_rate_limit_window AS w (key, window_start, used, allowed)
VALUES ($1, $2::float8, CASE WHEN $3::bigint <= $4::bigint THEN $3 ELSE 0 END, $3 <= $4)
ON CONFLICT (key) DO UPDATE SET
  window_start = CASE WHEN w.window_start <= $2 - $5::float8 THEN $2 ELSE w.window_start END,
  used = CASE
    WHEN w.window_start <= $2 - $5 THEN CASE WHEN $3 <= $4 THEN $3 ELSE 0 END
    WHEN w.used + $3 <= $4 THEN w.used + $3
    ELSE w.used
  END,
  allowed = CASE WHEN w.window_start <= $2 - $5 THEN $3 <= $4 ELSE w.used + $3 <= $4 END
RETURNING window_start, used, allowed
"""
"""One statement decides and charges: concurrent requests of one caller, in any process, queue
on the row's lock, so together they never spend more than the budget."""


class PostgresLimiter:
    """The windows in PostgreSQL, shared by every process serving the database."""

    def __init__(self, points: int, window: int, clock: Callable[[], float] = time.time) -> None:
        self.points = points
        self.window = window
        self.clock = clock

    async def spend(self, caller: str, points: int) -> Allowance:
        client = connections.get("default")
        async with client.acquire_connection() as connection:
            row = await connection.fetchrow(
                UPSERT, caller, self.clock(), points, self.points, float(self.window)
            )
        start, used, allowed = row["window_start"], row["used"], row["allowed"]
        return Allowance(allowed, points, self.points, self.points - used, start + self.window)


_limiters: dict[tuple[str, int, int], RateLimiter] = {}


def limiter_for(settings: Settings) -> RateLimiter:
    """The process's limiter for the database ``settings`` name (one per database: tests make
    many)."""
    key = (settings.database_url, settings.rate_limit_points, settings.rate_limit_window)
    limiter = _limiters.get(key)
    if limiter is None:
        kind = InProcessLimiter if settings.database_engine == "sqlite" else PostgresLimiter
        limiter = _limiters[key] = kind(settings.rate_limit_points, settings.rate_limit_window)
    return limiter
