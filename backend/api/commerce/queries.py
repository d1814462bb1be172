"""Queries of buying: the viewer's cart and the account's orders."""

from __future__ import annotations

import strawberry
from strawberry import relay

from backend.api.commerce.types import Cart, Order
from backend.api.context import Info
from backend.api.errors import ClientError
from backend.api.ids import id_filter
from backend.api.pagination import paginate
from backend.api.permissions import access
from backend.commerce import cart, models
from backend.errors import DomainError
from backend.identity.roles import Permission


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
        description="The account's orders, newest first (vendor admins: every account's, or "
        "one account's with `resellerId`).",
        extensions=access(Permission.ORDERS_READ),
    )
    async def orders(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        reseller_id: strawberry.ID | None = None,
    ) -> relay.Connection[Order]:
        queryset = info.context.actor.scope(models.Order)
        if reseller_id is not None:
            queryset = queryset.filter(reseller_id=id_filter(reseller_id, "Reseller"))
        return await paginate(
            queryset, first=first, after=after, to_node=Order.from_row, order=("-placed_at", "-id")
        )
