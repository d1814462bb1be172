"""The vendor's catalog: products, editions, seat tiers, add-ons, list prices, M&S policy.

Prices are integer cents. Every invariant that matters (one price per edition and tier, codes
unique per product, no negative price, sane percentages) is a database constraint.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model


class Product(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=40, unique=True)
    name = fields.CharField(max_length=100)
    unit = fields.CharField(max_length=40, description="What a seat counts: mailboxes, agents...")
    description = fields.TextField(default="")
    position = fields.IntField(default=0)

    editions: fields.ReverseRelation[Edition]
    tiers: fields.ReverseRelation[Tier]
    addons: fields.ReverseRelation[Addon]

    class Meta:
        table = "catalog_product"
        ordering = ["position", "id"]


class Edition(Model):
    id = fields.IntField(primary_key=True)
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="editions", on_delete=fields.RESTRICT
    )
    product_id: int
    code = fields.CharField(max_length=40)
    name = fields.CharField(max_length=100)
    description = fields.TextField(default="")
    rank = fields.IntField(description="Upgrade order: a higher rank is a higher edition.")

    class Meta:
        table = "catalog_edition"
        ordering = ["rank", "id"]
        unique_together = (("product", "code"), ("product", "rank"))


class Tier(Model):
    id = fields.IntField(primary_key=True)
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="tiers", on_delete=fields.RESTRICT
    )
    product_id: int
    code = fields.CharField(max_length=40, description='Seat count ("250") or "unlimited".')
    name = fields.CharField(max_length=100)
    seats = fields.IntField(null=True, description="Null for unlimited.")
    rank = fields.IntField(description="Upgrade order: a higher rank is a bigger tier.")

    class Meta:
        table = "catalog_tier"
        ordering = ["rank", "id"]
        unique_together = (("product", "code"), ("product", "rank"))
        constraints = (
            CheckConstraint(check="seats IS NULL OR seats > 0", name="catalog_tier_seats_positive"),
        )


class ListPrice(Model):
    """The list price of one (edition, tier). A combination without a row is not on sale."""

    id = fields.IntField(primary_key=True)
    edition: fields.ForeignKeyRelation[Edition] = fields.ForeignKeyField(
        "models.Edition", related_name="prices", on_delete=fields.RESTRICT
    )
    edition_id: int
    tier: fields.ForeignKeyRelation[Tier] = fields.ForeignKeyField(
        "models.Tier", related_name="prices", on_delete=fields.RESTRICT
    )
    tier_id: int
    amount_cents = fields.BigIntField()
    currency = fields.CharField(max_length=3, default="USD")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "catalog_list_price"
        ordering = ["id"]
        unique_together = (("edition", "tier"),)
        constraints = (
            CheckConstraint(check="amount_cents >= 0", name="catalog_list_price_not_negative"),
        )


class Addon(Model):
    id = fields.IntField(primary_key=True)
    product: fields.ForeignKeyRelation[Product] = fields.ForeignKeyField(
        "models.Product", related_name="addons", on_delete=fields.RESTRICT
    )
    product_id: int
    code = fields.CharField(max_length=40)
    name = fields.CharField(max_length=100)
    description = fields.TextField(default="")
    position = fields.IntField(default=0)
    allowed_editions: fields.ManyToManyRelation[Edition] = fields.ManyToManyField(
        "models.Edition",
        related_name="addons",
        through="catalog_addon_edition",
        forward_key="edition_id",
        backward_key="addon_id",
    )

    class Meta:
        table = "catalog_addon"
        ordering = ["position", "id"]
        unique_together = (("product", "code"),)


class AddonPrice(Model):
    """An add-on's yearly price for one seat tier."""

    id = fields.IntField(primary_key=True)
    addon: fields.ForeignKeyRelation[Addon] = fields.ForeignKeyField(
        "models.Addon", related_name="prices", on_delete=fields.RESTRICT
    )
    addon_id: int
    tier: fields.ForeignKeyRelation[Tier] = fields.ForeignKeyField(
        "models.Tier", related_name="addon_prices", on_delete=fields.RESTRICT
    )
    tier_id: int
    yearly_amount_cents = fields.BigIntField()
    currency = fields.CharField(max_length=3, default="USD")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "catalog_addon_price"
        ordering = ["id"]
        unique_together = (("addon", "tier"),)
        constraints = (
            CheckConstraint(
                check="yearly_amount_cents >= 0", name="catalog_addon_price_not_negative"
            ),
        )


class MaintenancePolicy(Model):
    """Maintenance & Support terms: exactly one row, keyed ``default``.

    Percentages are basis points (5000 = 50%) so that they stay exact integers.
    """

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=20, unique=True, default="default")
    term_months = fields.IntField(default=12)
    renewal_bps = fields.IntField(default=5000)
    grace_days = fields.IntField(default=30)
    reinstatement_fee_bps = fields.IntField(default=2000)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "catalog_maintenance_policy"
        constraints = (
            CheckConstraint(check="key = 'default'", name="catalog_maintenance_policy_singleton"),
            CheckConstraint(check="term_months > 0", name="catalog_maintenance_term_positive"),
            CheckConstraint(
                check="renewal_bps >= 0 AND renewal_bps <= 100000",
                name="catalog_maintenance_renewal_range",
            ),
            CheckConstraint(check="grace_days >= 0", name="catalog_maintenance_grace_positive"),
            CheckConstraint(
                check="reinstatement_fee_bps >= 0 AND reinstatement_fee_bps <= 100000",
                name="catalog_maintenance_fee_range",
            ),
        )


class CatalogVersion(Model):
    """One row whose ``version`` changes with every write to a catalog table.

    Database triggers (``backend.catalog.versioning``) set a new random ``version`` in the same
    transaction as any insert, update or delete of the catalog's tables, whoever writes: the
    services, the seed, a test or an operator's SQL. A process keeps its last catalog snapshot
    with the version it was read at and reloads it only when the version differs.
    """

    id = fields.IntField(primary_key=True)
    version = fields.CharField(max_length=32)

    class Meta:
        table = "catalog_version"
        constraints = (CheckConstraint(check="id = 1", name="catalog_version_singleton"),)
