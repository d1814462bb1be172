"""``partner-portal seed-demo``: the sample catalog and the demo data, idempotently."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.seed import seed_demo_accounts
from backend.billing.closing import close_period
from backend.billing.periods import Period
from backend.catalog.seed import seed_catalog
from backend.commerce.seed import seed_demo_orders
from backend.identity.actor import Actor
from backend.identity.roles import Role

DEMO_PUBLIC_URL = "http://127.0.0.1:8000"


async def seed_demo(*, password: str, public_url: str = DEMO_PUBLIC_URL) -> None:
    """``public_url``: where the links of the demo's emails point."""
    async with in_transaction():
        await seed_catalog()
        await seed_demo_accounts(password=password)
    # checkout owns its transactions (its idempotency claim commits on its own)
    await seed_demo_orders(public_url=public_url)
    # last month's demo orders on invoice become each demo reseller's unpaid summary invoice
    await close_period(
        Period.containing(clock.now()).previous(),
        actor=Actor(role=Role.VENDOR_ADMIN, label="seed-demo"),
        public_url=public_url,
    )
