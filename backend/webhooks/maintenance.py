"""``maintenance.expiring``: once per license and M&S term, 30 days before the term ends.

A daily job (run by the scheduler loop of every server process, ``backend.billing.scheduler``)
finds the licenses of accounts that subscribe whose M&S ends within ``NOTICE`` and that have not
had the event for this term yet, and emits one event each. Each event's ``dedupe_key`` names the
license and the term's end, and is unique in the database: two runs at once, or a run repeated,
never send one twice. A license renewed afterwards has a new end, hence a new notice 30 days
before it. The day's run is claimed like a month's close, so normally one process does it.

An account that subscribes while some of its licenses are already inside the 30 days gets their
notices at the next run.

The same daily run keeps the delivery logs to ``RETENTION``: it deletes the deliveries that are
done (succeeded or failed) and whose last attempt is older, with their attempts, and then the
events no delivery refers to any more. A delivery still pending (an endpoint disabled for weeks)
is kept whatever its age. An event's ``dedupe_key`` outlives its use: a ``maintenance.expiring``
notice is sent at most 30 days before the term ends, so once it is ``RETENTION`` old its term has
ended and no run would send it again.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from backend import clock
from backend.licensing.models import License
from backend.webhooks import payloads
from backend.webhooks.events import Data, emit_many
from backend.webhooks.models import (
    DeliveryStatus,
    EventType,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
    WebhookJobRun,
)

logger = logging.getLogger(__name__)

NOTICE = timedelta(days=30)
JOB = "maintenance.expiring"
LEASE = timedelta(minutes=30)
BATCH = 100
RETENTION = timedelta(days=30)
"""How long a finished delivery stays in its endpoint's log after its last attempt."""
PURGE_BATCH = 1000


def dedupe_key(license_id: int, expires_at: datetime) -> str:
    return f"{JOB}:{license_id}:{int(expires_at.timestamp())}"


async def emit_expiring(now: datetime) -> int:
    """Emit the notices due at ``now``; returns how many events were written."""
    endpoints = await WebhookEndpoint.filter(disabled_at=None).values_list("reseller_id", "events")
    resellers = {pk for pk, events in endpoints if EventType.MAINTENANCE_EXPIRING.value in events}
    if not resellers:
        return 0
    rows = await License.filter(
        reseller_id__in=resellers,
        maintenance_expires_at__gt=now,
        maintenance_expires_at__lte=now + NOTICE,
    ).values_list("id", "reseller_id", "maintenance_expires_at")
    keys = {license_id: dedupe_key(license_id, expires) for license_id, _, expires in rows}
    sent = {
        str(key)
        for key in await WebhookEvent.filter(dedupe_key__in=list(keys.values())).values_list(
            "dedupe_key", flat=True
        )
    }
    due: dict[int, list[tuple[int, datetime]]] = defaultdict(list)
    for license_id, reseller_id, expires in sorted(rows):
        if keys[license_id] not in sent:
            due[reseller_id].append((license_id, expires))
    written = 0
    for reseller_id, items in due.items():
        for start in range(0, len(items), BATCH):
            written += await _emit(reseller_id, items[start : start + BATCH], now)
    return written


async def _emit(reseller_id: int, items: Sequence[tuple[int, datetime]], now: datetime) -> int:
    try:
        async with in_transaction():
            return len(await _write(reseller_id, items, now))
    except IntegrityError:
        if len(items) == 1:
            return 0  # a concurrent run sent it
    return sum([await _emit(reseller_id, [item], now) for item in items])  # one at a time


async def _write(
    reseller_id: int, items: Sequence[tuple[int, datetime]], now: datetime
) -> list[WebhookEvent]:
    async def data() -> list[Data]:
        found = await payloads.licenses([license_id for license_id, _ in items])
        return [
            {
                "license": license,
                "maintenanceExpiresAt": payloads.moment(expires),
                "daysLeft": (expires - now).days,
            }
            for license, (_, expires) in zip(found, items, strict=True)
        ]

    return await emit_many(
        reseller_id=reseller_id,
        type=EventType.MAINTENANCE_EXPIRING,
        data=data,
        dedupe_keys=[dedupe_key(license_id, expires) for license_id, expires in items],
    )


async def purge_old(now: datetime) -> int:
    """Delete what ``RETENTION`` no longer keeps, ``PURGE_BATCH`` rows per statement (each its
    own transaction, so a long purge holds no lock for long); returns how many deliveries went."""
    cutoff = now - RETENTION
    recent = Subquery(WebhookAttempt.filter(at__gte=cutoff).values("delivery_id"))
    done = WebhookDelivery.filter(
        status__in=[DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED], created_at__lt=cutoff
    ).exclude(id__in=recent)
    purged = 0
    while ids := await done.limit(PURGE_BATCH).values_list("id", flat=True):
        await WebhookDelivery.filter(id__in=list(ids)).delete()  # their attempts: cascade
        purged += len(ids)
    used = Subquery(WebhookDelivery.all().values("event_id"))
    orphans = WebhookEvent.filter(occurred_at__lt=cutoff).exclude(id__in=used)
    while ids := await orphans.limit(PURGE_BATCH).values_list("id", flat=True):
        await WebhookEvent.filter(id__in=list(ids)).delete()
    return purged


async def claim_day(worker: str, now: datetime) -> str | None:
    """Claim today's run for ``worker``: its key, or None if it is done or someone has it."""
    key = f"{JOB}:{now.date().isoformat()}"
    if await WebhookJobRun.exists(key=key, done_at__isnull=False):
        return None
    try:
        await WebhookJobRun.create(key=key, claimed_by=worker, claimed_until=now + LEASE)
        return key
    except IntegrityError:
        pass
    taken = (
        await WebhookJobRun.filter(key=key, done_at=None)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_by=worker, claimed_until=now + LEASE)
    )
    return key if taken == 1 else None


async def run_daily(worker: str) -> int | None:
    """Today's notices, if no process has sent them yet; None when this worker did not run."""
    now = clock.now()
    key = await claim_day(worker, now)
    if key is None:
        return None
    try:
        written = await emit_expiring(now)
        purged = await purge_old(now)
    except BaseException:
        await WebhookJobRun.filter(key=key, claimed_by=worker).update(claimed_until=None)
        raise
    await WebhookJobRun.filter(key=key, claimed_by=worker).update(
        done_at=clock.now(), claimed_until=None
    )
    if written:
        logger.info("sent %d maintenance.expiring event(s)", written)
    if purged:
        logger.info("deleted %d webhook deliveries older than %d days", purged, RETENTION.days)
    return written
