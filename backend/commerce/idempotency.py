"""Idempotency keys: a checkout with a key happens once, however often and however concurrently
it is sent.

Before anything is charged, the request claims its key by inserting a row; the unique (reseller,
key) pair lets exactly one insert win. The winner places the order and points the row at it in
the order's own transaction; on failure it releases the claim, so the key can be used again. A
request that finds the key taken compares the request's fingerprint: the same request waits for
the winner and answers with its order, a different one is refused.
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

from backend import clock
from backend.commerce.models import IdempotencyRecord
from backend.errors import DomainError, ErrorKind, Problems

MAX_KEY_LENGTH = 100
WAIT_FOR_SECONDS = 30.0
POLL_SECONDS = 0.05
STALE_AFTER = timedelta(minutes=2)
"""A claim this old without an order belongs to a process that died: it may be taken over."""


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
    order_id: int


async def claim(*, reseller_id: int, key: str, request_hash: str) -> Claimed | Replayed:
    """Claim ``key`` for this request, or find the order an identical request placed with it."""
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
        if existing.order_id is not None:
            return Replayed(existing.order_id)
        if existing.created_at < clock.now() - STALE_AFTER:
            await IdempotencyRecord.filter(id=existing.id, order_id=None).delete()
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
    updated = await IdempotencyRecord.filter(id=record_id, order_id=None).update(order_id=order_id)
    if updated != 1:
        raise DomainError(
            ErrorKind.CONFLICT,
            "This checkout took too long and was given up; nothing was bought. Try again.",
            field="idempotency_key",
        )


async def release(record_id: int) -> None:
    """Give the key back after a failure, so that it can be used again."""
    await IdempotencyRecord.filter(id=record_id, order_id=None).delete()
