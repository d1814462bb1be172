"""The home page's figures, computed by the database: exact cents, calendar months, each account
its own."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from backend.accounts.models import Reseller
from backend.audit.services import record
from backend.billing.models import InvoiceStatus
from backend.catalog.models import Product
from backend.catalog.seed import seed_catalog
from backend.dashboard import figures
from backend.errors import DomainError
from backend.identity.actor import Actor
from backend.identity.roles import Role
from tests.dashboard.factories import make_invoice, make_license, make_order
from tests.identity.factories import make_reseller, make_user

NOW = datetime(2026, 5, 15, 12, 0, tzinfo=UTC)
PRODUCTS = ("smartermail", "smartertrack", "smarterstats")


@dataclass
class Accounts:
    a: Reseller
    b: Reseller
    owner_a: Actor
    owner_b: Actor
    vendor: Actor


@pytest.fixture
async def accounts(db: str) -> Accounts:
    await seed_catalog()
    a, b = await make_reseller("A"), await make_reseller("B")
    return Accounts(
        a=a,
        b=b,
        owner_a=Actor(role=Role.RESELLER_OWNER, reseller_id=a.id, label="owner@a"),
        owner_b=Actor(role=Role.RESELLER_OWNER, reseller_id=b.id, label="owner@b"),
        vendor=Actor(role=Role.VENDOR_ADMIN, label="admin"),
    )


async def test_twelve_months_oldest_first_with_empty_months_at_zero(accounts: Accounts) -> None:
    # given orders on both sides of month boundaries
    a = accounts.a
    await make_order(a, datetime(2026, 4, 30, 23, 59, 59, tzinfo=UTC), [("smartermail", 100)])
    await make_order(a, datetime(2026, 5, 1, 0, 0, tzinfo=UTC), [("smartermail", 200)])
    await make_order(a, datetime(2025, 5, 31, 23, 59, 59, tzinfo=UTC), [("smartermail", 400)])
    await make_order(a, datetime(2025, 6, 1, 0, 0, tzinfo=UTC), [("smartertrack", 800)])
    await make_order(a, datetime(2026, 6, 1, 0, 0, tzinfo=UTC), [("smartermail", 1600)])

    # when
    months = await figures.monthly_purchases(actor=accounts.owner_a, now=NOW)

    # then
    assert [str(m.period) for m in months] == [
        *(f"2025-{m:02d}" for m in range(6, 13)),
        *(f"2026-{m:02d}" for m in range(1, 6)),
    ]
    totals = {str(m.period): m.total_cents for m in months}
    assert totals["2025-06"] == 800
    assert totals["2026-04"] == 100
    assert totals["2026-05"] == 200
    assert sum(totals.values()) == 1100  # May 2025 and June 2026 are outside the chart
    assert all(m.by_product == {} for m in months if m.total_cents == 0)


async def test_many_orders_add_up_to_the_cent_by_month_and_product(accounts: Accounts) -> None:
    # given 150 orders of random amounts over the chart's year, with a 20% discount
    rng = random.Random(7)
    products = {p.code: p.id for p in await Product.all()}
    expected: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    this_month = (0, 0)
    start = datetime(2025, 6, 1, tzinfo=UTC)
    for _ in range(150):
        placed = start + (NOW - start) * rng.random()
        lines = [(rng.choice(PRODUCTS), rng.randint(1, 999_999)) for _ in range(rng.randint(1, 3))]
        order = await make_order(accounts.a, placed, lines, discount_bps=2000)
        for code, cents in lines:
            expected[f"{placed:%Y-%m}"][products[code]] += cents - cents * 2000 // 10_000
        if placed >= datetime(2026, 5, 1, tzinfo=UTC):
            this_month = (this_month[0] + 1, this_month[1] + order.total_cents)

    # when
    months = await figures.monthly_purchases(actor=accounts.owner_a, now=NOW)
    orders = await figures.orders_this_month(actor=accounts.owner_a, now=NOW)

    # then
    for month in months:
        wanted = {k: v for k, v in expected[str(month.period)].items() if v}
        assert month.by_product == wanted, month.period
        assert month.total_cents == sum(wanted.values())
        assert list(month.by_product.values()) == sorted(month.by_product.values(), reverse=True)
    assert (orders.count, orders.total_cents) == this_month
    assert this_month[0] > 0


async def test_license_figures_count_unassigned_and_maintenance_ending_soon(
    accounts: Accounts,
) -> None:
    a = accounts.a
    customer = await make_user(Role.CUSTOMER)
    await make_license(a, maintenance_expires_at=NOW + timedelta(days=10))  # both
    await make_license(a, maintenance_expires_at=NOW + timedelta(days=59), customer=customer)
    await make_license(a, maintenance_expires_at=NOW + timedelta(days=61))  # unassigned only
    await make_license(a, maintenance_expires_at=NOW - timedelta(days=1))  # already ended
    await make_license(a, maintenance_expires_at=NOW + timedelta(days=1), personal=True)
    await make_license(accounts.b, maintenance_expires_at=NOW + timedelta(days=5))

    found = await figures.license_figures(actor=accounts.owner_a, now=NOW)
    ending = await figures.maintenance_ending(actor=accounts.owner_a, now=NOW, first=10)
    everyone = await figures.license_figures(actor=accounts.vendor, now=NOW)

    assert (found.unassigned, found.maintenance_ending) == (3, 3)
    assert [lic.maintenance_expires_at - NOW for lic in ending] == [
        timedelta(days=1),
        timedelta(days=10),
        timedelta(days=59),
    ]
    assert (everyone.unassigned, everyone.maintenance_ending) == (4, 4)


async def test_invoice_figures_are_the_open_invoices(accounts: Accounts) -> None:
    a, issued = accounts.a, NOW - timedelta(days=40)
    await make_invoice(a, total_cents=10_001, issued_at=issued, period="2026-03", due_at=NOW)
    await make_invoice(
        a, total_cents=5_000, paid_cents=1_234, issued_at=issued, due_at=NOW - timedelta(days=3)
    )
    await make_invoice(a, total_cents=700, issued_at=issued, due_at=NOW + timedelta(days=9))
    await make_invoice(a, total_cents=900, issued_at=issued, status=InvoiceStatus.PENDING_SUMMARY)
    await make_invoice(a, total_cents=333, issued_at=issued, status=InvoiceStatus.PAID, due_at=NOW)
    await make_invoice(accounts.b, total_cents=77, issued_at=issued, due_at=issued)

    found = await figures.invoice_figures(actor=accounts.owner_a, now=NOW)
    everyone = await figures.invoice_figures(actor=accounts.vendor, now=NOW)

    assert found.amount_due_cents == 10_001 + 5_000 - 1_234 + 700
    assert found.overdue_cents == 5_000 - 1_234  # due exactly now is not overdue yet
    assert found.next_due_at == NOW - timedelta(days=3)
    assert everyone.amount_due_cents == found.amount_due_cents + 77
    assert everyone.overdue_cents == found.overdue_cents + 77
    assert everyone.next_due_at == issued


async def test_an_account_without_anything_has_zeros(accounts: Accounts) -> None:
    invoices = await figures.invoice_figures(actor=accounts.owner_b, now=NOW)
    licenses = await figures.license_figures(actor=accounts.owner_b, now=NOW)
    months = await figures.monthly_purchases(actor=accounts.owner_b, now=NOW)

    assert (invoices.amount_due_cents, invoices.overdue_cents, invoices.next_due_at) == (0, 0, None)
    assert (licenses.unassigned, licenses.maintenance_ending) == (0, 0)
    assert len(months) == 12 and all(m.total_cents == 0 for m in months)


async def test_each_partner_sees_its_own_figures_and_the_vendor_all(accounts: Accounts) -> None:
    await make_order(accounts.a, NOW - timedelta(days=1), [("smartermail", 1_000)])
    await make_order(accounts.b, NOW - timedelta(days=2), [("smarterstats", 20)])
    await record(accounts.owner_a, "test.a", reseller_id=accounts.a.id, target=accounts.a)
    await record(accounts.owner_b, "test.b", reseller_id=accounts.b.id, target=accounts.b)

    a = await figures.orders_this_month(actor=accounts.owner_a, now=NOW)
    b = await figures.orders_this_month(actor=accounts.owner_b, now=NOW)
    both = await figures.orders_this_month(actor=accounts.vendor, now=NOW)
    activity_a = await figures.recent_activity(actor=accounts.owner_a, first=8)
    activity_all = await figures.recent_activity(actor=accounts.vendor, first=8)

    assert (a.count, a.total_cents, b.count, b.total_cents) == (1, 1_000, 1, 20)
    assert (both.count, both.total_cents) == (2, 1_020)
    assert [e.action for e in activity_a] == ["test.a"]
    assert [e.action for e in activity_all] == ["test.b", "test.a"]


async def test_a_figure_needs_its_permission(accounts: Accounts) -> None:
    purchaser = Actor(role=Role.RESELLER_PURCHASER, reseller_id=accounts.a.id)
    with pytest.raises(DomainError):
        await figures.invoice_figures(actor=purchaser, now=NOW)
    with pytest.raises(DomainError):
        await figures.recent_activity(actor=purchaser, first=3)
