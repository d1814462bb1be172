"""Checkout and purchase: an order, its invoice and its licenses, all or nothing, exactly once
per idempotency key; a charge that cannot be recorded is refunded."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tortoise.exceptions import IntegrityError

from backend import clock
from backend.accounts.models import ResellerStatus
from backend.audit.models import AuditEvent
from backend.billing.models import (
    PENDING_SUMMARY_NOTE,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
    Payment,
    PaymentKind,
)
from backend.catalog.models import AddonPrice, ListPrice
from backend.commerce import cart, checkout, idempotency, orders
from backend.commerce.billing_details import BillingChanges
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import (
    CartLine,
    IdempotencyRecord,
    NumberSequence,
    Order,
    OrderLine,
    PaymentMethod,
)
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.identity.api_keys import actor_from_api_key, create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing import issuing
from backend.licensing.keys import is_key
from backend.licensing.models import License, LicenseAddon
from backend.payments.gateway import Charge, SandboxGateway
from tests.commerce.conftest import Shop
from tests.identity.factories import make_reseller, make_user

MAIL = NewLicenseRequest(
    "smartermail", "enterprise", "250", ("activesync", "cyren-antispam"), quantity=2
)
"""($749 + $250 + $150) x 2 = $2,298.00, less 20%: $1,838.40."""
STATS = NewLicenseRequest("smarterstats", "professional", "50", quantity=3)
"""$199 x 3 = $597.00, less 20%: $477.60."""
FREE = NewLicenseRequest("smartertrack", "free", "1")

PAY = PaymentMethod.PAY_ON_ORDER
INVOICE = PaymentMethod.INVOICE
MARCH = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)


class RecordingGateway(SandboxGateway):
    """The sandbox, keeping every charge it made."""

    def __init__(self) -> None:
        super().__init__()
        self.charges: list[Charge] = []

    async def charge(self, **arguments: Any) -> Charge:
        made = await super().charge(**arguments)
        self.charges.append(made)
        return made


@pytest.fixture
def gateway(shop: Shop) -> RecordingGateway:
    shop.gateway = RecordingGateway()
    return shop.gateway


async def fill(actor: Actor, *requests: NewLicenseRequest) -> None:
    for request in requests:
        await cart.add_new_license(actor=actor, request=request)


async def check_out(
    shop: Shop,
    *,
    method: PaymentMethod = PAY,
    token: str | None = "tok_success",
    key: str = "order-1",
    billing: BillingChanges | None = None,
    actor: Actor | None = None,
) -> checkout.Placed:
    return await checkout.checkout(
        actor=actor or shop.actor,
        payment=checkout.Payment(method, token),
        idempotency_key=key,
        gateway=shop.gateway,
        billing=billing,
    )


async def records() -> dict[str, int]:
    """How many rows a checkout writes, per kind."""
    return {
        model.__name__: await model.all().count()
        for model in (
            Order,
            OrderLine,
            Invoice,
            InvoiceLine,
            Payment,
            License,
            LicenseAddon,
            IdempotencyRecord,
            NumberSequence,
        )
    } | {"order.placed": await AuditEvent.filter(action="order.placed").count()}


NOTHING = dict.fromkeys(
    (
        "Order",
        "OrderLine",
        "Invoice",
        "InvoiceLine",
        "Payment",
        "License",
        "LicenseAddon",
        "IdempotencyRecord",
        "NumberSequence",
        "order.placed",
    ),
    0,
)


async def cart_rows() -> list[dict[str, object]]:
    return await CartLine.all().order_by("id").values()


def problems_of(error: DomainError) -> list[tuple[ErrorKind, tuple[str, ...] | None]]:
    return [(problem.kind, problem.field) for problem in error.problems]


def frozen_at(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


# --- paying ----------------------------------------------------------------------------------


async def test_paid_on_order_the_invoice_is_paid_with_the_gateways_charge(
    shop: Shop, gateway: RecordingGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    frozen_at(monkeypatch, MARCH)
    await fill(shop.actor, MAIL, STATS)

    # when
    placed = await check_out(shop)

    # then the total is charged once
    [charge] = gateway.charges
    assert (charge.amount_cents, charge.currency) == (183_840 + 47_760, "USD")
    # and the order holds the prices, the discount and the account's billing details
    order = await Order.get(id=placed.order.id)
    assert order.number == "ORD-2026-000001"
    assert (order.subtotal_cents, order.discount_cents, order.total_cents) == (
        229_800 + 59_700,
        45_960 + 11_940,
        231_600,
    )
    assert (order.payment_method, order.discount_bps, order.placed_at) == (PAY, 2000, MARCH)
    assert (order.placed_by_user_id, order.placed_by_label) == (
        shop.purchaser.id,
        "buyer@acme.example",
    )
    assert order.billing["name"] == "Acme Hosting"
    assert order.billing["country"] == "US"
    assert order.billing["email"] == "billing@acme.example"
    # and its invoice is paid
    invoice = await Invoice.get(order_id=order.id)
    assert invoice.number == "INV-2026-000001"
    assert (invoice.kind, invoice.status, invoice.notes) == (InvoiceKind.ORDER, "PAID", "")
    assert (invoice.total_cents, invoice.amount_paid_cents) == (231_600, 231_600)
    assert invoice.paid_at == invoice.issued_at == MARCH
    # with a payment carrying the gateway's reference
    [payment] = await Payment.all()
    assert payment.invoice_id == invoice.id
    assert (payment.kind, payment.amount_cents, payment.gateway) == (
        PaymentKind.CARD,
        231_600,
        "sandbox",
    )
    assert payment.reference == charge.reference
    assert payment.reference.startswith("sandbox_ch_")
    # and the cart is empty, the order in the audit log
    assert await CartLine.all().count() == 0
    event = await AuditEvent.get(action="order.placed")
    assert (event.target_label, event.actor_label) == (order.number, "buyer@acme.example")


async def test_on_invoice_the_invoice_waits_for_the_monthly_summary(
    shop: Shop, gateway: RecordingGateway
) -> None:
    # given
    await fill(shop.actor, MAIL)

    # when
    placed = await check_out(shop, method=INVOICE, token=None)

    # then nothing is charged and the invoice says it will be summarized
    assert gateway.charges == []
    invoice = await Invoice.get(id=placed.invoice.id)
    assert invoice.status is InvoiceStatus.PENDING_SUMMARY
    assert invoice.notes == PENDING_SUMMARY_NOTE
    assert (invoice.due_at, invoice.paid_at, invoice.amount_paid_cents) == (None, None, 0)
    assert invoice.total_cents == 183_840
    assert await Payment.all().count() == 0
    assert len(placed.licenses) == 2


async def test_the_invoice_has_the_orders_lines(shop: Shop) -> None:
    await fill(shop.actor, MAIL, STATS)
    placed = await check_out(shop, method=INVOICE)
    order_lines = await OrderLine.filter(order_id=placed.order.id).order_by("position")
    invoice_lines = await InvoiceLine.filter(invoice_id=placed.invoice.id).order_by("position")
    fields = ("position", "description", "quantity", "unit_price_cents", "discount_cents")
    assert [[getattr(line, f) for f in fields] for line in invoice_lines] == [
        [getattr(line, f) for f in fields] for line in order_lines
    ]
    assert [line.order_line_id for line in invoice_lines] == [line.id for line in order_lines]
    assert [(line.quantity, line.total_cents) for line in order_lines] == [
        (2, 183_840),
        (3, 47_760),
    ]


async def test_billing_details_given_at_checkout_replace_the_accounts(shop: Shop) -> None:
    await fill(shop.actor, STATS)
    placed = await check_out(
        shop, billing=BillingChanges(name="Acme Europe", country="de", city="Berlin")
    )
    assert placed.order.billing["name"] == "Acme Europe"
    assert placed.order.billing["country"] == "DE"
    assert placed.order.billing["address_line1"] == "1 Main Street"  # the account's
    assert placed.invoice.billing == placed.order.billing


async def test_wrong_billing_details_name_the_field_and_buy_nothing(shop: Shop) -> None:
    await fill(shop.actor, STATS)
    with pytest.raises(DomainError) as caught:
        await check_out(shop, billing=BillingChanges(country="XX", city=""))
    assert sorted(problems_of(caught.value)) == [
        (ErrorKind.INVALID, ("billing", "country")),
        (ErrorKind.REQUIRED, ("billing", "city")),
    ]
    assert await records() == NOTHING


async def test_missing_account_billing_details_say_where_they_come_from(shop: Shop) -> None:
    # given an account without a billing email, and an order that gives a bad city
    shop.reseller.billing_email = ""
    await shop.reseller.save()
    await fill(shop.actor, STATS)

    with pytest.raises(DomainError) as caught:
        await check_out(shop, billing=BillingChanges(city=""))

    # then the account's missing value says how to mend it; the order's own does not
    messages = {p.field: p.message for p in caught.value.problems}
    assert messages[("billing", "email")].endswith(
        "(from the account's billing details: complete them under Account, "
        "or send `billing.email` with the order)"
    )
    assert messages[("billing", "city")] == "This field is required."
    assert await records() == NOTHING


async def test_paying_by_invoice_is_refused_when_the_account_may_not(
    shop: Shop, gateway: RecordingGateway
) -> None:
    # given
    shop.reseller.may_pay_by_invoice = False
    await shop.reseller.save()
    await fill(shop.actor, MAIL)
    before = await cart_rows()

    # when
    with pytest.raises(DomainError) as caught:
        await check_out(shop, method=INVOICE)

    # then
    assert problems_of(caught.value) == [(ErrorKind.INVALID, ("payment_method",))]
    assert await records() == NOTHING
    assert await cart_rows() == before
    assert gateway.charges == []


async def test_paying_on_order_needs_a_token(shop: Shop) -> None:
    await fill(shop.actor, MAIL)
    with pytest.raises(DomainError) as caught:
        await check_out(shop, token="  ")
    assert problems_of(caught.value) == [(ErrorKind.REQUIRED, ("payment_token",))]
    assert await records() == NOTHING


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("tok_declined", ErrorKind.PAYMENT_DECLINED),
        ("tok_gateway_error", ErrorKind.PAYMENT_FAILED),
        ("tok_made_up", ErrorKind.INVALID),
    ],
)
async def test_a_failed_payment_buys_nothing_and_the_key_can_be_used_again(
    shop: Shop, gateway: RecordingGateway, token: str, kind: ErrorKind
) -> None:
    # given
    await fill(shop.actor, MAIL, STATS)
    before = await cart_rows()

    # when
    with pytest.raises(DomainError) as caught:
        await check_out(shop, token=token, key="the-key")

    # then nothing is bought or charged and the cart is as it was
    assert problems_of(caught.value) == [(kind, ("payment_token",))]
    assert await records() == NOTHING
    assert await cart_rows() == before
    assert gateway.charges == []
    assert gateway.refunded == []

    # when the buyer tries again with another card and the same key
    placed = await check_out(shop, token="tok_success", key="the-key")

    # then it is bought
    assert not placed.replayed
    assert len(placed.licenses) == 5
    assert placed.invoice.status is InvoiceStatus.PAID
    assert len(gateway.charges) == 1


async def test_an_empty_cart_is_refused(shop: Shop, gateway: RecordingGateway) -> None:
    with pytest.raises(DomainError) as caught:
        await check_out(shop)
    assert problems_of(caught.value) == [(ErrorKind.INVALID, None)]
    assert await records() == NOTHING
    assert gateway.charges == []


async def test_a_suspended_account_cannot_buy(shop: Shop) -> None:
    await fill(shop.actor, STATS)
    shop.reseller.status = ResellerStatus.SUSPENDED
    await shop.reseller.save()
    with pytest.raises(DomainError) as caught:
        await check_out(shop)
    assert problems_of(caught.value) == [(ErrorKind.PERMISSION_DENIED, None)]
    assert await records() == NOTHING


@pytest.mark.parametrize("role", [Role.RESELLER_VIEWER, Role.RESELLER_BILLING])
async def test_roles_that_do_not_shop_cannot_check_out(shop: Shop, role: Role) -> None:
    actor = actor_for(await make_user(role, shop.reseller))
    with pytest.raises(DomainError) as caught:
        await check_out(shop, actor=actor)
    assert problems_of(caught.value) == [(ErrorKind.PERMISSION_DENIED, None)]
    assert await records() == NOTHING


async def test_a_free_order_paid_on_order_charges_nothing_and_is_paid(
    shop: Shop, gateway: RecordingGateway
) -> None:
    # given a cart of Free editions
    await fill(shop.actor, replace(FREE, quantity=3))

    # when checked out to pay on order, without a token
    placed = await check_out(shop, token=None)

    # then
    assert gateway.charges == []
    assert placed.order.total_cents == 0
    invoice = await Invoice.get(id=placed.invoice.id)
    assert (invoice.status, invoice.total_cents, invoice.amount_paid_cents) == ("PAID", 0, 0)
    assert invoice.paid_at is not None
    assert await Payment.all().count() == 0
    assert len(placed.licenses) == 3


# --- exactly once --------------------------------------------------------------------------


async def test_a_repeated_request_answers_with_the_first_order(
    shop: Shop, gateway: RecordingGateway
) -> None:
    # given a placed order
    await fill(shop.actor, MAIL)
    first = await check_out(shop, key="k-1")
    after_first = await records()
    # and something new in the cart meanwhile
    await fill(shop.actor, STATS)
    cart_now = await cart_rows()

    # when the same request is sent again
    again = await check_out(shop, key="k-1")

    # then it answers with the first order, and nothing more is bought or charged
    assert again.replayed and not first.replayed
    assert again.order.id == first.order.id
    assert again.order.number == first.order.number
    assert again.invoice.id == first.invoice.id
    assert [lic.key for lic in again.licenses] == [lic.key for lic in first.licenses]
    assert await records() == after_first
    assert await cart_rows() == cart_now
    assert len(gateway.charges) == 1


@pytest.mark.parametrize(
    "different",
    [
        {"method": INVOICE, "token": None},
        {"token": "tok_declined"},
        {"billing": BillingChanges(name="Someone Else")},
    ],
    ids=["payment method", "payment token", "billing details"],
)
async def test_the_same_key_for_a_different_request_is_refused(
    shop: Shop, gateway: RecordingGateway, different: dict[str, Any]
) -> None:
    # given
    await fill(shop.actor, MAIL)
    await check_out(shop, key="k-1")
    await fill(shop.actor, STATS)
    after_first = await records()

    # when
    with pytest.raises(DomainError) as caught:
        await check_out(shop, key="k-1", **different)

    # then
    assert problems_of(caught.value) == [(ErrorKind.IDEMPOTENCY_KEY_REUSED, ("idempotency_key",))]
    assert await records() == after_first
    assert len(gateway.charges) == 1


@pytest.mark.parametrize(
    ("key", "kind"), [("   ", ErrorKind.REQUIRED), ("x" * 101, ErrorKind.INVALID)]
)
async def test_the_idempotency_key_is_checked(shop: Shop, key: str, kind: ErrorKind) -> None:
    await fill(shop.actor, STATS)
    with pytest.raises(DomainError) as caught:
        await check_out(shop, key=key)
    assert problems_of(caught.value) == [(kind, ("idempotency_key",))]
    assert await records() == NOTHING


async def test_keys_are_per_reseller(shop: Shop) -> None:
    # given an order of another reseller with the key "k-1"
    other_reseller = await make_reseller(
        address_line1="2 Side Street", city="Shelbyville", country="US", billing_email="b@o.example"
    )
    other = await make_user(Role.RESELLER_PURCHASER, other_reseller)
    await fill(actor_for(other), STATS)
    theirs = await check_out(shop, key="k-1", actor=actor_for(other), method=PAY)

    # when this reseller uses the same key
    await fill(shop.actor, STATS)
    ours = await check_out(shop, key="k-1")

    # then it is a new order
    assert not ours.replayed
    assert ours.order.id != theirs.order.id


class HeldGateway(RecordingGateway):
    """A gateway whose charges wait until the test lets them go on."""

    def __init__(self) -> None:
        super().__init__()
        self.charging = asyncio.Event()
        self.go_on = asyncio.Event()

    async def charge(self, **arguments: Any) -> Charge:
        self.charging.set()
        await self.go_on.wait()
        return await super().charge(**arguments)


async def test_a_duplicate_sent_during_the_checkout_waits_for_its_order(shop: Shop) -> None:
    # given a checkout held at its payment
    await fill(shop.actor, MAIL)
    held = HeldGateway()
    shop.gateway = held
    first = asyncio.create_task(check_out(shop, key="k-1"))
    await held.charging.wait()

    # when the same request comes again meanwhile
    second = asyncio.create_task(check_out(shop, key="k-1"))
    await asyncio.sleep(0.2)

    # then it waits for the first
    assert not second.done()
    held.go_on.set()
    placed, again = await first, await second
    # and answers with its order
    assert again.replayed and again.order.id == placed.order.id
    assert len(held.charges) == 1
    assert await Order.all().count() == 1


async def test_a_duplicate_that_waits_too_long_is_told_to_try_again(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a checkout held at its payment, and a short patience
    monkeypatch.setattr(idempotency, "WAIT_FOR_SECONDS", 0.2)
    await fill(shop.actor, MAIL)
    held = HeldGateway()
    shop.gateway = held
    first = asyncio.create_task(check_out(shop, key="k-1"))
    await held.charging.wait()

    # when the same request comes again
    with pytest.raises(DomainError) as caught:
        await check_out(shop, key="k-1")

    # then it is refused for now, and the first goes on
    assert problems_of(caught.value) == [(ErrorKind.CONFLICT, ("idempotency_key",))]
    held.go_on.set()
    placed = await first
    assert await Order.all().values_list("id", flat=True) == [placed.order.id]
    # after which the request answers with the order
    assert (await check_out(shop, key="k-1")).replayed


async def test_a_claim_left_by_a_process_that_died_is_taken_over(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a checkout stuck at its payment
    await fill(shop.actor, MAIL)
    held = HeldGateway()
    shop.gateway = held
    stuck = asyncio.create_task(check_out(shop, key="k-1"))
    await held.charging.wait()

    # when the same request comes again after the claim went stale
    later = clock.now() + idempotency.STALE_AFTER + timedelta(seconds=1)
    frozen_at(monkeypatch, later)
    fresh = RecordingGateway()
    shop.gateway = fresh
    placed = await check_out(shop, key="k-1")

    # then it places the order itself
    assert not placed.replayed
    assert [c.amount_cents for c in fresh.charges] == [183_840]
    # and the stuck checkout, when it wakes up, buys nothing and is refunded
    held.go_on.set()
    with pytest.raises(DomainError):
        await stuck
    assert held.refunded == held.charges
    assert len(held.charges) == 1
    assert await Order.all().values_list("id", flat=True) == [placed.order.id]
    assert await License.all().count() == 2
    assert (await check_out(shop, key="k-1")).order.id == placed.order.id


# --- prices are fixed at checkout ------------------------------------------------------------


async def test_a_later_price_change_does_not_alter_the_order_or_its_invoice(shop: Shop) -> None:
    # given a placed order
    await fill(shop.actor, MAIL)
    placed = await check_out(shop)
    stored = {
        "order": await Order.filter(id=placed.order.id).values(),
        "lines": await OrderLine.filter(order_id=placed.order.id).values(),
        "invoice": await Invoice.filter(id=placed.invoice.id).values(),
        "invoice lines": await InvoiceLine.filter(invoice_id=placed.invoice.id).values(),
    }

    # when the vendor changes the list price, the add-on price and the discount
    await ListPrice.filter(
        edition__product__code="smartermail", edition__code="enterprise", tier__code="250"
    ).update(amount_cents=99_900)
    await AddonPrice.filter(addon__code="activesync", tier__code="250").update(
        yearly_amount_cents=1
    )
    shop.reseller.discount_bps = 5000
    await shop.reseller.save()

    # then the order, its lines and its invoice are as they were
    assert stored == {
        "order": await Order.filter(id=placed.order.id).values(),
        "lines": await OrderLine.filter(order_id=placed.order.id).values(),
        "invoice": await Invoice.filter(id=placed.invoice.id).values(),
        "invoice lines": await InvoiceLine.filter(invoice_id=placed.invoice.id).values(),
    }
    replayed = await check_out(shop)
    assert (replayed.order.total_cents, replayed.invoice.total_cents) == (183_840, 183_840)


async def test_a_price_change_during_payment_refunds_and_buys_nothing(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a gateway during whose charge the vendor changes the price
    await fill(shop.actor, MAIL)
    before = await cart_rows()
    gateway = RecordingGateway()
    charge = gateway.charge

    async def charge_while_the_price_changes(**arguments: Any) -> Charge:
        await ListPrice.filter(
            edition__product__code="smartermail", edition__code="enterprise", tier__code="250"
        ).update(amount_cents=80_000)
        return await charge(**arguments)

    monkeypatch.setattr(gateway, "charge", charge_while_the_price_changes)
    shop.gateway = gateway

    # when
    with pytest.raises(DomainError) as caught:
        await check_out(shop)

    # then the buyer is told, refunded and nothing is bought
    assert problems_of(caught.value) == [(ErrorKind.CONFLICT, None)]
    assert gateway.refunded == gateway.charges
    assert len(gateway.refunded) == 1
    assert await records() == NOTHING
    assert await cart_rows() == before


# --- all or nothing ------------------------------------------------------------------------


async def test_a_failure_after_the_charge_refunds_it_and_leaves_nothing(
    shop: Shop, gateway: RecordingGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given issuing licenses fails
    await fill(shop.actor, MAIL, STATS)
    before = await cart_rows()

    async def broken(**arguments: object) -> list[License]:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(orders, "issue_licenses", broken)

    # when
    with pytest.raises(RuntimeError, match="the disk is full"):
        await check_out(shop, key="k-1")

    # then the charge is refunded in full and nothing is left
    [charge] = gateway.charges
    assert gateway.refunded == [charge]
    assert charge.amount_cents == 231_600
    assert await records() == NOTHING
    assert await cart_rows() == before

    # when it works again, the same key buys (with a new charge)
    monkeypatch.undo()
    placed = await check_out(shop, key="k-1")
    assert not placed.replayed
    assert len(gateway.charges) == 2
    [payment] = await Payment.all()
    assert payment.reference == gateway.charges[1].reference != charge.reference


async def test_a_license_key_collision_is_retried(
    shop: Shop, gateway: RecordingGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a license that exists, and a key generator that repeats its key once
    await fill(shop.actor, replace(STATS, quantity=1))
    [existing] = (await check_out(shop, key="first")).licenses
    await fill(shop.actor, replace(STATS, quantity=1), MAIL)
    real_new_key = issuing.new_key
    calls = 0

    def new_key() -> str:
        nonlocal calls
        calls += 1
        return existing.key if calls == 1 else real_new_key()

    monkeypatch.setattr(issuing, "new_key", new_key)

    # when
    placed = await check_out(shop, key="second")

    # then the order is placed once, with fresh keys, and charged once
    assert calls == 6  # three keys for the first attempt, three for the second
    assert len(placed.licenses) == 3
    keys = [lic.key for lic in await License.all()]
    assert len(set(keys)) == len(keys) == 4
    assert all(is_key(key) for key in keys)
    assert await Order.all().count() == 2
    assert await Invoice.all().count() == 2
    assert [o.number for o in await Order.all().order_by("id")] == [
        f"ORD-{clock.now().year}-000001",
        f"ORD-{clock.now().year}-000002",
    ]
    assert len(gateway.charges) == 2
    assert gateway.refunded == []


async def test_keys_that_always_collide_give_up_refund_and_leave_nothing(
    shop: Shop, gateway: RecordingGateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    await fill(shop.actor, replace(STATS, quantity=1))
    [existing] = (await check_out(shop, key="first")).licenses
    after_first = await records()
    await fill(shop.actor, MAIL)
    monkeypatch.setattr(issuing, "new_key", lambda: existing.key)

    # when
    with pytest.raises(IntegrityError):
        await check_out(shop, key="second")

    # then
    assert gateway.refunded == gateway.charges[1:]
    assert len(gateway.refunded) == 1
    assert await records() == after_first


# --- numbers, licenses ---------------------------------------------------------------------


async def test_numbers_are_sequential_per_year_and_restart_in_a_new_year(
    shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    numbers = []
    for key, moment in [
        ("a", MARCH),
        ("b", datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)),
        ("c", datetime(2027, 1, 1, 0, 0, 1, tzinfo=UTC)),
        ("d", datetime(2027, 1, 2, tzinfo=UTC)),
    ]:
        frozen_at(monkeypatch, moment)
        await fill(shop.actor, STATS)

        # when
        placed = await check_out(shop, key=key, method=INVOICE if key in "bd" else PAY)
        numbers.append((placed.order.number, placed.invoice.number))

    # then
    assert numbers == [
        ("ORD-2026-000001", "INV-2026-000001"),
        ("ORD-2026-000002", "INV-2026-000002"),
        ("ORD-2027-000001", "INV-2027-000001"),
        ("ORD-2027-000002", "INV-2027-000002"),
    ]


@pytest.mark.parametrize(
    ("placed_at", "expires_at"),
    [
        (MARCH, datetime(2027, 3, 10, 9, 30, tzinfo=UTC)),
        (datetime(2028, 2, 29, 12, tzinfo=UTC), datetime(2029, 2, 28, 12, tzinfo=UTC)),
    ],
)
async def test_licenses_one_per_unit_with_their_addons_and_twelve_months_of_maintenance(
    shop: Shop, monkeypatch: pytest.MonkeyPatch, placed_at: datetime, expires_at: datetime
) -> None:
    # given
    frozen_at(monkeypatch, placed_at)
    await fill(shop.actor, MAIL, replace(STATS, personal=True))

    # when
    placed = await check_out(shop)

    # then as many licenses as the quantities add up to
    licenses = await License.filter(order_line__order_id=placed.order.id).order_by("id")
    assert [lic.id for lic in placed.licenses] == [lic.id for lic in licenses]
    assert len(licenses) == 2 + 3
    mail, stats = licenses[:2], licenses[2:]
    # each with its line's product, edition, tier and add-ons
    line = await OrderLine.get(order_id=placed.order.id, position=1)
    assert {(lic.product_id, lic.edition_id, lic.tier_id) for lic in mail} == {
        (line.product_id, line.edition_id, line.tier_id)
    }
    for lic in mail:
        codes = await LicenseAddon.filter(license_id=lic.id).values_list("addon__code", flat=True)
        assert sorted(codes) == ["activesync", "cyren-antispam"]
    for lic in stats:
        assert await LicenseAddon.filter(license_id=lic.id).count() == 0
    # unassigned, personal as asked, revision 1, M&S for the catalog's 12 months
    assert all(lic.customer_id is None and lic.status == "UNASSIGNED" for lic in licenses)
    assert [lic.personal for lic in licenses] == [False, False, True, True, True]
    assert {lic.revision for lic in licenses} == {1}
    assert {lic.created_at for lic in licenses} == {placed_at}
    assert {lic.maintenance_expires_at for lic in licenses} == {expires_at}
    assert all(is_key(lic.key) for lic in licenses)


# --- purchase: the cart-less checkout for automation -------------------------------------------


@pytest.fixture
async def api_key(shop: Shop) -> Actor:
    """A purchaser API key of the shop's reseller, as the API authenticates it."""
    owner = await make_user(Role.RESELLER_OWNER, shop.reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="Web shop", role=Role.RESELLER_PURCHASER
    )
    return await actor_from_api_key(secret, ip_address="127.0.0.1", request_id="req-1")


