"""activateLicense, checkLicense and deactivateInstallation, as installations call them."""

from __future__ import annotations

import asyncio
import base64
import json
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from starlette.applications import Starlette

from backend import clock
from backend.identity.throttle import Limit
from backend.licensing import activation
from backend.licensing.models import Installation, License
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.licensing.activations import FINGERPRINT, HOSTNAME, assign, buy

ACTIVATE = """
mutation ($input: ActivateLicenseInput!) {
  activateLicense(input: $input) {
    activation {
      id fingerprint hostname revision active activatedAt certificateIssuedAt
      reactivationRequired license { key }
    }
    certificate { payload signature keyId issuedAt expiresAt }
    userErrors { code message field }
  }
}
"""
CHECK = """
query ($key: String!, $fingerprint: String!) {
  checkLicense(licenseKey: $key, fingerprint: $fingerprint) {
    status licenseKey revision maintenanceExpiresAt checkedAt certificateExpiresAt
    product { code name } edition { code name } tier { code name seats } addons { code name }
  }
}
"""
DEACTIVATE = """
mutation ($input: DeactivateInstallationInput!) {
  deactivateInstallation(input: $input) {
    installation { id active deactivatedAt license { key } }
    userErrors { code message field }
  }
}
"""


@pytest.fixture
async def anonymous(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """An installation: no session, its own address."""
    transport = httpx.ASGITransport(app=app, client=("203.0.113.20", 4711))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def activate_by_api(
    client: httpx.AsyncClient,
    key: str,
    fingerprint: str = FINGERPRINT,
    hostname: str = HOSTNAME,
) -> dict[str, Any]:
    body: Any = await graphql(
        client,
        ACTIVATE,
        {"input": {"licenseKey": key, "fingerprint": fingerprint, "hostname": hostname}},
    )
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["activateLicense"]
    return result


async def published_key(client: httpx.AsyncClient) -> Ed25519PublicKey:
    response = await client.get("/.well-known/license-signing-key")
    assert response.status_code == 200
    key = load_pem_public_key(response.content)
    assert isinstance(key, Ed25519PublicKey)
    return key


async def test_the_certificate_verifies_with_the_published_key(
    anonymous: httpx.AsyncClient, shop: Shop
) -> None:
    # given a license the reseller assigned
    license = await buy(shop)
    await assign(license)

    # when an installation activates it
    result = await activate_by_api(anonymous, license.key)

    # then it gets its installation and a certificate that the published key verifies
    assert result["userErrors"] == []
    installation = result["activation"]
    assert installation["fingerprint"] == FINGERPRINT
    assert (installation["hostname"], installation["revision"]) == (HOSTNAME, 1)
    assert installation["active"] is True
    assert installation["reactivationRequired"] is False
    assert installation["license"] is None  # an installation reads no license data
    certificate = result["certificate"]
    payload = base64.b64decode(certificate["payload"])
    signature = base64.b64decode(certificate["signature"])
    public_key = await published_key(anonymous)
    public_key.verify(signature, payload)
    facts = json.loads(payload)
    assert facts["licenseKey"] == license.key
    assert facts["keyId"] == certificate["keyId"]
    assert facts["expiresAt"].replace("Z", "+00:00") == certificate["expiresAt"]
    # and any change to the payload or the signature fails
    with pytest.raises(InvalidSignature):
        public_key.verify(signature, payload.replace(b"smartermail", b"smartertrack"))
    with pytest.raises(InvalidSignature):
        public_key.verify(signature[:-1] + bytes([signature[-1] ^ 0x80]), payload)


async def test_the_public_key_is_served_as_pem_and_may_be_cached(
    anonymous: httpx.AsyncClient,
) -> None:
    response = await anonymous.get("/.well-known/license-signing-key")
    assert response.headers["content-type"] == "application/x-pem-file"
    assert response.headers["cache-control"] == "public, max-age=86400"
    assert response.text.startswith("-----BEGIN PUBLIC KEY-----")
    key_id = response.headers["x-key-id"]
    again = await anonymous.get(
        "/.well-known/license-signing-key", headers={"If-None-Match": f'"{key_id}"'}
    )
    assert again.status_code == 304
    head = await anonymous.head("/.well-known/license-signing-key")
    assert head.status_code == 200


async def test_refusals_are_user_errors_on_the_input_field(
    anonymous: httpx.AsyncClient, shop: Shop
) -> None:
    unassigned = await buy(shop)
    result = await activate_by_api(anonymous, unassigned.key)
    assert result["activation"] is None and result["certificate"] is None
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [
        ("LICENSE_NOT_ASSIGNED", ["input", "licenseKey"])
    ]

    result = await activate_by_api(anonymous, unassigned.key, fingerprint="x", hostname="a b")
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [
        ("INVALID", ["input", "fingerprint"]),
        ("INVALID", ["input", "hostname"]),
    ]

    await assign(unassigned)
    await activate_by_api(anonymous, unassigned.key)
    result = await activate_by_api(anonymous, unassigned.key, fingerprint="another-machine")
    [error] = result["userErrors"]
    assert (error["code"], error["field"]) == ("CONFLICT", ["input", "licenseKey"])
    assert f"active on {HOSTNAME} since" in error["message"]


async def test_of_twenty_servers_activating_one_key_at_once_exactly_one_wins(
    anonymous: httpx.AsyncClient, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given (the key's throttle would stop half of them first)
    monkeypatch.setattr(
        activation, "ACTIVATION_KEY", Limit("activation-key", 100, timedelta(minutes=15))
    )
    license = await buy(shop, personal=True)

    # when
    results = await asyncio.gather(
        *(
            activate_by_api(anonymous, license.key, fingerprint=f"server-{n:02}-fingerprint")
            for n in range(20)
        )
    )

    # then
    outcomes = Counter(r["userErrors"][0]["code"] if r["userErrors"] else "OK" for r in results)
    assert outcomes == {"OK": 1, "CONFLICT": 19}
    [winner] = [r for r in results if not r["userErrors"]]
    active = await Installation.filter(license_id=license.id)
    assert [(i.fingerprint, i.is_active) for i in active] == [
        (winner["activation"]["fingerprint"], True)
    ]


async def check_by_api(client: httpx.AsyncClient, key: str, fingerprint: str = FINGERPRINT) -> Any:
    body: Any = await graphql(client, CHECK, {"key": key, "fingerprint": fingerprint})
    assert "errors" not in body, body
    return body["data"]["checkLicense"]


async def test_check_license_tells_an_installation_what_to_do(
    anonymous: httpx.AsyncClient, shop: Shop, monkeypatch: pytest.MonkeyPatch
) -> None:
    license = await buy(shop, personal=True)
    found = await check_by_api(anonymous, license.key)
    assert found == {
        "status": "NOT_ACTIVATED",
        "checkedAt": found["checkedAt"],
        **dict.fromkeys(
            [
                "licenseKey",
                "revision",
                "maintenanceExpiresAt",
                "certificateExpiresAt",
                "product",
                "edition",
                "tier",
                "addons",
            ]
        ),
    }

    certificate = (await activate_by_api(anonymous, license.key))["certificate"]
    found = await check_by_api(anonymous, license.key)
    assert found["status"] == "VALID"
    assert found["licenseKey"] == license.key
    assert found["revision"] == 1
    assert found["certificateExpiresAt"] == certificate["expiresAt"]
    assert found["product"] == {"code": "smartermail", "name": "SmarterMail"}
    assert found["edition"] == {"code": "enterprise", "name": "Enterprise"}
    assert found["tier"]["code"] == "250" and found["tier"]["seats"] == 250
    assert [a["code"] for a in found["addons"]] == ["activesync", "message-sniffer"]

    monkeypatch.setattr(clock, "now", lambda: license.maintenance_expires_at + timedelta(days=1))
    assert (await check_by_api(anonymous, license.key))["status"] == "MAINTENANCE_EXPIRED"

    await License.filter(id=license.id).update(revision=2)
    found = await check_by_api(anonymous, license.key)
    assert (found["status"], found["revision"]) == ("REACTIVATION_REQUIRED", 2)


async def test_checking_too_often_is_an_error_with_a_code(
    anonymous: httpx.AsyncClient, shop: Shop
) -> None:
    license = await buy(shop, personal=True)
    await activate_by_api(anonymous, license.key)
    for _ in range(activation.CHECK_KEY.attempts):
        await check_by_api(anonymous, license.key)

    body: Any = await graphql(anonymous, CHECK, {"key": license.key, "fingerprint": FINGERPRINT})

    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "THROTTLED"}
    assert error["message"].startswith("Too many attempts. Try again in")


async def test_an_installation_deactivates_itself_with_key_and_fingerprint(
    anonymous: httpx.AsyncClient, shop: Shop
) -> None:
    license = await buy(shop, personal=True)
    installation_id = (await activate_by_api(anonymous, license.key))["activation"]["id"]
    given = {"licenseKey": license.key, "fingerprint": FINGERPRINT}

    body: Any = await graphql(anonymous, DEACTIVATE, {"input": given})

    result = body["data"]["deactivateInstallation"]
    assert result["userErrors"] == []
    assert result["installation"]["active"] is False
    assert result["installation"]["license"] is None
    body = await graphql(anonymous, DEACTIVATE, {"input": given})
    [error] = body["data"]["deactivateInstallation"]["userErrors"]
    assert (error["code"], error["field"]) == ("NOT_FOUND", ["input", "fingerprint"])
    # by id, an installation is refused: that takes a signed-in user
    body = await graphql(anonymous, DEACTIVATE, {"input": {"installationId": installation_id}})
    [error] = body["data"]["deactivateInstallation"]["userErrors"]
    assert error["code"] == "PERMISSION_DENIED"
