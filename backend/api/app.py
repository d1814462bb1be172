"""The Strawberry ASGI app with the product's context, speaking GraphQL over HTTP.

Each HTTP request is authenticated before GraphQL sees it: a bad API key gets a 401 answer, any
other caller an ``Actor`` (perhaps anonymous) in the context.

The answer's media type follows the ``Accept`` header (the GraphQL over HTTP specification):
``application/graphql-response+json`` when the client names it at least as gladly as
``application/json`` (the SPA's urql does), else ``application/json`` (also without an
``Accept``); a client accepting neither gets 406. With ``application/graphql-response+json`` a
request that fails before execution (parsing, validation, variable coercion, introspection by an
anonymous caller) answers 4xx without a ``data`` entry; ``application/json`` answers keep 200 for
every well-formed request, as clients of that type expect.
"""

from __future__ import annotations

import json
import re

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException, StarletteRequestAdapter
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult

from backend.api.context import Context
from backend.api.schema import schema
from backend.identity.actor import ANONYMOUS, Actor
from backend.identity.api_keys import ApiKeyRefused
from backend.licensing.signing import SigningKey, load_signing_key
from backend.payments.gateway import gateway_named
from backend.settings import Settings
from backend.web.auth import authenticate

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
_QUALITY = re.compile(r"0(\.\d{0,3})?|1(\.0{0,3})?")


def _qualities(accept: str) -> dict[str, float]:
    """The quality (``q``) the ``Accept`` header gives each media range it names."""
    ranges: dict[str, float] = {}
    for item in accept.split(","):
        media_range, *parameters = item.split(";")
        media_range = media_range.strip().lower()
        if not media_range:
            continue
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                value = value.strip()
                quality = float(value) if _QUALITY.fullmatch(value) else 0.0
        ranges[media_range] = max(quality, ranges.get(media_range, 0.0))
    return ranges


def negotiate(accept: str | None) -> str | None:
    """The media type to answer in; None when the client accepts neither of the two."""
    if accept is None or not accept.strip():
        return JSON
    ranges = _qualities(accept)
    as_json = next((ranges[r] for r in (JSON, "application/*", "*/*") if r in ranges), 0.0)
    as_graphql_response = ranges.get(GRAPHQL_RESPONSE_JSON, 0.0)
    if as_graphql_response > 0 and as_graphql_response >= as_json:
        return GRAPHQL_RESPONSE_JSON
    return JSON if as_json > 0 else None


def failed_before_execution(result: ExecutionResult) -> bool:
    """Whether the operation never ran: no data, and only errors without a ``path`` (parsing,
    validation, variable coercion; a resolver's error always has the field's path)."""
    return (
        result.data is None
        and bool(result.errors)
        and all(error.path is None for error in result.errors or ())
    )


def _is_unauthenticated(result: ExecutionResult) -> bool:
    return any(
        (error.extensions or {}).get("code") == "UNAUTHENTICATED" for error in result.errors or ()
    )


class _RequestAdapter(StarletteRequestAdapter):
    """Strawberry's view of a request, its media type lowercased: ``Application/JSON`` is JSON
    (media types ignore case; strawberry compares them as they come)."""

    @property
    def content_type(self) -> str | None:
        content_type = super().content_type
        if content_type is None:
            return None
        media_type, separator, parameters = content_type.partition(";")
        return media_type.strip().lower() + separator + parameters


def encode_json(data: object) -> bytes:
    """JSON by orjson (about ten times json's speed on a page of 50 rows; the values are already
    JSON's, the scalars serialise themselves). An answer quoting a lone surrogate the request
    sent (an unknown operation name, say), which orjson cannot write, goes out with it escaped,
    as it came."""
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=True).encode("ascii")


def _error_response(message: str, status: int, media_type: str, **extra: object) -> Response:
    body = {"errors": [{"message": message, **extra}]}
    return Response(encode_json(body), status_code=status, media_type=media_type)


