"""The GraphQL type of an installation: a server where a license is or was activated."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from backend.api.context import Info
from backend.api.enums import Permission
from backend.api.licensing.types import License
from backend.api.model_node import ModelNode
from backend.licensing import models


@strawberry.type(
    description="A server where a license is or was activated, and the certificate it holds."
)
class Installation(ModelNode):
    model = models.Installation
    permission = Permission.LICENSES_READ
    id: relay.NodeID[int]
    license_id: strawberry.Private[int]
    license_visible: strawberry.Private[bool]
    fingerprint: str = strawberry.field(
        description="The installation's own stable id, sent when it activated."
    )
    hostname: str = strawberry.field(description="The server's host name, as it last activated.")
    revision: int = strawberry.field(
        description="The license revision its certificate holds (see License.revision)."
    )
    active: bool = strawberry.field(
        description="Whether it holds the license's one activation now; false once deactivated."
    )
    activated_at: datetime = strawberry.field(description="When it first activated.")
    certificate_issued_at: datetime = strawberry.field(
        description="When it last got a certificate (activation or reactivation)."
    )
    last_checked_at: datetime | None = strawberry.field(
        description="When it last checked its license; null if never."
    )
    deactivated_at: datetime | None = strawberry.field(
        description="When it was deactivated; null while active."
    )

    @strawberry.field(
        description="True when it is active and the license changed since its certificate was "
        "issued (upgrade, add-ons): it must activate again to get the new certificate."
    )
    async def reactivation_required(self, info: Info) -> bool:
        if not self.active:
            return False
        license = await info.context.loaders.license_by_id.load(self.license_id)
        return license is not None and self.revision < license.revision

    @strawberry.field(description="The license; null when the caller may not see it.")
    async def license(self, info: Info) -> License | None:
        if not self.license_visible:
            return None
        row = await info.context.loaders.license_by_id.load(self.license_id)
        return License.from_row(row) if row is not None else None

    @classmethod
    def from_row(cls, row: models.Installation, *, license_visible: bool = True) -> Installation:
        """``license_visible``: whether the caller may see the license (it may when the
        installation came out of its scope)."""
        return cls(
            id=row.id,
            license_id=row.license_id,
            license_visible=license_visible,
            fingerprint=row.fingerprint,
            hostname=row.hostname,
            revision=row.revision,
            active=row.is_active,
            activated_at=row.activated_at,
            certificate_issued_at=row.certificate_issued_at,
            last_checked_at=row.last_checked_at,
            deactivated_at=row.deactivated_at,
        )
