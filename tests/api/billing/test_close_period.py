"""``closeBillingPeriod`` and ``billingPeriods``: vendor admins close a month through the API, and a
partner sees its summary invoice among its invoices."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from backend.billing.models import Invoice, InvoiceKind
from backend.billing.periods import Period
from backend.identity.roles import Role
from tests.billing.invoicing import make_pending_invoices
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in

CLOSE = """
mutation ($period: String!) {
  closeBillingPeriod(input: {period: $period}) {
    billingPeriod { id period closedAt closedBy summaryCount invoiceCount total { amount } }
    summaryInvoicesCreated
    invoicesSummarized
    userErrors { code message field }
  }
}
"""
PERIODS = "{ billingPeriods(first: 10) { edges { node { period summaryCount } } } }"
UNPAID_SUMMARIES = """{ invoices(first: 10, filter: {unpaid: true, kind: SUMMARY}) {
  edges { node { number kind status notes period amountDue { amount } dueAt
    summarizedInvoices { number status notes summaryInvoice { number } } } } } }"""
SEPTEMBER = Period(2026, 9)


async def vendor(client: httpx.AsyncClient) -> httpx.AsyncClient:
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))
    return client


def payload(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["closeBillingPeriod"]
    return result


async def test_an_admin_closes_a_month_and_the_partner_sees_its_summary(
    client: httpx.AsyncClient, db: str
) -> None:
    # given a partner with three invoices waiting from September
    reseller = await make_reseller(discount_bps=2000)
    invoices = await make_pending_invoices([reseller], 3, start=SEPTEMBER.start)
    await vendor(client)

    closed = payload(await graphql(client, CLOSE, {"period": "2026-09"}))

    assert closed["userErrors"] == []
    assert (closed["summaryInvoicesCreated"], closed["invoicesSummarized"]) == (1, 3)
    total_cents = sum(i.total_cents for i in invoices)
    assert closed["billingPeriod"]["total"]["amount"] == f"{total_cents / 100:.2f}"
    assert closed["billingPeriod"]["summaryCount"] == 1
    again = payload(await graphql(client, CLOSE, {"period": "2026-09"}))
    assert again["summaryInvoicesCreated"] == 0
    assert again["billingPeriod"]["id"] == closed["billingPeriod"]["id"]
    periods = await graphql(client, PERIODS)
    assert periods["data"]["billingPeriods"]["edges"][0]["node"] == {  # type: ignore[index]
        "period": "2026-09",
        "summaryCount": 1,
    }

    # then the partner's owner sees one unpaid summary holding its three invoices
    await sign_in(client, await make_user(Role.RESELLER_OWNER, reseller))
    body = await graphql(client, UNPAID_SUMMARIES)
    (edge,) = body["data"]["invoices"]["edges"]  # type: ignore[index]
    summary = edge["node"]
    assert (summary["kind"], summary["status"], summary["notes"]) == (
        "SUMMARY",
        "OPEN",
        "Summary Invoice",
    )
    assert summary["period"] == "2026-09"
    assert summary["amountDue"]["amount"] == f"{total_cents / 100:.2f}"
    children = summary["summarizedInvoices"]
    assert {c["number"] for c in children} == {i.number for i in invoices}
    assert {c["summaryInvoice"]["number"] for c in children} == {summary["number"]}
    assert all(summary["number"] in c["notes"] for c in children)


async def test_bad_or_open_months_are_user_errors(client: httpx.AsyncClient, db: str) -> None:
    await vendor(client)
    for period, message in (
        ("September", "is not a month written YYYY-MM"),
        ("2026-13", "month 13 is not between 1 and 12"),
        ("2999-01", "has not ended yet"),
    ):
        closed = payload(await graphql(client, CLOSE, {"period": period}))
        (error,) = closed["userErrors"]
        assert error["code"] == "INVALID"
        assert error["field"] == ["input", "period"]
        assert message in error["message"]
        assert closed["billingPeriod"] is None


async def test_partners_cannot_close_or_list_months(client: httpx.AsyncClient, db: str) -> None:
    reseller = await make_reseller()
    await make_pending_invoices([reseller], 1, start=SEPTEMBER.start)
    await sign_in(client, await make_user(Role.RESELLER_OWNER, reseller))

    closed = await graphql(client, CLOSE, {"period": "2026-09"})
    listed = await graphql(client, PERIODS)

    assert closed["data"] is None and listed["data"] is None
    assert await Invoice.filter(kind=InvoiceKind.SUMMARY).count() == 0


async def test_concurrent_requests_close_once(client: httpx.AsyncClient, db: str) -> None:
    resellers = [await make_reseller() for _ in range(5)]
    await make_pending_invoices(resellers, 4, start=SEPTEMBER.start)
    await vendor(client)

    bodies = await asyncio.gather(
        *(graphql(client, CLOSE, {"period": "2026-09"}) for _ in range(6))
    )

    created = [payload(b)["summaryInvoicesCreated"] for b in bodies]
    assert sum(created) == 5
    assert await Invoice.filter(kind=InvoiceKind.SUMMARY).count() == 5
