"""Webhook mutations: register, change, delete an endpoint; roll its secret; redeliver; test."""

from __future__ import annotations

import strawberry
from strawberry import relay

from backend.api.context import Info
from backend.api.errors import UserError, errors_field, user_errors
from backend.api.ids import MAX_BIG_ID, is_database_id, local_id, required_id
from backend.api.permissions import access
from backend.api.webhooks.types import WebhookDelivery, WebhookEndpoint, WebhookEventType
from backend.errors import DomainError, not_found
from backend.webhooks import models, services
from backend.webhooks.services import MANAGE

SHOWN_ONCE = (
    "The signing secret (`whsec_…`): verify each delivery's `Partner-Portal-Signature` with "
    "it. Store it now: it cannot be shown again."
)


@strawberry.input(description="A new webhook endpoint.")
class CreateWebhookEndpointInput:
    url: str = strawberry.field(
        description="Where to POST events: an https:// URL (http:// only in development)."
    )
    events: list[WebhookEventType] = strawberry.field(description="The event types to receive.")
    description: str = strawberry.field(description="What the endpoint is for.", default="")
    reseller_id: strawberry.ID | None = strawberry.field(
        description="The account (vendor admins only; others get their own).", default=None
    )


@strawberry.type(description="The new endpoint and its secret, which is shown only this once.")
class CreateWebhookEndpointPayload:
    endpoint: WebhookEndpoint | None = strawberry.field(description="The endpoint.", default=None)
    secret: str | None = strawberry.field(description=SHOWN_ONCE, default=None)
    user_errors: list[UserError] = errors_field()


@strawberry.input(description="Changes to a webhook endpoint; what is left out stays.")
class UpdateWebhookEndpointInput:
    endpoint_id: strawberry.ID = strawberry.field(description="The endpoint's id.")
    url: str | None = strawberry.field(description="A new URL.", default=None)
    events: list[WebhookEventType] | None = strawberry.field(
        description="The event types to receive from now on.", default=None
    )
    description: str | None = strawberry.field(description="A new description.", default=None)
    enabled: bool | None = strawberry.field(
        description="False: stop sending to it (queued deliveries wait); true: resume.",
        default=None,
    )


@strawberry.type(description="The changed endpoint.")
class UpdateWebhookEndpointPayload:
    endpoint: WebhookEndpoint | None = strawberry.field(description="The endpoint.", default=None)
    user_errors: list[UserError] = errors_field()


@strawberry.input(description="The webhook endpoint to act on.")
class WebhookEndpointInput:
    endpoint_id: strawberry.ID = strawberry.field(description="The endpoint's id.")


@strawberry.type(description="The deleted endpoint's id.")
class DeleteWebhookEndpointPayload:
    deleted_endpoint_id: strawberry.ID | None = strawberry.field(
        description="The id the endpoint had.", default=None
    )
    user_errors: list[UserError] = errors_field()


@strawberry.type(description="The endpoint and its new secret, which is shown only this once.")
class RollWebhookSecretPayload:
    endpoint: WebhookEndpoint | None = strawberry.field(description="The endpoint.", default=None)
    secret: str | None = strawberry.field(
        description=SHOWN_ONCE + " For 24 hours, deliveries are signed with the old "
        "secret as well.",
        default=None,
    )
    user_errors: list[UserError] = errors_field()


@strawberry.input(description="The delivery to send again.")
class RedeliverWebhookDeliveryInput:
    delivery_id: strawberry.ID = strawberry.field(description="The delivery's id.")


@strawberry.type(description="The delivery, queued to be sent again.")
class WebhookDeliveryPayload:
    delivery: WebhookDelivery | None = strawberry.field(description="The delivery.", default=None)
    user_errors: list[UserError] = errors_field()


def _endpoint_id(global_id: str) -> int:
    return required_id(global_id, "WebhookEndpoint", what="webhook endpoint", field="endpoint_id")


def _delivery_id(global_id: str) -> int:
    try:
        parsed = relay.GlobalID.from_id(global_id)
    except (ValueError, TypeError):
        raise not_found("webhook delivery", "delivery_id") from None
    if parsed.type_name != "WebhookDelivery" or not is_database_id(parsed.node_id, MAX_BIG_ID):
        raise not_found("webhook delivery", "delivery_id")
    return int(parsed.node_id)


async def _delivery(row: models.WebhookDelivery) -> WebhookDelivery:
    await row.fetch_related("event")
    return WebhookDelivery.from_row(row)


