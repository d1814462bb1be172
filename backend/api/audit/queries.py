"""The audit log, newest first."""

from __future__ import annotations

import strawberry
from strawberry import relay

from backend.api.audit.types import AuditEvent
from backend.api.context import Info
from backend.api.ids import id_filter
from backend.api.pagination import paginate
from backend.api.permissions import access
from backend.audit import models
from backend.identity.roles import Permission


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="The kinds of action the audit log holds (for the caller), to filter by.",
        extensions=access(Permission.AUDIT_READ),
    )
    async def audit_actions(self, info: Info) -> list[str]:
        actions = (
            await info.context.actor.scope(models.AuditEvent)
            .order_by("action")
            .distinct()
            .values_list("action", flat=True)
        )
        return [str(action) for action in actions]

    @strawberry.field(
        description="Changes made in the account, newest first; `action` narrows to one kind "
        "(e.g. `employee.add`) or a family (`employee`). Vendor admins see every account's.",
        extensions=access(Permission.AUDIT_READ),
    )
    async def audit_events(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        action: str | None = None,
        reseller_id: strawberry.ID | None = None,
    ) -> relay.Connection[AuditEvent]:
        queryset = info.context.actor.scope(models.AuditEvent)
        if action:
            action = action.strip()
            family = action.endswith(".") or "." not in action
            queryset = (
                queryset.filter(action__startswith=action.rstrip(".") + ".")
                if family
                else queryset.filter(action=action)
            )
        if reseller_id is not None:
            queryset = queryset.filter(reseller_id=id_filter(reseller_id, "Reseller"))
        return await paginate(
            queryset,
            first=first,
            after=after,
            to_node=AuditEvent.from_row,
            order=("-occurred_at", "-id"),
        )
