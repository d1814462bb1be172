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

from collections.abc import Mapping, Sequence
from dataclasses import asdict

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import Reseller, ResellerStatus
from backend.catalog.services import Catalog, load_catalog
from backend.commerce import idempotency
from backend.commerce.billing_details import BillingChanges, billing_details
from backend.commerce.cart import price_lines_of
from backend.commerce.charging import Payment, charge_payment, check_payment
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
from backend.commerce.orders import Placed, PriceLines, placed_order, write_order
from backend.errors import DomainError, ErrorKind, Problems
from backend.identity.actor import Actor
from backend.identity.roles import Permission
from backend.licensing.assignment import check_assignees
from backend.licensing.modifying import states_by_key
from backend.payments.gateway import (
    PaymentGateway,
)
from backend.webhooks import events as webhooks

MAX_PURCHASE_LINES = 50
ATTEMPTS = 3
"""Tries of the order's transaction (``orders.write_order``): a (practically impossible)
duplicate license key or a concurrent first number of the year fails it on a unique constraint,
and it is retried."""

__all__ = ["Payment", "Placed", "checkout", "placed_order", "purchase"]
"""What callers use; ``Payment`` and ``Placed`` live in ``charging`` and ``orders``."""


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
        assert claim.order_id is not None  # the fingerprint names the operation: not a payment
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
    check_payment(payment, reseller, agreed, problems)
    await check_assignees(
        [
            (("lines", str(index), "assign_to_email"), line.assign_to_email)
            for index, line in enumerate(agreed.lines)
            if line.assign_to_email is not None
        ],
        problems,
    )
    problems.raise_if_any()

    charge = await charge_payment(
        gateway, payment, agreed, reseller=reseller, charge_key=f"{reseller_id}:{claim.record_id}"
    )
    try:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                async with in_transaction():
                    placed = await write_order(
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
                    await webhooks.order_completed(placed.order, placed.invoice, placed.licenses)
                    return placed
            except IntegrityError:
                if attempt == ATTEMPTS:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover
    except BaseException:
        if charge is not None:
            await gateway.refund(charge)
        raise
