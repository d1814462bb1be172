"""The account's contact information, mailing lists, and the vendor's reseller administration."""

from __future__ import annotations

import httpx
import pytest

from backend.accounts.models import Employee, MailingListSubscription, Reseller
from backend.audit.models import AuditEvent
from backend.identity.models import User
from backend.identity.roles import Role
from backend.notifications.models import OutboxMessage
from tests.api.world import gid
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in

UPDATE_ACCOUNT = """
mutation ($input: UpdateAccountInput!) {
  updateAccount(input: $input) {
    account { name contactName city country phone billingEmail notifyLicenseAssigned }
    userErrors { code message field }
  }
}
"""
SUBSCRIBE = """
mutation ($input: SetMailingListSubscriptionInput!) {
  setMailingListSubscription(input: $input) { employee { mailingLists } userErrors { code } }
}
"""
LISTS = "{ mailingLists { code subscribed subscribers { name } } }"
CREATE_RESELLER = """
mutation ($input: CreateResellerInput!) {
  createReseller(input: $input) {
    reseller { name discountPercent mayPayByInvoice status ownerEmail contactName }
    userErrors { code message field }
  }
}
"""
UPDATE_RESELLER = """
mutation ($input: UpdateResellerInput!) {
  updateReseller(input: $input) {
    reseller { discountPercent mayPayByInvoice status } userErrors { code message field }
  }
}
"""
RESELLERS = """query ($search: String, $status: ResellerStatus) {
  resellers(search: $search, status: $status) { edges { node { name } } } }"""

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def owner(client: httpx.AsyncClient) -> User:
    reseller = await make_reseller("Acme", city="Springfield", country="US")
    user = await make_user(Role.RESELLER_OWNER, reseller, email="o@acme.example")
    await sign_in(client, user)
    return user


async def test_the_owner_updates_contact_information_in_one_audited_change(
    client: httpx.AsyncClient, owner: User
) -> None:
    changes = {
        "contactName": "Olivia O.",
        "city": "Shelbyville",
        "country": "ca",
        "phone": "+1 555 010 2000 ext. 12",
        "billingEmail": "Billing@Acme.example",
        "notifyLicenseAssigned": False,
    }

    body = await graphql(client, UPDATE_ACCOUNT, {"input": changes})

    assert body["data"]["updateAccount"] == {  # type: ignore[index]
        "account": {
            "name": "Acme",
            "contactName": "Olivia O.",
            "city": "Shelbyville",
            "country": "CA",
            "phone": "+1 555 010 2000 ext. 12",
            "billingEmail": "billing@acme.example",
            "notifyLicenseAssigned": False,
        },
        "userErrors": [],
    }
    event = await AuditEvent.get(action="account.update")
    assert event.changes["city"] == ["Springfield", "Shelbyville"]
    assert event.reseller_id == owner.reseller_id


async def test_every_bad_field_is_reported_and_nothing_changes(
    client: httpx.AsyncClient, owner: User
) -> None:
    body = await graphql(
        client,
        UPDATE_ACCOUNT,
        {"input": {"name": "", "country": "XX", "billingEmail": "", "city": "X" * 101}},
    )

    result = body["data"]["updateAccount"]  # type: ignore[index]
    assert result["account"] is None
    assert sorted((e["field"][1], e["code"]) for e in result["userErrors"]) == [
        ("billingEmail", "REQUIRED"),
        ("city", "INVALID"),
        ("country", "INVALID"),
        ("name", "REQUIRED"),
    ]
    reseller = await Reseller.get(id=owner.reseller_id)
    assert (reseller.name, reseller.city) == ("Acme", "Springfield")
    assert await AuditEvent.filter(action="account.update").count() == 0


async def test_a_taken_company_name_is_a_conflict(client: httpx.AsyncClient, owner: User) -> None:
    await make_reseller("Globex")
    body = await graphql(client, UPDATE_ACCOUNT, {"input": {"name": "Globex"}})
    assert body["data"]["updateAccount"]["userErrors"] == [  # type: ignore[index]
        {
            "code": "CONFLICT",
            "field": ["input", "name"],
            "message": "Another reseller already has this name.",
        }
    ]


