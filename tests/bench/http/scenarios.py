"""The scenarios: concurrent clients over HTTP against the running server, and their figures.

A scenario is an operation (one or more HTTP requests) run ``requests`` times by ``workers``
concurrent clients after a warm-up; each operation's latency and SQL statement count (the sum
of its responses' ``X-Bench-SQL``) is recorded. Any HTTP error, GraphQL error or user error
counts as an error (and its first one is printed).
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.bench.http.app import SQL_HEADER
from tests.bench.http.dataset import Dataset
from tests.bench.http.operations import operation
from tests.bench.http.server import Server, memory_kib

COOKIE = "__Host-pp_session"
Op = Callable[[httpx.AsyncClient, int, int], Awaitable[list[httpx.Response]]]
"""(client, worker, n) -> the responses of one operation."""


@dataclass
class Figures:
    name: str
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    throughput: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    sql_min: int = 0
    sql_max: int = 0
    peak_rss_mib: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Samples:
    """What the runs of one scenario recorded."""

    latencies: list[float] = field(default_factory=list)
    sql: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    numbers: Iterator[int] = field(default_factory=itertools.count)

    @classmethod
    def one(cls, ms: float, sql: int, why: str | None) -> Samples:
        """A single operation's samples (the export, the close)."""
        return cls(latencies=[ms], sql=[sql], errors=[why] if why else [], seconds=ms / 1000)

    def figures(self, name: str, server: Server) -> Figures:
        if self.errors:
            print(f"  {name}: {len(self.errors)} error(s), the first: {self.errors[0]}")
        latencies, seconds = self.latencies, self.seconds
        return Figures(
            name=name,
            requests=len(latencies),
            errors=len(self.errors),
            seconds=round(seconds, 3),
            throughput=round(len(latencies) / seconds, 1) if seconds else 0.0,
            p50_ms=round(statistics.median(latencies), 2) if latencies else 0.0,
            p95_ms=round(percentile(latencies, 95), 2),
            p99_ms=round(percentile(latencies, 99), 2),
            sql_min=min(self.sql, default=0),
            sql_max=max(self.sql, default=0),
            peak_rss_mib=round(memory_kib(server.pid, "VmHWM") / 1024, 1),
        )


Job = tuple[str, "Session", "Op"]
"""A scenario to measure: its name, the session (server) it runs against, its operation."""


