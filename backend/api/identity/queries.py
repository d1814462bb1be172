"""Identity queries: the viewer and the account's API keys."""

from __future__ import annotations

import strawberry
from strawberry import relay

from backend.api.context import Info
from backend.api.identity.types import ApiKey, Viewer, viewer_of
from backend.api.ids import id_filter
from backend.api.pagination import paginate
from backend.api.permissions import PUBLIC, access
from backend.identity import models
from backend.identity.roles import Permission


@strawberry.type
class IdentityQuery:
    @strawberry.field(
        description="Who is asking; null when not signed in.", extensions=access(PUBLIC)
    )
    async def viewer(self, info: Info) -> Viewer | None:
        return viewer_of(info.context.actor)

    @strawberry.field(
        description="The account's API keys, newest first (vendor admins: every account's, "
        "or one account's with `resellerId`).",
        extensions=access(Permission.API_KEYS_MANAGE),
    )
    async def api_keys(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        reseller_id: strawberry.ID | None = None,
    ) -> relay.Connection[ApiKey]:
        queryset = info.context.actor.scope(models.ApiKey)
        if reseller_id is not None:
            queryset = queryset.filter(reseller_id=id_filter(reseller_id, "Reseller"))
        return await paginate(
            queryset,
            first=first,
            after=after,
            to_node=ApiKey.from_row,
            order=("-created_at", "-id"),
        )
