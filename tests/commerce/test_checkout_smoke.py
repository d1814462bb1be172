from __future__ import annotations

from backend.billing.models import Invoice, InvoiceStatus
from backend.commerce import cart, checkout
from backend.commerce.models import CartLine, PaymentMethod
from backend.licensing.models import License
from tests.commerce.conftest import Shop


async def test_checkout_on_invoice(shop: Shop) -> None:
    await cart.add_new_license(
        actor=shop.actor,
        request=cart.NewLicenseRequest(
            "smartermail", "enterprise", "250", ("activesync",), quantity=2
        ),
    )
    priced = await cart.load_cart(actor=shop.actor)
    placed = await checkout.checkout(
        actor=shop.actor,
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key="k1",
        gateway=shop.gateway,
    )
    assert placed.order.total_cents == priced.totals.total
    assert placed.invoice.status is InvoiceStatus.PENDING_SUMMARY
    assert placed.invoice.number.startswith("INV-")
    assert len(placed.licenses) == 2
    assert await CartLine.all().count() == 0
    assert await License.all().count() == 2
    again = await checkout.checkout(
        actor=shop.actor,
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key="k1",
        gateway=shop.gateway,
    )
    assert again.replayed and again.order.id == placed.order.id
    assert await Invoice.all().count() == 1
