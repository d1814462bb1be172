"""Invoice payments over GraphQL: ``payInvoice`` (by card, the partner's owner and billing
people), ``recordPayment`` (bank transfers, the vendor), the ``payments`` list and an invoice's
``payments``; problems are userErrors naming the input field, and nothing is paid."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from strawberry import relay

import backend.api.app
from backend.app import create_app
from backend.billing.models import Invoice, InvoiceStatus, Payment
from backend.identity.models import User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.settings import Settings
from tests.billing.test_payments import RecordingGateway, invoiced, summarize
from tests.commerce.conftest import Shop
from tests.identity.factories import make_reseller, make_user, sign_in

INVOICE = """
  id number status paidAt amountPaid { amount } amountDue { amount }
  summarizedInvoices { number status amountDue { amount } paidAt }
  payments { kind amount { amount } reference }
"""
PAYMENT = """
  id kind amount { amount currency } gateway reference receivedAt recordedBy
  invoice { number } reseller { name }
"""
PAY_INVOICE = f"""
mutation ($input: PayInvoiceInput!) {{
  payInvoice(input: $input) {{
    invoice {{ {INVOICE} }}
    payment {{ {PAYMENT} }}
    replayed
    userErrors {{ code message field }}
  }}
}}
"""
RECORD_PAYMENT = f"""
mutation ($input: RecordPaymentInput!) {{
  recordPayment(input: $input) {{
    invoice {{ {INVOICE} }}
    payment {{ {PAYMENT} }}
    userErrors {{ code message field }}
  }}
}}
"""
PAYMENTS = f"""
query ($filter: PaymentFilter, $first: Int! = 20, $after: String) {{
  payments(filter: $filter, first: $first, after: $after) {{
    edges {{ node {{ {PAYMENT} }} }}
    pageInfo {{ hasNextPage endCursor }}
  }}
}}
"""
INVOICE_BY_ID = f"query ($id: ID!) {{ node(id: $id) {{ ... on Invoice {{ {INVOICE} }} }} }}"


VENDOR_EMAIL = "money@vendor.example"


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


@pytest.fixture
def gateway(monkeypatch: pytest.MonkeyPatch) -> RecordingGateway:
    """The app's payment gateway, which the tests read."""
    made = RecordingGateway()
    monkeypatch.setattr(backend.api.app, "gateway_named", lambda name: made)
    return made


@pytest.fixture
def app(gateway: RecordingGateway, settings: Settings, dist: Any, db: str) -> Starlette:
    return create_app(settings, dist=dist, manage_database=False)


@dataclass
class Month:
    summary: Invoice
    children: list[Invoice]
    waiting: Invoice


@pytest.fixture
async def month(shop: Shop) -> Month:
    """A summary of three invoices of $159.20, and an invoice not yet in a summary."""
    children = [await invoiced(shop.actor, f"order-{n}") for n in range(3)]
    return Month(await summarize(children), children, await invoiced(shop.actor, "order-late"))


async def call(client: httpx.AsyncClient, query: str, **variables: Any) -> Any:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def pay(
    client: httpx.AsyncClient, invoice: Invoice, token: str = "tok_success", key: str = "pay-1"
) -> Any:
    request = {
        "invoiceId": gid("Invoice", invoice.id),
        "paymentToken": token,
        "idempotencyKey": key,
    }
    return (await call(client, PAY_INVOICE, input=request))["payInvoice"]


async def record(
    client: httpx.AsyncClient, invoice: Invoice, amount: str, reference: str, **more: Any
) -> Any:
    request = {"invoiceId": gid("Invoice", invoice.id), "amount": amount, "reference": reference}
    return (await call(client, RECORD_PAYMENT, input={**request, **more}))["recordPayment"]


async def unpaid(month: Month) -> bool:
    invoices = [month.summary, *month.children]
    rows = await Invoice.filter(id__in=[i.id for i in invoices])
    return all(row.status is not InvoiceStatus.PAID and row.amount_paid_cents == 0 for row in rows)


