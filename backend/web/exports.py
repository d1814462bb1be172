"""``/exports/customers.csv``: the account's customers, downloadable as CSV.

Authenticated like ``/graphql`` (the session cookie or an API key) and scoped the same way. The
file is streamed in keyset batches, one query for the customers and one grouped query for their
figures per batch, so memory stays flat however many customers there are. Cells that a
spreadsheet would take for a formula are written as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse

from backend import clock
from backend.api.ids import id_filter
from backend.catalog.services import Catalog, load_catalog
from backend.identity.actor import Actor
from backend.identity.api_keys import ApiKeyRefused
from backend.identity.roles import Permission
from backend.licensing.customers import EXPORT_BATCH, CustomerRow, customer_batches
from backend.settings import Settings
from backend.web.auth import authenticate

BATCH = EXPORT_BATCH
"""Customers per query: each batch is one query for them and one for their figures."""
HEADER = ("email", "name", "licenses", "products", "first_assigned_at", "last_assigned_at")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """A cell a spreadsheet shows as typed: one starting like a formula gets a leading quote."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _moment(value: datetime | None) -> str:
    """ISO 8601 in UTC, e.g. ``2026-04-01T08:00:00Z``."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z") if value is not None else ""


def csv_lines(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(
        [[safe_cell(cell) for cell in row] for row in rows]
    )
    return buffer.getvalue()


def _row(row: CustomerRow, catalog: Catalog) -> list[str]:
    names = [p.name for p in catalog.products if p.id in row.stats.product_ids]
    return [
        row.customer.email,
        row.customer.name,
        str(row.stats.license_count),
        "; ".join(names),
        _moment(row.stats.first_assigned_at),
        _moment(row.stats.last_assigned_at),
    ]


async def _stream(
    actor: Actor, search: str | None, reseller_id: int | None, catalog: Catalog
) -> AsyncIterator[str]:
    yield csv_lines([HEADER])
    batches = customer_batches(
        actor=actor, search=search, reseller_id=reseller_id, batch_size=BATCH
    )
    async for batch in batches:
        yield csv_lines([_row(row, catalog) for row in batch])


class CustomersExport:
    """The endpoint; ``?search=`` narrows it like the customers list, and vendor admins may
    name one account with ``?resellerId=`` (its global id)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def respond(self, request: Request) -> Response:
        try:
            actor = await authenticate(request, self.settings)
        except ApiKeyRefused as refused:
            return PlainTextResponse(
                str(refused), status_code=401, headers={"WWW-Authenticate": "Bearer"}
            )
        if not actor.is_authenticated:
            return PlainTextResponse("Sign in first.", status_code=401)
        if not actor.can(Permission.CUSTOMERS_READ):
            return PlainTextResponse("Your role does not allow this.", status_code=403)
        given = request.query_params.get("resellerId")
        reseller_id = id_filter(given, "Reseller") if given else None
        search = request.query_params.get("search")
        catalog = await load_catalog()
        filename = f"customers-{clock.now():%Y-%m-%d}.csv"
        return StreamingResponse(
            _stream(actor, search, reseller_id, catalog),
            media_type="text/csv; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="{filename}"',
                "Cache-Control": "no-store",
                "X-Content-Type-Options": "nosniff",
            },
        )
