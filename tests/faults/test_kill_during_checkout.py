"""SIGKILL during checkouts: a crash at any moment leaves no partial order, and a client that
retries with the same idempotency key gets exactly one order.

Given a server process on a fresh database and partner clients buying concurrently (purchases
with an API key, and a cart checked out in a browser session), each purchase with its own
idempotency key, paid on order or on invoice, some assigned to customers at checkout;
when the server is SIGKILLed at random moments (a seeded RNG), a new process started on the same
database after each kill, and every client retries its unfinished request with the same key;
then every order is whole (its lines, one invoice whose lines sum to its total, its payment or
pending status, its licenses, assigned where asked), nothing exists without its order, each key
made exactly one order, and every order a client saw placed is there as the client saw it.

A claim whose process died is taken over by the product once it is two minutes old; the test
dates such claims back while no server runs instead of waiting (``expire_orphaned_claims``).
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest

from tests.faults.buying import (
    CHECKOUT,
    Load,
    check_orders_seen,
    new_line,
    orders_of,
    payment,
    purchasing_client,
)
from tests.faults.support import (
    PURCHASER,
    SERVER_ENV,
    Api,
    Database,
    Unfinished,
    api_key,
    expire_orphaned_claims,
    inconsistencies,
    prepare_database,
    signed_in,
)
from tests.support.servers import ServerProcess, free_port

SEED = 20_260_521
API_CLIENTS = 6
AT_LEAST = 4
"""Purchases each client makes at least; it keeps buying until the last kill is over."""
KILLS = {"postgres": 6, "sqlite": 3}
CART = "query Cart { cart { lines { id } } }"
ADD_TO_CART = """
mutation Add($input: NewLicenseInput!) {
  addNewLicenseToCart(input: $input) { cartLine { id } userErrors { code message field } }
}
"""


async def cart_client(api: Api, rng: random.Random, load: Load) -> None:
    """A purchaser in the browser: one line into the cart, then checkout with a key."""
    for number in load.purchases():
        line = new_line(rng, "cart", number)
        while True:  # the line is in the cart once, whatever the crashes
            try:
                if (await api.call(CART, field="cart"))["lines"]:
                    break
                await api.call(ADD_TO_CART, {"input": line}, field="addNewLicenseToCart")
            except Unfinished:
                await asyncio.sleep(0.2)
        request = {"idempotencyKey": f"cart-{number}", **payment(rng)}
        await load.until_placed(
            request["idempotencyKey"],
            lambda request=request: api.call(CHECKOUT, {"input": request}, field="checkout"),
        )


@pytest.fixture(params=["postgres", "sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, data_dir: Path) -> str:
    if request.param == "postgres":
        url: str = request.getfixturevalue("postgres_url")
        return url
    url = f"sqlite://{tmp_path / 'portal.sqlite3'}"
    prepare_database(url, data_dir)
    return url


async def test_sigkill_during_checkouts_leaves_no_partial_order(
    database_url: str, data_dir: Path
) -> None:
    database = Database(database_url)
    engine = "sqlite" if database.is_sqlite else "postgres"
    rng = random.Random(SEED)
    port = free_port()

    def new_server() -> ServerProcess:
        return ServerProcess(database_url, data_dir, env=SERVER_ENV, port=port, access_log=False)

    server = new_server().start()
    await asyncio.to_thread(server.wait_until_up)
    base = server.base_url
    reseller_id = await database.value(
        f"SELECT reseller_id FROM identity_user WHERE email = '{PURCHASER}'"
    )
    orders_before = await orders_of(database, reseller_id)
    load = Load(at_least=AT_LEAST)
    apis = [
        Api(base, token=await api_key(base, f"shop {n}"), answers=load.answers)
        for n in range(API_CLIENTS)
    ]
    apis.append(await signed_in(base, PURCHASER, load.answers))
    clients = [
        asyncio.create_task(purchasing_client(f"shop{n}", api, random.Random(rng.random()), load))
        for n, api in enumerate(apis[:-1])
    ]
    clients.append(asyncio.create_task(cart_client(apis[-1], random.Random(rng.random()), load)))

    # when: killed at random moments, a new process on the same database each time
    killed_in_flight: list[int] = []
    orphaned: list[int] = []
    outputs: list[str] = []
    try:
        for _ in range(KILLS[engine]):
            await asyncio.sleep(rng.uniform(0.3, 2.0))
            killed_in_flight.append(load.in_flight)
            server.kill()
            outputs.append(server.output())
            orphaned.append(await expire_orphaned_claims(database))
            server = new_server().start()
            await asyncio.to_thread(server.wait_until_up)
        load.faults_over = True
        await asyncio.wait_for(asyncio.gather(*clients), 300)
    finally:
        for task in clients:
            task.cancel()
        for api in apis:
            await api.aclose()
        server.stop()

    print(
        f"\n{engine}: {len(killed_in_flight)} kills with {killed_in_flight} requests in flight, "
        f"{orphaned} claims orphaned; {len(load.seen)} checkouts placed "
        f"({sum(s.replayed for s in load.seen)} answered as replays), {load.retries} retries, "
        f"{load.in_progress_answers} 'in progress' answers; answers seen: {load.answers.counts}"
    )
    # then: every order is whole, nothing hangs without its order
    assert await inconsistencies(database) == {}
    await check_orders_seen(database, load, reseller_id=reseller_id, orders_before=orders_before)
    # the crashes did land in the middle of the work
    assert sum(killed_in_flight) > 0
    assert not any("Traceback" in output for output in outputs), "a server failed before its kill"
