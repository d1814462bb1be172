"""Carts, orders and the records that make checkout happen exactly once.

A cart line holds choices only: its price is computed from the current catalog whenever the cart
is read, so a price change reaches carts at once. An order line holds the prices fixed at
checkout, so a later price change never alters an order.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.accounts.models import Reseller
    from backend.billing.models import Payment
    from backend.catalog.models import Edition, Product, Tier
    from backend.identity.models import User
    from backend.licensing.models import License

MAX_QUANTITY = 100
MAX_MAINTENANCE_YEARS = 5
MODIFICATION_CHECKS = (
    "(kind = 'NEW_LICENSE') = (license_id IS NULL)",
    "(kind IN ('MAINTENANCE_RENEWAL', 'MAINTENANCE_REINSTATEMENT')) = (years IS NOT NULL)",
    f"years IS NULL OR (years >= 1 AND years <= {MAX_MAINTENANCE_YEARS})",
    "kind = 'NEW_LICENSE' OR (quantity = 1 AND assign_to_email IS NULL AND NOT personal)",
)
"""A modification (upgrade, M&S) names one license, counts once, and is never assigned."""


class LineKind(StrEnum):
    NEW_LICENSE = "NEW_LICENSE"
    UPGRADE = "UPGRADE"
    MAINTENANCE_RENEWAL = "MAINTENANCE_RENEWAL"
    MAINTENANCE_REINSTATEMENT = "MAINTENANCE_REINSTATEMENT"


class PaymentMethod(StrEnum):
    PAY_ON_ORDER = "PAY_ON_ORDER"
    INVOICE = "INVOICE"


def empty_list() -> list[Any]:
    return []


class CartLine(Model):
    """One line of a user's cart: what to buy, never its price."""

    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="cart_lines", on_delete=fields.CASCADE
    )
    user_id: int
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="cart_lines", on_delete=fields.CASCADE
    )
    reseller_id: int
    kind = fields.CharEnumField(LineKind, max_length=30, default=LineKind.NEW_LICENSE)
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="cart_lines", on_delete=fields.RESTRICT
    )
    product_id: int
    edition: fields.ForeignKeyRelation[Edition] = fields.ForeignKeyField(
        "models.Edition", related_name="cart_lines", on_delete=fields.RESTRICT
    )
    edition_id: int
    tier: fields.ForeignKeyRelation[Tier] = fields.ForeignKeyField(
        "models.Tier", related_name="cart_lines", on_delete=fields.RESTRICT
    )
    tier_id: int
    addon_codes: list[str] = fields.JSONField(
        default=empty_list, description="Codes of the add-ons chosen."
    )
    quantity = fields.IntField(default=1)
    assign_to_email = fields.CharField(max_length=254, null=True)
    personal = fields.BooleanField(default=False)
    license: fields.ForeignKeyNullableRelation[License] = fields.ForeignKeyField(
        "models.License",
        related_name="cart_lines",
        null=True,
        on_delete=fields.CASCADE,
        description="The license an upgrade or M&S line modifies.",
    )
    license_id: int | None
    years = fields.IntField(null=True, description="Years of M&S bought (M&S lines).")
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "commerce_cart_line"
        ordering = ["created_at", "id"]
        indexes = (Index(fields=["user_id", "created_at"]),)
        unique_together = (("user", "license", "kind"),)
        constraints = (
            CheckConstraint(
                check=f"quantity >= 1 AND quantity <= {MAX_QUANTITY}",
                name="commerce_cart_line_quantity_range",
            ),
            CheckConstraint(
                check="NOT (personal AND assign_to_email IS NOT NULL)",
                name="commerce_cart_line_personal_unassigned",
            ),
            *(
                CheckConstraint(check=check, name=f"commerce_cart_line_modification_{index}")
                for index, check in enumerate(MODIFICATION_CHECKS, start=1)
            ),
        )


class Order(Model):
    """A completed checkout: its lines, prices and billing details as they were then."""

    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=20, unique=True, description="ORD-2026-000123.")
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="orders", on_delete=fields.RESTRICT
    )
    reseller_id: int
    placed_by_user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="orders", null=True, on_delete=fields.SET_NULL
    )
    placed_by_user_id: int | None
    placed_by_api_key_id = fields.IntField(null=True)
    placed_by_label = fields.CharField(
        max_length=300, description="Who placed it, as people read it."
    )
    payment_method = fields.CharEnumField(PaymentMethod, max_length=20)
    currency = fields.CharField(max_length=3, default="USD")
    discount_bps = fields.IntField(default=0, description="The reseller's discount at checkout.")
    subtotal_cents = fields.BigIntField()
    discount_cents = fields.BigIntField()
    total_cents = fields.BigIntField()
    billing: dict[str, str] = fields.JSONField(description="The billing details given at checkout.")
    placed_at = fields.DatetimeField()

    lines: fields.ReverseRelation[OrderLine]

    class Meta:
        table = "commerce_order"
        ordering = ["-placed_at", "-id"]
        # The orders list is one account's (reseller_id first) or, for vendor admins, every
        # account's (the sort column alone); each sort it offers (``OrderOrderField``) ends in
        # the id, the keyset's tie-breaker. A number's own order is its unique index.
        indexes = (
            Index(fields=["reseller_id", "placed_at"]),  # the default: newest first
            Index(fields=["reseller_id", "payment_method", "placed_at", "id"]),  # method filter
            Index(fields=["reseller_id", "number"]),  # sort by number, and number search
            Index(fields=["reseller_id", "total_cents", "id"]),  # sort by total
            Index(fields=["placed_at", "id"]),  # vendor admins: newest first
            Index(fields=["total_cents", "id"]),  # vendor admins: by total
        )
        constraints = (
            CheckConstraint(
                check="subtotal_cents >= 0 AND discount_cents >= 0 AND discount_cents <= "
                "subtotal_cents AND total_cents = subtotal_cents - discount_cents",
                name="commerce_order_totals",
            ),
            CheckConstraint(
                check="discount_bps >= 0 AND discount_bps <= 10000",
                name="commerce_order_discount_range",
            ),
        )


