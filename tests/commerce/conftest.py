"""A seeded catalog and a reseller (20% discount, may pay by invoice) with a purchaser."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from backend.accounts.models import Reseller
from backend.catalog.seed import seed_catalog
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.payments.gateway import SandboxGateway
from tests.identity.factories import make_reseller, make_user


@dataclass
class Shop:
    reseller: Reseller
    purchaser: User
    actor: Actor
    gateway: SandboxGateway


@pytest.fixture
async def shop(db: str) -> Shop:
    await seed_catalog()
    reseller = await make_reseller("Acme Hosting")
    reseller.discount_bps = 2000
    reseller.may_pay_by_invoice = True
    reseller.address_line1 = "1 Main Street"
    reseller.city = "Springfield"
    reseller.country = "US"
    reseller.billing_email = "billing@acme.example"
    await reseller.save()
    purchaser = await make_user(Role.RESELLER_PURCHASER, reseller, email="buyer@acme.example")
    return Shop(reseller, purchaser, actor_for(purchaser), SandboxGateway())
