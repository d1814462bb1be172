"""The licenses list's search, by part of the customer's email or the beginning of the key, served
by indexes instead of a walk through every license of the account.

``LIKE '%…%'`` can use no ordinary index, so matching part of an email in the licenses query
meant joining every license of the account to its customer and testing each email. Instead the
customers whose email contains the text come first, from a trigram index of the emails, and the
licenses are then those of these customers (the ``(reseller_id, customer_id)`` index) or those
whose key lies in the range of keys that begin with the text (the ``(reseller_id, key)`` index):

- SQLite: an FTS5 table with the trigram tokenizer over ``identity_user.email``. It holds only
  the index (external content) and triggers on ``identity_user`` keep it up to date.
- PostgreSQL: a GIN index of the emails' trigrams (``pg_trgm``), which serves ``LIKE``.

Emails are stored in lower case (``backend.identity.emails``), so the text is lower-cased and
compared as is.

One or two characters make no trigram: such a text is looked for by a scan of the customers,
which ends early at the cap since so short a text matches many. A text that more than ``CAP``
customers share (a common domain) is matched by the join as before, which finds a page of such
licenses quickly in the list's order. The join compares the email column itself, not
``UPPER(email)`` as ``icontains`` does, so that PostgreSQL estimates from the column's statistics
how many match: with ``UPPER`` it guessed a handful, started from the users and took 50 ms
instead of 1 (10,000 licenses in the account, 50,000 customers).

``EmailSearchIndex`` creates the index in a migration. On SQLite a table rebuild of
``identity_user`` (a later migration altering that table) drops the triggers: such a migration
ends with ``EmailSearchIndex()`` again (it is idempotent and fills the index anew).
"""

from __future__ import annotations

from typing import Any

# Every SQL text below is built from this module's constants, none from input.
from tortoise import connections
from tortoise.expressions import Q

from backend.db_constraints import SqlOperation
from backend.identity.roles import Role
from backend.licensing.keys import ALPHABET, key_prefix

CAP = 1000
"""The most customers a search turns into a list of ids; more take the join."""
TABLE = "identity_user_email_search"
"""SQLite's FTS5 index of the emails (rowid: the user's id)."""
_ADD = f"INSERT INTO {TABLE}(rowid, email) VALUES (new.id, new.email);"  # noqa: S608
_REMOVE = f"INSERT INTO {TABLE}({TABLE}, rowid, email) VALUES ('delete', old.id, old.email);"  # noqa: S608
TRIGGERS = {"insert": _ADD, "delete": _REMOVE, "update": f"{_REMOVE} {_ADD}"}
"""The body of each trigger on ``identity_user`` that keeps the FTS5 index in step (an
external-content table is told the old values to remove)."""
EVENTS = {"insert": "INSERT", "delete": "DELETE", "update": "UPDATE OF id, email"}
POSTGRES_INDEX = "identity_user_email_trgm"
NOTHING = Q(id__in=[])
"""A filter no row passes."""


async def customers_matching(term: str, *, limit: int | None = None) -> list[int] | None:
    """The ids of the customers whose email contains ``term`` (in any case), or None when more
    than ``limit`` (default ``CAP``) do. One statement."""
    limit = CAP if limit is None else limit
    needle = term.lower()
    if not _may_be_in_email(needle):
        return []
    connection = connections.get("default")
    sql, params = _statement(connection.capabilities.dialect, needle, limit + 1)
    _, rows = await connection.execute_query(sql, params)
    ids = [int(row["id"]) for row in rows]
    return ids if len(ids) <= limit else None


def _statement(dialect: str, needle: str, rows: int) -> tuple[str, list[Any]]:
    """The SQL that finds up to ``rows`` customers whose email contains ``needle``, and its
    parameters. A text of three characters or more goes through the trigram index, a shorter
    one (no trigram) through a scan that stops at ``rows``.

    The limit is written into the SQL, not passed: once a prepared statement (asyncpg prepares
    each) has run five times, PostgreSQL may plan it without looking at its parameters, and with
    an unknown limit it expects to stop early and scans the table instead of reading the index
    (20 ms instead of 2 at 50,000 customers).
    """
    role, limit = Role.CUSTOMER.value, f" LIMIT {int(rows)}"
    if dialect == "sqlite":
        if len(needle) < 3:
            sql = "SELECT id FROM identity_user WHERE role = ? AND email LIKE ? ESCAPE '\\'"
            return sql + limit, [role, _contains(needle)]
        # CROSS JOIN: SQLite joins in the order written; left to itself it may scan the
        # customers and run the MATCH once for each (seconds instead of a millisecond)
        sql = (
            f"SELECT u.id FROM {TABLE} AS s CROSS JOIN identity_user AS u ON u.id = s.rowid "  # noqa: S608
            f"WHERE s.{TABLE} MATCH ? AND u.role = ?"
        )
        return sql + limit, [_phrase(needle), role]
    if len(needle) < 3:  # strpos, not LIKE: the index would be read whole for no trigram
        sql = "SELECT id FROM identity_user WHERE role = $1 AND strpos(email, $2) > 0"
        return sql + limit, [role, needle]
    sql = "SELECT id FROM identity_user WHERE role = $1 AND email LIKE $2 ESCAPE '\\'"
    return sql + limit, [role, _contains(needle)]


