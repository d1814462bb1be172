"""GraphQL types of licenses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from graphql.pyutils import AwaitableOrValue
from strawberry import relay
from tortoise import connections
from tortoise.expressions import RawSQL
from tortoise.queryset import QuerySet

from backend import clock
from backend.accounts.models import Reseller as ResellerRow
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
from backend.api.execution import NOT_AT_HAND, at_hand
from backend.api.model_node import ModelNode
from backend.api.selections import asked_below
from backend.catalog.services import CatalogProduct
from backend.catalog.versioning import VERSION_SQL, ReadVersion
from backend.db_rows import rows_by_ids
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
    orders: dict[int, Order] | None
    resellers: dict[int, Reseller] | None
    shows_orders: bool = True
    """False when the caller may not read orders: every row's ``order`` is null."""
    shows_resellers: bool = True
    """False for a customer: every row's ``reseller`` is null."""


# A License's fields return their value when the row came with its page (``prefetch``), else the
# awaitable that loads it: graphql-core takes both, and a plain value costs no coroutine.


# Each field's shortcut (``at_hand``): the same answer from the page alone, without an Info.


def _catalog_of(root: License) -> CatalogObjects | None:
    page = root.page
    return page.catalog if page is not None else None


def _product_at_hand(root: License) -> object:
    catalog = _catalog_of(root)
    return NOT_AT_HAND if catalog is None else catalog.products[root.product_id]


def _edition_at_hand(root: License) -> object:
    catalog = _catalog_of(root)
    return NOT_AT_HAND if catalog is None else catalog.editions[root.edition_id]


def _tier_at_hand(root: License) -> object:
    catalog = _catalog_of(root)
    return NOT_AT_HAND if catalog is None else catalog.tiers[root.tier_id]


def _addons_at_hand(root: License) -> object:
    page = root.page
    if page is None or page.addons is None:
        return NOT_AT_HAND
    return page.addons.get(root.id, [])


def _maintenance_status_at_hand(root: License) -> object:
    page = root.page
    if page is None or page.catalog is None:
        return NOT_AT_HAND
    return maintenance_status(root.maintenance_expires_at, now=page.now, grace_days=page.grace_days)


def _order_at_hand(root: License) -> object:
    page = root.page
    return NOT_AT_HAND if page is None else _shown(page.shows_orders, page.orders, root.order_id)


def _reseller_at_hand(root: License) -> object:
    page = root.page
    if page is None:
        return NOT_AT_HAND
    return _shown(page.shows_resellers, page.resellers, root.reseller_id)


def _shown(shows: bool, loaded: dict[int, Any] | None, key: int) -> object:
    """A related object from the page: null when the caller may not see it, not at hand when
    the page did not load it."""
    if not shows:
        return None
    return NOT_AT_HAND if loaded is None else loaded.get(key)


@at_hand(_product_at_hand)
def _product(root: License, info: Info) -> AwaitableOrValue[Product]:
    if root.page is not None and root.page.catalog is not None:
        return root.page.catalog.products[root.product_id]
    return product_of(root, info)


@at_hand(_edition_at_hand)
def _edition(root: License, info: Info) -> AwaitableOrValue[Edition]:
    if root.page is not None and root.page.catalog is not None:
        return root.page.catalog.editions[root.edition_id]
    return edition_of(root, info)


@at_hand(_tier_at_hand)
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
    addon_ids: strawberry.Private[str | None] = None
    catalog_version: strawberry.Private[ReadVersion | None] = None
    """A list's row: its add-ons' ids, comma-separated ("" for none), when read with the row
    (``page_query``); None: not read."""

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
    @at_hand(_addons_at_hand)
    def addons(self, info: Info) -> AwaitableOrValue[list[Addon]]:
        if self.page is not None and self.page.addons is not None:
            return self.page.addons.get(self.id, [])
        return self._load_addons(info)

    async def _load_addons(self, info: Info) -> list[Addon]:
        snapshot = await info.context.loaders.catalog.load()
        rows = await info.context.loaders.addons_by_license.load(self.id)
        product = snapshot.by_id["product"][self.product_id]
        return _addons_of(objects_of(snapshot), product, (row.addon_id for row in rows))

    @strawberry.field(
        description="Whether M&S is active, expired (renewable) or lapsed.",
        graphql_type=MaintenanceStatus,
    )
    @at_hand(_maintenance_status_at_hand)
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
    @at_hand(_order_at_hand)
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
    @at_hand(_reseller_at_hand)
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
    def from_values(cls, row: dict[str, Any]) -> License:
        """A license from its columns (``COLUMNS``), as a list reads them without a model."""
        customer_id = row["customer_id"]
        return cls(
            id=row["id"],
            reseller_id=row["reseller_id"],
            key=row["key"],
            status=LicenseStatus.UNASSIGNED if customer_id is None else LicenseStatus.ASSIGNED,
            personal=row["personal"],
            maintenance_expires_at=row["maintenance_expires_at"],
            revision=row["revision"],
            created_at=row["created_at"],
            assigned_at=row["assigned_at"],
            product_id=row["product_id"],
            edition_id=row["edition_id"],
            tier_id=row["tier_id"],
            order_id=row["order_id"],
            customer_id=customer_id,
            addon_ids=(row[ADDON_IDS] or "") if ADDON_IDS in row else None,
            catalog_version=(
                ReadVersion.of(row[CATALOG_VERSION]) if CATALOG_VERSION in row else None
            ),
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
            customer_id=row.customer_id,
        )


