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
    CATALOG_MANAGE = "CATALOG_MANAGE"
    """Change list prices, add-on prices and the M&S policy."""
    SHOP = "SHOP"
    """Fill a cart and buy licenses for the reseller."""
    LICENSES_READ = "LICENSES_READ"
    """See the reseller's licenses."""
    ORDERS_READ = "ORDERS_READ"
    """See the reseller's orders."""
    INVOICES_READ = "INVOICES_READ"
    """See the reseller's invoices."""
    CATALOG_READ = "CATALOG_READ"
    """See the vendor's catalog with its list prices and M&S terms (partners, not customers)."""
    CUSTOMERS_READ = "CUSTOMERS_READ"
    """See the customers the reseller's licenses are assigned to."""
    LICENSES_ASSIGN = "LICENSES_ASSIGN"
    """Assign the reseller's licenses to customers (for good: an assignment is final)."""
    INSTALLATIONS_MANAGE = "INSTALLATIONS_MANAGE"
    """Deactivate an installation of a license, so that the key can move to another server."""
    INVOICES_PAY = "INVOICES_PAY"
    """Pay the account's invoices by card."""
    BILLING_MANAGE = "BILLING_MANAGE"
    """Vendor: close a month into summary invoices and record payments received by transfer."""


_RESELLER_READ = frozenset(
    {
        Permission.ACCOUNT_READ,
        Permission.LICENSES_READ,
        Permission.ORDERS_READ,
        Permission.CUSTOMERS_READ,
        Permission.CATALOG_READ,
    }
)
_RESELLER_LICENSING = frozenset(
    {Permission.SHOP, Permission.LICENSES_ASSIGN, Permission.INSTALLATIONS_MANAGE}
)
"""Buying, assigning and modifying licenses, and moving their installations."""

RESELLER_ONLY = frozenset({Permission.SHOP, Permission.LICENSES_ASSIGN, Permission.INVOICES_PAY})
"""What only a reseller's own people do: the vendor does not buy from itself, nor give a
partner's license away (an assignment is final), nor pay a partner's invoice by card."""

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VENDOR_ADMIN: frozenset(Permission) - RESELLER_ONLY,
    Role.RESELLER_OWNER: _RESELLER_READ
    | {
        Permission.ACCOUNT_MANAGE,
        Permission.API_KEYS_MANAGE,
        Permission.AUDIT_READ,
        Permission.INVOICES_READ,
        Permission.INVOICES_PAY,
    }
    | _RESELLER_LICENSING,
    Role.RESELLER_PURCHASER: _RESELLER_READ | _RESELLER_LICENSING,
    Role.RESELLER_BILLING: _RESELLER_READ | {Permission.INVOICES_READ, Permission.INVOICES_PAY},
    Role.RESELLER_VIEWER: _RESELLER_READ | {Permission.INVOICES_READ},
    Role.CUSTOMER: frozenset({Permission.LICENSES_READ, Permission.INSTALLATIONS_MANAGE}),
}
"""A customer's ``LICENSES_READ`` reaches only the licenses assigned to it (``Actor.scope``)."""
