"""The process's catalog snapshot: one statement per read, reloaded as soon as the version moves."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from backend.catalog import admin
from backend.catalog.models import AddonPrice, ListPrice, MaintenancePolicy, Product
from backend.catalog.seed import seed_catalog
from backend.catalog.services import load_catalog
from backend.catalog.versioning import VERSIONED_TABLES, read_version
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from tests.identity.factories import make_user

pytestmark = pytest.mark.usefixtures("db")


def _price(catalog_product_code: str, edition: str, tier: str) -> Callable[[object], int]:
    def cents(catalog: object) -> int:
        product = catalog.product(catalog_product_code)  # type: ignore[attr-defined]
        [row] = [p for p in product.prices if p.edition.code == edition and p.tier.code == tier]
        return int(row.price.cents)

    return cents


pro_250 = _price("smartermail", "professional", "250")


async def test_an_unchanged_catalog_is_read_with_one_statement(
    count_queries: Callable[..., object],
) -> None:
    # given a catalog this process has read
    await seed_catalog()
    first = await load_catalog()

    # when it is read again
    with count_queries() as log:  # type: ignore[attr-defined]
        again = await load_catalog()

    # then only the version was read, and the same snapshot is returned
    assert log.count == 1, log.statements  # type: ignore[attr-defined]
    assert "catalog_version" in log.statements[0]  # type: ignore[attr-defined]
    assert again is first


async def test_a_change_by_another_process_is_seen_by_the_next_read() -> None:
    # given a snapshot in this process
    await seed_catalog()
    before = pro_250(await load_catalog())

    # when another process changes a price with plain SQL (no service of this process involved)
    await connections.get("default").execute_query(
        "UPDATE catalog_list_price SET amount_cents = amount_cents + 1"
    )

    # then the next read has it
    assert pro_250(await load_catalog()) == before + 1


@pytest.mark.parametrize("table", VERSIONED_TABLES)
async def test_every_write_to_a_catalog_table_changes_the_version(table: str) -> None:
    # given
    await seed_catalog()
    version = await read_version()

    # when a row of the table is updated to itself
    client = connections.get("default")
    _, [row] = await client.execute_query(f"SELECT * FROM {table} LIMIT 1")
    column = next(iter(dict(row)))
    await client.execute_query(
        f"UPDATE {table} SET {column} = {column} WHERE {column} = ?"
        if client.capabilities.dialect == "sqlite"
        else f"UPDATE {table} SET {column} = {column} WHERE {column} = $1",
        [row[column]],
    )

    # then
    assert await read_version() not in {None, version}


async def test_inserts_and_deletes_change_the_version() -> None:
    # given
    await seed_catalog()
    seeded = await read_version()

    # when
    await MaintenancePolicy.all().delete()
    deleted = await read_version()
    await Product.create(code="new", name="New", unit="seats")
    created = await read_version()

    # then
    assert len({seeded, deleted, created}) == 3


async def test_a_rolled_back_change_leaves_the_snapshot_right() -> None:
    # given
    await seed_catalog()
    before = pro_250(await load_catalog())

    # when a change is read inside its transaction, then rolled back
    class Rollback(Exception):
        pass

    with pytest.raises(Rollback):
        async with in_transaction():
            await ListPrice.all().update(amount_cents=1)
            assert pro_250(await load_catalog()) == 1
            raise Rollback

    # then the next read has the committed prices again
    assert pro_250(await load_catalog()) == before


async def test_the_admin_services_reach_the_next_read_at_once() -> None:
    # given
    await seed_catalog()
    await load_catalog()
    actor = actor_for(await make_user(Role.VENDOR_ADMIN))

    # when
    await admin.update_catalog_price(
        actor=actor,
        product_code="smartermail",
        edition_code="professional",
        tier_code="250",
        addon_code=None,
        price=Decimal("1.23"),
    )
    await admin.update_maintenance_policy(actor=actor, grace_days=7)
    await AddonPrice.all().update(yearly_amount_cents=5)

    # then
    catalog = await load_catalog()
    assert pro_250(catalog) == 123
    assert catalog.maintenance.grace_days == 7
    assert {
        p.yearly_price.cents
        for product in catalog.products
        for a in product.addons
        for p in a.prices
    } == {5}
