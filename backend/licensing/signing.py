"""The vendor's Ed25519 key that signs license certificates.

The key is given by setting (``PARTNER_PORTAL_LICENSE_SIGNING_KEY`` or ``…_FILE``, a PEM private
key) or generated on first start into the data folder. Several processes starting at once all end
up with the one key: a new key is written to a private temporary file and linked into place,
which fails when another process got there first, and then that process's key is read.

The key id, the first 16 hex digits of the SHA-256 of the raw public key, goes in every
certificate, so an installation can tell which published key verifies it after a rotation.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from backend.settings import PREFIX, Settings, SettingsError

KEY_FILE = "license_signing_key.pem"


@dataclass(frozen=True, slots=True)
class SigningKey:
    private_key: Ed25519PrivateKey = field(repr=False)
    public_key: Ed25519PublicKey
    key_id: str
    """Names the key in certificates: 16 hex digits of the SHA-256 of the raw public key."""
    public_pem: bytes
    """The public key as served at ``/.well-known/license-signing-key``."""

    @classmethod
    def of(cls, private_key: Ed25519PrivateKey) -> SigningKey:
        public_key = private_key.public_key()
        return cls(
            private_key=private_key,
            public_key=public_key,
            key_id=key_id_of(public_key),
            public_pem=public_key.public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            ),
        )

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)


def key_id_of(public_key: Ed25519PublicKey) -> str:
    return hashlib.sha256(public_key.public_bytes_raw()).hexdigest()[:16]


def parse_private_key(pem: bytes) -> Ed25519PrivateKey | None:
    """The Ed25519 private key in ``pem`` (unencrypted PKCS#8), or None when it is not one."""
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        return None
    return key if isinstance(key, Ed25519PrivateKey) else None


def load_signing_key(settings: Settings) -> SigningKey:
    """The key of the settings, or the one kept in the data folder (made on first use)."""
    if settings.license_signing_key is not None:
        key = parse_private_key(settings.license_signing_key.encode("ascii"))
        if key is None:  # load_settings checked it already
            raise SettingsError(f"{PREFIX}LICENSE_SIGNING_KEY is not an Ed25519 private key")
        return SigningKey.of(key)
    return SigningKey.of(_read_or_create(settings.data_dir / KEY_FILE))


def _read_or_create(path: Path) -> Ed25519PrivateKey:
    if not path.exists():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(pem)
        try:
            os.link(tmp, path)  # fails if another process linked its key first: use that one
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    key = parse_private_key(path.read_bytes())
    if key is None:
        raise SettingsError(
            f"the license signing key file {str(path)!r} is damaged; restore it from a backup "
            "(a new key would invalidate every certificate issued)"
        )
    return key
