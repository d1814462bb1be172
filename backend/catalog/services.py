"""Reading the catalog: one immutable snapshot, loaded with a fixed number of queries.

The catalog is small (tens of rows) and read on almost every request, so it is loaded whole and
resolved from memory: its SQL cost does not depend on how many products, editions, tiers or add-ons
exist. The process keeps its last snapshot with the catalog version it was read at
(``versioning``): a read costs one statement while the version is unchanged, and a change made by
any process is seen by the next read everywhere. Prices are integer cents throughout.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tortoise import connections

from backend.catalog.models import (
    Addon,
    AddonPrice,
    Edition,
    ListPrice,
    MaintenancePolicy,
    Product,
    Tier,
)
from backend.catalog.versioning import ReadVersion, read_version
from backend.money import Amount, basis_points_to_percent


@dataclass(frozen=True, slots=True)
class CatalogEdition:
    id: int
    product_id: int
    code: str
    name: str
    description: str
    rank: int


@dataclass(frozen=True, slots=True)
class CatalogTier:
    id: int
    product_id: int
    code: str
    name: str
    seats: int | None
    rank: int


@dataclass(frozen=True, slots=True)
class CatalogListPrice:
    edition: CatalogEdition
    tier: CatalogTier
    price: Amount


@dataclass(frozen=True, slots=True)
class CatalogAddonPrice:
    tier: CatalogTier
    yearly_price: Amount


@dataclass(frozen=True, slots=True)
class CatalogAddon:
    id: int
    product_id: int
    code: str
    name: str
    description: str
    allowed_editions: tuple[CatalogEdition, ...]
    prices: tuple[CatalogAddonPrice, ...]


@dataclass(frozen=True, slots=True)
class CatalogProduct:
    id: int
    code: str
    name: str
    unit: str
    description: str
    editions: tuple[CatalogEdition, ...]
    tiers: tuple[CatalogTier, ...]
    addons: tuple[CatalogAddon, ...]
    prices: tuple[CatalogListPrice, ...]


@dataclass(frozen=True, slots=True)
class MaintenanceTerms:
    """The M&S policy with percentages as exact decimals (``Decimal("50")`` is 50%)."""

    term_months: int
    renewal_percent: Decimal
    grace_days: int
    reinstatement_fee_percent: Decimal


DEFAULT_MAINTENANCE = MaintenanceTerms(
    term_months=12,
    renewal_percent=Decimal(50),
    grace_days=30,
    reinstatement_fee_percent=Decimal(20),
)


@dataclass(frozen=True, slots=True)
class Catalog:
    """The whole catalog in memory, with lookups by code and by id."""

    products: tuple[CatalogProduct, ...]
    maintenance: MaintenanceTerms
    by_code: dict[str, CatalogProduct] = field(init=False, repr=False)
    by_id: dict[str, dict[int, Any]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_code", {p.code: p for p in self.products})
        by_id: dict[str, dict[int, Any]] = {
            "product": {p.id: p for p in self.products},
            "edition": {e.id: e for p in self.products for e in p.editions},
            "tier": {t.id: t for p in self.products for t in p.tiers},
            "addon": {a.id: a for p in self.products for a in p.addons},
        }
        object.__setattr__(self, "by_id", by_id)

    def product(self, code: str) -> CatalogProduct | None:
        return self.by_code.get(code)


_snapshot: tuple[str, Catalog] | None = None
"""The last snapshot loaded by this process and the version it was read at."""


async def load_catalog(read: ReadVersion | None = None) -> Catalog:
    """The current catalog: one query if the version is the one of the kept snapshot, else nine;
    none if the version is the one ``read`` by an earlier statement of the request.

    The version is read before the rows: a change committed in between is then kept under the
    older version, and the next read loads again, never the reverse.
    """
    global _snapshot  # noqa: PLW0603 -- the one per-process cache, replaced whole
    version = await read_version() if read is None else read.value
    kept = _snapshot
    if kept is not None and version is not None and kept[0] == version:
        return kept[1]
    catalog = await _load_whole()
    if version is not None:
        _snapshot = (version, catalog)
    return catalog


async def _load_whole() -> Catalog:
    """The whole catalog in eight queries, whatever its size."""
    products = await Product.all().values("id", "code", "name", "unit", "description")
    editions = await Edition.all().values("id", "product_id", "code", "name", "description", "rank")
    tiers = await Tier.all().values("id", "product_id", "code", "name", "seats", "rank")
    list_prices = await ListPrice.all().values("edition_id", "tier_id", "amount_cents", "currency")
    addons = await Addon.all().values("id", "product_id", "code", "name", "description")
    addon_prices = await AddonPrice.all().values(
        "addon_id", "tier_id", "yearly_amount_cents", "currency"
    )
    _, allowed_rows = await connections.get("default").execute_query(
        "SELECT addon_id, edition_id FROM catalog_addon_edition"
    )
    policy = await MaintenancePolicy.get_or_none(key="default")

    edition_by_id = {row["id"]: CatalogEdition(**row) for row in editions}
    tier_by_id = {row["id"]: CatalogTier(**row) for row in tiers}
    allowed: dict[int, list[CatalogEdition]] = defaultdict(list)
    for row in allowed_rows:
        allowed[row["addon_id"]].append(edition_by_id[row["edition_id"]])
    addon_price_rows: dict[int, list[CatalogAddonPrice]] = defaultdict(list)
    for row in addon_prices:
        addon_price_rows[row["addon_id"]].append(
            CatalogAddonPrice(
                tier=tier_by_id[row["tier_id"]],
                yearly_price=Amount(row["yearly_amount_cents"], row["currency"]),
            )
        )

    editions_of: dict[int, list[CatalogEdition]] = defaultdict(list)
    for edition in edition_by_id.values():
        editions_of[edition.product_id].append(edition)
    tiers_of: dict[int, list[CatalogTier]] = defaultdict(list)
    for tier in tier_by_id.values():
        tiers_of[tier.product_id].append(tier)
    prices_of: dict[int, list[CatalogListPrice]] = defaultdict(list)
    for row in list_prices:
        edition = edition_by_id[row["edition_id"]]
        price = Amount(row["amount_cents"], row["currency"])
        prices_of[edition.product_id].append(
            CatalogListPrice(edition, tier_by_id[row["tier_id"]], price)
        )
    addons_of: dict[int, list[CatalogAddon]] = defaultdict(list)
    for row in addons:  # ordered by Addon.Meta
        addons_of[row["product_id"]].append(
            CatalogAddon(
                **row,
                allowed_editions=tuple(sorted(allowed[row["id"]], key=_rank)),
                prices=tuple(sorted(addon_price_rows[row["id"]], key=lambda p: p.tier.rank)),
            )
        )

    catalog_products = tuple(
        CatalogProduct(
            **row,
            editions=tuple(sorted(editions_of[row["id"]], key=_rank)),
            tiers=tuple(sorted(tiers_of[row["id"]], key=_rank)),
            addons=tuple(addons_of[row["id"]]),
            prices=tuple(sorted(prices_of[row["id"]], key=lambda p: (p.edition.rank, p.tier.rank))),
        )
        for row in products  # ordered by Product.Meta
    )
    return Catalog(products=catalog_products, maintenance=_terms(policy))


def _rank(item: CatalogEdition | CatalogTier) -> int:
    return item.rank


def _terms(policy: MaintenancePolicy | None) -> MaintenanceTerms:
    if policy is None:
        return DEFAULT_MAINTENANCE
    return MaintenanceTerms(
        term_months=policy.term_months,
        renewal_percent=basis_points_to_percent(policy.renewal_bps),
        grace_days=policy.grace_days,
        reinstatement_fee_percent=basis_points_to_percent(policy.reinstatement_fee_bps),
    )
