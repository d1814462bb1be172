"""Assigning a license: new and known customers, what is refused, the emails and the audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from backend import clock
from backend.accounts.models import ResellerStatus
from backend.audit.models import AuditEvent
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.identity.models import SetPasswordToken, TokenPurpose, User
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.assignment import assign_license
from backend.licensing.models import License, LicenseStatus
from tests.commerce.conftest import Shop
from tests.identity.factories import make_reseller, make_user
from tests.licensing.assigning import (
    MAIL,
    PERSONAL,
    PUBLIC_URL,
    buy,
    emails,
    one,
)

NOW = datetime(2026, 5, 4, 10, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: NOW)


async def assign(
    actor: Actor, key: str, email: str = "pat@customer.example", name: str = ""
) -> tuple[License, User, bool]:
    assigned = await assign_license(
        actor=actor, license_key=key, email=email, name=name, public_url=PUBLIC_URL
    )
    return assigned.license, assigned.customer, assigned.customer_created


def problems(error: pytest.ExceptionInfo[DomainError]) -> list[tuple[ErrorKind, tuple[str, ...]]]:
    return [(p.kind, p.field or ()) for p in error.value.problems]


async def test_a_new_customer_gets_an_account_without_password_and_a_link(shop: Shop) -> None:
    # given
    license = await one(shop)

    # when
    assigned, customer, created = await assign(shop.actor, license.key, name="Pat Smith")

    # then the customer is a global login of its own, without a password yet
    assert created is True
    assert (customer.email, customer.name, customer.role) == (
        "pat@customer.example",
        "Pat Smith",
        Role.CUSTOMER,
    )
    assert customer.reseller_id is None and customer.password_hash is None
    # and the license is assigned to it, now
    stored = await License.get(id=license.id)
    assert (stored.customer_id, stored.assigned_at, stored.status) == (
        customer.id,
        NOW,
        LicenseStatus.ASSIGNED,
    )
    assert (assigned.customer_id, assigned.assigned_at) == (customer.id, NOW)
    # and it is mailed the key, its username and a one-time link
    [mail] = await emails("license_assigned_new_account")
    assert mail.recipients == ["pat@customer.example"]
    assert (
        mail.subject == "Your SmarterMail license from Acme Hosting and your Partner Portal account"
    )
    [token] = await SetPasswordToken.filter(user_id=customer.id)
    assert token.purpose is TokenPurpose.NEW_CUSTOMER and token.used_at is None
    for body in (mail.text_body, mail.html_body):
        assert license.key in body
        assert "pat@customer.example" in body
        assert f"{PUBLIC_URL}/set-password?token=" in body
        assert "Exchange ActiveSync" in body and "Enterprise" in body and "250" in body
        assert "4 May 2027" in body  # M&S, 12 months from the purchase
        assert token.token_hash not in body
    assert await emails("license_assigned") == []


async def test_a_known_customer_gets_the_key_and_keeps_its_name(shop: Shop) -> None:
    # given a customer of another reseller's license
    known = await make_user(Role.CUSTOMER, email="pat@customer.example", name="Pat Smith")
    license = await one(shop)

    # when
    _, customer, created = await assign(shop.actor, license.key, name="Somebody Else")

    # then
    assert created is False
    assert customer.id == known.id
    assert (await User.get(id=known.id)).name == "Pat Smith"
    [mail] = await emails("license_assigned")
    assert mail.recipients == ["pat@customer.example"]
    assert mail.subject == "Your SmarterMail license from Acme Hosting"
    assert license.key in mail.text_body and f"{PUBLIC_URL}/login" in mail.text_body
    assert "set-password" not in mail.text_body + mail.html_body
    assert await SetPasswordToken.filter(user_id=known.id).count() == 0
    assert await emails("license_assigned_new_account") == []


async def test_a_known_customer_without_a_name_gets_the_one_given(shop: Shop) -> None:
    known = await make_user(Role.CUSTOMER, email="pat@customer.example")
    await User.filter(id=known.id).update(name="")
    license = await one(shop)

    await assign(shop.actor, license.key, name="  Pat Smith ")

    assert (await User.get(id=known.id)).name == "Pat Smith"


async def test_the_email_and_key_are_taken_as_people_type_them(shop: Shop) -> None:
    license = await one(shop)

    typed = f"  {license.key.replace('-', '').lower()} "
    _, customer, _ = await assign(shop.actor, typed, email="  Pat@Customer.EXAMPLE ")

    assert customer.email == "pat@customer.example"
    assert (await License.get(id=license.id)).customer_id == customer.id


async def test_the_reseller_is_notified_when_it_wants_to_be(shop: Shop) -> None:
    # given
    first, second = await buy(shop.actor, replace(MAIL, quantity=2))

    # when notices are on, then off
    await assign(shop.actor, first.key)
    shop.reseller.notify_license_assigned = False
    await shop.reseller.save()
    await assign(shop.actor, second.key, email="sam@customer.example")

    # then only the first assignment was notified, to the billing address
    [notice] = await emails("license_assigned_notice")
    assert notice.recipients == ["billing@acme.example"]
    assert notice.subject == f"License {first.key} assigned to pat@customer.example"
    assert "a new customer" in notice.text_body
    assert shop.purchaser.name in notice.text_body


async def test_an_assignment_is_audited(shop: Shop) -> None:
    license = await one(shop)

    await assign(shop.actor, license.key)

    [event] = await AuditEvent.filter(action="license.assigned")
    assert (event.reseller_id, event.target_type, event.target_id, event.target_label) == (
        shop.reseller.id,
        "License",
        str(license.id),
        license.key,
    )
    assert event.changes == {
        "customer": [None, "pat@customer.example"],
        "customer_created": [None, True],
    }
    assert event.actor_label == shop.purchaser.email


async def test_an_api_key_of_a_purchaser_may_assign(shop: Shop) -> None:
    license = await one(shop)
    api_key = Actor(
        role=Role.RESELLER_PURCHASER, api_key_id=1, reseller_id=shop.reseller.id, label="pp_x"
    )

    _, customer, _ = await assign(api_key, license.key)

    assert (await License.get(id=license.id)).customer_id == customer.id


async def test_an_assignment_is_final(shop: Shop) -> None:
    # given
    license = await one(shop)
    await assign(shop.actor, license.key)

    # when
    with pytest.raises(DomainError) as error:
        await assign(shop.actor, license.key, email="sam@customer.example")

    # then
    assert problems(error) == [(ErrorKind.CONFLICT, ("license_key",))]
    assert str(error.value) == (
        "This license is already assigned to pat@customer.example and cannot be re-assigned."
    )
    assert not await User.exists(email="sam@customer.example")
    assert len(await emails()) == 2  # the first assignment's email and notice only


async def test_a_personal_license_is_not_for_resale(shop: Shop) -> None:
    [license] = await buy(shop.actor, PERSONAL)

    with pytest.raises(DomainError) as error:
        await assign(shop.actor, license.key)

    assert problems(error) == [(ErrorKind.INVALID, ("license_key",))]
    assert "personal license" in str(error.value)
    assert not await User.exists(email="pat@customer.example")
    assert await emails() == []


@pytest.mark.parametrize(
    "key",
    ["ABCDEF-ABCDEF-ABCDEF-ABCDEF-ABCDEF-ABCDEF", "nonsense", "", "X" * 500],
    ids=["no such key", "not a key", "empty", "too long"],
)
async def test_a_missing_or_malformed_key_is_not_found(shop: Shop, key: str) -> None:
    with pytest.raises(DomainError) as error:
        await assign(shop.actor, key)

    assert problems(error) == [(ErrorKind.NOT_FOUND, ("license_key",))]
    assert str(error.value) == "No such license."


async def test_another_resellers_license_is_not_found(shop: Shop) -> None:
    # given a license of another reseller
    other = await make_reseller(
        may_pay_by_invoice=True,
        address_line1="2 Side St",
        city="Shelbyville",
        country="US",
        billing_email="b@other.example",
    )
    [theirs] = await buy(actor_for(await make_user(Role.RESELLER_PURCHASER, other)))

    # when our purchaser names its key
    with pytest.raises(DomainError) as error:
        await assign(shop.actor, theirs.key)

    # then it is answered like a missing one, and nothing changed
    assert problems(error) == [(ErrorKind.NOT_FOUND, ("license_key",))]
    assert str(error.value) == "No such license."
    assert (await License.get(id=theirs.id)).customer_id is None


@pytest.mark.parametrize(
    "role", [Role.RESELLER_OWNER, Role.RESELLER_BILLING, Role.VENDOR_ADMIN], ids=str
)
async def test_a_staff_login_is_not_a_customer(shop: Shop, role: Role) -> None:
    # given a login that is not a customer's
    reseller = shop.reseller if role.is_reseller_role else None
    staff = await make_user(role, reseller, email="staff@acme.example")
    license = await one(shop)

    # when
    with pytest.raises(DomainError) as error:
        await assign(shop.actor, license.key, email="Staff@Acme.example")

    # then
    assert problems(error) == [(ErrorKind.INVALID, ("email",))]
    assert "staff@acme.example is the login of a partner's or the vendor's staff" in str(
        error.value
    )
    assert (await License.get(id=license.id)).customer_id is None
    assert (await User.get(id=staff.id)).role is role


@pytest.mark.parametrize("email", ["", "   ", "pat@", "not an email"])
async def test_the_email_must_be_an_address(shop: Shop, email: str) -> None:
    license = await one(shop)

    with pytest.raises(DomainError) as error:
        await assign(shop.actor, license.key, email=email)

    [(kind, field)] = problems(error)
    assert field == ("email",) and kind in (ErrorKind.REQUIRED, ErrorKind.INVALID)


async def test_inputs_are_checked_together(shop: Shop) -> None:
    with pytest.raises(DomainError) as error:
        await assign(shop.actor, "nonsense", email="pat@", name="x" * 201)

    assert problems(error) == [
        (ErrorKind.NOT_FOUND, ("license_key",)),
        (ErrorKind.INVALID, ("email",)),
        (ErrorKind.INVALID, ("name",)),
    ]


@pytest.mark.parametrize(
    "role", [Role.RESELLER_VIEWER, Role.RESELLER_BILLING, Role.VENDOR_ADMIN, Role.CUSTOMER]
)
async def test_roles_that_may_not_assign(shop: Shop, role: Role) -> None:
    license = await one(shop)
    caller = await make_user(role, shop.reseller if role.is_reseller_role else None)

    with pytest.raises(DomainError) as error:
        await assign(actor_for(caller), license.key)

    assert problems(error) == [(ErrorKind.PERMISSION_DENIED, ())]
    assert (await License.get(id=license.id)).customer_id is None


async def test_a_suspended_account_cannot_assign(shop: Shop) -> None:
    license = await one(shop)
    shop.reseller.status = ResellerStatus.SUSPENDED
    await shop.reseller.save()

    with pytest.raises(DomainError) as error:
        await assign(shop.actor, license.key)

    assert problems(error) == [(ErrorKind.PERMISSION_DENIED, ())]
