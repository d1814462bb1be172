"""The ``products`` query and catalog nodes."""

from __future__ import annotations

import base64

import httpx
import pytest

from backend.demo import seed_demo
from tests.catalog.factories import make_product
from tests.conftest import graphql
from tests.identity.factories import DEMO_PASSWORD

PRODUCTS = """
query Products {
  products {
    id code name unit
    editions { id code name }
    tiers { id code name seats }
    prices { edition { code } tier { code } price { amount currency } }
    addons {
      id code name
      allowedEditions { code }
      prices { tier { code } yearlyPrice { amount currency } }
    }
  }
  maintenancePolicy { termMonths renewalPercent graceDays reinstatementFeePercent }
}
"""

PRODUCT = """
query Product($code: String!) { product(code: $code) { code name } }
"""

NODE = """
query Node($id: ID!) {
  node(id: $id) {
    id
    ... on Product { code }
    ... on Edition { code }
    ... on Tier { code seats }
    ... on Addon { code }
  }
}
"""


def global_id(type_name: str, pk: int | str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


async def test_products_lists_the_catalog_with_exact_money(client: httpx.AsyncClient) -> None:
    # given
    await seed_demo(password=DEMO_PASSWORD)

    # when
    body = await graphql(client, PRODUCTS)

    # then
    assert "errors" not in body
    products = body["data"]["products"]  # type: ignore[index]
    assert [p["code"] for p in products] == ["smartermail", "smartertrack", "smarterstats"]
    mail = products[0]
    assert mail["unit"] == "mailboxes"
    assert {k: mail["tiers"][-1][k] for k in ("code", "name", "seats")} == {
        "code": "unlimited",
        "name": "Unlimited",
        "seats": None,
    }
    enterprise_1000 = next(
        p
        for p in mail["prices"]
        if p["edition"]["code"] == "enterprise" and p["tier"]["code"] == "1000"
    )
    assert enterprise_1000["price"] == {"amount": "1249.00", "currency": "USD"}
    free = [p for p in mail["prices"] if p["edition"]["code"] == "free"]
    assert free == [
        {
            "edition": {"code": "free"},
            "tier": {"code": "10"},
            "price": {"amount": "0.00", "currency": "USD"},
        }
    ]
    activesync = next(a for a in mail["addons"] if a["code"] == "activesync")
    assert activesync["allowedEditions"] == [{"code": "enterprise"}]
    assert activesync["prices"][0] == {
        "tier": {"code": "250"},
        "yearlyPrice": {"amount": "250.00", "currency": "USD"},
    }
    assert body["data"]["maintenancePolicy"] == {  # type: ignore[index]
        "termMonths": 12,
        "renewalPercent": "50",
        "graceDays": 30,
        "reinstatementFeePercent": "20",
    }


async def test_products_costs_a_fixed_number_of_queries(
    client: httpx.AsyncClient, count_queries
) -> None:
    # given a small catalog
    await make_product(editions=1, tiers=1, addons=1)
    with count_queries() as small:
        small_body = await graphql(client, PRODUCTS)

    # when the catalog grows tenfold in every direction
    for _ in range(9):
        await make_product(editions=3, tiers=5, addons=4)
    with count_queries() as large:
        large_body = await graphql(client, PRODUCTS)

    # then
    assert len(small_body["data"]["products"]) == 1  # type: ignore[index]
    assert len(large_body["data"]["products"]) == 10  # type: ignore[index]
    # (one query authenticates the session, one reads the catalog version, and since the
    # catalog changed, eight read it again)
    assert small.count == large.count == 10, large.statements

    # and an unchanged catalog costs only its version
    with count_queries() as unchanged:
        await graphql(client, PRODUCTS)
    assert unchanged.count == 2, unchanged.statements


async def test_product_by_code(client: httpx.AsyncClient) -> None:
    await seed_demo(password=DEMO_PASSWORD)
    found = await graphql(client, PRODUCT, {"code": "smarterstats"})
    missing = await graphql(client, PRODUCT, {"code": "nope"})
    assert found["data"] == {"product": {"code": "smarterstats", "name": "SmarterStats"}}
    assert missing["data"] == {"product": None}


async def test_every_catalog_object_is_a_node(client: httpx.AsyncClient) -> None:
    # given
    await seed_demo(password=DEMO_PASSWORD)
    body = await graphql(client, PRODUCTS)
    mail = body["data"]["products"][0]  # type: ignore[index]

    for obj in (mail, mail["editions"][1], mail["tiers"][-1], mail["addons"][0]):
        # when
        found = await graphql(client, NODE, {"id": obj["id"]})

        # then
        assert found["data"]["node"]["id"] == obj["id"]  # type: ignore[index]
        assert found["data"]["node"]["code"] == obj["code"]  # type: ignore[index]


@pytest.mark.parametrize(
    "node_id",
    [
        global_id("Product", 999_999),
        global_id("Money", 1),
        global_id("NoSuchType", 1),
        global_id("Product", "abc"),
        "not base64 at all!",
        "",
    ],
)
async def test_an_unknown_or_malformed_id_answers_like_a_missing_object(
    client: httpx.AsyncClient, node_id: str
) -> None:
    await seed_demo(password=DEMO_PASSWORD)
    body = await graphql(client, NODE, {"id": node_id})
    assert body == {"data": {"node": None}}