async def buy(
    shop: Shop,
    actor: Actor,
    lines: list[NewLicenseRequest],
    *,
    key: str = "p-1",
    method: PaymentMethod = PAY,
) -> checkout.Placed:
    return await checkout.purchase(
        actor=actor,
        lines=lines,
        payment=checkout.Payment(method, "tok_success"),
        idempotency_key=key,
        gateway=shop.gateway,
    )


async def test_an_api_key_buys_with_purchase(
    shop: Shop, api_key: Actor, gateway: RecordingGateway
) -> None:
    # given a purchaser's cart, which a purchase leaves alone
    await fill(shop.actor, STATS)
    before = await cart_rows()

    # when
    placed = await buy(shop, api_key, [MAIL, STATS])

    # then
    order = await Order.get(id=placed.order.id)
    assert order.placed_by_user_id is None
    assert order.placed_by_api_key_id == api_key.api_key_id
    assert order.placed_by_label.startswith("API key Web shop (ppk_")
    assert order.total_cents == 231_600
    assert [c.amount_cents for c in gateway.charges] == [231_600]
    assert len(placed.licenses) == 5
    assert placed.invoice.status is InvoiceStatus.PAID
    assert await cart_rows() == before
    event = await AuditEvent.get(action="order.placed")
    assert event.actor_api_key_id == api_key.api_key_id

    # when sent again
    again = await buy(shop, api_key, [MAIL, STATS])

    # then
    assert again.replayed and again.order.id == order.id
    # and the same key with other lines is refused
    with pytest.raises(DomainError) as caught:
        await buy(shop, api_key, [STATS])
    assert problems_of(caught.value) == [(ErrorKind.IDEMPOTENCY_KEY_REUSED, ("idempotency_key",))]


