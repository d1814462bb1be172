"""Licenses: what a partner bought, one row per seat license, with its add-ons.

A license is ``UNASSIGNED`` until it has a customer; that state is the customer column itself,
so it cannot disagree with anything. The key is unique by constraint.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.accounts.models import Reseller
    from backend.catalog.models import Addon, Edition, Product, Tier
    from backend.commerce.models import Order, OrderLine
    from backend.identity.models import User


class LicenseStatus(StrEnum):
    UNASSIGNED = "UNASSIGNED"
    ASSIGNED = "ASSIGNED"


class License(Model):
    """One license: bought on an order line (its order kept too, for one-step lookups)."""

    tenant_field: ClassVar[str] = "reseller_id"
    customer_field: ClassVar[str] = "customer_id"
    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=41, unique=True, description="XXXXXX-XXXXXX-… (6 groups).")
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="licenses", on_delete=fields.RESTRICT
    )
    reseller_id: int
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="licenses", on_delete=fields.RESTRICT
    )
    order_id: int
    order_line: fields.ForeignKeyRelation[OrderLine] = fields.ForeignKeyField(
        "models.OrderLine", related_name="licenses", on_delete=fields.RESTRICT
    )
    order_line_id: int
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="licenses", on_delete=fields.RESTRICT
    )
    product_id: int
    edition: fields.ForeignKeyRelation[Edition] = fields.ForeignKeyField(
        "models.Edition", related_name="licenses", on_delete=fields.RESTRICT
    )
    edition_id: int
    tier: fields.ForeignKeyRelation[Tier] = fields.ForeignKeyField(
        "models.Tier", related_name="licenses", on_delete=fields.RESTRICT
    )
    tier_id: int
    personal = fields.BooleanField(default=False, description="For the reseller's own use.")
    customer: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="licenses", null=True, on_delete=fields.RESTRICT
    )
    customer_id: int | None
    assigned_at = fields.DatetimeField(null=True)
    maintenance_expires_at = fields.DatetimeField()
    revision = fields.IntField(default=1)
    created_at = fields.DatetimeField()

    class Meta:
        table = "licensing_license"
        ordering = ["-created_at", "-id"]
        # The licenses list is one account's (reseller_id first) or, for vendor admins, every
        # account's (the sort column alone); each sort it offers (``LicenseOrderField``) ends
        # in the id, the keyset's tie-breaker. A key's own order is its unique index.
        indexes = (
            Index(fields=["reseller_id", "created_at"]),  # the default: newest first
            Index(fields=["reseller_id", "product_id", "created_at"]),  # the product filter
            Index(fields=["reseller_id", "customer_id"]),  # customers of an account
            Index(fields=["customer_id", "created_at"]),  # a customer's own licenses
            Index(fields=["order_id"]),
            Index(fields=["reseller_id", "key"]),  # sort by key, and key search, in an account
            Index(fields=["reseller_id", "maintenance_expires_at", "id"]),  # sort by M&S end
            Index(fields=["created_at", "id"]),  # vendor admins: newest first
            Index(fields=["maintenance_expires_at", "id"]),  # vendor admins: by M&S end
        )
        constraints = (
            CheckConstraint(check="revision >= 1", name="licensing_license_revision_positive"),
            CheckConstraint(
                check="(customer_id IS NULL) = (assigned_at IS NULL)",
                name="licensing_license_assignment",
            ),
        )

    @property
    def status(self) -> LicenseStatus:
        return LicenseStatus.UNASSIGNED if self.customer_id is None else LicenseStatus.ASSIGNED


class LicenseAddon(Model):
    """An add-on of a license, which runs while the license's M&S does."""

    id = fields.IntField(primary_key=True)
    license: fields.ForeignKeyRelation[License] = fields.ForeignKeyField(
        "models.License", related_name="addons", on_delete=fields.CASCADE
    )
    license_id: int
    addon: fields.ForeignKeyRelation[Addon] = fields.ForeignKeyField(
        "models.Addon", related_name="license_addons", on_delete=fields.RESTRICT
    )
    addon_id: int
    added_at = fields.DatetimeField()

    class Meta:
        table = "licensing_license_addon"
        ordering = ["license_id", "addon_id"]
        unique_together = (("license", "addon"),)


class Installation(Model):
    """A server where a license was activated, holding a certificate of one revision.

    ``active_license_id`` is the license's id while the installation is active and NULL once it
    is deactivated; being unique, it makes "one active installation per license" a database fact.
    """

    tenant_field: ClassVar[str] = "license__reseller_id"
    customer_field: ClassVar[str] = "license__customer_id"
    id = fields.IntField(primary_key=True)
    license: fields.ForeignKeyRelation[License] = fields.ForeignKeyField(
        "models.License", related_name="installations", on_delete=fields.RESTRICT
    )
    license_id: int
    active_license_id = fields.IntField(null=True, unique=True)
    fingerprint = fields.CharField(max_length=200, description="The installation's own id.")
    hostname = fields.CharField(max_length=255)
    revision = fields.IntField(description="The license revision its certificate holds.")
    activated_at = fields.DatetimeField()
    certificate_issued_at = fields.DatetimeField(description="When it last got a certificate.")
    last_checked_at = fields.DatetimeField(null=True)
    ip_address = fields.CharField(max_length=64, default="")
    deactivated_at = fields.DatetimeField(null=True)
    deactivated_by = fields.CharField(max_length=300, default="", description="Who, if anyone.")

    class Meta:
        table = "licensing_installation"
        ordering = ["-activated_at", "-id"]
        indexes = (Index(fields=["license_id", "activated_at"]),)
        constraints = (
            CheckConstraint(
                check="active_license_id IS NULL OR active_license_id = license_id",
                name="licensing_installation_active_license",
            ),
            CheckConstraint(
                check="(active_license_id IS NULL) = (deactivated_at IS NOT NULL)",
                name="licensing_installation_deactivation",
            ),
            CheckConstraint(check="revision >= 1", name="licensing_installation_revision"),
        )

    @property
    def is_active(self) -> bool:
        return self.active_license_id is not None
