"""GraphQL types of webhooks: endpoints, their deliveries and each delivery's attempts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Self

import strawberry
from strawberry import relay

from backend.api.context import Info
from backend.api.ids import MAX_BIG_ID, is_database_id
from backend.api.model_node import ModelNode
from backend.api.pagination import check_first, page, position
from backend.webhooks import models
from backend.webhooks.listing import ORDER
from backend.webhooks.services import MANAGE
from backend.webhooks.worker import body_of


@strawberry.enum(description="What happened: the `type` of a webhook event.")
class WebhookEventType(Enum):
    ORDER_COMPLETED = strawberry.enum_value(
        "order.completed", description="`order.completed`: an order was placed (checkout)."
    )
    LICENSE_ASSIGNED = strawberry.enum_value(
        "license.assigned", description="`license.assigned`: a license was given to a customer."
    )
    LICENSE_MODIFIED = strawberry.enum_value(
        "license.modified",
        description="`license.modified`: a license was upgraded, got add-ons, or its M&S was "
        "renewed or reinstated.",
    )
    INVOICE_CREATED = strawberry.enum_value(
        "invoice.created", description="`invoice.created`: an order's invoice was issued."
    )
    INVOICE_SUMMARIZED = strawberry.enum_value(
        "invoice.summarized",
        description="`invoice.summarized`: a month's summary invoice was issued.",
    )
    INVOICE_PAID = strawberry.enum_value(
        "invoice.paid", description="`invoice.paid`: an invoice was paid in full."
    )
    MAINTENANCE_EXPIRING = strawberry.enum_value(
        "maintenance.expiring",
        description="`maintenance.expiring`: a license's M&S ends in 30 days or less.",
    )
    WEBHOOK_TEST = strawberry.enum_value(
        "webhook.test",
        description="`webhook.test`: sent by `sendTestWebhook`; cannot be subscribed to.",
    )


strawberry.enum(
    models.DeliveryStatus,
    name="WebhookDeliveryStatus",
    description="PENDING: waiting for its first or next attempt. SUCCEEDED: the endpoint "
    "answered 2xx. FAILED: every retry failed (redeliver to try again).",
)


def event_types(values: Iterable[str]) -> list[WebhookEventType]:
    return [WebhookEventType(value) for value in values]


@strawberry.type(description="One HTTP request of a delivery.")
class WebhookAttempt:
    at: datetime = strawberry.field(description="When the request was sent.")
    status_code: int | None = strawberry.field(
        description="The HTTP status of the answer; null when there was none (timeout, no "
        "connection)."
    )
    error: str = strawberry.field(description="Why it failed; empty when it succeeded.")
    duration_ms: int = strawberry.field(description="How long the request took, in ms.")

    @classmethod
    def from_row(cls, row: models.WebhookAttempt) -> WebhookAttempt:
        return cls(
            at=row.at, status_code=row.status_code, error=row.error, duration_ms=row.duration_ms
        )


@strawberry.type(description="An event as it is sent: its id, type, time and object.")
class WebhookEvent:
    event_id: str = strawberry.field(
        description="The event's id (`evt_…`), the same in every delivery and retry: "
        "receivers deduplicate by it."
    )
    type: WebhookEventType = strawberry.field(description="What happened.")
    occurred_at: datetime = strawberry.field(description="When it happened.")
    payload: str = strawberry.field(description="The JSON body POSTed, exactly as sent.")

    @classmethod
    def from_row(cls, row: models.WebhookEvent) -> WebhookEvent:
        return cls(
            event_id=row.id,
            type=WebhookEventType(row.type),
            occurred_at=row.occurred_at,
            payload=body_of(row).decode("utf-8"),
        )


@strawberry.type(description="One event sent to one endpoint, with retries.")
class WebhookDelivery(ModelNode):
    model = models.WebhookDelivery
    permission = MANAGE
    id: relay.NodeID[int]
    status: models.DeliveryStatus = strawberry.field(description="Where the delivery is.")
    attempts: int = strawberry.field(
        description="Requests made since it was queued or last redelivered."
    )
    last_status_code: int | None = strawberry.field(
        description="The HTTP status of the last answer; null before any or when none came."
    )
    last_error: str = strawberry.field(description="Why the last attempt failed, if it did.")
    created_at: datetime = strawberry.field(description="When the delivery was queued.")
    next_attempt_at: datetime | None = strawberry.field(
        description="When the next attempt is due; null once it succeeded or failed."
    )
    delivered_at: datetime | None = strawberry.field(
        description="When the endpoint accepted it (2xx)."
    )
    event: WebhookEvent = strawberry.field(description="What is delivered.")
    endpoint_id: strawberry.Private[int]

    @strawberry.field(description="Every request made, newest first (redeliveries included).")
    async def attempt_log(self, info: Info) -> list[WebhookAttempt]:
        rows = await info.context.loaders.webhook_attempts_by_delivery.load(self.id)
        return [WebhookAttempt.from_row(row) for row in rows]

    @strawberry.field(description="The endpoint it is sent to.")
    async def endpoint(self, info: Info) -> WebhookEndpoint:
        # the delivery was read in the actor's scope, and its endpoint is of the same account
        row = await info.context.loaders.webhook_endpoint_by_id.load(self.endpoint_id)
        assert row is not None  # a delivery's endpoint is deleted with it (cascade)
        return WebhookEndpoint.from_row(row)

    @classmethod
    def from_row(cls, row: models.WebhookDelivery) -> Self:
        pending = row.status is models.DeliveryStatus.PENDING
        return cls(
            id=row.id,
            status=row.status,
            attempts=row.attempts,
            last_status_code=row.last_status_code,
            last_error=row.last_error,
            created_at=row.created_at,
            next_attempt_at=row.next_attempt_at if pending else None,
            delivered_at=row.delivered_at,
            event=WebhookEvent.from_row(row.event),
            endpoint_id=row.endpoint_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls,
        *,
        info: strawberry.Info,
        node_ids: Iterable[str],
        required: bool = False,
    ) -> list[Self | None]:
        actor = info.context.actor
        wanted = [str(node_id) for node_id in node_ids]
        ids = [int(node_id) for node_id in wanted if is_database_id(node_id, MAX_BIG_ID)]
        rows: dict[str, models.WebhookDelivery] = {}
        if ids and actor.can(MANAGE):
            found = actor.scope(models.WebhookDelivery).filter(id__in=ids).select_related("event")
            rows = {str(row.pk): row for row in await found}
        return [cls.from_row(rows[node_id]) if node_id in rows else None for node_id in wanted]


@strawberry.type(description="How many of an endpoint's deliveries (those kept) are where.")
class WebhookDeliveryCounts:
    pending: int = strawberry.field(description="Waiting for their first or next attempt.")
    succeeded: int = strawberry.field(description="Accepted by the endpoint (2xx).")
    failed: int = strawberry.field(description="Given up after every retry failed.")


@strawberry.type(description="A URL of the account's that receives the events it subscribes to.")
class WebhookEndpoint(ModelNode):
    model = models.WebhookEndpoint
    permission = MANAGE
    id: relay.NodeID[int]
    url: str = strawberry.field(description="Where events are POSTed.")
    description: str = strawberry.field(description="What the endpoint is for.")
    events: list[WebhookEventType] = strawberry.field(description="The event types it receives.")
    enabled: bool = strawberry.field(
        description="Whether events are sent to it; a disabled endpoint gets no new events and "
        "its queued deliveries wait."
    )
    created_at: datetime = strawberry.field(description="When it was registered.")
    disabled_at: datetime | None = strawberry.field(description="When it was disabled, if it is.")
    created_by_id: strawberry.Private[int | None]

    @strawberry.field(description="Email of the user who registered it.")
    async def created_by(self, info: Info) -> str | None:
        if self.created_by_id is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.created_by_id)
        return user.email if user else None

    @strawberry.field(
        description="The latest delivery queued for this endpoint (its status and last answer "
        "tell how the endpoint is doing); null before the first."
    )
    async def last_delivery(self, info: Info) -> WebhookDelivery | None:
        rows = await info.context.loaders.webhook_deliveries_by_endpoint.load(
            (self.id, 1, None, None)
        )
        return WebhookDelivery.from_row(rows[0]) if rows else None

    @strawberry.field(description="The endpoint's deliveries counted by status.")
    async def delivery_counts(self, info: Info) -> WebhookDeliveryCounts:
        counts = await info.context.loaders.webhook_delivery_counts.load(self.id)
        return WebhookDeliveryCounts(
            pending=counts.get(models.DeliveryStatus.PENDING, 0),
            succeeded=counts.get(models.DeliveryStatus.SUCCEEDED, 0),
            failed=counts.get(models.DeliveryStatus.FAILED, 0),
        )

    @strawberry.field(description="The deliveries to this endpoint, newest first.")
    async def deliveries(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        status: models.DeliveryStatus | None = None,
    ) -> relay.Connection[WebhookDelivery]:
        check_first(first)
        cursor = None
        if after is not None:
            moment, delivery_id = position(models.WebhookDelivery, ORDER, after)
            cursor = (moment, delivery_id)
        rows = await info.context.loaders.webhook_deliveries_by_endpoint.load(
            (self.id, first + 1, cursor, status)
        )
        return page(
            models.WebhookDelivery,
            rows,
            first=first,
            after=after,
            to_node=WebhookDelivery.from_row,
            order=ORDER,
        )

    @classmethod
    def from_row(cls, row: models.WebhookEndpoint) -> Self:
        return cls(
            id=row.id,
            url=row.url,
            description=row.description,
            events=event_types(row.events),
            enabled=row.disabled_at is None,
            created_at=row.created_at,
            disabled_at=row.disabled_at,
            created_by_id=row.created_by_id,
        )
