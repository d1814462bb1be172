"""A reseller's people: employees with a login and a role, or contacts without one.

Giving someone a login creates a user without a password and mails them an invitation with a
one-time link to choose one. Every account keeps at least one owner.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts import validation
from backend.accounts.models import Employee, Reseller
from backend.audit.services import record
from backend.errors import DomainError, ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.models import SetPasswordToken, User
from backend.identity.roles import RESELLER_ROLES, Permission, Role
from backend.identity.sessions import revoke_sessions
from backend.identity.set_password import invite

LAST_OWNER = "The account needs at least one owner with a login."


@dataclass(frozen=True, slots=True)
class EmployeeDetails:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    job_title: str | None = None


def _clean(details: EmployeeDetails, *, creating: bool) -> dict[str, str]:
    problems = Problems()
    values: dict[str, str] = {}
    if details.name is not None or creating:
        values["name"] = validation.text(
            problems, details.name or "", "name", limit=200, required=True
        )
    if details.email is not None or creating:
        values["email"] = validation.email(problems, details.email or "", "email")
    if details.phone is not None:
        values["phone"] = validation.phone(problems, details.phone, "phone")
    if details.job_title is not None:
        values["job_title"] = validation.text(problems, details.job_title, "job_title", limit=100)
    problems.raise_if_any()
    return values


def _email_taken() -> DomainError:
    return DomainError(
        ErrorKind.CONFLICT, "This account already has a person with this email.", field="email"
    )


def _check_role(role: Role | None) -> None:
    if role is not None and role not in RESELLER_ROLES:
        allowed = ", ".join(r.label for r in sorted(RESELLER_ROLES))
        raise DomainError(
            ErrorKind.INVALID, f"An employee's role is one of: {allowed}.", field="role"
        )


async def add_employee(
    *,
    actor: Actor,
    reseller_id: int | None,
    details: EmployeeDetails,
    role: Role | None,
    public_url: str,
) -> Employee:
    """Add a person; with a ``role`` they get a login and an invitation by email."""
    actor.require(Permission.ACCOUNT_MANAGE)
    target = actor.target_reseller(reseller_id)
    values = _clean(details, creating=True)
    _check_role(role)
    async with in_transaction():
        reseller = await actor.scope(Reseller).get_or_none(id=target)
        if reseller is None:
            raise not_found("reseller", "reseller_id")
        if await Employee.filter(reseller_id=target, email=values["email"]).exists():
            raise _email_taken()
        try:
            employee = Employee(reseller=reseller, **values)
            await employee.save()
        except IntegrityError:
            raise _email_taken() from None
        if role is not None:
            await _grant_login(actor, employee, reseller, role, public_url=public_url)
        await record(
            actor,
            "employee.add",
            reseller_id=target,
            target=employee,
            target_label=f"{employee.name} <{employee.email}>",
            changes={**values, "role": role.value if role else None},
        )
    return employee


async def update_employee(
    *,
    actor: Actor,
    employee_id: int,
    details: EmployeeDetails,
    role: Role | None,
    remove_login: bool,
    public_url: str,
) -> Employee:
    """Change a person's details; give them a login (``role``), change it, or take it away."""
    actor.require(Permission.ACCOUNT_MANAGE)
    values = _clean(details, creating=False)
    _check_role(role)
    if role is not None and remove_login:
        raise DomainError(
            ErrorKind.INVALID,
            "Either change the role or remove the login, not both.",
            field="remove_login",
        )
    async with in_transaction():
        employee = await _load(actor, employee_id)
        user = employee.user if employee.user and employee.user.is_active else None
        if "email" in values and values["email"] != employee.email and user is not None:
            raise DomainError(
                ErrorKind.CONFLICT,
                "The email of someone with a login is their username and cannot change.",
                field="email",
            )
        changes = {
            k: [getattr(employee, k), v] for k, v in values.items() if getattr(employee, k) != v
        }
        employee.update_from_dict(values)
        try:
            await employee.save()
        except IntegrityError:
            raise _email_taken() from None
        if role is not None and (user is None or user.role is not role):
            changes["role"] = [user.role.value if user else None, role.value]
            if user is None:
                await _grant_login(actor, employee, employee.reseller, role, public_url=public_url)
            else:
                if user.id == actor.user_id and role is not Role.RESELLER_OWNER:
                    raise DomainError(
                        ErrorKind.CONFLICT, "You cannot change your own role.", field="role"
                    )
                user.role = role
                await user.save(update_fields=["role"])
        if remove_login and user is not None:
            if user.id == actor.user_id:
                raise DomainError(
                    ErrorKind.CONFLICT, "You cannot remove your own login.", field="remove_login"
                )
            changes["role"] = [user.role.value, None]
            await _disable_login(user)
        await _check_an_owner_remains(employee.reseller_id)
        if changes:
            await record(
                actor,
                "employee.update",
                reseller_id=employee.reseller_id,
                target=employee,
                target_label=f"{employee.name} <{employee.email}>",
                changes=changes,
            )
    return employee


