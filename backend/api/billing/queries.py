"""Queries of invoices."""

from __future__ import annotations

import strawberry
from strawberry import relay

from backend.api.billing.types import Invoice
from backend.api.context import Info
from backend.api.enums import InvoiceKind
from backend.api.ids import id_filter
from backend.api.pagination import paginate
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


@strawberry.type
class BillingQuery:
    @strawberry.field(
        description="The account's invoices, newest first.",
        extensions=access(Permission.INVOICES_READ),
    )
    async def invoices(
        self,
        info: Info,
        filter: InvoiceFilter | None = None,
        first: int = 20,
        after: str | None = None,
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
        return await paginate(
            queryset,
            first=first,
            after=after,
            to_node=Invoice.from_row,
            order=("-issued_at", "-id"),
        )
