"""Invoices waiting for the monthly summary, made in bulk (orders and their invoices as rows):
for the month-close tests and ``make bench``, where checking out each one would take hours."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from tortoise import Tortoise
from tortoise.functions import Max

from backend.accounts.models import Reseller
from backend.billing.models import (
    PENDING_SUMMARY_NOTE,
    Invoice,
    InvoiceKind,
    InvoiceStatus,
)
from backend.commerce.models import Order, PaymentMethod

_batches = itertools.count(1)
BATCH = 1000


async def _next_id(model: type[Order] | type[Invoice]) -> int:
    rows = await model.all().annotate(top=Max("id")).values("top")
    return int(rows[0]["top"] or 0) + 1 if rows else 1


async def make_pending_invoices(
    resellers: Sequence[Reseller],
    per_reseller: int,
    *,
    start: datetime,
    span: timedelta = timedelta(days=27),
    seed: int = 1,
    paid: bool = False,
) -> list[Invoice]:
    """``per_reseller`` invoiced orders for each reseller, issued between ``start`` and
    ``start + span``, with random amounts and discounts (exact cents); ``paid``: paid on order.
    Returns the invoices (in memory; ``id`` set)."""
    rng = random.Random(seed)
    batch = next(_batches)
    order_id = await _next_id(Order)
    invoice_id = await _next_id(Invoice)
    orders: list[Order] = []
    invoices: list[Invoice] = []
    for reseller in resellers:
        for n in range(per_reseller):
            subtotal = rng.randint(1, 500_000)
            discount = subtotal * reseller.discount_bps // 10_000
            issued = start + span * rng.random()
            tag = f"{batch:03d}{reseller.id:05d}{n:06d}"
            billing = {"name": reseller.name, "email": reseller.billing_email}
            orders.append(
                Order(
                    id=order_id,
                    number=f"ORD-{tag}",
                    reseller_id=reseller.id,
                    placed_by_label="bulk",
                    payment_method=PaymentMethod.PAY_ON_ORDER if paid else PaymentMethod.INVOICE,
                    discount_bps=reseller.discount_bps,
                    subtotal_cents=subtotal,
                    discount_cents=discount,
                    total_cents=subtotal - discount,
                    billing=billing,
                    placed_at=issued,
                )
            )
            invoices.append(
                Invoice(
                    id=invoice_id,
                    number=f"INV-{tag}",
                    reseller_id=reseller.id,
                    kind=InvoiceKind.ORDER,
                    status=InvoiceStatus.PAID if paid else InvoiceStatus.PENDING_SUMMARY,
                    order_id=order_id,
                    subtotal_cents=subtotal,
                    discount_cents=discount,
                    total_cents=subtotal - discount,
                    amount_paid_cents=subtotal - discount if paid else 0,
                    billing=billing,
                    notes="" if paid else PENDING_SUMMARY_NOTE,
                    issued_at=issued,
                    paid_at=issued if paid else None,
                    due_at=issued if paid else None,
                )
            )
            order_id += 1
            invoice_id += 1
    await Order.bulk_create(orders, batch_size=BATCH)
    await Invoice.bulk_create(invoices, batch_size=BATCH)
    await _advance_sequences("commerce_order", "billing_invoice")
    return invoices


async def _advance_sequences(*tables: str) -> None:
    """PostgreSQL: move the id sequences past the ids given explicitly."""
    connection = Tortoise.get_connection("default")
    if connection.capabilities.dialect != "postgres":
        return
    for table in tables:
        await connection.execute_query(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
        )
