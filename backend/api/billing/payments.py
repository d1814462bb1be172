"""Payments of invoices: the ``Payment`` type, the ``payments`` list, ``payInvoice`` (a partner
pays by card) and ``recordPayment`` (the vendor records a bank transfer)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum

import strawberry
from strawberry import relay

from backend.api.accounts.types import Reseller, reseller_of
from backend.api.billing.types import Invoice
from backend.api.commerce.types import money
from backend.api.context import Info
from backend.api.enums import PaymentKind, Permission
from backend.api.errors import UserError, errors_field, user_errors
from backend.api.ids import id_filter, required_id
from backend.api.model_node import ModelNode
from backend.api.money import Money
from backend.api.pagination import SortDirection, ordering, paginate
from backend.api.permissions import access
from backend.billing import models, payments
from backend.errors import DomainError, ErrorKind
from backend.money import hundredths


@strawberry.type(description="Money received against an invoice: a card payment or a transfer.")
class Payment(ModelNode):
    model = models.Payment
    permission = Permission.INVOICES_READ
    id: relay.NodeID[int]
    reseller_id: strawberry.Private[int]
    invoice_id: strawberry.Private[int]
    kind: PaymentKind = strawberry.field(description="By card or by bank transfer.")
    amount: Money = strawberry.field(description="The amount received.")
    gateway: str = strawberry.field(
        description="The payment gateway that charged the card; empty for a bank transfer."
    )
    reference: str = strawberry.field(
        description="The gateway's id of the charge, or the transfer's bank reference."
    )
    received_at: datetime = strawberry.field(description="When the money was received.")
    recorded_by: str = strawberry.field(
        description="Who paid or recorded it: a person's email or an API key's prefix."
    )

    @strawberry.field(description="The invoice it pays.")
    async def invoice(self, info: Info) -> Invoice:
        row = await info.context.loaders.invoice_by_id.load(self.invoice_id)
        assert row is not None  # a foreign key, of the same reseller
        return Invoice.from_row(row)

    reseller: Reseller = strawberry.field(
        resolver=reseller_of, description="The reseller account that paid."
    )

    @classmethod
    def from_row(cls, row: models.Payment) -> Payment:
        return cls(
            id=row.id,
            reseller_id=row.reseller_id,
            invoice_id=row.invoice_id,
            kind=row.kind,
            amount=money(row.amount_cents, row.currency),
            gateway=row.gateway,
            reference=row.reference,
            received_at=row.received_at,
            recorded_by=row.recorded_by_label,
        )


@strawberry.input(description="Which payments to list; omitted criteria match every payment.")
class PaymentFilter:
    invoice_id: strawberry.ID | None = strawberry.field(
        description="Only the payments of this invoice.", default=None
    )
    reseller_id: strawberry.ID | None = strawberry.field(
        description="Vendor admins: one account's payments.", default=None
    )
    kind: PaymentKind | None = strawberry.field(
        description="Only card payments or only bank transfers.", default=None
    )


@strawberry.enum(description="What the payments list can be sorted by.")
class PaymentOrderField(Enum):
    RECEIVED_AT = strawberry.enum_value("received_at", description="When the money arrived.")
    AMOUNT = strawberry.enum_value("amount_cents", description="The amount received.")


@strawberry.input(description="The order of the payments list.")
class PaymentOrder:
    field: PaymentOrderField = strawberry.field(description="What to sort by.")
    direction: SortDirection = strawberry.field(
        description="Ascending (when omitted) or descending.", default=SortDirection.ASC
    )


@strawberry.type
class PaymentsQuery:
    @strawberry.field(
        description="Payments received against the account's invoices, newest first unless "
        "`orderBy` says otherwise (vendor admins: every account's). Pages forward with "
        "`first`/`after`, backward with `last`/`before`.",
        extensions=access(Permission.INVOICES_READ),
    )
    async def payments(
        self,
        info: Info,
        *,
        filter: PaymentFilter | None = None,
        first: int = 20,
        after: str | None = None,
        order_by: PaymentOrder | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> relay.Connection[Payment]:
        queryset = info.context.actor.scope(models.Payment)
        if filter is not None:
            if filter.invoice_id is not None:
                queryset = queryset.filter(invoice_id=id_filter(filter.invoice_id, "Invoice"))
            if filter.reseller_id is not None:
                queryset = queryset.filter(reseller_id=id_filter(filter.reseller_id, "Reseller"))
            if filter.kind is not None:
                queryset = queryset.filter(kind=filter.kind)
        return await paginate(
            queryset,
            first=first,
            after=after,
            last=last,
            before=before,
            to_node=Payment.from_row,
            order=ordering(order_by, ("-received_at", "-id")),
        )


@strawberry.input(description="Pay an invoice's amount due by card.")
class PayInvoiceInput:
    invoice_id: strawberry.ID = strawberry.field(
        description="An open invoice of the account, such as the month's summary invoice."
    )
    payment_token: str = strawberry.field(
        description="The one-time token from the payment gateway (the sandbox takes "
        "`tok_success`, `tok_declined` and `tok_gateway_error`)."
    )
    idempotency_key: str = strawberry.field(
        description="A unique value per payment (e.g. a UUID). Sending the same request again "
        "with it returns the first payment instead of charging twice; a different request with "
        "it is refused."
    )


@strawberry.type(description="The invoice paid and its payment.")
class PayInvoicePayload:
    invoice: Invoice | None = strawberry.field(
        description="The invoice, now paid (with, for a summary, every invoice it collects).",
        default=None,
    )
    payment: Payment | None = strawberry.field(description="The card payment.", default=None)
    replayed: bool = strawberry.field(
        description="True when this answers a repeated request: nothing new was charged.",
        default=False,
    )
    user_errors: list[UserError] = errors_field()


@strawberry.input(description="Money received by bank transfer against an invoice.")
class RecordPaymentInput:
    invoice_id: strawberry.ID = strawberry.field(description="The open invoice it pays.")
    amount: Decimal = strawberry.field(
        description='The amount received, e.g. "120.50": more than 0, at most the amount due, '
        "at most two decimals. Less than the amount due is a partial payment."
    )
    reference: str = strawberry.field(
        description="The transfer's bank reference (up to 100 characters)."
    )
    received_at: datetime | None = strawberry.field(
        description="When the money arrived, not in the future (UTC when it has no offset); "
        "omitted: now.",
        default=None,
    )


@strawberry.type(description="The invoice after the payment, and the payment recorded.")
class RecordPaymentPayload:
    invoice: Invoice | None = strawberry.field(
        description="The invoice: paid when the payment completed it, otherwise with less due.",
        default=None,
    )
    payment: Payment | None = strawberry.field(description="The payment recorded.", default=None)
    user_errors: list[UserError] = errors_field()


def _invoice_id(value: strawberry.ID) -> int:
    return required_id(value, "Invoice", what="invoice", field="invoice_id")


def _cents(amount: Decimal) -> int:
    """``Decimal("120.5")`` → 12050; more than two decimals is refused (field ``amount``)."""
    cents = hundredths(amount)
    if cents is None:
        raise DomainError(
            ErrorKind.INVALID,
            "Use an amount with at most two decimals, e.g. 120.50.",
            field="amount",
        )
    return cents


@strawberry.type
class PaymentsMutation:
    @strawberry.mutation(
        description="Pay what is due on one of the account's open invoices by card, once per "
        "idempotency key. Paying a summary invoice pays every invoice it collects.",
        extensions=access(Permission.INVOICES_PAY),
    )
    async def pay_invoice(self, info: Info, input: PayInvoiceInput) -> PayInvoicePayload:
        try:
            paid = await payments.pay_invoice(
                actor=info.context.actor,
                invoice_id=_invoice_id(input.invoice_id),
                token=input.payment_token,
                idempotency_key=input.idempotency_key,
                gateway=info.context.gateway,
            )
        except DomainError as error:
            return PayInvoicePayload(user_errors=user_errors(error))
        return PayInvoicePayload(
            invoice=Invoice.from_row(paid.invoice),
            payment=Payment.from_row(paid.payment),
            replayed=paid.replayed,
        )

    @strawberry.mutation(
        description="Record money received by bank transfer against an invoice (vendor). Paid "
        "in full, the invoice is paid (a summary with every invoice it collects); a part lowers "
        "its amount due.",
        extensions=access(Permission.BILLING_MANAGE),
    )
    async def record_payment(self, info: Info, input: RecordPaymentInput) -> RecordPaymentPayload:
        try:
            recorded = await payments.record_payment(
                actor=info.context.actor,
                invoice_id=_invoice_id(input.invoice_id),
                amount_cents=_cents(input.amount),
                reference=input.reference,
                received_at=input.received_at,
            )
        except DomainError as error:
            return RecordPaymentPayload(user_errors=user_errors(error))
        return RecordPaymentPayload(
            invoice=Invoice.from_row(recorded.invoice), payment=Payment.from_row(recorded.payment)
        )
