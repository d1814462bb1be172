"""The business enums the API exposes, registered with their GraphQL descriptions once.

API modules import these names from here, never straight from the domain, so that every use
refers to the one registered definition.
"""

from __future__ import annotations

import strawberry

from backend.accounts.models import MailingList, ResellerStatus
from backend.billing.models import InvoiceKind, InvoiceStatus, PaymentKind
from backend.commerce.models import LineKind, PaymentMethod
from backend.identity.roles import Permission, Role
from backend.licensing.maintenance import MaintenanceStatus
from backend.licensing.models import LicenseStatus
from backend.notifications.models import OutboxStatus

strawberry.enum(Role, description="What a user or API key may do (see the role table in the docs).")
strawberry.enum(Permission, description="One capability a role grants.")
strawberry.enum(ResellerStatus, description="Whether a reseller may use the portal.")
strawberry.enum(MailingList, name="MailingListCode", description="A mailing list.")
strawberry.enum(OutboxStatus, name="EmailStatus", description="Where an email is in delivery.")

strawberry.enum(LineKind, description="What a cart or order line buys.")
strawberry.enum(
    PaymentMethod,
    description="PAY_ON_ORDER: charged at checkout. INVOICE: on the monthly summary invoice.",
)
strawberry.enum(InvoiceKind, description="ORDER: one order's invoice. SUMMARY: a month's invoices.")
strawberry.enum(
    InvoiceStatus,
    description="OPEN: to be paid. PENDING_SUMMARY: will be on the month's summary invoice. "
    "PAID: paid in full. VOID: cancelled.",
)
strawberry.enum(PaymentKind, description="How a payment was made.")
strawberry.enum(
    LicenseStatus, description="UNASSIGNED: not yet given to a customer. ASSIGNED: it has been."
)
strawberry.enum(
    MaintenanceStatus,
    description="ACTIVE: M&S runs. EXPIRED: ended within the grace period (renewable). "
    "LAPSED: ended longer ago (needs reinstatement).",
)

__all__ = [
    "InvoiceKind",
    "InvoiceStatus",
    "LicenseStatus",
    "LineKind",
    "MailingList",
    "MaintenanceStatus",
    "OutboxStatus",
    "PaymentKind",
    "PaymentMethod",
    "Permission",
    "ResellerStatus",
    "Role",
]
