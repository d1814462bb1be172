"""Pricing M&S of a license: a renewal, or a reinstatement once it lapsed. A pure function of
the catalog snapshot, the license as it is and the time; the rules are in
``backend.commerce.pricing``'s module doc."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from backend.catalog.services import (
    Catalog,
    CatalogAddon,
)
from backend.commerce.models import MAX_MAINTENANCE_YEARS, LineKind
from backend.commerce.modification_pricing import AboutLicense, LicenseState, iso_day
from backend.commerce.pricing import (
    YEAR_MONTHS,
    add_months,
    fraction_half_up,
    list_price,
    percent_of,
    percent_to_bps,
    yearly_price,
)
from backend.errors import DomainError, ErrorKind
from backend.licensing.maintenance import MaintenanceStatus, maintenance_status


def months_lapsed(expired_at: datetime, *, now: datetime) -> int:
    """Whole calendar months from ``expired_at`` to ``now``: the largest m with
    ``add_months(expired_at, m) <= now`` (0 before a month has passed)."""
    if now <= expired_at:
        return 0
    months = (now.year - expired_at.year) * YEAR_MONTHS + now.month - expired_at.month
    while months > 0 and add_months(expired_at, months) > now:
        months -= 1
    return months


@dataclass(frozen=True, slots=True)
class Maintenance(AboutLicense):
    """A priced M&S renewal or reinstatement of one license, for ``years`` years."""

    license: LicenseState
    """As it was when priced."""
    kind: LineKind
    """``MAINTENANCE_RENEWAL`` or ``MAINTENANCE_REINSTATEMENT``, decided when priced."""
    years: int
    yearly: int
    """The one-year renewal price: the renewal percentage of the list price plus add-ons."""
    months_lapsed: int
    first_year: int
    """The first year: ``yearly``, or when reinstated ``yearly x (1 + months lapsed / 12)``."""
    fee: int
    """The reinstatement fee (0 for a renewal)."""
    new_expires_at: datetime

    @property
    def addons(self) -> tuple[CatalogAddon, ...]:
        """The add-ons renewed with M&S."""
        return self.license.addons

    @property
    def unit_price(self) -> int:
        return self.first_year + self.fee + self.yearly * (self.years - 1)

    @property
    def description(self) -> str:
        if self.kind is LineKind.MAINTENANCE_REINSTATEMENT:
            months = "month" if self.months_lapsed == 1 else "months"
            what = f"M&S reinstatement ({self.months_lapsed} {months} lapsed + fee)"
        else:
            what = "M&S renewal"
        years = "1 year" if self.years == 1 else f"{self.years} years"
        text = f"{self.license.label}: {what}, {years}, until {iso_day(self.new_expires_at)}"
        if self.addons:
            text += " with " + ", ".join(addon.name for addon in self.addons)
        return f"{text}; key {self.license.key}"

    def applied_to(self, state: LicenseState) -> LicenseState:
        """The license with its new M&S expiry (its revision stays)."""
        return replace(state, maintenance_expires_at=self.new_expires_at)


def price_maintenance(
    catalog: Catalog, license: LicenseState, *, years: int = 1, now: datetime
) -> Maintenance:
    """M&S for ``years`` years: a renewal, or a reinstatement once it lapsed (module doc).

    Raises a ``DomainError`` on ``years`` out of range or for a renewal that would still end in
    the past, and when the license's (edition, tier) or an add-on is no longer priced.
    """
    if not 1 <= years <= MAX_MAINTENANCE_YEARS:
        raise DomainError(
            ErrorKind.INVALID,
            f"Choose from 1 to {MAX_MAINTENANCE_YEARS} years of M&S.",
            field="years",
        )
    terms = catalog.maintenance
    price = list_price(license.product, license.edition, license.tier)
    if price is None:
        raise DomainError(
            ErrorKind.INVALID, f"{license.label} is no longer on sale: its M&S cannot be priced."
        )
    yearly = percent_of(price, percent_to_bps(terms.renewal_percent))
    for addon in license.addons:
        addon_yearly = yearly_price(addon, license.tier)
        if addon_yearly is None:
            raise DomainError(
                ErrorKind.INVALID,
                f"{addon.name} is no longer sold with {license.tier.name}: M&S cannot be priced.",
            )
        yearly += addon_yearly
    term = terms.term_months * years
    expires_at = license.maintenance_expires_at
    status = maintenance_status(expires_at, now=now, grace_days=terms.grace_days)
    if status is MaintenanceStatus.LAPSED:
        lapsed = months_lapsed(expires_at, now=now)
        return Maintenance(
            license=license,
            kind=LineKind.MAINTENANCE_REINSTATEMENT,
            years=years,
            yearly=yearly,
            months_lapsed=lapsed,
            first_year=fraction_half_up(yearly * (YEAR_MONTHS + lapsed), YEAR_MONTHS),
            fee=percent_of(yearly, percent_to_bps(terms.reinstatement_fee_percent)),
            new_expires_at=add_months(now, term),
        )
    new_expires_at = add_months(expires_at, term)
    if new_expires_at <= now:
        raise DomainError(
            ErrorKind.INVALID,
            f"M&S ended on {iso_day(expires_at)}: {years} more year(s) from then still end "
            "in the past. Choose more years.",
            field="years",
        )
    return Maintenance(
        license=license,
        kind=LineKind.MAINTENANCE_RENEWAL,
        years=years,
        yearly=yearly,
        months_lapsed=0,
        first_year=yearly,
        fee=0,
        new_expires_at=new_expires_at,
    )
