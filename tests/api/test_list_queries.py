"""Every list the UI shows costs a fixed number of SQL queries, however long it is."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backend.accounts.models import Employee, MailingList, MailingListSubscription, Reseller
from backend.audit.services import record
from backend.billing.closing import close_period
from backend.billing.models import BillingPeriod
from backend.billing.periods import Period
from backend.catalog.models import Product
from backend.catalog.seed import seed_catalog
from backend.commerce import cart, checkout
from backend.commerce.models import Order, PaymentMethod
from backend.identity.actor import Actor
from backend.identity.api_keys import create_api_key
from backend.identity.models import User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing import activation
from backend.licensing.signing import SigningKey
from backend.notifications.outbox import enqueue_email
from backend.payments.gateway import SandboxGateway
from backend.webhooks import services as webhooks
from backend.webhooks.models import WebhookAttempt, WebhookEndpoint
from tests.billing.invoicing import make_pending_invoices
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in

pytestmark = pytest.mark.usefixtures("db")

Grow = Callable[[User, int], Awaitable[None]]


async def grow_employees(owner: User, n: int) -> None:
    for i in range(n):
        user = await make_user(Role.RESELLER_VIEWER, await owner.reseller)  # type: ignore[misc]
        employee = await Employee.get(user_id=user.id)
        await MailingListSubscription.create(
            reseller_id=owner.reseller_id,
            employee=employee,
            mailing_list=list(MailingList)[i % 3],
        )


async def grow_webhook_endpoints(owner: User, n: int) -> None:
    for i in range(n):
        await webhooks.create_endpoint(
            actor=actor_for(owner),
            reseller_id=None,
            url=f"https://hooks.example.com/{i}",
            events=["order.completed"],
            description=f"Hook {i}",
            secret_key="k" * 32,
            allow_http=False,
        )


async def grow_webhook_endpoints_with_deliveries(owner: User, n: int) -> None:
    """n endpoints, each with two test deliveries."""
    before = set(
        await WebhookEndpoint.filter(reseller_id=owner.reseller_id).values_list("id", flat=True)
    )
    await grow_webhook_endpoints(owner, n)
    for endpoint in await WebhookEndpoint.filter(reseller_id=owner.reseller_id).exclude(
        id__in=list(before)
    ):
        for _ in range(2):
            await webhooks.send_test(actor=actor_for(owner), endpoint_id=endpoint.id)


async def grow_webhook_deliveries(owner: User, n: int) -> None:
    """n test deliveries, each with an attempt, to each of the account's endpoints (one made
    on the first call)."""
    if not await WebhookEndpoint.filter(reseller_id=owner.reseller_id).exists():
        await grow_webhook_endpoints(owner, 2)
    for endpoint in await WebhookEndpoint.filter(reseller_id=owner.reseller_id):
        for _ in range(n):
            delivery = await webhooks.send_test(actor=actor_for(owner), endpoint_id=endpoint.id)
            await WebhookAttempt.create(
                delivery=delivery, at=delivery.created_at, status_code=500, duration_ms=3
            )


async def grow_api_keys(owner: User, n: int) -> None:
    for i in range(n):
        await create_api_key(
            actor=actor_for(owner),
            reseller_id=owner.reseller_id,
            name=f"Key {i}",
            role=Role.RESELLER_VIEWER,
        )


async def grow_audit(owner: User, n: int) -> None:
    for i in range(n):
        await record(
            actor_for(owner),
            "test.event",
            reseller_id=owner.reseller_id,
            target=owner,
            changes={"n": [i, i + 1]},
        )


async def grow_resellers(owner: User, n: int) -> None:
    for _ in range(n):
        reseller = await make_reseller()
        await make_user(Role.RESELLER_OWNER, reseller)


async def grow_emails(owner: User, n: int) -> None:
    for _ in range(n):
        await enqueue_email(
            template="password_changed",
            to=[owner.email],
            reseller_id=owner.reseller_id,
            context={"name": "O"},
        )


async def grow_orders(owner: User, n: int) -> None:
    """``n`` orders, alternately paid and invoiced, of two lines with add-ons."""
    if not await Product.exists():
        await seed_catalog()
    reseller = await Reseller.get(id=owner.reseller_id)
    if not reseller.address_line1:
        await reseller.update_from_dict(BILLING).save()
    for i in range(n):
        await checkout.purchase(
            actor=actor_for(owner),
            lines=[
                cart.NewLicenseRequest("smartermail", "enterprise", "250", ("activesync",), 2),
                cart.NewLicenseRequest("smartertrack", "professional", "5"),
            ],
            payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
            idempotency_key=f"grow-{await Order.all().count()}-{i}",
            gateway=SandboxGateway(),
        )


async def grow_activations(owner: User, n: int) -> None:
    """``n`` personal licenses, each activated on one server after another."""
    if not await Product.exists():
        await seed_catalog()
    reseller = await Reseller.get(id=owner.reseller_id)
    if not reseller.address_line1:
        await reseller.update_from_dict(BILLING).save()
    placed = await checkout.purchase(
        actor=actor_for(owner),
        lines=[
            cart.NewLicenseRequest(
                "smartermail", "enterprise", "250", ("activesync",), n, personal=True
            )
        ],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key=f"grow-activations-{await Order.all().count()}",
        gateway=SandboxGateway(),
    )
    server = Actor(ip_address="192.0.2.1")
    key = SigningKey.of(Ed25519PrivateKey.generate())
    for license in placed.licenses:
        for fingerprint in ("first-server", "second-server"):
            await activation.activate(
                actor=server,
                key=license.key,
                fingerprint=fingerprint,
                hostname="h",
                signing_key=key,
            )
            if fingerprint == "first-server":
                await activation.deactivate(actor=server, key=license.key, fingerprint=fingerprint)


async def grow_customers(owner: User, n: int) -> None:
    """``n`` new customers, each assigned two licenses of one order at checkout."""
    if not await Product.exists():
        await seed_catalog()
    reseller = await Reseller.get(id=owner.reseller_id)
    if not reseller.address_line1:
        await reseller.update_from_dict(BILLING).save()
    known = await User.filter(role=Role.CUSTOMER).count()
    await checkout.purchase(
        actor=actor_for(owner),
        lines=[
            cart.NewLicenseRequest(
                "smartermail" if i % 2 else "smarterstats",
                "enterprise",
                "250",
                quantity=2,
                assign_to_email=f"customer{known + i}@customer.example",
            )
            for i in range(n)
        ],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key=f"customers-{known}",
        gateway=SandboxGateway(),
        public_url="http://testserver",
    )


async def grow_modifications(owner: User, n: int) -> None:
    """``n`` licenses, each with an upgrade and M&S in the owner's cart."""
    if not await Product.exists():
        await seed_catalog()
    reseller = await Reseller.get(id=owner.reseller_id)
    if not reseller.address_line1:
        await reseller.update_from_dict(BILLING).save()
    placed = await checkout.purchase(
        actor=actor_for(owner),
        lines=[
            cart.NewLicenseRequest("smartermail", "professional", "250", ("cyren-antispam",), n)
        ],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key=f"grow-modifications-{await Order.all().count()}",
        gateway=SandboxGateway(),
    )
    for license in placed.licenses:
        await cart.add_license_upgrade(
            actor=actor_for(owner), request=cart.LicenseUpgradeRequest(license.key, "enterprise")
        )
        await cart.add_maintenance(
            actor=actor_for(owner), request=cart.MaintenanceRequest(license.key)
        )


