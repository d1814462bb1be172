"""``dashboard``: the home page's figures, each account its own, at a fixed SQL cost."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from backend import clock
from backend.accounts.models import Reseller
from backend.audit.services import record
from backend.catalog.seed import seed_catalog
from backend.catalog.services import load_catalog
from backend.identity.models import User
from backend.identity.roles import ROLE_PERMISSIONS, Permission, Role
from backend.identity.sessions import actor_for
from tests.conftest import graphql
from tests.dashboard.factories import make_invoice, make_license, make_order
from tests.identity.factories import make_reseller, make_user, sign_in

NOW = datetime(2026, 5, 15, 12, 0, tzinfo=UTC)

DASHBOARD = """
query Dashboard {
  dashboard {
    unassignedLicenses
    amountDue { amount currency }
    nextDueAt
    overdueAmount { amount currency }
    maintenanceEndingCount
    maintenanceEnding(first: 20) {
      id key status personal product { code name } edition { name } tier { name }
      addons { code name } customer { email } maintenanceExpiresAt maintenanceStatus
    }
    purchasesThisMonth { amount currency }
    ordersThisMonth
    monthlyPurchases { month total { amount } byProduct { product { code name } total { amount } } }
    recentActivity(first: 20) { id action actor occurredAt reseller { name } }
  }
}
"""


@dataclass
class Accounts:
    a: Reseller
    b: Reseller
    owner_a: User
    owner_b: User
    vendor: User


@pytest.fixture
async def accounts(db: str, monkeypatch: pytest.MonkeyPatch) -> Accounts:
    monkeypatch.setattr(clock, "now", lambda: NOW)
    await seed_catalog()
    a, b = await make_reseller("Partner A"), await make_reseller("Partner B")
    return Accounts(
        a=a,
        b=b,
        owner_a=await make_user(Role.RESELLER_OWNER, a),
        owner_b=await make_user(Role.RESELLER_OWNER, b),
        vendor=await make_user(Role.VENDOR_ADMIN),
    )


async def grow(reseller: Reseller, owner: User, n: int) -> None:
    """``n`` of everything the page shows: orders over the year, open invoices, licenses whose
    M&S ends soon (assigned, with add-ons) and audit events."""
    customer = await make_user(Role.CUSTOMER)
    for i in range(n):
        placed = NOW - timedelta(days=29 * i + 1)
        await make_order(reseller, placed, [("smartermail", 1_000 + i), ("smarterstats", 10)])
        await make_invoice(
            reseller, total_cents=500, issued_at=placed, due_at=NOW + timedelta(days=i - 5)
        )
        await make_license(
            reseller,
            maintenance_expires_at=NOW + timedelta(days=i + 1),
            customer=customer if i % 2 == 0 else None,
            addons=("activesync", "cyren-antispam"),
        )
        await record(actor_for(owner), "test.event", reseller_id=reseller.id, target=owner)


async def dashboard(client: httpx.AsyncClient, user: User) -> dict[str, Any]:
    await sign_in(client, user)
    body = await graphql(client, DASHBOARD)
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["dashboard"]  # type: ignore[index]
    return result


async def test_a_partner_sees_its_own_figures(
    client: httpx.AsyncClient, accounts: Accounts
) -> None:
    # given
    a = accounts.a
    customer = await make_user(Role.CUSTOMER, email="pat@customer.example")
    await make_order(a, datetime(2026, 5, 1, tzinfo=UTC), [("smartermail", 12_345)])
    await make_order(a, datetime(2026, 4, 30, 23, 59, 59, tzinfo=UTC), [("smartertrack", 99)])
    await make_invoice(a, total_cents=10_001, issued_at=NOW, period="2026-04", due_at=NOW)
    await make_invoice(a, total_cents=250, issued_at=NOW, due_at=NOW - timedelta(days=1))
    soon = await make_license(
        a, maintenance_expires_at=NOW + timedelta(days=3), customer=customer, addons=["activesync"]
    )
    await make_license(a, maintenance_expires_at=NOW + timedelta(days=90))
    await record(actor_for(accounts.owner_a), "test.a", reseller_id=a.id, target=a)
    await grow(accounts.b, accounts.owner_b, 3)

    # when
    page = await dashboard(client, accounts.owner_a)

    # then
    assert page["unassignedLicenses"] == 1
    assert page["amountDue"] == {"amount": "102.51", "currency": "USD"}
    assert page["overdueAmount"] == {"amount": "2.50", "currency": "USD"}
    assert page["nextDueAt"] == (NOW - timedelta(days=1)).isoformat()
    assert page["maintenanceEndingCount"] == 1
    [ending] = page["maintenanceEnding"]
    assert ending["key"] == soon.key
    assert ending["customer"] == {"email": "pat@customer.example"}
    assert ending["addons"] == [{"code": "activesync", "name": "Exchange ActiveSync"}]
    # May: the order of May 1st and the one of the 2.50 invoice (a summary has no order)
    assert page["ordersThisMonth"] == 2
    assert page["purchasesThisMonth"] == {"amount": "125.95", "currency": "USD"}
    months = page["monthlyPurchases"]
    assert [m["month"] for m in months][-2:] == ["2026-04", "2026-05"]
    assert len(months) == 12 and months[0]["month"] == "2025-06"
    assert months[-2] == {
        "month": "2026-04",
        "total": {"amount": "0.99"},
        "byProduct": [
            {
                "product": {"code": "smartertrack", "name": "SmarterTrack"},
                "total": {"amount": "0.99"},
            }
        ],
    }
    assert months[-1]["byProduct"] == [
        {"product": {"code": "smartermail", "name": "SmarterMail"}, "total": {"amount": "125.95"}}
    ]
    assert [e["action"] for e in page["recentActivity"]] == ["test.a"]
    assert page["recentActivity"][0]["reseller"] == {"name": "Partner A"}


async def test_partners_are_isolated_and_the_vendor_sees_all(
    client: httpx.AsyncClient, accounts: Accounts
) -> None:
    await grow(accounts.a, accounts.owner_a, 2)
    await grow(accounts.b, accounts.owner_b, 3)

    a = await dashboard(client, accounts.owner_a)
    b = await dashboard(client, accounts.owner_b)
    everyone = await dashboard(client, accounts.vendor)

    assert (a["maintenanceEndingCount"], b["maintenanceEndingCount"]) == (2, 3)
    assert everyone["maintenanceEndingCount"] == 5
    assert (a["amountDue"]["amount"], b["amountDue"]["amount"]) == ("10.00", "15.00")
    assert everyone["amountDue"]["amount"] == "25.00"
    assert {e["reseller"]["name"] for e in a["recentActivity"]} == {"Partner A"}
    assert {e["reseller"]["name"] for e in b["recentActivity"]} == {"Partner B"}
    assert len(everyone["recentActivity"]) == 5
    keys_a = {lic["key"] for lic in a["maintenanceEnding"]}
    keys_b = {lic["key"] for lic in b["maintenanceEnding"]}
    assert keys_a.isdisjoint(keys_b)
    assert {lic["key"] for lic in everyone["maintenanceEnding"]} == keys_a | keys_b


async def test_a_figure_the_role_may_not_read_is_null(
    client: httpx.AsyncClient, accounts: Accounts, monkeypatch: pytest.MonkeyPatch
) -> None:
    await grow(accounts.a, accounts.owner_a, 2)
    purchaser = await make_user(Role.RESELLER_PURCHASER, accounts.a)
    billing = await make_user(Role.RESELLER_BILLING, accounts.a)
    # a billing role without licenses (the role table gives it LICENSES_READ today)
    monkeypatch.setitem(
        ROLE_PERMISSIONS,
        Role.RESELLER_BILLING,
        ROLE_PERMISSIONS[Role.RESELLER_BILLING] - {Permission.LICENSES_READ},
    )

    buyer = await dashboard(client, purchaser)
    biller = await dashboard(client, billing)

    assert buyer["amountDue"] is buyer["overdueAmount"] is buyer["nextDueAt"] is None
    assert buyer["recentActivity"] is None
    assert buyer["unassignedLicenses"] == 1 and buyer["ordersThisMonth"] is not None
    assert biller["unassignedLicenses"] is None
    assert biller["maintenanceEndingCount"] is biller["maintenanceEnding"] is None
    assert biller["amountDue"] == {"amount": "10.00", "currency": "USD"}


async def test_customers_and_strangers_get_no_dashboard(
    client: httpx.AsyncClient, accounts: Accounts
) -> None:
    anonymous = await graphql(client, DASHBOARD)
    await sign_in(client, await make_user(Role.CUSTOMER))
    customer = await graphql(client, DASHBOARD)

    for body, code in ((anonymous, "UNAUTHENTICATED"), (customer, "FORBIDDEN")):
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == [code]  # type: ignore[union-attr]


async def test_first_is_bounded(client: httpx.AsyncClient, accounts: Accounts) -> None:
    await sign_in(client, accounts.owner_a)
    body = await graphql(client, "{ dashboard { maintenanceEnding(first: 21) { key } } }")
    assert "between 1 and 20" in body["errors"][0]["message"]  # type: ignore[index]


@pytest.mark.parametrize("role", [Role.RESELLER_OWNER, Role.VENDOR_ADMIN])
async def test_the_whole_page_costs_the_same_queries_at_any_size(
    client: httpx.AsyncClient,
    accounts: Accounts,
    count_queries: Callable[..., Any],
    role: Role,
) -> None:
    viewer = accounts.owner_a if role is Role.RESELLER_OWNER else accounts.vendor
    await sign_in(client, viewer)

    await grow(accounts.a, accounts.owner_a, 1)
    await load_catalog()  # the process's catalog snapshot, as a running server has it
    with count_queries() as small:
        small_body = await graphql(client, DASHBOARD)
    await grow(accounts.a, accounts.owner_a, 12)
    await grow(accounts.b, accounts.owner_b, 12)
    with count_queries() as large:
        large_body = await graphql(client, DASHBOARD)

    assert "errors" not in small_body and "errors" not in large_body, large_body
    assert len(large_body["data"]["dashboard"]["maintenanceEnding"]) > 1  # type: ignore[index]
    assert small.count == large.count, large.statements
