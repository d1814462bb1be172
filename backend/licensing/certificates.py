"""License certificates: what an installation may run, signed with the vendor's Ed25519 key.

The payload is canonical JSON (keys sorted, no spaces, UTF-8) and the signature covers exactly
those bytes, so a verifier never re-serializes anything: it checks the signature over the bytes it
received, then reads them. ``docs/license-certificates.md`` describes every field.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from backend.licensing.signing import SigningKey

FORMAT_VERSION = 1
VALIDITY = timedelta(days=30)
"""How long a certificate is good for; the installation activates again (same fingerprint)
before then to get a fresh one, which also carries any change to the license."""


@dataclass(frozen=True, slots=True)
class Named:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class CertifiedTier:
    code: str
    name: str
    seats: int | None
    """None when unlimited."""


@dataclass(frozen=True, slots=True)
class CertificateFacts:
    """What a certificate states about one installation of one license."""

    license_key: str
    product: Named
    edition: Named
    tier: CertifiedTier
    addons: tuple[str, ...]
    maintenance_expires_at: datetime
    revision: int
    installation_id: int
    fingerprint: str
    hostname: str
    issued_at: datetime


@dataclass(frozen=True, slots=True)
class Certificate:
    payload: bytes
    """The signed bytes: canonical JSON."""
    signature: bytes
    """The Ed25519 signature of ``payload`` (64 bytes)."""
    key_id: str
    issued_at: datetime
    expires_at: datetime

    @property
    def payload_base64(self) -> str:
        return base64.b64encode(self.payload).decode("ascii")

    @property
    def signature_base64(self) -> str:
        return base64.b64encode(self.signature).decode("ascii")


def iso(moment: datetime) -> str:
    """A time in UTC to the second, as ``2026-04-01T08:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def canonical_json(document: dict[str, Any]) -> bytes:
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def issue_certificate(facts: CertificateFacts, signing_key: SigningKey) -> Certificate:
    issued_at = facts.issued_at.replace(microsecond=0)
    expires_at = issued_at + VALIDITY
    document = {
        "format": FORMAT_VERSION,
        "keyId": signing_key.key_id,
        "licenseKey": facts.license_key,
        "product": {"code": facts.product.code, "name": facts.product.name},
        "edition": {"code": facts.edition.code, "name": facts.edition.name},
        "tier": {"code": facts.tier.code, "name": facts.tier.name, "seats": facts.tier.seats},
        "addons": sorted(facts.addons),
        "maintenanceExpiresAt": iso(facts.maintenance_expires_at),
        "revision": facts.revision,
        "installationId": facts.installation_id,
        "fingerprint": facts.fingerprint,
        "hostname": facts.hostname,
        "issuedAt": iso(issued_at),
        "expiresAt": iso(expires_at),
    }
    payload = canonical_json(document)
    return Certificate(
        payload=payload,
        signature=signing_key.sign(payload),
        key_id=signing_key.key_id,
        issued_at=issued_at,
        expires_at=expires_at,
    )
