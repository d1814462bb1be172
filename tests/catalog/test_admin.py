"""The vendor's catalog administration: prices, add-on prices and the M&S policy."""

from __future__ import annotations

import asyncio
import contextlib
from decimal import Decimal
from typing import Any

import pytest
from tortoise import Tortoise
from tortoise.transactions import in_transaction

from backend.audit.models import AuditEvent
from backend.catalog import admin
from backend.catalog.models import AddonPrice, ListPrice, MaintenancePolicy
from backend.catalog.seed import seed_catalog
from backend.catalog.services import CatalogProduct, load_catalog
from backend.db import APP_LABEL
from backend.demo import seed_demo
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from tests.conftest import ENGINE
from tests.identity.factories import DEMO_PASSWORD, make_reseller, make_user

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def vendor() -> Actor:
    """A vendor admin, in front of the sample catalog."""
    async with in_transaction():
        await seed_catalog()
    return actor_for(await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example"))


def list_price(product: CatalogProduct, edition: str, tier: str) -> int | None:
    prices = {(p.edition.code, p.tier.code): p.price.cents for p in product.prices}
    return prices.get((edition, tier))


def addon_price(product: CatalogProduct, addon: str, tier: str) -> int | None:
    [found] = [a for a in product.addons if a.code == addon]
    prices = {p.tier.code: p.yearly_price.cents for p in found.prices}
    return prices.get(tier)


async def set_price(actor: Actor, **given: Any) -> CatalogProduct:
    arguments: dict[str, Any] = {
        "product_code": "smartermail",
        "edition_code": "professional",
        "tier_code": "250",
        "addon_code": None,
        "price": Decimal("449.50"),
    }
    return await admin.update_catalog_price(actor=actor, **(arguments | given))


async def test_a_new_list_price_replaces_the_old_one(vendor: Actor) -> None:
    # given
    before = (await load_catalog()).by_code["smartermail"]
    assert list_price(before, "professional", "250") == 39_900

    # when
    returned = await set_price(vendor, price=Decimal("449.50"))

    # then the price is stored in cents and the next read of the catalog has it
    assert list_price(returned, "professional", "250") == 44_950
    after = (await load_catalog()).by_code["smartermail"]
    assert list_price(after, "professional", "250") == 44_950
    # and nothing else of the product changed
    others = {(p.edition.code, p.tier.code): p.price for p in after.prices}
    del others[("professional", "250")]
    expected = {(p.edition.code, p.tier.code): p.price for p in before.prices}
    del expected[("professional", "250")]
    assert others == expected
    assert await ListPrice.filter(edition__product__code="smartermail").count() == len(
        before.prices
    )


async def test_pricing_a_pair_without_a_price_puts_it_on_sale(vendor: Actor) -> None:
    # given Free is sold only at its own small tier
    assert list_price((await load_catalog()).by_code["smartermail"], "free", "250") is None

    # when
    product = await set_price(vendor, edition_code="free", tier_code="250", price=Decimal(10))

    # then
    assert list_price(product, "free", "250") == 1_000


async def test_an_addon_has_a_yearly_price_per_tier(vendor: Actor) -> None:
    # when
    product = await set_price(
        vendor, edition_code=None, addon_code="activesync", tier_code="1000", price=Decimal("850")
    )

    # then only that tier's price changed
    assert addon_price(product, "activesync", "1000") == 85_000
    assert addon_price(product, "activesync", "250") == 25_000
    assert await AddonPrice.filter(yearly_amount_cents=85_000).count() == 1


async def test_an_addon_price_for_a_tier_without_one_is_created(vendor: Actor) -> None:
    # when (the sample add-ons have no price at the 10-mailbox tier)
    product = await set_price(
        vendor, edition_code=None, addon_code="activesync", tier_code="10", price=Decimal("12.34")
    )

    # then
    assert addon_price(product, "activesync", "10") == 1_234


@pytest.mark.parametrize(
    ("given", "kind", "field"),
    [
        ({"product_code": "nope"}, ErrorKind.NOT_FOUND, "product_code"),
        ({"edition_code": "platinum"}, ErrorKind.NOT_FOUND, "edition_code"),
        ({"tier_code": "42"}, ErrorKind.NOT_FOUND, "tier"),
        # a tier of another product
        ({"tier_code": "5"}, ErrorKind.NOT_FOUND, "tier"),
        ({"edition_code": None, "addon_code": "nope"}, ErrorKind.NOT_FOUND, "addon_code"),
        # an add-on of another product
        ({"edition_code": None, "addon_code": "communicator"}, ErrorKind.NOT_FOUND, "addon_code"),
        ({"edition_code": None}, ErrorKind.REQUIRED, "edition_code"),
        ({"addon_code": "activesync"}, ErrorKind.INVALID, "edition_code"),
        ({"price": Decimal("-0.01")}, ErrorKind.INVALID, "price"),
        ({"price": Decimal("1.005")}, ErrorKind.INVALID, "price"),
        ({"price": Decimal("1000000.01")}, ErrorKind.INVALID, "price"),
        ({"price": Decimal("1E+30")}, ErrorKind.INVALID, "price"),
    ],
)
async def test_a_bad_price_change_names_the_field_and_changes_nothing(
    vendor: Actor, given: dict[str, Any], kind: ErrorKind, field: str
) -> None:
    # given
    before = await load_catalog()

    # when
    with pytest.raises(DomainError) as raised:
        await set_price(vendor, **given)

    # then
    [problem] = raised.value.problems
    assert (problem.kind, problem.field) == (kind, (field,))
    assert await load_catalog() == before
    assert await AuditEvent.all().count() == 0


async def test_an_unknown_edition_and_tier_are_reported_together(vendor: Actor) -> None:
    with pytest.raises(DomainError) as raised:
        await set_price(vendor, edition_code="platinum", tier_code="42")

    assert [p.field for p in raised.value.problems] == [("tier",), ("edition_code",)]


@pytest.mark.parametrize("price", [Decimal(0), Decimal("1000000.00"), Decimal("12.3")])
async def test_prices_at_the_limits_are_accepted(vendor: Actor, price: Decimal) -> None:
    product = await set_price(vendor, price=price)

    assert list_price(product, "professional", "250") == int(price * 100)


async def test_only_the_vendor_sets_prices(vendor: Actor) -> None:
    # given
    owner = await make_user(Role.RESELLER_OWNER, await make_reseller())

    # when
    with pytest.raises(DomainError) as raised:
        await set_price(actor_for(owner))

    # then
    assert raised.value.problems[0].kind is ErrorKind.PERMISSION_DENIED
    assert list_price((await load_catalog()).by_code["smartermail"], "professional", "250") == (
        39_900
    )


async def test_a_price_change_is_in_the_audit_log(vendor: Actor) -> None:
    # when
    await set_price(vendor, price=Decimal("449.50"))
    await set_price(vendor, edition_code=None, addon_code="activesync", price=Decimal(260))

    # then
    events = await AuditEvent.all().order_by("id")
    assert [
        (e.action, e.reseller_id, e.actor_label, e.target_label, e.changes) for e in events
    ] == [
        (
            "catalog.price_updated",
            None,
            "admin@vendor.example",
            "SmarterMail Professional, 250 mailboxes",
            {"price": ["399.00", "449.50"]},
        ),
        (
            "catalog.price_updated",
            None,
            "admin@vendor.example",
            "SmarterMail Exchange ActiveSync, 250 mailboxes",
            {"price": ["250.00", "260.00"]},
        ),
    ]
    assert events[0].target_type == "ListPrice"
    assert events[1].target_type == "AddonPrice"


async def test_a_new_price_is_audited_without_an_old_one(vendor: Actor) -> None:
    await set_price(vendor, edition_code="free", tier_code="250", price=Decimal(10))

    event = await AuditEvent.get()
    assert event.changes == {"price": [None, "10.00"]}


async def test_setting_the_same_price_again_records_nothing(vendor: Actor) -> None:
    await set_price(vendor, price=Decimal("399.00"))

    assert await AuditEvent.all().count() == 0


async def test_a_price_change_alters_nothing_but_that_price() -> None:
    # given the whole demo: accounts, people, catalog
    await seed_demo(password=DEMO_PASSWORD)
    actor = actor_for(await make_user(Role.VENDOR_ADMIN, email="other-admin@vendor.example"))
    before = await every_table()

    # when
    await set_price(actor, price=Decimal("449.50"))

    # then
    after = await every_table()
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"ListPrice", "AuditEvent", "CatalogVersion"}  # the version: a new snapshot
    [old, new] = [
        [row for row in table["ListPrice"] if row not in other["ListPrice"]]
        for table, other in ((before, after), (after, before))
    ]
    assert [row["amount_cents"] for row in old + new] == [39_900, 44_950]
    assert old[0]["id"] == new[0]["id"]


