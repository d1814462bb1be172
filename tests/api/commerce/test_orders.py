"""The orders list: the account's orders, newest first, page by page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from backend import clock
from backend.commerce import cart, checkout
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import PaymentMethod
from backend.identity.actor import Actor
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.payments.gateway import SandboxGateway
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in

ORDERS = """
query ($first: Int! = 20, $after: String) {
  orders(first: $first, after: $after) {
    edges { cursor node { number placedAt total { amount } licenses { key } invoice { number } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
"""
STATS = NewLicenseRequest("smarterstats", "professional", "50")
START = datetime(2026, 6, 1, 9, tzinfo=UTC)


async def place(actor: Actor, key: str) -> str:
    """An order of one SmarterStats license placed by ``actor``; its number."""
    await cart.add_new_license(actor=actor, request=STATS)
    placed = await checkout.checkout(
        actor=actor,
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key=key,
        gateway=SandboxGateway(),
    )
    return placed.order.number


@pytest.fixture
async def numbers(shop: Shop, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Five orders of the shop's reseller, newest first (the last two placed at one moment),
    and one of another reseller."""
    placed = []
    for n, moment in enumerate(
        [START, START + timedelta(hours=1), START + timedelta(days=1)]
        + [START + timedelta(days=2)] * 2
    ):
        monkeypatch.setattr(clock, "now", lambda moment=moment: moment)
        placed.append(await place(shop.actor, f"order-{n}"))
    other = await make_reseller(
        may_pay_by_invoice=True,
        address_line1="2 Side Street",
        city="Shelbyville",
        country="US",
        billing_email="b@other.example",
    )
    await place(actor_for(await make_user(Role.RESELLER_PURCHASER, other)), "order-0")
    monkeypatch.undo()
    return list(reversed(placed))


async def orders(client: httpx.AsyncClient, **variables: Any) -> Any:
    body: Any = await graphql(client, ORDERS, variables)
    assert "errors" not in body, body
    return body["data"]["orders"]


async def test_orders_are_listed_newest_first(
    purchaser: httpx.AsyncClient, numbers: list[str]
) -> None:
    connection = await orders(purchaser)
    nodes = [edge["node"] for edge in connection["edges"]]
    assert [node["number"] for node in nodes] == numbers
    assert nodes[0]["placedAt"] == "2026-06-03T09:00:00+00:00"
    assert {node["total"]["amount"] for node in nodes} == {"159.20"}
    assert all(len(node["licenses"]) == 1 for node in nodes)
    # a purchaser does not see invoices, not even through an order
    assert {node["invoice"] for node in nodes} == {None}
    assert connection["pageInfo"]["hasNextPage"] is False


async def test_orders_are_paginated_with_cursors(
    purchaser: httpx.AsyncClient, numbers: list[str]
) -> None:
    # when read two at a time
    pages = [await orders(purchaser, first=2)]
    while pages[-1]["pageInfo"]["hasNextPage"]:
        pages.append(await orders(purchaser, first=2, after=pages[-1]["pageInfo"]["endCursor"]))

    # then each order comes once, newest first, including the two placed at the same moment
    assert [[e["node"]["number"] for e in page["edges"]] for page in pages] == [
        numbers[0:2],
        numbers[2:4],
        numbers[4:5],
    ]
    assert [page["pageInfo"]["hasPreviousPage"] for page in pages] == [False, True, True]
    assert pages[0]["pageInfo"]["endCursor"] == pages[0]["edges"][-1]["cursor"]


async def test_an_owner_sees_the_orders_invoices(
    client: httpx.AsyncClient, shop: Shop, numbers: list[str]
) -> None:
    await sign_in(client, await make_user(Role.RESELLER_OWNER, shop.reseller))
    nodes = [edge["node"] for edge in (await orders(client))["edges"]]
    assert all(node["invoice"]["number"].startswith("INV-2026-") for node in nodes)


@pytest.mark.parametrize("first", [0, 101])
async def test_a_page_is_one_to_a_hundred_orders(
    purchaser: httpx.AsyncClient, numbers: list[str], first: int
) -> None:
    body: Any = await graphql(purchaser, ORDERS, {"first": first})
    assert body["data"] is None
    assert "`first` must be between 1 and 100" in body["errors"][0]["message"]
