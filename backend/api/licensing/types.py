"""GraphQL types of licenses."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from graphql.pyutils import AwaitableOrValue
from strawberry import relay
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from backend import clock
from backend.api.accounts.types import Reseller
from backend.api.catalog.types import (
    Addon,
    CatalogObjects,
    Edition,
    Product,
    Tier,
    edition_of,
    objects_of,
    product_of,
    tier_of,
)
from backend.api.commerce.modifications import (
    MaintenanceOffer,
    UpgradeQuote,
    maintenance_offer,
    upgrade_quote,
)
from backend.api.context import Info
from backend.api.enums import LicenseStatus, MaintenanceStatus, Permission
from backend.api.model_node import ModelNode
from backend.catalog.services import CatalogProduct
from backend.licensing import models
from backend.licensing.maintenance import maintenance_status

if TYPE_CHECKING:
    from backend.api.commerce.types import Order
    from backend.api.licensing.customers import Customer
    from backend.api.licensing.installations import Installation

InstallationType = Annotated["Installation", strawberry.lazy("backend.api.licensing.installations")]
OrderType = Annotated["Order", strawberry.lazy("backend.api.commerce.types")]


@dataclass(frozen=True)
class LicensePage:
    """What a page of licenses shows beyond its rows, loaded once for the whole page (a fixed
    number of queries through the request's DataLoaders), so each row's fields resolve as plain
    lookups instead of one coroutine per row and field. ``None``: not asked, not loaded."""

    catalog: CatalogObjects | None
    now: datetime
    grace_days: int
    addons: dict[int, list[Addon]] | None
    orders: dict[int, Order | None] | None
    resellers: dict[int, Reseller | None] | None


# A License's fields return their value when the row came with its page (``prefetch``), else the
# awaitable that loads it: graphql-core takes both, and a plain value costs no coroutine.


def _product(root: License, info: Info) -> AwaitableOrValue[Product]:
    if root.page is not None and root.page.catalog is not None:
        return root.page.catalog.products[root.product_id]
    return product_of(root, info)


def _edition(root: License, info: Info) -> AwaitableOrValue[Edition]:
    if root.page is not None and root.page.catalog is not None:
        return root.page.catalog.editions[root.edition_id]
    return edition_of(root, info)


def _tier(root: License, info: Info) -> AwaitableOrValue[Tier]:
    if root.page is not None and root.page.catalog is not None:
        return root.page.catalog.tiers[root.tier_id]
    return tier_of(root, info)


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
    page: strawberry.Private[LicensePage | None] = None
    """Set on the rows of a list (``prefetch``); None: each field loads through the loaders."""

    product: AwaitableOrValue[Product] = strawberry.field(
        resolver=_product, description="The product.", graphql_type=Product
    )
    edition: AwaitableOrValue[Edition] = strawberry.field(
        resolver=_edition, description="The edition.", graphql_type=Edition
    )
    tier: AwaitableOrValue[Tier] = strawberry.field(
        resolver=_tier, description="The seat tier.", graphql_type=Tier
    )

    @strawberry.field(description="The add-ons, in catalog order.", graphql_type=list[Addon])
    def addons(self, info: Info) -> AwaitableOrValue[list[Addon]]:
        if self.page is not None and self.page.addons is not None:
            return self.page.addons.get(self.id, [])
        return self._load_addons(info)

    async def _load_addons(self, info: Info) -> list[Addon]:
        snapshot = await info.context.loaders.catalog.load()
        rows = await info.context.loaders.addons_by_license.load(self.id)
        return _addons_of(objects_of(snapshot), snapshot.by_id["product"][self.product_id], rows)

    @strawberry.field(
        description="Whether M&S is active, expired (renewable) or lapsed.",
        graphql_type=MaintenanceStatus,
    )
    def maintenance_status(self, info: Info) -> AwaitableOrValue[MaintenanceStatus]:
        page = self.page
        if page is not None and page.catalog is not None:
            return maintenance_status(
                self.maintenance_expires_at, now=page.now, grace_days=page.grace_days
            )
        return self._load_maintenance_status(info)

    async def _load_maintenance_status(self, info: Info) -> MaintenanceStatus:
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

    @strawberry.field(
        description="The order that issued the license.", graphql_type=OrderType | None
    )
    def order(self, info: Info) -> AwaitableOrValue[Order | None]:
        if not info.context.actor.can(Permission.ORDERS_READ):
            return None
        if self.page is not None and self.page.orders is not None:
            return self.page.orders.get(self.order_id)
        return self._load_order(info)

    async def _load_order(self, info: Info) -> Order | None:
        from backend.api.commerce.types import Order

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
        "`soldBy` instead.",
        graphql_type=Reseller | None,
    )
    def reseller(self, info: Info) -> AwaitableOrValue[Reseller | None]:
        if info.context.actor.is_customer:
            return None
        if self.page is not None and self.page.resellers is not None:
            return self.page.resellers.get(self.reseller_id)
        return self._load_reseller(info)

    async def _load_reseller(self, info: Info) -> Reseller | None:
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


def _addons_of(
    objects: CatalogObjects, product: CatalogProduct, rows: Iterable[models.LicenseAddon]
) -> list[Addon]:
    """A license's add-ons (its ``LicenseAddon`` rows), in its product's catalog order."""
    ids = {row.addon_id for row in rows}
    return [objects.addons[a.id] for a in product.addons if a.id in ids]


def _node_fields(selections: Iterable[Selection], path: tuple[str, ...]) -> set[str]:
    """The names of the fields asked at ``path`` below ``selections``, through fragments."""
    found: set[str] = set()
    for selection in selections:
        if isinstance(selection, FragmentSpread | InlineFragment):
            found |= _node_fields(selection.selections, path)
        elif isinstance(selection, SelectedField):
            if not path:
                found.add(selection.name)
            elif selection.name == path[0]:
                found |= _node_fields(selection.selections, path[1:])
    return found


async def prefetch(info: Info, connection: relay.Connection[License]) -> relay.Connection[License]:
    """Loads what the page's query asks of its licenses for all of them at once (the catalog,
    add-ons, orders, resellers: one batched query each through the request's DataLoaders) and
    hands it to every row, whose fields then resolve without a coroutine each."""
    from backend.api.commerce.types import Order

    nodes = [edge.node for edge in connection.edges]
    asked = _node_fields(info.selected_fields, (info.field_name, "edges", "node"))
    if not nodes or not asked:
        return connection
    context = info.context
    loaders = context.loaders
    wants_catalog = bool(asked & {"product", "edition", "tier", "addons", "maintenanceStatus"})
    wants_orders = "order" in asked and context.actor.can(Permission.ORDERS_READ)
    wants_resellers = "reseller" in asked and not context.actor.is_customer
    snapshot, addon_rows, order_rows, reseller_rows = await asyncio.gather(
        loaders.catalog.load() if wants_catalog else _none(),
        loaders.addons_by_license.load_many([n.id for n in nodes])
        if "addons" in asked
        else _none(),
        loaders.order_by_id.load_many(sorted({n.order_id for n in nodes}))
        if wants_orders
        else _none(),
        loaders.reseller_by_id.load_many(sorted({n.reseller_id for n in nodes}))
        if wants_resellers
        else _none(),
    )
    objects = objects_of(snapshot) if snapshot is not None else None
    addons = None
    if snapshot is not None and objects is not None and addon_rows is not None:
        products = snapshot.by_id["product"]
        addons = {
            node.id: _addons_of(objects, products[node.product_id], rows)
            for node, rows in zip(nodes, addon_rows, strict=True)
        }
    page = LicensePage(
        catalog=objects,
        now=clock.now(),
        grace_days=snapshot.maintenance.grace_days if snapshot is not None else 0,
        addons=addons,
        orders=None
        if order_rows is None
        else {row.id: Order.from_row(row) for row in order_rows if row is not None},
        resellers=None
        if reseller_rows is None
        else {row.id: Reseller.from_row(row) for row in reseller_rows if row is not None},
    )
    for node in nodes:
        node.page = page
    return connection


async def _none() -> None:
    return None
