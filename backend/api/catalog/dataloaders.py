"""Per-request loading of the catalog snapshot: at most one load per request."""

from __future__ import annotations

import asyncio

from backend.catalog.services import Catalog, load_catalog
from backend.catalog.versioning import ReadVersion


class CatalogLoader:
    """Loads the catalog once per request, however many resolvers ask for it at once."""

    def __init__(self) -> None:
        self._task: asyncio.Task[Catalog] | None = None

    async def load(self, read: ReadVersion | None = None) -> Catalog:
        """The request's catalog; ``read``: its version as a statement of the request read it."""
        if self._task is None:
            self._task = asyncio.ensure_future(load_catalog(read))
        return await asyncio.shield(self._task)
