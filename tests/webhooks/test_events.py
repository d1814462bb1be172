"""Every event type reaches a real receiver on loopback exactly once, signed, after the real
flows that cause it; an event is written in the transaction of its change, or not at all."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest

from backend import clock
from backend.billing.closing import close_period
from backend.billing.models import Invoice, InvoiceKind
from backend.billing.payments import pay_invoice
from backend.billing.periods import Period
from backend.commerce import cart, checkout
from backend.commerce.cart import LicenseUpgradeRequest, NewLicenseRequest
from backend.commerce.models import Order, PaymentMethod
from backend.identity.actor import Actor
from backend.identity.roles import Role
from backend.licensing.assignment import assign_license
from backend.webhooks import events, services, signing
from backend.webhooks.maintenance import run_daily
from backend.webhooks.models import (
    DeliveryStatus,
    EventType,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from backend.webhooks.worker import WebhookWorker
from tests.webhooks.conftest import Clock, Hooked
from tests.webhooks.receiver import Received

PUBLIC_URL = "http://testserver"
VENDOR = Actor(role=Role.VENDOR_ADMIN, label="tests")


async def deliver_all(hooked: Hooked) -> None:
    worker = WebhookWorker(hooked.settings)
    while await worker.deliver_due():
        pass


def verified(hooked: Hooked, request: Received) -> dict[str, Any]:
    """The body of a request whose signature checks out with the endpoint's secret."""
    header = request.headers.get(signing.SIGNATURE_HEADER.lower())
    signing.verify(hooked.secret, header, request.body, now=clock.now().timestamp())
    body: dict[str, Any] = json.loads(request.body)
    assert request.headers["partner-portal-event-id"] == body["id"]
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"] == "PartnerPortal-Webhooks/1"
    assert set(body) == {"id", "type", "createdAt", "data"}
    return body


async def test_each_event_reaches_the_receiver_once_with_a_valid_signature(
    hooked: Hooked, today: Clock
) -> None:
    shop = hooked.shop
    # given an invoiced purchase whose line assigns its two licenses at checkout
    invoiced = await checkout.purchase(
        actor=shop.actor,
        lines=[
            NewLicenseRequest(
                "smartermail", "professional", "250", quantity=2, assign_to_email="c@cust.example"
            )
        ],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key="invoiced",
        gateway=shop.gateway,
        public_url=PUBLIC_URL,
    )
    # and a paid purchase of one license, assigned afterwards and then upgraded
    paid = await checkout.purchase(
        actor=shop.actor,
        lines=[NewLicenseRequest("smartertrack", "professional", "5")],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key="paid",
        gateway=shop.gateway,
    )
    [single] = paid.licenses
    await assign_license(
        actor=shop.actor, license_key=single.key, email="d@cust.example", public_url=PUBLIC_URL
    )
    await cart.add_license_upgrade(
        actor=shop.actor, request=LicenseUpgradeRequest(single.key, "enterprise")
    )
    upgrade = await checkout.checkout(
        actor=shop.actor,
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key="upgrade",
        gateway=shop.gateway,
    )
    # and March closed into a summary invoice, which the owner pays
    today.now = datetime(2026, 4, 1, 0, 15, tzinfo=UTC)
    await close_period(Period(2026, 3), actor=VENDOR, public_url=PUBLIC_URL, as_of=today.now)
    summary = await Invoice.get(kind=InvoiceKind.SUMMARY, reseller_id=shop.reseller.id)
    await pay_invoice(
        actor=hooked.owner,
        invoice_id=summary.id,
        token="tok_success",
        idempotency_key="pay-summary",
        gateway=shop.gateway,
    )
    # and the M&S of the three licenses ends in 18 days when the daily job runs
    today.now = datetime(2027, 2, 20, 9, 30, tzinfo=UTC)
    assert await run_daily("worker-1") == 3

    # when the worker delivers
    await deliver_all(hooked)

    # then the receiver got each event once, signed, and nothing else
    bodies = [verified(hooked, request) for request in hooked.receiver.received]
    ids = [body["id"] for body in bodies]
    assert len(ids) == len(set(ids)) == await WebhookEvent.all().count()
    assert Counter(body["type"] for body in bodies) == {
        "order.completed": 3,
        "invoice.created": 3,
        "invoice.paid": 3,  # two paid at checkout, the summary
        "license.assigned": 3,
        "license.modified": 1,
        "invoice.summarized": 1,
        "maintenance.expiring": 3,
    }
    assert all(request.path == "/hooks" for request in hooked.receiver.received)
    assert await WebhookDelivery.filter(status=DeliveryStatus.SUCCEEDED).count() == len(ids)

    # and each carries its object as the API shows it
    by_type: dict[str, list[dict[str, Any]]] = {}
    for body in bodies:
        by_type.setdefault(body["type"], []).append(body["data"])
    orders = {data["order"]["number"]: data["order"] for data in by_type["order.completed"]}
    first = orders[invoiced.order.number]
    assert first["paymentMethod"] == "INVOICE"
    assert first["total"] == {"amount": "638.40", "currency": "USD"}  # 2 x $399, 20% off
    assert {lic["key"] for lic in first["licenses"]} == {lic.key for lic in invoiced.licenses}
    assigned = {data["license"]["key"]: data["license"] for data in by_type["license.assigned"]}
    assert assigned[single.key]["customer"]["email"] == "d@cust.example"
    assert assigned[single.key]["status"] == "ASSIGNED"
    [modified] = by_type["license.modified"]
    assert modified["license"]["edition"] == {"code": "enterprise", "name": "Enterprise"}
    assert modified["change"] == {"kind": "UPGRADE", "orderNumber": upgrade.order.number}
    [summarized] = by_type["invoice.summarized"]
    assert summarized["invoice"]["kind"] == "SUMMARY"
    assert {i["number"] for i in summarized["invoice"]["summarizedInvoices"]} == {
        invoiced.invoice.number
    }
    paid_numbers = {data["invoice"]["number"] for data in by_type["invoice.paid"]}
    assert paid_numbers == {paid.invoice.number, upgrade.invoice.number, summary.number}
    expiring = by_type["maintenance.expiring"]
    assert {data["daysLeft"] for data in expiring} == {18}

    # and the job's next run, or another process's, sends no notice twice
    assert await run_daily("worker-2") is None
    today.now = datetime(2027, 2, 21, 9, 30, tzinfo=UTC)
    assert await run_daily("worker-2") == 0


