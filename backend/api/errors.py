"""The error conventions of the API.

- Expected problems with a mutation's input are ``userErrors`` in its payload: a ``UserError`` with
  a machine-readable ``ErrorCode``, a message for people and the input ``field`` path.
- A request the API refuses as a whole (bad pagination arguments, limits) raises ``ClientError``:
  a GraphQL error whose message is shown as is, with an ``extensions.code``.
- Anything else is unexpected and is masked (see ``extensions.MaskUnexpectedErrors``).
"""

from __future__ import annotations

from enum import Enum

import strawberry
from graphql import GraphQLError


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
