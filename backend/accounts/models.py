"""Resellers (partners), their people and their communication choices.

A reseller is the tenant: everything a partner owns points at one. Its people are employees:
each either has a login (a ``User`` with a reseller role) or is a contact without one.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.identity.models import User


class ResellerStatus(StrEnum):
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"


class Reseller(Model):
    tenant_field: ClassVar[str] = "id"
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200, unique=True)
    status = fields.CharEnumField(ResellerStatus, max_length=20, default=ResellerStatus.ACTIVE)
    discount_bps = fields.IntField(default=0, description="Discount in basis points (2000 = 20%).")
    may_pay_by_invoice = fields.BooleanField(default=False)
    contact_name = fields.CharField(max_length=200, default="")
    address_line1 = fields.CharField(max_length=200, default="")
    address_line2 = fields.CharField(max_length=200, default="")
    city = fields.CharField(max_length=100, default="")
    postal_code = fields.CharField(max_length=20, default="")
    region = fields.CharField(max_length=100, default="")
    country = fields.CharField(max_length=2, default="", description="ISO 3166 alpha-2 code.")
    phone = fields.CharField(max_length=40, default="")
    billing_email = fields.CharField(max_length=254, default="")
    notify_invoice_created = fields.BooleanField(default=True)
    notify_summary_invoice_created = fields.BooleanField(default=True)
    notify_license_assigned = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    employees: fields.ReverseRelation[Employee]

    class Meta:
        table = "accounts_reseller"
        ordering = ["name", "id"]
        # The resellers list (vendor admins) sorts by name (its unique index) or by these,
        # each ending in the id, the keyset's tie-breaker.
        indexes = (Index(fields=["created_at", "id"]), Index(fields=["discount_bps", "id"]))
        constraints = (
            CheckConstraint(
                check="discount_bps >= 0 AND discount_bps <= 10000",
                name="accounts_reseller_discount_range",
            ),
        )


class Employee(Model):
    """A person of a reseller: with a login (``user``) and its role, or a contact without one."""

    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.IntField(primary_key=True)
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="employees", on_delete=fields.RESTRICT
    )
    reseller_id: int
    name = fields.CharField(max_length=200)
    email = fields.CharField(max_length=254, description="Lower case.")
    phone = fields.CharField(max_length=40, default="")
    job_title = fields.CharField(max_length=100, default="")
    user: fields.OneToOneNullableRelation[User] = fields.OneToOneField(
        "models.User", related_name="employee", null=True, on_delete=fields.RESTRICT
    )
    user_id: int | None
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "accounts_employee"
        ordering = ["name", "id"]
        unique_together = (("reseller", "email"),)  # also the list's sort by email
        # The people list is one account's (the vendor's UI shows one account at a time too):
        # its sorts by name (the default) and by when added, ending in the keyset's tie-breaker.
        indexes = (
            Index(fields=["reseller_id", "name", "id"]),
            Index(fields=["reseller_id", "created_at", "id"]),
        )


class MailingList(StrEnum):
    PRODUCT_NEWS = "PRODUCT_NEWS"
    SECURITY_ADVISORIES = "SECURITY_ADVISORIES"
    BILLING_NOTICES = "BILLING_NOTICES"


class MailingListSubscription(Model):
    """One employee receives one mailing list."""

    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.IntField(primary_key=True)
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="subscriptions", on_delete=fields.RESTRICT
    )
    reseller_id: int
    employee: fields.ForeignKeyRelation[Employee] = fields.ForeignKeyField(
        "models.Employee", related_name="subscriptions", on_delete=fields.CASCADE
    )
    employee_id: int
    mailing_list = fields.CharEnumField(MailingList, max_length=30)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "accounts_mailing_list_subscription"
        unique_together = (("employee", "mailing_list"),)
