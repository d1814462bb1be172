"""Queries of invoices."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import relay

from backend.api.billing.types import Invoice
from backend.api.context import Info
from backend.api.enums import InvoiceKind, InvoiceStatus
from backend.api.ids import id_filter
from backend.api.numbers import number_search
from backend.api.pagination import SortDirection, ordering, paginate
from backend.api.permissions import access
from backend.billing import models
from backend.identity.roles import Permission

UNPAID = (models.InvoiceStatus.OPEN, models.InvoiceStatus.PENDING_SUMMARY)


@strawberry.input(description="Which invoices to list; omitted criteria match every invoice.")
class InvoiceFilter:
    unpaid: bool | None = strawberry.field(
        description="true: only invoices not yet paid (open or pending summary); false: only "
        "paid or void ones.",
        default=None,
    )
    kind: InvoiceKind | None = strawberry.field(
        description="Only order invoices or only summaries.", default=None
    )
    reseller_id: strawberry.ID | None = strawberry.field(
        description="Vendor admins: one account's invoices.", default=None
    )
    status: InvoiceStatus | None = strawberry.field(
        description="Only invoices in this status.", default=None
    )
    search: str | None = strawberry.field(
        description="An invoice number in any case, whole or its beginning "
        "(`INV-2026-0001`), or the number in its year's sequence (`123` or `000123`).",
        default=None,
    )


@strawberry.enum(description="What the invoices list can be sorted by.")
class InvoiceOrderField(Enum):
    ISSUED_AT = strawberry.enum_value("issued_at", description="When the invoice was issued.")
    NUMBER = strawberry.enum_value("number", description="The invoice number.")
    TOTAL = strawberry.enum_value("total_cents", description="The invoice total.")


@strawberry.input(description="The order of the invoices list.")
class InvoiceOrder:
    field: InvoiceOrderField = strawberry.field(description="What to sort by.")
    direction: SortDirection = strawberry.field(
        description="Ascending (when omitted) or descending.", default=SortDirection.ASC
    )


@strawberry.type
class BillingQuery:
    @strawberry.field(
        description="The account's invoices, newest first unless `orderBy` says otherwise. "
        "Pages forward with `first`/`after`, backward with `last`/`before`.",
        extensions=access(Permission.INVOICES_READ),
    )
    async def invoices(
        self,
        info: Info,
        *,
        filter: InvoiceFilter | None = None,
        first: int = 20,
        after: str | None = None,
        order_by: InvoiceOrder | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> relay.Connection[Invoice]:
        queryset = info.context.actor.scope(models.Invoice)
        if filter is not None:
            if filter.unpaid is True:
                queryset = queryset.filter(status__in=UNPAID)
            elif filter.unpaid is False:
                queryset = queryset.exclude(status__in=UNPAID)
            if filter.kind is not None:
                queryset = queryset.filter(kind=filter.kind)
            if filter.reseller_id is not None:
                queryset = queryset.filter(reseller_id=id_filter(filter.reseller_id, "Reseller"))
            if filter.status is not None:
                queryset = queryset.filter(status=filter.status)
            if (number := number_search(filter.search, "invoice")) is not None:
                queryset = queryset.filter(number)
        return await paginate(
            queryset,
            first=first,
            after=after,
            last=last,
            before=before,
            to_node=Invoice.from_row,
            order=ordering(order_by, ("-issued_at", "-id")),
        )
