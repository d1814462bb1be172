"""GraphQL types of the email outbox (the vendor's view of what the portal sent)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from backend.api.enums import OutboxStatus
from backend.api.model_node import ModelNode
from backend.identity.roles import Permission
from backend.notifications import models


@strawberry.type(description="An email the portal sent or is about to send.")
class EmailMessage(ModelNode):
    model = models.OutboxMessage
    permission = Permission.EMAIL_READ
    id: relay.NodeID[int]
    template: str = strawberry.field(description="Which kind of message, e.g. `invite`.")
    to: list[str] = strawberry.field(description="The recipients.")
    subject: str = strawberry.field(description="The subject line.")
    text_body: str = strawberry.field(description="The plain-text version.")
    html_body: str = strawberry.field(description="The HTML version.")
    status: OutboxStatus = strawberry.field(description="Pending, sent or failed.")
    attempts: int = strawberry.field(description="Delivery attempts so far.")
    last_error: str = strawberry.field(description="Why the last attempt failed, if it did.")
    created_at: datetime = strawberry.field(description="When the message was queued.")
    sent_at: datetime | None = strawberry.field(description="When it was delivered.")

    @classmethod
    def from_row(cls, row: models.OutboxMessage) -> EmailMessage:
        return cls(
            id=row.id,
            template=row.template,
            to=list(row.recipients),
            subject=row.subject,
            text_body=row.text_body,
            html_body=row.html_body,
            status=row.status,
            attempts=row.attempts,
            last_error=row.last_error,
            created_at=row.created_at,
            sent_at=row.sent_at,
        )
