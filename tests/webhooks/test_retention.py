"""The daily run keeps delivery logs to 30 days after a delivery's last attempt: finished
deliveries older go with their attempts, then events nothing refers to; pending ones stay."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backend import clock
from backend.webhooks import maintenance, services
from backend.webhooks.maintenance import RETENTION, purge_old, run_daily
from backend.webhooks.models import DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEvent
from tests.webhooks.conftest import Clock, Hooked


async def delivery(hooked: Hooked, status: DeliveryStatus, *attempts_ago: timedelta) -> int:
    """A test delivery queued now, in ``status``, with an attempt at each of ``attempts_ago``
    before now."""
    queued = await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    await WebhookDelivery.filter(id=queued.id).update(status=status)
    for ago in attempts_ago:
        await WebhookAttempt.create(
            delivery_id=queued.id, at=clock.now() - ago, status_code=500, duration_ms=5
        )
    return queued.id


async def test_finished_deliveries_go_after_thirty_days_pending_ones_stay(
    hooked: Hooked, today: Clock
) -> None:
    # given deliveries queued on 10 March, one of each kind
    start = today.now
    day = timedelta(days=1)
    succeeded = await delivery(hooked, DeliveryStatus.SUCCEEDED, timedelta(0))
    failed = await delivery(hooked, DeliveryStatus.FAILED, timedelta(0))
    pending = await delivery(hooked, DeliveryStatus.PENDING, timedelta(0))
    # and one failed then redelivered: its last attempt comes 20 days later
    redelivered = await delivery(hooked, DeliveryStatus.FAILED, timedelta(0), -20 * day)

    # when the purge runs exactly 30 days later, nothing is old enough
    assert 30 * day == RETENTION
    assert await purge_old(start + RETENTION) == 0

    # when it runs a minute after that
    removed = await purge_old(start + RETENTION + timedelta(minutes=1))

    # then the two finished deliveries went, with their attempts and their events
    assert removed == 2
    kept = set(await WebhookDelivery.all().values_list("id", flat=True))
    assert kept == {pending, redelivered}
    assert not await WebhookAttempt.filter(delivery_id__in=[succeeded, failed]).exists()
    assert await WebhookEvent.all().count() == 2

    # and 30 days after the redelivery's last attempt it goes too; the pending one never does
    assert await purge_old(start + 51 * day) == 1
    assert await purge_old(start + 400 * day) == 0
    assert set(await WebhookDelivery.all().values_list("id", flat=True)) == {pending}
    assert await WebhookEvent.all().count() == 1


async def test_the_daily_run_purges_in_batches(
    hooked: Hooked, today: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given 7 finished deliveries and batches of 3
    monkeypatch.setattr(maintenance, "PURGE_BATCH", 3)
    for _ in range(7):
        await delivery(hooked, DeliveryStatus.SUCCEEDED, timedelta(0))

    # when the daily run comes 31 days later
    today.now += timedelta(days=31)
    assert await run_daily("worker-1") == 0  # no maintenance.expiring notice due

    # then every one of them went, events included
    assert await WebhookDelivery.all().count() == 0
    assert await WebhookEvent.all().count() == 0
