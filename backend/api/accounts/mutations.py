"""Account mutations: contact information, people, mailing lists, and the vendor's resellers."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from backend.accounts import account, employees, mailing_lists, resellers
from backend.api.accounts.types import Employee, Reseller
from backend.api.context import Info
from backend.api.enums import MailingList as MailingListCode
from backend.api.enums import Permission, ResellerStatus, Role
from backend.api.errors import UserError, errors_field, user_errors
from backend.api.ids import local_id, required_id
from backend.api.permissions import access
from backend.errors import DomainError


@strawberry.input(description="Changes to the account; omitted fields stay as they are.")
class UpdateAccountInput:
    reseller_id: strawberry.ID | None = strawberry.field(
        description="The account (vendor admins only; others change their own).", default=None
    )
    name: str | None = strawberry.field(description="The company name.", default=None)
    contact_name: str | None = strawberry.field(description="The main contact.", default=None)
    address_line1: str | None = strawberry.field(description="Street address.", default=None)
    address_line2: str | None = strawberry.field(description="Suite, floor.", default=None)
    city: str | None = strawberry.field(description="City.", default=None)
    postal_code: str | None = strawberry.field(description="Postal code.", default=None)
    region: str | None = strawberry.field(description="State or region.", default=None)
    country: str | None = strawberry.field(description="Two-letter country code.", default=None)
    phone: str | None = strawberry.field(description="Phone number.", default=None)
    billing_email: str | None = strawberry.field(description="Invoice address.", default=None)
    notify_invoice_created: bool | None = strawberry.field(
        description="Email when an invoice is created.", default=None
    )
    notify_summary_invoice_created: bool | None = strawberry.field(
        description="Email when a summary invoice is created.", default=None
    )
    notify_license_assigned: bool | None = strawberry.field(
        description="Email when a license is assigned.", default=None
    )


@strawberry.type(description="The account after the change.")
class UpdateAccountPayload:
    account: Reseller | None = strawberry.field(description="The account.", default=None)
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="A new person of the account.")
class AddEmployeeInput:
    name: str = strawberry.field(description="Full name.")
    email: str = strawberry.field(description="Email address.")
    role: Role | None = strawberry.field(
        description="Give a login with this role (an invitation is emailed); omit for a "
        "contact without login.",
        default=None,
    )
    phone: str | None = strawberry.field(description="Phone number.", default=None)
    job_title: str | None = strawberry.field(description="Job title.", default=None)
    reseller_id: strawberry.ID | None = strawberry.field(
        description="The account (vendor admins only).", default=None
    )


@strawberry.type(description="The person added.")
class AddEmployeePayload:
    employee: Employee | None = strawberry.field(description="The person.", default=None)
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="Changes to a person; omitted fields stay as they are.")
class UpdateEmployeeInput:
    employee_id: strawberry.ID = strawberry.field(description="The person.")
    name: str | None = strawberry.field(description="Full name.", default=None)
    email: str | None = strawberry.field(
        description="Email (only of a contact without login).", default=None
    )
    phone: str | None = strawberry.field(description="Phone number.", default=None)
    job_title: str | None = strawberry.field(description="Job title.", default=None)
    role: Role | None = strawberry.field(
        description="Change the login's role, or give a contact a login (invitation emailed).",
        default=None,
    )
    remove_login: bool = strawberry.field(
        description="Take the login away; the person stays as a contact.", default=False
    )


@strawberry.type(description="The person after the change.")
class UpdateEmployeePayload:
    employee: Employee | None = strawberry.field(description="The person.", default=None)
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="The person to remove.")
class RemoveEmployeeInput:
    employee_id: strawberry.ID = strawberry.field(description="The person.")


@strawberry.type(description="The result of removing a person (and their login).")
class RemoveEmployeePayload:
    removed_employee_id: strawberry.ID | None = strawberry.field(
        description="The id of the person removed.", default=None
    )
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="The invited person to send a new invitation to.")
class ResendInvitationInput:
    employee_id: strawberry.ID = strawberry.field(description="The person.")


@strawberry.type(description="The person invited again; the previous link no longer works.")
class ResendInvitationPayload:
    employee: Employee | None = strawberry.field(description="The person.", default=None)
    user_errors: list[UserError] = errors_field()


@strawberry.input(description="Subscribe or unsubscribe a person to a mailing list.")
class SetMailingListSubscriptionInput:
    mailing_list: MailingListCode = strawberry.field(description="The list.")
    subscribed: bool = strawberry.field(description="Receive it (true) or not (false).")
    employee_id: strawberry.ID | None = strawberry.field(
        description="The person; omitted: yourself.", default=None
    )


@strawberry.type(description="The person after the change.")
class SetMailingListSubscriptionPayload:
    employee: Employee | None = strawberry.field(description="The person.", default=None)
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="A new reseller account and its owner, who is invited by email.")
class CreateResellerInput:
    name: str = strawberry.field(description="The company name.")
    owner_email: str = strawberry.field(description="The owner's email: their login.")
    owner_name: str = strawberry.field(description="The owner's name.")
    discount_percent: Decimal = strawberry.field(
        description='Discount on every purchase, e.g. "20".', default=Decimal(0)
    )
    may_pay_by_invoice: bool = strawberry.field(
        description="Whether orders may go on the monthly summary invoice.", default=False
    )


@strawberry.type(description="The reseller created.")
class CreateResellerPayload:
    reseller: Reseller | None = strawberry.field(description="The account.", default=None)
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="The vendor's terms for a reseller; omitted fields stay.")
class UpdateResellerInput:
    reseller_id: strawberry.ID = strawberry.field(description="The reseller.")
    discount_percent: Decimal | None = strawberry.field(
        description='Discount on every purchase, e.g. "20".', default=None
    )
    may_pay_by_invoice: bool | None = strawberry.field(
        description="Whether orders may go on the monthly summary invoice.", default=None
    )
    status: ResellerStatus | None = strawberry.field(
        description="Suspend (no sign-in, no API) or reactivate.", default=None
    )


@strawberry.type(description="The reseller after the change.")
class UpdateResellerPayload:
    reseller: Reseller | None = strawberry.field(description="The account.", default=None)
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


def _reseller_id(value: strawberry.ID | None) -> int | None:
    return local_id(value, "Reseller", what="reseller", field="reseller_id")


def _details(input: AddEmployeeInput | UpdateEmployeeInput) -> employees.EmployeeDetails:
    return employees.EmployeeDetails(
        name=input.name, email=input.email, phone=input.phone, job_title=input.job_title
    )


def _employee_id(value: strawberry.ID) -> int:
    return required_id(value, "Employee", what="employee", field="employee_id")


@strawberry.type
class AccountsMutation:
    @strawberry.mutation(
        description="Change the account's contact information and notification choices.",
        extensions=access(Permission.ACCOUNT_MANAGE),
    )
    async def update_account(self, info: Info, input: UpdateAccountInput) -> UpdateAccountPayload:
        try:
            row = await account.update_account(
                actor=info.context.actor,
                reseller_id=_reseller_id(input.reseller_id),
                changes=account.AccountChanges(
                    name=input.name,
                    contact_name=input.contact_name,
                    address_line1=input.address_line1,
                    address_line2=input.address_line2,
                    city=input.city,
                    postal_code=input.postal_code,
                    region=input.region,
                    country=input.country,
                    phone=input.phone,
                    billing_email=input.billing_email,
                    notify_invoice_created=input.notify_invoice_created,
                    notify_summary_invoice_created=input.notify_summary_invoice_created,
                    notify_license_assigned=input.notify_license_assigned,
                ),
            )
        except DomainError as error:
            return UpdateAccountPayload(user_errors=user_errors(error))
        return UpdateAccountPayload(account=Reseller.from_row(row))

    @strawberry.mutation(
        description="Add a person: with a role they get a login and an emailed invitation.",
        extensions=access(Permission.ACCOUNT_MANAGE),
    )
    async def add_employee(self, info: Info, input: AddEmployeeInput) -> AddEmployeePayload:
        try:
            row = await employees.add_employee(
                actor=info.context.actor,
                reseller_id=_reseller_id(input.reseller_id),
                details=_details(input),
                role=input.role,
                public_url=info.context.settings.public_url,
            )
        except DomainError as error:
            return AddEmployeePayload(user_errors=user_errors(error))
        return AddEmployeePayload(employee=Employee.from_row(row))

    @strawberry.mutation(
        description="Change a person's details, role or login.",
        extensions=access(Permission.ACCOUNT_MANAGE),
    )
    async def update_employee(
        self, info: Info, input: UpdateEmployeeInput
    ) -> UpdateEmployeePayload:
        try:
            row = await employees.update_employee(
                actor=info.context.actor,
                employee_id=_employee_id(input.employee_id),
                details=_details(input),
                role=input.role,
                remove_login=input.remove_login,
                public_url=info.context.settings.public_url,
            )
        except DomainError as error:
            return UpdateEmployeePayload(user_errors=user_errors(error))
        return UpdateEmployeePayload(employee=Employee.from_row(row))

    @strawberry.mutation(
        description="Remove a person; their login stops working at once.",
        extensions=access(Permission.ACCOUNT_MANAGE),
    )
    async def remove_employee(
        self, info: Info, input: RemoveEmployeeInput
    ) -> RemoveEmployeePayload:
        try:
            await employees.remove_employee(
                actor=info.context.actor, employee_id=_employee_id(input.employee_id)
            )
        except DomainError as error:
            return RemoveEmployeePayload(user_errors=user_errors(error))
        return RemoveEmployeePayload(removed_employee_id=input.employee_id)

    @strawberry.mutation(
        description="Email a new invitation to someone who has not chosen a password yet.",
        extensions=access(Permission.ACCOUNT_MANAGE),
    )
    async def resend_invitation(
        self, info: Info, input: ResendInvitationInput
    ) -> ResendInvitationPayload:
        try:
            row = await employees.resend_invitation(
                actor=info.context.actor,
                employee_id=_employee_id(input.employee_id),
                public_url=info.context.settings.public_url,
            )
        except DomainError as error:
            return ResendInvitationPayload(user_errors=user_errors(error))
        return ResendInvitationPayload(employee=Employee.from_row(row))

    @strawberry.mutation(
        description="Subscribe or unsubscribe a person (yourself by default) to a mailing list.",
        extensions=access(Permission.ACCOUNT_READ),
    )
    async def set_mailing_list_subscription(
        self, info: Info, input: SetMailingListSubscriptionInput
    ) -> SetMailingListSubscriptionPayload:
        try:
            employee_id = _employee_id(input.employee_id) if input.employee_id is not None else None
            row = await mailing_lists.set_subscription(
                actor=info.context.actor,
                employee_id=employee_id,
                mailing_list=input.mailing_list,
                subscribed=input.subscribed,
            )
        except DomainError as error:
            return SetMailingListSubscriptionPayload(user_errors=user_errors(error))
        return SetMailingListSubscriptionPayload(employee=Employee.from_row(row))

    @strawberry.mutation(
        description="Create a reseller account and invite its owner.",
        extensions=access(Permission.RESELLERS_MANAGE),
    )
    async def create_reseller(
        self, info: Info, input: CreateResellerInput
    ) -> CreateResellerPayload:
        try:
            row = await resellers.create_reseller(
                actor=info.context.actor,
                new=resellers.NewReseller(
                    name=input.name,
                    owner_email=input.owner_email,
                    owner_name=input.owner_name,
                    discount_percent=input.discount_percent,
                    may_pay_by_invoice=input.may_pay_by_invoice,
                ),
                public_url=info.context.settings.public_url,
            )
        except DomainError as error:
            return CreateResellerPayload(user_errors=user_errors(error))
        return CreateResellerPayload(reseller=Reseller.from_row(row))

    @strawberry.mutation(
        description="Change a reseller's discount, invoice permission or status.",
        extensions=access(Permission.RESELLERS_MANAGE),
    )
    async def update_reseller(
        self, info: Info, input: UpdateResellerInput
    ) -> UpdateResellerPayload:
        try:
            row = await resellers.update_reseller(
                actor=info.context.actor,
                reseller_id=local_id(
                    input.reseller_id, "Reseller", what="reseller", field="reseller_id"
                )
                or 0,
                terms=resellers.ResellerTerms(
                    discount_percent=input.discount_percent,
                    may_pay_by_invoice=input.may_pay_by_invoice,
                    status=input.status,
                ),
            )
        except DomainError as error:
            return UpdateResellerPayload(user_errors=user_errors(error))
        return UpdateResellerPayload(reseller=Reseller.from_row(row))
