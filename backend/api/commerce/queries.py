"""Queries of buying: the viewer's cart and the account's orders."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import relay

from backend.api.commerce.types import Cart, Order
from backend.api.context import Info
from backend.api.enums import PaymentMethod
from backend.api.errors import ClientError
from backend.api.ids import id_filter
from backend.api.numbers import number_search
from backend.api.pagination import SortDirection, ordering, paginate
from backend.api.permissions import access
from backend.commerce import cart, models
from backend.errors import DomainError
from backend.identity.roles import Permission


@strawberry.enum(description="What the orders list can be sorted by.")
class OrderOrderField(Enum):
    PLACED_AT = strawberry.enum_value("placed_at", description="When the order was placed.")
    NUMBER = strawberry.enum_value("number", description="The order number.")
    TOTAL = strawberry.enum_value("total_cents", description="The order total.")


@strawberry.input(description="The order of the orders list.")
class OrderOrder:
    field: OrderOrderField = strawberry.field(description="What to sort by.")
    direction: SortDirection = strawberry.field(
        description="Ascending (when omitted) or descending.", default=SortDirection.ASC
    )


@strawberry.type
class CommerceQuery:
    @strawberry.field(
        description="The viewer's cart, priced from today's catalog with the account's discount.",
        extensions=access(Permission.SHOP),
    )
    async def cart(self, info: Info) -> Cart:
        try:
            priced = await cart.load_cart(
                actor=info.context.actor, catalog=await info.context.loaders.catalog.load()
            )
        except DomainError as error:
            raise ClientError(str(error), code="FORBIDDEN") from None
        return Cart.from_priced(priced)

    @strawberry.field(
        description="The account's orders, newest first unless `orderBy` says otherwise "
        "(vendor admins: every account's, or one account's with `resellerId`). `search` matches "
        "an order number in any case, whole or its beginning (`ORD-2026-0001`), or the number "
        "in its year's sequence (`123`). Pages forward with `first`/`after`, backward with "
        "`last`/`before`.",
        extensions=access(Permission.ORDERS_READ),
    )
    async def orders(
        self,
        info: Info,
        *,
        first: int = 20,
        after: str | None = None,
        reseller_id: strawberry.ID | None = None,
        order_by: OrderOrder | None = None,
        last: int | None = None,
        before: str | None = None,
        search: str | None = None,
        payment_method: PaymentMethod | None = None,
    ) -> relay.Connection[Order]:
        queryset = info.context.actor.scope(models.Order)
        if reseller_id is not None:
            queryset = queryset.filter(reseller_id=id_filter(reseller_id, "Reseller"))
        if (number := number_search(search, "order")) is not None:
            queryset = queryset.filter(number)
        if payment_method is not None:
            queryset = queryset.filter(payment_method=payment_method)
        return await paginate(
            queryset,
            first=first,
            after=after,
            last=last,
            before=before,
            to_node=Order.from_row,
            order=ordering(order_by, ("-placed_at", "-id")),
        )
