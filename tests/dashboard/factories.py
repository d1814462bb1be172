"""Orders, invoices and licenses as rows, at any date: the dashboard's figures are about time,
and checking out through the clock for each would be slow and blur the dates under test."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime, timedelta

from backend.accounts.models import Reseller
from backend.billing.models import Invoice, InvoiceKind, InvoiceStatus
from backend.catalog.models import Addon, Edition, Product, Tier
from backend.commerce.models import LineKind, Order, OrderLine, PaymentMethod
from backend.identity.models import User
from backend.licensing.keys import new_key
from backend.licensing.models import License, LicenseAddon

_numbers = itertools.count(1)


async def make_order(
    reseller: Reseller,
    placed_at: datetime,
    lines: Sequence[tuple[str, int]],
    *,
    discount_bps: int = 0,
    number: str | None = None,
) -> Order:
    """An order of one line per ``(product code, subtotal cents)``, each discounted by
    ``discount_bps`` (rounded down, as at checkout)."""
    n = next(_numbers)
    order = await Order.create(
        number=number or f"ORD-{placed_at.year}-{n:06d}",
        reseller=reseller,
        placed_by_label="factory",
        payment_method=PaymentMethod.INVOICE,
        discount_bps=discount_bps,
        subtotal_cents=0,
        discount_cents=0,
        total_cents=0,
        billing={"name": reseller.name},
        placed_at=placed_at,
    )
    subtotal = discount = 0
    for position, (code, cents) in enumerate(lines, start=1):
        product = await Product.get(code=code)
        edition = await Edition.filter(product=product).order_by("-rank").first()
        tier = await Tier.filter(product=product).order_by("rank").first()
        assert edition is not None and tier is not None
        off = cents * discount_bps // 10_000
        await OrderLine.create(
            order=order,
            position=position,
            kind=LineKind.NEW_LICENSE,
            product=product,
            edition=edition,
            tier=tier,
            description=f"{product.name} license",
            quantity=1,
            unit_price_cents=cents,
            subtotal_cents=cents,
            discount_cents=off,
            total_cents=cents - off,
        )
        subtotal += cents
        discount += off
    order.subtotal_cents, order.discount_cents = subtotal, discount
    order.total_cents = subtotal - discount
    await order.save()
    return order


async def make_invoice(
    reseller: Reseller,
    *,
    total_cents: int,
    status: InvoiceStatus = InvoiceStatus.OPEN,
    paid_cents: int = 0,
    issued_at: datetime,
    due_at: datetime | None = None,
    period: str | None = None,
    number: str | None = None,
) -> Invoice:
    """A summary invoice when ``period`` is given, else an order's invoice (with its order,
    numbered alike)."""
    n = next(_numbers)
    order = None
    if period is None:
        order_number = number.replace("INV", "ORD") if number else None
        order = await make_order(
            reseller, issued_at, [("smartermail", total_cents)], number=order_number
        )
    paid = status is InvoiceStatus.PAID
    return await Invoice.create(
        number=number or f"INV-{issued_at.year}-{n:06d}",
        reseller=reseller,
        kind=InvoiceKind.ORDER if order is not None else InvoiceKind.SUMMARY,
        status=status,
        order=order,
        subtotal_cents=total_cents,
        discount_cents=0,
        total_cents=total_cents,
        amount_paid_cents=total_cents if paid else paid_cents,
        billing={"name": reseller.name},
        period=period,
        issued_at=issued_at,
        due_at=due_at,
        paid_at=issued_at if paid else None,
    )


async def make_license(
    reseller: Reseller,
    *,
    maintenance_expires_at: datetime,
    customer: User | None = None,
    personal: bool = False,
    order: Order | None = None,
    addons: Sequence[str] = (),
    key: str | None = None,
) -> License:
    """A license of SmarterMail bought on ``order`` (a new one when not given), with the
    add-ons of ``addons`` codes."""
    created = maintenance_expires_at - timedelta(days=365)
    if order is None:
        order = await make_order(reseller, created, [("smartermail", 10_000)])
    line = await OrderLine.filter(order=order).first()
    assert line is not None
    license = await License.create(
        key=key or new_key(),
        reseller=reseller,
        order=order,
        order_line=line,
        product_id=line.product_id,
        edition_id=line.edition_id,
        tier_id=line.tier_id,
        personal=personal,
        customer=customer,
        assigned_at=created if customer is not None else None,
        maintenance_expires_at=maintenance_expires_at,
        created_at=created,
    )
    for code in addons:
        addon = await Addon.get(product_id=line.product_id, code=code)
        await LicenseAddon.create(license=license, addon=addon, added_at=created)
    return license