async def remove_employee(*, actor: Actor, employee_id: int) -> Employee:
    actor.require(Permission.ACCOUNT_MANAGE)
    async with in_transaction():
        employee = await _load(actor, employee_id)
        if employee.user_id is not None and employee.user_id == actor.user_id:
            raise DomainError(
                ErrorKind.CONFLICT, "You cannot remove yourself.", field="employee_id"
            )
        if employee.user is not None:
            await _disable_login(employee.user)
        await record(
            actor,
            "employee.remove",
            reseller_id=employee.reseller_id,
            target=employee,
            target_label=f"{employee.name} <{employee.email}>",
        )
        await employee.delete()
        await _check_an_owner_remains(employee.reseller_id)
    return employee


async def resend_invitation(*, actor: Actor, employee_id: int, public_url: str) -> Employee:
    """A new invitation for someone who has not chosen a password yet; the old link stops."""
    actor.require(Permission.ACCOUNT_MANAGE)
    async with in_transaction():
        employee = await _load(actor, employee_id)
        user = employee.user
        if user is None or not user.is_active or user.password_hash is not None:
            raise DomainError(
                ErrorKind.CONFLICT,
                "Only someone invited who has not chosen a password yet can be invited again.",
                field="employee_id",
            )
        await SetPasswordToken.filter(user_id=user.id, used_at__isnull=True).update(
            used_at=clock.now()
        )
        await invite(
            user,
            public_url=public_url,
            invited_by=actor.label,
            reseller_name=employee.reseller.name,
        )
        await record(
            actor,
            "employee.reinvite",
            reseller_id=employee.reseller_id,
            target=employee,
            target_label=f"{employee.name} <{employee.email}>",
        )
    return employee


async def _load(actor: Actor, employee_id: int) -> Employee:
    """The employee, after locking its account: changes to one account's people are serial
    (on PostgreSQL by the row lock, on SQLite by its single writer), so two owners cannot each
    demote the other."""
    found = await actor.scope(Employee).get_or_none(id=employee_id).only("id", "reseller_id")
    if found is None:
        raise not_found("employee", "employee_id")
    await Reseller.filter(id=found.reseller_id).select_for_update().only("id").first()
    employee = await Employee.get_or_none(id=employee_id).select_related("user", "reseller")
    if employee is None:  # removed meanwhile
        raise not_found("employee", "employee_id")
    return employee


async def _grant_login(
    actor: Actor, employee: Employee, reseller: Reseller, role: Role, *, public_url: str
) -> User:
    existing = await User.get_or_none(email=employee.email)
    if existing is not None and not (
        existing.reseller_id == reseller.id and not existing.is_active
    ):
        raise DomainError(
            ErrorKind.CONFLICT,
            "This email already has a login to Partner Portal.",
            field="email",
        )
    if existing is None:
        user = await User.create(
            email=employee.email, name=employee.name, role=role, reseller=reseller
        )
    else:  # a former login of this account comes back with a fresh password
        user = existing
        user.update_from_dict(
            {"role": role, "is_active": True, "password_hash": None, "name": employee.name}
        )
        await user.save()
    employee.user = user
    await employee.save(update_fields=["user_id", "updated_at"])
    await invite(user, public_url=public_url, invited_by=actor.label, reseller_name=reseller.name)
    return user


async def _disable_login(user: User) -> None:
    user.is_active = False
    await user.save(update_fields=["is_active"])
    await revoke_sessions(user.id)


async def _check_an_owner_remains(reseller_id: int) -> None:
    owners = await User.filter(
        reseller_id=reseller_id, role=Role.RESELLER_OWNER, is_active=True
    ).count()
    if owners == 0:
        raise DomainError(ErrorKind.CONFLICT, LAST_OWNER, field="role")
