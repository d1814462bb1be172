"""Who may call what: every root query and mutation of the schema by every kind of caller.

The fields come from the schema itself, so a new field without an entry in ``EXPECTED`` fails
``test_every_root_field_has_an_expectation``. For each field and caller the test makes the real
call and classifies the answer:

- ``allow``: the call went through (it may still report a validation problem of its input),
- ``deny``: refused for the caller's role (UNAUTHENTICATED/FORBIDDEN, or a PERMISSION_DENIED
  user error),
- ``hidden``: the object named is another reseller's and answers as a missing one (NOT_FOUND).

Queries also check that no answer to a caller outside reseller A holds any of A's ids.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)
from strawberry import relay

from backend.api.schema import schema
from backend.audit.models import AuditEvent
from tests.api.world import CALLERS, FINGERPRINT_A, World, build_world, gid

ALL = dict.fromkeys(CALLERS, "allow")
SIGNED_IN = {**ALL, "anonymous": "deny"}
ACCOUNT_READERS = {**SIGNED_IN, "customer": "deny"}
OWNERS = dict.fromkeys(CALLERS, "deny") | {
    "vendor_admin": "allow",
    "owner": "allow",
    "other_owner": "allow",
}
VENDOR = dict.fromkeys(CALLERS, "deny") | {"vendor_admin": "allow"}
# changing reseller A's account: A's owner and the vendor; B's owner finds nothing to change
OWNERS_OF_A = {**OWNERS, "other_owner": "hidden"}
# the reseller's own people and its API key; customers come in with their own views
RESELLER_READERS = {**SIGNED_IN, "customer": "deny"}
INVOICE_READERS = {**RESELLER_READERS, "purchaser": "deny", "api_key": "deny"}
# buying: owners and purchasers of a reseller (an API key buys with `purchase`, it has no cart)
SHOPPERS = dict.fromkeys(CALLERS, "deny") | {
    "owner": "allow",
    "purchaser": "allow",
    "other_owner": "allow",
}
# a line of A's owner's cart: nobody else's cart holds it
OWN_CART_LINE = {**SHOPPERS, "purchaser": "hidden", "other_owner": "hidden"}

EXPECTED: dict[str, dict[str, str]] = {
    # queries
    "viewer": ALL,
    "node": ALL,
    # the vendor's catalog is for partners: a customer sees its own licenses only
    "products": RESELLER_READERS,
    "product": RESELLER_READERS,
    "maintenancePolicy": RESELLER_READERS,
    "apiKeys": OWNERS,
    "employees": ACCOUNT_READERS,
    "mailingLists": ACCOUNT_READERS,
    "resellers": VENDOR,
    "auditEvents": OWNERS,
    "auditActions": OWNERS,
    "emails": VENDOR,
    "cart": SHOPPERS,
    "orders": RESELLER_READERS,
    "invoices": INVOICE_READERS,
    "payments": INVOICE_READERS,
    # customers read their own licenses: none of A's
    "licenses": SIGNED_IN,
    "license": SIGNED_IN,
    "customers": RESELLER_READERS,
    # installations check and activate with the key alone
    "checkLicense": ALL,
    # the home page's figures are partners' and the vendor's; a search finds only what the
    # caller may read of its own account (a customer: its own licenses)
    "dashboard": RESELLER_READERS,
    "search": SIGNED_IN,
    # webhooks: the account's owner and the vendor, as for API keys
    "webhookEndpoints": OWNERS,
    "webhookEndpoint": OWNERS,
    # mutations
    "login": ALL,
    "logout": ALL,
    "setPassword": ALL,
    "requestPasswordReset": ALL,
    "changePassword": {**SIGNED_IN, "api_key": "deny"},
    "createApiKey": OWNERS_OF_A,
    "revokeApiKey": OWNERS_OF_A,
    "createWebhookEndpoint": OWNERS_OF_A,
    "updateWebhookEndpoint": OWNERS_OF_A,
    "deleteWebhookEndpoint": OWNERS_OF_A,
    "rollWebhookSecret": OWNERS_OF_A,
    "sendTestWebhook": OWNERS_OF_A,
    "redeliverWebhookDelivery": OWNERS_OF_A,
    "updateAccount": OWNERS_OF_A,
    "addEmployee": OWNERS_OF_A,
    "updateEmployee": OWNERS_OF_A,
    "removeEmployee": OWNERS_OF_A,
    "resendInvitation": OWNERS_OF_A,
    "setMailingListSubscription": {
        **OWNERS_OF_A,
        "purchaser": "deny",
        "billing": "deny",
        "viewer": "deny",
        "api_key": "deny",
    },
    "createReseller": VENDOR,
    "updateReseller": VENDOR,
    "addNewLicenseToCart": SHOPPERS,
    "updateCartLine": OWN_CART_LINE,
    "removeCartLine": OWN_CART_LINE,
    "checkout": SHOPPERS,
    "purchase": {**SHOPPERS, "api_key": "allow"},
    # a modification of A's license: B's owner finds no such license
    "addLicenseUpgradeToCart": {**SHOPPERS, "other_owner": "hidden"},
    "addMaintenanceToCart": {**SHOPPERS, "other_owner": "hidden"},
    # assignment is final: the reseller's own buyers (and their API keys), never the vendor
    "assignLicense": {**SHOPPERS, "api_key": "allow", "other_owner": "hidden"},
    "updateCatalogPrice": VENDOR,
    "updateMaintenancePolicy": VENDOR,
    # by card: A's owner and billing people (A's invoice is paid: "already paid"); B's owner
    # finds no such invoice; the vendor records transfers instead
    "payInvoice": dict.fromkeys(CALLERS, "deny")
    | {"owner": "allow", "billing": "allow", "other_owner": "hidden"},
    "recordPayment": VENDOR,
    "billingPeriods": VENDOR,
    "closeBillingPeriod": VENDOR,
    # whoever reads A's invoices; B's owner finds no such invoice
    "emailInvoice": {**INVOICE_READERS, "other_owner": "hidden"},
    # the same installation activating again: a fresh certificate, whoever sends it
    "activateLicense": ALL,
    # by id: who manages installations, within its scope (A's customer is not "customer")
    "deactivateInstallation": {
        **RESELLER_READERS,
        "anonymous": "deny",
        "billing": "deny",
        "viewer": "deny",
        "customer": "hidden",
        "other_owner": "hidden",
    },
}


CHANGES_NOTHING = {"requestPasswordReset"}  # for an address without a login
"""Mutations that, called as here, change no data."""

NOT_AUDITED = {
    "addNewLicenseToCart",
    "addLicenseUpgradeToCart",
    "addMaintenanceToCart",
    "updateCartLine",
    "removeCartLine",
}
"""A cart is a draft: its changes are not audited, the order it becomes is."""


def arguments(field: str, world: World) -> str:
    """The arguments each field is called with; they aim at reseller A's objects."""
    reseller_a = json.dumps(gid("Reseller", world.reseller_a.id))
    contact_a = json.dumps(gid("Employee", world.contact_a.id))
    invited_a = json.dumps(gid("Employee", world.invited_a.id))
    cart_line_a = json.dumps(gid("CartLine", world.cart_line_a))
    endpoint_a = json.dumps(gid("WebhookEndpoint", world.webhook_endpoint_a))
    delivery_a = json.dumps(gid("WebhookDelivery", world.webhook_delivery_a))
    table = {
        "node": f"(id: {reseller_a})",
        "product": '(code: "smartermail")',
        "employees": f"(resellerId: {reseller_a})",
        "mailingLists": f"(resellerId: {reseller_a})",
        "apiKeys": f"(resellerId: {reseller_a})",
        "auditEvents": f"(resellerId: {reseller_a})",
        "login": '(input: {email: "owner@a.example", password: "wrong password"})',
        "logout": "(input: {})",
        "setPassword": '(input: {token: "no such token", password: "a good password"})',
        "requestPasswordReset": '(input: {email: "nobody@nowhere.example"})',
        "changePassword": (
            '(input: {currentPassword: "demo-password", newPassword: "a brand new password"})'
        ),
        "createApiKey": f'(input: {{resellerId: {reseller_a}, name: "k", role: RESELLER_VIEWER}})',
        "revokeApiKey": f"(input: {{apiKeyId: {json.dumps(gid('ApiKey', world.api_key_a.id))}}})",
        "updateAccount": f'(input: {{resellerId: {reseller_a}, contactName: "New Name"}})',
        "webhookEndpoints": f"(resellerId: {reseller_a})",
        "webhookEndpoint": f"(id: {endpoint_a})",
        "createWebhookEndpoint": (
            f'(input: {{resellerId: {reseller_a}, url: "https://hooks.a.example/in", '
            "events: [ORDER_COMPLETED]})"
        ),
        "updateWebhookEndpoint": f'(input: {{endpointId: {endpoint_a}, description: "New"}})',
        "deleteWebhookEndpoint": f"(input: {{endpointId: {endpoint_a}}})",
        "rollWebhookSecret": f"(input: {{endpointId: {endpoint_a}}})",
        "sendTestWebhook": f"(input: {{endpointId: {endpoint_a}}})",
        "redeliverWebhookDelivery": f"(input: {{deliveryId: {delivery_a}}})",
        "addEmployee": f'(input: {{resellerId: {reseller_a}, name: "New", email: "n@a.example"}})',
        "updateEmployee": f'(input: {{employeeId: {contact_a}, jobTitle: "Chief"}})',
        "removeEmployee": f"(input: {{employeeId: {contact_a}}})",
        "resendInvitation": f"(input: {{employeeId: {invited_a}}})",
        "setMailingListSubscription": (
            f"(input: {{employeeId: {contact_a}, mailingList: PRODUCT_NEWS, subscribed: true}})"
        ),
        "createReseller": (
            '(input: {name: "New Partner", ownerEmail: "boss@new.example", ownerName: "Boss"})'
        ),
        "updateReseller": f'(input: {{resellerId: {reseller_a}, discountPercent: "25"}})',
        "license": f"(key: {json.dumps(world.license_key_a)})",
        "search": f"(query: {json.dumps(world.license_key_a)})",
        "orders": f"(resellerId: {reseller_a})",
        "invoices": f"(filter: {{resellerId: {reseller_a}}})",
        "payments": f"(filter: {{resellerId: {reseller_a}}})",
        "payInvoice": (
            f"(input: {{invoiceId: {json.dumps(gid('Invoice', world.invoice_a))}, "
            'paymentToken: "tok_success", idempotencyKey: "matrix-payment"})'
        ),
        "closeBillingPeriod": '(input: {period: "2026-09"})',
        "recordPayment": (
            f"(input: {{invoiceId: {json.dumps(gid('Invoice', world.invoice_a))}, "
            'amount: "1.00", reference: "matrix"})'
        ),
        "licenses": f"(filter: {{resellerId: {reseller_a}}})",
        "customers": f"(resellerId: {reseller_a})",
        "assignLicense": (
            f"(input: {{licenseKey: {json.dumps(world.license_key_a)}, "
            'email: "new@customer.example"})'
        ),
        "addNewLicenseToCart": (
            '(input: {productCode: "smartermail", editionCode: "free", tier: "250"})'
        ),
        "addLicenseUpgradeToCart": (
            f'(input: {{licenseKey: {json.dumps(world.license_key_a)}, editionCode: "enterprise"}})'
        ),
        "addMaintenanceToCart": f"(input: {{licenseKey: {json.dumps(world.license_key_a)}}})",
        "updateCartLine": f"(input: {{lineId: {cart_line_a}, quantity: 3}})",
        "removeCartLine": f"(input: {{lineId: {cart_line_a}}})",
        "checkout": (
            '(input: {paymentMethod: PAY_ON_ORDER, paymentToken: "tok_success", '
            'idempotencyKey: "matrix"})'
        ),
        "purchase": (
            '(input: {lines: [{productCode: "smartermail", editionCode: "professional", '
            'tier: "250"}], paymentMethod: PAY_ON_ORDER, paymentToken: "tok_success", '
            'idempotencyKey: "matrix"})'
        ),
        # a negative price: the vendor's call gets through to the price check
        "updateCatalogPrice": (
            '(input: {productCode: "smartermail", editionCode: "professional", tier: "250", '
            'price: "-1"})'
        ),
        "updateMaintenancePolicy": '(input: {renewalPercent: "45"})',
        "checkLicense": (
            f"(licenseKey: {json.dumps(world.activated_key_a)}, "
            f"fingerprint: {json.dumps(FINGERPRINT_A)})"
        ),
        "activateLicense": (
            f"(input: {{licenseKey: {json.dumps(world.activated_key_a)}, "
            f'fingerprint: {json.dumps(FINGERPRINT_A)}, hostname: "server.a.example"}})'
        ),
        "emailInvoice": (
            f"(input: {{invoiceId: {json.dumps(gid('Invoice', world.invoice_a))}, "
            'to: ["accounts@a.example"], message: "For the records"})'
        ),
        "deactivateInstallation": (
            f"(input: {{installationId: {json.dumps(gid('Installation', world.installation_a))}}})"
        ),
    }
    return table.get(field, "")