class GraphQLApp(GraphQL[Context, None]):
    request_adapter_class = _RequestAdapter

    def __init__(self, settings: Settings, signing_key: SigningKey | None = None) -> None:
        super().__init__(
            schema,
            graphql_ide=None,  # GraphiQL is the SPA build's own page (backend.web.graphiql)
            allow_queries_via_get=True,
        )
        self.settings = settings
        self.gateway = gateway_named(settings.payment_gateway)
        self.signing_key = signing_key or load_signing_key(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope)
            media_type = negotiate(request.headers.get("accept"))
            if media_type is None and self._answers_with_graphql(request):
                refusal = _error_response(
                    f"The answer is {GRAPHQL_RESPONSE_JSON} or {JSON}: accept one of them.",
                    406,
                    JSON,
                )
                await refusal(scope, receive, send)
                return
            request.state.media_type = media_type or JSON
            try:
                request.state.actor = await authenticate(request, self.settings)
            except ApiKeyRefused as refused:
                response = _error_response(
                    str(refused),
                    401,
                    request.state.media_type,
                    extensions={"code": "UNAUTHENTICATED"},
                )
                response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
                await response(scope, receive, send)
                return
        try:
            if scope["type"] != "http":
                await super().__call__(scope, receive, send)
                return
            http_request = Request(scope, receive)
            try:
                answer: Response = await self.run(http_request)
            except HTTPException as refused:
                answer = self._refusal(http_request, refused)
            await answer(scope, receive, send)
        except ClientDisconnect:
            return  # the client went away before its request was read: nobody to answer

    def _refusal(self, request: Request, refused: HTTPException) -> Response:
        """Strawberry's refusal of a request it cannot read (bad JSON, no query, a batch,
        another method, a mutation over GET: 405 as the specification says) as a GraphQL error
        in JSON, with ``BAD_REQUEST`` (or ``METHOD_NOT_ALLOWED`` and ``Allow``), rather than its
        plain-text answer."""
        status, allow = refused.status_code, "GET, POST"
        if isinstance(refused.__cause__, InvalidOperationTypeError):
            status, allow = 405, "POST"  # a mutation over GET (the GraphQL over HTTP spec)
        code = "METHOD_NOT_ALLOWED" if status == 405 else "BAD_REQUEST"
        response = _error_response(
            refused.reason, status, self._media_type(request), extensions={"code": code}
        )
        if status == 405:
            response.headers["Allow"] = allow
        return response

    @staticmethod
    def _answers_with_graphql(request: Request) -> bool:
        """POSTs, and GETs with a query (a GET without one is for the GraphiQL page)."""
        return request.method == "POST" or (
            request.method == "GET" and "query" in request.query_params
        )

    @staticmethod
    def _media_type(request: Request | WebSocket) -> str:
        """The media type ``__call__`` negotiated for the answer."""
        media_type: str = getattr(request.state, "media_type", JSON)
        return media_type

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        sub_response.media_type = self._media_type(request)
        return sub_response

    async def execute_single(  # noqa: PLR0917 - strawberry's signature
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        result = await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        if (
            self._media_type(request) == GRAPHQL_RESPONSE_JSON
            and failed_before_execution(result)
            and not sub_response.status_code  # an extension's own (429, 503) stands
        ):
            if _is_unauthenticated(result):  # an anonymous caller's introspection
                sub_response.status_code = 401
                sub_response.headers["WWW-Authenticate"] = "Bearer"
            else:
                sub_response.status_code = 400
        return result

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        response = await super().process_result(request, result)
        if self._media_type(request) == GRAPHQL_RESPONSE_JSON and failed_before_execution(result):
            del response["data"]  # the operation never ran: no data entry at all
        return response

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        response.headers["content-type"] = sub_response.media_type or JSON
        return response

    def encode_json(self, data: object) -> bytes:
        return encode_json(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        actor: Actor = getattr(request.state, "actor", ANONYMOUS)
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            settings=self.settings,
            actor=actor,
            gateway=self.gateway,
            signing_key=self.signing_key,
        )
