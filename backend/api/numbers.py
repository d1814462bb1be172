"""Searching invoices and orders by number (``INV-2026-000123``, ``ORD-2026-000123``)."""

from __future__ import annotations

from tortoise.expressions import Q

from backend.commerce.numbers import DIGITS, PREFIXES

NUMBER_LENGTH = 20
"""The number columns' length: the ORM refuses to compare a longer value."""
NOTHING = Q(id=0)


def number_search(term: str | None, kind: str) -> Q | None:
    """The documents of ``kind`` (``order``, ``invoice``) whose number matches ``term``, in any
    case: the number or its beginning (``INV-2026-0001``, ``2026-0001``), or the number of the
    year's sequence (``123`` or ``000123``, of any year). None when ``term`` is blank."""
    term = (term or "").strip().upper()
    if not term:
        return None
    prefix = PREFIXES[kind]
    start = term if term.startswith(prefix) else f"{prefix}-{term}"
    matches = Q(number__startswith=start) if len(start) <= NUMBER_LENGTH else NOTHING
    if term.isdigit() and len(term.lstrip("0")) <= DIGITS:
        matches |= Q(number__endswith=f"-{int(term):0{DIGITS}d}")
    return matches
