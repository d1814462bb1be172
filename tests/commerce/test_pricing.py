"""The pricing engine: list price plus add-ons, the discount rounded half up per line, sums.

Pure functions of an in-memory catalog: no database. The property tests compare the engine with
an independent computation in ``Decimal``.
"""

from __future__ import annotations

import itertools
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.catalog.sample import EDITIONS, SAMPLE_PRODUCTS, tier_name
from backend.catalog.services import (
    DEFAULT_MAINTENANCE,
    Catalog,
    CatalogAddon,
    CatalogAddonPrice,
    CatalogEdition,
    CatalogListPrice,
    CatalogProduct,
    CatalogTier,
)
from backend.commerce.pricing import (
    BASIS_POINTS,
    LinePrice,
    NewLicense,
    percent_of,
    price_line,
    price_new_license,
    totals,
)
from backend.errors import DomainError, ErrorKind
from backend.money import Amount

EXAMPLES = settings(max_examples=300, deadline=None)


def sample_catalog() -> Catalog:
    """The sample catalog that ships with the product, built in memory."""
    ids = itertools.count(1)
    products = []
    for sample in SAMPLE_PRODUCTS:
        product_id = next(ids)
        editions = {
            code: CatalogEdition(next(ids), product_id, code, name, description, rank)
            for rank, (code, name, description) in enumerate(EDITIONS)
        }
        tiers = {
            code: CatalogTier(
                next(ids), product_id, code, tier_name(code, seats, sample.unit), seats, rank
            )
            for rank, (code, seats) in enumerate(sample.tiers)
        }
        addons = tuple(
            CatalogAddon(
                next(ids),
                product_id,
                addon.code,
                addon.name,
                addon.description,
                allowed_editions=tuple(editions[code] for code in addon.editions),
                prices=tuple(
                    CatalogAddonPrice(tiers[code], Amount(cents))
                    for code, cents in addon.yearly_cents.items()
                ),
            )
            for addon in sample.addons
        )
        prices = tuple(
            CatalogListPrice(editions[edition], tiers[tier], Amount(cents))
            for edition, by_tier in sample.prices.items()
            for tier, cents in by_tier.items()
        )
        products.append(
            CatalogProduct(
                product_id,
                sample.code,
                sample.name,
                sample.unit,
                sample.description,
                editions=tuple(editions.values()),
                tiers=tuple(tiers.values()),
                addons=addons,
                prices=prices,
            )
        )
    return Catalog(products=tuple(products), maintenance=DEFAULT_MAINTENANCE)


SAMPLE = sample_catalog()


def half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fields_of(error: DomainError) -> list[tuple[ErrorKind, tuple[str, ...] | None]]:
    return [(problem.kind, problem.field) for problem in error.problems]


# --- examples ------------------------------------------------------------------------------


def test_a_new_license_costs_its_list_price_plus_each_addons_yearly_price() -> None:
    # when
    item = price_new_license(
        SAMPLE,
        product_code="smartermail",
        edition_code="enterprise",
        tier_code="250",
        addon_codes=["message-sniffer", "activesync"],
    )

    # then $749 + $250 (ActiveSync) + $100 (Message Sniffer), add-ons in catalog order
    assert item.list_price == 74_900
    assert [addon.code for addon in item.addons] == ["activesync", "message-sniffer"]
    assert item.addon_prices == (25_000, 10_000)
    assert item.unit_price == 109_900
    assert item.description == (
        "SmarterMail Enterprise, 250 mailboxes with Exchange ActiveSync, Message Sniffer"
    )


def test_without_addons_the_unit_price_is_the_list_price() -> None:
    item = price_new_license(
        SAMPLE, product_code="smarterstats", edition_code="professional", tier_code="250"
    )
    assert (item.unit_price, item.addons) == (49_900, ())
    assert item.description == "SmarterStats Professional, 250 sites"


