"""Tortoise ORM configuration for both engines and the migration entry points.

SQLite (the embedded default) runs in WAL mode with foreign keys on, a busy timeout and write
transactions that take their lock up front (``backend.sqlite_engine``), so that a second process
waits for the write lock instead of failing. PostgreSQL gets a connection pool per process that
rides out a restart of the database (``backend.postgres_engine``). The schema is only ever
created by migrations in ``backend/migrations``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tortoise import connections
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.migrations.api import migrate as run_migrations
from tortoise.migrations.executor import MigrationExecutor

from backend.settings import Settings, load_settings

APP_LABEL = "models"
MODEL_MODULES = [
    "backend.catalog.models",
    "backend.accounts.models",
    "backend.identity.models",
    "backend.audit.models",
    "backend.notifications.models",
    "backend.commerce.models",
    "backend.billing.models",
    "backend.licensing.models",
    "backend.webhooks.models",
]
MIGRATIONS_MODULE = "backend.migrations"
SQLITE_BUSY_TIMEOUT_MS = 5000


def connection_config(database_url: str) -> dict[str, Any]:
    """The Tortoise connection settings for one database URL."""
    config = expand_db_url(database_url)
    credentials = config["credentials"]
    if config["engine"] == "tortoise.backends.sqlite":
        config["engine"] = "backend.sqlite_engine"  # BEGIN IMMEDIATE, see that module
        if credentials["file_path"] != ":memory:":
            # aiosqlite cannot create the folder, and Tortoise hangs on that error
            Path(credentials["file_path"]).parent.mkdir(parents=True, exist_ok=True)
        credentials.setdefault("journal_mode", "WAL")
        credentials.setdefault("foreign_keys", "ON")
        credentials.setdefault("busy_timeout", SQLITE_BUSY_TIMEOUT_MS)
    else:
        config["engine"] = "backend.postgres_engine"  # waits out a restart, see that module
        credentials.setdefault("minsize", 1)
        credentials.setdefault("maxsize", 10)
    return config


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The whole Tortoise configuration: one app holding every domain's models."""
    return {
        "connections": {"default": connection_config(database_url)},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": MIGRATIONS_MODULE,
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


async def migrate(database_url: str, *, report: Callable[[str], object] = lambda _: None) -> None:
    """Apply every migration not yet applied (Tortoise's own migration engine).

    ``report`` receives one line per migration applied.
    """

    def progress(event: str, app_label: str, name: str) -> None:
        if event == "apply_done":
            report(f"Applied {app_label}.{name}")

    await run_migrations(config=tortoise_config(database_url), progress=progress)


async def pending_migrations(database_url: str) -> list[str]:
    """The migrations not yet applied, as ``app.name``; the ORM must be connected to the URL."""
    config = tortoise_config(database_url)
    executor = MigrationExecutor(connections.get("default"), config["apps"])
    plan = await executor.plan()
    return [f"{step.migration.app_label}.{step.migration.name}" for step in plan]


def __getattr__(name: str) -> Any:
    # `tortoise makemigrations` reads TORTOISE_ORM (pyproject [tool.tortoise]); build it lazily
    # so that importing this module never touches the environment.
    if name == "TORTOISE_ORM":
        settings: Settings = load_settings()
        return tortoise_config(settings.database_url)
    raise AttributeError(name)
