"""Password hashing (Argon2id) and the password rules."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from backend.errors import ErrorKind, Problems

MIN_LENGTH = 10
MAX_LENGTH = 200  # hashing cost grows with length: refuse absurd inputs early

_hasher = PasswordHasher()  # argon2-cffi's defaults: Argon2id, RFC 9106 low-memory profile

# A hash to verify against when the account does not exist, so that the answer takes as long.
_DUMMY_HASH = _hasher.hash("no such account, no such password")


async def hash_password(password: str) -> str:
    """Argon2id takes tens of milliseconds of CPU: off the event loop."""
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    return await asyncio.to_thread(_verify, password_hash, password)


def _verify(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; with no hash, spends the same time and answers no."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def check_new_password(password: str, *, email: str, field: str = "password") -> None:
    problems = Problems()
    if len(password) < MIN_LENGTH:
        problems.add(
            ErrorKind.INVALID, f"Use at least {MIN_LENGTH} characters for the password.", field
        )
    elif len(password) > MAX_LENGTH:
        problems.add(ErrorKind.INVALID, f"Use at most {MAX_LENGTH} characters.", field)
    elif password.strip().lower() in {email.lower(), email.split("@", maxsplit=1)[0].lower()}:
        problems.add(ErrorKind.INVALID, "The password must not be your email address.", field)
    problems.raise_if_any()