def test_the_free_edition_costs_nothing() -> None:
    item = price_new_license(
        SAMPLE, product_code="smartertrack", edition_code="free", tier_code="1"
    )
    assert item.unit_price == 0
    assert price_line(unit_price=0, quantity=3, discount_bps=2000) == LinePrice(0, 3, 0, 0, 0)


def test_a_line_takes_the_resellers_discount_of_its_subtotal() -> None:
    # given SmarterMail Enterprise 250 with ActiveSync: $999.00 each
    item = price_new_license(
        SAMPLE,
        product_code="smartermail",
        edition_code="enterprise",
        tier_code="250",
        addon_codes=["activesync"],
    )

    # when two are bought with a 20% discount
    line = price_line(unit_price=item.unit_price, quantity=2, discount_bps=2000)

    # then
    assert line == LinePrice(
        unit_price=99_900, quantity=2, subtotal=199_800, discount=39_960, total=159_840
    )


def test_a_discount_with_half_a_cent_is_rounded_up() -> None:
    # given SmarterTrack Professional for 2 agents, $199.00, and a 12.5% discount
    item = price_new_license(
        SAMPLE, product_code="smartertrack", edition_code="professional", tier_code="2"
    )

    # when
    line = price_line(unit_price=item.unit_price, quantity=1, discount_bps=1250)

    # then 12.5% of $199.00 is $24.875: $24.88 off, $174.12 to pay
    assert (line.subtotal, line.discount, line.total) == (19_900, 2_488, 17_412)


@pytest.mark.parametrize(
    ("cents", "basis_points", "expected"),
    [
        (100, 250, 3),  # 2.5 cents -> 3
        (4, 1250, 1),  # 0.5 cent -> 1
        (12_345, 1000, 1_235),  # 1234.5 -> 1235
        (12_344, 1000, 1_234),  # 1234.4 -> 1234
        (12_346, 1000, 1_235),  # 1234.6 -> 1235
        (3, 1250, 0),  # 0.375 -> 0
        (99_999, 0, 0),
        (99_999, BASIS_POINTS, 99_999),
        (0, 5000, 0),
    ],
)
def test_percent_of_rounds_half_up_to_the_cent(
    cents: int, basis_points: int, expected: int
) -> None:
    assert percent_of(cents, basis_points) == expected


def test_the_discount_is_rounded_per_line_and_the_totals_are_the_lines_sums() -> None:
    # given two lines whose 10% discount is 1234.5 cents each
    lines = [price_line(unit_price=12_345, quantity=1, discount_bps=1000) for _ in range(2)]

    # when
    result = totals(lines)

    # then each line rounds to 1235, and the cart's discount is their sum (not 10% of 24690)
    assert [line.discount for line in lines] == [1_235, 1_235]
    assert (result.subtotal, result.discount, result.total) == (24_690, 2_470, 22_220)


def test_no_lines_total_zero() -> None:
    result = totals([])
    assert (result.subtotal, result.discount, result.total) == (0, 0, 0)


@pytest.mark.parametrize(
    "arguments",
    [
        {"unit_price": -1, "quantity": 1, "discount_bps": 0},
        {"unit_price": 100, "quantity": 0, "discount_bps": 0},
        {"unit_price": 100, "quantity": 1, "discount_bps": -1},
        {"unit_price": 100, "quantity": 1, "discount_bps": BASIS_POINTS + 1},
    ],
)
def test_a_line_refuses_negative_amounts_and_rates_outside_0_to_100_percent(
    arguments: dict[str, int],
) -> None:
    with pytest.raises(ValueError, match="a line needs"):
        price_line(**arguments)


@pytest.mark.parametrize(("cents", "basis_points"), [(-1, 100), (100, -1)])
def test_percent_of_refuses_negative_input(cents: int, basis_points: int) -> None:
    with pytest.raises(ValueError, match="non-negative"):
        percent_of(cents, basis_points)


# --- errors name the field at fault --------------------------------------------------------


def test_an_unknown_product_is_named() -> None:
    with pytest.raises(DomainError) as caught:
        price_new_license(SAMPLE, product_code="smarterfax", edition_code="pro", tier_code="1")
    assert fields_of(caught.value) == [(ErrorKind.NOT_FOUND, ("product_code",))]


