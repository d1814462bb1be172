"""The reseller's customers: the ``Customer`` type and the ``customers`` query."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import partial
from typing import Self

import strawberry
from strawberry import relay

from backend.api.catalog.types import Product, objects_of
from backend.api.context import Info
from backend.api.errors import ClientError
from backend.api.execution import NOT_AT_HAND, at_hand
from backend.api.ids import MAX_ID, id_filter, is_database_id
from backend.api.licensing.types import License
from backend.api.pagination import (
    SortDirection,
    check_first,
    connection,
    decode_cursor,
    ordering,
    paginate,
)
from backend.api.permissions import access
from backend.api.selections import asked_below
from backend.identity.models import User
from backend.identity.roles import Permission
from backend.licensing import customers as services
from backend.licensing.customers import NO_LICENSES, CustomerStats
from backend.licensing.models import License as LicenseRow

ASSIGNED_AT = LicenseRow._meta.fields_map["assigned_at"]


@dataclass(frozen=True)
class CustomerPage:
    """What a page of customers shows beyond its rows, loaded once for the page: the figures
    of every row (one grouped query, as the DataLoader would make) and the catalog's products
    in catalog order (built once per catalog snapshot), so each row's figures answer as plain
    lookups (``at_hand``) instead of a coroutine per row and field."""

    stats: dict[int, CustomerStats]
    products: list[tuple[int, Product]] | None
    """(id, API object) of the catalog's products in catalog order; None: not asked."""


def _figure(root: Customer, name: str) -> object:
    page = root.page
    if page is None:
        return NOT_AT_HAND
    return getattr(page.stats.get(root.id, NO_LICENSES), name)


def _products_at_hand(root: Customer) -> object:
    page = root.page
    if page is None or page.products is None:
        return NOT_AT_HAND
    ids = page.stats.get(root.id, NO_LICENSES).product_ids
    return [product for product_id, product in page.products if product_id in ids]


@strawberry.type(
    description="A customer: a person the account's licenses are assigned to. Its figures count "
    "only the licenses of the caller's account."
)
class Customer(relay.Node):
    id: relay.NodeID[int]
    email: str = strawberry.field(description="The customer's email, which is its username.")
    name: str = strawberry.field(description="The customer's name; empty when not given.")
    reseller_id: strawberry.Private[int | None]
    """Vendor admins' filter: count one reseller's licenses only (None: every license)."""
    page: strawberry.Private[CustomerPage | None] = None
    """Set on the rows of the customers list (``prefetch``); None: each figure loads through
    the request's DataLoader."""

    @classmethod
    def from_row(cls, row: User, *, reseller_id: int | None = None) -> Self:
        return cls(id=row.id, email=row.email, name=row.name, reseller_id=reseller_id)

    async def _stats(self, info: Info) -> CustomerStats:
        context = info.context
        return await context.loaders.customer_stats.load(context.actor, self.reseller_id, self.id)

    @strawberry.field(description="How many of the account's licenses the customer has.")
    @at_hand(partial(_figure, name="license_count"))
    async def license_count(self, info: Info) -> int:
        return (await self._stats(info)).license_count

    @strawberry.field(description="The products of those licenses, each once, in catalog order.")
    @at_hand(_products_at_hand)
    async def products(self, info: Info) -> list[Product]:
        stats = await self._stats(info)
        snapshot = await info.context.loaders.catalog.load()
        return [
            Product.from_domain(product)
            for product in snapshot.products
            if product.id in stats.product_ids
        ]

    @strawberry.field(description="When the first of those licenses was assigned.")
    @at_hand(partial(_figure, name="first_assigned_at"))
    async def first_assigned_at(self, info: Info) -> datetime | None:
        return (await self._stats(info)).first_assigned_at

    @strawberry.field(description="When the latest of those licenses was assigned.")
    @at_hand(partial(_figure, name="last_assigned_at"))
    async def last_assigned_at(self, info: Info) -> datetime | None:
        return (await self._stats(info)).last_assigned_at

    @strawberry.field(description="The customer's licenses of the account, latest assigned first.")
    async def licenses(
        self, info: Info, first: int = 50, after: str | None = None
    ) -> relay.Connection[License]:
        check_first(first)
        cursor = _license_cursor(after) if after is not None else None
        context = info.context
        rows = await context.loaders.licenses_by_customer.load(
            context.actor, self.reseller_id, self.id, first + 1, cursor
        )
        return connection(
            rows,
            first=first,
            after=after,
            cursor_of=lambda row: [row.assigned_at, row.id],
            to_node=License.from_row,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls,
        *,
        info: strawberry.Info,
        node_ids: Iterable[str],
        required: bool = False,
    ) -> list[Self | None]:
        """A customer without a license of the caller's account is null, like a missing one."""
        wanted = [str(node_id) for node_id in node_ids]
        ids = {int(node_id) for node_id in wanted if is_database_id(node_id, MAX_ID)}
        rows = {
            str(row.id): row
            for row in await services.visible_customers(actor=info.context.actor, ids=ids)
        }
        return [cls.from_row(rows[node_id]) if node_id in rows else None for node_id in wanted]


