"""What the fault tests share: databases made with the product's own commands, a GraphQL client
that tells an unfinished request from an answered one, and the database's view of the orders.

Everything the server does runs in real server processes (``tests.support.servers``); the test
process reads the database with plain SQL (asyncpg, sqlite3) rather than the ORM, so one run can
look at PostgreSQL and SQLite databases alike.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from tests.support.postgres import asyncpg_url
from tests.support.servers import ROOT

SHARED_POSTGRES_URL = os.environ.get(
    "PARTNER_PORTAL_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test"
)
SERVER_ENV = {"PARTNER_PORTAL_RATE_LIMIT_POINTS": "100000000"}
"""Every server of these tests: the clients here are many and fast, not abusive."""
DEMO_PASSWORD = "demo-password"
OWNER = "owner@reseller.example"
PURCHASER = "purchaser@reseller.example"
"""Demo people of the first demo reseller (20% discount, may pay by monthly invoice)."""


def run_cli(database_url: str, data_dir: Path, *arguments: str) -> str:
    """``partner-portal <arguments>`` against ``database_url``; its output, or AssertionError."""
    done = subprocess.run(
        [sys.executable, "-m", "backend.cli", *arguments],
        cwd=ROOT,
        env={
            **os.environ,
            "PARTNER_PORTAL_DATABASE_URL": database_url,
            "PARTNER_PORTAL_DATA_DIR": str(data_dir),
            "PARTNER_PORTAL_ENV": "development",
        },
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, (
        f"partner-portal {' '.join(arguments)}:\n{done.stdout}{done.stderr}"
    )
    return done.stdout


def prepare_database(database_url: str, data_dir: Path) -> None:
    """Migrated with the product's migrations and seeded with its demo data."""
    run_cli(database_url, data_dir, "migrate")
    run_cli(database_url, data_dir, "seed-demo")


class Unfinished(Exception):
    """The request got no answer that says what happened: the connection failed or broke, the
    server answered 5xx, or the operation failed unexpectedly. Retrying may be needed."""


class Refused(Exception):
    """The operation answered with userErrors."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(errors)
        self.errors = errors

    @property
    def codes(self) -> set[str]:
        return {error["code"] for error in self.errors}


@dataclass
class Answers:
    """What clients saw, by kind and when (``time.monotonic``), to report and to check."""

    counts: dict[str, int] = field(default_factory=dict)
    samples: dict[str, str] = field(default_factory=dict)
    events: list[tuple[float, float, str]] = field(default_factory=list)
    """(sent, answered, kind) of every request."""

    def note(self, kind: str, sample: str = "", *, sent: float | None = None) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.samples.setdefault(kind, sample[:500])
        now = time.monotonic()
        self.events.append((now if sent is None else sent, now, kind))


class Api:
    """GraphQL over HTTP against one base URL, as a partner's server or a browser calls it.

    ``call`` returns the operation's field, raises ``Refused`` for userErrors and ``Unfinished``
    for anything that does not say what happened.
    """

    def __init__(
        self, base_url: str, *, token: str | None = None, timeout: float = 60, answers: Answers
    ) -> None:
        headers = {"Origin": base_url}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        self.client = httpx.AsyncClient(base_url=base_url, headers=headers, timeout=timeout)
        self.answers = answers

    async def aclose(self) -> None:
        await self.client.aclose()

    async def call(
        self, query: str, variables: Mapping[str, Any] | None = None, *, field: str
    ) -> Any:
        sent = time.monotonic()
        try:
            response = await self.client.post(
                "/graphql", json={"query": query, "variables": dict(variables or {})}
            )
        except httpx.TransportError as exc:
            self.answers.note(f"no answer ({type(exc).__name__})", f"{field}: {exc!r}", sent=sent)
            raise Unfinished(repr(exc)) from None
        if response.status_code >= 500:
            kind = "JSON error" if _json_errors(response) else response.headers.get("content-type")
            self.answers.note(
                f"HTTP {response.status_code} ({kind})", f"{field}: {response.text}", sent=sent
            )
            raise Unfinished(f"HTTP {response.status_code}: {response.text[:300]}")
        assert response.status_code == 200, f"HTTP {response.status_code}: {response.text}"
        body = response.json()
        if body.get("errors"):
            codes = {(e.get("extensions") or {}).get("code") for e in body["errors"]}
            self.answers.note(f"GraphQL error {sorted(map(str, codes))}", response.text, sent=sent)
            assert codes == {"INTERNAL_SERVER_ERROR"}, f"the request was refused: {response.text}"
            raise Unfinished(response.text[:300])
        self.answers.note("HTTP 200", sent=sent)
        result = body["data"][field]
        if isinstance(result, dict) and result.get("userErrors"):
            raise Refused(result["userErrors"])
        return result


def _json_errors(response: httpx.Response) -> bool:
    """Whether the answer is a JSON body with a list of errors, as clients can read."""
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and bool(body.get("errors"))


LOGIN = """
mutation Login($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) { userErrors { code message } }
}
"""
CREATE_API_KEY = """
mutation CreateKey($name: String!) {
  createApiKey(input: {name: $name, role: RESELLER_PURCHASER}) { secret userErrors { code } }
}
"""


async def signed_in(base_url: str, email: str, answers: Answers) -> Api:
    """A browser-like client with ``email``'s session."""
    api = Api(base_url, answers=answers)
    await api.call(LOGIN, {"email": email, "password": DEMO_PASSWORD}, field="login")
    assert api.client.cookies, "no session cookie after login"
    return api


