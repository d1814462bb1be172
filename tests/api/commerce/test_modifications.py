"""License modifications over GraphQL: the cart mutations, the offers a License shows before
anything is added, checkout's order lines and ``purchase`` with upgrades and M&S.

The license is SmarterMail Professional 250 with Cyren Antispam, bought on 1 March 2026 at 09:30
UTC (M&S until 1 March 2027); the shop's reseller has 20% off.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from backend import clock
from backend.commerce import checkout
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import PaymentMethod
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.models import License
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_user, sign_in

MARCH = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
SEPTEMBER = datetime(2026, 9, 1, 9, 30, tzinfo=UTC)
LINE_FIELDS = """
  id kind description quantity years problem
  license { key revision }
  edition { code } tier { code } addons { code }
  unitPrice { amount } total { amount }
"""
CART_PAYLOAD = f"""
  cart {{ lines {{ {LINE_FIELDS} }} total {{ amount }} }}
  cartLine {{ id kind }}
  userErrors {{ code message field }}
"""
ADD_UPGRADE = f"""
mutation ($input: LicenseUpgradeInput!) {{
  addLicenseUpgradeToCart(input: $input) {{ {CART_PAYLOAD} }}
}}
"""
ADD_MAINTENANCE = f"""
mutation ($input: MaintenanceInput!) {{
  addMaintenanceToCart(input: $input) {{ {CART_PAYLOAD} }}
}}
"""
UPDATE = f"""
mutation ($input: UpdateCartLineInput!) {{
  updateCartLine(input: $input) {{ {CART_PAYLOAD} }}
}}
"""
ORDER_LINES = """
  order {
    lines {
      kind years description total { amount }
      license { key revision }
      change {
        before { edition { code } tier { code } addons { code } maintenanceExpiresAt revision }
        after { edition { code } tier { code } addons { code } maintenanceExpiresAt revision }
      }
    }
  }
  userErrors { code message field }
