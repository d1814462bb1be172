"""Factories for catalog rows: any shape and size of catalog, for tests."""

from __future__ import annotations

import itertools

from backend.catalog.models import Addon, AddonPrice, Edition, ListPrice, Product, Tier

_sequence = itertools.count(1)


async def make_product(
    *,
    code: str | None = None,
    editions: int = 3,
    tiers: int = 3,
    addons: int = 1,
    base_cents: int = 10_000,
) -> Product:
    """A product with every (edition, tier) priced and add-ons allowed on the top edition."""
    n = next(_sequence)
    product = await Product.create(
        code=code or f"product-{n}", name=f"Product {n}", unit="seats", position=n
    )
    edition_rows = [
        await Edition.create(product=product, code=f"edition-{i}", name=f"Edition {i}", rank=i)
        for i in range(editions)
    ]
    tier_rows = [
        await Tier.create(
            product=product,
            code=str((i + 1) * 10),
            name=f"{(i + 1) * 10} seats",
            seats=(i + 1) * 10,
            rank=i,
        )
        for i in range(tiers)
    ]
    for e, edition in enumerate(edition_rows):
        for t, tier in enumerate(tier_rows):
            await ListPrice.create(
                edition=edition, tier=tier, amount_cents=base_cents * (e + 1) + 1_000 * t
            )
    for a in range(addons):
        addon = await Addon.create(product=product, code=f"addon-{n}-{a}", name=f"Addon {a}")
        await addon.allowed_editions.add(edition_rows[-1])
        for t, tier in enumerate(tier_rows):
            await AddonPrice.create(addon=addon, tier=tier, yearly_amount_cents=500 * (t + 1))
    return product
