"""The PostgreSQL engine rides out a database restart (``backend.postgres_engine``).

The restart itself, with a real PostgreSQL cluster stopped and crashed under load, is
``tests/faults/test_postgres_restart.py`` (``make soak``); here each mechanism on its own.
"""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest
from tortoise import connections
from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
from tortoise.transactions import in_transaction

from backend import postgres_engine
from backend.accounts.models import Reseller
from backend.postgres_engine import DatabaseUnavailable, is_database_unavailable
from tests.conftest import ENGINE

on_postgres = pytest.mark.skipif(ENGINE != "postgres", reason="the PostgreSQL engine's own")


class Connects:
    """Stands in for ``asyncpg.connect``: fails with each of ``failures``, then connects."""

    def __init__(self, *failures: Exception) -> None:
        self.failures = list(failures)
        self.attempts = 0

    async def __call__(self, *args: object, **kwargs: object) -> str:
        self.attempts += 1
        if self.failures:
            raise self.failures.pop(0)
        return "a connection"


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres_engine, "CONNECT_RETRY", 0.01)


async def test_a_connection_waits_for_the_database_to_come_back(
    monkeypatch: pytest.MonkeyPatch, quick_retries: None
) -> None:
    connects = Connects(
        ConnectionRefusedError(111, "Connection refused"),
        asyncpg.CannotConnectNowError("the database system is starting up"),
    )
    monkeypatch.setattr(postgres_engine.asyncpg, "connect", connects)

    assert await postgres_engine._Outage().connect() == "a connection"
    assert connects.attempts == 3


async def test_a_database_away_too_long_fails_the_connection_at_once(
    monkeypatch: pytest.MonkeyPatch, quick_retries: None
) -> None:
    monkeypatch.setattr(postgres_engine, "CONNECT_WAIT", 0.05)
    outage = postgres_engine._Outage()
    monkeypatch.setattr(
        postgres_engine.asyncpg, "connect", Connects(*[ConnectionRefusedError()] * 1000)
    )
    with pytest.raises(DatabaseUnavailable) as failed:
        await outage.connect()
    assert isinstance(failed.value.__cause__, ConnectionRefusedError)

    # later connections of the same outage fail at their first attempt
    again = Connects(ConnectionRefusedError())
    monkeypatch.setattr(postgres_engine.asyncpg, "connect", again)
    with pytest.raises(DatabaseUnavailable):
        await outage.connect()
    assert again.attempts == 1


async def test_a_refused_login_is_not_waited_for(
    monkeypatch: pytest.MonkeyPatch, quick_retries: None
) -> None:
    connects = Connects(asyncpg.InvalidPasswordError("password authentication failed"))
    monkeypatch.setattr(postgres_engine.asyncpg, "connect", connects)
    with pytest.raises(asyncpg.InvalidPasswordError):
        await postgres_engine._Outage().connect()
    assert connects.attempts == 1


def _raised_while_handling(error: Exception, cause: Exception) -> Exception:
    try:
        try:
            raise cause
        except Exception:
            raise error  # noqa: B904 - the implicit context is the point
    except Exception as raised:
        return raised


@pytest.mark.parametrize(
    ("error", "unavailable"),
    [
        (DatabaseUnavailable("away"), True),
        (asyncpg.ConnectionDoesNotExistError("connection was closed"), True),
        (asyncpg.AdminShutdownError("terminating connection"), True),
        (asyncpg.CannotConnectNowError("the database system is starting up"), True),
        (asyncpg.TooManyConnectionsError("too many clients"), True),
        (
            _raised_while_handling(
                asyncpg.InterfaceError("cannot call Transaction.rollback(): closed"),
                asyncpg.ConnectionDoesNotExistError("connection was closed"),
            ),
            True,
        ),
        (asyncpg.InternalClientError("cannot switch to state 11; another operation (2)"), True),
        (asyncpg.UniqueViolationError("duplicate key"), False),
        (asyncpg.InternalClientError("unknown error in protocol implementation"), False),
        (asyncpg.QueryCanceledError("canceling statement due to statement timeout"), False),
        (OSError("No space left on device"), False),
        (ValueError("a bug"), False),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_what_says_the_database_is_away(error: Exception, unavailable: bool) -> None:
    assert is_database_unavailable(error) is unavailable


@on_postgres
async def test_a_transaction_whose_begin_fails_leaves_nothing_behind(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client: Any = connections.get("default")
    await Reseller.all().count()  # the pool is made on first use
    idle = client._pool.get_idle_size()
    original = TransactionWrapper.begin

    async def lost(self: TransactionWrapper) -> None:
        raise asyncpg.ConnectionDoesNotExistError("connection was closed in the middle")

    monkeypatch.setattr(TransactionWrapper, "begin", lost)
    with pytest.raises(asyncpg.ConnectionDoesNotExistError):
        async with in_transaction():
            pass
    monkeypatch.setattr(TransactionWrapper, "begin", original)

    # the task is not bound to the dead transaction, and its connection is back in the pool
    assert connections.get("default") is client
    assert client._pool.get_idle_size() == idle
    assert await Reseller.all().count() >= 0


@on_postgres
async def test_a_committed_transaction_stays_a_success_when_its_connection_breaks_after(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client: Any = connections.get("default")
    await Reseller.all().count()
    pool_class = type(client._pool)
    release = pool_class.release

    async def broken(pool: Any, connection: Any, **kwargs: Any) -> None:
        await release(pool, connection, **kwargs)
        raise asyncpg.ConnectionDoesNotExistError("the reset failed")

    monkeypatch.setattr(pool_class, "release", broken)
    async with in_transaction():
        await Reseller.create(name="Committed Ltd")
    monkeypatch.setattr(pool_class, "release", release)

    assert connections.get("default") is client
    assert await Reseller.filter(name="Committed Ltd").count() == 1


ENDED = "cannot switch to state 11; another operation (2) is in progress"
"""What asyncpg says, before sending anything, on a connection that PostgreSQL has just ended."""


@on_postgres
async def test_a_statement_refused_by_an_ended_connection_runs_on_another(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = AsyncpgDBClient.execute_query
    calls = 0

    async def first_on_an_ended_connection(self: Any, query: str, values: Any = None) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise asyncpg.InternalClientError(ENDED)
        return await original(self, query, values)

    monkeypatch.setattr(AsyncpgDBClient, "execute_query", first_on_an_ended_connection)
    assert await Reseller.filter(name="Nobody").count() == 0
    assert calls == 2


@on_postgres
async def test_a_transaction_refused_by_an_ended_connection_begins_on_another(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = TransactionWrapper.begin
    begun: list[object] = []

    async def first_on_an_ended_connection(self: TransactionWrapper) -> None:
        begun.append(self._connection)
        if len(begun) == 1:
            raise asyncpg.InternalClientError(ENDED)
        await original(self)

    monkeypatch.setattr(TransactionWrapper, "begin", first_on_an_ended_connection)
    async with in_transaction():
        await Reseller.create(name="Second Try Ltd")

    assert len(begun) == 2
    assert await Reseller.filter(name="Second Try Ltd").count() == 1
