"""Mutations of licenses: assigning one to a customer."""

from __future__ import annotations

import strawberry

from backend.api.context import Info
from backend.api.errors import UserError, errors_field, user_errors
from backend.api.licensing.customers import Customer
from backend.api.licensing.types import License
from backend.api.permissions import access
from backend.errors import DomainError
from backend.identity.roles import Permission
from backend.licensing import assignment


@strawberry.input(description="The license to assign and the customer to assign it to.")
class AssignLicenseInput:
    license_key: str = strawberry.field(
        description="The license's key (any case, with or without dashes); an unassigned license "
        "for resale."
    )
    email: str = strawberry.field(
        description="The customer's email. A customer without an account gets one, and an email "
        "with a one-time link to choose a password."
    )
    name: str = strawberry.field(
        description="The customer's name, kept for a new customer (or one without a name).",
        default="",
    )


@strawberry.type(description="The license assigned and its customer.")
class AssignLicensePayload:
    license: License | None = strawberry.field(
        description="The license, now assigned.", default=None
    )
    customer: Customer | None = strawberry.field(
        description="The customer it is assigned to.", default=None
    )
    customer_created: bool = strawberry.field(
        description="True when this created the customer's account.", default=False
    )
    user_errors: list[UserError] = errors_field()


@strawberry.type
class LicensingMutation:
    @strawberry.mutation(
        description="Assign a license to a customer's email, for good: an assigned license can "
        "never be re-assigned. The customer is emailed the key (a new customer also gets an "
        "account and a link to choose its password).",
        extensions=access(Permission.LICENSES_ASSIGN),
    )
    async def assign_license(self, info: Info, input: AssignLicenseInput) -> AssignLicensePayload:
        try:
            assigned = await assignment.assign_license(
                actor=info.context.actor,
                license_key=input.license_key,
                email=input.email,
                name=input.name,
                public_url=info.context.settings.public_url,
            )
        except DomainError as error:
            return AssignLicensePayload(user_errors=user_errors(error))
        return AssignLicensePayload(
            license=License.from_row(assigned.license),
            customer=Customer.from_row(assigned.customer),
            customer_created=assigned.customer_created,
        )
