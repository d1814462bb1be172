"""``make bench``: how fast buying and the commerce lists answer, in process (no network).

On a fresh database (SQLite in a temporary folder, or the PostgreSQL database named by
``PARTNER_PORTAL_BENCH_DATABASE_URL``, which it fills), with the demo data and 1,000 more licenses
bought by the demo owner: the licenses page (50 rows with product, edition, tier, add-ons and
order), the invoices and orders pages, the cart, adding to it, a checkout of the cart on invoice
and a ``purchase`` on invoice. Prints one line per figure; asserts nothing.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from tortoise import Tortoise

from backend.app import create_app
from backend.commerce import cart, checkout
from backend.commerce.models import PaymentMethod
from backend.db import migrate, tortoise_config
from backend.demo import seed_demo
from backend.identity.models import User
from backend.identity.sessions import actor_for
from backend.payments.gateway import SandboxGateway
from backend.settings import load_settings
from tests.bench.identity import LOGIN, PASSWORD, timed

LICENSES = """{ licenses(first: 50) { edges { node { key status product { name } edition { name }
  tier { name } addons { name } maintenanceExpiresAt maintenanceStatus order { number } } } } }"""
INVOICES = """{ invoices(first: 50) { edges { node { number status total { amount }
  amountDue { amount } notes order { number } } } } }"""
ORDERS = """{ orders(first: 50) { edges { node { number total { amount } placedBy
  lines { description quantity total { amount } } invoice { number status } } } } }"""
CART = "{ cart { lines { description quantity total { amount } } total { amount } } }"
ADD = """mutation { addNewLicenseToCart(input: {productCode: "smartermail", editionCode:
  "enterprise", tier: "250", addonCodes: ["activesync"], quantity: 2}) { userErrors { code } } }"""
CHECKOUT = """mutation ($key: String!) { checkout(input: {paymentMethod: INVOICE,
  idempotencyKey: $key}) { order { number } userErrors { code message } } }"""
PURCHASE = """mutation ($key: String!) { purchase(input: {paymentMethod: INVOICE,
  idempotencyKey: $key, lines: [{productCode: "smartertrack", editionCode: "professional",
  tier: "5", quantity: 3}]}) { order { number } licenses { key } userErrors { code } } }"""

Call = Callable[[], Awaitable[httpx.Response]]


async def grow(owner: User, licenses: int) -> None:
    gateway = SandboxGateway()
    for n in range(licenses // 50):
        await checkout.purchase(
            actor=actor_for(owner),
            lines=[cart.NewLicenseRequest("smartermail", "enterprise", "250", ("activesync",), 50)],
            payment=checkout.Payment(PaymentMethod.INVOICE),
            idempotency_key=f"bench-{n}",
            gateway=gateway,
        )


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("PARTNER_PORTAL_BENCH_DATABASE_URL") or (
            f"sqlite://{Path(folder) / 'bench.sqlite3'}"
        )
        settings = load_settings(
            {"PARTNER_PORTAL_DATA_DIR": folder, "PARTNER_PORTAL_DATABASE_URL": url}
        )
        await migrate(url)
        await Tortoise.init(config=tortoise_config(url))
        try:
            await seed_demo(password=PASSWORD)
            await grow(await User.get(email="owner@reseller.example"), 1000)
            app = create_app(settings, manage_database=False)
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://bench", headers={"Origin": "http://bench"}
            ) as client:
                print(f"database: {settings.database_engine}")
                await client.post("/graphql", json={"query": LOGIN})
                keys = itertools.count()

                def post(query: str, *, keyed: bool = False) -> Call:
                    async def call() -> httpx.Response:
                        variables = {"key": f"k{next(keys)}"} if keyed else {}
                        return await client.post(
                            "/graphql", json={"query": query, "variables": variables}
                        )

                    return call

                await timed("licenses(first: 50), 1,000+ licenses", 100, post(LICENSES))
                await timed("invoices(first: 50)", 100, post(INVOICES))
                await timed("orders(first: 50) with lines, invoice", 100, post(ORDERS))
                await timed("addNewLicenseToCart", 50, post(ADD))
                await timed("cart (50 lines)", 100, post(CART))
                await timed(
                    "checkout on invoice (50 lines, 100 licenses)", 1, post(CHECKOUT, keyed=True)
                )
                await timed("purchase on invoice (3 licenses)", 50, post(PURCHASE, keyed=True))
        finally:
            await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(main())
