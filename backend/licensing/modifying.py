"""Modifying licenses: their state for pricing, and applying what an order bought.

Applying is conditional on the state the order was priced against, so that two orders priced
against the same state cannot both apply, on SQLite and PostgreSQL alike: an upgrade updates the
row only while its revision and M&S expiry are the ones priced (and raises the revision by one);
M&S only while the expiry is the one priced (the revision stays: installations keep working). No
row updated means another order changed the license first: the checkout fails with CONFLICT, its
transaction is rolled back and its charge refunded.

The customer of an assigned license is emailed what changed (and, when the revision rose, that
its installations must activate again), and every change is audited, in the order's transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tortoise.queryset import QuerySet

from backend import clock
from backend.accounts.models import Reseller
from backend.audit.services import diff, record
from backend.catalog.services import Catalog
from backend.commerce.maintenance_pricing import Maintenance
from backend.commerce.models import LineKind
from backend.commerce.modification_pricing import LicenseState, Upgrade, license_state
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.licensing.keys import is_key, normalize_key
from backend.licensing.models import License, LicenseAddon
from backend.notifications.outbox import enqueue_email
from backend.notifications.rendering import format_utc
from backend.webhooks import events as webhooks

MAX_KEY_INPUT = 100


async def license_states(catalog: Catalog, licenses: QuerySet[License]) -> dict[int, LicenseState]:
    """The licenses of ``licenses`` as they are, by id: two queries, whatever their number."""
    rows = await licenses
    owned: dict[int, list[int]] = defaultdict(list)
    if rows:
        pairs = await LicenseAddon.filter(license_id__in=[row.id for row in rows]).values_list(
            "license_id", "addon_id"
        )
        for license_id, addon_id in pairs:
            owned[license_id].append(addon_id)
    return {row.id: license_state(catalog, row, owned[row.id]) for row in rows}


def license_key(value: str) -> str | None:
    """A key as typed (any case, with or without dashes) in canonical form; None if no key."""
    key = normalize_key(value[:MAX_KEY_INPUT])
    return key if is_key(key) else None


async def states_by_key(
    actor: Actor, catalog: Catalog, keys: Iterable[str]
) -> dict[str, LicenseState]:
    """The caller's licenses with these keys (as typed), by the key as typed; a key that is
    malformed, unknown or another reseller's is missing from the answer."""
    canonical = {typed: key for typed in keys if (key := license_key(typed)) is not None}
    if not canonical:
        return {}
    found = await license_states(
        catalog, actor.scope(License).filter(key__in=sorted(set(canonical.values())))
    )
    by_key = {state.key: state for state in found.values()}
    return {typed: by_key[key] for typed, key in canonical.items() if key in by_key}


@dataclass(frozen=True, slots=True)
class LicenseChange:
    """One modification as it applies: the license before and after it."""

    item: Upgrade | Maintenance
    before: LicenseState
    after: LicenseState

    @property
    def kind(self) -> LineKind:
        return self.item.kind

    def as_json(self) -> dict[str, object]:
        """An order line's ``change``."""
        return {"before": self.before.as_json(), "after": self.after.as_json()}


def planned_changes(items: Sequence[object]) -> list[LicenseChange | None]:
    """For each item, its change (None for new licenses): each modification applied in turn to
    the license as the ones before it in the order left it. Every item was priced against the
    license as it was before the order."""
    current: dict[int, LicenseState] = {}
    changes: list[LicenseChange | None] = []
    for item in items:
        if not isinstance(item, Upgrade | Maintenance):
            changes.append(None)
            continue
        before = current.get(item.license.id, item.license)
        after = item.applied_to(before)
        current[after.id] = after
        changes.append(LicenseChange(item, before, after))
    return changes


async def apply_changes(
    *,
    actor: Actor,
    reseller: Reseller,
    order_number: str,
    changes: Sequence[LicenseChange],
) -> None:
    """Apply ``changes`` in order, conditionally (module doc); then email and audit them. Call
    inside the order's transaction."""
    for change in changes:
        await _apply(change)
    if not changes:
        return
    rows = {row.id: row for row in await License.filter(id__in={c.after.id for c in changes})}
    for change in changes:
        await record(
            actor,
            "license.modified",
            reseller_id=reseller.id,
            target=rows[change.after.id],
            target_label=change.after.key,
            changes={
                "kind": [None, change.kind.value],
                "order": [None, order_number],
                **diff(change.before.as_json(), change.after.as_json()),
            },
        )
    await _notify(reseller, rows.values(), changes)
    await webhooks.licenses_modified(
        reseller.id,
        [(change.after.id, change.kind.value) for change in changes],
        order_number=order_number,
    )


async def _apply(change: LicenseChange) -> None:
    before, after = change.before, change.after
    if isinstance(change.item, Upgrade):
        now = clock.now()
        updated = await License.filter(
            id=before.id,
            revision=before.revision,
            maintenance_expires_at=before.maintenance_expires_at,
        ).update(edition_id=after.edition.id, tier_id=after.tier.id, revision=after.revision)
        if updated:
            await LicenseAddon.bulk_create(
                [
                    LicenseAddon(license_id=after.id, addon_id=addon.id, added_at=now)
                    for addon in change.item.added
                ]
            )
    else:
        updated = await License.filter(
            id=before.id, maintenance_expires_at=before.maintenance_expires_at
        ).update(maintenance_expires_at=after.maintenance_expires_at)
    if not updated:
        raise DomainError(
            ErrorKind.CONFLICT,
            f"License {before.key} changed meanwhile; nothing was bought. Review the cart and "
            "check out again.",
        )


async def _notify(
    reseller: Reseller, rows: Iterable[License], changes: Sequence[LicenseChange]
) -> None:
    """One email per assigned license to its customer, saying everything the order changed."""
    customer_of = {row.id: row.customer_id for row in rows if row.customer_id is not None}
    if not customer_of:
        return
    users = {
        user.id: user
        for user in await User.filter(id__in=set(customer_of.values()), is_active=True)
    }
    of_license: dict[int, list[LicenseChange]] = defaultdict(list)
    for change in changes:
        of_license[change.after.id].append(change)
    for license_id, its_changes in of_license.items():
        user = users.get(customer_of.get(license_id, 0))
        if user is None:
            continue
        first, last = its_changes[0].before, its_changes[-1].after
        await enqueue_email(
            template="license_changed",
            to=[user.email],
            reseller_id=reseller.id,
            context={
                "name": user.name,
                "reseller_name": reseller.name,
                "key": last.key,
                "product": last.product.name,
                "changes": [sentence for c in its_changes for sentence in _sentences(c)],
                "reactivate": last.revision > first.revision,
                "edition": last.edition.name,
                "tier": last.tier.name,
                "addons": [addon.name for addon in last.addons],
                "maintenance_expires_at": last.maintenance_expires_at,
            },
        )


def _sentences(change: LicenseChange) -> list[str]:
    before, after = change.before, change.after
    if isinstance(change.item, Maintenance):
        what = "reinstated" if change.kind is LineKind.MAINTENANCE_REINSTATEMENT else "renewed"
        until = format_utc(after.maintenance_expires_at)
        return [f"Maintenance & Support was {what}: it now runs until {until}."]
    sentences = []
    if after.edition != before.edition:
        sentences.append(f"Edition: {before.edition.name} → {after.edition.name}.")
    if after.tier != before.tier:
        sentences.append(f"Tier: {before.tier.name} → {after.tier.name}.")
    added = [addon.name for addon in after.addons if addon not in before.addons]
    if added:
        sentences.append("Add-ons added: " + ", ".join(added) + ".")
    return sentences
