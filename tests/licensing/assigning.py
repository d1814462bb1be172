"""Licenses bought for resale, ready to assign, for the assignment and customers tests."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from backend.commerce import checkout
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import PaymentMethod
from backend.identity.actor import Actor
from backend.licensing.models import License
from backend.notifications.models import OutboxMessage
from backend.payments.gateway import SandboxGateway
from tests.commerce.conftest import Shop

PUBLIC_URL = "https://partners.example.com"
MAIL = NewLicenseRequest("smartermail", "enterprise", "250", ("activesync",))
STATS = NewLicenseRequest("smarterstats", "professional", "50")
PERSONAL = NewLicenseRequest("smarterstats", "professional", "50", personal=True)

_keys = itertools.count(1)


async def buy(
    actor: Actor, *lines: NewLicenseRequest, public_url: str | None = PUBLIC_URL
) -> list[License]:
    """The licenses ``actor`` buys on invoice, in line order."""
    placed = await checkout.purchase(
        actor=actor,
        lines=list(lines) or [MAIL],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key=f"assigning-{next(_keys)}",
        gateway=SandboxGateway(),
        public_url=public_url,
    )
    return placed.licenses


async def one(shop: Shop, line: NewLicenseRequest = MAIL) -> License:
    [license] = await buy(shop.actor, line)
    return license


async def emails(template: str | None = None) -> Sequence[OutboxMessage]:
    """The outbox, oldest first (of one template if given), without the notices of the orders'
    invoices (``invoice_created``: the billing tests' business)."""
    queryset = OutboxMessage.exclude(template="invoice_created").order_by("id")
    if template is not None:
        queryset = queryset.filter(template=template)
    return await queryset
