"""GraphQL types of reseller accounts: the reseller, its people and its mailing lists."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Protocol

import strawberry
from strawberry import relay

from backend.accounts import mailing_lists, models
from backend.api.context import Info
from backend.api.enums import MailingList as MailingListCode
from backend.api.enums import Permission, ResellerStatus, Role
from backend.api.model_node import ModelNode
from backend.identity.models import User
from backend.money import basis_points_to_percent

CENT = Decimal("0.01")


@strawberry.enum(description="Whether a person can sign in.")
class LoginStatus(Enum):
    NONE = strawberry.enum_value("NONE", description="A contact without a login.")
    INVITED = strawberry.enum_value("INVITED", description="Invited, no password chosen yet.")
    ACTIVE = strawberry.enum_value("ACTIVE", description="Can sign in.")


@strawberry.type(description="A reseller (partner) account: company, contact and terms.")
class Reseller(ModelNode):
    model = models.Reseller
    permission = Permission.ACCOUNT_READ
    id: relay.NodeID[int]
    name: str = strawberry.field(description="The company name.")
    status: ResellerStatus = strawberry.field(description="Active or suspended by the vendor.")
    discount_percent: Decimal = strawberry.field(
        description='The discount the vendor grants on every purchase, e.g. "20.00".'
    )
    may_pay_by_invoice: bool = strawberry.field(
        description="Whether orders may be paid on the monthly summary invoice."
    )
    contact_name: str = strawberry.field(description="The main contact person.")
    address_line1: str = strawberry.field(description="Street address.")
    address_line2: str = strawberry.field(description="Suite, floor, building.")
    city: str = strawberry.field(description="City.")
    postal_code: str = strawberry.field(description="Postal or ZIP code.")
    region: str = strawberry.field(description="State, province or region.")
    country: str = strawberry.field(description="ISO 3166 two-letter country code.")
    phone: str = strawberry.field(description="Phone number.")
    billing_email: str = strawberry.field(description="Where invoices are sent.")
    notify_invoice_created: bool = strawberry.field(
        description="Email the billing address when an invoice is created."
    )
    notify_summary_invoice_created: bool = strawberry.field(
        description="Email the billing address when a monthly summary invoice is created."
    )
    notify_license_assigned: bool = strawberry.field(
        description="Email the billing address when a license is assigned to a customer."
    )
    created_at: datetime = strawberry.field(description="When the account was created.")

    @strawberry.field(description="The email of the account's (first) owner.")
    async def owner_email(self, info: Info) -> str | None:
        owners = await info.context.loaders.owners_by_reseller.load(self.id)
        return min((o.email for o in owners), default=None)

    @classmethod
    def from_row(cls, row: models.Reseller) -> Reseller:
        return cls(
            id=row.id,
            name=row.name,
            status=row.status,
            discount_percent=basis_points_to_percent(row.discount_bps).quantize(CENT),
            may_pay_by_invoice=row.may_pay_by_invoice,
            contact_name=row.contact_name,
            address_line1=row.address_line1,
            address_line2=row.address_line2,
            city=row.city,
            postal_code=row.postal_code,
            region=row.region,
            country=row.country,
            phone=row.phone,
            billing_email=row.billing_email,
            notify_invoice_created=row.notify_invoice_created,
            notify_summary_invoice_created=row.notify_summary_invoice_created,
            notify_license_assigned=row.notify_license_assigned,
            created_at=row.created_at,
        )


class ResellerOwned(Protocol):
    reseller_id: int


async def reseller_of(root: ResellerOwned, info: Info) -> Reseller:
    """Resolver of the ``reseller`` of a reseller's row (an order, an invoice, a license)."""
    row = await info.context.loaders.reseller_by_id.load(root.reseller_id)
    assert row is not None  # a foreign key
    return Reseller.from_row(row)


@strawberry.type(description="A person of a reseller: with a login and a role, or a contact.")
class Employee(ModelNode):
    model = models.Employee
    permission = Permission.ACCOUNT_READ
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Full name.")
    email: str = strawberry.field(description="Email address (the username, with a login).")
    phone: str = strawberry.field(description="Phone number.")
    job_title: str = strawberry.field(description="Job title.")
    created_at: datetime = strawberry.field(description="When the person was added.")
    user_id: strawberry.Private[int | None]
    reseller_id: strawberry.Private[int]

    async def _user(self, info: Info) -> User | None:
        if self.user_id is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.user_id)
        return user if user is not None and user.is_active else None

    @strawberry.field(description="The role of the person's login; null for a contact.")
    async def role(self, info: Info) -> Role | None:
        user = await self._user(info)
        return user.role if user is not None else None

    @strawberry.field(description="Whether the person can sign in.")
    async def login_status(self, info: Info) -> LoginStatus:
        user = await self._user(info)
        if user is None:
            return LoginStatus.NONE
        return LoginStatus.ACTIVE if user.password_hash else LoginStatus.INVITED

    @strawberry.field(description="When the person last signed in.")
    async def last_login_at(self, info: Info) -> datetime | None:
        user = await self._user(info)
        return user.last_login_at if user is not None else None

    @strawberry.field(description="Whether this is the viewer.")
    def is_viewer(self, info: Info) -> bool:
        return self.user_id is not None and self.user_id == info.context.actor.user_id

    @strawberry.field(description="The mailing lists the person receives.")
    async def mailing_lists(self, info: Info) -> list[MailingListCode]:
        rows = await info.context.loaders.subscriptions_by_employee.load(self.id)
        return sorted(row.mailing_list for row in rows)

    @classmethod
    def from_row(cls, row: models.Employee) -> Employee:
        return cls(
            id=row.id,
            name=row.name,
            email=row.email,
            phone=row.phone,
            job_title=row.job_title,
            created_at=row.created_at,
            user_id=row.user_id,
            reseller_id=row.reseller_id,
        )


@strawberry.type(description="A mailing list and who of the account receives it.")
class MailingList:
    code: MailingListCode = strawberry.field(description="The list.")
    name: str = strawberry.field(description="The list's name.")
    description: str = strawberry.field(description="What the list sends.")
    subscribers: list[Employee] = strawberry.field(description="The people who receive it.")

    @strawberry.field(description="Whether the viewer receives it.")
    def subscribed(self, info: Info) -> bool:
        user_id = info.context.actor.user_id
        return user_id is not None and any(e.user_id == user_id for e in self.subscribers)

    @classmethod
    def build(cls, code: MailingListCode, subscribers: list[Employee]) -> MailingList:
        name, description = mailing_lists.DESCRIPTIONS[code]
        return cls(code=code, name=name, description=description, subscribers=subscribers)