async def test_an_api_key_cannot_check_out_a_cart(shop: Shop, api_key: Actor) -> None:
    with pytest.raises(DomainError) as caught:
        await check_out(shop, actor=api_key)
    assert problems_of(caught.value) == [(ErrorKind.PERMISSION_DENIED, None)]


@pytest.mark.parametrize(
    ("count", "kind"),
    [(0, ErrorKind.REQUIRED), (checkout.MAX_PURCHASE_LINES + 1, ErrorKind.INVALID)],
)
async def test_a_purchase_has_one_to_fifty_lines(
    shop: Shop, api_key: Actor, count: int, kind: ErrorKind
) -> None:
    with pytest.raises(DomainError) as caught:
        await buy(shop, api_key, [replace(STATS, quantity=1)] * count)
    assert problems_of(caught.value) == [(kind, ("lines",))]
    assert await records() == NOTHING


async def test_a_purchase_of_fifty_lines_is_fine(shop: Shop, api_key: Actor) -> None:
    placed = await buy(shop, api_key, [replace(STATS, quantity=1)] * 50, method=INVOICE)
    assert len(placed.licenses) == 50
    assert await OrderLine.filter(order_id=placed.order.id).count() == 50


async def test_a_purchases_invalid_lines_are_named_by_position(shop: Shop, api_key: Actor) -> None:
    with pytest.raises(DomainError) as caught:
        await buy(
            shop,
            api_key,
            [
                STATS,
                replace(STATS, quantity=0),
                replace(MAIL, edition_code="professional", addon_codes=("activesync",)),
            ],
        )
    assert problems_of(caught.value) == [
        (ErrorKind.INVALID, ("lines", "1", "quantity")),
        (ErrorKind.INVALID, ("lines", "2", "addon_codes", "0")),
    ]
    assert await records() == NOTHING
