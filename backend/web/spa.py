"""Serving the built single-page app.

- ``/assets/*``: Vite's content-hashed files, cached for a year as immutable; a missing asset is a
  404, never ``index.html``.
- Other files at the root of the build (favicon...): served with a short cache; a missing one
  (a path whose last part has an extension) is a 404.
- Any other path that is not an API path: ``index.html`` (no-cache), so client-side routes load.
"""

from __future__ import annotations

import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SHORT = "public, max-age=3600"
API_PREFIXES = ("graphql", "healthz", "exports/", ".well-known/", "assets/")
API_PATH = re.compile(r"invoices/[^/]+/pdf")
"""API paths among the app's own: /invoices and /invoices/<id> are pages of the app."""
DEFAULT_DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Partner Portal</title></head><body><main><h1>Partner Portal</h1>
<p>The web app has not been built. Run <code>make run</code> (or <code>npm run build</code>)
and reload. The API is available at <a href="/graphql">/graphql</a>.</p></main></body></html>"""


class HashedAssets(StaticFiles):
    """Static files whose names carry a content hash, so they may be cached forever."""

    def file_response(self, *args: object, **kwargs: object) -> Response:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers["Cache-Control"] = IMMUTABLE
        return response

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 404:
            response.headers["Cache-Control"] = REVALIDATE
        return response


class SinglePageApp:
    """The catch-all endpoint for every path no other route took."""

    def __init__(self, dist: Path) -> None:
        self.dist = dist.resolve()

    async def respond(self, request: Request) -> Response:
        path = request.path_params.get("path", "")
        if (
            path.startswith(API_PREFIXES)
            or path in {p.rstrip("/") for p in API_PREFIXES}
            or API_PATH.fullmatch(path)
        ):
            return JSONResponse({"error": "not found"}, status_code=404)
        index = self.dist / "index.html"
        if not index.is_file():
            return HTMLResponse(NOT_BUILT, status_code=503, headers={"Cache-Control": REVALIDATE})
        if path and "/" not in path and "." in path:  # a file at the root of the build
            candidate = (self.dist / path).resolve()
            if candidate.parent == self.dist and candidate.is_file() and candidate != index:
                return FileResponse(candidate, headers={"Cache-Control": SHORT})
            return JSONResponse({"error": "not found"}, status_code=404)
        return FileResponse(index, headers={"Cache-Control": REVALIDATE})
