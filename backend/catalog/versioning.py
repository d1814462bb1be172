"""The catalog's version: one value that changes with every write to a catalog table.

Each process keeps the last catalog snapshot it loaded (``services.load_catalog``) with the version
it was read at, and a request reads only the version (one statement) unless it changed. The
version is set by database triggers, not by the services, so that no write can forget it: the
admin services, the seed, a test's factory and an operator's SQL all bump it, in their own
transaction (a rolled-back change leaves the old version).

The version is random (32 hex digits), not a counter: a counter would repeat across databases
(each test's copy of the template, a restored backup) and after a rollback, and a process could
then keep a snapshot of other data under the same number. Two databases share a version only by
being copies of each other with no catalog write since.

``CatalogVersionTriggers`` creates the row and the triggers in a migration. On SQLite a table
rebuild (a later migration altering a catalog table) drops that table's triggers: such a
migration ends with ``CatalogVersionTriggers()`` again (it is idempotent).
"""

from __future__ import annotations

from dataclasses import dataclass

# Every SQL text below is built from this module's constants, none from input.
from tortoise import connections

from backend.db_constraints import SqlOperation

VERSIONED_TABLES = (
    "catalog_product",
    "catalog_edition",
    "catalog_tier",
    "catalog_list_price",
    "catalog_addon",
    "catalog_addon_edition",
    "catalog_addon_price",
    "catalog_maintenance_policy",
)
"""Every table ``load_catalog`` reads."""

_SQLITE_RANDOM = "lower(hex(randomblob(16)))"
_POSTGRES_RANDOM = "md5(random()::text || clock_timestamp()::text)"
_EVENTS = ("INSERT", "UPDATE", "DELETE")


VERSION_SQL = "(SELECT version FROM catalog_version WHERE id = 1)"
"""The version as a scalar subquery: a page's statement reads it with its rows
(``ReadVersion``), which saves the catalog its statement."""


@dataclass(frozen=True, slots=True)
class ReadVersion:
    """The version as another statement read it (None: the database has no version row)."""

    value: str | None

    @classmethod
    def of(cls, raw: object) -> ReadVersion:
        return cls(None if raw is None else str(raw))


async def read_version() -> str | None:
    """The catalog's current version, or None if the database has no version row."""
    _, rows = await connections.get("default").execute_query(
        "SELECT version FROM catalog_version WHERE id = 1"
    )
    return str(rows[0]["version"]) if rows else None


def _trigger(table: str, event: str = "") -> str:
    return f"{table}_version_{event.lower()}".rstrip("_")


def sqlite_sql() -> list[str]:
    """The version row and, per table and event, a trigger that sets a new version."""
    statements = [
        f"INSERT OR IGNORE INTO catalog_version (id, version) VALUES (1, {_SQLITE_RANDOM})"  # noqa: S608
    ]
    for table in VERSIONED_TABLES:
        for event in _EVENTS:
            statements.append(f'DROP TRIGGER IF EXISTS "{_trigger(table, event)}"')
            body = f"UPDATE catalog_version SET version = {_SQLITE_RANDOM};"  # noqa: S608
            statements.append(
                f'CREATE TRIGGER "{_trigger(table, event)}" AFTER {event} ON "{table}" '
                f"FOR EACH ROW BEGIN {body} END"
            )
    return statements


def postgres_sql() -> list[str]:
    """The version row, one trigger function, and per table a statement-level trigger."""
    bump = f"UPDATE catalog_version SET version = {_POSTGRES_RANDOM};"  # noqa: S608
    statements = [
        f"INSERT INTO catalog_version (id, version) VALUES (1, {_POSTGRES_RANDOM}) "  # noqa: S608
        "ON CONFLICT (id) DO NOTHING",
        "CREATE OR REPLACE FUNCTION catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {bump} RETURN NULL; END $$",
    ]
    for table in VERSIONED_TABLES:
        statements.append(f'DROP TRIGGER IF EXISTS "{_trigger(table)}" ON "{table}"')
        statements.append(
            f'CREATE TRIGGER "{_trigger(table)}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump()'
        )
    return statements


def _drop_sql(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [
            f'DROP TRIGGER IF EXISTS "{_trigger(table, event)}"'
            for table in VERSIONED_TABLES
            for event in _EVENTS
        ]
    return [
        *(f'DROP TRIGGER IF EXISTS "{_trigger(table)}" ON "{table}"' for table in VERSIONED_TABLES),
        "DROP FUNCTION IF EXISTS catalog_version_bump()",
    ]


class CatalogVersionTriggers(SqlOperation):
    """Create the version row (if missing) and the triggers that change it."""

    description = "Create the catalog version row and its triggers"

    def forward_sql(self, dialect: str) -> list[str]:
        return sqlite_sql() if dialect == "sqlite" else postgres_sql()

    def backward_sql(self, dialect: str) -> list[str]:
        return _drop_sql(dialect)
