"""The SQLite engine: Tortoise's, with write transactions that wait their turn across processes.

Tortoise opens SQLite transactions with a deferred ``BEGIN``: a transaction that reads and then
writes must upgrade its lock midway, and when two processes do that at once one of them fails at
once with "database is locked" (SQLite cannot wait out a deadlock). ``BEGIN IMMEDIATE`` takes the
write lock up front, so a second process waits (up to ``busy_timeout``) and then goes on.
Several server processes on one SQLite file therefore serialise their writes instead of failing.
"""

from __future__ import annotations

import sqlite3

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
)
from tortoise.exceptions import TransactionManagementError


class ImmediateTransaction(SqliteTransactionWrapper):
    async def begin(self) -> None:
        try:
            await self._connection.commit()
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransactionManagementError(exc) from exc


class ImmediateSqliteClient(SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(ImmediateTransaction(self), self._lock)


client_class = ImmediateSqliteClient
