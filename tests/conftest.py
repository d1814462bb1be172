"""Test fixtures: a fresh, migrated database per test on SQLite or PostgreSQL.

The engine is chosen per pytest run with ``PARTNER_PORTAL_TEST_DATABASE`` (``sqlite``, the
default, or ``postgres``); ``make test`` runs the whole suite once on each. Tortoise caches
dialect-specific SQL per process, hence one engine per run.

The real migrations build one template database per run; each test gets a copy of it (a file copy
on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL), so tests are isolated and still fast.
"""

from __future__ import annotations

import itertools
import logging
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg
import httpx
import pytest
from starlette.applications import Starlette
from tortoise import Tortoise

from backend.app import create_app
from backend.db import migrate, tortoise_config
from backend.settings import Settings, load_settings
from tests.support.postgres import asyncpg_url, database

ENGINE = os.environ.get("PARTNER_PORTAL_TEST_DATABASE", "sqlite")
POSTGRES_URL = os.environ.get(
    "PARTNER_PORTAL_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("PARTNER_PORTAL_REQUIRE_POSTGRES") == "1" or bool(
    os.environ.get("CI")
)
if ENGINE not in ("sqlite", "postgres"):
    raise pytest.UsageError("PARTNER_PORTAL_TEST_DATABASE must be 'sqlite' or 'postgres'")

_counter = itertools.count()


def pytest_report_header() -> str:
    target = POSTGRES_URL if ENGINE == "postgres" else "SQLite files"
    return f"database engine: {ENGINE} ({target})"


async def _admin() -> asyncpg.Connection:
    return await asyncpg.connect(asyncpg_url(POSTGRES_URL))


@pytest.fixture(scope="session")
async def template_database(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A database migrated once per run with the product's migrations."""
    if ENGINE == "sqlite":
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        url = f"sqlite://{path}"
        await migrate(url)
        await Tortoise.close_connections()
        yield url
        return
    try:
        admin = await _admin()
    except (OSError, asyncpg.PostgresError) as exc:
        message = f"PostgreSQL is not reachable at {POSTGRES_URL}: {exc}"
        if REQUIRE_POSTGRES:
            pytest.fail(message)
        pytest.skip(message)
    try:
        async with database(admin, POSTGRES_URL, f"pp_template_{os.getpid()}") as url:
            await migrate(url)
            await Tortoise.close_connections()
            yield url
    finally:
        await admin.close()


@pytest.fixture
async def database_url(template_database: str, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of a fresh copy of the migrated template, dropped after the test."""
    if ENGINE == "sqlite":
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(template_database.removeprefix("sqlite://"), path)
        yield f"sqlite://{path}"
        return
    name = f"pp_test_{os.getpid()}_{next(_counter)}"
    template = urlsplit(template_database).path.lstrip("/")
    admin = await _admin()
    try:
        async with database(admin, POSTGRES_URL, name, template=template) as url:
            yield url
    finally:
        await admin.close()


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[str]:
    """The ORM connected to a fresh database for this test."""
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        yield database_url
    finally:
        await Tortoise.close_connections()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return load_settings(
        {
            "PARTNER_PORTAL_DATA_DIR": str(tmp_path / "data"),
            "PARTNER_PORTAL_DATABASE_URL": database_url,
            "PARTNER_PORTAL_ENV": "development",
        }
    )


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """A stand-in for the built SPA."""
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text("<!doctype html><title>Partner Portal</title><div id=root>")
    (root / "assets" / "index-abc123.js").write_text("console.log('app')")
    (root / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    return root


@pytest.fixture
def app(settings: Settings, dist: Path, db: str) -> Starlette:
    return create_app(settings, dist=dist, manage_database=False)


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://testserver",
        headers={"Origin": "http://testserver"},  # as a browser on the app's own page sends
    ) as client:
        yield client


class QueryLog(logging.Handler):
    """Collects the SQL statements Tortoise sends while it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        sql = record.getMessage().lstrip()
        if sql.split(" ", 1)[0].upper() in {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"}:
            self.statements.append(sql)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries() -> object:
    """``with count_queries() as log: ...`` then ``log.count`` is the number of SQL statements."""
    logger = logging.getLogger("tortoise.db_client")

    @contextmanager
    def counting() -> Iterator[QueryLog]:
        log = QueryLog()
        previous = logger.level
        logger.setLevel(logging.DEBUG)
        logger.addHandler(log)
        try:
            yield log
        finally:
            logger.removeHandler(log)
            logger.setLevel(previous)

    return counting


async def graphql(
    client: httpx.AsyncClient, query: str, variables: dict[str, object] | None = None
) -> dict[str, object]:
    """POST a GraphQL operation; returns the decoded body after checking the HTTP status.

    The cost report every charged response carries (``extensions.cost``) is checked here and
    left out of the body, which the tests compare whole; ``tests/api/test_cost.py`` reads it."""
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return without_cost(body)


def without_cost(body: dict[str, object]) -> dict[str, object]:
    """``body`` without its ``extensions.cost``, after checking the report's shape."""
    extensions = body.pop("extensions", None)
    if extensions is not None:
        assert isinstance(extensions, dict) and set(extensions) == {"cost"}, extensions
        cost = extensions["cost"]
        assert set(cost) == {"points", "possibleNodes", "limit", "remaining", "resetAt"}, cost
        assert cost["points"] >= 1 and 0 <= cost["remaining"] <= cost["limit"], cost
    return body


@pytest.fixture
async def signed_in(client: httpx.AsyncClient, db: str) -> httpx.AsyncClient:
    """``client`` with the session of a purchaser of a fresh reseller."""
    from backend.identity.roles import Role
    from tests.identity.factories import make_reseller, make_user, sign_in

    reseller = await make_reseller()
    await sign_in(client, await make_user(Role.RESELLER_PURCHASER, reseller))
    return client
