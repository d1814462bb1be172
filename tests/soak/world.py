"""The soak's world: a fresh PostgreSQL database, migrated by the product's migrations and seeded
through the product's own services, as months of business would have left it.

- the catalog (``seed_catalog``), a vendor admin, ``RESELLERS`` partner accounts (the first
  ``INVOICE_PAYERS`` may pay by monthly invoice, the others pay on order by card), each with an
  owner, two purchasers, a billing employee and a viewer, all with one password;
- three months of orders (``purchase``, re-dated like ``backend.commerce.seed``): the month
  before last but one and the month before last are closed into summary invoices (open, to be
  paid during the soak); last month's invoices wait for the close, which the servers' month-close
  scheduler makes when they start (or the vendor admin during the soak, in a month's first
  minutes);
- a few licenses already assigned, so that partners have customers to assign to again.

Every email these leave in the outbox is delivered by the servers once they start.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tortoise import Tortoise
from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import Employee, Reseller
from backend.billing.closing import close_period
from backend.billing.models import Invoice, Payment
from backend.billing.periods import Period
from backend.catalog.seed import seed_catalog
from backend.commerce.checkout import Payment as CheckoutPayment
from backend.commerce.checkout import purchase
from backend.commerce.lines import NewLicenseRequest
from backend.commerce.models import Order, PaymentMethod
from backend.db import migrate, tortoise_config
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.identity.passwords import hash_password
from backend.identity.roles import Role
from backend.identity.sessions import actor_for, start_session
from backend.licensing.assignment import assign_license
from backend.licensing.models import License
from backend.payments.gateway import SandboxGateway

PASSWORD = "soak-password-2718"
RESELLERS = 10
INVOICE_PAYERS = 7
DISCOUNTS = (0, 1000, 2000, 3000)
ORDERS_PER_MONTH = 2
ASSIGNED_PER_ACCOUNT = 3
LINKS_URL = "http://127.0.0.1"
"""Where the seeded emails' links point (the servers' own addresses are not known yet)."""
HISTORY = (
    NewLicenseRequest("smartermail", "professional", "250", ("cyren-antispam",), 3),
    NewLicenseRequest("smartermail", "enterprise", "1000", ("activesync",), 2),
    NewLicenseRequest("smartertrack", "professional", "5", ("communicator",), 4),
    NewLicenseRequest("smartertrack", "enterprise", "10", (), 2),
    NewLicenseRequest("smarterstats", "professional", "250", (), 3),
    NewLicenseRequest("smarterstats", "enterprise", "1000", (), 2),
)


@dataclass
class Account:
    """A partner account of the soak and the logins of its people."""

    id: int
    name: str
    by_invoice: bool
    owner: str
    purchasers: list[str]
    billing: str
    viewer: str
    customers: list[str] = field(default_factory=list)
    """Customers it has assigned licenses to."""


@dataclass
class World:
    database_url: str
    password: str
    admin: str
    accounts: list[Account]
    last_month: str
    """The month the servers' scheduler (or the admin) closes: YYYY-MM."""
    closed_months: list[str]
    """The months closed while seeding."""
    sessions: dict[str, str] = field(default_factory=dict)
    """Login -> the token of a session started for it (as ``login`` does, without the Argon2
    check that fifty sign-ins at once would spend the servers' CPU on)."""

    def logins(self) -> list[str]:
        """Every staff login of the world."""
        found = [self.admin]
        for account in self.accounts:
            found += [account.owner, *account.purchasers, account.billing, account.viewer]
        return found


def _mid_month(period: Period, day: int, hour: int) -> datetime:
    return period.start.replace(day=day, hour=hour)


async def _user(email: str, name: str, role: Role, reseller: Reseller | None, hash_: str) -> None:
    user = await User.create(
        email=email, name=name, role=role, reseller=reseller, password_hash=hash_
    )
    if reseller is not None:
        await Employee.create(reseller=reseller, name=name, email=email, user=user)


