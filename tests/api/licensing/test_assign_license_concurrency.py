"""Concurrent ``assignLicense`` calls on one license: exactly one succeeds.

In one process (whichever engine the run uses: SQLite serialises the writers, PostgreSQL lets
them race to the conditional update) and, on PostgreSQL, across two real server processes on
one database. The losers roll back entirely: no customer, token or email of theirs remains.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import replace
from typing import Any

import httpx
import pytest

from backend.audit.models import AuditEvent
from backend.identity.api_keys import create_api_key
from backend.identity.models import SetPasswordToken, User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.models import License
from backend.notifications.models import OutboxMessage
from backend.settings import Settings
from tests.commerce.conftest import Shop
from tests.conftest import ENGINE
from tests.identity.factories import make_user, sign_in
from tests.licensing.assigning import MAIL, buy
from tests.support.servers import ServerProcess

ATTEMPTS = 50
ASSIGN = """
mutation ($input: AssignLicenseInput!) {
  assignLicense(input: $input) {
    license { key status }
    customer { email }
    customerCreated
    userErrors { code message field }
  }
}
"""


def requests(key: str) -> list[dict[str, Any]]:
    """One license to fifty different new customers."""
    return [
        {"query": ASSIGN, "variables": {"input": {"licenseKey": key, "email": f"c{n}@c.example"}}}
        for n in range(ATTEMPTS)
    ]


def payloads(responses: list[httpx.Response]) -> list[dict[str, Any]]:
    found = []
    for response in responses:
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        found.append(body["data"]["assignLicense"])
    return found


async def check_exactly_one_success(found: list[dict[str, Any]], license_id: int) -> None:
    winners = [p for p in found if not p["userErrors"]]
    assert len(winners) == 1, Counter(str(p["userErrors"]) for p in found)
    [winner] = winners
    assert winner["license"]["status"] == "ASSIGNED" and winner["customerCreated"] is True
    losers = [p["userErrors"] for p in found if p["userErrors"]]
    assert {(e[0]["code"], tuple(e[0]["field"])) for e in losers} == {
        ("CONFLICT", ("input", "licenseKey"))
    }
    email = winner["customer"]["email"]
    assert {e[0]["message"] for e in losers} == {
        f"This license is already assigned to {email} and cannot be re-assigned."
    }
    # and nothing of the losers remains
    stored = await License.get(id=license_id).prefetch_related("customer")
    assert stored.customer is not None and stored.customer.email == email
    assert await User.filter(role=Role.CUSTOMER).count() == 1
    assert await SetPasswordToken.all().count() == 1
    assert await OutboxMessage.filter(template="license_assigned_new_account").count() == 1
    assert await AuditEvent.filter(action="license.assigned").count() == 1


async def test_fifty_concurrent_assignments_of_one_license_give_one_success(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    # given
    [license] = await buy(shop.actor)
    await sign_in(client, shop.purchaser)

    # when fifty assignments to fifty new customers are sent at once
    responses = await asyncio.gather(
        *(client.post("/graphql", json=r) for r in requests(license.key))
    )

    # then
    await check_exactly_one_success(payloads(list(responses)), license.id)


async def test_concurrent_assignments_of_one_new_customer_create_it_once(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    # given ten licenses
    licenses = await buy(shop.actor, replace(MAIL, quantity=10))
    await sign_in(client, shop.purchaser)

    # when each is assigned to the same new customer at once
    responses = await asyncio.gather(
        *(
            client.post(
                "/graphql",
                json={
                    "query": ASSIGN,
                    "variables": {"input": {"licenseKey": lic.key, "email": "pat@c.example"}},
                },
            )
            for lic in licenses
        )
    )

    # then all succeed, and one of them created the customer
    found = payloads(list(responses))
    assert [p["userErrors"] for p in found] == [[]] * len(licenses)
    assert sorted(p["customerCreated"] for p in found) == [False] * (len(licenses) - 1) + [True]
    [customer] = await User.filter(email="pat@c.example")
    assert await License.filter(customer_id=customer.id).count() == len(licenses)


@pytest.fixture
def two_servers(settings: Settings) -> Iterator[list[str]]:
    """Two server processes (uvicorn) on free ports, serving the test's database."""
    with ExitStack() as stack:
        servers = [
            stack.enter_context(
                ServerProcess(settings.database_url, settings.data_dir, access_log=False)
            )
            for _ in range(2)
        ]
        yield [server.base_url for server in servers]
        for server in servers:
            output = server.stop()
            assert "Traceback" not in output, output


@pytest.mark.skipif(ENGINE != "postgres", reason="several processes share one PostgreSQL database")
async def test_fifty_assignments_through_two_server_processes_give_one_success(
    shop: Shop, two_servers: list[str]
) -> None:
    # given a license and a purchaser's API key
    [license] = await buy(shop.actor)
    owner = await make_user(Role.RESELLER_OWNER, shop.reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner),
        reseller_id=None,
        name="Web shop",
        role=Role.RESELLER_PURCHASER,
    )
    headers = {"Authorization": f"Bearer {secret}"}

    # when fifty assignments go at once, alternately to each process
    async with httpx.AsyncClient(timeout=60) as http:
        responses = await asyncio.gather(
            *(
                http.post(f"{two_servers[n % 2]}/graphql", json=request, headers=headers)
                for n, request in enumerate(requests(license.key))
            )
        )

    # then
    await check_exactly_one_success(payloads(list(responses)), license.id)
