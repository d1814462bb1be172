"""Document numbers: sequential per kind and year, without gaps or duplicates.

``next_number`` runs inside the transaction that uses the number. Its increment is one
conditional ``UPDATE``: on PostgreSQL the row stays locked until that transaction ends, so a
concurrent checkout waits and then takes the next value; on SQLite writers are serialised. A
rolled-back transaction gives its number back. The numbers' unique constraints are the last guard.
"""

from __future__ import annotations

from tortoise.expressions import F

from backend.commerce.models import NumberSequence

PREFIXES = {"order": "ORD", "invoice": "INV"}
DIGITS = 6


async def next_number(kind: str, year: int) -> str:
    """The next number of ``kind`` for ``year``, e.g. ``INV-2026-000123``."""
    prefix = PREFIXES[kind]
    updated = await NumberSequence.filter(name=kind, year=year).update(
        last_value=F("last_value") + 1
    )
    if updated:
        row = await NumberSequence.get(name=kind, year=year)
        value = row.last_value
    else:  # the first of the year; a concurrent first insert fails the unique pair and retries
        await NumberSequence.create(name=kind, year=year, last_value=1)
        value = 1
    return f"{prefix}-{year}-{value:0{DIGITS}d}"
