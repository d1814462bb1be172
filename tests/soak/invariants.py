"""The soak's invariants, checked once the traffic has stopped and the outbox has drained:
SQL on the database (``money_checks``, ``license_checks``, ``email_checks``), what the clients
saw (no 5xx, no internal error, nothing unexpected, no contradiction) and the servers' logs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

import asyncpg

from tests.soak import email_checks, license_checks, money_checks
from tests.soak.checks import Check, Evidence

__all__ = ["Check", "Evidence", "check_all"]


def answers(evidence: Evidence) -> list[Check]:
    """What the clients saw: no 5xx, no internal error, nothing unexpected, no contradiction."""
    whole = evidence.stats.total()
    checks = [
        Check("zero 5xx answers", rows=whole.requests),
        Check("zero INTERNAL_SERVER_ERROR", rows=whole.requests),
        Check("zero unexpected answers (transport, 4xx, GraphQL errors)", rows=whole.requests),
        Check(
            "answers consistent (races, replays)",
            rows=len(evidence.clients.orders)
            + len(evidence.clients.payments)
            + len(evidence.clients.assigned),
        ),
    ]
    if whole.status["5xx"]:
        checks[0].fail(f"{whole.status['5xx']} answers were 5xx")
    if whole.graphql_errors["INTERNAL_SERVER_ERROR"]:
        checks[1].fail(f"{whole.graphql_errors['INTERNAL_SERVER_ERROR']} internal errors")
    for text in evidence.stats.problems:
        checks[2].fail(text)
    checks[2].failed = evidence.stats.unexpected
    for text in evidence.clients.problems:
        checks[3].fail(text)
    return checks


def logs_clean(evidence: Evidence) -> Check:
    check = Check("server logs free of Traceback", rows=len(evidence.logs), needs=True)
    for name, text in evidence.logs.items():
        for number, line in enumerate(text.splitlines(), start=1):
            if "Traceback" in line:
                check.fail(f"{name} line {number}: {line[:300]}")
    return check


DATABASE_CHECKS: Sequence[Callable[[asyncpg.Connection, Evidence], Awaitable[Check]]] = (
    money_checks.orders_have_one_invoice,
    money_checks.invoice_totals,
    money_checks.summaries,
    money_checks.payments,
    money_checks.orders_as_told,
    money_checks.unique_numbers,
    license_checks.licenses,
    license_checks.assignments,
    license_checks.license_changes,
    email_checks.outbox_delivered,
    email_checks.emails_for_events,
)


async def check_all(database_url: str, evidence: Evidence) -> list[Check]:
    db = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        found = [await check(db, evidence) for check in DATABASE_CHECKS]
    finally:
        await db.close()
    return [*found, *answers(evidence), logs_clean(evidence)]