async def as_vendor(client: httpx.AsyncClient) -> httpx.AsyncClient:
    vendor = await User.get_or_none(email=VENDOR_EMAIL) or await make_user(
        Role.VENDOR_ADMIN, email=VENDOR_EMAIL
    )
    await sign_in(client, vendor)
    return client


# --- payInvoice ------------------------------------------------------------------------------


async def test_paying_the_summary_pays_every_invoice_it_collects(
    billing: httpx.AsyncClient, month: Month, gateway: RecordingGateway
) -> None:
    # when the billing employee pays the month's summary
    payload = await pay(billing, month.summary)

    # then the summary and its invoices are paid
    assert payload["userErrors"] == []
    invoice = payload["invoice"]
    assert (invoice["number"], invoice["status"]) == (month.summary.number, "PAID")
    assert (invoice["amountPaid"]["amount"], invoice["amountDue"]["amount"]) == ("477.60", "0.00")
    assert [(i["status"], i["amountDue"]["amount"]) for i in invoice["summarizedInvoices"]] == [
        ("PAID", "0.00")
    ] * 3
    assert {i["paidAt"] for i in invoice["summarizedInvoices"]} == {invoice["paidAt"]}
    # with one card payment of the whole amount, charged once
    payment = payload["payment"]
    [charge] = gateway.charges
    assert payment["kind"] == "CARD"
    assert payment["amount"] == {"amount": "477.60", "currency": "USD"}
    assert (payment["gateway"], payment["reference"]) == ("sandbox", charge.reference)
    assert payment["invoice"] == {"number": month.summary.number}
    assert payment["reseller"] == {"name": "Acme Hosting"}
    assert payment["recordedBy"].endswith("@example.example")
    assert invoice["payments"] == [
        {"kind": "CARD", "amount": {"amount": "477.60"}, "reference": charge.reference}
    ]
    # and the invoice waiting for next month's summary is untouched
    assert (await Invoice.get(id=month.waiting.id)).status is InvoiceStatus.PENDING_SUMMARY


async def test_a_declined_card_pays_and_charges_nothing(
    billing: httpx.AsyncClient, month: Month, gateway: RecordingGateway
) -> None:
    payload = await pay(billing, month.summary, token="tok_declined")

    assert payload["invoice"] is None and payload["payment"] is None
    [error] = payload["userErrors"]
    assert (error["code"], error["field"]) == ("PAYMENT_DECLINED", ["input", "paymentToken"])
    assert await unpaid(month)
    assert gateway.charges == [] and gateway.refunded == []
    assert await Payment.all().count() == 0
    # and the same key then pays with another card
    assert (await pay(billing, month.summary))["invoice"]["status"] == "PAID"


async def test_an_invoice_in_a_summary_names_the_summary_to_pay(
    billing: httpx.AsyncClient, month: Month, gateway: RecordingGateway
) -> None:
    payload = await pay(billing, month.children[1])

    assert payload["userErrors"] == [
        {
            "code": "CONFLICT",
            "message": f"This invoice is part of summary invoice {month.summary.number}; "
            "pay that one.",
            "field": ["input", "invoiceId"],
        }
    ]
    assert gateway.charges == []
    assert await unpaid(month)


async def test_a_retry_with_the_same_key_charges_once(
    billing: httpx.AsyncClient, month: Month, gateway: RecordingGateway
) -> None:
    first = await pay(billing, month.summary, key="retry")
    again = await pay(billing, month.summary, key="retry")

    assert (first["replayed"], again["replayed"]) == (False, True)
    assert again["payment"]["id"] == first["payment"]["id"]
    assert again["invoice"]["status"] == "PAID"
    assert again["userErrors"] == []
    assert len(gateway.charges) == 1
    assert await Payment.all().count() == 1