COLUMNS = (
    "id",
    "reseller_id",
    "key",
    "personal",
    "maintenance_expires_at",
    "revision",
    "created_at",
    "assigned_at",
    "product_id",
    "edition_id",
    "tier_id",
    "order_id",
    "customer_id",
)
"""The columns ``License.from_values`` reads."""

ADDON_IDS = "addon_ids"
CATALOG_VERSION = "catalog_version"
CATALOG_FIELDS = frozenset({"product", "edition", "tier", "addons", "maintenanceStatus"})
"""The fields of a license that ``prefetch`` answers from the catalog."""
_ADDON_IDS_SQL = {
    "sqlite": "group_concat(addon_id)",
    "postgres": "string_agg(CAST(addon_id AS TEXT), ',')",
}


def page_query(
    info: Info, queryset: QuerySet[models.License]
) -> tuple[QuerySet[models.License], tuple[str, ...]]:
    """The licenses page's query and the columns to read, with what ``prefetch`` would
    otherwise read in statements of its own: each row's add-on ids (a subquery per row, by the
    add-ons' license index) when the page asks its add-ons, and the catalog's version when it
    asks anything of the catalog."""
    asked = asked_below(info, ("edges", "node"))
    columns, extra = COLUMNS, {}
    if "addons" in asked:
        aggregate = _ADDON_IDS_SQL[connections.get("default").capabilities.dialect]
        table = models.License._meta.db_table
        extra[ADDON_IDS] = RawSQL(  # every part a constant of this module or a table name
            f'(SELECT {aggregate} FROM "{models.LicenseAddon._meta.db_table}" '  # noqa: S608
            f'WHERE "license_id" = "{table}"."id")'
        )
    if asked & CATALOG_FIELDS:
        extra[CATALOG_VERSION] = RawSQL(VERSION_SQL)
    if not extra:
        return queryset, columns
    return queryset.annotate(**extra), (*columns, *extra)


def _addons_of(objects: CatalogObjects, product: CatalogProduct, ids: Iterable[int]) -> list[Addon]:
    """A license's add-ons (their ids), in its product's catalog order."""
    chosen = set(ids)
    return [objects.addons[a.id] for a in product.addons if a.id in chosen]


async def prefetch(info: Info, connection: relay.Connection[License]) -> relay.Connection[License]:
    """Loads what the page's query asks of its licenses for all of them at once and hands it to
    every row, whose fields then resolve without a coroutine each: the catalog (no statement
    when ``page_query`` read its version), the add-ons (their ids read by ``page_query``), the
    orders and resellers (one statement on SQLite, straight rather than through the
    DataLoaders, whose future per key cost more than the query)."""
    from backend.api.commerce.types import Order
    from backend.commerce.models import Order as OrderRow

    nodes = [edge.node for edge in connection.edges]
    asked = asked_below(info, ("edges", "node"))
    if not nodes or not asked:
        return connection
    context = info.context
    snapshot = None
    if asked & CATALOG_FIELDS:
        snapshot = await context.loaders.catalog.load(nodes[0].catalog_version)
    objects = objects_of(snapshot) if snapshot is not None else None
    addons = None
    read = all(node.addon_ids is not None for node in nodes)  # by ``page_query``, asked alike
    if "addons" in asked and read and snapshot is not None and objects is not None:
        products = snapshot.by_id["product"]
        addons = {
            node.id: _addons_of(objects, products[node.product_id], map(int, ids.split(",")))
            for node in nodes
            if (ids := node.addon_ids)
        }
    load_orders = "order" in asked and context.actor.can(Permission.ORDERS_READ)
    load_resellers = "reseller" in asked and not context.actor.is_customer
    order_rows, reseller_rows = await rows_by_ids(  # one statement on SQLite
        (OrderRow, {n.order_id for n in nodes} if load_orders else ()),
        (ResellerRow, {n.reseller_id for n in nodes} if load_resellers else ()),
    )
    orders = {row.id: Order.from_row(row) for row in order_rows} if load_orders else None
    resellers = (
        {row.id: Reseller.from_row(row) for row in reseller_rows} if load_resellers else None
    )
    page = LicensePage(
        catalog=objects,
        now=clock.now(),
        grace_days=snapshot.maintenance.grace_days if snapshot is not None else 0,
        addons=addons,
        orders=orders,
        resellers=resellers,
        shows_orders=context.actor.can(Permission.ORDERS_READ),
        shows_resellers=not context.actor.is_customer,
    )
    for node in nodes:
        node.page = page
    return connection
