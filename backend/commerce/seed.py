"""Demo orders: a few licenses and invoices for the sample resellers, bought through checkout.

Each demo order has its own idempotency key, so seeding again finds it and buys nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from backend.commerce.cart import NewLicenseRequest
from backend.commerce.checkout import Payment, purchase
from backend.commerce.models import IdempotencyRecord, PaymentMethod
from backend.identity.models import User
from backend.identity.sessions import actor_for
from backend.payments.gateway import SandboxGateway


@dataclass(frozen=True, slots=True)
class DemoOrder:
    buyer: str
    key: str
    payment: Payment
    lines: tuple[NewLicenseRequest, ...]


DEMO_ORDERS = (
    DemoOrder(
        buyer="owner@reseller.example",
        key="demo-order-1",
        payment=Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        lines=(
            NewLicenseRequest(
                "smartermail", "enterprise", "1000", ("activesync", "cyren-antispam"), 2
            ),
            NewLicenseRequest("smarterstats", "professional", "250", personal=True),
        ),
    ),
    DemoOrder(
        buyer="purchaser@reseller.example",
        key="demo-order-2",
        payment=Payment(PaymentMethod.INVOICE),
        lines=(NewLicenseRequest("smartertrack", "professional", "5", quantity=3),),
    ),
    DemoOrder(
        buyer="owner@second-reseller.example",
        key="demo-order-1",
        payment=Payment(PaymentMethod.INVOICE),
        lines=(NewLicenseRequest("smartermail", "professional", "250", quantity=2),),
    ),
)


async def seed_demo_orders() -> None:
    """Place the demo orders that are not there yet (each in its own checkout transaction)."""
    gateway = SandboxGateway()
    for demo in DEMO_ORDERS:
        buyer = await User.get_or_none(email=demo.buyer)
        if buyer is None or buyer.reseller_id is None:
            continue
        if await IdempotencyRecord.exists(reseller_id=buyer.reseller_id, key=demo.key):
            continue
        await purchase(
            actor=actor_for(buyer),
            lines=demo.lines,
            payment=demo.payment,
            idempotency_key=demo.key,
            gateway=gateway,
        )