class OrderLine(Model):
    """A line of an order with the prices fixed at checkout."""

    id = fields.IntField(primary_key=True)
    order: fields.ForeignKeyRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="lines", on_delete=fields.RESTRICT
    )
    order_id: int
    position = fields.IntField()
    kind = fields.CharEnumField(LineKind, max_length=30)
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="order_lines", on_delete=fields.RESTRICT
    )
    product_id: int
    edition: fields.ForeignKeyRelation[Edition] = fields.ForeignKeyField(
        "models.Edition", related_name="order_lines", on_delete=fields.RESTRICT
    )
    edition_id: int
    tier: fields.ForeignKeyRelation[Tier] = fields.ForeignKeyField(
        "models.Tier", related_name="order_lines", on_delete=fields.RESTRICT
    )
    tier_id: int
    addon_codes: list[str] = fields.JSONField(default=empty_list)
    description = fields.CharField(max_length=500)
    quantity = fields.IntField()
    unit_price_cents = fields.BigIntField()
    subtotal_cents = fields.BigIntField()
    discount_cents = fields.BigIntField()
    total_cents = fields.BigIntField()
    assign_to_email = fields.CharField(max_length=254, null=True)
    personal = fields.BooleanField(default=False)
    license: fields.ForeignKeyNullableRelation[License] = fields.ForeignKeyField(
        "models.License",
        related_name="order_lines",
        null=True,
        on_delete=fields.RESTRICT,
        description="The license an upgrade or M&S line modified.",
    )
    license_id: int | None
    years = fields.IntField(null=True, description="Years of M&S bought (M&S lines).")
    change: dict[str, Any] | None = fields.JSONField(
        null=True, description="A modification's license before and after, as applied."
    )

    class Meta:
        table = "commerce_order_line"
        ordering = ["order_id", "position"]
        unique_together = (("order", "position"),)
        indexes = (Index(fields=["license_id"]),)
        constraints = (
            CheckConstraint(
                check=f"quantity >= 1 AND quantity <= {MAX_QUANTITY}",
                name="commerce_order_line_quantity_range",
            ),
            *(
                CheckConstraint(check=check, name=f"commerce_order_line_modification_{index}")
                for index, check in enumerate(MODIFICATION_CHECKS, start=1)
            ),
            CheckConstraint(
                check="unit_price_cents >= 0 AND subtotal_cents = unit_price_cents * quantity "
                "AND discount_cents >= 0 AND discount_cents <= subtotal_cents "
                "AND total_cents = subtotal_cents - discount_cents",
                name="commerce_order_line_totals",
            ),
        )


class IdempotencyRecord(Model):
    """An idempotency key of a checkout or an invoice payment: claimed before the charge,
    pointing at the order (or payment) once made.

    The unique (reseller, key) pair is what makes a key work exactly once, under any concurrency.
    """

    id = fields.IntField(primary_key=True)
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="idempotency_records", on_delete=fields.CASCADE
    )
    reseller_id: int
    key = fields.CharField(max_length=100)
    request_hash = fields.CharField(max_length=64, description="SHA-256 of the request.")
    order: fields.ForeignKeyNullableRelation[Order] = fields.ForeignKeyField(
        "models.Order", related_name="idempotency_records", null=True, on_delete=fields.CASCADE
    )
    order_id: int | None
    payment: fields.ForeignKeyNullableRelation[Payment] = fields.ForeignKeyField(
        "models.Payment",
        related_name="idempotency_records",
        null=True,
        on_delete=fields.CASCADE,
        description="The payment of an invoice made with the key (payInvoice).",
    )
    payment_id: int | None
    created_at = fields.DatetimeField()

    class Meta:
        table = "commerce_idempotency_record"
        unique_together = (("reseller", "key"),)


class NumberSequence(Model):
    """The last number given out per kind and year (orders, invoices), counted without gaps."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=20)
    year = fields.IntField()
    last_value = fields.IntField(default=0)

    class Meta:
        table = "commerce_number_sequence"
        unique_together = (("name", "year"),)
        constraints = (
            CheckConstraint(check="last_value >= 0", name="commerce_number_sequence_positive"),
        )
