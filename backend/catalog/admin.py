"""The vendor's catalog administration: list prices, add-on prices and the M&S policy.

A change applies from the next request on, in every process: the write changes the catalog
version in its own transaction (database triggers, ``versioning``) and ``services.load_catalog``
reloads its snapshot when the version differs, so there is nothing to invalidate; orders
already placed keep the prices they were placed at. Correctness under concurrency rests on the
unique constraints (one price per edition and tier, per add-on and tier, one ``default`` policy);
the row locks taken on the way are a PostgreSQL extra.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from backend.audit.services import diff, record
from backend.catalog.models import (
    Addon,
    AddonPrice,
    Edition,
    ListPrice,
    MaintenancePolicy,
    Product,
    Tier,
)
from backend.catalog.services import CatalogProduct, MaintenanceTerms, load_catalog
from backend.errors import DomainError, ErrorKind, Problems, not_found
from backend.identity.actor import Actor
from backend.identity.roles import Permission
from backend.money import BASIS_POINTS_PER_PERCENT, Amount, basis_points_to_percent, hundredths

MAX_PRICE_CENTS = 100_000_000
"""1,000,000.00: a price above this is a typing mistake, not a price."""
MAX_PERCENT = 1000
TERM_MONTHS = range(1, 121)
GRACE_DAYS = range(0, 366)

ModelT = TypeVar("ModelT", bound=Model)


def price_to_cents(price: Decimal, field: str = "price") -> int:
    """``Decimal("399.5")`` → 39950: not negative, at most two decimals, at most 1,000,000.00."""
    scaled = hundredths(price)
    if scaled is None:
        raise DomainError(
            ErrorKind.INVALID, "Use an amount with at most two decimals, e.g. 399.00.", field=field
        )
    if scaled < 0:
        raise DomainError(ErrorKind.INVALID, "A price cannot be negative.", field=field)
    if scaled > MAX_PRICE_CENTS:
        raise DomainError(ErrorKind.INVALID, "A price is at most 1,000,000.00.", field=field)
    return scaled


def percent_to_basis_points(value: Decimal, field: str) -> int:
    """``Decimal("12.5")`` → 1250: at most two decimals, from 0 to 1000%."""
    scaled = hundredths(value)
    if scaled is None:
        raise DomainError(
            ErrorKind.INVALID, "Use a percentage with at most two decimals.", field=field
        )
    if not 0 <= scaled <= MAX_PERCENT * BASIS_POINTS_PER_PERCENT:
        raise DomainError(
            ErrorKind.INVALID, f"A percentage is between 0 and {MAX_PERCENT}.", field=field
        )
    return scaled


async def update_catalog_price(
    *,
    actor: Actor,
    product_code: str,
    edition_code: str | None,
    tier_code: str,
    addon_code: str | None,
    price: Decimal,
) -> CatalogProduct:
    """Set the list price of (edition, tier) of a product, or with ``addon_code`` (and no
    edition) the add-on's yearly price for the tier; a pair without a price is put on sale.

    Returns the product as a fresh catalog snapshot has it after the change.
    """
    actor.require(Permission.CATALOG_MANAGE)
    problems = Problems()
    if addon_code is not None and edition_code is not None:
        problems.add(
            ErrorKind.INVALID,
            "An add-on has one yearly price per tier, whatever the edition: leave it out.",
            "edition_code",
        )
    if addon_code is None and edition_code is None:
        problems.add(ErrorKind.REQUIRED, "Name the edition to price.", "edition_code")
    try:
        cents = price_to_cents(price)
    except DomainError as error:
        problems.found.extend(error.problems)
        cents = 0
    problems.raise_if_any()

    async with in_transaction():
        product = await Product.get_or_none(code=product_code)
        if product is None:
            raise not_found("product", "product_code")
        missing = Problems()
        row: Model
        tier = await Tier.get_or_none(product_id=product.id, code=tier_code)
        if tier is None:
            missing.add(ErrorKind.NOT_FOUND, f"{product.name} has no such tier.", "tier")
        if addon_code is not None:
            addon = await Addon.get_or_none(product_id=product.id, code=addon_code)
            if addon is None:
                missing.add(
                    ErrorKind.NOT_FOUND, f"{product.name} has no such add-on.", "addon_code"
                )
            if addon is None or tier is None:
                raise DomainError(problems=missing.found)
            row, old = await _upsert(
                AddonPrice, {"addon_id": addon.id, "tier_id": tier.id}, "yearly_amount_cents", cents
            )
            label = f"{product.name} {addon.name}, {tier.name}"
        else:
            edition = await Edition.get_or_none(product_id=product.id, code=edition_code)
            if edition is None:
                missing.add(
                    ErrorKind.NOT_FOUND, f"{product.name} has no such edition.", "edition_code"
                )
            if edition is None or tier is None:
                raise DomainError(problems=missing.found)
            row, old = await _upsert(
                ListPrice, {"edition_id": edition.id, "tier_id": tier.id}, "amount_cents", cents
            )
            label = f"{product.name} {edition.name}, {tier.name}"
        if old != cents:
            await record(
                actor,
                "catalog.price_updated",
                reseller_id=None,
                target=row,
                target_label=label,
                changes={"price": [_decimal(old), _decimal(cents)]},
            )
    fresh = (await load_catalog()).product(product_code)
    assert fresh is not None  # products are never deleted
    return fresh


async def _upsert(
    model: type[ModelT], keys: dict[str, int], column: str, cents: int
) -> tuple[ModelT, int | None]:
    """Set ``column`` of the row with ``keys``, creating it if missing; the old value or None.

    Two requests may both find no row and both insert: the unique constraint lets one win and
    the other, instead of failing, updates the row the winner created.
    """
    row = await _locked(model, keys)
    if row is None:
        try:
            async with in_transaction():  # a savepoint: a failed insert leaves the rest intact
                values: dict[str, Any] = {**keys, column: cents}
                return await model.create(**values), None
        except IntegrityError:
            row = await _locked(model, keys)
            if row is None:  # the insert failed for another reason than a concurrent one
                raise
    old: int = getattr(row, column)
    if old != cents:
        setattr(row, column, cents)
        await row.save(update_fields=[column, "updated_at"])
    return row, old


async def _locked(model: type[ModelT], keys: dict[str, int]) -> ModelT | None:
    """The row with ``keys``, locked until the transaction ends (on PostgreSQL)."""
    return await model.filter(**keys).select_for_update().get_or_none()


def _decimal(cents: int | None) -> str | None:
    return None if cents is None else str(Amount(cents).decimal)


async def update_maintenance_policy(
    *,
    actor: Actor,
    term_months: int | None = None,
    renewal_percent: Decimal | None = None,
    grace_days: int | None = None,
    reinstatement_fee_percent: Decimal | None = None,
) -> MaintenanceTerms:
    """Change the M&S terms (creating the ``default`` policy if missing); omitted fields stay."""
    actor.require(Permission.CATALOG_MANAGE)
    values = _policy_values(
        term_months=term_months,
        renewal_percent=renewal_percent,
        grace_days=grace_days,
        reinstatement_fee_percent=reinstatement_fee_percent,
    )
    async with in_transaction():
        policy = await _default_policy()
        changed = diff({key: getattr(policy, key) for key in values}, values)
        if changed:
            policy.update_from_dict(values)
            await policy.save(update_fields=[*changed, "updated_at"])
            await record(
                actor,
                "catalog.maintenance_policy_updated",
                reseller_id=None,
                target=policy,
                target_label="Maintenance & Support policy",
                changes={
                    _readable(key): [_shown(key, old), _shown(key, new)]
                    for key, (old, new) in changed.items()
                },
            )
    return MaintenanceTerms(
        term_months=policy.term_months,
        renewal_percent=basis_points_to_percent(policy.renewal_bps),
        grace_days=policy.grace_days,
        reinstatement_fee_percent=basis_points_to_percent(policy.reinstatement_fee_bps),
    )


def _policy_values(
    *,
    term_months: int | None,
    renewal_percent: Decimal | None,
    grace_days: int | None,
    reinstatement_fee_percent: Decimal | None,
) -> dict[str, int]:
    """The policy's columns to set, validated; every problem is reported at once."""
    problems = Problems()
    values: dict[str, int] = {}
    if term_months is not None:
        if term_months in TERM_MONTHS:
            values["term_months"] = term_months
        else:
            problems.add(ErrorKind.INVALID, "M&S lasts from 1 to 120 months.", "term_months")
    for column, field, percent in (
        ("renewal_bps", "renewal_percent", renewal_percent),
        ("reinstatement_fee_bps", "reinstatement_fee_percent", reinstatement_fee_percent),
    ):
        if percent is not None:
            try:
                values[column] = percent_to_basis_points(percent, field)
            except DomainError as error:
                problems.found.extend(error.problems)
    if grace_days is not None:
        if grace_days in GRACE_DAYS:
            values["grace_days"] = grace_days
        else:
            problems.add(ErrorKind.INVALID, "The grace period is 0 to 365 days.", "grace_days")
    problems.raise_if_any()
    return values


async def _default_policy() -> MaintenancePolicy:
    """The one policy row, locked; created with the default terms if missing."""
    policy = await MaintenancePolicy.filter(key="default").select_for_update().get_or_none()
    if policy is not None:
        return policy
    try:
        async with in_transaction():  # a savepoint: a concurrent creation may win
            return await MaintenancePolicy.create(key="default")
    except IntegrityError:
        return await MaintenancePolicy.filter(key="default").select_for_update().get()


_PERCENT_COLUMNS = {
    "renewal_bps": "renewal_percent",
    "reinstatement_fee_bps": "reinstatement_fee_percent",
}


def _readable(column: str) -> str:
    return _PERCENT_COLUMNS.get(column, column)


def _shown(column: str, value: Any) -> Any:
    return basis_points_to_percent(value) if column in _PERCENT_COLUMNS else value
