"""One-time links to choose a password: invitations, new customer accounts, forgotten passwords.

A link holds a random token whose hash is stored with an expiry. Using it is a conditional update
(``used_at IS NULL``), so two tabs submitting the same link give exactly one success.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from tortoise.transactions import in_transaction

from backend import clock
from backend.audit.services import record
from backend.errors import DomainError, ErrorKind
from backend.identity import throttle
from backend.identity.actor import Actor
from backend.identity.models import SetPasswordToken, TokenPurpose, User
from backend.identity.passwords import check_new_password, hash_password
from backend.identity.sessions import NewSession, actor_for, revoke_sessions, start_session
from backend.identity.tokens import hash_secret, new_secret
from backend.notifications.outbox import enqueue_email

VALIDITY = {
    TokenPurpose.INVITE: timedelta(days=7),
    TokenPurpose.NEW_CUSTOMER: timedelta(days=7),
    TokenPurpose.RESET: timedelta(hours=1),
}
INVALID_LINK = "This link is not valid any more. Ask for a new one."


def set_password_link(public_url: str, token: str) -> str:
    return f"{public_url}/set-password?{urlencode({'token': token})}"


async def issue_token(user: User, purpose: TokenPurpose) -> tuple[str, SetPasswordToken]:
    """A new link for ``user``; inside the caller's transaction."""
    now = clock.now()
    token = new_secret()
    row = await SetPasswordToken.create(
        token_hash=hash_secret(token),
        user=user,
        purpose=purpose,
        created_at=now,
        expires_at=now + VALIDITY[purpose],
    )
    return token, row


async def invite(
    user: User, *, public_url: str, invited_by: str | None, reseller_name: str | None
) -> str:
    """Send ``user`` an invitation with a set-password link; inside the caller's transaction."""
    token, row = await issue_token(user, TokenPurpose.INVITE)
    await enqueue_email(
        template="invite",
        to=[user.email],
        reseller_id=user.reseller_id,
        context={
            "name": user.name or user.email,
            "reseller_name": reseller_name,
            "invited_by": invited_by,
            "link": set_password_link(public_url, token),
            "expires_at": row.expires_at,
        },
    )
    return token


async def request_reset(*, email: str, ip_address: str, public_url: str) -> None:
    """Mail a reset link if the address has an active login; answers the same either way."""
    await throttle.note_attempt([(throttle.RESET_ADDRESS, ip_address or "unknown")])
    user = await User.get_or_none(email=email.strip().lower(), is_active=True)
    if user is None:
        return
    async with in_transaction():
        token, row = await issue_token(user, TokenPurpose.RESET)
        await enqueue_email(
            template="password_reset",
            to=[user.email],
            reseller_id=user.reseller_id,
            context={
                "name": user.name or user.email,
                "link": set_password_link(public_url, token),
                "expires_at": row.expires_at,
            },
        )


async def set_password(
    *, token: str, password: str, ip_address: str, user_agent: str = "", request_id: str = ""
) -> NewSession:
    """Use a link: set the password, end every other session, and sign the user in."""
    now = clock.now()
    row = await SetPasswordToken.get_or_none(token_hash=hash_secret(token)).select_related("user")
    if row is None or row.used_at is not None or row.expires_at <= now or not row.user.is_active:
        raise DomainError(ErrorKind.INVALID, INVALID_LINK, field="token")
    user = row.user
    check_new_password(password, email=user.email)
    password_hash = await hash_password(password)
    async with in_transaction():
        used = await SetPasswordToken.filter(
            id=row.id, used_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if used != 1:
            raise DomainError(ErrorKind.INVALID, INVALID_LINK, field="token")
        # one password change ends every other link of this user
        await SetPasswordToken.filter(user_id=user.id, used_at__isnull=True).update(used_at=now)
        first_password = user.password_hash is None
        user.password_hash = password_hash
        await user.save(update_fields=["password_hash"])
        await revoke_sessions(user.id)
        actor: Actor = actor_for(user, ip_address=ip_address, request_id=request_id)
        await record(
            actor,
            "user.set_password",
            reseller_id=user.reseller_id,
            target=user,
            target_label=user.email,
            changes={"purpose": row.purpose.value},
        )
        if not first_password:
            await enqueue_email(
                template="password_changed",
                to=[user.email],
                reseller_id=user.reseller_id,
                context={"name": user.name or user.email},
            )
        new = await start_session(user, ip_address=ip_address, user_agent=user_agent)
    return new