@strawberry.type
class WebhooksMutation:
    @strawberry.mutation(
        description="Register a webhook endpoint; its signing secret is in the answer and "
        "never again.",
        extensions=access(MANAGE),
    )
    async def create_webhook_endpoint(
        self, info: Info, input: CreateWebhookEndpointInput
    ) -> CreateWebhookEndpointPayload:
        settings = info.context.settings
        try:
            endpoint, secret = await services.create_endpoint(
                actor=info.context.actor,
                reseller_id=local_id(
                    input.reseller_id, "Reseller", what="reseller", field="reseller_id"
                ),
                url=input.url,
                events=[str(event.value) for event in input.events],
                description=input.description,
                secret_key=settings.secret_key,
                allow_http=settings.is_development,
            )
        except DomainError as error:
            return CreateWebhookEndpointPayload(user_errors=user_errors(error))
        return CreateWebhookEndpointPayload(
            endpoint=WebhookEndpoint.from_row(endpoint), secret=secret
        )

    @strawberry.mutation(
        description="Change a webhook endpoint's URL, events or description, or disable it.",
        extensions=access(MANAGE),
    )
    async def update_webhook_endpoint(
        self, info: Info, input: UpdateWebhookEndpointInput
    ) -> UpdateWebhookEndpointPayload:
        try:
            endpoint = await services.update_endpoint(
                actor=info.context.actor,
                endpoint_id=_endpoint_id(input.endpoint_id),
                url=input.url,
                events=None if input.events is None else [str(e.value) for e in input.events],
                description=input.description,
                enabled=input.enabled,
                allow_http=info.context.settings.is_development,
            )
        except DomainError as error:
            return UpdateWebhookEndpointPayload(user_errors=user_errors(error))
        return UpdateWebhookEndpointPayload(endpoint=WebhookEndpoint.from_row(endpoint))

    @strawberry.mutation(
        description="Delete a webhook endpoint with its delivery log; nothing more is sent to it.",
        extensions=access(MANAGE),
    )
    async def delete_webhook_endpoint(
        self, info: Info, input: WebhookEndpointInput
    ) -> DeleteWebhookEndpointPayload:
        try:
            endpoint = await services.delete_endpoint(
                actor=info.context.actor, endpoint_id=_endpoint_id(input.endpoint_id)
            )
        except DomainError as error:
            return DeleteWebhookEndpointPayload(user_errors=user_errors(error))
        return DeleteWebhookEndpointPayload(
            deleted_endpoint_id=strawberry.ID(
                str(relay.GlobalID("WebhookEndpoint", str(endpoint.id)))
            )
        )

    @strawberry.mutation(
        description="Replace a webhook endpoint's signing secret; the new one is in the "
        "answer and never again.",
        extensions=access(MANAGE),
    )
    async def roll_webhook_secret(
        self, info: Info, input: WebhookEndpointInput
    ) -> RollWebhookSecretPayload:
        try:
            endpoint, secret = await services.roll_secret(
                actor=info.context.actor,
                endpoint_id=_endpoint_id(input.endpoint_id),
                secret_key=info.context.settings.secret_key,
            )
        except DomainError as error:
            return RollWebhookSecretPayload(user_errors=user_errors(error))
        return RollWebhookSecretPayload(endpoint=WebhookEndpoint.from_row(endpoint), secret=secret)

    @strawberry.mutation(
        description="Send a delivery again within seconds, with a new round of retries; its "
        "earlier attempts stay in the log.",
        extensions=access(MANAGE),
    )
    async def redeliver_webhook_delivery(
        self, info: Info, input: RedeliverWebhookDeliveryInput
    ) -> WebhookDeliveryPayload:
        try:
            delivery = await services.redeliver(
                actor=info.context.actor, delivery_id=_delivery_id(input.delivery_id)
            )
        except DomainError as error:
            return WebhookDeliveryPayload(user_errors=user_errors(error))
        return WebhookDeliveryPayload(delivery=await _delivery(delivery))

    @strawberry.mutation(
        description="Send a `webhook.test` event to one endpoint (and no other).",
        extensions=access(MANAGE),
    )
    async def send_test_webhook(
        self, info: Info, input: WebhookEndpointInput
    ) -> WebhookDeliveryPayload:
        try:
            delivery = await services.send_test(
                actor=info.context.actor, endpoint_id=_endpoint_id(input.endpoint_id)
            )
        except DomainError as error:
            return WebhookDeliveryPayload(user_errors=user_errors(error))
        return WebhookDeliveryPayload(delivery=await _delivery(delivery))
