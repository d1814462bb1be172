"""Modifying licenses through the cart, checkout and purchase: upgrades, add-ons, M&S renewal and
reinstatement, applied to the license at checkout exactly once.

Licenses are bought on 1 March 2026 at 09:30 UTC (M&S until 1 March 2027); the clock then moves.
Sample prices: SmarterMail Professional 250 $399, Enterprise 1000 $1,249; Cyren Antispam $150 a
year at 250, $450 at 1000; Exchange ActiveSync $250 at 250, $800 at 1000. The shop's reseller
has 20% off.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from backend import clock
from backend.audit.models import AuditEvent
from backend.commerce import cart, checkout
from backend.commerce.cart import (
    LicenseUpgradeRequest,
    LineChanges,
    MaintenanceRequest,
    NewLicenseRequest,
)
from backend.commerce.models import CartLine, LineKind, Order, OrderLine, PaymentMethod
from backend.commerce.modification_pricing import Upgrade
from backend.errors import DomainError, ErrorKind
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.models import License, LicenseAddon
from backend.licensing.modifying import apply_changes, planned_changes
from backend.notifications.models import OutboxMessage
from backend.payments.gateway import Charge, SandboxGateway
from tests.commerce.conftest import Shop
from tests.identity.factories import make_reseller, make_user

MARCH = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
EXPIRY = datetime(2027, 3, 1, 9, 30, tzinfo=UTC)
SEPTEMBER = datetime(2026, 9, 1, 9, 30, tzinfo=UTC)
"""181 of the M&S year's 365 days left."""
PRO_250 = NewLicenseRequest("smartermail", "professional", "250", ("cyren-antispam",))


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The clock, at 1 March 2026 until a test moves it."""
    moment = Clock(MARCH)
    monkeypatch.setattr(clock, "now", lambda: moment.now)
    return moment


class RecordingGateway(SandboxGateway):
    def __init__(self) -> None:
        super().__init__()
        self.charges: list[Charge] = []

    async def charge(self, **arguments: Any) -> Charge:
        made = await super().charge(**arguments)
        self.charges.append(made)
        return made


async def bought(shop: Shop, request: NewLicenseRequest = PRO_250) -> License:
    """A license the shop's reseller bought (on invoice) at the clock's time."""
    placed = await checkout.purchase(
        actor=shop.actor,
        lines=[request],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key=f"bought-{await Order.all().count()}",
        gateway=shop.gateway,
    )
    [license] = placed.licenses
    return license


async def check_out(shop: Shop, *, key: str = "order-1", actor: Any = None) -> checkout.Placed:
    return await checkout.checkout(
        actor=actor or shop.actor,
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key=key,
        gateway=shop.gateway,
    )


async def addon_codes(license: License) -> list[str]:
    return sorted(
        await LicenseAddon.filter(license_id=license.id).values_list("addon__code", flat=True)
    )


def problems_of(error: DomainError) -> list[tuple[ErrorKind, tuple[str, ...] | None]]:
    return [(problem.kind, problem.field) for problem in error.problems]


# --- upgrades ------------------------------------------------------------------------------


async def test_an_upgrade_costs_the_difference_and_checkout_applies_it(
    shop: Shop, today: Clock
) -> None:
    # given Professional 250 with Cyren Antispam, bought in March
    license = await bought(shop)
    today.now = SEPTEMBER
    gateway = shop.gateway = RecordingGateway()

    # when it is upgraded to Enterprise 1000 with ActiveSync in September
    row = await cart.add_license_upgrade(
        actor=shop.actor,
        request=LicenseUpgradeRequest(
            license.key.lower().replace("-", ""), "enterprise", "1000", ("activesync",)
        ),
    )

    # then the cart line costs $850 + Antispam's $300 more and ActiveSync's $800 for 181/365 days
    assert (row.kind, row.license_id, row.quantity, row.years) == (
        LineKind.UPGRADE,
        license.id,
        1,
        None,
    )
    [line] = (await cart.load_cart(actor=shop.actor)).lines
    assert (line.kind, line.years, line.problem) == (LineKind.UPGRADE, None, None)
    assert line.license is not None
    assert (line.license.id, line.license.revision) == (license.id, 1)
    assert line.price.unit_price == 85_000 + 14_877 + 39_671
    assert (line.price.discount, line.price.total) == (27_910, 111_638)
    assert line.item.description == (
        "SmarterMail Professional, 250 mailboxes → Enterprise, 1000 mailboxes, Cyren Antispam at "
        "1000 mailboxes, + Exchange ActiveSync (prorated to 2027-03-01); key " + license.key
    )

    # when checked out
    placed = await check_out(shop)

    # then the charge is the line's, and the license changed with a new revision
    assert [charge.amount_cents for charge in gateway.charges] == [111_638]
    assert placed.licenses == []
    changed = await License.get(id=license.id).prefetch_related("edition", "tier")
    assert (changed.edition.code, changed.tier.code, changed.revision) == ("enterprise", "1000", 2)
    assert changed.maintenance_expires_at == EXPIRY
    assert await addon_codes(license) == ["activesync", "cyren-antispam"]
    # and the order line says what was bought and how the license changed
    order_line = await OrderLine.get(order_id=placed.order.id)
    assert (order_line.kind, order_line.license_id, order_line.years) == (
        LineKind.UPGRADE,
        license.id,
        None,
    )
    assert order_line.addon_codes == ["activesync"]
    assert order_line.change == {
        "before": {
            "edition": "professional",
            "tier": "250",
            "addons": ["cyren-antispam"],
            "maintenance_expires_at": EXPIRY.isoformat(),
            "revision": 1,
        },
        "after": {
            "edition": "enterprise",
            "tier": "1000",
            "addons": ["activesync", "cyren-antispam"],
            "maintenance_expires_at": EXPIRY.isoformat(),
            "revision": 2,
        },
    }
    # and the change is audited, the cart empty
    [event] = await AuditEvent.filter(action="license.modified")
    assert (event.target_type, event.target_id, event.target_label) == (
        "License",
        str(license.id),
        license.key,
    )
    assert event.changes["edition"] == ["professional", "enterprise"]
    assert event.changes["revision"] == [1, 2]
    assert event.changes["order"] == [None, placed.order.number]
    assert await CartLine.all().count() == 0
    # and nobody is emailed: the license is not assigned
    assert await OutboxMessage.filter(template="license_changed").count() == 0


@pytest.mark.parametrize(
    ("request_", "problems"),
    [
        (
            LicenseUpgradeRequest("", edition_code="free"),
            [(ErrorKind.INVALID, ("edition_code",))],
        ),
        (LicenseUpgradeRequest("", tier="10"), [(ErrorKind.INVALID, ("tier",))]),
        (
            LicenseUpgradeRequest("", add_addon_codes=("activesync",)),
            [(ErrorKind.INVALID, ("add_addon_codes", "0"))],
        ),
        (
            LicenseUpgradeRequest("", add_addon_codes=("cyren-antispam",)),
            [(ErrorKind.INVALID, ("add_addon_codes", "0"))],
        ),
        (LicenseUpgradeRequest(""), [(ErrorKind.INVALID, None)]),
        (
            LicenseUpgradeRequest("ABCDEF-GHJKMN-PQRSTW-XYZ234-56789A-BCDEFG", "enterprise"),
            [(ErrorKind.NOT_FOUND, ("license_key",))],
        ),
        (
            LicenseUpgradeRequest("not a key", "enterprise"),
            [(ErrorKind.NOT_FOUND, ("license_key",))],
        ),
    ],
    ids=[
        "lower edition",
        "lower tier",
        "addon the edition does not allow",
        "addon the license has",
        "nothing changes",
        "unknown key",
        "malformed key",
    ],
)
async def test_an_upgrade_that_is_not_sold_is_refused_and_adds_nothing(
    shop: Shop, today: Clock, request_: LicenseUpgradeRequest, problems: list[object]
) -> None:
    # given
    license = await bought(shop)
    key = request_.license_key or license.key

    # when
    with pytest.raises(DomainError) as caught:
        await cart.add_license_upgrade(
            actor=shop.actor,
            request=LicenseUpgradeRequest(
                key, request_.edition_code, request_.tier, request_.add_addon_codes
            ),
        )

    # then
    assert problems_of(caught.value) == problems
    assert await CartLine.all().count() == 0


async def test_another_resellers_license_is_not_found(shop: Shop, today: Clock) -> None:
    # given a license of another reseller
    other = await make_reseller(
        "Other",
        may_pay_by_invoice=True,
        address_line1="2 Main Street",
        city="Springfield",
        country="US",
        billing_email="billing@other.example",
    )
    owner = await make_user(Role.RESELLER_OWNER, other)
    theirs = await bought(Shop(other, owner, actor_for(owner), SandboxGateway()))

    # when / then
    for add in (
        cart.add_license_upgrade(
            actor=shop.actor, request=LicenseUpgradeRequest(theirs.key, "enterprise")
        ),
        cart.add_maintenance(actor=shop.actor, request=MaintenanceRequest(theirs.key)),
    ):
        with pytest.raises(DomainError) as caught:
            await add
        assert problems_of(caught.value) == [(ErrorKind.NOT_FOUND, ("license_key",))]


async def test_an_addon_needs_active_maintenance(shop: Shop, today: Clock) -> None:
    # given M&S that ended yesterday
    license = await bought(shop)
    today.now = EXPIRY + timedelta(days=1)

    # when
    with pytest.raises(DomainError) as caught:
        await cart.add_license_upgrade(
            actor=shop.actor,
            request=LicenseUpgradeRequest(license.key, add_addon_codes=("message-sniffer",)),
        )

    # then
    assert problems_of(caught.value) == [(ErrorKind.INVALID, ("add_addon_codes", "0"))]
    assert "renew M&S first" in str(caught.value)


async def test_another_upgrade_of_the_license_replaces_the_one_in_the_cart(
    shop: Shop, today: Clock
) -> None:
    # given an upgrade in the cart after a new license
    license = await bought(shop)
    await cart.add_new_license(actor=shop.actor, request=PRO_250)
    await cart.add_license_upgrade(
        actor=shop.actor, request=LicenseUpgradeRequest(license.key, "enterprise")
    )

    # when another upgrade of it is added
    await cart.add_license_upgrade(
        actor=shop.actor, request=LicenseUpgradeRequest(license.key, tier="1000")
    )

    # then it is the only upgrade in the cart
    lines = (await cart.load_cart(actor=shop.actor)).lines
    assert [line.kind for line in lines] == [LineKind.NEW_LICENSE, LineKind.UPGRADE]
    upgrade = lines[1].item
    assert isinstance(upgrade, Upgrade)
    assert (upgrade.edition.code, upgrade.tier.code) == ("professional", "1000")


async def test_a_modification_line_keeps_quantity_one_and_only_its_years_change(
    shop: Shop, today: Clock
) -> None:
    # given an upgrade and M&S in the cart
    license = await bought(shop)
    upgrade = await cart.add_license_upgrade(
        actor=shop.actor, request=LicenseUpgradeRequest(license.key, "enterprise")
    )
    renewal = await cart.add_maintenance(actor=shop.actor, request=MaintenanceRequest(license.key))

    # when / then quantity, assignment and personal use are refused on both
    for row in (upgrade, renewal):
        with pytest.raises(DomainError) as caught:
            await cart.update_line(
                actor=shop.actor,
                line_id=row.id,
                changes=LineChanges(
                    quantity=2, assign_to_email="pat@customer.example", personal=True
                ),
            )
        assert problems_of(caught.value) == [
            (ErrorKind.INVALID, ("quantity",)),
            (ErrorKind.INVALID, ("assign_to_email",)),
            (ErrorKind.INVALID, ("personal",)),
        ]
    # and years only on M&S lines
    with pytest.raises(DomainError) as caught:
        await cart.update_line(actor=shop.actor, line_id=upgrade.id, changes=LineChanges(years=2))
    assert problems_of(caught.value) == [(ErrorKind.INVALID, ("years",))]
    with pytest.raises(DomainError) as caught:
        await cart.update_line(actor=shop.actor, line_id=renewal.id, changes=LineChanges(years=9))
    assert problems_of(caught.value) == [(ErrorKind.INVALID, ("years",))]
    await cart.update_line(actor=shop.actor, line_id=renewal.id, changes=LineChanges(years=3))
    lines = (await cart.load_cart(actor=shop.actor)).lines
    assert [line.years for line in lines] == [None, 3]
    assert lines[1].price.unit_price == 3 * (19_950 + 15_000)


# --- M&S -----------------------------------------------------------------------------------


async def test_a_renewal_extends_maintenance_from_the_old_expiry(shop: Shop, today: Clock) -> None:
    # given a license whose M&S ends in a month
    license = await bought(shop)
    today.now = EXPIRY - timedelta(days=30)

    # when two years are renewed and checked out
    row = await cart.add_maintenance(
        actor=shop.actor, request=MaintenanceRequest(license.key, years=2)
    )
    [line] = (await cart.load_cart(actor=shop.actor)).lines
    placed = await check_out(shop)

    # then a year is half of $399 plus Antispam's $150: $349.50, twice, less 20%
    assert (row.kind, row.years) == (LineKind.MAINTENANCE_RENEWAL, 2)
    assert line.kind is LineKind.MAINTENANCE_RENEWAL
    assert (line.price.unit_price, line.price.total) == (69_900, 55_920)
    assert line.item.description == (
        "SmarterMail Professional, 250 mailboxes: M&S renewal, 2 years, until 2029-03-01 with "
        f"Cyren Antispam; key {license.key}"
    )
    # and the expiry moved two years from the old one; the revision stays
    changed = await License.get(id=license.id)
    assert changed.maintenance_expires_at == datetime(2029, 3, 1, 9, 30, tzinfo=UTC)
    assert changed.revision == 1
    order_line = await OrderLine.get(order_id=placed.order.id)
    assert (order_line.kind, order_line.years) == (LineKind.MAINTENANCE_RENEWAL, 2)
    assert order_line.change is not None
    assert order_line.change["after"]["maintenance_expires_at"] == "2029-03-01T09:30:00+00:00"


async def test_a_reinstatement_runs_from_today_with_the_months_lapsed_and_a_fee(
    shop: Shop, today: Clock
) -> None:
    # given M&S that ended four months and two days ago
    license = await bought(shop)
    today.now = datetime(2027, 7, 3, 12, tzinfo=UTC)

    # when it is reinstated
    await cart.add_maintenance(actor=shop.actor, request=MaintenanceRequest(license.key))
    [line] = (await cart.load_cart(actor=shop.actor)).lines
    placed = await check_out(shop)

    # then $349.50 x 16/12 ($466.00) and a fee of 20% of $349.50 ($69.90)
    assert line.kind is LineKind.MAINTENANCE_REINSTATEMENT
    assert line.price.unit_price == 46_600 + 6_990
    assert line.item.description.startswith(
        "SmarterMail Professional, 250 mailboxes: M&S reinstatement (4 months lapsed + fee), "
        "1 year, until 2028-07-03"
    )
    # and M&S runs a year from today
    changed = await License.get(id=license.id)
    assert changed.maintenance_expires_at == datetime(2028, 7, 3, 12, tzinfo=UTC)
    assert changed.revision == 1
    order_line = await OrderLine.get(order_id=placed.order.id)
    assert order_line.kind is LineKind.MAINTENANCE_REINSTATEMENT


async def test_a_renewal_in_the_cart_becomes_a_reinstatement_when_the_grace_period_ends(
    shop: Shop, today: Clock
) -> None:
    # given a renewal added on the grace period's last day
    license = await bought(shop)
    today.now = EXPIRY + timedelta(days=30) - timedelta(seconds=1)
    row = await cart.add_maintenance(actor=shop.actor, request=MaintenanceRequest(license.key))
    [renewal] = (await cart.load_cart(actor=shop.actor)).lines

    # when two seconds pass
    today.now += timedelta(seconds=2)

    # then the cart prices a reinstatement
    [reinstatement] = (await cart.load_cart(actor=shop.actor)).lines
    assert (row.kind, renewal.kind) == (LineKind.MAINTENANCE_RENEWAL,) * 2
    assert reinstatement.kind is LineKind.MAINTENANCE_REINSTATEMENT
    assert reinstatement.price.unit_price > renewal.price.unit_price
    # and adding M&S again replaces the line whatever its kind
    await cart.add_maintenance(actor=shop.actor, request=MaintenanceRequest(license.key, 2))
    assert await CartLine.all().values_list("years", flat=True) == [2]


async def test_an_upgrade_and_maintenance_of_one_license_apply_together(
    shop: Shop, today: Clock
) -> None:
    # given M&S ending in a month, and an upgrade and a renewal of it in the cart
    license = await bought(shop)
    today.now = EXPIRY - timedelta(days=30)
    await cart.add_license_upgrade(
        actor=shop.actor, request=LicenseUpgradeRequest(license.key, "enterprise")
    )
    await cart.add_maintenance(actor=shop.actor, request=MaintenanceRequest(license.key))

    # when
    placed = await check_out(shop)

    # then both were priced against the license as it was: $350 more, and Professional's renewal
    lines = await OrderLine.filter(order_id=placed.order.id).order_by("position")
    assert [line.unit_price_cents for line in lines] == [35_000, 34_950]
    # and both applied: the revision rose once, the expiry moved a year
    changed = await License.get(id=license.id).prefetch_related("edition")
    assert (changed.edition.code, changed.revision) == ("enterprise", 2)
    assert changed.maintenance_expires_at == datetime(2028, 3, 1, 9, 30, tzinfo=UTC)
    assert [line.change["after"]["revision"] for line in lines if line.change] == [2, 2]
    assert await AuditEvent.filter(action="license.modified").count() == 2


# --- the customer's email ------------------------------------------------------------------


async def assigned(license: License) -> None:
    customer = await make_user(Role.CUSTOMER, email="pat@customer.example", name="Pat Doe")
    await License.filter(id=license.id).update(customer_id=customer.id, assigned_at=clock.now())


async def test_the_customer_is_told_to_reactivate_after_an_upgrade(
    shop: Shop, today: Clock
) -> None:
    # given an assigned license
    license = await bought(shop)
    await assigned(license)

    # when it is upgraded
    await cart.add_license_upgrade(
        actor=shop.actor, request=LicenseUpgradeRequest(license.key, "enterprise", "1000")
    )
    await check_out(shop)

    # then its customer is emailed what changed and to activate again
    [message] = await OutboxMessage.filter(template="license_changed")
    assert message.recipients == ["pat@customer.example"]
    assert message.subject == "Your SmarterMail license has changed"
    for body in (message.text_body, message.html_body):
        assert "Acme Hosting" in body
        assert license.key in body
        assert "Professional → Enterprise" in body
        assert "250 mailboxes → 1000 mailboxes" in body
        assert "activate it again" in body or "Activate the license again" in body


async def test_the_customer_is_told_of_a_renewal_without_reactivating(
    shop: Shop, today: Clock
) -> None:
    # given an assigned license
    license = await bought(shop)
    await assigned(license)

    # when M&S is renewed
    await cart.add_maintenance(actor=shop.actor, request=MaintenanceRequest(license.key))
    await check_out(shop)

    # then the email says until when, and nothing about activating again
    [message] = await OutboxMessage.filter(template="license_changed")
    for body in (message.text_body, message.html_body):
        assert "renewed: it now runs until 1 March 2028 at 09:30 UTC" in body
        assert "activate" not in body.lower()


# --- two orders, one license ---------------------------------------------------------------


async def test_an_upgrade_bought_meanwhile_by_a_colleague_refunds_and_buys_nothing(
    shop: Shop, today: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given two purchasers of one reseller with the same upgrade in their carts
    license = await bought(shop)
    colleague = actor_for(await make_user(Role.RESELLER_PURCHASER, shop.reseller))
    upgrade = LicenseUpgradeRequest(license.key, "enterprise")
    await cart.add_license_upgrade(actor=shop.actor, request=upgrade)
    await cart.add_license_upgrade(actor=colleague, request=upgrade)
    # and a gateway during whose charge the colleague checks out first
    gateway = RecordingGateway()
    charge = gateway.charge

    async def charge_while_the_colleague_buys(**arguments: Any) -> Charge:
        await checkout.checkout(
            actor=colleague,
            payment=checkout.Payment(PaymentMethod.INVOICE),
            idempotency_key="colleague",
            gateway=SandboxGateway(),
        )
        return await charge(**arguments)

    monkeypatch.setattr(gateway, "charge", charge_while_the_colleague_buys)
    shop.gateway = gateway

    # when
    with pytest.raises(DomainError) as caught:
        await check_out(shop)

    # then the buyer is told, refunded, and the upgrade applied once
    assert problems_of(caught.value) == [(ErrorKind.CONFLICT, ("lines", "0"))]
    [charge_made] = gateway.charges
    assert gateway.refunded == [charge_made]
    assert (await License.get(id=license.id)).revision == 2
    assert await Order.filter(lines__kind=LineKind.UPGRADE).count() == 1
    # and the cart shows why its line can no longer be bought
    [line] = (await cart.load_cart(actor=shop.actor)).lines
    assert line.problem is not None
    assert line.price.total == 0


async def test_a_change_applies_only_to_the_state_it_was_priced_against(
    shop: Shop, today: Clock
) -> None:
    # given an upgrade planned against revision 1, and the license moved on meanwhile
    license = await bought(shop)
    await cart.add_license_upgrade(
        actor=shop.actor, request=LicenseUpgradeRequest(license.key, "enterprise")
    )
    [line] = (await cart.load_cart(actor=shop.actor)).lines
    [change] = planned_changes([line.item])
    await License.filter(id=license.id).update(revision=2)

    # when / then
    assert change is not None
    with pytest.raises(DomainError) as caught:
        await apply_changes(
            actor=shop.actor, reseller=shop.reseller, order_number="X", changes=[change]
        )
    assert problems_of(caught.value) == [(ErrorKind.CONFLICT, None)]
    assert (await License.get(id=license.id)).edition_id == license.edition_id


async def test_concurrent_checkouts_of_one_upgrade_apply_it_once(shop: Shop, today: Clock) -> None:
    # given two purchasers with the same upgrade in their carts
    license = await bought(shop)
    colleague = actor_for(await make_user(Role.RESELLER_PURCHASER, shop.reseller))
    upgrade = LicenseUpgradeRequest(license.key, "enterprise", add_addon_codes=("activesync",))
    await cart.add_license_upgrade(actor=shop.actor, request=upgrade)
    await cart.add_license_upgrade(actor=colleague, request=upgrade)
    gateway = shop.gateway = RecordingGateway()

    # when both check out at once
    results = await asyncio.gather(
        check_out(shop, key="mine"),
        check_out(shop, key="theirs", actor=colleague),
        return_exceptions=True,
    )

    # then one buys it; the other is refused and pays nothing
    placed = [r for r in results if isinstance(r, checkout.Placed)]
    refused = [r for r in results if isinstance(r, DomainError)]
    assert (len(placed), len(refused)) == (1, 1), results
    assert {p.kind for p in refused[0].problems} == {ErrorKind.CONFLICT}
    assert len(gateway.charges) - len(gateway.refunded) == 1
    assert (await License.get(id=license.id)).revision == 2
    assert await addon_codes(license) == ["activesync", "cyren-antispam"]


# --- purchase without a cart ---------------------------------------------------------------


async def test_purchase_renews_and_upgrades_without_a_cart(shop: Shop, today: Clock) -> None:
    # given two licenses
    first, second = await bought(shop), await bought(shop)
    today.now = SEPTEMBER

    # when a partner's server renews both and upgrades one
    placed = await checkout.purchase(
        actor=shop.actor,
        lines=[],
        license_upgrades=[LicenseUpgradeRequest(first.key, tier="1000")],
        maintenance=[MaintenanceRequest(first.key), MaintenanceRequest(second.key, years=3)],
        payment=checkout.Payment(PaymentMethod.INVOICE),
        idempotency_key="renewals",
        gateway=shop.gateway,
    )

    # then
    lines = await OrderLine.filter(order_id=placed.order.id).order_by("position")
    assert [(line.kind, line.license_id, line.years) for line in lines] == [
        (LineKind.UPGRADE, first.id, None),
        (LineKind.MAINTENANCE_RENEWAL, first.id, 1),
        (LineKind.MAINTENANCE_RENEWAL, second.id, 3),
    ]
    assert (await License.get(id=second.id)).maintenance_expires_at == datetime(
        2030, 3, 1, 9, 30, tzinfo=UTC
    )


async def test_a_refused_purchase_names_the_entry_at_fault(shop: Shop, today: Clock) -> None:
    license = await bought(shop)

    with pytest.raises(DomainError) as caught:
        await checkout.purchase(
            actor=shop.actor,
            lines=[],
            license_upgrades=[
                LicenseUpgradeRequest(license.key, "enterprise"),
                LicenseUpgradeRequest(license.key, tier="1000"),
            ],
            maintenance=[
                MaintenanceRequest(license.key),
                MaintenanceRequest("ABCDEF-GHJKMN-PQRSTW-XYZ234-56789A-BCDEFG"),
                MaintenanceRequest(license.key, years=0),
            ],
            payment=checkout.Payment(PaymentMethod.INVOICE),
            idempotency_key="refused",
            gateway=shop.gateway,
        )

    assert problems_of(caught.value) == [
        (ErrorKind.INVALID, ("license_upgrades", "1", "license_key")),
        (ErrorKind.NOT_FOUND, ("maintenance", "1", "license_key")),
        (ErrorKind.INVALID, ("maintenance", "2", "license_key")),
    ]


async def test_a_purchase_holds_at_most_fifty_entries_in_all(shop: Shop, today: Clock) -> None:
    license = await bought(shop)
    with pytest.raises(DomainError) as caught:
        await checkout.purchase(
            actor=shop.actor,
            lines=[PRO_250] * 50,
            maintenance=[MaintenanceRequest(license.key)],
            payment=checkout.Payment(PaymentMethod.INVOICE),
            idempotency_key="too-many",
            gateway=shop.gateway,
        )
    assert problems_of(caught.value) == [(ErrorKind.INVALID, ("lines",))]


# --- cost ----------------------------------------------------------------------------------


async def test_the_carts_queries_do_not_grow_with_its_modifications(
    shop: Shop, today: Clock, count_queries: Any
) -> None:
    # given a cart with one license's upgrade and M&S
    licenses = [await bought(shop) for _ in range(4)]
    await cart.add_license_upgrade(
        actor=shop.actor, request=LicenseUpgradeRequest(licenses[0].key, "enterprise")
    )
    await cart.add_maintenance(actor=shop.actor, request=MaintenanceRequest(licenses[0].key))
    with count_queries() as short:
        await cart.load_cart(actor=shop.actor)

    # when three more licenses' upgrades and M&S are added
    for license in licenses[1:]:
        await cart.add_license_upgrade(
            actor=shop.actor, request=LicenseUpgradeRequest(license.key, tier="1000")
        )
        await cart.add_maintenance(actor=shop.actor, request=MaintenanceRequest(license.key))
    with count_queries() as long:
        priced = await cart.load_cart(actor=shop.actor)

    # then
    assert len(priced.lines) == 8
    assert short.count == long.count, long.statements
