"""Random secrets for cookies, links and API keys, stored only as SHA-256 hashes.

The secrets carry 256 bits of randomness, so a fast hash is enough: there is nothing to guess.
"""

from __future__ import annotations

import hashlib
import secrets


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
