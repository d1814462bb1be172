"""Webhooks: a reseller's endpoints, the events of its account, and their deliveries.

An event is written in the transaction of the change it reports, with one delivery per enabled
endpoint of the reseller that subscribes to its type (``backend.webhooks.events``); the webhook
worker (``backend.webhooks.worker``) then POSTs each delivery, with retries, and logs every
HTTP attempt.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.accounts.models import Reseller
    from backend.identity.models import User


class EventType(StrEnum):
    """What happened; the ``type`` of an event."""

    ORDER_COMPLETED = "order.completed"
    LICENSE_ASSIGNED = "license.assigned"
    LICENSE_MODIFIED = "license.modified"
    INVOICE_CREATED = "invoice.created"
    INVOICE_SUMMARIZED = "invoice.summarized"
    INVOICE_PAID = "invoice.paid"
    MAINTENANCE_EXPIRING = "maintenance.expiring"
    WEBHOOK_TEST = "webhook.test"
    """Sent by ``sendTestWebhook`` to one endpoint; never subscribed to."""


SUBSCRIBABLE = tuple(t for t in EventType if t is not EventType.WEBHOOK_TEST)


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    """Waiting for its first or next attempt."""
    SUCCEEDED = "SUCCEEDED"
    """The endpoint answered 2xx."""
    FAILED = "FAILED"
    """Gave up after the last retry."""


class WebhookEndpoint(Model):
    """A URL of a reseller's that receives the events it subscribes to."""

    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.IntField(primary_key=True)
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="webhook_endpoints", on_delete=fields.RESTRICT
    )
    reseller_id: int
    url = fields.CharField(max_length=2000)
    description = fields.CharField(max_length=200, default="")
    events: list[str] = fields.JSONField(default=list, description="Subscribed event types.")
    secret_encrypted = fields.TextField(description="The signing secret, AES-GCM encrypted.")
    previous_secret_encrypted = fields.TextField(
        null=True, description="The secret before the last roll, still signing until it expires."
    )
    previous_secret_expires_at = fields.DatetimeField(null=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="webhook_endpoints", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    created_at = fields.DatetimeField()
    disabled_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhooks_endpoint"
        ordering = ["-created_at", "-id"]
        indexes = (("reseller_id", "created_at", "id"),)


class WebhookEvent(Model):
    """Something that happened to a reseller's account, as sent to its endpoints."""

    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.CharField(max_length=40, primary_key=True, description="evt_<random>")
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="webhook_events", on_delete=fields.RESTRICT
    )
    reseller_id: int
    type = fields.CharField(max_length=40)
    occurred_at = fields.DatetimeField()
    payload: dict[str, Any] = fields.JSONField(description="The object, as the API shows it.")
    dedupe_key = fields.CharField(
        max_length=200,
        null=True,
        unique=True,
        description="Makes an event that must happen once (M&S expiring) unique.",
    )

    class Meta:
        table = "webhooks_event"


class WebhookDelivery(Model):
    """One event to one endpoint: claimed, sent and retried like the email outbox."""

    tenant_field: ClassVar[str] = "endpoint__reseller_id"
    id = fields.BigIntField(primary_key=True)
    event: fields.ForeignKeyRelation[WebhookEvent] = fields.ForeignKeyField(
        "models.WebhookEvent", related_name="deliveries", on_delete=fields.CASCADE
    )
    event_id: str
    endpoint: fields.ForeignKeyRelation[WebhookEndpoint] = fields.ForeignKeyField(
        "models.WebhookEndpoint", related_name="deliveries", on_delete=fields.CASCADE
    )
    endpoint_id: int
    status = fields.CharEnumField(DeliveryStatus, max_length=20, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0, description="Attempts since the last (re)delivery.")
    created_at = fields.DatetimeField()
    next_attempt_at = fields.DatetimeField()
    claimed_by = fields.CharField(max_length=100, null=True)
    claimed_until = fields.DatetimeField(null=True)
    last_status_code = fields.IntField(null=True)
    last_error = fields.TextField(default="")
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhooks_delivery"
        ordering = ["-created_at", "-id"]
        unique_together = (("event_id", "endpoint_id"),)
        indexes = (("status", "next_attempt_at"), ("endpoint_id", "created_at", "id"))
        constraints = (CheckConstraint(check="attempts >= 0", name="webhooks_delivery_attempts"),)


class WebhookAttempt(Model):
    """One HTTP request of a delivery: the delivery log."""

    id = fields.BigIntField(primary_key=True)
    delivery: fields.ForeignKeyRelation[WebhookDelivery] = fields.ForeignKeyField(
        "models.WebhookDelivery", related_name="attempt_log", on_delete=fields.CASCADE
    )
    delivery_id: int
    at = fields.DatetimeField()
    status_code = fields.IntField(
        null=True, description="The HTTP status, null when no answer came."
    )
    error = fields.TextField(default="", description="Why it failed, when it did.")
    duration_ms = fields.IntField()

    class Meta:
        table = "webhooks_attempt"
        ordering = ["-at", "-id"]
        indexes = (("delivery_id", "at", "id"),)
        constraints = (CheckConstraint(check="duration_ms >= 0", name="webhooks_attempt_duration"),)


class WebhookJobRun(Model):
    """A periodic job's run of one day, claimed by one process (like ``BillingPeriod``)."""

    key = fields.CharField(max_length=100, primary_key=True, description="job:YYYY-MM-DD")
    claimed_by = fields.CharField(max_length=100, null=True)
    claimed_until = fields.DatetimeField(null=True)
    done_at = fields.DatetimeField(null=True)

    class Meta:
        table = "webhooks_job_run"
