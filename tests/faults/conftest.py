"""Fault tests: crashes, an SMTP outage, a PostgreSQL restart, each against real server processes.

They take minutes, so the ordinary test runs skip them; ``make soak`` runs them with
``PARTNER_PORTAL_FAULTS=1``, where anything they need and cannot find (PostgreSQL, its binaries)
fails them instead.

Each test gets a database of its own, a copy of a template that the product's own commands
(``partner-portal migrate`` and ``seed-demo``) made once per run on the shared PostgreSQL server.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from tests.faults.support import SHARED_POSTGRES_URL, prepare_database
from tests.support.postgres import asyncpg_url, database

ENABLED = os.environ.get("PARTNER_PORTAL_FAULTS") == "1"
HERE = Path(__file__).resolve().parent
_numbers = itertools.count()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if ENABLED:
        return
    skip = pytest.mark.skip(reason="fault tests run with PARTNER_PORTAL_FAULTS=1 (make soak)")
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(skip)


async def _admin() -> asyncpg.Connection:
    try:
        return await asyncpg.connect(asyncpg_url(SHARED_POSTGRES_URL))
    except (OSError, asyncpg.PostgresError) as exc:
        pytest.fail(f"the fault tests need PostgreSQL at {SHARED_POSTGRES_URL}: {exc}")


@pytest.fixture(scope="session")
async def postgres_template(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A database migrated and seeded with the demo data, once per run."""
    admin = await _admin()
    try:
        async with database(admin, SHARED_POSTGRES_URL, f"pp_faults_template_{os.getpid()}") as url:
            prepare_database(url, tmp_path_factory.mktemp("template-data"))
            yield url
    finally:
        await admin.close()


@pytest.fixture
async def postgres_url(postgres_template: str) -> AsyncIterator[str]:
    """A fresh copy of the template for this test, dropped after it."""
    name = f"pp_faults_{os.getpid()}_{next(_numbers)}"
    template = postgres_template.rsplit("/", 1)[1]
    admin = await _admin()
    try:
        async with database(admin, SHARED_POSTGRES_URL, name, template=template) as url:
            yield url
    finally:
        await admin.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The servers' data folder (secret key, signing key), shared by every process of a test."""
    path = tmp_path / "data"
    path.mkdir()
    return path