async def test_two_payments_at_once_pay_once_and_refund_the_other(
    billing: httpx.AsyncClient, month: Month, gateway: RecordingGateway
) -> None:
    # when two people (two tabs, two keys) pay the summary at the same moment
    requests = [
        {
            "invoiceId": gid("Invoice", month.summary.id),
            "paymentToken": "tok_success",
            "idempotencyKey": key,
        }
        for key in ("tab-1", "tab-2")
    ]
    responses = await asyncio.gather(
        *(
            billing.post("/graphql", json={"query": PAY_INVOICE, "variables": {"input": r}})
            for r in requests
        )
    )

    # then exactly one pays
    payloads = [response.json()["data"]["payInvoice"] for response in responses]
    [won] = [p for p in payloads if p["payment"] is not None]
    [lost] = [p for p in payloads if p["payment"] is None]
    assert won["userErrors"] == [] and won["invoice"]["status"] == "PAID"
    [error] = lost["userErrors"]
    assert (error["code"], error["field"]) == ("CONFLICT", ["input", "invoiceId"])
    assert await Payment.all().count() == 1
    assert (await Invoice.get(id=month.summary.id)).amount_paid_cents == 477_60
    # and whatever the other charged was given back
    assert len(gateway.charges) - len(gateway.refunded) == 1
    assert set(gateway.refunded) < set(gateway.charges)
    assert won["payment"]["reference"] not in {c.reference for c in gateway.refunded}


@pytest.mark.parametrize("role", [Role.RESELLER_VIEWER, Role.RESELLER_PURCHASER])
async def test_viewers_and_purchasers_may_not_pay(
    client: httpx.AsyncClient, shop: Shop, month: Month, role: Role
) -> None:
    await sign_in(client, await make_user(role, shop.reseller))
    request = {"invoiceId": gid("Invoice", month.summary.id), "paymentToken": "tok_success"}
    response = await client.post(
        "/graphql",
        json={"query": PAY_INVOICE, "variables": {"input": {**request, "idempotencyKey": "k"}}},
    )

    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await unpaid(month)


async def test_another_resellers_owner_finds_no_such_invoice(
    client: httpx.AsyncClient, month: Month, gateway: RecordingGateway
) -> None:
    await sign_in(client, await make_user(Role.RESELLER_OWNER, await make_reseller()))

    payload = await pay(client, month.summary)

    assert payload["userErrors"] == [
        {"code": "NOT_FOUND", "message": "No such invoice.", "field": ["input", "invoiceId"]}
    ]
    assert gateway.charges == []
    assert await unpaid(month)


# --- recordPayment ---------------------------------------------------------------------------


async def test_a_transfer_in_two_parts_pays_the_summary(
    client: httpx.AsyncClient, month: Month
) -> None:
    vendor = await as_vendor(client)

    # when the vendor records part of the summary's amount
    first = await record(
        vendor, month.summary, "200", "BANK-1", receivedAt="2026-01-15T10:00:00+00:00"
    )

    # then the summary is still open, with less due
    assert first["userErrors"] == []
    assert first["invoice"]["status"] == "OPEN"
    assert first["invoice"]["amountDue"] == {"amount": "277.60"}
    assert first["invoice"]["summarizedInvoices"][0]["status"] == "PENDING_SUMMARY"
    assert first["payment"]["kind"] == "BANK_TRANSFER"
    assert first["payment"]["amount"]["amount"] == "200.00"
    assert first["payment"]["receivedAt"] == "2026-01-15T10:00:00+00:00"
    assert first["payment"]["recordedBy"] == VENDOR_EMAIL
    assert first["payment"]["gateway"] == ""

    # when the rest arrives
    second = await record(vendor, month.summary, "277.60", "BANK-2")

    # then the summary and its invoices are paid
    assert second["userErrors"] == []
    assert second["invoice"]["status"] == "PAID"
    assert second["invoice"]["amountDue"] == {"amount": "0.00"}
    assert {i["status"] for i in second["invoice"]["summarizedInvoices"]} == {"PAID"}
    assert [p["reference"] for p in second["invoice"]["payments"]] == ["BANK-2", "BANK-1"]


