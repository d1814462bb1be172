"""Emitting events: written in the transaction of the change they report, like the email outbox.

``emit`` opens no transaction of its own. Call it inside the transaction of the business change,
so that the event and its deliveries commit with the change or not at all::

    async with in_transaction():
        invoice = await Invoice.create(...)
        await emit(reseller_id=invoice.reseller_id, type=EventType.INVOICE_CREATED, data=...)

It costs one query when the reseller has no endpoint subscribed to the type (nothing is
written, and a lazy ``data`` is never built), else that query, the payload's and two inserts.
"""

from __future__ import annotations

import inspect
import secrets
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from backend import clock
from backend.billing.models import Invoice, InvoiceKind
from backend.commerce.models import Order
from backend.licensing.models import License
from backend.webhooks import payloads
from backend.webhooks.models import (
    DeliveryStatus,
    EventType,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)

EVENT_ID_PREFIX = "evt_"
Data = Mapping[str, Any]
Many = Sequence[Data] | Callable[[], Awaitable[Sequence[Data]]]


def new_event_id() -> str:
    return EVENT_ID_PREFIX + secrets.token_hex(12)


async def subscriptions(reseller_id: int) -> dict[str, list[int]]:
    """The ids of the reseller's enabled endpoints by the event type they subscribe to."""
    rows = await WebhookEndpoint.filter(reseller_id=reseller_id, disabled_at=None).values_list(
        "id", "events"
    )
    found: dict[str, list[int]] = {}
    for pk, events in rows:
        for type in events:
            found.setdefault(type, []).append(pk)
    return found


async def emit_many(
    *,
    reseller_id: int,
    type: EventType,
    data: Many,
    dedupe_keys: Sequence[str] | None = None,
    subscribed: Mapping[str, Sequence[int]] | None = None,
) -> list[WebhookEvent]:
    """One event per item of ``data`` (a list, or an async function making it only when some
    endpoint subscribes), each with one delivery per subscribed endpoint; in the caller's
    transaction. ``dedupe_keys`` (one per item) make the events unique: a second emit with a
    key raises ``IntegrityError``. ``subscribed`` saves the endpoints' query when the caller
    has read ``subscriptions`` already."""
    if subscribed is None:
        subscribed = await subscriptions(reseller_id)
    endpoint_ids = subscribed.get(type.value, [])
    if not endpoint_ids:
        return []
    items = data() if callable(data) else data
    if inspect.isawaitable(items):
        items = await items
    keys: Sequence[str | None] = dedupe_keys if dedupe_keys is not None else [None] * len(items)
    now = clock.now()
    events = [
        WebhookEvent(
            id=new_event_id(),
            reseller_id=reseller_id,
            type=type.value,
            occurred_at=now,
            payload=dict(item),
            dedupe_key=key,
        )
        for item, key in zip(items, keys, strict=True)
    ]
    if not events:
        return []
    await WebhookEvent.bulk_create(events)
    await WebhookDelivery.bulk_create(
        [
            WebhookDelivery(
                event_id=event.id,
                endpoint_id=endpoint_id,
                status=DeliveryStatus.PENDING,
                attempts=0,
                created_at=now,
                next_attempt_at=now,
            )
            for event in events
            for endpoint_id in endpoint_ids
        ]
    )
    return events


async def emit(
    *,
    reseller_id: int,
    type: EventType,
    data: Data | Callable[[], Awaitable[Data]],
    dedupe_key: str | None = None,
    subscribed: Mapping[str, Sequence[int]] | None = None,
) -> WebhookEvent | None:
    """One event (see ``emit_many``); None when no endpoint subscribes."""

    async def one() -> list[Data]:
        made = data() if callable(data) else data
        return [await made if inspect.isawaitable(made) else made]

    events = await emit_many(
        reseller_id=reseller_id,
        type=type,
        data=one,
        dedupe_keys=None if dedupe_key is None else [dedupe_key],
        subscribed=subscribed,
    )
    return events[0] if events else None


# The events of each business change, for the one-line calls in the domains' services.


async def order_completed(order: Order, invoice: Invoice, issued: Sequence[License]) -> None:
    """``order.completed``, ``invoice.created`` and, for an order paid at checkout,
    ``invoice.paid``."""

    async def order_data() -> Data:
        return {"order": await payloads.order(order, invoice_row=invoice, issued=issued)}

    invoice_data = {"invoice": payloads.invoice(invoice, order_number=order.number)}
    found = await subscriptions(order.reseller_id)  # one query for the three
    types = [EventType.ORDER_COMPLETED, EventType.INVOICE_CREATED]
    if invoice.paid_at is not None:
        types.append(EventType.INVOICE_PAID)
    for type in types:
        data = order_data if type is EventType.ORDER_COMPLETED else invoice_data
        await emit(reseller_id=order.reseller_id, type=type, data=data, subscribed=found)


async def licenses_event(
    type: EventType, reseller_id: int, license_ids: Sequence[int], **extra: Any
) -> None:
    """One event per license (``license.assigned``, ``license.modified``)."""

    async def data() -> list[Data]:
        return [{"license": found, **extra} for found in await payloads.licenses(license_ids)]

    await emit_many(reseller_id=reseller_id, type=type, data=data)


async def licenses_modified(
    reseller_id: int, changes: Sequence[tuple[int, str]], *, order_number: str
) -> None:
    """One ``license.modified`` per change: the license after it, and what the change was
    (``kind``: UPGRADE, MAINTENANCE_RENEWAL or MAINTENANCE_REINSTATEMENT)."""

    async def data() -> list[Data]:
        found = await payloads.licenses([license_id for license_id, _ in changes])
        return [
            {"license": license, "change": {"kind": kind, "orderNumber": order_number}}
            for license, (_, kind) in zip(found, changes, strict=True)
        ]

    await emit_many(reseller_id=reseller_id, type=EventType.LICENSE_MODIFIED, data=data)


async def invoice_paid(invoice: Invoice) -> None:
    async def data() -> Data:
        if invoice.kind is InvoiceKind.SUMMARY:
            return {"invoice": await payloads.summary_invoice(invoice)}
        number = None
        if invoice.order_id is not None:
            number = await Order.get(id=invoice.order_id).values_list("number", flat=True)
        return {"invoice": payloads.invoice(invoice, order_number=str(number))}

    await emit(reseller_id=invoice.reseller_id, type=EventType.INVOICE_PAID, data=data)


async def invoice_summarized(summary: Invoice) -> None:
    async def data() -> Data:
        return {"invoice": await payloads.summary_invoice(summary)}

    await emit(reseller_id=summary.reseller_id, type=EventType.INVOICE_SUMMARIZED, data=data)
