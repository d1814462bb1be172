"""``make bench``: closing a month of 50,000 invoices over 300 resellers.

On a fresh database (SQLite in a temporary folder, or the PostgreSQL database named by
``PARTNER_PORTAL_BENCH_DATABASE_URL``, which it fills): 300 resellers, each with a billing address
that wants the summary email, and ``--invoices`` invoices waiting for the summary spread over
September 2026. Prints the close's time and SQL statements, and a second close (nothing new).
Sizes are flags: ``python -m tests.bench.billing --resellers 300 --invoices 50000``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import tempfile
import time
from pathlib import Path

from tortoise import Tortoise

from backend.accounts.models import Reseller
from backend.billing.closing import close_period
from backend.billing.periods import Period
from backend.db import migrate, tortoise_config
from backend.identity.actor import Actor
from backend.identity.roles import Role
from tests.billing.invoicing import make_pending_invoices

SEPTEMBER = Period(2026, 9)
ADMIN = Actor(role=Role.VENDOR_ADMIN, label="bench")


class Statements(logging.Handler):
    """Counts the SQL statements Tortoise logs."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def timed_close(label: str) -> None:
    logger = logging.getLogger("tortoise.db_client")
    statements = Statements()
    logger.setLevel(logging.DEBUG)
    logger.addHandler(statements)
    start = time.perf_counter()
    try:
        closed = await close_period(
            SEPTEMBER, actor=ADMIN, public_url="http://bench", as_of=SEPTEMBER.end
        )
    finally:
        logger.removeHandler(statements)
        logger.setLevel(logging.WARNING)
    seconds = time.perf_counter() - start
    print(
        f"{label:<44} {seconds:7.2f} s   {statements.count:6d} SQL statements   "
        f"{closed.summaries_created} summaries of {closed.invoices_summarized} invoices"
    )


async def main(resellers: int, invoices: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("PARTNER_PORTAL_BENCH_DATABASE_URL") or (
            f"sqlite://{Path(folder) / 'bench.sqlite3'}"
        )
        await migrate(url)
        await Tortoise.init(config=tortoise_config(url))
        try:
            print(f"database: {url.split(':', 1)[0]}")
            accounts = [
                await Reseller.create(
                    name=f"Bench reseller {n}",
                    discount_bps=(0, 2000, 3000)[n % 3],
                    billing_email=f"billing{n}@bench.example",
                )
                for n in range(resellers)
            ]
            each, more = divmod(invoices, resellers)
            await make_pending_invoices(accounts, each, start=SEPTEMBER.start)
            await make_pending_invoices(accounts[:more], 1, start=SEPTEMBER.start, seed=2)
            size = f"{invoices:,} invoices, {resellers} resellers"
            await timed_close(f"close-month ({size})")
            await timed_close("close-month again (nothing new)")
        finally:
            await Tortoise.close_connections()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resellers", type=int, default=300)
    parser.add_argument("--invoices", type=int, default=50_000)
    options = parser.parse_args()
    asyncio.run(main(options.resellers, options.invoices))
