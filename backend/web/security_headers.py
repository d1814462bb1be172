"""The browser-facing defences every response carries (issue 9, docs/security.md).

- ``Content-Security-Policy``: scripts, styles, images, fonts and API calls from this origin
  only; no inline script (the SPA's built page has none: Vite emits module files), no plugins,
  no ``<base>``, forms post here only, and no site may frame the portal (``frame-ancestors``,
  with ``X-Frame-Options`` for old browsers): a script injected into a page cannot run, and the
  portal cannot be framed to trick a click. Styles may be inline (React sets computed styles),
  which runs no code.
- ``X-Content-Type-Options: nosniff``: a download (a CSV export, an invoice PDF) is never run as
  a script or a page.
- ``Referrer-Policy: strict-origin-when-cross-origin``: other sites see no path of the portal
  (a license key in a URL, say); the portal's own requests keep theirs.
- ``Cross-Origin-Opener-Policy: same-origin`` and a ``Permissions-Policy`` that turns off what
  the portal never uses.
- ``Strict-Transport-Security`` when the portal is served over HTTPS (its public URL).

A header a route set itself is kept. No page goes without the policy: GraphiQL (``GET /graphql``
from a browser, ``backend.web.graphiql``) is a page of the SPA's build, its scripts and editor
workers files of this origin (a worker falls under ``script-src``), its fonts the system's.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.settings import Settings

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
)
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class SecurityHeaders:
    """ASGI middleware adding ``HEADERS`` (and ``HSTS`` over HTTPS) to every HTTP response."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.headers = HEADERS + ((HSTS,) if settings.public_url.startswith("https://") else ())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in self.headers:
                    if name in present:
                        continue
                    headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