def selection(field_type: Any) -> str:
    named = get_named_type(field_type)
    if isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return ""
    if named.name.endswith("Connection"):
        return "{ edges { node { __typename ... on Node { id } } } }"
    if named.name.endswith("Payload"):
        return "{ __typename userErrors { code message field } }"
    if isinstance(named, GraphQLObjectType) and "Node" not in {i.name for i in named.interfaces}:
        return "{ __typename }"
    return "{ __typename ... on Node { id } }"


def root_fields(kind: str) -> dict[str, Any]:
    root = schema._schema.query_type if kind == "query" else schema._schema.mutation_type
    assert root is not None
    return dict(root.fields)


def operation(kind: str, field: str, world: World) -> str:
    field_type = root_fields(kind)[field].type
    return f"{kind} {{ {field}{arguments(field, world)} {selection(field_type)} }}"


def classify(body: dict[str, Any], field: str) -> str:
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code in ("UNAUTHENTICATED", "FORBIDDEN"):
            return "deny"
        raise AssertionError(f"unexpected error: {error}")
    result = (body.get("data") or {}).get(field)
    codes = (
        {e["code"] for e in (result or {}).get("userErrors", [])}
        if isinstance(result, dict)
        else set()
    )
    if "PERMISSION_DENIED" in codes:
        return "deny"
    if "NOT_FOUND" in codes:
        return "hidden"
    return "allow"


