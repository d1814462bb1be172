"""The audit log: newest first, filtered by action, scoped to the reseller."""

from __future__ import annotations

import httpx
import pytest

from backend.audit.services import record
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in

EVENTS = """query ($action: String, $first: Int!, $after: String) {
  auditEvents(action: $action, first: $first, after: $after) {
    edges { node { action actor targetLabel ipAddress changes { field oldValue newValue } } }
    pageInfo { hasNextPage endCursor }
  }
}"""

pytestmark = pytest.mark.usefixtures("db")


async def test_events_are_filtered_by_action_or_family_and_paged(
    client: httpx.AsyncClient,
) -> None:
    reseller = await make_reseller("Acme")
    owner = await make_user(Role.RESELLER_OWNER, reseller, email="o@acme.example")
    other = await make_user(Role.RESELLER_OWNER, await make_reseller("Globex"))
    actor = actor_for(owner, ip_address="203.0.113.9")
    for action in ("employee.add", "employee.remove", "account.update", "employee.add"):
        await record(
            actor,
            action,
            reseller_id=reseller.id,
            target=owner,
            target_label="Olivia",
            changes={"name": ["A", "B"]},
        )
    await record(actor_for(other), "employee.add", reseller_id=other.reseller_id)
    await sign_in(client, owner)

    family = await graphql(client, EVENTS, {"action": "employee", "first": 2})
    exact = await graphql(client, EVENTS, {"action": "employee.add", "first": 10})

    page = family["data"]["auditEvents"]  # type: ignore[index]
    assert [e["node"]["action"] for e in page["edges"]] == ["employee.add", "employee.remove"]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await graphql(
        client, EVENTS, {"action": "employee", "first": 10, "after": page["pageInfo"]["endCursor"]}
    )
    assert [e["node"]["action"] for e in rest["data"]["auditEvents"]["edges"]] == [  # type: ignore[index]
        "employee.add"
    ]
    edges = exact["data"]["auditEvents"]["edges"]  # type: ignore[index]
    assert len(edges) == 2  # Globex's event is not Acme's business
    assert edges[0]["node"] == {
        "action": "employee.add",
        "actor": "o@acme.example",
        "targetLabel": "Olivia",
        "ipAddress": "203.0.113.9",
        "changes": [{"field": "name", "oldValue": '"A"', "newValue": '"B"'}],
    }


async def test_the_actions_to_filter_by_are_the_callers_own(client: httpx.AsyncClient) -> None:
    acme = await make_user(Role.RESELLER_OWNER, await make_reseller("Acme"))
    globex = await make_user(Role.RESELLER_OWNER, await make_reseller("Globex"))
    for action in ("employee.add", "account.update", "employee.add"):
        await record(actor_for(acme), action, reseller_id=acme.reseller_id)
    await record(actor_for(globex), "api_key.create", reseller_id=globex.reseller_id)
    await sign_in(client, acme)

    body = await graphql(client, "{ auditActions }")

    assert body["data"] == {"auditActions": ["account.update", "employee.add"]}
