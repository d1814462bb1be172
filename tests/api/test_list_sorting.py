"""Every list the UI shows sorts by each of its ``orderBy`` fields both ways, pages forward with
``first``/``after`` and back with ``last``/``before`` over the same pages, and refuses a cursor
of another sort or another list."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from strawberry import relay
from tortoise.models import Model
from tortoise.queryset import QuerySet

from backend.accounts.models import Employee, Reseller
from backend.billing.models import Invoice, Payment
from backend.commerce.models import Order
from backend.identity.actor import Actor
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing import customers as customer_services
from backend.licensing.models import License
from tests.api import lists
from tests.api.lists import Account, make_account
from tests.conftest import graphql
from tests.identity.factories import make_user, sign_in

pytestmark = pytest.mark.usefixtures("db")

PAGE_SIZE = 3
LIST = """
query ($orderBy: {type}Order, $first: Int! = 3, $after: String, $last: Int, $before: String) {{
  {field}(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {{
    edges {{ cursor node {{ id }} }}
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
  }}
}}
"""


@dataclass(frozen=True)
class Sortable:
    """A list: its GraphQL names, its sort fields' columns, its default order, who reads it,
    its rows in the viewer's scope and how to grow them in an account."""

    field: str
    type: str
    columns: dict[str, str]
    default: tuple[str, ...]
    viewer: Role
    rows: Callable[[Actor], QuerySet[Any]]
    grow: Callable[[Account], Awaitable[object]]

    @property
    def query(self) -> str:
        return LIST.format(field=self.field, type=self.type)


def scoped(model: type[Model]) -> Callable[[Actor], QuerySet[Any]]:
    return lambda actor: actor.scope(model)


async def _grow_documents(account: Account) -> None:
    await lists.grow_documents(account, (7, 3, 5, 1, 6, 2, 4), year=2026 + account.reseller.id)


async def _grow_resellers(account: Account) -> None:
    await lists.grow_resellers()


SORTABLE = {
    "licenses": Sortable(
        "licenses",
        "License",
        {
            "CREATED_AT": "created_at",
            "KEY": "key",
            "MAINTENANCE_EXPIRES_AT": "maintenance_expires_at",
        },
        ("-created_at", "-id"),
        Role.RESELLER_OWNER,
        scoped(License),
        lists.grow_licenses,
    ),
    "customers": Sortable(
        "customers",
        "Customer",
        {"EMAIL": "email", "NAME": "name", "CREATED_AT": "created_at"},
        ("email", "id"),
        Role.RESELLER_OWNER,
        lambda actor: customer_services.customers(actor=actor),
        lambda account: lists.grow_customers(account, ("pat", "", "ann", "pat", "", "bo", "ann")),
    ),
    "invoices": Sortable(
        "invoices",
        "Invoice",
        {"ISSUED_AT": "issued_at", "NUMBER": "number", "TOTAL": "total_cents"},
        ("-issued_at", "-id"),
        Role.RESELLER_OWNER,
        scoped(Invoice),
        _grow_documents,
    ),
    "orders": Sortable(
        "orders",
        "Order",
        {"PLACED_AT": "placed_at", "NUMBER": "number", "TOTAL": "total_cents"},
        ("-placed_at", "-id"),
        Role.RESELLER_OWNER,
        scoped(Order),
        _grow_documents,
    ),
    "payments": Sortable(
        "payments",
        "Payment",
        {"RECEIVED_AT": "received_at", "AMOUNT": "amount_cents"},
        ("-received_at", "-id"),
        Role.RESELLER_OWNER,
        scoped(Payment),
        lists.grow_payments,
    ),
    "employees": Sortable(
        "employees",
        "Employee",
        {"NAME": "name", "EMAIL": "email", "CREATED_AT": "created_at"},
        ("name", "id"),
        Role.RESELLER_OWNER,
        scoped(Employee),
        lists.grow_employees,
    ),
    "resellers": Sortable(
        "resellers",
        "Reseller",
        {"NAME": "name", "CREATED_AT": "created_at", "DISCOUNT": "discount_bps"},
        ("name", "id"),
        Role.VENDOR_ADMIN,
        scoped(Reseller),
        _grow_resellers,
    ),
}


def _ids(connection: dict[str, Any]) -> list[int]:
    return [int(relay.GlobalID.from_id(e["node"]["id"]).node_id) for e in connection["edges"]]


async def _page(
    client: httpx.AsyncClient, sortable: Sortable, variables: dict[str, object]
) -> dict[str, Any]:
    body: Any = await graphql(client, sortable.query, variables)
    assert "errors" not in body, body
    page: dict[str, Any] = body["data"][sortable.field]
    return page


async def _walk(
    client: httpx.AsyncClient, sortable: Sortable, order_by: dict[str, str] | None
) -> tuple[list[list[int]], list[list[int]]]:
    """The pages forward from the start, then backward from the last page to the start."""
    forward: list[list[int]] = []
    after = None
    while True:
        page = await _page(client, sortable, {"orderBy": order_by, "after": after})
        forward.append(_ids(page))
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    backward: list[list[int]] = []
    before = page["pageInfo"]["startCursor"]
    while True:
        page = await _page(
            client, sortable, {"orderBy": order_by, "last": PAGE_SIZE, "before": before}
        )
        backward.append(_ids(page))
        assert page["pageInfo"]["hasNextPage"] is True
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    return forward, backward[::-1]


async def _ids_of(queryset: QuerySet[Any]) -> list[int]:
    return [row.id for row in await queryset]


def _order(column: str, direction: str) -> tuple[str, str]:
    sign = "-" if direction == "DESC" else ""
    return f"{sign}{column}", f"{sign}id"


async def _signed_in(client: httpx.AsyncClient, sortable: Sortable) -> tuple[Account, Actor]:
    """Two accounts with rows; ``client`` signed in as the first's owner (or a vendor admin)."""
    mine, other = await make_account("Acme"), await make_account("Other")
    await sortable.grow(mine)
    await sortable.grow(other)
    viewer = (
        mine.owner if sortable.viewer is Role.RESELLER_OWNER else await make_user(Role.VENDOR_ADMIN)
    )
    await sign_in(client, viewer)
    return other, actor_for(viewer)


@pytest.mark.parametrize("name", sorted(SORTABLE))
async def test_every_sort_pages_forward_and_back_over_the_same_pages(
    client: httpx.AsyncClient, name: str
) -> None:
    # given two accounts with rows whose sort values tie
    sortable = SORTABLE[name]
    other, actor = await _signed_in(client, sortable)
    orders: list[tuple[dict[str, str] | None, tuple[str, ...]]] = [(None, sortable.default)]
    for field, column in sortable.columns.items():
        for direction in ("ASC", "DESC"):
            orders.append(({"field": field, "direction": direction}, _order(column, direction)))

    for order_by, order in orders:
        # when
        forward, backward = await _walk(client, sortable, order_by)

        # then the rows come in that order (the id breaking ties), three a page, both ways
        expected = await _ids_of(sortable.rows(actor).order_by(*order))
        seen = [row_id for page in forward for row_id in page]
        assert seen == expected, order_by
        assert len(forward) >= 3 and all(len(page) == PAGE_SIZE for page in forward[:-1])
        assert backward == forward[:-1], order_by
        if sortable.viewer is Role.RESELLER_OWNER:  # and only the caller's account's
            theirs = await _ids_of(sortable.rows(actor_for(other.owner)))
            assert theirs and not set(theirs) & set(seen)


async def test_an_omitted_direction_is_ascending(client: httpx.AsyncClient) -> None:
    # given
    sortable = SORTABLE["invoices"]
    _, actor = await _signed_in(client, sortable)

    # when
    forward, _ = await _walk(client, sortable, {"field": "TOTAL"})

    # then
    expected = await _ids_of(sortable.rows(actor).order_by("total_cents", "id"))
    assert [row_id for page in forward for row_id in page] == expected


async def test_last_alone_is_the_end_of_the_list(client: httpx.AsyncClient) -> None:
    # given
    sortable = SORTABLE["payments"]
    _, actor = await _signed_in(client, sortable)
    order_by = {"field": "AMOUNT", "direction": "DESC"}

    # when
    page = await _page(client, sortable, {"orderBy": order_by, "last": 2})

    # then
    expected = await _ids_of(sortable.rows(actor).order_by("-amount_cents", "-id"))
    assert _ids(page) == expected[-2:]
    assert page["pageInfo"]["hasPreviousPage"] is True
    assert page["pageInfo"]["hasNextPage"] is False


@pytest.mark.parametrize("argument", ["after", "before"])
async def test_a_cursor_of_another_sort_or_list_is_refused(
    client: httpx.AsyncClient, argument: str
) -> None:
    # given a cursor of the licenses by key, and one of the orders
    sortable = SORTABLE["licenses"]
    await _signed_in(client, sortable)
    by_key = await _page(client, sortable, {"orderBy": {"field": "KEY", "direction": "ASC"}})
    cursor = by_key["pageInfo"]["endCursor"]
    orders: Any = await graphql(client, SORTABLE["orders"].query, {})
    order_cursor = orders["data"]["orders"]["pageInfo"]["endCursor"]
    assert cursor and order_cursor

    for query, order_by, foreign in [
        (sortable.query, {"field": "KEY", "direction": "DESC"}, cursor),
        (sortable.query, {"field": "MAINTENANCE_EXPIRES_AT"}, cursor),
        (sortable.query, None, cursor),
        (SORTABLE["invoices"].query, None, order_cursor),
        (sortable.query, None, order_cursor),
    ]:
        # when
        body: Any = await graphql(client, query, {"orderBy": order_by, argument: foreign})

        # then a clear error, never a page of garbage or a crash
        assert body["data"] is None
        [error] = body["errors"]
        assert error["message"] == f"`{argument}` is not a cursor of this list."
        assert error["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        (
            {"after": "x", "before": "y"},
            "Give either `after` (next pages) or `before` (previous pages), not both.",
        ),
        ({"after": "x", "last": 2}, "`last` pages backward: use it with `before`, not `after`."),
        ({"last": 0}, "`last` must be between 1 and 100, not 0."),
        ({"last": 101}, "`last` must be between 1 and 100, not 101."),
    ],
)
async def test_conflicting_paging_arguments_are_a_clear_error(
    client: httpx.AsyncClient, variables: dict[str, object], message: str
) -> None:
    await sign_in(client, (await make_account("Acme")).owner)

    body: Any = await graphql(client, SORTABLE["orders"].query, variables)

    assert body["data"] is None
    [error] = body["errors"]
    assert error["message"] == message
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
