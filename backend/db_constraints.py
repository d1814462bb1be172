"""CHECK constraints that really reach the database, on SQLite and PostgreSQL alike.

Tortoise 1.1 records ``Meta.constraints`` in migration state but its ``CreateModel`` does not emit
them (and its SQLite table rebuild drops CHECKs). A migration that creates a model with checks
follows the ``CreateModel`` with ``EnforceChecks("ModelName")``:

- PostgreSQL: ``ALTER TABLE … ADD CONSTRAINT name CHECK (…)``.
- SQLite (which cannot add a CHECK to an existing table): ``BEFORE INSERT`` and ``BEFORE UPDATE``
  triggers that abort with ``CHECK constraint failed: name``, an ``IntegrityError`` like a CHECK.

The operation changes no migration state, so ``makemigrations`` stays quiet; a test asserts that
every declared check exists in the database. It is idempotent (each check is dropped if present,
then created), so a later migration that changes a model's checks, or whose SQLite table rebuild
dropped the triggers, ends with ``EnforceChecks("ModelName")`` again. A check added to an
existing model takes ``AddCheck`` in place of the ``AddConstraint`` that ``makemigrations`` wrote.
"""

from __future__ import annotations

from typing import Any

from tortoise.migrations import operations as ops
from tortoise.migrations.constraints import CheckConstraint
from tortoise.migrations.operations import TortoiseOperation


def check_constraints(model: Any) -> list[CheckConstraint]:
    return [c for c in model._meta.constraints if isinstance(c, CheckConstraint)]


def sqlite_trigger_sql(table: str, columns: list[str], check: CheckConstraint) -> list[str]:
    row = ", ".join(f'NEW."{column}" AS "{column}"' for column in columns)
    abort = f"RAISE(ABORT, 'CHECK constraint failed: {check.name}')"
    # every part comes from model metadata, none from input
    body = f"SELECT {abort} FROM (SELECT {row}) WHERE NOT ({check.check});"  # noqa: S608
    return [
        f'CREATE TRIGGER "{check.name}_{event.lower()}" BEFORE {event} ON "{table}" '
        f"FOR EACH ROW BEGIN {body} END"
        for event in ("INSERT", "UPDATE")
    ]


def postgres_check_sql(table: str, check: CheckConstraint) -> str:
    return f'ALTER TABLE "{table}" ADD CONSTRAINT "{check.name}" CHECK ({check.check})'


async def run_statement(state_editor: Any, sql: str) -> None:
    """One statement as is: the SQLite editor would split a trigger body at its semicolons."""
    if state_editor.collect_sql:
        state_editor.collected_sql.append(sql)
    else:
        await state_editor.client.execute_query(sql)


class SqlOperation(TortoiseOperation):
    """A migration operation made of dialect-specific SQL (triggers, special indexes) that
    changes no migration state: ``forward_sql`` and ``backward_sql`` give the statements for
    ``"sqlite"`` or ``"postgres"``, each run as is."""

    reduces_to_sql = True
    description = ""

    def describe(self) -> str:
        return self.description

    def forward_sql(self, dialect: str) -> list[str]:
        raise NotImplementedError

    def backward_sql(self, dialect: str) -> list[str]:
        raise NotImplementedError

    def state_forward(self, app_label: str, state: Any) -> None:
        return None

    async def database_forward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if state_editor:
            for sql in self.forward_sql(state_editor.DIALECT):
                await run_statement(state_editor, sql)

    async def database_backward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if state_editor:
            for sql in self.backward_sql(state_editor.DIALECT):
                await run_statement(state_editor, sql)


class EnforceChecks(TortoiseOperation):
    """Create the model's ``Meta.constraints`` CHECKs in the database."""

    reduces_to_sql = True

    def __init__(self, model_name: str) -> None:
        self.model_name = model_name

    def describe(self) -> str:
        return f"Enforce CHECK constraints of {self.model_name}"

    def state_forward(self, app_label: str, state: Any) -> None:
        return None

    async def database_forward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        table = model._meta.db_table
        columns = sorted(model._meta.fields_db_projection.values())
        for check in check_constraints(model):
            await _drop(state_editor, table, check)
            if state_editor.DIALECT == "sqlite":
                for sql in sqlite_trigger_sql(table, columns, check):
                    await run_statement(state_editor, sql)
            else:
                await run_statement(state_editor, postgres_check_sql(table, check))

    async def database_backward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if not state_editor:
            return
        model = old_state.apps.get_model(f"{app_label}.{self.model_name}")
        table = model._meta.db_table
        for check in check_constraints(model):
            await _drop(state_editor, table, check)


async def _drop(state_editor: Any, table: str, check: CheckConstraint) -> None:
    if state_editor.DIALECT == "sqlite":
        for event in ("insert", "update"):
            await run_statement(state_editor, f'DROP TRIGGER IF EXISTS "{check.name}_{event}"')
    else:
        await run_statement(
            state_editor, f'ALTER TABLE "{table}" DROP CONSTRAINT IF EXISTS "{check.name}"'
        )


class AddCheck(ops.AddConstraint):
    """``AddConstraint`` of one CHECK on an existing model, created as ``EnforceChecks`` does.

    Tortoise's own ``AddConstraint`` rebuilds the table on SQLite, and the rebuilt table loses
    its indexes and unique constraints; this creates the trigger (or the PostgreSQL constraint)
    and leaves the table alone.
    """

    constraint: CheckConstraint

    def __init__(self, model_name: str, constraint: CheckConstraint) -> None:
        super().__init__(model_name, constraint)

    async def database_forward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        table = model._meta.db_table
        columns = sorted(model._meta.fields_db_projection.values())
        await _drop(state_editor, table, self.constraint)
        if state_editor.DIALECT == "sqlite":
            for sql in sqlite_trigger_sql(table, columns, self.constraint):
                await run_statement(state_editor, sql)
        else:
            await run_statement(state_editor, postgres_check_sql(table, self.constraint))

    async def database_backward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if not state_editor:
            return
        model = old_state.apps.get_model(f"{app_label}.{self.model_name}")
        await _drop(state_editor, model._meta.db_table, self.constraint)
