"""PostgreSQL restarted under load: the same server process recovers on its own and no committed
work is lost.

Given a private PostgreSQL cluster (``cluster.PrivateCluster``: never the shared server) holding
a copy of the demo database, one server process on it, and clients working through it all along
(partners' servers buying with idempotency keys, a partner assigning the licenses bought, readers
listing licenses); when PostgreSQL is restarted three times (``pg_ctl restart -m fast``,
``-m immediate``, which is a crash, and an immediate stop held down for a few seconds before the
start); then:

- the same server process answers again, within a bounded time after each restart, and after that
  every request succeeds;
- while the database was away, requests got answers that say so (a JSON error: 503, or a masked
  GraphQL error), never a hang, a dropped connection or an HTML/plain-text 500;
- every purchase and assignment a client saw succeed is in the database, none twice, and every
  order is whole.

A checkout that fails with the database can leave its idempotency claim behind (the claim's own
answer was lost, or the database was still away when the claim was given back); the product
takes such a claim over once it is two minutes old, and a retry meanwhile waits, then hears that
the checkout is still in progress. The test dates such claims back once no request of that time
can still be running (``claims_left``), and reports how many there were.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from backend.postgres_engine import CONNECT_WAIT
from tests.faults.buying import Load, check_orders_seen, orders_of, purchasing_client
from tests.faults.cluster import PrivateCluster
from tests.faults.support import (
    ORPHANED,
    PURCHASER,
    SERVER_ENV,
    Answers,
    Api,
    Database,
    Refused,
    Unfinished,
    api_key,
    expire_orphaned_claims,
    inconsistencies,
    wait_for,
)
from tests.support.servers import ServerProcess

SEED = 20_260_523
WRITERS = 3
READERS = 2
AT_LEAST = 3
HELD_DOWN_SECONDS = 7.0
"""How long the third fault keeps PostgreSQL stopped."""
LOAD_BETWEEN_SECONDS = 1.5
"""Work between two faults, and before the first."""
REQUEST_TIMEOUT = 20.0
"""A request still unanswered after this long hangs: the test fails."""
RECOVERY_SECONDS = 20.0
"""The bound on the server answering again once PostgreSQL accepts connections."""
CLEAN_ERRORS = {"GraphQL error ['INTERNAL_SERVER_ERROR']"}
"""Besides 5xx answers with a JSON error body."""

LICENSES = "query Licenses { licenses(first: 10) { edges { node { key status } } } }"
VIEWER = "query Viewer { viewer { email } }"
ASSIGN = """
mutation Assign($key: String!, $email: String!) {
  assignLicense(input: {licenseKey: $key, email: $email, name: "Faults Customer"}) {
    license { key customer { email } }
    userErrors { code message field }
  }
}
"""
ASSIGNED_TO = "query Assigned($key: String!) { license(key: $key) { customer { email } } }"


@dataclass
class Fault:
    name: str
    began: float = 0.0
    database_back: float = 0.0
    recovered: float = 0.0
    orphaned_claims: int = 0


@dataclass
class Assignments:
    """What the assigning client saw succeed: license key → customer email."""

    done: dict[str, str] = field(default_factory=dict)
    confirmed_after_conflict: int = 0


async def assigning_client(api: Api, load: Load, record: Assignments) -> None:
    """Assigns each unassigned license the buyers got, retrying an unfinished assignment; an
    assignment refused as already made is looked up: it must be the one asked for."""
    number = 0
    while not (load.faults_over and len(record.done) >= AT_LEAST):
        waiting = [key for seen in load.seen for key in seen.unassigned if key not in record.done]
        if not waiting:
            await asyncio.sleep(0.1)
            continue
        key, email = waiting[0], f"assigned-{number}@customers.example"
        number += 1
        while True:
            try:
                await api.call(ASSIGN, {"key": key, "email": email}, field="assignLicense")
                break
            except Unfinished:
                await asyncio.sleep(0.2)
            except Refused as refused:
                if refused.codes != {"CONFLICT"}:
                    raise AssertionError(f"{key} refused: {refused.errors}") from None
                found = await _retrying(api, ASSIGNED_TO, {"key": key}, field="license")
                assert found["customer"]["email"] == email, f"{key} was assigned to another"
                record.confirmed_after_conflict += 1
                break
        record.done[key] = email


async def _retrying(api: Api, query: str, variables: dict[str, str], *, field: str) -> dict:  # type: ignore[type-arg]
    while True:
        try:
            result: dict = await api.call(query, variables, field=field)  # type: ignore[type-arg]
            return result
        except Unfinished:
            await asyncio.sleep(0.2)


async def reading_client(api: Api, load: Load) -> None:
    while not load.faults_over:
        for query, name in ((LICENSES, "licenses"), (VIEWER, "viewer")):
            try:
                await api.call(query, field=name)
            except Unfinished:
                await asyncio.sleep(0.1)


async def claims_left(database: Database, fault: Fault) -> int:
    """The claims of checkouts that failed with the database and could not give their claim back
    (it was away, or the answer to the claim itself was lost), dated back once every request of
    that time has ended (``CONNECT_WAIT`` after the recovery at the latest), as two minutes would
    (``expire_orphaned_claims``). A retry of such a checkout waits for its claim meanwhile."""
    last_claim = await database.value(
        "SELECT coalesce(max(id), 0) FROM commerce_idempotency_record"
    )
    open_then = f"SELECT count(*) FROM commerce_idempotency_record WHERE id <= {last_claim} AND "
    while time.monotonic() < fault.recovered + CONNECT_WAIT + 1:
        if not await database.value(open_then + ORPHANED):
            return 0
        await asyncio.sleep(0.2)
    return await expire_orphaned_claims(database, up_to_id=last_claim)


def _excerpt(output: str, marker: str, lines: int = 60) -> str:
    """The server's output from the first line with ``marker``, for a failure's message."""
    at = output.find(marker)
    return "\n".join(output[at:].splitlines()[:lines]) if at >= 0 else "(not in the output)"


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    cluster = PrivateCluster()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.destroy()


async def test_postgres_restarted_under_load(
    cluster: PrivateCluster, postgres_template: str, data_dir: Path
) -> None:
    url = await asyncio.to_thread(cluster.copy_database, postgres_template, "portal")
    database = Database(url)
    rng = random.Random(SEED)
    server = ServerProcess(url, data_dir, env=SERVER_ENV, access_log=False).start()
    await asyncio.to_thread(server.wait_until_up)
    pid, base = server.pid, server.base_url
    reseller_id = await database.value(
        f"SELECT reseller_id FROM identity_user WHERE email = '{PURCHASER}'"
    )
    orders_before = await orders_of(database, reseller_id)
    load = Load(at_least=AT_LEAST)
    assignments = Assignments()
    keys = [await api_key(base, f"shop {n}") for n in range(WRITERS + 1)]
    apis = [Api(base, token=key, answers=load.answers, timeout=REQUEST_TIMEOUT) for key in keys]
    readers = [Api(base, token=keys[0], answers=load.answers, timeout=REQUEST_TIMEOUT)] * READERS
    probe = Api(base, token=keys[0], answers=Answers(), timeout=REQUEST_TIMEOUT)
    clients = [
        asyncio.create_task(purchasing_client(f"shop{n}", api, random.Random(rng.random()), load))
        for n, api in enumerate(apis[:WRITERS])
    ]
    clients.append(asyncio.create_task(assigning_client(apis[WRITERS], load, assignments)))
    clients += [asyncio.create_task(reading_client(api, load)) for api in readers]

    async def answers_again(fault: Fault) -> None:
        async def answered() -> bool:
            try:
                await probe.call(LICENSES, field="licenses")
            except Unfinished:
                return False
            return True

        await wait_for(
            answered, seconds=RECOVERY_SECONDS, interval=0.1, what=f"the server after {fault.name}"
        )
        fault.recovered = time.monotonic()

    faults = [
        Fault("pg_ctl restart -m fast"),
        Fault("pg_ctl restart -m immediate"),
        Fault(f"an immediate stop held {HELD_DOWN_SECONDS:.0f} s"),
    ]
    try:
        for fault in faults:
            await asyncio.sleep(LOAD_BETWEEN_SECONDS)
            fault.began = time.monotonic()
            if "restart" in fault.name:
                await asyncio.to_thread(cluster.restart, fault.name.rsplit(" ", 1)[1])
            else:
                await asyncio.to_thread(cluster.stop, "immediate")
                await asyncio.sleep(HELD_DOWN_SECONDS)
                await asyncio.to_thread(cluster.start)
            fault.database_back = time.monotonic()
            await answers_again(fault)
            fault.orphaned_claims = await claims_left(database, fault)
        await asyncio.sleep(LOAD_BETWEEN_SECONDS)
        load.faults_over = True
        await asyncio.wait_for(asyncio.gather(*clients), 180)
    finally:
        for task in clients:
            task.cancel()
        for api in {*apis, *readers, probe}:
            await api.aclose()
        still_running = server.running and server.pid == pid
        output = server.stop()

    def errors_of(fault: Fault) -> int:
        return sum(
            1
            for sent, answered, kind in load.answers.events
            if kind != "HTTP 200" and answered >= fault.began and sent <= fault.recovered
        )

    print(
        f"\n{len(load.answers.events)} requests ({load.answers.counts}); "
        f"{len(load.seen)} purchases, {len(assignments.done)} assignments "
        f"({assignments.confirmed_after_conflict} confirmed after a conflict), "
        f"{load.retries} retries; "
        + "; ".join(
            f"{f.name}: database away {f.database_back - f.began:.1f} s, server answering "
            f"{f.recovered - f.database_back:.1f} s later, {errors_of(f)} errors, "
            f"{f.orphaned_claims} claims left behind"
            for f in faults
        )
    )
    # the same process, still serving
    assert still_running, f"the server process died:\n{output[-5000:]}"
    # requests during the outage got clean answers: no hang, no dropped connection
    unclean = {
        kind: load.answers.samples[kind]
        for kind in load.answers.counts
        if kind != "HTTP 200" and kind not in CLEAN_ERRORS and "(JSON error)" not in kind
    }
    assert unclean == {}, _excerpt(output, "Exception in ASGI application")
    # errors only while the database was away: once answering again, everything succeeds
    late = [
        (kind, round(sent - faults[0].began, 2))
        for sent, answered, kind in load.answers.events
        if kind != "HTTP 200"
        and not any(f.began <= answered and sent <= f.recovered for f in faults)
    ]
    assert late == []
    # no committed work lost, none done twice, every order whole
    assert await inconsistencies(database) == {}
    await check_orders_seen(database, load, reseller_id=reseller_id, orders_before=orders_before)
    customers = {
        row["key"]: row["email"]
        for row in await database.rows(
            "SELECT x.key, u.email FROM licensing_license x "
            "JOIN identity_user u ON u.id = x.customer_id "
            f"WHERE x.reseller_id = {reseller_id}"
        )
    }
    for key, email in assignments.done.items():
        assert customers.get(key) == email, f"the assignment of {key} to {email} was lost"
    # the long outage outlasted the engine's wait: its requests were answered 503 at once
    assert errors_of(faults[-1]) > 0
    assert any(kind.startswith("HTTP 503") for kind in load.answers.counts)
