"""Closing a month: each reseller's invoices waiting for the summary become one summary invoice.

How a close runs
    One grouped query finds, per reseller, the ``PENDING_SUMMARY`` invoices issued before the
    period's end that no summary holds yet. Then, in one transaction per reseller: the summary is
    inserted (number, totals from the group, due in ``DUE_AFTER``), one ``UPDATE`` points every
    such invoice at it, one grouped query re-reads the children's totals (an invoice committed
    since the first query is counted exactly), the notification is queued and the close audited.
    The cost is a fixed number of statements per reseller, whatever its number of invoices.

Idempotent by a constraint
    A summary's ``(reseller, period)`` pair is unique. A second close of the same month finds
    nothing pending; a concurrent one (another process, the scheduler, an admin) fails that
    constraint for each reseller the first one closed, and its transaction for that reseller
    rolls back, number and all. No check-then-insert decides it.

Stragglers
    A summary collects every pending invoice issued before its period's end, not only the
    month's: an invoice that committed after its own month was closed (a checkout running across
    midnight) or a month that was never closed joins the next close instead of being forgotten.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.functions import Count, Sum
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import Reseller
from backend.audit.services import record
from backend.billing.emails import notify_summary_created
from backend.billing.models import (
    SUMMARY_NOTE,
    BillingPeriod,
    Invoice,
    InvoiceKind,
    InvoiceStatus,
)
from backend.billing.periods import Period
from backend.commerce.billing_details import account_billing
from backend.commerce.numbers import next_number
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.identity.roles import Permission
from backend.webhooks import events as webhooks

logger = logging.getLogger(__name__)

DUE_AFTER = timedelta(days=30)
TOTALS = {
    "count": Count("id"),
    "subtotal": Sum("subtotal_cents"),
    "discount": Sum("discount_cents"),
    "total": Sum("total_cents"),
}


@dataclass(frozen=True, slots=True)
class Totals:
    count: int
    subtotal: int
    discount: int
    total: int

    @classmethod
    def of(cls, row: dict[str, Any]) -> Totals:
        """From a grouped row (PostgreSQL sums bigints as numeric, SQLite as integers)."""
        return cls(**{name: int(row[name] or 0) for name in TOTALS})


@dataclass(frozen=True, slots=True)
class ClosedPeriod:
    period: Period
    summaries_created: int
    """Summary invoices this close made (0 when the month was already closed)."""
    invoices_summarized: int
    """Invoices those summaries collect."""
    total_cents: int
    record: BillingPeriod
    """The month's record, with the figures of every summary it has."""


def summarized_note(summary_number: str) -> str:
    return f"Included in summary invoice {summary_number}: pay that invoice."


def pending_before(end: datetime, reseller_id: int | None = None) -> QuerySet[Invoice]:
    """The invoices a summary of a period ending at ``end`` collects."""
    queryset = Invoice.filter(
        kind=InvoiceKind.ORDER,
        status=InvoiceStatus.PENDING_SUMMARY,
        summary_invoice_id=None,
        issued_at__lt=end,
    )
    return queryset if reseller_id is None else queryset.filter(reseller_id=reseller_id)


async def close_period(
    period: Period, *, actor: Actor, public_url: str, as_of: datetime | None = None
) -> ClosedPeriod:
    """Close ``period`` as of ``as_of`` (default now, which is also the summaries' issue time).

    Raises ``DomainError`` (field ``period``) when the period has not ended by then.
    """
    actor.require(Permission.BILLING_MANAGE)
    as_of = as_of or clock.now()
    if period.end > as_of:
        raise DomainError(
            ErrorKind.INVALID,
            f"{period} has not ended yet: it can be closed from {period.end:%Y-%m-%d} 00:00 UTC.",
            field="period",
        )
    groups = (
        await pending_before(period.end)
        .annotate(**TOTALS)
        .group_by("reseller_id")
        .order_by("reseller_id")
        .values("reseller_id", *TOTALS)
    )
    resellers = {r.id: r for r in await Reseller.filter(id__in=[g["reseller_id"] for g in groups])}
    created = summarized = total = 0
    for group in groups:
        summary = await _close_reseller(
            period,
            resellers[group["reseller_id"]],
            Totals.of(group),
            actor=actor,
            public_url=public_url,
            as_of=as_of,
        )
        if summary is not None:
            created += 1
            summarized += summary.count
            total += summary.total
    row = await _record_close(period, actor=actor, now=clock.now())
    await record(
        actor,
        "billing_period.closed",
        reseller_id=None,
        target=row,
        target_label=str(period),
        changes={"summaries_created": created, "invoices_summarized": summarized},
    )
    logger.info(
        "closed %s: %d summary invoice(s) of %d invoice(s) by %s",
        period,
        created,
        summarized,
        actor.label,
    )
    return ClosedPeriod(period, created, summarized, total, row)


