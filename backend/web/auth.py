"""Who a request comes from: the session cookie or an ``Authorization: Bearer`` API key.

A bearer token that is not a usable key gets a 401 answer; a session cookie that is unknown,
expired or revoked is simply anonymous (the SPA then shows the login page).
"""

from __future__ import annotations

from starlette.requests import HTTPConnection
from starlette.responses import Response

from backend.identity.actor import ANONYMOUS, Actor
from backend.identity.api_keys import actor_from_api_key
from backend.identity.sessions import LIFETIME, actor_from_session
from backend.logs import current_request_id
from backend.settings import Settings


def cookie_name(settings: Settings) -> str:
    """``__Host-`` makes browsers insist on Secure, path / and no Domain: production only."""
    return "pp_session" if settings.is_development else "__Host-pp_session"


def bearer_token(connection: HTTPConnection) -> str | None:
    header = connection.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip()


def client_address(connection: HTTPConnection) -> str:
    return connection.client.host if connection.client else ""


async def authenticate(connection: HTTPConnection, settings: Settings) -> Actor:
    """The actor; raises ``ApiKeyRefused`` for a bearer token that is not a usable key."""
    ip_address = client_address(connection)
    request_id = current_request_id()
    token = bearer_token(connection)
    if token is not None:
        return await actor_from_api_key(token, ip_address=ip_address, request_id=request_id)
    cookie = connection.cookies.get(cookie_name(settings))
    if cookie:
        actor = await actor_from_session(cookie, ip_address=ip_address, request_id=request_id)
        if actor is not None:
            return actor
    return Actor(ip_address=ip_address, request_id=request_id) if ip_address else ANONYMOUS


def set_session_cookie(response: Response, settings: Settings, token: str) -> None:
    response.set_cookie(
        cookie_name(settings),
        token,
        max_age=int(LIFETIME.total_seconds()),
        path="/",
        secure=not settings.is_development,
        httponly=True,
        samesite="lax",
    )


def clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        cookie_name(settings),
        path="/",
        secure=not settings.is_development,
        httponly=True,
        samesite="lax",
    )
