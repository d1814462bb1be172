"""License keys: their format, reading them as people type them, and uniqueness in the database."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tortoise.exceptions import IntegrityError

from backend.catalog.models import Edition, Tier
from backend.catalog.seed import seed_catalog
from backend.commerce.models import Order, OrderLine, PaymentMethod
from backend.licensing.keys import ALPHABET, is_key, key_prefix, new_key, normalize_key
from backend.licensing.models import License
from tests.identity.factories import make_reseller

EXAMPLES = settings(max_examples=200, deadline=None)
KEY = "7KQ2MX-R9TP4H-ABCDEF-GHJKMN-PQRSTW-XYZ234"
KEYS = st.lists(st.sampled_from(ALPHABET), min_size=36, max_size=36).map(
    lambda chars: "-".join("".join(chars[i : i + 6]) for i in range(0, 36, 6))
)


def test_a_key_is_six_groups_of_six_from_the_alphabet() -> None:
    for _ in range(200):
        key = new_key()
        assert re.fullmatch(
            r"[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}(-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}){5}", key
        )
        assert is_key(key)


def test_the_alphabet_leaves_out_characters_people_confuse() -> None:
    assert not set("01OILUV") & set(ALPHABET)
    assert len(ALPHABET) == len(set(ALPHABET)) == 29


def test_keys_do_not_repeat() -> None:
    keys = {new_key() for _ in range(1000)}
    assert len(keys) == 1000


@pytest.mark.parametrize(
    "typed",
    [
        KEY,
        KEY.lower(),
        KEY.replace("-", ""),
        KEY.replace("-", "").lower(),
        KEY.replace("-", " "),
        f"  {KEY}\n",
        "7kq2mx r9tp4h-abcdef ghjkmnpqrstwxyz234",
    ],
)
def test_a_key_as_typed_is_read_in_its_canonical_form(typed: str) -> None:
    assert normalize_key(typed) == KEY


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nonsense", "NONSENSE"),
        (" 7kq2mx ", "7KQ2MX"),
        (KEY + "-2", KEY + "-2"),
    ],
)
def test_what_is_not_a_whole_key_is_only_trimmed_and_upper_cased(typed: str, expected: str) -> None:
    assert normalize_key(typed) == expected
    assert not is_key(normalize_key(typed))


@pytest.mark.parametrize(
    "value",
    [
        "",
        KEY.lower(),
        KEY.replace("-", ""),
        KEY + "-",
        "7KQ2MX-R9TP4H-ABCDEF-GHJKMN-PQRSTW-XYZ23O",  # the letter O is not in the alphabet
        "7KQ2MXR-9TP4H-ABCDEF-GHJKMN-PQRSTW-XYZ234",
    ],
)
def test_is_key_takes_only_the_canonical_form(value: str) -> None:
    assert not is_key(value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7", "7"),
        ("7kq2mx", "7KQ2MX"),
        ("7kq2mx-", "7KQ2MX"),
        ("7kq2mxr9", "7KQ2MX-R9"),
        ("7KQ2MX-r9t", "7KQ2MX-R9T"),
        ("7kq2 mxr9 tp4h", "7KQ2MX-R9TP4H"),
        (KEY.replace("-", "").lower(), KEY),
        ("", None),
        (" - ", None),
        ("pat@customer.example", None),
        ("7KQ2MO", None),
        (KEY + "2", None),
    ],
)
def test_the_beginning_of_a_key_as_typed(typed: str, expected: str | None) -> None:
    assert key_prefix(typed) == expected


@EXAMPLES
@given(key=KEYS, data=st.data())
def test_any_key_is_read_back_however_it_is_typed(key: str, data: st.DataObject) -> None:
    # given the key typed in any case, with dashes, spaces or nothing between its groups
    compact = key.replace("-", "")
    cased = "".join(c.lower() if data.draw(st.booleans()) else c for c in compact)
    separators = data.draw(st.lists(st.sampled_from(["", "-", " "]), min_size=5, max_size=5))
    typed = "".join(cased[i * 6 : i * 6 + 6] + (separators[i] if i < 5 else "") for i in range(6))
    length = data.draw(st.integers(min_value=1, max_value=len(typed)))

    # then
    assert normalize_key(typed) == key
    assert is_key(normalize_key(typed))
    assert key_prefix(typed) == key
    # and any beginning of it is a beginning of the key
    prefix = key_prefix(typed[:length])
    assert prefix is None or key.startswith(prefix)
    assert prefix is not None or not typed[:length].strip(" -")


async def test_the_database_refuses_a_duplicate_key(db: str) -> None:
    # given a license
    await seed_catalog()
    reseller = await make_reseller()
    edition = await Edition.get(product__code="smarterstats", code="professional")
    tier = await Tier.get(product__code="smarterstats", code="50")
    now = datetime(2026, 5, 1, tzinfo=UTC)
    order = await Order.create(
        number="ORD-2026-000001",
        reseller=reseller,
        placed_by_label="tests",
        payment_method=PaymentMethod.INVOICE,
        subtotal_cents=0,
        discount_cents=0,
        total_cents=0,
        billing={},
        placed_at=now,
    )
    line = await OrderLine.create(
        order=order,
        position=1,
        kind="NEW_LICENSE",
        product_id=edition.product_id,
        edition=edition,
        tier=tier,
        description="SmarterStats Professional, 50 sites",
        quantity=2,
        unit_price_cents=0,
        subtotal_cents=0,
        discount_cents=0,
        total_cents=0,
    )

    def license_with(key: str) -> License:
        return License(
            key=key,
            reseller=reseller,
            order=order,
            order_line=line,
            product_id=edition.product_id,
            edition=edition,
            tier=tier,
            maintenance_expires_at=now,
            created_at=now,
        )

    await license_with(KEY).save()

    # when another license gets the same key, then the database refuses it
    with pytest.raises(IntegrityError):
        await license_with(KEY).save()
    with pytest.raises(IntegrityError):
        await License.bulk_create([license_with(new_key()), license_with(KEY)])
    assert await License.all().values_list("key", flat=True) == [KEY]
