"""The one typed context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from backend.api.catalog.dataloaders import CatalogLoader
from backend.settings import Settings


@dataclass
class Loaders:
    """Per-request loaders: each batches and caches its reads for one request."""

    catalog: CatalogLoader = field(default_factory=CatalogLoader)


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    settings: Settings
    loaders: Loaders = field(default_factory=Loaders)


Info = strawberry.Info[Context, None]
