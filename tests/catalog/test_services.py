"""The catalog domain: the snapshot, the seed and the invariants the database enforces."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend.accounts.models import Reseller
from backend.catalog.models import (
    Addon,
    AddonPrice,
    Edition,
    ListPrice,
    MaintenancePolicy,
    Product,
    Tier,
)
from backend.catalog.services import load_catalog
from backend.demo import seed_demo
from tests.catalog.factories import make_product
from tests.identity.factories import DEMO_PASSWORD

pytestmark = pytest.mark.usefixtures("db")

ALL_MODELS = (Product, Edition, Tier, ListPrice, Addon, AddonPrice, MaintenancePolicy, Reseller)


async def table_contents() -> dict[str, list[dict[str, object]]]:
    return {model.__name__: await model.all().order_by("id").values() for model in ALL_MODELS}


async def test_seed_loads_the_sample_catalog() -> None:
    # when
    await seed_demo(password=DEMO_PASSWORD)
    catalog = await load_catalog()

    # then
    assert [p.code for p in catalog.products] == ["smartermail", "smartertrack", "smarterstats"]
    mail = catalog.by_code["smartermail"]
    assert [e.code for e in mail.editions] == ["free", "professional", "enterprise"]
    assert [t.code for t in mail.tiers] == ["10", "250", "1000", "unlimited"]
    assert mail.tiers[-1].seats is None
    prices = {(p.edition.code, p.tier.code): p.price.cents for p in mail.prices}
    assert prices[("free", "10")] == 0
    assert prices[("enterprise", "1000")] == 124_900
    assert ("free", "250") not in prices
    addons = {a.code: [e.code for e in a.allowed_editions] for a in mail.addons}
    assert addons == {
        "activesync": ["enterprise"],
        "mapi-ews": ["enterprise"],
        "cyren-antispam": ["professional", "enterprise"],
        "cyren-zero-hour": ["professional", "enterprise"],
        "message-sniffer": ["professional", "enterprise"],
    }
    track = catalog.by_code["smartertrack"]
    assert [a.code for a in track.addons] == ["communicator"]
    assert catalog.maintenance.renewal_percent == Decimal(50)
    assert catalog.maintenance.grace_days == 30
    assert catalog.maintenance.reinstatement_fee_percent == Decimal(20)
    resellers = await Reseller.all().order_by("discount_bps").values_list("discount_bps", flat=True)
    assert resellers == [2000, 3000]


async def test_seeding_twice_changes_nothing() -> None:
    # given
    await seed_demo(password=DEMO_PASSWORD)
    before = await table_contents()

    # when
    await seed_demo(password=DEMO_PASSWORD)

    # then
    assert await table_contents() == before


async def test_seeding_keeps_the_vendors_price_changes() -> None:
    # given
    await seed_demo(password=DEMO_PASSWORD)
    price = await ListPrice.get(
        edition__code="enterprise", tier__code="1000", edition__product__code="smartermail"
    )
    price.amount_cents = 99_900
    await price.save()

    # when
    await seed_demo(password=DEMO_PASSWORD)

    # then
    await price.refresh_from_db()
    assert price.amount_cents == 99_900


async def test_a_catalog_of_any_size_loads_whole() -> None:
    # given
    await make_product(editions=2, tiers=4, addons=3)
    await make_product(editions=3, tiers=1, addons=0)

    # when
    catalog = await load_catalog()

    # then
    first, second = catalog.products
    assert len(first.prices) == 8 and len(first.addons) == 3
    assert [p.tier.rank for p in first.addons[0].prices] == [0, 1, 2, 3]
    assert len(second.prices) == 3 and second.addons == ()


async def test_without_a_policy_row_the_default_terms_apply() -> None:
    catalog = await load_catalog()
    assert catalog.maintenance.term_months == 12
    assert catalog.maintenance.renewal_percent == Decimal(50)


async def test_a_price_cannot_be_negative() -> None:
    product = await make_product(editions=1, tiers=1, addons=0)
    price = await ListPrice.get(edition__product=product)
    price.amount_cents = -1
    with pytest.raises(IntegrityError, match="catalog_list_price_not_negative"):
        await price.save()


async def test_an_edition_and_tier_have_one_price() -> None:
    product = await make_product(editions=1, tiers=1, addons=0)
    price = await ListPrice.get(edition__product=product)
    with pytest.raises(IntegrityError):
        await ListPrice.create(edition_id=price.edition_id, tier_id=price.tier_id, amount_cents=1)


async def test_codes_are_unique_within_a_product() -> None:
    product = await make_product(editions=1, tiers=1, addons=0)
    with pytest.raises(IntegrityError):
        await Tier.create(product=product, code="10", name="again", seats=10, rank=9)


async def test_a_tier_has_a_positive_seat_count_or_none() -> None:
    product = await make_product(editions=1, tiers=1, addons=0)
    await Tier.create(product=product, code="unlimited", name="Unlimited", seats=None, rank=5)
    with pytest.raises(IntegrityError, match="catalog_tier_seats_positive"):
        await Tier.create(product=product, code="0", name="none", seats=0, rank=6)


async def test_there_is_one_maintenance_policy() -> None:
    await MaintenancePolicy.create()
    with pytest.raises(IntegrityError):
        await MaintenancePolicy.create(key="other")


async def test_discount_stays_within_0_and_100_percent() -> None:
    with pytest.raises(IntegrityError, match="accounts_reseller_discount_range"):
        await Reseller.create(name="Greedy", discount_bps=10_001)


async def test_a_failed_seed_writes_nothing() -> None:
    # given a seed that fails half way through its transaction
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await seed_demo(password=DEMO_PASSWORD)
            raise RuntimeError("boom")

    # then
    assert await Product.all().count() == 0
    assert await Reseller.all().count() == 0