async def test_employees_subscribe_themselves_and_owners_anyone(
    client: httpx.AsyncClient, owner: User
) -> None:
    contact = await Employee.create(
        reseller_id=owner.reseller_id, name="Carla", email="carla@acme.example"
    )

    mine = await graphql(
        client, SUBSCRIBE, {"input": {"mailingList": "PRODUCT_NEWS", "subscribed": True}}
    )
    theirs = await graphql(
        client,
        SUBSCRIBE,
        {
            "input": {
                "mailingList": "SECURITY_ADVISORIES",
                "subscribed": True,
                "employeeId": gid("Employee", contact.id),
            }
        },
    )
    again = await graphql(
        client, SUBSCRIBE, {"input": {"mailingList": "PRODUCT_NEWS", "subscribed": True}}
    )

    assert mine["data"]["setMailingListSubscription"]["employee"]["mailingLists"] == [  # type: ignore[index]
        "PRODUCT_NEWS"
    ]
    assert theirs["data"]["setMailingListSubscription"]["userErrors"] == []  # type: ignore[index]
    assert again["data"]["setMailingListSubscription"]["userErrors"] == []  # type: ignore[index]
    assert await MailingListSubscription.all().count() == 2
    lists = (await graphql(client, LISTS))["data"]["mailingLists"]  # type: ignore[index]
    assert lists == [
        {"code": "PRODUCT_NEWS", "subscribed": True, "subscribers": [{"name": owner.name}]},
        {"code": "SECURITY_ADVISORIES", "subscribed": False, "subscribers": [{"name": "Carla"}]},
        {"code": "BILLING_NOTICES", "subscribed": False, "subscribers": []},
    ]


async def test_the_vendor_creates_a_reseller_and_its_owner_is_invited(
    client: httpx.AsyncClient,
) -> None:
    await sign_in(client, await make_user(Role.VENDOR_ADMIN, email="v@vendor.example"))

    body = await graphql(
        client,
        CREATE_RESELLER,
        {
            "input": {
                "name": "Initech",
                "ownerEmail": "Bill@Initech.example",
                "ownerName": "Bill L.",
                "discountPercent": "12.5",
                "mayPayByInvoice": True,
            }
        },
    )

    assert body["data"]["createReseller"] == {  # type: ignore[index]
        "reseller": {
            "name": "Initech",
            "discountPercent": "12.50",
            "mayPayByInvoice": True,
            "status": "ACTIVE",
            "ownerEmail": "bill@initech.example",
            "contactName": "Bill L.",
        },
        "userErrors": [],
    }
    [mail] = await OutboxMessage.filter(template="invite")
    assert mail.recipients == ["bill@initech.example"]
    assert "/set-password?token=" in mail.text_body


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"discountPercent": "100.5"}, "discountPercent"),
        ({"discountPercent": "-1"}, "discountPercent"),
        ({"discountPercent": "12.345"}, "discountPercent"),
        ({"ownerEmail": "bill"}, "ownerEmail"),
        ({"name": " "}, "name"),
    ],
)
async def test_bad_reseller_input_names_the_field(
    client: httpx.AsyncClient, change: dict[str, str], field: str
) -> None:
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))
    new = {"name": "Initech", "ownerEmail": "bill@initech.example", "ownerName": "Bill"}

    body = await graphql(client, CREATE_RESELLER, {"input": {**new, **change}})

    result = body["data"]["createReseller"]  # type: ignore[index]
    assert [e["field"] for e in result["userErrors"]] == [["input", field]]
    assert await Reseller.filter(name="Initech").count() == 0


async def test_the_vendor_changes_terms_and_suspends(client: httpx.AsyncClient) -> None:
    reseller = await make_reseller("Acme")
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))

    body = await graphql(
        client,
        UPDATE_RESELLER,
        {
            "input": {
                "resellerId": gid("Reseller", reseller.id),
                "discountPercent": "25",
                "mayPayByInvoice": True,
                "status": "SUSPENDED",
            }
        },
    )

    assert body["data"]["updateReseller"] == {  # type: ignore[index]
        "reseller": {"discountPercent": "25.00", "mayPayByInvoice": True, "status": "SUSPENDED"},
        "userErrors": [],
    }
    event = await AuditEvent.get(action="reseller.update")
    assert event.changes["discount_bps"] == [0, 2500]


async def test_the_vendor_searches_resellers(client: httpx.AsyncClient) -> None:
    for name in ("Acme", "Acme Europe", "Globex"):
        await make_reseller(name)
    await make_reseller("Acme Old", status="SUSPENDED")
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))

    found = await graphql(client, RESELLERS, {"search": "acme", "status": "ACTIVE"})

    names = [e["node"]["name"] for e in found["data"]["resellers"]["edges"]]  # type: ignore[index]
    assert names == ["Acme", "Acme Europe"]
