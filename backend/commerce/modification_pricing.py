"""Pricing the modifications of a license: the license as it is (``LicenseState``), upgrades
and add-ons bought mid-term (prorated to the M&S expiry). Pure functions of the catalog snapshot,
the license and the time; the rules are in ``backend.commerce.pricing``'s module doc, M&S in
``maintenance_pricing``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Protocol, TypeVar

from backend.catalog.services import (
    Catalog,
    CatalogAddon,
    CatalogEdition,
    CatalogProduct,
    CatalogTier,
)
from backend.commerce.models import LineKind
from backend.commerce.pricing import (
    YEAR_MONTHS,
    add_months,
    fraction_half_up,
    list_price,
    yearly_price,
)
from backend.errors import DomainError, ErrorKind, Problems
from backend.licensing.maintenance import MaintenanceStatus, maintenance_status


@dataclass(frozen=True, slots=True)
class LicenseState:
    """A license as it is: what a modification is priced against and applied to."""

    id: int
    key: str
    product: CatalogProduct
    edition: CatalogEdition
    tier: CatalogTier
    addons: tuple[CatalogAddon, ...]
    """In catalog order."""
    maintenance_expires_at: datetime
    revision: int

    @property
    def label(self) -> str:
        return f"{self.product.name} {self.edition.name}, {self.tier.name}"

    def as_json(self) -> dict[str, Any]:
        """The state as an order line's ``change`` keeps it (codes, an ISO time)."""
        return {
            "edition": self.edition.code,
            "tier": self.tier.code,
            "addons": [addon.code for addon in self.addons],
            "maintenance_expires_at": self.maintenance_expires_at.isoformat(),
            "revision": self.revision,
        }


class LicenseRow(Protocol):
    """What a license state is read from: a ``License`` row, or the API's License object."""

    id: int
    key: str
    product_id: int
    edition_id: int
    tier_id: int
    maintenance_expires_at: datetime
    revision: int


def license_state(catalog: Catalog, row: LicenseRow, addon_ids: Iterable[int]) -> LicenseState:
    """A license's state from its row's ids, resolved in the catalog."""
    product: CatalogProduct = catalog.by_id["product"][row.product_id]
    owned = set(addon_ids)
    return LicenseState(
        id=row.id,
        key=row.key,
        product=product,
        edition=catalog.by_id["edition"][row.edition_id],
        tier=catalog.by_id["tier"][row.tier_id],
        addons=tuple(addon for addon in product.addons if addon.id in owned),
        maintenance_expires_at=row.maintenance_expires_at,
        revision=row.revision,
    )


