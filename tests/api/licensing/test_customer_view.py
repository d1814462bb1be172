"""What a signed-in customer sees: its own licenses, keys, M&S dates and activations, no more."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from strawberry import relay

from backend.identity.models import User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing import activation
from backend.licensing.models import License
from backend.licensing.signing import SigningKey
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in
from tests.licensing.activations import FINGERPRINT, INSTALLATION, activate, assign, buy

MY_LICENSES = """
{
  viewer { role reseller { id } employee { id } }
  licenses {
    edges {
      node {
        key soldBy reseller { name } order { number } maintenanceExpiresAt revision
        reactivationRequired
        activeInstallation { id hostname }
        activations { id hostname active license { key } }
      }
    }
  }
}
"""
NODE = "query ($id: ID!) { node(id: $id) { id ... on Installation { hostname } } }"
LICENSE = "query ($key: String!) { license(key: $key) { key } }"
DEACTIVATE = """
mutation ($id: ID!) {
  deactivateInstallation(input: {installationId: $id}) {
    installation { hostname active license { key } }
    userErrors { code field }
  }
}
"""


def gid(pk: int) -> str:
    return str(relay.GlobalID("Installation", str(pk)))


@dataclass
class Customers:
    me: User
    mine: License
    """Bought from the shop, activated on mine.example."""
    from_elsewhere: License
    """Bought from another reseller, not activated."""
    theirs: License
    """Another customer's, activated on theirs.example."""
    my_installation: int
    their_installation: int


@pytest.fixture(scope="module")
def signing_key() -> SigningKey:
    return SigningKey.of(Ed25519PrivateKey.generate())


@pytest.fixture
async def customers(shop: Shop, signing_key: SigningKey) -> Customers:
    me = await make_user(Role.CUSTOMER, email="me@customer.example")
    mine, theirs = await buy(shop), await buy(shop)
    await assign(mine, me)
    await assign(theirs)
    await buy(shop)  # unassigned
    other = await make_reseller(
        "Other Hosting",
        address_line1="2 Side Street",
        city="Shelbyville",
        country="US",
        billing_email="b@other.example",
    )
    their_purchaser = await make_user(Role.RESELLER_PURCHASER, other)
    from_elsewhere = await buy(
        Shop(other, their_purchaser, actor_for(their_purchaser), shop.gateway)
    )
    await assign(from_elsewhere, me)
    my_installation = await activate(mine.key, signing_key, hostname="mine.example")
    their_installation = await activate(
        theirs.key, signing_key, hostname="theirs.example", fingerprint="their-machine"
    )
    return Customers(
        me,
        mine,
        from_elsewhere,
        theirs,
        my_installation.installation.id,
        their_installation.installation.id,
    )


@pytest.fixture
async def customer(client: httpx.AsyncClient, customers: Customers) -> httpx.AsyncClient:
    await sign_in(client, customers.me)
    return client


async def test_a_customer_sees_its_licenses_and_whom_to_contact(
    customer: httpx.AsyncClient, customers: Customers
) -> None:
    body: Any = await graphql(customer, MY_LICENSES)

    assert "errors" not in body, body
    assert body["data"]["viewer"] == {"role": "CUSTOMER", "reseller": None, "employee": None}
    nodes = [edge["node"] for edge in body["data"]["licenses"]["edges"]]
    assert [node["key"] for node in nodes] == [customers.from_elsewhere.key, customers.mine.key]
    elsewhere, mine = nodes
    assert (elsewhere["soldBy"], mine["soldBy"]) == ("Other Hosting", "Acme Hosting")
    assert all(node["reseller"] is None and node["order"] is None for node in nodes)
    assert elsewhere["activations"] == [] and elsewhere["activeInstallation"] is None
    assert mine["activeInstallation"] == {
        "id": gid(customers.my_installation),
        "hostname": "mine.example",
    }
    assert mine["activations"] == [
        {
            "id": gid(customers.my_installation),
            "hostname": "mine.example",
            "active": True,
            "license": {"key": customers.mine.key},
        }
    ]
    assert mine["reactivationRequired"] is False


