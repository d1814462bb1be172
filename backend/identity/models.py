"""Who can sign in and how: users, sessions, the login throttle, set-password tokens, API keys.

Secrets are never stored: passwords as Argon2id hashes, session ids, tokens and API keys as
SHA-256 hashes of high-entropy random values.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import CheckConstraint
from tortoise.models import Model

from backend.identity.roles import Role

if TYPE_CHECKING:
    from backend.accounts.models import Reseller


class User(Model):
    """A login. Reseller staff belong to one reseller, vendor admins and customers to none."""

    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True, description="Lower case.")
    name = fields.CharField(max_length=200, default="")
    password_hash = fields.CharField(max_length=200, null=True, description="Argon2id.")
    role = fields.CharEnumField(Role, max_length=30)
    reseller: fields.ForeignKeyNullableRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="users", null=True, on_delete=fields.RESTRICT
    )
    reseller_id: int | None
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)

    class Meta:
        table = "identity_user"
        ordering = ["email", "id"]
        # The customers list sorts customers by email, name or creation, each with the role first
        # (with the email's unique index alone SQLite scanned every customer by role and sorted
        # them); the account's scope is a probe of licensing's (reseller_id, customer_id) per
        # customer.
        indexes = (
            Index(fields=["role", "email", "id"]),
            Index(fields=["role", "name", "id"]),
            Index(fields=["role", "created_at", "id"]),
        )
        constraints = (
            CheckConstraint(
                check="(role IN ('VENDOR_ADMIN', 'CUSTOMER')) = (reseller_id IS NULL)",
                name="identity_user_reseller_matches_role",
            ),
        )


class Session(Model):
    """A signed-in browser. The cookie holds a random id, of which only the hash is stored."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    created_at = fields.DatetimeField()
    last_seen_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    ip_address = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=300, default="")

    class Meta:
        table = "identity_session"


class LoginFailure(Model):
    """A failed (or refused) sign-in, kept for the throttle: one row per attempt and key.

    ``key`` is ``account:<email>`` or ``address:<ip>``, so the same rows throttle both.
    """

    id = fields.BigIntField(primary_key=True)
    key = fields.CharField(max_length=300)
    attempted_at = fields.DatetimeField()

    class Meta:
        table = "identity_login_failure"
        indexes = (("key", "attempted_at"),)


class TokenPurpose(StrEnum):
    INVITE = "INVITE"
    """A new employee or reseller owner chooses a first password."""
    NEW_CUSTOMER = "NEW_CUSTOMER"
    """A customer account created by a license assignment."""
    RESET = "RESET"
    """A forgotten password."""


class SetPasswordToken(Model):
    """A one-time, expiring link to choose a password. Only the token's hash is stored."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="set_password_tokens", on_delete=fields.CASCADE
    )
    user_id: int
    purpose = fields.CharEnumField(TokenPurpose, max_length=20)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "identity_set_password_token"


class ApiKey(Model):
    """A partner server's credential: acts for one reseller with one role.

    The secret is shown once at creation, and ``prefix`` identifies the key in lists and logs.
    """

    tenant_field: ClassVar[str] = "reseller_id"
    id = fields.IntField(primary_key=True)
    reseller: fields.ForeignKeyRelation[Reseller] = fields.ForeignKeyField(
        "models.Reseller", related_name="api_keys", on_delete=fields.RESTRICT
    )
    reseller_id: int
    name = fields.CharField(max_length=100)
    role = fields.CharEnumField(Role, max_length=30)
    prefix = fields.CharField(max_length=20, unique=True)
    secret_hash = fields.CharField(max_length=64, unique=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="created_api_keys", null=True, on_delete=fields.SET_NULL
    )
    created_by_id: int | None
    created_at = fields.DatetimeField()
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "identity_api_key"
        ordering = ["-created_at", "-id"]
        constraints = (
            CheckConstraint(
                check="role IN ('RESELLER_PURCHASER', 'RESELLER_BILLING', 'RESELLER_VIEWER')",
                name="identity_api_key_role",
            ),
        )


class RateLimitWindow(Model):
    """A caller's rate-limit window on PostgreSQL, shared by every server process: the points
    ``used`` since ``window_start`` (seconds since the epoch), and whether the caller's last
    request fitted. Written by one upsert per request (``backend.api.rate_limit``); SQLite keeps
    its windows in the process instead.

    ``key`` is ``key:<api key id>``, ``session:<session id>`` or ``address:<ip>``.
    """

    key = fields.CharField(max_length=100, primary_key=True)
    window_start = fields.FloatField()
    used = fields.BigIntField()
    allowed = fields.BooleanField()

    class Meta:
        table = "identity_rate_limit_window"
        constraints = (CheckConstraint(check="used >= 0", name="identity_rate_limit_used"),)
