"""Demo orders: a few licenses and invoices for the sample resellers, bought through checkout,
and the demo customer's license, assigned like a partner assigns one.

Each demo order has its own idempotency key, so seeding again finds it and buys nothing; the demo
customer is given a license only while it has none of the first demo reseller (several processes
seeding at once give it one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from backend import clock
from backend.billing.models import Invoice
from backend.billing.models import Payment as InvoicePayment
from backend.billing.periods import Period
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.checkout import Payment, Placed, purchase
from backend.commerce.models import IdempotencyRecord, Order, PaymentMethod
from backend.commerce.pricing import add_months
from backend.errors import DomainError, ErrorKind
from backend.identity.models import User
from backend.identity.sessions import actor_for
from backend.licensing.assignment import assign_license
from backend.licensing.models import License
from backend.payments.gateway import SandboxGateway


@dataclass(frozen=True, slots=True)
class DemoOrder:
    buyer: str
    key: str
    payment: Payment
    lines: tuple[NewLicenseRequest, ...]
    last_month: bool = False
    """Placed in the previous month (its order, invoice and licenses are dated then), so that
    the month's close gives the demo an unpaid summary invoice."""
    maintenance_ends_in: timedelta | None = None
    """Placed (and paid) a year before its licenses' M&S ends, this long after seeding, so that
    the home page lists licenses whose M&S ends soon, each ready for a one-click renewal."""


DEMO_ORDERS = (
    DemoOrder(
        buyer="owner@reseller.example",
        key="demo-order-1",
        payment=Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        lines=(
            NewLicenseRequest(
                "smartermail", "enterprise", "1000", ("activesync", "cyren-antispam"), 2
            ),
            NewLicenseRequest("smarterstats", "professional", "250", personal=True),
        ),
    ),
    DemoOrder(
        buyer="purchaser@reseller.example",
        key="demo-order-2",
        payment=Payment(PaymentMethod.INVOICE),
        lines=(NewLicenseRequest("smartertrack", "professional", "5", quantity=3),),
    ),
    DemoOrder(
        buyer="owner@second-reseller.example",
        key="demo-order-1",
        payment=Payment(PaymentMethod.INVOICE),
        lines=(NewLicenseRequest("smartermail", "professional", "250", quantity=2),),
    ),
    DemoOrder(
        buyer="purchaser@reseller.example",
        key="demo-order-last-month-1",
        payment=Payment(PaymentMethod.INVOICE),
        lines=(NewLicenseRequest("smartermail", "professional", "1000", quantity=2),),
        last_month=True,
    ),
    DemoOrder(
        buyer="owner@reseller.example",
        key="demo-order-last-month-2",
        payment=Payment(PaymentMethod.INVOICE),
        lines=(NewLicenseRequest("smartertrack", "enterprise", "10", ("communicator",), 1),),
        last_month=True,
    ),
    DemoOrder(
        buyer="owner@second-reseller.example",
        key="demo-order-last-month-1",
        payment=Payment(PaymentMethod.INVOICE),
        lines=(NewLicenseRequest("smartertrack", "professional", "5", quantity=1),),
        last_month=True,
    ),
    DemoOrder(
        buyer="owner@reseller.example",
        key="demo-order-last-year",
        payment=Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        lines=(NewLicenseRequest("smartermail", "professional", "250", quantity=3),),
        maintenance_ends_in=timedelta(days=45),
    ),
)
LAST_MONTH_DAY = 15


async def _date_a_year_before(placed: Placed, maintenance_ends: datetime) -> None:
    """Move a paid demo order, its invoice, payment and licenses to a year before their M&S ends."""
    when = add_months(maintenance_ends, -12)
    async with in_transaction():
        await Order.filter(id=placed.order.id).update(placed_at=when)
        await Invoice.filter(id=placed.invoice.id).update(issued_at=when, due_at=when, paid_at=when)
        await InvoicePayment.filter(invoice_id=placed.invoice.id).update(received_at=when)
        await License.filter(order_id=placed.order.id).update(
            created_at=when, maintenance_expires_at=maintenance_ends
        )


DEMO_ASSIGNMENT = ("owner@reseller.example", "customer@example.com")
"""Who assigns one of its licenses to the demo customer (the others stay unassigned)."""


async def seed_demo_orders(*, public_url: str) -> None:
    """Place the demo orders that are not there yet (each in its own checkout transaction),
    then assign one license to the demo customer (``public_url``: the email's sign-in link)."""
    gateway = SandboxGateway()
    for demo in DEMO_ORDERS:
        buyer = await User.get_or_none(email=demo.buyer)
        if buyer is None or buyer.reseller_id is None:
            continue
        if await IdempotencyRecord.exists(reseller_id=buyer.reseller_id, key=demo.key):
            continue
        placed = await purchase(
            actor=actor_for(buyer),
            lines=demo.lines,
            payment=demo.payment,
            idempotency_key=demo.key,
            gateway=gateway,
        )
        if placed.replayed:
            continue
        if demo.last_month:
            await _date_last_month(placed, hour=len(demo.key) % 12)
        if demo.maintenance_ends_in is not None:
            await _date_a_year_before(placed, clock.now() + demo.maintenance_ends_in)
    await _assign_demo_license(public_url=public_url)


async def _date_last_month(placed: Placed, *, hour: int) -> None:
    """Move a demo order, its invoice and its licenses to the previous month."""
    when = Period.containing(clock.now()).previous().start.replace(day=LAST_MONTH_DAY, hour=hour)
    async with in_transaction():
        await Order.filter(id=placed.order.id).update(placed_at=when)
        await Invoice.filter(id=placed.invoice.id).update(issued_at=when)
        await License.filter(order_id=placed.order.id).update(created_at=when)


async def _assign_demo_license(*, public_url: str) -> None:
    seller_email, customer_email = DEMO_ASSIGNMENT
    seller = await User.get_or_none(email=seller_email)
    customer = await User.get_or_none(email=customer_email)
    if seller is None or seller.reseller_id is None or customer is None:
        return
    licenses = License.filter(reseller_id=seller.reseller_id)
    if await licenses.filter(customer_id=customer.id).exists():
        return
    # always the seller's first license for resale, so that processes seeding at once all
    # reach for the same one and exactly one of them assigns it
    license = await licenses.filter(personal=False).order_by("id").first()
    if license is None or license.customer_id is not None:
        return
    try:
        await assign_license(
            actor=actor_for(seller),
            license_key=license.key,
            email=customer.email,
            public_url=public_url,
        )
    except DomainError as error:
        # another process seeding at the same moment assigned this license to the demo
        # customer first: the demo has its assignment
        conflict = any(problem.kind is ErrorKind.CONFLICT for problem in error.problems)
        if not conflict or not await licenses.filter(customer_id=customer.id).exists():
            raise
