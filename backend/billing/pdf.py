"""An invoice as a PDF (fpdf2): the vendor, who it is billed to, its lines, totals and notes, and
for a summary the invoices it collects.

Text is set in DejaVu Sans (shipped in ``fonts/``), which prints every character a line may hold
(an upgrade reads "Edition Standard → Professional") and is embedded as a subset with its
Unicode map, so the text can be searched and extracted. The same invoice gives the same bytes:
the document's date is the invoice's issue date. Rendering is CPU work: call it off the event
loop (``anyio.to_thread.run_sync``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import TableBordersLayout, TableCellFillMode, XPos, YPos

from backend.billing.formatting import (
    KIND_LABELS,
    STATUS_LABELS,
    format_date,
    format_money,
    format_period,
)
from backend.billing.models import Invoice, InvoiceKind, InvoiceLine, InvoiceStatus

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSans"
MARGIN = 18.0  # mm
LINE_COLUMNS = (64, 12, 24.5, 24.5, 24.5, 24.5)  # mm: the page's 174 mm between the margins
INCLUDED_COLUMNS = (50, 40, 49, 35)
RIGHT = "RIGHT"
GREY = (90, 90, 90)
RULE = (205, 210, 220)
ACCENT = (29, 78, 216)
HEADINGS = FontFace(emphasis="BOLD", fill_color=(235, 238, 245))


@dataclass(frozen=True, slots=True)
class Vendor:
    """Who issues the invoices."""

    name: str
    address: tuple[str, ...] = ()


DEFAULT_VENDOR = Vendor("Partner Portal")


@dataclass(frozen=True, slots=True)
class IncludedInvoice:
    """An invoice a summary collects, as the summary lists it."""

    number: str
    issued_at: datetime
    order_number: str | None
    total_cents: int


class _Document(FPDF):
    def __init__(self, number: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.number = number
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 4)
        self.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")

    def footer(self) -> None:
        self.set_y(-MARGIN)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.number} · Page {self.page_no()} of {{nb}}", align="C")


def render_invoice_pdf(
    invoice: Invoice,
    lines: Sequence[InvoiceLine],
    children: Sequence[IncludedInvoice],
    vendor: Vendor,
    *,
    order_number: str | None = None,
) -> bytes:
    """The PDF of ``invoice``: ``lines`` in order, ``children`` the invoices a summary collects
    (oldest first), ``order_number`` that of the order an order's invoice bills."""
    pdf = _Document(invoice.number)
    pdf.set_title(invoice.number)
    pdf.set_subject(f"Invoice {invoice.number} to {invoice.billing.get('name', '')}".strip())
    pdf.set_author(vendor.name)
    pdf.set_creator("Partner Portal")
    pdf.set_lang("en")
    pdf.set_creation_date(invoice.issued_at)
    pdf.add_page()
    _heading(pdf, invoice, vendor, order_number)
    _bill_to(pdf, invoice.billing)
    if lines:
        _lines(pdf, invoice.currency, lines)
    _totals(pdf, invoice)
    if invoice.notes:
        _section(pdf, "Notes")
        pdf.set_font(FAMILY, "", 9)
        pdf.multi_cell(0, 5, invoice.notes, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    if invoice.kind is InvoiceKind.SUMMARY:
        _included(pdf, invoice.currency, children)
    return bytes(pdf.output())


def status_line(invoice: Invoice) -> str:
    """``Paid on 1 June 2026``, ``Open``, ``Pending summary``..."""
    if invoice.status is InvoiceStatus.PAID and invoice.paid_at is not None:
        return f"Paid on {format_date(invoice.paid_at)}"
    return STATUS_LABELS[invoice.status]


def _heading(pdf: FPDF, invoice: Invoice, vendor: Vendor, order_number: str | None) -> None:
    top = pdf.get_y()
    pdf.set_font(FAMILY, "B", 14)
    pdf.multi_cell(95, 7, vendor.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.set_font(FAMILY, "", 9)
    pdf.set_text_color(*GREY)
    for line in vendor.address:
        pdf.multi_cell(95, 4.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.set_text_color(0)
    left_bottom = pdf.get_y()

    pdf.set_xy(pdf.l_margin + 95, top)
    pdf.set_font(FAMILY, "B", 20)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 9, "INVOICE", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    facts = [
        ("Invoice number", invoice.number),
        ("Kind", KIND_LABELS[invoice.kind]),
        ("Issued", format_date(invoice.issued_at)),
        ("Due", _due(invoice)),
        ("Status", status_line(invoice)),
    ]
    if invoice.period:
        facts.insert(2, ("Period", format_period(invoice.period)))
    if order_number:
        facts.insert(2, ("Order", order_number))
    for label, value in facts:
        pdf.set_x(pdf.l_margin + 85)
        pdf.set_font(FAMILY, "", 9)
        pdf.set_text_color(*GREY)
        pdf.cell(32, 5, label)
        pdf.set_text_color(0)
        pdf.set_font(FAMILY, "B", 9)
        pdf.cell(0, 5, value, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(max(left_bottom, pdf.get_y()) + 6)


def _due(invoice: Invoice) -> str:
    if invoice.due_at is not None:
        return format_date(invoice.due_at)
    if invoice.status is InvoiceStatus.PENDING_SUMMARY:
        return "With the monthly summary"
    return "-"


def _bill_to(pdf: FPDF, billing: dict[str, str]) -> None:
    _section(pdf, "Bill to")
    pdf.set_font(FAMILY, "B", 10)
    pdf.multi_cell(110, 5, billing.get("name", ""), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.set_font(FAMILY, "", 9)
    place = " ".join(p for p in (billing.get("postal_code", ""), billing.get("city", "")) if p)
    for line in (
        billing.get("contact_name", ""),
        billing.get("address_line1", ""),
        billing.get("address_line2", ""),
        ", ".join(p for p in (place, billing.get("region", "")) if p),
        billing.get("country", ""),
        billing.get("email", ""),
    ):
        if line:
            pdf.multi_cell(110, 4.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.ln(6)


def _section(pdf: FPDF, title: str) -> None:
    pdf.set_font(FAMILY, "B", 9)
    pdf.set_text_color(*GREY)
    pdf.cell(0, 6, title.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)


def _lines(pdf: FPDF, currency: str, lines: Sequence[InvoiceLine]) -> None:
    pdf.set_font(FAMILY, "", 8.5)
    pdf.set_draw_color(*RULE)
    with pdf.table(
        col_widths=LINE_COLUMNS,
        width=sum(LINE_COLUMNS),
        text_align=("LEFT", RIGHT, RIGHT, RIGHT, RIGHT, RIGHT),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        headings_style=HEADINGS,
        cell_fill_mode=TableCellFillMode.NONE,
        line_height=4.6,
        padding=(1.2, 1.5),
        repeat_headings=1,
    ) as table:
        table.row(("Description", "Qty", "Unit price", "Subtotal", "Discount", "Total"))
        for line in lines:
            table.row(
                (
                    line.description,
                    str(line.quantity),
                    format_money(line.unit_price_cents, currency),
                    format_money(line.subtotal_cents, currency),
                    format_money(line.discount_cents, currency),
                    format_money(line.total_cents, currency),
                )
            )
    pdf.ln(4)


def _totals(pdf: FPDF, invoice: Invoice) -> None:
    currency = invoice.currency
    rows = [
        ("Subtotal", format_money(invoice.subtotal_cents, currency), False),
        ("Discount", format_money(-invoice.discount_cents, currency), False),
        ("Total", format_money(invoice.total_cents, currency), True),
        ("Amount paid", format_money(invoice.amount_paid_cents, currency), False),
        (
            "Amount due",
            format_money(invoice.total_cents - invoice.amount_paid_cents, currency),
            True,
        ),
    ]
    if pdf.will_page_break(5 * len(rows)):
        pdf.add_page()
    for label, value, bold in rows:
        pdf.set_x(pdf.l_margin + 94)
        pdf.set_font(FAMILY, "B" if bold else "", 9.5)
        pdf.cell(40, 5.5, label)
        pdf.cell(0, 5.5, value, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)


def _included(pdf: FPDF, currency: str, children: Sequence[IncludedInvoice]) -> None:
    pdf.ln(2)
    _section(pdf, f"Invoices included ({len(children)})")
    if not children:
        pdf.set_font(FAMILY, "", 9)
        pdf.cell(0, 5, "None.", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return
    pdf.set_font(FAMILY, "", 8.5)
    pdf.set_draw_color(*RULE)
    with pdf.table(
        col_widths=INCLUDED_COLUMNS,
        width=sum(INCLUDED_COLUMNS),
        text_align=("LEFT", "LEFT", "LEFT", RIGHT),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        headings_style=HEADINGS,
        line_height=4.6,
        padding=(1.2, 1.5),
        repeat_headings=1,
    ) as table:
        table.row(("Invoice", "Issued", "Order", "Total"))
        for child in children:
            table.row(
                (
                    child.number,
                    format_date(child.issued_at),
                    child.order_number or "",
                    format_money(child.total_cents, currency),
                )
            )
