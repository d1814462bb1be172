"""Drift checks: the committed schema and migrations agree with the code."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from tortoise import Tortoise, connections
from tortoise.migrations.autodetector import MigrationAutodetector
from tortoise.models import Model

from backend.api.schema import schema_sdl
from backend.db import APP_LABEL, MODEL_MODULES, tortoise_config
from backend.db_constraints import check_constraints
from tests.conftest import ENGINE

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_matches_the_code() -> None:
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == schema_sdl(), (
        "schema.graphql is out of date: run `make schema` (partner-portal export-schema "
        "--output schema.graphql) and commit it"
    )


@pytest.mark.usefixtures("db")
async def test_models_and_migrations_agree(db: str) -> None:
    config = tortoise_config(db)
    autodetector = MigrationAutodetector(Tortoise.apps, config["apps"])
    changes = await autodetector.changes()
    assert [w.name for w in changes] == [], (
        "models changed without a migration: run `make migrations` and commit the result"
    )


@pytest.mark.usefixtures("db")
async def test_every_declared_check_constraint_exists_in_the_database() -> None:
    declared = {
        check.name
        for model in Tortoise.apps[APP_LABEL].values()
        for check in check_constraints(model)
    }
    connection = connections.get("default")
    if ENGINE == "sqlite":
        _, rows = await connection.execute_query(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        )
        present = {row["name"].rsplit("_", 1)[0] for row in rows}
    else:
        _, rows = await connection.execute_query(
            "SELECT conname FROM pg_constraint WHERE contype = 'c'"
        )
        present = {row["conname"] for row in rows}
    assert declared, "no CHECK constraints declared"
    assert declared - present == set(), "add EnforceChecks(...) to the migration"


def test_no_model_comment_holds_a_semicolon() -> None:
    """Tortoise puts docstrings and descriptions into the DDL as comments and its SQLite
    migrations split statements at ";": one in a comment breaks `migrate` on SQLite."""
    offenders = []
    for module in map(importlib.import_module, MODEL_MODULES):
        for model in vars(module).values():
            if not (isinstance(model, type) and issubclass(model, Model)):
                continue
            if model.__module__ != module.__name__:
                continue
            meta = model._meta
            texts = [meta.table_description or ""] + [
                field.description or "" for field in meta.fields_map.values()
            ]
            offenders += [f"{model.__name__}: {text!r}" for text in texts if ";" in text]
    assert offenders == []
