"""The lists' filters: invoices by status and number, orders by number and payment method,
payments by kind, people by role; each stays inside the caller's account."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backend.billing.models import Invoice, InvoiceStatus, Payment, PaymentKind
from backend.commerce.models import Order, PaymentMethod
from backend.identity.roles import Role
from tests.api import lists
from tests.api.lists import Account, make_account
from tests.conftest import graphql
from tests.identity.factories import make_user, sign_in

pytestmark = pytest.mark.usefixtures("db")

INVOICES = """
query ($filter: InvoiceFilter) {
  invoices(filter: $filter, first: 100) { edges { node { number status } } }
}
"""
ORDERS = """
query ($search: String, $paymentMethod: PaymentMethod) {
  orders(search: $search, paymentMethod: $paymentMethod, first: 100) {
    edges { node { number paymentMethod } }
  }
}
"""
PAYMENTS = """
query ($filter: PaymentFilter) {
  payments(filter: $filter, first: 100) { edges { node { reference kind reseller { name } } } }
}
"""
EMPLOYEES = """
query ($role: Role) {
  employees(role: $role, first: 100) { edges { node { name role } } }
}
"""
MINE = (1, 12, 123, 1234, 5)
THEIRS = (123, 12, 1)


async def _nodes(client: httpx.AsyncClient, query: str, variables: dict[str, object]) -> list[Any]:
    body: Any = await graphql(client, query, variables)
    assert "errors" not in body, body
    [connection] = body["data"].values()
    return [edge["node"] for edge in connection["edges"]]


@pytest.fixture
async def accounts(client: httpx.AsyncClient) -> tuple[Account, Account]:
    """Two accounts with invoices and orders numbered alike (``theirs`` a year earlier), and
    ``client`` signed in as the first's owner."""
    mine, theirs = await make_account("Acme"), await make_account("Other")
    await lists.grow_documents(mine, MINE, year=2026)
    await lists.grow_documents(theirs, THEIRS, year=2025)
    await lists.grow_documents(theirs, (999,), year=2026)
    await sign_in(client, mine.owner)
    return mine, theirs


def _numbers(prefix: str, year: int, *numbers: int) -> set[str]:
    return {f"{prefix}-{year}-{n:06d}" for n in numbers}


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("inv-2026-00012", (123,)),  # a beginning, in any case
        ("INV-2026-001234", (1234,)),  # the whole number
        ("2026-00000", (1, 5)),  # without the prefix
        ("000123", (123,)),  # the year's sequence number
        ("123", (123,)),
        ("12", (12,)),
        ("  ", MINE),  # blank: no filter
        ("INV-2025", ()),  # the other account's year: none of theirs
        ("999", ()),
        ("nothing like it", ()),
        ("9" * 300, ()),  # longer than any number: no match, no error
    ],
)
async def test_invoices_are_searched_by_number(
    client: httpx.AsyncClient, accounts: tuple[Account, Account], search: str, found: tuple[int]
) -> None:
    nodes = await _nodes(client, INVOICES, {"filter": {"search": search}})

    assert {node["number"] for node in nodes} == _numbers("INV", 2026, *found)


@pytest.mark.parametrize("status", [InvoiceStatus.PAID, InvoiceStatus.PENDING_SUMMARY])
async def test_invoices_are_filtered_by_status(
    client: httpx.AsyncClient, accounts: tuple[Account, Account], status: InvoiceStatus
) -> None:
    # given paid and pending invoices in both accounts
    mine, theirs = accounts
    assert await Invoice.filter(reseller_id=theirs.reseller.id, status=status).exists()

    # when
    nodes = await _nodes(client, INVOICES, {"filter": {"status": status.value}})

    # then
    expected = await Invoice.filter(reseller_id=mine.reseller.id, status=status).values_list(
        "number", flat=True
    )
    assert sorted(node["number"] for node in nodes) == sorted(expected) != []
    assert {node["status"] for node in nodes} == {status.value}


async def test_invoice_filters_combine(
    client: httpx.AsyncClient, accounts: tuple[Account, Account]
) -> None:
    nodes = await _nodes(client, INVOICES, {"filter": {"search": "2026-00", "status": "PAID"}})

    paid = await Invoice.filter(reseller_id=accounts[0].reseller.id, status=InvoiceStatus.PAID)
    assert {node["number"] for node in nodes} == {invoice.number for invoice in paid}


@pytest.mark.parametrize(
    ("search", "found"),
    [("ord-2026-0001", (123,)), ("ORD-2026-000012", (12,)), ("1234", (1234,)), ("INV", ())],
)
async def test_orders_are_searched_by_number(
    client: httpx.AsyncClient, accounts: tuple[Account, Account], search: str, found: tuple[int]
) -> None:
    nodes = await _nodes(client, ORDERS, {"search": search})

    assert {node["number"] for node in nodes} == _numbers("ORD", 2026, *found)


@pytest.mark.parametrize("method", list(PaymentMethod))
async def test_orders_are_filtered_by_payment_method(
    client: httpx.AsyncClient, accounts: tuple[Account, Account], method: PaymentMethod
) -> None:
    mine, theirs = accounts
    assert await Order.filter(reseller_id=theirs.reseller.id, payment_method=method).exists()

    nodes = await _nodes(client, ORDERS, {"paymentMethod": method.value, "search": "2026"})

    expected = await Order.filter(reseller_id=mine.reseller.id, payment_method=method)
    assert sorted(node["number"] for node in nodes) == sorted(o.number for o in expected) != []
    assert {node["paymentMethod"] for node in nodes} == {method.value}


@pytest.mark.parametrize("kind", list(PaymentKind))
async def test_payments_are_filtered_by_kind(
    client: httpx.AsyncClient, accounts: tuple[Account, Account], kind: PaymentKind
) -> None:
    # given payments of both kinds in both accounts
    mine, theirs = accounts
    await lists.grow_payments(mine)
    await lists.grow_payments(theirs)

    # when
    nodes = await _nodes(client, PAYMENTS, {"filter": {"kind": kind.value}})

    # then
    expected = await Payment.filter(reseller_id=mine.reseller.id, kind=kind)
    assert sorted(n["reference"] for n in nodes) == sorted(p.reference for p in expected) != []
    assert {(n["kind"], n["reseller"]["name"]) for n in nodes} == {(kind.value, "Acme")}


@pytest.mark.parametrize(
    ("role", "names"),
    [
        (Role.RESELLER_BILLING, ["Billing 2", "Sam Same"]),
        (Role.RESELLER_VIEWER, ["Sam Same"]),
        (Role.RESELLER_PURCHASER, []),
    ],
)
async def test_people_are_filtered_by_role(
    client: httpx.AsyncClient, role: Role, names: list[str]
) -> None:
    # given people of several roles and contacts in two accounts
    mine, theirs = await make_account("Acme"), await make_account("Other")
    await lists.grow_employees(mine)
    await lists.grow_employees(theirs)
    await sign_in(client, mine.owner)

    # when
    nodes = await _nodes(client, EMPLOYEES, {"role": role.value})

    # then
    assert [(node["name"], node["role"]) for node in nodes] == [(n, role.value) for n in names]


async def test_a_vendor_admin_filters_every_accounts_people_by_role(
    client: httpx.AsyncClient,
) -> None:
    mine, theirs = await make_account("Acme"), await make_account("Other")
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))

    nodes = await _nodes(client, EMPLOYEES, {"role": "RESELLER_OWNER"})

    assert sorted(node["name"] for node in nodes) == sorted([mine.owner.name, theirs.owner.name])
