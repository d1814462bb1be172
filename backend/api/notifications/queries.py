"""The vendor's view of the email the portal sends."""

from __future__ import annotations

import strawberry
from strawberry import relay

from backend.api.context import Info
from backend.api.enums import OutboxStatus
from backend.api.notifications.types import EmailMessage
from backend.api.pagination import paginate
from backend.api.permissions import access
from backend.identity.roles import Permission
from backend.notifications import models


@strawberry.type
class NotificationsQuery:
    @strawberry.field(
        description="Recent email, newest first, with its delivery status.",
        extensions=access(Permission.EMAIL_READ),
    )
    async def emails(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        status: OutboxStatus | None = None,
    ) -> relay.Connection[EmailMessage]:
        queryset = info.context.actor.scope(models.OutboxMessage)
        if status is not None:
            queryset = queryset.filter(status=status)
        return await paginate(
            queryset,
            first=first,
            after=after,
            to_node=EmailMessage.from_row,
            order=("-created_at", "-id"),
        )
