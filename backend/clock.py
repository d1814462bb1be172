"""The one clock: every "now" in the product comes from here, so tests can move time.

Call ``clock.now()`` through the module (``from backend import clock``), never bind the function,
so that ``monkeypatch.setattr(clock, "now", ...)`` reaches every caller.
"""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a time without an offset is taken as UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
