"""The errors business code raises when a request cannot be carried out as asked.

A ``DomainError`` is expected: the API turns it into ``userErrors`` (each naming the input field
at fault) and the transaction it interrupted is rolled back, so nothing is half done.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class ErrorKind(StrEnum):
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    NOT_FOUND = "NOT_FOUND"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    CONFLICT = "CONFLICT"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    THROTTLED = "THROTTLED"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"
    PAYMENT_DECLINED = "PAYMENT_DECLINED"
    PAYMENT_FAILED = "PAYMENT_FAILED"
    LICENSE_NOT_ASSIGNED = "LICENSE_NOT_ASSIGNED"


@dataclass(frozen=True, slots=True)
class Problem:
    kind: ErrorKind
    message: str
    field: tuple[str, ...] | None = None


class DomainError(Exception):
    """One or more problems with a request; raised before anything is committed."""

    def __init__(
        self,
        kind: ErrorKind | None = None,
        message: str = "",
        *,
        field: str | Sequence[str] | None = None,
        problems: Sequence[Problem] = (),
    ) -> None:
        found = list(problems)
        if kind is not None:
            path = (field,) if isinstance(field, str) else tuple(field) if field else None
            found.insert(0, Problem(kind, message, path))
        if not found:
            raise ValueError("a DomainError needs at least one problem")
        super().__init__("; ".join(p.message for p in found))
        self.problems: tuple[Problem, ...] = tuple(found)


class Problems:
    """Collects validation problems, then raises them together."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def add(self, kind: ErrorKind, message: str, field: str | Sequence[str]) -> None:
        path = (field,) if isinstance(field, str) else tuple(field)
        self.found.append(Problem(kind, message, path))

    def raise_if_any(self) -> None:
        if self.found:
            raise DomainError(problems=self.found)


def not_found(what: str, field: str | Sequence[str] | None = None) -> DomainError:
    """The one answer for a missing object and for one the caller may not see."""
    return DomainError(ErrorKind.NOT_FOUND, f"No such {what}.", field=field)
