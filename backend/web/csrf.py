"""Cross-site request forgery defence for the API.

- Changes travel only in POST requests with a JSON body (GET is read-only: the GraphQL app
  refuses mutations over GET). A form on another site cannot send JSON without the browser asking
  this server first, which it never allows.
- A POST whose ``Origin`` (or, lacking it, ``Referer``) is another site is refused, unless it
  authenticates with an API key. A POST carrying the session cookie must name an origin at all.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.settings import Settings
from backend.web.auth import bearer_token, cookie_name


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _refuse(status: int, message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message}]}, status_code=status)


class CsrfGuard:
    """Wraps an ASGI app (the GraphQL endpoint) with the rules above."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    def own_origins(self, request: Request) -> set[str]:
        origins = {self.settings.public_url.lower()}
        host = request.headers.get("host")
        if host:
            origins.add(f"{request.url.scheme}://{host}".lower())
        return origins

    def check(self, request: Request) -> JSONResponse | None:
        if request.method != "POST":
            return None
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/json":
            return _refuse(415, "Send GraphQL requests as POST with a JSON body.")
        if bearer_token(request) is not None:
            return None
        stated = request.headers.get("origin") or request.headers.get("referer")
        origin = _origin_of(stated) if stated and stated != "null" else None
        if origin is not None and origin not in self.own_origins(request):
            return _refuse(403, "Requests from other sites are not accepted.")
        if origin is None and request.cookies.get(cookie_name(self.settings)):
            return _refuse(403, "A signed-in request must say which site it comes from.")
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = self.check(Request(scope))
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)
