"""GraphQL types of licenses."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from backend import clock
from backend.api.accounts.types import Reseller
from backend.api.catalog.types import Addon, Edition, Product, Tier, edition_of, product_of, tier_of
from backend.api.commerce.modifications import (
    MaintenanceOffer,
    UpgradeQuote,
    maintenance_offer,
    upgrade_quote,
)
from backend.api.context import Info
from backend.api.enums import LicenseStatus, MaintenanceStatus, Permission
from backend.api.model_node import ModelNode
from backend.licensing import models
from backend.licensing.maintenance import maintenance_status

if TYPE_CHECKING:
    from backend.api.commerce.types import Order
    from backend.api.licensing.customers import Customer
    from backend.api.licensing.installations import Installation

InstallationType = Annotated["Installation", strawberry.lazy("backend.api.licensing.installations")]


@strawberry.type(description="A perpetual license of a product, with M&S and add-ons.")
class License(ModelNode):
    model = models.License
    permission = Permission.LICENSES_READ
    id: relay.NodeID[int]
    reseller_id: strawberry.Private[int]
    key: str = strawberry.field(description="The license key: six groups of six characters.")
    status: LicenseStatus = strawberry.field(description="Whether it is assigned to a customer.")
    personal: bool = strawberry.field(description="For the reseller's own use, not for resale.")
    maintenance_expires_at: datetime = strawberry.field(
        description="When Maintenance & Support ends (add-ons stop with it)."
    )
    revision: int = strawberry.field(
        description="Goes up when edition, tier or add-ons change: installations reactivate."
    )
    created_at: datetime = strawberry.field(description="When it was issued.")
    assigned_at: datetime | None = strawberry.field(description="When it was assigned.")
    product_id: strawberry.Private[int]
    edition_id: strawberry.Private[int]
    tier_id: strawberry.Private[int]
    order_id: strawberry.Private[int]
    customer_id: strawberry.Private[int | None]

    product: Product = strawberry.field(resolver=product_of, description="The product.")
    edition: Edition = strawberry.field(resolver=edition_of, description="The edition.")
    tier: Tier = strawberry.field(resolver=tier_of, description="The seat tier.")

    @strawberry.field(description="The add-ons, in catalog order.")
    async def addons(self, info: Info) -> list[Addon]:
        snapshot = await info.context.loaders.catalog.load()
        rows = await info.context.loaders.addons_by_license.load(self.id)
        ids = {row.addon_id for row in rows}
        product = snapshot.by_id["product"][self.product_id]
        return [Addon.from_domain(a) for a in product.addons if a.id in ids]

    @strawberry.field(description="Whether M&S is active, expired (renewable) or lapsed.")
    async def maintenance_status(self, info: Info) -> MaintenanceStatus:
        snapshot = await info.context.loaders.catalog.load()
        return maintenance_status(
            self.maintenance_expires_at,
            now=clock.now(),
            grace_days=snapshot.maintenance.grace_days,
        )

    maintenance_offer: MaintenanceOffer | None = strawberry.field(
        resolver=maintenance_offer,
        description="What M&S would cost if bought now: a renewal or a reinstatement, for the "
        "Renew or Reinstate button. Null for callers who cannot buy, and when it cannot be "
        "bought (a renewal for too few years to reach beyond today).",
    )
    upgrade_quote: UpgradeQuote | None = strawberry.field(
        resolver=upgrade_quote,
        description="What an upgrade would cost if bought now, or why it cannot be bought. Null "
        "for callers who cannot buy.",
    )

    @strawberry.field(description="The order that issued the license.")
    async def order(
        self, info: Info
    ) -> Annotated[Order, strawberry.lazy("backend.api.commerce.types")] | None:
        from backend.api.commerce.types import Order

        if not info.context.actor.can(Permission.ORDERS_READ):
            return None
        row = await info.context.loaders.order_by_id.load(self.order_id)
        return Order.from_row(row) if row is not None else None

    @strawberry.field(description="The customer it is assigned to; null while unassigned.")
    async def customer(
        self, info: Info
    ) -> Annotated[Customer, strawberry.lazy("backend.api.licensing.customers")] | None:
        from backend.api.licensing.customers import customer_of

        return await customer_of(self, info)

    @strawberry.field(
        description="The reseller account it belongs to; null for a customer, who sees "
        "`soldBy` instead."
    )
    async def reseller(self, info: Info) -> Reseller | None:
        if info.context.actor.is_customer:
            return None
        row = await info.context.loaders.reseller_by_id.load(self.reseller_id)
        return Reseller.from_row(row) if row is not None else None

    @strawberry.field(description="The name of the reseller that sold it: whom to contact.")
    async def sold_by(self, info: Info) -> str:
        row = await info.context.loaders.reseller_by_id.load(self.reseller_id)
        return row.name if row is not None else ""

    @strawberry.field(
        description="Every installation that activated it, newest first (at most one active)."
    )
    async def activations(self, info: Info) -> list[InstallationType]:
        from backend.api.licensing.installations import Installation

        rows = await info.context.loaders.installations_by_license.load(self.id)
        return [Installation.from_row(row) for row in rows]

    @strawberry.field(description="The installation that holds its activation now, if any.")
    async def active_installation(self, info: Info) -> InstallationType | None:
        from backend.api.licensing.installations import Installation

        rows = await info.context.loaders.installations_by_license.load(self.id)
        active = next((row for row in rows if row.is_active), None)
        return Installation.from_row(active) if active is not None else None

    @strawberry.field(
        description="True when its active installation holds a certificate of an older "
        "revision (the license changed since): that installation must activate again."
    )
    async def reactivation_required(self, info: Info) -> bool:
        rows = await info.context.loaders.installations_by_license.load(self.id)
        return any(row.is_active and row.revision < self.revision for row in rows)

    @classmethod
    def from_row(cls, row: models.License) -> License:
        return cls(
            id=row.id,
            reseller_id=row.reseller_id,
            key=row.key,
            status=row.status,
            personal=row.personal,
            maintenance_expires_at=row.maintenance_expires_at,
            revision=row.revision,
            created_at=row.created_at,
            assigned_at=row.assigned_at,
            product_id=row.product_id,
            edition_id=row.edition_id,
            tier_id=row.tier_id,
            order_id=row.order_id,
            customer_id=row.customer_id,
        )
