"""What an invoice's PDF needs, read in a fixed number of queries, and the PDF made from it.

``invoice_document`` reads the invoice (with its order's number), its lines and, for a summary,
the invoices it collects: two queries for an order's invoice, three for a summary, however many
lines or invoices they hold. It reads through the queryset it is given, so the caller's scope
decides which invoices exist (``actor.scope(Invoice)``; ``Invoice.all()`` for the product's own
emails).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import anyio.to_thread
from strawberry.relay import to_base64
from tortoise.queryset import QuerySet

from backend.billing.models import Invoice, InvoiceKind, InvoiceLine
from backend.billing.pdf import DEFAULT_VENDOR, IncludedInvoice, Vendor, render_invoice_pdf
from backend.settings import Settings

PDF_CONTENT_TYPE = "application/pdf"


def invoice_global_id(invoice_id: int) -> str:
    """The invoice's id in the API and the app's addresses: Relay's base64 of ``Invoice:<id>``,
    which holds only letters, digits and ``=``, so it goes into a path as it is."""
    return to_base64("Invoice", invoice_id)


def page_path(invoice_id: int) -> str:
    """The app's page of the invoice."""
    return f"/invoices/{invoice_global_id(invoice_id)}"


def pdf_path(invoice_id: int) -> str:
    """The invoice's PDF (``backend.web.invoice_pdf``)."""
    return f"{page_path(invoice_id)}/pdf"


@dataclass(frozen=True, slots=True)
class InvoiceDocument:
    invoice: Invoice
    lines: list[InvoiceLine]
    children: list[IncludedInvoice]
    """For a summary: the invoices it collects, oldest first."""
    order_number: str | None

    @property
    def filename(self) -> str:
        """``INV-2026-000123.pdf``."""
        return f"{self.invoice.number}.pdf"


async def invoice_document(
    invoice_id: int, scope_queryset: QuerySet[Invoice]
) -> InvoiceDocument | None:
    """The invoice ``invoice_id`` among ``scope_queryset`` and what its PDF shows; None when the
    scope holds no such invoice."""
    invoice = await scope_queryset.filter(id=invoice_id).select_related("order").first()
    if invoice is None:
        return None
    lines = await InvoiceLine.filter(invoice_id=invoice.id).order_by("position")
    children: list[IncludedInvoice] = []
    if invoice.kind is InvoiceKind.SUMMARY:
        rows = (
            await Invoice.filter(summary_invoice_id=invoice.id)
            .order_by("issued_at", "id")
            .values_list("number", "issued_at", "order__number", "total_cents")
        )
        children = [
            IncludedInvoice(
                number=str(number),
                issued_at=issued_at,
                order_number=str(order_number) if order_number else None,
                total_cents=int(total_cents),
            )
            for number, issued_at, order_number, total_cents in rows
        ]
    order = invoice.order if invoice.order_id is not None else None
    return InvoiceDocument(
        invoice=invoice,
        lines=list(lines),
        children=children,
        order_number=order.number if order is not None else None,
    )


def vendor_of(settings: Settings) -> Vendor:
    """The invoices' issuer, as the settings name it."""
    return Vendor(settings.vendor_name, settings.vendor_address)


async def render_pdf(document: InvoiceDocument, vendor: Vendor = DEFAULT_VENDOR) -> bytes:
    """The document's PDF, rendered in a worker thread: fpdf2 is CPU work."""
    render = partial(
        render_invoice_pdf,
        document.invoice,
        document.lines,
        document.children,
        vendor,
        order_number=document.order_number,
    )
    return await anyio.to_thread.run_sync(render)
