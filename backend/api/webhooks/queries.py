"""Webhook queries: the account's endpoints (each with its deliveries)."""

from __future__ import annotations

import strawberry
from strawberry import relay

from backend.api.context import Info
from backend.api.ids import id_filter
from backend.api.pagination import paginate
from backend.api.permissions import access
from backend.api.webhooks.types import WebhookEndpoint
from backend.webhooks import models
from backend.webhooks.services import MANAGE


@strawberry.type
class WebhooksQuery:
    @strawberry.field(
        description="The account's webhook endpoints, newest first (vendor admins: every "
        "account's, or one account's with `resellerId`).",
        extensions=access(MANAGE),
    )
    async def webhook_endpoints(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        reseller_id: strawberry.ID | None = None,
    ) -> relay.Connection[WebhookEndpoint]:
        queryset = info.context.actor.scope(models.WebhookEndpoint)
        if reseller_id is not None:
            queryset = queryset.filter(reseller_id=id_filter(reseller_id, "Reseller"))
        return await paginate(
            queryset,
            first=first,
            after=after,
            to_node=WebhookEndpoint.from_row,
            order=("-created_at", "-id"),
        )

    @strawberry.field(
        description="One of the account's webhook endpoints; null when there is none with this id.",
        extensions=access(MANAGE),
    )
    async def webhook_endpoint(self, info: Info, id: strawberry.ID) -> WebhookEndpoint | None:
        pk = id_filter(id, "WebhookEndpoint")
        row = await info.context.actor.scope(models.WebhookEndpoint).get_or_none(id=pk)
        return WebhookEndpoint.from_row(row) if row is not None else None