async def every_table() -> dict[str, list[dict[str, Any]]]:
    return {
        name: await model.all().order_by(model._meta.pk_attr).values()
        for name, model in Tortoise.apps[APP_LABEL].items()
    }


async def test_an_upsert_that_loses_a_race_updates_the_winners_row(
    vendor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given another request inserts the price between this one's read and its insert
    # (here: the first read misses the row the "other request" already wrote)
    await set_price(vendor, edition_code="free", tier_code="250", price=Decimal(5))
    real_locked = admin._locked
    reads = 0

    async def first_read_misses(model: Any, keys: dict[str, int]) -> Any:
        nonlocal reads
        reads += 1
        return None if reads == 1 else await real_locked(model, keys)

    monkeypatch.setattr(admin, "_locked", first_read_misses)

    # when
    product = await set_price(vendor, edition_code="free", tier_code="250", price=Decimal(7))

    # then the insert failed on the unique constraint and the row was updated instead
    assert reads == 2
    assert list_price(product, "free", "250") == 700
    assert await ListPrice.filter(edition__id=product.editions[0].id, tier__code="250").count() == 1
    events = await AuditEvent.all().order_by("id").values_list("changes", flat=True)
    assert events == [{"price": [None, "5.00"]}, {"price": ["5.00", "7.00"]}]


async def test_concurrent_prices_for_a_new_pair_both_succeed(
    vendor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given two requests that each read the price before either writes it (on PostgreSQL; on
    # SQLite write transactions take turns, so the second reads what the first wrote)
    real_locked = admin._locked
    reads = 0
    both_read = asyncio.Event()

    async def read_then_wait(model: Any, keys: dict[str, int]) -> Any:
        nonlocal reads
        row = await real_locked(model, keys)
        reads += 1
        if reads == 2:
            both_read.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(both_read.wait(), 0.5)
        return row

    monkeypatch.setattr(admin, "_locked", read_then_wait)

    # when both price the same unpriced pair
    results = await asyncio.gather(
        set_price(vendor, edition_code="free", tier_code="1000", price=Decimal(20)),
        set_price(vendor, edition_code="free", tier_code="1000", price=Decimal(30)),
        return_exceptions=True,  # a failure must not leave the other request running
    )

    # then neither fails: on PostgreSQL the loser's insert hit the unique constraint and it
    # read the winner's row again to update it
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert reads == (3 if ENGINE == "postgres" else 2)
    free = (await load_catalog()).by_code["smartermail"].editions[0]
    rows = await ListPrice.filter(edition_id=free.id, tier__code="1000").values_list(
        "amount_cents", flat=True
    )
    assert len(rows) == 1
    assert rows[0] in (2_000, 3_000)
    assert await AuditEvent.all().count() == 2


async def test_the_maintenance_policy_changes_only_the_fields_given(vendor: Actor) -> None:
    # when
    terms = await admin.update_maintenance_policy(actor=vendor, renewal_percent=Decimal("45.5"))

    # then
    assert (terms.term_months, terms.renewal_percent, terms.grace_days) == (
        12,
        Decimal("45.5"),
        30,
    )
    assert terms.reinstatement_fee_percent == Decimal(20)
    policy = await MaintenancePolicy.get(key="default")
    assert (policy.renewal_bps, policy.reinstatement_fee_bps) == (4550, 2000)
    assert (await load_catalog()).maintenance == terms


async def test_every_term_of_the_policy_can_change(vendor: Actor) -> None:
    # when
    terms = await admin.update_maintenance_policy(
        actor=vendor,
        term_months=24,
        renewal_percent=Decimal(60),
        grace_days=0,
        reinstatement_fee_percent=Decimal("1000"),
    )

    # then
    assert (await load_catalog()).maintenance == terms
    assert (terms.term_months, terms.grace_days) == (24, 0)
    assert (terms.renewal_percent, terms.reinstatement_fee_percent) == (
        Decimal(60),
        Decimal(1000),
    )
    [event] = await AuditEvent.all()
    assert event.action == "catalog.maintenance_policy_updated"
    assert event.reseller_id is None
    assert event.changes == {
        "term_months": [12, 24],
        "renewal_percent": ["50", "60"],
        "grace_days": [30, 0],
        "reinstatement_fee_percent": ["20", "1000"],
    }


async def test_the_policy_is_created_when_missing(vendor: Actor) -> None:
    # given
    await MaintenancePolicy.all().delete()

    # when
    terms = await admin.update_maintenance_policy(actor=vendor, grace_days=45)

    # then the other terms are the defaults
    policy = await MaintenancePolicy.get(key="default")
    assert (policy.term_months, policy.renewal_bps, policy.grace_days) == (12, 5000, 45)
    assert terms.grace_days == 45


async def test_an_unchanged_policy_records_nothing(vendor: Actor) -> None:
    await admin.update_maintenance_policy(actor=vendor, term_months=12, renewal_percent=Decimal(50))
    await admin.update_maintenance_policy(actor=vendor)

    assert await AuditEvent.all().count() == 0


async def test_bad_policy_terms_are_reported_together_and_change_nothing(vendor: Actor) -> None:
    # when
    with pytest.raises(DomainError) as raised:
        await admin.update_maintenance_policy(
            actor=vendor,
            term_months=121,
            renewal_percent=Decimal("1000.01"),
            grace_days=-1,
            reinstatement_fee_percent=Decimal("12.345"),
        )

    # then
    assert [(p.kind, p.field) for p in raised.value.problems] == [
        (ErrorKind.INVALID, ("term_months",)),
        (ErrorKind.INVALID, ("renewal_percent",)),
        (ErrorKind.INVALID, ("reinstatement_fee_percent",)),
        (ErrorKind.INVALID, ("grace_days",)),
    ]
    policy = await MaintenancePolicy.get(key="default")
    assert (policy.term_months, policy.renewal_bps, policy.grace_days) == (12, 5000, 30)


@pytest.mark.parametrize(
    "given",
    [
        {"term_months": 0},
        {"grace_days": 366},
        {"renewal_percent": Decimal("-1")},
        {"reinstatement_fee_percent": Decimal("NaN")},
    ],
)
async def test_policy_terms_out_of_range_are_refused(vendor: Actor, given: dict[str, Any]) -> None:
    with pytest.raises(DomainError) as raised:
        await admin.update_maintenance_policy(actor=vendor, **given)

    [problem] = raised.value.problems
    assert problem.kind is ErrorKind.INVALID
    assert problem.field == (next(iter(given)),)


async def test_only_the_vendor_changes_the_policy() -> None:
    owner = await make_user(Role.RESELLER_OWNER, await make_reseller())

    with pytest.raises(DomainError) as raised:
        await admin.update_maintenance_policy(actor=actor_for(owner), grace_days=10)

    assert raised.value.problems[0].kind is ErrorKind.PERMISSION_DENIED