async def grow_cart(owner: User, n: int) -> None:
    if not await Product.exists():
        await seed_catalog()
    for i in range(n):
        await cart.add_new_license(
            actor=actor_for(owner),
            request=cart.NewLicenseRequest(
                "smartermail", "enterprise", "250", ("activesync",), quantity=i % 100 + 1
            ),
        )


async def grow_billing_periods(owner: User, n: int) -> None:
    """``n`` more closed months, each with a summary of one invoice of the owner's account."""
    reseller = await Reseller.get(id=owner.reseller_id)
    start = await BillingPeriod.all().count()
    for month in range(start, start + n):
        period = Period(2020 + month // 12, month % 12 + 1)
        await make_pending_invoices([reseller], 1, start=period.start, span=timedelta(days=1))
        await close_period(
            period,
            actor=Actor(role=Role.VENDOR_ADMIN, label="lists"),
            public_url="http://testserver",
            as_of=period.end,
        )


BILLING = {
    "address_line1": "1 Main Street",
    "city": "Springfield",
    "country": "US",
    "billing_email": "billing@acme.example",
}

LICENSE_FIELDS = (
    "id key status personal reseller { name } product { code name } edition { name } tier { name } "
    "addons { code name } maintenanceExpiresAt maintenanceStatus revision order { number } "
    'maintenanceOffer { kind price { amount } } upgradeQuote(editionCode: "enterprise") '
    "{ price { amount } userErrors { code } }"
)

EMPLOYEE_FIELDS = "id name role loginStatus lastLoginAt mailingLists isViewer"
RESELLER_FIELDS = "id name discountPercent ownerEmail status"
ORDER_FIELDS = (
    "id number reseller { name } total { amount } billing { name } "
    "lines { description product { name } edition { name } tier { name } addons { name } "
    "total { amount } } invoice { number status lines { description } } "
    f"licenses {{ {LICENSE_FIELDS} }}"
)
INVOICE_FIELDS = (
    "id number reseller { name } status total { amount } amountDue { amount } "
    "notes lines { description total { amount } } order { number } summaryInvoice { number } "
    "summarizedInvoices { number }"
)
PAYMENT_FIELDS = (
    "id kind amount { amount } gateway reference receivedAt "
    "recordedBy reseller { name } invoice { number status payments { reference } }"
)
CUSTOMER_FIELDS = (
    "id email name licenseCount products { code name } firstAssignedAt lastAssignedAt "
    "licenses { edges { node { key product { name } customer { email } } } }"
)

LISTS: dict[str, tuple[Role, str, Grow]] = {
    "employees": (
        Role.RESELLER_OWNER,
        f"{{ employees {{ edges {{ node {{ {EMPLOYEE_FIELDS} }} }} }} }}",
        grow_employees,
    ),
    "mailingLists": (
        Role.RESELLER_OWNER,
        "{ mailingLists { code subscribed subscribers { name role mailingLists } } }",
        grow_employees,
    ),
    "apiKeys": (
        Role.RESELLER_OWNER,
        "{ apiKeys { edges { node { id name role createdBy lastUsedAt active } } } }",
        grow_api_keys,
    ),
    "auditEvents": (
        Role.RESELLER_OWNER,
        "{ auditEvents { edges { node { id action actor reseller { name } "
        "changes { field oldValue newValue } } } } }",
        grow_audit,
    ),
    "billingPeriods": (
        Role.VENDOR_ADMIN,
        "{ billingPeriods { edges { node { id period closedAt closedBy summaryCount "
        "invoiceCount total { amount } } } } }",
        grow_billing_periods,
    ),
    "resellers": (
        Role.VENDOR_ADMIN,
        f"{{ resellers {{ edges {{ node {{ {RESELLER_FIELDS} }} }} }} }}",
        grow_resellers,
    ),
    "orders": (
        Role.RESELLER_OWNER,
        f"{{ orders {{ edges {{ node {{ {ORDER_FIELDS} }} }} }} }}",
        grow_orders,
    ),
    "invoices": (
        Role.RESELLER_OWNER,
        f"{{ invoices {{ edges {{ node {{ {INVOICE_FIELDS} }} }} }} }}",
        grow_orders,
    ),
    "payments": (
        Role.RESELLER_OWNER,
        f"{{ payments {{ edges {{ node {{ {PAYMENT_FIELDS} }} }} }} }}",
        grow_orders,
    ),
    "licenses": (
        Role.RESELLER_OWNER,
        f"{{ licenses {{ edges {{ node {{ {LICENSE_FIELDS} }} }} }} }}",
        grow_orders,
    ),
    "license activations": (
        Role.RESELLER_OWNER,
        "{ licenses { edges { node { key soldBy reactivationRequired "
        "activeInstallation { hostname reactivationRequired license { key } } "
        "activations { fingerprint active lastCheckedAt reactivationRequired } } } } }",
        grow_activations,
    ),
    "cart": (
        Role.RESELLER_OWNER,
        "{ cart { lines { id description product { name } edition { name } tier { name } "
        "addons { name } quantity unitPrice { amount } total { amount } } total { amount } } }",
        grow_cart,
    ),
    "cart (modifications)": (
        Role.RESELLER_OWNER,
        "{ cart { lines { id kind years problem description unitPrice { amount } "
        "license { key revision maintenanceOffer { price { amount } } } } total { amount } } }",
        grow_modifications,
    ),
    "customers": (
        Role.RESELLER_OWNER,
        f"{{ customers {{ edges {{ node {{ {CUSTOMER_FIELDS} }} }} }} }}",
        grow_customers,
    ),
    "webhook endpoints": (
        Role.RESELLER_OWNER,
        "{ webhookEndpoints { edges { node { id url description events enabled createdAt "
        "createdBy lastDelivery { status lastStatusCode lastError createdAt } "
        "deliveryCounts { pending succeeded failed } } } } }",
        grow_webhook_endpoints_with_deliveries,
    ),
    "webhook deliveries": (
        Role.RESELLER_OWNER,
        "{ webhookEndpoints { edges { node { deliveries { edges { node { id status attempts "
        "lastStatusCode lastError createdAt nextAttemptAt deliveredAt "
        "event { eventId type occurredAt payload } "
        "attemptLog { at statusCode error durationMs } endpoint { url } } } } } } } }",
        grow_webhook_deliveries,
    ),
    "emails": (
        Role.VENDOR_ADMIN,
        "{ emails { edges { node { id to subject status attempts } } } }",
        grow_emails,
    ),
}


@pytest.mark.parametrize("name", sorted(LISTS))
async def test_a_list_costs_the_same_queries_at_any_length(
    client: httpx.AsyncClient, count_queries: Callable[..., object], name: str
) -> None:
    role, query, grow = LISTS[name]
    reseller = await Reseller.create(name="Acme")
    owner = await make_user(Role.RESELLER_OWNER, reseller)
    viewer = owner if role is Role.RESELLER_OWNER else await make_user(role)
    await sign_in(client, viewer)

    await grow(owner, 1)
    with count_queries() as short:  # type: ignore[attr-defined]
        short_body = await graphql(client, query)
    await grow(owner, 12)
    with count_queries() as long:  # type: ignore[attr-defined]
        long_body = await graphql(client, query)

    assert "errors" not in short_body and "errors" not in long_body, long_body
    assert len(str(long_body)) > len(str(short_body))
    assert short.count == long.count, long.statements


SORTED: dict[str, tuple[Role, str, str, Grow]] = {
    "licenses": (
        Role.RESELLER_OWNER,
        "licenses",
        "orderBy: {field: MAINTENANCE_EXPIRES_AT, direction: ASC}",
        LICENSE_FIELDS,
        grow_orders,
    ),
    "customers": (
        Role.RESELLER_OWNER,
        "customers",
        "orderBy: {field: NAME, direction: DESC}",
        CUSTOMER_FIELDS,
        grow_customers,
    ),
    "invoices": (
        Role.RESELLER_OWNER,
        "invoices",
        "orderBy: {field: TOTAL, direction: DESC}",
        INVOICE_FIELDS,
        grow_orders,
    ),
    "orders": (
        Role.RESELLER_OWNER,
        "orders",
        "orderBy: {field: NUMBER}",
        ORDER_FIELDS,
        grow_orders,
    ),
    "payments": (
        Role.RESELLER_OWNER,
        "payments",
        "orderBy: {field: AMOUNT, direction: ASC}",
        PAYMENT_FIELDS,
        grow_orders,
    ),
    "employees": (
        Role.RESELLER_OWNER,
        "employees",
        "orderBy: {field: CREATED_AT, direction: DESC}",
        EMPLOYEE_FIELDS,
        grow_employees,
    ),
    "resellers": (
        Role.VENDOR_ADMIN,
        "resellers",
        "orderBy: {field: DISCOUNT, direction: ASC}",
        RESELLER_FIELDS,
        grow_resellers,
    ),
}


@pytest.mark.parametrize("backward", [False, True], ids=["forward", "backward"])
@pytest.mark.parametrize("name", sorted(SORTED))
async def test_a_sorted_page_costs_the_same_queries_at_any_length(
    client: httpx.AsyncClient, count_queries: Callable[..., object], name: str, backward: bool
) -> None:
    """A sorted page forward (``first``), or backward (``last`` before the list's last row)."""
    role, field, order_by, fields = SORTED[name][:4]
    grow = SORTED[name][4]
    if backward:
        header, paging = "($before: String)", "last: 50, before: $before"
    else:
        header, paging = "", "first: 50"
    query = (
        f"query {header} {{ {field}({order_by}, {paging}) {{ edges {{ node {{ {fields} }} }} }} }}"
    )
    anchor = f"{{ {field}({order_by}, last: 1) {{ pageInfo {{ startCursor }} }} }}"
    reseller = await Reseller.create(name="Acme")
    owner = await make_user(Role.RESELLER_OWNER, reseller)
    viewer = owner if role is Role.RESELLER_OWNER else await make_user(role)
    await sign_in(client, viewer)

    async def page() -> tuple[dict[str, object], object]:
        body: Any = await graphql(client, anchor)
        variables = {"before": body["data"][field]["pageInfo"]["startCursor"]}
        with count_queries() as log:  # type: ignore[attr-defined]
            return await graphql(client, query, variables if backward else {}), log

    await grow(owner, 2)
    short_body, short = await page()
    await grow(owner, 12)
    long_body, long = await page()

    assert "errors" not in short_body and "errors" not in long_body, long_body
    assert len(str(long_body)) > len(str(short_body))
    assert short.count == long.count, long.statements  # type: ignore[attr-defined]
