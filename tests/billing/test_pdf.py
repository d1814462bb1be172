"""An invoice's PDF: what it says (read back with pypdf), how it pages, what loading it costs."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from pypdf import PdfReader
from strawberry import relay

from backend.billing.documents import invoice_document, invoice_global_id, pdf_path, render_pdf
from backend.billing.formatting import format_money
from backend.billing.models import Invoice, InvoiceKind, InvoiceLine, InvoiceStatus
from backend.billing.pdf import DEFAULT_VENDOR, Vendor, render_invoice_pdf
from backend.commerce import checkout
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import PaymentMethod
from tests.commerce import conftest as commerce
from tests.commerce.conftest import Shop

ISSUED = datetime(2026, 6, 1, 9, 30, tzinfo=UTC)
BILLING = {
    "name": "Acme Hosting",
    "contact_name": "Ada Lovelace",
    "address_line1": "1 Main Street",
    "address_line2": "",
    "city": "Springfield",
    "postal_code": "62701",
    "region": "IL",
    "country": "US",
    "email": "billing@acme.example",
}
UPGRADE = "SmarterMail Edition Standard → Professional, 250 mailboxes"
STATS = NewLicenseRequest("smarterstats", "professional", "50")
shop = commerce.shop  # the commerce tests' fixture: a catalog and a reseller with a purchaser


def an_invoice(lines: int = 1, **fields: object) -> tuple[Invoice, list[InvoiceLine]]:
    """An order's invoice paid at checkout, of ``lines`` lines at $1,561.25 less 20%."""
    rows = [
        InvoiceLine(
            position=n,
            description=UPGRADE if n == 1 else f"SmarterStats Professional, 50 domains (#{n})",
            quantity=1,
            unit_price_cents=156_125,
            subtotal_cents=156_125,
            discount_cents=31_225,
            total_cents=124_900,
        )
        for n in range(1, lines + 1)
    ]
    values: dict[str, object] = {
        "id": 123,
        "number": "INV-2026-000123",
        "reseller_id": 1,
        "kind": InvoiceKind.ORDER,
        "status": InvoiceStatus.PAID,
        "currency": "USD",
        "subtotal_cents": 156_125 * lines,
        "discount_cents": 31_225 * lines,
        "total_cents": 124_900 * lines,
        "amount_paid_cents": 124_900 * lines,
        "billing": BILLING,
        "notes": "",
        "period": None,
        "issued_at": ISSUED,
        "due_at": ISSUED,
        "paid_at": ISSUED,
    }
    invoice = Invoice(**(values | fields))
    return invoice, rows


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_says_who_bills_whom_for_what_and_reads_back_as_text() -> None:
    # given
    invoice, lines = an_invoice()
    vendor = Vendor("Smarter Tools Inc.", ("1 Vendor Way", "Phoenix, AZ 85001"))

    # when
    reader = read(render_invoice_pdf(invoice, lines, [], vendor, order_number="ORD-2026-000042"))

    # then
    text = text_of(reader)
    for expected in (
        "Smarter Tools Inc.",
        "1 Vendor Way",
        "INV-2026-000123",
        "Order invoice",
        "ORD-2026-000042",
        "Acme Hosting",
        "Ada Lovelace",
        "62701 Springfield, IL",
        "billing@acme.example",
        "Issued 1 June 2026",
        "Paid on 1 June 2026",
        "$1,561.25",
        "$312.25",
        "Total $1,249.00",
        "Amount paid $1,249.00",
        "Amount due $0.00",
    ):
        assert expected in text, expected
    assert "Edition Standard →" in text  # the arrow prints, and reads back
    assert len(reader.pages) == 1
    assert reader.metadata is not None
    assert reader.metadata.title == "INV-2026-000123"
    assert reader.metadata.author == "Smarter Tools Inc."


def test_the_same_invoice_gives_the_same_bytes() -> None:
    invoice, lines = an_invoice(3)

    first = render_invoice_pdf(invoice, lines, [], DEFAULT_VENDOR)
    second = render_invoice_pdf(invoice, lines, [], DEFAULT_VENDOR)

    assert first == second
    assert "Partner Portal" in text_of(read(first))


