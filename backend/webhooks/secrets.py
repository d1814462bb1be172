"""Endpoint signing secrets: made here, shown once, stored encrypted.

The worker needs each secret in clear to sign, so it cannot be kept as a hash like an API key.
It is stored encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from the server's
``secret_key``: a copy of the database alone does not reveal the secrets. Changing the
``secret_key`` makes the stored secrets unreadable: roll each endpoint's secret then.
"""

from __future__ import annotations

import base64
import secrets

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SECRET_PREFIX = "whsec_"  # noqa: S105 - the prefix of every secret, not a secret
_INFO = b"partner-portal webhook endpoint secrets v1"
_AAD = b"webhook-endpoint-secret"
_NONCE_BYTES = 12


def new_secret() -> str:
    """A new signing secret: ``whsec_`` and 43 URL-safe characters (256 random bits)."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def _key(secret_key: str) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(
        secret_key.encode("utf-8")
    )
    return AESGCM(derived)


def encrypt(secret: str, *, secret_key: str) -> str:
    """``secret`` encrypted for the database: base64 of the nonce and the ciphertext."""
    nonce = secrets.token_bytes(_NONCE_BYTES)
    sealed = _key(secret_key).encrypt(nonce, secret.encode("utf-8"), _AAD)
    return base64.b64encode(nonce + sealed).decode("ascii")


def decrypt(stored: str, *, secret_key: str) -> str:
    """The secret in clear; raises ``cryptography.exceptions.InvalidTag`` under another key."""
    raw = base64.b64decode(stored)
    nonce, sealed = raw[:_NONCE_BYTES], raw[_NONCE_BYTES:]
    return _key(secret_key).decrypt(nonce, sealed, _AAD).decode("utf-8")
