"""Pages of deliveries of several endpoints at once: the delivery logs of a list of endpoints
in two statements, whatever its length.

The first statement numbers each endpoint's deliveries, newest first, with ``ROW_NUMBER()``
(SQLite 3.25+ and PostgreSQL) and keeps the ids of the first ``count`` of each; the second
reads those rows with their events. Only the ids of the pages are read, however many
deliveries an endpoint has. Callers pass endpoint ids already scoped to the actor.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from datetime import datetime
from typing import Any

from tortoise import connections
from tortoise.functions import Count

from backend.webhooks.models import DeliveryStatus, WebhookDelivery

ORDER = ("-created_at", "-id")
"""A delivery log's order: newest first."""

_TABLE = WebhookDelivery._meta.db_table
_CREATED_AT = WebhookDelivery._meta.fields_map["created_at"]


async def deliveries_of_endpoints(
    endpoint_ids: Collection[int],
    *,
    count: int,
    after: tuple[datetime, int] | None = None,
    status: DeliveryStatus | None = None,
) -> dict[int, list[WebhookDelivery]]:
    """Up to ``count`` deliveries of each endpoint (with ``status`` if given), newest first,
    after the delivery at ``after`` (a ``(created_at, id)`` pair) if given."""
    if not endpoint_ids:
        return {}
    connection = connections.get("default")
    postgres = connection.capabilities.dialect == "postgres"
    values: list[Any] = []

    def parameter(value: Any) -> str:
        values.append(value)
        return f"${len(values)}" if postgres else "?"

    ids = sorted(set(endpoint_ids))
    # the ids as one parameter: an array on PostgreSQL, a JSON list read by json_each on SQLite
    if postgres:
        conditions = [f"endpoint_id = ANY({parameter(ids)})"]
    else:
        conditions = ["endpoint_id IN (SELECT value FROM json_each(?))"]
        parameter(json.dumps(ids))
    if status is not None:
        conditions.append(f"status = {parameter(status.value)}")
    if after is not None:
        moment = _CREATED_AT.to_db_value(after[0], WebhookDelivery)
        conditions.append(
            f"(created_at < {parameter(moment)} OR "
            f"(created_at = {parameter(moment)} AND id < {parameter(after[1])}))"
        )
    sql = (
        "SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY endpoint_id "  # noqa: S608
        "ORDER BY created_at DESC, id DESC) AS position "
        f"FROM {_TABLE} WHERE {' AND '.join(conditions)}) AS ranked "
        f"WHERE position <= {int(count)}"
    )
    _, rows = await connection.execute_query(sql, values)
    picked = [int(row["id"]) for row in rows]
    if not picked:
        return {}
    found: dict[int, list[WebhookDelivery]] = defaultdict(list)
    for delivery in await WebhookDelivery.filter(id__in=picked).select_related("event"):
        found[delivery.endpoint_id].append(delivery)
    for deliveries in found.values():
        deliveries.sort(key=lambda row: (row.created_at, row.id), reverse=True)
    return found


async def delivery_counts(endpoint_ids: Collection[int]) -> dict[int, dict[DeliveryStatus, int]]:
    """How many deliveries of each endpoint are in each status (those the log keeps): one
    grouped statement."""
    if not endpoint_ids:
        return {}
    rows = (
        await WebhookDelivery.filter(endpoint_id__in=list(set(endpoint_ids)))
        .annotate(count=Count("id"))
        .group_by("endpoint_id", "status")
        .values_list("endpoint_id", "status", "count")
    )
    found: dict[int, dict[DeliveryStatus, int]] = defaultdict(dict)
    for endpoint_id, status, count in rows:
        found[endpoint_id][DeliveryStatus(status)] = count
    return found
