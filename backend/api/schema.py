"""The composed GraphQL schema: each domain contributes its Query (and later Mutation) class."""

from __future__ import annotations

from decimal import Decimal

import strawberry
from strawberry import relay
from strawberry.schema.config import StrawberryConfig

from backend.api.catalog.queries import CatalogQuery
from backend.api.errors import UserError
from backend.api.extensions import schema_extensions
from backend.api.money import DecimalScalar
from backend.api.node import resolve_node
from backend.api.pagination import MAX_PAGE_SIZE


@strawberry.type(description="Everything a client can read.")
class Query(CatalogQuery):
    node: relay.Node | None = strawberry.field(
        resolver=resolve_node,
        description="Any object by its global id; null when it does not exist or is not yours.",
    )


schema = strawberry.Schema(
    query=Query,
    types=[UserError],
    extensions=schema_extensions(),
    config=StrawberryConfig(relay_max_results=MAX_PAGE_SIZE, scalar_map={Decimal: DecimalScalar}),
)


def schema_sdl() -> str:
    """The schema in SDL, as committed in ``schema.graphql``."""
    return schema.as_str() + "\n"
