"""The error conventions of the API.

- Expected problems with a mutation's input are ``userErrors`` in its payload: a ``UserError`` with
  a machine-readable ``ErrorCode``, a message for people and the input ``field`` path.
- A request the API refuses as a whole (bad pagination arguments, limits) raises ``ClientError``:
  a GraphQL error whose message is shown as is, with an ``extensions.code``.
- Anything else is unexpected and is masked (see ``extensions.MaskUnexpectedErrors``).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.utils.str_converters import to_camel_case

from backend.errors import DomainError


@strawberry.enum(description="Machine-readable reason of a UserError.")
class ErrorCode(Enum):
    INVALID = strawberry.enum_value("INVALID", description="The value is not acceptable.")
    REQUIRED = strawberry.enum_value("REQUIRED", description="A value is missing.")
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND", description="No such object, or not one the caller may see."
    )
    PERMISSION_DENIED = strawberry.enum_value(
        "PERMISSION_DENIED", description="The caller's role may not do this."
    )
    CONFLICT = strawberry.enum_value(
        "CONFLICT", description="The object changed or is in a state that does not allow this."
    )
    INVALID_CREDENTIALS = strawberry.enum_value(
        "INVALID_CREDENTIALS", description="The email or password is not right."
    )
    THROTTLED = strawberry.enum_value(
        "THROTTLED", description="Too many attempts: wait as the message says, then try again."
    )
    IDEMPOTENCY_KEY_REUSED = strawberry.enum_value(
        "IDEMPOTENCY_KEY_REUSED",
        description="The idempotency key was already used for a different request.",
    )
    PAYMENT_DECLINED = strawberry.enum_value(
        "PAYMENT_DECLINED", description="The card was declined: nothing was bought or charged."
    )
    PAYMENT_FAILED = strawberry.enum_value(
        "PAYMENT_FAILED",
        description="The payment service failed: nothing was bought or charged; try again.",
    )
    LICENSE_NOT_ASSIGNED = strawberry.enum_value(
        "LICENSE_NOT_ASSIGNED",
        description="The license is not assigned to a customer yet, so it cannot be activated.",
    )


@strawberry.type(description="A problem with a mutation's input; nothing was changed.")
class UserError:
    code: ErrorCode = strawberry.field(description="What kind of problem this is.")
    message: str = strawberry.field(description="A sentence for people.")
    field: list[str] | None = strawberry.field(
        description="Path to the input field at fault, e.g. ['input', 'quantity'].", default=None
    )


class ClientError(GraphQLError):
    """A request refused as a whole; its message is safe to show and is never masked."""

    def __init__(self, message: str, *, code: str = "BAD_USER_INPUT") -> None:
        super().__init__(message, extensions={"code": code})


def user_errors(error: DomainError, *, prefix: Sequence[str] = ("input",)) -> list[UserError]:
    """A business error as ``userErrors``: field paths in the API's camelCase, under ``input``."""
    return [
        UserError(
            code=ErrorCode[problem.kind.value],
            message=problem.message,
            field=[*prefix, *map(to_camel_case, problem.field)] if problem.field else None,
        )
        for problem in error.problems
    ]


def errors_field(description: str = "Problems with the input; empty when it worked.") -> Any:
    """The ``userErrors`` field of a mutation payload."""
    return strawberry.field(description=description, default_factory=list)