async def test_a_transfer_with_problems_reports_them_all(
    client: httpx.AsyncClient, month: Month
) -> None:
    vendor = await as_vendor(client)

    payload = await record(vendor, month.summary, "500", "", receivedAt="2999-01-01T00:00:00+00:00")

    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [
        ("INVALID", ["input", "amount"]),
        ("REQUIRED", ["input", "reference"]),
        ("INVALID", ["input", "receivedAt"]),
    ]
    assert payload["userErrors"][0]["message"] == "That is more than the amount due, 477.60 USD."
    # and an amount of fractions of a cent is refused
    payload = await record(vendor, month.summary, "10.005", "BANK-1")
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [
        ("INVALID", ["input", "amount"])
    ]
    assert await Payment.all().count() == 0


async def test_a_transfer_for_an_invoice_in_a_summary_is_refused(
    client: httpx.AsyncClient, month: Month
) -> None:
    vendor = await as_vendor(client)

    payload = await record(vendor, month.children[0], "10", "BANK-1")

    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [
        ("CONFLICT", ["input", "invoiceId"])
    ]
    assert month.summary.number in payload["userErrors"][0]["message"]


async def test_a_reseller_may_not_record_a_transfer(
    client: httpx.AsyncClient, shop: Shop, month: Month
) -> None:
    await sign_in(client, await make_user(Role.RESELLER_OWNER, shop.reseller))
    request = {"invoiceId": gid("Invoice", month.summary.id), "amount": "1", "reference": "X"}

    response = await client.post(
        "/graphql", json={"query": RECORD_PAYMENT, "variables": {"input": request}}
    )

    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await Payment.all().count() == 0


# --- payments --------------------------------------------------------------------------------


async def test_payments_are_listed_newest_first_per_account(
    client: httpx.AsyncClient, shop: Shop, month: Month
) -> None:
    # given transfers against this account's summary and another account's
    vendor = await as_vendor(client)
    for n, day in enumerate(("10", "12", "11")):
        await record(vendor, month.summary, "1", f"BANK-{n}", receivedAt=f"2026-01-{day}T00:00:00Z")
    other = await make_reseller(
        "Other",
        may_pay_by_invoice=True,
        address_line1="2 Side St",
        city="X",
        country="US",
        billing_email="o@o.example",
    )
    theirs = await summarize(
        [await invoiced(actor_for(await make_user(Role.RESELLER_PURCHASER, other)), "o")]
    )
    await record(vendor, theirs, "1", "THEIRS")

    # when the account's billing employee lists them, two at a time
    await sign_in(client, await make_user(Role.RESELLER_BILLING, shop.reseller))
    first = (await call(client, PAYMENTS, first=2))["payments"]
    rest = (await call(client, PAYMENTS, first=2, after=first["pageInfo"]["endCursor"]))["payments"]

    # then its own come, newest first
    references = [e["node"]["reference"] for e in first["edges"] + rest["edges"]]
    assert references == ["BANK-1", "BANK-2", "BANK-0"]
    assert rest["pageInfo"]["hasNextPage"] is False
    # and filtered by another account's invoice, none
    other_filter = {"invoiceId": gid("Invoice", theirs.id)}
    assert (await call(client, PAYMENTS, filter=other_filter))["payments"]["edges"] == []
    # while the vendor filters by account and by invoice
    await as_vendor(client)
    by_reseller = {"resellerId": gid("Reseller", other.id)}
    mine = {"invoiceId": gid("Invoice", month.summary.id)}
    assert [
        e["node"]["reference"]
        for e in (await call(client, PAYMENTS, filter=by_reseller))["payments"]["edges"]
    ] == ["THEIRS"]
    assert len((await call(client, PAYMENTS, filter=mine))["payments"]["edges"]) == 3


async def test_a_purchaser_may_not_list_payments(client: httpx.AsyncClient, shop: Shop) -> None:
    await sign_in(client, shop.purchaser)

    response = await client.post("/graphql", json={"query": PAYMENTS})

    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
