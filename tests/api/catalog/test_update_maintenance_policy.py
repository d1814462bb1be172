"""The ``updateMaintenancePolicy`` mutation: the vendor changes the M&S terms."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backend.identity.roles import Role
from tests.conftest import graphql
from tests.identity.factories import make_user, sign_in

UPDATE_MAINTENANCE_POLICY = """
mutation UpdateMaintenancePolicy($input: UpdateMaintenancePolicyInput!) {
  updateMaintenancePolicy(input: $input) {
    maintenancePolicy { termMonths renewalPercent graceDays reinstatementFeePercent }
    userErrors { code message field }
  }
}
"""

MAINTENANCE_POLICY = """
query MaintenancePolicy {
  maintenancePolicy { termMonths renewalPercent graceDays reinstatementFeePercent }
}
"""


@pytest.fixture
async def vendor(client: httpx.AsyncClient) -> httpx.AsyncClient:
    await sign_in(client, await make_user(Role.VENDOR_ADMIN, email="admin@vendor.example"))
    return client


async def update(client: httpx.AsyncClient, **input: object) -> dict[str, Any]:
    body = await graphql(client, UPDATE_MAINTENANCE_POLICY, {"input": input})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["updateMaintenancePolicy"]  # type: ignore[index]
    return payload


async def test_the_vendor_changes_some_terms_and_the_rest_stay(vendor: httpx.AsyncClient) -> None:
    # when (the database has no policy row yet: the defaults apply)
    payload = await update(vendor, renewalPercent="45.5", graceDays=14)

    # then
    expected = {
        "termMonths": 12,
        "renewalPercent": "45.5",
        "graceDays": 14,
        "reinstatementFeePercent": "20",
    }
    assert payload == {"maintenancePolicy": expected, "userErrors": []}
    body = await graphql(vendor, MAINTENANCE_POLICY)
    assert body["data"] == {"maintenancePolicy": expected}


async def test_bad_terms_are_user_errors_on_their_fields(vendor: httpx.AsyncClient) -> None:
    # when
    payload = await update(
        vendor, termMonths=0, renewalPercent="1000.5", graceDays=400, reinstatementFeePercent="-1"
    )

    # then
    assert payload["maintenancePolicy"] is None
    assert sorted(e["field"][1] for e in payload["userErrors"]) == [
        "graceDays",
        "reinstatementFeePercent",
        "renewalPercent",
        "termMonths",
    ]
    assert {e["code"] for e in payload["userErrors"]} == {"INVALID"}
    body = await graphql(vendor, MAINTENANCE_POLICY)
    assert body["data"]["maintenancePolicy"]["termMonths"] == 12  # type: ignore[index]
