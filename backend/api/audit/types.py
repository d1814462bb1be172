"""GraphQL types of the audit log."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay

from backend.api.accounts.types import Reseller
from backend.api.context import Info
from backend.api.model_node import ModelNode
from backend.audit import models
from backend.identity.roles import Permission


@strawberry.type(description="One changed value of an audited change.")
class AuditChange:
    field: str = strawberry.field(description="What changed.")
    old_value: str | None = strawberry.field(description="Before, as JSON; null if none.")
    new_value: str | None = strawberry.field(description="After, as JSON; null if none.")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


@strawberry.type(description="A change made in the portal: who, what, when and from where.")
class AuditEvent(ModelNode):
    model = models.AuditEvent
    permission = Permission.AUDIT_READ
    id: relay.NodeID[int]
    occurred_at: datetime = strawberry.field(description="When it happened.")
    action: str = strawberry.field(description="What happened, e.g. `employee.add`.")
    actor: str = strawberry.field(description="Who did it: an email or an API key.")
    target_type: str = strawberry.field(description="The kind of object changed.")
    target_label: str = strawberry.field(description="The object changed, as people know it.")
    ip_address: str = strawberry.field(description="The address the request came from.")
    changes: list[AuditChange] = strawberry.field(description="The values that changed.")
    reseller_id: strawberry.Private[int | None]

    @strawberry.field(description="The reseller account concerned; null for vendor matters.")
    async def reseller(self, info: Info) -> Reseller | None:
        if self.reseller_id is None:
            return None
        row = await info.context.loaders.reseller_by_id.load(self.reseller_id)
        return Reseller.from_row(row) if row is not None else None

    @classmethod
    def from_row(cls, row: models.AuditEvent) -> AuditEvent:
        changes = []
        for field, value in sorted(row.changes.items()):
            old, new = value if isinstance(value, list) and len(value) == 2 else (None, value)
            changes.append(AuditChange(field=field, old_value=_json(old), new_value=_json(new)))
        return cls(
            id=row.id,
            occurred_at=row.occurred_at,
            action=row.action,
            actor=row.actor_label,
            target_type=row.target_type,
            target_label=row.target_label,
            ip_address=row.ip_address,
            changes=changes,
            reseller_id=row.reseller_id,
        )
