"""The API of license modifications: their inputs, what an order line changed, and the prices a
license offers before anything is added to the cart (``License.maintenanceOffer``,
``License.upgradeQuote``)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry

from backend import clock
from backend.api.catalog.types import Addon, Edition, Tier
from backend.api.context import Info
from backend.api.enums import LineKind, Permission
from backend.api.errors import ClientError, UserError, user_errors
from backend.api.money import Money
from backend.commerce.lines import LicenseUpgradeRequest, MaintenanceRequest
from backend.commerce.maintenance_pricing import price_maintenance
from backend.commerce.models import MAX_MAINTENANCE_YEARS
from backend.commerce.modification_pricing import (
    LicenseRow,
    LicenseState,
    license_state,
    price_upgrade,
)
from backend.errors import DomainError
from backend.money import Amount


@strawberry.input(
    description="An upgrade of a license: a higher edition or tier and/or add-ons; each change "
    "is optional, an omitted one keeps what the license has."
)
class LicenseUpgradeInput:
    license_key: str = strawberry.field(description="The license's key (any case, dashes or not).")
    edition_code: str | None = strawberry.field(
        description="The new edition, e.g. `enterprise`; never lower than the license's.",
        default=None,
    )
    tier: str | None = strawberry.field(
        description="The new tier's code, e.g. \"1000\"; never lower than the license's.",
        default=None,
    )
    add_addon_codes: list[str] = strawberry.field(
        description="Add-ons to add, prorated to the license's M&S expiry (needs active M&S).",
        default_factory=list,
    )

    def request(self) -> LicenseUpgradeRequest:
        return LicenseUpgradeRequest(
            license_key=self.license_key,
            edition_code=self.edition_code,
            tier=self.tier,
            add_addon_codes=tuple(self.add_addon_codes),
        )


@strawberry.input(
    description="M&S for a license: a renewal while M&S is active or within the grace period, "
    "a reinstatement after it."
)
class MaintenanceInput:
    license_key: str = strawberry.field(description="The license's key (any case, dashes or not).")
    years: int = strawberry.field(
        description=f"Years of M&S (1 to {MAX_MAINTENANCE_YEARS}).", default=1
    )

    def request(self) -> MaintenanceRequest:
        return MaintenanceRequest(license_key=self.license_key, years=self.years)


def money(cents: int) -> Money:
    return Money.from_amount(Amount(cents))


@strawberry.type(description="A license's edition, tier, add-ons, M&S expiry and revision.")
class LicenseSnapshot:
    edition: Edition = strawberry.field(description="The edition.")
    tier: Tier = strawberry.field(description="The seat tier.")
    addons: list[Addon] = strawberry.field(description="The add-ons, in catalog order.")
    maintenance_expires_at: datetime = strawberry.field(description="When M&S ends.")
    revision: int = strawberry.field(description="The license's revision.")


@strawberry.type(description="How an order line changed its license: before and after.")
class LicenseChange:
    before: LicenseSnapshot = strawberry.field(description="The license before the change.")
    after: LicenseSnapshot = strawberry.field(description="The license after the change.")


async def change_of(
    change: dict[str, Any] | None, info: Info, product_id: int
) -> LicenseChange | None:
    """An order line's ``change`` (codes and an ISO time) as typed objects from the catalog."""
    if change is None:
        return None
    snapshot = await info.context.loaders.catalog.load()
    product = snapshot.by_id["product"][product_id]

    def typed(state: dict[str, Any]) -> LicenseSnapshot:
        return LicenseSnapshot(
            edition=Edition.from_domain(
                next(e for e in product.editions if e.code == state["edition"])
            ),
            tier=Tier.from_domain(next(t for t in product.tiers if t.code == state["tier"])),
            addons=[Addon.from_domain(a) for a in product.addons if a.code in state["addons"]],
            maintenance_expires_at=datetime.fromisoformat(state["maintenance_expires_at"]),
            revision=state["revision"],
        )

    return LicenseChange(before=typed(change["before"]), after=typed(change["after"]))


