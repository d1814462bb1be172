"""Catalog queries: for partners and the vendor (not customers), read-only, from one snapshot
per request."""

from __future__ import annotations

import strawberry

from backend.api.catalog.types import MaintenancePolicy, Product
from backend.api.context import Info
from backend.api.enums import Permission
from backend.api.permissions import access


@strawberry.type
class CatalogQuery:
    @strawberry.field(
        description="The catalog: every product with its editions, tiers, prices.",
        extensions=access(Permission.CATALOG_READ),
    )
    async def products(self, info: Info) -> list[Product]:
        snapshot = await info.context.loaders.catalog.load()
        return [Product.from_domain(p) for p in snapshot.products]

    @strawberry.field(
        description="One product by its code, e.g. `smartermail`; null if none.",
        extensions=access(Permission.CATALOG_READ),
    )
    async def product(self, info: Info, code: str) -> Product | None:
        found = (await info.context.loaders.catalog.load()).product(code)
        return Product.from_domain(found) if found is not None else None

    @strawberry.field(
        description="The current Maintenance & Support terms.",
        extensions=access(Permission.CATALOG_READ),
    )
    async def maintenance_policy(self, info: Info) -> MaintenancePolicy:
        snapshot = await info.context.loaders.catalog.load()
        return MaintenancePolicy.from_domain(snapshot.maintenance)
