"""Paying invoices: by card (``pay_invoice``), once per idempotency key and once per invoice
however concurrently; by bank transfer recorded by the vendor (``record_payment``), in parts.
Paying a summary invoice pays every invoice it collects."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from backend import clock
from backend.audit.models import AuditEvent
from backend.billing import payments
from backend.billing.models import (
    SUMMARY_NOTE,
    Invoice,
    InvoiceKind,
    InvoiceStatus,
    Payment,
    PaymentKind,
)
from backend.commerce import checkout
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import IdempotencyRecord, PaymentMethod
from backend.commerce.numbers import next_number
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.payments.gateway import Charge, SandboxGateway
from tests.commerce.conftest import Shop, shop  # noqa: F401 - the fixture, shared with these tests
from tests.identity.factories import make_reseller, make_user

STATS = NewLicenseRequest("smarterstats", "professional", "50")
"""$199.00 less 20%: an invoice of $159.20."""


class RecordingGateway(SandboxGateway):
    """The sandbox, keeping every charge it made."""

    def __init__(self) -> None:
        super().__init__()
        self.charges: list[Charge] = []

    async def charge(self, **arguments: Any) -> Charge:
        made = await super().charge(**arguments)
        self.charges.append(made)
        return made


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


async def invoiced(actor: Actor, key: str) -> Invoice:
    """An invoice waiting for the month's summary: one SmarterStats license bought on invoice."""
    placed = await checkout.purchase(
        actor=actor,
        lines=[STATS],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key=key,
        gateway=SandboxGateway(),
    )
    assert placed.invoice.status is InvoiceStatus.PENDING_SUMMARY
    return placed.invoice


async def summarize(children: list[Invoice], period: str = "2026-05") -> Invoice:
    """A month's summary invoice collecting ``children``, as the month's close makes it."""
    now = clock.now()
    summary = await Invoice.create(
        number=await next_number("invoice", now.year),
        reseller_id=children[0].reseller_id,
        kind=InvoiceKind.SUMMARY,
        status=InvoiceStatus.OPEN,
        period=period,
        subtotal_cents=sum(child.subtotal_cents for child in children),
        discount_cents=sum(child.discount_cents for child in children),
        total_cents=sum(child.total_cents for child in children),
        billing=children[0].billing,
        notes=SUMMARY_NOTE,
        issued_at=now,
        due_at=now + timedelta(days=30),
    )
    await Invoice.filter(id__in=[child.id for child in children]).update(
        summary_invoice_id=summary.id
    )
    return summary


@dataclass
class Billed:
    shop: Shop
    owner: Actor
    """May pay the account's invoices."""
    vendor: Actor
    summary: Invoice
    children: list[Invoice]
    waiting: Invoice
    """Pending, bought after the month closed: in no summary yet."""
    gateway: RecordingGateway


@pytest.fixture
async def billed(shop: Shop) -> Billed:  # noqa: F811
    children = [await invoiced(shop.actor, f"order-{n}") for n in range(3)]
    summary = await summarize(children)
    waiting = await invoiced(shop.actor, "order-late")
    owner = actor_for(await make_user(Role.RESELLER_OWNER, shop.reseller))
    vendor = actor_for(await make_user(Role.VENDOR_ADMIN, email="billing@vendor.example"))
    return Billed(shop, owner, vendor, summary, children, waiting, RecordingGateway())


async def pay(
    billed: Billed,
    invoice: Invoice,
    *,
    token: str = "tok_success",
    key: str = "pay-1",
    actor: Actor | None = None,
) -> payments.PaidInvoice:
    return await payments.pay_invoice(
        actor=actor or billed.owner,
        invoice_id=invoice.id,
        token=token,
        idempotency_key=key,
        gateway=billed.gateway,
    )


async def transfer(
    billed: Billed, invoice: Invoice, cents: int, reference: str = "BANK-1", **more: Any
) -> payments.RecordedPayment:
    return await payments.record_payment(
        actor=billed.vendor,
        invoice_id=invoice.id,
        amount_cents=cents,
        reference=reference,
        **more,
    )


