"""Checkout: a cart (``checkout``) or a list of lines (``purchase``) becomes an order, its
invoice and its licenses, all or nothing, exactly once per idempotency key.

1. The request is checked and its idempotency key claimed (``idempotency.claim``): a retry of a
   placed request answers with the first order; a concurrent one waits for it.
2. The lines are priced from the current catalog and the reseller's discount.
3. Paid on order, the total is charged through the gateway, outside any transaction. A declined
   or failed charge raises before anything is written, and the claim is released.
4. One transaction prices the lines again (a cart or price that changed meanwhile refuses the
   checkout), then writes the order, its lines, its invoice, the payment and the licenses,
   empties the cart and completes the claim. If it fails, the charge is refunded.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import asdict, dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import Reseller, ResellerStatus
from backend.audit.services import record
from backend.billing.invoices import issue_order_invoice, record_card_payment
from backend.billing.models import Invoice
from backend.catalog.services import Catalog, load_catalog
from backend.commerce import idempotency
from backend.commerce.billing_details import BillingChanges, BillingDetails, billing_details
from backend.commerce.cart import price_lines_of
from backend.commerce.lines import (
    LicenseUpgradeRequest,
    MaintenanceRequest,
    NewLicenseRequest,
    PricedCart,
    PricedLine,
    check_maintenance,
    check_new_license,
    check_upgrade,
    priced,
)
from backend.commerce.models import CartLine, Order, OrderLine, PaymentMethod
from backend.commerce.numbers import next_number
from backend.errors import DomainError, ErrorKind, Problems
from backend.identity.actor import Actor
from backend.identity.roles import Permission
from backend.licensing.assignment import assign_at_checkout
from backend.licensing.issuing import issue_licenses
from backend.licensing.models import License
from backend.licensing.modifying import apply_changes, planned_changes, states_by_key
from backend.money import Amount
from backend.payments.gateway import (
    Charge,
    GatewayError,
    InvalidPaymentToken,
    PaymentDeclined,
    PaymentGateway,
)

MAX_PURCHASE_LINES = 50
ATTEMPTS = 3
"""Tries of the order's transaction: a (practically impossible) duplicate license key or a
concurrent first number of the year fails it on a unique constraint, and it is retried."""


@dataclass(frozen=True, slots=True)
class Payment:
    method: PaymentMethod
    token: str | None = None


@dataclass(frozen=True, slots=True)
class Placed:
    order: Order
    invoice: Invoice
    licenses: list[License]
    replayed: bool = False
    """True when an earlier request with the same idempotency key placed this order."""


PriceLines = Callable[[Catalog, Reseller], Awaitable[PricedCart]]


async def checkout(
    *,
    actor: Actor,
    payment: Payment,
    idempotency_key: str,
    gateway: PaymentGateway,
    billing: BillingChanges | None = None,
    public_url: str | None = None,
) -> Placed:
    """Buy what is in the caller's cart; ``public_url`` is where the emails of licenses assigned
    at checkout link to (needed when a line has ``assign_to_email``)."""
    actor.require(Permission.SHOP)
    user_id = actor.user_id
    if user_id is None:
        raise DomainError(
            ErrorKind.PERMISSION_DENIED,
            "An API key has no cart: buy with the `purchase` mutation instead.",
        )

    async def price(catalog: Catalog, reseller: Reseller) -> PricedCart:
        cart = await price_lines_of(actor, catalog, user_id, reseller.discount_bps)
        if not cart.lines:
            raise DomainError(ErrorKind.INVALID, "Your cart is empty.")
        cart.raise_if_unavailable()
        return cart

    request = {"operation": "checkout", "user": user_id, "billing": _given(billing)}
    return await _place(
        actor=actor,
        request=request,
        price=price,
        payment=payment,
        idempotency_key=idempotency_key,
        gateway=gateway,
        billing=billing,
        empties_cart=True,
        public_url=public_url,
    )


async def purchase(
    *,
    actor: Actor,
    lines: Sequence[NewLicenseRequest],
    payment: Payment,
    idempotency_key: str,
    gateway: PaymentGateway,
    billing: BillingChanges | None = None,
    public_url: str | None = None,
    license_upgrades: Sequence[LicenseUpgradeRequest] = (),
    maintenance: Sequence[MaintenanceRequest] = (),
) -> Placed:
    """Buy the given lines without a cart: the automation API for partners' servers. Besides
    new licenses (``lines``) it upgrades licenses and renews or reinstates their M&S; problems
    name the entry at fault (``lines``, ``license_upgrades`` or ``maintenance``, position)."""
    actor.require(Permission.SHOP)
    count = len(lines) + len(license_upgrades) + len(maintenance)
    if not count:
        raise DomainError(ErrorKind.REQUIRED, "Give at least one line.", field="lines")
    if count > MAX_PURCHASE_LINES:
        raise DomainError(
            ErrorKind.INVALID,
            f"Give at most {MAX_PURCHASE_LINES} lines, upgrades and M&S in all.",
            field="lines",
        )

    async def price(catalog: Catalog, reseller: Reseller) -> PricedCart:
        return await _price_purchase(
            actor,
            catalog,
            reseller.discount_bps,
            lines=lines,
            upgrades=license_upgrades,
            maintenance=maintenance,
        )

    request: dict[str, object] = {
        "operation": "purchase",
        "lines": [asdict(line) for line in lines],
        "billing": _given(billing),
    }
    if license_upgrades or maintenance:  # a purchase of new licenses keeps its fingerprint
        request["license_upgrades"] = [asdict(upgrade) for upgrade in license_upgrades]
        request["maintenance"] = [asdict(entry) for entry in maintenance]
    return await _place(
        actor=actor,
        request=request,
        price=price,
        payment=payment,
        idempotency_key=idempotency_key,
        gateway=gateway,
        billing=billing,
        empties_cart=False,
        public_url=public_url,
    )


async def _price_purchase(
    actor: Actor,
    catalog: Catalog,
    discount_bps: int,
    *,
    lines: Sequence[NewLicenseRequest],
    upgrades: Sequence[LicenseUpgradeRequest],
    maintenance: Sequence[MaintenanceRequest],
) -> PricedCart:
    """A purchase's entries checked and priced, its licenses read in a fixed number of queries;
    one upgrade and one M&S entry per license."""
    problems = Problems()
    priced_lines: list[PricedLine] = []
    for index, line in enumerate(lines):
        try:
            priced_lines.append(
                check_new_license(
                    catalog, line, discount_bps=discount_bps, prefix=("lines", str(index))
                )
            )
        except DomainError as error:
            problems.found.extend(error.problems)
    entries: list[tuple[str, int, LicenseUpgradeRequest | MaintenanceRequest]]
    entries = [("license_upgrades", i, e) for i, e in enumerate(upgrades)]
    entries += [("maintenance", i, e) for i, e in enumerate(maintenance)]
    states = await states_by_key(actor, catalog, [entry.license_key for _, _, entry in entries])
    now = clock.now()
    seen: set[tuple[str, int]] = set()
    for name, index, entry in entries:
        prefix = (name, str(index))
        state = states.get(entry.license_key)
        if state is None:
            problems.add(ErrorKind.NOT_FOUND, "No such license.", (*prefix, "license_key"))
            continue
        if (name, state.id) in seen:
            problems.add(
                ErrorKind.INVALID,
                "Another entry already has this license: give one per license.",
                (*prefix, "license_key"),
            )
            continue
        seen.add((name, state.id))
        try:
            priced_lines.append(
                check_upgrade(
                    catalog, entry, state, discount_bps=discount_bps, now=now, prefix=prefix
                )
                if isinstance(entry, LicenseUpgradeRequest)
                else check_maintenance(
                    catalog, entry, state, discount_bps=discount_bps, now=now, prefix=prefix
                )
            )
        except DomainError as error:
            problems.found.extend(error.problems)
    problems.raise_if_any()
    return priced(priced_lines, discount_bps)


def _given(billing: BillingChanges | None) -> dict[str, str | None] | None:
    return asdict(billing) if billing is not None else None


async def _place(
    *,
    actor: Actor,
    request: Mapping[str, object],
    price: PriceLines,
    payment: Payment,
    idempotency_key: str,
    gateway: PaymentGateway,
    billing: BillingChanges | None,
    empties_cart: bool,
    public_url: str | None,
) -> Placed:
    reseller_id = actor.reseller_id
    if reseller_id is None:
        raise DomainError(ErrorKind.PERMISSION_DENIED, "Only a reseller's people can buy.")
    problems = Problems()
    key = idempotency.check_key(idempotency_key, problems)
    problems.raise_if_any()
    request = {**request, "payment": asdict(payment)}
    claim = await idempotency.claim(
        reseller_id=reseller_id, key=key, request_hash=idempotency.fingerprint(request)
    )
    if isinstance(claim, idempotency.Replayed):
        return await placed_order(claim.order_id, replayed=True)
    try:
        return await _place_claimed(
            actor=actor,
            reseller_id=reseller_id,
            claim=claim,
            price=price,
            payment=payment,
            gateway=gateway,
            billing=billing,
            empties_cart=empties_cart,
            public_url=public_url,
        )
    except BaseException:
        await idempotency.release(claim.record_id)
        raise


async def _place_claimed(
    *,
    actor: Actor,
    reseller_id: int,
    claim: idempotency.Claimed,
    price: PriceLines,
    payment: Payment,
    gateway: PaymentGateway,
    billing: BillingChanges | None,
    empties_cart: bool,
    public_url: str | None,
) -> Placed:
    reseller = await Reseller.get(id=reseller_id)
    if reseller.status is not ResellerStatus.ACTIVE:
        raise DomainError(ErrorKind.PERMISSION_DENIED, "This reseller account is suspended.")
    agreed = await price(await load_catalog(), reseller)
    problems = Problems()
    details = billing_details(reseller, billing, problems)
    _check_payment(payment, reseller, agreed, problems)
    problems.raise_if_any()

    charge = await _charge(
        gateway, payment, agreed, reseller=reseller, charge_key=f"{reseller_id}:{claim.record_id}"
    )
    try:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                async with in_transaction():
                    return await _record(
                        actor=actor,
                        reseller_id=reseller_id,
                        claim=claim,
                        price=price,
                        agreed=agreed,
                        payment=payment,
                        charge=charge,
                        gateway=gateway,
                        details=details,
                        empties_cart=empties_cart,
                        public_url=public_url,
                    )
            except IntegrityError:
                if attempt == ATTEMPTS:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover
    except BaseException:
        if charge is not None:
            await gateway.refund(charge)
        raise


def _check_payment(
    payment: Payment, reseller: Reseller, cart: PricedCart, problems: Problems
) -> None:
    if payment.method is PaymentMethod.INVOICE:
        if not reseller.may_pay_by_invoice:
            problems.add(
                ErrorKind.INVALID,
                "This account cannot pay by monthly invoice: choose to pay on order.",
                "payment_method",
            )
    elif cart.totals.total > 0 and not (payment.token or "").strip():
        problems.add(ErrorKind.REQUIRED, "Give a payment token to pay on order.", "payment_token")


async def _charge(
    gateway: PaymentGateway,
    payment: Payment,
    cart: PricedCart,
    *,
    reseller: Reseller,
    charge_key: str,
) -> Charge | None:
    if payment.method is not PaymentMethod.PAY_ON_ORDER or cart.totals.total == 0:
        return None
    licenses = sum(line.price.quantity for line in cart.lines if line.license is None)
    modified = sum(1 for line in cart.lines if line.license is not None)
    what = [f"{licenses} license(s)"] if licenses else []
    what += [f"{modified} license change(s)"] if modified else []
    try:
        return await gateway.charge(
            token=(payment.token or "").strip(),
            amount_cents=cart.totals.total,
            currency="USD",
            idempotency_key=charge_key,
            description=f"{reseller.name}: {', '.join(what)}",
        )
    except InvalidPaymentToken as error:
        raise DomainError(ErrorKind.INVALID, str(error), field="payment_token") from None
    except PaymentDeclined as error:
        raise DomainError(
            ErrorKind.PAYMENT_DECLINED,
            f"{error} Nothing was bought; try another card or pay by invoice.",
            field="payment_token",
        ) from None
    except GatewayError:
        raise DomainError(
            ErrorKind.PAYMENT_FAILED,
            "The payment service failed. Nothing was bought or charged; please try again.",
            field="payment_token",
        ) from None


async def _record(
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
    reseller = await Reseller.filter(id=reseller_id).select_for_update().get()
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
    invoice = await issue_order_invoice(order=order, lines=[ol for ol, _ in lines], now=now)
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
