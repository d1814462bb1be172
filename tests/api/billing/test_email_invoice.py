"""``emailInvoice``: the invoice's PDF emailed to the addresses given, each bad one reported at its
place, and only for the caller's own invoices."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from pypdf import PdfReader
from strawberry import relay

from backend.audit.models import AuditEvent
from backend.commerce import checkout
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import PaymentMethod
from backend.identity.actor import Actor
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.notifications.models import OutboxMessage
from backend.notifications.outbox import materialize
from backend.payments.gateway import SandboxGateway
from backend.settings import Settings
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user

EMAIL_INVOICE = """
mutation ($input: EmailInvoiceInput!) {
  emailInvoice(input: $input) {
    invoice { number }
    sentTo
    userErrors { code message field }
  }
}
"""
STATS = NewLicenseRequest("smarterstats", "professional", "50")


async def invoiced(actor: Actor, key: str = "to-email") -> checkout.Placed:
    return await checkout.purchase(
        actor=actor,
        lines=[STATS],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key=key,
        gateway=SandboxGateway(),
    )


def gid(invoice_id: int) -> str:
    return str(relay.GlobalID("Invoice", str(invoice_id)))


async def email_invoice(client: httpx.AsyncClient, **given: Any) -> Any:
    body: Any = await graphql(client, EMAIL_INVOICE, {"input": given})
    assert "errors" not in body, body
    return body["data"]["emailInvoice"]


async def sent() -> list[OutboxMessage]:
    return list(await OutboxMessage.filter(template="invoice_email").order_by("id"))


async def test_the_invoice_is_emailed_with_its_pdf_to_each_address_once(
    billing: httpx.AsyncClient, shop: Shop, settings: Settings
) -> None:
    # given
    placed = await invoiced(shop.actor)

    # when
    result = await email_invoice(
        billing,
        invoiceId=gid(placed.invoice.id),
        to=["Accounts@Customer.example", " cfo@customer.example ", "accounts@customer.example"],
        message="  The May renewals, as discussed.  ",
    )

    # then
    assert result == {
        "invoice": {"number": placed.invoice.number},
        "sentTo": ["accounts@customer.example", "cfo@customer.example"],
        "userErrors": [],
    }
    [message] = await sent()
    assert message.recipients == ["accounts@customer.example", "cfo@customer.example"]
    assert message.reseller_id == shop.reseller.id
    assert message.subject == f"Invoice {placed.invoice.number} from Acme Hosting"
    assert "The May renewals, as discussed." in message.text_body
    [attachment] = await materialize(message.attachments, settings)  # as the mail worker sends it
    assert attachment.filename == f"{placed.invoice.number}.pdf"
    assert attachment.content_type == "application/pdf"
    pdf = PdfReader(io.BytesIO(attachment.content))
    assert placed.invoice.number in pdf.pages[0].extract_text()
    [event] = await AuditEvent.filter(action="invoice.emailed")
    assert event.target_label == placed.invoice.number
    assert event.changes == {
        "to": [None, ["accounts@customer.example", "cfo@customer.example"]],
        "message": [None, True],
    }


async def test_each_bad_address_is_reported_at_its_place_and_nothing_is_sent(
    billing: httpx.AsyncClient, shop: Shop
) -> None:
    # given
    placed = await invoiced(shop.actor)

    # when
    result = await email_invoice(
        billing,
        invoiceId=gid(placed.invoice.id),
        to=["good@customer.example", "not an address", "", "eve@example.com\r\nBcc: x@y.example"],
        message="x" * 1001,
    )

    # then
    assert result["invoice"] is None
    assert result["sentTo"] == []
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [
        ("INVALID", ["input", "to", "1"]),
        ("REQUIRED", ["input", "to", "2"]),
        ("INVALID", ["input", "to", "3"]),
        ("INVALID", ["input", "message"]),
    ]
    assert await sent() == []
    assert not await AuditEvent.exists(action="invoice.emailed")


@pytest.mark.parametrize(
    ("to", "code"),
    [
        pytest.param([], "REQUIRED", id="nobody"),
        pytest.param([f"a{n}@customer.example" for n in range(11)], "INVALID", id="eleven"),
    ],
)
async def test_one_to_ten_addresses(
    billing: httpx.AsyncClient, shop: Shop, to: list[str], code: str
) -> None:
    placed = await invoiced(shop.actor)

    result = await email_invoice(billing, invoiceId=gid(placed.invoice.id), to=to)

    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [(code, ["input", "to"])]
    assert await sent() == []


async def test_ten_addresses_are_fine(billing: httpx.AsyncClient, shop: Shop) -> None:
    placed = await invoiced(shop.actor)
    to = [f"a{n}@customer.example" for n in range(10)]

    result = await email_invoice(billing, invoiceId=gid(placed.invoice.id), to=to)

    assert result["sentTo"] == to
    [message] = await sent()
    assert message.recipients == to


@pytest.mark.parametrize("which", ["another reseller's", "an order's id", "malformed"])
async def test_another_resellers_invoice_is_not_found(
    billing: httpx.AsyncClient, shop: Shop, which: str
) -> None:
    # given
    other = await make_reseller(
        "Other Hosting",
        may_pay_by_invoice=True,
        address_line1="2 Side St",
        city="Shelbyville",
        country="US",
        billing_email="billing@other.example",
    )
    theirs = await invoiced(actor_for(await make_user(Role.RESELLER_OWNER, other)), "theirs")
    invoice_id = {
        "another reseller's": gid(theirs.invoice.id),
        "an order's id": str(relay.GlobalID("Order", str(theirs.order.id))),
        "malformed": "not-an-id",
    }[which]

    # when
    result = await email_invoice(billing, invoiceId=invoice_id, to=["me@customer.example"])

    # then
    assert result["invoice"] is None
    assert [(e["code"], e["message"], e["field"]) for e in result["userErrors"]] == [
        ("NOT_FOUND", "No such invoice.", ["input", "invoiceId"])
    ]
    assert await sent() == []