async def statuses(*invoices: Invoice) -> list[tuple[InvoiceStatus, int]]:
    rows = {row.id: row for row in await Invoice.filter(id__in=[i.id for i in invoices])}
    return [(rows[i.id].status, rows[i.id].amount_paid_cents) for i in invoices]


def problems_of(error: DomainError) -> list[tuple[ErrorKind, tuple[str, ...] | None]]:
    return [(problem.kind, problem.field) for problem in error.problems]


UNPAID = [(InvoiceStatus.OPEN, 0)] + [(InvoiceStatus.PENDING_SUMMARY, 0)] * 3


# --- by card ---------------------------------------------------------------------------------


async def test_paying_a_summary_pays_it_and_every_invoice_it_collects(billed: Billed) -> None:
    # when the owner pays the month's summary
    paid = await pay(billed, billed.summary)

    # then the whole amount was charged once
    [charge] = billed.gateway.charges
    assert charge.amount_cents == 3 * 159_20 == billed.summary.total_cents
    # and the summary and each of its invoices are paid in full, at one moment
    rows = await Invoice.filter(id__in=[billed.summary.id, *(c.id for c in billed.children)])
    assert {row.status for row in rows} == {InvoiceStatus.PAID}
    assert all(row.amount_paid_cents == row.total_cents for row in rows)
    assert {row.paid_at for row in rows} == {paid.invoice.paid_at}
    assert {row.notes for row in rows if row.kind is InvoiceKind.ORDER} == {
        f"Paid with summary invoice {billed.summary.number}."
    }
    # and the invoice that waits for next month's summary is not
    assert await statuses(billed.waiting) == [(InvoiceStatus.PENDING_SUMMARY, 0)]
    # and the card payment is recorded against the summary
    payment = await Payment.get()
    assert (payment.id, payment.invoice_id, payment.reseller_id) == (
        paid.payment.id,
        billed.summary.id,
        billed.shop.reseller.id,
    )
    assert (payment.kind, payment.amount_cents, payment.gateway, payment.reference) == (
        PaymentKind.CARD,
        477_60,
        "sandbox",
        charge.reference,
    )
    assert payment.recorded_by_label == billed.owner.label
    assert paid.invoice.status is InvoiceStatus.PAID and not paid.replayed
    # and audited, with the invoices it paid
    event = await AuditEvent.get(action="invoice.paid")
    assert event.target_label == billed.summary.number
    assert event.actor_label == billed.owner.label
    assert event.changes["status"] == ["OPEN", "PAID"]
    assert event.changes["invoices_paid"] == [None, 3]


async def test_an_order_invoice_open_for_payment_is_paid_by_card(billed: Billed) -> None:
    # given an order's invoice that is open (e.g. reopened by the vendor)
    invoice = billed.waiting
    await Invoice.filter(id=invoice.id).update(status=InvoiceStatus.OPEN)

    # when
    paid = await pay(billed, invoice)

    # then
    assert await statuses(invoice) == [(InvoiceStatus.PAID, 159_20)]
    assert paid.payment.amount_cents == 159_20
    assert await statuses(billed.summary, *billed.children) == UNPAID


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("tok_declined", ErrorKind.PAYMENT_DECLINED),
        ("tok_gateway_error", ErrorKind.PAYMENT_FAILED),
        ("tok_made_up", ErrorKind.INVALID),
    ],
)
async def test_a_failed_charge_pays_nothing_and_frees_the_key(
    billed: Billed, token: str, kind: ErrorKind
) -> None:
    # when the card is refused
    with pytest.raises(DomainError) as caught:
        await pay(billed, billed.summary, token=token)

    # then the buyer is told why, at the token
    assert problems_of(caught.value) == [(kind, ("payment_token",))]
    # and nothing is paid, charged or recorded
    assert await statuses(billed.summary, *billed.children) == UNPAID
    assert billed.gateway.charges == []
    assert await Payment.all().count() == 0
    assert not await AuditEvent.exists(action="invoice.paid")
    # and the key can be used again, with another card
    assert not await IdempotencyRecord.exists(key="pay-1")
    await pay(billed, billed.summary)
    assert await statuses(billed.summary) == [(InvoiceStatus.PAID, 477_60)]


