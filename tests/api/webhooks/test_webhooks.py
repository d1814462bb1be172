"""The webhooks API: register an endpoint (its secret shown once), list it with its deliveries,
change, roll, test, redeliver and delete it; userErrors for bad input; tenancy; and the lists'
SQL cost."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from strawberry import relay

from backend.audit.models import AuditEvent
from backend.identity.api_keys import create_api_key
from backend.identity.models import User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.settings import Settings
from backend.webhooks import signing
from backend.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from backend.webhooks.worker import WebhookWorker
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in
from tests.webhooks.receiver import Receiver, running_receiver

pytestmark = pytest.mark.usefixtures("db")

CREATE = """
mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    endpoint { id url description events enabled createdBy }
    secret
    userErrors { code field message }
  }
}
"""
ENDPOINTS = """
query ($after: String) {
  webhookEndpoints(first: 10, after: $after) {
    edges { node { id url description events enabled createdAt createdBy
      deliveries(first: 10) { edges { node {
        id status attempts lastStatusCode lastError createdAt nextAttemptAt deliveredAt
        event { eventId type occurredAt payload }
        attemptLog { at statusCode error durationMs }
        endpoint { id }
      } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
ENDPOINT = "query ($id: ID!) { webhookEndpoint(id: $id) { id url } }"
NODE = "query ($id: ID!) { node(id: $id) { id } }"
UPDATE = """
mutation ($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    endpoint { url events description enabled disabledAt }
    userErrors { code field }
  }
}
"""
ROLL = """
mutation ($id: ID!) {
  rollWebhookSecret(input: {endpointId: $id}) { secret userErrors { code } }
}
"""
SEND_TEST = """
mutation ($id: ID!) {
  sendTestWebhook(input: {endpointId: $id}) {
    delivery { id status event { type } endpoint { id } }
    userErrors { code field }
  }
}
"""
REDELIVER = """
mutation ($id: ID!) {
  redeliverWebhookDelivery(input: {deliveryId: $id}) {
    delivery { id status attempts attemptLog { statusCode } }
    userErrors { code field }
  }
}
"""
DELETE = """
mutation ($id: ID!) {
  deleteWebhookEndpoint(input: {endpointId: $id}) { deletedEndpointId userErrors { code } }
}
"""


DEFAULT_EVENTS = ["ORDER_COMPLETED", "INVOICE_PAID"]


@pytest.fixture
def receiver() -> Any:
    with running_receiver() as running:
        yield running


@pytest.fixture
async def owner(client: httpx.AsyncClient) -> User:
    reseller = await make_reseller("Acme")
    user = await make_user(Role.RESELLER_OWNER, reseller, email="owner@acme.example")
    await sign_in(client, user)
    return user


async def create(
    client: httpx.AsyncClient, url: str, events: list[str] | None = None, **more: Any
) -> dict[str, Any]:
    body = await graphql(
        client,
        CREATE,
        {"input": {"url": url, "events": DEFAULT_EVENTS if events is None else events, **more}},
    )
    payload: dict[str, Any] = body["data"]["createWebhookEndpoint"]  # type: ignore[index]
    return payload


async def test_an_endpoint_is_registered_with_its_secret_shown_once(
    client: httpx.AsyncClient, owner: User, settings: Settings
) -> None:
    created = await create(client, "https://hooks.acme.example/in", description="Shop")
    assert created["userErrors"] == []
    assert created["secret"].startswith("whsec_")
    assert created["endpoint"] == {
        "id": created["endpoint"]["id"],
        "url": "https://hooks.acme.example/in",
        "description": "Shop",
        "events": ["ORDER_COMPLETED", "INVOICE_PAID"],
        "enabled": True,
        "createdBy": "owner@acme.example",
    }
    listed = await graphql(client, ENDPOINTS)
    assert created["secret"] not in json.dumps(listed)
    [edge] = listed["data"]["webhookEndpoints"]["edges"]  # type: ignore[index]
    assert edge["node"]["id"] == created["endpoint"]["id"]
    stored = await WebhookEndpoint.get()
    assert created["secret"] not in stored.secret_encrypted
    assert await AuditEvent.filter(action="webhook_endpoint.create").count() == 1


@pytest.mark.parametrize(
    ("url", "events", "field"),
    [
        ("", ["ORDER_COMPLETED"], "url"),
        ("ftp://hooks.acme.example/in", ["ORDER_COMPLETED"], "url"),
        ("not a url", ["ORDER_COMPLETED"], "url"),
        ("https://user:pass@hooks.acme.example/in", ["ORDER_COMPLETED"], "url"),
        ("https://hooks.acme.example/in#part", ["ORDER_COMPLETED"], "url"),
        ("https://hooks.acme.example/in", [], "events"),
        ("https://hooks.acme.example/in", ["WEBHOOK_TEST"], "events"),
    ],
)
async def test_bad_urls_and_events_are_user_errors(
    client: httpx.AsyncClient, owner: User, url: str, events: list[str], field: str
) -> None:
    created = await create(client, url, events)
    assert created["endpoint"] is None and created["secret"] is None
    assert [(e["code"], e["field"]) for e in created["userErrors"]] in (
        [("INVALID", ["input", field])],
        [("REQUIRED", ["input", field])],
    )
    assert not await WebhookEndpoint.exists()


def test_production_takes_public_https_urls_only() -> None:
    from backend.errors import Problems
    from backend.webhooks.services import check_url

    for url, accepted in [
        ("https://hooks.acme.example/in", True),
        ("https://203.0.113.7/in", False),  # documentation range: not global
        ("https://8.8.8.8/in", True),
        ("http://hooks.acme.example/in", False),
        ("https://localhost/in", False),
        ("https://127.0.0.1:8443/in", False),
        ("https://10.1.2.3/in", False),
        ("https://[::1]/in", False),
        ("https://169.254.169.254/latest", False),
    ]:
        problems = Problems()
        check_url(url, problems, allow_http=False)
        assert (not problems.found) == accepted, url
    development = Problems()
    check_url("http://127.0.0.1:9000/in", development, allow_http=True)
    assert not development.found


async def test_purchasers_and_api_keys_may_not_manage_endpoints(
    client: httpx.AsyncClient, owner: User
) -> None:
    purchaser = await make_user(Role.RESELLER_PURCHASER, await owner.reseller)  # type: ignore[misc]
    await sign_in(client, purchaser)
    body = await graphql(client, ENDPOINTS)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"  # type: ignore[index]
    _, secret = await create_api_key(
        actor=actor_for(owner),
        reseller_id=owner.reseller_id,
        name="Shop",
        role=Role.RESELLER_PURCHASER,
    )
    response = await client.post(
        "/graphql",
        json={"query": CREATE, "variables": {"input": {"url": "https://x.example", "events": []}}},
        headers={"Authorization": f"Bearer {secret}", "Cookie": ""},
    )
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_test_send_reaches_the_receiver_and_the_log_shows_it(
    client: httpx.AsyncClient, owner: User, settings: Settings, receiver: Receiver
) -> None:
    # given an endpoint on a loopback receiver that fails once
    created = await create(client, receiver.url)
    endpoint_id = created["endpoint"]["id"]
    receiver.answers[:] = [503]
    # when a test is sent and the worker runs
    sent = await graphql(client, SEND_TEST, {"id": endpoint_id})
    delivery = sent["data"]["sendTestWebhook"]["delivery"]  # type: ignore[index]
    assert delivery["status"] == "PENDING" and delivery["event"]["type"] == "WEBHOOK_TEST"
    assert delivery["endpoint"]["id"] == endpoint_id
    assert await WebhookWorker(settings).deliver_due() == 1
    # then the log shows the failed attempt
    listed = await graphql(client, ENDPOINTS)
    [edge] = listed["data"]["webhookEndpoints"]["edges"][0]["node"]["deliveries"]["edges"]  # type: ignore[index]
    node = edge["node"]
    assert (node["status"], node["attempts"], node["lastStatusCode"]) == ("PENDING", 1, 503)
    assert [a["statusCode"] for a in node["attemptLog"]] == [503]
    # and a redelivery is sent at once, verifies with the secret, and keeps the log
    again = await graphql(client, REDELIVER, {"id": delivery["id"]})
    assert again["data"]["redeliverWebhookDelivery"]["delivery"]["attempts"] == 0  # type: ignore[index]
    assert await WebhookWorker(settings).deliver_due() == 1
    request = receiver.received[-1]
    header = request.headers["partner-portal-signature"]
    signing.verify(created["secret"], header, request.body)
    body = json.loads(request.body)
    assert body["type"] == "webhook.test"
    assert body["data"]["endpoint"] == {"id": endpoint_id, "url": receiver.url}
    assert node["event"]["payload"] == request.body.decode()
    again = await graphql(client, REDELIVER, {"id": delivery["id"]})
    log = again["data"]["redeliverWebhookDelivery"]["delivery"]["attemptLog"]  # type: ignore[index]
    assert [a["statusCode"] for a in log] == [200, 503]


async def test_update_roll_and_delete(client: httpx.AsyncClient, owner: User) -> None:
    created = await create(client, "https://hooks.acme.example/in")
    endpoint_id = created["endpoint"]["id"]
    changed = await graphql(
        client,
        UPDATE,
        {"input": {"endpointId": endpoint_id, "events": ["LICENSE_ASSIGNED"], "enabled": False}},
    )
    endpoint = changed["data"]["updateWebhookEndpoint"]["endpoint"]  # type: ignore[index]
    assert endpoint["events"] == ["LICENSE_ASSIGNED"] and endpoint["enabled"] is False
    assert endpoint["disabledAt"] is not None
    bad = await graphql(client, UPDATE, {"input": {"endpointId": endpoint_id, "url": "x"}})
    assert bad["data"]["updateWebhookEndpoint"]["userErrors"] == [  # type: ignore[index]
        {"code": "INVALID", "field": ["input", "url"]}
    ]
    test = await graphql(client, SEND_TEST, {"id": endpoint_id})
    assert test["data"]["sendTestWebhook"]["userErrors"][0]["code"] == "CONFLICT"  # type: ignore[index]
    rolled = await graphql(client, ROLL, {"id": endpoint_id})
    secret = rolled["data"]["rollWebhookSecret"]["secret"]  # type: ignore[index]
    assert secret.startswith("whsec_") and secret != created["secret"]
    deleted = await graphql(client, DELETE, {"id": endpoint_id})
    assert deleted["data"]["deleteWebhookEndpoint"]["deletedEndpointId"] == endpoint_id  # type: ignore[index]
    assert not await WebhookEndpoint.exists()
    actions = await AuditEvent.filter(action__startswith="webhook_").values_list(
        "action", flat=True
    )
    assert sorted(actions) == [
        "webhook_endpoint.create",
        "webhook_endpoint.delete",
        "webhook_endpoint.roll_secret",
        "webhook_endpoint.update",
    ]


async def test_another_reseller_can_neither_see_nor_act(
    client: httpx.AsyncClient, owner: User
) -> None:
    created = await create(client, "https://hooks.acme.example/in")
    endpoint_id = created["endpoint"]["id"]
    sent = await graphql(client, SEND_TEST, {"id": endpoint_id})
    delivery_id = sent["data"]["sendTestWebhook"]["delivery"]["id"]  # type: ignore[index]
    other = await make_user(Role.RESELLER_OWNER, await make_reseller("Other"))
    await sign_in(client, other)
    listed = await graphql(client, ENDPOINTS)
    assert listed["data"]["webhookEndpoints"]["edges"] == []  # type: ignore[index]
    for query, variables in [(ENDPOINT, {"id": endpoint_id}), (NODE, {"id": endpoint_id})]:
        body = await graphql(client, query, variables)
        assert list(body["data"].values()) == [None]  # type: ignore[union-attr]
    body = await graphql(client, NODE, {"id": delivery_id})
    assert body["data"] == {"node": None}
    for mutation, name in [
        (REDELIVER, "redeliverWebhookDelivery"),
        (SEND_TEST, "sendTestWebhook"),
        (ROLL, "rollWebhookSecret"),
        (DELETE, "deleteWebhookEndpoint"),
    ]:
        target = delivery_id if mutation is REDELIVER else endpoint_id
        body = await graphql(client, mutation, {"id": target})
        errors = body["data"][name]["userErrors"]  # type: ignore[index]
        assert [e["code"] for e in errors] == ["NOT_FOUND"], name
    assert await WebhookEndpoint.exists()


async def test_a_vendor_admin_registers_for_a_named_reseller(client: httpx.AsyncClient) -> None:
    reseller = await make_reseller("Acme")
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))
    missing = await create(client, "https://hooks.acme.example/in")
    assert [e["code"] for e in missing["userErrors"]] == ["REQUIRED"]
    named = await create(
        client,
        "https://hooks.acme.example/in",
        resellerId=str(relay.GlobalID("Reseller", str(reseller.id))),
    )
    assert named["userErrors"] == []
    assert (await WebhookEndpoint.get()).reseller_id == reseller.id


async def test_the_lists_cost_a_fixed_number_of_queries(
    client: httpx.AsyncClient, owner: User, settings: Settings, count_queries: Any
) -> None:
    async def grow(n: int) -> None:
        for _ in range(n):
            created = await create(client, "http://127.0.0.1:9/nowhere")
            for _ in range(3):
                await graphql(client, SEND_TEST, {"id": created["endpoint"]["id"]})
        await WebhookWorker(settings).deliver_due(limit=100)  # no one listens: logged failures

    await grow(1)
    with count_queries() as small:
        one = await graphql(client, ENDPOINTS)
    await grow(4)
    with count_queries() as large:
        five = await graphql(client, ENDPOINTS)
    assert len(one["data"]["webhookEndpoints"]["edges"]) == 1  # type: ignore[index]
    edges = five["data"]["webhookEndpoints"]["edges"]  # type: ignore[index]
    assert len(edges) == 5
    assert all(len(e["node"]["deliveries"]["edges"]) == 3 for e in edges)
    assert all(d["node"]["attemptLog"] for e in edges for d in e["node"]["deliveries"]["edges"])
    assert all(
        d["node"]["endpoint"]["id"] == e["node"]["id"]
        for e in edges
        for d in e["node"]["deliveries"]["edges"]
    )
    # the endpoints, all their deliveries (two statements) and all their attempts: one page of
    # five endpoints costs what a page of one does
    assert large.count == small.count, large.statements


DELIVERIES = """
query ($id: ID!, $first: Int!, $after: String, $status: WebhookDeliveryStatus) {
  webhookEndpoint(id: $id) {
    deliveries(first: $first, after: $after, status: $status) {
      edges { node { id status event { type } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""


async def test_a_delivery_log_pages_newest_first_and_filters_by_status(
    client: httpx.AsyncClient, owner: User, settings: Settings, receiver: Any
) -> None:
    failing = await create(client, "http://127.0.0.1:9/nowhere")
    listening = await create(client, receiver.url)
    for endpoint in (failing, listening):
        for _ in range(5):
            await graphql(client, SEND_TEST, {"id": endpoint["endpoint"]["id"]})
    await WebhookWorker(settings).deliver_due(limit=100)
    endpoint_id = listening["endpoint"]["id"]
    seen: list[str] = []
    after = None
    while True:
        answer = await graphql(client, DELIVERIES, {"id": endpoint_id, "first": 2, "after": after})
        deliveries = answer["data"]["webhookEndpoint"]["deliveries"]  # type: ignore[index]
        seen += [edge["node"]["id"] for edge in deliveries["edges"]]
        if not deliveries["pageInfo"]["hasNextPage"]:
            break
        after = deliveries["pageInfo"]["endCursor"]
    # five, each once, newest first, none of the other endpoint's
    assert len(seen) == len(set(seen)) == 5
    numbers = [int(relay.from_base64(node_id)[1]) for node_id in seen]
    assert numbers == sorted(numbers, reverse=True)
    succeeded = await graphql(
        client, DELIVERIES, {"id": endpoint_id, "first": 10, "status": "SUCCEEDED"}
    )
    assert len(succeeded["data"]["webhookEndpoint"]["deliveries"]["edges"]) == 5  # type: ignore[index]
    pending = await graphql(
        client, DELIVERIES, {"id": failing["endpoint"]["id"], "first": 10, "status": "SUCCEEDED"}
    )
    assert pending["data"]["webhookEndpoint"]["deliveries"]["edges"] == []  # type: ignore[index]
    # a cursor of another list is refused
    stranger = await graphql(client, ENDPOINTS)
    cursor = stranger["data"]["webhookEndpoints"]["pageInfo"]["endCursor"]  # type: ignore[index]
    refused = await graphql(client, DELIVERIES, {"id": endpoint_id, "first": 2, "after": cursor})
    assert "not a cursor of this list" in refused["errors"][0]["message"]  # type: ignore[index]


HEALTH = """
query {
  webhookEndpoints {
    edges { node { url
      lastDelivery { status lastStatusCode event { type } }
      deliveryCounts { pending succeeded failed }
    } }
  }
}
"""


async def test_each_endpoint_tells_its_last_delivery_and_its_counts(
    client: httpx.AsyncClient, owner: User, settings: Settings, receiver: Receiver
) -> None:
    # given an endpoint that accepts, one nobody listens at, and one never sent to
    listening = await create(client, receiver.url)
    failing = await create(client, "http://127.0.0.1:9/nowhere")
    await create(client, "https://quiet.example.com/hooks")
    for endpoint, times in ((listening, 2), (failing, 3)):
        for _ in range(times):
            await graphql(client, SEND_TEST, {"id": endpoint["endpoint"]["id"]})
    await WebhookWorker(settings).deliver_due(limit=100)
    # and one of the failures given up
    nowhere = WebhookDelivery.filter(endpoint__url="http://127.0.0.1:9/nowhere")
    failed = await nowhere.order_by("id").first()  # the oldest
    assert failed is not None
    await WebhookDelivery.filter(id=failed.id).update(status=DeliveryStatus.FAILED)

    # when the endpoints are listed
    answer = await graphql(client, HEALTH)

    # then each shows how it is doing
    nodes = {e["node"]["url"]: e["node"] for e in answer["data"]["webhookEndpoints"]["edges"]}  # type: ignore[index]
    assert nodes[receiver.url]["lastDelivery"] == {
        "status": "SUCCEEDED",
        "lastStatusCode": 200,
        "event": {"type": "WEBHOOK_TEST"},
    }
    assert nodes[receiver.url]["deliveryCounts"] == {"pending": 0, "succeeded": 2, "failed": 0}
    assert nodes["http://127.0.0.1:9/nowhere"]["lastDelivery"]["status"] == "PENDING"
    assert nodes["http://127.0.0.1:9/nowhere"]["deliveryCounts"] == {
        "pending": 2,
        "succeeded": 0,
        "failed": 1,
    }
    assert nodes["https://quiet.example.com/hooks"]["lastDelivery"] is None
    assert nodes["https://quiet.example.com/hooks"]["deliveryCounts"] == {
        "pending": 0,
        "succeeded": 0,
        "failed": 0,
    }
