"""GraphQL types of buying: the cart, orders and their billing details."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from backend.api.accounts.types import Reseller, reseller_of
from backend.api.catalog.types import Addon, Edition, Product, Tier, edition_of, product_of, tier_of
from backend.api.commerce.modifications import LicenseChange, change_of
from backend.api.context import Info
from backend.api.enums import LineKind, Permission
from backend.api.enums import PaymentMethod as PaymentMethodEnum
from backend.api.model_node import ModelNode
from backend.api.money import Money
from backend.commerce import models
from backend.commerce.billing_details import BillingDetails as BillingDetailsData
from backend.commerce.cart import PricedCart, PricedLine
from backend.money import Amount, basis_points_to_percent

if TYPE_CHECKING:
    from backend.api.billing.types import Invoice
    from backend.api.licensing.types import License

CENT = Decimal("0.01")


def money(cents: int, currency: str = "USD") -> Money:
    return Money.from_amount(Amount(cents, currency))


def percent(basis_points: int) -> Decimal:
    return basis_points_to_percent(basis_points).quantize(CENT)


@strawberry.type(description="Who an order or invoice is billed to.")
class BillingDetails:
    name: str = strawberry.field(description="Company name.")
    contact_name: str = strawberry.field(description="Contact person.")
    address_line1: str = strawberry.field(description="Street address.")
    address_line2: str = strawberry.field(description="Suite, floor, building.")
    city: str = strawberry.field(description="City.")
    postal_code: str = strawberry.field(description="Postal or ZIP code.")
    region: str = strawberry.field(description="State, province or region.")
    country: str = strawberry.field(description="ISO 3166 two-letter country code.")
    email: str = strawberry.field(description="Where the invoice is sent.")

    @classmethod
    def from_json(cls, value: dict[str, str]) -> BillingDetails:
        return cls(**BillingDetailsData.from_json(value).as_json())


@strawberry.type(description="One line of the cart, priced from today's catalog.")
class CartLine:
    id: strawberry.ID = strawberry.field(description="The line's id, for updateCartLine.")
    kind: LineKind = strawberry.field(description="What the line buys.")
    product: Product = strawberry.field(description="The product.")
    edition: Edition = strawberry.field(description="The edition.")
    tier: Tier = strawberry.field(description="The seat tier.")
    addons: list[Addon] = strawberry.field(description="The add-ons included.")
    description: str = strawberry.field(description="The line as it will read on the invoice.")
    quantity: int = strawberry.field(description="How many licenses (1 to 100).")
    assign_to_email: str | None = strawberry.field(
        description="The customer the licenses are assigned to at checkout, if any."
    )
    personal: bool = strawberry.field(description="For the reseller's own use, not for resale.")
    unit_price: Money = strawberry.field(description="List price of one license with add-ons.")
    subtotal: Money = strawberry.field(description="Unit price times quantity.")
    discount: Money = strawberry.field(description="The reseller discount on this line.")
    total: Money = strawberry.field(description="Subtotal less discount.")
    years: int | None = strawberry.field(description="Years of M&S bought (M&S lines).")
    problem: str | None = strawberry.field(
        description="Why an upgrade or M&S line can no longer be bought (the license changed, "
        "or time passed): remove it. Null when it can be bought."
    )
    license_id: strawberry.Private[int | None]

    @strawberry.field(description="The license an upgrade or M&S line changes; null for new ones.")
    async def license(
        self, info: Info
    ) -> Annotated[License, strawberry.lazy("backend.api.licensing.types")] | None:
        return await _license(info, self.license_id)

    @staticmethod
    def global_id(line_id: int | None) -> strawberry.ID:
        return strawberry.ID(str(relay.GlobalID("CartLine", str(line_id))))

    @classmethod
    def from_priced(cls, line: PricedLine) -> CartLine:
        item = line.item
        return cls(
            id=cls.global_id(line.cart_line_id),
            kind=line.kind,
            product=Product.from_domain(item.product),
            edition=Edition.from_domain(item.edition),
            tier=Tier.from_domain(item.tier),
            addons=[Addon.from_domain(a) for a in item.addons],
            description=item.description,
            quantity=line.price.quantity,
            assign_to_email=line.assign_to_email,
            personal=line.personal,
            unit_price=money(line.price.unit_price),
            subtotal=money(line.price.subtotal),
            discount=money(line.price.discount),
            total=money(line.price.total),
            years=line.years,
            problem=line.problem,
            license_id=line.license.id if line.license is not None else None,
        )


async def _license(
    info: Info, license_id: int | None
) -> Annotated[License, strawberry.lazy("backend.api.licensing.types")] | None:
    from backend.api.licensing.types import License

    if license_id is None or not info.context.actor.can(Permission.LICENSES_READ):
        return None
    row = await info.context.loaders.license_by_id.load(license_id)
    return License.from_row(row) if row is not None else None


@strawberry.type(
    description="The viewer's cart: prices are today's, the discount is the account's."
)
class Cart:
    lines: list[CartLine] = strawberry.field(description="The lines, oldest first.")
    discount_percent: Decimal = strawberry.field(
        description='The account\'s discount applied to every line, e.g. "20.00".'
    )
    subtotal: Money = strawberry.field(description="Sum of the lines' subtotals.")
    discount: Money = strawberry.field(description="Sum of the lines' discounts.")
    total: Money = strawberry.field(description="What checkout will charge or invoice.")
    license_count: int = strawberry.field(description="How many licenses the cart holds.")

    @classmethod
    def from_priced(cls, cart: PricedCart) -> Cart:
        return cls(
            lines=[CartLine.from_priced(line) for line in cart.lines],
            discount_percent=percent(cart.discount_bps),
            subtotal=money(cart.totals.subtotal),
            discount=money(cart.totals.discount),
            total=money(cart.totals.total),
            license_count=sum(line.price.quantity for line in cart.lines),
        )


@strawberry.type(description="A line of an order, with the prices fixed when it was placed.")
class OrderLine:
    position: int = strawberry.field(description="1 for the first line.")
    kind: LineKind = strawberry.field(description="What the line bought.")
    description: str = strawberry.field(description="The line as on the invoice.")
    quantity: int = strawberry.field(description="How many licenses.")
    assign_to_email: str | None = strawberry.field(
        description="The customer the licenses were bought for, if given."
    )
    personal: bool = strawberry.field(description="For the reseller's own use.")
    unit_price: Money = strawberry.field(description="Price of one license with add-ons.")
    subtotal: Money = strawberry.field(description="Unit price times quantity.")
    discount: Money = strawberry.field(description="The reseller discount on this line.")
    total: Money = strawberry.field(description="Subtotal less discount.")
    years: int | None = strawberry.field(description="Years of M&S bought (M&S lines).")
    product_id: strawberry.Private[int]
    edition_id: strawberry.Private[int]
    tier_id: strawberry.Private[int]
    addon_codes: strawberry.Private[list[str]]
    license_id: strawberry.Private[int | None]
    change_json: strawberry.Private[dict[str, Any] | None]

    product: Product = strawberry.field(resolver=product_of, description="The product.")
    edition: Edition = strawberry.field(resolver=edition_of, description="The edition.")
    tier: Tier = strawberry.field(resolver=tier_of, description="The seat tier.")

    @strawberry.field(description="The add-ons bought with each license.")
    async def addons(self, info: Info) -> list[Addon]:
        snapshot = await info.context.loaders.catalog.load()
        product = snapshot.by_id["product"][self.product_id]
        return [Addon.from_domain(a) for a in product.addons if a.code in self.addon_codes]

    @strawberry.field(description="The license an upgrade or M&S line changed; null for new ones.")
    async def license(
        self, info: Info
    ) -> Annotated[License, strawberry.lazy("backend.api.licensing.types")] | None:
        return await _license(info, self.license_id)

    @strawberry.field(
        description="How an upgrade or M&S line changed its license; null for new licenses."
    )
    async def change(self, info: Info) -> LicenseChange | None:
        return await change_of(self.change_json, info, self.product_id)

    @classmethod
    def from_row(cls, row: models.OrderLine) -> OrderLine:
        return cls(
            position=row.position,
            kind=row.kind,
            description=row.description,
            quantity=row.quantity,
            assign_to_email=row.assign_to_email,
            personal=row.personal,
            unit_price=money(row.unit_price_cents),
            subtotal=money(row.subtotal_cents),
            discount=money(row.discount_cents),
            total=money(row.total_cents),
            product_id=row.product_id,
            edition_id=row.edition_id,
            tier_id=row.tier_id,
            addon_codes=list(row.addon_codes),
            years=row.years,
            license_id=row.license_id,
            change_json=row.change,
        )


def billing_of(root: Order) -> BillingDetails:
    """Resolver of an order's ``billing``: built when asked, which lists of orders seldom do."""
    return BillingDetails.from_json(root.billing_json)


