"""Per-request loaders of endpoints' delivery logs: one page of each endpoint's deliveries (two
statements for all the endpoints of a list), and their deliveries counted by status (one)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from strawberry.dataloader import DataLoader

from backend.webhooks.listing import deliveries_of_endpoints, delivery_counts
from backend.webhooks.models import DeliveryStatus, WebhookDelivery

Page = tuple[int, tuple[datetime, int] | None, DeliveryStatus | None]
"""(how many, after which (created_at, id), which status)."""
DeliveriesKey = tuple[int, int, tuple[datetime, int] | None, DeliveryStatus | None]
"""(the endpoint's id, then its page)."""


async def _batch(keys: Sequence[DeliveriesKey]) -> list[list[WebhookDelivery]]:
    pages: dict[Page, set[int]] = defaultdict(set)
    for endpoint, count, after, status in keys:
        pages[(count, after, status)].add(endpoint)
    found = {
        (count, after, status): await deliveries_of_endpoints(
            endpoints, count=count, after=after, status=status
        )
        for (count, after, status), endpoints in pages.items()
    }
    return [found[key[1:]].get(key[0], []) for key in keys]


def deliveries_by_endpoint() -> DataLoader[DeliveriesKey, list[WebhookDelivery]]:
    """``DeliveriesByEndpoint``: keys are (endpoint id, count, after, status)."""
    return DataLoader(load_fn=_batch)


async def _counts(keys: Sequence[int]) -> list[dict[DeliveryStatus, int]]:
    found = await delivery_counts(keys)
    return [found.get(key, {}) for key in keys]


def delivery_counts_by_endpoint() -> DataLoader[int, dict[DeliveryStatus, int]]:
    """``DeliveryCountsByEndpoint``: each endpoint's deliveries counted by status."""
    return DataLoader(load_fn=_counts)
