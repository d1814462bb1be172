"""The app the HTTP bench serves: the product's app (``backend.app.create_app``, production
settings from the environment) with two benchmark-only additions, never in the product:

- ``GET /bench/floor/licenses?first=50``: the floor. The same JSON as the licenses page's GraphQL
  answer (the SPA's ``Licenses`` query, default order, no filter) from ONE hand-written SQL
  query, serialised with orjson. It authenticates with the product's own check
  (``backend.web.auth.authenticate``: the session cookie or an API key), so its cost includes
  the session lookup the GraphQL request pays too.
- ``X-Bench-SQL``: every response says how many SQL statements its request ran (the rule of
  ``tests/conftest.py``'s ``QueryLog``: SELECT, INSERT, UPDATE, DELETE and WITH statements that
  Tortoise logs), counted per request through a context variable. A streamed response's count
  is the one at its first byte.

uvicorn runs it with ``--factory tests.bench.http.app:bench_app``.
"""

from __future__ import annotations

import contextvars
import logging
from datetime import datetime

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry import relay
from tortoise import connections

from backend import clock
from backend.api.pagination import _tag, check_first, encode_cursor
from backend.app import create_app, tune_garbage_collection
from backend.identity.roles import Permission
from backend.licensing.maintenance import maintenance_status
from backend.licensing.models import License
from backend.logs import configure_logging
from backend.settings import Settings, load_settings
from backend.web.auth import authenticate

SQL_HEADER = "X-Bench-SQL"
COUNTED = {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"}
_statements: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar(
    "bench_sql", default=None
)


class StatementCounter(logging.Handler):
    """Adds each SQL statement Tortoise logs to the current request's count."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)

    def emit(self, record: logging.LogRecord) -> None:
        counter = _statements.get()
        if counter is None:
            return
        sql = record.args[0] if isinstance(record.args, tuple) and record.args else record.msg
        if str(sql).lstrip().split(" ", 1)[0].upper() in COUNTED:
            counter[0] += 1


def count_statements() -> None:
    """Attach the counter (once per process); the statements go to it alone, not to the logs."""
    logger = logging.getLogger("tortoise.db_client")
    if not any(isinstance(h, StatementCounter) for h in logger.handlers):
        logger.addHandler(StatementCounter())
    logger.setLevel(logging.DEBUG)
    logger.propagate = False


class CountSql:
    """ASGI middleware: the request's SQL statement count in the ``X-Bench-SQL`` header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        counter = [0]
        token = _statements.set(counter)

        async def send_with_count(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((SQL_HEADER.lower().encode(), str(counter[0]).encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_count)
        finally:
            _statements.reset(token)


ADDONS_SQL = {
    "sqlite": """(SELECT json_group_array(json_object('code', a.code, 'name', a.name))
        FROM (SELECT ad.code, ad.name FROM licensing_license_addon la
              JOIN catalog_addon ad ON ad.id = la.addon_id
              WHERE la.license_id = l.id ORDER BY ad.position, ad.id) a)""",
    "postgres": """(SELECT coalesce(json_agg(json_build_object('code', ad.code, 'name', ad.name)
              ORDER BY ad.position, ad.id), '[]')::text
        FROM licensing_license_addon la JOIN catalog_addon ad ON ad.id = la.addon_id
        WHERE la.license_id = l.id)""",
}
FLOOR_SQL = """SELECT l.id, l.key, l.customer_id, l.personal, l.maintenance_expires_at,
    l.created_at, p.code, p.name, e.code, e.name, t.code, t.name, o.id, o.number, r.id, r.name,
    {addons} AS addons,
    (SELECT grace_days FROM catalog_maintenance_policy WHERE key = 'default') AS grace_days
FROM licensing_license l
JOIN catalog_product p ON p.id = l.product_id
JOIN catalog_edition e ON e.id = l.edition_id
JOIN catalog_tier t ON t.id = l.tier_id
JOIN commerce_order o ON o.id = l.order_id
JOIN accounts_reseller r ON r.id = l.reseller_id
{where}
ORDER BY l.created_at DESC, l.id DESC
LIMIT {limit}"""
DEFAULT_GRACE_DAYS = 30


def _moment(value: datetime | str) -> datetime:
    """A timestamp as the driver gives it (SQLite: Tortoise's text) as an aware datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _gid(type_name: str, node_id: int) -> str:
    return relay.to_base64(type_name, node_id)


class Floor:
    """The licenses page from one SQL query (see the module's docstring)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.tag = _tag(License, ("-created_at", "-id"))

    async def respond(self, request: Request) -> Response:
        actor = await authenticate(request, self.settings)
        if not actor.can(Permission.LICENSES_READ):
            return Response(b'{"errors":[{"message":"Sign in."}]}', 401)
        first = check_first(int(request.query_params.get("first", "50")))
        connection = connections.get("default")
        dialect = connection.capabilities.dialect
        mark = "?" if dialect == "sqlite" else "$1"
        where = "" if actor.reseller_id is None else f"WHERE l.reseller_id = {mark}"
        values = [] if actor.reseller_id is None else [actor.reseller_id]
        sql = FLOOR_SQL.format(addons=ADDONS_SQL[dialect], where=where, limit=first + 1)
        _, rows = await connection.execute_query(sql, values)
        orders = actor.can(Permission.ORDERS_READ)
        now = clock.now()
        edges = []
        for row in rows[:first]:
            (lid, key, customer_id, personal, expires, created) = row[:6]
            expires, created = _moment(expires), _moment(created)
            grace = row[17] if row[17] is not None else DEFAULT_GRACE_DAYS
            node = {
                "id": _gid("License", lid),
                "key": key,
                "status": "UNASSIGNED" if customer_id is None else "ASSIGNED",
                "personal": bool(personal),
                "product": {"code": row[6], "name": row[7]},
                "edition": {"code": row[8], "name": row[9]},
                "tier": {"code": row[10], "name": row[11]},
                "addons": orjson.loads(row[16]),
                "maintenanceExpiresAt": expires.isoformat(),
                "maintenanceStatus": maintenance_status(
                    expires, now=now, grace_days=int(grace)
                ).value,
                "createdAt": created.isoformat(),
                "order": {"id": _gid("Order", row[12]), "number": row[13]} if orders else None,
                "reseller": {"id": _gid("Reseller", row[14]), "name": row[15]},
            }
            edges.append({"node": node, "cursor": encode_cursor([self.tag, created, lid])})
        page = {
            "hasNextPage": len(rows) > first,
            "hasPreviousPage": False,
            "startCursor": edges[0]["cursor"] if edges else None,
            "endCursor": edges[-1]["cursor"] if edges else None,
        }
        for edge in edges:
            del edge["cursor"]  # the page asks for no edge cursors
        body = {"data": {"licenses": {"edges": edges, "pageInfo": page}}}
        return Response(orjson.dumps(body), media_type="application/json")


def with_bench_routes(app: Starlette, settings: Settings) -> Starlette:
    """The product's ``app`` with the floor route first and the SQL counter around everything."""
    app.router.routes.insert(
        0, Route("/bench/floor/licenses", Floor(settings).respond, methods=["GET"])
    )
    app.add_middleware(CountSql)
    count_statements()
    return app


def bench_app() -> Starlette:
    """The factory uvicorn runs: as ``backend.app.serve_app``, plus the bench's additions."""
    settings = load_settings()
    configure_logging(json_lines=not settings.is_development)
    app = with_bench_routes(create_app(settings), settings)
    tune_garbage_collection()
    return app
