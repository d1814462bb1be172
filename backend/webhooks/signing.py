"""Signing and verifying webhook deliveries: HMAC-SHA256 over the timestamp and the raw body.

This module imports nothing from the product: partners may copy it as it is (Python 3.9+).

Every delivery carries::

    Partner-Portal-Signature: t=1767225600,v1=5257a869e7ec…(64 hex digits)

``t`` is when the delivery was signed (Unix seconds) and each ``v1`` the lowercase hex
HMAC-SHA256, keyed with the endpoint's secret (the whole ``whsec_…`` string, as UTF-8), of
``"<t>.<raw body>"``. Right after a secret is rolled, the header holds one ``v1`` per secret
still valid, so a receiver with either one accepts it.

``verify`` accepts a delivery when one ``v1`` matches (compared in constant time) and ``t`` is
within ``tolerance`` seconds (300 by default) of the receiver's clock: a captured delivery cannot
be replayed later than that. Within the window, deduplicate by the event's id (the
``Partner-Portal-Event-Id`` header and the body's ``id``).
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "Partner-Portal-Signature"
DEFAULT_TOLERANCE = 300
"""Seconds a signature stays acceptable either side of the receiver's clock."""

MISSING_SIGNATURE = "MISSING_SIGNATURE"
"""No ``Partner-Portal-Signature`` header (or an empty one)."""
MALFORMED_SIGNATURE = "MALFORMED_SIGNATURE"
"""The header is not ``t=<digits>,v1=<64 hex digits>[,v1=…]``."""
TIMESTAMP_OUT_OF_TOLERANCE = "TIMESTAMP_OUT_OF_TOLERANCE"
"""``t`` is further than the tolerance from now: an old (replayed) or misdated delivery."""
SIGNATURE_MISMATCH = "SIGNATURE_MISMATCH"
"""No ``v1`` is the HMAC of this body with this secret: tampered with, or another secret."""


class SignatureError(ValueError):
    """A delivery that must be refused; ``code`` is one of the four codes above."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of ``"<timestamp>.<body>"`` keyed with ``secret``."""
    signed = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def sign(secret: str, timestamp: int, body: bytes, *more_secrets: str) -> str:
    """The ``Partner-Portal-Signature`` header value: one ``v1`` per secret given."""
    parts = [f"t={timestamp}"]
    parts += [f"v1={signature(s, timestamp, body)}" for s in (secret, *more_secrets)]
    return ",".join(parts)


def verify(
    secret: str,
    header: str | None,
    body: bytes,
    now: float | None = None,
    tolerance: int = DEFAULT_TOLERANCE,
) -> int:
    """Check a delivery's signature header against its raw ``body``; returns the signed time.

    ``now`` is the receiver's time in Unix seconds (default: ``time.time()``). Raises
    ``SignatureError`` whose ``code`` says why the delivery must be refused.
    """
    if header is None or not header.strip():
        raise SignatureError(MISSING_SIGNATURE, f"no {SIGNATURE_HEADER} header")
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        name, sep, value = part.strip().partition("=")
        if not sep:
            raise SignatureError(MALFORMED_SIGNATURE, f"{part.strip()!r} is not name=value")
        if name == "t":
            if timestamp is not None or not value.isascii() or not value.isdigit():
                raise SignatureError(MALFORMED_SIGNATURE, "t must be one Unix time in seconds")
            timestamp = int(value)
        elif name == "v1":
            if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
                raise SignatureError(MALFORMED_SIGNATURE, "v1 must be 64 lowercase hex digits")
            candidates.append(value)
        # other schemes (a future v2) are ignored
    if timestamp is None or not candidates:
        raise SignatureError(MALFORMED_SIGNATURE, "the header needs t= and at least one v1=")
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise SignatureError(
            TIMESTAMP_OUT_OF_TOLERANCE,
            f"signed at {timestamp}, {int(current - timestamp)} s from now (allowed: {tolerance})",
        )
    expected = signature(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, candidate) for candidate in candidates):
        raise SignatureError(SIGNATURE_MISMATCH, "no v1 matches this body and secret")
    return timestamp
