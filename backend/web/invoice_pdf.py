"""``/invoices/{id}/pdf``: an invoice as a PDF download (``?inline=1``: shown in the browser).

``{id}`` is the invoice's global id, as its ``pdfUrl`` gives it. Authenticated like ``/graphql``
(the session cookie or an API key), for callers who may read invoices, and scoped the same way:
an invoice of another account, or an id that is not an invoice's, is a 404 like a missing one.
The PDF is rendered in a worker thread, so the event loop keeps serving.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from backend.api.ids import id_filter
from backend.billing.documents import PDF_CONTENT_TYPE, invoice_document, render_pdf, vendor_of
from backend.billing.models import Invoice
from backend.identity.api_keys import ApiKeyRefused
from backend.identity.roles import Permission
from backend.settings import Settings
from backend.web.auth import authenticate

PRIVATE = {"Cache-Control": "private, no-store"}


class InvoicePdf:
    """The endpoint."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def respond(self, request: Request) -> Response:
        try:
            actor = await authenticate(request, self.settings)
        except ApiKeyRefused as refused:
            return PlainTextResponse(
                str(refused), status_code=401, headers={"WWW-Authenticate": "Bearer", **PRIVATE}
            )
        if not actor.is_authenticated:
            return PlainTextResponse("Sign in first.", status_code=401, headers=PRIVATE)
        if not actor.can(Permission.INVOICES_READ):
            return PlainTextResponse(
                "Your role does not allow this.", status_code=403, headers=PRIVATE
            )
        invoice_id = id_filter(request.path_params["invoice_id"], "Invoice")
        document = await invoice_document(invoice_id, actor.scope(Invoice)) if invoice_id else None
        if document is None:
            return PlainTextResponse("No such invoice.", status_code=404, headers=PRIVATE)
        disposition = "inline" if request.query_params.get("inline") == "1" else "attachment"
        return Response(
            await render_pdf(document, vendor_of(self.settings)),
            media_type=PDF_CONTENT_TYPE,
            headers={
                "Content-Disposition": f'{disposition}; filename="{document.filename}"',
                "X-Content-Type-Options": "nosniff",
                **PRIVATE,
            },
        )
