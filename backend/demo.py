"""``partner-portal seed-demo``: the sample catalog and the demo data, idempotently."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.accounts.seed import seed_demo_accounts
from backend.catalog.seed import seed_catalog
from backend.commerce.seed import seed_demo_orders


async def seed_demo(*, password: str) -> None:
    async with in_transaction():
        await seed_catalog()
        await seed_demo_accounts(password=password)
    # checkout owns its transactions (its idempotency claim commits on its own)
    await seed_demo_orders()
