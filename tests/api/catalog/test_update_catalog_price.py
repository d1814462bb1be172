"""The ``updateCatalogPrice`` mutation: the vendor sets list prices and add-on prices."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tortoise.transactions import in_transaction

from backend.audit.models import AuditEvent
from backend.catalog.seed import seed_catalog
from backend.identity.roles import Role
from tests.conftest import graphql
from tests.identity.factories import make_user, sign_in

UPDATE_CATALOG_PRICE = """
mutation UpdateCatalogPrice($input: UpdateCatalogPriceInput!) {
  updateCatalogPrice(input: $input) {
    product {
      code
      prices { edition { code } tier { code } price { amount currency } }
      addons { code prices { tier { code } yearlyPrice { amount currency } } }
    }
    userErrors { code message field }
  }
}
"""

SHOP_PRICES = """
query ShopPrices {
  product(code: "smartermail") {
    prices { edition { code } tier { code } price { amount } }
  }
}
"""


@pytest.fixture
async def vendor(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """``client`` signed in as a vendor admin, in front of the sample catalog."""
    async with in_transaction():
        await seed_catalog()
    await sign_in(client, await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example"))
    return client


async def update(client: httpx.AsyncClient, **input: object) -> dict[str, Any]:
    body = await graphql(client, UPDATE_CATALOG_PRICE, {"input": input})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["updateCatalogPrice"]  # type: ignore[index]
    return payload


def list_price(product: dict[str, Any], edition: str, tier: str) -> object:
    return next(
        p["price"]
        for p in product["prices"]
        if (p["edition"]["code"], p["tier"]["code"]) == (edition, tier)
    )


async def test_the_vendor_sets_a_list_price(vendor: httpx.AsyncClient) -> None:
    # when
    payload = await update(
        vendor, productCode="smartermail", editionCode="professional", tier="250", price="449.5"
    )

    # then the payload has the product as the catalog now sells it
    assert payload["userErrors"] == []
    product = payload["product"]
    assert product["code"] == "smartermail"
    assert list_price(product, "professional", "250") == {"amount": "449.50", "currency": "USD"}
    assert list_price(product, "professional", "1000") == {"amount": "799.00", "currency": "USD"}
    # and the next request reads the new price
    shop = await graphql(vendor, SHOP_PRICES)
    assert list_price(shop["data"]["product"], "professional", "250") == {"amount": "449.50"}  # type: ignore[index]
    # and the change is in the audit log
    event = await AuditEvent.get(action="catalog.price_updated")
    assert event.changes == {"price": ["399.00", "449.50"]}


async def test_the_vendor_sets_an_addons_yearly_price(vendor: httpx.AsyncClient) -> None:
    # when
    payload = await update(
        vendor, productCode="smartermail", addonCode="activesync", tier="1000", price="850.00"
    )

    # then
    assert payload["userErrors"] == []
    [activesync] = [a for a in payload["product"]["addons"] if a["code"] == "activesync"]
    assert activesync["prices"][1] == {
        "tier": {"code": "1000"},
        "yearlyPrice": {"amount": "850.00", "currency": "USD"},
    }


@pytest.mark.parametrize(
    ("given", "code", "field"),
    [
        ({"productCode": "nope"}, "NOT_FOUND", ["input", "productCode"]),
        ({"editionCode": "platinum"}, "NOT_FOUND", ["input", "editionCode"]),
        ({"tier": "42"}, "NOT_FOUND", ["input", "tier"]),
        ({"editionCode": None, "addonCode": "nope"}, "NOT_FOUND", ["input", "addonCode"]),
        ({"editionCode": None}, "REQUIRED", ["input", "editionCode"]),
        ({"price": "-1"}, "INVALID", ["input", "price"]),
        ({"price": "9.999"}, "INVALID", ["input", "price"]),
        ({"price": "1000000.01"}, "INVALID", ["input", "price"]),
    ],
)
async def test_a_bad_input_is_a_user_error_on_its_field(
    vendor: httpx.AsyncClient, given: dict[str, object], code: str, field: list[str]
) -> None:
    # given
    input = {"productCode": "smartermail", "editionCode": "professional", "tier": "250"}
    input |= {"price": "449.00"} | given

    # when
    payload = await update(vendor, **input)

    # then
    assert payload["product"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)]
    assert payload["userErrors"][0]["message"]
    shop = await graphql(vendor, SHOP_PRICES)
    assert list_price(shop["data"]["product"], "professional", "250") == {"amount": "399.00"}  # type: ignore[index]


async def test_a_reseller_may_not_set_prices(signed_in: httpx.AsyncClient) -> None:
    # when (``signed_in`` is a purchaser)
    body = await graphql(
        signed_in,
        UPDATE_CATALOG_PRICE,
        {
            "input": {
                "productCode": "smartermail",
                "editionCode": "free",
                "tier": "10",
                "price": "1",
            }
        },
    )

    # then
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
