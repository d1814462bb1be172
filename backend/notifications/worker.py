"""The mail worker: delivers the outbox, with retries, from any number of processes at once.

How a message is delivered
    A worker claims a due message with one conditional UPDATE (``status`` PENDING, due, and no
    live claim) that writes its name and a lease (``claimed_until``). The database lets exactly one
    such UPDATE match, on SQLite (writes are serialised) as on PostgreSQL (a second UPDATE waits
    for the row and re-checks the condition), so only the claimer sends. After sending it marks
    the message SENT, again only if the claim is still its own.

Guarantees
    Exactly once, unless a worker dies (or loses its database connection, or stalls past the
    lease) after the server accepted the message and before it was marked SENT. The claim then
    expires and another pass sends the message again: at least once, never lost. The lease
    (``LEASE``) outlives the longest send (``SMTP_SEND_TIMEOUT_SECONDS``), so a merely slow
    worker does not cause a second delivery; it also absorbs clock differences between hosts of
    up to a few minutes. The folder transport names each file after the message, so for it a
    second delivery replaces the file.

Failures
    A temporary failure (no connection, timeout, 4xx) schedules another attempt after
    ``backoff(attempts)`` (30 s doubling, at most an hour) and releases the claim. A message
    the server refuses for good (5xx) is FAILED at once, with the server's answer in
    ``last_error``. While the SMTP server is unreachable or answers "try later", messages wait
    and are retried hourly for up to ``GIVE_UP_AFTER`` (a week): an outage loses no email. A
    message that breaks the worker itself (a bug) is FAILED after ``MAX_ATTEMPTS`` tries.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend import clock
from backend.notifications.message import build_email
from backend.notifications.models import OutboxMessage, OutboxStatus
from backend.notifications.outbox import materialize
from backend.notifications.transport import DeliveryError, Transport, transport_for
from backend.settings import Settings

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 10
"""Tries of a message that fails for another reason than the mail server's answer."""
GIVE_UP_AFTER = timedelta(days=7)
"""How long a message waits out a mail server outage."""
FIRST_RETRY = timedelta(seconds=30)
LONGEST_RETRY = timedelta(hours=1)
BUSY_POLL_SECONDS = 1.0
"""The pause after a pass that sent something (none after a full pass: more are due)."""
IDLE_POLL_SECONDS = 5.0
"""The pause after a pass that sent nothing, or failed."""
ERROR_MAX_LENGTH = 2000


def backoff(attempts: int) -> timedelta:
    """The wait before the next try after ``attempts`` failed ones: 30 s, 1 min, 2 min … 1 h."""
    doublings = min(attempts - 1, 16)
    return min(FIRST_RETRY * (1 << doublings), LONGEST_RETRY)


def default_worker_name() -> str:
    """``host:pid:random``, unique among every worker that ever claims a message."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(4)}"


class MailWorker:
    """Sends due outbox messages through the transport the settings choose."""

    def __init__(self, settings: Settings, name: str | None = None) -> None:
        self.settings = settings
        self.name = (name or default_worker_name())[:100]
        self.transport: Transport = transport_for(settings)
        self._stop: asyncio.Event | None = None
        self._full_pass = False
        """Whether the last pass found as many due messages as it takes: a backlog."""

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until ``stop`` is set; any error is logged and the next pass tries again."""
        self._stop = stop
        logger.info("mail worker %s delivering through %r", self.name, self.transport)
        while not stop.is_set():
            try:
                sent = await self.deliver_due()
            except Exception:
                logger.exception("mail worker %s: delivery pass failed", self.name)
                sent = 0
            if sent and self._full_pass:
                continue  # a backlog: the next pass at once, not a second later
            with contextlib.suppress(TimeoutError):
                pause = BUSY_POLL_SECONDS if sent else IDLE_POLL_SECONDS
                await asyncio.wait_for(stop.wait(), pause)
        logger.info("mail worker %s stopped", self.name)

    async def deliver_due(self, limit: int = 20) -> int:
        """One pass over at most ``limit`` due messages; returns how many were sent."""
        now = clock.now()
        due = (
            await OutboxMessage.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
            .order_by("next_attempt_at", "id")
            .limit(limit)
            .values("id")
        )
        self._full_pass = len(due) == limit
        sent = 0
        for row in due:
            if self._stop is not None and self._stop.is_set():
                break
            if await self._claim(row["id"]):
                sent += await self._deliver(await OutboxMessage.get(id=row["id"]))
        return sent

    async def _claim(self, outbox_id: int) -> bool:
        now = clock.now()
        claimed = (
            await OutboxMessage.filter(
                id=outbox_id, status=OutboxStatus.PENDING, next_attempt_at__lte=now
            )
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
            .update(claimed_by=self.name, claimed_until=now + LEASE)
        )
        return claimed == 1

    async def _deliver(self, outbox: OutboxMessage) -> int:
        try:
            attachments = await materialize(outbox.attachments, self.settings)
            await self.transport.send(
                outbox,
                build_email(outbox, mail_from=self.settings.mail_from, attachments=attachments),
            )
        except DeliveryError as exc:
            await self._failed(outbox, str(exc), permanent=exc.permanent, outage=True)
            return 0
        except Exception as exc:  # a bug or a damaged row: retried, then FAILED, never looping
            logger.exception("message %s could not be sent", outbox.message_id)
            await self._failed(
                outbox, f"{type(exc).__name__}: {exc}", permanent=False, outage=False
            )
            return 0
        marked = await self._mine(outbox).update(
            status=OutboxStatus.SENT,
            sent_at=clock.now(),
            attempts=outbox.attempts + 1,
            claimed_by=None,
            claimed_until=None,
        )
        if marked != 1:
            logger.warning(
                "message %s was sent but its claim had expired: it may be sent twice",
                outbox.message_id,
            )
        return 1

    async def _failed(
        self, outbox: OutboxMessage, error: str, *, permanent: bool, outage: bool
    ) -> None:
        attempts = outbox.attempts + 1
        now = clock.now()
        gave_up = now - outbox.created_at > GIVE_UP_AFTER if outage else attempts >= MAX_ATTEMPTS
        changes: dict[str, Any] = {
            "attempts": attempts,
            "last_error": error[:ERROR_MAX_LENGTH],
            "claimed_by": None,
            "claimed_until": None,
        }
        if permanent or gave_up:
            changes["status"] = OutboxStatus.FAILED
            logger.error("message %s failed for good: %s", outbox.message_id, error)
        else:
            changes["next_attempt_at"] = now + backoff(attempts)
            logger.warning(
                "message %s not sent (attempt %d): %s", outbox.message_id, attempts, error
            )
        await self._mine(outbox).update(**changes)

    def _mine(self, outbox: OutboxMessage) -> QuerySet[OutboxMessage]:
        """The message, as long as this worker's claim on it stands."""
        return OutboxMessage.filter(id=outbox.id, status=OutboxStatus.PENDING, claimed_by=self.name)


@contextlib.asynccontextmanager
async def running_mail_worker(settings: Settings) -> AsyncIterator[None]:
    """Run a ``MailWorker`` in the background while the block runs, if ``settings.mail_worker``.

    On exit the worker finishes the message in hand, then stops; the ORM must stay up until then.
    """
    if not settings.mail_worker:
        yield
        return
    stop = asyncio.Event()
    task = asyncio.create_task(MailWorker(settings).run(stop), name="mail-worker")
    try:
        yield
    finally:
        stop.set()
        await task
