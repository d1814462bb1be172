"""``make soak``: the product on PostgreSQL with two server processes under 60 seconds of mixed
traffic from 50 concurrent clients, then its invariants checked on the database.

1. A fresh database (``soak_<random>`` on the PostgreSQL server of ``--database-url``, by default
   ``PARTNER_PORTAL_TEST_POSTGRES_URL`` as the tests use), migrated and seeded
   (``tests.soak.world``).
2. A real SMTP server (aiosmtpd) and two uvicorn processes on that database with production
   settings and the mail worker on, delivering to it (and both running the month-close
   scheduler, which closes last month as they start).
3. ``--clients`` clients (``tests.soak.client``) doing their work (``tests.soak.work``) for
   ``--seconds``, spread over both servers.
4. The traffic stops; the outbox drains (bounded); the servers stop; the invariants are checked
   (``tests.soak.invariants``).
5. The figures are printed and written to ``soak/results.json``; the exit status is 1 if any
   invariant failed. The database is dropped unless ``--keep``.

PostgreSQL unreachable: the soak says so and exits 0, or 1 under CI (``CI`` set); ``--probe``
only looks (exit 0: it answers), for ``make soak`` to decide about the fault tests too.

    python -m tests.soak                       # 60 s, 50 clients
    python -m tests.soak --seconds 10 --clients 12 --keep
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx

from tests.bench.http.operations import operation
from tests.soak.catalog import Catalog
from tests.soak.client import PERSONAS, Client
from tests.soak.invariants import Check, Evidence, check_all
from tests.soak.report import print_report, results
from tests.soak.stats import Ledger, Stats
from tests.soak.work import WORK
from tests.soak.world import Account, World, build
from tests.support.servers import ROOT, ServerProcess
from tests.support.smtp import SmtpServer

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/test"
SERVERS = 2
DRAIN_SECONDS = 150.0
ROSTER = {
    "purchaser": 20,
    "automation": 8,
    "owner": 8,
    "billing": 6,
    "admin": 4,
    "viewer": 2,
    "anonymous": 2,
}
"""The 50 clients of the issue by persona; other numbers keep these proportions."""
COOKIE_SUFFIX = "pp_session"


def roster(clients: int) -> list[str]:
    """``clients`` personas in ``ROSTER``'s proportions, interleaved (smooth weighted round
    robin), so that any number of clients gets a mix."""
    total = sum(ROSTER.values())
    credit = dict.fromkeys(ROSTER, 0)
    chosen = []
    for _ in range(clients):
        for name, weight in ROSTER.items():
            credit[name] += weight
        best = max(credit, key=lambda name: credit[name])
        credit[best] -= total
        chosen.append(best)
    return chosen


def _with_database(url: str, name: str, scheme: str | None = None) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}", scheme=scheme or parts.scheme))


async def _admin(url: str) -> asyncpg.Connection:
    connection: asyncpg.Connection = await asyncpg.connect(
        urlunsplit(urlsplit(url)._replace(scheme="postgresql")), timeout=10
    )
    return connection


def _servers(url: str, folder: Path, smtp: SmtpServer) -> list[ServerProcess]:
    env = {
        "PARTNER_PORTAL_ENV": "production",
        "PARTNER_PORTAL_SECRET_KEY": secrets.token_urlsafe(48),
        "PARTNER_PORTAL_MAIL_WORKER": "1",
        "PARTNER_PORTAL_SMTP_URL": smtp.url,
        "PARTNER_PORTAL_RATE_LIMIT_POINTS": "100000000",
    }
    return [
        ServerProcess(
            url, folder / "data", env=env, log=folder / f"server-{n}.log", access_log=False
        )
        for n in range(SERVERS)
    ]


async def _login(base_url: str, email: str, password: str) -> dict[str, str]:
    """Sign in through the ``login`` mutation; the session cookie as a header (the production
    cookie is ``Secure``, which a client keeps off plain HTTP)."""
    async with httpx.AsyncClient(base_url=base_url, headers={"Origin": base_url}) as http:
        response = await http.post(
            "/graphql",
            json={
                "query": operation("Login"),
                "variables": {"input": {"email": email, "password": password}},
            },
        )
    response.raise_for_status()
    for header in response.headers.get_list("set-cookie"):
        name, _, rest = header.partition("=")
        if name.endswith(COOKIE_SUFFIX):
            return {"Cookie": f"{name}={rest.split(';', 1)[0]}"}
    raise RuntimeError(f"no session for {email}: {response.text[:300]}")


async def _api_key(base_url: str, owner: dict[str, str], name: str) -> dict[str, str]:
    async with httpx.AsyncClient(base_url=base_url, headers={"Origin": base_url}) as http:
        response = await http.post(
            "/graphql",
            json={
                "query": operation("CreateApiKey"),
                "variables": {"input": {"name": name, "role": "RESELLER_PURCHASER"}},
            },
            headers=owner,
        )
    secret = ((response.json().get("data") or {}).get("createApiKey") or {}).get("secret")
    if not secret:
        raise RuntimeError(f"no API key for {name}: {response.text[:300]}")
    return {"Authorization": f"Bearer {secret}"}


async def _catalog(base_url: str, auth: dict[str, str]) -> Catalog:
    async with httpx.AsyncClient(base_url=base_url, headers={"Origin": base_url}) as http:
        response = await http.post(
            "/graphql", json={"query": operation("ShopCatalog")}, headers=auth
        )
    return Catalog(response.json()["data"]["products"])


@dataclass
class Seat:
    """Who one client is: its persona, account and login (or API key's account)."""

    persona: str
    account: Account | None
    who: str


def _kind(world: World, email: str) -> str:
    """The kind of person a login is: admin, owner, purchaser, billing or viewer."""
    return "admin" if email == world.admin else email.split("@", maxsplit=1)[0].rstrip("0123456789")


def seats(world: World, clients: int) -> list[Seat]:
    """Each client's persona, account and login: purchasers spread over every account (two
    logins each), billing clients over the accounts that are invoiced (only they have summary
    invoices to pay), the others over every account."""
    counts: dict[str, int] = dict.fromkeys(PERSONAS, 0)
    accounts = world.accounts
    payers = [a for a in accounts if a.by_invoice]
    found = []
    for name in roster(clients):
        k = counts[name]
        counts[name] += 1
        account = None if name in ("admin", "anonymous") else accounts[k % len(accounts)]
        if name == "billing":
            account = payers[k % len(payers)]
        who = world.admin if name == "admin" else name
        if name == "purchaser" and account is not None:
            who = account.purchasers[(k // len(accounts)) % len(account.purchasers)]
        elif name in ("owner", "viewer", "billing") and account is not None:
            who = getattr(account, name)
        elif name == "automation" and account is not None:
            who = f"api-key-{account.id}"
        found.append(Seat(name, account, who))
    return found


async def _clients(
    world: World, urls: list[str], options: argparse.Namespace, stats: Stats, ledger: Ledger
) -> list[Client]:
    """Sign everyone in (one session per login, shared by its clients), make the automation
    clients' API keys (one per account, by its owner) and build the clients."""
    plan = seats(world, options.clients)
    logins = sorted({s.who for s in plan if s.persona not in ("automation", "anonymous")})
    keyed = {s.account.id: s.account for s in plan if s.persona == "automation" and s.account}
    logins = sorted(set(logins) | {a.owner for a in keyed.values()})
    # a few sign in through ``login`` (one login of each kind of person); the others use the
    # sessions made while seeding, under the cookie name the real sign-ins were given
    sessions: dict[str, dict[str, str]] = {}
    kinds = {_kind(world, email): email for email in logins}
    for n, email in enumerate(sorted(kinds.values())):
        sessions[email] = await _login(urls[n % len(urls)], email, world.password)
    cookie = next(iter(sessions.values()))["Cookie"].split("=", 1)[0] if sessions else ""
    for email in logins:
        sessions.setdefault(email, {"Cookie": f"{cookie}={world.sessions[email]}"})
    keys = {
        account_id: await _api_key(urls[0], sessions[account.owner], f"soak automation {n}")
        for n, (account_id, account) in enumerate(sorted(keyed.items()))
    }
    catalog = await _catalog(urls[0], sessions[logins[0]]) if logins else Catalog([])
    clients = []
    for number, seat in enumerate(plan):
        if seat.persona == "automation":
            assert seat.account is not None
            auth = keys[seat.account.id]
        else:
            auth = sessions.get(seat.who, {})
        clients.append(
            Client(
                number,
                PERSONAS[seat.persona],
                seat.who,
                auth,
                seat.account,
                world=world,
                catalog=catalog,
                servers=urls,
                stats=stats,
                ledger=ledger,
                seed=options.seed,
            )
        )
    return clients


async def _drain(url: str, smtp: SmtpServer, seconds: float) -> tuple[float, dict[str, int]]:
    """Wait (at most ``seconds``) until no message waits in the outbox and the SMTP server has
    every sent one; how long it took and the outbox by status."""
    db = await _admin(url)
    started = time.monotonic()
    try:
        while True:
            rows = await db.fetch(
                "SELECT status, count(*) AS n FROM notifications_outbox_message GROUP BY status"
            )
            by_status = {row["status"]: row["n"] for row in rows}
            done = not by_status.get("PENDING") and len(smtp.received) >= by_status.get("SENT", 0)
            if done or time.monotonic() - started > seconds:
                return time.monotonic() - started, by_status
            await asyncio.sleep(0.5)
    finally:
        await db.close()


async def soak(options: argparse.Namespace, base_url: str, folder: Path) -> dict[str, Any]:
    timings: dict[str, float] = {}
    began = time.monotonic()
    print(
        f"soak: database {urlsplit(base_url).path.strip('/')}: migrating and seeding …", flush=True
    )
    world = await build(base_url, seed=options.seed)
    timings["seed_seconds"] = time.monotonic() - began
    smtp = SmtpServer()
    smtp.start()
    servers = _servers(base_url, folder, smtp)
    stats, ledger = Stats(), Ledger()
    clients: list[Client] = []
    try:
        for server in servers:
            server.start()
        for server in servers:
            await asyncio.to_thread(server.wait_until_up)
        timings["servers_seconds"] = time.monotonic() - began - timings["seed_seconds"]
        urls = [server.base_url for server in servers]
        print(f"soak: servers {[s.pid for s in servers]} at {urls}; signing in …", flush=True)
        clients = await _clients(world, urls, options, stats, ledger)
        db = await _admin(base_url)
        try:
            started_at = await db.fetchval("SELECT now()")
        finally:
            await db.close()
        timings["setup_seconds"] = time.monotonic() - began
        print(
            f"soak: {len(clients)} clients for {options.seconds:g} s "
            f"(setup took {timings['setup_seconds']:.1f} s) …",
            flush=True,
        )
        traffic = time.monotonic()
        deadline = traffic + options.seconds
        await asyncio.gather(*(client.run(deadline, WORK) for client in clients))
        timings["traffic_seconds"] = time.monotonic() - traffic
        print(
            f"soak: traffic done; draining the outbox (at most {DRAIN_SECONDS:g} s) …", flush=True
        )
        timings["drain_seconds"], outbox = await _drain(base_url, smtp, DRAIN_SECONDS)
    finally:
        for client in clients:
            await client.aclose()
        logs = {f"server-{n}": await asyncio.to_thread(s.stop) for n, s in enumerate(servers)}
        received = smtp.message_ids()
        smtp.stop()
    checking = time.monotonic()
    evidence = Evidence(
        clients=ledger, stats=stats, received_ids=received, logs=logs, started_at=started_at
    )
    checks: list[Check] = await check_all(base_url, evidence)
    timings["checks_seconds"] = time.monotonic() - checking
    timings["total_seconds"] = time.monotonic() - began
    return results(
        options=vars(options) | {"servers": SERVERS},
        machine={"cpus": os.cpu_count(), "python": platform.python_version()},
        world=world,
        stats=stats,
        ledger=ledger,
        checks=checks,
        timings=timings,
        outbox=outbox,
        received=len(received),
        logs={name: len(text.splitlines()) for name, text in logs.items()},
    )


async def main(options: argparse.Namespace) -> int:
    try:
        admin = await _admin(options.database_url)
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        print(f"soak: PostgreSQL is not reachable at {options.database_url}: {error}")
        if options.probe:
            return 1
        if os.environ.get("CI"):
            print("soak: CI must run the soak on PostgreSQL: failing")
            return 1
        print("soak: skipped (set CI to make this a failure)")
        return 0
    if options.probe:
        await admin.close()
        return 0
    name = f"soak_{secrets.token_hex(4)}"
    url = _with_database(options.database_url, name, "postgres")
    folder = Path(tempfile.mkdtemp(prefix="soak-"))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        report = await soak(options, url, folder)
    finally:
        if options.keep:
            print(f"soak: kept database {url} and folder {folder}")
        else:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            shutil.rmtree(folder, ignore_errors=True)
        await admin.close()
    print_report(report)
    options.results.parent.mkdir(parents=True, exist_ok=True)
    options.results.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"soak: figures written to {options.results}")
    return 0 if report["passed"] else 1


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.soak", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="traffic time (default 60)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("PARTNER_PORTAL_TEST_POSTGRES_URL", DEFAULT_URL),
        help="a PostgreSQL database URL: the soak creates its own database on that server "
        "(default: PARTNER_PORTAL_TEST_POSTGRES_URL or " + DEFAULT_URL + ")",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and the logs")
    parser.add_argument(
        "--probe", action="store_true", help="only see whether PostgreSQL answers (exit 0) or not"
    )
    parser.add_argument("--seed", type=int, default=1, help="the clients' random seed")
    parser.add_argument(
        "--results", type=Path, default=ROOT / "soak" / "results.json", help="figures (JSON)"
    )
    options = parser.parse_args(argv)
    if options.clients < 1 or options.seconds <= 0:
        parser.error("--clients and --seconds must be positive")
    return options


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse())))
