"""The email outbox: messages are written here in the transaction of the change that causes
them, then delivered by the mail worker (``backend.notifications.worker``)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.accounts.models import Reseller


class OutboxStatus(StrEnum):
    PENDING = "PENDING"
    """Waiting for its first or next delivery attempt."""
    SENT = "SENT"
    """Delivered to the SMTP server, or written to the mail folder."""
    FAILED = "FAILED"
    """Gave up after the last retry, or refused for good by the server."""


class OutboxMessage(Model):
    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.BigIntField(primary_key=True)
    message_id = fields.CharField(max_length=200, unique=True, description="The Message-ID.")
    template = fields.CharField(max_length=60)
    reseller: fields.ForeignKeyNullableRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="outbox_messages", null=True, on_delete=fields.RESTRICT
    )
    reseller_id: int | None
    recipients: list[str] = fields.JSONField(default=list)
    subject = fields.CharField(max_length=300)
    text_body = fields.TextField()
    html_body = fields.TextField()
    attachments: list[dict[str, Any]] = fields.JSONField(
        default=list, description="Each a filename, content_type and base64 content."
    )
    status = fields.CharEnumField(OutboxStatus, max_length=20, default=OutboxStatus.PENDING)
    attempts = fields.IntField(default=0)
    created_at = fields.DatetimeField()
    next_attempt_at = fields.DatetimeField()
    claimed_by = fields.CharField(max_length=100, null=True)
    claimed_until = fields.DatetimeField(null=True)
    sent_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(default="")

    class Meta:
        table = "notifications_outbox_message"
        ordering = ["-created_at", "-id"]
        indexes = (("status", "next_attempt_at"),)
        constraints = (
            CheckConstraint(check="attempts >= 0", name="notifications_outbox_attempts"),
        )
