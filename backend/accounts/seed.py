"""The demo accounts of DESIGN.md §7: the vendor admin, two resellers with their people, and a
customer. All demo logins share the password from ``PARTNER_PORTAL_DEMO_PASSWORD``."""

from __future__ import annotations

from dataclasses import dataclass, field

from backend.accounts.models import Employee, MailingList, MailingListSubscription, Reseller
from backend.identity.models import User
from backend.identity.passwords import hash_password
from backend.identity.roles import Role


@dataclass(frozen=True)
class DemoPerson:
    name: str
    email: str
    role: Role | None
    job_title: str = ""
    lists: tuple[MailingList, ...] = ()


@dataclass(frozen=True)
class DemoReseller:
    name: str
    discount_bps: int
    contact: dict[str, str]
    people: tuple[DemoPerson, ...] = field(default_factory=tuple)


DEMO_RESELLERS = (
    DemoReseller(
        "Reseller Example Inc.",
        2000,
        {
            "contact_name": "Olivia Owner",
            "address_line1": "100 Market Street",
            "city": "Springfield",
            "postal_code": "62701",
            "region": "IL",
            "country": "US",
            "phone": "+1 555 010 2000",
            "billing_email": "billing@reseller.example",
        },
        (
            DemoPerson(
                "Olivia Owner",
                "owner@reseller.example",
                Role.RESELLER_OWNER,
                "CEO",
                tuple(MailingList),
            ),
            DemoPerson(
                "Peter Purchaser",
                "purchaser@reseller.example",
                Role.RESELLER_PURCHASER,
                "Sales",
                (MailingList.PRODUCT_NEWS,),
            ),
            DemoPerson(
                "Bianca Billing",
                "billing@reseller.example",
                Role.RESELLER_BILLING,
                "Accounting",
                (MailingList.BILLING_NOTICES,),
            ),
            DemoPerson("Victor Viewer", "viewer@reseller.example", Role.RESELLER_VIEWER, "Support"),
            DemoPerson(
                "Carla Contact",
                "carla@reseller.example",
                None,
                "IT manager",
                (MailingList.SECURITY_ADVISORIES,),
            ),
        ),
    ),
    DemoReseller(
        "Second Reseller Example LLC",
        3000,
        {
            "contact_name": "Sam Second",
            "address_line1": "7 Harbour Road",
            "city": "Portsmouth",
            "postal_code": "PO1 2AB",
            "country": "GB",
            "phone": "+44 23 9200 0000",
            "billing_email": "owner@second-reseller.example",
        },
        (
            DemoPerson(
                "Sam Second",
                "owner@second-reseller.example",
                Role.RESELLER_OWNER,
                "Managing director",
                tuple(MailingList),
            ),
        ),
    ),
)

DEMO_ADMIN = ("Vera Vendor", "admin@example.com")
DEMO_CUSTOMER = ("Casey Customer", "customer@example.com")


async def seed_demo_accounts(*, password: str) -> None:
    """Idempotent: what exists (and whatever was changed in it) is left alone."""
    password_hash = await hash_password(password)
    await _user(DEMO_ADMIN, Role.VENDOR_ADMIN, None, password_hash)
    await _user(DEMO_CUSTOMER, Role.CUSTOMER, None, password_hash)
    for demo in DEMO_RESELLERS:
        reseller, created = await Reseller.get_or_create(
            name=demo.name,
            defaults={
                "discount_bps": demo.discount_bps,
                "may_pay_by_invoice": True,
                **demo.contact,
            },
        )
        if not created:
            continue
        for person in demo.people:
            user = None
            if person.role is not None:
                user = await _user(
                    (person.name, person.email), person.role, reseller, password_hash
                )
            employee = await Employee.create(
                reseller=reseller,
                name=person.name,
                email=person.email,
                user=user,
                job_title=person.job_title,
            )
            for mailing_list in person.lists:
                await MailingListSubscription.create(
                    reseller=reseller, employee=employee, mailing_list=mailing_list
                )


async def _user(
    person: tuple[str, str], role: Role, reseller: Reseller | None, password_hash: str
) -> User:
    name, email = person
    user, _ = await User.get_or_create(
        email=email,
        defaults={"name": name, "role": role, "reseller": reseller, "password_hash": password_hash},
    )
    return user
