"""Schema extensions: masking unexpected errors, the query limits, and the parse/validation caches.

Extensions are passed to the schema as classes or factories, so each request gets fresh ones.

Parsing and validating the SPA's licenses or dashboard query costs about 6 ms of CPU, a fifth of
the request: both are cached per process, keyed by the query text and the parse options (the
token limit), then by the parsed document (by identity: strawberry's ``ValidationCache`` hashes
the whole syntax tree on every request, 77 µs for the licenses page) and the validation rules.
For the second key to repeat, the depth and alias limits are built once (``LIMIT_RULES``) rather
than by a ``QueryDepthLimiter``/``MaxAliasesLimiter`` per request, which would make new rule
classes every time. The limits still apply to every query: a cached document was validated with
them, and a query over the token limit fails to parse and is never cached.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from functools import partial
from typing import Any

from graphql import (
    DocumentNode,
    ExecutableDefinitionNode,
    FieldNode,
    GraphQLError,
    InlineFragmentNode,
    SelectionSetNode,
)
from graphql.validation import ASTValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.schema.schema import validate_document

from backend.api.cost import Cost, CostError, query_cost
from backend.api.errors import ClientError
from backend.api.rate_limit import Allowance, caller_of, limiter_for
from backend.api.text_inputs import TextInputs
from backend.logs import current_request_id

logger = logging.getLogger("backend.api")

MAX_QUERY_DEPTH = 8
MAX_ALIASES = 15
MAX_TOKENS = 1000
"""The limits, tuned to the SPA's own operations (at most 5 levels deep, no alias, 227 tokens:
``tests/api/test_document_cache.py`` measures them) with room for partners' queries; the
introspection query of typed-client generators passes them (its depth is not counted: 163
tokens)."""
CACHED_DOCUMENTS = 256
"""Distinct query texts kept parsed and validated: the SPA's and partners' operations."""

LIMIT_RULES: list[type[ASTValidationRule]] = [
    *QueryDepthLimiter(max_depth=MAX_QUERY_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
]
"""The depth and alias limits' validation rules, the same classes for every request."""


def is_expected(error: GraphQLError) -> bool:
    """Errors of the request itself, or raised on purpose; they are shown as they are.

    An error without a ``path`` never reached execution: syntax, validation, limits and input
    coercion (where a scalar's own ``ValueError`` explains the bad value) are the client's to fix.
    """
    if error.path is None:
        return True
    original = error.original_error
    return original is None or isinstance(original, ClientError | GraphQLError)


class MaskUnexpectedErrors(SchemaExtension):
    """Replaces unexpected errors by a message with the request id, and logs them with it."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        result.errors = [self._mask(error) for error in result.errors]

    def _mask(self, error: GraphQLError) -> GraphQLError:
        if is_expected(error):
            return error
        request_id = current_request_id()
        original = error.original_error
        logger.error(
            "unexpected error in %s: %r",
            ".".join(str(p) for p in error.path or ()),
            original,
            exc_info=(type(original), original, original.__traceback__) if original else None,
        )
        return GraphQLError(
            f"Internal server error (request id {request_id}).",
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
        )


_validated: dict[tuple[int, int, tuple[type[ASTValidationRule], ...]], Any] = {}


class ValidationByDocument(SchemaExtension):
    """Validation cached per parsed document (the parser cache's: the same object for the same
    query text), its identity the key; the document is kept with its errors so that the
    identity cannot be reused while the entry lives."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        schema = context.schema._schema
        document: DocumentNode | None = context.graphql_document
        assert document is not None  # strawberry validates parsed documents only
        rules = tuple(context.validation_rules)
        key = (id(schema), id(document), rules)
        known = _validated.get(key)
        if known is not None and known[0] is document:
            errors = known[1]
        else:
            errors = validate_document(schema, document, rules)
            if len(_validated) >= CACHED_DOCUMENTS:
                _validated.clear()  # the documents in use come back at once
            _validated[key] = (document, errors)
        context.pre_execution_errors = errors
        yield


INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})
INTROSPECTION_REFUSED = (
    "Introspection is for signed-in callers: sign in, or send an API key as a bearer token."
)
_introspective: dict[int, tuple[DocumentNode, bool]] = {}


def _introspects(document: DocumentNode) -> bool:
    """Whether any operation or fragment of ``document`` selects ``__schema`` or ``__type``
    (``__typename`` tells nothing of the schema), remembered per document."""
    known = _introspective.get(id(document))
    if known is not None and known[0] is document:
        return known[1]
    pending: list[SelectionSetNode] = [
        definition.selection_set
        for definition in document.definitions
        if isinstance(definition, ExecutableDefinitionNode)
    ]
    found = False
    while pending and not found:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode) and selection.name.value in INTROSPECTION_FIELDS:
                found = True
                break
            if isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
                pending.append(selection.selection_set)
    if len(_introspective) >= CACHED_DOCUMENTS:
        _introspective.clear()
    _introspective[id(document)] = (document, found)
    return found


