"""The pricing engine: DESIGN.md §3 as pure functions of the catalog snapshot (no database).

Every amount is an integer of cents. The one rounding rule: a percentage or fraction of an amount
is computed per line and rounded half up to the cent (``percent_of``, ``fraction_half_up``). A
line's subtotal is its unit price times its quantity; its discount is the reseller's percentage of
that subtotal; its total is the subtotal less the discount. A cart's or an order's subtotal,
discount and total are the sums of its lines', so they always add up exactly.

New license: the list price of (product, edition, tier) plus each add-on's yearly price at that
tier.

Modifications of a license (one unit each; ``modification_pricing``, ``maintenance_pricing``),
always against today's catalog and the license as it is when priced (a cart is priced again at
every read and inside checkout's transaction):

- Upgrade (``price_upgrade``): the list price of the new (edition, tier) less the list price of
  the license's current one. The edition's and the tier's rank may only go up, and the
  difference may not be negative: downgrades are not sold. A change that changes nothing is
  refused. Every add-on the license has must be allowed by the new edition and sold at the new
  tier. When the tier goes up, each add-on the license already has costs the difference of its
  yearly prices (new tier less old tier, never below 0) prorated like a mid-term add-on: more
  seats of an add-on are more add-on. Edition and tier may be upgraded whatever the M&S status
  (the license is perpetual); with M&S ended that prorated part is 0.
- Add-ons bought mid-term (``add_addon_codes`` of an upgrade): each add-on's yearly price at the
  license's tier (the new one when the tier changes too) prorated by day to co-terminate with
  the license's M&S (``prorated``): the whole years (of 12 months, counted back from the M&S
  expiry) still to run cost the yearly price each, and the part of a year before them costs
  ``yearly x days left / days of that year`` (365 or 366: the year that ends where the whole
  years begin, i.e. at the expiry when less than a year is left). Days are UTC calendar days, so
  the price is 0 on the day M&S ends. The whole is rounded half up once per add-on. Refused
  unless M&S is ACTIVE (an M&S line in the same order does not count: renew first), the (new)
  edition allows the add-on, and the license lacks it.
- M&S renewal (``price_maintenance``, M&S ACTIVE or EXPIRED less than ``grace_days`` ago): per
  year, ``renewal_percent`` of the current list price of the license's (edition, tier), plus
  each of its add-ons' yearly price at that tier: add-ons run while M&S does, so renewing M&S
  renews them. The new expiry is the old one plus ``term_months`` per year (``add_months``); a
  renewal whose new expiry would still be in the past is refused (buy more years).
- M&S reinstatement (EXPIRED ``grace_days`` ago or more, i.e. LAPSED): the first year costs the
  one-year renewal price x (1 + months lapsed / 12), rounded half up, plus the reinstatement fee
  (``reinstatement_fee_percent`` of the one-year renewal price); each further year costs the
  renewal price. Months lapsed are the whole calendar months from the old expiry to now (the
  largest m with old expiry + m months <= now). The new expiry is now plus ``term_months`` per
  year.
- Years of M&S per line: 1 to ``MAX_MAINTENANCE_YEARS``.
- An upgrade and an M&S line of the same license in one order are both priced against the
  license as it was before the order, and both are applied.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

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
YEAR_MONTHS = 12


def percent_of(cents: int, basis_points: int) -> int:
    """``basis_points`` of ``cents``, rounded half up to the cent (both non-negative)."""
    if cents < 0 or basis_points < 0:
        raise ValueError("percent_of takes non-negative amounts and rates")
    return fraction_half_up(cents * basis_points, BASIS_POINTS)


def fraction_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` exactly, rounded half up to an integer (cents)."""
    if numerator < 0 or denominator <= 0:
        raise ValueError("fraction_half_up takes a non-negative numerator, a positive denominator")
    return (2 * numerator + denominator) // (2 * denominator)


def percent_to_bps(percent: Decimal) -> int:
    """A catalog percentage (``Decimal("12.5")``) in basis points (1250), exactly."""
    points = percent * 100
    if points != points.to_integral_value():
        raise ValueError(f"{percent}% is not a whole number of basis points")
    return int(points)


Moment = TypeVar("Moment", bound=date)


def add_months(moment: Moment, months: int) -> Moment:
    """``moment`` (a date or a time) plus whole months; the 31st becomes the last day of a
    shorter month (a license issued on 31 January has M&S until 28 or 29 February)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


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
    price = list_price(product, edition, tier)
    if price is None:
        raise DomainError(
            ErrorKind.INVALID,
            f"{product.name} {edition.name} is not sold with {tier.name}.",
            field="tier",
        )
    addon_prices = []
    for addon in addons:
        yearly = yearly_price(addon, tier)
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


def list_price(product: CatalogProduct, edition: CatalogEdition, tier: CatalogTier) -> int | None:
    """The list price of a new license of (edition, tier); None when that pair is not sold."""
    return next(
        (
            p.price.cents
            for p in product.prices
            if p.edition.id == edition.id and p.tier.id == tier.id
        ),
        None,
    )


def yearly_price(addon: CatalogAddon, tier: CatalogTier) -> int | None:
    """An add-on's price for a year at ``tier``; None when it is not sold at that tier."""
    return next((p.yearly_price.cents for p in addon.prices if p.tier.id == tier.id), None)


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
