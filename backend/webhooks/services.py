"""Managing a reseller's webhook endpoints, and acting on their deliveries.

Who: the account's owner and vendor admins (``MANAGE``, the permission that guards the
account's other credentials, its API keys); API keys never manage endpoints. Every change to an
endpoint is in the audit log.

Endpoint URLs are ``https://`` addresses. In development (``PARTNER_PORTAL_ENV=development``)
``http://`` is accepted too, for a receiver on the developer's machine; in production an
``http://`` URL, a ``localhost`` name or an IP address that is not public (loopback, private,
link-local) is refused.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import Reseller
from backend.audit.services import diff, record
from backend.errors import DomainError, ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.roles import Permission
from backend.webhooks import payloads
from backend.webhooks.events import new_event_id
from backend.webhooks.models import (
    SUBSCRIBABLE,
    DeliveryStatus,
    EventType,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from backend.webhooks.secrets import encrypt, new_secret

MANAGE = Permission.API_KEYS_MANAGE
MAX_URL_LENGTH = 2000
MAX_DESCRIPTION_LENGTH = 200
MAX_ENDPOINTS = 20
"""Endpoints per reseller account."""
PREVIOUS_SECRET_VALID_FOR = timedelta(hours=24)
"""After a roll, deliveries are signed with the old secret as well for this long."""


def check_url(url: str, problems: Problems, *, allow_http: bool) -> str:
    """The URL, stripped, or a problem on ``url``."""
    url = url.strip()
    if not url:
        problems.add(ErrorKind.REQUIRED, "Give the endpoint's URL.", "url")
        return url
    if len(url) > MAX_URL_LENGTH or not url.isprintable() or any(c.isspace() for c in url):
        problems.add(ErrorKind.INVALID, f"Use a URL of at most {MAX_URL_LENGTH} characters.", "url")
        return url
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        problems.add(ErrorKind.INVALID, "This is not a valid URL.", "url")
        return url
    schemes = ("https", "http") if allow_http else ("https",)
    if parts.scheme.lower() not in schemes or not parts.hostname:
        wanted = "an https:// or http://" if allow_http else "an https://"
        problems.add(ErrorKind.INVALID, f"Use {wanted} URL, as in https://example.com/hook.", "url")
    elif parts.username is not None or parts.password is not None:
        problems.add(ErrorKind.INVALID, "Leave credentials out of the URL.", "url")
    elif parts.fragment:
        problems.add(ErrorKind.INVALID, "Leave the #fragment out of the URL.", "url")
    elif not allow_http and not _public_host(parts.hostname):
        problems.add(ErrorKind.INVALID, "Use a public address, not a local or private one.", "url")
    return url


def _public_host(host: str) -> bool:
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True  # a name
    return address.is_global


def check_events(events: Sequence[str], problems: Problems) -> list[str]:
    """The subscribed types, deduplicated in the catalog's order."""
    known = {t.value for t in SUBSCRIBABLE}
    unknown = [e for e in events if e not in known]
    if unknown:
        problems.add(
            ErrorKind.INVALID, f"Unknown event type: {', '.join(sorted(unknown))}.", "events"
        )
    if not events:
        problems.add(ErrorKind.REQUIRED, "Subscribe to at least one event type.", "events")
    return [t.value for t in SUBSCRIBABLE if t.value in events]


def check_description(description: str, problems: Problems) -> str:
    description = description.strip()
    if len(description) > MAX_DESCRIPTION_LENGTH or not description.isprintable():
        problems.add(
            ErrorKind.INVALID,
            f"Use at most {MAX_DESCRIPTION_LENGTH} printable characters.",
            "description",
        )
    return description


async def create_endpoint(
    *,
    actor: Actor,
    reseller_id: int | None,
    url: str,
    events: Sequence[str],
    description: str,
    secret_key: str,
    allow_http: bool,
) -> tuple[WebhookEndpoint, str]:
    """A new endpoint and its signing secret, which is never shown again."""
    actor.require(MANAGE)
    target = actor.target_reseller(reseller_id)
    problems = Problems()
    url = check_url(url, problems, allow_http=allow_http)
    subscribed = check_events(events, problems)
    description = check_description(description, problems)
    problems.raise_if_any()
    if not await actor.scope(Reseller).filter(id=target).exists():
        raise not_found("reseller", "reseller_id")
    secret = new_secret()
    async with in_transaction():
        if await WebhookEndpoint.filter(reseller_id=target).count() >= MAX_ENDPOINTS:
            raise DomainError(
                ErrorKind.CONFLICT,
                f"An account has at most {MAX_ENDPOINTS} endpoints: delete one first.",
            )
        endpoint = await WebhookEndpoint.create(
            reseller_id=target,
            url=url,
            description=description,
            events=subscribed,
            secret_encrypted=encrypt(secret, secret_key=secret_key),
            created_by_id=actor.user_id,
            created_at=clock.now(),
        )
        await record(
            actor,
            "webhook_endpoint.create",
            reseller_id=target,
            target=endpoint,
            target_label=url[:300],
            changes={"url": [None, url], "events": [None, subscribed]},
        )
    return endpoint, secret


