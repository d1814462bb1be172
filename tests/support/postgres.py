"""Databases of their own for tests on the shared PostgreSQL server: made (empty, or as a copy
of a template), handed to the test, and dropped after it, even when it fails."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit, urlunsplit

import asyncpg


def with_database(url: str, name: str) -> str:
    """``url`` with its database replaced by ``name``."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def asyncpg_url(url: str) -> str:
    """The product's ``postgres://`` URL as asyncpg takes it."""
    return url.replace("postgres://", "postgresql://", 1)


@asynccontextmanager
async def database(
    admin: asyncpg.Connection, server_url: str, name: str, *, template: str | None = None
) -> AsyncIterator[str]:
    """The URL of a new database ``name`` on ``server_url`` (a copy of ``template`` if given,
    else empty; one left by a crashed run is dropped first), dropped when the block ends.
    ``admin`` is a connection to another database of that server."""
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    copy = f' TEMPLATE "{template}"' if template else ""
    await admin.execute(f'CREATE DATABASE "{name}"{copy}')
    try:
        yield with_database(server_url, name)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
