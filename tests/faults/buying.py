"""Partners buying while something fails: clients that retry an unfinished checkout with the same
idempotency key, a record of what they saw, and the check that the database agrees with it."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tests.faults.support import Answers, Api, Database, Refused, Unfinished

RETRY_FOR_SECONDS = 150.0
"""How long a client keeps retrying one checkout before the test fails."""

PLACED = """
order { number total { amount } }
invoice { number total { amount } }
licenses { key status }
replayed
userErrors { code message field }
"""
PURCHASE = f"mutation Buy($input: PurchaseInput!) {{ purchase(input: $input) {{ {PLACED} }} }}"
CHECKOUT = f"mutation Pay($input: CheckoutInput!) {{ checkout(input: $input) {{ {PLACED} }} }}"
ITEMS = [
    {"productCode": "smartermail", "editionCode": "professional", "tier": "250"},
    {
        "productCode": "smartermail",
        "editionCode": "enterprise",
        "tier": "1000",
        "addonCodes": ["activesync", "cyren-antispam"],
    },
    {"productCode": "smartertrack", "editionCode": "professional", "tier": "5"},
    {"productCode": "smarterstats", "editionCode": "professional", "tier": "250"},
]


@dataclass(frozen=True)
class Seen:
    """A checkout as the client saw it succeed."""

    key: str
    order: str
    total: str
    invoice: str
    licenses: frozenset[str]
    unassigned: tuple[str, ...]
    replayed: bool


@dataclass
class Load:
    """The clients' shared record: what they saw, and how many requests are in flight.

    Each client buys at least ``at_least`` times, and goes on until ``faults_over`` is set.
    """

    at_least: int
    answers: Answers = field(default_factory=Answers)
    seen: list[Seen] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    in_flight: int = 0
    retries: int = 0
    in_progress_answers: int = 0
    faults_over: bool = False

    def purchases(self) -> Iterator[int]:
        number = 0
        while number < self.at_least or not self.faults_over:
            yield number
            number += 1

    async def until_placed(self, key: str, attempt: Callable[[], Awaitable[Any]]) -> Seen:
        """Send the checkout until it answers; a retry carries the same key."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + RETRY_FOR_SECONDS
        self.keys.append(key)
        while True:
            self.in_flight += 1
            try:
                placed = await attempt()
                break
            except Unfinished:
                self.retries += 1
            except Refused as refused:
                # an earlier attempt with the key is still being placed: ask again
                if refused.codes != {"CONFLICT"}:
                    raise AssertionError(f"{key} refused: {refused.errors}") from None
                self.in_progress_answers += 1
            finally:
                self.in_flight -= 1
            assert loop.time() < deadline, f"{key}: no order after {RETRY_FOR_SECONDS} s"
            await asyncio.sleep(0.2)
        seen = Seen(
            key=key,
            order=placed["order"]["number"],
            total=placed["order"]["total"]["amount"],
            invoice=placed["invoice"]["number"],
            licenses=frozenset(license["key"] for license in placed["licenses"]),
            unassigned=tuple(
                license["key"]
                for license in placed["licenses"]
                if license["status"] == "UNASSIGNED"
            ),
            replayed=placed["replayed"],
        )
        assert placed["invoice"]["total"]["amount"] == seen.total
        self.seen.append(seen)
        return seen


def new_line(rng: random.Random, client: str, number: int) -> dict[str, Any]:
    """A new license line; some are assigned to a new customer at checkout."""
    line: dict[str, Any] = {**rng.choice(ITEMS), "quantity": rng.randint(1, 3)}
    if rng.random() < 0.3:
        line["assignToEmail"] = f"{client}-{number}@customers.example"
    return line


def payment(rng: random.Random) -> dict[str, Any]:
    if rng.random() < 0.5:
        return {"paymentMethod": "PAY_ON_ORDER", "paymentToken": "tok_success"}
    return {"paymentMethod": "INVOICE"}


async def purchasing_client(name: str, api: Api, rng: random.Random, load: Load) -> None:
    """A partner's server buying through ``purchase``, one idempotency key per purchase."""
    for number in load.purchases():
        lines = [new_line(rng, name, number) for _ in range(rng.randint(1, 2))]
        request = {"lines": lines, "idempotencyKey": f"{name}-{number}", **payment(rng)}
        await load.until_placed(
            request["idempotencyKey"],
            lambda request=request: api.call(PURCHASE, {"input": request}, field="purchase"),
        )


async def orders_of(database: Database, reseller_id: int) -> int:
    count: int = await database.value(
        f"SELECT count(*) FROM commerce_order WHERE reseller_id = {reseller_id}"
    )
    return count


async def check_orders_seen(
    database: Database, load: Load, *, reseller_id: int, orders_before: int
) -> None:
    """Each key made exactly one order and no order was made without a key; every checkout a
    client saw placed is in the database as the client saw it."""
    records = {
        row["key"]: row["order_id"]
        for row in await database.rows(
            "SELECT key, order_id FROM commerce_idempotency_record "
            f"WHERE reseller_id = {reseller_id}"
        )
    }
    assert sorted(load.keys) == sorted({seen.key for seen in load.seen})
    assert all(records.get(key) is not None for key in load.keys), "a key without its order"
    assert await orders_of(database, reseller_id) - orders_before == len(load.keys)
    orders = {
        row["number"]: row
        for row in await database.rows(
            "SELECT o.id, o.number, o.total_cents, i.number AS invoice FROM commerce_order o "
            f"JOIN billing_invoice i ON i.order_id = o.id WHERE o.reseller_id = {reseller_id}"
        )
    }
    licenses: dict[int, set[str]] = {}
    for row in await database.rows(
        f"SELECT order_id, key FROM licensing_license WHERE reseller_id = {reseller_id}"
    ):
        licenses.setdefault(row["order_id"], set()).add(row["key"])
    for seen in load.seen:
        order = orders.get(seen.order)
        assert order is not None, f"{seen.key}: order {seen.order} is not in the database"
        assert records[seen.key] == order["id"], f"{seen.key}: answered with another key's order"
        assert f"{order['total_cents'] / 100:.2f}" == seen.total
        assert order["invoice"] == seen.invoice
        assert licenses.get(order["id"], set()) == seen.licenses
