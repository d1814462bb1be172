"""An order's lock on its account does not deadlock with a transaction holding one of the
account's licenses.

``write_order`` serialises an account's orders with a lock on the reseller's row, taken first;
an upgrade or renewal then updates its license. ``FOR UPDATE`` on the reseller also blocked every
transaction inserting a row that refers to the reseller (a foreign key check takes ``FOR KEY
SHARE`` on it), such as an assignment, which updates its license and then queues its email and
audit entry for the account. An assignment and an upgrade of the same license deadlocked
(the soak found it: ``DeadlockDetectedError`` in ``purchase``, answered as an internal error).
The lock is ``FOR NO KEY UPDATE`` now, which orders still take one at a time and foreign key
checks pass. PostgreSQL only: SQLite serialises writers whole.
"""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from backend.commerce.checkout import Payment, purchase
from backend.commerce.lines import LicenseUpgradeRequest, NewLicenseRequest
from backend.commerce.models import PaymentMethod
from backend.licensing.models import License
from tests.commerce.conftest import Shop
from tests.conftest import ENGINE

pytestmark = pytest.mark.skipif(
    ENGINE != "postgres", reason="row lock strengths are PostgreSQL's (SQLite locks the file)"
)

WAITING = """
SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE NOT l.granted AND a.datname = current_database() AND a.pid <> pg_backend_pid()
"""


async def wait_for_a_waiter(connection: asyncpg.Connection) -> None:
    """Until another session of this database waits for a lock (at most 30 s)."""
    for _ in range(3000):
        if await connection.fetchval(WAITING):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the order never waited for the license")


async def test_an_upgrade_waiting_for_its_license_lets_the_holder_write_for_the_account(
    shop: Shop, db: str
) -> None:
    # given a license, and a transaction holding its row as an assignment does
    bought = await purchase(
        actor=shop.actor,
        lines=[NewLicenseRequest("smartermail", "professional", "250")],
        payment=Payment(PaymentMethod.INVOICE),
        idempotency_key="the-license",
        gateway=shop.gateway,
    )
    [license] = bought.licenses
    holder = await asyncpg.connect(db.replace("postgres://", "postgresql://", 1))
    watcher = await asyncpg.connect(db.replace("postgres://", "postgresql://", 1))
    try:
        transaction = holder.transaction()
        await transaction.start()
        await holder.execute(
            "UPDATE licensing_license SET revision = revision WHERE id = $1", license.id
        )

        # when an upgrade of it is bought (its order locks the account, then waits for the
        # license) and the holder then writes a row of the account before it commits
        upgrade = asyncio.create_task(
            purchase(
                actor=shop.actor,
                lines=[],
                license_upgrades=[LicenseUpgradeRequest(license.key, edition_code="enterprise")],
                payment=Payment(PaymentMethod.INVOICE),
                idempotency_key="the-upgrade",
                gateway=shop.gateway,
            )
        )
        await wait_for_a_waiter(watcher)
        await holder.execute(
            "INSERT INTO commerce_idempotency_record (reseller_id, key, request_hash, created_at) "
            "VALUES ($1, 'the-holder', '', now())",
            shop.reseller.id,
        )
        await transaction.commit()
        placed = await asyncio.wait_for(upgrade, 30)
    finally:
        await holder.close()
        await watcher.close()

    # then both went through: no deadlock
    assert not placed.replayed
    upgraded = await License.get(id=license.id).prefetch_related("edition")
    assert (upgraded.edition.code, upgraded.revision) == ("enterprise", 2)
