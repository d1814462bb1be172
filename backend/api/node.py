"""Relay global ids and ``node(id:)``.

A global id is the base64 of ``TypeName:localId``. An id that is malformed, names no Node type or
names an object the caller may not see answers ``null``, exactly like a missing object, so ids
reveal nothing. Each Node type's ``resolve_nodes`` is where its scoping lives.
"""

from __future__ import annotations

import inspect
from typing import Any

import strawberry
from strawberry import relay
from strawberry.types.base import StrawberryObjectDefinition


async def resolve_node(info: strawberry.Info, id: strawberry.ID) -> relay.Node | None:
    try:
        global_id = relay.GlobalID.from_id(id)
    except (ValueError, TypeError):  # GlobalIDValueError is a ValueError
        return None
    definition = info.schema.get_type_by_name(global_id.type_name)
    if not isinstance(definition, StrawberryObjectDefinition):
        return None
    origin: Any = definition.origin
    if not (isinstance(origin, type) and issubclass(origin, relay.Node)):
        return None
    nodes = origin.resolve_nodes(info=info, node_ids=[global_id.node_id], required=False)
    if inspect.isawaitable(nodes):
        nodes = await nodes
    found = next(iter(nodes), None)
    return found if isinstance(found, relay.Node) else None
