"""GraphQL types of the catalog, built from the in-memory catalog snapshot."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Protocol, Self

import strawberry
from strawberry import relay

from backend.api.enums import Permission
from backend.api.money import Money
from backend.api.permissions import empty_without
from backend.catalog import services as catalog


class CatalogNode(relay.Node):
    """A Node resolved from the per-request catalog snapshot (``kind`` names its lookup)."""

    kind: ClassVar[str]

    @classmethod
    def from_domain(cls, item: Any) -> Self:
        raise NotImplementedError

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls,
        *,
        info: strawberry.Info,
        node_ids: Iterable[str],
        required: bool = False,
    ) -> list[Self | None]:
        snapshot = await info.context.loaders.catalog.load()
        found = snapshot.by_id[cls.kind]
        results: list[Self | None] = []
        for node_id in node_ids:
            item = found.get(int(node_id)) if str(node_id).isdigit() else None
            results.append(cls.from_domain(item) if item is not None else None)
        return results


@strawberry.type(description="An edition of a product: Free, Professional or Enterprise.")
class Edition(CatalogNode):
    kind: ClassVar[str] = "edition"
    id: relay.NodeID[int]
    code: str = strawberry.field(description="`free`, `professional` or `enterprise`.")
    name: str = strawberry.field(description="The edition's name, e.g. Professional.")
    description: str = strawberry.field(description="What the edition is for.")

    @classmethod
    def from_domain(cls, item: catalog.CatalogEdition) -> Edition:
        return cls(id=item.id, code=item.code, name=item.name, description=item.description)


@strawberry.type(description="A seat tier of a product: how many units a license covers.")
class Tier(CatalogNode):
    kind: ClassVar[str] = "tier"
    id: relay.NodeID[int]
    code: str = strawberry.field(description='The seat count as a string ("250") or "unlimited".')
    name: str = strawberry.field(description='A label such as "250 mailboxes" or "Unlimited".')
    seats: int | None = strawberry.field(description="The seat count; null when unlimited.")

    @classmethod
    def from_domain(cls, item: catalog.CatalogTier) -> Tier:
        return cls(id=item.id, code=item.code, name=item.name, seats=item.seats)


@strawberry.type(description="The list price of a new license of one edition at one tier.")
class ListPrice:
    edition: Edition = strawberry.field(description="The edition priced.")
    tier: Tier = strawberry.field(description="The tier priced.")
    price: Money = strawberry.field(description="The list price, before any reseller discount.")


@strawberry.type(description="The yearly price of an add-on at one tier.")
class AddonPrice:
    tier: Tier = strawberry.field(description="The license's tier.")
    yearly_price: Money = strawberry.field(description="Price for 12 months of the add-on.")


@strawberry.type(description="An add-on bought with a license; it expires with the license's M&S.")
class Addon(CatalogNode):
    kind: ClassVar[str] = "addon"
    id: relay.NodeID[int]
    code: str = strawberry.field(description="Stable code clients use, e.g. `activesync`.")
    name: str = strawberry.field(description="The add-on's name.")
    description: str = strawberry.field(description="What the add-on does.")
    allowed_editions: list[Edition] = strawberry.field(
        description="The editions with which the add-on may be bought."
    )
    prices: list[AddonPrice] = strawberry.field(
        description="The yearly price for each tier; empty for customers.",
        extensions=empty_without(Permission.CATALOG_READ),
    )

    @classmethod
    def from_domain(cls, item: catalog.CatalogAddon) -> Addon:
        return cls(
            id=item.id,
            code=item.code,
            name=item.name,
            description=item.description,
            allowed_editions=[Edition.from_domain(e) for e in item.allowed_editions],
            prices=[
                AddonPrice(
                    tier=Tier.from_domain(p.tier), yearly_price=Money.from_amount(p.yearly_price)
                )
                for p in item.prices
            ],
        )


@strawberry.type(description="A product of the vendor's catalog, sold in editions and seat tiers.")
class Product(CatalogNode):
    kind: ClassVar[str] = "product"
    id: relay.NodeID[int]
    code: str = strawberry.field(description="Stable code clients use, e.g. `smartermail`.")
    name: str = strawberry.field(description="The product's name, e.g. SmarterMail.")
    unit: str = strawberry.field(description="What a seat counts: mailboxes, agents or sites.")
    description: str = strawberry.field(description="What the product is.")
    editions: list[Edition] = strawberry.field(description="Editions, lowest first.")
    tiers: list[Tier] = strawberry.field(description="Seat tiers, smallest first.")
    addons: list[Addon] = strawberry.field(description="Add-ons sold with this product.")
    prices: list[ListPrice] = strawberry.field(
        description="One list price per (edition, tier) on sale; a missing pair is not sold. "
        "Empty for customers.",
        extensions=empty_without(Permission.CATALOG_READ),
    )

    @classmethod
    def from_domain(cls, item: catalog.CatalogProduct) -> Product:
        editions = {e.id: Edition.from_domain(e) for e in item.editions}
        tiers = {t.id: Tier.from_domain(t) for t in item.tiers}
        return cls(
            id=item.id,
            code=item.code,
            name=item.name,
            unit=item.unit,
            description=item.description,
            editions=list(editions.values()),
            tiers=list(tiers.values()),
            addons=[Addon.from_domain(a) for a in item.addons],
            prices=[
                ListPrice(
                    edition=editions[p.edition.id],
                    tier=tiers[p.tier.id],
                    price=Money.from_amount(p.price),
                )
                for p in item.prices
            ],
        )


@dataclass(frozen=True)
class CatalogObjects:
    """The API objects of one catalog snapshot, by id: built once and shared by every row (and
    every request) that shows them, instead of a product rebuilt with its add-ons per row."""

    products: dict[int, Product]
    editions: dict[int, Edition]
    tiers: dict[int, Tier]
    addons: dict[int, Addon]

    @classmethod
    def build(cls, snapshot: catalog.Catalog) -> CatalogObjects:
        return cls(
            products={i: Product.from_domain(p) for i, p in snapshot.by_id["product"].items()},
            editions={i: Edition.from_domain(e) for i, e in snapshot.by_id["edition"].items()},
            tiers={i: Tier.from_domain(t) for i, t in snapshot.by_id["tier"].items()},
            addons={i: Addon.from_domain(a) for i, a in snapshot.by_id["addon"].items()},
        )


_objects: tuple[catalog.Catalog, CatalogObjects] | None = None
"""The objects of the last snapshot asked for: a snapshot never changes, its identity keys them."""


def objects_of(snapshot: catalog.Catalog) -> CatalogObjects:
    """The API objects of ``snapshot``, built on its first use."""
    global _objects  # noqa: PLW0603 -- one per-process memo, replaced whole
    kept = _objects
    if kept is not None and kept[0] is snapshot:
        return kept[1]
    built = CatalogObjects.build(snapshot)
    _objects = (snapshot, built)
    return built


class CatalogChoice(Protocol):
    """A row that points at a product, an edition and a tier (an order line, a license)."""

    product_id: int
    edition_id: int
    tier_id: int


async def product_of(root: CatalogChoice, info: strawberry.Info) -> Product:
    """Resolver of a row's ``product``, from the request's catalog snapshot."""
    snapshot = await info.context.loaders.catalog.load()
    return objects_of(snapshot).products[root.product_id]


async def edition_of(root: CatalogChoice, info: strawberry.Info) -> Edition:
    """Resolver of a row's ``edition``."""
    snapshot = await info.context.loaders.catalog.load()
    return objects_of(snapshot).editions[root.edition_id]


async def tier_of(root: CatalogChoice, info: strawberry.Info) -> Tier:
    """Resolver of a row's ``tier``."""
    snapshot = await info.context.loaders.catalog.load()
    return objects_of(snapshot).tiers[root.tier_id]


@strawberry.type(description="The terms of Maintenance & Support (M&S) for every license.")
class MaintenancePolicy:
    term_months: int = strawberry.field(description="Months of M&S included with a purchase.")
    renewal_percent: Decimal = strawberry.field(
        description="A year's renewal as a percentage of the current list price."
    )
    grace_days: int = strawberry.field(
        description="Days after expiry during which a renewal is still a plain renewal."
    )
    reinstatement_fee_percent: Decimal = strawberry.field(
        description="The reinstatement fee as a percentage of the renewal price."
    )

    @classmethod
    def from_domain(cls, terms: catalog.MaintenanceTerms) -> MaintenancePolicy:
        return cls(
            term_months=terms.term_months,
            renewal_percent=terms.renewal_percent,
            grace_days=terms.grace_days,
            reinstatement_fee_percent=terms.reinstatement_fee_percent,
        )
