"""The audit log: one row per change, written in the transaction of the change itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.accounts.models import Reseller


class AuditEvent(Model):
    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.BigIntField(primary_key=True)
    occurred_at = fields.DatetimeField()
    reseller: fields.ForeignKeyNullableRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="audit_events", null=True, on_delete=fields.RESTRICT
    )
    reseller_id: int | None
    actor_user_id = fields.IntField(null=True, description="The user who acted, if any.")
    actor_api_key_id = fields.IntField(null=True, description="The API key that acted, if any.")
    actor_label = fields.CharField(max_length=300, description="Who acted, as people read it.")
    action = fields.CharField(max_length=60, description="What happened, e.g. employee.add.")
    target_type = fields.CharField(max_length=40, default="")
    target_id = fields.CharField(max_length=40, default="")
    target_label = fields.CharField(max_length=300, default="")
    changes: dict[str, Any] = fields.JSONField(default=dict)
    ip_address = fields.CharField(max_length=64, default="")
    request_id = fields.CharField(max_length=64, default="")

    class Meta:
        table = "audit_event"
        ordering = ["-occurred_at", "-id"]
        indexes = (("reseller_id", "occurred_at"), ("action", "occurred_at"))
