"""The vendor's partner administration: creating resellers, their terms and their status."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend.accounts import validation
from backend.accounts.models import Employee, Reseller, ResellerStatus
from backend.audit.services import diff, record
from backend.errors import DomainError, ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.identity.roles import Permission, Role
from backend.identity.set_password import invite
from backend.money import hundredths

NAME_TAKEN = "Another reseller already has this name."


def percent_to_basis_points(value: Decimal, field: str = "discount_percent") -> int:
    """``Decimal("12.5")`` → 1250; at most two decimals, between 0 and 100."""
    scaled = hundredths(value)
    if scaled is None:
        raise DomainError(
            ErrorKind.INVALID, "Use a percentage with at most two decimals.", field=field
        )
    if not 0 <= scaled <= 10000:
        raise DomainError(ErrorKind.INVALID, "A discount is between 0 and 100%.", field=field)
    return scaled


@dataclass(frozen=True, slots=True)
class NewReseller:
    name: str
    owner_email: str
    owner_name: str
    discount_percent: Decimal = Decimal(0)
    may_pay_by_invoice: bool = False


async def create_reseller(*, actor: Actor, new: NewReseller, public_url: str) -> Reseller:
    """The account, its owner (a login without a password yet) and the owner's invitation."""
    actor.require(Permission.RESELLERS_MANAGE)
    problems = Problems()
    name = validation.text(problems, new.name, "name", limit=200, required=True)
    owner_name = validation.text(problems, new.owner_name, "owner_name", limit=200, required=True)
    owner_email = validation.email(problems, new.owner_email, "owner_email")
    try:
        discount_bps = percent_to_basis_points(new.discount_percent)
    except DomainError as error:
        problems.found.extend(error.problems)
        discount_bps = 0
    problems.raise_if_any()
    async with in_transaction():
        if await Reseller.filter(name=name).exists():
            raise DomainError(ErrorKind.CONFLICT, NAME_TAKEN, field="name")
        if await User.filter(email=owner_email).exists():
            raise DomainError(
                ErrorKind.CONFLICT,
                "This email already has a login to Partner Portal.",
                field="owner_email",
            )
        try:
            reseller = await Reseller.create(
                name=name,
                discount_bps=discount_bps,
                may_pay_by_invoice=new.may_pay_by_invoice,
                contact_name=owner_name,
                billing_email=owner_email,
            )
            owner = await User.create(
                email=owner_email, name=owner_name, role=Role.RESELLER_OWNER, reseller=reseller
            )
        except IntegrityError:  # a concurrent creation took the name or the email meanwhile
            raise DomainError(
                ErrorKind.CONFLICT,
                "Another reseller or login was just created with this name or email.",
                field="name",
            ) from None
        await Employee.create(reseller=reseller, name=owner_name, email=owner_email, user=owner)
        await invite(owner, public_url=public_url, invited_by=actor.label, reseller_name=name)
        await record(
            actor,
            "reseller.create",
            reseller_id=reseller.id,
            target=reseller,
            target_label=name,
            changes={
                "owner_email": owner_email,
                "discount_bps": discount_bps,
                "may_pay_by_invoice": new.may_pay_by_invoice,
            },
        )
    return reseller


@dataclass(frozen=True, slots=True)
class ResellerTerms:
    discount_percent: Decimal | None = None
    may_pay_by_invoice: bool | None = None
    status: ResellerStatus | None = None


async def update_reseller(*, actor: Actor, reseller_id: int, terms: ResellerTerms) -> Reseller:
    actor.require(Permission.RESELLERS_MANAGE)
    values: dict[str, object] = {}
    if terms.discount_percent is not None:
        values["discount_bps"] = percent_to_basis_points(terms.discount_percent)
    if terms.may_pay_by_invoice is not None:
        values["may_pay_by_invoice"] = terms.may_pay_by_invoice
    if terms.status is not None:
        values["status"] = terms.status
    async with in_transaction():
        reseller = await actor.scope(Reseller).select_for_update().get_or_none(id=reseller_id)
        if reseller is None:
            raise not_found("reseller", "reseller_id")
        changed = diff({k: getattr(reseller, k) for k in values}, values)
        if changed:
            reseller.update_from_dict(values)
            await reseller.save(update_fields=[*changed, "updated_at"])
            await record(
                actor,
                "reseller.update",
                reseller_id=reseller.id,
                target=reseller,
                target_label=reseller.name,
                changes=changed,
            )
    return reseller
