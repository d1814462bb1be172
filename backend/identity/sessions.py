"""Signing in and out: server-side sessions behind an HttpOnly cookie."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts.models import ResellerStatus
from backend.audit.services import record
from backend.errors import DomainError, ErrorKind
from backend.identity import throttle
from backend.identity.actor import Actor
from backend.identity.models import Session, User
from backend.identity.passwords import hash_password, needs_rehash, verify_password
from backend.identity.tokens import hash_secret, new_secret

LIFETIME = timedelta(days=14)
"""A session ends after this long without use."""
REFRESH_AFTER = timedelta(hours=1)
"""How stale ``last_seen_at`` may get before a request extends the session."""
MAX_AGE = timedelta(days=90)
"""No session outlives this, however busy."""

SUSPENDED_MESSAGE = "Your reseller account is suspended. Please contact the vendor."


@dataclass(frozen=True, slots=True)
class NewSession:
    token: str
    """The cookie value; only its hash is stored."""
    session: Session
    user: User


def actor_for(
    user: User, *, ip_address: str = "", request_id: str = "", session_id: int | None = None
) -> Actor:
    return Actor(
        role=user.role,
        user_id=user.id,
        session_id=session_id,
        reseller_id=user.reseller_id,
        label=user.email,
        name=user.name or user.email,
        ip_address=ip_address,
        request_id=request_id,
    )


async def login(
    *, email: str, password: str, ip_address: str, user_agent: str = "", request_id: str = ""
) -> NewSession:
    email = email.strip().lower()
    attempt = await throttle.note_attempt(
        [(throttle.ACCOUNT, email), (throttle.ADDRESS, ip_address or "unknown")]
    )
    user = await User.get_or_none(email=email).select_related("reseller")
    valid = await verify_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_active:
        raise DomainError(ErrorKind.INVALID_CREDENTIALS, "The email or password is not right.")
    if user.reseller is not None and user.reseller.status is ResellerStatus.SUSPENDED:
        raise DomainError(ErrorKind.PERMISSION_DENIED, SUSPENDED_MESSAGE)
    async with in_transaction():
        new = await start_session(user, ip_address=ip_address, user_agent=user_agent)
        user.last_login_at = new.session.created_at
        update_fields = ["last_login_at"]
        if user.password_hash and needs_rehash(user.password_hash):
            user.password_hash = await hash_password(password)
            update_fields.append("password_hash")
        await user.save(update_fields=update_fields)
        actor = actor_for(user, ip_address=ip_address, request_id=request_id)
        await record(
            actor,
            "session.login",
            reseller_id=user.reseller_id,
            target=user,
            target_label=user.email,
        )
    await throttle.clear(throttle.ACCOUNT, email)
    await throttle.forgive(attempt)
    return new


async def start_session(user: User, *, ip_address: str, user_agent: str) -> NewSession:
    now = clock.now()
    token = new_secret()
    session = await Session.create(
        token_hash=hash_secret(token),
        user=user,
        created_at=now,
        last_seen_at=now,
        expires_at=now + LIFETIME,
        ip_address=ip_address[:64],
        user_agent=user_agent[:300],
    )
    return NewSession(token=token, session=session, user=user)


async def actor_from_session(token: str, *, ip_address: str, request_id: str) -> Actor | None:
    """The actor of a session cookie, or None when it is unknown, expired, revoked or its
    user or reseller is disabled. Extends an active session now and then."""
    now = clock.now()
    session = await Session.get_or_none(
        token_hash=hash_secret(token), revoked_at__isnull=True, expires_at__gt=now
    ).select_related("user__reseller")
    if session is None:
        return None
    user = session.user
    if not user.is_active:
        return None
    if user.reseller is not None and user.reseller.status is ResellerStatus.SUSPENDED:
        return None
    if now - session.last_seen_at > REFRESH_AFTER:
        expires_at = min(now + LIFETIME, session.created_at + MAX_AGE)
        await Session.filter(id=session.id).update(last_seen_at=now, expires_at=expires_at)
    return actor_for(user, ip_address=ip_address, request_id=request_id, session_id=session.id)


async def logout(actor: Actor) -> None:
    """Ends the actor's session for good; a no-op without one."""
    if actor.session_id is None:
        return
    async with in_transaction():
        ended = await Session.filter(id=actor.session_id, revoked_at__isnull=True).update(
            revoked_at=clock.now()
        )
        if ended:
            await record(
                actor, "session.logout", reseller_id=actor.reseller_id, target_label=actor.label
            )


async def logout_everywhere(actor: Actor) -> None:
    """Ends every session of the actor's user, on every device."""
    if actor.user_id is None:
        return
    async with in_transaction():
        ended = await revoke_sessions(actor.user_id)
        await record(
            actor,
            "session.logout_everywhere",
            reseller_id=actor.reseller_id,
            changes={"sessions": ended},
        )


async def revoke_sessions(user_id: int) -> int:
    """End every session of a user (password changed, login removed); inside the caller's
    transaction."""
    return await Session.filter(user_id=user_id, revoked_at__isnull=True).update(
        revoked_at=clock.now()
    )
