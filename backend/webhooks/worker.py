"""The webhook worker: POSTs due deliveries, with retries, from any number of processes at once.

How a delivery is sent
    Exactly as the mail worker sends email (``backend.notifications.worker``): a worker claims
    a due delivery with one conditional UPDATE that writes its name and a lease
    (``claimed_until``); the database lets one such UPDATE match, so only the claimer sends.
    It signs the body (``backend.webhooks.signing``) and POSTs it with a 10 s limit, redirects
    not followed. Then, in one transaction, it logs the attempt (``WebhookAttempt``) and
    updates the delivery, only if its claim still stands.

Guarantees
    At least once: exactly once unless a worker dies (or stalls past the lease) after the
    endpoint answered and before the delivery was marked, or the endpoint took the request but
    its answer was lost. Receivers deduplicate by the event id. Events are not ordered: a
    retried delivery arrives after later events.

Failures
    Anything but a 2xx answer within the time limit (another status, a redirect, a timeout, no
    connection) is retried after ``backoff(attempts)``: 10 s doubling to an hour, plus up to
    10% jitter, then hourly; after ``MAX_ATTEMPTS`` (about 24 hours) the delivery is FAILED.
    ``redeliver`` queues it again for another round.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend import clock
from backend.notifications.worker import default_worker_name
from backend.settings import Settings
from backend.webhooks import signing
from backend.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from backend.webhooks.network import public_transport
from backend.webhooks.secrets import decrypt

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10.0
"""The whole request, from connecting to the answer's status and first bytes."""
LEASE = timedelta(minutes=2)
"""Longer than any attempt; a claim older than this belongs to a worker that died."""
MAX_ATTEMPTS = 32
"""Attempts of one round: 9 doubling waits (about 1.4 hours) then 22 hourly ones."""
FIRST_RETRY = timedelta(seconds=10)
LONGEST_RETRY = timedelta(hours=1)
JITTER = 0.1
"""Each wait is lengthened by up to this fraction, so retries of many deliveries spread out."""
BUSY_POLL_SECONDS = 1.0
IDLE_POLL_SECONDS = 2.0
ERROR_MAX_LENGTH = 1000
ANSWER_EXCERPT_BYTES = 300
"""How much of a failed answer's body the log keeps."""
USER_AGENT = "PartnerPortal-Webhooks/1"


def backoff(attempts: int, *, jitter: float = 0.0) -> timedelta:
    """The wait after ``attempts`` failed ones: 10 s, 20 s, 40 s … 1 h, lengthened by
    ``jitter`` (a fraction)."""
    doublings = min(attempts - 1, 16)
    wait = min(FIRST_RETRY * (1 << doublings), LONGEST_RETRY)
    return wait * (1 + jitter)


def body_of(event: WebhookEvent) -> bytes:
    """What a delivery POSTs: the event's envelope as compact UTF-8 JSON."""
    envelope = {
        "id": event.id,
        "type": event.type,
        "createdAt": event.occurred_at.isoformat(),
        "data": event.payload,
    }
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def signing_secrets(endpoint: WebhookEndpoint, *, secret_key: str) -> list[str]:
    """The endpoint's secret, and the one it replaced while that still signs."""
    found = [decrypt(endpoint.secret_encrypted, secret_key=secret_key)]
    previous, until = endpoint.previous_secret_encrypted, endpoint.previous_secret_expires_at
    if previous is not None and until is not None and until > clock.now():
        found.append(decrypt(previous, secret_key=secret_key))
    return found


