"""Schema extensions: masking unexpected errors and the query limits.

Extensions are passed to the schema as classes or factories, so each request gets fresh ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from functools import partial

from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from backend.api.errors import ClientError
from backend.logs import current_request_id

logger = logging.getLogger("backend.api")

MAX_QUERY_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5000


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


def schema_extensions() -> list[Callable[[], SchemaExtension] | type[SchemaExtension]]:
    return [
        partial(QueryDepthLimiter, max_depth=MAX_QUERY_DEPTH),
        partial(MaxAliasesLimiter, max_alias_count=MAX_ALIASES),
        partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),
        MaskUnexpectedErrors,
    ]
