"""``Money`` and the ``Decimal`` scalar: amounts leave the server as exact decimal strings."""

from __future__ import annotations

from decimal import Decimal

import strawberry
from strawberry.types.scalar import ScalarDefinition

from backend.money import Amount


def _serialize_decimal(value: Decimal) -> str:
    """Plain notation, never an exponent: ``Decimal("5E+1")`` is ``"50"``."""
    return format(value, "f")


def _parse_decimal(value: object) -> Decimal:
    if not isinstance(value, str | int):
        raise ValueError('a Decimal is a string such as "12.50"')
    try:
        parsed = Decimal(value)
    except ArithmeticError:
        raise ValueError(f"{value!r} is not a decimal number") from None
    if not parsed.is_finite():
        raise ValueError(f"{value!r} is not a finite decimal number")
    return parsed


DecimalScalar: ScalarDefinition = strawberry.scalar(
    name="Decimal",
    description='An exact decimal number as a string, e.g. "1249.00" or "12.5".',
    serialize=_serialize_decimal,
    parse_value=_parse_decimal,
)


@strawberry.type(description="An exact amount of money.")
class Money:
    amount: Decimal = strawberry.field(
        description='The amount in major units as a decimal string, e.g. "1249.00".'
    )
    currency: str = strawberry.field(description="ISO 4217 currency code, e.g. USD.")

    @classmethod
    def from_amount(cls, amount: Amount) -> Money:
        return cls(amount=amount.decimal, currency=amount.currency)