class IntrospectionForSignedIn(SchemaExtension):
    """Introspection (``__schema``, ``__type``) answers signed-in callers and API keys only:
    partners generate typed clients from it, strangers learn nothing of the schema. Runs after
    validation (``ValidationByDocument``), so a valid introspection by an anonymous caller is the
    one error."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        errors = context.pre_execution_errors
        document = context.graphql_document
        actor = getattr(context.context, "actor", None)
        signed_in = actor is not None and actor.is_authenticated
        if errors == [] and document is not None and not signed_in and _introspects(document):
            context.pre_execution_errors = [
                GraphQLError(INTROSPECTION_REFUSED, extensions={"code": "UNAUTHENTICATED"})
            ]
        yield


RATE_LIMITED = "RATE_LIMITED"


class QueryCostLimit(SchemaExtension):
    """Works out a valid request's cost before it runs (``backend.api.cost``), refuses it above
    the node limit, charges it to the caller's rate limit (``backend.api.rate_limit``) or refuses
    it with 429 when it does not fit, and reports both in the response: the cost and the budget
    in ``extensions.cost``, the budget in the ``RateLimit`` headers."""

    def __init__(self) -> None:
        self.report: dict[str, object] | None = None

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        request = context.context
        document = context.graphql_document
        if context.pre_execution_errors or document is None or request is None:
            yield
            return
        try:
            cost = query_cost(
                context.schema._schema, document, context.operation_name, context.variables
            )
        except CostError as refused:
            context.pre_execution_errors = [
                GraphQLError(
                    str(refused),
                    nodes=refused.node,
                    source=document.loc.source if document.loc else None,
                    extensions={"code": refused.code},
                )
            ]
            yield
            return
        settings = getattr(request, "settings", None)
        if settings is None:  # executed without an HTTP request (a script, a unit test)
            yield
            return
        limiter = limiter_for(settings)
        try:
            allowance = await limiter.spend(caller_of(request.actor), cost.points)
        except Exception:
            logger.exception("the rate limit could not be read")
            context.pre_execution_errors = [
                GraphQLError(
                    "The service is briefly unavailable; try again in a few seconds.",
                    extensions={"code": "SERVICE_UNAVAILABLE"},
                )
            ]
            if request.response is not None:
                request.response.status_code = 503
                request.response.headers["Retry-After"] = "5"
            yield
            return
        now = time.time()
        self.report = _report(cost, allowance)
        if request.response is not None:
            window = settings.rate_limit_window
            reset = str(allowance.reset_in(now))
            headers = request.response.headers
            headers["RateLimit-Policy"] = f'"points";q={allowance.limit};w={window}'
            headers["RateLimit"] = f'"points";r={allowance.remaining};t={reset}'
            headers["RateLimit-Limit"] = str(allowance.limit)
            headers["RateLimit-Remaining"] = str(allowance.remaining)
            headers["RateLimit-Reset"] = reset
            if not allowance.allowed:
                headers["Retry-After"] = reset
                request.response.status_code = 429
        if not allowance.allowed:
            context.pre_execution_errors = [
                GraphQLError(
                    f"Rate limit exceeded: this request costs {cost.points} points and "
                    f"{allowance.remaining} of {allowance.limit} remain until "
                    f"{_timestamp(allowance.reset_at)}; try again then.",
                    extensions={"code": RATE_LIMITED, "resetAt": _timestamp(allowance.reset_at)},
                )
            ]
        yield

    def get_results(self) -> dict[str, object]:
        return {"cost": self.report} if self.report is not None else {}


def _timestamp(epoch: float) -> str:
    return datetime.fromtimestamp(int(epoch + 0.999), UTC).isoformat().replace("+00:00", "Z")


def _report(cost: Cost, allowance: Allowance) -> dict[str, object]:
    return {
        "points": cost.points,
        "possibleNodes": cost.nodes,
        "limit": allowance.limit,
        "remaining": allowance.remaining,
        "resetAt": _timestamp(allowance.reset_at),
    }


def schema_extensions() -> list[Callable[[], SchemaExtension] | type[SchemaExtension]]:
    return [
        partial(AddValidationRules, LIMIT_RULES),
        partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),  # before the parser cache
        partial(ParserCache, maxsize=CACHED_DOCUMENTS),
        ValidationByDocument,
        IntrospectionForSignedIn,  # after the validation, whose errors come first
        TextInputs,  # NUL and lone surrogates refused before anything reads them
        QueryCostLimit,  # charges valid requests only
        MaskUnexpectedErrors,
    ]
