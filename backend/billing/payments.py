"""Paying invoices: by card through the payment gateway (``pay_invoice``, the partner's people)
and by bank transfer, recorded by the vendor's billing team (``record_payment``).

Only an ``OPEN`` invoice takes a payment: one waiting for the month's summary (``PENDING_SUMMARY``)
is paid through its summary, and paying a summary in full pays every invoice it collects.

A card payment claims its idempotency key first (a retry answers with the first payment), then
charges the amount due outside any transaction. One transaction then marks the invoice paid with
a conditional update (its status and amounts as they were priced, so of two concurrent payments
exactly one changes the row, on SQLite and PostgreSQL alike), marks the summary's invoices paid
in one statement, inserts the payment, completes the claim and audits. If that fails (a payment
won meanwhile) the charge is refunded and the key released.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from backend import clock
from backend.audit.services import diff, record
from backend.billing.invoices import record_card_payment
from backend.billing.models import Invoice, InvoiceKind, InvoiceStatus, Payment, PaymentKind
from backend.commerce import idempotency
from backend.commerce.charging import charge_card
from backend.errors import DomainError, ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.roles import Permission
from backend.money import Amount
from backend.payments.gateway import (
    PaymentGateway,
)
from backend.webhooks import events as webhooks

MAX_REFERENCE_LENGTH = 100  # Payment.reference
NOT_YET_SUMMARIZED = (
    "This invoice will be summarized in the monthly summarized invoice at the start of next "
    "month; it does not need to be paid now."
)


@dataclass(frozen=True, slots=True)
class PaidInvoice:
    invoice: Invoice
    payment: Payment
    replayed: bool = False
    """True when an earlier request with the same idempotency key made this payment."""


@dataclass(frozen=True, slots=True)
class RecordedPayment:
    invoice: Invoice
    payment: Payment


async def pay_invoice(
    *,
    actor: Actor,
    invoice_id: int,
    token: str,
    idempotency_key: str,
    gateway: PaymentGateway,
) -> PaidInvoice:
    """Charge the amount due of one of the account's invoices to a card (a gateway ``token``)
    and mark it paid, exactly once per idempotency key."""
    actor.require(Permission.INVOICES_PAY)
    reseller_id = actor.reseller_id
    if reseller_id is None:
        raise DomainError(ErrorKind.PERMISSION_DENIED, "Your role does not allow this.")
    problems = Problems()
    key = idempotency.check_key(idempotency_key, problems)
    token = token.strip()
    if not token:
        problems.add(ErrorKind.REQUIRED, "Give a payment token.", "payment_token")
    problems.raise_if_any()
    request = {"operation": "pay_invoice", "invoice": invoice_id, "payment_token": token}
    claim = await idempotency.claim(
        reseller_id=reseller_id, key=key, request_hash=idempotency.fingerprint(request)
    )
    if isinstance(claim, idempotency.Replayed):
        assert claim.payment_id is not None  # the fingerprint names the operation: not an order
        payment = await Payment.get(id=claim.payment_id)
        return PaidInvoice(await Invoice.get(id=payment.invoice_id), payment, replayed=True)
    try:
        return await _pay_claimed(
            actor=actor, invoice_id=invoice_id, token=token, claim=claim, gateway=gateway
        )
    except BaseException:
        await idempotency.release(claim.record_id)
        raise


async def _pay_claimed(
    *,
    actor: Actor,
    invoice_id: int,
    token: str,
    claim: idempotency.Claimed,
    gateway: PaymentGateway,
) -> PaidInvoice:
    invoice = await _visible_invoice(actor, invoice_id)
    refused = await _refusal(invoice)
    if refused is not None:
        raise DomainError(ErrorKind.CONFLICT, refused, field="invoice_id")
    due = invoice.total_cents - invoice.amount_paid_cents
    if due <= 0:  # an invoice of nothing: there is no charge to make
        raise DomainError(ErrorKind.INVALID, "Nothing is due on this invoice.", field="invoice_id")
    charge = await charge_card(
        gateway,
        token=token,
        amount_cents=due,
        currency=invoice.currency,
        idempotency_key=f"{invoice.reseller_id}:{claim.record_id}",
        description=f"Invoice {invoice.number}",
        undone="paid",
        instead="try another card",
    )
    try:
        async with in_transaction():
            now = clock.now()
            before = _state(invoice)
            children = await _settle(invoice, paid_cents=invoice.total_cents, paid_at=now)
            if children is None:
                raise DomainError(
                    ErrorKind.CONFLICT,
                    "This invoice was paid or changed while your card was being charged; the "
                    "charge was refunded. Reload the invoice to see what is due.",
                    field="invoice_id",
                )
            payment = await record_card_payment(
                invoice=invoice,
                charge=charge,
                gateway=gateway.name,
                now=now,
                recorded_by=actor.label,
            )
            await idempotency.complete_payment(claim.record_id, payment.id)
            await record(
                actor,
                "invoice.paid",
                reseller_id=invoice.reseller_id,
                target=invoice,
                target_label=invoice.number,
                changes=_changes(before, invoice, payment, children),
            )
            await webhooks.invoice_paid(invoice)
    except BaseException:
        await gateway.refund(charge)
        raise
    return PaidInvoice(invoice, payment)


async def record_payment(
    *,
    actor: Actor,
    invoice_id: int,
    amount_cents: int,
    reference: str,
    received_at: datetime | None = None,
) -> RecordedPayment:
    """Record money received by bank transfer against an invoice (vendor). Paid in full, the
    invoice (and, for a summary, every invoice it collects) is paid; a part lowers what is due.
    A time without an offset is taken as UTC."""
    actor.require(Permission.BILLING_MANAGE)
    invoice = await _visible_invoice(actor, invoice_id)
    problems = Problems()
    refused = await _refusal(invoice)
    if refused is not None:
        problems.add(ErrorKind.CONFLICT, refused, "invoice_id")
    due = invoice.total_cents - invoice.amount_paid_cents
    if amount_cents <= 0:
        problems.add(ErrorKind.INVALID, "Give an amount greater than 0.", "amount")
    elif refused is None and amount_cents > due:
        problems.add(
            ErrorKind.INVALID,
            f"That is more than the amount due, {_decimal(due)} {invoice.currency}.",
            "amount",
        )
    reference = reference.strip()
    if not reference:
        problems.add(ErrorKind.REQUIRED, "Give the transfer's bank reference.", "reference")
    elif len(reference) > MAX_REFERENCE_LENGTH or not reference.isprintable():
        problems.add(
            ErrorKind.INVALID,
            f"Use at most {MAX_REFERENCE_LENGTH} printable characters.",
            "reference",
        )
    elif await Payment.exists(invoice_id=invoice.id, reference=reference):
        problems.add(
            ErrorKind.CONFLICT,
            "A payment with this reference is already recorded on this invoice.",
            "reference",
        )
    now = clock.now()
    received = now if received_at is None else clock.utc(received_at)
    if received > now:
        problems.add(
            ErrorKind.INVALID, "The payment cannot be received in the future.", "received_at"
        )
    problems.raise_if_any()
    async with in_transaction():
        before = _state(invoice)
        paid_cents = invoice.amount_paid_cents + amount_cents
        children = await _settle(invoice, paid_cents=paid_cents, paid_at=received)
        if children is None:
            raise DomainError(
                ErrorKind.CONFLICT,
                "This invoice was paid or changed meanwhile; nothing was recorded. Reload it "
                "and try again.",
                field="invoice_id",
            )
        payment = await Payment.create(
            reseller_id=invoice.reseller_id,
            invoice_id=invoice.id,
            kind=PaymentKind.BANK_TRANSFER,
            amount_cents=amount_cents,
            currency=invoice.currency,
            gateway="",
            reference=reference,
            received_at=received,
            recorded_by_label=actor.label,
        )
        await record(
            actor,
            "payment.recorded",
            reseller_id=invoice.reseller_id,
            target=invoice,
            target_label=invoice.number,
            changes=_changes(before, invoice, payment, children),
        )
        if invoice.status is InvoiceStatus.PAID:
            await webhooks.invoice_paid(invoice)
    return RecordedPayment(invoice, payment)


async def _visible_invoice(actor: Actor, invoice_id: int) -> Invoice:
    invoice = await actor.scope(Invoice).get_or_none(id=invoice_id)
    if invoice is None:
        raise not_found("invoice", "invoice_id")
    return invoice


async def _refusal(invoice: Invoice) -> str | None:
    """Why ``invoice`` takes no payment now; None when it does."""
    if invoice.status is InvoiceStatus.PAID:
        return "This invoice is already paid."
    if invoice.status is InvoiceStatus.VOID:
        return "This invoice is void: it cannot be paid."
    if invoice.status is InvoiceStatus.PENDING_SUMMARY:
        if invoice.summary_invoice_id is None:
            return NOT_YET_SUMMARIZED
        number = await Invoice.get(id=invoice.summary_invoice_id).values_list("number", flat=True)
        return f"This invoice is part of summary invoice {number}; pay that one."
    return None


async def _settle(invoice: Invoice, *, paid_cents: int, paid_at: datetime) -> int | None:
    """Raise what is paid of ``invoice`` to ``paid_cents`` if it is still as it was read;
    paid in full, it is ``PAID`` and so is every invoice a summary collects (how many: returned).
    None when it changed meanwhile (another payment won): nothing was changed."""
    in_full = paid_cents == invoice.total_cents
    changes: dict[str, object] = {"amount_paid_cents": paid_cents}
    if in_full:
        changes |= {"status": InvoiceStatus.PAID, "paid_at": paid_at}
    updated = await Invoice.filter(
        id=invoice.id,
        status=invoice.status,
        total_cents=invoice.total_cents,
        amount_paid_cents=invoice.amount_paid_cents,
    ).update(**changes)
    if updated != 1:
        return None
    invoice.amount_paid_cents = paid_cents
    if not in_full:
        return 0
    invoice.status, invoice.paid_at = InvoiceStatus.PAID, paid_at
    if invoice.kind is not InvoiceKind.SUMMARY:
        return 0
    return await Invoice.filter(
        summary_invoice_id=invoice.id, status=InvoiceStatus.PENDING_SUMMARY
    ).update(
        status=InvoiceStatus.PAID,
        amount_paid_cents=F("total_cents"),
        paid_at=paid_at,
        notes=f"Paid with summary invoice {invoice.number}.",
    )


def _state(invoice: Invoice) -> dict[str, str]:
    return {"status": invoice.status.value, "amount_paid": _decimal(invoice.amount_paid_cents)}


def _changes(
    before: dict[str, str], invoice: Invoice, payment: Payment, children: int
) -> dict[str, object]:
    changes: dict[str, object] = diff(before, _state(invoice))
    changes["payment"] = [None, f"{_decimal(payment.amount_cents)} {payment.currency}"]
    changes["reference"] = [None, payment.reference]
    if children:
        changes["invoices_paid"] = [None, children]
    return changes


def _decimal(cents: int) -> str:
    return str(Amount(cents).decimal)
