"""The HTTP bench's own checks, at a tiny scale: the generator fills a consistent dataset, and
the floor route answers exactly what the licenses page's GraphQL query answers (so the floor
cannot drift from the page it is the floor of)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from backend.app import create_app
from backend.billing.models import Invoice, InvoiceStatus
from backend.identity.models import User
from backend.identity.roles import Role
from backend.licensing.models import License
from backend.settings import Settings
from tests.bench.http.app import SQL_HEADER, with_bench_routes
from tests.bench.http.dataset import PASSWORD, generate
from tests.bench.http.operations import operation
from tests.conftest import without_cost

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def app(settings: Settings, dist: Path, db: str) -> Iterator[Starlette]:
    logger = logging.getLogger("tortoise.db_client")
    saved = (logger.level, logger.propagate, list(logger.handlers))
    yield with_bench_routes(create_app(settings, dist=dist, manage_database=False), settings)
    logger.setLevel(saved[0])
    logger.propagate = saved[1]
    logger.handlers[:] = saved[2]


async def test_the_generator_fills_a_consistent_dataset() -> None:
    dataset = await generate(0.001, buyers=2)

    assert dataset.counts == {"resellers": 3, "licenses": 100, "customers": 50, "invoices": 60}
    bench_licenses = License.filter(order__placed_by_label="bench")
    assert await bench_licenses.count() == 100
    assert 45 <= await bench_licenses.filter(customer_id__isnull=False).count() <= 55
    assert await User.filter(email__endswith="@customers.example").count() == 50
    pending = Invoice.filter(number__startswith="INV-B", status=InvoiceStatus.PENDING_SUMMARY)
    assert await pending.count() == 60
    assert await User.filter(role=Role.RESELLER_PURCHASER, email__in=dataset.buyer_emails).count()
    assert dataset.unassigned_keys and dataset.search_keys and dataset.search_emails


@pytest.mark.parametrize("first", [5, 50])
async def test_the_floor_answers_what_the_licenses_page_answers(
    client: httpx.AsyncClient, first: int
) -> None:
    dataset = await generate(0.01, buyers=1)
    login = {"input": {"email": dataset.owner_email, "password": PASSWORD}}
    signed_in = await client.post(
        "/graphql", json={"query": operation("Login"), "variables": login}
    )
    assert signed_in.json()["data"]["login"]["userErrors"] == []

    page = await client.post(
        "/graphql", json={"query": operation("Licenses"), "variables": {"first": first}}
    )
    floor = await client.get(f"/bench/floor/licenses?first={first}")

    assert page.status_code == floor.status_code == 200
    assert "errors" not in page.json()
    assert len(page.json()["data"]["licenses"]["edges"]) == first
    assert floor.json() == without_cost(page.json())
    assert int(page.headers[SQL_HEADER]) > int(floor.headers[SQL_HEADER]) >= 1
