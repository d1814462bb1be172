"""Mutations of buying: the cart, checkout, and the cart-less purchase for automation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry

from backend.api.billing.types import Invoice
from backend.api.commerce.modifications import LicenseUpgradeInput, MaintenanceInput
from backend.api.commerce.types import Cart, CartLine, Order
from backend.api.context import Info
from backend.api.enums import PaymentMethod, Permission
from backend.api.errors import UserError, errors_field, user_errors
from backend.api.ids import required_id
from backend.api.licensing.types import License
from backend.api.permissions import access
from backend.catalog.services import Catalog
from backend.commerce import cart, checkout, models
from backend.commerce.billing_details import BillingChanges
from backend.errors import DomainError


@strawberry.input(description="A new license to buy: codes from the catalog, never a price.")
class NewLicenseInput:
    product_code: str = strawberry.field(description="The product, e.g. `smartermail`.")
    edition_code: str = strawberry.field(description="`free`, `professional` or `enterprise`.")
    tier: str = strawberry.field(description='The tier\'s code: "250", "1000" or "unlimited"…')
    addon_codes: list[str] = strawberry.field(
        description="Add-ons the edition allows, e.g. `activesync`.", default_factory=list
    )
    quantity: int = strawberry.field(description="How many licenses (1 to 100).", default=1)
    assign_to_email: str | None = strawberry.field(
        description="Assign the licenses to this customer at checkout.", default=None
    )
    personal: bool = strawberry.field(
        description="For the reseller's own use rather than for resale.", default=False
    )

    def request(self) -> cart.NewLicenseRequest:
        return cart.NewLicenseRequest(
            product_code=self.product_code,
            edition_code=self.edition_code,
            tier=self.tier,
            addon_codes=tuple(self.addon_codes),
            quantity=self.quantity,
            assign_to_email=self.assign_to_email,
            personal=self.personal,
        )


@strawberry.type(description="The cart after the change.")
class CartPayload:
    cart: Cart | None = strawberry.field(description="The whole cart.", default=None)
    cart_line: CartLine | None = strawberry.field(
        description="The line added or changed.", default=None
    )
    user_errors: list[UserError] = errors_field()


@strawberry.input(description="Changes to a cart line; omitted fields stay as they are.")
class UpdateCartLineInput:
    line_id: strawberry.ID = strawberry.field(description="The cart line.")
    quantity: int | None = strawberry.field(description="How many (1 to 100).", default=None)
    assign_to_email: str | None = strawberry.field(
        description='Assign at checkout to this customer; "" to stop assigning.', default=None
    )
    personal: bool | None = strawberry.field(
        description="For the reseller's own use.", default=None
    )
    years: int | None = strawberry.field(
        description="Years of M&S (M&S lines only, 1 to 5).", default=None
    )


@strawberry.input(description="The cart line to remove.")
class RemoveCartLineInput:
    line_id: strawberry.ID = strawberry.field(description="The cart line.")


@strawberry.input(description="Billing details for this order; omitted fields take the account's.")
class BillingInput:
    name: str | None = strawberry.field(description="Company name.", default=None)
    contact_name: str | None = strawberry.field(description="Contact person.", default=None)
    address_line1: str | None = strawberry.field(description="Street address.", default=None)
    address_line2: str | None = strawberry.field(description="Suite, floor.", default=None)
    city: str | None = strawberry.field(description="City.", default=None)
    postal_code: str | None = strawberry.field(description="Postal code.", default=None)
    region: str | None = strawberry.field(description="State or region.", default=None)
    country: str | None = strawberry.field(description="Two-letter country code.", default=None)
    email: str | None = strawberry.field(description="Where the invoice goes.", default=None)

    def changes(self) -> BillingChanges:
        return BillingChanges(
            name=self.name,
            contact_name=self.contact_name,
            address_line1=self.address_line1,
            address_line2=self.address_line2,
            city=self.city,
            postal_code=self.postal_code,
            region=self.region,
            country=self.country,
            email=self.email,
        )


PAYMENT_HELP = (
    "PAY_ON_ORDER: the one-time token from the payment gateway (the sandbox takes "
    "`tok_success`, `tok_declined` and `tok_gateway_error`)."
)
IDEMPOTENCY_KEY = (
    "A unique value per purchase (e.g. a UUID). Sending the same request again with it returns "
    "the first result instead of buying twice; a different request with it is refused."
)


@strawberry.input(description="Check out the cart.")
class CheckoutInput:
    payment_method: PaymentMethod = strawberry.field(description="Pay now or on the invoice.")
    idempotency_key: str = strawberry.field(description=IDEMPOTENCY_KEY)
    payment_token: str | None = strawberry.field(description=PAYMENT_HELP, default=None)
    billing: BillingInput | None = strawberry.field(
        description="Billing details; omitted: the account's contact information.", default=None
    )


@strawberry.input(
    description="Buy without a cart, e.g. from a partner's web shop: new licenses, upgrades and "
    "M&S, 1 to 50 entries in all."
)
class PurchaseInput:
    lines: list[NewLicenseInput] = strawberry.field(
        description="New licenses to buy.", default_factory=list
    )
    license_upgrades: list[LicenseUpgradeInput] = strawberry.field(
        description="Upgrades of the account's licenses (one per license).", default_factory=list
    )
    maintenance: list[MaintenanceInput] = strawberry.field(
        description="M&S renewals or reinstatements of the account's licenses (one per license).",
        default_factory=list,
    )
    payment_method: PaymentMethod = strawberry.field(description="Pay now or on the invoice.")
    idempotency_key: str = strawberry.field(description=IDEMPOTENCY_KEY)
    payment_token: str | None = strawberry.field(description=PAYMENT_HELP, default=None)
    billing: BillingInput | None = strawberry.field(
        description="Billing details; omitted: the account's contact information.", default=None
    )


@strawberry.type(description="The order placed, its invoice and its licenses.")
class CheckoutPayload:
    order: Order | None = strawberry.field(description="The order.", default=None)
    invoice: Invoice | None = strawberry.field(description="The order's invoice.", default=None)
    licenses: list[License] = strawberry.field(
        description="The licenses issued.", default_factory=list
    )
    replayed: bool = strawberry.field(
        description="True when this answers a repeated request: nothing new was bought.",
        default=False,
    )
    user_errors: list[UserError] = errors_field()

    @classmethod
    def from_placed(cls, placed: checkout.Placed) -> CheckoutPayload:
        return cls(
            order=Order.from_row(placed.order),
            invoice=Invoice.from_row(placed.invoice),
            licenses=[License.from_row(row) for row in placed.licenses],
            replayed=placed.replayed,
        )


def _line_id(value: strawberry.ID) -> int:
    return required_id(value, "CartLine", what="cart line", field="line_id")


async def _cart(info: Info) -> Cart:
    """The cart after a change, priced from the catalog the change was checked against."""
    catalog = await info.context.loaders.catalog.load()
    return Cart.from_priced(await cart.load_cart(actor=info.context.actor, catalog=catalog))


async def _changed(
    info: Info, change: Callable[[Catalog], Awaitable[models.CartLine]]
) -> CartPayload:
    """The payload of a change to one cart line: the whole cart and that line, or the
    change's problems. ``change`` gets the request's catalog, which the cart is priced from."""
    try:
        row = await change(await info.context.loaders.catalog.load())
        current = await _cart(info)
    except DomainError as error:
        return CartPayload(user_errors=user_errors(error))
    line = next(line for line in current.lines if _is(line, row.id))
    return CartPayload(cart=current, cart_line=line)


@strawberry.type
class CommerceMutation:
    @strawberry.mutation(
        description="Add new licenses to the cart.", extensions=access(Permission.SHOP)
    )
    async def add_new_license_to_cart(self, info: Info, input: NewLicenseInput) -> CartPayload:
        return await _changed(
            info,
            lambda catalog: cart.add_new_license(
                actor=info.context.actor,
                request=input.request(),
                catalog=catalog,
            ),
        )

    @strawberry.mutation(
        description="Add an upgrade of one of the account's licenses to the cart: a higher "
        "edition or tier, and/or add-ons. It replaces an upgrade of that license already in it.",
        extensions=access(Permission.SHOP),
    )
    async def add_license_upgrade_to_cart(
        self, info: Info, input: LicenseUpgradeInput
    ) -> CartPayload:
        return await _changed(
            info,
            lambda catalog: cart.add_license_upgrade(
                actor=info.context.actor,
                request=input.request(),
                catalog=catalog,
            ),
        )

    @strawberry.mutation(
        description="Add M&S for one of the account's licenses to the cart: a renewal, or a "
        "reinstatement once lapsed. It replaces M&S of that license already in it.",
        extensions=access(Permission.SHOP),
    )
    async def add_maintenance_to_cart(self, info: Info, input: MaintenanceInput) -> CartPayload:
        return await _changed(
            info,
            lambda catalog: cart.add_maintenance(
                actor=info.context.actor,
                request=input.request(),
                catalog=catalog,
            ),
        )

    @strawberry.mutation(
        description="Change a cart line's quantity or assignment (new licenses) or its years "
        "(M&S).",
        extensions=access(Permission.SHOP),
    )
    async def update_cart_line(self, info: Info, input: UpdateCartLineInput) -> CartPayload:
        return await _changed(
            info,
            lambda catalog: cart.update_line(
                actor=info.context.actor,
                line_id=_line_id(input.line_id),
                changes=cart.LineChanges(
                    quantity=input.quantity,
                    assign_to_email=input.assign_to_email,
                    personal=input.personal,
                    years=input.years,
                ),
                catalog=catalog,
            ),
        )

    @strawberry.mutation(
        description="Remove a line from the cart.", extensions=access(Permission.SHOP)
    )
    async def remove_cart_line(self, info: Info, input: RemoveCartLineInput) -> CartPayload:
        try:
            await cart.remove_line(actor=info.context.actor, line_id=_line_id(input.line_id))
            current = await _cart(info)
        except DomainError as error:
            return CartPayload(user_errors=user_errors(error))
        return CartPayload(cart=current)

    @strawberry.mutation(
        description="Buy what is in the cart: creates the order, its invoice and the licenses, "
        "all or nothing, once per idempotency key.",
        extensions=access(Permission.SHOP),
    )
    async def checkout(self, info: Info, input: CheckoutInput) -> CheckoutPayload:
        try:
            placed = await checkout.checkout(
                actor=info.context.actor,
                payment=checkout.Payment(input.payment_method, input.payment_token),
                idempotency_key=input.idempotency_key,
                gateway=info.context.gateway,
                billing=input.billing.changes() if input.billing is not None else None,
                public_url=info.context.settings.public_url,
            )
        except DomainError as error:
            return CheckoutPayload(user_errors=user_errors(error))
        return CheckoutPayload.from_placed(placed)

    @strawberry.mutation(
        description="Buy licenses without a cart (for partners' servers with an API key): the "
        "same checkout, with the lines in the input.",
        extensions=access(Permission.SHOP),
    )
    async def purchase(self, info: Info, input: PurchaseInput) -> CheckoutPayload:
        try:
            placed = await checkout.purchase(
                actor=info.context.actor,
                lines=[line.request() for line in input.lines],
                license_upgrades=[upgrade.request() for upgrade in input.license_upgrades],
                maintenance=[entry.request() for entry in input.maintenance],
                payment=checkout.Payment(input.payment_method, input.payment_token),
                idempotency_key=input.idempotency_key,
                gateway=info.context.gateway,
                billing=input.billing.changes() if input.billing is not None else None,
                public_url=info.context.settings.public_url,
            )
        except DomainError as error:
            return CheckoutPayload(user_errors=user_errors(error))
        return CheckoutPayload.from_placed(placed)


def _is(line: CartLine, line_id: int) -> bool:
    return line.id == CartLine.global_id(line_id)