async def _accounts(password_hash: str) -> list[Account]:
    accounts = []
    for n in range(RESELLERS):
        domain = f"r{n:02d}.soak.example"
        reseller = await Reseller.create(
            name=f"Soak Reseller {n:02d}",
            discount_bps=DISCOUNTS[n % len(DISCOUNTS)],
            may_pay_by_invoice=n < INVOICE_PAYERS,
            contact_name=f"Owner {n:02d}",
            address_line1=f"{n + 1} Soak Street",
            city="Springfield",
            postal_code="62701",
            country="US",
            billing_email=f"billing@{domain}",
        )
        account = Account(
            id=reseller.id,
            name=reseller.name,
            by_invoice=reseller.may_pay_by_invoice,
            owner=f"owner@{domain}",
            purchasers=[f"purchaser1@{domain}", f"purchaser2@{domain}"],
            billing=f"billing@{domain}",
            viewer=f"viewer@{domain}",
        )
        people = [
            (account.owner, Role.RESELLER_OWNER),
            *((email, Role.RESELLER_PURCHASER) for email in account.purchasers),
            (account.billing, Role.RESELLER_BILLING),
            (account.viewer, Role.RESELLER_VIEWER),
        ]
        for email, role in people:
            await _user(email, email.split("@")[0].title(), role, reseller, password_hash)
        accounts.append(account)
    return accounts


async def _redate(order_id: int, when: datetime) -> None:
    """Move an order, its invoice (and payment) and its licenses to ``when``."""
    async with in_transaction():
        await Order.filter(id=order_id).update(placed_at=when)
        invoice = await Invoice.get(order_id=order_id)
        paid = invoice.paid_at is not None
        await Invoice.filter(id=invoice.id).update(
            issued_at=when, **({"due_at": when, "paid_at": when} if paid else {})
        )
        await Payment.filter(invoice_id=invoice.id).update(received_at=when)
        await License.filter(order_id=order_id).update(created_at=when)


async def _history(accounts: list[Account], months: list[Period], rng: random.Random) -> None:
    gateway = SandboxGateway()
    for back, period in enumerate(months):
        for account in accounts:
            buyer = await User.get(email=account.purchasers[0])
            for n in range(ORDERS_PER_MONTH):
                method = PaymentMethod.INVOICE if account.by_invoice else PaymentMethod.PAY_ON_ORDER
                placed = await purchase(
                    actor=actor_for(buyer),
                    lines=rng.sample(HISTORY, 2),
                    payment=CheckoutPayment(method, None if account.by_invoice else "tok_success"),
                    idempotency_key=f"soak-history-{back}-{n}",
                    gateway=gateway,
                    public_url=LINKS_URL,
                )
                await _redate(placed.order.id, _mid_month(period, 10 + 5 * n, 9 + n))


async def _assign_some(accounts: list[Account]) -> None:
    for account in accounts:
        seller = await User.get(email=account.owner)
        keys = (
            await License.filter(reseller_id=account.id, personal=False, customer_id=None)
            .order_by("id")
            .limit(ASSIGNED_PER_ACCOUNT)
            .values_list("key", flat=True)
        )
        for n, key in enumerate(keys):
            email = f"customer{n}@{account.owner.split('@')[1].replace('r', 'c', 1)}"
            await assign_license(
                actor=actor_for(seller),
                license_key=str(key),
                email=email,
                name=f"Customer {n}",
                public_url=LINKS_URL,
            )
            account.customers.append(email)


async def build(database_url: str, *, seed: int = 1) -> World:
    """Migrate the (empty) database at ``database_url`` and seed it."""
    await migrate(database_url)
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        rng = random.Random(seed)
        now = clock.now()
        last = Period.containing(now).previous()
        months = [last.previous().previous(), last.previous(), last]
        async with in_transaction():
            await seed_catalog()
            password_hash = await hash_password(PASSWORD)
            await _user("admin@soak.example", "Soak Admin", Role.VENDOR_ADMIN, None, password_hash)
            accounts = await _accounts(password_hash)
        await _history(accounts, months, rng)
        admin = Actor(role=Role.VENDOR_ADMIN, label="soak seeding")
        for closed in months[:2]:
            await close_period(
                closed, actor=admin, public_url=LINKS_URL, as_of=closed.end + timedelta(days=1)
            )
        await _assign_some(accounts)
        world = World(
            database_url=database_url,
            password=PASSWORD,
            admin="admin@soak.example",
            accounts=accounts,
            last_month=str(last),
            closed_months=[str(m) for m in months[:2]],
        )
        for user in await User.filter(email__in=world.logins()):
            started = await start_session(user, ip_address="127.0.0.1", user_agent="soak")
            world.sessions[user.email] = started.token
        return world
    finally:
        await Tortoise.close_connections()
