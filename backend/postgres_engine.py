"""The PostgreSQL engine: Tortoise's asyncpg client, made to ride out a database restart.

A server process keeps its connection pool for its whole life, while PostgreSQL may restart
under it (an upgrade, a failover, a crash). Three things make the process recover by itself:

- Waiting for the database: a new connection that fails because PostgreSQL is away (refused,
  "starting up", "shutting down", too many connections) is tried again until the database has
  been away for ``CONNECT_WAIT``; nothing was sent on it, so trying again is always safe. A
  restart of a few seconds then costs requests some latency instead of failing them; a longer
  outage fails them at once with ``DatabaseUnavailable`` (the web layer answers 503).
- Transactions that lose their connection: Tortoise leaves the request's task bound to a dead
  transaction when ``BEGIN`` fails, or when the connection cannot be given back to the pool,
  and the request's next statements (such as releasing an idempotency claim) then run on that
  connection, which the pool may already have handed to another task. Here the task is unbound
  before the connection goes back, whatever fails.
- A connection that cannot be reset after its work is done is dropped (asyncpg terminates it)
  without failing the work: a committed transaction stays a success for the caller.
- A pooled connection whose server has just ended it (its goodbye read, the close not yet) is
  refused by asyncpg before anything is sent on it; the statement, or the transaction's
  ``BEGIN``, then runs on another connection.

Statements that were running when the connection died still fail: whether they took effect is
unknown, so retrying them is for the caller (idempotency keys) and never automatic.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import asyncpg  # type: ignore[import-untyped]
from asyncpg import exceptions as pg
from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
from tortoise.backends.base.client import (
    PoolConnectionWrapper,
    TransactionContext,
    TransactionContextPooled,
)
from tortoise.connection import get_connections
from tortoise.exceptions import DBConnectionError, TransactionManagementError

logger = logging.getLogger(__name__)
"""Its lines are INFO: the requests that fail meanwhile are logged by the web layer, and a
command (``partner-portal migrate``) keeps its one line on stderr."""
T = TypeVar("T")

CONNECT_WAIT = 5.0
"""Seconds a new connection waits for PostgreSQL to come back, counted from when it went away."""
CONNECT_RETRY = 0.2
"""The pause between two connection attempts while it is away."""

AWAY = (
    OSError,  # refused, reset, unreachable, timed out
    pg.CannotConnectNowError,  # starting up, shutting down, in recovery
    pg.AdminShutdownError,
    pg.CrashShutdownError,
    pg.PostgresConnectionError,  # the connection failed or was lost (class 08)
    pg.TooManyConnectionsError,
)
"""Failures that say the database is away or overloaded, not that a request is wrong."""


STALE_ATTEMPTS = 3
"""Connections a statement or a ``BEGIN`` is tried on when asyncpg refuses the first ones."""


class DatabaseUnavailable(DBConnectionError):
    """PostgreSQL has not accepted a connection for ``CONNECT_WAIT`` seconds."""


def is_database_unavailable(error: BaseException) -> bool:
    """Whether ``error``, or an error it was raised from or while handling, says the database
    is away: what a request failed of, rather than a bug."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if never_sent(current):
            return True
        if isinstance(current, DatabaseUnavailable | asyncpg.PostgresError):
            return isinstance(current, (DatabaseUnavailable, *AWAY))
        current = current.__cause__ or current.__context__
    return False


def never_sent(error: BaseException) -> bool:
    """Whether asyncpg refused to start the operation, before sending anything: a connection
    that PostgreSQL has ended (a shutdown's error came in while it was idle in the pool) keeps
    refusing every operation until its close is read."""
    return isinstance(error, pg.InternalClientError) and str(error).startswith(
        "cannot switch to state"
    )


