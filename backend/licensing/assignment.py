"""Assigning licenses to customers: for good, and exactly once per license.

A customer is a global ``User`` with the CUSTOMER role and no reseller, found by its email or
created without a password (it is mailed a one-time link to choose one). The assignment itself is
a conditional update (``customer_id IS NULL``), so of concurrent attempts on one license exactly
one changes the row, on SQLite and PostgreSQL alike; the others roll back, together with any
customer they created. Two attempts creating the same customer at once collide on the unique
email: the loser's transaction is retried and then finds the customer.

``assign_license`` is the ``assignLicense`` mutation; ``assign_at_checkout`` does the same for the
lines of an order bought with ``assign_to_email``, inside the checkout's transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend import clock
from backend.accounts import validation
from backend.accounts.models import Reseller, ResellerStatus
from backend.audit.services import record
from backend.catalog.services import Catalog, load_catalog
from backend.commerce.models import OrderLine
from backend.errors import DomainError, ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.identity.roles import Permission, Role
from backend.licensing.assignment_emails import notify, summaries
from backend.licensing.keys import is_key, normalize_key
from backend.licensing.models import License
from backend.webhooks import events as webhooks
from backend.webhooks.models import EventType

ATTEMPTS = 4
"""Tries of an assignment's transaction: a concurrent creation of the same customer fails it on
the unique email, and the next try finds that customer."""
MAX_KEY_INPUT = 100
NAME_LIMIT = 200  # User.name


@dataclass(frozen=True, slots=True)
class Assigned:
    license: License
    customer: User
    customer_created: bool
    """True when the assignment created the customer's account."""


async def assign_license(
    *, actor: Actor, license_key: str, email: str, name: str = "", public_url: str
) -> Assigned:
    """Assign one of the caller's licenses to the customer with ``email`` (created if new)."""
    actor.require(Permission.LICENSES_ASSIGN)
    problems = Problems()
    key = normalize_key(license_key[:MAX_KEY_INPUT])
    if not is_key(key):  # not a key: answered like a missing license
        problems.found.extend(not_found("license", "license_key").problems)
    email = validation.email(problems, email, "email")
    name = validation.text(problems, name, "name", limit=NAME_LIMIT)
    problems.raise_if_any()
    catalog = await load_catalog()
    for attempt in range(1, ATTEMPTS + 1):
        try:
            async with in_transaction():
                return await _assign(
                    actor=actor,
                    key=key,
                    email=email,
                    name=name,
                    catalog=catalog,
                    public_url=public_url,
                )
        except IntegrityError:
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


async def _assign(
    *, actor: Actor, key: str, email: str, name: str, catalog: Catalog, public_url: str
) -> Assigned:
    license = await actor.scope(License).get_or_none(key=key)
    if license is None:
        raise not_found("license", "license_key")
    if license.personal:
        raise DomainError(
            ErrorKind.INVALID,
            "This is a personal license, for your account's own use: it cannot be assigned "
            "to a customer.",
            field="license_key",
        )
    if license.customer_id is not None:
        raise await _already_assigned(license.id)
    reseller = await Reseller.get(id=license.reseller_id)
    if reseller.status is not ResellerStatus.ACTIVE:
        raise DomainError(ErrorKind.PERMISSION_DENIED, "This reseller account is suspended.")
    customer, created = await find_or_create_customer(email=email, name=name, field="email")
    now = clock.now()
    if await _mark_assigned([license.id], customer=customer, now=now) != 1:
        raise await _already_assigned(license.id)
    license.customer_id, license.assigned_at = customer.id, now
    [summary] = await summaries([license], catalog)
    await notify(
        reseller=reseller,
        customer=customer,
        created=created,
        licenses=[summary],
        public_url=public_url,
        assigned_by=actor.name or actor.label,
    )
    await record(
        actor,
        "license.assigned",
        reseller_id=license.reseller_id,
        target=license,
        target_label=license.key,
        changes={"customer": [None, customer.email], "customer_created": [None, created]},
    )
    await webhooks.licenses_event(EventType.LICENSE_ASSIGNED, license.reseller_id, [license.id])
    return Assigned(license=license, customer=customer, customer_created=created)


