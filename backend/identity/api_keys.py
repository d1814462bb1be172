"""API keys: a partner's server acts for its reseller with the role the key was made with.

A key reads ``ppk_<8 characters>_<secret>``. The first part (the prefix) names the key in lists
and the audit log; the whole key is stored only as a SHA-256 hash and shown once, at creation.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import Reseller, ResellerStatus
from backend.audit.services import record
from backend.errors import ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.models import ApiKey
from backend.identity.roles import API_KEY_ROLES, Permission, Role
from backend.identity.tokens import hash_secret, new_secret

KEY_PREFIX = "ppk_"
LAST_USED_PRECISION = timedelta(minutes=1)
"""``last_used_at`` is written at most this often per key, not on every request."""
MAX_NAME_LENGTH = 100


async def create_api_key(
    *, actor: Actor, reseller_id: int | None, name: str, role: Role
) -> tuple[ApiKey, str]:
    """A new key and its secret, which is never retrievable again."""
    actor.require(Permission.API_KEYS_MANAGE)
    target = actor.target_reseller(reseller_id)
    problems = Problems()
    name = name.strip()
    if not name:
        problems.add(ErrorKind.REQUIRED, "Give the key a name.", ("name",))
    elif len(name) > MAX_NAME_LENGTH:
        problems.add(ErrorKind.INVALID, f"Use at most {MAX_NAME_LENGTH} characters.", ("name",))
    if role not in API_KEY_ROLES:
        allowed = ", ".join(sorted(r.label for r in API_KEY_ROLES))
        problems.add(ErrorKind.INVALID, f"An API key's role is one of: {allowed}.", ("role",))
    problems.raise_if_any()
    if not await actor.scope(Reseller).filter(id=target).exists():
        raise not_found("reseller", "reseller_id")
    prefix = KEY_PREFIX + secrets.token_urlsafe(6)[:8]
    secret = f"{prefix}_{new_secret()}"
    async with in_transaction():
        key = await ApiKey.create(
            reseller_id=target,
            name=name,
            role=role,
            prefix=prefix,
            secret_hash=hash_secret(secret),
            created_by_id=actor.user_id,
            created_at=clock.now(),
        )
        await record(
            actor,
            "api_key.create",
            reseller_id=target,
            target=key,
            target_label=f"{name} ({prefix})",
            changes={"role": role.value},
        )
    return key, secret


async def revoke_api_key(*, actor: Actor, api_key_id: int) -> ApiKey:
    actor.require(Permission.API_KEYS_MANAGE)
    async with in_transaction():
        key = await actor.scope(ApiKey).get_or_none(id=api_key_id)
        if key is None:
            raise not_found("API key", "api_key_id")
        if key.revoked_at is None:
            key.revoked_at = clock.now()
            await key.save(update_fields=["revoked_at"])
            await record(
                actor,
                "api_key.revoke",
                reseller_id=key.reseller_id,
                target=key,
                target_label=f"{key.name} ({key.prefix})",
            )
    return key


class ApiKeyRefused(Exception):
    """The bearer token is not a usable key; the message says why, for the 401 answer."""


async def actor_from_api_key(secret: str, *, ip_address: str, request_id: str) -> Actor:
    key = await ApiKey.get_or_none(secret_hash=hash_secret(secret)).select_related("reseller")
    if key is None:
        raise ApiKeyRefused("The API key is not valid.")
    if key.revoked_at is not None:
        raise ApiKeyRefused("The API key has been revoked.")
    if key.reseller.status is ResellerStatus.SUSPENDED:
        raise ApiKeyRefused("The reseller account is suspended.")
    now = clock.now()
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_PRECISION:
        stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
        await ApiKey.filter(stale, id=key.id).update(last_used_at=now)
    label = f"API key {key.name} ({key.prefix})"
    return Actor(
        role=key.role,
        api_key_id=key.id,
        reseller_id=key.reseller_id,
        label=label,
        name=label,
        ip_address=ip_address,
        request_id=request_id,
    )