def test_every_root_field_has_an_expectation() -> None:
    fields = set(root_fields("query")) | set(root_fields("mutation"))
    assert fields - set(EXPECTED) == set(), "add the new fields to EXPECTED"
    assert set(EXPECTED) - fields == set(), "EXPECTED names fields the schema lacks"
    for field, expected in EXPECTED.items():
        assert set(expected) == set(CALLERS), field


@pytest.fixture
async def world(db: str) -> World:
    return await build_world()


@pytest.mark.parametrize("field", sorted(root_fields("query")))
async def test_query_access(client: httpx.AsyncClient, world: World, field: str) -> None:
    for caller in CALLERS:
        # when
        body = await world.call(client, caller, operation("query", field, world), {})

        # then
        assert classify(body, field) == EXPECTED[field][caller], (caller, body)
        if caller in ("anonymous", "customer", "other_owner") and field != "node":
            leaked = [i for i in world.ids_of_a() if i in json.dumps(body)]
            assert leaked == [], (caller, body)


@pytest.mark.parametrize(
    ("field", "caller"),
    [(field, caller) for field in sorted(root_fields("mutation")) for caller in CALLERS],
)
async def test_mutation_access(
    client: httpx.AsyncClient, world: World, field: str, caller: str
) -> None:
    before = await AuditEvent.all().count()

    # when
    body = await world.call(client, caller, operation("mutation", field, world), {})

    # then
    outcome = classify(body, field)
    assert outcome == EXPECTED[field][caller], body
    # and a change that went through is in the audit log, a refused one is not
    changed = outcome == "allow" and not body["data"][field]["userErrors"]  # type: ignore[index]
    audited = await AuditEvent.all().count() > before
    if (
        field in CHANGES_NOTHING
        or field in NOT_AUDITED
        or (field == "logout" and caller in ("anonymous", "api_key"))
    ):
        assert not audited, body
    else:
        assert audited == changed, body


