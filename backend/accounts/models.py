"""Resellers (partners): the tenants of the product.

This holds what the catalog and demo data need today: the partner's name, the discount the vendor
grants it and whether it may pay by monthly invoice. Logins, roles and contacts grow here next.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model


class Reseller(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200, unique=True)
    discount_bps = fields.IntField(default=0, description="Discount in basis points (2000 = 20%).")
    may_pay_by_invoice = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "accounts_reseller"
        ordering = ["name", "id"]
        constraints = (
            CheckConstraint(
                check="discount_bps >= 0 AND discount_bps <= 10000",
                name="accounts_reseller_discount_range",
            ),
        )
