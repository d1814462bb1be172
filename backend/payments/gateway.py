"""The payment gateway interface, and the sandbox gateway that stands in for a real one.

Card details never reach the server: the browser (or the partner's server) obtains a one-time
token from the gateway and the portal charges that token. A charge carries an idempotency key,
so asking twice for the same charge charges once.

``SandboxGateway`` is the one stand-in of the product, named as such: it takes the test tokens
``tok_success``, ``tok_declined`` and ``tok_gateway_error`` so that every flow runs offline.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Protocol


class PaymentDeclined(Exception):
    """The card issuer refused the charge; nothing was charged."""


class InvalidPaymentToken(PaymentDeclined):
    """The token is not one the gateway issued (or it was used up)."""


class GatewayError(Exception):
    """The gateway failed or could not be reached; nothing was charged."""


@dataclass(frozen=True, slots=True)
class Charge:
    reference: str
    """The gateway's id of the charge, kept with the payment."""
    amount_cents: int
    currency: str


class PaymentGateway(Protocol):
    name: str

    async def charge(
        self,
        *,
        token: str,
        amount_cents: int,
        currency: str,
        idempotency_key: str,
        description: str,
    ) -> Charge:
        """Charge ``token``; raises ``PaymentDeclined`` or ``GatewayError``."""
        ...

    async def refund(self, charge: Charge) -> None:
        """Give a charge back in full (when the order could not be recorded after all)."""
        ...


TEST_TOKENS = {
    "tok_success": "Succeeds",
    "tok_declined": "Declined by the card issuer",
    "tok_gateway_error": "The gateway fails",
}


class SandboxGateway:
    """A gateway for development, demos and tests: no network, no real money."""

    name = "sandbox"

    def __init__(self) -> None:
        self._charges: dict[str, Charge] = {}
        self.refunded: list[Charge] = []

    async def charge(
        self,
        *,
        token: str,
        amount_cents: int,
        currency: str,
        idempotency_key: str,
        description: str,
    ) -> Charge:
        if amount_cents <= 0:
            raise ValueError("a charge is of a positive amount")
        if token == "tok_declined":  # noqa: S105 - a sandbox test token
            raise PaymentDeclined("The card was declined.")
        if token == "tok_gateway_error":  # noqa: S105 - a sandbox test token
            raise GatewayError("The payment service did not answer.")
        if token != "tok_success":  # noqa: S105 - a sandbox test token
            raise InvalidPaymentToken("The payment token is not valid.")
        previous = self._charges.get(idempotency_key)
        if previous is not None:
            return previous
        charge = Charge(f"sandbox_ch_{secrets.token_hex(12)}", amount_cents, currency)
        self._charges[idempotency_key] = charge
        return charge

    async def refund(self, charge: Charge) -> None:
        self.refunded.append(charge)


def gateway_named(name: str) -> PaymentGateway:
    """The gateway the settings name; only the sandbox ships with the product."""
    if name == "sandbox":
        return SandboxGateway()
    raise ValueError(f"unknown payment gateway {name!r}")
