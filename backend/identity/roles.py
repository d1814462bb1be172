"""Roles (DESIGN.md §1) and what each may do.

Business code asks ``actor.can(Permission.X)``; the API layer declares, per root field, which
permission it needs. The mapping from roles to permissions lives here and nowhere else.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    VENDOR_ADMIN = "VENDOR_ADMIN"
    RESELLER_OWNER = "RESELLER_OWNER"
    RESELLER_PURCHASER = "RESELLER_PURCHASER"
    RESELLER_BILLING = "RESELLER_BILLING"
    RESELLER_VIEWER = "RESELLER_VIEWER"
    CUSTOMER = "CUSTOMER"

    @property
    def is_reseller_role(self) -> bool:
        return self in RESELLER_ROLES

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


RESELLER_ROLES = frozenset(
    {
        Role.RESELLER_OWNER,
        Role.RESELLER_PURCHASER,
        Role.RESELLER_BILLING,
        Role.RESELLER_VIEWER,
    }
)

API_KEY_ROLES = frozenset({Role.RESELLER_PURCHASER, Role.RESELLER_BILLING, Role.RESELLER_VIEWER})
"""An API key acts for a partner's server: it never manages people, keys or the account."""

ROLE_LABELS = {
    Role.VENDOR_ADMIN: "Vendor administrator",
    Role.RESELLER_OWNER: "Owner",
    Role.RESELLER_PURCHASER: "Purchaser",
    Role.RESELLER_BILLING: "Billing",
    Role.RESELLER_VIEWER: "Viewer",
    Role.CUSTOMER: "Customer",
}


class Permission(StrEnum):
    ACCOUNT_READ = "ACCOUNT_READ"
    """See the reseller account: contact information, employees, mailing lists."""
    ACCOUNT_MANAGE = "ACCOUNT_MANAGE"
    """Change the account: contact information, employees, notification choices."""
    API_KEYS_MANAGE = "API_KEYS_MANAGE"
    """See, create and revoke the account's API keys."""
    AUDIT_READ = "AUDIT_READ"
    """Read the audit log."""
    RESELLERS_MANAGE = "RESELLERS_MANAGE"
    """The vendor's partner administration."""
    EMAIL_READ = "EMAIL_READ"
    """Read the messages the product sent or is about to send."""


_RESELLER_READ = frozenset({Permission.ACCOUNT_READ})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VENDOR_ADMIN: frozenset(Permission),
    Role.RESELLER_OWNER: frozenset(
        {
            Permission.ACCOUNT_READ,
            Permission.ACCOUNT_MANAGE,
            Permission.API_KEYS_MANAGE,
            Permission.AUDIT_READ,
        }
    ),
    Role.RESELLER_PURCHASER: _RESELLER_READ,
    Role.RESELLER_BILLING: _RESELLER_READ,
    Role.RESELLER_VIEWER: _RESELLER_READ,
    Role.CUSTOMER: frozenset(),
}