"""
CHECKOUT = f"""
mutation ($input: CheckoutInput!) {{ checkout(input: $input) {{ {ORDER_LINES} }} }}
"""
PURCHASE = f"""
mutation ($input: PurchaseInput!) {{ purchase(input: $input) {{ {ORDER_LINES} }} }}
"""
OFFERS = """
query ($key: String!, $years: Int!, $edition: String, $tier: String, $addons: [String!]) {
  license(key: $key) {
    maintenanceStatus
    maintenanceOffer(years: $years) {
      kind years price { amount } yearlyPrice { amount } reinstatementFee { amount }
      monthsLapsed newExpiresAt
    }
    upgradeQuote(editionCode: $edition, tier: $tier, addAddonCodes: $addons) {
      price { amount } description userErrors { code message field }
    }
  }
}
"""


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Clock:
    moment = Clock(MARCH)
    monkeypatch.setattr(clock, "now", lambda: moment.now)
    return moment


@pytest.fixture
async def license(shop: Shop, today: Clock) -> License:
    placed = await checkout.purchase(
        actor=shop.actor,
        lines=[NewLicenseRequest("smartermail", "professional", "250", ("cyren-antispam",))],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key="bought",
        gateway=shop.gateway,
    )
    [bought] = placed.licenses
    return bought


async def call(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> Any:
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers or {}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


def errors_of(payload: Any) -> list[tuple[str, list[str] | None]]:
    return [(error["code"], error["field"]) for error in payload["userErrors"]]


async def test_an_upgrade_is_added_to_the_cart_and_checked_out(
    purchaser: httpx.AsyncClient, license: License, today: Clock
) -> None:
    # given September: 181 of the M&S year's 365 days left
    today.now = SEPTEMBER

    # when
    payload = await call(
        purchaser,
        ADD_UPGRADE,
        {
            "input": {
                "licenseKey": license.key,
                "editionCode": "enterprise",
                "tier": "1000",
                "addAddonCodes": ["activesync"],
            }
        },
    )

    # then the cart holds the upgrade at $850 + $148.77 + $396.71, less 20%
    assert payload["userErrors"] == []
    [line] = payload["cart"]["lines"]
    assert payload["cartLine"] == {"id": line["id"], "kind": "UPGRADE"}
    assert line["kind"] == "UPGRADE"
    assert (line["quantity"], line["years"], line["problem"]) == (1, None, None)
    assert line["license"] == {"key": license.key, "revision": 1}
    assert (line["edition"], line["tier"]) == ({"code": "enterprise"}, {"code": "1000"})
    assert line["addons"] == [{"code": "activesync"}]
    assert line["unitPrice"] == {"amount": "1395.48"}
    assert line["total"] == {"amount": "1116.38"}
    assert line["description"].startswith("SmarterMail Professional, 250 mailboxes → Enterprise")

    # when checked out
    placed = await call(
        purchaser,
        CHECKOUT,
        {
            "input": {
                "paymentMethod": "PAY_ON_ORDER",
                "paymentToken": "tok_success",
                "idempotencyKey": "upgrade",
            }
        },
    )

    # then the order line shows the license and how it changed
    assert placed["userErrors"] == []
    [order_line] = placed["order"]["lines"]
    assert (order_line["kind"], order_line["years"]) == ("UPGRADE", None)
    assert order_line["license"] == {"key": license.key, "revision": 2}
    assert order_line["change"] == {
        "before": {
            "edition": {"code": "professional"},
            "tier": {"code": "250"},
            "addons": [{"code": "cyren-antispam"}],
            "maintenanceExpiresAt": "2027-03-01T09:30:00+00:00",
            "revision": 1,
        },
        "after": {
            "edition": {"code": "enterprise"},
            "tier": {"code": "1000"},
            "addons": [{"code": "activesync"}, {"code": "cyren-antispam"}],
            "maintenanceExpiresAt": "2027-03-01T09:30:00+00:00",
            "revision": 2,
        },
    }


async def test_maintenance_is_added_and_its_years_changed(
    purchaser: httpx.AsyncClient, license: License
) -> None:
    # given
    added = await call(
        purchaser, ADD_MAINTENANCE, {"input": {"licenseKey": license.key.lower(), "years": 2}}
    )
    [line] = added["cart"]["lines"]
    assert (line["kind"], line["years"], line["unitPrice"]) == (
        "MAINTENANCE_RENEWAL",
        2,
        {"amount": "699.00"},
    )

    # when the years change, and then the quantity
    more = await call(purchaser, UPDATE, {"input": {"lineId": line["id"], "years": 3}})
    refused = await call(purchaser, UPDATE, {"input": {"lineId": line["id"], "quantity": 2}})

    # then
    assert more["userErrors"] == []
    assert more["cart"]["lines"][0]["years"] == 3
    assert more["cart"]["lines"][0]["unitPrice"] == {"amount": "1048.50"}
    assert errors_of(refused) == [("INVALID", ["input", "quantity"])]


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        ({"editionCode": "free"}, [("INVALID", ["input", "editionCode"])]),
        ({"tier": "10"}, [("INVALID", ["input", "tier"])]),
        ({"addAddonCodes": ["activesync"]}, [("INVALID", ["input", "addAddonCodes", "0"])]),
        ({}, [("INVALID", None)]),
        (
            {"licenseKey": "ABCDEF-GHJKMN-PQRSTW-XYZ234-56789A-BCDEFG", "tier": "1000"},
            [("NOT_FOUND", ["input", "licenseKey"])],
        ),
    ],
    ids=["lower edition", "lower tier", "addon not allowed", "nothing", "unknown key"],
)
async def test_a_refused_upgrade_names_the_field(
    purchaser: httpx.AsyncClient,
    license: License,
    change: dict[str, Any],
    errors: list[tuple[str, list[str] | None]],
) -> None:
    payload = await call(purchaser, ADD_UPGRADE, {"input": {"licenseKey": license.key, **change}})
    assert errors_of(payload) == errors
    assert payload["cart"] is None


async def offers(client: httpx.AsyncClient, license: License, **variables: Any) -> Any:
    return await call(client, OFFERS, {"key": license.key, "years": 1, **variables})


async def test_a_license_offers_a_renewal_then_a_reinstatement(
    purchaser: httpx.AsyncClient, shop: Shop, license: License, today: Clock
) -> None:
    # when M&S has a month left (the purchaser signs in again as months pass)
    today.now = datetime(2027, 2, 1, 9, 30, tzinfo=UTC)
    await sign_in(purchaser, shop.purchaser)
    active = await offers(purchaser, license, years=2)

    # then it offers a renewal from the old expiry: ($399 / 2 + $150) a year
    assert active["maintenanceOffer"] == {
        "kind": "MAINTENANCE_RENEWAL",
        "years": 2,
        "price": {"amount": "699.00"},
        "yearlyPrice": {"amount": "349.50"},
        "reinstatementFee": {"amount": "0.00"},
        "monthsLapsed": 0,
        "newExpiresAt": "2029-03-01T09:30:00+00:00",
    }

    # when M&S ended four months and two days ago
    today.now = datetime(2027, 7, 3, 12, tzinfo=UTC)
    await sign_in(purchaser, shop.purchaser)
    lapsed = await offers(purchaser, license)

    # then it offers a reinstatement from today: $349.50 x 16/12 + 20% of $349.50
    assert lapsed["maintenanceStatus"] == "LAPSED"
    assert lapsed["maintenanceOffer"] == {
        "kind": "MAINTENANCE_REINSTATEMENT",
        "years": 1,
        "price": {"amount": "535.90"},
        "yearlyPrice": {"amount": "349.50"},
        "reinstatementFee": {"amount": "69.90"},
        "monthsLapsed": 4,
        "newExpiresAt": "2028-07-03T12:00:00+00:00",
    }


async def test_a_license_quotes_an_upgrade_or_says_why_not(
    purchaser: httpx.AsyncClient, license: License, today: Clock
) -> None:
    # given September
    today.now = SEPTEMBER

    # when
    quoted = await offers(
        purchaser, license, edition="enterprise", tier="1000", addons=["activesync"]
    )
    refused = await offers(purchaser, license, edition="free", addons=["fax"])

    # then
    assert quoted["upgradeQuote"]["price"] == {"amount": "1395.48"}
    assert quoted["upgradeQuote"]["userErrors"] == []
    assert refused["upgradeQuote"]["price"] is None
    assert [(e["code"], e["field"]) for e in refused["upgradeQuote"]["userErrors"]] == [
        ("INVALID", ["editionCode"]),
        ("NOT_FOUND", ["addAddonCodes", "0"]),
    ]


async def test_offers_are_for_those_who_buy(
    client: httpx.AsyncClient, shop: Shop, license: License
) -> None:
    # given a viewer of the reseller
    await sign_in(client, await make_user(Role.RESELLER_VIEWER, shop.reseller))

    # when
    seen = await offers(client, license, edition="enterprise")

    # then the license is there, without prices
    assert seen["maintenanceStatus"] == "ACTIVE"
    assert (seen["maintenanceOffer"], seen["upgradeQuote"]) == (None, None)


async def test_an_offer_for_too_many_years_is_refused(
    purchaser: httpx.AsyncClient, license: License
) -> None:
    response = await graphql(purchaser, OFFERS, {"key": license.key, "years": 6})
    [error] = response["errors"]  # type: ignore[misc]
    assert error["message"] == "years must be from 1 to 5."


@pytest.fixture
async def api_key(shop: Shop) -> dict[str, str]:
    owner = await make_user(Role.RESELLER_OWNER, shop.reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="Web shop", role=Role.RESELLER_PURCHASER
    )
    return {"Authorization": f"Bearer {secret}"}


async def test_an_api_key_renews_and_upgrades_with_purchase(
    client: httpx.AsyncClient, license: License, api_key: dict[str, str], today: Clock
) -> None:
    # when
    today.now = SEPTEMBER
    payload = await call(
        client,
        PURCHASE,
        {
            "input": {
                "licenseUpgrades": [{"licenseKey": license.key, "tier": "1000"}],
                "maintenance": [{"licenseKey": license.key, "years": 2}],
                "paymentMethod": "INVOICE",
                "idempotencyKey": "renewal-1",
            }
        },
        headers=api_key,
    )

    # then both were priced against the license as it was, and both applied
    assert payload["userErrors"] == []
    lines = payload["order"]["lines"]
    assert [(line["kind"], line["years"]) for line in lines] == [
        ("UPGRADE", None),
        ("MAINTENANCE_RENEWAL", 2),
    ]
    assert [line["license"] for line in lines] == [{"key": license.key, "revision": 2}] * 2
    assert lines[1]["change"]["after"]["maintenanceExpiresAt"] == "2029-03-01T09:30:00+00:00"
    assert lines[1]["change"]["after"]["tier"] == {"code": "1000"}


async def test_a_refused_purchase_names_the_entry_at_fault(
    client: httpx.AsyncClient, license: License, api_key: dict[str, str]
) -> None:
    payload = await call(
        client,
        PURCHASE,
        {
            "input": {
                "licenseUpgrades": [{"licenseKey": license.key, "editionCode": "free"}],
                "maintenance": [
                    {"licenseKey": license.key},
                    {"licenseKey": "no such key"},
                    {"licenseKey": license.key, "years": 7},
                ],
                "paymentMethod": "INVOICE",
                "idempotencyKey": "refused",
            }
        },
        headers=api_key,
    )
    assert errors_of(payload) == [
        ("INVALID", ["input", "licenseUpgrades", "0", "editionCode"]),
        ("NOT_FOUND", ["input", "maintenance", "1", "licenseKey"]),
        ("INVALID", ["input", "maintenance", "2", "licenseKey"]),
    ]
    assert payload["order"] is None
