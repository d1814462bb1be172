"""The one typed context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader

from backend.accounts.models import Employee, MailingListSubscription, Reseller
from backend.api.catalog.dataloaders import CatalogLoader
from backend.api.dataloaders import rows_by, rows_by_id
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.settings import Settings


@dataclass
class Loaders:
    """Per-request loaders: each batches and caches its reads for one request."""

    catalog: CatalogLoader = field(default_factory=CatalogLoader)
    reseller_by_id: DataLoader[int, Reseller | None] = field(
        default_factory=lambda: rows_by_id(Reseller)
    )
    user_by_id: DataLoader[int, User | None] = field(default_factory=lambda: rows_by_id(User))
    subscriptions_by_employee: DataLoader[int, list[MailingListSubscription]] = field(
        default_factory=lambda: rows_by(MailingListSubscription, "employee_id")
    )
    owners_by_reseller: DataLoader[int, list[User]] = field(
        default_factory=lambda: rows_by(User, "reseller_id", role="RESELLER_OWNER", is_active=True)
    )
    employee_by_user: DataLoader[int, list[Employee]] = field(
        default_factory=lambda: rows_by(Employee, "user_id")
    )


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    settings: Settings
    actor: Actor
    loaders: Loaders = field(default_factory=Loaders)


Info = strawberry.Info[Context, None]
