"""Loading the sample catalog: creates what is missing and never overwrites the vendor's edits."""

from __future__ import annotations

from backend.catalog.models import (
    Addon,
    AddonPrice,
    Edition,
    ListPrice,
    MaintenancePolicy,
    Product,
    Tier,
)
from backend.catalog.sample import EDITIONS, SAMPLE_PRODUCTS, SampleProduct, tier_name


async def seed_catalog() -> None:
    """Idempotent: a second run finds every row and changes nothing. The caller owns the
    transaction (``backend.demo.seed_demo``)."""
    await MaintenancePolicy.get_or_create(key="default")
    for position, sample in enumerate(SAMPLE_PRODUCTS):
        await _seed_product(position, sample)


async def _seed_product(position: int, sample: SampleProduct) -> None:
    product, _ = await Product.get_or_create(
        code=sample.code,
        defaults={
            "name": sample.name,
            "unit": sample.unit,
            "description": sample.description,
            "position": position,
        },
    )
    editions: dict[str, Edition] = {}
    for rank, (code, name, description) in enumerate(EDITIONS):
        editions[code], _ = await Edition.get_or_create(
            product=product,
            code=code,
            defaults={"name": name, "description": description, "rank": rank},
        )
    tiers: dict[str, Tier] = {}
    for rank, (code, seats) in enumerate(sample.tiers):
        tiers[code], _ = await Tier.get_or_create(
            product=product,
            code=code,
            defaults={"name": tier_name(code, seats, sample.unit), "seats": seats, "rank": rank},
        )
    for edition_code, by_tier in sample.prices.items():
        for tier_code, cents in by_tier.items():
            await ListPrice.get_or_create(
                edition=editions[edition_code],
                tier=tiers[tier_code],
                defaults={"amount_cents": cents},
            )
    for addon_position, sample_addon in enumerate(sample.addons):
        addon, created = await Addon.get_or_create(
            product=product,
            code=sample_addon.code,
            defaults={
                "name": sample_addon.name,
                "description": sample_addon.description,
                "position": addon_position,
            },
        )
        if created:
            await addon.allowed_editions.add(*(editions[c] for c in sample_addon.editions))
        for tier_code, cents in sample_addon.yearly_cents.items():
            await AddonPrice.get_or_create(
                addon=addon, tier=tiers[tier_code], defaults={"yearly_amount_cents": cents}
            )
