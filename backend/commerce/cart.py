"""The cart: one per user, holding choices; prices come from the current catalog on every read.

A cart mixes new licenses with modifications of the account's licenses (an upgrade, M&S), each
priced against the license as it is at that read (``lines``). A license has at most one upgrade
line and one M&S line per cart: adding another replaces it. Cart changes are drafts and are not
audited; the order a cart becomes is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import Reseller
from backend.catalog.services import Catalog, load_catalog
from backend.commerce.lines import (
    LicenseUpgradeRequest,
    MaintenanceRequest,
    NewLicenseRequest,
    PricedCart,
    PricedLine,
    check_maintenance,
    check_new_license,
    check_upgrade,
    modification,
    priced,
)
from backend.commerce.models import CartLine, LineKind
from backend.commerce.modification_pricing import LicenseState, Unavailable
from backend.errors import DomainError, ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.identity.roles import Permission
from backend.licensing.models import License
from backend.licensing.modifying import license_states, states_by_key

__all__ = [
    "LicenseUpgradeRequest",
    "MaintenanceRequest",
    "NewLicenseRequest",
    "PricedCart",
    "PricedLine",
]

MAX_CART_LINES = 50
MAINTENANCE_KINDS = (LineKind.MAINTENANCE_RENEWAL, LineKind.MAINTENANCE_REINSTATEMENT)


def _shopper(actor: Actor) -> tuple[int, int]:
    """The user and reseller whose cart this is."""
    actor.require(Permission.SHOP)
    if actor.user_id is None or actor.reseller_id is None:
        raise DomainError(
            ErrorKind.PERMISSION_DENIED,
            "An API key has no cart: buy with the `purchase` mutation instead.",
        )
    return actor.user_id, actor.reseller_id


def request_of(catalog: Catalog, line: CartLine) -> NewLicenseRequest:
    """A new-license cart line as the request it stands for."""
    return NewLicenseRequest(
        product_code=catalog.by_id["product"][line.product_id].code,
        edition_code=catalog.by_id["edition"][line.edition_id].code,
        tier=catalog.by_id["tier"][line.tier_id].code,
        addon_codes=tuple(line.addon_codes),
        quantity=line.quantity,
        assign_to_email=line.assign_to_email,
        personal=line.personal,
    )


async def cart_lines(user_id: int) -> list[CartLine]:
    return await CartLine.filter(user_id=user_id).order_by("created_at", "id")


def price_cart(
    catalog: Catalog,
    lines: Sequence[CartLine],
    discount_bps: int,
    licenses: Mapping[int, LicenseState] | None = None,
) -> PricedCart:
    """The cart at today's prices, its modifications against ``licenses`` as they are now.

    A new license no longer on sale is refused with its position; a modification that can no
    longer be bought stays in the cart as ``Unavailable`` (to be removed; checkout refuses it).
    """
    now = clock.now()
    priced_lines = []
    for index, line in enumerate(lines):
        if line.kind is LineKind.NEW_LICENSE:
            checked = check_new_license(
                catalog,
                request_of(catalog, line),
                discount_bps=discount_bps,
                prefix=("lines", str(index)),
            )
        else:
            assert line.license_id is not None
            state = (licenses or {})[line.license_id]
            try:
                if line.kind is LineKind.UPGRADE:
                    checked = check_upgrade(
                        catalog,
                        _upgrade_of(catalog, line, state),
                        state,
                        discount_bps=discount_bps,
                        now=now,
                    )
                else:
                    request = MaintenanceRequest(state.key, years=line.years or 1)
                    checked = check_maintenance(
                        catalog, request, state, discount_bps=discount_bps, now=now
                    )
            except DomainError as error:
                problem = " ".join(p.message for p in error.problems)
                checked = modification(
                    Unavailable(state, line.kind, problem), discount_bps=discount_bps
                )
        priced_lines.append(replace(checked, cart_line_id=line.id))
    return priced(priced_lines, discount_bps)


def _upgrade_of(catalog: Catalog, line: CartLine, state: LicenseState) -> LicenseUpgradeRequest:
    return LicenseUpgradeRequest(
        license_key=state.key,
        edition_code=catalog.by_id["edition"][line.edition_id].code,
        tier=catalog.by_id["tier"][line.tier_id].code,
        add_addon_codes=tuple(line.addon_codes),
    )


async def price_lines_of(
    actor: Actor, catalog: Catalog, user_id: int, discount_bps: int
) -> PricedCart:
    """A user's cart priced now, its licenses read in a fixed number of queries."""
    lines = await cart_lines(user_id)
    ids = {line.license_id for line in lines if line.license_id is not None}
    states = await license_states(catalog, actor.scope(License).filter(id__in=ids)) if ids else {}
    return price_cart(catalog, lines, discount_bps, states)


