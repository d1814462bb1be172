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
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from graphql import DocumentNode, GraphQLError
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

from backend.api.errors import ClientError
from backend.logs import current_request_id

logger = logging.getLogger("backend.api")

MAX_QUERY_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5000
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


def schema_extensions() -> list[Callable[[], SchemaExtension] | type[SchemaExtension]]:
    return [
        partial(AddValidationRules, LIMIT_RULES),
        partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),  # before the parser cache
        partial(ParserCache, maxsize=CACHED_DOCUMENTS),
        ValidationByDocument,
        MaskUnexpectedErrors,
    ]
