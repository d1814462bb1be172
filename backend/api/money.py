"""``Money`` and the ``Decimal`` scalar: amounts leave the server as exact decimal strings."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from backend.money import Amount


@strawberry.type(description="An exact amount of money.")
class Money:
    amount: Decimal = strawberry.field(
        description='The amount in major units as a decimal string, e.g. "1249.00".'
    )
    currency: str = strawberry.field(description="ISO 4217 currency code, e.g. USD.")

    @classmethod
    def from_amount(cls, amount: Amount) -> Money:
        return cls(amount=amount.decimal, currency=amount.currency)
