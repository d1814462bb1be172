"""The licenses list and one license by key: filters, key search as people type keys, scope."""

from __future__ import annotations

from dataclasses import dataclass
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
from backend.licensing.models import License
from backend.payments.gateway import SandboxGateway
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user

LICENSES = """
query ($filter: LicenseFilter, $first: Int! = 50, $after: String) {
  licenses(filter: $filter, first: $first, after: $after) {
    edges { node { key status personal product { code } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
LICENSE = """
query ($key: String!) {
  license(key: $key) { key status product { code } edition { code } addons { code } }
}
"""

MAIL = NewLicenseRequest("smartermail", "enterprise", "250", ("activesync",), quantity=2)
STATS = NewLicenseRequest("smarterstats", "professional", "50", quantity=3, personal=True)
DAY_ONE = datetime(2026, 4, 1, 8, tzinfo=UTC)


@dataclass
class Licenses:
    mail: list[str]
    """The SmarterMail keys, oldest first; the first is assigned to pat@customer.example."""
    stats: list[str]
    """The personal SmarterStats keys, oldest first, bought a day later."""
    other_resellers: str


async def buy(actor: Actor, request: NewLicenseRequest, key: str) -> list[str]:
    """The keys of the licenses ``actor`` buys on invoice."""
    await cart.add_new_license(actor=actor, request=request)
    placed = await checkout.checkout(
        actor=actor,
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key=key,
        gateway=SandboxGateway(),
    )
    return [lic.key for lic in placed.licenses]


@pytest.fixture
async def licenses(shop: Shop, monkeypatch: pytest.MonkeyPatch) -> Licenses:
    monkeypatch.setattr(clock, "now", lambda: DAY_ONE)
    mail = await buy(shop.actor, MAIL, "a")
    monkeypatch.setattr(clock, "now", lambda: DAY_ONE + timedelta(days=1))
    stats = await buy(shop.actor, STATS, "b")
    customer = await make_user(Role.CUSTOMER, email="pat@customer.example")
    await License.filter(key=mail[0]).update(customer_id=customer.id, assigned_at=DAY_ONE)
    other = await make_reseller(
        may_pay_by_invoice=True,
        address_line1="2 Side Street",
        city="Shelbyville",
        country="US",
        billing_email="b@other.example",
    )
    [theirs] = await buy(
        actor_for(await make_user(Role.RESELLER_PURCHASER, other)),
        NewLicenseRequest("smartermail", "professional", "250"),
        "a",
    )
    monkeypatch.undo()
    return Licenses(mail, stats, theirs)


async def keys(client: httpx.AsyncClient, **filter_: Any) -> list[str]:
    body: Any = await graphql(client, LICENSES, {"filter": filter_})
    assert "errors" not in body, body
    return [edge["node"]["key"] for edge in body["data"]["licenses"]["edges"]]


def newest_first(found: list[str]) -> list[str]:
    return list(reversed(found))


async def test_the_accounts_licenses_are_listed_newest_first(
    purchaser: httpx.AsyncClient, licenses: Licenses
) -> None:
    body: Any = await graphql(purchaser, LICENSES)
    nodes = [edge["node"] for edge in body["data"]["licenses"]["edges"]]
    assert [node["key"] for node in nodes] == newest_first(licenses.mail + licenses.stats)
    assert nodes[-1] == {
        "key": licenses.mail[0],
        "status": "ASSIGNED",
        "personal": False,
        "product": {"code": "smartermail"},
    }
    assert licenses.other_resellers not in [node["key"] for node in nodes]


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ({"status": "ASSIGNED"}, lambda ls: ls.mail[:1]),
        ({"status": "UNASSIGNED"}, lambda ls: ls.mail[1:] + ls.stats),
        ({"productCode": "smarterstats"}, lambda ls: ls.stats),
        ({"productCode": " smartermail "}, lambda ls: ls.mail),
        ({"productCode": "smartertrack"}, lambda ls: []),
        ({"personal": True}, lambda ls: ls.stats),
        ({"personal": False}, lambda ls: ls.mail),
        ({"status": "UNASSIGNED", "productCode": "smartermail"}, lambda ls: ls.mail[1:]),
        ({"search": "pat@customer"}, lambda ls: ls.mail[:1]),
        ({"search": "CUSTOMER.EXAMPLE"}, lambda ls: ls.mail[:1]),
        ({"search": "   "}, lambda ls: ls.mail + ls.stats),
        ({"search": "X" * 300}, lambda ls: []),
        ({"search": "-"}, lambda ls: []),
        ({"productCode": "x" * 300}, lambda ls: []),
    ],
)
async def test_licenses_are_filtered(
    purchaser: httpx.AsyncClient, licenses: Licenses, filter_: dict[str, Any], expected: Any
) -> None:
    assert await keys(purchaser, **filter_) == newest_first(expected(licenses))


@pytest.mark.parametrize(
    "typed",
    [
        lambda key: key,
        lambda key: key[:6],
        lambda key: key[:6].lower(),
        lambda key: key[:10],
        lambda key: key[:10].lower(),
        lambda key: key[:10].replace("-", ""),
        lambda key: key[:20].replace("-", "").lower(),
        lambda key: key.replace("-", "").lower(),
        lambda key: f"  {key.lower()}  ",
        lambda key: key.replace("-", " "),
    ],
    ids=[
        "whole key",
        "first group",
        "first group in lower case",
        "a prefix with its dash",
        "a prefix in lower case",
        "a prefix without dashes",
        "a longer prefix without dashes in lower case",
        "whole key without dashes in lower case",
        "whole key with spaces around",
        "whole key with spaces for dashes",
    ],
)
async def test_a_license_is_found_by_its_key_as_people_type_it(
    purchaser: httpx.AsyncClient, licenses: Licenses, typed: Any
) -> None:
    key = licenses.stats[1]
    assert key in await keys(purchaser, search=typed(key))


async def test_another_resellers_key_finds_nothing(
    purchaser: httpx.AsyncClient, licenses: Licenses
) -> None:
    assert await keys(purchaser, search=licenses.other_resellers) == []
    body: Any = await graphql(purchaser, LICENSE, {"key": licenses.other_resellers})
    assert body["data"] == {"license": None}


@pytest.mark.parametrize(
    "typed",
    [
        lambda key: key,
        lambda key: key.lower(),
        lambda key: key.replace("-", ""),
        lambda key: f" {key.replace('-', ' ').lower()} ",
    ],
    ids=["as printed", "lower case", "without dashes", "spaces for dashes"],
)
async def test_one_license_by_its_key(
    purchaser: httpx.AsyncClient, licenses: Licenses, typed: Any
) -> None:
    body: Any = await graphql(purchaser, LICENSE, {"key": typed(licenses.mail[0])})
    assert body["data"]["license"] == {
        "key": licenses.mail[0],
        "status": "ASSIGNED",
        "product": {"code": "smartermail"},
        "edition": {"code": "enterprise"},
        "addons": [{"code": "activesync"}],
    }


@pytest.mark.parametrize("key", ["", "nonsense", "X" * 500])
async def test_no_license_for_a_key_that_is_not_one(
    purchaser: httpx.AsyncClient, licenses: Licenses, key: str
) -> None:
    body: Any = await graphql(purchaser, LICENSE, {"key": key})
    assert body == {"data": {"license": None}}


async def test_licenses_are_paginated_with_cursors(
    purchaser: httpx.AsyncClient, licenses: Licenses
) -> None:
    # when read two at a time
    pages = []
    after = None
    while True:
        body: Any = await graphql(purchaser, LICENSES, {"first": 2, "after": after})
        connection = body["data"]["licenses"]
        pages.append([edge["node"]["key"] for edge in connection["edges"]])
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]

    # then every license comes once, newest first
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [key for page in pages for key in page] == newest_first(licenses.mail + licenses.stats)


ROW = """
fragment Row on License {
  key product { code name } edition { code } tier { code } addons { code name }
  maintenanceStatus order { number billing { name } } reseller { name }
}
query ($key: String!) {
  licenses(first: 10) { edges { node { ...Row } } }
  license(key: $key) { ...Row }
}
"""


async def test_a_page_row_answers_what_the_license_alone_answers(
    purchaser: httpx.AsyncClient, licenses: Licenses
) -> None:
    """Given a page, whose rows come with what the page asks (``prefetch``, through a fragment),
    and one license, whose fields load through the DataLoaders; then both answer the same."""
    body: Any = await graphql(purchaser, ROW, {"key": licenses.mail[0]})

    assert "errors" not in body, body
    rows = {edge["node"]["key"]: edge["node"] for edge in body["data"]["licenses"]["edges"]}
    alone = body["data"]["license"]
    assert rows[licenses.mail[0]] == alone
    assert alone["addons"] == [{"code": "activesync", "name": "Exchange ActiveSync"}]
    assert alone["order"]["number"] and alone["order"]["billing"]["name"]
    assert alone["reseller"]["name"]


PAGE_ONLY = """
fragment Row on License {
  key product { code name } edition { code } tier { code } addons { code name }
  maintenanceStatus order { number billing { name } } reseller { name }
}
query { licenses(first: 10) { edges { node { ...Row } } } }
"""


async def test_a_pages_rows_answer_from_the_page_alone(
    purchaser: httpx.AsyncClient, licenses: Licenses, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows of a page never take the one-license way (a coroutine and a DataLoader per row
    and field): were the prefetch to miss a field, the page would still answer, only slowly,
    so this says it outright."""
    from backend.api.licensing import types

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page row loaded a field on its own")

    for name in ("_load_addons", "_load_order", "_load_reseller", "_load_maintenance_status"):
        monkeypatch.setattr(types.License, name, refuse)
    for name in ("product_of", "edition_of", "tier_of"):
        monkeypatch.setattr(types, name, refuse)

    body: Any = await graphql(purchaser, PAGE_ONLY)

    assert "errors" not in body, body
    rows = [edge["node"] for edge in body["data"]["licenses"]["edges"]]
    assert len(rows) == len(licenses.mail) + len(licenses.stats)
    assert all(row["product"]["code"] and row["order"]["number"] for row in rows)


async def test_a_page_reads_the_catalogs_version_with_its_rows(
    purchaser: httpx.AsyncClient, licenses: Licenses, count_queries: Any
) -> None:
    """The page's statement reads the catalog's version (a subquery) so that its catalog costs
    no statement of its own, and a change made by another process still shows at once."""
    from tortoise import connections

    # given a page that has been shown once (this process keeps the catalog)
    await graphql(purchaser, PAGE_ONLY)

    # when another process renames the product with plain SQL, then the page is shown again
    await connections.get("default").execute_query(
        "UPDATE catalog_product SET name = 'SmarterMail Renamed' WHERE code = 'smartermail'"
    )
    with count_queries() as log:
        body: Any = await graphql(purchaser, PAGE_ONLY)

    # then it shows the new name, and no statement read the version alone
    assert "errors" not in body, body
    names = {e["node"]["product"]["name"] for e in body["data"]["licenses"]["edges"]}
    assert "SmarterMail Renamed" in names
    alone = [s for s in log.statements if s.startswith("SELECT version FROM catalog_version")]
    assert alone == [], log.statements
    assert any("catalog_version" in s for s in log.statements), log.statements