def test_an_unknown_edition_and_tier_are_both_named() -> None:
    with pytest.raises(DomainError) as caught:
        price_new_license(
            SAMPLE, product_code="smartermail", edition_code="ultimate", tier_code="5"
        )
    assert fields_of(caught.value) == [
        (ErrorKind.NOT_FOUND, ("edition_code",)),
        (ErrorKind.NOT_FOUND, ("tier",)),
    ]


def test_a_tier_of_another_product_is_unknown() -> None:
    with pytest.raises(DomainError) as caught:
        price_new_license(
            SAMPLE, product_code="smartermail", edition_code="professional", tier_code="50"
        )
    assert fields_of(caught.value) == [(ErrorKind.NOT_FOUND, ("tier",))]


def test_an_edition_not_sold_at_a_tier_names_the_tier() -> None:
    # the Free edition is sold at its own small tier only
    with pytest.raises(DomainError) as caught:
        price_new_license(SAMPLE, product_code="smartermail", edition_code="free", tier_code="250")
    assert fields_of(caught.value) == [(ErrorKind.INVALID, ("tier",))]


def test_an_addon_the_edition_does_not_allow_is_named_by_its_position() -> None:
    with pytest.raises(DomainError) as caught:
        price_new_license(
            SAMPLE,
            product_code="smartermail",
            edition_code="professional",
            tier_code="250",
            addon_codes=["cyren-antispam", "activesync"],
        )
    assert fields_of(caught.value) == [(ErrorKind.INVALID, ("addon_codes", "1"))]
    assert "only with Enterprise" in caught.value.problems[0].message


def test_a_duplicate_addon_is_named_by_its_second_position() -> None:
    with pytest.raises(DomainError) as caught:
        price_new_license(
            SAMPLE,
            product_code="smartermail",
            edition_code="enterprise",
            tier_code="250",
            addon_codes=["activesync", "mapi-ews", "activesync"],
        )
    assert fields_of(caught.value) == [(ErrorKind.INVALID, ("addon_codes", "2"))]


def test_an_unknown_addon_is_named_with_the_other_problems() -> None:
    with pytest.raises(DomainError) as caught:
        price_new_license(
            SAMPLE,
            product_code="smartermail",
            edition_code="enterprise",
            tier_code="everything",
            addon_codes=["activesync", "fax"],
        )
    assert fields_of(caught.value) == [
        (ErrorKind.NOT_FOUND, ("tier",)),
        (ErrorKind.NOT_FOUND, ("addon_codes", "1")),
    ]


def test_an_addon_of_another_product_is_unknown() -> None:
    with pytest.raises(DomainError) as caught:
        price_new_license(
            SAMPLE,
            product_code="smartertrack",
            edition_code="enterprise",
            tier_code="5",
            addon_codes=["activesync"],
        )
    assert fields_of(caught.value) == [(ErrorKind.NOT_FOUND, ("addon_codes", "0"))]


def test_an_addon_without_a_price_at_the_tier_is_named_by_the_position_the_client_sent() -> None:
    # given a catalog where "b" is not sold at the tier chosen, and "a" comes first in it
    edition = CatalogEdition(2, 1, "pro", "Pro", "", 0)
    tier = CatalogTier(3, 1, "10", "10 seats", 10, 0)
    priced = CatalogAddon(4, 1, "a", "A", "", (edition,), (CatalogAddonPrice(tier, Amount(500)),))
    unpriced = CatalogAddon(5, 1, "b", "B", "", (edition,), ())
    product = CatalogProduct(
        1,
        "p",
        "P",
        "seats",
        "",
        editions=(edition,),
        tiers=(tier,),
        addons=(priced, unpriced),
        prices=(CatalogListPrice(edition, tier, Amount(10_000)),),
    )
    catalog = Catalog(products=(product,), maintenance=DEFAULT_MAINTENANCE)

    # when the client sends "b" first
    with pytest.raises(DomainError) as caught:
        price_new_license(
            catalog, product_code="p", edition_code="pro", tier_code="10", addon_codes=["b", "a"]
        )

    # then the error points at "b" where the client put it
    assert fields_of(caught.value) == [(ErrorKind.INVALID, ("addon_codes", "0"))]


