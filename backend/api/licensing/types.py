"""GraphQL types of licenses."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from backend import clock
from backend.api.accounts.types import Reseller, reseller_of
from backend.api.catalog.types import Addon, Edition, Product, Tier, edition_of, product_of, tier_of
from backend.api.context import Info
from backend.api.enums import LicenseStatus, MaintenanceStatus, Permission
from backend.api.model_node import ModelNode
from backend.licensing import models
from backend.licensing.maintenance import maintenance_status

if TYPE_CHECKING:
    from backend.api.commerce.types import Order


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

    @strawberry.field(description="The order that issued the license.")
    async def order(
        self, info: Info
    ) -> Annotated[Order, strawberry.lazy("backend.api.commerce.types")] | None:
        from backend.api.commerce.types import Order

        if not info.context.actor.can(Permission.ORDERS_READ):
            return None
        row = await info.context.loaders.order_by_id.load(self.order_id)
        return Order.from_row(row) if row is not None else None

    reseller: Reseller = strawberry.field(
        resolver=reseller_of, description="The reseller account it belongs to."
    )

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
        )
