"""Email addresses as the product stores them: checked and lower-cased."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from backend.errors import DomainError, ErrorKind


def normalize_email(value: str, *, field: str | tuple[str, ...] = "email") -> str:
    """The address in lower case, or a ``DomainError`` naming ``field``."""
    value = value.strip()
    if not value:
        raise DomainError(ErrorKind.REQUIRED, "Enter an email address.", field=field)
    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise DomainError(
            ErrorKind.INVALID, f"{value!r} is not a valid email address.", field=field
        ) from None
    return result.normalized.lower()