# --- properties ----------------------------------------------------------------------------

CENTS = st.integers(min_value=0, max_value=10**9)
RATES = st.integers(min_value=0, max_value=BASIS_POINTS)
QUANTITIES = st.integers(min_value=1, max_value=100)


@EXAMPLES
@given(cents=CENTS, basis_points=RATES)
def test_percent_of_is_the_decimal_product_rounded_half_up(cents: int, basis_points: int) -> None:
    expected = half_up(Decimal(cents) * Decimal(basis_points) / Decimal(BASIS_POINTS))
    assert percent_of(cents, basis_points) == expected
    assert 0 <= percent_of(cents, basis_points) <= cents


@EXAMPLES
@given(unit_price=CENTS, quantity=QUANTITIES, discount_bps=RATES)
def test_a_lines_amounts_are_exact_and_never_negative(
    unit_price: int, quantity: int, discount_bps: int
) -> None:
    line = price_line(unit_price=unit_price, quantity=quantity, discount_bps=discount_bps)

    assert line.subtotal == unit_price * quantity
    assert line.discount == half_up(Decimal(line.subtotal) * discount_bps / BASIS_POINTS)
    assert line.total == line.subtotal - line.discount
    assert 0 <= line.discount <= line.subtotal
    assert line.total >= 0


LINES = st.lists(
    st.builds(
        lambda unit_price, quantity, discount_bps: price_line(
            unit_price=unit_price, quantity=quantity, discount_bps=discount_bps
        ),
        CENTS,
        QUANTITIES,
        RATES,
    ),
    max_size=50,
)


@EXAMPLES
@given(lines=LINES)
def test_totals_are_the_sums_of_the_lines(lines: list[LinePrice]) -> None:
    result = totals(lines)

    assert result.subtotal == sum(line.subtotal for line in lines)
    assert result.discount == sum(line.discount for line in lines)
    assert result.total == sum(line.total for line in lines)
    assert result.total == result.subtotal - result.discount
    assert min(result.subtotal, result.discount, result.total) >= 0


@EXAMPLES
@given(unit_prices=st.lists(CENTS, min_size=1, max_size=50), discount_bps=RATES)
def test_a_carts_discount_is_each_lines_discount_rounded_to_the_cent(
    unit_prices: list[int], discount_bps: int
) -> None:
    # given a cart with one reseller discount on every line
    lines = [price_line(unit_price=p, quantity=1, discount_bps=discount_bps) for p in unit_prices]

    # when
    result = totals(lines)

    # then the discount is exact to the cent per line
    rate = Decimal(discount_bps) / BASIS_POINTS
    assert result.discount == sum(half_up(Decimal(p) * rate) for p in unit_prices)
    # and differs from the rate of the whole subtotal by less than half a cent per line
    assert (
        abs(Decimal(result.discount) - Decimal(result.subtotal) * rate) <= Decimal(len(lines)) / 2
    )


@st.composite
def sample_choices(draw: st.DrawFn) -> tuple[CatalogProduct, CatalogListPrice, list[str]]:
    """A (product, edition, tier) on sale in the sample catalog and add-ons it allows, in any
    order."""
    product = draw(st.sampled_from(SAMPLE.products))
    price = draw(st.sampled_from(product.prices))
    allowed = [
        addon.code
        for addon in product.addons
        if price.edition in addon.allowed_editions
        and any(p.tier == price.tier for p in addon.prices)
    ]
    codes = draw(st.lists(st.sampled_from(allowed), unique=True)) if allowed else []
    return product, price, draw(st.permutations(codes))


