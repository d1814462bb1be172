"""GraphQL types of identity: roles, the viewer, API keys."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from backend.api.context import Info
from backend.api.enums import Permission, Role
from backend.api.model_node import ModelNode
from backend.identity import models
from backend.identity.actor import Actor
from backend.identity.roles import ROLE_PERMISSIONS

if TYPE_CHECKING:
    from backend.api.accounts.types import Employee, Reseller


@strawberry.type(description="Who is asking: the signed-in user or the API key of the request.")
class Viewer:
    actor: strawberry.Private[Actor]
    email: str | None = strawberry.field(description="The user's email; null for an API key.")
    name: str = strawberry.field(description="The user's name, or the API key's name.")
    role: Role = strawberry.field(description="The role that decides what the viewer may do.")
    is_api_key: bool = strawberry.field(description="Whether the request used an API key.")

    @strawberry.field(description="Everything the viewer's role allows.")
    def permissions(self) -> list[Permission]:
        return sorted(ROLE_PERMISSIONS[self.role])

    @strawberry.field(description="The reseller account the viewer works for; null otherwise.")
    async def reseller(
        self, info: Info
    ) -> Annotated[Reseller, strawberry.lazy("backend.api.accounts.types")] | None:
        from backend.api.accounts.types import Reseller

        if self.actor.reseller_id is None:
            return None
        row = await info.context.loaders.reseller_by_id.load(self.actor.reseller_id)
        return Reseller.from_row(row) if row is not None else None

    @strawberry.field(description="The viewer as a person of its reseller account, if one.")
    async def employee(
        self, info: Info
    ) -> Annotated[Employee, strawberry.lazy("backend.api.accounts.types")] | None:
        from backend.api.accounts.types import Employee

        if self.actor.user_id is None:
            return None
        found = await info.context.loaders.employee_by_user.load(self.actor.user_id)
        return Employee.from_row(found[0]) if found else None


def viewer_of(actor: Actor) -> Viewer | None:
    """The viewer, from what authentication already read: no query of its own."""
    if actor.role is None:
        return None
    return Viewer(
        actor=actor,
        email=actor.label if actor.user_id is not None else None,
        name=actor.name or actor.label,
        role=actor.role,
        is_api_key=actor.api_key_id is not None,
    )


@strawberry.type(description="A partner server's credential. Its secret is shown only once.")
class ApiKey(ModelNode):
    model = models.ApiKey
    permission = Permission.API_KEYS_MANAGE
    id: relay.NodeID[int]
    name: str = strawberry.field(description="What the key is for, e.g. 'Web shop'.")
    role: Role = strawberry.field(description="What the key may do.")
    prefix: str = strawberry.field(description="The key's first characters, to recognize it.")
    created_at: datetime = strawberry.field(description="When the key was created.")
    last_used_at: datetime | None = strawberry.field(
        description="When the key last authenticated a request (to the minute); null if never."
    )
    revoked_at: datetime | None = strawberry.field(description="When it was revoked, if it was.")
    created_by_id: strawberry.Private[int | None]

    @strawberry.field(description="Whether the key still works.")
    def active(self) -> bool:
        return self.revoked_at is None

    @strawberry.field(description="Email of the user who created the key.")
    async def created_by(self, info: Info) -> str | None:
        if self.created_by_id is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.created_by_id)
        return user.email if user else None

    @classmethod
    def from_row(cls, row: models.ApiKey) -> ApiKey:
        return cls(
            id=row.id,
            name=row.name,
            role=row.role,
            prefix=row.prefix,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            revoked_at=row.revoked_at,
            created_by_id=row.created_by_id,
        )