async def test_an_invoice_in_a_summary_is_paid_through_the_summary(billed: Billed) -> None:
    with pytest.raises(DomainError) as caught:
        await pay(billed, billed.children[0])

    [problem] = caught.value.problems
    assert (problem.kind, problem.field) == (ErrorKind.CONFLICT, ("invoice_id",))
    assert problem.message == (
        f"This invoice is part of summary invoice {billed.summary.number}; pay that one."
    )
    assert billed.gateway.charges == []
    assert not await IdempotencyRecord.exists(key="pay-1")


async def test_an_invoice_waiting_for_the_summary_need_not_be_paid(billed: Billed) -> None:
    with pytest.raises(DomainError) as caught:
        await pay(billed, billed.waiting)

    assert [p.message for p in caught.value.problems] == [
        "This invoice will be summarized in the monthly summarized invoice at the start of next "
        "month; it does not need to be paid now."
    ]
    assert billed.gateway.charges == []


async def test_a_paid_or_void_invoice_takes_no_payment(billed: Billed) -> None:
    # given a paid summary and a void invoice
    await pay(billed, billed.summary)
    await Invoice.filter(id=billed.waiting.id).update(status=InvoiceStatus.VOID)

    for invoice, message in [
        (billed.summary, "This invoice is already paid."),
        (billed.waiting, "This invoice is void: it cannot be paid."),
    ]:
        # when it is paid again, with a new key
        with pytest.raises(DomainError) as caught:
            await pay(billed, invoice, key=f"again-{invoice.id}")

        # then
        assert [(p.kind, p.message) for p in caught.value.problems] == [
            (ErrorKind.CONFLICT, message)
        ]
    assert len(billed.gateway.charges) == 1


async def test_a_retry_with_the_same_key_answers_with_the_first_payment(billed: Billed) -> None:
    first = await pay(billed, billed.summary, key="k-1")

    again = await pay(billed, billed.summary, key="k-1")

    assert again.replayed
    assert again.payment.id == first.payment.id
    assert again.invoice.status is InvoiceStatus.PAID
    assert len(billed.gateway.charges) == 1
    assert await Payment.all().count() == 1
    assert await AuditEvent.filter(action="invoice.paid").count() == 1


async def test_a_key_is_for_one_request(billed: Billed) -> None:
    # given a key used to pay the summary
    await pay(billed, billed.summary, key="k-1")

    # when it comes with another invoice, or with an order's key
    for invoice, key in [(billed.waiting, "k-1"), (billed.summary, "order-0")]:
        with pytest.raises(DomainError) as caught:
            await pay(billed, invoice, key=key)

        # then it is refused
        assert problems_of(caught.value) == [
            (ErrorKind.IDEMPOTENCY_KEY_REUSED, ("idempotency_key",))
        ]
    assert len(billed.gateway.charges) == 1


async def test_a_duplicate_sent_during_the_payment_waits_for_it(billed: Billed) -> None:
    # given a payment held at its charge
    held = HeldGateway()
    billed.gateway = held
    first = asyncio.create_task(pay(billed, billed.summary, key="k-1"))
    await held.charging.wait()

    # when the same request comes meanwhile
    second = asyncio.create_task(pay(billed, billed.summary, key="k-1"))
    await asyncio.sleep(0.2)
    assert not second.done()
    held.go_on.set()

    # then both answer with the one payment
    paid, again = await first, await second
    assert again.replayed and again.payment.id == paid.payment.id
    assert len(held.charges) == 1


