"""Money and dates as invoices show them to people: exact from integer cents, dates in UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from backend.billing.models import InvoiceKind, InvoiceStatus
from backend.notifications.rendering import MONTHS

SYMBOLS = {"USD": "$"}
KIND_LABELS = {InvoiceKind.ORDER: "Order invoice", InvoiceKind.SUMMARY: "Summary invoice"}
STATUS_LABELS = {
    InvoiceStatus.OPEN: "Open",
    InvoiceStatus.PENDING_SUMMARY: "Pending summary",
    InvoiceStatus.PAID: "Paid",
    InvoiceStatus.VOID: "Void",
}


def format_money(cents: int, currency: str = "USD") -> str:
    """``124900`` -> ``$1,249.00``; ``-5`` -> ``-$0.05``; another currency: ``EUR 1,249.00``.

    Integer arithmetic only: a float never holds the amount.
    """
    sign = "-" if cents < 0 else ""
    whole, fraction = divmod(abs(cents), 100)
    symbol = SYMBOLS.get(currency)
    number = f"{whole:,}.{fraction:02d}"
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{currency} {number}"


def format_date(moment: datetime) -> str:
    """The UTC day of ``moment``: ``17 May 2030``."""
    if moment.tzinfo is None:
        raise ValueError(f"a naive datetime ({moment}) has no UTC day")
    utc = moment.astimezone(UTC)
    return f"{utc.day} {MONTHS[utc.month - 1]} {utc.year}"


def format_period(period: str) -> str:
    """``2026-05`` -> ``May 2026``."""
    year, _, month = period.partition("-")
    return f"{MONTHS[int(month) - 1]} {year}"
