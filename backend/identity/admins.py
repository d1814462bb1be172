"""Vendor administrators, made from the command line (``partner-portal create-admin``)."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.audit.services import record
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.identity.emails import normalize_email
from backend.identity.models import SetPasswordToken, TokenPurpose, User
from backend.identity.roles import Role
from backend.identity.set_password import issue_token, set_password_link
from backend.notifications.outbox import enqueue_email

COMMAND_LINE = Actor(label="command line")


async def create_admin(*, email: str, name: str, public_url: str) -> tuple[User, str, bool]:
    """The admin (created if new) and a fresh set-password link, also sent by email.

    For an existing admin this is the way back in: a new link, the old ones stop working.
    Returns (user, link, created).
    """
    email = normalize_email(email)
    async with in_transaction():
        user = await User.get_or_none(email=email)
        created = user is None
        if user is None:
            user = await User.create(email=email, name=name, role=Role.VENDOR_ADMIN)
        elif user.role is not Role.VENDOR_ADMIN:
            raise DomainError(
                ErrorKind.CONFLICT,
                f"{email} already has a login as {user.role.label.lower()}, not as an admin.",
                field="email",
            )
        elif not user.is_active:
            user.is_active = True
            await user.save(update_fields=["is_active"])
        await SetPasswordToken.filter(user_id=user.id, used_at__isnull=True).delete()
        token, row = await issue_token(user, TokenPurpose.INVITE)
        link = set_password_link(public_url, token)
        await enqueue_email(
            template="invite",
            to=[user.email],
            context={
                "name": user.name or user.email,
                "reseller_name": None,
                "invited_by": None,
                "link": link,
                "expires_at": row.expires_at,
            },
        )
        await record(
            COMMAND_LINE,
            "admin.create" if created else "admin.new_link",
            reseller_id=None,
            target=user,
            target_label=user.email,
        )
    return user, link, created
