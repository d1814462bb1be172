"""The mutation that emails an invoice, its PDF attached, to addresses the partner gives."""

from __future__ import annotations

import strawberry

from backend.api.billing.types import Invoice
from backend.api.context import Info
from backend.api.errors import UserError, errors_field, user_errors
from backend.api.ids import required_id
from backend.api.permissions import access
from backend.billing import emails
from backend.errors import DomainError
from backend.identity.roles import Permission


@strawberry.input(description="The invoice to email and where to send it.")
class EmailInvoiceInput:
    invoice_id: strawberry.ID = strawberry.field(description="The invoice's global id.")
    to: list[str] = strawberry.field(
        description=f"The addresses to send it to: 1 to {emails.MAX_RECIPIENTS}, each given "
        "once (a repeated address is sent one email)."
    )
    message: str | None = strawberry.field(
        description=f"A note from the sender, quoted in the email; at most "
        f"{emails.MAX_MESSAGE_LENGTH} characters.",
        default=None,
    )


@strawberry.type(description="The invoice emailed, and to whom.")
class EmailInvoicePayload:
    invoice: Invoice | None = strawberry.field(description="The invoice emailed.", default=None)
    sent_to: list[str] = strawberry.field(
        description="The addresses it is sent to, in lower case, each once; the email is queued "
        "and delivered in the background.",
        default_factory=list,
    )
    user_errors: list[UserError] = errors_field()


@strawberry.type
class InvoiceEmailMutation:
    @strawberry.mutation(
        description="Email an invoice to up to ten addresses, its PDF attached, with an "
        "optional message. A bad address is reported at its position in `to`.",
        extensions=access(Permission.INVOICES_READ),
    )
    async def email_invoice(self, info: Info, input: EmailInvoiceInput) -> EmailInvoicePayload:
        try:
            emailed = await emails.email_invoice(
                actor=info.context.actor,
                invoice_id=required_id(
                    input.invoice_id, "Invoice", what="invoice", field="invoice_id"
                ),
                to=input.to,
                message=input.message,
                public_url=info.context.settings.public_url,
                vendor_name=info.context.settings.vendor_name,
            )
        except DomainError as error:
            return EmailInvoicePayload(user_errors=user_errors(error))
        return EmailInvoicePayload(
            invoice=Invoice.from_row(emailed.invoice), sent_to=emailed.sent_to
        )
