"""GraphQL types of invoices."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from backend.api.accounts.types import Reseller, reseller_of
from backend.api.commerce.types import BillingDetails, money
from backend.api.context import Info
from backend.api.enums import InvoiceKind, InvoiceStatus, Permission
from backend.api.model_node import ModelNode
from backend.api.money import Money
from backend.billing import models
from backend.billing.documents import pdf_path

if TYPE_CHECKING:
    from backend.api.billing.payments import Payment
    from backend.api.commerce.types import Order


@strawberry.type(description="A line of an invoice.")
class InvoiceLine:
    position: int = strawberry.field(description="1 for the first line.")
    description: str = strawberry.field(description="What was bought.")
    quantity: int = strawberry.field(description="How many.")
    unit_price: Money = strawberry.field(description="Price of one.")
    subtotal: Money = strawberry.field(description="Unit price times quantity.")
    discount: Money = strawberry.field(description="The reseller discount on this line.")
    total: Money = strawberry.field(description="Subtotal less discount.")

    @classmethod
    def from_row(cls, row: models.InvoiceLine) -> InvoiceLine:
        return cls(
            position=row.position,
            description=row.description,
            quantity=row.quantity,
            unit_price=money(row.unit_price_cents),
            subtotal=money(row.subtotal_cents),
            discount=money(row.discount_cents),
            total=money(row.total_cents),
        )


@strawberry.type(description="An invoice: of one order, or a month's summary of invoiced orders.")
class Invoice(ModelNode):
    model = models.Invoice
    permission = Permission.INVOICES_READ
    id: relay.NodeID[int]
    reseller_id: strawberry.Private[int]
    number: str = strawberry.field(description="The invoice number, e.g. INV-2026-000123.")
    kind: InvoiceKind = strawberry.field(description="An order's invoice or a summary.")
    status: InvoiceStatus = strawberry.field(description="Where the invoice is in its life.")
    issued_at: datetime = strawberry.field(description="When it was issued.")
    due_at: datetime | None = strawberry.field(
        description="When payment is due; null while it waits for the summary invoice."
    )
    paid_at: datetime | None = strawberry.field(description="When it was paid in full.")
    subtotal: Money = strawberry.field(description="Sum of the lines' subtotals.")
    discount: Money = strawberry.field(description="Sum of the lines' discounts.")
    total: Money = strawberry.field(description="Subtotal less discount.")
    amount_paid: Money = strawberry.field(description="What has been paid of it.")
    amount_due: Money = strawberry.field(description="What is left to pay.")
    notes: str = strawberry.field(
        description='"Summary Invoice" for summaries; for an invoice waiting for the summary, '
        "that it will be summarized and need not be paid now."
    )
    billing: BillingDetails = strawberry.field(description="Who it is billed to.")
    period: str | None = strawberry.field(
        description="A summary's month, \"YYYY-MM\"; null for an order's invoice."
    )
    order_id: strawberry.Private[int | None]
    summary_invoice_id: strawberry.Private[int | None]

    @strawberry.field(description="The invoice's lines.")
    async def lines(self, info: Info) -> list[InvoiceLine]:
        rows = await info.context.loaders.invoice_lines_by_invoice.load(self.id)
        return [InvoiceLine.from_row(row) for row in sorted(rows, key=lambda r: r.position)]

    @strawberry.field(description="The order invoiced (null for a summary).")
    async def order(
        self, info: Info
    ) -> Annotated[Order, strawberry.lazy("backend.api.commerce.types")] | None:
        from backend.api.commerce.types import Order

        if self.order_id is None or not info.context.actor.can(Permission.ORDERS_READ):
            return None
        row = await info.context.loaders.order_by_id.load(self.order_id)
        return Order.from_row(row) if row is not None else None

    @strawberry.field(description="The summary invoice this one is collected in, once it is.")
    async def summary_invoice(self, info: Info) -> Invoice | None:
        if self.summary_invoice_id is None:
            return None
        row = await info.context.loaders.invoice_by_id.load(self.summary_invoice_id)
        return Invoice.from_row(row) if row is not None else None

    @strawberry.field(description="For a summary: the invoices it collects, oldest first.")
    async def summarized_invoices(self, info: Info) -> list[Invoice]:
        if self.kind is not models.InvoiceKind.SUMMARY:
            return []
        rows = await info.context.loaders.invoices_by_summary.load(self.id)
        return [Invoice.from_row(row) for row in sorted(rows, key=lambda r: (r.issued_at, r.id))]

    @strawberry.field(description="The payments received against it, newest first.")
    async def payments(
        self, info: Info
    ) -> list[Annotated[Payment, strawberry.lazy("backend.api.billing.payments")]]:
        from backend.api.billing.payments import Payment

        rows = await info.context.loaders.payments_by_invoice.load(self.id)
        newest_first = sorted(rows, key=lambda r: (r.received_at, r.id), reverse=True)
        return [Payment.from_row(row) for row in newest_first]

    reseller: Reseller = strawberry.field(
        resolver=reseller_of, description="The reseller account it belongs to."
    )

    @strawberry.field(
        description="Where to download it as a PDF: a path on this server, e.g. "
        "/invoices/SW52b2ljZToxMjM=/pdf, fetched with the same session cookie or API key "
        "(?inline=1 shows it in the browser instead)."
    )
    def pdf_url(self) -> str:
        return pdf_path(self.id)

    @classmethod
    def from_row(cls, row: models.Invoice) -> Invoice:
        return cls(
            id=row.id,
            reseller_id=row.reseller_id,
            number=row.number,
            kind=row.kind,
            status=row.status,
            issued_at=row.issued_at,
            due_at=row.due_at,
            paid_at=row.paid_at,
            subtotal=money(row.subtotal_cents, row.currency),
            discount=money(row.discount_cents, row.currency),
            total=money(row.total_cents, row.currency),
            amount_paid=money(row.amount_paid_cents, row.currency),
            amount_due=money(row.total_cents - row.amount_paid_cents, row.currency),
            notes=row.notes,
            billing=BillingDetails.from_json(row.billing),
            period=row.period,
            order_id=row.order_id,
            summary_invoice_id=row.summary_invoice_id,
        )