def utc_day(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def iso_day(moment: datetime) -> str:
    return utc_day(moment).isoformat()


def prorated(yearly: int, *, now: datetime, until: datetime) -> int:
    """``yearly`` prorated by day for the time from ``now`` to ``until`` (see the module doc):
    each whole year (12 months counted back from ``until``) at the yearly price, the days before
    them as a fraction of the year they belong to, rounded half up once; 0 from ``until`` on."""
    if yearly < 0:
        raise ValueError("prorated takes a non-negative yearly price")
    today, end = utc_day(now), utc_day(until)
    if end <= today:
        return 0
    years = 0
    while add_months(end, -YEAR_MONTHS * (years + 1)) >= today:
        years += 1
    whole_years_start = add_months(end, -YEAR_MONTHS * years)
    year_start = add_months(end, -YEAR_MONTHS * (years + 1))
    days_in_year = (whole_years_start - year_start).days
    days_left = (whole_years_start - today).days
    return fraction_half_up(yearly * (years * days_in_year + days_left), days_in_year)


@dataclass(frozen=True, slots=True)
class Upgrade:
    """A priced upgrade of one license: a new edition and/or tier, and add-ons bought now."""

    license: LicenseState
    """As it was when priced."""
    edition: CatalogEdition
    tier: CatalogTier
    added: tuple[CatalogAddon, ...]
    added_prices: tuple[int, ...]
    """Each added add-on's yearly price at ``tier``, prorated to the M&S expiry."""
    moved_prices: tuple[int, ...]
    """When the tier goes up: each add-on the license has, its yearly price difference
    prorated to the M&S expiry (in the order of ``license.addons``); else empty."""
    list_difference: int
    kind: ClassVar[LineKind] = LineKind.UPGRADE

    @property
    def product(self) -> CatalogProduct:
        return self.license.product

    @property
    def addons(self) -> tuple[CatalogAddon, ...]:
        """The add-ons this line buys."""
        return self.added

    @property
    def unit_price(self) -> int:
        return self.list_difference + sum(self.moved_prices) + sum(self.added_prices)

    @property
    def description(self) -> str:
        before = self.license
        text = before.label
        if (self.edition, self.tier) != (before.edition, before.tier):
            text += f" → {self.edition.name}, {self.tier.name}"
        prorated_part = []
        if any(self.moved_prices):
            names = ", ".join(addon.name for addon in before.addons)
            prorated_part.append(f"{names} at {self.tier.name}")
        if self.added:
            prorated_part.append("+ " + ", ".join(addon.name for addon in self.added))
        if prorated_part:
            until = iso_day(before.maintenance_expires_at)
            text += ", " + ", ".join(prorated_part) + f" (prorated to {until})"
        return f"{text}; key {before.key}"

    def applied_to(self, state: LicenseState) -> LicenseState:
        """The license after this upgrade: a new revision (installations reactivate)."""
        owned = {addon.id for addon in state.addons} | {addon.id for addon in self.added}
        return replace(
            state,
            edition=self.edition,
            tier=self.tier,
            addons=tuple(addon for addon in state.product.addons if addon.id in owned),
            revision=state.revision + 1,
        )


Choice = TypeVar("Choice", CatalogEdition, CatalogTier)


def _choice(
    options: Sequence[Choice],
    code: str | None,
    current: Choice,
    *,
    what: str,
    field: str,
    product: CatalogProduct,
    problems: Problems,
) -> Choice:
    """The edition or tier an upgrade asks for (the current one when not asked)."""
    if code is None or code == current.code:
        return current
    found = next((option for option in options if option.code == code), None)
    if found is None:
        problems.add(ErrorKind.NOT_FOUND, f"{product.name} has no {what} {code!r}.", field)
        return current
    if found.rank < current.rank:
        problems.add(
            ErrorKind.INVALID,
            f"Downgrades are not sold: the license's {what} is {current.name}, "
            f"higher than {found.name}.",
            field,
        )
        return current
    return found


def price_upgrade(
    catalog: Catalog,
    license: LicenseState,
    *,
    edition_code: str | None = None,
    tier_code: str | None = None,
    add_addon_codes: Sequence[str] = (),
    now: datetime,
) -> Upgrade:
    """An upgrade of ``license`` (None keeps the edition or tier), priced as the module doc says.

    Raises a ``DomainError`` naming the fields at fault (``edition_code``, ``tier``,
    ``add_addon_codes``/<position>) for an unknown code, a downgrade, an add-on that cannot be
    added, or a change that changes nothing.
    """
    product = license.product
    problems = Problems()
    edition = _choice(
        product.editions,
        edition_code,
        license.edition,
        what="edition",
        field="edition_code",
        product=product,
        problems=problems,
    )
    tier = _choice(
        product.tiers,
        tier_code,
        license.tier,
        what="tier",
        field="tier",
        product=product,
        problems=problems,
    )
    for addon in license.addons:
        if edition not in addon.allowed_editions:
            problems.add(
                ErrorKind.INVALID,
                f"The license has {addon.name}, which {edition.name} does not include.",
                "edition_code",
            )
    active = (
        maintenance_status(
            license.maintenance_expires_at, now=now, grace_days=catalog.maintenance.grace_days
        )
        is MaintenanceStatus.ACTIVE
    )
    added = _added_addons(license, edition, add_addon_codes, active=active, problems=problems)
    problems.raise_if_any()
    if (edition, tier) == (license.edition, license.tier) and not added:
        raise DomainError(
            ErrorKind.INVALID, "Choose a higher edition or tier, or add-ons: nothing would change."
        )
    current_price = list_price(product, license.edition, license.tier)
    new_price = list_price(product, edition, tier)
    if new_price is None:
        raise DomainError(
            ErrorKind.INVALID,
            f"{product.name} {edition.name} is not sold with {tier.name}.",
            field="tier",
        )
    if current_price is None:
        raise DomainError(
            ErrorKind.INVALID, f"{license.label} is no longer on sale: it cannot be upgraded."
        )
    changed_field = "edition_code" if edition != license.edition else "tier"
    if new_price < current_price:
        raise DomainError(
            ErrorKind.INVALID,
            f"Downgrades are not sold: {edition.name}, {tier.name} costs less than "
            f"{license.edition.name}, {license.tier.name}.",
            field=changed_field,
        )
    until = license.maintenance_expires_at
    moved_prices: list[int] = []
    if tier != license.tier:
        for addon in license.addons:
            new_yearly = yearly_price(addon, tier)
            if new_yearly is None:
                problems.add(
                    ErrorKind.INVALID,
                    f"The license has {addon.name}, which is not sold with {tier.name}.",
                    "tier",
                )
                continue
            uplift = max(0, new_yearly - (yearly_price(addon, license.tier) or 0))
            moved_prices.append(prorated(uplift, now=now, until=until))
    added_prices: list[int] = []
    for addon in added:
        yearly = yearly_price(addon, tier)
        if yearly is None:
            position = list(add_addon_codes).index(addon.code)
            problems.add(
                ErrorKind.INVALID,
                f"{addon.name} is not sold with {tier.name}.",
                ("add_addon_codes", str(position)),
            )
            continue
        added_prices.append(prorated(yearly, now=now, until=until))
    problems.raise_if_any()
    return Upgrade(
        license=license,
        edition=edition,
        tier=tier,
        added=added,
        added_prices=tuple(added_prices),
        moved_prices=tuple(moved_prices),
        list_difference=new_price - current_price,
    )


def _added_addons(
    license: LicenseState,
    edition: CatalogEdition,
    codes: Sequence[str],
    *,
    active: bool,
    problems: Problems,
) -> tuple[CatalogAddon, ...]:
    product = license.product
    found: list[CatalogAddon] = []
    for index, code in enumerate(codes):
        field = ("add_addon_codes", str(index))
        addon = next((a for a in product.addons if a.code == code), None)
        if addon is None:
            problems.add(ErrorKind.NOT_FOUND, f"{product.name} has no add-on {code!r}.", field)
        elif addon in found:
            problems.add(ErrorKind.INVALID, f"{addon.name} is chosen twice.", field)
        elif addon in license.addons:
            problems.add(ErrorKind.INVALID, f"The license already has {addon.name}.", field)
        elif edition not in addon.allowed_editions:
            allowed = ", ".join(e.name for e in addon.allowed_editions) or "no edition"
            problems.add(
                ErrorKind.INVALID,
                f"{addon.name} is not available with {edition.name} (only with {allowed}).",
                field,
            )
        elif not active:
            problems.add(
                ErrorKind.INVALID,
                f"Add-ons are bought while M&S is active, and it ended on "
                f"{iso_day(license.maintenance_expires_at)}: renew M&S first.",
                field,
            )
        else:
            found.append(addon)
    return tuple(sorted(found, key=product.addons.index))


class AboutLicense:
    """A line about one license that leaves its product, edition and tier as they are."""

    __slots__ = ()
    license: LicenseState

    @property
    def product(self) -> CatalogProduct:
        return self.license.product

    @property
    def edition(self) -> CatalogEdition:
        return self.license.edition

    @property
    def tier(self) -> CatalogTier:
        return self.license.tier


@dataclass(frozen=True, slots=True)
class Unavailable(AboutLicense):
    """A modification in a cart that can no longer be bought (the license changed, or time
    passed): shown with its reason at no price, refused at checkout."""

    license: LicenseState
    kind: LineKind
    problem: str

    @property
    def addons(self) -> tuple[CatalogAddon, ...]:
        return ()

    @property
    def unit_price(self) -> int:
        return 0

    @property
    def description(self) -> str:
        what = "Upgrade" if self.kind is LineKind.UPGRADE else "M&S"
        return f"{self.license.label}: {what} no longer possible; key {self.license.key}"
