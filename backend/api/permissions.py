"""Who may call each root field: one declaration per field, checked before it resolves.

Every root query and mutation carries ``access(rule)``; the schema refuses to build when one does
not (``check_every_root_field_has_a_rule``), so a new field cannot be left open by mistake. The
rule is a ``Permission`` from the role table, ``AUTHENTICATED`` or ``PUBLIC``. Which *objects* a
permitted caller sees is the tenant scope's business (``Actor.scope``), not this module's.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry.extensions.field_extension import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension

from backend.api.errors import ClientError
from backend.identity.roles import Permission


class Open(Enum):
    PUBLIC = "PUBLIC"
    """Anyone, signed in or not."""
    AUTHENTICATED = "AUTHENTICATED"
    """Any signed-in user or API key."""


PUBLIC = Open.PUBLIC
AUTHENTICATED = Open.AUTHENTICATED
Rule = Permission | Open

NOT_SIGNED_IN = "Sign in first."
NOT_ALLOWED = "Your role does not allow this."


class Requires(BasePermission):
    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        if self.rule is PUBLIC:
            return True
        actor = info.context.actor
        if not actor.is_authenticated:
            raise ClientError(NOT_SIGNED_IN, code="UNAUTHENTICATED")
        if self.rule is AUTHENTICATED or actor.can(self.rule):
            return True
        raise ClientError(NOT_ALLOWED, code="FORBIDDEN")


def access(rule: Rule) -> list[FieldExtension]:
    """The ``extensions=`` of a root field open to ``rule``."""
    return [PermissionExtension(permissions=[Requires(rule)], use_directives=False)]


class Holds(BasePermission):
    """Whether the caller holds a permission; a field behind it answers empty, not an error."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return bool(info.context.actor.can(self.permission))


def empty_without(permission: Permission) -> list[FieldExtension]:
    """The ``extensions=`` of a list field that answers ``[]`` to callers without
    ``permission`` (list prices for customers, who reach a product through their license)."""
    return [
        PermissionExtension(
            permissions=[Holds(permission)], fail_silently=True, use_directives=False
        )
    ]


def rule_of(field: Any) -> Rule | None:
    for extension in field.extensions:
        if isinstance(extension, PermissionExtension):
            for permission in extension.permissions:
                if isinstance(permission, Requires):
                    return permission.rule
    return None


def check_every_root_field_has_a_rule(*roots: type) -> None:
    for root in roots:
        definition = root.__strawberry_definition__  # type: ignore[attr-defined]
        missing = [f.name for f in definition.fields if rule_of(f) is None]
        if missing:
            raise TypeError(f"{root.__name__} fields without access(...): {', '.join(missing)}")
