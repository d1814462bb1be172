"""Checkout and purchase over GraphQL: the payload holds the order, its invoice and licenses;
problems are userErrors naming the input field, and nothing is bought."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backend.billing.models import PENDING_SUMMARY_NOTE, Invoice, Payment
from backend.commerce import cart
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import CartLine, Order
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.models import License
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_user

PAYLOAD = """
  order {
    number placedBy paymentMethod discountPercent
    subtotal { amount } discount { amount } total { amount currency }
    billing { name city country email }
    lines {
      position description quantity product { code } edition { code } tier { code }
      addons { code } unitPrice { amount } subtotal { amount } discount { amount } total { amount }
    }
    invoice { number }
  }
  invoice {
    number kind status notes dueAt paidAt
    total { amount } amountPaid { amount } amountDue { amount }
    lines { position description quantity total { amount } }
  }
  licenses {
    key status personal product { code } edition { code } tier { code } addons { code }
    maintenanceStatus revision
  }
  replayed
  userErrors { code message field }
"""
CHECKOUT = f"""
mutation ($input: CheckoutInput!) {{
  checkout(input: $input) {{ {PAYLOAD} }}
}}
"""
PURCHASE = f"""
mutation ($input: PurchaseInput!) {{
  purchase(input: $input) {{ {PAYLOAD} }}
}}
"""
INVOICES = "{ invoices { edges { node { number } } } }"

MAIL = NewLicenseRequest("smartermail", "enterprise", "250", ("activesync",), quantity=2)
"""($749 + $250) x 2 = $1,998.00, less 20%: $1,598.40."""
PAY_NOW = {"paymentMethod": "PAY_ON_ORDER", "paymentToken": "tok_success", "idempotencyKey": "k1"}
STATS_LINE = {
    "productCode": "smarterstats",
    "editionCode": "professional",
    "tier": "50",
    "quantity": 3,
}


async def call(
    client: httpx.AsyncClient,
    query: str,
    input_: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> Any:
    response = await client.post(
        "/graphql", json={"query": query, "variables": {"input": input_}}, headers=headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


def codes_and_fields(payload: Any) -> list[tuple[str, list[str] | None]]:
    return [(error["code"], error["field"]) for error in payload["userErrors"]]


async def bought() -> dict[str, int]:
    return {
        "orders": await Order.all().count(),
        "invoices": await Invoice.all().count(),
        "payments": await Payment.all().count(),
        "licenses": await License.all().count(),
    }


NOTHING = {"orders": 0, "invoices": 0, "payments": 0, "licenses": 0}


@pytest.fixture
async def in_cart(shop: Shop) -> None:
    await cart.add_new_license(actor=shop.actor, request=MAIL)


@pytest.fixture
async def api_key(shop: Shop) -> dict[str, str]:
    """The headers of a purchaser API key of the shop's reseller."""
    owner = await make_user(Role.RESELLER_OWNER, shop.reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="Web shop", role=Role.RESELLER_PURCHASER
    )
    return {"Authorization": f"Bearer {secret}"}


