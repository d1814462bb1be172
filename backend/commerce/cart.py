"""The cart: one per user, holding choices; prices come from the current catalog on every read.

Cart changes are drafts and are not audited; the order a cart becomes is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import Reseller
from backend.catalog.services import Catalog, load_catalog
from backend.commerce.models import MAX_QUANTITY, CartLine, LineKind
from backend.commerce.pricing import (
    LinePrice,
    NewLicense,
    Totals,
    price_line,
    price_new_license,
    totals,
)
from backend.errors import DomainError, ErrorKind, Problem, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.emails import normalize_email
from backend.identity.models import User
from backend.identity.roles import Permission

MAX_CART_LINES = 50


@dataclass(frozen=True, slots=True)
class NewLicenseRequest:
    """A new license as a client asks for it: codes, not ids; never a price."""

    product_code: str
    edition_code: str
    tier: str
    addon_codes: tuple[str, ...] = ()
    quantity: int = 1
    assign_to_email: str | None = None
    personal: bool = False


@dataclass(frozen=True, slots=True)
class PricedLine:
    kind: LineKind
    item: NewLicense
    price: LinePrice
    assign_to_email: str | None
    personal: bool
    cart_line_id: int | None = None


@dataclass(frozen=True, slots=True)
class PricedCart:
    lines: tuple[PricedLine, ...]
    discount_bps: int
    totals: Totals

    @property
    def signature(self) -> tuple[object, ...]:
        """What the buyer agreed to: a checkout places exactly this or nothing."""
        return (
            self.discount_bps,
            self.totals,
            tuple((line.cart_line_id, line.item.description, line.price) for line in self.lines),
        )


def priced(lines: Sequence[PricedLine], discount_bps: int) -> PricedCart:
    return PricedCart(tuple(lines), discount_bps, totals(line.price for line in lines))


def check_new_license(
    catalog: Catalog,
    request: NewLicenseRequest,
    *,
    discount_bps: int,
    prefix: tuple[str, ...] = (),
) -> PricedLine:
    """A requested new license, checked and priced; problems name fields under ``prefix``."""
    problems = Problems()
    if not 1 <= request.quantity <= MAX_QUANTITY:
        problems.add(
            ErrorKind.INVALID, f"Choose a quantity from 1 to {MAX_QUANTITY}.", (*prefix, "quantity")
        )
    email = _assign_to(request.assign_to_email, problems, prefix)
    if request.personal and email is not None:
        problems.add(
            ErrorKind.INVALID,
            "A personal license is for your own use: it is not assigned to a customer.",
            (*prefix, "personal"),
        )
    item: NewLicense | None = None
    try:
        item = price_new_license(
            catalog,
            product_code=request.product_code.strip(),
            edition_code=request.edition_code.strip(),
            tier_code=request.tier.strip(),
            addon_codes=[code.strip() for code in request.addon_codes],
        )
    except DomainError as error:
        problems.found.extend(_under(prefix, error.problems))
    problems.raise_if_any()
    assert item is not None
    return PricedLine(
        kind=LineKind.NEW_LICENSE,
        item=item,
        price=price_line(
            unit_price=item.unit_price, quantity=request.quantity, discount_bps=discount_bps
        ),
        assign_to_email=email,
        personal=request.personal,
    )


def _assign_to(value: str | None, problems: Problems, prefix: tuple[str, ...]) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return normalize_email(value, field=(*prefix, "assign_to_email"))
    except DomainError as error:
        problems.found.extend(error.problems)
        return None


def _under(prefix: tuple[str, ...], problems: Sequence[Problem]) -> list[Problem]:
    return [
        Problem(p.kind, p.message, (*prefix, *p.field) if p.field else prefix or None)
        for p in problems
    ]


def _shopper(actor: Actor) -> tuple[int, int]:
    """The user and reseller whose cart this is."""
    actor.require(Permission.SHOP)
    if actor.user_id is None or actor.reseller_id is None:
        raise DomainError(
            ErrorKind.PERMISSION_DENIED,
            "An API key has no cart: buy with the `purchase` mutation instead.",
        )
    return actor.user_id, actor.reseller_id


def request_of(catalog: Catalog, line: CartLine) -> NewLicenseRequest:
    """A cart line as the request it stands for."""
    return NewLicenseRequest(
        product_code=catalog.by_id["product"][line.product_id].code,
        edition_code=catalog.by_id["edition"][line.edition_id].code,
        tier=catalog.by_id["tier"][line.tier_id].code,
        addon_codes=tuple(line.addon_codes),
        quantity=line.quantity,
        assign_to_email=line.assign_to_email,
        personal=line.personal,
    )


async def cart_lines(user_id: int) -> list[CartLine]:
    return await CartLine.filter(user_id=user_id).order_by("created_at", "id")


def price_cart(catalog: Catalog, lines: Sequence[CartLine], discount_bps: int) -> PricedCart:
    """The cart at today's prices; a line no longer on sale is refused with its position."""
    priced_lines = []
    for index, line in enumerate(lines):
        checked = check_new_license(
            catalog,
            request_of(catalog, line),
            discount_bps=discount_bps,
            prefix=("lines", str(index)),
        )
        priced_lines.append(replace(checked, cart_line_id=line.id))
    return priced(priced_lines, discount_bps)