async def load_cart(*, actor: Actor, catalog: Catalog | None = None) -> PricedCart:
    user_id, reseller_id = _shopper(actor)
    catalog = catalog or await load_catalog()
    reseller = await Reseller.get(id=reseller_id)
    return await price_lines_of(actor, catalog, user_id, reseller.discount_bps)


async def add_new_license(
    *, actor: Actor, request: NewLicenseRequest, catalog: Catalog | None = None
) -> CartLine:
    user_id, reseller_id = _shopper(actor)
    catalog = catalog or await load_catalog()
    line = check_new_license(catalog, request, discount_bps=0)
    return await _add(
        user_id,
        replaces=None,
        values={
            "reseller_id": reseller_id,
            "kind": LineKind.NEW_LICENSE,
            "product_id": line.item.product.id,
            "edition_id": line.item.edition.id,
            "tier_id": line.item.tier.id,
            "addon_codes": [addon.code for addon in line.item.addons],
            "quantity": request.quantity,
            "assign_to_email": line.assign_to_email,
            "personal": line.personal,
        },
    )


async def add_license_upgrade(
    *, actor: Actor, request: LicenseUpgradeRequest, catalog: Catalog | None = None
) -> CartLine:
    """Add an upgrade of one of the account's licenses, replacing one already in the cart."""
    user_id, reseller_id = _shopper(actor)
    catalog = catalog or await load_catalog()
    state = await _license(actor, catalog, request.license_key)
    line = check_upgrade(catalog, request, state, discount_bps=0, now=clock.now())
    return await _add(
        user_id,
        replaces=(state.id, (LineKind.UPGRADE,)),
        values=_modification_values(reseller_id, line, state),
    )


async def add_maintenance(
    *, actor: Actor, request: MaintenanceRequest, catalog: Catalog | None = None
) -> CartLine:
    """Add M&S for one of the account's licenses, replacing M&S already in the cart for it."""
    user_id, reseller_id = _shopper(actor)
    catalog = catalog or await load_catalog()
    state = await _license(actor, catalog, request.license_key)
    line = check_maintenance(catalog, request, state, discount_bps=0, now=clock.now())
    return await _add(
        user_id,
        replaces=(state.id, MAINTENANCE_KINDS),
        values=_modification_values(reseller_id, line, state),
    )


async def _license(actor: Actor, catalog: Catalog, key: str) -> LicenseState:
    """One of the caller's licenses by its key; any other key is NOT_FOUND on ``license_key``."""
    found = await states_by_key(actor, catalog, [key])
    if key not in found:
        raise not_found("license", "license_key")
    return found[key]


def _modification_values(reseller_id: int, line: PricedLine, state: LicenseState) -> dict[str, Any]:
    """A modification's cart row: the license, the edition and tier it will have (an upgrade's
    target; the license's own for M&S), the add-ons it adds and the years of M&S."""
    return {
        "reseller_id": reseller_id,
        "kind": line.kind,
        "license_id": state.id,
        "product_id": state.product.id,
        "edition_id": line.item.edition.id,
        "tier_id": line.item.tier.id,
        "addon_codes": [addon.code for addon in line.item.addons]
        if line.kind is LineKind.UPGRADE
        else [],
        "years": line.years,
    }


