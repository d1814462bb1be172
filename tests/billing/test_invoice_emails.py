"""Invoices by email: the notice of an order's invoice queued at checkout, the summary's notice,
each as the account's notification choices say, and an emailed invoice delivered to a real SMTP
server (aiosmtpd) with its PDF."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader

from backend.billing import emails
from backend.billing.documents import page_path
from backend.billing.models import SUMMARY_NOTE, Invoice, InvoiceKind, InvoiceStatus
from backend.commerce import checkout
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import PaymentMethod
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.notifications.models import OutboxMessage
from backend.notifications.outbox import Attachment, materialize
from backend.notifications.worker import MailWorker
from backend.settings import Settings
from tests.commerce import conftest as commerce
from tests.commerce.conftest import Shop
from tests.identity.factories import make_user
from tests.notifications import conftest as notifications
from tests.notifications.conftest import SmtpServer

shop = commerce.shop  # the commerce tests' fixtures: a catalog and a reseller with a purchaser
smtp_server = notifications.smtp_server  # and a real SMTP server
smtp_server_down = notifications.smtp_server_down

PUBLIC_URL = "https://partners.example.com"
STATS = NewLicenseRequest("smarterstats", "professional", "50")
MAIL_FROM = "Partner Portal <portal@vendor.example>"


async def buy(shop: Shop, method: PaymentMethod, key: str = "order") -> checkout.Placed:
    return await checkout.purchase(
        actor=shop.actor,
        lines=[STATS],
        payment=checkout.Payment(method, "tok_success"),
        idempotency_key=key,
        gateway=shop.gateway,
        public_url=PUBLIC_URL,
    )


async def outbox(template: str) -> list[OutboxMessage]:
    return list(await OutboxMessage.filter(template=template).order_by("id"))


def pdf_text(attachment: Attachment) -> str:
    assert attachment.content_type == "application/pdf"
    reader = PdfReader(io.BytesIO(attachment.content))
    return "\n".join(page.extract_text() for page in reader.pages)


async def attached_pdf(message: OutboxMessage, settings: Settings) -> str:
    """The text of the message's one attachment, a PDF made as the mail worker makes it."""
    [attachment] = await materialize(message.attachments, settings)
    return pdf_text(attachment)


async def test_an_order_on_invoice_tells_the_billing_address_it_waits_for_the_summary(
    shop: Shop, settings: Settings
) -> None:
    # when
    placed = await buy(shop, PaymentMethod.INVOICE)

    # then
    [message] = await outbox("invoice_created")
    number = placed.invoice.number
    assert message.recipients == ["billing@acme.example"]
    assert message.reseller_id == shop.reseller.id
    assert message.subject == f"Invoice {number} for $159.20 (on the monthly summary)"
    for body in (message.text_body, message.html_body):
        assert "Acme Hosting" in body
        assert placed.order.number in body
        assert "does not need to be paid immediately" in body
        assert f"{PUBLIC_URL}{page_path(placed.invoice.id)}" in body
    # the PDF is made when the email is sent, not in the checkout's transaction
    assert message.attachments == [
        {
            "filename": f"{number}.pdf",
            "content_type": "application/pdf",
            "generator": "invoice_pdf",
            "ref": str(placed.invoice.id),
        }
    ]
    text = await attached_pdf(message, settings)
    assert number in text
    assert "Pending summary" in text


async def test_an_order_paid_at_checkout_says_there_is_nothing_to_pay(
    shop: Shop, settings: Settings
) -> None:
    placed = await buy(shop, PaymentMethod.PAY_ON_ORDER)

    [message] = await outbox("invoice_created")
    assert message.subject == f"Invoice {placed.invoice.number} for $159.20 (paid)"
    assert "It was paid at checkout: there is nothing to pay." in message.text_body
    assert "Paid on" in await attached_pdf(message, settings)


async def test_an_account_that_turned_invoice_notices_off_gets_none(shop: Shop) -> None:
    # given
    shop.reseller.notify_invoice_created = False
    await shop.reseller.save()

    # when
    await buy(shop, PaymentMethod.INVOICE)

    # then
    assert await outbox("invoice_created") == []


async def test_without_the_apps_address_the_notice_has_no_link(shop: Shop) -> None:
    await checkout.purchase(
        actor=shop.actor,
        lines=[STATS],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key="no-url",
        gateway=shop.gateway,
        public_url=None,
    )

    [message] = await outbox("invoice_created")
    assert "/invoices/" not in message.text_body
    assert "View the invoice" not in message.html_body


