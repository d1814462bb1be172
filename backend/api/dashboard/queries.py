"""The ``dashboard`` and ``search`` queries."""

from __future__ import annotations

from typing import Annotated

import strawberry

from backend import clock
from backend.api.billing.types import Invoice
from backend.api.commerce.types import Order
from backend.api.context import Info
from backend.api.dashboard.types import Dashboard, check_count
from backend.api.errors import ClientError
from backend.api.licensing.customers import Customer
from backend.api.licensing.types import License
from backend.api.permissions import AUTHENTICATED, NOT_ALLOWED, access
from backend.billing import models as billing
from backend.commerce import models as commerce
from backend.dashboard import search as services
from backend.identity.models import User
from backend.licensing import models as licensing

SearchHit = Annotated[
    License | Customer | Invoice | Order,
    strawberry.union(
        "SearchHit",
        description="Something a search found: a license, a customer, an invoice or an order, "
        "each with the id of its page.",
    ),
]


def _hit(row: licensing.License | User | billing.Invoice | commerce.Order) -> SearchHit:
    if isinstance(row, licensing.License):
        return License.from_row(row)
    if isinstance(row, billing.Invoice):
        return Invoice.from_row(row)
    if isinstance(row, commerce.Order):
        return Order.from_row(row)
    return Customer.from_row(row)


@strawberry.type
class DashboardQuery:
    @strawberry.field(
        description="The home page's figures for the signed-in partner (or, for vendor admins, "
        "across every account). Not for customers.",
        extensions=access(AUTHENTICATED),
    )
    def dashboard(self, info: Info) -> Dashboard:
        if info.context.actor.is_customer:
            raise ClientError(NOT_ALLOWED, code="FORBIDDEN")
        return Dashboard(now=clock.now())

    @strawberry.field(
        description="Jump-to search: a license key (or its start), a customer email (or part), "
        "an invoice or order number (whole, or its last digits); at most `first` hits (1 to "
        "20), best first. Only the kinds the viewer may read, of its own account.",
        extensions=access(AUTHENTICATED),
    )
    async def search(self, info: Info, query: str, first: int = 8) -> list[SearchHit]:
        check_count(first)
        hits = await services.search(actor=info.context.actor, text=query, first=first)
        return [_hit(hit.row) for hit in hits]
