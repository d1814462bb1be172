"""Loaders of licenses that the generic ones cannot express."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from backend.licensing.models import License


def licenses_by_order() -> DataLoader[int, list[License]]:
    """``LicensesByOrder``: the licenses each order issued, oldest first, in one query."""

    async def load(keys: Sequence[int]) -> list[list[License]]:
        groups: dict[int, list[License]] = defaultdict(list)
        rows = (
            await License.filter(order_line__order_id__in=list(set(keys)))
            .select_related("order_line")
            .order_by("id")
        )
        for row in rows:
            groups[row.order_line.order_id].append(row)
        return [groups.get(key, []) for key in keys]

    return DataLoader(load_fn=load)