async def load_cart(*, actor: Actor, catalog: Catalog | None = None) -> PricedCart:
    user_id, reseller_id = _shopper(actor)
    catalog = catalog or await load_catalog()
    reseller = await Reseller.get(id=reseller_id)
    return price_cart(catalog, await cart_lines(user_id), reseller.discount_bps)


async def add_new_license(
    *, actor: Actor, request: NewLicenseRequest, catalog: Catalog | None = None
) -> CartLine:
    user_id, reseller_id = _shopper(actor)
    catalog = catalog or await load_catalog()
    line = check_new_license(catalog, request, discount_bps=0)
    async with in_transaction():
        # one add at a time per cart on PostgreSQL (SQLite serialises writers anyway), so that
        # concurrent adds cannot pass the limit between the count and the insert
        await User.filter(id=user_id).select_for_update().first()  # values_list drops the lock
        if await CartLine.filter(user_id=user_id).count() >= MAX_CART_LINES:
            raise DomainError(
                ErrorKind.CONFLICT,
                f"A cart holds at most {MAX_CART_LINES} lines: check out, or use a quantity.",
            )
        now = clock.now()
        return await CartLine.create(
            user_id=user_id,
            reseller_id=reseller_id,
            kind=LineKind.NEW_LICENSE,
            product_id=line.item.product.id,
            edition_id=line.item.edition.id,
            tier_id=line.item.tier.id,
            addon_codes=[addon.code for addon in line.item.addons],
            quantity=request.quantity,
            assign_to_email=line.assign_to_email,
            personal=line.personal,
            created_at=now,
            updated_at=now,
        )


@dataclass(frozen=True, slots=True)
class LineChanges:
    """Changes to a cart line; None leaves a field as it is, "" clears ``assign_to_email``."""

    quantity: int | None = None
    assign_to_email: str | None = None
    personal: bool | None = None


async def update_line(
    *, actor: Actor, line_id: int, changes: LineChanges, catalog: Catalog | None = None
) -> CartLine:
    user_id, _ = _shopper(actor)
    catalog = catalog or await load_catalog()
    async with in_transaction():
        line = await CartLine.filter(user_id=user_id, id=line_id).select_for_update().first()
        if line is None:
            raise not_found("cart line", "line_id")
        request = request_of(catalog, line)
        wanted = NewLicenseRequest(
            product_code=request.product_code,
            edition_code=request.edition_code,
            tier=request.tier,
            addon_codes=request.addon_codes,
            quantity=request.quantity if changes.quantity is None else changes.quantity,
            assign_to_email=(
                request.assign_to_email
                if changes.assign_to_email is None
                else changes.assign_to_email
            ),
            personal=request.personal if changes.personal is None else changes.personal,
        )
        checked = check_new_license(catalog, wanted, discount_bps=0)
        line.quantity = wanted.quantity
        line.assign_to_email = checked.assign_to_email
        line.personal = checked.personal
        line.updated_at = clock.now()
        await line.save(update_fields=["quantity", "assign_to_email", "personal", "updated_at"])
        return line


async def remove_line(*, actor: Actor, line_id: int) -> None:
    user_id, _ = _shopper(actor)
    deleted = await CartLine.filter(user_id=user_id, id=line_id).delete()
    if not deleted:
        raise not_found("cart line", "line_id")
