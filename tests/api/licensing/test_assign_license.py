"""``assignLicense``: the payload, and problems as userErrors naming the input field."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import httpx
import pytest
from strawberry import relay

from backend.identity.models import User
from backend.identity.roles import Role
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_user, sign_in
from tests.licensing.assigning import MAIL, PERSONAL, buy

ASSIGN = """
mutation ($input: AssignLicenseInput!) {
  assignLicense(input: $input) {
    license { key status assignedAt customer { email } }
    customer { id email name licenseCount products { code } }
    customerCreated
    userErrors { code message field }
  }
}
"""


async def assign(client: httpx.AsyncClient, **input_: str) -> Any:
    body: Any = await graphql(client, ASSIGN, {"input": input_})
    assert "errors" not in body, body
    return body["data"]["assignLicense"]


async def test_a_license_is_assigned_to_a_new_customer(
    purchaser: httpx.AsyncClient, shop: Shop
) -> None:
    [license] = await buy(shop.actor)

    payload = await assign(
        purchaser, licenseKey=license.key.lower(), email="Pat@Customer.example", name="Pat"
    )

    customer = await User.get(email="pat@customer.example")
    assert payload["userErrors"] == []
    assert payload["customerCreated"] is True
    assert payload["license"]["key"] == license.key
    assert payload["license"]["status"] == "ASSIGNED"
    assert payload["license"]["assignedAt"] is not None
    assert payload["license"]["customer"] == {"email": "pat@customer.example"}
    assert payload["customer"] == {
        "id": str(relay.GlobalID("Customer", str(customer.id))),
        "email": "pat@customer.example",
        "name": "Pat",
        "licenseCount": 1,
        "products": [{"code": "smartermail"}],
    }


async def test_problems_are_user_errors_on_the_input_fields(
    purchaser: httpx.AsyncClient, shop: Shop
) -> None:
    license, unassigned = await buy(shop.actor, replace(MAIL, quantity=2))
    [personal] = await buy(shop.actor, PERSONAL)
    await make_user(Role.RESELLER_VIEWER, shop.reseller, email="viewer@acme.example")
    await assign(purchaser, licenseKey=license.key, email="pat@customer.example")

    again = await assign(purchaser, licenseKey=license.key, email="sam@customer.example")
    own = await assign(purchaser, licenseKey=personal.key, email="sam@customer.example")
    staff = await assign(purchaser, licenseKey=unassigned.key, email="viewer@acme.example")
    bad = await assign(purchaser, licenseKey="nonsense", email="sam@")

    def codes(payload: Any) -> list[tuple[str, list[str]]]:
        assert payload["license"] is None and payload["customer"] is None
        return [(e["code"], e["field"]) for e in payload["userErrors"]]

    assert codes(again) == [("CONFLICT", ["input", "licenseKey"])]
    assert again["userErrors"][0]["message"] == (
        "This license is already assigned to pat@customer.example and cannot be re-assigned."
    )
    assert codes(own) == [("INVALID", ["input", "licenseKey"])]
    assert codes(staff) == [("INVALID", ["input", "email"])]
    assert codes(bad) == [("NOT_FOUND", ["input", "licenseKey"]), ("INVALID", ["input", "email"])]


@pytest.mark.parametrize("role", [Role.VENDOR_ADMIN, Role.RESELLER_VIEWER])
async def test_roles_without_the_permission_are_refused(
    client: httpx.AsyncClient, shop: Shop, role: Role
) -> None:
    [license] = await buy(shop.actor)
    await sign_in(client, await make_user(role, shop.reseller if role.is_reseller_role else None))

    body: Any = await graphql(
        client, ASSIGN, {"input": {"licenseKey": license.key, "email": "pat@c.example"}}
    )

    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert not await User.exists(email="pat@c.example")