@strawberry.type(description="What M&S for a license would cost if bought now.")
class MaintenanceOffer:
    kind: LineKind = strawberry.field(
        description="MAINTENANCE_RENEWAL (M&S active, or ended within the grace period) or "
        "MAINTENANCE_REINSTATEMENT (ended longer ago)."
    )
    years: int = strawberry.field(description="The years of M&S priced.")
    price: Money = strawberry.field(description="The price, before the reseller discount.")
    yearly_price: Money = strawberry.field(
        description="One year's renewal: the renewal percentage of the list price plus add-ons."
    )
    reinstatement_fee: Money = strawberry.field(description="Part of the price; 0 for a renewal.")
    months_lapsed: int = strawberry.field(
        description="Whole months since M&S ended (priced into a reinstatement); 0 for a renewal."
    )
    new_expires_at: datetime = strawberry.field(
        description="When M&S would end: from the old expiry for a renewal, from now for a "
        "reinstatement."
    )


@strawberry.type(description="What an upgrade of a license would cost if bought now.")
class UpgradeQuote:
    price: Money | None = strawberry.field(
        description="The price, before the reseller discount; null when it cannot be bought."
    )
    description: str | None = strawberry.field(
        description="The upgrade as the cart and invoice would read; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        description="Why it cannot be bought, naming the argument at fault; empty when it can."
    )


async def _state(root: LicenseRow, info: Info) -> LicenseState:
    catalog = await info.context.loaders.catalog.load()
    addons = await info.context.loaders.addons_by_license.load(root.id)
    return license_state(catalog, root, [row.addon_id for row in addons])


async def maintenance_offer(
    root: strawberry.Parent[LicenseRow],
    info: Info,
    years: Annotated[
        int, strawberry.argument(description=f"Years of M&S (1 to {MAX_MAINTENANCE_YEARS}).")
    ] = 1,
) -> MaintenanceOffer | None:
    """``License.maintenanceOffer``: null for callers who cannot buy, or when it is not sold."""
    if not info.context.actor.can(Permission.SHOP):
        return None
    if not 1 <= years <= MAX_MAINTENANCE_YEARS:
        raise ClientError(f"years must be from 1 to {MAX_MAINTENANCE_YEARS}.")
    catalog = await info.context.loaders.catalog.load()
    try:
        offer = price_maintenance(catalog, await _state(root, info), years=years, now=clock.now())
    except DomainError:
        return None
    return MaintenanceOffer(
        kind=offer.kind,
        years=offer.years,
        price=money(offer.unit_price),
        yearly_price=money(offer.yearly),
        reinstatement_fee=money(offer.fee),
        months_lapsed=offer.months_lapsed,
        new_expires_at=offer.new_expires_at,
    )


async def upgrade_quote(
    root: strawberry.Parent[LicenseRow],
    info: Info,
    edition_code: Annotated[
        str | None, strawberry.argument(description="The new edition; omitted: the license's.")
    ] = None,
    tier: Annotated[
        str | None,
        strawberry.argument(description="The new tier's code; omitted: the license's."),
    ] = None,
    add_addon_codes: Annotated[
        list[str] | None, strawberry.argument(description="Add-ons to add.")
    ] = None,
) -> UpgradeQuote | None:
    """``License.upgradeQuote``: null for callers who cannot buy."""
    if not info.context.actor.can(Permission.SHOP):
        return None
    catalog = await info.context.loaders.catalog.load()
    try:
        upgrade = price_upgrade(
            catalog,
            await _state(root, info),
            edition_code=(edition_code or "").strip() or None,
            tier_code=(tier or "").strip() or None,
            add_addon_codes=[code.strip() for code in add_addon_codes or []],
            now=clock.now(),
        )
    except DomainError as error:
        return UpgradeQuote(price=None, description=None, user_errors=user_errors(error, prefix=()))
    return UpgradeQuote(
        price=money(upgrade.unit_price), description=upgrade.description, user_errors=[]
    )
