"""Lines bought with ``assign_to_email`` are assigned at checkout, by the assignment's own code."""

from __future__ import annotations

from dataclasses import replace

import pytest

from backend.audit.models import AuditEvent
from backend.commerce import cart, checkout
from backend.commerce.models import Order, PaymentMethod
from backend.errors import DomainError, ErrorKind
from backend.identity.models import SetPasswordToken, User
from backend.identity.roles import Role
from backend.licensing.models import License, LicenseStatus
from tests.commerce.conftest import Shop
from tests.identity.factories import make_user
from tests.licensing.assigning import (
    MAIL,
    PUBLIC_URL,
    STATS,
    buy,
    emails,
)

FOR_PAT = replace(MAIL, quantity=2, assign_to_email="pat@customer.example")


async def test_the_lines_for_a_customer_are_assigned_and_mailed_once_per_line(
    shop: Shop,
) -> None:
    # when a purchase has a line of two licenses for a new customer and one without
    licenses = await buy(shop.actor, FOR_PAT, STATS)

    # then the checkout returns the first two assigned to the new customer
    customer = await User.get(email="pat@customer.example")
    assert customer.role is Role.CUSTOMER and customer.password_hash is None
    assert [lic.status for lic in licenses] == [
        LicenseStatus.ASSIGNED,
        LicenseStatus.ASSIGNED,
        LicenseStatus.UNASSIGNED,
    ]
    assert [lic.customer_id for lic in licenses] == [customer.id, customer.id, None]
    stored = await License.filter(id__in=[lic.id for lic in licenses]).order_by("id")
    assert [lic.customer_id for lic in stored] == [customer.id, customer.id, None]
    assert stored[0].assigned_at is not None and stored[0].assigned_at == stored[0].created_at
    # and the customer gets one email with both keys and its link
    [mail] = await emails("license_assigned_new_account")
    assert mail.recipients == ["pat@customer.example"]
    assert mail.subject.startswith("Your 2 licenses from Acme Hosting")
    assert all(lic.key in mail.text_body for lic in licenses[:2])
    assert licenses[2].key not in mail.text_body
    assert f"{PUBLIC_URL}/set-password?token=" in mail.text_body
    assert await SetPasswordToken.filter(user_id=customer.id).count() == 1
    # and the account one notice, and the audit log one event for the line
    [notice] = await emails("license_assigned_notice")
    assert notice.recipients == ["billing@acme.example"]
    [event] = await AuditEvent.filter(action="license.assigned")
    assert event.changes["customer"] == [None, "pat@customer.example"]
    assert event.changes["licenses"] == [None, 2]


async def test_a_cart_checkout_assigns_to_a_known_customer(shop: Shop) -> None:
    # given a known customer and a cart line for it
    known = await make_user(Role.CUSTOMER, email="pat@customer.example")
    await cart.add_new_license(
        actor=shop.actor, request=replace(MAIL, assign_to_email="Pat@Customer.example")
    )

    # when
    placed = await checkout.checkout(
        actor=shop.actor,
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key="cart",
        gateway=shop.gateway,
        public_url=PUBLIC_URL,
    )

    # then
    [license] = placed.licenses
    assert license.customer_id == known.id
    [mail] = await emails("license_assigned")
    assert license.key in mail.text_body and mail.recipients == ["pat@customer.example"]
    assert await emails("license_assigned_new_account") == []


async def test_two_lines_for_one_new_customer_create_it_once(shop: Shop) -> None:
    licenses = await buy(
        shop.actor, FOR_PAT, replace(STATS, assign_to_email="pat@customer.example")
    )

    [customer] = await User.filter(email="pat@customer.example")
    assert {lic.customer_id for lic in licenses} == {customer.id}
    # the first line's email brings the link, the second is the known customer's
    assert len(await emails("license_assigned_new_account")) == 1
    assert len(await emails("license_assigned")) == 1


async def test_a_line_for_a_staff_login_buys_nothing(shop: Shop) -> None:
    # given
    await make_user(Role.RESELLER_VIEWER, shop.reseller, email="viewer@acme.example")

    # when
    with pytest.raises(DomainError) as error:
        await buy(shop.actor, STATS, replace(MAIL, assign_to_email="viewer@acme.example"))

    # then
    [problem] = error.value.problems
    assert problem.kind is ErrorKind.INVALID
    assert problem.field == ("lines", "1", "assign_to_email")
    assert problem.message.startswith(
        "viewer@acme.example is the login of a partner's or the vendor's staff"
    )
    assert await Order.all().count() == 0
    assert await License.all().count() == 0
    assert await emails() == []


async def test_a_line_for_a_staff_login_is_refused_before_any_charge(shop: Shop) -> None:
    # given
    await make_user(Role.RESELLER_VIEWER, shop.reseller, email="viewer@acme.example")

    # when
    with pytest.raises(DomainError) as error:
        await checkout.purchase(
            actor=shop.actor,
            lines=[replace(MAIL, assign_to_email="viewer@acme.example")],
            payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
            idempotency_key="staff-line",
            gateway=shop.gateway,
            public_url=PUBLIC_URL,
        )

    # then
    assert [p.field for p in error.value.problems] == [("lines", "0", "assign_to_email")]
    assert shop.gateway._charges == {} and shop.gateway.refunded == []
    assert await Order.all().count() == 0


async def test_a_checkout_that_assigns_nothing_needs_no_public_url(shop: Shop) -> None:
    licenses = await buy(shop.actor, STATS, public_url=None)

    assert [lic.customer_id for lic in licenses] == [None]
    assert await emails() == []