def test_an_invoice_waiting_for_the_summary_says_so() -> None:
    # given
    invoice, lines = an_invoice(
        status=InvoiceStatus.PENDING_SUMMARY,
        amount_paid_cents=0,
        paid_at=None,
        due_at=None,
        notes="This invoice will be summarized in the monthly summarized invoice.",
    )

    # when
    text = text_of(read(render_invoice_pdf(invoice, lines, [], DEFAULT_VENDOR)))

    # then
    assert "Pending summary" in text
    assert "With the monthly summary" in text
    assert "Amount due $1,249.00" in text
    assert "will be summarized in the monthly summarized invoice" in text


def test_a_long_invoice_runs_over_pages_with_its_headings_on_each() -> None:
    # given
    invoice, lines = an_invoice(200)

    # when
    reader = read(render_invoice_pdf(invoice, lines, [], DEFAULT_VENDOR))

    # then
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    for page in pages[:-1]:
        assert "Description" in page and "Unit price" in page
    text = "\n".join(pages)
    assert all(f"(#{n})" in text for n in range(2, 201))
    assert "Total $249,800.00" in pages[-1]


async def test_a_summary_lists_the_invoices_it_collects(
    shop: Shop, count_queries: Callable[..., object]
) -> None:
    # given three invoiced orders and a summary collecting them
    placed = [
        await checkout.purchase(
            actor=shop.actor,
            lines=[STATS],
            payment=checkout.Payment(PaymentMethod.INVOICE),
            idempotency_key=f"summary-{n}",
            gateway=shop.gateway,
        )
        for n in range(3)
    ]
    total = sum(p.invoice.total_cents for p in placed)
    summary = await Invoice.create(
        number="INV-2026-900001",
        reseller_id=shop.reseller.id,
        kind=InvoiceKind.SUMMARY,
        status=InvoiceStatus.OPEN,
        subtotal_cents=total,
        discount_cents=0,
        total_cents=total,
        billing=BILLING,
        notes="Summary Invoice",
        period="2026-05",
        issued_at=ISSUED,
        due_at=ISSUED + timedelta(days=30),
    )
    await Invoice.filter(id__in=[p.invoice.id for p in placed]).update(
        summary_invoice_id=summary.id
    )

    # when
    with count_queries() as log:  # type: ignore[attr-defined]
        document = await invoice_document(summary.id, Invoice.all())
    assert document is not None
    text = text_of(read(await render_pdf(document)))

    # then
    assert log.count == 3  # the summary, its lines, the invoices it collects with their orders
    assert "Summary invoice" in text
    assert "Period May 2026" in text
    assert "Due 1 July 2026" in text
    assert "INVOICES INCLUDED (3)" in text
    for p in placed:
        assert p.invoice.number in text
        assert p.order.number in text
    assert f"Total {format_money(total)}" in text


async def test_an_order_invoice_loads_in_two_queries_and_only_within_the_scope(
    shop: Shop, count_queries: Callable[..., object]
) -> None:
    # given
    placed = await checkout.purchase(
        actor=shop.actor,
        lines=[STATS, STATS],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key="two-lines",
        gateway=shop.gateway,
    )

    # when
    with count_queries() as log:  # type: ignore[attr-defined]
        document = await invoice_document(placed.invoice.id, Invoice.all())
    outside = await invoice_document(placed.invoice.id, Invoice.filter(reseller_id=0))

    # then
    assert log.count == 2
    assert outside is None
    assert document is not None
    assert document.order_number == placed.order.number
    assert [line.position for line in document.lines] == [1, 2]
    assert document.children == []
    assert document.filename == f"{placed.invoice.number}.pdf"


def test_money_is_exact_from_cents() -> None:
    assert format_money(124_900) == "$1,249.00"
    assert format_money(5) == "$0.05"
    assert format_money(0) == "$0.00"
    assert format_money(-31_225) == "-$312.25"
    assert format_money(10**17 + 1) == "$1,000,000,000,000,000.01"  # beyond a float's digits
    assert format_money(150, "EUR") == "EUR 1.50"


def test_the_pdf_path_holds_the_invoices_global_id() -> None:
    for pk in (1, 123, 2**31 - 1):
        assert invoice_global_id(pk) == str(relay.GlobalID("Invoice", str(pk)))
    assert pdf_path(123) == "/invoices/SW52b2ljZToxMjM=/pdf"
