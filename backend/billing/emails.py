"""Invoices by email, each with its PDF attached: the account's notices of a new invoice and of a
month's summary (when its notification choices want them), and an invoice sent by a partner to
addresses it gives.

Every email is queued in the transaction of its cause: the notices in the checkout's or the
month close's, ``email_invoice`` in its own with the audit entry. The PDF is not rendered then:
it is a generated attachment (``invoice_pdf_content``), made by the mail worker when it sends the
email, so that no transaction waits for fpdf2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from backend.accounts import validation
from backend.accounts.models import Reseller
from backend.audit.services import record
from backend.billing.documents import (
    PDF_CONTENT_TYPE,
    invoice_document,
    page_path,
    render_pdf,
    vendor_of,
)
from backend.billing.formatting import format_date, format_money, format_period
from backend.billing.models import Invoice, InvoiceStatus
from backend.billing.pdf import status_line
from backend.errors import ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.roles import Permission
from backend.notifications.outbox import GeneratedAttachment, enqueue_email
from backend.settings import Settings

MAX_RECIPIENTS = 10
MAX_MESSAGE_LENGTH = 1000
PDF_GENERATOR = "invoice_pdf"
"""The outbox's name for ``invoice_pdf_content`` (``backend.notifications.outbox.GENERATORS``)."""


@dataclass(frozen=True, slots=True)
class EmailedInvoice:
    invoice: Invoice
    sent_to: list[str]
    """The addresses, checked and lower-cased, each once."""


def _link(public_url: str | None, invoice: Invoice) -> str | None:
    """The invoice's page in the app; None without the app's address (no link then)."""
    return f"{public_url}{page_path(invoice.id)}" if public_url else None


def _facts(invoice: Invoice) -> dict[str, object]:
    """What every invoice email says of the invoice."""
    return {
        "number": invoice.number,
        "total": format_money(invoice.total_cents, invoice.currency),
        "amount_due": format_money(
            invoice.total_cents - invoice.amount_paid_cents, invoice.currency
        ),
        "issued_on": format_date(invoice.issued_at),
        "due_on": format_date(invoice.due_at) if invoice.due_at is not None else None,
        "status": status_line(invoice),
        "paid": invoice.status is InvoiceStatus.PAID,
    }


def pdf_of(invoice: Invoice) -> GeneratedAttachment:
    """The invoice's PDF as an attachment made when the email is sent."""
    return GeneratedAttachment(
        f"{invoice.number}.pdf", PDF_CONTENT_TYPE, PDF_GENERATOR, str(invoice.id)
    )


async def invoice_pdf_content(ref: str, settings: Settings) -> bytes:
    """The PDF of the invoice whose id is ``ref``: the mail worker's generator of ``pdf_of``."""
    document = await invoice_document(int(ref), Invoice.all())
    if document is None:
        raise LookupError(f"invoice {ref} does not exist")
    return await render_pdf(document, vendor_of(settings))


async def notify_invoice_created(
    *, reseller: Reseller, invoice: Invoice, order_number: str, public_url: str | None
) -> None:
    """Tell the account's billing address of an order's new invoice, if it wants to know: paid at
    checkout, or waiting for the monthly summary. Call inside the order's transaction."""
    if not (reseller.notify_invoice_created and reseller.billing_email):
        return
    await enqueue_email(
        template="invoice_created",
        to=[reseller.billing_email],
        reseller_id=reseller.id,
        context={
            **_facts(invoice),
            "reseller_name": reseller.name,
            "order_number": order_number,
            "pending_summary": invoice.status is InvoiceStatus.PENDING_SUMMARY,
            "link": _link(public_url, invoice),
        },
        attachments=[pdf_of(invoice)],
    )


async def notify_summary_created(
    *, reseller: Reseller, summary: Invoice, invoice_count: int, public_url: str | None
) -> None:
    """Tell the account's billing address of its summary invoice for a month, if it wants to
    know. Call inside the transaction that closes the month for the account."""
    if not (reseller.notify_summary_invoice_created and reseller.billing_email):
        return
    await enqueue_email(
        template="summary_invoice_created",
        to=[reseller.billing_email],
        reseller_id=reseller.id,
        context={
            **_facts(summary),
            "reseller_name": reseller.name,
            "period": format_period(summary.period) if summary.period else "",
            "invoice_count": invoice_count,
            "link": _link(public_url, summary),
        },
        attachments=[pdf_of(summary)],
    )


def _recipients(to: Sequence[str], problems: Problems) -> list[str]:
    if not to:
        problems.add(ErrorKind.REQUIRED, "Give at least one email address.", "to")
        return []
    if len(to) > MAX_RECIPIENTS:
        problems.add(ErrorKind.INVALID, f"Give at most {MAX_RECIPIENTS} email addresses.", "to")
        return []
    found: list[str] = []
    for index, given in enumerate(to):
        address = validation.email(problems, given, ("to", str(index)))
        if address not in found:
            found.append(address)
    return found


async def email_invoice(
    *,
    actor: Actor,
    invoice_id: int,
    to: Sequence[str],
    message: str | None,
    public_url: str | None,
    vendor_name: str = "Partner Portal",
) -> EmailedInvoice:
    """Email an invoice, its PDF attached, to up to ten addresses, with an optional message;
    recorded in the audit log. The recipients need no account: the link to the invoice's page
    (``public_url``, none when None) serves those who have one. ``vendor_name``: the company a
    vendor admin's email comes from."""
    actor.require(Permission.INVOICES_READ)
    problems = Problems()
    recipients = _recipients(to, problems)
    note = (message or "").strip()
    if len(note) > MAX_MESSAGE_LENGTH:
        problems.add(ErrorKind.INVALID, f"Use at most {MAX_MESSAGE_LENGTH} characters.", "message")
    problems.raise_if_any()
    invoice = await actor.scope(Invoice).get_or_none(id=invoice_id)
    if invoice is None:
        raise not_found("invoice", "invoice_id")
    company = vendor_name if actor.is_vendor else (await Reseller.get(id=invoice.reseller_id)).name
    async with in_transaction():
        await enqueue_email(
            template="invoice_email",
            to=recipients,
            reseller_id=invoice.reseller_id,
            context={
                **_facts(invoice),
                "sender": actor.name or actor.label,
                "company": company,
                "bill_to": invoice.billing.get("name", ""),
                "message": note or None,
                "link": _link(public_url, invoice),
            },
            attachments=[pdf_of(invoice)],
        )
        await record(
            actor,
            "invoice.emailed",
            reseller_id=invoice.reseller_id,
            target=invoice,
            target_label=invoice.number,
            changes={"to": [None, recipients], "message": [None, bool(note)]},
        )
    return EmailedInvoice(invoice=invoice, sent_to=recipients)
