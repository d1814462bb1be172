"""The webhook worker: retries with backoff until the receiver accepts, gives up, redelivers;
claims like the mail worker; keeps the secret encrypted and signs with both secrets after a
roll."""

from __future__ import annotations

import asyncio
import json
import socket
from datetime import timedelta

import pytest
from cryptography.exceptions import InvalidTag

from backend import clock
from backend.webhooks import services, signing, worker
from backend.webhooks.models import DeliveryStatus, WebhookAttempt, WebhookDelivery
from backend.webhooks.secrets import decrypt
from backend.webhooks.worker import WebhookWorker, backoff
from tests.webhooks.conftest import Clock, Hooked
from tests.webhooks.receiver import running_receiver


async def test_a_failing_receiver_gets_the_retries_then_succeeds(
    hooked: Hooked, today: Clock
) -> None:
    # given a receiver that answers 500, 500, 503, then 200
    hooked.receiver.answers[:] = [500, 500, 503]
    delivery = await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    work = WebhookWorker(hooked.settings)
    # when the worker tries each time the delivery falls due
    for attempt, code in enumerate([500, 500, 503], start=1):
        assert await work.deliver_due() == 1
        row = await WebhookDelivery.get(id=delivery.id)
        # then each failure waits 10 s, 20 s, 40 s (plus at most 10%) before the next try
        assert (row.status, row.attempts, row.last_status_code) == (
            DeliveryStatus.PENDING,
            attempt,
            code,
        )
        assert row.last_error.startswith(f"HTTP {code}: receiver says no")
        wait = row.next_attempt_at - today.now
        assert backoff(attempt) <= wait <= backoff(attempt) * 1.1
        today.now = row.next_attempt_at - timedelta(seconds=1)
        assert await work.deliver_due() == 0  # not due yet
        today.now = row.next_attempt_at
    assert await work.deliver_due() == 1
    # and the fourth attempt succeeds, with the same event id each time, and all four logged
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts, row.last_status_code, row.last_error) == (
        DeliveryStatus.SUCCEEDED,
        4,
        200,
        "",
    )
    assert row.delivered_at == today.now
    ids = {json.loads(r.body)["id"] for r in hooked.receiver.received}
    assert ids == {delivery.event_id} and len(hooked.receiver.received) == 4
    log = await WebhookAttempt.filter(delivery_id=delivery.id).order_by("id")
    assert [a.status_code for a in log] == [500, 500, 503, 200]
    assert await work.deliver_due() == 0


def test_backoff_doubles_from_ten_seconds_to_an_hour() -> None:
    waits = [backoff(n).total_seconds() for n in range(1, worker.MAX_ATTEMPTS)]
    assert waits[:4] == [10, 20, 40, 80]
    assert waits[-1] == 3600
    total = sum(waits)
    assert 22 * 3600 < total < 25 * 3600  # about a day of retries
    assert backoff(3, jitter=0.1) == timedelta(seconds=44)


async def test_gives_up_after_the_last_attempt_and_redeliver_starts_again(
    hooked: Hooked, today: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker, "MAX_ATTEMPTS", 3)
    hooked.receiver.answers[:] = [500, 502, 504]
    delivery = await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    work = WebhookWorker(hooked.settings)
    for _ in range(3):
        today.now += timedelta(hours=2)
        assert await work.deliver_due() == 1
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts, row.last_status_code) == (DeliveryStatus.FAILED, 3, 504)
    today.now += timedelta(days=2)
    assert await work.deliver_due() == 0  # given up
    # when it is redelivered, it is sent at once, and its log keeps the three failures
    again = await services.redeliver(actor=hooked.owner, delivery_id=delivery.id)
    assert (again.status, again.attempts) == (DeliveryStatus.PENDING, 0)
    assert await work.deliver_due() == 1
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts) == (DeliveryStatus.SUCCEEDED, 1)
    assert await WebhookAttempt.filter(delivery_id=delivery.id).count() == 4


async def test_no_connection_is_retried_with_no_status(hooked: Hooked, today: Clock) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    await services.update_endpoint(
        actor=hooked.owner,
        endpoint_id=hooked.endpoint.id,
        url=f"http://127.0.0.1:{port}/gone",
        allow_http=True,
    )
    delivery = await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    assert await WebhookWorker(hooked.settings).deliver_due() == 1
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts, row.last_status_code) == (DeliveryStatus.PENDING, 1, None)
    assert row.last_error.startswith("Could not connect")


async def test_a_redirect_is_not_followed(hooked: Hooked, today: Clock) -> None:
    hooked.receiver.answers[:] = [302]
    delivery = await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    assert await WebhookWorker(hooked.settings).deliver_due() == 1
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.last_status_code) == (DeliveryStatus.PENDING, 302)
    assert len(hooked.receiver.received) == 1


async def test_two_workers_send_each_delivery_once(hooked: Hooked, today: Clock) -> None:
    for _ in range(6):
        await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    first, second = WebhookWorker(hooked.settings, "a"), WebhookWorker(hooked.settings, "b")
    sent = await asyncio.gather(first.deliver_due(), second.deliver_due())
    assert sum(sent) == 6
    ids = [json.loads(r.body)["id"] for r in hooked.receiver.received]
    assert len(ids) == len(set(ids)) == 6


async def test_the_secret_is_stored_encrypted(hooked: Hooked) -> None:
    stored = hooked.endpoint.secret_encrypted
    assert hooked.secret.startswith("whsec_") and hooked.secret not in stored
    assert decrypt(stored, secret_key=hooked.settings.secret_key) == hooked.secret
    with pytest.raises(InvalidTag):
        decrypt(stored, secret_key="another-key-" * 4)


async def test_after_a_roll_both_secrets_verify_for_a_day(hooked: Hooked, today: Clock) -> None:
    _, new = await services.roll_secret(
        actor=hooked.owner, endpoint_id=hooked.endpoint.id, secret_key=hooked.settings.secret_key
    )
    await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    await WebhookWorker(hooked.settings).deliver_due()
    today.now += timedelta(hours=25)
    await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    await WebhookWorker(hooked.settings).deliver_due()
    during, after = hooked.receiver.received
    for secret in (new, hooked.secret):
        signed = during.headers["partner-portal-signature"]
        signing.verify(secret, signed, during.body, now=int(signed[2:12]))
    signed = after.headers["partner-portal-signature"]
    signing.verify(new, signed, after.body, now=clock.now().timestamp())
    with pytest.raises(signing.SignatureError) as refused:
        signing.verify(hooked.secret, signed, after.body, now=clock.now().timestamp())
    assert refused.value.code == signing.SIGNATURE_MISMATCH


async def test_a_disabled_endpoints_deliveries_wait(hooked: Hooked, today: Clock) -> None:
    delivery = await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    await services.update_endpoint(
        actor=hooked.owner, endpoint_id=hooked.endpoint.id, enabled=False, allow_http=True
    )
    assert await WebhookWorker(hooked.settings).deliver_due() == 0
    await services.update_endpoint(
        actor=hooked.owner, endpoint_id=hooked.endpoint.id, enabled=True, allow_http=True
    )
    assert await WebhookWorker(hooked.settings).deliver_due() == 1
    assert (await WebhookDelivery.get(id=delivery.id)).status is DeliveryStatus.SUCCEEDED


async def test_the_lifespan_runs_the_worker_only_when_asked(hooked: Hooked) -> None:
    from dataclasses import replace

    async with worker.running_webhook_worker(replace(hooked.settings, webhook_worker=False)):
        pass
    with running_receiver():
        async with worker.running_webhook_worker(hooked.settings):
            await asyncio.sleep(0)
