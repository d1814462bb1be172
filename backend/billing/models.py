"""Invoices and payments.

Every order has exactly one ``ORDER`` invoice (a one-to-one link). Paid on order, it is ``PAID``
at checkout; on the monthly invoice it waits as ``PENDING_SUMMARY`` until the month's ``SUMMARY``
invoice collects it. Amounts are integer cents and the totals' arithmetic is a database check.
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
    from backend.commerce.models import Order, OrderLine


class InvoiceKind(StrEnum):
    ORDER = "ORDER"
    SUMMARY = "SUMMARY"


class InvoiceStatus(StrEnum):
    OPEN = "OPEN"
    PENDING_SUMMARY = "PENDING_SUMMARY"
    PAID = "PAID"
    VOID = "VOID"


class PaymentKind(StrEnum):
    CARD = "CARD"
    BANK_TRANSFER = "BANK_TRANSFER"


PENDING_SUMMARY_NOTE = (
    "This invoice will be summarized in the monthly summarized invoice and does not need to be "
    "paid immediately."
)
SUMMARY_NOTE = "Summary Invoice"


class Invoice(Model):
    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=20, unique=True, description="INV-2026-000123.")
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="invoices", on_delete=fields.RESTRICT
    )
    reseller_id: int
    kind = fields.CharEnumField(InvoiceKind, max_length=20)
    status = fields.CharEnumField(InvoiceStatus, max_length=20)
    order: fields.OneToOneNullableRelation[Order] = fields.OneToOneField(
        "models.Order", related_name="invoice", null=True, on_delete=fields.RESTRICT
    )
    order_id: int | None
    summary_invoice: fields.ForeignKeyNullableRelation[Invoice] = fields.ForeignKeyField(
        "models.Invoice", related_name="summarized_invoices", null=True, on_delete=fields.RESTRICT
    )
    summary_invoice_id: int | None
    currency = fields.CharField(max_length=3, default="USD")
    subtotal_cents = fields.BigIntField()
    discount_cents = fields.BigIntField()
    total_cents = fields.BigIntField()
    amount_paid_cents = fields.BigIntField(default=0)
    billing: dict[str, str] = fields.JSONField(
        description="Bill-to details as they were when it was issued."
    )
    notes = fields.TextField(default="")
    period = fields.CharField(
        max_length=7, null=True, description="A summary's month, YYYY-MM (null for an order's)."
    )
    issued_at = fields.DatetimeField()
    due_at = fields.DatetimeField(null=True)
    paid_at = fields.DatetimeField(null=True)

    class Meta:
        table = "billing_invoice"
        ordering = ["-issued_at", "-id"]
        # The invoices list is one account's (reseller_id first) or, for vendor admins, every
        # account's (the sort column alone); each sort it offers (``InvoiceOrderField``) ends
        # in the id, the keyset's tie-breaker. A number's own order is its unique index.
        indexes = (
            Index(fields=["reseller_id", "issued_at"]),  # the default: newest first
            Index(fields=["reseller_id", "status", "issued_at"]),  # the status / unpaid filter
            Index(fields=["summary_invoice_id"]),
            Index(fields=["status", "issued_at"]),  # vendor admins: the status filter
            Index(fields=["reseller_id", "number"]),  # sort by number, and number search
            Index(fields=["reseller_id", "total_cents", "id"]),  # sort by total
            Index(fields=["issued_at", "id"]),  # vendor admins: newest first
            Index(fields=["total_cents", "id"]),  # vendor admins: by total
        )
        unique_together = (("reseller", "period"),)
        constraints = (
            CheckConstraint(
                check="subtotal_cents >= 0 AND discount_cents >= 0 AND discount_cents <= "
                "subtotal_cents AND total_cents = subtotal_cents - discount_cents",
                name="billing_invoice_totals",
            ),
            CheckConstraint(
                check="amount_paid_cents >= 0 AND amount_paid_cents <= total_cents",
                name="billing_invoice_paid_range",
            ),
            CheckConstraint(
                check="(kind = 'ORDER') = (order_id IS NOT NULL)",
                name="billing_invoice_order_matches_kind",
            ),
            CheckConstraint(
                check="(status = 'PAID') = (paid_at IS NOT NULL) AND (status <> 'PAID' OR "
                "amount_paid_cents = total_cents)",
                name="billing_invoice_paid_state",
            ),
            CheckConstraint(
                check="(kind = 'SUMMARY') = (period IS NOT NULL)",
                name="billing_invoice_period_matches_kind",
            ),
        )


class InvoiceLine(Model):
    id = fields.IntField(primary_key=True)
    invoice: fields.ForeignKeyRelation[Invoice] = fields.ForeignKeyField(
        "models.Invoice", related_name="lines", on_delete=fields.RESTRICT
    )
    invoice_id: int
    position = fields.IntField()
    order_line: fields.ForeignKeyNullableRelation[OrderLine] = fields.ForeignKeyField(
        "models.OrderLine", related_name="invoice_lines", null=True, on_delete=fields.RESTRICT
    )
    order_line_id: int | None
    description = fields.CharField(max_length=500)
    quantity = fields.IntField()
    unit_price_cents = fields.BigIntField()
    subtotal_cents = fields.BigIntField()
    discount_cents = fields.BigIntField()
    total_cents = fields.BigIntField()

    class Meta:
        table = "billing_invoice_line"
        ordering = ["invoice_id", "position"]
        unique_together = (("invoice", "position"),)
        constraints = (
            CheckConstraint(
                check="quantity >= 1 AND unit_price_cents >= 0 AND subtotal_cents = "
                "unit_price_cents * quantity AND discount_cents >= 0 AND discount_cents <= "
                "subtotal_cents AND total_cents = subtotal_cents - discount_cents",
                name="billing_invoice_line_totals",
            ),
        )


class Payment(Model):
    """Money received against an invoice: a card charge through the gateway or a transfer."""

    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.IntField(primary_key=True)
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="payments", on_delete=fields.RESTRICT
    )
    reseller_id: int
    invoice: fields.ForeignKeyRelation[Invoice] = fields.ForeignKeyField(
        "models.Invoice", related_name="payments", on_delete=fields.RESTRICT
    )
    invoice_id: int
    kind = fields.CharEnumField(PaymentKind, max_length=20)
    amount_cents = fields.BigIntField()
    currency = fields.CharField(max_length=3, default="USD")
    gateway = fields.CharField(max_length=40, default="", description="Which gateway charged it.")
    reference = fields.CharField(max_length=100, description="Gateway charge id or bank reference.")
    received_at = fields.DatetimeField()
    recorded_by_label = fields.CharField(max_length=300, default="")

    class Meta:
        table = "billing_payment"
        ordering = ["-received_at", "-id"]
        # The payments list is one account's (reseller_id first) or, for vendor admins, every
        # account's (the sort column alone); each sort it offers (``PaymentOrderField``) ends
        # in the id, the keyset's tie-breaker.
        indexes = (
            Index(fields=["reseller_id", "received_at"]),  # the default: newest first
            Index(fields=["reseller_id", "kind", "received_at", "id"]),  # the kind filter
            Index(fields=["reseller_id", "amount_cents", "id"]),  # sort by amount
            Index(fields=["received_at", "id"]),  # vendor admins: newest first
            Index(fields=["amount_cents", "id"]),  # vendor admins: by amount
            Index(fields=["invoice_id"]),  # an invoice's payments (the invoice filter)
        )
        constraints = (CheckConstraint(check="amount_cents > 0", name="billing_payment_positive"),)


class BillingPeriod(Model):
    """The closing of one month: who closes it now (a lease) and, once closed, what it made.

    The row is the scheduler's lock: one process inserts it and works while its lease lasts.
    Closing itself stays idempotent without it (a summary is unique per reseller and month).
    """

    id = fields.IntField(primary_key=True)
    period = fields.CharField(max_length=7, unique=True, description="YYYY-MM.")
    claimed_by = fields.CharField(max_length=100, default="")
    claimed_until = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    closed_by_label = fields.CharField(max_length=300, default="")
    summary_count = fields.IntField(default=0, description="Summary invoices made by the close.")
    invoice_count = fields.IntField(default=0, description="Invoices they collect.")
    total_cents = fields.BigIntField(default=0, description="The summaries' total.")

    class Meta:
        table = "billing_period"
        ordering = ["-period"]
        constraints = (
            CheckConstraint(
                check="summary_count >= 0 AND invoice_count >= summary_count AND total_cents >= 0",
                name="billing_period_counts",
            ),
        )
