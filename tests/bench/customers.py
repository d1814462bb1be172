"""``make bench``: the customers page and the customers CSV export with 50,000 customers.

On a fresh database (SQLite in a temporary folder, or the PostgreSQL database named by
``PARTNER_PORTAL_BENCH_DATABASE_URL``, which it fills), with the demo data, the first demo
reseller gets 10,000 and then 50,000 customers (bulk inserts; every third one has two licenses;
on PostgreSQL followed by ANALYZE, as autovacuum would do).
At each size it prints: the SQL queries and time of the customers page (50 customers with their
figures, products and licenses), and the CSV export streamed through the real app (the ASGI app
driven directly, each chunk counted and dropped as a client would): its time, and the peak of
the memory Python allocated while it ran (tracemalloc, in a second run, since tracing slows it).
Asserts nothing but that the export has one line per customer.
"""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from starlette.types import ASGIApp, Message
from tortoise import Tortoise, connections

from backend import clock
from backend.app import create_app
from backend.catalog.services import load_catalog
from backend.commerce import cart, checkout
from backend.commerce.models import PaymentMethod
from backend.db import migrate, tortoise_config
from backend.demo import seed_demo
from backend.identity.models import User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for, start_session
from backend.licensing.keys import new_key
from backend.licensing.models import License
from backend.payments.gateway import SandboxGateway
from backend.settings import load_settings
from tests.bench.identity import PASSWORD, timed

SIZES = (10_000, 50_000)
BATCH = 1000
PAGE = """{ customers(first: 50) { edges { node { email name licenseCount products { name }
  firstAssignedAt lastAssignedAt licenses(first: 5) { edges { node { key customer { email } }
  } } } } } }"""
SEARCH = (
    '{ customers(search: "customer0004", first: 50) { edges { node { email licenseCount } } } }'
)


class QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().lstrip().split(" ", 1)[0].upper() in {"SELECT", "WITH"}:
            self.count += 1


async def add_customers(owner: User, start: int, stop: int) -> None:
    """Customers ``start`` to ``stop - 1`` of the owner's reseller, with their licenses."""
    placed = await checkout.purchase(
        actor=actor_for(owner),
        lines=[cart.NewLicenseRequest("smarterstats", "professional", "50")],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key=f"bench-customers-{start}",
        gateway=SandboxGateway(),
    )
    template = placed.licenses[0]
    mail = (await load_catalog()).by_code["smartermail"]
    other = {"product_id": mail.id, "edition_id": mail.editions[1].id, "tier_id": mail.tiers[0].id}
    same = {
        "product_id": template.product_id,
        "edition_id": template.edition_id,
        "tier_id": template.tier_id,
    }
    now = clock.now()
    for first in range(start, stop, BATCH):
        numbers = range(first, min(first + BATCH, stop))
        await User.bulk_create(
            [
                User(
                    email=f"customer{n:06}@customers.example",
                    name=f"Customer {n}" if n % 2 else "",
                    role=Role.CUSTOMER,
                )
                for n in numbers
            ]
        )
        ids = dict(
            await User.filter(
                email__in=[f"customer{n:06}@customers.example" for n in numbers]
            ).values_list("email", "id")
        )
        await License.bulk_create(
            [
                License(
                    key=new_key(),
                    reseller_id=owner.reseller_id,
                    order_id=template.order_id,
                    order_line_id=template.order_line_id,
                    **(other if copy else same),
                    customer_id=ids[f"customer{n:06}@customers.example"],
                    assigned_at=now - timedelta(minutes=n + copy),
                    maintenance_expires_at=template.maintenance_expires_at,
                    created_at=now,
                )
                for n in numbers
                for copy in range(2 if n % 3 == 0 else 1)
            ]
        )


async def export(app: ASGIApp, cookie: str) -> tuple[int, int]:
    """GET the export through the app; (lines, bytes) received, each chunk dropped on arrival."""
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/exports/customers.csv",
        "raw_path": b"/exports/customers.csv",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"bench"), (b"cookie", f"pp_session={cookie}".encode())],
        "client": ("127.0.0.1", 50000),
        "server": ("bench", 80),
    }
    received = {"lines": 0, "bytes": 0, "status": 0}
    disconnected = asyncio.Event()

    async def receive() -> Message:
        if not received.get("sent_request"):
            received["sent_request"] = 1
            return {"type": "http.request", "body": b"", "more_body": False}
        await disconnected.wait()
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            received["status"] = message["status"]
        elif message["type"] == "http.response.body":
            chunk = message.get("body", b"")
            received["lines"] += chunk.count(b"\r\n")
            received["bytes"] += len(chunk)
            if not message.get("more_body"):
                disconnected.set()

    await app(scope, receive, send)
    assert received["status"] == 200, received
    return received["lines"], received["bytes"]


async def measure(label: str, call: Callable[[], Awaitable[tuple[int, int]]], n: int) -> None:
    start = time.perf_counter()
    lines, size = await call()
    elapsed = time.perf_counter() - start
    assert lines == n + 1, (lines, n)
    tracemalloc.start()
    tracemalloc.reset_peak()
    base, _ = tracemalloc.get_traced_memory()
    await call()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<44} {elapsed:7.2f} s   {size / 1e6:5.1f} MB of CSV   "
        f"peak Python memory during it {(peak - base) / 1e6:6.2f} MB"
    )


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("PARTNER_PORTAL_BENCH_DATABASE_URL") or (
            f"sqlite://{Path(folder) / 'bench.sqlite3'}"
        )
        settings = load_settings(
            {
                "PARTNER_PORTAL_DATA_DIR": folder,
                "PARTNER_PORTAL_DATABASE_URL": url,
                "PARTNER_PORTAL_ENV": "development",
            }
        )
        await migrate(url)
        await Tortoise.init(config=tortoise_config(url))
        try:
            await seed_demo(password=PASSWORD)
            owner = await User.get(email="owner@reseller.example")
            session = await start_session(owner, ip_address="127.0.0.1", user_agent="bench")
            app = create_app(settings, manage_database=False)
            print(f"database: {settings.database_engine}")
            done = 0
            for size in SIZES:
                started = time.perf_counter()
                await add_customers(owner, done, size)
                done = size
                if settings.database_engine == "postgres":
                    # what autovacuum does after a bulk load (the test server may run without it)
                    await connections.get("default").execute_script("ANALYZE")
                print(f"{size:,} customers inserted in {time.perf_counter() - started:.1f} s")
                async with httpx.AsyncClient(
                    transport=httpx.ASGITransport(app=app),
                    base_url="http://bench",
                    headers={"Origin": "http://bench"},
                    cookies={"pp_session": session.token},
                ) as client:

                    async def page(query: str = PAGE) -> httpx.Response:
                        return await client.post("/graphql", json={"query": query})

                    counter = QueryCounter()
                    db_log = logging.getLogger("tortoise.db_client")
                    db_log.setLevel(logging.DEBUG)
                    db_log.addHandler(counter)
                    await page()
                    db_log.removeHandler(counter)
                    db_log.setLevel(logging.WARNING)
                    print(f"customers page (50 with figures, licenses): {counter.count} queries")
                    await timed(f"customers(first: 50), {size:,} customers", 20, page)
                    await timed(f"customers(search:), {size:,} customers", 20, lambda: page(SEARCH))
                await measure(
                    f"/exports/customers.csv, {size:,} customers",
                    lambda: export(app, session.token),
                    size + 1,  # the demo customer too
                )
        finally:
            await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(main())
