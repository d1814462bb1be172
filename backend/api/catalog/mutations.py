"""Catalog mutations: the vendor sets list prices, add-on prices and the M&S policy."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from backend.api.catalog.types import MaintenancePolicy, Product
from backend.api.context import Info
from backend.api.enums import Permission
from backend.api.errors import UserError, errors_field, user_errors
from backend.api.permissions import access
from backend.catalog import admin
from backend.errors import DomainError


@strawberry.input(
    description="A new list price of an (edition, tier), or with `addonCode` a new yearly price "
    "of an add-on at a tier. A pair that had no price is put on sale at this price."
)
class UpdateCatalogPriceInput:
    product_code: str = strawberry.field(description="The product, e.g. `smartermail`.")
    edition_code: str | None = strawberry.field(
        description="The edition, e.g. `professional`; leave out for an add-on's price.",
        default=None,
    )
    tier: str = strawberry.field(
        description='The tier\'s code: a seat count ("250") or "unlimited".'
    )
    addon_code: str | None = strawberry.field(
        description="The add-on, e.g. `activesync`, to set its yearly price at the tier.",
        default=None,
    )
    price: Decimal = strawberry.field(
        description='The new price in USD, e.g. "399.00": from 0 to 1000000, at most two decimals.'
    )


@strawberry.type(description="The product with its prices after the change.")
class UpdateCatalogPricePayload:
    product: Product | None = strawberry.field(
        description="The product as the catalog now sells it.", default=None
    )
    user_errors: list[UserError] = errors_field()


@strawberry.input(description="New Maintenance & Support terms; omitted fields stay as they are.")
class UpdateMaintenancePolicyInput:
    term_months: int | None = strawberry.field(
        description="Months of M&S included with a purchase (1 to 120).",
        default=None,
    )
    renewal_percent: Decimal | None = strawberry.field(
        description='A year\'s renewal as a percentage of the current list price, e.g. "50".',
        default=None,
    )
    grace_days: int | None = strawberry.field(
        description="Days after expiry during which M&S is renewed, not reinstated (0 to 365).",
        default=None,
    )
    reinstatement_fee_percent: Decimal | None = strawberry.field(
        description='The reinstatement fee as a percentage of the renewal price, e.g. "20".',
        default=None,
    )


@strawberry.type(description="The M&S terms after the change.")
class UpdateMaintenancePolicyPayload:
    maintenance_policy: MaintenancePolicy | None = strawberry.field(
        description="The terms that apply from now on.", default=None
    )
    user_errors: list[UserError] = errors_field()


@strawberry.type
class CatalogMutation:
    @strawberry.mutation(
        description="Set a list price or an add-on's yearly price; it applies to purchases "
        "from now on, never to orders already placed.",
        extensions=access(Permission.CATALOG_MANAGE),
    )
    async def update_catalog_price(
        self, info: Info, input: UpdateCatalogPriceInput
    ) -> UpdateCatalogPricePayload:
        try:
            product = await admin.update_catalog_price(
                actor=info.context.actor,
                product_code=input.product_code,
                edition_code=input.edition_code,
                tier_code=input.tier,
                addon_code=input.addon_code,
                price=input.price,
            )
        except DomainError as error:
            return UpdateCatalogPricePayload(user_errors=user_errors(error))
        return UpdateCatalogPricePayload(product=Product.from_domain(product))

    @strawberry.mutation(
        description="Change the Maintenance & Support terms; they apply from now on.",
        extensions=access(Permission.CATALOG_MANAGE),
    )
    async def update_maintenance_policy(
        self, info: Info, input: UpdateMaintenancePolicyInput
    ) -> UpdateMaintenancePolicyPayload:
        try:
            terms = await admin.update_maintenance_policy(
                actor=info.context.actor,
                term_months=input.term_months,
                renewal_percent=input.renewal_percent,
                grace_days=input.grace_days,
                reinstatement_fee_percent=input.reinstatement_fee_percent,
            )
        except DomainError as error:
            return UpdateMaintenancePolicyPayload(user_errors=user_errors(error))
        return UpdateMaintenancePolicyPayload(
            maintenance_policy=MaintenancePolicy.from_domain(terms)
        )