async def test_a_payment_that_lost_the_race_is_refunded(billed: Billed) -> None:
    # given a payment held at its charge
    held = HeldGateway()
    billed.gateway = held
    slow = asyncio.create_task(pay(billed, billed.summary, key="slow"))
    await held.charging.wait()

    # when a colleague pays the same summary meanwhile (another key, another card)
    billed.gateway = RecordingGateway()
    won = await pay(billed, billed.summary, key="fast")
    held.go_on.set()

    # then the held payment is refused and its charge given back
    with pytest.raises(DomainError) as caught:
        await slow
    assert problems_of(caught.value) == [(ErrorKind.CONFLICT, ("invoice_id",))]
    assert "refunded" in caught.value.problems[0].message
    assert held.refunded == held.charges and len(held.charges) == 1
    # and the summary was paid once
    assert await Payment.all().values_list("id", flat=True) == [won.payment.id]
    assert await statuses(billed.summary) == [(InvoiceStatus.PAID, 477_60)]
    assert not await IdempotencyRecord.exists(key="slow")


async def test_a_failure_after_the_charge_refunds_it_and_pays_nothing(
    billed: Billed, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the audit log fails at the end of the payment's transaction
    async def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(payments, "record", broken)

    # when
    with pytest.raises(RuntimeError):
        await pay(billed, billed.summary)

    # then everything is as before, and the charge is refunded
    assert await statuses(billed.summary, *billed.children) == UNPAID
    assert await Payment.all().count() == 0
    assert billed.gateway.refunded == billed.gateway.charges
    assert len(billed.gateway.charges) == 1
    assert not await IdempotencyRecord.exists(key="pay-1")


async def test_who_may_pay_by_card(billed: Billed) -> None:
    reseller = billed.shop.reseller
    billing = actor_for(await make_user(Role.RESELLER_BILLING, reseller))
    viewer = actor_for(await make_user(Role.RESELLER_VIEWER, reseller))
    other = actor_for(await make_user(Role.RESELLER_OWNER, await make_reseller()))

    # a purchaser, a viewer and the vendor may not
    for actor in (billed.shop.actor, viewer, billed.vendor):
        with pytest.raises(DomainError) as caught:
            await pay(billed, billed.summary, actor=actor)
        assert problems_of(caught.value) == [(ErrorKind.PERMISSION_DENIED, None)]
    # another reseller's owner finds no such invoice
    with pytest.raises(DomainError) as caught:
        await pay(billed, billed.summary, actor=other)
    assert [(p.kind, p.message) for p in caught.value.problems] == [
        (ErrorKind.NOT_FOUND, "No such invoice.")
    ]
    assert not await IdempotencyRecord.filter(reseller_id=other.reseller_id).exists()
    # the billing employee may
    assert (await pay(billed, billed.summary, actor=billing)).invoice.status is InvoiceStatus.PAID
    assert len(billed.gateway.charges) == 1


async def test_a_payment_needs_a_token_and_a_key(billed: Billed) -> None:
    with pytest.raises(DomainError) as caught:
        await pay(billed, billed.summary, token=" ", key="")

    assert problems_of(caught.value) == [
        (ErrorKind.REQUIRED, ("idempotency_key",)),
        (ErrorKind.REQUIRED, ("payment_token",)),
    ]


# --- by bank transfer ------------------------------------------------------------------------


async def test_a_transfer_in_two_parts_pays_the_summary(billed: Billed) -> None:
    # when the vendor records a first part of the summary's amount
    received = clock.now() - timedelta(days=2)
    first = await transfer(billed, billed.summary, 200_00, "BANK-1", received_at=received)

    # then what is due is lower, and nothing is paid yet
    assert first.invoice.status is InvoiceStatus.OPEN
    assert first.invoice.amount_paid_cents == 200_00
    assert await statuses(billed.summary, *billed.children) == [
        (InvoiceStatus.OPEN, 200_00),
        *UNPAID[1:],
    ]
    assert first.payment.received_at == received

    # when the rest arrives
    second = await transfer(billed, billed.summary, 277_60, "BANK-2")

    # then the summary and its invoices are paid, as of the last transfer
    assert second.invoice.status is InvoiceStatus.PAID
    assert await statuses(billed.summary, *billed.children) == [
        (InvoiceStatus.PAID, 477_60),
        *[(InvoiceStatus.PAID, 159_20)] * 3,
    ]
    assert {row.paid_at for row in await Invoice.filter(status=InvoiceStatus.PAID)} == {
        second.payment.received_at
    }
    rows = await Payment.all().order_by("id")
    assert [(p.kind, p.amount_cents, p.gateway, p.reference) for p in rows] == [
        (PaymentKind.BANK_TRANSFER, 200_00, "", "BANK-1"),
        (PaymentKind.BANK_TRANSFER, 277_60, "", "BANK-2"),
    ]
    assert {p.recorded_by_label for p in rows} == {"billing@vendor.example"}
    events = await AuditEvent.filter(action="payment.recorded").order_by("id")
    assert [e.changes.get("status") for e in events] == [None, ["OPEN", "PAID"]]
    assert [e.changes["amount_paid"] for e in events] == [["0.00", "200.00"], ["200.00", "477.60"]]
    assert {e.reseller_id for e in events} == {billed.shop.reseller.id}


async def test_a_transfer_is_checked_field_by_field(billed: Billed) -> None:
    with pytest.raises(DomainError) as caught:
        await transfer(
            billed, billed.summary, 0, "  ", received_at=clock.now() + timedelta(hours=1)
        )

    assert problems_of(caught.value) == [
        (ErrorKind.INVALID, ("amount",)),
        (ErrorKind.REQUIRED, ("reference",)),
        (ErrorKind.INVALID, ("received_at",)),
    ]
    assert await Payment.all().count() == 0


@pytest.mark.parametrize(
    ("cents", "reference", "field", "message"),
    [
        (477_61, "BANK-9", "amount", "That is more than the amount due, 477.60 USD."),
        (-5, "BANK-9", "amount", "Give an amount greater than 0."),
        (100, "x" * 101, "reference", "Use at most 100 printable characters."),
        (100, "BANK\n1", "reference", "Use at most 100 printable characters."),
    ],
)
async def test_a_transfer_out_of_bounds_is_refused(
    billed: Billed, cents: int, reference: str, field: str, message: str
) -> None:
    with pytest.raises(DomainError) as caught:
        await transfer(billed, billed.summary, cents, reference)

    assert [(p.field, p.message) for p in caught.value.problems] == [((field,), message)]
    assert await statuses(billed.summary) == [(InvoiceStatus.OPEN, 0)]


async def test_a_transfer_is_recorded_once_per_reference(billed: Billed) -> None:
    await transfer(billed, billed.summary, 100_00, "BANK-1")

    with pytest.raises(DomainError) as caught:
        await transfer(billed, billed.summary, 100_00, " BANK-1 ")

    assert problems_of(caught.value) == [(ErrorKind.CONFLICT, ("reference",))]
    assert await statuses(billed.summary) == [(InvoiceStatus.OPEN, 100_00)]


async def test_a_transfer_for_an_invoice_that_takes_none_is_refused(billed: Billed) -> None:
    await transfer(billed, billed.summary, 477_60)

    for invoice, message in [
        (billed.summary, "This invoice is already paid."),
        (billed.waiting, payments.NOT_YET_SUMMARIZED),
    ]:
        with pytest.raises(DomainError) as caught:
            await transfer(billed, invoice, 100, "BANK-2")
        assert [(p.kind, p.field, p.message) for p in caught.value.problems] == [
            (ErrorKind.CONFLICT, ("invoice_id",), message)
        ]
    assert await Payment.all().count() == 1


async def test_only_the_vendor_records_transfers(billed: Billed) -> None:
    with pytest.raises(DomainError) as caught:
        await payments.record_payment(
            actor=billed.owner, invoice_id=billed.summary.id, amount_cents=100, reference="B"
        )

    assert problems_of(caught.value) == [(ErrorKind.PERMISSION_DENIED, None)]
    assert await Payment.all().count() == 0
