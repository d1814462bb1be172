"""The server's month-close scheduler: the previous month, shortly after it ends, by one process."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from backend import clock
from backend.billing import scheduler
from backend.billing.models import BillingPeriod, Invoice, InvoiceKind
from backend.billing.periods import Period
from tests.billing.invoicing import make_pending_invoices
from tests.identity.factories import make_reseller

OCTOBER = Period(2026, 10)
URL = "http://portal.example"


def at(moment: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


def test_the_due_month_is_the_previous_one_after_the_grace() -> None:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    assert scheduler.due_period(start) is None
    assert scheduler.due_period(start + scheduler.GRACE - timedelta(seconds=1)) is None
    assert scheduler.due_period(start + scheduler.GRACE) == OCTOBER
    assert scheduler.due_period(datetime(2026, 11, 27, 9, tzinfo=UTC)) == OCTOBER
    assert scheduler.due_period(datetime(2027, 1, 2, tzinfo=UTC)) == Period(2026, 12)


async def test_processes_looking_at_once_close_the_month_once(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given invoices of October and six scheduler processes looking at 00:15 on November 1st
    reseller = await make_reseller(billing_email="billing@r.example")
    await make_pending_invoices([reseller], 5, start=OCTOBER.start)
    at(OCTOBER.end + timedelta(minutes=15), monkeypatch)

    results = await asyncio.gather(
        *(scheduler.close_if_due(f"worker-{n}", public_url=URL) for n in range(6))
    )

    # then one of them closed it, and the month is recorded as closed by the scheduler
    closes = [r for r in results if r is not None]
    assert len(closes) == 1
    assert closes[0].summaries_created == 1
    assert await Invoice.filter(kind=InvoiceKind.SUMMARY).count() == 1
    record = await BillingPeriod.get(period="2026-10")
    assert record.closed_by_label == scheduler.SCHEDULER.label
    assert record.claimed_until is None
    # and later looks do nothing
    assert await scheduler.close_if_due("worker-7", public_url=URL) is None


async def test_nothing_happens_before_the_grace(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    reseller = await make_reseller()
    await make_pending_invoices([reseller], 2, start=OCTOBER.start)
    at(OCTOBER.end + timedelta(minutes=1), monkeypatch)

    assert await scheduler.close_if_due("worker", public_url=URL) is None
    assert await BillingPeriod.all().count() == 0


async def test_a_claim_is_taken_over_when_its_lease_ran_out(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a process that claimed October's close and died
    now = OCTOBER.end + timedelta(hours=1)
    assert await scheduler.claim(OCTOBER, "dead-worker", now)
    assert not await scheduler.claim(OCTOBER, "other", now + timedelta(minutes=5))

    # then once its lease is over another process closes the month
    at(now + scheduler.LEASE + timedelta(seconds=1), monkeypatch)
    closed = await scheduler.close_if_due("other", public_url=URL)

    assert closed is not None
    assert (await BillingPeriod.get(period="2026-10")).closed_at is not None


async def test_a_failed_close_releases_its_claim(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at(OCTOBER.end + timedelta(hours=1), monkeypatch)

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(scheduler, "close_period", broken)
    with pytest.raises(RuntimeError):
        await scheduler.close_if_due("worker", public_url=URL)

    record = await BillingPeriod.get(period="2026-10")
    assert (record.closed_at, record.claimed_until) == (None, None)
    assert await scheduler.claim(OCTOBER, "next", clock.now())
