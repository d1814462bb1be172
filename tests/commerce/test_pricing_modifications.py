"""Pricing the modifications of a license: upgrades, add-ons bought mid-term, M&S renewal and
reinstatement. Pure functions of the catalog, the license and the time: no database.

The sample catalog's M&S terms are the defaults: 12 months, renewal 50%, 30 days of grace, a
reinstatement fee of 20%.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backend.catalog.services import Catalog, CatalogProduct, MaintenanceTerms
from backend.commerce.maintenance_pricing import months_lapsed, price_maintenance
from backend.commerce.models import MAX_MAINTENANCE_YEARS, LineKind
from backend.commerce.modification_pricing import LicenseState, price_upgrade, prorated
from backend.commerce.pricing import add_months, fraction_half_up, list_price
from backend.errors import DomainError, ErrorKind
from tests.commerce.test_pricing import SAMPLE

EXAMPLES = settings(max_examples=300, deadline=None)
MARCH = datetime(2026, 3, 1, tzinfo=UTC)
KEY = "ABCDEF-GHJKMN-PQRSTW-XYZ234-56789A-BCDEFG"


def mail_license(
    edition: str = "professional",
    tier: str = "250",
    addons: tuple[str, ...] = (),
    expires: datetime = MARCH + timedelta(days=365),
    catalog: Catalog = SAMPLE,
) -> LicenseState:
    return state_of(catalog, "smartermail", edition, tier, addons, expires)


def state_of(
    catalog: Catalog,
    product_code: str,
    edition: str,
    tier: str,
    addons: tuple[str, ...],
    expires: datetime,
) -> LicenseState:
    product = catalog.product(product_code)
    assert product is not None
    return LicenseState(
        id=1,
        key=KEY,
        product=product,
        edition=next(e for e in product.editions if e.code == edition),
        tier=next(t for t in product.tiers if t.code == tier),
        addons=tuple(a for a in product.addons if a.code in addons),
        maintenance_expires_at=expires,
        revision=1,
    )


def fields_of(error: DomainError) -> list[tuple[ErrorKind, tuple[str, ...] | None]]:
    return [(problem.kind, problem.field) for problem in error.problems]


def half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --- upgrades ------------------------------------------------------------------------------


def test_an_upgrade_costs_the_list_price_difference() -> None:
    # given SmarterMail Professional 250 ($399)
    license = mail_license()

    # when it becomes Enterprise 1000 ($1,249)
    upgrade = price_upgrade(SAMPLE, license, edition_code="enterprise", tier_code="1000", now=MARCH)

    # then
    assert upgrade.list_difference == 85_000
    assert upgrade.unit_price == 85_000
    assert upgrade.description == (
        f"SmarterMail Professional, 250 mailboxes → Enterprise, 1000 mailboxes; key {KEY}"
    )


def test_a_higher_tier_also_costs_the_prorated_difference_of_the_addons_it_has() -> None:
    # given Professional 250 with Cyren Antispam ($150 a year at 250, $450 at 1000), M&S to
    # 1 March 2027, and today 1 September 2026: 181 of the year's 365 days left
    license = mail_license(addons=("cyren-antispam",), expires=datetime(2027, 3, 1, tzinfo=UTC))
    now = datetime(2026, 9, 1, 12, tzinfo=UTC)

    # when the tier goes to 1000 and ActiveSync ($800 a year at 1000) is added
    upgrade = price_upgrade(
        SAMPLE,
        license,
        edition_code="enterprise",
        tier_code="1000",
        add_addon_codes=["activesync"],
        now=now,
    )

    # then $850 + $300 x 181/365 ($148.767… -> $148.77) + $800 x 181/365 ($396.712… -> $396.71)
    assert upgrade.moved_prices == (14_877,)
    assert upgrade.added_prices == (39_671,)
    assert upgrade.unit_price == 85_000 + 14_877 + 39_671
    assert [a.code for a in upgrade.addons] == ["activesync"]
    assert upgrade.description == (
        "SmarterMail Professional, 250 mailboxes → Enterprise, 1000 mailboxes, Cyren Antispam "
        "at 1000 mailboxes, + Exchange ActiveSync (prorated to 2027-03-01); key " + KEY
    )
    # and the license after it has both add-ons and a new revision
    after = upgrade.applied_to(license)
    assert (after.edition.code, after.tier.code, after.revision) == ("enterprise", "1000", 2)
    assert [a.code for a in after.addons] == ["activesync", "cyren-antispam"]
    assert after.maintenance_expires_at == license.maintenance_expires_at


def test_an_addon_alone_is_prorated_to_the_maintenance_expiry() -> None:
    # given Enterprise 250 with M&S to 1 March 2027, today 1 March 2026: a whole year left
    license = mail_license("enterprise", expires=datetime(2027, 3, 1, 9, tzinfo=UTC))

    # when
    upgrade = price_upgrade(SAMPLE, license, add_addon_codes=["mapi-ews"], now=MARCH)

    # then a year of MAPI/EWS at 250: $300
    assert (upgrade.list_difference, upgrade.unit_price) == (0, 30_000)
    assert upgrade.description == (
        f"SmarterMail Enterprise, 250 mailboxes, + MAPI/EWS (prorated to 2027-03-01); key {KEY}"
    )


@pytest.mark.parametrize(
    ("license", "change", "problems"),
    [
        (
            mail_license("enterprise"),
            {"edition_code": "professional"},
            [(ErrorKind.INVALID, ("edition_code",))],
        ),
        (mail_license(tier="1000"), {"tier_code": "250"}, [(ErrorKind.INVALID, ("tier",))]),
        (mail_license(), {"edition_code": "ultimate"}, [(ErrorKind.NOT_FOUND, ("edition_code",))]),
        (mail_license(), {"tier_code": "5"}, [(ErrorKind.NOT_FOUND, ("tier",))]),
        (mail_license(), {"edition_code": "professional"}, [(ErrorKind.INVALID, None)]),
        (mail_license(), {}, [(ErrorKind.INVALID, None)]),
        (
            mail_license(),
            {"add_addon_codes": ["activesync"]},
            [(ErrorKind.INVALID, ("add_addon_codes", "0"))],
        ),
        (
            mail_license(addons=("cyren-antispam",)),
            {"add_addon_codes": ["message-sniffer", "cyren-antispam"]},
            [(ErrorKind.INVALID, ("add_addon_codes", "1"))],
        ),
        (
            mail_license(),
            {"add_addon_codes": ["fax", "message-sniffer", "message-sniffer"]},
            [
                (ErrorKind.NOT_FOUND, ("add_addon_codes", "0")),
                (ErrorKind.INVALID, ("add_addon_codes", "2")),
            ],
        ),
        (
            mail_license(expires=MARCH),
            {"add_addon_codes": ["message-sniffer"]},
            [(ErrorKind.INVALID, ("add_addon_codes", "0"))],
        ),
        (
            mail_license(expires=MARCH - timedelta(days=90)),
            {"tier_code": "1000", "add_addon_codes": ["message-sniffer"]},
            [(ErrorKind.INVALID, ("add_addon_codes", "0"))],
        ),
    ],
    ids=[
        "lower edition",
        "lower tier",
        "unknown edition",
        "unknown tier",
        "same edition",
        "nothing asked",
        "addon the edition does not allow",
        "addon the license has",
        "unknown and duplicate addons",
        "addon on the day M&S ends",
        "addon with M&S lapsed",
    ],
)
def test_an_upgrade_that_cannot_be_sold_is_refused_naming_the_field(
    license: LicenseState, change: dict[str, object], problems: list[object]
) -> None:
    with pytest.raises(DomainError) as caught:
        price_upgrade(SAMPLE, license, now=MARCH, **change)  # type: ignore[arg-type]
    assert fields_of(caught.value) == problems


def with_product(catalog: Catalog, product: CatalogProduct) -> Catalog:
    return Catalog(
        products=tuple(product if p.id == product.id else p for p in catalog.products),
        maintenance=catalog.maintenance,
    )


def test_a_higher_edition_that_costs_less_is_a_downgrade() -> None:
    # given a catalog where Enterprise 250 costs less than Professional 250
    mail = SAMPLE.product("smartermail")
    assert mail is not None
    prices = tuple(
        replace(p, price=replace(p.price, cents=100))
        if (p.edition.code, p.tier.code) == ("enterprise", "250")
        else p
        for p in mail.prices
    )
    catalog = with_product(SAMPLE, replace(mail, prices=prices))

    # when
    with pytest.raises(DomainError) as caught:
        price_upgrade(catalog, mail_license(catalog=catalog), edition_code="enterprise", now=MARCH)

    # then
    assert fields_of(caught.value) == [(ErrorKind.INVALID, ("edition_code",))]
    assert "Downgrades are not sold" in str(caught.value)


def test_an_addon_the_new_edition_does_not_include_refuses_the_upgrade() -> None:
    # given a catalog where Message Sniffer is for Professional only, and a license that has it
    mail = SAMPLE.product("smartermail")
    assert mail is not None
    addons = tuple(
        replace(a, allowed_editions=(mail.editions[1],)) if a.code == "message-sniffer" else a
        for a in mail.addons
    )
    catalog = with_product(SAMPLE, replace(mail, addons=addons))
    license = mail_license(addons=("message-sniffer",), catalog=catalog)

    # when
    with pytest.raises(DomainError) as caught:
        price_upgrade(catalog, license, edition_code="enterprise", now=MARCH)

    # then
    assert fields_of(caught.value) == [(ErrorKind.INVALID, ("edition_code",))]
    assert "Message Sniffer" in str(caught.value)


# --- M&S -----------------------------------------------------------------------------------


def test_a_renewal_is_half_the_list_price_plus_the_addons_from_the_old_expiry() -> None:
    # given Enterprise 250 with ActiveSync, M&S ending in ten days
    expires = MARCH + timedelta(days=10)
    license = mail_license("enterprise", addons=("activesync",), expires=expires)

    # when two years are renewed
    renewal = price_maintenance(SAMPLE, license, years=2, now=MARCH)

    # then ($749 / 2 + $250) a year: $624.50, twice
    assert renewal.kind is LineKind.MAINTENANCE_RENEWAL
    assert (renewal.yearly, renewal.fee, renewal.months_lapsed) == (62_450, 0, 0)
    assert renewal.unit_price == 124_900
    assert renewal.new_expires_at == datetime(2028, 3, 11, tzinfo=UTC)
    assert renewal.description == (
        "SmarterMail Enterprise, 250 mailboxes: M&S renewal, 2 years, until 2028-03-11 with "
        f"Exchange ActiveSync; key {KEY}"
    )
    # and applied, it moves the expiry only
    after = renewal.applied_to(license)
    assert (after.maintenance_expires_at, after.revision) == (renewal.new_expires_at, 1)


def test_a_reinstatement_costs_the_months_lapsed_and_a_fee_and_runs_from_today() -> None:
    # given M&S that ended four months and a few days ago
    license = mail_license(
        "enterprise", addons=("activesync",), expires=datetime(2025, 10, 25, tzinfo=UTC)
    )

    # when it is reinstated for two years
    offer = price_maintenance(SAMPLE, license, years=2, now=MARCH)

    # then $624.50 x 16/12 ($832.666… -> $832.67) + 20% of $624.50 + another $624.50
    assert offer.kind is LineKind.MAINTENANCE_REINSTATEMENT
    assert offer.months_lapsed == 4
    assert (offer.first_year, offer.fee) == (83_267, 12_490)
    assert offer.unit_price == 83_267 + 12_490 + 62_450
    assert offer.new_expires_at == datetime(2028, 3, 1, tzinfo=UTC)
    assert offer.description.startswith(
        "SmarterMail Enterprise, 250 mailboxes: M&S reinstatement (4 months lapsed + fee), "
        "2 years, until 2028-03-01"
    )


@pytest.mark.parametrize("years", [0, MAX_MAINTENANCE_YEARS + 1])
def test_years_of_maintenance_are_one_to_five(years: int) -> None:
    with pytest.raises(DomainError) as caught:
        price_maintenance(SAMPLE, mail_license(), years=years, now=MARCH)
    assert fields_of(caught.value) == [(ErrorKind.INVALID, ("years",))]


def test_a_renewal_that_would_still_end_in_the_past_is_refused() -> None:
    # given a policy of one-month terms with 60 days of grace, and M&S ended 45 days ago
    catalog = replace(SAMPLE, maintenance=replace(SAMPLE.maintenance, term_months=1, grace_days=60))
    license = mail_license(catalog=catalog, expires=MARCH - timedelta(days=45))

    # when / then one month from the old expiry is still past
    with pytest.raises(DomainError) as caught:
        price_maintenance(catalog, license, years=1, now=MARCH)
    assert fields_of(caught.value) == [(ErrorKind.INVALID, ("years",))]
    # and two months reach beyond today
    assert price_maintenance(catalog, license, years=2, now=MARCH).new_expires_at > MARCH


@pytest.mark.parametrize(
    ("expired", "now", "months"),
    [
        (datetime(2026, 1, 31, 10, tzinfo=UTC), datetime(2026, 2, 28, 10, tzinfo=UTC), 1),
        (datetime(2026, 1, 31, 10, tzinfo=UTC), datetime(2026, 2, 28, 9, tzinfo=UTC), 0),
        (datetime(2026, 1, 15, tzinfo=UTC), datetime(2026, 5, 14, 23, tzinfo=UTC), 3),
        (datetime(2026, 1, 15, tzinfo=UTC), datetime(2026, 5, 15, tzinfo=UTC), 4),
        (datetime(2024, 2, 29, tzinfo=UTC), datetime(2025, 2, 28, tzinfo=UTC), 12),
        (datetime(2026, 1, 15, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC), 0),
    ],
)
def test_months_lapsed_are_whole_calendar_months(
    expired: datetime, now: datetime, months: int
) -> None:
    assert months_lapsed(expired, now=now) == months


# --- properties ----------------------------------------------------------------------------


@st.composite
def licenses(draw: st.DrawFn, expires: st.SearchStrategy[datetime] | None = None) -> LicenseState:
    """Any license the sample catalog sells: an (edition, tier) on sale, allowed add-ons."""
    product = draw(st.sampled_from(SAMPLE.products))
    price = draw(st.sampled_from(product.prices))
    addons = [
        addon.code
        for addon in product.addons
        if price.edition in addon.allowed_editions
        and any(p.tier == price.tier for p in addon.prices)
    ]
    chosen = tuple(draw(st.lists(st.sampled_from(addons), unique=True))) if addons else ()
    expiry = draw(expires if expires is not None else MOMENTS)
    return state_of(SAMPLE, product.code, price.edition.code, price.tier.code, chosen, expiry)


MOMENTS = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
)
YEARS = st.integers(min_value=1, max_value=MAX_MAINTENANCE_YEARS)
POLICIES = st.builds(
    MaintenanceTerms,
    term_months=st.sampled_from([1, 6, 12, 24, 36]),
    renewal_percent=st.integers(0, 20_000).map(lambda bps: Decimal(bps) / 100),
    grace_days=st.integers(0, 365),
    reinstatement_fee_percent=st.integers(0, 20_000).map(lambda bps: Decimal(bps) / 100),
)


def with_policy(terms: MaintenanceTerms) -> Catalog:
    return replace(SAMPLE, maintenance=terms)


@EXAMPLES
@given(license=licenses(), terms=POLICIES, years=YEARS)
def test_renewal_and_reinstatement_are_decided_at_the_end_of_the_grace_period(
    license: LicenseState, terms: MaintenanceTerms, years: int
) -> None:
    catalog = with_policy(terms)
    end_of_grace = license.maintenance_expires_at + timedelta(days=terms.grace_days)
    second = timedelta(seconds=1)

    before = end_of_grace - second
    if add_months(license.maintenance_expires_at, terms.term_months * years) > before:
        renewal = price_maintenance(catalog, license, years=years, now=before)
        assert renewal.kind is LineKind.MAINTENANCE_RENEWAL
    for after in (end_of_grace, end_of_grace + second):
        reinstatement = price_maintenance(catalog, license, years=years, now=after)
        assert reinstatement.kind is LineKind.MAINTENANCE_REINSTATEMENT


@EXAMPLES
@given(license=licenses(), terms=POLICIES, years=YEARS, offset=st.integers(-800, 800))
def test_maintenance_extends_from_the_old_expiry_or_from_today_never_before_now(
    license: LicenseState, terms: MaintenanceTerms, years: int, offset: int
) -> None:
    now = license.maintenance_expires_at + timedelta(days=offset, seconds=offset * 37)
    term = terms.term_months * years
    catalog = with_policy(terms)
    lapsed = now >= license.maintenance_expires_at + timedelta(days=terms.grace_days)
    if not lapsed and add_months(license.maintenance_expires_at, term) <= now:
        # only a renewal still ending in the past is refused
        with pytest.raises(DomainError) as caught:
            price_maintenance(catalog, license, years=years, now=now)
        assert fields_of(caught.value) == [(ErrorKind.INVALID, ("years",))]
        return
    offer = price_maintenance(catalog, license, years=years, now=now)
    assert offer.new_expires_at > now
    if offer.kind is LineKind.MAINTENANCE_RENEWAL:
        assert offer.new_expires_at == add_months(license.maintenance_expires_at, term)
    else:
        assert offer.new_expires_at == add_months(now, term)


@EXAMPLES
@given(license=licenses(), terms=POLICIES, years=YEARS, lapsed_days=st.integers(0, 2000))
def test_a_reinstatement_costs_at_least_a_renewal_and_never_less_as_time_passes(
    license: LicenseState, terms: MaintenanceTerms, years: int, lapsed_days: int
) -> None:
    catalog = with_policy(terms)
    start = license.maintenance_expires_at + timedelta(days=terms.grace_days)
    earlier = price_maintenance(catalog, license, years=years, now=start)
    later = price_maintenance(
        catalog, license, years=years, now=start + timedelta(days=lapsed_days, seconds=1)
    )
    renewal_price = earlier.yearly * years

    for offer in (earlier, later):
        assert offer.kind is LineKind.MAINTENANCE_REINSTATEMENT
        assert offer.unit_price >= renewal_price >= 0
        assert offer.fee >= 0
        # the first year is the renewal x (1 + months / 12), rounded half up
        assert offer.first_year == half_up(Decimal(offer.yearly) * (12 + offer.months_lapsed) / 12)
    assert later.months_lapsed >= earlier.months_lapsed
    assert later.unit_price >= earlier.unit_price


@EXAMPLES
@given(license=licenses(), terms=POLICIES, years=YEARS, offset=st.integers(-800, 800))
def test_maintenance_prices_are_never_negative_and_grow_with_the_years(
    license: LicenseState, terms: MaintenanceTerms, years: int, offset: int
) -> None:
    catalog = with_policy(terms)
    now = license.maintenance_expires_at + timedelta(days=offset)
    try:
        fewer = price_maintenance(catalog, license, years=years, now=now)
    except DomainError:
        return
    price = list_price(license.product, license.edition, license.tier)
    assert price is not None
    assert fewer.yearly == fraction_half_up(price * int(terms.renewal_percent * 100), 10_000) + sum(
        next(p.yearly_price.cents for p in a.prices if p.tier == license.tier)
        for a in license.addons
    )
    assert fewer.unit_price >= 0
    if years < MAX_MAINTENANCE_YEARS:
        more = price_maintenance(catalog, license, years=years + 1, now=now)
        assert more.unit_price == fewer.unit_price + fewer.yearly


YEARLY = st.integers(min_value=0, max_value=10_000_000)


@EXAMPLES
@given(
    yearly=YEARLY, until=MOMENTS, days_before=st.integers(0, 366), seconds=st.integers(0, 86_399)
)
def test_an_addon_within_a_year_of_expiry_costs_at_most_its_yearly_price(
    yearly: int, until: datetime, days_before: int, seconds: int
) -> None:
    now = until - timedelta(days=days_before, seconds=seconds)
    assume(now >= add_months(until, -12))

    price = prorated(yearly, now=now, until=until)

    # then the days left of the year that ends at the expiry, rounded half up
    year_days = (until.date() - add_months(until.date(), -12)).days
    days_left = (until.date() - now.date()).days
    assert price == half_up(Decimal(yearly) * days_left / year_days)
    assert 0 <= price <= yearly


@EXAMPLES
@given(yearly=YEARLY, until=MOMENTS, after=st.integers(0, 3000), seconds=st.integers(0, 86_399))
def test_an_addon_costs_nothing_from_the_day_maintenance_ends(
    yearly: int, until: datetime, after: int, seconds: int
) -> None:
    start_of_day = until.replace(hour=0, minute=0, second=0, microsecond=0)
    assert (
        prorated(yearly, now=start_of_day + timedelta(days=after, seconds=seconds), until=until)
        == 0
    )


@EXAMPLES
@given(
    yearly=YEARLY,
    until=MOMENTS,
    earlier=st.integers(0, 6 * 366),
    later=st.integers(0, 6 * 366),
)
def test_proration_shrinks_as_time_passes_and_whole_years_cost_the_yearly_price(
    yearly: int, until: datetime, earlier: int, later: int
) -> None:
    first, second = sorted((earlier, later), reverse=True)
    sooner = prorated(yearly, now=until - timedelta(days=first), until=until)
    closer = prorated(yearly, now=until - timedelta(days=second), until=until)
    assert sooner >= closer >= 0
    # at most a yearly price per started year
    assert sooner <= yearly * (first // 365 + 1)
    for years in range(1, 6):
        assert prorated(yearly, now=add_months(until, -12 * years), until=until) == yearly * years


@EXAMPLES
@given(moment=MOMENTS, months=st.integers(-240, 240))
def test_add_months_keeps_the_day_or_ends_the_month(moment: datetime, months: int) -> None:
    moved = add_months(moment, months)
    assert (moved.year * 12 + moved.month) - (moment.year * 12 + moment.month) == months
    assert moved.day == min(moment.day, calendar.monthrange(moved.year, moved.month)[1])
    assert moved.time() == moment.time() and moved.tzinfo == moment.tzinfo
    assert add_months(moment.date(), months) == moved.date()


@EXAMPLES
@given(license=licenses(expires=st.just(MARCH + timedelta(days=200))))
def test_an_upgrade_never_costs_less_than_nothing(license: LicenseState) -> None:
    product = license.product
    for edition in product.editions:
        for tier in product.tiers:
            try:
                upgrade = price_upgrade(
                    SAMPLE, license, edition_code=edition.code, tier_code=tier.code, now=MARCH
                )
            except DomainError:
                continue
            assert upgrade.unit_price >= 0
            assert upgrade.list_difference >= 0
            assert upgrade.edition.rank >= license.edition.rank
            assert upgrade.tier.rank >= license.tier.rank
