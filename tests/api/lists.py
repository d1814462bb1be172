"""Two accounts with rows in every sortable list, whose sort values tie on purpose (so that the
id tie-breaker decides), for the list sorting and filtering tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from backend.accounts.models import Employee, Reseller
from backend.billing.models import Invoice, InvoiceStatus, Payment, PaymentKind
from backend.catalog.models import Product
from backend.catalog.seed import seed_catalog
from backend.commerce import cart, checkout
from backend.commerce.models import Order, PaymentMethod
from backend.identity.models import User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.models import License
from backend.payments.gateway import SandboxGateway
from tests.billing.invoicing import make_pending_invoices
from tests.identity.factories import make_reseller, make_user

START = datetime(2026, 1, 1, tzinfo=UTC)
DAYS = (3, 1, 1, 4, 0, 0, 2)
"""Offsets that tie: seven rows, three distinct pairs."""
AMOUNTS = (500, 100, 500, 900, 100, 700, 500)
BILLING = {
    "address_line1": "1 Main Street",
    "city": "Springfield",
    "country": "US",
    "billing_email": "billing@acme.example",
}


@dataclass
class Account:
    reseller: Reseller
    owner: User
    license_ids: list[int] = field(default_factory=list)
    invoice_ids: list[int] = field(default_factory=list)
    order_ids: list[int] = field(default_factory=list)


async def make_account(name: str) -> Account:
    reseller = await make_reseller(name, **BILLING)
    return Account(reseller, await make_user(Role.RESELLER_OWNER, reseller))


def _moment(i: int) -> datetime:
    return START + timedelta(days=DAYS[i % len(DAYS)])


async def grow_licenses(account: Account, n: int = 7) -> None:
    """``n`` licenses bought on one order, then given tying creation and M&S moments."""
    if not await Product.exists():
        await seed_catalog()
    placed = await checkout.purchase(
        actor=actor_for(account.owner),
        lines=[cart.NewLicenseRequest("smartermail", "enterprise", "250", (), n)],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key=f"licenses-{account.reseller.id}-{await License.all().count()}",
        gateway=SandboxGateway(),
    )
    for i, license in enumerate(placed.licenses):
        await License.filter(id=license.id).update(
            created_at=_moment(i), maintenance_expires_at=_moment(i + 3)
        )
        account.license_ids.append(license.id)


async def grow_customers(account: Account, names: tuple[str, ...]) -> list[User]:
    """One customer per name, each assigned one of the account's licenses."""
    await grow_licenses(account, len(names))
    customers = []
    for i, (name, license_id) in enumerate(zip(names, account.license_ids, strict=False)):
        known = await User.all().count()
        user = await make_user(
            Role.CUSTOMER, email=f"c{known}-{i}@customer.example", name=name, password=None
        )
        await User.filter(id=user.id).update(created_at=_moment(i))
        await License.filter(id=license_id).update(customer_id=user.id, assigned_at=_moment(i))
        customers.append(user)
    return customers


async def grow_documents(account: Account, numbers: tuple[int, ...], *, year: int = 2026) -> None:
    """One invoiced order and its invoice per sequence number, with tying totals and moments."""
    invoices = await make_pending_invoices([account.reseller], len(numbers), start=START)
    for i, (invoice, number) in enumerate(zip(invoices, numbers, strict=True)):
        total = AMOUNTS[i % len(AMOUNTS)]
        money = {"subtotal_cents": total, "discount_cents": 0, "total_cents": total}
        await Invoice.filter(id=invoice.id).update(
            number=f"INV-{year}-{number:06d}", issued_at=_moment(i), **money
        )
        assert invoice.order_id is not None
        await Order.filter(id=invoice.order_id).update(
            number=f"ORD-{year}-{number:06d}",
            placed_at=_moment(i + 1),
            payment_method=PaymentMethod.INVOICE if i % 3 else PaymentMethod.PAY_ON_ORDER,
            **money,
        )
        account.invoice_ids.append(invoice.id)
        account.order_ids.append(invoice.order_id)
    # a variety of statuses: every third one paid
    paid = account.invoice_ids[::3]
    for invoice_id in paid:
        invoice = await Invoice.get(id=invoice_id)
        await Invoice.filter(id=invoice_id).update(
            status=InvoiceStatus.PAID,
            amount_paid_cents=invoice.total_cents,
            paid_at=invoice.issued_at,
            notes="",
        )


async def grow_payments(account: Account, n: int = 7) -> None:
    """``n`` payments of the account's invoices, by card or transfer, with tying amounts."""
    if not account.invoice_ids:
        await grow_documents(account, tuple(range(1, n + 1)), year=2026 + account.reseller.id)
    for i in range(n):
        await Payment.create(
            reseller_id=account.reseller.id,
            invoice_id=account.invoice_ids[i % len(account.invoice_ids)],
            kind=PaymentKind.CARD if i % 2 else PaymentKind.BANK_TRANSFER,
            amount_cents=AMOUNTS[i % len(AMOUNTS)],
            reference=f"ref-{i}",
            received_at=_moment(i),
        )


async def grow_employees(account: Account) -> None:
    """People with a login in several roles and contacts without one, with tying names."""
    roles = (Role.RESELLER_BILLING, Role.RESELLER_VIEWER, Role.RESELLER_BILLING)
    for i, role in enumerate(roles):
        await make_user(role, account.reseller, name="Sam Same" if i < 2 else f"Billing {i}")
    for name in ("Sam Same", "Alex Contact", "Zoe Contact"):
        known = await Employee.all().count()
        await Employee.create(
            reseller=account.reseller, name=name, email=f"contact{known}@acme.example"
        )
    for i, employee in enumerate(await Employee.filter(reseller_id=account.reseller.id)):
        await Employee.filter(id=employee.id).update(created_at=_moment(i))


async def grow_resellers(n: int = 7) -> None:
    """``n`` more accounts with tying discounts and creation moments."""
    for i in range(n):
        reseller = await make_reseller(discount_bps=AMOUNTS[i % len(AMOUNTS)])
        await Reseller.filter(id=reseller.id).update(created_at=_moment(i))