@EXAMPLES
@given(choice=sample_choices(), quantity=QUANTITIES, discount_bps=RATES)
def test_any_sample_license_is_priced_from_the_catalog(
    choice: tuple[CatalogProduct, CatalogListPrice, list[str]], quantity: int, discount_bps: int
) -> None:
    product, price, codes = choice

    item = price_new_license(
        SAMPLE,
        product_code=product.code,
        edition_code=price.edition.code,
        tier_code=price.tier.code,
        addon_codes=codes,
    )
    line = price_line(unit_price=item.unit_price, quantity=quantity, discount_bps=discount_bps)

    yearly = {
        addon.code: next(p.yearly_price.cents for p in addon.prices if p.tier == price.tier)
        for addon in product.addons
        if addon.code in codes
    }
    assert item.unit_price == price.price.cents + sum(yearly[code] for code in codes)
    assert [a.code for a in item.addons] == [a.code for a in product.addons if a.code in codes]
    assert line.subtotal == item.unit_price * quantity
    assert line.total == line.subtotal - percent_of(line.subtotal, discount_bps)


@st.composite
def generated_catalogs(draw: st.DrawFn) -> Catalog:
    """One product with random editions, tiers, prices (some pairs not on sale) and add-ons
    (allowed on some editions, priced at some tiers)."""
    editions = tuple(
        CatalogEdition(10 + i, 1, f"e{i}", f"Edition {i}", "", i)
        for i in range(draw(st.integers(1, 3)))
    )
    tiers = tuple(
        CatalogTier(20 + i, 1, f"t{i}", f"Tier {i}", i + 1, i)
        for i in range(draw(st.integers(1, 3)))
    )
    prices = tuple(
        CatalogListPrice(edition, tier, Amount(draw(CENTS)))
        for edition in editions
        for tier in tiers
        if draw(st.booleans())
    )
    addons = tuple(
        CatalogAddon(
            30 + i,
            1,
            f"a{i}",
            f"Addon {i}",
            "",
            allowed_editions=tuple(e for e in editions if draw(st.booleans())),
            prices=tuple(
                CatalogAddonPrice(tier, Amount(draw(CENTS)))
                for tier in tiers
                if draw(st.booleans())
            ),
        )
        for i in range(draw(st.integers(0, 4)))
    )
    product = CatalogProduct(1, "p", "P", "seats", "", editions, tiers, addons, prices)
    return Catalog(products=(product,), maintenance=DEFAULT_MAINTENANCE)


@EXAMPLES
@given(data=st.data(), catalog=generated_catalogs())
def test_a_license_is_on_sale_exactly_when_the_catalog_prices_every_part_of_it(
    data: st.DataObject, catalog: Catalog
) -> None:
    # given an edition, a tier and distinct add-ons the edition allows, in any order
    [product] = catalog.products
    edition = data.draw(st.sampled_from(product.editions))
    tier = data.draw(st.sampled_from(product.tiers))
    allowed = [a for a in product.addons if edition in a.allowed_editions]
    addons = data.draw(st.lists(st.sampled_from(allowed), unique=True)) if allowed else []
    list_price = next(
        (p.price.cents for p in product.prices if p.edition == edition and p.tier == tier), None
    )
    yearly = [
        next((p.yearly_price.cents for p in a.prices if p.tier == tier), None) for a in addons
    ]
    # the parts the catalog does not price
    refused = (
        [(ErrorKind.INVALID, ("tier",))]
        if list_price is None
        else [
            (ErrorKind.INVALID, ("addon_codes", str(index)))
            for index, cents in enumerate(yearly)
            if cents is None
        ]
    )

    # when
    def price() -> NewLicense:
        return price_new_license(
            catalog,
            product_code="p",
            edition_code=edition.code,
            tier_code=tier.code,
            addon_codes=[a.code for a in addons],
        )

    # then it is refused for each part without a price, named where the client put it
    if refused:
        with pytest.raises(DomainError) as caught:
            price()
        assert sorted(fields_of(caught.value)) == sorted(refused)
    # or it costs the list price plus every add-on's yearly price
    else:
        assert list_price is not None
        assert price().unit_price == list_price + sum(c for c in yearly if c is not None)
