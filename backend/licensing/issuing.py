"""Issuing the licenses of an order: one per unit of each new-license line, with its add-ons."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from backend.commerce.models import LineKind, OrderLine
from backend.commerce.pricing import add_months
from backend.licensing.keys import new_key
from backend.licensing.models import License, LicenseAddon

if TYPE_CHECKING:
    from backend.commerce.cart import PricedLine


async def issue_licenses(
    *,
    reseller_id: int,
    lines: Sequence[tuple[OrderLine, PricedLine]],
    now: datetime,
    term_months: int,
) -> list[License]:
    """Create the licenses of new-license lines in two bulk inserts; keys are random and unique
    by constraint (a collision fails the transaction, which the caller retries)."""
    expires = add_months(now, term_months)
    rows = [
        License(
            key=new_key(),
            reseller_id=reseller_id,
            order_id=order_line.order_id,
            order_line_id=order_line.id,
            product_id=priced.item.product.id,
            edition_id=priced.item.edition.id,
            tier_id=priced.item.tier.id,
            personal=priced.personal,
            maintenance_expires_at=expires,
            created_at=now,
        )
        for order_line, priced in lines
        if priced.kind is LineKind.NEW_LICENSE
        for _ in range(order_line.quantity)
    ]
    if not rows:
        return []
    await License.bulk_create(rows)
    created = await License.filter(
        order_line_id__in=[order_line.id for order_line, _ in lines]
    ).order_by("id")
    addons_of = {order_line.id: priced.item.addons for order_line, priced in lines}
    await LicenseAddon.bulk_create(
        [
            LicenseAddon(license_id=license.id, addon_id=addon.id, added_at=now)
            for license in created
            for addon in addons_of[license.order_line_id]
        ]
    )
    return created