class _Outage:
    """When the database went away, as every connection attempt of one client sees it."""

    def __init__(self) -> None:
        self.since: float | None = None

    async def connect(self, *args: Any, **kwargs: Any) -> asyncpg.Connection:
        """``asyncpg.connect``, tried again while the database is away (see the module)."""
        loop = asyncio.get_running_loop()
        while True:
            try:
                connection: asyncpg.Connection = await asyncpg.connect(*args, **kwargs)
            except AWAY as exc:
                now = loop.time()
                if self.since is None:
                    self.since = now
                    logger.info("PostgreSQL does not accept connections: %r", exc)
                if now - self.since >= CONNECT_WAIT:
                    raise DatabaseUnavailable(
                        f"PostgreSQL has not accepted connections for {now - self.since:.0f} s: "
                        f"{exc}"
                    ) from exc
                await asyncio.sleep(CONNECT_RETRY)
                continue
            if self.since is not None:
                logger.info(
                    "PostgreSQL accepts connections again after %.1f s", loop.time() - self.since
                )
                self.since = None
            return connection


async def _give_back(pool: Any, connection: Any) -> None:
    """Return ``connection`` to ``pool``; one that cannot be reset is dropped, silently for the
    caller (asyncpg terminates it and the pool makes a new one when needed)."""
    try:
        await pool.release(connection)
    except Exception as exc:
        logger.info("a database connection could not be reset and was dropped: %r", exc)


class _Transaction(TransactionContextPooled):
    async def __aenter__(self) -> Any:
        await self.ensure_connection()
        pool = self.client._parent._pool
        for attempt in range(1, STALE_ATTEMPTS + 1):
            self.client._connection = await pool.acquire()
            try:
                await self.client.begin()
                break
            except BaseException as exc:
                await _give_back(pool, self.client._connection)
                if not never_sent(exc) or attempt == STALE_ATTEMPTS:
                    raise
        self.token = get_connections().set(self.connection_name, self.client)
        return self.client

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        try:
            if not self.client._finalized:
                if exc_type:
                    if exc_type is not TransactionManagementError:
                        await self.client.rollback()
                else:
                    await self.client.commit()
        finally:
            get_connections().reset(self.token)  # first: nothing else runs on the connection
            pool = self.client._parent._pool
            if pool:
                await _give_back(pool, self.client._connection)


class _PooledConnection(PoolConnectionWrapper[Any]):
    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        await _give_back(self.client._pool, self.connection)


class ResilientAsyncpgClient(AsyncpgDBClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._outage = _Outage()

    async def create_pool(self, **kwargs: Any) -> asyncpg.Pool:
        return await asyncpg.create_pool(None, connect=self._outage.connect, **kwargs)

    def acquire_connection(self) -> Any:
        return _PooledConnection(self, self._pool_init_lock)

    def _in_transaction(self) -> TransactionContext:
        return _Transaction(TransactionWrapper(self), self._pool_init_lock)

    async def _on_a_live_connection(self, run: Callable[..., Awaitable[T]], *args: Any) -> T:
        for attempt in range(1, STALE_ATTEMPTS + 1):
            try:
                return await run(*args)
            except pg.InternalClientError as exc:
                if not never_sent(exc) or attempt == STALE_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def execute_insert(self, query: str, values: list[Any]) -> Any:
        return await self._on_a_live_connection(super().execute_insert, query, values)

    async def execute_many(self, query: str, values: list[Any]) -> None:
        await self._on_a_live_connection(super().execute_many, query, values)

    async def execute_query(
        self, query: str, values: list[Any] | None = None
    ) -> tuple[int, list[dict[str, Any]]]:
        return await self._on_a_live_connection(super().execute_query, query, values)

    async def execute_query_dict(
        self, query: str, values: list[Any] | None = None
    ) -> list[dict[str, Any]]:
        return await self._on_a_live_connection(super().execute_query_dict, query, values)

    async def execute_script(self, query: str) -> None:
        await self._on_a_live_connection(super().execute_script, query)


client_class = ResilientAsyncpgClient
