"""A request that fails because the database is away answers 503 with a JSON error and a
``Retry-After``, rather than a plain-text 500 and a traceback in the log.

The database being away (PostgreSQL restarting, ``backend.postgres_engine.is_database_unavailable``)
is an outage, not a bug: clients should try again shortly, and the log gets one line. Any other
error goes on to the usual 500. An error after the answer has begun cannot change it, and goes on
too. Inside GraphQL a resolver's error is the GraphQL layer's to answer; this catches what fails
around it (authenticating the caller) and on the other routes (exports, PDFs).
"""

from __future__ import annotations

import logging

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.postgres_engine import is_database_unavailable

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
MESSAGE = "The service is briefly unavailable; try again in a few seconds."


class DatabaseUnavailableAnswer:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as exc:
            if started or not is_database_unavailable(exc):
                raise
            logger.warning(
                "%s %s: the database is unavailable: %r", scope["method"], scope["path"], exc
            )
            answer = JSONResponse(
                {"errors": [{"message": MESSAGE, "extensions": {"code": "SERVICE_UNAVAILABLE"}}]},
                status_code=503,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"},
            )
            await answer(scope, receive, send)
