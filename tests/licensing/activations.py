"""Licenses ready to activate, a signing key and an installation's calls, for activation tests.

The fixtures are served by ``tests/licensing/conftest.py``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from backend import clock
from backend.commerce import checkout
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import PaymentMethod
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.identity.roles import Role
from backend.licensing import activation
from backend.licensing.models import License
from backend.licensing.signing import SigningKey
from tests.commerce.conftest import Shop
from tests.identity.factories import make_user

MAIL = NewLicenseRequest("smartermail", "enterprise", "250", ("message-sniffer", "activesync"))
INSTALLATION = Actor(ip_address="203.0.113.7", request_id="test")
"""An installation calling anonymously from its address."""
FINGERPRINT = "machine-id:4f3c2a9be01d"
HOSTNAME = "mail.customer.example"

_keys = itertools.count(1)


async def buy(shop: Shop, request: NewLicenseRequest = MAIL, *, personal: bool = False) -> License:
    placed = await checkout.purchase(
        actor=shop.actor,
        lines=[NewLicenseRequest(**{**_fields(request), "personal": personal})],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key=f"activation-{next(_keys)}",
        gateway=shop.gateway,
    )
    return placed.licenses[0]


def _fields(request: NewLicenseRequest) -> dict[str, object]:
    return {name: getattr(request, name) for name in NewLicenseRequest.__dataclass_fields__}


async def assign(license: License, customer: User | None = None) -> User:
    """Assign ``license`` to ``customer`` (a new one if not given), as assignment would."""
    customer = customer or await make_user(Role.CUSTOMER)
    await License.filter(id=license.id).update(customer_id=customer.id, assigned_at=clock.now())
    license.customer_id = customer.id
    return customer


@dataclass
class Licensed:
    shop: Shop
    license: License
    """A SmarterMail Enterprise license with two add-ons, assigned to ``customer``."""
    customer: User


async def activate(
    key: str,
    signing_key: SigningKey,
    *,
    fingerprint: str = FINGERPRINT,
    hostname: str = HOSTNAME,
    actor: Actor = INSTALLATION,
) -> activation.Activation:
    return await activation.activate(
        actor=actor, key=key, fingerprint=fingerprint, hostname=hostname, signing_key=signing_key
    )
