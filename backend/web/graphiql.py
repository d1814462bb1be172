"""GraphiQL for signed-in users at ``/graphql`` (issue 10), in every environment.

A browser's ``GET /graphql`` asking for HTML without a ``query`` parameter gets the GraphiQL
page the SPA's build holds (``graphiql/index.html``: its scripts, styles and editor workers are
files of this origin, so it runs under the normal Content-Security-Policy). Only a session gets
it: anybody else is sent (303) to the login page, which comes back here after signing in. Every
other request to ``/graphql`` (POSTs, ``GET /graphql?query=…``) goes on to the GraphQL app.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.identity.api_keys import ApiKeyRefused
from backend.settings import Settings
from backend.web.auth import authenticate
from backend.web.spa import REVALIDATE

PATH = "/graphql"
PAGE = Path("graphiql") / "index.html"
LOGIN = f"/login?next={quote(PATH, safe='')}"

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>GraphiQL · Partner Portal</title></head><body><main><h1>GraphiQL</h1>
<p>The web app has not been built, GraphiQL with it. Run <code>make run</code> (or
<code>npm run build</code>) and reload. The API itself answers POSTs at
<code>/graphql</code>.</p></main></body></html>"""


def asks_for_graphiql(scope: Scope) -> bool:
    """A browser opening ``/graphql``: a GET that accepts HTML and sends no ``query``."""
    if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != PATH:
        return False
    request = Request(scope)
    accept = request.headers.get("accept", "").lower()
    return "text/html" in accept and "query" not in request.query_params


class GraphiQLPage:
    """The page, or the way to it: the login page for a visitor without a session."""

    def __init__(self, settings: Settings, dist: Path) -> None:
        self.settings = settings
        self.page = dist.resolve() / PAGE

    async def respond(self, request: Request) -> Response:
        try:
            actor = await authenticate(request, self.settings)
        except ApiKeyRefused:
            actor = None
        if actor is None or actor.session_id is None:  # anonymous, or an API key
            return RedirectResponse(LOGIN, status_code=303, headers={"Cache-Control": REVALIDATE})
        if not self.page.is_file():
            return HTMLResponse(NOT_BUILT, status_code=503, headers={"Cache-Control": REVALIDATE})
        return FileResponse(self.page, headers={"Cache-Control": REVALIDATE})


class GraphiQLOrApi:
    """The ``/graphql`` endpoint: GraphiQL's page for a browser asking for it, else ``api``."""

    def __init__(self, api: ASGIApp, page: GraphiQLPage) -> None:
        self.api = api
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if asks_for_graphiql(scope):
            response = await self.page.respond(Request(scope, receive))
            await response(scope, receive, send)
            return
        await self.api(scope, receive, send)
