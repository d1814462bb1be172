"""``make bench``: how fast identity and the account lists answer, in process (no network).

Measures, on a fresh database (SQLite in a temporary folder, or the PostgreSQL database named by
``PARTNER_PORTAL_BENCH_DATABASE_URL``, which it fills): signing in (Argon2id on purpose costs
tens of milliseconds), an authenticated ``viewer`` with a session and with an API key, and the
People list at its largest page (100 people). Prints one line per figure; asserts nothing.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from tortoise import Tortoise

from backend.accounts.models import Employee, Reseller
from backend.app import create_app
from backend.db import migrate, tortoise_config
from backend.demo import seed_demo
from backend.identity.actor import Actor
from backend.identity.api_keys import create_api_key
from backend.identity.models import User
from backend.identity.roles import Role
from backend.settings import load_settings

PASSWORD = "demo-password"
LOGIN = """mutation { login(input: {email: "owner@reseller.example", password: "demo-password"})
  { userErrors { code } } }"""
VIEWER = "{ viewer { email role reseller { name } } }"
PEOPLE = "{ employees(first: 100) { edges { node { name email role loginStatus mailingLists } } } }"


async def timed(label: str, runs: int, call: Callable[[], Awaitable[httpx.Response]]) -> None:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = await call()
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text
        assert "errors" not in response.json(), response.text
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(
        f"{label:<44} median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms"
        f"   ({runs} runs)"
    )


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("PARTNER_PORTAL_BENCH_DATABASE_URL") or (
            f"sqlite://{Path(folder) / 'bench.sqlite3'}"
        )
        settings = load_settings(
            {"PARTNER_PORTAL_DATA_DIR": folder, "PARTNER_PORTAL_DATABASE_URL": url}
        )
        await migrate(url)
        await Tortoise.init(config=tortoise_config(url))
        try:
            await seed_demo(password=PASSWORD)
            reseller = await Reseller.get(name="Reseller Example Inc.")
            for n in range(100):
                await Employee.get_or_create(
                    reseller=reseller,
                    email=f"person{n}@reseller.example",
                    defaults={"name": f"Person {n:03}"},
                )
            owner = await User.get(email="owner@reseller.example")
            _, secret = await create_api_key(
                actor=Actor(role=Role.RESELLER_OWNER, user_id=owner.id, reseller_id=reseller.id),
                reseller_id=reseller.id,
                name="bench",
                role=Role.RESELLER_VIEWER,
            )
            app = create_app(settings, manage_database=False)
            transport = httpx.ASGITransport(app=app)
            origin = {"Origin": "http://bench"}
            async with httpx.AsyncClient(
                transport=transport, base_url="http://bench", headers=origin
            ) as client:
                print(f"database: {settings.database_engine}")

                async def login() -> httpx.Response:
                    return await client.post("/graphql", json={"query": LOGIN})

                await timed("login (Argon2id verify + session)", 20, login)

                async def viewer() -> httpx.Response:
                    return await client.post("/graphql", json={"query": VIEWER})

                await timed("viewer, session cookie", 200, viewer)

                async def people() -> httpx.Response:
                    return await client.post("/graphql", json={"query": PEOPLE})

                await timed("employees(first: 100), session cookie", 100, people)

                bearer = {"Authorization": f"Bearer {secret}", "Cookie": ""}

                async def keyed() -> httpx.Response:
                    return await client.post("/graphql", json={"query": VIEWER}, headers=bearer)

                await timed("viewer, API key", 200, keyed)
        finally:
            await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(main())