async def api_key(base_url: str, name: str) -> str:
    """A new purchaser API key of the first demo reseller, made by its owner."""
    owner = await signed_in(base_url, OWNER, Answers())
    try:
        created = await owner.call(CREATE_API_KEY, {"name": name}, field="createApiKey")
    finally:
        await owner.aclose()
    secret: str = created["secret"]
    return secret


class Database:
    """Plain SQL on the server's database, PostgreSQL or SQLite."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url
        self.is_sqlite = database_url.startswith("sqlite")

    async def rows(self, sql: str) -> list[dict[str, Any]]:
        if self.is_sqlite:
            return await asyncio.to_thread(self._sqlite, sql)
        connection = await asyncpg.connect(asyncpg_url(self.url))
        try:
            return [dict(row) for row in await connection.fetch(sql)]
        finally:
            await connection.close()

    async def value(self, sql: str) -> Any:
        [row] = await self.rows(sql)
        [value] = row.values()
        return value

    async def execute(self, sql: str) -> None:
        if self.is_sqlite:
            await asyncio.to_thread(self._sqlite, sql)
            return
        connection = await asyncpg.connect(asyncpg_url(self.url))
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    def _sqlite(self, sql: str) -> list[dict[str, Any]]:
        connection = sqlite3.connect(self.url.removeprefix("sqlite://"), timeout=30)
        connection.row_factory = sqlite3.Row
        try:
            with connection:
                return [dict(row) for row in connection.execute(sql).fetchall()]
        finally:
            connection.close()


ORPHANED = "order_id IS NULL AND payment_id IS NULL"
STALE_CLAIM_TIME = "2000-01-01T00:00:00+00:00"


async def expire_orphaned_claims(database: Database, *, up_to_id: int | None = None) -> int:
    """Date back the idempotency claims left without their order; returns how many there were.

    The product takes such a claim over once it is ``STALE_AFTER`` (2 minutes) old: its request
    died (the process was killed) or failed and could not give the claim back (the database was
    away). Instead of waiting that long, the test dates them back, when it knows that no request
    still works on them: with no server running, or for the claims up to ``up_to_id`` once
    every request of their time has ended."""
    where = ORPHANED if up_to_id is None else f"{ORPHANED} AND id <= {up_to_id}"
    count: int = await database.value(
        f"SELECT count(*) AS n FROM commerce_idempotency_record WHERE {where}"
    )
    if count:
        await database.execute(
            f"UPDATE commerce_idempotency_record SET created_at = '{STALE_CLAIM_TIME}' "
            f"WHERE {where}"
        )
    return count


INCONSISTENCIES = {
    "order without lines": """
        SELECT o.number FROM commerce_order o
        WHERE NOT EXISTS (SELECT 1 FROM commerce_order_line l WHERE l.order_id = o.id)""",
    "order whose totals are not its lines' sums": """
        SELECT o.number FROM commerce_order o
        WHERE o.total_cents <> (SELECT sum(l.total_cents) FROM commerce_order_line l
                                WHERE l.order_id = o.id)
           OR o.subtotal_cents <> (SELECT sum(l.subtotal_cents) FROM commerce_order_line l
                                   WHERE l.order_id = o.id)""",
    "order without exactly one invoice": """
        SELECT o.number FROM commerce_order o
        WHERE (SELECT count(*) FROM billing_invoice i WHERE i.order_id = o.id) <> 1""",
    "invoice whose total differs from its order's": """
        SELECT i.number FROM billing_invoice i JOIN commerce_order o ON o.id = i.order_id
        WHERE i.total_cents <> o.total_cents OR i.subtotal_cents <> o.subtotal_cents
           OR i.discount_cents <> o.discount_cents""",
    "invoice whose lines do not sum to its total": """
        SELECT i.number FROM billing_invoice i
        WHERE i.kind = 'ORDER' AND i.total_cents <> coalesce(
            (SELECT sum(l.total_cents) FROM billing_invoice_line l WHERE l.invoice_id = i.id), -1)
    """,
    "order invoice without a line per order line": """
        SELECT i.number FROM billing_invoice i
        WHERE i.kind = 'ORDER'
          AND (SELECT count(*) FROM billing_invoice_line l WHERE l.invoice_id = i.id)
           <> (SELECT count(*) FROM commerce_order_line ol WHERE ol.order_id = i.order_id)""",
    "invoice line of another order's line": """
        SELECT i.number FROM billing_invoice i
        JOIN billing_invoice_line l ON l.invoice_id = i.id
        JOIN commerce_order_line ol ON ol.id = l.order_line_id
        WHERE i.kind = 'ORDER' AND ol.order_id <> i.order_id""",
    "invoice line without its invoice": """
        SELECT l.id FROM billing_invoice_line l
        WHERE NOT EXISTS (SELECT 1 FROM billing_invoice i WHERE i.id = l.invoice_id)""",
    "order line without its order": """
        SELECT l.id FROM commerce_order_line l
        WHERE NOT EXISTS (SELECT 1 FROM commerce_order o WHERE o.id = l.order_id)""",
    "new-license line without exactly its quantity of licenses": """
        SELECT o.number FROM commerce_order_line l JOIN commerce_order o ON o.id = l.order_id
        WHERE l.kind = 'NEW_LICENSE' AND l.quantity <>
              (SELECT count(*) FROM licensing_license x WHERE x.order_line_id = l.id)""",
    "license without its order or line": """
        SELECT x.key FROM licensing_license x
        WHERE NOT EXISTS (SELECT 1 FROM commerce_order o WHERE o.id = x.order_id)
           OR NOT EXISTS (SELECT 1 FROM commerce_order_line l
                          WHERE l.id = x.order_line_id AND l.order_id = x.order_id)""",
    "line to assign whose licenses are not assigned": """
        SELECT o.number FROM commerce_order_line l JOIN commerce_order o ON o.id = l.order_id
        JOIN licensing_license x ON x.order_line_id = l.id
        WHERE l.assign_to_email IS NOT NULL AND x.customer_id IS NULL""",
    "order paid on order without its payment": """
        SELECT o.number FROM commerce_order o JOIN billing_invoice i ON i.order_id = o.id
        WHERE o.payment_method = 'PAY_ON_ORDER' AND o.total_cents > 0
          AND (i.status <> 'PAID' OR (SELECT coalesce(sum(p.amount_cents), 0)
               FROM billing_payment p WHERE p.invoice_id = i.id) <> o.total_cents)""",
    "order on invoice not waiting for its summary": """
        SELECT o.number FROM commerce_order o JOIN billing_invoice i ON i.order_id = o.id
        WHERE o.payment_method = 'INVOICE' AND i.summary_invoice_id IS NULL
          AND (i.status <> 'PENDING_SUMMARY' OR EXISTS (
               SELECT 1 FROM billing_payment p WHERE p.invoice_id = i.id))""",
    "payment without its invoice": """
        SELECT p.id FROM billing_payment p
        WHERE NOT EXISTS (SELECT 1 FROM billing_invoice i WHERE i.id = p.invoice_id)""",
    "idempotency key pointing at no order": """
        SELECT r.key FROM commerce_idempotency_record r
        WHERE r.order_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM commerce_order o WHERE o.id = r.order_id)""",
    "order of two idempotency keys": """
        SELECT order_id FROM commerce_idempotency_record WHERE order_id IS NOT NULL
        GROUP BY order_id HAVING count(*) > 1""",
}
"""Each query finds what a partial or doubled order leaves behind; every one must find nothing."""


async def inconsistencies(database: Database) -> dict[str, list[Any]]:
    found = {}
    for name, sql in INCONSISTENCIES.items():
        rows = await database.rows(sql)
        if rows:
            found[name] = [next(iter(row.values())) for row in rows][:10]
    return found


async def wait_for(
    condition: Any, *, seconds: float, interval: float = 0.25, what: str = "the condition"
) -> None:
    """Poll the async ``condition`` until it is true, or fail after ``seconds``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not await condition():
        if loop.time() > deadline:
            raise AssertionError(f"{what}: still not true after {seconds} s")
        await asyncio.sleep(interval)
