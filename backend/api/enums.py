"""The business enums the API exposes, registered with their GraphQL descriptions once.

API modules import these names from here, never straight from the domain, so that every use
refers to the one registered definition.
"""

from __future__ import annotations

import strawberry

from backend.accounts.models import MailingList, ResellerStatus
from backend.identity.roles import Permission, Role
from backend.notifications.models import OutboxStatus

strawberry.enum(Role, description="What a user or API key may do (see the role table in the docs).")
strawberry.enum(Permission, description="One capability a role grants.")
strawberry.enum(ResellerStatus, description="Whether a reseller may use the portal.")
strawberry.enum(MailingList, name="MailingListCode", description="A mailing list.")
strawberry.enum(OutboxStatus, name="EmailStatus", description="Where an email is in delivery.")

__all__ = ["MailingList", "OutboxStatus", "Permission", "ResellerStatus", "Role"]
