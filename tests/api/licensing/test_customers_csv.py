"""``/exports/customers.csv``: who may download it, what it holds, how it streams in batches."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import httpx
import pytest
from strawberry import relay

from backend import clock
from backend.identity.api_keys import create_api_key
from backend.identity.models import User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.assignment import assign_license
from backend.web import exports
from tests.commerce.conftest import Shop
from tests.identity.factories import make_reseller, make_user, sign_in
from tests.licensing.assigning import MAIL, PUBLIC_URL, STATS, buy

URL = "/exports/customers.csv"
DAY = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)
HEADER = ["email", "name", "licenses", "products", "first_assigned_at", "last_assigned_at"]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: DAY)


async def assign(shop: Shop, count: int, email: str, name: str = "") -> None:
    for license in await buy(shop.actor, replace(MAIL, quantity=count)):
        await assign_license(
            actor=shop.actor, license_key=license.key, email=email, name=name, public_url=PUBLIC_URL
        )


def rows(response: httpx.Response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    return list(csv.reader(io.StringIO(response.text)))


async def test_the_export_lists_the_accounts_customers_with_their_figures(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    # given
    await assign(shop, 2, "pat@customer.example", "Pat Smith")
    [stats] = await buy(shop.actor, STATS)
    await assign_license(
        actor=shop.actor, license_key=stats.key, email="pat@customer.example", public_url=""
    )
    await assign(shop, 1, "sam@customer.example")
    await buy(shop.actor)  # an unassigned license: nobody's
    await sign_in(client, shop.purchaser)

    # when
    response = await client.get(URL)

    # then
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == (
        'attachment; filename="customers-2026-03-02.csv"'
    )
    assert response.text.endswith("\r\n")
    assert rows(response) == [
        HEADER,
        [
            "pat@customer.example",
            "Pat Smith",
            "3",
            "SmarterMail; SmarterStats",
            "2026-03-02T09:15:00Z",
            "2026-03-02T09:15:00Z",
        ],
        ["sam@customer.example", "", "1", "SmarterMail", *[_iso()] * 2],
    ]


async def test_another_resellers_customers_are_never_in_the_export(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    # given reseller B's customers, one of whom is also A's
    await assign(shop, 1, "shared@customer.example")
    b = await make_reseller(
        may_pay_by_invoice=True,
        address_line1="2 Side St",
        city="Shelbyville",
        country="US",
        billing_email="b@b.example",
    )
    b_owner = await make_user(Role.RESELLER_OWNER, b)
    for email in ("shared@customer.example", "only-b@customer.example"):
        [license] = await buy(actor_for(b_owner))
        await assign_license(
            actor=actor_for(b_owner), license_key=license.key, email=email, public_url=""
        )
    await sign_in(client, shop.purchaser)

    # when A exports, also naming B as if it were the vendor
    mine = rows(await client.get(URL))
    narrowed = rows(await client.get(URL, params={"resellerId": _gid(b.id)}))

    # then only A's customer, with A's license only
    assert mine == [HEADER, ["shared@customer.example", "", "1", "SmarterMail", *[_iso()] * 2]]
    assert narrowed == [HEADER]


async def test_the_vendor_exports_everyones_customers_or_one_resellers(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    await assign(shop, 1, "pat@customer.example")
    other = await make_reseller("Other")
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))

    everyone = rows(await client.get(URL))
    of_other = rows(await client.get(URL, params={"resellerId": _gid(other.id)}))
    searched = rows(await client.get(URL, params={"search": "nobody"}))

    assert [row[0] for row in everyone] == ["email", "pat@customer.example"]
    assert of_other == [HEADER]
    assert searched == [HEADER]


@pytest.mark.parametrize(
    "name",
    ['=HYPERLINK("http://evil.example","Click")', "+1 555", "-2+3", "@SUM(A1:A2)", "\tTab"],
)
async def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_text(
    client: httpx.AsyncClient, shop: Shop, name: str
) -> None:
    await assign(shop, 1, "pat@customer.example")
    await User.filter(email="pat@customer.example").update(name=name)
    await sign_in(client, shop.purchaser)

    [_, row] = rows(await client.get(URL))

    assert row[1] == f"'{name}"


async def test_commas_quotes_and_line_breaks_are_quoted(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    name = 'Smith, "Pat"\nJr.'
    await assign(shop, 1, "pat@customer.example")
    await User.filter(email="pat@customer.example").update(name=name)
    await sign_in(client, shop.purchaser)

    response = await client.get(URL)

    assert '"Smith, ""Pat""\nJr."' in response.text
    assert rows(response)[1][:2] == ["pat@customer.example", name]


async def test_the_export_streams_in_batches_of_two_queries(
    client: httpx.AsyncClient,
    shop: Shop,
    monkeypatch: pytest.MonkeyPatch,
    count_queries: Callable[..., object],
) -> None:
    # given five customers, exported two at a time
    for n in range(5):
        await assign(shop, 1, f"c{n}@customer.example")
    await sign_in(client, shop.purchaser)
    monkeypatch.setattr(exports, "BATCH", 2)

    # when
    chunks = []
    with count_queries() as log:  # type: ignore[attr-defined]
        async with client.stream("GET", URL) as response:
            assert "content-length" not in response.headers
            chunks = [chunk async for chunk in response.aiter_text()]

    # then the header and three batches each came as they were read
    body = "".join(chunks)
    assert [row[0] for row in csv.reader(io.StringIO(body))] == [
        "email",
        *(f"c{n}@customer.example" for n in range(5)),
    ]
    statements: list[str] = log.statements  # type: ignore[attr-defined]
    assert len([s for s in statements if 'FROM "identity_user" WHERE "role"' in s]) == 3
    assert len([s for s in statements if "GROUP BY" in s]) == 3


async def test_an_api_key_may_export(client: httpx.AsyncClient, shop: Shop) -> None:
    await assign(shop, 1, "pat@customer.example")
    owner = await make_user(Role.RESELLER_OWNER, shop.reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="CRM", role=Role.RESELLER_VIEWER
    )

    response = await client.get(URL, headers={"Authorization": f"Bearer {secret}"})

    assert [row[0] for row in rows(response)] == ["email", "pat@customer.example"]


async def test_callers_who_may_not_export_get_plain_http_errors(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    anonymous = await client.get(URL)
    bad_key = await client.get(URL, headers={"Authorization": "Bearer pp_nonsense"})
    await sign_in(client, await make_user(Role.CUSTOMER))
    customer = await client.get(URL)

    assert (anonymous.status_code, anonymous.text) == (401, "Sign in first.")
    assert bad_key.status_code == 401
    assert bad_key.headers["www-authenticate"] == "Bearer"
    assert (customer.status_code, customer.text) == (403, "Your role does not allow this.")
    for response in (anonymous, bad_key, customer):
        assert response.headers["content-type"].startswith("text/plain")


def _gid(pk: int) -> str:
    return str(relay.GlobalID("Reseller", str(pk)))


def _iso() -> str:
    return "2026-03-02T09:15:00Z"
