"""Per-request loaders of customers' figures and licenses, scoped to the caller.

Both read through the licensing services, which scope every query with the actor; the actor is
the same for a whole request, so each loader takes it with its first key. A list of customers
costs one query for all their figures and two for all their licenses, whatever its length.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from strawberry.dataloader import DataLoader

from backend.identity.actor import Actor
from backend.licensing.customers import (
    NO_LICENSES,
    CustomerStats,
    customer_stats,
    licenses_of_customers,
)
from backend.licensing.models import License

StatsKey = tuple[int | None, int]
"""(the vendor's reseller filter or None, the customer's user id)."""
LicensesKey = tuple[int | None, int, int, tuple[datetime, int] | None]
"""(reseller filter, customer id, how many, after which (assigned_at, id))."""


class CustomerStatsLoader:
    """``CustomerStatsByCustomer``: the figures of each customer, one grouped query per batch."""

    def __init__(self) -> None:
        self._loader: DataLoader[StatsKey, CustomerStats] | None = None

    async def load(self, actor: Actor, reseller_id: int | None, customer_id: int) -> CustomerStats:
        if self._loader is None:

            async def batch(keys: Sequence[StatsKey]) -> list[CustomerStats]:
                wanted: dict[int | None, set[int]] = defaultdict(set)
                for scope, customer in keys:
                    wanted[scope].add(customer)
                found = {
                    scope: await customer_stats(actor=actor, customer_ids=ids, reseller_id=scope)
                    for scope, ids in wanted.items()
                }
                return [found[scope].get(customer, NO_LICENSES) for scope, customer in keys]

            self._loader = DataLoader(load_fn=batch)
        return await self._loader.load((reseller_id, customer_id))


class CustomerLicensesLoader:
    """``LicensesByCustomer``: a page of each customer's licenses, two queries per batch."""

    def __init__(self) -> None:
        self._loader: DataLoader[LicensesKey, list[License]] | None = None

    async def load(
        self,
        actor: Actor,
        reseller_id: int | None,
        customer_id: int,
        first: int,
        after: tuple[datetime, int] | None,
    ) -> list[License]:
        if self._loader is None:

            async def batch(keys: Sequence[LicensesKey]) -> list[list[License]]:
                groups: dict[tuple[int | None, int, tuple[datetime, int] | None], set[int]]
                groups = defaultdict(set)
                for scope, customer, count, cursor in keys:
                    groups[(scope, count, cursor)].add(customer)
                found = {
                    group: await licenses_of_customers(
                        actor=actor,
                        customer_ids=ids,
                        first=group[1],
                        after=group[2],
                        reseller_id=group[0],
                    )
                    for group, ids in groups.items()
                }
                return [
                    found[(scope, count, cursor)].get(customer, [])
                    for scope, customer, count, cursor in keys
                ]

            self._loader = DataLoader(load_fn=batch)
        return await self._loader.load((reseller_id, customer_id, first, after))