@pytest.mark.usefixtures("in_cart")
async def test_checkout_returns_the_order_its_paid_invoice_and_the_licenses(
    purchaser: httpx.AsyncClient,
) -> None:
    # when
    payload = await call(purchaser, CHECKOUT, PAY_NOW)

    # then
    assert payload["userErrors"] == []
    assert payload["replayed"] is False
    order = payload["order"]
    assert order["number"].startswith("ORD-")
    assert (order["placedBy"], order["paymentMethod"], order["discountPercent"]) == (
        "buyer@acme.example",
        "PAY_ON_ORDER",
        "20.00",
    )
    assert (order["subtotal"], order["discount"], order["total"]) == (
        {"amount": "1998.00"},
        {"amount": "399.60"},
        {"amount": "1598.40", "currency": "USD"},
    )
    assert order["billing"] == {
        "name": "Acme Hosting",
        "city": "Springfield",
        "country": "US",
        "email": "billing@acme.example",
    }
    assert order["lines"] == [
        {
            "position": 1,
            "description": "SmarterMail Enterprise, 250 mailboxes with Exchange ActiveSync",
            "quantity": 2,
            "product": {"code": "smartermail"},
            "edition": {"code": "enterprise"},
            "tier": {"code": "250"},
            "addons": [{"code": "activesync"}],
            "unitPrice": {"amount": "999.00"},
            "subtotal": {"amount": "1998.00"},
            "discount": {"amount": "399.60"},
            "total": {"amount": "1598.40"},
        }
    ]
    # the purchaser sees the order's invoice in the payload...
    invoice = payload["invoice"]
    assert invoice["number"].startswith("INV-")
    assert (invoice["kind"], invoice["status"], invoice["notes"]) == ("ORDER", "PAID", "")
    assert invoice["paidAt"] is not None
    assert (invoice["total"], invoice["amountPaid"], invoice["amountDue"]) == (
        {"amount": "1598.40"},
        {"amount": "1598.40"},
        {"amount": "0.00"},
    )
    assert [line["description"] for line in invoice["lines"]] == [order["lines"][0]["description"]]
    # ...though not through Order.invoice, which follows the role's right to read invoices
    assert order["invoice"] is None
    # and the licenses issued
    assert len(payload["licenses"]) == 2
    assert len({lic["key"] for lic in payload["licenses"]}) == 2
    assert {
        (
            lic["status"],
            lic["personal"],
            lic["product"]["code"],
            lic["edition"]["code"],
            lic["tier"]["code"],
            tuple(a["code"] for a in lic["addons"]),
            lic["maintenanceStatus"],
            lic["revision"],
        )
        for lic in payload["licenses"]
    } == {("UNASSIGNED", False, "smartermail", "enterprise", "250", ("activesync",), "ACTIVE", 1)}
    # and the cart is empty
    assert await CartLine.all().count() == 0


@pytest.mark.usefixtures("in_cart")
async def test_on_invoice_the_invoice_waits_for_the_monthly_summary(
    purchaser: httpx.AsyncClient,
) -> None:
    payload = await call(purchaser, CHECKOUT, {"paymentMethod": "INVOICE", "idempotencyKey": "k1"})
    invoice = payload["invoice"]
    assert (invoice["status"], invoice["notes"]) == ("PENDING_SUMMARY", PENDING_SUMMARY_NOTE)
    assert (invoice["dueAt"], invoice["paidAt"]) == (None, None)
    assert invoice["amountDue"] == {"amount": "1598.40"}
    assert await Payment.all().count() == 0


@pytest.mark.usefixtures("in_cart")
async def test_invoices_are_not_listed_for_a_purchaser(purchaser: httpx.AsyncClient) -> None:
    # given an order the purchaser placed
    await call(purchaser, CHECKOUT, PAY_NOW)

    # when the purchaser asks for the invoices
    body: Any = await graphql(purchaser, INVOICES)

    # then it is refused
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


@pytest.mark.usefixtures("in_cart")
@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"paymentToken": "tok_declined"}, "PAYMENT_DECLINED", ["input", "paymentToken"]),
        ({"paymentToken": "tok_gateway_error"}, "PAYMENT_FAILED", ["input", "paymentToken"]),
        ({"paymentToken": "tok_made_up"}, "INVALID", ["input", "paymentToken"]),
        ({"paymentToken": None}, "REQUIRED", ["input", "paymentToken"]),
        ({"billing": {"country": "XX"}}, "INVALID", ["input", "billing", "country"]),
        ({"billing": {"email": "billing@"}}, "INVALID", ["input", "billing", "email"]),
        ({"billing": {"name": " "}}, "REQUIRED", ["input", "billing", "name"]),
        ({"idempotencyKey": " "}, "REQUIRED", ["input", "idempotencyKey"]),
    ],
)
async def test_a_refused_checkout_names_the_field_and_buys_nothing(
    purchaser: httpx.AsyncClient, changes: dict[str, Any], code: str, field: list[str]
) -> None:
    # given
    before = await CartLine.all().values()

    # when
    payload = await call(purchaser, CHECKOUT, {**PAY_NOW, **changes})

    # then
    assert codes_and_fields(payload) == [(code, field)]
    assert (payload["order"], payload["invoice"], payload["licenses"]) == (None, None, [])
    assert await bought() == NOTHING
    assert await CartLine.all().values() == before


@pytest.mark.usefixtures("in_cart")
async def test_paying_by_invoice_is_refused_when_the_account_may_not(
    purchaser: httpx.AsyncClient, shop: Shop
) -> None:
    shop.reseller.may_pay_by_invoice = False
    await shop.reseller.save()
    payload = await call(purchaser, CHECKOUT, {"paymentMethod": "INVOICE", "idempotencyKey": "k"})
    assert codes_and_fields(payload) == [("INVALID", ["input", "paymentMethod"])]
    assert await bought() == NOTHING


