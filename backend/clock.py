"""The one clock: every "now" in the product comes from here, so tests can move time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

_now: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731


def now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return _now()


def set_clock(source: Callable[[], datetime] | None) -> None:
    """Replace the time source (tests); ``None`` restores the system clock."""
    global _now  # noqa: PLW0603 - the one place the time source is swapped
    _now = source if source is not None else (lambda: datetime.now(UTC))
