"""Lines to buy: a request (a new license, an upgrade, M&S) checked and priced as a line.

A cart and a ``purchase`` mix the three kinds; checkout writes each as an order line. A
modification is one unit of one license, priced against the license as it is (``LicenseState``)
and today's catalog, so it is priced again whenever its cart is read: a maintenance line becomes
a reinstatement once the grace period ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from backend.catalog.services import Catalog
from backend.commerce.maintenance_pricing import Maintenance, price_maintenance
from backend.commerce.models import MAX_QUANTITY, LineKind
from backend.commerce.modification_pricing import (
    LicenseState,
    Unavailable,
    Upgrade,
    price_upgrade,
)
from backend.commerce.pricing import (
    LinePrice,
    NewLicense,
    Totals,
    price_line,
    price_new_license,
    totals,
)
from backend.errors import DomainError, ErrorKind, Problem, Problems
from backend.identity.emails import normalize_email

Item = NewLicense | Upgrade | Maintenance | Unavailable
"""What a priced line buys."""


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
class LicenseUpgradeRequest:
    """An upgrade of a license: a higher edition or tier, add-ons; None keeps what it has."""

    license_key: str
    edition_code: str | None = None
    tier: str | None = None
    add_addon_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MaintenanceRequest:
    """M&S for a license: a renewal, or a reinstatement once lapsed (decided when priced)."""

    license_key: str
    years: int = 1


@dataclass(frozen=True, slots=True)
class PricedLine:
    kind: LineKind
    item: Item
    price: LinePrice
    assign_to_email: str | None = None
    personal: bool = False
    cart_line_id: int | None = None

    @property
    def license(self) -> LicenseState | None:
        """The license a modification changes (as priced); None for new licenses."""
        return None if isinstance(self.item, NewLicense) else self.item.license

    @property
    def years(self) -> int | None:
        return self.item.years if isinstance(self.item, Maintenance) else None

    @property
    def problem(self) -> str | None:
        """Why the line cannot be bought now (a modification overtaken by events)."""
        return self.item.problem if isinstance(self.item, Unavailable) else None


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

    def raise_if_unavailable(self) -> None:
        """Refuse to place lines that cannot be bought, naming each."""
        problems = [
            Problem(
                ErrorKind.CONFLICT, f"{line.item.description}: {line.problem}", ("lines", str(i))
            )
            for i, line in enumerate(self.lines)
            if line.problem is not None
        ]
        if problems:
            raise DomainError(problems=problems)


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
        problems.found.extend(under(prefix, error.problems))
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


def check_upgrade(
    catalog: Catalog,
    request: LicenseUpgradeRequest,
    license: LicenseState,
    *,
    discount_bps: int,
    now: datetime,
    prefix: tuple[str, ...] = (),
) -> PricedLine:
    """A requested upgrade of ``license``, checked and priced (see ``price_upgrade``)."""
    try:
        item = price_upgrade(
            catalog,
            license,
            edition_code=_code(request.edition_code),
            tier_code=_code(request.tier),
            add_addon_codes=[code.strip() for code in request.add_addon_codes],
            now=now,
        )
    except DomainError as error:
        raise DomainError(problems=under(prefix, error.problems)) from None
    return modification(item, discount_bps=discount_bps)


def check_maintenance(
    catalog: Catalog,
    request: MaintenanceRequest,
    license: LicenseState,
    *,
    discount_bps: int,
    now: datetime,
    prefix: tuple[str, ...] = (),
) -> PricedLine:
    """Requested M&S for ``license``, checked and priced (see ``price_maintenance``)."""
    try:
        item = price_maintenance(catalog, license, years=request.years, now=now)
    except DomainError as error:
        raise DomainError(problems=under(prefix, error.problems)) from None
    return modification(item, discount_bps=discount_bps)


def modification(item: Upgrade | Maintenance | Unavailable, *, discount_bps: int) -> PricedLine:
    """A modification as a line: one unit, never assigned."""
    return PricedLine(
        kind=item.kind,
        item=item,
        price=price_line(unit_price=item.unit_price, quantity=1, discount_bps=discount_bps),
    )


def _code(value: str | None) -> str | None:
    """A code as given; blank is the same as not given."""
    return value.strip() or None if value is not None else None


def _assign_to(value: str | None, problems: Problems, prefix: tuple[str, ...]) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return normalize_email(value, field=(*prefix, "assign_to_email"))
    except DomainError as error:
        problems.found.extend(error.problems)
        return None


def under(prefix: tuple[str, ...], problems: Sequence[Problem]) -> list[Problem]:
    """``problems`` with their fields moved under ``prefix`` (e.g. a line of a purchase)."""
    return [
        Problem(p.kind, p.message, (*prefix, *p.field) if p.field else prefix or None)
        for p in problems
    ]
