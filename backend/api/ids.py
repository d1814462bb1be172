"""Global ids given as mutation input."""

from __future__ import annotations

from strawberry import relay

from backend.errors import DomainError, not_found


def local_id(global_id: str | None, type_name: str, *, what: str, field: str) -> int | None:
    """The database id inside a global id of ``type_name``; None when none was given.

    An id that is malformed or names another type is answered like a missing object.
    """
    if global_id is None:
        return None
    try:
        parsed = relay.GlobalID.from_id(global_id)
    except (ValueError, TypeError):
        raise not_found(what, field) from None
    if parsed.type_name != type_name or not is_database_id(parsed.node_id):
        raise not_found(what, field)
    return int(parsed.node_id)


def required_id(global_id: str, type_name: str, *, what: str, field: str) -> int:
    found = local_id(global_id, type_name, what=what, field=field)
    assert found is not None
    return found


MAX_ID = 2**31 - 1
"""The largest id of an ``IntField`` key, which every model given as mutation input has."""
MAX_BIG_ID = 2**63 - 1
"""The largest id of a ``BigIntField`` key (audit events, email)."""


def is_database_id(value: str, max_id: int = MAX_ID) -> bool:
    """Whether ``value`` can be a row's id (a bigger number would make the database fail)."""
    return value.isascii() and value.isdigit() and int(value) <= max_id


def id_filter(global_id: str, type_name: str) -> int:
    """For list filters: the local id, or 0 (no row's id) when ``global_id`` is not one."""
    try:
        return local_id(global_id, type_name, what="object", field="id") or 0
    except DomainError:
        return 0