class _NothingToSummarize(Exception):
    """Raised inside a reseller's transaction to roll it back."""


async def _close_reseller(
    period: Period,
    reseller: Reseller,
    expected: Totals,
    *,
    actor: Actor,
    public_url: str,
    as_of: datetime,
) -> Totals | None:
    """The reseller's summary of ``period``, one transaction; None when there is none to make
    (another close made it first, or its invoices went meanwhile)."""
    try:
        async with in_transaction():
            summary, actual = await _summarize(period, reseller, expected, as_of)
            await notify_summary_created(
                reseller=reseller,
                summary=summary,
                invoice_count=actual.count,
                public_url=public_url,
            )
            await record(
                actor,
                "invoice.summarized",
                reseller_id=reseller.id,
                target=summary,
                target_label=summary.number,
                changes={"period": str(period), "invoices": actual.count, "total": actual.total},
            )
            await webhooks.invoice_summarized(summary)
            return actual
    except IntegrityError:
        if not await Invoice.exists(reseller_id=reseller.id, period=str(period)):
            raise  # another constraint: a real error
        return None  # a concurrent close made this reseller's summary
    except _NothingToSummarize:
        return None


async def _summarize(
    period: Period, reseller: Reseller, expected: Totals, as_of: datetime
) -> tuple[Invoice, Totals]:
    """Insert the summary, point its invoices at it and make its totals theirs, to the cent."""
    number = await next_number("invoice", as_of.year)
    summary = await Invoice.create(
        number=number,
        reseller_id=reseller.id,
        kind=InvoiceKind.SUMMARY,
        status=InvoiceStatus.OPEN,
        period=str(period),
        currency="USD",
        subtotal_cents=expected.subtotal,
        discount_cents=expected.discount,
        total_cents=expected.total,
        billing=account_billing(reseller).as_json(),
        notes=SUMMARY_NOTE,
        issued_at=as_of,
        due_at=as_of + DUE_AFTER,
    )
    await pending_before(period.end, reseller.id).update(
        summary_invoice_id=summary.id, notes=summarized_note(number)
    )
    rows = await Invoice.filter(summary_invoice_id=summary.id).annotate(**TOTALS).values(*TOTALS)
    actual = Totals.of(rows[0]) if rows else Totals(0, 0, 0, 0)
    if actual.count == 0:
        raise _NothingToSummarize
    if actual != expected:  # an invoice committed between the two reads
        summary.subtotal_cents = actual.subtotal
        summary.discount_cents = actual.discount
        summary.total_cents = actual.total
        await summary.save(update_fields=["subtotal_cents", "discount_cents", "total_cents"])
    if actual.total == 0:  # nothing to pay (free licenses): settled as it is made
        summary.status, summary.paid_at = InvoiceStatus.PAID, as_of
        await summary.save(update_fields=["status", "paid_at"])
        await Invoice.filter(summary_invoice_id=summary.id).update(
            status=InvoiceStatus.PAID, paid_at=as_of
        )
    return summary, actual


async def _record_close(period: Period, *, actor: Actor, now: datetime) -> BillingPeriod:
    """Write the month's figures (every summary it has) and mark it closed."""
    summaries = (
        await Invoice.filter(kind=InvoiceKind.SUMMARY, period=str(period))
        .annotate(count=Count("id"), total=Sum("total_cents"))
        .values("count", "total")
    )
    children = await Invoice.filter(summary_invoice__period=str(period)).count()
    figures: dict[str, Any] = {
        "summary_count": int(summaries[0]["count"] or 0) if summaries else 0,
        "total_cents": int(summaries[0]["total"] or 0) if summaries else 0,
        "invoice_count": children,
        "claimed_by": "",
        "claimed_until": None,
    }
    try:
        row = await BillingPeriod.create(
            period=str(period), closed_at=now, closed_by_label=actor.label, **figures
        )
    except IntegrityError:
        row = await BillingPeriod.get(period=str(period))
        if row.closed_at is None:
            figures |= {"closed_at": now, "closed_by_label": actor.label}
        await BillingPeriod.filter(id=row.id).update(**figures)
        await row.refresh_from_db()
    return row
