"""A soak client: a person (or a partner's server) of one role, with its credentials, one
connection pool per server and the tallies it adds to; what it does is ``tests.soak.work``.

Every client sends its requests to its home server, except where a piece of work sends the same
thing to both at once (the races).
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from tests.bench.http.operations import operation
from tests.soak.catalog import Catalog
from tests.soak.stats import Ledger, Stats
from tests.soak.world import Account, World

THINK_SECONDS = 0.05
"""The longest pause between two pieces of work of a client (uniformly drawn)."""
KEEPALIVE_SECONDS = 2.0
"""Idle connections are dropped before the server's keep-alive timeout (uvicorn: 5 s) closes
them, so that no request goes out on a connection the server is closing."""
TOKENS = (("tok_success", 0.85), ("tok_declined", 0.12), ("tok_gateway_error", 0.03))
"""The sandbox gateway's test cards, as often as clients use them."""
Work = Callable[["Client"], Awaitable[None]]


def nodes(body: Any, field: str) -> list[dict[str, Any]]:
    connection = ((body or {}).get("data") or {}).get(field) or {}
    return [edge["node"] for edge in connection.get("edges") or []]


def payload(body: Any, field: str) -> dict[str, Any]:
    found = ((body or {}).get("data") or {}).get(field)
    return found if isinstance(found, dict) else {}


def succeeded(body: Any, field: str) -> bool:
    return bool(payload(body, field)) and not payload(body, field).get("userErrors")


@dataclass
class Persona:
    name: str
    weights: dict[str, int]
    invoices: bool = False
    """May read (and pay) invoices."""
    shops: bool = False
    admin: bool = False


PERSONAS = {
    "purchaser": Persona(
        "purchaser",
        {"browse": 40, "checkout": 25, "assign": 20, "modify": 10, "export": 5},
        shops=True,
    ),
    "automation": Persona(
        "automation", {"browse": 30, "checkout": 35, "assign": 25, "modify": 10}, shops=True
    ),
    "owner": Persona(
        "owner",
        {"browse": 35, "checkout": 10, "assign": 10, "pay": 25, "export": 15, "modify": 5},
        invoices=True,
        shops=True,
    ),
    "billing": Persona("billing", {"browse": 45, "pay": 35, "export": 20}, invoices=True),
    "admin": Persona(
        "admin", {"browse": 55, "close": 10, "pay": 20, "export": 15}, invoices=True, admin=True
    ),
    "viewer": Persona("viewer", {"browse": 85, "denied": 15}, invoices=True),
    "anonymous": Persona("anonymous", {"browse": 70, "reset": 30}),
}


class Client:
    """One concurrent client: a persona, its account (None for staff and anonymous), its
    credentials (headers) and one HTTP connection pool per server."""

    def __init__(
        self,
        number: int,
        persona: Persona,
        who: str,
        auth: dict[str, str],
        account: Account | None,
        *,
        world: World,
        catalog: Catalog,
        servers: list[str],
        stats: Stats,
        ledger: Ledger,
        seed: int,
    ) -> None:
        self.number = number
        self.persona = persona
        self.who = who
        self.auth = auth
        self.account = account
        self.world = world
        self.catalog = catalog
        self.stats = stats
        self.ledger = ledger
        self.rng = random.Random(seed * 1000 + number)
        self.home = number % len(servers)
        limits = httpx.Limits(keepalive_expiry=KEEPALIVE_SECONDS)
        self.http = [
            httpx.AsyncClient(base_url=url, headers={"Origin": url}, timeout=60, limits=limits)
            for url in servers
        ]

    async def aclose(self) -> None:
        for http in self.http:
            await http.aclose()

    async def run(self, deadline: float, work: Mapping[str, Work]) -> None:
        """Until ``deadline`` (``time.monotonic``): one piece of ``work`` after another, each
        of a kind drawn by the persona's weights, with a short pause between."""
        kinds = list(self.persona.weights)
        weights = list(self.persona.weights.values())
        while time.monotonic() < deadline:
            [kind] = self.rng.choices(kinds, weights)
            await work[kind](self)
            await asyncio.sleep(self.rng.uniform(0, THINK_SECONDS))

    # --- requests ------------------------------------------------------------------------

    async def gql(
        self,
        kind: str,
        name: str,
        variables: dict[str, Any] | None = None,
        *,
        server: int | None = None,
        document: str | None = None,
        expect: Collection[str] = (),
    ) -> Any:
        """POST one operation (the SPA's ``name`` unless ``document``); its decoded answer,
        None when there was none."""
        index = self.home if server is None else server
        started = time.perf_counter()
        try:
            response = await self.http[index].post(
                "/graphql",
                json={"query": document or operation(name), "variables": variables or {}},
                headers=self.auth,
            )
        except httpx.HTTPError as error:
            ms = (time.perf_counter() - started) * 1000
            self.stats.failed(kind, index, name, error, ms)
            return None
        ms = (time.perf_counter() - started) * 1000
        try:
            body = response.json()
        except ValueError:
            body = None
        self.stats.answered(
            kind, index, name, response.status_code, body, ms, expect=expect, text=response.text
        )
        return body

    async def get(self, kind: str, path: str, *, expect: Collection[str] = ()) -> bytes | None:
        started = time.perf_counter()
        try:
            response = await self.http[self.home].get(path, headers=self.auth)
        except httpx.HTTPError as error:
            self.stats.failed(kind, self.home, path, error, (time.perf_counter() - started) * 1000)
            return None
        ms = (time.perf_counter() - started) * 1000
        text = "" if response.is_success else response.text
        self.stats.answered(
            kind,
            self.home,
            path.split("?", maxsplit=1)[0],
            response.status_code,
            None,
            ms,
            expect=expect,
            text=text,
        )
        return response.content if response.is_success else None

    def both(self) -> list[int]:
        """Both servers, this client's home first."""
        return [self.home, *(i for i in range(len(self.http)) if i != self.home)]

    def customer_email(self) -> str:
        """A new customer most of the time, else one the partners already have."""
        known = [e for emails in list(self.ledger.assigned.values())[-200:] for e in emails]
        for account in self.world.accounts:
            known += account.customers
        if known and self.rng.random() < 0.35:
            return self.rng.choice(known)
        return self.new_customer()

    @staticmethod
    def new_customer() -> str:
        return f"c-{uuid.uuid4().hex[:10]}@customers.soak.example"
