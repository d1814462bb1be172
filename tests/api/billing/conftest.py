"""The commerce tests' shop (seeded catalog, a reseller with 20% off, its purchaser), and a
billing employee of that reseller signed in."""

from __future__ import annotations

import httpx
import pytest

from backend.identity.roles import Role
from tests.commerce.conftest import Shop, shop  # noqa: F401 - the fixture, shared with these tests
from tests.identity.factories import make_user, sign_in


@pytest.fixture
async def billing(client: httpx.AsyncClient, shop: Shop) -> httpx.AsyncClient:  # noqa: F811
    """``client`` signed in as the shop reseller's billing employee."""
    await sign_in(client, await make_user(Role.RESELLER_BILLING, shop.reseller))
    return client
