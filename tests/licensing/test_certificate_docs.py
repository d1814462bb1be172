"""The verification example of docs/license-certificates.md works on real certificates."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.exceptions import InvalidSignature

from backend import clock
from backend.licensing.certificates import (
    VALIDITY,
    CertificateFacts,
    CertifiedTier,
    Named,
    issue_certificate,
)
from backend.licensing.signing import SigningKey
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.licensing.activations import FINGERPRINT, HOSTNAME, buy

DOC = Path(__file__).resolve().parents[2] / "docs" / "license-certificates.md"
ACTIVATE = """
mutation ($input: ActivateLicenseInput!) {
  activateLicense(input: $input) {
    certificate { payload signature }
    userErrors { code message }
  }
}
"""

Verify = Callable[[dict[str, str], bytes, str], dict[str, Any]]


def example() -> str:
    """The first Python block under the heading "Verifying a certificate"."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Verifying a certificate", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found is not None, "the doc lost its Python example"
    return found.group(1)


@pytest.fixture(scope="module")
def verify() -> Verify:
    code = example()
    assert len(code.strip().splitlines()) <= 18, "keep the example short"
    namespace: dict[str, Any] = {}
    exec(compile(code, str(DOC), "exec"), namespace)  # our own documentation
    function: Verify = namespace["verify"]
    return function


async def test_the_example_verifies_a_certificate_from_the_api(
    client: httpx.AsyncClient, shop: Shop, verify: Verify
) -> None:
    # given a certificate as an installation gets it, and the published key
    license = await buy(shop, personal=True)
    body: Any = await graphql(
        client,
        ACTIVATE,
        {"input": {"licenseKey": license.key, "fingerprint": FINGERPRINT, "hostname": HOSTNAME}},
    )
    certificate = body["data"]["activateLicense"]["certificate"]
    public_key_pem = (await client.get("/.well-known/license-signing-key")).content

    # when / then
    facts = verify(certificate, public_key_pem, FINGERPRINT)
    assert facts["licenseKey"] == license.key
    assert facts["product"]["code"] == "smartermail"

    with pytest.raises(ValueError, match="not a certificate of this installation"):
        verify(certificate, public_key_pem, "another-machine")
    payload = base64.b64decode(certificate["payload"]).replace(b'"revision":1', b'"revision":7')
    forged = {**certificate, "payload": base64.b64encode(payload).decode()}
    with pytest.raises(InvalidSignature):
        verify(forged, public_key_pem, FINGERPRINT)


def test_the_example_refuses_an_expired_certificate(
    verify: Verify, signing_key: SigningKey
) -> None:
    now = clock.now()
    facts = CertificateFacts(
        license_key="7KQ2MX-R9TP4H-7KQ2MX-R9TP4H-7KQ2MX-R9TP4H",
        product=Named("smartermail", "SmarterMail"),
        edition=Named("professional", "Professional"),
        tier=CertifiedTier("unlimited", "Unlimited", None),
        addons=(),
        maintenance_expires_at=now + timedelta(days=300),
        revision=1,
        installation_id=1,
        fingerprint=FINGERPRINT,
        hostname=HOSTNAME,
        issued_at=now - VALIDITY - timedelta(seconds=1),
    )
    old = issue_certificate(facts, signing_key)
    certificate = {"payload": old.payload_base64, "signature": old.signature_base64}

    with pytest.raises(ValueError, match="expired"):
        verify(certificate, signing_key.public_pem, FINGERPRINT)
    fresh = issue_certificate(replace(facts, issued_at=now), signing_key)
    certificate = {"payload": fresh.payload_base64, "signature": fresh.signature_base64}
    assert verify(certificate, signing_key.public_pem, FINGERPRINT)["tier"]["seats"] is None
