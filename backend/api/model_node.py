"""Node types backed by tenant-owned database rows.

``resolve_nodes`` reads through the actor's tenant scope (``Actor.scope``) and, when the type
declares one, checks the permission to see it: ``node(id:)`` of another reseller's object is
null, exactly like a missing one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Self

import strawberry
from strawberry import relay
from tortoise import fields
from tortoise.models import Model

from backend.api.ids import MAX_BIG_ID, MAX_ID, is_database_id
from backend.identity.roles import Permission


class ModelNode(relay.Node):
    model: ClassVar[type[Model]]
    permission: ClassVar[Permission | None] = None
    """Needed to see any object of this type; None: any caller whose scope holds it."""

    @classmethod
    def from_row(cls, row: Any) -> Self:
        raise NotImplementedError

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls,
        *,
        info: strawberry.Info,
        node_ids: Iterable[str],
        required: bool = False,
    ) -> list[Self | None]:
        actor = info.context.actor
        wanted = [str(node_id) for node_id in node_ids]
        big = isinstance(cls.model._meta.pk, fields.BigIntField)
        max_id = MAX_BIG_ID if big else MAX_ID
        ids = [int(node_id) for node_id in wanted if is_database_id(node_id, max_id)]
        rows: dict[str, Any] = {}
        if ids and (cls.permission is None or actor.can(cls.permission)):
            rows = {str(row.pk): row for row in await actor.scope(cls.model).filter(id__in=ids)}
        return [cls.from_row(rows[node_id]) if node_id in rows else None for node_id in wanted]
