"""Closing a month into summary invoices: what it collects, to the cent, exactly once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from backend.accounts.models import Reseller
from backend.audit.models import AuditEvent
from backend.billing.closing import DUE_AFTER, close_period, summarized_note
from backend.billing.models import (
    PENDING_SUMMARY_NOTE,
    SUMMARY_NOTE,
    BillingPeriod,
    Invoice,
    InvoiceKind,
    InvoiceStatus,
)
from backend.billing.periods import Period
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.identity.roles import Role
from tests.billing.invoicing import make_pending_invoices
from tests.identity.factories import make_reseller

OCTOBER = Period(2026, 10)
NOVEMBER_FIRST = datetime(2026, 11, 1, 0, 5, tzinfo=UTC)
ADMIN = Actor(role=Role.VENDOR_ADMIN, label="admin@example.com")
URL = "http://portal.example"


async def resellers(count: int) -> list[Reseller]:
    made = []
    for n in range(count):
        reseller = await make_reseller(
            discount_bps=(0, 2000, 3000)[n % 3], billing_email=f"billing{n}@r.example"
        )
        made.append(reseller)
    return made


async def close(period: Period = OCTOBER, as_of: datetime = NOVEMBER_FIRST):  # type: ignore[no-untyped-def]
    return await close_period(period, actor=ADMIN, public_url=URL, as_of=as_of)


def test_periods_are_calendar_months_in_utc() -> None:
    assert str(Period.parse(" 2026-01 ")) == "2026-01"
    assert Period(2026, 1).previous() == Period(2025, 12)
    assert Period(2026, 12).next() == Period(2027, 1)
    assert Period(2026, 12).end == datetime(2027, 1, 1, tzinfo=UTC)
    assert Period.containing(datetime(2026, 3, 1, tzinfo=UTC) - timedelta(microseconds=1)) == (
        Period(2026, 2)
    )
    for bad in ("2026-13", "2026-00", "26-10", "2026/10", "", "1999-12"):
        with pytest.raises(ValueError, match=r"."):
            Period.parse(bad)


async def test_one_summary_per_reseller_equal_to_its_invoices_to_the_cent(db: str) -> None:
    # given three resellers with invoices waiting in October, some paid ones, and November's
    acme, bolt, cove = await resellers(3)
    october = await make_pending_invoices([acme, bolt], 7, start=OCTOBER.start, seed=3)
    await make_pending_invoices([acme], 2, start=OCTOBER.start, paid=True, seed=4)
    await make_pending_invoices([acme, cove], 3, start=OCTOBER.end, seed=5)

    closed = await close()

    # then each reseller with October invoices has one summary, holding exactly those
    assert (closed.summaries_created, closed.invoices_summarized) == (2, 14)
    summaries = await Invoice.filter(kind=InvoiceKind.SUMMARY).order_by("reseller_id")
    assert [s.reseller_id for s in summaries] == [acme.id, bolt.id]
    for summary in summaries:
        mine = [i for i in october if i.reseller_id == summary.reseller_id]
        children = await Invoice.filter(summary_invoice_id=summary.id)
        assert {c.id for c in children} == {i.id for i in mine}
        assert summary.subtotal_cents == sum(i.subtotal_cents for i in mine)
        assert summary.discount_cents == sum(i.discount_cents for i in mine)
        assert summary.total_cents == sum(i.total_cents for i in mine)
        assert summary.status is InvoiceStatus.OPEN
        assert summary.period == "2026-10"
        assert summary.notes == SUMMARY_NOTE
        assert summary.issued_at == NOVEMBER_FIRST
        assert summary.due_at == NOVEMBER_FIRST + DUE_AFTER
        assert summary.number.startswith("INV-2026-")
        assert {c.notes for c in children} == {summarized_note(summary.number)}
        assert {c.status for c in children} == {InvoiceStatus.PENDING_SUMMARY}
    assert closed.total_cents == sum(s.total_cents for s in summaries)
    # and November's invoices and the paid ones are left alone
    assert await Invoice.filter(summary_invoice_id=None, kind=InvoiceKind.ORDER).count() == 2 + 6
    assert await Invoice.filter(notes=PENDING_SUMMARY_NOTE).count() == 6
    # and the month is recorded with its figures, and each summary audited for its reseller
    record = await BillingPeriod.get(period="2026-10")
    assert (record.summary_count, record.invoice_count) == (2, 14)
    assert record.total_cents == closed.total_cents
    assert record.closed_by_label == "admin@example.com"
    assert await AuditEvent.filter(action="invoice.summarized").count() == 2


async def test_closing_twice_creates_nothing_new(db: str) -> None:
    acme, bolt = await resellers(2)
    await make_pending_invoices([acme, bolt], 4, start=OCTOBER.start)
    first = await close()
    before = await Invoice.all().order_by("id").values_list("id", "number", "summary_invoice_id")

    again = await close(as_of=NOVEMBER_FIRST + timedelta(days=3))

    assert (first.summaries_created, again.summaries_created, again.invoices_summarized) == (
        2,
        0,
        0,
    )
    after = await Invoice.all().order_by("id").values_list("id", "number", "summary_invoice_id")
    assert after == before
    assert (again.record.summary_count, again.record.invoice_count) == (2, 8)
    assert again.record.closed_at == first.record.closed_at


async def test_concurrent_closes_make_one_set_of_summaries(db: str) -> None:
    # given twelve resellers, closed by eight requests at once
    many = await resellers(12)
    await make_pending_invoices(many, 5, start=OCTOBER.start)

    results = await asyncio.gather(*(close() for _ in range(8)))

    # then together they made one summary per reseller, and the numbers have no gaps
    assert sum(r.summaries_created for r in results) == 12
    assert sum(r.invoices_summarized for r in results) == 60
    summaries = await Invoice.filter(kind=InvoiceKind.SUMMARY).values_list("number", flat=True)
    assert len(summaries) == 12
    serials = sorted(int(str(n).rsplit("-", 1)[1]) for n in summaries)
    assert serials == list(range(serials[0], serials[0] + 12))
    assert await Invoice.filter(kind=InvoiceKind.ORDER, summary_invoice_id=None).count() == 0


async def test_a_month_that_has_not_ended_is_refused(db: str) -> None:
    (acme,) = await resellers(1)
    await make_pending_invoices([acme], 2, start=OCTOBER.start)

    with pytest.raises(DomainError) as refused:
        await close(as_of=OCTOBER.end - timedelta(seconds=1))

    assert refused.value.problems[0].kind is ErrorKind.INVALID
    assert "2026-10 has not ended yet" in str(refused.value)
    assert await Invoice.filter(kind=InvoiceKind.SUMMARY).count() == 0
    assert await BillingPeriod.all().count() == 0
    closed = await close(as_of=OCTOBER.end)  # from its very end on, it can be closed
    assert closed.summaries_created == 1


async def test_only_billing_managers_close(db: str) -> None:
    for role in (Role.RESELLER_OWNER, Role.RESELLER_BILLING):
        with pytest.raises(DomainError):
            await close_period(
                OCTOBER, actor=Actor(role=role, reseller_id=1), public_url=URL, as_of=NOVEMBER_FIRST
            )


async def test_stragglers_join_the_next_close(db: str) -> None:
    # given September was closed, then a September invoice committed late
    (acme,) = await resellers(1)
    await make_pending_invoices([acme], 2, start=Period(2026, 9).start, seed=1)
    await close(Period(2026, 9), as_of=OCTOBER.start + timedelta(minutes=1))
    late = await make_pending_invoices(
        [acme], 1, start=OCTOBER.start - timedelta(seconds=1), span=timedelta(0), seed=2
    )
    await make_pending_invoices([acme], 3, start=OCTOBER.start, seed=3)

    closed = await close()

    # then October's summary collects it with October's own, rather than leaving it unbilled
    assert (closed.summaries_created, closed.invoices_summarized) == (1, 4)
    summary = await Invoice.get(kind=InvoiceKind.SUMMARY, period="2026-10")
    assert (await Invoice.get(id=late[0].id)).summary_invoice_id == summary.id


async def test_close_costs_statements_per_reseller_not_per_invoice(db: str, count_queries) -> None:  # type: ignore[no-untyped-def]
    few = await resellers(3)
    await make_pending_invoices(few, 2, start=OCTOBER.start)
    with count_queries() as small:
        await close()

    await BillingPeriod.all().delete()
    await Invoice.filter(kind=InvoiceKind.ORDER).update(
        summary_invoice_id=None, notes=PENDING_SUMMARY_NOTE
    )
    await Invoice.filter(kind=InvoiceKind.SUMMARY).delete()
    await make_pending_invoices(few, 40, start=OCTOBER.start, seed=9)
    with count_queries() as large:
        closed = await close()

    assert closed.invoices_summarized == 3 * 42
    assert large.count == small.count