async def assign_at_checkout(
    *,
    actor: Actor,
    reseller: Reseller,
    lines: Sequence[OrderLine],
    licenses: Sequence[License],
    catalog: Catalog,
    now: datetime,
    public_url: str | None,
) -> None:
    """Assign the licenses of the order lines bought with ``assign_to_email``, inside the
    checkout's transaction: the same customers, conditional update and emails as
    ``assign_license``, with one email per line listing all its keys.

    ``public_url`` (where the emails' links point) is needed only when a line assigns.
    """
    by_line: dict[int, list[License]] = defaultdict(list)
    for license in licenses:
        by_line[license.order_line_id].append(license)
    assigning = [line for line in lines if line.assign_to_email and by_line[line.id]]
    if not assigning:
        return
    if public_url is None:
        raise ValueError("assigning licenses at checkout needs the public URL for the emails")
    for line in assigning:
        email = line.assign_to_email
        assert email is not None
        line_licenses = by_line[line.id]
        try:
            customer, created = await find_or_create_customer(email=email, name="", field=None)
        except DomainError as error:
            raise DomainError(
                ErrorKind.INVALID,
                f"Line {line.position} ({line.description}): {error.problems[0].message}",
            ) from None
        ids = [license.id for license in line_licenses]
        if await _mark_assigned(ids, customer=customer, now=now) != len(ids):
            raise AssertionError("licenses issued in this transaction were already assigned")
        for license in line_licenses:
            license.customer_id, license.assigned_at = customer.id, now
        await notify(
            reseller=reseller,
            customer=customer,
            created=created,
            licenses=await summaries(line_licenses, catalog),
            public_url=public_url,
            assigned_by=actor.name or actor.label,
        )
        await record(
            actor,
            "license.assigned",
            reseller_id=reseller.id,
            target=line_licenses[0] if len(line_licenses) == 1 else line,
            target_label=", ".join(license.key for license in line_licenses)[:300],
            changes={
                "customer": [None, customer.email],
                "customer_created": [None, created],
                "licenses": [None, len(line_licenses)],
            },
        )
    assigned = [license.id for line in assigning for license in by_line[line.id]]
    await webhooks.licenses_event(EventType.LICENSE_ASSIGNED, reseller.id, assigned)


async def check_assignees(
    emails: Sequence[tuple[tuple[str, ...], str]], problems: Problems
) -> None:
    """Note each address (with its field) that cannot receive licenses: a staff login or a closed
    customer account. Checkout calls it before charging; one query for all the addresses."""
    wanted = {email for _, email in emails}
    if not wanted:
        return
    users = {user.email: user for user in await User.filter(email__in=sorted(wanted))}
    for field, email in emails:
        user = users.get(email)
        if user is not None:
            try:
                _check_customer(user, field=None)
            except DomainError as error:
                problems.add(ErrorKind.INVALID, error.problems[0].message, field)


def _check_customer(user: User, *, field: str | None) -> None:
    if user.role is not Role.CUSTOMER:
        raise DomainError(
            ErrorKind.INVALID,
            f"{user.email} is the login of a partner's or the vendor's staff, not of a "
            "customer: licenses are assigned to customers only. Use the customer's own address.",
            field=field,
        )
    if not user.is_active:
        raise DomainError(
            ErrorKind.INVALID,
            f"The customer account of {user.email} is closed: licenses cannot be assigned to it.",
            field=field,
        )


async def find_or_create_customer(*, email: str, name: str, field: str | None) -> tuple[User, bool]:
    """The customer with this (normalised) email, or a new one without a password; inside the
    caller's transaction. A concurrent creation of the same email raises ``IntegrityError``."""
    user = await User.get_or_none(email=email)
    if user is None:
        user = await User.create(
            email=email, name=name, role=Role.CUSTOMER, reseller_id=None, password_hash=None
        )
        return user, True
    _check_customer(user, field=field)
    if name and not user.name:
        user.name = name
        await user.save(update_fields=["name"])
    return user, False


async def _mark_assigned(license_ids: Sequence[int], *, customer: User, now: datetime) -> int:
    """The assignment proper: how many of the licenses were still unassigned and now are not."""
    return await License.filter(id__in=list(license_ids), customer_id__isnull=True).update(
        customer_id=customer.id, assigned_at=now
    )


async def _already_assigned(license_id: int) -> DomainError:
    emails = await License.filter(id=license_id).values_list("customer__email", flat=True)
    whom = f" to {emails[0]}" if emails and emails[0] else ""
    return DomainError(
        ErrorKind.CONFLICT,
        f"This license is already assigned{whom} and cannot be re-assigned.",
        field="license_key",
    )