async def _add(
    user_id: int,
    *,
    replaces: tuple[int, Sequence[LineKind]] | None,
    values: dict[str, Any],
) -> CartLine:
    """Insert a line (after deleting the lines of ``replaces``: a license and line kinds)."""
    async with in_transaction():
        # one add at a time per cart on PostgreSQL (SQLite serialises writers anyway), so that
        # concurrent adds cannot pass the limit between the count and the insert
        await User.filter(id=user_id).select_for_update().first()  # values_list drops the lock
        if replaces is not None:
            license_id, kinds = replaces
            await CartLine.filter(user_id=user_id, license_id=license_id, kind__in=kinds).delete()
        if await CartLine.filter(user_id=user_id).count() >= MAX_CART_LINES:
            raise DomainError(
                ErrorKind.CONFLICT,
                f"A cart holds at most {MAX_CART_LINES} lines: check out, or use a quantity.",
            )
        now = clock.now()
        return await CartLine.create(user_id=user_id, created_at=now, updated_at=now, **values)


@dataclass(frozen=True, slots=True)
class LineChanges:
    """Changes to a cart line; None leaves a field as it is, "" clears ``assign_to_email``.
    ``years`` is for M&S lines only, the others for new licenses only."""

    quantity: int | None = None
    assign_to_email: str | None = None
    personal: bool | None = None
    years: int | None = None


async def update_line(
    *, actor: Actor, line_id: int, changes: LineChanges, catalog: Catalog | None = None
) -> CartLine:
    user_id, _ = _shopper(actor)
    catalog = catalog or await load_catalog()
    async with in_transaction():
        line = await CartLine.filter(user_id=user_id, id=line_id).select_for_update().first()
        if line is None:
            raise not_found("cart line", "line_id")
        if line.kind is LineKind.NEW_LICENSE:
            await _update_new_license(catalog, line, changes)
        else:
            await _update_modification(actor, catalog, line, changes)
        return line


async def _update_new_license(catalog: Catalog, line: CartLine, changes: LineChanges) -> None:
    if changes.years is not None:
        raise DomainError(ErrorKind.INVALID, "Years are chosen for M&S lines only.", field="years")
    request = request_of(catalog, line)
    wanted = replace(
        request,
        quantity=request.quantity if changes.quantity is None else changes.quantity,
        assign_to_email=(
            request.assign_to_email if changes.assign_to_email is None else changes.assign_to_email
        ),
        personal=request.personal if changes.personal is None else changes.personal,
    )
    checked = check_new_license(catalog, wanted, discount_bps=0)
    line.quantity = wanted.quantity
    line.assign_to_email = checked.assign_to_email
    line.personal = checked.personal
    line.updated_at = clock.now()
    await line.save(update_fields=["quantity", "assign_to_email", "personal", "updated_at"])


async def _update_modification(
    actor: Actor, catalog: Catalog, line: CartLine, changes: LineChanges
) -> None:
    problems = Problems()
    one_license = "An upgrade or M&S line is for its one license"
    if changes.quantity not in (None, 1):
        problems.add(ErrorKind.INVALID, f"{one_license}: its quantity is 1.", "quantity")
    if (changes.assign_to_email or "").strip():
        problems.add(
            ErrorKind.INVALID,
            f"{one_license}, which keeps its customer: it is not assigned.",
            "assign_to_email",
        )
    if changes.personal:
        problems.add(
            ErrorKind.INVALID, f"{one_license}: it does not change who it is for.", "personal"
        )
    if changes.years is not None and line.kind is LineKind.UPGRADE:
        problems.add(ErrorKind.INVALID, "Years are chosen for M&S lines only.", "years")
    problems.raise_if_any()
    if changes.years is None or changes.years == line.years:
        return
    assert line.license_id is not None
    states = await license_states(catalog, actor.scope(License).filter(id=line.license_id))
    state = states[line.license_id]
    check_maintenance(
        catalog,
        MaintenanceRequest(state.key, years=changes.years),
        state,
        discount_bps=0,
        now=clock.now(),
    )
    line.years = changes.years
    line.updated_at = clock.now()
    await line.save(update_fields=["years", "updated_at"])


async def remove_line(*, actor: Actor, line_id: int) -> None:
    user_id, _ = _shopper(actor)
    deleted = await CartLine.filter(user_id=user_id, id=line_id).delete()
    if not deleted:
        raise not_found("cart line", "line_id")
