"""Fixtures of the licensing tests: the shop, a license ready to activate, a signing key."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backend.licensing.signing import SigningKey
from tests.commerce.conftest import Shop, shop  # noqa: F401 - the fixture, shared with these tests
from tests.licensing.activations import Licensed, assign, buy


@pytest.fixture
async def licensed(shop: Shop) -> Licensed:  # noqa: F811
    """A SmarterMail Enterprise license with two add-ons, assigned to a new customer."""
    license = await buy(shop)
    return Licensed(shop, license, await assign(license))


@pytest.fixture(scope="session")
def signing_key() -> SigningKey:
    return SigningKey.of(Ed25519PrivateKey.generate())