async def test_node_of_reseller_a_is_null_for_outsiders(
    client: httpx.AsyncClient, world: World
) -> None:
    query = "query ($id: ID!) { node(id: $id) { id } }"
    for node_id in world.ids_of_a():
        for caller in ("anonymous", "customer", "other_owner"):
            body = await world.call(client, caller, query, {"id": node_id})
            assert body == {"data": {"node": None}}, (caller, node_id)


SHARED_NODE_TYPES = {"Product", "Edition", "Tier", "Addon"}
"""The catalog: the same for every signed-in caller, owned by no reseller."""
VENDOR_NODE_TYPES = {"BillingPeriod"}
"""The vendor's own records, owned by no reseller (``test_vendor_records_are_the_vendors``)."""


async def test_every_node_type_is_covered_by_the_cross_tenant_check(world: World) -> None:
    node_types = {
        name
        for name, gql_type in schema._schema.type_map.items()
        if isinstance(gql_type, GraphQLObjectType)
        and "Node" in {i.name for i in gql_type.interfaces}
    }
    covered = {relay.GlobalID.from_id(i).type_name for i in world.ids_of_a()}
    assert node_types - SHARED_NODE_TYPES - VENDOR_NODE_TYPES == covered, (
        "add the new Node type to World.ids_of_a"
    )


