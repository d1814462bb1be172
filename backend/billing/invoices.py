"""Issuing an order's invoice: paid at checkout, or pending until the month's summary."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from backend.accounts.models import Reseller
from backend.billing.emails import notify_invoice_created
from backend.billing.models import (
    PENDING_SUMMARY_NOTE,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
    Payment,
    PaymentKind,
)
from backend.commerce.models import Order, OrderLine, PaymentMethod
from backend.commerce.numbers import next_number
from backend.payments.gateway import Charge


async def issue_order_invoice(
    *,
    order: Order,
    lines: Sequence[OrderLine],
    now: datetime,
    reseller: Reseller,
    public_url: str | None,
) -> Invoice:
    """The order's invoice with one line per order line, and its email to the account if the
    account wants it (linking to ``public_url``'s invoice page; no link when None); call inside
    the order's transaction."""
    paid = order.payment_method is PaymentMethod.PAY_ON_ORDER
    invoice = await Invoice.create(
        number=await next_number("invoice", now.year),
        reseller_id=order.reseller_id,
        kind=InvoiceKind.ORDER,
        status=InvoiceStatus.PAID if paid else InvoiceStatus.PENDING_SUMMARY,
        order_id=order.id,
        currency=order.currency,
        subtotal_cents=order.subtotal_cents,
        discount_cents=order.discount_cents,
        total_cents=order.total_cents,
        amount_paid_cents=order.total_cents if paid else 0,
        billing=order.billing,
        notes="" if paid else PENDING_SUMMARY_NOTE,
        issued_at=now,
        due_at=now if paid else None,
        paid_at=now if paid else None,
    )
    await InvoiceLine.bulk_create(
        [
            InvoiceLine(
                invoice_id=invoice.id,
                position=line.position,
                order_line_id=line.id,
                description=line.description,
                quantity=line.quantity,
                unit_price_cents=line.unit_price_cents,
                subtotal_cents=line.subtotal_cents,
                discount_cents=line.discount_cents,
                total_cents=line.total_cents,
            )
            for line in lines
        ]
    )
    await notify_invoice_created(
        reseller=reseller, invoice=invoice, order_number=order.number, public_url=public_url
    )
    return invoice


async def record_card_payment(
    *, invoice: Invoice, charge: Charge, gateway: str, now: datetime, recorded_by: str
) -> Payment:
    return await Payment.create(
        reseller_id=invoice.reseller_id,
        invoice_id=invoice.id,
        kind=PaymentKind.CARD,
        amount_cents=charge.amount_cents,
        currency=charge.currency,
        gateway=gateway,
        reference=charge.reference,
        received_at=now,
        recorded_by_label=recorded_by,
    )