async def summary_of(shop: Shop, *placed: checkout.Placed) -> Invoice:
    total = sum(p.invoice.total_cents for p in placed)
    issued = datetime(2026, 6, 1, 0, 5, tzinfo=UTC)
    summary = await Invoice.create(
        number="INV-2026-900001",
        reseller_id=shop.reseller.id,
        kind=InvoiceKind.SUMMARY,
        status=InvoiceStatus.OPEN,
        subtotal_cents=total,
        discount_cents=0,
        total_cents=total,
        billing=placed[0].invoice.billing,
        notes=SUMMARY_NOTE,
        period="2026-05",
        issued_at=issued,
        due_at=issued + timedelta(days=30),
    )
    await Invoice.filter(id__in=[p.invoice.id for p in placed]).update(
        summary_invoice_id=summary.id
    )
    return summary


async def test_a_summary_notice_gives_the_month_the_count_the_due_date_and_the_pdf(
    shop: Shop, settings: Settings
) -> None:
    # given
    placed = [await buy(shop, PaymentMethod.INVOICE, f"o{n}") for n in range(2)]
    summary = await summary_of(shop, *placed)

    # when
    await emails.notify_summary_created(
        reseller=shop.reseller, summary=summary, invoice_count=2, public_url=PUBLIC_URL
    )

    # then
    [message] = await outbox("summary_invoice_created")
    assert message.recipients == ["billing@acme.example"]
    assert message.subject == (
        "Summary invoice INV-2026-900001 for May 2026: $318.40 due 1 July 2026"
    )
    assert "collects the 2 invoices" in message.text_body
    assert f"{PUBLIC_URL}{page_path(summary.id)}" in message.text_body
    text = await attached_pdf(message, settings)
    assert "Summary invoice" in text
    assert all(p.invoice.number in text for p in placed)


@pytest.mark.parametrize("choice", ["notice off", "no billing address"])
async def test_a_summary_notice_honours_the_accounts_choices(shop: Shop, choice: str) -> None:
    # given
    summary = await summary_of(shop, await buy(shop, PaymentMethod.INVOICE))
    if choice == "notice off":
        shop.reseller.notify_summary_invoice_created = False
    else:
        shop.reseller.billing_email = ""
    await shop.reseller.save()

    # when
    await emails.notify_summary_created(
        reseller=shop.reseller, summary=summary, invoice_count=1, public_url=PUBLIC_URL
    )

    # then
    assert await outbox("summary_invoice_created") == []


async def test_an_emailed_invoice_reaches_the_smtp_server_with_its_pdf(
    shop: Shop, settings: Settings, smtp_server: SmtpServer
) -> None:
    # given
    placed = await buy(shop, PaymentMethod.INVOICE)
    billing = await make_user(Role.RESELLER_BILLING, shop.reseller, name="Grace Hopper")
    await OutboxMessage.all().delete()  # the notice of the invoice: not this test's business

    # when
    emailed = await emails.email_invoice(
        actor=actor_for(billing),
        invoice_id=placed.invoice.id,
        to=["accounts@customer.example"],
        message="Here is the invoice.\nThanks!",
        public_url=PUBLIC_URL,
    )
    worker = MailWorker(replace(settings, smtp_url=smtp_server.url, mail_from=MAIL_FROM), "test")
    delivered = await worker.deliver_due()

    # then
    assert emailed.sent_to == ["accounts@customer.example"]
    assert delivered == 1
    [received] = smtp_server.received
    assert received.recipients == ["accounts@customer.example"]
    message = received.message
    assert message["Subject"] == f"Invoice {placed.invoice.number} from Acme Hosting"
    text = message.get_body(preferencelist=("plain",))
    assert text is not None
    body = text.get_content()
    assert "Grace Hopper of Acme Hosting sent you invoice" in body
    assert "Here is the invoice.\r\nThanks!" in body or "Here is the invoice.\nThanks!" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == f"{placed.invoice.number}.pdf"
    content = attachment.get_content()
    assert isinstance(content, bytes)
    pdf = pdf_text(Attachment(attachment.get_filename() or "", "application/pdf", content))
    assert placed.invoice.number in pdf
    assert "Acme Hosting" in pdf
