"""Mailing lists (product news, security advisories, billing notices) and who receives them."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from backend.accounts.models import Employee, MailingList, MailingListSubscription
from backend.audit.services import record
from backend.errors import DomainError, ErrorKind, not_found
from backend.identity.actor import Actor
from backend.identity.roles import Permission

DESCRIPTIONS = {
    MailingList.PRODUCT_NEWS: ("Product news", "New releases, features and offers."),
    MailingList.SECURITY_ADVISORIES: (
        "Security advisories",
        "Vulnerabilities and the updates that fix them.",
    ),
    MailingList.BILLING_NOTICES: (
        "Billing notices",
        "Price changes, payment reminders and billing announcements.",
    ),
}


async def set_subscription(
    *, actor: Actor, employee_id: int | None, mailing_list: MailingList, subscribed: bool
) -> Employee:
    """Subscribe or unsubscribe one person; anyone may change their own, owners anyone's."""
    actor.require(Permission.ACCOUNT_READ)
    async with in_transaction():
        if employee_id is None:
            employee = await actor.scope(Employee).get_or_none(user_id=actor.user_id or -1)
            if employee is None:
                raise DomainError(
                    ErrorKind.REQUIRED, "Name the person to subscribe.", field="employee_id"
                )
        else:
            employee = await actor.scope(Employee).get_or_none(id=employee_id)
            if employee is None:
                raise not_found("employee", "employee_id")
        if employee.user_id != actor.user_id or actor.user_id is None:
            actor.require(Permission.ACCOUNT_MANAGE)
        current = MailingListSubscription.filter(employee_id=employee.id, mailing_list=mailing_list)
        if subscribed:
            _, changed = await MailingListSubscription.get_or_create(
                reseller_id=employee.reseller_id, employee=employee, mailing_list=mailing_list
            )
        else:
            changed = await current.delete() > 0
        if not changed:
            return employee
        await record(
            actor,
            "mailing_list.subscribe" if subscribed else "mailing_list.unsubscribe",
            reseller_id=employee.reseller_id,
            target=employee,
            target_label=f"{employee.name} <{employee.email}>",
            changes={"mailing_list": mailing_list.value},
        )
    return employee
