"""The cart over GraphQL: adding, changing and removing lines; errors name the input field."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backend.commerce.models import CartLine
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from tests.api.world import gid
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_user, sign_in

CART_FIELDS = """
  lines {
    id kind description quantity assignToEmail personal
    product { code name } edition { code } tier { code name } addons { code }
    unitPrice { amount currency } subtotal { amount } discount { amount } total { amount }
  }
  discountPercent subtotal { amount } discount { amount } total { amount } licenseCount
"""
ADD = f"""
mutation ($input: NewLicenseInput!) {{
  addNewLicenseToCart(input: $input) {{
    cart {{ {CART_FIELDS} }}
    cartLine {{ id quantity }}
    userErrors {{ code message field }}
  }}
}}
"""
UPDATE = """
mutation ($input: UpdateCartLineInput!) {
  updateCartLine(input: $input) {
    cart { total { amount } licenseCount }
    cartLine { id quantity assignToEmail personal total { amount } }
    userErrors { code message field }
  }
}
"""
REMOVE = """
mutation ($input: RemoveCartLineInput!) {
  removeCartLine(input: $input) {
    cart { lines { id } total { amount } }
    userErrors { code message field }
  }
}
"""
CART = f"{{ cart {{ {CART_FIELDS} }} }}"

MAIL = {
    "productCode": "smartermail",
    "editionCode": "enterprise",
    "tier": "250",
    "addonCodes": ["activesync"],
    "quantity": 2,
}
STATS = {"productCode": "smarterstats", "editionCode": "professional", "tier": "50"}


async def call(client: httpx.AsyncClient, query: str, **variables: Any) -> Any:
    """The mutation's payload, or the query's data."""
    body: Any = await graphql(client, query, variables)
    assert "errors" not in body, body
    data = body["data"]
    return next(iter(data.values())) if len(data) == 1 else data


async def add(client: httpx.AsyncClient, **fields: Any) -> Any:
    return await call(client, ADD, input={**MAIL, **fields})


def codes_and_fields(payload: Any) -> list[tuple[str, list[str] | None]]:
    return [(error["code"], error["field"]) for error in payload["userErrors"]]


async def test_a_line_added_shows_in_the_cart_with_its_prices(purchaser: httpx.AsyncClient) -> None:
    # when
    payload = await add(purchaser)

    # then
    assert payload["userErrors"] == []
    cart = payload["cart"]
    [line] = cart["lines"]
    assert payload["cartLine"] == {"id": line["id"], "quantity": 2}
    assert line == {
        "id": gid("CartLine", (await CartLine.get()).id),
        "kind": "NEW_LICENSE",
        "description": "SmarterMail Enterprise, 250 mailboxes with Exchange ActiveSync",
        "quantity": 2,
        "assignToEmail": None,
        "personal": False,
        "product": {"code": "smartermail", "name": "SmarterMail"},
        "edition": {"code": "enterprise"},
        "tier": {"code": "250", "name": "250 mailboxes"},
        "addons": [{"code": "activesync"}],
        "unitPrice": {"amount": "999.00", "currency": "USD"},
        "subtotal": {"amount": "1998.00"},
        "discount": {"amount": "399.60"},
        "total": {"amount": "1598.40"},
    }
    assert (cart["discountPercent"], cart["licenseCount"]) == ("20.00", 2)
    assert (cart["subtotal"], cart["discount"], cart["total"]) == (
        {"amount": "1998.00"},
        {"amount": "399.60"},
        {"amount": "1598.40"},
    )
    # and the cart query shows the same
    assert await call(purchaser, CART) == cart


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"productCode": "smarterfax"}, "NOT_FOUND", ["input", "productCode"]),
        ({"editionCode": "ultimate"}, "NOT_FOUND", ["input", "editionCode"]),
        ({"tier": "5"}, "NOT_FOUND", ["input", "tier"]),
        ({"tier": "10"}, "INVALID", ["input", "tier"]),
        ({"editionCode": "professional"}, "INVALID", ["input", "addonCodes", "0"]),
        ({"addonCodes": ["activesync", "fax"]}, "NOT_FOUND", ["input", "addonCodes", "1"]),
        ({"quantity": 0}, "INVALID", ["input", "quantity"]),
        ({"quantity": 101}, "INVALID", ["input", "quantity"]),
        ({"assignToEmail": "pat@"}, "INVALID", ["input", "assignToEmail"]),
        ({"assignToEmail": "pat@c.example", "personal": True}, "INVALID", ["input", "personal"]),
    ],
)
async def test_an_invalid_choice_gets_a_user_error_naming_the_field(
    purchaser: httpx.AsyncClient, fields: dict[str, Any], code: str, field: list[str]
) -> None:
    payload = await add(purchaser, **fields)
    assert (payload["cart"], payload["cartLine"]) == (None, None)
    assert codes_and_fields(payload) == [(code, field)]
    assert await CartLine.all().count() == 0


async def test_a_line_is_changed_and_removed(purchaser: httpx.AsyncClient) -> None:
    # given
    line_id = (await add(purchaser))["cartLine"]["id"]
    other_id = (await add(purchaser, **STATS, addonCodes=[], quantity=1))["cartLine"]["id"]

    # when the quantity changes and the licenses are to be assigned
    payload = await call(
        purchaser,
        UPDATE,
        input={"lineId": line_id, "quantity": 3, "assignToEmail": "Pat@Customer.example"},
    )

    # then
    assert payload["userErrors"] == []
    assert payload["cartLine"] == {
        "id": line_id,
        "quantity": 3,
        "assignToEmail": "pat@customer.example",
        "personal": False,
        "total": {"amount": "2397.60"},
    }
    assert payload["cart"] == {"total": {"amount": "2556.80"}, "licenseCount": 4}

    # when the line is removed
    payload = await call(purchaser, REMOVE, input={"lineId": line_id})

    # then
    assert payload == {
        "cart": {"lines": [{"id": other_id}], "total": {"amount": "159.20"}},
        "userErrors": [],
    }


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"quantity": 0}, "INVALID", ["input", "quantity"]),
        ({"quantity": 101}, "INVALID", ["input", "quantity"]),
        ({"assignToEmail": "not an email"}, "INVALID", ["input", "assignToEmail"]),
        ({"assignToEmail": "pat@c.example", "personal": True}, "INVALID", ["input", "personal"]),
    ],
)
async def test_an_invalid_change_gets_a_user_error_naming_the_field(
    purchaser: httpx.AsyncClient, changes: dict[str, Any], code: str, field: list[str]
) -> None:
    line_id = (await add(purchaser))["cartLine"]["id"]
    payload = await call(purchaser, UPDATE, input={"lineId": line_id, **changes})
    assert (payload["cart"], payload["cartLine"]) == (None, None)
    assert codes_and_fields(payload) == [(code, field)]
    assert (await CartLine.get()).quantity == 2


@pytest.mark.parametrize(
    "line_id",
    [
        pytest.param(gid("CartLine", 999), id="missing"),
        pytest.param(gid("CartLine", 2**40), id="too big"),
        pytest.param(gid("Order", 1), id="another type"),
        pytest.param("not-an-id", id="malformed"),
    ],
)
async def test_an_unknown_line_is_not_found(purchaser: httpx.AsyncClient, line_id: str) -> None:
    for query, input_ in [
        (UPDATE, {"lineId": line_id, "quantity": 3}),
        (REMOVE, {"lineId": line_id}),
    ]:
        payload = await call(purchaser, query, input=input_)
        assert codes_and_fields(payload) == [("NOT_FOUND", ["input", "lineId"])]


async def test_another_users_line_is_not_found(
    client: httpx.AsyncClient, purchaser: httpx.AsyncClient, shop: Shop
) -> None:
    # given a line of the purchaser's, and a colleague signed in
    line_id = (await add(purchaser))["cartLine"]["id"]
    await sign_in(client, await make_user(Role.RESELLER_OWNER, shop.reseller))

    # when the colleague changes or removes it
    updated = await call(client, UPDATE, input={"lineId": line_id, "quantity": 9})
    removed = await call(client, REMOVE, input={"lineId": line_id})

    # then it does not exist for them, and it is unchanged
    assert codes_and_fields(updated) == [("NOT_FOUND", ["input", "lineId"])]
    assert codes_and_fields(removed) == [("NOT_FOUND", ["input", "lineId"])]
    assert (await call(client, CART))["lines"] == []
    assert (await CartLine.get()).quantity == 2


async def test_an_api_key_has_no_cart(client: httpx.AsyncClient, shop: Shop) -> None:
    # given a purchaser API key
    owner = await make_user(Role.RESELLER_OWNER, shop.reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="Web shop", role=Role.RESELLER_PURCHASER
    )
    headers = {"Authorization": f"Bearer {secret}"}

    # when it asks for the cart
    response = await client.post("/graphql", json={"query": CART}, headers=headers)

    # then it is refused, and pointed at purchase
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "purchase" in body["errors"][0]["message"]

    # and it cannot add to a cart either
    response = await client.post(
        "/graphql", json={"query": ADD, "variables": {"input": MAIL}}, headers=headers
    )
    payload = response.json()["data"]["addNewLicenseToCart"]
    assert codes_and_fields(payload) == [("PERMISSION_DENIED", None)]
    assert await CartLine.all().count() == 0


@pytest.mark.parametrize("role", [Role.RESELLER_VIEWER, Role.RESELLER_BILLING])
async def test_roles_that_do_not_shop_are_refused(
    client: httpx.AsyncClient, shop: Shop, role: Role
) -> None:
    await sign_in(client, await make_user(role, shop.reseller))
    for query, variables in [(CART, {}), (ADD, {"input": MAIL})]:
        body: Any = await graphql(client, query, variables)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await CartLine.all().count() == 0
