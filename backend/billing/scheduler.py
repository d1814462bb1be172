"""The month-close scheduler: every server process looks, one closes.

Shortly after a month begins (``GRACE`` after midnight UTC, so that checkouts that started in the
old month have committed), each process finds the previous month not yet closed and tries to
claim it: inserting its ``billing_period`` row, or taking over a claim whose lease ran out (a
process that died while closing). The database lets one claim win; the others go back to
sleep. The close itself is idempotent anyway (``closing``), so the claim saves work, not money.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from backend import clock
from backend.billing.closing import ClosedPeriod, close_period
from backend.billing.models import BillingPeriod
from backend.billing.periods import Period
from backend.identity.actor import Actor
from backend.identity.roles import Role
from backend.notifications.worker import default_worker_name
from backend.webhooks.maintenance import run_daily as webhook_daily_jobs

logger = logging.getLogger(__name__)

GRACE = timedelta(minutes=10)
LEASE = timedelta(minutes=30)
"""Longer than any close; a claim older than this belongs to a process that died."""
INTERVAL_SECONDS = 300.0
SCHEDULER = Actor(role=Role.VENDOR_ADMIN, label="month-close scheduler")


def due_period(now: datetime) -> Period | None:
    """The month to close at ``now``: the previous one, once ``GRACE`` has passed."""
    period = Period.containing(now).previous()
    return period if now >= period.end + GRACE else None


async def claim(period: Period, worker: str, now: datetime) -> bool:
    """Claim the close of ``period`` for ``worker``; False if it is closed or someone has it."""
    try:
        await BillingPeriod.create(period=str(period), claimed_by=worker, claimed_until=now + LEASE)
        return True
    except IntegrityError:
        pass
    taken = (
        await BillingPeriod.filter(period=str(period), closed_at=None)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_by=worker, claimed_until=now + LEASE)
    )
    return taken == 1


async def close_if_due(worker: str, *, public_url: str) -> ClosedPeriod | None:
    """One look: close the previous month if it is due, unclosed and this worker wins it."""
    now = clock.now()
    period = due_period(now)
    if period is None:
        return None
    if await BillingPeriod.exists(period=str(period), closed_at__isnull=False):
        return None
    if not await claim(period, worker, now):
        return None
    try:
        return await close_period(period, actor=SCHEDULER, public_url=public_url, as_of=now)
    except BaseException:  # let the next look (of any process) try again at once
        await BillingPeriod.filter(period=str(period), claimed_by=worker, closed_at=None).update(
            claimed_until=None
        )
        raise


async def _run(stop: asyncio.Event, public_url: str) -> None:
    worker = default_worker_name()
    while not stop.is_set():
        try:
            closed = await close_if_due(worker, public_url=public_url)
            if closed is not None:
                logger.info(
                    "scheduler closed %s: %d summary invoice(s)",
                    closed.period,
                    closed.summaries_created,
                )
        except Exception:
            logger.exception("month close failed; trying again later")
        try:
            await webhook_daily_jobs(worker)
        except Exception:
            logger.exception("webhook daily job failed; trying again later")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), INTERVAL_SECONDS)


@contextlib.asynccontextmanager
async def running_month_close(public_url: str) -> AsyncIterator[None]:
    """Look now and every few minutes while the block runs; the ORM must stay up until it ends."""
    stop = asyncio.Event()
    task = asyncio.create_task(_run(stop, public_url), name="month-close-scheduler")
    try:
        yield
    finally:
        stop.set()
        await task
