"""Idempotency keys: a checkout or an invoice payment with a key happens once, however often and
however concurrently it is sent.

Before anything is charged, the request claims its key by inserting a row; the unique (reseller,
key) pair lets exactly one insert win. The winner places the order (or pays the invoice) and
points the row at what it made, in that change's own transaction; on failure it releases the
claim, so the key can be used again. A request that finds the key taken compares the request's
fingerprint: the same request waits for the winner and answers with its order or payment, a
different one is refused. Checkouts and payments share a reseller's keys; the fingerprint names
the operation, so a key used for one is refused for the other.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet

from backend import clock
from backend.commerce.models import IdempotencyRecord
from backend.errors import DomainError, ErrorKind, Problems

MAX_KEY_LENGTH = 100
WAIT_FOR_SECONDS = 30.0
POLL_SECONDS = 0.05
STALE_AFTER = timedelta(minutes=2)
"""A claim this old without an order or payment belongs to a process that died: it may be taken
over."""


def check_key(key: str, problems: Problems) -> str:
    key = key.strip()
    if not key:
        problems.add(ErrorKind.REQUIRED, "Give an idempotency key.", "idempotency_key")
    elif len(key) > MAX_KEY_LENGTH or not key.isprintable():
        problems.add(
            ErrorKind.INVALID,
            f"Use at most {MAX_KEY_LENGTH} printable characters, such as a UUID.",
            "idempotency_key",
        )
    return key


def fingerprint(request: dict[str, Any]) -> str:
    """The SHA-256 of the request in a canonical form."""
    text = json.dumps(request, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Claimed:
    record_id: int


@dataclass(frozen=True, slots=True)
class Replayed:
    """An identical request already completed with the key: what it made (one of the two)."""

    order_id: int | None = None
    payment_id: int | None = None


async def claim(*, reseller_id: int, key: str, request_hash: str) -> Claimed | Replayed:
    """Claim ``key`` for this request, or find the order or payment an identical request made
    with it."""
    deadline = time.monotonic() + WAIT_FOR_SECONDS
    while True:
        try:
            record = await IdempotencyRecord.create(
                reseller_id=reseller_id, key=key, request_hash=request_hash, created_at=clock.now()
            )
            return Claimed(record.id)
        except IntegrityError:
            pass
        existing = await IdempotencyRecord.get_or_none(reseller_id=reseller_id, key=key)
        if existing is None:
            continue  # released meanwhile: claim it again
        if existing.request_hash != request_hash:
            raise DomainError(
                ErrorKind.IDEMPOTENCY_KEY_REUSED,
                "This idempotency key was already used for a different request.",
                field="idempotency_key",
            )
        if existing.order_id is not None or existing.payment_id is not None:
            return Replayed(order_id=existing.order_id, payment_id=existing.payment_id)
        if existing.created_at < clock.now() - STALE_AFTER:
            await _open(existing.id).delete()
            continue
        if time.monotonic() > deadline:
            raise DomainError(
                ErrorKind.CONFLICT,
                "A request with this idempotency key is still in progress; try again shortly.",
                field="idempotency_key",
            )
        await asyncio.sleep(POLL_SECONDS)


async def complete(record_id: int, order_id: int) -> None:
    """Point the claim at its order, inside the order's transaction."""
    if await _open(record_id).update(order_id=order_id) != 1:
        raise DomainError(
            ErrorKind.CONFLICT,
            "This checkout took too long and was given up; nothing was bought. Try again.",
            field="idempotency_key",
        )


async def complete_payment(record_id: int, payment_id: int) -> None:
    """Point the claim at its payment, inside the payment's transaction."""
    if await _open(record_id).update(payment_id=payment_id) != 1:
        raise DomainError(
            ErrorKind.CONFLICT,
            "This payment took too long and was given up; nothing was paid. Try again.",
            field="idempotency_key",
        )


async def release(record_id: int) -> None:
    """Give the key back after a failure, so that it can be used again."""
    await _open(record_id).delete()


def _open(record_id: int) -> QuerySet[IdempotencyRecord]:
    """The claim while it points at nothing yet."""
    return IdempotencyRecord.filter(id=record_id, order_id=None, payment_id=None)
