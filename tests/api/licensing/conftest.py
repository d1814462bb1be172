"""The commerce tests' shop (seeded catalog, a reseller with 20% off, its purchaser), signed in."""

from __future__ import annotations

import httpx
import pytest

from tests.commerce.conftest import Shop, shop  # noqa: F401 - the fixture, shared with these tests
from tests.identity.factories import sign_in


@pytest.fixture
async def purchaser(client: httpx.AsyncClient, shop: Shop) -> httpx.AsyncClient:  # noqa: F811
    """``client`` signed in as the shop's purchaser."""
    await sign_in(client, shop.purchaser)
    return client
