"""``search``: jump to a license, customer, invoice or order of one's own account."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from backend.accounts.models import Reseller
from backend.billing.models import Invoice
from backend.catalog.seed import seed_catalog
from backend.catalog.services import load_catalog
from backend.commerce.models import Order
from backend.identity.models import User
from backend.identity.roles import Role
from backend.licensing.keys import new_key
from backend.licensing.models import License
from tests.conftest import graphql
from tests.dashboard.factories import make_invoice, make_license
from tests.identity.factories import make_reseller, make_user, sign_in

NOW = datetime(2026, 5, 15, 12, 0, tzinfo=UTC)
_sequence = itertools.count(1)

SEARCH = """
query Search($query: String!, $first: Int! = 8) {
  search(query: $query, first: $first) {
    __typename
    ... on License { id key customer { email } product { name } }
    ... on Customer { id email licenseCount }
    ... on Invoice { id number amountDue { amount } }
    ... on Order { id number total { amount } }
  }
}
"""


@dataclass
class Account:
    reseller: Reseller
    owner: User
    license: License
    customer: User
    invoice: Invoice
    order: Order


async def make_account(name: str, email: str) -> Account:
    reseller = await make_reseller(name)
    customer = await make_user(Role.CUSTOMER, email=email)
    license = await make_license(
        reseller, maintenance_expires_at=NOW + timedelta(days=100), customer=customer
    )
    invoice = await make_invoice(reseller, total_cents=1_000, issued_at=NOW, due_at=NOW)
    order = await Order.get(id=invoice.order_id)
    owner = await make_user(Role.RESELLER_OWNER, reseller)
    return Account(reseller, owner, license, customer, invoice, order)


@pytest.fixture
async def accounts(db: str) -> tuple[Account, Account]:
    await seed_catalog()
    return (
        await make_account("Partner A", "pat@a-customer.example"),
        await make_account("Partner B", "sam@b-customer.example"),
    )


async def search(client: httpx.AsyncClient, text: str, first: int = 8) -> list[dict[str, Any]]:
    body = await graphql(client, SEARCH, {"query": text, "first": first})
    assert "errors" not in body, body
    hits: list[dict[str, Any]] = body["data"]["search"]  # type: ignore[index]
    return hits


def found(hits: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [
        (hit["__typename"], hit.get("key") or hit.get("email") or hit.get("number")) for hit in hits
    ]


async def test_a_key_as_typed_finds_its_license(
    client: httpx.AsyncClient, accounts: tuple[Account, Account]
) -> None:
    a, _ = accounts
    await sign_in(client, a.owner)
    key = a.license.key

    whole = await search(client, key.lower().replace("-", ""))
    start = await search(client, f"  {key[:9]} ")

    assert found(whole) == [("License", key)]
    assert whole[0]["customer"] == {"email": a.customer.email}
    assert ("License", key) in found(start)


async def test_an_email_or_part_of_it_finds_the_customer(
    client: httpx.AsyncClient, accounts: tuple[Account, Account]
) -> None:
    a, _ = accounts
    await sign_in(client, a.owner)

    assert found(await search(client, "PAT@A-customer.example")) == [("Customer", a.customer.email)]
    assert found(await search(client, "a-customer")) == [("Customer", a.customer.email)]


async def test_numbers_whole_or_by_their_last_digits(
    client: httpx.AsyncClient, accounts: tuple[Account, Account]
) -> None:
    a, _ = accounts
    await sign_in(client, a.owner)
    invoice, order = a.invoice.number, a.order.number
    digits = invoice.rsplit("-", 1)[1].lstrip("0")

    assert found(await search(client, invoice.lower())) == [("Invoice", invoice)]
    assert found(await search(client, order)) == [("Order", order)]
    assert ("Invoice", invoice) in found(await search(client, digits))
    assert ("Invoice", invoice) in found(await search(client, f"inv-{digits}"))
    by_suffix = found(await search(client, order.rsplit("-", 1)[1]))
    assert ("Order", order) in by_suffix


async def test_the_other_accounts_things_are_not_found(
    client: httpx.AsyncClient, accounts: tuple[Account, Account]
) -> None:
    a, b = accounts
    await sign_in(client, a.owner)

    for text in (b.license.key, b.customer.email, b.invoice.number, b.order.number):
        assert await search(client, text) == [], text


async def test_the_vendor_finds_every_accounts(
    client: httpx.AsyncClient, accounts: tuple[Account, Account]
) -> None:
    _, b = accounts
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))

    assert found(await search(client, b.license.key)) == [("License", b.license.key)]
    assert found(await search(client, b.invoice.number)) == [("Invoice", b.invoice.number)]
    assert found(await search(client, "customer.example")) == [
        ("Customer", "pat@a-customer.example"),
        ("Customer", "sam@b-customer.example"),
    ]


async def test_each_kind_needs_its_permission(
    client: httpx.AsyncClient, accounts: tuple[Account, Account]
) -> None:
    a, _ = accounts
    await sign_in(client, await make_user(Role.RESELLER_PURCHASER, a.reseller))

    assert await search(client, a.invoice.number) == []  # no INVOICES_READ
    assert found(await search(client, a.order.number)) == [("Order", a.order.number)]

    await sign_in(client, a.customer)  # its own license, never the partner's records
    assert found(await search(client, a.license.key)) == [("License", a.license.key)]
    assert await search(client, a.order.number) == []
    assert await search(client, a.customer.email) == []


async def test_empty_and_overlong_queries(
    client: httpx.AsyncClient, accounts: tuple[Account, Account]
) -> None:
    a, _ = accounts
    await sign_in(client, a.owner)

    assert await search(client, "   ") == []
    assert await search(client, "x" * 10_000) == []
    body = await graphql(client, SEARCH, {"query": "a", "first": 0})
    assert "between 1 and 20" in body["errors"][0]["message"]  # type: ignore[index]


async def test_exact_hits_come_first_and_first_is_respected(
    client: httpx.AsyncClient, accounts: tuple[Account, Account]
) -> None:
    a, _ = accounts
    await sign_in(client, a.owner)
    for month, number in enumerate(
        ("INV-2026-000107", "INV-2026-000007", "INV-2026-000017", "INV-2025-000007"), start=1
    ):
        await make_invoice(
            a.reseller,
            total_cents=5,
            issued_at=NOW - timedelta(days=month),
            period=f"2026-{month:02d}",
            number=number,
        )

    two = found(await search(client, "7", first=2))
    three = found(await search(client, "inv-7", first=3))

    assert two == [("Invoice", "INV-2026-000007"), ("Invoice", "INV-2025-000007")]
    # the third is a partial hit: 107 or 017, or another invoice of the account whose sequence
    # ends with 7 (the factories number invoices from a counter the whole test run shares)
    assert three[:2] == two and three[2][0] == "Invoice" and three[2][1].endswith("7")
    assert three[2] not in two


async def grow(account: Account, n: int) -> None:
    """``n`` more of every kind that a search for "2" finds: licenses whose key begins with 2
    (assigned to new customers with a 2 in their email), invoices and orders ending with 2."""
    for _ in range(n):
        i = next(_sequence)
        customer = await make_user(Role.CUSTOMER, email=f"c{i}@x2.example")
        await make_license(
            account.reseller,
            maintenance_expires_at=NOW + timedelta(days=9),
            customer=customer,
            key="2" + new_key()[1:],
        )
        await make_invoice(
            account.reseller,
            total_cents=9,
            issued_at=NOW,
            due_at=NOW,
            number=f"INV-2026-{i:05d}2",
        )


async def test_a_search_costs_the_same_queries_at_any_size(
    client: httpx.AsyncClient,
    accounts: tuple[Account, Account],
    count_queries: Callable[..., Any],
) -> None:
    # "2" may begin a key, end a number and be part of an email: every kind is searched
    a, b = accounts
    await sign_in(client, a.owner)
    await grow(a, 1)
    await load_catalog()  # the process's catalog snapshot, as a running server has it
    with count_queries() as small:
        small_hits = await search(client, "2", first=20)
    await grow(a, 15)
    await grow(b, 5)
    with count_queries() as large:
        large_hits = await search(client, "2", first=20)

    assert len(large_hits) > len(small_hits)
    kinds = {"License", "Invoice", "Order", "Customer"}
    assert {hit["__typename"] for hit in small_hits} == kinds
    assert {hit["__typename"] for hit in large_hits} == kinds
    assert small.count == large.count, large.statements
