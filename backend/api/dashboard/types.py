"""GraphQL types of the home page: ``Dashboard`` and the purchases chart.

Each figure is one aggregate query, run at most once per request however many fields share it
(the license counts, the invoice figures and this month's orders each feed several fields), and
the objects they list resolve their relations through the per-request loaders, so the whole
selection costs a fixed number of SQL statements. A figure the viewer's role may not read is
null: the page leaves that card out.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import field
from datetime import datetime
from typing import Any, TypeVar

import strawberry

from backend.api.audit.types import AuditEvent
from backend.api.catalog.types import Product
from backend.api.commerce.types import money
from backend.api.context import Info
from backend.api.errors import ClientError
from backend.api.licensing.types import License
from backend.api.money import Money
from backend.dashboard import figures
from backend.identity.roles import Permission

T = TypeVar("T")
MAX_ITEMS = 20


def check_count(first: int) -> int:
    if not 1 <= first <= MAX_ITEMS:
        raise ClientError(f"`first` must be between 1 and {MAX_ITEMS}, not {first}.")
    return first


@strawberry.type(description="One product's share of a month's purchases.")
class ProductPurchases:
    product: Product = strawberry.field(description="The product bought.")
    total: Money = strawberry.field(
        description="What its order lines came to that month, after the reseller discount."
    )


@strawberry.type(description="What was bought in one calendar month (UTC), for the chart.")
class MonthlyPurchases:
    month: str = strawberry.field(description='The month, "YYYY-MM".')
    total: Money = strawberry.field(
        description="The month's orders' total after discount; 0 in a month without orders."
    )
    by_product: list[ProductPurchases] = strawberry.field(
        description="The total per product, largest first; products not bought are left out."
    )


@strawberry.type(
    description="The home page's figures for the signed-in partner (vendor admins: across every "
    "account). A figure is null when the viewer's role may not read what it counts."
)
class Dashboard:
    now: strawberry.Private[datetime]
    shared: strawberry.Private[dict[str, asyncio.Future[Any]]] = field(default_factory=dict)

    def _once(self, name: str, load: Callable[[], Awaitable[T]]) -> Awaitable[T]:
        """``load()`` run once for every field of this dashboard that needs it."""
        if name not in self.shared:
            self.shared[name] = asyncio.ensure_future(load())
        future: asyncio.Future[T] = self.shared[name]
        return asyncio.shield(future)

    async def _licenses(self, info: Info) -> figures.LicenseFigures | None:
        actor = info.context.actor
        if not actor.can(Permission.LICENSES_READ):
            return None
        return await self._once(
            "licenses", lambda: figures.license_figures(actor=actor, now=self.now)
        )

    async def _invoices(self, info: Info) -> figures.InvoiceFigures | None:
        actor = info.context.actor
        if not actor.can(Permission.INVOICES_READ):
            return None
        return await self._once(
            "invoices", lambda: figures.invoice_figures(actor=actor, now=self.now)
        )

    async def _orders(self, info: Info) -> figures.OrderFigures | None:
        actor = info.context.actor
        if not actor.can(Permission.ORDERS_READ):
            return None
        return await self._once(
            "orders", lambda: figures.orders_this_month(actor=actor, now=self.now)
        )

    @strawberry.field(
        description="Licenses for resale not yet assigned to a customer (personal licenses are "
        "never assigned). Null without the permission to read licenses."
    )
    async def unassigned_licenses(self, info: Info) -> int | None:
        found = await self._licenses(info)
        return found.unassigned if found is not None else None

    @strawberry.field(
        description="What is left to pay on open invoices (summaries and unpaid pay-on-order "
        "invoices; not those waiting for the month's summary). Null without the permission to "
        "read invoices."
    )
    async def amount_due(self, info: Info) -> Money | None:
        found = await self._invoices(info)
        return money(found.amount_due_cents) if found is not None else None

    @strawberry.field(
        description="The earliest due date of those open invoices; null when none is open or "
        "without the permission to read invoices."
    )
    async def next_due_at(self, info: Info) -> datetime | None:
        found = await self._invoices(info)
        return found.next_due_at if found is not None else None

    @strawberry.field(
        description="The part of `amountDue` already past its due date. Null without the "
        "permission to read invoices."
    )
    async def overdue_amount(self, info: Info) -> Money | None:
        found = await self._invoices(info)
        return money(found.overdue_cents) if found is not None else None

    @strawberry.field(
        description="How many licenses' M&S ends within the next 60 days. Null without the "
        "permission to read licenses."
    )
    async def maintenance_ending_count(self, info: Info) -> int | None:
        found = await self._licenses(info)
        return found.maintenance_ending if found is not None else None

    @strawberry.field(
        description="Those licenses whose M&S ends within the next 60 days, the soonest first "
        "(`first`: 1 to 20). Null without the permission to read licenses."
    )
    async def maintenance_ending(self, info: Info, first: int = 5) -> list[License] | None:
        check_count(first)
        actor = info.context.actor
        if not actor.can(Permission.LICENSES_READ):
            return None
        rows = await figures.maintenance_ending(actor=actor, now=self.now, first=first)
        return [License.from_row(row) for row in rows]

    @strawberry.field(
        description="The total after discount of the orders placed this calendar month (UTC). "
        "Null without the permission to read orders."
    )
    async def purchases_this_month(self, info: Info) -> Money | None:
        found = await self._orders(info)
        return money(found.total_cents) if found is not None else None

    @strawberry.field(
        description="How many orders were placed this calendar month (UTC). Null without the "
        "permission to read orders."
    )
    async def orders_this_month(self, info: Info) -> int | None:
        found = await self._orders(info)
        return found.count if found is not None else None

    @strawberry.field(
        description="Purchases of the last 12 calendar months (UTC), oldest first and the "
        "current month last, by product. Null without the permission to read orders."
    )
    async def monthly_purchases(self, info: Info) -> list[MonthlyPurchases] | None:
        actor = info.context.actor
        if not actor.can(Permission.ORDERS_READ):
            return None
        months = await figures.monthly_purchases(actor=actor, now=self.now)
        snapshot = await info.context.loaders.catalog.load()
        products = snapshot.by_id["product"]
        return [
            MonthlyPurchases(
                month=str(month.period),
                total=money(month.total_cents),
                by_product=[
                    ProductPurchases(
                        product=Product.from_domain(products[product_id]), total=money(cents)
                    )
                    for product_id, cents in month.by_product.items()
                ],
            )
            for month in months
        ]

    @strawberry.field(
        description="The newest changes in the audit log the viewer may read (`first`: 1 to "
        "20). Null without the permission to read the audit log."
    )
    async def recent_activity(self, info: Info, first: int = 8) -> list[AuditEvent] | None:
        check_count(first)
        actor = info.context.actor
        if not actor.can(Permission.AUDIT_READ):
            return None
        rows = await figures.recent_activity(actor=actor, first=first)
        return [AuditEvent.from_row(row) for row in rows]
