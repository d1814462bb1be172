"""The reseller's customers: the list, its figures, a customer's licenses, node ids and scoping.

Reseller A (the shop) assigns licenses to Pat and Sam; reseller B assigns one to Sam too. Each
reseller sees only the customers of its own licenses, and only its own licenses of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from strawberry import relay

from backend import clock
from backend.accounts.models import Reseller
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.assignment import assign_license
from backend.licensing.models import License
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in
from tests.licensing.assigning import MAIL, PUBLIC_URL, STATS, buy

CUSTOMERS = """
query ($search: String, $first: Int! = 50, $after: String, $resellerId: ID) {
  customers(search: $search, first: $first, after: $after, resellerId: $resellerId) {
    edges { node { id email name licenseCount products { code } firstAssignedAt lastAssignedAt } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
CUSTOMER_LICENSES = """
query ($id: ID!, $first: Int! = 50, $after: String) {
  node(id: $id) {
    ... on Customer {
      email
      licenses(first: $first, after: $after) {
        edges { node { key customer { email } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}
"""
LICENSES_OF = """
query ($customerId: ID!) {
  licenses(filter: {customerId: $customerId}) { edges { node { key } } }
}
"""
DAY = datetime(2026, 3, 2, 9, tzinfo=UTC)


@dataclass
class Customers:
    pat: User
    sam: User
    pat_keys: list[str]
    """A's licenses of Pat, in the order they were assigned (one a day from DAY)."""
    sam_keys: list[str]
    """A's license of Sam."""
    b_key: str
    """B's license of Sam."""
    unassigned: list[str]
    b_owner: User


def gid(pk: int) -> str:
    return str(relay.GlobalID("Customer", str(pk)))


async def assign(actor: Actor, key: str, email: str, name: str = "") -> User:
    assigned = await assign_license(
        actor=actor, license_key=key, email=email, name=name, public_url=PUBLIC_URL
    )
    return assigned.customer


@pytest.fixture
async def customers(shop: Shop, monkeypatch: pytest.MonkeyPatch) -> Customers:
    now = DAY

    def tick() -> datetime:
        return now

    monkeypatch.setattr(clock, "now", tick)
    mail = await buy(shop.actor, replace(MAIL, quantity=4))
    stats = await buy(shop.actor, STATS)
    pat_keys = [mail[0].key, stats[0].key, mail[1].key]
    pat = sam = None
    for key in pat_keys:
        pat = await assign(shop.actor, key, "pat@customer.example", "Pat Smith")
        now += timedelta(days=1)
    sam = await assign(shop.actor, mail[2].key, "sam@other-customer.example", "Sam Jones")
    # reseller B sells to Sam too
    b = await make_reseller(
        "B Hosting",
        may_pay_by_invoice=True,
        address_line1="2 Side St",
        city="Shelbyville",
        country="US",
        billing_email="b@b.example",
    )
    b_owner = await make_user(Role.RESELLER_OWNER, b)
    [b_license] = await buy(actor_for(b_owner))
    now += timedelta(days=1)
    await assign(actor_for(b_owner), b_license.key, "sam@other-customer.example")
    assert pat is not None and sam is not None
    return Customers(pat, sam, pat_keys, [mail[2].key], b_license.key, [mail[3].key], b_owner)


async def page(client: httpx.AsyncClient, **variables: Any) -> Any:
    body: Any = await graphql(client, CUSTOMERS, variables)
    assert "errors" not in body, body
    return body["data"]["customers"]


def iso(moment: datetime) -> str:
    return moment.isoformat()


async def test_the_account_lists_its_customers_by_email_with_their_figures(
    purchaser: httpx.AsyncClient, customers: Customers
) -> None:
    found = await page(purchaser)

    assert [edge["node"] for edge in found["edges"]] == [
        {
            "id": gid(customers.pat.id),
            "email": "pat@customer.example",
            "name": "Pat Smith",
            "licenseCount": 3,
            "products": [{"code": "smartermail"}, {"code": "smarterstats"}],
            "firstAssignedAt": iso(DAY),
            "lastAssignedAt": iso(DAY + timedelta(days=2)),
        },
        {
            "id": gid(customers.sam.id),
            "email": "sam@other-customer.example",
            "name": "Sam Jones",
            "licenseCount": 1,  # B's license of Sam is not A's business
            "products": [{"code": "smartermail"}],
            "firstAssignedAt": iso(DAY + timedelta(days=3)),
            "lastAssignedAt": iso(DAY + timedelta(days=3)),
        },
    ]
    assert found["pageInfo"]["hasNextPage"] is False


async def test_a_pages_customers_answer_their_figures_from_the_page(
    purchaser: httpx.AsyncClient, customers: Customers, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows of the customers list take their figures from the page's one grouped query,
    never one by one through the DataLoader; one customer alone (``node``) still does."""
    from backend.api.licensing import customers as api

    calls: list[int] = []
    one_by_one = api.Customer._stats

    async def counted(self: api.Customer, info: object) -> object:
        calls.append(self.id)
        return await one_by_one(self, info)  # type: ignore[arg-type]

    monkeypatch.setattr(api.Customer, "_stats", counted)
    found = await page(purchaser)
    assert [edge["node"]["licenseCount"] for edge in found["edges"]] == [3, 1]
    assert calls == []

    body: Any = await graphql(
        purchaser,
        "query ($id: ID!) { node(id: $id) { ... on Customer { licenseCount } } }",
        {"id": gid(customers.pat.id)},
    )
    assert body["data"]["node"] == {"licenseCount": 3}
    assert calls == [customers.pat.id]


async def test_another_reseller_sees_only_its_own_customer_and_licenses(
    client: httpx.AsyncClient, customers: Customers
) -> None:
    await sign_in(client, customers.b_owner)

    found = await page(client)

    [node] = [edge["node"] for edge in found["edges"]]
    assert (node["email"], node["licenseCount"]) == ("sam@other-customer.example", 1)
    assert node["firstAssignedAt"] == iso(DAY + timedelta(days=4))
    body: Any = await graphql(client, CUSTOMER_LICENSES, {"id": gid(customers.sam.id)})
    assert body["data"]["node"]["licenses"]["edges"] == [
        {"node": {"key": customers.b_key, "customer": {"email": "sam@other-customer.example"}}}
    ]
    # and A's customer Pat does not exist for B
    hidden: Any = await graphql(client, CUSTOMER_LICENSES, {"id": gid(customers.pat.id)})
    assert hidden == {"data": {"node": None}}
    assert await page(client, search="pat") == {
        "edges": [],
        "pageInfo": {"hasNextPage": False, "endCursor": None},
    }


@pytest.mark.parametrize(
    ("search", "emails"),
    [
        ("PAT@", ["pat@customer.example"]),
        ("jones", ["sam@other-customer.example"]),
        ("customer.example", ["pat@customer.example", "sam@other-customer.example"]),
        ("   ", ["pat@customer.example", "sam@other-customer.example"]),
        ("nobody", []),
        ("x" * 500, []),
    ],
)
async def test_customers_are_searched_by_email_or_name(
    purchaser: httpx.AsyncClient, customers: Customers, search: str, emails: list[str]
) -> None:
    found = await page(purchaser, search=search)
    assert [edge["node"]["email"] for edge in found["edges"]] == emails


async def test_customers_are_paginated_with_cursors(
    purchaser: httpx.AsyncClient, customers: Customers
) -> None:
    first = await page(purchaser, first=1)
    second = await page(purchaser, first=1, after=first["pageInfo"]["endCursor"])

    assert [e["node"]["email"] for e in first["edges"]] == ["pat@customer.example"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["email"] for e in second["edges"]] == ["sam@other-customer.example"]
    assert second["pageInfo"]["hasNextPage"] is False


async def test_a_customers_licenses_latest_assigned_first_with_cursors(
    purchaser: httpx.AsyncClient, customers: Customers
) -> None:
    pages = []
    after = None
    while True:
        body: Any = await graphql(
            purchaser, CUSTOMER_LICENSES, {"id": gid(customers.pat.id), "first": 2, "after": after}
        )
        connection = body["data"]["node"]["licenses"]
        pages.append([edge["node"]["key"] for edge in connection["edges"]])
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]

    assert pages == [customers.pat_keys[::-1][:2], customers.pat_keys[::-1][2:]]


@pytest.mark.parametrize("after", ["bm9wZQ==", "WyJub3QgYSB0aW1lIiwgMV0="])
async def test_a_bad_cursor_of_a_customers_licenses_is_a_clear_error(
    purchaser: httpx.AsyncClient, customers: Customers, after: str
) -> None:
    body: Any = await graphql(
        purchaser, CUSTOMER_LICENSES, {"id": gid(customers.pat.id), "after": after}
    )
    assert body["errors"][0]["message"] == "`after` is not a cursor of this list."


async def test_licenses_are_filtered_by_customer(
    purchaser: httpx.AsyncClient, customers: Customers
) -> None:
    body: Any = await graphql(purchaser, LICENSES_OF, {"customerId": gid(customers.sam.id)})
    assert [e["node"]["key"] for e in body["data"]["licenses"]["edges"]] == customers.sam_keys
    body = await graphql(purchaser, LICENSES_OF, {"customerId": "nonsense"})
    assert body["data"]["licenses"]["edges"] == []


async def test_a_license_names_its_customer_and_an_unassigned_one_none(
    purchaser: httpx.AsyncClient, customers: Customers
) -> None:
    query = "query ($key: String!) { license(key: $key) { customer { id email name } } }"

    assigned: Any = await graphql(purchaser, query, {"key": customers.pat_keys[0]})
    unassigned: Any = await graphql(purchaser, query, {"key": customers.unassigned[0]})

    assert assigned["data"]["license"]["customer"] == {
        "id": gid(customers.pat.id),
        "email": "pat@customer.example",
        "name": "Pat Smith",
    }
    assert unassigned["data"]["license"] == {"customer": None}


async def test_a_customer_sees_itself_as_its_licenses_customer(
    client: httpx.AsyncClient, customers: Customers
) -> None:
    await sign_in(client, customers.sam)
    query = "{ licenses { edges { node { key customer { email licenseCount } } } } }"

    body: Any = await graphql(client, query)
    mine: Any = await graphql(client, CUSTOMER_LICENSES, {"id": gid(customers.sam.id)})
    others: Any = await graphql(client, CUSTOMER_LICENSES, {"id": gid(customers.pat.id)})

    # Sam's licenses of both resellers
    edges = body["data"]["licenses"]["edges"]
    assert sorted(e["node"]["key"] for e in edges) == sorted([*customers.sam_keys, customers.b_key])
    assert {str(e["node"]["customer"]) for e in edges} == {
        str({"email": "sam@other-customer.example", "licenseCount": 2})
    }
    assert mine["data"]["node"]["email"] == "sam@other-customer.example"
    assert others == {"data": {"node": None}}
    refused: Any = await graphql(client, CUSTOMERS)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_vendor_sees_every_customer_or_one_resellers(
    client: httpx.AsyncClient, customers: Customers, shop: Shop
) -> None:
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))
    b = await Reseller.get(name="B Hosting")

    everyone = await page(client)
    of_b = await page(client, resellerId=str(relay.GlobalID("Reseller", str(b.id))))

    assert [(e["node"]["email"], e["node"]["licenseCount"]) for e in everyone["edges"]] == [
        ("pat@customer.example", 3),
        ("sam@other-customer.example", 2),
    ]
    assert [(e["node"]["email"], e["node"]["licenseCount"]) for e in of_b["edges"]] == [
        ("sam@other-customer.example", 1)
    ]


async def test_a_customer_without_licenses_is_nobodys_customer(
    purchaser: httpx.AsyncClient, customers: Customers
) -> None:
    # a customer login with no license (of anybody), and a license key assigned elsewhere
    lonely = await make_user(Role.CUSTOMER, email="lonely@customer.example")
    found = await page(purchaser, search="lonely")
    body: Any = await graphql(purchaser, CUSTOMER_LICENSES, {"id": gid(lonely.id)})

    assert found["edges"] == []
    assert body == {"data": {"node": None}}
    assert await License.filter(customer_id=lonely.id).count() == 0
