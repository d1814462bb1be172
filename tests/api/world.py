"""Two reseller accounts and one caller of every kind, for authorization tests.

Reseller A holds the objects the tests aim at; reseller B's owner is "another reseller's owner".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from strawberry import relay

from backend.accounts.models import Employee, Reseller
from backend.audit.services import record
from backend.billing.models import Payment
from backend.catalog.seed import seed_catalog
from backend.commerce import cart, checkout
from backend.commerce.models import CartLine, PaymentMethod
from backend.identity.actor import Actor
from backend.identity.api_keys import create_api_key
from backend.identity.models import ApiKey, User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for, start_session
from backend.licensing.activation import activate
from backend.licensing.models import License
from backend.licensing.signing import SigningKey
from backend.notifications.outbox import enqueue_email
from backend.payments.gateway import SandboxGateway
from backend.webhooks import services as webhook_services
from tests.conftest import without_cost
from tests.identity.factories import make_reseller, make_user

CALLERS = (
    "anonymous",
    "vendor_admin",
    "owner",
    "purchaser",
    "billing",
    "viewer",
    "customer",
    "api_key",
    "other_owner",
)


CUSTOMER_A = "pat@customer-of-a.example"
FINGERPRINT_A = "server-of-a-fingerprint"


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


@dataclass
class World:
    reseller_a: Reseller
    reseller_b: Reseller
    owner_a: User
    contact_a: Employee
    invited_a: Employee
    api_key_a: ApiKey
    audit_event_a: int
    email_a: int
    order_a: int
    invoice_a: int
    payment_a: int
    """The card payment of A's order."""
    license_a: int
    license_key_a: str
    cart_line_a: int
    customer_a: int
    """A customer of reseller A: a license of A's order is assigned to it."""
    installation_a: int
    """The installation where ``CUSTOMER_A``'s license is active, by ``FINGERPRINT_A``."""
    activated_key_a: str
    webhook_endpoint_a: int
    webhook_delivery_a: int
    """A test delivery to A's webhook endpoint."""
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def ids_of_a(self) -> list[str]:
        """Global ids of reseller A's objects: none may reach another reseller."""
        return [
            gid("Reseller", self.reseller_a.id),
            gid("Employee", self.contact_a.id),
            gid("ApiKey", self.api_key_a.id),
            gid("AuditEvent", self.audit_event_a),
            gid("EmailMessage", self.email_a),
            gid("Order", self.order_a),
            gid("Invoice", self.invoice_a),
            gid("Payment", self.payment_a),
            gid("License", self.license_a),
            gid("Customer", self.customer_a),
            gid("Installation", self.installation_a),
            gid("WebhookEndpoint", self.webhook_endpoint_a),
            gid("WebhookDelivery", self.webhook_delivery_a),
        ]

    async def call(
        self, client: httpx.AsyncClient, caller: str, query: str, variables: dict[str, object]
    ) -> dict[str, object]:
        response = await client.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers=self.headers[caller],
        )
        assert response.status_code == 200, response.text
        body: dict[str, object] = response.json()
        return without_cost(body)


async def _session_headers(user: User) -> dict[str, str]:
    new = await start_session(user, ip_address="127.0.0.1", user_agent="tests")
    return {"Cookie": f"pp_session={new.token}"}


A_BILLING = {
    "address_line1": "1 Main Street",
    "city": "Springfield",
    "country": "US",
    "billing_email": "billing@a.example",
}


async def _buy_for_a(owner: Actor) -> tuple[checkout.Placed, CartLine]:
    """An order of reseller A (with its invoice, an unassigned license and one assigned to
    ``CUSTOMER_A``) and a line in the owner's cart."""
    new_license = cart.NewLicenseRequest("smartermail", "professional", "250")
    for_customer = replace(new_license, assign_to_email=CUSTOMER_A)
    placed = await checkout.purchase(
        actor=owner,
        lines=[new_license, for_customer],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key="world-order",
        gateway=SandboxGateway(),
        public_url="http://testserver",
    )
    line = await cart.add_new_license(actor=owner, request=new_license)
    return placed, line