async def test_vendor_records_are_the_vendors(client: httpx.AsyncClient, world: World) -> None:
    closed = await world.call(
        client,
        "vendor_admin",
        'mutation { closeBillingPeriod(input: {period: "2026-09"}) { billingPeriod { id } } }',
        {},
    )
    period_id = closed["data"]["closeBillingPeriod"]["billingPeriod"]["id"]  # type: ignore[index]
    query = "query ($id: ID!) { node(id: $id) { id } }"
    for caller in CALLERS:
        body = await world.call(client, caller, query, {"id": period_id})
        expected = period_id if caller == "vendor_admin" else None
        assert body == {"data": {"node": {"id": expected} if expected else None}}, caller


async def test_insiders_do_see_reseller_a_by_node_id(
    client: httpx.AsyncClient, world: World
) -> None:
    """The other side of the cross-tenant check: the ids are real and reachable."""
    query = "query ($id: ID!) { node(id: $id) { id } }"
    for node_id in world.ids_of_a():
        body = await world.call(client, "vendor_admin", query, {"id": node_id})
        assert body == {"data": {"node": {"id": node_id}}}


async def test_an_id_beyond_the_column_is_null_not_an_error(
    client: httpx.AsyncClient, world: World
) -> None:
    query = "query ($id: ID!) { node(id: $id) { id } }"
    for type_name in ("Order", "License", "Invoice", "Reseller", "AuditEvent"):
        body = await world.call(client, "vendor_admin", query, {"id": gid(type_name, 2**40)})
        assert body == {"data": {"node": None}}, type_name