async def test_a_failed_change_writes_no_event(
    hooked: Hooked, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop = hooked.shop
    real = events.order_completed

    async def emit_then_fail(*args: Any) -> None:
        await real(*args)
        assert await WebhookEvent.all().count() == 3  # written, not yet committed
        raise RuntimeError("the order's transaction fails after the events were written")

    monkeypatch.setattr(checkout.webhooks, "order_completed", emit_then_fail)
    with pytest.raises(RuntimeError):
        await checkout.purchase(
            actor=shop.actor,
            lines=[NewLicenseRequest("smartermail", "professional", "250")],
            payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
            idempotency_key="fails",
            gateway=shop.gateway,
        )
    assert await Order.all().count() == 0
    assert await WebhookEvent.all().count() == 0
    assert await WebhookDelivery.all().count() == 0


async def test_a_declined_payment_writes_no_event(hooked: Hooked) -> None:
    with pytest.raises(Exception, match="declined"):
        await checkout.purchase(
            actor=hooked.shop.actor,
            lines=[NewLicenseRequest("smartermail", "professional", "250")],
            payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_declined"),
            idempotency_key="declined",
            gateway=hooked.shop.gateway,
        )
    assert await WebhookEvent.all().count() == 0


async def test_only_subscribed_enabled_endpoints_get_deliveries(hooked: Hooked) -> None:
    shop = hooked.shop
    # given a second endpoint for invoices only, and a disabled one for everything
    invoices_only, _ = await services.create_endpoint(
        actor=hooked.owner,
        reseller_id=None,
        url=hooked.receiver.url + "/invoices",
        events=["invoice.created"],
        description="",
        secret_key=hooked.settings.secret_key,
        allow_http=True,
    )
    disabled, _ = await services.create_endpoint(
        actor=hooked.owner,
        reseller_id=None,
        url=hooked.receiver.url + "/off",
        events=[t.value for t in EventType if t is not EventType.WEBHOOK_TEST],
        description="",
        secret_key=hooked.settings.secret_key,
        allow_http=True,
    )
    await services.update_endpoint(
        actor=hooked.owner, endpoint_id=disabled.id, enabled=False, allow_http=True
    )
    # when an order is invoiced
    await checkout.purchase(
        actor=shop.actor,
        lines=[NewLicenseRequest("smartermail", "professional", "250")],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key="one",
        gateway=shop.gateway,
    )
    # then the first endpoint gets both events, the second its one, the disabled one none
    rows = await WebhookDelivery.all().values_list("endpoint_id", "event__type")
    assert sorted(rows) == sorted(
        [
            (hooked.endpoint.id, "order.completed"),
            (hooked.endpoint.id, "invoice.created"),
            (invoices_only.id, "invoice.created"),
        ]
    )


async def test_no_endpoint_no_event(shop: Any, today: Clock) -> None:
    await checkout.purchase(
        actor=shop.actor,
        lines=[NewLicenseRequest("smartermail", "professional", "250")],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key="quiet",
        gateway=shop.gateway,
    )
    assert await WebhookEvent.all().count() == 0
    assert not await WebhookEndpoint.exists()
