"""Exact money: integer minor units (cents) with a currency; decimals only at the edges."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CURRENCY = "USD"
BASIS_POINTS_PER_PERCENT = 100


@dataclass(frozen=True, slots=True)
class Amount:
    """An exact amount of money in the currency's minor unit."""

    cents: int
    currency: str = CURRENCY

    @property
    def decimal(self) -> Decimal:
        """The amount in major units with two places, e.g. ``Decimal("1249.00")``."""
        return Decimal(self.cents).scaleb(-2)


def hundredths(value: Decimal) -> int | None:
    """``value`` in hundredths as an exact integer (``Decimal("12.5")`` -> 1250: cents of an
    amount, basis points of a percentage); None when it has more than two decimals or is not a
    finite number."""
    try:
        scaled = value * 100
        exact = value.is_finite() and scaled == scaled.to_integral_value()
    except InvalidOperation:
        return None
    return int(scaled) if exact else None


def basis_points_to_percent(bps: int) -> Decimal:
    """5000 basis points -> ``Decimal("50")``; 1250 -> ``Decimal("12.5")``."""
    return Decimal(bps) / BASIS_POINTS_PER_PERCENT
