"""The licenses list's search by part of the customer's email (through the trigram index of the
emails) or the beginning of the key (through a range of keys), and the header's search alike."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from backend.accounts.models import Reseller
from backend.catalog.seed import seed_catalog
from backend.catalog.services import load_catalog
from backend.identity.models import User
from backend.identity.roles import Role
from backend.licensing import email_search
from backend.licensing.email_search import customers_matching, key_range
from backend.licensing.keys import new_key
from backend.licensing.models import License
from tests.conftest import graphql
from tests.dashboard.factories import make_license
from tests.identity.factories import make_reseller, make_user, sign_in

EXPIRES = datetime(2027, 1, 1, tzinfo=UTC)

LICENSES = """
query ($search: String!, $first: Int! = 50) {
  licenses(filter: { search: $search }, first: $first) {
    edges { node { key customer { email } } }
  }
}
"""
SEARCH = """
query ($query: String!) {
  search(query: $query, first: 20) { __typename ... on Customer { email } }
}
"""


@dataclass
class Account:
    reseller: Reseller
    owner: User


@pytest.fixture
async def accounts(db: str) -> tuple[Account, Account]:
    await seed_catalog()
    ours, theirs = await make_reseller("Ours"), await make_reseller("Theirs")
    return (
        Account(ours, await make_user(Role.RESELLER_OWNER, ours)),
        Account(theirs, await make_user(Role.RESELLER_OWNER, theirs)),
    )


@pytest.fixture
async def ours(client: httpx.AsyncClient, accounts: tuple[Account, Account]) -> Account:
    """Our account, its owner signed in on ``client``."""
    await sign_in(client, accounts[0].owner)
    return accounts[0]


async def sell(account: Account, email: str | None, key: str | None = None) -> License:
    """A license of ``account``, assigned to the customer with ``email`` (created if new)."""
    customer = None
    if email is not None:
        customer = await User.get_or_none(email=email) or await make_user(
            Role.CUSTOMER, email=email
        )
    return await make_license(
        account.reseller, maintenance_expires_at=EXPIRES, customer=customer, key=key
    )


async def found(client: httpx.AsyncClient, search: str, first: int = 50) -> set[str]:
    body: Any = await graphql(client, LICENSES, {"search": search, "first": first})
    assert "errors" not in body, body
    return {edge["node"]["key"] for edge in body["data"]["licenses"]["edges"]}


async def test_part_of_an_email_in_any_case_finds_the_license(
    client: httpx.AsyncClient, ours: Account
) -> None:
    pat = await sell(ours, "pat.jones@northwind.example")
    await sell(ours, "sam@contoso.example")

    assert await found(client, "jones@north") == {pat.key}
    assert await found(client, "JONES@NorthWind") == {pat.key}
    assert await found(client, "pat.jones@northwind.example") == {pat.key}
    assert await found(client, "jones@south") == set()


async def test_wildcards_and_quotes_are_plain_characters(
    client: httpx.AsyncClient, ours: Account
) -> None:
    percent = await sell(ours, "100%off@deals.example")
    underscore = await sell(ours, "first_last@deals.example")
    await sell(ours, "firstxlast@deals.example")
    await sell(ours, "1000off@deals.example")

    assert await found(client, "0%o") == {percent.key}
    assert await found(client, "%") == {percent.key}
    assert await found(client, "t_l") == {underscore.key}
    assert await found(client, "_") == {underscore.key}
    for text in ('"', 'a"b', '"deals"', "\\", "deals\\", "NEAR(a b)", "*"):
        assert await found(client, text) == set(), text


async def test_text_no_email_can_hold_is_refused_clearly(
    client: httpx.AsyncClient, ours: Account
) -> None:
    await sell(ours, "pat@deals.example")
    asked = [(LICENSES, "search"), (SEARCH, "query")]

    for text in ("\\u0000", "de\\u0000als", "\\ud800", "deals\\udfff"):  # NUL, lone surrogates
        for query, variable in asked:
            # written out: JSON may say what a Python str cannot be encoded from
            body = f'{{"query": {json.dumps(query)}, "variables": {{"{variable}": "{text}"}}}}'
            response = await client.post(
                "/graphql", content=body, headers={"Content-Type": "application/json"}
            )
            answer = response.json()
            assert answer["data"] is None, text
            [error] = answer["errors"]
            assert error["extensions"] == {"code": "BAD_USER_INPUT"}, text
            assert error["message"].startswith(f"Variable '${variable}' holds "), text


async def test_one_or_two_characters_still_match(client: httpx.AsyncClient, ours: Account) -> None:
    # O and U begin no key: these find emails only
    o = await sell(ours, "o@w.example")
    ou = await sell(ours, "ou@w.example")

    assert await found(client, "O") == {o.key, ou.key}
    assert await found(client, "ou") == {ou.key}
    assert await found(client, "@w") == {o.key, ou.key}


@pytest.mark.parametrize(
    "typed",
    [
        lambda key: key[:6],
        lambda key: key[:6].lower(),
        lambda key: key[:9],
        lambda key: key[:9].replace("-", "").lower(),
        lambda key: key.replace("-", " "),
        lambda key: key,
    ],
    ids=["first group", "lower case", "with a dash", "without dashes", "spaced", "whole"],
)
async def test_a_key_prefix_as_people_type_it(
    client: httpx.AsyncClient, ours: Account, typed: Callable[[str], str]
) -> None:
    # keys that sit either side of the range: the same start but for its last characters
    license = await sell(ours, None, key="7KQ2MZ-" + new_key()[7:])
    before = await sell(ours, None, key="7KQ2MY-" + new_key()[7:])
    after = await sell(ours, None, key="7KQ2N2-" + new_key()[7:])

    hits = await found(client, typed(license.key))

    assert license.key in hits
    assert before.key not in hits and after.key not in hits


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("7KQ2MX-R9", ("7KQ2MX-R9", "7KQ2MX-RA")),
        ("7KQ2M9", ("7KQ2M9", "7KQ2MA")),  # the digits run straight into the letters
        ("7KQ2MZ", ("7KQ2MZ", "7KQ2N")),  # a Z carries over
        ("7KQ2ZZ-Z", ("7KQ2ZZ-Z", "7KQ3")),  # past the dash
        ("ZZ", ("ZZ", None)),  # nothing sorts after
    ],
)
def test_the_key_range(prefix: str, expected: tuple[str, str | None]) -> None:
    assert key_range(prefix) == expected


async def test_a_changed_email_and_a_deleted_customer_are_seen(
    client: httpx.AsyncClient, ours: Account
) -> None:
    license = await sell(ours, "old.name@fabrikam.example")
    gone = await make_user(Role.CUSTOMER, email="gone@fabrikam.example")
    assert set(await customers_matching("fabrikam") or []) == {license.customer_id, gone.id}

    await User.filter(id=license.customer_id).update(email="new.name@fabrikam.example")
    await gone.delete()

    assert await customers_matching("fabrikam") == [license.customer_id]
    assert await found(client, "old.name") == set()
    assert await found(client, "NEW.name") == {license.key}


async def test_more_customers_than_the_cap_take_the_join(
    client: httpx.AsyncClient,
    ours: Account,
    monkeypatch: pytest.MonkeyPatch,
    count_queries: Callable[..., Any],
) -> None:
    monkeypatch.setattr(email_search, "CAP", 2)
    sold = {
        (await sell(ours, f"buyer{i}@tailspin.example", key="2" + new_key()[1:])).key
        for i in range(3)
    }
    await sell(ours, "buyer@elsewhere.example", key="2" + new_key()[1:])
    prefixed = await sell(ours, "someone@elsewhere.example", key="TA1" + new_key()[3:])

    assert await customers_matching("tailspin") is None
    with count_queries() as log:
        hits = await found(client, "tailspin")
    assert hits == sold
    assert any('JOIN "identity_user"' in sql for sql in log.statements), log.statements
    assert await found(client, "TA") == {prefixed.key} | sold  # the key's start, or the email


async def test_another_accounts_licenses_never_appear(
    client: httpx.AsyncClient, accounts: tuple[Account, Account], monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, theirs = accounts
    shared = await sell(ours, "shared@adventure.example")
    await sell(theirs, "shared@adventure.example")  # one person buys from both
    await sell(theirs, "only.theirs@adventure.example")
    their_key = await sell(theirs, None, key="3" + new_key()[1:])
    await sign_in(client, ours.owner)

    assert await found(client, "adventure") == {shared.key}
    assert await found(client, their_key.key[:8]) == set()
    monkeypatch.setattr(email_search, "CAP", 1)  # the join, too, is the account's
    assert await found(client, "adventure") == {shared.key}


async def test_a_search_costs_the_same_queries_for_any_page(
    client: httpx.AsyncClient, ours: Account, count_queries: Callable[..., Any]
) -> None:
    for i in range(12):
        await sell(ours, f"reader{i}@litware.example")
    await load_catalog()  # the process's catalog snapshot, as a running server has it

    with count_queries() as ten:
        assert len(await found(client, "litware", first=10)) == 10
    with count_queries() as hundred:
        assert len(await found(client, "litware", first=100)) == 12

    assert ten.count == hundred.count, hundred.statements


async def test_the_header_search_finds_customers_either_way(
    client: httpx.AsyncClient, ours: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("ann", "bob", "cy"):
        await sell(ours, f"{name}@wingtip.example")
    await make_user(Role.CUSTOMER, email="dee@wingtip.example")  # no license of ours

    async def customers(text: str) -> list[str]:
        body: Any = await graphql(client, SEARCH, {"query": text})
        assert "errors" not in body, body
        return [hit["email"] for hit in body["data"]["search"] if hit["__typename"] == "Customer"]

    expected = ["ann@wingtip.example", "bob@wingtip.example", "cy@wingtip.example"]
    assert await customers("WINGTIP") == expected
    assert await customers("nobody") == []
    monkeypatch.setattr(email_search, "CAP", 2)
    assert await customers("WINGTIP") == expected
