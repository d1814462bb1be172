"""What a signed-in user changes about their own login."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend import clock
from backend.audit.services import record
from backend.errors import DomainError, ErrorKind
from backend.identity import throttle
from backend.identity.actor import Actor
from backend.identity.models import Session, User
from backend.identity.passwords import check_new_password, hash_password, verify_password
from backend.notifications.outbox import enqueue_email


async def change_password(*, actor: Actor, current_password: str, new_password: str) -> None:
    """Check the current password (throttled like a sign-in), set the new one, end the user's
    other sessions and tell them by email."""
    if actor.user_id is None:
        raise DomainError(ErrorKind.PERMISSION_DENIED, "Only a signed-in person has a password.")
    user = await User.get(id=actor.user_id)
    attempt = await throttle.note_attempt([(throttle.ACCOUNT, user.email)])
    if not await verify_password(user.password_hash, current_password):
        raise DomainError(
            ErrorKind.INVALID_CREDENTIALS,
            "The current password is not right.",
            field="current_password",
        )
    await throttle.forgive(attempt)
    check_new_password(new_password, email=user.email, field="new_password")
    password_hash = await hash_password(new_password)
    async with in_transaction():
        user.password_hash = password_hash
        await user.save(update_fields=["password_hash"])
        others = Session.filter(user_id=user.id, revoked_at__isnull=True)
        if actor.session_id is not None:
            others = others.exclude(id=actor.session_id)
        ended = await others.update(revoked_at=clock.now())
        await record(
            actor,
            "user.change_password",
            reseller_id=user.reseller_id,
            target=user,
            target_label=user.email,
            changes={"other_sessions_ended": ended},
        )
        await enqueue_email(
            template="password_changed",
            to=[user.email],
            reseller_id=user.reseller_id,
            context={"name": user.name or user.email},
        )