async def test_an_empty_cart_is_refused(purchaser: httpx.AsyncClient) -> None:
    payload = await call(purchaser, CHECKOUT, PAY_NOW)
    assert codes_and_fields(payload) == [("INVALID", None)]
    assert await bought() == NOTHING


@pytest.mark.usefixtures("in_cart")
async def test_a_repeated_checkout_answers_with_the_first_order(
    purchaser: httpx.AsyncClient, shop: Shop
) -> None:
    # given
    first = await call(purchaser, CHECKOUT, PAY_NOW)
    await cart.add_new_license(actor=shop.actor, request=MAIL)

    # when the same request is sent again
    again = await call(purchaser, CHECKOUT, PAY_NOW)

    # then it is the first order, and nothing more is bought
    assert again["replayed"] is True
    assert again["userErrors"] == []
    assert {k: again[k] for k in ("order", "invoice", "licenses")} == {
        k: first[k] for k in ("order", "invoice", "licenses")
    }
    assert await bought() == {"orders": 1, "invoices": 1, "payments": 1, "licenses": 2}

    # when the key is used for another request
    other = await call(purchaser, CHECKOUT, {**PAY_NOW, "paymentMethod": "INVOICE"})

    # then it is refused
    assert codes_and_fields(other) == [("IDEMPOTENCY_KEY_REUSED", ["input", "idempotencyKey"])]
    assert other["order"] is None
    assert await CartLine.all().count() == 1


async def test_an_api_key_buys_with_purchase(
    client: httpx.AsyncClient, shop: Shop, api_key: dict[str, str]
) -> None:
    # when
    payload = await call(
        client,
        PURCHASE,
        {"lines": [STATS_LINE], "paymentMethod": "INVOICE", "idempotencyKey": "web-1"},
        headers=api_key,
    )

    # then
    assert payload["userErrors"] == []
    order = payload["order"]
    assert order["placedBy"].startswith("API key Web shop (ppk_")
    assert order["total"] == {"amount": "477.60", "currency": "USD"}
    assert payload["invoice"]["status"] == "PENDING_SUMMARY"
    assert len(payload["licenses"]) == 3
    assert {lic["product"]["code"] for lic in payload["licenses"]} == {"smarterstats"}
    assert await bought() == {"orders": 1, "invoices": 1, "payments": 0, "licenses": 3}


@pytest.mark.parametrize(
    ("lines", "errors"),
    [
        ([], [("REQUIRED", ["input", "lines"])]),
        ([STATS_LINE] * 51, [("INVALID", ["input", "lines"])]),
        (
            [
                STATS_LINE,
                {**STATS_LINE, "quantity": 0},
                {**STATS_LINE, "addonCodes": ["activesync"]},
                {**STATS_LINE, "productCode": "smarterfax"},
            ],
            [
                ("INVALID", ["input", "lines", "1", "quantity"]),
                ("NOT_FOUND", ["input", "lines", "2", "addonCodes", "0"]),
                ("NOT_FOUND", ["input", "lines", "3", "productCode"]),
            ],
        ),
    ],
    ids=["no lines", "51 lines", "invalid lines"],
)
async def test_a_refused_purchase_names_the_lines_at_fault(
    client: httpx.AsyncClient,
    api_key: dict[str, str],
    lines: list[dict[str, Any]],
    errors: list[tuple[str, list[str]]],
) -> None:
    payload = await call(
        client,
        PURCHASE,
        {"lines": lines, "paymentMethod": "INVOICE", "idempotencyKey": "web-1"},
        headers=api_key,
    )
    assert codes_and_fields(payload) == errors
    assert await bought() == NOTHING


async def test_an_api_key_cannot_check_out_a_cart(
    client: httpx.AsyncClient, api_key: dict[str, str]
) -> None:
    payload = await call(client, CHECKOUT, PAY_NOW, headers=api_key)
    assert codes_and_fields(payload) == [("PERMISSION_DENIED", None)]
    assert await bought() == NOTHING


async def test_a_signed_in_purchaser_may_purchase_too(purchaser: httpx.AsyncClient) -> None:
    payload = await call(
        purchaser, PURCHASE, {"lines": [STATS_LINE], **PAY_NOW, "idempotencyKey": "p1"}
    )
    assert payload["userErrors"] == []
    assert payload["order"]["placedBy"] == "buyer@acme.example"
    assert payload["invoice"]["status"] == "PAID"
