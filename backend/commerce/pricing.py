"""The pricing engine: DESIGN.md §3 as pure functions of the catalog snapshot (no database).

Every amount is an integer of cents. The one rounding rule: a percentage of an amount is
computed per line and rounded half up to the cent (``percent_of``). A line's subtotal is its
unit price times its quantity; its discount is the reseller's percentage of that subtotal; its
total is the subtotal less the discount. A cart's or an order's subtotal, discount and total are
the sums of its lines', so they always add up exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from backend.catalog.services import (
    Catalog,
    CatalogAddon,
    CatalogEdition,
    CatalogProduct,
    CatalogTier,
)
from backend.errors import DomainError, ErrorKind, Problems

BASIS_POINTS = 10_000
"""100% in basis points: percentages are integers (2000 = 20%) so that they stay exact."""


def percent_of(cents: int, basis_points: int) -> int:
    """``basis_points`` of ``cents``, rounded half up to the cent (both non-negative)."""
    if cents < 0 or basis_points < 0:
        raise ValueError("percent_of takes non-negative amounts and rates")
    return (cents * basis_points + BASIS_POINTS // 2) // BASIS_POINTS


@dataclass(frozen=True, slots=True)
class NewLicense:
    """A priced choice of a new license: one unit, before quantity and discount."""

    product: CatalogProduct
    edition: CatalogEdition
    tier: CatalogTier
    addons: tuple[CatalogAddon, ...]
    list_price: int
    addon_prices: tuple[int, ...]
    """The yearly price of each of ``addons`` at this tier, in the same order."""

    @property
    def unit_price(self) -> int:
        return self.list_price + sum(self.addon_prices)

    @property
    def description(self) -> str:
        text = f"{self.product.name} {self.edition.name}, {self.tier.name}"
        if self.addons:
            text += " with " + ", ".join(addon.name for addon in self.addons)
        return text


def price_new_license(
    catalog: Catalog,
    *,
    product_code: str,
    edition_code: str,
    tier_code: str,
    addon_codes: Sequence[str] = (),
) -> NewLicense:
    """The list price of (product, edition, tier) plus each add-on's yearly price at that tier.

    Raises a ``DomainError`` naming each field at fault (``product_code``, ``edition_code``,
    ``tier``, ``addon_codes``) for an unknown choice, a combination not on sale, or an add-on the
    edition does not allow.
    """
    product = catalog.product(product_code)
    if product is None:
        raise DomainError(
            ErrorKind.NOT_FOUND, f"No product {product_code!r}.", field="product_code"
        )
    problems = Problems()
    edition = next((e for e in product.editions if e.code == edition_code), None)
    if edition is None:
        problems.add(
            ErrorKind.NOT_FOUND, f"{product.name} has no edition {edition_code!r}.", "edition_code"
        )
    tier = next((t for t in product.tiers if t.code == tier_code), None)
    if tier is None:
        problems.add(ErrorKind.NOT_FOUND, f"{product.name} has no tier {tier_code!r}.", "tier")
    addons = _addons(product, edition, addon_codes, problems)
    problems.raise_if_any()
    assert edition is not None
    assert tier is not None
    price = next(
        (
            p.price.cents
            for p in product.prices
            if p.edition.id == edition.id and p.tier.id == tier.id
        ),
        None,
    )
    if price is None:
        raise DomainError(
            ErrorKind.INVALID,
            f"{product.name} {edition.name} is not sold with {tier.name}.",
            field="tier",
        )
    addon_prices = []
    for addon in addons:
        yearly = next((p.yearly_price.cents for p in addon.prices if p.tier.id == tier.id), None)
        if yearly is None:
            # ``addons`` is in catalog order: name the position the client gave the add-on
            position = list(addon_codes).index(addon.code)
            problems.add(
                ErrorKind.INVALID,
                f"{addon.name} is not sold with {tier.name}.",
                ("addon_codes", str(position)),
            )
        else:
            addon_prices.append(yearly)
    problems.raise_if_any()
    return NewLicense(product, edition, tier, addons, price, tuple(addon_prices))


def _addons(
    product: CatalogProduct,
    edition: CatalogEdition | None,
    codes: Sequence[str],
    problems: Problems,
) -> tuple[CatalogAddon, ...]:
    found: list[CatalogAddon] = []
    for index, code in enumerate(codes):
        field = ("addon_codes", str(index))
        addon = next((a for a in product.addons if a.code == code), None)
        if addon is None:
            problems.add(ErrorKind.NOT_FOUND, f"{product.name} has no add-on {code!r}.", field)
        elif addon in found:
            problems.add(ErrorKind.INVALID, f"{addon.name} is chosen twice.", field)
        elif edition is not None and edition not in addon.allowed_editions:
            allowed = ", ".join(e.name for e in addon.allowed_editions) or "no edition"
            problems.add(
                ErrorKind.INVALID,
                f"{addon.name} is not available with {edition.name} (only with {allowed}).",
                field,
            )
        else:
            found.append(addon)
    # the catalog's order, whatever order the client sent
    return tuple(sorted(found, key=product.addons.index))


@dataclass(frozen=True, slots=True)
class LinePrice:
    unit_price: int
    quantity: int
    subtotal: int
    discount: int
    total: int


def price_line(*, unit_price: int, quantity: int, discount_bps: int) -> LinePrice:
    """A line's amounts: the discount is the percentage of its subtotal, rounded half up."""
    if unit_price < 0 or quantity < 1 or not 0 <= discount_bps <= BASIS_POINTS:
        raise ValueError("a line needs a non-negative price, a positive quantity, a 0-100% rate")
    subtotal = unit_price * quantity
    discount = percent_of(subtotal, discount_bps)
    return LinePrice(unit_price, quantity, subtotal, discount, subtotal - discount)


@dataclass(frozen=True, slots=True)
class Totals:
    subtotal: int
    discount: int
    total: int


def totals(lines: Iterable[LinePrice]) -> Totals:
    """The sums of the lines' amounts."""
    subtotal = discount = total = 0
    for line in lines:
        subtotal += line.subtotal
        discount += line.discount
        total += line.total
    return Totals(subtotal, discount, total)