async def test_a_customer_reaches_no_one_elses_license_or_installation(
    customer: httpx.AsyncClient, customers: Customers
) -> None:
    body: Any = await graphql(customer, LICENSE, {"key": customers.theirs.key})
    assert body == {"data": {"license": None}}
    body = await graphql(customer, NODE, {"id": gid(customers.their_installation)})
    assert body == {"data": {"node": None}}
    body = await graphql(customer, NODE, {"id": gid(customers.my_installation)})
    assert body["data"]["node"]["hostname"] == "mine.example"

    body = await graphql(customer, DEACTIVATE, {"id": gid(customers.their_installation)})
    assert body["data"]["deactivateInstallation"] == {
        "installation": None,
        "userErrors": [{"code": "NOT_FOUND", "field": ["input", "installationId"]}],
    }


async def test_a_customer_deactivates_its_own_installation(
    customer: httpx.AsyncClient, customers: Customers
) -> None:
    body: Any = await graphql(customer, DEACTIVATE, {"id": gid(customers.my_installation)})

    assert body["data"]["deactivateInstallation"] == {
        "installation": {
            "hostname": "mine.example",
            "active": False,
            "license": {"key": customers.mine.key},
        },
        "userErrors": [],
    }
    body = await graphql(customer, MY_LICENSES)
    mine = body["data"]["licenses"]["edges"][1]["node"]
    assert mine["activeInstallation"] is None
    assert [a["active"] for a in mine["activations"]] == [False]


async def test_the_reseller_sees_its_licenses_activations_newest_first(
    client: httpx.AsyncClient, customers: Customers, shop: Shop, signing_key: SigningKey
) -> None:
    # given the license moved to a second server, and was upgraded since
    await activation.deactivate(actor=INSTALLATION, key=customers.mine.key, fingerprint=FINGERPRINT)
    moved = await activate(
        customers.mine.key, signing_key, hostname="new.example", fingerprint="new-machine"
    )
    await License.filter(id=customers.mine.id).update(revision=2)
    await sign_in(client, shop.purchaser)

    # when
    query = MY_LICENSES.replace("licenses {", 'licenses(filter: {search: "me@customer"}) {')
    body: Any = await graphql(client, query)

    # then
    [node] = [edge["node"] for edge in body["data"]["licenses"]["edges"]]
    assert node["reseller"] == {"name": "Acme Hosting"}
    assert node["soldBy"] == "Acme Hosting"
    assert [(a["hostname"], a["active"]) for a in node["activations"]] == [
        ("new.example", True),
        ("mine.example", False),
    ]
    assert node["activeInstallation"]["id"] == gid(moved.installation.id)
    assert node["reactivationRequired"] is True


CATALOG_THROUGH_A_LICENSE = """
{
  licenses {
    edges {
      node {
        product {
          code prices { price { amount } }
          addons { code prices { yearlyPrice { amount } } }
        }
        maintenanceOffer { price { amount } }
        upgradeQuote(tier: "unlimited") { price { amount } }
      }
    }
  }
}
"""


async def test_a_customer_sees_no_prices_of_the_vendors_catalog(
    customer: httpx.AsyncClient, customers: Customers
) -> None:
    body: Any = await graphql(customer, CATALOG_THROUGH_A_LICENSE)
    catalog: Any = await graphql(customer, "{ products { code } }")

    assert "errors" not in body, body
    for edge in body["data"]["licenses"]["edges"]:
        node = edge["node"]
        assert node["product"]["code"] == "smartermail"
        assert node["product"]["prices"] == []
        assert all(addon["prices"] == [] for addon in node["product"]["addons"])
        assert node["maintenanceOffer"] is None and node["upgradeQuote"] is None
    assert catalog["errors"][0]["extensions"]["code"] == "FORBIDDEN"
