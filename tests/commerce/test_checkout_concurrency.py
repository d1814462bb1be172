"""Checkout under real concurrency: simultaneous HTTP requests through the ASGI app.

Runs on whichever engine the test run uses (``PARTNER_PORTAL_TEST_DATABASE``): on SQLite the
writers are serialised by the engine, on PostgreSQL by row locks and unique constraints.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from typing import Any

import httpx
import pytest

from backend.accounts.models import Reseller
from backend.billing.models import Invoice, InvoiceStatus, Payment
from backend.commerce import cart
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import CartLine, IdempotencyRecord, Order, OrderLine
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.models import License
from tests.commerce.conftest import Shop
from tests.identity.factories import make_reseller, make_user, sign_in

CHECKOUT = """
mutation ($input: CheckoutInput!) {
  checkout(input: $input) {
    order { number total { amount } }
    invoice { number status }
    licenses { key }
    replayed
    userErrors { code message field }
  }
}
"""
PURCHASE = """
mutation ($input: PurchaseInput!) {
  purchase(input: $input) {
    order { number total { amount } }
    invoice { number status }
    licenses { key }
    replayed
    userErrors { code message field }
  }
}
"""
MAIL = NewLicenseRequest("smartermail", "enterprise", "250", ("activesync",), quantity=2)
"""($749 + $250) x 2 less 20%: $1,598.40 for two licenses."""
STATS_LINE = {"productCode": "smarterstats", "editionCode": "professional", "tier": "50"}
TIME_LIMIT = 30.0


async def post_all(
    client: httpx.AsyncClient,
    query: str,
    inputs: list[dict[str, Any]],
    headers: dict[str, str] | list[dict[str, str]] | None = None,
) -> list[dict[str, Any]]:
    """Send every request at once (with the headers given for all or for each); each answer's
    payload. Any answer but a 200 without GraphQL errors fails the test."""
    each = headers if isinstance(headers, list) else [headers or {}] * len(inputs)
    started = time.monotonic()
    responses = await asyncio.gather(
        *(
            client.post("/graphql", json={"query": query, "variables": {"input": i}}, headers=h)
            for i, h in zip(inputs, each, strict=True)
        )
    )
    assert time.monotonic() - started < TIME_LIMIT
    payloads = []
    for response in responses:
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        payloads.append(next(iter(body["data"].values())))
    return payloads


@pytest.fixture
async def purchaser_client(client: httpx.AsyncClient, shop: Shop) -> httpx.AsyncClient:
    await sign_in(client, shop.purchaser)
    return client


async def bearer_of(reseller: Reseller) -> dict[str, str]:
    """The headers of a new purchaser API key of ``reseller``."""
    owner = await make_user(Role.RESELLER_OWNER, reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="Web shop", role=Role.RESELLER_PURCHASER
    )
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
async def api_key_headers(shop: Shop) -> dict[str, str]:
    return await bearer_of(shop.reseller)


async def test_twenty_checkouts_with_one_key_place_one_order(
    purchaser_client: httpx.AsyncClient, shop: Shop
) -> None:
    # given a cart of two licenses
    await cart.add_new_license(actor=shop.actor, request=MAIL)
    request = {"paymentMethod": "PAY_ON_ORDER", "paymentToken": "tok_success"}

    # when the same checkout is sent twenty times at once
    payloads = await post_all(
        purchaser_client, CHECKOUT, [{**request, "idempotencyKey": "one-key"}] * 20
    )

    # then every answer is the one order, all but one of them replays
    assert [p["userErrors"] for p in payloads] == [[]] * 20
    assert {p["order"]["number"] for p in payloads} == {payloads[0]["order"]["number"]}
    assert {p["order"]["total"]["amount"] for p in payloads} == {"1598.40"}
    assert {p["invoice"]["status"] for p in payloads} == {"PAID"}
    assert sorted(p["replayed"] for p in payloads) == [False] + [True] * 19
    assert {tuple(lic["key"] for lic in p["licenses"]) for p in payloads} == {
        tuple(lic["key"] for lic in payloads[0]["licenses"])
    }
    # and the database holds one order, one invoice, one payment and two licenses
    assert await Order.all().count() == 1
    assert await OrderLine.all().count() == 1
    assert await Invoice.all().count() == 1
    assert await Payment.all().count() == 1
    assert await License.all().count() == 2
    assert await CartLine.all().count() == 0
    assert await IdempotencyRecord.filter(order_id__isnull=False).count() == 1


async def test_twenty_purchases_with_one_key_place_one_order(
    client: httpx.AsyncClient, shop: Shop, api_key_headers: dict[str, str]
) -> None:
    # given
    request = {
        "lines": [{**STATS_LINE, "quantity": 3}],
        "paymentMethod": "INVOICE",
        "idempotencyKey": "one-key",
    }

    # when
    payloads = await post_all(client, PURCHASE, [request] * 20, headers=api_key_headers)

    # then
    assert [p["userErrors"] for p in payloads] == [[]] * 20
    assert len({p["order"]["number"] for p in payloads}) == 1
    assert {p["invoice"]["status"] for p in payloads} == {"PENDING_SUMMARY"}
    assert sorted(p["replayed"] for p in payloads) == [False] + [True] * 19
    assert await Order.all().count() == 1
    assert await Invoice.all().count() == 1
    assert await License.all().count() == 3


async def test_fifty_purchases_get_fifty_distinct_gap_free_numbers(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    # given five resellers' servers (so that no one account's lock orders them all)
    servers = [await bearer_of(shop.reseller)]
    for n in range(4):
        servers.append(
            await bearer_of(
                await make_reseller(
                    f"Partner {n}",
                    may_pay_by_invoice=True,
                    address_line1="1 Main Street",
                    city="Springfield",
                    country="US",
                    billing_email=f"billing@partner{n}.example",
                )
            )
        )
    # and fifty different purchases among them, half paid on order and half on invoice
    requests = [
        {
            "lines": [{**STATS_LINE, "quantity": 1}],
            "paymentMethod": "PAY_ON_ORDER" if n % 2 else "INVOICE",
            "paymentToken": "tok_success",
            "idempotencyKey": f"purchase-{n}",
        }
        for n in range(50)
    ]

    # when they arrive at once
    payloads = await post_all(
        client, PURCHASE, requests, headers=[servers[n % 5] for n in range(50)]
    )

    # then fifty orders are placed with fifty distinct numbers without a gap
    assert [p["userErrors"] for p in payloads] == [[]] * 50
    assert not any(p["replayed"] for p in payloads)
    year = (await Invoice.first().values_list("issued_at", flat=True)).year  # type: ignore[union-attr]
    expected = {f"{n:06d}" for n in range(1, 51)}
    invoice_numbers = {p["invoice"]["number"] for p in payloads}
    order_numbers = {p["order"]["number"] for p in payloads}
    assert invoice_numbers == {f"INV-{year}-{n}" for n in expected}
    assert order_numbers == {f"ORD-{year}-{n}" for n in expected}
    assert set(await Invoice.all().values_list("number", flat=True)) == invoice_numbers
    # with an invoice, a license and (paid on order) a payment each
    assert await Order.all().count() == 50
    per_reseller = Counter(await Order.all().values_list("reseller_id", flat=True))
    assert sorted(per_reseller.values()) == [10] * 5
    assert await License.all().count() == 50
    assert await Payment.all().count() == 25
    assert await Invoice.filter(status=InvoiceStatus.PAID).count() == 25
    assert len({lic["key"] for p in payloads for lic in p["licenses"]}) == 50


async def test_one_cart_checked_out_at_once_with_different_keys_is_bought_once(
    purchaser_client: httpx.AsyncClient, shop: Shop
) -> None:
    # given a cart, and a buyer who clicks "buy" in several tabs at once
    await cart.add_new_license(actor=shop.actor, request=MAIL)
    requests = [
        {"paymentMethod": "PAY_ON_ORDER", "paymentToken": "tok_success", "idempotencyKey": f"k{n}"}
        for n in range(10)
    ]

    # when
    payloads = await post_all(purchaser_client, CHECKOUT, requests)

    # then one of them buys the cart; the others are told why nothing was bought
    placed = [p for p in payloads if p["order"] is not None]
    refused = [p for p in payloads if p["order"] is None]
    assert len(placed) == 1
    assert placed[0]["userErrors"] == []
    assert len(refused) == 9
    assert {e["code"] for p in refused for e in p["userErrors"]} <= {"INVALID", "CONFLICT"}
    assert all(p["userErrors"] for p in refused)
    assert await Order.all().count() == 1
    assert await Payment.all().count() == 1
    assert await License.all().count() == 2
    # and the keys of the refused checkouts are free again
    assert await IdempotencyRecord.all().count() == 1