class WebhookWorker:
    """Sends due webhook deliveries."""

    def __init__(
        self,
        settings: Settings,
        name: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.name = (name or default_worker_name())[:100]
        self.transport = transport
        """None: the network (in production, public addresses only); tests may give another."""
        self._stop: asyncio.Event | None = None
        self._full_pass = False

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; any error is logged and the next pass tries again."""
        self._stop = stop
        logger.info("webhook worker %s started", self.name)
        while not stop.is_set():
            try:
                sent = await self.deliver_due()
            except Exception:
                logger.exception("webhook worker %s: delivery pass failed", self.name)
                sent = 0
            if sent and self._full_pass:
                continue
            with contextlib.suppress(TimeoutError):
                pause = BUSY_POLL_SECONDS if sent else IDLE_POLL_SECONDS
                await asyncio.wait_for(stop.wait(), pause)
        logger.info("webhook worker %s stopped", self.name)

    async def deliver_due(self, limit: int = 20) -> int:
        """One pass over at most ``limit`` due deliveries; returns how many were attempted."""
        now = clock.now()
        due = (
            await _due(now)
            .filter(endpoint__disabled_at__isnull=True)
            .order_by("next_attempt_at", "id")
            .limit(limit)
            .values("id")
        )
        self._full_pass = len(due) == limit
        if not due:
            return 0
        attempted = 0
        transport = self.transport
        if transport is None and not self.settings.is_development:
            transport = public_transport()  # development may deliver to the developer's machine
        async with httpx.AsyncClient(
            transport=transport,
            timeout=TIMEOUT_SECONDS,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
            trust_env=False,
        ) as client:
            for row in due:
                if self._stop is not None and self._stop.is_set():
                    break
                if await self._claim(row["id"]):
                    await self._deliver(client, row["id"])
                    attempted += 1
        return attempted

    async def _claim(self, delivery_id: int) -> bool:
        now = clock.now()
        claimed = (
            await _due(now)
            .filter(id=delivery_id)
            .update(claimed_by=self.name, claimed_until=now + LEASE)
        )
        return claimed == 1

    async def _deliver(self, client: httpx.AsyncClient, delivery_id: int) -> None:
        delivery = await WebhookDelivery.get(id=delivery_id).select_related("event", "endpoint")
        started = time.monotonic()
        status_code: int | None = None
        error = ""
        try:
            body = body_of(delivery.event)
            secret, *previous = signing_secrets(
                delivery.endpoint, secret_key=self.settings.secret_key
            )
            header = signing.sign(secret, int(clock.now().timestamp()), body, *previous)
            status_code, excerpt = await self._post(client, delivery, body, header)
            if not 200 <= status_code < 300:
                error = f"HTTP {status_code}" + (f": {excerpt}" if excerpt else "")
        except Exception as exc:  # the network, the endpoint, or a damaged row: all retried
            error = _describe(exc)
        duration_ms = int((time.monotonic() - started) * 1000)
        await self._record(delivery, status_code, error, duration_ms)

    async def _post(
        self, client: httpx.AsyncClient, delivery: WebhookDelivery, body: bytes, header: str
    ) -> tuple[int, str]:
        headers = {
            "Content-Type": "application/json",
            "Partner-Portal-Event-Id": delivery.event_id,
            signing.SIGNATURE_HEADER: header,
        }
        async with asyncio.timeout(TIMEOUT_SECONDS):
            async with client.stream(
                "POST", delivery.endpoint.url, content=body, headers=headers
            ) as response:
                excerpt = b""
                if not response.is_success:
                    async for chunk in response.aiter_bytes():
                        excerpt += chunk
                        if len(excerpt) >= ANSWER_EXCERPT_BYTES:
                            break
                text = excerpt[:ANSWER_EXCERPT_BYTES].decode("utf-8", "replace")
                return response.status_code, " ".join(text.split())

    async def _record(
        self, delivery: WebhookDelivery, status_code: int | None, error: str, duration_ms: int
    ) -> None:
        now = clock.now()
        attempts = delivery.attempts + 1
        changes: dict[str, Any] = {
            "attempts": attempts,
            "last_status_code": status_code,
            "last_error": error[:ERROR_MAX_LENGTH],
            "claimed_by": None,
            "claimed_until": None,
        }
        if not error:
            changes |= {"status": DeliveryStatus.SUCCEEDED, "delivered_at": now}
        elif attempts >= MAX_ATTEMPTS:
            changes["status"] = DeliveryStatus.FAILED
            logger.warning("webhook delivery %s failed for good: %s", delivery.id, error)
        else:
            wait = backoff(attempts, jitter=random.uniform(0, JITTER))  # noqa: S311 - not secret
            changes["next_attempt_at"] = now + wait
        async with in_transaction():
            await WebhookAttempt.create(
                delivery_id=delivery.id,
                at=now,
                status_code=status_code,
                error=error[:ERROR_MAX_LENGTH],
                duration_ms=max(duration_ms, 0),
            )
            marked = await self._mine(delivery).update(**changes)
        if marked != 1:
            logger.warning(
                "webhook delivery %s was attempted but its claim had expired", delivery.id
            )

    def _mine(self, delivery: WebhookDelivery) -> QuerySet[WebhookDelivery]:
        return WebhookDelivery.filter(
            id=delivery.id, status=DeliveryStatus.PENDING, claimed_by=self.name
        )


def _due(now: Any) -> QuerySet[WebhookDelivery]:
    return WebhookDelivery.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return f"No answer within {TIMEOUT_SECONDS:.0f} seconds."
    if isinstance(exc, httpx.ConnectError):
        return f"Could not connect: {exc}" if str(exc) else "Could not connect."
    message = str(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


@contextlib.asynccontextmanager
async def running_webhook_worker(settings: Settings) -> AsyncIterator[None]:
    """Run a ``WebhookWorker`` while the block runs, if ``settings.webhook_worker``."""
    if not settings.webhook_worker:
        yield
        return
    stop = asyncio.Event()
    task = asyncio.create_task(WebhookWorker(settings).run(stop), name="webhook-worker")
    try:
        yield
    finally:
        stop.set()
        await task