async def license_search(term: str) -> Q:
    """The licenses filter for the licenses list's ``search``: the key begins with ``term`` (any
    case, with or without dashes) or the customer's email contains it (any case)."""
    ids = await customers_matching(term)
    if ids is None:  # too many to list: the emails are matched as the licenses are read
        matches: Q | None = Q(customer__email__contains=term.lower())
    else:
        matches = Q(customer_id__in=ids) if ids else None
    prefix = key_prefix(term)
    if prefix is not None:
        low, high = key_range(prefix)
        by_key = Q(key__gte=low) if high is None else Q(key__gte=low, key__lt=high)
        matches = by_key if matches is None else matches | by_key
    return NOTHING if matches is None else matches


def key_range(prefix: str) -> tuple[str, str | None]:
    """The keys that begin with ``prefix`` (canonical, see ``key_prefix``) as the range
    ``[low, high)``, which an index serves (SQLite's ``LIKE`` ignores case, so none serves it);
    ``high`` is None when no key is past the range.

    ``high`` steps the last character to the next one of the key alphabet (a ``Z`` carries over
    to the character before), never to a punctuation mark: PostgreSQL's linguistic collations
    skip those when they compare, and the range holds in byte order and in such collations alike.
    """
    stem = prefix.rstrip("-" + ALPHABET[-1])
    if not stem:
        return prefix, None
    return prefix, stem[:-1] + ALPHABET[ALPHABET.index(stem[-1]) + 1]


def _may_be_in_email(needle: str) -> bool:
    """Whether an email may contain ``needle``: not empty, no NUL and no lone surrogate (which
    the databases refuse to take, and no email holds)."""
    if not needle or "\x00" in needle:
        return False
    try:
        needle.encode()
    except UnicodeEncodeError:
        return False
    return True


def _phrase(needle: str) -> str:
    """``needle`` as an FTS5 phrase: with the trigram tokenizer, any text that contains it."""
    return '"' + needle.replace('"', '""') + '"'


def _contains(needle: str) -> str:
    """A ``LIKE`` pattern (escape character ``\\``) of text that contains ``needle``."""
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def sqlite_sql() -> list[str]:
    """The FTS5 table, its triggers and filling it from the emails there are."""
    statements = [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(email, content='identity_user', "
        "content_rowid='id', tokenize='trigram')",
    ]
    for name, body in TRIGGERS.items():
        statements.append(f'DROP TRIGGER IF EXISTS "{TABLE}_{name}"')
        statements.append(
            f'CREATE TRIGGER "{TABLE}_{name}" AFTER {EVENTS[name]} ON "identity_user" '
            f"FOR EACH ROW BEGIN {body} END"
        )
    statements.append(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")  # noqa: S608
    return statements


def postgres_sql() -> list[str]:
    """The trigram extension and a GIN index of the emails' trigrams."""
    return [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f'CREATE INDEX IF NOT EXISTS "{POSTGRES_INDEX}" ON "identity_user" '
        "USING gin (email gin_trgm_ops)",
    ]


def _drop_sql(dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [
            *(f'DROP TRIGGER IF EXISTS "{TABLE}_{name}"' for name in TRIGGERS),
            f"DROP TABLE IF EXISTS {TABLE}",
        ]
    # the extension stays: other database objects may have come to use it
    return [f'DROP INDEX IF EXISTS "{POSTGRES_INDEX}"']


class EmailSearchIndex(SqlOperation):
    """Create the trigram index of the users' emails (and, on SQLite, the triggers that keep it)."""

    description = "Create the trigram index of the users' emails"

    def forward_sql(self, dialect: str) -> list[str]:
        return sqlite_sql() if dialect == "sqlite" else postgres_sql()

    def backward_sql(self, dialect: str) -> list[str]:
        return _drop_sql(dialect)
