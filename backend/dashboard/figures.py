"""The home page's figures: aggregates summed by the database, a fixed number of queries each.

Every figure reads through the actor's tenant scope (``Actor.scope``): a partner sees its own
account, a vendor admin every account. Amounts are integer cents added up in SQL, never floats;
months are calendar months in UTC (``Period``), counted from the clock's ``now`` the caller passes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.expressions import Case, Q, Subquery, When
from tortoise.functions import Count, Min, Sum

from backend.audit.models import AuditEvent
from backend.billing.models import Invoice, InvoiceStatus
from backend.billing.periods import Period
from backend.commerce.models import Order, OrderLine
from backend.identity.actor import Actor
from backend.identity.roles import Permission
from backend.licensing.models import License

MAINTENANCE_WINDOW = timedelta(days=60)
"""How far ahead "M&S ending soon" looks."""
MONTHS = 12
"""How many months the purchases chart shows, the current one last."""
DUE_AT = Invoice._meta.fields_map["due_at"]


@dataclass(frozen=True, slots=True)
class LicenseFigures:
    unassigned: int
    """Licenses for resale not assigned to a customer yet (personal ones never are)."""
    maintenance_ending: int
    """Licenses whose M&S ends within ``MAINTENANCE_WINDOW`` from now."""


@dataclass(frozen=True, slots=True)
class InvoiceFigures:
    """What the account owes on its open invoices (summaries and unpaid pay-on-order ones)."""

    amount_due_cents: int
    overdue_cents: int
    """The part of ``amount_due_cents`` already past its due date."""
    next_due_at: datetime | None


@dataclass(frozen=True, slots=True)
class OrderFigures:
    """The orders placed in the current calendar month."""

    count: int
    total_cents: int


@dataclass(frozen=True, slots=True)
class MonthPurchases:
    """What the account bought in one calendar month, by product."""

    period: Period
    total_cents: int
    by_product: dict[int, int]
    """Cents per product id, largest first; products not bought that month are left out."""


async def license_figures(*, actor: Actor, now: datetime) -> LicenseFigures:
    """Both license counts, one query each: each reads only its own rows through an index
    (``(reseller_id, customer_id)`` for the unassigned, ``(reseller_id,
    maintenance_expires_at, id)`` for M&S ending), where one query counting both read every
    license of the account (2.6 ms against 0.8 at 10,000 licenses, SQLite)."""
    actor.require(Permission.LICENSES_READ)
    licenses = actor.scope(License)
    unassigned = await licenses.filter(customer_id__isnull=True, personal=False).count()
    ending = await licenses.filter(_maintenance_ending(now)).count()
    return LicenseFigures(unassigned=unassigned, maintenance_ending=ending)


async def maintenance_ending(*, actor: Actor, now: datetime, first: int) -> list[License]:
    """Up to ``first`` licenses whose M&S ends within the window, the soonest first."""
    actor.require(Permission.LICENSES_READ)
    return (
        await actor.scope(License)
        .filter(_maintenance_ending(now))
        .order_by("maintenance_expires_at", "id")
        .limit(first)
    )


def _maintenance_ending(now: datetime) -> Q:
    return Q(maintenance_expires_at__gte=now, maintenance_expires_at__lt=now + MAINTENANCE_WINDOW)


async def invoice_figures(*, actor: Actor, now: datetime) -> InvoiceFigures:
    """Amount due, overdue part and next due date of the open invoices, in one query."""
    actor.require(Permission.INVOICES_READ)
    overdue = Q(due_at__lt=now)
    rows = (
        await actor.scope(Invoice)
        .filter(status=InvoiceStatus.OPEN)
        .annotate(
            total=Sum("total_cents"),
            paid=Sum("amount_paid_cents"),
            overdue_total=Sum("total_cents", _filter=overdue),
            overdue_paid=Sum("amount_paid_cents", _filter=overdue),
            next_due=Min("due_at"),
        )
        .values("total", "paid", "overdue_total", "overdue_paid", "next_due")
    )
    row = rows[0] if rows else {}
    return InvoiceFigures(
        amount_due_cents=_cents(row.get("total")) - _cents(row.get("paid")),
        overdue_cents=_cents(row.get("overdue_total")) - _cents(row.get("overdue_paid")),
        next_due_at=_moment(row.get("next_due")),
    )


async def orders_this_month(*, actor: Actor, now: datetime) -> OrderFigures:
    """How many orders the current calendar month (UTC) has, and their total after discount."""
    actor.require(Permission.ORDERS_READ)
    month = Period.containing(now)
    rows = (
        await actor.scope(Order)
        .filter(placed_at__gte=month.start, placed_at__lt=month.end)
        .annotate(count=Count("id"), total=Sum("total_cents"))
        .values("count", "total")
    )
    row = rows[0] if rows else {}
    return OrderFigures(count=int(row.get("count") or 0), total_cents=_cents(row.get("total")))


def last_months(now: datetime) -> list[Period]:
    """The ``MONTHS`` calendar months up to the one of ``now``, oldest first."""
    periods = [Period.containing(now)]
    while len(periods) < MONTHS:
        periods.append(periods[-1].previous())
    return periods[::-1]


async def monthly_purchases(*, actor: Actor, now: datetime) -> list[MonthPurchases]:
    """The last ``MONTHS`` months' purchases (order lines' totals after discount) by product,
    oldest first, in one query grouped by month and product; a month without orders is 0."""
    actor.require(Permission.ORDERS_READ)
    periods = last_months(now)
    # each line's month as a CASE over the months' bounds ("YYYY-MM", text: PostgreSQL types
    # the parameters so), the same SQL on every engine
    month = Case(
        *(
            When(Q(order__placed_at__gte=p.start, order__placed_at__lt=p.end), then=str(p))
            for p in periods
        ),
        default="",
    )
    chart = Q(placed_at__gte=periods[0].start, placed_at__lt=periods[-1].end)
    orders = actor.scope(Order).filter(chart)
    rows = (
        await OrderLine.filter(
            # the join the CASE reads the month from, and the tenant scope as a subquery
            order__placed_at__gte=periods[0].start,
            order__placed_at__lt=periods[-1].end,
            order_id__in=Subquery(orders.values("id")),
        )
        .annotate(month=month, total=Sum("total_cents"))
        .group_by("month", "product_id")
        .values("month", "product_id", "total")
    )
    cents: dict[str, dict[int, int]] = defaultdict(dict)
    for row in rows:
        cents[row["month"]][row["product_id"]] = _cents(row["total"])
    return [
        MonthPurchases(
            period=period,
            total_cents=sum(cents[str(period)].values()),
            by_product=dict(
                sorted(cents[str(period)].items(), key=lambda item: (-item[1], item[0]))
            ),
        )
        for period in periods
    ]


async def recent_activity(*, actor: Actor, first: int) -> list[AuditEvent]:
    """The newest ``first`` audit events the actor may read."""
    actor.require(Permission.AUDIT_READ)
    return await actor.scope(AuditEvent).order_by("-occurred_at", "-id").limit(first)


def _cents(value: Any) -> int:
    """A SUM of cents as an int (PostgreSQL answers a numeric; no rows answer NULL)."""
    return int(value) if value is not None else 0


def _moment(value: Any) -> datetime | None:
    """An aggregate of a timestamp column as an aware datetime (SQLite answers with text)."""
    if value is None or isinstance(value, datetime):
        return value
    converted: datetime | None = DUE_AT.to_python_value(value)
    return converted
