"""Writing a placed order, inside the checkout's transaction: the order and its lines at the
prices agreed, its invoice and payment, the licenses issued, assigned and changed, the emptied
cart, the completed idempotency claim and the audit entry."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from backend import clock
from backend.accounts.models import Reseller
from backend.audit.services import record
from backend.billing.invoices import issue_order_invoice, record_card_payment
from backend.billing.models import Invoice
from backend.catalog.services import Catalog, load_catalog
from backend.commerce import idempotency
from backend.commerce.billing_details import BillingDetails
from backend.commerce.charging import Payment
from backend.commerce.lines import PricedCart
from backend.commerce.models import CartLine, Order, OrderLine
from backend.commerce.numbers import next_number
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.licensing.assignment import assign_at_checkout
from backend.licensing.issuing import issue_licenses
from backend.licensing.models import License
from backend.licensing.modifying import apply_changes, planned_changes
from backend.money import Amount
from backend.payments.gateway import Charge, PaymentGateway


@dataclass(frozen=True, slots=True)
class Placed:
    order: Order
    invoice: Invoice
    licenses: list[License]
    replayed: bool = False
    """True when an earlier request with the same idempotency key placed this order."""


PriceLines = Callable[[Catalog, Reseller], Awaitable[PricedCart]]
"""Prices the order's lines from a catalog for a reseller (its discount)."""


async def write_order(
    *,
    actor: Actor,
    reseller_id: int,
    claim: idempotency.Claimed,
    price: PriceLines,
    agreed: PricedCart,
    payment: Payment,
    charge: Charge | None,
    gateway: PaymentGateway,
    details: BillingDetails,
    empties_cart: bool,
    public_url: str | None,
) -> Placed:
    # the account's orders one at a time; NO KEY: a transaction inserting rows of the account
    # (an assignment's email and audit entry) while holding a license this order changes must
    # not wait for this lock, or the two deadlock (FOR UPDATE blocks foreign key checks)
    reseller = await Reseller.filter(id=reseller_id).select_for_update(no_key=True).get()
    catalog = await load_catalog()
    cart = await price(catalog, reseller)
    if cart.signature != agreed.signature:
        raise DomainError(
            ErrorKind.CONFLICT,
            "Your cart or its prices changed during checkout. Nothing was bought; "
            "review the cart and check out again.",
        )
    now = clock.now()
    order = await Order.create(
        number=await next_number("order", now.year),
        reseller_id=reseller_id,
        placed_by_user_id=actor.user_id,
        placed_by_api_key_id=actor.api_key_id,
        placed_by_label=actor.label,
        payment_method=payment.method,
        discount_bps=cart.discount_bps,
        subtotal_cents=cart.totals.subtotal,
        discount_cents=cart.totals.discount,
        total_cents=cart.totals.total,
        billing=details.as_json(),
        placed_at=now,
    )
    lines = []
    changes = planned_changes([line.item for line in cart.lines])
    for position, (line, change) in enumerate(zip(cart.lines, changes, strict=True), start=1):
        order_line = await OrderLine.create(
            order_id=order.id,
            position=position,
            kind=line.kind,
            product_id=line.item.product.id,
            edition_id=line.item.edition.id,
            tier_id=line.item.tier.id,
            addon_codes=[addon.code for addon in line.item.addons],
            description=line.item.description,
            quantity=line.price.quantity,
            unit_price_cents=line.price.unit_price,
            subtotal_cents=line.price.subtotal,
            discount_cents=line.price.discount,
            total_cents=line.price.total,
            assign_to_email=line.assign_to_email,
            personal=line.personal,
            license_id=change.after.id if change is not None else None,
            years=line.years,
            change=change.as_json() if change is not None else None,
        )
        lines.append((order_line, line))
    invoice = await issue_order_invoice(
        order=order,
        lines=[ol for ol, _ in lines],
        now=now,
        reseller=reseller,
        public_url=public_url,
    )
    if charge is not None:
        await record_card_payment(
            invoice=invoice, charge=charge, gateway=gateway.name, now=now, recorded_by=actor.label
        )
    licenses = await issue_licenses(
        reseller_id=reseller_id,
        lines=lines,
        now=now,
        term_months=catalog.maintenance.term_months,
    )
    await assign_at_checkout(
        actor=actor,
        reseller=reseller,
        lines=[order_line for order_line, _ in lines],
        licenses=licenses,
        catalog=catalog,
        now=now,
        public_url=public_url,
    )
    await apply_changes(
        actor=actor,
        reseller=reseller,
        order_number=order.number,
        changes=[change for change in changes if change is not None],
    )
    if empties_cart:
        await CartLine.filter(id__in=[line.cart_line_id for line in cart.lines]).delete()
    await idempotency.complete(claim.record_id, order.id)
    await record(
        actor,
        "order.placed",
        reseller_id=reseller_id,
        target=order,
        target_label=order.number,
        changes={
            "total": [None, str(Amount(order.total_cents).decimal)],
            "payment_method": [None, payment.method.value],
            "licenses": [None, len(licenses)],
            "invoice": [None, invoice.number],
        },
    )
    return Placed(order=order, invoice=invoice, licenses=licenses)


async def placed_order(order_id: int, *, replayed: bool = False) -> Placed:
    """An order already placed, with its invoice and licenses."""
    order = await Order.get(id=order_id)
    invoice = await Invoice.get(order_id=order_id)
    licenses = await License.filter(order_id=order_id).order_by("id")
    return Placed(order=order, invoice=invoice, licenses=licenses, replayed=replayed)
