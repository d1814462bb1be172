"""The partner's own account: contact information and notification choices."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend.accounts import validation
from backend.accounts.models import Reseller
from backend.audit.services import diff, record
from backend.errors import DomainError, ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.roles import Permission


@dataclass(frozen=True, slots=True)
class AccountChanges:
    """The fields to change; None leaves a field as it is, "" clears a text field."""

    name: str | None = None
    contact_name: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    postal_code: str | None = None
    region: str | None = None
    country: str | None = None
    phone: str | None = None
    billing_email: str | None = None
    notify_invoice_created: bool | None = None
    notify_summary_invoice_created: bool | None = None
    notify_license_assigned: bool | None = None


TEXT_LIMITS = {
    "contact_name": 200,
    "address_line1": 200,
    "address_line2": 200,
    "city": 100,
    "postal_code": 20,
    "region": 100,
}


def clean(changes: AccountChanges) -> dict[str, Any]:
    """The given fields, checked and normalized; raises with every problem at once."""
    problems = Problems()
    values: dict[str, Any] = {}
    for field in fields(changes):
        value = getattr(changes, field.name)
        if value is None:
            continue
        if field.name == "name":
            value = validation.text(problems, value, "name", limit=200, required=True)
        elif field.name in TEXT_LIMITS:
            value = validation.text(problems, value, field.name, limit=TEXT_LIMITS[field.name])
        elif field.name == "country":
            value = validation.country(problems, value, "country")
        elif field.name == "phone":
            value = validation.phone(problems, value, "phone")
        elif field.name == "billing_email":
            value = validation.email(problems, value, "billing_email")
        values[field.name] = value
    problems.raise_if_any()
    return values


async def update_account(
    *, actor: Actor, reseller_id: int | None, changes: AccountChanges
) -> Reseller:
    actor.require(Permission.ACCOUNT_MANAGE)
    target = actor.target_reseller(reseller_id)
    values = clean(changes)
    async with in_transaction():
        reseller = await actor.scope(Reseller).select_for_update().get_or_none(id=target)
        if reseller is None:
            raise not_found("reseller", "reseller_id")
        before = {key: getattr(reseller, key) for key in values}
        changed = diff(before, values)
        if not changed:
            return reseller
        reseller.update_from_dict(values)
        try:
            await reseller.save(update_fields=[*changed, "updated_at"])
        except IntegrityError:
            raise DomainError(
                ErrorKind.CONFLICT, "Another reseller already has this name.", field="name"
            ) from None
        await record(
            actor,
            "account.update",
            reseller_id=reseller.id,
            target=reseller,
            target_label=reseller.name,
            changes=changed,
        )
    return reseller
