"""``seed-demo``: the demo logins of DESIGN.md §7, idempotently."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backend import clock
from backend.accounts.models import Employee, Reseller
from backend.billing.models import Invoice, InvoiceKind, InvoiceStatus
from backend.billing.periods import Period
from backend.commerce.models import Order
from backend.demo import seed_demo
from backend.identity.models import User
from backend.identity.passwords import verify_password
from backend.identity.roles import Role
from backend.licensing.models import License
from tests.identity.factories import DEMO_PASSWORD

DEMO_LOGINS = {
    "admin@example.com": (Role.VENDOR_ADMIN, None),
    "owner@reseller.example": (Role.RESELLER_OWNER, "Reseller Example Inc."),
    "purchaser@reseller.example": (Role.RESELLER_PURCHASER, "Reseller Example Inc."),
    "billing@reseller.example": (Role.RESELLER_BILLING, "Reseller Example Inc."),
    "viewer@reseller.example": (Role.RESELLER_VIEWER, "Reseller Example Inc."),
    "owner@second-reseller.example": (Role.RESELLER_OWNER, "Second Reseller Example LLC"),
    "customer@example.com": (Role.CUSTOMER, None),
}

pytestmark = pytest.mark.usefixtures("db")


async def test_the_demo_logins_exist_with_the_demo_password() -> None:
    await seed_demo(password=DEMO_PASSWORD)

    users = {u.email: u for u in await User.all().prefetch_related("reseller")}
    assert set(users) == set(DEMO_LOGINS)
    for email, (role, reseller) in DEMO_LOGINS.items():
        user = users[email]
        assert user.role is role
        assert (user.reseller.name if user.reseller else None) == reseller
        assert await verify_password(user.password_hash, DEMO_PASSWORD)
    discounts = {r.name: r.discount_bps for r in await Reseller.all()}
    assert discounts == {"Reseller Example Inc.": 2000, "Second Reseller Example LLC": 3000}
    assert all(r.may_pay_by_invoice for r in await Reseller.all())
    contacts = await Employee.filter(user_id__isnull=True).count()
    assert contacts >= 1


async def test_seeding_twice_changes_nothing_and_keeps_changed_passwords() -> None:
    await seed_demo(password=DEMO_PASSWORD)
    admin = await User.get(email="admin@example.com")
    admin.password_hash = "changed"
    await admin.save()

    await seed_demo(password="another-demo-password")

    assert (await User.get(email="admin@example.com")).password_hash == "changed"
    assert await User.all().count() == len(DEMO_LOGINS)
    assert await Employee.all().count() == 6


async def test_the_demo_has_a_few_orders_invoices_and_licenses_once() -> None:
    # given the demo, seeded twice
    await seed_demo(password=DEMO_PASSWORD)
    await seed_demo(password=DEMO_PASSWORD)

    # then each sample reseller has its orders, each with its invoice and licenses
    orders = await Order.all().prefetch_related("reseller")
    assert sorted(o.reseller.name for o in orders) == [
        *["Reseller Example Inc."] * 5,
        *["Second Reseller Example LLC"] * 2,
    ]
    kinds = sorted((i.kind, i.status) for i in await Invoice.all())
    assert kinds == [
        *[(InvoiceKind.ORDER, InvoiceStatus.PAID)] * 2,
        *[(InvoiceKind.ORDER, InvoiceStatus.PENDING_SUMMARY)] * 5,
        *[(InvoiceKind.SUMMARY, InvoiceStatus.OPEN)] * 2,
    ]
    # and last month's orders on invoice are each reseller's unpaid summary of last month
    last_month = str(Period.containing(clock.now()).previous())
    for summary in await Invoice.filter(kind=InvoiceKind.SUMMARY):
        assert summary.period == last_month
        children = await Invoice.filter(summary_invoice_id=summary.id)
        assert all(c.issued_at < Period.parse(last_month).end for c in children)
        assert summary.total_cents == sum(c.total_cents for c in children)
    assert await License.all().count() == 8 + 2 + 1 + 1 + 3
    assert await License.filter(personal=True).count() == 1
    # and the first reseller's licenses bought almost a year ago have M&S ending within 60 days
    now = clock.now()
    ending = License.filter(
        maintenance_expires_at__gt=now, maintenance_expires_at__lte=now + timedelta(days=60)
    )
    assert await ending.filter(reseller__name="Reseller Example Inc.").count() == 3
    assert await ending.count() == 3
