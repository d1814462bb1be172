"""The HTTP bench's dataset: the demo data, then resellers, customers, orders, invoices and
licenses added in bulk (``bulk_create`` in batches, explicit ids, one transaction).

At ``--scale 1``: 300 resellers, 100,000 licenses (a quarter of the orders with add-ons, half
of the licenses assigned to a customer, one in twenty personal), 50,000 customers and 60,000
orders, each with one line and its invoice (with its line), all on invoice and waiting for the
monthly summary, issued over the two years before the end of the month before last (the demo's
seed already closed last month; the bench's close scenario closes that earlier month and so
collects all 60,000). The demo reseller "Reseller Example Inc." is the big account the bench
signs in to: it gets a tenth of every kind of row, the other resellers share the rest evenly.
Every figure is multiplied by the scale (``--scale 0.01``: 1,000 licenses).

Run alone: ``python -m tests.bench.http.dataset --scale 0.01 --database-url sqlite:///tmp/x.db``
(the harness runs it so, in a process of its own: one process cannot use both engines).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from tortoise import Tortoise, connections
from tortoise.functions import Max
from tortoise.models import Model
from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import Reseller
from backend.billing.models import (
    PENDING_SUMMARY_NOTE,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
)
from backend.billing.periods import Period
from backend.catalog.services import load_catalog
from backend.commerce.models import LineKind, Order, OrderLine, PaymentMethod
from backend.db import migrate, tortoise_config
from backend.demo import seed_demo
from backend.identity.models import User
from backend.identity.roles import Role
from backend.licensing.keys import ALPHABET, GROUP_LENGTH, GROUPS
from backend.licensing.models import License, LicenseAddon

PASSWORD = "demo-password"
BIG_RESELLER = "Reseller Example Inc."
OWNER_EMAIL = "owner@reseller.example"
ADMIN_EMAIL = "admin@example.com"
BIG_SHARE = 0.1
BATCH = 2000
FULL = {"resellers": 300, "licenses": 100_000, "customers": 50_000, "invoices": 60_000}
UNASSIGNED_POOL = 3000
"""How many unassigned license keys of the big account the assignment scenario may use."""


@dataclass
class Dataset:
    """What the harness needs to know of the data it drives (saved as JSON beside it)."""

    engine: str
    scale: float
    counts: dict[str, int]
    seconds: float
    owner_email: str = OWNER_EMAIL
    admin_email: str = ADMIN_EMAIL
    password: str = PASSWORD
    reseller_id: int = 0
    buyer_emails: list[str] = field(default_factory=list)
    unassigned_keys: list[str] = field(default_factory=list)
    search_keys: list[str] = field(default_factory=list)
    search_emails: list[str] = field(default_factory=list)
    close_period: str = ""


def counts_at(scale: float) -> dict[str, int]:
    counts = {name: max(1, round(full * scale)) for name, full in FULL.items()}
    counts["resellers"] = max(3, counts["resellers"])
    return counts


def shares(total: int, parts: int) -> list[int]:
    """``total`` over ``parts`` accounts: the first (the big one) a tenth, the rest evenly."""
    big = max(1, round(total * BIG_SHARE))
    each, extra = divmod(total - big, parts - 1)
    return [big, *(each + (1 if n < extra else 0) for n in range(parts - 1))]


async def _next_id(model: type[Model]) -> int:
    rows = await model.all().annotate(top=Max("id")).values("top")
    return int(rows[0]["top"] or 0) + 1


async def _insert(model: type[Model], rows: Sequence[Model]) -> None:
    for start in range(0, len(rows), BATCH):
        await model.bulk_create(rows[start : start + BATCH])


def _key(rng: random.Random) -> str:
    chars = rng.choices(ALPHABET, k=GROUP_LENGTH * GROUPS)
    return "-".join(
        "".join(chars[g * GROUP_LENGTH : (g + 1) * GROUP_LENGTH]) for g in range(GROUPS)
    )


@dataclass(frozen=True)
class Choice:
    product_id: int
    edition_id: int
    tier_id: int
    description: str
    price_cents: int
    addons: tuple[tuple[int, str, int], ...]
    """(id, code, yearly cents at this tier) of the add-ons this edition allows."""


async def _choices() -> list[Choice]:
    catalog = await load_catalog()
    found = []
    for product in catalog.products:
        for price in product.prices:
            if price.price.cents == 0:
                continue
            addons = tuple(
                (addon.id, addon.code, p.yearly_price.cents)
                for addon in product.addons
                if price.edition in addon.allowed_editions
                for p in addon.prices
                if p.tier.id == price.tier.id
            )
            found.append(
                Choice(
                    product.id,
                    price.edition.id,
                    price.tier.id,
                    f"{product.name} {price.edition.name}, {price.tier.name}",
                    price.price.cents,
                    addons,
                )
            )
    return found


async def _resellers(total: int) -> list[Reseller]:
    big = await Reseller.get(name=BIG_RESELLER)
    others = await Reseller.exclude(id=big.id).order_by("id")
    missing = total - 1 - len(others)
    if missing > 0:
        await _insert(
            Reseller,
            [
                Reseller(
                    name=f"Bench Reseller {n:04d}",
                    discount_bps=(0, 1000, 2000, 3000)[n % 4],
                    may_pay_by_invoice=True,
                    contact_name=f"Owner {n}",
                    city="Springfield",
                    country="US",
                    billing_email=f"billing{n}@bench-reseller.example",
                )
                for n in range(missing)
            ],
        )
        others = await Reseller.exclude(id=big.id).order_by("id")
    return [big, *others[: total - 1]]


async def generate(scale: float, *, buyers: int = 8, seed: int = 1) -> Dataset:
    """Fill the (migrated, connected) database; returns what the harness needs to know."""
    started = time.perf_counter()
    rng = random.Random(seed)
    counts = counts_at(scale)
    await seed_demo(password=PASSWORD)
    users = await User.filter(email=OWNER_EMAIL).values("password_hash")
    password_hash = users[0]["password_hash"]
    period = Period.containing(clock.now()).previous().previous()
    span_end = period.end - timedelta(minutes=1)
    span_start = span_end - timedelta(days=730)

    async with in_transaction():
        resellers = await _resellers(counts["resellers"])
        choices = await _choices()
        n = len(resellers)
        license_counts = shares(counts["licenses"], n)
        customer_counts = shares(counts["customers"], n)
        invoice_counts = shares(counts["invoices"], n)

        user_id = await _next_id(User)
        order_id = await _next_id(Order)
        line_id = await _next_id(OrderLine)
        invoice_id = await _next_id(Invoice)
        license_id = await _next_id(License)
        now = clock.now()

        customers: list[User] = []
        orders: list[Order] = []
        lines: list[OrderLine] = []
        invoices: list[Invoice] = []
        invoice_lines: list[InvoiceLine] = []
        licenses: list[License] = []
        license_addons: list[LicenseAddon] = []
        dataset = Dataset(
            engine=connections.get("default").capabilities.dialect,
            scale=scale,
            counts=counts,
            seconds=0.0,
            reseller_id=resellers[0].id,
            close_period=str(period),
        )
        customer_number = 0
        for index, reseller in enumerate(resellers):
            own_customers = []
            for _ in range(customer_counts[index]):
                own_customers.append(user_id)
                customers.append(
                    User(
                        id=user_id,
                        email=f"customer{customer_number:06d}@customers.example",
                        name=f"Customer {customer_number}" if customer_number % 2 else "",
                        role=Role.CUSTOMER,
                        created_at=now,
                    )
                )
                if index == 0 and len(dataset.search_emails) < 50:
                    dataset.search_emails.append(f"customer{customer_number:06d}")
                user_id += 1
                customer_number += 1
            billing = {"name": reseller.name, "email": reseller.billing_email}
            order_count = invoice_counts[index]
            per_order, extra = divmod(license_counts[index], order_count)
            number_in_account = 0
            for k in range(order_count):
                choice = rng.choice(choices)
                addons = choice.addons[: 1 + k % 2] if k % 4 == 0 else ()
                quantity = per_order + (1 if k < extra else 0)
                unit = choice.price_cents + sum(cents for _, _, cents in addons)
                subtotal = unit * max(1, quantity)
                discount = subtotal * reseller.discount_bps // 10_000
                placed = span_start + (span_end - span_start) * rng.random()
                orders.append(
                    Order(
                        id=order_id,
                        number=f"ORD-B{order_id:09d}",
                        reseller_id=reseller.id,
                        placed_by_label="bench",
                        payment_method=PaymentMethod.INVOICE,
                        discount_bps=reseller.discount_bps,
                        subtotal_cents=subtotal,
                        discount_cents=discount,
                        total_cents=subtotal - discount,
                        billing=billing,
                        placed_at=placed,
                    )
                )
                lines.append(
                    OrderLine(
                        id=line_id,
                        order_id=order_id,
                        position=1,
                        kind=LineKind.NEW_LICENSE,
                        product_id=choice.product_id,
                        edition_id=choice.edition_id,
                        tier_id=choice.tier_id,
                        addon_codes=[code for _, code, _ in addons],
                        description=choice.description,
                        quantity=max(1, quantity),
                        unit_price_cents=unit,
                        subtotal_cents=subtotal,
                        discount_cents=discount,
                        total_cents=subtotal - discount,
                    )
                )
                invoices.append(
                    Invoice(
                        id=invoice_id,
                        number=f"INV-B{invoice_id:09d}",
                        reseller_id=reseller.id,
                        kind=InvoiceKind.ORDER,
                        status=InvoiceStatus.PENDING_SUMMARY,
                        order_id=order_id,
                        subtotal_cents=subtotal,
                        discount_cents=discount,
                        total_cents=subtotal - discount,
                        billing=billing,
                        notes=PENDING_SUMMARY_NOTE,
                        issued_at=placed,
                    )
                )
                invoice_lines.append(
                    InvoiceLine(
                        invoice_id=invoice_id,
                        position=1,
                        order_line_id=line_id,
                        description=choice.description,
                        quantity=max(1, quantity),
                        unit_price_cents=unit,
                        subtotal_cents=subtotal,
                        discount_cents=discount,
                        total_cents=subtotal - discount,
                    )
                )
                for _ in range(quantity):
                    j = number_in_account
                    number_in_account += 1
                    assigned = j % 2 == 0 and bool(own_customers)
                    key = _key(rng)
                    licenses.append(
                        License(
                            id=license_id,
                            key=key,
                            reseller_id=reseller.id,
                            order_id=order_id,
                            order_line_id=line_id,
                            product_id=choice.product_id,
                            edition_id=choice.edition_id,
                            tier_id=choice.tier_id,
                            personal=not assigned and j % 20 == 19,
                            customer_id=own_customers[(j // 2) % len(own_customers)]
                            if assigned
                            else None,
                            assigned_at=placed + timedelta(hours=1) if assigned else None,
                            maintenance_expires_at=placed + timedelta(days=365),
                            created_at=placed,
                        )
                    )
                    license_addons.extend(
                        LicenseAddon(license_id=license_id, addon_id=addon, added_at=placed)
                        for addon, _, _ in addons
                    )
                    if index == 0:
                        if not assigned and j % 20 != 19:
                            if len(dataset.unassigned_keys) < UNASSIGNED_POOL:
                                dataset.unassigned_keys.append(key)
                        elif len(dataset.search_keys) < 50:
                            dataset.search_keys.append(key[:13])
                    license_id += 1
                order_id += 1
                line_id += 1
                invoice_id += 1
        for number in range(buyers):
            dataset.buyer_emails.append(f"bench-buyer{number}@reseller.example")
            customers.append(
                User(
                    id=user_id,
                    email=dataset.buyer_emails[-1],
                    name=f"Bench Buyer {number}",
                    password_hash=password_hash,
                    role=Role.RESELLER_PURCHASER,
                    reseller_id=resellers[0].id,
                    created_at=now,
                )
            )
            user_id += 1
        await _insert(User, customers)
        await _insert(Order, orders)
        await _insert(OrderLine, lines)
        await _insert(Invoice, invoices)
        await _insert(InvoiceLine, invoice_lines)
        await _insert(License, licenses)
        await _insert(LicenseAddon, license_addons)
    await _after_bulk()
    dataset.seconds = round(time.perf_counter() - started, 2)
    return dataset


async def _after_bulk() -> None:
    """PostgreSQL: move the id sequences past the explicit ids, and ANALYZE (as autovacuum
    would soon do)."""
    connection = connections.get("default")
    if connection.capabilities.dialect != "postgres":
        return
    for model in (User, Order, OrderLine, Invoice, License):
        table = model._meta.db_table
        await connection.execute_query(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
        )
    await connection.execute_script("ANALYZE")


async def build(database_url: str, scale: float, *, buyers: int = 8) -> Dataset:
    """Migrate a fresh database with the product's ``migrate``, then fill it."""
    await migrate(database_url)
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        return await generate(scale, buyers=buyers)
    finally:
        await Tortoise.close_connections()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--buyers", type=int, default=8, help="purchasers, one per client")
    parser.add_argument("--json", type=Path, help="write the whole Dataset here")
    options = parser.parse_args()
    dataset = asyncio.run(build(options.database_url, options.scale, buyers=options.buyers))
    if options.json is not None:
        options.json.write_text(json.dumps(asdict(dataset)), encoding="utf-8")
    summary: dict[str, Any] = asdict(dataset)
    for name in ("unassigned_keys", "search_keys", "search_emails", "buyer_emails"):
        summary[name] = len(summary[name])
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