async def _webhooks_of_a(owner: Actor) -> dict[str, int]:
    """A's webhook endpoint and a test delivery to it."""
    endpoint, _ = await webhook_services.create_endpoint(
        actor=owner,
        reseller_id=None,
        url="https://hooks.a.example/in",
        events=["order.completed"],
        description="",
        secret_key="world-secret-key-" * 3,
        allow_http=False,
    )
    delivery = await webhook_services.send_test(actor=owner, endpoint_id=endpoint.id)
    return {"webhook_endpoint_a": endpoint.id, "webhook_delivery_a": delivery.id}


async def build_world() -> World:
    await seed_catalog()
    reseller_a = await make_reseller("Reseller A", **A_BILLING)
    reseller_b = await make_reseller("Reseller B", **{**A_BILLING, "billing_email": "b@b.example"})
    owner_a = await make_user(Role.RESELLER_OWNER, reseller_a, email="owner@a.example")
    users = {
        "vendor_admin": await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example"),
        "owner": owner_a,
        "purchaser": await make_user(Role.RESELLER_PURCHASER, reseller_a, email="buyer@a.example"),
        "billing": await make_user(Role.RESELLER_BILLING, reseller_a, email="billing@a.example"),
        "viewer": await make_user(Role.RESELLER_VIEWER, reseller_a, email="viewer@a.example"),
        "customer": await make_user(Role.CUSTOMER, email="customer@c.example"),
        "other_owner": await make_user(Role.RESELLER_OWNER, reseller_b, email="owner@b.example"),
    }
    contact_a = await Employee.create(reseller=reseller_a, name="Carla A", email="carla@a.example")
    invited = await make_user(
        Role.RESELLER_VIEWER, reseller_a, email="invited@a.example", password=None
    )
    invited_a = await Employee.get(user_id=invited.id)
    owner_actor: Actor = actor_for(owner_a)
    api_key_a, secret = await create_api_key(
        actor=owner_actor, reseller_id=reseller_a.id, name="Shop A", role=Role.RESELLER_PURCHASER
    )
    event = await record(owner_actor, "test.event", reseller_id=reseller_a.id)
    placed, cart_line = await _buy_for_a(owner_actor)
    assigned = await License.get(order_id=placed.order.id, customer_id__isnull=False)
    activated = await activate(
        actor=Actor(ip_address="192.0.2.10"),
        key=assigned.key,
        fingerprint=FINGERPRINT_A,
        hostname="server.a.example",
        signing_key=SigningKey.of(Ed25519PrivateKey.generate()),
    )
    email = await enqueue_email(
        template="password_changed",
        to=["owner@a.example"],
        reseller_id=reseller_a.id,
        context={"name": "Owner A"},
    )
    world = World(
        reseller_a=reseller_a,
        reseller_b=reseller_b,
        owner_a=owner_a,
        contact_a=contact_a,
        invited_a=invited_a,
        api_key_a=api_key_a,
        audit_event_a=event.id,
        email_a=email.id,
        order_a=placed.order.id,
        invoice_a=placed.invoice.id,
        payment_a=(await Payment.get(invoice_id=placed.invoice.id)).id,
        license_a=placed.licenses[0].id,
        license_key_a=placed.licenses[0].key,
        cart_line_a=cart_line.id,
        customer_a=(await User.get(email=CUSTOMER_A)).id,
        installation_a=activated.installation.id,
        activated_key_a=assigned.key,
        **await _webhooks_of_a(owner_actor),
    )
    world.headers["anonymous"] = {}
    world.headers["api_key"] = {"Authorization": f"Bearer {secret}"}
    for caller, user in users.items():
        world.headers[caller] = await _session_headers(user)
    return world
