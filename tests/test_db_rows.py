"""``rows_by_ids``: rows by primary key through prepared statements, the values exactly as a
queryset's ``values()`` gives them; one statement for all the models on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from backend.accounts.models import Reseller
from backend.catalog.seed import seed_catalog
from backend.commerce.models import Order
from backend.db_rows import rows_by_ids
from tests.conftest import ENGINE
from tests.dashboard.factories import make_order
from tests.identity.factories import make_reseller

pytestmark = pytest.mark.usefixtures("db")


async def test_rows_are_read_as_values_reads_them(count_queries: Any) -> None:
    # given orders of two resellers, one with a billing address of every kind of character
    await seed_catalog()
    ours, theirs = await make_reseller("Ours"), await make_reseller('Théirs "quoted" ✓')
    placed = datetime(2026, 5, 4, 3, 2, 1, 123456, tzinfo=UTC)
    orders = [
        await make_order(ours, placed, [("smartermail", 12_345)]),
        await make_order(theirs, placed, [("smarterstats", 99)], discount_bps=1250),
    ]
    wanted_orders = {o.id for o in orders} | {10_000_000}  # and an id that is no order

    # when they are read by id, together with the resellers
    with count_queries() as log:
        order_rows, reseller_rows = await rows_by_ids(
            (Order, wanted_orders), (Reseller, {ours.id, theirs.id})
        )

    # then each row holds what values() holds, and the engine's statements were run
    assert sorted((vars(r) for r in order_rows), key=lambda r: r["id"]) == sorted(
        await Order.filter(id__in=[o.id for o in orders]).values(), key=lambda r: r["id"]
    )
    assert sorted((vars(r) for r in reseller_rows), key=lambda r: r["id"]) == sorted(
        await Reseller.filter(id__in=[ours.id, theirs.id]).values(), key=lambda r: r["id"]
    )
    assert log.count == (1 if ENGINE == "sqlite" else 2), log.statements


async def test_nothing_wanted_runs_no_statement(count_queries: Any) -> None:
    with count_queries() as log:
        found = await rows_by_ids((Order, ()), (Reseller, set()))

    assert found == [[], []]
    assert log.count == 0
