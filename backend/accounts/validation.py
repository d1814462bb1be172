"""Checks for the free-text fields of accounts and people."""

from __future__ import annotations

import re

from backend.accounts.countries import CODES
from backend.errors import DomainError, ErrorKind, Problems
from backend.identity.emails import normalize_email

Field = str | tuple[str, ...]
"""An input field: a name, or a path such as ``("billing", "city")``."""

PHONE = re.compile(r"^\+?[0-9 ()./-]{3,30}(\s*(x|ext\.?)\s*[0-9]{1,6})?$", re.IGNORECASE)


def text(
    problems: Problems, value: str, field: Field, *, limit: int, required: bool = False
) -> str:
    value = value.strip()
    if required and not value:
        problems.add(ErrorKind.REQUIRED, "This field is required.", field)
    elif len(value) > limit:
        problems.add(ErrorKind.INVALID, f"Use at most {limit} characters.", field)
    return value


def phone(problems: Problems, value: str, field: Field) -> str:
    value = value.strip()
    if value and not PHONE.match(value):
        problems.add(ErrorKind.INVALID, "Enter a phone number such as +1 555 010 2000.", field)
    return value


def country(problems: Problems, value: str, field: Field) -> str:
    value = value.strip().upper()
    if value and value not in CODES:
        problems.add(
            ErrorKind.INVALID, "Use the two-letter ISO country code, such as US or DE.", field
        )
    return value


def email(problems: Problems, value: str, field: Field, *, required: bool = True) -> str:
    if not value.strip() and not required:
        return ""
    try:
        return normalize_email(value, field=field)
    except DomainError as error:
        problems.found.extend(error.problems)
        return value.strip().lower()
