"""Maintenance & Support (M&S) status of a license, from its expiry and the catalog's terms."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum


class MaintenanceStatus(StrEnum):
    ACTIVE = "ACTIVE"
    EXPIRED = "EXPIRED"
    """Ended less than the grace period ago: a plain renewal still continues it."""
    LAPSED = "LAPSED"
    """Ended longer ago: it takes a reinstatement."""


def maintenance_status(
    expires_at: datetime, *, now: datetime, grace_days: int
) -> MaintenanceStatus:
    if now < expires_at:
        return MaintenanceStatus.ACTIVE
    if now < expires_at + timedelta(days=grace_days):
        return MaintenanceStatus.EXPIRED
    return MaintenanceStatus.LAPSED