async def alternate(jobs: list[Job], *, requests: int, warmup: int, rounds: int) -> list[Figures]:
    """Each job ``requests`` times, in ``rounds`` batches taken in turn (job 1, job 2, …, job
    1 again): what else the machine does while the bench runs then weighs on every job alike,
    so their ratios (the licenses page to the floor, a list at full scale to the same list at
    small scale) hold across runs, where one job measured after another caught a slow moment
    alone. The figures are over all of a job's batches."""
    recorded = [Samples() for _ in jobs]
    for (name, session, op), samples in zip(jobs, recorded, strict=True):
        await session.warm_up(name, op, warmup)
        samples.numbers = itertools.count(warmup)
    for round_ in range(rounds):
        for (_, session, op), samples in zip(jobs, recorded, strict=True):
            share = requests // rounds + (1 if round_ < requests % rounds else 0)
            await session.batch(op, share, samples)
    return [
        samples.figures(name, session.server)
        for (name, session, _), samples in zip(jobs, recorded, strict=True)
    ]


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def problem(response: httpx.Response) -> str | None:
    """Why a response is not a success, or None."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:300]}"
    if not response.headers.get("content-type", "").startswith("application/json"):
        return None
    body = response.json()
    if body.get("errors"):
        return f"errors: {body['errors']}"[:400]
    for payload in (body.get("data") or {}).values():
        if isinstance(payload, dict) and payload.get("userErrors"):
            return f"userErrors: {payload['userErrors']}"[:400]
    return None


class Session:
    """The signed-in clients of one server."""

    def __init__(self, server: Server, dataset: Dataset, workers: int) -> None:
        self.server = server
        self.dataset = dataset
        self.workers = workers
        limits = httpx.Limits(max_connections=workers + 4, max_keepalive_connections=workers + 4)
        self.client = httpx.AsyncClient(
            base_url=server.base_url,
            headers={"Origin": server.base_url},  # as the browser on the app's own page
            timeout=600,
            limits=limits,
        )
        self.owner: dict[str, str] = {}
        self.admin: dict[str, str] = {}
        self.buyers: list[dict[str, str]] = []

    async def login(self, email: str) -> dict[str, str]:
        response = await self.client.post(
            "/graphql",
            json={
                "query": operation("Login"),
                "variables": {"input": {"email": email, "password": self.dataset.password}},
            },
        )
        assert problem(response) is None, problem(response)
        for header in response.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            if name == COOKIE:
                return {"Cookie": f"{COOKIE}={rest.split(';', 1)[0]}"}
        raise RuntimeError(f"no session cookie for {email}")

    async def __aenter__(self) -> Session:
        self.owner = await self.login(self.dataset.owner_email)
        self.admin = await self.login(self.dataset.admin_email)
        self.buyers = [await self.login(email) for email in self.dataset.buyer_emails]
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    async def graphql(
        self, name: str, variables: dict[str, Any], headers: dict[str, str]
    ) -> httpx.Response:
        return await self.client.post(
            "/graphql",
            json={"query": operation(name), "variables": variables},
            headers=headers,
        )

    async def run(self, name: str, op: Op, *, requests: int, warmup: int) -> Figures:
        """``op`` ``warmup`` times, then ``requests`` times over the concurrent workers."""
        [figures] = await alternate([(name, self, op)], requests=requests, warmup=warmup, rounds=1)
        return figures

    async def warm_up(self, name: str, op: Op, times: int) -> None:
        for n in range(times):
            for response in await op(self.client, 0, n):
                if (why := problem(response)) is not None:
                    raise RuntimeError(f"{name}: warm-up failed: {why}")

    async def batch(self, op: Op, count: int, samples: Samples) -> None:
        """``op`` ``count`` times over the concurrent workers, into ``samples``."""
        todo = itertools.count()

        async def worker(index: int) -> None:
            while next(todo) < count:
                started = time.perf_counter()
                responses = await op(self.client, index, next(samples.numbers))
                samples.latencies.append((time.perf_counter() - started) * 1000)
                samples.sql.append(sum(int(r.headers.get(SQL_HEADER, "0")) for r in responses))
                samples.errors.extend(w for r in responses if (w := problem(r)) is not None)

        started = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(self.workers)))
        samples.seconds += time.perf_counter() - started

    # --- the operations ------------------------------------------------------------------

    def page(self, name: str, variables: dict[str, Any]) -> Op:
        async def op(client: httpx.AsyncClient, worker: int, n: int) -> list[httpx.Response]:
            return [await self.graphql(name, variables, self.owner)]

        return op

    def licenses(self, first: int, search: list[str] | None = None) -> Op:
        async def op(client: httpx.AsyncClient, worker: int, n: int) -> list[httpx.Response]:
            variables: dict[str, Any] = {"first": first}
            if search:
                variables["filter"] = {"search": search[n % len(search)]}
            return [await self.graphql("Licenses", variables, self.owner)]

        return op

    def floor(self, first: int) -> Op:
        async def op(client: httpx.AsyncClient, worker: int, n: int) -> list[httpx.Response]:
            return [await client.get(f"/bench/floor/licenses?first={first}", headers=self.owner)]

        return op

    def checkout(self) -> Op:
        """Add a license to the worker's own cart (each worker is its own purchaser: a cart is
        a user's), then check out on invoice with a fresh idempotency key."""

        async def op(client: httpx.AsyncClient, worker: int, n: int) -> list[httpx.Response]:
            buyer = self.buyers[worker % len(self.buyers)]
            line = {"productCode": "smartermail", "editionCode": "professional", "tier": "250"}
            added = await self.graphql("AddNewLicenseToCart", {"input": line}, buyer)
            if problem(added) is not None:
                return [added]
            checkout = {"paymentMethod": "INVOICE", "idempotencyKey": str(uuid.uuid4())}
            return [added, await self.graphql("Checkout", {"input": checkout}, buyer)]

        return op

    def assign(self) -> Op:
        """Assign the next unassigned license of the pool to a new customer's email."""
        keys = iter(self.dataset.unassigned_keys)

        async def op(client: httpx.AsyncClient, worker: int, n: int) -> list[httpx.Response]:
            assignment = {
                "licenseKey": next(keys),
                "email": f"new-{uuid.uuid4().hex[:12]}@assigned.example",
                "name": "New Customer",
            }
            return [await self.graphql("AssignLicense", {"input": assignment}, self.owner)]

        return op

    async def close_period(self) -> Figures:
        """``closeBillingPeriod`` of the dataset's month, once, as the vendor admin."""
        started = time.perf_counter()
        response = await self.graphql(
            "CloseBillingPeriod", {"input": {"period": self.dataset.close_period}}, self.admin
        )
        ms = (time.perf_counter() - started) * 1000
        why = problem(response)  # printed by ``figures``
        data = ((response.json().get("data") or {}).get("closeBillingPeriod")) or {}
        sql = int(response.headers.get(SQL_HEADER, "0"))
        figures = Samples.one(ms, sql, why).figures("close-period", self.server)
        figures.extra = {
            "summaries": data.get("summaryInvoicesCreated"),
            "invoices": data.get("invoicesSummarized"),
            "resellers": self.dataset.counts["resellers"],
        }
        return figures

    async def export(self) -> Figures:
        """The customers CSV of every account (as the vendor admin: 50,000 customers at full
        scale), streamed and dropped chunk by chunk, while the server's RSS is sampled every
        20 ms."""
        pid = self.server.pid
        before = memory_kib(pid, "VmRSS")
        peak = before
        done = asyncio.Event()

        async def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, memory_kib(pid, "VmRSS"))
                await asyncio.sleep(0.02)

        sampler = asyncio.create_task(sample())
        lines = size = 0
        started = time.perf_counter()
        async with self.client.stream(
            "GET", "/exports/customers.csv", headers=self.admin
        ) as response:
            sql = int(response.headers.get(SQL_HEADER, "0"))
            status = response.status_code
            async for chunk in response.aiter_bytes():
                lines += chunk.count(b"\n")
                size += len(chunk)
        ms = (time.perf_counter() - started) * 1000
        done.set()
        await sampler
        peak = max(peak, memory_kib(pid, "VmRSS"))
        why = None if status == 200 else f"HTTP {status}"
        figures = Samples.one(ms, sql, why).figures("customers-export", self.server)
        figures.extra = {
            "rows": max(0, lines - 1),
            "bytes": size,
            "rss_before_mib": round(before / 1024, 1),
            "rss_peak_mib": round(peak / 1024, 1),
            "rss_growth_mib": round((peak - before) / 1024, 1),
        }
        return figures