FIGURES = frozenset({"licenseCount", "products", "firstAssignedAt", "lastAssignedAt"})


async def prefetch(
    info: Info, page: relay.Connection[Customer], reseller_id: int | None
) -> relay.Connection[Customer]:
    """Loads the figures the page's query asks for all its customers at once and hands them to
    every row."""
    nodes = [edge.node for edge in page.edges]
    asked = asked_below(info, ("edges", "node"))
    if not nodes or not asked & FIGURES:
        return page
    stats = await services.customer_stats(
        actor=info.context.actor, customer_ids=[n.id for n in nodes], reseller_id=reseller_id
    )
    products = None
    if "products" in asked:
        snapshot = await info.context.loaders.catalog.load()
        objects = objects_of(snapshot)
        products = [(p.id, objects.products[p.id]) for p in snapshot.products]
    shared = CustomerPage(stats=stats, products=products)
    for node in nodes:
        node.page = shared
    return page


def _license_cursor(after: str) -> tuple[datetime, int]:
    moment, license_id = decode_cursor(after, 2)
    try:
        value = ASSIGNED_AT.to_python_value(moment)
    except (TypeError, ValueError):
        value = None
    if not isinstance(value, datetime) or not isinstance(license_id, int):
        raise ClientError("`after` is not a cursor of this list.")
    return value, license_id


async def customer_of(license_: License, info: Info) -> Customer | None:
    """A license's customer: null while unassigned (for a customer, it is always itself)."""
    actor = info.context.actor
    if license_.customer_id is None:
        return None
    if not (actor.can(Permission.CUSTOMERS_READ) or actor.user_id == license_.customer_id):
        return None
    row = await info.context.loaders.user_by_id.load(license_.customer_id)
    return Customer.from_row(row) if row is not None else None


@strawberry.enum(description="What the customers list can be sorted by.")
class CustomerOrderField(Enum):
    EMAIL = strawberry.enum_value("email", description="The customer's email (lower case).")
    NAME = strawberry.enum_value("name", description="The customer's name (empty first).")
    CREATED_AT = strawberry.enum_value(
        "created_at", description="When the customer's account was created."
    )


@strawberry.input(description="The order of the customers list.")
class CustomerOrder:
    field: CustomerOrderField = strawberry.field(description="What to sort by.")
    direction: SortDirection = strawberry.field(
        description="Ascending (when omitted) or descending.", default=SortDirection.ASC
    )


@strawberry.type
class CustomersQuery:
    @strawberry.field(
        description="The customers the account's licenses are assigned to, by email unless "
        "`orderBy` says otherwise; `search` matches part of the email or name. Vendor admins "
        "see every account's customers, or one account's with `resellerId`. Pages forward with "
        "`first`/`after`, backward with `last`/`before`.",
        extensions=access(Permission.CUSTOMERS_READ),
    )
    async def customers(
        self,
        info: Info,
        *,
        search: str | None = None,
        first: int = 50,
        after: str | None = None,
        reseller_id: strawberry.ID | None = None,
        order_by: CustomerOrder | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> relay.Connection[Customer]:
        scope = id_filter(reseller_id, "Reseller") if reseller_id is not None else None
        queryset = services.customers(actor=info.context.actor, search=search, reseller_id=scope)
        page = await paginate(
            queryset,
            first=first,
            after=after,
            last=last,
            before=before,
            to_node=lambda row: Customer.from_row(row, reseller_id=scope),
            order=ordering(order_by, ("email", "id")),
        )
        return await prefetch(info, page, scope)
