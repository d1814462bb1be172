"""A reseller's customers: the people its licenses are assigned to.

Customers are global users (one person may buy from several resellers), so "the customers of a
reseller" is a view through its licenses: the users with at least one of its licenses assigned.
Every figure about a customer (how many licenses, which products, first and last assignment)
counts only the licenses in the caller's scope (``Actor.scope``), so a customer of two resellers
shows each of them only its own licenses. The figures of many customers come from one grouped
query, never one per customer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import F, Q, Subquery
from tortoise.functions import Count, Max, Min
from tortoise.queryset import QuerySet

from backend.identity.actor import Actor
from backend.identity.models import User
from backend.identity.roles import Permission, Role
from backend.licensing.models import License

MAX_SEARCH = 200
EXPORT_BATCH = 1000
ASSIGNED_AT = License._meta.fields_map["assigned_at"]
CUSTOMER_FIELDS = ("id", "email", "name", "created_at")  # created_at: a sort of the list


@dataclass(frozen=True, slots=True)
class CustomerStats:
    """A customer's licenses in the caller's scope."""

    license_count: int = 0
    product_ids: tuple[int, ...] = ()
    """The products of those licenses, each once, by id."""
    first_assigned_at: datetime | None = None
    last_assigned_at: datetime | None = None


NO_LICENSES = CustomerStats()


def scoped_licenses(actor: Actor, *, reseller_id: int | None = None) -> QuerySet[License]:
    """The licenses whose customers the actor sees: its scope, for vendor admins optionally
    narrowed to one reseller."""
    licenses = actor.scope(License)
    if reseller_id is not None:
        licenses = licenses.filter(reseller_id=reseller_id)
    return licenses


def customers(
    *, actor: Actor, search: str | None = None, reseller_id: int | None = None
) -> QuerySet[User]:
    """The customers with at least one license in the actor's scope (vendor admins: of every
    reseller, or of ``reseller_id``); ``search`` matches part of the email or name."""
    actor.require(Permission.CUSTOMERS_READ)
    # ``annotate`` leaves out the model's default ORDER BY, which would make PostgreSQL sort and
    # materialise the subquery (quadratic when its statistics are stale, e.g. after a bulk load)
    # instead of probing the (reseller_id, customer_id) index per customer
    assigned = (
        scoped_licenses(actor, reseller_id=reseller_id)
        .filter(customer_id__isnull=False)
        .annotate(customer=F("customer_id"))
        .values("customer")
    )
    # a customer's own columns only: never its password hash, and less to read per row
    queryset = User.filter(role=Role.CUSTOMER, id__in=Subquery(assigned)).only(*CUSTOMER_FIELDS)
    term = (search or "").strip()[:MAX_SEARCH]
    if term:
        queryset = queryset.filter(Q(email__icontains=term) | Q(name__icontains=term))
    return queryset


async def visible_customers(*, actor: Actor, ids: Collection[int]) -> list[User]:
    """Those of ``ids`` the actor may see as customers: with a license in its scope, or (a
    customer) itself."""
    if not ids:
        return []
    if actor.can(Permission.CUSTOMERS_READ):
        return await customers(actor=actor).filter(id__in=list(ids))
    if actor.is_customer and actor.user_id in ids:
        return await User.filter(id=actor.user_id, role=Role.CUSTOMER)
    return []


async def customer_stats(
    *, actor: Actor, customer_ids: Collection[int], reseller_id: int | None = None
) -> dict[int, CustomerStats]:
    """The figures of each customer in ``customer_ids``, in one grouped query."""
    if not customer_ids:
        return {}
    rows = await (
        scoped_licenses(actor, reseller_id=reseller_id)
        .filter(customer_id__in=list(customer_ids))
        .annotate(count=Count("id"), first=Min("assigned_at"), last=Max("assigned_at"))
        .group_by("customer_id", "product_id")
        .order_by("customer_id", "product_id")
        .values("customer_id", "product_id", "count", "first", "last")
    )
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["customer_id"]].append(row)
    return {customer_id: _stats(group) for customer_id, group in grouped.items()}


def _stats(rows: Sequence[dict[str, Any]]) -> CustomerStats:
    firsts = [_moment(row["first"]) for row in rows]
    lasts = [_moment(row["last"]) for row in rows]
    return CustomerStats(
        license_count=sum(row["count"] for row in rows),
        product_ids=tuple(row["product_id"] for row in rows),
        first_assigned_at=min((m for m in firsts if m is not None), default=None),
        last_assigned_at=max((m for m in lasts if m is not None), default=None),
    )


def _moment(value: Any) -> datetime | None:
    """An aggregate of a timestamp column as an aware datetime (SQLite answers with text)."""
    if value is None or isinstance(value, datetime):
        return value
    converted: datetime | None = ASSIGNED_AT.to_python_value(value)
    return converted


async def licenses_of_customers(
    *,
    actor: Actor,
    customer_ids: Collection[int],
    first: int,
    after: tuple[datetime, int] | None = None,
    reseller_id: int | None = None,
) -> dict[int, list[License]]:
    """Up to ``first`` licenses of each customer in the actor's scope, the latest assigned first
    (after the license at ``after``, an ``(assigned_at, id)`` pair), in two queries whatever the
    number of customers: their keys, then the rows of the licenses picked."""
    if not customer_ids:
        return {}
    licenses = scoped_licenses(actor, reseller_id=reseller_id).filter(
        customer_id__in=list(customer_ids)
    )
    if after is not None:
        moment, license_id = after
        licenses = licenses.filter(
            Q(assigned_at__lt=moment) | Q(assigned_at=moment, id__lt=license_id)
        )
    keys = await licenses.order_by("customer_id", "-assigned_at", "-id").values_list(
        "customer_id", "id"
    )
    picked: dict[int, list[int]] = defaultdict(list)
    for customer_id, license_id in keys:
        if len(picked[customer_id]) < first:
            picked[customer_id].append(license_id)
    wanted = [license_id for ids in picked.values() for license_id in ids]
    rows = {row.id: row for row in await License.filter(id__in=wanted)} if wanted else {}
    return {customer_id: [rows[i] for i in ids] for customer_id, ids in picked.items()}


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One line of the customers export."""

    customer: User
    stats: CustomerStats


async def customer_batches(
    *,
    actor: Actor,
    search: str | None = None,
    reseller_id: int | None = None,
    batch_size: int = EXPORT_BATCH,
) -> AsyncIterator[list[CustomerRow]]:
    """Every customer the actor sees, by email, in batches of ``batch_size``: one keyset query
    and one grouped query per batch, so that memory stays flat however many there are."""
    queryset = customers(actor=actor, search=search, reseller_id=reseller_id)
    last_email: str | None = None
    while True:
        page = queryset if last_email is None else queryset.filter(email__gt=last_email)
        users = await page.order_by("email").limit(batch_size)
        if not users:
            return
        stats = await customer_stats(
            actor=actor, customer_ids=[u.id for u in users], reseller_id=reseller_id
        )
        yield [CustomerRow(user, stats.get(user.id, NO_LICENSES)) for user in users]
        if len(users) < batch_size:
            return
        last_email = users[-1].email