@strawberry.type(description="A completed purchase: its lines, totals, invoice and licenses.")
class Order(ModelNode):
    model = models.Order
    permission = Permission.ORDERS_READ
    id: relay.NodeID[int]
    reseller_id: strawberry.Private[int]
    number: str = strawberry.field(description="The order number, e.g. ORD-2026-000123.")
    placed_at: datetime = strawberry.field(description="When it was placed.")
    placed_by: str = strawberry.field(description="Who placed it: a person or an API key.")
    payment_method: PaymentMethodEnum = strawberry.field(description="How it is paid.")
    discount_percent: Decimal = strawberry.field(description="The discount applied.")
    subtotal: Money = strawberry.field(description="Sum of the lines' subtotals.")
    discount: Money = strawberry.field(description="Sum of the lines' discounts.")
    total: Money = strawberry.field(description="Subtotal less discount.")
    billing_json: strawberry.Private[dict[str, str]]
    billing: BillingDetails = strawberry.field(
        resolver=billing_of,
        description="Who it is billed to.",
    )

    @strawberry.field(description="The lines, in order.")
    async def lines(self, info: Info) -> list[OrderLine]:
        rows = await info.context.loaders.order_lines_by_order.load(self.id)
        return [OrderLine.from_row(row) for row in sorted(rows, key=lambda r: r.position)]

    @strawberry.field(description="The order's invoice (null for roles that may not see invoices).")
    async def invoice(
        self, info: Info
    ) -> Annotated[Invoice, strawberry.lazy("backend.api.billing.types")] | None:
        from backend.api.billing.types import Invoice

        if not info.context.actor.can(Permission.INVOICES_READ):
            return None
        rows = await info.context.loaders.invoices_by_order.load(self.id)
        return Invoice.from_row(rows[0]) if rows else None

    @strawberry.field(description="The licenses the order issued, oldest first.")
    async def licenses(
        self, info: Info
    ) -> list[Annotated[License, strawberry.lazy("backend.api.licensing.types")]]:
        from backend.api.licensing.types import License

        if not info.context.actor.can(Permission.LICENSES_READ):
            return []
        rows = await info.context.loaders.licenses_by_order.load(self.id)
        return [License.from_row(row) for row in rows]

    reseller: Reseller = strawberry.field(
        resolver=reseller_of, description="The reseller account it belongs to."
    )

    @classmethod
    def from_row(cls, row: models.Order) -> Order:
        return cls(
            id=row.id,
            reseller_id=row.reseller_id,
            number=row.number,
            placed_at=row.placed_at,
            placed_by=row.placed_by_label,
            payment_method=row.payment_method,
            discount_percent=percent(row.discount_bps),
            subtotal=money(row.subtotal_cents, row.currency),
            discount=money(row.discount_cents, row.currency),
            total=money(row.total_cents, row.currency),
            billing_json=row.billing,
        )
