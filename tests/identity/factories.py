"""Users, resellers and signed-in clients for tests."""

from __future__ import annotations

import itertools

import httpx

from backend.accounts.models import Employee, Reseller
from backend.identity.models import User
from backend.identity.passwords import hash_password
from backend.identity.roles import Role
from backend.identity.sessions import start_session

DEMO_PASSWORD = "demo-password"
_numbers = itertools.count(1)
_password_hash: str | None = None


async def _hash(password: str) -> str:
    global _password_hash  # noqa: PLW0603 - one Argon2 hash for the whole run
    if password != DEMO_PASSWORD:
        return await hash_password(password)
    if _password_hash is None:
        _password_hash = await hash_password(DEMO_PASSWORD)
    return _password_hash


async def make_reseller(name: str | None = None, **fields: object) -> Reseller:
    n = next(_numbers)
    return await Reseller.create(name=name or f"Reseller {n}", **fields)


async def make_user(
    role: Role,
    reseller: Reseller | None = None,
    *,
    email: str | None = None,
    name: str = "",
    password: str | None = DEMO_PASSWORD,
) -> User:
    """A user; reseller roles also get their employee record, as in the product."""
    n = next(_numbers)
    user = await User.create(
        email=email or f"user{n}@example.example",
        name=name or f"User {n}",
        role=role,
        reseller=reseller if role.is_reseller_role else None,
        password_hash=await _hash(password) if password else None,
    )
    if role.is_reseller_role and reseller is not None:
        await Employee.create(reseller=reseller, name=user.name, email=user.email, user=user)
    return user


async def sign_in(client: httpx.AsyncClient, user: User, cookie: str = "pp_session") -> None:
    """Give ``client`` a session of ``user`` (without going through the login throttle)."""
    new = await start_session(user, ip_address="127.0.0.1", user_agent="tests")
    client.cookies.set(cookie, new.token)