async def update_endpoint(
    *,
    actor: Actor,
    endpoint_id: int,
    url: str | None = None,
    events: Sequence[str] | None = None,
    description: str | None = None,
    enabled: bool | None = None,
    allow_http: bool,
) -> WebhookEndpoint:
    """Change what is given; disabling stops new deliveries (queued ones wait until enabled)."""
    actor.require(MANAGE)
    problems = Problems()
    changes: dict[str, Any] = {}
    if url is not None:
        changes["url"] = check_url(url, problems, allow_http=allow_http)
    if events is not None:
        changes["events"] = check_events(events, problems)
    if description is not None:
        changes["description"] = check_description(description, problems)
    problems.raise_if_any()
    async with in_transaction():
        endpoint = await _endpoint(actor, endpoint_id)
        before = _state(endpoint)
        if enabled is not None and enabled != (endpoint.disabled_at is None):
            changes["disabled_at"] = None if enabled else clock.now()
        if changes:
            await endpoint.update_from_dict(changes).save(update_fields=list(changes))
            changed = diff(before, _state(endpoint))
            if changed:
                await record(
                    actor,
                    "webhook_endpoint.update",
                    reseller_id=endpoint.reseller_id,
                    target=endpoint,
                    target_label=endpoint.url[:300],
                    changes=changed,
                )
    return endpoint


async def delete_endpoint(*, actor: Actor, endpoint_id: int) -> WebhookEndpoint:
    """Delete an endpoint with its deliveries and their log; nothing more is sent to it."""
    actor.require(MANAGE)
    async with in_transaction():
        endpoint = await _endpoint(actor, endpoint_id)
        await WebhookEndpoint.filter(id=endpoint.id).delete()
        await record(
            actor,
            "webhook_endpoint.delete",
            reseller_id=endpoint.reseller_id,
            target=endpoint,
            target_label=endpoint.url[:300],
        )
    return endpoint


async def roll_secret(
    *, actor: Actor, endpoint_id: int, secret_key: str
) -> tuple[WebhookEndpoint, str]:
    """A new signing secret, shown once; deliveries carry a signature with the old one as well
    for ``PREVIOUS_SECRET_VALID_FOR``, so the receiver can switch without losing any."""
    actor.require(MANAGE)
    secret = new_secret()
    async with in_transaction():
        endpoint = await _endpoint(actor, endpoint_id)
        endpoint.previous_secret_encrypted = endpoint.secret_encrypted
        endpoint.previous_secret_expires_at = clock.now() + PREVIOUS_SECRET_VALID_FOR
        endpoint.secret_encrypted = encrypt(secret, secret_key=secret_key)
        await endpoint.save(
            update_fields=[
                "secret_encrypted",
                "previous_secret_encrypted",
                "previous_secret_expires_at",
            ]
        )
        await record(
            actor,
            "webhook_endpoint.roll_secret",
            reseller_id=endpoint.reseller_id,
            target=endpoint,
            target_label=endpoint.url[:300],
        )
    return endpoint, secret


async def redeliver(*, actor: Actor, delivery_id: int) -> WebhookDelivery:
    """Send a delivery again soon, for a new round of retries; its attempts stay in the log.
    A delivery being sent at this moment is left to finish."""
    actor.require(MANAGE)
    delivery = (
        await actor.scope(WebhookDelivery).select_related("endpoint").get_or_none(id=delivery_id)
    )
    if delivery is None:
        raise not_found("webhook delivery", "delivery_id")
    now = clock.now()
    idle = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    async with in_transaction():
        await (
            WebhookDelivery.filter(id=delivery.id)
            .filter(Q(status__in=[DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED]) | idle)
            .update(
                status=DeliveryStatus.PENDING,
                attempts=0,
                next_attempt_at=now,
                claimed_by=None,
                claimed_until=None,
            )
        )
        await record(
            actor,
            "webhook_delivery.redeliver",
            reseller_id=delivery.endpoint.reseller_id,
            target=delivery,
            target_label=delivery.event_id,
        )
    return await WebhookDelivery.get(id=delivery.id)


async def send_test(*, actor: Actor, endpoint_id: int) -> WebhookDelivery:
    """A ``webhook.test`` event, delivered to this endpoint only."""
    actor.require(MANAGE)
    async with in_transaction():
        endpoint = await _endpoint(actor, endpoint_id)
        if endpoint.disabled_at is not None:
            raise DomainError(
                ErrorKind.CONFLICT,
                "This endpoint is disabled: enable it to send a test.",
                field="endpoint_id",
            )
        now = clock.now()
        event = await WebhookEvent.create(
            id=new_event_id(),
            reseller_id=endpoint.reseller_id,
            type=EventType.WEBHOOK_TEST.value,
            occurred_at=now,
            payload={
                "endpoint": {
                    "id": payloads.global_id("WebhookEndpoint", endpoint.id),
                    "url": endpoint.url,
                },
                "message": "A test event sent from the Partner Portal.",
            },
        )
        delivery = await WebhookDelivery.create(
            event_id=event.id,
            endpoint_id=endpoint.id,
            status=DeliveryStatus.PENDING,
            attempts=0,
            created_at=now,
            next_attempt_at=now,
        )
        await record(
            actor,
            "webhook_endpoint.send_test",
            reseller_id=endpoint.reseller_id,
            target=endpoint,
            target_label=endpoint.url[:300],
            changes={"event": [None, event.id]},
        )
    return delivery


async def _endpoint(actor: Actor, endpoint_id: int) -> WebhookEndpoint:
    endpoint = await actor.scope(WebhookEndpoint).get_or_none(id=endpoint_id)
    if endpoint is None:
        raise not_found("webhook endpoint", "endpoint_id")
    return endpoint


def _state(endpoint: WebhookEndpoint) -> dict[str, Any]:
    return {
        "url": endpoint.url,
        "events": list(endpoint.events),
        "description": endpoint.description,
        "enabled": endpoint.disabled_at is None,
    }
