"""The cart: choices checked against the catalog, priced from today's catalog on every read."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from backend.catalog.models import ListPrice
from backend.commerce import cart
from backend.commerce.cart import LineChanges, NewLicenseRequest
from backend.commerce.models import CartLine
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from tests.commerce.conftest import Shop
from tests.identity.factories import make_reseller, make_user

MAIL_ENTERPRISE = NewLicenseRequest(
    product_code="smartermail",
    edition_code="enterprise",
    tier="250",
    addon_codes=("activesync",),
    quantity=2,
)
STATS_PRO = NewLicenseRequest("smarterstats", "professional", "50")


async def cart_rows() -> list[dict[str, object]]:
    return await CartLine.all().order_by("id").values()


def problems_of(error: DomainError) -> list[tuple[ErrorKind, tuple[str, ...] | None]]:
    return [(problem.kind, problem.field) for problem in error.problems]


async def test_a_line_added_is_priced_with_the_resellers_discount(shop: Shop) -> None:
    # when
    row = await cart.add_new_license(actor=shop.actor, request=MAIL_ENTERPRISE)

    # then the line holds the choices, never a price
    assert (row.user_id, row.reseller_id, row.quantity) == (
        shop.purchaser.id,
        shop.reseller.id,
        2,
    )
    assert row.addon_codes == ["activesync"]
    # and the cart prices it: ($749 + $250) x 2, less 20%
    priced = await cart.load_cart(actor=shop.actor)
    [line] = priced.lines
    assert line.cart_line_id == row.id
    assert line.item.description == "SmarterMail Enterprise, 250 mailboxes with Exchange ActiveSync"
    assert (line.price.unit_price, line.price.subtotal) == (99_900, 199_800)
    assert (line.price.discount, line.price.total) == (39_960, 159_840)
    assert priced.discount_bps == 2000
    assert (priced.totals.subtotal, priced.totals.discount, priced.totals.total) == (
        199_800,
        39_960,
        159_840,
    )


async def test_codes_are_trimmed_and_addons_kept_in_catalog_order(shop: Shop) -> None:
    row = await cart.add_new_license(
        actor=shop.actor,
        request=NewLicenseRequest(
            " smartermail ", "enterprise ", " 1000", (" message-sniffer", "activesync ")
        ),
    )
    assert row.addon_codes == ["activesync", "message-sniffer"]


async def test_lines_are_listed_oldest_first_and_the_totals_are_their_sums(shop: Shop) -> None:
    # given
    first = await cart.add_new_license(actor=shop.actor, request=MAIL_ENTERPRISE)
    second = await cart.add_new_license(actor=shop.actor, request=STATS_PRO)

    # when
    priced = await cart.load_cart(actor=shop.actor)

    # then
    assert [line.cart_line_id for line in priced.lines] == [first.id, second.id]
    assert priced.totals.subtotal == 199_800 + 19_900
    assert priced.totals.discount == 39_960 + 3_980
    assert priced.totals.total == priced.totals.subtotal - priced.totals.discount


async def test_a_line_can_be_updated(shop: Shop) -> None:
    # given
    row = await cart.add_new_license(actor=shop.actor, request=MAIL_ENTERPRISE)

    # when the quantity changes and the licenses are to be assigned
    updated = await cart.update_line(
        actor=shop.actor,
        line_id=row.id,
        changes=LineChanges(quantity=5, assign_to_email=" Pat@Customer.Example "),
    )

    # then
    assert (updated.quantity, updated.assign_to_email) == (5, "pat@customer.example")
    [line] = (await cart.load_cart(actor=shop.actor)).lines
    assert (line.price.quantity, line.price.subtotal) == (5, 99_900 * 5)
    assert line.assign_to_email == "pat@customer.example"

    # when "" stops assigning and the line becomes personal
    updated = await cart.update_line(
        actor=shop.actor, line_id=row.id, changes=LineChanges(assign_to_email="", personal=True)
    )

    # then
    stored = await CartLine.get(id=row.id)
    assert (stored.quantity, stored.assign_to_email, stored.personal) == (5, None, True)


async def test_a_line_can_be_removed(shop: Shop) -> None:
    # given
    row = await cart.add_new_license(actor=shop.actor, request=MAIL_ENTERPRISE)
    kept = await cart.add_new_license(actor=shop.actor, request=STATS_PRO)

    # when
    await cart.remove_line(actor=shop.actor, line_id=row.id)

    # then
    priced = await cart.load_cart(actor=shop.actor)
    assert [line.cart_line_id for line in priced.lines] == [kept.id]
    assert priced.totals.subtotal == 19_900


@pytest.mark.parametrize(
    ("request_", "problems"),
    [
        (
            replace(MAIL_ENTERPRISE, product_code="smarterfax"),
            [(ErrorKind.NOT_FOUND, ("product_code",))],
        ),
        (
            replace(MAIL_ENTERPRISE, edition_code="ultimate"),
            [(ErrorKind.NOT_FOUND, ("edition_code",))],
        ),
        (replace(MAIL_ENTERPRISE, tier="5"), [(ErrorKind.NOT_FOUND, ("tier",))]),
        (replace(MAIL_ENTERPRISE, tier="10"), [(ErrorKind.INVALID, ("tier",))]),
        (
            replace(MAIL_ENTERPRISE, edition_code="professional"),
            [(ErrorKind.INVALID, ("addon_codes", "0"))],
        ),
        (
            replace(MAIL_ENTERPRISE, addon_codes=("activesync", "fax")),
            [(ErrorKind.NOT_FOUND, ("addon_codes", "1"))],
        ),
        (
            replace(MAIL_ENTERPRISE, addon_codes=("activesync", "activesync")),
            [(ErrorKind.INVALID, ("addon_codes", "1"))],
        ),
        (replace(MAIL_ENTERPRISE, quantity=0), [(ErrorKind.INVALID, ("quantity",))]),
        (replace(MAIL_ENTERPRISE, quantity=101), [(ErrorKind.INVALID, ("quantity",))]),
        (
            replace(MAIL_ENTERPRISE, assign_to_email="pat@"),
            [(ErrorKind.INVALID, ("assign_to_email",))],
        ),
        (
            replace(MAIL_ENTERPRISE, assign_to_email="pat@customer.example", personal=True),
            [(ErrorKind.INVALID, ("personal",))],
        ),
        (
            replace(MAIL_ENTERPRISE, quantity=0, tier="5"),
            [(ErrorKind.INVALID, ("quantity",)), (ErrorKind.NOT_FOUND, ("tier",))],
        ),
    ],
    ids=[
        "unknown product",
        "unknown edition",
        "unknown tier",
        "tier not sold with the edition",
        "addon the edition does not allow",
        "unknown addon",
        "duplicate addon",
        "quantity 0",
        "quantity 101",
        "malformed email",
        "personal and assigned",
        "several problems at once",
    ],
)
async def test_an_invalid_choice_names_the_field_and_adds_nothing(
    shop: Shop,
    request_: NewLicenseRequest,
    problems: list[tuple[ErrorKind, tuple[str, ...]]],
) -> None:
    # given a cart with one line
    await cart.add_new_license(actor=shop.actor, request=STATS_PRO)
    before = await cart_rows()

    # when
    with pytest.raises(DomainError) as caught:
        await cart.add_new_license(actor=shop.actor, request=request_)

    # then
    assert problems_of(caught.value) == problems
    assert await cart_rows() == before


@pytest.mark.parametrize(
    ("changes", "problems"),
    [
        (LineChanges(quantity=0), [(ErrorKind.INVALID, ("quantity",))]),
        (LineChanges(quantity=101), [(ErrorKind.INVALID, ("quantity",))]),
        (LineChanges(assign_to_email="not an email"), [(ErrorKind.INVALID, ("assign_to_email",))]),
        (LineChanges(personal=True), [(ErrorKind.INVALID, ("personal",))]),
    ],
    ids=["quantity 0", "quantity 101", "malformed email", "personal while assigned"],
)
async def test_an_invalid_update_names_the_field_and_changes_nothing(
    shop: Shop, changes: LineChanges, problems: list[tuple[ErrorKind, tuple[str, ...]]]
) -> None:
    # given a line assigned to a customer
    row = await cart.add_new_license(
        actor=shop.actor,
        request=replace(MAIL_ENTERPRISE, assign_to_email="pat@customer.example"),
    )
    before = await cart_rows()

    # when
    with pytest.raises(DomainError) as caught:
        await cart.update_line(actor=shop.actor, line_id=row.id, changes=changes)

    # then
    assert problems_of(caught.value) == problems
    assert await cart_rows() == before


async def test_a_price_change_in_the_catalog_reaches_the_cart_at_once(shop: Shop) -> None:
    # given
    await cart.add_new_license(actor=shop.actor, request=MAIL_ENTERPRISE)
    price = await ListPrice.get(
        edition__product__code="smartermail", edition__code="enterprise", tier__code="250"
    )

    # when the vendor raises the list price from $749 to $799.99
    price.amount_cents = 79_999
    await price.save()

    # then the cart shows the new price
    [line] = (await cart.load_cart(actor=shop.actor)).lines
    assert line.price.unit_price == 79_999 + 25_000
    assert line.price.subtotal == 104_999 * 2
    assert line.price.discount == 42_000  # 20% of $2,099.98 is $419.996
    assert line.price.total == 167_998


async def test_a_discount_change_reaches_the_cart_at_once(shop: Shop) -> None:
    # given
    await cart.add_new_license(actor=shop.actor, request=STATS_PRO)

    # when the vendor sets 12.5%
    shop.reseller.discount_bps = 1250
    await shop.reseller.save()

    # then $199.00 less $24.875 rounded up
    priced = await cart.load_cart(actor=shop.actor)
    assert (priced.totals.discount, priced.totals.total) == (2_488, 17_412)


async def test_another_users_cart_line_is_not_found(shop: Shop) -> None:
    # given a line in the purchaser's cart, and a colleague and another reseller's purchaser
    row = await cart.add_new_license(actor=shop.actor, request=MAIL_ENTERPRISE)
    before = await cart_rows()
    colleague = actor_for(await make_user(Role.RESELLER_OWNER, shop.reseller))
    stranger = actor_for(await make_user(Role.RESELLER_PURCHASER, await make_reseller()))

    for actor in (colleague, stranger):
        # when they try to change or remove it
        with pytest.raises(DomainError) as updating:
            await cart.update_line(actor=actor, line_id=row.id, changes=LineChanges(quantity=9))
        with pytest.raises(DomainError) as removing:
            await cart.remove_line(actor=actor, line_id=row.id)

        # then it does not exist for them, and their carts are empty
        assert problems_of(updating.value) == [(ErrorKind.NOT_FOUND, ("line_id",))]
        assert problems_of(removing.value) == [(ErrorKind.NOT_FOUND, ("line_id",))]
        assert (await cart.load_cart(actor=actor)).lines == ()
    assert await cart_rows() == before


async def test_a_line_removed_twice_is_not_found_the_second_time(shop: Shop) -> None:
    row = await cart.add_new_license(actor=shop.actor, request=STATS_PRO)
    await cart.remove_line(actor=shop.actor, line_id=row.id)
    with pytest.raises(DomainError) as caught:
        await cart.remove_line(actor=shop.actor, line_id=row.id)
    assert problems_of(caught.value) == [(ErrorKind.NOT_FOUND, ("line_id",))]


async def test_a_cart_holds_at_most_fifty_lines(shop: Shop) -> None:
    # given a full cart
    for _ in range(cart.MAX_CART_LINES):
        await cart.add_new_license(actor=shop.actor, request=STATS_PRO)

    # when
    with pytest.raises(DomainError) as caught:
        await cart.add_new_license(actor=shop.actor, request=STATS_PRO)

    # then
    assert problems_of(caught.value) == [(ErrorKind.CONFLICT, None)]
    assert await CartLine.all().count() == cart.MAX_CART_LINES


async def test_concurrent_adds_never_pass_the_limit(shop: Shop) -> None:
    # given a cart one line short of full
    for _ in range(cart.MAX_CART_LINES - 1):
        await cart.add_new_license(actor=shop.actor, request=STATS_PRO)

    # when five more lines are added at once
    results = await asyncio.gather(
        *(cart.add_new_license(actor=shop.actor, request=STATS_PRO) for _ in range(5)),
        return_exceptions=True,
    )

    # then one got in, the others were told the cart is full
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(refused) == 4, results
    assert await CartLine.all().count() == cart.MAX_CART_LINES


async def test_an_api_key_has_no_cart(shop: Shop) -> None:
    key = Actor(
        role=Role.RESELLER_PURCHASER,
        api_key_id=1,
        reseller_id=shop.reseller.id,
        label="API key Web shop (ppk_test)",
    )
    with pytest.raises(DomainError) as caught:
        await cart.add_new_license(actor=key, request=STATS_PRO)
    assert problems_of(caught.value) == [(ErrorKind.PERMISSION_DENIED, None)]
    with pytest.raises(DomainError):
        await cart.load_cart(actor=key)
    assert await CartLine.all().count() == 0


@pytest.mark.parametrize("role", [Role.RESELLER_VIEWER, Role.RESELLER_BILLING])
async def test_roles_that_do_not_shop_have_no_cart(shop: Shop, role: Role) -> None:
    actor = actor_for(await make_user(role, shop.reseller))
    with pytest.raises(DomainError) as caught:
        await cart.add_new_license(actor=actor, request=STATS_PRO)
    assert problems_of(caught.value) == [(ErrorKind.PERMISSION_DENIED, None)]
    assert await CartLine.all().count() == 0
