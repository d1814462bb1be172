"""The invoices list: the account's invoices, newest first, filtered, page by page; for the roles
that may read invoices only."""

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

INVOICES = """
query ($filter: InvoiceFilter, $first: Int! = 20, $after: String) {
  invoices(filter: $filter, first: $first, after: $after) {
    edges { node { number kind status issuedAt total { amount } order { number } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
STATS = NewLicenseRequest("smarterstats", "professional", "50")
START = datetime(2026, 6, 1, 9, tzinfo=UTC)
PAID, PENDING = PaymentMethod.PAY_ON_ORDER, PaymentMethod.INVOICE
PLACED = [
    (START, PAID),
    (START + timedelta(hours=1), PENDING),
    (START + timedelta(days=1), PAID),
    (START + timedelta(days=2), PENDING),
    (START + timedelta(days=2), PENDING),
]
"""Five orders; the last two at one moment."""


async def place(actor: Actor, key: str, method: PaymentMethod) -> str:
    """An order of one SmarterStats license placed by ``actor``; its invoice's number."""
    await cart.add_new_license(actor=actor, request=STATS)
    placed = await checkout.checkout(
        actor=actor,
        payment=checkout.Payment(method, "tok_success"),
        idempotency_key=key,
        gateway=SandboxGateway(),
    )
    return placed.invoice.number


@pytest.fixture
async def numbers(shop: Shop, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The invoices of ``PLACED``, newest first; and another reseller's invoice."""
    placed = []
    for n, (moment, method) in enumerate(PLACED):
        monkeypatch.setattr(clock, "now", lambda moment=moment: moment)
        placed.append(await place(shop.actor, f"order-{n}", method))
    other = await make_reseller(
        address_line1="2 Side Street", city="Shelbyville", country="US", billing_email="b@o.example"
    )
    await place(actor_for(await make_user(Role.RESELLER_PURCHASER, other)), "order-0", PAID)
    monkeypatch.undo()
    return list(reversed(placed))


async def invoices(client: httpx.AsyncClient, **variables: Any) -> Any:
    body: Any = await graphql(client, INVOICES, variables)
    assert "errors" not in body, body
    return body["data"]["invoices"]


def numbers_of(connection: Any) -> list[str]:
    return [edge["node"]["number"] for edge in connection["edges"]]


async def test_invoices_are_listed_newest_first(
    billing: httpx.AsyncClient, numbers: list[str]
) -> None:
    connection = await invoices(billing)
    nodes = [edge["node"] for edge in connection["edges"]]
    assert [node["number"] for node in nodes] == numbers
    assert [node["status"] for node in nodes] == [
        "PENDING_SUMMARY",
        "PENDING_SUMMARY",
        "PAID",
        "PENDING_SUMMARY",
        "PAID",
    ]
    assert nodes[0]["issuedAt"] == "2026-06-03T09:00:00+00:00"
    assert {node["kind"] for node in nodes} == {"ORDER"}
    assert {node["total"]["amount"] for node in nodes} == {"159.20"}
    assert all(node["order"]["number"].startswith("ORD-2026-") for node in nodes)


@pytest.mark.parametrize(
    ("filter_", "positions"),
    [
        ({"unpaid": True}, [0, 1, 3]),
        ({"unpaid": False}, [2, 4]),
        ({"kind": "ORDER"}, [0, 1, 2, 3, 4]),
        ({"kind": "SUMMARY"}, []),
        ({"kind": "ORDER", "unpaid": False}, [2, 4]),
    ],
)
async def test_invoices_are_filtered(
    billing: httpx.AsyncClient, numbers: list[str], filter_: dict[str, Any], positions: list[int]
) -> None:
    assert numbers_of(await invoices(billing, filter=filter_)) == [numbers[i] for i in positions]


async def test_invoices_are_paginated_with_cursors(
    billing: httpx.AsyncClient, numbers: list[str]
) -> None:
    # when read two at a time
    pages = [await invoices(billing, first=2)]
    while pages[-1]["pageInfo"]["hasNextPage"]:
        pages.append(await invoices(billing, first=2, after=pages[-1]["pageInfo"]["endCursor"]))

    # then each invoice comes once, newest first, including the two issued at the same moment
    assert [numbers_of(page) for page in pages] == [numbers[0:2], numbers[2:4], numbers[4:5]]

    # and a filtered list pages the same way
    first = await invoices(billing, first=2, filter={"unpaid": True})
    rest = await invoices(
        billing, first=2, filter={"unpaid": True}, after=first["pageInfo"]["endCursor"]
    )
    assert numbers_of(first) + numbers_of(rest) == [numbers[0], numbers[1], numbers[3]]
    assert rest["pageInfo"]["hasNextPage"] is False


async def test_an_owner_reads_the_invoices(
    client: httpx.AsyncClient, shop: Shop, numbers: list[str]
) -> None:
    await sign_in(client, await make_user(Role.RESELLER_OWNER, shop.reseller))
    assert numbers_of(await invoices(client)) == numbers


@pytest.mark.usefixtures("numbers")
async def test_a_purchaser_may_not_list_invoices(client: httpx.AsyncClient, shop: Shop) -> None:
    await sign_in(client, shop.purchaser)
    body: Any = await graphql(client, INVOICES)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
